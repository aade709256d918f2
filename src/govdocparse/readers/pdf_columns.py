"""Pages set in columns: which bands of a PDF page hold their text in two or three columns, and
where the gutters between them are.

Layout class: 政府公报 (government gazettes), journal reprints of a plan and 工作动态 bulletins
print each document in two justified columns under a full-width running head and, often, a
full-width title; a title, an annex heading or a table set across the page may cut the columns
into several bands, each filled left column first. Brochures, service guides (办事指南) and
newsletters set a narrow column beside a wide one, so their gutter stands off the page's middle.
Gazettes of a larger format, newspaper pages and leaflets set three columns, of equal width or
not. Read as whole-width lines, such a page glues the left column's line to the right column's
line at the same height (and the middle column's to both).

Rule: a gutter is looked for at the middle of the page's text area, then at each place off the
middle that at least `_MIN_LINES` lines leave blank (a blank at least a gutter wide, the blanks
one above another sharing some x; a line glued across a gutter has its blank there). A band is
a run of lines, in top-to-bottom order, none of which has text over that place, and with no
table across it between them; a line, a title or a table over it cuts the page into bands, and
so does a band found at a place looked at before. The band's lines are parted at that place
into two sides; when the lines of one side leave a second place blank (none of them has text
over it, `_MIN_LINES` of them a blank a gutter wide), that side is parted there too, and the
band is tried as three columns first, then as two. A band is set in columns only on strong
evidence, since a false split garbles text that was fine:

* gutters: the blank between one column's right ends and the next one's left ends is at
  least about one character wide (`_GUTTER`);
* each column holds at least `_MIN_LINES` lines that stand beside a line of the column next to
  it (they overlap in height), on both sides of each gutter;
* each column is a text column (at least `_MIN_WIDTH` characters wide) whose lines mostly fill it,
  as running text does: at least `_MIN_LINES` of them, and half or more, start at its left edge
  (or are indented as a paragraph's first line is), reach its right edge and have no wide blank
  inside the side (cells of a borderless table that reach from edge to edge have them).

A publication sets all its pages alike, so a band of few lines (the columns' last lines at the
top of a page, a short part between a table and a signature) is read in columns when the
gutters between its lines are the ones a band of the same document showed on that evidence
(as many, each edge within `_SAME_X`: the first gutter of three does not make a band of two)
and at least one line on each side of each gutter stands beside a line across it.

So a borderless table (指标 / 目标值 rows of short, ragged cells, or cells set apart by wide
blanks on one side of the middle: `pdf_borderless` reads those), a signature and its
date at the right under full-width text, a centred title, a short list and labels in a margin
beside running text never split, nor does a borderless table of three ragged columns; and a
short list beside its dates inside one column of two is no third column, since the column's
running text above it has text over the list's blank. More than three columns are not
recognised: their bands are read as before, line by line (a side of two columns has lines with
a wide blank inside it, which running text never has).

Lines here only need their geometry (`Extent`): a line's `blanks` are the gaps wider than a
justification space between its characters, where a line glued across the gutter comes apart.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise
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
Gutters = tuple[Gutter, ...]  # a band's, left to right


class _Part(Protocol):
    """A line, or its part in one column: its box and its blanks, left to right."""

    x0: float
    x1: float
    top: float
    bottom: float
    blanks: tuple[Gutter, ...]


class Extent(_Part, Protocol):
    """What a line must tell about itself: its box, its font size and its blanks."""

    size: float


@dataclass(frozen=True)
class Band:
    """A horizontal band of the page whose text stands in two or three columns."""

    top: float
    bottom: float
    gutters: Gutters  # left to right: a column's right edge, the next one's left edge

    @cached_property
    def middles(self) -> list[float]:
        return [(start + end) / 2 for start, end in self.gutters]

    def side(self, x: float) -> int:
        """The column (0 for the leftmost) that holds position `x`: how many gutters' middles
        lie left of it (asked for each of the band's characters)."""
        return bisect_left(self.middles, x)


@dataclass
class _Side:
    """A line's part in one column of a band, where a blank parts the line."""

    x0: float
    x1: float
    top: float
    bottom: float
    blanks: tuple[Gutter, ...]  # the line's blanks inside this column


def column_bands(
    lines: Sequence[Extent],
    cuts: Sequence[tuple[float, float, float, float]] = (),
    known: Collection[Gutters] = (),
) -> list[Band]:
    """The bands of a page (its `lines` top to bottom) set in two or three columns; `cuts` are
    the boxes (x0, top, x1, bottom) of the tables on the page, which cut bands where they cross
    a gutter; `known` are the gutters of the document's other bands, band by band. Empty for a
    page of one column, at the cost of one look at each line and at each of its blanks.

    The page is split at its middle first (equal columns), then at the known gutters, or, on
    a page's own evidence, at each place that lines leave blank one above the other
    (`_blank_places`: columns of unequal width); a band found at one split is no line of a
    later one."""
    fewest = 1 if known else _MIN_LINES
    if len(lines) < fewest:
        return []
    middle = (min(line.x0 for line in lines) + max(line.x1 for line in lines)) / 2
    splits = [middle]
    others = _middles(known) if known else _blank_places(lines, middle)
    splits += [x for x in sorted(others) if abs(x - middle) > _SAME_X]
    bands: list[Band] = []
    for split in splits:
        bands += _bands_at(split, lines, bands, cuts, known, fewest)
    return sorted(bands, key=lambda band: band.top)


def _blank_places(lines: Sequence[Extent], middle: float) -> list[float]:
    """The middle of each place off the page's middle where `_MIN_LINES` lines or more leave
    a blank at least a gutter wide, within one another's blanks."""
    return _shared_places(
        blank
        for line in lines
        for blank in line.blanks
        if blank[1] - blank[0] >= _GUTTER * line.size and not blank[0] <= middle <= blank[1]
    )


def _shared_places(blanks: Iterable[Gutter]) -> list[float]:
    """The middle of each place that `_MIN_LINES` of the blanks or more share."""
    places: list[float] = []
    count, shared = 0, (0.0, 0.0)
    for blank in [*sorted(blanks), (inf, inf)]:
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
    known: Collection[Gutters],
    fewest: int,
) -> list[Band]:
    """The bands of columns one of whose gutters holds `middle`: the runs of lines without text
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


def _crosses(line: _Part, middle: float) -> bool:
    """Whether the line has text over the middle (not a blank of it)."""
    if not line.x0 < middle < line.x1:
        return False
    return not any(start <= middle <= end for start, end in line.blanks)


def _band(run: list[Extent], middle: float, known: Collection[Gutters]) -> Band | None:
    """The run of lines as a band of columns, if the evidence says it is one: of three columns
    when one side's lines leave a second gutter blank and the three show columns, else of two."""
    columns = list(_split(run, middle))
    if not all(columns):
        return None
    top, bottom = min(line.top for line in run), max(line.bottom for line in run)
    size = median(line.size for line in run)
    three = _three_columns(columns, size, known)
    band = None if three is None else _columns_band(three, top, bottom, size, known)
    return band or _columns_band(columns, top, bottom, size, known)


