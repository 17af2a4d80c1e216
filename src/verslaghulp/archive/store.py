"""The ChromaDB store: answer chunks in one collection, one record per report in a second.

The only module that talks to Chroma.
- `<name>`: one record per chunk of an answer (`kind="answer"`), embedded for search;
- `<name>.rapporten`: one record per report (`kind="report"`): full text and metadata, written last.
Separate collections keep the nearest-neighbour query free of a `kind` filter, which cost ~55 ms
at 10,000 chunks. A report counts as stored only when its report record exists. Chroma has no
transactions, so this is how a write is "all or nothing" for readers: chunks without a report
record are invisible to search and removed by the next ingest (`sweep_orphans`).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

import chromadb
import numpy as np
from chromadb.api import ClientAPI
from chromadb.api.models.Collection import Collection
from chromadb.api.types import Embeddable, EmbeddingFunction, Embeddings, Include, Metadata, Where, WhereDocument
from chromadb.config import Settings as ChromaSettings

from verslaghulp.archive.embeddings import E5ChromaFunction, Vectors
from verslaghulp.config import ChromaMode, Settings

ANSWER = "answer"
REPORT = "report"
REPORTS_SUFFIX = ".rapporten"
SCHEMA_VERSION = "1"
# Chunks older than this without a report record are left-overs of a failed write, not a write in progress.
_ORPHAN_AGE_S = 600
_PAGE = 1_000
_WITH_TEXT: Include = ["metadatas", "documents"]
_WITHOUT_TEXT: Include = ["metadatas"]

MetadataValue = str | int | float | bool | list[str]


class StoreError(RuntimeError):
    """The archive store cannot be reached or written; the message is Dutch."""


@dataclass
class Record:
    """One record to write: id, document text, vector and scalar/list metadata."""

    id: str
    document: str
    embedding: Vectors
    metadata: dict[str, MetadataValue] = field(default_factory=dict)


@dataclass(frozen=True)
class Change:
    """A write through this store: the revision before and after, and what changed."""

    previous: str
    revision: str
    added: tuple[Record, ...] = ()
    removed: tuple[str, ...] = ()  # report ids


@dataclass(frozen=True)
class Match:
    """One nearest-neighbour result."""

    id: str
    distance: float


def report_record_id(report_id: str) -> str:
    """Id of a report's report record."""
    return f"{report_id}:report"


def make_client(settings: Settings) -> ClientAPI:
    """A Chroma client for the configured mode; telemetry is always off (no network calls)."""
    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    try:
        if settings.chroma_mode is ChromaMode.HTTP:
            return chromadb.HttpClient(host=settings.chroma_host, port=settings.chroma_port, settings=chroma_settings)
        path = settings.data_dir / "chroma"
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
    except Exception as exc:  # chromadb raises plain Exceptions for connection failures
        where = (
            f"de Chroma-server op {settings.chroma_host}:{settings.chroma_port}"
            if settings.chroma_mode is ChromaMode.HTTP
            else f"de map {settings.data_dir / 'chroma'}"
        )
        raise StoreError(f"Het archief in {where} is niet bereikbaar: {exc}") from exc


