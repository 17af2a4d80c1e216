"""What a run writes: one JSON file per case, a summary, and the gate's verdict; and reading them back."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from verslaghulp.evaluation.measures import Measure
from verslaghulp.evaluation.provenance import SetVersion


class DiffRow(BaseModel):
    """One line of a case's expected-versus-produced comparison."""

    field: str
    expected: str
    produced: str
    ok: bool | None = None  # None: shown for context, not judged


class CaseResult(BaseModel):
    """The outcome of one case: its measures, the comparison, and what was produced."""

    set: str
    case_id: str
    description: str = ""
    tags: list[str] = Field(default_factory=list)
    measures: dict[str, Measure] = Field(default_factory=dict)
    diff: list[DiffRow] = Field(default_factory=list)
    output: dict[str, Any] | None = None
    error: str | None = None
    seconds: float = 0.0
    cache_hits: int = 0
    cache_misses: int = 0

    def value(self, measure: str) -> float | None:
        """The case's value of a measure (None when absent or not applicable)."""
        found = self.measures.get(measure)
        return found.value if found else None


class SetResult(BaseModel):
    """A set's figures in a run, or why it was skipped."""

    name: str
    cases: int = 0
    case_ids: list[str] = Field(default_factory=list)  # in set order, for the reports
    errors: int = 0
    metrics: dict[str, float | None] = Field(default_factory=dict)
    info: dict[str, Any] = Field(default_factory=dict)
    skipped: str | None = None
    seconds: float = 0.0


class GateCheck(BaseModel):
    """One baseline metric checked against a run."""

    metric: str
    baseline: float | None
    tolerance: float
    value: float | None
    direction: str
    status: str  # "ok", "fail", "skipped"
    message: str = ""


class GateResult(BaseModel):
    """The gate's verdict over all baseline metrics."""

    baseline_file: str
    checks: list[GateCheck] = Field(default_factory=list)

    @property
    def failed(self) -> list[GateCheck]:
        """The checks that failed."""
        return [c for c in self.checks if c.status == "fail"]

    @property
    def passed(self) -> bool:
        """True when no check failed."""
        return not self.failed


class RunSummary(BaseModel):
    """A whole run: which model and prompts, which sets, their figures, and the gate."""

    run_id: str
    created_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    model_spec: str
    model: str = ""
    prompts: list[str] = Field(default_factory=list)
    settings: dict[str, Any] = Field(default_factory=dict)
    git_commit: str | None = None
    # Whether a tracked file had uncommitted changes (None: not recorded, or not a git checkout).
    dirty: bool | None = None
    dirty_files: list[str] = Field(default_factory=list)
    # Per set that ran: the split and the sha256 of every file it read (see provenance.set_version).
    set_versions: dict[str, SetVersion] = Field(default_factory=dict)
    selection: dict[str, Any] = Field(default_factory=dict)
    sets: dict[str, SetResult] = Field(default_factory=dict)
    seconds: float = 0.0
    cache: dict[str, Any] = Field(default_factory=dict)
    gate: GateResult | None = None

    def metric(self, key: str) -> float | None:
        """A figure by its full key, "set.metric"."""
        set_name, _, name = key.partition(".")
        found = self.sets.get(set_name)
        return found.metrics.get(name) if found else None


SUMMARY_FILE = "summary.json"


def case_path(out_dir: Path, case: CaseResult) -> Path:
    """Where a case's JSON lives in a run folder."""
    return out_dir / "cases" / case.set / f"{case.case_id}.json"


def write_case(out_dir: Path, case: CaseResult) -> Path:
    """Write one case's result."""
    path = case_path(out_dir, case)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(case.model_dump_json(indent=2), encoding="utf-8")
    return path


def write_summary(out_dir: Path, summary: RunSummary) -> Path:
    """Write the run's summary.json."""
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / SUMMARY_FILE
    path.write_text(summary.model_dump_json(indent=2), encoding="utf-8")
    return path


class RunNotFoundError(FileNotFoundError):
    """The folder is not a finished evaluation run."""


def load_run(run_dir: Path) -> tuple[RunSummary, dict[str, dict[str, CaseResult]]]:
    """A run's summary and its case results per set (keyed by case id)."""
    path = run_dir / SUMMARY_FILE
    if not path.is_file():
        raise RunNotFoundError(f"{run_dir} has no {SUMMARY_FILE}: not an evaluation run")
    summary = RunSummary.model_validate_json(path.read_text(encoding="utf-8"))
    cases: dict[str, dict[str, CaseResult]] = {}
    for file in sorted((run_dir / "cases").glob("*/*.json")):
        case = CaseResult.model_validate_json(file.read_text(encoding="utf-8"))
        cases.setdefault(case.set, {})[case.case_id] = case
    for name, found in cases.items():  # back into the order the set lists them
        order = {case_id: n for n, case_id in enumerate(summary.sets[name].case_ids if name in summary.sets else [])}
        cases[name] = dict(sorted(found.items(), key=lambda item: (order.get(item[0], len(order)), item[0])))
    return summary, cases
