"""Where a citation points: the passage of the cited report that its sentence restates."""

from __future__ import annotations

from verslaghulp.summarising.cited import citation_targets

GENT = [
    "Deelname aan de werkconferentie van het netwerk Open Steden in Gent.",
    "- Gent werkt met een open dataplatform waarop elke dienst zijn eigen gegevens beheert.\n"
    "- Een voorbeeld van slimme afvalbakken die zelf melden\nwanneer ze vol zijn.",
]
LYON = ["Lyon test sinds 2024 een app waarmee inwoners kapotte lantaarns melden."]


def test_each_citation_points_to_the_passage_its_sentence_restates() -> None:
    text = (
        "### Open data\n\nIn Gent beheert elke dienst zijn eigen gegevens op een open dataplatform [1]. "
        "Slimme afvalbakken melden er zelf wanneer ze vol zijn, en in Lyon melden inwoners kapotte lantaarns "
        "met een app [1, 2].\n\nDen Haag kreeg ⟦veel inspiratie⟧ [2]."
    )
    targets = citation_targets(text, {1: GENT, 2: LYON})
    assert len(targets.marks) == 3
    first, second, third = targets.marks
    assert first == [(1, "vh-bron-1-p1")]
    passage = targets.of(1)[0]
    assert GENT[passage.answer][passage.start : passage.end].startswith("Gent werkt met een open dataplatform")
    assert second[0] == (1, "vh-bron-1-p2") and second[1] == (2, "vh-bron-2-p1")
    wrapped = targets.of(1)[1]  # a passage over a wrapped line is found across the line break
    assert GENT[wrapped.answer][wrapped.start : wrapped.end].endswith("wanneer ze vol zijn.")
    assert third == [(2, "vh-bron-2")]  # nothing in the report says it: the citation opens the report itself


def test_the_same_passage_keeps_one_anchor_and_an_unknown_source_points_to_its_entry() -> None:
    text = (
        "Gent werkt met een open dataplatform [1]. Elke dienst beheert er zijn eigen gegevens op het platform [1]. "
        "X [3]."
    )
    targets = citation_targets(text, {1: GENT})
    assert targets.marks == [[(1, "vh-bron-1-p1")], [(1, "vh-bron-1-p1")], [(3, "vh-bron-3")]]
    assert len(targets.passages) == 1
