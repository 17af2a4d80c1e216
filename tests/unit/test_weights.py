"""Model assembly from part packages: joined once, hash-checked, corrupt files rebuilt."""

from __future__ import annotations

import hashlib
import sys
import types
from pathlib import Path

import pytest

from verslaghulp.llm.weights import ModelIntegrityError, ModelNotInstalledError, ModelSpec, ensure_model


def _fake_parts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunks: list[bytes]) -> tuple[str, ...]:
    names = []
    for i, chunk in enumerate(chunks, start=1):
        part = tmp_path / f"part{i:02d}.bin"
        part.write_bytes(chunk)
        name = f"fake_model_part{i}"
        module = types.ModuleType(name)
        module.get_part_path = lambda p=part: str(p)  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, name, module)
        names.append(name)
    return tuple(names)


def _spec(parts: tuple[str, ...], data: bytes) -> ModelSpec:
    return ModelSpec(
        id="fake", label="fake", filename="fake.gguf", sha256=hashlib.sha256(data).hexdigest(),
        size=len(data), extra="model", parts=parts,
    )  # fmt: skip


def test_parts_are_joined_in_order_and_verified(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chunks = [b"a" * 1000, b"b" * 10, b"c" * 5000]
    spec = _spec(_fake_parts(tmp_path, monkeypatch, chunks), b"".join(chunks))
    seen: list[int] = []
    path = ensure_model(spec, tmp_path / "cache", lambda done, total: seen.append(done))
    assert path.read_bytes() == b"".join(chunks)
    assert seen[-1] == spec.size
    assert not list((tmp_path / "cache").glob("*.partial-*"))
    # Second call: the marker says it was verified; nothing is rebuilt.
    mtime = path.stat().st_mtime_ns
    assert ensure_model(spec, tmp_path / "cache") == path
    assert path.stat().st_mtime_ns == mtime


def test_a_wrong_hash_is_detected_and_nothing_is_left_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chunks = [b"x" * 100, b"y" * 100]
    spec = _spec(_fake_parts(tmp_path, monkeypatch, chunks), b"something else")
    with pytest.raises(ModelIntegrityError, match="sha256"):
        ensure_model(spec, tmp_path / "cache")
    assert list((tmp_path / "cache").iterdir()) == []


def test_a_corrupt_or_partial_cached_file_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chunks = [b"1" * 300, b"2" * 300]
    spec = _spec(_fake_parts(tmp_path, monkeypatch, chunks), b"".join(chunks))
    cache = tmp_path / "cache"
    path = ensure_model(spec, cache)
    path.write_bytes(b"1" * 300)  # truncated, as after a crash or a full disk
    assert ensure_model(spec, cache).read_bytes() == b"".join(chunks)
    path.write_bytes(b"".join(chunks)[:-1] + b"!")  # same size, one byte flipped
    assert ensure_model(spec, cache).read_bytes() == b"".join(chunks)


def test_missing_part_package_names_the_install_command(tmp_path: Path) -> None:
    spec = ModelSpec(id="m", label="m", filename="m.gguf", sha256="0" * 64, size=1, extra="model",
                     parts=("no_such_part_package_xyz",))  # fmt: skip
    with pytest.raises(ModelNotInstalledError, match=r"\.\[model\]"):
        ensure_model(spec, tmp_path)


def test_the_registered_models_pin_full_hashes() -> None:
    from verslaghulp.llm.weights import model_specs

    specs = model_specs()
    assert specs["qwen2.5-coder-1.5b"].sha256.startswith("cc324af0")
    assert len(specs["qwen2.5-coder-1.5b"].parts) == 22
    assert specs["qwen2.5-coder-0.5b"].sha256.startswith("1d961463")
    assert all(len(s.sha256) == 64 for s in specs.values())
