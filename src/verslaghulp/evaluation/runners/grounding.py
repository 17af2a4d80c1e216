"""Grounding pairs: the facts layer's check on correct reports (no flags) and with planted errors (caught).

No model is involved: this set measures the checker that the drafting pipeline relies on.
"""

from __future__ import annotations

import time

from verslaghulp.evaluation.measures import Measure
from verslaghulp.evaluation.results import CaseResult, DiffRow
from verslaghulp.evaluation.sets import GroundingPair, PlantedError
from verslaghulp.facts.grounding import check_grounding
from verslaghulp.facts.plain_draft import PlainDraft, plain_draft


def _draft(pair: GroundingPair, report: dict[str, str]) -> PlainDraft:
    return plain_draft(report, pair.by_code)


def _caught(pair: GroundingPair, error: PlantedError) -> tuple[bool, str]:
    """Whether the check flags an unsupported fact overlapping the planted text; the flags as explanation."""
    report = dict(pair.report)
    original = report.get(error.question, "")
    if error.find not in original:
        return False, f"set problem: {error.find!r} not in the answer to {error.question}"
    start = original.index(error.find)
    end = start + len(error.replace)
    report[error.question] = original.replace(error.find, error.replace, 1)
    result = check_grounding(_draft(pair, report), pair.notes)
    hits = [u for u in result.unsupported if u.question_id == error.question and u.start < end and start < u.end]
    return bool(hits), ", ".join(repr(u.text) for u in hits) or "not flagged"


def run_grounding_case(pair: GroundingPair) -> CaseResult:
    """Check the correct report and every planted error of one pair."""
    started = time.perf_counter()
    clean = check_grounding(_draft(pair, pair.report), pair.notes)
    check_ms = (time.perf_counter() - started) * 1000
    false_flags = [f"{u.question_id}: {u.text!r} ({u.reason})" for u in clean.unsupported]
    rows = [
        DiffRow(field="correct report", expected="no flags", produced="; ".join(false_flags) or "no flags",
                ok=not false_flags)
    ]  # fmt: skip
    caught = 0
    for error in pair.errors:
        ok, how = _caught(pair, error)
        caught += ok
        rows.append(
            DiffRow(field=f"{error.id} ({error.kind})", expected=f"flag {error.replace!r}", produced=how, ok=ok)
        )
    return CaseResult(
        set="grounding",
        case_id=pair.id,
        measures={
            "clean_reports": Measure.flag(not false_flags, false_flags),
            "false_flags": Measure.count(len(false_flags), false_flags),
            "catch_rate": Measure.ratio(caught, len(pair.errors), [r.field for r in rows[1:] if not r.ok]),
            "check_ms": Measure.count(round(check_ms, 2)),
        },
        diff=rows,
        seconds=round(time.perf_counter() - started, 3),
    )
