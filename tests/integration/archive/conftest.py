"""Real Chroma in both modes: embedded (PersistentClient) and a `chroma run` server on loopback (HttpClient).

Every test that takes `mode` (or `loaded`) runs once per mode, so the same suite covers both.
"""

from __future__ import annotations

import itertools
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import chromadb
import numpy as np
import pytest
from chromadb.config import Settings as ChromaSettings

from verslaghulp.archive import Archive
from verslaghulp.archive.embeddings import E5Embedder, Vectors, default_embedder
from verslaghulp.config import ChromaMode, Settings

REPO = Path(__file__).resolve().parents[3]
EXAMPLES = REPO / "examples" / "archive" / "reports"


class CachingEmbedder:
    """The real e5 model with a cache, so that both modes embed the example archive only once."""

    def __init__(self, inner: E5Embedder) -> None:
        self.inner = inner
        self.passage_cache: dict[str, Vectors] = {}
        self.query_cache: dict[str, Vectors] = {}

    def passages(self, texts: Sequence[str]) -> Vectors:
        missing = [t for t in dict.fromkeys(texts) if t not in self.passage_cache]
        if missing:
            self.passage_cache.update(zip(missing, self.inner.passages(missing), strict=True))
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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    """A real Chroma server (`chroma run`) on a free loopback port, stopped after the session."""
    executable = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
    port = _free_port()
    folder = tmp_path_factory.mktemp("chroma-server")
    log = (folder / "server.log").open("wb")
    process = subprocess.Popen(
        [executable, "run", "--path", str(folder / "db"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                chromadb.HttpClient(
                    host="127.0.0.1", port=port, settings=ChromaSettings(anonymized_telemetry=False)
                ).heartbeat()
                break
            except Exception:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"chroma run did not start: {(folder / 'server.log').read_text()}") from None
                time.sleep(0.2)
        yield "127.0.0.1", port
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


_names = itertools.count()


class ArchiveFactory:
    """Settings and archives for one mode; every call gets its own collection unless told otherwise."""

    def __init__(self, mode: str, data_dir: Path, server: tuple[str, int] | None, embedder: CachingEmbedder):
        self.mode = mode
        self.data_dir = data_dir
        self.server = server
        self.embedder = embedder

    def settings(self, collection: str | None = None) -> Settings:
        host, port = self.server or ("127.0.0.1", 8000)
        return Settings(
            data_dir=self.data_dir,
            chroma_mode=ChromaMode(self.mode),
            chroma_host=host,
            chroma_port=port,
            chroma_collection=collection or f"it-{self.mode}-{next(_names)}",
            archive_examples_dir=EXAMPLES,
        )

    def open(self, collection: str | None = None) -> Archive:
        return Archive.open(self.settings(collection), embedder=self.embedder)


@pytest.fixture(scope="session", params=[ChromaMode.EMBEDDED.value, ChromaMode.HTTP.value])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="session")
def factory(
    mode: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, embedder: CachingEmbedder
) -> ArchiveFactory:
    server = request.getfixturevalue("chroma_server") if mode == ChromaMode.HTTP.value else None
    return ArchiveFactory(mode, tmp_path_factory.mktemp(f"data-{mode}"), server, embedder)


@pytest.fixture(scope="session")
def loaded(factory: ArchiveFactory) -> Archive:
    """An archive with the example reports, once per mode."""
    archive = factory.open("voorbeelden")
    summary = archive.load_examples()
    assert not summary.failed, summary.failed
    return archive
