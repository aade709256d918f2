"""HTML reader: the article of a government-portal page as blocks, without the portal around it.

Decoding: a byte-order mark wins; otherwise bytes that are valid UTF-8 (with non-ASCII text) are
read as UTF-8 even when a <meta> tag declares GBK, because mislabelled pages are common and GBK
text is practically never valid UTF-8; bytes that are mostly UTF-8 with a few broken sequences are
read as UTF-8 too; otherwise the declared charset is used (GB2312/GBK are read as GB18030, their
superset), then GB18030. A few undecodable bytes (up to 5 per 1000) are replaced and reported;
a page with more is refused with a DecodeError.

Finding the article: scripts, styles, forms' controls and embedded objects are removed; then
navigation, breadcrumbs, headers/footers, share and print toolbars and sidebars (by tag, and by
id/class words such as nav, breadcrumb, share, footer), unless such an element holds most of
the page's text. Portal metadata blocks (索引号, 发布机构, 成文日期, 发文字号, …: three or more
label/value pairs in a short block, labels as `govdocparse.portal` reads them from the one table
in grammars/metadata.yaml) are moved to `Source.portal` (label -> value, '' for a label shown
with no value; page furniture such as view counters left out) and removed. The article body
is then chosen by content: text is weighed by its CJK characters outside links; an element
whose id/class says content/article/zoom/TRS_Editor… and holds at least half of that weight is
preferred (the deepest such one holding nearly as much as the largest); failing that, the
deepest container holding 85% of it. An article title placed before the body (h1/h2 or a
*title* element, as portals do) is emitted first, as a text capture of the page shows it.
Finally, lines made only of portal words (打印, 关闭, 字号, 分享到, 上一篇…) are dropped.

Blocks: every block element (p, div, h1–h6, li, …) gives Paragraphs, split at <br>; whitespace
collapses as a browser shows it (a line break between two CJK characters vanishes). `style` is
the heading tag (h1…h6) or None. A <table> inside the body becomes a `TableBlock`: a colspan cell
is ONE `Cell` with colspan (no covered slots), a rowspan cell keeps its text in its first row
(rowspan = rows covered) and is `Cell("", merged=True)` in each later row it covers — the same
conventions as the DOCX reader; <br> and paragraphs inside a cell are joined with "\\n". A table
that holds other tables, or most of the page's text, is layout and is read as flowing text.
Provenance is `lines=(first, last)`: the 1-based source lines where the block's text starts and
ends; table cells add `table_row`/`table_col` (0-based grid coordinates).

Nothing is fetched (no images, frames or links) and no script runs.
"""

from __future__ import annotations

import codecs
import re

from bs4 import (
    BeautifulSoup,
    Comment,
    Declaration,
    Doctype,
    NavigableString,
    ProcessingInstruction,
    Tag,
)

from ..errors import DecodeError, EmptyInputError
from ..model import Provenance
from ..portal import feeds, label_at, split_at_labels
from ..source import Cell, Paragraph, Source, TableBlock
from .text import utf8_share

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]+)", re.I)
_GB_FAMILY = {
    "gb2312",
    "gbk",
    "gb18030",
    "x-gbk",
    "cp936",
    "ms936",
    "euc-cn",
    "csgb2312",
    "gb_2312-80",
    "windows-936",
}
# Undecodable bytes tolerated (and replaced) per thousand bytes before the page is refused.
_MAX_BAD_PER_MILLE = 5

_DROP_ALWAYS = {
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "title",
    "meta",
    "link",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "svg",
    "canvas",
    "audio",
    "video",
    "map",
    "button",
    "input",
    "select",
    "textarea",
    "option",
}
_CHROME_TAGS = {"nav", "aside", "form", "menu"}
_CHROME_WORDS = {
    "menu",
    "print",
    "tool",
    "tools",
    "toolbar",
    "related",
    "pager",
    "prev",
    "next",
    "position",
    "location",
    "fontsize",
    "search",
    "login",
    "banner",
    "logo",
    "ewm",
    "dqwz",
    "xgwz",
    "xgxx",
    "skip",
}
_CHROME_PREFIXES = (
    "nav",
    "breadcrumb",
    "crumb",
    "share",
    "bdshare",
    "qrcode",
    "pagination",
    "sidebar",
    "footer",
    "copyright",
)
_CONTENT_WORDS = {"con", "zw", "txt", "text", "nr", "neirong", "zhengwen", "wenzhang"}
# TRS_Editor (the TRS CMS used by many portals) splits into "trs" and "editor".
_CONTENT_PARTS = (
    "content",
    "article",
    "zoom",
    "editor",
    "detail",
    "artibody",
    "zhengwen",
    "bodytext",
)
_TITLE_WORDS = {"title", "tit", "bt", "biaoti", "headline"}
_WORD_SPLIT = re.compile(r"[^a-z0-9]+")

