"""Who does what in a sentence: the parties it names (Den Haag, cities, organisations, people) and its subject.

Den Haag's reports speak of themselves as "we", "ons team", "de gemeente" or "Den Haag"; a summary
says "Den Haag", "de gemeente" or "medewerkers van de gemeente". All of them are one party, `HAAG`.
Other parties are names: runs of capitalised words ("Austro Control", "Greater London Authority"),
acronyms ("VNG") and "de gemeente Madrid" / "de stad Madrid" (Madrid).

The subject is found without a parser, by a rule that holds for Dutch main clauses: the first party
that no preposition governs ("In Wenen deelt Austro Control ... met Den Haag": Wenen follows "in",
Den Haag follows "met", so Austro Control), with the parties coordinated to it ("Madrid en Den
Haag"). "door X" in a passive sentence names the one who acts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from verslaghulp.facts.lexicon import STOPWORDS
from verslaghulp.facts.normalise import fold

HAAG = "den haag"
_TOKEN = re.compile(r"[^\W_][\w'’\-]*|[.,;:!?()\"]")
_HAAG_PHRASE = re.compile(
    r"(?:(?:de|het|een|één) )?(?:haagse|haags) (?:\w+ )?(?:delegatie|ambtenaar|ambtenaren|medewerkers?|team|"
    r"collega's|collegas|bestuurders?|wethouder|burgemeester|programma)"
    r"|(?:de )?(?:medewerkers|ambtenaren|collega's|delegatie|vertegenwoordigers?) van (?:de gemeente(?: den haag)?|den "
    r"haag)|(?:de )?gemeente den haag|den haag|'?s-gravenhage|ons team|onze gemeente|onze stad",
    re.IGNORECASE,
)
_HAAG_WORDS = frozenset({"we", "wij", "ik", "ons", "onze", "haagse", "haags", "mij", "our", "us"})
# A preposition before a party: it is not the subject. "als": "net als Londen".
PREPOSITIONS = frozenset(
    """
    aan bij in met naar op over van voor uit tot tussen namens volgens dankzij zoals via binnen buiten rond
    rondom onder tegen sinds vanuit richting per als tegenover naast achter langs from with to of at in by
    for
    """.split()  # noqa: SIM905 - a word list reads better as text
)
_PASSIVE = frozenset({"wordt", "werd", "worden", "werden", "is", "zijn", "was", "waren"})
_PASSIVE_STRICT = frozenset({"wordt", "werd", "worden", "werden"})  # only passive ("is" is also a copula)
# Words that open a subordinate clause: a passive after them is not the main clause's (folded).
_SUBORDINATING = frozenset(
    "dat die waar waarin waarmee waarbij waarvan waarop omdat zodat terwijl wanneer als of nadat voordat".split()  # noqa: SIM905
)
# Verbs of receiving: their subject gets, the party after "van" gives (folded).
_RECEIVING = frozenset({"krijgt", "krijgen", "kreeg", "kregen", "gekregen", "ontvangt", "ontving", "ontvingen"})
_SKIP_BEFORE = frozenset({"de", "het", "een", "gemeente", "stad", "regio", "provincie", "haven", "land", "the"})
_ARTICLES = frozenset({"de", "het", "een", "the"})
_PARTICLES = frozenset({"van", "de", "der", "den", "la", "del", "von", "y", "of", "for"})
_HEADS = frozenset({"gemeente", "stad"})
# A name before a colon labels what follows ("Madrid (Spanje): het stadhuis, ..."): it is not the subject.
_LABEL = re.compile(r"\s*(?:\([^)]*\))?\s*:")  # "de gemeente Madrid": the party is Madrid


@dataclass(frozen=True)
class Party:
    """A party named in a sentence: its key (folded name, or HAAG), span, and whether it is the subject."""

    key: str
    start: int
    end: int
    subject: bool = False
    # The grammatical subject of a passive without "door": the one something is done to ("X wordt
    # uitgenodigd"), not the one who acts.
    patient: bool = False

    def same(self, other: Party) -> bool:
        """Whether two mentions name the same party ("Austro Control" and "Control", "Kopenhaagse" and "Kopenhagen")."""
        a, b = self.key.split(), other.key.split()
        if self.key == other.key:
            return True
        if HAAG in (self.key, other.key):
            return False
        if set(a) <= set(b) or set(b) <= set(a):
            return True
        return adjective_of(self.key, other.key) or adjective_of(other.key, self.key)


_DOUBLE_VOWEL = re.compile(r"([aeiou])\1")


def adjective_of(adjective: str, name: str) -> bool:
    """Whether a folded word is the adjective of a place's name: "kopenhaagse" of "kopenhagen", "londense" of "londen".

    A Dutch place adjective is the name with "-s" or "-se" ("Amsterdamse", "Parijse"), its last syllable
    sometimes changed ("Kopenhaags"): the word less that ending shares all but its last two letters
    with the name (doubled vowels read as one).
    """
    if " " in adjective or " " in name or not adjective.removesuffix("e").endswith("s"):
        return False
    base = _DOUBLE_VOWEL.sub(r"\1", adjective.removesuffix("e")[:-1])
    plain = _DOUBLE_VOWEL.sub(r"\1", name)
    shared = next((n for n, (x, y) in enumerate(zip(base, plain, strict=False)) if x != y), min(len(base), len(plain)))
    return shared >= 4 and shared >= min(len(base), len(plain)) - 2


@dataclass(frozen=True)
class _Tok:
    text: str
    start: int
    end: int

    @property
    def folded(self) -> str:
        return fold(self.text)


def _tokens(text: str) -> list[_Tok]:
    return [_Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _capital(tok: _Tok) -> bool:
    return tok.text[:1].isupper()


def _governed(tokens: list[_Tok], index: int, passive: bool) -> bool:
    """Whether the word before a party (articles and heads skipped) is a preposition."""
    word = _governor(tokens, index)
    if word == "door":
        return not passive
    return word in PREPOSITIONS


def _governor(tokens: list[_Tok], index: int) -> str:
    """The folded word before a party, articles, heads and a noun in apposition skipped ("" at the start)."""
    n = index - 1
    while n >= 0:
        if tokens[n].folded in _SKIP_BEFORE:
            n -= 1
        elif n >= 1 and tokens[n].text.isalpha() and tokens[n].text.islower() and tokens[n - 1].folded in _ARTICLES:
            n -= 2  # a name in apposition to a noun: "van het netwerk Eurocities" is governed by "van"
        else:
            break
    return tokens[n].folded if n >= 0 else ""


def parties(text: str, known: Iterable[str] = ()) -> list[Party]:
    """The parties a sentence names, in order, with the subject marked.

    `known` are folded names that count also as a sentence's first word ("Madrid werkt ...").
    """
    names = set(known)
    tokens = _tokens(text)
    passive = any(t.folded in _PASSIVE for t in tokens)
    haag_spans = [(m.start(), m.end()) for m in _HAAG_PHRASE.finditer(text)]
    found: list[tuple[int, int, str, int]] = []  # start, end, key, first token index
    n = 0
    while n < len(tokens):
        tok = tokens[n]
        span = next(((s, e) for s, e in haag_spans if s <= tok.start < e), None)
        if span is not None:
            found.append((span[0], span[1], HAAG, n))
            while n < len(tokens) and tokens[n].start < span[1]:
                n += 1
            continue
        if tok.folded in _HAAG_WORDS:
            found.append((tok.start, tok.end, HAAG, n))
            n += 1
            continue
        first = n == 0 or tokens[n - 1].text in '.!?:"('
        multiword = n + 1 < len(tokens) and _capital(tokens[n + 1])  # "Stefan Gruber deelt ..."
        if (
            _capital(tok)
            and tok.text[:1].isalpha()
            and tok.folded not in STOPWORDS
            and (not first or tok.folded in names or tok.text.isupper() or multiword)
        ):
            end = n
            while end + 1 < len(tokens) and (
                _capital(tokens[end + 1])
                or (tokens[end + 1].folded in _PARTICLES and end + 2 < len(tokens) and _capital(tokens[end + 2]))
            ):
                end += 1
            key = " ".join(t.folded for t in tokens[n : end + 1])
            found.append((tok.start, tokens[end].end, key, n))
            n = end + 1
            continue
        alone = n + 1 == len(tokens) or not _capital(tokens[n + 1])
        if tok.folded == "gemeente" and alone and (n == 0 or tokens[n - 1].folded in {"de", "het"}):
            found.append((tok.start, tok.end, HAAG, n))  # "de gemeente" alone: Den Haag
        n += 1
    out: list[Party] = []
    subject_found = False
    governed_before = False
    for start, end, key, index in found:
        is_subject = False
        coordinated = bool(out) and _coordinated(text, out[-1].end, start)
        # "tussen Madrid en de Haagse delegatie": what is coordinated with a governed party is governed too
        governed = (
            (coordinated and governed_before) or _governed(tokens, index, passive) or bool(_LABEL.match(text, end))
        )
        if not subject_found and not governed:
            is_subject = subject_found = True
        elif subject_found and out and out[-1].subject and coordinated:
            is_subject = True
        governed_before = governed and not is_subject
        out.append(Party(key, start, end, is_subject))
    receiving = [n for n, t in enumerate(tokens) if t.folded in _RECEIVING]
    if receiving:
        # "krijgen van Den Haag": the "van" right after the verb (or after its subject), not "een demo van X"
        near = {index for *_, index in found if any(0 < index - n <= 4 for n in receiving)}
        return _agent(out, text, tokens, found, "van", near) or out
    if passive:
        agent = _agent(out, text, tokens, found, "door")
        if agent:
            return agent
        if _main_clause_passive(tokens):
            return [Party(p.key, p.start, p.end, False, patient=p.subject) for p in out]
    return out


def _main_clause_passive(tokens: list[_Tok]) -> bool:
    """Whether the passive auxiliary stands before the first subordinate clause ("..., waarin ... worden")."""
    for tok in tokens:
        if tok.folded in _PASSIVE_STRICT:
            return True
        if tok.folded in _SUBORDINATING or tok.text in ",;":
            return False
    return False


def _agent(
    out: list[Party],
    text: str,
    tokens: list[_Tok],
    found: list[tuple[int, int, str, int]],
    governor: str,
    allowed: set[int] | None = None,
) -> list[Party] | None:
    """The parties after `governor` as the ones acting, or None when no party follows it.

    In a passive sentence the party after "door" acts, not the grammatical subject: "Het protocol
    wordt door Stefan Gruber met Den Haag gedeeld" (Stefan Gruber shares it). After a verb of
    receiving the party after "van" gives: "Londen krijgt van Den Haag de scripts" (Den Haag sends
    them). Parties coordinated with the agent ("door Madrid en Wenen") act with it. `allowed`: the
    token indexes a party may start at to count.
    """
    agents = {
        n
        for n, (*_, index) in enumerate(found)
        if _governor(tokens, index) == governor and (allowed is None or index in allowed)
    }
    if not agents:
        return None
    for n in range(1, len(out)):
        if n - 1 in agents and _coordinated(text, out[n - 1].end, out[n].start):
            agents.add(n)
    return [Party(p.key, p.start, p.end, n in agents) for n, p in enumerate(out)]


def _coordinated(text: str, end: int, start: int) -> bool:
    words = fold(text[end:start]).replace(",", " ").split()
    return len([w for w in words if w in {"en", "and"}]) <= 1 and all(w in _ARTICLES | {"en", "and"} for w in words)


def subjects(text: str, known: Iterable[str] = ()) -> list[Party]:
    """The parties in subject position."""
    return [p for p in parties(text, known) if p.subject]


def known_names(texts: Iterable[str]) -> set[str]:
    """Folded words that the texts write with a capital inside a sentence: names, also at a sentence's start."""
    names: set[str] = set()
    for text in texts:
        tokens = _tokens(text)
        for n, tok in enumerate(tokens):
            if n and tokens[n - 1].text not in '.!?:"(' and _capital(tok):
                names.add(tok.folded)
    return names
