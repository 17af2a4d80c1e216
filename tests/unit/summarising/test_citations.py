from verslaghulp.config import UnsupportedFactPolicy
from verslaghulp.summarising.citations import SourceIndexes, apply_check, check_sentence
from verslaghulp.summarising.rendering import renumber_blocks, renumbering, with_mark
from verslaghulp.summarising.result import Block, CheckAction, CitedSentence, SentenceCheck

from .conftest import sample_reports


def indexes() -> SourceIndexes:
    reports = sample_reports()
    return SourceIndexes(
        {n: r.text for n, r in enumerate(reports, 1)}, {n: r.source_name for n, r in enumerate(reports, 1)}
    )


def test_a_sentence_whose_facts_are_in_the_cited_report_passes() -> None:
    check = check_sentence(
        CitedSentence(text="In Madrid werkt een team van 12 medewerkers aan de digitale tweeling.", sources=[1]),
        indexes(),
    )
    assert check.supported and check.sources == [1] and check.reports == ["2025-02-madrid.txt"]


def test_a_planted_wrong_name_is_caught() -> None:
    check = check_sentence(
        CitedSentence(text="In Madrid sprak de gemeente met Lucía Hernández.", sources=[1]), indexes()
    )
    assert not check.supported
    assert [u.text for u in check.unsupported] == ["Lucía Hernández"]
    assert "geciteerde verslag" in check.unsupported[0].reason


def test_a_planted_wrong_number_is_caught() -> None:
    check = check_sentence(CitedSentence(text="Madrid werkt met een team van 15 medewerkers.", sources=[1]), indexes())
    assert [u.text for u in check.unsupported] == ["15"]


def test_a_fact_from_another_report_fails_against_the_cited_one() -> None:
    # Dublin's 40 bridges cited to Vienna's report: the right fact, the wrong source.
    check = check_sentence(CitedSentence(text="In Wenen inspecteert men 40 bruggen per jaar.", sources=[2]), indexes())
    assert not check.supported


def test_a_cited_report_that_supports_nothing_is_dropped_from_the_citation() -> None:
    sentence = CitedSentence(text="Dublin inspecteert 40 bruggen per jaar met drones.", sources=[1, 3])
    check = check_sentence(sentence, indexes())
    assert check.supported and check.sources == [3] and check.dropped_reports == ["2025-02-madrid.txt"]


def test_the_policy_flags_or_removes_a_failing_sentence() -> None:
    sentence = CitedSentence(text="Madrid werkt met 15 medewerkers.", sources=[1])
    check = check_sentence(sentence, indexes())
    flagged, flag_check = apply_check(sentence, check, UnsupportedFactPolicy.FLAG)
    assert flagged is not None and flagged.text == "Madrid werkt met ⟦15⟧ medewerkers."
    assert flag_check.action is CheckAction.FLAGGED
    removed, remove_check = apply_check(sentence, check, UnsupportedFactPolicy.REMOVE)
    assert removed is None and remove_check.action is CheckAction.REMOVED


def test_a_sentence_without_sources_fails() -> None:
    assert not check_sentence(CitedSentence(text="Dublin inspecteert bruggen.", sources=[]), indexes()).supported


def test_marks_go_before_the_final_stop_and_numbers_follow_first_citation() -> None:
    blocks = [
        Block(
            kind="antwoord",
            sentences=[
                CitedSentence(text="Eerst Wenen.", sources=[3]),
                CitedSentence(text="Dan beide!", sources=[3, 1]),
            ],
        )
    ]
    new = renumbering(blocks, [])
    assert new == {3: 1, 1: 2}
    out = renumber_blocks(blocks, new)
    assert [with_mark(s) for s in out[0].sentences] == ["Eerst Wenen [1].", "Dan beide [1, 2]!"]
    assert with_mark(CitedSentence(text="Zonder punt", sources=[2])) == "Zonder punt [2]."


