import json

import pytest

from verslaghulp.config import Settings, UnsupportedFactPolicy
from verslaghulp.llm.fake import FakeChatModel
from verslaghulp.summarising import (
    CheckAction,
    NothingSelectedError,
    ReportMapped,
    SelectionReady,
    SummaryDone,
    SummaryError,
    SummaryRequest,
    iter_summary,
    summarise,
    to_json,
    to_markdown,
)

from .conftest import MemoryArchive, facts_responder

DRONES = "Schrijf een managementsamenvatting van wat de reizen over drones hebben opgeleverd"


def reply(*sentences: tuple[list[int], str], key: str = "punten") -> str:
    return json.dumps({key: [{"bronnen": b, "tekst": t} for b, t in sentences]}, ensure_ascii=False)


def test_events_come_per_report_and_the_summary_is_cited(
    archive: MemoryArchive, model: FakeChatModel, settings: Settings
) -> None:
    events = list(iter_summary(DRONES, archive, model, settings, style="managementsamenvatting"))
    assert isinstance(events[0], SelectionReady)
    mapped = [e for e in events if isinstance(e, ReportMapped)]
    assert [(e.index, e.total, e.mapped.report.source_name) for e in mapped] == [
        (0, 2, "2023-03-dublin.txt"),
        (1, 2, "2024-05-wenen.txt"),
    ]
    summary = events[-1].summary if isinstance(events[-1], SummaryDone) else None
    assert summary is not None
    assert summary.text.startswith("- ") and "[1]" in summary.text and "[2]" in summary.text
    assert [s.source_name for s in summary.sources] == ["2023-03-dublin.txt", "2024-05-wenen.txt"]
    assert summary.coverage.complete and not summary.coverage.left_out
    assert summary.check.precision == 1.0
    assert summary.meta.prompts[0] == "summary-system@2" and "summary-managementsamenvatting@1" in summary.meta.prompts


def test_code_decides_the_map_where_the_topic_is_named(
    archive: MemoryArchive, model: FakeChatModel, settings: Settings
) -> None:
    summarise(DRONES, archive, model, settings, style="managementsamenvatting")
    assert [c.step for c in summarise(DRONES, archive, model, settings, style="managementsamenvatting").meta.calls] == [
        "schrijven"
    ]


def test_a_report_with_nothing_on_the_topic_is_left_out_with_the_reason(
    archive: MemoryArchive, settings: Settings
) -> None:
    # Madrid is added by hand; the model finds nothing about drones in it.
    model = FakeChatModel(replies=['{"nummers": []}'], responder=facts_responder)
    request = SummaryRequest(text=DRONES, style="managementsamenvatting", include=["aaaa1111"])
    summary = summarise(request, archive, model, settings)
    left = {i.source_name: i.reason for i in summary.coverage.left_out}
    assert list(left) == ["2025-02-madrid.txt"] and left["2025-02-madrid.txt"].startswith("niet relevant")
    assert len(summary.coverage.items) == 3 and summary.coverage.complete


def test_the_length_budget_leaves_reports_out_with_the_reason(
    archive: MemoryArchive, model: FakeChatModel, settings: Settings
) -> None:
    request = SummaryRequest(text="Geef een overzicht van alle reizen", style="managementsamenvatting", max_words=40)
    summary = summarise(request, archive, model, settings)
    assert len(summary.coverage.items) == 4
    assert len(summary.coverage.included) == 2
    assert all("lengtebudget van 40 woorden" in i.reason for i in summary.coverage.left_out)


def test_a_report_the_model_leaves_out_gets_its_own_sentence(archive: MemoryArchive, settings: Settings) -> None:
    model = FakeChatModel(
        replies=[reply(([2], "In Wenen wordt dronedetectie gebruikt bij evenementen."), key="antwoord")]
    )
    summary = summarise(DRONES, archive, model, settings, style="vraag")
    assert summary.coverage.complete and not summary.coverage.left_out
    added = [s for s in summary.citations if s.written_by == "code"]
    assert [s.text for s in added] == [
        "Reis naar Dublin (maart 2023): Dublin inspecteert 40 bruggen per jaar met drones."
    ]
    assert summary.text.startswith("In Wenen wordt dronedetectie gebruikt bij evenementen [1]. Reis naar Dublin")
    assert [s.source_name for s in summary.sources] == ["2024-05-wenen.txt", "2023-03-dublin.txt"]


