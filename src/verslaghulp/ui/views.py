"""Presentation of the use cases' results as HTML and Markdown for the page (Dutch, escaped).

Pure functions: a result in, text out. They decide how things look, never what is true.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import datetime

from verslaghulp.concepts.checks import TripChecks, computed_in_dutch
from verslaghulp.concepts.model import ArchiveRecord, Concept, ConceptStatus
from verslaghulp.concepts.review import outermost
from verslaghulp.dutch import count, seconds
from verslaghulp.facts import Severity
from verslaghulp.facts.rail import hours_nl
from verslaghulp.report.model import Answer, AnswerStatus, SupportLine, WrittenBy

WRITTEN_BY = {
    WrittenBy.CODE: ("berekend", "berekend uit de aantekeningen"),
    WrittenBy.MODEL: ("model", "geformuleerd door het taalmodel"),
    WrittenBy.NONE: ("leeg", "niet in de aantekeningen gevonden"),
}
SEVERITY = {Severity.FOUT: "Fout", Severity.WAARSCHUWING: "Waarschuwing", Severity.INFO: "Ter info"}


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def marked_html(text: str, answer: Answer) -> str:
    """The answer's checked text with every unsupported fact highlighted and numbered; reasons as tooltips."""
    unsupported = outermost(answer.grounding.unsupported) if answer.grounding else []
    out: list[str] = []
    last = 0
    for n, item in enumerate(unsupported, start=1):
        out.append(_e(text[last : item.start]))
        out.append(
            f'<mark class="vh-unsupported" title="{_e(item.reason)}">{_e(text[item.start : item.end])}</mark>'
            f'<sup aria-label="reden {n}">{n}</sup>'
        )
        last = item.end
    out.append(_e(text[last:]))
    return "".join(out).replace("\n", "<br>")


def answer_html(position: int, answer: Answer) -> str:
    """The heading, who wrote the answer, unsupported facts with reasons, computed facts, and support lines."""
    css, label = WRITTEN_BY[answer.written_by]
    lines = ", ".join(str(s.number) for s in answer.support)
    parts = [
        f'<h3 class="vh-heading">{position}. {_e(answer.heading)}</h3>',
        f'<p class="vh-meta"><span class="vh-badge vh-{css}">{label}</span>'
        + (f" · regels {lines}" if lines else "")
        + (" · <em>niet vermeld</em>" if answer.status is AnswerStatus.NIET_VERMELD else "")
        + "</p>",
    ]
    unsupported = outermost(answer.grounding.unsupported) if answer.grounding else []
    if unsupported and answer.original_text is not None:
        reasons = "".join(f"<li><strong>{_e(u.text)}</strong>: {_e(u.reason)}</li>" for u in unsupported)
        parts.append(
            '<div class="vh-check" role="note"><p><strong>Controleer</strong> – niet gevonden in de aantekeningen. '
            "In het antwoord hieronder staan deze feiten tussen ⟦ en ⟧; verwijder de haken als het klopt, "
            "of pas de tekst aan.</p>"
            f'<p class="vh-marked">{marked_html(answer.original_text, answer)}</p><ol>{reasons}</ol></div>'
        )
    if answer.missing:
        lost = "".join(f"<li><strong>{_e(m.text)}</strong> (regel {m.line})</li>" for m in answer.missing)
        parts.append(
            '<div class="vh-check" role="note"><p><strong>Niet overgenomen</strong> – deze feiten staan in de '
            "regels bij deze vraag, maar niet in het antwoord. Voeg ze toe met de knop onder het antwoord, "
            f"of laat ze bewust weg.</p><ul>{lost}</ul></div>"
        )
    if answer.computed:
        items = "".join(
            f"<li><strong>{_e(c.label)}</strong>: {_e(c.value)} <span class='vh-how'>({_e(c.how)})</span></li>"
            for c in map(computed_in_dutch, answer.computed)
        )
        parts.append(f'<div class="vh-computed"><p>Berekend door code:</p><ul>{items}</ul></div>')
    if answer.support:
        items = "".join(f"<li value='{s.number}'>{_e(s.text)}</li>" for s in answer.support)
        parts.append(f"<details><summary>Regels uit de aantekeningen</summary><ol>{items}</ol></details>")
    return "\n".join(parts)


