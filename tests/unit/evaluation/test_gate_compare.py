"""The gate and comparisons, including the issue's proof: a prompt change that loses answers, and a
dropped question, both make the gate fail."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from verslaghulp.config import Settings
from verslaghulp.drafting import draft_report
from verslaghulp.evaluation.compare import compare_runs, comparison_markdown
from verslaghulp.evaluation.gate import accept, check_gate, load_baseline
from verslaghulp.evaluation.results import RunSummary, SetResult, load_run
from verslaghulp.evaluation.runner import EvalRun, RunOptions
from verslaghulp.llm.fake import FakeChatModel
from verslaghulp.report.forms import Form
from verslaghulp.report.model import ReportDraft

CASES = ["voorbeeld-wenen-2025", "wenen-cgcc-vlucht", "lyon-2021-geen-vervolg", "turijn-2019-netwerk"]


def _run(tmp_path: Path, name: str, settings: Settings, **kwargs: object) -> RunSummary:
    options = RunOptions(sets=["drafting"], model_spec="fake", out_dir=tmp_path / name, cache_dir=tmp_path / "cache",
                         cases=CASES)  # fmt: skip
    return EvalRun(options, settings, model=FakeChatModel(), **kwargs).run()  # type: ignore[arg-type]


@pytest.fixture
def baseline(tmp_path: Path) -> Path:
    """A baseline accepted from a run with the shipped prompts and pipeline."""
    reference = _run(tmp_path, "reference", Settings(backend="fake"))
    path = tmp_path / "baseline.json"
    accept(reference, path)
    return path


def test_accepting_a_run_writes_every_gateable_metric(baseline: Path) -> None:
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert data["model"] == "fake:fake"
    assert data["metrics"]["drafting.question_coverage"] == {"tolerance": 0.02, "value": 1.0}
    assert data["metrics"]["drafting.unflagged_unsupported"]["tolerance"] == 0.0  # a zero must stay zero
    assert "drafting.prompt_tokens_mean" not in data["metrics"]  # informational figures are not gated


def test_accepting_a_run_of_another_set_keeps_the_accepted_figures(tmp_path: Path, baseline: Path) -> None:
    before = json.loads(baseline.read_text(encoding="utf-8"))["metrics"]
    options = RunOptions(sets=["grounding"], model_spec="fake", out_dir=tmp_path / "grounding",
                         cache_dir=tmp_path / "cache", limit=2)  # fmt: skip
    accept(EvalRun(options, Settings(backend="fake"), model=FakeChatModel()).run(), baseline)
    after = json.loads(baseline.read_text(encoding="utf-8"))["metrics"]
    assert after["drafting.question_coverage"] == before["drafting.question_coverage"]
    assert after["drafting.fact_recall"]["value"] is not None


def test_a_metric_new_since_the_baseline_was_written_is_gated_from_its_first_accepted_run(
    tmp_path: Path, baseline: Path
) -> None:
    data = json.loads(baseline.read_text(encoding="utf-8"))
    del data["metrics"]["drafting.lines_accounted"]  # as if the metric had come after the file
    data["metrics"]["drafting.fact_recall"]["tolerance"] = 0.05  # an edited tolerance is kept
    baseline.write_text(json.dumps(data), encoding="utf-8")
    accept(_run(tmp_path, "later", Settings(backend="fake")), baseline)
    after = json.loads(baseline.read_text(encoding="utf-8"))["metrics"]
    assert after["drafting.lines_accounted"] == {"tolerance": 0.02, "value": 1.0}
    assert after["drafting.fact_recall"]["tolerance"] == 0.05


def test_the_unchanged_pipeline_passes_its_own_baseline(tmp_path: Path, baseline: Path) -> None:
    again = _run(tmp_path, "again", Settings(backend="fake"))
    result = check_gate(again, load_baseline(baseline))
    assert result.passed, [c.message for c in result.failed]


def test_a_prompt_change_that_loses_answers_fails_the_gate(tmp_path: Path, baseline: Path) -> None:
    # The question prompt no longer labels the relevant lines, so the model (here the fake, which
    # answers from the "Regels:" block) has nothing to answer with. Code no longer lets that empty an
    # answer (the lines are kept verbatim), but the worded facts are lost and the gate must see it.
    prompts = tmp_path / "prompts"
    shutil.copytree(Settings().resolved_prompts_dir(), prompts)
    question = prompts / "draft-question.md"
    text = question.read_text(encoding="utf-8")
    assert "\nRegels:\n" in text
    changed_text = re.sub(r"(?m)^version: \d+$", "version: 99", text.replace("\nRegels:\n", "\nZie ook:\n"))
    question.write_text(changed_text, encoding="utf-8")
    changed = _run(tmp_path, "changed", Settings(backend="fake", prompts_dir=prompts))
    assert "draft-question@99" in changed.prompts
    result = check_gate(changed, load_baseline(baseline))
    failed = {c.metric for c in result.failed}
    assert "drafting.fact_recall" in failed
    assert all("below" in c.message for c in result.failed if c.metric == "drafting.fact_recall")


def test_a_question_dropped_from_the_output_fails_the_gate(tmp_path: Path, baseline: Path) -> None:
    def drops_vervolg(notes: str, form: Form, model: object, settings: Settings) -> ReportDraft:
        draft = draft_report(notes, form, model, settings)  # type: ignore[arg-type]
        draft.answers = [a for a in draft.answers if a.question_id != "vervolg"]
        return draft

    dropped = _run(tmp_path, "dropped", Settings(backend="fake"), drafter=drops_vervolg)
    failed = {c.metric: c.message for c in check_gate(dropped, load_baseline(baseline)).failed}
    assert "drafting.question_coverage" in failed
    assert "drafting.exact_headings" in failed
    assert failed["drafting.question_coverage"].startswith("88.2% is below 98.0%")


def test_gate_skips_pending_and_unrun_sets_but_fails_missing_values(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_text(json.dumps({"metrics": {
        "drafting.fact_recall": {"value": None, "tolerance": 0.1},
        "retrieval.recall_at_k": {"value": 0.9, "tolerance": 0.0},
        "drafting.co2_within_tolerance": {"value": 1.0, "tolerance": 0.0},
        "drafting.forbidden_hits": {"value": 0, "tolerance": 0.0},
    }}), encoding="utf-8")  # fmt: skip
    summary = RunSummary(run_id="x", model_spec="fake", sets={
        "drafting": SetResult(name="drafting", metrics={"fact_recall": 0.5, "co2_within_tolerance": None,
                                                        "forbidden_hits": 2})})  # fmt: skip
    checks = {c.metric: c for c in check_gate(summary, load_baseline(path)).checks}
    assert checks["drafting.fact_recall"].status == "skipped"
    assert checks["retrieval.recall_at_k"].status == "skipped"
    assert checks["drafting.co2_within_tolerance"].status == "fail"
    assert checks["drafting.forbidden_hits"].message == "2 is above 0 (baseline 0, tolerance 0)"


def test_a_typo_in_the_baseline_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_text('{"metrics": {"drafting.fact_recal": {"value": 1}}}', encoding="utf-8")
    with pytest.raises(KeyError, match="fact_recal"):
        load_baseline(path)


def test_the_shipped_baselines_load() -> None:
    root = Path(__file__).resolve().parents[3] / "eval"
    assert load_baseline(root / "baseline.json").metrics["drafting.question_coverage"].value == 1.0
    assert load_baseline(root / "baseline-smoke.json").metrics["drafting.unflagged_unsupported"].value == 0


def test_compare_shows_deltas_and_per_case_regressions(tmp_path: Path) -> None:
    _run(tmp_path, "a", Settings(backend="fake"))

    def drops_vervolg(notes: str, form: Form, model: object, settings: Settings) -> ReportDraft:
        draft = draft_report(notes, form, model, settings)  # type: ignore[arg-type]
        draft.answers = [a for a in draft.answers if a.question_id != "vervolg"]
        return draft

    _run(tmp_path, "b", Settings(backend="fake"), drafter=drops_vervolg)
    comparison = compare_runs(tmp_path / "a", tmp_path / "b")
    rows = {r.key: r for r in comparison.rows}
    assert rows["drafting.question_coverage"].verdict == "worse"
    assert rows["drafting.question_coverage"].delta.endswith("pt")
    regressed = {(r.case_id, r.measure) for r in comparison.regressions}
    assert ("wenen-cgcc-vlucht", "question_coverage") in regressed
    assert not any(r.measure == "latency_s" for r in comparison.regressions)
    md = comparison_markdown(comparison)
    assert "| drafting.question_coverage |" in md and "Per-case regressions" in md
    same = compare_runs(tmp_path / "a", tmp_path / "a")
    assert not same.regressions and {r.verdict for r in same.rows} <= {"same", ""}
    assert load_run(tmp_path / "b")[0].sets["drafting"].metrics["question_coverage"] == pytest.approx(
        30 / 34
    )  # 10 + 10 + 7 + 7 questions, four dropped
