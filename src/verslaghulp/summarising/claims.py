"""Claim-level check: each summary sentence against the source sentence(s) it restates.

The facts layer checks the names, numbers, dates and places of a sentence. That passes "Den Haag
organiseerde het evenement" where the report says the event was approved, or "Den Haag won de award"
where it was nominated. So each sentence is first aligned to the sentences of its cited reports that
share the most content words (stemmed, so "digitale tweeling" meets "digitale tweelingen"), and then:
- **predicate**: every predicate class the sentence states (see `predicates`) must be stated, or
  included by a stronger one, in an aligned source sentence; a class no aligned sentence and nowhere
  the report states, or where the aligned sentence says something else, is a finding;
- **modality**: a sentence that states as done or certain what its aligned source clause only calls
  possible or intended, or still to come, is a finding;
- **actor**: the subject of the sentence must be the one who acts in the aligned source sentence: a
  different party ("Den Haag" for "Madrid") or a reversed hand-over ("A deelt met B" for "B deelt
  met A") is a finding.
A finding flags the words concerned, with the source sentence in the reason, and goes through the
same rewrite-or-flag route as an unsupported name or number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from verslaghulp.archive.places import find_places
from verslaghulp.facts.lexicon import MONTHS, STOPWORDS
from verslaghulp.facts.normalise import fold
from verslaghulp.facts.people import extract_people
from verslaghulp.summarising.actors import HAAG, Party, known_names, parties
from verslaghulp.summarising.passages import split_sentences
from verslaghulp.summarising.predicates import (
    FUTURE,
    HEDGES,
    STRONGER,
    classes,
    entailed,
    folded_words,
    hedged,
    past,
    predicates,
)

MIN_ALIGNMENT = 0.34  # share of a sentence's content words an aligned source sentence must have
STRONG_ALIGNMENT = 0.5  # ... to hold the sentence to that source sentence's subject and modality
RESTATED = 0.8  # a source sentence with this share says the sentence almost word for word
NEAR_BEST = 0.75  # source sentences this close to the best one count as aligned too
CLAUSE_COVERED = 0.5  # share of a hedged source clause the sentence must restate for its hedge to count
_DOUBLE_VOWEL = re.compile(r"([aeiou])\1")
# A form heading: capitals only ("ZIJN ER VERVOLGAFSPRAKEN?"), or a numbered question without a final stop
# ("7. Zijn er vervolgafspraken? Zo ja, welke"), or a Markdown heading.
_HEADING = re.compile(r"^[^a-z]*[A-Z]{3}[^a-z]*$|^\d{1,2}[.)]\s+[A-Z][^.]{0,100}(?<![.])$|^#{1,6}\s")
# What a sentence says was agreed or promised is still to come, like its source (folded words).
AGREED = frozenset({"afgesproken", "afspraak", "afspraken", "toegezegd", "belooft", "beloofd", "beloofde", "agreed"})
_CLAUSE = re.compile(r"[,;:()]|\s(?:en|maar|omdat|zodat|want|terwijl|waarna|waarbij|als|and|but)\s")
_ENDINGS = ("heden", "ingen", "ing", "ende", "den", "ten", "en", "de", "te", "es", "s", "e", "t", "d")
# A separable verb's participle has "ge" after its particle: "ingevoerd" (invoeren), "opgenomen" (opnemen).
_PARTICLES = "in|op|aan|af|uit|mee|over|door|toe|terug|samen|bij|na|om|weg|voor"
_PARTICLE_GE = re.compile(rf"^({_PARTICLES})ge(?=\w{{4}})")
_POINTING_BACK = frozenset(
    "dat dit die deze daarmee daarvoor daarbij daardoor daarom hiermee hiervoor hierbij hierdoor".split()  # noqa: SIM905
)
# Pronominal adverbs point back wherever they stand: "Dublin heeft daarvoor een meldpunt ingevoerd".
_POINTING_BACK_ANYWHERE = frozenset(w for w in _POINTING_BACK if w.startswith(("daar", "hier")))
# A sentence that says something is done already ("is al vernieuwd", "inmiddels opgenomen"); "al" before
# a determiner is "all" ("al het contact"), not "already".
_ALREADY = re.compile(
    r"\b(?:inmiddels|reeds|already)\b"
    r"|\bal\b(?!\s+(?:het|de|die|deze|dat|dit|onze|ons|zijn|hun|haar|mijn|jullie|wat|wie|met|meer)\b)"
)


def already(text: str) -> bool:
    """Whether a text says something is done already ("is al vernieuwd", "inmiddels opgenomen")."""
    return bool(_ALREADY.search(fold(text)))


# Light verbs, number words and units carry no claim of their own: a restatement chooses them freely
# ("gingen naar Dublin" for "werkbezoek aan Dublin", "twee reizigers" for "2 personen"); the numbers
# themselves are checked by the facts layer (folded forms, general Dutch).
LIGHT_WORDS = frozenset(
    """
    ga gaat gaan ging gingen gegaan doe doet doen deed deden gedaan maak maakt maken maakte maakten gemaakt
    zie ziet zien zag zagen gezien geef geeft geven gaf gaven gegeven krijg krijgt krijgen kreeg kregen
    gekregen neem neemt nemen nam namen genomen laat laten liet lieten gelaten sta staat staan stond stonden
    gestaan leg legt leggen legde legden gelegd breng brengt brengen bracht brachten gebracht
    vond vonden vindt plaats plaatsgevonden
    twee drie vier vijf zes zeven acht negen tien elf twaalf twintig dertig veertig vijftig honderd duizend
    beide enkele meerdere kilo kilogram kilometer kilometers uur uren minuut minuten procent
    """.split()  # noqa: SIM905 - a word list reads better as text
)
NOT_CONTENT = STOPWORDS | HEDGES | FUTURE | {"den", "haag", "haagse", "gemeente", "stad", "medewerkers"}


@dataclass(frozen=True)
class ClaimFinding:
    """A part of a sentence that its source sentence does not say: kind, span, words and reason (Dutch)."""

    kind: str  # "predicaat" | "actor"
    start: int
    end: int
    text: str
    reason: str


@cache
def stem(word: str) -> str:
    """A light Dutch stem: the longest common inflection ending removed, a doubled last consonant undone.

    Also the participle's "ge" ("gevolgd" meets "volgt", "ingevoerd" "invoeren") and doubled vowels
    ("stuurt" meets "sturen", "organiseerde" "organiseren"),
    which Dutch spelling doubles or not by syllable, not by meaning.
    """
    if word.startswith("ge") and len(word) >= 7:
        word = word[2:]
    word = _PARTICLE_GE.sub(r"\1", word)
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            word = word[: -len(ending)]
            break
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "aeiou":
        word = word[:-1]
    return _DOUBLE_VOWEL.sub(r"\1", word)


def content_stems(text: str) -> set[str]:
    """Stems of a text's content words (function words, hedges and Den Haag's own names left out)."""
    return {stem(w) for w in folded_words(text) if len(w) > 2 and w not in NOT_CONTENT and not w.isdigit()}


def _covers(stems: set[str], other: set[str]) -> float:
    """Share of `stems` that `other` has (a compound counts: "tweeling" in "tweelingaanpak")."""
    if not stems:
        return 0.0
    hits = sum(1 for s in stems if s in other or any(len(s) >= 5 and (o.startswith(s) or s.startswith(o))
                                                    and min(len(o), len(s)) >= 5 for o in other))  # fmt: skip
    return hits / len(stems)


def _joined_lines(lines: Sequence[str]) -> list[str]:
    """Lines with a sentence that runs on to the next line joined: text from a PDF or a narrow page wraps.

    A line that does not end a sentence (no final stop, question mark, colon) and is followed by one
    that starts in lower case goes on there: "... die storingen zelf meldt;" + "dit past bij ...".
    """
    out: list[str] = []
    for line in lines:
        stripped = line.strip()
        if (
            out
            and stripped[:1].islower()
            and out[-1].strip()
            and out[-1].rstrip()[-1:] not in ".!?:"
            and not _HEADING.match(out[-1].strip())
        ):
            out[-1] = out[-1].rstrip() + " " + stripped
        else:
            out.append(line)
    return out


_PARTICLE = re.compile(rf"^({_PARTICLES})(?=\w{{4}})")


def known_stem(word: str, source: SourceSentences) -> bool:
    """Whether a folded word's stem is in the source text (a compound counts, as in the alignment).

    A separable verb is one word in a summary's subordinate clause ("dat Den Haag een tekst aanlevert")
    and two in the report's main clause ("Den Haag levert een tekst aan"): the verb without its
    particle counts when the source has the particle as a word of its own.
    """
    if _covers({stem(word)}, source.stems) > 0:
        return True
    m = _PARTICLE.match(word)
    if m is None:
        return False
    return m.group(1) in source.words and _covers({stem(word[m.end() :])}, source.stems) > 0


class SourceSentences:
    """The sentences of one set of cited reports, with their content stems, for alignment."""

    def __init__(self, text: str):
        self.text = text
        self.sentences: list[str] = []
        # Sentences under a report's follow-up heading ("ZIJN ER VERVOLGAFSPRAKEN?") tell what is to come.
        self.to_come: set[str] = set()
        # Sentences under the purpose heading ("WAT WAS HET DOEL VAN DE REIS?") tell what was meant to happen.
        self.intended: set[str] = set()
        self._heading: dict[str, str] = {}  # the form question each sentence answers (folded)
        self._said: dict[str, set[str]] = {}
        heading = ""
        for line in _joined_lines(text.splitlines()):
            if _HEADING.match(line.strip()):
                heading = fold(line)
                continue
            for sentence in split_sentences(line):
                if len(folded_words(sentence)) >= 3:
                    self.sentences.append(sentence)
                    self._heading[sentence] = heading
                    if "vervolg" in heading:
                        self.to_come.add(sentence)
                    if "doel" in heading:
                        self.intended.add(sentence)
        self._stems = [content_stems(s) for s in self.sentences]
        # "Dat laatste willen we ook invoeren": a sentence that opens by pointing back says it of the one before.
        self._referent: dict[str, set[str]] = {}
        for n in range(len(self.sentences) - 1, 0, -1):
            opening = folded_words(self.sentences[n])
            if (opening[:1] and opening[0] in _POINTING_BACK) or set(opening) & _POINTING_BACK_ANYWHERE:
                self._referent[self.sentences[n]] = self._stems[n - 1]
                self._stems[n] = self._stems[n] | self._stems[n - 1]
        self.words = set(folded_words(text))
        self.stems = {stem(w) for w in self.words}  # every word of the text, headings included
        self.classes = entailed(classes(text))
        self.names = known_names(self.sentences)
        # Who belongs to whom: "Stefan Gruber – coördinator bij de stad Wenen" acts for Wenen.
        self.affiliations: dict[str, set[str]] = {}
        for person in extract_people(text):
            if person.organisation:
                words = set(folded_words(person.organisation)) - NOT_CONTENT
                self.affiliations.setdefault(" ".join(folded_words(person.name)), set()).update(words)

    def referent(self, sentence: str) -> set[str]:
        """The stems of what a source sentence points back to ("Dat laatste ..."): the sentence before it."""
        return self._referent.get(sentence, set())

    def said(self, sentence: str) -> set[str]:
        """The predicate classes a source sentence states, with those of the question it answers.

        The form's question frames its answer: a place listed under "Welke locaties zijn bezocht?" was
        visited, though the line only names it.
        """
        if sentence not in self._said:
            self._said[sentence] = entailed(classes(sentence) | classes(self._heading.get(sentence, "")))
        return self._said[sentence]

    def stating(self, name: str) -> list[str]:
        """The sentences that state a predicate class (or one that includes it)."""
        return [s for s in self.sentences if name in self.said(s)]

    def same_side(self, a: Party, b: Party) -> bool:
        """Whether two parties are one, or a person and the organisation they work for."""
        if a.same(b):
            return True
        return bool(set(a.key.split()) & self._employers(b)) or bool(set(b.key.split()) & self._employers(a))

    def _employers(self, party: Party) -> set[str]:
        words = set(party.key.split())
        return {w for person, org in self.affiliations.items() if words & set(person.split()) for w in org}

    def scored(self, sentence: str) -> list[tuple[float, str]]:
        """The source sentences that share enough of the sentence's content words, best first."""
        own = content_stems(sentence)
        scored = [(_covers(own, st), s) for st, s in zip(self._stems, self.sentences, strict=True)]
        return sorted((x for x in scored if x[0] >= MIN_ALIGNMENT), key=lambda x: -x[0])

    def aligned(self, sentence: str) -> list[tuple[float, str]]:
        """The source sentences the sentence restates, best first: the best and those near it."""
        return near_best(self.scored(sentence))


