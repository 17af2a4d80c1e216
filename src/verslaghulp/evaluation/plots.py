"""Plots for the HTML report: matplotlib drawn to inline SVG (text as paths, so no fonts are fetched).

The object-oriented API (`Figure`, no pyplot) needs no GUI backend and keeps no global figure state.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from matplotlib import rc_context
from matplotlib.figure import Figure

from verslaghulp.evaluation.measures import Unit
from verslaghulp.evaluation.metrics import CATALOGUE
from verslaghulp.evaluation.results import CaseResult, SetResult

_GOOD, _BAD, _GREY = "#2e7d32", "#c62828", "#607d8b"


@contextmanager
def _figure(rows: int, per_row: float) -> Iterator[Figure]:
    # Glyphs as paths (no font files referenced) and a fixed salt (the same run gives the same SVG).
    with rc_context({"svg.fonttype": "path", "svg.hashsalt": "verslaghulp-eval", "font.size": 9}):
        yield Figure(figsize=(7, per_row * rows + 0.8))


def _svg(figure: Figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg") :]  # drop the XML prolog and doctype: the SVG sits inside HTML


def _present(rows: Sequence[tuple[str, float | None]]) -> list[tuple[str, float]]:
    return [(label, value) for label, value in rows if value is not None]


def ratio_metrics_svg(result: SetResult) -> str | None:
    """Horizontal bars of a set's ratio metrics (0-100%)."""
    rows = _present([(m.label, result.metrics.get(m.name)) for m in CATALOGUE[result.name] if m.unit is Unit.RATIO])
    if not rows:
        return None
    labels = [label for label, _ in rows][::-1]
    values = [value * 100 for _, value in rows][::-1]
    with _figure(len(rows), 0.32) as figure:
        axes = figure.subplots()
        axes.barh(labels, values, color=[_GOOD if v >= 90 else _GREY if v >= 60 else _BAD for v in values])
        axes.set_xlim(0, 100)
        axes.set_xlabel("%")
        for y, v in enumerate(values):
            axes.text(min(v + 1, 92), y, f"{v:.0f}%", va="center")
        axes.set_title(f"{result.name}: ratio metrics")
        return _svg(figure)


def per_case_svg(set_name: str, cases: Sequence[CaseResult], measure: str, title: str, *, ratio: bool) -> str | None:
    """A bar per case for one measure (e.g. fact recall or latency), cases in set order."""
    rows = _present([(c.case_id, c.value(measure)) for c in cases])
    if not rows:
        return None
    labels = [case_id for case_id, _ in rows][::-1]
    values = [(v * 100 if ratio else v) for _, v in rows][::-1]
    with _figure(len(rows), 0.22) as figure:
        axes = figure.subplots()
        axes.barh(labels, values, color=_GREY)
        if ratio:
            axes.set_xlim(0, 100)
        axes.tick_params(axis="y", labelsize=7)
        axes.set_title(f"{set_name}: {title}")
        return _svg(figure)


def set_plots(result: SetResult, cases: Sequence[CaseResult]) -> list[str]:
    """The plots of one set for the HTML report."""
    plots = [ratio_metrics_svg(result)]
    if result.name == "drafting":
        plots.append(per_case_svg("drafting", cases, "fact_recall", "expected-fact recall per case (%)", ratio=True))
        plots.append(per_case_svg("drafting", cases, "latency_s", "seconds per draft", ratio=False))
    elif result.name == "retrieval":
        plots.append(per_case_svg("retrieval", cases, "reciprocal_rank", "reciprocal rank per question", ratio=False))
    return [p for p in plots if p]
