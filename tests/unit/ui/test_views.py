"""How the page shows results: highlighted unsupported facts with reasons, checks, lists; always escaped."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from langchain_core.messages import BaseMessage

from verslaghulp.concepts.checks import in_dutch, trip_checks
from verslaghulp.concepts.model import AnswerChange, ArchiveRecord, Concept, ConceptStatus
from verslaghulp.config import Settings
from verslaghulp.drafting import draft_report
from verslaghulp.llm.fake import FakeChatModel
from verslaghulp.report.forms import load_form
from verslaghulp.report.model import WrittenBy
from verslaghulp.ui import views
from verslaghulp.ui.common import slug

NOTES = """Wenen 27 t/m 29 april 2025, alleen
heen vlucht KLM naar Wenen, terug met de trein
doel: bijeenkomst CIO-netwerk
gesproken: Lena Gruber - CIO Wenen
"""


def inventing(messages: list[BaseMessage], schema: dict[str, Any] | None) -> str:
    if "punten" in (schema or {}).get("properties", {}):
        return json.dumps({"punten": ["Lena Gruber – CIO Wenen"]})
    return json.dumps({"tekst": "Bijeenkomst met <b>Jan de Vries</b> op 12 mei 2025."})


def _concept() -> Concept:
    draft = draft_report(NOTES, load_form("denhaag-2025"), FakeChatModel(responder=inventing), Settings(backend="fake"))
    return Concept(id="0123456789abcdef", form_id="denhaag-2025", form_title="Verslag", notes=NOTES,
                   draft_notes=NOTES, answers=draft.answers, meta=draft.meta)  # fmt: skip


def test_unsupported_facts_are_highlighted_in_place_with_their_reason_and_escaped() -> None:
    doel = _concept().answer("doel")
    assert doel is not None
    html = views.answer_html(6, doel)
    assert '<h3 class="vh-heading">6. WAT WAS HET DOEL VAN DE REIS?</h3>' in html
    assert "geformuleerd door het taalmodel" in html and "regels 1, 3" in html
    assert '<mark class="vh-unsupported" title="' in html and ">12 mei 2025</mark>" in html
    assert "deze datum staat niet in de aantekeningen" in html
    assert "<b>" not in html and "&lt;b&gt;" in html  # model output never becomes markup


def test_computed_facts_show_how_they_were_computed() -> None:
    duur = _concept().answer("duur")
    assert duur is not None
    html = views.answer_html(2, duur)
    assert "berekend uit de aantekeningen" in html and "Berekend door code" in html and "aantal dagen" in html


def test_the_checks_panel_shows_the_rule_the_emissions_and_the_findings() -> None:
    concept = _concept()
    text = views.checks_markdown(trip_checks(concept), {a.question_id: a.heading for a in concept.answers})
    assert "#### 8-uursregel" in text and "Wenen" in text and "12,5 uur" in text
    assert "#### Kilometers en CO2" in text and "kg CO2" in text
    assert "#### Samenhang van het verslag" in text
    assert views.checks_markdown(None, {}).startswith("_De controles")


def test_the_checks_panel_and_computed_facts_speak_dutch() -> None:
    concept = _concept()  # flown to Vienna, back by train: both distances estimated from the places
    text = views.checks_markdown(trip_checks(concept), {a.question_id: a.heading for a in concept.answers})
    assert "Den Haag-Wenen" in text or "Wenen-Den Haag" in text
    assert not re.search(r"The Hague|Vienna|\b\d+\.\d+ kg|omrijfactor \d+\.\d", text), text
    assert "omrijfactor 1,25" in text and re.search(r"x 0,\d+ kg CO2-eq/km", text)
    km = concept.answer("kilometers_co2")
    assert km is not None and km.computed
    html = views.answer_html(5, km)
    assert "Den Haag" in html and "The Hague" not in html and "0,2 kg" in html


def test_code_explanations_are_worded_the_dutch_way_but_quotes_stay_as_written() -> None:
    assert in_dutch("hemelsbreed The Hague-Copenhagen 673 km x omrijfactor 1 x 2") == (
        "hemelsbreed Den Haag-Kopenhagen 673 km x omrijfactor 1 x 2"
    )
    assert in_dutch("1200 km x 0.035 kg CO2-eq/km") == "1200 km x 0,035 kg CO2-eq/km"
    assert in_dutch("12.345 km x 0.2 kg") == "12.345 km x 0,2 kg"  # a Dutch thousands point stays
    assert in_dutch("1 dagen past niet bij de data (1 kalenderdagen); 21 dagen") == (
        "1 dag past niet bij de data (1 kalenderdag); 21 dagen"
    )
    quoted = "'om 12.30 naar Vienna' in de aantekeningen; Vienna 1.5"
    assert in_dutch(quoted) == "'om 12.30 naar Vienna' in de aantekeningen; Wenen 1,5"
    assert in_dutch("Toelichting: “The Hague 2.5”") == "Toelichting: “The Hague 2.5”"


def test_follow_ups_and_status_lines() -> None:
    concept = _concept()
    assert "Nog aan te vullen" in views.follow_ups_markdown(concept.answers)
    status = views.summary_text(concept)
    assert "10 vragen" in status and "nog feiten te controleren" in status
    assert concept.meta is not None
    concept.meta.warnings = ["Regel 5 lijkt een opdracht aan het taalmodel."]
    assert views.summary_text(concept).endswith("**Let op:** Regel 5 lijkt een opdracht aan het taalmodel.")
    concept.error = "Het taalmodel is niet bereikbaar."
    assert views.summary_text(concept).startswith("**Onderbroken**")


def test_concept_rows_and_file_names() -> None:
    concept = _concept()
    concept.updated_at = dt.datetime(2025, 5, 1, 12, 0, tzinfo=dt.UTC)
    row = views.concept_rows([concept])[0]
    assert row[0] == "Wenen 27 t/m 29 april 2025, alleen" and row[1] == "alleen aantekeningen, nog geen verslag"
    assert slug("Wenen 27 t/m 29 april 2025!") == "verslag-wenen-27-t-m-29-april-2025"
    assert slug("???") == "verslag"


def test_concepts_with_the_same_title_are_told_apart_by_when_they_were_begun_and_their_state() -> None:
    begun = dt.datetime(2026, 12, 1, 9, 20, 5, tzinfo=dt.UTC)
    first = Concept(id="0123456789abcdef", form_id="denhaag-2025", form_title="Verslag", notes=NOTES,
                    created_at=begun, updated_at=begun)  # fmt: skip
    drafted = _concept().model_copy(update={"id": "0123456789abcdee", "status": ConceptStatus.CONCEPT,
                                            "created_at": begun + dt.timedelta(seconds=40),
                                            "updated_at": begun + dt.timedelta(seconds=50)})  # fmt: skip
    other = first.model_copy(update={"id": "0123456789abcded", "notes": "Gent 3 juni\n"})
    rows = views.concept_rows([drafted, first, other])
    assert views.CONCEPT_HEADERS[:2] == ["Titel", "Stand"]
    titles = [r[0] for r in rows]
    assert len(set(titles)) == 3  # the same first line of the notes, yet no two rows look alike
    local = begun.astimezone()
    assert titles[1] == f"Wenen 27 t/m 29 april 2025, alleen (begonnen {local:%d-%m-%Y %H:%M:%S})"  # same minute
    assert titles[2] == "Gent 3 juni"  # a title of its own stays as it is
    assert rows[0][1] == "verslag opgesteld" and rows[1][1] == "alleen aantekeningen, nog geen verslag"
    assert rows[0][2].endswith(f"van {len(drafted.answers)}")
    labels = [label for label, _ in views.concept_choices([drafted, first, other])]
    assert len(set(labels)) == 3 and "verslag opgesteld" in labels[0]


def test_the_archive_confirmation_says_when_and_where_but_shows_no_id() -> None:
    record = ArchiveRecord(report_id="5e47f1dc8ecb0bce0123f36b", outcome="toegevoegd",
                           stored_at=dt.datetime(2026, 12, 1, 9, 30, tzinfo=dt.UTC),
                           changes=[AnswerChange(question_id="doel", heading="WAT WAS HET DOEL VAN DE REIS?",
                                                 written_by=WrittenBy.MODEL, model_text="a", final_text="b",
                                                 changed=True, similarity=0.25)])  # fmt: skip
    text = views.archive_record_markdown(record)
    assert text.startswith("**Opgeslagen in het archief** op ") and "onder **Archief**" in text
    assert "5e47f1dc" not in text and "verslag-id" not in text and "`" not in text
    assert "U heeft 1 van de 1 antwoord aangepast" in text and "- Wat was het doel van de reis?: 75% gewijzigd" in text


def test_no_premature_all_answered_while_answers_stream_in() -> None:
    answers = _concept().answers
    without = [a for a in answers if not a.follow_up][:3]
    assert views.follow_ups_markdown(without) == "Alle vragen zijn beantwoord vanuit de aantekeningen."
    assert views.follow_ups_markdown(without, complete=False) == ""  # three of ten so far: nothing to say yet
    asking = next(a for a in answers if a.follow_up)
    streaming = views.follow_ups_markdown([*without, asking], complete=False)
    assert "tot nu toe" in streaming and "Alle vragen" not in streaming and str(asking.follow_up) in streaming


def test_a_draft_that_never_started_does_not_speak_of_answers_kept() -> None:
    concept = Concept(id="0123456789abcdef", form_id="denhaag-2025", form_title="Verslag", notes="x",
                      error="De aantekeningen bevatten onleesbare tekens.")  # fmt: skip
    status = views.summary_text(concept)
    assert status == "**Niet opgesteld**: De aantekeningen bevatten onleesbare tekens."
    assert "Onderbroken" not in status and "antwoorden tot nu toe" not in status
    assert "Onderbroken" not in views.EMPTY_NOTES and "Verslag opstellen" in views.EMPTY_NOTES
