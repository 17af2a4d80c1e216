from __future__ import annotations

from collections.abc import Callable

from verslaghulp.evaluation.scoring.content import (
    dutch_rate,
    expected_fact_recall,
    forbidden_fact_hits,
    niet_vermeld_scores,
)
from verslaghulp.evaluation.scoring.structure import exact_headings, question_coverage, schema_validity
from verslaghulp.evaluation.sets import DraftingCase
from verslaghulp.report.forms import Form
from verslaghulp.report.model import AnswerStatus, ReportDraft, WrittenBy

Drafted = Callable[[str], tuple[ReportDraft, Form, DraftingCase]]


def test_a_complete_draft_is_valid_covered_and_has_exact_headings(drafted: Drafted) -> None:
    draft, form, _ = drafted("wenen-cgcc-vlucht")
    assert schema_validity(draft.model_dump_json(), form).value == 1.0
    assert question_coverage(draft, form).value == 1.0
    assert exact_headings(draft, form).value == 1.0


def test_a_dropped_question_lowers_coverage_and_headings(drafted: Drafted) -> None:
    draft, form, _ = drafted("wenen-cgcc-vlucht")
    draft.answers = [a for a in draft.answers if a.question_id != "vervolg"]
    coverage = question_coverage(draft, form)
    assert coverage.value == 9 / 10
    assert coverage.detail == ["missing: vervolg"]
    assert exact_headings(draft, form).value == 9 / 10


def test_a_reworded_or_reordered_heading_is_not_exact(drafted: Drafted) -> None:
    draft, form, _ = drafted("lyon-2021-geen-vervolg")
    draft.answers[1].heading = draft.answers[1].heading.title()
    assert exact_headings(draft, form).value == (len(form.questions) - 1) / len(form.questions)
    draft, form, _ = drafted("lyon-2021-geen-vervolg")
    draft.answers[0], draft.answers[1] = draft.answers[1], draft.answers[0]
    headings = exact_headings(draft, form)
    assert headings.value is not None and headings.value < 1.0
    assert any("out of order" in d for d in headings.detail)


def test_schema_validity_names_the_problems(drafted: Drafted) -> None:
    draft, form, _ = drafted("voorbeeld-kort-onvolledig")
    open_answer = next(a for a in draft.answers if a.status is AnswerStatus.NIET_VERMELD)
    open_answer.follow_up = None
    draft.meta.prompts = []
    result = schema_validity(draft.model_dump_json(), form)
    assert result.value == 0.0
    assert "meta.prompts is empty" in result.detail
    assert f"{open_answer.question_id}: niet vermeld without a follow-up question" in result.detail
    assert schema_validity('{"meta": {}}', form).value == 0.0


def test_expected_fact_recall_is_per_question_and_pooled(drafted: Drafted) -> None:
    draft, _, _ = drafted("wenen-cgcc-vlucht")
    draft.answer("ontmoet").text = "- Zuzana Kovacova – CIO van Bratislava"
    result = expected_fact_recall(draft, {"ontmoet": ["Zuzana Kováčová", "CIO", "Marek Šimko"], "doel": ["CGCC"]})
    assert (result.num, result.den) == (3, 4)
    assert result.detail == ["ontmoet: missing 'Marek Šimko'"]
    # A string in another answer does not count for this question.
    assert expected_fact_recall(draft, {"personen": ["Zuzana"]}).value == 0.0


def test_forbidden_hits_look_at_every_answer_and_follow_up(drafted: Drafted) -> None:
    draft, _, _ = drafted("wenen-cgcc-vlucht")
    assert forbidden_fact_hits(draft, []).value is None
    draft.answer("vervolg").follow_up = "Is er 10.000 euro toegezegd?"
    result = forbidden_fact_hits(draft, ["10.000", "staking"])
    assert result.value == 1
    assert result.detail == ["found '10.000'"]


def test_niet_vermeld_precision_and_recall(drafted: Drafted) -> None:
    draft, _, _ = drafted("voorbeeld-kort-onvolledig")
    marked = {a.question_id for a in draft.answers if a.status is AnswerStatus.NIET_VERMELD}
    precision, recall = niet_vermeld_scores(draft, sorted(marked))
    assert (precision.value, recall.value) == (1.0, 1.0)
    precision, recall = niet_vermeld_scores(draft, [*sorted(marked)[1:], "ontmoet_extra"])
    assert precision.value == (len(marked) - 1) / len(marked)
    assert recall.value == (len(marked) - 1) / len(marked)
    assert "answered but not in notes: ontmoet_extra" in recall.detail


def test_dutch_rate_counts_model_answers_with_enough_evidence(drafted: Drafted) -> None:
    draft, _, _ = drafted("wenen-cgcc-vlucht")
    for a in draft.answers:
        a.written_by = WrittenBy.CODE
    doel, opbrengst = draft.answer("doel"), draft.answer("opbrengst")
    doel.written_by = opbrengst.written_by = WrittenBy.MODEL
    doel.text = "Het doel van de reis was de bijeenkomst van het netwerk in Wenen bij te wonen."
    opbrengst.text = "We learned that the other cities have the same problems with their data."
    rate = dutch_rate(draft)
    assert (rate.num, rate.den) == (1, 2)
    assert rate.detail[0].startswith("opbrengst: en")
