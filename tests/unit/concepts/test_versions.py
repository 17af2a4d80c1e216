"""A concept never loses text: an upload starts a concept of its own, replaced notes are kept as versions."""

from __future__ import annotations

from datetime import timedelta

from verslaghulp.concepts import (
    ConceptStore,
    NotesChange,
    draft_into,
    restore_version,
    revise_in,
    save_notes,
    start_concept,
    upload_notes,
)
from verslaghulp.concepts.model import VERSION_INTERVAL, removed_chars
from verslaghulp.config import Settings
from verslaghulp.llm.fake import FakeChatModel
from verslaghulp.report.forms import load_form

from .conftest import NOTES

FORM = load_form("denhaag-2025")
UPLOADED = "Aarhus 12 t/m 14 mei 2025\nvlucht naar Billund\ndoel: bezoek aan het stadslab\n"


def test_an_upload_into_a_concept_with_notes_becomes_a_new_concept(store: ConceptStore, settings: Settings) -> None:
    concept = start_concept(store, None, NOTES, FORM)
    for _ in draft_into(store, concept.id, FakeChatModel(), settings):
        pass
    replied = revise_in(store, concept.id, "vervolg", "in september stuurt Gent het datamodel", FakeChatModel(),
                        settings)  # fmt: skip
    uploaded, is_new = upload_notes(store, concept.id, UPLOADED, FORM)
    assert is_new and uploaded.id != concept.id and uploaded.notes == UPLOADED
    kept = store.get(concept.id)
    assert kept is not None and kept.notes == replied.notes and "in september stuurt Gent" in kept.notes
    assert len(kept.answers) == 10
    assert {c.id for c in store.list()} == {concept.id, uploaded.id}


def test_an_upload_fills_an_empty_concept_and_the_same_file_twice_is_one_concept(store: ConceptStore) -> None:
    empty = store.new(form_id=FORM.id, form_title=FORM.title)
    first, is_new = upload_notes(store, empty.id, UPLOADED, FORM)
    assert not is_new and first.id == empty.id
    again, is_new = upload_notes(store, first.id, UPLOADED, FORM)
    assert not is_new and again.id == first.id and len(store.list()) == 1
    fresh, is_new = upload_notes(store, None, NOTES, FORM)
    assert is_new and fresh.notes == NOTES


def test_typing_keeps_a_version_when_text_is_removed_or_after_a_while(store: ConceptStore) -> None:
    concept = save_notes(store, None, "Gent", FORM)
    assert concept is not None
    for text in ("Gent 3", "Gent 3 juni", "Gent 3 jun"):  # typing and a small correction: no versions
        concept = save_notes(store, concept.id, text, FORM)
    assert concept is not None and concept.versions == []
    long_notes = NOTES + "geleerd: Gent publiceert alle parkeerdata als open data\n"
    concept = save_notes(store, concept.id, long_notes, FORM)
    concept = save_notes(store, concept.id, "iets heel anders", FORM)  # select all, paste: the old text is kept
    assert concept is not None and [v.notes for v in concept.versions] == [long_notes]
    assert concept.versions[0].reason is NotesChange.TYPED
    # Ten minutes later the next keystroke keeps what was there, even without removing anything.
    old = concept.versions[0].model_copy(update={"saved_at": concept.versions[0].saved_at - VERSION_INTERVAL})
    store.update(concept.id, lambda c: c.model_copy(update={"versions": [old]}))
    concept = save_notes(store, concept.id, "iets heel anders!", FORM)
    assert concept is not None and [v.notes for v in concept.versions] == [long_notes, "iets heel anders"]


def test_drafting_and_replies_keep_the_notes_they_change(store: ConceptStore, settings: Settings) -> None:
    concept = save_notes(store, None, "Gent 3 juni 2025", FORM)
    assert concept is not None
    concept = start_concept(store, concept.id, NOTES, FORM)  # the notes box changed without autosave, then drafted
    assert [(v.notes, v.reason) for v in concept.versions] == [("Gent 3 juni 2025", NotesChange.DRAFT)]
    for _ in draft_into(store, concept.id, FakeChatModel(), settings):
        pass
    concept = revise_in(store, concept.id, "vervolg", "in september volgt meer", FakeChatModel(), settings)
    assert [v.reason for v in concept.versions] == [NotesChange.DRAFT, NotesChange.REPLY]
    assert concept.versions[-1].notes == NOTES


def test_a_version_can_be_put_back_without_losing_the_current_notes(store: ConceptStore) -> None:
    concept = save_notes(store, None, NOTES, FORM)
    assert concept is not None
    concept = save_notes(store, concept.id, "nieuw", FORM)
    assert concept is not None and [v.notes for v in concept.versions] == [NOTES]
    restored = restore_version(store, concept.id, 0)
    assert restored.notes == NOTES
    kept = [(v.notes, v.reason) for v in restored.versions]
    assert kept == [(NOTES, NotesChange.TYPED), ("nieuw", NotesChange.RESTORE)]


def test_removed_characters_are_counted_between_the_common_start_and_end() -> None:
    assert removed_chars("Gent 3 juni", "Gent 3 juni 2025") == 0
    assert removed_chars("Gent 3 juni", "Gent 3 jun") == 1
    assert removed_chars("aaa bbb ccc", "aaa ccc") == 4
    assert removed_chars("abc", "xyz") == 3
    assert timedelta(minutes=1) < VERSION_INTERVAL
