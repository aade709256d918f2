"""Tables a crawl or a copy flattened one cell a line (or one cell a paragraph): the header's
column names one per line, then every row's cells one per line, as portals' text versions, page
crawls and copy-pastes of an HTML table give them. The rows are rebuilt only where that needs no
guess:

- the header is a run of at least `min_columns` known column names (grammars/tables.yaml
  `column_names`); a name followed by names that stand under it may be a two-row header, the
  name over them (目标值 / 2025年 / 2030年, 2020年 / 目标值 / 实际值, 责任单位 / 牵头 / 配合): of
  the two readings, the one whose rows take more lines is kept;
- cells are consecutive lines, or lines between single blank lines when the header's names are
  set apart by them (one cell a paragraph; a group row's merged empty cells may stand as one
  more paragraph of spaces under it); a line that cannot be a cell ends the table: a
  heading, a note (注：…), a caption, a long line, a sentence outside a text column;
- under a 序号 column, a row runs from its number (1, 2, 3 …) to the next; a group row of one
  chapter-numbered line (一、发展水平) may stand before a number. A row of more lines than
  columns is read only when one way alone places its lines by what they are (a unit in the unit
  column, a value in a value column, 约束性 in the attribute column, an agency in a responsible
  one), the extra lines forming one multi-line cell; under a lead and a partner column side by
  side (牵头单位 | 配合单位) the row's first agency line is the lead's, the rest the partners'.
  A row of one line fewer than columns is read when one column alone can be the empty one;
  otherwise the table stops there. A line opening with 其中 or a breakdown name (其中：城市,
  农村, 女性) after a row starts a sub-row of the row above, its empty 序号 cell dropped (an
  indicator's 其中 stack), given an empty 序号 so that the table builder names its parent. A
  row whose cells each stacked an indicator and its 其中 breakdowns, written down the row (the
  name, the 其中 name, then each year's values one per name, then the attribute), is that one
  row of stacked cells, split by the table builder as a grid's are; a 其中 name wrapped onto
  two lines (其中：普惠性幼儿园 / 覆盖率) counts once when the values say so. A
  total row (合计, 小计) where a numbered row was due runs over the units, values and dashes
  after it, and the numbered rows go on after it;
- without a 序号 column, rows have the header's width, and every cell must fit its column's
  kind; under a lead and a partner column, a row's agency list runs on to the next line that
  reads as no agency. Under a first full row, a row one or two lines short (a crawl dropped
  empty cells), and one more under a category column merged over the rows below, is read when
  one choice of empty columns alone fits its lines, a category column first, and something
  marks its end: the attribute closing it, the next row read after it, or the table's end. A
  row of a full row's lines whose first is no category (none the table gave above, none of the
  vocabulary's) and whose second opens no row (死亡率), or whose first ends on 的, 与 or 、
  (建有儿童之家的), lost its category and wraps its name. A stacked row is read as under a
  序号 column.

What a cell fits is govdocparse.columns' (the table builder realigns rows with it too); the
rest stays paragraphs, and a header without a single row is kept as text with a warning.

The rule works on pieces of text with their provenance, whichever reader made them:
`flat_table` gives it the lines of a text file, `flat_tables_in` the paragraph blocks of any
other reader (an HTML page's <p>, <div> or <br> lines, a Word document's paragraphs), where a
run of paragraphs is what a run of lines is in text. A cell keeps the provenance of the lines or
paragraphs it came from.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import combinations

import regex

from .. import grammar
from ..columns import (
    HEADER_JOIN,
    cell_fit,
    cell_key,
    column_roles,
    continues_name,
    place_columns,
    role_readings,
)
from ..headings import numbered, opens_block
from ..model import Provenance
from ..source import Block, Cell, Paragraph, TableBlock, span
from .text_tables import Found, known_header

_SENTENCE = regex.compile(r"[。；！？]")
_YEAR = regex.compile(r"^(19|20)[0-9]{2}年?$")
_YEAR_IN = regex.compile(r"(19|20)[0-9]{2}")
_DASH = regex.compile(r"^[-—–―－/／]+$")
# A cell is a short piece of a table; a longer line is running text after it.
_MAX_CELL = 80
# Blank lines a paragraph-per-cell copy may put between two cells: one, or three where a merged
# row (a group row 一、发展水平 across the columns) left its empty cells as a paragraph of spaces.
_MAX_GAP = 3
# A row of more lines than this many times the columns is no row: its lines are text.
_MAX_ROW_FACTOR = 3
# Cells of its own a row may have lost and still be read: more would leave too few to place.
_MOST_LOST = 2
# Columns whose cells are recognised by what they hold; the others (name, text, category,
# responsible…) may take several lines of a cell.
_TYPED = frozenset({"seq", "unit", "attribute", "value"})


@dataclass(frozen=True)
class _Piece:
    """A line of a text or a paragraph of a page or a document that may be a cell: its text,
    where it stands in the file, and its 0-based index among the reader's lines or blocks."""

    text: str
    prov: Provenance
    at: int


