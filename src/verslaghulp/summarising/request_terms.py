"""What a request asks about, read by code: period, destinations, themes, topic phrases and questions.

"Schrijf een nieuwsbericht over wat onze smart city reizen in 2019-2025 hebben opgeleverd" asks for
trips in 2019-2025 about "smart city", and for what they yielded. The words of the genre ("schrijf",
"nieuwsbericht", "reizen", "opgeleverd") are not the topic; what remains is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from verslaghulp.archive.intent import intended_questions
from verslaghulp.archive.places import find_places
from verslaghulp.archive.themes import THEMES
from verslaghulp.facts.lexicon import MONTHS, STOPWORDS
from verslaghulp.report.parse import fold

# Words of the request's genre, task and form: never the topic (folded).
_GENRE_WORDS = frozenset(
    """
    schrijf schrijven maak maken geef geven stel opstellen graag kun kunt kan wil willen zou vat samen
    zet zetten noem noemen som beschrijf beschrijven licht toe toon tonen laat zien verzamel bundel orden
    benoem vertel vermeld breng brengen heen terug
    nieuwsbericht nieuwsberichtje bericht berichtje artikel artikeltje stuk stukje item nieuwsitem nieuwsbrief
    nieuwsbrieven viag intranet website samenvatting samenvatten managementsamenvatting management overzicht
    jaaroverzicht tabel vraag antwoord lijst opsomming kort korte beknopt beknopte
    reis reizen reisje dienstreis dienstreizen werkbezoek werkbezoeken bezoek bezoeken bezocht trip trips
    buitenland buitenlandse internationaal internationale gemaakt maakten gemaakte
    opgeleverd opleveren opleverden opleverde leverde leverden opbrengst opbrengsten resultaat resultaten
    geleerd leerden leren lessen les bracht brachten gebracht ervaring ervaringen inzicht inzichten
    afspraken afspraak afgesproken vervolg vervolgafspraken ontmoet ontmoetten gesproken spraken
    wie wanneer waar welke wat hoe waarom hoeveel
    medewerkers collega collegas ambtenaren gemeente den haag haagse onze ons we wij jullie
    periode jaar jaren maand maanden week weken laatste afgelopen recente alle elke ieder iedere
    over van in aan op met voor bij door per naar naast tussen sinds vanaf tot en of de het een
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# Fixed expressions of the task: "zet ... op een rij", "breng ... in kaart" ask for a list, they name no topic.
_TASK_PHRASES = re.compile(
    r"\bop (?:een )?(?:rij|rijtje)\b|\bin kaart\b|\bop papier\b"
    r"|\bop hoofdlijnen\b|\bin het kort\b|\bin een notendop\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<!\d)(19[89]\d|20[0-4]\d)(?!\d)")
_RANGE = re.compile(r"(?<!\d)(19[89]\d|20[0-4]\d)\s*(?:-|–|t/m|tot en met|tot)\s*(19[89]\d|20[0-4]\d)(?!\d)")
_SINCE = re.compile(r"\b(?:sinds|vanaf|na)\s+(19[89]\d|20[0-4]\d)(?!\d)", re.IGNORECASE)
# Plural and inflection endings dropped from a topic word, so that "tweelingen" finds "tweeling"
# and "drones" finds "dronedetectie" (topic words match at the start of a word).
_ENDINGS = ("en", "s")
# Topic words this long are specific enough to count inside a Dutch compound ("dienstverlening" in
# "publieksdienstverlening"), as the archive's themes do.
_INFIX_LENGTH = 10


@dataclass(frozen=True)
class Topic:
    """A topic phrase of the request and the pattern that finds it in a folded report text."""

    phrase: str
    pattern: re.Pattern[str]
    theme: str | None = None  # the archive theme the phrase names exactly, if any

    def found_in(self, folded_text: str) -> bool:
        """Whether the phrase occurs in a folded text (see `report.parse.fold`)."""
        return bool(self.pattern.search(folded_text))


@dataclass(frozen=True)
class RequestTerms:
    """What code reads from a request."""

    years: tuple[int, int] | None = None
    cities: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    questions: set[str] = field(default_factory=set)
    subjects: list[str] = field(default_factory=list)  # the topics as the request writes them (`subject_phrases`)

    @property
    def themes(self) -> list[str]:
        """Archive themes the request names exactly."""
        return list(dict.fromkeys(t.theme for t in self.topics if t.theme))


