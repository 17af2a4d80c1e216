"""Ingest: find the files, and turn one document into the records the store writes.

Everything that can fail on bad input (reading, parsing, embedding) happens in `prepare_report`,
before anything is written, so that a bad file leaves no trace in the store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import numpy as np

from verslaghulp.archive.chunks import embedding_text, report_chunks
from verslaghulp.archive.embeddings import TextEmbedder, Vectors
from verslaghulp.archive.metadata import extract_facts
from verslaghulp.archive.models import IngestOutcome, IngestStatus
from verslaghulp.archive.readers import SUPPORTED_SUFFIXES, SourceDocument
from verslaghulp.archive.records import report_metadata
from verslaghulp.archive.store import ANSWER, REPORT, Record, report_record_id
from verslaghulp.report.forms import Form
from verslaghulp.report.parse import parse_report

# A report id is the start of the content hash: the same bytes are the same report, wherever they lie.
REPORT_ID_LENGTH = 24


def report_id_for(content_hash: str) -> str:
    """The report id for a document's content hash."""
    return content_hash[:REPORT_ID_LENGTH]


@dataclass(frozen=True)
class PreparedReport:
    """A document ready to be written: its chunks and its report record."""

    report_id: str
    title: str
    recognised: bool
    answers: list[Record]
    report: Record


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[IngestOutcome]]:
    """The files to ingest (folders searched recursively), and outcomes for paths that do not exist.

    Files named explicitly are always tried, so that an unsupported type gets a clear message; in
    folders only supported types are taken, skipping hidden files and Word's "~$" lock files.
    """
    files: list[Path] = []
    problems: list[IngestOutcome] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not p.name.startswith(("~$", "."))
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(
                IngestOutcome(source=str(path), status=IngestStatus.FAILED, message=f"{path} bestaat niet.")
            )
    unique = list(dict.fromkeys(p.resolve() for p in files))
    return unique, problems


def prepare_report(
    document: SourceDocument,
    *,
    source_key: str,
    example: bool,
    embedder: TextEmbedder,
    forms: list[Form],
    now: dt.datetime | None = None,
) -> PreparedReport:
    """Parse, describe, chunk and embed a document; writes nothing."""
    now = now or dt.datetime.now(dt.UTC)
    parsed = parse_report(document.text, forms)
    facts = extract_facts(parsed, source_name=document.name)
    report_id = report_id_for(document.content_hash)
    shared = report_metadata(
        report_id=report_id,
        content_hash=document.content_hash,
        source_key=source_key,
        source_name=document.name,
        source_kind=document.kind,
        form_id=parsed.form_id,
        recognised=parsed.recognised,
        example=example,
        facts=facts,
        ingested_at=now,
    )
    chunks = report_chunks(parsed)
    vectors = embedder.passages([embedding_text(c, facts.title) for c in chunks])
    answers = [
        Record(
            id=f"{report_id}:{chunk.question_id}:{chunk.part}",
            document=chunk.text,
            embedding=vector,
            metadata=shared
            | {
                "kind": ANSWER,
                "question_id": chunk.question_id,
                "heading": chunk.heading,
                "order": chunk.order,
                "part": chunk.part,
                "parts": chunk.parts,
            },
        )
        for chunk, vector in zip(chunks, vectors, strict=True)
    ]
    report = Record(
        id=report_record_id(report_id),
        document=parsed.text,
        embedding=_centroid(vectors) if len(chunks) else embedder.passages([facts.title])[0],
        metadata=shared | {"kind": REPORT, "chunks": len(chunks), "missing": ",".join(parsed.missing)},
    )
    return PreparedReport(report_id, facts.title, parsed.recognised, answers, report)


def _centroid(vectors: Vectors) -> Vectors:
    # The report record is not searched by similarity today; a normalised mean of its answers is a
    # meaningful vector for "reports like this one" at no extra embedding cost.
    mean = vectors.mean(axis=0)
    norm = float(np.linalg.norm(mean)) or 1.0
    return cast(Vectors, (mean / norm).astype(np.float32))
