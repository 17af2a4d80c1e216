"""The page's offer to add back what an answer left out of its note lines."""

from __future__ import annotations

from verslaghulp.concepts.review import still_missing, with_missing
from verslaghulp.report.model import Answer, AnswerStatus, MissingFact, SupportLine, WrittenBy
from verslaghulp.ui.views import answer_html, follow_ups_markdown


def _answer(text: str) -> Answer:
    return Answer(
        question_id="vervolg",
        heading="ZIJN ER VERVOLGAFSPRAKEN? ZO JA, WELKE?",
        text=text,
        status=AnswerStatus.BEANTWOORD,
        written_by=WrittenBy.MODEL,
        support=[SupportLine(number=7, text="- vervolg: Anna stuurt het evaluatierapport voor 1 december")],
        missing=[MissingFact(text="1 december", line=7)],
    )


def test_a_missing_fact_is_added_back_as_its_line() -> None:
    answer = _answer("- Anna stuurt het evaluatierapport.")
    assert [m.text for m in still_missing(answer, answer.text)] == ["1 december"]
    added = with_missing(answer, answer.text)
    assert added == "- Anna stuurt het evaluatierapport.\n- Anna stuurt het evaluatierapport voor 1 december"
    assert not still_missing(answer, added)
    assert with_missing(answer, added) == added  # nothing is added twice


def test_prose_gets_the_line_in_brackets_and_an_edit_that_has_it_needs_nothing() -> None:
    answer = _answer("Anna stuurt het evaluatierapport.")
    assert with_missing(answer, answer.text).endswith("(Anna stuurt het evaluatierapport voor 1 december)")
    assert not still_missing(answer, "Anna stuurt het rapport voor 1 december.")


def test_the_page_lists_missing_facts_and_unused_lines() -> None:
    answer = _answer("- Anna stuurt het evaluatierapport.")
    assert "Niet overgenomen" in answer_html(10, answer) and "1 december" in answer_html(10, answer)
    text = follow_ups_markdown([answer], [SupportLine(number=12, text="hotel ver van het centrum")])
    assert "Niet gebruikt" in text and "12. hotel ver van het centrum" in text
