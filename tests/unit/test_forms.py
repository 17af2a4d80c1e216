from pathlib import Path

import pytest

from verslaghulp.report.forms import AnswerKind, FormNotFoundError, available_forms, load_form

HEADINGS_2025 = [
    "HOEVEEL PERSONEN HEBBEN DE REIS GEMAAKT",
    "HOELANG DUURDE DE REIS?",
    "MET WELK(E) VERVOERSMIDDEL(EN) IS DE REIS GEMAAKT?",
    "INDIEN VLIEGTUIG BIJ EEN BESTEMMING DIE BINNEN 8 UUR PER TREIN OF BUS BEREIKBAAR IS: "
    "VERMELDING EN TOELICHTING UITZONDERLIJKE SITUATIE",
    "WAT IS AANTAL AFGELEGDE KILOMETERS PER VERVOERSMIDDEL EN DE UITSTOOT VAN CO2-EQUIVALENTEN PER VERVOERSMIDDEL",
    "WAT WAS HET DOEL VAN DE REIS?",
    "WELKE LOCATIES ZIJN BEZOCHT?",
    "WIE HEB JE ONTMOET? (BENOEM DE FUNCTIEOMSCHRIJVING)",
    "WAT HEEFT DE REIS DE GEMEENTE OPGELEVERD?",
    "ZIJN ER VERVOLGAFSPRAKEN? ZO JA, WELKE?",
]


def test_denhaag_2025_has_the_ten_printed_headings_in_order() -> None:
    form = load_form("denhaag-2025")
    assert [q.heading for q in form.questions] == HEADINGS_2025
    kinds = {q.id: q.kind for q in form.questions}
    assert kinds["personen"] is AnswerKind.COUNT
    assert kinds["duur"] is AnswerKind.DATES
    assert kinds["vervoer"] is AnswerKind.TRANSPORT
    assert kinds["vliegtuig_toelichting"] is AnswerKind.FLIGHT_JUSTIFICATION
    assert kinds["kilometers_co2"] is AnswerKind.DISTANCE_EMISSIONS
    assert kinds["ontmoet"] is AnswerKind.PEOPLE


def test_denhaag_2019_has_the_seven_questions_without_transport() -> None:
    form = load_form("denhaag-2019")
    expected = [h for i, h in enumerate(HEADINGS_2025) if i not in (2, 3, 4)]
    assert [q.heading for q in form.questions] == expected


def test_every_question_has_guidance_and_a_follow_up() -> None:
    for form in available_forms():
        for q in form.questions:
            assert q.guidance.strip() and q.follow_up.strip().endswith("?"), q.id


def test_a_third_form_is_added_by_a_file_alone(tmp_path: Path) -> None:
    (tmp_path / "almere-2024.yaml").write_text(
        """
id: almere-2024
title: Verslag dienstreis
organisation: Gemeente Almere
questions:
  - {id: deelnemers, heading: "Deelnemer(s)", kind: people, guidance: Wie., follow_up: "Wie reisden er mee?"}
  - {id: reisdoel, heading: Reisdoel, kind: free_text, guidance: Het doel., follow_up: "Wat was het reisdoel?"}
  - {id: aantal, heading: Aantal meereizende ambtenaren, kind: count, guidance: Aantal., follow_up: "Hoeveel?"}
""",
        encoding="utf-8",
    )
    form = load_form("almere-2024", (tmp_path,))
    assert [q.id for q in form.questions] == ["deelnemers", "reisdoel", "aantal"]
    assert {f.id for f in available_forms((tmp_path,))} >= {"denhaag-2025", "denhaag-2019", "almere-2024"}


def test_unknown_form_lists_the_known_ones() -> None:
    with pytest.raises(FormNotFoundError, match="denhaag-2025"):
        load_form("utrecht-1999")


def test_invalid_form_file_gives_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "kapot.yaml").write_text("id: kapot\ntitle: x\norganisation: y\nquestions: []\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"kapot\.yaml is ongeldig"):
        load_form("kapot", (tmp_path,))
