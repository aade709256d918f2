"""Flattens parsed records into relational tables for analysis: a DuckDB file and/or Parquet.

`export("corpus/parsed", duckdb_path="corpus.duckdb", parquet_dir="corpus/parquet")` reads every
`*.json` record under the folder and writes these tables (one Parquet file each):

    documents         one row per document (a notice, a plan, an annex) with its metadata
    sections          one row per heading, the tree kept as parent_id, `position` in reading order
    tables            one row per table or 专栏
    table_rows        one row per grid row (kind 'row') or 专栏 list entry (kind 'item')
    indicators        one row per indicator, baseline and latest actual value inline
    targets           one row per target atom; role says target, baseline or actual
    responsibilities  one row per agency named in a responsibility clause (role lead/participating)
    crosswalk         one row per crosswalk member: which indicators of which places are one measure

Keys that join: `file` (the input path the record was made from) with `document_id` in every
table; `section_id`, `table_id`, `indicator_id`, `responsibility_id` within a file. Provenance
is flattened into `line_first`, `line_last` (text/HTML), `page` (PDF), `paragraph` (DOCX),
`table_row`, `table_col` (0-based cell inside the source table).

(In the DuckDB shell `DESCRIBE tables` lists the database's tables: write `DESCRIBE main.tables`
for the columns of the `tables` table.)

Every output is built under a temporary name in its destination folder and renamed into place,
so a reader sees the old file or the new one, never a half-written one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from .crosswalk.load import read_records
from .model import (
    Document,
    Indicator,
    Measurement,
    ParseResult,
    Provenance,
    Responsibility,
    Section,
)

_S, _I, _F, _B = pa.string(), pa.int64(), pa.float64(), pa.bool_()
_LIST = pa.list_(pa.string())
_PROVENANCE = [
    ("line_first", _I),
    ("line_last", _I),
    ("page", _I),
    ("paragraph", _I),
    ("table_row", _I),
    ("table_col", _I),
]
_KEY = [("file", _S), ("document_id", _S)]

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema(
        [
            *_KEY,
            ("position", _I),
            ("kind", _S),
            ("title", _S),
            ("part_of", _S),
            ("doc_number", _S),
            ("issuer", _S),
            ("place", _S),
            ("date_written", _S),
            ("date_published", _S),
            ("period_start", _I),
            ("period_end", _I),
            ("recipients", _LIST),
            ("cc", _LIST),
            ("inherited", _LIST),
            ("portal", pa.map_(_S, _S)),
            ("format", _S),
            ("sha256", _S),
            ("encoding", _S),
            ("parser_version", _S),
            ("schema_version", _S),
            ("line_first", _I),
            ("line_last", _I),
        ]
    ),
    "sections": pa.schema(
        [
            *_KEY,
            ("section_id", _S),
            ("parent_id", _S),
            ("position", _I),
            ("level", _I),
            ("number", _S),
            ("ordinal", _I),
            ("title", _S),
            ("text", _S),
            *_PROVENANCE,
        ]
    ),
    "tables": pa.schema(
        [
            *_KEY,
            ("table_id", _S),
            ("label", _S),
            ("number", _S),
            ("title", _S),
            ("kind", _S),
            ("header", _LIST),
            ("notes", _LIST),
            ("n_rows", _I),
            ("n_items", _I),
            ("section_id", _S),
            *_PROVENANCE,
        ]
    ),
    "table_rows": pa.schema(
        [
            *_KEY,
            ("table_id", _S),
            ("row_index", _I),
            ("kind", _S),
            ("parent_index", _I),
            ("cells", _LIST),
            ("note", _S),
            *_PROVENANCE,
        ]
    ),
    "indicators": pa.schema(
        [
            *_KEY,
            ("indicator_id", _S),
            ("source", _S),
            ("seq", _I),
            ("category", _S),
            ("name_raw", _S),
            ("name", _S),
            ("unit", _S),
            ("aliases", _LIST),
            ("parent_id", _S),
            ("attribute", _S),
            ("table_id", _S),
            ("section_id", _S),
            ("responsibility_id", _S),
            ("sentence", _S),
            ("baseline_year", _I),
            ("baseline_value", _F),
            ("baseline_raw", _S),
            ("actual_year", _I),
            ("actual_value", _F),
            ("actual_raw", _S),
            ("n_targets", _I),
            *_PROVENANCE,
        ]
    ),
    "targets": pa.schema(
        [
            *_KEY,
            ("indicator_id", _S),
            ("role", _S),
            ("target_index", _I),
            ("label", _S),
            ("year", _I),
            ("year_from", _S),
            ("target_raw", _S),
            ("atom_index", _I),
            ("op", _S),
            ("value", _F),
            ("value_max", _F),
            ("bound", _S),
            ("unit", _S),
            ("unit_from_row", _B),
            ("direction", _S),
            ("qualifier", _LIST),
            ("baseline_year", _I),
            ("change", _B),
            ("reference", _S),
            ("measure", _S),
            ("atom_raw", _S),
            *_PROVENANCE,
        ]
    ),
    "responsibilities": pa.schema(
        [
            *_KEY,
            ("responsibility_id", _S),
            ("kind", _S),
            ("attached_to", _S),
            ("by_duty", _B),
            ("raw", _S),
            ("role", _S),
            ("agency_index", _I),
            ("agency", _S),
            ("agency_canonical", _S),
            *_PROVENANCE,
        ]
    ),
    "crosswalk": pa.schema(
        [
            ("cluster_id", _S),
            ("cluster_name", _S),
            ("cluster_score", _F),
            ("n_places", _I),
            ("member_index", _I),
            ("place", _S),
            ("file", _S),
            ("document_id", _S),
            ("indicator_id", _S),
            ("part", _S),
            ("name", _S),
            ("unit", _S),
            ("key", _S),
            ("source", _S),
            ("table_id", _S),
            ("table_label", _S),
        ]
    ),
}

DESCRIPTIONS = {
    "documents": "One row per document (notice, plan, annex) with its metadata.",
    "sections": "One row per heading; parent_id gives the tree, position the reading order.",
    "tables": "One row per table or 专栏.",
    "table_rows": "One row per grid row (kind row) or 专栏 list entry (kind item).",
    "indicators": "One row per indicator; baseline and actual values inline.",
    "targets": (
        "One row per target atom (role target, baseline or actual); "
        "atom_index is NULL for a target with no atoms."
    ),
    "responsibilities": (
        "One row per agency of a responsibility clause "
        "(role lead/participating; NULL when the clause names none)."
    ),
    "crosswalk": (
        "One row per crosswalk member: indicators of different places that are the same measure."
    ),
}


@dataclass
class ExportSummary:
    files: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)  # 'file: why' for unreadable records
    notes: list[str] = field(default_factory=list)


def export(
    parsed_dir: str | os.PathLike,
    *,
    duckdb_path: str | os.PathLike | None = None,
    parquet_dir: str | os.PathLike | None = None,
    crosswalk: bool = True,
) -> ExportSummary:
    """Write the tables of every record under `parsed_dir` to a DuckDB file and/or Parquet files.

    A folder without any record is refused (UsageError); a file that is not a record is skipped
    and named in the summary.
    """
    if duckdb_path is None and parquet_dir is None:
        raise ValueError("nothing to write: give duckdb_path and/or parquet_dir")
    summary = ExportSummary()
    results = list(read_records(parsed_dir, summary.skipped))
    tables = build_tables(results, crosswalk=crosswalk, notes=summary.notes)
    summary.files = len(results)
    summary.rows = {name: table.num_rows for name, table in tables.items()}
    if duckdb_path is not None:
        write_duckdb(tables, duckdb_path)
    if parquet_dir is not None:
        write_parquet(tables, parquet_dir)
    return summary


def build_tables(
    results: list[ParseResult], *, crosswalk: bool = True, notes: list[str] | None = None
) -> dict[str, pa.Table]:
    """The analysis tables of `results`, as Arrow tables with the fixed `SCHEMAS`."""
    rows = _Rows()
    for result in results:
        for position, document in enumerate(result.documents):
            _document_rows(rows, result, document, position)
    if crosswalk:
        _crosswalk_rows(rows, results, notes if notes is not None else [])
    return {
        name: pa.Table.from_pydict(rows.columns[name], schema=schema)
        for name, schema in SCHEMAS.items()
    }


class _Rows:
    """Column lists per table, filled one row at a time."""

    def __init__(self) -> None:
        self.columns: dict[str, dict[str, list]] = {
            name: {column: [] for column in schema.names} for name, schema in SCHEMAS.items()
        }

    def add(self, table: str, values: dict) -> None:
        columns = self.columns[table]
        unknown = values.keys() - columns.keys()
        if unknown:
            raise KeyError(f"{table} has no column {sorted(unknown)}")
        for name, column in columns.items():
            column.append(values.get(name))


def _prov(prov: Provenance | None, lines: tuple[int, int] | None = None) -> dict:
    lines = (prov.lines if prov else None) or lines
    return {
        "line_first": lines[0] if lines else None,
        "line_last": lines[1] if lines else None,
        "page": prov.page if prov else None,
        "paragraph": prov.paragraph if prov else None,
        "table_row": prov.table_row if prov else None,
        "table_col": prov.table_col if prov else None,
    }


def _document_rows(rows: _Rows, result: ParseResult, document: Document, position: int) -> None:
    key = {"file": result.source.path, "document_id": document.id}
    meta = document.metadata
    rows.add(
        "documents",
        {
            **key,
            "position": position,
            "kind": document.kind,
            "title": document.title,
            "part_of": document.part_of,
            "doc_number": meta.doc_number,
            "issuer": meta.issuer,
            "place": meta.place,
            "date_written": meta.date_written,
            "date_published": meta.date_published,
            "period_start": meta.period.start if meta.period else None,
            "period_end": meta.period.end if meta.period else None,
            "recipients": meta.recipients,
            "cc": meta.cc,
            "inherited": meta.inherited,
            "portal": list(meta.portal.items()),
            "format": result.source.format,
            "sha256": result.source.sha256,
            "encoding": result.source.encoding,
            "parser_version": result.parser_version,
            "schema_version": result.schema_version,
            "line_first": document.lines[0] if document.lines else None,
            "line_last": document.lines[1] if document.lines else None,
        },
    )
    _section_rows(rows, key, document.sections, None, [0])
    for table in document.tables:
        rows.add(
            "tables",
            {
                **key,
                "table_id": table.id,
                "label": table.label,
                "number": table.number,
                "title": table.title,
                "kind": table.kind,
                "header": table.header,
                "notes": table.notes,
                "n_rows": len(table.rows),
                "n_items": len(table.items),
                "section_id": table.section_id,
                **_prov(table.provenance),
            },
        )
        for index, row in enumerate(table.rows):
            rows.add(
                "table_rows",
                {
                    **key,
                    "table_id": table.id,
                    "row_index": index,
                    "kind": "row",
                    "parent_index": row.parent,
                    "cells": row.cells,
                    "note": row.note,
                    **_prov(row.provenance),
                },
            )
        for index, item in enumerate(table.items):
            rows.add(
                "table_rows",
                {
                    **key,
                    "table_id": table.id,
                    "row_index": index,
                    "kind": "item",
                    "cells": [item.name, item.text],
                    **_prov(item.provenance),
                },
            )
    for responsibility in document.responsibilities:
        _responsibility_rows(rows, key, responsibility)
    for indicator in document.indicators:
        _indicator_rows(rows, key, indicator)


def _section_rows(
    rows: _Rows, key: dict, sections: list[Section], parent: str | None, counter: list[int]
) -> None:
    for section in sections:
        rows.add(
            "sections",
            {
                **key,
                "section_id": section.id,
                "parent_id": parent,
                "position": counter[0],
                "level": section.level,
                "number": section.number,
                "ordinal": section.ordinal,
                "title": section.title,
                "text": section.text,
                **_prov(section.provenance, section.lines),
            },
        )
        counter[0] += 1
        _section_rows(rows, key, section.children, section.id, counter)


def _responsibility_rows(rows: _Rows, key: dict, responsibility: Responsibility) -> None:
    clause = {
        **key,
        "responsibility_id": responsibility.id,
        "kind": responsibility.kind,
        "attached_to": responsibility.attached_to,
        "by_duty": responsibility.by_duty,
        "raw": responsibility.raw,
        **_prov(responsibility.provenance),
    }
    agencies = [("lead", a) for a in responsibility.lead] + [
        ("participating", a) for a in responsibility.participating
    ]
    if not agencies:
        rows.add("responsibilities", clause)
    for index, (role, agency) in enumerate(agencies):
        rows.add(
            "responsibilities",
            {
                **clause,
                "role": role,
                "agency_index": index,
                "agency": agency.name,
                "agency_canonical": agency.canonical,
            },
        )


def _indicator_rows(rows: _Rows, key: dict, indicator: Indicator) -> None:
    baseline, actual = indicator.baseline, indicator.actual
    rows.add(
        "indicators",
        {
            **key,
            "indicator_id": indicator.id,
            "source": indicator.source,
            "seq": indicator.seq,
            "category": indicator.category,
            "name_raw": indicator.name_raw,
            "name": indicator.name,
            "unit": indicator.unit,
            "aliases": indicator.aliases,
            "parent_id": indicator.parent_id,
            "attribute": indicator.attribute,
            "table_id": indicator.table_id,
            "section_id": indicator.section_id,
            "responsibility_id": indicator.responsible_id,
            "sentence": indicator.sentence,
            "baseline_year": baseline.year if baseline else None,
            "baseline_value": baseline.value if baseline else None,
            "baseline_raw": baseline.raw if baseline else None,
            "actual_year": actual.year if actual else None,
            "actual_value": actual.value if actual else None,
            "actual_raw": actual.raw if actual else None,
            "n_targets": len(indicator.targets),
            **_prov(indicator.provenance),
        },
    )
    ref = {**key, "indicator_id": indicator.id}
    for index, target in enumerate(indicator.targets):
        head = {
            **ref,
            "role": "target",
            "target_index": index,
            "label": target.label,
            "year": target.year,
            "year_from": target.year_from,
            "target_raw": target.raw,
        }
        _atom_rows(rows, head, target.atoms, target.provenance or indicator.provenance)
    for role, measurement in (("baseline", baseline), ("actual", actual)):
        if measurement is not None:
            _measurement_rows(rows, ref, role, measurement, indicator.provenance)


def _measurement_rows(
    rows: _Rows, ref: dict, role: str, measurement: Measurement, fallback: Provenance
) -> None:
    head = {**ref, "role": role, "year": measurement.year, "target_raw": measurement.raw}
    _atom_rows(rows, head, measurement.atoms, measurement.provenance or fallback)


def _atom_rows(rows: _Rows, head: dict, atoms: list, prov: Provenance) -> None:
    where = _prov(prov)
    if not atoms:  # keep the target visible even when no atom could be read from it
        rows.add("targets", {**head, **where})
    for index, atom in enumerate(atoms):
        rows.add(
            "targets",
            {
                **head,
                "atom_index": index,
                "op": atom.op,
                "value": atom.value,
                "value_max": atom.value_max,
                "bound": atom.bound,
                "unit": atom.unit,
                "unit_from_row": atom.unit_from_row,
                "direction": atom.direction,
                "qualifier": atom.qualifier,
                "baseline_year": atom.baseline_year,
                "change": atom.change,
                "reference": atom.reference,
                "measure": atom.indicator,
                "atom_raw": atom.raw,
                **where,
            },
        )


def _crosswalk_rows(rows: _Rows, results: list[ParseResult], notes: list[str]) -> None:
    try:
        from .crosswalk import build_crosswalk
    except ImportError as exc:
        notes.append(f"crosswalk table left empty: the crosswalk is not available ({exc})")
        return
    for cluster in build_crosswalk(results).clusters:
        places = len({member.place for member in cluster.members})
        for index, member in enumerate(cluster.members):
            rows.add(
                "crosswalk",
                {
                    "cluster_id": cluster.id,
                    "cluster_name": cluster.name,
                    "cluster_score": cluster.score,
                    "n_places": places,
                    "member_index": index,
                    "place": member.place,
                    "file": member.source_file,
                    "document_id": member.document_id,
                    "indicator_id": member.indicator_id,
                    "part": member.part,
                    "name": member.name,
                    "unit": member.unit,
                    "key": member.key,
                    "source": member.source,
                    "table_id": member.table_id,
                    "table_label": member.table_label,
                },
            )


def write_duckdb(tables: dict[str, pa.Table], path: str | os.PathLike) -> None:
    """Write `tables` into a new DuckDB database at `path`, replacing any file there atomically."""
    import duckdb

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    # DuckDB wants to create its file itself (and a .wal beside it), so build in a private folder.
    workdir = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        built = workdir / target.name
        connection = duckdb.connect(str(built))
        try:
            for name, table in tables.items():
                connection.register("incoming", table)
                connection.execute(f'CREATE TABLE "{name}" AS SELECT * FROM incoming')
                connection.unregister("incoming")
                connection.execute(f"COMMENT ON TABLE \"{name}\" IS '{DESCRIPTIONS[name]}'")
            connection.execute("CHECKPOINT")
        finally:
            connection.close()
        os.replace(built, target)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def write_parquet(tables: dict[str, pa.Table], folder: str | os.PathLike) -> None:
    """Write each table to `<folder>/<name>.parquet`, each file replaced atomically."""
    import pyarrow.parquet as pq

    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        handle, temp = tempfile.mkstemp(prefix=f".{name}.parquet.", suffix=".tmp", dir=out)
        os.close(handle)
        try:
            pq.write_table(table, temp)
            os.chmod(temp, 0o644)  # mkstemp makes it private; these are meant to be shared
            os.replace(temp, out / f"{name}.parquet")
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
