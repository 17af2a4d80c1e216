"""What a sentence says is done, and how surely: predicate classes, their entailments, and modality.

A small lexicon of predicate classes ("organiseren", "goedkeuren", "winnen", "nomineren", ...), each
a set of Dutch (and English) verb stems and fixed phrases, matched on folded text so that every
inflection counts: "organiseerde", "georganiseerd", "organiseren", "organisator" are one class, and
so are "nam deel", "deelname" and "deelnemers". The classes are general Dutch, written from the
verbs a trip report uses for what happened; they were not grown from any labelled sentence.

`ENTAILS` says which class includes another: who organised an event took part in it, who won was
nominated. A summary sentence may state a weaker predicate than its source, never a stronger or
a different one.

Modality: a source clause that only says something may happen ("misschien", "wil", "overweegt",
"zou kunnen") must not become a fact, and one about the future ("volgt", "zal", "gepland") must not
become something that happened.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from verslaghulp.facts.normalise import fold

# Each class: regular expressions over folded text (lower case, no accents), matched at word starts.
_CLASSES: dict[str, tuple[str, ...]] = {
    "organiseren": (
        r"(?:ge)?organiseer\w*",
        r"organiseren",
        r"organisator\w*",
        r"(?:ge)?host(?:t|te|ten|en|s|ing)?\b",
        r"gastheer\w*",
        r"gastvrouw\w*",
        r"gastgemeente",
        r"gastland",
        r"(?:ge)?initieer\w*",
        r"initiatiefnemer\w*",
        r"organi[sz]ed?\b",
        r"organi[sz]ing",
        r"hosted",
        r"(?:ontving|ontvingen|ontvangt|ontvangen) (?:\w+ ){0,4}(?:bezoekers|delegatie\w*|gasten|deelnemers)",
    ),
    "deelnemen": (
        r"deelname\w*",
        r"deelnemer\w*",
        r"deelgenomen",
        r"deelnemen",
        r"deelneemt",
        r"(?:nam|namen|neemt|nemen) (?:\w+ ){0,4}deel\b",
        r"bijgewoond",
        r"bijwonen",
        r"(?:woonde|woonden|woont) .{0,80}\bbij\b",
        r"aanwezig\w*",
        r"bezocht\w*",
        r"bezoek\w*",
        r"(?:ge)?participe\w*",
        r"participatie",
        r"meegedaan",
        r"(?:deed|deden|doet) "
        r".{0,30}\bmee\b",
        r"meedoen",
        r"mee te doen",
        r"deel te nemen",
        r"attended",
        r"visit\w*",
        r"took part",
        r"participat\w*",
    ),
    "voorzitten": (
        r"(?:dag)?voorzitter\w*",
        r"voorzitten",
        r"voorzitterschap",
        r"(?:zat|zaten|zit|zitten) [^,.;:]{0,80}\bvoor(?=\s*[,.;:!?]|\s*$)",
        r"(?:ge)?modereer\w*",
        r"moderator\w*",
        r"gespreksleid\w*",
        r"chair\w*",
        r"moderat\w*",
    ),
    "exposeren": (
        r"(?:ge)?exposeer\w*",
        r"exposeren",
        r"expositie\w*",
        r"tentoongesteld",
        r"tentoonstell\w*",
        r"beursstand\w*",
        r"stand\b",
        r"stands\b",
        r"exhibit\w*",
    ),
    "presenteren": (
        r"(?:ge)?presenteer\w*",
        r"presenteren",
        r"presentatie\w*",
        r"keynote\w*",
        r"spreker\w*",
        r"lezing\w*",
        r"toespraak",
        r"(?:ge)?pitch\w*",
        r"workshop gegeven",
        r"(?:gaf|gaven|geeft|geven) .{0,30}\b(?:presentatie|"
        r"lezing|toelichting|workshop|pitch|keynote)",
        r"present\w*",
        r"speaker\w*",
    ),
    "goedkeuren": (
        r"goedgekeurd\w*",
        r"goedkeur\w*",
        r"(?:keurde|keurden|keurt|keuren) .{0,80}\bgoed\b",
        r"(?:ge)?accordeer\w*",
        r"akkoord\w*",
        r"ingestemd",
        r"instemm\w*",
        r"(?:stemde|stemden|stemt|stemmen) .{0,80}\bin\b",
        r"aangenomen",
        r"(?:ge)?bekrachtig\w*",
        r"groen licht",
        r"approv\w*",
        r"endorse\w*",
    ),
    "voorstellen": (
        r"voorstel\w*",
        r"voorgesteld",
        r"(?:stelde|stelden|stelt|stellen) .{0,80}\bvoor\b",
        r"ingediend",
        r"indienen",
        r"dient .{0,30}\bin\b",
        r"propos\w*",
    ),
    "winnen": (
        r"won\b",
        r"wonnen",
        r"gewonnen",
        r"winnen",
        r"wint\b",
        r"winnaar\w*",
        r"(?:ge)?bekroond",
        r"bekroning",
        r"prijswinna\w*",
        r"in de prijzen",
        r"(?:kreeg|kregen|ontving|ontvingen|gekregen|ontvangen|krijgt) .{0,25}"
        r"\b(?:prijs|award|onderscheiding)",
        r"\bwins?\b",
        r"winner\w*",
    ),
    "nomineren": (
        r"(?:ge)?nomine\w*",
        r"nominatie\w*",
        r"shortlist\w*",
        r"finalist\w*",
        r"kanshebber\w*",
        r"kandidaat\w*",
        r"kandidatuur",
        r"(?:dong|dongen|dingt|dingen) .{0,80}\bmee\b",
        r"meedingen",
    ),
    "besluiten": (
        r"besloot\w*",
        r"besloten",
        r"besluit\w*",
        r"beslist\w*",
        r"beslissing\w*",
        r"vastgesteld",  # a council or board adopting a policy or plan
        r"vaststell\w*",
        r"(?:stelt|stelde|stelden|stellen) .{0,80}\bvast\b",
        r"(?:gekozen|koos|kozen|kiest) "
        r"(?:\w+ ){0,3}voor\b",
        r"decid\w*",
        r"decision\w*",
    ),
    "toezeggen": (
        r"toegezegd",
        r"toezeg\w*",
        r"(?:zegde|zegden|zegt|zeggen|zei) .{0,80}\btoe\b",
        r"beloof\w*",
        r"beloofd\w*",
        r"belofte\w*",
        r"(?:ge)?garandeer\w*",
        r"garantie",
        r"(?:ge)?committeer\w*",
        r"commitment\w*",
        r"verplicht\w* zich",
        r"promis\w*",
        r"commit\w*",
    ),
    "afspreken": (
        r"afgesproken",
        r"afspraak\w*",
        r"afspreken",
        r"vervolgafspra\w*",
        r"(?:spraken|spreken|sprak|spreekt) "
        r".{0,80}\baf\b",
        r"overeengekomen",
        r"overeenkomst\w*",
        r"agreed",
        r"agreement\w*",
    ),
    "verkennen": (
        r"(?:ge)?verken\w*",
        r"onderzoek\w*",
        r"onderzocht",
        r"onderzoeken",
        r"overweeg\w*",
        r"overweging\w*",
        r"overwogen",
        r"bekijk\w*",
        r"bekeken",
        r"(?:denkt|denken|dacht|dachten) .{0,30}\bna\b",
        r"nadenk\w*",
        r"(?:ge)?orienteer\w*",
        r"orientatie\w*",
        r"(?:ge)?inventariseer\w*",
        r"explor\w*",
        r"consider\w*",
    ),
    "uitnodigen": (
        r"(?:ge)?uitgenodigd",
        r"uitnodig\w*",
        r"(?:nodigde|nodigden|nodigt|nodigen) .{0,80}\buit\b",
        r"invit\w*",
    ),
    "ondertekenen": (
        r"(?:ge)?ondertek\w*",
        r"tekende\w*",
        r"getekend",
        r"intentieverklaring\w*",
        r"convenant\w*",
        r"mou\b",
        r"signed",
        r"sign\b",
    ),
    "financieren": (
        r"(?:ge)?financier\w*",
        r"financiering\w*",
        r"(?:ge)?subsidi\w*",
        r"(?:ge)?investeer\w*",
        r"investering\w*",
        r"bekostig\w*",
        r"betaalt",
        r"betaalde\w*",
        r"betaald",
        r"fund\w*",
    ),
    "invoeren": (
        r"ingevoerd",
        r"invoer\w*",
        r"(?:voert|voerde|voerden|voeren) .{0,80}\bin\b",
        r"(?:ge)?implementeer\w*",
        r"implementatie\w*",
        r"overgenomen",
        r"overnemen",
        r"(?:neemt|nam|namen|nemen) .{0,80}\bover\b",
        r"in gebruik genomen",
        r"adopt\w*",
        r"introduc\w*",
    ),
}

# Who did the stronger thing also did the weaker: a summary may say the weaker one.
ENTAILS: dict[str, frozenset[str]] = {
    "organiseren": frozenset({"deelnemen"}),
    "presenteren": frozenset({"deelnemen"}),
    "voorzitten": frozenset({"deelnemen"}),
    "exposeren": frozenset({"deelnemen", "presenteren"}),
    "winnen": frozenset({"nomineren", "deelnemen"}),
    "besluiten": frozenset({"verkennen"}),
    "goedkeuren": frozenset({"besluiten"}),
    "ondertekenen": frozenset({"afspreken"}),
    "invoeren": frozenset({"besluiten", "verkennen"}),
}

# A stronger claim than its source, on one scale: who organised more than took part, who won more than
# was nominated, who decided or committed more than explored or proposed. A summary sentence that
# states the stronger class where its source sentence states a weaker one of the same scale (or a
# class it contrasts with) says something else.
STRONGER: dict[str, frozenset[str]] = {
    "organiseren": frozenset(
        {"deelnemen", "presenteren", "exposeren", "goedkeuren", "voorstellen", "uitnodigen", "financieren"}
    ),
    "presenteren": frozenset({"deelnemen"}),
    "voorzitten": frozenset({"deelnemen", "presenteren"}),
    "exposeren": frozenset({"deelnemen"}),
    "winnen": frozenset({"nomineren", "deelnemen", "presenteren"}),
    "goedkeuren": frozenset({"voorstellen", "verkennen", "organiseren"}),
    "besluiten": frozenset({"verkennen", "voorstellen"}),
    "toezeggen": frozenset({"verkennen", "voorstellen", "uitnodigen", "afspreken"}),
    "invoeren": frozenset({"verkennen", "voorstellen"}),
    "ondertekenen": frozenset({"verkennen", "voorstellen", "afspreken"}),
    "financieren": frozenset({"verkennen", "voorstellen"}),
}

# Words that leave open whether something happens (folded); an invitation too, as it is not yet an
# acceptance. Not "kan"/"kunnen": they mostly say what is possible for someone ("waar bezoekers
# kunnen zien"), not that it is uncertain.
HEDGES = frozenset(
    """
    misschien mogelijk mogelijke mogelijkerwijs wellicht eventueel eventuele zou zouden wil willen wilde
    wilden hoopt hopen hoop hoopte overweegt overwegen overwoog verkent verkennen idee ideeen onderzoekt
    bekijkt denkt nadenken onzeker onduidelijk indien mits afhankelijk voorstel voornemen intentie ambitie
    streeft might may could would perhaps possibly maybe consider considers considering explore explores
    exploring uitgenodigd uitnodiging uitnodigingen nodigde nodigden nodigt verzoek verzocht invited invitation
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# Words that put something in the future (folded).
FUTURE = frozenset(
    """
    zal zullen gaat gaan volgt volgen komt komen gepland plant plannen planning binnenkort later toekomst
    toekomstige voorgenomen vervolg will upcoming planned
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# Auxiliaries of the past and the past forms of "zijn"/"hebben" (folded).
PAST = frozenset(
    """
    heeft hebben had hadden was waren werd werden vond vonden plaatsgevonden did
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# The simple past of common strong and irregular Dutch verbs (folded; general grammar, singular and
# plural). Left out: forms that are also common nouns or adjectives ("reden", "dronken", "wezen"), and
# the modals ("kon", "moest", "wilde"), which say what was possible or wanted.
STRONG_PAST = frozenset(
    """
    begon begonnen bleef bleven bood boden bracht brachten dacht dachten deed deden droeg droegen gaf gaven
    ging gingen greep grepen hield hielden hielp hielpen hing hingen kocht kochten koos kozen kreeg kregen
    kwam kwamen lag lagen las lazen leek leken liep liepen liet lieten nam namen ontving ontvingen riep
    riepen schreef schreven sloot sloten sloeg sloegen sprak spraken stond stonden bestond bestonden
    ontstond ontstonden trok trokken trof troffen viel vielen vloog vlogen vroeg vroegen wist wisten won
    wonnen zag zagen zat zaten zei zeiden zocht zochten zond zonden verliet verlieten verscheen verschenen
    besloot bezocht bezochten
    """.split()  # noqa: SIM905 - a word list reads better as text
)
_WEAK_PAST = re.compile(r"^(?!ge)\w{3,}ee?r(?:de|den)$")  # organiseerde, presenteerden, leerde


# An infinitive after "het" is a noun ("het indienen", "het organiseren van"): it names the act, it does
# not say it happened.
_NOMINAL = re.compile(r"\bhet $")


@dataclass(frozen=True)
class Predicate:
    """A predicate class found in a text, with the span of its words."""

    name: str
    start: int
    end: int


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    return {name: re.compile(r"\b(?:" + "|".join(parts) + ")") for name, parts in _CLASSES.items()}


def _folded_with_offsets(text: str) -> str:
    """The text folded character by character, so that offsets stay those of the text."""
    return "".join((fold(ch) or " ")[:1] if ch.strip() else " " for ch in text)


def predicates(text: str) -> list[Predicate]:
    """The predicate classes a text states, each with the span of its (first) words, in text order."""
    folded = _folded_with_offsets(text)
    found: list[Predicate] = []
    for name, pattern in _patterns().items():
        for m in pattern.finditer(folded):
            if _NOMINAL.search(folded, 0, m.start()) and m.group().endswith("en") and " " not in m.group():
                continue  # "de termijnen voor het indienen van aanvragen": a noun, nothing said to happen
            found.append(Predicate(name, m.start(), m.end()))
    return sorted(found, key=lambda p: (p.start, p.name))


def classes(text: str) -> set[str]:
    """The names of the predicate classes a text states."""
    return {p.name for p in predicates(text)}


def entailed(stated: set[str]) -> set[str]:
    """The classes stated and every class they include."""
    out = set(stated)
    for name in stated:
        out |= ENTAILS.get(name, frozenset())
    return out


_WORD = re.compile(r"[a-z0-9]+")


def folded_words(text: str) -> list[str]:
    """The folded words of a text."""
    return _WORD.findall(fold(text))


_WEAK_MODALS = frozenset({"kan", "kunnen", "kon", "konden", "can", "could"})


def hedged(text: str, *, modals: bool = False) -> bool:
    """Whether a text leaves open that something happens ("misschien", "wil", "zou"); with `modals` also "kan"."""
    return bool(set(folded_words(text)) & (HEDGES | _WEAK_MODALS if modals else HEDGES))


def future(text: str) -> bool:
    """Whether a text puts something in the future ("volgt", "zal", "gepland")."""
    return bool(set(folded_words(text)) & FUTURE)


def past(text: str) -> bool:
    """Whether a text says something happened ("heeft ... georganiseerd", "vond plaats", "hielden", "organiseerde")."""
    words = set(folded_words(text))
    return bool(words & (PAST | STRONG_PAST)) or any(_WEAK_PAST.match(w) for w in words)
