"""The claim-level check: predicate, modality and actor of a sentence against the source sentence it restates.

The cases are written from the example archive's Vienna and Barcelona 2018 reports (the development
material); the held-out labelled sentences are only measured (bench/claims.py), never used here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from verslaghulp.archive.readers import read_document
from verslaghulp.summarising.actors import HAAG, adjective_of, subjects
from verslaghulp.summarising.claims import SourceSentences, check_claims
from verslaghulp.summarising.predicates import classes, entailed, past

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
        failing = [s for s in own.sentences if check_claims(s, own)]  # its sentences: headings left out, lines joined
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


# The texts below are written for these tests (invented people, real cities); none is a labelled sentence.
GENT = (
    "WAT WAS HET DOEL VAN DE REIS?\n\n"
    "Deelname aan de werkconferentie van het netwerk Open Steden in Gent, ter voorbereiding van het\n"
    "verklaring over open data. Den Haag wilde meer weten over open data in de wijken.\n\n"
    "WAT HEEFT DE REIS DE GEMEENTE OPGELEVERD?\n\n"
    "- Onze voorstellen over open data zijn opgenomen in het concept van het verklaring.\n"
    "- Een voorbeeld van slimme afvalbakken die zelf melden wanneer ze vol zijn;\n"
    "dit past bij de proef in de Haagse binnenstad.\n"
    "- Gent werkt met een open dataplatform waarop elke dienst zijn eigen gegevens beheert.\n\n"
    "ZIJN ER VERVOLGAFSPRAKEN? ZO JA, WELKE?\n\n"
    "Lena Berg deelt de draaiboeken waarmee Gent zijn evenementen voorbereidt. Het netwerk nodigt ons uit\n"
    "voor de ondertekening van het verklaring in juni."
)


def test_a_sentence_wrapped_over_two_lines_is_one_source_sentence() -> None:
    gent = SourceSentences(GENT)
    assert any(s.startswith("Een voorbeeld van slimme afvalbakken") and s.endswith("Haagse binnenstad.")
               for s in gent.sentences)  # fmt: skip
    assert "verklaring over open data." in next(s for s in gent.sentences if s.startswith("Deelname"))


def test_a_predicate_the_report_states_only_as_an_intention_or_still_to_come_is_found() -> None:
    gent = SourceSentences(GENT)
    signed = check_claims("Het verklaring over open data werd tijdens de werkconferentie in Gent ondertekend.", gent)
    assert [f.kind for f in signed] == ["predicaat"] and "ondertekening" in signed[0].reason
    assert check_claims("Den Haag is uitgenodigd voor de ondertekening van het verklaring in juni.", gent) == []


def test_a_restated_fact_is_not_held_to_the_wish_beside_it() -> None:
    gent = SourceSentences(GENT)
    assert check_claims("De Haagse voorstellen over open data kwamen in het concept van het verklaring.", gent) == []


def test_chairing_is_more_than_taking_part() -> None:
    assert classes("De wethouder zat de sessie voor.") == {"voorzitten"}
    assert "voorzitten" not in classes("Zij zat in de trein voor Wenen.")
    gent = SourceSentences(GENT)
    chaired = check_claims("Den Haag zat in Gent de werkconferentie van het netwerk Open Steden voor.", gent)
    assert [f.kind for f in chaired] == ["predicaat"]


def test_a_place_adjective_names_the_place() -> None:
    assert adjective_of("kopenhaagse", "kopenhagen") and adjective_of("gentse", "gent")
    assert adjective_of("amsterdamse", "amsterdam") and not adjective_of("gentse", "genua")
    gent = SourceSentences(GENT)
    assert check_claims("Het Gentse dataplatform laat elke dienst zijn eigen gegevens beheren.", gent) == []


def test_what_the_source_gives_another_party_is_not_den_haags() -> None:
    gent = SourceSentences(GENT)
    owned = check_claims("Lena Berg gebruikt de Haagse draaiboeken om de evenementen van Gent voor te bereiden.", gent)
    assert [(f.kind, f.text) for f in owned] == [("actor", "Haagse")] and "Gent" in owned[0].reason
    assert check_claims("Lena Berg deelt de draaiboeken waarmee Gent zijn evenementen voorbereidt.", gent) == []
    # "net als Gent": the sentence itself gives Gent its part
    assert check_claims("Den Haag wil, net als Gent, elke dienst zijn eigen gegevens laten beheren.", gent) == []


def test_the_past_tense_of_strong_and_weak_verbs() -> None:
    assert past("Zij hielden een sessie.") and past("Madrid organiseerde het.") and past("We kregen een overzicht.")
    assert not past("Zij houden een sessie.") and not past("De geïnteresseerde steden.")
