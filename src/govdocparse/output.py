"""Serialises records to JSON and writes files atomically.

The JSON is deterministic (same record, same bytes): fixed key order from the models, two-space
indent, UTF-8 with Chinese unescaped, a final newline. A file is written to a temporary name in
the target folder and renamed into place, so a reader never sees a half-written file and a
failed run never replaces a good one; it gets the permissions a newly created file would get.

A file name that is not valid UTF-8 reaches Python as lone surrogates (its surrogate escapes).
Text cannot be stored as UTF-8 with them, so they are written as the \\udcXX escapes JSON uses
for them: the file stays valid UTF-8 and `json.loads` gives the original string back.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from pydantic import BaseModel
from pydantic_core import PydanticSerializationError


def _read_umask() -> int:
    # The only portable way to learn the umask is to set it; done once, at import, and to the
    # common 022 so that a file another thread creates meanwhile is not left more open.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# mkstemp creates files readable by their owner only; outputs are shared like any other file.
_FILE_MODE = 0o666 & ~_read_umask()


def to_json(record: BaseModel) -> str:
    """The record as JSON text: two-space indent, Chinese unescaped, a final newline."""
    try:
        return record.model_dump_json(indent=2) + "\n"
    except PydanticSerializationError as exc:
        if "surrogates not allowed" not in str(exc):
            raise
    # The same layout as pydantic's, from the standard library, which accepts lone surrogates.
    text = json.dumps(record.model_dump(mode="json"), ensure_ascii=False, indent=2)
    return text.encode("utf-8", "backslashreplace").decode("utf-8") + "\n"


def write_atomic(path: str | os.PathLike, text: str) -> None:
    """Write `text` as UTF-8 to `path` through a temporary file renamed into place."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(
            handle, "w", encoding="utf-8", errors="backslashreplace", newline="\n"
        ) as out:
            os.fchmod(out.fileno(), _FILE_MODE)
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
