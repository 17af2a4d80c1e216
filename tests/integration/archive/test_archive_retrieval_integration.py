"""Retrieval quality on eval/sets/retrieval.yaml over the example archive, in both Chroma modes.

Targets (issue 4): recall@5 >= 0.9, and every name or place question finds its report first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from verslaghulp.archive import Archive, SearchFilters

EVAL_SET = Path(__file__).resolve().parents[3] / "eval" / "sets" / "retrieval.yaml"


def _load() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(EVAL_SET.read_text(encoding="utf-8"))
    return data


def evaluate(archive: Archive, data: dict[str, Any]) -> dict[str, Any]:
    """recall@k, MRR, first-hit rate for names/places, answer hit rate, and the misses."""
    k = int(data["k"])
    recalls, reciprocal, first_hits, answer_hits = [], [], [], []
    misses: list[str] = []
    for item in data["questions"]:
        hits = archive.search(item["question"], SearchFilters(**item.get("filters", {})), limit=k)
        ranked = [h.report.source_name for h in hits]
        expected = {e["report"] for e in item["expect"]}
        recalls.append(len(expected & set(ranked)) / len(expected))
        rank = next((n for n, name in enumerate(ranked, start=1) if name in expected), None)
        reciprocal.append(1 / rank if rank else 0.0)
        if item["kind"] in ("name", "place"):
            first_hits.append(bool(ranked) and ranked[0] in expected)
            if not first_hits[-1]:
                misses.append(f"{item['id']}: first hit {ranked[:1]}")
        if recalls[-1] < 1:
            misses.append(f"{item['id']}: found {sorted(expected & set(ranked))} of {sorted(expected)}")
        for expectation in item["expect"]:
            hit = next((h for h in hits if h.report.source_name == expectation["report"]), None)
            for question_id in expectation.get("questions", []):
                answer_hits.append(hit is not None and question_id in {a.question_id for a in hit.answers})
                if not answer_hits[-1]:
                    misses.append(f"{item['id']}: answer {question_id} of {expectation['report']} not returned")
    return {
        "questions": len(recalls),
        f"recall@{k}": round(sum(recalls) / len(recalls), 3),
        "mrr": round(sum(reciprocal) / len(reciprocal), 3),
        "first_hit_names_places": round(sum(first_hits) / len(first_hits), 3),
        "answer_hit": round(sum(answer_hits) / len(answer_hits), 3),
        "misses": misses,
    }


def test_eval_set_is_well_formed() -> None:
    data = _load()
    reports = {p.name for p in (EVAL_SET.parents[2] / data["archive"]).iterdir()}
    assert len(data["questions"]) >= 30
    assert len({q["id"] for q in data["questions"]}) == len(data["questions"])
    for item in data["questions"]:
        assert item["kind"] in {"name", "place", "topic"}
        SearchFilters(**item.get("filters", {}))
        for expectation in item["expect"]:
            assert expectation["report"] in reports, expectation


def test_retrieval_quality(loaded: Archive, capsys: pytest.CaptureFixture[str]) -> None:
    result = evaluate(loaded, _load())
    with capsys.disabled():
        print(f"\nretrieval: { {k: v for k, v in result.items() if k != 'misses'} }")
        for miss in result["misses"]:
            print(f"  {miss}")
    assert result["recall@5"] >= 0.9
    assert result["first_hit_names_places"] == 1.0, [m for m in result["misses"] if "first hit" in m]
