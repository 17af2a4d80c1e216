"""Chunking, report metadata (dates, travellers, places, people, themes) and the keyword index."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from verslaghulp.archive.chunks import MAX_CHUNK_CHARS, report_chunks, split_answer
from verslaghulp.archive.intent import intended_questions
from verslaghulp.archive.keyword import KeywordIndex, query_terms, snippet
from verslaghulp.archive.metadata import extract_facts, year_hint
from verslaghulp.archive.places import canonical_city, canonical_country, find_places
from verslaghulp.archive.themes import canonical_theme, find_themes
from verslaghulp.report.parse import PREAMBLE_QUESTION_ID, parse_report


def test_short_answers_are_one_chunk_each(fixture_text: Callable[[str], str]) -> None:
    chunks = report_chunks(parse_report(fixture_text("layout_2019_compact.txt")))
    assert [c.question_id for c in chunks] == [
        "personen",
        "duur",
        "doel",
        "locaties",
        "ontmoet",
        "opbrengst",
        "vervolg",
    ]
    assert all(c.parts == 1 for c in chunks)


def test_long_answers_split_on_paragraphs() -> None:
    paragraphs = [(f"Alinea {n}. " + "Een zin over de reis. " * 20).strip() for n in range(6)]
    pieces = split_answer("\n\n".join(paragraphs))
    assert len(pieces) > 1
    assert all(len(p) <= MAX_CHUNK_CHARS for p in pieces)
    assert all(p.startswith("Alinea") for p in pieces)  # never cut inside a paragraph
    assert "\n\n".join(pieces) == "\n\n".join(paragraphs)


def test_one_huge_paragraph_is_split_on_sentences() -> None:
    text = " ".join(f"Dit is zin nummer {n} over de boulevard." for n in range(200))
    pieces = split_answer(text)
    assert all(len(p) <= MAX_CHUNK_CHARS for p in pieces)
    assert all(p.endswith(".") for p in pieces)


def test_preamble_becomes_a_chunk() -> None:
    report = parse_report(
        "Auteur: Jan de Vries\n\nHOEVEEL PERSONEN HEBBEN DE REIS GEMAAKT\n2\nHOELANG DUURDE DE REIS?\n1 dag\n"
        "WAT WAS HET DOEL VAN DE REIS?\nOverleg\n"
    )
    assert report_chunks(report)[0].question_id == PREAMBLE_QUESTION_ID


def test_facts_of_the_2019_layout(fixture_text: Callable[[str], str]) -> None:
    facts = extract_facts(parse_report(fixture_text("layout_2019_compact.txt")), source_name="lissabon.txt")
    assert (facts.start, facts.end, facts.days) == (dt.date(2019, 4, 10), dt.date(2019, 4, 12), 3)
    assert facts.travellers == 2
    assert facts.cities == ["Lissabon"] and facts.countries == ["Portugal"]
    assert any(p.startswith("Klaus Fischer (CIO") for p in facts.people)
    assert "data" in facts.themes
    assert facts.title == "Dienstreis Lissabon, april 2019"


def test_facts_of_the_2025_layout_take_the_year_from_the_file_name(fixture_text: Callable[[str], str]) -> None:
    facts = extract_facts(parse_report(fixture_text("layout_2025_wrapped.txt")), source_name="verslag-2025.docx")
    assert (facts.start, facts.end) == (dt.date(2025, 5, 12), dt.date(2025, 5, 14))
    assert facts.travellers == 1
    assert facts.cities == ["Kopenhagen", "Malmö"]
    assert facts.countries == ["Denemarken", "Zweden"]
    assert "klimaat en energie" in facts.themes  # "klimaatadaptatie"


def test_facts_of_a_non_report() -> None:
    facts = extract_facts(parse_report("Een notitie over niets in het bijzonder."), source_name="notitie.txt")
    assert facts.start is None and facts.cities == [] and facts.title == "notitie.txt"


def test_year_hint() -> None:
    assert year_hint("trip-report-vienna-2025.txt") == 2025
    assert year_hint("verslag.txt") is None


def test_places() -> None:
    cities, countries = find_places("Bezoek aan Wien (Österreich) en Bratislava; daarna Brussels.")
    assert cities == ["Wenen", "Bratislava", "Brussel"]
    assert countries == ["Oostenrijk", "Slowakije", "België"]
    assert find_places("we gingen naar rome en parijs") == ([], [])  # lower case: not a name
    assert canonical_city("vienna") == "Wenen" and canonical_city("Kyoto") == "Kyoto"
    assert canonical_country("Austria") == "Oostenrijk"


def test_themes() -> None:
    assert find_themes("Samenwerking over dronedetectie en een digitale spiegelstad (digital twin).") == [
        "drones",
        "digitale tweeling",
    ]
    assert find_themes("AI voor publieksdienstverlening") == ["ai", "dienstverlening"]
    assert find_themes("Een aisle en cioccolata") == []
    assert canonical_theme("Drone") == "drones"
    assert canonical_theme("digital twin") == "digitale tweeling"
    assert canonical_theme("onbekend onderwerp") is None


def test_keyword_index_prefers_rare_words() -> None:
    index = KeywordIndex()
    index.build(
        [
            ("a", "Overleg in Wenen over digitale diensten.", {"title": "Wenen"}),
            ("b", "Tour door Wenen en Bratislava.", {"title": "Wenen"}),
            ("c", "Contacten met Bloomberg Associates in Athene.", {"title": "Athene"}),
        ],
        revision="r1",
    )
    assert [index.ids[row] for row, _ in index.search("Bratislava", limit=5)] == ["b"]
    assert index.ids[index.search("bloomberg associates", limit=5)[0][0]] == "c"
    assert index.search("Bratislava", limit=5, allowed=lambda m: m["title"] == "Athene") == []
    assert query_terms("Wat leverde de reis naar Wenen op?") == ["leverd", "reis", "wen"]  # Snowball's stems


def test_inflected_words_match_in_dutch_and_english() -> None:
    pairs = [("afspraken", "afspraak"), ("vragen", "vraag"), ("digitale", "digitaal"), ("chatbots", "chatbot")]
    for one, other in pairs:
        assert query_terms(one) == query_terms(other), (one, other)
    index = KeywordIndex()
    index.build([("a", "Afspraken over de digitale tweeling.", {}), ("b", "Een bezoek aan de haven.", {})], "r1")
    assert [index.ids[row] for row, _ in index.search("welke afspraak", limit=5)] == ["a"]


def test_snippet_centres_on_a_query_word() -> None:
    text = "Inleiding. " * 40 + "Daarna bezochten we Bratislava en de meldkamer." + " Slot." * 40
    piece = snippet(text, "bratislava")
    assert "Bratislava" in piece and piece.startswith("…") and piece.endswith("…") and len(piece) < 260


def test_intended_questions() -> None:
    assert intended_questions("Wie hebben we ontmoet in Wenen?") == {"ontmoet"}
    assert intended_questions("Wat leverde de reis naar Tallinn op?") == {"opbrengst"}
    assert intended_questions("Hoeveel CO2-uitstoot had de reis?") == {"kilometers_co2"}
    assert intended_questions("drones") == set()
