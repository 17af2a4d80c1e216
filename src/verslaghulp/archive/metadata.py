"""Report-level facts for the archive's filters: period, travellers, places, people, themes.

Dates and the number of travellers come from the facts layer (`verslaghulp.facts`), the same code
that checks drafts, so the archive and the drafts agree on what "6 t/m 8 februari" means. The
calls are isolated in `_period` and `_travellers`: if the facts layer is not installed the
archive still works, with those fields left empty.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, Field

from verslaghulp.archive.places import find_places
from verslaghulp.archive.themes import find_themes
from verslaghulp.report.parse import ParsedReport

_extract_period: Callable[..., Any] | None
_count_travellers: Callable[[str], Any] | None
try:
    from verslaghulp.facts.period import extract_period as _extract_period
    from verslaghulp.facts.travellers import count_travellers as _count_travellers
except ImportError:  # pragma: no cover - only while the facts layer is absent
    _extract_period = None
    _count_travellers = None

_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december")  # fmt: skip
_YEAR = re.compile(r"(?<!\d)(20[0-4]\d|19[89]\d)(?!\d)")
# "Naam Achternaam – functie bij Organisatie": a name is 2-5 capitalised words (with particles).
_PARTICLES = r"(?:van|de|der|den|ten|ter|von|la|le|el|da|di|del|dos)"
_NAME = rf"[A-ZÀ-Ý][\w'’.-]+(?:\s+(?:{_PARTICLES}\s+)*[A-ZÀ-Ý][\w'’.-]+){{1,4}}"
_PERSON_LINE = re.compile(rf"^\s*(?:[-*•]\s*)?(?P<name>{_NAME})\s*(?:[–—-]|:|,)\s*(?P<role>.+?)\s*\.?$")
_ORG_AFTER = re.compile(
    r"\b(?:bij|van|at|of|namens|vanuit)\s+(?:de\s+|het\s+)?"
    r"(?P<org>(?:gemeente|stad|provincie|ministerie van)\s+[A-ZÀ-Ý][\w'’-]+"
    r"|[A-ZÀ-Ý][\w&'’.-]*(?:\s+(?:[A-ZÀ-Ý0-9][\w&'’.-]*|of|for|and|for|voor|&))*)"
)
# Roles and home words that follow "van" without being an organisation ("vertegenwoordigers van CIO's").
_NOT_ORGS = {"Den Haag", "Nederland", "Nederlandse", "De", "Het", "Een", "CIO", "CDO", "CTO", "CEO", "CIOs", "CTOs"}


class ReportFacts(BaseModel):
    """What the archive knows about a report as a whole."""

    title: str
    start: dt.date | None = None
    end: dt.date | None = None
    days: int | None = None
    travellers: int | None = None
    cities: list[str] = Field(default_factory=list)
    countries: list[str] = Field(default_factory=list)
    people: list[str] = Field(default_factory=list)
    organisations: list[str] = Field(default_factory=list)
    themes: list[str] = Field(default_factory=list)


def year_hint(name: str) -> int | None:
    """A year in a file name ("verslag-wenen-2025.docx"), used when the report gives none."""
    found = _YEAR.findall(name)
    return int(found[-1]) if found else None


def _period(text: str, default_year: int | None) -> tuple[dt.date, dt.date, int] | None:
    if _extract_period is None or not text.strip():
        return None
    period = _extract_period(text, default_year=default_year)
    if period is None:
        return None
    return period.start, period.end, period.days


def _travellers(text: str) -> int | None:
    bare = text.strip().rstrip(".")
    if bare.isdigit():  # the 2019 form is often answered with just "2"
        return int(bare)
    if _count_travellers is None or not bare:
        return None
    found = _count_travellers(text)
    return int(found.count) if found is not None else None


def find_people(text: str) -> tuple[list[str], list[str]]:
    """People ("Naam – functie") and organisations named in an answer to "Wie heb je ontmoet?"."""
    people: list[str] = []
    organisations: list[str] = []
    for line in re.split(r"\n|;", text):
        match = _PERSON_LINE.match(line)
        if match and len(match["name"].split()) <= 5:
            entry = f"{match['name'].strip()} ({match['role'].strip().rstrip('.')})"
            if entry not in people:
                people.append(entry)
            line = match["role"]  # "van" inside a name ("Hubert van Beusekom") is no organisation
        for org in _ORG_AFTER.finditer(line):
            name = re.sub(r"\s+(?:of|for|and|voor|&)$", "", org["org"].strip(" .,;:()"))
            if name not in _NOT_ORGS and name not in organisations and not _is_person(name, people):
                organisations.append(name)
    return people, organisations


def _is_person(name: str, people: list[str]) -> bool:
    return any(p.startswith(name + " (") for p in people)


def extract_facts(parsed: ParsedReport, *, source_name: str) -> ReportFacts:
    """Facts of a parsed report; answers of a known form are read where they belong, else the whole text."""
    default_year = year_hint(source_name)
    if parsed.recognised:
        when = parsed.answer_text("duur") or parsed.text
        who = parsed.answer_text("personen")
        where = parsed.answer_text("locaties") or parsed.answer_text("doel") or parsed.text
        met = parsed.answer_text("ontmoet")
    else:
        when = who = where = met = parsed.text
    period = _period(when, default_year)
    if period is None and when is not parsed.text:
        period = _period(parsed.text, default_year)
    cities, countries = find_places(where)
    if not cities and where is not parsed.text:
        cities, countries = find_places(parsed.text)
    people, organisations = find_people(met)
    start, end, days = period if period else (None, None, None)
    return ReportFacts(
        title=_title(cities, start, source_name),
        start=start,
        end=end,
        days=days,
        travellers=_travellers(who) if who else None,
        cities=cities,
        countries=countries,
        people=people,
        organisations=organisations,
        themes=find_themes(parsed.text),
    )


def _title(cities: list[str], start: dt.date | None, source_name: str) -> str:
    place = " en ".join(cities[:2]) + (" e.a." if len(cities) > 2 else "")
    when = f"{_MONTHS[start.month - 1]} {start.year}" if start else ""
    if place:
        return f"Dienstreis {place}" + (f", {when}" if when else "")
    return source_name + (f" ({when})" if when else "")
