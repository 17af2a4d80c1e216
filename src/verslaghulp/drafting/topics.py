"""What each question of a form is about, so that a form written without keyword lists drafts as well.

The built-in Den Haag form is the vocabulary of topics: every question of another form is matched to
the built-in question it asks (by kind where only one built-in question has that kind, else by the
meaning of its heading and guidance through the e5 model), and inherits that question's keywords. A
new municipality's form then needs headings, kinds, guidance and follow-ups only.
"""

from __future__ import annotations

import re
from functools import cache

from verslaghulp.archive.embeddings import TextEmbedder, default_embedder
from verslaghulp.facts.normalise import fold
from verslaghulp.report.forms import DEFAULT_FORM_ID, AnswerKind, Form, Question, load_form

TOPIC_FORM_ID = DEFAULT_FORM_ID


@cache
def _topic_questions() -> tuple[Question, ...]:
    return load_form(TOPIC_FORM_ID).questions


def _describe(question: Question) -> str:
    # A built-in question's keywords say in many words what it is about; a new form's have none.
    words = ", ".join(question.keywords[:12])
    return f"{question.heading.capitalize()} {question.guidance} {words}".strip()


def topic_of(question: Question, embedder: TextEmbedder | None = None) -> Question:
    """The built-in question this question asks: same id, the one built-in question of its kind, or the nearest."""
    builtins = _topic_questions()
    for q in builtins:
        if q.id == question.id and q.kind is question.kind:
            return q
    open_kinds = (AnswerKind.FREE_TEXT, AnswerKind.LIST)
    same_kind = [q for q in builtins if q.kind is question.kind]
    if question.kind is AnswerKind.PEOPLE:
        # A list of people is either the people met or the party that travelled ("Deelnemer(s)": the
        # officials who went, Den Haag asks only their number): decided by meaning, like the open kinds.
        candidates = [q for q in builtins if q.kind in (AnswerKind.PEOPLE, AnswerKind.COUNT)]
    elif len(same_kind) == 1 and question.kind not in open_kinds:
        return same_kind[0]
    else:
        # Free text and lists: purpose, results or agreements. Choose among all of them, since one form's
        # "wat levert het op" is a free-text question where Den Haag asks for a list.
        # A free-text account of the programme ("Verslag van het programma ... en wie u heeft gesproken")
        # is about the people met or the places visited: those topics are candidates too.
        candidates = [q for q in builtins if q.kind in (*open_kinds, AnswerKind.PEOPLE, AnswerKind.PLACES)]
    scores = _similarities(_describe(question), tuple(_describe(q) for q in candidates), embedder)
    # e5-small ranks such short headings within a few hundredths of each other, so a heading word that
    # shares its first five letters with a topic's keyword ("Resultaten", "resultaat") also counts.
    words = {w[:5] for w in re.findall(r"[a-z]{5,}", fold(question.heading))}
    bonus = [0.03 * len(words & {fold(k)[:5] for k in q.keywords if len(k) >= 5}) for q in candidates]
    best = max(range(len(candidates)), key=lambda i: scores[i] + bonus[i])
    return candidates[best]


def _similarities(text: str, options: tuple[str, ...], embedder: TextEmbedder | None) -> list[float]:
    if embedder is None:
        return _similarities_cached(text, options)
    return _score(embedder, text, options)


def _score(embedder: TextEmbedder, text: str, options: tuple[str, ...]) -> list[float]:
    # The new question as e5's "query", the built-in descriptions as "passages": the asymmetric use
    # the model was trained for.
    return [float(x) for x in embedder.passages(list(options)) @ embedder.query(text)]


@cache
def _similarities_cached(text: str, options: tuple[str, ...]) -> list[float]:
    return _score(default_embedder(), text, options)


def is_party_question(question: Question) -> bool:
    """A list of people that asks who travelled (the party), not whom they met."""
    return question.kind is AnswerKind.PEOPLE and topic_of(question).kind is AnswerKind.COUNT


def is_programme_question(question: Question) -> bool:
    """A free-text or list question about what happened: its topic is the people met or the places visited."""
    open_kinds = (AnswerKind.FREE_TEXT, AnswerKind.LIST)
    return question.kind in open_kinds and topic_of(question).kind in (AnswerKind.PEOPLE, AnswerKind.PLACES)


def with_topics(form: Form, embedder: TextEmbedder | None = None) -> Form:
    """The form with every question that has no keywords given those of its topic (and its title rule)."""
    if all(q.keywords for q in form.questions):
        return form
    questions = []
    for question in form.questions:
        if question.keywords:
            questions.append(question)
            continue
        topic = topic_of(question, embedder)
        questions.append(question.model_copy(update={"keywords": topic.keywords, "include_title": topic.include_title}))
    return form.model_copy(update={"questions": tuple(questions)})
