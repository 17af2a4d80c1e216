"""Notes -> report draft, question by question, with progress events.

Code decides what it can: whether the notes answer a question at all (relevant lines), and the
counts, dates and transport modes. The model only words the remaining answers, one short
schema-constrained call per question, over notes it has already evaluated for the previous one.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from verslaghulp.archive.embeddings import TextEmbedder, default_embedder
from verslaghulp.audit import record_draft
from verslaghulp.config import Settings
from verslaghulp.drafting.cleanup import clean_items, fellow_travellers
from verslaghulp.drafting.code_answers import CODE_KINDS, CodeAnswer, answer_by_code
from verslaghulp.drafting.fact_fallback import FALLBACK_KINDS, FactPrompts, ask_model, worth_asking
from verslaghulp.drafting.grounding_step import ground_answer
from verslaghulp.drafting.injection import PLACEHOLDER, instruction_lines, is_instruction, mask_instructions
from verslaghulp.drafting.items import (
    MAX_ITEMS_PER_CALL,
    content_lines,
    is_empty_item,
    note_content_lines,
    only_negations,
    trip_cities,
    unit_loses,
    units_for,
)
from verslaghulp.drafting.model_routing import ROUTING_CALL, place_left_over
from verslaghulp.drafting.omissions import drop_carried_elsewhere, lost_facts
from verslaghulp.drafting.prompting import (
    LIST_KINDS,
    DraftPrompts,
    ListAnswer,
    TextAnswer,
    list_schema,
    token_budget,
)
from verslaghulp.drafting.selection import select_lines, takes_routed_lines
from verslaghulp.drafting.topics import topic_of, with_topics
from verslaghulp.facts.gazetteer import find_places
from verslaghulp.facts.grounding_model import GroundingReport
from verslaghulp.facts.language import detect_language
from verslaghulp.llm.port import CallStats, ChatModel, StructuredOutputError
from verslaghulp.report.forms import AnswerKind, Form, Question
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


def _record(meta: DraftMeta, question_id: str, stats: CallStats) -> None:
    meta.calls.append(
        ModelCall(
            question_id=question_id,
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


def _is_empty(text: str) -> bool:
    return text.strip(" .-\n").lower() in _EMPTY_ANSWERS or not any(ch.isalnum() for ch in text)


def check_fits(model: ChatModel, prompts: DraftPrompts, notes: Notes, form: Form, settings: Settings) -> None:
    """Refuse notes that would not fit the context window with room for an answer; never truncate."""
    count = model.prompt_tokens
    longest = max(form.questions, key=lambda q: len(q.heading) + len(q.guidance))
    needed = count(prompts.messages(notes, longest, notes.lines, organisation=form.organisation)) + token_budget(
        list_schema(MAX_ITEMS_PER_CALL)
    )
    available = model.context_size(settings.n_ctx)
    if needed > available:
        raise NotesError(
            f"De aantekeningen zijn te lang voor het taalmodel (ongeveer {needed} tokens nodig, "
            f"{available} beschikbaar). Kort ze in of verdeel ze over twee verslagen; er is niets weggegooid."
        )


def load_checked_prompts(model: ChatModel, notes: Notes, form: Form, settings: Settings) -> DraftPrompts:
    """The drafting prompts, once the notes are known to fit the model's context.

    Raises NotesError when they do not fit and DraftError when the model cannot be started.
    """
    prompts = DraftPrompts.load(settings.resolved_prompts_dir())
    try:
        check_fits(model, prompts, notes, form, settings)
    except NotesError:
        raise
    except Exception as exc:
        raise DraftError(f"Het taalmodel kon niet worden gestart: {exc}") from exc
    return prompts


def iter_draft(notes_text: str, form: Form, model: ChatModel, settings: Settings) -> Iterator[AnswerEvent | DraftDone]:
    """Draft the form from the notes, yielding each answer as it is ready and then the draft.

    Raises NotesError for unusable notes and DraftError when the model fails.
    """
    started = time.perf_counter()
    notes = parse_notes(notes_text, max_chars=settings.max_notes_chars)
    prompts = load_checked_prompts(model, notes, form, settings)
    meta = DraftMeta(
        form_id=form.id,
        form_title=form.title,
        model=model.label(),
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
    notes_index = notes.facts.index
    embedder = line_embedder(settings)
    form = with_topics(form, embedder)
    selection = select_lines(form, notes, embedder)
    routed = not settings.model_routing
    for position, question in enumerate(form.questions):
        if not routed and takes_routed_lines(question):
            # Just before the first question that can take a placed line: the code answers before it
            # (travellers, dates, transport) are on the page meanwhile.
            place_left_over(form, notes, selection, model, prompts.system_text(form.organisation),
                            settings.resolved_prompts_dir(), partial(_record, meta, ROUTING_CALL))  # fmt: skip
            routed = True
        lines = selection.for_question(question.id)
        answer = answer_question(question, notes, form, model, prompts, meta, settings, lines=lines)
        answer = ground_answer(answer, question, notes_index, settings.unsupported_facts)
        answers.append(answer)
        yield AnswerEvent(index=position, total=total, answer=answer)
    answers = drop_carried_elsewhere(answers)
    meta.unused_lines = unused_lines(notes, answers, set_aside)
    meta.total_seconds = time.perf_counter() - started
    grounding = GroundingReport(answers=[a.grounding for a in answers if a.grounding is not None])
    record_draft(meta, settings)
    yield DraftDone(draft=ReportDraft(meta=meta, answers=answers, grounding=grounding))


FactAsker = Callable[[AnswerKind], CodeAnswer | None]
"""Asks the model for one fact kind; the reading comes back only when code verified it."""


def line_embedder(settings: Settings) -> TextEmbedder | None:
    """The e5 embedder that routes note lines by meaning, or None when the settings turn routing off."""
    return default_embedder() if settings.semantic_routing else None


def unused_lines(notes: Notes, answers: list[Answer], set_aside: list[NoteLine]) -> list[SupportLine]:
    """The note lines that no answer rests on (headings and lines set aside as instructions excepted)."""
    used = {line.number for a in answers for line in a.support}
    aside = {line.number for line in set_aside}
    return [
        SupportLine(number=line.number, text=line.text)
        for line in note_content_lines(notes.lines)
        if line.number not in used and line.number not in aside and line.text != PLACEHOLDER
    ]


def draft_report(notes_text: str, form: Form, model: ChatModel, settings: Settings) -> ReportDraft:
    """Draft the whole form and return it."""
    for event in iter_draft(notes_text, form, model, settings):
        if isinstance(event, DraftDone):
            return event.draft
    raise AssertionError("iter_draft ended without a draft")  # pragma: no cover


def answer_question(
    question: Question,
    notes: Notes,
    form: Form,
    model: ChatModel,
    prompts: DraftPrompts,
    meta: DraftMeta,
    settings: Settings,
    *,
    lines: list[NoteLine] | None = None,
) -> Answer:
    """Answer one question of the form from the notes (before the grounding check).

    Code answers what code can; without selected note lines the answer is "niet vermeld"; otherwise one
    schema-constrained model call (per twelve list items), whose token counts are appended to
    `meta.calls`. `lines` are the lines selected for the question (`selection.select_lines`); without
    them they are selected here. Raises DraftError when the model fails. Used for whole drafts and to
    re-draft one question (`drafting.revise`).
    """
    started = time.perf_counter()
    if question.kind in CODE_KINDS:
        ask = None
        if settings.fact_fallback:

            def ask(kind: AnswerKind) -> CodeAnswer | None:
                facts = FactPrompts.load(settings.resolved_prompts_dir(), prompts.system_text(form.organisation))
                return ask_model(kind, notes, model, facts, lambda stats: _record(meta, question.id, stats))

        return _code_answer(question, notes, started, lines or [], ask)
    if lines is None:
        topical = with_topics(form, line_embedder(settings))
        lines = select_lines(topical, notes, line_embedder(settings)).for_question(question.id)
    lines = [line for line in lines if not is_instruction(line.text)]
    if not content_lines(lines) and not (question.kind is AnswerKind.PLACES and trip_cities(notes, [])):
        return _not_mentioned(question, time.perf_counter() - started)
    if topic_of(question).id == "vervolg" and only_negations(lines):
        # "geen vervolgafspraken": code answers "Nee", resting on the line that says so.
        how = "de aantekeningen zeggen dat er niets is afgesproken"
        return _by_code(question, "Nee.", content_lines(lines), how, started)
    if question.kind in LIST_KINDS:
        return _list_answer(question, notes, form, model, prompts, meta, settings, lines, started)
    return _text_answer(question, notes, form, model, prompts, meta, settings, lines, started)


def _by_code(question: Question, text: str, lines: list[NoteLine], how: str, started: float) -> Answer:
    return Answer(
        question_id=question.id,
        heading=question.heading,
        text=text,
        status=AnswerStatus.BEANTWOORD,
        written_by=WrittenBy.CODE,
        support=_support(lines),
        computed=[ComputedFact(label="antwoord", value=text, how=how)],
        seconds=time.perf_counter() - started,
    )


def _code_answer(
    question: Question, notes: Notes, started: float, lines: list[NoteLine], ask: FactAsker | None = None
) -> Answer:
    coded = answer_by_code(question, notes, lines)
    unread = coded is None or coded.text is None or coded.partial
    if unread and ask is not None and question.kind in FALLBACK_KINDS and worth_asking(question.kind, notes):
        # Code found nothing (or half): the model's reading, used only when code finds it in the line it names.
        coded = ask(question.kind) or coded
    if coded is None or coded.text is None or not coded.support:
        # Evidence or silence: a computed answer that no note line shows is not given.
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


def _call(
    model: ChatModel, messages: list[Any], schema: type[TextAnswer] | type[ListAnswer], meta: DraftMeta,
    question: Question, settings: Settings,
) -> TextAnswer | ListAnswer | None:  # fmt: skip
    """One schema-constrained call; None when the output did not validate (the caller falls back)."""
    try:
        result = model.structured(messages, schema, max_tokens=_max_tokens(schema, settings))
    except StructuredOutputError as exc:
        if exc.stats is not None:
            _record(meta, question.id, exc.stats)
        return None
    except Exception as exc:
        raise DraftError(f"Het taalmodel is niet bereikbaar of gaf een fout: {exc}") from exc
    _record(meta, question.id, result.stats)
    value = result.value
    assert isinstance(value, TextAnswer | ListAnswer)
    return value


def _text_answer(
    question: Question, notes: Notes, form: Form, model: ChatModel, prompts: DraftPrompts, meta: DraftMeta,
    settings: Settings, lines: list[NoteLine], started: float,
) -> Answer:  # fmt: skip
    messages = prompts.messages(notes, question, lines, organisation=form.organisation)
    value = _call(model, messages, TextAnswer, meta, question, settings)
    text = " ".join(value.tekst.split()) if isinstance(value, TextAnswer) else ""
    if _is_empty(text):
        # The model cannot empty an answer that has lines: they are shown as they are instead.
        return _verbatim(question, content_lines(lines), time.perf_counter() - started)
    return _model_answer(question, text, lines, started, notes)


def _list_answer(
    question: Question, notes: Notes, form: Form, model: ChatModel, prompts: DraftPrompts, meta: DraftMeta,
    settings: Settings, lines: list[NoteLine], started: float,
) -> Answer:  # fmt: skip
    units = units_for(question, lines, notes) if content_lines(lines) else []
    if units and all(unit.fixed is not None for unit in units):
        # Nothing for the model to word ("ik alleen" under "wie reisden er mee?"): code answers.
        # The only item code writes: the solo trip's (`items.SOLO`).
        text = "\n".join(dict.fromkeys(f"- {unit.fixed}" for unit in units))
        how = "het aantal reizigers in de aantekeningen is 1"
        return _by_code(question, text, [unit.line for unit in units], how, started)
    # Code writes the fixed items itself; the model words the others, a bounded number per call.
    to_word = [unit for unit in units if unit.fixed is None]
    worded: dict[int, str] = {}
    for first in range(0, len(to_word), MAX_ITEMS_PER_CALL):
        batch = to_word[first : first + MAX_ITEMS_PER_CALL]
        batch_lines = list({u.line.number: u.line for u in batch}.values())
        messages = prompts.messages(notes, question, batch_lines, organisation=form.organisation, items=len(batch))
        value = _call(model, messages, list_schema(len(batch)), meta, question, settings)
        said = [" ".join(p.split()) for p in value.punten] if isinstance(value, ListAnswer) else []
        worded |= {first + i: item for i, item in enumerate(said[: len(batch)])}
    items: list[str] = []
    kept_verbatim = 0
    travellers = fellow_travellers(notes)
    # English notes are worded in Dutch even where an item lost a fact: a line pasted back would put
    # English into the report (its lost facts are listed with the answer instead).
    english = "en" in {detect_language(notes.text).language, *(detect_language(u.line.text).language for u in units)}
    position = -1
    for unit in units:
        if unit.fixed is not None:
            items.append(unit.fixed)
            continue
        position += 1  # the unit's place among those the model worded
        item = worded.get(position, "")
        if not unit.worded_by(item):
            # The model may list the people in another order: take the item that names this one.
            item = next((w for j, w in sorted(worded.items()) if j != position and unit.worded_by(w)), "")
        if is_empty_item(item) or not clean_items(question, [item], notes):
            # Empty, about someone else, or belonging to another question: the unit as the notes say it.
            item, kept_verbatim = unit.fallback(), kept_verbatim + 1
        elif lost := unit_loses(unit, item, question.kind, notes.facts, travellers):
            if question.kind is AnswerKind.PLACES:
                # A line naming several venues gave one item: the others become items of their own. Not
                # a city or country, which a line may name in passing ("zoals in Leipzig"); the trip's
                # cities come from the journey, and a lost one is listed with the answer.
                items.extend(fact for fact in lost if not find_places(fact))
            elif not english:
                # The item dropped part of its line ("Moerwijk", "april"): the line as the notes say it.
                item, kept_verbatim = unit.fallback(), kept_verbatim + 1
        items.append(item)
    cities = trip_cities(notes, lines) if question.kind is AnswerKind.PLACES else []
    items = [city for city, _ in cities] + items
    items = list(dict.fromkeys(i for i in clean_items(question, items, notes) if i))
    if not items:
        return _not_mentioned(question, time.perf_counter() - started)
    by_number = {line.number: line for line in [*lines, *(line for _, line in cities)]}
    support = sorted(by_number.values(), key=lambda x: x.number)
    answer = _model_answer(question, "\n".join(f"- {item}" for item in items), support, started, notes)
    if cities:
        answer.computed.append(
            ComputedFact(
                label="stad van de reis",
                value=", ".join(c for c, _ in cities),
                how="bestemming van de reis in de aantekeningen, land uit de plaatsnamenlijst",
            )
        )
    if kept_verbatim:
        answer.computed.append(
            ComputedFact(
                label="letterlijk overgenomen",
                value=f"{kept_verbatim} punten",
                how="het taalmodel liet deze punten leeg of schreef er iets anders; "
                "ze staan er zoals in de aantekeningen",
            )
        )
    return answer


def _model_answer(question: Question, text: str, lines: list[NoteLine], started: float, notes: Notes) -> Answer:
    travellers = fellow_travellers(notes)
    return Answer(
        question_id=question.id,
        heading=question.heading,
        text=text,
        status=AnswerStatus.BEANTWOORD,
        written_by=WrittenBy.MODEL,
        support=_support(lines),
        seconds=time.perf_counter() - started,
        missing=lost_facts(text, content_lines(lines), question.kind, notes.facts, ignore=travellers),
    )
