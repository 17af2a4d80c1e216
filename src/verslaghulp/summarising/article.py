"""A news item written report by report: code states who went where and when, the model words the yield.

Asked for a whole article over many reports in one call, a 1.5B model stops early (news items of
90-130 words where the style asks for 250-400), repeats itself and mixes reports up (a building of
one trip turns up in another; a lead restates the request's period as a fact). So the item is built
in parts:
- the lead and the first sentence of each paragraph are code: the trips' months, years and
  destinations from the archive's metadata, cited to their reports, true by construction;
- each paragraph's further sentences are one short, focused model call per report: it sees only that
  report's facts, its schema lets it cite only that report, and it writes one sentence per fact
  (within the style's word budget);
- the title is the model's, written last from the paragraphs (the citation check still applies).
The shared prefix (instructions and request) is the same for every call, so llama.cpp evaluates it once.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from verslaghulp.facts.lexicon import MONTH_NAMES_NL
from verslaghulp.summarising.calls import call_model
from verslaghulp.summarising.coverage import own_sentence, word_count
from verslaghulp.summarising.models import SelectedReport
from verslaghulp.summarising.prompting import FactLine, render_facts, render_mapped
from verslaghulp.summarising.result import Block, CitedSentence, MappedReport
from verslaghulp.summarising.schemas import sentences_budget, sentences_model, title_budget, title_model
from verslaghulp.summarising.styles import Style
from verslaghulp.summarising.titles import Vocabulary, code_title, spelled_title
from verslaghulp.summarising.writing import CONTEXT_MARGIN, Writer, Written, sentences_of

# Words per model sentence: at least 15 (to ask for enough facts), up to 20 (to stay within the maximum),
# as the default model wrote them in the news items of the evaluation set.
WORDS_PER_SENTENCE = 15
LONG_SENTENCE_WORDS = 20
LEAD_WORDS = 30
LEAD_PLACES = 5
MAX_PARAGRAPH_SENTENCES = 8
WHO = "medewerkers van de gemeente"


def paragraph_bounds(style: Style, facts: int, reports: int, max_words: int) -> tuple[int, int]:
    """How many model sentences one report's paragraph gets: one per fact, within the word budget."""
    room = max(1, (max_words - LEAD_WORDS) // (LONG_SENTENCE_WORDS * max(1, reports)) - 1)  # -1: the opener
    count = max(1, min(facts, room, style.sentences[1], MAX_PARAGRAPH_SENTENCES))
    # Small models write the fewest sentences a schema allows, so the minimum is the number we want.
    return count, count


def facts_needed(style: Style, reports: int) -> int:
    """Facts per report the map step should keep so that the text can reach the style's minimum length."""
    wanted = math.ceil((style.words[0] - LEAD_WORDS) / (WORDS_PER_SENTENCE * max(1, reports))) - 1
    return max(style.facts_per_report, min(MAX_PARAGRAPH_SENTENCES, wanted))


def _month(report: SelectedReport) -> str:
    return f"{MONTH_NAMES_NL[report.start.month - 1]} {report.start.year}" if report.start else ""


def _places(report: SelectedReport) -> str:
    return _join(report.cities or report.countries) or report.title


def _join(items: Sequence[str]) -> str:
    items = list(dict.fromkeys(items))
    return ", ".join(items[:-1]) + f" en {items[-1]}" if len(items) > 1 else "".join(items)


def trip_opener(mapped: MappedReport) -> CitedSentence:
    """A paragraph's first sentence, by code: when and where the trip went."""
    report = mapped.report
    when = _month(report)
    text = (
        f"In {when} reisden {WHO} naar {_places(report)}."
        if when
        else f"{WHO.capitalize()} reisden naar {_places(report)}."
    )
    return CitedSentence(text=text, sources=[mapped.number], written_by="code")


def code_lead(mapped: Sequence[MappedReport], topics: Sequence[str]) -> CitedSentence:
    """The lead, by code: the period, the destinations and the topic of the trips, citing every report."""
    dated = sorted((m for m in mapped if m.report.start), key=lambda m: (m.report.start, m.number))
    about = f" over {_join(list(topics))}" if topics else ""
    # One place per trip (its first city), each once: "naar Kopenhagen, Antwerpen en Madrid"; a long
    # list is cut ("... en andere bestemmingen": no number, which the citation check would have to find).
    firsts = list(dict.fromkeys((m.report.cities or m.report.countries or [m.report.title])[0] for m in mapped))
    places = (
        _join(firsts) if len(firsts) <= LEAD_PLACES else f"{', '.join(firsts[:LEAD_PLACES])} en andere bestemmingen"
    )
    first, last = (_month(dated[0].report), _month(dated[-1].report)) if dated else ("", "")
    if len(mapped) == 1:
        text = f"In {first} maakten {WHO} een dienstreis{about} naar {places}." if first else ""
    elif first and first != last:
        text = f"Tussen {first} en {last} maakten {WHO} dienstreizen{about} naar {places}."
    else:
        text = f"In {first} maakten {WHO} dienstreizen{about} naar {places}." if first else ""
    text = text or f"{WHO.capitalize()} maakten dienstreizen{about} naar {places}."
    return CitedSentence(text=text, sources=[m.number for m in mapped], written_by="code")


def _paragraph(writer: Writer, request: str, style: Style, report: MappedReport, bounds: tuple[int, int]) -> Block:
    value = call_model(
        writer.model,
        writer.prompts.paragraph_messages(request, render_mapped([report]), bounds),
        sentences_model("zinnen", [report.number], style.sentence_chars, bounds),
        max_tokens=min(sentences_budget(bounds[1], style.sentence_chars[1]), writer.max_tokens),
        step=f"schrijven:{report.report.source_name}",
        calls=writer.calls,
    )
    sentences = sentences_of(getattr(value, "zinnen", None), {report.number}) if value is not None else []
    # Unusable output: the report's own most relevant sentence, verbatim, so the report is still there.
    return Block(kind="alinea", sentences=[trip_opener(report), *(sentences or [own_sentence(report)])])


def trim_to_budget(paragraphs: Sequence[Block], max_words: int) -> list[Block]:
    """The paragraphs within the word budget: the last sentence of the longest paragraph goes first.

    A paragraph keeps its opener and at least one sentence of the model, so every trip stays in.
    """
    out = [b.model_copy(update={"sentences": list(b.sentences)}) for b in paragraphs]
    while sum(word_count(s.text) for b in out for s in b.sentences) > max_words:
        longest = max(out, key=lambda b: (len(b.sentences), sum(word_count(s.text) for s in b.sentences)))
        if len(longest.sentences) <= 2:
            break
        longest.sentences.pop()
    return out


def _title(
    writer: Writer,
    request: str,
    paragraphs: Sequence[Block],
    labels: dict[int, str],
    mapped: Sequence[MappedReport],
    topics: Sequence[str],
) -> str:
    """The model's title spelled from the facts' words, else code's (see `titles`); always within budget."""
    budget = min(title_budget(), writer.max_tokens)
    places = [p for m in mapped for p in (m.report.cities or m.report.countries)]
    fallback = code_title(topics, places)
    vocabulary = Vocabulary([f.text for m in mapped for f in m.facts], names=[*places, *topics])
    # The whole paragraphs when they fit, else their first model sentences.
    for take in (MAX_PARAGRAPH_SENTENCES + 1, 2):
        lines = [FactLine(s.text, tuple(s.sources)) for b in paragraphs for s in b.sentences[:take] if s.sources]
        messages = writer.prompts.title_messages(request, render_facts(lines, labels))
        if writer.count(messages) + budget + CONTEXT_MARGIN <= writer.context:
            value = call_model(writer.model, messages, title_model(), max_tokens=budget, step="schrijven:titel",
                               calls=writer.calls)  # fmt: skip
            words = [str(w) for w in getattr(value, "woorden", [])] if value is not None else []
            return spelled_title(words, vocabulary) or fallback
    return fallback


def write_article(
    writer: Writer,
    request: str,
    style: Style,
    mapped: Sequence[MappedReport],
    labels: dict[int, str],
    max_words: int,
    topics: Sequence[str] = (),
) -> Written:
    """Title (model), lead (code) and one paragraph per report, each citing only its own report."""
    # Oldest trip first: a news item tells what the trips brought in the order they were made.
    useful = sorted((m for m in mapped if m.facts), key=lambda m: (m.report.start is None, m.report.start or 0))
    if not useful:
        return Written()
    paragraphs = [
        _paragraph(writer, request, style, m, paragraph_bounds(style, len(m.facts), len(useful), max_words))
        for m in useful
    ]
    paragraphs = trim_to_budget(paragraphs, max_words - word_count(code_lead(useful, topics).text))
    title = _title(writer, request, paragraphs, labels, useful, topics)
    lead = Block(kind="inleiding", sentences=[code_lead(useful, topics)])
    fallback = all(s.written_by == "code" for b in paragraphs for s in b.sentences)
    return Written(title=title, blocks=[lead, *paragraphs], fallback=fallback)
