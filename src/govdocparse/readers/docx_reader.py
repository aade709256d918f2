"""Word (.docx) reader: the displayed text of the body, as the same blocks a Word text dump gives.

Conventions, chosen so that a DOCX and its plain-text dump give equal block streams:

* Body paragraphs and tables come in document order; content controls (w:sdt) and custom XML
  wrappers are unwrapped. One `Paragraph` per Word paragraph, except that manual line breaks
  (w:br, w:cr) split a paragraph into one `Paragraph` per line, as a text dump does. Lines are
  stripped; blank lines are dropped. `style` is the paragraph style's name (None without one).
* Only displayed text is kept: w:t of runs, including hyperlinks, inserted text (w:ins) and the
  result runs of fields (simple and complex). Dropped: field instructions (HYPERLINK "file:///…"
  \\l "_Toc…", TOC, PAGEREF), deleted and moved-away text, hidden runs (w:vanish), bookmarks,
  comments, footnote/endnote references and bodies, headers/footers, and drawings. The one
  exception: a 版头 set in the header of the first page is read before the body
  (`word_headers` says when and why).
* Text boxes (w:txbxContent of a DrawingML wps:txbx or a VML v:textbox) and VML WordArt (the
  string of its v:textpath; DrawingML WordArt is a text box) are read, because a 公文's 版头
  (发文机关标志, 文号) is often set in one: their lines come as paragraphs just before the
  paragraph the shape is anchored in, with its `paragraph` index and no style; in a table cell
  they are lines of the cell. Of a shape written twice in mc:AlternateContent only the chosen
  copy is read, not its VML fallback. The DOC reader does the same.
* Automatic list numbering (w:numPr, on the paragraph or inherited from its style) is not in the
  text, so it is recomputed from numbering.xml and prefixed: per numId and level counters (a
  level restarts after a higher one unless its w:lvlRestart says otherwise), the level's lvlText
  and numFmt (chineseCounting 一、, decimal 1., （%1）, ①…), counted and written by
  `list_numbers`, which the .doc reader shares. A tab after the number is dropped (Chinese
  headings are written 一、总体要求); a space suffix is kept. Bullets add nothing. Paragraphs
  whose number cannot be rebuilt (unknown format, missing definition) keep their text
  unnumbered and are counted in one warning.
* Tables: one row per w:tr and cells in grid order. A horizontally merged cell (gridSpan=n) is
  ONE `Cell` with colspan=n and no covered slots, as in a text dump. A vertically merged cell
  keeps its text in the first row (rowspan = rows covered) and is `Cell("", merged=True)` in each
  continuation row, where a text dump shows an empty cell. Paragraphs and line breaks inside a
  cell are joined with "\\n"; a nested table is flattened into its cell's text, cell by cell.
* Provenance: `paragraph` is the 1-based index of the block among the body's block-level items
  (each w:p and each w:tbl counts one, blank paragraphs included), so it matches
  `docx.Document(f).iter_inner_content()` for bodies without content controls. All lines of a
  paragraph share its index; a table and its cells carry the table's index, cells add 0-based
  grid coordinates `table_row`/`table_col`.

Hostile input: the ZIP directory is checked before python-docx opens the package (zip bombs:
see `container.py`). XML is parsed by python-docx's parser, which does not resolve entities, so
a DTD cannot pull in local files; entity references are dropped and reported.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from dataclasses import replace
from functools import partial
from io import BytesIO

from lxml import etree

from ..errors import CorruptFileError, EmptyInputError, NoTextLayerError
from ..model import Provenance
from ..source import Paragraph, Source, TableBlock
from . import word_headers
from .container import checked_members
from .list_numbers import Level, ListCounters, UnknownFormat
from .word_scans import PageArea, WordImage
from .word_tables import Vertical, WordGrid

# Word allows 63 grid columns; anything wider is a broken or hostile table.
MAX_SPAN = 64

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
P, TBL, TR, TC, R = (_W + t for t in ("p", "tbl", "tr", "tc", "r"))
BLOCKS, ROWS, CELLS = frozenset((P, TBL)), frozenset((TR,)), frozenset((TC,))
PPR, RPR, TCPR, TRPR = (_W + t for t in ("pPr", "rPr", "tcPr", "trPr"))
SDT, SDT_CONTENT, CUSTOM_XML = _W + "sdt", _W + "sdtContent", _W + "customXml"
FLD_CHAR, VANISH = _W + "fldChar", _W + "vanish"
VAL = _W + "val"
# Inline wrappers whose runs are displayed text.
_INLINE_CONTAINERS = {
    _W + t
    for t in ("hyperlink", "fldSimple", "ins", "moveTo", "smartTag", "customXml", "dir", "bdo")
}
_RUN_TEXT = {
    _W + "t": None,
    _W + "tab": "\t",
    _W + "ptab": "\t",
    _W + "br": "\n",
    _W + "cr": "\n",
    _W + "noBreakHyphen": "-",
}
_MATH_TEXT = _M + "t"
# A text box's content, in a DrawingML shape (wps:txbx) or a VML one (v:textbox); a shape in
# mc:AlternateContent is written twice, the VML copy in mc:Fallback.
TXBX_CONTENT = _W + "txbxContent"
# WordArt drawn with VML: its text is the string of the shape's v:textpath.
TEXTPATH = "{urn:schemas-microsoft-com:vml}textpath"
FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Pictures: a DrawingML blip names its image part by r:embed, a VML imagedata by r:id.
BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
IMAGEDATA = "{urn:schemas-microsoft-com:vml}imagedata"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
R_EMBED, R_ID = _R + "embed", _R + "id"


def read(data: bytes, path: str, name: str, sha256: str) -> Source:
    """The block stream of a Word document's body."""
    check_container(data, path)
    document = _open(data, path)
    body = document.element.body
    styles, numbering = _related_part(document, "styles"), _related_part(document, "numbering")
    blocks, warnings = read_body(body, styles, numbering, name)
    header = _first_page_header(document, body)
    banner = (
        word_headers.banner_paragraphs(header_lines(header, styles, numbering, name), blocks, name)
        if header is not None and blocks
        else []
    )
    if banner:
        blocks = [*banner, *blocks]
        warnings.insert(0, word_headers.WARNING)
    if not blocks:
        images = _images(document, body)
        if images:
            from . import word_scans

            return word_scans.read(images, path, name, sha256, "docx")
        if (
            body.find(".//" + _W + "drawing") is not None
            or body.find(".//" + _W + "pict") is not None
        ):
            raise NoTextLayerError(path, "the Word document holds only drawings, no text")
        raise EmptyInputError(path, "the Word document has no text")
    pages = _images(document, body, _page_area(body))
    if pages:
        from . import word_scans

        blocks, scan_warnings = word_scans.among_text(blocks, pages, path, name, sha256)
        warnings += scan_warnings
    return Source(path, name, "docx", sha256, blocks, warnings=warnings)


