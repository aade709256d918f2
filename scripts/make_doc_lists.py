"""Writes the automatic-numbering fixtures of the .doc and .docx readers: a .docx whose headings
and lists are numbered by Word's multilevel lists (numbering.xml, no number in the text), and the
Word 97 .doc LibreOffice saves from it.

The document is an invented 工作方案 (白石市, not a real place's document) whose every number
comes from a list definition: a heading style linked to level 0 of a multilevel list (一、) with
direct levels under it (（一） / 1. / (1) / ①), a style based on a style numbered at level 1,
deeper levels restarting under each new heading, a list continued after body text, a numbered
paragraph in a table cell, a list instance whose start is overridden (5.), Chinese legal (壹、),
甲乙丙, letters with a space after the number, roman numerals, full-width digits starting at 3,
第一条 articles, and a bullet list (no number).

It also saves the DOCX reader's numbering fixture (tests/fixtures/edge/numbering.docx, written by
make_renditions.py: style-inherited and direct numbering, a format no reader writes, bullets, a
start override, numId 0) as tests/fixtures/doc/numbering.doc.

    python scripts/make_doc_lists.py     # writes lists.docx, lists.doc and numbering.doc

The start override has one paragraph: LibreOffice's Word 97 export moves only the first item of
an overridden list instance to a list of its own, so the items after it restart at 1 in the .doc
(LibreOffice reads its own .doc so too) while they continue in the .docx. Level restart limits
(w:lvlRestart, fNoRestart) are not used either: LibreOffice drops them.

Needs LibreOffice (soffice) for the .doc, as scripts/make_pdfs.py does. The .docx is
deterministic (fixed zip timestamps and core properties); the .doc is LibreOffice's, and carries
the document's fixed dates, so re-running leaves git clean for an unchanged LibreOffice.
"""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

# The sibling fixture writers, importable however this script is loaded (run, or by the tests).
sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_pdfs import FIXED_TIME, convert
from make_renditions import deterministic_zip, write

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "fixtures" / "doc"
DOCX_NUMBERING = ROOT / "tests" / "fixtures" / "edge" / "numbering.docx"

HEADINGS, ARTICLES, LEGAL, TRADITIONAL = 1, 2, 3, 4
LETTERS, ROMAN, FULL_WIDTH, BULLETS, RESTARTED = 5, 6, 7, 8, 9


def _lvl(ilvl: int, fmt: str, text: str, suffix: str = "nothing", start: int = 1) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:suff w:val="{suffix}"/>'
        f'<w:pPr><w:ind w:left="{420 * (ilvl + 1)}" w:hanging="420"/></w:pPr></w:lvl>'
    )


def _abstract(abstract_id: int, *levels: str) -> str:
    return (
        f'<w:abstractNum w:abstractNumId="{abstract_id}"><w:multiLevelType w:val="multilevel"/>'
        + "".join(levels)
        + "</w:abstractNum>"
    )


