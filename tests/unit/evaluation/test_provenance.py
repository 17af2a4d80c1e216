"""A run records its commit, tree state and set versions; only a clean run on the current sets becomes the baseline."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from verslaghulp.config import Settings
from verslaghulp.evaluation import provenance
from verslaghulp.evaluation import sets as eval_sets
from verslaghulp.evaluation.commands import baseline_command
from verslaghulp.evaluation.provenance import GitState, git_state, set_version
from verslaghulp.evaluation.results import RunSummary
from verslaghulp.evaluation.runner import EvalRun, RunOptions
from verslaghulp.llm.fake import FakeChatModel

CLEAN = GitState(commit="abc1234", dirty_files=[])
DIRTY = GitState(commit="abc1234", dirty_files=["src/verslaghulp/facts/grounding.py", "eval/sets/grounding.yaml"])


def _run(tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch, state: GitState, **options: object) -> Path:
    monkeypatch.setattr("verslaghulp.evaluation.runner.git_state", lambda: state)
    out = tmp_path / name
    run_options = RunOptions(sets=["grounding"], model_spec="fake", out_dir=out, cache_dir=tmp_path / "cache",
                             limit=2, **options)  # type: ignore[arg-type]  # fmt: skip
    EvalRun(run_options, Settings(backend="fake"), model=FakeChatModel()).run()
    return out


def _summary(run: Path) -> RunSummary:
    return RunSummary.model_validate_json((run / "summary.json").read_text(encoding="utf-8"))


def test_a_run_records_commit_tree_state_set_versions_model_and_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = _summary(_run(tmp_path, "run", monkeypatch, DIRTY))
    assert (summary.git_commit, summary.dirty, summary.dirty_files) == ("abc1234", True, DIRTY.dirty_files)
    version = summary.set_versions["grounding"]
    grounding = eval_sets.eval_dir() / "sets" / "grounding.yaml"
    assert version.split == "dev"
    assert version.files == {"eval/sets/grounding.yaml": hashlib.sha256(grounding.read_bytes()).hexdigest()}
    assert version.digest == set_version("grounding", "dev").digest
    assert summary.model_spec == "fake" and summary.settings["backend"] == "fake"
    assert summary.selection["split"] == "dev"


def test_set_versions_cover_the_split_files_the_archive_and_the_eval_forms() -> None:
    test_split = set_version("drafting", "test").files
    assert {"eval/sets/drafting-test-a.yaml", "eval/sets/drafting-test-b.yaml"} <= set(test_split)
    assert "eval/sets/drafting.yaml" not in test_split
    assert any(f.startswith("eval/forms/") for f in test_split)
    retrieval = set_version("retrieval", "test").files
    assert "examples/archive/reports/2025-02-madrid-spiegelstad.txt" in retrieval
    assert set_version("retrieval", "dev").digest != set_version("retrieval", "test").digest


def test_git_state_counts_changed_tracked_files_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=tmp_path,
                       check=True, capture_output=True)  # fmt: skip

    git("init", "-q")
    (tmp_path / "tracked.txt").write_text("a\n", encoding="utf-8")
    git("add", "tracked.txt")
    git("commit", "-q", "-m", "first")
    monkeypatch.setattr(provenance.eval_sets, "repo_root", lambda: tmp_path)
    (tmp_path / "untracked.txt").write_text("not in git\n", encoding="utf-8")
    clean = git_state()
    assert clean.commit and clean.dirty is False
    (tmp_path / "tracked.txt").write_text("b\n", encoding="utf-8")
    assert git_state().dirty_files == ["tracked.txt"]
    monkeypatch.setattr(provenance.eval_sets, "repo_root", lambda: tmp_path / "nowhere")
    assert git_state().dirty is None


def test_a_dirty_run_cannot_become_the_baseline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    baseline = tmp_path / "baseline.json"
    dirty = _run(tmp_path, "dirty", monkeypatch, DIRTY)
    assert baseline_command(dirty, baseline) == 2
    message = " ".join(capsys.readouterr().err.split())
    assert "dirty tree" in message and "src/verslaghulp/facts/grounding.py" in message
    assert not baseline.exists()

    clean = _run(tmp_path, "clean", monkeypatch, CLEAN)
    assert baseline_command(clean, baseline) == 0
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert data["split"] == "dev"
    assert data["sources"]["grounding"]["commit"] == "abc1234"
    assert data["sources"]["grounding"]["set_digest"] == set_version("grounding", "dev").digest
    accepted = baseline.read_text(encoding="utf-8")
    assert baseline_command(dirty, baseline) == 2
    assert baseline.read_text(encoding="utf-8") == accepted  # the refused run changed nothing


def test_a_run_on_other_set_versions_or_another_split_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    sets_dir = tmp_path / "sets"
    shutil.copytree(eval_sets.eval_dir() / "sets", sets_dir)
    changed = sets_dir / "grounding.yaml"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n# an edited copy\n", encoding="utf-8")
    edited = _run(tmp_path, "edited", monkeypatch, CLEAN, sets_dir=sets_dir)
    assert baseline_command(edited, tmp_path / "baseline.json") == 2
    message = " ".join(capsys.readouterr().err.split())
    assert "the grounding set (dev) differs from the run's version" in message
    assert "eval/sets/grounding.yaml (added since)" in message  # the tree's file is not the one the run read

    dev_baseline = tmp_path / "dev.json"
    assert baseline_command(_run(tmp_path, "dev", monkeypatch, CLEAN), dev_baseline) == 0
    test_run = _run(tmp_path, "test", monkeypatch, CLEAN, split="test")
    assert baseline_command(test_run, dev_baseline) == 2
    assert "the run is of the test split, dev.json holds the dev split" in " ".join(capsys.readouterr().err.split())


def test_a_run_without_a_recorded_tree_state_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run = _run(tmp_path, "old", monkeypatch, GitState(commit=None))
    assert baseline_command(run, tmp_path / "baseline.json") == 2
