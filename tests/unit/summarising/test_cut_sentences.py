"""A sentence the schema's length bound cut off mid-way never reaches the reader."""

from __future__ import annotations

from verslaghulp.summarising.schemas import sentence_model, whole_sentences
from verslaghulp.summarising.writing import sentences_of

ZIN = sentence_model([1, 2], (20, 80))


def test_a_text_cut_at_its_bound_keeps_the_sentences_it_finished() -> None:
    cut = "De reis gaf Den Haag naamsbekendheid. De reis heeft de gemeente niet alleen meer naamsb"
    item = ZIN(bronnen=[2], tekst=cut[:80])
    assert len(item.tekst) == 80  # the grammar stops the string here, mid-word
    assert whole_sentences(item) == "De reis gaf Den Haag naamsbekendheid."


def test_a_text_cut_before_its_first_sentence_ended_is_dropped() -> None:
    long = "In Barcelona, een stad die de Smart City Award won, kreeg het Living Lab " * 2
    item = ZIN(bronnen=[1], tekst=long[:80])
    assert whole_sentences(item) == ""
    assert sentences_of([item], {1, 2}) == []


def test_a_finished_or_short_text_is_kept_as_it_is() -> None:
    short = ZIN(bronnen=[1], tekst="Den Haag won de Smart City Award")  # under the bound, no stop: a bullet
    done = "Den Haag won de prijs voor de beste slimme stad van het jaar in Europa."
    finished = ZIN(bronnen=[1], tekst=done + " " * 8)
    assert whole_sentences(short) == "Den Haag won de Smart City Award"
    assert whole_sentences(finished).endswith("Europa.")
