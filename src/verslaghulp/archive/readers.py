"""Read report files (.txt, .md, .docx, .pdf) into plain text, with a Dutch message for every failure."""

from __future__ import annotations

import hashlib
import io
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf")
# Fewer letters than this per page means the pdf is a scan: a page of text has hundreds.
_MIN_LETTERS_PER_PAGE = 20
_MAX_CONTROL_RATIO = 0.01
_ALLOWED_CONTROLS = {"\n", "\t", "\r", "\f"}


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
    encodings = ["utf-16"] if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ["utf-8-sig", "cp1252"]
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _looks_binary(text):
            return text
    raise DocumentError(f"{name} bevat geen leesbare tekst (binair of beschadigd bestand).")


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS)
    return controls / max(len(text), 1) > _MAX_CONTROL_RATIO


def _docx_text(name: str, data: bytes) -> str:
    """Paragraphs and table cells in document order (forms are often laid out as tables)."""
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Paragraph):
                lines.append(block.text)
            elif isinstance(block, Table):
                lines.extend(_table_lines(block))
            lines.append("")  # a paragraph break, so headings stay on their own line
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, AttributeError) as exc:
        raise DocumentError(f"{name} is geen geldig Word-bestand (.docx) of is beschadigd.") from exc
    return "\n".join(lines)


def _table_lines(table: object) -> list[str]:
    from docx.table import Table

    assert isinstance(table, Table)
    lines: list[str] = []
    for row in table.rows:
        seen: set[int] = set()
        for cell in row.cells:
            # Merged cells are returned once per grid column; print each only once.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            lines.extend([cell.text, ""])
    return lines


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
