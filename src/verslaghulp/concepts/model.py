"""What a concept is: the notes, the draft as the model made it, and the official's edits and replies."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from enum import StrEnum

from pydantic import BaseModel, Field

from verslaghulp.report.model import Answer, AnswerStatus, DraftMeta, WrittenBy

CONCEPT_ID = re.compile(r"^[0-9a-f]{16}$")
_TITLE_CHARS = 70


def _now() -> datetime:
    return datetime.now(UTC)


class ConceptError(ValueError):
    """A concept operation that cannot be done; the message is Dutch and meant for the user."""


class ConceptStatus(StrEnum):
    """Where a concept stands (the values are shown to the user)."""

    NOTITIES = "alleen aantekeningen"
    BEZIG = "wordt opgesteld"
    CONCEPT = "concept"
    ONDERBROKEN = "onderbroken"
    GEARCHIVEERD = "in archief"


class DiffPart(BaseModel):
    """One change between the model's text and the official's text, word by word."""

    op: str = Field(description="'vervangen', 'verwijderd' or 'toegevoegd'")
    model: str = ""
    official: str = ""


class AnswerChange(BaseModel):
    """What the official changed in one answer before storing the report."""

    question_id: str
    heading: str
    written_by: WrittenBy
    model_text: str
    final_text: str
    changed: bool
    similarity: float = Field(ge=0.0, le=1.0, description="1.0 when unchanged (difflib ratio over words).")
    parts: list[DiffPart] = Field(default_factory=list)


class ArchiveRecord(BaseModel):
    """The concept as stored in the archive: which report, when, and what the official changed."""

    report_id: str | None
    stored_at: datetime = Field(default_factory=_now)
    outcome: str
    changes: list[AnswerChange] = Field(default_factory=list)


class Concept(BaseModel):
    """One report in progress. `draft_notes` are the notes the answers rest on (with follow-up replies)."""

    id: str = Field(pattern=CONCEPT_ID.pattern)
    created_at: datetime = Field(default_factory=_now)
    updated_at: datetime = Field(default_factory=_now)
    form_id: str
    form_title: str
    notes: str = ""
    draft_notes: str | None = None
    status: ConceptStatus = ConceptStatus.NOTITIES
    error: str | None = None
    answers: list[Answer] = Field(default_factory=list)
    meta: DraftMeta | None = None
    edits: dict[str, str] = Field(default_factory=dict, description="Edited answer text by question id.")
    replies: dict[str, str] = Field(default_factory=dict, description="Replies to follow-up questions, as typed.")
    archived: ArchiveRecord | None = None

    @property
    def title(self) -> str:
        """The first line of the notes (usually the trip's title), shortened."""
        first = next((line.strip(" -•*#\t") for line in self.notes.splitlines() if line.strip()), "")
        if not first:
            return "Zonder titel"
        return first if len(first) <= _TITLE_CHARS else first[: _TITLE_CHARS - 1].rstrip() + "…"

    @property
    def has_draft(self) -> bool:
        """Whether at least one answer has been drafted."""
        return bool(self.answers)

    @property
    def answered(self) -> int:
        """Number of answers the notes answer."""
        return sum(1 for a in self.answers if a.status is AnswerStatus.BEANTWOORD)

    def answer(self, question_id: str) -> Answer | None:
        """The drafted answer to a question, if there is one."""
        return next((a for a in self.answers if a.question_id == question_id), None)
