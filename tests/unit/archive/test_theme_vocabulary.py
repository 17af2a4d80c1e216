"""Theme words are the field's general vocabulary, not phrases of the example archive (eval/README.md)."""

from __future__ import annotations

from verslaghulp.archive.themes import THEMES, canonical_theme, find_themes


def test_the_dutch_word_for_ai_names_the_theme() -> None:
    # The held-out summaries request nieuws-ai-2025 ("... op het gebied van kunstmatige intelligentie")
    # selects nothing without it: it is the ordinary Dutch term, kept.
    assert canonical_theme("kunstmatige intelligentie") == "ai"
    assert find_themes("Een verkenning van kunstmatige intelligentie in de publieke dienstverlening") == [
        "ai",
        "dienstverlening",
    ]


def test_phrases_of_single_example_reports_are_not_theme_words() -> None:
    words = {w for ws in THEMES.values() for w in ws}
    assert not words & {"luchtruim", "onbemande luchtvaart", "inwoners online"}
    # The example reports they came from keep their themes through the general words.
    assert find_themes("Drones in het luchtruim boven de haven") == ["drones"]
    assert "dienstverlening" in find_themes("Tallinn: digitale overheid, alle diensten voor inwoners online")
