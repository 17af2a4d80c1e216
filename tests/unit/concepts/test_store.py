"""The autosave store: atomic JSON files, safe ids, most recent first, unreadable files skipped, per user."""

from __future__ import annotations

import time

import pytest

from verslaghulp.concepts import ConceptAccessError, ConceptStore
from verslaghulp.concepts.model import ConceptStatus


def test_a_concept_survives_a_new_store_on_the_same_folder(store: ConceptStore) -> None:
    concept = store.new(form_id="denhaag-2025", form_title="Verslag", notes="Gent\nmet de trein")
    again = ConceptStore(store.folder).get(concept.id)
    assert again is not None and again.notes == "Gent\nmet de trein"
    assert again.status is ConceptStatus.NOTITIES
    assert again.title == "Gent"


def test_writes_leave_no_temporary_files(store: ConceptStore) -> None:
    concept = store.new(form_id="f", form_title="F")
    for n in range(5):
        store.update(concept.id, lambda c, n=n: c.model_copy(update={"notes": f"versie {n}"}))
    assert sorted(p.name for p in store.folder.iterdir()) == [f"{concept.id}.json"]
    assert store.get(concept.id).notes == "versie 4"  # type: ignore[union-attr]


def test_ids_from_the_browser_cannot_name_other_files(store: ConceptStore) -> None:
    store.new(form_id="f", form_title="F")
    for bad in ("../../etc/passwd", "", "ABC", "0123456789abcdef/../x", None):
        assert store.get(bad) is None
    assert store.delete("../x") is False


def test_the_list_is_most_recent_first_and_skips_broken_files(store: ConceptStore) -> None:
    first = store.new(form_id="f", form_title="F", notes="eerste")
    time.sleep(0.01)
    second = store.new(form_id="f", form_title="F", notes="tweede")
    time.sleep(0.01)
    store.update(first.id, lambda c: c.model_copy(update={"notes": "eerste, bijgewerkt"}))
    (store.folder / "0123456789abcdef.json").write_text("{kapot", encoding="utf-8")
    assert [c.id for c in store.list()] == [first.id, second.id]
    assert store.delete(second.id) and [c.id for c in store.list()] == [first.id]


def test_a_long_first_line_makes_a_short_title(store: ConceptStore) -> None:
    concept = store.new(form_id="f", form_title="F", notes="\n\n- " + "woord " * 30)
    assert len(concept.title) <= 70 and concept.title.endswith("…")
    assert store.new(form_id="f", form_title="F").title == "Zonder titel"


def test_each_user_sees_only_their_own_concepts(store: ConceptStore) -> None:
    refused: list[tuple[str, str]] = []
    root = ConceptStore(store.folder, on_refused=lambda owner, cid: refused.append((owner, cid)))
    anna, bert = root.of("anna"), root.of("bert")
    assert root.of("anna") is anna  # one store (and one lock) per user
    mine = anna.new(form_id="f", form_title="F", notes="Gent")
    theirs = bert.new(form_id="f", form_title="F", notes="Aarhus")
    local = root.new(form_id="f", form_title="F", notes="Lissabon")
    assert [c.id for c in anna.list()] == [mine.id] and [c.id for c in root.list()] == [local.id]
    assert anna.get(mine.id).owner == "anna"  # type: ignore[union-attr]
    for other, concept_id in ((anna, theirs.id), (bert, mine.id), (root, mine.id), (anna, local.id)):
        with pytest.raises(ConceptAccessError, match="van een andere gebruiker"):
            other.get(concept_id)
    assert refused == [("anna", theirs.id), ("bert", mine.id), ("", mine.id), ("anna", local.id)]
    assert anna.get("0123456789abcdef") is None  # an unknown id is just unknown
    assert not anna.delete(theirs.id) and bert.get(theirs.id) is not None


def test_concepts_saved_before_there_were_users_belong_to_the_local_user(store: ConceptStore) -> None:
    legacy = '{"id": "00000000000000aa", "form_id": "f", "form_title": "F", "notes": "oud"}'
    store.folder.mkdir(parents=True)
    (store.folder / "00000000000000aa.json").write_text(legacy, encoding="utf-8")
    assert [c.notes for c in store.list()] == ["oud"] and store.get("00000000000000aa") is not None
    # An administrator hands it to its user by moving the file into that user's folder.
    anna = store.of("anna")
    anna.folder.mkdir(parents=True)
    (store.folder / "00000000000000aa.json").rename(anna.folder / "00000000000000aa.json")
    assert anna.get("00000000000000aa").owner == "anna"  # type: ignore[union-attr]
