"""Evaluation of drafts, grounding, retrieval and summaries against the regression sets in eval/.

The scorers are deterministic (no LLM judge unless asked for); the runner writes one JSON file per
case, `summary.json`, `report.md` and `report.html` into a run folder, and the gate compares a run
with the accepted baseline. Entry points: `EvalRun` (Python) and `verslaghulp eval run|compare|baseline`.
"""

from verslaghulp.evaluation.compare import compare_runs
from verslaghulp.evaluation.gate import check_gate, load_baseline
from verslaghulp.evaluation.measures import Measure
from verslaghulp.evaluation.results import CaseResult, RunSummary, load_run
from verslaghulp.evaluation.runner import EvalRun, RunOptions

__all__ = [
    "CaseResult",
    "EvalRun",
    "Measure",
    "RunOptions",
    "RunSummary",
    "check_gate",
    "compare_runs",
    "load_baseline",
    "load_run",
]
