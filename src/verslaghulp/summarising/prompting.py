"""The summary prompts as chat messages: shared instructions first, then the request, the data, the task.

Every call starts with the same system prompt and, after it, the request, so llama.cpp reuses their
evaluated state from one report's call to the next; only each report's own sentences are new.
Report text only ever appears inside the data part of a prompt, never among the instructions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from langchain_core.messages import BaseMessage, HumanMessage, SystemMessage

from verslaghulp.llm.prompts import Prompt, load_prompt
from verslaghulp.summarising.models import SelectedReport
from verslaghulp.summarising.result import Fact, MappedReport
from verslaghulp.summarising.styles import Shape, Style


@dataclass(frozen=True)
class FactLine:
    """A fact as the writing step sees it: its text and the source numbers it rests on."""

    text: str
    sources: tuple[int, ...]


def render_facts(lines: Sequence[FactLine], labels: dict[int, str]) -> str:
    """The facts block: per source its number and label, then its facts; shared facts at the end."""
    out: list[str] = []
    for number in sorted(labels):
        own = [f for f in lines if f.sources == (number,)]
        if not own and not any(number in f.sources for f in lines):
            continue
        out.append(f"[{number}] {labels[number]}")
        out += [f"- {f.text}" for f in own]
    shared = [f for f in lines if len(f.sources) != 1]
    if shared:
        out.append("Samengevat uit meer verslagen:")
        out += [f"- [{', '.join(map(str, f.sources))}] {f.text}" for f in shared]
    return "\n".join(out)


def render_mapped(reports: Sequence[MappedReport]) -> str:
    """The facts block of some mapped reports: each report's number and label, then its own facts."""
    lines = [FactLine(f.text, (m.number,)) for m in reports for f in m.facts]
    return render_facts(lines, {m.number: m.report.label for m in reports})


def _one_line(text: str) -> str:
    # A report's line breaks must not look like the prompt's own structure.
    return " ".join(text.split())


@dataclass(frozen=True)
class SummaryPrompts:
    """The prompt files one summary uses."""

    system: Prompt
    pick: Prompt
    write: Prompt
    condense: Prompt
    repair: Prompt
    title: Prompt | None = None

    @classmethod
    def load(cls, folder: Path, style: Style) -> SummaryPrompts:
        """Load the shared prompts and the style's own."""
        return cls(
            system=load_prompt("summary-system", folder),
            pick=load_prompt("summary-map", folder),
            write=load_prompt(style.prompt, folder),
            condense=load_prompt("summary-tussen", folder),
            repair=load_prompt("summary-herstel", folder),
            title=load_prompt(style.title_prompt, folder) if style.shape is Shape.ARTICLE else None,
        )

    def refs(self, *, picked: bool, wrote: bool, condensed: bool, repaired: bool = False) -> list[str]:
        """`name@version` of the prompts a summary used, recorded in it."""
        used = [self.system, *([self.pick] if picked else []), *([self.condense] if condensed else [])]
        written = [self.write, *([self.title] if self.title else [])] if wrote else []
        return [p.ref for p in (*used, *written, *([self.repair] if repaired else []))]

    def _messages(self, user: str) -> list[BaseMessage]:
        return [SystemMessage(content=self.system.render()), HumanMessage(content=user)]

    def pick_messages(
        self, request: str, report: SelectedReport, facts: Sequence[Fact], limit: int
    ) -> list[BaseMessage]:
        """Map step: which of a report's numbered sentences help answer the request."""
        numbered = "\n".join(f"{n}. {_one_line(f.text)}" for n, f in enumerate(facts, start=1))
        user = self.pick.render(request=_one_line(request), report=report.label, sentences=numbered, limit=limit)
        return self._messages(user)

    def result_messages(self, report: SelectedReport, yielded: str) -> list[BaseMessage]:
        """Annual overview: what one trip yielded, in one short sentence."""
        return self._messages(self.write.render(report=report.label, yielded=yielded))

    def write_messages(self, request: str, style: Style, facts: str) -> list[BaseMessage]:
        """Writing step of the style, over the facts block."""
        values: dict[str, object] = {"request": _one_line(request), "facts": facts}
        if style.shape is Shape.BULLETS:
            values |= {"bullets": _range(style.sentences), "words": style.words[1]}
        else:
            values |= {"sentences": _range(style.sentences)}
        return self._messages(self.write.render(**values))

    def section_messages(self, request: str, heading: str, facts: str, sentences: tuple[int, int]) -> list[BaseMessage]:
        """An article's section under its subheading, from the facts code grouped into it (the style's prompt)."""
        return self._messages(
            self.write.render(request=_one_line(request), heading=heading, facts=facts, sentences=_range(sentences))
        )

    def title_messages(self, request: str, paragraphs: str) -> list[BaseMessage]:
        """An article's title, written from its paragraphs."""
        if self.title is None:
            raise ValueError("this style has no title prompt")
        return self._messages(self.title.render(request=_one_line(request), paragraphs=paragraphs))

    def repair_messages(self, sentence: str, problems: Sequence[tuple[str, str]], facts: str) -> list[BaseMessage]:
        """Rewrite of a sentence that failed the check: each problem is the words concerned and why (Dutch)."""
        lines = "\n".join(f'- "{_one_line(words)}": {_one_line(why)}' for words, why in dict.fromkeys(problems))
        return self._messages(self.repair.render(sentence=_one_line(sentence), problems=lines, facts=facts))

    def condense_messages(self, request: str, facts: str, sentences: int) -> list[BaseMessage]:
        """Hierarchical reduce: one group's facts condensed into a few cited sentences."""
        return self._messages(self.condense.render(request=_one_line(request), facts=facts, sentences=sentences))


def _range(bounds: tuple[int, int]) -> str:
    low, high = bounds
    return str(low) if low == high else f"{low} tot {high}"
