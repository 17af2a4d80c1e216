"""Saved prefix states: the key, the file format's checks, and the store's handling of bad files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from verslaghulp.llm.prefix_state import (
    MAGIC,
    PrefixStateStore,
    StateFileError,
    decode_state,
    encode_state,
    prefix_key,
)

CONTEXT: dict[str, int | str] = {"n_ctx": 8192, "n_batch": 512, "type_k": 1}
TOKENS = [151644, 8948, 198, 40, 2776]
PAYLOAD = bytes(range(256)) * 40


def _key(**changes: object):  # type: ignore[no-untyped-def]
    args: dict[str, object] = {
        "model_sha256": "cc324af0",
        "prefix_text": "<|im_start|>system\nJe bent secretaris.",
        "n_tokens": len(TOKENS),
        "context": CONTEXT,
        "runtime": "llama-cpp-python 0.3.36 (abc)",
    }
    args.update(changes)
    return prefix_key(**args)  # type: ignore[arg-type]


def test_the_key_changes_with_everything_the_state_depends_on() -> None:
    base = _key().digest()
    assert _key().digest() == base
    assert _key(model_sha256="1d961463").digest() != base
    assert _key(prefix_text="<|im_start|>system\nJe bent secretaris!").digest() != base
    assert _key(context={**CONTEXT, "n_ctx": 4096}).digest() != base
    assert _key(runtime="llama-cpp-python 0.3.37 (abc)").digest() != base
    assert _key(n_tokens=4).digest() != base


def test_a_file_round_trips_only_for_its_own_key_and_tokens() -> None:
    data = encode_state(_key(), TOKENS, PAYLOAD)
    assert data.startswith(MAGIC)
    assert decode_state(data, _key(), TOKENS) == PAYLOAD
    with pytest.raises(StateFileError, match="another model"):
        decode_state(data, _key(model_sha256="1d961463"), TOKENS)
    with pytest.raises(StateFileError, match="other tokens"):
        decode_state(data, _key(), [*TOKENS[:-1], 1])


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d[:-1],  # cut short
        lambda d: d[:40],  # cut in the header
        lambda d: d[:-5] + bytes([d[-5] ^ 0x10]) + d[-4:],  # a flipped bit in the payload
        lambda d: b"X" + d[1:],  # not our file
        lambda d: d + b"\0",  # trailing bytes
        lambda d: d[: len(MAGIC) + 8] + b"}" + d[len(MAGIC) + 9 :],  # an unreadable header
    ],
)
def test_any_damage_is_detected(damage) -> None:  # type: ignore[no-untyped-def]
    data = encode_state(_key(), TOKENS, PAYLOAD)
    with pytest.raises(StateFileError):
        decode_state(damage(data), _key(), TOKENS)


def test_the_store_saves_atomically_loads_and_removes_a_bad_file(tmp_path: Path, caplog) -> None:  # type: ignore[no-untyped-def]
    store = PrefixStateStore(tmp_path / "states")
    key = _key()
    assert store.load(key, TOKENS) is None  # nothing saved yet
    path = store.save(key, TOKENS, PAYLOAD)
    assert path is not None and path.exists()
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no partial file left behind
    assert store.load(key, TOKENS) == PAYLOAD
    path.write_bytes(path.read_bytes()[:-10])
    assert store.load(key, TOKENS) is None
    assert not path.exists()  # removed: the next use rebuilds it
    assert "removed, it is rebuilt" in caplog.text


def test_the_store_keeps_the_most_recently_used_files(tmp_path: Path) -> None:
    store = PrefixStateStore(tmp_path, keep=2)
    keys = [_key(prefix_text=f"prompt {i}") for i in range(3)]
    for age, key in enumerate(keys):
        path = store.save(key, TOKENS, PAYLOAD)
        assert path is not None
        os.utime(path, (1_000_000 + age, 1_000_000 + age))
    store.save(_key(prefix_text="prompt 3"), TOKENS, PAYLOAD)
    assert store.load(keys[0], TOKENS) is None and store.load(keys[1], TOKENS) is None
    assert store.load(keys[2], TOKENS) == PAYLOAD


def test_an_unwritable_folder_only_means_no_saved_state(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    store = PrefixStateStore(blocker / "states")
    assert store.save(_key(), TOKENS, PAYLOAD) is None
    assert store.load(_key(), TOKENS) is None
