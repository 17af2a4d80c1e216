"""Measure the archive search's relevance cut on the retrieval sets (dev: eval/sets/retrieval.yaml, test held out).

Each question is searched once without the cut (the whole ranking, up to the page's 10 results);
then every candidate cut (relative to the best report, and an absolute floor) is applied to that
ranking in Python, which gives exactly what the search would return with it (the cut, and a
floor too, keep a prefix of the ranking). Printed per split and cut: recall@5, MRR, first hit, how many reports are
shown on average, and the share of shown reports that the set expects (precision). No model; the
eval archive (real e5 + Chroma) is the one `verslaghulp eval run retrieval` uses.

The cut is chosen on dev only; test is reported as it falls.

    .venv/bin/python bench/search_cut.py [--within 0.04 0.06 ...] [--floor 0.8 ...] [--show]
"""

from __future__ import annotations

import argparse
import itertools
import math
import statistics
import tempfile
from pathlib import Path

import verslaghulp.archive.search as search_module
from verslaghulp.archive import Archive, ReportHit, SearchFilters
from verslaghulp.evaluation.runners.retrieval import open_eval_archive
from verslaghulp.evaluation.sets import RetrievalQuestion, load_retrieval, split_paths

ROOT = Path(__file__).resolve().parents[1]
PAGE_LIMIT = 10  # what the Archief tab asks for


def rankings(archive: Archive, questions: list[RetrievalQuestion]) -> list[list[ReportHit]]:
    """Every question's uncut ranking (the cut switched off for the duration)."""
    within = search_module.RELEVANT_WITHIN
    search_module.RELEVANT_WITHIN = math.inf
    try:
        return [archive.search(q.question, SearchFilters.model_validate(q.filters), limit=PAGE_LIMIT)
                for q in questions]  # fmt: skip
    finally:
        search_module.RELEVANT_WITHIN = within


def scores(questions: list[RetrievalQuestion], ranked: list[list[ReportHit]], within: float, floor: float,
           k: int) -> dict[str, float]:  # fmt: skip
    """The set's measures for one cut."""
    recall, rr, first, shown, precision = [], [], [], [], []
    for question, hits in zip(questions, ranked, strict=True):
        kept = [h.report.source_name for h in search_module.relevant(hits, within) if h.score >= floor]
        expected = {e.report for e in question.expect}
        recall.append(len(expected & set(kept[:k])) / len(expected))
        rank = next((n for n, name in enumerate(kept, start=1) if name in expected), None)
        rr.append(1 / rank if rank else 0.0)
        if question.kind in ("name", "place"):
            first.append(1.0 if rank == 1 else 0.0)
        shown.append(len(kept))
        precision.append(len(expected & set(kept)) / len(kept) if kept else 0.0)
    return {"recall@5": statistics.mean(recall), "mrr": statistics.mean(rr), "first_hit": statistics.mean(first),
            "shown": statistics.mean(shown), "precision": statistics.mean(precision)}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--within", type=float, nargs="*", default=[math.inf, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07,
                                                                     0.08, 0.10])  # fmt: skip
    parser.add_argument("--floor", type=float, nargs="*", default=[-math.inf, 0.80, 0.82, 0.84])
    parser.add_argument(
        "--archive-dir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "verslaghulp-search-cut",
        help="where the eval archive is kept between runs (not the user's archive)",
    )
    parser.add_argument("--show", action="store_true", help="print each question's scores and what is expected")
    args = parser.parse_args()
    archive = None
    for split in ("dev", "test"):
        paths = split_paths("retrieval", split=split)
        sets = [load_retrieval(p) for p in paths]
        questions = [q for s in sets for q in s.questions]
        if archive is None:
            archive = open_eval_archive(ROOT / sets[0].archive, args.archive_dir)
        ranked = rankings(archive, questions)
        print(f"\n{split} ({', '.join(p.name for p in paths)}, {len(questions)} questions)")
        if args.show:
            for question, hits in zip(questions, ranked, strict=True):
                expected = {e.report for e in question.expect}
                marks = " ".join(f"{h.score:.3f}{'*' if h.report.source_name in expected else ''}" for h in hits)
                gap = hits[0].score - hits[1].score if len(hits) > 1 else 0.0
                print(f"  {question.id:32} {question.kind:5} gap {gap:.3f}  {marks}")
        print(f"  {'within':>6} {'floor':>6}  recall@5   MRR  first  shown  precision")
        for within, floor in itertools.product(args.within, args.floor):
            s = scores(questions, ranked, within, floor, sets[0].k)
            print(f"  {within:6.2f} {floor:6.2f}  {s['recall@5']:8.3f} {s['mrr']:5.3f} {s['first_hit']:6.2f} "
                  f"{s['shown']:6.2f} {s['precision']:10.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