_BLOCK_TAGS = {
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "blockquote",
    "pre",
    "center",
    "address",
    "figure",
    "figcaption",
    "hr",
    "caption",
    "fieldset",
    "legend",
    "details",
    "summary",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
    "tfoot",
    "body",
    "html",
    "form",
    "table",
}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SKIPPED_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)

_MIN_PORTAL_PAIRS = 3
MAX_COLSPAN = 1000

_CHROME_LINE_START = re.compile(
    r"^(?:您当前所在的?位置|您现在的位置|当前位置|您的位置|所在位置|上一篇|下一篇|扫一扫|分享到|相关链接|相关文章|相关阅读|字号|【字体|视力保护色)"
)
_CHROME_LINE_ONLY = re.compile(
    r"^(?:[\s\[\]【】()（）|｜:：/·•>＞\-]*"
    r"(?:打印本页|打印|关闭窗口|关闭|纠错|收藏|分享到|分享|字号|大|中|小|默认|视力保护色|返回顶部|返回|保存)"
    r"[\s\[\]【】()（）|｜:：/·•>＞\-]*)+$"
)
_SPACES = re.compile(r"[ \t\r\n\f]+")


def read(data: bytes, path: str, name: str, sha256: str) -> Source:
    """The article of an HTML page as a block stream, with the portal's metadata on the side."""
    text, encoding, warnings = decode(data, path)
    soup = BeautifulSoup(text, "html.parser")
    root = soup.body or soup
    _remove(root.find_all(sorted(_DROP_ALWAYS)))
    page = _Weights(root)
    _drop_chrome(root, page)
    portal = _take_portal(root)
    page = _Weights(root)
    if page.of(root) == 0 and not root.get_text(strip=True):
        raise EmptyInputError(path, "no article text in HTML")
    body = _choose_body(root, page)
    flow = _Flow(name, page)
    title = None if body.find(["h1", "h2"]) else _title_before(body, root, page)
    if title is not None:
        flow.walk(title)
        flow.flush()
    flow.walk(body)
    flow.flush()
    blocks = [b for b in flow.blocks if not (isinstance(b, Paragraph) and _is_chrome_line(b.text))]
    if not blocks:
        raise EmptyInputError(path, "no article text in HTML")
    return Source(
        path, name, "html", sha256, blocks, encoding=encoding, warnings=warnings, portal=portal
    )


def decode(data: bytes, path: str) -> tuple[str, str, list[str]]:
    """The page's text, the codec used and any warnings about the choice."""
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _lenient(data, codec, path)
    match = _META_CHARSET.search(data[:8192])
    declared = match.group(1).decode("ascii").lower() if match else None
    codec = _codec(declared)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        warnings = []
        if codec not in (None, "utf-8") and not text.isascii():
            warnings.append(
                f"page declares charset {declared} but its bytes are UTF-8: read as UTF-8"
            )
        return text, "utf-8", warnings
    if utf8_share(data) > 0.9:
        return _lenient(data, "utf-8", path)  # UTF-8 with a few broken sequences
    for candidate in (codec, "gb18030"):
        if candidate and candidate != "utf-8":
            try:
                text = data.decode(candidate)
            except UnicodeDecodeError:
                continue
            warnings = []
            if codec not in (None, candidate):
                warnings.append(
                    f"page declares charset {declared} but its bytes are not {declared}: read as {candidate}"
                )
            return text, candidate, warnings
    return _lenient(data, codec if codec and codec != "utf-8" else "gb18030", path)


def _codec(declared: str | None) -> str | None:
    if not declared:
        return None
    if declared in _GB_FAMILY:
        return "gb18030"
    try:
        return codecs.lookup(declared).name
    except LookupError:
        return None


def _lenient(data: bytes, codec: str, path: str) -> tuple[str, str, list[str]]:
    """Decode with replacement characters, refusing pages where they would be more than a few."""
    warnings: list[str] = []
    text = data.decode(codec, errors="replace")
    bad = text.count("\ufffd") - data.decode(codec, errors="ignore").count("\ufffd")
    if bad * 1000 > max(len(data), 1) * _MAX_BAD_PER_MILLE:
        raise DecodeError(path, f"HTML bytes are not text in {codec} ({bad} undecodable sequences)")
    if bad:
        warnings.append(f"{bad} undecodable byte sequences replaced (read as {codec})")
    return text, codec, warnings


