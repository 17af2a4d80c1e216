"""Repair of a sentence that failed the citation check: one rewrite by the model, checked again by code.

The check names the words of the sentence (a name, number, date, place or promise) that the cited
reports do not contain, a predicate or actor they do not state, or words that are not grammatical,
each with the reason. The model is asked once to write the sentence again from those reports'
facts, without those problems; the rewrite goes through the same check and is used only when every
fact in it is found and it still states at least one. Code keeps deciding what is true: the model
only rewords, and a rewrite that invents again is discarded (the policy then flags or removes the
original sentence).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from verslaghulp.llm.port import ChatModel
from verslaghulp.summarising.calls import call_model
from verslaghulp.summarising.citations import SourceIndexes, check_sentence
from verslaghulp.summarising.prompting import SummaryPrompts, render_mapped
from verslaghulp.summarising.result import CheckAction, CitedSentence, MappedReport, ModelCallRecord, SentenceCheck
from verslaghulp.summarising.schemas import sentence_model, sentences_budget, whole_sentences

Rewrite = Callable[[CitedSentence, SentenceCheck], CitedSentence | None]
"""Given a failing sentence and its check, a new sentence to check (or None: no rewrite)."""


@dataclass(frozen=True)
class Repairer:
    """Rewrites a failing model sentence from the mapped facts of the reports it cites."""

    model: ChatModel
    prompts: SummaryPrompts
    mapped: Mapping[int, MappedReport]
    chars: tuple[int, int]
    calls: list[ModelCallRecord]
    max_tokens: int

    def __call__(self, sentence: CitedSentence, check: SentenceCheck) -> CitedSentence | None:
        """The model's rewrite of the sentence, or None when there is nothing to rewrite it from."""
        if sentence.written_by != "model":
            return None
        cited = [n for n in dict.fromkeys(check.sources or sentence.sources) if n in self.mapped]
        numbers = [n for n in cited if self.mapped[n].facts]
        if not numbers:
            return None
        facts = render_mapped([self.mapped[n] for n in numbers])
        messages = self.prompts.repair_messages(sentence.text, [(u.text, u.reason) for u in check.unsupported], facts)
        value = call_model(
            self.model,
            messages,
            sentence_model(numbers, self.chars),
            max_tokens=min(sentences_budget(1, self.chars[1]), self.max_tokens),
            step="herstellen",
            calls=self.calls,
        )
        if value is None:
            return None
        text = whole_sentences(value)
        sources = [int(n) for n in dict.fromkeys(getattr(value, "bronnen", [])) if int(n) in numbers]
        return CitedSentence(text=text, sources=sources or numbers) if text else None


def repaired(
    sentence: CitedSentence, check: SentenceCheck, indexes: SourceIndexes, rewrite: Rewrite | None
) -> tuple[CitedSentence, SentenceCheck] | None:
    """The rewritten sentence and its check, when a rewrite passes the citation check; else None."""
    if rewrite is None or check.supported:
        return None
    candidate = rewrite(sentence, check)
    if candidate is None:
        return None
    again = check_sentence(candidate, indexes)
    if not again.supported or not again.facts:
        return None  # invented again, or says nothing concrete any more: the original goes to the policy
    fixed = candidate.model_copy(update={"sources": again.sources})
    return fixed, again.model_copy(update={"action": CheckAction.REWRITTEN, "original": sentence.text})
