"""Benchmark: what the JSON grammar costs per generated token, in one process, and where it goes.

The drafting prompts of the example notes (instructions, notes, one question) are answered with
the default model in four ways, each after the prompt is in the context (so only generation is timed):
- `none`: greedy, no grammar (free text, the reference cost of a token);
- `chat_completion`: llama-cpp-python's own `create_chat_completion` with the schema, as the
  pipeline did before: the grammar sampler is built for the call and masks every token;
- `mask`: this project's loop with the full mask before every token (the same work as the chain);
- `check`: this project's loop, grammar as a check on the chosen token, masking only on rejection.
`chat_completion`, `mask` and `check` must give the same text (the benchmark says if they do not).

    .venv/bin/python bench/grammar.py [--notes FILE] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time
from pathlib import Path
from typing import Any

from langchain_core.messages import BaseMessage

from verslaghulp.config import get_settings
from verslaghulp.drafting.prompting import DraftPrompts, ListAnswer, TextAnswer, list_schema
from verslaghulp.llm.embedded import EmbeddedChatModel, to_chat_messages
from verslaghulp.llm.factory import make_chat_model
from verslaghulp.llm.sampling import Grammar, GrammarMode
from verslaghulp.llm.structured import compact_schema
from verslaghulp.report.forms import AnswerKind, load_form
from verslaghulp.report.notes import parse_notes

ROOT = Path(__file__).resolve().parents[1]


def _cases(notes_text: str) -> list[tuple[str, list[BaseMessage], type[TextAnswer] | type[ListAnswer]]]:
    prompts = DraftPrompts.load(get_settings().resolved_prompts_dir())
    form = load_form("denhaag-2025")
    notes = parse_notes(notes_text)
    by_id = {q.id: q for q in form.questions}
    lines = notes.lines
    doel = by_id["doel"]
    people = next(q for q in form.questions if q.kind is AnswerKind.PEOPLE)
    return [
        ("text (doel)", prompts.messages(notes, doel, lines[:3], organisation=form.organisation), TextAnswer),
        (
            "list of 3 (people)",
            prompts.messages(notes, people, lines[3:6], organisation=form.organisation, items=3),
            list_schema(3),
        ),
    ]


def _timed(
    model: EmbeddedChatModel, messages: list[BaseMessage], response_format: Any, mode: GrammarMode
) -> dict[str, Any]:
    model.grammar_mode = mode
    kwargs: dict[str, Any] = {"max_tokens": 120, "stop": [f"<bench {mode} {time.perf_counter()}>"]}  # no answer cache
    if response_format is not None:
        kwargs["response_format"] = response_format
    message = model.invoke(messages, **kwargs)
    call = model.calls[-1]
    tokens = max(call.completion_tokens, 1)
    return {
        "text": str(message.content),
        "tokens": call.completion_tokens,
        "ms_per_token": 1000 * call.generation_wall_seconds / tokens,
        "grammar_ms_per_token": 1000 * call.grammar_seconds / tokens,
        "masks": call.grammar_masks,
    }


def _chat_completion(model: EmbeddedChatModel, messages: list[BaseMessage], response_format: Any) -> dict[str, Any]:
    """llama-cpp-python's path; generation time = wall time less the prompt evaluation it reports."""
    import llama_cpp

    llama = model.load()
    with model._lock:
        llama_cpp.llama_perf_context_reset(llama._ctx.ctx)
        started = time.perf_counter()
        result = llama.create_chat_completion(
            messages=to_chat_messages(messages), response_format=response_format, max_tokens=120, temperature=0.0
        )
        wall = time.perf_counter() - started
        prompt_s = llama_cpp.llama_perf_context(llama._ctx.ctx).t_p_eval_ms / 1000
    tokens = max(int(result["usage"]["completion_tokens"]), 1)
    return {
        "text": result["choices"][0]["message"]["content"],
        "tokens": int(result["usage"]["completion_tokens"]),
        "ms_per_token": 1000 * (wall - prompt_s) / tokens,
    }


