"""PDF reader: rebuilds the paragraphs and tables of a born-digital PDF as a block stream.

The aim is the block stream the same document gives as text or DOCX, so the reader undoes what
page layout did to it. PDFium gives the characters with their boxes and the ruling lines
(`pdf_page`); everything else is built here from that geometry:

* Characters are grouped into visual lines in reading order (top to bottom; only upright text,
  so rotated stamps and watermarks are left out). A band of the page set in two or three
  columns (a 政府公报's body under its full-width running head and title, a newspaper page;
  `pdf_columns` says when a band is one) is read column by column once headers and footers are
  gone: its characters are set into lines again, each column's apart, the band is read where it
  starts, left column first, and each column is a text column of its own for line joining
  below (its own edges; a paragraph runs on from the foot of a column to the top of the next).
  Two characters separated by a gap or a space glyph get a space only when neither is CJK; CJK
  text is not split by spaces, except at a blank wider than one and a half characters, which no
  justification opens (two issuers side by side on one line: "海南省农业农村厅 海南省财政厅").
* Page headers, footers and page numbers are dropped: a line among the first or last two of a
  page, inside the top or bottom band of the page, that either looks like a page number
  (`— 3 —`, `-3-`, `第3页`, `第 3 页 共 10 页`, `3/10`, a lone number) or repeats, digits aside,
  on at least half of the pages; and a page's last line that looks like a page number in its
  bottom fifth, above the band (a 公文's "— 3 —" under the text area).
* Lines wrapped by the renderer are joined back into one paragraph. A line continues into the
  next when it starts at the text column's left edge (or is the indented first line of a
  paragraph), the next line starts at the left edge, is in the same font size, does not start
  with numbering no sentence carries over a line break (一、 （三） 第二章 专栏1) and is not set
  apart by paragraph spacing, and the line ends so close to the column's right edge that the
  next line's first unbreakable unit would not have fitted. An Arabic item number (3. 3、)
  starts a paragraph only after a line that ends short of the edge or ends a sentence, since
  wrapped text starts with numbers too (分别降至 / 3.0‰、4.0‰和6.0‰以下); a decimal is never
  an item number. When
  the document separates paragraphs by spacing, a line followed at the plain line pitch may end
  up to three characters short of that (line-breaking rules keep some units together that this
  reader does not model). A centred line continues into the centred line under it when it is
  so wide that the next line's first unit would not have fitted beside it (a long title, a
  发文机关标志 wrapped before its 件). Lines the author broke (a title over two short centred
  lines, an issuer over its title, a signature block) stay separate paragraphs, as in the text
  version. A paragraph broken by a
  page break is joined across it.
* Tables are found from the ruling lines that show on the page (`pdf_grid`, pdfplumber's
  "lines" method redone on PDFium's paths), on pages that have any ruling at all; a single
  ruled box with text in it (a 专栏) is a one-cell table, as Word has it. Page decoration is
  not a table: a lone box round most of the page, frames round the running text (`pdf_frames`:
  page borders, boxed paragraphs, a frame cut by the red rule under a 版头), and a grid whose
  cells all repeat one text; their text is running text. White fills behind paragraphs are no
  ruling at all (`pdf_page`). Table characters are kept out of the running text. A vertically
  merged cell appears once, in its first row, and each row it covers gets `Cell("", merged=True)`,
  as in a Word text dump; a horizontally merged cell is one cell with `colspan`. Inside a cell,
  lines the renderer wrapped are joined without a break and the cell's own line breaks are kept
  as "\\n", by the same "would the next unit have fitted" test as for paragraphs.
* Tables with their borders switched off (`pdf_borderless`: rows of cells set apart by wide
  blanks, in columns free of text in every row, the cells of each column aligned, a first row
  of known column names exempt from lining up: `text_tables.known_header`) are found
  among the lines of each text column once the bands of columns are read; pages without three
  lines of three cells are passed over at once. Each row's characters go to the columns its
  gutters part, a line with text in one column under a row is the rest of that cell (joined as
  wrapped), and the table's lines leave the running text: the lines after it are numbered
  without them.
* A table that ends a page and a table with the same columns that starts the next page are one
  table: header rows repeated on the next page are dropped, and a row the page break cut in two
  is put back together when a cell's first part ends in a full line and goes on after the
  break (in a one-column table, always).

Scanned pages (`pdf_scans`: a page image with no text layer, or with only a scanner app's
watermark line) are read by OCR when the `ocr` extra is installed (`pdf_ocr`): their lines go
through the same paragraph joining and furniture removal, the watermark is dropped, and tables
are not rebuilt (a scanned table's cells come out as lines in reading order). So are pages that
show text their text layer does not give: a text layer of glyph codes (`pdf_scans.illegible`:
fonts without a ToUnicode map), whose characters are dropped, and text drawn as glyph outlines
(no text, no image, many filled curves). Without the extra they are left out with a warning,
and a document made only of them is `NoTextLayerError`.

Provenance: `page` is the 1-based page number. `lines` is a 1-based line range counted on that
page from its top over the lines outside tables (headers and footers included, so a reader can
count them on the page; in a band of columns, down each column in turn, left to right); a
paragraph that runs onto the next page keeps its first page and the range of its lines there.
Cells carry their page and their 0-based `table_row`/`table_col` in the joined table. A
paragraph read by OCR also has `box` (its lines' bounds on its first page, in points from the
top-left corner) and `confidence` (the lowest of its lines').

Errors: a PDF whose pages are all scans is `NoTextLayerError` ("scanned pages, no text layer:
install govdocparse[ocr]") without the extra, and when OCR finds nothing; one with neither text
nor page images is `NoTextLayerError` too; one that needs a password is `EncryptedFileError`;
one PDFium cannot open (truncated beyond repair, not a PDF) is `CorruptFileError`. A
cross-reference table PDFium had to rebuild (the file's own points nowhere useful), scanned
pages left unread in an otherwise readable file, and pypdfium2's and the OCR engine's warnings
become warnings of the record; nothing but OCR's progress line (on a terminal) is printed.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import pairwise
from operator import attrgetter
from statistics import median
from warnings import catch_warnings, simplefilter

import pypdfium2 as pdfium

from ..errors import CorruptFileError, NoTextLayerError
from ..headings import numbered, opens_block, rules, starts_paragraph
from ..model import Provenance
from ..source import Cell, Paragraph, Source, TableBlock
from . import pdf_ocr
from .pdf_borderless import BREAK_PITCH, Borderless, borderless_tables
from .pdf_columns import Band, Gutters, column_bands
from .pdf_frames import Outline, frames
from .pdf_grid import find_boxes
from .pdf_page import Char, PageContent, open_document, read_page, xref_damaged
from .pdf_scans import illegible, scanned_pages, shape
from .positions import chains, distinct
from .text_tables import known_header

# Fraction of the page height at the top and bottom where running headers and footers live.
_BAND = 0.12
# How many lines at each end of a page may be a header or footer.
_BAND_LINES = 2
# A page number may stand higher, up to this fraction of the page height, when it is the page's
# last line: GB/T 9704 prints it 7 mm under the text area, which Word and LibreOffice move up
# into the bottom margin ("— 3 —" at 88 % of an A4 page's height).
_NUMBER_BAND = 0.8
# A gap wider than this fraction of the font size between two Latin characters is a space.
_SPACE_GAP = 0.25
# A gap wider than this many font sizes is a blank the author left (joint issuers on one line,
# a signature block), which even CJK text keeps as a space; justification never opens one.
_BLANK_GAP = 0.6
# Coordinates closer than this (points) are the same position: ruling lines, column edges.
_SAME_X = 2.0
# A character this many times the size of others stands beside them rather than on their line.
_STACKED_SIZE = 1.15
# The largest distance (in font sizes) from one line of a centred paragraph to the next.
_CENTRED_PITCH = 1.6
# The largest distance (in font sizes) from one line of a paragraph to the next when the pitch of
# that size could not be measured: double spacing, and some room for a scan's uneven lines.
_UNMEASURED_PITCH = 2.5
# How far (in font sizes) a line may end short of the column in a paragraph-spaced document
# and still run on into a line that follows at the plain line pitch.
_SPACED_SLACK = 3.0

# Pages that show text their text layer does not give, and what is said about them.
_CODES_NOT_TEXT = "text layer of glyph codes, not text (fonts without a ToUnicode map)"
_OUTLINES = "text drawn as outlines, no text layer"
_INSTALL_OCR = "install govdocparse[ocr]"
# A page without text or images that fills this many paths with curves shows text drawn as
# glyph outlines (a print shop's 文字转曲), one path a character.
_DRAWN_GLYPHS = 30

_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－‐ ]*\d{1,4}[-—–－‐ ]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[/，,、]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$",
    re.IGNORECASE,
)
# Item numbering (3. 3、 ① (1)) that does not always open a block: text wrapped by the renderer
# may start with the same characters ("分别降至" / "3.0‰、4.0‰和6.0‰以下"), so an item starts a
# paragraph only after a line that ends short of the right edge or ends a sentence.
_SENTENCE_END = set("。！？；：.!?;:")
# Punctuation that may not start a line (the renderer carries the character before it down
# with it), punctuation that may not end one, and marks that line-breaking rules keep attached
# on both sides (quotation marks, the slash of 元/人).
_NO_START = set("，。、；：？！）》」』〕】〉…—,.;:?!)]}%‰·")
_NO_END = set("（《「『〔【〈([{")
_GLUED = set("“”‘’\"'/")
# Characters that can end a Latin word before a line break that swallowed a space.
_LATIN_WORD_END = set(".,;:!?)]}%'\"")
# The first wide character (`_is_wide`).
_WIDE = "\u2e80"


def _is_wide(ch: str) -> bool:
    """True for CJK ideographs, kana, CJK and full-width punctuation: text with no spaces."""
    return ch >= _WIDE


@dataclass(frozen=True)
class _Column:
    """The column of a band of two or three columns a line stands in (`pdf_columns`)."""

    band: float  # the band's top: the band is read before what lies below it
    side: int  # 0 for the left column, 1 for the next one, 2 for a third
    gutters: tuple[int, ...]  # the gutters' middles, rounded: pages with the same ones share
    # their columns' edges


@dataclass
class _Line:
    """One visual line of text, with the geometry that line joining needs."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    lead: float  # width of the first unit that cannot be broken across lines
    page: int = 0
    number: int = 0  # 1-based position on the page among lines outside tables
    confidence: float | None = None  # the OCR engine's, for a line read from a page image
    blanks: tuple[tuple[float, float], ...] = ()  # gaps a justified line never has (x0, x1)
    column: _Column | None = None  # None for a line across the page's text column


