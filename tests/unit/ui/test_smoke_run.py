"""The smoke evaluation started from the page: its own process, one at a time, progress from the run folder."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from verslaghulp.ui import scorecard
from verslaghulp.ui.smoke_run import SmokeRunBusyError, SmokeRuns, smoke_command, smoke_runs, use

# Writes a run as `verslaghulp eval run` does: one case, then (once allowed to go on) a second and the summary.
FAKE_RUN = """
import sys, time
from datetime import UTC, datetime
from pathlib import Path
from verslaghulp.evaluation.results import CaseResult, RunSummary, SetResult, write_case, write_summary
out, go = Path(sys.argv[1]), Path(sys.argv[2])
write_case(out, CaseResult(set="drafting", case_id="een"))
while not go.exists():
    time.sleep(0.05)
write_case(out, CaseResult(set="drafting", case_id="twee"))
write_summary(out, RunSummary(run_id=out.name, created_at=datetime.now(UTC), model_spec="fake", model="fake:fake",
                              sets={"drafting": SetResult(name="drafting", metrics={"fact_recall": 1.0})}))
"""


def _wait(check: object, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while not check():  # type: ignore[operator]
        assert time.monotonic() < end, "timed out"
        time.sleep(0.05)


def test_a_run_shows_its_progress_refuses_a_second_start_and_ends_with_a_scorecard(tmp_path: Path) -> None:
    go = tmp_path / "go"
    runs = SmokeRuns(tmp_path / "runs", command=lambda folder: [sys.executable, "-c", FAKE_RUN, str(folder), str(go)],
                     totals=lambda: {"drafting": 2})  # fmt: skip
    assert runs.status().state == "idle" and not runs.running()
    started = runs.start()
    assert started.state == "running" and "Snelle evaluatie loopt" in started.text
    _wait(lambda: "verslag opstellen 1 van 2 gevallen" in runs.status().text)
    # A second start while the first runs: a clear Dutch message, and still one run.
    with pytest.raises(SmokeRunBusyError, match="Er loopt al een snelle evaluatie"):
        runs.start()
    assert len(list((tmp_path / "runs").glob("*/cases"))) == 1
    go.touch()
    _wait(lambda: not runs.running())
    done = runs.status()
    assert done.state == "done" and "klaar" in done.text and "uitkomst staat hieronder" in done.text
    found = scorecard.find_runs(tmp_path / "runs")
    assert [r.summary.run_id for r in found] == [done.run_id]
    assert scorecard.scorecard(found)[0].label == "verwachte feiten gevonden"
    # Once it is done, another run may start.
    go.unlink()
    assert runs.start().state == "running"
    go.touch()
    _wait(lambda: not runs.running())


def test_a_run_that_fails_says_so_in_dutch_with_its_output_for_evaluators(tmp_path: Path) -> None:
    fail = "import sys; print('Error: model smollm2-135m is not installed'); sys.exit(2)"
    runs = SmokeRuns(tmp_path, command=lambda folder: [sys.executable, "-c", fail], totals=dict)
    runs.start()
    _wait(lambda: not runs.running())
    status = runs.status()
    assert status.state == "failed" and "mislukt" in status.text and "foutcode 2" in status.text
    assert "Error" not in status.text and "not installed" in status.log_tail


def test_the_real_command_is_the_gated_smoke_run_of_the_cli(tmp_path: Path) -> None:
    line = smoke_command(tmp_path / "run")
    assert line[-6:] == ["eval", "run", "--smoke", "--gate", "--out", str(tmp_path / "run")]
    helped = subprocess.run([*line[line.index(sys.executable) :][:3], "eval", "run", "--help"], capture_output=True,
                            text=True, timeout=120, check=False)  # fmt: skip
    assert helped.returncode == 0 and "--smoke" in helped.stdout


def test_one_launcher_per_runs_folder(tmp_path: Path) -> None:
    assert smoke_runs(tmp_path) is smoke_runs(tmp_path / ".")
    mine = use(SmokeRuns(tmp_path, command=lambda folder: ["true"]))
    assert smoke_runs(tmp_path) is mine


def test_the_progress_counts_the_cases_of_the_smoke_subset() -> None:
    from verslaghulp.evaluation.sets import load_smoke
    from verslaghulp.ui.smoke_run import smoke_totals

    totals = smoke_totals()
    assert list(totals) == list(load_smoke().sets) and totals["drafting"] == len(load_smoke().sets["drafting"])
    assert all(n > 0 for n in totals.values())
