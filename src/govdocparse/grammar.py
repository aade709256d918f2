"""Loads the declarative rule files of `grammars/` once per process.

The files ship inside the package as `govdocparse.grammars` (pyproject maps the project's
top-level `grammars/` folder there), so an installed govdocparse and a checkout read the same
rules. `GOVDOCPARSE_GRAMMARS` points at another folder, for trying out an edited grammar.

`load_typed` reads a file through its pydantic schema (`grammar_schema`), so that a key
misspelt in an edited grammar fails at load with the file and the key named, instead of being
ignored or failing later inside a stage.
"""

from __future__ import annotations

import os
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .errors import GrammarError

# libyaml's loader reads the grammars five times faster when PyYAML was built with it.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Schema = TypeVar("Schema", bound=BaseModel)


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
def load_typed(name: str, schema: type[Schema]) -> Schema:
    """`grammars/<name>.yaml` validated by `schema`; GrammarError names the file and the keys."""
    try:
        return schema.model_validate(load(name))
    except yaml.YAMLError as exc:
        raise GrammarError(str(path_of(f"{name}.yaml")), f"not valid YAML: {exc}") from None
    except ValidationError as exc:
        raise GrammarError(str(path_of(f"{name}.yaml")), _problems(exc)) from None


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


def path_of(filename: str) -> Path:
    return grammar_dir() / filename
