"""Dependencies point down the flow: a module imports only from its own layer and the layers
before it, and no modules import each other in a circle.

The layers follow README's 'How it works': shared vocabularies at the bottom, then reading,
parsing, extracting, and the tools built on records at the top. Imports inside functions count
too: deferring an import hides a dependency from the reader, it does not remove it.
"""

from __future__ import annotations

import ast
from fnmatch import fnmatch
from functools import cache

import pytest

from .support import ROOT

PACKAGE = ROOT / "src" / "govdocparse"

# Lowest first. A module is in the layer of its own name, else of the first pattern it matches.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("foundation", ("errors.py", "textutil.py", "version.py", "collector.py")),
    ("grammars", ("grammar.py", "grammar_schema.py")),
    ("records", ("model.py",)),
    (
        "vocabularies",
        ("units.py", "columns.py", "captions.py", "headings.py", "portal.py", "chrome.py"),
    ),
    ("blocks", ("source.py",)),
    ("reading", ("readers/*",)),
    ("matching", ("matching.py",)),
    ("normalize", ("normalize.py",)),
    ("segment", ("segment.py",)),
    ("metadata", ("extract/agency_lists.py", "extract/metadata.py", "extract/inheritance.py")),
    ("structure", ("structure.py",)),
    ("extractors", ("extract/*",)),
    ("ids", ("ids.py",)),
    ("pipeline", ("pipeline.py",)),
    ("writing", ("output.py",)),
    ("analysis", ("crosswalk/*", "diff.py", "goalscore.py")),
    ("api", ("__init__.py",)),
    ("tools", ("export.py", "query.py", "jobs.py", "batch.py", "distributed.py", "cli.py")),
]

# Imports that still point up the flow, each with what should become of it. The list is kept
# exact: an entry whose import is gone fails too, so that it is taken off.
KNOWN_UPWARD: dict[tuple[str, str], str] = {}
KNOWN_CYCLES: dict[tuple[str, str], str] = {}


def _modules() -> list[str]:
    return sorted(path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.py"))


def _module_of(dotted: str) -> str | None:
    """`govdocparse.readers.text` → readers/text.py; None outside the package."""
    parts = dotted.split(".")
    if parts[0] != "govdocparse":
        return None
    path = "/".join(parts[1:])
    for candidate in (f"{path}.py", f"{path}/__init__.py" if path else "__init__.py"):
        if (PACKAGE / candidate).exists():
            return candidate
    return None


@cache
def _imports(module: str) -> frozenset[str]:
    """The package modules `module` imports, at the top or inside functions."""
    parts = ["govdocparse", *module.removesuffix(".py").split("/")]
    package = parts[:-1]  # the package a relative import starts from
    found: set[str] = set()
    for node in ast.walk(ast.parse((PACKAGE / module).read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            base_name = ".".join(base + ([node.module] if node.module else []))
            # `from . import grammar` names modules; `from .grammar import load` names in one
            names = [f"{base_name}.{alias.name}" for alias in node.names]
            targets = [name for name in names if _module_of(name)]
            if len(targets) < len(names):
                targets.append(base_name)
        else:
            continue
        found.update(m for t in targets if (m := _module_of(t)) and m != module)
    return frozenset(found)


def _layer(module: str) -> int:
    for index, (_, patterns) in enumerate(LAYERS):
        if module in patterns:
            return index
    matching = [
        i for i, (_, patterns) in enumerate(LAYERS) if any(fnmatch(module, p) for p in patterns)
    ]
    assert matching, f"{module} is in no layer: add it to LAYERS in tests/test_layers.py"
    return matching[0]


def _upward() -> dict[tuple[str, str], str]:
    return {
        (module, target): f"{LAYERS[_layer(module)][0]} imports {LAYERS[_layer(target)][0]}"
        for module in _modules()
        for target in _imports(module)
        if _layer(target) > _layer(module)
    }


@pytest.mark.parametrize("module", _modules())
def test_every_module_has_a_layer(module):
    assert 0 <= _layer(module) < len(LAYERS)


def test_no_module_imports_up_the_flow():
    found = _upward()
    new = {pair: why for pair, why in found.items() if pair not in KNOWN_UPWARD}
    assert not new, f"imports against the flow (move the rule to the stage that owns it): {new}"
    fixed = sorted(set(KNOWN_UPWARD) - set(found))
    assert not fixed, f"these imports are gone: take them off KNOWN_UPWARD: {fixed}"


def _reach(module: str) -> set[str]:
    """Every module `module` depends on, directly or through others."""
    seen: set[str] = set()
    todo = [module]
    while todo:
        for target in _imports(todo.pop()):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def _cycles() -> set[tuple[str, ...]]:
    """The groups of modules that depend on each other in a circle, each as sorted names."""
    reach = {module: _reach(module) for module in _modules()}
    return {
        tuple(sorted(m for m in reach if m in reach[module] and module in reach[m]))
        for module in reach
        if module in reach[module]
    }


def test_no_modules_import_each_other_in_a_circle():
    cycles = _cycles()
    new = sorted(cycle for cycle in cycles if cycle not in KNOWN_CYCLES)
    assert not new, f"import cycles: {new}"
    fixed = sorted(set(KNOWN_CYCLES) - cycles)
    assert not fixed, f"these cycles are gone: take them off KNOWN_CYCLES: {fixed}"
