"""Render a draft as Markdown (the form's headings in the form's order) or JSON."""

from __future__ import annotations

from verslaghulp.report.model import AnswerStatus, ReportDraft


def to_markdown(draft: ReportDraft, *, with_follow_ups: bool = True) -> str:
    """Markdown with the form title, each heading as printed, and the follow-up questions."""
    lines = [f"# {draft.meta.form_title.upper()}", ""]
    for answer in draft.answers:
        lines += [f"## {answer.heading}", "", answer.text.strip(), ""]
    if with_follow_ups and draft.meta.warnings:
        lines += ["---", "", "### Let op", ""] + [f"- {w}" for w in draft.meta.warnings] + [""]
    follow_ups = draft.follow_up_questions
    if with_follow_ups and follow_ups:
        lines += ["---", "", "### Nog aan te vullen", ""]
        headings = {a.question_id: a.heading for a in draft.answers}
        for question_id, question in follow_ups:
            lines.append(f"- **{_short(headings[question_id])}**: {question}")
        lines.append("")
    if with_follow_ups:
        lines += _not_carried_over(draft)
    missing = sum(1 for a in draft.answers if a.status is AnswerStatus.NIET_VERMELD)
    lines.append(
        f"<!-- formulier {draft.meta.form_id}; model {draft.meta.model}; "
        f"prompts {', '.join(draft.meta.prompts) or '-'}; niet vermeld: {missing} -->"
    )
    return "\n".join(lines) + "\n"


def _not_carried_over(draft: ReportDraft) -> list[str]:
    """The facts answers left out and the note lines no answer used: nothing of the notes is lost unseen."""
    out: list[str] = []
    lost = [(a, m) for a in draft.answers for m in a.missing]
    if lost:
        out += ["---", "", "### Niet overgenomen uit de aantekeningen", ""]
        out += [f"- **{_short(a.heading)}**: {m.text} (regel {m.line})" for a, m in lost]
        out.append("")
    if draft.meta.unused_lines:
        out += ["---", "", "### Regels die in geen antwoord zijn gebruikt", ""]
        out += [f"- {line.number}. {line.text}" for line in draft.meta.unused_lines]
        out.append("")
    return out


def to_json(draft: ReportDraft) -> str:
    """The full report model as indented JSON."""
    return draft.model_dump_json(indent=2)


def _short(heading: str, limit: int = 60) -> str:
    text = heading.capitalize()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