class _Weights:
    """CJK characters outside links under each element: how much article text it holds."""

    def __init__(self, root: Tag):
        self.order: dict[int, int] = {}
        self.depth: dict[int, int] = {id(root): 0}
        elements = [root] + [el for el in root.descendants if isinstance(el, Tag)]
        for i, el in enumerate(elements):
            self.order[id(el)] = i
            if el is not root:
                self.depth[id(el)] = self.depth.get(id(el.parent), 0) + 1
        self.weight: dict[int, int] = {}
        for el in reversed(elements):
            if el.name == "a":
                self.weight[id(el)] = 0
                continue
            total = 0
            for child in el.children:
                if isinstance(child, Tag):
                    total += self.weight.get(id(child), 0)
                elif not isinstance(child, _SKIPPED_STRINGS):
                    total += len(_CJK.findall(child))
            self.weight[id(el)] = total
        self.total = self.weight[id(root)]

    def of(self, el: Tag) -> int:
        return self.weight.get(id(el), 0)


def _words(el: Tag) -> list[str]:
    values = [el.get("id") or ""] + list(el.get("class") or [])
    return [w for value in values for w in _WORD_SPLIT.split(str(value).lower()) if w]


def _is_chrome_element(el: Tag) -> bool:
    if el.name in _CHROME_TAGS:
        return True
    if el.name in ("header", "footer"):
        # HTML5 articles may put their own title in a <header>: only page-level ones are chrome.
        return el.find_parent(["article", "main"]) is None
    return any(w in _CHROME_WORDS or w.startswith(_CHROME_PREFIXES) for w in _words(el))


def _drop_chrome(root: Tag, page: _Weights) -> None:
    # An element marked as chrome that holds most of the page's text is a site that wraps its
    # whole page in it (an ASP.NET <form>, a "nav-main" wrapper): keep it.
    limit = page.total / 2
    _remove([el for el in root.find_all(True) if _is_chrome_element(el) and page.of(el) <= limit])


def _remove(elements: list[Tag]) -> None:
    """Decompose each element, skipping those already gone with a removed ancestor."""
    doomed = {id(el) for el in elements}
    outermost = [el for el in elements if not any(id(parent) in doomed for parent in el.parents)]
    for el in outermost:
        el.decompose()


def _take_portal(root: Tag) -> dict[str, str]:
    """Label -> value of the portal metadata blocks, which are removed from the page."""
    units: list[Tag] = []
    for string in root.find_all(string=True):
        if (
            isinstance(string, _SKIPPED_STRINGS)
            or label_at(string.strip()) is None
            or len(string.strip()) > 120
        ):
            continue
        unit = _portal_unit(string.parent)
        if unit is not None and all(unit is not seen for seen in units):
            units.append(unit)
    qualified = {id(unit): pairs for unit in units if (pairs := _portal_pairs(unit))}
    outermost = [
        unit
        for unit in units
        if id(unit) in qualified and not any(id(p) in qualified for p in unit.parents)
    ]
    portal: dict[str, str] = {}
    for unit in outermost:
        for label, value in qualified[id(unit)]:
            if not portal.get(label):
                portal[label] = value
    _remove(outermost)
    return portal


def _portal_unit(start: Tag) -> Tag | None:
    """The smallest short block around `start` that shows at least three portal labels."""
    el = start
    while el is not None and el.name not in ("body", "html", "[document]"):
        text = el.get_text(" ", strip=True)
        if len(text) > 1500:
            return None
        labels = {
            found[0]
            for s in _label_tokens(el.stripped_strings)
            if (found := label_at(s)) and feeds(found[0]) != "furniture"
        }
        if len(labels) >= _MIN_PORTAL_PAIRS:
            table = el if el.name == "table" else el.find_parent("table")
            if table is not None and len(table.get_text(" ", strip=True)) <= 1500:
                return table
            return el
        el = el.parent
    return None


def _portal_pairs(unit: Tag) -> list[tuple[str, str]]:
    cells = unit.find_all(["td", "th"]) if unit.name == "table" or unit.find("td") else []
    if cells:
        tokens = [" ".join(c.get_text(" ", strip=True).split()) for c in cells]
    else:
        tokens = _label_tokens(unit.stripped_strings)
    pairs = []
    i = 0
    while i < len(tokens):
        found = label_at(tokens[i])
        if found is None:
            i += 1
            continue
        label, value = found
        if not value and i + 1 < len(tokens) and label_at(tokens[i + 1]) is None:
            value = tokens[i + 1]
            i += 1
        if feeds(label) != "furniture":
            pairs.append((label, value))
        i += 1
    # A table header row (名称 | 文号 | 发布日期) names labels without values: not metadata.
    valued = sum(1 for _, value in pairs if value)
    return pairs if valued >= _MIN_PORTAL_PAIRS - 1 and len(pairs) >= _MIN_PORTAL_PAIRS else []


