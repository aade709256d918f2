"""The HTML reader: portal renditions give the text capture's blocks minus the page furniture.

What differs by format, precisely: a .txt web capture also holds the page's furniture, which the
HTML reader drops or moves aside —
* portal metadata lines at the top (索引号 …, 发布机构 …: Yuzhong gives the block twice) are in
  `Source.portal` instead of the block stream;
* toolbar, breadcrumb and footer lines (您当前所在的位置, 字号, 打印, 纠错, 关闭, 分享到,
  扫一扫, 上一篇, 下一篇) are not blocks.
Everything else — the title shown above the toolbar included — is the same, paragraph by
paragraph and table by table (rowspan continuations read as empty cells, like a text dump's).
Whitespace is as a browser displays it: a run of plain spaces shows as one space, so the
renditions write "专栏1  2011" with &nbsp; to keep the capture's two spaces (LibreOffice's own
HTML export of the same document writes plain spaces, which read back as one).
"""

from __future__ import annotations

import re
import socket

import pytest

from govdocparse.errors import DecodeError, EmptyInputError
from govdocparse.readers import html_reader, read
from govdocparse.source import Paragraph, TableBlock

from .support import CORPUS, CORPUS_STEMS, EDGE, RENDITIONS, as_paragraph, block_texts, shape

CHROME = re.compile(r"^(?:您当前所在的位置|字号|打印|纠错|关闭|分享到|扫一扫|上一篇|下一篇)")
PORTAL = (
    "索引号",
    "发布机构",
    "成文日期",
    "发布日期",
    "主题分类",
    "体裁分类",
    "发文字号",
    "有效性",
)


def page_furniture(block) -> bool:
    return isinstance(block, Paragraph) and (
        bool(CHROME.match(block.text)) or block.text.startswith(PORTAL)
    )


def html(body: str, head: str = '<meta charset="utf-8">') -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


def read_html(data: bytes, name: str = "page.html"):
    return html_reader.read(data, name, name, "0" * 64)


@pytest.mark.parametrize("stem", CORPUS_STEMS)
def test_rendition_gives_the_capture_minus_page_furniture(stem):
    text = read(CORPUS / f"{stem}.txt")
    page = read(RENDITIONS / f"{stem}.html")
    assert page.format == "html" and page.encoding == "utf-8"
    assert shape(page.blocks) == shape([b for b in text.blocks if not page_furniture(b)])
    assert page.warnings == []


def test_portal_metadata_goes_aside():
    page = read(RENDITIONS / "yuzhong-2024-child-friendly-city.html")
    assert page.portal == {
        "索引号": "12844103567866362S/2024-00002",
        "发布机构": "渝中区政府办公室",
        "成文日期": "2024-03-14",
        "发布日期": "2024-04-01",
        "主题分类": "其他;未成年人(儿童)",
        "体裁分类": "其他",
        "发文字号": "渝中府办〔2024〕7号",
        "有效性": "",  # shown on the page with no value
    }
    assert not any(b.text.startswith(PORTAL) for b in page.blocks if isinstance(b, Paragraph))
    assert read(RENDITIONS / "kaizhou-2023-women-children-plans.html").portal == {}


def test_title_above_the_toolbar_is_kept():
    page = read(RENDITIONS / "zunyi-2021-children-plan.html")
    assert block_texts(page.blocks[:3]) == [
        "遵义市儿童发展规划",
        "遵义市儿童发展规划",
        "(2021—2025年)",
    ]
    assert as_paragraph(page.blocks[0]).style == "h1"


def test_no_chrome_or_script_text_reaches_the_blocks():
    page = read(RENDITIONS / "yuzhong-2024-child-friendly-city.html")
    text = "\n".join(b.text for b in page.blocks if isinstance(b, Paragraph))
    for chrome in (
        "首页",
        "您当前所在的位置",
        "字号",
        "打印",
        "分享到",
        "扫一扫",
        "上一篇",
        "相关链接",
        "版权所有",
        "页面统计",
        "搜索",
    ):
        assert chrome not in text


def test_line_provenance_points_at_the_source_line():
    path = RENDITIONS / "meizhou-2023-child-friendly-city.html"
    lines = path.read_text(encoding="utf-8").split("\n")
    page = read(path)
    for block in page.blocks:
        if isinstance(block, Paragraph):
            assert block.prov.lines and block.prov.lines[0] == block.prov.lines[1]
            assert block.text[:12] in lines[block.prov.lines[0] - 1].replace("&lt;", "<")
        else:
            for r, row in enumerate(block.rows):
                for cell in row:
                    assert cell.prov.table_row == r
                    if cell.text:
                        assert cell.prov.lines
                        assert cell.text.split("\n")[0][:12] in lines[
                            cell.prov.lines[0] - 1
                        ].replace("&lt;", "<")


