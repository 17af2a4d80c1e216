"""The note lines each question of a form gets, decided once per draft.

Strong signals first (a question's own header scope, its keywords, the people or venues a line
names: `relevance.relevant_lines`). The lines no strong signal claims are routed by meaning
(`line_router`): a line goes to the question whose topic it is nearest to, when that is clear; a
header line that nothing claimed ("wat hebben we eraan:", "waarom niet de trein:") takes the lines
of its scope with it. What no question gets is listed in the draft as not used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from verslaghulp.archive.embeddings import TextEmbedder
from verslaghulp.drafting.cleanup import party_texts
from verslaghulp.drafting.code_answers import CODE_KINDS
from verslaghulp.drafting.injection import PLACEHOLDER, is_instruction
from verslaghulp.drafting.line_router import MIN_SCORE, Route, route_of, score_texts
from verslaghulp.drafting.relevance import LIST_ITEM, header_label, is_heading, is_question_header, relevant_lines
from verslaghulp.drafting.topics import is_party_question, topic_of
from verslaghulp.facts.dates import find_dates
from verslaghulp.facts.gazetteer import lookup
from verslaghulp.report.forms import AnswerKind, Form, Question
from verslaghulp.report.notes import NoteLine, Notes


@dataclass
class LineSelection:
    """Per question id the selected lines (note order), and how each routed line was decided."""

    lines: dict[str, list[NoteLine]]
    routed: dict[int, Route] = field(default_factory=dict)
    # Per line, the topics by the line router's score, best first (empty without routing by meaning).
    ranked: dict[int, tuple[str, ...]] = field(default_factory=dict)

    def for_question(self, question_id: str) -> list[NoteLine]:
        """The lines selected for one question."""
        return self.lines.get(question_id, [])

    def add(self, question_id: str, line: NoteLine) -> None:
        """Select one more line for a question, kept in note order."""
        chosen = {x.number: x for x in [*self.lines.get(question_id, []), line]}
        self.lines[question_id] = sorted(chosen.values(), key=lambda x: x.number)


def takes_routed_lines(question: Question) -> bool:
    """The questions a routed line can go to: those that word their lines, and the flight rule.

    The flight rule's code answer quotes the notes' own reason for flying ("Exception: Eurostar viel
    uit door een stroomstoring"); the other code answers read their own evidence.
    """
    return question.kind not in CODE_KINDS or question.kind is AnswerKind.FLIGHT_JUSTIFICATION


def select_lines(form: Form, notes: Notes, embedder: TextEmbedder | None) -> LineSelection:
    """The lines of each question: strong signals, then routing by meaning for the lines left over."""
    usable = [line for line in notes.lines if not is_instruction(line.text) and line.text != PLACEHOLDER]
    picked = {q.id: relevant_lines(q, usable, form.questions) for q in form.questions}
    party = [evidence.split("\n")[0] for evidence in party_texts(notes.facts)]
    for question in form.questions:
        if is_party_question(question):
            # Who travelled: the lines the party was counted from ("met Rik Janssens en Ilse Bakker", "solo trip").
            picked[question.id] += [line for line in usable if any(e in line.text for e in party)]
    selection = LineSelection(lines=picked)
    scored = score_texts([line.text for line in usable], embedder) if embedder is not None else None
    if scored is None:
        return selection
    centroids, rows = scored
    claimed: dict[int, list[str]] = {}
    for question_id, chosen in picked.items():
        for line in chosen:
            claimed.setdefault(line.number, []).append(question_id)
    by_topic: dict[str, list[str]] = {}
    model_written = {q.id for q in form.questions if takes_routed_lines(q)}
    for question in form.questions:
        if question.id in model_written:
            by_topic.setdefault(topic_of(question).id, []).append(question.id)
    scope: list[str] = []
    listed = False  # the heading's scope holds list items: it ends with the first line that is none
    for i, line in enumerate(usable):
        label = header_label(line.text)
        # A line under its writer's own label that names no question ("Wat hebben we eraan: ...", "opbr.:")
        # is routed by meaning as well: words in it that match a keyword do not say what the section is.
        # In a heading's list a bullet's label is an item ("- Madrid: kennissessie" under "vervolg:").
        item = bool(scope) and LIST_ITEM.match(line.text) is not None
        if scope and listed and not item and not is_heading(line.text):
            scope = []  # "Delegatie:" / "- ikzelf" / "- Noor Visser" / "Heen met de ICE ...": the list has ended
        listed = item or (listed and bool(scope))
        own_label = label is not None and not item and not is_question_header(label, form.questions)
        # Every line is routed: keywords and name patterns say a line touches a question, not that
        # it is not also about another one ("Urban Future Days, panels over ..." is a venue and the purpose).
        selection.routed[line.number] = route_of(rows[i], centroids)
        selection.ranked[line.number] = tuple(centroids.topics[int(j)] for j in np.argsort(rows[i])[::-1])
        if i == 0 and label is None and _names_the_trip(line.text):
            continue  # the title names the trip and opens no section (its claims come from the keywords)
        if is_heading(line.text):
            # A heading opens a scope: of the questions that claim it; else of the topic that the heading
            # and the lines below it are about together ("wat hebben we eraan:" over three outcomes);
            # else of none (a day heading ends the previous scope).
            if line.number in claimed:
                scope = [q for q in claimed[line.number] if q in model_written]
            else:
                route = route_of(rows[i : _scope_end(usable, i)].mean(axis=0), centroids)
                scope = by_topic.get(route.topic, []) if route.sure else []
                for question_id in scope:
                    picked[question_id].append(line)
            continue
        # Inside a scope the heading decides (a line may serve other questions as well); elsewhere an
        # unclaimed line follows its own route, when that is clear.
        own = selection.routed.get(line.number)
        routed = by_topic.get(own.topic, []) if own is not None and own.sure else []
        if own_label:
            scope = []  # a labelled line is a section of its own and ends the heading's scope
        targets = scope or routed if line.number not in claimed or own_label else [*scope, *routed]
        for question_id in targets:
            picked[question_id].append(line)
    _fill_empty(form, usable, picked, selection)
    for question_id, chosen in picked.items():
        picked[question_id] = sorted({line.number: line for line in chosen}.values(), key=lambda x: x.number)
    return selection


def _fill_empty(
    form: Form, usable: list[NoteLine], picked: dict[str, list[NoteLine]], selection: LineSelection
) -> None:
    """A model-written question that got no line takes the lines whose nearest topic is its own.

    "Niet vermeld" is a claim about the notes: before code makes it, a line whose best route is the
    question's topic, though not by a clear margin ("The trip gave us a shared-platform model"), is
    given to the question; the answer's checks apply to what the model makes of it.
    """
    for question in form.questions:
        if picked[question.id] or question.kind in CODE_KINDS:
            continue
        topic = topic_of(question).id
        for line in usable:
            route = selection.routed.get(line.number)
            ranked = selection.ranked.get(line.number, ())
            if route is not None and ranked[:1] == (topic,) and route.score >= MIN_SCORE and not is_heading(line.text):
                picked[question.id].append(line)


def _names_the_trip(text: str) -> bool:
    """Whether a first line is the trip's title: it names a place or a date ("web summit lissabon")."""
    words = re.findall(r"[^\W\d_][\w'’-]+", text)
    return bool(find_dates(text)) or any(lookup(w) is not None for w in words if len(w) > 3)


def _scope_end(lines: list[NoteLine], heading: int) -> int:
    """The index after the last line of a heading's scope (up to the next heading)."""
    end = heading + 1
    while end < len(lines) and not is_heading(lines[end].text):
        end += 1
    return end
