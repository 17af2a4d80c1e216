"""The claim check's grammar-level mechanisms, on short reports written for these tests.

Each mechanism is shown both ways: the faithful restatement passes, the changed one is flagged. The
reports are invented here (a trip to Lyon and one to Gent); no labelled sentence is used.
"""

from __future__ import annotations

from verslaghulp.summarising.actors import subjects
from verslaghulp.summarising.citations import invented_claim
from verslaghulp.summarising.claims import SourceSentences, already, check_claims, known_stem, negated

LYON = SourceSentences(
    "WAT WAS HET DOEL VAN DE REIS?\n\n"
    "Leren hoe Lyon zijn fietsnetwerk uitbreidt, als voorbereiding op het nieuwe Haagse fietsplan.\n\n"
    "WAT HEEFT DE REIS DE GEMEENTE OPGELEVERD?\n\n"
    "Bewoners klaagden over fietsers op de stoep. Lyon heeft daarvoor aparte fietsstroken op de kades aangelegd.\n"
    "Met de vervoerder TCL is geen afspraak gemaakt over deelfietsen.\n\n"
    "ZIJN ER VERVOLGAFSPRAKEN? ZO JA, WELKE?\n\n"
    "Ja: Den Haag levert vóór 1 mei een korte notitie aan over de Haagse fietsparkeerregels. "
    "Claire Martin deelt het ontwerp van de kades met Den Haag.\n"
)


def test_a_passive_sentence_is_judged_by_its_agent() -> None:
    # "door X": X acts, whatever the grammatical subject.
    assert [p.key for p in subjects("Het ontwerp van de kades wordt door Claire Martin met Den Haag gedeeld.")] == [
        "claire martin"
    ]
    assert check_claims("Het ontwerp van de kades wordt door Claire Martin met Den Haag gedeeld.", LYON) == []
    assert [
        f.kind for f in check_claims("Het ontwerp van de kades wordt door Den Haag met Claire Martin gedeeld.", LYON)
    ] == ["actor"]


def test_a_separable_verb_in_one_word_is_the_report_s_two() -> None:
    # "dat Den Haag een notitie aanlevert" restates "Den Haag levert een notitie aan".
    assert known_stem("aanlevert", LYON)
    assert not known_stem("afschaft", LYON)  # "schaft" is not in the report


def test_an_affirmed_denial_is_a_finding() -> None:
    assert negated("Met de vervoerder TCL is geen afspraak gemaakt")
    assert not negated("Niet alleen Lyon maar ook Gent deed mee")
    assert check_claims("Met de vervoerder TCL is geen afspraak over deelfietsen gemaakt.", LYON) == []
    findings = check_claims("Met de vervoerder TCL is een afspraak over deelfietsen gemaakt.", LYON)
    assert [f.kind for f in findings] == ["predicaat"] and "ontkent" in findings[0].reason


def test_the_purpose_stated_as_done_already_is_a_finding() -> None:
    assert already("Het fietsplan is al vernieuwd") and already("inmiddels vastgesteld")
    assert not already("vrijwel al het verkeer gaat per fiets")  # "al het" is "all"
    findings = check_claims("Het nieuwe Haagse fietsplan is inmiddels al uitgebreid met het fietsnetwerk.", LYON)
    assert [f.kind for f in findings] == ["predicaat"] and "doel van de reis" in findings[0].reason


def test_a_pronominal_adverb_points_back_to_the_sentence_before() -> None:
    # "Lyon heeft daarvoor ...": what "daarvoor" stands for is in the sentence before, so a summary that
    # names the complaint is aligned with it and held to its actor.
    assert check_claims("Tegen fietsers op de stoep legde Lyon aparte fietsstroken op de kades aan.", LYON) == []
    findings = check_claims(
        "Tegen klachten over fietsers op de stoep heeft Den Haag aparte fietsstroken op de kades aangelegd.", LYON
    )
    assert [f.kind for f in findings] == ["actor"]


