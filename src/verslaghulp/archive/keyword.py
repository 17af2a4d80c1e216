"""Keyword search (BM25) over the answer chunks, next to the embeddings.

Embeddings are vague about names: "Bratislava" and "Bloomberg Associates" are rare words that a
small multilingual model maps close to other cities and companies. BM25 rewards exactly those rare
words. The index lives in memory, is built from the store's chunks, and is rebuilt when the store's
revision changes (also after writes by another process).
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
import snowballstemmer

from verslaghulp.report.parse import fold

_K1 = 1.2
_B = 0.75
_STOPWORDS = frozenset(
    """
    aan al alle alleen als andere ben bij daar dan dat de deze die dit doe doen door dus een eens en er ge
    geen geweest haar had heb hebben heeft hem het hier hij hoe hoeveel hun iemand ik in is ja je jij
    kan kon kunnen maar me meer men met mij mijn moet na naar niet niets nog nu of om omdat onder ons ook
    op over reeds te tegen toch toen tot u uit uw van veel voor waar waarom wanneer want waren was wat we
    wel welk welke werd wie wij wil worden wordt zal ze zei zelf zich zij zijn zo zonder zou zoals the of
    and to in for on at with from by is are was were be this that what who which where when how
    """.split()  # noqa: SIM905 - a word list is easier to read and extend as text
)
# Snowball's classic Dutch stemmer, applied to query and text alike, so that inflection does not stop
# a match: plurals ("afspraken"/"afspraak", "vragen"/"vraag", English "chatbots"/"chatbot") and
# adjective endings ("digitale"/"digitaal"). Its newer Dutch stemmer ("dutch", Kraaij-Pohlmann)
# keeps English plurals apart, and the archive and its questions are partly English.
#
# A stemmer keeps the word it works on in itself: one per thread (searches run in the web server's threads).
_stemmers = threading.local()


@lru_cache(maxsize=1 << 16)
def _stem(token: str) -> str:
    stemmer = getattr(_stemmers, "dutch", None)
    if stemmer is None:
        stemmer = _stemmers.dutch = snowballstemmer.stemmer("dutch_porter")
    return str(stemmer.stemWord(token))


def tokens(text: str) -> list[str]:
    """Folded, stemmed words without stop words: what BM25 compares."""
    return [_stem(t) for t in fold(text).split() if t not in _STOPWORDS and (len(t) > 1 or t.isdigit())]


def query_terms(query: str) -> list[str]:
    """The words of a query that count, in order and without repeats."""
    return list(dict.fromkeys(tokens(query)))


Entry = tuple[str, str, Mapping[str, Any]]
"""(record id, answer text, metadata) of one answer chunk."""


@dataclass
class KeywordIndex:
    """An in-memory BM25 index of answer chunks, tagged with the store revision it reflects.

    Built in full from the store (3 s at 10,000 chunks, nearly all of it reading from Chroma) when
    another process has written; the archive's own writes are applied in place (`add`,
    `remove_report`), so that a search right after an ingest does not pay a rebuild.
    """

    revision: str | None = None
    ids: list[str] = field(default_factory=list)
    metadatas: list[Mapping[str, Any]] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    rows_by_report: dict[str, list[int]] = field(default_factory=dict)
    _postings: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)
    _pending: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    _lengths: list[int] = field(default_factory=list)
    _removed: set[int] = field(default_factory=set)
    _arrays: tuple[np.ndarray, np.ndarray] | None = None  # lengths and the alive mask, as numpy

    def build(self, entries: Iterable[Entry], revision: str) -> None:
        """Index every chunk anew."""
        self.ids, self.documents, self.metadatas, self._lengths = [], [], [], []
        self.rows, self.rows_by_report, self._postings, self._pending, self._removed = {}, {}, {}, {}, set()
        self.add(entries, revision)

    def add(self, entries: Iterable[Entry], revision: str) -> None:
        """Index more chunks, each with its question's heading.

        The report's title is left out on purpose: it would give every answer of a report the same
        keyword score for its city, and the answer that actually names the city should win.
        """
        for record_id, text, metadata in entries:
            row = len(self.ids)
            words = tokens(f"{metadata.get('heading', '')} {text}")
            for term, tf in Counter(words).items():
                self._pending.setdefault(term, []).append((row, tf))
            self._lengths.append(len(words))
            self.ids.append(record_id)
            self.documents.append(text)
            self.metadatas.append(metadata)
            self.rows[record_id] = row
            self.rows_by_report.setdefault(str(metadata.get("report_id", "")), []).append(row)
        self._arrays = None
        self.revision = revision

    def remove_report(self, report_id: str, revision: str) -> None:
        """Forget a report's chunks (their rows stay, scored 0, until the next full build)."""
        for row in self.rows_by_report.pop(report_id, []):
            self._removed.add(row)
            self.rows.pop(self.ids[row], None)
        self._arrays = None
        self.revision = revision

    def _compact(self) -> tuple[np.ndarray, np.ndarray]:
        if self._arrays is None:
            for term, plist in self._pending.items():
                new_rows = np.array([p[0] for p in plist], dtype=np.int64)
                new_tf = np.array([p[1] for p in plist], dtype=np.float64)
                if term in self._postings:
                    rows, tf = self._postings[term]
                    new_rows, new_tf = np.concatenate([rows, new_rows]), np.concatenate([tf, new_tf])
                self._postings[term] = (new_rows, new_tf)
            self._pending = {}
            alive = np.ones(len(self.ids), dtype=bool)
            alive[list(self._removed)] = False
            self._arrays = (np.array(self._lengths, dtype=np.float64), alive)
        return self._arrays

    def __len__(self) -> int:
        return len(self.rows)

    def idf(self, term: str) -> float:
        """Inverse document frequency over the live chunks (BM25+ style, never negative)."""
        _, alive = self._compact()
        df = int(alive[self._postings[term][0]].sum()) if term in self._postings else 0
        return math.log(1 + (len(self) - df + 0.5) / (df + 0.5))

    def scores(self, query: str) -> np.ndarray:
        """The BM25 score of every row for a query (0 where no query word occurs, or the row is removed)."""
        scores = np.zeros(len(self.ids))
        if not self.rows:
            return scores
        lengths, alive = self._compact()
        avg = float(lengths[alive].mean()) or 1.0
        for term in query_terms(query):
            if term not in self._postings:
                continue
            rows, tf = self._postings[term]
            norm = tf + _K1 * (1 - _B + _B * lengths[rows] / avg)
            scores[rows] += self.idf(term) * tf * (_K1 + 1) / norm  # a term occurs once per row
        scores[~alive] = 0.0
        return scores

    def search(
        self, query: str, *, limit: int, allowed: Callable[[Mapping[str, Any]], bool] | None = None
    ) -> list[tuple[int, float]]:
        """The best (row, score) pairs for a query; rows index `ids`, `documents` and `metadatas`."""
        return self.best(self.scores(query), limit=limit, allowed=allowed)

    def best(
        self, scores: np.ndarray, *, limit: int, allowed: Callable[[Mapping[str, Any]], bool] | None = None
    ) -> list[tuple[int, float]]:
        """The rows with the highest positive scores that pass `allowed`."""
        found: list[tuple[int, float]] = []
        for row in np.argsort(-scores):
            if scores[row] <= 0 or len(found) >= limit:
                break
            if allowed is None or allowed(self.metadatas[int(row)]):
                found.append((int(row), float(scores[row])))
        return found


def snippet(text: str, query: str, width: int = 240) -> str:
    """A window of the text around the query words: the window that holds most of them (else the start)."""
    flat = re.sub(r"\s+", " ", text).strip()
    if len(flat) <= width:
        return flat
    terms = {t for t in query_terms(query) if len(t) > 1}
    hits = [(m.start(), _stem(fold(m.group()))) for m in re.finditer(r"\w+", flat)]
    hits = [(pos, term) for pos, term in hits if term in terms]
    if not hits:
        return flat[:width].rsplit(" ", 1)[0] + " …"
    # Each hit can open a window; the one covering the most distinct query words wins, the earliest on a tie.
    best = max(hits, key=lambda h: (len({t for p, t in hits if h[0] <= p < h[0] + width * 2 // 3}), -h[0]))
    start = max(0, best[0] - width // 3)
    end = min(len(flat), start + width)
    piece = flat[start:end]
    if start > 0:
        piece = "… " + piece.split(" ", 1)[-1]
    if end < len(flat):
        piece = piece.rsplit(" ", 1)[0] + " …"
    return piece
