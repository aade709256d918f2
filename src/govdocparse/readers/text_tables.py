"""Tables in plain text: finds them among the lines of a text file and rebuilds their cells.

Shapes real text files give (grammars/tables.yaml `text_tables` says which header cells
are known column names):
- a Word text dump, one cell per line after a TAB, rows separated by blank lines (read by
  `read_word_dump`, see the text reader);
- one row per line with TAB-separated cells; an empty leading cell is a merged cell, and a row
  of one cell followed by TABs (a group heading across the table) does not end the table;
- Markdown pipe tables (`| a | b |` over a `|---|---|` rule); empty leading cells are merged;
- pipe rows without a rule, as converters give them (`| 指标 | 2020年 | 2025年 |` line after
  line, outer bars optional): consecutive rows of one cell count, the first the header (a row
  one cell short under a first column of categories lost the category spanning it, and a
  two-row header's spanning cells written out once a column are read as merged); a
  toolbar (首页 | 政务公开 | 政策文件) is chrome, and a row of portal fields (| 标题 | … |) no
  row of a table (the text reader reads it as label/value pairs);
- columns aligned with spaces under a header of known column names: each cell goes to the
  header column its start lines up with (CJK characters count two columns wide);
- every cell on its own line (a PDF's text copy, a crawl of an HTML table): read by
  `flat_tables`, which the text reader asks when none of these shapes starts at a line.
A header row of known names whose cells run together (序号项目名称建设内容责任) cannot be
rebuilt: the lines stay text and the caller gets a warning naming the line.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

import regex

from .. import chrome, grammar, portal
from ..columns import column_role
from ..headings import opens_block
from ..model import Provenance
from ..source import Cell, TableBlock

_PIPE_RULE = regex.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_SPACED = regex.compile(r"[ \u3000]{2,}|\u3000")
_SENTENCE = regex.compile(r"[。；！？]")
_BAR = regex.compile(r"(?<!\\)\|")
# A line break inside a pipe-table cell, as Markdown writers put it: 市住建局<br>市自然资源局
_LINE_BREAK = regex.compile(r"\s*<br\s*/?>\s*", regex.IGNORECASE)
# A first column of row numbers: under it, a line without a number wraps the row above.
_NUMBER_COLUMNS = ("序号", "编号", "序")
# Columns a wrapped cell's line may start before the middle of the gap before its column.
_ALIGN_SLACK = 2


@dataclass(frozen=True)
class _Vocabulary:
    words: frozenset[str]
    places: frozenset[str]
    pattern: regex.Pattern
    min_columns: int
    glued: regex.Pattern
    min_bars: int
    min_pipe_rows: int
    header_fields: int


@cache
def _vocabulary() -> _Vocabulary:
    tables = grammar.load("tables")
    names, text_tables = tables["column_names"], tables["text_tables"]
    min_columns = text_tables["min_columns"]
    words = names["words"]
    return _Vocabulary(
        frozenset(words),
        frozenset(tables["place_columns"]),
        regex.compile(names["pattern"]),
        min_columns,
        regex.compile(f"^(?:{grammar.alternation(words)}){{{min_columns},}}"),
        text_tables["pipe_rows"]["min_bars"],
        text_tables["pipe_rows"]["min_rows"],
        text_tables["pipe_rows"]["header_fields"],
    )


def _place(cell: str) -> bool:
    return "".join(cell.split()) in _vocabulary().places


def known_header(cell: str) -> bool:
    """Whether a cell is a known column name (序号, 指标名称, 2025年目标 …)."""
    key = "".join(cell.split())
    vocabulary = _vocabulary()
    return bool(key) and (key in vocabulary.words or bool(vocabulary.pattern.match(key)))


@dataclass
class Found:
    """A table found at a line: the table (None when it could not be rebuilt), the index of the
    first line after it and a warning."""

    table: TableBlock | None
    end: int
    warning: str | None = None


def table_at(lines: list[str], i: int, name: str) -> Found | None:
    """The table that starts at line i in one of the row shapes, or None."""
    line = lines[i]
    if "\t" in line.strip("\t") and _tab_cells(line) >= 2:
        return _tab_rows(lines, i, name)
    if line.startswith("\t"):
        return None  # a cell of a Word text dump
    if line.lstrip().startswith("|") and i + 1 < len(lines) and _PIPE_RULE.match(lines[i + 1]):
        return _pipe_table(lines, i, name)
    barred = pipe_cells(line)
    if barred is not None and (rows := _pipe_rows(lines, i, name, barred)) is not None:
        return rows
    cells = _spaced_cells(line)
    if len(cells) >= _vocabulary().min_columns and _mostly_known([c for _, c in cells]):
        return _aligned_table(lines, i, name, cells)
    squashed = "".join(line.split())
    if _vocabulary().glued.match(squashed) and not _SENTENCE.search(squashed):
        return Found(
            None,
            i + 1,
            f"table at line {i + 1} could not be rebuilt (its cells run together): kept as text",
        )
    return None


def _mostly_known(cells: list[str]) -> bool:
    known = sum(1 for cell in cells if known_header(cell))
    return known >= 2 and known * 2 > len(cells)


def _prov(name: str, first: int, last: int | None = None) -> Provenance:
    return Provenance(file=name, lines=(first + 1, (last if last is not None else first) + 1))


def _row(texts: list[str], name: str, line: int) -> list[Cell]:
    """Cells of one row; empty cells before the first filled one are merged from above."""
    leading = next((k for k, text in enumerate(texts) if text), len(texts))
    return [
        Cell(text, _prov(name, line), merged=(k < leading and line > 0))
        for k, text in enumerate(texts)
    ]


def _block(rows: list[list[Cell]], name: str, first: int, last: int) -> TableBlock:
    return TableBlock(rows, _prov(name, first, last))


# ---------------------------------------------------------------- one row per line, TABs


def _tab_cells(line: str) -> int:
    return len(line.rstrip().split("\t"))


def _tab_rows(lines: list[str], i: int, name: str) -> Found | None:
    rows: list[list[Cell]] = []
    j = i
    width = _tab_cells(lines[i])
    while j < len(lines) and (
        ("\t" in lines[j].strip("\t") and _tab_cells(lines[j]) >= 2) or _group_row(lines[j])
    ):
        texts = [cell.strip() for cell in lines[j].rstrip().split("\t")]
        texts += [""] * (width - len(texts))
        rows.append(_row(texts, name, j))
        j += 1
    if len(rows) < 2:
        return None
    return Found(_block(rows, name, i, j - 1), j)


def _group_row(line: str) -> bool:
    """A row of one cell across the table inside a TAB table, its empty cells kept as TABs
    (（一）普及水平<TAB><TAB><TAB>, a group heading of a 主要指标表): it does not end the table."""
    return line.endswith("\t") and not line.startswith("\t") and bool(line.strip())


# ---------------------------------------------------------------- Markdown pipe tables


def _pipe_split(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    parts = regex.split(r"(?<!\\)\|", inner)
    return [_LINE_BREAK.sub("\n", part.strip().replace("\\|", "|")) for part in parts]


def _pipe_table(lines: list[str], i: int, name: str) -> Found:
    header = _pipe_split(lines[i])
    rows = [[Cell(text, _prov(name, i)) for text in header]]
    j = i + 2
    while j < len(lines) and "|" in lines[j] and lines[j].strip():
        texts = _pipe_split(lines[j])
        texts = _under_spanning_category(texts, header, len(rows)) or texts
        texts = (texts + [""] * len(header))[: max(len(header), len(texts))]
        rows.append(_row(texts, name, j))
        j += 1
    return Found(_block(_spans_written_out(rows), name, i, j - 1), j)


# ---------------------------------------------------------------- pipe rows without a rule


def pipe_cells(line: str) -> list[str] | None:
    """The cells of a line set apart by bars (at least `min_bars` of them, no `|---|` rule),
    else None; a toolbar (首页 | 政务公开 | 政策文件) or a footer (主办：… | 桂ICP备…) is chrome,
    not cells."""
    # most lines hold no bar: a substring test spares them the pattern's scan
    if "|" not in line or len(_BAR.findall(line)) < _vocabulary().min_bars:
        return None
    if _PIPE_RULE.match(line):
        return None
    text = line.strip()
    if (
        chrome.is_chrome(text)
        or chrome.is_link_row(text)
        or chrome.is_breadcrumb(text)
        or chrome.is_tail_start(text)
    ):
        return None
    return _pipe_split(line)


def _pipe_rows(lines: list[str], i: int, name: str, header: list[str]) -> Found | None:
    """The rows under a header of barred cells: the next lines with as many cells (or one fewer,
    under a category spanning rows), up to a row of portal fields (a header of column names may
    look like one: | 时间 | 工作安排 |); none under a header that is itself a row of portal
    fields."""
    if _fields_row(header):
        return None
    rows = [[Cell(text, _prov(name, i)) for text in header]]
    j = i + 1
    while (
        j < len(lines)
        and (cells := pipe_cells(lines[j])) is not None
        and (cells := _under_spanning_category(cells, header, len(rows))) is not None
        and portal.row_pairs(cells) is None
    ):
        rows.append(_row(cells, name, j))
        j += 1
    if len(rows) < _vocabulary().min_pipe_rows:
        return None
    return Found(_block(_spans_written_out(rows), name, i, j - 1), j)


def _fields_row(cells: list[str]) -> bool:
    """The barred cells read as `header_fields` portal fields or more (文件编号 | 发布机构 |
    区府办公室 | |, a row shifted left over an empty field): a row of a portal's block, heading no
    table, while a header with one label word (| 时间 | 工作安排 |) may head one."""
    line = portal.row_pairs(cells)
    return line is not None and len(portal.pairs(line)) >= _vocabulary().header_fields


def _spans_written_out(rows: list[list[Cell]]) -> list[list[Cell]]:
    """The rows with a two-row header whose spanning cells a converter wrote out once a column
    (| 序号 | 重点任务 | 责任单位 | 责任单位 | over | 序号 | 重点任务 | 牵头单位 | 配合单位 |) read
    as the table builder reads a header with merged cells: the second row's repeats of the cell
    above become merged cells. Only when the first row repeats a name over sub-columns the second
    row names with known column names or places (指标值 | 指标值 over 乡镇 | 县城: tables.yaml
    `place_columns`); any other rows are returned as they are."""
    if len(rows) < 3 or len(rows[1]) != len(rows[0]):
        return rows
    upper, lower = [c.text for c in rows[0]], [c.text for c in rows[1]]
    named = [k for k, (top, below) in enumerate(zip(upper, lower, strict=True)) if top != below]
    repeated = any(k and upper[k] and upper[k] == upper[k - 1] for k in named)
    if (
        len(named) in (0, len(upper))
        or not repeated
        or not all(known_header(lower[k]) or _place(lower[k]) for k in named)
    ):
        return rows
    second = [
        cell if k in named else Cell("", cell.prov, merged=True) for k, cell in enumerate(rows[1])
    ]
    return [rows[0], second, *rows[2:]]


def _under_spanning_category(cells: list[str], header: list[str], rows: int) -> list[str] | None:
    """A row's cells as wide as the header, or None when they cannot be. A row one cell short
    under a first column of categories, below a row of the table's body, lost the category
    cell that spans it and the rows above (| 健康 | 婴儿死亡率 | 4.2 | then | 孕产妇死亡率 | 12 |,
    as a converter writes a rowspan): its first cell is left empty, merged from above."""
    if len(cells) == len(header):
        return cells
    if len(cells) == len(header) - 1 and rows > 1 and column_role(header[0]) == "category":
        return ["", *cells]
    return None


# ---------------------------------------------------------------- columns aligned with spaces


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _spaced_cells(line: str) -> list[tuple[int, str]]:
    """(display column, text) of the cells of a line split at runs of two or more spaces."""
    if not _SPACED.search(line.strip()):
        return []
    cells: list[tuple[int, str]] = []
    position = 0
    for part in _SPACED.split(line.rstrip()):
        start = line.index(part, position) if part else position
        if part.strip():
            cells.append(
                (_width(line[:start]) + _width(part) - _width(part.lstrip()), part.strip())
            )
        position = start + len(part)
    return cells


def _aligned_table(
    lines: list[str], i: int, name: str, header: list[tuple[int, str]]
) -> Found | None:
    """Rows of cells aligned under `header`. Each cell goes to the header column its middle
    falls in (between the middles of the gaps around a header cell), so cells set left or
    centred in their columns both land right. Under a 序号 column, as a PDF's copy
    (pdftotext -layout) gives a table whose cells wrap, a line without a number there goes on
    with the cells of the row above (or the header, before the first row), and a page's end
    (blank lines, a page number, a form feed) does not end the table."""
    bounds = _column_bounds(header)
    numbered = "".join(header[0][1].split()) in _NUMBER_COLUMNS
    rows = [[Cell(text, _prov(name, i)) for _, text in header]]
    last = i
    while (j := _next_row_line(lines, last + 1, numbered)) is not None:
        line = lines[j].lstrip("\f")
        if opens_block(line):
            break
        cells = _spaced_cells(line) or [(_width(line) - _width(line.lstrip()), line.strip())]
        texts = [""] * len(header)
        for column, text in cells:
            k = _column_of(bounds, column, text)
            texts[k] = f"{texts[k]} {text}".strip()
        if numbered and not texts[0].isdigit():
            # a wrapped line: every cell within its column, none under 序号
            if texts[0] or not all(_within(header, bounds, column, text) for column, text in cells):
                break
            rows[-1] = _continued(rows[-1], texts, name, j)
        elif len(cells) < 2:
            break
        else:
            rows.append(_row(texts, name, j))
        last = j
    if len(rows) < 2:
        return None
    return Found(_block(rows, name, i, last), last + 1)


def _column_bounds(header: list[tuple[int, str]]) -> list[float]:
    """The display columns where each header column but the last ends: the middle of the gap
    between its header cell and the next one."""
    ends = [column + _width(text) for column, text in header]
    return [(end + nxt) / 2 for end, (nxt, _) in zip(ends, header[1:], strict=False)]


def _column_of(bounds: list[float], column: int, text: str) -> int:
    middle = column + _width(text) / 2
    return next((k for k, bound in enumerate(bounds) if middle < bound), len(bounds))


def _within(header: list[tuple[int, str]], bounds: list[float], column: int, text: str) -> bool:
    """Whether a cell lies inside the header column it falls in (from the gap before the header
    cell to the next header cell), as a wrapped cell's line does and a line of the body after
    the table does not."""
    k = _column_of(bounds, column, text)
    start = bounds[k - 1] - _ALIGN_SLACK if k else 0
    end = header[k + 1][0] if k + 1 < len(header) else float("inf")
    return start <= column and column + _width(text) <= end


def _next_row_line(lines: list[str], j: int, numbered: bool) -> int | None:
    """The index of the line that may hold the next row at `j`: `j` itself when it holds text;
    under a 序号 column, the first line of text after a page's end (blank lines and a page
    number) when one stands there; else None."""
    if j < len(lines) and lines[j].strip():
        return j
    if not numbered:
        return None
    k, turned = j, False
    while k < len(lines) and (not lines[k].strip() or chrome.is_page_number(lines[k].strip())):
        turned = turned or bool(lines[k].strip()) or lines[k].startswith("\f")
        k += 1
    if k < len(lines) and (turned or lines[k].startswith("\f")):
        return k
    return None


def _continued(row: list[Cell], texts: list[str], name: str, line: int) -> list[Cell]:
    """`row` with the wrapped lines of its cells on `line` added: a cell's text goes on without
    a break, as it did before the column's width cut it."""
    return [
        Cell(
            cell.text + text,
            _extended(cell.prov, name, line) if text else cell.prov,
            merged=cell.merged,
        )
        for cell, text in zip(row, texts, strict=True)
    ]


def _extended(prov: Provenance, name: str, line: int) -> Provenance:
    """A cell's provenance running on to the 0-based `line`."""
    first = prov.lines[0] if prov.lines else line + 1
    return Provenance(file=name, lines=(first, line + 1))
