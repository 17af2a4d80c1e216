"""The period of a trip: first and last day, number of days (inclusive) and nights."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from verslaghulp.facts.dates import DateMention, find_dates

# Lines that talk about the trip itself win over lines about events or follow-ups.
_TRIP_WORDS = re.compile(
    r"\b(reis|dienstreis|trip|travel|vertrek|vertrokken|heen|terug|periode|datum|data|wanneer|duur|van)\b", re.I
)
_LATER_WORDS = re.compile(r"\b(vervolg\w*|deadline|volgend\w*|next|afspraak|afgesproken|agenda|uiterlijk|voor)\b", re.I)
_STATED_DAYS = re.compile(
    r"(?<![\d,.])(?P<n>\d+(?:[,.]5)?|een|één|twee|drie|vier|vijf|zes|zeven)\s*(?:hele\s+)?dag(?:en)?\b", re.I
)
_WORD_DAYS = {"een": 1.0, "één": 1.0, "twee": 2.0, "drie": 3.0, "vier": 4.0, "vijf": 5.0, "zes": 6.0, "zeven": 7.0}


@dataclass(frozen=True, slots=True)
class Period:
    """A trip's period, with the exact text it was read from.

    `days` counts both ends (6 t/m 8 februari = 3 days); `nights` is the number of nights away.
    `stated_days` is a day count the text itself gives ("2,5 dag"), if any; `year_inferred` is true
    when no year was written anywhere and the year is a guess.
    """

    start: dt.date
    end: dt.date
    days: int
    nights: int
    evidence: str
    end_evidence: str
    stated_days: float | None = None
    year_inferred: bool = False


_CLAUSE_END = re.compile(r"\n|;|\.\s")


def _line_of(text: str, pos: int) -> str:
    """Return the clause around a position; notes put several facts on one line, split by ". " or ";"."""
    start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, pos)), default=0)
    end_match = _CLAUSE_END.search(text, pos)
    return text[start : end_match.start() if end_match else len(text)]


def _line_score(text: str, mention: DateMention) -> int:
    line = _line_of(text, mention.start)
    return (2 if _TRIP_WORDS.search(line) else 0) - (3 if _LATER_WORDS.search(line) else 0)


def _stated_days(text: str, near: int) -> float | None:
    line_start = text.rfind("\n", 0, near) + 1
    line_end = text.find("\n", near)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    m = _STATED_DAYS.search(line)
    if not m:
        return None
    n = m["n"].lower()
    return _WORD_DAYS.get(n) or float(n.replace(",", "."))


def _make(text: str, first: DateMention, last: DateMention) -> Period:
    if first.start <= last.start:
        evidence = text[first.start : last.end] if "\n" not in text[first.start : last.end] else first.text
    else:
        evidence = first.text
    return Period(
        start=first.date,
        end=last.date,
        days=(last.date - first.date).days + 1,
        nights=(last.date - first.date).days,
        evidence=evidence,
        end_evidence=last.text,
        stated_days=_stated_days(text, first.start),
        year_inferred=first.year_inferred or last.year_inferred,
    )


def extract_period(text: str, *, default_year: int | None = None) -> Period | None:
    """Read the trip's period from notes; None when they contain no date.

    An explicit range ("6 t/m 8 februari 2019", "14-18 nov", "ma 15/11 - do 18/11") is preferred, the
    one on a line about the trip first; day-by-day notes without a range give the earliest and latest
    date, leaving out dates on lines about follow-ups or deadlines. A missing year comes from other
    dates or years in the text, else `default_year`.
    """
    mentions = find_dates(text, default_year=default_year)
    if not mentions:
        return None
    ranges = [
        (m, mentions[m.range_partner])
        for m in mentions
        if m.range_partner is not None and m.date <= mentions[m.range_partner].date
    ]
    ranges = [(a, b) for a, b in ranges if a.start < b.start and (b.date - a.date).days < 60]
    if ranges:
        best = max(ranges, key=lambda pair: (_line_score(text, pair[0]), -pair[0].start))
        if _line_score(text, best[0]) >= 0 or len(ranges) == len(mentions) // 2:
            return _make(text, *best)
    trip = [m for m in mentions if _line_score(text, m) >= 0] or mentions
    first = min(trip, key=lambda m: (m.date, m.start))
    last = max(trip, key=lambda m: (m.date, -m.start))
    if (last.date - first.date).days >= 60:  # a far-off date is a follow-up, not part of the trip
        return _make(text, first, first)
    return _make(text, first, last)
