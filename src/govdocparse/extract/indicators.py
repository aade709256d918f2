"""Indicators of a plan's tables.

`indicators_from_table` reads a grid whose header has an indicator-name column (指标名称,
指标名称（单位）): one `Indicator` per row with its unit, baseline, result, targets, attribute and
responsible units. Tables without such a column (重点工程, 重点政策) give the `Responsibility`
records of their 责任单位 column and the goals their text cells state in sentences (推动本市建立1所
儿童医院; a 任务清单's 具体内容), read by `goals`, each owned by its row's units and dated by its
完成时限 when it names no year; `drop_cell_goals_in_prose` counts once a goal such a cell repeats
from the text. Names are read by `indicator_names`: a sub-row that only qualifies its
parent row is named in full (学前三年毛入园率（男童）).

Vocabulary (column headers, unit suffixes, alias vs qualifier) lives in grammars/indicators.yaml;
structural column roles in grammars/tables.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import pairwise
from typing import Literal

import regex as re

from .. import units
from ..columns import HEADER_JOIN, column_roles, holds_attributes, place_columns
from ..grammar import load
from ..headings import numbered
from ..model import Indicator, Measurement, Provenance, Responsibility, Table, Target
from ..textutil import fold, squash_spaces
from .agencies import to_agencies
from .goals import indicators_from_paragraph
from .indicator_names import clean_name, names_a_measure, subrow_name
from .responsibilities import (
    LEAD,
    PARTICIPATING,
    first_leads_note,
    parse_responsibility_cell,
    responsible_roles,
)
from .tables import is_total_row, join_lines
from .targets import parse_target

_SEQ = re.compile(r"^[0-9]+$")


# ---------------------------------------------------------------- grammar


@dataclass(frozen=True)
class _Rules:
    indicator_name: re.Pattern
    measure_roles: tuple[tuple[str, re.Pattern], ...]
    year: re.Pattern
    bare_year: re.Pattern
    yearly_run_min: int
    deadline: re.Pattern
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
        bare_year=re.compile(t["bare_year"]),
        yearly_run_min=int(t["yearly_run_min"]),
        deadline=re.compile(t["deadline"]),
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
    area: int | None = None
    name: int | None = None
    unit: int | None = None
    attribute: int | None = None
    responsible: list[int] = field(default_factory=list)
    baseline: int | None = None
    actual: int | None = None
    targets: list[int] = field(default_factory=list)
    deadline: int | None = None
    # a note says the unit a responsible cell names first leads (排在第一位的为牵头单位)
    first_leads: bool = False


def _columns(header: list[str], period_start: int | None = None) -> _Columns:
    """Where each kind of value sits, from the header vocabulary.

    A column headed by a bare year (2020年 | 2025年, Yiwu 专栏1) is a baseline when the year
    comes before the plan's first year, a target from it on; without a plan period, the first of
    several bare years is the baseline and the later ones targets. So is the first of a run of
    yearly columns that opens after the plan's first year (2022年 | … | 2025年 in a 2021—2025
    plan) in a table with no baseline column of its own. A year over places (2025年 over 城区 |
    农村) is a column a place, each a target labelled with both; a past year over places is no
    baseline, since an indicator has one.
    """
    rules = _rules()
    cols = _Columns()
    bare_years: list[tuple[int, int]] = []
    for i, (text, role) in enumerate(zip(header, column_roles(header), strict=True)):
        key = squash_spaces(fold(text))
        # 指标 over 名称 and 单位 names its columns 指标/名称 and 指标/单位
        whole = key.replace("/", "")
        if role == "name" and cols.name is None and rules.indicator_name.search(whole):
            cols.name = i
        elif role == "responsible":
            cols.responsible.append(i)
        elif (
            role in ("seq", "category", "area", "unit", "attribute") and getattr(cols, role) is None
        ):
            setattr(cols, role, i)
        elif role == "value" and cols.deadline is None and rules.deadline.match(key):
            cols.deadline = i
        elif role == "value":
            measure = next((r for r, pattern in rules.measure_roles if pattern.search(key)), None)
            if measure == "target":
                cols.targets.append(i)
            elif measure and getattr(cols, measure) is None:
                setattr(cols, measure, i)
            elif measure is None and (bare := rules.bare_year.fullmatch(_year_part(key))):
                bare_years.append((i, int(bare.group(1))))
    opens_late = cols.baseline is None and _late_yearly_run(bare_years, period_start)
    years = [year for _, year in bare_years]
    for n, (i, year) in enumerate(bare_years):
        past = year < period_start if period_start else year == years[0] and len(set(years)) > 1
        past = past or (n == 0 and opens_late)
        if past and cols.baseline is None and years.count(year) == 1:
            cols.baseline = i
        elif not past:
            cols.targets.append(i)
    cols.targets.sort()
    return cols


def _year_part(key: str) -> str:
    """A header without the place under its year (2025年/城区 → 2025年, a level set for each
    place: tables.yaml `place_columns`); any other header as it is."""
    top, _, under = key.rpartition(HEADER_JOIN)
    return top if top and under in place_columns() else key


def _late_yearly_run(bare_years: list[tuple[int, int]], period_start: int | None) -> bool:
    """Whether the bare years are one year after another, enough of them, opening after the
    plan's first year."""
    years = [year for _, year in bare_years]
    return (
        period_start is not None
        and len(years) >= _rules().yearly_run_min
        and years[0] > period_start
        and all(b == a + 1 for a, b in pairwise(years))
    )


