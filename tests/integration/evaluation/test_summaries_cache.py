"""The summaries set through the runner: real Chroma and e5 archive, model outputs cached on disk."""

from __future__ import annotations

from pathlib import Path

from verslaghulp.config import Settings
from verslaghulp.evaluation.results import load_run
from verslaghulp.evaluation.runner import EvalRun, RunOptions
from verslaghulp.llm.fake import FakeChatModel

from ...unit.summarising.conftest import facts_responder

CASES = ["vraag-cio-netwerk", "nieuws-digitale-tweelingen"]


def test_an_unchanged_summary_request_is_not_generated_again(tmp_path: Path) -> None:
    runs = []
    for name in ("a", "b"):
        model = FakeChatModel(responder=facts_responder)
        options = RunOptions(sets=["summaries"], model_spec="fake", out_dir=tmp_path / name,
                             cache_dir=tmp_path / "cache", cases=CASES)  # fmt: skip
        runner = EvalRun(options, Settings(backend="fake", data_dir=tmp_path / "data"), model=model)
        runner.run()
        runs.append((runner, model, load_run(options.out_dir)))
    (first, first_model, (a, a_cases)), (second, second_model, (b, b_cases)) = runs
    assert first.cache is not None and second.cache is not None
    assert first.cache.misses == len(first_model.calls) > 0 and first.cache.hits == 0
    assert second_model.calls == [] and second.cache.hits == first.cache.misses  # nothing generated again

    def scores(metrics: dict[str, float | None]) -> dict[str, float | None]:
        return {k: v for k, v in metrics.items() if not k.startswith("latency")}  # wall time differs

    assert scores(a.sets["summaries"].metrics) == scores(b.sets["summaries"].metrics)
    assert a_cases["summaries"]["vraag-cio-netwerk"].output == b_cases["summaries"]["vraag-cio-netwerk"].output
    assert b_cases["summaries"]["nieuws-digitale-tweelingen"].cache_hits > 0
