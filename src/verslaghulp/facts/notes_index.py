"""Everything the grounding check needs to know about the notes, computed once per check."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field

from verslaghulp.facts.dates import DateMention, find_dates
from verslaghulp.facts.gazetteer import PlaceMention, find_places
from verslaghulp.facts.lexicon import NUMBER_WORDS, month_number, weekday_number
from verslaghulp.facts.normalise import fold, numbers_in, parse_quantity
from verslaghulp.facts.period import Period, extract_period
from verslaghulp.facts.quantities import extract_amounts, extract_times
from verslaghulp.facts.transport import TransportLeg, extract_transport_legs
from verslaghulp.facts.travellers import TravellerCount, count_travellers
from verslaghulp.facts.vocabulary import paraphrase_words

_WORD = re.compile(r"[^\W_]+")
HOME_WORDS = frozenset({"den", "haag", "haagse", "hagenaars", "gravenhage"})
_FOLDED_NUMBER_WORDS = {fold(w): v for w, v in NUMBER_WORDS.items()}


@dataclass(slots=True)
class NotesIndex:
    """Words, numbers, dates, places and derived values of the notes, folded for comparison."""

    text: str
    folded: str
    words: set[str]
    prefixes: set[str]
    numbers: set[float]
    dates: set[dt.date]
    month_days: set[tuple[int, int]]
    months: set[int]
    weekdays: set[int]
    years: set[int]
    times: set[float]
    amounts: set[float]
    places: set[str]  # gazetteer names of the cities and countries named
    country_codes: set[str]
    lines: list[str]
    written_weekdays: dict[tuple[int, int], int]  # weekday as the notes wrote it next to a date
    # (unit, value) -> how code derived it from the notes; the unit ("dag", "nacht", "persoon", "km")
    # keeps a derived 3 days from vouching for an invented "3 personen".
    derived: dict[tuple[str, float], str] = field(default_factory=dict)
    default_year: int | None = None
    # Words a report may write for the notes' shorthand, symbols and English ("in verband met" for
    # "ivm"); for the claim check only, never evidence for a name.
    paraphrases: set[str] = field(default_factory=set)
    # The words joined by spaces, for finding a word inside a longer one in a single pass.
    joined_words: str = ""


_SEPARABLE = frozenset(
    ("aan", "af", "bij", "door", "in", "mee", "na", "om", "op", "over", "terug", "toe", "uit", "voor")
)
# "mnd", "nov": abbreviated months count; "jan", "mar" and "may" are too often a name or a word.
_AMBIGUOUS_MONTHS = {"jan", "mar", "may"}
# "met z'n 2en", "met ons 3en": a count written as a number with the ending of "tweeën".
_COUNT_ENDING = re.compile(r"(?<![\w.,])(\d{1,2})(?:en|ën)\b")


_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])")


def _stem(word: str) -> str:
    """A participle without its "ge": "gepresenteerd" -> "presenteerd", "opgeleverd" -> "opleverd"."""
    i = word.find("ge", 0, 7)
    if i == 0 and len(word) >= 8:
        return word[2:]
    if i > 0 and word[:i] in _SEPARABLE and len(word) >= i + 7:
        return word[:i] + word[i + 2 :]
    return word


def _prefix_set(words: set[str]) -> set[str]:
    # Five-letter prefixes let "verkennen" in a draft match "verkenning" in the notes, and, through
    # the participle's stem, "presentatie" match "gepresenteerd"; shorter words must match whole.
    return {w[:5] for w in words if len(w) >= 6} | {s[:5] for w in words if len(s := _stem(w)) >= 6}


def build_index(notes: str, *, default_year: int | None = None) -> NotesIndex:
    """Index a text (notes, or reports cited together) for the grounding check."""
    mentions = find_dates(notes, default_year=default_year)
    period = extract_period(notes, default_year=default_year, mentions=mentions)
    return index_parsed(
        notes,
        mentions,
        find_places(notes),
        default_year=default_year,
        period=period,
        travellers=count_travellers(notes),
        legs=extract_transport_legs(notes),
    )


def index_parsed(
    notes: str,
    mentions: list[DateMention],
    places: list[PlaceMention],
    *,
    default_year: int | None = None,
    period: Period | None,
    travellers: TravellerCount | None,
    legs: list[TransportLeg],
) -> NotesIndex:
    """Index a text whose dates, places, period, party and legs are already read.

    The drafting pipeline reads the notes' facts once (`notes_facts`) and hands them here, so the
    grounding index derives its values (days, nights, travellers, km) from the same readings as the
    answers.
    """
    folded = fold(notes)
    word_list = _WORD.findall(folded)
    # Compounds written apart in the notes ("laser cutters") or together in the draft ("lasercutters"),
    # and the writer's own city, which any report may name.
    words = set(word_list) | {a + b for a, b in itertools.pairwise(word_list)} | HOME_WORDS
    times = extract_times(notes)
    # Day numbers inside dates and times are not numbers the notes state:
    # "11-12 okt" must not vouch for "12 ontwikkelaars".
    taken = [(m.start, m.end) for m in mentions] + [(q.start, q.end) for q in times]
    numbers = {v for v, s, e in numbers_in(notes) if not any(ts <= s and e <= te for ts, te in taken)}
    numbers |= {float(v) for w, v in _FOLDED_NUMBER_WORDS.items() if w in words}
    numbers |= {float(m.group(1)) for m in _COUNT_ENDING.finditer(notes)}
    # "1,520 km" in English notes is also 1520 (parse_quantity), as the kilometres answer reads it.
    numbers |= {v for m in _THOUSANDS.finditer(notes) if (v := parse_quantity(m.group())) is not None}
    dates = {m.date for m in mentions}
    years = {d.year for d in dates} | {int(v) for v in numbers if 1900 <= v <= 2100 and v == int(v)}
    index = NotesIndex(
        text=notes,
        folded=folded,
        words=words,
        prefixes=_prefix_set(words),
        numbers=numbers,
        dates=dates,
        month_days={(d.month, d.day) for d in dates},
        months={d.month for d in dates} | {m for w in words if (m := month_number(w)) and w not in _AMBIGUOUS_MONTHS},
        weekdays={d.weekday() for d in dates}
        | {wd for w in words if (wd := weekday_number(w)) is not None and len(w) > 3},
        years=years,
        times={q.value for q in times},
        amounts={q.value for q in extract_amounts(notes)},
        places={p.place.name for p in places} | {"The Hague"},
        country_codes={p.place.country_code for p in places} | {"NL"},
        written_weekdays={(m.date.month, m.date.day): m.weekday for m in mentions if m.weekday is not None},
        lines=[ln for ln in notes.splitlines() if ln.strip()],
        default_year=default_year or _trip_year(years, period),
        paraphrases=paraphrase_words(notes, folded, words),
        joined_words=" ".join(sorted(words)),
    )
    _derive(index, period, travellers, legs)
    return index


def _derive(
    index: NotesIndex, period: Period | None, travellers: TravellerCount | None, legs: list[TransportLeg]
) -> None:
    """Values code can compute from the notes: days and nights of the period, travellers, km totals."""
    if period:
        index.derived.setdefault(
            ("dag", float(period.days)), f"aantal dagen van {period.evidence} (begin en eind meegeteld)"
        )
        index.derived.setdefault(("nacht", float(period.nights)), f"aantal nachten van {period.evidence}")
    if travellers:
        index.derived.setdefault(("persoon", float(travellers.count)), travellers.how)
    km = [leg.km for leg in legs if leg.km is not None]
    if len(km) > 1:
        index.derived.setdefault(("km", float(sum(km))), "som van de kilometers in de aantekeningen")
    for leg_km in km:
        index.derived.setdefault(("km", leg_km * 2), "kilometers heen en terug (twee keer de enkele reis)")
        index.derived.setdefault(("km", leg_km / 2), "kilometers enkele reis (de helft van retour)")


def word_supported(index: NotesIndex, word: str, *, loose: bool = False) -> bool:
    """Whether a folded word occurs in the notes, allowing plural and adjective forms.

    `loose` also accepts a shared five-letter prefix ("verkennen" for "verkenning"); it is for
    ordinary words only, never for names, where "Blackmore" must not pass for "Blackwell".
    """
    if word in index.words:
        return True
    for suffix in ("s", "en", "n", "e", "er", "ers"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and word[: -len(suffix)] in index.words:
            return True
        if len(word) >= 3 and word + suffix in index.words:  # "CIO's" in the draft, "CIOs" in the notes
            return True
    if loose and len(word) >= 6 and word[:5] in index.prefixes:
        return True
    # "Haagse" for "Den Haag", "Europese" for "Europa": an adjective of a name.
    if word.endswith(("se", "sche")):
        stem = word[:-2] if word.endswith("se") else word[:-4]
        return len(stem) >= 4 and any(w.startswith(stem[:-1]) for w in index.words if len(w) >= len(stem) - 1)
    return False


def _trip_year(years: set[int], period: Period | None) -> int | None:
    """The year of the trip: that of its period, else the latest year named."""
    if period and not period.year_inferred:
        return period.start.year
    return max(years) if years else None
