"""The OpenAI-compatible backend's requests and errors, against a scripted /v1/chat/completions over real HTTP."""

from __future__ import annotations

from typing import Any

import pytest
from langchain_core.messages import HumanMessage
from pydantic import BaseModel

from verslaghulp.config import Backend, Settings
from verslaghulp.llm.factory import make_chat_model
from verslaghulp.llm.openai_compat import OpenAICompatChatModel
from verslaghulp.llm.port import StructuredOutputError
from verslaghulp.llm.remote_errors import ModelServerError

from .conftest import Reply, ScriptedServer


class Antwoord(BaseModel):
    tekst: str


def completion(content: str, finish_reason: str = "stop") -> dict[str, Any]:
    return {
        "id": "c1",
        "object": "chat.completion",
        "created": 1,
        "model": "m",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": finish_reason}],
        "usage": {"prompt_tokens": 33, "completion_tokens": 7, "total_tokens": 40},
    }


def model_for(server: ScriptedServer) -> OpenAICompatChatModel:
    settings = Settings(
        backend=Backend.OPENAI,
        openai_base_url=f"{server.url}/v1",
        openai_model="m",
        max_answer_tokens=100,
        _env_file=None,  # type: ignore[call-arg]
    )
    model = make_chat_model(settings)
    assert isinstance(model, OpenAICompatChatModel)
    assert model.label() == "openai:m"
    return model.model_copy(update={"retry_base_delay": 0.01})


def test_schema_as_json_object_and_plain_max_tokens(scripted_server: ScriptedServer) -> None:
    scripted_server.script("/v1/chat/completions", Reply(body=completion('{"tekst": "Kennis delen."}')))
    result = model_for(scripted_server).structured([HumanMessage("doel?")], Antwoord, max_tokens=60)
    assert result.value.tekst == "Kennis delen."
    body = scripted_server.requests[0][1]
    assert body["response_format"]["type"] == "json_object"
    assert body["response_format"]["schema"]["properties"]["tekst"]["type"] == "string"
    # llama.cpp's server ignores max_completion_tokens, so it must arrive as max_tokens.
    assert body["max_tokens"] == 60 and "max_completion_tokens" not in body
    assert (result.stats.prompt_tokens, result.stats.completion_tokens) == (33, 7)


def test_a_reply_cut_off_at_max_tokens_is_an_invalid_answer_not_a_server_error(
    scripted_server: ScriptedServer,
) -> None:
    # The client refuses to parse a reply that stopped at the length limit; the draft must fall back for
    # that one question (as with the other backends) instead of failing with "server error".
    scripted_server.script("/v1/chat/completions", Reply(body=completion('{"tekst": "Kennis de', "length")))
    with pytest.raises(StructuredOutputError) as raised:
        model_for(scripted_server).structured([HumanMessage("doel?")], Antwoord, max_tokens=7)
    assert raised.value.stats is not None and raised.value.stats.completion_tokens == 7
    assert len(scripted_server.requests) == 1  # not retried: the same request would be cut off again


def test_busy_server_is_retried(scripted_server: ScriptedServer) -> None:
    scripted_server.script(
        "/v1/chat/completions",
        Reply(503, {"error": {"message": "busy"}}),
        Reply(body=completion('{"tekst": "ok"}')),
    )
    result = model_for(scripted_server).structured([HumanMessage("x")], Antwoord)
    assert result.value.tekst == "ok" and len(scripted_server.requests) == 2


def test_unknown_model_is_reported_in_dutch(scripted_server: ScriptedServer) -> None:
    scripted_server.script(
        "/v1/chat/completions", Reply(404, {"error": {"message": "The model `m` does not exist.", "code": 404}})
    )
    with pytest.raises(ModelServerError, match="VERSLAGHULP_OPENAI_MODEL"):
        model_for(scripted_server).structured([HumanMessage("x")], Antwoord)
    assert len(scripted_server.requests) == 1