_EMU = {"pt": 12700, "in": 914400, "cm": 360000, "mm": 36000, "px": 9525}
_EMU_TWIP = 635
_VML_SIZE = re.compile(r"(width|height)\s*:\s*([\d.]+)\s*(pt|in|cm|mm|px)")


def _page_area(body) -> PageArea:
    """The page and margins of the body's first section (A4 with Word's margins when the
    document does not say)."""
    area = PageArea(width=11906, height=16838)
    section = next(body.iter(_W + "sectPr"), None)
    if section is None:
        return area
    size, margins = section.find(_W + "pgSz"), section.find(_W + "pgMar")
    found = {}
    for element, names in ((size, {"w": "width", "h": "height"}), (margins, _MARGINS)):
        if element is not None:
            for attribute, field_name in names.items():
                found[field_name] = _twips(element, attribute, getattr(area, field_name))
    return replace(area, **found)


_MARGINS = {"left": "left", "right": "right", "top": "top", "bottom": "bottom"}


def _twips(element, attribute: str, default: int) -> int:
    try:
        return abs(int(float(element.get(_W + attribute, default))))
    except ValueError:
        return default


def _shown_size(picture) -> tuple[float, float]:
    """The width and height (twips) a picture is shown at: its DrawingML extent, or the size in
    its VML shape's style; 0 when not given."""
    for ancestor in picture.iterancestors():
        if ancestor.tag in (_WP + "inline", _WP + "anchor"):
            extent = ancestor.find(_WP + "extent")
            if extent is None:
                break
            try:
                return float(extent.get("cx", 0)) / _EMU_TWIP, float(
                    extent.get("cy", 0)
                ) / _EMU_TWIP
            except ValueError:
                break
    if picture.tag == IMAGEDATA:
        found = {
            key: float(value) * _EMU[unit] / _EMU_TWIP
            for key, value, unit in _VML_SIZE.findall(picture.getparent().get("style", ""))
        }
        return found.get("width", 0.0), found.get("height", 0.0)
    return 0.0, 0.0


