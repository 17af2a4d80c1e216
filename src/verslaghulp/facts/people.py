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
# Between a name and its role: a dash (spaced, so "Perez-Batlle" stays one name), a colon or a comma.
_DASH = r"(?:[ \t]*[–—][ \t]*|[ \t]+-[ \t]+|-[ \t]+|[ \t]*[:,][ \t]*)"
_NAME_ROLE = re.compile(rf"(?<![\w’'.-])(?P<name>{PERSON_NAME})(?P<sep>{_DASH})")
_PERSON_PAREN = re.compile(rf"(?<![\w’'.-])(?P<name>{PERSON_NAME})[ \t]*\((?P<role>[^()\n]{{2,120}})\)")
# Before a name on its line: nothing but a bullet, a label ("gesproken:", "ontmoet -"), or words that
# lead up to it ("gesproken met", "uitleg door", "opening door").
_BULLET_ONLY = re.compile(r"^[ \t]*(?:[-•*·>][ \t]*|\d+[.)][ \t]*)?$")
_LABEL_END = re.compile(r"(?::|\s[-–—])[ \t]*$")
_LEAD_WORD = re.compile(r"(?<![\w’'])[a-zà-ÿ][\w’'.]*[ \t]+$")
_WITH_BEFORE = re.compile(r"(?<![\w’'])(?:met|with|door|by|bij|van|gesproken\s+met|spoke\s+(?:to|with))[ \t]+$", re.I)
# The role ends where the line goes on about something else: "...: heeft AI-richtlijnen", ", was er als
# toehoorder", " ivm chatbot", " – gesprek over", " (was er niet)".
_ROLE_END = re.compile(
    r"\s*(?::|;|\s[-–—]\s|\s\(|\s(?:ivm|i\.v\.m\.|mbt|m\.b\.t\.|over|want|omdat|about|re)\s|,\s*(?=[\"'“‘]))", re.I
)
_ORG_LEAD = (
    "gemeente", "stad", "stadt", "city", "ville", "comune", "ayuntamiento", "ajuntament", "municipality", "provincie",
    "ministerie", "ministère", "ministry", "bundesministerium",
)  # fmt: skip
_ORG_SPLIT = re.compile(r"[ \t]+(?:bij|at|namens|@)[ \t]+(?:de[ \t]+|het[ \t]+|the[ \t]+)?", re.I)
_WEAK_SPLIT = re.compile(r"[ \t]+(?:van|of|from|voor|for)[ \t]+(?:de[ \t]+|het[ \t]+|the[ \t]+)?", re.I)
# "Head of Digital Services", "hoofd van de afdeling": "of" after these is part of the title.
_TITLE_HEADS = re.compile(
    r"\b(?:head|hoofd|director|directeur|chief|member|lid|minister|department|afdeling|secretary|president|vice|"
    r"chair|board)$",
    re.I,
)
_ROLE_WORDS = re.compile(
    r"\b(cio|cdo|cto|ceo|cfo|coo|ciso|directeur|director|manager|adviseur|advisor|adviser|chairman|chair|voorzitter|"
    r"wethouder|burgemeester|mayor|hoofd|head|officer|lead|programmamanager|projectleider|secretaris|minister|"
    r"president|founder|oprichter|medewerker|coördinator|coordinator|specialist|consultant|beleidsmedewerker|"
    r"strateeg|strategist|onderzoeker|researcher|professor|deputy|vice|wethouder|raadslid|ambassadeur|attaché|"
    r"leiter|referent|architect|teamleider|chargée?|directrice|commissaris|commissioner|inspecteur|owner|engineer|"
    r"scientist|analist|analyst|developer|ontwikkelaar|designer|ontwerper|jurist|economist|wetenschapper)\b",
    re.I,
)
_ROLE_ACRONYMS = {"CIO", "CDO", "CTO", "CEO", "CFO", "COO", "CISO"}
_ORG_WORDS = (
    "gemeente", "ministerie", "rijksdienst", "provincie", "universiteit", "university", "foundation", "stichting",
    "associates", "labs", "lab", "council", "network", "netwerk", "platform", "forum", "agency", "institute",
    "instituut", "bank", "group", "groep", "partners", "consulting", "technologies", "b.v.", "bv", "nv", "inc",
    "ltd", "gmbh", "vereniging", "taskforce", "commission", "commissie", "city of", "municipality", "office",
    "authority", "kommune", "borough",
)  # fmt: skip
_ACRONYM = re.compile(r"(?<![\w-])(?:[A-Z]{2,}[0-9]?|[A-Z][a-z]?[A-Z]{2,})(?![\w-])")
_NOT_ORG_ACRONYMS = {"CIO", "CDO", "CTO", "CEO", "CFO", "COO", "CISO", "CO2", "NB", "OK", "AI", "KM", "EU", "NL", "PS"}
_VENUE_WORDS = (
    "stadhuis", "gemeentehuis", "city hall", "town hall", "paviljoen", "pavilion", "centre", "center", "centrum",
    "complex", "fira", "museum", "hall", "hal", "campus", "lab", "makerspace", "maker space", "hotel", "congress",
    "congrescentrum", "trade center", "expo", "station", "ministerie", "parlement", "parliament", "kantoor", "hq",
)  # fmt: skip
# First words of trip titles and agenda items that a capitalised phrase before a dash starts with
# ("Dienstreis Wenen - CGCC", "Ontvangst Rathaus - opening"): not people.
_NOT_FIRST_NAMES = frozenset((
    "dienstreis", "werkbezoek", "studiereis", "bezoek", "reis", "verslag", "ontvangst", "sessie", "opening", "lunch",
    "diner", "netwerkdiner", "vervolg", "programma", "presentatie", "workshop", "meeting", "bijeenkomst", "congres",
    "conferentie", "rondleiding", "dag", "ochtend", "middag", "avond", "welkom", "keynote", "panel", "vraag", "doel",
))  # fmt: skip
# Small words inside organisation names: "Comune di Bologna", "Freie und Hansestadt Hamburg".
_CONNECTOR_WORDS = frozenset(("of", "de", "la", "le", "van", "der", "den", "des", "du", "di", "del", "und", "and", "&",
                              "y", "for"))  # fmt: skip


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


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() or word.lower() in _CONNECTOR_WORDS


