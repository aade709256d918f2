"""The other ways Word and WPS save a document — RTF, Word 2003 XML, web page, single-file web
page (MHT) — read by their content whatever their name, and giving the records the .docx gives.

The saves of two corpus renditions are tests/fixtures/word-saves (scripts/make_word_saves.py):
the prose notice's saves all named .doc, as portals publish them, the plan with merged table
cells' saves under their own extensions. The readers' details are tested on small documents
written here, as data.
"""

from __future__ import annotations

import base64
import email.policy
import quopri
import re
from email.message import EmailMessage
from functools import cache

import pytest

from govdocparse import errors, parse
from govdocparse.model import json_schema
from govdocparse.readers import EXTENSIONS, read_data
from govdocparse.source import Paragraph, TableBlock

from .support import FIXTURES, RENDITIONS, record_projection, script

SAVES = FIXTURES / "word-saves"
AS_DOC = "wanzhou-2018-children-policy"
OWN_NAMES = "meizhou-2023-child-friendly-city"
# (file, the format its content is, the warning its name earns)
CASES = [
    (f"{AS_DOC}-rtf.doc", "rtf", "content is RTF although the name ends in .doc: read as RTF"),
    (
        f"{AS_DOC}-wordxml.doc",
        "wordxml",
        "content is Word 2003 XML although the name ends in .doc: read as Word 2003 XML",
    ),
    (f"{AS_DOC}-html.doc", "html", "content is HTML although the name ends in .doc: read as HTML"),
    (f"{AS_DOC}-mht.doc", "mht", "content is MHT although the name ends in .doc: read as MHT"),
    (f"{OWN_NAMES}.rtf", "rtf", None),
    (f"{OWN_NAMES}.xml", "wordxml", None),
    (f"{OWN_NAMES}.html", "html", None),
    (f"{OWN_NAMES}.mht", "mht", None),
]


@cache
def _docx_record(stem: str, squash: bool):
    return record_projection(parse(RENDITIONS / f"{stem}.docx"), squash)


@pytest.mark.parametrize("name, fmt, warning", CASES, ids=[case[0] for case in CASES])
def test_a_save_gives_the_records_of_the_docx(name, fmt, warning):
    result = parse(SAVES / name)
    assert result.source.format == fmt
    assert result.source.warnings == ([warning] if warning else [])
    # LibreOffice's HTML writer wraps long lines at spaces, and a line break between two Chinese
    # characters is no space in a page: white space is not compared for web pages.
    squash = fmt in ("html", "mht")
    stem = name.split(".")[0].removesuffix(f"-{fmt}")
    expected = _docx_record(stem, squash)
    actual = record_projection(result, squash)
    for key in expected[0]:
        assert [d[key] for d in actual] == [d[key] for d in expected], key


def test_the_mht_fixtures_are_what_the_script_writes():
    make = script("make_word_saves")
    for stem, mht_name, html_name in (
        (AS_DOC, f"{AS_DOC}-mht.doc", f"{AS_DOC}-html.doc"),
        (OWN_NAMES, f"{OWN_NAMES}.mht", f"{OWN_NAMES}.html"),
    ):
        html = (SAVES / html_name).read_bytes()
        assert make.mht(html, stem) == (SAVES / mht_name).read_bytes()


def test_the_record_format_enum_names_every_format_a_reader_gives():
    enum = json_schema()["$defs"]["SourceInfo"]["properties"]["format"]["enum"]
    assert set(EXTENSIONS.values()) | {"image"} <= set(enum)
    assert {"rtf", "wordxml", "mht"} <= set(enum)


# ---------------------------------------------------------------- RTF


def _texts(source) -> list:
    return [
        b.text if isinstance(b, Paragraph) else [[c.text for c in row] for row in b.rows]
        for b in source.blocks
    ]


def _rtf(body: str, header: str = r"\ansi\ansicpg936\deff0", encoding: str = "latin-1") -> bytes:
    fonts = r"{\fonttbl{\f0\fnil\fcharset134 \'cb\'ce\'cc\'e5;}{\f1\fswiss\fcharset0 Arial;}}"
    return ("{\\rtf1" + header + fonts + body + "}").encode(encoding)


