"""Reading parsed records (`govdocparse parse` / `batch` output) back from disk.

Two ways, for two needs:
- whole records, validated against the model (`load_parsed`, `load_file`, `read_records`), for
  diff and export, which look at everything;
- crosswalk records (`read_for_crosswalk`), one file at a time, holding only what the crosswalk
  reads: place, ids, names, units, aliases, parents, table labels, targets (without their
  provenance) and the latest actual value (its year, value and text). They are ParseResults
  whose other fields keep their defaults: the reader skips those keys of the JSON without
  building them (sections, table cells, responsibilities, baselines, provenance), which makes
  reading three times cheaper and the records a fraction of the memory. A target or actual
  value equal, as written, to one read before is not validated again: it is that one.

A folder is read recursively (a batch writes sub-folders), hidden files left out, in sorted
order. The lenient readers skip a file that is not a parsed record and say why in `skipped`;
the strict ones raise. A path that does not exist, or a folder without any `*.json`, is a
UsageError: the command was pointed at the wrong place. A record of another major schema
version is refused with a message saying to parse its input again.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
    model_validator,
)

from ..errors import InputError, UsageError
from ..model import (
    SCHEMA_VERSION,
    Document,
    Indicator,
    Measurement,
    Metadata,
    ParseResult,
    Period,
    Preamble,
    Provenance,
    Responsibility,
    Section,
    SourceInfo,
    Table,
    TableItem,
    TableRow,
    Target,
    TargetAtom,
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
    """Crosswalk records (see the module docstring), file by file; a file that is not a record
    is noted in `skipped`.

    Plans state the same targets over and over (≥95, 逐年提高, 2025年目标 100): equal targets and
    actual values of all the files read are one shared object, a third of the memory at scale.
    """
    shared = _SharedValues()
    for file in record_files(path):
        try:
            records = _validated(file, _CrosswalkResult, shared)
        except InputError as error:
            skipped.append(str(error))
            continue
        yield from records


def _validated(file: Path, model: type[M], context: Any = None) -> list[M]:
    """The records of a file as `model`s (`context` goes to their validators); InputError
    naming the file and the first problem."""
    try:
        data = file.read_bytes()
    except OSError as error:
        raise InputError(str(file), f"cannot read parsed JSON: {error.strerror or error}") from None
    try:
        # Straight from the bytes: keys the model skips are never built.
        records = [model.model_validate_json(data, context=context)]
    except ValidationError:
        records = _validated_slowly(file, data, model, context)
    for record in records:
        _check_version(file, getattr(record, "schema_version", SCHEMA_VERSION))
    return records


def _validated_slowly(file: Path, data: bytes, model: type[M], context: Any) -> list[M]:
    """A list of records, a record pydantic's JSON reader refuses (the \\udcXX escapes of a
    file name that is not UTF-8, see output.py), or the reason the file is not a record."""
    try:
        content = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(str(file), f"cannot read parsed JSON: {error}") from None
    items = content if isinstance(content, list) else [content]
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("schema_version"), str):
            _check_version(file, item["schema_version"])
    try:
        return [model.model_validate(item, context=context) for item in items]
    except ValidationError as error:
        first = error.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    raise InputError(str(file), f"not a parsed record: {where}: {first['msg']}")


def _check_version(file: Path, version: str) -> None:
    if version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
        raise InputError(
            str(file),
            f"a record of schema {version}, this govdocparse reads {SCHEMA_VERSION}: parse "
            "the input again (batch does so by itself: the parser version changed)",
        )


# --- the crosswalk's view of a record ----------------------------------------------------------
# Subclasses of the record models (so a crosswalk record is a ParseResult) in which every field
# the crosswalk does not read gets an alias that no key has: the reader leaves the key's value
# unread, and the field keeps its default. Keys these models do not know are ignored too.

_UNREAD = "\0 not read by the crosswalk"
_LENIENT = ConfigDict(extra="ignore")


def _unread(default: Any = None) -> Any:
    return Field(default, validation_alias=_UNREAD)


def _unread_list() -> Any:
    return Field(default_factory=list, validation_alias=_UNREAD)


def _unread_dict() -> Any:
    return Field(default_factory=dict, validation_alias=_UNREAD)


class _CrosswalkTarget(Target):
    model_config = _LENIENT
    provenance: Provenance | None = _unread()


class _CrosswalkMeasurement(Measurement):
    model_config = _LENIENT
    atoms: list[TargetAtom] = _unread_list()
    provenance: Provenance | None = _unread()


class _SharedValues:
    """The targets and actual values read so far in a run, by what the file says of them.

    Validating a target is most of the cost of reading a record; equal targets as written are
    equal once validated, so each is validated once and then is that object wherever it recurs.
    The key is the `repr` of the values the crosswalk's model reads, taken straight from the
    parsed JSON: cheap to build (the atoms are dicts holding lists, which do not hash), and it
    tells 1 from 1.0 and true, so only values written the same way share an object.
    """

    def __init__(self) -> None:
        self.targets: dict[str, _CrosswalkTarget] = {}
        self.actuals: dict[str, _CrosswalkMeasurement] = {}


def _shared(info: ValidationInfo) -> _SharedValues:
    # the run's (read_for_crosswalk's context); a record validated on its own shares nothing
    return info.context if isinstance(info.context, _SharedValues) else _SharedValues()


def _target_key(item: dict[str, Any]) -> str:
    # a target's provenance and unknown keys are not read (`_CrosswalkTarget`)
    return repr((item.get("label"), item.get("year"), item.get("raw"), item.get("atoms")))


def _shared_targets(value: Any, info: ValidationInfo) -> list[_CrosswalkTarget]:
    """The targets of an indicator as written in the JSON, each one the run's shared object."""
    shared = _shared(info).targets
    if isinstance(value, list):
        targets = []
        for item in value:
            target = shared.get(_target_key(item)) if isinstance(item, dict) else None
            if target is None:
                break
            targets.append(target)
        else:
            return targets
    # one not read before, or not a target at all: validated as a list, so that a refusal
    # names the target's index
    read = _TARGETS.validate_python(value)
    return [shared.setdefault(_target_key(i), t) for i, t in zip(value, read, strict=True)]


