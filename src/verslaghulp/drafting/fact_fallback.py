"""The model as a checked second opinion for the facts code could not read.

Where code finds no number of travellers, no period or no mode of transport, the model is asked one
small schema-constrained question whose answer names the note line it comes from. Code then checks
the value against that line (`facts.verify`) and uses it only then, marked "gelezen door het
taalmodel, gecontroleerd" with the line as evidence. Anything else stays "niet vermeld".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from langchain_core.messages import HumanMessage, SystemMessage
from pydantic import BaseModel, Field

from verslaghulp.drafting.code_answers import CodeAnswer, dutch_period
from verslaghulp.facts.transport import Mode, modes_named
from verslaghulp.facts.verify import FIRST_PERSON as _FIRST_PERSON
from verslaghulp.facts.verify import count_supported, date_supported, mode_supported, numbers_in
from verslaghulp.llm.port import CallStats, ChatModel, StructuredOutputError
from verslaghulp.llm.prompts import Prompt, load_prompt
from verslaghulp.report.forms import AnswerKind
from verslaghulp.report.model import ComputedFact
from verslaghulp.report.notes import NoteLine, Notes

CHECKED = "gelezen door het taalmodel, gecontroleerd"
FALLBACK_KINDS = frozenset({AnswerKind.COUNT, AnswerKind.DATES, AnswerKind.TRANSPORT})
_MAX_TOKENS = 60


class TravellersReading(BaseModel):
    """The line that says how many travelled, and the number (regel 0: the notes do not say)."""

    regel: int = Field(ge=0, le=9999)
    aantal: int = Field(ge=0, le=99)


class PeriodReading(BaseModel):
    """The line with the departure date, the date, and the number of days (regel 0: not stated)."""

    regel: int = Field(ge=0, le=9999)
    vertrekdatum: str = Field(pattern=r"^(?:\d{4}-\d{2}-\d{2})?$", max_length=10)
    dagen: int = Field(ge=0, le=60)


class TransportReading(BaseModel):
    """The line that names how the trip was made, and the mode (regel 0: not stated)."""

    regel: int = Field(ge=0, le=9999)
    vervoer: Literal["vliegtuig", "trein", "bus", "auto", "boot", "geen"]


_QUESTIONS: dict[AnswerKind, tuple[str, type[BaseModel]]] = {
    AnswerKind.COUNT: ("Met hoeveel personen (de schrijver meegeteld) is de reis gemaakt?", TravellersReading),
    AnswerKind.DATES: (
        "Op welke datum (JJJJ-MM-DD) begon de reis, en hoeveel dagen duurde ze?",
        PeriodReading,
    ),
    AnswerKind.TRANSPORT: ("Met welk vervoermiddel is de reis (vooral) gemaakt?", TransportReading),
}


@dataclass(frozen=True)
class FactPrompts:
    """The shared drafting prefix and the fact question."""

    system: str
    question: Prompt

    @classmethod
    def load(cls, folder: Path, system: str) -> FactPrompts:
        """Load the fact question; `system` is the drafting prefix, so its evaluated state is reused."""
        return cls(system=system, question=load_prompt("draft-feit", folder))


def worth_asking(kind: AnswerKind, notes: Notes) -> bool:
    """Whether a reading could pass the check at all: some line holds what code would verify."""
    if kind is AnswerKind.TRANSPORT:
        return any(modes_named(line.text) for line in notes.lines)
    if kind is AnswerKind.DATES:
        return any(line.dates for line in notes.facts.lines)
    # Travellers: a number, or the writer beside named people.
    return any(numbers_in(line.text) or _FIRST_PERSON.search(line.text) for line in notes.lines)


def ask_model(
    kind: AnswerKind,
    notes: Notes,
    model: ChatModel,
    prompts: FactPrompts,
    record: Callable[[CallStats], None] | None = None,
) -> CodeAnswer | None:
    """The model's reading of one fact, checked against the line it names; None when absent or unchecked.

    `record` receives the call's token counts and timings (for the draft's record of model calls).
    """
    if kind not in _QUESTIONS:
        return None
    question, schema = _QUESTIONS[kind]
    messages = [
        SystemMessage(content=prompts.system),
        HumanMessage(content=prompts.question.render(notes=notes.numbered(), vraag=question)),
    ]
    try:
        result = model.structured(messages, schema, max_tokens=_MAX_TOKENS)
    except StructuredOutputError as exc:
        if record is not None and exc.stats is not None:
            record(exc.stats)
        return None
    if record is not None:
        record(result.stats)
    return check_reading(kind, result.value, notes)


def check_reading(kind: AnswerKind, reading: BaseModel, notes: Notes) -> CodeAnswer | None:
    """Use a model's reading only when the line it names holds the value by code's own reading."""
    number = getattr(reading, "regel", 0)
    line = next((x for x in notes.lines if x.number == number), None)
    if line is None:
        return None
    if isinstance(reading, TravellersReading):
        return _travellers(reading, line)
    if isinstance(reading, PeriodReading):
        return _period(reading, line, notes)
    if isinstance(reading, TransportReading):
        return _transport(reading, line)
    return None


def _checked(value: str, line: NoteLine, what: str) -> ComputedFact:
    return ComputedFact(
        label=CHECKED,
        value=value,
        how=f"het taalmodel wees regel {line.number} aan; code vond daarin {what}",
    )


def _travellers(reading: TravellersReading, line: NoteLine) -> CodeAnswer | None:
    if reading.aantal < 1 or not count_supported(line.text, reading.aantal):
        return None
    text = "1 persoon" if reading.aantal == 1 else f"{reading.aantal} personen"
    fact = _checked(str(reading.aantal), line, f"het aantal {reading.aantal} (getal of genoemde personen)")
    return CodeAnswer(text=text, support=[line], computed=[fact])


def _period(reading: PeriodReading, line: NoteLine, notes: Notes) -> CodeAnswer | None:
    try:
        start = dt.date.fromisoformat(reading.vertrekdatum)
    except ValueError:
        return None
    years = [m for m in (int(y) for y in _years(notes.text)) if 1990 < m < 2100]
    if reading.dagen < 1 or not date_supported(line.text, start, default_year=years[0] if years else None):
        return None
    if reading.dagen > 1 and str(reading.dagen) not in line.text:
        return None  # a duration the line does not state is not checked, so not used
    end = start + dt.timedelta(days=reading.dagen - 1)
    fact = _checked(str(reading.dagen), line, f"de datum {start.isoformat()} en de duur")
    return CodeAnswer(text=dutch_period(start, end), support=[line], computed=[fact])


def _years(text: str) -> list[str]:
    return re.findall(r"\b(?:19|20)\d\d\b", text)


def _transport(reading: TransportReading, line: NoteLine) -> CodeAnswer | None:
    if reading.vervoer == "geen":
        return None
    mode = Mode(reading.vervoer)
    if not mode_supported(line.text, mode):
        return None
    fact = _checked(mode.value, line, f"een woord voor {mode.value}")
    return CodeAnswer(text=mode.value.capitalize(), support=[line], computed=[fact])
