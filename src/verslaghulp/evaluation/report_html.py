"""The run's HTML report: one self-contained file (inline CSS and SVG plots, no scripts, no web fonts)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from verslaghulp.evaluation.metrics import CATALOGUE, format_value
from verslaghulp.evaluation.plots import set_plots
from verslaghulp.evaluation.report_md import CASE_COLUMNS, case_value, render_markdown, tree_state
from verslaghulp.evaluation.results import CaseResult, RunSummary

_ENV = Environment(
    loader=FileSystemLoader(Path(__file__).resolve().parent / "templates"),
    autoescape=select_autoescape(["html", "j2"]),
)


def _set_view(name: str, summary: RunSummary, cases: Sequence[CaseResult]) -> dict[str, Any]:
    result = summary.sets[name]
    metrics = [
        {"label": m.label, "value": format_value(m, result.metrics.get(m.name)), "description": m.description,
         "better": {"higher": "↑", "lower": "↓"}.get(m.direction.value, "")}
        for m in CATALOGUE[name]
        if result.metrics.get(m.name) is not None
    ]  # fmt: skip
    columns = CASE_COLUMNS[name]
    case_rows = [
        {"id": c.case_id, "error": c.error, "failed": bool(c.error) or any(r.ok is False for r in c.diff),
         "cells": [case_value(name, c, col) for col in columns]}
        for c in cases
    ]  # fmt: skip
    plots = set_plots(result, cases) if not result.skipped else []
    return {"name": name, "result": result, "metrics": metrics, "columns": columns, "case_rows": case_rows,
            "cases": cases, "plots": plots}  # fmt: skip


def render_html(summary: RunSummary, cases: Mapping[str, Sequence[CaseResult]]) -> str:
    """The whole HTML report."""
    views = [_set_view(name, summary, cases.get(name, [])) for name in summary.sets]
    return _ENV.get_template("report.html.j2").render(s=summary, sets=views, tree_state=tree_state(summary))


def write_reports(out_dir: Path, summary: RunSummary, cases: Mapping[str, Sequence[CaseResult]]) -> list[Path]:
    """Write report.md and report.html into the run folder."""
    md = out_dir / "report.md"
    html = out_dir / "report.html"
    md.write_text(render_markdown(summary, cases), encoding="utf-8")
    html.write_text(render_html(summary, cases), encoding="utf-8")
    return [md, html]
