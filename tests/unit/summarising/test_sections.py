"""The news item's plan: sections by theme across reports, repeats dropped, openings varied."""

from __future__ import annotations

from verslaghulp.summarising.models import SelectedReport
from verslaghulp.summarising.result import Block, CitedSentence, Fact, MappedReport
from verslaghulp.summarising.sections import NEXT, drop_repeats, opening, plan_sections, vary_openers


def mapped(number: int, city: str, themes: list[str], facts: list[tuple[str, str]]) -> MappedReport:
    report = SelectedReport(report_id=f"r{number}", source_name=f"{number}.txt", title=city, cities=[city],
                            themes=themes)  # fmt: skip
    found = [Fact(report_id=f"r{number}", question_id=q, heading="", text=t) for q, t in facts]
    return MappedReport(report=report, number=number, facts=found)


TRIPS = [
    mapped(1, "Dublin", ["drones", "veiligheid"], [
        ("opbrengst", "Dublin inspecteert bruggen met drones en deelt de vluchtdata als open data."),
        ("opbrengst", "De politie van Dublin gebruikt drones bij crowdmanagement op evenementen."),
        ("vervolg", "Dublin stuurt in mei het inspectieprotocol."),
    ]),
    mapped(2, "Hamburg", ["drones", "data"], [
        ("opbrengst", "Hamburg koppelt de dronebeelden aan het dataplatform van de haven."),
        ("opbrengst", "De haven van Hamburg deelt sensordata met de stad."),
        ("vervolg", "Met Hamburg volgt in juni een werksessie."),
    ]),
    mapped(3, "Wenen", ["drones", "veiligheid"], [
        ("opbrengst", "Wenen zet drones in voor de veiligheid bij grote evenementen."),
    ]),
]  # fmt: skip


def test_sections_combine_several_reports_by_theme_and_end_with_what_was_agreed() -> None:
    sections = plan_sections(TRIPS, ["drones"])  # the request's own theme is not a section
    headings = [s.heading for s in sections]
    assert headings[-1] == NEXT and set(sections[-1].reports) == {1, 2}
    assert 2 <= len(sections) <= 4 and "Drones" not in headings
    themed = [s for s in sections if s.theme]
    assert themed and all(len(s.reports) >= 2 for s in themed)
    assert sorted(f.text for s in sections for _, f in s.facts) == sorted(f.text for m in TRIPS for f in m.facts)


def test_a_sentence_that_repeats_an_earlier_one_in_other_words_is_dropped() -> None:
    first = CitedSentence(text="Dublin inspecteert bruggen met drones.", sources=[1])
    again = CitedSentence(text="Met drones inspecteert Dublin de bruggen.", sources=[1])
    other = CitedSentence(text="Hamburg koppelt dronebeelden aan het dataplatform.", sources=[2])
    blocks = drop_repeats([Block(kind="alinea", sentences=[first]), Block(kind="alinea", sentences=[again, other])])
    assert [s.text for b in blocks for s in b.sentences] == [first.text, other.text]


def test_no_two_sections_open_with_the_same_words_when_another_sentence_can_open() -> None:
    def block(*texts: str) -> Block:
        return Block(kind="alinea", sentences=[CitedSentence(text=t, sources=[1]) for t in texts])

    out = vary_openers([block("In Dublin vliegen drones.", "Bruggen worden geïnspecteerd."),
                        block("In Dublin werkt de politie met drones.", "De politie deelt beelden.")])  # fmt: skip
    assert opening(out[0].sentences[0]) != opening(out[1].sentences[0])
    assert out[1].sentences[0].text == "De politie deelt beelden."


def test_a_plan_with_one_theme_only_still_has_two_distinct_subheadings() -> None:
    one = [
        mapped(1, "Parijs", ["ai"], [("opbrengst", "Parijs zet een chatbot in voor vragen van inwoners."),
                                     ("opbrengst", "Parijs publiceert zijn algoritmes in een register.")]),
        mapped(2, "Brussel", ["ai"], [("opbrengst", "De AI-verordening vraagt een register van algoritmes."),
                                      ("opbrengst", "Brussel toetst elk algoritme vooraf.")]),
    ]  # fmt: skip
    sections = plan_sections(one, ["ai"])
    assert len(sections) == 2 and len({s.heading for s in sections}) == 2
    assert [s.reports for s in sections] == [[1], [2]]