def test_a_sentence_cited_to_the_wrong_report_is_moved_to_the_one_that_supports_it() -> None:
    from verslaghulp.summarising.verify import check_blocks

    # Report 3 is Dublin; the model cited report 1 (Madrid) for a Dublin fact, as small models do.
    wrong = CitedSentence(text="Dublin inspecteert 40 bruggen per jaar met drones.", sources=[1])
    blocks, checks = check_blocks([Block(kind="alinea", sentences=[wrong])], indexes(), UnsupportedFactPolicy.FLAG)
    assert blocks[0].sentences[0].sources == [3]
    assert blocks[0].sentences[0].text == wrong.text  # not flagged: the check found its source
    assert checks[0].action is CheckAction.REATTRIBUTED and checks[0].reports == ["2023-03-dublin.txt"]


def test_a_sentence_no_report_supports_is_still_flagged() -> None:
    from verslaghulp.summarising.verify import check_blocks

    invented = CitedSentence(text="Dublin inspecteert 75 bruggen per jaar met drones.", sources=[1])
    blocks, checks = check_blocks([Block(kind="alinea", sentences=[invented])], indexes(), UnsupportedFactPolicy.FLAG)
    assert checks[0].action is CheckAction.FLAGGED and "⟦" in blocks[0].sentences[0].text


def test_a_repeated_sentence_is_dropped_and_not_counted() -> None:
    from verslaghulp.summarising.result import CitationCheck
    from verslaghulp.summarising.verify import check_blocks

    once = CitedSentence(text="Dublin inspecteert 40 bruggen per jaar met drones.", sources=[3])
    again = CitedSentence(text="Dublin inspecteert 40 bruggen per jaar met drones!", sources=[3])
    blocks, checks = check_blocks(
        [Block(kind="alinea", sentences=[once]), Block(kind="alinea", sentences=[again])],
        indexes(),
        UnsupportedFactPolicy.FLAG,
    )
    assert [len(b.sentences) for b in blocks] == [1]
    assert [c.action for c in checks] == [CheckAction.OK, CheckAction.DUPLICATE]
    assert len(CitationCheck(policy="flag", sentences=checks).in_text) == 1


def test_a_rewrite_that_no_longer_states_a_fact_is_not_used() -> None:
    from verslaghulp.summarising.verify import check_blocks

    invented = CitedSentence(text="Dublin inspecteert 75 bruggen per jaar met drones.", sources=[3])
    seen: list[list[str]] = []

    def vague(sentence: CitedSentence, check: SentenceCheck) -> CitedSentence:
        seen.append([u.text for u in check.unsupported])
        return CitedSentence(text="Het was een nuttige reis.", sources=[3])

    blocks, checks = check_blocks(
        [Block(kind="alinea", sentences=[invented])], indexes(), UnsupportedFactPolicy.FLAG, vague
    )
    assert seen == [["75"]]  # the rewrite is told what the report does not say
    assert checks[0].action is CheckAction.FLAGGED and "⟦75⟧" in blocks[0].sentences[0].text


def test_a_passing_sentence_is_never_rewritten() -> None:
    from verslaghulp.summarising.verify import check_blocks

    def never(sentence: CitedSentence, check: SentenceCheck) -> CitedSentence:
        raise AssertionError("a supported sentence must not be rewritten")

    fine = CitedSentence(text="Dublin inspecteert 40 bruggen per jaar met drones.", sources=[3])
    blocks, checks = check_blocks(
        [Block(kind="alinea", sentences=[fine])], indexes(), UnsupportedFactPolicy.FLAG, never
    )
    assert checks[0].action is CheckAction.OK and blocks[0].sentences == [fine]


def test_a_restatement_in_other_inflections_is_no_invented_promise() -> None:
    # The facts layer looks words up as written: "sturen" and "gevolgd" are not in "stuurt ... volgt".
    text = "Lena Berg stuurt de beschrijving van het databeheer; in mei 2025 volgt een videogesprek met ons team."
    sources = SourceIndexes({1: text}, {1: "gent.txt"})
    sentence = "Lena Berg zou de beschrijving van het databeheer sturen, gevolgd door een videogesprek in mei 2025."
    assert check_sentence(CitedSentence(text=sentence, sources=[1]), sources).supported
    invented = "Lena Berg heeft toegezegd dat Gent de kosten van het videogesprek in mei 2025 betaalt."
    assert not check_sentence(CitedSentence(text=invented, sources=[1]), sources).supported
