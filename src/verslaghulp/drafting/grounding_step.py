"""Check each answer against the notes as it is produced, and apply the unsupported-fact policy.

An unsupported fact is never presented as fact: it is flagged in place (⟦…⟧ with the reason) or
its sentence is removed, as the settings say. An answer left empty becomes "niet vermeld".
"""

from __future__ import annotations

from verslaghulp.config import UnsupportedFactPolicy
from verslaghulp.facts.grounding import check_answer
from verslaghulp.facts.notes_index import NotesIndex
from verslaghulp.facts.policy import flag_text, remove_text
from verslaghulp.report.forms import Question
from verslaghulp.report.model import NOT_MENTIONED_TEXT, Answer, AnswerStatus, WrittenBy


def ground_answer(answer: Answer, question: Question, index: NotesIndex, policy: UnsupportedFactPolicy) -> Answer:
    """The answer with its grounding check attached and the policy applied to unsupported facts."""
    if answer.status is AnswerStatus.NIET_VERMELD:
        return answer
    checked = check_answer(
        answer.question_id,
        answer.text,
        index,
        computed=answer.computed,
        by_code=answer.written_by is WrittenBy.CODE,
        context=question.heading,
    )
    grounded = answer.model_copy(update={"grounding": checked})
    if not checked.unsupported:
        return grounded
    if policy is UnsupportedFactPolicy.FLAG:
        text = flag_text(answer.text, checked.unsupported)
    else:
        text = remove_text(answer.text, checked.unsupported)
    if not text.strip():
        return grounded.model_copy(
            update={
                "text": NOT_MENTIONED_TEXT,
                "status": AnswerStatus.NIET_VERMELD,
                "original_text": answer.text,
                "follow_up": question.follow_up,
            }
        )
    return grounded.model_copy(update={"text": text, "original_text": answer.text})