RTF_TEXT_CASES = [
    # (what it shows, RTF body, the paragraphs it gives)
    (
        "GBK bytes in the document's code page",
        r"\'b9\'d8\'d3\'da\'d3\'a1\'b7\'a2\par",
        ["关于印发"],
    ),
    ("Unicode with one fallback byte", r"\u20851\'3f\u20110?\par", ["关于"]),
    ("\\uc2: two fallback bytes (a GBK pair)", r"\uc2\u20851\'b9\'d8\u20110\'d3\'da\par", ["关于"]),
    ("a negative \\uN is a code point over 32767", r"\u-30362?\par", ["\u8966"]),
    ("a \\uN out of 16 bits is damage", r"a\u99999?b\par", ["a\ufffdb"]),
    ("a surrogate pair", r"\u-10176?\u-9216?\par", ["\U00020000"]),
    ("the font's character set over an ANSI code page", r"\f0\'d6\'d0\f1 A\par", ["中A"]),
    ("a manual line break splits the paragraph", r"first\line second\par", ["first", "second"]),
    ("hidden and deleted text are dropped", r"a{\v hidden}b{\deleted gone}c\par", ["abc"]),
    (
        "a field keeps its result, not its instruction",
        r'{\field{\*\fldinst HYPERLINK "http://x"}{\fldrslt link}}\par',
        ["link"],
    ),
    (
        "headers, footnotes and unknown \\* groups are dropped",
        r"{\header head\par}a{\footnote note}{\*\unknown x}b\par",
        ["ab"],
    ),
    (
        "a tab after a list number is dropped",
        r"{\listtext \'d2\'bb\'a1\'a2\tab}text\par",
        ["一、text"],
    ),
    (
        "the Unicode copy of \\upr is read, not its ANSI copy",
        r"{\upr{a}{\*\ud{\u20013?}}}\par",
        ["中"],
    ),
    ("named symbols", r"\ldblquote x\rdblquote\emdash\~y\par", ["“x”—\u00a0y"]),
    ("binary data holds no tokens", r"{\*\blipuid x}{\pict\bin4 }{{\par}a\par", ["a"]),
    (
        "a text box comes before its anchor paragraph",
        r"anchor{\shp{\*\shpinst{\sp{\sn fill}{\sv 1}}{\shptxt in box\par}}}\par",
        ["in box", "anchor"],
    ),
    ("a style's name", r"{\stylesheet{\s1 heading 1;}}\pard\s1 Title\par", ["Title"]),
]


@pytest.mark.parametrize(
    "body, expected", [case[1:] for case in RTF_TEXT_CASES], ids=[c[0] for c in RTF_TEXT_CASES]
)
def test_rtf_text(body, expected):
    source = read_data(_rtf(body), "notice.rtf")
    assert _texts(source) == expected
    assert source.format == "rtf" and source.warnings == []


def test_rtf_style_name_is_the_interface_name():
    source = read_data(_rtf(r"{\stylesheet{\s1 heading 1;}}\pard\s1 Title\par body\par"), "a.rtf")
    assert [(b.text, b.style) for b in source.blocks if isinstance(b, Paragraph)] == [
        ("Title", "Heading 1"),
        ("body", "Heading 1"),
    ]


def _row(cells: list[tuple[str, int, str]]) -> str:
    """A table row: (text, right edge, merge control words) per cell."""
    definition = r"\trowd\trleft0" + "".join(f"{merge}\\cellx{edge}" for _, edge, merge in cells)
    content = "".join(rf"\pard\intbl {text}\cell" for text, _, _ in cells)
    return definition + content + r"\row"


def test_rtf_table_with_merged_cells():
    body = (
        r"before\par"
        + _row([("类别", 1000, ""), ("指标", 2000, ""), ("目标", 3000, "")])
        + _row([("健康", 1000, r"\clvmgf"), ("死亡率", 2000, ""), ("5‰", 3000, "")])
        + _row([("", 1000, r"\clvmrg"), ("两行\\par 之内", 3000, "")])
        + _row([("合", 1000, r"\clmgf"), ("", 2000, r"\clmrg"), ("计", 3000, "")])
        + r"\pard after\par"
    )
    source = read_data(_rtf(body, r"\ansi\ansicpg65001", "utf-8"), "t.rtf")
    table = source.blocks[1]
    assert isinstance(table, TableBlock)
    assert [[(c.text, c.rowspan, c.colspan, c.merged) for c in row] for row in table.rows] == [
        [("类别", 1, 1, False), ("指标", 1, 1, False), ("目标", 1, 1, False)],
        [("健康", 2, 1, False), ("死亡率", 1, 1, False), ("5‰", 1, 1, False)],
        [("", 1, 1, True), ("两行\n之内", 1, 2, False)],
        [("合", 1, 2, False), ("计", 1, 1, False)],
    ]
    assert [(c.prov.table_row, c.prov.table_col) for c in table.rows[2]] == [(2, 0), (2, 1)]
    assert _texts(source)[0] == "before" and _texts(source)[2] == "after"
    assert [b.prov.paragraph for b in source.blocks] == [1, 2, 3]


