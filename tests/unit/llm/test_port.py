"""Every backend's adapter implements the model port (llm/port.py), and code never asks which adapter it has."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage

from verslaghulp.config import Backend, Settings
from verslaghulp.llm.embedded import EmbeddedChatModel
from verslaghulp.llm.estimate import estimate_tokens
from verslaghulp.llm.factory import make_chat_model
from verslaghulp.llm.fake import FakeChatModel
from verslaghulp.llm.port import ChatModel

SRC = Path(__file__).resolve().parents[3] / "src"
ADAPTERS = frozenset({"EmbeddedChatModel", "FakeChatModel", "OllamaChatModel", "OpenAICompatChatModel"})
# 39 characters in two messages.
MESSAGES: list[BaseMessage] = [SystemMessage("Je schrijft verslagen."), HumanMessage("Doel van de reis?")]


def _settings(backend: Backend) -> Settings:
    return Settings(backend=backend, n_ctx=6144, ollama_model="qwen", openai_model="m", _env_file=None)  # type: ignore[call-arg]


def test_the_remote_adapters_estimate_tokens_one_way_and_keep_the_configured_window() -> None:
    ollama, openai = make_chat_model(_settings(Backend.OLLAMA)), make_chat_model(_settings(Backend.OPENAI))
    assert estimate_tokens(MESSAGES) == int(39 / 3.5) + 2 * 8
    for model, label in ((ollama, "ollama:qwen"), (openai, "openai:m")):
        assert model.label() == label
        assert model.prompt_tokens(MESSAGES) == estimate_tokens(MESSAGES)
        assert model.context_size(6144) == 6144
        assert model.prime(MESSAGES, "Doel") == 0  # the server keeps its own cache


def test_the_fake_counts_words_and_takes_the_configured_window() -> None:
    fake: ChatModel = FakeChatModel()
    assert fake.label() == "fake:fake"
    assert fake.prompt_tokens(MESSAGES) == 3 + 4 + 4 + 4
    assert fake.context_size(512) == 512
    assert fake.prime(MESSAGES, "Doel") == 0


def test_the_embedded_model_tells_its_own_window_without_loading() -> None:
    model: ChatModel = EmbeddedChatModel(model_path="/nowhere.gguf", model_name="qwen2.5-1.5b", n_ctx=2048)
    assert model.label() == "embedded:qwen2.5-1.5b"
    assert model.context_size(8192) == 2048
    assert isinstance(model, EmbeddedChatModel) and not model.loaded


def adapter_checks(src: Path) -> list[str]:
    """Places that name an adapter class outside llm/ (an import, an isinstance) or test for one anywhere."""
    found: list[str] = []
    for path in sorted((src / "verslaghulp").rglob("*.py")):
        relative = path.relative_to(src).as_posix()
        inside_llm = relative.startswith("verslaghulp/llm/")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and not inside_llm:
                found += [f"{relative}:{node.lineno} imports {a.name}" for a in node.names if a.name in ADAPTERS]
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "isinstance":
                named = {n.id for arg in node.args[1:] for n in ast.walk(arg) if isinstance(n, ast.Name)}
                found += [f"{relative}:{node.lineno} asks isinstance(..., {name})" for name in sorted(named & ADAPTERS)]
    return found


def test_no_production_code_asks_which_adapter_it_has() -> None:
    assert adapter_checks(SRC) == []


@pytest.mark.parametrize(
    ("module", "text", "expected"),
    [
        (
            "llm/factory.py",
            "def f(model):\n    return isinstance(model, EmbeddedChatModel | FakeChatModel)\n",
            ["verslaghulp/llm/factory.py:2 asks isinstance(..., EmbeddedChatModel)",
             "verslaghulp/llm/factory.py:2 asks isinstance(..., FakeChatModel)"],
        ),
        (
            "drafting/pipeline.py",
            "from verslaghulp.llm.fake import FakeChatModel\n",
            ["verslaghulp/drafting/pipeline.py:1 imports FakeChatModel"],
        ),
    ],
)  # fmt: skip
def test_an_adapter_check_is_found(tmp_path: Path, module: str, text: str, expected: list[str]) -> None:
    path = tmp_path / "verslaghulp" / module
    path.parent.mkdir(parents=True)
    path.write_text(text)
    assert adapter_checks(tmp_path) == expected
