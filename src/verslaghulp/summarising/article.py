"""A news item written report by report: a paragraph per report from its own facts, then title and lead.

Asked for a whole article over many reports in one call, a 1.5B model stops early (news items of
90-130 words where the style asks for 250-400), repeats itself and mixes reports up (a building of
one trip turns up in another). Written one report at a time, each paragraph is a short, focused
call: it sees only that report's facts, its schema lets it cite only that report, and it has as many
sentences as the report has facts (within the style's length budget). The title and the lead come
last, written from the paragraphs, and may cite every report. The shared prefix (instructions and
request) is the same for every call, so llama.cpp evaluates it once.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from verslaghulp.summarising.calls import call_model
from verslaghulp.summarising.coverage import own_sentence
from verslaghulp.summarising.prompting import FactLine, render_facts
from verslaghulp.summarising.result import Block, CitedSentence, MappedReport
from verslaghulp.summarising.schemas import TITLE_CHARS, opening_model, sentences_budget, sentences_model
from verslaghulp.summarising.styles import Style
from verslaghulp.summarising.writing import CONTEXT_MARGIN, Writer, Written, sentences_of

WORDS_PER_SENTENCE = 15  # what the default model writes per sentence, measured on the news items
MAX_PARAGRAPH_SENTENCES = 8


def paragraph_bounds(style: Style, facts: int, reports: int, max_words: int) -> tuple[int, int]:
    """How many sentences one report's paragraph gets: as many as it has facts, within the word budget."""
    room = max(1, (max_words - style.lead[1] * WORDS_PER_SENTENCE) // (WORDS_PER_SENTENCE * max(1, reports)))
    high = max(1, min(facts + 1, room, style.sentences[1], MAX_PARAGRAPH_SENTENCES))
    low = max(1, min(style.sentences[0], facts, high))
    return low, high


def facts_needed(style: Style, reports: int) -> int:
    """Facts per report the map step should keep so that the text can reach the style's minimum length."""
    wanted = math.ceil(style.words[0] / (WORDS_PER_SENTENCE * max(1, reports)))
    return max(style.facts_per_report, min(MAX_PARAGRAPH_SENTENCES, wanted))


def _paragraph(writer: Writer, request: str, style: Style, report: MappedReport, bounds: tuple[int, int]) -> Block:
    lines = [FactLine(f.text, (report.number,)) for f in report.facts]
    facts = render_facts(lines, {report.number: report.report.label})
    value = call_model(
        writer.model,
        writer.prompts.article_messages(request, "alinea", facts, bounds),
        sentences_model("zinnen", [report.number], style.sentence_chars, bounds),
        max_tokens=min(sentences_budget(bounds[1], style.sentence_chars[1]), writer.max_tokens),
        step=f"schrijven:{report.report.source_name}",
        calls=writer.calls,
    )
    sentences = sentences_of(getattr(value, "zinnen", None), {report.number}) if value is not None else []
    # Unusable output: the report's own most relevant sentence, verbatim, so the report is still there.
    return Block(kind="alinea", sentences=sentences or [own_sentence(report)])


def _opening(writer: Writer, request: str, style: Style, paragraphs: Sequence[Block], labels: dict[int, str]) -> Any:
    numbers = sorted({n for b in paragraphs for s in b.sentences for n in s.sources})
    budget = min(sentences_budget(style.lead[1], style.sentence_chars[1], TITLE_CHARS[1]), writer.max_tokens)
    # The whole paragraphs when they fit, else their first sentences: the lead summarises, it adds nothing.
    for take in (MAX_PARAGRAPH_SENTENCES, 1):
        lines = [FactLine(s.text, tuple(s.sources)) for b in paragraphs for s in b.sentences[:take] if s.sources]
        messages = writer.prompts.article_messages(request, "opening", render_facts(lines, labels), style.lead)
        if writer.count(messages) + budget + CONTEXT_MARGIN <= writer.context:
            return call_model(writer.model, messages, opening_model(numbers, style), max_tokens=budget,
                              step="schrijven:opening", calls=writer.calls)  # fmt: skip
    return None


def write_article(
    writer: Writer, request: str, style: Style, mapped: Sequence[MappedReport], labels: dict[int, str], max_words: int
) -> Written:
    """Title, lead and one paragraph per report, each paragraph citing only its own report."""
    useful = [m for m in mapped if m.facts]
    if not useful:
        return Written()
    paragraphs = [
        _paragraph(writer, request, style, m, paragraph_bounds(style, len(m.facts), len(useful), max_words))
        for m in useful
    ]
    opening = _opening(writer, request, style, paragraphs, labels)
    numbers = {n for b in paragraphs for s in b.sentences for n in s.sources}
    lead: list[CitedSentence] = sentences_of(getattr(opening, "inleiding", None), numbers) if opening else []
    title = " ".join(str(getattr(opening, "titel", "")).split()) if opening else ""
    blocks = ([Block(kind="inleiding", sentences=lead)] if lead else []) + paragraphs
    return Written(title=title, blocks=blocks, fallback=all(s.written_by == "code" for b in paragraphs
                                                              for s in b.sentences))  # fmt: skip
