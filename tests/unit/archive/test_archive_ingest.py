"""Ingest: file types, bad input, idempotency, replacement, atomicity, reading back and deleting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from verslaghulp.archive import Archive, IngestStatus
from verslaghulp.archive.readers import read_document
from verslaghulp.archive.store import StoreError
from verslaghulp.report.model import Answer as DraftAnswer
from verslaghulp.report.model import AnswerStatus, DraftMeta, ReportDraft, WrittenBy
from verslaghulp.report.parse import parse_report

FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "archive"


@pytest.fixture
def folder(tmp_path: Path, docmaker: ModuleType, fixture_text: Callable[[str], str]) -> Path:
    """A user's folder: good reports in every format, and every kind of bad file."""
    root = tmp_path / "verslagen"
    (root / "2019").mkdir(parents=True)
    (root / "2019" / "lissabon.txt").write_text(fixture_text("layout_2019_compact.txt"), encoding="utf-8")
    (root / "antwerpen.md").write_text(fixture_text("layout_2019_long.txt"), encoding="utf-8")
    docmaker.write_docx(root / "kopenhagen.docx", fixture_text("layout_2025_wrapped.txt"))
    docmaker.write_pdf(
        root / "lissabon-kopie.pdf", fixture_text("layout_2019_long.txt").replace("4 personen", "5 personen")
    )
    (root / "cp1252.txt").write_bytes(fixture_text("layout_2019_compact.txt").replace("2019", "2018").encode("cp1252"))
    (root / "kapot.docx").write_bytes(b"PK\x03\x04 kapot")
    docmaker.write_pdf(root / "scan.pdf", None, scanned=True)
    (root / "leeg.txt").write_bytes(b"")
    (root / "enorm.txt").write_bytes(b"x" * 1_100_000)
    (root / "nieuwsbrief.txt").write_text("Nieuwsbrief VIAG\n\nDrie gemeenten bezochten de expo.", encoding="utf-8")
    (root / "foto.jpg").write_bytes(b"\xff\xd8")  # not a report type: skipped in folders
    (root / "~$kopenhagen.docx").write_bytes(b"lock")  # Word's lock file: skipped
    return root


def _by_name(outcomes: list) -> dict:  # type: ignore[type-arg]
    return {Path(o.source).name: o for o in outcomes}


def test_folder_ingest_reports_and_skips_bad_files(archive: Archive, folder: Path) -> None:
    seen: list[tuple[int, int]] = []
    summary = archive.ingest_paths([folder], progress=lambda o, done, total: seen.append((done, total)))
    outcomes = _by_name(summary.outcomes)
    assert set(outcomes) == {
        "lissabon.txt", "antwerpen.md", "kopenhagen.docx", "lissabon-kopie.pdf", "cp1252.txt", "kapot.docx",
        "scan.pdf", "leeg.txt", "enorm.txt", "nieuwsbrief.txt",
    }  # fmt: skip
    assert seen[-1] == (10, 10)
    for name in ("lissabon.txt", "antwerpen.md", "kopenhagen.docx", "lissabon-kopie.pdf", "cp1252.txt"):
        assert outcomes[name].status is IngestStatus.ADDED and outcomes[name].recognised, name
    assert "geen geldig Word-bestand" in outcomes["kapot.docx"].message
    assert "geen tekstlaag" in outcomes["scan.pdf"].message
    assert "leeg" in outcomes["leeg.txt"].message
    assert "te groot" in outcomes["enorm.txt"].message
    assert outcomes["nieuwsbrief.txt"].status is IngestStatus.ADDED
    assert outcomes["nieuwsbrief.txt"].recognised is False
    assert "Geen bekend formulier" in outcomes["nieuwsbrief.txt"].message
    assert summary.count(IngestStatus.FAILED) == 4
    reports = archive.list_reports()
    assert len(reports) == 6
    assert [r.recognised for r in reports].count(False) == 1


