"""Rich Text Format (.rtf, and RTF saved under a .doc name): the body as the DOCX reader gives it.

Portals publish Word's and WPS's "save as RTF" under .rtf and, often, under .doc. The reader
walks the RTF 1.9.1 token stream once and keeps the same conventions as `docx_reader`, so a
document saved as .docx and as RTF gives the same block stream:

* One `Paragraph` per paragraph (\\par, \\sect), split at manual line and page breaks (\\line,
  \\page) into one per line; lines stripped, blank ones dropped. `style` is the paragraph
  style's name from the style sheet (\\sN), None for Normal (\\s0), as a DOCX paragraph without
  w:pStyle has none.
* Text: characters in the document's code page (\\ansicpgN: 936 is GBK) or, where the current
  font declares a character set (\\fcharset134 for 宋体), in that set's code page; \\'hh bytes and
  8-bit text bytes in a row are decoded together (a GBK character is two bytes); \\uN Unicode
  characters (negative N for code points over 32767, surrogate pairs joined) with the \\ucN
  fallback characters after them skipped; the named symbols (\\emdash, \\ldblquote, \\~ …).
* Dropped: the font, colour, style and list tables, document info, pictures and objects,
  headers, footers, footnotes and comments, field instructions (a field's result is kept),
  hidden (\\v) and deleted (\\deleted) text, and every \\* destination the reader does not
  know. The ANSI copy in \\upr is dropped for its Unicode \\ud copy.
* As in the Word readers: a 版头 set in section 1's first-page header (\\headerf with
  \\titlepg, else \\headerr or \\header) is read before the body (`word_headers`), and a
  document that is only pictures (PNG and JPEG \\pict data, Word's \\shppict copy, not its
  \\nonshppict fallback) is read by OCR (`word_scans`).
* List numbers written out as text (\\listtext, \\pntext, which Word writes for readers that do
  not compute lists) are kept; a tab after the number is dropped (一、总体要求), as the DOCX
  reader drops it.
* Text boxes (a shape's \\shptxt) come as paragraphs just before the paragraph the shape is
  anchored in, as in the DOCX reader: a 版头 is often set in one.
* Tables: the paragraphs marked \\intbl, cells ended by \\cell, rows by \\row, the row's cells
  defined by their right edges (\\cellx). Column spans are read from the edges: the table's grid
  is the union of every row's edges, and a cell covering n grid columns is ONE `Cell` with
  colspan n (also for the legacy \\clmgf/\\clmrg pair); a vertical merge (\\clvmgf, \\clvmrg)
  keeps the text in its first row with rowspan and is `Cell("", merged=True)` below. Paragraphs
  in a cell are joined with "\\n"; a nested table's cells (\\nestcell) are lines of its cell.
* Provenance: `paragraph` is the 1-based index of the block among the body's paragraphs and
  tables (a table counts one, blank paragraphs count), cells add `table_row`/`table_col`.

A file whose groups do not close (a truncated download) is read to its end with a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..errors import EmptyInputError, NoTextLayerError
from ..model import Provenance
from ..source import Paragraph, Source, TableBlock
from . import word_headers, word_scans
from .word_scans import PageArea, WordImage
from .word_tables import Vertical, WordGrid

_TOKEN = re.compile(
    rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?"  # control word, its parameter, its delimiting space
    rb"|\\'([0-9a-fA-F]{2})"  # a byte in the code page
    rb"|\\([^a-zA-Z'])"  # control symbol
    rb"|([{}])"
    rb"|[\r\n]+"  # line ends are not text
    rb"|([^\\{}\r\n]+)"
)
# \fcharset values and their code pages.
_CHARSET_CODEPAGES = {
    77: "mac_roman",
    128: "cp932",
    129: "cp949",
    130: "johab",
    134: "gb18030",
    136: "big5hkscs",
    161: "cp1253",
    162: "cp1254",
    163: "cp1258",
    177: "cp1255",
    178: "cp1256",
    186: "cp1257",
    204: "cp1251",
    222: "cp874",
    238: "cp1250",
    255: "cp437",
}
# Code pages named by \ansicpg that Python spells otherwise.
_CODEPAGES = {936: "gb18030", 950: "big5hkscs", 10000: "mac_roman"}
# Destinations whose content is not body text (RTF 1.9.1 and the writers' own).
_SKIPPED = frozenset(
    [
        "colortbl",
        "info",
        "object",
        "header",
        "headerl",
        "headerr",
        "headerf",
        "footer",
        "footerl",
        "footerr",
        "footerf",
        "footnote",
        "annotation",
        "atnauthor",
        "atnid",
        "atrfstart",
        "atrfend",
        "fldinst",
        "filetbl",
        "revtbl",
        "listtable",
        "listoverridetable",
        "rsidtbl",
        "xmlnstbl",
        "pgdsctbl",
        "template",
        "author",
        "operator",
        "title",
        "subject",
        "keywords",
        "doccomm",
        "comment",
        "company",
        "category",
        "manager",
        "hlinkbase",
        "creatim",
        "revtim",
        "printim",
        "buptim",
        "generator",
        "themedata",
        "colorschememapping",
        "latentstyles",
        "datastore",
        "mmathPr",
        "do",
        "pn",
        "nonshppict",
        "shprslt",
        "bkmkstart",
        "bkmkend",
        "txe",
        "xe",
        "tc",
        "rxe",
        "field_private",
        "userprops",
        "docvar",
        "ftnsep",
        "ftnsepc",
        "ftncn",
        "aftnsep",
        "aftnsepc",
        "aftncn",
    ]
)
# Destinations whose own text is dropped while one kind of child group is read: the ANSI copy
# beside the Unicode one (upr/ud), a shape around its text box (shp/shpinst/shptxt), Word's
# picture around its fallback copy (shppict/pict, nonshppict skipped).
_CONTAINERS = {"upr": "ud", "shp": "shpinst", "shpinst": "shptxt", "shppict": "pict"}
# Section 1's headers: on every page, on odd (right) pages, on even (left) pages, on the first.
_HEADERS = frozenset(("header", "headerr", "headerl", "headerf"))
# Pictures OCR can read (the others, metafiles, are vector drawings).
_BITMAP_BLIPS = frozenset(("pngblip", "jpegblip"))
# A picture's shown size: its goal size (twips) and scale (percent).
_PICTURE_SIZE = frozenset(("picwgoal", "pichgoal", "picscalex", "picscaley"))
# The page and its margins (twips), document-wide: the control word of each side of `PageArea`.
_PAGE = {"paperw": "width", "paperh": "height", "margl": "left", "margr": "right"}
_PAGE |= {"margt": "top", "margb": "bottom"}
_LIST_TEXT = frozenset(("listtext", "pntext"))
_SYMBOLS = {
    "tab": "\t",
    "line": "\n",
    "page": "\n",
    "column": "\n",
    "emdash": "—",
    "endash": "–",
    "emspace": "\u2003",
    "enspace": "\u2002",
    "qmspace": "\u2005",
    "bullet": "•",
    "lquote": "‘",
    "rquote": "’",
    "ldblquote": "“",
    "rdblquote": "”",
    "zwj": "\u200d",
    "zwnj": "\u200c",
}
_CONTROL_SYMBOLS = {"~": "\u00a0", "_": "-", "-": "", "\\": "\\", "{": "{", "}": "}"}
# A cell edge within this many twips of another is the same grid line (writers round widths).
_EDGE_TOLERANCE = 20
MAX_SPAN = 64


@dataclass
class _Group:
    """What a group inherits from the one around it."""

    mode: str = "text"  # text, skip, pict, fonttbl, stylesheet, or a container (_CONTAINERS)
    uc: int = 1  # how many fallback characters follow \uN
    font: int | None = None
    hidden: bool = False
    list_text: bool = False
    # whose lines the group's paragraphs are: a text box's ("box") or a header's (its word)
    capture: str | None = None


@dataclass
class _CellDef:
    right: int = 0
    vmerge: str | None = None  # "first" or "cont"
    hmerge: str | None = None


# RTF's vertical merge marks (\clvmgf, \clvmrg) in the shared table model's words
_VERTICAL: dict[str | None, Vertical] = {"first": "start", "cont": "continue"}


@dataclass
class _Row:
    left: int
    defs: list[_CellDef]
    texts: list[str]


@dataclass
class _Paragraph:
    """The paragraph being read, set aside while a text box inside it is read."""

    text: list[str] = field(default_factory=list)
    pending: bytearray = field(default_factory=bytearray)
    codepage: str = "cp1252"
    style: int = 0
    in_table: bool = False


class _Reader:
    def __init__(self, name: str) -> None:
        self.name = name
        self.codepage = "cp1252"
        self.default_font: int | None = None
        self.fonts: dict[int, str] = {}  # font number -> code page of its character set
        self.styles: dict[int, str] = {}
        self.entry: int | None = None  # the font or style a table entry defines
        self.entry_name = bytearray()
        self.blocks: list[Paragraph | TableBlock] = []
        self.pictures = 0
        self.images: list[WordImage] = []
        self.shown: list[tuple[float, float]] = []  # each image's shown width and height, twips
        self.picture_size: dict[str, int] = {}  # of the picture being read: _PICTURE_SIZE
        self.page: dict[str, int] = {}  # the page's sizes given: _PAGE
        self.picture = bytearray()  # the picture being read: hex digits, or its \bin data
        self.picture_kind: str | None = None
        self.sections = 0  # section breaks so far
        self.title_page = False  # section 1 has a different first page
        self.headers: dict[str, list[str]] = {}
        self.truncated = False
        self.para = _Paragraph()
        self.set_aside: list[_Paragraph] = []
        self.box_lines: list[str] = []
        self.row_left = 0
        self.cell_defs: list[_CellDef] = []
        self.cell_props = _CellDef()
        self.cell_lines: list[str] = []
        self.row_texts: list[str] = []
        self.rows: list[_Row] = []
        self.items = 0  # block-level items so far: paragraphs (blank ones too) and tables

    # ---------------------------------------------------------------- the token stream

    def walk(self, data: bytes) -> None:
        stack: list[_Group] = []
        group = _Group()
        opening = starred = False
        fallback = 0  # fallback characters still to skip after \uN
        pos, end = 0, len(data)
        while pos < end:
            match = _TOKEN.match(data, pos)
            if match is None:  # a lone backslash at the very end
                break
            pos = match.end()
            if match.lastindex is None:  # line ends
                continue
            word, param, hexbyte, symbol, brace, chunk = match.groups()
            if brace is not None:
                fallback = 0
                if brace == b"{":
                    stack.append(group)
                    group = replace(group)
                    opening, starred = True, False
                elif stack:
                    closed, group = group, stack.pop()
                    if closed.capture and not group.capture:
                        self.end_capture(closed.capture)
                    if closed.mode == "pict" and group.mode != "pict":
                        self.end_picture()
                    opening = False
                continue
            if symbol == b"*":
                starred = True
                continue
            if opening:
                opening = False
                if word is not None:
                    group = self.destination(group, word.decode(), starred)
                elif starred:
                    group.mode = "skip"
            if fallback:
                if chunk is not None and len(chunk) > fallback:
                    chunk, fallback = chunk[fallback:], 0
                else:
                    fallback -= 1
                    continue
            if word is not None:
                name, value = word.decode(), int(param) if param is not None else None
                if name == "bin":
                    if group.mode == "pict":
                        self.picture = bytearray(data[pos : pos + max(value or 0, 0)])
                    pos += max(value or 0, 0)  # binary data, never tokens
                elif name == "ansicpg" and value:
                    self.codepage = _CODEPAGES.get(value, f"cp{value}")
                elif group.mode == "text":
                    fallback = self.control(group, name, value)
                elif group.mode in ("fonttbl", "stylesheet"):
                    self.table_entry(group.mode, name, value)
                elif group.mode == "pict" and name in _BITMAP_BLIPS:
                    self.picture_kind = name
                elif group.mode == "pict" and name in _PICTURE_SIZE and value is not None:
                    self.picture_size[name] = value
                elif name == "uc" and value is not None:
                    group.uc = value
                elif name == "u":
                    fallback = group.uc
            elif group.mode in ("fonttbl", "stylesheet"):
                if chunk is not None or hexbyte is not None:
                    self.entry_text(group.mode, chunk or bytes.fromhex(hexbyte.decode()))
            elif group.mode == "pict":
                if chunk is not None:
                    self.picture += chunk
            elif group.mode != "text" or group.hidden:
                continue
            elif symbol is not None:
                self.symbol(symbol.decode("latin-1"))
            elif hexbyte is not None:
                self.add_bytes(bytes.fromhex(hexbyte.decode()), group)
            elif chunk is not None:
                self.add_bytes(chunk, group)
        self.truncated = bool(stack)
        while group.capture and stack:
            closed, group = group, stack.pop()
            if not group.capture:
                self.end_capture(closed.capture)
        self.end_paragraph(group)
        self.end_table()

    def destination(self, group: _Group, word: str, starred: bool) -> _Group:
        """The group as its first control word makes it: a destination to skip or to read."""
        if group.mode == "skip":
            return group
        if group.mode in _CONTAINERS:
            if word != _CONTAINERS[group.mode]:
                group.mode = "skip"
            elif word == "shptxt":
                self.start_capture()
                group.mode, group.capture = "text", "box"
            elif word == "pict":
                self.start_picture(group)
            else:
                group.mode = "text" if word == "ud" else word
            return group
        if group.mode in ("fonttbl", "stylesheet"):
            if starred:  # an entry's alternative name or key binding
                group.mode = "skip"
            else:
                self.entry = None
                self.entry_name.clear()
            return group
        if group.mode == "pict":
            group.mode = "skip"  # a picture's properties
        elif word == "pict":
            self.start_picture(group)
        elif word in _HEADERS and not (self.sections or group.capture or word in self.headers):
            self.headers[word] = []
            self.start_capture()
            group.mode, group.capture = "text", word
        elif word in ("fonttbl", "stylesheet") or word in _CONTAINERS:
            group.mode = word
        elif word in _SKIPPED or starred:
            group.mode = "skip"
        elif word in _LIST_TEXT:
            group.list_text = True
        return group

    def control(self, group: _Group, name: str, value: int | None) -> int:
        """Acts on a control word in body text; returns the fallback characters to skip."""
        on = value != 0
        if name == "u" and value is not None:
            if not group.hidden:
                # a signed 16-bit number; anything else is damage
                self.add_text(chr(value & 0xFFFF) if -32768 <= value <= 65535 else "\ufffd")
            return group.uc
        if name in _SYMBOLS:
            if not group.hidden and not (group.list_text and name == "tab"):
                self.add_text(_SYMBOLS[name])
        elif name in ("par", "sect"):
            self.end_paragraph(group)
            self.sections += name == "sect"
        elif name == "titlepg" and not self.sections:
            self.title_page = on
        elif name in _PAGE and value is not None and not self.sections:
            self.page[name] = abs(value)
        elif group.capture and name in ("cell", "nestcell", "row"):
            self.end_paragraph(group)  # a table in a text box or header: its cells are lines
        elif name == "pard":
            self.para.in_table, self.para.style = False, 0
        elif name == "intbl":
            self.para.in_table = True
        elif name == "itap" and value is not None:
            self.para.in_table = value > 0
        elif name == "s" and value is not None:
            self.para.style = value
        elif name in ("cell", "nestcell"):
            self.end_cell(nested=name == "nestcell")
        elif name == "row":
            self.end_row()
        elif name == "trowd":
            self.row_left, self.cell_defs, self.cell_props = 0, [], _CellDef()
        elif name == "trleft" and value is not None:
            self.row_left = value
        elif name in ("clvmgf", "clvmrg"):
            self.cell_props.vmerge = "first" if name == "clvmgf" else "cont"
        elif name in ("clmgf", "clmrg"):
            self.cell_props.hmerge = "first" if name == "clmgf" else "cont"
        elif name == "cellx" and value is not None:
            self.cell_props.right = value
            self.cell_defs.append(self.cell_props)
            self.cell_props = _CellDef()
        elif name == "uc" and value is not None:
            group.uc = value
        elif name == "f":
            group.font = value
        elif name == "plain":
            group.font, group.hidden = None, False
        elif name in ("v", "deleted"):
            group.hidden = on
        elif name == "deff":
            self.default_font = value
        return 0

    def symbol(self, symbol: str) -> None:
        if symbol in "\r\n":
            self.end_paragraph(_Group())
        elif symbol in _CONTROL_SYMBOLS:
            self.add_text(_CONTROL_SYMBOLS[symbol])

    def table_entry(self, mode: str, name: str, value: int | None) -> None:
        """A control word of a font or style table entry."""
        if mode == "fonttbl":
            if name == "f":
                self.entry = value
            elif name == "fcharset" and self.entry is not None and value in _CHARSET_CODEPAGES:
                self.fonts[self.entry] = _CHARSET_CODEPAGES[value]
        elif name == "s":
            self.entry = value
            self.entry_name.clear()

    def entry_text(self, mode: str, data: bytes) -> None:
        """Text of a style table entry: the style's name, up to its ';'."""
        if mode != "stylesheet" or self.entry is None:
            return
        self.entry_name += data
        if b";" in self.entry_name:
            written = bytes(self.entry_name).split(b";")[0].decode(self.codepage, "replace")
            self.styles[self.entry] = _ui_name(written.strip())
            self.entry = None

    # ---------------------------------------------------------------- text

    def add_bytes(self, data: bytes, group: _Group) -> None:
        codepage = self.codepage
        font = group.font if group.font is not None else self.default_font
        if font is not None:
            codepage = self.fonts.get(font, self.codepage)
        if self.para.pending and codepage != self.para.codepage:
            self.flush_bytes()
        self.para.codepage = codepage
        self.para.pending += data

    def flush_bytes(self) -> None:
        if self.para.pending:
            self.para.text.append(bytes(self.para.pending).decode(self.para.codepage, "replace"))
            self.para.pending.clear()

    def add_text(self, text: str) -> None:
        self.flush_bytes()
        self.para.text.append(text)

    def take_text(self) -> str:
        self.flush_bytes()
        text = "".join(self.para.text)
        self.para.text.clear()
        # \uN writes a character beyond the BMP as two surrogates.
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")

    # ---------------------------------------------------------------- blocks

    def end_paragraph(self, group: _Group) -> None:
        text = self.take_text()
        if group.capture:
            self.captured(group.capture).extend(_lines(text))
        elif self.para.in_table:
            self.cell_lines.extend(_lines(text))
        else:
            self.end_table()
            self.items += 1
            prov = Provenance(file=self.name, paragraph=self.items)
            self.blocks.extend(Paragraph(line, prov) for line in self.take_box_lines())
            style = self.styles.get(self.para.style) if self.para.style else None
            self.blocks.extend(Paragraph(line, prov, style) for line in _lines(text))

    def captured(self, capture: str) -> list[str]:
        return self.box_lines if capture == "box" else self.headers.setdefault(capture, [])

    def start_capture(self) -> None:
        self.flush_bytes()
        self.set_aside.append(self.para)
        self.para = _Paragraph(codepage=self.codepage)

    def end_capture(self, capture: str | None) -> None:
        self.captured(capture or "box").extend(_lines(self.take_text()))
        if self.set_aside:
            self.para = self.set_aside.pop()

    def first_page_header(self) -> list[str]:
        """The lines of the header section 1's first page shows (`word_headers`)."""
        if self.title_page:
            return self.headers.get("headerf", [])
        return self.headers.get("headerr") or self.headers.get("header", [])

    def start_picture(self, group: _Group) -> None:
        self.pictures += 1
        group.mode = "pict"
        self.picture, self.picture_kind = bytearray(), None
        self.picture_size = {}

    def end_picture(self) -> None:
        """A bitmap picture's bytes: hex digits (white space between them), or \bin data."""
        if self.picture_kind is None:
            return
        digits = bytes(self.picture).translate(None, b" \t\r\n")
        try:
            image = bytes.fromhex(digits.decode("latin-1"))
        except ValueError:
            image = bytes(self.picture)
        if image:
            self.images.append(WordImage(image, self.items + 1))
            size = self.picture_size
            self.shown.append(
                (
                    size.get("picwgoal", 0) * size.get("picscalex", 100) / 100,
                    size.get("pichgoal", 0) * size.get("picscaley", 100) / 100,
                )
            )

    def page_pictures(self) -> list[WordImage]:
        """The pictures shown over most of the page's text area: pictures of pages."""
        page = PageArea(**{_PAGE[word]: value for word, value in self.page.items()})
        return [
            image
            for image, shown in zip(self.images, self.shown, strict=True)
            if page.holds_page(*shown)
        ]

    def take_box_lines(self) -> list[str]:
        lines, self.box_lines = self.box_lines, []
        return lines

    def end_cell(self, nested: bool) -> None:
        text = self.take_text()
        self.cell_lines.extend(self.take_box_lines())
        self.cell_lines.extend(_lines(text))
        if not nested:
            self.row_texts.append("\n".join(self.cell_lines))
            self.cell_lines = []

    def end_row(self) -> None:
        if self.row_texts:
            self.rows.append(_Row(self.row_left, list(self.cell_defs), self.row_texts))
        self.row_texts = []

    def end_table(self) -> None:
        if self.row_texts:
            self.end_row()
        if not self.rows:
            return
        self.items += 1
        table = _table(self.rows, self.name, self.items)
        self.rows = []
        if table.rows:
            self.blocks.append(table)


