"""The period of a trip: first and last day, number of days (inclusive) and nights."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass

from verslaghulp.facts.dates import RANGE_SEP, DateMention, find_dates
from verslaghulp.facts.lexicon import WEEKDAY_RE, weekday_number

# Lines that talk about the trip itself win over lines about events or follow-ups.
_TRIP_WORDS = re.compile(
    r"\b(reis|dienstreis|trip|travel|vertrek|vertrokken|heen|terug|periode|datum|data|wanneer|duur|van)\b", re.I
)
_LATER_WORDS = re.compile(
    r"\b(vervolg\w*|deadline|volgend\w*|next|afspraak|afgesproken|agenda|uiterlijk|voor|vóór|inleveren|indienen"
    r"|due|before|verzonden|sent)\b",
    re.I,
)
_STATED_DAYS = re.compile(
    r"(?<![\d,.])(?P<n>\d+(?:[,.]5)?|een|één|twee|drie|vier|vijf|zes|zeven|two|three|four|five|six|seven)"
    r"\s*(?:-\s*)?(?:hele\s+|full\s+)?(?:dag(?:en)?|dgn|daags?e?|days?)\b(?!\s+(?:later|erna|daarna|after))",
    re.I,
)
# "terugkomst 2 dagen later", "back three days later": the return as an offset from the date.
_DAYS_LATER = re.compile(
    r"(?<![\d,.])(?P<n>\d{1,2}|een|één|twee|drie|vier|vijf|zes|zeven|two|three|four|five|six|seven)"
    r"\s*(?:dag(?:en)?|dgn|days?)\s+(?:later|erna|daarna|after)\b",
    re.I,
)
# "came back on the 16th", "terug op de 16e": the day of return by its number, in the date's month.
_RETURN_ORDINAL = re.compile(
    r"\b(?:back|returned|return(?:ing)?|left|terug\w*|vertrokken)\b[^.;\n]{0,30}?"
    r"\b(?:the\s+(?P<en>\d{1,2})(?:st|nd|rd|th)|de\s+(?P<nl>\d{1,2})e)\b",
    re.I,
)
# Numbered day headers ("Dag 1 – 9 juni", "Dag 2 – stadsbestuur", "Dag 3 – terugreis"): the programme's days.
_DAY_HEADER = re.compile(r"(?m)^[ \t]*(?:[-*•][ \t]*)?(?:dag|day)[ \t]+(?P<k>[1-9])\b", re.I)
# "3 nachten in Madrid", "2 nights": nights away, one day fewer than the days.
_STATED_NIGHTS = re.compile(
    r"(?<![\d,.])(?P<n>\d{1,2}|een|één|twee|drie|vier|vijf|zes|zeven|two|three|four|five|six|seven)"
    r"\s*(?:nachten|nacht|nights?|overnachtingen|overnachting)\b",
    re.I,
)
# The day of return named by its weekday after a single date: "12 mei tot en met woensdag", "vrijdag terug",
# "(za terug)", "back home on Thursday the 9th".
_RETURN_DAY = re.compile(
    rf"(?:(?:{RANGE_SEP})\s*(?P<a>{WEEKDAY_RE})(?![\w])(?!\s*\d)"
    rf"|(?<![\w])(?P<b>{WEEKDAY_RE})(?:avond|ochtend|middag)?\s+(?:weer\s+)?(?:terug|retour)\b"
    rf"|\b(?:terug|retour|back|returned|return)\b[^.;\n\d]{{0,25}}?(?<![\w])(?P<c>{WEEKDAY_RE})(?![\w]))",
    re.I,
)
_WORD_DAYS = {"een": 1.0, "één": 1.0, "twee": 2.0, "drie": 3.0, "vier": 4.0, "vijf": 5.0, "zes": 6.0, "zeven": 7.0,
              "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "six": 6.0, "seven": 7.0}  # fmt: skip


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
    # Where the end date was not written but follows from a stated duration ("22 mei, 3 dagen").
    end_from_stated: bool = False
    # The stated count and the dates disagree ("3 dagen" for 6 t/m 9 mei): a finding, never silently fixed.
    stated_conflict: bool = False
    # The stated count as the notes write it ("2,5 dag"), kept in the answer.
    stated_text: str | None = None


_CLAUSE_END = re.compile(r"\n|;|\.\s")


def _line_of(text: str, pos: int) -> str:
    """Return the clause around a position; notes put several facts on one line, split by ". " or ";"."""
    start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, pos)), default=0)
    end_match = _CLAUSE_END.search(text, pos)
    return text[start : end_match.start() if end_match else len(text)]


def _line_score(text: str, mention: DateMention) -> int:
    line = _line_of(text, mention.start)
    return (2 if _TRIP_WORDS.search(line) else 0) - (3 if _LATER_WORDS.search(line) else 0)


def _in_brackets(text: str, pos: int) -> bool:
    """Whether a position is inside brackets on its line.

    "tech week (10-14 juni), wij 11 t/m 13 juni" gives the event's dates as an aside; the trip's own
    dates stand outside.
    """
    line_start = text.rfind("\n", 0, pos) + 1
    before = text[line_start:pos]
    return before.count("(") > before.count(")")


def _stated_days(text: str, near: int) -> tuple[float, str] | None:
    """A day count stated on the date's line or the line right after it, with the text it came from."""
    line_start = text.rfind("\n", 0, near) + 1
    line_end = text.find("\n", near)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    m = _STATED_DAYS.search(line)
    if not m and line_end >= 0:
        following = text[line_end + 1 :].split("\n", 1)[0]
        m = _STATED_DAYS.search(following) if len(following.split()) <= 6 else None
    if not m:
        nights = _STATED_NIGHTS.search(line)
        if nights is None:
            return None
        n = nights["n"].lower()
        return (_WORD_DAYS.get(n) or float(n)) + 1, nights.group()
    n = m["n"].lower()
    return (_WORD_DAYS.get(n) or float(n.replace(",", "."))), m.group()


