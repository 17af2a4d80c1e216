"""The real embedded path end to end with the tiny real model under grammar-constrained output."""

from __future__ import annotations

import pytest

from tests.conftest import EXAMPLES
from verslaghulp.config import Settings
from verslaghulp.drafting import draft_report
from verslaghulp.drafting.prompting import ListAnswer, TextAnswer
from verslaghulp.llm.embedded import EmbeddedChatModel
from verslaghulp.report.forms import load_form
from verslaghulp.report.model import AnswerStatus, ReportDraft
from verslaghulp.report.render import to_json, to_markdown

pytestmark = pytest.mark.real_model

NOTES = """Wenen CGCC 27 t/m 29 april 2025, mee: Fatima Bakker
heen vlucht KLM, terug trein
doel: bijeenkomst Council of Global City CIOs over AI in dienstverlening
gesproken: Lena Gruber - CIO Wenen
geleerd: Wenen gebruikt een digitale tweeling voor hittekaarten
afspraak: Dublin stuurt in juni hun drone-beleid
"""


def test_grammar_constrained_output_is_always_valid_json(tiny_model: EmbeddedChatModel) -> None:
    from langchain_core.messages import HumanMessage, SystemMessage

    messages = [
        SystemMessage(content="Antwoord in JSON."),
        HumanMessage(content="1. doel: overleg in Gent\nVraag: doel?"),
    ]
    for schema in (TextAnswer, ListAnswer):
        result = tiny_model.structured(messages, schema)
        assert isinstance(result.value, schema)
        assert result.stats.prompt_tokens > 0 and result.stats.completion_tokens > 0


def test_draft_from_notes_end_to_end(tiny_model: EmbeddedChatModel, tiny_settings: Settings) -> None:
    form = load_form("denhaag-2025")
    draft = draft_report(NOTES, form, tiny_model, tiny_settings)
    assert [a.question_id for a in draft.answers] == [q.id for q in form.questions]
    assert draft.answer("personen").text == "2 personen"
    assert draft.answer("duur").text.startswith("3 dagen")
    assert draft.answer("doel").status is AnswerStatus.BEANTWOORD
    assert draft.meta.model == "embedded:smollm2-135m"
    assert draft.meta.calls and all(c.completion_tokens > 0 for c in draft.meta.calls)
    # Round trip through the renderers.
    assert ReportDraft.model_validate_json(to_json(draft)) == draft
    markdown = to_markdown(draft)
    for question in form.questions:
        assert f"## {question.heading}" in markdown


def test_notes_are_evaluated_once_and_the_prefix_is_reused(
    tiny_model: EmbeddedChatModel, tiny_settings: Settings
) -> None:
    form = load_form("denhaag-2025")
    first = draft_report(NOTES, form, tiny_model, tiny_settings)
    second = draft_report(
        NOTES.replace("Fatima Bakker", "Fatima Bakker en Joost Mulder"), form, tiny_model, tiny_settings
    )
    for draft in (first, second):
        calls = draft.meta.calls
        # After the first call of a draft only the question part is new: far fewer tokens evaluated.
        assert all(c.evaluated_prompt_tokens < c.prompt_tokens / 2 for c in calls[1:])
    # The second draft reuses the shared instructions evaluated by the first.
    assert second.meta.calls[0].evaluated_prompt_tokens < second.meta.calls[0].prompt_tokens * 0.8


def test_a_repeated_request_is_answered_from_the_cache(tiny_model: EmbeddedChatModel) -> None:
    from langchain_core.messages import HumanMessage, SystemMessage

    messages = [
        SystemMessage(content="Antwoord in JSON."),
        HumanMessage(content="1. doel: werkbezoek Lyon\nVraag: doel?"),
    ]
    first = tiny_model.structured(messages, TextAnswer, max_tokens=60)
    again = tiny_model.structured(messages, TextAnswer, max_tokens=60)
    assert again.value == first.value
    assert first.stats.completion_tokens > 0 and first.stats.evaluated_prompt_tokens > 0
    assert again.stats.completion_tokens == 0 and again.stats.evaluated_prompt_tokens == 0
    assert again.stats.prompt_tokens == first.stats.prompt_tokens
    # Any difference in the request (here the token limit) is a new call.
    other = tiny_model.structured(messages, TextAnswer, max_tokens=61)
    assert other.stats.completion_tokens > 0


