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

_WRITER = frozenset(
    {"ik", "me", "i", "myself", "mijzelf", "mezelf", "mij", "ikzelf", "ondergetekende", "yours truly", "undersigned"}
)
# The writer with what they did: "mijzelf als coördinator", "ik (verslag)", "ikzelf, projectleider".
_WRITER_ROLE = re.compile(r"^(?P<w>\S+)(?:\s+(?:als|as)\s+.*)?$", re.I)
_SPLIT = re.compile(r"\s*(?:,|;|\ben\b|\band\b|&|\+|\bplus\b)\s*", re.I)
# "Hoekstra, R.; Yilmaz, S.": a list of "surname, initial" split only at its semicolons.
_SEMICOLON_LIST = re.compile(r"^[^;]+,\s*[A-Z]\.(?:\s*[A-Z]\.)*\s*;")
_BRACKETS = re.compile(r"\s*\([^()\n]*\)")
# A label before the list: "Wie:", "Mee:", "Delegatie:", "From The Hague:", "Totaal 6 man van DH:".
_LABEL = re.compile(r"^[^:\n]{1,40}:\s*")
# Lists of people met are not the party, even when the writer is named in them.
_MET_LABEL = re.compile(
    r"\b(?:gesprek\w*|gesproken|ontmoet\w*|spoke|spoken|met\s+with|meetings?|contact\w*|sprekers?|speakers?)\b", re.I
)
# Words that open a member without being part of it: "dus Lotte Visser", "verder Femke", "samen met ...".
_OPENERS = re.compile(
    r"^(?:(?:dus|so|verder|also|ook|plus|samen\s+met|together\s+with|met|with|mijn|my|onze?|our|de|het|the)\s+)+",
    re.I,
)
_COUNTED = re.compile(r"^(?P<n>\d{1,2}|[a-zé]+)\s+[^\W\d]", re.I)
# "a delegation of four officials", "een groep van 3 collega's": a number of people inside a member.
_COUNTED_INSIDE = re.compile(r"\b(?:of|van)\s+(?P<n>\d{1,2}|[a-zé]+)\s+(?P<w>[^\W\d][\w'’]*)", re.I)
# Word endings of roles, so that compounds count too ("beleidsadviseur", "woordvoerder", "projectleider").
_ROLE_ENDINGS = (
    "adviseur", "adviser", "advisor", "medewerker", "voerder", "leider", "houder", "manager", "officer", "directeur",
    "director", "mayor", "burgemeester", "secretaris", "coördinator", "coordinator", "collega", "colleague",
    "stagiair", "intern", "ambtenaar", "specialist", "analist", "analyst", "teamlid", "strateeg", "jurist",
    "onderzoeker", "researcher", "chef", "hoofd",
)  # fmt: skip
# A role word before a name ("beleidsadviseur Pieter Bos", "wethouder Inge van Dalen"), for the readers of
# the party that name its members.
ROLE_WORD = r"[a-zà-ÿ-]*(?:" + "|".join(_ROLE_ENDINGS) + r"|wethouder|stedenbouwkundige|reisgeno(?:ot|te))(?:s|'s|’s)?"
# Titles before a name: "mw. drs. H. Veenstra", "ir. P. van Leeuwen", "Mr. H. de Jong".
TITLES = r"(?:(?:mw|mevr|dhr|drs|dr|ir|ing|mr|prof|Mr|Ms|Mrs|Dr)\.?[ \t]+)*"
# Sentence ends: a full stop (or ! ?) followed by a capital; "2 coll. (Joris ...", "coll. Fatima", "mw. drs.
# H. Veenstra" and "ir. P. van Leeuwen" go on: abbreviations and initials end in a full stop too.
_SENTENCE_END = re.compile(
    r"(?<![\s(][A-ZÀ-Ý]\.)(?<!\bcoll\.)(?<!\bdhr\.)(?<!\bmw\.)(?<!\bmevr\.)(?<!\bdrs\.)(?<!\bir\.)"
    r"(?<!\bdr\.)(?<!\bmr\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bprof\.)(?<!\bing\.)(?<!\bdir\.)"
    r"(?<=[.!?])\s+(?=[A-ZÀ-Ý])|;\s*"
)
_NOT_NAMES = frozenset(fold(w) for w in (*MONTH_NAMES_NL, *WEEKDAYS))


