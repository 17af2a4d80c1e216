"""The shared instructions' evaluated state on disk, with the tiny real model, across real processes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from verslaghulp.llm.embedded import EmbeddedChatModel
from verslaghulp.llm.prefix_state import MAGIC
from verslaghulp.llm.weights import ensure_model, get_spec

pytestmark = pytest.mark.real_model

TINY = "smollm2-135m"
SYSTEM = (
    "Je bent secretaris bij de gemeente Utrecht. Je schrijft één antwoord voor het reisverslag. "
    "Gebruik alleen wat in de aantekeningen staat en verzin niets. " * 6
)

# One call in a fresh process: what a CLI draft or an eval run does after it starts.
CHILD = """
import json, sys
from langchain_core.messages import HumanMessage, SystemMessage
from verslaghulp.llm import guard
from verslaghulp.llm.embedded import EmbeddedChatModel
from verslaghulp.drafting.prompting import TextAnswer

guard.allow_real_models()
path, sha, state_dir, system = sys.argv[1:5]
model = EmbeddedChatModel(model_path=path, model_name="smollm2-135m", n_ctx=2048, model_sha256=sha,
                          state_dir=state_dir, answer_cache_entries=0)
messages = [SystemMessage(content=system), HumanMessage(content="1. doel: overleg in Gent\\nVraag: doel?")]
result = model.structured(messages, TextAnswer, max_tokens=40)
call = model.calls[-1]
print(json.dumps({"text": result.value.tekst, "prefix": call.prefix.source, "prefix_tokens": call.prefix.tokens,
                  "evaluated": call.evaluated_prompt_tokens, "prompt": call.prompt_tokens}))
model.close()
"""


def _run_child(state_dir: Path) -> dict[str, object]:
    spec = get_spec(TINY)
    path = ensure_model(spec, state_dir)  # the tiny model lives in its package; nothing is copied
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), spec.sha256, str(state_dir), SYSTEM],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def _state_files(state_dir: Path) -> list[Path]:
    return sorted(state_dir.glob("*.state"))


def test_a_second_process_loads_the_saved_state_and_answers_the_same(tmp_path: Path) -> None:
    first = _run_child(tmp_path)
    assert first["prefix"] == "evaluated"
    files = _state_files(tmp_path)
    assert len(files) == 1 and files[0].read_bytes().startswith(MAGIC)
    second = _run_child(tmp_path)
    assert second["prefix"] == "restored"
    assert second["prefix_tokens"] == first["prefix_tokens"]
    # The instructions are not evaluated again: only the user turn is.
    assert int(str(second["evaluated"])) <= int(str(first["evaluated"])) - int(str(first["prefix_tokens"])) + 1
    assert second["text"] == first["text"]


@pytest.mark.parametrize("damage", ["payload", "truncate", "header"])
def test_a_damaged_state_is_detected_and_rebuilt(tmp_path: Path, damage: str) -> None:
    first = _run_child(tmp_path)
    (path,) = _state_files(tmp_path)
    data = bytearray(path.read_bytes())
    if damage == "payload":
        data[-100] ^= 0xFF
    elif damage == "truncate":
        data = data[: len(data) // 2]
    else:
        data[len(MAGIC) + 20] ^= 0x01
    path.write_bytes(bytes(data))
    rebuilt = _run_child(tmp_path)
    assert rebuilt["prefix"] == "evaluated"  # not used: evaluated again ...
    assert rebuilt["text"] == first["text"]
    assert _state_files(tmp_path) == [path]  # ... and saved again, whole
    assert _run_child(tmp_path)["prefix"] == "restored"


def _prefix_in_a_small_context(state_dir: Path) -> str:
    """Where one call in a fresh model with another context size (1024) got its system turn from."""
    from langchain_core.messages import HumanMessage, SystemMessage

    spec = get_spec(TINY)
    model = EmbeddedChatModel(
        model_path=str(ensure_model(spec, state_dir)),
        model_name=TINY,
        n_ctx=1024,
        model_sha256=spec.sha256,
        state_dir=str(state_dir),
    )
    try:
        model.invoke([SystemMessage(content=SYSTEM), HumanMessage(content="Vraag: doel?")], max_tokens=4)
        prefix = model.calls[-1].prefix
        assert prefix is not None
        return prefix.source
    finally:
        model.close()


def test_a_state_for_other_settings_is_never_used(tmp_path: Path) -> None:
    _run_child(tmp_path)
    (path,) = _state_files(tmp_path)
    # Another context size is another key: the file is not even looked at under that name.
    assert _prefix_in_a_small_context(tmp_path) == "evaluated"
    assert len(_state_files(tmp_path)) == 2
    # A file renamed to the other key's name (stale: written for n_ctx 2048) is rejected by its header.
    other = next(p for p in _state_files(tmp_path) if p != path)
    other.write_bytes(path.read_bytes())
    assert _prefix_in_a_small_context(tmp_path) == "evaluated"
    assert _prefix_in_a_small_context(tmp_path) == "restored"  # rebuilt by the call before


def test_priming_loads_the_instructions_from_the_saved_state(tmp_path: Path) -> None:
    from verslaghulp.config import Settings
    from verslaghulp.drafting.priming import prime_drafting
    from verslaghulp.llm.factory import embedded_model

    settings = Settings(embedded_model=TINY, n_ctx=3000, model_cache_dir=tmp_path)
    model = embedded_model(settings)
    primed = prime_drafting(model, settings)
    assert model.last_prime is not None and model.last_prime.evaluated == primed > 300
    assert len(_state_files(tmp_path / "states")) == 1
    model.close()
    model.load()  # a fresh context, as in a new process
    assert prime_drafting(model, settings) == primed
    assert model.last_prime.restored > 300 and model.last_prime.evaluated < 20