class ChromaStore:
    """Reads and writes the archive collection."""

    def __init__(self, client: ClientAPI, collection_name: str) -> None:
        self._client = client
        self._name = collection_name
        self._function = E5ChromaFunction()
        # Chroma's signature is generic over images too; this function embeds text only.
        self._chroma_function = cast("EmbeddingFunction[Embeddable]", self._function)
        self._listeners: list[Callable[[Change], None]] = []
        self._collection: Collection = self._open(collection_name)
        self._reports: Collection = self._open(f"{collection_name}{REPORTS_SUFFIX}")

    def _open(self, name: str) -> Collection:
        return self._client.get_or_create_collection(
            name,
            embedding_function=self._chroma_function,  # never Chroma's default: it downloads a model
            configuration={"hnsw": {"space": "cosine"}},
            metadata={"schema": SCHEMA_VERSION, "revision": "0"},
        )

    @classmethod
    def from_settings(cls, settings: Settings) -> ChromaStore:
        """Open (or create) the collection named in the settings."""
        return cls(make_client(settings), settings.chroma_collection)

    # --- collection metadata: a revision that changes with every write, and a few flags ---
    def _metadata(self) -> dict[str, Any]:
        # A fresh read: the Collection object caches metadata, and other processes write too.
        return dict(self._client.get_collection(self._name, embedding_function=self._chroma_function).metadata or {})

    def revision(self) -> str:
        """An opaque value that changes with every write (lets the keyword index notice other writers)."""
        return str(self._metadata().get("revision", "0"))

    def flag(self, name: str) -> bool:
        """A boolean flag stored with the collection (e.g. that the examples were removed)."""
        return bool(self._metadata().get(f"flag_{name}", False))

    def set_flag(self, name: str, value: bool) -> None:
        """Set a boolean flag stored with the collection."""
        self._write_metadata({f"flag_{name}": value})

    def subscribe(self, listener: Callable[[Change], None]) -> None:
        """Be told of every write made through this store (for in-memory indexes)."""
        self._listeners.append(listener)

    def _bump(self, *, added: Sequence[Record] = (), removed: Sequence[str] = ()) -> None:
        revision = uuid.uuid4().hex
        previous = self._write_metadata({"revision": revision})
        change = Change(str(previous.get("revision", "0")), revision, tuple(added), tuple(removed))
        for listener in self._listeners:
            listener(change)

    def _write_metadata(self, changes: dict[str, str | bool]) -> dict[str, Any]:
        # modify() replaces the whole metadata, so merge; "hnsw:*" keys may not be sent back.
        current = self._metadata()
        merged = {k: v for k, v in current.items() if not k.startswith("hnsw:")} | changes
        self._collection.modify(metadata=merged | {"schema": SCHEMA_VERSION})
        return current

    # --- writes ---
    def write_report(self, report_id: str, answers: Sequence[Record], report: Record) -> None:
        """Write a report's chunks, then its report record; on any failure remove what was written."""
        try:
            batch = self._client.get_max_batch_size()
            for start in range(0, len(answers), batch):
                self._add(self._collection, answers[start : start + batch])
            self._add(self._reports, [report])
        except Exception as exc:
            self._discard(report_id)
            raise StoreError(f"Opslaan in het archief is mislukt; er is niets bewaard ({exc}).") from exc
        self._bump(added=answers)

    def _add(self, collection: Collection, records: Sequence[Record]) -> None:
        if records:
            collection.add(
                ids=[r.id for r in records],
                documents=[r.document for r in records],
                embeddings=cast(Embeddings, [r.embedding for r in records]),
                metadatas=[cast(Metadata, r.metadata) for r in records],
            )

    def _discard(self, report_id: str) -> None:
        try:
            self._reports.delete(ids=[report_record_id(report_id)])
            self._collection.delete(where={"report_id": report_id})
            self._bump(removed=[report_id])
        except Exception:  # the store is unreachable; the orphan sweep removes the rest later
            pass

    def delete_report(self, report_id: str) -> bool:
        """Remove a report (record and chunks); True when it existed."""
        existed = self.has_report(report_id)
        self._reports.delete(ids=[report_record_id(report_id)])  # invisible first, then the chunks
        self._collection.delete(where={"report_id": report_id})
        self._bump(removed=[report_id])
        return existed

    def delete_where(self, where: Where) -> list[str]:
        """Remove every report whose report record matches; returns their ids."""
        ids = [str(m["report_id"]) for m, _ in self.report_records(where)]
        for report_id in ids:
            self.delete_report(report_id)
        return ids

    def sweep_orphans(self, now: float | None = None) -> int:
        """Remove chunks of writes that failed half-way (old chunks without a report record)."""
        cutoff = int((time.time() if now is None else now) - _ORPHAN_AGE_S)
        stored = sorted({str(m["report_id"]) for m, _ in self.report_records()})
        old = cast(Where, {"ingested_ts": {"$lt": cutoff}})
        where = cast(Where, {"$and": [old, {"report_id": {"$nin": stored}}]}) if stored else old
        # Record ids start with the report id ("<report>:<question>:<part>"): no metadata needed.
        orphans = {record_id.split(":", 1)[0] for record_id in self._collection.get(where=where, include=[])["ids"]}
        for report_id in orphans:
            self._collection.delete(where={"report_id": report_id})
        if orphans:
            self._bump(removed=sorted(orphans))
        return len(orphans)

    # --- reads ---
    def has_report(self, report_id: str) -> bool:
        """Whether the report is completely stored."""
        return bool(self._reports.get(ids=[report_record_id(report_id)], include=[])["ids"])

    def report_records(
        self, where: Where | None = None, *, documents: bool = False, where_document: WhereDocument | None = None
    ) -> list[tuple[Mapping[str, Any], str]]:
        """Metadata (and full text, if asked) of the stored reports matching `where` and `where_document`."""
        include = _WITH_TEXT if documents else _WITHOUT_TEXT
        out: list[tuple[Mapping[str, Any], str]] = []
        offset = 0
        while True:
            got = self._reports.get(
                where=where, where_document=where_document, include=include, limit=_PAGE, offset=offset
            )
            metas = got["metadatas"] or []
            docs = got["documents"] or [""] * len(metas)
            out.extend((m, d or "") for m, d in zip(metas, docs, strict=True))
            if len(metas) < _PAGE:
                return out
            offset += _PAGE

    def answers_of(self, report_id: str) -> list[tuple[Mapping[str, Any], str]]:
        """The chunks of one report, in form order."""
        got = self._collection.get(where={"report_id": report_id})
        pairs = list(zip(got["metadatas"] or [], got["documents"] or [], strict=True))
        pairs.sort(key=lambda p: (int(cast(int, p[0].get("order", 0))), int(cast(int, p[0].get("part", 1)))))
        return [(m, d or "") for m, d in pairs]

    def iter_answers(self, *, documents: bool = True) -> Iterator[tuple[str, str, Mapping[str, Any]]]:
        """Every answer chunk (id, text, metadata), page by page."""
        include = _WITH_TEXT if documents else _WITHOUT_TEXT
        offset = 0
        while True:
            got = self._collection.get(include=include, limit=_PAGE, offset=offset)
            metas = got["metadatas"] or []
            docs = got["documents"] or [""] * len(metas)
            for record_id, doc, meta in zip(got["ids"], docs, metas, strict=True):
                yield record_id, doc or "", meta
            if len(metas) < _PAGE:
                return
            offset += _PAGE

    def query(self, embedding: Vectors, n_results: int, where: Where | None = None) -> list[Match]:
        """The nearest answer chunks to a query vector: ids and distances only.

        Texts and metadata come from the caller's keyword index, which holds them all: asking
        Chroma for them as well cost more than the nearest-neighbour search itself.
        """
        got = self._collection.query(
            query_embeddings=cast(Embeddings, [embedding]), n_results=n_results, where=where, include=["distances"]
        )
        ids = got["ids"][0] if got["ids"] else []
        distances = (got["distances"] or [[]])[0]
        return [Match(i, float(d)) for i, d in zip(ids, distances, strict=True)]

    def embeddings_of(self, ids: list[str]) -> dict[str, Vectors]:
        """The stored vectors of some chunks (to score keyword hits semantically too)."""
        if not ids:
            return {}
        got = self._collection.get(ids=ids, include=["embeddings"])
        vectors = got["embeddings"] if got["embeddings"] is not None else []
        return {i: np.asarray(v, dtype=np.float32) for i, v in zip(got["ids"], vectors, strict=True)}

    def report_count(self) -> int:
        """Number of stored reports."""
        return self._reports.count()

    def count(self) -> int:
        """Number of records (chunks and report records)."""
        return self._collection.count() + self._reports.count()
