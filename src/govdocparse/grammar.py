"""Loads the declarative rule files of `grammars/` once per process.

The files ship inside the package as `govdocparse.grammars` (pyproject maps the project's
top-level `grammars/` folder there), so an installed govdocparse and a checkout read the same
rules. `GOVDOCPARSE_GRAMMARS` points at another folder, for trying out an edited grammar.

Two ways to read a grammar:
- `load(name)`: the parsed YAML as plain dicts and lists;
- `load_typed(name, Model)`: the YAML validated against a `GrammarModel` subclass, so a misspelt
  or misplaced key, a missing entry or a wrong type fails at load with a `GrammarError` naming
  the file and the key (`grammars/units.yaml: units.名.kindd: unknown key`). A grammar adopts it
  by declaring its shape:

      class UnitsGrammar(GrammarModel):
          units: dict[str, Unit]
          scale_prefixes: list[str]

      rules = load_typed("units", UnitsGrammar)
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TypeVar

import regex
import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import GrammarError

# libyaml's loader reads the grammars five times faster when PyYAML was built with it.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class GrammarModel(BaseModel):
    """Base of a grammar schema: unknown keys are errors and the loaded rules are read-only."""

    model_config = ConfigDict(extra="forbid", frozen=True)


Grammar = TypeVar("Grammar", bound=GrammarModel)


def grammar_dir() -> Path:
    override = os.environ.get("GOVDOCPARSE_GRAMMARS")
    if override:
        return Path(override)
    return Path(str(resources.files("govdocparse.grammars")))


@cache
def load(name: str) -> dict:
    """The parsed YAML grammar `grammars/<name>.yaml`."""
    path = grammar_dir() / f"{name}.yaml"
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_LOADER) or {}


@cache
def load_typed(name: str, model: type[Grammar]) -> Grammar:
    """`grammars/<name>.yaml` validated against `model`; a GrammarError names the file and the
    keys that do not fit."""
    path = grammar_dir() / f"{name}.yaml"
    try:
        data = load(name)
        return model.model_validate(data)
    except yaml.YAMLError as exc:
        raise GrammarError(str(path), f"not valid YAML: {exc}") from None
    except ValidationError as exc:
        raise GrammarError(str(path), _problems(exc)) from None


_MESSAGES = {"extra_forbidden": "unknown key", "missing": "missing key"}
_SHOWN = 3


def _problems(exc: ValidationError) -> str:
    """`units.元.kindd: unknown key; units.元.kind: missing key`: a misspelt key first, since the
    missing one it leaves behind is its consequence."""
    errors = sorted(exc.errors(), key=lambda e: e["type"] != "extra_forbidden")
    shown = [f"{_where(e['loc'])}: {_MESSAGES.get(e['type'], e['msg'])}" for e in errors[:_SHOWN]]
    more = len(errors) - len(shown)
    return "; ".join(shown) + (f" (and {more} more)" if more else "")


def _where(loc: tuple) -> str:
    return ".".join(str(part) for part in loc) or "(top level)"


def alternation(words: Iterable[str], *, spaced: bool = False) -> str:
    """The words of a vocabulary as one regex alternation: each escaped, once, longest first so
    that a longer spelling wins over its prefix (区卫生健康委 before 区卫生), ties in code-point
    order so that the pattern is the same on every run. `spaced` also matches a word with the
    spaces text dumps put between its characters (责 任 单 位)."""
    joiner = r"\s*" if spaced else ""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(joiner.join(map(regex.escape, w)) for w in ordered)


def path_of(filename: str) -> Path:
    return grammar_dir() / filename
