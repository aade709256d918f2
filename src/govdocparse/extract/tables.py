"""Turns a reader's `TableBlock` into a record `Table`: header, repaired rows, notes, lists.

A grid's first row is its header and fixes the number of columns. Rows are repaired the way a
reader of the printed table would: an empty cell under a category column repeats the value above
(a vertically merged cell), a row that lost cells (dumps from some tools drop merged cells) is
realigned from what its cells look like, and rows that only break the row above down (其中：城市)
point at it through `parent`. A one-column box whose lines read "名称。正文" is a list of items.

The vocabulary (column roles, breakdown names, what an agency looks like) lives in
grammars/tables.yaml; a column's role and what fits it, in govdocparse.columns. A
table's caption is read before it gets here, by `govdocparse.captions`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import regex as re

from ..captions import parse_caption
from ..columns import HEADER_JOIN, cell_fit, cell_key, column_roles, continues_name
from ..grammar import load
from ..model import Provenance, Table, TableItem, TableRow
from ..source import Cell, TableBlock
from ..textutil import fold, squash_spaces

_INDENT = re.compile(r"^[ \t\u3000\u00a0]+")


@dataclass(frozen=True)
class _ColumnNames:
    words: frozenset[str]
    pattern: re.Pattern


@dataclass(frozen=True)
class _Rules:
    inherit: frozenset[str]
    merged: frozenset[str]
    note: re.Pattern
    subrow_prefix: re.Pattern
    breakdown: frozenset[str]
    total_row: re.Pattern
    list_item: re.Pattern
    missing_cost: dict[str, float]
    column_names: _ColumnNames


@cache
def _rules() -> _Rules:
    g = load("tables")
    realign = g["realign"]
    return _Rules(
        inherit=frozenset(g["inherit_roles"]),
        merged=frozenset(g["merged_roles"]),
        note=re.compile(g["note_prefixes"]),
        subrow_prefix=re.compile(g["subrow_prefix"]),
        breakdown=frozenset(g["breakdown_names"]),
        total_row=re.compile(g["total_rows"]),
        list_item=re.compile(g["list_item"]),
        missing_cost=dict(realign["missing_cost"]),
        column_names=_ColumnNames(
            frozenset(g["column_names"]["words"]) | frozenset(g["place_columns"]),
            re.compile(g["column_names"]["pattern"]),
        ),
    )


# Each cell is joined by the table builder, the header reader and the indicator reader, and a
# column repeats its cells (—, 提高, 区卫健委): five calls a distinct cell on the corpus.
@lru_cache(maxsize=8192)
def join_lines(text: str) -> str:
    """A multi-line cell read as one string: lines joined without separator (规划\\n目标 →
    规划目标)."""
    return "".join(line.strip() for line in text.split("\n"))


# ---------------------------------------------------------------- building


def build_table(
    block: TableBlock,
    *,
    table_id: str,
    label: str | None,
    number: str | None,
    title: str | None,
    section_id: str | None,
) -> Table:
    """The record `Table` of a block: a `list` for a one-column box of "名称。正文" lines, else a
    grid."""
    table = Table(
        id=table_id,
        label=label,
        number=number,
        title=title,
        section_id=section_id,
        provenance=block.prov,
    )
    if _is_list_box(block):
        table.kind = "list"
        table.items = _items(block)
        return table
    # Rows with no text at all (an empty <tr>, a blank Word row) say nothing, not even a header.
    rows = [row for row in block.rows if any(cell.text.strip() for cell in row)]
    if not rows:
        return table
    caption = _title_row(rows)
    if caption is not None:
        rows = rows[1:]
        found = parse_caption(caption)
        if found and table.label is None:
            table.label, table.number = found.label, found.number
            table.title = table.title or found.title
        else:
            table.title = table.title or caption
    depth = header_depth(rows)
    table.header = _joined_header(rows[:depth])
    body, table.notes = _split_notes(_without_repeated_header(rows[depth:], rows[:depth]))
    table.rows = _grid_rows(body, table.header, block.prov)
    return table


# ---------------------------------------------------------------- headers over several rows


def _title_row(rows: list[list[Cell]]) -> str | None:
    """The text of a first row that is the table's title, not its header: one cell across the
    whole width (专栏1  主要指标 typed into a merged first row in Word) over a row of column
    names."""
    if len(rows) < 3:
        return None
    filled = [cell for cell in rows[0] if cell.text.strip()]
    below = _slots(rows[1])
    if len(filled) != 1 or len(_slots(rows[0])) != len(below) or filled[0].colspan < len(below):
        return None
    text = squash_spaces(join_lines(filled[0].text)) if len(below) > 1 else ""
    names = sum(is_column_name(join_lines(cell.text)) for cell in below)
    if not text or is_column_name(text) or names < 2:
        return None
    return " ".join(filled[0].text.split())


def header_depth(rows: list[list[Cell]]) -> int:
    """How many rows at the top of a grid are its header (1, 2 or 3).

    The first row always is. A row below continues the header when it only names sub-columns
    of the header above (目标值 over 2025年 and 2030年; 责任单位 over 牵头单位 and 配合单位;
    基期值 over 2020年; 指标 over 名称 and 单位): every cell it fills is a column name of
    grammars/tables.yaml `column_names` (a data row names its measure or task), it leaves some
    cells empty, and those are covered from above (a rowspan, or the empty leading cells of a text
    row) or the header above it spans columns.
    """
    depth = 1
    while depth < min(len(rows) - 1, _MAX_HEADER_ROWS) and _continues_header(
        rows[:depth], rows[depth]
    ):
        depth += 1
    return depth


_MAX_HEADER_ROWS = 3


def _continues_header(header: list[list[Cell]], row: list[Cell]) -> bool:
    slots = _slots(row)
    width = len(_slots(header[0]))
    if len(slots) < width:
        return False
    filled = [i for i, cell in enumerate(slots) if cell.text.strip()]
    if not filled or len(filled) == len(slots):
        return False
    if not all(is_column_name(join_lines(slots[i].text)) for i in filled):
        return False
    spans = any(c.colspan > 1 or c.rowspan > 1 for above in header for c in above)
    covered = any(cell.merged for cell in slots)
    return spans or covered


def is_column_name(text: str) -> bool:
    """Whether a header cell is a known column name (序号, 指标名称, 2025年目标, 目标值(2025年))."""
    key = squash_spaces(fold(text))
    names = _rules().column_names
    return bool(key) and (key in names.words or bool(names.pattern.match(key)))


def _joined_header(rows: list[list[Cell]]) -> list[str]:
    """One name per column: the names of the header rows over it joined with "/", top first
    (目标值/2025年, 责任单位/牵头单位). An empty cell of an upper row beside a filled one is
    the rest of that cell when a lower row names a sub-column under it (a text table's merged
    cell: 目标值<TAB><TAB> over 2025年<TAB>2030年)."""
    width = max(len(_slots(row)) for row in rows)
    grid = [[squash_spaces(join_lines(c.text)) for c in _slots(row)] + [""] * width for row in rows]
    grid = [texts[:width] for texts in grid]
    for r in range(len(rows) - 1):
        for col in range(1, width):
            below = any(grid[lower][col] for lower in range(r + 1, len(rows)))
            if not grid[r][col] and grid[r][col - 1] and below and not _covered(rows[r], col):
                grid[r][col] = grid[r][col - 1]
    header = []
    for col in range(width):
        parts: list[str] = []
        for texts in grid:
            if texts[col] and (not parts or parts[-1] != texts[col]):
                parts.append(texts[col])
        header.append(HEADER_JOIN.join(parts))
    return header


def _covered(row: list[Cell], col: int) -> bool:
    slots = _slots(row)
    return col < len(slots) and slots[col].merged


def _without_repeated_header(body: list[list[Cell]], header: list[list[Cell]]) -> list[list[Cell]]:
    """The body without the header rows a long table repeats on every page."""
    texts = [_texts(row) for row in header]
    kept: list[list[Cell]] = []
    i = 0
    while i < len(body):
        if _texts(body[i]) == texts[0]:
            i += 1
            for expected in texts[1:]:
                if i < len(body) and _texts(body[i]) == expected:
                    i += 1
            continue
        kept.append(body[i])
        i += 1
    return kept


def _texts(row: list[Cell]) -> list[str]:
    return [squash_spaces(join_lines(c.text)) for c in _slots(row)]


def _is_list_box(block: TableBlock) -> bool:
    """One column whose lines are mostly "名称。正文" entries."""
    if any(len(row) != 1 for row in block.rows):
        return False
    lines = [line for row in block.rows for line in row[0].text.split("\n") if line.strip()]
    shaped = sum(1 for line in lines if _rules().list_item.match(line.strip()))
    return bool(lines) and shaped * 2 >= len(lines)


def _items(block: TableBlock) -> list[TableItem]:
    """One item per "名称。正文" line; a line of another shape continues the item above it."""
    items: list[TableItem] = []
    spans: list[list[tuple[int, int] | None]] = []
    for row in block.rows:
        cell = row[0]
        lines = [line.strip() for line in cell.text.split("\n")]
        for line, lines_span in zip(lines, _line_spans(cell, len(lines)), strict=True):
            if not line:
                continue
            m = _rules().list_item.match(line)
            if m or not items:
                name, text = (m.group("name"), m.group("text")) if m else ("", line)
                items.append(
                    TableItem(
                        name=name, text=text, provenance=_prov(cell.prov, lines_span, len(items))
                    )
                )
                spans.append([lines_span])
            else:
                items[-1].text += "\n" + line
                spans[-1].append(lines_span)
                items[-1].provenance = _prov(cell.prov, _cover(spans[-1]), len(items) - 1)
    return items


def _line_spans(cell: Cell, count: int) -> list[tuple[int, int] | None]:
    """Source lines each of the `count` text lines of `cell` can sit on.

    The cell's text lost the blank lines that may separate its lines in the file, so line k lies
    between first+k (no blank above it) and last-(count-1-k) (all blanks above it); without
    blank lines both bounds meet and the line is exact.
    """
    if not cell.prov.lines:
        return [None] * count
    first, last = cell.prov.lines
    return [(first + k, max(first + k, last - (count - 1 - k))) for k in range(count)]


def _cover(spans: list[tuple[int, int] | None]) -> tuple[int, int] | None:
    known = [s for s in spans if s]
    return (min(s[0] for s in known), max(s[1] for s in known)) if known else None


def _prov(base: Provenance, lines: tuple[int, int] | None, row: int) -> Provenance:
    return Provenance(
        file=base.file, lines=lines, page=base.page, paragraph=base.paragraph, table_row=row
    )


def _split_notes(rows: list[list[Cell]]) -> tuple[list[list[Cell]], list[str]]:
    """The grid rows and the trailing one-cell rows that are notes (说明：…, 注：…)."""
    notes: list[str] = []
    end = len(rows)
    while end > 0:
        filled = [c for c in rows[end - 1] if c.text.strip()]
        if len(filled) != 1 or not _rules().note.match(filled[0].text.strip()):
            break
        notes.insert(0, filled[0].text.strip())
        end -= 1
    return rows[:end], notes


@dataclass
class _Row:
    cells: list[str]
    indented: bool
    notes: list[str]
    prov: Provenance
    # columns the source marks covered by a vertically merged cell above
    covered: frozenset[int] = frozenset()


def _grid_rows(body: list[list[Cell]], header: list[str], table_prov: Provenance) -> list[TableRow]:
    roles = column_roles(header)
    seen = _seen_values(body, roles)
    name_col = _name_column(roles)
    rows: list[_Row] = []
    for cells in body:
        if not any(c.text.strip() for c in cells):
            continue
        slots = _slots(cells)
        texts = [_strip_indent(c.text) for c in slots]
        notes = [_span_note(c, header, slots) for c in cells if c.colspan > 1 and c.text.strip()]
        indented_flags = [bool(_INDENT.match(c.text)) for c in slots]
        if len(texts) != len(header):
            positions = _realign(texts, roles, seen)
            notes.append(_realign_note(len(texts), header, positions))
            texts, indented_flags = (
                _place(texts, positions, len(header)),
                _place(indented_flags, positions, len(header)),
            )
        stacked = _split_stack(texts, roles, name_col)
        if len(stacked) > 1:
            notes.append(f"one of {len(stacked)} rows stacked in one row of the source")
        # which slot a merged cell covers is known only where the row kept its columns
        covered = frozenset(
            col for col, c in enumerate(slots) if c.merged and len(slots) == len(header)
        )
        for k, own in enumerate(stacked):
            indented = name_col is not None and not k and bool(indented_flags[name_col])
            prov = _row_prov(cells, table_prov, len(rows))
            rows.append(_Row(own, indented, list(notes) if k else notes, prov, covered))
            covered = frozenset()  # a stack's breakdowns share its cells by their own rule
    _inherit(rows, header, roles)
    parents = _parents(rows, roles, name_col)
    _repeat_merged(rows, header, roles, parents)
    return [
        TableRow(cells=r.cells, parent=parent, note="; ".join(r.notes) or None, provenance=r.prov)
        for r, parent in zip(rows, parents, strict=True)
    ]


def _split_stack(texts: list[str], roles: list[str], name_col: int | None) -> list[list[str]]:
    """A row whose name cell holds its head and, from a line opening with 其中, its breakdowns
    one a line, with the values stacked the same way in the value cells (学前教育毛入园率↵其中：
    普惠性幼儿园覆盖率 | 90%↵85%), as the rows a reader sees: the head, then each breakdown named
    其中：… with its own values. A unit given once serves every row; a 序号, 属性 or 责任单位 given
    once is the head's (its breakdowns take them from it), while a unit or an 属性 stacked as the
    values are (约束性↵预期性) gives each row its own. A breakdown's name wrapped onto a line of
    its own (其中：普惠性幼儿园↵覆盖率, `columns.continues_name`) is one name when the values are
    stacked one a name with it joined. Any other row, or a stack whose value cells hold other
    numbers of lines, is the one row it was."""
    if name_col is None or "\n" not in texts[name_col]:
        return [texts]
    lines = [line for line in texts[name_col].split("\n") if line.strip()]
    prefix = _rules().subrow_prefix
    opening = next((k for k, line in enumerate(lines) if k and prefix.match(line)), None)
    if opening is None:
        return [texts]
    breakdowns = lines[opening:]
    if not prefix.sub("", breakdowns[0]).strip():
        breakdowns = breakdowns[1:]  # 其中： on a line of its own
    stacks = {
        col: [line for line in text.split("\n") if line.strip()]
        for col, (text, role) in enumerate(zip(texts, roles, strict=True))
        if col != name_col and role in ("value", "unit", "attribute")
    }
    counts = {len(stack) for stack in stacks.values() if len(stack) > 1}
    if counts == {len(breakdowns)}:
        breakdowns = _unwrapped(breakdowns)
    if counts != {len(breakdowns) + 1}:
        return [texts]
    names = ["\n".join(lines[:opening])] + [
        line if prefix.match(line) else "其中：" + line for line in breakdowns
    ]
    rows = []
    for k, name in enumerate(names):
        row = []
        for col, text in enumerate(texts):
            stack = stacks.get(col)
            if col == name_col:
                row.append(name)
            elif stack is not None and len(stack) > 1:
                row.append(stack[k].strip())
            elif not k or roles[col] in ("unit", "category"):
                row.append(text)
            else:
                row.append("")
        rows.append(row)
    return rows


def _unwrapped(breakdowns: list[str]) -> list[str]:
    """A stack's breakdown names with each line that continues the one before it (其中：普惠性
    幼儿园↵覆盖率) joined to that one, the line break kept as a cell keeps it."""
    names: list[str] = []
    for line in breakdowns:
        if names and continues_name(names[-1].rpartition("\n")[2], line):
            names[-1] += "\n" + line
        else:
            names.append(line)
    return names


def _slots(cells: list[Cell]) -> list[Cell]:
    """One entry per grid column: a horizontally merged cell (colspan n) fills each of its n
    columns, since its value is the value of every column it spans (提高 under two target years)."""
    if all(cell.colspan <= 1 for cell in cells):  # most rows merge nothing
        return list(cells)
    return [cell for cell in cells for _ in range(max(1, cell.colspan))]


def _span_note(cell: Cell, header: list[str], slots: list[Cell]) -> str:
    columns = [header[i] for i, slot in enumerate(slots) if slot is cell and i < len(header)]
    return f"merged cell copied into {'、'.join(columns)}"


def _strip_indent(text: str) -> str:
    if "\n" not in text:  # most cells hold one line
        return text.strip()
    return "\n".join(line.strip() for line in text.split("\n"))


def _row_prov(cells: list[Cell], table_prov: Provenance, index: int) -> Provenance:
    spans = [c.prov.lines for c in cells if c.prov.lines]
    lines = (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None
    # a table running over pages (PDF, OFD) gives each row the page it is printed on, where a
    # reader looks for it; a merged slot repeats a cell printed on an earlier page
    pages = [c.prov.page for c in cells if c.prov.page is not None and not c.merged]
    return Provenance(
        file=table_prov.file,
        lines=lines,
        page=min(pages) if pages else table_prov.page,
        paragraph=table_prov.paragraph,
        table_row=index,
    )


def _name_column(roles: list[str]) -> int | None:
    """The column that names a row: a name column, else a text column, else the first plain one."""
    for wanted in ("name", "text"):
        if wanted in roles:
            return roles.index(wanted)
    plain = [i for i, role in enumerate(roles) if role not in ("seq", "category")]
    return plain[0] if plain else None


# ---------------------------------------------------------------- realignment


def _seen_values(body: list[list[Cell]], roles: list[str]) -> list[frozenset[str]]:
    """Per column, the values complete rows hold: evidence of what belongs in that column."""
    seen: list[set[str]] = [set() for _ in roles]
    for cells in body:
        slots = _slots(cells)
        if len(slots) == len(roles):
            for i, cell in enumerate(slots):
                if cell.text.strip():
                    seen[i].add(cell_key(cell.text))
    return [frozenset(s) for s in seen]


# How much less filling the outer of two merged columns gains: less than any difference of fit.
_OUTER_MERGED = 0.1


def _realign(texts: list[str], roles: list[str], seen: list[frozenset[str]]) -> tuple[int, ...]:
    """Column index of each cell of a row with the wrong number of cells, order kept.

    Every way of choosing the columns the cells fill is scored by how well each cell fits its
    column, less the cost of the columns left empty; the best choice wins (earliest on ties).
    A row with more cells than columns puts the surplus into the last column.
    """
    n = len(roles)
    if len(texts) > n:
        return tuple(range(n - 1)) + (n - 1,) * (len(texts) - n + 1)
    cost = _rules().missing_cost
    # Of two merged columns (区域 | 类别), the left one spans the rows of several cells of the
    # other: its cell is the likelier lost, so filling it gains a little less.
    merged = [p for p in range(n) if roles[p] in _rules().inherit]
    outer = merged[0] if len(merged) > 1 else None
    # Maximising fits minus the costs of empty columns is maximising, over the chosen columns,
    # fit + the cost saved; an order-keeping choice of k of n columns is a DP in O(k·n).
    k = len(texts)
    gain = [
        [
            cell_fit(t, roles[p], seen[p]) + cost.get(roles[p], 1.0) - _OUTER_MERGED * (p == outer)
            for p in range(n)
        ]
        for t in texts
    ]
    best = [[0.0] * (n + 1) for _ in range(k + 1)]
    for i in range(k - 1, -1, -1):
        best[i][n - (k - i) + 1 :] = [float("-inf")] * (k - i)
        for j in range(n - (k - i), -1, -1):
            best[i][j] = max(best[i][j + 1], gain[i][j] + best[i + 1][j + 1])
    positions, j = [], 0
    for i in range(k):
        while gain[i][j] + best[i + 1][j + 1] < best[i][j] - 1e-9:
            j += 1  # the earliest column that still reaches the best total wins ties
        positions.append(j)
        j += 1
    return tuple(positions)


def _place(values: list, positions: tuple[int, ...], width: int) -> list:
    """`values` spread over `width` columns at `positions`; surplus values join the last column."""
    placed: list = [""] * width if isinstance(values[0], str) else [False] * width
    for value, p in zip(values, positions, strict=True):
        if isinstance(value, str) and placed[p]:
            placed[p] = placed[p] + "\n" + value
        else:
            placed[p] = value
    return placed


def _realign_note(count: int, header: list[str], positions: tuple[int, ...]) -> str:
    if count > len(header):
        return (
            f"realigned: {count} cells for {len(header)} columns, surplus joined into {header[-1]}"
        )
    missing = [header[i] for i in range(len(header)) if i not in positions]
    return f"realigned: {count} cells for {len(header)} columns, missing {'、'.join(missing)}"


# ---------------------------------------------------------------- merged cells and sub-rows


def _inherit(rows: list[_Row], header: list[str], roles: list[str]) -> None:
    """Empty cells of category columns repeat the value above (vertically merged in the source)."""
    for col, role in enumerate(roles):
        if role not in _rules().inherit:
            continue
        above: tuple[int, str] | None = None
        for index, row in enumerate(rows):
            if row.cells[col].strip():
                above = (index, row.cells[col])
            elif above is not None:
                row.cells[col] = above[1]
                row.notes.append(f"{header[col]} inherited from row {above[0]}")


def _repeat_merged(
    rows: list[_Row], header: list[str], roles: list[str], parents: list[int | None]
) -> None:
    """A main row's slot the source marks covered by a vertically merged cell of a responsible,
    attribute or unit column (`merged_roles`) repeats that cell: the nearest row above with text
    there. A row that belongs to another (其中…, a measure of a numbered block) keeps it empty:
    its indicator shares the row it belongs to by the indicators' own rule."""
    merged = _rules().merged
    for index, (row, parent) in enumerate(zip(rows, parents, strict=True)):
        if parent is not None:
            continue
        for col in sorted(row.covered):
            if row.cells[col].strip() or roles[col] not in merged:
                continue
            above = next((k for k in range(index - 1, -1, -1) if rows[k].cells[col].strip()), None)
            if above is not None:
                row.cells[col] = rows[above].cells[col]
                row.notes.append(f"{header[col]} of the merged cell in row {above}")


