from __future__ import annotations

from pathlib import Path

from langchain_core.messages import HumanMessage

from verslaghulp.drafting.prompting import TextAnswer
from verslaghulp.evaluation.cache import DiskLLMCache, cached_model
from verslaghulp.llm.fake import FakeChatModel


def test_outputs_are_stored_and_replayed_with_their_token_counts(tmp_path: Path) -> None:
    model = FakeChatModel(replies=['{"tekst": "eerste"}', '{"tekst": "tweede"}', '{"tekst": "derde"}'])
    cache = DiskLLMCache(tmp_path, "fake:fake")
    ask = [HumanMessage(content="Vraag: doel?")]
    with cached_model(model, cache):
        first = model.structured(ask, TextAnswer, max_tokens=50)
        again = model.structured(ask, TextAnswer, max_tokens=50)
    assert first.value.tekst == again.value.tekst == "eerste"
    assert again.stats.prompt_tokens == first.stats.prompt_tokens > 0
    assert (cache.hits, cache.misses, len(model.calls)) == (1, 1, 1)
    assert model.cache is None  # the shared model is left as it was


def test_a_changed_prompt_schema_or_limit_is_a_new_key(tmp_path: Path) -> None:
    model = FakeChatModel(replies=[f'{{"tekst": "antwoord {n}"}}' for n in range(4)])
    cache = DiskLLMCache(tmp_path, "fake:fake")
    with cached_model(model, cache):
        model.structured([HumanMessage(content="Vraag: doel?")], TextAnswer, max_tokens=50)
        model.structured([HumanMessage(content="Vraag: doel van de reis?")], TextAnswer, max_tokens=50)
        model.structured([HumanMessage(content="Vraag: doel?")], TextAnswer, max_tokens=60)
    assert (cache.hits, cache.misses) == (0, 3)
    assert len(list(tmp_path.glob("*/*.json"))) == 3


def test_another_model_label_does_not_share_outputs(tmp_path: Path) -> None:
    ask = [HumanMessage(content="Vraag: doel?")]
    model = FakeChatModel(replies=['{"tekst": "a"}', '{"tekst": "b"}'])
    with cached_model(model, DiskLLMCache(tmp_path, "embedded:one")):
        model.structured(ask, TextAnswer)
    other = DiskLLMCache(tmp_path, "embedded:two")
    with cached_model(model, other):
        assert model.structured(ask, TextAnswer).value.tekst == "b"
    assert other.hits == 0


def test_a_corrupt_entry_is_a_miss(tmp_path: Path) -> None:
    model = FakeChatModel(replies=['{"tekst": "a"}', '{"tekst": "b"}'])
    cache = DiskLLMCache(tmp_path, "fake:fake")
    ask = [HumanMessage(content="Vraag?")]
    with cached_model(model, cache):
        model.structured(ask, TextAnswer)
    next(tmp_path.glob("*/*.json")).write_text("{half", encoding="utf-8")
    with cached_model(model, cache):
        assert model.structured(ask, TextAnswer).value.tekst == "b"
