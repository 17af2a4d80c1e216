"""Notes -> report draft, question by question, with progress events.

Code decides what it can: whether the notes answer a question at all (relevant lines), and the
counts, dates and transport modes. The model only words the remaining answers, one short
schema-constrained call per question, over notes it has already evaluated for the previous one.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass

from langchain_core.language_models import BaseChatModel

from verslaghulp.audit import record_draft
from verslaghulp.config import Settings
from verslaghulp.drafting.cleanup import clean_items
from verslaghulp.drafting.code_answers import CODE_KINDS, answer_by_code
from verslaghulp.drafting.grounding_step import ground_answer
from verslaghulp.drafting.injection import instruction_lines, is_instruction, mask_instructions
from verslaghulp.drafting.prompting import DraftPrompts, ListAnswer, TextAnswer, schema_for, token_budget
from verslaghulp.drafting.relevance import relevant_lines
from verslaghulp.facts.grounding_model import GroundingReport
from verslaghulp.facts.notes_index import build_index
from verslaghulp.llm.factory import context_size, model_label, prompt_token_counter
from verslaghulp.llm.structured import CallStats, StructuredOutputError, structured_chat
from verslaghulp.report.forms import Form, Question
from verslaghulp.report.model import (
    NOT_MENTIONED_TEXT,
    Answer,
    AnswerStatus,
    ComputedFact,
    DraftMeta,
    ModelCall,
    ReportDraft,
    SupportLine,
    WrittenBy,
)
from verslaghulp.report.notes import NoteLine, Notes, NotesError, parse_notes

# Answers the model gives when it has nothing to say; code turns them into "niet vermeld".
_EMPTY_ANSWERS = {"", "-", "nvt", "n.v.t.", "geen", "onbekend", "niet vermeld", "niet vermeld in de aantekeningen"}


class DraftError(RuntimeError):
    """Drafting failed; the message is Dutch and meant for the user. The notes are untouched."""


@dataclass(frozen=True)
class AnswerEvent:
    """One question is answered (index counts from 0)."""

    index: int
    total: int
    answer: Answer


@dataclass(frozen=True)
class DraftDone:
    """The whole draft is ready."""

    draft: ReportDraft


def _support(lines: list[NoteLine]) -> list[SupportLine]:
    return [SupportLine(number=line.number, text=line.text) for line in lines]


def _not_mentioned(question: Question, seconds: float = 0.0) -> Answer:
    return Answer(
        question_id=question.id,
        heading=question.heading,
        text=NOT_MENTIONED_TEXT,
        status=AnswerStatus.NIET_VERMELD,
        written_by=WrittenBy.NONE,
        follow_up=question.follow_up,
        seconds=seconds,
    )


def _record(meta: DraftMeta, question: Question, stats: CallStats) -> None:
    meta.calls.append(
        ModelCall(
            question_id=question.id,
            prompt_tokens=stats.prompt_tokens,
            evaluated_prompt_tokens=stats.evaluated_prompt_tokens,
            completion_tokens=stats.completion_tokens,
            prompt_seconds=stats.prompt_seconds,
            generation_seconds=stats.generation_seconds,
            total_seconds=stats.total_seconds,
        )
    )


def _max_tokens(schema: type[TextAnswer] | type[ListAnswer], settings: Settings) -> int:
    # The schema's own bound, unless the settings cap generation lower (a cut answer falls back to the lines).
    return min(token_budget(schema), settings.max_answer_tokens)


def _verbatim(question: Question, lines: list[NoteLine], seconds: float) -> Answer:
    # The model's output was unusable: rather than fail the whole draft, show the relevant note
    # lines as they are, marked, so the official can reword them. Nothing is invented.
    return Answer(
        question_id=question.id,
        heading=question.heading,
        text="\n".join(f"- {line.text}" for line in lines),
        status=AnswerStatus.BEANTWOORD,
        written_by=WrittenBy.CODE,
        support=_support(lines),
        computed=[
            ComputedFact(
                label="letterlijk overgenomen",
                value=f"{len(lines)} regels",
                how="het taalmodel gaf geen geldig antwoord; de relevante regels staan er letterlijk",
            )
        ],
        seconds=seconds,
    )


def _format(value: TextAnswer | ListAnswer, question: Question, notes: Notes) -> str:
    if isinstance(value, ListAnswer):
        items = [" ".join(p.split()) for p in value.punten]
        items = list(dict.fromkeys(i for i in clean_items(question, items, notes) if i))
        return "\n".join(f"- {item}" for item in items)
    return " ".join(value.tekst.split())


def _is_empty(text: str) -> bool:
    return text.strip(" .-\n").lower() in _EMPTY_ANSWERS or not any(ch.isalnum() for ch in text)


def check_fits(model: BaseChatModel, prompts: DraftPrompts, notes: Notes, form: Form, settings: Settings) -> None:
    """Refuse notes that would not fit the context window with room for an answer; never truncate."""
    count = prompt_token_counter(model)
    longest = max(form.questions, key=lambda q: len(q.heading) + len(q.guidance))
    needed = count(prompts.messages(notes, longest, notes.lines)) + token_budget(ListAnswer)
    available = context_size(model, settings)
    if needed > available:
        raise NotesError(
            f"De aantekeningen zijn te lang voor het taalmodel (ongeveer {needed} tokens nodig, "
            f"{available} beschikbaar). Kort ze in of verdeel ze over twee verslagen; er is niets weggegooid."
        )


def iter_draft(
    notes_text: str, form: Form, model: BaseChatModel, settings: Settings
) -> Iterator[AnswerEvent | DraftDone]:
    """Draft the form from the notes, yielding each answer as it is ready and then the draft.

    Raises NotesError for unusable notes and DraftError when the model fails.
    """
    started = time.perf_counter()
    notes = parse_notes(notes_text, max_chars=settings.max_notes_chars)
    prompts = DraftPrompts.load(settings.resolved_prompts_dir())
    try:
        check_fits(model, prompts, notes, form, settings)
    except NotesError:
        raise
    except Exception as exc:
        raise DraftError(f"Het taalmodel kon niet worden gestart: {exc}") from exc
    meta = DraftMeta(
        form_id=form.id,
        form_title=form.title,
        model=model_label(model),
        prompts=prompts.refs,
        notes_lines=len(notes.lines),
        notes_chars=len(notes.text),
    )
    set_aside = instruction_lines(notes.lines)
    if set_aside:
        numbers = ", ".join(str(line.number) for line in set_aside)
        meta.warnings.append(
            f"Regel {numbers} lijkt een opdracht aan het taalmodel en is niet gebruikt (ook niet aan het "
            "taalmodel getoond); controleer of dit echt in de aantekeningen hoort."
        )
        notes = mask_instructions(notes)
    answers: list[Answer] = []
    total = len(form.questions)
    notes_index = build_index(notes.text)
    for position, question in enumerate(form.questions):
        answer = answer_question(question, notes, form, model, prompts, meta, settings)
        answer = ground_answer(answer, question, notes_index, settings.unsupported_facts)
        answers.append(answer)
        yield AnswerEvent(index=position, total=total, answer=answer)
    meta.total_seconds = time.perf_counter() - started
    grounding = GroundingReport(answers=[a.grounding for a in answers if a.grounding is not None])
    record_draft(meta, settings)
    yield DraftDone(draft=ReportDraft(meta=meta, answers=answers, grounding=grounding))


def draft_report(notes_text: str, form: Form, model: BaseChatModel, settings: Settings) -> ReportDraft:
    """Draft the whole form and return it."""
    for event in iter_draft(notes_text, form, model, settings):
        if isinstance(event, DraftDone):
            return event.draft
    raise AssertionError("iter_draft ended without a draft")  # pragma: no cover


def answer_question(
    question: Question,
    notes: Notes,
    form: Form,
    model: BaseChatModel,
    prompts: DraftPrompts,
    meta: DraftMeta,
    settings: Settings,
) -> Answer:
    """Answer one question of the form from the notes (before the grounding check).

    Code answers what code can; without relevant note lines the answer is "niet vermeld"; otherwise one
    schema-constrained model call, whose token counts are appended to `meta.calls`. Raises DraftError
    when the model fails. Used for whole drafts and to re-draft one question (`drafting.revise`).
    """
    started = time.perf_counter()
    if question.kind in CODE_KINDS:
        coded = answer_by_code(question, notes)
        if coded is None or coded.text is None:
            answer = _not_mentioned(question, time.perf_counter() - started)
            if coded is not None:
                # Keep what code did establish (e.g. the train time) and its more specific follow-up.
                answer.computed = coded.computed
                answer.follow_up = coded.follow_up or question.follow_up
            return answer
        return Answer(
            question_id=question.id,
            heading=question.heading,
            text=coded.text,
            status=AnswerStatus.BEANTWOORD,
            written_by=WrittenBy.CODE,
            support=_support(coded.support),
            computed=coded.computed,
            follow_up=coded.follow_up,
            seconds=time.perf_counter() - started,
        )
    lines = [line for line in relevant_lines(question, notes.lines, form.questions) if not is_instruction(line.text)]
    if not lines:
        return _not_mentioned(question, time.perf_counter() - started)
    schema = schema_for(question)
    try:
        result = structured_chat(
            model, prompts.messages(notes, question, lines), schema, max_tokens=_max_tokens(schema, settings)
        )
    except StructuredOutputError as exc:
        if exc.stats is not None:
            _record(meta, question, exc.stats)
        return _verbatim(question, lines, time.perf_counter() - started)
    except Exception as exc:
        raise DraftError(f"Het taalmodel is niet bereikbaar of gaf een fout: {exc}") from exc
    _record(meta, question, result.stats)
    text = _format(result.value, question, notes)
    if _is_empty(text):
        return _not_mentioned(question, time.perf_counter() - started)
    return Answer(
        question_id=question.id,
        heading=question.heading,
        text=text,
        status=AnswerStatus.BEANTWOORD,
        written_by=WrittenBy.MODEL,
        support=_support(lines),
        seconds=time.perf_counter() - started,
    )
