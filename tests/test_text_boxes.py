"""A 版头 set in a text box or in a one-cell table, in .doc and .docx alike.

Red-header templates often put the 发文机关标志 in a text box anchored in the first paragraph
(the 文号 line): a reader sees it above the 文号, so both readers give the box's lines as
paragraphs just before the paragraph the shape is anchored in. The .doc files are written by
scripts/make_doc.py (the text box story, PlcftxbxTxt and PlcSpaMom as Word stores them); the
.docx files by python-docx with the shape's XML as Word writes it (DrawingML with a VML
fallback in mc:AlternateContent, or VML alone).
"""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml import parse_xml

from govdocparse import parse
from govdocparse.readers import read_data
from govdocparse.source import Block, Paragraph, TableBlock

from .support import FIXTURES, script

make_doc = script("make_doc")
Para = make_doc.Para

MARK = "青溪县人民政府办公室文件"
NUMBER = "青府办发〔2024〕12号"
TITLE = "青溪县人民政府办公室关于做好秋季森林防火工作的通知"
BODY = [
    "各乡镇人民政府，县政府各部门：",
    "现将有关事项通知如下。",
    "一、落实防火责任",
    "各地要落实防火责任。",
    "二、加强巡查值守",
    "各地要加强巡查。",
    "青溪县人民政府办公室",
    "2024年9月2日",
]


def _doc(first: list, text_boxes: list[str] | None = None) -> bytes:
    rest = [Para([(line + "\r", False)]) for line in [TITLE, *BODY]]
    return make_doc.word_file(first + rest, text_boxes=text_boxes)


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
WP = 'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
WPS = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
V = 'xmlns:v="urn:schemas-microsoft-com:vml"'


def _box_content(text: str) -> str:
    return f"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"


def _vml(text: str) -> str:
    return (
        f'<w:pict><v:shape style="width:400pt;height:60pt"><v:textbox>{_box_content(text)}'
        "</v:textbox></v:shape></w:pict>"
    )


def _drawing_run(text: str, fallback: bool = True) -> str:
    drawing = (
        '<w:drawing><wp:anchor behindDoc="0" simplePos="0" locked="0" layoutInCell="1" '
        'allowOverlap="1" relativeHeight="2" distT="0" distB="0" distL="0" distR="0">'
        '<wp:extent cx="5080000" cy="762000"/><wp:docPr id="1" name="Text Box 1"/>'
        f"<a:graphic {A}><a:graphicData "
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:spPr/><wps:txbx>{_box_content(text)}</wps:txbx><wps:bodyPr/>"
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
    )
    inner = (
        f'<mc:AlternateContent><mc:Choice Requires="wps">{drawing}</mc:Choice>'
        f"<mc:Fallback>{_vml(text)}</mc:Fallback></mc:AlternateContent>"
        if fallback
        else drawing
    )
    return f"<w:r {W} {MC} {WP} {A} {WPS} {V}>{inner}</w:r>"


def _wordart_run(text: str) -> str:
    """VML WordArt as Word 2003 and WPS write it: a shape of the text-path type."""
    return (
        f"<w:r {W} {V}><w:pict>"
        '<v:shapetype id="_x0000_t136" coordsize="21600,21600" path="m@7,l@8,m@5,21600l@6,21600e">'
        '<v:textpath on="t" fitshape="t"/></v:shapetype>'
        '<v:shape id="WordArt1" type="#_x0000_t136" style="width:400pt;height:50pt" '
        f'fillcolor="red" stroked="f"><v:textpath string="{text}"/></v:shape></w:pict></w:r>'
    )


def _docx(shape: str | None = None, one_cell: bool = False) -> bytes:
    """The notice as a .docx: the mark in a text box run (`shape` XML) anchored in the 文号
    paragraph, or in a one-cell table above it."""
    document = docx.Document()
    if one_cell:
        document.add_table(rows=1, cols=1).cell(0, 0).text = MARK
    number = document.add_paragraph(NUMBER)
    if shape is not None:
        number._p.insert(0, parse_xml(shape))
    for line in [TITLE, *BODY]:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _texts(blocks: list[Block]) -> list[tuple[int | None, str]]:
    out = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append((block.prov.paragraph, block.text))
        elif isinstance(block, TableBlock):
            out.extend((block.prov.paragraph, cell.text) for row in block.rows for cell in row)
    return out


EXPECTED_BOXED = [(1, MARK), (1, NUMBER), (2, TITLE)] + [
    (k, line) for k, line in enumerate(BODY, start=3)
]
BOXED_DOC = _doc([Para([("\x08" + NUMBER + "\r", False)])], text_boxes=[MARK])


