from pathlib import Path

import pytest

from verslaghulp.config import get_settings
from verslaghulp.llm.prompts import load_prompt
from verslaghulp.summarising import StyleNotFoundError, available_styles, load_style
from verslaghulp.summarising.schemas import writing_budget
from verslaghulp.summarising.styles import Shape, load_style_file


def test_the_four_styles_are_files_with_their_prompts() -> None:
    styles = {s.id: s for s in available_styles()}
    assert set(styles) >= {"nieuwsbericht", "managementsamenvatting", "jaaroverzicht", "vraag"}
    assert styles["nieuwsbericht"].shape is Shape.ARTICLE and styles["nieuwsbericht"].words == (250, 400)
    assert styles["managementsamenvatting"].shape is Shape.BULLETS
    assert styles["jaaroverzicht"].shape is Shape.TABLE
    assert styles["vraag"].shape is Shape.ANSWER
    folder = get_settings().resolved_prompts_dir()
    for style in styles.values():
        assert load_prompt(style.prompt, folder).name == style.prompt


def test_every_style_can_be_written_within_the_context_window() -> None:
    for style in available_styles():
        assert writing_budget(style) < 3000


def test_a_new_style_is_a_new_file(tmp_path: Path) -> None:
    (tmp_path / "kort.yaml").write_text(
        "id: kort\nname: Kort\ndescription: Twee zinnen.\nshape: antwoord\nprompt: summary-vraag\n"
        "words: [10, 60]\nsentences: [1, 2]\n",
        encoding="utf-8",
    )
    style = load_style("kort", tmp_path)
    assert style.sentences == (1, 2)
    assert "kort" in {s.id for s in available_styles(tmp_path)}


def test_a_bad_style_file_is_reported_in_dutch(tmp_path: Path) -> None:
    path = tmp_path / "fout.yaml"
    path.write_text("id: anders\nname: X\ndescription: X\nshape: artikel\nprompt: p\nwords: [5, 1]\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"Stijlbestand fout\.yaml is ongeldig"):
        load_style_file(path)


def test_an_unknown_style_lists_the_known_ones() -> None:
    with pytest.raises(StyleNotFoundError, match=r"Onbekende stijl .gedicht.*nieuwsbericht"):
        load_style("gedicht")


def test_a_news_item_asks_enough_facts_and_sentences_to_reach_its_length() -> None:
    from verslaghulp.summarising.article import LEAD_WORDS, WORDS_PER_SENTENCE, facts_needed, section_bounds
    from verslaghulp.summarising.result import Fact
    from verslaghulp.summarising.sections import Section

    def section(facts: int) -> Section:
        return Section("Kop", None, [(n, Fact(report_id="r", question_id="opbrengst", heading="", text="x"))
                                     for n in range(facts)])  # fmt: skip

    style = load_style("nieuwsbericht")
    low, high = style.words
    # Few reports: more facts each, so that the item can still reach its minimum length.
    for reports in (2, 3, 5):
        assert reports * facts_needed(style, reports) * WORDS_PER_SENTENCE + LEAD_WORDS >= low
    assert facts_needed(style, 10) == style.facts_per_report
    # A section has one model sentence per fact ...
    assert section_bounds(style, [section(3), section(2)], max_words=high) == [(3, 3), (2, 2)]
    # ... and many facts share the maximum length.
    bounds = section_bounds(style, [section(12), section(12), section(12)], max_words=high)
    assert sum(b[1] for b in bounds) * WORDS_PER_SENTENCE + LEAD_WORDS <= high + 3 * WORDS_PER_SENTENCE


def test_two_sentences_in_one_item_become_two_cited_sentences() -> None:
    from types import SimpleNamespace

    from verslaghulp.summarising.writing import sentences_of

    item = SimpleNamespace(bronnen=[2, 9], tekst="Hamburg test drones sinds 2023. De haven betaalt ca. 40 procent.")
    out = sentences_of([item], {1, 2})
    assert [(s.text, s.sources) for s in out] == [
        ("Hamburg test drones sinds 2023.", [2]),
        ("De haven betaalt ca. 40 procent.", [2]),
    ]


def test_a_news_item_is_trimmed_to_its_maximum_but_keeps_every_trip() -> None:
    from verslaghulp.summarising.article import trim_to_budget
    from verslaghulp.summarising.coverage import word_count
    from verslaghulp.summarising.result import Block, CitedSentence

    def section(sources: list[int]) -> Block:
        words = " ".join(["woord"] * 19)
        return Block(kind="alinea", sentences=[CitedSentence(text=f"{words} {n}.", sources=[number])
                                               for n, number in enumerate(sources)])  # fmt: skip

    trimmed = trim_to_budget([section([1] * 8), section([2, 2, 3]), section([3, 4])], max_words=200)
    assert sum(word_count(s.text) for b in trimmed for s in b.sentences) <= 200
    assert [len(b.sentences) for b in trimmed] == [5, 3, 2]  # 20 words each: the longest section gave way
    tiny = trim_to_budget([section([1, 1, 1]), section([2, 3])], max_words=10)
    assert [len(b.sentences) for b in tiny] == [1, 2]  # a report's only sentence stays
