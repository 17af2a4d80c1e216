"""The runner on the fake model: files, summary, reports, caching, case selection, skipped sets."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from verslaghulp.config import Settings
from verslaghulp.evaluation.report_html import write_reports
from verslaghulp.evaluation.results import load_run
from verslaghulp.evaluation.runner import EvalRun, RunOptions
from verslaghulp.llm.fake import FakeChatModel

CASES = ["voorbeeld-kort-onvolledig", "wenen-cgcc-vlucht", "lyon-2021-geen-vervolg"]


def run(tmp_path: Path, name: str, sets: list[str], **kwargs: object) -> tuple[Path, EvalRun]:
    options = RunOptions(sets=sets, model_spec="fake", out_dir=tmp_path / name, cache_dir=tmp_path / "cache",
                         **kwargs)  # type: ignore[arg-type]  # fmt: skip
    runner = EvalRun(options, Settings(backend="fake"), model=FakeChatModel())
    runner.run()
    summary, cases = load_run(options.out_dir)
    write_reports(options.out_dir, summary, {k: list(v.values()) for k, v in cases.items()})
    return options.out_dir, runner


def test_a_run_writes_cases_summary_and_reports(tmp_path: Path) -> None:
    folder, _ = run(tmp_path, "a", ["drafting", "grounding"], cases=[*CASES, "athene-2019"])
    summary, cases = load_run(folder)
    assert list(cases["drafting"]) == CASES  # set order, not file order
    assert list(cases["grounding"]) == ["athene-2019"]
    assert summary.model == "fake:fake"
    assert summary.prompts and all("@" in p for p in summary.prompts)
    drafting = summary.sets["drafting"]
    assert drafting.cases == 3 and drafting.errors == 0
    assert drafting.metrics["question_coverage"] == 1.0
    assert drafting.metrics["latency_mean_s"] is not None
    case = json.loads((folder / "cases" / "drafting" / "wenen-cgcc-vlucht.json").read_text(encoding="utf-8"))
    assert case["output"]["draft"]["meta"]["form_id"] == "denhaag-2025"
    assert any(row["field"] == "ontmoet" for row in case["diff"])
    assert summary.sets["grounding"].metrics["catch_rate"] == 1.0


def test_the_html_report_is_self_contained_and_escapes_content(tmp_path: Path) -> None:
    folder, _ = run(tmp_path, "a", ["drafting"], cases=["voorbeeld-met-instructie"])
    html = (folder / "report.html").read_text(encoding="utf-8")
    assert "<svg" in html
    assert "<script" not in html.lower() and "@font-face" not in html and "<link" not in html
    # Only SVG namespace/metadata URLs, never a fetched resource.
    assert not re.search(r'(src|href)="https?://', html)
    assert "<td>ontmoet</td>" in html
    md = (folder / "report.md").read_text(encoding="utf-8")
    assert "| question coverage | 100.0% |" in md


def test_the_second_run_is_served_from_the_cache(tmp_path: Path) -> None:
    _, first = run(tmp_path, "a", ["drafting"], cases=CASES)
    _, second = run(tmp_path, "b", ["drafting"], cases=CASES)
    assert first.cache is not None and second.cache is not None
    assert first.cache.misses > 0 and first.cache.hits == 0
    assert second.cache.hits == first.cache.misses and second.cache.misses == 0
    a, _ = load_run(tmp_path / "a")
    b, _ = load_run(tmp_path / "b")
    assert a.sets["drafting"].metrics["fact_recall"] == b.sets["drafting"].metrics["fact_recall"]


def test_limit_and_unknown_case_ids(tmp_path: Path) -> None:
    folder, _ = run(tmp_path, "a", ["grounding"], limit=2)
    assert load_run(folder)[0].sets["grounding"].cases == 2
    with pytest.raises(ValueError, match="unknown case id"):
        run(tmp_path, "b", ["grounding"], cases=["geen-bestaande-case"])
    with pytest.raises(ValueError, match="unknown eval set"):
        run(tmp_path, "c", ["vertaling"])


def test_a_failing_draft_is_scored_as_an_error_not_raised(tmp_path: Path) -> None:
    def broken(*_: object) -> object:
        raise RuntimeError("model weg")

    options = RunOptions(sets=["drafting"], model_spec="fake", out_dir=tmp_path / "a", cache_dir=tmp_path / "c",
                         cases=["wenen-cgcc-vlucht"])  # fmt: skip
    EvalRun(options, Settings(backend="fake"), model=FakeChatModel(), drafter=broken).run()  # type: ignore[arg-type]
    summary, cases = load_run(options.out_dir)
    assert summary.sets["drafting"].errors == 1
    assert summary.sets["drafting"].metrics["schema_valid"] == 0.0
    assert cases["drafting"]["wenen-cgcc-vlucht"].error == "RuntimeError: model weg"


def test_a_set_without_selected_cases_is_skipped_not_scored(tmp_path: Path) -> None:
    folder, _ = run(tmp_path, "a", ["drafting", "grounding"], cases=["athene-2019"])
    summary, _ = load_run(folder)
    assert summary.sets["drafting"].skipped == "no case of this set was selected"
    assert summary.sets["grounding"].cases == 1


def test_a_run_without_keywords_drafts_on_stripped_forms_and_is_never_a_baseline(tmp_path: Path) -> None:
    from verslaghulp.evaluation.gate import refusals
    from verslaghulp.evaluation.runners.drafting import without_keywords
    from verslaghulp.report.forms import load_form

    form = load_form("denhaag-2025")
    stripped = without_keywords(form)
    assert any(q.keywords for q in form.questions) and not any(q.keywords for q in stripped.questions)
    assert [q.id for q in stripped.questions] == [q.id for q in form.questions]
    folder, _ = run(tmp_path, "nk", ["drafting"], cases=CASES, without_keywords=True)
    summary, _ = load_run(folder)
    info = summary.sets["drafting"].info
    assert "--without-keywords" in info["keywords"]
    # Cases on two forms: the figures per form are in the run's info.
    by_form = info["by form (fact recall / 'niet vermeld' precision, cases)"]
    assert "denhaag-2025" in by_form and "denhaag-2019" in by_form
    assert any("keyword lists" in reason for reason in refusals(summary, tmp_path / "baseline.json"))
