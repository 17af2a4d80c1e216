"""Benchmark: draft the example notes twice with the configured model and print the figures.

The second draft of *other* notes shows what the shared prefix (instructions) saves; a baseline in
the same process on the same model reads the same number of prompt tokens and generates the same
number of tokens in one plain completion, so the ratio shows what the pipeline adds.

    .venv/bin/python bench/draft.py [--notes FILE] [--second FILE]
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

from verslaghulp.config import get_settings
from verslaghulp.drafting import AnswerEvent, DraftDone, iter_draft
from verslaghulp.llm.embedded import EmbeddedChatModel
from verslaghulp.llm.factory import make_chat_model
from verslaghulp.report.forms import load_form
from verslaghulp.report.model import ReportDraft

ROOT = Path(__file__).resolve().parents[1]


def _draft(notes: str, form_id: str, model: EmbeddedChatModel) -> tuple[ReportDraft, float]:
    settings = get_settings()
    started = time.perf_counter()
    first_model_answer = None
    draft = None
    for event in iter_draft(notes, load_form(form_id), model, settings):
        if isinstance(event, AnswerEvent) and first_model_answer is None and event.answer.written_by == "model":
            first_model_answer = time.perf_counter() - started
        if isinstance(event, DraftDone):
            draft = event.draft
    assert draft is not None
    return draft, first_model_answer or 0.0


def _figures(draft: ReportDraft, first_model_answer: float) -> dict[str, float | int]:
    calls = draft.meta.calls
    return {
        "total_s": round(draft.meta.total_seconds, 2),
        "first_model_answer_s": round(first_model_answer, 2),
        "model_calls": len(calls),
        "prompt_tokens": sum(c.prompt_tokens for c in calls),
        "evaluated_prompt_tokens": sum(c.evaluated_prompt_tokens for c in calls),
        "generated_tokens": sum(c.completion_tokens for c in calls),
        "prompt_s": round(sum(c.prompt_seconds for c in calls), 2),
        "generation_s": round(sum(c.generation_seconds for c in calls), 2),
    }


def _baseline(model: EmbeddedChatModel, prompt_tokens: int, generated: int) -> float:
    """One plain completion that reads `prompt_tokens` fresh tokens and generates `generated` tokens."""
    llama = model.load()
    llama.reset()
    filler = ("de gemeente bezocht de stad en sprak met partners over data " * 400).encode()
    tokens = llama.tokenize(filler)[:prompt_tokens]
    started = time.perf_counter()
    llama.eval(tokens)
    for _ in range(generated):
        token = llama.sample(temp=0.0)
        llama.eval([token])
    return time.perf_counter() - started


def main() -> None:
    """Run the benchmark and print one JSON line and a short table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", default=str(ROOT / "examples/notes/wenen-2025.txt"))
    parser.add_argument("--second", default=str(ROOT / "examples/notes/kopenhagen-2025-trein.txt"))
    parser.add_argument("--form", default="denhaag-2025")
    args = parser.parse_args()
    model = make_chat_model(get_settings())
    assert isinstance(model, EmbeddedChatModel), "this benchmark measures the embedded model"
    load_started = time.perf_counter()
    model.load()
    load_s = time.perf_counter() - load_started
    first, first_answer = _draft(Path(args.notes).read_text(encoding="utf-8"), args.form, model)
    second, second_answer = _draft(Path(args.second).read_text(encoding="utf-8"), args.form, model)
    f1, f2 = _figures(first, first_answer), _figures(second, second_answer)
    baseline_s = _baseline(model, int(f1["evaluated_prompt_tokens"]), int(f1["generated_tokens"]))
    result = {
        "bench": "draft",
        "model": first.meta.model,
        "machine": f"{platform.machine()}, {__import__('os').cpu_count()} cores",
        "load_s": round(load_s, 2),
        "first": f1,
        "second": f2,
        "baseline_s": round(baseline_s, 2),
        "ratio_pipeline_vs_baseline": round(float(f1["total_s"]) / baseline_s, 3) if baseline_s else None,
    }
    print(json.dumps(result))
    print(f"{'':24}{'first':>10}{'second':>10}")
    for key in f1:
        print(f"{key:24}{f1[key]:>10}{f2[key]:>10}")
    print(f"baseline (same tokens, one completion): {baseline_s:.2f} s; ratio {result['ratio_pipeline_vs_baseline']}")


if __name__ == "__main__":
    main()