@dataclass(frozen=True)
class _Rebuilt:
    """A flattened table's rows and the last piece they take, or (rows None) a header of
    `columns` known names without a row under it, the last piece the header's."""

    rows: list[list[Cell]] | None
    columns: int
    first: _Piece
    last: _Piece

    def warning(self) -> str:
        return (
            f"table at {_where(self.first.prov)} could not be rebuilt (no rows of "
            f"{self.columns} cells under its header): kept as text"
        )


@cache
def _note() -> regex.Pattern:
    return regex.compile(grammar.load("tables")["note_prefixes"])


@cache
def _total_name() -> regex.Pattern:
    """What names a row adding up the rows above it (合计, 小计, 合  计)."""
    return regex.compile(grammar.load("tables")["total_rows"])


@cache
def _merged_roles() -> frozenset[str]:
    """Columns whose cells a table merges over the rows below (the table builder's too)."""
    return frozenset(grammar.load("tables")["inherit_roles"])


@cache
def _subrow_names() -> tuple[regex.Pattern, frozenset[str]]:
    """What opens a row that breaks the row above down: 其中… or a breakdown name (农村, 女性)."""
    tables = grammar.load("tables")
    return regex.compile(tables["subrow_prefix"]), frozenset(tables["breakdown_names"])


@cache
def _category_names() -> regex.Pattern:
    """What a category cell is (健康, 儿童与教育, 社会政策友好): grammars/tables.yaml
    `category_names`."""
    return regex.compile(grammar.load("tables")["category_names"])


def _sub_responsible() -> regex.Pattern:
    return regex.compile(grammar.load("tables")["text_tables"]["sub_responsible"])


def flat_table(lines: list[str], i: int, name: str) -> Found | None:
    """The table flattened one cell a line whose header starts at line i, or None."""
    # a line opening with a TAB is a cell of a Word text dump, the text reader's own shape
    if lines[i].startswith("\t") or not known_header(lines[i]):
        return None
    rebuilt = _rebuild(_line_pieces(lines, i, name))
    if rebuilt is None:
        return None
    end = rebuilt.last.at + 1
    if rebuilt.rows is None:
        return Found(None, end, rebuilt.warning())
    return Found(TableBlock(rebuilt.rows, span(rebuilt.first.prov, rebuilt.last.prov)), end)


def flat_tables_in(blocks: list[Block]) -> tuple[list[Block], list[str]]:
    """The blocks with every run of paragraphs that is a flattened table made that table, and
    a warning for each header of known names that has no row under it."""
    rebuilt_blocks: list[Block] = []
    warnings: list[str] = []
    k = 0
    while k < len(blocks):
        block = blocks[k]
        # a reader runs this on every page: the known-name test comes first, and a paragraph
        # that fails it costs no more
        rebuilt = (
            _rebuild(_paragraph_pieces(blocks, k))
            if isinstance(block, Paragraph) and known_header(block.text)
            else None
        )
        if rebuilt is None:
            rebuilt_blocks.append(block)
            k += 1
            continue
        end = rebuilt.last.at + 1
        if rebuilt.rows is None:
            warnings.append(rebuilt.warning())
            rebuilt_blocks.extend(blocks[k:end])
        else:
            table_prov = span(rebuilt.first.prov, rebuilt.last.prov)
            rebuilt_blocks.append(TableBlock(rebuilt.rows, table_prov))
        k = end
    return rebuilt_blocks, warnings


