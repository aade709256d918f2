"""Writes the DOCX and HTML renditions of the corpus texts, and the reader edge-case fixtures.

Each corpus text is read with the text reader and written back out as a Word document and as a
government-portal web page carrying the same blocks, so the reader tests can check that every
format yields the same block stream. Outputs are deterministic (fixed document dates, fixed zip
timestamps) so re-running the script leaves git clean.

    python scripts/make_renditions.py            # renditions and edge fixtures
    python scripts/make_renditions.py --docx     # only the DOCX renditions
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import io
import re
import sys
import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn

from govdocparse.portal import pairs as portal_pairs
from govdocparse.readers import read
from govdocparse.source import Block, Paragraph, Source, TableBlock

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "raw"
RENDITIONS = ROOT / "tests" / "fixtures" / "renditions"
EDGE = ROOT / "tests" / "fixtures" / "edge"

FIXED_TIME = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
ZIP_TIME = (2024, 1, 1, 0, 0, 0)
# A CJK font that is installed with LibreOffice's usual Noto set, so PDF conversion keeps a text
# layer.
CJK_FONT = "Noto Serif CJK SC"
# Header texts of the columns whose empty continuation cells stand for a vertical merge.
CATEGORY_HEADERS = {"类别", "领域"}
GBK_STEM = "wanzhou-2018-children-policy"

# Lines of a web capture that are the portal's page furniture rather than the document.
_CHROME_LINE = re.compile(
    r"^\s*(?:您当前所在的位置|字号|打印|纠错|分享到|扫一扫|上一篇|下一篇|关闭)"
)


# ---------------------------------------------------------------- shared helpers


def deterministic_zip(data: bytes) -> bytes:
    """The same archive with fixed member timestamps, so identical content gives identical bytes."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.read_bytes() == data:
        return
    path.write_bytes(data)
    print(f"wrote {path.relative_to(ROOT)}")


def grid_width(table: TableBlock) -> int:
    return max(len(row) for row in table.rows)


def vertical_runs(table: TableBlock) -> dict[tuple[int, int], int]:
    """(row, col) of each merge origin in a category column -> number of rows it covers.

    A run is a non-empty category cell followed by empty cells in the same column; a row too
    short to reach the column (a full-width note row) ends the run.
    """
    header = table.rows[0]
    columns = [c for c, cell in enumerate(header) if "".join(cell.text.split()) in CATEGORY_HEADERS]
    runs: dict[tuple[int, int], int] = {}
    for col in columns:
        origin = None
        for r in range(1, len(table.rows)):
            row = table.rows[r]
            if len(row) <= col or len(row) < grid_width(table):
                origin = None
            elif row[col].text:
                origin = r
                runs[(r, col)] = 1
            elif origin is not None:
                runs[(origin, col)] += 1
    return {key: n for key, n in runs.items() if n > 1}


# ---------------------------------------------------------------- DOCX


def _docx_document() -> docx.document.Document:
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = CJK_FONT
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), CJK_FONT)
    props = document.core_properties
    props.author = "govdocparse renditions"
    props.last_modified_by = "govdocparse renditions"
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    return document


