"""Benchmark: draft the example notes with the embedded model and print the figures.

The model is loaded and primed with the drafting instructions, as the web app does when it starts.
Four drafts in one process: the example notes (first draft after start-up); the same notes again (a re-draft:
every answer is served from the answer cache); the notes with one line added at the end, as when the
official answers a follow-up question (instructions and notes up to the new line are a cached
prefix); and other notes (only the instructions are shared). A
baseline on the same model reads as many fresh prompt tokens as the first draft evaluated and
generates as many tokens, in one plain completion, so the ratio shows what the pipeline adds.
The reference for "notes read once" is the tokens of the instructions, the numbered notes and the
headings and guidance of the questions that went to the model.

    .venv/bin/python bench/draft.py [--notes FILE] [--second FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import time
from pathlib import Path

from verslaghulp.config import get_settings
from verslaghulp.drafting import AnswerEvent, DraftDone, iter_draft
from verslaghulp.drafting.priming import prime_drafting
from verslaghulp.drafting.prompting import DraftPrompts
from verslaghulp.llm.embedded import CallRecord, EmbeddedChatModel
from verslaghulp.llm.factory import make_chat_model
from verslaghulp.report.forms import load_form
from verslaghulp.report.model import ReportDraft, WrittenBy
from verslaghulp.report.notes import parse_notes

ROOT = Path(__file__).resolve().parents[1]
# The line an official adds when answering a follow-up question before drafting again.
EDIT = "aanvulling: afgesproken dat Wenen in het voorjaar de resultaten van de proef deelt"


def _draft(notes: str, form_id: str, model: EmbeddedChatModel) -> tuple[ReportDraft, float, float, list[CallRecord]]:
    """The draft, the seconds to the first answer shown and to the first answer the model wrote, its model calls."""
    settings = get_settings()
    calls_before = len(model.calls)
    started = time.perf_counter()
    first_answer = first_model_answer = None
    draft = None
    for event in iter_draft(notes, load_form(form_id), model, settings):
        if isinstance(event, AnswerEvent):
            if first_answer is None:
                first_answer = time.perf_counter() - started
            if first_model_answer is None and event.answer.written_by == WrittenBy.MODEL:
                first_model_answer = time.perf_counter() - started
        if isinstance(event, DraftDone):
            draft = event.draft
    assert draft is not None
    return draft, first_answer or 0.0, first_model_answer or 0.0, model.calls[calls_before:]


def _reference_tokens(notes: str, form_id: str, draft: ReportDraft, model: EmbeddedChatModel) -> int:
    """Tokens of the instructions, the numbered notes, and the model-worded questions' headings and guidance."""
    prompts = DraftPrompts.load(get_settings().resolved_prompts_dir())
    modelled = {a.question_id for a in draft.answers if a.written_by == WrittenBy.MODEL}
    form = load_form(form_id)
    questions = [q for q in form.questions if q.id in modelled]
    texts = [prompts.system_text(form.organisation), parse_notes(notes).numbered()]
    texts += [f"{q.heading}\n{q.guidance}" for q in questions]
    return sum(model.count_tokens(text) for text in texts)


def _figures(
    draft: ReportDraft, first_answer: float, first_model_answer: float, records: list[CallRecord]
) -> dict[str, float | int]:
    calls = draft.meta.calls
    return {
        "total_s": round(draft.meta.total_seconds, 2),
        "first_answer_s": round(first_answer, 2),
        "first_model_answer_s": round(first_model_answer, 2),
        "model_calls": len(calls),
        "prompt_tokens": sum(c.prompt_tokens for c in calls),
        "evaluated_prompt_tokens": sum(c.evaluated_prompt_tokens for c in calls),
        "generated_tokens": sum(c.completion_tokens for c in calls),
        "prompt_s": round(sum(c.prompt_seconds for c in calls), 2),
        "generation_s": round(sum(c.generation_seconds for c in calls), 2),
        # Sampling with the grammar (checks and the full masks where a check rejected the model's token).
        "grammar_s": round(sum(r.grammar_seconds for r in records), 2),
        "grammar_masks": sum(r.grammar_masks for r in records),
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
    # As the web app does when it starts: the shared instructions are evaluated before the first draft.
    prime_started = time.perf_counter()
    primed_tokens = prime_drafting(model, get_settings(), args.form)
    prime_s = time.perf_counter() - prime_started
    notes = Path(args.notes).read_text(encoding="utf-8")
    load_avg = os.getloadavg()[0]
    runs = {
        "first": _draft(notes, args.form, model),
        "redraft": _draft(notes, args.form, model),
        "edited": _draft(notes.rstrip("\n") + "\n" + EDIT + "\n", args.form, model),
        "other_notes": _draft(Path(args.second).read_text(encoding="utf-8"), args.form, model),
    }
    figures = {name: _figures(*run) for name, run in runs.items()}
    f1 = figures["first"]
    baseline_s = _baseline(model, int(f1["evaluated_prompt_tokens"]), int(f1["generated_tokens"]))
    reference = _reference_tokens(notes, args.form, runs["first"][0], model)
    result = {
        "bench": "draft",
        "model": runs["first"][0].meta.model,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, load {load_avg:.2f} -> {os.getloadavg()[0]:.2f}",
        "load_s": round(load_s, 2),
        "primed_tokens": primed_tokens,
        "prime_s": round(prime_s, 2),
        # The instructions come from the saved state when an earlier process left it (model cache, states/).
        "prime_restored_tokens": model.last_prime.restored if model.last_prime else 0,
        **figures,
        "baseline_s": round(baseline_s, 2),
        "ratio_pipeline_vs_baseline": round(float(f1["total_s"]) / baseline_s, 3) if baseline_s else None,
        "redraft_prompt_time_share": round(float(figures["redraft"]["prompt_s"]) / float(f1["prompt_s"]), 3),
        "edited_prompt_time_share": round(float(figures["edited"]["prompt_s"]) / float(f1["prompt_s"]), 3),
        "other_notes_prompt_time_share": round(float(figures["other_notes"]["prompt_s"]) / float(f1["prompt_s"]), 3),
        "notes_and_instructions_tokens": reference,
        # The primed instructions count: they are read once per process, but they are read.
        "evaluated_vs_reference": round((int(f1["evaluated_prompt_tokens"]) + primed_tokens) / reference, 3),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    print(json.dumps(result))
    print(f"{'':24}" + "".join(f"{name:>13}" for name in figures))
    for key in f1:
        print(f"{key:24}" + "".join(f"{figures[name][key]:>13}" for name in figures))
    print(f"baseline (same tokens, one completion): {baseline_s:.2f} s; ratio {result['ratio_pipeline_vs_baseline']}")
    print(f"evaluated prompt tokens / (notes + instructions): {result['evaluated_vs_reference']}")


if __name__ == "__main__":
    main()