def numbering_xml() -> str:
    abstracts = [
        _abstract(
            0,
            _lvl(0, "chineseCounting", "%1、"),
            _lvl(1, "chineseCounting", "（%2）"),
            _lvl(2, "decimal", "%3."),
            _lvl(3, "decimal", "(%4)"),
            _lvl(4, "decimalEnclosedCircle", "%5"),
        ),
        _abstract(1, _lvl(0, "chineseCounting", "第%1条", suffix="space")),
        _abstract(2, _lvl(0, "chineseLegalSimplified", "%1、", suffix="tab")),
        _abstract(3, _lvl(0, "ideographTraditional", "%1、")),
        _abstract(4, _lvl(0, "upperLetter", "%1.", suffix="space")),
        _abstract(5, _lvl(0, "lowerRoman", "%1)")),
        _abstract(6, _lvl(0, "decimalFullWidth", "%1．", start=3)),
        _abstract(7, _lvl(0, "bullet", "\u2022", suffix="tab")),
        _abstract(8, _lvl(0, "decimal", "%1.", suffix="space")),
    ]
    nums = [
        (HEADINGS, 0, ""),
        (ARTICLES, 1, ""),
        (LEGAL, 2, ""),
        (TRADITIONAL, 3, ""),
        (LETTERS, 4, ""),
        (ROMAN, 5, ""),
        (FULL_WIDTH, 6, ""),
        (BULLETS, 7, ""),
        (RESTARTED, 8, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>'),
    ]
    return (
        f"<w:numbering {nsdecls('w')}>"
        + "".join(abstracts)
        + "".join(
            f'<w:num w:numId="{num}"><w:abstractNumId w:val="{abstract}"/>{extra}</w:num>'
            for num, abstract, extra in nums
        )
        + "</w:numbering>"
    )


# (text, style, (numId, ilvl) or None): the document, paragraph by paragraph; "TABLE" stands for
# a two-by-two table whose second row's first cell is a numbered paragraph.
BODY: list[tuple[str, str | None, tuple[int, int] | None]] = [
    ("白石市推进全民阅读工作方案", "Title", None),
    ("为建设书香城市，制定本方案。", None, None),
    ("总体要求", "Heading 1", None),
    ("指导思想", None, (HEADINGS, 1)),
    ("坚持以人民为中心，推动阅读服务均衡发展。", None, None),
    ("工作目标", None, (HEADINGS, 1)),
    ("到2027年基本建成覆盖城乡的阅读服务体系", None, (HEADINGS, 2)),
    ("公共图书馆年接待读者增长", None, (HEADINGS, 2)),
    ("市级馆", None, (HEADINGS, 3)),
    ("县级馆", None, (HEADINGS, 3)),
    ("社区书屋", None, (HEADINGS, 4)),
    ("农家书屋", None, (HEADINGS, 4)),
    ("重点任务", "Heading 1", None),
    ("完善设施网络", None, (HEADINGS, 1)),
    ("建设城市书房", None, (HEADINGS, 2)),
    ("以上任务由市文化旅游局牵头。", None, None),
    ("丰富阅读活动", None, (HEADINGS, 1)),
    ("举办读书节", None, (HEADINGS, 2)),
    ("TABLE", None, None),
    ("保障措施", "Heading 1", None),
    ("组织领导", "Subheading Note", None),
    ("本方案自印发之日起施行。", None, (ARTICLES, 0)),
    ("由市文化旅游局负责解释。", None, (ARTICLES, 0)),
    ("组织保障", None, (LEGAL, 0)),
    ("经费保障", None, (LEGAL, 0)),
    ("第一批", None, (TRADITIONAL, 0)),
    ("第二批", None, (TRADITIONAL, 0)),
    ("第三批", None, (TRADITIONAL, 0)),
    ("Reading rooms", None, (LETTERS, 0)),
    ("Book fairs", None, (LETTERS, 0)),
    ("first", None, (ROMAN, 0)),
    ("second", None, (ROMAN, 0)),
    ("third", None, (ROMAN, 0)),
    ("fourth", None, (ROMAN, 0)),
    ("全角编号从三开始", None, (FULL_WIDTH, 0)),
    ("全角编号继续", None, (FULL_WIDTH, 0)),
    ("项目符号一", None, (BULLETS, 0)),
    ("项目符号二", None, (BULLETS, 0)),
    ("从五开始", None, (RESTARTED, 0)),
    ("附件：任务分工表", None, None),
]


def _numbered(paragraph, num_id: int, ilvl: int) -> None:
    paragraph._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )


def lists_docx() -> bytes:
    document = docx.Document()
    numbering = document.part.numbering_part
    numbering._element = parse_xml(numbering_xml())
    heading = document.styles["Heading 1"]
    heading.element.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="{HEADINGS}"/></w:numPr>')
    )
    # A style numbered at level 1, and one based on it that inherits its numbering.
    subheading = document.styles.add_style("Subheading", WD_STYLE_TYPE.PARAGRAPH)
    subheading.base_style = document.styles["Normal"]
    subheading.element.get_or_add_pPr().append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="1"/><w:numId w:val="{HEADINGS}"/></w:numPr>'
        )
    )
    note = document.styles.add_style("Subheading Note", WD_STYLE_TYPE.PARAGRAPH)
    note.base_style = subheading
    for text, style, number in BODY:
        if text == "TABLE":
            table = document.add_table(rows=2, cols=2)
            table.style = "Table Grid"
            table.cell(0, 0).text, table.cell(0, 1).text = "任务", "牵头单位"
            table.cell(1, 1).text = "市图书馆"
            cell = table.cell(1, 0).paragraphs[0]
            cell.add_run("开展阅读推广")
            _numbered(cell, HEADINGS, 2)
            continue
        paragraph = document.add_paragraph(text, style)
        if number is not None:
            _numbered(paragraph, *number)
    properties = document.core_properties
    properties.created = properties.modified = properties.last_printed = FIXED_TIME
    properties.author = properties.last_modified_by = "govdocparse"
    properties.revision = 1
    out = io.BytesIO()
    document.save(out)
    return deterministic_zip(out.getvalue())


def word97(docx_files: dict[str, bytes]) -> dict[str, bytes]:
    """The .doc LibreOffice saves from each named .docx, by the .doc's name."""
    with tempfile.TemporaryDirectory() as work:
        sources = {Path(work, name): data for name, data in docx_files.items()}
        for source, data in sources.items():
            source.write_bytes(data)
        converted = convert(list(sources), "doc:MS Word 97")
        return {f"{source.stem}.doc": converted[source] for source in sources}


def main() -> int:
    data = lists_docx()
    write(OUT / "lists.docx", data)
    docs = word97({"lists.docx": data, "numbering.docx": DOCX_NUMBERING.read_bytes()})
    for name, doc in docs.items():
        write(OUT / name, doc)
    return 0


if __name__ == "__main__":
    sys.exit(main())
