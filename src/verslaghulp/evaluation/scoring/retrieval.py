"""Retrieval quality per question: recall@k, reciprocal rank, first hit, and answer hits."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from verslaghulp.evaluation.measures import Measure


def recall_at_k(ranked: Sequence[str], expected: Sequence[str], k: int) -> Measure:
    """Share of the expected reports among the first k results."""
    top = set(ranked[:k])
    wanted = list(dict.fromkeys(expected))
    hits = [r for r in wanted if r in top]
    return Measure.ratio(len(hits), len(wanted), [f"not in top {k}: {r}" for r in wanted if r not in top])


def reciprocal_rank(ranked: Sequence[str], expected: Sequence[str]) -> Measure:
    """1 / rank of the first expected report (0 when none is found); MRR is its mean."""
    wanted = set(expected)
    rank = next((n for n, name in enumerate(ranked, start=1) if name in wanted), None)
    return Measure.count(1.0 / rank if rank else 0.0, [] if rank else ["no expected report found"])


def first_hit(ranked: Sequence[str], expected: Sequence[str], kind: str) -> Measure:
    """For name and place questions: whether the first result is an expected report."""
    if kind not in ("name", "place"):
        return Measure.absent("topic question")
    ok = bool(ranked) and ranked[0] in set(expected)
    return Measure.flag(ok, [] if ok else [f"first hit {ranked[0] if ranked else None}"])


def answer_hit(answers_by_report: Mapping[str, Sequence[str]], expected: Mapping[str, Sequence[str]]) -> Measure:
    """Share of expected (report, question) pairs whose answer is among that report's matching answers."""
    hits = total = 0
    detail: list[str] = []
    for report, questions in expected.items():
        returned = set(answers_by_report.get(report, ()))
        for question in questions:
            total += 1
            if question in returned:
                hits += 1
            else:
                detail.append(f"{report}: answer {question} not returned")
    return Measure.ratio(hits, total, detail)
