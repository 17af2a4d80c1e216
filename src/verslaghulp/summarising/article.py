"""A news item planned by code and worded by the model section by section, structured by theme.

Asked for a whole article over many reports in one call, a 1.5B model stops early, repeats itself
and mixes reports up; written report by report, it reads as a list of trips ("In oktober reisden
... naar ..."), not as journalism. So code plans the item (see `sections`):
- the headline: the model's words, spelled from the facts and within budget, else code's (`titles`);
- the lead: code, from the archive's metadata (who, when, where, about what), citing every report;
- two to four subheaded sections by theme, each combining the facts of several reports, and a
  closing one on what was agreed; one model call per section writes one sentence per fact, citing
  only the reports of that section (its schema cannot cite another);
- code then drops sentences that repeat an earlier one, varies the sections' openings and keeps the
  text within the length budget.
The shared prefix (instructions) is the same for every call, so llama.cpp evaluates it once.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from verslaghulp.facts.lexicon import MONTH_NAMES_NL
from verslaghulp.summarising.calls import call_model
from verslaghulp.summarising.coverage import word_count
from verslaghulp.summarising.models import SelectedReport, join_nl
from verslaghulp.summarising.prompting import FactLine, render_facts
from verslaghulp.summarising.result import Block, CitedSentence, Fact, MappedReport
from verslaghulp.summarising.schemas import sentences_budget, sentences_model, title_budget, title_model
from verslaghulp.summarising.sections import Section, drop_repeats, plan_sections, vary_openers
from verslaghulp.summarising.styles import Style
from verslaghulp.summarising.titles import Vocabulary, code_title, spelled_title
from verslaghulp.summarising.writing import CONTEXT_MARGIN, Writer, Written, sentences_of

# Words per model sentence: at least 15 (to ask for enough facts), up to 20 (to stay within the maximum),
# as the default model wrote them in the news items of the evaluation set.
WORDS_PER_SENTENCE = 15
LONG_SENTENCE_WORDS = 20
LEAD_WORDS = 30
HEADING_WORDS = 4
LEAD_PLACES = 5
MAX_SECTION_SENTENCES = 8
MAX_FACTS_PER_REPORT = 8
WHO = "medewerkers van de gemeente"


def section_bounds(style: Style, sections: Sequence[Section], max_words: int) -> list[tuple[int, int]]:
    """How many model sentences each section gets: one per fact, shared out within the word budget."""
    room = max(len(sections), (max_words - LEAD_WORDS - HEADING_WORDS * len(sections)) // LONG_SENTENCE_WORDS)
    total = sum(len(s.facts) for s in sections) or 1
    out = []
    for section in sections:
        share = max(1, round(room * len(section.facts) / total))
        count = max(1, min(len(section.facts), share, style.sentences[1], MAX_SECTION_SENTENCES))
        out.append((count, count))  # small models write the fewest sentences a schema allows
    return out


def facts_needed(style: Style, reports: int) -> int:
    """Facts per report the map step should keep so that the text can reach the style's minimum length."""
    wanted = math.ceil((style.words[0] - LEAD_WORDS) / (WORDS_PER_SENTENCE * max(1, reports)))
    return max(style.facts_per_report, min(MAX_FACTS_PER_REPORT, wanted))


def _month(report: SelectedReport) -> str:
    return f"{MONTH_NAMES_NL[report.start.month - 1]} {report.start.year}" if report.start else ""


def _places(report: SelectedReport) -> str:
    return join_nl(report.cities or report.countries) or report.title


