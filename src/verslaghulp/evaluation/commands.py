"""The `verslaghulp eval ...` commands: argument handling, progress and printing around the package.

`cli.py` only declares the options and calls these; each returns the process exit code
(0 fine, 1 gate failed, 2 bad arguments or inputs).
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from verslaghulp.config import Settings
from verslaghulp.evaluation import sets as eval_sets
from verslaghulp.evaluation.compare import compare_runs, comparison_markdown
from verslaghulp.evaluation.gate import accept, check_gate, default_baseline, load_baseline, refusals, run_split
from verslaghulp.evaluation.metrics import CATALOGUE, format_value
from verslaghulp.evaluation.modelspec import ModelSpecError, settings_for
from verslaghulp.evaluation.report_html import write_reports
from verslaghulp.evaluation.results import GateResult, RunNotFoundError, RunSummary, load_run, write_summary
from verslaghulp.evaluation.runner import EvalRun, RunOptions
from verslaghulp.llm.weights import ModelIntegrityError, ModelNotInstalledError

err = Console(stderr=True)
out = Console()


def default_run_dir(model_spec: str) -> Path:
    """eval/runs/<time>-<model>, e.g. eval/runs/20251014-1530-embedded-qwen2.5-coder-1.5b."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", model_spec).strip("-")
    return eval_sets.eval_dir() / "runs" / f"{datetime.now():%Y%m%d-%H%M%S}-{slug}"


def run_command(
    set_names: list[str],
    *,
    model_spec: str | None,
    out_dir: Path | None,
    limit: int | None,
    cases: list[str] | None,
    gate: bool,
    baseline: Path | None,
    smoke: bool,
    judge: bool,
    cache_dir: Path | None,
    use_cache: bool,
    settings: Settings,
    split: str = "dev",
    without_keywords: bool = False,
) -> int:
    """`eval run`: run, write results and reports, print the figures, apply the gate if asked."""
    per_set: dict[str, list[str]] = {}
    overrides: dict[str, object] = {}
    if smoke:
        config = eval_sets.load_smoke()
        per_set = config.case_ids()
        overrides = config.settings
        set_names = set_names or list(config.sets)
        model_spec = model_spec or config.model
        baseline = baseline or eval_sets.eval_dir() / config.baseline
    model_spec = model_spec or "embedded"
    try:
        run_settings = settings_for(model_spec, settings, overrides)
    except (ModelSpecError, ValueError) as exc:
        err.print(f"[bold red]Error:[/] {exc}")
        return 2
    baseline = baseline or default_baseline(split)
    baseline_data = None
    if gate:
        try:
            baseline_data = load_baseline(baseline)
        except (OSError, ValueError, KeyError) as exc:
            err.print(f"[bold red]Error:[/] cannot read baseline {baseline}: {exc}")
            return 2
        if baseline_data.split != split:
            err.print(f"[bold red]Error:[/] {baseline} holds the {baseline_data.split} split; this run is of the "
                      f"{split} split (its baseline: {default_baseline(split)})")  # fmt: skip
            return 2
    folder = out_dir or default_run_dir(model_spec)
    options = RunOptions(
        sets=set_names or [s for s in eval_sets.SET_NAMES],
        model_spec=model_spec,
        out_dir=folder,
        cache_dir=cache_dir or settings.data_dir / "eval-cache",
        use_cache=use_cache,
        limit=limit,
        cases=cases,
        per_set_ids=per_set,
        judge=judge,
        split=split,
        without_keywords=without_keywords,
    )
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("[dim]{task.fields[case]}"), console=err) as bar:  # fmt: skip
        tasks: dict[str, TaskID] = {}

        def progress(set_name: str, done: int, total: int, label: str) -> None:
            if set_name not in tasks:
                tasks[set_name] = bar.add_task(set_name, total=total, case="")
            bar.update(tasks[set_name], completed=done, case=label)

        try:
            summary = EvalRun(options, run_settings, progress=progress).run()
        except (ValueError, ModelNotInstalledError, ModelIntegrityError) as exc:
            err.print(f"[bold red]Error:[/] {exc}")
            return 2
    _, case_results = load_run(folder)
    if baseline_data is not None:
        summary.gate = check_gate(summary, baseline_data, str(baseline))
        write_summary(folder, summary)
    reports = write_reports(folder, summary, {k: list(v.values()) for k, v in case_results.items()})
    print_summary(summary)
    err.print(f"Results in {folder} ({', '.join(p.name for p in reports)}, summary.json, cases/)")
    if summary.gate is not None:
        print_gate(summary.gate)
        return 0 if summary.gate.passed else 1
    return 0


