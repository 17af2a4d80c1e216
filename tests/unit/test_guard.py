import pytest

from verslaghulp.llm.embedded import EmbeddedChatModel
from verslaghulp.llm.guard import RealModelBlockedError


def test_unit_tests_cannot_load_a_real_model() -> None:
    model = EmbeddedChatModel(model_path="/nonexistent.gguf", model_name="qwen")
    with pytest.raises(RealModelBlockedError, match="qwen"):
        model.invoke("hallo")
