"""A Chroma server that restarts in the middle of an ingest: after a retry nothing is lost or doubled."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import chromadb
import pytest
from chromadb.config import Settings as ChromaSettings

from verslaghulp.archive import Archive
from verslaghulp.archive.embeddings import TextEmbedder
from verslaghulp.archive.models import IngestOutcome, IngestStatus
from verslaghulp.config import ChromaMode, Settings

REPO = Path(__file__).resolve().parents[3]
EXAMPLES = REPO / "examples" / "archive" / "reports"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class RestartableChroma:
    """`chroma run` on a fixed port and folder, so that it can be stopped and started again."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = _free_port()
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        executable = shutil.which("chroma") or str(Path(sys.executable).parent / "chroma")
        log = (self.folder / "server.log").open("ab")
        self.process = subprocess.Popen(
            [executable, "run", "--path", str(self.folder / "db"), "--host", "127.0.0.1", "--port", str(self.port)],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                chromadb.HttpClient(
                    host="127.0.0.1", port=self.port, settings=ChromaSettings(anonymized_telemetry=False)
                ).heartbeat()
                return
            except Exception:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError((self.folder / "server.log").read_text()) from None
                time.sleep(0.2)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=20)
            self.process = None


@pytest.fixture
def chroma(tmp_path: Path) -> Iterator[RestartableChroma]:
    server = RestartableChroma(tmp_path)
    server.start()
    yield server
    server.stop()


def test_restart_during_ingest_then_retry_loses_and_doubles_nothing(
    chroma: RestartableChroma, embedder: TextEmbedder, tmp_path: Path
) -> None:
    files = sorted(EXAMPLES.glob("*.txt"))[:6]
    settings = Settings(
        data_dir=tmp_path / "data",
        chroma_mode=ChromaMode.HTTP,
        chroma_host="127.0.0.1",
        chroma_port=chroma.port,
        chroma_collection="herstart",
        _env_file=None,  # type: ignore[call-arg]
    )
    archive = Archive.open(settings, embedder=embedder)
    events: list[str] = []

    # After the second file the server goes down; the next file meets no server; then it comes back.
    def progress(outcome: IngestOutcome, done: int, total: int) -> None:
        if done == 2:
            chroma.stop()
            events.append("stopped")
        elif done == 3:
            chroma.start()
            events.append("started")

    try:
        first = archive.ingest_paths(files, progress=progress)
        failed_first = len(first.failed)
    except Exception:
        failed_first = -1  # the ingest stopped at the failure; the retry must finish it
        if chroma.process is None:
            chroma.start()
    assert "stopped" in events
    assert failed_first != 0, "the file ingested while the server was down cannot have succeeded"

    # The retry: the same ingest again (as an operator would), over a fresh connection.
    retry = Archive.open(settings, embedder=embedder).ingest_paths(files)
    assert not retry.failed, retry.failed
    again = Archive.open(settings, embedder=embedder)
    reports = again.list_reports()
    assert again.count_reports() == len(files)
    assert sorted(r.source_name for r in reports) == sorted(p.name for p in files)
    chunks_after_retry = again.store.count()

    # A further ingest changes nothing: no duplicates appear.
    third = again.ingest_paths(files)
    assert third.count(IngestStatus.FAILED) == 0
    assert again.store.count() == chunks_after_retry
    assert again.count_reports() == len(files)
