"""The autosave store: atomic JSON files, safe ids, most recent first, unreadable files skipped."""

from __future__ import annotations

import time

from verslaghulp.concepts import ConceptStore
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
