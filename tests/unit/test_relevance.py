from verslaghulp.drafting.relevance import fold, header_label, keyword_hits, relevant_lines
from verslaghulp.report.forms import load_form
from verslaghulp.report.notes import parse_notes

NOTES = """Dag 1 - ma 15/11
kick-off Fira, veel drukte
Doel:
- NL paviljoen bemannen
- workshop digitale infra
Gesproken met:
Karin Vos – adviseur bij PBLQ
Ahmed El Amrani (CDO gemeente Gent)
Vervolg: Gent komt in maart langs
"""


def _ids(question_id: str, text: str = NOTES) -> list[int]:
    form = load_form("denhaag-2025")
    notes = parse_notes(text)
    return [line.number for line in relevant_lines(form.question(question_id), notes.lines, form.questions)]


def test_a_header_opens_a_scope_until_the_next_header() -> None:
    assert _ids("doel") == [3, 4, 5]


def test_people_lines_are_found_by_header_and_by_the_name_role_pattern() -> None:
    assert _ids("ontmoet") == [6, 7, 8]
    assert _ids("ontmoet", "ook even bijgepraat: Jan de Vries – wethouder Utrecht") == [1]


def test_followups_are_found_by_keyword_and_missing_questions_get_nothing() -> None:
    assert _ids("vervolg") == [9]
    assert _ids("vervolg", "Wenen 3 dagen\nmooie stad") == []


def test_keyword_matching_ignores_case_and_diacritics_and_uses_stems() -> None:
    assert fold("Ééntje ÜBER") == "eentje uber"
    assert keyword_hits("Afspraken gemaakt", ("afspraak", "afspraken")) == 1
    assert keyword_hits("km", ("km",)) == 1
    assert keyword_hits("kmz", ("km",)) == 0


def test_header_detection() -> None:
    assert header_label("Doel: overleg") == "doel"
    assert header_label("- Vervolg - afspraken") == "vervolg"
    assert header_label("Anna Smit heeft gesproken") is None
