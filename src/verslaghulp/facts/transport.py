"""Transport legs in notes: mode (with carrier names mapped to modes), route, kilometres, return."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from enum import StrEnum

from verslaghulp.facts.gazetteer import PlaceMention, find_places
from verslaghulp.facts.normalise import parse_number


class Mode(StrEnum):
    """The modes of transport the form asks about, in the form's Dutch words."""

    VLIEGTUIG = "vliegtuig"
    TREIN = "trein"
    BUS = "bus"
    AUTO = "auto"
    BOOT = "boot"


# Words and carriers that say which mode a leg used. Carriers matter: notes say "KLM naar Wenen",
# not "vliegtuig".
MODE_WORDS: dict[Mode, tuple[str, ...]] = {
    Mode.VLIEGTUIG: (
        "vliegtuig", "vlucht", "vluchten", "gevlogen", "vliegen", "vlieg", "vloog", "vlogen", "flight", "flew", "fly",
        "plane", "klm", "transavia", "lufthansa", "easyjet", "ryanair", "vueling", "austrian", "brussels airlines",
        "british airways", "air france", "iberia", "swiss", "aegean", "tap", "sas", "finnair", "wizz air", "wizzair",
        "eurowings", "lot", "airbaltic",
    ),
    Mode.TREIN: (
        "trein", "treinen", "treinreis", "train", "rail", "ns", "ns international", "eurostar", "ice", "thalys", "tgv",
        "nightjet", "nachttrein", "intercity", "ic direct", "db", "sncf", "öbb", "obb", "renfe", "ave", "frecciarossa",
        "sprinter", "eurocity", "ouigo", "sleeper", "european sleeper",
    ),
    Mode.BUS: ("bus", "touringcar", "flixbus", "blablabus", "pendelbus"),
    # Local taxis are left out on purpose: the form asks about the journey there and back.
    Mode.AUTO: ("auto", "dienstauto", "huurauto", "eigen auto", "gereden", "car"),
    Mode.BOOT: ("boot", "ferry", "veerboot", "veerpont", "stena line", "p&o", "dfds", "schip", "overtocht"),
}  # fmt: skip
_WORD_TO_MODE = {w: mode for mode, ws in MODE_WORDS.items() for w in ws}
_MODE_RE = re.compile(
    r"(?<![\w&])(" + "|".join(re.escape(w) for w in sorted(_WORD_TO_MODE, key=len, reverse=True)) + r")(?![\w&])", re.I
)
# Carriers that are also ordinary words are only taken in capitals ("ICE", "LOT", "SAS", "TAP", "NS").
_CAPS_ONLY = {"ice", "lot", "sas", "tap", "ns", "db", "ave", "swiss", "austrian", "car", "rail", "fly"}
_RETURN = re.compile(
    r"(?<!\w)(retour|heen\s+en\s+terug|en\s+terug|h/t|v\.v\.?|vice\s+versa|return|round[\s-]?trip|beide\s+kanten|heen\b.*\bterug)(?!\w)",
    re.I,
)
_KM = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)\s*(?:km|kilometer|kilometers)\b", re.I)
_CLAUSE = re.compile(r"[^\n;]+")
_ROUTE_SEP = re.compile(r"^\s*(?:-|–|—|→|->|>|naar|to|tot)\s*$", re.I)


@dataclass(frozen=True, slots=True)
class TransportLeg:
    """One leg of the journey as the notes describe it; `evidence` is the exact text it came from."""

    mode: Mode
    origin: str | None
    destination: str | None
    km: float | None
    return_trip: bool
    evidence: str


def mode_of(word: str) -> Mode | None:
    """Return the mode a word or carrier name stands for ("KLM" -> vliegtuig), else None."""
    return _WORD_TO_MODE.get(word.lower())


def _modes_in(clause: str) -> list[tuple[Mode, int]]:
    out: list[tuple[Mode, int]] = []
    for m in _MODE_RE.finditer(clause):
        word = m.group(1)
        if word.lower() in _CAPS_ONLY and not word.isupper() and word.lower() not in ("swiss", "austrian"):
            continue
        if word.lower() in ("swiss", "austrian") and not word[0].isupper():
            continue
        out.append((_WORD_TO_MODE[word.lower()], m.start()))
    return out


