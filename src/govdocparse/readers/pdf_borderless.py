"""Tables without ruling lines: which runs of a PDF page's lines are the rows of a table whose
borders were switched off, and where its columns part.

Layout class: a plan's 主要指标 or 专栏 table set as a Word or WPS table with its borders
switched off (or exported without them), and LaTeX-like layouts: each row is a visual line whose
cells stand apart by wide blanks, the columns aligned from row to row; a long cell wraps onto a
line of its own under its row, with text in that column only. Read as lines, such a table comes
out as paragraphs with the cells glued by a space.

Rule: a run of consecutive lines of one text column is a table only on strong evidence, since a
false table garbles prose:

* its column boundaries (gutters) are x intervals free of characters in every line of the run,
  at least `_MIN_GUTTER` characters wide, and every blank of every row holds one of them (a row
  splits no column); a row with a missing cell is fine when its other cells fall in the columns;
* at least `_MIN_ROWS` of its rows (a header and two rows) have three cells or more, and the run
  has at least three columns;
* the cells of each column line up from row to row: their left edges, right edges or centres
  (left-aligned, right-aligned or centred cells) agree within `_SAME_X` points; a first row
  whose cells are known column names (指标名称 单位 2025年: the caller tells) is a header, and
  its cells need not line up with the rows' (a centred header over left-aligned names);
* a line with text in one column only, in the size of its row, at most `_WRAP_PITCH` font
  sizes under the line above and closer to it than the rows are to one another (when they are
  set apart by spacing), is the rest of the cell above it in that column (a wrapped name), when
  that cell has text; a heading in the size of the table right under its last row is read as
  such a line when the rows are not spaced;
* the run stops at the first line that does not fit, or that stands further than `_ROW_PITCH`
  font sizes under the line above.

A table the page break cut is found as one when the caller gives the lines at the foot of a
page followed by those at the head of the next, set under them at the largest row pitch (so
that a row carries on across the break and a cell's wrapped rest does not); the caller splits
the rows again by page.

So justified prose (no blanks), a signature and its date at the right, a list of names with a
date at the right (two cells), a centred title and a two-column band (read as two columns by
`pdf_columns` before this step) are no tables. A table whose rows do not all show the same
columns (a merged header cell across two columns) ends, or is not found, where they differ.

Lines here only need their geometry (`pdf_columns.Extent`): a line's `blanks` are the gaps wider
than a justification space between its characters.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .pdf_columns import Extent

# Rows with three cells or more a table needs: a header and two rows.
_MIN_ROWS = 3
# The fewest columns a table has.
_MIN_COLUMNS = 3
# The narrowest gutter, in font sizes, that is left once the rows' blanks are intersected.
_MIN_GUTTER = 0.5
# Cell edges closer than this (points) are aligned.
_SAME_X = 2.0
# The largest distance (top to top, in font sizes) from one row to the next.
_ROW_PITCH = 3.0
# The largest distance (top to top, in font sizes) from a line to the wrapped rest of a cell:
# single spacing in a font whose line is tall (Noto CJK), and some more.
_WRAP_PITCH = 2.0
# Where the caller sets the head of the next page under the foot of a page: far enough for a
# row to carry on and too far for a wrapped cell.
BREAK_PITCH = (_ROW_PITCH + _WRAP_PITCH) / 2
# A wrapped line is closer to the line above than this fraction of the rows' pitch.
_WRAP_SHARE = 0.9

Gutter = tuple[float, float]


@dataclass(frozen=True)
class Borderless:
    """A borderless table found among a sequence of lines."""

    start: int  # index of its first line
    stop: int  # index after its last line
    boundaries: tuple[float, ...]  # the middle of each gutter, left to right
    rows: tuple[tuple[int, ...], ...]  # each row's lines: its own line, then its wrapped ones


def borderless_tables(
    lines: Sequence[Extent], header: Callable[[int], bool] = lambda index: False
) -> list[Borderless]:
    """The borderless tables among `lines`, consecutive lines of one text column top to bottom;
    `header(i)` tells whether the cells of `lines[i]` are known column names. Empty, at the cost
    of one look at each line, when fewer than three lines have two blanks."""
    if sum(len(line.blanks) >= 2 for line in lines) < _MIN_ROWS:
        return []
    found = []
    index = 0
    while index < len(lines):
        table = _table_from(lines, index, header) if len(lines[index].blanks) >= 2 else None
        if table is None:
            index += 1
        else:
            found.append(table)
            index = table.stop
    return found


def _table_from(
    lines: Sequence[Extent], start: int, header: Callable[[int], bool]
) -> Borderless | None:
    """The table whose first row is `lines[start]`, if the lines from there show one."""
    gutters = list(lines[start].blanks)
    rows: list[list[int]] = [[start]]
    row_pitch = float("inf")  # the smallest distance from a line to the next row under it
    index = start + 1
    while index < len(lines):
        line, above = lines[index], lines[index - 1]
        step = line.top - above.top
        pitch = step / line.size
        if pitch > _ROW_PITCH or pitch <= 0:
            break
        narrowed = _fit(line, gutters)
        if narrowed is None:
            break
        if not line.blanks:
            column = _column(line.x0, narrowed)
            row = lines[rows[-1][0]]
            if (
                pitch > _WRAP_PITCH
                or step >= _WRAP_SHARE * row_pitch
                or abs(line.size - row.size) > 0.5
                or column not in _cell_columns(row, narrowed)
            ):
                break
            rows[-1].append(index)
        else:
            row_pitch = min(row_pitch, step)
            rows.append([index])
        gutters = narrowed
        index += 1
    if len(gutters) + 1 < _MIN_COLUMNS:
        return None
    full = [lines[row[0]] for row in rows if len(lines[row[0]].blanks) >= 2]
    if len(full) < _MIN_ROWS:
        return None
    lined_up = [lines[row[0]] for row in rows[1 if header(start) else 0 :]]
    if not _aligned(lined_up, gutters):
        return None
    boundaries = tuple((x0 + x1) / 2 for x0, x1 in gutters)
    return Borderless(start, index, boundaries, tuple(tuple(row) for row in rows))


def _cells(line: Extent) -> list[tuple[float, float]]:
    """The line's stretches of text between its blanks."""
    edges = [line.x0, *(x for blank in line.blanks for x in blank), line.x1]
    return list(zip(edges[::2], edges[1::2], strict=True))