def _ui_name(name: str) -> str:
    """A built-in style name as Word's interface shows it ("heading 1" → "Heading 1")."""
    from docx.styles import BabelFish

    return BabelFish.internal2ui(name)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _table(rows: list[_Row], name: str, k: int) -> TableBlock:
    """The rows' cells on the table's grid (see the module docstring)."""
    edges: list[int] = []
    for row in rows:
        for edge in (row.left, *(d.right for d in row.defs)):
            if all(abs(edge - known) > _EDGE_TOLERANCE for known in edges):
                edges.append(edge)
    edges.sort()

    def column(edge: int) -> int:
        return min(range(len(edges)), key=lambda n: abs(edges[n] - edge))

    grid = WordGrid(name, k)
    for row in rows:
        grid.new_row()
        col = column(row.left)
        for n, text in enumerate(row.texts):
            definition = row.defs[n] if n < len(row.defs) else _CellDef()
            right = column(definition.right) if n < len(row.defs) else col + 1
            col = grid.place(
                text,
                col,
                min(max(right - col, 1), MAX_SPAN),
                widens=definition.hmerge == "cont",
                vertical=_VERTICAL.get(definition.vmerge),
            )
    return grid.block()


def read(data: bytes, path: str, name: str, sha256: str) -> Source:
    """The block stream of an RTF document's body."""
    reader = _Reader(name)
    reader.walk(data)
    if not reader.blocks:
        if reader.images:
            return word_scans.read(reader.images, path, name, sha256, "rtf")
        if reader.pictures:
            raise NoTextLayerError(path, "the RTF document holds only images, no text")
        raise EmptyInputError(path, "the RTF document has no text")
    warnings = []
    banner = word_headers.banner_paragraphs(reader.first_page_header(), reader.blocks, name)
    if banner:
        reader.blocks[:0] = banner
        warnings.append(word_headers.WARNING)
    if reader.truncated:
        warnings.append("the RTF file ends before its groups close (truncated?): read to its end")
    blocks: list[Paragraph | TableBlock] = reader.blocks
    pages = reader.page_pictures()
    if pages:
        blocks, scan_warnings = word_scans.among_text(blocks, pages, path, name, sha256)
        warnings += scan_warnings
    return Source(path, name, "rtf", sha256, blocks, warnings=warnings)