def _route(segment: str, places: list[PlaceMention]) -> tuple[str | None, str | None]:
    """Origin and destination: "van X naar Y", "X - Y", "AMS-VIE", or just "naar Y"."""
    cities = [p for p in places if not p.place.is_country]
    for a, b in itertools.pairwise(cities):
        between = segment[a.end : b.start]
        if _ROUTE_SEP.match(between) or re.fullmatch(r"\s*(?:naar|to)\s*", between, re.I):
            return a.text, b.text
    for p in cities:
        before = segment[max(0, p.start - 12) : p.start].lower()
        if re.search(r"\b(naar|to|richting|bestemming:?)\s*$", before):
            origin = next(
                (
                    q.text
                    for q in cities
                    if q.start < p.start
                    and re.search(r"\b(van|vanaf|from|via)\s*$", segment[max(0, q.start - 8) : q.start].lower())
                ),
                None,
            )
            return origin, p.text
        if re.search(r"\b(van|vanaf|from)\s*$", before):
            dest = next((q.text for q in cities if q.start > p.start), None)
            return p.text, dest
    if len(cities) == 1:
        return None, cities[0].text
    return None, None


def extract_transport_legs(text: str) -> list[TransportLeg]:
    """Return the transport legs named in the notes, in order.

    Each clause (line, or part between semicolons) that names a mode or carrier gives a leg; a clause
    that names several ("trein naar Brussel, daarna Eurostar naar Londen") gives one leg per mode.
    """
    legs: list[TransportLeg] = []
    for clause_match in _CLAUSE.finditer(text):
        clause = clause_match.group()
        modes = _modes_in(clause)
        if not modes:
            continue
        cuts = _segment_starts(clause, modes)
        for i, (mode, start) in enumerate(cuts):
            end = cuts[i + 1][1] if i + 1 < len(cuts) else len(clause)
            segment = clause[start:end]
            places = find_places(segment)
            origin, destination = _route(segment, places)
            km_match = _KM.search(segment)
            km = parse_number(km_match.group(1)) if km_match else None
            evidence = segment.strip().rstrip(",.")
            legs.append(TransportLeg(mode, origin, destination, km, bool(_RETURN.search(segment)), evidence))
    return _merge_same(legs)


def _segment_starts(clause: str, modes: list[tuple[Mode, int]]) -> list[tuple[Mode, int]]:
    """Where each leg's text starts; the first leg starts at the clause start, repeated modes merge."""
    cuts: list[tuple[Mode, int]] = []
    last_word = -1
    for mode, pos in modes:
        if not cuts:
            cuts.append((mode, 0))
            last_word = pos
            continue
        # A new leg begins at the last separator before the mode word, so "Brussel, daarna Eurostar"
        # gives Brussel to the first leg; the same mode without a separator ("KLM-vlucht") is one leg.
        sep = max(clause.rfind(",", last_word, pos), clause.rfind(" daarna", last_word, pos),
                  clause.rfind(" en ", last_word, pos), clause.rfind(" dan ", last_word, pos))  # fmt: skip
        last_word = pos
        if sep < 0 and cuts[-1][0] == mode:
            continue
        if re.search(r"\bterug\b", clause[max(sep, 0) : pos]) and cuts[-1][0] == mode:
            continue  # "heen KLM ..., terug KLM ...": one return leg, see _RETURN
        cuts.append((mode, sep + 1 if sep >= 0 else pos))
    return cuts


def _merge_same(legs: list[TransportLeg]) -> list[TransportLeg]:
    """Drop a bare repeat of the previous leg's mode that adds nothing (same mode, no route, no km)."""
    out: list[TransportLeg] = []
    for leg in legs:
        prev = out[-1] if out else None
        if (
            prev
            and prev.mode == leg.mode
            and not leg.origin
            and not leg.destination
            and leg.km is None
            and not leg.return_trip
        ):
            continue
        out.append(leg)
    return out
