"""Read notes from an uploaded file (.txt, .md, .docx) into text, with Dutch errors."""

from __future__ import annotations

from pathlib import Path

from verslaghulp.report.documents import UnreadableDocxError, docx_blocks
from verslaghulp.report.notes import NotesError, decode_notes

NOTES_SUFFIXES = (".txt", ".md", ".docx")
MAX_UPLOAD_BYTES = 5 * 1024 * 1024


def read_notes_upload(name: str, data: bytes) -> str:
    """The text of an uploaded notes file; raises NotesError with a Dutch message."""
    suffix = Path(name).suffix.lower()
    if len(data) > MAX_UPLOAD_BYTES:
        raise NotesError(f"Het bestand {Path(name).name} is te groot (maximaal 5 MB aan aantekeningen).")
    if not data.strip():
        raise NotesError(f"Het bestand {Path(name).name} is leeg.")
    if suffix == ".docx":
        return _docx_text(name, data)
    if suffix not in NOTES_SUFFIXES:
        raise NotesError(f"Bestandstype {suffix or '(geen)'} wordt niet ondersteund; gebruik .txt, .md of .docx.")
    return decode_notes(data)


def _docx_text(name: str, data: bytes) -> str:
    """Paragraphs and table rows ("cell | cell") in document order."""
    try:
        blocks = docx_blocks(data)
    except UnreadableDocxError as exc:
        raise NotesError(f"Het Word-bestand {Path(name).name} is beschadigd of geen .docx-bestand.") from exc
    lines: list[str] = []
    for block in blocks:
        lines.extend([block] if isinstance(block, str) else [" | ".join(row) for row in block])
    return "\n".join(lines)
