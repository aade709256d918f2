"""Indicators of a plan's tables.

`indicators_from_table` reads a grid whose header has an indicator-name column (指标名称,
指标名称（单位）): one `Indicator` per row with its unit, baseline, result, targets, attribute and
responsible units. Tables without such a column (重点工程, 重点政策) give the `Responsibility`
records of their 责任单位 column and the goals their text cells state in sentences (推动本市建立1所
儿童医院), read by `goals`. Names are read by `indicator_names`: a sub-row that only qualifies its
parent row is named in full (学前三年毛入园率（男童）).

Vocabulary (column headers, unit suffixes, alias vs qualifier) lives in grammars/indicators.yaml;
structural column roles in grammars/tables.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Literal

import regex as re

from ..grammar import load
from ..model import Agency, Indicator, Measurement, Provenance, Responsibility, Table, Target
from ..textutil import fold, squash_spaces
from .agencies import canonical
from .goals import indicators_from_paragraph
from .indicator_names import clean_name, subrow_name
from .responsibilities import parse_responsibility_cell
from .tables import column_roles, join_lines
from .targets import parse_target

_SEQ = re.compile(r"^[0-9]+$")
_ATTRIBUTES: dict[str, Literal["约束性", "预期性"]] = {"约束性": "约束性", "预期性": "预期性"}


# ---------------------------------------------------------------- grammar


@dataclass(frozen=True)
class _Rules:
    indicator_name: re.Pattern
    measure_roles: tuple[tuple[str, re.Pattern], ...]
    year: re.Pattern
    period: re.Pattern
    no_value: re.Pattern
    reason_no_value: re.Pattern
    plain_number: re.Pattern


@cache
def _rules() -> _Rules:
    t = load("indicators")["table"]
    return _Rules(
        indicator_name=re.compile(t["indicator_name"]),
        measure_roles=tuple(
            (role, re.compile(t[role])) for role in ("actual", "baseline", "target")
        ),
        year=re.compile(t["year"]),
        period=re.compile(t["period"]),
        no_value=re.compile(t["no_value"]),
        reason_no_value=re.compile(t["reason_no_value"]),
        plain_number=re.compile(t["plain_number"]),
    )


# ---------------------------------------------------------------- tables


@dataclass
class _Columns:
    seq: int | None = None
    category: int | None = None
    name: int | None = None
    unit: int | None = None
    attribute: int | None = None
    responsible: list[int] = field(default_factory=list)
    baseline: int | None = None
    actual: int | None = None
    targets: list[int] = field(default_factory=list)


def _columns(header: list[str]) -> _Columns:
    """Where each kind of value sits, from the header vocabulary."""
    rules = _rules()
    cols = _Columns()
    for i, (text, role) in enumerate(zip(header, column_roles(header), strict=True)):
        key = squash_spaces(fold(text))
        if role == "name" and cols.name is None and rules.indicator_name.search(key):
            cols.name = i
        elif role == "responsible":
            cols.responsible.append(i)
        elif role in ("seq", "category", "unit", "attribute") and getattr(cols, role) is None:
            setattr(cols, role, i)
        elif role == "value":
            measure = next((r for r, pattern in rules.measure_roles if pattern.search(key)), None)
            if measure == "target":
                cols.targets.append(i)
            elif measure and getattr(cols, measure) is None:
                setattr(cols, measure, i)
    return cols


def indicators_from_table(
    table: Table, *, id_prefix: str, place: str | None = None, period_start: int | None = None
) -> tuple[list[Indicator], list[Responsibility]]:
    """Indicators of a table with an indicator-name column, and the Responsibility of every row.

    Indicator ids are f"{id_prefix}-r{row_index}" (row_index = index in `table.rows`). A sub-row
    points at its parent row's indicator; an empty 属性 or 责任单位 cell of a sub-row is the
    parent's (a merged cell), so the indicator shares the parent's attribute and Responsibility.
    A table without an indicator-name column gives one Responsibility per row attached to
    f"{id_prefix}-r{row_index}" and the prose goals of its text cells (ids
    f"{id_prefix}-r{row_index}c{col}-i{k}"; `period_start` as for a paragraph). `place`
    (重庆市开州区) helps name agencies canonically (市教育局 of another city is not 区教委).
    """
    if table.kind != "grid" or not table.rows:
        return [], []
    cols = _columns(table.header)
    if cols.name is None:
        return _cell_goals(table, cols, id_prefix, period_start), _row_responsibilities(
            table, cols, id_prefix, place
        )
    default_year = _period_end(table.title)
    indicators: dict[int, Indicator] = {}
    responsibilities: list[Responsibility] = []
    for index, row in enumerate(table.rows):
        indicator = _row_indicator(table, cols, index, id_prefix, default_year)
        if indicator is None:
            continue
        parent = indicators.get(row.parent) if row.parent is not None else None
        own = _cell_responsibilities(table, cols, index, indicator.id, place)
        responsibilities.extend(own)
        indicator.responsible_id = own[0].id if own else parent.responsible_id if parent else None
        if parent:
            indicator.parent_id = parent.id
            indicator.attribute = indicator.attribute or parent.attribute
            indicator.name = subrow_name(indicator.name, parent.name)
        indicators[index] = indicator
    return list(indicators.values()), responsibilities


def _cell_goals(
    table: Table, cols: _Columns, id_prefix: str, period_start: int | None
) -> list[Indicator]:
    """Goals written in the text cells of a project or policy table (建设内容, 政策内容)."""
    structural = {cols.seq, cols.category, cols.unit, cols.attribute, *cols.responsible}
    found = []
    for index in range(len(table.rows)):
        for col, text in enumerate(table.rows[index].cells):
            if col in structural or not text.strip():
                continue
            for indicator in indicators_from_paragraph(
                join_lines(text),
                _cell_prov(table, index, col),
                section_id=table.section_id,
                id_prefix=f"{id_prefix}-r{index}c{col}",
                period_start=period_start,
            ):
                indicator.table_id = table.id
                found.append(indicator)
    return found


def _row_indicator(
    table: Table, cols: _Columns, index: int, id_prefix: str, default_year: int | None
) -> Indicator | None:
    row = table.rows[index]

    def cell(col: int | None) -> str:
        return join_lines(row.cells[col]) if col is not None else ""

    name_raw = cell(cols.name)
    if not name_raw:
        return None
    name, suffix_unit, aliases = clean_name(name_raw)
    unit = _unit(cell(cols.unit) if cols.unit is not None else None, suffix_unit)
    seq = cell(cols.seq)
    attribute = cell(cols.attribute)
    return Indicator(
        id=f"{id_prefix}-r{index}",
        source="table",
        name_raw=name_raw,
        name=name,
        unit=unit,
        aliases=aliases,
        seq=int(seq) if _SEQ.match(fold(seq)) else None,
        category=cell(cols.category) or None,
        baseline=_measurement(table, cols.baseline, index, unit),
        actual=_measurement(table, cols.actual, index, unit),
        targets=[
            t for col in cols.targets if (t := _target(table, col, index, unit, default_year))
        ],
        attribute=_ATTRIBUTES.get(attribute),
        table_id=table.id,
        section_id=table.section_id,
        provenance=row.provenance,
    )


def _unit(column: str | None, suffix: str | None) -> str | None:
    """The row's unit: the 单位 column, or the name's suffix when it is missing or more precise
    (元 in the column, （元/人·月） in the name)."""
    if column is None or _rules().no_value.match(column):
        return suffix
    if suffix and suffix.startswith(column):
        return suffix
    return column


def _period_end(title: str | None) -> int | None:
    m = _rules().period.search(fold(title)) if title else None
    return int(m.group(2)) if m else None


def _header_year(header: str) -> int | None:
    m = _rules().year.search(fold(header))
    return int(m.group(1)) if m else None


def _cell_prov(table: Table, index: int, col: int) -> Provenance:
    return table.rows[index].provenance.model_copy(update={"table_col": col})


def _measurement(table: Table, col: int | None, index: int, unit: str | None) -> Measurement | None:
    """A baseline or result cell: None for a dash, raw kept with no value for 未开展."""
    if col is None:
        return None
    rules = _rules()
    raw = join_lines(table.rows[index].cells[col])
    key = squash_spaces(fold(raw))
    if rules.no_value.match(key):
        return None
    explained = bool(rules.reason_no_value.match(key))
    value = float(key.rstrip("%")) if rules.plain_number.match(key) else None
    return Measurement(
        year=_header_year(table.header[col]),
        value=value,
        raw=raw,
        atoms=[] if explained else parse_target(raw, unit=unit),
        provenance=_cell_prov(table, index, col),
    )


def _target(
    table: Table, col: int, index: int, unit: str | None, default_year: int | None
) -> Target | None:
    raw = join_lines(table.rows[index].cells[col])
    if _rules().no_value.match(squash_spaces(fold(raw))):
        return None
    header = table.header[col]
    return Target(
        label=header,
        year=_header_year(header) or default_year,
        raw=raw,
        atoms=parse_target(raw, unit=unit),
        provenance=_cell_prov(table, index, col),
    )


def _cell_responsibilities(
    table: Table, cols: _Columns, index: int, attached_to: str, place: str | None
) -> list[Responsibility]:
    """One Responsibility per non-empty responsible cell of a row, ids f"{attached_to}-resp[N]"."""
    out = []
    for k, col in enumerate(cols.responsible):
        raw = table.rows[index].cells[col].strip()
        if not raw:
            continue
        lead, participating, by_duty = parse_responsibility_cell(raw)
        out.append(
            Responsibility(
                id=f"{attached_to}-resp" + (f"{k + 1}" if k else ""),
                kind=table.header[col],
                lead=[_agency(a, place) for a in lead],
                participating=[_agency(a, place) for a in participating],
                by_duty=by_duty,
                raw=raw,
                attached_to=attached_to,
                provenance=_cell_prov(table, index, col),
            )
        )
    return out


def _row_responsibilities(
    table: Table, cols: _Columns, id_prefix: str, place: str | None
) -> list[Responsibility]:
    out = []
    for index in range(len(table.rows)):
        out.extend(_cell_responsibilities(table, cols, index, f"{id_prefix}-r{index}", place))
    return out


def _agency(name: str, place: str | None) -> Agency:
    return Agency(name=name, canonical=canonical(name, place))