def _first_page_header(document, body):
    """The root of the header the first page shows (see `word_headers`), or None: section 1's
    first-page header when it has a different first page, else its default header."""
    section = next(body.iter(_W + "sectPr"), None)
    if section is None:
        return None
    title_page = section.find(_W + "titlePg")
    first = title_page is not None and _val(title_page, "true") not in ("0", "false", "off")
    kind = "first" if first else "default"
    for reference in section.findall(_W + "headerReference"):
        if reference.get(_W + "type", "default") == kind:
            part = document.part.related_parts.get(reference.get(R_ID))
            return getattr(part, "element", None)
    return None


def header_lines(header, styles_root, numbering_root, name: str) -> list[str]:
    """The lines of a header (w:hdr), its tables' cells included; shared with
    `wordxml_reader`."""
    styles = _Styles(styles_root)
    reader = _BodyReader(name, styles, _Numbering(numbering_root, styles))
    lines: list[str] = []
    for block in reader.read(header):
        if isinstance(block, Paragraph):
            lines.append(block.text)
        else:
            lines.extend(cell.text for row in block.rows for cell in row if cell.text)
    return lines


def _images(document, body, page: PageArea | None = None) -> list[WordImage]:
    """The pictures of the body in document order (DrawingML a:blip, VML v:imagedata; of a
    picture written twice in mc:AlternateContent only the chosen copy), with their paragraph;
    with `page`, only those shown over most of its text area: pictures of pages."""
    parts = document.part.related_parts
    images = []
    for k, element in enumerate(_children(body, BLOCKS), start=1):
        for picture in element.iter(BLIP, IMAGEDATA):
            if any(ancestor.tag == FALLBACK for ancestor in picture.iterancestors()):
                continue
            if page is not None and not page.holds_page(*_shown_size(picture)):
                continue
            part = parts.get(picture.get(R_EMBED if picture.tag == BLIP else R_ID))
            blob = getattr(part, "blob", None)
            if blob:
                images.append(WordImage(blob, k))
    return images


def read_body(
    body, styles_root, numbering_root, name: str
) -> tuple[list[Paragraph | TableBlock], list[str]]:
    """The blocks of a WordprocessingML body (w:body) with its styles and numbering (their
    root elements, or None), and the warnings for the record; shared with `wordxml_reader`."""
    styles = _Styles(styles_root)
    numbering = _Numbering(numbering_root, styles)
    reader = _BodyReader(name, styles, numbering)
    blocks = reader.read(body)
    warnings = []
    if numbering.unrecovered:
        warnings.append(f"automatic numbering not recovered in {numbering.unrecovered} paragraphs")
    if reader.entities:
        warnings.append(
            f"{reader.entities} XML entity references dropped unexpanded (DTDs are not trusted)"
        )
    return blocks, warnings


def check_container(data: bytes, path: str) -> None:
    """Refuse a ZIP that is broken, a zip bomb, or lacks the main document part."""
    infos = checked_members(data, path, "DOCX")
    if "word/document.xml" not in {info.filename for info in infos}:
        raise CorruptFileError(
            path, "no word/document.xml in the container: not a complete Word document"
        )


def _open(data: bytes, path: str):
    # python-docx is imported here so that reading other formats never pays for it.
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(BytesIO(data))
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        OSError,
        struct.error,
        etree.XMLSyntaxError,
    ) as exc:
        raise CorruptFileError(path, f"damaged Word document ({_first_line(exc)})") from None
    except (NotImplementedError, RuntimeError) as exc:
        # zipfile's refusals: unknown compression method or version, encrypted members.
        raise CorruptFileError(
            path, f"ZIP container uses a feature that cannot be read ({_first_line(exc)})"
        ) from None
    except (
        KeyError,
        ValueError,
        AttributeError,
        TypeError,
        IndexError,
        PackageNotFoundError,
    ) as exc:
        # python-docx walks the package parts without validating them: a relationships part with
        # no namespace surfaces as AttributeError, a missing target as KeyError.
        raise CorruptFileError(path, f"not a readable Word package ({_first_line(exc)})") from None
    if document.element.tag != _W + "document":
        # python-docx takes any XML for the main part; a damaged root tag leaves no w:body
        raise CorruptFileError(path, "damaged Word document (its main part is not a w:document)")
    return document