def follow_ups_markdown(answers: Iterable[Answer], unused: Iterable[SupportLine] = (), *, complete: bool = True) -> str:
    """The open follow-up questions, and the note lines that no answer used, as lists.

    While answers are still coming in (`complete` False) it lists the follow-ups so far and never
    says that every question is answered; the unused lines are known only at the end.
    """
    items = [f"- **{a.heading.capitalize()}**: {a.follow_up}" for a in answers if a.follow_up]
    if not complete:
        return "**Nog aan te vullen (tot nu toe)**\n\n" + "\n".join(items) if items else ""
    left = [f"- {s.number}. {s.text}" for s in unused]
    text = (
        "**Nog aan te vullen** – beantwoord een vervolgvraag bij de vraag zelf; dan wordt alleen die vraag "
        "opnieuw opgesteld.\n\n" + "\n".join(items)
        if items
        else "Alle vragen zijn beantwoord vanuit de aantekeningen."
    )
    if left:
        text += (
            "\n\n**Niet gebruikt** – deze regels uit uw aantekeningen staan in geen enkel antwoord. "
            "Horen ze in het verslag, voeg ze dan toe bij de juiste vraag.\n\n" + "\n".join(left)
        )
    return text


def checks_markdown(checks: TripChecks | None, headings: dict[str, str]) -> str:
    """The 8-hours rule, kilometres and CO2, and the consistency findings."""
    if checks is None:
        return "_De controles verschijnen zodra er een verslag is._"
    lines = ["#### 8-uursregel (trein of bus onder 8 uur)", _rule_text(checks), "", "#### Kilometers en CO2"]
    lines.append(checks.emissions_text or f"Niet te berekenen: {checks.emissions_follow_up or 'geen reisgegevens.'}")
    lines += [f"- {c.label}: {c.value} ({c.how})" for c in checks.computed]
    lines += ["", "#### Samenhang van het verslag"]
    if not checks.findings:
        lines.append("Geen tegenstrijdigheden gevonden.")
    for finding in checks.findings:
        where = headings.get(finding.question_id, finding.question_id).capitalize()
        lines.append(f"- **{SEVERITY[finding.severity]}** ({where}): {finding.message}")
    return "\n".join(lines)


def _rule_text(checks: TripChecks) -> str:
    rule = checks.rule
    if not rule.flown:
        return "Niet van toepassing: volgens de aantekeningen is er niet gevlogen."
    if rule.destination is None:
        return f"Gevlogen, maar de bestemming is onbekend. {rule.follow_up or ''}".strip()
    dest = rule.destination
    train = f"de treinreis naar {dest.dutch} duurt ca. {hours_nl(dest.hours)} uur ({dest.route}; tabel {dest.checked})"
    if not rule.applies:
        return f"Niet van toepassing: {train}."
    if rule.justification:
        return f"Gevlogen terwijl {train}. Toelichting uit de aantekeningen: “{rule.justification}”."
    return f"**Let op**: gevlogen terwijl {train}. {rule.follow_up or ''}".strip()


EMPTY_NOTES = (
    "**Nog geen aantekeningen.** Plak uw aantekeningen van de reis in het vak **Aantekeningen** (of upload ze) "
    "en klik dan op **Verslag opstellen**."
)


def progress_text(concept: Concept, done: int, total: int) -> str:
    """The status line while answers arrive."""
    return f"Vraag {done} van {total} beantwoord… U kunt de eerste antwoorden al lezen en bewerken."


def summary_text(concept: Concept) -> str:
    """The status line for a concept: how far it is, how many answers need attention."""
    if concept.error and not concept.answers:  # nothing was drafted: there are no answers to speak of
        return f"**Niet opgesteld**: {concept.error}"
    if concept.error:
        return f"**Onderbroken**: {concept.error} Uw aantekeningen en de antwoorden tot nu toe zijn bewaard."
    if not concept.answers:
        return "Aantekeningen bewaard. Klik op **Verslag opstellen**."
    flagged = sum(1 for a in concept.answers if a.grounding and a.grounding.unsupported)
    missing = sum(1 for a in concept.answers if a.status is AnswerStatus.NIET_VERMELD)
    made = ""
    if concept.meta and concept.meta.total_seconds:
        made = f"Opgesteld in {seconds(concept.meta.total_seconds)} met {concept.meta.model}. "
    notices = "".join(f"\n\n**Let op:** {w}" for w in (concept.meta.warnings if concept.meta else []))
    return (
        f"{made}{count(len(concept.answers), 'vraag', 'vragen')}: {concept.answered} beantwoord, {missing} niet vermeld"
        + (f", bij {flagged} nog feiten te controleren (⟦…⟧)" if flagged else "")
        + f". Alles wordt automatisch bewaard.{notices}"
    )


