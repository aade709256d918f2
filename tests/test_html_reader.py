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

from govdocparse import portal
from govdocparse.errors import DecodeError, EmptyInputError
from govdocparse.readers import html_reader, read
from govdocparse.source import Paragraph, TableBlock

from .support import CORPUS, CORPUS_STEMS, EDGE, RENDITIONS, as_paragraph, block_texts, shape

CHROME = re.compile(r"^(?:您当前所在的位置|字号|打印|纠错|关闭|分享到|扫一扫|上一篇|下一篇)")


def is_portal_line(text: str) -> bool:
    return any(pair.feeds != "furniture" for pair in portal.pairs(text))


def page_furniture(block) -> bool:
    return isinstance(block, Paragraph) and (
        bool(CHROME.match(block.text)) or is_portal_line(block.text)
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
    assert not any(is_portal_line(b.text) for b in page.blocks if isinstance(b, Paragraph))
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


_BIG5_TEXT = "某縣人民政府辦公室關於印發兒童發展規劃的通知"


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
        # a traditional-character mirror's page saved in Big5 without a declared charset
        (
            html(f"<p>{_BIG5_TEXT}</p>", "").replace(
                _BIG5_TEXT.encode(), _BIG5_TEXT.encode("big5")
            ),
            "big5hkscs",
            False,
        ),
    ],
    ids=[
        "declared-gb2312-but-utf8",
        "declared-utf8-but-gbk",
        "undeclared-gbk",
        "utf8-bom",
        "undeclared-big5",
    ],
)
def test_charset(data, encoding, warned):
    page = read_html(data)
    assert page.encoding == encoding
    assert block_texts(page.blocks) == [_BIG5_TEXT if encoding == "big5hkscs" else "儿童发展规划"]
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
            "<table><tr><td><table><tr><td><a href='/'>首页</a> 导航栏目</td></tr></table>"
            "</td></tr>"
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
            '<form id="form1"><div class="nav"><a>首页</a></div>'
            "<p>这是正文第一段。</p><p>这是正文第二段。</p></form>"
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


# ---------------------------------------------------------------- pages as portals build them

PROSE = "为保障儿童优先发展，结合本县实际，制定本方案，请各单位认真贯彻执行。"
ARTICLE = "".join(f"<p>{n}．{PROSE}</p>" for n in range(1, 6))
EXPECTED_PORTAL = {
    "索引号": "000014349/2021-00045",
    "发布机构": "某县人民政府办公室",
    "文号": "某政办发〔2021〕3号",
}


@pytest.mark.parametrize(
    "block",
    [
        # TRS / Hanweb: th label, td value, two pairs a row, labels spread with spacer spans
        "<table><tr><th>索<span></span>引<span></span>号：</th><td>000014349/2021-00045</td>"
        "<th>发布机构：</th><td>某县人民政府办公室</td></tr>"
        "<tr><th>文&nbsp;&nbsp;号：</th><td>某政办发〔2021〕3号</td><th>有效性：</th><td></td></tr></table>",
        # TRS (Guangxi): label and value in one cell
        "<table><tr><td><b>索引号：</b>000014349/2021-00045</td><td><b>发布机构：</b>某县人民政府办公室</td>"
        "</tr><tr><td colspan='2'><b>文号：</b>某政办发〔2021〕3号</td></tr></table>",
        # 集约化 templates: a label span and the value in a <p> under it
        "<ul><li><span>索引号:</span><p>000014349/2021-00045</p></li><li><span>主题分类:</span><p></p></li>"
        "<li><span>发布机构:</span><p>某县人民政府办公室</p></li>"
        "<li><span>文号:</span><p>某政办发〔2021〕3号</p></li></ul>",
        # 开普云: a <dl>
        "<dl><dt>索引号：</dt><dd>000014349/2021-00045</dd><dt>发布机构：</dt><dd>某县人民政府办公室</dd>"
        "<dt>文　　号：</dt><dd>某政办发〔2021〕3号</dd></dl>",
        # spans on one line separated by |
        "<div><span>索引号：000014349/2021-00045</span><em>|</em><span>发布机构：某县人民政府办公室</span>"
        "<em>|</em><span>文号：某政办发〔2021〕3号</span></div>",
        # a mirror's table with labels the label table does not know (所属地区)
        "<table><tr><td>所属地区：</td><td>某县</td><td>索引号：</td><td>000014349/2021-00045</td></tr>"
        "<tr><td>发布机构：</td><td>某县人民政府办公室</td><td>文号：</td><td>某政办发〔2021〕3号</td></tr></table>",
    ],
    ids=["th-td", "label-in-cell", "ul-li", "dl", "pipe-spans", "unknown-labels"],
)
def test_portal_block_in_every_form(block):
    page = read_html(html(f"<h1>某县关于印发某方案的通知</h1>{block}<div>{ARTICLE}</div>"))
    assert {k: v for k, v in page.portal.items() if v} == EXPECTED_PORTAL
    assert not any("索引号" in b.text or b.text == "某县人民政府办公室" for b in page.blocks)
    assert set(page.portal_provenance) == set(page.portal)
    assert all(prov.lines[0] == 1 for prov in page.portal_provenance.values())


