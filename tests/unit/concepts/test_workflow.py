"""Drafting into a concept with autosave, revising a question, edits, and storing in the archive."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import pytest

from verslaghulp.archive.metadata import year_hint
from verslaghulp.concepts import (
    ConceptError,
    ConceptStatus,
    ConceptStore,
    archive_concept,
    draft_into,
    final_draft,
    revise_in,
    save_edit,
    save_notes,
    save_reply,
    start_concept,
)
from verslaghulp.concepts.archiving import archive_name
from verslaghulp.config import Settings
from verslaghulp.drafting import DraftError
from verslaghulp.llm.fake import FakeChatModel
from verslaghulp.report.forms import load_form
from verslaghulp.report.model import AnswerStatus, ReportDraft
from verslaghulp.report.notes import NotesError

from .conftest import NOTES, inventing

FORM = load_form("denhaag-2025")


def _drafted(store: ConceptStore, settings: Settings, model: FakeChatModel | None = None) -> str:
    concept = start_concept(store, None, NOTES, FORM)
    for _ in draft_into(store, concept.id, model or FakeChatModel(), settings):
        pass
    return concept.id


def test_every_answer_is_saved_as_it_arrives(store: ConceptStore, settings: Settings) -> None:
    concept = start_concept(store, None, NOTES, FORM)
    seen = []
    for progress in draft_into(store, concept.id, FakeChatModel(), settings):
        stored = store.get(concept.id)
        assert stored is not None and len(stored.answers) == progress.done
        seen.append((progress.done, progress.finished, stored.status))
    assert seen[0] == (1, False, ConceptStatus.BEZIG)
    assert seen[-1] == (10, True, ConceptStatus.CONCEPT)
    final = store.get(concept.id)
    assert final is not None and final.meta is not None and final.draft_notes == NOTES


def test_a_model_error_keeps_the_notes_and_the_answers_so_far(store: ConceptStore, settings: Settings) -> None:
    concept = start_concept(store, None, NOTES, FORM)
    broken = FakeChatModel(error=ConnectionError("verbinding geweigerd"))
    with pytest.raises(DraftError, match="niet bereikbaar"):
        for _ in draft_into(store, concept.id, broken, settings):
            pass
    stored = store.get(concept.id)
    assert stored is not None and stored.notes == NOTES
    assert stored.status is ConceptStatus.ONDERBROKEN and "niet bereikbaar" in (stored.error or "")
    assert [a.question_id for a in stored.answers] == ["personen", "duur", "vervoer", "vliegtuig_toelichting",
                                                       "kilometers_co2"]  # fmt: skip


def test_empty_notes_are_refused_and_nothing_is_lost(store: ConceptStore, settings: Settings) -> None:
    concept = start_concept(store, None, "   ", FORM)
    with pytest.raises(NotesError):
        for _ in draft_into(store, concept.id, FakeChatModel(), settings):
            pass
    stored = store.get(concept.id)
    assert stored is not None and stored.status is ConceptStatus.NOTITIES and "leeg" in (stored.error or "")


def test_a_closed_page_leaves_the_concept_interrupted_not_busy(store: ConceptStore, settings: Settings) -> None:
    concept = start_concept(store, None, NOTES, FORM)
    steps = draft_into(store, concept.id, FakeChatModel(), settings)
    next(steps)
    steps.close()  # what happens to a generator when the browser goes away
    stored = store.get(concept.id)
    assert stored is not None and stored.status is ConceptStatus.ONDERBROKEN and len(stored.answers) == 1


def test_an_interrupted_draft_is_redrafted_in_the_same_concept(store: ConceptStore, settings: Settings) -> None:
    concept = start_concept(store, None, NOTES, FORM)
    steps = draft_into(store, concept.id, FakeChatModel(), settings)
    next(steps)
    steps.close()
    again = start_concept(store, concept.id, NOTES, FORM)
    assert again.id == concept.id
    for _ in draft_into(store, again.id, FakeChatModel(), settings):
        pass
    assert len(store.list()) == 1 and store.get(concept.id).status is ConceptStatus.CONCEPT  # type: ignore[union-attr]


def test_a_second_draft_never_overwrites_the_first(store: ConceptStore, settings: Settings) -> None:
    first = _drafted(store, settings)
    save_edit(store, first, "doel", "Mijn eigen tekst.")
    second = start_concept(store, first, NOTES + "extra regel\n", FORM)
    assert second.id != first
    assert store.get(first).edits == {"doel": "Mijn eigen tekst."}  # type: ignore[union-attr]
    # A concept with notes only is reused.
    notes_only = save_notes(store, None, "alleen notities", FORM)
    assert notes_only is not None and start_concept(store, notes_only.id, "nieuwe notities", FORM).id == notes_only.id


def test_notes_autosave_creates_a_concept_only_for_real_text(store: ConceptStore) -> None:
    assert save_notes(store, None, "  \n", FORM) is None
    concept = save_notes(store, None, "Gent", FORM)
    assert concept is not None
    assert save_notes(store, concept.id, "Gent\nmet de trein", FORM).notes == "Gent\nmet de trein"  # type: ignore[union-attr]


def test_edits_are_kept_and_an_edit_back_to_the_draft_is_no_edit(store: ConceptStore, settings: Settings) -> None:
    concept_id = _drafted(store, settings)
    drafted = store.get(concept_id).answer("doel").text  # type: ignore[union-attr]
    assert save_edit(store, concept_id, "doel", "Overleg over open data met Gent.").edits == {
        "doel": "Overleg over open data met Gent."
    }
    assert save_edit(store, concept_id, "doel", drafted).edits == {}
    with pytest.raises(ConceptError):
        save_edit(store, "0123456789abcdef", "doel", "x")


def test_answering_a_follow_up_redrafts_only_that_question(store: ConceptStore, settings: Settings) -> None:
    concept_id = _drafted(store, settings)
    before = store.get(concept_id)
    assert before is not None and before.answer("vervolg").status is AnswerStatus.NIET_VERMELD  # type: ignore[union-attr]
    save_reply(store, concept_id, "vervolg", "in september deelt Gent het datamodel")
    save_edit(store, concept_id, "vervolg", "iets anders")
    save_edit(store, concept_id, "doel", "Mijn doel.")
    after = revise_in(store, concept_id, "vervolg", "in september deelt Gent het datamodel", FakeChatModel(), settings)
    assert "datamodel" in after.answer("vervolg").text  # type: ignore[union-attr]
    assert after.edits == {"doel": "Mijn doel."} and after.replies == {}
    assert after.notes.endswith("vervolg (aanvulling): in september deelt Gent het datamodel\n")
    assert after.draft_notes == after.notes
    assert [a for a in after.answers if a.question_id != "vervolg"] == [
        a for a in before.answers if a.question_id != "vervolg"
    ]


@dataclass
class FakeOutcome:
    status: str
    report_id: str | None = "r1"
    message: str = ""


@dataclass
class FakeArchive:
    stored: list[tuple[ReportDraft, str, str | None]] = field(default_factory=list)
    status: str = "toegevoegd"

    def ingest_draft(self, draft: ReportDraft, *, name: str, source_key: str | None = None) -> FakeOutcome:
        self.stored.append((draft, name, source_key))
        return FakeOutcome(self.status, message="schijf vol" if self.status == "fout" else "")


def test_storing_refuses_unconfirmed_facts_then_stores_the_edited_text(store: ConceptStore, settings: Settings) -> None:
    concept_id = _drafted(store, settings, FakeChatModel(responder=inventing))
    archive = FakeArchive()
    with pytest.raises(ConceptError, match="gemarkeerde feiten"):
        archive_concept(store, concept_id, archive)
    assert archive.stored == []
    concept = store.get(concept_id)
    assert concept is not None
    flagged = [a.question_id for a in final_draft(concept).answers if "⟦" in a.text]  # type: ignore[union-attr]
    assert "doel" in flagged
    for question_id in flagged:
        save_edit(store, concept_id, question_id, "Overleg over open data met Els Peeters.")
    record = archive_concept(store, concept_id, archive)
    draft, name, key = archive.stored[0]
    assert draft.answer("doel").text == "Overleg over open data met Els Peeters."
    # The archive's "Bron" column: when it was saved from Verslaghulp and the concept's title, no id
    # fragment; which concept it was is the stored source key.
    assert re.fullmatch(r"Opgeslagen vanuit Verslaghulp op \d{1,2} [a-z]+ 20\d\d: Gent 3 t/m 4 juni 2025.*", name)
    assert concept_id[:6] not in name and key == f"verslaghulp:{concept_id}"
    doel = next(c for c in record.changes if c.question_id == "doel")
    assert doel.changed and doel.model_text.startswith("Overleg over open data met wethouder ⟦Jan de Vries⟧")
    assert any(p.op == "vervangen" and "⟦Jan" in p.model for p in doel.parts)
    assert not next(c for c in record.changes if c.question_id == "personen").changed
    stored = store.get(concept_id)
    assert stored is not None and stored.status is ConceptStatus.GEARCHIVEERD and stored.archived == record


def test_the_archive_name_says_in_dutch_when_it_was_saved_and_keeps_the_trips_year(store: ConceptStore) -> None:
    concept = save_notes(store, None, "Gent 3 t/m 4 juni 2025, alleen gereisd\nmet de trein\n", FORM)
    assert concept is not None
    name = archive_name(concept, dt.date(2026, 12, 1))
    assert name == "Opgeslagen vanuit Verslaghulp op 1 december 2026: Gent 3 t/m 4 juni 2025, alleen gereisd"
    assert not re.search(r"\b[0-9a-f]{6}\b", name) and "verslaghulp " not in name
    # The archive takes the last year in a source's name as the trip's year when the report gives none:
    # the trip's year from the title, the year it was saved in only when the title has none.
    assert year_hint(name) == 2025
    untitled = save_notes(store, None, "Gent, overleg open data\n", FORM)
    assert untitled is not None and year_hint(archive_name(untitled, dt.date(2026, 12, 1))) == 2026


def test_an_archive_failure_is_a_dutch_error_and_the_concept_stays(store: ConceptStore, settings: Settings) -> None:
    concept_id = _drafted(store, settings)
    with pytest.raises(ConceptError, match="schijf vol"):
        archive_concept(store, concept_id, FakeArchive(status="fout"))
    assert store.get(concept_id).archived is None  # type: ignore[union-attr]
    empty = save_notes(store, None, "alleen notities", FORM)
    with pytest.raises(ConceptError, match="nog geen verslag"):
        archive_concept(store, empty.id, FakeArchive())  # type: ignore[union-attr]
