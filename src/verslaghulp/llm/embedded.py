"""The embedded default: a llama.cpp model in this process, as a LangChain chat model.

One Llama instance serves all requests, one at a time (a lock), and is never reloaded per request.
llama.cpp keeps the evaluated tokens of the previous call and reuses the longest common prefix,
so the shared instructions and the notes are evaluated once per draft, not once per question.
The evaluated state of a prompt's system turn (the shared instructions) is saved to disk the first
time it is evaluated and loaded by every later process (`prefix_state`), so a new process does not
evaluate the instructions again. Greedy generation runs in this project's own loop (`sampling`),
which gives the same tokens as llama-cpp-python's chat completion but uses the JSON grammar as a
check on the chosen token, not as a mask over the whole vocabulary before every token.
With greedy decoding the same prompt always gives the same answer, so answers are also kept per
exact request: a re-draft of unchanged notes (or an interrupted draft resumed) costs no model time.
"""

from __future__ import annotations

import ctypes
import hashlib
import json
import logging
import os
import threading
import time
from collections import OrderedDict, deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import ConfigDict, PrivateAttr

from verslaghulp.llm.guard import ensure_real_models_allowed
from verslaghulp.llm.prefix_state import PrefixStateStore, StateKey, prefix_key
from verslaghulp.llm.sampling import Grammar, GrammarMode, common_prefix, evaluate, generate, schema_grammar
from verslaghulp.llm.structured import JsonSchemaOutputMixin

log = logging.getLogger(__name__)
_ROLES = {"human": "user", "ai": "assistant", "system": "system"}
# Stands in for the first user message when the shared part of a prompt (its system turn) is rendered.
_USER_MARK = "\u2063user\u2063"
# A system turn shorter than this is quicker to evaluate than to look up on disk.
_MIN_SAVED_PREFIX = 32
_GRAMMARS_KEPT = 32


@dataclass(frozen=True)
class PrefixUse:
    """How a call got its shared prefix: already in the context, loaded from disk, or evaluated (and saved)."""

    source: str  # "cached" | "restored" | "evaluated"
    tokens: int
    seconds: float


@dataclass(frozen=True)
class CallRecord:
    """One model call as the process saw it (perf_counter times), for benchmarks and logs."""

    started_at: float
    first_token_at: float | None
    prompt_tokens: int
    evaluated_prompt_tokens: int
    completion_tokens: int
    prefix: PrefixUse | None
    grammar_checks: int
    grammar_masks: int
    grammar_seconds: float
    generation_wall_seconds: float


@dataclass(frozen=True)
class PrimeResult:
    """What `prime` did: prefix tokens now in the context, of which evaluated and loaded from disk."""

    tokens: int
    evaluated: int
    restored: int
    seconds: float


def _token_limit(max_tokens: int, prompt_tokens: int, n_ctx: int) -> int:
    """As llama-cpp-python: no limit (or one past the window) means up to the end of the context window."""
    room = n_ctx - prompt_tokens
    return max_tokens if 0 < max_tokens < room else room


_file_hashes: dict[tuple[str, int, int], str] = {}


