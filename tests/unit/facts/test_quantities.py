"""Clock times, kilometres and amounts read from notes."""

from __future__ import annotations

import pytest

from verslaghulp.facts import extract_amounts, extract_kilometres, extract_times


@pytest.mark.parametrize(
    ("text", "times"),
    [
        ("heen ma 19:30 Nightjet", ["19:30"]),
        ("aankomst di 9:40. ca 1150 km spoor", ["9:40"]),  # a full stop ends the sentence, not the time
        ("start 9.00 uur, einde 17.30 uur.", ["9.00 uur", "17.30 uur"]),
        ("versie 1.918 van het rapport", []),
        ("2,5 dag", []),
    ],
)
def test_times(text: str, times: list[str]) -> None:
    assert [q.evidence for q in extract_times(text)] == times


def test_kilometres_and_amounts() -> None:
    assert [q.value for q in extract_kilometres("ca 1150 km spoor, 1.918 kilometer retour")] == [1150.0, 1918.0]
    assert [q.value for q in extract_amounts("ticket € 189, hotel 450 euro, EUR 2,5 miljoen")] == [
        189.0,
        450.0,
        2_500_000.0,
    ]
