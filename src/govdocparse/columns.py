"""Table columns: the role a header gives a column and how well a cell fits a column of that
role, read with the one table vocabulary of grammars/tables.yaml (`columns`, `realign`) and the
units vocabulary (govdocparse.units).

The table builder realigns a row that lost cells with them; the text reader rebuilds a table a
crawl flattened one cell a line with them. A header's role is structural (seq, unit, attribute,
responsible, category, area, name, text, or value for everything else); what a value column measures
(baseline, target) is the indicator reader's business, not this module's.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import regex as re

from . import units
from .grammar import load
from .textutil import fold, squash_spaces

# The parts of a column name read from several header rows, top first: 目标值/2025年.
HEADER_JOIN = "/"

_SMALL_INT = re.compile(r"^[0-9]{1,3}$")
_NUMERIC = re.compile(r"[0-9.,%‰]+")


@dataclass(frozen=True)
class _Rules:
    roles: tuple[tuple[str, re.Pattern], ...]
    level: re.Pattern
    attribute_by_values: re.Pattern
    attribute_values: frozenset[str]
    agency_end: re.Pattern
    value: re.Pattern
    name_tail: re.Pattern
    unfinished_end: re.Pattern


@cache
def _rules() -> _Rules:
    g = load("tables")
    realign = g["realign"]
    return _Rules(
        roles=tuple((role, re.compile(pattern)) for role, pattern in g["columns"].items()),
        level=re.compile(g["level_columns"]),
        attribute_by_values=re.compile(g["attribute_by_values"]),
        attribute_values=frozenset(realign["attribute_values"]),
        agency_end=re.compile(realign["agency_end"]),
        value=re.compile(realign["value_pattern"]),
        name_tail=re.compile(g["name_tails"]),
        unfinished_end=re.compile(g["unfinished_ends"]),
    )


def column_roles(header: list[str]) -> list[str]:
    """Structural role of each header: seq, unit, attribute, responsible, category, area, name,
    text or value. Of the levels of an evaluation system (一级指标 | 二级指标 | 三级指标), the last
    names the measures; the others group them."""
    roles = [column_role(h) for h in header]
    levels = [k for k, h in enumerate(header) if _level(h)]
    if levels:
        roles[levels[-1]] = "name"
    return roles


def role_readings(header: list[str]) -> list[list[str]]:
    """The roles the header may give its columns before their cells are read: `column_roles`,
    and, when a column may hold attributes instead of categories (指标类型), the roles with that
    column an attribute one."""
    roles = column_roles(header)
    either = [k for k, h in enumerate(header) if _attribute_by_values(h, roles[k])]
    if not either:
        return [roles]
    return [roles, ["attribute" if k in either else role for k, role in enumerate(roles)]]


def holds_attributes(header: str, cells: list[str]) -> bool:
    """Whether a column that may hold categories or attributes (指标类型) holds attributes: every
    cell it fills says 约束性 or 预期性."""
    if not _attribute_by_values(header, column_role(header)):
        return False
    filled = [key for cell in cells if (key := cell_key(cell))]
    return bool(filled) and all(key in _rules().attribute_values for key in filled)


def _attribute_by_values(header: str, role: str) -> bool:
    return role == "category" and bool(_rules().attribute_by_values.match(cell_key(header)))


def _level(header: str) -> bool:
    return bool(_rules().level.match(squash_spaces(fold(header))))


def column_role(header: str) -> str:
    """The role of the lowest part of a joined header that has one (指标/单位 is a unit column,
    责任单位/配合单位 a responsible one), else of the whole name (目标值/2025年 is a value). A
    level of an evaluation system (一级指标) groups the rows as a category does."""
    if _level(header):
        return "category"
    parts = squash_spaces(fold(header)).split(HEADER_JOIN)
    for key in [*reversed(parts), HEADER_JOIN.join(parts)] if len(parts) > 1 else parts:
        for role, pattern in _rules().roles:
            if pattern.search(key):
                return role
    return "value"


@cache
def place_columns() -> frozenset[str]:
    """Places a value column or a year sets a level for each of, named under it in a two-row
    header (指标值 over 乡镇 | 县城, 2025年 over 城区 | 农村): grammars/tables.yaml
    `place_columns`."""
    return frozenset(load("tables")["place_columns"])


def continues_name(before: str, line: str) -> bool:
    """Whether a line of a name cell is the rest of the line before it, one name wrapped: a
    measure word alone (死亡率, 覆盖率: tables.yaml `name_tails`), or any line after one that
    ends where no name ends (建有儿童之家的, 儿童福利机构、: `unfinished_ends`)."""
    rules = _rules()
    return bool(
        rules.name_tail.fullmatch(cell_key(line)) or rules.unfinished_end.search(cell_key(before))
    )


# every cell, once for the evidence and once a realigned row
@lru_cache(maxsize=8192)
def cell_key(text: str) -> str:
    """A cell's text as cells are compared: half width, without spaces."""
    return squash_spaces(fold(text))


def cell_fit(text: str, role: str, seen: frozenset[str] = frozenset()) -> float:
    """How well a cell's text fits a column of `role`: 2 certain, 0 neutral, negative unlikely.
    `seen` holds the values the column's complete rows hold: a cell among them fits for sure."""
    rules = _rules()
    key = cell_key(text)
    if not key:
        return 0.0
    if key in seen:
        return 2.0
    numeric = bool(_NUMERIC.fullmatch(key))
    if role == "seq":
        return 2.0 if _SMALL_INT.match(key) else -2.0
    if role == "attribute":
        return 2.0 if key in rules.attribute_values else -2.0
    if role == "unit":
        is_unit = units.is_unit(key) or units.is_type_marker(key)
        return 2.0 if len(key) <= 10 and is_unit else -2.0 if numeric else -1.0
    if role == "responsible":
        return 2.0 if rules.agency_end.search(key) else -1.0
    if role in ("category", "area", "name", "text"):
        if numeric or key in rules.attribute_values or rules.value.fullmatch(key):
            return -2.0
        if role in ("category", "area"):
            return 0.5 if len(key) <= 12 else -1.0
        return 1.0 if role == "name" or len(key) >= 8 else 0.0
    return 1.5 if rules.value.search(key) else -0.5
