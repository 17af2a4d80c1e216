"""The Ollama backend, for users with an Ollama server (e.g. the docker-compose setup)."""

from __future__ import annotations

from langchain_core.language_models import BaseChatModel
from langchain_ollama import ChatOllama

from verslaghulp.config import Settings


def make_ollama_model(settings: Settings) -> BaseChatModel:
    """ChatOllama with an explicit context size (Ollama's default of 2048 silently truncates notes)."""
    return ChatOllama(
        model=settings.ollama_model,
        base_url=settings.ollama_base_url,
        num_ctx=settings.n_ctx,
        num_predict=settings.max_answer_tokens,
        temperature=0.0,
        seed=1,
    )
