"""The output schemas the model is held to, built per call: citations are numbers from a closed list.

A sentence is `{"bronnen": [...], "tekst": "..."}` with `bronnen` an enum of the source numbers in
the prompt, so the model can only cite a report it was given, and must cite one. Sources come first:
with a grammar, fields are generated in schema order, so the model commits to a report before it
writes. Length bounds in the schema bound generation, so output always ends as valid JSON well
within the token limit (worst case about 2.5 characters per token).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Annotated, Any, Literal, cast

from pydantic import BaseModel, Field, create_model

from verslaghulp.summarising.styles import Shape, Style
from verslaghulp.summarising.titles import TITLE_MAX_CHARS, TITLE_WORD_CHARS, TITLE_WORDS, WORD_PATTERN

CHARS_PER_TOKEN = 2.5
SENTENCE_OVERHEAD_TOKENS = 16  # braces, keys, quotes and source numbers of one sentence
RESULT_CHARS = (10, 200)
MAX_SOURCES_PER_SENTENCE = 3


def _numbers(values: Sequence[int]) -> Any:
    # A Literal of the allowed numbers becomes a JSON-schema enum, and so a grammar alternative.
    return cast(Any, Literal).__getitem__(tuple(values))


def _list(item: Any) -> Any:
    return cast(Any, list)[item]


def _model(name: str, **fields: tuple[Any, Any]) -> type[BaseModel]:
    # Built per call (the allowed source numbers differ), so the types are only known at run time.
    return cast(type[BaseModel], cast(Any, create_model)(name, **fields))


def sentence_model(numbers: Sequence[int], chars: tuple[int, int]) -> type[BaseModel]:
    """One sentence with the sources it cites (at least one, from `numbers`)."""
    return _model(
        "Zin",
        bronnen=(_list(_numbers(numbers)), Field(min_length=1, max_length=min(MAX_SOURCES_PER_SENTENCE, len(numbers)))),
        tekst=(str, Field(min_length=chars[0], max_length=chars[1])),
    )


def pick_model(count: int, limit: int) -> type[BaseModel]:
    """The map step's answer: the numbers of the relevant sentences (possibly none)."""
    return _model("Keuze", nummers=(_list(_numbers(range(1, count + 1))), Field(max_length=limit)))


def result_model() -> type[BaseModel]:
    """The annual overview's one piece of language: what a trip yielded."""
    return _model("Opbrengst", opbrengst=(str, Field(min_length=RESULT_CHARS[0], max_length=RESULT_CHARS[1])))


def sentences_model(
    name: str, numbers: Sequence[int], chars: tuple[int, int], count: tuple[int, int]
) -> type[BaseModel]:
    """A list of cited sentences under one key (bullets, an answer, condensed facts)."""
    zin = sentence_model(numbers, chars)
    return _model("Tekst", **{name: (_list(zin), Field(min_length=count[0], max_length=count[1]))})


def title_model() -> type[BaseModel]:
    """An article's title as a list of single words (written after its paragraphs): never cut inside a word."""
    word = Annotated[str, Field(pattern=WORD_PATTERN, max_length=TITLE_WORD_CHARS)]
    return _model("Titel", woorden=(_list(word), Field(min_length=TITLE_WORDS[0], max_length=TITLE_WORDS[1])))


def writing_model(style: Style, numbers: Sequence[int]) -> type[BaseModel]:
    """The schema of a style's writing step (for an article: one report's paragraph)."""
    key = {Shape.ARTICLE: "zinnen", Shape.BULLETS: "punten"}.get(style.shape, "antwoord")
    return sentences_model(key, numbers, style.sentence_chars, style.sentences)


def max_sentences(style: Style) -> int:
    """The most sentences one writing call of a style may produce (an article: one paragraph)."""
    return style.sentences[1]


def sentences_budget(count: int, chars: int, extra_chars: int = 0) -> int:
    """Generation tokens that `count` sentences of at most `chars` characters can never exceed."""
    return int((count * chars + extra_chars) / CHARS_PER_TOKEN) + count * SENTENCE_OVERHEAD_TOKENS + 40


def writing_budget(style: Style) -> int:
    """Token limit of a style's writing step, from its schema's bounds."""
    title = TITLE_MAX_CHARS if style.shape is Shape.ARTICLE else 0
    return sentences_budget(max_sentences(style), style.sentence_chars[1], title)


def pick_budget(limit: int) -> int:
    """Token limit of a map call."""
    return 12 + 4 * limit


def title_budget() -> int:
    """Token limit of an article's title: its most words at their longest, quoted and separated."""
    return TITLE_WORDS[1] * (int(TITLE_WORD_CHARS / CHARS_PER_TOKEN) + 3) + 16


def result_budget() -> int:
    """Token limit of an annual-overview row."""
    return int(RESULT_CHARS[1] / CHARS_PER_TOKEN) + 16


def _max_chars(item: Any) -> int | None:
    """The schema's length bound on an item's text, read from its model (None when it has none)."""
    field = getattr(type(item), "model_fields", {}).get("tekst")
    return next((m.max_length for m in getattr(field, "metadata", []) if hasattr(m, "max_length")), None)


def whole_sentences(item: Any) -> str:
    """An item's text without a sentence the schema's length bound cut off mid-way.

    The grammar ends the string at its maximum length, wherever the model was ("... meer naamsb"): such
    a text keeps the sentences it finished, or is dropped (empty) when it finished none.
    """
    text = " ".join(str(getattr(item, "tekst", "")).split())
    bound = _max_chars(item)
    if bound is None or len(text) < bound - 1 or text.endswith((".", "!", "?", "…")):
        return text
    finished = [m.end() for m in re.finditer(r"\w{3}[.!?](?=\s)", text)]
    return text[: finished[-1]] if finished else ""
