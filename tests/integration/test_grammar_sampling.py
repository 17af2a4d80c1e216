"""Grammar as a check: the same answers as llama-cpp-python's masked sampling, always valid JSON."""

from __future__ import annotations

import pytest
from langchain_core.messages import HumanMessage, SystemMessage

from verslaghulp.drafting.prompting import ListAnswer, TextAnswer, list_schema
from verslaghulp.llm.embedded import EmbeddedChatModel, to_chat_messages
from verslaghulp.llm.sampling import GrammarMode
from verslaghulp.llm.structured import compact_schema

pytestmark = pytest.mark.real_model

SYSTEM = "Je bent secretaris bij de gemeente. Antwoord kort, in het Nederlands, in JSON."
CASES = [
    ("1. doel: overleg in Gent over open data\n2. gesproken met Jan de Vries, CIO\nVraag: doel?", TextAnswer),
    ("1. gesproken: Lena Gruber - CIO Wenen\n2. gesproken: Piet Jansen (TU Wien)\nVraag: wie?", list_schema(2)),
    ("1. afspraak: Dublin stuurt in juni hun drone-beleid\nVraag: afspraken?", ListAnswer),
    ("notes: we visited Copenhagen by train, met the city CTO\nQuestion: purpose?", TextAnswer),
]


@pytest.mark.parametrize(("user", "schema"), CASES, ids=["text", "list2", "list", "english"])
def test_checking_the_chosen_token_gives_the_masked_answer(
    tiny_model: EmbeddedChatModel,
    user: str,
    schema: type[TextAnswer] | type[ListAnswer],
) -> None:
    messages = [SystemMessage(content=SYSTEM), HumanMessage(content=user)]
    response_format = {"type": "json_object", "schema": compact_schema(schema)}
    llama = tiny_model.load()
    with tiny_model._lock:  # llama-cpp-python's own chat completion: the grammar masks every token
        before = llama.create_chat_completion(
            messages=to_chat_messages(messages), response_format=response_format, max_tokens=120, temperature=0.0
        )["choices"][0]["message"]["content"]
    answers = {}
    try:
        for mode in GrammarMode:
            tiny_model.grammar_mode = mode
            answers[mode] = tiny_model.invoke(
                messages, response_format=response_format, max_tokens=120, stop=[f"never {mode}"]
            )
    finally:
        tiny_model.grammar_mode = GrammarMode.CHECK
    check, mask = answers[GrammarMode.CHECK], answers[GrammarMode.MASK]
    assert check.content == mask.content == before
    if check.response_metadata["finish_reason"] == "stop":
        schema.model_validate_json(str(check.content))
    # Every token (and the end) was checked; the full mask only where the check rejected the model's choice.
    call = tiny_model.calls[-2]
    assert call.grammar_checks == call.completion_tokens + (1 if call.completion_tokens < 120 else 0)
    assert call.grammar_masks <= call.grammar_checks


def test_without_a_grammar_the_text_is_the_chat_completions(tiny_model: EmbeddedChatModel) -> None:
    messages = [SystemMessage(content=SYSTEM), HumanMessage(content="Schrijf een zin over Gent.")]
    llama = tiny_model.load()
    with tiny_model._lock:
        before = llama.create_chat_completion(messages=to_chat_messages(messages), max_tokens=30, temperature=0.0)
    after = tiny_model.invoke(messages, max_tokens=30, stop=["never"])
    assert after.content == before["choices"][0]["message"]["content"]
    assert after.response_metadata["finish_reason"] == before["choices"][0]["finish_reason"]
    assert after.usage_metadata is not None
    assert after.usage_metadata["output_tokens"] == before["usage"]["completion_tokens"]
