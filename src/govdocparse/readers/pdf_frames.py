"""Page decoration among a PDF's ruled boxes: frames around the running text are not tables.

Office suites draw boxes that hold no table: a page border on every page, a frame round the
whole text, borders round each paragraph; a red rule under the issuer mark that reaches the
border cuts such a frame into a box of two rows. A one-column grid (a box, or boxes stacked in
one column) is such a frame when, on every page that has text in its body band, the outermost
one-column grids of the page hold all that text between them. Then those grids are decoration
and their text is running text. A box inside a frame stays a table (a 专栏 on a bordered page);
a document with a page of running text outside every box keeps all its boxes as tables.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain

from .pdf_page import Char

# Characters within this many points of a box's edge count as inside it.
_TOLERANCE = 2.0


@dataclass(frozen=True)
class Outline:
    """A grid's outer bounds and its number of columns."""

    x0: float
    top: float
    x1: float
    bottom: float
    columns: int

    def holds(self, char: Char) -> bool:
        middle = (char.top + char.bottom) / 2
        return (
            self.x0 - _TOLERANCE <= char.x0
            and char.x1 <= self.x1 + _TOLERANCE
            and self.top <= middle <= self.bottom
        )

    def within(self, other: Outline) -> bool:
        return (
            other.x0 - _TOLERANCE <= self.x0
            and self.x1 <= other.x1 + _TOLERANCE
            and other.top - _TOLERANCE <= self.top
            and self.bottom <= other.bottom + _TOLERANCE
        )


def frames(pages: list[tuple[Iterable[Char], list[Outline]]]) -> list[set[int]]:
    """For each page (its body-band characters, its grids' outlines), the indexes of the grids
    that frame the running text; all empty when some page's text runs outside every box.
    Characters are taken only as far as needed: on a page with no box to hold them, the first
    one settles the answer."""
    chosen: list[set[int]] = []
    for chars, outlines in pages:
        body = iter(chars)
        first = next(body, None)
        if first is None:
            chosen.append(set())
            continue
        boxes = sorted(
            (i for i, outline in enumerate(outlines) if outline.columns == 1),
            key=lambda i: (
                (outlines[i].x1 - outlines[i].x0) * (outlines[i].bottom - outlines[i].top)
            ),
            reverse=True,
        )
        outer: list[int] = []
        for i in boxes:
            if not any(outlines[i].within(outlines[j]) for j in outer):
                outer.append(i)
        if not outer or not all(
            any(outlines[i].holds(c) for i in outer) for c in chain((first,), body)
        ):
            return [set() for _ in pages]
        chosen.append(set(outer))
    return chosen
