"""The parts of the sampling loop that need no model: schema to grammar, prefix matching."""

from __future__ import annotations

import numpy as np
import pytest
from pydantic import BaseModel, Field

from verslaghulp.llm.sampling import common_prefix, plain_pattern, schema_grammar
from verslaghulp.llm.structured import compact_schema


class Period(BaseModel):
    """A schema with the pattern shape the fact questions use."""

    vertrekdatum: str = Field(pattern=r"^(?:\d{4}-\d{2}-\d{2})?$", max_length=10)
    dagen: int = Field(ge=0, le=60)


@pytest.mark.parametrize(
    ("pattern", "plain"),
    [
        (r"^(?:\d{4}-\d{2}-\d{2})?$", r"^([0-9]{4}-[0-9]{2}-[0-9]{2})?$"),
        (r"[\d-]+", r"[0-9-]+"),  # inside a class: the range, not a nested class
        (r"a\.b\\d", r"a\.b\\d"),  # an escaped backslash followed by d is no digit class
        (r"(?:ja|nee)[(?:]", r"(ja|nee)[(?:]"),  # in a class "(?:" are three characters
    ],
)
def test_patterns_are_made_plain_without_changing_what_they_match(pattern: str, plain: str) -> None:
    import re

    assert plain_pattern(pattern) == plain
    for text in ("2025-03-12", "", "12-3", "ja(", "nee?", "a.b\\d", "1-2-3"):
        assert bool(re.fullmatch(pattern, text)) == bool(re.fullmatch(plain, text))


def test_a_date_pattern_becomes_a_grammar_of_digits() -> None:
    grammar = schema_grammar(compact_schema(Period))
    assert grammar is not None
    date_rule = next(line for line in grammar.splitlines() if line.startswith("vertrekdatum ::="))
    assert "\\d" not in date_rule and date_rule.count('"-"') == 2
    assert "[0-9]" in grammar


def test_a_schema_the_converter_cannot_read_gives_none() -> None:
    assert schema_grammar({"type": "object", "properties": {"x": {"type": "string", "pattern": "(?<=a)b"}}}) is None


def test_common_prefix_of_the_context_and_a_prompt() -> None:
    cached = np.array([5, 6, 7, 8], dtype=np.intc)
    assert common_prefix(cached, [5, 6, 7, 8, 9]) == 4
    assert common_prefix(cached, [5, 6, 0]) == 2
    assert common_prefix(cached, [1]) == 0
    assert common_prefix(cached[:0], [1, 2]) == 0
    assert common_prefix(cached, [5, 6]) == 2