@dataclass(frozen=True, slots=True)
class PartyList:
    """The party's size, the text it was read from and how it was counted (Dutch)."""

    count: int
    evidence: str
    how: str


def members_of(body: str) -> list[str]:
    """The members of an enumeration ("ik, Bas en 2 collega's (EZ)" -> "ik", "Bas", "2 collega's")."""
    if _SEMICOLON_LIST.match(body):
        return [p.strip(" .") for p in body.split(";") if p.strip(" .")]
    parts = _SPLIT.split(_BRACKETS.sub("", body))
    return [_OPENERS.sub("", p.strip(" .!?-–:")).strip() for p in parts if p.strip(" .!?-–:")]


def is_writer(member: str) -> bool:
    """Whether a member of an enumeration is the writer.

    "ik", "ondergetekende", "mijzelf als coördinator", or the writer as the subject of what follows
    ("ik gaan", "I went by train").
    """
    m = _WRITER_ROLE.match(member.strip())
    if fold(member) in _WRITER or bool(m and fold(m["w"]).strip(",") in _WRITER):
        return True
    first, _, rest = member.strip().partition(" ")
    return fold(first) in _WRITER - {"me", "mij"} and _GOING.match(rest) is not None


# What the writer does in a coordination of the party: goes, travels, is there ("Sjoerd, Anke en ik gaan");
# "Wouter stuurt de checklist, ik zet die door" is no party.
_GOING = re.compile(
    r"^(?:ook\s+)?(?:ga|gaan|ging|gingen|gaat|reis|reizen|reisde|reisden|zijn|waren|was|go|going|went|travel\w*"
    r"|flew|vlogen|vloog|are|were)\b(?!.*\b(?:met|with)\b)",  # "ik ging met X en Y" lists who came along
    re.I,
)


def person_count(member: str) -> int:
    """How many people a member of the list stands for: a number of them, one person, or nobody."""
    words = member.split()
    counted = _COUNTED.match(member)
    if counted and len(words) >= 2:
        n = int(counted["n"]) if counted["n"].isdigit() else number_value(counted["n"])
        if n:
            return n
    inside = _COUNTED_INSIDE.search(member)
    if inside and fold(inside["w"]).rstrip("s.'’").endswith((*_ROLE_ENDINGS, "official", "ambtenare")):
        n = int(inside["n"]) if inside["n"].isdigit() else number_value(inside["n"])
        if n:
            return n
    # "secretaris" ends in an s of its own; "adviseurs" is the plural of a role ending.
    if any(
        fold(w).strip(".,'’").endswith(_ROLE_ENDINGS) or fold(w).rstrip("s.'’").endswith(_ROLE_ENDINGS) for w in words
    ):
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
    """The size of the first enumeration in the notes that lists the writer among others, else None.

    The enumeration is one coordination ("ik, Bram de Boer en Yasmina El Idrissi") or a list over
    lines, one member per line, under a label ("Delegatie:", "Reisgezelschap") or ending with the
    writer ("Sanne Hoekstra (GIS)" / "Mark Veldhuis" / "en ondergetekende").
    """
    lines = joined_continuations(text.splitlines())
    for i, line in enumerate(lines):
        block = _block_party(lines, i)
        if block is not None:
            return block
        for sentence in _SENTENCE_END.split(line):
            label = _LABEL.match(sentence)
            met = _MET_LABEL.search(label.group()) if label else None
            # "Gesprekken: ik, Anna" lists people met; "met Sanne en ik, ontmoet: Anna" names the party first.
            body = sentence[: met.start()] if met else sentence[label.end() :] if label else sentence
            found = _counted(_until_met(members_of(body)), sentence.strip())
            if found is not None:
                return found
    return None


# Where a coordination turns from the party to the people met: "met Joris (EZ) en ik, standgesprek met ...".
_MET_STEM = re.compile(r"gesprek|gesproken|ontmoet|spoke|spoken|meeting|met\s+with|interview", re.I)