def _rebuild(pieces: Iterator[_Piece]) -> _Rebuilt | None:
    """The table whose header starts at the first piece, or None when fewer than
    `min_columns` known column names open the pieces."""
    # the pieces are taken one by one: most runs of column names are too short for a header
    items: list[_Piece] = []
    count = 0
    for item in pieces:
        items.append(item)
        if not (known_header(item.text) or _place_under_value(items)):
            break
        count += 1
    if count and _lone_place_under_year([item.text for item in items[:count]]):
        count -= 1  # a row's first cell (城区) under a header ending in 2025年
    if count < grammar.load("tables")["text_tables"]["min_columns"]:
        return None
    items.extend(pieces)
    header = items[:count]
    best: tuple[list[list[Cell]], int] | None = None
    for names in _header_readings([item.text for item in header]):
        for roles in role_readings(names):
            rows, used = _rows(items[count:], roles)
            if rows and (best is None or used > best[1]):
                best = (_header_rows(header, names) + rows, used)
    if best is None:
        return _Rebuilt(None, count, header[0], header[-1])
    rows, used = best
    return _Rebuilt(rows, count, header[0], items[count + used - 1])


def _paragraph_pieces(blocks: list[Block], k: int) -> Iterator[_Piece]:
    """The paragraphs from block k on that may be cells: up to a table or a paragraph too long
    for a cell."""
    for at in range(k, len(blocks)):
        block = blocks[at]
        if not isinstance(block, Paragraph) or not _short(block.text):
            return
        yield _Piece(block.text, block.prov, at)


def _line_pieces(lines: list[str], i: int, name: str) -> Iterator[_Piece]:
    """The lines from line i on that may be cells: up to a blank line, or, when the first two
    lines stand apart (one cell a paragraph), up to more blank lines than stand between two
    cells; and up to a line too long for a cell."""
    spaced = i + 2 < len(lines) and not lines[i + 1].strip() and known_header(lines[i + 2])
    j = i
    while j < len(lines):
        text = lines[j].strip()
        if text:
            if not _short(text):
                break
            yield _Piece(text, Provenance(file=name, lines=(j + 1, j + 1)), j)
            j += 1
            continue
        gap = j
        while gap < len(lines) and not lines[gap].strip():
            gap += 1
        if not spaced or gap - j > _MAX_GAP:
            break
        j = gap


def _short(text: str) -> bool:
    """Whether a line or a paragraph is short enough for a cell, and holds no TAB (a row of a
    table typed with TABs)."""
    return len(text) <= _MAX_CELL and "\t" not in text


def _where(prov: Provenance) -> str:
    """Where a piece stands, as a warning names it."""
    if prov.lines:
        return f"line {prov.lines[0]}"
    if prov.paragraph is not None:
        return f"paragraph {prov.paragraph}"
    return f"page {prov.page}" if prov.page is not None else prov.file


def _header_readings(names: list[str]) -> list[list[str]]:
    """The column names the header's lines can stand for: one column a line, and, where a name
    is followed by names that stand under it, that name over them: a value column's name over
    years (目标值 / 2025年 / 2030年 as 目标值/2025年, 目标值/2030年), a year over measures
    (2020年 / 目标值 / 实际值), a responsible column over its lead and partners (责任单位 / 牵头 /
    配合)."""
    grouped: list[str] = []
    k = 0
    while k < len(names):
        under = k + 1
        while under < len(names) and _stands_under(names[under], names[k]):
            under += 1
        if under > k + 2 or (under == k + 2 and _year(names[k + 1])):
            grouped.extend(f"{names[k]}{HEADER_JOIN}{name}" for name in names[k + 1 : under])
            k = under
        else:
            grouped.append(names[k])
            k += 1
    return [names] if grouped == names else [names, grouped]


def _place_under_value(names: list[_Piece]) -> bool:
    """Whether the last of a header's lines is a place (乡镇, 县城) standing under the name of a
    value column that names no year (指标值) or under a year (2025年 over 城区 | 农村), or after
    another such place: no column name on its own."""
    places = place_columns()
    if len(names) < 2 or cell_key(names[-1].text) not in places:
        return False
    before = names[-2].text
    return cell_key(before) in places or _yearless_value(before) or _year(before)


def _lone_place_under_year(names: list[str]) -> bool:
    """Whether a header's last line is a single place after a year: a row's first cell under a
    header ending in 2025年 (区域 | … | 2025年, then 城区 opening the row), not a place column,
    since a year heads two places or more (2025年 over 城区 | 农村)."""
    return len(names) >= 2 and cell_key(names[-1]) in place_columns() and _year(names[-2])


def _yearless_value(name: str) -> bool:
    return not _YEAR_IN.search(name) and column_roles([name]) == ["value"]


