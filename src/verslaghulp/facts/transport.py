"""Transport legs in notes: mode (with carrier names mapped to modes), route, kilometres, return.

Notes mention modes of transport that were not travelled: the train a flight is justified against
("gevlogen want trein duurt ca 12,5 uur"), the one that did not run ("Eurostar reed niet"), a leg the
writer leaves out ("DH-Utrecht met IC, niet meegeteld"). Those mentions are masked before legs are
read, so they neither add a leg nor lend it their places, kilometres or "terug".
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from enum import StrEnum

from verslaghulp.facts.gazetteer import PlaceMention, airport_city, find_places, lookup
from verslaghulp.facts.normalise import parse_quantity


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
        "vliegtuig", "vlucht", "vluchten", "gevlogen", "vliegen", "vlieg", "vloog", "vlogen", "flight", "flights",
        "flew", "fly", "plane", "klm", "transavia", "lufthansa", "easyjet", "ryanair", "vueling", "austrian",
        "brussels airlines", "british airways", "air france", "iberia", "swiss", "aegean", "tap", "sas", "finnair",
        "wizz air", "wizzair", "eurowings", "lot", "airbaltic", "air baltic", "aer lingus", "ita airways", "vl.",
        "turkish airlines", "norwegian",
    ),
    Mode.TREIN: (
        "trein", "treinen", "treinreis", "train", "rail", "ns", "ns international", "eurostar", "ice", "thalys", "tgv",
        "nightjet", "nachttrein", "intercity", "ic", "ic direct", "ec", "eurocity", "db", "sncf", "öbb", "obb",
        "renfe", "ave", "frecciarossa", "sprinter", "ouigo", "sleeper", "european sleeper", "railjet", "westbahn",
        "italo", "avlo", "alvia", "regiojet", "flixtrain", "eurocity", "nmbs", "sncb", "sbb", "cfl", "pkp",
        "intercity direct", "ice sprinter", "tgv inoui", "snälltåget", "sj", "tr.",
    ),
    Mode.BUS: ("bus", "touringcar", "flixbus", "blablabus", "pendelbus"),
    # Local taxis are left out on purpose: the form asks about the journey there and back.
    Mode.AUTO: ("auto", "dienstauto", "huurauto", "eigen auto", "gereden", "car", "drove", "driven"),
    Mode.BOOT: ("boot", "ferry", "veerboot", "veerpont", "stena line", "p&o", "dfds", "schip", "overtocht",
                "irish ferries", "brittany ferries", "tallink", "viking line", "finnlines", "color line"),
}  # fmt: skip
_WORD_TO_MODE = {w: mode for mode, ws in MODE_WORDS.items() for w in ws}
_MODE_RE = re.compile(
    r"(?<![\w&])(" + "|".join(re.escape(w) for w in sorted(_WORD_TO_MODE, key=len, reverse=True)) + r")(?![\w&])", re.I
)
# Carriers that are also ordinary words are only taken in capitals ("ICE", "LOT", "SAS", "TAP", "NS", "IC").
_CAPS_ONLY = {"ice", "lot", "sas", "tap", "ns", "db", "ave", "car", "rail", "fly", "ic", "ec", "sj", "cfl", "sbb",
              "pkp"}  # fmt: skip
_CAPITALISED = {"swiss", "austrian", "norwegian"}  # names, not the adjectives "swiss cheese", "norwegian"
_SAME_WAY = (
    r"terug\s+(?:idem|ook\s+zo|(?:precies|net)\s+zo|hetzelfde|dezelfde|zelfde|op\s+dezelfde\s+manier)"
    r"|same\s+(?:route|way|flights?|trains?)\s+back|back\s+the\s+same\s+way|same\s+way\s+back"
)
_RETURN = re.compile(
    r"(?<!\w)(retour|heen\s+en\s+terug|heen\s+en\s+weer|en\s+terug|h/t|v\.v\.?|vice\s+versa|return|round[\s-]?trip|"
    r"(?:and|there\s+and)\s+back|both\s+ways|beide\s+kanten|beide\s+richtingen|heen\b.*\bterug|"
    rf"en\b[^.;,\n]{{0,25}}\bweer\s+terug|{_SAME_WAY})(?!\w)",
    re.I,
)
# A way back that retraces the route as a whole, whatever its legs: "same flights back", "terug dezelfde route".
_SAME_BACK = re.compile(rf"\b(?:{_SAME_WAY})\b", re.I)
# The phrases of _SAME_BACK that name no mode retrace every leg; "same flights back" only the flights.
_SAME_BY_MODE = re.compile(r"\bsame\s+(?:flights?|trains?)\s+back\b", re.I)
# "2x 260 km", "2 x ~450 km": a distance written with how many times it was travelled.
_TIMES = re.compile(r"(?<![\w.,])(\d)\s*[x×]\s*(?:ca\.?|~|±)?\s*$", re.I)
# A mode word as the unit of a distance ("1.850 km p. vlucht", "370 km per vlucht") names no journey of
# its own; "per trein" elsewhere is "by train".
_PER_UNIT = re.compile(r"\d\s*(?:km|kilometers?)\s+(?:per|p\.)\s*$", re.I)
# Where a new leg may start inside a line: after a comma (not a thousands comma), a sentence end, "+",
# "daarna", "en" or "dan".
_LEG_SEP = re.compile(r",(?!\d)|\.\s+(?=[A-ZÀ-Ý])|\s\+\s|\sdaarna\b|\sen\s|\sdan\s")
_KM = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)\s*(?:km|kilometer|kilometers)\b", re.I)
# Kilometres for one way of a leg that was travelled both ways ("959 km enkele reis", "370 km per vlucht").
_PER_WAY = re.compile(
    r"\b(enkele\s+reis|enkel|(?:per|p\.)\s*(?:vlucht|kant|richting|rit|reis)|per\s+(?:flight|way|leg)|one[\s-]way|"
    r"each\s+way)\b",
    re.I,
)
_APPROX = re.compile(r"(?:\bca\.?|\bcirca|\bongeveer|\bong\.|±|~|\bapprox\.?|\babout|\bruim)\s*$", re.I)
# "Utrecht Centraal -> Wien Hbf", "Amsterdam C -> Praha hl.n.": station names between a city and the arrow.
_STATION = r"(?:C|CS|HS|H|Hbf|Centraal|Central|Centrale|Centrum|Zuid|Noord|Nord|Midi|Süd|Sud|hl\.\s?n\.|Airport)"
_ROUTE_SEP = re.compile(rf"^\s*(?:{_STATION}\.?\s*)?(?:-|–|—|→|->|>|naar|to|tot)\s*$", re.I)
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class TransportLeg:
    """One leg of the journey as the notes describe it; `evidence` is the exact text it came from.

    `km` is the number the notes wrote; `km_per_way` says it is for one way of a leg travelled both
    ways ("959 km enkele reis", so 1918 km in all), `km_approximate` that the notes wrote "ca.".
    """

    mode: Mode
    origin: str | None
    destination: str | None
    km: float | None
    return_trip: bool
    evidence: str
    km_per_way: bool = False
    km_approximate: bool = False


# Words that only name a mode; everything else in MODE_WORDS is a carrier or a train's name.
_GENERIC = {
    "vliegtuig", "vlucht", "vluchten", "gevlogen", "vliegen", "vlieg", "vloog", "vlogen", "flight", "flights",
    "flew", "fly", "plane", "trein", "treinen", "treinreis", "train", "rail", "nachttrein", "intercity", "sprinter",
    "sleeper", "bus", "touringcar", "pendelbus", "auto", "dienstauto", "huurauto", "eigen auto", "gereden", "car",
    "boot", "veerboot", "veerpont", "schip", "overtocht", "ferry",
}  # fmt: skip


# Generic words that still say more than the mode: the kind of car, train, bus or boat. The form's
# answer keeps them ("Auto (dienstauto)"), as it keeps carriers.
_KINDS = {"dienstauto", "huurauto", "eigen auto", "nachttrein", "sleeper", "touringcar", "pendelbus", "veerboot",
          "veerpont"}  # fmt: skip


def carriers_in(text: str, *, kinds: bool = False) -> list[str]:
    """The carriers and train names a text uses ("Nightjet", "KLM", "ICE"), as the notes write them.

    With `kinds`, also the words for a kind of vehicle ("dienstauto", "nachttrein").
    """
    found: list[str] = []
    for word, _ in _mode_words_in(text):
        specific = word.lower() not in _GENERIC or (kinds and word.lower() in _KINDS)
        if specific and word not in found:
            found.append(word)
    return found


# Dutch compounds end in their head noun: "nachtboot", "sneltrein", "terugvlucht", "deelauto" are a boat, a
# train, a flight and a car. A flight compound needs a journey's first part: "dronevlucht" is a subject.
# A plural names a subject, not a journey: "ervaring met deelauto's", "nachttreinen in Europa".
_COMPOUND = re.compile(
    r"(?<![\w&-])(?:[^\W\d_]{3,}?(?:trein|boot|ferry|auto)"
    r"|(?:terug|heen|retour|nacht|lijn|aansluit\w*|overstap|door|binnenland\w*|dag)vlucht)(?![\w&'’])",
    re.I,
)
_COMPOUND_HEAD = re.compile(r"(vlucht|trein|boot|boten|ferry|auto)(?:en)?$", re.I)
_HEAD_MODE = {
    "vlucht": Mode.VLIEGTUIG, "trein": Mode.TREIN, "boot": Mode.BOOT, "boten": Mode.BOOT, "ferry": Mode.BOOT,
    "auto": Mode.AUTO,
}  # fmt: skip


def _compound_mode(word: str) -> Mode | None:
    head = _COMPOUND_HEAD.search(word)
    return _HEAD_MODE[head.group(1).lower()] if head else None


def _mode_words_in(clause: str) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    for m in _COMPOUND.finditer(clause):
        if m.group().lower() not in _WORD_TO_MODE and _compound_mode(m.group()) is not None:
            out.append((m.group(), m.start()))
    for m in _MODE_RE.finditer(clause):
        word = m.group(1)
        if word.lower() in _CAPS_ONLY and not word.isupper():
            continue
        if word.lower() in _CAPITALISED and not word[0].isupper():
            continue
        if word.endswith(".") and not word.islower():
            continue  # "vl." and "tr." are a flight and a train; "Vl." is Flemish
        if _PER_UNIT.search(clause[: m.start()]):
            continue  # "1.850 km p. vlucht": a unit of the distance, not a journey of its own
        out.append((word, m.start()))
    return sorted(out, key=lambda found: found[1])


def modes_named(text: str) -> list[Mode]:
    """Every mode a text names, by word or carrier, travelled or not ("trein duurt 12 uur" names the train)."""
    return [mode for mode, _ in _modes_in(text)]


def mode_of(word: str) -> Mode | None:
    """Return the mode a word or carrier name stands for ("KLM" -> vliegtuig, "nachtboot" -> boot), else None."""
    return _WORD_TO_MODE.get(word.lower()) or (_compound_mode(word) if _COMPOUND.fullmatch(word) else None)


def _modes_in(clause: str) -> list[tuple[Mode, int]]:
    return [(mode, start) for word, start in _mode_words_in(clause) if (mode := mode_of(word)) is not None]


# --- Mentions that are not legs travelled --------------------------------------------------------
# "reden vlucht: IC uitgevallen, geen trein meer", "waarom vliegen: Eurostar reed niet": a label that
# says the rest of the line explains a choice.
_LABEL = re.compile(
    r"^[\s\-•*·]*(?:reden|waarom|uitzondering|toelichting|motivatie|motivering|reason|why|justification|exception"
    r"|overwogen|considered|alternatie[fv]\w*|optie)\b"
    r"[^:\n]{0,30}:",
    re.I,
)
# Clauses about the 8-hours rule compare with a train; they do not describe one.
_RULE_CUE = re.compile(
    r"(?:\b(?:8|acht)[\s-]?uurs?[\s-]?regel|\beight[\s-]hours?[\s-]rule|\bniet\s+van\s+toepassing\b|\btoegestaan\b|"
    r"\buitzondering)",
    re.I,
)
# A mode offered but not taken: "trein zou 12 uur duren", "vliegen kon ook", "flying was an option".
_HYPOTHETICAL = re.compile(
    r"\b(?:zou|zouden|would|could|kon|konden|kan\s+ook|had\s+gekund|(?:was|is)\s+(?:ook\s+)?(?:een\s+)?"
    r"(?:optie|alternatief|mogelijk)|(?:was|is)\s+(?:also\s+)?an?\s+(?:option|alternative)"
    # The Dutch past counterfactual: "vliegen was sneller geweest", "de trein had 11 uur geduurd",
    # "we hadden kunnen vliegen"; a wish or a thought that was not carried out: "wilden met de Nightjet",
    # "Flixbus overwogen".
    r"|(?:was|waren|had|hadden)\b[^,;.\n]{0,40}\b(?:geweest|gekund|geduurd|gekost|kunnen)"
    r"|wilde|wilden|wanted\s+to|overwogen|considered|gedacht\s+aan|thought\s+of)\b",
    re.I,
)
# "trein duurt ca 12,5 uur", "trein + ferry kost meer dan een dag": a travel time, not a ticket price.
_TRAVEL_TIME = re.compile(
    r"\b(?:duurt|duren|duurde|kost|kosten|takes?|took|was|is|ben)\b.*?(?:\d\s*(?:uur|u|h|hours?)\b|\b(?:dag|dagen|day|days)\b)"
    r"|^\W*(?:ca\.?|circa|ongeveer|about|~)?\s*\d+(?:[,.]\d+)?\s*(?:uur|u|h|hours?)\b",
    re.I,
)
_NOT_RUN = re.compile(
    r"\b(?:uitgevallen|geannuleerd|vervallen|staakte|staking|cancell?ed|(?:reed|reden|rijdt|ging|gaat)\b[^,;.]*\bniet"
    # Dutch separable verbs: "Eurostar viel op zondag uit", "de trein valt vaak uit".
    r"|(?:viel|vielen|valt|vallen)\b[^,;.]*\buit)\b",
    re.I,
)
# A mode weighed and turned down: "trein geen optie", "trein was twee keer zo duur", "train not an
# option (>30 h)", "Thalys uitverkocht". The shape is an evaluation of the alternative, whatever the words
# around it; the lexicon holds the evaluations, not the cases.
_REJECTED = re.compile(
    r"\b(?:(?:geen|not\s+an?|no)\s+(?:optie|option|alternatief|alternative|keuze|choice)"
    r"|(?:te|zo|veel|erg|too|so|much)\s+(?:duur|lang|traag|langzaam|omslachtig|expensive|long|slow)"
    r"|duurder|trager|langzamer|more\s+expensive|slower|uitverkocht|volgeboekt|sold\s+out|fully\s+booked"
    r"|(?:was|waren|zat|zaten|is)\s+vol"
    r"|niet\s+mogelijk|onmogelijk|not\s+possible|impossible|unavailable|niet\s+beschikbaar|not\s+available)\b",
    re.I,
)
# A mention negated by a word before it: "geen trein", "niet gevlogen", "niet met de auto", "nobody
# flew", "did not fly", "zonder auto", "in plaats van de trein", with at most one word between
# ("geen directe trein").
_NEGATED_BEFORE = re.compile(
    r"\b(?:geen|no|niet|nobody|never|not|didn'?t|did\s+not|zonder|without|instead\s+of|in\s+plaats\s+van)\s+"
    r"(?:[^\W\d]+\s+)?(?:(?:met|per|by|with|took|take|taken|nam|namen|over|about)\s+)?(?:(?:de|het|een|the|a)\s+)?"
    r"(?:[^\W\d]+\s+)?$",
    re.I,
)
_REASON = re.compile(r"\b(?:want|omdat|aangezien|doordat|because|since)\b", re.I)
# Before the mode: a wish, plan, preference or condition not carried out ("we hadden ook kunnen vliegen",
# "meant to take the train", "voorkeur was trein", "als de Eurostar had gereden", "in eerste instantie
# geboekt op de Flixbus", "te ver om met de dienstauto"), or a comparison ("goedkoper dan de ICE").
_HYPOTHETICAL_BEFORE = re.compile(
    r"\b(?:hadden|had|zouden|zou|wilden|wilde|wanted\s+to|would\s+have|could\s+have|meant\s+to|intended\s+to"
    r"|planned\s+to|voorkeur\s+(?:was|ging\s+uit\s+naar)|preference\s+was|als|if|indien"
    r"|in\s+eerste\s+instantie|aanvankelijk|oorspronkelijk|initially|originally|at\s+first"
    r"|te\s+(?:ver|duur|lang)\s+om|too\s+(?:far|expensive|long)\s+to)\s+(?:[^\W\d]+\s+){0,3}$"
    # "goedkoper dan de ICE", "cheaper than the train"; "dan" alone is also "then" ("dan de ferry naar Oslo")
    r"|(?:\b[^\W\d]+er\s+(?:[^\W\d]+\s+)?dan|\bthan)\s+(?:de\s+|het\s+|een\s+|the\s+|a\s+)?$",
    re.I,
)
# After the mode: a ride at the destination, not the journey ("airport shuttle bus into the city").
_LOCAL = re.compile(
    r"^\W*(?:[^\W\d]+\s+){0,2}(?:into\s+(?:the\s+)?(?:city|town|centre|center)|naar\s+(?:het|de)\s+(?:centrum|stad|hotel)"
    r"|to\s+the\s+(?:hotel|city\s+cent(?:re|er))|ter\s+plaatse|ter\s+plekke)\b",
    re.I,
)
# A flight by its number: "KL1271", "HV 5123" (the airlines' codes that notes from the Netherlands meet).
_FLIGHT_NUMBER = re.compile(
    r"(?<![\w-])(?:KL|HV|LH|AF|BA|SN|OS|LX|SK|AY|IB|VY|FR|U2|TP|LO|AZ|EW|TK|EI|BT|W6)\s?\d{2,4}(?![\w-])"
)
_ANSWERED_NO = re.compile(r"^\s*[:=]\s*(?:nee|neen|no|n\.?v\.?t\.?)\b", re.I)
_BECAUSE = re.compile(r"\b(?:vanwege|wegens|due\s+to|because\s+of|ivm|i\.v\.m\.)\b", re.I)
_UNCOUNTED = re.compile(
    r"\b(?:niet\s+meegeteld|niet\s+meegerekend|telt\s+niet\s+mee|tellen\s+niet\s+mee|not\s+counted|"
    r"buiten\s+beschouwing)\b",
    re.I,
)
# A full stop after these does not end a sentence: "ca. 1150 km", "v.v. 959 km", "Amsterdam C. -> ...".
_ABBREVIATION = re.compile(r"(?:\b(?:ca|vs|nr|bv|vb|bijv|incl|excl|ong|resp|max|min|dr|drs|ir|prof)|\b\w|\.\w)$", re.I)


def _sentences(line: str) -> list[tuple[int, int]]:
    """Spans of the sentences in a line (ended by ";" or a full stop that is not an abbreviation's)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in re.finditer(r";|\.(?=\s|$)", line):
        if m.group() == "." and _ABBREVIATION.search(line[: m.start()]):
            continue
        spans.append((start, m.end()))
        start = m.end()
    if start < len(line):
        spans.append((start, len(line)))
    return spans


# Conjunctions that join a mode not taken to the one taken: "vliegen kon ook maar we namen de Thalys",
# "trein zou 12 uur duren dus gevlogen". Each side is judged on its own.
_CONTRAST = re.compile(r"\s(?=(?:maar|but|dus|so|daarom|therefore|toch|instead|in\s+plaats\s+daarvan)\s)", re.I)


def _clauses(line: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the clauses of a sentence: parts between commas (not decimal commas), brackets and contrasts.

    A sentence about the 8-hours rule is not split at its contrasts: "trein ca 13 uur dus geen
    uitzondering nodig" compares with the train as a whole.
    """
    spans: list[tuple[int, int]] = []
    split_contrasts = not _RULE_CUE.search(line[start:end])
    for m in re.finditer(r"(?:[^,()]|,(?=\d))+", line[start:end]):
        part_start = start + m.start()
        cuts = [part_start + c.end() for c in _CONTRAST.finditer(m.group())] if split_contrasts else []
        bounds = [part_start, *cuts, start + m.end()]
        spans += [(a, b) for a, b in itertools.pairwise(bounds) if b > a]
    return spans


def _mask(line: str) -> str:
    """The line with every stretch that describes no travelled leg blanked out (same length)."""
    chars = list(line)

    def blank(start: int, end: int) -> None:
        chars[start:end] = " " * (end - start)

    label = _LABEL.match(line)
    if label:
        blank(label.start(), len(line))
    line_modes = {mode for mode, _ in _modes_in(line)}
    for s, e in _sentences(line):
        sentence = "".join(chars[s:e])
        reason = _REASON.search(sentence)
        if _UNCOUNTED.search(sentence):
            blank(s, e)
        elif reason and _modes_in(sentence[: reason.start()]):
            blank(s + reason.start(), e)  # "gevlogen want trein duurt ca 12,5 uur": the reason, not a leg
        for cs, ce in _clauses(line, s, e):
            clause = "".join(chars[cs:ce])
            if _LABEL.match(clause):
                blank(cs, len(line))
                break
            if _RULE_CUE.search(clause):
                blank(cs, ce)
                continue
            _mask_mentions(chars, cs, clause, line_modes)
    return "".join(chars)


def _mask_mentions(chars: list[str], offset: int, clause: str, line_modes: set[Mode]) -> None:
    """Blank a clause whose mention is hypothetical or did not run, or a single negated mention.

    A travel time ("trein duurt ca 12,5 uur") is a comparison only on a line that also names another
    mode; on its own it can describe the journey made.
    """
    mentions = sorted([*_MODE_RE.finditer(clause), *_COMPOUND.finditer(clause)], key=lambda x: x.start())
    for m in mentions:
        if not _modes_in(m.group()):
            continue
        mode = mode_of(m.group())
        assert mode is not None
        after = clause[m.end() :]
        compared = _TRAVEL_TIME.search(after) and line_modes - {mode}
        # "terug met het vliegtuig vanwege een staking bij de SNCF": what follows "vanwege" is why this
        # mode was taken, not that it failed.
        after = _BECAUSE.split(after, maxsplit=1)[0]
        if _ANSWERED_NO.match(after):  # "Vliegtuig: nee. Trein: ja (Eurostar)."
            chars[offset + m.start() : offset + m.end()] = " " * (m.end() - m.start())
            continue
        if _HYPOTHETICAL.search(after) or _NOT_RUN.search(after) or _REJECTED.search(after) or compared:
            chars[offset : offset + len(clause)] = " " * len(clause)
            return
        if _HYPOTHETICAL_BEFORE.search(clause[: m.start()]) or _LOCAL.search(after):
            # "we hadden kunnen vliegen (KLM)": the mention and the carrier in brackets after it
            end = _bracket_after(chars, offset + len(clause))
            chars[offset + m.start() : end] = " " * (end - offset - m.start())
            continue
        if _NEGATED_BEFORE.search(clause[: m.start()]) or _topic_only(clause, m):
            chars[offset + m.start() : offset + m.end()] = " " * (m.end() - m.start())


def _bracket_after(chars: list[str], pos: int) -> int:
    """The end of a bracketed aside right after `pos` ("vliegen (KLM)"), else `pos`."""
    i = pos
    while i < len(chars) and chars[i] == " ":
        i += 1
    if i < len(chars) and chars[i] == "(":
        close = "".join(chars).find(")", i)
        return close + 1 if close > 0 else pos
    return pos


def _topic_only(clause: str, m: re.Match[str]) -> bool:
    """A compound that names a kind of trip as a subject ("BVLOS-vluchten", "drone-vlucht"), not a leg.

    Only when nothing in the clause tells a journey: no place, distance or way back.
    """
    compound = m.start() > 1 and clause[m.start() - 1] == "-" and clause[m.start() - 2].isalpha()
    if not compound or m.group(1).lower() not in _GENERIC:
        return False
    return not (find_places(clause) or _KM.search(clause) or _RETURN.search(clause))


# --- Legs ----------------------------------------------------------------------------------------
@dataclass(slots=True)
class _Found:
    """A leg being read, with the span of the notes it rests on."""

    leg: TransportLeg
    start: int
    end: int


_PASSED = re.compile(r"\b(?:via|over|overstap(?:pen)?(?:\s+(?:in|op))?|change\s+(?:in|at)|through)\s*$", re.I)


def _route(segment: str, places: list[PlaceMention]) -> tuple[str | None, str | None]:
    """Origin and destination: "van X naar Y", "X - Y", "AMS-VIE", "X C -> Y Hbf", or just "naar Y".

    A place the journey passes ("ICE via Osnabrück", "overstap Frankfurt") is neither.
    """
    cities = [
        p for p in places if not p.place.is_country and not _PASSED.search(segment[max(0, p.start - 14) : p.start])
    ]
    for a, b in itertools.pairwise(cities):
        between = segment[a.end : b.start]
        if a.place != b.place and (_ROUTE_SEP.match(between) or re.fullmatch(r"\s*(?:naar|to)\s*", between, re.I)):
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
            dest = next((q.text for q in cities if q.start > p.start and q.place != p.place), None)
            return p.text, dest
    if cities and all(p.place == cities[0].place for p in cities) and cities[0].place.country_code != "NL":
        # "Keulen, ... bij de Stadt Köln, met de ICE": one place, named twice. A Dutch place without a
        # route word is no destination of a trip abroad ("de Rotterdamse collega's in de trein").
        return None, cities[0].text
    return None, None


def _leg(mode: Mode, masked: str, start: int, end: int) -> _Found:
    """Read one leg from its stretch of the (masked) line."""
    segment = masked[start:end]
    origin, destination = _route(segment, find_places(segment))
    km_match = _KM.search(segment)
    km = parse_quantity(km_match.group(1)) if km_match else None
    per_way = bool(km_match and _PER_WAY.search(segment))
    times = _TIMES.search(segment[: km_match.start()]) if km_match else None
    both_ways = bool(_RETURN.search(segment))
    if km is not None and times:
        # "2x 260 km" is the whole distance: 520 km, there and back when travelled twice.
        km, per_way, both_ways = km * int(times.group(1)), False, both_ways or times.group(1) == "2"
    approx = bool(km_match and _APPROX.search(segment[: km_match.start()]))
    # The evidence leaves out blanked text at either end: the reason after "want" is not the leg.
    lead = len(segment) - len(segment.lstrip())
    trail = len(segment) - len(segment.rstrip(" \t,.;"))
    leg = TransportLeg(mode, origin, destination, km, both_ways, "", per_way, approx)
    return _Found(leg, start + lead, max(start + lead, end - trail))


def _combine(first: _Found, more: _Found) -> _Found:
    """One leg named twice on a line ("vlucht ... Wenen -> Schiphol, 936 km. gevlogen"): its parts together."""
    a, b = first.leg, more.leg
    leg = replace(
        a,
        km=a.km if a.km is not None else b.km,
        km_per_way=a.km_per_way if a.km is not None else b.km_per_way,
        km_approximate=a.km_approximate if a.km is not None else b.km_approximate,
        return_trip=a.return_trip or b.return_trip,
    )
    return _Found(leg, first.start, max(first.end, more.end))


def _legs_in_line(masked: str, modes: list[tuple[Mode, int]]) -> list[_Found]:
    """The legs of one (masked) line, one per mode word that starts a new stretch of it."""
    cuts = _segment_starts(masked, modes)
    out: list[_Found] = []
    for i, (mode, start) in enumerate(cuts):
        end = cuts[i + 1][1] if i + 1 < len(cuts) else len(masked)
        found = _leg(mode, masked, start, end)
        # The same mode again without a route of its own is more of the same leg: the kilometres on
        # a line belong to that line's leg.
        if out and out[-1].leg.mode == mode and found.leg.origin is None and found.leg.destination is None:
            out[-1] = _combine(out[-1], found)
        else:
            out.append(found)
    if _SAME_BACK.search(masked):
        # "... + Finnair Helsinki-Oulu, same flights back": the way back retraces every leg of that mode.
        # The kilometres written on the way out are then each leg's one way.
        back = {f.leg.mode for f in out if _SAME_BACK.search(masked[f.start : f.end])}
        if any(m for m in _SAME_BACK.finditer(masked) if not _SAME_BY_MODE.match(m.group())):
            back = {f.leg.mode for f in out}  # "terug dezelfde route", "came back the same way": every leg
        out = [
            replace(f, leg=replace(f.leg, return_trip=True, km_per_way=f.leg.km is not None))
            if f.leg.mode in back
            else f
            for f in out
        ]
    return out


def _attach_km_line(previous: _Found, masked: str, line_start: int) -> _Found | None:
    """A line with kilometres but no mode, right under a leg without them, completes that leg.

    "met de dienstauto" followed by "ca 390 km enkele reis, Den Haag - Luxemburg-Stad".
    """
    km_match = _KM.search(masked)
    if previous.leg.km is not None or km_match is None:
        return None
    more = _leg(previous.leg.mode, masked, 0, len(masked))
    leg = previous.leg
    if leg.origin is None and leg.destination is None:
        leg = replace(leg, origin=more.leg.origin, destination=more.leg.destination)
    leg = replace(
        leg,
        km=more.leg.km,
        km_per_way=more.leg.km_per_way,
        km_approximate=more.leg.km_approximate,
        return_trip=leg.return_trip or more.leg.return_trip,
    )
    return _Found(leg, previous.start, line_start + more.end)


def extract_transport_legs(text: str) -> list[TransportLeg]:
    """Return the transport legs named in the notes, in order.

    Each line that names a mode or carrier gives a leg, and the kilometres, route and "retour" on
    that line belong to it; a line that names several modes ("trein naar Brussel, daarna Eurostar
    naar Londen") gives one leg per mode. A line with kilometres but no mode right under a leg
    without kilometres completes that leg. Mentions that describe no travelled leg are skipped: the
    train a flight is compared with, a train that did not run, a reason ("want", "reden vlucht:")
    and legs the notes leave out ("niet meegeteld").
    """
    found: list[_Found] = []
    after_leg = False
    for line_match in _LINE.finditer(text):
        line, offset = line_match.group(), line_match.start()
        masked = _mask(line)
        modes = _modes_in(masked)
        if not any(mode is Mode.VLIEGTUIG for mode, _ in modes):
            # A flight by its number or by an airport route needs no mode word: "Heen met KL1271, terug met de ICE".
            modes = sorted([*modes, *(_flight_number(masked) or _airport_route(masked))], key=lambda found: found[1])
        if not modes:
            attached = _attach_km_line(found[-1], masked, offset) if after_leg else None
            if attached:
                found[-1] = attached
            after_leg = False
            continue
        for f in _legs_in_line(masked, modes):
            found.append(_Found(f.leg, offset + f.start, offset + f.end))
        after_leg = True
    found = _same_way_back(text, found)
    # Evidence without the list bullet and trailing punctuation: "heen ma 19:30 Nightjet ... 1150 km spoor".
    legs = [replace(f.leg, evidence=text[f.start : f.end].strip(" \t-•*·").rstrip(",.;").strip()) for f in found]
    return _merge_same(legs)


def _same_way_back(text: str, found: list[_Found]) -> list[_Found]:
    """A way back that retraces the route ("and came back the same way") after legs told over several lines.

    Within a line `_legs_in_line` does this; prose wraps a sentence over lines, so the legs above the
    phrase in the same paragraph (no empty line between) retrace too.
    """
    for m in _SAME_BACK.finditer(text):
        if _SAME_BY_MODE.match(m.group()):
            continue
        paragraph = max(text.rfind("\n\n", 0, m.start()), 0)
        found = [
            replace(f, leg=replace(f.leg, return_trip=True, km_per_way=f.leg.km is not None))
            if paragraph <= f.start < m.start() and not f.leg.return_trip
            else f
            for f in found
        ]
    return found


# "AMS-CPH v.v.", "EIN - STN": a route between two airports by their codes is a flight, whatever word
# (or abbreviation, "vl.") stands before it.
_CODE_ROUTE = re.compile(r"(?<![\w-])([A-Z]{3})\s*(?:-|–|->|→|>|/|naar|to)\s*([A-Z]{3})(?![\w-])")


def _flight_number(line: str) -> list[tuple[Mode, int]]:
    m = _FLIGHT_NUMBER.search(line)
    return [(Mode.VLIEGTUIG, m.start())] if m else []


def _airport_route(line: str) -> list[tuple[Mode, int]]:
    for m in _CODE_ROUTE.finditer(line):
        a, b = airport_city(m.group(1)), airport_city(m.group(2))
        if a is not None and b is not None and a != b:
            return [(Mode.VLIEGTUIG, m.start())]
    return []


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
        seps = [m.start() for m in _LEG_SEP.finditer(clause, last_word, pos)]
        sep = seps[-1] if seps else -1
        last_word = pos
        if sep < 0 and cuts[-1][0] == mode:
            continue
        if re.search(r"\bterug\b", clause[max(sep, 0) : pos], re.I) and cuts[-1][0] == mode:
            continue  # "heen KLM ..., terug KLM ...": one return leg, see _RETURN
        cuts.append((mode, sep + 1 if sep >= 0 else pos))
    return cuts


# "terug", "terugvlucht", "terugreis", "flew back": a way back, also inside a compound.
_WAY_BACK = re.compile(r"\b(?:terug\w*|retourvlucht\w*|back|home|naar\s+huis|thuis)\b", re.I)


def _merge_same(legs: list[TransportLeg]) -> list[TransportLeg]:
    """Drop repeats that add nothing.

    A bare repeat of the previous leg's mode (no route, no km) is the same journey named again
    ("07:05 vlucht, landing 09:20"); a way back of a mode already travelled both ways ("flew back in
    the afternoon" after "AMS-HEL and back") is already counted.
    """
    out: list[TransportLeg] = []
    for leg in legs:
        prev = out[-1] if out else None
        bare = not leg.origin and not leg.destination and leg.km is None and not leg.return_trip
        if prev and prev.mode == leg.mode and bare:
            continue
        if leg.km is None and _WAY_BACK.search(leg.evidence) and any(_covers(o, leg) for o in out):
            continue
        out.append(leg)
    return out


def _covers(earlier: TransportLeg, back: TransportLeg) -> bool:
    """Whether a return leg already covers a later way back (same mode, no place beyond its route)."""
    if earlier.mode != back.mode or not earlier.return_trip:
        return False
    if earlier.destination is None:
        return True  # "KLM vanaf Schiphol, heen en terug": wherever the way back starts, it is that journey's
    route = {p for p in (lookup(earlier.origin or ""), lookup(earlier.destination or "")) if p is not None}
    places = [lookup(name) for name in (back.origin, back.destination) if name]
    return all(p is not None and p in route for p in places)
