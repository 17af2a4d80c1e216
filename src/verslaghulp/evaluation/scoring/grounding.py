"""Unsupported facts: how often drafts state what the notes do not, and whether any is left unmarked.

The product's promise is that no unsupported fact is ever presented as fact: it is flagged in place
(⟦…⟧) or removed. `unflagged_unsupported` checks that promise on the text the reader sees, by running
the grounding check again on each answer with the flagged stretches taken out, so a pipeline that
skips or mis-applies its own check is caught too.
"""

from __future__ import annotations

import re

from verslaghulp.evaluation.measures import Measure
from verslaghulp.facts.grounding import check_answer
from verslaghulp.facts.notes_index import build_index
from verslaghulp.facts.policy import MARK_CLOSE, MARK_OPEN
from verslaghulp.report.model import AnswerStatus, ReportDraft, WrittenBy

_FLAGGED = re.compile(re.escape(MARK_OPEN) + r".*?" + re.escape(MARK_CLOSE), re.S)
# The list of reasons that flag_text appends under a flagged answer is for the reader, not a claim.
_REASONS = re.compile(r"\n\s*\n\s*Controleer \(niet gevonden in de aantekeningen\):.*\Z", re.S)


def visible_claims(text: str) -> str:
    """The text of an answer without flagged stretches and without the appended list of reasons.

    Each flagged stretch becomes spaces of the same length, so the rest keeps its character spans.
    """
    text = _REASONS.sub("", text)
    return _FLAGGED.sub(lambda m: " " * len(m.group(0)), text)


def unsupported_fact_rate(draft: ReportDraft, notes: str) -> Measure:
    """Unsupported facts over all checked facts, as the draft's own grounding check found them.

    Measures how often the model (or code) wrote something the notes do not support, before the
    flag/remove policy; a draft without a grounding result is checked here instead.
    """
    grounding = draft.grounding
    if grounding is None or not grounding.answers:
        index = build_index(notes)
        answers = [
            check_answer(a.question_id, a.text, index, computed=a.computed, by_code=a.written_by is WrittenBy.CODE)
            for a in draft.answers
            if a.status is AnswerStatus.BEANTWOORD
        ]
    else:
        answers = list(grounding.answers)
    facts = sum(len(a.facts) for a in answers)
    bad = [u for a in answers for u in a.unsupported]
    return Measure.ratio(len(bad), facts, [f"{u.question_id}: {u.kind.value} {u.text!r}" for u in bad])


def unflagged_unsupported(draft: ReportDraft, notes: str) -> Measure:
    """How many unsupported facts the reader sees without a ⟦…⟧ mark (target: 0 in every case)."""
    index = build_index(notes)
    detail: list[str] = []
    for answer in draft.answers:
        if answer.status is not AnswerStatus.BEANTWOORD:
            continue
        checked = check_answer(
            answer.question_id,
            visible_claims(answer.text),
            index,
            computed=answer.computed,
            by_code=answer.written_by is WrittenBy.CODE,
        )
        detail += [f"{u.question_id}: {u.kind.value} {u.text!r} ({u.reason})" for u in checked.unsupported]
    return Measure.count(len(detail), detail)
