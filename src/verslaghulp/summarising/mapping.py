"""The map step: per report, the sentences relevant to the request, each tied to its report by code.

Code decides where it can see the answer: when sentences of a report name the request's topic, those
are the facts; when the request names no topic, the filters made every report relevant and the
sentences answering the question asked (else purpose, yield, follow-up) are. Only a report selected
by its theme without naming the topic goes to the model, which reads the report's candidate
sentences, numbered and best first, and answers with numbers from a closed list, possibly none:
then the report is not about the request.
Either way the facts are the report's own sentences, verbatim, so each carries its report id and
question by construction and nothing is reworded before the writing step.
"""

from __future__ import annotations

import time
from typing import Any

from verslaghulp.archive.models import StoredReport
from verslaghulp.llm.port import ChatModel
from verslaghulp.summarising.calls import call_model
from verslaghulp.summarising.models import SelectedReport
from verslaghulp.summarising.passages import candidate_facts, mentions_topic
from verslaghulp.summarising.prompting import SummaryPrompts
from verslaghulp.summarising.request_terms import RequestTerms
from verslaghulp.summarising.result import Fact, MappedReport, ModelCallRecord
from verslaghulp.summarising.schemas import pick_budget, pick_model

NOT_RELEVANT = "niet relevant voor de vraag: het verslag bevat geen zinnen die erover gaan"
NOT_FOUND = "staat niet meer in het archief"


FILL_QUESTIONS = frozenset({"opbrengst", "vervolg"})  # what a trip yielded and what was agreed


def map_report(
    report: SelectedReport,
    stored: StoredReport | None,
    *,
    number: int,
    request: str,
    terms: RequestTerms,
    limit: int,
    candidates: int,
    always_ask: bool = False,
    fill: bool = False,
    model: ChatModel,
    prompts: SummaryPrompts,
    calls: list[ModelCallRecord],
) -> MappedReport:
    """The facts of one report that help answer the request (at most `limit`), or why there are none.

    `always_ask` makes the model judge every report, also those whose sentences name the topic.
    `fill` (styles with a minimum length) adds, after the sentences that name the topic, the report's
    best sentences on what the request asks (else on what the trip yielded), up to `limit`.
    """
    started = time.perf_counter()
    if stored is None:
        return MappedReport(report=report, number=number, left_out=NOT_FOUND)
    found = candidate_facts(stored, terms, candidates)
    mapped = MappedReport(report=report, number=number, instructions_ignored=found.instructions)
    named = [f for f in found.facts if mentions_topic(f, terms)]
    if not always_ask and not terms.topics:
        # No topic: the filters made every report relevant; the best-ranked sentences answer the question.
        return _done(mapped, found.facts[:limit], started)
    if not always_ask and named:
        return _done(mapped, _with_context(named, found.facts, terms, limit, fill=fill), started)
    if not found.facts:
        return _done(mapped, [], started)
    value = call_model(
        model,
        prompts.pick_messages(request, report, found.facts, limit),
        pick_model(len(found.facts), limit),
        max_tokens=pick_budget(limit),
        step=f"selecteren:{report.source_name}",
        calls=calls,
    )
    if value is None:  # unusable output: code's own ranking decides
        picked = [f.model_copy(update={"picked_by": "code"}) for f in found.facts[:limit]]
    else:
        numbers: list[Any] = list(dict.fromkeys(getattr(value, "nummers", [])))
        picked = [found.facts[int(n) - 1].model_copy(update={"picked_by": "model"}) for n in numbers]
    chosen = {f.text for f in picked}
    extra = [f for f in named if f.text not in chosen]
    return _done(mapped, (picked + extra)[:limit], started)


def _with_context(
    named: list[Fact], ranked: list[Fact], terms: RequestTerms, limit: int, *, fill: bool = False
) -> list[Fact]:
    """The sentences that name the topic; with only one (or with `fill`), also sentences answering the question.

    The report was selected for the topic, so its sentences on what the request asks about (by
    default what the trip yielded and what was agreed) belong to the answer even where they do not
    repeat the topic's words.
    """
    facts = named[:limit]
    asked = terms.questions or (FILL_QUESTIONS if fill else set())
    answering = [f for f in ranked if f not in facts and f.question_id in asked]
    if fill:
        return facts + answering[: limit - len(facts)]
    if len(facts) == 1 and answering:
        facts.append(answering[0])
    return facts


def _done(mapped: MappedReport, facts: list[Fact], started: float) -> MappedReport:
    return mapped.model_copy(
        update={
            "facts": facts,
            "left_out": "" if facts else NOT_RELEVANT,
            "seconds": round(time.perf_counter() - started, 3),
        }
    )