def _valid(schema: type[TextAnswer] | type[ListAnswer], text: str) -> bool:
    try:
        schema.model_validate_json(text)
    except ValueError:
        return False
    return True


def main() -> None:
    """Run the benchmark and print one JSON line and a short table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", default=str(ROOT / "examples/notes/wenen-2025.txt"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    model = make_chat_model(get_settings())
    assert isinstance(model, EmbeddedChatModel), "this benchmark measures the embedded model"
    llama = model.load()
    load_avg = os.getloadavg()[0]
    results: dict[str, Any] = {}
    for name, messages, schema in _cases(Path(args.notes).read_text(encoding="utf-8")):
        response_format = {"type": "json_object", "schema": compact_schema(schema)}
        gbnf = json.dumps(response_format["schema"])
        from llama_cpp.llama_grammar import json_schema_to_gbnf

        grammar_text = json_schema_to_gbnf(gbnf)
        built = time.perf_counter()
        Grammar(llama, grammar_text).close()
        build_ms = 1000 * (time.perf_counter() - built)
        model.invoke(messages, max_tokens=1, stop=[f"<warm {name}>"])  # the prompt into the context
        runs: dict[str, list[dict[str, Any]]] = {"none": [], "chat_completion": [], "mask": [], "check": []}
        for _ in range(args.repeat):
            runs["none"].append(_timed(model, messages, None, GrammarMode.CHECK))
            runs["chat_completion"].append(_chat_completion(model, messages, response_format))
            runs["mask"].append(_timed(model, messages, response_format, GrammarMode.MASK))
            runs["check"].append(_timed(model, messages, response_format, GrammarMode.CHECK))
        model.grammar_mode = GrammarMode.CHECK
        per_token = {k: round(statistics.median(r["ms_per_token"] for r in v), 1) for k, v in runs.items()}
        base = per_token["none"]
        texts = {k: {r["text"] for r in v} for k, v in runs.items() if k != "none"}
        results[name] = {
            "grammar_chars": len(grammar_text),
            "grammar_build_ms": round(build_ms, 1),
            "tokens": {k: v[0]["tokens"] for k, v in runs.items()},
            "ms_per_token": per_token,
            "overhead_vs_none": {k: round(v / base - 1, 3) for k, v in per_token.items() if k != "none"},
            "grammar_ms_per_token": {
                k: round(statistics.median(r["grammar_ms_per_token"] for r in runs[k]), 2) for k in ("mask", "check")
            },
            # The grammar's own time as a share of a generated token's time (steadier than the differences
            # between runs on a shared machine).
            "grammar_share": {
                k: round(
                    statistics.median(r["grammar_ms_per_token"] for r in runs[k])
                    / statistics.median(r["ms_per_token"] for r in runs[k]),
                    3,
                )
                for k in ("mask", "check")
            },
            "masks_check": runs["check"][0]["masks"],
            "same_text": len(texts["chat_completion"] | texts["mask"] | texts["check"]) == 1,
            "valid": all(_valid(schema, t) for t in texts["check"]),
        }
    result = {
        "bench": "grammar",
        "model": model.model_name,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, load {load_avg:.2f} -> {os.getloadavg()[0]:.2f}",
        "n_vocab": int(llama.n_vocab()),
        **results,
    }
    print(json.dumps(result))
    print(f"{'ms per generated token':28}" + "".join(f"{k:>17}" for k in ("none", "chat_completion", "mask", "check")))
    for name, r in results.items():
        print(
            f"{name:28}" + "".join(f"{r['ms_per_token'][k]:>17}" for k in ("none", "chat_completion", "mask", "check"))
        )
        print(
            f"{'':28}overhead vs none: {r['overhead_vs_none']}; grammar ms/token {r['grammar_ms_per_token']} "
            f"(share of a token {r['grammar_share']}); "
            f"masks in check mode {r['masks_check']} of {r['tokens']['check']} tokens; same text {r['same_text']}"
        )


if __name__ == "__main__":
    main()
