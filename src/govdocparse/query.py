"""Runs SQL files against an exported DuckDB database and prints every result as a text table.

`govdocparse query corpus.duckdb scripts/example_queries.sql` runs each statement of the file in
order (a file of several statements, unlike `duckdb.sql(text)`, which returns the last result
only) and prints, for each, the comment lines written just above it, then its rows in aligned
columns. Chinese characters count two columns wide, numbers are right-aligned and written
without a trailing `.0`, NULL is left blank.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from .errors import InputError, UsageError


def run_files(database: str | os.PathLike, sql_files: Sequence[str | os.PathLike]) -> str:
    """The results of every statement of `sql_files` over `database`, as text."""
    import duckdb

    if not Path(database).is_file():
        raise UsageError(
            str(database), "does not exist (write it with govdocparse export --duckdb)"
        )
    blocks = []
    try:
        connection = duckdb.connect(str(database), read_only=True)
    except duckdb.Error as error:
        raise InputError(str(database), f"not a DuckDB database: {_first_line(error)}") from None
    try:
        for sql_file in sql_files:
            text = _read(sql_file)
            try:
                statements = duckdb.extract_statements(text)
            except duckdb.Error as error:
                raise InputError(str(sql_file), _first_line(error)) from None
            for statement in statements:
                try:
                    result = connection.execute(statement.query)
                except duckdb.Error as error:
                    raise InputError(str(sql_file), _first_line(error)) from None
                header = [column[0] for column in result.description or []]
                blocks.append(_block(_comment(statement.query), header, result.fetchall()))
    finally:
        connection.close()
    return "\n".join(blocks)


def _read(sql_file: str | os.PathLike) -> str:
    try:
        return Path(sql_file).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(str(sql_file), "does not exist") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(str(sql_file), f"cannot read: {error}") from None


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def _comment(query: str) -> list[str]:
    """The paragraph of `--` lines just above the statement."""
    paragraph: list[str] = []
    for line in query.splitlines():
        stripped = line.strip()
        if not stripped or stripped == "--":
            paragraph = []
        elif stripped.startswith("--"):
            paragraph.append(stripped)
        else:
            break
    return paragraph


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (list, tuple)):
        return "、".join(_cell(v) for v in value)
    return " ".join(str(value).split())


def _block(comment: list[str], header: list[str], rows: list[tuple]) -> str:
    cells = [[_cell(v) for v in row] for row in rows]
    numeric = [
        all(isinstance(row[i], (int, float)) or row[i] is None for row in rows) and bool(rows)
        for i in range(len(header))
    ]
    widths = [max([_width(h)] + [_width(row[i]) for row in cells]) for i, h in enumerate(header)]

    def line(values: list[str]) -> str:
        padded = [
            " " * (w - _width(v)) + v if right else v + " " * (w - _width(v))
            for v, w, right in zip(values, widths, numeric, strict=True)
        ]
        return "  ".join(padded).rstrip()

    out = [*comment, line(header), line(["-" * w for w in widths])]
    out += [line(row) for row in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
