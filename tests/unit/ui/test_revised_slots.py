"""After a follow-up reply, the page sends back every answer the reply changed, not only the one replied to."""

from __future__ import annotations

from verslaghulp.concepts.model import Concept
from verslaghulp.config import Settings
from verslaghulp.drafting import draft_report
from verslaghulp.drafting.revise import revise_answer
from verslaghulp.llm.fake import FakeChatModel
from verslaghulp.report.forms import load_form
from verslaghulp.report.model import ReportDraft
from verslaghulp.ui.drafting_tab import changed_slots


def _concept(notes: str, draft: ReportDraft) -> Concept:
    return Concept(id="0123456789abcdef", form_id="denhaag-2025", form_title="Den Haag 2025", notes=notes,
                   answers=draft.answers)  # fmt: skip


def _changed_by_reply(notes: str, question_id: str, reply: str) -> tuple[set[int], list[str]]:
    """The page slots a reply to one question changes, and the form's question ids (slot order)."""
    settings = Settings(backend="fake")
    form = load_form("denhaag-2025")
    draft = draft_report(notes, form, FakeChatModel(), settings)
    revision = revise_answer(draft, notes, form, question_id, reply, FakeChatModel(), settings)
    changed = changed_slots(_concept(notes, draft), _concept(revision.notes, revision.draft))
    return changed, [q.id for q in form.questions]


def test_a_transport_reply_sends_the_re_derived_answers_too() -> None:
    notes = "Parijs 3 t/m 4 juni 2025, alleen gereisd\ndoel: overleg open data\n"
    changed, ids = _changed_by_reply(notes, "vervoer", "vliegtuig Schiphol - Parijs v.v.")
    # Before: only slot 3 (vervoer) went back to the page, the 8-hours rule and km/CO2 kept the old text.
    assert {ids.index("vervoer"), ids.index("vliegtuig_toelichting"), ids.index("kilometers_co2")} <= changed
    assert ids.index("doel") not in changed and ids.index("ontmoet") not in changed


def test_a_reply_that_changes_one_answer_sends_only_that_one() -> None:
    notes = "Gent 3 t/m 4 juni 2025, alleen gereisd\nmet de trein heen en terug\ndoel: overleg open data\n"
    changed, ids = _changed_by_reply(notes, "vervolg", "in september deelt Gent het datamodel")
    assert changed == {ids.index("vervolg")}