def _stands_under(name: str, top: str) -> bool:
    """Whether a column name may be a sub-column of `top` in a two-row header: a year or a place
    (乡镇, 县城) under a value column's name, a measure or a place (城区, 农村) under a year, a
    lead or a partner under a responsible column."""
    top_role = column_roles([top])[0]
    if _year(top):
        return cell_key(name) in place_columns() or (
            not _YEAR_IN.search(name) and column_roles([name]) == ["value"]
        )
    if top_role == "value":
        return _year(name) or (cell_key(name) in place_columns() and _yearless_value(top))
    return top_role == "responsible" and bool(_sub_responsible().match(cell_key(name)))


def _year(text: str) -> bool:
    return bool(_YEAR.match(cell_key(text)))


def _header_rows(header: list[_Piece], names: list[str]) -> list[list[Cell]]:
    """The header as the table builder reads one: a row of names, and when a name stands over
    years, a second row of the years under it (the name spanning them, the other names over
    both rows)."""
    if len(names) == len(header):
        return [[Cell(item.text, item.prov) for item in header]]
    upper: list[Cell] = []
    lower: list[Cell] = []
    lines = iter(header)
    for column_name in names:
        top, _, year = column_name.partition(HEADER_JOIN)
        if not year:
            item = next(lines)
            upper.append(Cell(item.text, item.prov, rowspan=2))
            lower.append(Cell("", item.prov, merged=True))
            continue
        if not upper or upper[-1].text != top or upper[-1].rowspan > 1:
            item = next(lines)
            upper.append(Cell(item.text, item.prov))
        else:
            upper[-1].colspan += 1
        item = next(lines)
        lower.append(Cell(item.text, item.prov))
    return [upper, lower]


def _rows(items: list[_Piece], roles: list[str]) -> tuple[list[list[Cell]], int]:
    """The rows under a header of columns of `roles` and how many of `items` they take."""
    if roles[0] == "seq":
        return _numbered_rows(items, roles)
    return _plain_rows(items, roles)


def _numbered_rows(items: list[_Piece], roles: list[str]) -> tuple[list[list[Cell]], int]:
    """Rows that each start with the next number of the 序号 column; a group row (一、…) may
    stand before a number, which then goes on or starts again at 1."""
    rows: list[list[Cell]] = []
    pos, number = 0, 1
    while pos < len(items):
        group = _group_row(items, pos, number)
        start = pos + 1 if group else pos
        if group and cell_key(items[start].text) == "1":
            number = 1
        found = _row_at(items, start, number, roles)
        if found is None and not group and (total := _total_row_at(items, pos, number, roles)):
            rows.append(_cells(items[pos:total], list(range(total - pos))))
            pos = total
            continue
        if found is None:
            break
        end, columns = found
        if group:
            rows.append(_across(items[pos], len(roles)))
        rows.append(_cells(items[start:end], columns))
        pos, number = end, number + 1
        while (sub := _sub_row_at(items, pos, number, roles)) is not None:
            rows.append(
                [Cell("", items[pos].prov), *_cells(items[pos:sub], list(range(sub - pos)))]
            )
            pos = sub
    return rows, pos


def _sub_row_at(items: list[_Piece], pos: int, number: int, roles: list[str]) -> int | None:
    """Where a sub-row at `pos` ends, or None: a row without a number that breaks the numbered
    row above down (其中：城市 / 农村, 其中：女性), as a crawl flattens an indicator's 其中 stack
    with its empty 序号 cell dropped. It takes one line a column but the 序号 (or one or two
    lines fewer, and one more under a category column, when that many columns alone can be the
    empty ones: cells merged with the row above and dropped with it) and ends where the next
    row, or the next sub-row, starts or the table does; the table builder gives it its parent.
    """
    if pos >= len(items) or not _opens_subrow(items[pos].text):
        return None
    rest = roles[1:]
    for lost in range(_most_lost(rest) + 1):
        end = pos + len(rest) - lost
        if end > len(items) or not all(_may_be_cell(i.text, roles) for i in items[pos:end]):
            return None
        if end < len(items) and not _starts_row(items, end, number):
            continue
        if _one_choice_of_empties(items[pos:end], rest, lost):
            return end
    return None


def _total_row_at(items: list[_Piece], pos: int, number: int, roles: list[str]) -> int | None:
    """Where a total row at `pos` ends, or None: a line naming a sum (合计, 小计: `total_rows`)
    where a numbered row was due, then the cells it adds up, each a unit, a value, an attribute
    or a dash, up to the next row or the table's end. It takes no number (the rows after it go
    on counting, or start again at 1 under a group row) and its lines keep their order as cells
    short of the header, the 序号 it has none of dropped: the table builder places them."""
    if pos >= len(items) or not _is_total(items[pos].text):
        return None
    end = pos + 1
    while (
        end < len(items)
        and end - pos < len(roles) - 1
        and not _starts_row(items, end, number)
        and not _starts_row(items, end, 1)
        and any(_fits(items[end].text, role, True) for role in ("unit", "value", "attribute"))
    ):
        end += 1
    return end


