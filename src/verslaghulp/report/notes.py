"""Notes as the user pasted or uploaded them: decoding, validation and numbered lines.

Nothing here ever changes what the user wrote beyond normalising line ends and invisible
characters; every line keeps its number so that answers can point back to it.
"""

from __future__ import annotations

from functools import cached_property

from pydantic import BaseModel, Field

from verslaghulp.facts.notes_facts import NotesFacts, read_notes_facts
from verslaghulp.report.documents import decode_text, looks_binary

MAX_NOTES_CHARS = 60_000


class NotesError(ValueError):
    """Notes that cannot be used; the message is Dutch and meant for the user."""


class NoteLine(BaseModel):
    """One non-empty line of the notes, numbered from 1 as shown to the user."""

    number: int = Field(ge=1)
    text: str


class Notes(BaseModel):
    """Validated notes with numbered non-empty lines."""

    text: str
    lines: list[NoteLine]

    def line(self, number: int) -> NoteLine:
        """Return the line with this number."""
        return self.lines[number - 1]

    @cached_property
    def facts(self) -> NotesFacts:
        """The notes' facts, read once on first use and shared by every answer of the draft."""
        return read_notes_facts(self.text, [ln.text for ln in self.lines])

    def numbered(self) -> str:
        """The notes as the model sees them: every line prefixed with its number."""
        return "\n".join(f"{ln.number}. {ln.text}" for ln in self.lines)


def decode_notes(data: bytes) -> str:
    """Decode an uploaded file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.

    Office tools on Dutch Windows machines still write cp1252, so that is the fallback; bytes that
    are neither are refused rather than shown as mojibake.
    """
    text = decode_text(data)
    if text is None:
        raise NotesError(
            "Dit bestand bevat geen leesbare tekst (het lijkt een binair of beschadigd bestand). "
            "Plak de aantekeningen als tekst of upload een .txt-, .md- of .docx-bestand."
        )
    return text


def parse_notes(text: str, *, max_chars: int = MAX_NOTES_CHARS) -> Notes:
    """Validate pasted notes and number their non-empty lines.

    Raises NotesError (Dutch message) for empty, binary-looking or overlong notes.
    """
    if looks_binary(text):
        raise NotesError(
            "De aantekeningen bevatten onleesbare tekens (binaire gegevens). Controleer wat u heeft geplakt."
        )
    cleaned = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    if not cleaned.strip():
        raise NotesError("De aantekeningen zijn leeg. Plak uw aantekeningen van de reis en probeer het opnieuw.")
    if len(cleaned) > max_chars:
        raise NotesError(
            f"De aantekeningen zijn te lang ({len(cleaned):,} tekens; maximaal {max_chars:,}). "
            "Kort ze in of verdeel ze over meerdere verslagen; er is niets weggegooid.".replace(",", ".")
        )
    lines: list[NoteLine] = []
    for raw in cleaned.split("\n"):
        stripped = " ".join(raw.split())
        if stripped:
            lines.append(NoteLine(number=len(lines) + 1, text=stripped))
    if not any(any(ch.isalnum() for ch in ln.text) for ln in lines):
        raise NotesError("De aantekeningen bevatten geen woorden of getallen. Plak uw aantekeningen van de reis.")
    return Notes(text=cleaned, lines=lines)
