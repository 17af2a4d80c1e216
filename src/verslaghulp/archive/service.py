"""The archive's Python API, used by the command line, the UI and the summaries."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Iterable
from pathlib import Path

from verslaghulp.archive.embeddings import TextEmbedder, default_embedder
from verslaghulp.archive.examples import examples_dir, load_examples
from verslaghulp.archive.ingest import collect_files, prepare_report, report_id_for
from verslaghulp.archive.keyword import KeywordIndex
from verslaghulp.archive.models import (
    IngestOutcome,
    IngestStatus,
    IngestSummary,
    Progress,
    ReportHit,
    ReportSummary,
    SearchFilters,
    StoredAnswer,
    StoredReport,
)
from verslaghulp.archive.readers import DocumentError, SourceDocument, content_hash, document_from_text, read_document
from verslaghulp.archive.records import summary_from_metadata
from verslaghulp.archive.search import build_clauses, combine, hybrid_search
from verslaghulp.archive.store import Change, ChromaStore, StoreError
from verslaghulp.config import Settings, get_settings
from verslaghulp.report.forms import Form, available_forms
from verslaghulp.report.model import ReportDraft


class Archive:
    """Earlier reports: ingest, search, list, read and delete them."""

    def __init__(self, store: ChromaStore, *, settings: Settings | None = None, embedder: TextEmbedder | None = None):
        self._store = store
        self._settings = settings or get_settings()
        self._embedder = embedder or default_embedder()
        self._index = KeywordIndex()
        self._index_lock = threading.Lock()
        store.subscribe(self._apply_change)

    @classmethod
    def open(cls, settings: Settings | None = None, *, embedder: TextEmbedder | None = None) -> Archive:
        """The archive configured in the settings (embedded in data_dir, or a Chroma server)."""
        settings = settings or get_settings()
        return cls(ChromaStore.from_settings(settings), settings=settings, embedder=embedder)

    @property
    def settings(self) -> Settings:
        """The settings this archive was opened with."""
        return self._settings

    @property
    def store(self) -> ChromaStore:
        """The underlying store (for tests and maintenance)."""
        return self._store

    def _forms(self) -> list[Form]:
        return available_forms(self._settings.extra_form_dirs())

    # --- ingest ---
    def ingest_paths(self, paths: Iterable[Path], progress: Progress | None = None) -> IngestSummary:
        """Ingest files and folders (recursively); a bad file is reported and skipped, never fatal."""
        started = time.perf_counter()
        files, outcomes = collect_files(paths)
        self._store.sweep_orphans()
        total = len(files) + len(outcomes)
        for n, outcome in enumerate(outcomes, start=1):
            if progress:
                progress(outcome, n, total)
        for path in files:
            outcome = self.ingest_file(path)
            outcomes.append(outcome)
            if progress:
                progress(outcome, len(outcomes), total)
        return IngestSummary(outcomes=outcomes, seconds=round(time.perf_counter() - started, 3))

    def ingest_file(self, path: Path, *, source_key: str | None = None, example: bool = False) -> IngestOutcome:
        """Ingest one file; `source_key` identifies "the same document" for replacement (default: its path)."""
        key = source_key or str(path.resolve())
        try:
            document = read_document(
                path,
                max_bytes=int(self._settings.archive_max_file_mb * 1_000_000),
                max_chars=self._settings.archive_max_chars,
            )
        except DocumentError as exc:
            return IngestOutcome(source=str(path), status=IngestStatus.FAILED, message=str(exc))
        return self.ingest_document(document, source_key=key, example=example, source=str(path))

    def ingest_text(
        self, text: str, *, name: str, source_key: str | None = None, example: bool = False, kind: str = "concept"
    ) -> IngestOutcome:
        """Ingest a text that is not a file, e.g. a finished draft (`name` is shown as its source)."""
        try:
            digest = content_hash(text.encode("utf-8"))
            document = document_from_text(name, text, digest, kind=kind, max_chars=self._settings.archive_max_chars)
        except DocumentError as exc:
            return IngestOutcome(source=name, status=IngestStatus.FAILED, message=str(exc))
        return self.ingest_document(document, source_key=source_key or f"tekst:{name}", example=example, source=name)

    def ingest_draft(self, draft: ReportDraft, *, name: str, source_key: str | None = None) -> IngestOutcome:
        """Store a finished draft: its headings and answers, so it is parsed like any other report."""
        lines = [draft.meta.form_title.upper(), ""]
        for answer in draft.answers:
            lines += [answer.heading, "", answer.text.strip(), ""]
        return self.ingest_text("\n".join(lines), name=name, source_key=source_key)

    def ingest_document(
        self, document: SourceDocument, *, source_key: str, example: bool, source: str
    ) -> IngestOutcome:
        """Store a read document unless it is already there; replaces an earlier version from the same source."""
        report_id = report_id_for(document.content_hash)
        try:
            if self._store.has_report(report_id):
                return IngestOutcome(
                    source=source,
                    status=IngestStatus.UNCHANGED,
                    report_id=report_id,
                    message="Staat al in het archief.",
                )
            earlier = [str(m["report_id"]) for m, _ in self._store.report_records({"source_key": source_key})]
            prepared = prepare_report(
                document, source_key=source_key, example=example, embedder=self._embedder, forms=self._forms()
            )
            self._store.write_report(prepared.report_id, prepared.answers, prepared.report)
            for old in earlier:
                self._store.delete_report(old)
        except StoreError as exc:
            return IngestOutcome(source=source, status=IngestStatus.FAILED, report_id=report_id, message=str(exc))
        except Exception as exc:  # one bad file must never stop a folder: report it and go on
            return IngestOutcome(
                source=source,
                status=IngestStatus.FAILED,
                report_id=report_id,
                message=f"{document.name} kon niet worden verwerkt ({type(exc).__name__}: {exc}); er is niets bewaard.",
            )
        return IngestOutcome(
            source=source,
            status=IngestStatus.REPLACED if earlier else IngestStatus.ADDED,
            report_id=prepared.report_id,
            title=prepared.title,
            recognised=prepared.recognised,
            chunks=len(prepared.answers),
            message="" if prepared.recognised else "Geen bekend formulier herkend; als geheel opgeslagen.",
        )

    # --- search and read ---
    def search(self, query: str, filters: SearchFilters | None = None, *, limit: int = 10) -> list[ReportHit]:
        """Reports that answer a question, best first, with their matching answers and snippets."""
        return hybrid_search(
            query,
            store=self._store,
            index=self._keyword_index(),
            embedder=self._embedder,
            filters=filters or SearchFilters(),
            limit=limit,
        )

    def _keyword_index(self) -> KeywordIndex:
        revision = self._store.revision()
        with self._index_lock:
            if self._index.revision != revision:
                fresh = KeywordIndex()
                fresh.build(self._store.iter_answers(), revision)
                self._index = fresh
            return self._index

    def _apply_change(self, change: Change) -> None:
        # Our own writes update the keyword index in place; if another process wrote in between
        # (the revisions do not follow on), the next search rebuilds it from the store.
        with self._index_lock:
            if self._index.revision is None or self._index.revision != change.previous:
                return
            for report_id in change.removed:
                self._index.remove_report(report_id, change.revision)
            self._index.add(((r.id, r.document, r.metadata) for r in change.added), change.revision)

    def list_reports(self, filters: SearchFilters | None = None) -> list[ReportSummary]:
        """Stored reports (matching the filters), newest trip first."""
        filters = (filters or SearchFilters()).model_copy(update={"question_ids": None})
        clauses = build_clauses(filters, self._store)
        if clauses is None:
            return []
        reports = [summary_from_metadata(m) for m, _ in self._store.report_records(combine(clauses))]
        return sorted(reports, key=lambda r: (r.start or dt.date.min, r.ingested_at), reverse=True)

    def get_report(self, report_id: str) -> StoredReport | None:
        """A stored report with its answers in form order, or None."""
        records = self._store.report_records({"report_id": report_id}, documents=True)
        if not records:
            return None
        meta, text = records[0]
        answers: list[StoredAnswer] = []
        for chunk_meta, chunk_text in self._store.answers_of(report_id):
            question_id = str(chunk_meta["question_id"])
            if answers and answers[-1].question_id == question_id:  # parts of a long answer
                answers[-1].text += "\n\n" + chunk_text
            else:
                answers.append(
                    StoredAnswer(question_id=question_id, heading=str(chunk_meta["heading"]), text=chunk_text)
                )
        return StoredReport(**summary_from_metadata(meta).model_dump(), answers=answers, text=text)

    def delete_report(self, report_id: str) -> bool:
        """Remove a report; True when it was there."""
        return self._store.delete_report(report_id)

    def is_empty(self) -> bool:
        """Whether no report is stored."""
        return self._store.report_count() == 0

    def count_reports(self) -> int:
        """Number of stored reports."""
        return self._store.report_count()

    # --- the example archive ---
    def examples_dir(self) -> Path:
        """The folder with the example reports."""
        return examples_dir(self._settings)

    def load_examples(self, progress: Progress | None = None) -> IngestSummary:
        """Ingest the example reports (marked as examples, so they can be removed together)."""
        self._store.set_flag("examples_removed", False)

        def ingest(path: Path, source_key: str) -> IngestOutcome:
            return self.ingest_file(path, source_key=source_key, example=True)

        return load_examples(examples_dir(self._settings), ingest, progress)

    def load_examples_if_empty(self, progress: Progress | None = None) -> IngestSummary | None:
        """On first run: load the examples when the archive is empty and they were never removed."""
        if not self.is_empty() or self._store.flag("examples_removed"):
            return None
        return self.load_examples(progress)

    def remove_examples(self) -> list[str]:
        """Remove every example report; returns their ids. They are not loaded again automatically."""
        removed = self._store.delete_where({"example": True})
        self._store.set_flag("examples_removed", True)
        return removed
