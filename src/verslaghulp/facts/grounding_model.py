"""The result of a grounding check: which facts of a draft the notes support, and which they do not.

Imports nothing from `verslaghulp.report`: `report.model` imports this module to attach the result
to a draft, so an import the other way would be a cycle.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field, computed_field


class FactKind(StrEnum):
    """What kind of fact a stretch of an answer states."""

    NAME = "naam"
    ORGANISATION = "organisatie"
    PLACE = "plaats"
    DATE = "datum"
    NUMBER = "getal"
    AMOUNT = "bedrag"
    PROMISE = "toezegging"
    CLAIM = "bewering"
    ROLE = "functie"


class FactStatus(StrEnum):
    """Whether a fact was found in the notes, computed by code from them, or neither."""

    SUPPORTED = "gevonden"
    COMPUTED = "berekend"
    UNSUPPORTED = "niet gevonden"


class CheckedFact(BaseModel):
    """One fact found in an answer, with its character span in the answer text and its status."""

    question_id: str
    text: str
    kind: FactKind
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    status: FactStatus
    evidence: str | None = None  # the notes' text that supports it
    how: str | None = None  # for computed facts: how code computed it (Dutch)


class UnsupportedFact(BaseModel):
    """A fact in an answer that the notes do not support; `reason` is Dutch and meant for the user."""

    question_id: str
    text: str
    kind: FactKind
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    reason: str


class AnswerGrounding(BaseModel):
    """The check of one answer: every fact it states and which of them are unsupported."""

    question_id: str
    facts: list[CheckedFact] = Field(default_factory=list)
    unsupported: list[UnsupportedFact] = Field(default_factory=list)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def score(self) -> float:
        """Share of the answer's facts that are supported or computed (1.0 for an answer without facts)."""
        total = len(self.facts)
        return 1.0 if total == 0 else round((total - len(self.unsupported)) / total, 3)


class GroundingReport(BaseModel):
    """The check of a whole draft: one entry per answer and a score for the report."""

    answers: list[AnswerGrounding] = Field(default_factory=list)
    seconds: float = 0.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def score(self) -> float:
        """Share of all facts in the draft that are supported or computed (1.0 when there are none)."""
        total = sum(len(a.facts) for a in self.answers)
        bad = sum(len(a.unsupported) for a in self.answers)
        return 1.0 if total == 0 else round((total - bad) / total, 3)

    @property
    def unsupported(self) -> list[UnsupportedFact]:
        """Every unsupported fact of the draft, answer by answer."""
        return [u for a in self.answers for u in a.unsupported]

    @property
    def ok(self) -> bool:
        """True when every fact is supported or computed."""
        return not self.unsupported

    def for_question(self, question_id: str) -> AnswerGrounding | None:
        """Return the check of one answer, if the draft has it."""
        return next((a for a in self.answers if a.question_id == question_id), None)
