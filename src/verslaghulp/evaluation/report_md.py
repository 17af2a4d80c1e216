"""The run's Markdown report: per-set metric tables, per-case tables, and the failing expectations per case."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from verslaghulp.evaluation.metrics import CATALOGUE, format_value, metric_for_measure
from verslaghulp.evaluation.results import CaseResult, GateResult, RunSummary

# The per-case columns each set's case table shows (per-case measure names).
CASE_COLUMNS: dict[str, tuple[str, ...]] = {
    "drafting": ("schema_valid", "question_coverage", "exact_headings", "fact_recall", "forbidden_hits",
                 "unsupported_rate", "unflagged_unsupported", "niet_vermeld_precision", "niet_vermeld_recall",
                 "dutch_rate", "latency_s"),
    "grounding": ("clean_reports", "false_flags", "catch_rate", "flag_precision", "check_ms"),
    "retrieval": ("recall_at_k", "reciprocal_rank", "first_hit", "answer_hit", "latency_ms"),
    "summaries": ("citation_precision", "citation_coverage", "uncited_fact_rate", "fact_recall",
                  "coverage_complete", "latency_s"),
    "citations": ("flag_precision", "flag_recall", "agreement", "scorer_flag_precision", "scorer_flag_recall",
                  "check_ms"),
}  # fmt: skip


def cell(text: str) -> str:
    """Text made safe for one Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ⏎ ").strip()


def case_value(set_name: str, case: CaseResult, measure: str) -> str:
    """A case's measure formatted like its metric."""
    m = metric_for_measure(set_name, measure)
    value = case.value(measure)
    if m is None:
        return "–" if value is None else f"{value:g}"
    return format_value(m, value)


def tree_state(summary: RunSummary) -> str:
    """Whether the run's tree was clean, as the header and the baseline check read it."""
    if summary.dirty is None:
        return "tree state not recorded"
    if summary.dirty:
        return f"dirty: uncommitted changes in {len(summary.dirty_files)} tracked file(s)"
    return "clean"


def header_lines(summary: RunSummary) -> list[str]:
    """The run's identity: model, prompts, settings, commit, duration, cache."""
    cache = summary.cache
    return [
        f"# Evaluation run `{summary.run_id}`",
        "",
        f"- model: `{summary.model}` (`--model {summary.model_spec}`)",
        f"- prompts: {', '.join(f'`{p}`' for p in summary.prompts) or '-'}",
        f"- settings: {', '.join(f'{k}={v}' for k, v in sorted(summary.settings.items()))}",
        f"- commit: {summary.git_commit or '-'} ({tree_state(summary)}); started "
        f"{summary.created_at:%Y-%m-%d %H:%M} UTC; took {summary.seconds:.1f} s",
        f"- sets: {', '.join(f'{k} {v.split} `{v.digest[:12]}`' for k, v in summary.set_versions.items()) or '-'}",
        f"- model cache: {cache.get('hits', 0)} hits, {cache.get('misses', 0)} misses"
        if cache
        else "- model cache: off",
        "",
    ]


def gate_lines(gate: GateResult | None) -> list[str]:
    """The gate's table, failures first."""
    if gate is None:
        return []
    verdict = "PASSED" if gate.passed else f"FAILED ({len(gate.failed)} metric(s))"
    lines = [f"## Gate: {verdict}", "", f"Baseline: `{gate.baseline_file}`", "",
             "| metric | baseline | tolerance | this run | status | |", "|---|---:|---:|---:|---|---|"]  # fmt: skip
    for c in sorted(gate.checks, key=lambda c: {"fail": 0, "ok": 1}.get(c.status, 2)):
        base = "–" if c.baseline is None else f"{c.baseline:g}"
        value = "–" if c.value is None else f"{c.value:.4g}"
        lines.append(f"| {c.metric} | {base} | {c.tolerance:g} | {value} | {c.status} | {cell(c.message)} |")
    return [*lines, ""]


def set_lines(summary: RunSummary, cases: Mapping[str, Sequence[CaseResult]]) -> list[str]:
    """Per set: the metric table, the case table and the failing expectations."""
    lines: list[str] = []
    for name, result in summary.sets.items():
        lines += [f"## {name}", ""]
        if result.skipped:
            lines += [f"Skipped: {result.skipped}", ""]
            continue
        info = ", ".join(f"{k}: {v}" for k, v in result.info.items())
        lines += [f"{result.cases} cases, {result.errors} errors, {result.seconds:.1f} s. {info}", "",
                  "| metric | value | better | definition |", "|---|---:|---|---|"]  # fmt: skip
        for m in CATALOGUE[name]:
            if result.metrics.get(m.name) is not None:
                better = {"higher": "↑", "lower": "↓"}.get(m.direction.value, "")
                lines.append(f"| {m.label} | {format_value(m, result.metrics[m.name])} | {better} | {m.description} |")
        set_cases = cases.get(name, [])
        columns = CASE_COLUMNS[name]
        lines += ["", "| case | " + " | ".join(columns) + " |", "|---|" + "---:|" * len(columns)]
        for case in set_cases:
            values = " | ".join(case_value(name, case, col) for col in columns)
            lines.append(f"| {case.case_id}{' ⚠ error' if case.error else ''} | {values} |")
        lines += ["", *failure_lines(set_cases)]
    return lines


def failure_lines(cases: Sequence[CaseResult]) -> list[str]:
    """For each case with an error or an unmet expectation: those rows only, expected next to produced."""
    lines: list[str] = []
    for case in cases:
        failing = [r for r in case.diff if r.ok is False]
        if not failing and not case.error:
            continue
        lines += [f"### {case.case_id}", ""]
        if case.error:
            lines += [f"Error: `{cell(case.error)}`", ""]
        if failing:
            lines += ["| field | expected | produced |", "|---|---|---|"]
            lines += [f"| {r.field} | {cell(r.expected)} | {cell(r.produced[:400])} |" for r in failing]
            lines.append("")
    return lines


def render_markdown(summary: RunSummary, cases: Mapping[str, Sequence[CaseResult]]) -> str:
    """The whole Markdown report."""
    return "\n".join([*header_lines(summary), *gate_lines(summary.gate), *set_lines(summary, cases)]) + "\n"