def file_sha256(path: str) -> str:
    """sha256 of a model file, computed once per process (keyed by path, size and mtime)."""
    st = Path(path).stat()
    key = (path, st.st_size, st.st_mtime_ns)
    if key not in _file_hashes:
        digest = hashlib.sha256()
        with Path(path).open("rb") as handle:
            for block in iter(lambda: handle.read(4 << 20), b""):
                digest.update(block)
        _file_hashes[key] = digest.hexdigest()
    return _file_hashes[key]


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
    # As llama-cpp-python's create_chat_completion (1.0: no penalty), so the answers stay as they were.
    repeat_penalty: float = 1.0
    # The verified sha256 of the weights (the factory passes the spec's); computed from the file if empty.
    model_sha256: str = ""
    # Where the evaluated shared prefixes are saved (the model cache's states/); None: not saved.
    state_dir: str | None = None
    grammar_mode: GrammarMode = GrammarMode.CHECK

    _llama: Any = PrivateAttr(default=None)
    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)
    _answers: OrderedDict[str, ChatResult] = PrivateAttr(default_factory=OrderedDict)
    _grammars: OrderedDict[str, Grammar] = PrivateAttr(default_factory=OrderedDict)
    _prefix_tokens: OrderedDict[str, list[int]] = PrivateAttr(default_factory=OrderedDict)
    _calls: deque[CallRecord] = PrivateAttr(default_factory=lambda: deque(maxlen=256))
    _last_prime: PrimeResult | None = PrivateAttr(default=None)

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
            for grammar in self._grammars.values():
                grammar.close()
            self._grammars.clear()
            self._prefix_tokens.clear()
            if self._llama is not None:
                self._llama.close()
                self._llama = None

    @property
    def calls(self) -> list[CallRecord]:
        """The latest model calls of this process (answers from the answer cache are not calls)."""
        with self._lock:
            return list(self._calls)

    @property
    def last_prime(self) -> PrimeResult | None:
        """What the latest `prime` did."""
        return self._last_prime

    # --- the model port (llm/port.py); the structured call is JsonSchemaOutputMixin's ---

    def label(self) -> str:
        """Backend and model: "embedded:" and the model's id in llm/models.yaml."""
        return f"embedded:{self.model_name}"

    def context_size(self, configured: int) -> int:
        """The window llama.cpp was (or will be) loaded with."""
        return self.n_ctx

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

        formatter = Jinja2ChatFormatter(template=template, eos_token=self._eos_text(), bos_token=self._bos_text())
        return str(formatter(messages=cast(Any, to_chat_messages(messages))).prompt)

    def _eos_text(self) -> str:
        # As llama-cpp-python's chat handler renders and stops on it.
        llama = self.load()
        eos = llama.token_eos()
        return str(llama._model.token_get_text(eos)) if eos != -1 else ""

    def _bos_text(self) -> str:
        llama = self.load()
        bos = llama.token_bos()
        return str(llama._model.token_get_text(bos)) if bos != -1 else ""

    def _tokenize_prompt(self, text: str) -> list[int]:
        # As the chat handler does: the template writes the special tokens itself.
        return list(self.load().tokenize(text.encode("utf-8"), add_bos=False, special=True))

    def prompt_tokens(self, messages: list[BaseMessage]) -> int:
        """Tokens of the chat prompt as the model will see it (chat template applied)."""
        # Tokenize the rendered template; approximating by summing messages would miss the template tokens.
        prompt = self._render(messages)
        if prompt is not None:
            return len(self.load().tokenize(prompt.encode("utf-8"), add_bos=False, special=True))
        return sum(self.count_tokens(str(m.content)) + 4 for m in messages)

    def prime(self, messages: list[BaseMessage], marker: str) -> int:
        """Evaluate the prompt up to `marker` now, so the next request that starts the same way reuses it.

        The system turn comes from the saved state when one exists (and is saved when it is
        evaluated here). Returns the prefix tokens brought into the context, evaluated or loaded
        (0 when they were already there or there is no template); `last_prime` tells which.
        """
        prompt = self._render(messages)
        if prompt is None or marker not in prompt:
            return 0
        text = prompt[: prompt.index(marker)]
        tokens = self._tokenize_prompt(text)
        llama = self.load()
        with self._lock:
            started = time.perf_counter()
            held = common_prefix(llama.input_ids[: llama.n_tokens], tokens)
            if held == len(tokens):
                self._last_prime = PrimeResult(tokens=0, evaluated=0, restored=0, seconds=0.0)
                return 0
            use = self._ensure_shared_prefix(messages, text, tokens)
            restored = use.tokens if use is not None and use.source == "restored" else 0
            evaluate(llama, tokens, keep_last=True)
            # Counted, not read from llama.cpp's perf counters (they report at least 1).
            evaluated = len(tokens) - (restored or held)
            self._last_prime = PrimeResult(
                tokens=evaluated + restored,
                evaluated=evaluated,
                restored=restored,
                seconds=time.perf_counter() - started,
            )
        log.info("prompt prefix primed: %d tokens evaluated, %d loaded from the saved state", evaluated, restored)
        return evaluated + restored

    # --- the shared prefix (a prompt's system turn), saved to disk -------------------------------

    def _shared_prefix_text(self, messages: list[BaseMessage]) -> str | None:
        """The rendered prompt up to where the first user message's text starts, when it opens with a system turn."""
        if len(messages) < 2 or messages[0].type != "system":
            return None
        rendered = self._render([messages[0], HumanMessage(content=_USER_MARK)])
        if rendered is None or _USER_MARK not in rendered:
            return None
        return rendered[: rendered.index(_USER_MARK)]

    def _prefix_token_ids(self, text: str) -> list[int]:
        tokens = self._prefix_tokens.get(text)
        if tokens is None:
            tokens = self._tokenize_prompt(text)
            self._prefix_tokens[text] = tokens
            while len(self._prefix_tokens) > 16:
                self._prefix_tokens.popitem(last=False)
        return tokens

    def _state_store(self) -> PrefixStateStore | None:
        return PrefixStateStore(Path(self.state_dir)) if self.state_dir else None

    def _state_key(self, text: str, tokens: list[int]) -> StateKey:
        import llama_cpp

        llama = self._llama
        params = llama.context_params
        context: dict[str, int | str] = {"n_ctx": int(llama.n_ctx()), "n_batch": int(llama.n_batch)}
        for name in ("n_ubatch", "type_k", "type_v", "flash_attn_type", "offload_kqv", "swa_full", "n_seq_max"):
            if hasattr(params, name):
                context[name] = int(getattr(params, name))
        build = hashlib.sha256(llama_cpp.llama_print_system_info()).hexdigest()[:16]
        return prefix_key(
            self.model_sha256 or file_sha256(self.model_path),
            text,
            len(tokens),
            context,
            f"llama-cpp-python {llama_cpp.__version__} ({build})",
        )

    def _ensure_shared_prefix(self, messages: list[BaseMessage], prompt: str, tokens: list[int]) -> PrefixUse | None:
        """Make the context hold the prompt's system turn: from the context, the saved state, or evaluated and saved.

        Called with the lock held. None when the prompt has no system turn worth saving.
        """
        text = self._shared_prefix_text(messages)
        if text is None or not prompt.startswith(text):
            return None
        prefix = self._prefix_token_ids(text)
        if len(prefix) < _MIN_SAVED_PREFIX or tokens[: len(prefix)] != prefix:
            return None
        llama = self._llama
        started = time.perf_counter()
        if common_prefix(llama.input_ids[: llama.n_tokens], prefix) == len(prefix):
            return PrefixUse("cached", len(prefix), 0.0)
        store = self._state_store()
        if store is None:
            return None
        key = self._state_key(text, prefix)
        payload = store.load(key, prefix)
        if payload is not None:
            if self._restore(prefix, payload):
                return PrefixUse("restored", len(prefix), time.perf_counter() - started)
            store.discard(key, "llama.cpp did not accept it")
        evaluate(llama, prefix, keep_last=True)
        saved = self._sequence_state()
        if saved is not None:
            store.save(key, prefix, saved)
        return PrefixUse("evaluated", len(prefix), time.perf_counter() - started)

    def _sequence_state(self) -> bytes | None:
        """llama.cpp's state of sequence 0 (the KV cache of the tokens in the context)."""
        import llama_cpp

        ctx = self._llama._ctx.ctx
        size = int(llama_cpp.llama_state_seq_get_size(ctx, 0))
        if size <= 0:
            return None
        buffer = (ctypes.c_uint8 * size)()
        written = int(llama_cpp.llama_state_seq_get_data(ctx, buffer, size, 0))
        if written <= 0 or written > size:
            return None
        return ctypes.string_at(buffer, written)

    def _restore(self, tokens: list[int], payload: bytes) -> bool:
        """Load a saved sequence state into an emptied context; False (and an empty context) if llama.cpp refuses it."""
        import llama_cpp

        llama = self._llama
        llama.reset()
        llama._ctx.kv_cache_clear()
        buffer = (ctypes.c_uint8 * len(payload)).from_buffer_copy(payload)
        read = int(llama_cpp.llama_state_seq_set_data(llama._ctx.ctx, buffer, len(payload), 0))
        memory = llama_cpp.llama_get_memory(llama._ctx.ctx)
        top = int(llama_cpp.llama_memory_seq_pos_max(memory, 0)) if memory is not None else -1
        if read != len(payload) or top != len(tokens) - 1:
            llama.reset()
            llama._ctx.kv_cache_clear()
            return False
        llama.input_ids[: len(tokens)] = tokens
        llama.n_tokens = len(tokens)
        llama._requires_eval = True  # a restored state has no logits: the next token is evaluated again
        return True

    def _grammar(self, response_format: Any) -> Grammar | None:
        """The grammar sampler for a response format (kept per schema, reset before each use)."""
        if not response_format or response_format.get("type") != "json_object":
            return None
        from llama_cpp.llama_grammar import JSON_GBNF

        schema = response_format.get("schema")
        key = json.dumps(schema, sort_keys=True) if schema is not None else ""
        grammar = self._grammars.get(key)
        if grammar is None:
            gbnf = schema_grammar(schema) if schema is not None else JSON_GBNF
            if gbnf is None:  # as llama-cpp-python does: any JSON rather than none
                log.warning("schema not convertible to a grammar; any JSON object is allowed")
                gbnf = JSON_GBNF
            grammar = Grammar(self._llama, gbnf)
            self._grammars[key] = grammar
            while len(self._grammars) > _GRAMMARS_KEPT:
                self._grammars.popitem(last=False)[1].close()
        self._grammars.move_to_end(key)
        return grammar

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        import llama_cpp

        max_tokens = int(kwargs.get("max_tokens", self.max_tokens))
        response_format = kwargs.get("response_format")
        key = self._cache_key(messages, stop, max_tokens, response_format)
        if key is not None and (hit := self._cached(key)) is not None:
            return hit
        llama = self.load()
        prompt = self._render(messages)
        tokens = self._tokenize_prompt(prompt) if prompt is not None else []
        if prompt is not None and len(tokens) >= llama.n_ctx():
            raise ContextOverflowError(f"Requested tokens ({len(tokens)}) exceed context window of {llama.n_ctx()}")
        with self._lock:
            ctx = llama._ctx.ctx
            llama_cpp.llama_perf_context_reset(ctx)
            started = time.perf_counter()
            use = self._ensure_shared_prefix(messages, prompt, tokens) if prompt is not None else None
            if prompt is not None and self.temperature <= 0:
                generation = generate(
                    llama,
                    tokens,
                    max_tokens=_token_limit(max_tokens, len(tokens), llama.n_ctx()),
                    grammar=self._grammar(response_format),
                    mode=self.grammar_mode,
                    stop=[*(stop or []), self._eos_text()],
                    repeat_penalty=self.repeat_penalty,
                )
                content, finish = generation.text, cast(str | None, generation.finish_reason)
                prompt_count, completion_count = len(tokens), len(generation.tokens)
            else:
                sampled = self._sampled(messages, response_format, max_tokens, stop)
                content, finish, prompt_count, completion_count = sampled
                generation = None
            elapsed = time.perf_counter() - started
            perf = llama_cpp.llama_perf_context(ctx)
            record = CallRecord(
                started_at=started,
                first_token_at=generation.first_token_at if generation else None,
                prompt_tokens=prompt_count,
                evaluated_prompt_tokens=int(perf.n_p_eval),
                completion_tokens=completion_count,
                prefix=use,
                grammar_checks=generation.grammar.checks if generation else 0,
                grammar_masks=generation.grammar.masks if generation else 0,
                grammar_seconds=generation.grammar.seconds if generation else 0.0,
                generation_wall_seconds=generation.generation_wall_seconds if generation else 0.0,
            )
            self._calls.append(record)
        message = AIMessage(
            content=content,
            usage_metadata={
                "input_tokens": prompt_count,
                "output_tokens": completion_count,
                "total_tokens": prompt_count + completion_count,
            },
            response_metadata={
                "model_name": self.model_name,
                "finish_reason": finish,
                # What llama.cpp really evaluated after reusing the cached prefix.
                "evaluated_prompt_tokens": int(perf.n_p_eval),
                "prompt_seconds": perf.t_p_eval_ms / 1000.0,
                "generation_seconds": perf.t_eval_ms / 1000.0,
                "wall_seconds": elapsed,
                "first_token_seconds": (record.first_token_at - started) if record.first_token_at else None,
                "prefix": use.source if use else None,
                "restored_prompt_tokens": use.tokens if use and use.source == "restored" else 0,
                "grammar_masks": record.grammar_masks,
                "grammar_seconds": record.grammar_seconds,
            },
        )
        result_out = ChatResult(generations=[ChatGeneration(message=message)])
        if key is not None:
            self._remember(key, result_out)
        return result_out

    def _sampled(
        self, messages: list[BaseMessage], response_format: Any, max_tokens: int, stop: list[str] | None
    ) -> tuple[str, str | None, int, int]:
        """Sampling (temperature above 0) or no chat template: llama-cpp-python's own chat completion."""
        try:
            result = self._llama.create_chat_completion(
                messages=cast(Any, to_chat_messages(messages)),
                response_format=response_format,
                max_tokens=max_tokens,
                temperature=self.temperature,
                repeat_penalty=self.repeat_penalty,
                stop=stop,
                seed=self.seed,
            )
        except ValueError as exc:
            if "exceed context window" in str(exc):
                raise ContextOverflowError(str(exc)) from exc
            raise
        choice = result["choices"][0]
        usage = result["usage"]
        return (
            choice["message"]["content"] or "",
            choice.get("finish_reason"),
            int(usage["prompt_tokens"]),
            int(usage["completion_tokens"]),
        )

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