def request_years(text: str) -> tuple[int, int] | None:
    """The period a request names: "in 2021", "2019-2025", "tussen 2019 en 2025", "sinds 2022"."""
    if m := _RANGE.search(text):
        low, high = sorted((int(m.group(1)), int(m.group(2))))
        return low, high
    if m := _SINCE.search(text):
        return int(m.group(1)), 2100
    years = sorted({int(y) for y in _YEAR.findall(text)})
    return (years[0], years[-1]) if years else None


def _stem(word: str) -> str:
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 5:
            return word[: -len(ending)]
    return word


def _theme_named(phrase: str) -> str | None:
    """The theme a phrase names exactly ("drones", "digitale tweelingen", "CIO-netwerk"), else None."""
    for theme, words in THEMES.items():
        names = {fold(theme), *(fold(w) for w in words)}
        if phrase in names or _stem(phrase) in names or " ".join(_stem(w) for w in phrase.split()) in names:
            return theme
    return None


def _topic(words: list[str]) -> Topic:
    stems = [_stem(w) for w in words]
    head = "" if len(stems) == 1 and len(stems[0]) >= _INFIX_LENGTH else r"\b"
    pattern = re.compile(head + r"\w* ".join(re.escape(s) for s in stems))
    phrase = " ".join(words)
    return Topic(phrase=phrase, pattern=pattern, theme=_theme_named(phrase))


def _topic_word(word: str, skipped: set[str]) -> bool:
    """Whether a folded word can be part of a topic: not a genre or function word, month, year or skipped place."""
    return (
        len(word) >= 2
        and word not in _GENRE_WORDS
        and word not in STOPWORDS
        and word not in MONTHS
        and word not in skipped
        and not word.isdigit()
    )


def topic_phrases(text: str, *, skip: set[str] | None = None) -> list[Topic]:
    """Runs of words that are neither genre words, function words, months, years nor the places in `skip`."""
    skipped = skip or set()
    topics: list[Topic] = []
    current: list[str] = []
    # Split at punctuation too: "drones, AI en data" are three topics.
    for chunk in re.split(r"[,;:.!?()\"]+", _TASK_PHRASES.sub(",", text)):
        for word in [*fold(chunk).split(), ""]:
            if _topic_word(word, skipped):
                current.append(word)
                continue
            if current:
                topics.append(_topic(current))
                current = []
    return list({t.phrase: t for t in topics}.values())


# Function and genre words that may join two topic words into one subject ("drones boven de stad", "open
# data van de gemeente"); a coordinator ends it, and so do more than two of them in a row (folded).
_JOINING = (STOPWORDS | _GENRE_WORDS) - {"en", "of", "and", "or"}
_MAX_GAP = 2
_TOKEN = re.compile(r"[^\W_][\w'’\-]*|[^\w\s]")


def subject_phrases(text: str, *, skip: set[str] | None = None) -> list[str]:
    """The request's topics as it writes them, for a title or a lead.

    "drones boven de stad", not "drones boven" and "stad".

    Topic words (as in `topic_phrases`) joined over at most two function or genre words when a topic word
    follows; a coordinator ("en"), punctuation or a longer gap ends a subject. The request's own spelling
    is kept ("Smart City Expo").
    """
    skipped = skip or set()
    phrases: list[str] = []
    current: list[str] = []
    gap: list[str] = []
    for token in [*_TOKEN.findall(_TASK_PHRASES.sub(",", text)), ","]:
        word = fold(token)
        parts = word.split()  # "VIAG-nieuwsbrief", "2019-2025": every part must be a topic word
        topical = bool(parts) and token[:1].isalnum() and all(_topic_word(w, skipped) or len(w) < 2 for w in parts)
        if topical and len(word) >= 2:
            current += [*gap, token] if current else [token]
            gap = []
        elif current and word in _JOINING and len(gap) < _MAX_GAP:
            gap.append(token)
        elif current:
            phrases.append(" ".join(current))
            current, gap = [], []
    return list(dict.fromkeys(phrases))


def analyse_request(text: str) -> RequestTerms:
    """Read period, destinations, topics and the form questions asked about from a request."""
    cities, countries = find_places(text)
    named = cities or countries
    place_words = {w for name in (*cities, *countries) for w in fold(name).split()}
    return RequestTerms(
        years=request_years(text),
        cities=cities,
        # A city brings its country along; only a country named on its own restricts by country.
        countries=[] if cities else countries,
        topics=topic_phrases(text, skip=place_words if named else None),
        questions=intended_questions(text),
        subjects=subject_phrases(text, skip=place_words if named else None),
    )