def _split(sides: Sequence[_Part], place: float) -> tuple[list[_Part], list[_Part]]:
    """The lines' parts left and right of a place that none of them has text over."""
    left: list[_Part] = []
    right: list[_Part] = []
    for side in sides:
        blanks = side.blanks
        cut = next((k for k, blank in enumerate(blanks) if blank[0] <= place <= blank[1]), None)
        if cut is not None:
            left.append(_Side(side.x0, blanks[cut][0], side.top, side.bottom, blanks[:cut]))
            right.append(_Side(blanks[cut][1], side.x1, side.top, side.bottom, blanks[cut + 1 :]))
        elif side.x1 <= place:
            left.append(side)
        else:
            right.append(side)
    return left, right


def _three_columns(
    columns: list[list[_Part]], size: float, known: Collection[Gutters]
) -> list[list[_Part]] | None:
    """The two sides as three columns, split where the lines of one side leave a second gutter
    blank: a place that none of them has text over, and that `_MIN_LINES` of them leave a
    gutter-wide blank over (or the middle of a known gutter). None when neither side has one;
    only sides with wide blanks are looked at, so a page of two columns pays nothing."""
    for k, sides in enumerate(columns):
        if not any(side.blanks for side in sides):
            continue
        x0, x1 = min(side.x0 for side in sides), max(side.x1 for side in sides)
        places = [place for place in _middles(known) if x0 < place < x1]
        places += _shared_places(
            blank
            for side in sides
            for blank in side.blanks
            if blank[1] - blank[0] >= _GUTTER * size
        )
        for place in places:
            if any(_crosses(side, place) for side in sides):
                continue
            left, right = _split(sides, place)
            if left and right:
                return [*columns[:k], left, right, *columns[k + 1 :]]
    return None


def _columns_band(
    columns: list[list[_Part]], top: float, bottom: float, size: float, known: Collection[Gutters]
) -> Band | None:
    """The band, if its columns (the lines' parts, left to right) show columns: on their own
    evidence, or, at gutters a band of the document showed, with lines standing side by side."""
    gutters = tuple(
        (max(side.x1 for side in left), min(side.x0 for side in right))
        for left, right in pairwise(columns)
    )
    band = Band(top, bottom, gutters)
    if any(_same(gutters, other) for other in known):
        beside = all(_beside(a, b) and _beside(b, a) for a, b in pairwise(columns))
        return band if beside else None
    return band if _shows_columns(columns, gutters, size) else None


def _same(gutters: Gutters, others: Gutters) -> bool:
    """Whether two bands have the same gutters (a band of two columns at one of the gutters of
    three has not)."""
    return len(gutters) == len(others) and all(
        abs(a - b) <= _SAME_X
        for gutter, other in zip(gutters, others, strict=True)
        for a, b in zip(gutter, other, strict=True)
    )


def _middles(known: Collection[Gutters]) -> list[float]:
    return sorted({(start + end) / 2 for gutters in known for start, end in gutters})


def _shows_columns(columns: list[list[_Part]], gutters: tuple[Gutter, ...], size: float) -> bool:
    """Whether the lines' parts are text columns on their own evidence."""
    if any(len(sides) < _MIN_LINES for sides in columns):
        return False
    if any(end - start < _GUTTER * size for start, end in gutters):
        return False
    for a, b in pairwise(columns):
        if _beside(a, b) < _MIN_LINES or _beside(b, a) < _MIN_LINES:
            return False
    lefts = [min(side.x0 for side in columns[0]), *(end for _, end in gutters)]
    rights = [*(start for start, _ in gutters), max(side.x1 for side in columns[-1])]
    for sides, x0, x1 in zip(columns, lefts, rights, strict=True):
        if x1 - x0 < _MIN_WIDTH * size:
            return False
        full = sum(
            side.x0 <= x0 + _INDENT * size and side.x1 >= x1 - _SHORT * size and not side.blanks
            for side in sides
        )
        if full < _MIN_LINES or 2 * full < len(sides):
            return False
    return True


def _beside(sides: list[_Part], others: list[_Part]) -> int:
    """How many of `sides` overlap some of `others` in height."""
    return sum(
        any(other.top < side.bottom and side.top < other.bottom for other in others)
        for side in sides
    )
