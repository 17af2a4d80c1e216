"""What a draft cost: latency and tokens per case, from the draft's own call records."""

from __future__ import annotations

from verslaghulp.evaluation.measures import Measure
from verslaghulp.report.model import ReportDraft


def cost_measures(draft: ReportDraft, *, wall_seconds: float, cached_seconds: float) -> dict[str, Measure]:
    """Latency (seconds as if nothing were cached) and token counts of one draft.

    `cached_seconds` is the model time that cached calls took when they were generated; adding it
    keeps a cached run's latency comparable with a fresh one.
    """
    meta = draft.meta
    return {
        "latency_s": Measure.count(round(wall_seconds + cached_seconds, 3)),
        "prompt_tokens": Measure.count(meta.prompt_tokens),
        "evaluated_prompt_tokens": Measure.count(meta.evaluated_prompt_tokens),
        "completion_tokens": Measure.count(meta.completion_tokens),
        "model_calls": Measure.count(len(meta.calls)),
    }
