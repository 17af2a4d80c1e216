from __future__ import annotations

import pytest

from verslaghulp.evaluation.matching import contains, fold_text, missing
from verslaghulp.evaluation.measures import Aggregate, Direction, Measure, Metric, aggregate, is_worse, percentile
from verslaghulp.facts.language import detect_language


@pytest.mark.parametrize(
    ("haystack", "needle"),
    [("Tomáš Novák – CIO", "Tomas Novak"), ("ÉCOLE", "ecole"), ("Siobhán  Kelly", "siobhan kelly"), ("a\nb", "A B")],
)
def test_matching_ignores_case_diacritics_and_whitespace(haystack: str, needle: str) -> None:
    assert contains(haystack, needle)


def test_matching_is_a_substring_match_and_keeps_hyphens() -> None:
    assert fold_text("Pérez-Batlle") == "perez-batlle"
    assert missing("Anna Kowalski – CDO Warschau", ["Kowalski", "Madrid", ""]) == ["Madrid", ""]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("De gemeente heeft met de stad Wenen afspraken gemaakt over het delen van kennis.", "nl"),
        ("We learned that the city has built a chatbot for their residents and will share it.", "en"),
        ("Anna Kowalski – CDO Warschau", "unknown"),
        ("2 personen", "unknown"),
    ],
)
def test_language_detector(text: str, language: str) -> None:
    assert detect_language(text).language == language


def _metric(agg: Aggregate, direction: Direction = Direction.HIGHER) -> Metric:
    return Metric("m", "m", "", direction, agg)


def test_aggregates() -> None:
    measures = [Measure.ratio(1, 4), Measure.ratio(3, 4), Measure.absent(), None, Measure.ratio(0, 0)]
    assert aggregate(_metric(Aggregate.POOLED), measures) == pytest.approx(0.5)
    assert aggregate(_metric(Aggregate.MEAN), measures) == pytest.approx(0.5)
    counts = [Measure.count(2), Measure.count(0), Measure.count(5)]
    assert aggregate(_metric(Aggregate.SUM), counts) == 7
    assert aggregate(_metric(Aggregate.MAX), counts) == 5
    assert aggregate(_metric(Aggregate.P95), counts) == pytest.approx(4.7)
    assert aggregate(_metric(Aggregate.MEAN), [Measure.absent()]) is None


def test_percentile_interpolates() -> None:
    assert percentile([1, 2, 3, 4], 50) == pytest.approx(2.5)
    assert percentile([7], 95) == 7


def test_is_worse_follows_the_direction_and_tolerance() -> None:
    higher, lower = _metric(Aggregate.MEAN), _metric(Aggregate.SUM, Direction.LOWER)
    assert is_worse(higher, 0.8, 0.9)
    assert not is_worse(higher, 0.8, 0.9, tolerance=0.1)
    assert is_worse(lower, 1, 0)
    assert not is_worse(lower, 0, 1)
    assert not is_worse(_metric(Aggregate.MEAN, Direction.INFO), 0, 100)