def _label_tokens(strings) -> list[str]:
    return [piece for s in strings for piece in split_at_labels(s.strip())]


def _is_content_element(el: Tag) -> bool:
    words = _words(el)
    return any(w in _CONTENT_WORDS or any(part in w for part in _CONTENT_PARTS) for w in words)


def _choose_body(root: Tag, page: _Weights) -> Tag:
    hinted = [
        el
        for el in root.find_all(True)
        if page.total and page.of(el) >= page.total / 2 and _is_content_element(el)
    ]
    if hinted:
        best = max(page.of(el) for el in hinted)
        close = [el for el in hinted if page.of(el) >= 0.85 * best]
        return max(close, key=lambda el: page.depth[id(el)])
    body = root
    while page.total:
        inner = next(
            (
                child
                for child in body.find_all(True, recursive=False)
                if page.of(child) >= 0.85 * page.total and _is_container(child, page)
            ),
            None,
        )
        if inner is None:
            break
        body = inner
    return body


def _is_container(el: Tag, page: _Weights) -> bool:
    if el.name in ("table", "tbody", "thead", "tr", "td", "th"):
        table = el if el.name == "table" else el.find_parent("table")
        return table is not None and _is_layout_table(table, page)
    return el.name not in _HEADINGS and el.name not in (
        "p",
        "li",
        "ul",
        "ol",
        "dl",
        "pre",
        "blockquote",
    )


def _is_layout_table(table: Tag, page: _Weights) -> bool:
    if table.find("table") is not None:
        return True
    return page.total > 0 and any(
        page.of(cell) >= page.total / 2 for cell in table.find_all(["td", "th"])
    )


def _title_before(body: Tag, root: Tag, page: _Weights) -> Tag | None:
    """The article title placed before the body, outside it: of the h1/h2/*title* elements that
    precede the body, the one sharing the deepest ancestor with it, and of those the last."""
    start = page.order.get(id(body), 0)
    ancestors = {id(el): page.depth.get(id(el), 0) for el in body.parents}
    best, best_key = None, None
    for el in root.find_all(True):
        order = page.order.get(id(el), start)
        if order >= start:
            break
        if id(el) in ancestors or not (
            el.name in ("h1", "h2") or any(w in _TITLE_WORDS or "title" in w for w in _words(el))
        ):
            continue
        text = el.get_text(" ", strip=True)
        if not 0 < len(_CJK.findall(text)) <= 200 or _is_chrome_line(text):
            continue
        shared = next((ancestors[id(p)] for p in el.parents if id(p) in ancestors), 0)
        if best_key is None or (shared, order) >= best_key:
            best, best_key = el, (shared, order)
    return best


def _is_chrome_line(text: str) -> bool:
    text = text.strip()
    if _CHROME_LINE_START.match(text) and len(text) < 200:
        return True
    return len(text) < 60 and bool(_CHROME_LINE_ONLY.match(text))


def _clean(raw: str) -> str:
    """Collapse whitespace as a browser shows it; a line break between CJK characters vanishes."""

    def space(match: re.Match) -> str:
        run = match.group(0)
        if "\n" in run or "\r" in run:
            before = raw[match.start() - 1] if match.start() else ""
            after = raw[match.end()] if match.end() < len(raw) else ""
            if _CJK.match(before) and _CJK.match(after):
                return ""
        return " "

    return _SPACES.sub(space, raw).replace("\xa0", " ").strip()