def _attributes_by_values(table: Table, cols: _Columns) -> None:
    """Make a category column whose cells all say 约束性/预期性 (指标类型) the attribute one."""
    col = cols.category
    if col is None or cols.attribute is not None:
        return
    if holds_attributes(table.header[col], [row.cells[col] for row in table.rows]):
        cols.attribute, cols.category = col, None


def _measure_name_column(table: Table, cols: _Columns) -> int | None:
    """A 项目 / 名称 column that lists measures (孤儿基本生活保障率（%）) in a table with a target
    column names indicators, as 指标名称 does; project names (儿童友好医院工程) do not."""
    if not cols.targets:
        return None
    for col, role in enumerate(column_roles(table.header)):
        if role != "name":
            continue
        names = [clean_name(join_lines(row.cells[col]))[0] for row in table.rows]
        names = [name for name in names if name]
        if names and sum(names_a_measure(name) for name in names) * 2 > len(names):
            return col
    return None


def indicators_from_table(
    table: Table,
    *,
    id_prefix: str,
    place: str | None = None,
    period_start: int | None = None,
    period_end: int | None = None,
    first_leads: bool = False,
) -> tuple[list[Indicator], list[Responsibility]]:
    """Indicators of a table with an indicator-name column, and the Responsibility of every row.

    Indicator ids are f"{id_prefix}-r{row_index}" (row_index = index in `table.rows`). A sub-row
    points at its parent row's indicator; an empty 单位, 属性 or 责任单位 cell of a sub-row is the
    parent's (a merged cell), so the indicator shares the parent's unit, attribute and
    Responsibility.
    A table without an indicator-name column gives one Responsibility per row attached to
    f"{id_prefix}-r{row_index}" and the prose goals of its text cells (ids
    f"{id_prefix}-r{row_index}c{col}-i{k}"; `period_start` as for a paragraph). `place`
    (重庆市开州区) helps name agencies canonically (市教育局 of another city is not 区教委).
    A target column whose header names no year takes the end of the period the table's title
    names, else of the document's plan period (`period_end`) when it is the table's only such
    target column and none after it names a year (近期 | 远期 are two horizons, 目标值 | 2030年 may
    be a step before 2030): see `_period_years`. `first_leads`: the document's title or the text
    above its sections says that of the units a responsible cell names the first leads, as the
    table's own header, title or notes may (排名第一的为牵头单位).
    """
    if table.kind != "grid" or not table.rows:
        return [], []
    cols = _columns(table.header, period_start or _period_start(table.title))
    notes = [*(table.header[col] for col in cols.responsible), *table.notes, table.title or ""]
    cols.first_leads = first_leads or any(map(first_leads_note, notes))
    _attributes_by_values(table, cols)
    if cols.name is None:
        cols.name = _measure_name_column(table, cols)
    if cols.name is None:
        by_row = _row_responsibilities(table, cols, id_prefix, place)
        goals = _cell_goals(table, cols, id_prefix, period_start, by_row)
        return goals, [resp for row in by_row for resp in row]
    period_years = _period_years(table, cols, period_end)
    indicators: dict[int, Indicator] = {}
    responsibilities: list[Responsibility] = []
    group: str | None = None
    for index, row in enumerate(table.rows):
        heading = _group_heading(row.cells, cols.name)
        if heading is not None:
            group = heading
            continue
        parent = indicators.get(row.parent) if row.parent is not None else None
        merged_unit = parent.unit if parent else None
        indicator = _row_indicator(table, cols, index, id_prefix, period_years, merged_unit)
        if indicator is None:
            continue
        if cols.category is None:
            indicator.category = group
        own = _cell_responsibilities(table, cols, index, indicator.id, place)
        responsibilities.extend(own)
        indicator.responsible_id = own[0].id if own else parent.responsible_id if parent else None
        if parent:
            indicator.parent_id = parent.id
            indicator.attribute = indicator.attribute or parent.attribute
            indicator.name = subrow_name(indicator.name, parent.name)
        indicators[index] = indicator
    return list(indicators.values()), responsibilities