def test_portal_pairs_keep_their_source_lines():
    body = (
        "<table>\n<tr><th>索引号</th><td>000014349/2021-00045</td></tr>\n"
        "<tr><th>发布机构</th><td>某县人民政府办公室</td></tr>\n"
        "<tr><th>文号</th><td>某政办发〔2021〕3号</td></tr>\n</table>\n"
    )
    page = read_html(html(body + ARTICLE))
    assert {k: p.lines for k, p in page.portal_provenance.items()} == {
        "索引号": (2, 2),
        "发布机构": (3, 3),
        "文号": (4, 4),
    }


def test_label_lines_inside_prose_are_not_a_portal_block():
    # Three labels, but inside the article's text: the block is mostly prose.
    body = f"<div><p>来源：某县</p><p>时间：2023-01-02</p><p>发布机构：某县政府</p>{ARTICLE}</div>"
    page = read_html(html(body))
    assert page.portal == {}
    assert [b.text for b in page.blocks][:3] == [
        "来源：某县",
        "时间：2023-01-02",
        "发布机构：某县政府",
    ]


SIDEBAR = (
    "<div class='box'><div>相关文件</div><ul>"
    + "".join(
        f"<li><a href='/a{n}.html'>某市关于做好第{n}批儿童工作的通知</a>"
        f"<p>摘要：通知要求各地做好儿童关爱服务，落实各项保障措施，切实加强组织领导。</p></li>"
        for n in range(4)
    )
    + "</ul></div>"
)


