"""Which note lines each question gets: headings, keywords, and routing by meaning (real e5 model)."""

from __future__ import annotations

import pytest

from verslaghulp.archive.embeddings import default_embedder
from verslaghulp.drafting.line_router import MIN_MARGIN, MIN_SCORE, stored_centroids
from verslaghulp.drafting.relevance import is_heading
from verslaghulp.drafting.selection import select_lines
from verslaghulp.drafting.topics import topic_of, with_topics
from verslaghulp.report.forms import AnswerKind, Form, Question, load_form
from verslaghulp.report.notes import parse_notes


def _texts(form: Form, notes: str, question_id: str) -> list[str]:
    selection = select_lines(form, parse_notes(notes), default_embedder())
    return [line.text for line in selection.for_question(question_id)]


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("vervolg", True),
        ("afspraken na afloop", True),
        ("wat levert het op?", True),
        ("Wat hebben we eraan:", True),
        ("=== di 14/10 ===", True),
        ("Tuesday 16 Sept", True),
        ("doel: overleg met de stad Gent", False),
        ("Tomas Novak (CTO Bratislava)", False),
        ("- Lars stuurt hun inkoopvoorwaarden", False),
    ],
)
def test_headings_label_the_lines_below_them(text: str, heading: bool) -> None:
    assert is_heading(text) is heading


def test_a_heading_no_keyword_knows_takes_the_lines_of_its_scope_to_its_topic() -> None:
    notes = (
        "Kopenhagen, Eurocities forum\n"
        "wat hebben we eraan:\n"
        "- hun aanpak bij aanbestedingen kunnen we één op één overnemen\n"
        "- een netwerk van steden dat hetzelfde probleem heeft\n"
        "di 3/6\n"
        "- plenaire sessie in het stadhuis\n"
    )
    form = load_form("denhaag-2025")
    opbrengst = _texts(form, notes, "opbrengst")
    assert "- hun aanpak bij aanbestedingen kunnen we één op één overnemen" in opbrengst
    assert "- een netwerk van steden dat hetzelfde probleem heeft" in opbrengst
    assert "- plenaire sessie in het stadhuis" not in opbrengst  # the day heading ended the scope


def test_a_claimed_heading_reaches_lines_another_question_also_claims() -> None:
    notes = "vervolg\n- Noor zet een kennissessie op met Andres Kask (okt)\n"
    assert "- Noor zet een kennissessie op met Andres Kask (okt)" in _texts(load_form("denhaag-2025"), notes, "vervolg")


def test_lines_without_any_signal_are_routed_by_meaning() -> None:
    # No header, no keyword of the purpose question: only the meaning of the line says it.
    notes = "Stockholm\nUrban Future Days, panels over klimaatadaptatie en stedelijk groen\nhotel bij het station\n"
    form = load_form("denhaag-2025")
    routed = select_lines(form, parse_notes(notes), default_embedder()).routed
    assert routed, "no line was routed"
    assert "Urban Future Days, panels over klimaatadaptatie en stedelijk groen" in _texts(form, notes, "doel")


def test_routing_can_be_turned_off() -> None:
    notes = "Stockholm\nUrban Future Days, panels over klimaatadaptatie\n"
    selection = select_lines(load_form("denhaag-2025"), parse_notes(notes), None)
    assert not selection.routed


def test_the_stored_centroids_come_from_the_dev_split() -> None:
    centroids = stored_centroids()
    assert centroids is not None
    assert centroids.source.startswith("eval/sets/drafting.yaml")  # never the held-out test split
    assert {"doel", "locaties", "ontmoet", "opbrengst", "vervolg"} <= set(centroids.topics)
    assert 0 < MIN_MARGIN < MIN_SCORE < 1


def test_a_form_without_keywords_inherits_them_from_its_topics() -> None:
    def q(qid: str, heading: str, kind: AnswerKind, guidance: str = "") -> Question:
        return Question(id=qid, heading=heading, kind=kind, guidance=guidance, follow_up="?")

    form = Form(
        id="almere-test",
        title="Verslag",
        organisation="Gemeente Almere",
        questions=(
            q("deelnemers", "Aantal meereizende ambtenaren", AnswerKind.COUNT),
            q("reisdoel", "Reisdoel", AnswerKind.FREE_TEXT, "Waarom werd de reis gemaakt?"),
            q("opbrengst_almere", "Wat levert het op voor Almere", AnswerKind.LIST, "Kennis en contacten"),
            q("afspraken", "Afspraken en vervolgstappen", AnswerKind.LIST, "Welke afspraken zijn gemaakt?"),
        ),
    )
    topical = with_topics(form)
    assert [topic_of(x).id for x in topical.questions] == ["personen", "doel", "opbrengst", "vervolg"]
    assert all(x.keywords for x in topical.questions)
    notes = "Almere naar Lyon\nafspraken:\n- Lyon stuurt hun handleiding voor 1 juli\n"
    assert "- Lyon stuurt hun handleiding voor 1 juli" in _texts(topical, notes, "afspraken")