def near_best(scored: Sequence[tuple[float, str]]) -> list[tuple[float, str]]:
    """Of scored source sentences (best first), the best and up to two near it."""
    return [(score, s) for score, s in scored if score >= NEAR_BEST * scored[0][0]][:3] if scored else []


def _quote(text: str, limit: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"


def _predicate_findings(
    sentence: str, aligned: Sequence[tuple[float, str]], source: SourceSentences
) -> list[ClaimFinding]:
    out: list[ClaimFinding] = []
    said = [(s, source.said(s)) for _, s in aligned]
    for p in predicates(sentence):
        if any(p.name in found for _, found in said):
            continue
        weaker = STRONGER.get(p.name, frozenset())
        other = next(((s, found) for s, found in said if found & weaker), None)
        words = sentence[p.start : p.end]
        if other is not None:
            reason = f"het verslag zegt iets anders: '{_quote(other[0])}'"
        elif p.name not in source.classes:
            reason = f"het verslag zegt nergens dat dit gebeurde ('{words}')"
        elif not (stating := source.stating(p.name)) or hedged(sentence, modals=True):
            continue
        elif all(hedged(s) for s in stating):
            reason = f"het verslag noemt dit alleen als mogelijkheid of voornemen: '{_quote(stating[0])}'"
        elif _as_done(sentence) and all(_pending(s, source) for s in stating):
            reason = f"volgens het verslag moet dit nog gebeuren: '{_quote(stating[0])}'"
        else:
            continue  # the report says it somewhere, and the aligned sentence says nothing else
        out.append(ClaimFinding("predicaat", p.start, p.end, words, reason))
    return out


def _clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE.split(text) if c and c.strip()]


