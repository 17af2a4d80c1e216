"""The grounding check against eval/sets/grounding.yaml: no flags on correct reports, errors caught."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from verslaghulp.facts.grounding import check_grounding
from verslaghulp.facts.plain_draft import PlainDraft, plain_draft

SET = Path(__file__).resolve().parents[3] / "eval" / "sets" / "grounding.yaml"
PAIRS: list[dict[str, Any]] = yaml.safe_load(SET.read_text(encoding="utf-8"))["pairs"]


def _draft(pair: dict[str, Any], report: dict[str, str]) -> PlainDraft:
    return plain_draft(report, pair.get("by_code", []))


def test_set_is_big_enough() -> None:
    assert len(PAIRS) >= 10
    assert sum(len(p["errors"]) for p in PAIRS) >= 20


@pytest.mark.parametrize("pair", PAIRS, ids=[p["id"] for p in PAIRS])
def test_correct_reports_have_no_flags(pair: dict[str, Any]) -> None:
    result = check_grounding(_draft(pair, pair["report"]), pair["notes"])
    assert [(u.question_id, u.text, u.reason) for u in result.unsupported] == []
    assert result.score == 1.0


def _caught(pair: dict[str, Any], error: dict[str, str]) -> bool:
    report = dict(pair["report"])
    original = report[error["question"]]
    assert error["find"] in original, f"{pair['id']}/{error['id']}: find text not in answer"
    start = original.index(error["find"])
    end = start + len(error["replace"])
    report[error["question"]] = original.replace(error["find"], error["replace"], 1)
    result = check_grounding(_draft(pair, report), pair["notes"])
    return any(u.question_id == error["question"] and u.start < end and start < u.end for u in result.unsupported)


def test_planted_errors_are_caught() -> None:
    outcomes = {f"{p['id']}/{e['id']}": _caught(p, e) for p in PAIRS for e in p["errors"]}
    missed = [k for k, ok in outcomes.items() if not ok]
    assert len(outcomes) - len(missed) >= 19, f"missed: {missed}"
    assert len(missed) <= len(outcomes) // 20, f"missed: {missed}"
