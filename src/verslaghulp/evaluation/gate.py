"""The gate: a run's figures against the accepted baseline, metric by metric, with a tolerance each.

eval/baseline.json (eval/baseline-smoke.json for the smoke subset):

    {"description": "...", "model": "embedded:qwen2.5-coder-1.5b",
     "metrics": {"drafting.question_coverage": {"value": 1.0, "tolerance": 0.0}, ...}}

A metric fails when it is worse than its baseline value by more than its tolerance, in the metric's
direction (below for "higher is better", above for "lower is better"). A metric of a set that was not
run is skipped; a metric of a set that ran but has no value fails (it was expected and is missing).
A metric with `"value": null` is pending (accepted once a reference run exists) and is skipped.

A baseline belongs to one split (`"split": "dev"` in eval/baseline.json, `"test"` in
eval/baseline-test.json) and records, per set, the run its figures were accepted from (`sources`:
run id, commit, model, settings and the set's digest). `eval baseline` accepts only a run made from a
clean tree on the sets as they are now (see `refusals`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from verslaghulp.evaluation import sets as eval_sets
from verslaghulp.evaluation.measures import Direction, is_worse
from verslaghulp.evaluation.metrics import format_value, metric
from verslaghulp.evaluation.provenance import set_version, version_differences
from verslaghulp.evaluation.results import GateCheck, GateResult, RunSummary


class BaselineEntry(BaseModel):
    """An accepted figure and how far a run may fall short of it."""

    value: float | None
    tolerance: float = Field(default=0.0, ge=0)
    note: str = ""


class Baseline(BaseModel):
    """The accepted figures of one reference configuration."""

    description: str = ""
    model: str = ""
    split: str = "dev"
    sources: dict[str, dict[str, Any]] = Field(default_factory=dict)
    metrics: dict[str, BaselineEntry]


def default_baseline(split: str) -> Path:
    """The baseline file of a split: eval/baseline.json (dev) or eval/baseline-test.json (test)."""
    return eval_sets.eval_dir() / ("baseline.json" if split == "dev" else f"baseline-{split}.json")


def run_split(summary: RunSummary) -> str:
    """The split a run was made on (runs from before splits existed are dev)."""
    return str(summary.selection.get("split") or "dev")


def refusals(summary: RunSummary, path: Path) -> list[str]:
    """Why a run may not become the baseline in `path` (empty when it may).

    Refused: a run that does not record its tree's state, a run from a tree with uncommitted changes
    to tracked files, a run of another split than the file's, and a run whose sets (set files,
    archive, eval forms) differ from the ones in the tree now.
    """
    reasons: list[str] = []
    if summary.dirty is None:
        reasons.append("the run does not record whether its tree was clean (an older run, or not made in a git "
                       "checkout): run it again")  # fmt: skip
    elif summary.dirty:
        shown = ", ".join(summary.dirty_files[:5]) + (" ..." if len(summary.dirty_files) > 5 else "")
        reasons.append(f"the run was made from a dirty tree: {len(summary.dirty_files)} tracked file(s) with "
                       f"uncommitted changes at {summary.git_commit or 'an unknown commit'} ({shown}); commit "
                       "them and run again")  # fmt: skip
    drafting = summary.sets.get("drafting")
    if drafting is not None and "keywords" in drafting.info:
        reasons.append("the run drafted on forms without their keyword lists (--without-keywords): it measures "
                       "an experiment, not the product")  # fmt: skip
    split = run_split(summary)
    if path.is_file():
        recorded = json.loads(path.read_text(encoding="utf-8")).get("split", "dev")
        if recorded != split:
            reasons.append(f"the run is of the {split} split, {path.name} holds the {recorded} split")
    for name, result in summary.sets.items():
        if result.skipped:
            continue
        version = summary.set_versions.get(name)
        if version is None:
            reasons.append(f"the run does not record the version of the {name} set: run it again")
            continue
        try:
            current = set_version(name, version.split)
        except (OSError, ValueError) as exc:
            reasons.append(f"the {name} set ({version.split}) cannot be read now: {exc}")
            continue
        changed = version_differences(version, current)
        if changed:
            reasons.append(f"the {name} set ({version.split}) differs from the run's version: {', '.join(changed)}; "
                           "run it again on the sets as they are")  # fmt: skip
    return reasons


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file; every metric key must be a known "set.metric"."""
    baseline = Baseline.model_validate_json(path.read_text(encoding="utf-8"))
    for key in baseline.metrics:
        metric(key)  # raises KeyError for a typo, which must not silently pass the gate
    return baseline


