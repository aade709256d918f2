"""OFD reader (GB/T 33190-2016, the national fixed-layout format): text objects in reading order,
lines grouped, wrapped lines joined into paragraphs, ruled grids as tables.

An OFD file is a ZIP of XML parts (GB/T 33190-2016 clause 6, 文件结构). What is read:

* Part locations (ST_Loc, 7.3) are absolute from the package root or relative to the part
  that names them; writers that resolve them from another base (a page's BaseLoc given from the
  root) are met halfway by a unique match on the location's end, and member names a Windows
  writer stored in GBK without the ZIP's UTF-8 flag (a Chinese folder name) are read as GBK.
* `OFD.xml`, the main entry (7.4 主入口): each DocBody's DocRoot names a document's
  `Document.xml` (7.5 文档根节点); several DocBodies are read one after the other, pages numbered
  on, and no paragraph runs on from one into the next. CommonData gives the default page area
  (a page's own Area overrides it), the template pages and the resource files (PublicRes and
  DocumentRes, any number of each; a page's PageRes too), of which only MultiMedia entries are
  used; Pages list each page's `Content.xml` in order (7.6/7.7 页对象). A page's Content holds
  Layers of graphic units (8 图元): all layers are read, whatever their Type (Background, Body,
  Foreground), since reading order comes from positions; PageBlock containers are walked into.
* Template pages (Page/Template; ZOrder only says whether they are drawn under or over the
  page): a template used by one page is part of that page (a 版头 laid out as a template); one
  used by several pages is running furniture (headers, footers, page frames), so its text is
  left out and only its rulings and images are kept.
* TextObject (11 文字): Boundary (x y w h, millimetres, origin at the page's top left, y down),
  CTM, Size, HScale, and TextCode runs with X/Y (the baseline of the first character) and
  DeltaX/DeltaY (the advance between characters; "g N d" repeats d N times, mixed freely with
  plain numbers). Positions, Size and advances are in the object's space, which the CTM scales
  to the page: writers that give Size in points with a 0.3528 CTM, or Size 1 with the whole size
  in the CTM, come out alike. A character's width is Size × HScale (narrowed or widened glyphs),
  the advance when DeltaX gives none. Text turned by a quarter or a half (the CTM's rotation)
  is read only on a page where it is most of the text, which is then read turned
  (`_read_turned`: a landscape annex stored portrait); elsewhere it is left out, as stamps and
  watermarks are, and so are slanted or mirrored text, ReadDirection/CharDirection not 0, and
  invisible objects (Visible="false"). Unfilled or stroked text (Fill="false", Stroke) is text:
  it is how the invisible OCR layer over a page image (a 双层 OFD) is written.
* ImageObject (10 图像): the MultiMedia resource it draws and the box its CTM maps the unit
  square to. Pages that are only an image (an OFD converted from paper) are read by OCR
  (`ofd_scans`); other images are not read.
* PathObject (9 图形) with AbbreviatedData (M/S move, L line, C close; curves only move the pen):
  axis-parallel segments, and thin filled rectangles, are the ruling lines tables are found from.

A page whose text is a font's glyph codes (private-use or control code points, judged by
`pdf_scans.illegible`) is left out with a warning, and a file of nothing else is
`NoTextLayerError`: there is no OFD renderer here to OCR it from.

Left out: annotations (15 注释: seals as Stamp annotations, watermarks), signatures and seals
(18 数字签名: Signatures.xml, Signs/, the .esl seal files), attachments, custom tags, fonts
(text is Unicode in TextCode; CGTransform glyph maps only matter for drawing), composite objects
(CompositeObject draws a resource's content; government documents do not put their text there),
outlines and actions.

Layout, with the ideas of the PDF reader kept self-contained and simple here:

* Characters on one baseline (within 40 % of the font size) form a line, left to right; lines go
  top to bottom. Between two characters a gap of more than a quarter of the font size is a space
  when neither is CJK, and a gap of more than a full character is a space whatever they are (a
  signature line's issuer and date).
* Page numbers (`— 1 —`, `-1-`, `第1页`, `1/3`) among the first or last two lines of a page and in
  its top or bottom 12 % are dropped.
* A line runs on into the next when it ends so close to the text column's right edge that the
  next line's first character would not have fitted, the next line starts at the column's left
  edge in the same font size, follows at a plain line pitch (within 2.2 font sizes, or is the
  first line of the next page) and is not a numbered heading. Lines the author broke (a centred
  title over two lines, a signature block) stay separate paragraphs.
* Tables: ruling segments that cross each other form a grid; each grid slot belongs to the cell
  its missing rulings merge it into. A cell spanning columns is ONE `Cell` with colspan; one
  spanning rows keeps its text in its first row (rowspan) and is `Cell("", merged=True)` in the
  rows below, as the DOCX reader gives them. Characters inside a grid belong to its cells, whose
  wrapped lines are joined and whose other line breaks are kept as "\\n". A one-cell grid that
  covers most of the page is a page border, not a table. Tables are not joined across pages.

Provenance: `page` is the 1-based page number; `lines` is the 1-based range of a paragraph's
lines on its first page, counted from the top over the lines outside tables (page numbers
included). Cells carry their page and 0-based `table_row`/`table_col`.

Errors: an encrypted OFD (GM/T 0099-2020: an Encryptions.xml in the package, or encrypted ZIP
entries) is `EncryptedFileError`; a broken ZIP, a zip bomb, missing or malformed parts are
`CorruptFileError`; an OFD with neither text nor page images is `NoTextLayerError`, as is an
all-scanned one without the `ocr` extra ("scanned pages, no text layer: install
govdocparse[ocr]"). XML is parsed with entity resolution, DTD loading and network access off.
"""