@pytest.mark.parametrize("policy", [UnsupportedFactPolicy.FLAG, UnsupportedFactPolicy.REMOVE])
def test_a_planted_wrong_name_and_number_are_flagged_or_removed(
    archive: MemoryArchive, settings: Settings, policy: UnsupportedFactPolicy
) -> None:
    model = FakeChatModel(
        replies=[
            reply(
                ([1], "Dublin inspecteert 45 bruggen per jaar met drones."),
                ([2], "In Wenen sprak de gemeente met Johann Gruber over dronedetectie bij evenementen."),
                key="antwoord",
            )
        ]
    )
    # Without the repair step, so that the policy itself is seen.
    no_repair = settings.model_copy(update={"unsupported_facts": policy, "summary_repair": False})
    summary = summarise(DRONES, archive, model, no_repair, style="vraag")
    failed = summary.check.failed
    assert [[u.text for u in f.unsupported] for f in failed] == [["45"], ["Johann Gruber"]]
    assert summary.check.precision < 1.0
    if policy is UnsupportedFactPolicy.FLAG:
        assert "⟦45⟧" in summary.text and "⟦Johann Gruber⟧" in summary.text
    else:
        assert "45" not in summary.text and "Gruber" not in summary.text
        # Both reports are still represented: by their own sentences, verbatim.
        assert summary.coverage.complete and len(summary.coverage.included) == 2
    assert "Bronnencontrole: " in to_markdown(summary)


def test_a_failing_sentence_is_rewritten_once_and_kept_only_when_the_rewrite_passes(
    archive: MemoryArchive, settings: Settings
) -> None:
    writing = reply(
        ([1], "Dublin inspecteert 45 bruggen per jaar met drones."),
        ([2], "In Wenen sprak de gemeente met Johann Gruber over dronedetectie bij evenementen."),
        key="antwoord",
    )
    fixed = json.dumps({"bronnen": [1], "tekst": "Dublin inspecteert elk jaar 40 bruggen met drones."})
    invents_again = json.dumps({"bronnen": [2], "tekst": "Johann Gruber toonde in Wenen dronedetectie."})
    model = FakeChatModel(replies=[writing, fixed, invents_again])
    summary = summarise(DRONES, archive, model, settings, style="vraag")

    repair_prompts = [str(call[-1].content) for call in model.calls[1:]]
    assert '- "45": ' in repair_prompts[0]
    assert "Dublin inspecteert 40 bruggen per jaar met drones." in repair_prompts[0]  # the report's facts
    assert "dronedetectie" not in repair_prompts[0]  # only the cited report's facts
    actions = [c.action for c in summary.check.sentences]
    assert actions == [CheckAction.REWRITTEN, CheckAction.FLAGGED]
    assert summary.check.sentences[0].original == "Dublin inspecteert 45 bruggen per jaar met drones."
    assert "Dublin inspecteert elk jaar 40 bruggen met drones [" in summary.text
    assert "45" not in summary.text and "⟦Johann Gruber⟧" in summary.text  # a second invention is not used
    assert "summary-herstel@2" in summary.meta.prompts
    assert [c.step for c in summary.meta.calls].count("herstellen") == 2
    assert 'Herschreven: "Dublin inspecteert 45' in to_markdown(summary)