def _is_total(text: str) -> bool:
    return bool(_total_name().match(cell_key(text)))


def _opens_subrow(text: str) -> bool:
    prefix, names = _subrow_names()
    key = cell_key(text)
    return bool(prefix.match(key)) or key in names


def _most_lost(roles: list[str]) -> int:
    """How many cells a row may have lost: two of its own, and a category cell merged over the
    rows below it."""
    return _MOST_LOST + sum(role in _merged_roles() for role in roles)


def _one_choice_of_empties(items: list[_Piece], roles: list[str], lost: int) -> bool:
    """Whether one choice alone of `lost` empty columns lets the lines fill the others one a
    line, each fitting its column as the vocabulary knows it. A category column's cell,
    merged over the rows below it and dropped with them, is the likeliest to be lost: choices
    that leave it empty come first."""
    fitting: list[tuple[int, ...]] = []
    for empties in combinations(range(len(roles)), lost):
        if sum(roles[k] not in _merged_roles() for k in empties) > _MOST_LOST:
            continue
        kept = [role for k, role in enumerate(roles) if k not in empties]
        # a line recognised by what it is (a unit, a value, 约束性) anchors the row
        if _TYPED & set(kept) and _placements(items, kept, strict=True):
            fitting.append(empties)
    merged = [e for e in fitting if any(roles[k] in _merged_roles() for k in e)]
    if len(merged) > 1:
        # a merged column left of another (区域 before 类别) spans the rows of several of its
        # cells: its cell is the one a row below them lost
        outer = min(k for k, role in enumerate(roles) if role in _merged_roles())
        merged = [e for e in merged if outer in e]
    return len(merged or fitting) == 1


def _row_at(
    items: list[_Piece], pos: int, number: int, roles: list[str]
) -> tuple[int, list[int]] | None:
    """Where the row numbered `number` at `pos` ends, and the column of each of its lines: it
    ends at the next row's number (or a group row before it) or at the first line that cannot be
    a cell, else after exactly one line a column; None when its lines cannot be placed."""
    if pos >= len(items) or cell_key(items[pos].text) != str(number):
        return None
    width = len(roles)
    limit = pos + 1
    cap = min(len(items), pos + _MAX_ROW_FACTOR * width)
    while limit < cap and _may_be_cell(items[limit].text, roles):
        limit += 1
    for end in range(pos + width, limit + 1):
        if end == limit or _starts_row(items, end, number + 1):
            found = _placements(items[pos:end], roles, strict=False)
            if len(found) > 1:
                return None  # its lines can be placed in more than one way: no guess
            if found:
                return end, found[0]
    # no line after the row's own can go on one of its cells: the table ends with the row
    end = pos + width
    if end <= limit and len(found := _placements(items[pos:end], roles, strict=False)) == 1:
        return end, found[0]
    stacked = _stacked_row_at(items, pos, roles)
    if stacked and (stacked[0] == limit or _starts_row(items, stacked[0], number + 1)):
        return stacked
    return _short_row_at(items, pos, number, roles, limit)


def _short_row_at(
    items: list[_Piece], pos: int, number: int, roles: list[str], limit: int
) -> tuple[int, list[int]] | None:
    """A row that lost a cell: one line fewer than columns up to the next row's number (or the
    table's end), read when a single column left empty lets every line fit its column, as a
    unit, a value, an attribute or an agency is recognised. Its lines keep their order as
    cells one short of the header; the table builder places them (govdocparse.extract.tables
    realigns such a row and notes it)."""
    end = pos + len(roles) - 1
    if end > limit or (end < limit and not _starts_row(items, end, number + 1)):
        return None
    fitting = [
        found
        for empty in range(1, len(roles))
        for found in _placements(items[pos:end], roles[:empty] + roles[empty + 1 :], strict=True)
    ]
    return (end, list(range(end - pos))) if len(fitting) == 1 else None


def _starts_row(items: list[_Piece], pos: int, number: int) -> bool:
    """Whether the row numbered `number`, a group row before it or a sub-row of the row above
    (其中：城市) starts at `pos`."""
    text = items[pos].text
    return (
        cell_key(text) == str(number)
        or _group_row(items, pos, number)
        or _opens_subrow(text)
        or _is_total(text)
    )


