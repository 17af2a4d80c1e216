"""The Ollama backend against the documented HTTP API (/api/chat, /api/tags), scripted replies over real HTTP."""

from __future__ import annotations

import socket

import pytest
from langchain_core.messages import HumanMessage, SystemMessage
from pydantic import BaseModel

from verslaghulp.config import Backend, Settings
from verslaghulp.llm.factory import make_chat_model
from verslaghulp.llm.ollama import OllamaChatModel, check_ollama, choose_num_ctx, make_ollama_model
from verslaghulp.llm.remote_errors import (
    InputTooLargeError,
    ModelNotPulledError,
    ModelTimeoutError,
    ServerUnreachableError,
)

from .conftest import Reply, ScriptedServer, ollama_stream


class Antwoord(BaseModel):
    tekst: str


MESSAGES = [SystemMessage("Je schrijft verslagen."), HumanMessage("Wat was het doel van de reis?")]


def model_for(server: ScriptedServer, timeout: float = 2, **overrides: object) -> OllamaChatModel:
    settings = Settings(
        backend=Backend.OLLAMA,
        ollama_base_url=server.url,
        ollama_model="qwen2.5:7b-instruct",
        n_ctx=8192,
        max_answer_tokens=200,
        remote_timeout_seconds=timeout,
        _env_file=None,  # type: ignore[call-arg]
    )
    model = make_ollama_model(settings)
    assert isinstance(model, OllamaChatModel)
    return model.model_copy(update={"retry_base_delay": 0.01, **overrides})


def test_factory_builds_the_ollama_model() -> None:
    settings = Settings(backend=Backend.OLLAMA, _env_file=None)  # type: ignore[call-arg]
    assert isinstance(make_chat_model(settings), OllamaChatModel)


def test_num_ctx_is_a_power_of_two_that_fits_and_is_capped() -> None:
    assert choose_num_ctx(100, 200, 8192) == 2048
    assert choose_num_ctx(3000, 920, 8192) == 4096
    assert choose_num_ctx(5000, 920, 6000) == 6000
    with pytest.raises(InputTooLargeError, match="te lang"):
        choose_num_ctx(8000, 920, 8192)


def test_structured_call_streams_with_the_schema_as_format(scripted_server: ScriptedServer) -> None:
    scripted_server.script("/api/chat", Reply(lines=ollama_stream('{"tekst": "Kennis delen."}')))
    result = model_for(scripted_server).structured(MESSAGES, Antwoord)
    assert result.value.tekst == "Kennis delen."
    path, body = scripted_server.requests[0]
    assert path == "/api/chat"
    assert body["stream"] is True
    assert body["format"]["properties"]["tekst"]["type"] == "string"
    assert body["options"]["num_ctx"] == 2048  # a short prompt gets the smallest context
    assert body["options"]["num_predict"] == 200
    assert result.stats.prompt_tokens == 40
    assert result.stats.completion_tokens == 6
    assert result.stats.prompt_seconds == pytest.approx(0.2)
    assert result.stats.generation_seconds == pytest.approx(0.6)


def test_long_input_gets_a_larger_context(scripted_server: ScriptedServer) -> None:
    scripted_server.script("/api/chat", Reply(lines=ollama_stream('{"tekst": "x"}')))
    long_notes = HumanMessage("Aantekening over de reis. " * 400)  # ~10,000 characters, ~2,900 tokens
    model_for(scripted_server).structured([MESSAGES[0], long_notes], Antwoord)
    assert scripted_server.requests[0][1]["options"]["num_ctx"] == 4096


def test_input_that_cannot_fit_is_refused_before_any_request(scripted_server: ScriptedServer) -> None:
    huge = HumanMessage("woord " * 20_000)
    with pytest.raises(InputTooLargeError, match="VERSLAGHULP_N_CTX"):
        model_for(scripted_server).invoke([huge])
    assert scripted_server.requests == []


def test_model_not_pulled_names_the_pull_command(scripted_server: ScriptedServer) -> None:
    scripted_server.script(
        "/api/chat", Reply(404, {"error": 'model "qwen2.5:7b-instruct" not found, try pulling it first'})
    )
    with pytest.raises(ModelNotPulledError, match=r"ollama pull qwen2\.5:7b-instruct"):
        model_for(scripted_server).invoke(MESSAGES)
    assert len(scripted_server.requests) == 1  # a missing model is not retried


def test_transient_errors_are_retried_with_backoff(scripted_server: ScriptedServer) -> None:
    scripted_server.script(
        "/api/chat",
        Reply(503, {"error": "server busy"}),
        Reply(429, {"error": "too many requests"}),
        Reply(lines=ollama_stream('{"tekst": "gelukt"}')),
    )
    result = model_for(scripted_server).structured(MESSAGES, Antwoord)
    assert result.value.tekst == "gelukt"
    assert len(scripted_server.requests) == 3


def test_persistent_server_errors_give_up_after_the_configured_attempts(scripted_server: ScriptedServer) -> None:
    scripted_server.script("/api/chat", *[Reply(500, {"error": "runner crashed"})] * 5)
    with pytest.raises(Exception, match="gaf een fout"):
        model_for(scripted_server, retry_attempts=2).invoke(MESSAGES)
    assert len(scripted_server.requests) == 2


def test_timeout_is_reported_in_dutch(scripted_server: ScriptedServer) -> None:
    scripted_server.script("/api/chat", Reply(lines=ollama_stream("{}"), delay=1.5))
    model = model_for(scripted_server, timeout=0.3)
    with pytest.raises(ModelTimeoutError, match="geen antwoord"):
        model.invoke(MESSAGES)
    assert len(scripted_server.requests) == 1  # timeouts are not retried


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_unreachable_server_is_reported_in_dutch() -> None:
    settings = Settings(
        backend=Backend.OLLAMA,
        ollama_base_url=f"http://127.0.0.1:{free_port()}",
        _env_file=None,  # type: ignore[call-arg]
    )
    model = make_ollama_model(settings)
    assert isinstance(model, OllamaChatModel)
    with pytest.raises(ServerUnreachableError, match="niet bereikbaar"):
        model.model_copy(update={"retry_base_delay": 0.01}).invoke(MESSAGES)


def test_check_ollama_reads_the_tags(scripted_server: ScriptedServer) -> None:
    tags = {"models": [{"name": "qwen2.5:7b-instruct", "model": "qwen2.5:7b-instruct", "size": 1}]}
    scripted_server.script("/api/tags", Reply(body=tags), Reply(body=tags))
    check_ollama(scripted_server.url, "qwen2.5:7b-instruct")
    with pytest.raises(ModelNotPulledError, match="ollama pull llama3"):
        check_ollama(scripted_server.url, "llama3")


def test_the_default_server_model_runs_without_its_thinking_mode(scripted_server: ScriptedServer) -> None:
    # Qwen3 thinks by default; with a schema that would spend the budget on hidden reasoning.
    assert Settings(_env_file=None).ollama_model.startswith("qwen3")  # type: ignore[call-arg]
    scripted_server.script("/api/chat", Reply(lines=ollama_stream('{"tekst": "Kennis delen."}')))
    model_for(scripted_server).structured(MESSAGES, Antwoord)
    assert scripted_server.requests[0][1]["think"] is False
