"""Store a reviewed concept in the archive, and record per question what the official changed."""

from __future__ import annotations

from typing import Protocol

from verslaghulp.concepts.model import ArchiveRecord, Concept, ConceptError, ConceptStatus
from verslaghulp.concepts.review import answer_changes, final_draft, unresolved_answers
from verslaghulp.concepts.store import ConceptStore
from verslaghulp.report.model import ReportDraft

_FAILED = "fout"


class OutcomeLike(Protocol):
    """The parts of `archive.IngestOutcome` read here."""

    @property
    def status(self) -> str:  # noqa: D102
        ...

    @property
    def report_id(self) -> str | None:  # noqa: D102
        ...

    @property
    def message(self) -> str:  # noqa: D102
        ...


class ArchiveTarget(Protocol):
    """What storing needs of the archive (`verslaghulp.archive.Archive` has it)."""

    def ingest_draft(self, draft: ReportDraft, *, name: str, source_key: str | None = None) -> OutcomeLike:  # noqa: D102
        ...


def archive_name(concept: Concept) -> str:
    """How the stored report is named in the archive."""
    return f"{concept.title} (verslaghulp {concept.id[:6]})"


def archive_concept(store: ConceptStore, concept_id: str, archive: ArchiveTarget) -> ArchiveRecord:
    """Store the final (edited) report and record the changes; storing again replaces the earlier version.

    Refuses, with a Dutch message, a concept without answers or with facts still marked ⟦…⟧: the
    archive feeds summaries, so only facts the official has confirmed or corrected go in.
    """
    concept = store.get(concept_id)
    if concept is None:
        raise ConceptError("Dit concept bestaat niet (meer).")
    draft = final_draft(concept)
    if draft is None:
        raise ConceptError("Er is nog geen verslag om op te slaan. Stel eerst een verslag op.")
    open_items = unresolved_answers(draft)
    if open_items:
        headings = "; ".join(f"“{a.heading.capitalize()}”" for a in open_items)
        raise ConceptError(
            f"Controleer eerst de gemarkeerde feiten (⟦…⟧) bij {headings}. "
            "Klopt een feit, verwijder dan de haken; klopt het niet, pas de tekst aan."
        )
    outcome = archive.ingest_draft(draft, name=archive_name(concept), source_key=f"verslaghulp:{concept.id}")
    if str(outcome.status) == _FAILED:
        raise ConceptError(outcome.message or "Opslaan in het archief is mislukt.")
    record = ArchiveRecord(report_id=outcome.report_id, outcome=str(outcome.status), changes=answer_changes(concept))
    store.update(concept.id, lambda c: c.model_copy(update={"archived": record, "status": ConceptStatus.GEARCHIVEERD}))
    return record