def _until_met(members: list[str]) -> list[str]:
    """The members before the first one that tells of a meeting; those after it were met, not travelled with.

    The writer with a verb ("I flew from Schiphol ...") ends the coordination too: what follows it ("and
    returned on Wednesday") goes on with the sentence, not with the party.
    """
    for i, member in enumerate(members):
        if _MET_STEM.search(member):
            return members[:i]
        if is_writer(member) and fold(member) not in _WRITER and " " in member.strip():
            return members[: i + 1]
    return members


_CONTINUES = re.compile(r"^\s*(?:\+|&|en\s|and\s)", re.I)
_GOES_ON = re.compile(r"(?:,|\ben|\band)\s*$", re.I)


def joined_continuations(lines: list[str]) -> list[str]:
    """A line that goes on with the one above joins it.

    "ik, Bas, Lotte" / "+ Gert-Jan van team Energie", or a sentence wrapped after a comma ("Gijs Mertens,
    Sabine Oosterhout," / "Lieke van den Berg en ondergetekende"); a short greeting ("Beste Henk,") does not.
    """
    out: list[str] = []
    for line in lines:
        above = out[-1] if out else ""
        wrapped = len(above.split()) >= 4 and _GOES_ON.search(above) is not None and not _ITEM.match(above)
        goes_on = wrapped or (_CONTINUES.match(line) is not None and not _ITEM.match(above))
        if above.strip() and goes_on and not _ITEM.match(line):
            out[-1] = f"{out[-1].rstrip()}\n{line.strip()}"  # a newline, so the evidence still names both lines
        else:
            out.append(line)
    return out


def _counted(members: list[str], evidence: str) -> PartyList | None:
    writers = [m for m in members if is_writer(m)]
    if len(writers) != 1 or len(members) < 2:
        return None
    others = sum(person_count(m) for m in members if m not in writers)
    if others < 1:
        return None
    people = "1 persoon" if others == 1 else f"{others} personen"
    return PartyList(others + 1, evidence, f"opsomming met de schrijver erin: {people} plus de schrijver")


_ITEM = re.compile(r"^\s*(?:[-*•–]|\d{1,2}[.)])\s+")
# Where a member line's person ends: "Hanneke Smit, stedenbouwkundige", "Bram de Wit - gebiedsregisseur".
_MEMBER_END = re.compile(r"\s*(?:,|\s[-–—]\s|:).*$")


def _block_party(lines: list[str], start: int) -> PartyList | None:
    """A party listed one member per line from `start` on.

    The list is list items, or short lines under a label ending in ":" ("Deelnemers:"); it starts at
    `start`, every line stands for people (a name, a role, "2 collega's") or is the writer, exactly one
    line is the writer, and the label above is not one of people met.
    """
    label = lines[start - 1].strip() if start > 0 else ""
    bulleted = bool(_ITEM.match(lines[start]))
    if bulleted and _ITEM.match(label):
        return None  # not the start of the list
    if not bulleted and not (label.endswith(":") and len(label.split()) <= 4):
        return None
    if _MET_LABEL.search(label):
        return None
    members: list[str] = []
    for line in lines[start:]:
        stripped = line.strip()
        if bulleted and not _ITEM.match(line) and _CONTINUES.match(line):
            # "- Lucas Brandt, verkeerskundige" / "en ondergetekende als projectleider": the list's last member
            members.append(_OPENERS.sub("", re.sub(r"^\s*(?:\+|&|en|and)\s+", "", stripped)).strip(" ."))
            break
        if not stripped or bool(_ITEM.match(line)) != bulleted:
            break
        if not bulleted and (len(stripped.split()) > 6 or _LABEL.match(stripped)):
            break
        member = _MEMBER_END.sub("", _BRACKETS.sub("", _ITEM.sub("", stripped))).strip(" .")
        member = re.sub(r"^(?:en|and|plus|&)\s+", "", member, flags=re.I)
        members.append(_OPENERS.sub("", member).strip())
    if len(members) < 2 or not all(is_writer(m) or person_count(m) >= 1 for m in members):
        return None
    block = "\n".join(ln.strip() for ln in lines[start : start + len(members)] if ln.strip())
    return _counted(members, f"{label}\n{block}" if label and len(label.split()) <= 4 else block)
