"""Writes printed renditions of real-world cases: .docx in the GB/T 9704-2012 layout, the .pdf
LibreOffice prints from it and the .doc it saves as Word 97.

The cases and their options are listed in tests/realworld/renditions.yaml. A case's text is read
with the text reader, the lines a print does not carry are dropped, and every block is given the
role it plays in a printed 公文 (份号, 密级, 紧急程度, 发文机关标志, 发文字号 and 签发人, title,
主送机关, headings, body, 附件说明, signature, 成文日期, 附注, 版记, tables). The roles are found
with the case's facts file — the hand-written truth of what each line is — never with the
parser's later stages, so a rendition tests the readers rather than repeats them. Each role
gets the print's look: a red 发文机关标志 over a red rule, the 文号 centred above it (签发人 at
its right in an upward document), the title centred, the body in a Song-style face with 一、 in
a black face, signature and date right-aligned with a red seal over them, plans and annexes on
a new page, the 版记 between rules at the end, page numbers "— N —" outside the text, Word
tables with the header repeated and merged cells. Word numbering is not used: headings keep
their numbers as text.

Outputs are deterministic (fixed document dates, which LibreOffice carries into the .doc, fixed
zip timestamps, PDF dates and ids pinned), so re-running leaves git clean for an unchanged
LibreOffice.

    python scripts/make_realworld_renditions.py            # every rendition
    python scripts/make_realworld_renditions.py CASE...    # only these cases

Needs what scripts/make_pdfs.py needs (soffice, fonts-noto-cjk).
"""

from __future__ import annotations

import argparse
import io
import math
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
import yaml
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor
from PIL import Image, ImageDraw

from govdocparse.readers import read
from govdocparse.source import Block, Paragraph, TableBlock
from govdocparse.textutil import iso_date

# The sibling fixture writers, importable however this script is loaded (run, or by the tests).
sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_pdfs import FIXED_TIME, convert, pin, require_cjk_text, write
from make_renditions import deterministic_zip, grid_width, vertical_runs

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "realworld"
OUT = CASES / "renditions"
CONFIG = CASES / "renditions.yaml"

# The faces a 公文 names are 方正小标宋简体, 仿宋_GB2312, 黑体 and 楷体_GB2312; the installed Noto
# faces stand in for them so LibreOffice prints the same glyphs on every machine.
SONG = "Noto Serif CJK SC"  # body (仿宋)
HEI = "Noto Sans CJK SC"  # 一、 headings, 份号/密级/紧急程度, 附件 label (黑体)
RED = RGBColor(0xE6, 0x00, 0x12)
BODY_PT, TITLE_PT, MARK_PT, FOOTER_PT = 16, 22, 30, 14
TEXT_WIDTH_MM = 156  # A4 less the 28 mm and 26 mm margins
_VML = "urn:schemas-microsoft-com:vml"

_LEVEL1 = re.compile(r"^[一二三四五六七八九十]+、")
_LEVEL2 = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
_PAGE_NUMBER = re.compile(r"^[—-]\s*\d+\s*[—-]$")
_PERIOD_LINE = re.compile(r"^[（(]\d{4}\s*[—–-]+\s*\d{4}年[）)]$")
_PRINTED = re.compile(r"^(.+?)[\s\u3000]+(\S+印发)$")
_SIGNER = re.compile(r"签发人[：:]\s*(\S+)")
_SPACES = re.compile(r"[ \u3000]{2,}")


@dataclass
class Rendition:
    source: str
    formats: list[str]
    drop_lines: list[str] = field(default_factory=list)
    issuer_mark: str | None = None
    title_break: str | None = None
    footer_table: bool = False
    rule: str = "border"
    mark_table: bool = False
    signature_table: bool = False
    omits: dict[str, str] = field(default_factory=dict)


def load_renditions(path: Path = CONFIG) -> list[Rendition]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return [Rendition(source, **options) for source, options in entries.items()]


# ---------------------------------------------------------------- roles


@dataclass
class Role:
    """A block of the source and what it is in the printed document."""

    kind: str  # mark, banner, docno, signer, title, period, recipients, heading1, heading2,
    # body, attachment, signature, date, note, annex_label, cc, printer, table
    block: Block
    text: str = ""
    new_page: bool = False


