"""Reading .txt, .md, .docx and .pdf files, and the Dutch messages for files that cannot be used."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from docx import Document

from verslaghulp.archive.readers import DocumentError, read_bytes, read_document

LIMITS = {"max_bytes": 1_000_000, "max_chars": 50_000}


def test_utf8_text_and_bom(tmp_path: Path) -> None:
    path = tmp_path / "verslag.txt"
    path.write_bytes("\ufeffWenen – Zürich".encode())
    document = read_document(path, **LIMITS)
    assert document.text == "Wenen – Zürich" and document.kind == "txt" and len(document.content_hash) == 64


def test_cp1252_text(tmp_path: Path) -> None:
    path = tmp_path / "oud.txt"
    path.write_bytes("Overleg in Brussel – café, één dag".encode("cp1252"))
    assert read_document(path, **LIMITS).text == "Overleg in Brussel – café, één dag"


def test_utf16_text(tmp_path: Path) -> None:
    path = tmp_path / "word-export.txt"
    path.write_bytes("Verslag Kopenhagen".encode("utf-16"))
    assert read_document(path, **LIMITS).text == "Verslag Kopenhagen"


@pytest.mark.parametrize("content", [b"", b"   \n\n  "])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "leeg.txt"
    path.write_bytes(content)
    with pytest.raises(DocumentError, match="is leeg"):
        read_document(path, **LIMITS)


def test_binary_file_with_text_extension(tmp_path: Path) -> None:
    path = tmp_path / "foto.txt"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(DocumentError, match="geen leesbare tekst"):
        read_document(path, **LIMITS)


def test_file_too_big(tmp_path: Path) -> None:
    path = tmp_path / "groot.txt"
    path.write_bytes(b"a" * 2_000_001)
    with pytest.raises(DocumentError, match=r"te groot \(2\.0 MB; maximaal 1 MB\)"):
        read_document(path, **LIMITS)


def test_text_too_long() -> None:
    with pytest.raises(DocumentError, match=r"te lang \(60\.000 tekens; maximaal 50\.000\)"):
        read_bytes("lang.txt", b"x" * 60_000, max_chars=50_000)


@pytest.mark.parametrize(("name", "message"), [("oud.doc", r"\.doc.*\.docx"), ("plaatje.png", "niet ondersteund")])
def test_unsupported_types(tmp_path: Path, name: str, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"data")
    with pytest.raises(DocumentError, match=message):
        read_document(path, **LIMITS)


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("VERSLAG BUITENLANDSE DIENSTREIS")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "HOELANG DUURDE DE REIS?"
    table.rows[0].cells[1].text = "2 dagen"
    document.add_paragraph("Na de tabel")
    path = tmp_path / "verslag.docx"
    document.save(str(path))
    text = read_document(path, **LIMITS).text
    lines = [line for line in text.split("\n") if line]
    assert lines == ["VERSLAG BUITENLANDSE DIENSTREIS", "HOELANG DUURDE DE REIS?", "2 dagen", "Na de tabel"]


def test_corrupt_docx(tmp_path: Path) -> None:
    path = tmp_path / "kapot.docx"
    path.write_bytes(b"PK\x03\x04 dit is geen zip")
    with pytest.raises(DocumentError, match="geen geldig Word-bestand"):
        read_document(path, **LIMITS)


def test_pdf_with_text(tmp_path: Path, docmaker: ModuleType) -> None:
    path = tmp_path / "verslag.pdf"
    docmaker.write_pdf(path, "WAT WAS HET DOEL VAN DE REIS?\nOverleg in Zürich (Zwitserland) – één dag")
    text = read_document(path, **LIMITS).text
    assert "WAT WAS HET DOEL VAN DE REIS?" in text
    assert "Overleg in Zürich (Zwitserland) – één dag" in text


def test_scanned_pdf_without_text_layer(tmp_path: Path, docmaker: ModuleType) -> None:
    path = tmp_path / "scan.pdf"
    docmaker.write_pdf(path, None, scanned=True)
    with pytest.raises(DocumentError, match="geen tekstlaag"):
        read_document(path, **LIMITS)


@pytest.mark.parametrize("content", [b"%PDF-1.4\nniet meer dan dit", b"geen pdf"])
def test_corrupt_pdf(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "kapot.pdf"
    path.write_bytes(content)
    with pytest.raises(DocumentError, match="geen geldige pdf"):
        read_document(path, **LIMITS)
