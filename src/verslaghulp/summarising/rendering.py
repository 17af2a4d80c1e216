"""From structure to text: [n] marks, renumbering by first citation, the source list, Markdown and JSON."""

from __future__ import annotations

import re
from collections.abc import Sequence

from verslaghulp.summarising.models import Selection
from verslaghulp.summarising.result import Block, CheckAction, CitedSentence, Source, Summary, TripRow

_END = re.compile(r"[.!?]+[\"'”’)]*$")
ROW_HEADER = ("Data", "Bestemming", "Doel", "Wat het opleverde", "Bron")


def mark(sources: Sequence[int]) -> str:
    """The citation mark: "[1]" or "[1, 3]"."""
    return f"[{', '.join(str(n) for n in sources)}]" if sources else ""


def with_mark(sentence: CitedSentence) -> str:
    """The sentence with its mark before the final punctuation ("... ontwikkeld [2].")."""
    text = sentence.text.strip()
    tag = mark(sentence.sources)
    if not tag:
        return text
    end = _END.search(text)
    if end:
        return f"{text[: end.start()]} {tag}{text[end.start() :]}"
    return f"{text} {tag}."


def renumbering(blocks: Sequence[Block], rows: Sequence[TripRow]) -> dict[int, int]:
    """Working source numbers -> final numbers, in the order the text first cites them."""
    order: dict[int, int] = {}
    cited = [n for b in blocks for s in b.sentences for n in s.sources] + [n for r in rows for n in r.sources]
    for number in cited:
        order.setdefault(number, len(order) + 1)
    return order


def renumber_blocks(blocks: Sequence[Block], new: dict[int, int]) -> list[Block]:
    """Blocks with their citations renumbered (sorted within a sentence)."""
    return [
        b.model_copy(
            update={
                "sentences": [s.model_copy(update={"sources": sorted(new[n] for n in s.sources)}) for s in b.sentences]
            }
        )
        for b in blocks
    ]


def renumber_rows(rows: Sequence[TripRow], new: dict[int, int]) -> list[TripRow]:
    """Rows with their citations renumbered."""
    return [r.model_copy(update={"sources": sorted(new[n] for n in r.sources)}) for r in rows]


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "/").split())


def table_text(rows: Sequence[TripRow]) -> str:
    """The annual overview as a Markdown table."""
    lines = ["| " + " | ".join(ROW_HEADER) + " |", "|" + "---|" * len(ROW_HEADER)]
    for r in rows:
        cells = (r.dates, r.destination, r.purpose, r.result, mark(r.sources))
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines)


def body_text(blocks: Sequence[Block], rows: Sequence[TripRow]) -> str:
    """The text with citation marks: paragraphs, bullets or the table."""
    parts: list[str] = []
    for block in blocks:
        if block.heading:
            parts.append(f"### {block.heading}")
        if block.kind == "punten":
            parts.append("\n".join(f"- {with_mark(s)}" for s in block.sentences))
        else:
            parts.append(" ".join(with_mark(s) for s in block.sentences))
    if rows:
        parts.append(table_text(rows))
    return "\n\n".join(p for p in parts if p.strip())


def heading_case(heading: str) -> str:
    """A form heading in sentence case: "WIE HEB JE ONTMOET?" -> "Wie heb je ontmoet?"."""
    lowered = " ".join(heading.lower().split())
    return re.sub(r"(^|[?:] )(\w)", lambda m: m[1] + m[2].upper(), lowered)


def source_line(source: Source) -> str:
    """One entry of the source list."""
    questions = "; ".join(heading_case(q) for q in source.questions)
    asked = f" Vraag: {questions}" if questions else ""
    made_up = " VOORBEELDVERSLAG: verzonnen, niet echt gebeurd." if source.example else ""
    return (
        f"[{source.number}] {source.destination}, {source.dates}: {source.title} ({source.source_name}).{made_up}"
        f"{asked}"
    )


def to_markdown(summary: Summary) -> str:
    """The summary as Markdown: title, text, sources, and how it was made (coverage, check, model)."""
    out: list[str] = [f"> **{warning}**\n" for warning in summary.warnings]
    if summary.title:
        out += [f"# {summary.title}", ""]
    out += [summary.text, "", "## Bronnen", ""]
    out += [source_line(s) for s in summary.sources] or ["Geen bronnen."]
    out += ["", "## Verantwoording"]
    for line, items in accountability(summary):
        out += ["", line, *(f"- {item}" for item in items)]
    return "\n".join(out).rstrip() + "\n"


def accountability(summary: Summary) -> list[tuple[str, list[str]]]:
    """How the summary was made, as (line, its list items): the selection, the citation check, the model."""
    selection = summary.selection
    chosen = (f"Selectie: {'; '.join(selection.criteria)}. {len(summary.coverage.items)} verslag(en) geselecteerd, "
              f"{len(summary.coverage.included)} gebruikt.")  # fmt: skip
    left_out = [f"Weggelaten: {item.source_name} - {item.reason}" for item in summary.coverage.left_out]
    check = summary.check
    ok = sum(s.supported for s in check.in_text)
    checked: list[str] = []
    repaired = sum(s.action is CheckAction.REATTRIBUTED for s in check.sentences)
    repeats = sum(s.action is CheckAction.DUPLICATE for s in check.sentences)
    if repaired or repeats:
        checked.append(f"Bronvermelding verbeterd bij {repaired} zin(nen); {repeats} herhaalde zin(nen) weggelaten.")
    for rewritten in (s for s in check.sentences if s.action is CheckAction.REWRITTEN):
        checked.append(f'Herschreven: "{rewritten.original}" werd "{rewritten.text}" (het verslag steunt de '
                       "eerste versie niet).")  # fmt: skip
    for failed in check.failed:
        reasons = "; ".join(f"'{u.text}': {u.reason}" for u in failed.unsupported)
        checked.append(f'{failed.action.value}: "{failed.text}" ({reasons})')
    checked += summary.notes
    meta = summary.meta
    made = (f"Gemaakt met {meta.model} ({', '.join(meta.prompts)}) in {meta.total_seconds:.0f} s; "
            f"{meta.words} woorden.")  # fmt: skip
    return [
        (chosen, left_out),
        (f"Bronnencontrole: {ok} van {len(check.in_text)} zinnen in orde.", checked),
        (made, []),
    ]


def to_json(summary: Summary) -> str:
    """The summary as JSON (text, citations, sources, coverage, check, model, prompts, timings)."""
    return summary.model_dump_json(indent=2) + "\n"


def selection_lines(selection: Selection) -> list[str]:
    """The selection as lines of text for a terminal or a page: how, which reports and why, which not."""
    lines = [f"Selectie ({'; '.join(selection.criteria)}): {len(selection.reports)} verslag(en)."]
    for n, report in enumerate(selection.reports, start=1):
        lines.append(
            f"{n:>3}. {report.report_id[:8]}  {report.source_name}: {report.label} - {', '.join(report.reasons)}"
        )
    if selection.passed_over:
        lines.append(f"Niet geselecteerd: {len(selection.passed_over)} verslag(en).")
        lines += [f"     {p.report_id[:8]}  {p.source_name}: {p.reason}" for p in selection.passed_over]
    return lines