def _return_day(text: str, first: DateMention) -> tuple[dt.date, str] | None:
    """The return date after a single date, or None.

    By its weekday on the date's line (1 to 7 days later), as "N dagen later", or from numbered day
    headers ("Dag 1 – 9 juni" ... "Dag 3").
    """
    line_end = text.find("\n", first.end)
    rest = text[first.end : line_end if line_end >= 0 else len(text)]
    ordinal = _RETURN_ORDINAL.search(rest)
    if ordinal is not None:
        day = int(ordinal["en"] or ordinal["nl"])
        if first.date.day < day <= first.date.day + 14:
            try:
                return first.date.replace(day=day), ordinal.group()
            except ValueError:
                pass  # no such day in the month
    later = _DAYS_LATER.search(rest)
    if later is not None:
        n = later["n"].lower()
        offset = int(_WORD_DAYS.get(n) or float(n))
        return first.date + dt.timedelta(days=offset), later.group()
    headers = [int(h["k"]) for h in _DAY_HEADER.finditer(text)]
    on_first = _DAY_HEADER.search(text[text.rfind("\n", 0, first.start) + 1 : first.start])
    if on_first is not None and max(headers) > int(on_first["k"]):
        last = max(headers)
        return first.date + dt.timedelta(days=last - int(on_first["k"])), f"dag {last}"
    m = _RETURN_DAY.search(rest)
    if m is None:
        return None
    weekday = weekday_number((m["a"] or m["b"] or m["c"]).rstrip("."))
    if weekday is None:
        return None
    ahead = (weekday - first.date.weekday()) % 7
    return (first.date + dt.timedelta(days=ahead), m.group().strip()) if ahead else None


def _make(text: str, first: DateMention, last: DateMention) -> Period:
    if first.start <= last.start:
        evidence = text[first.start : last.end] if "\n" not in text[first.start : last.end] else first.text
    else:
        evidence = first.text
    stated = _stated_days(text, first.start)
    stated_days = stated[0] if stated else None
    end = last.date
    from_stated = False
    if stated_days is not None and stated_days >= 1.5 and end == first.date:
        # One date and a stated duration: the trip ends on the last of the stated days (2,5 dag -> 3 days).
        end = first.date + dt.timedelta(days=math.ceil(stated_days) - 1)
        from_stated = True
    elif end == first.date and (back := _return_day(text, first)) is not None:
        # One date and the day of return by its weekday: "vertrek di 19 februari, vrijdag terug".
        end, returned = back
        stated = (float((end - first.date).days + 1), returned)
        stated_days, from_stated = stated[0], True
    days = (end - first.date).days + 1
    return Period(
        start=first.date,
        end=end,
        days=days,
        nights=(end - first.date).days,
        evidence=evidence,
        end_evidence=stated[1] if from_stated and stated else last.text,
        stated_days=stated_days,
        year_inferred=first.year_inferred or last.year_inferred,
        end_from_stated=from_stated,
        stated_conflict=stated_days is not None and not from_stated and math.ceil(stated_days) != days,
        stated_text=stated[1] if stated else None,
    )