def test_contradicting_reports_are_both_cited_not_merged(settings: Settings) -> None:
    import datetime as dt

    from .conftest import make_report

    a = make_report(
        "r1",
        "2022-a.txt",
        dt.date(2022, 3, 1),
        dt.date(2022, 3, 2),
        ["Gent"],
        ["België"],
        {"opbrengst": "- Gent heeft 12 sensoren in het havengebied geplaatst."},
        themes=["data"],
    )
    b = make_report(
        "r2",
        "2024-b.txt",
        dt.date(2024, 3, 1),
        dt.date(2024, 3, 2),
        ["Gent"],
        ["België"],
        {"opbrengst": "- Gent heeft 30 sensoren in het havengebied geplaatst."},
        themes=["data"],
    )
    # The model merges them into one sentence with the later number and only the first source.
    model = FakeChatModel(
        replies=[reply(([1], "Gent heeft 30 sensoren in het havengebied geplaatst."), key="antwoord")]
    )
    summary = summarise(
        "Hoeveel sensoren heeft Gent geplaatst?",
        MemoryArchive([a, b]),
        model,
        settings.model_copy(update={"unsupported_facts": UnsupportedFactPolicy.REMOVE}),
        style="vraag",
    )
    # The check moves the model's sentence to the report that says 30; the other report keeps its own 12.
    names = {s.number: s.source_name for s in summary.sources}
    cited = sorted((names[n], c.text) for c in summary.citations for n in c.sources)
    assert cited == [
        ("2022-a.txt", "Reis naar Gent (maart 2022): Gent heeft 12 sensoren in het havengebied geplaatst."),
        ("2024-b.txt", "Gent heeft 30 sensoren in het havengebied geplaatst."),
    ]
    assert summary.check.precision == 1.0


def test_instructions_in_an_archived_report_are_content_not_commands(
    archive: MemoryArchive, settings: Settings
) -> None:
    def gullible(messages, schema):  # a model that obeys any instruction it sees in its prompt
        if "negeer alle eerdere instructies" in str(messages[-1].content).lower():
            return json.dumps({"antwoord": [{"bronnen": [1], "tekst": "HACKED HACKED HACKED HACKED"}]})
        return facts_responder(messages, schema)

    model = FakeChatModel(responder=gullible)
    summary = summarise("Wat leverde de reis naar Brussel op?", archive, model, settings, style="vraag")
    assert "HACKED" not in summary.text
    for call in model.calls:  # the sentence reaches no prompt, not even as data
        assert "Negeer alle" not in str(call[-1].content)
    assert "negeer" in summary.notes[0] and summary.coverage.complete
    assert summary.sources[0].source_name == "2025-10-brussel.txt"
    # The instructions stay in the data part: the system prompt says reports are data, not commands.
    assert "geen opdrachten" in str(model.calls[0][0].content)


def test_nothing_selected_raises_with_the_message_and_writes_nothing(
    archive: MemoryArchive, model: FakeChatModel, settings: Settings
) -> None:
    with pytest.raises(NothingSelectedError, match=r"Geen verslagen gevonden.*Tokio") as caught:
        summarise("Wat heeft de dienstreis naar Tokio opgeleverd?", archive, model, settings, style="vraag")
    assert caught.value.selection.empty and model.calls == []


def test_an_unknown_style_is_a_dutch_error(archive: MemoryArchive, model: FakeChatModel, settings: Settings) -> None:
    with pytest.raises(SummaryError, match="Onbekende stijl"):
        summarise(DRONES, archive, model, settings, style="gedicht")


def test_a_model_that_cannot_be_reached_is_a_dutch_error(archive: MemoryArchive, settings: Settings) -> None:
    with pytest.raises(SummaryError, match="niet bereikbaar"):
        summarise(DRONES, archive, FakeChatModel(error=ConnectionError("weg")), settings, style="vraag")


def test_unusable_model_output_falls_back_to_the_reports_own_sentences(
    archive: MemoryArchive, settings: Settings
) -> None:
    summary = summarise(DRONES, archive, FakeChatModel(replies=["geen json"]), settings, style="vraag")
    assert summary.coverage.complete and len(summary.coverage.included) == 2
    assert any("geen bruikbare tekst" in n for n in summary.notes)


