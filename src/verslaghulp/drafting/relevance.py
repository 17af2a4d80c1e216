"""Which note lines are about which question: decided by code, before any model call.

Two signals: a header in the notes ("doel:", "Vervolg -", "wie gesproken:") opens a scope that
lasts until the next header; and the question's keywords (from the form file) found in a line.
A line may serve several questions;
any header (a day heading too) ends a scope. No relevant line means the notes do not answer the question.
"""

from __future__ import annotations

import re

from verslaghulp.drafting.topics import is_party_question, is_programme_question
from verslaghulp.facts.gazetteer import lookup
from verslaghulp.facts.lexicon import MONTH_RE, WEEKDAY_RE
from verslaghulp.facts.normalise import fold_case
from verslaghulp.facts.party_labels import is_party_label
from verslaghulp.facts.people import extract_people, extract_venues
from verslaghulp.report.forms import AnswerKind, Question
from verslaghulp.report.notes import NoteLine

_WORD = re.compile(r"[a-z0-9][a-z0-9'/-]*")
# A header is a short label at the start of a line, ended by ":" or a dash: "Doel:", "wie gesproken -".
# Abbreviated labels keep their dot ("opbr.:", "gespr. met:").
HEADER = re.compile(r"^\s*[-*•]?\s*(?P<label>[^\W\d][\w' /().]{1,30}?)\s*(?::|\s[-–]\s|\s[-–]$)")
# "Anna Smit – CIO", "Anna Smit (CDO Warschau)", "gesproken met Piet de Vries, adviseur"
TRAVELLER_LABELS = {"mee", "reisgenoten", "reisgenoot", "deelnemers", "with", "travellers"}
# A line that starts with a name followed by a dash ("Anna Smit – CIO") is not a "label:" header.
_PERSON_START = re.compile(r"^\s*[-*•]?\s*[A-Z][\w'.-]+\s+[A-Z][\w'-]+\s*[–—-]\s")


# Lower case without diacritics, for keyword matching (one implementation, in facts.normalise).
fold = fold_case


def _matches(word: str, keyword: str) -> bool:
    # Short keywords ("km", "ns", "mee") must match whole words; longer ones also match as a stem, and
    # long ones anywhere in a word, because Dutch writes compounds ("najaarsmeeting", "cio-bijeenkomst").
    if len(keyword) < 4:
        return word == keyword
    if len(keyword) >= 7:
        return keyword in word
    return word.startswith(keyword)


def keyword_hits(text: str, keywords: tuple[str, ...]) -> int:
    """Number of words in the text that match one of the keywords."""
    words = _WORD.findall(fold(text))
    folded = [fold(k) for k in keywords]
    return sum(1 for w in words if any(_matches(w, k) for k in folded))


def header_label(line: str) -> str | None:
    """The label if the line starts with a header such as "Doel:" or "Vervolg -"."""
    match = HEADER.match(line)
    return fold(match["label"]) if match else None


_MAX_HEADING_WORDS = 5
# Letters, with spaces and a few joiners between words: "afspraken na afloop", "wat levert het op?".
_BARE_HEADING = re.compile(r"^[^\W\d_](?:[^\W\d_]|[ '?&/-])*$")
_NAME_LIKE = re.compile(r"\b[A-Z][a-z]+\s+[A-Z][a-z]+")
# A day heading of day-by-day notes: "di 14/10", "=== ma 3/11 ===", "Dag 2", "Tuesday 16 Sept", "wo 4 juni:".
_DAY_HEADING = re.compile(
    rf"^(?:(?:{WEEKDAY_RE})\s*,?\s*)?(?:\d{{1,2}}[/.-]\d{{1,2}}(?:[/.-]\d{{2,4}})?|\d{{1,2}}\s+{MONTH_RE}(?:\s+\d{{4}})?)"
    r"[\s:.-]*$|^(?:dag|day)\s+\d{1,2}[\s:.-]*$",
    re.I,
)


# A bare line that opens with a negation states something ("geen vervolgafspraken"); it labels nothing.
_NEGATION_START = re.compile(r"^(?:geen|niets|niks|nee|no|none|nothing|not)\b", re.I)
LIST_ITEM = re.compile(r"^\s*(?:[-*•–>]|\d+[.)])\s")


def is_heading(text: str) -> bool:
    """A line that labels the lines below it: "vervolg:", "Wat hebben we eraan -", or a bare "opbrengst".

    A "label: content" line is not a heading (its content is on the line itself), nor is a name
    ("Tomas Novak") or anything with figures or brackets.
    """
    stripped = text.strip().strip("=#*_ ").strip()
    if _DAY_HEADING.match(stripped):
        return True
    label = header_label(stripped)
    if label is not None:
        return not stripped[len(label) :].strip(" :-–—").strip() or stripped.rstrip().endswith((":", "-", "–"))
    words = stripped.split()
    return (
        0 < len(words) <= _MAX_HEADING_WORDS
        and _NEGATION_START.match(stripped) is None
        and _BARE_HEADING.match(stripped) is not None
        and (stripped.isupper() or _NAME_LIKE.search(stripped) is None)
    )


