"""Structure of a draft: does it validate, does it answer every question, are the headings exact."""

from __future__ import annotations

from pydantic import ValidationError

from verslaghulp.evaluation.measures import Measure
from verslaghulp.report.forms import Form
from verslaghulp.report.model import AnswerStatus, ReportDraft
from verslaghulp.report.render import to_markdown


def schema_validity(draft_json: str, form: Form) -> Measure:
    """1 when the draft's JSON validates as a ReportDraft for this form and records how it was made.

    Checked beyond the pydantic schema: the form id, a model label and prompt refs in the meta
    (every draft must say what made it), text in every answer, and a follow-up question on every
    "niet vermeld" answer.
    """
    try:
        draft = ReportDraft.model_validate_json(draft_json)
    except ValidationError as exc:
        return Measure.flag(False, [f"invalid JSON for ReportDraft: {exc.error_count()} error(s)"])
    problems: list[str] = []
    if draft.meta.form_id != form.id:
        problems.append(f"meta.form_id {draft.meta.form_id!r} is not {form.id!r}")
    if not draft.meta.model:
        problems.append("meta.model is empty")
    if not draft.meta.prompts:
        problems.append("meta.prompts is empty")
    known = {q.id for q in form.questions}
    for answer in draft.answers:
        if answer.question_id not in known:
            problems.append(f"{answer.question_id}: not a question of {form.id}")
        if not answer.text.strip():
            problems.append(f"{answer.question_id}: empty text")
        if answer.status is AnswerStatus.NIET_VERMELD and not (answer.follow_up or "").strip():
            problems.append(f"{answer.question_id}: niet vermeld without a follow-up question")
    ids = [a.question_id for a in draft.answers]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        problems.append(f"duplicate answers: {', '.join(duplicates)}")
    return Measure.flag(not problems, problems)


def question_coverage(draft: ReportDraft, form: Form) -> Measure:
    """Share of the form's questions that the draft answers or marks "niet vermeld" (with text)."""
    present = {a.question_id for a in draft.answers if a.text.strip()}
    lost = [q.id for q in form.questions if q.id not in present]
    return Measure.ratio(len(form.questions) - len(lost), len(form.questions), [f"missing: {q}" for q in lost])


def exact_headings(draft: ReportDraft, form: Form) -> Measure:
    """Share of the form's headings that the rendered Markdown prints exactly, in the form's order.

    A heading counts when "## HEADING" is a line of the Markdown, character for character, and comes
    after the previous form heading that was found; a reordered or reworded heading does not.
    """
    lines = to_markdown(draft).splitlines()
    position = -1
    ok = 0
    detail: list[str] = []
    for question in form.questions:
        wanted = f"## {question.heading}"
        index = next((n for n, line in enumerate(lines) if n > position and line == wanted), None)
        if index is None:
            reason = "out of order" if wanted in lines else "not printed exactly"
            detail.append(f"{question.id}: {reason}")
            continue
        ok += 1
        position = index
    return Measure.ratio(ok, len(form.questions), detail)