def _pending(sentence: str, source: SourceSentences) -> bool:
    """Whether a source sentence only calls something possible or intended, or still to come."""
    return bool(set(folded_words(sentence)) & (HEDGES | FUTURE)) or sentence in source.to_come


def _as_done(sentence: str) -> bool:
    """Whether a summary sentence states something as done: past tense, no hedge, nothing said to come."""
    words = set(folded_words(sentence))
    return past(sentence) and not hedged(sentence, modals=True) and not words & (FUTURE | AGREED)


def _modality_findings(
    sentence: str, scored: Sequence[tuple[float, str]], source: SourceSentences
) -> list[ClaimFinding]:
    """A source clause the sentence restates (half its content words or more) that is hedged or still to come.

    Only source sentences that share at least as much of the sentence as the best plain one (a fact,
    not to come) count: a sentence that restates a stated fact is not the plan or wish next to it; and
    where one says it almost word for word, only those that do.
    """
    if not scored or scored[0][0] < STRONG_ALIGNMENT or hedged(sentence, modals=True):
        return []
    own = content_stems(sentence)
    words = set(folded_words(sentence))
    floor = max((score for score, s in scored if not _pending(s, source)), default=0.0)
    if scored[0][0] >= RESTATED:
        floor = max(floor, RESTATED)  # a source sentence says it almost word for word: judged by that one
    for score, source_sentence in scored:
        if score < floor:
            break
        clauses = _clauses(source_sentence)
        referent = source.referent(source_sentence)
        for n, clause in enumerate(clauses):
            stems = content_stems(clause)
            if n == 0 and referent:  # "Dat laatste willen we ook": the sentence restates what it points back to
                if _covers(own, stems | referent) < CLAUSE_COVERED or not _covers(stems, own):
                    continue
            elif len(stems) < 2 or _covers(stems, own) < CLAUSE_COVERED:
                continue
            rest = content_stems(" ".join(clauses[:n] + clauses[n + 1 :]))
            if not {x for x in stems if _covers({x}, own)} - rest:
                continue  # what the sentence has of this clause, the rest of the source sentence says too
            clause_words = set(folded_words(clause))
            if clause_words & HEDGES:
                reason = f"het verslag noemt dit alleen als mogelijkheid of voornemen: '{_quote(source_sentence)}'"
                return [ClaimFinding("predicaat", 0, len(sentence), sentence, reason)]
            to_come = bool(clause_words & FUTURE) or source_sentence in source.to_come
            if to_come and not words & (FUTURE | AGREED) and past(sentence):
                reason = f"volgens het verslag moet dit nog gebeuren: '{_quote(source_sentence)}'"
                return [ClaimFinding("predicaat", 0, len(sentence), sentence, reason)]
            if (
                source_sentence in source.intended
                and already(sentence)
                and not already(source_sentence)
                and not words & (FUTURE | AGREED)
            ):
                reason = f"het verslag noemt dit als doel van de reis, niet als gedaan: '{_quote(source_sentence)}'"
                return [ClaimFinding("predicaat", 0, len(sentence), sentence, reason)]
    return []