def _fit(line: Extent, gutters: list[Gutter]) -> list[Gutter] | None:
    """The gutters narrowed to what the line leaves free, or None when the line does not fit:
    text across a gutter, a gutter split by text, or a blank of the line that is no gutter."""
    free = [(-1e9, line.x0), *line.blanks, (line.x1, 1e9)]
    narrowed = []
    used = set()
    for x0, x1 in gutters:
        overlaps = [
            (k, max(x0, start), min(x1, end))
            for k, (start, end) in enumerate(free)
            if min(x1, end) - max(x0, start) >= _MIN_GUTTER * line.size
        ]
        if len(overlaps) != 1:
            return None
        k, start, end = overlaps[0]
        used.add(k)
        narrowed.append((start, end))
    if len(used & set(range(1, len(free) - 1))) != len(line.blanks):
        return None
    return narrowed


def _column(x: float, gutters: list[Gutter]) -> int:
    """The index of the column that text starting at x stands in."""
    return sum(x >= end for _start, end in gutters)


def _cell_columns(line: Extent, gutters: list[Gutter]) -> set[int]:
    return {_column(x0, gutters) for x0, _x1 in _cells(line)}


def _aligned(rows: list[Extent], gutters: list[Gutter]) -> bool:
    """Whether each column's cells share their left edge, right edge or centre."""
    columns: dict[int, list[tuple[float, float]]] = {}
    for line in rows:
        for x0, x1 in _cells(line):
            columns.setdefault(_column(x0, gutters), []).append((x0, x1))
    for cells in columns.values():
        edges = ([x0 for x0, _ in cells], [x1 for _, x1 in cells], [x0 + x1 for x0, x1 in cells])
        lined_up = (max(values) - min(values) for values in edges)
        # centres are compared doubled (x0 + x1), so their tolerance is doubled too
        if not any(spread <= _SAME_X * (1 + (k == 2)) for k, spread in enumerate(lined_up)):
            return False
    return True
