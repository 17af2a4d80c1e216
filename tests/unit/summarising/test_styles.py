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
    from verslaghulp.summarising.article import LEAD_WORDS, WORDS_PER_SENTENCE, facts_needed, paragraph_bounds

    style = load_style("nieuwsbericht")
    low, high = style.words
    # Few reports: more facts each, so that the item can still reach its minimum length.
    for reports in (2, 3, 5):
        sentences = paragraph_bounds(style, facts_needed(style, reports), reports, high)[1]
        assert reports * (sentences + 1) * WORDS_PER_SENTENCE + LEAD_WORDS >= low
    assert facts_needed(style, 10) == style.facts_per_report
    # A paragraph has one model sentence per fact of its report ...
    assert paragraph_bounds(style, facts=3, reports=2, max_words=high) == (3, 3)
    # ... and many reports share the maximum length.
    per_report = paragraph_bounds(style, facts=4, reports=12, max_words=high)[1]
    assert 12 * (per_report + 1) * WORDS_PER_SENTENCE + LEAD_WORDS <= high + 12 * WORDS_PER_SENTENCE
