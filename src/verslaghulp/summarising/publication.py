"""The text as an editor publishes it: no ⟦…⟧ marks, no citation marks, no accountability section.

The full export (`rendering.to_markdown`) keeps everything a colleague needs to check the text. The
publication export is what goes into the newsletter: title, lead, subheadings and paragraphs, and
one closing line naming the trips it is based on. It is refused while anything in the text is
flagged, or while it cites a made-up example report: publishing either would publish something the
archive does not support.
"""

from __future__ import annotations

import re

from verslaghulp.facts.policy import MARK_CLOSE, MARK_OPEN
from verslaghulp.summarising.calls import SummaryError
from verslaghulp.summarising.models import join_nl
from verslaghulp.summarising.rendering import body_text
from verslaghulp.summarising.result import CheckAction, Summary

_MARKS = re.compile(r"\s*\[\d+(?:,\s*\d+)*\]")


class PublicationRefusedError(SummaryError):
    """The summary cannot be exported for publication yet; the message (Dutch) says what to do first."""


def publication_problems(summary: Summary) -> list[str]:
    """Why the summary may not be published yet (Dutch); empty when it may."""
    problems: list[str] = []
    flagged = [s for s in summary.check.in_text if s.action is CheckAction.FLAGGED]
    if flagged or MARK_OPEN in summary.text or MARK_OPEN in summary.title:
        count = max(len(flagged), 1)
        problems.append(
            f"{count} zin(nen) bevat(ten) nog iets wat de verslagen niet steunen (gemarkeerd met ⟦ en ⟧). "
            "Pas die zinnen aan of haal ze weg, en exporteer dan opnieuw."
        )
    made_up = [s for s in summary.sources if s.example]
    if made_up:
        problems.append(
            f"De tekst citeert {len(made_up)} voorbeeldverslag(en); die zijn verzonnen. Laat ze weg "
            "(vink ze uit bij de selectie) en schrijf de tekst opnieuw."
        )
    return problems


def ensure_publishable(summary: Summary) -> None:
    """Raise PublicationRefusedError (Dutch, saying what to do first) unless the summary may be published."""
    problems = publication_problems(summary)
    if problems:
        raise PublicationRefusedError("Nog niet te publiceren: " + " ".join(problems))


def plain(text: str) -> str:
    """Text without citation marks (and without marks' leftovers such as a space before the stop)."""
    text = _MARKS.sub("", text)
    return text.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")


def to_publication(summary: Summary) -> str:
    """The text for publication as Markdown; raises PublicationRefusedError while anything is flagged."""
    ensure_publishable(summary)
    out: list[str] = []
    if summary.title:
        out += [f"# {plain(summary.title)}", ""]
    out += [plain(body_text(summary.blocks, summary.rows)), ""]
    if based := based_on(summary):
        out.append(f"_{based}_")
    return "\n".join(out).rstrip() + "\n"


def based_on(summary: Summary) -> str:
    """The closing line naming the trips the text is based on ("" without sources)."""
    trips = [f"{s.destination} ({s.dates})" for s in summary.sources]
    return f"Gebaseerd op de verslagen van de dienstreizen naar {join_nl(trips)}." if trips else ""
