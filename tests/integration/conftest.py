"""Integration tests run real parts: the tiny real llama.cpp model (SmolLM2-135M), real files."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from verslaghulp.config import Settings
from verslaghulp.llm import guard
from verslaghulp.llm.embedded import EmbeddedChatModel
from verslaghulp.llm.factory import embedded_model

TINY = "smollm2-135m"


@pytest.fixture(autouse=True)
def real_models_allowed() -> Iterator[None]:
    guard.allow_real_models()
    yield


@pytest.fixture(scope="session")
def tiny_settings() -> Settings:
    # A low generation cap keeps the tiny model quick; a cut answer exercises the verbatim fallback.
    return Settings(embedded_model=TINY, n_ctx=4096, max_answer_tokens=160)


@pytest.fixture(scope="session")
def tiny_model(tiny_settings: Settings) -> EmbeddedChatModel:
    """One loaded tiny model for the whole session (loading per test would dominate the run time)."""
    model = embedded_model(tiny_settings)
    model.load()
    return model
