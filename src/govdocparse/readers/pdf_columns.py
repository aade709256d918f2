"""Pages set in two columns: which bands of a PDF page hold their text in two columns, and where
the gutter between them is.

Layout class: 政府公报 (government gazettes), journal reprints of a plan and 工作动态 bulletins
print each document in two justified columns under a full-width running head and, often, a
full-width title; a title, an annex heading or a table set across the page may cut the columns
into several bands, each filled left column first. Brochures, service guides (办事指南) and
newsletters set a narrow column beside a wide one, so their gutter stands off the page's middle.
Read as whole-width lines, such a page glues the left column's line to the right column's line
at the same height.

Rule: a gutter is looked for at the middle of the page's text area, then at each place off the
middle that at least `_MIN_LINES` lines leave blank (a blank at least a gutter wide, the blanks
one above another sharing some x; a line glued across a gutter has its blank there). A band is
a run of lines, in top-to-bottom order, none of which has text over that place, and with no
table across it between them; a line, a title or a table over it cuts the page into bands, and
so does a band found at a place looked at before. A band is set in two columns only on strong
evidence, since a false split garbles text that was fine:

* a gutter: the blank between the left parts' right ends and the right parts' left ends is at
  least about one character wide (`_GUTTER`);
* both sides hold at least `_MIN_LINES` lines that stand beside a line of the other side (they
  overlap in height);
* each side is a text column (at least `_MIN_WIDTH` characters wide) whose lines mostly fill it,
  as running text does: at least `_MIN_LINES` of them, and half or more, start at its left edge
  (or are indented as a paragraph's first line is), reach its right edge and have no wide blank
  inside the side (cells of a borderless table that reach from edge to edge have them).

A publication sets all its pages alike, so a band of few lines (the columns' last lines at the
top of a page, a short part between a table and a signature) is read in two columns when the
gutter between its lines is the one a band of the same document showed on that evidence (both
edges within `_SAME_X`) and at least one line of each side stands beside the other side's.

So a borderless table (指标 / 目标值 rows of short, ragged cells, or cells set apart by wide
blanks on one side of the middle: `pdf_borderless` reads those), a signature and its
date at the right under full-width text, a centred title, a short list and labels in a margin
beside running text never split. Three columns are not recognised (the reader sets a band's
characters into a left and a right column): split at either gutter, one side holds two columns,
whose lines have a wide blank inside the side, so they are read as before, line by line.

Lines here only need their geometry (`Extent`): a line's `blanks` are the gaps wider than a
justification space between its characters, where a line glued across the gutter comes apart.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from math import inf
from statistics import median
from typing import Protocol

# How many lines each side needs, side by side with the other and filling its column.
_MIN_LINES = 4
# The narrowest gutter, in body characters: justified text never leaves such a blank in a line.
_GUTTER = 0.9
# The narrowest column, in body characters: no table cell of a borderless table is read as one.
_MIN_WIDTH = 8
# How far (in characters) a filling line may start right of its column's edge (a paragraph's
# indented first line) or end short of it (the next character did not fit, unjustified text).
_INDENT = 3.0
_SHORT = 1.0
# Positions closer than this (points) are the same column edge.
_SAME_X = 2.0

Gutter = tuple[float, float]


class Extent(Protocol):
    """What a line must tell about itself: its box, its font size and its blanks."""

    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    blanks: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Band:
    """A horizontal band of the page whose text stands in two columns."""

    top: float
    bottom: float
    gutter: Gutter  # the left column's right edge, the right column's left edge

    @property
    def middle(self) -> float:
        return (self.gutter[0] + self.gutter[1]) / 2


@dataclass
class _Side:
    """What a line has on one side of the middle."""

    x0: float
    x1: float
    top: float
    bottom: float
    blanks: int  # how many wide blanks the line has on this side


def column_bands(
    lines: Sequence[Extent],
    cuts: Sequence[tuple[float, float, float, float]] = (),
    known: Collection[Gutter] = (),
) -> list[Band]:
    """The bands of a page (its `lines` top to bottom) set in two columns; `cuts` are the boxes
    (x0, top, x1, bottom) of the tables on the page, which cut bands where they cross their
    gutter; `known` are the gutters of the document's other bands. Empty for a page of one
    column, at the cost of one look at each line and at each of its blanks.

    The page is split at its middle first (equal columns), then at the known gutters, or, on
    a page's own evidence, at each place that lines leave blank one above the other
    (`_blank_places`: columns of unequal width); a band found at one split is no line of a
    later one."""
    fewest = 1 if known else _MIN_LINES
    if len(lines) < fewest:
        return []
    middle = (min(line.x0 for line in lines) + max(line.x1 for line in lines)) / 2
    splits = [middle]
    others = [(a + b) / 2 for a, b in known] if known else _blank_places(lines, middle)
    splits += [x for x in sorted(others) if abs(x - middle) > _SAME_X]
    bands: list[Band] = []
    for split in splits:
        bands += _bands_at(split, lines, bands, cuts, known, fewest)
    return sorted(bands, key=lambda band: band.top)


def _blank_places(lines: Sequence[Extent], middle: float) -> list[float]:
    """The middle of each place off the page's middle where `_MIN_LINES` lines or more leave
    a blank at least a gutter wide, within one another's blanks."""
    blanks = sorted(
        blank
        for line in lines
        for blank in line.blanks
        if blank[1] - blank[0] >= _GUTTER * line.size and not blank[0] <= middle <= blank[1]
    )
    places: list[float] = []
    count, shared = 0, (0.0, 0.0)
    for blank in [*blanks, (inf, inf)]:
        if count and blank[0] < shared[1]:
            count, shared = count + 1, (blank[0], min(shared[1], blank[1]))
            continue
        if count >= _MIN_LINES:
            places.append((shared[0] + shared[1]) / 2)
        count, shared = 1, blank
    return places