def _dropped(rendition: Rendition) -> set[int]:
    lines: set[int] = set()
    for spec in rendition.drop_lines:
        first, _, last = str(spec).partition("-")
        lines.update(range(int(first), int(last or first) + 1))
    return lines


def _kept_blocks(rendition: Rendition, blocks: list[Block]) -> list[Block]:
    """The blocks a print carries: no dropped lines, no page numbers of the copied print, and a
    table continued after a page break joined to its first part (its repeated header dropped)."""
    dropped = _dropped(rendition)
    kept: list[Block] = []
    for block in blocks:
        lines = block.prov.lines
        if lines and set(range(lines[0], lines[1] + 1)) & dropped:
            continue
        if isinstance(block, Paragraph) and _PAGE_NUMBER.match(block.text):
            continue
        if isinstance(block, TableBlock) and kept and isinstance(kept[-1], TableBlock):
            previous = kept[-1]
            header = [[c.text for c in row] for row in previous.rows[: _header_rows(previous)]]
            repeated = [[c.text for c in row] for row in block.rows[: len(header)]]
            rows = block.rows[len(header) :] if repeated == header else block.rows
            kept[-1] = TableBlock(previous.rows + rows, previous.prov)
            continue
        kept.append(block)
    return kept


def _header_rows(table: TableBlock) -> int:
    """Rows of the header: the first, and a second that starts empty (the cell merged down)."""
    if len(table.rows) > 2 and not table.rows[1][0].text:
        return 2
    return 1


def _titles(facts: dict) -> list[tuple[str, str]]:
    return [(d.get("title", ""), d.get("kind", "")) for d in facts.get("documents", [])]


def assign_roles(blocks: list[Block], facts: dict) -> list[Role]:
    """Each kept block's role in the print, found with the facts of the case."""
    documents = facts.get("documents", [])
    first = documents[0].get("metadata", {}) if documents else {}
    issuers = [d.get("metadata", {}).get("issuer") for d in documents]
    issuer_parts = {part for i in issuers if i for part in i.split("、")}
    dates = {str(d.get("metadata", {}).get("date_written")) for d in documents}
    notes = {d.get("metadata", {}).get("note") for d in documents} - {None}
    signers = set(first.get("signers") or [])
    banner = {first.get(k) for k in ("copy_number", "secrecy", "urgency")} - {None}
    titles = _titles(facts)
    next_title = 0
    roles: list[Role] = []
    texts = [b.text if isinstance(b, Paragraph) else None for b in blocks]
    i = 0
    in_body = False
    while i < len(blocks):
        block, text = blocks[i], texts[i]
        if text is None:
            roles.append(Role("table", block))
            i += 1
            continue
        title_span = (
            _title_span(texts, i, titles[next_title][0], issuers[next_title])
            if next_title < len(titles)
            else 0
        )
        if title_span:
            new_page = next_title > 0 and not (roles and roles[-1].kind == "annex_label")
            for k in range(title_span):
                line = texts[i + k] or ""
                roles.append(Role("title", blocks[i + k], _unquoted(line), new_page and k == 0))
            i += title_span
            if i < len(blocks) and texts[i] and _PERIOD_LINE.match(texts[i] or ""):
                roles.append(Role("period", blocks[i], texts[i] or ""))
                i += 1
            addressed = bool(documents[next_title].get("metadata", {}).get("recipients"))
            i = _recipients(blocks, texts, i, addressed, roles)
            if next_title == 0:
                i = _after_docno_under_title(blocks, texts, i, first, addressed, roles)
            next_title += 1
            in_body = True
            continue
        kind = _role_of(text, first, banner, signers, issuer_parts, dates, notes, in_body)
        if kind == "annex_label":
            roles.append(Role(kind, block, text, new_page=True))
        else:
            roles.append(Role(kind, block, text))
        i += 1
    return roles


def _recipients(blocks, texts, i: int, addressed: bool, roles: list[Role]) -> int:
    """The 主送机关 line right after the title, when the document has addressees."""
    if addressed and i < len(blocks) and (texts[i] or "").rstrip().endswith(("：", ":")):
        roles.append(Role("recipients", blocks[i], texts[i] or ""))
        return i + 1
    return i


