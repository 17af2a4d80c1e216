"""The claim-level check: predicate, modality and actor of a sentence against the source sentence it restates.

The cases are written from the example archive's Vienna and Barcelona 2018 reports (the development
material); the held-out labelled sentences are only measured (bench/claims.py), never used here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from verslaghulp.archive.readers import read_document
from verslaghulp.summarising.actors import HAAG, subjects
from verslaghulp.summarising.claims import SourceSentences, check_claims
from verslaghulp.summarising.passages import split_sentences
from verslaghulp.summarising.predicates import classes, entailed

REPORTS = Path(__file__).resolve().parents[3] / "examples" / "archive" / "reports"


def source(name: str) -> SourceSentences:
    return SourceSentences(read_document(REPORTS / name, max_bytes=10**7, max_chars=10**6).text)


WENEN = "2024-05-wenen-drones-luchtruim.txt"
EXPO = "2018-11-barcelona-smart-city-expo.txt"


@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        (EXPO, "Op de Smart City Expo in Barcelona nam Den Haag deel aan het bestuurlijke programma van de VNG."),
        (
            EXPO,
            "Den Haag presenteerde in het Holland Paviljoen een eigen onderdeel over de boulevard van Scheveningen.",
        ),
        (
            EXPO,
            "In het Holland Paviljoen liet Den Haag zien hoe sensoren en data helpen bij het beheer van de boulevard.",
        ),
        (EXPO, "Met Sant Cugat plant Den Haag een online sessie over groen en wateropvang in de wijk."),
        (EXPO, "Den Haag draagt bij aan een notitie van de VNG over gezamenlijke inkoop van sensoren."),
        (WENEN, "Stefan Gruber deelt het Weense protocol voor drones bij de brandweer."),
        (WENEN, "Wenen zet bij grote branden een drone in om de brandweer snel een beeld van bovenaf te geven."),
        (WENEN, "Andere steden vroegen Den Haag om zijn ervaringen met dronedetectie bij evenementen."),
        (WENEN, "Den Haag schrijft mee aan een notitie van UIC2 over de rol van gemeenten bij U-space."),
    ],
)
def test_faithful_paraphrases_pass(name: str, sentence: str) -> None:
    assert check_claims(sentence, source(name)) == []


@pytest.mark.parametrize(
    ("name", "sentence", "kind", "words"),
    [
        # predicate: took part -> organised; presented -> won; plans -> held; writes along -> approved
        (EXPO, "Den Haag organiseerde het bestuurlijke programma van de VNG op de Smart City Expo.", "predicaat",
         "organiseerde"),
        (EXPO, "Den Haag won in het Holland Paviljoen een prijs met zijn onderdeel over de boulevard.", "predicaat",
         "won"),
        (WENEN, "Den Haag keurde de UIC2-notitie over de rol van gemeenten bij U-space goed.", "predicaat",
         "keurde de UIC2-notitie over de rol van gemeenten bij U-space goed"),
        # actor: Vienna's drone for the fire brigade given to Den Haag; the protocol's hand-over reversed
        (WENEN, "Den Haag zet een drone in om de brandweer bij grote branden snel een beeld van bovenaf te geven.",
         "actor", "Den Haag"),
        (WENEN, "Den Haag deelt het Weense protocol voor drones bij de brandweer met Stefan Gruber.", "actor",
         "Den Haag"),
    ],
)  # fmt: skip
def test_a_changed_predicate_or_actor_is_found(name: str, sentence: str, kind: str, words: str) -> None:
    findings = check_claims(sentence, source(name))
    assert [(f.kind, f.text) for f in findings] == [(kind, words)]
    assert "verslag" in findings[0].reason


def test_a_plan_stated_as_done_or_a_possibility_as_certain_is_found() -> None:
    expo = source(EXPO)
    held = check_claims("Met Sant Cugat heeft Den Haag een online sessie over groen en wateropvang gehouden.", expo)
    assert held and held[0].kind == "predicaat"
    text = (
        "Bij Sant Cugat zag Den Haag de groene smart city aanpak. "
        "Die aanpak willen we misschien overnemen voor de wijken.\n"
        "Met Sant Cugat is een sessie afgesproken."
    )
    possible = SourceSentences(text)
    assert check_claims("Den Haag neemt de aanpak van Sant Cugat over voor de wijken.", possible)
    assert check_claims("Den Haag kan de aanpak van Sant Cugat overnemen voor de wijken.",
                        possible) == []  # fmt: skip


def test_every_sentence_of_the_archive_passes_against_its_own_report() -> None:
    for path in sorted(REPORTS.iterdir()):
        text = read_document(path, max_bytes=10**7, max_chars=10**6).text
        own = SourceSentences(text)
        failing = [s for s in split_sentences(text) if not s.isupper() and check_claims(s, own)]  # headings skipped
        assert failing == [], path.name


def test_the_predicate_lexicon_sees_inflections_and_entailments() -> None:
    assert classes("We namen deel aan de beurs") == {"deelnemen"}
    assert classes("georganiseerd door de VNG") == {"organiseren"}
    assert classes("Het college keurde het plan goed") == {"goedkeuren"}
    assert "deelnemen" in entailed({"organiseren"}) and "nomineren" in entailed({"winnen"})
    assert "winnen" not in entailed({"nomineren"}) and "organiseren" not in entailed({"deelnemen"})


def test_the_subject_is_the_first_party_no_preposition_governs() -> None:
    sentence = "In juni deelde Austro Control haar handreiking met Den Haag."
    assert [p.key for p in subjects(sentence)] == ["austro control"]
    assert [p.key for p in subjects("Wij namen deel aan het programma.")] == [HAAG]
    assert [p.key for p in subjects("Madrid en Den Haag organiseren samen een sessie.", {"madrid"})] == ["madrid", HAAG]


def test_a_person_acts_for_the_organisation_the_report_says_they_work_for() -> None:
    wenen = source(WENEN)
    assert check_claims("De stad Wenen deelt het Weense protocol voor drones bij de brandweer.", wenen) == []


def test_what_happens_in_another_city_is_not_den_haags_doing_and_a_follow_up_is_still_to_come() -> None:
    text = (
        "WAT HEEFT DE REIS DE GEMEENTE OPGELEVERD?\n\n"
        "- In Madrid werkt een team van 12 medewerkers aan de digitale tweeling van de stad.\n\n"
        "ZIJN ER VERVOLGAFSPRAKEN? ZO JA, WELKE?\n\nMadrid stuurt in mei de handleiding voor de hittekaarten."
    )
    madrid = SourceSentences(text)
    moved = check_claims("Den Haag werkt met een team van 12 medewerkers aan een digitale tweeling.", madrid)
    assert [f.kind for f in moved] == ["actor"] and "Madrid" in moved[0].reason
    assert check_claims("In Madrid werkt een team van 12 medewerkers aan de digitale tweeling.", madrid) == []
    done = check_claims("Madrid heeft de handleiding voor de hittekaarten gestuurd.", madrid)
    assert [f.kind for f in done] == ["predicaat"] and "nog gebeuren" in done[0].reason
    assert check_claims("Madrid stuurt in mei de handleiding voor de hittekaarten.", madrid) == []
    assert check_claims("Afgesproken is dat Madrid de handleiding voor de hittekaarten heeft gestuurd.", madrid) == []
