"""The news item's shape as the summaries set scores it (evaluation/scoring/news.py)."""

from __future__ import annotations

from verslaghulp.evaluation.scoring.news import BlockView, news_structure, repeated_sentences, same_openings

REPORTS = [
    "Wat was het doel van de reis? Kennis opdoen over drones boven de haven van Hamburg. "
    "Wat heeft de reis opgeleverd? Hamburg deelt zijn vergunningsaanpak voor drones met Den Haag.",
    "Doel: de digitale tweeling van Kopenhagen bekijken. Opgeleverd: een afspraak over een webinar in maart.",
]
LEAD = BlockView(kind="inleiding", sentences=["Medewerkers van Den Haag bezochten Hamburg en Kopenhagen [1, 2]."])
DRONES = BlockView(
    kind="alinea", heading="Drones boven de haven", sentences=["Hamburg deelt zijn aanpak voor vergunningen [1]."]
)
TWIN = BlockView(
    kind="alinea", heading="Een digitale tweeling", sentences=["Kopenhagen liet zijn digitale tweeling zien [2]."]
)
TITLE = "Den Haag leert van Hamburg en Kopenhagen"


def test_a_well_formed_item_passes() -> None:
    measure = news_structure(TITLE, [LEAD, DRONES, TWIN], REPORTS)
    assert measure.value == 1.0, measure.detail


def test_each_missing_part_is_named() -> None:
    assert "no lead" in news_structure(TITLE, [DRONES, TWIN], REPORTS).detail
    one = news_structure(TITLE, [LEAD, DRONES], REPORTS)
    assert one.value == 0.0 and "1 subheading(s), expected at least 2" in one.detail
    assert "no title" in news_structure(" ", [LEAD, DRONES, TWIN], REPORTS).detail


def test_a_title_over_budget_or_misspelt_or_cut_off_fails() -> None:
    long = "Den Haag leert van Hamburg en Kopenhagen over drones boven de haven en een digitale tweeling"
    assert any("characters" in p for p in news_structure(long, [LEAD, DRONES, TWIN], REPORTS).detail)
    # The misspelt and cut-off headline of issue 19 ("Vooruitgangs ... naar Barcelona, Athene en W").
    cut = news_structure("Vooruitgangs van Den Haag naar Hamburg en K", [LEAD, DRONES, TWIN], REPORTS)
    assert cut.detail == ["title words in no cited report: vooruitgangs, k"]


def test_paragraphs_opening_alike_read_as_a_list() -> None:
    trips = [
        BlockView(kind="alinea", heading=f"Reis {n}", sentences=[f"In mei reisden medewerkers naar {city} [{n}]."])
        for n, city in enumerate(("Hamburg", "Kopenhagen", "Wenen"), start=1)
    ]
    assert same_openings(trips) == ["in mei", "in mei"]
    assert "paragraphs opening alike: in mei; in mei" in news_structure(TITLE, [LEAD, *trips], REPORTS).detail
    # One repeat is allowed (issue 19: at most one paragraph opening like another).
    assert news_structure(TITLE, [LEAD, *trips[:2]], REPORTS).value == 1.0


def test_a_sentence_said_twice_in_other_order_is_a_repeat() -> None:
    again = BlockView(kind="alinea", heading="Tot slot", sentences=["Zijn aanpak voor vergunningen deelt Hamburg [1]."])
    assert repeated_sentences([LEAD, DRONES, TWIN, again]) == ["Zijn aanpak voor vergunningen deelt Hamburg [1]."]
    assert news_structure(TITLE, [LEAD, DRONES, TWIN, again], REPORTS).value == 0.0
    # Sentences sharing a few words are not repeats.
    assert repeated_sentences([LEAD, DRONES, TWIN]) == []
