"""A simple grammar check of model sentences: a verb where a noun must stand.

Small models write things like "heeft een winnen van de Smart City Award" or "de organiseerde
sessie". Two patterns catch these without a parser:
- "een" followed by an infinitive ("een winnen van", "een organiseren."): a word ending in "-en"
  after a consonant, followed by a preposition, an article, a stop or nothing, and not one of the
  common nouns and adjectives in "-en" ("een eigen", "een gouden", "een keuken", "een haven") nor a
  participle ("een gesloten");
- an article followed by a finite verb of the predicate lexicon ("de organiseerde", "het presenteert").
A sentence with such a pattern goes back to the model for one rewrite (see `repair`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from verslaghulp.facts.normalise import fold

_TOKEN = re.compile(r"[^\W\d_][\w'’\-]*|[.,;:!?]")
# Nouns, adjectives and numerals in "-en" that can follow "een" (folded; general Dutch, not a fit to any text).
_EN_WORDS = frozenset(
    """
    eigen gouden zilveren houten stenen ijzeren wollen open volwassen examen teken wapen keuken molen regen
    deken jongen wagen kussen vermogen verlangen wezen zegen verleden leven haven oven toren keten laken
    kuiken gebeuren streven eten weten token garden citizen kitchen
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# After an infinitive used as a noun comes a preposition, an article or the end: "een winnen van de ...".
_AFTER_VERB = frozenset(
    """
    van voor op in met aan bij over uit naar door de het een
    """.split()  # noqa: SIM905 - a word list reads better as text
)
_FINITE = re.compile(r"^(?:\w+eerde|\w+eerden|\w+eert|organiseer\w*|presenteer\w*|won|wonnen|keurde|besloot)$")
_ARTICLES = frozenset({"de", "het"})


@dataclass(frozen=True)
class GrammarIssue:
    """A stretch of a sentence that is not grammatical Dutch, with the reason (Dutch)."""

    start: int
    end: int
    text: str
    reason: str


def _infinitive(word: str) -> bool:
    return (
        len(word) >= 5
        and word.endswith("en")
        and word[-3] not in "aeiouy"  # "een steen", "een seizoen", "een miljoen"
        and word not in _EN_WORDS
        and not word.startswith("ge")  # "een gesloten overeenkomst": a participle as adjective
    )


def grammar_issues(sentence: str) -> list[GrammarIssue]:
    """Where a verb form stands after "een" or after an article."""
    tokens = list(_TOKEN.finditer(sentence))
    issues: list[GrammarIssue] = []
    for n, tok in enumerate(tokens[:-1]):
        word = fold(tok.group())
        nxt = tokens[n + 1]
        after = fold(tokens[n + 2].group()) if n + 2 < len(tokens) else "."
        following = fold(nxt.group())
        if word == "een" and _infinitive(following) and (after in _AFTER_VERB or not after[:1].isalnum()):
            span = (tok.start(), nxt.end())
            issues.append(GrammarIssue(*span, sentence[span[0] : span[1]], "geen correct Nederlands: een werkwoord "
                                       "na 'een'"))  # fmt: skip
        elif word in _ARTICLES and _FINITE.match(following) and not following.startswith("ge"):
            span = (tok.start(), nxt.end())
            issues.append(GrammarIssue(*span, sentence[span[0] : span[1]], "geen correct Nederlands: een "
                                       "werkwoordsvorm na een lidwoord"))  # fmt: skip
    return issues
