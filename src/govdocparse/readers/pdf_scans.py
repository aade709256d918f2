"""Which pages of a PDF are scans: a page image with no text layer, or with only a watermark.

Scanner apps stamp one short line on every page they make ("扫描全能王 创建", "Scanned with
…") as real text over the page image, so such a scan has a text layer that says nothing. It is
recognised by its shape, whatever its words: the page is mostly one image, every line of its
text is short, and the same lines (digits aside) are on every page that has text. A page with
no text at all counts as a scan when it holds any image; a page with neither is blank.

A page can also show text whose text layer holds none: fonts embedded without a ToUnicode map
(typesetting systems' CID fonts, some converters' exports) give PDFium only glyph numbers, which
come out as control codes and stray Latin letters ("\x01\x04\x05…!\"#$%"). Such a page is
`illegible`; like a scan, it can only be read from its picture.
"""

from __future__ import annotations

import re

import regex

# At most this many characters make a watermark line.
_SHORT = 30
# At most this many lines make a watermark.
_LINES = 2
# A scanned page is mostly its image.
_FULL_PAGE = 0.5


# A page needs this many characters before its text layer is judged.
_JUDGED = 20
# Share of a page's characters that are codes no text has (control codes, private-use and
# unassigned code points, U+FFFD) from which its text layer is glyph numbers. Symbol-font
# bullets come out as private-use characters, a few in a page of text.
_CODES_SHARE = 0.1
_CODES = regex.compile(r"[[\p{Cc}\p{Co}\p{Cn}\N{REPLACEMENT CHARACTER}]--\s]", regex.V1)
_SPACE = regex.compile(r"\s+")


def illegible(text: str) -> bool:
    """Whether a page's extracted text is glyph numbers rather than text (see above)."""
    codes = len(_CODES.findall(text))
    if not codes:  # most pages: no need to count the letters
        return False
    letters = len(_SPACE.sub("", text))
    return letters >= _JUDGED and codes >= _CODES_SHARE * letters


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
