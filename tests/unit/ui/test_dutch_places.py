"""Place names on the page are the Dutch ones ("Wenen", not "Vienna"), from one table: the gazetteer's."""

from __future__ import annotations

import pytest

from verslaghulp.archive.places import CITIES
from verslaghulp.concepts.checks import computed_in_dutch, in_dutch
from verslaghulp.drafting.travel_answers import kilometres_co2_answer
from verslaghulp.facts.gazetteer import city_name_nl, dutch_city_names, lookup
from verslaghulp.facts.notes_facts import read_notes_facts
from verslaghulp.facts.rail import train_times


@pytest.mark.parametrize(
    ("written", "dutch"),
    [("Vienna", "Wenen"), ("Brussels", "Brussel"), ("The Hague", "Den Haag"), ("Naples", "Napels"),
     ("Bucharest", "Boekarest"), ("Moscow", "Moskou"), ("Lille", "Rijsel"), ("Gothenburg", "Göteborg"),
     ("Brugge", "Brugge"), ("Zürich", "Zürich"), ("Sevilla", "Sevilla"), ("Florence", "Florence"),
     ("Tallinn", "Tallinn"), ("Austria", "Oostenrijk")],
)  # fmt: skip
def test_the_name_dutch_writes_for_a_place(written: str, dutch: str) -> None:
    place = lookup(written)
    assert place is not None and city_name_nl(place) == dutch


def test_code_explanations_name_cities_outside_the_train_table_in_dutch_too() -> None:
    assert in_dutch("hemelsbreed The Hague-Istanbul 2234 km") == "hemelsbreed Den Haag-Istanboel 2234 km"
    for notes, dutch, english in (("Napels 3 juni 2025, met het vliegtuig", "Napels", "Naples"),
                                  ("Boekarest 3 juni 2025, met het vliegtuig", "Boekarest", "Bucharest")):  # fmt: skip
        shown = " ".join(computed_in_dutch(c).how for c in kilometres_co2_answer(read_notes_facts(notes)).computed)
        assert f"Den Haag-{dutch}" in shown and english not in shown, shown


def test_one_table_of_dutch_names_the_train_times_and_the_archive_agree_with() -> None:
    names = dutch_city_names()
    assert names["Vienna"] == "Wenen" and "Rome" not in names  # only names Dutch writes otherwise
    for row in train_times().values():
        place = lookup(row.city)  # None for a name the gazetteer leaves out as a common word ("Nice")
        assert place is None or city_name_nl(place) == row.dutch, (row.city, row.dutch)
    for dutch in CITIES:  # the archive stores and shows these names
        place = lookup(dutch)
        if place is not None:
            assert city_name_nl(place) == dutch, dutch
