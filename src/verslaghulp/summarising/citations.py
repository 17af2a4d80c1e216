"""The citation check: the names, numbers, dates and places of each sentence must occur in the reports it cites.

It reuses the facts layer's grounding check with the cited reports' text as "the notes". A cited
report that supports none of a sentence's facts is dropped from its citations (a citation must
point at its evidence); a sentence with a fact none of its reports contain is flagged in place or
removed, as `settings.unsupported_facts` says.

A model's sentence is also checked claim by claim (`claims`: its predicate, modality and subject
against the source sentences it restates) and for two plain grammar errors (`grammar`); what they
find counts as unsupported in the same way, so it is rewritten once, then flagged or removed.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from verslaghulp.config import UnsupportedFactPolicy
from verslaghulp.facts import wording
from verslaghulp.facts.grounding import check_answer
from verslaghulp.facts.grounding_model import FactKind, FactStatus, UnsupportedFact
from verslaghulp.facts.lexicon import REPORT_WORDS, STOPWORDS
from verslaghulp.facts.normalise import fold
from verslaghulp.facts.notes_index import NotesIndex, build_index
from verslaghulp.facts.policy import MARK_CLOSE, MARK_OPEN
from verslaghulp.summarising.claims import (
    LIGHT_WORDS,
    NOT_CONTENT,
    OWN_PEOPLE,
    REPORTING,
    SourceSentences,
    check_claims,
    known_stem,
)
from verslaghulp.summarising.grammar import grammar_issues
from verslaghulp.summarising.result import CheckAction, CitedSentence, SentenceCheck

_NOTES = "in de aantekeningen"
_REPORT = "in het geciteerde verslag"


class SourceIndexes:
    """Grounding indexes of the cited reports' texts, built once per set of sources."""

    def __init__(self, texts: dict[int, str], names: dict[int, str]):
        self._texts = texts
        self.names = names
        self._cache: dict[tuple[int, ...], NotesIndex] = {}
        self._sentences: dict[tuple[int, ...], SourceSentences] = {}

    def known(self, number: int) -> bool:
        """Whether a source number belongs to a selected report."""
        return number in self._texts

    @property
    def numbers(self) -> list[int]:
        """Every source number, in order."""
        return sorted(self._texts)

    def index(self, sources: tuple[int, ...]) -> NotesIndex:
        """The index of the joined texts of these sources."""
        key = tuple(sorted(set(sources)))
        if key not in self._cache:
            self._cache[key] = build_index("\n\n".join(self._texts[n] for n in key))
        return self._cache[key]

    def sentences(self, sources: tuple[int, ...]) -> SourceSentences:
        """The sentences of these sources, for the claim-level check."""
        key = tuple(sorted(set(sources)))
        if key not in self._sentences:
            self._sentences[key] = SourceSentences("\n\n".join(self._texts[n] for n in key))
        return self._sentences[key]


_LETTERS = re.compile(r"[^\W\d_]+")


# Also the words that frame a restatement: Den Haag's own people ("de delegatie", "vertegenwoordigers")
# and verbs of meeting and seeing ("trof", "bezocht"), which the actor check reads.
_IGNORED = STOPWORDS | REPORT_WORDS | NOT_CONTENT | LIGHT_WORDS | OWN_PEOPLE | REPORTING
# A summary sentence with this many content words its reports lack, and no more than this share of its
# content words in them, claims something of its own ("versterkte zijn internationale profilering").
INVENTED_MIN_MISSING = 2
INVENTED_MAX_COVERAGE = 0.5


def _claim_words(text: str, *, first_lower: bool = False) -> list[str]:
    """The folded content words a claim is judged by: lower-case (names are checked one by one), not function words."""
    found = _LETTERS.findall(text)
    if first_lower and found:
        found[0] = found[0].lower()  # a list item's first word is capitalised as its start, not as a name
    return [w for w in (fold(x) for x in found if not x[:1].isupper()) if len(w) >= 4 and w not in _IGNORED]


def invented_claim(text: str, source: SourceSentences) -> UnsupportedFact | None:
    """A sentence whose own content words are mostly not in its reports: a claim they do not make.

    The facts layer asks three missing words of a drafted answer, which restates the official's own
    notes; a summary sentence restates a report, so two missing words in a sentence that has at most
    as many known ones (stems compared, as in the claim check) are enough: "Met de deelname versterkte
    Den Haag zijn internationale profilering" has 'internationale' and 'profilering' of its own.
    """
    words = _claim_words(text)
    missing = [w for w in words if not known_stem(w, source)]
    if len(missing) < INVENTED_MIN_MISSING or 1 - len(missing) / len(words) > INVENTED_MAX_COVERAGE:
        return None
    reason = f"bewering die niet in het geciteerde verslag staat (onbekend: {', '.join(missing[:4])})"
    return _finding(text, 0, len(text), reason)


def _wording_stands(item: UnsupportedFact, source: SourceSentences) -> bool:
    """Whether the facts layer's finding of an invented claim or promise holds when words are looked up by stem.

    The facts layer looks a sentence's content words up as written (and by a five-letter prefix); a
    summary restates a report in other inflections ("sturen" for "stuurt", "gevolgd" for "volgt"). The
    same rule (`facts.wording`: how many content words are missing, and what share) is applied again
    with the claim check's stems; a finding that no longer meets it is dropped. Names, numbers, dates
    and places are not touched.
    """
    generic = item.reason.startswith("algemene")
    if item.kind not in (FactKind.PROMISE, FactKind.CLAIM):
        return True
    words = _claim_words(item.text, first_lower=generic)
    if not words:
        return True
    missing = [w for w in words if not known_stem(w, source)]
    coverage = 1 - len(missing) / len(words)
    if generic:
        return len(missing) == len(words)
    if item.kind is FactKind.PROMISE:
        return len(missing) >= wording.PROMISE_MIN_MISSING and coverage < wording.PROMISE_MAX_COVERAGE
    return len(missing) >= wording.CLAIM_MIN_MISSING and coverage < wording.CLAIM_MAX_COVERAGE