from __future__ import annotations

import math
import posixpath
import re
import zipfile
import zlib
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from io import BytesIO
from itertools import pairwise
from operator import itemgetter

from lxml import etree

from ..errors import CorruptFileError, EncryptedFileError, NoTextLayerError
from ..model import Provenance
from ..source import Block, Cell, Paragraph, Source, TableBlock
from .container import checked_members
from .ofd_scans import PageImage, ScanPage, read_scans
from .pdf_scans import illegible, scanned_pages
from .positions import distinct

MAX_PAGES = 5_000
MAX_OBJECTS_PER_PAGE = 200_000
MAX_CHARS_PER_CODE = 100_000
MAX_NESTING = 32
DEFAULT_PAGE = (0.0, 0.0, 210.0, 297.0)  # A4 in millimetres

# Fraction of the page height at the top and bottom where page numbers live.
_BAND = 0.12
_BAND_LINES = 2
# Characters whose baselines differ by less than this many font sizes are on one line.
_SAME_LINE = 0.4
# A gap between two Latin characters wider than this many font sizes is a space; any gap
# wider than _WIDE_GAP is.
_SPACE_GAP = 0.25
_WIDE_GAP = 1.0
# A line that follows within this many font sizes (top to top) is at a plain line pitch.
_PITCH = 2.2
# Ruling lines closer than this (mm) are one; segments shorter than this are not rulings.
_SAME_RULE = 1.0
_MIN_RULE = 2.0
# A path thinner than this (mm) is a line even when drawn as a filled rectangle.
_THIN = 1.0
# A one-cell grid covering more than this share of the page is a border.
_BORDER_SHARE = 0.4

_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－‐ ]*\d{1,4}[-—–－‐ ]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[/，,、]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4})$"
)
# Numbered headings and items, which always start a paragraph.
_HEADING = re.compile(
    r"^(?:第[一二三四五六七八九十百零〇\d]+[章节条部分篇]|[一二三四五六七八九十]+、"
    r"|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、](?!\d)|专栏\s*\d|附件\s*\d)"
)
_PARSER = etree.XMLParser(
    resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False, remove_comments=True
)


def _is_wide(ch: str) -> bool:
    """True for CJK ideographs, kana, CJK and full-width punctuation: text with no spaces."""
    return ch >= "\u2e80"


@dataclass
class _Glyph:
    ch: str
    x: float
    baseline: float
    size: float
    width: float
    turns: int = 0  # clockwise quarter turns of the page that set it upright (`_quarter_turns`)


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    baseline: float
    size: float
    page: int = 0
    number: int = 0  # 1-based on its page, over lines outside tables

    @property
    def top(self) -> float:
        return self.baseline - self.size


@dataclass
class _Segment:
    """A ruling: horizontal when `horizontal`, at `at`, from `start` to `end`."""

    horizontal: bool
    at: float
    start: float
    end: float


@dataclass
class _Grid:
    xs: list[float]
    ys: list[float]
    # (first row, row after last, first col, col after last) of each cell, in reading order
    spans: list[tuple[int, int, int, int]]

    @property
    def box(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]


@dataclass
class _Image:
    """An ImageObject: the MultiMedia resource it draws and where, in page millimetres."""

    resource: str  # its ResourceID as read, its part's location once resolved
    box: tuple[float, float, float, float]  # x, y, width, height


@dataclass
class _PageContent:
    number: int
    box: tuple[float, float, float, float]
    glyphs: list[_Glyph] = field(default_factory=list)
    segments: list[_Segment] = field(default_factory=list)
    images: list[_Image] = field(default_factory=list)
    opens_document: bool = False  # the first page of a DocBody after the first


# What is said of a page whose text is a font's glyph codes (`pdf_scans.illegible`).
_CODES_NOT_TEXT = "text of font glyph codes, not characters"


def read(data: bytes, path: str, name: str, sha256: str) -> Source:
    """The block stream of an OFD file's pages; scanned pages are read by OCR (`ofd_scans`)."""
    package = _Package(data, path)
    pages = package.pages()
    # Text a writer coded in a font's own numbers (private-use or control code points) reads as
    # garbage; with no OFD renderer to OCR the page from, it is left out and said so.
    coded = [page for page in pages if illegible("".join(glyph.ch for glyph in page.glyphs))]
    for page in coded:
        page.glyphs = []
    scans = _scans(pages)
    for index in scans:
        pages[index].glyphs = []  # the scanner's watermark, or nothing
    blocks = _Layout(name, pages).blocks()
    warnings = list(package.warnings)
    if coded:
        numbers = ", ".join(str(page.number) for page in coded)
        if not any(page.glyphs or page.images for page in pages):
            raise NoTextLayerError(path, f"{_CODES_NOT_TEXT}: its text cannot be read")
        warnings.append(f"page(s) {numbers}: {_CODES_NOT_TEXT}: their content is missing")
    if scans:
        scanned = [
            ScanPage(
                pages[index].number,
                (pages[index].box[2], pages[index].box[3]),
                [_page_image(package, pages[index], image) for image in pages[index].images],
            )
            for index in scans
        ]
        recognised, ocr_warnings = read_scans(scanned, len(pages), bool(blocks), path, name, sha256)
        # Both are in page order and no page is in both: a stable sort by page interleaves them.
        blocks = sorted(blocks + recognised, key=lambda block: block.prov.page or 0)
        warnings = warnings + ocr_warnings
    if not blocks:
        raise NoTextLayerError(path, "the OFD file has no text and no page images")
    return Source(path, name, "ofd", sha256, blocks, warnings=warnings)


