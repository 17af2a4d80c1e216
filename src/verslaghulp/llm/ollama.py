"""The Ollama backend, for users with an Ollama server (e.g. the docker-compose setup).

On top of ChatOllama (which streams from /api/chat and passes a JSON schema as `format` through
`with_structured_output(method="json_schema")`): a context size chosen per call from the input,
a refusal in Dutch when the input cannot fit, Dutch errors for the usual failures, and retries with
backoff for transient ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import httpx
from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.messages import BaseMessage
from langchain_core.outputs import ChatGenerationChunk, ChatResult
from langchain_ollama import ChatOllama
from pydantic import BaseModel, Field

from verslaghulp.config import Settings
from verslaghulp.llm.estimate import estimate_tokens
from verslaghulp.llm.port import StructuredResult
from verslaghulp.llm.remote_errors import (
    InputTooLargeError,
    ModelServerError,
    guarded_call,
    is_connection_failure,
    is_model_missing,
    is_timeout,
    not_pulled,
    timed_out,
    unreachable,
)
from verslaghulp.llm.structured import structured_call

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)

# Ollama reloads the model whenever num_ctx changes, so only a few sizes are used: powers of two.
MIN_CTX = 2048


def choose_num_ctx(prompt_tokens: int, answer_tokens: int, max_ctx: int) -> int:
    """The smallest power of two (at least MIN_CTX) that holds prompt and answer, capped at `max_ctx`.

    Raises InputTooLargeError when even `max_ctx` is too small: Ollama would otherwise silently
    drop the start of the prompt, i.e. the instructions or the first notes.
    """
    needed = prompt_tokens + answer_tokens
    if needed > max_ctx:
        raise InputTooLargeError(
            f"De invoer is te lang voor het taalmodel: ongeveer {prompt_tokens} tokens plus {answer_tokens} "
            f"voor het antwoord, terwijl er maximaal {max_ctx} passen. Kort de aantekeningen in of "
            "verhoog VERSLAGHULP_N_CTX (als het model en de server dat aankunnen)."
        )
    size = MIN_CTX
    while size < needed:
        size *= 2
    return min(size, max_ctx)


class OllamaChatModel(ChatOllama):
    """ChatOllama with a per-call context size, Dutch errors and retries for transient failures."""

    max_ctx: int = Field(default=8192, ge=512)
    timeout_seconds: float = Field(default=300.0, gt=0)
    retry_attempts: int = Field(default=3, ge=1)
    retry_base_delay: float = Field(default=0.5, ge=0)

    @property
    def _llm_type(self) -> str:
        return "ollama"

    # --- the model port (llm/port.py) ---

    def label(self) -> str:
        """Backend and model: "ollama:" and the model's name on the server."""
        return f"ollama:{self.model}"

    def structured(
        self, messages: list[BaseMessage], schema: type[M], *, max_tokens: int | None = None
    ) -> StructuredResult[M]:
        """The port's structured call: the schema goes as Ollama's `format`; generation stops at num_predict."""
        return structured_call(self, messages, schema)

    def prompt_tokens(self, messages: list[BaseMessage]) -> int:
        """An estimate: Ollama counts tokens server-side only."""
        return estimate_tokens(messages)

    def context_size(self, configured: int) -> int:
        """The largest num_ctx this model asks for."""
        return self.max_ctx

    def prime(self, messages: list[BaseMessage], marker: str) -> int:
        """Nothing to prime here: the server keeps its own cache of evaluated tokens."""
        return 0

    def sized_for(self, messages: list[BaseMessage]) -> OllamaChatModel:
        """A copy of this model whose num_ctx fits these messages plus the answer budget."""
        num_ctx = choose_num_ctx(estimate_tokens(messages), self.num_predict or 1024, self.max_ctx)
        return self.model_copy(update={"num_ctx": num_ctx})

    def translate(self, exc: BaseException) -> ModelServerError:
        """The Dutch error for a failure of this server."""
        if isinstance(exc, ModelServerError):
            return exc
        url = self.base_url or "http://localhost:11434"
        if is_timeout(exc):
            return timed_out(url, self.timeout_seconds)
        if is_connection_failure(exc):
            return unreachable(url)
        if is_model_missing(exc):
            return not_pulled(self.model)
        return ModelServerError(f"De Ollama-server op {url} gaf een fout: {exc}")

    def _guarded(self, call: Callable[[], T]) -> T:
        return guarded_call(call, attempts=self.retry_attempts, base_delay=self.retry_base_delay,
                            translate=self.translate, label="Ollama-aanroep")  # fmt: skip

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        sized = self.sized_for(messages)
        return self._guarded(lambda: ChatOllama._generate(sized, messages, stop, run_manager, **kwargs))

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        sized = self.sized_for(messages)

        # Only the start of a stream is retried: once tokens have reached the caller, a retry would repeat them.
        def start() -> tuple[Iterator[ChatGenerationChunk], ChatGenerationChunk | None]:
            chunks = ChatOllama._stream(sized, messages, stop, run_manager, **kwargs)
            return chunks, next(chunks, None)

        chunks, first = self._guarded(start)
        if first is None:
            return
        yield first
        try:
            yield from chunks
        except Exception as exc:
            raise self.translate(exc) from exc


def make_ollama_model(settings: Settings) -> OllamaChatModel:
    """The Ollama chat model for these settings; num_ctx is chosen per call, up to settings.n_ctx."""
    client_kwargs: dict[str, Any] = {"timeout": settings.remote_timeout_seconds}
    if settings.ollama_api_key is not None:
        # For an Ollama behind a reverse proxy that checks a bearer token.
        client_kwargs["headers"] = {"Authorization": f"Bearer {settings.ollama_api_key.get_secret_value()}"}
    return OllamaChatModel(
        model=settings.ollama_model,
        base_url=settings.ollama_base_url,
        num_ctx=settings.n_ctx,
        max_ctx=settings.n_ctx,
        num_predict=settings.max_answer_tokens,
        reasoning=settings.ollama_thinking,
        temperature=0.0,
        seed=1,
        client_kwargs=client_kwargs,
        timeout_seconds=settings.remote_timeout_seconds,
        retry_attempts=settings.remote_retries,
    )


def check_ollama(base_url: str, model: str, timeout: float = 5.0) -> None:
    """Raise a Dutch ModelServerError unless the server answers /api/tags and lists the model."""
    try:
        response = httpx.get(f"{base_url.rstrip('/')}/api/tags", timeout=timeout)
        response.raise_for_status()
    except httpx.TimeoutException as exc:
        raise timed_out(base_url, timeout) from exc
    except httpx.TransportError as exc:
        raise unreachable(base_url) from exc
    except httpx.HTTPStatusError as exc:
        raise ModelServerError(f"De Ollama-server op {base_url} gaf een fout: {exc}") from exc
    names = {m.get("name", "") for m in response.json().get("models", [])}
    # "qwen3:8b" and "llama3" (= "llama3:latest") both name a pulled model.
    wanted = {model, f"{model}:latest"} if ":" not in model else {model}
    if not names & wanted:
        raise not_pulled(model)