def _group_heading(cells: list[str], name_col: int) -> str | None:
    """The group a row heads, when it names the rows below instead of measuring (一、发展水平 in
    a 主要指标表): one cell across the whole table (its text copied into every column), or a
    text table's row that fills only its name with a chapter-style number (一、 （一）). The
    group is named without its number (发展水平)."""
    texts = [join_lines(cell) for cell in cells]
    if len(texts) < 2 or not texts[name_col]:
        return None
    across = all(text == texts[0] for text in texts)
    listed = numbered(texts[name_col], outline=False)
    alone = not any(text for col, text in enumerate(texts) if col != name_col)
    if not across and not (alone and listed and listed.style.opens_block):
        return None
    return listed.rest if listed and listed.rest else texts[name_col]


def _listed_name(name_raw: str) -> tuple[int | None, str]:
    """(list number, name) of a name cell that numbers its row (1.学前教育毛入园率（%） → 1,
    学前教育毛入园率（%）): in tables without a 序号 column the number opens the name; a number
    running on into digits is a value's (1.5万人), not an item's."""
    listed = numbered(name_raw, outline=False)
    if listed is None or listed.decimal_like or not listed.rest:
        return None, name_raw
    return listed.ordinal, listed.rest


def _cell_goals(
    table: Table,
    cols: _Columns,
    id_prefix: str,
    period_start: int | None,
    by_row: list[list[Responsibility]],
) -> list[Indicator]:
    """Goals written in the text cells of a project, policy or task table (建设内容, 政策内容,
    a 任务清单's 具体内容 or 工作目标: 到2025年，全区儿童之家覆盖率达到95%), read as a paragraph's
    are. Each goal is owned by its row's responsible units (a sub-row's by its parent's when its
    own cell is empty) and one naming no year is dated by the row's 完成时限 (2024年底)."""
    structural = {cols.seq, cols.category, cols.unit, cols.attribute, cols.deadline}
    structural.update(cols.responsible)
    deadline = cols.deadline
    found = []
    for index, row in enumerate(table.rows):
        own = by_row[index] or (by_row[row.parent] if row.parent is not None else [])
        owner = own[0].id if own else None
        due = _header_year(join_lines(row.cells[deadline])) if deadline is not None else None
        for col, text in enumerate(row.cells):
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
                indicator.responsible_id = owner
                # the deadline dates only what names no year: a sentence's own steps before
                # it (2024年达到80%，2026年达到95% by 2026年底) are goals all the same
                for target in indicator.targets:
                    target.year = target.year or due
                found.append(indicator)
    return found


def drop_cell_goals_in_prose(indicators: list[Indicator]) -> list[Indicator]:
    """The indicators without the goals a table's text cell repeats from the running text (a
    任务清单 whose 具体内容 restates 到2025年，全区儿童之家覆盖率达到95% of the plan's 主要目标):
    a goal is counted once, where the text states it, and is owned by the table row's units when
    no clause of the text names any."""
    stated: dict[tuple[str, str], Indicator] = {}
    for indicator in indicators:
        if indicator.source == "prose" and indicator.table_id is None and indicator.sentence:
            stated.setdefault(_goal_key(indicator), indicator)
    kept = []
    for indicator in indicators:
        in_cell = indicator.source == "prose" and indicator.table_id is not None
        prose = stated.get(_goal_key(indicator)) if in_cell and indicator.sentence else None
        if prose is None:
            kept.append(indicator)
        elif prose.responsible_id is None:
            prose.responsible_id = indicator.responsible_id
    return kept


