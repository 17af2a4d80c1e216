"""How many people made the trip, read from the ways officials say it in notes."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from verslaghulp.facts.lexicon import number_value
from verslaghulp.facts.party_labels import party_from_labels
from verslaghulp.facts.party_list import ROLE_WORD, TITLES, party_from_lists

_NUM = (
    r"(?P<n>\d{1,3}|één|eén|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|two|three|four|five|six|seven|eight|"
    r"nine|ten)"
)
_NAME = r"[A-ZÀ-Ý][\w'’.-]*(?:[ \t]+(?:(?:van|de|der|den|het|ten|ter|el|al|da|di|von|le|la)[ \t]+)*[A-ZÀ-Ý][\w'’.-]*)*"


@dataclass(frozen=True, slots=True)
class TravellerCount:
    """The number of travellers including the writer, the text it came from, and how (in Dutch)."""

    count: int
    evidence: str
    how: str


def _n(value: str) -> int:
    return int(value) if value.isdigit() else (number_value(value) or 0)


def _names(listing: str) -> list[str]:
    # Roles in brackets ("Hanneke Mulder (teamleider en coach)") are not names and may contain "en".
    parts = re.split(_SEP, re.sub(r"\s*\([^)]*\)", "", listing))
    return [p.strip() for p in parts if p.strip() and re.match(r"[A-ZÀ-Ý]", p.strip())]


def _listed(m: re.Match[str]) -> TravellerCount | None:
    names = _names(m["names"])
    if not names:
        return None
    who = "naam" if len(names) == 1 else "namen"
    return TravellerCount(
        len(names) + 1, m.group().strip(), f"{len(names)} {who} na '{m['lead'].strip()}' plus de schrijver"
    )


def _party(m: re.Match[str]) -> TravellerCount:
    n = _n(m["n"])
    return TravellerCount(n, m.group(), f"'{m.group()}' in de aantekeningen")


def _colleagues(m: re.Match[str]) -> TravellerCount:
    n = _n(m["n"]) if m["n"] else 1
    return TravellerCount(n + 1, m.group(), f"{n} collega('s) plus de schrijver")


def _alone(m: re.Match[str]) -> TravellerCount:
    return TravellerCount(1, m.group(), f"'{m.group()}': de schrijver reisde alleen")


def _together(m: re.Match[str]) -> TravellerCount:
    plural = m.groupdict().get("plural")
    n = _PLURAL_NUMBERS[plural.lower()] if plural else _n(m["n"])
    return TravellerCount(n, m.group(), f"'{m.group()}' in de aantekeningen")


_TITLE_WORD = re.compile(r"\b(?:mw|mevr|dhr|drs|dr|ir|ing|mr|prof|Mr|Ms|Mrs|Dr)\.?\s+(?=[A-ZÀ-Ý])")


def _with_named(m: re.Match[str]) -> TravellerCount | None:
    listing = _TITLE_WORD.sub("", m["names"])
    names = _names(re.sub(rf"(?:(?i:mijn|my|onze|our)\s+)?(?i:{ROLE_WORD})\s+(?=[A-ZÀ-Ý])", "", listing))
    if not names:
        return None
    return TravellerCount(len(names) + 1, m.group(), f"{len(names)} genoemde collega('s) plus de schrijver")


_SEP = r"\s*(?:,|;|\ben\b|&|\+|\band\b)\s*"
_PARTY = re.compile(
    rf"\b{_NUM}\s*(?:personen|persoon|pers\.?|deelnemers|reizigers|ambtenaren|people|persons|travellers)(?!\w)", re.I
)
# "met z'n drieën", "met z'n vijven", "met ons vieren"
_PLURAL_NUMBERS = {"tweeën": 2, "drieën": 3, "vieren": 4, "vijven": 5, "zessen": 6, "zevenen": 7, "achten": 8}
_TOGETHER = re.compile(
    rf"\bmet\s+(?:z'n|zijn|ons|z’n|onze)\s+(?:{_NUM}(?:ën|en)?|(?P<plural>{'|'.join(_PLURAL_NUMBERS)}))\b", re.I
)
_WITH_N = re.compile(rf"\bmet\s+{_NUM}\s*:", re.I)  # "met 3: ik, Hanneke en Youssef"
_WE_N = re.compile(rf"\b(?:we|wij)\s+{_NUM}(?:ën|en)?\b", re.I)  # "wij 2", "wij drieën"
_BOTH = re.compile(r"\b(?:wij|we)\s+(?:allebei|beiden|beide)\b|\bmet\s+(?:z'n|z’n|ons)\s+beiden\b|\bwe\s+both\b", re.I)
# "ik + Ruben Smit", "ik en Lotte Jansen", "ik, Hanneke Mulder (...) en Youssef Amrani"
_BRACKETS = r"(?:\s*\([^)\n]*\))?"
# A member of the party as the notes name one: "Pieter Bos", "beleidsadviseur Pieter Bos (EZ)".
_MEMBER = rf"(?:(?i:mijn|my|onze|our)\s+)?(?:(?i:{ROLE_WORD})\s+)?{TITLES}{_NAME}{_BRACKETS}"
# A line that only says who came along: "met Sanne Vermeulen", "met Maarten Visser (innovatiemanager) en ik"
_WITH_LINE = re.compile(
    rf"(?m:^[ \t]*(?i:met|with)[ \t]+(?P<names>{_NAME}{_BRACKETS}(?:{_SEP}{_NAME}{_BRACKETS})*)"
    rf"(?:[ \t]*,?[ \t]*(?:en|and)[ \t]+(?:ik|I|me))?[ \t]*$)"
)
_I_AND = re.compile(
    rf"\b(?:ik|I)\s*(?:,|\+|&|\ben\b|\band\b)\s*(?P<names>{_NAME}{_BRACKETS}(?:{_SEP}{_NAME}{_BRACKETS})*)"
)
# "Wessel en ik", "Sanne, Joost en ik", "Maarten Visser and I": named colleagues before the writer.
# Only at the start of a line and before what a party does next, so "gesproken met Anna en ik vond" is not read.
_NAMES_AND_I = re.compile(
    rf"(?m:^[ \t]*(?:[-*•][ \t]*)?(?:[^\W\d][\w ]{{0,20}}:[ \t]*)?)"
    rf"(?P<names>{_MEMBER}(?:{_SEP}{_MEMBER})*)[ \t]+(?:en|and|&|\+)[ \t]+(?:ik|I|me)\b"
    r"(?=[ \t]*(?:$|[,.;:(]|namens|naar|gingen|reisden|waren|went|travell?ed|flew|vlogen|on\s+behalf))"
)
_WE_WERE = re.compile(rf"\b(?:we|wij)\s+(?:waren|gingen|reisden)\s+(?:met\s+)?(?:z'n\s+)?{_NUM}(?:ën|en)?\b", re.I)
_ALONE = re.compile(
    r"\b(?:(?:reisde|ging|was|ben|gereisd|travelled|went)[ \t]+alleen"
    r"|alleen[ \t]+(?:gereisd|gegaan|op[ \t]+reis|naar|heen)|in[ \t]+(?:mijn|m'n|m’n|me)[ \t]+eentje"
    r"|travell?ed[ \t]+alone|went[ \t]+alone|by[ \t]+myself|just[ \t]+me|ik[ \t]+all?een"
    # "ik was de enige (van de gemeente) die ging", "I was the only one from The Hague"
    r"|(?:ik[ \t]+was|was[ \t]+ik|I[ \t]+was)[ \t]+(?:de|the)[ \t]+(?:enige|only(?:[ \t]+one)?))\b"
    r"|(?m:,[ \t]*all?een[ \t]*$)"
    # a line that says only "alleen", perhaps with why in brackets: "alleen (collega afgezegd)"
    r"|(?m:^[^\w\n]*alleen[^\w\n(]*(?:\([^)\n]*\))?[^\w\n]*$)",
    re.I,
)
_LEAD = r"(?P<lead>\b(?i:mee|meegereisd|reisgenoten|met mij mee|collega's mee|along|with me)\s*:)"
_LISTED = re.compile(rf"{_LEAD}\s*(?P<names>{_NAME}(?:{_SEP}{_NAME})*)")
_N_COLLEAGUES = re.compile(rf"\b(?:met|with)\s+{_NUM}\s+(?:collega'?s|collega’s|colleagues|coworkers)\b", re.I)
# "samen met wethouder Inge van Dalen en beleidsadviseur Pieter Bos", "met collega Jan", a line opening with
# "Met beleidsadviseur Noor Hendriks": named members after "with", each with its role or without one.
# Elsewhere "met" needs a colleague: "gesprek met wethouder X" names someone met.
# In prose the members stand on one line and are not split by ";" ("... and Daan Smits; Clara Huber of ...").
_PROSE_SEP = r"[ \t]*(?:,|\ben\b|&|\+|\band\b)[ \t]*"
_NAMED_COLLEAGUE = re.compile(
    rf"(?:\b(?i:samen\s+met|together\s+with)\s+"
    rf"|\b(?i:met|with)\s+(?=(?:(?i:mijn|my|een|a)\s+)?(?i:collega|colleague)s?\s+[A-ZÀ-Ý]))"
    rf"(?P<names>{_MEMBER}(?:{_PROSE_SEP}{_MEMBER})*)"
)
# A sentence that only says who came along: "Met beleidsadviseur Noor Hendriks (Stedelijke Ontwikkeling)."
_WITH_SENTENCE = re.compile(
    rf"(?:(?m:^)|(?<=[.!?] ))[ \t]*(?:Met|With)[ \t]+(?P<names>{_MEMBER}(?:{_SEP}{_MEMBER})*)"
    r"(?=[ \t]*(?:[.;!]|$|naar\b|to\b))",
    re.M,
)
# "mijn reisgenoot Daan", "my travel companion Eva": a word that says the person travelled along.
_COMPANION = re.compile(
    rf"\b(?i:reisgeno(?:ot|te|ten)|travel(?:l)?ing\s+companions?|travel\s+companions?)\s+(?P<names>{_NAME}(?:{_SEP}{_NAME})*)"
)
# "4 of us", "we were 4", "there were three of us", "a delegation of five", "ik en twee collega's".
_OF_US = re.compile(rf"\b{_NUM}\s+of\s+us\b", re.I)
_WE_WERE_EN = re.compile(rf"\b(?:we|there)\s+were\s+{_NUM}\b(?!\s*(?:km|uur|hours|days|dagen|%))", re.I)
# Only when nothing but a word for people follows: "een delegatie van vijf steden" is not the party.
# Not the hosts': "Camille Girard and her team of five".
_DELEGATION = re.compile(
    rf"(?<!\bher )(?<!\bhis )(?<!\btheir )(?<!\bhaar )(?<!\bzijn )(?<!\bhun )"
    rf"\b(?:delegatie|delegation|groep|group|team|party|gezelschap)\s+(?:van|of)\s+{_NUM}\b"
    r"(?=\s*(?:$|[,.;:()\n]|personen|mensen|people|persons|collega|colleagues|ambtenaren|gegaan|gereisd))",
    re.I,
)
# "uiteindelijk zijn we met drie gegaan", "we zijn met 4 gereisd": the party's size with a verb of going.
_WE_WENT_N = re.compile(
    rf"\b(?:(?:we|wij)\s+(?:zijn|waren)|(?:zijn|waren)\s+(?:we|wij))\s+(?:uiteindelijk\s+)?met\s+(?:z'n\s+|ons\s+)?"
    rf"(?:de\s+)?{_NUM}(?:ën|en)?\s+(?:[^\W\d][\w'’]*\s+)?(?:gegaan|gereisd|op\s+reis|geweest)\b",
    re.I,
)
# "Ik ging met ir. P. van Leeuwen (projectdirecteur) en drs. E. Claassen", "I went with my colleague Femke":
# the writer as the subject of a verb of going, then who came along.
_I_WENT_WITH = re.compile(
    r"\b(?:(?i:ik|I|we|wij)\s+(?i:ging(?:en)?|reisde(?:n)?|vloog|vlogen|went|travell?ed|flew)(?:\s+(?i:samen))?"
    rf"|(?i:op\s+pad))\s+(?i:met|with)\s+(?P<names>{_MEMBER}(?:{_SEP}{_MEMBER})*)"
)
_I_AND_N = re.compile(
    rf"\b(?:ik|I|me)\s*(?:\+|&|\ben\b|\band\b|\bmet\b|\bwith\b)\s*{_NUM}\s+"
    r"(?:collega'?s|collega’s|colleagues|anderen|others|teamleden|team\s+members)\b",
    re.I,
)
_I_AND_ONE = re.compile(
    r"\b(?:ik|I|me)\s*(?:\+|&|\ben\b|\band\b)\s*(?:een\s+|a\s+|mijn\s+|my\s+)?(?:collega|colleague)\b(?P<n>)",
    re.I,
)
_SOLO = re.compile(
    r"\b(?:solo|alleen\s+(?:ik(?:zelf)?|mijzelf)|only\s+(?:me|myself)|on\s+my\s+own|just\s+myself)\b", re.I
)
_A_COLLEAGUE = re.compile(r"\b(?:met|with)\s+(?:een\s+|a\s+|mijn\s+|my\s+)?(?:collega|colleague)\b(?P<n>)", re.I)

# A party that was planned but did not go: "gepland met z'n drieën, maar ...", "we would have been four".
# The clause is blanked (same length), so the count that follows it is the one that holds.
_PLANNED = re.compile(
    r"[^,.;\n]*\b(?:gepland|planned|oorspronkelijk|originally|aanvankelijk|initially|zouden|would\s+have)\b[^,.;\n]*",
    re.I,
)

# Ordered from most to least explicit: a stated number of persons beats counting names.
_RULES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], TravellerCount | None]]] = [
    (_PARTY, _party),
    (_TOGETHER, _together),
    (_WE_WERE, _together),
    (_WITH_N, _together),
    (_WE_N, _together),
    (_BOTH, lambda m: TravellerCount(2, m.group(), f"'{m.group()}' in de aantekeningen")),
    (_OF_US, _together),
    (_WE_WERE_EN, _together),
    (_DELEGATION, _together),
    (_WE_WENT_N, _together),
    (_I_AND_N, _colleagues),
    (_ALONE, _alone),
    (_SOLO, _alone),
    (_LISTED, _listed),
    (_I_AND, _with_named),
    (_NAMES_AND_I, _with_named),
    (_WITH_LINE, _with_named),
    (_N_COLLEAGUES, _colleagues),
    (_NAMED_COLLEAGUE, _with_named),
    (_COMPANION, _with_named),
    (_I_WENT_WITH, _with_named),
    (_WITH_SENTENCE, _with_named),
    (_I_AND_ONE, _colleagues),
    (_A_COLLEAGUE, _colleagues),
]


def count_travellers(text: str) -> TravellerCount | None:
    """Count the travellers, writer included; None when the notes do not say.

    Understands "3 personen", "3 pers.", "met z'n tweeën", "alleen", "mee: Jan, Fatima, Piet" (three names
    plus the writer = 4), "met collega Jan" (= 2) and "with 2 colleagues" (= 3).
    """
    text = _PLANNED.sub(lambda m: " " * len(m.group()), text)
    # A labelled field of who went ("Wie:", "Deelnemers:", "Gereisd met:", "Aantal: 2") is the most
    # explicit statement there is.
    labelled = party_from_labels(text)
    if labelled is not None:
        return TravellerCount(labelled.count, labelled.evidence, labelled.how)
    for i, (pattern, rule) in enumerate(_RULES):
        if i == _LIST_RANK:
            # After the stated counts, before the rules that count names: an enumeration with the
            # writer in it counts every member, roles and "2 collega's" included.
            listed = party_from_lists(text)
            if listed is not None:
                return TravellerCount(listed.count, listed.evidence, listed.how)
        for m in pattern.finditer(text):
            result = rule(m)
            if result and result.count >= 1:
                return result
    return None


# Where the enumeration reader runs among the rules: right after the stated counts and "alone".
_LIST_RANK = next(i for i, (pattern, _) in enumerate(_RULES) if pattern is _LISTED)