def _bands_at(
    middle: float,
    lines: Sequence[Extent],
    found: list[Band],
    cuts: Sequence[tuple[float, float, float, float]],
    known: Collection[Gutter],
    fewest: int,
) -> list[Band]:
    """The bands of two columns whose gutter holds `middle`: the runs of lines without text
    over it, cut by lines and tables that cross it and by the bands `found` before."""
    crossing = [
        _crosses(line, middle) or any(b.top <= line.top <= b.bottom for b in found)
        for line in lines
    ]
    if len(crossing) - sum(crossing) < fewest:
        return []  # nearly every line runs over this place: one column here
    across = sorted(top for x0, top, x1, _ in cuts if x0 < middle < x1)
    runs: list[list[Extent]] = [[]]
    for line, crosses in zip(lines, crossing, strict=True):
        run = runs[-1]
        if run and (crosses or any(run[-1].top < top < line.top for top in across)):
            runs.append(run := [])
        if not crosses:
            run.append(line)
    found_here = (_band(run, middle, known) for run in runs if len(run) >= fewest)
    return [band for band in found_here if band is not None]


def _crosses(line: Extent, middle: float) -> bool:
    """Whether the line has text over the middle (not a blank of it)."""
    if not line.x0 < middle < line.x1:
        return False
    return not any(start <= middle <= end for start, end in line.blanks)


def _band(run: list[Extent], middle: float, known: Collection[Gutter]) -> Band | None:
    """The run of lines as a two-column band, if the evidence says it is one."""
    left: list[_Side] = []
    right: list[_Side] = []
    for line in run:
        start, end = line.x0, line.x1
        cut = next((blank for blank in line.blanks if blank[0] <= middle <= blank[1]), None)
        if cut is not None:
            inside = sum(blank[1] <= cut[0] for blank in line.blanks)
            left.append(_Side(start, cut[0], line.top, line.bottom, inside))
            outside = len(line.blanks) - inside - 1
            right.append(_Side(cut[1], end, line.top, line.bottom, outside))
        elif end <= middle:
            left.append(_Side(start, end, line.top, line.bottom, len(line.blanks)))
        else:
            right.append(_Side(start, end, line.top, line.bottom, len(line.blanks)))
    if not (left and right):
        return None
    gutter = (max(side.x1 for side in left), min(side.x0 for side in right))
    band = Band(min(line.top for line in run), max(line.bottom for line in run), gutter)
    if any(_same(gutter, other) for other in known):
        return band if _beside(left, right) and _beside(right, left) else None
    return band if _shows_columns(left, right, gutter, median(line.size for line in run)) else None


def _same(gutter: Gutter, other: Gutter) -> bool:
    return abs(gutter[0] - other[0]) <= _SAME_X and abs(gutter[1] - other[1]) <= _SAME_X


def _shows_columns(left: list[_Side], right: list[_Side], gutter: Gutter, size: float) -> bool:
    """Whether the two sides of a band are two text columns on their own evidence."""
    if len(left) < _MIN_LINES or len(right) < _MIN_LINES:
        return False
    if gutter[1] - gutter[0] < _GUTTER * size:
        return False
    if _beside(left, right) < _MIN_LINES or _beside(right, left) < _MIN_LINES:
        return False
    columns = (
        (left, min(s.x0 for s in left), gutter[0]),
        (right, gutter[1], max(s.x1 for s in right)),
    )
    for sides, x0, x1 in columns:
        if x1 - x0 < _MIN_WIDTH * size:
            return False
        full = sum(
            side.x0 <= x0 + _INDENT * size and side.x1 >= x1 - _SHORT * size and not side.blanks
            for side in sides
        )
        if full < _MIN_LINES or 2 * full < len(sides):
            return False
    return True


def _beside(sides: list[_Side], others: list[_Side]) -> int:
    """How many of `sides` overlap some of `others` in height."""
    return sum(
        any(other.top < side.bottom and side.top < other.bottom for other in others)
        for side in sides
    )
