"""Ruled tables on a PDF page: from ruling segments to the cells they enclose, grouped in grids.

The method is pdfplumber's "lines" table finder (its defaults: 3 pt tolerances), redone on the
segments PDFium gives so that the reader needs no second PDF parser:

1. segments shorter than 1 pt are dropped; segments of one orientation whose positions lie
   within 3 pt of each other (chained) are moved onto their average position, and collinear
   pieces less than 3 pt apart are joined; what is still shorter than 3 pt is dropped;
2. every vertical and horizontal segment that meet (within 3 pt) give an intersection;
3. a cell is the smallest rectangle whose four corners are intersections linked by segments;
4. cells that share a corner form one table; a table of one cell is a lone box.

`find_boxes` returns the multi-cell tables and the lone boxes, in the finder's order.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from .pdf_page import Segment
from .positions import chains

_SNAP = 3.0
_JOIN = 3.0
_MIN_LENGTH = 3.0
_MEET = 3.0
_HAIR = 1e-6

Box = tuple[float, float, float, float]  # x0, top, x1, bottom
Point = tuple[float, float]


def find_boxes(segments: Iterable[Segment]) -> tuple[list[list[Box]], list[Box]]:
    """The page's ruled tables (each a list of cells, tables in reading order) and the cells that
    belong to no table."""
    horizontal, vertical = _merge([s for s in segments if _length(s) >= 1.0])
    cells = _cells(_intersections(horizontal, vertical))
    groups = _group(cells)
    tables = [group for group in groups if len(group) > 1]
    lone = [group[0] for group in groups if len(group) == 1]
    lone.sort(key=lambda box: cells.index(box))
    return tables, lone


def _length(segment: Segment) -> float:
    return (segment.x1 - segment.x0) + (segment.bottom - segment.top)


def _snapped(positions: list[float]) -> dict[float, float]:
    """Each position mapped to the average of its cluster."""
    target: dict[float, float] = {}
    for group in chains(positions, _SNAP):
        average = sum(group) / len(group)
        for value in group:
            target[value] = average
    return target


def _merge(segments: list[Segment]) -> tuple[list[Box], list[Box]]:
    """Horizontal and vertical edges after snapping, joining and the length filter."""
    flat = [s for s in segments if s.horizontal]
    upright = [s for s in segments if not s.horizontal]
    at_y = _snapped([s.top for s in flat])
    at_x = _snapped([s.x0 for s in upright])
    rows: dict[float, list[tuple[float, float]]] = {}
    for s in flat:
        rows.setdefault(at_y[s.top], []).append((s.x0, s.x1))
    columns: dict[float, list[tuple[float, float]]] = {}
    for s in upright:
        columns.setdefault(at_x[s.x0], []).append((s.top, s.bottom))
    horizontal = [
        (start, y, end, y)
        for y in sorted(rows)
        for start, end in _joined(rows[y])
        if end - start >= _MIN_LENGTH
    ]
    vertical = [
        (x, start, x, end)
        for x in sorted(columns)
        for start, end in _joined(columns[x])
        if end - start >= _MIN_LENGTH
    ]
    return horizontal, vertical


def _joined(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    joined: list[tuple[float, float]] = []
    for start, end in sorted(spans):
        if joined and start <= joined[-1][1] + _JOIN:
            if end > joined[-1][1]:
                joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _intersections(horizontal: list[Box], vertical: list[Box]) -> dict[Point, tuple[set, set]]:
    """Each crossing point with the vertical and the horizontal edges through it."""
    points: dict[Point, tuple[set, set]] = {}
    across = sorted(horizontal, key=lambda h: (h[1], h[0]))
    heights = [h[1] for h in across]
    for v in sorted(vertical):
        x, v_top, _, v_bottom = v
        # only the edges at heights the vertical reaches (a hair wider: the test below decides)
        first = bisect_left(heights, v_top - _MEET - _HAIR)
        last = bisect_right(heights, v_bottom + _MEET + _HAIR)
        for h in across[first:last]:
            h_x0, y, h_x1, _ = h
            if v_top <= y + _MEET and v_bottom >= y - _MEET and h_x0 - _MEET <= x <= h_x1 + _MEET:
                through = points.setdefault((x, y), (set(), set()))
                through[0].add(v)
                through[1].add(h)
    return points


def _cells(points: dict[Point, tuple[set, set]]) -> list[Box]:
    """For each intersection, the smallest ruled rectangle with it as top-left corner."""

    def linked(p: Point, q: Point) -> bool:
        if p[0] == q[0] and points[p][0] & points[q][0]:
            return True
        return p[1] == q[1] and bool(points[p][1] & points[q][1])

    ordered = sorted(points)
    # the points of each column and each row, in the order of `ordered`: those after a corner
    # in its column are below it, those after it in its row are right of it
    columns: dict[float, list[Point]] = {}
    rows: dict[float, list[Point]] = {}
    for point in ordered:
        columns.setdefault(point[0], []).append(point)
        rows.setdefault(point[1], []).append(point)
    cells = []
    for corner in ordered:
        column, row = columns[corner[0]], rows[corner[1]]
        below = column[bisect_right(column, corner) :]
        right = row[bisect_right(row, corner) :]
        cell = _smallest(corner, below, right, points, linked)
        if cell is not None:
            cells.append(cell)
    return cells


def _smallest(corner: Point, below, right, points, linked) -> Box | None:
    for under in below:
        if not linked(corner, under):
            continue
        for beside in right:
            if not linked(corner, beside):
                continue
            opposite = (beside[0], under[1])
            if opposite in points and linked(opposite, beside) and linked(opposite, under):
                return (corner[0], corner[1], opposite[0], opposite[1])
    return None


def _group(cells: list[Box]) -> list[list[Box]]:
    """Cells chained by shared corners, the groups ordered by their top-left cell."""

    def corners(box: Box) -> set[Point]:
        x0, top, x1, bottom = box
        return {(x0, top), (x0, bottom), (x1, top), (x1, bottom)}

    remaining = list(cells)
    groups: list[list[Box]] = []
    while remaining:
        group = [remaining.pop(0)]
        seen = corners(group[0])
        grew = True
        while grew:
            grew = False
            for box in list(remaining):
                if corners(box) & seen:
                    seen |= corners(box)
                    group.append(box)
                    remaining.remove(box)
                    grew = True
        groups.append(group)
    groups.sort(key=lambda group: min((box[1], box[0]) for box in group))
    return groups
