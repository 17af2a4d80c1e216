"""Drafting cases: notes -> draft with the chosen model (model outputs cached), then every scorer."""

from __future__ import annotations

import time
from collections.abc import Callable

from verslaghulp.config import Settings
from verslaghulp.drafting import draft_report
from verslaghulp.evaluation.cache import CacheUse, DiskLLMCache, cached_model
from verslaghulp.evaluation.measures import Measure
from verslaghulp.evaluation.results import CaseResult
from verslaghulp.evaluation.scoring.cost import cost_measures
from verslaghulp.evaluation.scoring.drafting import drafting_diff, fact_rows, failed_draft_measures, score_draft
from verslaghulp.evaluation.sets import DraftingCase, forms_dir
from verslaghulp.llm.port import ChatModel
from verslaghulp.report.forms import Form, load_form
from verslaghulp.report.model import ReportDraft
from verslaghulp.report.render import to_markdown

Drafter = Callable[[str, Form, ChatModel, Settings], ReportDraft]
"""The use case under test; `draft_report` unless a test swaps it."""

Judge = Callable[[ReportDraft], Measure]
"""An optional extra scorer (the LLM judge), run on every draft that was produced."""


def without_keywords(form: Form) -> Form:
    """The form with every question's keyword list removed, as another municipality would write it."""
    return form.model_copy(update={"questions": tuple(q.model_copy(update={"keywords": ()}) for q in form.questions)})


def run_drafting_case(
    case: DraftingCase,
    *,
    model: ChatModel,
    settings: Settings,
    cache: DiskLLMCache | None = None,
    drafter: Drafter = draft_report,
    judge: Judge | None = None,
    strip_keywords: bool = False,
) -> CaseResult:
    """Draft one case and score it; a failure becomes a scored error, never an exception.

    `strip_keywords` drafts on the case's form without its keyword lists: the same notes and the same
    expectations, so the figures show what relevance owes to the lists.
    """
    form = load_form(case.form, (*settings.extra_form_dirs(), forms_dir()))
    if strip_keywords:
        form = without_keywords(form)
    before = cache.snapshot() if cache else CacheUse()
    started = time.perf_counter()
    result = CaseResult(set="drafting", case_id=case.id, description=case.description, tags=case.tags)
    try:
        with cached_model(model, cache):
            draft = drafter(case.notes, form, model, settings)
    except Exception as exc:  # a failing case is a finding to report, not a reason to stop the run
        error = f"{type(exc).__name__}: {exc}"
        result.error = error
        result.measures = failed_draft_measures(form, case, error)
        result.seconds = round(time.perf_counter() - started, 3)
        return result
    wall = time.perf_counter() - started
    measures = score_draft(draft, form, case)
    used = cache.since(before) if cache else CacheUse()
    measures.update(cost_measures(draft, wall_seconds=wall, cached_seconds=used.saved_seconds))
    if judge is not None:  # after the cost measures: the judge's own calls are not the draft's cost
        with cached_model(model, cache):
            measures["judge_fluency"] = judge(draft)
    result.measures = measures
    result.diff = drafting_diff(draft, form, case) + fact_rows(measures)
    result.output = {"draft": draft.model_dump(mode="json"), "markdown": to_markdown(draft)}
    result.seconds = round(wall, 3)
    total = cache.since(before) if cache else CacheUse()  # the judge's calls included
    result.cache_hits, result.cache_misses = total.hits, total.misses
    return result