class _Flow:
    """Turns an element's content into blocks in reading order, tracking source lines."""

    def __init__(self, name: str, page: _Weights):
        self.name = name
        self.page = page
        self.blocks: list[Paragraph | TableBlock] = []
        self.parts: list[str] = []
        self.first: int | None = None
        self.last: int | None = None
        self.line = 1
        self.style: str | None = None
        self.pre = 0  # depth of <pre> elements being walked: their line breaks are kept

    def walk(self, top: Tag) -> None:
        # An explicit stack: hostile pages nest deeper than Python's recursion limit.
        stack: list[tuple[object, bool]] = [(top, False)]
        while stack:
            node, leaving = stack.pop()
            if leaving:
                if node.name == "pre":
                    self.pre -= 1
                if node.name in _BLOCK_TAGS:
                    self.flush()
                if node.name in _HEADINGS:
                    self.style = None
                continue
            if isinstance(node, NavigableString):
                if not isinstance(node, _SKIPPED_STRINGS):
                    self.text(str(node), preformatted=self.pre > 0)
                continue
            if node.sourceline:
                self.line = node.sourceline
            if node.name == "br":
                self.flush()
                continue
            if node.name == "table" and not _is_layout_table(node, self.page):
                self.flush()
                self.table(node)
                continue
            if node.name in _BLOCK_TAGS:
                self.flush()
            if node.name in _HEADINGS:
                self.style = node.name
            if node.name == "pre":
                self.pre += 1
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(list(node.children)))

    def text(self, raw: str, preformatted: bool = False) -> None:
        if preformatted and "\n" in raw:
            pieces = raw.split("\n")
            for i, piece in enumerate(pieces):
                if i:
                    self.flush()
                    self.line += 1
                self.text(piece)
            return
        stripped = raw.strip()
        if stripped:
            lead = raw[: len(raw) - len(raw.lstrip())]
            start = self.line + lead.count("\n")
            if self.first is None:
                self.first = start
            self.last = start + stripped.count("\n")
        self.parts.append(raw)
        self.line += raw.count("\n")

    def flush(self) -> None:
        text = _clean("".join(self.parts))
        if text:
            lines = (self.first or self.line, self.last or self.first or self.line)
            self.blocks.append(Paragraph(text, Provenance(file=self.name, lines=lines), self.style))
        self.parts = []
        self.first = self.last = None

    def table(self, table: Tag) -> None:
        caption = table.find("caption", recursive=False)
        if caption is not None:
            self.walk(caption)
            self.flush()
        rows: list[list[Cell]] = []
        pending: dict[int, list] = {}  # grid column -> [rows still covered, colspan]
        trs = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
        for r, tr in enumerate(trs):
            row: list[Cell] = []
            col = 0
            visited: set[int] = set()
            line = tr.sourceline or self.line
            for td in tr.find_all(["td", "th"], recursive=False):
                while col in pending:
                    visited.add(col)
                    col = self._merged_slot(row, pending, col, r, line)
                rowspan = _span(td.get("rowspan"), len(trs) - r)
                colspan = _span(td.get("colspan"), MAX_COLSPAN)
                text, lines = self.cell_text(td)
                prov = Provenance(file=self.name, lines=lines, table_row=r, table_col=col)
                row.append(Cell(text, prov, rowspan=rowspan, colspan=colspan))
                if rowspan > 1:
                    pending[col] = [rowspan - 1, colspan]
                    visited.add(col)
                col += colspan
            for at in sorted(c for c in pending if c >= col and c not in visited):
                visited.add(at)
                col = self._merged_slot(row, pending, at, r, line)
            # A rowspan that this row's own cells overlapped (bad markup) still runs out.
            for at in [c for c in pending if c not in visited]:
                pending[at][0] -= 1
                if pending[at][0] <= 0:
                    del pending[at]
            rows.append(row)
        if any(cell.text for row in rows for cell in row):
            first = rows[0][0].prov.lines[0] if rows and rows[0] else table.sourceline
            last = max(
                (c.prov.lines[1] for row in rows for c in row if c.prov.lines), default=first
            )
            self.blocks.append(TableBlock(rows, Provenance(file=self.name, lines=(first, last))))

    def _merged_slot(
        self, row: list[Cell], pending: dict[int, list], at: int, r: int, line: int
    ) -> int:
        """Emit the covered slot of a rowspan from above at grid column `at`; the next column."""
        left, colspan = pending[at]
        prov = Provenance(file=self.name, lines=(line, line), table_row=r, table_col=at)
        row.append(Cell("", prov, colspan=colspan, merged=True))
        if left > 1:
            pending[at][0] = left - 1
        else:
            del pending[at]
        return at + colspan

    def cell_text(self, td: Tag) -> tuple[str, tuple[int, int]]:
        inner = _Flow(self.name, self.page)
        inner.line = td.sourceline or self.line
        for child in td.children:
            inner.walk(child)
        inner.flush()
        lines: list[str] = []
        for block in inner.blocks:
            if isinstance(block, Paragraph):
                lines.append(block.text)
            else:
                lines.extend(cell.text for row in block.rows for cell in row if cell.text)
        start = td.sourceline or self.line
        end = max((b.prov.lines[1] for b in inner.blocks if b.prov.lines), default=start)
        self.line = max(self.line, inner.line)
        return "\n".join(lines), (start, end)


def _span(value, limit: int) -> int:
    try:
        n = int(str(value).strip())
    except (TypeError, ValueError):
        return 1
    if n == 0:
        return limit  # rowspan="0" spans to the end of the table
    return max(1, min(n, limit))