def _org_start(words: list[str], i: int) -> int:
    """Where an organisation that ends in a place at `i` starts: "Comune di Bologna", "gemeente Gent"."""
    while i >= 2 and words[i - 1].lower() in _CONNECTOR_WORDS and words[i - 2][:1].isupper():
        i -= 2  # "Ville de Paris", "Royal Borough of Greenwich"
        while i >= 1 and words[i - 1][:1].isupper() and words[i - 1] not in _ROLE_ACRONYMS:
            i -= 1
    lead = words[i - 1] if i >= 1 else ""
    if lead.lower() in _ORG_LEAD and (lead[:1].isupper() or lead.lower() != "city"):  # not "smart city Praag"
        i -= 1
    return i


def _place_org(words: list[str]) -> tuple[str | None, str | None] | None:
    """Split "programmamanager open data Wenen" at the last place followed only by capitalised words."""
    for i in range(len(words) - 1, -1, -1):
        for n in (3, 2, 1):
            if i + n > len(words) or lookup(" ".join(words[i : i + n])) is None:
                continue
            if not all(w[:1].isupper() for w in words[i + n :]):
                continue
            start = _org_start(words, i)
            return " ".join(words[:start]) or None, " ".join(words[start:])
    return None


def _named_org(words: list[str]) -> tuple[str, str] | None:
    """A role followed by an organisation's name: "CEO Signalo", "adviseur VNG", "AI lead Greater London Authority"."""
    for i in range(1, len(words)):
        if not words[i][:1].isupper():
            continue
        tail = words[i:]
        if not all(_is_capitalised(w) for w in tail):
            return None
        prev, org = words[i - 1], " ".join(tail)
        has_org_word = any(w.lower().strip(".,") in _ORG_WORDS for w in tail)
        has_place = any(lookup(w) is not None for w in tail if len(w) > 2)
        if prev in _ROLE_ACRONYMS:
            return " ".join(words[:i]), org  # "CTO Stadt Wien", "CDO London Borough of Camden"
        # "programmamanager Smart City" names a programme, "Programma manager Open Data Helsinki" a
        # city: only one word, an acronym or an organisation word makes the rest an organisation.
        named = has_org_word or (not has_place and (len(tail) == 1 or _ACRONYM.fullmatch(org)))
        if prev[:1].islower() and _ROLE_WORDS.search(prev) and named:
            return " ".join(words[:i]), org
        return None
    return None


def _split_role(role_text: str) -> tuple[str | None, str | None]:
    """Role and organisation from the text after a name: "Innovation Manager bij de gemeente Barcelona"."""
    role_text = role_text.strip(" .;,")
    parts = _ORG_SPLIT.split(role_text, maxsplit=1)
    if len(parts) == 2 and parts[0].strip():
        return parts[0].strip(" ,"), parts[1].strip(" .")
    head, comma, tail = role_text.partition(",")
    tail = tail.strip(" .")
    if comma and head.strip() and (tail[:1].isupper() or tail.lower().startswith(_ORG_LEAD)):
        return head.strip(), tail  # "Head of Data, LOTI", "head of digital transformation, gemeente Thessaloniki"
    for m in _WEAK_SPLIT.finditer(role_text):
        before, after = role_text[: m.start()], role_text[m.end() :]
        title_goes_on = _TITLE_HEADS.search(before)
        if before.strip() and not title_goes_on and (after[:1].isupper() or after.lower().startswith(_ORG_LEAD)):
            return before.strip(), after.strip(" .")
    words = role_text.split()
    found = _named_org(words) or _place_org(words)
    if found:
        return found
    return role_text or None, None


def _cut_role(text: str) -> str:
    """The role part of what follows a name, up to where the line goes on about something else."""
    end = _ROLE_END.search(text)
    text = text[: end.start()] if end else text
    # ", was er als toehoorder", ", wil ze delen": a clause, not "…, gemeente Utrecht" or "…, LOTI".
    for m in re.finditer(r",\s*", text):
        rest = text[m.end() :]
        if rest[:1].islower() and not rest.lower().startswith(_ORG_LEAD):
            return text[: m.start()]
    return text.rstrip(" .;,")


