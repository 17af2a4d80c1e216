"""The sets' schemas forbid unknown keys, every split validates, and every expected string is in its source."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from verslaghulp.archive.readers import read_document
from verslaghulp.evaluation import sets as eval_sets
from verslaghulp.evaluation.matching import contains

SPLITS = eval_sets.SPLITS
# The one must_contain string that need not be in the notes: the agreements answer (Den Haag's "vervolg",
# another form's "afspraken") of notes that say no agreement was made ("geen afspraken", "niks
# afgesproken") is "Nee" (see eval/sets/README.md).
ALLOWED_OUTSIDE_NOTES = {"Nee"}


def _drafting(split: str) -> list[eval_sets.DraftingCase]:
    return eval_sets.load_drafting(eval_sets.split_paths("drafting", split=split))


@cache
def _report_text(path: Path) -> str:
    return read_document(path, max_bytes=50_000_000, max_chars=1_000_000).text


@pytest.mark.parametrize("split", SPLITS)
def test_every_split_of_every_set_validates(split: str) -> None:
    assert len(_drafting(split)) >= 20
    for path in eval_sets.split_paths("grounding", split=split):
        assert eval_sets.load_grounding(path)
    for path in eval_sets.split_paths("retrieval", split=split):
        assert eval_sets.load_retrieval(path).questions
    for path in eval_sets.split_paths("summaries", split=split):
        assert eval_sets.load_summaries(path).requests


def test_the_grounding_test_split_uses_the_kind_generiek() -> None:
    kinds = {e.kind for p in eval_sets.load_grounding(eval_sets.set_path("grounding", split="test")) for e in p.errors}
    assert "generiek" in kinds


def _case(**expect: Any) -> dict[str, Any]:
    return {"id": "x", "form": "denhaag-2025", "notes": "Wenen 3-5 juni", "expect": expect}


@pytest.mark.parametrize(
    ("model", "data"),
    [
        (eval_sets.DraftingCase, _case(must_contian={"doel": ["Wenen"]})),  # a misspelt expectation
        (eval_sets.DraftingCase, {**_case(), "notities": "..."}),
        (eval_sets.DraftingCase, _case(period={"start": "2025-06-03", "end": "2025-06-05", "days": 3, "dagen": 3})),
        (eval_sets.DraftingCase, _case(legs=[{"mode": "trein", "kilometers": 900}])),
        (eval_sets.GroundingPair, {"id": "p", "notes": "n", "report": {}, "errors": [
            {"id": "e", "question": "doel", "find": "a", "replace": "b", "kind": "naam", "note": "x"}]}),
        (eval_sets.GroundingPair, {"id": "p", "notes": "n", "report": {}, "errors": [
            {"id": "e", "question": "doel", "find": "a", "replace": "b", "kind": "typo"}]}),  # unknown kind
        (eval_sets.GroundingSet, {"pairs": [], "pair": []}),
        (eval_sets.RetrievalSet, {"archive": "a", "questions": [
            {"id": "q", "question": "?", "expect": [{"report": "r.txt", "question": ["doel"]}]}]}),
        (eval_sets.RetrievalSet, {"archive": "a", "questions": [], "kk": 5}),
        (eval_sets.SummariesSet, {"archive": "a", "requests": [
            {"id": "r", "request": "?", "style": "vraag", "must_cite": ["a.txt"], "must_contains": ["x"]}]}),
        (eval_sets.SmokeConfig, {"sets": {"grounding": "all"}, "modell": "fake"}),
    ],
)  # fmt: skip
def test_unknown_keys_are_errors(model: type[BaseModel], data: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        model.model_validate(data)


def test_the_keys_that_exist_are_accepted() -> None:
    case = eval_sets.DraftingCase.model_validate(
        _case(must_not_contain_in={"vervolg": ["Nee"]}, city="Wenen", must_contain={"doel": [404]})
    )
    assert case.expect.city == ["Wenen"] and case.expect.must_contain == {"doel": ["404"]}
    error = {"id": "e", "question": "doel", "find": "a", "replace": "a b", "kind": "generiek"}
    assert eval_sets.GroundingPair.model_validate({"id": "p", "notes": "n", "report": {}, "errors": [error]})


@pytest.mark.parametrize("split", SPLITS)
def test_every_drafting_must_contain_string_is_in_the_notes(split: str) -> None:
    missing = [
        f"{case.id} {question}: {text!r}"
        for case in _drafting(split)
        for question, texts in case.expect.must_contain.items()
        for text in texts
        if not contains(case.notes, text) and text not in ALLOWED_OUTSIDE_NOTES
    ]
    assert not missing, "must_contain strings not in the case's notes:\n" + "\n".join(missing)


@pytest.mark.parametrize("split", SPLITS)
def test_every_summaries_must_contain_string_is_in_a_cited_report(split: str) -> None:
    data = eval_sets.load_summaries(eval_sets.set_path("summaries", split=split))
    folder = eval_sets.repo_root() / data.archive
    missing = [
        f"{request.id}: {text!r}"
        for request in data.requests
        for text in request.must_contain
        if not any(contains(_report_text(folder / name), text) for name in request.must_cite)
    ]
    assert not missing, "must_contain strings in none of the must_cite reports:\n" + "\n".join(missing)


@pytest.mark.parametrize("split", SPLITS)
def test_every_planted_error_replaces_text_of_its_answer(split: str) -> None:
    wrong = [
        f"{pair.id}/{error.id}: {error.find!r} not in {error.question}"
        for pair in eval_sets.load_grounding(eval_sets.set_path("grounding", split=split))
        for error in pair.errors
        if error.find not in pair.report.get(error.question, "")
    ]
    assert not wrong, "\n".join(wrong)


def test_the_dev_labelled_sentences_join_the_dev_split_only(tmp_path: Path) -> None:
    held_out = eval_sets.load_labelled(eval_sets.eval_dir() / "sets" / "labelled-sentences.yaml", "dev").sentences
    written_for_dev = eval_sets.load_labelled(eval_sets.eval_dir() / "sets" / "labelled-sentences-dev.yaml").sentences
    assert [s.id for s in eval_sets.load_labelled_split("dev").sentences] == [
        s.id for s in [*held_out, *written_for_dev]
    ]
    assert len(eval_sets.load_labelled_split("test").sentences) == len(
        eval_sets.load_labelled(eval_sets.eval_dir() / "sets" / "labelled-sentences.yaml", "test").sentences
    )
    # A dev file that cites a test report would put that report's sentences in both splits: refused.
    for name in ("labelled-sentences.yaml", "labelled-sentences-dev.yaml"):
        (tmp_path / name).write_text(
            (eval_sets.eval_dir() / "sets" / name).read_text(encoding="utf-8"), encoding="utf-8"
        )
    planted = (tmp_path / "labelled-sentences-dev.yaml").read_text(encoding="utf-8")
    test_report = (
        eval_sets.load_labelled(eval_sets.eval_dir() / "sets" / "labelled-sentences.yaml", "test")
        .sentences[0]
        .cites[-1]
    )
    (tmp_path / "labelled-sentences-dev.yaml").write_text(
        planted.replace("2018-06-londen-tech-week.txt", test_report, 1), encoding="utf-8"
    )
    with pytest.raises(ValueError, match="cites reports outside the dev split"):
        eval_sets.load_labelled_split("dev", tmp_path)
