from __future__ import annotations

import importlib.util
import itertools
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from verslaghulp.archive import Archive
from verslaghulp.archive.embeddings import E5Embedder, Vectors, default_embedder
from verslaghulp.config import Settings

REPO = Path(__file__).resolve().parents[3]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLES = REPO / "examples" / "archive"


class CachingEmbedder:
    """The real e5 model, with a cache: the same texts are embedded by many tests (2 cores, ~35 texts/s)."""

    def __init__(self, inner: E5Embedder) -> None:
        self.inner = inner
        self.passage_cache: dict[str, Vectors] = {}
        self.query_cache: dict[str, Vectors] = {}

    def passages(self, texts: Sequence[str]) -> Vectors:
        missing = [t for t in dict.fromkeys(texts) if t not in self.passage_cache]
        if missing:
            for text, vector in zip(missing, self.inner.passages(missing), strict=True):
                self.passage_cache[text] = vector
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.stack([self.passage_cache[t] for t in texts])

    def query(self, text: str) -> Vectors:
        if text not in self.query_cache:
            self.query_cache[text] = self.inner.query(text)
        return self.query_cache[text]


@pytest.fixture(scope="session")
def embedder() -> CachingEmbedder:
    return CachingEmbedder(default_embedder())


_names = itertools.count()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        data_dir=tmp_path / "data",
        chroma_collection=f"test-{next(_names)}",
        archive_max_file_mb=1.0,
        archive_max_chars=50_000,
        archive_examples_dir=EXAMPLES / "reports",
    )


@pytest.fixture
def archive(settings: Settings, embedder: CachingEmbedder) -> Archive:
    return Archive.open(settings, embedder=embedder)


@pytest.fixture(scope="session")
def docmaker() -> ModuleType:
    """examples/archive/make_documents.py: the .docx and .pdf writers used for the example archive."""
    spec = importlib.util.spec_from_file_location("make_documents", EXAMPLES / "make_documents.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def fixture_text() -> Callable[[str], str]:
    return lambda name: (FIXTURES / name).read_text(encoding="utf-8")