def test_every_answer_lands_under_its_question_in_txt_docx_and_pdf(archive: Archive, folder: Path) -> None:
    archive.ingest_paths([folder])
    for name, fixture in [
        ("lissabon.txt", "layout_2019_compact.txt"),
        ("kopenhagen.docx", "layout_2025_wrapped.txt"),
        ("lissabon-kopie.pdf", "layout_2019_long.txt"),
    ]:
        expected = parse_report((FIXTURES / fixture).read_text(encoding="utf-8").replace("4 personen", "5 personen"))
        stored = next(r for r in archive.list_reports() if r.source_name == name)
        report = archive.get_report(stored.report_id)
        assert report is not None
        assert [a.question_id for a in report.answers] == [a.question_id for a in expected.answers], name
        for answer in expected.answers:
            found = report.answer(answer.question_id)
            assert found is not None and _words(found.text) == _words(answer.text), (name, answer.question_id)


def _words(text: str) -> list[str]:
    """Compare answers across formats: a PDF wraps lines and Word turns "- " into list paragraphs."""
    return [w for w in text.split() if w not in {"-", "•"}]


def test_the_example_documents_parse_the_same_in_every_format() -> None:
    for generated in sorted((EXAMPLES / "reports").glob("*.[dp][od][cf]*")):
        source = EXAMPLES / "sources" / (generated.stem + ".txt")
        expected = parse_report(source.read_text(encoding="utf-8"))
        found = parse_report(read_document(generated, max_bytes=10**7, max_chars=10**6).text)
        assert found.form_id == expected.form_id, generated.name
        assert [(a.question_id, _words(a.text)) for a in found.answers] == [
            (a.question_id, _words(a.text)) for a in expected.answers
        ], generated.name


def test_ingest_is_idempotent(archive: Archive, folder: Path) -> None:
    archive.ingest_paths([folder])
    records = archive.store.count()
    again = archive.ingest_paths([folder])
    assert again.count(IngestStatus.ADDED) == 0
    assert again.count(IngestStatus.UNCHANGED) == 6
    assert archive.store.count() == records
    # The same bytes elsewhere are the same report.
    copy = folder.parent / "kopie.txt"
    copy.write_bytes((folder / "2019" / "lissabon.txt").read_bytes())
    assert archive.ingest_file(copy).status is IngestStatus.UNCHANGED


def test_a_changed_file_replaces_its_earlier_version(archive: Archive, folder: Path) -> None:
    path = folder / "2019" / "lissabon.txt"
    first = archive.ingest_file(path)
    path.write_text(path.read_text(encoding="utf-8").replace("Hamburg, 8 – 9 oktober", "Hamburg, 15 oktober"))
    second = archive.ingest_file(path)
    assert second.status is IngestStatus.REPLACED and second.report_id != first.report_id
    assert [r.report_id for r in archive.list_reports()] == [second.report_id]
    assert archive.get_report(first.report_id) is None
    report = archive.get_report(str(second.report_id))
    assert report is not None and report.answer("vervolg").text.endswith("Hamburg, 15 oktober")  # type: ignore[union-attr]


