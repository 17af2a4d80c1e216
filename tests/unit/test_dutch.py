"""Dutch numbers and counts: a decimal comma, a thousands point, the singular for one."""

from __future__ import annotations

import datetime as dt

from verslaghulp.dutch import count, day, number, seconds


def test_numbers_have_a_decimal_comma_and_a_thousands_point() -> None:
    assert number(0.80, 2) == "0,80"
    assert number(1234.5, 1) == "1.234,5"
    assert number(2_524) == "2.524"
    assert number(0.0350, 4, trim=True) == "0,035" and number(4.0, 2, trim=True) == "4"


def test_one_is_singular() -> None:
    assert count(1, "dag", "dagen") == "1 dag" and count(2, "dag", "dagen") == "2 dagen"
    assert count(0, "bestand", "bestanden") == "0 bestanden"
    assert count(1200, "verslag", "verslagen") == "1.200 verslagen"


def test_durations() -> None:
    assert seconds(12.34) == "12,3 s" and seconds(110.8) == "111 s"


def test_days_are_written_out() -> None:
    assert day(dt.date(2026, 12, 1)) == "1 december 2026" and day(dt.date(2025, 3, 14)) == "14 maart 2025"