# Words that deny what their clause says (folded). "niet alleen ... maar ook" adds instead.
NEGATIONS = frozenset({"geen", "niet", "nooit", "niets", "nergens", "noch", "zonder", "no", "not", "never", "without"})
_NOT_ONLY = re.compile(r"\bniet (?:alleen|enkel|slechts|uitsluitend)\b|\bnot only\b")


def negated(text: str) -> bool:
    """Whether a clause denies what it says ("Met CitySense is geen afspraak gemaakt")."""
    return bool(set(folded_words(_NOT_ONLY.sub(" ", fold(text)))) & NEGATIONS)


def _polarity_findings(
    sentence: str, scored: Sequence[tuple[float, str]], source: SourceSentences
) -> list[ClaimFinding]:
    """A sentence that affirms what the source clause it restates denies, or denies what it affirms.

    The clause judged is the one of each near-best aligned source sentence that the sentence restates
    most (at least half its content words); when every such clause has the other polarity than the
    sentence, "geen afspraak" has become "een afspraak" (or the reverse).
    """
    if not scored or scored[0][0] < STRONG_ALIGNMENT:
        return []
    own = content_stems(sentence)
    parts = [(c, content_stems(c)) for c in _clauses(sentence)]
    verdicts: list[tuple[bool, bool, str]] = []
    for score, source_sentence in scored:
        if score < NEAR_BEST * scored[0][0]:
            break
        clauses = [(c, content_stems(c)) for c in _clauses(source_sentence)]
        covered = [(_covers(stems, own), c, stems) for c, stems in clauses if len(stems) >= 2]
        best = max(covered, default=(0.0, "", set()), key=lambda x: x[0])
        if best[0] >= CLAUSE_COVERED:
            # the sentence's own clause that restates it: "geen toelichting nodig, omdat de reis 17 uur duurt"
            # restates "de reis duurt 17 uur" in its second clause, which denies nothing
            mine = negated(max(parts, key=lambda part: _covers(best[2], part[1]))[0])
            verdicts.append((negated(best[1]) != mine, mine, source_sentence))
    if not verdicts or not all(flipped for flipped, _, _ in verdicts):
        return []
    said = "bevestigt" if verdicts[0][1] else "ontkent"
    reason = f"het verslag {said} dit: '{_quote(verdicts[0][2])}'"
    return [ClaimFinding("predicaat", 0, len(sentence), sentence, reason)]


