"""The report model: what a draft is, answer by answer, and how it was made."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

from pydantic import BaseModel, Field

from verslaghulp.facts.grounding_model import AnswerGrounding, GroundingReport

NOT_MENTIONED_TEXT = "Niet vermeld in de aantekeningen."


class AnswerStatus(StrEnum):
    """Whether the notes answer a question."""

    BEANTWOORD = "beantwoord"
    NIET_VERMELD = "niet vermeld"


class WrittenBy(StrEnum):
    """Who produced an answer's text: deterministic code, the language model, or nobody."""

    CODE = "code"
    MODEL = "model"
    NONE = "geen"


class SupportLine(BaseModel):
    """A line of the notes (1-based number as shown to the user) that supports an answer."""

    number: int = Field(ge=1)
    text: str


class ComputedFact(BaseModel):
    """A fact that code computed rather than found verbatim, with how it was computed."""

    label: str
    value: str
    how: str


class MissingFact(BaseModel):
    """A fact of a note line selected for a question that the answer leaves out."""

    text: str
    line: int = Field(ge=1)


class ModelCall(BaseModel):
    """Token counts and timings of one model call."""

    question_id: str
    prompt_tokens: int = 0
    evaluated_prompt_tokens: int = 0
    completion_tokens: int = 0
    prompt_seconds: float = 0.0
    generation_seconds: float = 0.0
    total_seconds: float = 0.0


class Answer(BaseModel):
    """The answer to one question of the form."""

    question_id: str
    heading: str
    text: str
    status: AnswerStatus
    written_by: WrittenBy
    support: list[SupportLine] = Field(default_factory=list)
    follow_up: str | None = None
    computed: list[ComputedFact] = Field(default_factory=list)
    seconds: float = 0.0
    # The grounding check of this answer, and the text before unsupported facts were flagged or removed.
    grounding: AnswerGrounding | None = None
    original_text: str | None = None
    # Facts of the supporting lines that the answer does not contain (the nothing-lost check).
    missing: list[MissingFact] = Field(default_factory=list)


class DraftMeta(BaseModel):
    """How a draft was made: form, model, prompt versions and timings."""

    form_id: str
    form_title: str
    model: str
    prompts: list[str] = Field(default_factory=list)
    created_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    notes_lines: int = 0
    notes_chars: int = 0
    total_seconds: float = 0.0
    calls: list[ModelCall] = Field(default_factory=list)
    # Dutch notices for the official, e.g. note lines set aside because they address the model.
    warnings: list[str] = Field(default_factory=list)
    # Note lines that no answer rests on: shown to the official, so that nothing of the notes is lost
    # unseen (headings and lines set aside as instructions are not listed).
    unused_lines: list[SupportLine] = Field(default_factory=list)

    @property
    def prompt_tokens(self) -> int:
        """Prompt tokens of all calls together (before cache reuse)."""
        return sum(c.prompt_tokens for c in self.calls)

    @property
    def evaluated_prompt_tokens(self) -> int:
        """Prompt tokens the model actually evaluated (after cache reuse)."""
        return sum(c.evaluated_prompt_tokens for c in self.calls)

    @property
    def completion_tokens(self) -> int:
        """Generated tokens of all calls together."""
        return sum(c.completion_tokens for c in self.calls)


class ReportDraft(BaseModel):
    """A filled-in form: one answer per question, in the form's order."""

    meta: DraftMeta
    answers: list[Answer]
    grounding: GroundingReport | None = None

    def answer(self, question_id: str) -> Answer:
        """Return the answer to the question with this id."""
        for a in self.answers:
            if a.question_id == question_id:
                return a
        raise KeyError(question_id)

    @property
    def follow_up_questions(self) -> list[tuple[str, str]]:
        """(question id, follow-up question) for every answer that needs one."""
        return [(a.question_id, a.follow_up) for a in self.answers if a.follow_up]
