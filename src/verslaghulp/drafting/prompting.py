"""The drafting prompts as chat messages, and the answer schemas the model is held to."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage
from pydantic import BaseModel, Field, create_model

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


def list_schema(count: int) -> type[ListAnswer]:
    """A list answer with exactly `count` items: code decided how many there are, the model words them."""
    item = Annotated[str, Field(min_length=1, max_length=ITEM_MAX_CHARS)]
    return create_model(
        f"ListAnswer{count}",
        __base__=ListAnswer,
        punten=(list[item], Field(min_length=count, max_length=count)),
    )


def token_budget(schema: type[TextAnswer] | type[ListAnswer]) -> int:
    """Generation limit that the schema's bounds can never exceed."""
    if issubclass(schema, ListAnswer):
        bound = schema.model_fields["punten"].metadata
        items = next((m.max_length for m in bound if getattr(m, "max_length", None)), MAX_ITEMS)
        return int(ITEM_MAX_CHARS * items / 2.5) + 40
    return int(TEXT_MAX_CHARS / 2.5) + 40


DEFAULT_ORGANISATION = "Gemeente Den Haag"


def organisation_phrase(organisation: str) -> str:
    """'Gemeente Almere' -> 'de gemeente Almere', for use inside a Dutch sentence."""
    words = organisation.strip().split(maxsplit=1)
    if words and words[0].lower() in {"gemeente", "provincie", "waterschap"}:
        return f"de {words[0].lower()} {words[1] if len(words) > 1 else ''}".strip()
    return organisation.strip()


LIST_KINDS = frozenset({AnswerKind.PEOPLE, AnswerKind.PLACES, AnswerKind.LIST})

_SHAPES = {
    AnswerKind.PEOPLE: "Geef per persoon één punt: naam – functie bij organisatie.",
    AnswerKind.PLACES: "Geef per regel de bezochte locatie als één punt, zonder land.",
    AnswerKind.LIST: "Geef per regel één punt in een volzin.",
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

    def messages(
        self,
        notes: Notes,
        question: Question,
        lines: list[NoteLine],
        *,
        organisation: str = DEFAULT_ORGANISATION,
        items: int | None = None,
    ) -> list[BaseMessage]:
        """System prefix, then the notes and the question in one user message (notes first, for reuse).

        With `items`, the answer shape says how many list items the schema holds the model to.
        """
        shape = _SHAPES.get(question.kind, _TEXT_SHAPE)
        if items is not None:
            shape += f" Precies {items} {'punt' if items == 1 else 'punten'}, in de volgorde van de regels."
        user = self.question.render(
            notes=notes.numbered(),
            heading=question.heading,
            guidance=question.guidance,
            answer_shape=shape,
            relevant="\n".join(f"{line.number}. {line.text}" for line in lines) or "-",
        )
        return [SystemMessage(content=self.system_text(organisation)), HumanMessage(content=user)]

    def system_text(self, organisation: str = DEFAULT_ORGANISATION) -> str:
        """The shared prefix for one organisation's forms ("de gemeente Den Haag")."""
        return self.system.render(organisation=organisation_phrase(organisation))
