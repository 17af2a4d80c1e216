"""Chunks: one per answer of a report, long answers split on paragraphs.

A chunk is what search finds and shows, so it should be one answer to one question; only answers
too long for the embedding model (e5 reads 512 tokens) are split, at paragraph ends, else at
sentence ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from verslaghulp.report.parse import PREAMBLE_HEADING, PREAMBLE_QUESTION_ID, ParsedReport

# About 300 tokens of Dutch: leaves room for the title and heading that are embedded with it.
MAX_CHUNK_CHARS = 1_200
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý0-9\"'(-])")


@dataclass(frozen=True)
class Chunk:
    """One stored piece of a report: (part of) the answer to one question."""

    question_id: str
    heading: str
    text: str
    order: int  # position of the question in the form; the preamble is -1
    part: int  # 1-based
    parts: int


def split_answer(text: str, max_chars: int = MAX_CHUNK_CHARS) -> list[str]:
    """Group paragraphs into pieces of at most `max_chars`; split a longer paragraph on sentences."""
    pieces: list[str] = []
    current = ""
    for unit in _units(text, max_chars):
        if current and len(current) + 2 + len(unit) > max_chars:
            pieces.append(current)
            current = unit
        else:
            current = f"{current}\n\n{unit}" if current else unit
    if current:
        pieces.append(current)
    return pieces


def _units(text: str, max_chars: int) -> list[str]:
    units: list[str] = []
    for paragraph in (p.strip() for p in text.split("\n\n")):
        if not paragraph:
            continue
        if len(paragraph) <= max_chars:
            units.append(paragraph)
            continue
        sentence_group = ""
        for sentence in _SENTENCE_END.split(paragraph):
            while len(sentence) > max_chars:  # one enormous "sentence" (a table dump): cut hard
                units.append(sentence[:max_chars])
                sentence = sentence[max_chars:]
            if sentence_group and len(sentence_group) + 1 + len(sentence) > max_chars:
                units.append(sentence_group)
                sentence_group = sentence
            else:
                sentence_group = f"{sentence_group} {sentence}".strip()
        if sentence_group:
            units.append(sentence_group)
    return units


def report_chunks(parsed: ParsedReport, max_chars: int = MAX_CHUNK_CHARS) -> list[Chunk]:
    """The chunks of a parsed report, in form order; empty answers give no chunk."""
    chunks: list[Chunk] = []
    sections = [(PREAMBLE_QUESTION_ID, PREAMBLE_HEADING, parsed.preamble, -1)] if _has_words(parsed.preamble) else []
    sections += [(a.question_id, a.heading, a.text, n) for n, a in enumerate(parsed.answers)]
    for question_id, heading, text, order in sections:
        pieces = split_answer(text, max_chars)
        for part, piece in enumerate(pieces, start=1):
            chunks.append(Chunk(question_id, heading, piece, order, part, len(pieces)))
    return chunks


def _has_words(text: str) -> bool:
    return sum(ch.isalpha() for ch in text) >= 3


def embedding_text(chunk: Chunk, title: str) -> str:
    """What is embedded for a chunk: the trip and the question give an answer its context.

    "Wat leverde de reis naar Barcelona op?" should find the answer to "Wat heeft de reis de gemeente
    opgeleverd?" of the Barcelona report even where that answer never names the city.
    """
    heading = chunk.heading.capitalize()
    return f"{title}. {heading}\n{chunk.text}"
