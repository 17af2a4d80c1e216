"""The travelling party read from a label that says who went: "Wie:", "Deelnemers:", "Gereisd met:".

Officials often write the party as a labelled field, the way a form asks for it, with the members on
the same line or on the lines below: "Delegatie gemeente:" / "wethouder R. Koster" / "2
beleidsadviseurs (Fleur, Daan)" / "mijzelf als coördinator". The label says how to count: a label of
who went ("Wie", "Deelnemers", "Afvaardiging", "Attendees", "Namens de gemeente") lists the whole
party, the writer included whether named or not; a label of who came along ("Mee", "Gereisd met",
"Op pad met") lists the others, so the writer is added; a label of the number ("Aantal:", "pers.:")
gives it. The members are counted by shape as in `party_list` (a name or role is one person, "2
beleidsadviseurs" two, the writer one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from verslaghulp.facts.gazetteer import find_places
from verslaghulp.facts.lexicon import number_value
from verslaghulp.facts.normalise import fold
from verslaghulp.facts.party_list import PartyList, is_writer, joined_continuations, members_of, person_count

_WHO = (
    r"wie|reizigers|travell?ers|deelnemers?|deelnemer\(s\)|delegatie(?:\s+(?:gemeente|den\s+haag|van\s+de\s+gemeente))?|afvaardiging"
    r"|reisgezelschap|gezelschap|team(?:\s+[A-Z]{2,4})?|attendees|participants|delegation|party|travel(?:l)?ing\s+party"
    r"|personen|afgevaardigd(?:en)?(?:\s+door\s+[^:\n]{1,25})?"
    r"|(?:namens\s+(?:de\s+gemeente|den\s+haag|the\s+hague|[A-ZÀ-Ý][\w-]*(?:\s+[A-ZÀ-Ý][\w-]*)?)|from\s+the\s+hague)"
    r"(?:\s+(?:aanwezig|present|mee))?"
)
_WITH = (
    r"mee|meegereisd|gereisd\s+met|op\s+(?:pad|reis)\s+met|reisgeno(?:ot|ten)|met\s+mij\s+mee|collega'?s\s+mee"
    r"|(?:naast\s+(?:ondergetekende|mij|mijzelf)\s+)?(?:reisden|reisde|gingen|ging)\s+(?:ook\s+)?mee"
    r"|along|with\s+me|travell?ed\s+with|accompanied\s+by"
)
_NUMBER = r"aantal(?:\s+(?:personen|deelnemers|reizigers|(?:meereizende\s+)?ambtenaren))?|pers\.?|number\s+of\s+\w+"
# The label at the start of a line (after a bullet), perhaps qualified "(Den Haag)", then ":" or the end
# of the line; "Op pad met Hugo" and "Gereisd met Lotte" need no colon.
_LABEL = re.compile(
    rf"^[ \t]*(?:[-*•][ \t]*)?(?:(?P<who>{_WHO})|(?P<with>{_WITH})|(?P<num>{_NUMBER}))"
    r"(?:[ \t]*\([^)\n]{1,30}\))?[ \t]*(?::[ \t]*|$|(?<=met)[ \t]+)",
    re.I | re.M,
)
# "De delegatie (wethouder + 3 ambtenaren) werd ontvangen", "Wij (Tim, Iris en ik) troffen daar ...": the
# party in brackets after its name; "De groep bestond uit de wethouder, ... en twee adviseurs".
_INLINE = re.compile(
    r"\b(?:(?:delegatie|afvaardiging|delegation|wij|we)[ \t]*\((?P<body>[^)\n]+)\)"
    r"|(?:groep|delegatie|gezelschap|group|delegation|party)\s+(?:bestond|bestaat|consisted|consists)\s+(?:uit|of)"
    r"\s+(?P<list>[^.;]+))",
    re.I,
)
_COUNT = re.compile(
    r"^(?P<n>\d{1,2}|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|one|two|three|four|five|six|seven|eight)"
    r"(?:x\b)?\b(?![.,:/]\d|\s*(?:km|uur|u\b|h\b|dagen|days|%))",
    re.I,
)
# A member that is the party's size: "dus 3 pers", "4 personen".
_TOTAL = re.compile(
    r"^(?:dus|so|totaal|in\s+total)?\s*(?P<n>\d{1,2}|twee|drie|vier|vijf|zes|two|three|four|five|six)\s*"
    r"(?:pers\.?|personen|people|persons)$",
    re.I,
)
_MET_WORDS = re.compile(
    r"\b(?:gesprek\w*|gesproken|ontmoet\w*|gastvrouw|gastheer|hosts?|hosted|met\s+with|ontvangen|received"
    r"|welcomed|rondgeleid|guided|shown\s+around)\b",
    re.I,
)
_BLOCK_LINE_WORDS = 8


@dataclass(frozen=True, slots=True)
class _Label:
    kind: str  # "who", "with" or "num"
    label: str  # the label as written ("Gereisd met:")
    body: str
    evidence: str
    rows: tuple[str, ...] = ()  # the lines below the label, one member each, when the list is one per line


# Where a member line's person ends: "Hanneke Smit, stedenbouwkundige", "Bram de Wit - gebiedsregisseur".
_ROW_END = re.compile(r"\s*(?:,|\s[-–—]\s).*$")


def _block_below(lines: list[str], start: int) -> list[str]:
    """The short lines right under a label line, up to an empty line, a longer line or another label."""
    out: list[str] = []
    for line in lines[start:]:
        stripped = line.strip()
        if not stripped or len(stripped.split()) > _BLOCK_LINE_WORDS or re.match(r"^[^:\n]{1,30}:", stripped):
            break
        if _MET_WORDS.search(stripped):
            break  # "Ontvangen door Oberbürgermeister Stefan Wolff": the hosts start
        out.append(stripped)
    return out


def _labels(text: str) -> list[_Label]:
    lines = joined_continuations(text.splitlines())
    found: list[_Label] = []
    for i, line in enumerate(lines):
        m = _LABEL.match(line)
        if m is None:
            continue
        kind = "who" if m["who"] else "with" if m["with"] else "num"
        label = m.group().strip()
        rest = line[m.end() :].strip()
        if rest:
            found.append(_Label(kind, label, rest, line.strip()))
            continue
        below = _block_below(lines, i + 1)
        if below:
            rows = tuple(_ROW_END.sub("", b.strip(" -*•")) for b in below)
            found.append(_Label(kind, label, ", ".join(rows), "\n".join([line.strip(), *below]), rows))
    for m in _INLINE.finditer(text):
        group = "body" if m["body"] else "list"
        label = text[m.start() : m.start(group)].strip(" (")
        found.append(_Label("who", label, m[group], m.group()))
    return found


def _counted(label: _Label) -> PartyList | None:
    body = label.body.strip(" .")
    number = _COUNT.match(body) if len(members_of(body)) == 1 else None
    if number:
        if label.kind == "with":
            return None  # "met 3 pers." or "met 2 collega's": the count rules read which
        n = int(number["n"]) if number["n"].isdigit() else number_value(number["n"])
        return PartyList(n, label.evidence, f"'{label.evidence.splitlines()[0]}' in de aantekeningen") if n else None
    if label.kind == "num" or _MET_WORDS.search(body):
        return None
    members = [m for row in label.rows for m in members_of(row)] if label.rows else members_of(body)
    total_stated = next((m for m in members if _TOTAL.match(m)), None)
    if total_stated is not None:
        # "mee: Sanne en Maarten, dus 3 pers": the list ends with the party's size.
        stated = _TOTAL.match(total_stated)
        assert stated is not None
        value = int(stated["n"]) if stated["n"].isdigit() else number_value(stated["n"])
        return PartyList(value, label.evidence, f"'{total_stated}' in de aantekeningen") if value else None
    sizes = [1 if is_writer(m) else person_count(m) for m in members]
    if not members or 0 in sizes:
        return None  # "Team: Energie en Klimaat" or a sentence: not a list of people
    writer = any(is_writer(m) for m in members)
    if not writer and fold(label.label).rstrip(": ") == "wie" and _foreign(label.evidence):
        return None  # "Wie: Birgit Hoffmann (Amtsleiterin, Stadt Köln)": the people met, not the party
    if label.kind == "with" and not writer:
        others = sum(sizes)
        noun = ("naam" if others == 1 else "namen") if all(s == 1 for s in sizes) else "personen"
        return PartyList(others + 1, label.evidence, f"{others} {noun} na '{label.label}' plus de schrijver")
    total = sum(sizes)
    return PartyList(total, label.evidence, f"{total} {'persoon' if total == 1 else 'personen'} na '{label.label}'")


def _foreign(text: str) -> bool:
    """Whether a text names a place abroad: hosts are named with their city, the party with its own."""
    return any(m.place.country_code != "NL" for m in find_places(text))


def is_party_label(line: str) -> bool:
    """Whether a line opens with a label of the travelling party ("Delegatie gemeente:", "Wie:", "Mee:")."""
    m = _LABEL.match(line)
    return m is not None and not m["num"]


def party_from_labels(text: str) -> PartyList | None:
    """The party's size from the first label that says who went (or who came along, or how many), else None.

    A bare "Wie:" is read last: some writers head the people they met with it ("Wie: Birgit Hoffmann
    (Stadt Köln)"), so a label that can only mean the party ("Reizigers:", "Deelnemers:") wins.
    """
    labels = [label for label in _labels(text) if fold(label.body) not in {"", "n.v.t.", "nvt", "-"}]
    specific = [label for label in labels if fold(label.label).rstrip(": ") != "wie"]
    for label in [*specific, *(label for label in labels if label not in specific)]:
        found = _counted(label)
        if found is not None:
            return found
    return None