def _lower_words(text: str) -> list[str]:
    """The folded words a text writes in lower case: common nouns and verbs, not names."""
    return [fold(w) for w in _WORD_AT.findall(text) if w[:1].islower()]


def _same(party: Party, others: Sequence[Party], source: SourceSentences | None = None) -> bool:
    return any(source.same_side(party, o) if source else party.same(o) for o in others)


# Verbs that report a meeting, a conversation or what was seen or learnt: their subject is the one who
# met, heard or saw, not the one who did what the rest of the sentence tells (folded words).
REPORTING = frozenset(
    """
    sprak spraken spreekt spreken gesproken besprak bespraken besproken bespreekt praatte praatten overlegde
    overlegden ontmoette ontmoetten ontmoet hoorde hoorden gehoord zag zagen gezien ziet leerde leerden
    geleerd leert kennis kennismaking bezocht bezochten bezoekt bekeek bekeken bekijkt informeerde
    trof troffen getroffen
    """.split()  # noqa: SIM905 - a word list reads better as text
)
_COMPARING = frozenset({"als", "zoals", "evenals", "like"})  # "net als Londen", "zoals Madrid"
_COMPLEMENT = re.compile(r"\b(?:hoe|dat|wat|welke|waarom|waar|of|how|that|what)\s", re.IGNORECASE)


