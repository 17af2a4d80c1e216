"""The lines no signal placed, put under a question by one grammar-constrained model call.

Headers, keywords, name patterns and the e5 router place most note lines. What is left ("What it
brought: ...", a phrasing nobody thought of) would end up listed as not used. One call per draft asks
the model, for those lines only, which question of the form each belongs to; the schema allows only
the asked line numbers and the form's question ids (or "geen"), so the answer cannot name a line or a
question that does not exist. A line the model places is selected for that question, where the usual
checks apply to what the answer makes of it; a line it leaves ("geen") stays listed as not used.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path

from langchain_core.messages import HumanMessage, SystemMessage
from pydantic import BaseModel, Field, create_model

from verslaghulp.drafting.injection import PLACEHOLDER, is_instruction
from verslaghulp.drafting.items import note_content_lines
from verslaghulp.drafting.selection import LineSelection, takes_routed_lines
from verslaghulp.drafting.topics import topic_of
from verslaghulp.llm.port import CallStats, ChatModel, StructuredOutputError
from verslaghulp.llm.prompts import load_prompt
from verslaghulp.report.forms import Form, Question
from verslaghulp.report.notes import NoteLine, Notes

NONE = "geen"
# The name the draft's record of model calls gives this call (beside the question ids).
ROUTING_CALL = "routering"
PROMPT = "draft-routering"
# At most this many lines per call: the answer stays short and the call cheap.
MAX_LINES = 12
_TOKENS_PER_LINE = 24


def _short(heading: str, words: int = 7) -> str:
    kept = heading.split()[:words]
    return " ".join(kept).lower() + (" …" if len(heading.split()) > words else "")


def routing_schema(questions: list[Question], lines: list[NoteLine]) -> type[BaseModel]:
    """A schema that admits one assignment per asked line, to a question id of the form or "geen"."""
    question_enum = Enum("Vraag", {q.id: q.id for q in questions} | {NONE: NONE})  # type: ignore[misc]
    line_enum = Enum("Regel", {f"r{line.number}": line.number for line in lines})  # type: ignore[misc]
    assignment = create_model("Toewijzing", regel=(line_enum, ...), vraag=(question_enum, ...))
    return create_model(
        "Routering",
        toewijzing=(list[assignment], Field(min_length=len(lines), max_length=len(lines))),
    )


def route_by_model(
    questions: list[Question],
    lines: list[NoteLine],
    notes: Notes,
    model: ChatModel,
    system: str,
    prompts_dir: Path,
    record: Callable[[CallStats], None] | None = None,
) -> dict[str, list[NoteLine]]:
    """Per question id, the asked lines the model placed under it (none when the call fails)."""
    asked = lines[:MAX_LINES]
    if not asked or not questions:
        return {}
    prompt = load_prompt(PROMPT, prompts_dir)
    # Few tokens after the notes (whose evaluated state the question calls share): the ids with the
    # first words of each heading, and the asked lines by number only.
    listing = "\n".join(f"- {q.id}: {_short(q.heading)}" for q in questions)
    numbers = ", ".join(str(line.number) for line in asked)
    messages = [
        SystemMessage(content=system),
        HumanMessage(content=prompt.render(notes=notes.numbered(), vragen=listing, regels=numbers)),
    ]
    schema = routing_schema(questions, asked)
    try:
        result = model.structured(messages, schema, max_tokens=_TOKENS_PER_LINE * len(asked) + 24)
    except StructuredOutputError as exc:
        if record is not None and exc.stats is not None:
            record(exc.stats)
        return {}
    if record is not None:
        record(result.stats)
    by_number = {line.number: line for line in asked}
    placed: dict[str, list[NoteLine]] = {}
    for item in getattr(result.value, "toewijzing", []):
        question_id, number = item.vraag.value, item.regel.value
        if question_id != NONE and number in by_number:
            placed.setdefault(question_id, []).append(by_number[number])
    return placed


# The model's question for a line must be among this many topics the line router ranks the line nearest to.
_AGREEMENT = 2


def place_left_over(
    form: Form,
    notes: Notes,
    selection: LineSelection,
    model: ChatModel,
    system: str,
    prompts_dir: Path,
    record: Callable[[CallStats], None] | None = None,
) -> None:
    """Ask the model where the content lines go that no signal placed, and select those it places well.

    A placement is a checked second opinion: it is used only when the line router ranks the question's
    topic among the line's nearest ("borrel van de beurs" is no agreement, whatever the model says).
    Lines it puts under a code-written question (travellers, dates, transport) are left to code,
    which reads its own evidence.
    """
    taken = {line.number for chosen in selection.lines.values() for line in chosen}
    left = [
        line
        for line in note_content_lines(notes.lines)
        if line.number not in taken and not is_instruction(line.text) and line.text != PLACEHOLDER
    ]
    if not left:
        return
    placed = route_by_model(list(form.questions), left, notes, model, system, prompts_dir, record)
    for question in form.questions:
        if not takes_routed_lines(question):
            continue
        for line in placed.get(question.id, []):
            ranked = selection.ranked.get(line.number)
            if ranked is None or topic_of(question).id in ranked[:_AGREEMENT]:
                selection.add(question.id, line)
