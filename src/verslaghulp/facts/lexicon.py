"""Dutch (and English) words for months, weekdays and numbers, as officials write them in notes."""

from __future__ import annotations

import re

# Full names and the abbreviations seen in notes ("nov", "okt.", "sept"); English names too,
# because notes copy event pages that are in English.
MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "febr": 2, "february": 2,
    "maart": 3, "mrt": 3, "mar": 3, "march": 3, "mrz": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "augustus": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

MONTH_NAMES_NL = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip

# Weekday index as datetime.date.weekday(): Monday is 0. Includes the "-avond/-ochtend" forms of the
# seeds ("zondagavond 27 april") and the two-letter abbreviations of agendas ("ma 15/11").
WEEKDAYS: dict[str, int] = {
    "maandag": 0, "ma": 0, "maa": 0, "monday": 0, "mon": 0,
    "dinsdag": 1, "di": 1, "din": 1, "tuesday": 1, "tue": 1, "tues": 1,
    "woensdag": 2, "wo": 2, "woe": 2, "wednesday": 2, "wed": 2,
    "donderdag": 3, "do": 3, "don": 3, "thursday": 3, "thu": 3, "thur": 3, "thurs": 3,
    "vrijdag": 4, "vr": 4, "vrij": 4, "friday": 4, "fri": 4,
    "zaterdag": 5, "za": 5, "zat": 5, "saturday": 5, "sat": 5,
    "zondag": 6, "zo": 6, "zon": 6, "sunday": 6, "sun": 6,
}  # fmt: skip

WEEKDAY_NAMES_NL = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")

# "een" is left out on purpose: it is far more often the article than the number one.
NUMBER_WORDS: dict[str, int] = {
    "één": 1, "eén": 1, "nul": 0, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
    "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14,
    "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19, "twintig": 20,
    "dertig": 30, "veertig": 40, "vijftig": 50, "honderd": 100, "duizend": 1000,
    "beide": 2, "tweeën": 2, "drieën": 3, "vieren": 4, "vijven": 5, "zessen": 6,
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "twelve": 12, "twenty": 20,
}  # fmt: skip

_DAY_SUFFIX = r"(?:avond|ochtend|middag|nacht|morgen)?"
WEEKDAY_RE = "(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + ")" + _DAY_SUFFIX + r"\.?"
# Only abbreviations take a dot ("okt."), so that a sentence-final "15 maart." keeps its full stop.
MONTH_RE = "(?:" + "|".join(m if len(m) > 4 else m + r"\.?" for m in sorted(MONTHS, key=len, reverse=True)) + ")"


def month_number(word: str) -> int | None:
    """Return the month (1-12) for a Dutch or English month name or abbreviation, else None."""
    return MONTHS.get(word.lower().rstrip("."))


def weekday_number(word: str) -> int | None:
    """Return the weekday (Monday 0) for a Dutch or English weekday word ("zondagavond" too), else None."""
    w = re.sub(_DAY_SUFFIX + r"\.?$", "", word.lower()) if len(word) > 3 else word.lower().rstrip(".")
    return WEEKDAYS.get(w)


def number_value(word: str) -> int | None:
    """Return the value of a Dutch or English number word ("drie" -> 3), else None."""
    return NUMBER_WORDS.get(word.lower())


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words and the form's own vocabulary: never evidence of an invented fact, so the claim
# check ignores them (folded, so without diacritics).
STOPWORDS = _word_set(
    """
    aan al alle alleen als ander andere anders bij binnen daar daarbij daarmee daarna daarnaast daarom dan dat
    de deze die dit door doordat echter een eens en enkele er erg etc even ge geen gehad genoeg geweest haar had
    hadden heb hebben heeft hem hen het hier hij hoe hun ieder iedere iets ik in is ja je jij jou jouw kan kon
    konden kunnen later maar me meer meest men met mij mijn minder moest moesten moet moeten na naar naast nadat
    namelijk nee niet niets nog nu of om omdat onder ons onze ook op over per reeds rond samen sinds slechts
    sommige steeds tegen ten ter terwijl tevens toch toe toen tot tussen u uit uw van vanaf veel verder via vier
    voor vooral voordat vorig waar waarbij waarin waarmee waren was wat we wel welk welke werd werden wie wij
    wil wilde worden wordt zal ze zelf zich zij zijn zo zoals zodat zonder zou zouden zullen the and for with
    from that this are was were will onder andere oa o.a bijvoorbeeld bv mbt dmv middels betreft gebied kader
    rondom ondanks wanneer hierbij hiervan gemeente reis dienstreis verslag nvt vermeld aantekeningen persoon
    personen dag dagen ca circa retour vertegenwoordiging verschillende diverse meerdere andere nieuwe eerste
    tweede mooie goede grote belangrijke beide heel zeer graag ongeveer totaal wij onze gezamenlijk gezamenlijke
    elkaar ervaring ervaringen
    """
)

# How any trip report talks about a trip: the form's own headings and the verbs and nouns every
# report uses for going, meeting, presenting and learning ("Het doel van de reis was de CIOs te
# ontmoeten"). They carry no fact the notes must contain, so the claim check does not count them;
# names, numbers and dates in the same sentence are still checked one by one.
REPORT_WORDS = _word_set(
    """
    doel doelen doelstelling reis reizen gereisd dienstreis werkbezoek ontmoeten ontmoet ontmoette ontmoetten
    ontmoeting ontmoetingen gesprek gesprekken gesproken spreken sprak spraken bijeenkomst bijeenkomsten deelname
    deelnemen deelgenomen deelnemer deelnemers kennis kennismaken kennismaking inzicht inzichten gemeente gemeenten
    gemeentelijk gemeentelijke stad steden stedelijk stedelijke wij we ons onze bezocht bezochte bezoek bezoeken
    bijgewoond bijwonen aanwezig aanwezigen besproken bespreken afgesproken gepresenteerd presentatie presentaties
    presenteren opgeleverd opleveren opbrengst opbrengsten leverde opleverde resultaat resultaten vervolg
    vervolgafspraak vervolgafspraken locatie locaties personen hoeveel hoelang duurde vervoersmiddel
    vervoersmiddelen vervoermiddel gemaakt vliegtuig bestemming bereikbaar vermelding toelichting uitzonderlijke
    situatie aantal afgelegde kilometers uitstoot equivalenten benoem functieomschrijving functie functies rol
    organisatie organisaties tijdens daarbij waarbij waarna hierover daarover hierin namens eveneens
    """
)

# Words that turn a sentence into a commitment; a commitment the notes do not contain is an
# invented promise, the kind officials fear most in a published report.
PROMISE_MARKERS = _word_set(
    """
    afgesproken afspraak afspraken toegezegd toezegging beloofd belooft belofte zal zullen gaat gaan komt komen
    organiseert organiseren financiert financieren financiering subsidie stuurt sturen levert leveren
    ondertekend ondertekenen tekent tekenen besloten besluit gepland plannen deadline uiterlijk committed agreed
    will promise investeert investeren betaalt betalen richt richten opgericht opzetten lanceert lanceren bouwt bouwen
    beschikbaar beschikking
    """
)