@dataclass
class _Box:
    """A table cell while a table is being assembled."""

    text: str
    x0: float
    x1: float
    page: int
    lines: list[_Line] = field(default_factory=list)
    right: float = 0.0  # where the cell's text column ends (cell edge minus padding)
    rowspan: int = 1
    colspan: int = 1
    merged: bool = False
    anchor: _Box | None = None  # for a covered slot, the cell that covers it


@dataclass
class _Table:
    """A table, first as the part on one page, then grown by its continuations."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    columns: list[float]
    rows: list[list[_Box]]
    last_page: int = 0
    column: _Column | None = None  # set for a table inside one column of a band of columns

    def __post_init__(self) -> None:
        self.last_page = self.last_page or self.page


@dataclass
class _Grid:
    """A ruled table found on a page: its boundaries and which cell covers each grid slot."""

    cells: list[tuple[float, float, float, float]]
    xs: list[float]
    ys: list[float]
    owner: dict[tuple[int, int], int]
    spans: list[tuple[int, int, int, int]]  # first row, row after last, first col, col after last
    chars: list[list[Char]]


@dataclass
class _Page:
    number: int
    width: float
    height: float
    lines: list[_Line] = field(default_factory=list)
    tables: list[_Table] = field(default_factory=list)
    images: int = 0
    chars: list[Char] = field(default_factory=list)  # the characters of the lines


@dataclass
class _Spacing:
    """How a flow of text (the body, or table cells) spaces its lines, for each font size."""

    pitch: dict[float, float] = field(
        default_factory=dict
    )  # top-to-top distance within a paragraph
    spaced: dict[float, bool] = field(default_factory=dict)  # paragraphs set apart by extra space


def read(data: bytes, path: str, name: str, sha256: str) -> Source:
    """The block stream of a PDF: paragraphs and tables in reading order, from its text layer
    or, for scanned pages and pages that show text their text layer does not give, from OCR
    when the `ocr` extra is installed."""
    warnings: list[str] = []
    with _library_warnings(warnings):
        document = open_document(data, path)
        try:
            contents = _contents(document, path)
            pictured = _pictured_text(contents)
            scans, watermark = _scans(contents)
            unread = sorted({*scans, *(i for indexes in pictured.values() for i in indexes)})
            recognised = _recognise(document, contents, unread, pictured, path, warnings)
        finally:
            document.close()
    if xref_damaged(data):
        warnings.insert(
            0, "damaged cross-reference table: objects were recovered by scanning the file"
        )
    for index in scans:
        contents[index].chars = []  # the watermark, or nothing
    pages = _pages(contents)
    for index, lines in recognised.items():
        pages[index].lines = _ocr_lines(lines, pages[index].number, watermark)
    if not any(page.lines or page.tables for page in pages):
        if recognised:
            raise NoTextLayerError(path, "scanned pages, no text layer, and OCR found no text")
        raise NoTextLayerError(path, "no text layer and no page images: nothing to read")
    for reason, indexes in pictured.items():
        warnings.append(
            f"page(s) {', '.join(str(index + 1) for index in indexes)}: {reason}: "
            + (
                "read by OCR"
                if recognised
                else f"their content is missing; {_INSTALL_OCR} to read them"
            )
        )
    said = {index for indexes in pictured.values() for index in indexes}
    blank = [
        str(page.number)
        for index, page in enumerate(pages)
        if not page.lines and not page.tables and page.images and index not in said
    ]
    if blank:
        warnings.append(
            f"no text layer on page(s) {', '.join(blank)} (scanned?): their content is missing"
            + ("" if pdf_ocr.available() else f"; {_INSTALL_OCR} to read them")
        )
    _settle_cells(pages)
    _drop_running_lines(pages)
    _read_columns(pages)
    _read_borderless(pages)
    return Source(path, name, "pdf", sha256, _blocks(pages, name), warnings=warnings)


def _scans(contents: list[PageContent]) -> tuple[list[int], set[str]]:
    """The scanned pages' indexes and their watermark lines (see `pdf_scans`)."""
    if not any(content.images for content in contents):
        return [], set()  # no page image: nothing is a scan
    return scanned_pages(
        [([line.text for line in _lines(c.chars, c.number)], c.image_cover) for c in contents]
    )


