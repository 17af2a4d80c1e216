"""The shape of a news item, scored from its blocks: what an editor checks before reading the facts.

A publishable news item (issue 19, and the published VIAG item in ../shared/seeds) has a headline
within its budget and spelled from the reports' words, a lead, at least two subheaded sections, no two
paragraphs opening alike and no sentence said twice. These scorers read the item's blocks as the use
case returns them; they do not call the product's own planner or checks, so a regression there shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from pydantic import BaseModel, Field

from verslaghulp.evaluation.measures import Measure
from verslaghulp.facts.lexicon import STOPWORDS
from verslaghulp.facts.normalise import fold
from verslaghulp.summarising.titles import HEADLINE_WORDS, TITLE_MAX_CHARS

OPENING_WORDS = 2  # paragraphs opening with the same two words read as a list ("In mei reisden ...")
# Two sentences sharing this share of their content words say the same thing (a repeat in other order).
REPEAT_OVERLAP = 0.8
MIN_SUBHEADINGS = 2
_MARKS = re.compile(r"\[\d+(?:\s*[,;]\s*\d+)*\]|⟦|⟧")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


class BlockView(BaseModel):
    """One block of a summary as the scorers see it: its kind, subheading and sentences."""

    kind: str
    heading: str = ""
    sentences: list[str] = Field(default_factory=list)


def _words(text: str) -> list[str]:
    return [fold(w) for w in _WORD.findall(_MARKS.sub(" ", text))]


def _content(text: str) -> frozenset[str]:
    return frozenset(w for w in _words(text) if w not in STOPWORDS and not w.isdigit())


def same_openings(blocks: Sequence[BlockView]) -> list[str]:
    """Paragraphs that open with the same words as an earlier paragraph (the first one is not counted)."""
    seen: set[tuple[str, ...]] = set()
    repeats: list[str] = []
    for block in blocks:
        if not block.sentences:
            continue
        opening = tuple(_words(block.sentences[0])[:OPENING_WORDS])
        if opening in seen:
            repeats.append(" ".join(opening))
        seen.add(opening)
    return repeats


def repeated_sentences(blocks: Sequence[BlockView]) -> list[str]:
    """Sentences whose content words (nearly) all were said by an earlier sentence of the item."""
    earlier: list[frozenset[str]] = []
    out: list[str] = []
    for sentence in (s for block in blocks for s in block.sentences):
        words = _content(sentence)
        if words and any(len(words & other) >= REPEAT_OVERLAP * max(len(words), len(other)) for other in earlier):
            out.append(sentence)
        earlier.append(words)
    return out


# Words a headline about trips may use that neither the reports nor the request need to contain (folded).
GENRE_WORDS = frozenset({"wat", "dienstreizen", "reizen", "opleverden", "opgeleverd", "andere", "steden"})


def title_problems(title: str, reports: Iterable[str], request: str = "") -> list[str]:
    """What is wrong with a headline: missing, over the budget, cut off, or words the reports do not have.

    A headline may use the reports' words, the request's and a few words of the genre; any other word
    is misspelt or cut off ("Vooruitgangs", "W").
    """
    if not title.strip():
        return ["no title"]
    problems = []
    if len(title) > TITLE_MAX_CHARS:
        problems.append(f"title of {len(title)} characters (at most {TITLE_MAX_CHARS})")
    vocabulary = {w for text in [*reports, request] for w in _words(text)} | set(HEADLINE_WORDS) | GENRE_WORDS
    unknown = [w for w in _words(title) if w not in vocabulary and not w.isdigit()]
    if unknown:
        # A misspelt or cut-off word ("Vooruitgangs", "W") is in none of the reports.
        problems.append("title words in no cited report: " + ", ".join(unknown))
    return problems


def news_structure(title: str, blocks: Sequence[BlockView], reports: Iterable[str], request: str = "") -> Measure:
    """1 when the item has a good title, a lead, >= 2 subheadings, <= 1 repeated opening and no repeat."""
    problems = title_problems(title, reports, request)
    if not any(b.kind == "inleiding" and b.sentences for b in blocks):
        problems.append("no lead")
    headings = [b.heading for b in blocks if b.heading.strip()]
    if len(headings) < MIN_SUBHEADINGS:
        problems.append(f"{len(headings)} subheading(s), expected at least {MIN_SUBHEADINGS}")
    openings = same_openings(blocks)
    if len(openings) > 1:
        problems.append("paragraphs opening alike: " + "; ".join(openings))
    problems += [f"repeated: {s[:80]}" for s in repeated_sentences(blocks)]
    return Measure.flag(not problems, problems)
