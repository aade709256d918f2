"""Loads the declarative rule files of `grammars/` once per process.

The files ship inside the package as `govdocparse.grammars` (pyproject maps the project's
top-level `grammars/` folder there), so an installed govdocparse and a checkout read the same
rules. `GOVDOCPARSE_GRAMMARS` points at another folder, for trying out an edited grammar.
A grammar with a schema is read through `load_typed`, so a misspelt key in an edited file fails
at load with the file and the key named, not later as a wrong answer.
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

M = TypeVar("M", bound=BaseModel)

# libyaml's loader reads the grammars five times faster when PyYAML was built with it.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
def load_typed(name: str, schema: type[M]) -> M:
    """`grammars/<name>.yaml` checked against `schema`, a pydantic model forbidding extra keys."""
    try:
        return schema.model_validate(load(name))
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(part) for part in error['loc'])}: {error['msg']}"
            for error in exc.errors()
        )
        raise GrammarError(str(grammar_dir() / f"{name}.yaml"), problems) from None


def path_of(filename: str) -> Path:
    return grammar_dir() / filename
