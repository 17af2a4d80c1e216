"""The same archive suite against embedded Chroma and a real `chroma run` server."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from verslaghulp.archive import Archive, IngestStatus, SearchFilters

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "archive" / "reports"
ArchiveFactory = Any  # conftest.ArchiveFactory: settings and archives for the mode under test


def test_example_archive_is_complete(loaded: Archive) -> None:
    reports = loaded.list_reports()
    assert len(reports) == len(list(EXAMPLES.iterdir())) >= 12
    assert {r.form_id for r in reports} == {"denhaag-2019", "denhaag-2025"}
    for summary in reports:
        report = loaded.get_report(summary.report_id)
        assert report is not None and report.recognised and report.answers, summary.source_name
        assert report.start is not None and report.cities, summary.source_name


def test_names_and_places_first(loaded: Archive) -> None:
    assert loaded.search("Bratislava")[0].report.source_name == "2025-09-bratislava-veiligheid-nachttrein.txt"
    assert loaded.search("Irish Aviation Authority")[0].report.source_name == "2023-03-dublin-drones.txt"
    hit = loaded.search("Stefan Gruber")[0]
    assert hit.report.source_name == "2024-05-wenen-drones-luchtruim.txt" and hit.answers[0].question_id == "ontmoet"


def test_the_issue_example_search(loaded: Archive) -> None:
    # verslaghulp search "drones" --van 2019 --tot 2025 --stad Wenen --thema drones
    filters = SearchFilters(year_from=2019, year_to=2025, city="Wenen", theme="drones")
    hits = loaded.search("drones", filters)
    assert [h.report.source_name for h in hits] == ["2024-05-wenen-drones-luchtruim.txt"]
    assert loaded.search("drones", filters.model_copy(update={"year_to": 2023})) == []


def test_ingest_is_idempotent_and_replaces_changed_files(factory: ArchiveFactory, tmp_path: Path) -> None:
    archive = factory.open()
    path = tmp_path / "verslag.txt"
    text = (EXAMPLES / "2023-03-dublin-drones.txt").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    first = archive.ingest_paths([tmp_path]).outcomes[0]
    assert first.status is IngestStatus.ADDED
    assert archive.ingest_paths([tmp_path]).outcomes[0].status is IngestStatus.UNCHANGED
    path.write_text(text.replace("Balbriggan", "Drogheda"), encoding="utf-8")
    second = archive.ingest_paths([tmp_path]).outcomes[0]
    assert second.status is IngestStatus.REPLACED
    assert [r.report_id for r in archive.list_reports()] == [second.report_id]
    assert archive.search("Drogheda")[0].report.report_id == second.report_id
    assert all(h.report.report_id != first.report_id for h in archive.search("Balbriggan"))
    assert archive.delete_report(str(second.report_id)) and archive.is_empty()


def test_reopening_sees_the_same_archive(factory: ArchiveFactory) -> None:
    name = f"heropenen-{factory.mode}"
    writer = factory.open(name)
    outcome = writer.ingest_file(EXAMPLES / "2019-10-helsinki-eurocities.md")
    reader = factory.open(name)  # a second client, as another process would have
    assert [r.report_id for r in reader.list_reports()] == [outcome.report_id]
    assert reader.search("Oodi")[0].report.report_id == outcome.report_id
    # A write through the other client is seen by this one's keyword index too.
    later = writer.ingest_file(EXAMPLES / "2018-06-londen-tech-week.txt")
    assert reader.search("Tobacco Dock")[0].report.report_id == later.report_id


def test_examples_can_be_removed(factory: ArchiveFactory) -> None:
    archive = factory.open()
    archive.ingest_file(EXAMPLES / "2020-02-brussel-europese-commissie.txt", source_key="voorbeeld:x", example=True)
    own = archive.ingest_file(EXAMPLES / "2021-10-antwerpen-slimme-zone.txt")
    assert len(archive.remove_examples()) == 1
    assert [r.report_id for r in archive.list_reports()] == [own.report_id]
    assert {h.report.report_id for h in archive.search("Europese Commissie")} == {own.report_id}
