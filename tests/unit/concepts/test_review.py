"""The text the official edits, the final report, and the recorded changes."""

from __future__ import annotations

from verslaghulp.concepts import answer_changes, editable_text, final_draft, unresolved_answers
from verslaghulp.concepts.model import Concept
from verslaghulp.config import Settings
from verslaghulp.drafting import draft_report
from verslaghulp.llm.fake import FakeChatModel
from verslaghulp.report.forms import load_form

from .conftest import NOTES, inventing


def _concept(settings: Settings) -> Concept:
    draft = draft_report(NOTES, load_form("denhaag-2025"), FakeChatModel(responder=inventing), settings)
    return Concept(id="0123456789abcdef", form_id="denhaag-2025", form_title="Verslag", notes=NOTES,
                   answers=draft.answers, meta=draft.meta)  # fmt: skip


def test_the_edit_box_holds_the_marked_answer_without_the_reasons(settings: Settings) -> None:
    doel = _concept(settings).answer("doel")
    assert doel is not None and "Controleer" in doel.text
    assert editable_text(doel) == "Overleg over open data met wethouder ⟦Jan de Vries⟧ op ⟦12 mei 2025⟧."


def test_the_final_draft_uses_the_edits_and_lists_what_is_unresolved(settings: Settings) -> None:
    concept = _concept(settings)
    draft = final_draft(concept)
    assert draft is not None
    unresolved = [a.question_id for a in unresolved_answers(draft)]
    assert "doel" in unresolved and "personen" not in unresolved
    concept.edits = {a.question_id: "Gecorrigeerd." for a in unresolved_answers(draft)}
    fixed = final_draft(concept)
    assert fixed is not None and unresolved_answers(fixed) == []
    assert fixed.answer("doel").text == "Gecorrigeerd."
    assert fixed.answer("personen").text == "1 persoon"


def test_changes_are_word_level_and_unchanged_answers_say_so(settings: Settings) -> None:
    concept = _concept(settings)
    concept.edits = {"doel": "Overleg over open data met Els Peeters."}
    changes = {c.question_id: c for c in answer_changes(concept)}
    assert not changes["personen"].changed and changes["personen"].similarity == 1.0
    doel = changes["doel"]
    assert doel.changed and 0 < doel.similarity < 1
    assert [(p.op, p.model, p.official) for p in doel.parts] == [
        ("vervangen", "wethouder ⟦Jan de Vries⟧ op ⟦12 mei 2025⟧.", "Els Peeters.")
    ]
