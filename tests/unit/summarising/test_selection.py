import pytest

from verslaghulp.archive.models import SearchFilters
from verslaghulp.summarising import SelectionError, SummaryRequest, select_reports
from verslaghulp.summarising.request_terms import analyse_request, request_years

from .conftest import MemoryArchive


def names(selection) -> list[str]:
    return [r.source_name for r in selection.reports]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("smart city reizen in 2019-2025", (2019, 2025)),
        ("alle dienstreizen in 2021", (2021, 2021)),
        ("tussen 2019 en 2022", (2019, 2022)),
        ("sinds 2022", (2022, 2100)),
        ("over drones", None),
    ],
)
def test_the_period_is_read_from_the_request(text: str, years: tuple[int, int] | None) -> None:
    assert request_years(text) == years


def test_genre_words_are_not_topics() -> None:
    terms = analyse_request(
        "Schrijf een nieuwsbericht voor de VIAG-nieuwsbrief over wat we leerden over digitale tweelingen"
    )
    assert [t.phrase for t in terms.topics] == ["digitale tweelingen"]
    assert terms.themes == ["digitale tweeling"]
    assert analyse_request("Geef een jaaroverzicht van alle dienstreizen in 2021").topics == []


def test_a_topic_selects_the_reports_about_it_and_says_why(archive: MemoryArchive) -> None:
    selection = select_reports(SummaryRequest(text="Wat leverden de reizen over drones op?"), archive)
    assert names(selection) == ["2023-03-dublin.txt", "2024-05-wenen.txt"]  # oldest trip first
    assert all("thema 'drones'" in r.reasons for r in selection.reports)
    assert {p.source_name for p in selection.passed_over} == {"2025-02-madrid.txt", "2025-10-brussel.txt"}
    assert all("drones" in p.reason for p in selection.passed_over)


def test_a_request_without_topic_selects_every_report_in_the_period(archive: MemoryArchive) -> None:
    selection = select_reports(SummaryRequest(text="Geef een jaaroverzicht van alle dienstreizen in 2025"), archive)
    assert names(selection) == ["2025-02-madrid.txt", "2025-10-brussel.txt"]
    assert selection.criteria == ["periode 2025 (uit de vraag)"]


def test_explicit_filters_win_over_the_period_in_the_request(archive: MemoryArchive) -> None:
    request = SummaryRequest(text="reizen in 2025", filters=SearchFilters(year_from=2023, year_to=2024))
    assert names(select_reports(request, archive)) == ["2023-03-dublin.txt", "2024-05-wenen.txt"]


def test_a_place_in_the_request_restricts_the_destination(archive: MemoryArchive) -> None:
    assert names(select_reports(SummaryRequest(text="Wat leverde de reis naar Wenen op?"), archive)) == [
        "2024-05-wenen.txt"
    ]


def test_nothing_selected_gives_a_clear_dutch_message(archive: MemoryArchive) -> None:
    selection = select_reports(SummaryRequest(text="Wat heeft de dienstreis naar Tokio opgeleverd?"), archive)
    assert selection.empty
    assert "Geen verslagen gevonden" in selection.message and "Tokio" in selection.message
    assert "niets geschreven" in selection.message
    about = select_reports(SummaryRequest(text="Wat leerden we over blockchain?"), archive)
    assert about.empty and "onderwerp" in about.message and "blockchain" in about.message


def test_the_user_drops_and_adds_reports_by_id_or_file_name(archive: MemoryArchive) -> None:
    request = SummaryRequest(
        text="Wat leverden de reizen over drones op?", exclude=["cccc3333"], include=["2025-02-madrid.txt"]
    )
    selection = select_reports(request, archive)
    assert names(selection) == ["2024-05-wenen.txt", "2025-02-madrid.txt"]
    madrid = selection.reports[1]
    assert madrid.added_by_user and madrid.reasons == ["door u toegevoegd"]
    assert any(p.source_name == "2023-03-dublin.txt" and p.reason == "door u weggelaten" for p in selection.passed_over)


def test_an_unknown_report_id_is_a_clear_error(archive: MemoryArchive) -> None:
    with pytest.raises(SelectionError, match="komt in het archief niet voor"):
        select_reports(SummaryRequest(text="drones", include=["bestaat-niet"]), archive)


@pytest.mark.parametrize(
    "request_text",
    [
        "Zet de vervolgafspraken uit de dienstreizen van 2024 op een rijtje",
        "Breng in kaart wat de reizen van 2023 hebben opgeleverd",
        "Som de afspraken van 2025 op, in het kort",
        "Noem de werkbezoeken van 2022 op hoofdlijnen",
    ],
)
def test_the_words_of_the_task_name_no_topic(request_text: str) -> None:
    # A request that only asks for a list of a period's trips selects by the period, not by "rij" or "kaart".
    terms = analyse_request(request_text)
    assert terms.topics == [], [t.phrase for t in terms.topics]
    assert terms.years is not None


@pytest.mark.parametrize(
    ("request_text", "subjects"),
    [
        ("Schrijf een nieuwsbericht over drones boven de stad voor de VIAG-nieuwsbrief", ["drones boven de stad"]),
        ("Een stukje over AI in de publieke dienstverlening", ["AI in de publieke dienstverlening"]),
        ("Nieuwsbericht over open data en digitale tweelingen in 2019-2025", ["open data", "digitale tweelingen"]),
        ("Wat leverden de reizen naar de Smart City Expo door de jaren heen op?", ["Smart City Expo"]),
    ],
)
def test_the_subjects_are_the_request_s_own_phrases(request_text: str, subjects: list[str]) -> None:
    # For the title and the lead: one phrase over its function words, in the request's spelling.
    assert analyse_request(request_text).subjects == subjects
