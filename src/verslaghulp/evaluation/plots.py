"""Plots for the HTML report: matplotlib drawn to inline SVG (text as paths, so no fonts are fetched).

The object-oriented API (`Figure`, no pyplot) needs no GUI backend and keeps no global figure state.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from matplotlib import rc_context
from matplotlib.figure import Figure

from verslaghulp.evaluation.measures import Direction, Unit
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


def _colour(value: float, lower_is_better: bool) -> str:
    goodness = 100 - value if lower_is_better else value
    return _GOOD if goodness >= 90 else _GREY if goodness >= 60 else _BAD


def ratio_metrics_svg(result: SetResult) -> str | None:
    """Horizontal bars of a set's ratio metrics (0-100%), coloured by how good they are in their direction."""
    metrics = [m for m in CATALOGUE[result.name] if m.unit is Unit.RATIO and result.metrics.get(m.name) is not None]
    if not metrics:
        return None
    metrics.reverse()  # barh draws bottom-up; keep the catalogue's order top-down
    values = [float(result.metrics[m.name] or 0.0) * 100 for m in metrics]
    with _figure(len(metrics), 0.32) as figure:
        axes = figure.subplots()
        colours = [_colour(v, m.direction is Direction.LOWER) for v, m in zip(values, metrics, strict=True)]
        axes.barh([m.label + (" (↓ better)" if m.direction is Direction.LOWER else "") for m in metrics], values,
                  color=colours)  # fmt: skip
        axes.set_xlim(0, 100)
        axes.set_xlabel("%")
        for y, v in enumerate(values):
            inside = v > 85  # a label on a long bar goes inside it, in white
            axes.text(v - 1 if inside else v + 1, y, f"{v:.0f}%", va="center", ha="right" if inside else "left",
                      color="white" if inside else "black")  # fmt: skip
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
