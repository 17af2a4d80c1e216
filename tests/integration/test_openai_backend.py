"""The OpenAI-compatible backend against a real `python -m llama_cpp.server` on loopback (tiny model)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from langchain_core.messages import HumanMessage, SystemMessage

from verslaghulp.config import Backend, Settings
from verslaghulp.drafting import draft_report
from verslaghulp.drafting.prompting import TextAnswer
from verslaghulp.llm.factory import make_chat_model
from verslaghulp.llm.openai_compat import OpenAICompatChatModel
from verslaghulp.llm.remote_errors import ServerUnreachableError
from verslaghulp.llm.weights import ensure_model, get_spec
from verslaghulp.report.forms import load_form

pytestmark = pytest.mark.real_model

pytest.importorskip("sse_starlette", reason="llama-cpp-python's [server] extra is not installed (scripts/setup.sh dev)")

NOTES = """Wenen CGCC 27 t/m 29 april 2025, mee: Fatima Bakker
heen vlucht KLM, terug trein
doel: bijeenkomst Council of Global City CIOs over AI in dienstverlening
gesproken: Lena Gruber - CIO Wenen
afspraak: Dublin stuurt in juni hun drone-beleid
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def llama_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real llama.cpp OpenAI-compatible server with SmolLM2-135M; yields its /v1 base URL."""
    weights = ensure_model(get_spec("smollm2-135m"), tmp_path_factory.mktemp("models"))
    port = _free_port()
    log = tmp_path_factory.mktemp("server") / "server.log"
    with Path(log).open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "llama_cpp.server", "--model", str(weights), "--host", "127.0.0.1",
             "--port", str(port), "--n_ctx", "4096", "--model_alias", "smollm2"],
            stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    base = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{base}/models", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"llama_cpp.server did not start:\n{log.read_text()[-3000:]}")
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture
def settings(llama_server: str) -> Settings:
    return Settings(
        backend=Backend.OPENAI,
        openai_base_url=llama_server,
        openai_model="smollm2",
        max_answer_tokens=64,  # short answers keep the end-to-end draft quick on 2 cores
        n_ctx=4096,
        _env_file=None,  # type: ignore[call-arg]
    )


def test_structured_output_and_token_stats(settings: Settings) -> None:
    model = make_chat_model(settings)
    assert isinstance(model, OpenAICompatChatModel)
    assert model.label() == "openai:smollm2"
    messages = [SystemMessage("Antwoord in JSON."), HumanMessage("1. doel: overleg in Gent\nVraag: doel?")]
    result = model.structured(messages, TextAnswer, max_tokens=60)
    assert isinstance(result.value, TextAnswer)
    assert result.stats.prompt_tokens > 0
    assert 0 < result.stats.completion_tokens <= 60  # max_tokens reached the server as max_tokens


def test_draft_report_end_to_end(settings: Settings) -> None:
    form = load_form("denhaag-2025")
    draft = draft_report(NOTES, form, make_chat_model(settings), settings)
    assert [a.question_id for a in draft.answers] == [q.id for q in form.questions]
    assert draft.answer("personen").text == "2 personen"
    assert draft.meta.model == "openai:smollm2"
    assert draft.meta.calls and all(c.completion_tokens > 0 for c in draft.meta.calls)


def test_unreachable_server_is_reported_in_dutch() -> None:
    settings = Settings(
        backend=Backend.OPENAI,
        openai_base_url=f"http://127.0.0.1:{_free_port()}/v1",
        remote_retries=1,
        _env_file=None,  # type: ignore[call-arg]
    )
    with pytest.raises(ServerUnreachableError, match="niet bereikbaar"):
        make_chat_model(settings).structured([HumanMessage("hallo")], TextAnswer)