def _shared_actual(value: Any, info: ValidationInfo) -> _CrosswalkMeasurement | None:
    """An indicator's actual value as written in the JSON, the run's shared object."""
    if not isinstance(value, dict):
        return _ACTUAL.validate_python(value)  # null, or raises: not a measurement
    shared = _shared(info)
    # its atoms and provenance are not read (`_CrosswalkMeasurement`)
    key = repr((value.get("year"), value.get("value"), value.get("raw")))
    actual = shared.actuals.get(key)
    if actual is None:
        actual = shared.actuals[key] = _MEASUREMENT.validate_python(value)
    return actual


_TARGETS = TypeAdapter(list[_CrosswalkTarget])
_MEASUREMENT = TypeAdapter(_CrosswalkMeasurement)
_ACTUAL = TypeAdapter(_CrosswalkMeasurement | None)
_SharedTargets = Annotated[list[_CrosswalkTarget], PlainValidator(_shared_targets)]
_SharedActual = Annotated[_CrosswalkMeasurement | None, PlainValidator(_shared_actual)]


class _CrosswalkIndicator(Indicator):
    model_config = _LENIENT
    seq: int | None = _unread()
    category: str | None = _unread()
    baseline: Measurement | None = _unread()
    actual: _SharedActual = None
    targets: _SharedTargets = Field(default_factory=list)  # type: ignore[assignment]
    attribute: Literal["约束性", "预期性"] | None = _unread()
    responsible_id: str | None = _unread()
    section_id: str | None = _unread()
    sentence: str | None = _unread()
    provenance: Provenance = _unread()


class _CrosswalkTable(Table):
    model_config = _LENIENT
    number: str | None = _unread()
    kind: Literal["grid", "list"] = _unread("grid")
    header: list[str] = _unread_list()
    rows: list[TableRow] = _unread_list()
    items: list[TableItem] = _unread_list()
    notes: list[str] = _unread_list()
    section_id: str | None = _unread()
    provenance: Provenance = _unread()


class _CrosswalkMetadata(Metadata):
    model_config = _LENIENT
    doc_number: str | None = _unread()
    issuer: str | None = _unread()
    date_written: str | None = _unread()
    date_published: str | None = _unread()
    recipients: list[str] = _unread_list()
    cc: list[str] = _unread_list()
    period: Period | None = _unread()
    portal: dict[str, str | None] = _unread_dict()
    inherited: list[str] = _unread_list()
    provenance: dict[str, Provenance] = _unread_dict()


class _CrosswalkDocument(Document):
    model_config = _LENIENT
    part_of: str | None = _unread()
    metadata: _CrosswalkMetadata
    preamble: Preamble | None = _unread()
    lines: tuple[int, int] | None = _unread()
    sections: list[Section] = _unread_list()
    tables: list[_CrosswalkTable] = Field(default_factory=list)  # type: ignore[assignment]
    indicators: list[_CrosswalkIndicator] = Field(default_factory=list)  # type: ignore[assignment]
    responsibilities: list[Responsibility] = _unread_list()


class _CrosswalkSource(SourceInfo):
    model_config = _LENIENT
    format: Literal["txt", "docx", "pdf", "html"] = _unread("txt")
    sha256: str = _unread("")
    encoding: str | None = _unread()
    warnings: list[str] = _unread_list()


class _CrosswalkResult(ParseResult):
    model_config = _LENIENT
    source: _CrosswalkSource
    documents: list[_CrosswalkDocument]  # type: ignore[assignment]

    @model_validator(mode="after")
    def _fill_own_file(self) -> _CrosswalkResult:
        return self  # no provenance is read: nothing to fill in
