import pytest

from verslaghulp.report.notes import NotesError, decode_notes, parse_notes
from verslaghulp.report.upload import read_notes_upload


def test_lines_are_numbered_without_blank_lines_and_whitespace_is_normalised() -> None:
    notes = parse_notes("Wenen  27-29 april\n\n\n  - mee: Jan\r\nterug   di\n")
    assert [(ln.number, ln.text) for ln in notes.lines] == [
        (1, "Wenen 27-29 april"),
        (2, "- mee: Jan"),
        (3, "terug di"),
    ]
    assert notes.numbered().splitlines()[1] == "2. - mee: Jan"


@pytest.mark.parametrize("text", ["", "   \n\t\n", "--- ... ---\n***"])
def test_empty_notes_are_refused_in_dutch(text: str) -> None:
    with pytest.raises(NotesError, match="aantekeningen"):
        parse_notes(text)


def test_overlong_notes_are_refused_not_truncated() -> None:
    with pytest.raises(NotesError, match="te lang"):
        parse_notes("regel\n" * 20_000, max_chars=10_000)


def test_utf8_with_bom_and_cp1252_are_decoded() -> None:
    assert decode_notes("\ufeffcafé in Zürich".encode()) == "café in Zürich"
    assert decode_notes("café – Zürich “quote”".encode("cp1252")) == "café – Zürich “quote”"


def test_utf16_with_bom_is_decoded() -> None:
    assert decode_notes("Wenen, één dag".encode("utf-16")) == "Wenen, één dag"


@pytest.mark.parametrize("data", [bytes(range(256)) * 4, b"\x00\x01\x02binary\x00" * 50, b"\x89PNG\r\n\x1a\n\x00\x00"])
def test_binary_garbage_is_refused(data: bytes) -> None:
    with pytest.raises(NotesError, match="geen leesbare tekst"):
        decode_notes(data)


def test_upload_of_unknown_type_or_empty_file_is_refused() -> None:
    with pytest.raises(NotesError, match="niet ondersteund"):
        read_notes_upload("foto.jpg", b"abc")
    with pytest.raises(NotesError, match="leeg"):
        read_notes_upload("notes.txt", b"  \n")


def test_corrupt_docx_is_refused_with_a_message() -> None:
    with pytest.raises(NotesError, match="beschadigd"):
        read_notes_upload("notes.docx", b"PK\x03\x04 not really a zip")


def test_docx_upload_is_read(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from docx import Document

    doc = Document()
    doc.add_paragraph("Wenen 27-29 april")
    doc.add_paragraph("mee: Fatima")
    path = tmp_path / "n.docx"
    doc.save(str(path))
    assert read_notes_upload("n.docx", path.read_bytes()).splitlines() == ["Wenen 27-29 april", "mee: Fatima"]


def test_docx_upload_keeps_tables_in_document_order(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from docx import Document

    doc = Document()
    doc.add_paragraph("Dag 1")
    table = doc.add_table(rows=2, cols=2)
    for row, (left, right) in zip(table.rows, [("wie", "Anna Smit"), ("waar", "Gent")], strict=True):
        row.cells[0].text, row.cells[1].text = left, right
    doc.add_paragraph("Dag 2")
    path = tmp_path / "n.docx"
    doc.save(str(path))
    lines = read_notes_upload("n.docx", path.read_bytes()).splitlines()
    assert lines == ["Dag 1", "wie | Anna Smit", "waar | Gent", "Dag 2"]
