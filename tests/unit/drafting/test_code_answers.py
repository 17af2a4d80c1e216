"""Code-written answers claim nothing without the note line it came from and how code got it."""

from __future__ import annotations

import pytest

from verslaghulp.drafting.code_answers import CODE_KINDS, answer_by_code
from verslaghulp.report.forms import load_form
from verslaghulp.report.notes import parse_notes

NOTES = [
    "Werkbezoek Lyon\nwe vertrokken op 12 maart 2025\ndoel: kennisdeling",
    "Gent 6 t/m 8 februari 2019\nmet z'n drieën\ntrein (Thalys) heen en terug",
    "Madrid, 3-5 juni 2024, vlucht KLM, ik en Pieter\nterug met de nachttrein",
    "4 days in Porto from 2 May 2025, four of us, flew TAP",
]


def test_one_date_without_a_return_gives_the_departure_with_how_it_was_read() -> None:
    form = load_form("denhaag-2025")
    notes = parse_notes(NOTES[0])
    question = next(q for q in form.questions if q.id == "duur")
    answer = answer_by_code(question, notes)
    assert answer is not None and answer.text is not None
    assert answer.text.startswith("Vertrek op woensdag 12 maart 2025")
    assert [line.number for line in answer.support] == [2]
    # The weekday is code's addition: it is a computed fact with its evidence, never a bare claim.
    assert [(f.label, f.value) for f in answer.computed] == [("vertrekdatum", "2025-03-12")]
    assert "12 maart 2025" in answer.computed[0].how
    assert answer.follow_up and answer.partial


@pytest.mark.parametrize("text", NOTES)
def test_every_code_answer_with_a_fact_names_its_lines(text: str) -> None:
    notes = parse_notes(text)
    for form_id in ("denhaag-2025", "denhaag-2019"):
        for question in [q for q in load_form(form_id).questions if q.kind in CODE_KINDS]:
            answer = answer_by_code(question, notes)
            if answer is None or answer.text is None:
                continue
            assert answer.support, (form_id, question.id, answer.text)
            assert all(line.text in notes.text for line in answer.support)
            for fact in answer.computed:
                assert fact.how.strip(), (question.id, fact)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("met de dienstauto naar Luxemburg, ca 390 km enkele reis", "Auto (dienstauto)"),
        ("heen met de nachttrein (Nightjet) naar Wenen\nterug KLM", "Trein (nachttrein, Nightjet) en vliegtuig (KLM)"),
        ("huurauto vanaf Lyon, eerst TGV Parijs - Lyon", "Auto (huurauto) en trein (TGV)"),
        ("trein naar Keulen en terug", "Trein"),
    ],
)
def test_the_transport_answer_keeps_the_notes_own_vehicle_words(text: str, expected: str) -> None:
    question = next(q for q in load_form("denhaag-2025").questions if q.id == "vervoer")
    answer = answer_by_code(question, parse_notes(text))
    assert answer is not None and answer.text == expected
