"""Which pages of a PDF are scans: a page image with no text layer, or with only a watermark.

Scanner apps stamp one short line on every page they make ("扫描全能王 创建", "Scanned with
…") as real text over the page image, so such a scan has a text layer that says nothing. It is
recognised by its shape, whatever its words: the page is mostly one image, every line of its
text is short, and the same lines (digits aside) are on every page that has text. A page with
no text at all counts as a scan when it holds any image; a page with neither is blank.
"""

from __future__ import annotations

import re

# At most this many characters make a watermark line.
_SHORT = 30
# At most this many lines make a watermark.
_LINES = 2
# A scanned page is mostly its image.
_FULL_PAGE = 0.5


def shape(text: str) -> str:
    """A line's text with spaces removed and every run of digits as '#'."""
    return re.sub(r"\d+", "#", "".join(text.split()))


def scanned_pages(pages: list[tuple[list[str], float]]) -> tuple[list[int], set[str]]:
    """For each page (its text lines, the share of the page its largest image covers), whether
    it is a scan: the 0-based indexes of the scanned pages, and the shapes of the watermark
    lines found on them."""
    with_text = [lines for lines, _cover in pages if lines]
    common = (
        set.intersection(*({shape(line) for line in lines} for lines in with_text))
        if with_text
        else set()
    )
    watermark = {
        line
        for line in common
        if len(line) <= _SHORT and all(len(lines) <= _LINES for lines in with_text)
    }
    scans = [
        index
        for index, (lines, cover) in enumerate(pages)
        if (cover > 0 and not lines)
        or (cover >= _FULL_PAGE and all(shape(line) in watermark for line in lines))
    ]
    found = {shape(line) for index in scans for line in pages[index][0]}
    return scans, found
