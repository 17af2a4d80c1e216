"""A news item planned by theme, not by trip: code groups the facts of all reports into subheaded sections.

Every fact (a report's own sentence) gets the themes the archive's theme words find in it; the
request's own theme is left out (the whole item is about it). Code then
chooses the theme that brings together the most reports and gives it its facts, then the next one
among the facts left (up to three), and puts what was agreed for later (the follow-up answers) in
a closing section. A fact without a theme joins the section that has most of its report's facts,
else a general section. A section with a single
fact joins the general one, so every section combines what it can of several reports.

After writing, code polishes across sections: a sentence that repeats an earlier one in other
words (most of its content words already said) is dropped, and no two sections open with the same
words when another of their sentences can open instead.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from verslaghulp.archive.themes import find_themes
from verslaghulp.summarising.claims import content_stems
from verslaghulp.summarising.result import Block, CitedSentence, Fact, MappedReport

MAX_THEME_SECTIONS = 3
MAX_SECTIONS = 4
FOLLOW_UP = "vervolg"
REPEAT_SHARE = 0.7  # share of a sentence's content words said before that makes it a repeat
# Subheadings by theme (the archive's theme names); a theme not listed is written with a capital.
HEADINGS = {
    "ai": "Kunstmatige intelligentie",
    "cio-netwerk": "Het CIO-netwerk",
    "data": "Data en open data",
    "digitale tweeling": "De digitale tweeling",
    "europa": "Europese samenwerking",
    "internationale profilering": "Den Haag internationaal op de kaart",
    "klimaat en energie": "Klimaat en energie",
    "smart city": "Slimme stad",
}
GENERAL = "Wat de reizen opleverden"
WHY = "Waarom de reizen"
MORE = "Meer uit de reizen"
NEXT = "Hoe het verder gaat"


@dataclass
class Section:
    """A planned section: its subheading and the facts it combines, each with its report's number."""

    heading: str
    theme: str | None
    facts: list[tuple[int, Fact]] = field(default_factory=list)

    @property
    def reports(self) -> list[int]:
        """The source numbers of the reports whose facts it combines."""
        return list(dict.fromkeys(n for n, _ in self.facts))


def heading_for(theme: str) -> str:
    """The subheading of a theme."""
    return HEADINGS.get(theme, theme[:1].upper() + theme[1:])


def _themes(fact: Fact, skip: set[str]) -> list[str]:
    return [t for t in find_themes(fact.text) if t not in skip]


def plan_sections(mapped: Sequence[MappedReport], request_themes: Sequence[str]) -> list[Section]:
    """Two to four sections over the reports' facts: by theme, then a general one, then the follow-up."""
    skip = set(request_themes)
    later: list[tuple[int, Fact]] = []
    rest: list[tuple[tuple[int, Fact], list[str]]] = []
    for m in mapped:
        for fact in m.facts:
            if fact.question_id == FOLLOW_UP:
                later.append((m.number, fact))
            else:
                rest.append(((m.number, fact), _themes(fact, skip)))
    # Greedy cover: the theme that brings together most reports (then most facts) takes its facts,
    # and the next theme is chosen among the facts left, so that sections differ.
    sections: dict[str, Section] = {}
    general = Section(GENERAL, None)
    left = list(rest)
    while left and len(sections) < MAX_THEME_SECTIONS:
        reach: dict[str, set[int]] = {}
        sizes: Counter[str] = Counter()
        for (number, _), themes in left:
            for theme in themes:
                reach.setdefault(theme, set()).add(number)
                sizes[theme] += 1
        ranked = sorted((t for t in reach if sizes[t] >= 2), key=lambda t: (-len(reach[t]), -sizes[t], t))
        if not ranked:
            break
        theme = ranked[0]
        sections[theme] = Section(heading_for(theme), theme, [item for item, themes in left if theme in themes])
        left = [(item, themes) for item, themes in left if theme not in themes]
    # A fact without a theme of its own joins the section that has most of its report's facts.
    for item, _ in left:
        home = max(sections.values(), key=lambda s: sum(n == item[0] for n, _ in s.facts), default=None)
        if home is not None and any(n == item[0] for n, _ in home.facts):
            home.facts.append(item)
        else:
            general.facts.append(item)
    out = [s for s in sections.values() if len(s.facts) >= 2]
    general.facts += [f for s in sections.values() if len(s.facts) < 2 for f in s.facts]
    out = sorted(out, key=lambda s: (-len(s.reports), -len(s.facts)))
    if general.facts:
        out.append(general)
    if later:
        out.append(Section(NEXT, None, later))
    while len(out) > MAX_SECTIONS:  # the smallest theme section joins the general one
        smallest = min((s for s in out if s.theme), key=lambda s: len(s.facts))
        out.remove(smallest)
        target = next((s for s in out if s.heading == GENERAL), None)
        if target is None:
            target = Section(GENERAL, None)
            out.insert(len(out) - (1 if later else 0), target)
        target.facts += smallest.facts
    if len(out) == 1 and len(out[0].facts) >= 4:
        out = _split(out[0])
    return out


def _split(only: Section) -> list[Section]:
    """One section in two: why the trips were made and what they yielded, else the reports in two halves."""
    why = [(n, f) for n, f in only.facts if f.question_id == "doel"]
    rest = [(n, f) for n, f in only.facts if f.question_id != "doel"]
    if len(why) >= 2 and len(rest) >= 2:
        return [Section(WHY, None, why), Section(only.heading, only.theme, rest)]
    reports = only.reports
    first = set(reports[: max(1, len(reports) // 2)]) if len(reports) > 1 else set()
    front = [(n, f) for n, f in only.facts if n in first] or only.facts[: len(only.facts) // 2]
    back = [item for item in only.facts if item not in front]
    return [Section(only.heading, only.theme, front), Section(MORE, None, back)]


def _key(sentence: CitedSentence) -> set[str]:
    return content_stems(sentence.text)


def drop_repeats(blocks: Sequence[Block]) -> list[Block]:
    """Blocks without sentences whose content words were (nearly) all said earlier in the item."""
    said: list[set[str]] = []
    out: list[Block] = []
    for block in blocks:
        kept: list[CitedSentence] = []
        for sentence in block.sentences:
            stems = _key(sentence)
            if stems and any(len(stems & before) >= REPEAT_SHARE * len(stems) for before in said):
                continue
            said.append(stems)
            kept.append(sentence)
        if kept:
            out.append(block.model_copy(update={"sentences": kept}))
    return out


_OPENING = re.compile(r"\w+")


def opening(sentence: CitedSentence, words: int = 2) -> tuple[str, ...]:
    """The first words of a sentence, lower case."""
    return tuple(w.lower() for w in _OPENING.findall(sentence.text)[:words])


def vary_openers(blocks: Sequence[Block]) -> list[Block]:
    """Sections whose first sentences open with different words, where another sentence can go first."""
    used: set[tuple[str, ...]] = set()
    out: list[Block] = []
    for block in blocks:
        sentences = list(block.sentences)
        if block.kind == "alinea" and sentences:
            fresh = next((n for n, s in enumerate(sentences) if opening(s) not in used), 0)
            sentences.insert(0, sentences.pop(fresh))
            used.add(opening(sentences[0]))
        out.append(block.model_copy(update={"sentences": sentences}))
    return out
