"""Proper names by their capitals: events, districts and acronyms no list knows."""

from __future__ import annotations

import pytest

from verslaghulp.facts.names import proper_names


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("bezocht: Havenhuis en de sluis bij Zandvliet, daarna Berendrecht", ["Zandvliet", "Berendrecht"]),
        ("London Tech Week 2025, GLA datacatalogus", ["London Tech Week", "GLA"]),
        ("SCEWC: stand bij het Holland Paviljoen", ["SCEWC", "Holland Paviljoen"]),
        ("Werkbezoek Tallinn e-government", ["Tallinn"]),  # the first word opens the line
        ("Dag 2 - Bunker St. Pauli bezocht", ["St. Pauli"]),
        ("vertrek vanaf The Hague Central", ["The Hague Central"]),  # an article opening a name is kept
        ("De Doelen in Rotterdam", ["De Doelen", "Rotterdam"]),
        ("Hangar 14 en Maria 01", ["Maria 01"]),  # a short number belongs to the name; "Hangar" opens the line
    ],
)
def test_names_are_read_by_their_capitals(line: str, names: list[str]) -> None:
    assert [n.text for n in proper_names(line)] == names


@pytest.mark.parametrize(
    "line",
    ["De reis was lang", "Leuk gesprek, Daarna lunch", "ma 13 t/m wo 15 okt 2025", "Doel: leren van elkaar", "2025"],
)
def test_words_capitalised_by_position_dates_and_numbers_are_no_names(line: str) -> None:
    assert proper_names(line) == []


def test_a_name_keeps_its_span() -> None:
    line = "gesproken met de Greater London Authority over data"
    (name,) = proper_names(line)
    assert line[name.start : name.end] == name.text == "Greater London Authority"