def _parents(rows: list[_Row], roles: list[str], name_col: int | None) -> list[int | None]:
    """Index of the row each row belongs to, or None for main rows.

    A row with a 序号 is a main row. A row without one that only breaks the row above down
    (其中…, indented, or a breakdown name such as 农村 / 女性比例) belongs to the nearest row
    above that is not itself a breakdown. Any other row without a 序号 is a measure of its own
    listed in the numbered block above it (适龄妇女乳腺癌人群筛查率 under 5): it belongs to the
    nearest numbered row. A total row (合计, 小计) adds up the rows above it and belongs to
    none of them.
    """
    seq_col = roles.index("seq") if "seq" in roles else None
    parents: list[int | None] = []
    last_main: int | None = None
    last_numbered: int | None = None
    for index, row in enumerate(rows):
        numbered = seq_col is not None and bool(row.cells[seq_col].strip())
        if numbered:
            parents.append(None)
            last_main = last_numbered = index
        elif name_col is not None and is_total_row(row.cells[name_col]):
            parents.append(None)
            last_main = index
        elif _is_breakdown(row, name_col):
            parents.append(last_main)
        else:
            parents.append(last_numbered)
            last_main = index
    return parents


def _is_breakdown(row: _Row, name_col: int | None) -> bool:
    if name_col is None:
        return False
    rules = _rules()
    name = join_lines(row.cells[name_col])
    if row.indented or rules.subrow_prefix.match(name):
        return True
    return squash_spaces(name) in rules.breakdown


def is_total_row(name: str) -> bool:
    """Whether a row's name says it adds up the rows above (合计, 小计, 合  计): a sum, not a
    measure of its own."""
    return bool(_rules().total_row.match(squash_spaces(join_lines(name))))


def subrow_name(name: str) -> str:
    """A row name without the 其中： that marks a breakdown (其中：女童数 → 女童数)."""
    return squash_spaces(_rules().subrow_prefix.sub("", name.strip(), count=1)) if name else name
