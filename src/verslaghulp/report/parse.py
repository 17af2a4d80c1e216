"""Parse an existing report document (plain text) into the answers of a known form.

Deterministic and tolerant: real reports come out of Word, PDF exports and e-mail, so headings arrive
with stray spaces, wrapped over two lines, with or without "?", numbered, bulleted, in capitals or not.
A heading is recognised when the folded text of one or more consecutive lines equals one of the
heading's variants (see `_variants`). When no known form matches, the whole document is kept as one
fallback answer so that nothing a user ingests is lost.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel, Field

from verslaghulp.facts.normalise import fold_alnum
from verslaghulp.report.forms import Form, available_forms

# Question id used for the whole text of a document whose layout is not known.
FALLBACK_QUESTION_ID = "document"
FALLBACK_HEADING = "VOLLEDIGE TEKST"
# Question id for text before the first heading (a title block, the author, an introduction).
PREAMBLE_QUESTION_ID = "inleiding"
PREAMBLE_HEADING = "INLEIDING"

# A form is recognised when at least this many of its questions are found (or all, for tiny forms):
# one or two matching lines can be a coincidence in a document that is not a report.
MIN_MATCHED_QUESTIONS = 3
# Headings wrap over at most this many lines in the documents seen (two in the 2025 form).
_MAX_HEADING_LINES = 4

# Numbering, bullets and Markdown markers in front of a heading: "6.", "6)", "(6)", "-", "•", "##", "**".
_LEADING_MARKERS = re.compile(r"^\s*(?:(?:#{1,6}|[-*•·▪●◦>]|\(?\d{1,2}[.)]|[a-z][.)])\s*)+", re.IGNORECASE)
_SENTENCE_END = ".!?:;)»\"'”"
_HYPHEN_WRAP = re.compile(r"[^\W\d_]-$")


class ParsedAnswer(BaseModel):
    """The text under one heading of the form, as found in the document."""

    question_id: str
    heading: str = Field(description="The heading as printed on the form.")
    found_heading: str = Field(description="The heading as it appears in the document.")
    line: int = Field(ge=0, description="1-based line of the heading in the normalised text; 0 when none.")
    text: str


class ParsedReport(BaseModel):
    """A document split into form answers, or kept whole when its layout is unknown."""

    form_id: str | None
    recognised: bool
    answers: list[ParsedAnswer]
    missing: list[str] = Field(default_factory=list, description="Question ids of the form not found.")
    preamble: str = ""
    text: str = Field(description="The normalised full text.")

    def answer(self, question_id: str) -> ParsedAnswer | None:
        """The answer to a question, or None when the document does not have it."""
        return next((a for a in self.answers if a.question_id == question_id), None)

    def answer_text(self, question_id: str) -> str:
        """The answer's text, or "" when the document does not have it."""
        found = self.answer(question_id)
        return found.text if found else ""


@dataclass(frozen=True)
class _Candidate:
    question_key: str  # folded heading, shared by forms that print the same heading
    start: int  # index of the first heading line
    end: int  # index of the last heading line
    found: str
    inline: str  # answer text on the heading's own line ("HOELANG DUURDE DE REIS? 3 dagen")


# Compare-friendly form of a heading; the name others import (one implementation, in facts.normalise).
fold = fold_alnum


