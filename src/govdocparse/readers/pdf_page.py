"""What PDFium (through pypdfium2) gives for a PDF: the document, opened with typed errors, and for
each page its characters with their boxes and its visible straight ruling segments.

Coordinates are in points from the top-left corner (y grows downwards) of the page as it is
shown, its /Rotate applied (`_Turn`), as the layout code expects. A character's box runs
horizontally from its origin to the end of its advance and vertically over its font's ascent
and descent (PDFium's "loose" box); its `size` is the font size in effect, text matrix
included. Characters PDFium generates (spaces and line breaks it
infers from gaps) are left out, and so are characters not set upright (rotated by more than
about a degree, mirrored): stamps, watermarks and vertical margin notes. A page whose text is
mostly set sideways or upside down (a landscape sheet put on portrait paper with no /Rotate) is
read as a reader turns it: as if its /Rotate said so.

Ruling segments are the straight horizontal and vertical pieces of path objects that show on
the page: stroked in a colour other than white, or filled in a colour other than white. White
fills are what office suites paint behind paragraphs (LibreOffice's export of a WPS document
boxes every paragraph so) and are not lines anyone sees. Curves are ignored.

PDFium is reached through pypdfium2's raw ctypes binding; the calls made per character and per
page object get prototypes of their own without argument types (`_fast`), which cuts their
cost by a third.
"""

from __future__ import annotations

import ctypes
import re
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from itertools import repeat
from operator import itemgetter

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..errors import CorruptFileError, EncryptedFileError

# How far (in points) a segment may lean and still count as horizontal or vertical.
_STRAIGHT = 0.5
# A colour channel at least this bright on all three channels is white.
_WHITE = 250
# The text matrix's shear or rotation share beyond which a character is not upright (~1°).
_UPRIGHT = 0.02
# Loose boxes of one run differ by a few tenths of a point from glyph to glyph in some fonts;
# a change of font size by half a point changes their height by more than this.
_SAME_HEIGHT = 0.3
_SAME_LINE = 1.0
_MAX_FORM_DEPTH = 8
_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
# What PDFium inserts between text objects when it sees a gap or a new line.
_GENERATED = frozenset(" \r\n")


class _Pointer(ctypes.c_void_p):
    """A pointer PDFium returns, kept as a ctypes object: ctypes hands a subclass of c_void_p
    back unconverted, so it goes into the next call as it is."""


def _fast(function, restype):
    """A prototype of a PDFium function without argument types, for calls made per character
    or per page object. ctypes then passes ctypes objects as they are and Python ints as C ints,
    with no conversion or checks: a third cheaper a call. Callers pass every pointer as a
    c_void_p; the index arguments of these functions are C ints."""
    address = ctypes.cast(function, ctypes.c_void_p).value or 0
    return ctypes.CFUNCTYPE(restype)(address)


_text_object_of = _fast(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)
_char_matrix = _fast(pdfium_c.FPDFText_GetMatrix, ctypes.c_int)
_font_size = _fast(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)
_object_at = _fast(pdfium_c.FPDFPage_GetObject, _Pointer)
_form_object_at = _fast(pdfium_c.FPDFFormObj_GetObject, _Pointer)
_object_type = _fast(pdfium_c.FPDFPageObj_GetType, ctypes.c_int)
_loose_box = _fast(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int)


@dataclass(slots=True)
class Char:
    """One character as set on the page."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@dataclass(slots=True)
class Segment:
    """A straight horizontal (`top == bottom`) or vertical (`x0 == x1`) ruling segment."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return self.top == self.bottom


@dataclass
class PageContent:
    number: int
    width: float
    height: float
    text: str = ""  # the text layer as PDFium extracts it, spaces and line breaks inferred
    chars: list[Char] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    images: int = 0
    image_cover: float = 0.0  # share of the page the largest image covers
    curves: int = 0  # visible paths with curves in them (glyph outlines, seals, logos)


# --- the document -----------------------------------------------------------------------------


