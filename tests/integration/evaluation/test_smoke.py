"""The CI smoke: `verslaghulp eval run --smoke --gate` with the tiny real model (SmolLM2-135M).

Runs the smoke subset of eval/smoke.yaml (five drafting cases on both forms, the grounding set and
the retrieval set over the example archive) and gates on eval/baseline-smoke.json: only what a
135M model can pass. A second run over the same cache must generate nothing and score the same.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from verslaghulp.cli import app
from verslaghulp.evaluation.sets import load_smoke

pytestmark = pytest.mark.real_model


def _smoke(out: Path, cache: Path) -> tuple[int, str, dict[str, object], float]:
    started = time.perf_counter()
    result = CliRunner().invoke(app, ["eval", "run", "--smoke", "--gate", "--out", str(out), "--cache-dir", str(cache)])
    seconds = time.perf_counter() - started
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8")) if (out / "summary.json").is_file() else {}
    return result.exit_code, result.output, summary, seconds


def test_smoke_subset_passes_its_gate_and_replays_from_the_cache(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, output, summary, seconds = _smoke(tmp_path / "run1", tmp_path / "cache")
    assert code == 0, output
    sets = summary["sets"]
    assert isinstance(sets, dict)
    drafting = sets["drafting"]
    assert summary["model"] == "embedded:smollm2-135m"
    assert drafting["cases"] == len(load_smoke().case_ids()["drafting"])
    assert drafting["metrics"]["unflagged_unsupported"] == 0
    assert summary["gate"]["checks"] and not [c for c in summary["gate"]["checks"] if c["status"] == "fail"]
    assert (tmp_path / "run1" / "report.html").is_file()

    code, output, again, seconds_again = _smoke(tmp_path / "run2", tmp_path / "cache")
    assert code == 0, output
    assert again["cache"]["misses"] == 0 and again["cache"]["hits"] == summary["cache"]["misses"]
    for name in ("drafting", "grounding", "retrieval"):
        first = {k: v for k, v in sets[name]["metrics"].items() if "latency" not in k and "ms" not in k}
        second = {k: v for k, v in again["sets"][name]["metrics"].items() if "latency" not in k and "ms" not in k}
        assert first == second, name
    with capsys.disabled():
        figures = {k: round(v, 3) for k, v in drafting["metrics"].items() if v is not None}
        print(f"\nsmoke: {seconds:.0f} s fresh, {seconds_again:.0f} s from the cache; drafting {figures}")