def test_rtf_truncated_is_read_with_a_warning():
    source = read_data(_rtf(r"whole\par cut {\b off")[:-1], "cut.rtf")
    assert _texts(source) == ["whole", "cut off"]
    assert source.warnings == [
        "the RTF file ends before its groups close (truncated?): read to its end"
    ]


@pytest.mark.parametrize(
    "body, error, says",
    [
        (r"{\info{\title \'b1\'ea}}", errors.EmptyInputError, "the RTF document has no text"),
        (r"{\pict\wmetafile8 0100090000}", errors.NoTextLayerError, "holds only images"),
    ],
)
def test_rtf_without_text_is_refused(body, error, says):
    with pytest.raises(error, match=says):
        read_data(_rtf(body), "empty.rtf")


# ---------------------------------------------------------------- Word 2003 XML

_WORDML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<?mso-application progid="Word.Document"?>\n'
    '<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml" '
    'xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint" '
    'xmlns:aml="http://schemas.microsoft.com/aml/2001/core" '
    'xmlns:v="urn:schemas-microsoft-com:vml">'
    "<w:lists>"
    '<w:listDef w:listDefId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:nfc w:val="37"/>'
    '<w:lvlText w:val="%1、"/></w:lvl></w:listDef>'
    '<w:list w:ilfo="1"><w:ilst w:val="0"/></w:list>'
    "</w:lists>"
    '<w:styles><w:style w:type="paragraph" w:default="on" w:styleId="Normal">'
    '<w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/></w:style></w:styles>'
    "<w:body>{body}</w:body></w:wordDocument>"
)


def _p(text: str, props: str = "") -> str:
    return f"<w:p>{props}<w:r><w:t>{text}</w:t></w:r></w:p>"


def _wordml(body: str) -> bytes:
    return _WORDML.replace("{body}", body).encode("utf-8")


def test_word_2003_xml_body():
    listed = "<w:pPr><w:listPr><w:ilvl w:val='0'/><w:ilfo w:val='1'/></w:listPr></w:pPr>"
    cell = "<w:tc><w:tcPr>{}</w:tcPr>" + _p("{}") + "</w:tc>"
    body = (
        "<wx:sect><wx:sub-section>"
        + _p("总体要求", listed.replace("<w:pPr>", "<w:pPr><w:pStyle w:val='H1'/>"))
        + "<w:p><w:hlink w:dest='http://x'><w:r><w:t>链接</w:t></w:r></w:hlink>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"
        "<aml:annotation w:type='Word.Insertion'><aml:content><w:r><w:t>插入</w:t></w:r>"
        "</aml:content></aml:annotation>"
        "<aml:annotation w:type='Word.Deletion'><aml:content><w:r><w:delText>删除</w:delText>"
        "</w:r></aml:content></aml:annotation></w:p>"
        + _p("主要目标", listed)
        + "<w:tbl><w:tr>"
        + cell.format("<w:vmerge w:val='restart'/>", "健康")
        + cell.format("<w:gridSpan w:val='2'/>", "死亡率")
        + "</w:tr><w:tr>"
        + cell.format("<w:vmerge/>", "")
        + cell.format("", "5‰")
        + cell.format("", "下降")
        + "</w:tr></w:tbl>"
        + "</wx:sub-section></wx:sect>"
    )
    source = read_data(_wordml(body), "notice.xml")
    assert source.format == "wordxml" and source.warnings == []
    assert _texts(source) == [
        "一、总体要求",
        "链接插入",
        "二、主要目标",
        [["健康", "死亡率"], ["", "5‰", "下降"]],
    ]
    heading = source.blocks[0]
    assert isinstance(heading, Paragraph) and heading.style == "Heading 1"
    table = source.blocks[3]
    assert isinstance(table, TableBlock)
    assert [[(c.rowspan, c.colspan, c.merged) for c in row] for row in table.rows] == [
        [(2, 1, False), (1, 2, False)],
        [(1, 1, True), (1, 1, False), (1, 1, False)],
    ]