def _contents(document: pdfium.PdfDocument, path: str) -> list[PageContent]:
    contents: list[PageContent] = []
    for index in range(len(document)):
        try:
            page = document[index]
        except pdfium.PdfiumError:
            raise CorruptFileError(
                path, f"damaged PDF page {index + 1}: cannot be loaded"
            ) from None
        try:
            contents.append(read_page(page, index + 1))
        finally:
            page.close()
    if not contents:
        raise CorruptFileError(path, "damaged PDF: no pages found (truncated file?)")
    return contents


def _pictured_text(contents: list[PageContent]) -> dict[str, list[int]]:
    """The pages that show text their text layer does not give, by what is wrong with them:
    a text layer of glyph codes (`pdf_scans.illegible`; its characters are dropped here), and
    text drawn as glyph outlines."""
    found: dict[str, list[int]] = {}
    for index, content in enumerate(contents):
        if illegible(content.text):
            content.chars = []
            found.setdefault(_CODES_NOT_TEXT, []).append(index)
        elif not content.text.strip() and not content.images and content.curves >= _DRAWN_GLYPHS:
            found.setdefault(_OUTLINES, []).append(index)
    return found


def _recognise(
    document: pdfium.PdfDocument,
    contents: list[PageContent],
    unread: list[int],
    pictured: dict[str, list[int]],
    path: str,
    warnings: list[str],
) -> dict[int, list[pdf_ocr.OcrLine]]:
    """The OCR'd lines of the pages the text layer cannot give (scans, and the `pictured` text
    pages), by page index; none without the `ocr` extra, which is an error when those pages
    are all the document has."""
    if not unread:
        return {}
    if not pdf_ocr.available():
        if all(i in unread or not (c.chars or c.images) for i, c in enumerate(contents)):
            for reason in pictured:
                raise NoTextLayerError(path, f"{reason}: {_INSTALL_OCR} to read it")
            raise NoTextLayerError(path, pdf_ocr.NOT_INSTALLED)
        return {}
    recognised = {}
    for index in unread:
        page = document[index]
        try:
            recognised[index] = pdf_ocr.read_page(page, index + 1, len(contents), path)
        finally:
            page.close()
    warnings.extend(f"OCR: {message}" for message in pdf_ocr.engine_warnings())
    return recognised