def _group_row(items: list[_Piece], pos: int, number: int) -> bool:
    """Whether a line is a group row over the rows below (一、发展水平, （二）质量提升): a
    chapter-numbered short line followed by the next row's number or by 1."""
    if pos + 1 >= len(items) or _SENTENCE.search(items[pos].text):
        return False
    listed = numbered(items[pos].text, outline=False)
    return (
        listed is not None
        and listed.style.opens_block
        and cell_key(items[pos + 1].text) in (str(number), "1")
    )


def _may_be_cell(text: str, roles: list[str]) -> bool:
    """Whether a line may be a table's cell rather than the text after it: not a heading, a
    caption or a note, and no sentence unless the table has a column of text."""
    if opens_block(text) or _note().match(cell_key(text)):
        return False
    return "text" in roles or not _SENTENCE.search(text)


def _plain_rows(items: list[_Piece], roles: list[str]) -> tuple[list[list[Cell]], int]:
    """Rows of one line a column, each cell fitting its column, or of a line or two fewer where
    a crawl dropped empty or merged cells (see `_short_plain_row_at`), and group rows of one
    chapter-numbered line (一、发展水平) before them. A short row nothing marks the end of is
    kept only once a row is read after it: the table ends before a run of such rows that no
    row follows."""
    width = len(roles)
    rows: list[list[Cell]] = []
    kept_rows, kept_pos = 0, 0
    pos = 0
    while pos < len(items):
        start = _after_group(items, pos)
        found: tuple[int, list[int]] | None = _plain_row_at(items, start, roles)
        if found is not None and _wrapped_name_under_category(items[start:], roles, rows):
            found = (found[0], [0, *range(width - 1)])
        found = found or _stacked_row_at(items, start, roles)
        marked = True
        # a short row is read only under a row of the header's width, which shows the header
        # is the table's
        if found is None and rows:
            short = _short_plain_row_at(items, start, roles)
            found, marked = (short[:2], short[2]) if short else (None, False)
        if found is None:
            break
        end, columns = found
        if start > pos:
            rows.append(_across(items[pos], width))
        rows.append(_cells(items[start:end], columns))
        pos = end
        if marked:
            kept_rows, kept_pos = len(rows), pos
    return rows[:kept_rows], kept_pos


def _wrapped_name_under_category(
    items: list[_Piece], roles: list[str], rows: list[list[Cell]]
) -> bool:
    """Whether a row of one line a column under a category column and a name column is a row
    that lost its category cell (merged over the rows below it) and whose name wraps onto two
    lines (健康 above, then 5岁以下儿童 / 死亡率 / ‰ / …): its first line is no category the
    table gave above nor one of `category_names`, and either its second is only a measure word
    that opens no row (`name_tails`) or its first ends as no cell does, on a word or a mark that
    joins it to the next line (建有儿童之家的 / 城乡社区覆盖率: `unfinished_ends`). A category a
    row above gave, or a known one, or a name after it that can stand alone (成长空间 / 儿童公园
    个数), keeps the row's category: a new category and a name's head that ends as a word does
    look alike, so nothing else tells them apart."""
    if roles[:2] != ["category", "name"] or len(items) < 2:
        return False
    given = {cell_key(row[0].text) for row in rows if len(row) == len(roles)}
    first = cell_key(items[0].text)
    return (
        bool(given)
        and first not in given
        and not _category_names().search(first)
        and continues_name(first, items[1].text)
    )


def _after_group(items: list[_Piece], pos: int) -> int:
    """Where a row starts at `pos`: after a group row of one chapter-numbered line there."""
    listed = numbered(items[pos].text, outline=False)
    group = bool(listed and listed.style.opens_block) and not _SENTENCE.search(items[pos].text)
    return pos + 1 if group else pos


def _short_plain_row_at(
    items: list[_Piece], start: int, roles: list[str]
) -> tuple[int, list[int], bool] | None:
    """A row without a 序号 that lost one cell or two of its own (a crawl drops an empty cell),
    and a category cell merged over the rows below: that many lines fewer than columns, read when
    one choice of empty columns alone lets every line fit its column, and whether something
    marks where it ends, since no number does: the attribute column closing it (约束性/预期性),
    a full row read after it, or the table's end (else the next row read will). Its lines keep
    their order as cells short of the header; the table builder places them and notes the
    columns it left empty."""
    width = len(roles)
    if not _TYPED & set(roles):
        return None  # nothing but the row's own lines could mark where it ends
    unmarked: tuple[int, list[int], bool] | None = None
    for lost in range(1, _most_lost(roles) + 1):
        end = start + width - lost
        if end > len(items) or not all(_may_be_cell(i.text, roles) for i in items[start:end]):
            break
        if not _one_choice_of_empties(items[start:end], roles, lost):
            continue
        if _ends_row(items, end, roles):
            return end, list(range(width - lost)), True
        unmarked = unmarked or (end, list(range(width - lost)), False)
    return unmarked