def relevant_lines(question: Question, lines: list[NoteLine], all_questions: tuple[Question, ...]) -> list[NoteLine]:
    """The note lines that are about this question, in note order."""
    picked: list[NoteLine] = []
    in_scope = False
    bullets_only = False
    seen_item = False  # the scope holds list items: the first line after them that is none ends it
    title_label = header_label(lines[0].text) if lines else None
    if question.include_title and len(lines) > 2 and not is_question_header(title_label or "", all_questions):
        # Notes usually open with a title line ("Wenen - CGCC najaarsmeeting") that names the purpose; a
        # place before a dash ("Londen – werksessie LOTI") is part of the title, not a question's header.
        picked.append(lines[0])
        lines = lines[1:]
    for i, line in enumerate(lines):
        label = header_label(line.text)
        if label is None and _bare_heading(lines, i, all_questions):
            label = fold(line.text.strip(" =#*_"))
        item = in_scope and LIST_ITEM.match(line.text) is not None
        if label is not None and item and not is_question_header(label, all_questions):
            label = None  # "- Madrid: kennissessie" inside a "vervolg:" list is an item, not a new header
        if label is not None:
            # Any header ends the previous scope (day headers too). A question's own header opens one that
            # reaches the following lines when it stands alone ("Doel:"), else only following bullets.
            own = is_question_header(label, all_questions) and keyword_hits(label, question.keywords) > 0
            if own and question.kind is AnswerKind.PEOPLE and not is_party_question(question):
                own = not is_party_label(line.text)  # "Delegatie gemeente:" heads the party, not the people met
            in_scope, bullets_only, seen_item = own, not _header_stands_alone(line.text), False
            if own:
                picked.append(line)
                continue
        elif in_scope and seen_item and not LIST_ITEM.match(line.text):
            in_scope = False  # "- Noor Visser" / "Heen met de ICE ...": the list has ended
        elif in_scope and (not bullets_only or LIST_ITEM.match(line.text)):
            seen_item = seen_item or LIST_ITEM.match(line.text) is not None
            picked.append(line)
            continue
        else:
            in_scope = False
        if not _excluded(question, line.text) and (
            keyword_hits(line.text, question.keywords) > 0 or _kind_pattern(question, line.text)
        ):
            picked.append(line)
    return picked


def _bare_heading(lines: list[NoteLine], i: int, all_questions: tuple[Question, ...]) -> bool:
    """Whether a line without a colon or dash is a heading that starts a new section.

    A day heading ("wo 10/9"), a heading that names a question ("Ontmoet", "Vervolg") or one over a
    list ("Programma" above "- ..." lines) ends the scope before it. A short line inside a "Doel:"
    section ("kennismaking Digipolis") is content, not a heading.
    """
    text = lines[i].text
    if LIST_ITEM.match(text) or not is_heading(text):
        return False
    if _DAY_HEADING.match(text.strip().strip("=#*_ ").strip()):
        return True
    opens_list = i + 1 < len(lines) and LIST_ITEM.match(lines[i + 1].text) is not None
    return opens_list or is_question_header(fold(text.strip(" =#*_")), all_questions)


def _header_stands_alone(text: str) -> bool:
    match = HEADER.match(text)
    return match is not None and not text[match.end() :].strip()


def _excluded(question: Question, text: str) -> bool:
    # Fellow travellers ("mee: Jan, Piet") are not people the official met (they are the party's answer).
    listed = question.kind is AnswerKind.PEOPLE and header_label(text) in TRAVELLER_LABELS
    return listed and not is_party_question(question)


def is_question_header(label: str, questions: tuple[Question, ...]) -> bool:
    """Whether a header label names one of the form's questions (matches one of their keywords)."""
    return any(keyword_hits(label, q.keywords) > 0 for q in questions)


def _kind_pattern(question: Question, text: str) -> bool:
    if question.kind is AnswerKind.PEOPLE:
        if is_party_question(question):
            return header_label(text) in TRAVELLER_LABELS  # "mee: ...", "deelnemers: ..."
        return bool(people_in_line(text))
    if question.kind is AnswerKind.PLACES:
        return bool(extract_venues(text))
    if question.kind in (AnswerKind.FREE_TEXT, AnswerKind.LIST) and is_programme_question(question):
        # An account of the programme: the people met and the places visited, in note order.
        return bool(people_in_line(text) or extract_venues(text))
    return False


def people_in_line(text: str) -> list[str]:
    """Names of people written with a role in one line, after any "label:" prefix.

    A "name" containing a known place ("Dienstreis Wenen - CGCC...") is a title, not a person.
    """
    match = HEADER.match(text)
    if match and not _PERSON_START.match(text):
        text = text[match.end() :]
    return [p.name for p in extract_people(text) if not any(lookup(word) is not None for word in p.name.split())]
