import datetime as dt

import pytest

from verslaghulp.facts import extract_period, find_dates

D = dt.date


@pytest.mark.parametrize(
    ("text", "start", "end", "days", "evidence"),
    [
        ("3 dagen: van 6 t/m 8 februari 2019", D(2019, 2, 6), D(2019, 2, 8), 3, "6 t/m 8 februari 2019"),
        ("Van zondag 14 november t/m donderdag 18 november 2021", D(2021, 11, 14), D(2021, 11, 18), 5,
         "zondag 14 november t/m donderdag 18 november 2021"),
        ("2,5 dag (zondagavond 27 april t/m dinsdag 29 april) - CGCC 2025", D(2025, 4, 27), D(2025, 4, 29), 3,
         "zondagavond 27 april t/m dinsdag 29 april"),
        ("reis 14-18 nov 2021", D(2021, 11, 14), D(2021, 11, 18), 5, "14-18 nov 2021"),
        ("ma 15/11 - do 18/11, expo 2021", D(2021, 11, 15), D(2021, 11, 18), 4, "ma 15/11 - do 18/11"),
        ("trip 14-18 November 2021", D(2021, 11, 14), D(2021, 11, 18), 5, "14-18 November 2021"),
        ("November 14-18, 2021 in Barcelona", D(2021, 11, 14), D(2021, 11, 18), 5, "November 14-18, 2021"),
        ("28 dec - 2 jan 2020 naar Lissabon", D(2019, 12, 28), D(2020, 1, 2), 6, "28 dec - 2 jan 2020"),
        ("op 15-11-2021 t/m 18-11-2021", D(2021, 11, 15), D(2021, 11, 18), 4, "15-11-2021 t/m 18-11-2021"),
        ("Reis 6-8 feb 2019. Vervolg: deadline 14 maart; Digital Week Milaan 13-17 maart",
         D(2019, 2, 6), D(2019, 2, 8), 3, "6-8 feb 2019"),
        ("16, 17 en 18 november 2021 op de expo", D(2021, 11, 16), D(2021, 11, 18), 3, "16, 17 en 18 november 2021"),
        ("vertrek 30 september, terug 2 oktober 2024", D(2024, 9, 30), D(2024, 10, 2), 3,
         "30 september, terug 2 oktober 2024"),
        ("van 1e tot 3e juni 2023", D(2023, 6, 1), D(2023, 6, 3), 3, "1e tot 3e juni 2023"),
        ("2023-03-13 t/m 2023-03-15", D(2023, 3, 13), D(2023, 3, 15), 3, "2023-03-13 t/m 2023-03-15"),
        ("ma 6 mrt heen, wo 8 mrt terug (2023)", D(2023, 3, 6), D(2023, 3, 8), 3, "ma 6 mrt heen, wo 8 mrt"),
    ],
)  # fmt: skip
def test_periods_as_officials_write_them(text: str, start: dt.date, end: dt.date, days: int, evidence: str) -> None:
    period = extract_period(text)
    assert period is not None
    assert (period.start, period.end, period.days, period.nights) == (start, end, days, days - 1)
    assert period.evidence == evidence
    assert period.evidence in text


def test_day_by_day_notes_give_earliest_and_latest() -> None:
    notes = "zo 14 nov: heen met trein\nma 15 nov workshops WTC\nwo 17 nov award!\ndo 18 nov terug\n2021"
    period = extract_period(notes)
    assert period is not None
    assert (period.start, period.end, period.days) == (D(2021, 11, 14), D(2021, 11, 18), 5)
    assert period.evidence in notes and period.end_evidence in notes


def test_follow_up_dates_do_not_stretch_the_period() -> None:
    notes = "Athene 6 feb 2019\nStadhuis 7 feb\nterug 8 feb\nvervolg: deadline 14 maart"
    period = extract_period(notes)
    assert period is not None and (period.start, period.end) == (D(2019, 2, 6), D(2019, 2, 8))


def test_missing_year_from_default_and_weekday() -> None:
    period = extract_period("3-5 okt", default_year=2024)
    assert period is not None and period.start == D(2024, 10, 3) and not period.year_inferred
    # No year anywhere: the weekday decides; 14 November was a Sunday in 2021 (and again six years on).
    guessed = extract_period("zondag 14 november t/m donderdag 18 november")
    assert guessed is not None and guessed.year_inferred and guessed.start.weekday() == 6


def test_stated_days_kept() -> None:
    period = extract_period("2,5 dag (zondagavond 27 april t/m dinsdag 29 april 2025)")
    assert period is not None and period.stated_days == 2.5 and period.days == 3


@pytest.mark.parametrize("text", ["", "geen datum hier", "om 11:30 - 12:30 uur", "G5 overleg, 3-5 personen", "14-18"])
def test_no_period(text: str) -> None:
    assert extract_period(text) is None


def test_times_and_counts_are_not_dates() -> None:
    assert find_dates("van 11.30 tot 12.30 uur met 1/2 dag pauze", default_year=2020) == [
        m for m in find_dates("van 11.30 tot 12.30 uur met 1/2 dag pauze", default_year=2020) if m.text == "1/2"
    ]


@pytest.mark.parametrize(
    ("text", "weekdays"),
    [("Roma 15/11/2025", [None]), ("ma 15/11/2025", [0]), ("Q1 nov 2026 kennissessie", [])],
)
def test_a_date_starts_where_a_word_starts(text: str, weekdays: list[int | None]) -> None:
    # "ma" inside "Roma" is no Monday; the "1" of "Q1" is no day of November.
    assert [m.weekday for m in find_dates(text)] == weekdays