def _related_part(document, kind: str):
    """The root element of the document part's styles or numbering part, or None when absent.

    python-docx's own accessors invent a default part when there is none (and cannot for
    numbering), so the relationship is looked up directly.
    """
    from docx.opc.constants import RELATIONSHIP_TYPE

    try:
        part = document.part.part_related_by(getattr(RELATIONSHIP_TYPE, kind.upper()))
    except KeyError:
        return None
    return getattr(part, "element", None)


def _first_line(exc: Exception) -> str:
    text = str(exc).strip().strip("'\"") or type(exc).__name__
    return text.splitlines()[0][:160]


def _val(element, default=None):
    if element is None:
        return default
    return element.get(VAL, default)


def _int(text, default: int) -> int:
    try:
        return int(text)
    except (TypeError, ValueError):
        return default


def _children(container, wanted: frozenset[str]):
    """Children whose tag is in `wanted`, in order, looking through content controls and custom
    XML."""
    for child in container:
        tag = child.tag
        if tag in wanted:
            yield child
        elif tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _children(content, wanted)
        elif tag == CUSTOM_XML:
            yield from _children(child, wanted)


class _BodyReader:
    """Walks the body once; complex fields may span paragraphs, so field state lives here."""

    def __init__(self, name: str, styles: _Styles, numbering: _Numbering):
        self.name = name
        self.styles = styles
        self.numbering = numbering
        # One entry per open complex field: False while in its instruction, True in its result.
        self.fields: list[bool] = []
        self.entities = 0

    def read(self, body) -> list[Paragraph | TableBlock]:
        blocks: list[Paragraph | TableBlock] = []
        for k, element in enumerate(_children(body, BLOCKS), start=1):
            if element.tag == P:
                style_id = self.styles.paragraph_style(element)
                prov = Provenance(file=self.name, paragraph=k)
                style = self.styles.name(style_id)
                # A text box comes before the paragraph its shape is anchored in: where a 版头
                # set in a text box is seen, above the first paragraph.
                blocks.extend(Paragraph(line, prov) for line in self.text_box_lines(element))
                blocks.extend(
                    Paragraph(line, prov, style) for line in self.paragraph_lines(element, style_id)
                )
            else:
                table = self.table(element, k)
                if table.rows:
                    blocks.append(table)
        return blocks

    def paragraph_lines(self, p, style_id: str | None = None) -> list[str]:
        if style_id is None:
            style_id = self.styles.paragraph_style(p)
        parts: list[str] = []
        self._inline(p, parts)
        label = self.numbering.label_for(p.find(PPR), style_id)
        text = (label or "") + "".join(parts)
        return [line.strip() for line in text.split("\n") if line.strip()]

    def text_box_lines(self, p) -> list[str]:
        """The lines of the text boxes anchored in paragraph `p`, in document order; a box in a
        box is read with its outer box, and a fallback copy is not read again."""
        boxes = []
        for box in p.iter(TXBX_CONTENT, TEXTPATH):
            ancestor = box.getparent()
            while ancestor is not None and ancestor is not p:
                if ancestor.tag in (TXBX_CONTENT, FALLBACK):
                    break
                ancestor = ancestor.getparent()
            else:
                boxes.append(box)
        if not boxes:
            return []
        # The box is read apart from the fields open around its anchor.
        fields, self.fields = self.fields, []
        lines: list[str] = []
        for box in boxes:
            if box.tag == TEXTPATH:
                lines.extend(line.strip() for line in box.get("string", "").split("\n"))
                continue
            lines.extend(self.content_lines(box))
        self.fields = fields
        return [line for line in lines if line]

    def _inline(self, element, parts: list[str]) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str):
                if isinstance(child, etree._Entity):
                    self.entities += 1
                continue
            if tag == R:
                self._run(child, parts)
            elif tag in _INLINE_CONTAINERS:
                self._inline(child, parts)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self._inline(content, parts)
            elif tag.startswith(_M):
                self._math(child, parts)

    def _run(self, run, parts: list[str]) -> None:
        props = run.find(RPR)
        vanish = props.find(VANISH) if props is not None else None
        hidden = vanish is not None and _val(vanish, "true") not in ("0", "false", "off")
        for child in run:
            tag = child.tag
            if tag == FLD_CHAR:
                kind = child.get(_W + "fldCharType")
                if kind == "begin":
                    self.fields.append(False)
                elif kind == "separate" and self.fields:
                    self.fields[-1] = True
                elif kind == "end" and self.fields:
                    self.fields.pop()
                continue
            if hidden or not all(self.fields) or tag not in _RUN_TEXT:
                continue
            fixed = _RUN_TEXT[tag]
            parts.append(self._text(child) if fixed is None else fixed)

    def _math(self, element, parts: list[str]) -> None:
        for node in element.iter(_MATH_TEXT):
            parts.append(self._text(node))

    def _text(self, t) -> str:
        # Text after an (unexpanded) entity reference sits in the entity node's tail.
        pieces = [t.text or ""]
        for child in t:
            if isinstance(child, etree._Entity):
                self.entities += 1
            pieces.append(child.tail or "")
        return "".join(pieces)

    def table(self, tbl, k: int) -> TableBlock:
        grid = WordGrid(self.name, k)
        for tr in _children(tbl, ROWS):
            row_props = tr.find(TRPR)
            if row_props is not None and row_props.find(_W + "del") is not None:
                continue
            grid.new_row()
            col = _int(
                _val(row_props.find(_W + "gridBefore") if row_props is not None else None), 0
            )
            for tc in _children(tr, CELLS):
                props = tc.find(TCPR)
                span = min(
                    max(
                        _int(_val(props.find(_W + "gridSpan") if props is not None else None), 1), 1
                    ),
                    MAX_SPAN,
                )
                vmerge = props.find(_W + "vMerge") if props is not None else None
                hmerge = props.find(_W + "hMerge") if props is not None else None
                vertical: Vertical = None
                if vmerge is not None:
                    vertical = "continue" if _val(vmerge, "continue") == "continue" else "start"
                col = grid.place(
                    partial(self.cell_text, tc),
                    col,
                    span,
                    widens=hmerge is not None and _val(hmerge, "continue") == "continue",
                    vertical=vertical,
                )
        return grid.block()

    def cell_text(self, tc) -> str:
        return "\n".join(self.content_lines(tc))

    def content_lines(self, container) -> list[str]:
        """The lines of a cell's or a text box's paragraphs (their own text boxes first) and,
        for a table nested in it, of that table's cells one after another."""
        lines: list[str] = []
        for element in _children(container, BLOCKS):
            if element.tag == P:
                lines.extend(self.text_box_lines(element))
                lines.extend(self.paragraph_lines(element))
            else:
                nested = self.table(element, 0)
                lines.extend(cell.text for row in nested.rows for cell in row if cell.text)
        return lines


