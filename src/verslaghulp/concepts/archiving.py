"""Store a reviewed concept in the archive, and record per question what the official changed."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from verslaghulp.concepts.model import ArchiveRecord, Concept, ConceptError, ConceptStatus
from verslaghulp.concepts.review import answer_changes, final_draft, unresolved_answers
from verslaghulp.concepts.store import ConceptStore
from verslaghulp.dutch import day
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


def archive_name(concept: Concept, saved_on: dt.date) -> str:
    """How the stored report is named in the archive: the source an official reads in the archive's table.

    Which concept it came from is the stored `source_key` ("verslaghulp:<id>"), not part of the name.
    The day comes first: the archive reads the last year in a name as the trip's year when the report
    gives none, so a year in the concept's title wins over the year it was saved in.
    """
    return f"Opgeslagen vanuit Verslaghulp op {day(saved_on)}: {concept.title}"


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
    saved_on = dt.datetime.now(dt.UTC).astimezone().date()  # the server's local day
    outcome = archive.ingest_draft(draft, name=archive_name(concept, saved_on), source_key=f"verslaghulp:{concept.id}")
    if str(outcome.status) == _FAILED:
        raise ConceptError(outcome.message or "Opslaan in het archief is mislukt.")
    record = ArchiveRecord(report_id=outcome.report_id, outcome=str(outcome.status), changes=answer_changes(concept))
    store.update(concept.id, lambda c: c.model_copy(update={"archived": record, "status": ConceptStatus.GEARCHIVEERD}))
    return record