def _scans(pages: list[_PageContent]) -> list[int]:
    """The 0-based indexes of the pages that are scans (see `pdf_scans`)."""
    if not any(page.images for page in pages):
        return []
    return scanned_pages([([line.text for line in _lines(p.glyphs)], _cover(p)) for p in pages])[0]


def _cover(page: _PageContent) -> float:
    """The share of the page its largest image covers."""
    area = page.box[2] * page.box[3]
    if area <= 0:
        return 0.0
    return max((i.box[2] * i.box[3] / area for i in page.images), default=0.0)


def _page_image(package: _Package, page: _PageContent, image: _Image) -> PageImage:
    """An image's bytes, its box taken relative to the page's own origin (a PhysicalBox may
    not start at 0 0)."""
    x, y, width, height = image.box
    box = (x - page.box[0], y - page.box[1], width, height)
    return PageImage(image.resource, package.part(image.resource), box)


class _Package:
    """The ZIP container and the XML parts it holds, resolved as ST_Loc paths (7.3)."""

    def __init__(self, data: bytes, path: str):
        self.path = path
        self.warnings: list[str] = []
        infos = checked_members(data, path, "OFD")
        for info in infos:
            if info.flag_bits & 0x1:
                raise EncryptedFileError(path, "an encrypted OFD (encrypted ZIP entries)")
            if posixpath.basename(info.filename).lower() == "encryptions.xml":
                raise EncryptedFileError(
                    path, "an encrypted OFD (GM/T 0099 Encryptions.xml): decrypt it first"
                )
        self.zip = zipfile.ZipFile(BytesIO(data))
        self.folded = {_normal(_member_name(info)).lower(): info.filename for info in infos}

    def _stored(self, name: str) -> str | None:
        """The member a location names. Writers that resolve locations from another base than
        the standard's (`不规范资源路径`: a page's BaseLoc from the package root, a MediaFile
        that repeats its Res folder) are met halfway: failing an exact match, the one member
        whose path ends with the location, or with the location less its leading folders."""
        key = name.lower()
        if key in self.folded:
            return self.folded[key]
        parts = key.split("/")
        for k in range(len(parts) - 1):  # at least a folder and a file
            tail = "/".join(parts[k:])
            found = [
                stored
                for member, stored in self.folded.items()
                if member == tail or member.endswith("/" + tail)
            ]
            if len(found) == 1:
                return found[0]
        return None

    def part(self, name: str) -> bytes:
        stored = self._stored(name)
        if stored is None:
            raise CorruptFileError(self.path, f"damaged OFD: part {name} is missing")
        try:
            return self.zip.read(stored)
        except (
            zipfile.BadZipFile,
            zlib.error,
            OSError,
            EOFError,
            NotImplementedError,
            RuntimeError,
            ValueError,  # an entry whose recorded offset points before the file's start
        ) as exc:
            raise CorruptFileError(
                self.path, f"damaged OFD: {name} cannot be unpacked ({exc})"
            ) from None

    def xml(self, name: str) -> etree._Element:
        data = self.part(name)
        try:
            return etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError as exc:
            raise CorruptFileError(
                self.path, f"damaged OFD: {name} is not well-formed XML ({exc})"
            ) from None

    def _media(self, base: str, owner: etree._Element | None, *kinds: str) -> dict[str, str]:
        """MultiMedia ID → part location, from the resource files `owner` lists (7.9 资源):
        a MediaFile is relative to its Res file's BaseLoc, itself relative to the Res file."""
        media: dict[str, str] = {}
        for kind in kinds:
            for listed in _children(owner, kind):
                if not (listed.text or "").strip():
                    continue
                location = _resolve(base, listed.text or "")
                res = self.xml(location)
                res_base = _resolve(posixpath.dirname(location), res.get("BaseLoc", ""))
                for item in _children(_child(res, "MultiMedias"), "MultiMedia"):
                    file = _child(item, "MediaFile")
                    if item.get("ID") and file is not None and (file.text or "").strip():
                        media[item.get("ID", "")] = _resolve(res_base, file.text or "")
        return media

    def pages(self) -> list[_PageContent]:
        root = self.xml("OFD.xml")
        pages: list[_PageContent] = []
        for body in _children(root, "DocBody"):
            doc_root = _child(body, "DocRoot")
            if doc_root is None or not (doc_root.text or "").strip():
                raise CorruptFileError(self.path, "damaged OFD: a DocBody names no DocRoot")
            location = _resolve("", doc_root.text or "")
            document = self._document(location, len(pages))
            if pages and document:
                document[0].opens_document = True
            pages.extend(document)
        if not pages:
            raise CorruptFileError(self.path, "damaged OFD: OFD.xml lists no document pages")
        return pages

    def _document(self, location: str, before: int) -> list[_PageContent]:
        document = self.xml(location)
        base = posixpath.dirname(location)
        common = _child(document, "CommonData")
        default_box = _box(_find(common, "PageArea", "PhysicalBox")) or DEFAULT_PAGE
        templates: dict[str, str] = {}
        for template in _children(common, "TemplatePage"):
            if template.get("ID") and template.get("BaseLoc"):
                templates[template.get("ID", "")] = _resolve(base, template.get("BaseLoc", ""))
        media = self._media(base, common, "PublicRes", "DocumentRes")
        entries: list[tuple[int, str, etree._Element]] = []
        for entry in _children(_child(document, "Pages"), "Page"):
            number = before + len(entries) + 1
            if number > MAX_PAGES:
                self.warnings.append(f"only the first {MAX_PAGES} pages were read")
                break
            if not entry.get("BaseLoc"):
                raise CorruptFileError(self.path, f"damaged OFD: page {number} has no BaseLoc")
            page_location = _resolve(base, entry.get("BaseLoc", ""))
            entries.append((number, page_location, self.xml(page_location)))
        uses = Counter(
            used.get("TemplateID", "")
            for *_, page in entries
            for used in _children(page, "Template")
        )
        parsed: dict[str, etree._Element] = {}
        pages: list[_PageContent] = []
        for number, page_location, page in entries:
            content = _PageContent(number, _box(_find(page, "Area", "PhysicalBox")) or default_box)
            for used in _children(page, "Template"):
                template_id = used.get("TemplateID", "")
                if template_id not in templates:
                    continue
                if template_id not in parsed:
                    parsed[template_id] = self.xml(templates[template_id])
                if uses[template_id] == 1:
                    _collect(parsed[template_id], content)
                else:  # running headers and footers: their text is not the document's
                    furniture = _PageContent(number, content.box)
                    _collect(parsed[template_id], furniture)
                    content.segments.extend(furniture.segments)
                    content.images.extend(furniture.images)
            _collect(page, content)
            _read_turned(content)
            if content.images:
                here = media | self._media(posixpath.dirname(page_location), page, "PageRes")
                content.images = [
                    _Image(here[image.resource], image.box)
                    for image in content.images
                    if image.resource in here
                ]
            pages.append(content)
        return pages