class _Styles:
    """Paragraph style names and the numbering a style carries, from styles.xml."""

    def __init__(self, root):
        from docx.styles import BabelFish

        self.names: dict[str, str] = {}
        self.based_on: dict[str, str] = {}
        self.numpr: dict[str, tuple[str | None, int | None]] = {}
        self.default: str | None = None
        for style in root.iter(_W + "style") if root is not None else ():
            if style.get(_W + "type") != "paragraph":
                continue
            style_id = style.get(_W + "styleId")
            if style_id is None:
                continue
            # Word stores built-in names in lower case ("heading 1"); show them as the UI does.
            self.names[style_id] = BabelFish.internal2ui(_val(style.find(_W + "name"), style_id))
            parent = _val(style.find(_W + "basedOn"))
            if parent:
                self.based_on[style_id] = parent
            numpr = style.find(f"{PPR}/{_W}numPr")
            if numpr is not None:
                ilvl = _val(numpr.find(_W + "ilvl"))
                self.numpr[style_id] = (
                    _val(numpr.find(_W + "numId")),
                    None if ilvl is None else _int(ilvl, 0),
                )
            if style.get(_W + "default") in ("1", "true"):
                self.default = style_id

    def paragraph_style(self, p) -> str | None:
        props = p.find(PPR)
        return _val(props.find(_W + "pStyle") if props is not None else None)

    def name(self, style_id: str | None) -> str | None:
        return self.names.get(style_id, style_id) if style_id else None

    def numbering(self, style_id: str | None) -> tuple[str | None, int | None] | None:
        """(numId, ilvl) a paragraph of this style inherits, following basedOn."""
        seen = set()
        current = style_id or self.default
        while current and current not in seen:
            seen.add(current)
            if current in self.numpr:
                return self.numpr[current]
            current = self.based_on.get(current)
        return None