@pytest.mark.parametrize(
    "data, error, says",
    [
        (_wordml(_p("半截"))[:-40], errors.CorruptFileError, "damaged Word 2003 XML document"),
        (
            _wordml("<w:p><w:r><w:pict><v:shape/></w:pict></w:r></w:p>"),
            errors.NoTextLayerError,
            "holds only images",
        ),
        (_wordml(""), errors.EmptyInputError, "has no text"),
    ],
    ids=["truncated", "only-images", "empty"],
)
def test_word_2003_xml_refusals(data, error, says):
    with pytest.raises(error, match=says):
        read_data(data, "bad.xml")


def test_word_2003_xml_expands_no_entity():
    doctype = '<!DOCTYPE w:wordDocument [<!ENTITY secret SYSTEM "file:///etc/hostname">]>'
    data = _wordml(_p("甲&secret;乙")).replace(b"\n<?mso", f"\n{doctype}<?mso".encode())
    source = read_data(data, "entity.xml")
    assert _texts(source) == ["甲乙"]
    assert source.warnings == ["1 XML entity references dropped unexpanded (DTDs are not trusted)"]


def test_an_xml_file_that_is_not_word_is_refused():
    with pytest.raises(errors.UnsupportedFormatError, match="not a Word 2003 XML document"):
        read_data(b'<?xml version="1.0"?><urlset><url>x</url></urlset>', "sitemap.xml")


# ---------------------------------------------------------------- MHT and Word's HTML

_WORD_HTML = """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset={charset}">
<meta name=Generator content="Microsoft Word 15">
<title>白石市人民政府办公室关于印发白石市儿童发展规划的通知</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties><o:Author>办公室</o:Author></o:DocumentProperties>
</xml><![endif]--><!--[if gte mso 9]><xml>
 <w:WordDocument><w:View>Print</w:View><w:Zoom>90</w:Zoom></w:WordDocument>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face {{font-family:宋体; mso-font-charset:134;}}
p.MsoNormal, li.MsoNormal {{mso-style-parent:""; margin:0cm; font-size:10.5pt;}}
-->
</style>
</head>
<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>
<div class=WordSection1 style='layout-grid:15.6pt'>
<p class=MsoNormal align=center style='text-align:center'><span
style='font-size:22.0pt;font-family:方正小标宋简体'>白石市人民政府办公室<o:p></o:p></span></p>
<p class=MsoNormal style='text-indent:32.0pt'><span
style='font-size:16.0pt'>各区县人民政府，市政府各部门：<span
lang=EN-US><o:p></o:p></span></span></p>
<p class=MsoListParagraph
style='margin-left:18.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
lang=EN-US>一、<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]><span
style='font-size:16.0pt'>总体要求，现将规划印发给你们。<o:p></o:p></span></p>
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
</div>
</body>
</html>
"""
WORD_HTML_LINES = [
    "白石市人民政府办公室",
    "各区县人民政府，市政府各部门：",
    "一、总体要求，现将规划印发给你们。",
]


def test_word_html_saved_as_doc_reads_clean():
    data = _WORD_HTML.format(charset="gb2312").encode("gbk")
    source = read_data(data, "notice.doc")
    assert source.format == "html"
    assert source.warnings == ["content is HTML although the name ends in .doc: read as HTML"]
    texts = [b.text for b in source.blocks if isinstance(b, Paragraph)]
    assert [t.replace(" ", "").replace("\u00a0", "") for t in texts] == WORD_HTML_LINES


def _mht(html: bytes, charset: str | None, encoding: str, start: bool = False) -> bytes:
    archive = EmailMessage(policy=email.policy.SMTP)
    archive["MIME-Version"] = "1.0"
    archive.make_mixed()
    archive.set_type("multipart/related")
    image = EmailMessage()
    image.set_content(b"\x89PNG\r\n\x1a\n", maintype="image", subtype="png")
    image["Content-Location"] = "file:///C:/notice.files/image001.png"
    page = EmailMessage()
    page["Content-Type"] = "text/html" + (f'; charset="{charset}"' if charset else "")
    page["Content-Transfer-Encoding"] = encoding
    page["Content-ID"] = "<page@notice>"
    page.set_payload(
        base64.encodebytes(html).decode("ascii")
        if encoding == "base64"
        else quopri.encodestring(html).decode("ascii")
    )
    parts = [image, page] if start else [page, image]
    for part in parts:
        archive.attach(part)
    if start:
        archive.set_param("start", "<page@notice>")
    return archive.as_bytes()


