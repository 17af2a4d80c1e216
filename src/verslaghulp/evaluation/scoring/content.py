"""What a draft says: expected facts, forbidden facts, "niet vermeld" handling, and its language."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from verslaghulp.evaluation.matching import contains, fold_text, found
from verslaghulp.evaluation.measures import Measure
from verslaghulp.facts.language import detect_language
from verslaghulp.report.model import AnswerStatus, ReportDraft, WrittenBy


def _answer_text(draft: ReportDraft, question_id: str) -> str | None:
    return next((a.text for a in draft.answers if a.question_id == question_id), None)


def expected_fact_recall(draft: ReportDraft, must_contain: Mapping[str, Iterable[str]]) -> Measure:
    """Share of the expected strings that the answer to their question contains (folded match).

    Pooled over strings, not questions: a case with eleven expected names weighs eleven.
    """
    hits = total = 0
    detail: list[str] = []
    for question_id, strings in must_contain.items():
        wanted = list(strings)
        text = _answer_text(draft, question_id) or ""
        for s in wanted:
            total += 1
            if contains(text, s):
                hits += 1
            else:
                detail.append(f"{question_id}: missing {s!r}")
    return Measure.ratio(hits, total, detail)


def draft_text(draft: ReportDraft) -> str:
    """Everything a reader sees: every answer and every follow-up question."""
    parts = [a.text for a in draft.answers] + [a.follow_up or "" for a in draft.answers]
    return "\n".join(parts)


def forbidden_fact_hits(draft: ReportDraft, must_not_contain: Iterable[str]) -> Measure:
    """How many forbidden strings (hostile lines' content, tempting inventions) appear anywhere in the draft."""
    strings = list(must_not_contain)
    if not strings:
        return Measure.absent("nothing forbidden")
    hits = found(draft_text(draft), strings)
    return Measure.count(len(hits), [f"found {s!r}" for s in hits])


def niet_vermeld_scores(draft: ReportDraft, expected: Iterable[str]) -> tuple[Measure, Measure]:
    """Precision and recall of the questions marked "niet vermeld" against the expected ones.

    Precision: of the questions the draft marks niet vermeld, the share the notes really leave open
    (a low value means answers were lost). Recall: of the questions the notes leave open, the share
    marked niet vermeld (a low value means something was invented or padded in).
    """
    predicted = {a.question_id for a in draft.answers if a.status is AnswerStatus.NIET_VERMELD}
    wanted = set(expected)
    both = predicted & wanted
    precision = Measure.ratio(
        len(both), len(predicted), [f"marked but answerable: {q}" for q in sorted(predicted - wanted)]
    )
    recall = Measure.ratio(
        len(both), len(wanted), [f"answered but not in notes: {q}" for q in sorted(wanted - predicted)]
    )
    return precision, recall


def dutch_rate(draft: ReportDraft) -> Measure:
    """Share of the model-written answers whose language is Dutch, among those with enough stopwords to tell."""
    dutch = decided = 0
    detail: list[str] = []
    for answer in draft.answers:
        if answer.written_by is not WrittenBy.MODEL or answer.status is not AnswerStatus.BEANTWOORD:
            continue
        guess = detect_language(answer.text)
        if guess.language == "unknown":
            continue
        decided += 1
        if guess.language == "nl":
            dutch += 1
        else:
            detail.append(f"{answer.question_id}: {guess.language} ({guess.english_hits} English stopwords)")
    return Measure.ratio(dutch, decided, detail)


def _word_in(text: str, needle: str) -> bool:
    # "Nee" as an answer, not inside "neemt": short needles match whole words only.
    if len(needle) > 4:
        return contains(text, needle)
    return re.search(rf"(?<!\w){re.escape(fold_text(needle))}(?!\w)", fold_text(text)) is not None


def forbidden_in_answer_hits(draft: ReportDraft, must_not_contain_in: Mapping[str, Iterable[str]]) -> Measure:
    """How many per-question forbidden strings appear in their question's answer (a traveller under "ontmoet")."""
    if not must_not_contain_in:
        return Measure.absent("nothing forbidden per question")
    hits: list[str] = []
    for question_id, strings in must_not_contain_in.items():
        text = _answer_text(draft, question_id) or ""
        hits += [f"{question_id}: found {s!r}" for s in strings if _word_in(text, s)]
    return Measure.count(len(hits), hits)


def agreements_answered_no(draft: ReportDraft, must_contain: Mapping[str, Iterable[str]]) -> Measure:
    """Questions whose expected facts are agreements (strings other than "Nee") but whose answer is "Nee"."""
    hits: list[str] = []
    for question_id, strings in must_contain.items():
        facts = [s for s in strings if s.strip().lower() != "nee"]
        text = (_answer_text(draft, question_id) or "").strip(" .\n-").lower()
        if facts and text in {"nee", "geen", "nee, er zijn geen vervolgafspraken gemaakt"}:
            hits.append(f"{question_id}: answered {text!r} although the notes hold {facts[0]!r}")
    return Measure.count(len(hits), hits)


def city_listed(draft: ReportDraft, places_question: str | None, cities: Iterable[str]) -> Measure:
    """Whether every city of the trip is in the places answer."""
    wanted = list(cities)
    if not wanted or places_question is None:
        return Measure.absent("no city expected" if not wanted else "the form has no places question")
    text = _answer_text(draft, places_question) or ""
    lost = [c for c in wanted if not contains(text, c)]
    return Measure.flag(not lost, [f"missing city {c!r}" for c in lost])


def lines_accounted(draft: ReportDraft, notes_lines: Iterable[tuple[int, str]]) -> Measure:
    """Whether every note line is used by an answer or listed as not used (headings and masked lines aside)."""
    used = {s.number for a in draft.answers for s in a.support} | {s.number for s in draft.meta.unused_lines}
    lost = [f"line {n} neither used nor listed: {text[:60]!r}" for n, text in notes_lines if n not in used]
    return Measure.flag(not lost, lost)
