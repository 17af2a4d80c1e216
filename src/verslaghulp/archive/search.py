"""Hybrid search: e5 similarity plus BM25 keywords, metadata filters, results grouped per report.

Every candidate chunk (the nearest by embedding and the best by keywords) gets both scores:
`score = cosine + KEYWORD_WEIGHT * keyword`, with the keyword score scaled to 0-1 within the search; a
report scores its best answer's meaning plus its best keyword match. Within a report, the answer to
the question asked about (intent.py) is shown first.
e5 similarities of relevant answers lie close together (0.80-0.88), so a full keyword match, which is
rare for names and places, decides between them, while a question without rare words is ranked by
meaning alone.

A search over the whole archive shows the reports that fit the question, not always `limit` of
them: a report scoring more than RELEVANT_WITHIN below the best report is left out (`relevant`).
Measured on the retrieval sets (bench/search_cut.py, figures in eval/README.md): a name or place
lifts its report 0.10 to 0.19 above the next one, which the cut drops; on the dev
split the reports a topic question expects lie up to 0.069 below the best, so 0.08 keeps them all
(recall@5 stays 1.00) while a search shows 1.7 reports instead of 9.4. An absolute floor added
nothing on dev and lost held-out reports (English questions score under 0.80), so there is none.
A search within chosen reports (`SearchFilters.report_ids`, as the summaries score their
selection) is not cut: the caller has picked them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
from chromadb.api.types import Where

from verslaghulp.archive.embeddings import TextEmbedder, Vectors
from verslaghulp.archive.intent import intended_questions
from verslaghulp.archive.keyword import KeywordIndex, snippet
from verslaghulp.archive.models import AnswerHit, ReportHit, SearchFilters
from verslaghulp.archive.places import CITIES, COUNTRIES, canonical_city, canonical_country
from verslaghulp.archive.records import summary_from_metadata
from verslaghulp.archive.store import ChromaStore
from verslaghulp.archive.themes import canonical_theme

KEYWORD_WEIGHT = 0.12
CANDIDATES = 60
OVERFETCH = 1000  # unfiltered neighbours fetched when filters apply, then filtered in Python
MIN_FILTERED = 20  # fewer neighbours than this passing the filters: let Chroma filter instead
SHORT_ANSWER_CHARS = 25
ANSWERS_PER_REPORT = 3
RELEVANT_WITHIN = 0.08  # a report scoring further below the best one is not shown (see `relevant`)

Test = Callable[[Mapping[str, Any]], bool]


@dataclass(frozen=True)
class Clause:
    """One filter, as a Chroma `where` and as the same test in Python (for the keyword index)."""

    where: dict[str, Any]
    test: Test


def _contains(key: str, value: str) -> Clause:
    return Clause({key: {"$contains": value}}, lambda m: value in (m.get(key) or []))


def _range(key: str, op: str, value: int) -> Clause:
    def test(m: Mapping[str, Any]) -> bool:
        found = m.get(key)
        return found is not None and (found >= value if op == "$gte" else found <= value)

    return Clause({key: {op: value}}, test)


def _one_of(key: str, values: list[str]) -> Clause:
    allowed = set(values)
    return Clause({key: {"$in": list(values)}}, lambda m: m.get(key) in allowed)


def _equals(key: str, value: str | bool) -> Clause:
    return Clause({key: value}, lambda m: m.get(key) == value)


def build_clauses(filters: SearchFilters, store: ChromaStore) -> list[Clause] | None:
    """The clauses for a set of filters; None when they exclude every report.

    A city, country or theme the archive does not know as a tag is not an error: it then filters
    on reports whose text mentions the word.
    """
    clauses: list[Clause] = []
    report_ids = set(filters.report_ids) if filters.report_ids is not None else None
    if filters.year_from is not None:
        clauses.append(_range("year_end", "$gte", filters.year_from))
    if filters.year_to is not None:
        clauses.append(_range("year", "$lte", filters.year_to))
    for value, known, canonical, key in (
        (filters.city, CITIES, canonical_city, "cities"),
        (filters.country, COUNTRIES, canonical_country, "countries"),
    ):
        if value:
            name = canonical(value)
            if name in known:
                clauses.append(_contains(key, name))
            else:
                report_ids = _mentioning(store, value, report_ids)
    if filters.theme:
        theme = canonical_theme(filters.theme)
        if theme:
            clauses.append(_contains("themes", theme))
        else:
            report_ids = _mentioning(store, filters.theme, report_ids)
    if filters.form_id:
        clauses.append(_equals("form_id", filters.form_id))
    if filters.question_ids:
        clauses.append(_one_of("question_id", filters.question_ids))
    if not filters.include_examples:
        clauses.append(_equals("example", False))
    if report_ids is not None:
        if not report_ids:
            return None
        clauses.append(_one_of("report_id", sorted(report_ids)))
    return clauses


def _mentioning(store: ChromaStore, word: str, within: set[str] | None) -> set[str]:
    pattern = r"(?i)\b" + re.escape(word.strip()) + r"\b"
    found = {str(m["report_id"]) for m, _ in store.report_records(where_document={"$regex": pattern})}
    return found if within is None else found & within


def combine(clauses: list[Clause]) -> Where | None:
    """The clauses as one Chroma `where`."""
    if not clauses:
        return None
    if len(clauses) == 1:
        return clauses[0].where
    return {"$and": [c.where for c in clauses]}


def hybrid_search(
    query: str,
    *,
    store: ChromaStore,
    index: KeywordIndex,
    embedder: TextEmbedder,
    filters: SearchFilters,
    limit: int,
) -> list[ReportHit]:
    """Reports matching a question, best first, each with its best answers."""
    clauses = build_clauses(filters, store)
    if clauses is None or not query.strip():
        return []

    def allowed(meta: Mapping[str, Any]) -> bool:
        return all(c.test(meta) for c in clauses)

    vector = embedder.query(query)
    bm25 = index.scores(query)
    keyword_rows = index.best(bm25, limit=CANDIDATES, allowed=allowed)
    top_keyword = keyword_rows[0][1] if keyword_rows else 1.0
    cosines = nearest(store, index, vector, clauses, allowed)
    _add_cosines(cosines, [index.ids[row] for row, _ in keyword_rows], store, vector)

    def answers_of(record_ids: list[str]) -> dict[str, list[AnswerHit]]:
        grouped: dict[str, list[AnswerHit]] = {}
        for record_id in record_ids:
            row = index.rows.get(record_id)
            if row is None:  # written after the keyword index was built; found again next search
                continue
            meta, text = index.metadatas[row], index.documents[row]
            kw = min(1.0, float(bm25[row]) / top_keyword)
            hit = AnswerHit(
                question_id=str(meta.get("question_id", "")),
                heading=str(meta.get("heading", "")),
                snippet=snippet(text, query),
                text=text,
                score=round(cosines[record_id] + KEYWORD_WEIGHT * kw, 4),
                semantic=round(cosines[record_id], 4),
                keyword=round(kw, 4),
            )
            grouped.setdefault(str(meta["report_id"]), []).append(hit)
        return grouped

    ranked = sorted(answers_of(list(cosines)).items(), key=lambda item: -_report_score(item[1]))
    # The best answer of a top report may not be among the candidates (a question about what
    # a trip "opleverde" finds the report by its city): score all answers of the top reports.
    top = [report_id for report_id, _ in ranked[: limit + 2]]
    rest = [index.ids[row] for rid in top for row in index.rows_by_report.get(rid, []) if allowed(index.metadatas[row])]
    _add_cosines(cosines, rest, store, vector)
    top_set = set(top)
    intended = intended_questions(query)
    complete = answers_of([record_id for record_id in cosines if record_id.split(":", 1)[0] in top_set])

    summaries = (
        {
            str(m["report_id"]): summary_from_metadata(m)
            for m, _ in store.report_records(cast(Where, {"report_id": {"$in": top}}))
        }
        if top
        else {}
    )
    hits = [
        ReportHit(report=summaries[rid], score=_report_score(answers), answers=_best(answers, intended))
        for rid, answers in complete.items()
        if rid in summaries  # chunks of a write still in progress (or failed) are not shown
    ]
    hits.sort(key=lambda h: -h.score)
    return hits[:limit] if filters.report_ids is not None else relevant(hits)[:limit]


def relevant(hits: list[ReportHit], within: float | None = None) -> list[ReportHit]:
    """The hits (best first) that score at most `within` (default: RELEVANT_WITHIN as it is now) below the best.

    A prefix of the ranking, so cutting before or after taking the first `limit` gives the same.
    """
    if not hits:
        return []
    least = hits[0].score - (RELEVANT_WITHIN if within is None else within)
    return [h for h in hits if h.score >= least - 1e-9]


def nearest(
    store: ChromaStore, index: KeywordIndex, vector: Vectors, clauses: list[Clause], allowed: Test
) -> dict[str, float]:
    """The nearest answer chunks that pass the filters, as record id -> cosine similarity.

    Chroma applies a `where` before its vector search by listing every allowed record: measured at
    50,000 chunks, 250 ms for a broad filter (all records that are not examples, or a range of
    years) and 50 ms for a narrow one, against 5 ms for 1,000 unfiltered neighbours. So with
    filters, the neighbours are fetched unfiltered and tested here, with the same clauses, on the
    metadata the keyword index holds; only a filter so narrow that too few neighbours pass goes to
    Chroma's `where`.
    """
    matches = store.query(vector, OVERFETCH if clauses else CANDIDATES, None)
    if clauses:
        passed = [m for m in matches if (row := index.rows.get(m.id)) is not None and allowed(index.metadatas[row])]
        enough = len(passed) >= MIN_FILTERED or len(matches) < OVERFETCH  # or every record was seen
        matches = passed[:CANDIDATES] if enough else store.query(vector, CANDIDATES, combine(clauses))
    return {m.id: 1.0 - m.distance for m in matches}


def _add_cosines(cosines: dict[str, float], record_ids: list[str], store: ChromaStore, vector: Vectors) -> None:
    missing = [i for i in dict.fromkeys(record_ids) if i not in cosines]
    for record_id, stored in store.embeddings_of(missing).items():
        cosines[record_id] = float(np.dot(stored, vector))


def _report_score(answers: list[AnswerHit]) -> float:
    # A name or place anywhere in the report counts for the report as a whole, while the answer
    # shown first is the one that best fits the question.
    meaning = max(a.score - KEYWORD_WEIGHT * a.keyword for a in answers)
    return round(meaning + KEYWORD_WEIGHT * max(a.keyword for a in answers), 4)


def _best(answers: list[AnswerHit], intended: set[str]) -> list[AnswerHit]:
    # The answer to the question asked about comes first ("Wat leverde de reis naar Tallinn op?"
    # shows what it yielded, not the answer that names Tallinn most); then answers with content
    # before one-word answers ("2", "Vliegtuig") that match only through the trip's title; then scores.
    def key(a: AnswerHit) -> tuple[bool, bool, float]:
        return a.question_id not in intended, len(a.text) < SHORT_ANSWER_CHARS, -a.score

    return sorted(answers, key=key)[:ANSWERS_PER_REPORT]