@pytest.mark.parametrize(
    "charset, encoding, start",
    [
        ("gb2312", "quoted-printable", False),
        ("gbk", "base64", False),
        (None, "base64", False),  # the page's own <meta> names its charset
        ("gb2312", "quoted-printable", True),  # the root part named by `start`, after an image
    ],
)
def test_mht_reads_its_page(charset, encoding, start):
    html = _WORD_HTML.format(charset="gb2312").encode("gbk")
    source = read_data(_mht(html, charset, encoding, start), "notice.mht")
    assert source.format == "mht" and source.warnings == []
    texts = [b.text for b in source.blocks if isinstance(b, Paragraph)]
    assert [t.replace(" ", "").replace("\u00a0", "") for t in texts] == WORD_HTML_LINES


def test_mht_without_a_page_is_refused():
    archive = EmailMessage()
    archive["MIME-Version"] = "1.0"
    archive.set_content(b"\x89PNG\r\n", maintype="image", subtype="png")
    archive.make_related()
    with pytest.raises(errors.EmptyInputError, match="holds no HTML page"):
        read_data(archive.as_bytes(), "a.mht")


def test_batch_leaves_xml_files_aside_but_reads_word_xml_named_doc(tmp_path):
    from govdocparse.batch import run_batch

    folder = tmp_path / "crawl"
    folder.mkdir()
    (folder / "sitemap.xml").write_bytes(b'<?xml version="1.0"?><urlset><url>x</url></urlset>')
    saved = SAVES / "wanzhou-2018-children-policy-wordxml.doc"
    (folder / saved.name).write_bytes(saved.read_bytes())
    summary = run_batch(folder, tmp_path / "out", workers=1, progress=False)
    assert (summary.parsed, summary.failed) == (1, 0)


# ---------------------------------------------------------------- Flat OPC ("Word XML Document")


def _flat_opc(docx_bytes: bytes, *, drop: str = "") -> bytes:
    """The .docx as Word 2007 saves it as "Word XML Document": each part a pkg:part, XML parts
    inline, others in base64 (written here as Word lays it out, not by the reader's code)."""
    import zipfile
    from io import BytesIO

    parts = []
    with zipfile.ZipFile(BytesIO(docx_bytes)) as package:
        types = package.read("[Content_Types].xml").decode("utf-8")
        defaults = dict(re.findall(r'<Default Extension="(\w+)" ContentType="([^"]+)"', types))
        overrides = dict(re.findall(r'<Override PartName="/([^"]+)" ContentType="([^"]+)"', types))
        for member in package.namelist():
            if member in ("[Content_Types].xml", drop):
                continue
            data = package.read(member)
            kind = overrides.get(member) or defaults[member.rsplit(".", 1)[-1]]
            if member.endswith((".xml", ".rels")):
                body = data.split(b"?>", 1)[-1].decode("utf-8")
                content = f"<pkg:xmlData>{body}</pkg:xmlData>"
            else:
                content = f"<pkg:binaryData>{base64.encodebytes(data).decode()}</pkg:binaryData>"
            parts.append(
                f'<pkg:part pkg:name="/{member}" pkg:contentType="{kind}">{content}</pkg:part>'
            )
    return (
        '<?xml version="1.0" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n'
        '<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">'
        + "".join(parts)
        + "</pkg:package>"
    ).encode("utf-8")


@pytest.mark.parametrize("stem", [AS_DOC, OWN_NAMES])
def test_a_flat_opc_word_xml_document_gives_the_records_of_the_docx(stem, tmp_path):
    path = tmp_path / f"{stem}.xml"
    path.write_bytes(_flat_opc((RENDITIONS / f"{stem}.docx").read_bytes()))
    result = parse(path)
    assert result.source.format == "wordxml" and result.source.warnings == []
    expected = _docx_record(stem, False)
    actual = record_projection(result, False)
    for key in expected[0]:
        assert [d[key] for d in actual] == [d[key] for d in expected], key


def test_a_flat_opc_package_without_its_document_part_is_refused_in_one_line():
    data = _flat_opc((RENDITIONS / f"{AS_DOC}.docx").read_bytes(), drop="word/document.xml")
    with pytest.raises(errors.CorruptFileError, match=r"without its document part"):
        read_data(data, "notice.xml")


def test_a_flat_opc_document_named_doc_is_read_with_a_warning_naming_it():
    source = read_data(_flat_opc((RENDITIONS / f"{AS_DOC}.docx").read_bytes()), "notice.doc")
    assert source.format == "wordxml"
    assert source.warnings == [
        "content is Word XML (Flat OPC) although the name ends in .doc: read as Word XML (Flat OPC)"
    ]
