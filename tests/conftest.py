"""Shared test setup: every test runs with its own data folders and fresh settings."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Gradio and huggingface_hub read these at import time: no analytics, no hub lookups in tests.
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Point data and model folders at the test's temp dir and re-read settings afterwards."""
    from verslaghulp.config import get_settings

    monkeypatch.setenv("VERSLAGHULP_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("VERSLAGHULP_MODEL_CACHE_DIR", str(tmp_path / "models"))
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()