def _after_docno_under_title(blocks, texts, i, first: dict, addressed: bool, roles) -> int:
    """A 文号 printed under the title (web copies of a print without 版头) keeps its place."""
    number = first.get("doc_number")
    if i < len(blocks) and number and texts[i] and number in (texts[i] or ""):
        roles.append(Role("docno", blocks[i], texts[i] or ""))
        i = _recipients(blocks, texts, i + 1, addressed, roles)
    return i


def _title_span(texts: list[str | None], i: int, title: str, issuer: str | None) -> int:
    """How many lines from `i` print `title`, or the issuer on a line above it and the title;
    a mirror's 《》 around the line is read through."""
    # joint issuers are printed side by side over the title, without the 、 the facts join them by
    wanted = {_compact(title), _compact((issuer or "").replace("、", "") + title)}
    joined = ""
    for k in range(3):
        if i + k >= len(texts) or texts[i + k] is None:
            return 0
        joined += _compact(_unquoted(texts[i + k] or ""))
        if joined in wanted:
            return k + 1
        if not any(want.startswith(joined) for want in wanted):
            return 0
    return 0


def _role_of(text, first, banner, signers, issuer_parts, dates, notes, in_body) -> str:
    if not in_body:
        if text in banner:
            return "banner"
        if text == first.get("issuer_mark"):
            return "mark"
        if first.get("doc_number") and first["doc_number"] in text:
            return "docno"
        if text in signers:
            return "signer"
        return "mark"  # a line of the 版头's 发文机关标志 (joint issuers stacked over 文件)
    if text.startswith(("抄送：", "抄送:")):
        return "cc"
    if _PRINTED.match(text) and text.endswith("印发"):
        return "printer"
    if text in ("附件", "附表") or re.fullmatch(r"附件\d+", text):
        return "annex_label"
    if text.startswith(("附件：", "附件:")):
        return "attachment"
    if text in notes:
        return "note"
    if iso_date(text) in dates:
        return "date"
    organs = _SPACES.split(text.strip())
    if in_body and all(organ in issuer_parts for organ in organs):
        return "signature"
    if _LEVEL1.match(text) and len(text) <= 30:
        return "heading1"
    if _LEVEL2.match(text) and len(text) <= 30 and "。" not in text[:-1]:
        return "heading2"
    return "body"


def _unquoted(text: str) -> str:
    return text[1:-1] if text.startswith("《") and text.endswith("》") else text


def _compact(text: str) -> str:
    return "".join(text.split())


# ---------------------------------------------------------------- DOCX building blocks


def _fonts(run, face: str) -> None:
    run.font.name = face
    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), face)


def _document() -> docx.document.Document:
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = SONG
    normal.font.size = Pt(BODY_PT)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), SONG)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = Pt(28)  # 22 lines a page, as GB/T 9704 sets them
    props = document.core_properties
    props.author = props.last_modified_by = "govdocparse renditions"
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.footer_distance = Mm(25)
    document.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer.paragraphs[0], WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(section.even_page_footer.paragraphs[0], WD_ALIGN_PARAGRAPH.LEFT)
    return document