def _verdict(key: str, entry: BaselineEntry, summary: RunSummary) -> tuple[str, str, float | None]:
    """(status, message, value) of one baseline metric."""
    m = metric(key)
    set_name = key.partition(".")[0]
    ran = set_name in summary.sets and summary.sets[set_name].skipped is None
    value = summary.metric(key) if ran else None
    if entry.value is None:
        return "skipped", "pending: no accepted value yet", value
    if not ran:
        return "skipped", f"set {set_name} not run", value
    if value is None:
        return "fail", "no value in this run", value
    # Baselines hold 4 decimals (see accept); compare at that precision so 0.548387 equals 0.5484.
    if m.direction is Direction.INFO or not is_worse(m, round(value, 4), entry.value, entry.tolerance):
        return "ok", "", value
    higher = m.direction is Direction.HIGHER
    bound = entry.value - entry.tolerance if higher else entry.value + entry.tolerance
    message = (
        f"{format_value(m, value)} is {'below' if higher else 'above'} {format_value(m, bound)} "
        f"(baseline {format_value(m, entry.value)}, tolerance {entry.tolerance:g})"
    )
    return "fail", message, value


def check_gate(summary: RunSummary, baseline: Baseline, baseline_file: str = "") -> GateResult:
    """Every baseline metric checked against the run."""
    checks: list[GateCheck] = []
    for key, entry in baseline.metrics.items():
        status, message, value = _verdict(key, entry, summary)
        checks.append(
            GateCheck(
                metric=key,
                baseline=entry.value,
                tolerance=entry.tolerance,
                value=value,
                direction=metric(key).direction.value,
                status=status,
                message=message,
            )
        )
    return GateResult(baseline_file=baseline_file, checks=checks)


def accept(summary: RunSummary, path: Path, *, default_tolerance: float = 0.02) -> dict[str, Any]:
    """Write the run's figures into a baseline file as the new accepted values.

    Existing metrics keep their tolerance and notes; every other figure of the run that has a
    direction and is not a timing is added with `default_tolerance` (0 for counts that must stay 0),
    so a metric introduced after the file was first written is gated from its first accepted run.
    Metrics the run has no figure for (a set it did not run) keep their accepted value. Each set the
    run has figures for records where they come from under `sources`. Callers check `refusals` first.
    """
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    entries: dict[str, Any] = data.setdefault("metrics", {})
    ran = [f"{s}.{name}" for s, result in summary.sets.items() if not result.skipped for name in result.metrics]
    keys = list(dict.fromkeys([*entries, *ran]))
    for key in keys:
        m = metric(key)
        value = summary.metric(key)
        # A set the run did not include (value None) keeps its accepted figures.
        if m.direction is Direction.INFO or m.timing or value is None:
            continue
        entry = entries.setdefault(key, {"tolerance": 0.0 if value == 0 else default_tolerance})
        entry["value"] = None if value is None else round(value, 4)
    data["model"] = summary.model
    data["split"] = run_split(summary)
    sources: dict[str, Any] = data.setdefault("sources", {})
    for name, result in summary.sets.items():
        version = summary.set_versions.get(name)
        if result.skipped or version is None:
            continue
        sources[name] = {"run_id": summary.run_id, "commit": summary.git_commit, "dirty": summary.dirty,
                         "created_at": summary.created_at.isoformat(timespec="seconds"), "model": summary.model,
                         "settings": summary.settings, "set_digest": version.digest}  # fmt: skip
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return data