def _goal_key(indicator: Indicator) -> tuple[str, str]:
    """A prose goal's measure and its sentence as matched, the full stop at its end aside."""
    return indicator.name, squash_spaces(fold(indicator.sentence or "")).rstrip("。．.；;！!")


def _row_indicator(
    table: Table,
    cols: _Columns,
    index: int,
    id_prefix: str,
    period_years: dict[int, int],
    parent_unit: str | None,
) -> Indicator | None:
    """The indicator of one row, None for a row without a name or a total row (合计, 小计);
    `period_years` dates the target columns whose header names no year, and `parent_unit` is
    the unit of the row a sub-row breaks down."""
    row = table.rows[index]

    def cell(col: int | None) -> str:
        return join_lines(row.cells[col]) if col is not None else ""

    name_raw = cell(cols.name)
    if not name_raw or is_total_row(name_raw):
        return None
    listed, name_text = _listed_name(name_raw)
    name, suffix_unit, aliases = clean_name(name_text)
    if area := cell(cols.area):
        name = f"{name}（{area}）"  # one measure set apart for each place, as a sub-row is
    unit = _unit(cell(cols.unit) if cols.unit is not None else None, suffix_unit)
    if unit is None and parent_unit and _takes_merged_unit(table, cols, index, parent_unit):
        unit = parent_unit
    seq = fold(cell(cols.seq))  # a 序号 column may count in full-width digits or ①②③
    due = _header_year(cell(cols.deadline)) if cols.deadline is not None else None
    return Indicator(
        id=f"{id_prefix}-r{index}",
        source="table",
        name_raw=name_raw,
        name=name,
        unit=unit,
        aliases=aliases,
        seq=int(seq) if _SEQ.match(seq) else listed if cols.seq is None else None,
        category=cell(cols.category) or None,
        baseline=_measurement(table, cols.baseline, index, unit),
        actual=_measurement(table, cols.actual, index, unit),
        targets=[
            t
            for col in cols.targets
            if (t := _target(table, col, index, unit, due, period_years.get(col)))
        ],
        attribute=_attribute(cell(cols.attribute)),
        table_id=table.id,
        section_id=table.section_id,
        provenance=row.provenance,
    )


def _takes_merged_unit(table: Table, cols: _Columns, index: int, parent_unit: str) -> bool:
    """Whether a sub-row with no unit of its own measures in its parent's unit: its unit cell
    is empty (merged with the parent's in Word or HTML, or dropped with it by a crawl:
    孕产妇死亡率 1/10万 over 其中：农村), not a dash, and none of its values states a level in a
    unit of another kind (所占比重 ≥90% under a count in 个 is a share, not a count)."""
    if cols.unit is not None and table.rows[index].cells[cols.unit].strip():
        return False
    own = units.kind(parent_unit)
    for col in (cols.baseline, cols.actual, *cols.targets):
        if col is None:
            continue
        for atom in parse_target(join_lines(table.rows[index].cells[col])):
            if atom.unit and not atom.change and units.kind(atom.unit) != own:
                return False
    return True


def _attribute(text: str) -> Literal["约束性", "预期性"] | None:
    """The 指标属性 a cell states: 约束性 (binding) or 预期性 (expected); anything else is none."""
    if text == "约束性":
        return "约束性"
    if text == "预期性":
        return "预期性"
    return None


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


def _period_years(table: Table, cols: _Columns, period_end: int | None) -> dict[int, int]:
    """The year of each target column whose header names none, from a plan period: every such
    column's is the end of the period the table's title names (2021—2025年主要指标 → 2025);
    without one, the document's period end (`period_end`) dates the one such column of a table
    whose target columns after it name no year either (现状值 | 目标值 in a 2021—2025 plan)."""
    undated = [col for col in cols.targets if _header_year(table.header[col]) is None]
    if title_end := _period_end(table.title):
        return dict.fromkeys(undated, title_end)
    if period_end is None or len(undated) != 1 or undated[0] != cols.targets[-1]:
        return {}
    return {undated[0]: period_end}