class _Numbering:
    """Recomputes the labels Word draws in front of numbered paragraphs."""

    def __init__(self, root, styles: _Styles):
        self.styles = styles
        self.unrecovered = 0
        self.counters = ListCounters()
        definitions = list(root) if root is not None else []
        abstract = {
            a.get(_W + "abstractNumId"): a for a in definitions if a.tag == _W + "abstractNum"
        }
        nums = {n.get(_W + "numId"): n for n in definitions if n.tag == _W + "num"}
        # numId -> ilvl -> (the level, the paragraph style linked to it)
        self.levels: dict[str, dict[int, tuple[Level, str | None]]] = {}
        for num_id, num in nums.items():
            levels = self._abstract_levels(
                abstract, nums, _val(num.find(_W + "abstractNumId")), set()
            )
            for override in num.iter(_W + "lvlOverride"):
                ilvl = _int(override.get(_W + "ilvl"), 0)
                lvl = override.find(_W + "lvl")
                if lvl is not None:
                    levels[ilvl] = _level(lvl)
                start = override.find(_W + "startOverride")
                if start is not None and ilvl in levels:
                    level, style = levels[ilvl]
                    levels[ilvl] = (replace(level, start=_int(_val(start), 1)), style)
            self.levels[num_id] = levels

    def _abstract_levels(
        self, abstract, nums, abstract_id, seen: set
    ) -> dict[int, tuple[Level, str | None]]:
        definition = abstract.get(abstract_id)
        if definition is None or abstract_id in seen:
            return {}
        seen.add(abstract_id)
        levels = {
            _int(lvl.get(_W + "ilvl"), 0): _level(lvl) for lvl in definition.findall(_W + "lvl")
        }
        link = _val(definition.find(_W + "numStyleLink"))
        if not levels and link:
            # A list style: its levels live in the abstractNum the style's own numId points to.
            inherited = self.styles.numbering(link)
            num = nums.get(inherited[0]) if inherited else None
            if num is not None:
                return self._abstract_levels(
                    abstract, nums, _val(num.find(_W + "abstractNumId")), seen
                )
        return levels

    def label_for(self, props, style_id: str | None) -> str | None:
        numpr = props.find(_W + "numPr") if props is not None else None
        num_id = ilvl = None
        if numpr is not None:
            num_id = _val(numpr.find(_W + "numId"))
            ilvl_text = _val(numpr.find(_W + "ilvl"))
            ilvl = None if ilvl_text is None else _int(ilvl_text, 0)
        if num_id is None:
            inherited = self.styles.numbering(style_id)
            if inherited is None:
                return None
            num_id = inherited[0]
            ilvl = ilvl if ilvl is not None else inherited[1]
        if num_id in (None, "0"):
            return None  # numId 0 switches inherited numbering off
        levels = self.levels.get(num_id, {})
        if ilvl is None:
            ilvl = next(
                (k for k, (_, style) in levels.items() if style_id and style == style_id), 0
            )
        return self.label(num_id, ilvl)

    def label(self, num_id: str, ilvl: int) -> str | None:
        levels = {k: level for k, (level, _) in self.levels.get(num_id, {}).items()}
        if ilvl not in levels:
            self.unrecovered += 1
            return None
        try:
            return self.counters.label(num_id, levels, ilvl)
        except UnknownFormat:
            self.unrecovered += 1
            return None


def _level(lvl) -> tuple[Level, str | None]:
    """A w:lvl as a list level, and the paragraph style linked to it."""
    restart = lvl.find(_W + "lvlRestart")
    level = Level(
        start=_int(_val(lvl.find(_W + "start")), 1),
        fmt=_val(lvl.find(_W + "numFmt"), "decimal"),
        text=tuple(
            int(part[1]) - 1 if re.fullmatch(r"%[1-9]", part) else part
            for part in re.split(r"(%[1-9])", _val(lvl.find(_W + "lvlText"), ""))
            if part
        ),
        suffix=_val(lvl.find(_W + "suff"), "tab"),
        legal=lvl.find(_W + "isLgl") is not None
        and _val(lvl.find(_W + "isLgl"), "true") not in ("0", "false"),
        restart_below=None if restart is None else _int(_val(restart), 0),
    )
    return level, _val(lvl.find(_W + "pStyle"))
