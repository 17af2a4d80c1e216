"""Titles: whole words, within the budget, spelled as the facts spell them."""

from __future__ import annotations

import pytest

from verslaghulp.summarising.titles import TITLE_MAX_CHARS, TITLE_WORDS, Vocabulary, code_title, spelled_title

FACTS = [
    "Barcelona toonde de vooruitgang van zijn smart city aanpak.",
    "In Wenen presenteerde Den Haag de digitale tweeling van de stad.",
    "Athene deelt zijn ervaring met open data.",
]
VOCABULARY = Vocabulary(FACTS, names=["Barcelona", "Athene", "Wenen"])


def test_words_the_facts_contain_keep_the_facts_spelling() -> None:
    title = spelled_title(["vooruitgang", "smart", "city", "in", "barcelona", "en", "wenen"], VOCABULARY)
    assert title == "Vooruitgang smart city in Barcelona en Wenen"


def test_a_misspelt_word_becomes_the_facts_word_closest_to_it() -> None:
    assert spelled_title(["Vooruitgangs", "van", "Den", "Haag", "in", "Barcelona"], VOCABULARY) == (
        "Vooruitgang van Den Haag in Barcelona"
    )


def test_a_word_the_facts_do_not_have_rejects_the_title() -> None:
    assert spelled_title(["Inspiratie", "uit", "Barcelona"], VOCABULARY) == ""
    assert spelled_title(["Barcelona", "wint", "prijs"], VOCABULARY) == ""


def test_a_title_does_not_end_on_a_function_word_nor_repeat_one() -> None:
    assert spelled_title(["Den", "Den", "Haag", "in", "Wenen", "en"], VOCABULARY) == "Den Haag in Wenen"
    assert spelled_title(["Wenen", "en"], VOCABULARY) == ""  # too short once the "en" is gone


def test_a_title_over_the_budget_is_rejected_not_cut() -> None:
    long = ["digitale", "tweeling", "smart", "city", "open", "data", "vooruitgang", "ervaring", "Barcelona", "Athene"]
    assert len(long) > TITLE_WORDS[1] and spelled_title(long, VOCABULARY) == ""


@pytest.mark.parametrize("places", [[], ["Wenen"], ["Barcelona", "Athene", "Wenen"], ["Kopenhagen"] * 2 + [
    "Barcelona", "Athene", "Wenen", "Tallinn", "Dublin", "Hamburg", "Bratislava", "Madrid", "Parijs"]])  # fmt: skip
def test_code_title_fits_the_budget_by_dropping_whole_places(places: list[str]) -> None:
    title = code_title(["smart city"], places)
    assert len(title) <= TITLE_MAX_CHARS and title.startswith("Smart city: wat dienstreizen")
    shown = [p for p in dict.fromkeys(places) if p in title]
    assert all(p in title.split(", ") or f" {p}" in title for p in shown)
    assert title.endswith("opleverden")


def test_code_title_names_the_places_when_they_fit() -> None:
    assert (
        code_title([], ["Barcelona", "Athene", "Wenen"])
        == "Wat dienstreizen naar Barcelona, Athene en Wenen opleverden"
    )
    many = code_title(["drones"], ["Barcelona", "Athene", "Wenen", "Kopenhagen", "Tallinn", "Bratislava"], 70)
    assert many.endswith("en andere steden opleverden") and len(many) <= 70
