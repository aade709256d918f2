"""Reading parsed records (`govdocparse parse` output) back from disk."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from ..errors import InputError
from ..model import ParseResult


def load_parsed(path: str | Path) -> list[ParseResult]:
    """The ParseResults of a directory of `*.json` files (sorted by name) or of one file.

    A file holds one ParseResult, or a JSON list of them.
    """
    path = Path(path)
    if path.is_dir():
        files = sorted(path.glob("*.json"))
    elif path.is_file():
        files = [path]
    else:
        raise InputError(str(path), "no such file or directory")
    results: list[ParseResult] = []
    for file in files:
        results.extend(load_file(file))
    return results


def load_file(file: str | Path) -> list[ParseResult]:
    file = Path(file)
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(str(file), f"cannot read parsed JSON: {error}") from None
    items = data if isinstance(data, list) else [data]
    try:
        return [ParseResult.model_validate(item) for item in items]
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InputError(str(file), f"not a parsed record: {where}: {first['msg']}") from None