def open_document(data: bytes, path: str) -> pdfium.PdfDocument:
    """The PDF opened by PDFium, or the typed error that says why it cannot be."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise EncryptedFileError(
                path, "encrypted PDF: a password is needed to open it"
            ) from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise EncryptedFileError(
                path, "encrypted PDF that cannot be decrypted: unsupported security handler"
            ) from None
        raise CorruptFileError(path, f"damaged PDF: {_damage(data)}") from None


def _damage(data: bytes) -> str:
    """What is wrong with bytes PDFium refused, as far as a look at them tells."""
    if not re.search(rb"\d+\s+\d+\s+obj\b", data):
        return "no document catalog (not really a PDF, or truncated)"
    if b"%%EOF" not in data[-1024:]:
        return "the file ends unexpectedly (truncated?)"
    return "PDFium cannot parse its structure"


_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_XREF_ENTRY = re.compile(rb"xref\s+(\d+)\s+(\d+)\s+((?:\d{10} \d{5} [nf]\s*){1,64})")


def xref_damaged(data: bytes) -> bool:
    """Whether the cross-reference data is unusable, so that PDFium had to rebuild it by scanning
    the file: `startxref` does not point at a cross-reference table or stream, or the table's
    first entries do not point at the objects they name."""
    match = _STARTXREF.search(data[-1024:])
    if match is None:
        return True
    offset = int(match.group(1))
    if offset >= len(data):
        return True
    head = data[offset : offset + 4096]
    if re.match(rb"\s*\d+\s+\d+\s+obj\b", head):
        return False  # a cross-reference stream (PDF 1.5+), which PDFium checks itself
    table = _XREF_ENTRY.match(head.lstrip())
    if table is None:
        return True
    first = int(table.group(1))
    entries = re.findall(rb"(\d{10}) \d{5} ([nf])", table.group(3))
    for number, (entry, kind) in enumerate(entries, first):
        position = int(entry)
        where = data[position : position + 32]
        if kind == b"n" and not re.match(rb"\s*%d\s+\d+\s+obj\b" % number, where):
            return True
    return False


# --- one page ---------------------------------------------------------------------------------


def read_page(page: pdfium.PdfPage, number: int) -> PageContent:
    """The characters, ruling segments and image count of one page, as the page is shown, or,
    when its text is set sideways, as a reader turns it to read it."""
    # The page as shown: its media box, inherited from the page tree when the page has none (a
    # /MediaBox only on /Pages, as some generators write it; `get_mediabox` then falls back to US
    # Letter), cut to its crop box.
    left, bottom, right, top = page.get_bbox()
    turn = _Turn(page.get_rotation() // 90 % 4, right - left, top - bottom)
    textpage = page.get_textpage()
    try:
        text, chars, sideways = _chars(textpage, left, top, turn.quarters)
        turns, count = max(sideways.items(), key=itemgetter(1), default=(0, 0))
        if count > 2 * len(chars):
            # A landscape sheet put on portrait paper without /Rotate (an annex's table):
            # its text reads when the page is turned.
            turn = replace(turn, quarters=(turn.quarters + turns) % 4)
            text, chars, _ = _chars(textpage, left, top, turn.quarters)
    finally:
        textpage.close()
    content = PageContent(number, *turn.shown)
    content.text = text
    content.chars = [turn.char(char) for char in chars] if turn.quarters else chars
    for kind, handle, matrix in _drawings(page.raw):
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            content.images += 1
            cover = _area(_compose(_matrix(handle), matrix)) / (content.width * content.height)
            content.image_cover = max(content.image_cover, min(cover, 1.0))
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH and _visible(handle):
            segments, curved = _pieces(handle, matrix, left, top, turn)
            content.segments.extend(segments)
            content.curves += curved
    return content


@dataclass(frozen=True)
class _Turn:
    """How a page is turned to be read: clockwise by `quarters` quarter turns, as its /Rotate
    shows it, or as a reader turns a page whose text is set sideways (`read_page`).

    Printer drivers that put a landscape sheet (an annex's table) on portrait paper, and some
    scanning software, store the page so: content drawn turned the other way, and /Rotate to
    show it upright. Positions are moved from the unturned page (x from the left, y from the
    top, `width` × `height`) to the page as shown, and a character is upright when it is upright
    as shown.
    """

    quarters: int
    width: float
    height: float

    @property
    def shown(self) -> tuple[float, float]:
        """The width and height of the page as shown."""
        return (self.height, self.width) if self.quarters % 2 else (self.width, self.height)

    def point(self, x: float, y: float) -> tuple[float, float]:
        if self.quarters == 1:
            return self.height - y, x
        if self.quarters == 2:
            return self.width - x, self.height - y
        if self.quarters == 3:
            return y, self.width - x
        return x, y

    def char(self, char: Char) -> Char:
        (x0, top), (x1, bottom) = self.point(char.x0, char.top), self.point(char.x1, char.bottom)
        return Char(
            char.text, min(x0, x1), max(x0, x1), min(top, bottom), max(top, bottom), char.size
        )


def _chars(
    textpage: pdfium.PdfTextPage, left: float, top: float, quarters: int
) -> tuple[str, list[Char], dict[int, int]]:
    """The page's text as PDFium extracts it, its upright characters in PDFium's text order,
    and how many of the others a further clockwise quarter turn (1, 2 or 3) of the page would
    set upright.

    Only the loose box is asked for every character. Size and matrix are asked again only where
    the box's height or baseline moves to values not seen in the current or the previous run:
    characters of one run share them, and a change of size or a turn of the text changes the
    loose box's height (a rotated character's box is the rotation's bounding box) or its
    baseline (rotated text sits elsewhere than the line it follows). Remembering the previous
    run serves lines that alternate between two fonts (digits in a Latin face amid CJK text),
    whose boxes differ in height.
    """
    handle = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
    count = pdfium_c.FPDFText_CountChars(textpage.raw)
    if count <= 0:
        return "", [], {}
    text = textpage.get_text_range(0, count)
    if len(text) != count:
        # Characters beyond the BMP come out of the bulk call as two UTF-16 halves.
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i)) for i in range(count))
    rect = pdfium_c.FS_RECTF()
    rect_address = ctypes.c_void_p(ctypes.addressof(rect))
    rect_bytes = memoryview(rect).cast("B")  # left, top, right, bottom as four C floats
    unpack = struct.Struct("4f").unpack
    matrix = pdfium_c.FS_MATRIX()
    chars: list[Char] = []
    last = -1  # index of the character behind chars[-1]
    last_x0 = last_x1 = last_y0 = float("nan")  # the box of chars[-1]
    # (height, bottom, quarter turns to upright, size) of the current run and the one before it
    run: tuple[float, float, int | None, float] = (float("nan"), float("nan"), None, 0.0)
    previous_run = run
    run_height, run_bottom, turns, size = run
    sideways: dict[int, int] = {}
    generated, same_height, same_line = _GENERATED, _SAME_HEIGHT, _SAME_LINE
    loose_box, text_object_of = _loose_box, _text_object_of
    for index, character in enumerate(text):
        if character in generated and not text_object_of(handle, index):
            continue  # a space or line break PDFium inferred from the layout
        loose_box(handle, index, rect_address)
        x0, y1, x1, y0 = unpack(rect_bytes)
        height = y1 - y0
        if not (
            -same_height <= height - run_height <= same_height
            and -same_line <= y0 - run_bottom <= same_line
        ):
            if (
                -same_height <= height - previous_run[0] <= same_height
                and -same_line <= y0 - previous_run[1] <= same_line
            ):
                run, previous_run = previous_run, run
            else:
                turned = _orientation(handle, index, quarters, matrix)
                run, previous_run = (height, y0, *turned), run
            run_height, run_bottom, turns, size = run
        if turns != 0:
            if turns:
                sideways[turns] = sideways.get(turns, 0) + 1
            continue
        x0 -= left
        x1 -= left
        if (
            x0 == last_x0
            and x1 == last_x1
            and y0 == last_y0
            and text_object_of(handle, index) == text_object_of(handle, last)
        ):
            # One glyph standing for several characters (a ligature, the two-em dash "——"):
            # PDFium lists each with the glyph's box. A glyph printed twice over itself (fake
            # bold) comes from two text objects and is left to the line builder.
            chars[-1].text += character
            continue
        last, last_x0, last_x1, last_y0 = index, x0, x1, y0
        chars.append(Char(character, x0, x1, top - y1, top - y0, size))
    return text, chars, sideways


def _orientation(
    handle: ctypes.c_void_p, index: int, quarters: int, matrix: pdfium_c.FS_MATRIX
) -> tuple[int | None, float]:
    """How many clockwise quarter turns of the page as shown (itself turned by `quarters`) set
    the character upright (0 when it is; None when none does: slanted or mirrored text), and
    its font size, text matrix included. `matrix` is room for PDFium to write the matrix in."""
    _char_matrix(handle, index, ctypes.byref(matrix))
    shape = (matrix.a, matrix.b, matrix.c, matrix.d)
    size = round(_font_size(handle, index), 1)
    for _ in range(quarters):
        shape = _quarter_turned(*shape)
    for turns in range(4):
        a, b, c, d = shape
        if a > 0 and d > 0 and abs(b) <= _UPRIGHT * a and abs(c) <= _UPRIGHT * d:
            return turns, size
        shape = _quarter_turned(*shape)
    return None, size


def _quarter_turned(a: float, b: float, c: float, d: float) -> tuple[float, float, float, float]:
    """A text matrix's linear part on the page turned clockwise by a quarter (PDF's row-vector
    convention)."""
    return b, -a, d, -c


def _drawings(page) -> list[tuple[int, object, tuple]]:
    """The page's path and image objects, form XObjects opened, each with the matrix that
    places its content on the page."""
    found: list[tuple[int, object, tuple]] = []
    count = pdfium_c.FPDFPage_CountObjects(page)
    _collect(list(map(_object_at, repeat(page, count), range(count))), _IDENTITY, 0, found)
    return found


def _collect(handles: list[_Pointer], outer: tuple, depth: int, found: list) -> None:
    # most objects are text: their kinds are asked without a Python loop, and they are skipped
    for handle, kind in zip(handles, map(_object_type, handles), strict=True):
        if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            continue
        if kind in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_IMAGE):
            found.append((kind, ctypes.cast(handle, pdfium_c.FPDF_PAGEOBJECT), outer))
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < _MAX_FORM_DEPTH:
            form = ctypes.cast(handle, pdfium_c.FPDF_PAGEOBJECT)
            inner = _compose(_matrix(form), outer)
            count = pdfium_c.FPDFFormObj_CountObjects(form)
            # the index is a C unsigned long here, not an int as `_fast` passes it
            inside = [_form_object_at(handle, ctypes.c_ulong(i)) for i in range(count)]
            _collect(inside, inner, depth + 1, found)


def _matrix(handle) -> tuple:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(handle, m):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(inner: tuple, outer: tuple) -> tuple:
    """The matrix applying `inner`, then `outer` (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (
        a * A + b * C,
        a * B + b * D,
        c * A + d * C,
        c * B + d * D,
        e * A + f * C + E,
        e * B + f * D + F,
    )


def _area(matrix: tuple) -> float:
    """The area of the bounding box of the unit square (an image) placed by `matrix`."""
    a, b, c, d, _, _ = matrix
    return (abs(a) + abs(c)) * (abs(b) + abs(d))


def _visible(path) -> bool:
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(path, fill_mode, stroke):
        return False
    channels = [ctypes.c_uint() for _ in range(4)]
    if stroke.value and pdfium_c.FPDFPageObj_GetStrokeColor(path, *channels) and _shows(channels):
        return True
    if fill_mode.value and pdfium_c.FPDFPageObj_GetFillColor(path, *channels):
        return _shows(channels)
    return False


def _shows(channels: list[ctypes.c_uint]) -> bool:
    red, green, blue, alpha = (c.value for c in channels)
    return alpha > 0 and min(red, green, blue) < _WHITE


def _pieces(path, outer: tuple, left: float, top: float, turn: _Turn) -> tuple[list[Segment], bool]:
    """The path's straight horizontal and vertical pieces, closing segments included, and
    whether it has curves."""
    a, b, c, d, e, f = _compose(_matrix(path), outer)
    x, y = ctypes.c_float(), ctypes.c_float()
    start = previous = None
    segments: list[Segment] = []
    curved = False
    for i in range(pdfium_c.FPDFPath_CountSegments(path)):
        segment = pdfium_c.FPDFPath_GetPathSegment(path, i)
        if not pdfium_c.FPDFPathSegment_GetPoint(segment, x, y):
            continue
        point = turn.point(
            x.value * a + y.value * c + e - left, top - (x.value * b + y.value * d + f)
        )
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = point
        elif kind == pdfium_c.FPDF_SEGMENT_LINETO and previous is not None:
            segments.extend(_straight(previous, point))
        elif kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            curved = True
        if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
            segments.extend(_straight(point, start))
        previous = point
    return segments, curved


def _straight(p: tuple[float, float], q: tuple[float, float]) -> Iterator[Segment]:
    (x0, y0), (x1, y1) = p, q
    if abs(y0 - y1) <= _STRAIGHT and abs(x0 - x1) > _STRAIGHT:
        y = (y0 + y1) / 2
        yield Segment(min(x0, x1), y, max(x0, x1), y)
    elif abs(x0 - x1) <= _STRAIGHT and abs(y0 - y1) > _STRAIGHT:
        x = (x0 + x1) / 2
        yield Segment(x, min(y0, y1), x, max(y0, y1))
