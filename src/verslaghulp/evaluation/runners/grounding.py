"""Grounding pairs: the facts layer's check on correct reports (no flags) and with planted errors (caught).

No model is involved: this set measures the checker that the drafting pipeline relies on, as a
classifier. Recall is the share of planted errors it flags (`catch_rate`); precision the share of its
flags that point at a planted error (`flag_precision`). A flag on a correct report is a false alarm,
and so is a flag in a report with a planted error that is neither at the planted text nor already
raised on the correct report (a false alarm the correct report raises counts once, not once per error).
"""

from __future__ import annotations

import time

from verslaghulp.evaluation.measures import Measure
from verslaghulp.evaluation.results import CaseResult, DiffRow
from verslaghulp.evaluation.sets import GroundingPair, PlantedError
from verslaghulp.facts.grounding import check_grounding
from verslaghulp.facts.grounding_model import UnsupportedFact
from verslaghulp.facts.plain_draft import PlainDraft, plain_draft


def _draft(pair: GroundingPair, report: dict[str, str]) -> PlainDraft:
    return plain_draft(report, pair.by_code)


def _key(flag: UnsupportedFact) -> tuple[str, str]:
    return flag.question_id, flag.text


def _caught(pair: GroundingPair, error: PlantedError, clean: set[tuple[str, str]]) -> tuple[int, list[str], str]:
    """(flags at the planted text, new false alarms elsewhere, explanation) for one planted error."""
    report = dict(pair.report)
    original = report.get(error.question, "")
    if error.find not in original:
        return 0, [], f"set problem: {error.find!r} not in the answer to {error.question}"
    start = original.index(error.find)
    end = start + len(error.replace)
    report[error.question] = original.replace(error.find, error.replace, 1)
    result = check_grounding(_draft(pair, report), pair.notes)
    hits = [u for u in result.unsupported if u.question_id == error.question and u.start < end and start < u.end]
    others = [f"{error.id}: {u.question_id} {u.text!r} ({u.reason})" for u in result.unsupported
              if u not in hits and _key(u) not in clean]  # fmt: skip
    return len(hits), others, ", ".join(repr(u.text) for u in hits) or "not flagged"


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
    clean_keys = {_key(u) for u in clean.unsupported}
    caught = hit_flags = 0
    by_kind: dict[str, list[int]] = {}  # kind -> [caught, planted]
    false_alarms = list(false_flags)
    for error in pair.errors:
        hits, others, how = _caught(pair, error, clean_keys)
        caught += hits > 0
        counts = by_kind.setdefault(error.kind, [0, 0])
        counts[0] += hits > 0
        counts[1] += 1
        hit_flags += hits
        false_alarms += others
        rows.append(
            DiffRow(field=f"{error.id} ({error.kind})", expected=f"flag {error.replace!r}", produced=how, ok=hits > 0)
        )
    return CaseResult(
        set="grounding",
        case_id=pair.id,
        measures={
            "clean_reports": Measure.flag(not false_flags, false_flags),
            "false_flags": Measure.count(len(false_flags), false_flags),
            "catch_rate": Measure.ratio(caught, len(pair.errors), [r.field for r in rows[1:] if not r.ok]),
            "flag_precision": Measure.ratio(hit_flags, hit_flags + len(false_alarms), false_alarms),
            "check_ms": Measure.count(round(check_ms, 2)),
        },
        diff=rows,
        output={"by_kind": by_kind},
        seconds=round(time.perf_counter() - started, 3),
    )
