"""Benchmark: a new process's time to the first generated token of a draft, without and with the saved state.

Each measurement is a fresh Python process (as a CLI draft, an eval run or a restarted app is):
it loads the default model and drafts the notes; the figure is the time from "model loaded" to the
first token the model generates. First with an empty state folder (the instructions are evaluated,
and saved), then with the state the first process left (loaded from disk), `--runs` times each.

    .venv/bin/python bench/cold_start.py [--notes FILE] [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def child(notes_path: str, state_dir: str, form_id: str) -> None:
    """One cold process: load the model, draft until the first model call has produced its first token."""
    from verslaghulp.config import get_settings
    from verslaghulp.drafting import AnswerEvent, iter_draft
    from verslaghulp.llm.embedded import EmbeddedChatModel
    from verslaghulp.llm.factory import make_chat_model
    from verslaghulp.report.forms import load_form
    from verslaghulp.report.model import WrittenBy

    settings = get_settings()
    model = make_chat_model(settings)
    assert isinstance(model, EmbeddedChatModel)
    model.state_dir = state_dir
    started = time.perf_counter()
    model.load()
    loaded = time.perf_counter()
    notes = Path(notes_path).read_text(encoding="utf-8")
    for event in iter_draft(notes, load_form(form_id), model, settings):
        if isinstance(event, AnswerEvent) and event.answer.written_by == WrittenBy.MODEL:
            break  # the first model-worded answer: its call holds the first generated token
    call = model.calls[0]
    assert call.first_token_at is not None and call.prefix is not None
    print(
        json.dumps(
            {
                "load_s": round(loaded - started, 2),
                "first_token_after_load_s": round(call.first_token_at - loaded, 2),
                "first_call_to_first_token_s": round(call.first_token_at - call.started_at, 2),
                "code_before_first_call_s": round(call.started_at - loaded, 2),
                "prefix": call.prefix.source,
                "prefix_tokens": call.prefix.tokens,
                "prefix_s": round(call.prefix.seconds, 2),
                "first_call_prompt_tokens": call.prompt_tokens,
                "first_call_evaluated_tokens": call.evaluated_prompt_tokens,
            }
        )
    )
    model.close()


def _run(notes: str, state_dir: str, form_id: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", notes, state_dir, form_id],
        capture_output=True,
        text=True,
        check=True,
        timeout=900,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    """Run the benchmark and print one JSON line and a short table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", default=str(ROOT / "examples/notes/wenen-2025.txt"))
    parser.add_argument("--form", default="denhaag-2025")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--child", nargs=3, metavar=("NOTES", "STATE_DIR", "FORM"))
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    runs: list[tuple[str, dict[str, object], float]] = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="vh-states-") as state_dir:
            load = os.getloadavg()[0]
            runs.append(("without saved state", _run(args.notes, state_dir, args.form), load))
            load = os.getloadavg()[0]
            runs.append(("with saved state", _run(args.notes, state_dir, args.form), load))
    result = {
        "bench": "cold_start",
        "notes": Path(args.notes).name,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "runs": [{"case": case, "load_avg": round(load, 2), **figures} for case, figures, load in runs],
    }
    print(json.dumps(result))
    keys = ["first_token_after_load_s", "code_before_first_call_s", "prefix", "prefix_s", "first_call_evaluated_tokens"]
    print(f"{'':22}" + "".join(f"{k:>30}" for k in ["load avg", *keys]))
    for case, figures, load in runs:
        print(f"{case:22}" + f"{load:>30.2f}" + "".join(f"{figures[k]!s:>30}" for k in keys))


if __name__ == "__main__":
    main()
