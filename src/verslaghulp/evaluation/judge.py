"""The optional LLM judge of fluency (off by default; `--judge`).

Local models make unreliable judges, so nothing gates on this by default: it is a second opinion
on the Dutch of the model-written answers, next to the deterministic Dutch-language rate. The
verdict is schema-constrained (a grade of 1-5 and a short reason), never parsed from free text; an
answer whose verdict does not validate is left out rather than guessed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

from langchain_core.messages import HumanMessage
from pydantic import BaseModel, Field

from verslaghulp.evaluation.measures import Measure
from verslaghulp.llm.port import ChatModel, StructuredOutputError
from verslaghulp.llm.prompts import Prompt, load_prompt
from verslaghulp.report.model import AnswerStatus, ReportDraft, WrittenBy

PROMPTS_DIR = Path(__file__).resolve().parent / "prompts"


class FluencyVerdict(BaseModel):
    """The judge's grade for one answer."""

    cijfer: Annotated[int, Field(ge=1, le=5)]
    reden: str = Field(min_length=1, max_length=200)


def judge_prompt() -> Prompt:
    """The judge's prompt file (versioned like the drafting prompts)."""
    return load_prompt("judge-fluency", PROMPTS_DIR)


def fluency_judge(model: ChatModel) -> Callable[[ReportDraft], Measure]:
    """A scorer that grades every model-written answer of a draft; its value is the mean grade (1-5)."""
    prompt = judge_prompt()

    def judge(draft: ReportDraft) -> Measure:
        grades: list[int] = []
        detail: list[str] = [f"judge {prompt.ref}"]
        for answer in draft.answers:
            if answer.written_by is not WrittenBy.MODEL or answer.status is not AnswerStatus.BEANTWOORD:
                continue
            message = HumanMessage(content=prompt.render(heading=answer.heading, answer=answer.text))
            try:
                verdict = model.structured([message], FluencyVerdict, max_tokens=120).value
            except StructuredOutputError:
                detail.append(f"{answer.question_id}: no valid verdict")
                continue
            grades.append(verdict.cijfer)
            if verdict.cijfer <= 3:
                detail.append(f"{answer.question_id}: {verdict.cijfer} ({verdict.reden})")
        if not grades:
            return Measure.absent("no model-written answers graded")
        return Measure(value=sum(grades) / len(grades), num=sum(grades), den=len(grades), detail=detail)

    return judge
