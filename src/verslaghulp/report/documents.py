"""Text out of a file's bytes: decoding plain text, and a .docx's paragraphs and tables in document order.

One reader for the notes upload (`report.upload`) and the archive (`archive.readers`); each turns a
failure into its own Dutch message.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from collections.abc import Sequence
from typing import Any

# Control characters other than tab/newline are a sign of a binary file, not of text.
_MAX_CONTROL_RATIO = 0.01
_ALLOWED_CONTROLS = {"\n", "\t", "\r", "\f"}

Block = str | list[list[str]]
"""A paragraph's text, or a table as rows of cell texts."""


class UnreadableDocxError(ValueError):
    """The bytes are not a readable .docx."""


def looks_binary(text: str) -> bool:
    """Whether decoded text is really binary data: a NUL, or more than 1% control characters."""
    if "\x00" in text:
        return True
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS)
    return controls / max(len(text), 1) > _MAX_CONTROL_RATIO


def decode_text(data: bytes) -> str | None:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252; None for bytes that are no text.

    Office tools on Dutch Windows machines still write cp1252, so that is the fallback; bytes that
    are neither are refused rather than shown as mojibake.
    """
    encodings = ["utf-16"] if data.startswith((b"\xff\xfe", b"\xfe\xff")) else ["utf-8-sig", "cp1252"]
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not looks_binary(text):
            return text
    return None


def docx_blocks(data: bytes) -> list[Block]:
    """The paragraphs and tables of a .docx in document order (forms are often laid out as tables).

    A merged cell is returned by python-docx once per grid column; here it counts once per row.
    Raises UnreadableDocxError when the bytes are not a valid .docx.
    """
    # lazy: python-docx loads only when a .docx is read
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        blocks: list[Block] = []
        for block in Document(io.BytesIO(data)).iter_inner_content():
            if isinstance(block, Paragraph):
                blocks.append(block.text)
            elif isinstance(block, Table):
                blocks.append([_row_cells(row.cells) for row in block.rows])
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, AttributeError) as exc:
        raise UnreadableDocxError(str(exc)) from exc
    return blocks


def _row_cells(cells: Sequence[Any]) -> list[str]:
    seen: set[int] = set()
    texts: list[str] = []
    for cell in cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            texts.append(cell.text)
    return texts
