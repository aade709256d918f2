"""What OFD writers emit beyond the plain fixture: advance arrays in mixed short form, text
scaled by its CTM, narrowed glyphs, several layers and nested blocks, templates, resources in
several files, several documents in one package, a page area of its own, unfilled text.

Each case is a page (or package) written here in the way a writer puts it; the expectation is
the text a reader of the page sees.
"""

from __future__ import annotations

import io
import zipfile

import pytest

from govdocparse.errors import CorruptFileError, NoTextLayerError
from govdocparse.readers import pdf_ocr, read_data
from govdocparse.source import Paragraph, Source, TableBlock

from .support import FIXTURES, script

make_ofd = script("make_ofd")
NOTICE = FIXTURES / "ofd" / "notice.ofd"
NS = make_ofd.NS


def _parts() -> dict[str, bytes | str]:
    archive = zipfile.ZipFile(NOTICE)
    return {name: archive.read(name) for name in archive.namelist()}


def _zip(parts: dict[str, bytes | str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content.encode() if isinstance(content, str) else content)
    return out.getvalue()


def _page(objects: str, head: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {NS}>{head}<ofd:Content>'
        f"{objects}</ofd:Content></ofd:Page>"
    )


def _layer(objects: str, kind: str = "Body") -> str:
    return f'<ofd:Layer ID="1" Type="{kind}">{objects}</ofd:Layer>'


def _text(x: float, y: float, text: str, attrs: str = "", code: str = "") -> str:
    """A TextObject at (x, y) whose TextCode sits on the baseline 5 below the Boundary's top."""
    return (
        f'<ofd:TextObject ID="5" Font="1" Size="5" Boundary="{x:g} {y:g} 150 8" {attrs}>'
        f'<ofd:TextCode X="0" Y="5" {code}>{text}</ofd:TextCode></ofd:TextObject>'
    )


def _read_page(content: str) -> Source:
    parts = _parts()
    parts["Doc_0/Pages/Page_0/Content.xml"] = content
    return read_data(_zip(parts), "variant.ofd")


def _page_one(source: Source) -> list[str]:
    return [b.text for b in source.blocks if isinstance(b, Paragraph) and b.prov.page == 1]


# (case, page content, paragraphs page 1 must have)
PAGES = [
    (
        "DeltaX mixing plain advances and 'g N d' runs; a long advance is a gap",
        _page(_layer(_text(28, 40, "甲乙丙丁戊己", code='DeltaX="5 g 2 5 20 g 2 5"'))),
        ["甲乙丙丁 戊己"],
    ),
    (
        "DeltaY moving the pen down: the characters after it are on the next line",
        _page(_layer(_text(28, 40, "上行下行", code='DeltaX="5 -5 5" DeltaY="0 12 0"'))),
        ["上行", "下行"],
    ),
    (
        "font size in points scaled to millimetres by the CTM, beside unscaled text",
        _page(
            _layer(
                '<ofd:TextObject ID="5" Font="1" Size="16" Boundary="28 40 150 10" '
                'CTM="0.3528 0 0 0.3528 0 0"><ofd:TextCode X="0" Y="14" DeltaX="g 3 16">'
                "一二三四</ofd:TextCode></ofd:TextObject>"
                '<ofd:TextObject ID="6" Font="1" Size="5.6448" Boundary="50.58 40 30 10">'
                '<ofd:TextCode X="0" Y="4.9392" DeltaX="5.6448">五六</ofd:TextCode>'
                "</ofd:TextObject>"
            )
        ),
        ["一二三四五六"],
    ),
    (
        "size 1 and the whole size in the CTM (a writer that scales unit glyphs)",
        _page(
            _layer(
                '<ofd:TextObject ID="5" Font="1" Size="1" Boundary="28 40 150 10" '
                'CTM="5 0 0 5 0 0"><ofd:TextCode X="0" Y="1" DeltaX="g 3 1">'
                "青溪县卫</ofd:TextCode></ofd:TextObject>"
                + _text(48, 40, "生健康局", code='DeltaX="g 3 5"')
            )
        ),
        ["青溪县卫生健康局"],
    ),
    (
        "narrowed glyphs (HScale) without advances: the next object follows at their width",
        _page(
            _layer(_text(28, 40, "一二三四", attrs='HScale="0.5"') + _text(38, 40, "五六", code=""))
        ),
        ["一二三四五六"],
    ),
    (
        "several layers (background, body, foreground): all are read, in reading order",
        _page(
            _layer(_text(28, 60, "第二行正文"), "Body")
            + _layer(_text(28, 40, "第一行标题"), "Foreground")
            + _layer('<ofd:PathObject ID="7" Boundary="0 0 210 1"/>', "Background")
        ),
        ["第一行标题", "第二行正文"],
    ),
    (
        "text in nested PageBlocks",
        _page(
            _layer(
                '<ofd:PageBlock ID="8"><ofd:PageBlock ID="9">'
                + _text(28, 40, "嵌套块中的文字")
                + "</ofd:PageBlock></ofd:PageBlock>"
            )
        ),
        ["嵌套块中的文字"],
    ),
    (
        "unfilled (Fill=false) and stroked text is text: the invisible layer over a scan",
        _page(
            _layer(
                '<ofd:ImageObject ID="4" ResourceID="999" Boundary="0 0 210 297" '
                'CTM="210 0 0 297 0 0"/>'
                + _text(28, 40, "双层文件的文字层", attrs='Fill="false"')
                + _text(28, 60, "描边文字", attrs='Fill="false" Stroke="true"')
            )
        ),
        ["双层文件的文字层", "描边文字"],
    ),
    (
        "a landscape page's own Area: its page number in the bottom band is furniture",
        _page(
            _layer(_text(28, 40, "横向页面的正文") + _text(140, 195, "— 1 —", code="")),
            head="<ofd:Area><ofd:PhysicalBox>0 0 297 210</ofd:PhysicalBox></ofd:Area>",
        ),
        ["横向页面的正文"],
    ),
]


def _turned(lines: list[str], ctm: str, origin) -> str:
    """Lines of a landscape sheet drawn turned on a portrait page (210 × 297): line k is read
    at baseline 40 + 15k from 28 mm on the turned page; `origin(k)` places its TextObject."""
    objects = ""
    for k, line in enumerate(lines):
        x, y = origin(40 + 15 * k)
        objects += (
            f'<ofd:TextObject ID="{10 + k}" Font="1" Size="5" Boundary="{x:g} {y:g} 10 150" '
            f'CTM="{ctm}"><ofd:TextCode X="0" Y="5">{line}</ofd:TextCode></ofd:TextObject>'
        )
    return objects


TURNED = [
    "附件：儿童发展主要指标横向表",
    "婴儿死亡率降至千分之五以下",
    "学前三年毛入园率达到百分之九十五",
]

PAGES += [
    (
        "a landscape sheet whose text runs down a portrait page: read as the page is turned",
        # CTM 0 1 -1 0: the object's x runs down the page, its y to the left
        _page(_layer(_turned(TURNED, "0 1 -1 0 0 0", lambda base: (210 - base + 5, 28)))),
        TURNED,
    ),
    (
        "text running up the page, and an upright page number left out on the turned page",
        _page(
            _layer(
                _turned(TURNED, "0 -1 1 0 0 0", lambda base: (base - 5, 297 - 28))
                + _text(100, 285, "— 3 —", code="")
            )
        ),
        TURNED,
    ),
    (
        "a rotated stamp on an upright page is left out",
        _page(
            _layer(
                _text(28, 40, "正文第一行")
                + _text(28, 55, "正文第二行")
                + _turned(["印章文字"], "0 1 -1 0 0 0", lambda base: (150, 200))
            )
        ),
        ["正文第一行", "正文第二行"],
    ),
]


def test_a_ruled_table_on_a_turned_page_keeps_its_rows_and_columns():
    # on the turned page: rows at 80, 95, 110 and columns at 28, 103, 178 (mm)
    rules = ""
    for k, at in enumerate((80, 95, 110)):  # rows: vertical on the stored page at 210 - at
        rules += f'<ofd:PathObject ID="{30 + k}" Boundary="{210 - at - 0.1:g} 28 0.2 150"/>'
    for k, at in enumerate((28, 103, 178)):  # columns: horizontal on the stored page at `at`
        rules += f'<ofd:PathObject ID="{40 + k}" Boundary="{210 - 110:g} {at - 0.1:g} 30 0.2"/>'
    cells = [("指标", "目标值"), ("婴儿死亡率", "5‰")]
    texts = ""
    for r, row in enumerate(cells):
        for k, cell in enumerate(row):
            base, x = 80 + 15 * r + 10, 28 + 75 * k + 3
            texts += (
                f'<ofd:TextObject ID="{50 + 2 * r + k}" Font="1" Size="5" '
                f'Boundary="{210 - base + 5:g} {x:g} 10 70" CTM="0 1 -1 0 0 0">'
                f'<ofd:TextCode X="0" Y="5">{cell}</ofd:TextCode></ofd:TextObject>'
            )
    source = _read_page(_page(_layer(rules + texts)))
    tables = [block for block in source.blocks if isinstance(block, TableBlock)]
    assert [[cell.text for cell in row] for row in tables[0].rows] == [list(r) for r in cells]


@pytest.mark.parametrize(
    "content, expected", [case[1:] for case in PAGES], ids=[case[0] for case in PAGES]
)
def test_writer_variants_of_a_page(content, expected):
    assert _page_one(_read_page(content)) == expected


def _with_templates(used_on: list[int]) -> list[str]:
    """The notice with a template holding a header line, used by the pages `used_on`."""
    parts = _parts()
    document = parts["Doc_0/Document.xml"]
    assert isinstance(document, bytes)
    parts["Doc_0/Document.xml"] = document.replace(
        b"</ofd:PublicRes>",
        b'</ofd:PublicRes><ofd:TemplatePage ID="3" BaseLoc="Tpls/Tpl_0/Content.xml" '
        b'ZOrder="Background"/>',
    )
    parts["Doc_0/Tpls/Tpl_0/Content.xml"] = _page(
        _layer(_text(28, 15, "青溪县人民政府公报"))
        + _layer('<ofd:PathObject ID="7" Boundary="28 22 156 0.3"/>')
    )
    for k in used_on:
        name = f"Doc_0/Pages/Page_{k}/Content.xml"
        page = parts[name]
        assert isinstance(page, str | bytes)
        text = page.decode() if isinstance(page, bytes) else page
        parts[name] = text.replace(
            "<ofd:Area>", '<ofd:Template TemplateID="3" ZOrder="Foreground"/><ofd:Area>'
        )
    source = read_data(_zip(parts), "templated.ofd")
    return [b.text for b in source.blocks if isinstance(b, Paragraph)]


def test_a_template_of_one_page_is_part_of_that_page():
    texts = _with_templates([0])
    assert texts[0] == "青溪县人民政府公报"
    assert texts.count("青溪县人民政府公报") == 1


def test_a_template_shared_by_pages_is_a_running_header_and_left_out():
    texts = _with_templates([0, 1, 2])
    assert "青溪县人民政府公报" not in texts
    assert texts[0] == "青溪县人民政府文件"


def _media_parts(second_file: str) -> dict[str, bytes | str]:
    """An all-scanned OFD whose page image is listed in the second of two resource files."""
    page = make_ofd.Page()
    page.image(700)
    parts: dict[str, bytes | str] = {}
    archive = zipfile.ZipFile(io.BytesIO(make_ofd.package([page])))
    parts = {name: archive.read(name) for name in archive.namelist()}
    document = parts["Doc_0/Document.xml"]
    assert isinstance(document, bytes)
    parts["Doc_0/Document.xml"] = document.replace(
        b"</ofd:PublicRes>",
        f"</ofd:PublicRes><ofd:{second_file}>Res2/More.xml</ofd:{second_file}>".encode(),
    )
    parts["Doc_0/Res2/More.xml"] = (
        f'<ofd:Res {NS} BaseLoc="Media"><ofd:MultiMedias><ofd:MultiMedia ID="700" Type="Image">'
        "<ofd:MediaFile>scan.png</ofd:MediaFile></ofd:MultiMedia></ofd:MultiMedias></ofd:Res>"
    )
    parts["Doc_0/Res2/Media/scan.png"] = make_ofd.png([b"\xff" * 8] * 8, 8)
    return parts


@pytest.mark.parametrize("second_file", ["PublicRes", "DocumentRes"])
def test_page_images_are_found_in_any_resource_file(second_file, monkeypatch):
    monkeypatch.setattr(pdf_ocr, "available", lambda: False)
    with pytest.raises(NoTextLayerError) as caught:
        read_data(_zip(_media_parts(second_file)), "scan.ofd")
    assert str(caught.value).endswith("install govdocparse[ocr]")


def test_several_documents_in_one_package_are_read_in_order():
    parts = _parts()
    ofd = parts["OFD.xml"]
    assert isinstance(ofd, bytes)
    second = "<ofd:DocBody><ofd:DocRoot>Doc_1/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
    parts["OFD.xml"] = ofd.replace(b"</ofd:OFD>", second.encode())
    parts["Doc_1/Document.xml"] = (
        f"<ofd:Document {NS}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297"
        '</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages><ofd:Page ID="1" '
        'BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>'
    )
    parts["Doc_1/Pages/Page_0/Content.xml"] = _page(_layer(_text(28, 40, "第二个文档的文字")))
    source = read_data(_zip(parts), "two.ofd")
    last = source.blocks[-1]
    assert isinstance(last, Paragraph)
    assert (last.text, last.prov.page) == ("第二个文档的文字", 4)


def _notice_texts(data: bytes) -> list[str]:
    return [b.text for b in read_data(data, "variant.ofd").blocks if isinstance(b, Paragraph)]


NOTICE_TEXTS = _notice_texts(NOTICE.read_bytes())


def test_chinese_folder_names_in_gbk_without_the_utf8_flag():
    """Windows zip writers store a Chinese folder name (文档/) in GBK, unflagged."""
    placeholder, folder = b"Dzzq", "文档".encode("gbk")
    parts = {name.replace("Doc_0", placeholder.decode()): c for name, c in _parts().items()}
    ofd = parts["OFD.xml"]
    assert isinstance(ofd, bytes)
    parts["OFD.xml"] = ofd.replace(b"Doc_0/", "文档/".encode())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content.encode() if isinstance(content, str) else content)
    data = out.getvalue()
    named = sum(placeholder.decode() in name for name in parts)
    assert data.count(placeholder) == 2 * named  # in each local header and directory entry
    assert _notice_texts(data.replace(placeholder, folder)) == NOTICE_TEXTS


def test_page_locations_written_from_the_package_root():
    """A writer that gives pages' BaseLoc from the package root, not from Document.xml's folder."""
    parts = _parts()
    document = parts["Doc_0/Document.xml"]
    assert isinstance(document, bytes)
    parts["Doc_0/Document.xml"] = document.replace(b'BaseLoc="Pages/', b'BaseLoc="Doc_0/Pages/')
    assert _notice_texts(_zip(parts)) == NOTICE_TEXTS


def test_a_missing_part_is_still_named():
    parts = _parts()
    document = parts["Doc_0/Document.xml"]
    assert isinstance(document, bytes)
    parts["Doc_0/Document.xml"] = document.replace(
        b'BaseLoc="Pages/Page_0/', b'BaseLoc="Pages/Blatt_0/'
    )
    with pytest.raises(CorruptFileError) as caught:
        read_data(_zip(parts), "variant.ofd")
    assert "Doc_0/Pages/Blatt_0/Content.xml is missing" in str(caught.value)