@pytest.mark.parametrize(
    "layout, expected",
    [
        # the article's container has no telling class; a sidebar of summaries beside it
        (
            f"<div class='l'><h1>某县方案</h1><div class='x1'>{ARTICLE}</div></div>"
            f"<div class='r'>{SIDEBAR}</div>",
            ["某县方案", *[f"{n}．{PROSE}" for n in range(1, 6)]],
        ),
        # paragraphs at two depths: the notice beside the plan's own container
        (
            f"<div class='a'><p>各乡镇：{PROSE}</p><div class='b'>{ARTICLE}</div></div>{SIDEBAR}",
            [f"各乡镇：{PROSE}", *[f"{n}．{PROSE}" for n in range(1, 6)]],
        ),
        # the notice and the plan in sibling containers
        (
            f"<div class='a'><div class='n'><p>各乡镇：{PROSE}</p></div>"
            f"<div class='p'>{ARTICLE}</div></div>"
            "<div class='f'>主办：某县人民政府办公室 备案号：12345</div>",
            [f"各乡镇：{PROSE}", *[f"{n}．{PROSE}" for n in range(1, 6)]],
        ),
        # a short notice beside a flat column of linked summaries holding more prose than it
        (
            f"<h1>某县通知</h1><div class='a'><p>各乡镇：</p><p>{PROSE}</p></div><div class='r'>"
            + "".join(
                f"<a href='/{n}.html'>某县会议{n}</a><p>会议强调，要做好关爱工作，落实措施。</p>"
                for n in range(5)
            )
            + "</div>",
            ["某县通知", "各乡镇：", PROSE],
        ),
        # an older page: the text in one <div id="zoom">, lines split by <br>
        (
            f"<div id='zoom'>各乡镇：<br>{PROSE}<br>{PROSE}<br>某县人民政府</div>"
            "<ul><li><a href='/1'>某县会议通知一</a></li><li><a href='/2'>某县通知二</a></li></ul>",
            ["各乡镇：", PROSE, PROSE, "某县人民政府"],
        ),
    ],
    ids=[
        "sidebar-of-summaries",
        "two-depths",
        "sibling-containers",
        "short-notice-beside-linked-summaries",
        "text-with-br-in-one-div",
    ],
)
def test_body_is_found_by_its_prose(layout, expected):
    assert [b.text for b in read_html(html(layout)).blocks] == expected


def test_title_wrapped_with_br_is_one_paragraph_and_the_header_lines_follow():
    page = read_html(
        html(
            "<div class='nav'><a href='/'>首页</a></div>"
            "<h2>某省人民政府办公厅<br>关于印发某方案的通知</h2>"
            "<p>（某政办发〔2022〕61号）</p>"
            "<div>发布日期：2022-08-24　来源：省政府办公厅</div>"
            "<div>下载地址：<a href='/d.html'>点击此处下载本文件</a></div>"
            f"<div class='c'>{ARTICLE}</div>"
        )
    )
    assert [b.text for b in page.blocks[:3]] == [
        "某省人民政府办公厅关于印发某方案的通知",
        "（某政办发〔2022〕61号）",
        "发布日期：2022-08-24\u3000来源：省政府办公厅",
    ]
    assert page.blocks[0].style == "h2" and page.blocks[1].style is None
    assert page.blocks[3].text == f"1．{PROSE}"


def test_wechat_article_gives_title_byline_and_text_only():
    page = read_html(
        html(
            "<div id='img-content'><h1 class='rich_media_title'>某市关于印发某规划的通知</h1>"
            "<div id='meta_content'><span>某市妇联</span> <a id='js_name'>某市发布</a> "
            "<em id='publish_time'>2022-07-05 18:30</em></div>"
            "<div id='js_content' style='visibility: hidden;'>"
            f"<section><span>{PROSE}</span></section><section><br></section>"
            f"<section><span>{PROSE}</span></section></div>"
            "<div id='js_pc_qr_code' style='display:none;'><p>微信扫一扫关注该公众号</p></div>"
            "</div>"
        )
    )
    assert [b.text for b in page.blocks] == [
        "某市关于印发某规划的通知",
        "某市妇联 某市发布 2022-07-05 18:30",
        PROSE,
        PROSE,
    ]


def test_attachment_links_beside_the_article_are_kept_on_the_side():
    page = read_html(
        html(
            f"<h1>某县关于印发某方案的通知</h1><div class='c'>{ARTICLE}"
            "<p>附件：<a href='/f/1.docx'>1.某县任务清单.docx</a></p></div>"
            "<div class='fj'>附件下载：<a href='/up/P0203.xlsx'>附件2：某县指标体系.xlsx</a>"
            "<a href='/up/W0204.PDF'>某县图解</a><a href='/other.html'>相关新闻</a></div>"
        )
    )
    assert [(a.title, a.href) for a in page.attachments] == [
        ("某县指标体系", "/up/P0203.xlsx"),
        ("某县图解", "/up/W0204.PDF"),
    ]
    assert page.attachments[0].prov.lines == (1, 1)
    assert page.blocks[-1].text == "附件：1.某县任务清单.docx"  # in the text: left to the text
    assert page.warnings == []


