"""How archive results are shown."""

from __future__ import annotations

import datetime as dt

from verslaghulp.archive import AnswerHit, ReportHit, ReportSummary, StoredAnswer, StoredReport
from verslaghulp.ui import archive_views as views


def _summary(**update: object) -> ReportSummary:
    base = ReportSummary(report_id="r1", title="Dienstreis Wenen, april 2025", source_name="wenen.docx",
                         source_kind="docx", form_id="denhaag-2025", recognised=True,
                         start=dt.date(2025, 4, 27), end=dt.date(2025, 4, 29), days=3, year=2025, travellers=1,
                         cities=["Wenen"], countries=["Oostenrijk"], themes=["digitale tweeling"],
                         ingested_at=dt.datetime(2025, 5, 1, tzinfo=dt.UTC))  # fmt: skip
    return base.model_copy(update=update)


def test_rows_show_period_destination_and_source() -> None:
    row = views.report_rows([_summary(example=True)])[0]
    assert row == ["Dienstreis Wenen, april 2025", "27-04-2025 t/m 29-04-2025 (3 dagen)", "Wenen (Oostenrijk)", "1",
                   "digitale tweeling", "denhaag-2025", "wenen.docx (voorbeeld)"]  # fmt: skip
    assert views.period(_summary(start=None, end=None)) == "2025"


def test_hits_list_the_best_answers_with_snippets() -> None:
    answer = AnswerHit(question_id="opbrengst", heading="WAT HEEFT DE REIS DE GEMEENTE OPGELEVERD?",
                       snippet="digitale  tweeling\nvoor hitte", text="…", score=0.9, semantic=0.8,
                       keyword=1.0)  # fmt: skip
    hit = ReportHit(report=_summary(), score=0.9, answers=[answer])
    text = views.hits_markdown("tweeling", [hit])
    assert "**1. Dienstreis Wenen, april 2025**" in text and "digitale tweeling voor hitte" in text
    assert "Geen verslagen gevonden" in views.hits_markdown("x", [])
    # Dutch: one report in the singular, a decimal comma in the score.
    assert text.startswith("**1 verslag gevonden voor “tweeling”**") and "(score 0,90)" in text
    assert views.period(_summary(end=dt.date(2025, 4, 27), days=1)).endswith("(1 dag)")


def test_a_report_is_shown_under_the_forms_headings() -> None:
    report = StoredReport(**_summary().model_dump(), answers=[
        StoredAnswer(question_id="doel", heading="WAT WAS HET DOEL VAN DE REIS?", text="CIO-netwerk.")])  # fmt: skip
    text = views.report_markdown(report)
    assert text.startswith("### Dienstreis Wenen, april 2025") and "#### WAT WAS HET DOEL VAN DE REIS?" in text


def test_an_opened_report_names_its_source_and_form_in_words_not_ids() -> None:
    report = StoredReport(**_summary(report_id="5f0c2a9e-b7d1").model_dump(), answers=[])
    text = views.report_markdown(report, {"denhaag-2025": "Verslag buitenlandse dienstreis"})
    bron = next(line for line in text.splitlines() if line.startswith("**Bron**"))
    assert report.report_id not in text and "`" not in bron
    assert bron == "**Bron**: wenen.docx (Word-document); formulier: Verslag buitenlandse dienstreis", bron


MET = (
    "Núria Soler – hoofd smart city bij de gemeente Barcelona\n"
    "Tomás Ferrer – stedenbouwkundige bij de gemeente Barcelona\n"
    "Ingrid de Wit – adviseur internationaal bij RVO"
)
AGREED = (
    "Afgesproken:\n"
    "- Núria Soler stuurt de evaluatie van de Superilles.\n"
    "- Met RVO is afgesproken de deelname voor 2025 te bespreken.\n"
    "Verder niets."
)


def test_an_opened_report_keeps_its_lines_and_lists() -> None:
    report = StoredReport(**_summary().model_dump(), answers=[
        StoredAnswer(question_id="ontmoet", heading="WIE HEB JE ONTMOET?", text=MET),
        StoredAnswer(question_id="vervolg", heading="ZIJN ER VERVOLGAFSPRAKEN?", text=AGREED)])  # fmt: skip
    text = views.report_markdown(report)
    # Each person on a line of their own (a hard break), not one run-on paragraph.
    assert "gemeente Barcelona  \nTomás Ferrer" in text and "Barcelona  \nIngrid de Wit" in text
    # A list after a line of text is a list of its own, and the line after it is not part of its last item.
    assert "Afgesproken:\n\n- Núria Soler stuurt" in text
    assert "te bespreken.\n\nVerder niets." in text


def test_a_snippet_keeps_the_line_breaks_of_its_answer() -> None:
    flat = " ".join(AGREED.split())
    answer = AnswerHit(question_id="vervolg", heading="ZIJN ER VERVOLGAFSPRAKEN?", snippet="… " + flat[4:],
                       text=AGREED, score=0.9, semantic=0.8, keyword=1.0)  # fmt: skip
    assert views.snippet_with_breaks(answer.snippet, AGREED).splitlines()[1] == "- Núria Soler stuurt de evaluatie " \
        "van de Superilles."  # fmt: skip
    text = views.hits_markdown("Superilles", [ReportHit(report=_summary(), score=0.9, answers=[answer])])
    # The list is nested under the answer's heading in the result list.
    assert "  - _Zijn er vervolgafspraken?_: … " in text
    assert "\n    - Núria Soler stuurt de evaluatie van de Superilles.\n    - Met RVO" in text
    listed = AnswerHit(**{**answer.model_dump(), "snippet": " ".join(AGREED.split("\n", 1)[1].split())})
    text = views.hits_markdown("x", [ReportHit(report=_summary(), score=0.9, answers=[listed])])
    assert "  - _Zijn er vervolgafspraken?_:\n    - Núria Soler" in text
    # A snippet that is not in the text (a stale hit) is shown as it is.
    assert views.snippet_with_breaks("iets anders", AGREED) == "iets anders"
