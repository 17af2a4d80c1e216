"""A deterministic fake chat model for fast unit tests of the logic around the model.

Without queued replies it answers schema-constrained requests by copying the note lines the
prompt lists under "Regels:", so a pipeline test sees grounded, predictable answers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import Field

from verslaghulp.llm.structured import JsonSchemaOutputMixin

Responder = Callable[[list[BaseMessage], dict[str, Any] | None], str]

_LINE_REFS = re.compile(r"^Regels:\n(?P<refs>(?:\d+\. .*\n?)+)", re.MULTILINE)
_NUMBERED = re.compile(r"^(?P<n>\d+)\. (?P<text>.*)$", re.MULTILINE)


class FakeChatModel(JsonSchemaOutputMixin, BaseChatModel):
    """Replies from a queue, a responder function, or the grounded default; records every call."""

    replies: list[str] = Field(default_factory=list)
    responder: Responder | None = None
    error: Exception | None = None
    calls: list[list[BaseMessage]] = Field(default_factory=list)
    model_name: str = "fake"

    @property
    def _llm_type(self) -> str:
        return "fake"

    # --- the model port (llm/port.py); the structured call is JsonSchemaOutputMixin's ---

    def label(self) -> str:
        """Backend and model: "fake:" and the name it was given."""
        return f"fake:{self.model_name}"

    def context_size(self, configured: int) -> int:
        """The configured window: the fake has none of its own, so tests choose it through the settings."""
        return configured

    def prime(self, messages: list[BaseMessage], marker: str) -> int:
        """Nothing to prime: the fake evaluates nothing."""
        return 0

    def count_tokens(self, text: str) -> int:
        """A whitespace token count: deterministic and close enough for context checks in tests."""
        return len(text.split())

    def prompt_tokens(self, messages: list[BaseMessage]) -> int:
        """Token estimate of a chat prompt."""
        return sum(self.count_tokens(str(m.content)) + 4 for m in messages)

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        self.calls.append(list(messages))
        if self.error is not None:
            raise self.error
        response_format = kwargs.get("response_format")
        schema = response_format.get("schema") if isinstance(response_format, dict) else None
        if self.replies:
            content = self.replies.pop(0)
        elif self.responder is not None:
            content = self.responder(messages, schema)
        else:
            content = grounded_reply(messages, schema)
        prompt_tokens = self.prompt_tokens(messages)
        message = AIMessage(
            content=content,
            usage_metadata={
                "input_tokens": prompt_tokens,
                "output_tokens": self.count_tokens(content),
                "total_tokens": prompt_tokens + self.count_tokens(content),
            },
            response_metadata={"model_name": self.model_name, "evaluated_prompt_tokens": prompt_tokens},
        )
        return ChatResult(generations=[ChatGeneration(message=message)])


def grounded_reply(messages: list[BaseMessage], schema: dict[str, Any] | None) -> str:
    """Copy the referenced note lines into whichever field the schema asks for."""
    last = str(messages[-1].content)
    lines = {int(m["n"]): m["text"] for m in _NUMBERED.finditer(last)}
    refs_match = list(_LINE_REFS.finditer(last))
    refs = [int(r) for r in re.findall(r"^(\d+)\. ", refs_match[-1]["refs"], re.MULTILINE)] if refs_match else []
    picked = [lines[r] for r in refs if r in lines]
    properties = (schema or {}).get("properties", {})
    if "punten" in properties:
        return json.dumps({"punten": picked or ["-"]}, ensure_ascii=False)
    if "tekst" in properties:
        return json.dumps({"tekst": " ".join(picked) or "-"}, ensure_ascii=False)
    return " ".join(picked)
