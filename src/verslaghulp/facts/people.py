"""People with their roles and organisations, organisations, and venues, as written in notes.

The formats are the ones of the Den Haag reports: "Theo Blackwell – CDO Londen", "Steve Berry –
Chairman bij Angoka", "Marc Perez-Batlle – Innovation Manager bij de gemeente Barcelona", and in notes
also "Jan Jansen (CIO, gemeente Utrecht)" or "Jan Jansen, adviseur bij PBLQ".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from verslaghulp.facts.gazetteer import lookup

_CAP = r"[A-ZÀ-ÖØ-Þ][\w’'.-]*"
_PARTICLE = r"(?:van|de|der|den|het|ten|ter|te|von|vom|zu|del|della|di|da|dos|du|le|la|el|al|bin|ibn|mac|st\.)"
PERSON_NAME = rf"{_CAP}(?:[ \t]+(?:{_PARTICLE}[ \t]+)*{_CAP}){{1,3}}"
_DASH = r"[ \t]*(?:–|—|-|:|,)[ \t]*"
_PERSON_LINE = re.compile(
    rf"(?m)^[ \t]*(?:[-•*·][ \t]*)?(?P<name>{PERSON_NAME}){_DASH}(?P<role>[^\n]{{2,160}}?)[ \t.;]*$"
)
_PERSON_PAREN = re.compile(rf"(?P<name>{PERSON_NAME})[ \t]*\((?P<role>[^()\n]{{2,120}})\)")
_ORG_SPLIT = re.compile(r"[ \t]+(?:bij|at|van|of|from|namens|voor|@)[ \t]+(?:de[ \t]+|het[ \t]+|the[ \t]+)?", re.I)
_ROLE_WORDS = re.compile(
    r"\b(cio|cdo|cto|ceo|cfo|coo|ciso|directeur|director|manager|adviseur|advisor|adviser|chairman|chair|voorzitter|"
    r"wethouder|burgemeester|mayor|hoofd|head|officer|lead|programmamanager|projectleider|secretaris|minister|"
    r"president|founder|oprichter|medewerker|coördinator|coordinator|specialist|consultant|beleidsmedewerker|"
    r"strateeg|strategist|onderzoeker|researcher|professor|deputy|vice|wethouder|raadslid|ambassadeur|attaché)\b",
    re.I,
)
_ORG_WORDS = (
    "gemeente", "ministerie", "rijksdienst", "provincie", "universiteit", "university", "foundation", "stichting",
    "associates", "labs", "lab", "council", "network", "netwerk", "platform", "forum", "agency", "institute",
    "instituut", "bank", "group", "groep", "partners", "consulting", "technologies", "b.v.", "bv", "nv", "inc",
    "ltd", "gmbh", "vereniging", "taskforce", "commission", "commissie", "city of", "municipality", "office",
)  # fmt: skip
_ACRONYM = re.compile(r"(?<![\w-])(?:[A-Z]{2,}[0-9]?|[A-Z][a-z]?[A-Z]{2,})(?![\w-])")
_NOT_ORG_ACRONYMS = {"CIO", "CDO", "CTO", "CEO", "CFO", "COO", "CISO", "CO2", "NB", "OK", "AI", "KM", "EU", "NL", "PS"}
_VENUE_WORDS = (
    "stadhuis", "gemeentehuis", "city hall", "town hall", "paviljoen", "pavilion", "centre", "center", "centrum",
    "complex", "fira", "museum", "hall", "hal", "campus", "lab", "makerspace", "maker space", "hotel", "congress",
    "congrescentrum", "trade center", "expo", "station", "ministerie", "parlement", "parliament", "kantoor", "hq",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Person:
    """A person with role and organisation as written; `evidence` is the exact text it came from."""

    name: str
    role: str | None
    organisation: str | None
    evidence: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """An organisation or venue named in a text, with its exact span."""

    text: str
    start: int
    end: int


def _split_role(role_text: str) -> tuple[str | None, str | None]:
    role_text = role_text.strip(" .;,")
    parts = _ORG_SPLIT.split(role_text, maxsplit=1)
    if len(parts) == 2 and parts[0].strip():
        return parts[0].strip(), parts[1].strip(" .")
    words = role_text.split()
    # "CDO Londen", "CIO adviseur Barcelona": a trailing city stands for its city government.
    for n in (3, 2, 1):
        if len(words) > n and lookup(" ".join(words[-n:])) is not None:
            head, org = words[:-n], words[-n:]
            if head and head[-1].lower() in ("gemeente", "stad", "city", "municipality", "provincie"):
                head, org = head[:-1], [head[-1], *org]  # "Chief Data Officer gemeente Gent"
            return " ".join(head) or None, " ".join(org)
    return role_text or None, None


def extract_people(text: str) -> list[Person]:
    """People named with a role: "Name – role [bij organisation]" lines and "Name (role, organisation)"."""
    people: list[Person] = []
    for m in _PERSON_LINE.finditer(text):
        role_text = m["role"]
        if not (_ROLE_WORDS.search(role_text) or _ORG_SPLIT.search(role_text) or _ACRONYM.search(role_text)):
            continue
        role, org = _split_role(role_text)
        people.append(Person(m["name"], role, org, m.group().strip(), m.start("name"), m.end("role")))
    for m in _PERSON_PAREN.finditer(text):
        if any(p.start <= m.start() < p.end for p in people):
            continue
        inner = [s.strip() for s in m["role"].split(",", 1)]
        role, org = (inner[0], inner[1]) if len(inner) == 2 else _split_role(inner[0])
        if _ROLE_WORDS.search(m["role"]):
            people.append(Person(m["name"], role, org, m.group(), m.start(), m.end()))
    return sorted(people, key=lambda p: p.start)


def extract_organisations(text: str) -> list[Mention]:
    """Organisations: acronyms (RVO, CGCC), "gemeente X", and capitalised names with an organisation word."""
    found: list[Mention] = []
    for m in _ACRONYM.finditer(text):
        line = text[text.rfind("\n", 0, m.start()) + 1 : text.find("\n", m.end()) % (len(text) + 1)]
        if sum(c.isupper() for c in line) > 0.6 * sum(c.isalpha() for c in line):
            continue  # a heading in capitals, not an organisation
        if m.group() not in _NOT_ORG_ACRONYMS:
            found.append(Mention(m.group(), m.start(), m.end()))
    words = "|".join(re.escape(w) for w in _ORG_WORDS)
    pattern = re.compile(
        rf"(?:(?:{_CAP}[ \t]+)*(?i:{words})(?:[ \t]+(?:{_PARTICLE}[ \t]+)?{_CAP})+|(?:{_CAP}[ \t]+)+(?i:{words})\b)"
    )
    for m in pattern.finditer(text):
        named = m.group()[:1].isupper() or m.group().lower().startswith(("gemeente", "ministerie", "rijksdienst"))
        if named and not any(f.start <= m.start() < f.end for f in found):
            found.append(Mention(m.group(), m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def extract_venues(text: str) -> list[Mention]:
    """Venues: capitalised names with a venue word ("Stadhuis Athene", "Fira Gran Via", "World Trade Center")."""
    words = "|".join(re.escape(w) for w in _VENUE_WORDS)
    pattern = re.compile(rf"(?:{_CAP}[ \t]+)*(?i:{words})\b(?:[ \t]+{_CAP})*(?:[ \t]*\([^()\n]+\))?")
    return [Mention(m.group(), m.start(), m.end()) for m in pattern.finditer(text) if m.group()[:1].isupper()]
