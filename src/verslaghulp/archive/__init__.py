"""The archive of earlier reports: ingest, parse into form answers, embed (e5), store (ChromaDB), search.

The only package that imports chromadb. Use `Archive.open()` for the configured store.
"""

from verslaghulp.archive.embeddings import E5ChromaFunction, E5Embedder, default_embedder
from verslaghulp.archive.examples import ExamplesNotFoundError
from verslaghulp.archive.models import (
    AnswerHit,
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
from verslaghulp.archive.readers import DocumentError
from verslaghulp.archive.service import Archive
from verslaghulp.archive.store import StoreError

__all__ = [
    "AnswerHit",
    "Archive",
    "DocumentError",
    "E5ChromaFunction",
    "E5Embedder",
    "ExamplesNotFoundError",
    "IngestOutcome",
    "IngestStatus",
    "IngestSummary",
    "Progress",
    "ReportHit",
    "ReportSummary",
    "SearchFilters",
    "StoreError",
    "StoredAnswer",
    "StoredReport",
    "default_embedder",
]