def _member_name(info: zipfile.ZipInfo) -> str:
    """A member's name as its writer meant it: without the UTF-8 flag, zipfile reads the bytes
    as CP437, but Windows writers put Chinese folder names there in GBK."""
    if info.flag_bits & 0x800:
        return info.filename
    raw = info.filename.encode("cp437")
    for encoding in ("utf-8", "gbk"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return info.filename


def _normal(name: str) -> str:
    return posixpath.normpath("/" + name.replace("\\", "/")).lstrip("/")


def _resolve(base: str, location: str) -> str:
    """An ST_Loc: absolute from the package root when it starts with "/", else from `base`."""
    location = location.strip().replace("\\", "/")
    joined = location if location.startswith("/") else posixpath.join("/", base, location)
    return _normal(joined)


def _local(element: etree._Element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(element: etree._Element | None, name: str) -> list[etree._Element]:
    # Elements are matched by local name: producers disagree on the namespace prefix.
    return [child for child in element if _local(child) == name] if element is not None else []


def _child(element: etree._Element | None, name: str) -> etree._Element | None:
    found = _children(element, name)
    return found[0] if found else None


def _find(element: etree._Element | None, *names: str) -> etree._Element | None:
    for name in names:
        element = _child(element, name)
    return element


def _numbers(text: str | None) -> list[float]:
    values = []
    for token in (text or "").split():
        try:
            value = float(token)
        except ValueError:
            return []
        if not math.isfinite(value):
            return []
        values.append(value)
    return values


def _box(element: etree._Element | None) -> tuple[float, float, float, float] | None:
    values = _numbers(element.text if element is not None else None)
    return (values[0], values[1], values[2], values[3]) if len(values) == 4 else None


def _deltas(text: str | None, count: int) -> list[float]:
    """An advance array ("5.5 g 3 5.6 2.8" = 5.5 5.6 5.6 5.6 2.8), at most `count` long."""
    out: list[float] = []
    tokens = (text or "").split()
    i = 0
    while i < len(tokens) and len(out) < count:
        if tokens[i] == "g" and i + 2 < len(tokens):
            repeat, value = _numbers(tokens[i + 1]), _numbers(tokens[i + 2])
            if repeat and value:
                out.extend([value[0]] * min(int(repeat[0]), count - len(out)))
            i += 3
            continue
        value = _numbers(tokens[i])
        if value:
            out.append(value[0])
        i += 1
    return out


Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _matrix(text: str | None) -> Matrix:
    values = _numbers(text)
    if len(values) != 6:
        return _IDENTITY
    return values[0], values[1], values[2], values[3], values[4], values[5]


def _collect(page: etree._Element, content: _PageContent) -> None:
    """The glyphs and rulings of a page's (or template's) layers."""
    budget = [MAX_OBJECTS_PER_PAGE]
    for layer in _children(_child(page, "Content"), "Layer"):
        _walk(layer, content, budget, 0)


def _walk(container: etree._Element, content: _PageContent, budget: list[int], depth: int) -> None:
    for element in container:
        budget[0] -= 1
        if budget[0] < 0 or depth > MAX_NESTING:
            return
        if element.get("Visible", "true").lower() == "false":
            continue
        kind = _local(element)
        if kind == "TextObject":
            content.glyphs.extend(_text_glyphs(element))
        elif kind == "PathObject":
            content.segments.extend(_rulings(element))
        elif kind == "ImageObject":
            image = _image(element)
            if image is not None:
                content.images.append(image)
        elif kind == "PageBlock":
            _walk(element, content, budget, depth + 1)


def _text_glyphs(element: etree._Element) -> list[_Glyph]:
    box = _box_attr(element.get("Boundary"))
    a, b, c, d, e, f = _matrix(element.get("CTM"))
    turns = _quarter_turns(a, b, c, d)
    if box is None or turns is None:
        return []
    if element.get("ReadDirection", "0") != "0" or element.get("CharDirection", "0") != "0":
        return []
    sizes = _numbers(element.get("Size"))
    em = sizes[0] if sizes else 3.5  # in the object's space, which the CTM scales to the page
    scales = _numbers(element.get("HScale"))
    hscale = scales[0] if scales and scales[0] > 0 else 1.0  # glyphs drawn narrower or wider
    size, advance = em * math.hypot(c, d), math.hypot(a, b)
    if size <= 0:
        return []
    glyphs: list[_Glyph] = []
    x = y = 0.0
    for code in _children(element, "TextCode"):
        text = (code.text or "")[:MAX_CHARS_PER_CODE]
        xs, ys = _numbers(code.get("X")), _numbers(code.get("Y"))
        x = xs[0] if xs else x
        y = ys[0] if ys else y
        dx = _deltas(code.get("DeltaX"), len(text))
        dy = _deltas(code.get("DeltaY"), len(text))
        for i, ch in enumerate(text):
            width = (1.0 if _is_wide(ch) else 0.5) * em * hscale
            if not ch.isspace():
                glyphs.append(
                    _Glyph(
                        ch,
                        box[0] + a * x + c * y + e,
                        box[1] + b * x + d * y + f,
                        size,
                        advance * width,
                        turns,
                    )
                )
            x += dx[i] if i < len(dx) else width
            y += dy[i] if i < len(dy) else 0.0
    return glyphs


def _quarter_turns(a: float, b: float, c: float, d: float) -> int | None:
    """How many clockwise quarter turns of the page set text drawn with this CTM upright: 0
    for upright text, 3 for text running down the page (a landscape sheet stored portrait), 1
    running up, 2 upside down; None for slanted or mirrored text."""
    if abs(b) <= 1e-3 * max(abs(a), 1e-9) and abs(c) <= 1e-3 * max(abs(d), 1e-9):
        return 0 if a > 0 and d > 0 else 2 if a < 0 and d < 0 else None
    if abs(a) <= 1e-3 * max(abs(b), 1e-9) and abs(d) <= 1e-3 * max(abs(c), 1e-9):
        return 3 if b > 0 and c < 0 else 1 if b < 0 and c > 0 else None
    return None


def _read_turned(content: _PageContent) -> None:
    """A page whose text is mostly set sideways or upside down (more than twice as many glyphs
    of one turn as upright ones: a landscape annex put on a portrait page) is read as a reader
    turns it: its glyphs of that turn, rulings and images moved onto the turned page; its
    upright glyphs are left out, as turned ones are on an upright page."""
    counts = Counter(glyph.turns for glyph in content.glyphs)
    turns, count = max(((t, n) for t, n in counts.items() if t), key=itemgetter(1), default=(0, 0))
    if not turns or count <= 2 * counts[0]:
        content.glyphs = [glyph for glyph in content.glyphs if not glyph.turns]
        return
    x0, y0, width, height = content.box

    def moved(x: float, y: float) -> tuple[float, float]:
        u, v = x - x0, y - y0
        if turns == 1:
            return height - v, u
        if turns == 2:
            return width - u, height - v
        return v, width - u

    glyphs = []
    for glyph in content.glyphs:
        if glyph.turns == turns:
            glyph.x, glyph.baseline = moved(glyph.x, glyph.baseline)
            glyph.turns = 0
            glyphs.append(glyph)
    content.glyphs = glyphs
    segments = []
    for segment in content.segments:
        ends = [(segment.start, segment.at), (segment.end, segment.at)]
        if not segment.horizontal:
            ends = [(segment.at, segment.start), (segment.at, segment.end)]
        (px, py), (qx, qy) = (moved(*end) for end in ends)
        if abs(py - qy) < abs(px - qx):
            segments.append(_Segment(True, (py + qy) / 2, min(px, qx), max(px, qx)))
        else:
            segments.append(_Segment(False, (px + qx) / 2, min(py, qy), max(py, qy)))
    content.segments = segments
    for image in content.images:
        (px, py), (qx, qy) = (
            moved(image.box[0], image.box[1]),
            moved(image.box[0] + image.box[2], image.box[1] + image.box[3]),
        )
        image.box = (min(px, qx), min(py, qy), abs(qx - px), abs(qy - py))
    content.box = (0.0, 0.0, height, width) if turns % 2 else (0.0, 0.0, width, height)


def _image(element: etree._Element) -> _Image | None:
    """Where an ImageObject draws its image: the unit square mapped by its CTM (10.2), inside
    its Boundary; without a CTM, the Boundary itself."""
    box = _box_attr(element.get("Boundary"))
    resource = element.get("ResourceID", "").strip()
    if box is None or not resource:
        return None
    if element.get("CTM") is None:
        return _Image(resource, box)
    a, b, c, d, e, f = _matrix(element.get("CTM"))
    if abs(b) > 1e-3 * max(abs(a), 1e-9) or abs(c) > 1e-3 * max(abs(d), 1e-9):
        return None  # a rotated image is a stamp or a logo, not a page
    x0, x1 = sorted((e, a + e))
    y0, y1 = sorted((f, d + f))
    return _Image(resource, (box[0] + x0, box[1] + y0, x1 - x0, y1 - y0))


def _box_attr(text: str | None) -> tuple[float, float, float, float] | None:
    values = _numbers(text)
    return (values[0], values[1], values[2], values[3]) if len(values) == 4 else None


def _rulings(element: etree._Element) -> list[_Segment]:
    """Axis-parallel segments of a path, in page coordinates; a thin box is one line."""
    box = _box_attr(element.get("Boundary"))
    if box is None:
        return []
    a, b, c, d, e, f = _matrix(element.get("CTM"))
    if abs(b) > 1e-3 or abs(c) > 1e-3:
        return []
    x0, y0, w, h = box
    if 0 <= h < _THIN and w >= _MIN_RULE:
        return [_Segment(True, y0 + h / 2, x0, x0 + w)]
    if 0 <= w < _THIN and h >= _MIN_RULE:
        return [_Segment(False, x0 + w / 2, y0, y0 + h)]
    points = _path_points(_child(element, "AbbreviatedData"))
    segments = []
    for (px, py), (qx, qy) in points:
        sx, sy = x0 + a * px + e, y0 + d * py + f
        tx, ty = x0 + a * qx + e, y0 + d * qy + f
        if abs(sy - ty) < 0.3 and abs(tx - sx) >= _MIN_RULE:
            segments.append(_Segment(True, (sy + ty) / 2, min(sx, tx), max(sx, tx)))
        elif abs(sx - tx) < 0.3 and abs(ty - sy) >= _MIN_RULE:
            segments.append(_Segment(False, (sx + tx) / 2, min(sy, ty), max(sy, ty)))
    return segments


_PATH_ARGS = {"S": 2, "M": 2, "L": 2, "Q": 4, "B": 6, "A": 7, "C": 0}


def _path_points(
    data: etree._Element | None,
) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """The straight segments of an AbbreviatedData path (9.3): L draws, C closes the subpath."""
    tokens = (data.text or "").split() if data is not None else []
    lines: list[tuple[tuple[float, float], tuple[float, float]]] = []
    pen = start = (0.0, 0.0)
    i = 0
    while i < len(tokens) and len(lines) < 10_000:
        command = tokens[i]
        count = _PATH_ARGS.get(command)
        if count is None:
            i += 1
            continue
        values = _numbers(" ".join(tokens[i + 1 : i + 1 + count]))
        i += 1 + count
        if len(values) != count:
            break
        if command in ("S", "M"):
            pen = start = (values[0], values[1])
        elif command == "L":
            lines.append((pen, (values[0], values[1])))
            pen = (values[0], values[1])
        elif command == "C":
            if pen != start:
                lines.append((pen, start))
            pen = start
        else:
            pen = (values[-2], values[-1])
    return lines


class _Layout:
    """Lines, tables and paragraphs of all pages, in reading order."""

    def __init__(self, name: str, pages: list[_PageContent]):
        self.name = name
        self.pages = pages
        # No paragraph runs on from one document of the package into the next.
        self.document_starts = {page.number for page in pages if page.opens_document}

    def blocks(self) -> list[Block]:
        items: list[tuple[int, float, _Line | TableBlock]] = []
        body: list[_Line] = []
        for page in self.pages:
            grids = _grids(page)
            inside: list[list[_Glyph]] = [[] for _ in grids]
            free: list[_Glyph] = []
            for glyph in page.glyphs:
                k = _grid_of(grids, glyph)
                (inside[k] if k is not None else free).append(glyph)
            lines = _lines(free)
            for number, line in enumerate(lines, start=1):
                line.page, line.number = page.number, number
            kept = _drop_page_numbers(lines, page.box)
            body.extend(kept)
            for line in kept:
                items.append((page.number, line.top, line))
            for grid, glyphs in zip(grids, inside, strict=True):
                if glyphs:
                    table = _table(grid, glyphs, page.number, self.name)
                    items.append((page.number, grid.ys[0], table))
        items.sort(key=lambda item: (item[0], item[1]))
        left, right = _column(body)
        blocks: list[Block] = []
        run: list[_Line] = []
        for _page, _top, item in items:
            if isinstance(item, TableBlock):
                if run:
                    blocks.append(self._paragraph(run))
                    run = []
                blocks.append(item)
                continue
            if run and (
                (item.page in self.document_starts and item.page != run[-1].page)
                or not _continues(run[-1], item, left, right)
            ):
                blocks.append(self._paragraph(run))
                run = []
            run.append(item)
        if run:
            blocks.append(self._paragraph(run))
        return blocks

    def _paragraph(self, lines: list[_Line]) -> Paragraph:
        text = lines[0].text
        for before, after in pairwise(lines):
            text += _glue(before.text, after.text) + after.text
        first = lines[0]
        on_first_page = [line.number for line in lines if line.page == first.page]
        prov = Provenance(
            file=self.name, page=first.page, lines=(on_first_page[0], on_first_page[-1])
        )
        return Paragraph(text, prov)


def _glue(before: str, after: str) -> str:
    return " " if before and after and not _is_wide(before[-1]) and not _is_wide(after[0]) else ""


def _lines(glyphs: list[_Glyph]) -> list[_Line]:
    """Glyphs grouped into lines by baseline, top to bottom, each left to right."""
    rows: list[list[_Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: (g.baseline, g.x)):
        row = rows[-1] if rows else None
        if row is not None and abs(glyph.baseline - row[0].baseline) <= _SAME_LINE * max(
            glyph.size, row[0].size
        ):
            row.append(glyph)
        else:
            rows.append([glyph])
    lines = []
    for row in rows:
        row.sort(key=lambda g: g.x)
        parts: list[str] = []
        previous: _Glyph | None = None
        for glyph in row:
            if previous is not None:
                gap = glyph.x - (previous.x + previous.width)
                if abs(glyph.x - previous.x) < 0.2 * glyph.size and glyph.ch == previous.ch:
                    continue  # the same character drawn twice (simulated bold)
                size = max(glyph.size, previous.size)
                if gap > _WIDE_GAP * size or (
                    gap > _SPACE_GAP * size and not _is_wide(glyph.ch) and not _is_wide(previous.ch)
                ):
                    parts.append(" ")
            parts.append(glyph.ch)
            previous = glyph
        sizes = sorted(g.size for g in row)
        last = row[-1]
        lines.append(
            _Line(
                "".join(parts),
                row[0].x,
                last.x + last.width,
                sum(g.baseline for g in row) / len(row),
                sizes[len(sizes) // 2],
            )
        )
    return lines


def _drop_page_numbers(lines: list[_Line], box: tuple[float, float, float, float]) -> list[_Line]:
    top, height = box[1], box[3]
    ends = {id(line) for line in lines[:_BAND_LINES] + lines[-_BAND_LINES:]}
    return [
        line
        for line in lines
        if not (
            id(line) in ends
            and (line.baseline < top + _BAND * height or line.top > top + (1 - _BAND) * height)
            and _PAGE_NUMBER.match(line.text.strip())
        )
    ]


def _column(lines: list[_Line]) -> tuple[float, float]:
    """The body text column's left and right edges: where most lines start and full lines end."""
    if not lines:
        return 0.0, 0.0
    left = Counter(round(line.x0) for line in lines).most_common(1)[0][0]
    widest = max(line.x1 for line in lines)
    full = [round(line.x1) for line in lines if line.x1 > widest - 3 * line.size]
    return float(left), float(Counter(full).most_common(1)[0][0])


def _continues(before: _Line, after: _Line, left: float, right: float) -> bool:
    """Whether `after` is the wrapped continuation of `before` in one paragraph."""
    if (
        abs(after.x0 - left) > 0.5 * after.size
        or abs(after.size - before.size) > 0.15 * before.size
    ):
        return False
    if _HEADING.match(after.text):
        return False
    first = after.text[0]
    room = (1.0 if _is_wide(first) else 0.5) * after.size
    if right - before.x1 >= room:
        return False  # the next line's first character would have fitted: the author broke here
    if after.page == before.page:
        return 0 < after.top - before.top <= _PITCH * before.size
    return after.page == before.page + 1


def _merge_rules(segments: list[_Segment]) -> list[_Segment]:
    """Collinear segments that touch or overlap, as one."""
    out: list[_Segment] = []
    for segment in sorted(segments, key=lambda s: (s.horizontal, round(s.at, 1), s.start)):
        last = out[-1] if out else None
        if (
            last is not None
            and last.horizontal == segment.horizontal
            and abs(last.at - segment.at) <= _SAME_RULE
            and segment.start <= last.end + _SAME_RULE
        ):
            last.end = max(last.end, segment.end)
        else:
            out.append(_Segment(segment.horizontal, segment.at, segment.start, segment.end))
    return out


def _crosses(h: _Segment, v: _Segment) -> bool:
    return (
        h.start - _SAME_RULE <= v.at <= h.end + _SAME_RULE
        and v.start - _SAME_RULE <= h.at <= v.end + _SAME_RULE
    )


def _grids(page: _PageContent) -> list[_Grid]:
    """Tables drawn with ruling lines: groups of crossing rulings with at least one cell."""
    rules = _merge_rules(page.segments)
    horizontal = [s for s in rules if s.horizontal]
    vertical = [s for s in rules if not s.horizontal]
    parent = list(range(len(rules)))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    index = {id(s): k for k, s in enumerate(rules)}
    for h in horizontal:
        for v in vertical:
            if _crosses(h, v):
                parent[find(index[id(h)])] = find(index[id(v)])
    groups: dict[int, list[_Segment]] = {}
    for k, rule in enumerate(rules):
        groups.setdefault(find(k), []).append(rule)
    page_area = page.box[2] * page.box[3]
    grids = []
    for group in groups.values():
        grid = _grid(group)
        if grid is None:
            continue
        x0, y0, x1, y1 = grid.box
        if len(grid.spans) == 1 and (x1 - x0) * (y1 - y0) > _BORDER_SHARE * page_area:
            continue
        grids.append(grid)
    return sorted(grids, key=lambda g: g.ys[0])


def _grid(rules: list[_Segment]) -> _Grid | None:
    horizontal = [s for s in rules if s.horizontal]
    vertical = [s for s in rules if not s.horizontal]
    xs = distinct([s.at for s in vertical], _SAME_RULE)
    ys = distinct([s.at for s in horizontal], _SAME_RULE)
    if len(xs) < 2 or len(ys) < 2:
        return None
    rows, cols = len(ys) - 1, len(xs) - 1

    def ruled(lines: list[_Segment], at: float, middle: float) -> bool:
        return any(
            abs(s.at - at) <= _SAME_RULE and s.start - _SAME_RULE <= middle <= s.end + _SAME_RULE
            for s in lines
        )

    parent = {(r, c): (r, c) for r in range(rows) for c in range(cols)}

    def find(slot: tuple[int, int]) -> tuple[int, int]:
        while parent[slot] != slot:
            slot = parent[slot]
        return slot

    def join(a: tuple[int, int], b: tuple[int, int]) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for r in range(rows):
        middle_y = (ys[r] + ys[r + 1]) / 2
        for c in range(cols - 1):
            if not ruled(vertical, xs[c + 1], middle_y):
                join((r, c), (r, c + 1))
    for c in range(cols):
        middle_x = (xs[c] + xs[c + 1]) / 2
        for r in range(rows - 1):
            if not ruled(horizontal, ys[r + 1], middle_x):
                join((r, c), (r + 1, c))
    cells: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for slot in parent:
        cells.setdefault(find(slot), []).append(slot)
    spans = []
    for slots in cells.values():
        r0, c0 = min(r for r, _ in slots), min(c for _, c in slots)
        r1, c1 = max(r for r, _ in slots) + 1, max(c for _, c in slots) + 1
        spans.append((r0, r1, c0, c1))
    return _Grid(xs, ys, sorted(spans))


def _grid_of(grids: list[_Grid], glyph: _Glyph) -> int | None:
    x = glyph.x + glyph.width / 2
    y = glyph.baseline - glyph.size / 3
    for k, grid in enumerate(grids):
        x0, y0, x1, y1 = grid.box
        if x0 <= x <= x1 and y0 <= y <= y1:
            return k
    return None


def _table(grid: _Grid, glyphs: list[_Glyph], page: int, name: str) -> TableBlock:
    """The cells of a grid, with the glyphs that fall in each."""
    owners: dict[tuple[int, int], int] = {}
    for k, (r0, r1, c0, c1) in enumerate(grid.spans):
        for r in range(r0, r1):
            for c in range(c0, c1):
                owners[(r, c)] = k
    contents: list[list[_Glyph]] = [[] for _ in grid.spans]
    for glyph in glyphs:
        r = min(max(bisect_left(grid.ys, glyph.baseline - glyph.size / 3) - 1, 0), len(grid.ys) - 2)
        c = min(max(bisect_left(grid.xs, glyph.x + glyph.width / 2) - 1, 0), len(grid.xs) - 2)
        contents[owners[(r, c)]].append(glyph)
    rows: list[list[Cell]] = [[] for _ in range(len(grid.ys) - 1)]
    for k, (r0, r1, c0, c1) in enumerate(grid.spans):
        right = grid.xs[c1]
        text = _cell_text(_lines(contents[k]), right)
        prov = Provenance(file=name, page=page, table_row=r0, table_col=c0)
        rows[r0].append(Cell(text, prov, rowspan=r1 - r0, colspan=c1 - c0))
        for r in range(r0 + 1, r1):
            covered = Provenance(file=name, page=page, table_row=r, table_col=c0)
            rows[r].append(Cell("", covered, colspan=c1 - c0, merged=True))
    for row in rows:
        row.sort(key=lambda cell: cell.prov.table_col or 0)
    return TableBlock(rows, Provenance(file=name, page=page))


def _cell_text(lines: list[_Line], right: float) -> str:
    """A cell's lines: wrapped ones joined, the others kept apart by "\\n"."""
    if not lines:
        return ""
    text = lines[0].text
    for before, after in pairwise(lines):
        room = (1.0 if _is_wide(after.text[0]) else 0.5) * after.size
        wrapped = right - before.x1 < room + 0.5 * before.size
        text += (_glue(before.text, after.text) if wrapped else "\n") + after.text
    return text
