"""The embedded default: a llama.cpp model in this process, as a LangChain chat model.

One Llama instance serves all requests, one at a time (a lock), and is never reloaded per request.
llama.cpp keeps the evaluated tokens of the previous call and reuses the longest common prefix,
so the shared instructions and the notes are evaluated once per draft, not once per question.
With greedy decoding the same prompt always gives the same answer, so answers are also kept per
exact request: a re-draft of unchanged notes (or an interrupted draft resumed) costs no model time.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections import OrderedDict
from typing import Any, cast

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import ConfigDict, PrivateAttr

from verslaghulp.llm.guard import ensure_real_models_allowed
from verslaghulp.llm.structured import JsonSchemaOutputMixin

_ROLES = {"human": "user", "ai": "assistant", "system": "system"}


class ContextOverflowError(ValueError):
    """The prompt does not fit into the model's context window."""


def to_chat_messages(messages: list[BaseMessage]) -> list[dict[str, str]]:
    """LangChain messages as OpenAI-style role/content dicts."""
    return [{"role": _ROLES.get(m.type, "user"), "content": str(m.content)} for m in messages]


class EmbeddedChatModel(JsonSchemaOutputMixin, BaseChatModel):
    """llama-cpp-python in-process, with JSON-schema grammars and per-call token statistics."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    model_path: str
    model_name: str
    n_ctx: int = 4096
    n_threads: int | None = None
    max_tokens: int = 320
    temperature: float = 0.0
    seed: int = 1
    answer_cache_entries: int = 256

    _llama: Any = PrivateAttr(default=None)
    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)
    _answers: OrderedDict[str, ChatResult] = PrivateAttr(default_factory=OrderedDict)

    @property
    def _llm_type(self) -> str:
        return "llama.cpp"

    @property
    def _identifying_params(self) -> dict[str, Any]:
        return {"model_name": self.model_name, "n_ctx": self.n_ctx}

    @property
    def loaded(self) -> bool:
        """Whether the weights are in memory."""
        return self._llama is not None

    def load(self) -> Any:
        """Load the weights once (thread-safe); later calls return the same instance."""
        ensure_real_models_allowed(self.model_name)
        if self._llama is None:
            with self._lock:
                if self._llama is None:
                    from llama_cpp import Llama

                    self._llama = Llama(
                        model_path=self.model_path,
                        n_ctx=self.n_ctx,
                        n_threads=self.n_threads or os.cpu_count() or 2,
                        n_batch=512,
                        seed=self.seed,
                        verbose=False,
                    )
        return self._llama

    def close(self) -> None:
        """Free the weights now (llama.cpp's own finaliser fails when it runs during interpreter shutdown)."""
        with self._lock:
            if self._llama is not None:
                self._llama.close()
                self._llama = None

    def count_tokens(self, text: str) -> int:
        """Tokens of a text under this model's tokenizer."""
        return len(self.load().tokenize(text.encode("utf-8"), add_bos=False, special=True))

    def _render(self, messages: list[BaseMessage]) -> str | None:
        """The chat prompt as text with the model's template applied, or None without a template."""
        llama = self.load()
        template = llama.metadata.get("tokenizer.chat_template")
        if not template:
            return None
        from llama_cpp.llama_chat_format import Jinja2ChatFormatter

        eos = llama.detokenize([llama.token_eos()]).decode("utf-8", "ignore")
        bos = llama.detokenize([llama.token_bos()]).decode("utf-8", "ignore")
        formatter = Jinja2ChatFormatter(template=template, eos_token=eos, bos_token=bos)
        return str(formatter(messages=cast(Any, to_chat_messages(messages))).prompt)

    def prompt_tokens(self, messages: list[BaseMessage]) -> int:
        """Tokens of the chat prompt as the model will see it (chat template applied)."""
        # Tokenize the rendered template; approximating by summing messages would miss the template tokens.
        prompt = self._render(messages)
        if prompt is not None:
            return len(self.load().tokenize(prompt.encode("utf-8"), add_bos=False, special=True))
        return sum(self.count_tokens(str(m.content)) + 4 for m in messages)

    def prime(self, messages: list[BaseMessage], marker: str) -> int:
        """Evaluate the prompt up to `marker` now, so the next request that starts the same way reuses it.

        Returns the tokens evaluated (0 when they were already cached or there is no template).
        """
        prompt = self._render(messages)
        if prompt is None or marker not in prompt:
            return 0
        import llama_cpp

        llama = self.load()
        with self._lock:
            ctx = llama._ctx.ctx
            llama_cpp.llama_perf_context_reset(ctx)
            # One generated token: the state then holds the prefix, which the next prompt shares.
            llama.create_completion(prompt[: prompt.index(marker)], max_tokens=1, temperature=0.0, seed=self.seed)
            return int(llama_cpp.llama_perf_context(ctx).n_p_eval)

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        import llama_cpp

        max_tokens = int(kwargs.get("max_tokens", self.max_tokens))
        key = self._cache_key(messages, stop, max_tokens, kwargs.get("response_format"))
        if key is not None and (hit := self._cached(key)) is not None:
            return hit
        llama = self.load()
        with self._lock:
            ctx = llama._ctx.ctx
            llama_cpp.llama_perf_context_reset(ctx)
            started = time.perf_counter()
            try:
                result = llama.create_chat_completion(
                    messages=cast(Any, to_chat_messages(messages)),
                    response_format=kwargs.get("response_format"),
                    max_tokens=max_tokens,
                    temperature=self.temperature,
                    stop=stop,
                    seed=self.seed,
                )
            except ValueError as exc:
                if "exceed context window" in str(exc):
                    raise ContextOverflowError(str(exc)) from exc
                raise
            elapsed = time.perf_counter() - started
            perf = llama_cpp.llama_perf_context(ctx)
        choice = result["choices"][0]
        usage = result["usage"]
        message = AIMessage(
            content=choice["message"]["content"] or "",
            usage_metadata={
                "input_tokens": usage["prompt_tokens"],
                "output_tokens": usage["completion_tokens"],
                "total_tokens": usage["total_tokens"],
            },
            response_metadata={
                "model_name": self.model_name,
                "finish_reason": choice.get("finish_reason"),
                # What llama.cpp really evaluated after reusing the cached prefix.
                "evaluated_prompt_tokens": int(perf.n_p_eval),
                "prompt_seconds": perf.t_p_eval_ms / 1000.0,
                "generation_seconds": perf.t_eval_ms / 1000.0,
                "wall_seconds": elapsed,
            },
        )
        result_out = ChatResult(generations=[ChatGeneration(message=message)])
        if key is not None:
            self._remember(key, result_out)
        return result_out

    def _cache_key(
        self, messages: list[BaseMessage], stop: list[str] | None, max_tokens: int, response_format: Any
    ) -> str | None:
        """The exact request as a key, or None when answers are not kept (sampling, or the cache off)."""
        if self.answer_cache_entries <= 0 or self.temperature > 0:
            return None
        request = [to_chat_messages(messages), stop, max_tokens, response_format, self.seed, self.n_ctx]
        return json.dumps(request, sort_keys=True, ensure_ascii=False, default=str)

    def _cached(self, key: str) -> ChatResult | None:
        """A kept answer, marked as cached: no tokens evaluated or generated, no model time."""
        with self._lock:
            kept = self._answers.get(key)
            if kept is None:
                return None
            self._answers.move_to_end(key)
        original = kept.generations[0].message
        usage: dict[str, Any] = dict(original.usage_metadata or {}) if isinstance(original, AIMessage) else {}
        prompt_tokens = int(usage.get("input_tokens", 0))
        message = AIMessage(
            content=original.content,
            usage_metadata={"input_tokens": prompt_tokens, "output_tokens": 0, "total_tokens": prompt_tokens},
            response_metadata={
                **original.response_metadata,
                "evaluated_prompt_tokens": 0,
                "prompt_seconds": 0.0,
                "generation_seconds": 0.0,
                "wall_seconds": 0.0,
                "cached": True,
            },
        )
        return ChatResult(generations=[ChatGeneration(message=message)])

    def _remember(self, key: str, result: ChatResult) -> None:
        with self._lock:
            self._answers[key] = result
            self._answers.move_to_end(key)
            while len(self._answers) > self.answer_cache_entries:
                self._answers.popitem(last=False)
