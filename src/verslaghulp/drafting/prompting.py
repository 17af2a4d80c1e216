"""The drafting prompts as chat messages, and the answer schemas the model is held to."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage
from pydantic import BaseModel, Field

from verslaghulp.llm.prompts import Prompt, load_prompt
from verslaghulp.report.forms import AnswerKind, Question
from verslaghulp.report.notes import NoteLine, Notes

# Bounds in the schema become bounds in the grammar, so generation always ends in valid JSON
# well before the token limit (worst case about 2.5 characters per token).
TEXT_MAX_CHARS = 600
ITEM_MAX_CHARS = 220
MAX_ITEMS = 10


class TextAnswer(BaseModel):
    """A prose answer: one to three sentences."""

    tekst: str = Field(min_length=1, max_length=TEXT_MAX_CHARS)


class ListAnswer(BaseModel):
    """A list answer: one item per person, place, result or agreement."""

    punten: list[Annotated[str, Field(min_length=1, max_length=ITEM_MAX_CHARS)]] = Field(
        min_length=1, max_length=MAX_ITEMS
    )


def token_budget(schema: type[TextAnswer] | type[ListAnswer]) -> int:
    """Generation limit that the schema's bounds can never exceed."""
    chars = ITEM_MAX_CHARS * MAX_ITEMS if schema is ListAnswer else TEXT_MAX_CHARS
    return int(chars / 2.5) + 40


LIST_KINDS = frozenset({AnswerKind.PEOPLE, AnswerKind.PLACES, AnswerKind.LIST})

_SHAPES = {
    AnswerKind.PEOPLE: "Geef per persoon één punt: naam – functie bij organisatie.",
    AnswerKind.PLACES: "Geef per bezochte stad of locatie één punt, zonder land.",
    AnswerKind.LIST: "Geef per onderwerp één punt in een volzin.",
}
_TEXT_SHAPE = "Antwoord in één tot drie volzinnen."


def schema_for(question: Question) -> type[TextAnswer] | type[ListAnswer]:
    """The output schema the model is constrained to for this kind of question."""
    return ListAnswer if question.kind in LIST_KINDS else TextAnswer


@dataclass(frozen=True)
class DraftPrompts:
    """The prompt files a draft uses."""

    system: Prompt
    question: Prompt

    @classmethod
    def load(cls, folder: Path) -> DraftPrompts:
        """Load both drafting prompts from the prompts folder."""
        return cls(system=load_prompt("draft-system", folder), question=load_prompt("draft-question", folder))

    @property
    def refs(self) -> list[str]:
        """`name@version` of each prompt, recorded in the draft."""
        return [self.system.ref, self.question.ref]

    def messages(self, notes: Notes, question: Question, lines: list[NoteLine]) -> list[BaseMessage]:
        """System prefix, then the notes and the question in one user message (notes first, for reuse)."""
        user = self.question.render(
            notes=notes.numbered(),
            heading=question.heading,
            guidance=question.guidance,
            answer_shape=_SHAPES.get(question.kind, _TEXT_SHAPE),
            relevant="\n".join(f"{line.number}. {line.text}" for line in lines) or "-",
        )
        return [SystemMessage(content=self.system.render()), HumanMessage(content=user)]