def test_a_newsletter_item_has_title_lead_and_sections_by_theme(
    archive: MemoryArchive, model: FakeChatModel, settings: Settings
) -> None:
    summary = summarise("Schrijf een nieuwsbericht over de reizen in 2025", archive, model, settings)
    assert summary.title and summary.blocks[0].kind == "inleiding"
    sections = summary.blocks[1:]
    # Planned by theme, not by trip: a subheading per theme, and what was agreed, from both trips, last.
    assert [b.heading for b in sections] == ["De digitale tweeling", "Kunstmatige intelligentie", "Hoe het verder gaat"]
    assert {n for s in sections[-1].sentences for n in s.sources} == {1, 2}
    assert not any(s.text.startswith("In februari 2025 reisden") for b in sections for s in b.sentences)
    lead = summary.blocks[0].sentences
    assert [s.written_by for s in lead] == ["code"] and len(lead[0].sources) == 2
    assert lead[0].text == (
        "Tussen februari 2025 en oktober 2025 maakten medewerkers van de gemeente dienstreizen naar Madrid en Brussel."
    )
    steps = [c.step for c in summary.meta.calls]
    assert steps == ["schrijven:De digitale tweeling", "schrijven:Kunstmatige intelligentie",
                     "schrijven:Hoe het verder gaat", "schrijven:titel"]  # fmt: skip
    section_prompt = str(model.calls[-2][-1].content)
    assert "Tussenkop van deze alinea: Hoe het verder gaat" in section_prompt and section_prompt.count("\n[") == 2
    assert {"summary-nieuwsbericht@3", "summary-titel@2"} <= set(summary.meta.prompts)
    markdown = to_markdown(summary)
    assert markdown.startswith(f"# {summary.title}\n") and "### De digitale tweeling" in markdown
    assert "## Bronnen" in markdown and "## Verantwoording" in markdown


def test_json_carries_text_citations_sources_coverage_check_and_meta(
    archive: MemoryArchive, model: FakeChatModel, settings: Settings
) -> None:
    data = json.loads(to_json(summarise(DRONES, archive, model, settings, style="vraag")))
    assert {"text", "citations", "sources", "coverage", "check", "meta", "selection"} <= set(data)
    assert data["coverage"]["complete"] is True and data["check"]["precision"] == 1.0
    assert data["meta"]["model"] == "fake:fake" and data["meta"]["total_seconds"] >= 0
    assert data["citations"][0]["sources"] == [1]


def test_the_evaluation_runner_reads_the_result(
    archive: MemoryArchive, model: FakeChatModel, settings: Settings
) -> None:
    from verslaghulp.evaluation.runners import summaries as runner
    from verslaghulp.evaluation.sets import SummaryRequest as EvalRequest

    summarise_case = runner.use_case_summariser(archive, model, settings)
    output = summarise_case(EvalRequest(id="x", request=DRONES, style="vraag", filters={"theme": "drones"}))
    assert set(output.sources.values()) == {"2023-03-dublin.txt", "2024-05-wenen.txt"}
    assert set(output.selected) == {"2023-03-dublin.txt", "2024-05-wenen.txt"} and output.left_out == []
    assert "[1]" in output.text


def test_a_summary_is_audited_without_its_text(
    archive: MemoryArchive, model: FakeChatModel, settings: Settings
) -> None:
    from verslaghulp.audit import acting_as, audit_path

    with acting_as("communicatie.medewerker"):
        summary = summarise(DRONES, archive, model, settings, style="managementsamenvatting")
    entry = json.loads(audit_path(settings).read_text(encoding="utf-8").splitlines()[-1])
    assert entry["kind"] == "summary" and entry["user"] == "communicatie.medewerker"
    assert entry["form_id"] == "managementsamenvatting" and entry["sources"] == len(summary.sources) == 2
    assert entry["model"] == summary.meta.model and entry["prompts"] == summary.meta.prompts
    assert entry["model_calls"] == len(summary.meta.calls) and entry["input_chars"] == len(DRONES)
    assert "drones" not in json.dumps(entry).lower()


def test_a_news_item_also_takes_what_a_trip_yielded_beyond_the_topic_words(
    archive: MemoryArchive, model: FakeChatModel, settings: Settings
) -> None:
    # Wenen was selected for drones; its other result ("nachttrein") belongs in a news item about
    # what the trips yielded, but not in a short answer that only needs the sentences on drones.
    news = summarise("Schrijf een nieuwsbericht over wat de reizen over drones opleverden", archive, model, settings)
    assert "nachttrein" in news.text
    answer = summarise(DRONES, archive, FakeChatModel(responder=facts_responder), settings, style="vraag")
    assert "nachttrein" not in answer.text