def _complement(sentence: str) -> str:
    """The clause after "hoe", "dat", ... ("Den Haag zag hoe Madrid ..."): what the sentence reports."""
    m = _COMPLEMENT.search(sentence)
    return sentence[m.end() :] if m else ""


# Nouns for Den Haag's own people: "de Haagse delegatie" is Den Haag acting, not something of Den Haag's (folded).
OWN_PEOPLE = frozenset(
    """
    delegatie delegaties ambtenaar ambtenaren medewerker medewerkers team teams collega collegas bestuurder
    bestuurders wethouder wethouders burgemeester gemeente afvaardiging vertegenwoordiger vertegenwoordigers
    """.split()  # noqa: SIM905 - a word list reads better as text
)
_WORD_AT = re.compile(r"[^\W\d_][\w'’\-]*")


def _owned_by_haag(sentence: str, party: Party) -> str | None:
    """The thing a sentence says is Den Haag's: the noun after "Haagse"/"Haags", or before "van Den Haag"."""
    words = folded_words(sentence[party.start : party.end])
    if words[:1] and words[0] in {"haagse", "haags"}:
        after = _WORD_AT.search(sentence, party.end)
        noun = folded_words(after.group())[0] if after and sentence[party.end : after.start()].strip() == "" else None
        return noun if noun and noun not in OWN_PEOPLE else None
    before = folded_words(sentence[: party.start])
    if words[:2] == ["den", "haag"] and len(before) >= 2 and before[-1] == "van" and before[-2] not in OWN_PEOPLE:
        return before[-2]
    return None


def _owner_findings(sentence: str, strong: Sequence[str], mine: Sequence[Party], names: set[str]) -> list[ClaimFinding]:
    """Something given to Den Haag ("de Haagse scripts") that the source sentence has of another party only."""
    for party in mine:
        if party.key != HAAG or party.subject:
            continue
        thing = _owned_by_haag(sentence, party)
        if not thing or len(thing) < 4:
            continue
        for source_sentence in strong:
            if stem(thing) not in content_stems(source_sentence):
                continue
            theirs = parties(source_sentence, names)
            others = [q for q in theirs if q.key != HAAG]
            if not others or len(others) < len(theirs):
                continue  # the source sentence names Den Haag too, or nobody
            who = " en ".join(dict.fromkeys(source_sentence[q.start : q.end] for q in others))
            reason = f"volgens het verslag hoort dit bij {who}, niet bij Den Haag: '{_quote(source_sentence)}'"
            words = sentence[party.start : party.end]
            return [ClaimFinding("actor", party.start, party.end, words, reason)]
    return []


def _tells_action(source_sentence: str) -> bool:
    """Whether a source sentence has a word that can tell an action.

    A label line ("Madrid (Spanje), 18-20 februari 2025") names a place and dates: nobody acts in it.
    """
    return any(len(w) > 2 and w not in STOPWORDS and w not in MONTHS for w in _lower_words(source_sentence))


