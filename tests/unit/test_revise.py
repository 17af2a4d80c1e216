"""Re-drafting one question from the official's reply to its follow-up question (fake model)."""

from __future__ import annotations

import pytest

from verslaghulp.config import Settings
from verslaghulp.drafting import DraftError, draft_report
from verslaghulp.drafting.revise import notes_with_reply, reply_block, revise_answer
from verslaghulp.llm.fake import FakeChatModel
from verslaghulp.report.forms import load_form
from verslaghulp.report.model import AnswerStatus, WrittenBy
from verslaghulp.report.notes import NotesError

NOTES = """Gent 3 t/m 4 juni 2025, alleen gereisd
met de trein heen en terug
doel: overleg open data
gesproken: Els Peeters - CDO Gent
"""


@pytest.fixture
def settings() -> Settings:
    return Settings(backend="fake")


def test_the_reply_is_a_labelled_line_that_relevance_links_to_the_question() -> None:
    form = load_form("denhaag-2025")
    assert reply_block(form.question("vervolg"), "  in september   terugkoppelen ") == (
        "vervolg (aanvulling): in september terugkoppelen"
    )
    assert reply_block(form.question("ontmoet"), "Jan Smit - CIO\n\n- Piet Jansen - CTO") == (
        "ontmoet (aanvulling):\n- Jan Smit - CIO\n- Piet Jansen - CTO"
    )
    assert notes_with_reply("a\nb\n\n", form.question("vervolg"), "x").endswith("a\nb\n\nvervolg (aanvulling): x\n")


def test_revising_answers_only_that_question_from_the_reply(settings: Settings) -> None:
    form = load_form("denhaag-2025")
    draft = draft_report(NOTES, form, FakeChatModel(), settings)
    assert draft.answer("vervolg").status is AnswerStatus.NIET_VERMELD
    model = FakeChatModel()
    revision = revise_answer(draft, NOTES, form, "vervolg", "afgesproken: Gent deelt in september hun datamodel", model,
                             settings)  # fmt: skip
    answer = revision.answer
    assert answer.status is AnswerStatus.BEANTWOORD and answer.written_by is WrittenBy.MODEL
    assert "datamodel" in answer.text
    assert answer.support[-1].number == len(revision.notes.strip().splitlines()) - 1  # blank line not numbered
    assert answer.grounding is not None and not answer.grounding.unsupported
    assert revision.draft.answer("vervolg") == answer
    others = [a for a in revision.draft.answers if a.question_id != "vervolg"]
    assert others == [a for a in draft.answers if a.question_id != "vervolg"]
    assert len(model.calls) == 1  # one question, one call
    assert draft.answer("vervolg").status is AnswerStatus.NIET_VERMELD  # the input draft is unchanged
    assert revision.notes.startswith(NOTES.rstrip())


def test_code_questions_are_recomputed_from_the_reply(settings: Settings) -> None:
    form = load_form("denhaag-2025")
    notes = "Gent, overleg open data\nmet de trein\n"
    draft = draft_report(notes, form, FakeChatModel(), settings)
    assert draft.answer("duur").status is AnswerStatus.NIET_VERMELD
    revision = revise_answer(draft, notes, form, "duur", "3 t/m 4 juni 2025", FakeChatModel(), settings)
    assert revision.answer.written_by is WrittenBy.CODE
    assert "juni 2025" in revision.answer.text


def test_an_empty_reply_or_unknown_question_is_refused(settings: Settings) -> None:
    form = load_form("denhaag-2025")
    draft = draft_report(NOTES, form, FakeChatModel(), settings)
    with pytest.raises(NotesError, match="Vul eerst"):
        revise_answer(draft, NOTES, form, "vervolg", "  \n ", FakeChatModel(), settings)
    with pytest.raises(DraftError, match="geen vraag"):
        revise_answer(draft, NOTES, form, "bestaat_niet", "x", FakeChatModel(), settings)


def test_a_failing_model_raises_a_dutch_error(settings: Settings) -> None:
    form = load_form("denhaag-2025")
    draft = draft_report(NOTES, form, FakeChatModel(), settings)
    broken = FakeChatModel(error=ConnectionError("verbinding geweigerd"))
    with pytest.raises(DraftError, match="niet bereikbaar"):
        revise_answer(draft, NOTES, form, "vervolg", "vervolgoverleg in mei", broken, settings)


def test_a_reply_on_transport_re_derives_the_answers_that_rest_on_it(settings: Settings) -> None:
    # Without transport in the notes the 8-hours answer asks; after "vliegtuig naar Parijs" it must
    # follow, and so must the kilometres, without a model call.
    form = load_form("denhaag-2025")
    notes = "Parijs 3 t/m 4 juni 2025, alleen gereisd\ndoel: overleg open data\n"
    draft = draft_report(notes, form, FakeChatModel(), settings)
    assert draft.answer("vliegtuig_toelichting").status is AnswerStatus.NIET_VERMELD
    model = FakeChatModel()
    reply = "vliegtuig Schiphol - Parijs v.v., 400 km per vlucht"
    revision = revise_answer(draft, notes, form, "vervoer", reply, model, settings)
    assert revision.answer.text.startswith("Vliegtuig")
    rule = revision.draft.answer("vliegtuig_toelichting")
    assert rule.follow_up and "Parijs" in rule.follow_up  # flown under 8 hours by train: the reason is asked
    km = revision.draft.answer("kilometers_co2")
    assert km.status is AnswerStatus.BEANTWOORD and km.text.startswith("800 km met vliegtuig"), km.text
    assert model.calls == []  # code answers only