def print_summary(summary: RunSummary) -> None:
    """The figures of every set as tables."""
    for name, result in summary.sets.items():
        if result.skipped:
            out.print(f"[yellow]{name}: skipped[/] - {result.skipped}")
            continue
        table = Table(title=f"{name}: {result.cases} cases, {result.errors} errors, {result.seconds:.1f} s")
        table.add_column("metric")
        table.add_column("value", justify="right")
        for m in CATALOGUE[name]:
            value = result.metrics.get(m.name)
            if value is not None:
                table.add_row(m.label, format_value(m, value))
        out.print(table)


def print_gate(gate: GateResult) -> None:
    """The gate's verdict, naming every failed metric."""
    for check in gate.failed:
        out.print(f"[bold red]GATE FAIL[/] {check.metric}: {check.message}")
    skipped = [c for c in gate.checks if c.status == "skipped"]
    verdict = "[bold green]passed[/]" if gate.passed else f"[bold red]failed ({len(gate.failed)})[/]"
    ok = sum(c.status == "ok" for c in gate.checks)
    out.print(f"Gate {verdict}: {ok} ok, {len(gate.failed)} failed, {len(skipped)} skipped ({gate.baseline_file}).")


def compare_command(run_a: Path, run_b: Path, md_out: Path | None) -> int:
    """`eval compare`: print (and optionally write) the comparison."""
    try:
        comparison = compare_runs(run_a, run_b)
    except RunNotFoundError as exc:
        err.print(f"[bold red]Error:[/] {exc}")
        return 2
    table = Table(title=f"{comparison.a.run_id} (A) → {comparison.b.run_id} (B)")
    for column in ("metric", "A", "B", "Δ", ""):
        table.add_column(column, justify="right" if column in ("A", "B", "Δ") else "left")
    colours = {"worse": "red", "better": "green"}
    for row in comparison.rows:
        verdict = f"[{colours[row.verdict]}]{row.verdict}[/]" if row.verdict in colours else row.verdict
        table.add_row(row.key, row.a, row.b, row.delta, verdict)
    out.print(table)
    out.print(f"Per-case regressions: {len(comparison.regressions)} (improvements: {comparison.improvements})")
    for r in comparison.regressions:
        out.print(f"  [red]{r.set}/{r.case_id}[/] {r.measure}: {r.a} → {r.b}  [dim]{r.detail}[/]", highlight=False)
    if md_out:
        md_out.write_text(comparison_markdown(comparison), encoding="utf-8")
        err.print(f"Written to {md_out}")
    return 0


def baseline_command(run_dir: Path, baseline: Path | None) -> int:
    """`eval baseline`: accept a run's figures as the new baseline values (a clean run on the current sets only)."""
    try:
        summary, _ = load_run(run_dir)
    except RunNotFoundError as exc:
        err.print(f"[bold red]Error:[/] {exc}")
        return 2
    baseline = baseline or default_baseline(run_split(summary))
    refused = refusals(summary, baseline)
    if refused:
        err.print(f"[bold red]Error:[/] {summary.run_id} cannot become the baseline in {baseline}:")
        for reason in refused:
            err.print(f"  - {reason}", highlight=False)
        return 2
    data = accept(summary, baseline)
    out.print(f"{len(data['metrics'])} metric(s) in {baseline} now hold the figures of {summary.run_id}.")
    return 0
