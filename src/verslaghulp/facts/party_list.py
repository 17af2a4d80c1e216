"""The travelling party read from an enumeration that includes the writer.

Officials list who went in one coordination with themselves in it: "ik, Bram de Boer en Yasmina El
Idrissi", "wethouder Koster, 3 beleidsadviseurs, woordvoerder en ik", "me and Fatima Ouali from EZ",
"deputy mayor Ria Koster, two policy officers (...), economic adviser Yusuf Arslan and me". The count
comes from the shape, not from the words: each member is the writer, a number of people ("2 coll.",
"two policy officers"), or one person (a name or a role); anything else in the coordination ("met de
dienstauto") counts for nobody.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from verslaghulp.facts.gazetteer import find_places, lookup
from verslaghulp.facts.lexicon import MONTH_NAMES_NL, WEEKDAYS, number_value
from verslaghulp.facts.normalise import fold

_WRITER = frozenset({"ik", "me", "i", "myself", "mijzelf", "mij", "ikzelf", "ondergetekende", "yours truly"})
_SPLIT = re.compile(r"\s*(?:,|;|\ben\b|\band\b|&|\+)\s*", re.I)
_BRACKETS = re.compile(r"\s*\([^()\n]*\)")
# A label before the list: "Wie:", "Mee:", "Delegatie:", "From The Hague:", "Totaal 6 man van DH:".
_LABEL = re.compile(r"^[^:\n]{1,40}:\s*")
# Lists of people met are not the party, even when the writer is named in them.
_MET_LABEL = re.compile(r"\b(?:gesprek\w*|gesproken|ontmoet\w*|spoke|spoken|met\s+with|meetings?|contacts?)\b", re.I)
# Words that open a member without being part of it: "dus Lotte Visser", "verder Femke", "samen met ...".
_OPENERS = re.compile(
    r"^(?:(?:dus|so|verder|also|ook|plus|samen\s+met|together\s+with|met|with|mijn|my|onze?|our|de|het|the)\s+)+",
    re.I,
)
_COUNTED = re.compile(r"^(?P<n>\d{1,2}|[a-zé]+)\s+[^\W\d]", re.I)
# Word endings of roles, so that compounds count too ("beleidsadviseur", "woordvoerder", "projectleider").
_ROLE_ENDINGS = (
    "adviseur", "adviser", "advisor", "medewerker", "voerder", "leider", "houder", "manager", "officer", "directeur",
    "director", "mayor", "burgemeester", "secretaris", "coördinator", "coordinator", "collega", "colleague",
    "stagiair", "intern", "ambtenaar", "specialist", "analist", "analyst", "teamlid", "strateeg", "jurist",
    "onderzoeker", "researcher", "chef", "hoofd",
)  # fmt: skip
# Sentence ends: a full stop (or ! ?) followed by a capital; "2 coll. (Joris ..." goes on.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý])|;\s*")
_NOT_NAMES = frozenset(fold(w) for w in (*MONTH_NAMES_NL, *WEEKDAYS))


@dataclass(frozen=True, slots=True)
class PartyList:
    """The party's size, the text it was read from and how it was counted (Dutch)."""

    count: int
    evidence: str
    how: str


def _members(body: str) -> list[str]:
    parts = _SPLIT.split(_BRACKETS.sub("", body))
    return [_OPENERS.sub("", p.strip(" .!?-–:")).strip() for p in parts if p.strip(" .!?-–:")]


def _size(member: str) -> int:
    """How many people a member of the list stands for: a number of them, one person, or nobody."""
    words = member.split()
    counted = _COUNTED.match(member)
    if counted and len(words) >= 2:
        n = int(counted["n"]) if counted["n"].isdigit() else number_value(counted["n"])
        if n:
            return n
    if any(fold(w).rstrip("s.'’").endswith(_ROLE_ENDINGS) for w in words):
        return 1
    # Places are no people: "trein Den Haag - Parijs en ik" lists a route, not a colleague.
    for place in sorted(find_places(member), key=lambda p: p.start, reverse=True):
        member = member[: place.start] + " " + member[place.end :]
    for word in member.split():
        bare = word.strip(".,'’")
        if (
            len(bare) >= 2 and bare[0].isupper() and not bare.isupper()
            and fold(bare) not in _NOT_NAMES and lookup(bare) is None
        ):  # fmt: skip
            return 1
    return 0


def party_from_lists(text: str) -> PartyList | None:
    """The size of the first enumeration in the notes that lists the writer among others, else None."""
    for line in text.splitlines():
        for sentence in _SENTENCE_END.split(line):
            label = _LABEL.match(sentence)
            if label and _MET_LABEL.search(label.group()):
                continue
            body = sentence[label.end() :] if label else sentence
            members = _members(body)
            writers = [m for m in members if fold(m) in _WRITER]
            if len(writers) != 1 or len(members) < 2:
                continue
            sizes = [_size(m) for m in members if m not in writers]
            others = sum(sizes)
            if others < 1:
                continue
            people = "1 persoon" if others == 1 else f"{others} personen"
            how = f"opsomming met de schrijver erin: {people} plus de schrijver"
            return PartyList(others + 1, sentence.strip(), how)
    return None
