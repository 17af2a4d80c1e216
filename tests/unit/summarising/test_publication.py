"""The publication export: no marks, no accountability section, refused while anything is flagged."""

from __future__ import annotations

import pytest

from verslaghulp.config import Settings, UnsupportedFactPolicy
from verslaghulp.llm.fake import FakeChatModel
from verslaghulp.summarising import (
    PublicationRefusedError,
    SummaryRequest,
    publication_problems,
    summarise,
    to_markdown,
    to_publication,
)

from .conftest import MemoryArchive, sample_reports
from .test_pipeline import reply

DRONES = "Wat leverden de reizen over drones op?"
WRONG = reply(
    ([1], "Dublin inspecteert 45 bruggen per jaar met drones."),
    ([2], "In Wenen wordt dronedetectie gebruikt bij evenementen."),
    key="antwoord",
)


def test_a_checked_summary_is_exported_without_marks_or_accountability(
    archive: MemoryArchive, model: FakeChatModel, settings: Settings
) -> None:
    summary = summarise(SummaryRequest(text=DRONES, style="nieuwsbericht"), archive, model, settings)
    assert publication_problems(summary) == []
    text = to_publication(summary)
    assert text.startswith(f"# {summary.title}\n")
    assert "[1]" not in text and "⟦" not in text and "Verantwoording" not in text and "Bronnen" not in text
    assert "Verantwoording" in to_markdown(summary)  # the full export keeps it
    assert text.rstrip().endswith("(7-9 maart 2023) en Wenen (Oostenrijk) (14-16 mei 2024)._")


def test_publication_is_refused_while_a_sentence_is_flagged(archive: MemoryArchive, settings: Settings) -> None:
    flag = settings.model_copy(update={"summary_repair": False})
    summary = summarise(DRONES, archive, FakeChatModel(replies=[WRONG]), flag, style="vraag")
    assert "⟦45⟧" in summary.text
    with pytest.raises(PublicationRefusedError, match="⟦ en ⟧"):
        to_publication(summary)
    removed = flag.model_copy(update={"unsupported_facts": UnsupportedFactPolicy.REMOVE})
    clean = summarise(DRONES, archive, FakeChatModel(replies=[WRONG]), removed, style="vraag")
    assert "45" not in to_publication(clean)


def test_publication_is_refused_for_a_text_citing_example_reports(model: FakeChatModel, settings: Settings) -> None:
    archive = MemoryArchive([r.model_copy(update={"example": True}) for r in sample_reports()])
    summary = summarise(DRONES, archive, model, settings, style="vraag")
    with pytest.raises(PublicationRefusedError, match="voorbeeldverslag"):
        to_publication(summary)
