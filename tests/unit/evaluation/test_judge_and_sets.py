from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from verslaghulp.config import Backend, Settings
from verslaghulp.evaluation.judge import fluency_judge, judge_prompt
from verslaghulp.evaluation.modelspec import settings_for
from verslaghulp.evaluation.sets import (
    DraftingCase,
    load_drafting,
    load_grounding,
    load_retrieval,
    load_smoke,
    load_summaries,
    repo_root,
)
from verslaghulp.llm.fake import FakeChatModel
from verslaghulp.report.forms import Form, load_form
from verslaghulp.report.model import ReportDraft, WrittenBy

Drafted = Callable[[str], tuple[ReportDraft, Form, DraftingCase]]


def test_the_judge_grades_model_answers_through_a_schema(drafted: Drafted) -> None:
    draft, _, _ = drafted("wenen-cgcc-vlucht")
    model_answers = [a for a in draft.answers if a.written_by is WrittenBy.MODEL and a.status == "beantwoord"]
    replies = ['{"cijfer": 4, "reden": "goed"}'] * (len(model_answers) - 1) + ['{"cijfer": 9, "reden": "x"}']
    result = fluency_judge(FakeChatModel(replies=replies))(draft)
    assert result.value == 4.0  # the out-of-range verdict is left out, not clamped
    assert any("no valid verdict" in d for d in result.detail)
    assert judge_prompt().ref == "judge-fluency@1"


def test_model_specs() -> None:
    base = Settings()
    assert settings_for("fake", base).backend is Backend.FAKE
    tiny = settings_for("embedded:smollm2-135m", base, {"n_threads": 1})
    assert (tiny.backend, tiny.embedded_model, tiny.n_threads) == (Backend.EMBEDDED, "smollm2-135m", 1)
    assert settings_for("ollama:qwen2.5:7b", base).ollama_model == "qwen2.5:7b"


def test_every_set_loads_and_refers_to_what_exists() -> None:
    drafting = load_drafting()
    assert len(drafting) >= 30
    for case in drafting:
        form = load_form(case.form)
        ids = {q.id for q in form.questions}
        assert set(case.expect.must_contain) <= ids, case.id
        assert set(case.expect.niet_vermeld) <= ids, case.id
    assert len(load_grounding()) >= 10
    retrieval = load_retrieval()
    reports = {p.name for p in (repo_root() / retrieval.archive).iterdir()}
    summaries = load_summaries()
    assert len(summaries.requests) >= 8
    assert len({r.id for r in summaries.requests}) == len(summaries.requests)
    assert {r.style for r in summaries.requests} == {
        "nieuwsbericht",
        "managementsamenvatting",
        "jaaroverzicht",
        "vraag",
    }
    for request in summaries.requests:
        assert set(request.must_cite + request.may_cite) <= reports, request.id
        assert request.expect_empty or request.must_cite, request.id


def test_the_smoke_subset_names_existing_cases() -> None:
    smoke = load_smoke()
    drafting = {c.id for c in load_drafting()}
    assert set(smoke.case_ids()["drafting"]) <= drafting
    assert {load_form(c.form).id for c in load_drafting() if c.id in smoke.case_ids()["drafting"]} == {
        "denhaag-2025",
        "denhaag-2019",
    }
    assert (repo_root() / "eval" / smoke.baseline).is_file()
    assert Path(repo_root() / "eval" / "README.md").is_file()


def test_the_readme_defines_every_metric() -> None:
    from verslaghulp.evaluation.metrics import CATALOGUE

    readme = (repo_root() / "eval" / "README.md").read_text(encoding="utf-8")
    missing = [f"{s}.{m.name}" for s, metrics in CATALOGUE.items() for m in metrics if f"`{s}.{m.name}`" not in readme]
    assert not missing, f"eval/README.md lacks {missing}"
