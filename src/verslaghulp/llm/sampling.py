"""Greedy generation on a llama.cpp context, with the JSON grammar as a check instead of a mask.

llama-cpp-python puts the grammar into the sampler chain, so before every token llama.cpp runs
each of the ~151,000 vocabulary entries of the Qwen models through the grammar's parse stacks
(30-40 ms a token for the answer schemas, as much as the model itself). Almost always the
model's own best token is one the grammar allows. So, as llama.cpp's own `common_sampler` does:
take the best token, ask the grammar about that one token, and only when the grammar rejects it
mask the whole vocabulary and take the best allowed one. Under greedy decoding the result is the
same token the masked chain would choose (the best token, if allowed, is also the best allowed
one), so every output still follows the grammar and is identical to the masked run.

An optional repetition penalty works as llama.cpp's `penalties` sampler (the last 64 generated
tokens; a logit above 0 divided by the penalty, one at or below 0 multiplied). The default, 1.0, is
what `Llama.create_chat_completion` passes, so the answers are the ones the chat completion gave.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import time
from collections import deque
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import numpy as np


class GrammarMode(StrEnum):
    """How the grammar constrains sampling: check the chosen token (default) or mask every token."""

    CHECK = "check"
    MASK = "mask"


@dataclass
class GrammarStats:
    """What the grammar cost in one call: tokens checked, full masks applied, seconds spent."""

    checks: int = 0
    masks: int = 0
    seconds: float = 0.0


@dataclass
class Generation:
    """The generated text with its token counts and timings."""

    text: str
    tokens: list[int]
    finish_reason: str
    prompt_tokens: int
    reused_tokens: int
    first_token_at: float | None
    prompt_wall_seconds: float
    generation_wall_seconds: float
    grammar: GrammarStats = field(default_factory=GrammarStats)


class Grammar:
    """A llama.cpp grammar sampler used on its own: asked about single tokens, or applied to all."""

    def __init__(self, llama: Any, gbnf: str, root: str = "root") -> None:
        import llama_cpp

        self._lib = llama_cpp
        self._sampler = llama_cpp.llama_sampler_init_grammar(llama._model.vocab, gbnf.encode(), root.encode())
        if not self._sampler:
            raise ValueError("llama.cpp could not parse the grammar")
        self._n_vocab = int(llama.n_vocab())
        self._one = (llama_cpp.llama_token_data * 1)()
        self._one_array = llama_cpp.llama_token_data_array(data=self._one, size=1, selected=-1, sorted=False)
        self._all = np.zeros(
            self._n_vocab, dtype=np.dtype([("id", np.intc), ("logit", np.single), ("p", np.single)], align=True)
        )
        self._all_ids = np.arange(self._n_vocab, dtype=np.intc)
        self._all_array = llama_cpp.llama_token_data_array(
            data=self._all.ctypes.data_as(llama_cpp.llama_token_data_p), size=self._n_vocab, selected=-1, sorted=False
        )

    def reset(self) -> None:
        """Back to the start of the grammar, for the next call."""
        self._lib.llama_sampler_reset(self._sampler)

    def allows(self, token: int) -> bool:
        """Whether the grammar accepts this token next (what the mask would say about it)."""
        self._one[0].id = token  # type: ignore[assignment]  # ctypes converts the int
        self._one[0].logit = 0.0
        self._one[0].p = 0.0
        self._one_array.size = 1
        self._one_array.selected = -1
        self._one_array.sorted = False
        self._lib.llama_sampler_apply(self._sampler, ctypes.byref(self._one_array))
        return bool(self._one[0].logit != -np.inf)

    def mask(self, logits: np.ndarray) -> np.ndarray:
        """The logits with every token the grammar rejects set to -inf (the full mask)."""
        self._all["id"] = self._all_ids
        self._all["logit"] = logits
        self._all["p"] = 0.0
        self._all_array.size = self._n_vocab
        self._all_array.selected = -1
        self._all_array.sorted = False
        self._lib.llama_sampler_apply(self._sampler, ctypes.byref(self._all_array))
        masked: np.ndarray = self._all["logit"].copy()
        return masked

    def accept(self, token: int) -> None:
        """Advance the grammar past the chosen token."""
        self._lib.llama_sampler_accept(self._sampler, token)

    def close(self) -> None:
        """Free the llama.cpp sampler."""
        if self._sampler:
            self._lib.llama_sampler_free(self._sampler)
            self._sampler = None

    def __del__(self) -> None:
        with contextlib.suppress(Exception):  # interpreter shutdown: the library may already be gone
            self.close()


def plain_pattern(pattern: str) -> str:
    r"""A regex pattern in the subset llama-cpp-python's schema converter gets right, same language.

    The converter rejects non-capturing groups and turns `\d` into a literal "\d" (so a date
    pattern would forbid every date); `(?:` becomes `(` and `\d` becomes `[0-9]` (`0-9` in a class).
    """
    out: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            pair = pattern[i : i + 2]
            out.append(("0-9" if in_class else "[0-9]") if pair == "\\d" else pair)
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif pattern.startswith("(?:", i):
            out.append("(")
            i += 3
            continue
        out.append(char)
        i += 1
    return "".join(out)


def schema_grammar(schema: Any) -> str | None:
    """The GBNF grammar of a JSON schema (patterns made plain first), or None if it cannot be converted."""
    from llama_cpp.llama_grammar import json_schema_to_gbnf

    def plain(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: plain_pattern(v) if k == "pattern" and isinstance(v, str) else plain(v) for k, v in node.items()}
        if isinstance(node, list):
            return [plain(v) for v in node]
        return node

    try:
        return str(json_schema_to_gbnf(json.dumps(plain(schema))))
    except Exception:  # the converter raises assertions and value errors alike
        return None


def common_prefix(cached: np.ndarray, tokens: list[int]) -> int:
    """How many leading tokens the context already holds."""
    n = min(len(cached), len(tokens))
    if n == 0:
        return 0
    diff = np.nonzero(cached[:n] != np.asarray(tokens[:n], dtype=cached.dtype))[0]
    return int(diff[0]) if len(diff) else n


def evaluate(llama: Any, tokens: list[int], *, keep_last: bool) -> int:
    """Bring the context to exactly `tokens`, reusing the longest cached prefix; returns the tokens reused.

    With `keep_last` false the last token is evaluated again when everything was cached, so that its
    logits are fresh (a restored state has no logits).
    """
    reuse = common_prefix(llama.input_ids[: llama.n_tokens], tokens)
    if reuse == len(tokens) and reuse > 0 and not keep_last:
        reuse -= 1
    if reuse < llama.n_tokens:
        if reuse > 0 and llama._ctx.kv_cache_seq_rm(-1, reuse, -1):
            llama.n_tokens = reuse
        else:
            llama.reset()
            llama._ctx.kv_cache_clear()
            reuse = 0
    if len(tokens) > reuse:
        import llama_cpp

        llama.eval(tokens[reuse:])
        # llama.cpp finishes (and counts) a decode when its results are read; finish it now, so
        # that its time and tokens belong to this step and not to whatever reads the context next.
        llama_cpp.llama_synchronize(llama.ctx)
    return reuse


def generate(
    llama: Any,
    prompt_tokens: list[int],
    *,
    max_tokens: int,
    grammar: Grammar | None = None,
    mode: GrammarMode = GrammarMode.CHECK,
    stop: list[str] | None = None,
    repeat_penalty: float = 1.0,
    penalty_last_n: int = 64,
) -> Generation:
    """Greedy completion of `prompt_tokens` (the context may hold a prefix of them already)."""
    import llama_cpp

    started = time.perf_counter()
    reused = evaluate(llama, prompt_tokens, keep_last=False)
    prompt_done = time.perf_counter()
    n_vocab = int(llama.n_vocab())
    vocab = llama._model.vocab
    penalty = np.float32(repeat_penalty)
    recent: deque[int] = deque(maxlen=penalty_last_n)
    stops = [s.encode("utf-8") for s in stop or [] if s]
    stats = GrammarStats()
    if grammar is not None:
        grammar.reset()
    text = b""
    out: list[int] = []
    finish = "length"
    first_token_at = None
    while len(out) < max_tokens:
        pointer = llama_cpp.llama_get_logits_ith(llama.ctx, -1)
        logits = np.ctypeslib.as_array(pointer, shape=(n_vocab,))
        if recent and penalty != 1.0:
            logits = logits.copy()
            seen = np.fromiter(set(recent), dtype=np.intc)
            values = logits[seen]
            logits[seen] = np.where(values <= 0, values * penalty, values / penalty)
        token = int(np.argmax(logits))
        if grammar is not None:
            checked = time.perf_counter()
            if mode is GrammarMode.CHECK:
                stats.checks += 1
                allowed = grammar.allows(token)
            else:
                allowed = False
            if not allowed:
                stats.masks += 1
                masked = grammar.mask(logits)
                if not np.isfinite(masked).any():
                    raise ValueError("the grammar allows no token here")
                token = int(np.argmax(masked))
            grammar.accept(token)
            stats.seconds += time.perf_counter() - checked
        if first_token_at is None:
            first_token_at = time.perf_counter()
        if llama_cpp.llama_vocab_is_eog(vocab, token):
            finish = "stop"
            break
        recent.append(token)
        out.append(token)
        text += llama._model.detokenize([token])
        if stops and any(s in text for s in stops):
            first = min(text.index(s) for s in stops if s in text)
            text = text[:first]
            finish = "stop"
            break
        if len(out) >= max_tokens:
            break
        llama.eval([token])
    done = time.perf_counter()
    return Generation(
        text=text.decode("utf-8", errors="ignore"),
        tokens=out,
        finish_reason=finish,
        prompt_tokens=len(prompt_tokens),
        reused_tokens=reused,
        first_token_at=first_token_at,
        prompt_wall_seconds=prompt_done - started,
        generation_wall_seconds=done - prompt_done,
        grammar=stats,
    )
