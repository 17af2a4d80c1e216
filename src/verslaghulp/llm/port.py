"""The model port: what the use cases (drafting, summarising, evaluation) need from a chat model.

Four operations and a name: a schema-enforced call, a prompt's token count, the context window,
and priming a shared prompt prefix, plus the label a draft records. Every backend's adapter
implements them (llm/embedded.py, llm/ollama.py, llm/openai_compat.py, llm/fake.py), so code above
llm/ never asks which backend it has. Prompts are LangChain messages; `cache` is LangChain's cache
hook, where the evaluation's disk cache of model outputs plugs in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from langchain_core.caches import BaseCache
from langchain_core.messages import BaseMessage
from pydantic import BaseModel

T = TypeVar("T", bound=BaseModel)


@dataclass(frozen=True)
class CallStats:
    """Token counts and timings of one model call."""

    prompt_tokens: int
    evaluated_prompt_tokens: int
    completion_tokens: int
    prompt_seconds: float
    generation_seconds: float
    total_seconds: float


@dataclass(frozen=True)
class StructuredResult(Generic[T]):
    """A validated object and the statistics of the call that produced it."""

    value: T
    stats: CallStats


class StructuredOutputError(RuntimeError):
    """The model's output did not validate against the schema; `stats` tells what the call cost."""

    def __init__(self, message: str, stats: CallStats | None = None) -> None:
        super().__init__(message)
        self.stats = stats


class ChatModel(Protocol):
    """A chat model as the use cases see it, whatever the backend."""

    cache: BaseCache | bool | None

    def label(self) -> str:
        """How a draft or a run records the model: backend and model name ("embedded:qwen2.5-1.5b")."""
        ...

    def structured(
        self, messages: list[BaseMessage], schema: type[T], *, max_tokens: int | None = None
    ) -> StructuredResult[T]:
        """Call the model with the schema enforced; the validated object and the call's statistics.

        Raises StructuredOutputError when the output does not validate. `max_tokens` caps this
        call's generation where the backend takes a cap per call (the others keep their setting).
        """
        ...

    def prompt_tokens(self, messages: list[BaseMessage]) -> int:
        """The chat prompt's tokens: counted by the model's tokenizer, or estimated where only a server can count."""
        ...

    def context_size(self, configured: int) -> int:
        """The context window the model runs with; `configured` (VERSLAGHULP_N_CTX) where it cannot tell its own."""
        ...

    def prime(self, messages: list[BaseMessage], marker: str) -> int:
        """Evaluate the prompt up to `marker` now, so a later call that starts the same way reuses it.

        Returns the prefix tokens brought into the model's context: 0 for a backend without a local
        cache of evaluated tokens (a remote server, the fake), or when they are already there.
        """
        ...