def _fill_cell(cell, text: str) -> None:
    lines = text.split("\n")
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def _docx_table(document, block: TableBlock) -> None:
    width = grid_width(block)
    table = document.add_table(rows=len(block.rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(block.rows):
        # Looking cells up row by row: Table.cell() rebuilds the whole grid on every call.
        word_cells = table.rows[r].cells
        for c, cell in enumerate(row):
            _fill_cell(word_cells[c], cell.text)
        if len(row) < width:
            # A short row in a dump is one cell that spans the rest of the grid (a 说明 note row).
            table.cell(r, len(row) - 1).merge(table.cell(r, width - 1))
    for (r, c), height in vertical_runs(block).items():
        table.cell(r, c).merge(table.cell(r + height - 1, c))


def docx_rendition(source: Source) -> bytes:
    document = _docx_document()
    first = next((b for b in source.blocks if isinstance(b, Paragraph)), None)
    document.core_properties.title = first.text if first else ""
    for block in source.blocks:
        if isinstance(block, Paragraph):
            document.add_paragraph(block.text)
        else:
            _docx_table(document, block)
    out = io.BytesIO()
    document.save(out)
    return deterministic_zip(out.getvalue())


# ---------------------------------------------------------------- HTML


def _is_portal_line(text: str) -> bool:
    """A line of the portal's metadata block (labels of grammars/metadata.yaml, not furniture)."""
    return any(pair.feeds != "furniture" for pair in portal_pairs(text))


def _is_chrome(block: Block) -> bool:
    return isinstance(block, Paragraph) and bool(_CHROME_LINE.match(block.text))


def _page_parts(source: Source) -> tuple[dict[str, str], list[str], list[Block]]:
    """(portal fields, title lines, article blocks) of a text that may be a web-page capture.

    A capture starts with the page's furniture: metadata lines, the title, toolbar lines. The
    lead ends at the last toolbar line near the top; toolbar lines at the very end are the
    page footer. Texts without such lines are all article.
    """
    blocks = source.blocks
    chrome = [i for i, b in enumerate(blocks[:25]) if _is_chrome(b)]
    lead_end = chrome[-1] if chrome else -1
    portal: dict[str, str] = {}
    title: list[str] = []
    for block in blocks[: lead_end + 1]:
        if not isinstance(block, Paragraph):
            continue
        if _is_portal_line(block.text):
            for pair in portal_pairs(block.text):
                if not portal.get(pair.label):
                    portal[pair.label] = pair.value
        elif not _CHROME_LINE.match(block.text):
            title.append(block.text)
    end = len(blocks)
    while end > lead_end + 1 and _is_chrome(blocks[end - 1]):
        end -= 1
    return portal, title, blocks[lead_end + 1 : end]


def _esc(text: str) -> str:
    """Escaped text that a browser displays unchanged: runs of spaces are kept with &nbsp;."""
    return re.sub(r"(?<= ) ", "&nbsp;", html.escape(text, quote=False))


def _html_table(block: TableBlock) -> list[str]:
    width = grid_width(block)
    runs = vertical_runs(block)
    covered = {(r + k, c) for (r, c), height in runs.items() for k in range(1, height)}
    out = [
        '<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse">',
        "<tbody>",
    ]
    for r, row in enumerate(block.rows):
        cells = []
        for c, cell in enumerate(row):
            if (r, c) in covered:
                continue
            attrs = ""
            if (r, c) in runs:
                attrs += f' rowspan="{runs[(r, c)]}"'
            if c == len(row) - 1 and len(row) < width:
                attrs += f' colspan="{width - len(row) + 1}"'
            tag = "th" if r == 0 else "td"
            lines = "<br>".join(_esc(line) for line in cell.text.split("\n"))
            cells.append(f"<{tag}{attrs}>{lines}</{tag}>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out += ["</tbody>", "</table>"]
    return out


def _portal_table(portal: dict[str, str]) -> list[str]:
    items = list(portal.items())
    out = ['<table class="xxgk-info">']
    for i in range(0, len(items), 2):
        pair = items[i : i + 2]
        out.append(
            "<tr>"
            + "".join(f"<th>{_esc(label)}：</th><td>{_esc(value)}</td>" for label, value in pair)
            + "</tr>"
        )
    out.append("</table>")
    return out


def html_rendition(source: Source, charset: str = "utf-8") -> str:
    """A portal-style page: navigation, breadcrumb, metadata, toolbar, the article, footer,
    scripts."""
    portal, title, article = _page_parts(source)
    first = next(
        (b.text for b in source.blocks if isinstance(b, Paragraph) and not _is_portal_line(b.text)),
        "",
    )
    page_title = title[0] if title else first
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN">',
        "<head>",
        f'<meta charset="{charset}">',
        f"<title>{_esc(page_title)}_人民政府门户网站</title>",
        '<link rel="stylesheet" href="/css/portal.css">',
        '<script src="/js/jquery.min.js"></script>',
        "</head>",
        "<body>",
        '<div class="header">',
        (
            '<div class="logo"><a href="/"><img src="/images/logo.png" alt="人民政府门户网站">'
            "</a></div>"
        ),
        '<ul class="nav-menu"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>'
        '<li><a href="/zcwj/">政策文件</a></li><li><a href="/hdjl/">互动交流</a></li><li><a'
        ' href="/bsfw/">办事服务</a></li></ul>',
        (
            '<form class="search" action="/search"><input name="q" placeholder="请输入关键词">'
            "<button>搜索</button></form>"
        ),
        "</div>",
        '<div class="breadcrumb">您当前所在的位置：<a href="/">首页</a> &gt; <a'
        ' href="/zwgk/">政务公开</a> &gt; '
        '<a href="/zcwj/">政策文件</a></div>',
        '<div class="article">',
    ]
    if portal:
        out += _portal_table(portal)
    if title:
        out.append(
            '<h1 class="article-title">' + "<br>".join(_esc(line) for line in title) + "</h1>"
        )
    out += [
        '<div class="article-tools">字号：<a href="#">大</a> <a href="#">中</a> <a'
        ' href="#">小</a> | '
        '<a href="javascript:window.print()">打印</a> | <a href="#">纠错</a> | <a'
        ' href="javascript:window.close()">关闭</a>',
        (
            '<div class="bdsharebuttonbox">分享到：<a class="bds_weixin" href="#">微信</a> <a'
            ' class="bds_tsina" href="#">微博</a></div>'
        ),
        "</div>",
        '<div id="zoom" class="TRS_Editor">',
    ]
    for block in article:
        if isinstance(block, Paragraph):
            out.append(f'<p style="text-indent:2em">{_esc(block.text)}</p>')
        else:
            out += _html_table(block)
    out += [
        "</div>",
        (
            '<div class="article-qrcode"><img src="/qrcode.png"'
            ' alt="二维码">扫一扫在手机打开当前页面</div>'
        ),
        '<div class="prev-next">',
        '<p>上一篇：<a href="#">关于做好2024年春节期间有关工作的通知</a></p>',
        '<p>下一篇：<a href="#">关于印发2024年政务公开工作要点的通知</a></p>',
        "</div>",
        '<div class="related"><h3>相关链接</h3><ul><li><a href="https://www.gov.cn/">中国政府网</a></li>'
        '<li><a href="#">国务院部门网站</a></li></ul></div>',
        "</div>",
        '<div class="footer">',
        "<p>主办单位：人民政府办公室　版权所有</p>",
        "<p>网站标识码：5000000000　ICP备案号：渝ICP备00000000号</p>",
        "</div>",
        (
            '<script>var _hmt = _hmt || []; document.title += "（已阅读）";'
            ' console.log("页面统计");</script>'
        ),
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(out)


# ---------------------------------------------------------------- HTML edge cases


GBK_PAGE = """<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>关于印发某县儿童发展规划的通知</title>
</head>
<body>
<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a></div>
<div class="position">当前位置：首页 &gt; 政策文件</div>
<div class="content">
<h2>关于印发某县儿童发展规划的通知</h2>
<p>各乡镇人民政府，县政府各部门：</p>
<p>现将《某县儿童发展规划（2021—2025年）》印发给你们，请认真贯彻执行。</p>
<p>联系人：王堃，电话：12345678。</p>
<p>某县人民政府<br>2021年12月1日</p>
</div>
<div class="footer">版权所有 某县人民政府</div>
</body>
</html>
"""

NO_BODY_PAGE = """<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>页面不存在</title>
<script>var message = "这段脚本里的中文不是正文";</script>
<style>body { font-family: "宋体"; }</style>
</head>
<body>
<div class="header"><ul class="nav"><li><a href="/">首页</a></li>\
<li><a href="/zwgk/">政务公开</a></li></ul></div>
<div class="breadcrumb">您当前所在的位置：<a href="/">首页</a> &gt; 政策文件</div>
<div class="tools">字号：大 中 小 打印 关闭</div>
<div class="bdsharebuttonbox">分享到：微信 微博</div>
<div class="footer">主办单位：人民政府办公室 版权所有</div>
<script>document.write("统计代码");</script>
</body>
</html>
"""

MERGED_TABLE_PAGE = """<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>合并单元格</title></head>
<body>
<div class="xxgk"><ul>
<li><span>索引号：</span>11500000-0000-2024-00001</li>
<li><span>发文字号：</span>某府发〔2024〕1号</li>
<li><span>发布日期：</span>2024-01-02</li>
<li><span>有效性：</span></li>
</ul></div>
<div class="main-content">
<p>附件</p>
<table border="1">
<caption>主要指标</caption>
<tr><th>类别</th><th>序号</th><th colspan="2">指标与目标</th></tr>
<tr><td rowspan="3">儿童与健康</td><td>1</td><td>婴儿死亡率<br>（‰）</td><td>&lt;5</td></tr>
<tr><td>2</td><td rowspan="2" colspan="2"><p>跨两行</p><p>两列</p></td></tr>
<tr><td>3</td></tr>
<tr><td colspan="4">说明：指标均为约束性。</td></tr>
</table>
<p>表后段落</p>
</div>
</body>
</html>
"""


def html_edge_cases() -> dict[str, bytes]:
    return {
        "gbk-page.html": GBK_PAGE.encode("gbk"),
        "no-body.html": NO_BODY_PAGE.encode("utf-8"),
        "merged-cells.html": MERGED_TABLE_PAGE.encode("utf-8"),
    }


# ------------------------------------------------------- DOCX edge cases (hand-built packages)

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_BASE = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
# part name -> (content type suffix, relationship type suffix)
_PARTS = {
    "styles.xml": ("styles+xml", "styles"),
    "numbering.xml": ("numbering+xml", "numbering"),
    "header1.xml": ("header+xml", "header"),
    "footnotes.xml": ("footnotes+xml", "footnotes"),
    "comments.xml": ("comments+xml", "comments"),
}


def _xml(root: str, inner: str, doctype: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
        f'<w:{root} xmlns:w="{_W_NS}" xmlns:r="{_R_NS}">{inner}</w:{root}>'
    )


def _package(
    body: str, parts: dict[str, str] | None = None, doctype: str = "", padding: int = 0
) -> bytes:
    """A minimal WordprocessingML package: document.xml with `body`, plus the given word/ parts.

    `padding` appends that many spaces after the document's root element (legal XML whitespace)
    to make a highly compressible part.
    """
    parts = parts or {}
    overrides = "".join(
        f'<Override PartName="/word/{part}" ContentType="{_CT_BASE}{_PARTS[part][0]}"/>'
        for part in parts
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{_CT_BASE}document.main+xml"/>'
        f"{overrides}</Types>"
    )
    package_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Relationships xmlns="{_PKG_RELS}">'
        f'<Relationship Id="rId1" Type="{_REL_BASE}officeDocument" Target="word/document.xml"/>'
        "</Relationships>"
    )
    document_rels = "".join(
        f'<Relationship Id="rId{part.split(".")[0]}" Type="{_REL_BASE}{_PARTS[part][1]}" '
        f'Target="{part}"/>'
        for part in parts
    )
    document_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Relationships xmlns="{_PKG_RELS}">{document_rels}'
        f'<Relationship Id="rIdLink" Type="{_REL_BASE}hyperlink" Target="https://www.gov.cn/" '
        'TargetMode="External"/>'
        "</Relationships>"
    )
    members = {
        "[Content_Types].xml": content_types,
        "_rels/.rels": package_rels,
        "word/document.xml": _xml("document", f"<w:body>{body}</w:body>", doctype) + " " * padding,
        "word/_rels/document.xml.rels": document_rels,
    }
    members.update({f"word/{part}": xml for part, xml in parts.items()})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, text in members.items():
            info = zipfile.ZipInfo(member, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return out.getvalue()


def _p(inner: str, ppr: str = "") -> str:
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{inner}</w:p>"


def _r(text: str, rpr: str = "") -> str:
    props = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{html.escape(text, quote=False)}</w:t></w:r>'


def _fld(kind: str) -> str:
    return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'


def _instr(text: str) -> str:
    escaped = html.escape(text, quote=False)
    return f'<w:r><w:instrText xml:space="preserve">{escaped}</w:instrText></w:r>'


def _tc(content: str, props: str = "") -> str:
    paragraphs = content if content.startswith("<w:p>") else _p(_r(content) if content else "")
    return f"<w:tc>{f'<w:tcPr>{props}</w:tcPr>' if props else ''}{paragraphs}</w:tc>"


def merged_cells_docx() -> bytes:
    """A table with a gridSpan cell, a vMerge run, a cell merged both ways, and multi-line cells."""
    grid = "<w:tblGrid>" + '<w:gridCol w:w="2000"/>' * 4 + "</w:tblGrid>"
    rows = [
        _tc("类别") + _tc("序号") + _tc("指标") + _tc("目标"),
        _tc("妇女与健康（跨两列）", '<w:gridSpan w:val="2"/>') + _tc("指标A") + _tc("≥90"),
        _tc("儿童与教育", '<w:vMerge w:val="restart"/>')
        + _tc("1")
        + _tc(_p(_r("第一行") + "<w:r><w:br/></w:r>" + _r("第二行")))
        + _tc(_p(_r("两段一")) + _p("") + _p(_r("两段二"))),
        _tc("", "<w:vMerge/>")
        + _tc("2")
        + _tc("跨两列两行", '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>'),
        _tc("", '<w:vMerge w:val="continue"/>')
        + _tc("3")
        + _tc("", '<w:gridSpan w:val="2"/><w:vMerge/>'),
    ]
    table = "<w:tbl><w:tblPr/>" + grid + "".join(f"<w:tr>{row}</w:tr>" for row in rows) + "</w:tbl>"
    return _package(_p(_r("合并单元格测试")) + table + _p(_r("表后段落")))


def _lvl(ilvl: int, fmt: str, text: str, suffix: str = "nothing", start: int = 1) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:suff w:val="{suffix}"/></w:lvl>'
    )


def numbering_docx() -> bytes:
    """Headings numbered by Word (style-inherited and direct), a restart, an unknown format,
    bullets."""
    numbering = _xml(
        "numbering",
        '<w:abstractNum w:abstractNumId="0">'
        + _lvl(0, "chineseCounting", "%1、")
        + _lvl(1, "chineseCounting", "（%2）")
        + _lvl(2, "decimal", "%3．")
        + "</w:abstractNum>"
        + '<w:abstractNum w:abstractNumId="1">'
        + _lvl(0, "thaiLetters", "%1.")
        + "</w:abstractNum>"
        + '<w:abstractNum w:abstractNumId="2">'
        + _lvl(0, "bullet", "•")
        + "</w:abstractNum>"
        + '<w:abstractNum w:abstractNumId="3">'
        + _lvl(0, "decimal", "%1.", suffix="space")
        + "</w:abstractNum>"
        + '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        + '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
        + '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
        + '<w:num w:numId="4"><w:abstractNumId w:val="3"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>',
    )
    styles = _xml(
        "styles",
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        "</w:style>"
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn'
        ' w:val="Normal"/>'
        '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>',
    )

    def numbered(text: str, num_id: int, ilvl: int) -> str:
        return _p(
            _r(text), f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        )

    heading = '<w:pStyle w:val="Heading1"/>'
    body = (
        _p(_r("总体要求"), heading)
        + numbered("指导思想", 1, 1)
        + numbered("基本原则", 1, 1)
        + numbered("坚持党的领导", 1, 2)
        + numbered("坚持依法保护", 1, 2)
        + _p(_r("重点任务"), heading)
        + numbered("完善政策体系", 1, 1)
        + numbered("泰文字母编号", 2, 0)
        + numbered("项目符号", 3, 0)
        + numbered("从五开始", 4, 0)
        + _p(_r("附件"), heading + '<w:numPr><w:numId w:val="0"/></w:numPr>')
    )
    return _package(body, {"styles.xml": styles, "numbering.xml": numbering})


def fields_docx() -> bytes:
    """Field codes, a bookmark, tracked changes, a comment, a footnote, hidden text, a header."""
    link = _instr(
        ' HYPERLINK "file:///D:\\\\工作包\\\\规划\\\\开州区儿童发展规划.docx" \\l "_Toc55308897" '
    )
    toc_entry = (
        _fld("begin")
        + _instr(' HYPERLINK \\l "_Toc1" ')
        + _fld("separate")
        + "{title}<w:r><w:tab/></w:r>"
    )
    toc_entry += (
        _fld("begin")
        + _instr(" PAGEREF _Toc1 \\h ")
        + _fld("separate")
        + "{page}"
        + _fld("end")
        + _fld("end")
    )
    body = (
        _p(_r("四、") + _fld("begin") + link + _fld("separate") + _r("组织实施") + _fld("end"))
        + _p(
            '<w:bookmarkStart w:id="0" w:name="_GoBack"/>'
            + _r("加强科技馆建设")
            + '<w:bookmarkEnd w:id="0"/>'
        )
        + _p(
            _fld("begin")
            + _instr(' TOC \\o "1-3" \\h \\z \\u ')
            + _fld("separate")
            + toc_entry.format(title=_r("一、总体要求"), page=_r("1"))
        )
        + _p(toc_entry.format(title=_r("二、重点任务"), page=_r("3")) + _fld("end"))
        + _p(
            _r("第")
            + '<w:fldSimple w:instr=" PAGE "><w:r><w:t>7</w:t></w:r></w:fldSimple>'
            + _r("页")
        )
        + _p(
            _r("保留")
            + '<w:del w:id="1" w:author="a"><w:r><w:delText>删除的文字</w:delText></w:r></w:del>'
            + '<w:ins w:id="2" w:author="a">'
            + _r("插入的文字")
            + "</w:ins>"
        )
        + _p(
            '<w:commentRangeStart w:id="0"/>' + _r("有批注的句子") + '<w:commentRangeEnd w:id="0"/>'
            '<w:r><w:commentReference w:id="0"/></w:r>'
        )
        + _p(_r("有脚注的句子") + '<w:r><w:footnoteReference w:id="1"/></w:r>')
        + _p(_r("可见") + _r("隐藏", "<w:vanish/>"))
        + _p('<w:hyperlink r:id="rIdLink">' + _r("外部链接文字") + "</w:hyperlink>")
        + _p(
            _r("第一行") + "<w:r><w:br/></w:r>" + _r("第二行") + "<w:r><w:cr/></w:r>" + _r("第三行")
        )
        + "<w:sdt><w:sdtPr/><w:sdtContent>"
        + _p(_r("内容控件中的段落"))
        + "</w:sdtContent></w:sdt>"
        + '<w:sectPr><w:headerReference w:type="default" r:id="rIdheader1"/></w:sectPr>'
    )
    parts = {
        "header1.xml": _xml("hdr", _p(_r("页眉文字"))),
        "footnotes.xml": _xml(
            "footnotes", '<w:footnote w:id="1">' + _p(_r("脚注内容")) + "</w:footnote>"
        ),
        "comments.xml": _xml(
            "comments", '<w:comment w:id="0" w:author="a">' + _p(_r("批注内容")) + "</w:comment>"
        ),
    }
    return _package(body, parts)


def external_entity_docx() -> bytes:
    """document.xml declares an external entity pointing at a local file and uses it."""
    doctype = '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    return _package(_p(_r("安全") + "<w:r><w:t>前&xxe;后</w:t></w:r>"), doctype=doctype)


def zip_bomb_docx() -> bytes:
    """A valid document whose main part inflates to 30 MB of spaces from a few KB."""
    return _package(_p(_r("压缩炸弹")), padding=30 * 1024 * 1024)


def no_document_docx() -> bytes:
    """An OOXML-looking ZIP without word/document.xml."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo("[Content_Types].xml", date_time=ZIP_TIME)
        archive.writestr(
            info,
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
    return out.getvalue()


def docx_edge_cases() -> dict[str, bytes]:
    merged = merged_cells_docx()
    return {
        "merged-cells.docx": merged,
        "numbering.docx": numbering_docx(),
        "fields.docx": fields_docx(),
        "external-entity.docx": external_entity_docx(),
        "zip-bomb.docx": zip_bomb_docx(),
        "no-document.docx": no_document_docx(),
        # Cut inside the member data: the central directory at the end is gone.
        "truncated.docx": merged[: len(merged) // 2],
    }


# ---------------------------------------------------------------- main


def corpus_sources() -> list[tuple[str, Source]]:
    return [(path.stem, read(path)) for path in sorted(CORPUS.glob("*.txt"))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docx", action="store_true", help="write only the DOCX renditions")
    args = parser.parse_args(argv)
    for stem, source in corpus_sources():
        write(RENDITIONS / f"{stem}.docx", docx_rendition(source))
    if args.docx:
        return 0
    for stem, source in corpus_sources():
        write(RENDITIONS / f"{stem}.html", html_rendition(source).encode("utf-8"))
        if stem == GBK_STEM:
            write(
                RENDITIONS / f"{stem}-gbk.html", html_rendition(source, charset="gbk").encode("gbk")
            )
    for name, data in {**docx_edge_cases(), **html_edge_cases()}.items():
        write(EDGE / name, data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