def _actor_findings(sentence: str, aligned: Sequence[tuple[float, str]], source: SourceSentences) -> list[ClaimFinding]:
    strong = [s for score, s in aligned if score >= STRONG_ALIGNMENT and _tells_action(s)]
    if not strong:
        return []
    names = source.names | known_names([sentence])
    mine = parties(sentence, names)
    owned = _owner_findings(sentence, strong, mine, names)
    if owned:
        return owned
    subjects = [p for p in mine if p.subject]
    if not subjects:
        return []
    if all(p.key != HAAG and not set(p.key.split()) <= source.words for p in subjects):
        return []  # a party the reports never name ("de Deense hoofdstad"): the name check judges names
    described = {stem(w) for s in strong for w in _lower_words(s)}
    if all(p.key != HAAG and any(len(w) >= 5 and stem(w) in described for w in p.key.split()) for p in subjects):
        return []  # "De London Datastore heeft ...": the subject is the thing the source describes, not who acts
    around = set(folded_words(sentence[subjects[-1].end :])) | set(folded_words(sentence[: subjects[0].start]))
    if around & REPORTING:
        return []  # "Den Haag sprak met ... over ...", "In Wenen zag de gemeente ...": who met, not who did
    theirs_all = [parties(s, names) for s in strong]
    if any(_same(p, [q for q in theirs if q.subject], source) for theirs in theirs_all for p in subjects):
        return []  # some aligned sentence has the same one acting
    theirs = theirs_all[0]
    acting = [q for q in theirs if q.subject]
    if not acting:
        return _done_to(sentence, strong[0], subjects, theirs, source) or _elsewhere(
            sentence, strong[0], subjects, theirs, mine
        )
    who = " en ".join(dict.fromkeys(sentence[p.start : p.end] for p in subjects))
    them = " en ".join(dict.fromkeys(strong[0][q.start : q.end] for q in acting))
    if acting[0].key == HAAG:
        them = "Den Haag" if them.lower() in {"we", "wij", "ik", "ons"} else them
    inner = _complement(sentence)
    if inner and any(_same(q, [p for p in parties(inner, names) if p.subject], source) for q in acting):
        return []  # "Den Haag zag hoe Madrid ...": the claim is Madrid's, as in the source
    compared = [p for p in mine if (folded_words(sentence[: p.start])[-1:] or [""])[0] in _COMPARING]
    if any(_same(q, compared, source) for q in acting):
        return []  # "Den Haag wil, net als Londen, ...": the sentence itself gives the source's actor its part
    named_there = any(_same(p, theirs, source) for p in subjects)
    if named_there and not any(_same(q, mine, source) for q in acting):
        return []  # the source's actor is not in the sentence: it may say something else about the same party
    reason = f"volgens het verslag is het {them} die dit doet, niet {who}: '{_quote(strong[0])}'"
    first = subjects[0]
    return [ClaimFinding("actor", first.start, subjects[-1].end, sentence[first.start : subjects[-1].end], reason)]


def _done_to(
    sentence: str, source_sentence: str, subjects: Sequence[Party], theirs: Sequence[Party], source: SourceSentences
) -> list[ClaimFinding]:
    """A party the source sentence has something done to ("X wordt uitgenodigd") made the one doing it."""
    patients = [q for q in theirs if q.patient]
    acting = [p for p in subjects if _same(p, patients, source)]
    if not acting:
        return []
    who = source_sentence[patients[0].start : patients[0].end]
    reason = f"volgens het verslag doet {who} dit niet zelf, het verslag zegt het andersom: '{_quote(source_sentence)}'"
    first, last = acting[0], acting[-1]
    return [ClaimFinding("actor", first.start, last.end, sentence[first.start : last.end], reason)]