_NOT_NAME_WORDS = re.compile(
    r"\b(?:"
    + "|".join(re.escape(w) for w in (*_VENUE_WORDS, *_ORG_WORDS, "rathaus", "hôtel", "offices", "the"))
    + r")\b|(?:bedrijf|huis|haven)$",
    re.I,
)


# Words that open a phrase but never a person's name. Not "van", "de", "ter": they start Dutch surnames.
_PREPOSITIONS = frozenset(
    {"in", "op", "bij", "met", "naar", "uit", "voor", "tijdens", "na", "over", "via", "tot", "sinds", "vanuit",
     "per", "tussen", "namens", "door", "at", "on", "with"}
)  # fmt: skip


def _not_a_person(name: str) -> bool:
    """Titles, headings, venues and places that look like "Firstname Lastname" before a dash."""
    words = name.split()
    if any(w.isupper() and len(w) > 1 for w in words):
        return True  # "BEREIKBAAR IS", "KLM AMS": headings and codes
    if words[0].lower() in _PREPOSITIONS and len(words) > 1:
        return True  # "In Tallinn, de gemeente ...": a sentence opening, not "name, role"
    if words[0].lower() in _NOT_FIRST_NAMES or _NOT_NAME_WORDS.search(name):
        return True  # "Dienstreis Wenen", "Camden Town Hall", "Havenbedrijf Antwerpen"
    # Surnames can be towns ("Tanja Lahti", "Martin Männil"), so only a name that is a place as a
    # whole, or a title ending in one after a place ("Paris Expo"), is left out here.
    return lookup(name) is not None or (lookup(words[0]) is not None and lookup(words[-1]) is not None)


def _lead_ok(prefix: str, sep: str) -> bool:
    """Whether the text before a name lets it start a "name – role" entry."""
    if _BULLET_ONLY.match(prefix) or _LABEL_END.search(prefix):
        return True
    # "gesproken met Pieter Vos – adviseur": words may lead up to a name before a dash, not before a
    # comma ("ontvangst Wiener Rathaus, opening door ..." is not "name, role") unless a word of meeting
    # stands right before the name ("rondleiding met Jan Meyer, Verkehrsplaner bij de Freie Hansestadt").
    if sep.strip() == ",":
        return bool(_WITH_BEFORE.search(prefix))
    return sep.strip() in ("–", "—", "-") and bool(_LEAD_WORD.search(prefix))


def _role_like(role_text: str) -> bool:
    return bool(_ROLE_WORDS.search(role_text) or _ORG_SPLIT.search(role_text) or _ACRONYM.search(role_text))


def _paren_role(inner: str) -> tuple[str | None, str | None]:
    """Role and organisation inside brackets: "(CIO, gemeente Utrecht)", "(DLR, onderzoeker U-space)"."""
    head, comma, tail = (part.strip(" .") for part in inner.partition(","))
    if not comma or not tail:
        return _split_role(head)
    if not _ROLE_WORDS.search(head) and _ROLE_WORDS.search(tail):
        return tail, head  # the organisation first
    if tail[:1].isupper() or tail.lower().startswith(_ORG_LEAD):
        return head, tail
    return _split_role(head)  # "(CEO Signalo, app voor meldingen openbare ruimte)": a remark after the role


def _line_people(text: str, start: int, end: int) -> list[Person]:
    """People written "name – role" in one line (or one ";"-part of it)."""
    people: list[Person] = []
    line = text[start:end]
    pos = 0
    while (m := _NAME_ROLE.search(line, pos)) is not None:
        pos = m.end("name")
        name = m["name"]
        if not _lead_ok(line[: m.start()], m["sep"]) or _not_a_person(name):
            continue
        role_text = _cut_role(line[m.end() :])
        if not role_text or not _role_like(role_text):
            continue
        role, org = _split_role(role_text)
        role_end = m.end() + len(role_text)
        people.append(Person(name, role, org, line[m.start() : role_end].strip(), start + m.start(), start + role_end))
        break  # one "name – role" per part; what follows the role belongs to it
    return people


def extract_people(text: str) -> list[Person]:
    """People named with a role.

    Understands "Name – role [bij organisation]" (also after "gesproken:", "gesproken met", "uitleg
    door"), "Name, role organisation" at the start of a line, and "Name (role, organisation)" anywhere.
    The role stops where the line goes on ("…: heeft AI-richtlijnen", ", was er als toehoorder").
    """
    people: list[Person] = []
    for line in re.finditer(r"[^\n;]+", text):
        people += _line_people(text, line.start(), line.end())
    for m in _PERSON_PAREN.finditer(text):
        if any(p.start <= m.start() < p.end for p in people) or _not_a_person(m["name"]):
            continue
        end = _ROLE_END.search(m["role"])
        inner = m["role"][: end.start()] if end else m["role"]
        if not _ROLE_WORDS.search(inner):
            continue
        role, org = _paren_role(inner)
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
