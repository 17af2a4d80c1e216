"""Report-level facts for the archive's filters: period, travellers, places, people, themes.

Dates, the number of travellers and the people met come from the facts layer (`verslaghulp.facts`),
the same code that checks drafts, so the archive and the drafts agree on what "6 t/m 8 februari"
means. Destinations use the archive's own small gazetteer (places.py): filters need one Dutch name
per city and a conservative list of destinations, where the facts gazetteer is built for recall.
"""

from __future__ import annotations

import datetime as dt
import re

from pydantic import BaseModel, Field

from verslaghulp.archive.places import find_places
from verslaghulp.archive.themes import find_themes
from verslaghulp.facts.lexicon import MONTH_NAMES_NL
from verslaghulp.facts.people import extract_organisations, extract_people
from verslaghulp.facts.period import extract_period
from verslaghulp.facts.travellers import count_travellers
from verslaghulp.report.parse import ParsedReport

_YEAR = re.compile(r"(?<!\d)(20[0-4]\d|19[89]\d)(?!\d)")
# Acronyms too short to tell an organisation from a department or a role ("DG", "IT").
_MIN_ORG_CHARS = 3


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
    period = extract_period(text, default_year=default_year) if text.strip() else None
    return (period.start, period.end, period.days) if period else None


def _travellers(text: str) -> int | None:
    bare = text.strip().rstrip(".")
    if bare.isdigit():  # the 2019 form is often answered with just "2"
        return int(bare)
    found = count_travellers(text) if bare else None
    return found.count if found else None


def find_people(text: str) -> tuple[list[str], list[str]]:
    """People ("Naam (functie, organisatie)") and organisations named in an answer to "Wie heb je ontmoet?"."""
    people: list[str] = []
    organisations: list[str] = []
    for person in extract_people(text):
        details = ", ".join(part for part in (person.role, person.organisation) if part)
        people.append(f"{person.name} ({details})" if details else person.name)
        if person.organisation:
            organisations.append(person.organisation)
    organisations += [m.text for m in extract_organisations(text) if len(m.text) >= _MIN_ORG_CHARS]
    return list(dict.fromkeys(people)), list(dict.fromkeys(organisations))


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
    when = f"{MONTH_NAMES_NL[start.month - 1]} {start.year}" if start else ""
    if place:
        return f"Dienstreis {place}" + (f", {when}" if when else "")
    return source_name + (f" ({when})" if when else "")
