"""Reading parsed records (`govdocparse parse` / `batch` output) back from disk.

Two ways, for two needs:
- whole records, validated against the model (`load_parsed`, `load_file`, `read_records`), for
  diff and export, which look at everything;
- crosswalk records (`read_for_crosswalk`): only what the crosswalk reads (place, ids, names,
  units, aliases, parents, table labels, targets and the latest actual value), parsed straight
  from the JSON bytes, one file at a time. Sections, table rows, responsibilities, baselines and
  provenance of indicators are never built, so ten thousand records cross-walk in a few hundred
  megabytes instead of tens of gigabytes.

A folder is read recursively (a batch writes sub-folders), hidden files left out, in sorted
order. The lenient readers skip a file that is not a parsed record and say why in `skipped`;
the strict ones raise. A path that does not exist, or a folder without any `*.json`, is a
UsageError: the command was pointed at the wrong place.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path, PurePath
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from ..errors import InputError, UsageError
from ..model import (
    SCHEMA_VERSION,
    Document,
    Indicator,
    Measurement,
    Metadata,
    ParseResult,
    SourceInfo,
    Table,
    Target,
)

M = TypeVar("M", bound=BaseModel)


def record_files(path: str | os.PathLike) -> list[Path]:
    """The record files `path` names: itself, or every `*.json` under the folder, sorted."""
    path = Path(path)
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise UsageError(str(path), "does not exist")
    files = sorted(
        file
        for file in path.rglob("*.json")
        if not any(part.startswith(".") for part in file.relative_to(path).parts)
    )
    if not files:
        raise UsageError(
            str(path), "no parsed records here (*.json files written by govdocparse parse or batch)"
        )
    return files


def load_parsed(path: str | os.PathLike) -> list[ParseResult]:
    """The whole ParseResults of a folder of records or of one file; the first bad file raises."""
    results: list[ParseResult] = []
    for file in record_files(path):
        results.extend(load_file(file))
    return results


def load_file(file: str | os.PathLike) -> list[ParseResult]:
    """The whole ParseResults of one file (a record, or a JSON list of records)."""
    return _validated(Path(file), ParseResult)


def read_records(path: str | os.PathLike, skipped: list[str]) -> Iterator[ParseResult]:
    """Whole records, file by file; a file that is not a record is noted in `skipped`."""
    for file in record_files(path):
        try:
            yield from load_file(file)
        except InputError as error:
            skipped.append(str(error))


def read_for_crosswalk(path: str | os.PathLike, skipped: list[str]) -> Iterator[ParseResult]:
    """Records holding only what `build_crosswalk` reads, file by file (see the docstring).

    They are ParseResults built without validation, whose other fields keep their defaults
    (an indicator has no provenance): for the crosswalk only.
    """
    for file in record_files(path):
        try:
            lean = _validated(file, _LeanResult)
        except InputError as error:
            skipped.append(str(error))
            continue
        yield from (item.record() for item in lean)


def _validated(file: Path, model: type[M]) -> list[M]:
    """The records of a file as `model`s; InputError naming the file and the first problem."""
    try:
        data = file.read_bytes()
    except OSError as error:
        raise InputError(str(file), f"cannot read parsed JSON: {error.strerror or error}") from None
    with suppress(ValidationError):
        # Straight from the bytes: keys a lean model does not name are skipped, never built.
        return [model.model_validate_json(data)]
    try:
        content = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(str(file), f"cannot read parsed JSON: {error}") from None
    items = content if isinstance(content, list) else [content]
    for item in items:
        version = item.get("schema_version") if isinstance(item, dict) else None
        if isinstance(version, str) and version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
            raise InputError(
                str(file),
                f"a record of schema {version}, this govdocparse reads {SCHEMA_VERSION}: parse "
                "the input again (batch does so by itself: the parser version changed)",
            )
    try:
        # a list of records, or a record pydantic's JSON reader refuses: the \udcXX escapes
        # of a file name that is not UTF-8 (see output.py)
        return [model.model_validate(item) for item in items]
    except ValidationError as error:
        first = error.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    raise InputError(str(file), f"not a parsed record: {where}: {first['msg']}")


# --- the crosswalk's view of a record ----------------------------------------------------------
# Unknown keys are ignored: these read the same records as `model.py`, keeping what they name.


class _Lean(BaseModel):
    model_config = ConfigDict(extra="ignore")


class _LeanIndicator(_Lean):
    id: str
    source: Literal["table", "prose"]
    name_raw: str
    name: str
    unit: str | None = None
    aliases: list[str] = []
    parent_id: str | None = None
    table_id: str | None = None
    targets: list[Target] = []
    actual: Measurement | None = None


class _LeanTable(_Lean):
    id: str
    label: str | None = None
    title: str | None = None


class _LeanMetadata(_Lean):
    place: str | None = None


class _LeanDocument(_Lean):
    id: str
    kind: Literal["notice", "plan", "annex", "other"]
    title: str | None
    metadata: _LeanMetadata
    tables: list[_LeanTable] = []
    indicators: list[_LeanIndicator] = []


class _LeanSource(_Lean):
    path: str


class _LeanResult(_Lean):
    schema_version: str = SCHEMA_VERSION
    parser_version: str
    source: _LeanSource
    documents: list[_LeanDocument]

    def record(self) -> ParseResult:
        own = PurePath(self.source.path).name
        documents = []
        for document in self.documents:
            indicators = []
            for lean in document.indicators:
                # A written record names its own file only once, in `source`.
                for measurement in (*lean.targets, lean.actual):
                    if measurement and measurement.provenance and not measurement.provenance.file:
                        measurement.provenance.file = own
                indicators.append(Indicator.model_construct(**dict(lean)))
            documents.append(
                Document.model_construct(
                    id=document.id,
                    kind=document.kind,
                    title=document.title,
                    metadata=Metadata.model_construct(place=document.metadata.place),
                    tables=[Table.model_construct(**dict(table)) for table in document.tables],
                    indicators=indicators,
                )
            )
        return ParseResult.model_construct(
            schema_version=self.schema_version,
            parser_version=self.parser_version,
            source=SourceInfo.model_construct(path=self.source.path),
            documents=documents,
        )