_STORED = {
    "toegevoegd": "Collega's vinden het onder **Archief**.",
    "vervangen": "De versie die er van dit verslag al stond, is vervangen.",
    "ongewijzigd": "Het stond er al precies zo; er is niets veranderd.",
}


def archive_record_markdown(record: ArchiveRecord) -> str:
    """What was stored, and what the official changed per question (no ids: they mean nothing to the reader)."""
    changed = [c for c in record.changes if c.changed]
    when = record.stored_at.astimezone()
    lines = [
        f"**Opgeslagen in het archief** op {when:%d-%m-%Y} om {when:%H:%M}. {_STORED.get(record.outcome, '')} "
        f"U heeft {len(changed)} van de {count(len(record.changes), 'antwoord', 'antwoorden')} aangepast; "
        "dat is vastgelegd."
    ]
    for change in changed:
        lines.append(f"- {change.heading.capitalize()}: {round((1 - change.similarity) * 100)}% gewijzigd")
    return "\n".join(lines)


# What a concept's state means, as the "Mijn concepten" list says it.
STATE = {
    ConceptStatus.NOTITIES: "alleen aantekeningen, nog geen verslag",
    ConceptStatus.BEZIG: "wordt opgesteld",
    ConceptStatus.CONCEPT: "verslag opgesteld",
    ConceptStatus.ONDERBROKEN: "opstellen onderbroken",
    ConceptStatus.GEARCHIVEERD: "opgeslagen in het archief",
}
CONCEPT_HEADERS = ["Titel", "Stand", "Beantwoord", "Laatst bewaard", "Formulier"]


def _when(moment: datetime, *, seconds: bool = False) -> str:
    return moment.astimezone().strftime("%d-%m-%Y %H:%M:%S" if seconds else "%d-%m-%Y %H:%M")


def concept_titles(concepts: Iterable[Concept]) -> dict[str, str]:
    """Each concept's title, made distinct where two share one: with the time it was begun.

    Notes uploaded into a concept that had notes become a new concept with the same first line;
    the list then shows "… (begonnen 01-12-2026 09:20)" for each, with seconds where the minute is
    the same too.
    """
    listed = list(concepts)
    same_title: dict[str, list[Concept]] = {}
    for concept in listed:
        same_title.setdefault(concept.title, []).append(concept)
    titles: dict[str, str] = {}
    for title, group in same_title.items():
        if len(group) == 1:
            titles[group[0].id] = title
            continue
        minutes = [_when(c.created_at) for c in group]
        for concept, minute in zip(group, minutes, strict=True):
            exact = minutes.count(minute) > 1
            titles[concept.id] = f"{title} (begonnen {_when(concept.created_at, seconds=exact)})"
    return titles


def concept_rows(concepts: Iterable[Concept]) -> list[list[str]]:
    """Rows for the "Mijn concepten" table, in CONCEPT_HEADERS order; no two rows look the same."""
    listed = list(concepts)
    titles = concept_titles(listed)
    return [
        [
            titles[c.id],
            STATE.get(c.status, str(c.status)),
            f"{c.answered} van {len(c.answers)}" if c.answers else "–",
            _when(c.updated_at),
            c.form_id,
        ]
        for c in listed
    ]


def concept_choices(concepts: Iterable[Concept]) -> list[tuple[str, str]]:
    """(label, id) for the concept picker: the distinct title, the state and when it was last saved."""
    listed = list(concepts)
    titles = concept_titles(listed)
    return [
        (f"{titles[c.id]} – {STATE.get(c.status, str(c.status))}, bewaard {_when(c.updated_at)}", c.id) for c in listed
    ]


def version_choices(concept: Concept | None) -> list[tuple[str, str]]:
    """(label, index) for the earlier versions of a concept's notes, newest first."""
    if concept is None:
        return []
    choices = []
    for index, version in reversed(list(enumerate(concept.versions))):
        first = next((line.strip() for line in version.notes.splitlines() if line.strip()), "")
        first = first if len(first) <= 40 else first[:39].rstrip() + "…"
        when = f"{version.saved_at.astimezone():%d-%m %H:%M}"
        choices.append((f"{when} ({version.reason}, {count(len(version.notes), 'teken', 'tekens')}): {first}",
                        str(index)))  # fmt: skip
    return choices