def _elsewhere(
    sentence: str, source_sentence: str, subjects: Sequence[Party], theirs: Sequence[Party], mine: Sequence[Party]
) -> list[ClaimFinding]:
    """Den Haag said to do what the source sentence, naming nobody acting, places in another city."""
    if not any(p.key == HAAG for p in subjects) or any(q.key == HAAG for q in theirs):
        return []
    places = [q for q in theirs if find_places(source_sentence[q.start : q.end])[0]]
    if not places or any(_same(q, mine) for q in places):
        return []
    where = source_sentence[places[0].start : places[0].end]
    first = subjects[0]
    reason = f"volgens het verslag gebeurt dit in {where}, niet bij Den Haag: '{_quote(source_sentence)}'"
    return [ClaimFinding("actor", first.start, subjects[-1].end, sentence[first.start : subjects[-1].end], reason)]


def check_claims(sentence: str, source: SourceSentences) -> list[ClaimFinding]:
    """What the sentence claims that its aligned source sentences do not: predicate, modality, actor."""
    scored = source.scored(sentence)  # aligned once; each check reads it
    aligned = near_best(scored)
    findings = _predicate_findings(sentence, aligned, source)
    if not findings:
        findings = _modality_findings(sentence, scored, source)
    if not findings:
        findings = _polarity_findings(sentence, scored, source)
    main, relatives = _relative_clauses(sentence, source.names | known_names([sentence]))
    for start, part in _main_clauses(main):
        # "Den Haag deelde ..., en Declan Moore geeft ...": each main clause has its own subject
        own = aligned if part == sentence else source.aligned(part)
        for f in _actor_findings(part, own, source):
            findings.append(ClaimFinding(f.kind, f.start + start, f.end + start, f.text, f.reason))
    for start, end, clause in relatives:
        for f in _actor_findings(clause, source.aligned(clause), source):
            findings.append(ClaimFinding(f.kind, start, end, sentence[start:end], f.reason))
    return findings


_RELATIVE = re.compile(r",\s+(?:die|dat|wie|waar|waarin|waarmee|waarvan|waarop|which|who|that)\s")
_SUBJECT_WORDS = 4  # an antecedent within the sentence's first words is the main clause's subject


def _relative_clauses(sentence: str, names: set[str]) -> tuple[str, list[tuple[int, int, str]]]:
    """The sentence without its relative clauses (blanked, so offsets stay), and each clause as a sentence.

    ", dat een stadsbreed model heeft gebouwd" after "Madrid" says what Madrid did: checked as "Madrid
    dat een stadsbreed model heeft gebouwd" (its antecedent acting), not as part of the main clause,
    whose subject may be another party. A clause after a thing ("Het netwerk, dat ...") is only
    taken out of the main clause.
    """
    main = sentence
    clauses: list[tuple[int, int, str]] = []
    for m in _RELATIVE.finditer(sentence):
        # Without a parser: after the subject ("Mette Lindholm, die ... leidt, komt ...") the clause ends at
        # the next comma, where the main clause goes on; after a later word it runs to the sentence's end.
        at_start = len(folded_words(sentence[: m.start()])) <= _SUBJECT_WORDS
        stop = re.compile(r"[,;]" if at_start else r";").search(sentence, m.end())
        end = stop.start() if stop else len(sentence.rstrip(" .!?"))
        main = main[: m.start() + 1] + " " * (end - m.start() - 1) + main[end:]
        before = parties(sentence[: m.start()], names)
        if before and sentence[before[-1].end : m.start()].strip() == "":
            antecedent = sentence[before[-1].start : before[-1].end]
            clauses.append((m.start() + 1, end, antecedent + " " + sentence[m.start() + 1 : end].strip()))
    return main, clauses


_MAIN_CLAUSE = re.compile(r";\s+|,\s+(?=(?:en|maar|terwijl)\s)")


def _main_clauses(sentence: str) -> list[tuple[int, str]]:
    """The sentence's coordinated main clauses with their offsets ("A doet X, en B doet Y"; "...; ...")."""
    parts: list[tuple[int, str]] = []
    start = 0
    for m in _MAIN_CLAUSE.finditer(sentence):
        parts.append((start, sentence[start : m.start()]))
        start = m.end()
    parts.append((start, sentence[start:]))
    if len(parts) == 1 or any(len(folded_words(p)) < 4 for _, p in parts):
        return [(0, sentence)]
    return parts