GENT = SourceSentences(
    "Gent (België), 4-5 maart 2025\n\n"
    "WELKE LOCATIES ZIJN BEZOCHT?\n\n"
    "Gent (België): het stadhuis en het datalab in de wijk Dampoort.\n\n"
    "WAT HEEFT DE REIS DE GEMEENTE OPGELEVERD?\n\n"
    "Gent heeft een open datamodel gebouwd waarin parkeren, afval en verlichting worden gecombineerd.\n"
    "Een overzicht van de termijnen voor het indienen van aanvragen bij het Vlaamse fonds.\n"
)


def test_a_relative_clause_is_checked_with_its_antecedent_acting() -> None:
    # ", dat ... heeft gebouwd" after "Gent" says what Gent did; the main clause's subject is the delegation.
    sentence = (
        "In maart 2025 was een Haagse delegatie in Gent, dat een open datamodel heeft gebouwd waarin parkeren, "
        "afval en verlichting worden gecombineerd."
    )
    assert check_claims(sentence, GENT) == []
    swapped = (
        "Den Haag, dat een open datamodel heeft gebouwd waarin parkeren, afval en verlichting worden gecombineerd, "
        "ontving Gent."
    )
    assert "actor" in [f.kind for f in check_claims(swapped, GENT)]


def test_a_label_names_nobody_acting() -> None:
    # "Gent (België): ..." and the label line "Gent (België), 4-5 maart 2025" have no subject.
    label = "Gent (België): het stadhuis en het datalab in de wijk Dampoort."
    assert all(p.key != "gent" for p in subjects(label))
    assert check_claims("Van 4 tot en met 5 maart 2025 bezocht de Haagse delegatie het stadhuis van Gent.", GENT) == []


def test_an_infinitive_after_het_is_a_noun_not_a_claim() -> None:
    assert (
        check_claims("De reis leverde de termijnen op voor het indienen van aanvragen bij het Vlaamse fonds.", GENT)
        == []
    )
    # The same verb as a finite claim is held to the report.
    assert [f.kind for f in check_claims("Den Haag heeft een aanvraag ingediend bij het Vlaamse fonds.", GENT)] == [
        "predicaat"
    ]


def test_a_sentence_mostly_of_its_own_words_is_an_invented_claim() -> None:
    assert invented_claim("Met het bezoek versterkte Den Haag zijn internationale profilering als fietsstad.", LYON)
    # Framing words (who went, met, took place) and light verbs are not content of a claim.
    assert invented_claim("De Haagse delegatie trof in Lyon de vervoerder TCL.", LYON) is None
    assert invented_claim("In Lyon vond een gesprek plaats over fietsstroken op de kades.", LYON) is None


UTRECHT = SourceSentences(
    "ZIJN ER VERVOLGAFSPRAKEN? ZO JA, WELKE?\n\n"
    "Ja: Claire Martin wordt uitgenodigd voor de fietsconferentie in Den Haag.\n"
    "Claire Martin stuurt de tekeningen van de kades naar Den Haag.\n"
)


def test_who_has_something_done_to_them_is_not_the_one_doing_it() -> None:
    # "Claire Martin wordt uitgenodigd" (no "door"): Claire Martin is invited, she does not invite.
    assert check_claims("Claire Martin wordt uitgenodigd voor de fietsconferentie in Den Haag.", UTRECHT) == []
    findings = check_claims("Claire Martin nodigt Den Haag uit voor de fietsconferentie.", UTRECHT)
    assert [f.kind for f in findings] == ["actor"] and "andersom" in findings[0].reason


def test_after_a_verb_of_receiving_the_giver_acts() -> None:
    # "X krijgt van Y": Y gives; a hand-over told from the receiving end keeps its direction.
    assert [p.key for p in subjects("Den Haag krijgt van Claire Martin de tekeningen van de kades.")] == [
        "claire martin"
    ]
    assert check_claims("Den Haag krijgt van Claire Martin de tekeningen van de kades.", UTRECHT) == []
    reversed_ = check_claims("Claire Martin krijgt van Den Haag de tekeningen van de kades.", UTRECHT)
    assert [f.kind for f in reversed_] == ["actor"]