# A week number with a weekday range, as agendas write it: "wk 41 (2025), ma t/m wo", "week 12: di-do".
_WEEK_RANGE = re.compile(
    rf"(?<![\w])(?:week|wk|w)\.?\s*(?P<w>[1-5]?\d)(?!\d)(?:\s*\(?\s*(?P<y>(?:19|20)\d\d)\s*\)?)?"
    rf"[^\n\d]{{0,30}}?(?<![\w])(?P<a>{WEEKDAY_RE})\s*{RANGE_SEP}\s*(?P<b>{WEEKDAY_RE})(?![\w])",
    re.I,
)
_ANY_YEAR = re.compile(r"(?<![\d.,/-])(?:19|20)\d\d(?!\d)")


def _week_period(text: str, default_year: int | None) -> Period | None:
    """The period of an ISO week's weekday range ("wk 41 (2025), ma t/m wo" = 6 t/m 8 oktober 2025)."""
    m = _WEEK_RANGE.search(text)
    if m is None:
        return None
    year_text = m["y"] or next((y.group() for y in _ANY_YEAR.finditer(text)), None)
    year = int(year_text) if year_text else default_year
    first, last = weekday_number(m["a"]), weekday_number(m["b"])
    if year is None or first is None or last is None or not 1 <= int(m["w"]) <= 53 or last < first:
        return None
    try:
        start = dt.date.fromisocalendar(year, int(m["w"]), first + 1)
        end = dt.date.fromisocalendar(year, int(m["w"]), last + 1)
    except ValueError:
        return None
    days = (end - start).days + 1
    return Period(start, end, days, days - 1, m.group(), m["b"], year_inferred=not year_text)


def extract_period(
    text: str, *, default_year: int | None = None, mentions: list[DateMention] | None = None
) -> Period | None:
    """Read the trip's period from notes; None when they contain no date.

    An explicit range ("6 t/m 8 februari 2019", "14-18 nov", "ma 15/11 - do 18/11") is preferred, the
    one on a line about the trip first; day-by-day notes without a range give the earliest and latest
    date, leaving out dates on lines about follow-ups or deadlines. A missing year comes from other
    dates or years in the text, else `default_year`. `mentions` are the text's dates when the caller
    has found them already (with the same `default_year`).
    """
    if mentions is None:
        mentions = find_dates(text, default_year=default_year)
    if not mentions:
        return _week_period(text, default_year)
    ranges = [
        (m, mentions[m.range_partner])
        for m in mentions
        if m.range_partner is not None and m.date <= mentions[m.range_partner].date
    ]
    ranges = [(a, b) for a, b in ranges if a.start < b.start and (b.date - a.date).days < 60]
    if ranges:
        best = max(
            ranges, key=lambda pair: (_line_score(text, pair[0]), not _in_brackets(text, pair[0].start), -pair[0].start)
        )
        in_ranges = {id(m) for pair in ranges for m in pair}
        # A range on a line about later plans ("het forum van volgend jaar (17-19 maart 2027)") is the
        # trip's only when the notes give no other date.
        if _line_score(text, best[0]) >= 0 or all(id(m) in in_ranges for m in mentions):
            return _make(text, *best)
    week = _week_period(text, default_year)
    if week is not None:
        return week  # a stated week range beats gathering the loose dates of the notes
    trip = [m for m in mentions if _line_score(text, m) >= 0] or mentions
    first = min(trip, key=lambda m: (m.date, m.start))
    last = max(trip, key=lambda m: (m.date, -m.start))
    if (last.date - first.date).days >= 60:  # a far-off date is a follow-up, not part of the trip
        return _make(text, first, first)
    return _make(text, first, last)