def _period_start(title: str | None) -> int | None:
    m = _rules().period.search(fold(title)) if title else None
    return int(m.group(1)) if m else None


@lru_cache(maxsize=1024)  # asked of the same few headers once a row
def _header_year(header: str) -> int | None:
    """The year a header or a deadline cell names; of a span (2021—2025年累计), its last."""
    rules = _rules()
    text = fold(header)
    if span := rules.period.search(text):
        return int(span.group(2))
    m = rules.year.search(text)
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
    table: Table,
    col: int,
    index: int,
    unit: str | None,
    due: int | None,
    period_year: int | None,
) -> Target | None:
    """A target cell, dated by its header's year, else by the row's deadline (`due`), else by
    the plan period's end (`period_year`, the record saying so)."""
    raw = join_lines(table.rows[index].cells[col])
    if _rules().no_value.match(squash_spaces(fold(raw))):
        return None
    header = table.header[col]
    stated = _header_year(header) or due
    return Target(
        label=header,
        year=stated or period_year,
        year_from="period" if not stated and period_year else None,
        raw=raw,
        atoms=parse_target(raw, unit=unit),
        provenance=_cell_prov(table, index, col),
    )


def _cell_responsibilities(
    table: Table, cols: _Columns, index: int, attached_to: str, place: str | None
) -> list[Responsibility]:
    """The Responsibility records of a row's responsible cells, ids f"{attached_to}-resp[N]".

    A table whose responsible columns split the roles (牵头单位 | 配合单位, 责任单位 over both, or
    牵头单位 | 责任单位, the units carrying the measure out with the lead) gives one record per
    row, lead from the one and participating from the other; otherwise each non-empty cell is a
    record of its own (责任单位, 市指导部门).
    """
    headers = [table.header[col] for col in cols.responsible]
    roles = responsible_roles(headers)
    if LEAD in roles and PARTICIPATING in roles:
        shared = _role_split_responsibility(table, cols, index, attached_to, place, roles)
        return [shared] if shared else []
    out = []
    for k, (col, role) in enumerate(zip(cols.responsible, roles, strict=True)):
        raw = table.rows[index].cells[col].strip()
        if not raw:
            continue
        lead, participating, by_duty = parse_responsibility_cell(raw)
        if role == PARTICIPATING:
            lead, participating = [], lead + participating
        elif cols.first_leads and not participating:
            lead, participating = lead[:1], lead[1:]
        out.append(
            Responsibility(
                id=f"{attached_to}-resp" + (f"{k + 1}" if k else ""),
                kind=table.header[col],
                lead=to_agencies(lead, place),
                participating=to_agencies(participating, place),
                by_duty=by_duty,
                raw=raw,
                attached_to=attached_to,
                provenance=_cell_prov(table, index, col),
            )
        )
    return out


def _role_split_responsibility(
    table: Table,
    cols: _Columns,
    index: int,
    attached_to: str,
    place: str | None,
    roles: list[str],
) -> Responsibility | None:
    """One record from a row's 牵头单位 and 配合单位 cells; raw holds the cells joined by ；."""
    lead: list[str] = []
    participating: list[str] = []
    by_duty = False
    filled = []
    for col, role in zip(cols.responsible, roles, strict=True):
        raw = table.rows[index].cells[col].strip()
        if not raw:
            continue
        filled.append((col, raw))
        names, others, remark = parse_responsibility_cell(raw)
        by_duty |= remark
        if role == LEAD:
            lead += names
            participating += others
        else:
            participating += names + others
    if not filled:
        return None
    groups = {table.header[col].split("/")[0] for col in cols.responsible}
    return Responsibility(
        id=f"{attached_to}-resp",
        kind=groups.pop() if len(groups) == 1 else table.header[filled[0][0]],
        lead=to_agencies(lead, place),
        participating=to_agencies(participating, place),
        by_duty=by_duty,
        raw="；".join(raw for _, raw in filled),
        attached_to=attached_to,
        provenance=table.rows[index].provenance,
    )


def _row_responsibilities(
    table: Table, cols: _Columns, id_prefix: str, place: str | None
) -> list[list[Responsibility]]:
    """The Responsibility records of each row, in the order of the rows."""
    return [
        _cell_responsibilities(table, cols, index, f"{id_prefix}-r{index}", place)
        for index in range(len(table.rows))
    ]