@pytest.mark.parametrize("label", ["附件1.", "附件1．", "附件1、", "附件1：", "附件 1 ", "附件："])
def test_an_attachment_links_number_and_label_are_no_part_of_its_title(label):
    page = read_html(
        html(
            f"<h1>某市关于印发某计划的通知</h1><div class='c'>{ARTICLE}</div>"
            "<div class='xxgk-attach'>附件下载："
            f"<a href='/u/a1.docx'>{label}某市任务分工表.docx</a></div>"
        )
    )
    assert [a.title for a in page.attachments] == ["某市任务分工表"]


def test_article_only_in_an_embedded_pdf_is_warned_about():
    page = read_html(
        html(
            "<table><tr><th>索引号：</th><td>0001/2023-01</td><th>发文字号：</th><td>某府〔2023〕5号</td>"
            "<th>发布日期：</th><td>2023-06-20</td></tr></table>"
            "<h2>某市关于印发某方案的通知</h2>"
            "<div><iframe src='/pdfjs/web/viewer.html?file=/up/P0205.pdf'></iframe></div>"
        )
    )
    assert [b.text for b in page.blocks] == ["某市关于印发某方案的通知"]
    assert page.portal["发文字号"] == "某府〔2023〕5号"
    assert page.warnings == [
        "the article is in a file the page embeds or links, which is not read "
        "(nothing is fetched): P0205.pdf"
    ]


def test_hidden_elements_are_not_text():
    page = read_html(
        html(f"<div style='display: none'>隐藏的提示文字，不应出现。</div><div>{ARTICLE}</div>")
    )
    assert "隐藏" not in "".join(b.text for b in page.blocks)


def test_title_in_an_unmarked_cell_is_found_by_the_pages_title():
    page = read_html(
        html(
            "<table><tr><td><a href='/'>首页</a></td></tr>"
            "<tr><td align='center'><font size='5'>某县关于印发某方案的通知</font></td></tr>"
            f"<tr><td><h2>一、总体要求</h2>{ARTICLE}</td></tr></table>",
            '<meta charset="utf-8"><title>某县关于印发某方案的通知_政府文件_某县人民政府</title>',
        )
    )
    assert [b.text for b in page.blocks[:3]] == [
        "某县关于印发某方案的通知",
        "一、总体要求",
        f"1．{PROSE}",
    ]


def test_body_opening_with_its_own_heading_keeps_it_in_place():
    page = read_html(
        html(f"<div class='t'>栏目标题</div><div class='c'><h1>某县方案</h1>{ARTICLE}</div>")
    )
    assert [b.text for b in page.blocks[:2]] == ["某县方案", f"1．{PROSE}"]


def test_a_column_between_the_title_and_the_body_is_not_a_header():
    column = "".join(f"<p>栏目{n}：政务公开目录第{n}类信息</p>" for n in range(30))
    page = read_html(
        html(
            f"<h1>某县关于印发某方案的通知</h1><div class='l'>{column}</div>"
            f"<div class='r'>{ARTICLE}</div>"
        )
    )
    assert [b.text for b in page.blocks[:2]] == ["某县关于印发某方案的通知", f"1．{PROSE}"]


# A traditional-character mirror's portal block (invented): its labels are the simplified
# labels of the grammar, its values stay as written.
TRADITIONAL_PORTAL = (
    '<div class="info"><span>發布單位：青山市婦女聯合會</span> '
    "<span>發布時間：2021-03-04 10:20</span> <span>來源：青山日報</span><br>"
    "<span>文號：青婦發〔2021〕3號</span> "
    "<span>索 引 號：11/2021-0001</span></div>"
    "<h1>青山市婦聯推進婦女創業擔保貸款</h1>"
    "<p>近日，青山市婦聯召開會議，部署婦女創業擔保貸款工作。</p>"
)


