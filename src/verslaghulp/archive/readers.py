"""Read report files (.txt, .md, .docx, .pdf) into plain text, with a Dutch message for every failure."""

from __future__ import annotations

import hashlib
import io
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from verslaghulp.report import documents

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf")
# Fewer letters than this per page means the pdf is a scan: a page of text has hundreds.
_MIN_LETTERS_PER_PAGE = 20


class DocumentError(ValueError):
    """A file that cannot be read as a report; the message is Dutch and meant for the user."""


@dataclass(frozen=True)
class SourceDocument:
    """The text of one file and the hash of its bytes (the identity used for idempotent ingest)."""

    name: str
    text: str
    content_hash: str
    kind: str


def content_hash(data: bytes) -> str:
    """SHA-256 of the file's bytes, hex."""
    return hashlib.sha256(data).hexdigest()


def read_document(path: Path, *, max_bytes: int, max_chars: int) -> SourceDocument:
    """Read one file; raises DocumentError with a Dutch message when it cannot be used."""
    suffix = path.suffix.lower()
    if suffix == ".doc":
        raise DocumentError(f"{path.name}: oude Word-bestanden (.doc) worden niet ondersteund; sla op als .docx.")
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(
            f"{path.name}: bestandstype {suffix or '(geen)'} wordt niet ondersteund (wel: .txt, .md, .docx, .pdf)."
        )
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DocumentError(
                f"{path.name} is te groot ({size / 1_000_000:.1f} MB; maximaal {max_bytes / 1_000_000:.0f} MB). "
                "Splits het bestand of sla alleen het verslag op."
            )
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{path.name} kan niet worden gelezen: {exc.strerror or exc}.") from exc
    return read_bytes(path.name, data, max_chars=max_chars)


def read_bytes(name: str, data: bytes, *, max_chars: int) -> SourceDocument:
    """Turn a file's bytes into text according to its extension."""
    if not data.strip():
        raise DocumentError(f"{name} is leeg.")
    suffix = Path(name).suffix.lower()
    if suffix == ".docx":
        text = _docx_text(name, data)
    elif suffix == ".pdf":
        text = _pdf_text(name, data)
    else:
        text = decode_text(name, data)
    return document_from_text(name, text, content_hash(data), kind=suffix.lstrip(".") or "txt", max_chars=max_chars)


def document_from_text(name: str, text: str, digest: str, *, kind: str, max_chars: int) -> SourceDocument:
    """Check a text's length and wrap it as a SourceDocument."""
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        raise DocumentError(f"{name} bevat geen tekst.")
    if len(text) > max_chars:
        raise DocumentError(
            f"{name} is te lang ({len(text):_} tekens; maximaal {max_chars:_}). ".replace("_", ".")
            + "Een verslag is meestal enkele pagina's; splits het bestand."
        )
    return SourceDocument(name=name, text=text, content_hash=digest, kind=kind)


def decode_text(name: str, data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252 (still common on Dutch PCs)."""
    text = documents.decode_text(data)
    if text is None:
        raise DocumentError(f"{name} bevat geen leesbare tekst (binair of beschadigd bestand).")
    return text


def _docx_text(name: str, data: bytes) -> str:
    """Paragraphs and table cells in document order, each followed by a blank line."""
    try:
        blocks = documents.docx_blocks(data)
    except documents.UnreadableDocxError as exc:
        raise DocumentError(f"{name} is geen geldig Word-bestand (.docx) of is beschadigd.") from exc
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, str):
            lines.append(block)
        else:
            lines.extend(line for row in block for cell in row for line in (cell, ""))
        lines.append("")  # a paragraph break, so headings stay on their own line
    return "\n".join(lines)


def _pdf_text(name: str, data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError, PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(f"{name} is beveiligd met een wachtwoord; sla een onbeveiligde versie op.")
        pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentError:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise DocumentError(f"{name} is geen geldige pdf of is beschadigd.") from exc
    letters = sum(ch.isalpha() for page in pages for ch in page)
    if not pages or letters < _MIN_LETTERS_PER_PAGE * len(pages):
        raise DocumentError(
            f"{name} heeft geen tekstlaag (waarschijnlijk een scan). "
            "Laat de pdf eerst herkennen met OCR, of lever het verslag aan als .docx of .txt."
        )
    return "\n".join(pages)
