"""Serialises records to JSON and writes files atomically.

The JSON is deterministic (same record, same bytes): fixed key order from the models, two-space
indent, UTF-8 with Chinese unescaped, a final newline. A file is written to a temporary name in
the target folder and renamed into place, so a reader never sees a half-written file and a
failed run never replaces a good one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from pydantic import BaseModel


def to_json(record: BaseModel) -> str:
    return record.model_dump_json(indent=2) + "\n"


def write_atomic(path: str | os.PathLike, text: str) -> None:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
