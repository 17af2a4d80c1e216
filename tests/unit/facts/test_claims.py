"""The claim check: report phrasing and faithful paraphrases pass, invented promises are flagged."""

from __future__ import annotations

from pathlib import Path

import pytest

from verslaghulp.facts.grounding import check_answer
from verslaghulp.facts.grounding_model import FactKind
from verslaghulp.facts.notes_index import build_index

WENEN = (Path(__file__).resolve().parents[3] / "examples" / "notes" / "wenen-2025.txt").read_text(encoding="utf-8")
INDEX = build_index(WENEN)

FAITHFUL = [
    # Report vocabulary: the form's headings and how any report talks about a trip.
    "Het doel van de reis was om de CIOs van de Council of Global City CIOs te ontmoeten.",
    "Het doel van de reis was deelname aan de najaarsmeeting van de CGCC in Wenen, om de CIOs van andere steden te "
    "ontmoeten.",
    "Wij hebben de stad Wenen bezocht en de ontvangst in het Wiener Rathaus bijgewoond.",
    "Deelname aan de bijeenkomst leverde de gemeente nieuwe kennis en inzichten op.",
    "Tijdens de bijeenkomst hebben wij onze aanpak gepresenteerd en besproken met andere steden.",
    # Shorthand written out: "ivm", "mbt", "vb", "mnd", "nov", "Q1", arrows.
    "Met Anna Kowalski (CDO Warschau) is gesproken in verband met de chatbot voor parkeervergunningen, die bij hen al "
    "18 maanden live draait.",
    "De chatbot van Warschau is een direct bruikbaar voorbeeld voor ons team Vergunningen.",
    "Den Haag heeft gepresenteerd met betrekking tot het Living Lab Scheveningen en dronedetectie, wat veel vragen "
    "opleverde.",
    "Den Haag gaf een presentatie over het Living Lab Scheveningen en de dronedetectie; dit leverde veel vragen op.",
    "Anna Kowalski stuurt het evaluatierapport van de chatbot; in november plannen we een Teams-call.",
    "Met Madrid volgt in het eerste kwartaal van 2026 een kennissessie over de digital twin.",
    # English lines translated.
    "Een belangrijke les is om klein te beginnen, te delen wat werkt en niet twee keer hetzelfde te bouwen.",
    "De belangrijkste les: begin klein, deel wat werkt en bouw niet twee keer hetzelfde.",
    # Other rewordings of note lines.
    "Er was veel herkenning: iedereen worstelt met AI-richtlijnen en inkoop.",
    "Dublin deelt de AI-richtlijnen en Femke de Groot legt deze naast ons eigen AI-kader.",
    "We verkennen of de CGCC-bijeenkomst in het voorjaar van 2026 in Den Haag kan plaatsvinden.",
    "In de middag was er een rondleiding door Seestadt Aspern, een proeftuin voor een slimme wijk, met uitleg door "
    "Katrin Huber.",
    "Met Pieter Vos, adviseur bij VNG Realisatie, is ook gesproken; hij was aanwezig als toehoorder.",
    "Tomáš Novák, strategisch adviseur smart city in Praag, vertelde over het drone-beleid en toonde interesse in ons "
    "testgebied.",
]

INVENTED = [
    "Warschau levert de broncode van de chatbot gratis aan Den Haag.",
    "Den Haag financiert samen met Wenen een gezamenlijke pilot voor dronedetectie.",
    "Anna Kowalski komt naar Den Haag om de chatbot te installeren.",
    "Madrid en Den Haag ondertekenen een samenwerkingsovereenkomst over digital twins.",
    "Wenen stelt twee ontwikkelaars beschikbaar voor ons team Vergunningen.",
    "De gemeente heeft besloten de chatbot van Warschau aan te schaffen.",
    "Dublin betaalt de helft van de kosten van onze nieuwe AI-richtlijnen.",
    "Den Haag gaat volgend jaar een eigen drone-netwerk bouwen met Praag.",
    "Femke de Groot schrijft voor het einde van het jaar een nieuw kader voor de gemeente.",
]


@pytest.mark.parametrize("text", FAITHFUL)
def test_faithful_paraphrases_are_not_flagged(text: str) -> None:
    checked = check_answer("opbrengst", text, INDEX)
    assert [(u.kind, u.text, u.reason) for u in checked.unsupported] == []


@pytest.mark.parametrize("text", INVENTED)
def test_invented_promises_and_claims_are_flagged(text: str) -> None:
    checked = check_answer("vervolg", text, INDEX)
    assert {FactKind.PROMISE, FactKind.CLAIM} & {u.kind for u in checked.unsupported}


def test_report_words_do_not_hide_an_invented_promise() -> None:
    # "afgesproken" is report vocabulary, but what was agreed must still be in the notes.
    checked = check_answer("vervolg", "Er is afgesproken dat Madrid de kosten betaalt.", INDEX)
    assert [u.kind for u in checked.unsupported] == [FactKind.PROMISE]