def test_rowspan_and_colspan():
    page = read(EDGE / "merged-cells.html")
    assert [b.text for b in page.blocks if isinstance(b, Paragraph)] == [
        "附件",
        "主要指标",
        "表后段落",
    ]
    table = next(b for b in page.blocks if isinstance(b, TableBlock))
    assert [[(c.text, c.rowspan, c.colspan, c.merged) for c in row] for row in table.rows] == [
        [("类别", 1, 1, False), ("序号", 1, 1, False), ("指标与目标", 1, 2, False)],
        [
            ("儿童与健康", 3, 1, False),
            ("1", 1, 1, False),
            ("婴儿死亡率\n（‰）", 1, 1, False),
            ("<5", 1, 1, False),
        ],
        [("", 1, 1, True), ("2", 1, 1, False), ("跨两行\n两列", 2, 2, False)],
        [("", 1, 1, True), ("3", 1, 1, False), ("", 1, 2, True)],
        [("说明：指标均为约束性。", 1, 4, False)],
    ]
    assert [c.prov.table_col for c in table.rows[3]] == [0, 1, 2]
    assert page.portal == {
        "索引号": "11500000-0000-2024-00001",
        "发文字号": "某府发〔2024〕1号",
        "发布日期": "2024-01-02",
        "有效性": "",
    }


def test_gbk_rendition_reads_like_the_utf8_one():
    gbk = read(RENDITIONS / "wanzhou-2018-children-policy-gbk.html")
    utf8 = read(RENDITIONS / "wanzhou-2018-children-policy.html")
    assert gbk.encoding == "gb18030" and gbk.warnings == []
    assert shape(gbk.blocks) == shape(utf8.blocks)


def test_gb2312_declared_page_is_read_as_gb18030():
    page = read(EDGE / "gbk-page.html")
    assert page.encoding == "gb18030"
    assert block_texts(page.blocks) == [
        "关于印发某县儿童发展规划的通知",
        "各乡镇人民政府，县政府各部门：",
        "现将《某县儿童发展规划（2021—2025年）》印发给你们，请认真贯彻执行。",
        "联系人：王堃，电话：12345678。",  # 堃 is GBK but not GB2312
        "某县人民政府",
        "2021年12月1日",
    ]


def test_page_without_article_is_empty():
    path = EDGE / "no-body.html"
    with pytest.raises(EmptyInputError) as caught:
        read(path)
    assert str(caught.value) == f"{path}: no article text in HTML"


@pytest.mark.parametrize(
    "data, encoding, warned",
    [
        (
            html(
                "<p>儿童发展规划</p>",
                '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
            ),
            "utf-8",
            True,
        ),
        (
            html("<p>儿童发展规划</p>").replace(
                "儿童发展规划".encode(), "儿童发展规划".encode("gbk")
            ),
            "gb18030",
            True,
        ),
        (
            html("<p>儿童发展规划</p>", "").replace(
                "儿童发展规划".encode(), "儿童发展规划".encode("gbk")
            ),
            "gb18030",
            False,
        ),
        (b"\xef\xbb\xbf" + html("<p>儿童发展规划</p>", ""), "utf-8-sig", False),
    ],
    ids=["declared-gb2312-but-utf8", "declared-utf8-but-gbk", "undeclared-gbk", "utf8-bom"],
)
def test_charset(data, encoding, warned):
    page = read_html(data)
    assert page.encoding == encoding
    assert block_texts(page.blocks) == ["儿童发展规划"]
    assert bool(page.warnings) == warned


def test_undecodable_page_is_refused():
    data = html("<p>x</p>", '<meta charset="gbk">') + bytes(range(0x80, 0x100)) * 8 + b"\xff" * 400
    with pytest.raises(DecodeError, match=r"bad\.html: HTML bytes are not text"):
        read_html(data, "bad.html")


def test_whitespace_collapses_as_displayed():
    page = read_html(
        html('<div class="content"><p>儿童\n发展 规划\nabc\ndef&nbsp;&nbsp;x<br>第二行</p></div>')
    )
    assert block_texts(page.blocks) == ["儿童发展 规划 abc def  x", "第二行"]


def test_body_is_found_without_hints_and_inside_layout_tables():
    page = read_html(
        html(
            "<table><tr><td><table><tr><td><a href='/'>首页</a> 导航栏目</td></tr></table></td>"
            "</tr>"
            "<tr><td><p>第一段正文内容在布局表格里，足够长。</p><p>第二段正文内容。</p></td></tr></table>"
        )
    )
    assert block_texts(page.blocks) == [
        "第一段正文内容在布局表格里，足够长。",
        "第二段正文内容。",
    ]


def test_chrome_wrapper_holding_the_article_is_kept():
    page = read_html(
        html(
            '<form id="form1"><div class="nav"><a>首页</a></div><p>这是正文第一段。'
            "</p><p>这是正文第二段。</p></form>"
        )
    )
    assert block_texts(page.blocks) == ["这是正文第一段。", "这是正文第二段。"]


def test_deep_nesting_does_not_overflow():
    page = read_html(html("<div>" * 3000 + "<p>深层嵌套的正文</p>" + "</div>" * 3000))
    assert block_texts(page.blocks) == ["深层嵌套的正文"]


def test_no_network_access(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the HTML reader tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    page = read_html(
        html(
            '<div class="content"><img src="http://example.invalid/a.png"><p>正文段落。</p>'
            '<iframe src="http://example.invalid/"></iframe><script src="http://example.invalid/x.js"></script></div>'
        )
    )
    assert block_texts(page.blocks) == ["正文段落。"]


def test_utf8_page_with_a_broken_sequence_stays_utf8():
    data = html("<p>" + "儿童发展规划。" * 40 + "</p>").replace(
        "规划。".encode(), "规划。".encode()[:-1], 1
    )
    page = read_html(data)
    assert page.encoding == "utf-8"
    assert page.blocks[0].text.startswith("儿童发展规划\ufffd儿童发展规划。")
    assert page.warnings == ["1 undecodable byte sequences replaced (read as utf-8)"]
