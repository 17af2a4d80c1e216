"""Build the .docx and .pdf example reports from their text sources (examples/archive/sources/).

Run from the repository root:  .venv/bin/python examples/archive/make_documents.py

The PDF writer is deliberately minimal (one Type1 font, WinAnsi text, no images) so that no PDF
library is needed: it makes text PDFs like an office suite's export, and, for tests, a "scanned"
PDF whose page has no text layer. The tests import this module to build their own fixtures.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import textwrap
import unicodedata
import zipfile
from pathlib import Path

from docx import Document
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
REPORTS = HERE / "reports"

# source file -> (output format, layout)
BUILDS: dict[str, tuple[str, str]] = {
    "2022-11-barcelona-keynote-living-lab.txt": ("docx", "paragraphs"),
    "2025-10-brussel-ai-verordening.txt": ("docx", "table"),
    "2022-06-tallinn-digitale-overheid.txt": ("pdf", "text"),
    "2023-09-hamburg-haven-drones.txt": ("pdf", "text"),
}

_PAGE_LINES = 60
_WRAP = 92


def _is_heading(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) > 8 and all(ch.isupper() for ch in letters)


def write_docx(path: Path, text: str, *, layout: str = "paragraphs") -> None:
    """A Word document: headings in bold and bullets as list paragraphs, or questions and answers in a table."""
    document = Document()
    # Fixed properties, so that rebuilding gives the same bytes (and the same content hash).
    document.core_properties.created = document.core_properties.modified = dt.datetime(2025, 1, 1)
    document.core_properties.author = "verslaghulp voorbeeld"
    lines = text.strip().split("\n")
    if layout == "table":
        document.add_paragraph(lines[0]).runs[0].bold = True
        table = document.add_table(rows=0, cols=2)
        for heading, answer in _sections(lines[1:]):
            row = table.add_row()
            row.cells[0].text = heading
            row.cells[1].text = answer
    else:
        for line in lines:
            if not line.strip():
                continue
            if _is_heading(line):
                run = document.add_paragraph().add_run(line.strip())
                run.bold = True
                run.font.size = Pt(12)
            elif line.startswith("- "):
                document.add_paragraph(line[2:].strip(), style="List Bullet")
            else:
                document.add_paragraph(line.strip())
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(_fixed_zip_times(buffer.getvalue()))


def _fixed_zip_times(data: bytes) -> bytes:
    """Rewrite a .docx (a zip) with fixed entry times: python-docx stamps the current time."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(zipfile.ZipInfo(item.filename, date_time=(2025, 1, 1, 0, 0, 0)), source.read(item))
    return out.getvalue()


def _sections(lines: list[str]) -> list[tuple[str, str]]:
    sections: list[tuple[str, list[str]]] = []
    for line in lines:
        if _is_heading(line):
            sections.append((line.strip(), []))
        elif sections:
            sections[-1][1].append(line)
    return [(heading, "\n".join(body).strip()) for heading, body in sections]


def _pdf_string(line: str) -> bytes:
    # WinAnsi (cp1252) covers Dutch; other letters lose their accent rather than the text its letters.
    safe = "".join(ch if ch.encode("cp1252", errors="ignore") else unicodedata.normalize("NFKD", ch)[0] for ch in line)
    raw = safe.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def pdf_bytes(text: str | None, *, scanned: bool = False) -> bytes:
    """A PDF with the text (wrapped, several pages if needed), or a page without text when `scanned`."""
    lines: list[str] = []
    for line in (text or "").split("\n"):
        lines.extend(textwrap.wrap(line, _WRAP) or [""])
    pages = [lines[i : i + _PAGE_LINES] for i in range(0, len(lines), _PAGE_LINES)] or [[]]
    streams: list[bytes] = []
    for page in pages:
        if scanned:
            # A grey rectangle stands in for a scanned image: ink on the page, but no text layer.
            streams.append(b"0.8 g 50 60 495 720 re f")
            continue
        parts = [b"BT /F1 10 Tf 12 TL 50 800 Td"]
        for line in page:
            parts.append((_pdf_string(line) + b" Tj T*") if line else b"T*")
        parts.append(b"ET")
        streams.append(b"\n".join(parts))

    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", b"<< /Type /Font /Subtype /Type1 "
                            b"/BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]  # fmt: skip
    kids = []
    for stream in streams:
        page_no = len(objects) + 1
        kids.append(f"{page_no} 0 R".encode())
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            f"/Contents {page_no + 1} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects[1] = b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(kids)

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def write_pdf(path: Path, text: str | None, *, scanned: bool = False) -> None:
    """Write `pdf_bytes` to a file."""
    path.write_bytes(pdf_bytes(text, scanned=scanned))


def main() -> int:
    """Rebuild every generated example document."""
    for name, (fmt, layout) in BUILDS.items():
        text = (SOURCES / name).read_text(encoding="utf-8")
        target = REPORTS / re.sub(r"\.txt$", f".{fmt}", name)
        if fmt == "docx":
            write_docx(target, text, layout=layout)
        else:
            write_pdf(target, text)
        print(f"{target.relative_to(HERE)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