def _ends_row(items: list[_Piece], end: int, roles: list[str]) -> bool:
    """Whether something marks that a row without a 序号 ends before `end`: its last line is
    the attribute the last column holds, the table ends there, or a full row is read next."""
    if roles[-1] == "attribute" and _fits(items[end - 1].text, "attribute", True):
        return True
    if end == len(items) or not _may_be_cell(items[end].text, roles):
        return True
    start = _after_group(items, end)
    return start < len(items) and bool(
        _plain_row_at(items, start, roles) or _stacked_row_at(items, start, roles)
    )


def _plain_row_at(
    items: list[_Piece], start: int, roles: list[str]
) -> tuple[int, list[int]] | None:
    """Where the row without a 序号 at `start` ends, and the column of each of its lines: one
    line a column; under a lead and a partner column, its agency list runs on to the next line
    that reads as no agency (the next row's task), when one placement alone fits its lines."""
    width = len(roles)
    longest = width if _lead_column(roles) is None else _MAX_ROW_FACTOR * width
    limit, cap = start, min(len(items), start + longest)
    while limit < cap and _may_be_cell(items[limit].text, roles):
        limit += 1
    for end in range(start + width, limit + 1):
        if end < limit and _fits(items[end].text, "responsible", True):
            continue  # the row's agency list goes on
        found = _placements(items[start:end], roles, strict=True)
        if len(found) > 1:
            return None
        if found:
            return end, found[0]
    return None


def _stacked_row_at(
    items: list[_Piece], start: int, roles: list[str]
) -> tuple[int, list[int]] | None:
    """Where a row at `start` ends that stacks an indicator and its 其中 breakdowns in each of
    its cells, written down the row as a crawl flattens such cells one line each, and the column
    of each of its lines: its name (one or two lines), a line opening with 其中 and the
    breakdowns after it (学前三年毛入园率 / 其中：普惠性幼儿园覆盖率), then as many lines as names
    in each value column (88 / 75, 95 / ≥85), a unit or an attribute column's one line or as
    many (预期性, or 约束性 / 预期性), and one line in every other column. Each line must fit
    its column as the vocabulary knows it; the table builder splits the stacked cells into a
    row per name (extract.tables). A breakdown's name may wrap onto a line of its own
    (其中：普惠性幼儿园 / 覆盖率): when the values are stacked one a name with it joined, not one
    a line, its lines are one name's."""
    if "name" not in roles:
        return None
    name_col = roles.index("name")
    lines = [item.text for item in items[start:]]
    names = _stack_names(lines[name_col:], roles[name_col + 1 : name_col + 2])
    if names is None:
        return None
    spread, counts = names
    for count in counts:
        if (columns := _stack_columns(lines, roles, name_col, spread, count)) is not None:
            return start + len(columns), columns
    return None


def _stack_columns(
    lines: list[str], roles: list[str], name_col: int, spread: int, count: int
) -> list[int] | None:
    """The column of each line of a stacked row whose name cell takes `spread` lines and names
    `count` rows, or None when a line does not fit its column."""
    columns: list[int] = []
    at = 0
    for column, role in enumerate(roles):
        if column == name_col:
            take = spread
        elif (
            role == "value"
            or (
                role in ("unit", "attribute")
                and len(lines) >= at + count  # a stack closing the table may give one attribute
                and _all_fit(lines[at : at + count], role)
            )
        ):
            take = count
        else:
            take = 1
        taken = lines[at : at + take]
        if len(taken) < take or not all(_may_be_cell(line, roles) for line in taken):
            return None
        if column != name_col and not _all_fit(taken, role):
            return None
        columns.extend([column] * take)
        at += take
    return columns


