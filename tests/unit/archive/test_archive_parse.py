"""The report parser on the three layouts of the real reports (rewritten in our own words) and variations."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from verslaghulp.report.forms import load_form
from verslaghulp.report.parse import FALLBACK_QUESTION_ID, clean_answer, fold, parse_report

IDS_2019 = ["personen", "duur", "doel", "locaties", "ontmoet", "opbrengst", "vervolg"]
IDS_2025 = ["personen", "duur", "vervoer", "vliegtuig_toelichting", "kilometers_co2", *IDS_2019[2:]]


def test_compact_2019_layout(fixture_text: Callable[[str], str]) -> None:
    report = parse_report(fixture_text("layout_2019_compact.txt"))
    assert report.form_id == "denhaag-2019"
    assert report.recognised and report.missing == []
    assert [a.question_id for a in report.answers] == IDS_2019
    assert report.answer_text("personen") == "2"
    assert report.answer_text("duur") == "3 dagen: van 10 t/m 12 april 2019"
    assert report.answer_text("doel").startswith("- 1) Deelnemen aan het voorjaarsoverleg")
    assert report.answer_text("locaties").split("\n")[0] == "Stadhuis Lissabon"
    assert "Klaus Fischer – CIO Hamburg" in report.answer_text("ontmoet")
    # A sentence that the export broke over a blank line is one sentence again.
    assert "helpt ons bij de komende aanbesteding" in report.answer_text("opbrengst")
    assert report.answer_text("vervolg").endswith("Hamburg, 8 – 9 oktober")
    assert report.preamble == ""


def test_long_2019_layout(fixture_text: Callable[[str], str]) -> None:
    report = parse_report(fixture_text("layout_2019_long.txt"))
    assert [a.question_id for a in report.answers] == IDS_2019
    doel = report.answer_text("doel")
    assert doel.count("\n\n") >= 3  # paragraphs kept
    assert "- 2) Presentaties" in doel and doel.endswith("Den Haag werd tweede.")
    assert report.answer_text("locaties").startswith("Antwerpen (België):")
    assert "Sara Lindqvist – projectleider bij de gemeente Göteborg" in report.answer_text("ontmoet")


def test_wrapped_2025_layout(fixture_text: Callable[[str], str]) -> None:
    report = parse_report(fixture_text("layout_2025_wrapped.txt"))
    assert report.form_id == "denhaag-2025"
    assert [a.question_id for a in report.answers] == IDS_2025
    flight = report.answer("vliegtuig_toelichting")
    assert flight is not None and "\n" in flight.found_heading  # the heading wrapped over two lines
    assert flight.text == "Nvt (met de trein naar Kopenhagen is ca. 9 uur)."
    assert report.answer_text("kilometers_co2") == "1560 km met de trein (retour), ca. 25 kg CO2 uitstoot"
    assert "bestaat uit (of adviseurs van) gemeenten" in report.answer_text("doel")
    assert report.answer_text("personen") == "1 persoon"
    assert "rekenmodel voor wateroverlast in woonwijken." in report.answer_text("vervolg")


@pytest.mark.parametrize(
    "heading",
    [
        "WAT WAS HET DOEL VAN DE REIS?",
        "Wat was het doel van de reis?",
        "wat was het doel van de reis",
        "6. Wat was het doel van de reis?",
        "## Wat was het doel van de reis?",
        "**WAT WAS HET DOEL VAN DE REIS?**",
        "- Wat  was het doel   van de reis ?",
    ],
)
def test_heading_variations(heading: str) -> None:
    text = "\n".join(
        [
            "Hoeveel personen hebben de reis gemaakt",
            "3",
            "Hoelang duurde de reis?",
            "2 dagen",
            heading,
            "Een werkbezoek.",
            "Welke locaties zijn bezocht?",
            "Gent",
        ]
    )
    report = parse_report(text)
    assert report.recognised
    assert report.answer_text("doel") == "Een werkbezoek."


def test_headings_with_answer_on_the_same_line() -> None:
    text = (
        "HOEVEEL PERSONEN HEBBEN DE REIS GEMAAKT: 2 personen\n"
        "HOELANG DUURDE DE REIS? 1 dag, 3 maart 2020\n"
        "WAT WAS HET DOEL VAN DE REIS? Overleg met de Europese Commissie.\n"
        "ZIJN ER VERVOLGAFSPRAKEN? ZO JA, WELKE?\nNee.\n"
    )
    report = parse_report(text)
    assert report.answer_text("personen") == "2 personen"
    assert report.answer_text("duur") == "1 dag, 3 maart 2020"
    assert report.answer_text("doel") == "Overleg met de Europese Commissie."
    assert report.answer_text("vervolg") == "Nee."


def test_short_forms_of_long_headings() -> None:
    text = (
        "Hoeveel personen hebben de reis gemaakt\n1\n"
        "Wie heb je ontmoet?\nAnna Berg – CIO Oslo\n"
        "Met welke vervoersmiddelen is de reis gemaakt?\nTrein\n"
        "Zijn er vervolgafspraken?\nJa, in juni.\n"
    )
    report = parse_report(text)
    assert report.form_id == "denhaag-2025"
    assert report.answer_text("ontmoet") == "Anna Berg – CIO Oslo"
    assert report.answer_text("vervoer") == "Trein"
    assert report.answer_text("vervolg") == "Ja, in juni."


def test_2019_report_is_not_filed_under_the_2025_form(fixture_text: Callable[[str], str]) -> None:
    # Both forms share these seven headings; the form without missing questions wins.
    assert parse_report(fixture_text("layout_2019_long.txt")).form_id == "denhaag-2019"


def test_unknown_layout_is_kept_whole() -> None:
    text = "Nieuwsbrief\n\nOp 19 november geeft de programmamanager een workshop over de slimme stad.\n"
    report = parse_report(text)
    assert not report.recognised and report.form_id is None
    assert [a.question_id for a in report.answers] == [FALLBACK_QUESTION_ID]
    assert "workshop over de slimme stad" in report.answers[0].text


def test_one_or_two_matching_lines_do_not_make_a_report() -> None:
    text = "Wat was het doel van de reis?\nDat vroeg iedereen zich af.\nHoelang duurde de reis?\nTe lang.\n"
    assert not parse_report(text).recognised


def test_preamble_is_kept_apart() -> None:
    text = (
        "Verslag van Jan de Vries, afdeling Innovatie\n\nHOEVEEL PERSONEN HEBBEN DE REIS GEMAAKT\n2\n"
        "HOELANG DUURDE DE REIS?\n1 dag\nWAT WAS HET DOEL VAN DE REIS?\nOverleg\n"
    )
    assert parse_report(text).preamble == "Verslag van Jan de Vries, afdeling Innovatie"


def test_an_almere_style_form_is_recognised_from_data() -> None:
    # Forms are data: any form passed in is recognised the same way.
    base = load_form("denhaag-2019")
    questions = [
        q.model_copy(update={"heading": h, "id": i})
        for q, h, i in zip(
            base.questions[:3],
            ["Deelnemer(s)", "Reisdoel", "Vertrekdatum en duur"],
            ["deelnemers", "doel", "duur"],
            strict=True,
        )
    ]
    almere = base.model_copy(update={"id": "almere", "questions": tuple(questions)})
    text = "Deelnemers\nTwee collega's\nReisdoel: Berlijn\nVertrekdatum en duur\n4 juni, 2 dagen\n"
    report = parse_report(text, [almere, base])
    assert report.form_id == "almere"
    assert report.answer_text("deelnemers") == "Twee collega's"
    assert report.answer_text("doel") == "Berlijn"


def test_clean_answer_joins_broken_lines_but_keeps_lists() -> None:
    lines = ["Eerste regel die doorloopt", "op de volgende regel.", "", "Lijst:", "- a", "- b", "  ", "Nog een stuk."]
    assert (
        clean_answer(lines) == "Eerste regel die doorloopt op de volgende regel.\n\nLijst:\n- a\n- b\n\nNog een stuk."
    )


def test_fold() -> None:
    assert fold("  WIE HEB JE ONTMOET? (BENOEM)  ") == "wie heb je ontmoet benoem"
    assert fold("Zürich – Pérez") == "zurich perez"
