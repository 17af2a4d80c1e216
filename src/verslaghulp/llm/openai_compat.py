"""The OpenAI-compatible backend: vLLM, TGI, LM Studio, llama.cpp's server, any /v1/chat/completions.

Structured output uses `response_format={"type": "json_object", "schema": ...}` (JsonSchemaOutputMixin),
the one form llama.cpp's server accepts (its `json_schema` form answers HTTP 500); vLLM and LM Studio
accept it too. `max_tokens` is sent as such: langchain-openai renames it to `max_completion_tokens`,
which llama.cpp's server ignores.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import openai
from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import LanguageModelInput
from langchain_core.messages import BaseMessage
from langchain_core.outputs import ChatGenerationChunk, ChatResult
from langchain_openai import ChatOpenAI
from pydantic import Field, SecretStr

from verslaghulp.config import Settings
from verslaghulp.llm.estimate import estimate_tokens
from verslaghulp.llm.remote_errors import (
    ModelServerError,
    guarded_call,
    is_connection_failure,
    is_model_missing,
    is_timeout,
    timed_out,
    unreachable,
)
from verslaghulp.llm.structured import JsonSchemaOutputMixin

T = TypeVar("T")


class OpenAICompatChatModel(JsonSchemaOutputMixin, ChatOpenAI):  # type: ignore[misc]
    """ChatOpenAI for self-hosted servers: schema as json_object, plain max_tokens, Dutch errors, retries."""

    retry_attempts: int = Field(default=3, ge=1)
    retry_base_delay: float = Field(default=0.5, ge=0)
    timeout_seconds: float = Field(default=300.0, gt=0)

    @property
    def _llm_type(self) -> str:
        return "openai"

    # --- the model port (llm/port.py); the structured call is JsonSchemaOutputMixin's ---

    def label(self) -> str:
        """Backend and model: "openai:" and the model's name on the server."""
        return f"openai:{self.model_name}"

    def prompt_tokens(self, messages: list[BaseMessage]) -> int:
        """An estimate: the server counts tokens, and only after the call."""
        return estimate_tokens(messages)

    def context_size(self, configured: int) -> int:
        """The configured window: the API does not tell the server's."""
        return configured

    def prime(self, messages: list[BaseMessage], marker: str) -> int:
        """Nothing to prime here: the server keeps its own cache of evaluated tokens, if any."""
        return 0

    def _get_request_payload(
        self, input_: LanguageModelInput, *, stop: list[str] | None = None, **kwargs: Any
    ) -> dict[str, Any]:
        payload: dict[str, Any] = super()._get_request_payload(input_, stop=stop, **kwargs)
        if "max_completion_tokens" in payload:
            payload["max_tokens"] = payload.pop("max_completion_tokens")
        return payload

    def translate(self, exc: BaseException) -> ModelServerError:
        """The Dutch error for a failure of this server."""
        if isinstance(exc, ModelServerError):
            return exc
        url = str(self.openai_api_base or "")
        if is_timeout(exc):
            return timed_out(url, self.timeout_seconds)
        if is_connection_failure(exc):
            return unreachable(url)
        if is_model_missing(exc):
            return ModelServerError(
                f"Het taalmodel '{self.model_name}' is niet bekend bij de server op {url}. "
                "Controleer VERSLAGHULP_OPENAI_MODEL."
            )
        return ModelServerError(f"De taalmodelserver op {url} gaf een fout: {exc}")

    def _guarded(self, call: Callable[[], T]) -> T:
        return guarded_call(call, attempts=self.retry_attempts, base_delay=self.retry_base_delay,
                            translate=self.translate, label="Modelserver-aanroep")  # fmt: skip

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        def call() -> ChatResult:
            try:
                return ChatOpenAI._generate(self, messages, stop, run_manager, **kwargs)
            except openai.LengthFinishReasonError as exc:
                # A reply cut off at max_tokens is an answer that does not validate, as with Ollama and the
                # embedded model, not a server fault: the truncated JSON goes on to fail the schema check,
                # so the caller falls back and the call's tokens are still counted.
                return self._create_chat_result(exc.completion)

        return self._guarded(call)

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        try:
            yield from ChatOpenAI._stream(self, messages, stop, run_manager, **kwargs)
        except Exception as exc:
            raise self.translate(exc) from exc


def make_openai_model(settings: Settings) -> OpenAICompatChatModel:
    """The OpenAI-compatible chat model for these settings."""
    # Self-hosted servers often need no key, but the client insists on one.
    key = settings.openai_api_key or SecretStr("geen-sleutel")
    return OpenAICompatChatModel(
        model=settings.openai_model,
        base_url=settings.openai_base_url,
        api_key=key,
        temperature=0.0,
        seed=1,
        max_tokens=settings.max_answer_tokens,
        timeout=settings.remote_timeout_seconds,
        # Retries are ours (tenacity, transient errors only); the client's own would multiply them.
        max_retries=0,
        timeout_seconds=settings.remote_timeout_seconds,
        retry_attempts=settings.remote_retries,
    )
