"""What a concept is: the notes, the draft as the model made it, and the official's edits and replies."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from pydantic import BaseModel, Field

from verslaghulp.report.model import Answer, AnswerStatus, DraftMeta, WrittenBy

CONCEPT_ID = re.compile(r"^[0-9a-f]{16}$")
_TITLE_CHARS = 70
# Typing is saved as it happens; the notes before it are kept as a version when one save removes at
# least this many characters (a paragraph deleted, everything replaced by a paste), or when the last
# version is older than VERSION_INTERVAL (so a long session leaves a trail).
VERSION_REMOVED_CHARS = 40
VERSION_INTERVAL = timedelta(minutes=10)


def _now() -> datetime:
    return datetime.now(UTC)


class ConceptError(ValueError):
    """A concept operation that cannot be done; the message is Dutch and meant for the user."""


class ConceptAccessError(ConceptError):
    """A concept id that belongs to another user (refused, and recorded in the audit log)."""

    def __init__(self, concept_id: str) -> None:
        super().__init__(
            "Dit concept is van een andere gebruiker. U kunt alleen uw eigen concepten openen en voortzetten; "
            "deze poging is vastgelegd."
        )
        self.concept_id = concept_id


class NotesChange(StrEnum):
    """Why the notes changed (the values are shown with the version that was kept)."""

    TYPED = "getypt"
    DRAFT = "voor het opstellen"
    REPLY = "voor een vervolgvraag"
    RESTORE = "voor het terugzetten van een versie"


class NotesVersion(BaseModel):
    """Earlier notes of a concept, kept when they were changed."""

    notes: str
    saved_at: datetime = Field(default_factory=_now)
    reason: NotesChange = NotesChange.TYPED


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
    owner: str = Field(default="", description="Whose concept it is (the login name); empty: the local user.")
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
    exported_at: datetime | None = Field(default=None, description="When the draft was last exported.")
    versions: list[NotesVersion] = Field(default_factory=list, description="Earlier notes, oldest first.")

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

    def with_notes(self, notes: str, reason: NotesChange) -> Concept:
        """The concept with new notes; the old notes are kept as a version where they could otherwise be lost.

        Every change other than typing keeps them; typing keeps them when it removes text (see
        VERSION_REMOVED_CHARS) or when the last version is older than VERSION_INTERVAL.
        """
        old = self.notes
        if notes == old:
            return self
        keep = bool(old.strip()) and (not self.versions or self.versions[-1].notes != old)
        if keep and reason is NotesChange.TYPED:
            since = self.versions[-1].saved_at if self.versions else self.created_at
            keep = removed_chars(old, notes) >= VERSION_REMOVED_CHARS or _now() - since >= VERSION_INTERVAL
        versions = [*self.versions, NotesVersion(notes=old, reason=reason)] if keep else self.versions
        return self.model_copy(update={"notes": notes, "versions": versions})


def removed_chars(old: str, new: str) -> int:
    """How many characters of `old` a change to `new` removes (what lies between their common start and end)."""
    limit = min(len(old), len(new))
    start = 0
    while start < limit and old[start] == new[start]:
        start += 1
    end = 0
    while end < limit - start and old[-1 - end] == new[-1 - end]:
        end += 1
    return len(old) - start - end