def _page_number(paragraph, alignment) -> None:
    """'— N —' in 四号 outside the text: odd pages at the right, even pages at the left."""
    paragraph.alignment = alignment
    indent = Pt(FOOTER_PT)
    if alignment == WD_ALIGN_PARAGRAPH.RIGHT:
        paragraph.paragraph_format.right_indent = indent
    else:
        paragraph.paragraph_format.left_indent = indent
    paragraph.add_run("— ").font.size = Pt(FOOTER_PT)
    run = paragraph.add_run()
    run.font.size = Pt(FOOTER_PT)
    for kind, code in (("begin", None), (None, " PAGE "), ("separate", None), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = code
        run._r.append(element)
    paragraph.add_run(" —").font.size = Pt(FOOTER_PT)


def _border(paragraph, side: str, size: int, color: str = "000000", space: int = 1) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        ppr.append(borders)
    line = OxmlElement(f"w:{side}")
    for key, value in (("val", "single"), ("sz", str(size)), ("space", str(space))):
        line.set(qn(f"w:{key}"), value)
    line.set(qn("w:color"), color)
    borders.append(line)


def _indent_chars(paragraph, first: int = 0, left: int = 0, right: int = 0) -> None:
    """Indents in characters (hundredths), as Word writes 首行缩进2字符."""
    ind = OxmlElement("w:ind")
    if first:
        ind.set(qn("w:firstLineChars"), str(first * 100))
        ind.set(qn("w:firstLine"), str(first * BODY_PT * 20))
    if left:
        ind.set(qn("w:leftChars"), str(left * 100))
        ind.set(qn("w:left"), str(left * BODY_PT * 20))
    if right:
        ind.set(qn("w:rightChars"), str(right * 100))
        ind.set(qn("w:right"), str(right * BODY_PT * 20))
    paragraph._p.get_or_add_pPr().append(ind)


def _para(document, text: str = "", face: str = SONG, size: float = BODY_PT, **style):
    paragraph = document.add_paragraph()
    if style.get("align") is not None:
        paragraph.alignment = style["align"]
    if text:
        run = paragraph.add_run(text)
        _fonts(run, face)
        run.font.size = Pt(size)
        if style.get("color") is not None:
            run.font.color.rgb = style["color"]
        if style.get("bold"):
            run.font.bold = True
    if size > BODY_PT:
        paragraph.paragraph_format.line_spacing = Pt(size * 1.4)
    return paragraph


def _page_break_before(paragraph) -> None:
    paragraph.paragraph_format.page_break_before = True


@dataclass
class _Seal:
    """A red seal (a ring with a star) over the signature, floating behind the text."""

    png: bytes = b""

    def image(self) -> bytes:
        if not self.png:
            size = 240
            image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
            draw = ImageDraw.Draw(image)
            red = (230, 0, 18, 200)
            draw.ellipse((6, 6, size - 6, size - 6), outline=red, width=10)
            cx = cy = size / 2
            star = []
            for k in range(10):
                radius = 48 if k % 2 == 0 else 19
                angle = math.pi / 2 + k * math.pi / 5
                star.append((cx + radius * math.cos(angle), cy - radius * math.sin(angle)))
            draw.polygon(star, fill=red)
            out = io.BytesIO()
            image.save(out, "PNG", optimize=True)
            self.png = out.getvalue()
        return self.png


SEAL = _Seal()


def _float_seal(paragraph, offset: int = 3300000) -> None:
    """The seal as an anchored picture behind the text, over the signature's end (`offset` EMU
    from the column's left)."""
    run = paragraph.add_run()
    run.add_picture(io.BytesIO(SEAL.image()), width=Mm(40))
    inline = run._r.find(".//" + qn("wp:inline"))
    extent = inline.find(qn("wp:extent"))
    graphic = inline.find(qn("a:graphic"))
    doc_pr = inline.find(qn("wp:docPr"))
    anchor = parse_xml(
        f'<wp:anchor {nsdecls("wp", "a")} distT="0" distB="0" distL="0" distR="0" '
        'simplePos="0" relativeHeight="1" behindDoc="1" locked="0" layoutInCell="1" '
        'allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>{offset}</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>-700000</wp:posOffset>'
        f'</wp:positionV><wp:extent cx="{extent.get("cx")}" cy="{extent.get("cy")}"/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        f'<wp:docPr id="{doc_pr.get("id")}" name="seal"/><wp:cNvGraphicFramePr/></wp:anchor>'
    )
    anchor.append(graphic)
    inline.getparent().replace(inline, anchor)


# ---------------------------------------------------------------- tables


def _table(document, block: TableBlock) -> None:
    width = grid_width(block)
    table = document.add_table(rows=len(block.rows), cols=width)
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header = _header_rows(block)
    for r, row in enumerate(block.rows):
        cells = table.rows[r].cells
        for c, cell in enumerate(row):
            lines = cell.text.split("\n")
            for k, line in enumerate(lines):
                paragraph = cells[c].paragraphs[0] if k == 0 else cells[c].add_paragraph()
                paragraph.paragraph_format.line_spacing = 1.0
                run = paragraph.add_run(line)
                run.font.size = Pt(12)
                _fonts(run, HEI if r < header else SONG)
                if r < header:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if r < header:
            repeat = OxmlElement("w:tblHeader")
            repeat.set(qn("w:val"), "true")
            table.rows[r]._tr.get_or_add_trPr().append(repeat)
        if len(row) < width:
            table.cell(r, len(row) - 1).merge(table.cell(r, width - 1))
    if header == 2:
        for c in range(width):
            top, below = block.rows[0][c].text, block.rows[1][c].text
            if top and not below:
                table.cell(0, c).merge(table.cell(1, c))
        for c in range(width - 1, 0, -1):
            if not block.rows[0][c].text and block.rows[1][c].text:
                table.cell(0, c - 1).merge(table.cell(0, c))
    for (r, c), height in vertical_runs(block).items():
        if r >= header:
            table.cell(r, c).merge(table.cell(r + height - 1, c))


# ---------------------------------------------------------------- the document


def _footer_lines(document, roles: list[Role], as_table: bool) -> None:
    """The 版记: 抄送 and 印发机关/印发日期 between a thick rule above, a thin one between and a
    thick one below; the 印发日期 at the right."""
    lines = [r for r in roles if r.kind in ("cc", "printer")]
    if not lines:
        return
    if as_table:
        table = document.add_table(rows=len(lines), cols=1)
        borders = OxmlElement("w:tblBorders")
        for side, size in (("top", 8), ("bottom", 8), ("insideH", 4)):
            line = OxmlElement(f"w:{side}")
            for key, value in (("val", "single"), ("sz", str(size)), ("color", "000000")):
                line.set(qn(f"w:{key}"), value)
            borders.append(line)
        table._tbl.tblPr.append(borders)
        containers = [table.rows[k].cells[0] for k in range(len(lines))]
        paragraphs = [cell.paragraphs[0] for cell in containers]
    else:
        paragraphs = [document.add_paragraph() for _ in lines]
    for k, (role, paragraph) in enumerate(zip(lines, paragraphs, strict=True)):
        paragraph.paragraph_format.line_spacing = Pt(24)
        _indent_chars(paragraph, left=1, right=1)
        paragraph.paragraph_format.tab_stops.add_tab_stop(
            Mm(TEXT_WIDTH_MM - 12), WD_TAB_ALIGNMENT.RIGHT
        )
        text = role.text
        match = _PRINTED.match(text) if role.kind == "printer" else None
        if match:
            text = f"{match.group(1)}\t{match.group(2)}"
        run = paragraph.add_run(text)
        run.font.size = Pt(FOOTER_PT)
        _fonts(run, SONG)
        if not as_table:
            if k == 0:
                _border(paragraph, "top", 8)
            _border(paragraph, "bottom", 8 if k == len(lines) - 1 else 4)


def docx_rendition(rendition: Rendition) -> bytes:
    source_path = CASES / f"{rendition.source}.txt"
    facts = yaml.safe_load((CASES / f"{rendition.source}.facts.yaml").read_text(encoding="utf-8"))
    blocks = _kept_blocks(rendition, read(source_path).blocks)
    roles = assign_roles(blocks, facts)
    document = _document()
    document.core_properties.title = next((r.text for r in roles if r.kind == "title"), "")
    kinds = [r.kind for r in roles]
    if rendition.issuer_mark and "mark" not in kinds:
        # The 版头 the text copy lost: the mark, and the 文号 moved up under it.
        mark = Paragraph(rendition.issuer_mark, blocks[0].prov)
        number = [r for r in roles if r.kind == "docno"]
        roles = [Role("mark", mark, rendition.issuer_mark), *number]
        roles += [r for r in assign_roles(blocks, facts) if r.kind != "docno"]
        kinds = [r.kind for r in roles]
    previous = ""
    for index, role in enumerate(roles):
        kind = role.kind
        if kind in ("cc", "printer"):
            if previous not in ("cc", "printer"):
                _para(document)
                _footer_lines(document, roles[index:], rendition.footer_table)
            previous = kind
            continue
        if isinstance(role.block, TableBlock):
            _table(document, role.block)
        elif kind == "banner":
            _para(document, role.text, HEI)
        elif kind == "mark" and rendition.mark_table and previous != "mark":
            paragraph = _mark_table(document, [r.text for r in roles[index:] if r.kind == "mark"])
            if "docno" not in kinds[: index + 4]:
                _red_rule(document, paragraph, rendition.rule)
        elif kind == "mark" and rendition.mark_table:
            pass  # written with the first line of the mark
        elif kind == "mark":
            paragraph = _para(
                document,
                role.text,
                SONG,
                MARK_PT,
                align=WD_ALIGN_PARAGRAPH.CENTER,
                color=RED,
                bold=True,
            )
            paragraph.paragraph_format.space_before = Pt(24)
            paragraph.paragraph_format.space_after = Pt(36)
            if "docno" not in kinds[: index + 3]:
                _red_rule(document, paragraph, rendition.rule)
        elif kind == "docno":
            banner = "mark" in kinds[:index]
            _docno(document, role, roles[index + 1 : index + 3], banner, rendition.rule)
        elif kind == "signer":
            pass  # written with the 文号 line
        elif kind in ("title", "period"):
            paragraph = _title_line(document, role, rendition, roles, index)
            if paragraph is None:
                continue
            if role.new_page:
                _page_break_before(paragraph)
        elif kind == "recipients":
            _para(document).paragraph_format.line_spacing = Pt(14)
            _para(document, role.text)
        elif kind == "heading1":
            _indent_chars(_para(document, role.text, HEI), first=2)
        elif kind == "heading2":
            _indent_chars(_para(document, role.text, SONG, bold=True), first=2)
        elif kind == "attachment":
            _para(document)
            _indent_chars(_para(document, role.text), left=2)
        elif kind == "signature":
            if previous != "signature":
                _para(document)
                _para(document)
                block = [r.text for r in roles[index:] if r.kind == "signature"]
                if rendition.signature_table and any(_SPACES.search(t) for t in block):
                    _signature_table(document, roles, index)
            if not rendition.signature_table:
                paragraph = _para(document, role.text, align=WD_ALIGN_PARAGRAPH.RIGHT)
                _indent_chars(paragraph, right=2)
                if previous != "signature":
                    _float_seal(paragraph)
        elif kind == "date":
            paragraph = _para(document, role.text, align=WD_ALIGN_PARAGRAPH.RIGHT)
            _indent_chars(paragraph, right=4)
        elif kind == "note":
            _para(document)
            _indent_chars(_para(document, role.text), first=2)
        elif kind == "annex_label":
            paragraph = _para(document, role.text, HEI)
            _page_break_before(paragraph)
        else:
            _indent_chars(_para(document, role.text), first=2)
        previous = kind
    out = io.BytesIO()
    document.save(out)
    return deterministic_zip(out.getvalue())


def _mark_table(document, lines: list[str]):
    """Joint issuers' 发文机关标志 as Word templates set it: the organs stacked in the left
    column of a borderless table, 文件 in the right column across their rows, in red; returns
    an empty paragraph after it."""
    organs, word = lines[:-1], lines[-1]
    table = document.add_table(rows=len(organs), cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, organ in enumerate(organs):
        paragraph = table.rows[r].cells[0].paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.DISTRIBUTE
        run = paragraph.add_run(organ)
        _fonts(run, SONG)
        run.font.size, run.font.bold, run.font.color.rgb = Pt(MARK_PT - 4), True, RED
    cell = table.cell(0, 1).merge(table.cell(len(organs) - 1, 1))
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    run = cell.paragraphs[0].add_run(word)
    _fonts(run, SONG)
    run.font.size, run.font.bold, run.font.color.rgb = Pt(MARK_PT + 6), True, RED
    return _para(document)


def _red_rule(document, paragraph, kind: str) -> None:
    """The red rule under the 版头: the paragraph's bottom border, or (`shape`) a red line drawn
    as a shape in a paragraph of its own, as templates that draw it with the line tool have it."""
    if kind != "shape":
        _border(paragraph, "bottom", 18, "E60012", space=12)
        return
    holder = _para(document)
    holder.paragraph_format.line_spacing = Pt(12)
    width = f"{TEXT_WIDTH_MM * 72 / 25.4:.1f}pt"
    line = parse_xml(
        f'<w:r {nsdecls("w")} xmlns:v="{_VML}"><w:pict><v:line style="position:absolute;z-index:1;'
        'mso-position-horizontal-relative:margin" from="0,6pt" '
        f'to="{width},6pt" strokecolor="#E60012" strokeweight="2.25pt"/></w:pict></w:r>'
    )
    holder._p.append(line)


def _signature_table(document, roles: list[Role], index: int) -> None:
    """Joint issuers signed in a borderless table: one organ a cell, two a row, and the seal
    over the last one."""
    rows = []
    for role in roles[index:]:
        if role.kind != "signature":
            break
        rows.append(_SPACES.split(role.text.strip()))
    width = max(len(row) for row in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for r, organs in enumerate(rows):
        for c, organ in enumerate(organs):
            paragraph = table.rows[r].cells[c].paragraphs[0]
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _fonts(paragraph.add_run(organ), SONG)
    _float_seal(table.rows[-1].cells[width - 1].paragraphs[0], offset=300000)


def _docno(document, role: Role, after: list[Role], banner: bool, rule: str) -> None:
    """The 发文字号: centred over the red rule; with 签发人, indented one character at the left and
    the signers at the right, a second signer under the first."""
    match = _SIGNER.search(role.text)
    if match:
        number = role.text[: match.start()].strip()
        lines = [f"{number}\t签发人：{match.group(1)}"]
        lines += [f"\t{r.text}" for r in after if r.kind == "signer"]
        for k, line in enumerate(lines):
            paragraph = _para(document)
            _indent_chars(paragraph, left=1, right=1)
            paragraph.paragraph_format.tab_stops.add_tab_stop(
                Mm(TEXT_WIDTH_MM - 6), WD_TAB_ALIGNMENT.RIGHT
            )
            run = paragraph.add_run(line)
            _fonts(run, SONG)
            if k == len(lines) - 1 and banner:
                _red_rule(document, paragraph, rule)
        return
    paragraph = _para(document, role.text, align=WD_ALIGN_PARAGRAPH.CENTER)
    if banner:
        _red_rule(document, paragraph, rule)


def _title_line(document, role: Role, rendition: Rendition, roles: list[Role], index: int):
    """A title line, centred in the title face; two lines of one title are one paragraph with a
    line break when the case asks for it."""
    previous = roles[index - 1] if index else None
    soft = rendition.title_break == "soft" and role.kind == "title"
    if soft and previous is not None and previous.kind == "title" and not role.new_page:
        paragraph = document.paragraphs[-1]
        run = paragraph.add_run()
        run.add_break(WD_BREAK.LINE)
        run = paragraph.add_run(role.text)
        _fonts(run, SONG)
        run.font.size = Pt(TITLE_PT)
        run.font.bold = True
        return None
    size = TITLE_PT if role.kind == "title" else BODY_PT
    first_title = previous is None or previous.kind not in ("title", "period")
    if first_title and not role.new_page:
        _para(document)
    paragraph = _para(
        document, role.text, SONG, size, align=WD_ALIGN_PARAGRAPH.CENTER, bold=role.kind == "title"
    )
    return paragraph


# ---------------------------------------------------------------- Word 97 and PDF


def write_formats(renditions: list[Rendition]) -> None:
    with tempfile.TemporaryDirectory() as work:
        docx_paths: dict[str, Path] = {}
        for rendition in renditions:
            data = docx_rendition(rendition)
            path = Path(work, f"{rendition.source}.docx")
            path.write_bytes(data)
            docx_paths[rendition.source] = path
            if "docx" in rendition.formats:
                write(OUT / path.name, data)
        pdfs = [docx_paths[r.source] for r in renditions if "pdf" in r.formats]
        for source, pdf in convert(pdfs, "pdf").items():
            pdf = pin(pdf, source.stem)
            require_cjk_text(pdf, source.name)
            write(OUT / f"{source.stem}.pdf", pdf)
        docs = [docx_paths[r.source] for r in renditions if "doc" in r.formats]
        for source, doc in convert(docs, "doc:MS Word 97").items():
            write(OUT / f"{source.stem}.doc", doc)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", help="only these cases (default: every one)")
    args = parser.parse_args(argv)
    renditions = load_renditions()
    if args.cases:
        renditions = [r for r in renditions if r.source in args.cases]
    write_formats(renditions)
    return 0


if __name__ == "__main__":
    sys.exit(main())
