"""`verslaghulp eval compare RUN_A RUN_B`: figures side by side with deltas, and per-case regressions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from verslaghulp.evaluation.measures import Direction, is_worse
from verslaghulp.evaluation.metrics import CATALOGUE, format_delta, format_value, metric_for_measure
from verslaghulp.evaluation.results import CaseResult, RunSummary, load_run


@dataclass(frozen=True)
class MetricRow:
    """One figure in both runs."""

    key: str
    label: str
    a: str
    b: str
    delta: str
    verdict: str  # "better", "worse", "same", "" (not comparable)


@dataclass(frozen=True)
class Regression:
    """A case that got worse on one measure."""

    set: str
    case_id: str
    measure: str
    a: str
    b: str
    detail: str


@dataclass(frozen=True)
class Comparison:
    """Everything `eval compare` prints."""

    a: RunSummary
    b: RunSummary
    rows: list[MetricRow]
    regressions: list[Regression]
    improvements: int
    only_in_a: list[str]
    only_in_b: list[str]


def compare_runs(run_a: Path, run_b: Path) -> Comparison:
    """Compare two run folders (A is the reference, B the candidate)."""
    summary_a, cases_a = load_run(run_a)
    summary_b, cases_b = load_run(run_b)
    rows: list[MetricRow] = []
    for set_name, metrics in CATALOGUE.items():
        if set_name not in summary_a.sets and set_name not in summary_b.sets:
            continue
        for m in metrics:
            key = f"{set_name}.{m.name}"
            va, vb = summary_a.metric(key), summary_b.metric(key)
            if va is None and vb is None:
                continue
            verdict = ""
            delta = ""
            if va is not None and vb is not None:
                delta = format_delta(m, vb - va)
                if m.direction is Direction.INFO:
                    verdict = ""
                elif is_worse(m, vb, va):
                    verdict = "worse"
                elif is_worse(m, va, vb):
                    verdict = "better"
                else:
                    verdict = "same"
            rows.append(MetricRow(key, m.label, format_value(m, va), format_value(m, vb), delta, verdict))
    regressions, improvements, only_a, only_b = _case_changes(cases_a, cases_b)
    return Comparison(summary_a, summary_b, rows, regressions, improvements, only_a, only_b)


def _case_changes(
    cases_a: dict[str, dict[str, CaseResult]], cases_b: dict[str, dict[str, CaseResult]]
) -> tuple[list[Regression], int, list[str], list[str]]:
    regressions: list[Regression] = []
    improvements = 0
    only_a: list[str] = []
    only_b: list[str] = []
    for set_name in sorted(set(cases_a) | set(cases_b)):
        a_cases, b_cases = cases_a.get(set_name, {}), cases_b.get(set_name, {})
        only_a += [f"{set_name}/{c}" for c in a_cases if c not in b_cases]
        only_b += [f"{set_name}/{c}" for c in b_cases if c not in a_cases]
        for case_id, case_a in a_cases.items():
            case_b = b_cases.get(case_id)
            if case_b is None:
                continue
            for measure, ma in case_a.measures.items():
                mb = case_b.measures.get(measure)
                m = metric_for_measure(set_name, measure)
                if m is None or m.direction is Direction.INFO or m.timing:
                    continue  # timings vary run to run; the set's latency figures show them
                if ma.value is None or mb is None or mb.value is None:
                    continue
                if is_worse(m, mb.value, ma.value):
                    detail = "; ".join(mb.detail[:3])
                    a, b = format_value(m, ma.value), format_value(m, mb.value)
                    regressions.append(Regression(set_name, case_id, measure, a, b, detail))
                elif is_worse(m, ma.value, mb.value):
                    improvements += 1
    return regressions, improvements, only_a, only_b


def comparison_markdown(c: Comparison) -> str:
    """The comparison as Markdown (for a pull request or the terminal)."""
    lines = [
        f"# Compare {c.a.run_id} (A) → {c.b.run_id} (B)",
        "",
        f"- A: {c.a.model}, prompts {', '.join(c.a.prompts) or '-'}, commit {c.a.git_commit or '-'}",
        f"- B: {c.b.model}, prompts {', '.join(c.b.prompts) or '-'}, commit {c.b.git_commit or '-'}",
        "",
        "| metric | A | B | Δ | |",
        "|---|---:|---:|---:|---|",
    ]
    lines += [f"| {r.key} | {r.a} | {r.b} | {r.delta} | {r.verdict} |" for r in c.rows]
    lines += ["", f"## Per-case regressions ({len(c.regressions)}; {c.improvements} improvements)", ""]
    if c.regressions:
        lines += ["| set | case | measure | A | B | detail |", "|---|---|---|---:|---:|---|"]
        lines += [
            f"| {r.set} | {r.case_id} | {r.measure} | {r.a} | {r.b} | {r.detail.replace('|', '/')} |"
            for r in c.regressions
        ]
    else:
        lines.append("None.")
    if c.only_in_a or c.only_in_b:
        lines += ["", f"Only in A: {', '.join(c.only_in_a) or '-'}; only in B: {', '.join(c.only_in_b) or '-'}"]
    return "\n".join(lines) + "\n"
