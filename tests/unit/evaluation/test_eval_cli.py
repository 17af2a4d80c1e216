"""`verslaghulp eval run|compare|baseline` through the real command line (fake model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from verslaghulp.cli import app
from verslaghulp.evaluation.provenance import GitState

runner = CliRunner()


def _run(tmp_path: Path, name: str, *extra: str) -> tuple[int, str]:
    args = ["eval", "run", "drafting", "grounding", "--model", "fake", "--out", str(tmp_path / name),
            "--cache-dir", str(tmp_path / "cache"), "--cases", "wenen-cgcc-vlucht,athene-2019", *extra]  # fmt: skip
    result = runner.invoke(app, args)
    return result.exit_code, result.output


def test_run_writes_the_run_folder(tmp_path: Path) -> None:
    code, output = _run(tmp_path, "a")
    assert code == 0, output
    assert "question coverage" in output
    for name in ("summary.json", "report.md", "report.html", "cases/drafting/wenen-cgcc-vlucht.json"):
        assert (tmp_path / "a" / name).is_file(), name


def test_gate_exit_codes_name_the_failing_metric(tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"metrics": {
        "drafting.question_coverage": {"value": 1.0, "tolerance": 0.0},
        # Above what any run can reach, so that the gate must fail on it whatever the drafts say.
        "drafting.fact_recall": {"value": 1.5, "tolerance": 0.0},
    }}), encoding="utf-8")  # fmt: skip
    code, output = _run(tmp_path, "a", "--gate", "--baseline", str(baseline))
    assert code == 1
    assert "GATE FAIL drafting.fact_recall" in output
    assert "drafting.question_coverage" not in output.split("GATE FAIL", 1)[1].split("Gate failed")[0]
    summary = json.loads((tmp_path / "a" / "summary.json").read_text(encoding="utf-8"))
    assert [c["metric"] for c in summary["gate"]["checks"] if c["status"] == "fail"] == ["drafting.fact_recall"]


def test_bad_arguments_exit_2(tmp_path: Path) -> None:
    assert _run(tmp_path, "a", "--gate", "--baseline", str(tmp_path / "missing.json"))[0] == 2
    result = runner.invoke(app, ["eval", "run", "drafting", "--model", "gpt:5", "--out", str(tmp_path / "b")])
    assert result.exit_code == 2 and "unknown --model" in result.output
    result = runner.invoke(app, ["eval", "run", "drafting", "--model", "fake", "--cases", "nope",
                                 "--out", str(tmp_path / "c"), "--cache-dir", str(tmp_path / "cache")])  # fmt: skip
    assert result.exit_code == 2 and "unknown case id" in result.output


def test_compare_and_baseline(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A baseline is accepted only from a clean tree; this shared working tree need not be one.
    monkeypatch.setattr("verslaghulp.evaluation.runner.git_state", lambda: GitState("abc1234", []))
    assert _run(tmp_path, "a")[0] == 0
    assert _run(tmp_path, "b")[0] == 0
    md = tmp_path / "compare.md"
    result = runner.invoke(app, ["eval", "compare", str(tmp_path / "a"), str(tmp_path / "b"), "--md", str(md)])
    assert result.exit_code == 0, result.output
    assert "Per-case regressions: 0" in result.output
    assert md.read_text(encoding="utf-8").startswith("# Compare a (A) → b (B)")
    baseline = tmp_path / "accepted.json"
    result = runner.invoke(app, ["eval", "baseline", str(tmp_path / "a"), "--baseline", str(baseline)])
    assert result.exit_code == 0, result.output
    assert json.loads(baseline.read_text(encoding="utf-8"))["metrics"]["grounding.catch_rate"]["value"] == 1.0
    assert runner.invoke(app, ["eval", "compare", str(tmp_path / "a"), str(tmp_path)]).exit_code == 2
