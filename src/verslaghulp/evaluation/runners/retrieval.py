"""Retrieval questions over the example archive, through the archive's own Python API.

The archive for the evaluation lives in its own Chroma folder under the eval cache and is filled
from the set's archive folder (unchanged files are skipped by content hash, files no longer in the
folder are removed), so the user's own archive is never touched and reruns do not re-embed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from verslaghulp.evaluation.measures import Measure
from verslaghulp.evaluation.results import CaseResult, DiffRow
from verslaghulp.evaluation.scoring.retrieval import answer_hit, first_hit, recall_at_k, reciprocal_rank
from verslaghulp.evaluation.sets import RetrievalQuestion

if TYPE_CHECKING:  # chromadb loads only when the set runs
    from verslaghulp.archive import Archive

# (question, filters as in the set, limit) -> ranked (source name, [matching question ids])
Search = Callable[[str, dict[str, object], int], list[tuple[str, list[str]]]]


def run_retrieval_case(question: RetrievalQuestion, *, search: Search, k: int) -> CaseResult:
    """Search one question and score the ranking."""
    started = time.perf_counter()
    hits = search(question.question, question.filters, k)
    latency_ms = (time.perf_counter() - started) * 1000
    ranked = [name for name, _ in hits]
    answers = {name: ids for name, ids in hits}
    expected = [e.report for e in question.expect]
    expected_answers = {e.report: e.questions for e in question.expect}
    rr = reciprocal_rank(ranked, expected)
    diff = [
        DiffRow(
            field="reports",
            expected=", ".join(expected),
            produced=", ".join(f"{n}. {r}" for n, r in enumerate(ranked, start=1)) or "(nothing)",
            ok=set(expected) <= set(ranked[:k]),
        ),
        DiffRow(field="first expected at rank", expected="1", produced=str(round(1 / rr.value)) if rr.value else "-",
                ok=rr.value == 1.0),
    ]  # fmt: skip
    return CaseResult(
        set="retrieval",
        case_id=question.id,
        description=question.question,
        tags=[question.kind],
        measures={
            "recall_at_k": recall_at_k(ranked, expected, k),
            "reciprocal_rank": rr,
            "first_hit": first_hit(ranked, expected, question.kind),
            "answer_hit": answer_hit(answers, expected_answers),
            "latency_ms": Measure.count(round(latency_ms, 2)),
        },
        diff=diff,
        output={"ranked": [{"report": n, "answers": a} for n, a in hits]},
        seconds=round(time.perf_counter() - started, 3),
    )


def open_eval_archive(folder: Path, data_dir: Path) -> Archive:
    """The evaluation archive in `data_dir`, holding exactly the reports in `folder` (real e5 + Chroma)."""
    # lazy: chromadb loads only when the set runs (as under TYPE_CHECKING above)
    from verslaghulp.archive import Archive
    from verslaghulp.config import ChromaMode, Settings

    settings = Settings(data_dir=data_dir, chroma_mode=ChromaMode.EMBEDDED, chroma_collection="eval-archive")
    archive = Archive.open(settings)
    summary = archive.ingest_paths([folder])
    if summary.failed:
        failed = "; ".join(f"{o.source}: {o.message}" for o in summary.failed)
        raise RuntimeError(f"the eval archive could not ingest {failed}")
    present = {p.name for p in folder.rglob("*") if p.is_file()}
    for report in archive.list_reports():
        if report.source_name not in present:
            archive.delete_report(report.report_id)
    return archive


def archive_search(archive: Archive) -> Search:
    """The set's search function over an archive: ranked source names with their matching answers."""
    # lazy: chromadb loads only when the set runs (as under TYPE_CHECKING above)
    from verslaghulp.archive import SearchFilters

    def search(query: str, filters: dict[str, object], limit: int) -> list[tuple[str, list[str]]]:
        hits = archive.search(query, SearchFilters.model_validate(filters), limit=limit)
        return [(h.report.source_name, [a.question_id for a in h.answers]) for h in hits]

    return search


def report_texts(archive: Archive) -> dict[str, str]:
    """The full text of every stored report by source name (what citations are checked against)."""
    texts: dict[str, str] = {}
    for summary in archive.list_reports():
        stored = archive.get_report(summary.report_id)
        if stored is not None:
            texts[summary.source_name] = stored.text
    return texts
