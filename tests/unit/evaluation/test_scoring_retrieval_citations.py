from __future__ import annotations

import pytest

from verslaghulp.evaluation.runners.summaries import SummaryOutput, run_summary_case, word_budget
from verslaghulp.evaluation.scoring.citations import (
    CitedSentence,
    citation_coverage,
    citation_scores,
    coverage_complete,
    split_citations,
)
from verslaghulp.evaluation.scoring.retrieval import answer_hit, first_hit, recall_at_k, reciprocal_rank
from verslaghulp.evaluation.sets import SummaryRequest


def test_retrieval_scores() -> None:
    ranked = ["a.txt", "b.txt", "c.txt", "d.txt"]
    assert recall_at_k(ranked, ["b.txt", "d.txt"], k=3).value == 0.5
    assert reciprocal_rank(ranked, ["c.txt", "d.txt"]).value == pytest.approx(1 / 3)
    assert reciprocal_rank(ranked, ["x.txt"]).value == 0.0
    assert first_hit(ranked, ["a.txt"], "name").value == 1.0
    assert first_hit(ranked, ["b.txt"], "place").value == 0.0
    assert first_hit(ranked, ["b.txt"], "topic").value is None
    hit = answer_hit({"a.txt": ["ontmoet", "doel"]}, {"a.txt": ["ontmoet"], "b.txt": ["vervolg"]})
    assert (hit.num, hit.den) == (1, 2)


REPORTS = {
    "dublin.txt": "Ciara Byrne – programmamanager Smart Dublin. Declan Moore geeft in juni een toelichting.",
    "wenen.txt": "Stefan Gruber – coördinator luchtmobiliteit bij de stad Wenen. Concept voor september 2024.",
}


def test_split_citations_maps_marks_to_reports() -> None:
    text = (
        "In Dublin sprak Den Haag met Ciara Byrne [1]. In Wenen volgt een concept in september 2024 [1, 2].\n- Los punt"
    )
    sentences = split_citations(text, {1: "dublin.txt", 2: "wenen.txt"})
    assert sentences[0] == CitedSentence("In Dublin sprak Den Haag met Ciara Byrne .", ("dublin.txt",))
    assert sentences[1].sources == ("dublin.txt", "wenen.txt")
    assert sentences[2].sources == ()


def test_citation_precision_checks_facts_against_the_cited_reports_only() -> None:
    good = CitedSentence("Declan Moore geeft in juni een toelichting.", ("dublin.txt",))
    wrong_report = CitedSentence("Stefan Gruber schrijft een concept.", ("dublin.txt",))
    wrong_number = CitedSentence("Het concept volgt in september 2025.", ("wenen.txt",))
    unknown = CitedSentence("Ciara Byrne werkt bij Smart Dublin.", ("tokio.txt",))
    uncited = CitedSentence("Declan Moore komt naar Den Haag.", ())
    precision, uncited_rate = citation_scores([good, wrong_report, wrong_number, unknown, uncited], REPORTS)
    assert (precision.num, precision.den) == (1, 4)
    assert any("Stefan Gruber" in d for d in precision.detail)
    assert any("unknown report tokio.txt" in d for d in precision.detail)
    assert uncited_rate.num == 1


def test_coverage_scores() -> None:
    assert citation_coverage({"a", "b"}, ["a", "c"]).value == 0.5
    assert coverage_complete(["a", "b", "c"], ["a"], ["b"]).detail == ["silently dropped: c"]
    assert coverage_complete(["a", "b"], ["a"], ["b"]).value == 1.0


def test_word_budget_ignores_citation_marks() -> None:
    assert word_budget("een twee drie [1] [2, 3]", (3, 3)).value == 1.0
    assert word_budget("een", (2, 5)).value == 0.0
    assert word_budget("een", None).value is None


def test_a_summary_case_end_to_end_with_a_stub_summariser() -> None:
    request = SummaryRequest(id="r", request="drones", style="vraag", must_cite=["dublin.txt", "wenen.txt"],
                             must_contain=["Ciara Byrne"])  # fmt: skip
    text = "Den Haag sprak in Dublin met Ciara Byrne [1]."
    output = SummaryOutput(text=text, sources={1: "dublin.txt"}, selected=["dublin.txt", "wenen.txt"])
    result = run_summary_case(request, summarise=lambda _: output, reports=REPORTS)
    assert result.value("citation_precision") == 1.0
    assert result.value("citation_coverage") == 0.5
    assert result.value("fact_recall") == 1.0
    assert result.value("coverage_complete") == 0.0


def test_an_empty_selection_must_come_with_a_message() -> None:
    request = SummaryRequest(id="leeg", request="Tokio", style="vraag", expect_empty=True)

    def refuse(_: SummaryRequest) -> SummaryOutput:
        raise LookupError("Geen verslagen gevonden voor deze vraag.")

    assert run_summary_case(request, summarise=refuse, reports=REPORTS).value("empty_handled") == 1.0
    silent = run_summary_case(request, summarise=lambda _: SummaryOutput(text=""), reports=REPORTS)
    assert silent.value("empty_handled") == 0.0
