"""The coverage guarantee: every selected report is cited in the text or listed as left out, with the reason.

Three things can leave a report out, and each says so: the length budget (decided before writing,
lowest search score first), the map step (nothing in it is about the request), and the budget again
when the model did not use a relevant report and adding its own sentence would make the text too
long. Otherwise code adds that report's most relevant sentence, verbatim and cited, so a report is
never dropped silently.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from verslaghulp.facts.lexicon import MONTH_NAMES_NL, STOPWORDS
from verslaghulp.facts.normalise import fold
from verslaghulp.summarising.models import SelectedReport
from verslaghulp.summarising.result import Block, CitedSentence, CoverageItem, MappedReport
from verslaghulp.summarising.styles import Shape, Style

_MARKS = re.compile(r"\[\d+(?:\s*[,;]\s*\d+)*\]")
DEFAULT_ROW_WORDS = 30
NOT_USED = "het taalmodel gebruikte dit verslag niet, en een eigen zin ervan past niet binnen het lengtebudget"


def word_count(text: str) -> int:
    """Words of a text, citation marks not counted."""
    return len(_MARKS.sub(" ", text).split())


def over_budget_reason(max_words: int, capacity: int) -> str:
    """Why a report does not fit the length budget (Dutch)."""
    return f"valt buiten het lengtebudget van {max_words} woorden (ruimte voor {capacity} verslagen)"


def apply_budget(
    reports: Sequence[SelectedReport], style: Style, max_words: int, *, user_set: bool
) -> tuple[list[SelectedReport], dict[str, str]]:
    """The reports that fit the length budget, and the reason for each that does not.

    A style says how many words one report needs at least; the reports with the best search score
    for the request are kept. A table has no budget per row unless the user set one.
    """
    per_report = style.words_per_report or (DEFAULT_ROW_WORDS if user_set else 0)
    if per_report == 0:
        return list(reports), {}
    capacity = max(1, max_words // per_report)
    if len(reports) <= capacity:
        return list(reports), {}
    ranked = sorted(reports, key=lambda r: (r.added_by_user, r.score), reverse=True)
    keep = {r.report_id for r in ranked[:capacity]}
    reason = over_budget_reason(max_words, capacity)
    return [r for r in reports if r.report_id in keep], {
        r.report_id: reason for r in reports if r.report_id not in keep
    }


def cited_numbers(blocks: Sequence[Block]) -> set[int]:
    """Source numbers the blocks cite."""
    return {n for b in blocks for s in b.sentences for n in s.sources}


def own_sentence(mapped: MappedReport) -> CitedSentence:
    """A report's most relevant sentence, verbatim, introduced by its trip: for a report the model left out."""
    fact = mapped.facts[0].text.rstrip()
    first = fact.split(maxsplit=1)[0] if fact else ""
    if fold(first) in STOPWORDS | {"een", "de", "het"}:
        fact = fact[0].lower() + fact[1:]  # "Een werkwijze ..." after a colon
    if fact and fact[-1] not in ".!?":
        fact += "."
    report = mapped.report
    where = ", ".join(report.cities) or ", ".join(report.countries) or report.title
    when = f" ({MONTH_NAMES_NL[report.start.month - 1]} {report.start.year})" if report.start else ""
    return CitedSentence(text=f"Reis naar {where}{when}: {fact}", sources=[mapped.number], written_by="code")


def complete(
    blocks: list[Block], mapped: Sequence[MappedReport], style: Style, max_words: int
) -> tuple[list[Block], list[CitedSentence], dict[int, str]]:
    """Add a verbatim sentence for each relevant report the text does not cite, while the budget allows.

    Returns the blocks, the sentences added, and per source number still not cited, why (Dutch).
    """
    cited = cited_numbers(blocks)
    words = sum(word_count(s.text) for b in blocks for s in b.sentences)
    missing = [m for m in mapped if m.facts and not m.left_out and m.number not in cited]
    reasons: dict[int, str] = {}
    added: list[CitedSentence] = []
    for m in missing:
        sentence = own_sentence(m)
        if not style.complete_missing or words + word_count(sentence.text) > max_words:
            reasons[m.number] = NOT_USED
            continue
        added.append(sentence)
        words += word_count(sentence.text)
    if added:
        kind = {Shape.BULLETS: "punten", Shape.ANSWER: "antwoord"}.get(style.shape, "alinea")
        if blocks and blocks[-1].kind == kind and kind != "alinea":
            blocks = [*blocks[:-1], blocks[-1].model_copy(update={"sentences": blocks[-1].sentences + added})]
        else:
            blocks = [*blocks, Block(kind=kind, sentences=added)]
    return blocks, added, reasons


def coverage_items(
    selected: Sequence[SelectedReport],
    mapped: Sequence[MappedReport],
    budget_reasons: dict[str, str],
    cited: set[int],
    unused_reasons: dict[int, str],
) -> list[CoverageItem]:
    """One item per selected report: cited (with its working number) or left out with the reason."""
    by_id = {m.report.report_id: m for m in mapped}
    items: list[CoverageItem] = []
    for report in selected:
        m = by_id.get(report.report_id)
        base = {"report_id": report.report_id, "source_name": report.source_name, "title": report.title}
        if m is not None and m.number in cited:
            items.append(CoverageItem(**base, included=True, number=m.number))
            continue
        if report.report_id in budget_reasons:
            reason = budget_reasons[report.report_id]
        elif m is None:
            reason = "niet verwerkt"
        elif m.left_out:
            reason = m.left_out
        else:
            reason = unused_reasons.get(
                m.number, "alle zinnen met dit verslag als bron zijn bij de bronnencontrole verwijderd"
            )
        items.append(CoverageItem(**base, included=False, reason=reason))
    return items
