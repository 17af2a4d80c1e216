"""Search: keyword hits for names and places, filters, grouping per report; the example archive."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from verslaghulp.archive import Archive, IngestStatus, ReportHit, ReportSummary, SearchFilters
from verslaghulp.archive.keyword import KeywordIndex
from verslaghulp.archive.search import relevant


@pytest.fixture
def three(archive: Archive, fixture_text: Callable[[str], str]) -> Archive:
    for name in ("layout_2019_compact.txt", "layout_2019_long.txt", "layout_2025_wrapped.txt"):
        outcome = archive.ingest_text(fixture_text(name), name=name, kind="txt")
        assert outcome.status is IngestStatus.ADDED
    return archive


def _titles(archive: Archive, query: str, filters: SearchFilters | None = None) -> list[str]:
    return [hit.report.title for hit in archive.search(query, filters)]


def test_names_and_places_are_found_by_keyword(three: Archive) -> None:
    hit = three.search("Klaus Fischer")[0]
    assert hit.report.title == "Dienstreis Lissabon, april 2019"
    assert hit.answers[0].question_id == "ontmoet" and hit.answers[0].keyword == 1.0
    assert _titles(three, "Malmö")[0] == "Dienstreis Kopenhagen en Malmö, mei 2025"
    assert _titles(three, "havenmeester")[0] == "Dienstreis Antwerpen, november 2022"


def test_results_are_grouped_per_report_with_snippets(three: Archive) -> None:
    hits = three.search("Wat heeft de reis opgeleverd?")
    assert len({h.report.report_id for h in hits}) == len(hits) == 3
    for hit in hits:
        assert 1 <= len(hit.answers) <= 3
        assert hit.answers[0].question_id == "opbrengst"  # the answer to the question asked comes first
        rest = [a.score for a in hit.answers[1:]]
        assert rest == sorted(rest, reverse=True)
        assert hit.score >= max(a.score for a in hit.answers)  # a report scores its best meaning and keyword
        assert all(a.snippet and len(a.snippet) <= 260 for a in hit.answers)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_meaning_without_shared_words(three: Archive) -> None:
    hit = three.search("regenwater opvangen in groene parken")[0]
    assert hit.report.cities == ["Kopenhagen", "Malmö"]


def test_year_filters(three: Archive) -> None:
    assert _titles(three, "reis", SearchFilters(year_from=2020, year_to=2023)) == [
        "Dienstreis Antwerpen, november 2022"
    ]
    assert len(_titles(three, "reis", SearchFilters(year_to=2022))) == 2
    assert _titles(three, "reis", SearchFilters(year_from=2026)) == []


def test_city_filter_accepts_other_spellings(three: Archive) -> None:
    assert _titles(three, "reis", SearchFilters(city="Lisbon")) == ["Dienstreis Lissabon, april 2019"]
    assert _titles(three, "reis", SearchFilters(country="Zweden")) == ["Dienstreis Kopenhagen en Malmö, mei 2025"]
    # A place that is not a destination tag filters on the text instead.
    assert _titles(three, "reis", SearchFilters(city="Noordzee")) == ["Dienstreis Kopenhagen en Malmö, mei 2025"]


def test_theme_filter(three: Archive) -> None:
    reports = three.list_reports()
    for theme in {t for r in reports for t in r.themes}:
        expected = {r.title for r in reports if theme in r.themes}
        assert set(_titles(three, "reis", SearchFilters(theme=theme))) == expected, theme
    assert "Dienstreis Kopenhagen en Malmö, mei 2025" in _titles(three, "reis", SearchFilters(theme="klimaat"))
    assert set(_titles(three, "reis", SearchFilters(theme="hackathon"))) == {"Dienstreis Lissabon, april 2019"}
    assert _titles(three, "reis", SearchFilters(theme="ruimtevaart")) == []


def test_question_and_form_filters(three: Archive) -> None:
    hits = three.search("trein", SearchFilters(question_ids=["vervoer"]))
    assert [h.report.form_id for h in hits] == ["denhaag-2025"]
    assert all(a.question_id == "vervoer" for h in hits for a in h.answers)
    assert len(three.list_reports(SearchFilters(form_id="denhaag-2019"))) == 2


def test_list_reports_newest_first(three: Archive) -> None:
    assert [r.year for r in three.list_reports()] == [2025, 2022, 2019]


def test_empty_query_and_empty_archive(archive: Archive) -> None:
    assert archive.search("drones") == []
    assert archive.search("   ") == []


def test_example_archive_first_run_and_removal(archive: Archive) -> None:
    summary = archive.load_examples_if_empty()
    assert summary is not None and summary.count(IngestStatus.ADDED) >= 12 and not summary.failed
    reports = archive.list_reports()
    assert all(r.example for r in reports)
    assert {r.form_id for r in reports} == {"denhaag-2019", "denhaag-2025"}
    assert {r.source_kind for r in reports} >= {"txt", "md", "docx", "pdf"}
    assert min(r.year or 0 for r in reports) == 2018 and max(r.year or 0 for r in reports) == 2025
    assert archive.load_examples_if_empty() is None  # not empty any more
    assert archive.load_examples().count(IngestStatus.UNCHANGED) == len(reports)  # reloading never duplicates

    user = archive.ingest_text("HOEVEEL PERSONEN HEBBEN DE REIS GEMAAKT\n1\nHOELANG DUURDE DE REIS?\n"
                               "1 dag\nWAT WAS HET DOEL VAN DE REIS?\nOverleg", name="eigen")  # fmt: skip
    removed = archive.remove_examples()
    assert len(removed) == len(reports)
    assert [r.report_id for r in archive.list_reports()] == [user.report_id]
    assert archive.delete_report(str(user.report_id))
    assert archive.load_examples_if_empty() is None  # removed on purpose: not loaded again
    assert archive.load_examples().count(IngestStatus.ADDED) == len(reports)


def test_own_writes_update_the_keyword_index_in_place(
    three: Archive, fixture_text: Callable[[str], str], monkeypatch: pytest.MonkeyPatch
) -> None:
    three.search("opwarmen")  # the index is built once
    builds: list[str] = []
    real_build = KeywordIndex.build
    monkeypatch.setattr(
        KeywordIndex,
        "build",
        lambda self, entries, revision: builds.append(revision) or real_build(self, entries, revision),
    )
    extra = fixture_text("layout_2019_compact.txt").replace("Klaus Fischer", "Greta Vogel")
    added = three.ingest_text(extra, name="extra", kind="txt")
    assert three.search("Greta Vogel")[0].report.report_id == added.report_id
    three.delete_report(str(added.report_id))
    assert all(h.report.report_id != added.report_id for h in three.search("Greta Vogel"))
    assert builds == []  # no full rebuild for our own writes

    other = Archive.open(three.settings, embedder=None)  # another process, as far as the index knows
    later = other.ingest_text(extra.replace("Greta Vogel", "Hanna Roth"), name="ander", kind="txt")
    assert three.search("Hanna Roth")[0].report.report_id == later.report_id
    assert len(builds) == 1  # the other writer's change made this archive rebuild


@pytest.mark.parametrize(
    ("overfetch", "chroma_filters"),
    [(1000, False), (4, True)],  # all neighbours seen and tested in Python / too few pass: Chroma filters
)
def test_filtered_search_tests_unfiltered_neighbours_unless_too_few_pass(
    three: Archive, monkeypatch: pytest.MonkeyPatch, overfetch: int, chroma_filters: bool
) -> None:
    import verslaghulp.archive.search as search_module

    wheres: list[object] = []
    query = three.store.query

    def spy(vector: object, n_results: int, where: object = None) -> object:
        wheres.append(where)
        return query(vector, n_results, where)  # type: ignore[arg-type]

    monkeypatch.setattr(three.store, "query", spy)
    monkeypatch.setattr(search_module, "OVERFETCH", overfetch)
    monkeypatch.setattr(search_module, "MIN_FILTERED", 3)
    filters = SearchFilters(year_from=2020, year_to=2023)
    assert _titles(three, "reis", filters) == ["Dienstreis Antwerpen, november 2022"]
    assert wheres[0] is None  # the first query is always unfiltered
    assert (wheres[-1] is not None) is chroma_filters
    hits = three.search("Wat heeft de reis opgeleverd?", SearchFilters(question_ids=["opbrengst"]))
    assert hits and all(a.question_id == "opbrengst" for h in hits for a in h.answers)


def _hit(score: float, name: str = "r") -> ReportHit:
    summary = ReportSummary(report_id=name, title=name, source_name=name, source_kind="txt", form_id=None,
                            recognised=True, ingested_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC))  # fmt: skip
    return ReportHit(report=summary, score=score, answers=[])


def test_only_reports_close_to_the_best_are_relevant() -> None:
    hits = [_hit(0.97, "a"), _hit(0.93, "b"), _hit(0.86, "c"), _hit(0.85, "d")]
    assert [h.report.report_id for h in relevant(hits, 0.05)] == ["a", "b"]
    assert [h.report.report_id for h in relevant(hits, 0.12)] == ["a", "b", "c", "d"]
    assert [h.report.report_id for h in relevant(hits)] == ["a", "b"]  # RELEVANT_WITHIN
    assert relevant([]) == []
    # A prefix of the ranking: cutting before or after taking the first results gives the same.
    for limit in range(1, 5):
        assert relevant(hits[:limit], 0.05) == relevant(hits, 0.05)[:limit]


def test_a_place_finds_its_reports_not_ten_around_the_same_score(archive: Archive) -> None:
    archive.load_examples()
    hits = archive.search("Bratislava", limit=10)
    assert [h.report.source_name for h in hits] == ["2025-09-bratislava-veiligheid-nachttrein.txt"]
    assert len(archive.search("Wat heeft de reis naar Barcelona opgeleverd?", limit=10)) < 10
    # Within chosen reports (how the summaries score their selection) every chosen report comes back.
    chosen = [r.report_id for r in archive.list_reports()][:6]
    assert len(archive.search("Bratislava", SearchFilters(report_ids=chosen), limit=6)) == 6