def test_a_failure_while_embedding_stores_nothing(
    archive: Archive, folder: Path, embedder: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(texts: object) -> object:
        raise RuntimeError("model crashed")

    monkeypatch.setattr(embedder, "passages", broken)
    outcome = archive.ingest_file(folder / "antwerpen.md")
    assert outcome.status is IngestStatus.FAILED and "er is niets bewaard" in outcome.message
    assert archive.store.count() == 0


def test_a_failure_half_way_through_the_write_stores_nothing(
    archive: Archive, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = archive.store
    real_add = store._add
    calls = []

    def add_then_fail(collection: Any, records: list) -> None:  # type: ignore[type-arg]
        calls.append(len(records))
        if len(calls) == 2:  # the chunks are written; the report record fails
            raise ConnectionError("server weg")
        real_add(collection, records)

    monkeypatch.setattr(store, "_add", add_then_fail)
    outcome = archive.ingest_file(folder / "antwerpen.md")
    assert outcome.status is IngestStatus.FAILED and "niets bewaard" in outcome.message
    assert store.count() == 0
    monkeypatch.undo()
    assert archive.ingest_file(folder / "antwerpen.md").status is IngestStatus.ADDED


def test_left_over_chunks_are_invisible_and_swept(
    archive: Archive, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = archive.store
    real_add = store._add

    def lose_report_record(collection: Any, records: list) -> None:  # type: ignore[type-arg]
        if records[0].metadata["kind"] == "report":
            raise StoreError("process killed")  # as if the process died: no clean-up ran
        real_add(collection, records)

    monkeypatch.setattr(store, "_add", lose_report_record)
    monkeypatch.setattr(store, "_discard", lambda report_id: None)
    archive.ingest_file(folder / "antwerpen.md")
    monkeypatch.undo()
    assert store.count() > 0
    assert archive.list_reports() == [] and archive.search("havenmeester Antwerpen") == []
    assert store.sweep_orphans(now=dt.datetime.now(dt.UTC).timestamp() + 3600) == 1
    assert store.count() == 0


def test_ingest_text_and_draft(archive: Archive, fixture_text: Callable[[str], str]) -> None:
    outcome = archive.ingest_text(fixture_text("layout_2019_long.txt"), name="concept-antwerpen")
    assert outcome.status is IngestStatus.ADDED and outcome.recognised
    summary = archive.list_reports()[0]
    assert summary.source_kind == "concept" and summary.cities == ["Antwerpen"] and summary.year == 2022
    assert archive.ingest_text("   ", name="leeg").status is IngestStatus.FAILED

    answers = [
        DraftAnswer(question_id=q, heading=h, text=t, status=AnswerStatus.BEANTWOORD, written_by=WrittenBy.CODE)
        for q, h, t in [
            ("personen", "HOEVEEL PERSONEN HEBBEN DE REIS GEMAAKT", "2 personen"),
            ("duur", "HOELANG DUURDE DE REIS?", "2 dagen: 3 en 4 maart 2025"),
            ("doel", "WAT WAS HET DOEL VAN DE REIS?", "Overleg in Gent over slimme verlichting."),
        ]
    ]
    draft = ReportDraft(
        meta=DraftMeta(form_id="denhaag-2025", form_title="Verslag buitenlandse dienstreis", model="nep"),
        answers=answers,
    )
    stored = archive.ingest_draft(draft, name="concept-gent")
    assert stored.status is IngestStatus.ADDED and stored.recognised
    report = archive.get_report(str(stored.report_id))
    assert report is not None and report.answer("doel").text == "Overleg in Gent over slimme verlichting."  # type: ignore[union-attr]
    assert report.cities == ["Gent"] and report.travellers == 2


def test_get_and_delete(archive: Archive, fixture_text: Callable[[str], str]) -> None:
    outcome = archive.ingest_text(fixture_text("layout_2025_wrapped.txt"), name="kopenhagen-2025")
    report_id = str(outcome.report_id)
    report = archive.get_report(report_id)
    assert report is not None and report.form_id == "denhaag-2025"
    assert [a.question_id for a in report.answers][:3] == ["personen", "duur", "vervoer"]
    assert "Malmö" in report.text
    assert archive.delete_report(report_id) is True
    assert archive.get_report(report_id) is None and archive.is_empty() and archive.store.count() == 0
    assert archive.delete_report(report_id) is False


def test_a_missing_path_is_reported(archive: Archive, tmp_path: Path) -> None:
    summary = archive.ingest_paths([tmp_path / "bestaat-niet"])
    assert summary.failed[0].message.endswith("bestaat niet.")


def test_generated_example_documents_match_their_sources(docmaker: ModuleType, tmp_path: Path) -> None:
    # Rebuilding gives the same bytes, so a source edited without rebuilding is caught here.
    for name, (fmt, layout) in docmaker.BUILDS.items():
        text = (EXAMPLES / "sources" / name).read_text(encoding="utf-8")
        target = tmp_path / name.replace(".txt", f".{fmt}")
        if fmt == "docx":
            docmaker.write_docx(target, text, layout=layout)
        else:
            docmaker.write_pdf(target, text)
        assert target.read_bytes() == (EXAMPLES / "reports" / target.name).read_bytes(), name