def code_lead(mapped: Sequence[MappedReport], topics: Sequence[str]) -> CitedSentence:
    """The lead, by code: the period, the destinations and the topic of the trips, citing every report."""
    dated = sorted((m for m in mapped if m.report.start), key=lambda m: (m.report.start, m.number))
    about = f" over {join_nl(list(topics))}" if topics else ""
    # One place per trip (its first city), each once: "naar Kopenhagen, Antwerpen en Madrid"; a long
    # list is cut ("... en andere bestemmingen": no number, which the citation check would have to find).
    firsts = list(dict.fromkeys((m.report.cities or m.report.countries or [m.report.title])[0] for m in mapped))
    places = (
        join_nl(firsts) if len(firsts) <= LEAD_PLACES else f"{', '.join(firsts[:LEAD_PLACES])} en andere bestemmingen"
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


def _verbatim(number: int, fact: Fact) -> CitedSentence:
    text = fact.text.rstrip()
    return CitedSentence(text=text if text[-1:] in ".!?" else text + ".", sources=[number], written_by="code")


def _section(
    writer: Writer, request: str, style: Style, section: Section, labels: dict[int, str], bounds: tuple[int, int]
) -> Block:
    numbers = section.reports
    facts = render_facts([FactLine(f.text, (n,)) for n, f in section.facts], {n: labels[n] for n in numbers})
    value = call_model(
        writer.model,
        writer.prompts.section_messages(request, section.heading, facts, bounds),
        sentences_model("zinnen", numbers, style.sentence_chars, bounds),
        max_tokens=min(sentences_budget(bounds[1], style.sentence_chars[1]), writer.max_tokens),
        step=f"schrijven:{section.heading}",
        calls=writer.calls,
    )
    sentences = sentences_of(getattr(value, "zinnen", None), set(numbers)) if value is not None else []
    # Unusable output: the section's facts, verbatim, one per report, so every report is still there.
    fallback = [_verbatim(n, f) for n, f in {n: f for n, f in reversed(section.facts)}.items()][::-1]
    return Block(kind="alinea", heading=section.heading, sentences=sentences or fallback)


def trim_to_budget(blocks: Sequence[Block], max_words: int) -> list[Block]:
    """The sections within the word budget: the last sentence of the longest section goes first.

    A sentence that is the only one citing a report stays, and so does a section's last sentence.
    """
    out = [b.model_copy(update={"sentences": list(b.sentences)}) for b in blocks]

    def words() -> int:
        return sum(word_count(s.text) for b in out for s in b.sentences) + sum(word_count(b.heading) for b in out)

    while words() > max_words:
        cited = Counter(n for b in out for s in b.sentences for n in set(s.sources))
        removable = [(b, s) for b in out if len(b.sentences) > 1 for s in b.sentences
                     if all(cited[n] > 1 for n in s.sources)]  # fmt: skip
        if not removable:
            break
        block, sentence = max(removable, key=lambda bs: (len(bs[0].sentences), bs[0].sentences.index(bs[1])))
        block.sentences.remove(sentence)
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
    places = [(m.report.cities or m.report.countries or [""])[0] for m in mapped]  # one place per trip
    places = [p for p in places if p]
    fallback = code_title(topics, places)
    vocabulary = Vocabulary([f.text for m in mapped for f in m.facts], names=[*places, *topics])
    # The whole paragraphs when they fit, else their first model sentences.
    for take in (MAX_SECTION_SENTENCES + 1, 2):
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
    themes: Sequence[str] = (),
) -> Written:
    """Title (model, checked by code), lead (code) and subheaded sections by theme (model, planned by code)."""
    useful = sorted((m for m in mapped if m.facts), key=lambda m: (m.report.start is None, m.report.start or 0))
    if not useful:
        return Written()
    sections = plan_sections(useful, themes)
    bounds = section_bounds(style, sections, max_words)
    blocks = [_section(writer, request, style, s, labels, b) for s, b in zip(sections, bounds, strict=True)]
    lead = code_lead(useful, topics)
    blocks = trim_to_budget(vary_openers(drop_repeats(blocks)), max_words - word_count(lead.text))
    title = _title(writer, request, blocks, labels, useful, topics)
    fallback = all(s.written_by == "code" for b in blocks for s in b.sentences)
    return Written(title=title, blocks=[Block(kind="inleiding", sentences=[lead]), *blocks], fallback=fallback)