def test_the_title_opens_no_section() -> None:
    # A title that names the trip is no heading over the notes: each line below it still goes its own way.
    notes = (
        "web summit lissabon\nik + 2 collega's\ndoel: Web Summit bezoeken ivm startup-beleid\n"
        "opbr.: 14 leads voor het Haagse startupprogramma, vergelijking van subsidievormen\n"
    )
    form = load_form("denhaag-2025")
    assert "opbr.: 14 leads voor het Haagse startupprogramma, vergelijking van subsidievormen" in _texts(
        form, notes, "opbrengst"
    )
    assert "ik + 2 collega's" not in _texts(form, notes, "doel")


def test_a_line_under_the_writers_own_label_is_routed_by_meaning() -> None:
    # "Wat hebben we eraan" names no question; keywords in the content ("met") do not decide the section.
    notes = (
        "Frankfurt - Urban Data Days 2025\nGesprekken:\n- Jonas Becker, projectleider data bij Mainova\n"
        "Wat hebben we eraan: model-datadeelovereenkomst van Frankfurt met de netbeheerder; idee om "
        "woningcorporaties als eerste aan te sluiten\n"
    )
    assert any(t.startswith("Wat hebben we eraan") for t in _texts(load_form("denhaag-2025"), notes, "opbrengst"))


def _question(qid: str, heading: str, kind: AnswerKind, guidance: str = "") -> Question:
    return Question(id=qid, heading=heading, kind=kind, guidance=guidance, follow_up="?")


def test_a_people_question_is_either_the_party_or_the_people_met_and_a_programme_takes_both() -> None:
    from verslaghulp.drafting.items import units_for
    from verslaghulp.drafting.topics import is_party_question, is_programme_question
    from verslaghulp.report.notes import parse_notes

    form = with_topics(Form(id="zwolle-test", title="Verslag", organisation="Gemeente Zwolle", questions=(
        _question("deelnemers", "Deelnemers", AnswerKind.PEOPLE, "De medewerkers van de gemeente die meereisden."),
        _question("gesprekspartners", "Gesprekspartners", AnswerKind.PEOPLE, "Wie u heeft gesproken, met functie."),
        _question("programma", "Verslag van het programma", AnswerKind.FREE_TEXT,
                  "Wat u heeft gedaan en wie u daarbij heeft gesproken, met functie en organisatie."),
    )))  # fmt: skip
    party, met, programme = form.questions
    assert is_party_question(party) and not is_party_question(met)
    assert is_programme_question(programme) and not is_programme_question(met)
    notes = parse_notes(
        "Gent, open data week\nwe waren met drie: ik, Ruben Smits (data-analist) en Hanna Vos (jurist)\n"
        "gesprek met Pieter Claes (CDO Stad Gent) over hun datacatalogus\n"
    )
    selection = select_lines(form, notes, None)
    party_units = units_for(party, selection.for_question("deelnemers"), notes)
    met_units = units_for(met, selection.for_question("gesprekspartners"), notes)
    assert {u.person for u in party_units} == {"Ruben Smits", "Hanna Vos"}
    assert [u.person for u in met_units] == ["Pieter Claes"]  # the party's names stay out of the people met
    assert 3 in [line.number for line in selection.for_question("programma")]  # a meeting is part of the programme


def test_a_question_without_lines_takes_those_nearest_to_its_topic_before_niet_vermeld() -> None:
    from verslaghulp.drafting.line_router import Route
    from verslaghulp.drafting.selection import LineSelection, _fill_empty

    form = with_topics(load_form("denhaag-2025"))
    notes = parse_notes("Stockholm 9-11 februari 2026\nWe take home a shared-platform model.\nkoffie was slecht\n")
    usable = notes.lines
    picked: dict[str, list] = {q.id: [] for q in form.questions}  # type: ignore[type-arg]
    selection = LineSelection(lines=picked)
    # Line 2 is nearest to the outcome, but not by a clear margin; line 3 is nearest to it below the floor.
    selection.routed = {
        2: Route(topic="opbrengst", score=MIN_SCORE + 0.03, margin=MIN_MARGIN / 2),
        3: Route(topic="opbrengst", score=MIN_SCORE - 0.05, margin=MIN_MARGIN / 2),
    }
    selection.ranked = {2: ("opbrengst", "vervolg"), 3: ("opbrengst", "doel")}
    _fill_empty(form, usable, picked, selection)
    assert [line.number for line in picked["opbrengst"]] == [2]
    # No other question takes a line whose best topic is not its own.
    assert all(not lines for qid, lines in picked.items() if qid != "opbrengst")
