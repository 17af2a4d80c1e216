"""All drafting scorers for one case, and the case's expected-versus-produced comparison."""

from __future__ import annotations

from verslaghulp.drafting.injection import is_instruction
from verslaghulp.drafting.items import content_lines
from verslaghulp.evaluation.matching import contains
from verslaghulp.evaluation.measures import Measure
from verslaghulp.evaluation.results import DiffRow
from verslaghulp.evaluation.scoring.content import (
    agreements_answered_no,
    city_listed,
    dutch_rate,
    expected_fact_recall,
    forbidden_fact_hits,
    forbidden_in_answer_hits,
    lines_accounted,
    niet_vermeld_scores,
)
from verslaghulp.evaluation.scoring.facts import (
    co2_within_tolerance,
    flight_justification_correct,
    period_correct,
    transport_modes_correct,
    travellers_correct,
)
from verslaghulp.evaluation.scoring.grounding import unflagged_unsupported, unsupported_fact_rate
from verslaghulp.evaluation.scoring.structure import exact_headings, question_coverage, schema_validity
from verslaghulp.evaluation.sets import DraftingCase
from verslaghulp.report.forms import AnswerKind, Form
from verslaghulp.report.model import AnswerStatus, ReportDraft
from verslaghulp.report.notes import parse_notes


def score_draft(draft: ReportDraft, form: Form, case: DraftingCase) -> dict[str, Measure]:
    """Every judge-free drafting measure of one case (cost measures are added by the runner)."""
    expect = case.expect
    precision, recall = niet_vermeld_scores(draft, expect.niet_vermeld)
    return {
        "schema_valid": schema_validity(draft.model_dump_json(), form),
        "question_coverage": question_coverage(draft, form),
        "exact_headings": exact_headings(draft, form),
        "fact_recall": expected_fact_recall(draft, expect.must_contain),
        "forbidden_hits": forbidden_fact_hits(draft, expect.must_not_contain),
        "unsupported_rate": unsupported_fact_rate(draft, case.notes),
        "unflagged_unsupported": unflagged_unsupported(draft, case.notes),
        "niet_vermeld_precision": precision,
        "niet_vermeld_recall": recall,
        "dutch_rate": dutch_rate(draft),
        "travellers_correct": travellers_correct(draft, form, expect.travellers),
        "period_correct": period_correct(draft, form, expect.period),
        "transport_correct": transport_modes_correct(draft, form, expect.legs),
        "co2_within_tolerance": co2_within_tolerance(draft, form, expect.co2_kg),
        "flight_rule_correct": flight_justification_correct(draft, form, expect.flight_needs_justification),
        "forbidden_in_answer": forbidden_in_answer_hits(draft, expect.must_not_contain_in),
        "agreements_answered_no": agreements_answered_no(draft, expect.must_contain),
        "city_listed": city_listed(draft, _places_question(form), expect.city),
        "lines_accounted": lines_accounted(draft, _content_lines(case.notes)),
        "errors": Measure.count(0),
    }


def _places_question(form: Form) -> str | None:
    return next((q.id for q in form.questions if q.kind is AnswerKind.PLACES), None)


def _content_lines(notes: str) -> list[tuple[int, str]]:
    """The numbered note lines a draft must account for: not headings, not lines set aside as instructions."""
    lines = content_lines(parse_notes(notes).lines)
    return [(line.number, line.text) for line in lines if not is_instruction(line.text)]


def failed_draft_measures(form: Form, case: DraftingCase, error: str) -> dict[str, Measure]:
    """Measures of a case whose drafting failed: invalid, nothing covered, every expected fact missing."""
    facts = sum(len(v) for v in case.expect.must_contain.values())
    return {
        "schema_valid": Measure.flag(False, [error]),
        "question_coverage": Measure.ratio(0, len(form.questions)),
        "exact_headings": Measure.ratio(0, len(form.questions)),
        "fact_recall": Measure.ratio(0, facts),
        "errors": Measure.count(1, [error]),
    }


def _status(draft: ReportDraft, question_id: str) -> str:
    answer = next((a for a in draft.answers if a.question_id == question_id), None)
    return "(missing)" if answer is None else answer.status.value


def drafting_diff(draft: ReportDraft, form: Form, case: DraftingCase) -> list[DiffRow]:
    """Per question: what was expected (strings, niet vermeld) next to the answer that came out."""
    expect = case.expect
    rows: list[DiffRow] = []
    for question in form.questions:
        answer = next((a for a in draft.answers if a.question_id == question.id), None)
        produced = "(missing)" if answer is None else answer.text
        wanted = expect.must_contain.get(question.id, [])
        expected_open = question.id in expect.niet_vermeld
        parts = [f"niet vermeld: {'yes' if expected_open else 'no'}"]
        ok = answer is not None and (answer.status is AnswerStatus.NIET_VERMELD) == expected_open
        if wanted:
            marks = [("✓ " if contains(produced, s) else "✗ ") + s for s in wanted]
            parts.append("; ".join(marks))
            ok = ok and all(contains(produced, s) for s in wanted)
        status = _status(draft, question.id)
        rows.append(DiffRow(field=question.id, expected=" | ".join(parts), produced=f"[{status}] {produced}", ok=ok))
    if expect.must_not_contain:
        text = "\n".join(a.text for a in draft.answers)
        hits = [s for s in expect.must_not_contain if contains(text, s)]
        rows.append(
            DiffRow(
                field="must_not_contain",
                expected=", ".join(expect.must_not_contain),
                produced=", ".join(hits) or "none found",
                ok=not hits,
            )
        )
    return rows


def fact_rows(measures: dict[str, Measure]) -> list[DiffRow]:
    """Diff rows for the computed-fact measures that failed or passed, with their explanation."""
    rows: list[DiffRow] = []
    for name in ("travellers_correct", "period_correct", "transport_correct", "co2_within_tolerance",
                 "flight_rule_correct", "unflagged_unsupported", "schema_valid"):  # fmt: skip
        m = measures.get(name)
        if m is None or m.value is None:
            continue
        ok = m.value == 0 if name == "unflagged_unsupported" else m.value == 1
        rows.append(DiffRow(field=name, expected="pass", produced="; ".join(m.detail) or "pass", ok=ok))
    return rows