@pytest.mark.parametrize(
    "name, data",
    [
        ("boxed.doc", BOXED_DOC),
        ("drawingml-with-vml-fallback.docx", _docx(_drawing_run(MARK))),
        ("drawingml.docx", _docx(_drawing_run(MARK, fallback=False))),
        ("vml.docx", _docx(f"<w:r {W} {V}>{_vml(MARK)}</w:r>")),
        ("wordart.docx", _docx(_wordart_run(MARK))),
        # LibreOffice's Word 97 exports of the DrawingML text box and of the WordArt .docx:
        # another writer's text box story, and WordArt as OfficeArt's gtextUNICODE property
        ("lo-text-box.doc", (FIXTURES / "doc" / "text-box-libreoffice.doc").read_bytes()),
        ("lo-wordart.doc", (FIXTURES / "doc" / "wordart-libreoffice.doc").read_bytes()),
    ],
)
def test_a_text_box_is_read_before_the_paragraph_it_is_anchored_in(name, data):
    source = read_data(data, name)
    assert _texts(source.blocks) == EXPECTED_BOXED
    assert source.warnings == []


def test_a_text_box_header_gives_the_issuer_mark_and_number(tmp_path):
    path = tmp_path / "boxed.doc"
    path.write_bytes(BOXED_DOC)
    document = parse(path).documents[0]
    assert document.metadata.issuer_mark == MARK
    assert document.metadata.doc_number == NUMBER
    assert document.title == TITLE


def test_a_text_box_without_its_anchor_is_left_out_with_a_warning():
    # the box's shape is anchored at a 0x08 that is not in the main text: no anchor to find
    data = _doc([Para([(NUMBER + "\r", False)])], text_boxes=[MARK])
    source = read_data(data, "lost.doc")
    assert MARK not in [text for _k, text in _texts(source.blocks)]
    assert source.warnings == ["1 text box(es) whose anchor was not found were left out"]


def test_text_boxes_without_lids_are_paired_with_the_shapes_in_order():
    first = [Para([("\x08" + NUMBER + "\r", False)]), Para([("\x08" + "\r", False)])]
    data = _doc(first, text_boxes=[MARK, "（样本）"])
    unset = make_doc.word_file(
        [*first, *[Para([(line + "\r", False)]) for line in [TITLE, *BODY]]],
        text_boxes=[MARK, "（样本）"],
        box_lids=False,
    )
    assert _texts(read_data(unset, "unset.doc").blocks) == _texts(read_data(data, "set.doc").blocks)
    assert _texts(read_data(unset, "unset.doc").blocks)[:4] == [
        (1, MARK),
        (1, NUMBER),
        (2, "（样本）"),
        (3, TITLE),
    ]


def test_a_one_cell_table_header_is_the_same_in_doc_and_docx():
    cell = make_doc.cell_props()
    table = [
        Para([(MARK + "\x07", False)], cell),
        Para([("\x07", False)], make_doc.row_end([0, 8800], [(0, 0)])),
    ]
    doc = read_data(_doc([*table, Para([(NUMBER + "\r", False)])]), "cell.doc")
    docx_source = read_data(_docx(one_cell=True), "cell.docx")
    assert _texts(doc.blocks) == _texts(docx_source.blocks)
    assert _texts(doc.blocks)[:2] == [(1, MARK), (2, NUMBER)]


# ------------------------------------------------------------------ text boxes in a page header

RUNNING = "青溪县人民政府行政规范性文件"


def header_docx(in_first_page_header: bool) -> bytes:
    """The notice with its 文号 in the first page's header and the mark in a text box anchored
    there (`in_first_page_header`), or with that text box in the running header of the other
    pages instead, beside the running title."""
    document = docx.Document()
    section = document.sections[0]
    section.different_first_page_header_footer = True
    number = section.first_page_header.paragraphs[0]
    number.text = NUMBER
    running = section.header.paragraphs[0]
    running.text = RUNNING
    anchor = number if in_first_page_header else running
    anchor._p.insert(0, parse_xml(_drawing_run(MARK)))
    for line in [TITLE, *BODY]:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


HEADER_CASES = [
    # (LibreOffice's Word 97 export of header_docx(...), the lines read from the header)
    ("header-text-box-libreoffice.doc", [MARK, NUMBER]),
    ("running-header-text-box-libreoffice.doc", [NUMBER]),
]


@pytest.mark.parametrize("name, banner", HEADER_CASES, ids=[case[0] for case in HEADER_CASES])
def test_a_text_box_in_the_header_read_is_read_before_its_paragraph(name, banner):
    """The header text boxes' story of a .doc: the one header read before the body brings its
    text boxes, as in .docx; another header's box stays out (its anchor is not in that
    header)."""
    docx_source = read_data(header_docx(banner[0] == MARK), "header.docx")
    source = read_data((FIXTURES / "doc" / name).read_bytes(), name)
    from_header = [b.text for b in source.blocks if isinstance(b, Paragraph) and b.prov.page]
    assert from_header == banner
    assert _texts(source.blocks) == _texts(docx_source.blocks)
    assert [text for _k, text in _texts(source.blocks)][len(banner)] == TITLE
