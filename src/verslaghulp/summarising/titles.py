"""A news item's title: whole words only, within the length budget, every word spelled as the facts spell it.

The model answers with a list of words (`{"woorden": [...]}`), each a single word of bounded length
and at most `TITLE_WORDS[1]` of them, so a title can never be cut off in the middle of a word. Code
then spells each word from the facts it was given: a word the facts contain keeps the facts'
spelling ("smart city", "Wenen"); a misspelt one ("Vooruitgangs") becomes the facts' word it is
closest to ("vooruitgang"), and a word with no close match in the facts (nor among the few function
words a headline needs) rejects the title. A rejected title, or one over the character budget,
is replaced by code's own title: the topic and the destinations, with places dropped whole until
it fits. Either way the title is within budget by construction.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from verslaghulp.facts.lexicon import STOPWORDS
from verslaghulp.facts.normalise import fold
from verslaghulp.summarising.models import join_nl

TITLE_WORDS = (3, 9)
TITLE_WORD_CHARS = 24
TITLE_MAX_CHARS = 80
# One word: letters (with accents), digits, and the hyphen or apostrophe inside a word.
WORD_PATTERN = r"^[A-Za-zÀ-ÖØ-öø-ÿ0-9][A-Za-zÀ-ÖØ-öø-ÿ0-9'’-]{0,23}$"
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ0-9][A-Za-zÀ-ÖØ-öø-ÿ0-9'’-]*")
# Words a headline may use without the facts: articles, prepositions, conjunctions, the city's name.
_PROPER = {fold(w): w for w in ("Den", "Haag", "Haagse")}
HEADLINE_WORDS = frozenset(_PROPER) | frozenset(fold(w) for w in ("leert", "leren", "lessen")) | STOPWORDS
_CLOSE = 0.8  # difflib ratio above which a title word is taken as a misspelling of the facts' word


class Vocabulary:
    """The words of the facts, each with the spelling the facts use most (capitalised only if always so)."""

    def __init__(self, texts: Iterable[str], names: Iterable[str] = ()):
        inside: dict[str, Counter[str]] = {}
        first: dict[str, str] = {}
        for text in texts:
            for n, word in enumerate(_WORD.findall(text)):
                if n:
                    inside.setdefault(fold(word), Counter())[word] += 1
                else:  # a sentence's first word says nothing about the word's own capital
                    first.setdefault(fold(word), word if word[1:2].isupper() else word[0].lower() + word[1:])
        for name in names:  # places and other names: spelt as given
            for word in _WORD.findall(name):
                inside.setdefault(fold(word), Counter())[word] += 1
        self._forms = first | {k: c.most_common(1)[0][0] for k, c in inside.items()}

    def __contains__(self, word: str) -> bool:
        return fold(word) in self._forms

    def spell(self, word: str) -> str | None:
        """The facts' spelling of a word, of the closest word they contain, or None."""
        key = fold(word)
        if key in self._forms:
            return self._forms[key]
        if key in HEADLINE_WORDS:
            return _PROPER.get(key, word.lower())
        close = difflib.get_close_matches(key, list(self._forms), n=1, cutoff=_CLOSE)
        return self._forms[close[0]] if close else None


def spelled_title(words: Sequence[str], vocabulary: Vocabulary) -> str:
    """The model's title words joined and spelled from the facts; "" when a word is not theirs or it is too long."""
    out: list[str] = []
    for item in words:
        for word in _WORD.findall(item):
            spelled = vocabulary.spell(word)
            if spelled is None:
                return ""
            if not out or fold(spelled) != fold(out[-1]):  # "Den Den Haag"
                out.append(spelled)
    while out and fold(out[-1]) in STOPWORDS:  # a headline does not end on "van" or "en"
        out.pop()
    title = " ".join(out)
    if not TITLE_WORDS[0] <= len(out) <= TITLE_WORDS[1] or len(title) > TITLE_MAX_CHARS:
        return ""
    return title[0].upper() + title[1:]


def code_title(topics: Sequence[str], places: Sequence[str], max_chars: int = TITLE_MAX_CHARS) -> str:
    """Code's title from the topic and the destinations; places are dropped whole until it fits the budget."""
    about = join_nl(list(dict.fromkeys(topics[:2])))
    head = f"{about[0].upper()}{about[1:]}: wat" if about else "Wat"
    unique = list(dict.fromkeys(places))
    for count in range(len(unique), -1, -1):
        shown = unique[:count]
        rest = " en andere steden" if count < len(unique) and count else ""
        where = f" naar {', '.join(shown)}{rest}" if count < len(unique) and count else f" naar {join_nl(shown)}"
        title = f"{head} dienstreizen{where if shown else ''} opleverden"
        if len(title) <= max_chars:
            return title
    return "Wat de dienstreizen opleverden"
