"""Unit tests never reach a real model: the guard makes any attempt fail loudly."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from verslaghulp.llm import guard


@pytest.fixture(autouse=True)
def no_real_models() -> Iterator[None]:
    guard.block_real_models()
    yield
    guard.allow_real_models()
