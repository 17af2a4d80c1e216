"""The official's review of a draft: the text they edit, the final report, and what they changed."""

from __future__ import annotations

import difflib
import re

from verslaghulp.concepts.model import AnswerChange, Concept, DiffPart
from verslaghulp.facts.grounding_model import GroundingReport, UnsupportedFact
from verslaghulp.facts.normalise import fold
from verslaghulp.facts.policy import MARK_CLOSE, MARK_OPEN
from verslaghulp.report.model import Answer, DraftMeta, MissingFact, ReportDraft

_TOKENS = re.compile(r"\S+|\n")
_OPS = {"replace": "vervangen", "delete": "verwijderd", "insert": "toegevoegd"}


def outermost(items: list[UnsupportedFact]) -> list[UnsupportedFact]:
    """Unsupported facts without those nested in an earlier one, in text order (markers never overlap)."""
    kept: list[UnsupportedFact] = []
    for item in sorted(items, key=lambda u: (u.start, -(u.end - u.start))):
        if not kept or item.start >= kept[-1].end:
            kept.append(item)
    return kept


def editable_text(answer: Answer) -> str:
    """The text the official edits: the answer with unsupported facts marked ⟦…⟧ in place.

    With the "flag" policy the pipeline also appends the reasons under the text; the page shows the
    reasons next to the answer instead, so the edit box holds only the answer itself.
    """
    unsupported = answer.grounding.unsupported if answer.grounding else []
    if not unsupported or answer.original_text is None or MARK_OPEN not in answer.text:
        return answer.text
    text = answer.original_text
    for item in reversed(outermost(unsupported)):
        text = text[: item.start] + MARK_OPEN + text[item.start : item.end] + MARK_CLOSE + text[item.end :]
    return text


def current_text(concept: Concept, answer: Answer) -> str:
    """The answer as it stands now: the official's edit, else the drafted text."""
    return concept.edits.get(answer.question_id, editable_text(answer))


def draft_of(concept: Concept) -> ReportDraft | None:
    """The concept's draft as the model made it (also a partial one), or None before any answer."""
    if not concept.answers:
        return None
    meta = concept.meta or DraftMeta(form_id=concept.form_id, form_title=concept.form_title, model="(onderbroken)")
    grounding = GroundingReport(answers=[a.grounding for a in concept.answers if a.grounding is not None])
    return ReportDraft(meta=meta, answers=list(concept.answers), grounding=grounding)


def final_draft(concept: Concept) -> ReportDraft | None:
    """The report as the official left it: every answer's current text (edited or drafted)."""
    draft = draft_of(concept)
    if draft is None:
        return None
    answers = [a.model_copy(update={"text": current_text(concept, a)}) for a in draft.answers]
    return draft.model_copy(update={"answers": answers})


def unresolved_answers(draft: ReportDraft) -> list[Answer]:
    """Answers that still contain a ⟦…⟧ marker: a fact the official has not yet confirmed or corrected."""
    return [a for a in draft.answers if MARK_OPEN in a.text or MARK_CLOSE in a.text]


def answer_changes(concept: Concept) -> list[AnswerChange]:
    """Per question: the drafted text, the final text, and the word-level changes between them."""
    changes: list[AnswerChange] = []
    for answer in concept.answers:
        before, after = editable_text(answer), current_text(concept, answer)
        old, new = _TOKENS.findall(before), _TOKENS.findall(after)
        matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
        parts = [
            DiffPart(op=_OPS[tag], model=" ".join(old[i1:i2]), official=" ".join(new[j1:j2]))
            for tag, i1, i2, j1, j2 in matcher.get_opcodes()
            if tag != "equal"
        ]
        changes.append(
            AnswerChange(
                question_id=answer.question_id,
                heading=answer.heading,
                written_by=answer.written_by,
                model_text=before,
                final_text=after,
                changed=before.strip() != after.strip(),
                similarity=round(matcher.ratio(), 3) if old or new else 1.0,
                parts=parts,
            )
        )
    return changes


def still_missing(answer: Answer, text: str) -> list[MissingFact]:
    """The facts the drafted answer left out that the text as it stands still lacks."""
    folded = fold(text)
    return [m for m in answer.missing if fold(m.text) not in folded]


def with_missing(answer: Answer, text: str) -> str:
    """The text with each note line whose facts it still lacks added: as a list item, or in brackets."""
    lines = {s.number: s.text for s in answer.support}
    wanted = list(dict.fromkeys(m.line for m in still_missing(answer, text) if m.line in lines))
    if not wanted:
        return text
    added = [_without_label(lines[n]) for n in wanted]
    if text.lstrip().startswith("- ") or not text.strip():
        return "\n".join([text.rstrip(), *(f"- {a}" for a in added)]).strip("\n")
    return f"{text.rstrip()} ({'; '.join(added)})"


def _without_label(line: str) -> str:
    """'- vervolg: Anna stuurt het rapport' -> 'Anna stuurt het rapport'."""
    text = line.strip().lstrip("-•*> ").strip()
    label, sep, rest = text.partition(":")
    return rest.strip() if sep and rest.strip() and len(label.split()) <= 3 else text
