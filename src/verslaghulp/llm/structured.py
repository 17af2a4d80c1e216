"""Schema-enforced output from a LangChain chat model, with token counts and timings: the adapters' structured call.

Every backend constrains generation to the JSON schema itself (a llama.cpp grammar, Ollama's
`format`); nothing here parses JSON out of free prose.
"""

from __future__ import annotations

import time
from typing import Any, TypeVar, cast

from langchain_core.language_models import BaseChatModel, LanguageModelInput
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.runnables import Runnable, RunnableLambda
from pydantic import BaseModel, ValidationError

from verslaghulp.llm.port import CallStats, StructuredOutputError, StructuredResult

T = TypeVar("T", bound=BaseModel)


class JsonSchemaOutputMixin:
    """`with_structured_output` for chat models that accept an OpenAI-style `response_format`."""

    def with_structured_output(
        self, schema: Any, *, include_raw: bool = False, **kwargs: Any
    ) -> Runnable[LanguageModelInput, Any]:
        """Bind the schema as a generation constraint and validate the result with pydantic."""
        model = cast(BaseChatModel, self)
        if not (isinstance(schema, type) and issubclass(schema, BaseModel)):
            raise TypeError("schema must be a pydantic model class")
        pydantic_schema = schema
        bind_kwargs: dict[str, Any] = {"response_format": {"type": "json_object", "schema": compact_schema(schema)}}
        if "max_tokens" in kwargs:
            bind_kwargs["max_tokens"] = kwargs["max_tokens"]
        bound = model.bind(**bind_kwargs)

        def parse(message: BaseMessage) -> BaseModel:
            return pydantic_schema.model_validate_json(str(message.content))

        def parse_with_raw(message: BaseMessage) -> dict[str, Any]:
            try:
                return {"raw": message, "parsed": parse(message), "parsing_error": None}
            except ValidationError as exc:
                return {"raw": message, "parsed": None, "parsing_error": exc}

        return bound | RunnableLambda(parse_with_raw if include_raw else parse)

    def structured(
        self, messages: list[BaseMessage], schema: type[T], *, max_tokens: int | None = None
    ) -> StructuredResult[T]:
        """The port's structured call; `max_tokens` caps this call's generation."""
        options: dict[str, Any] = {"max_tokens": max_tokens} if max_tokens else {}
        return structured_call(cast(BaseChatModel, self), messages, schema, **options)


def compact_schema(schema: type[BaseModel]) -> dict[str, Any]:
    """The JSON schema without titles and descriptions: they only cost grammar states and tokens."""

    def strip(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: strip(v) for k, v in node.items() if k not in ("title", "description")}
        if isinstance(node, list):
            return [strip(v) for v in node]
        return node

    return cast(dict[str, Any], strip(schema.model_json_schema()))


def structured_call(
    model: BaseChatModel, messages: list[BaseMessage], schema: type[T], **options: Any
) -> StructuredResult[T]:
    """One schema-enforced call of a LangChain chat model, as the adapters make it.

    `options` go to the model's `with_structured_output` (the in-process models and the
    OpenAI-compatible one take `max_tokens` there).
    """
    started = time.perf_counter()
    runnable = model.with_structured_output(schema, method="json_schema", include_raw=True, **options)
    out = runnable.invoke(messages)
    elapsed = time.perf_counter() - started
    if not isinstance(out, dict) or out.get("parsed") is None:
        error = out.get("parsing_error") if isinstance(out, dict) else None
        raw_message = out.get("raw") if isinstance(out, dict) else None
        stats = call_stats(raw_message, elapsed) if isinstance(raw_message, AIMessage) else None
        raise StructuredOutputError(f"model output did not match the schema: {error}", stats)
    raw = out["raw"]
    return StructuredResult(value=cast(T, out["parsed"]), stats=call_stats(raw, elapsed))


def call_stats(message: AIMessage, elapsed: float) -> CallStats:
    """Read token counts and timings from a message's usage and response metadata."""
    usage: dict[str, Any] = dict(message.usage_metadata or {})
    meta = message.response_metadata or {}
    prompt_tokens = int(usage.get("input_tokens", 0))
    # Ollama reports durations in nanoseconds; the embedded model reports seconds directly.
    prompt_seconds = meta.get("prompt_seconds", meta.get("prompt_eval_duration", 0) / 1e9)
    generation_seconds = meta.get("generation_seconds", meta.get("eval_duration", 0) / 1e9)
    return CallStats(
        prompt_tokens=prompt_tokens,
        evaluated_prompt_tokens=int(meta.get("evaluated_prompt_tokens", meta.get("prompt_eval_count", prompt_tokens))),
        completion_tokens=int(usage.get("output_tokens", 0)),
        prompt_seconds=float(prompt_seconds),
        generation_seconds=float(generation_seconds),
        total_seconds=elapsed,
    )