def normalise_document(text: str) -> str:
    """Line ends, non-breaking spaces and trailing blanks normalised; nothing else changed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\t", "    ")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def _variants(heading: str) -> frozenset[str]:
    """The folded ways a heading is written in practice.

    Full text; without the parenthesised parts ("WIE HEB JE ONTMOET?" without "(BENOEM ...)");
    with the parentheses dropped but their letters kept ("WELKE VERVOERSMIDDELEN"); and the first
    clause up to "?" or ":" ("ZIJN ER VERVOLGAFSPRAKEN?") when that clause has at least two words.
    """
    found = {fold(heading), fold(re.sub(r"\([^)]*\)", " ", heading)), fold(re.sub(r"[()]", "", heading))}
    clause = re.split(r"[?:]", heading, maxsplit=1)[0]
    if len(fold(clause).split()) >= 2:
        found.add(fold(clause))
    return frozenset(v for v in found if v)


def _strip_markers(line: str) -> str:
    return _LEADING_MARKERS.sub("", line, count=1)


def _is_word_prefix(prefix: str, full: str) -> bool:
    return full == prefix or full.startswith(prefix + " ")


def _match_lines(lines: list[str], start: int, variants: frozenset[str]) -> tuple[int, str] | None:
    """The last line index of the longest heading match that starts at `start`, with the found text."""
    acc = ""
    best: tuple[int, str] | None = None
    taken = 0
    for j in range(start, len(lines)):
        if not lines[j].strip():
            continue  # PDF and Word exports put blank lines inside wrapped headings
        part = fold(_strip_markers(lines[j]) if taken == 0 else lines[j])
        acc = f"{acc} {part}".strip()
        taken += 1
        if acc in variants:
            best = (j, "\n".join(ln.strip() for ln in lines[start : j + 1] if ln.strip()))
        if taken >= _MAX_HEADING_LINES or not any(_is_word_prefix(acc, v) for v in variants):
            break
    return best


def _match_inline(line: str, variants: frozenset[str]) -> tuple[str, str] | None:
    """A heading followed by its answer on the same line, split at a "?" or ":"."""
    body = _strip_markers(line)
    for cut in sorted((m.end() for m in re.finditer(r"[?:]", body)), reverse=True):
        rest = body[cut:].strip(" *_")
        if rest and fold(body[:cut]) in variants:
            return body[:cut].strip(), rest
    return None


def _candidates(lines: list[str], headings: dict[str, frozenset[str]]) -> list[_Candidate]:
    found: list[_Candidate] = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        for key, variants in headings.items():
            whole = _match_lines(lines, i, variants)
            if whole is not None:
                found.append(_Candidate(key, i, whole[0], whole[1], ""))
                continue
            inline = _match_inline(line, variants)
            if inline is not None:
                found.append(_Candidate(key, i, i, inline[0], inline[1]))
    return found


def _choose(candidates: list[_Candidate], keys: set[str]) -> list[_Candidate]:
    """First occurrence of each heading, skipping matches that overlap an earlier chosen heading."""
    chosen: list[_Candidate] = []
    seen: set[str] = set()
    last_end = -1
    for cand in sorted(candidates, key=lambda c: (c.start, -(c.end - c.start))):
        if cand.question_key in keys and cand.question_key not in seen and cand.start > last_end:
            chosen.append(cand)
            seen.add(cand.question_key)
            last_end = cand.end
    return chosen


def clean_answer(lines: Sequence[str]) -> str:
    """Tidy an answer's lines without changing its words.

    Whitespace-only lines become paragraph breaks; a line or paragraph that a PDF or Word export
    broke in the middle of a sentence (no closing punctuation, next part starts in lower case) is
    joined again, so that paragraphs, and therefore chunks, follow the author's sentences.
    """
    paragraphs: list[list[str]] = [[]]
    for raw in lines:
        line = raw.strip()
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    merged: list[str] = []
    for para in (p for p in paragraphs if p):
        text = _join_wrapped(para)
        if merged and _continues(merged[-1], text):
            merged[-1] = f"{merged[-1]} {text}"
        else:
            merged.append(text)
    return "\n\n".join(merged)


def _continues(before: str, after: str) -> bool:
    return bool(before) and before[-1] not in _SENTENCE_END and after[:1].islower()


def _join_wrapped(lines: list[str]) -> str:
    out: list[str] = []
    for line in lines:
        if out and _HYPHEN_WRAP.search(out[-1]) and line[:1].isalpha():
            out[-1] += line  # a PDF wrapped "CIO-netwerk" after its hyphen
        elif out and _continues(out[-1], line):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return "\n".join(out)


def parse_report(text: str, forms: Sequence[Form] | None = None) -> ParsedReport:
    """Split a report document into the answers of the best-matching form.

    The form with the most recognised headings wins (on a tie, the one with fewest questions
    missing, so a seven-question 2019 report is not filed under the ten-question 2025 form). When
    no form reaches `MIN_MATCHED_QUESTIONS`, the whole text becomes one fallback answer.
    """
    forms = list(forms) if forms is not None else available_forms()
    normalised = normalise_document(text)
    lines = normalised.split("\n")
    headings = {fold(q.heading): _variants(q.heading) for form in forms for q in form.questions}
    candidates = _candidates(lines, headings)

    best: tuple[tuple[int, int], Form, list[_Candidate]] | None = None
    for form in forms:
        keys = {fold(q.heading) for q in form.questions}
        chosen = _choose(candidates, keys)
        score = (len(chosen), -(len(form.questions) - len(chosen)))
        if len(chosen) >= min(MIN_MATCHED_QUESTIONS, len(form.questions)) and (best is None or score > best[0]):
            best = (score, form, chosen)
    if best is None:
        return _fallback(normalised)
    _, form, chosen = best
    return _split(form, chosen, lines, normalised)


def _split(form: Form, chosen: list[_Candidate], lines: list[str], normalised: str) -> ParsedReport:
    by_key = {fold(q.heading): q for q in form.questions}
    answers: list[ParsedAnswer] = []
    for n, cand in enumerate(chosen):
        stop = chosen[n + 1].start if n + 1 < len(chosen) else len(lines)
        body = ([cand.inline] if cand.inline else []) + lines[cand.end + 1 : stop]
        question = by_key[cand.question_key]
        answers.append(
            ParsedAnswer(
                question_id=question.id,
                heading=question.heading,
                found_heading=cand.found,
                line=cand.start + 1,
                text=clean_answer(body),
            )
        )
    order = {q.id: i for i, q in enumerate(form.questions)}
    answers.sort(key=lambda a: order[a.question_id])
    found_ids = {a.question_id for a in answers}
    title = fold(form.title)
    preamble = clean_answer([ln for ln in lines[: chosen[0].start] if fold(ln) != title])
    return ParsedReport(
        form_id=form.id,
        recognised=True,
        answers=answers,
        missing=[q.id for q in form.questions if q.id not in found_ids],
        preamble=preamble,
        text=normalised,
    )


def _fallback(normalised: str) -> ParsedReport:
    answer = ParsedAnswer(
        question_id=FALLBACK_QUESTION_ID,
        heading=FALLBACK_HEADING,
        found_heading="",
        line=0,
        text=clean_answer(normalised.split("\n")),
    )
    return ParsedReport(form_id=None, recognised=False, answers=[answer], text=normalised)
