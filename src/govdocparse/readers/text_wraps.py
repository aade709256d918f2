"""Text copies of printed pages: where a copy broke its lines at the page's width, and what the
pages' ends left between them.

A copy made from a PDF or a printed 公文 (pdftotext, a viewer's copy, OCR, a portal's text
version) breaks its lines wherever the page ended, mid-sentence and mid-word: GB/T 9704 sets 28
characters to a line. `wrap_width` finds that width, in half-width columns or in characters,
whichever the file's lines share; `wraps_onto` says whether a line goes on with the paragraph
above it (the line above broke off at the width, and this one opens no paragraph); a page
number and a running head between two pages (`PageFurniture`) do not end the paragraph they
cut. The text reader (`text`) puts the lines together.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import NamedTuple

from ..chrome import is_page_counter, is_page_number, running_heads
from ..headings import numbered, opens_block
from ..textutil import squash_spaces

# Hard-wrapped text copies of PDF pages: a line is open-ended (cut by the page width) when it
# does not close a sentence and ends in a character or a number; _MIN_WRAPS such lines of about
# one width (within _WRAP_SLACK columns) make a file hard-wrapped.
_SENTENCE_CLOSE = re.compile(r"[。！？；：:;!?…”’」』）)】》—\-]\s*$")
_OPEN_END = re.compile(r"[\u4e00-\u9fff\w，、,%‰]$")
# Ends that close a sentence only in some places (GB/T 9704 copies cut lines anywhere, so a
# line may stop at any of them mid-sentence): an opening bracket or quotation
# (…（\n牵头单位：…), a range's dash after a number (（2025—\n2027年）), a colon or semicolon inside
# a bracket still open (（牵头单位：市卫生健康委；\n协办单位：…）), a closing quotation not after
# a sentence's end (《…条例》\n等规定), and a closing bracket whose opening one does not follow
# a sentence's end (各县（市、区）\n人民政府, where …。（责任单位：…） closes its paragraph).
_OPENING = frozenset("（(《“‘「『【")
_DASHES = frozenset("—-－")
_INNER_STOPS = frozenset("：:；;")
_CLOSING_QUOTES = frozenset("”’」』》")
_CLOSING_BRACKETS = frozenset("）)")
_OPENING_BRACKETS = frozenset("（(")
_SENTENCE_ENDS = frozenset("。！？!?…；;")
# a TAB, an ideographic space or two spaces inside a line set columns apart (a table, a list of
# names in columns), which a page's prose never has
_COLUMN_GAP = re.compile(r"\t|\u3000|  ")
_MIN_WRAPPED = 30
_MIN_WRAPS = 4
_WRAP_SLACK = 3
# at most one long line in this many runs past the width
_MAX_BEYOND = 5


def _columns(text: str) -> int:
    """Width of a line in half-width columns (a Chinese character takes two)."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


class Width(NamedTuple):
    """The width a hard-wrapped copy cuts its lines at, in half-width columns. A PDF's glyphs
    give half-width digits and letters half a character's width (`cells` False: lines with
    numbers hold more characters); a copy cut at so many characters, and a page set with
    full-width digits, give every character a full one (`cells` True). The spaces a layout copy
    (pdftotext -layout) indents a line with stand for columns either way."""

    columns: int
    cells: bool

    def of(self, line: str) -> int:
        if not self.cells:
            return _columns(line)
        text = line.lstrip(" ")
        return 2 * len(text) + len(line) - len(text)

    def reaches(self, line: str) -> bool:
        return self.of(line) >= self.columns - _WRAP_SLACK


def wrap_width(lines: list[str]) -> Width | None:
    """The page width a text copy of a PDF wraps its lines at, or None.

    Such a copy breaks lines wherever the page ended, mid-sentence and mid-word (公文 set 28
    characters to a line): most lines that end mid-sentence then share one width, measured
    with half-width digits as half a character or as a whole one, whichever more lines share.
    A file of paragraphs, one a line, has no such width."""
    # the long lines' widths, with their indents, in columns and in characters, and whether
    # each stops mid-sentence
    measured: list[tuple[int, int, bool]] = []
    for line in lines:
        text = line.strip()
        # a line's columns never exceed twice its characters: most lines need no counting
        if 2 * len(text) < _MIN_WRAPPED or _COLUMN_GAP.search(text):
            continue
        columns = _columns(text)
        # a transcript's page line (Page 3: the file's name, its address…) is no line of the text
        if columns >= _MIN_WRAPPED and not is_page_number(text):
            whole = line.rstrip().lstrip("\f")
            indent = whole[: len(whole) - len(whole.lstrip())]
            opened = not _SENTENCE_CLOSE.search(whole)
            spaces = len(whole) - len(whole.lstrip(" "))
            measured.append((columns + _columns(indent), 2 * len(whole) - spaces, opened))
    if sum(opened for _, _, opened in measured) < _MIN_WRAPS:
        return None
    found = [
        _shared_width([(size[cells], size[2]) for size in measured], cells)
        for cells in (False, True)
    ]
    return max(found, key=lambda pair: pair[0])[1]


