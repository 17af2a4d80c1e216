"""Whether a person's role and organisation in a draft are the ones the notes give that person.

Every word of "Theo Blackwell – CDO Parijs" can occur somewhere in the notes while the combination
is wrong; this check looks only at the note lines that name the person.
"""

from __future__ import annotations

import re

from verslaghulp.facts.gazetteer import lookup
from verslaghulp.facts.lexicon import STOPWORDS
from verslaghulp.facts.normalise import fold
from verslaghulp.facts.notes_index import NotesIndex
from verslaghulp.facts.people import Person

# Job-title abbreviations and their spelled-out forms, so that a paraphrase is not flagged.
_EXPANSIONS: dict[str, tuple[str, ...]] = {
    "cio": ("chief information officer", "informatiemanager"),
    "cdo": ("chief digital officer", "chief data officer"),
    "cto": ("chief technology officer", "chief technical officer"),
    "ceo": ("chief executive officer", "directeur", "algemeen directeur", "founder"),
    "ciso": ("chief information security officer",),
    "adviseur": ("advisor", "adviser", "advisory"),
    "voorzitter": ("chairman", "chair", "president"),
    "directeur": ("director", "ceo"),
    "projectleider": ("project manager", "projectmanager", "project lead"),
    "burgemeester": ("mayor",),
    "wethouder": ("deputy mayor", "alderman"),
}
_WORD = re.compile(r"[^\W_]+")


def _person_lines(index: NotesIndex, person: Person) -> str:
    surname = fold(person.name).split()[-1]
    pattern = re.compile(rf"(?<!\w){re.escape(surname)}(?!\w)")
    picked: list[str] = []
    for i, line in enumerate(index.lines):
        if pattern.search(fold(line)):
            picked.append(line)
            if i + 1 < len(index.lines):  # notes often put the role on the next line
                picked.append(index.lines[i + 1])
    return fold(" ".join(picked))


def _word_near(word: str, near: str, near_words: set[str]) -> bool:
    if word in near_words or any(w.endswith(word) or word.endswith(w) for w in near_words if len(w) >= 5):
        return True
    if len(word) >= 6 and any(w.startswith(word[:5]) for w in near_words):
        return True
    if any(alt in near for alt in _EXPANSIONS.get(word, ())):
        return True
    # the reverse: notes write "CIO", the draft spells it out
    return any(word in alts and key in near_words for key, alts in _EXPANSIONS.items())


def role_supported(index: NotesIndex, person: Person) -> str | None:
    """Return a Dutch reason when the role or organisation is not the notes' for this person, else None.

    A person the notes do not name at all is left to the name check.
    """
    near = _person_lines(index, person)
    if not near:
        return None
    near_words = set(_WORD.findall(near))
    claimed = " ".join(x for x in (person.role, person.organisation) if x)
    missing: list[str] = []
    for word in _WORD.findall(fold(claimed)):
        if word in STOPWORDS or len(word) < 3 or word in ("bij", "van", "at", "the"):
            continue
        if _word_near(word, near, near_words):
            continue
        place = lookup(word)
        if place is not None and any(lookup(w) == place for w in near_words):
            continue  # "Wenen" in the draft, "Vienna" next to the name in the notes
        missing.append(word)
    if not missing:
        return None
    return f"'{' '.join(missing)}' staat in de aantekeningen niet bij {person.name}"
