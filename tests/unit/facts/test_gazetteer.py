"""Dutch, local and English place names, and Dutch country names, as the report needs them."""

from __future__ import annotations

import pytest

from verslaghulp.facts import find_places, lookup
from verslaghulp.facts.gazetteer import country_name_nl


@pytest.mark.parametrize(
    ("name", "city", "country"),
    [
        ("Wenen", "Vienna", "AT"),
        ("Wien", "Vienna", "AT"),
        ("Vienna", "Vienna", "AT"),
        ("VIE", "Vienna", "AT"),
        ("Bratislava", "Bratislava", "SK"),
        ("Aspern", "Aspern", "AT"),
        ("Praag", "Prague", "CZ"),
        ("Praha", "Prague", "CZ"),
        ("Dublin", "Dublin", "IE"),
        ("Brussel", "Brussels", "BE"),
        ("Schiphol", "Amsterdam", "NL"),  # the airport stands for the city it serves
        ("Scheveningen", "The Hague", "NL"),
        ("Den Haag", "The Hague", "NL"),
    ],
)
def test_lookup(name: str, city: str, country: str) -> None:
    place = lookup(name)
    assert place is not None and (place.name, place.country_code, place.is_country) == (city, country, False)


@pytest.mark.parametrize(
    ("code", "dutch"),
    [("AT", "Oostenrijk"), ("SK", "Slowakije"), ("BE", "België"), ("IE", "Ierland"), ("CZ", "Tsjechië"),
     ("NL", "Nederland"), ("at", "Oostenrijk")],
)  # fmt: skip
def test_dutch_country_names(code: str, dutch: str) -> None:
    assert country_name_nl(code) == dutch


def test_places_in_a_note_line() -> None:
    text = "middag rondleiding Seestadt Aspern, daarna naar Bratislava (Slowakije)"
    assert [(m.text, m.place.name) for m in find_places(text)] == [
        ("Aspern", "Aspern"),
        ("Bratislava", "Bratislava"),
        ("Slowakije", "Slovakia"),
    ]