def _for_reports(item: UnsupportedFact) -> UnsupportedFact:
    # The facts layer speaks of "the notes"; here the evidence is the cited report.
    return item.model_copy(update={"reason": item.reason.replace(_NOTES, _REPORT)})


def check_sentence(sentence: CitedSentence, indexes: SourceIndexes) -> SentenceCheck:
    """Check one sentence against its cited reports; drop citations of reports that support none of it."""
    sources = [n for n in dict.fromkeys(sentence.sources) if indexes.known(n)]
    if not sources:
        reason = "de zin noemt geen bron"
        bad = UnsupportedFact(question_id="zin", text=sentence.text, kind=FactKind.CLAIM, start=0,
                              end=len(sentence.text), reason=reason)  # fmt: skip
        return SentenceCheck(text=sentence.text, sources=[], unsupported=[bad])
    checked = check_answer("zin", sentence.text, indexes.index(tuple(sources)))
    dropped: list[int] = []
    supported = [f for f in checked.facts if f.status is not FactStatus.UNSUPPORTED]
    if len(sources) > 1 and supported:
        for number in sources:
            alone = check_answer("zin", sentence.text, indexes.index((number,)))
            spans = {(f.start, f.end) for f in alone.facts if f.status is not FactStatus.UNSUPPORTED}
            if not any((f.start, f.end) in spans for f in supported):
                dropped.append(number)
        if len(dropped) == len(sources):
            dropped = []  # only the union supports it: keep every citation
    kept = [n for n in sources if n not in dropped]
    unsupported = [_for_reports(u) for u in checked.unsupported]
    findings: list[str] = []
    if sentence.written_by == "model":  # code's sentences are the archive's own words or its metadata
        source = indexes.sentences(tuple(sources))
        unsupported = [u for u in unsupported if _wording_stands(u, source)]
        invented = invented_claim(sentence.text, source)
        if invented and not any(u.kind in (FactKind.CLAIM, FactKind.PROMISE) for u in unsupported):
            findings.append("bewering")
            unsupported.append(invented)
        for claim in check_claims(sentence.text, source):
            findings.append(claim.kind)
            unsupported.append(_finding(claim.text, claim.start, claim.end, claim.reason))
        for issue in grammar_issues(sentence.text):
            findings.append("grammatica")
            unsupported.append(_finding(issue.text, issue.start, issue.end, issue.reason))
    return SentenceCheck(
        text=sentence.text,
        sources=kept,
        reports=[indexes.names[n] for n in kept],
        dropped_reports=[indexes.names[n] for n in dropped],
        facts=checked.facts,
        unsupported=unsupported,
        findings=findings,
    )


def _finding(text: str, start: int, end: int, reason: str) -> UnsupportedFact:
    return UnsupportedFact(question_id="zin", text=text, kind=FactKind.CLAIM, start=start, end=end, reason=reason)


def flag_inline(text: str, unsupported: list[UnsupportedFact]) -> str:
    """Wrap every unsupported fact in ⟦…⟧ (outermost spans only, so marks never overlap)."""
    spans: list[tuple[int, int]] = []
    for item in sorted(unsupported, key=lambda u: (u.start, -(u.end - u.start))):
        if not spans or item.start >= spans[-1][1]:
            spans.append((item.start, item.end))
    for start, end in reversed(spans):
        text = text[:start] + MARK_OPEN + text[start:end] + MARK_CLOSE + text[end:]
    return text


def apply_check(
    sentence: CitedSentence,
    check: SentenceCheck,
    policy: UnsupportedFactPolicy,
    replacement: Callable[[CitedSentence], CitedSentence | None] | None = None,
) -> tuple[CitedSentence | None, SentenceCheck]:
    """The sentence after the policy (None when removed), and its check with the action taken."""
    kept = sentence.model_copy(update={"sources": check.sources})
    if check.supported:
        return kept, check
    if policy is UnsupportedFactPolicy.FLAG:
        flagged = kept.model_copy(update={"text": flag_inline(sentence.text, check.unsupported)})
        return flagged, check.model_copy(update={"action": CheckAction.FLAGGED})
    substitute = replacement(kept) if replacement else None
    if substitute is not None:
        return substitute, check.model_copy(update={"action": CheckAction.REPLACED})
    return None, check.model_copy(update={"action": CheckAction.REMOVED})


def reattribute(sentence: CitedSentence, check: SentenceCheck, indexes: SourceIndexes) -> SentenceCheck | None:
    """The check of the sentence cited to the one report that supports all of it, when it cites the wrong one.

    Small models often cite [1] for everything. When exactly one other selected report supports every
    fact of the sentence, the citation is moved there (the check, not the model, decides); when none
    or several do, None, and the policy applies.
    """
    if check.supported:
        return None
    found: list[SentenceCheck] = []
    for number in indexes.numbers:
        if number in check.sources:
            continue
        candidate = check_sentence(sentence.model_copy(update={"sources": [number]}), indexes)
        if candidate.supported and candidate.facts:
            found.append(candidate)
            if len(found) > 1:
                return None
    if not found:
        return None
    return found[0].model_copy(update={"action": CheckAction.REATTRIBUTED})
