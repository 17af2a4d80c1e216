"""Re-draft one question after the official answered its follow-up question.

The reply becomes part of the notes (a labelled line at the end), so the re-drafted answer is grounded
in what the official wrote, exactly like the rest of the draft; only that one question is drafted again.
"""

from __future__ import annotations

from dataclasses import dataclass

from verslaghulp.config import Settings
from verslaghulp.drafting.code_answers import CODE_KINDS
from verslaghulp.drafting.grounding_step import ground_answer
from verslaghulp.drafting.injection import mask_instructions
from verslaghulp.drafting.pipeline import DraftError, answer_question, line_embedder, load_checked_prompts
from verslaghulp.drafting.prompting import DraftPrompts
from verslaghulp.drafting.topics import with_topics
from verslaghulp.facts.grounding_model import GroundingReport
from verslaghulp.llm.port import ChatModel
from verslaghulp.report.forms import Form, Question
from verslaghulp.report.model import Answer, DraftMeta, ReportDraft
from verslaghulp.report.notes import Notes, NotesError, parse_notes

REPLY_SUFFIX = "(aanvulling)"


@dataclass(frozen=True)
class Revision:
    """The draft with one answer re-drafted, and the notes with the official's reply added."""

    draft: ReportDraft
    notes: str
    answer: Answer


def reply_block(question: Question, reply: str) -> str:
    """The official's reply as note lines under a header that the relevance step links to the question.

    The header is the question's first keyword ("doel (aanvulling):"): relevance follows headers, so the
    lines are selected for this question even when the reply itself uses none of its keywords.
    """
    label = f"{question.keywords[0]} {REPLY_SUFFIX}" if question.keywords else REPLY_SUFFIX.strip("()")
    lines = [" ".join(line.split()) for line in reply.splitlines() if line.strip()]
    if not lines:
        raise NotesError("Vul eerst een antwoord op de vervolgvraag in.")
    if len(lines) == 1:
        return f"{label}: {lines[0]}"
    return "\n".join([f"{label}:", *(f"- {line.lstrip('-•* ')}" for line in lines)])


def notes_with_reply(notes: str, question: Question, reply: str) -> str:
    """The notes with the reply appended after a blank line; the official's own lines stay untouched."""
    return f"{notes.rstrip()}\n\n{reply_block(question, reply)}\n"


def rederive_dependents(
    answers: list[Answer],
    changed: Question,
    notes: Notes,
    form: Form,
    model: ChatModel,
    prompts: DraftPrompts,
    meta: DraftMeta,
    settings: Settings,
) -> list[Answer]:
    """Every other answer that code writes, derived again from the notes with the reply.

    A reply to one question can change facts that others rest on: "vliegtuig" under transport changes
    the 8-hours answer and the kilometres and CO2; a number of travellers changes the party's CO2. Code
    answers cost no model time, so all of them are derived again (without asking the model) and the
    draft stays consistent.
    """
    if changed.kind not in CODE_KINDS:
        return answers
    quiet = settings.model_copy(update={"fact_fallback": False})
    index = notes.facts.index
    out: list[Answer] = []
    for answer in answers:
        question = next((q for q in form.questions if q.id == answer.question_id), None)
        if question is None or question.id == changed.id or question.kind not in CODE_KINDS:
            out.append(answer)
            continue
        again = answer_question(question, notes, form, model, prompts, meta, quiet)
        out.append(ground_answer(again, question, index, settings.unsupported_facts))
    return out


def revise_answer(
    draft: ReportDraft,
    notes_text: str,
    form: Form,
    question_id: str,
    reply: str,
    model: ChatModel,
    settings: Settings,
) -> Revision:
    """Re-draft the answer to one question, given the official's reply to its follow-up question.

    Every other answer is kept as it is. Raises NotesError for an empty reply or unusable notes and
    DraftError when the model fails; the draft passed in is never changed.
    """
    form = with_topics(form, line_embedder(settings))  # a form without keywords labels the reply like its topic
    try:
        question = form.question(question_id)
    except KeyError as exc:
        raise DraftError(f"Het formulier {form.id} heeft geen vraag '{question_id}'.") from exc
    text = notes_with_reply(notes_text, question, reply)
    notes = mask_instructions(parse_notes(text, max_chars=settings.max_notes_chars))
    prompts = load_checked_prompts(model, notes, form, settings)
    meta = draft.meta.model_copy(deep=True, update={"notes_lines": len(notes.lines), "notes_chars": len(notes.text)})
    answer = answer_question(question, notes, form, model, prompts, meta, settings)
    answer = ground_answer(answer, question, notes.facts.index, settings.unsupported_facts)
    answers = [answer if a.question_id == question_id else a for a in draft.answers]
    answers = rederive_dependents(answers, question, notes, form, model, prompts, meta, settings)
    grounding = GroundingReport(answers=[a.grounding for a in answers if a.grounding is not None])
    revised = draft.model_copy(update={"meta": meta, "answers": answers, "grounding": grounding})
    return Revision(draft=revised, notes=text, answer=answer)
