"""Find every calendar date in Dutch or English notes, with its exact span.

Hand-written rules rather than dateparser: officials write ranges ("6 t/m 8 februari", "14-18 nov",
"ma 15/11 - do 18/11") that dateparser's search does not pair up, and a regex scan costs microseconds
where a generic parser costs milliseconds per call - and the grounding check runs it on every answer.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from verslaghulp.facts.lexicon import MONTH_RE, WEEKDAY_RE, month_number, weekday_number

_NOT_LETTER = r"(?![^\W\d_])"
# A date starts where a word starts: "ma" in "Roma 15/11" is no Monday, "1" in "Q1 nov" no day. The
# look-behind is also what keeps the scan fast: inside a word it fails before the long alternations
# of weekday and month names are tried.
_WORD_START = r"(?<![^\W\d_])"
_WD = rf"(?:(?P<wd>{WEEKDAY_RE}){_NOT_LETTER}\s*,?\s*)?"
_AT_WD = _WORD_START + _WD  # an optional weekday, at the start of a word
_YEAR = r"(?P<y>(?:19|20)\d\d|'\d\d)(?!\d)"
_ORDINAL = r"(?:e|ste|de|st|nd|rd|th)?"  # "3e", "2de", "1st", "14th"
_DAY = rf"(?<![\d.,/:])(?P<d>[0-3]?\d){_ORDINAL}"

# Day-month-year as words: "14 nov 2021", "zondagavond 27 april", "14 november, 2021", "16th of October".
_TEXT_DATE = re.compile(
    rf"{_AT_WD}{_DAY}\s*(?:of\s+)?(?P<m>{MONTH_RE}){_NOT_LETTER}(?:\s*,?\s*{_YEAR})?", re.IGNORECASE
)
# English order: "November 14, 2021", "Nov 14".
_EN_DATE = re.compile(
    rf"{_AT_WD}(?P<m>{MONTH_RE}){_NOT_LETTER}\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\b(?![/:.]\d)(?:,?\s+{_YEAR})?",
    re.IGNORECASE,
)
# Numeric: "15/11", "15/11/2021"; with dashes or dots only when a year follows, so that "3-5 okt"
# and times such as "15.30" are not read as dates.
_NUM_SLASH = re.compile(rf"{_AT_WD}(?<![\d/])(?P<d>[0-3]?\d)/(?P<mn>[01]?\d)(?:/(?P<y>(?:19|20)?\d\d))?(?![\d/])", re.I)
_NUM_DASH = re.compile(
    rf"{_AT_WD}(?<![\d.-])(?P<d>[0-3]?\d)(?P<sep>[-.])(?P<mn>[01]?\d)(?P=sep)(?P<y>(?:19|20)\d\d)(?!\d)", re.I
)
_ISO = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<mn>[01]\d)-(?P<d>[0-3]\d)(?!\d)")

RANGE_SEP = r"(?:t/m|t\.?m\.?|tot\s+en\s+met|tot|until|till|through|thru|to|-|–|—|/)"
# A bare day before a full date: the "6 t/m" of "6 t/m 8 februari".
# The article of "from the 14th to the 16th of October" and "van de 3e t/m de 5e juni" may stand on either side.
_BARE_START = re.compile(
    # "Dag 1 - 8 april" numbers the day of the programme; it is no range.
    rf"(?:{_AT_WD}(?<![\d.,/:-])(?<!\b[dD]ag )(?<!\b[dD]ay )(?P<d>[0-3]?\d){_ORDINAL})"
    rf"\s*{RANGE_SEP}\s*(?:the\s+|de\s+)?$",
    re.IGNORECASE,
)
# A bare day after an English date: the "-18" of "November 14-18, 2021".
_BARE_END = re.compile(rf"\s*(?:-|–|—|to|through|t/m)\s*(?P<d>[0-3]?\d)\b(?![/:.]\d)(?:,?\s+{_YEAR})?", re.I)
_LIST_BEFORE = re.compile(r"(?<![\d.,/:-])(?P<d>[0-3]?\d)(?:e|ste|de)?\s*(?:,|en|and|&|\+)\s*$", re.IGNORECASE)
_BETWEEN_RANGE = re.compile(rf"^\s*,?\s*{RANGE_SEP}\s*$", re.IGNORECASE)
_STANDALONE_YEAR = re.compile(r"(?<![\d.,/-])(?:19|20)\d\d(?![\d.,/-]\d)")


@dataclass(frozen=True, slots=True)
class DateMention:
    """One date written in a text: its value, its exact span, and how sure the year is."""

    date: dt.date
    start: int
    end: int
    text: str
    weekday: int | None = None
    year_written: bool = True
    year_inferred: bool = False
    range_partner: int | None = None  # index of the other end when this mention is half of a range


@dataclass(frozen=True, slots=True)
class _Raw:
    day: int
    month: int
    year: int | None
    weekday: int | None
    start: int
    end: int


def _year(value: str | None) -> int | None:
    if not value:
        return None
    if value.startswith("'"):
        return 2000 + int(value[1:])
    year = int(value)
    return 2000 + year if year < 100 else year


def _raw_from(m: re.Match[str]) -> _Raw | None:
    groups = m.groupdict()
    month = month_number(groups["m"]) if groups.get("m") else int(groups["mn"])
    day = int(groups["d"])
    if not month or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    weekday = weekday_number(groups["wd"]) if groups.get("wd") else None
    return _Raw(day, month, _year(groups.get("y")), weekday, m.start(), m.end())


def _scan(text: str) -> list[_Raw]:
    found: list[_Raw] = []
    for pattern in (_TEXT_DATE, _NUM_DASH, _ISO, _NUM_SLASH, _EN_DATE):
        for m in pattern.finditer(text):
            raw = _raw_from(m)
            if raw and not any(r.start < raw.end and raw.start < r.end for r in found):
                found.append(raw)
    return sorted(found, key=lambda r: r.start)


def _expand(text: str, raws: list[_Raw]) -> tuple[list[_Raw], list[tuple[int, int]]]:
    """Add the bare days of compact ranges and lists; return raws and (start, end) index pairs of ranges."""
    out: list[_Raw] = []
    pairs: list[tuple[int, int]] = []
    for raw in raws:
        head = text[max(0, out[-1].end if out else 0) : raw.start]
        bare = _BARE_START.search(head)
        if bare and int(bare["d"]) <= raw.day:
            offset = raw.start - len(head)
            wd = weekday_number(bare["wd"]) if bare["wd"] else None
            first = _Raw(
                int(bare["d"]),
                raw.month,
                raw.year,
                wd,
                offset + bare.start(),
                offset + bare.start("d") + len(bare["d"]),
            )
            out.append(first)
            pairs.append((len(out) - 1, len(out)))
        else:
            _add_list_days(text, raw, out)
        out.append(raw)
        tail = _BARE_END.match(text, raw.end) if _is_english(text, raw) else None
        if tail and int(tail["d"]) > raw.day:
            year = _year(tail["y"]) or raw.year
            out[-1] = replace(raw, year=year)
            out.append(_Raw(int(tail["d"]), raw.month, year, None, tail.start("d"), tail.end()))
            pairs.append((len(out) - 2, len(out) - 1))
    # Two full dates joined by a range word: "14 november t/m 18 november", "ma 15/11 - do 18/11".
    for i in range(len(out) - 1):
        if any(i in p or i + 1 in p for p in pairs):
            continue
        if _BETWEEN_RANGE.match(text[out[i].end : out[i + 1].start]) and _before_or_equal(out[i], out[i + 1]):
            pairs.append((i, i + 1))
    return out, pairs


def _is_english(text: str, raw: _Raw) -> bool:
    return not text[raw.start : raw.end].strip()[:1].isdigit()


def _add_list_days(text: str, raw: _Raw, out: list[_Raw]) -> None:
    """Turn "16, 17 en 18 november" into three mentions."""
    pos = raw.start
    extra: list[_Raw] = []
    limit = out[-1].end if out else 0
    while True:
        m = _LIST_BEFORE.search(text, limit, pos)
        if not m or int(m["d"]) > raw.day or not 1 <= int(m["d"]) <= 31:
            break
        extra.append(_Raw(int(m["d"]), raw.month, raw.year, None, m.start(), m.start() + len(m["d"])))
        pos = m.start()
    out.extend(reversed(extra))


def _before_or_equal(a: _Raw, b: _Raw) -> bool:
    if a.year and b.year and a.year != b.year:
        return a.year < b.year
    return (a.month, a.day) <= (b.month, b.day) or (a.month == 12 and b.month == 1)


def _fit_weekday(target: _Raw, year: int) -> int:
    """A context year, moved by at most two years when the written weekday says so ("zondag 27 april")."""
    if target.weekday is None:
        return year
    for candidate in (year, year - 1, year + 1, year - 2, year + 2):
        try:
            if dt.date(candidate, target.month, target.day).weekday() == target.weekday:
                return candidate
        except ValueError:
            return year
    return year


def _context_year(text: str, raws: list[_Raw], index: int, default_year: int | None) -> tuple[int, bool]:
    """Year for a mention that has none: nearest written year in the text, else default, else weekday."""
    target = raws[index]
    with_year = [r for r in raws if r.year]
    if with_year:
        nearest = min(with_year, key=lambda r: abs(r.start - target.start))
        assert nearest.year is not None
        return _fit_weekday(target, nearest.year), False
    years = [(abs(m.start() - target.start), int(m.group())) for m in _STANDALONE_YEAR.finditer(text)]
    if years:
        return _fit_weekday(target, min(years)[1]), False
    base = default_year or dt.date.today().year
    if target.weekday is not None and default_year is None:
        # "zondag 14 november": the nearest year in which that date falls on a Sunday.
        for delta in (0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6):
            try:
                if dt.date(base + delta, target.month, target.day).weekday() == target.weekday:
                    return base + delta, True
            except ValueError:
                break
    return base, default_year is None


def find_dates(text: str, *, default_year: int | None = None) -> list[DateMention]:
    """Every date in the text, in order, with exact spans; a missing year is taken from context.

    A range's two ends are both returned and point at each other through `range_partner`.
    """
    raws, pairs = _expand(text, _scan(text))
    partner: dict[int, int] = {}
    for a, b in pairs:
        partner[a], partner[b] = b, a
    years: list[tuple[int | None, bool]] = [(r.year, False) for r in raws]
    for a, b in pairs:  # a range shares its year, minus one when it crosses New Year
        ra, rb = raws[a], raws[b]
        if ra.year is None and rb.year is not None:
            years[a] = (rb.year - 1 if ra.month > rb.month else rb.year, False)
        elif rb.year is None and ra.year is not None:
            years[b] = (ra.year + 1 if ra.month > rb.month else ra.year, False)
    result: list[DateMention] = []
    for i, raw in enumerate(raws):
        year, inferred = years[i]
        if year is None:
            year, inferred = _context_year(text, raws, i, default_year)
            if i in partner and raws[partner[i]].month < raw.month and partner[i] > i:
                year -= 1
        try:
            value = dt.date(year, raw.month, raw.day)
        except ValueError:
            continue
        result.append(
            DateMention(
                value,
                raw.start,
                raw.end,
                text[raw.start : raw.end],
                raw.weekday,
                raw.year is not None,
                inferred,
                partner.get(i),
            )
        )
    if len(result) != len(raws):  # an invalid date (31 februari) was dropped: partners no longer line up
        result = [replace(m, range_partner=None) for m in result]
    return result