def test_a_traditional_character_portal_block_goes_aside_its_values_as_written():
    page = read_html(html(TRADITIONAL_PORTAL))
    assert page.portal == {
        "发布单位": "青山市婦女聯合會",
        "发布时间": "2021-03-04 10:20",
        "来源": "青山日報",
        "文号": "青婦發〔2021〕3號",
        "索引号": "11/2021-0001",
    }
    assert [b.text for b in page.blocks if isinstance(b, Paragraph)] == [
        "青山市婦聯推進婦女創業擔保貸款",
        "近日，青山市婦聯召開會議，部署婦女創業擔保貸款工作。",
    ]


@pytest.mark.parametrize(
    "cell, label", [("發布單位", "发布单位"), ("【文號】", "文号"), ("發文字號：", "发文字号")]
)
def test_a_traditional_label_cell_is_its_simplified_label(cell, label):
    assert portal.whole_label(cell) == label
    assert [(p.label, p.value) for p in portal.pairs(f"{cell.strip('【】：')}：某市婦聯")] == [
        (label, "某市婦聯")
    ]


def test_a_field_line_under_the_title_is_no_title_whatever_its_class():
    # 大汉 Hanweb's title table: the 标题 cell, then a <td class="bt_time"> of fields whose class
    # also holds the hint word bt; the page's <title> names only the site
    page = read_html(
        html(
            "<table><tr><td class='title'>某市民政局关于做好困境儿童保障工作的通知</td></tr>"
            "<tr><td class='bt_time'>发布日期：2022-04-06　浏览次数：12</td></tr>"
            f"<tr><td class='bt_content'><div id='zoom'>{ARTICLE}</div></td></tr></table>",
            head='<meta charset="utf-8"><title>某市民政局</title>',
        )
    )
    assert [b.text for b in page.blocks[:2]] == [
        "某市民政局关于做好困境儿童保障工作的通知",
        "发布日期：2022-04-06\u3000浏览次数：12",
    ]


def test_the_title_the_page_names_wins_over_a_later_hinted_element():
    # a reposting site's header: the <h2> its <title> names, then a byline whose counter span
    # carries a title hint word (tt) only by chance
    page = read_html(
        html(
            "<div class='box'><h2>某县关于加强未成年人保护工作的意见</h2>"
            "<div class='info'><span>某用户</span> <span class='tt'>12 收藏</span></div>"
            f"<div class='text'>{ARTICLE}</div></div>",
            head='<meta charset="utf-8"><title>某县关于加强未成年人保护工作的意见</title>',
        )
    )
    assert page.blocks[0].text == "某县关于加强未成年人保护工作的意见"
    assert page.blocks[0].style == "h2"


TIP = "<p>觉得有用就请作者喝杯茶吧，您的支持是更新的动力！</p>"


@pytest.mark.parametrize(
    "box",
    [
        f"<div class='post-reward'><span>赏</span>{TIP}</div>",
        f"<div class='dashang'><a>打赏</a>{TIP}</div>",
        f"<div class='post-donate'>{TIP}</div>",
    ],
    ids=["reward", "dashang", "donate"],
)
def test_a_tip_box_under_a_post_is_chrome(box):
    # a content farm's WordPress theme closes the post with its 打赏 box inside entry-content
    page = read_html(html(f"<div class='entry-content'>{ARTICLE}{box}</div>"))
    assert [b.text for b in page.blocks] == [f"{n}．{PROSE}" for n in range(1, 6)]


def test_a_follow_button_by_the_byline_is_chrome():
    page = read_html(
        html(
            "<h2>某州关于印发某规划的通知</h2><div class='author'><p>某州发布</p>"
            "<span class='index-module_follow'>关注</span></div>"
            f"<div class='article'>{ARTICLE}</div>"
        )
    )
    assert "关注" not in [b.text for b in page.blocks]