def _stack_names(lines: list[str], after: list[str]) -> tuple[int, tuple[int, ...]] | None:
    """How many lines a stacked name cell takes and how many rows it may name: its head (one or
    two lines), a line opening with 其中 (其中：普惠性幼儿园覆盖率, or 其中： alone) and the
    breakdowns after it up to the line that fits the next column, one a line, then, when some
    breakdown lines continue the one before (其中：普惠性幼儿园 / 覆盖率: `continues_name`), as
    many as there are with those joined; None when no 其中 line follows the head or it names no
    breakdown."""
    prefix, _ = _subrow_names()
    opening = next((k for k in (1, 2) if k < len(lines) and prefix.match(cell_key(lines[k]))), None)
    if opening is None or not all(_fits(line, "name", True) for line in lines[:opening]):
        return None
    end = opening + 1
    while (
        end < len(lines)
        and _fits(lines[end], "name", True)
        and not (after and _fits(lines[end], after[0], True))
    ):
        end += 1
    bare = not prefix.sub("", cell_key(lines[opening]))
    count = 1 + end - opening - bare
    if count < 2:
        return None
    first = opening + bare
    wrapped = sum(continues_name(lines[k - 1], lines[k]) for k in range(first + 1, end))
    return end, (count, count - wrapped) if wrapped else (count,)


def _all_fit(lines: list[str], role: str) -> bool:
    return all(_fits(line, role, True) for line in lines)


def _placements(items: list[_Piece], roles: list[str], *, strict: bool) -> list[list[int]]:
    """The ways (none, one, or two when there are more) to give each line of a row its column,
    order kept: every column takes one line, a column whose cells are recognised by what they
    hold (a 序号, a unit, a value, an attribute) one line that fits it, and the extra lines of a
    row longer than the header go on the cell of one other column."""
    width = len(roles)
    if len(items) == width:
        fits = all(_fits(item.text, role, strict) for item, role in zip(items, roles, strict=True))
        return [list(range(width))] if fits else []
    found: list[list[int]] = []
    lead = _lead_column(roles)

    def place(k: int, column: int, taken: list[int], longer: int | None) -> None:
        """Place items[k:], the next new cell in `column`; `longer` is the column of several
        lines, once one has them."""
        if len(found) > 1:
            return
        if k == len(items):
            if column == width:
                found.append(taken)
            return
        text, left = items[k].text, len(items) - k - 1
        if column < width and left >= width - column - 1 and _fits(text, roles[column], True):
            place(k + 1, column + 1, [*taken, column], longer)
        last = column - 1
        if (
            taken
            and longer in (None, last)
            and roles[last] not in _TYPED
            and not _opens_agency_list(text, last, lead)
            and left >= width - column
            and _fits(text, roles[last], True)
        ):
            place(k + 1, column, [*taken, last], last)

    place(0, 0, [], None)
    return found


def _lead_column(roles: list[str]) -> int | None:
    """The lead column of two responsible columns side by side (牵头单位 | 配合单位, 责任单位 |
    配合单位, as a 目标责任分解书 or a 任务分工 table has them), or None."""
    return next(
        (k for k in range(len(roles) - 1) if roles[k] == roles[k + 1] == "responsible"), None
    )


def _opens_agency_list(text: str, column: int, lead: int | None) -> bool:
    """Whether a line may not go on the cell of `column` because it opens or continues a row's
    agency list under a lead and a partner column: the lead column takes the row's first agency
    line, the partner column the rest, and a line that reads as an agency before the lead column
    is the lead's, not the task's."""
    if lead is None:
        return False
    return column == lead or (column == lead - 1 and _fits(text, "responsible", True))


def _fits(text: str, role: str, strict: bool) -> bool:
    """Whether a line can be a cell of a column of `role`: a dash (an empty cell) anywhere but
    under 序号; a 序号, a unit, a value or an attribute only as the vocabulary knows one; and,
    strictly, a responsible unit only as an agency reads."""
    if _DASH.match(cell_key(text)):
        return role != "seq"
    score = cell_fit(text, role)
    if role in _TYPED or (strict and role == "responsible"):
        return score > 0
    return score > -2


def _across(item: _Piece, width: int) -> list[Cell]:
    """A group row: one cell across the table, as a merged row of a Word or HTML table."""
    return [Cell(item.text, item.prov, colspan=width)]


def _cells(items: list[_Piece], columns: list[int]) -> list[Cell]:
    """The cells of a row from its lines and their columns: a cell of several lines keeps them
    on lines of its own, and where they came from."""
    cells: list[Cell] = []
    for column in range(columns[-1] + 1):
        mine = [item for item, c in zip(items, columns, strict=True) if c == column]
        text = "\n".join(item.text for item in mine)
        cells.append(Cell(text, span(mine[0].prov, mine[-1].prov)))
    return cells