def _ocr_lines(lines: list[pdf_ocr.OcrLine], page: int, watermark: set[str]) -> list[_Line]:
    """OCR'd lines as layout lines, the scanner's watermark dropped.

    OCR boxes hug the ink, so lines of one size and one left edge come back a few points apart:
    lines of about the median height get that height as their size, and left edges within half
    of it are put on their common (median) position, so that line joining sees a text column.
    """
    kept = [line for line in lines if shape(line.text) not in watermark]
    if not kept:
        return []
    heights = sorted(line.bottom - line.top for line in kept)
    body = heights[len(heights) // 2]
    lefts: dict[float, float] = {}
    for group in chains([line.x0 for line in kept], 0.5 * body):
        for x in group:
            lefts[x] = group[len(group) // 2]
    result = []
    for number, line in enumerate(kept, 1):
        height = line.bottom - line.top
        size = round(body if abs(height - body) <= 0.4 * body else height, 1)
        result.append(
            _Line(
                line.text,
                lefts[line.x0],
                line.x1,
                line.top,
                line.bottom,
                size,
                size,
                page,
                number,
                confidence=line.confidence,
            )
        )
    return result


def _pages(contents: list[PageContent]) -> list[_Page]:
    grids = [_grids(content) if content.chars and content.segments else [] for content in contents]
    decoration = frames(
        [
            (_body_band(content), [_outline(grid) for grid in page_grids])
            for content, page_grids in zip(contents, grids, strict=True)
        ]
    )
    return [
        _read_page(content, [grid for k, grid in enumerate(page_grids) if k not in dropped])
        for content, page_grids, dropped in zip(contents, grids, decoration, strict=True)
    ]


def _body_band(content: PageContent) -> Iterator[Char]:
    """The page's characters between the header and footer bands, as they are asked for."""
    top, bottom = _BAND * content.height, (1 - _BAND) * content.height
    return (c for c in content.chars if top < (c.top + c.bottom) / 2 < bottom)


def _outline(grid: _Grid) -> Outline:
    return Outline(grid.xs[0], grid.ys[0], grid.xs[-1], grid.ys[-1], len(grid.xs) - 1)


class _LogCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _library_warnings(warnings: list[str]) -> Iterator[None]:
    """Keep pypdfium2's warnings (Python warnings and log records) off the terminal; those
    about the document become warnings of the record, "PDFium: ..."."""
    logger = logging.getLogger("pypdfium2")
    collector = _LogCollector()
    propagate = logger.propagate
    logger.addHandler(collector)
    logger.propagate = False
    try:
        with catch_warnings(record=True) as caught:
            simplefilter("always")
            yield
    finally:
        logger.removeHandler(collector)
        logger.propagate = propagate
    messages = collector.messages + [
        str(w.message) for w in caught if issubclass(w.category, pdfium.PdfiumWarning)
    ]
    for message in messages:
        text = f"PDFium: {' '.join(message.split())}"
        if text not in warnings:
            warnings.append(text)


# --- one page ---------------------------------------------------------------------------------


def _read_page(content: PageContent, grids: list[_Grid]) -> _Page:
    body: list[Char] = [] if grids else list(content.chars)
    if grids:
        # most characters lie above or below every grid: told apart before the grids are asked
        top, bottom = min(grid.ys[0] for grid in grids), max(grid.ys[-1] for grid in grids)
        for char in content.chars:
            middle = (char.top + char.bottom) / 2
            target = _cell_chars(char, grids) if top <= middle < bottom else None
            (body if target is None else target).append(char)
    for grid in [grid for grid in grids if _repeats_one_text(grid)]:
        # Not a table: its text is running text.
        grids.remove(grid)
        body.extend(char for cell in grid.chars for char in cell)
    result = _Page(content.number, content.width, content.height, images=content.images)
    result.chars = _unstacked(body)
    result.lines = _lines(result.chars, content.number)
    for number, line in enumerate(result.lines, 1):
        line.number = number
    tables = (_table(grid, content.number) for grid in grids)
    result.tables = [
        table for table in tables if any(box.lines for row in table.rows for box in row)
    ]
    return result


def _grids(content: PageContent) -> list[_Grid]:
    """The page's ruled tables, including single boxes that are not page decoration."""
    tables, lone = find_boxes(content.segments)
    groups = list(tables)
    for cell in lone:
        x0, top, x1, bottom = cell
        # A lone box around most of the page is a decorative frame, not a table.
        if not (x1 - x0 > 0.8 * content.width and bottom - top > 0.7 * content.height):
            groups.append([cell])
    grids = [_grid(cells) for cells in groups]
    return [grid for grid in grids if grid is not None]


def _repeats_one_text(grid: _Grid) -> bool:
    """Whether every cell with text holds the same text, in two cells or more: what a grid of
    decoration boxes laid over running text gives, never a table."""
    unordered = ["".join(c.text for c in cell) for cell in grid.chars]
    if len({len(text) for text in unordered if text.strip()}) > 1:
        return False  # texts of unequal lengths, told before the characters are put in order
    texts = [
        "".join(c.text for c in sorted(cell, key=lambda c: (c.top, c.x0))) for cell in grid.chars
    ]
    filled = [text for text in texts if text.strip()]
    return len(filled) >= 2 and len(set(filled)) == 1


def _grid(cells: list[tuple]) -> _Grid | None:
    xs = distinct([c[0] for c in cells] + [c[2] for c in cells], _SAME_X)
    ys = distinct([c[1] for c in cells] + [c[3] for c in cells], _SAME_X)
    if len(xs) < 2 or len(ys) < 2:
        return None
    owner: dict[tuple[int, int], int] = {}
    spans = []
    for k, (x0, top, x1, bottom) in enumerate(cells):
        c0, c1 = bisect_right(xs, x0 + _SAME_X) - 1, bisect_right(xs, x1 + _SAME_X) - 1
        r0, r1 = bisect_right(ys, top + _SAME_X) - 1, bisect_right(ys, bottom + _SAME_X) - 1
        spans.append((r0, r1, c0, c1))
        for r in range(r0, r1):
            for c in range(c0, c1):
                owner[(r, c)] = k
    return _Grid(list(cells), xs, ys, owner, spans, [[] for _ in cells])


def _cell_chars(char: Char, grids: list[_Grid]) -> list[Char] | None:
    """The character list of the table cell whose slot holds the character's centre, if any."""
    x = (char.x0 + char.x1) / 2
    y = (char.top + char.bottom) / 2
    for grid in grids:
        if grid.xs[0] <= x < grid.xs[-1] and grid.ys[0] <= y < grid.ys[-1]:
            k = grid.owner.get((bisect_right(grid.ys, y) - 1, bisect_right(grid.xs, x) - 1))
            return None if k is None else grid.chars[k]
    return None


def _table(grid: _Grid, page: int) -> _Table:
    """The rows of one table part, merged slots marked the way Word text dumps show them."""
    boxes = []
    for (r0, r1, c0, c1), chars, (x0, _top, x1, _bottom) in zip(
        grid.spans, grid.chars, grid.cells, strict=True
    ):
        lines = _lines(chars, page)
        # Cell padding is not in the PDF; the left one shows where the text starts, and the
        # right one is taken to be the same.
        padding = max(0.0, min(line.x0 for line in lines) - x0) if lines else 0.0
        boxes.append(_Box("", x0, x1, page, lines, x1 - padding, rowspan=r1 - r0, colspan=c1 - c0))
    rows: list[list[_Box]] = []
    for r in range(len(grid.ys) - 1):
        row: list[_Box] = []
        for c in range(len(grid.xs) - 1):
            k = grid.owner.get((r, c))
            if k is None:
                row.append(_Box("", grid.xs[c], grid.xs[c + 1], page))
                continue
            r0, _r1, c0, _c1 = grid.spans[k]
            if c != c0:
                continue  # the right-hand part of a horizontally merged cell
            box = boxes[k]
            if r == r0:
                row.append(box)
            else:
                row.append(
                    _Box("", box.x0, box.x1, page, colspan=box.colspan, merged=True, anchor=box)
                )
        if any(not box.merged for box in row):
            rows.append(row)
        else:
            # A grid row made only of covered slots comes from a ruling that stops part-way
            # across; Word has no such row, so the covering cells span one row less.
            for box in row:
                if box.anchor is not None:
                    box.anchor.rowspan -= 1
    return _Table(page, grid.xs[0], grid.ys[0], grid.xs[-1], grid.ys[-1], grid.xs, rows)


def _settle_cells(pages: list[_Page]) -> None:
    """Give every cell its text, once the spacing of lines in cells is known document-wide."""
    boxes = [
        box
        for page in pages
        for table in page.tables
        for row in table.rows
        for box in row
        if box.lines
    ]
    spacing = _spacing(
        (above, below, box.right) for box in boxes for above, below in pairwise(box.lines)
    )
    for box in boxes:
        parts = [box.lines[0].text]
        for above, below in pairwise(box.lines):
            parts.append(
                _glue(above.text, below.text) if _wraps(above, below, box.right, spacing) else "\n"
            )
            parts.append(below.text)
        box.text = "".join(parts)


# --- characters to lines ----------------------------------------------------------------------


_TOP = attrgetter("top")
_X0 = attrgetter("x0")
_SIZE = attrgetter("size")


def _unstacked(chars: list[Char]) -> list[Char]:
    """The characters with one that stands beside two lines of smaller ones (文件 set across the
    organs of a joint 发文机关标志, stacked at its left) moved onto the lower of those lines, so
    that its height does not glue the lines beside it into one."""
    sizes = {char.size for char in chars}
    if len(sizes) < 2:
        return chars
    smallest = min(sizes)
    by_middle = sorted(chars, key=_middle)
    middles = [_middle(char) for char in by_middle]
    out = []
    for char in chars:
        if char.size > smallest * _STACKED_SIZE:
            beside = [
                other
                for other in by_middle[
                    bisect_right(middles, char.top) : bisect_right(middles, char.bottom)
                ]
                if other.size * _STACKED_SIZE < char.size and other.x1 <= char.x0
            ]
            if beside and _middle(beside[-1]) - _middle(beside[0]) > beside[-1].size / 2:
                char = replace(char, top=beside[-1].top, bottom=beside[-1].bottom)
        out.append(char)
    return out


def _middle(char: Char) -> float:
    return (char.top + char.bottom) / 2


def _lines(chars: list[Char], page: int) -> list[_Line]:
    """Visual lines, top to bottom: characters whose vertical centres fall in a line's band."""
    groups: list[list[Char]] = []
    group: list[Char] = []
    top = bottom = 0.0
    for char in sorted(chars, key=_TOP):
        if group and top <= (char.top + char.bottom) / 2 <= bottom:
            group.append(char)
            if char.bottom > bottom:
                bottom = char.bottom
        else:
            group = [char]
            groups.append(group)
            top, bottom = char.top, char.bottom
    lines = (_line(sorted(group, key=_X0), page) for group in groups)
    return [line for line in lines if line is not None]


def _line(chars: list[Char], page: int) -> _Line | None:
    """One line's text and geometry from its characters in left-to-right order."""
    out: list[str] = []
    kept: list[Char] = []
    pending_space = False
    previous: Char | None = None
    blanks: list[tuple[float, float]] = []
    right = bottom = -1e9
    top = 1e9
    for char in chars:
        text = char.text
        if not text or text.isspace():
            pending_space = True
            continue
        if previous is not None:
            if text == previous.text and abs(char.x0 - previous.x0) < 0.5:
                continue  # the same glyph printed twice over itself (fake bold)
            gap = char.x0 - previous.x1
            size = char.size
            if gap > _BLANK_GAP * size:
                out.append(" ")
                blanks.append((previous.x1, char.x0))
            # `< _WIDE`: neither side is wide (`_is_wide`), inlined as this runs per character
            elif (
                (pending_space or gap > _SPACE_GAP * size)
                and out[-1][-1] < _WIDE
                and text[0] < _WIDE
            ):
                out.append(" ")
        out.append(text)
        kept.append(char)
        previous = char
        pending_space = False
        if char.x1 > right:
            right = char.x1
        if char.top < top:
            top = char.top
        if char.bottom > bottom:
            bottom = char.bottom
    if not kept:
        return None
    return _Line(
        text="".join(out),
        x0=kept[0].x0,
        x1=right,
        top=top,
        bottom=bottom,
        size=_most_common(list(map(_SIZE, kept))),
        lead=_lead(kept),
        page=page,
        blanks=tuple(blanks),
    )


def _most_common(values: list[float]) -> float:
    """The value found most often, the first of those tied; most lines are in one size, which
    one count settles without a Counter."""
    if values.count(values[0]) == len(values):
        return values[0]
    return Counter(values).most_common(1)[0][0]


def _lead(chars: list[Char]) -> float:
    """Width of the line's first unit a renderer cannot break: a CJK character or a Latin word,
    with the opening punctuation and glued marks around it and the closing punctuation after
    it."""
    i = 0
    while i < len(chars) - 1 and (chars[i].text in _NO_END or chars[i].text in _GLUED):
        i += 1
    j = i
    if not _is_wide(chars[i].text[0]):
        while (
            j + 1 < len(chars)
            and not _is_wide(chars[j + 1].text[0])
            and chars[j + 1].x0 - chars[j].x1 <= _SPACE_GAP * chars[j + 1].size
        ):
            j += 1
    while j + 1 < len(chars):
        following, current = chars[j + 1].text, chars[j].text
        if following in _NO_START or following in _GLUED or current in _NO_END or current in _GLUED:
            j += 1
        else:
            break
    return chars[j].x1 - chars[0].x0


def _room(line: _Line, following: _Line, right: float) -> float:
    """How much wider than the next line's first unit the space left at the line's end is."""
    slack = 0.1 * line.size
    if _is_wide(line.text[-1]) != _is_wide(following.text[0]):
        # Renderers put extra space between CJK and Latin text (Word's and LibreOffice's
        # "autospace"), so a unit across that boundary needs room beyond its own width.
        slack += 0.3 * line.size
    return right - line.x1 - following.lead - slack


def _fills(line: _Line, following: _Line, right: float) -> bool:
    """Whether the line ends where the next line's first unit would no longer have fitted."""
    return _room(line, following, right) < 0


def _spacing(pairs) -> _Spacing:
    """Line spacing of a flow, from its (line, next line on the same page, right edge) triples.

    The in-paragraph pitch of a font size is measured between lines that plainly wrap (the first
    fills its column); the flow spaces its paragraphs when lines after plain paragraph ends
    (three characters or more short of the edge) usually follow at a clearly larger distance.
    """
    wrapped: dict[float, list[float]] = {}
    ended: dict[float, list[float]] = {}
    for above, below, right in pairs:
        if above.size != below.size or above.page != below.page:
            continue
        step = below.top - above.top
        if _fills(above, below, right):
            wrapped.setdefault(above.size, []).append(step)
        elif right - above.x1 > 3 * above.size:
            ended.setdefault(above.size, []).append(step)
    spacing = _Spacing()
    for size, steps in wrapped.items():
        if len(steps) < 2:
            # one pair is no measure: on a page of a few lines, the longest line sets the right
            # edge, so a title "fills" it and the distance to whatever follows passes for a pitch
            continue
        pitch = spacing.pitch[size] = median(steps)
        ends = ended.get(size, [])
        spacing.spaced[size] = len(ends) >= 3 and median(ends) > pitch * 1.15 + 1
    return spacing


def _wraps(line: _Line, following: _Line, right: float, spacing: _Spacing) -> bool:
    """Whether `following` carries on the text of `line` rather than starting a new paragraph,
    judged by where `line` ends, what `following` starts with and the distance between them."""
    size = line.size
    if abs(following.size - size) > 0.5 or opens_block(following.text):
        return False
    room = _room(line, following, right)
    if starts_paragraph(following.text) and (room >= 0 or line.text[-1] in _SENTENCE_END):
        return False
    pitch = spacing.pitch.get(size)
    if following.page != line.page or following.top < line.top:
        return room < 0  # on at the top of the next page or column
    if pitch is None:
        # No wrapped lines of this size to measure its pitch on (a title, a short OCR'd page):
        # a line further down than double spacing does not carry on this one.
        return room < 0 and following.top - line.top <= _UNMEASURED_PITCH * size
    step = following.top - line.top
    if step > pitch * 1.3 + 1:
        return False
    if spacing.spaced[size] and abs(step - pitch) <= 1:
        return room < _SPACED_SLACK * size
    return room < 0


def _glue(before: str, after: str) -> str:
    """What goes between two pieces of wrapped text: a space only between two Latin words
    (Latin text wraps at a space, which the line break swallowed, or after a hyphen or slash,
    which takes none)."""
    if not (before and after) or _is_wide(before[-1]) or _is_wide(after[0]):
        return ""
    if before[-1].isalnum() or before[-1] in _LATIN_WORD_END:
        return " "
    return ""


# --- headers and footers ----------------------------------------------------------------------


def _drop_running_lines(pages: list[_Page]) -> None:
    """Remove page numbers, running headers and footers from each page's lines."""

    def candidates(page: _Page) -> list[_Line]:
        top_band, bottom_band = _BAND * page.height, (1 - _BAND) * page.height
        first_table = min((t.top for t in page.tables), default=page.height)
        last_table = max((t.bottom for t in page.tables), default=0.0)
        head = [
            ln
            for ln in page.lines[:_BAND_LINES]
            if ln.bottom <= top_band and ln.bottom <= first_table
        ]
        tail = [
            ln for ln in page.lines[-_BAND_LINES:] if ln.top >= bottom_band and ln.top >= last_table
        ]
        last = page.lines[-1] if page.lines else None
        if (
            last is not None
            and last not in tail
            and last.top >= _NUMBER_BAND * page.height
            and last.top >= last_table
            and _PAGE_NUMBER.match(last.text.strip())
        ):
            tail.append(last)  # a page number printed above the band, under the text
        return head + [ln for ln in tail if ln not in head]

    def shape(line: _Line) -> str:
        return re.sub(r"\d+", "#", "".join(line.text.split()))

    per_page = [candidates(page) for page in pages]
    seen = Counter(text for lines in per_page for text in {shape(line) for line in lines})
    repeated = {text for text, count in seen.items() if count >= 2 and count >= len(pages) / 2}
    for page, lines in zip(pages, per_page, strict=True):
        drop = {
            id(line)
            for line in lines
            if _PAGE_NUMBER.match(line.text.strip()) or shape(line) in repeated
        }
        if drop:
            page.lines = [line for line in page.lines if id(line) not in drop]


# --- bands of two or three columns -----------------------------------------------------------


def _read_columns(pages: list[_Page]) -> None:
    """Read the bands of columns of the pages (`pdf_columns`) column by column. The bands that
    show columns on their own evidence are found first; then every page is looked at again
    for bands with their gutters."""

    def bands(page: _Page, known: set[Gutters]) -> list[Band]:
        if not page.chars:
            return []  # OCR'd lines have no characters to set again
        cuts = [(t.x0, t.top, t.x1, t.bottom) for t in page.tables]
        return column_bands(page.lines, cuts, known)

    found = [bands(page, set()) for page in pages]
    known = {band.gutters for page_bands in found for band in page_bands}
    if not known:
        return
    for page in pages:
        _read_page_columns(page, bands(page, known))


def _read_page_columns(page: _Page, bands: list[Band]) -> None:
    """Set the characters of the page's bands of columns into lines again, each column's apart,
    and put the page's lines in reading order (each band where it stands, its columns left to
    right), numbered again in that order after the running head's lines."""
    if not bands:
        return
    kept = [line for line in page.lines if _band_of(line, bands) is None]
    gutters = {id(band): tuple(map(round, band.middles)) for band in bands}
    sides: dict[_Column, list[Char]] = {}
    for char in page.chars:
        band = _band_of(char, bands)
        if band is not None:
            column = _Column(band.top, band.side((char.x0 + char.x1) / 2), gutters[id(band)])
            sides.setdefault(column, []).append(char)
    for column, chars in sides.items():
        for line in _lines(chars, page.number):
            line.column = column
            kept.append(line)
    for table in page.tables:
        band = _band_of(table, bands)
        if band is not None:
            table.column = _Column(band.top, band.side(table.x0), gutters[id(band)])
    first = page.lines[0].number if page.lines else 1
    page.lines = sorted(kept, key=_reading_order)
    for number, line in enumerate(page.lines, first):
        line.number = number


def _band_of(item: Char | _Line | _Table, bands: list[Band]) -> Band | None:
    """The band whose height holds the middle of the item's."""
    middle = (item.top + item.bottom) / 2
    return next((band for band in bands if band.top <= middle <= band.bottom), None)


def _reading_order(item: _Line | _Table) -> tuple[float, int, float]:
    """Top to bottom, except that a band of columns is read where it starts, column by column."""
    if item.column is None:
        return (item.top, 0, item.top)
    return (item.column.band, item.column.side, item.top)


def _layout(line: _Line) -> tuple[int, tuple[int, ...]] | tuple[()]:
    """Which text column of its page the line is set in: the page's own, or a column of a
    band of columns (pages with the same gutters share it)."""
    return () if line.column is None else (line.column.side, line.column.gutters)


# --- tables without ruling lines ---------------------------------------------------------------


def _read_borderless(pages: list[_Page]) -> None:
    """Make the borderless tables among each page's lines (`pdf_borderless`) tables of the page:
    their lines leave the running text, and the lines after them are numbered again. A table
    the page break cut is looked for in the lines at the foot of a page followed by those at
    the head of the next; its rows there extend it as a ruled table's continued rows do."""
    taken: list[set[int]] = [set() for _ in pages]
    for index, page in enumerate(pages):
        head = _next_head(page, pages[index + 1]) if index + 1 < len(pages) else []
        if page.chars and (head or sum(len(line.blanks) >= 2 for line in page.lines) >= 3):
            # OCR'd lines have no characters; most pages have no candidate lines
            runs = [
                [line for line in run if id(line) not in taken[index]] for run in _text_runs(page)
            ]
            for k, run in enumerate(runs):
                following = head if k == len(runs) - 1 else []
                _take_tables(run, following, page, pages[index + 1 : index + 2], taken, index)
        if taken[index]:
            removed = sorted(line.number for line in page.lines if id(line) in taken[index])
            page.lines = [line for line in page.lines if id(line) not in taken[index]]
            for line in page.lines:
                line.number -= bisect_right(removed, line.number)


def _take_tables(
    run: list[_Line],
    head: list[_Line],
    page: _Page,
    following: list[_Page],
    taken: list[set[int]],
    index: int,
) -> None:
    """The borderless tables of one run of a page's lines; `head`, the first lines of the next
    page (`following`), set under the run's last line when a table may carry on there."""
    skipped = head[:1] if head and run and head[0].text in {line.text for line in run} else []
    head = head[len(skipped) :]  # without a header repeated over the rows
    tables = borderless_tables(run, partial(_named_columns, run))
    lines = run
    if head and run:
        shift = run[-1].top + BREAK_PITCH * head[0].size - head[0].top
        lines = run + [
            replace(line, top=line.top + shift, bottom=line.bottom + shift) for line in head
        ]
        # A table read across the break stands for the tables of the run it overlaps; when
        # the next page's lines spoil it, the run's tables are read alone.
        across = [
            found
            for found in borderless_tables(lines, partial(_named_columns, lines))
            if found.start < len(run) < found.stop
        ]
        if across:
            tables = [found for found in tables if found.stop <= across[0].start] + across[:1]
    for found in tables:
        table = _borderless_table(_part(found, 0, len(run)), run, page)
        if _contents_list(table, run[found.start - 1] if found.start else None):
            continue
        page.tables.append(table)
        taken[index].update(id(line) for line in run[found.start : found.stop])
        if found.stop > len(run):
            rest = _part(found, len(run), len(lines))
            _extend_table(table, _borderless_table(rest, head, following[0]))
            taken[index + 1].update(id(line) for line in skipped + head[: rest.stop])


def _contents_list(table: _Table, above: _Line | None) -> bool:
    """Whether a borderless table is a table of contents set without leaders (第一章  总则  1):
    a page number ends every row, in order, and a contents title (目录) stands right above it
    or every row opens with a heading number alone in its cell (第一章, 一、; not 1, which a
    table's 序号 is). Its lines stay lines, which the contents rule of `normalize` takes out."""
    pages = [row[-1].text.strip() for row in table.rows]
    if not all(page.isdigit() and len(page) <= 3 for page in pages):
        return False
    if [int(page) for page in pages] != sorted(int(page) for page in pages):
        return False
    if above is not None and "".join(above.text.split()) in rules().contents.titles:
        return True
    heads = [numbered(row[0].text.strip()) for row in table.rows]
    return all(
        head is not None and not head.rest and not head.number[:1].isdecimal() for head in heads
    )


def _part(found: Borderless, start: int, stop: int) -> Borderless:
    """The rows of `found` among lines[start:stop], indexed from `start`."""
    return replace(
        found,
        start=max(found.start, start) - start,
        stop=min(found.stop, stop) - start,
        rows=tuple(
            tuple(line - start for line in row) for row in found.rows if start <= row[0] < stop
        ),
    )


def _next_head(page: _Page, following: _Page) -> list[_Line]:
    """The first run of lines of the following page when a borderless table at the foot of
    `page` may carry on there: a line with blanks ends the page and opens the next (after a
    repeated header), and no ruled table stands under the one or over the other."""
    if not (page.lines and following.lines and following.chars):
        return []
    if not any(line.blanks for line in page.lines[-2:]):
        return []
    if any(table.top > page.lines[-1].bottom for table in page.tables):
        return []
    head = next(_text_runs(following), [])
    if not any(line.blanks for line in head[:2]):
        return []
    if any(table.bottom < head[0].top for table in following.tables):
        return []
    return head


def _named_columns(lines: list[_Line], index: int) -> bool:
    """Whether the cells of `lines[index]` are mostly known column names (a borderless table's
    header)."""
    cells = lines[index].text.split()
    known = sum(map(known_header, cells))
    return known >= 2 and 2 * known > len(cells)


def _text_runs(page: _Page) -> Iterator[list[_Line]]:
    """The page's lines cut into runs of consecutive lines of one text column with no ruled
    table between them."""
    tops = sorted(table.top for table in page.tables)
    run: list[_Line] = []
    for line in page.lines:
        if run and (
            line.column != run[-1].column
            or bisect_right(tops, run[-1].top) != bisect_right(tops, line.top)
        ):
            yield run
            run = []
        run.append(line)
    if run:
        yield run


def _borderless_table(found: Borderless, lines: list[_Line], page: _Page) -> _Table:
    """The table of a borderless run: each cell's characters are those of its row's lines that
    stand in its column; the wrapped lines of a cell are joined as the renderer wrapped them."""
    table_lines = lines[found.start : found.stop]
    x0 = min(line.x0 for line in table_lines)
    x1 = max(line.x1 for line in table_lines)
    edges = [x0, *found.boundaries, x1]
    rows = []
    for row in found.rows:
        cells: list[list[Char]] = [[] for _ in range(len(edges) - 1)]
        for line in (lines[index] for index in row):
            for char in page.chars:
                middle = (char.x0 + char.x1) / 2
                if line.top <= _middle(char) <= line.bottom and line.x0 <= middle <= line.x1:
                    cells[bisect_right(found.boundaries, middle)].append(char)
        boxes = []
        for left, right, chars in zip(edges, edges[1:], cells, strict=False):
            box = _Box("", left, right, page.number, _lines(chars, page.number), right)
            texts = [line.text for line in box.lines]
            box.text = "".join(
                [texts[0], *(_glue(a, b) + b for a, b in pairwise(texts))] if texts else []
            )
            boxes.append(box)
        rows.append(boxes)
    table = _Table(page.number, x0, table_lines[0].top, x1, table_lines[-1].bottom, edges, rows)
    table.column = table_lines[0].column
    return table


# --- blocks -----------------------------------------------------------------------------------


def _blocks(pages: list[_Page], name: str) -> list[Paragraph | TableBlock]:
    """Paragraphs and tables of the whole document, joined across lines and pages."""
    edges, spacing = _columns(pages)
    blocks: list[Paragraph | TableBlock] = []
    paragraph: list[_Line] = []
    table: _Table | None = None
    for page in pages:
        items: list[_Line | _Table] = [*page.lines, *page.tables]
        for item in sorted(items, key=_reading_order):
            if isinstance(item, _Table):
                if paragraph:
                    blocks.append(_paragraph(paragraph, name))
                    paragraph = []
                if table is not None and _continues_table(table, item):
                    _extend_table(table, item)
                else:
                    if table is not None:
                        blocks.append(_table_block(table, name))
                    table = item
            else:
                if table is not None:
                    blocks.append(_table_block(table, name))
                    table = None
                if not (paragraph and _continues_paragraph(paragraph, item, edges, spacing)):
                    if paragraph:
                        blocks.append(_paragraph(paragraph, name))
                    paragraph = []
                paragraph.append(item)
    if paragraph:
        blocks.append(_paragraph(paragraph, name))
    if table is not None:
        blocks.append(_table_block(table, name))
    return blocks


_Edges = dict[tuple[int, tuple], tuple[float, float]]


def _columns(pages: list[_Page]) -> tuple[_Edges, _Spacing]:
    """The left and right edge of each text column, by page number and `_layout`, and the body
    text's line spacing.

    Pages of one width share a column, and so do the first (second, third) columns of bands
    with the same gutters on pages of one width. The left edge is the leftmost position at which
    at least two lines start (one stray line cannot move it); the right edge is where the
    longest line ends.
    """
    starts: dict[tuple, Counter] = {}
    ends: dict[tuple, float] = {}
    shared_by: dict[tuple[int, tuple], tuple] = {}  # (page number, layout): shared column key
    for page in pages:
        width = round(page.width)
        for line in page.lines:
            layout = _layout(line)
            key = shared_by[(page.number, layout)] = (width, *layout)
            starts.setdefault(key, Counter())[round(line.x0)] += 1
            ends[key] = max(ends.get(key, 0.0), line.x1)
    shared = {}
    for key, counter in starts.items():
        common = [x for x, n in counter.items() if n >= 2] or list(counter)
        shared[key] = (float(min(common)), ends[key])
    edges = {place: shared[key] for place, key in shared_by.items()}
    pairs = []
    for page in pages:
        for above, below in pairwise(page.lines):
            left, right = edges[(page.number, _layout(above))]
            if above.column == below.column and _in_column(above, below, left, True, left):
                pairs.append((above, below, right))
    return edges, _spacing(pairs)


def _in_column(line: _Line, following: _Line, left: float, first: bool, next_left: float) -> bool:
    """Whether two lines sit in their text columns the way wrapped lines do: the first at its
    column's left edge `left` (indented by up to three characters if it opens its paragraph),
    the next at its column's edge `next_left`.

    A centred or right-aligned line that happens to reach the right edge is not wrapped text.
    """
    allowed = left + 3 * line.size if first else left
    return line.x0 <= allowed + _SAME_X and following.x0 <= next_left + _SAME_X


def _continues_paragraph(
    paragraph: list[_Line], line: _Line, edges: _Edges, spacing: _Spacing
) -> bool:
    """Whether `line` is the renderer's continuation of the paragraph's last line: under it in
    its column, or at the top of the next column or page."""
    last = paragraph[-1]
    left, right = edges[(last.page, _layout(last))]
    if _centred_wrap(last, line, left, right):
        return True
    next_left = edges[(line.page, _layout(line))][0]
    if _layout(line) == _layout(last):
        next_left = min(left, next_left)  # the same column on pages of another width
    if not _in_column(last, line, left, len(paragraph) == 1, next_left):
        return False
    return _wraps(last, line, right, spacing)


def _centred_wrap(line: _Line, following: _Line, left: float, right: float) -> bool:
    """Whether two centred lines are one centred paragraph the renderer wrapped (a title, or a
    发文机关标志 too long for its line: 某某市某某区人民政府办公室文 / 件): the same size, at
    about the font's line pitch, and the first so wide that the next line's first unit would
    not have fitted beside it. A short centred line over another (an issuer over its title) is
    the author's break."""
    if (
        abs(following.size - line.size) > 0.5
        or following.page != line.page
        or following.column != line.column
    ):
        return False
    middle = (left + right) / 2
    if any(abs((x.x0 + x.x1) / 2 - middle) > x.size for x in (line, following)):
        return False
    if following.top - line.top > _CENTRED_PITCH * line.size or opens_block(following.text):
        return False
    # the room a centred line leaves is split between its two ends
    return _room(line, following, right + line.x0 - left) < 0


def _paragraph(lines: list[_Line], name: str) -> Paragraph:
    parts = [lines[0].text]
    for before, after in pairwise(lines):
        parts.append(_glue(before.text, after.text))
        parts.append(after.text)
    first = lines[0]
    here = [line for line in lines if line.page == first.page]
    prov = Provenance(file=name, page=first.page, lines=(first.number, here[-1].number))
    if first.confidence is not None:
        prov.box = (
            round(min(line.x0 for line in here), 1),
            round(min(line.top for line in here), 1),
            round(max(line.x1 for line in here), 1),
            round(max(line.bottom for line in here), 1),
        )
        prov.confidence = min(line.confidence or 0.0 for line in lines)
    return Paragraph("".join(parts), prov)


# --- tables across pages ----------------------------------------------------------------------


def _continues_table(table: _Table, part: _Table) -> bool:
    """Whether `part`, first on its page, carries on `table`, last on the previous page."""
    if part.page != table.last_page + 1:
        return False
    if abs(part.x0 - table.x0) > _SAME_X or abs(part.x1 - table.x1) > _SAME_X:
        return False
    fewer, more = sorted((table.columns, part.columns), key=len)
    return all(any(abs(x - y) <= _SAME_X for y in more) for x in fewer)


def _extend_table(table: _Table, part: _Table) -> None:
    """Append a continuation part: repeated headers dropped, a split row put back together."""
    rows = part.rows
    texts = [[box.text for box in row] for row in table.rows[:3]]
    for k in range(min(3, len(rows), len(table.rows)), 0, -1):
        if [[box.text for box in row] for row in rows[:k]] == texts[:k]:
            rows = rows[k:]
            break
    if rows and table.rows:
        if _rejoin_split_row(table.rows[-1], rows[0], single=len(table.columns) == 2):
            rows = rows[1:]
        else:
            _carry_merges(table.rows[-1], rows[0])
    table.rows.extend(rows)
    table.bottom = part.bottom
    table.last_page = part.page


def _anchor(box: _Box) -> _Box | None:
    """The cell whose text a slot shows: itself, or the first cell of the merge covering it
    (which may have started pages earlier)."""
    found: _Box | None = box
    while found is not None and found.merged:
        found = found.anchor
    return found


def _counterpart(box: _Box, row: list[_Box]) -> _Box | None:
    return next((other for other in row if abs(other.x0 - box.x0) <= _SAME_X), None)


def _rejoin_split_row(above: list[_Box], below: list[_Box], single: bool) -> bool:
    """Merge `below` into `above` when it is the rest of a row the page break cut in two.

    In a one-column table that is taken for granted (Word lets a boxed 专栏 run over pages).
    Otherwise some cell of `above` must end in a full line and go on in `below`, and no cell of
    `below` may start something next to a finished cell of `above`.
    """
    pairs = []
    for box in below:
        match = _counterpart(box, above)
        if match is None:
            return False
        pairs.append((match, box))
    if not single:
        carried = False
        for top, bottom in pairs:
            if not bottom.lines:
                continue
            if top.lines and _fills(top.lines[-1], bottom.lines[0], top.right):
                carried = True
            elif top.lines or top.merged:
                return False
        if not carried:
            return False
    for top, bottom in pairs:
        if not bottom.lines:
            # An empty cell reaching further down the new page carries on a merged cell.
            anchor = _anchor(top)
            if bottom.rowspan > 1 and anchor is not None and anchor.text:
                anchor.rowspan += bottom.rowspan - 1
                bottom.merged, bottom.anchor = True, anchor
            continue
        if top.lines:
            wrapped = _fills(top.lines[-1], bottom.lines[0], top.right)
            top.text += (_glue(top.text, bottom.text) if wrapped else "\n") + bottom.text
        else:
            top.text = bottom.text
        top.lines = top.lines + bottom.lines
        top.right = bottom.right
    return True


def _carry_merges(above: list[_Box], below: list[_Box]) -> None:
    """A merged cell that runs over the page break shows as an empty cell on the new page:
    mark it as the covered slot it is.

    That is taken to be the case below a merged cell that already covers slots on the first
    page, and below any cell with text when the empty cell spans several rows; a single empty
    cell under the last row may just be empty.
    """
    for box in below:
        match = _counterpart(box, above)
        if box.lines or box.merged or match is None:
            continue
        anchor = _anchor(match)
        if anchor is not None and anchor.text and (match.merged or box.rowspan > 1):
            box.merged, box.anchor = True, anchor
            anchor.rowspan += box.rowspan


def _table_block(table: _Table, name: str) -> TableBlock:
    rows = []
    for r, row in enumerate(table.rows):
        cells = []
        for c, box in enumerate(row):
            prov = Provenance(file=name, page=box.page, table_row=r, table_col=c)
            rowspan = 1 if box.merged else box.rowspan
            cells.append(
                Cell(box.text, prov, rowspan=rowspan, colspan=box.colspan, merged=box.merged)
            )
        rows.append(cells)
    return TableBlock(rows, Provenance(file=name, page=table.page))
