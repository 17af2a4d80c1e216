"""The lines no signal placed: one schema-constrained call puts each under a question, or leaves it unused."""

from __future__ import annotations

import json
from typing import Any

import pytest
from pydantic import ValidationError

from verslaghulp.config import Settings
from verslaghulp.drafting import draft_report
from verslaghulp.drafting.model_routing import ROUTING_CALL, routing_schema
from verslaghulp.llm.fake import FakeChatModel, grounded_reply
from verslaghulp.report.forms import load_form
from verslaghulp.report.model import AnswerStatus
from verslaghulp.report.notes import NoteLine

# Lines 3 and 4 have no header, keyword or name a rule knows; without routing by meaning nothing places them.
NOTES = """Werkbezoek Lyon, 12 t/m 14 maart 2025, alleen
doel: overleg over slimme mobiliteit
wat we ervan meenemen: hun aanpak van deelscooters in de binnenstad
koffie was slecht
"""


def _routing(messages: Any, schema: dict[str, Any] | None) -> str:
    if schema and "toewijzing" in schema.get("properties", {}):
        return json.dumps({"toewijzing": [{"regel": 3, "vraag": "opbrengst"}, {"regel": 4, "vraag": "geen"}]})
    return grounded_reply(messages, schema)


def test_the_schema_admits_only_the_asked_lines_and_the_forms_questions() -> None:
    form = load_form("denhaag-2025")
    schema = routing_schema(list(form.questions), [NoteLine(number=3, text="a"), NoteLine(number=4, text="b")])
    ok = schema.model_validate({"toewijzing": [{"regel": 3, "vraag": "opbrengst"}, {"regel": 4, "vraag": "geen"}]})
    assert ok is not None
    for bad in (
        [{"regel": 5, "vraag": "opbrengst"}, {"regel": 4, "vraag": "geen"}],  # a line that was not asked
        [{"regel": 3, "vraag": "reiskosten"}, {"regel": 4, "vraag": "geen"}],  # a question the form lacks
        [{"regel": 3, "vraag": "opbrengst"}],  # one answer per asked line
    ):
        with pytest.raises(ValidationError):
            schema.model_validate({"toewijzing": bad})


def test_a_line_the_model_places_is_answered_and_one_it_leaves_is_listed_as_unused() -> None:
    model = FakeChatModel(responder=_routing)
    draft = draft_report(NOTES, load_form("denhaag-2025"), model, Settings(semantic_routing=False))
    opbrengst = draft.answer("opbrengst")
    assert opbrengst.status is AnswerStatus.BEANTWOORD and "deelscooters" in opbrengst.text
    assert [line.number for line in opbrengst.support] == [3]
    assert [line.number for line in draft.meta.unused_lines] == [4]
    assert [c.question_id for c in draft.meta.calls].count(ROUTING_CALL) == 1


def test_without_an_answer_that_validates_the_lines_stay_unused() -> None:
    # The grounded fake replies with plain text to the routing schema: the call fails and nothing moves.
    draft = draft_report(NOTES, load_form("denhaag-2025"), FakeChatModel(), Settings(semantic_routing=False))
    assert draft.answer("opbrengst").status is AnswerStatus.NIET_VERMELD
    assert [line.number for line in draft.meta.unused_lines] == [3, 4]


def test_routing_by_the_model_can_be_turned_off() -> None:
    model = FakeChatModel(responder=_routing)
    settings = Settings(semantic_routing=False, model_routing=False)
    draft = draft_report(NOTES, load_form("denhaag-2025"), model, settings)
    assert ROUTING_CALL not in [c.question_id for c in draft.meta.calls]
    assert draft.answer("opbrengst").status is AnswerStatus.NIET_VERMELD


def test_a_placement_the_line_router_does_not_rank_near_is_not_taken() -> None:
    # The model puts a remark about the coffee under the agreements; the line router ranks that line
    # nowhere near "vervolg", so the second opinion is not used and the line stays listed as unused.
    def responder(messages: Any, schema: dict[str, Any] | None) -> str:
        if schema and "toewijzing" in schema.get("properties", {}):
            asked = [int(n) for n in str(messages[-1].content).rsplit("Regels:", 1)[1].split(",")]
            return json.dumps({"toewijzing": [{"regel": n, "vraag": "vervolg"} for n in asked]})
        return grounded_reply(messages, schema)

    notes = "Werkbezoek Lyon, 12 t/m 14 maart 2025, alleen\ndoel: overleg over slimme mobiliteit\nkoffie was slecht\n"
    draft = draft_report(notes, load_form("denhaag-2025"), FakeChatModel(responder=responder), Settings())
    assert ROUTING_CALL in [c.question_id for c in draft.meta.calls]  # the line was asked about
    assert draft.answer("vervolg").status is AnswerStatus.NIET_VERMELD
    assert 3 in [line.number for line in draft.meta.unused_lines]
