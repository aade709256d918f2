"""Text copies that keep a printed page's geometry give the records of the plain text.

`pdftotext -layout` (and tools like it) writes each printed line at its place on the page: a
centred title after the spaces that centre it, a paragraph's first line after its
two-character indent as four spaces, wrapped lines flush, a signature pushed right, a table as
columns aligned with runs of spaces (a Chinese character two columns wide, a cell too long for
its column wrapped onto the lines under it), a centred page number (— 3 —) under each page and a
form feed before the next. Other copies are double-spaced: a blank line after every printed
line, so a paragraph's lines stand apart.

The copies are made here from two invented 公文 (tests/fixtures/wrapped/notice-and-plan.txt, a
notice carrying a plan, and tests/fixtures/layout/notice-and-table.txt, a notice carrying a plan
whose 附件 is an indicator table typed with TABs) the way those tools give them, at widths
around GB/T 9704's 28 characters a line, with half-width digits as half a character (a PDF's
glyphs) or as a whole one, with and without the printer's line breaking rules, table cells
set left or centred in their columns, double-spaced or not, and double-spaced plain
hard-wrapped copies (no geometry, a blank line after every line).

The difference allowed is tests/test_hard_wrapped.py's: a title whose period (（2024—2026年）)
the cut put on a line of its own is read without it, the period in `metadata.period`.
"""

from __future__ import annotations

import pytest

from govdocparse import parse_text

from .support import FIXTURES, columns, cut_line, record_projection

SOURCES = {
    "notice-and-plan": FIXTURES / "wrapped" / "notice-and-plan.txt",
    "notice-and-table": FIXTURES / "layout" / "notice-and-table.txt",
}
# in both sources: lines 0 and 2 and the plan's title are set centred on shorter lines, the
# signature and its date (lines 5 and 6) pushed right
TITLE_LINES = {"notice-and-plan": (0, 2, 8), "notice-and-table": (0, 2, 7, 22)}
RIGHT_LINES = (5, 6)
TITLE_MARGIN = 6
LINES_A_PAGE = 22
# the columns a table keeps between its cells' columns, and the characters its smaller type
# sets on a line more than the body's
CELL_GAP = 3
TABLE_TYPE = 8
INDENT = "\u3000\u3000"


def _centred(text: str, width: int, half_width: bool) -> str:
    return " " * max(0, (2 * width - columns(text, half_width)) // 2) + text


def _table_lines(rows: list[list[str]], width: int, half_width: bool, centred: bool) -> list[str]:
    """A TAB-typed table as printed columns: each column as wide as its widest cell, the widest
    narrowed (never below its header) until the table fits the page, a cell too long for its
    column wrapped in it."""
    sizes = [max(columns(row[k], half_width) for row in rows) for k in range(len(rows[0]))]
    floors = [columns(cell, half_width) for cell in rows[0]]
    room = 2 * (width + TABLE_TYPE) - CELL_GAP * (len(sizes) - 1)
    while sum(sizes) > room:
        widest = max(range(len(sizes)), key=lambda k: sizes[k] - floors[k])
        sizes[widest] -= 2
    starts = [sum(sizes[:k]) + CELL_GAP * k for k in range(len(sizes))]
    out: list[str] = []
    for row in rows:
        pieces = [
            cut_line(cell, size // 2, half_width, False)
            for cell, size in zip(row, sizes, strict=True)
        ]
        for n in range(max(len(cell) for cell in pieces)):
            line, used = "", 0
            for k, cell in enumerate(pieces):
                if n >= len(cell):
                    continue
                text = cell[n]
                start = starts[k]
                if centred:
                    start += (sizes[k] - columns(text, half_width)) // 2
                gap = max(start - used, 1 if line else 0)
                line += " " * gap + text
                used += gap + columns(text, half_width)
            out.append(line)
    return out


def layout_copy(
    text: str,
    titles: tuple[int, ...],
    width: int,
    half_width: bool = True,
    kinsoku: bool = False,
    centred_cells: bool = False,
    double: bool = False,
    geometry: bool = True,
) -> str:
    """`text` printed `width` characters a line and copied as `pdftotext -layout` gives it (or,
    without `geometry`, every line of text flush left but for the indent of ideographic spaces
    a paragraph's first line keeps, and its table still in columns), double-spaced when
    `double`."""
    printed: list[str] = []
    table_lines: set[int] = set()
    rows: list[list[str]] = []
    source = text.splitlines()
    for n, line in enumerate([*source, ""]):
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        if rows:
            table = _table_lines(rows, width, half_width, centred_cells)
            table_lines |= set(range(len(printed), len(printed) + len(table)))
            printed += table
            rows = []
        if n == len(source):
            break
        if n in titles:
            pieces = cut_line(line, width - TITLE_MARGIN, half_width, kinsoku)
            printed += [_centred(piece, width, half_width) for piece in pieces]
        elif n in RIGHT_LINES:
            printed.append(" " * (2 * width - columns(line, half_width) - 8) + line)
        else:
            pieces = cut_line(line, width, half_width, kinsoku)
            if geometry and pieces[0].startswith(INDENT):
                pieces[0] = "    " + pieces[0][len(INDENT) :]
            printed += pieces
    if not geometry:
        printed = [line if n in table_lines else line.lstrip(" ") for n, line in enumerate(printed)]
    out: list[str] = []
    for page, start in enumerate(range(0, len(printed), LINES_A_PAGE), start=1):
        lines = printed[start : start + LINES_A_PAGE]
        if page > 1:
            lines[0] = "\f" + lines[0]
        footer = f"— {page} —"
        out += [*lines, "", _centred(footer, width, half_width) if geometry else footer]
    if double:
        out = [half for line in out for half in (line, "")]
    return "\n".join(out) + "\n\f"


VARIANTS = {
    "layout": {},
    "layout, digits a character wide": {"half_width": False},
    "layout, line-breaking rules": {"kinsoku": True},
    "layout, centred cells": {"centred_cells": True},
    "layout, double-spaced": {"double": True},
    "layout, double-spaced, line-breaking rules": {"double": True, "kinsoku": True},
    "double-spaced": {"double": True, "geometry": False},
    "double-spaced, digits a character wide": {
        "double": True,
        "geometry": False,
        "half_width": False,
    },
}
CASES = [
    (source, width, variant)
    for source in SOURCES
    for width in (24, 26, 28, 30, 33, 36)
    for variant in VARIANTS
]


def _project(text: str) -> list[dict]:
    return record_projection(parse_text(text, "plan.txt"), False)


@pytest.mark.parametrize("source, width, variant", CASES, ids=[f"{s}-{w}-{v}" for s, w, v in CASES])
def test_a_layout_copy_gives_the_records_of_the_plain_text(source, width, variant):
    text = SOURCES[source].read_text(encoding="utf-8")
    copy = layout_copy(text, TITLE_LINES[source], width, **VARIANTS[variant])
    expected = _project(text)
    actual = _project(copy)
    assert len(actual) == len(expected)
    for got, want in zip(actual, expected, strict=True):
        if got["title"] != want["title"]:
            # the allowed difference: the period cut onto a line of its own
            period = want["title"][len(got["title"]) :]
            assert want["title"].startswith(got["title"])
            assert period.startswith("（") and period.endswith("年）")
            assert got["metadata"]["period"] == want["metadata"]["period"] is not None
            got = {**got, "title": want["title"]}
        for key in want:
            assert got[key] == want[key], key
