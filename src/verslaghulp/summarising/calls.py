"""One place that calls the model for the summaries: schema enforced, statistics recorded, errors in Dutch."""

from __future__ import annotations

from typing import TypeVar

from langchain_core.messages import BaseMessage
from pydantic import BaseModel

from verslaghulp.llm.port import ChatModel, StructuredOutputError
from verslaghulp.summarising.result import ModelCallRecord

T = TypeVar("T", bound=BaseModel)


class SummaryError(RuntimeError):
    """A summary could not be made; the message is Dutch and meant for the user. Nothing was written."""


def call_model(
    model: ChatModel,
    messages: list[BaseMessage],
    schema: type[T],
    *,
    max_tokens: int,
    step: str,
    calls: list[ModelCallRecord],
) -> T | None:
    """The model's answer in the schema, or None when its output did not fit the schema.

    Every call is recorded in `calls`. A model that cannot be reached raises SummaryError: then no
    summary can be made, where a single unusable answer only costs that answer (callers fall back).
    """
    try:
        result = model.structured(messages, schema, max_tokens=max_tokens)
    except StructuredOutputError:
        calls.append(ModelCallRecord(step=step, prompt_tokens=0, evaluated_prompt_tokens=0, completion_tokens=0,
                                     seconds=0.0, failed=True))  # fmt: skip
        return None
    except Exception as exc:
        raise SummaryError(f"Het taalmodel is niet bereikbaar of gaf een fout: {exc}") from exc
    stats = result.stats
    calls.append(
        ModelCallRecord(
            step=step,
            prompt_tokens=stats.prompt_tokens,
            evaluated_prompt_tokens=stats.evaluated_prompt_tokens,
            completion_tokens=stats.completion_tokens,
            seconds=round(stats.total_seconds, 3),
        )
    )
    return result.value
