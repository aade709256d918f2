"""Serialises records to JSON and writes files atomically.

The JSON is lean and deterministic (same record, same bytes): fixed key order from the models,
keys that hold no value left out (`model.py` says what an absent key means), UTF-8 with Chinese
unescaped, a final newline. By default it is one compact line, the form for batches of
thousands of files; `indent` gives one key per line for people, with arrays of numbers or
strings (`"lines": [35, 35]`) kept on one line.

A file is written to a temporary name in the target folder and renamed into place, so a reader
never sees a half-written file and a failed run never replaces a good one; it gets the
permissions a newly created file would get.

A file name that is not valid UTF-8 reaches Python as lone surrogates (its surrogate escapes).
Text cannot be stored as UTF-8 with them, so they are written as the \\udcXX escapes JSON uses
for them: the file stays valid UTF-8 and `json.loads` gives the original string back.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .model import OWN_FILE, ParseResult


def _read_umask() -> int:
    # The only portable way to learn the umask is to set it; done once, at import, and to the
    # common 022 so that a file another thread creates meanwhile is not left more open.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# mkstemp creates files readable by their owner only; outputs are shared like any other file.
_FILE_MODE = 0o666 & ~_read_umask()


def record_data(record: ParseResult) -> dict[str, Any]:
    """The record as JSON-ready data, without the keys that hold no value."""
    data = record.model_dump(
        mode="json", exclude_defaults=True, context={OWN_FILE: record.own_file}
    )
    # The version is a default too, but a reader must always be able to see it.
    return {"schema_version": record.schema_version, **data}


def to_json(record: ParseResult, indent: int | None = None) -> str:
    """The record as lean JSON text with a final newline: one line, or `indent` spaces a level."""
    data = record_data(record)
    if indent is None:
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    else:
        text = _indented(data, " " * indent, "\n")
    return text.encode("utf-8", "backslashreplace").decode("utf-8") + "\n"


def _indented(value: Any, step: str, newline: str) -> str:
    """`value` with one key or item per line, except arrays holding only numbers and strings."""
    if isinstance(value, dict) and value:
        inner = newline + step
        items = (
            f"{json.dumps(key, ensure_ascii=False)}: {_indented(item, step, inner)}"
            for key, item in value.items()
        )
        return "{" + inner + ("," + inner).join(items) + newline + "}"
    if isinstance(value, list) and any(isinstance(item, (dict, list)) for item in value):
        inner = newline + step
        items = (_indented(item, step, inner) for item in value)
        return "[" + inner + ("," + inner).join(items) + newline + "]"
    return json.dumps(value, ensure_ascii=False)


def write_atomic(path: str | os.PathLike, text: str | Iterable[str]) -> None:
    """Write `text` as UTF-8 to `path` through a temporary file renamed into place; `text` may
    come in pieces (a crosswalk of a million members is written a cluster at a time)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(
            handle, "w", encoding="utf-8", errors="backslashreplace", newline="\n"
        ) as out:
            os.fchmod(out.fileno(), _FILE_MODE)
            out.writelines([text] if isinstance(text, str) else text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