def _shared_width(sizes: list[tuple[int, bool]], cells: bool) -> tuple[int, Width | None]:
    """The width most open-ended lines share measured one way (`sizes`: each long line's
    width and whether it stops mid-sentence), with the number of lines that share it, or None
    for the width when too few share it or too many run past it."""
    widths = Counter(size for size, opened in sizes if opened)
    # the commonest width, the page's: a copy of a page set by the rules of Chinese line
    # breaking hangs a comma past it or pushes an opening bracket down, a character more or less
    best = max(widths, key=lambda width: (widths[width], width))
    count = sum(widths[w] for w in range(best - _WRAP_SLACK, best + _WRAP_SLACK + 1))
    # a page has a width: few lines run past it (a running head, a centred title)
    beyond = sum(size > best + _WRAP_SLACK for size, _ in sizes)
    wrapped = count >= _MIN_WRAPS and count * 2 >= widths.total()
    if wrapped and beyond * _MAX_BEYOND <= len(sizes):
        return count, Width(best, cells)
    return 0, None


def _cutat_width(paragraph: str, before: str, wrap: Width) -> bool:
    """Whether `before`, the last line so far of `paragraph`, ran to the page's width and broke
    off mid-sentence: it is no line of columns, and it ends in a character, a number or a mark
    that closes nothing where it stands (an opening bracket, …； inside an open bracket)."""
    end = before.rstrip().lstrip("\f")
    if not wrap.reaches(end) or _COLUMN_GAP.search(end.strip()):
        return False
    if _OPEN_END.search(end):
        return True
    mark, previous = end[-1], end[-2:-1]
    if mark in _OPENING:
        return True
    if mark in _DASHES or mark == ".":
        # a range (2025—\n2027年) or a decimal (4.\n5个) the line's end cut
        return previous.isdigit()
    if mark in _INNER_STOPS:
        return _open_bracket(paragraph) is not None
    if mark in _CLOSING_QUOTES:
        return previous not in _SENTENCE_ENDS
    if mark in _CLOSING_BRACKETS:
        # the bracket this one closes: 各县（市、区） goes on, …。（责任单位：…） ends
        opening = _open_bracket(paragraph[:-1])
        return opening is not None and opening > 0 and paragraph[opening - 1] not in _SENTENCE_ENDS
    return False


def _open_bracket(text: str) -> int | None:
    """The position of the last bracket of `text` still open at its end, or None."""
    depth = 0
    for n in range(len(text) - 1, -1, -1):
        if text[n] in _CLOSING_BRACKETS:
            depth += 1
        elif text[n] in _OPENING_BRACKETS:
            if not depth:
                return n
            depth -= 1
    return None


def wraps_onto(paragraph: str, before: str, line: str, wrap: Width) -> bool:
    """Whether `line` goes on with `paragraph`, whose last line so far is `before`: `before`
    broke off mid-sentence at the page's width, or ended its sentence there with `line` the
    bracket after it (…达到80个。\n（牵头单位：…）), and `line` opens no paragraph (no indent,
    no heading number) and is no line of its own (no table cell)."""
    text = line.strip()
    # the cheap tests first: this runs on every line of a hard-wrapped file
    if not text or line.lstrip("\f")[:1].isspace():
        return False
    cut = _cutat_width(paragraph, before, wrap) or (
        text[0] in _OPENING_BRACKETS and _sentenceat_width(before, wrap)
    )
    return cut and not _COLUMN_GAP.search(text) and not opens_block(text) and numbered(text) is None


def _sentenceat_width(before: str, wrap: Width) -> bool:
    """Whether `before` ran to the page's width and ended its sentence there."""
    end = before.rstrip().lstrip("\f")
    return end.endswith("。") and wrap.reaches(end) and not _COLUMN_GAP.search(end)


def at_width(paragraph: str, before: str, wrap: Width) -> bool:
    """Whether `before` ran to the page's width, its paragraph going on or maybe going on."""
    return _cutat_width(paragraph, before, wrap) or _sentenceat_width(before, wrap)


class PageFurniture:
    """The page furniture a hard-wrapped copy keeps where its pages meet: page numbers
    (— 3 —, chrome.yaml's page numbers, a transcript's Page 3: line), the running head a page
    opens with (`chrome.running_heads`) and a viewer's counter under a page number (3 / 27)."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines
        self._heads: set[str] | None = None

    def _page_number(self, j: int) -> bool:
        # a sharing site's transcript opens each page with a long line of its own (Page 3: the
        # file's name, its address and a summary), a page number all the same
        return is_page_number(self._lines[j].strip())

    def _running_head(self, text: str) -> bool:
        if self._heads is None:
            self._heads = running_heads(self._lines)
        return squash_spaces(text) in self._heads

    def end(self, start: int) -> int:
        """The first line past the page furniture (and blank lines) at `start`, or `start` when
        no page number stands there."""
        j, turned = start, False
        while j < len(self._lines):
            text = self._lines[j].strip()
            if self._page_number(j):
                turned = True
            elif text and not (turned and (self._running_head(text) or is_page_counter(text))):
                break
            j += 1
        return j if turned else start
