"""Which question a note line is about, by meaning: a nearest-centroid classifier over e5 vectors.

Headers and keywords are strong signals but only for the words someone thought of. A line they miss
("Urban Future Days, panels over ...", "meeting w/ X, head of ...") is compared with the centroid of
each topic's labelled lines. The centroids are learnt from the dev split of the drafting set
(`scripts/train_line_router.py`, which labels each line by the headers and keywords that select it
and by the expected facts it contains) and stored with the package; nothing of the test split is used.

e5 vectors of unrelated Dutch sentences all lie within a narrow cone (cosine 0.78-0.87), so both the
lines and the centroids are centred on the mean line vector before comparing: what is left is what
makes a line about results rather than about the journey.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import numpy as np
import numpy.typing as npt

from verslaghulp.archive.embeddings import TextEmbedder

Vectors = npt.NDArray[np.float32]
CENTROIDS_FILE = "line_topics.json"
# A line is routed only when its best topic is this close (centred cosine) and clearly ahead of the
# second; chosen on the dev split (see the training script's report).
MIN_SCORE = 0.12
MIN_MARGIN = 0.02


@dataclass(frozen=True)
class Route:
    """The topic (a built-in question id) a line is nearest to, with its score and lead over the next."""

    topic: str
    score: float
    margin: float

    @property
    def sure(self) -> bool:
        """Whether the route is clear enough to act on."""
        return self.score >= MIN_SCORE and self.margin >= MIN_MARGIN


@dataclass(frozen=True)
class Centroids:
    """Centred, normalised topic centroids and the mean they were centred on."""

    topics: tuple[str, ...]
    matrix: Vectors
    mean: Vectors
    source: str

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Centroids:
        """Read the stored centroids."""
        topics = data["topics"]
        assert isinstance(topics, dict)
        names = tuple(sorted(topics))
        matrix = np.asarray([topics[n] for n in names], dtype=np.float32)
        return cls(names, matrix, np.asarray(data["mean"], dtype=np.float32), str(data.get("source", "")))

    def to_json(self) -> dict[str, object]:
        """The centroids as stored (five decimals are far below the classifier's margins)."""
        return {
            "source": self.source,
            "mean": [round(float(x), 5) for x in self.mean],
            "topics": {t: [round(float(x), 5) for x in row] for t, row in zip(self.topics, self.matrix, strict=True)},
        }


def _normalise(vectors: Vectors) -> Vectors:
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return np.asarray(vectors / np.maximum(norms, 1e-9), dtype=np.float32)


def train(vectors: Vectors, labels: list[set[str]], source: str) -> Centroids:
    """Centroids from labelled line vectors (a line may carry several labels)."""
    mean = vectors.mean(axis=0)
    centred = _normalise(vectors - mean)
    names = sorted({t for ls in labels for t in ls})
    rows = []
    for name in names:
        members = [i for i, ls in enumerate(labels) if name in ls]
        rows.append(centred[members].mean(axis=0))
    return Centroids(tuple(names), _normalise(np.asarray(rows, dtype=np.float32)), mean.astype(np.float32), source)


def scores(vectors: Vectors, centroids: Centroids) -> Vectors:
    """Centred cosine of each line vector with each topic centroid (rows: lines, columns: topics)."""
    return np.asarray(_normalise(vectors - centroids.mean) @ centroids.matrix.T, dtype=np.float32)


def route_of(row: Vectors, centroids: Centroids) -> Route:
    """The best topic of one row of scores, with its lead over the second."""
    order = np.argsort(row)[::-1]
    best, second = float(row[order[0]]), float(row[order[1]]) if len(order) > 1 else -1.0
    return Route(centroids.topics[int(order[0])], best, best - second)


def classify(vectors: Vectors, centroids: Centroids) -> list[Route]:
    """The nearest topic of each line vector."""
    if len(vectors) == 0:
        return []
    return [route_of(row, centroids) for row in scores(vectors, centroids)]


def data_path() -> Path:
    """Where the stored centroids live in the package."""
    return Path(str(resources.files("verslaghulp.drafting") / "data" / CENTROIDS_FILE))


@cache
def stored_centroids() -> Centroids | None:
    """The centroids shipped with the package; None when the file is missing (routing is then off)."""
    path = data_path()
    if not path.is_file():
        return None
    return Centroids.from_json(json.loads(path.read_text(encoding="utf-8")))


def score_texts(texts: list[str], embedder: TextEmbedder) -> tuple[Centroids, Vectors] | None:
    """The stored centroids and each text's scores against them (None when no centroids are shipped)."""
    centroids = stored_centroids()
    if centroids is None or not texts:
        return None
    return centroids, scores(embedder.passages(texts), centroids)


def route_texts(texts: list[str], embedder: TextEmbedder) -> list[Route | None]:
    """The route of each text (None for all when no centroids are available)."""
    scored = score_texts(texts, embedder)
    if scored is None:
        return [None] * len(texts)
    centroids, rows = scored
    return [route_of(row, centroids) for row in rows]
