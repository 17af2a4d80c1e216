"""Property-based tests for the date parser and the normaliser."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from verslaghulp.facts import extract_period, find_dates
from verslaghulp.facts.lexicon import MONTH_NAMES_NL, WEEKDAY_NAMES_NL
from verslaghulp.facts.normalise import fold, parse_number, same_name

dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31))
ABBREVIATIONS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def _write(d: dt.date, style: int) -> str:
    if style == 0:
        return f"{d.day} {MONTH_NAMES_NL[d.month - 1]} {d.year}"
    if style == 1:
        return f"{WEEKDAY_NAMES_NL[d.weekday()]} {d.day} {MONTH_NAMES_NL[d.month - 1]} {d.year}"
    if style == 2:
        return f"{d.day} {ABBREVIATIONS[d.month - 1]} {d.year}"
    return f"{d.day}-{d.month}-{d.year}"


@settings(max_examples=200, deadline=None)
@given(
    start=dates,
    length=st.integers(min_value=0, max_value=20),
    style=st.integers(0, 3),
    sep=st.sampled_from(["t/m", "-", "tot en met", "–"]),
)
def test_any_written_range_round_trips(start: dt.date, length: int, style: int, sep: str) -> None:
    end = start + dt.timedelta(days=length)
    text = f"Reis van {_write(start, style)} {sep} {_write(end, style)}, verder niets."
    period = extract_period(text)
    assert period is not None
    assert (period.start, period.end) == (start, end)
    assert period.days == length + 1 and period.nights == length
    assert period.evidence in text


@settings(max_examples=200, deadline=None)
@given(start=dates, length=st.integers(min_value=1, max_value=20))
def test_compact_range_in_one_month(start: dt.date, length: int) -> None:
    end = start + dt.timedelta(days=length)
    if end.month != start.month:
        return
    text = f"{start.day}-{end.day} {ABBREVIATIONS[start.month - 1]} {start.year}"
    period = extract_period(text)
    assert period is not None and (period.start, period.end) == (start, end)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_date_finder_never_crashes_and_spans_are_exact(text: str) -> None:
    for m in find_dates(text, default_year=2024):
        assert text[m.start : m.end] == m.text


@given(st.text(max_size=80))
def test_fold_is_idempotent_and_lowercase(text: str) -> None:
    once = fold(text)
    assert fold(once) == once
    assert once == once.lower() or not once.isascii()


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzéèëïöüáàâ -", min_size=1, max_size=30))
def test_fold_ignores_case_accents_and_hyphens(text: str) -> None:
    assert fold(text.upper()) == fold(text)
    assert fold(text.replace("é", "e").replace("ë", "e")) == fold(text)
    assert fold(text.replace("-", " ")) == fold(text)


@given(st.integers(min_value=0, max_value=10_000_000))
def test_dutch_thousands_separator(n: int) -> None:
    written = f"{n:,}".replace(",", ".")
    assert parse_number(written) == n
    assert parse_number(str(n)) == n


def test_names_match_after_normalisation() -> None:
    assert same_name("Marc Pérez Batlle", "Marc Perez-Batlle")
    assert same_name("J. de Vries", "Jan de Vries")
    assert not same_name("Theo Blackmore", "Theo Blackwell")
    assert parse_number("drie") == 3