def test_priming_evaluates_the_instructions_before_the_first_draft(
    tiny_model: EmbeddedChatModel, tiny_settings: Settings
) -> None:
    from langchain_core.messages import HumanMessage

    from verslaghulp.drafting.priming import prime_drafting

    tiny_model.invoke([HumanMessage(content="iets anders")], max_tokens=4)  # another prefix in the cache
    primed = prime_drafting(tiny_model, tiny_settings)
    assert primed > 300  # the instructions, evaluated now
    assert prime_drafting(tiny_model, tiny_settings) <= 1  # already in the cache
    draft = draft_report(NOTES.replace("Lena", "Lena Maria"), load_form("denhaag-2025"), tiny_model, tiny_settings)
    first = draft.meta.calls[0]
    # The first call of the draft reads only the notes and its question.
    assert first.evaluated_prompt_tokens <= first.prompt_tokens - primed + 2


@pytest.mark.parametrize("path", sorted((EXAMPLES / "notes").glob("*.txt")), ids=lambda p: p.stem)
def test_every_example_notes_file_drafts(path, tiny_model: EmbeddedChatModel, tiny_settings: Settings) -> None:  # type: ignore[no-untyped-def]
    form = load_form("denhaag-2019" if "2021" in path.stem or "2019" in path.stem else "denhaag-2025")
    draft = draft_report(path.read_text(encoding="utf-8"), form, tiny_model, tiny_settings)
    assert len(draft.answers) == len(form.questions)
    for answer in draft.answers:
        assert answer.text.strip()
        # Every unanswered question asks a follow-up (an answered one may still ask for a missing detail).
        if answer.status is AnswerStatus.NIET_VERMELD:
            assert answer.follow_up


def test_the_model_fallback_with_a_real_model_is_verified_or_rejected(
    tiny_model: EmbeddedChatModel, tiny_settings: Settings
) -> None:
    # Code reads no count, period or transport here, so the real model is asked. Whatever the tiny
    # model answers (it reads poorly), an answer is only ever given with the line that holds it.
    from verslaghulp.drafting.fact_fallback import CHECKED
    from verslaghulp.report.model import WrittenBy

    notes = (
        "Werkbezoek Lyon\nDaan reed en Femke de Groot navigeerde; zelf sliep ik de hele weg\n"
        "we vertrokken op de twaalfde\n"
    )
    draft = draft_report(notes, load_form("denhaag-2025"), tiny_model, tiny_settings)
    asked = {c.question_id for c in draft.meta.calls} & {"personen", "duur", "vervoer"}
    assert asked, "the model was not asked for the facts code could not read"
    for qid in ("personen", "duur", "vervoer"):
        answer = draft.answer(qid)
        if answer.status is AnswerStatus.BEANTWOORD:
            assert answer.written_by is WrittenBy.CODE
            assert answer.computed and answer.support
            if qid in asked:
                assert answer.computed[0].label == CHECKED


def test_the_routing_call_validates_under_the_grammar(tiny_model: EmbeddedChatModel, tiny_settings: Settings) -> None:
    from verslaghulp.drafting.model_routing import route_by_model
    from verslaghulp.llm.port import CallStats
    from verslaghulp.report.notes import parse_notes

    notes = parse_notes(NOTES + "wat we ervan meenemen: hun aanpak van deelscooters\nkoffie was slecht\n")
    asked = notes.lines[-2:]
    form = load_form("denhaag-2025")
    calls: list[CallStats] = []
    placed = route_by_model(list(form.questions), asked, notes, tiny_model, "Antwoord in JSON.",
                            tiny_settings.resolved_prompts_dir(), calls.append)  # fmt: skip
    assert len(calls) == 1 and calls[0].completion_tokens > 0
    # The grammar admits only the asked lines and the form's questions: the reply always validates.
    from langchain_core.messages import HumanMessage

    from verslaghulp.drafting.model_routing import routing_schema

    schema = routing_schema(list(form.questions), asked)
    reply = tiny_model.structured([HumanMessage(content=notes.numbered())], schema, max_tokens=120)
    assert len(reply.value.toewijzing) == 2  # type: ignore[attr-defined]
    assert set(placed) <= {q.id for q in form.questions}
    assert all(line in asked for chosen in placed.values() for line in chosen)
