"""Proper names as Dutch writes them: what a line names that no list of people, places or venues knows.

Dutch capitalises proper names and little else, so a capitalised word inside a sentence is a name:
an event ("London Tech Week", "VivaTech"), a programme ("Champion Mayors"), a district ("Zandvliet"),
an acronym ("SCEWC", "G5"). The first word of a line, of a sentence or after a label ("doel:") is
capitalised for another reason, and counts only when it looks like a name by its own letters (an
acronym, an inner capital or digit) or opens a run of capitalised words ("London Tech Week").
No list of names is involved, so the check works for a name nobody here has seen. German nouns are
capitalised too ("Kulturentwicklungsplan"); they are kept, which asks an answer to keep a word the
notes used.
"""

from __future__ import annotations

import re

from verslaghulp.facts.gazetteer import lookup
from verslaghulp.facts.lexicon import MONTH_RE, WEEKDAY_RE
from verslaghulp.facts.people import Mention

_WORD = r"[A-ZÀ-ÖØ-Þ0-9][\w’'&.+-]*"
# Small words inside a name: "Forum des villes numériques" is not caught whole, "Hub Criativo do Beato" is.
_JOIN = r"(?:van|de|der|den|het|des|du|do|da|di|del|della|la|le|of|the|for|and|und|für|am|an|op|aan|voor|&)"
_RUN = re.compile(rf"(?<![\w’'-]){_WORD}(?:[ \t]+(?:{_JOIN}[ \t]+)*{_WORD})*")
# What makes the next word capitalised by position: the line's start, a sentence end, a label, a bullet.
_OPENING = re.compile(r"(?:^|[.!?:;•>*(\[\"“]|\s[-–—])[ \t]*$")
_YEAR_OR_LONG = re.compile(r"^\d{4,}$|^\d+[.,/]")
_CALENDAR = re.compile(rf"^(?:{WEEKDAY_RE}|{MONTH_RE})\.?$", re.I)
# Words capitalised in notes for emphasis or by habit, never names on their own.
_COMMON = frozenset(
    """ik we wij je u hij zij ze een en of ook nog wel niet geen daarna verder
    i we you he she it they a an and or also then not no yes ok oké ja nee
    tel mail email e-mail info nb ps tip todo""".split()  # noqa: SIM905 - a word block reads better
)


# An article that opens a run belongs to the name ("The Hague", "De Doelen", "El Born").
_ARTICLES = frozenset({"the", "de", "het", "den", "le", "la", "les", "el", "il", "los", "las", "der", "die", "das"})


def _name_like(word: str) -> bool:
    # "SCEWC", "VivaTech", "G5", "e-Estonia" are names wherever they stand.
    inner = word[1:]
    return any(ch.isupper() for ch in inner) or (any(ch.isdigit() for ch in word) and any(ch.isalpha() for ch in word))


def proper_names(text: str) -> list[Mention]:
    """The proper names of one line, longest runs first in line order, without dates and plain numbers."""
    found: list[Mention] = []
    for match in _RUN.finditer(text):
        words = match.group().split()
        start = match.start()
        # Trailing punctuation is the sentence's, not the name's ("Zandvliet," "St." stays).
        while words and words[-1][-1:] in ".,;:" and not re.fullmatch(r"[A-Z][a-z]?\.", words[-1]):
            words[-1] = words[-1].rstrip(".,;:")
            if not words[-1]:
                words.pop()
        while words and (words[0].lower() in _COMMON or _CALENDAR.match(words[0]) or words[0].isdigit()):
            start = text.index(words[0], start) + len(words[0])
            words.pop(0)
        while words and (_CALENDAR.match(words[-1]) or _YEAR_OR_LONG.match(words[-1]) or words[-1].lower() in _COMMON):
            words.pop()  # "SCEWC 2025" names SCEWC; "Hangar 14" and "Maria 01" keep their number
        if not words or all(w.replace(".", "").isdigit() or w.lower() in _ARTICLES for w in words):
            continue  # "De" opening "De reis was lang" is no name
        start = text.index(words[0], start)
        positional = _OPENING.search(text[:start]) is not None
        opener = words[0]
        dropable = not _name_like(opener) and opener.lower() not in _ARTICLES and not lookup(opener)
        if positional and dropable:
            if len(words) == 1 or all(w.isdigit() for w in words[1:]):
                continue  # "Doel:", "Daarna", "Dag 2" open a line or a sentence; they name nothing
            # "Werkbezoek Tallinn", "Flew Aer Lingus": the first word is capitalised for opening the line.
            start = text.index(words[1], start + len(opener))
            words.pop(0)
        name = text[start : text.index(words[-1], start) + len(words[-1])]
        found.append(Mention(name, start, start + len(name)))
    return found
