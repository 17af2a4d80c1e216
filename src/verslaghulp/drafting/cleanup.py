"""Deterministic clean-up of the model's list items before they are shown.

Small models mix categories: a fellow traveller listed as someone "met", a person's name listed as
a visited place. Code knows both from the notes and drops such items.
"""

from __future__ import annotations

import re

from verslaghulp.drafting.relevance import TRAVELLER_LABELS, fold, header_label, people_in_line
from verslaghulp.drafting.topics import is_party_question
from verslaghulp.facts.gazetteer import country_name_nl, lookup
from verslaghulp.facts.notes_facts import NotesFacts
from verslaghulp.report.forms import AnswerKind, Question
from verslaghulp.report.notes import Notes

_NAME_END = re.compile(r"\s*(?:[–—(,:]|\s-\s|$)")


def _item_name(item: str) -> str:
    """The leading name of an item such as 'Anna Smit – CIO Gent' or 'Anna Smit (CIO)'."""
    match = _NAME_END.search(item)
    return fold(item[: match.start()] if match else item).strip(" -.")


def traveller_lines(notes: Notes) -> list[str]:
    """The folded text of lines that list fellow travellers ("mee: ...")."""
    return [fold(line.text) for line in notes.lines if header_label(line.text) in TRAVELLER_LABELS]


# A name, perhaps with initials ("R. de Boer", "Noor Visser", "P. van Leeuwen").
_CAPITALISED_NAME = re.compile(
    r"(?:[A-ZÀ-Ý]\.[ \t]*)*(?:(?<=\.[ \t])(?:van|de|der|den|ter|ten)[ \t]+)*"
    r"[A-ZÀ-Ý][\w'’-]+(?:[ \t]+(?:(?:van|de|der|den|ter|ten|el|al|da|di|von|le|la)[ \t]+)*[A-ZÀ-Ý][\w'’-]+)*"
)


def party_evidence(notes: Notes) -> str | None:
    """The text the travelling party was counted from, when more than the writer went."""
    found = notes.facts.travellers
    return found.evidence if found is not None and found.count > 1 else None


def party_texts(facts: NotesFacts) -> list[str]:
    """The texts the party was read from: the count's evidence (also "solo trip") and an enumeration with the writer."""
    return [found.evidence for found in (facts.travellers, facts.party) if found is not None]


def fellow_travellers(notes: Notes) -> set[str]:
    """Folded names of the people who travelled with the writer: never people met.

    They come from the lines that list them ("mee: Femke de Groot") and from the words with which the
    notes say who travelled ("samen met collega Piet Jansen", "Wessel en ik"): the same text the
    travellers count rests on.
    """
    texts = [line.text for line in notes.lines if header_label(line.text) in TRAVELLER_LABELS]
    party = party_evidence(notes)
    if party:
        texts.append(party)
    listed = notes.facts.party
    if listed is not None:
        # "we waren met drie: ik, Ruben Smits en Hanna Vos": the count is stated, the names are listed.
        texts.append(listed.evidence)
    names: set[str] = set()
    for text in texts:
        body = text.split(":", 1)[1] if header_label(text) in TRAVELLER_LABELS and ":" in text else text
        for m in _CAPITALISED_NAME.finditer(body):
            name = m.group()
            if lookup(name) is None and fold(name) not in {"ik", "i", "mee", "samen", "met", "with"}:
                names.add(fold(name))
    return names


def is_fellow_traveller(item: str, travellers: set[str]) -> bool:
    """Whether a "people met" item names a fellow traveller or the writer.

    The full name, the first name alone, or the name with a role before it ("wethouder R. de Boer");
    "ikzelf (programmamanager)" is the writer.
    """
    name = _item_name(item)
    if fold(name.split()[0] if name else "") in _WRITER_WORDS:
        return True
    words = name.split()
    return bool(name) and any(
        name == t or name == t.split()[0] or t == words[0] or (len(t.split()) > 1 and name.endswith(" " + t))
        for t in travellers
    )


# The writer's words that name no one else at the start of an item; not the pronouns "I" and "me" of the
# party reader (`party_list.is_writer`), which open sentences such as "I met Elin Sjöberg ...".
_WRITER_WORDS = frozenset({"ik", "ikzelf", "mijzelf", "mezelf", "ondergetekende", "myself", "undersigned"})


def person_names(notes: Notes) -> set[str]:
    """Folded names of the people the notes name with a role, line by line, after any "label:" prefix."""
    return {fold(name) for line in notes.lines for name in people_in_line(line.text)}


def clean_items(question: Question, items: list[str], notes: Notes) -> list[str]:
    """Drop items that belong to another question: travellers among people met, people among places."""
    if question.kind is AnswerKind.PEOPLE and is_party_question(question):
        # Who travelled: a person the notes name who is no fellow traveller was met, not part of the party.
        met = person_names(notes) - fellow_travellers(notes)
        return [i for i in items if not (_item_name(i) and _item_name(i) in met)]
    if question.kind is AnswerKind.PEOPLE:
        travellers = fellow_travellers(notes)
        lines = traveller_lines(notes)
        return [
            i
            for i in items
            if not is_fellow_traveller(i, travellers) and not any(_item_name(i) and _item_name(i) in t for t in lines)
        ]
    if question.kind is AnswerKind.PLACES:
        people = person_names(notes)
        kept = [
            i for i in items if fold(i).strip(" .") not in people and _item_name(i) not in people and not _is_home(i)
        ]
        return _one_per_place([with_country(i) for i in kept])
    return items


def _one_per_place(items: list[str]) -> list[str]:
    """Drop an item that only names a city already listed ("Helsinki (land)" after "Helsinki (Finland)")."""
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        head = re.split(r"\s*[(,]", item, maxsplit=1)[0].strip(" .")
        place = lookup(head)
        if place is not None and not place.is_country:
            if place.name in seen:
                continue
            seen.add(place.name)
        out.append(item)
    return out


def _is_home(item: str) -> bool:
    # A foreign trip's visited places are abroad; "Den Haag" in a list item is where the official came from.
    place = lookup(item.strip(" ."))
    return place is not None and place.country_code == "NL"


def with_country(item: str) -> str:
    """'Wenen' -> 'Wenen (Oostenrijk)' for a known foreign city; the country comes from the gazetteer."""
    place = lookup(item.strip(" ."))
    if place is None or place.is_country or place.country_code == "NL" or "(" in item:
        return item
    return f"{item.strip(' .')} ({country_name_nl(place.country_code)})"
