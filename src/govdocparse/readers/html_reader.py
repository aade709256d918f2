"""HTML reader: the article of a government-portal page as blocks, without the portal around it.

Decoding: a byte-order mark wins; otherwise bytes that are valid UTF-8 (with non-ASCII text) are
read as UTF-8 even when a <meta> tag declares GBK, because mislabelled pages are common and GBK
text is practically never valid UTF-8; bytes that are mostly UTF-8 with a few broken sequences are
read as UTF-8 too; otherwise the declared charset is used (GB2312/GBK are read as GB18030, their
superset), then GB18030 (a page that declares nothing). A few undecodable bytes (up to 5 per
1000) are replaced and reported; a page with more is refused with a DecodeError.

Finding the article, whatever CMS built the page (TRS, 大汉 Hanweb, 开普云, 新点, 集约化
templates, WeChat articles, mirrors, gazettes; grammars/html.yaml names their furniture):
1. Scripts, styles, forms' controls, embedded objects and elements hidden with display:none go.
   Furniture goes by tag (nav, aside, page-level header/footer) and by id/class words (nav,
   breadcrumb, share, footer…), unless such an element holds most of the page's text. The
   page's first breadcrumb is read before: when it names the organ whose column the page sits in
   (首页 > 政务公开 > 某县民政局 > 通知公告), it is the first block, marked `BREADCRUMB`, for
   `normalize.column_organ` to read as a text copy's breadcrumb (the issuer of a page naming none).
2. Portal metadata blocks go to `Source.portal` (label -> value, '' for a label shown with no
   value) with `Source.portal_provenance`: the smallest element showing three or more labels
   of `govdocparse.portal` (the one label table of grammars/metadata.yaml) whose text is mostly
   label/value lines — a <table> of th/td pairs or of "label：value" cells, <ul><li> pairs, a
   <dl>, spans separated by |, a label above its value. Page furniture labels (浏览次数) are
   not kept.
3. The body is found by its prose. Every line of text (the inline content of a block element;
   a data table counts as one line) that has a sentence mark (。，；！？) and is not a chrome line
   (the chrome vocabulary of grammars/chrome.yaml, through `govdocparse.normalize`) votes with
   its CJK characters outside links for the element holding its paragraph (a block of text and
   <br>s holds its own lines), and with half of them for that element's parent. The element
   with the best vote, discounted by its share of link text and by its links per line of prose
   (a column of linked summaries has one each), is the body's core — the tightest container of
   the article's paragraphs, so sidebars, related-document summaries and footers stay out. The
   body widens to a parent when the parent's other children add a tenth as much prose again,
   at least twice their furniture, and none of them is mostly links (paragraphs at two depths,
   the notice and its plan in sibling containers). A page without prose (a notice published as
   an embedded PDF) falls back to the deepest container of most of its text.
4. The article's title printed before the body, outside it — an h1/h2 or *title* element
   (grammars/html.yaml), or an element whose whole text the page's <title> or ArticleTitle
   <meta> names (an unmarked table cell) — is emitted first as one paragraph (a <br> inside it
   only wraps it), then the lines between it and the body (发布时间/来源 lines, a WeChat byline,
   a 文号 under the title) as a text capture shows them; lines that are page chrome or mostly
   link text are dropped. A body that opens with an h1/h2 has its own title, unless the page's
   <title> names another element before it.
5. Links to files (附件下载: .docx, .xlsx, .pdf… grammars/html.yaml) outside the body become
   `Source.attachments`. When the body has no prose and the page embeds or links such files,
   a warning names them: the article is in a file that is not read (nothing is fetched).

Blocks: every block element (p, div, h1–h6, li, section…) gives Paragraphs, split at <br>, and
a long one where a page glued a whole body into it (a document-sharing site's notice and plan in
one <p>: split as the text reader splits such a line, `text.glued_paragraphs`);
whitespace collapses as a browser shows it (a line break between two CJK characters vanishes,
&nbsp; indentation is dropped). `style` is the heading tag (h1…h6) or None. A <table> inside the
body becomes a `TableBlock`: a colspan cell is ONE `Cell` with colspan (no covered slots), a
rowspan cell keeps its text in its first row (rowspan = rows covered) and is `Cell("",
merged=True)` in each later row it covers — the same conventions as the DOCX reader; <br> and
paragraphs inside a cell are joined with "\\n". A table that holds other tables, or most of the
page's text, is layout and is read as flowing text. Provenance is `lines=(first, last)`: the
1-based source lines where the block's text starts and ends; table cells add
`table_row`/`table_col` (0-based grid coordinates).

Nothing is fetched (no images, frames or links) and no script runs.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass

from bs4 import (
    BeautifulSoup,
    Comment,
    Declaration,
    Doctype,
    NavigableString,
    ProcessingInstruction,
    Tag,
)

from .. import grammar
from ..chrome import (
    crumb_organ,
    is_breadcrumb,
    is_chrome,
    is_crumb_line,
    is_furniture,
    is_link_row,
    is_tail_start,
)
from ..errors import DecodeError, EmptyInputError
from ..grammar_schema import ClassHint, HtmlGrammar
from ..model import Provenance
from ..portal import feeds, label_at, pairs
from ..source import BREADCRUMB, Attachment, Cell, Paragraph, Source, TableBlock
from ..textutil import simplified
from .text import big5, glued_paragraphs, plausible_gbk, utf8_share

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
_EMBEDS = {"iframe": "src", "frame": "src", "embed": "src", "object": "data"}
_HIDDEN = re.compile(r"display\s*:\s*none", re.I)
_CHROME_TAGS = {"nav", "aside", "form", "menu"}
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
_TABLE_PARTS = {"table", "tbody", "thead", "tfoot", "tr", "td", "th"}
_SKIPPED_STRINGS = (Comment, Declaration, Doctype, ProcessingInstruction)
MAX_COLSPAN = 1000

# A line is prose (and votes for its container) with a sentence mark and a few CJK characters:
# menu items, labels, titles, headings and footers do not vote.
_SENTENCE_CJK = 5
_SENTENCE_MARK = re.compile(r"[。，；！？]")
# A parent joins the body when its other children hold this share of the body's prose, none of
# them mostly links (a sidebar of summaries is not the article), and add at least twice as much
# prose as furniture.
_WIDEN_SHARE = 0.1
_WIDEN_RATIO = 2
_MAX_PROSE_LINK_SHARE = 0.25
_MAX_PROSE_LISTINESS = 0.5
# A link with this many CJK characters is an entry of a list of links (a title, a menu item).
_LINK_ITEM_CJK = 2
# Without prose, the body is the deepest container holding this share of the page's text.
_FALLBACK_SHARE = 0.85
# A portal block shows at least this many labels, and at most this share of other text.
_MIN_PORTAL_LABELS = 3
_MAX_PORTAL_OTHER = 1 / 3
_MAX_PORTAL_CJK = 1500
_MAX_PORTAL_BOUND = 4 * _MAX_PORTAL_CJK
# A label-shaped line of a metadata block that the label table does not know: 发布部门：
_LABEL_SHAPE = re.compile(r"^[\u4e00-\u9fff\s\u3000]{2,8}[:：]$")
# A header line (between the title and the body) mostly made of link text is navigation; a
# header holds no more text than this.
_MAX_HEADER_LINK_SHARE = 0.5
_MAX_HEADER_CJK = 200
# An element the page's <title> names is its article title from this many CJK characters on;
# no title is longer than _MAX_TITLE_CJK.
_NAMED_TITLE_CJK = 8
_MAX_TITLE_CJK = 200
# What a breadcrumb's strings hold: the arrows between its parts, or its label (当前位置：)
_CRUMB_HINT = re.compile(r"[>»›→＞]|位置|页面")
# 附件2：, and as a 政务云 template's download box numbers its links, 附件1. / 附件1、
_ATTACHMENT_LABEL = re.compile(
    r"^(?:附\s*件\s*(?:\d{1,2}\s*[:：.．、]?|[:：])?\s*|附件下载\s*[:：]?\s*)"
)


def _hints() -> HtmlGrammar:
    return grammar.load_typed("html", HtmlGrammar)


def read(data: bytes, path: str, name: str, sha256: str) -> Source:
    """The article of an HTML page as a block stream, with the portal's metadata on the side."""
    text, encoding, warnings = decode(data, path)
    soup = BeautifulSoup(text, "html.parser")
    page_titles = _page_titles(soup)
    root = soup.body or soup
    embedded = _prune(root)
    crumb = _breadcrumb(root, name)
    sizes = _Page(root, scored=False)
    _drop_chrome(root, sizes)
    links = _file_links(root, name)
    portal, portal_prov = _take_portal(root, name, sizes)
    page = _Page(root)
    if page.total == 0 and not root.get_text(strip=True):
        raise EmptyInputError(path, "no article text in HTML")
    body = _choose_body(root, page)
    flow = _Flow(name, page)
    title = _title_before(body, root, page, page_titles)
    if title is not None:
        flow.whole(title)
        for between in _between(title, body, page):
            flow.walk(between)
            flow.flush()
        flow.drop_navigation(start=1)
    flow.walk(body)
    flow.flush()
    blocks = [b for b in flow.blocks if not (isinstance(b, Paragraph) and _is_chrome_line(b.text))]
    if not blocks:
        raise EmptyInputError(path, "no article text in HTML")
    attachments = [link.attachment for link in links if not _inside(link.tag, body)]
    if not any(_is_prose(b) for b in blocks[1 if title else 0 :]) and (embedded or attachments):
        files = embedded + [a.href.rsplit("/", 1)[-1] for a in attachments]
        warnings.append(
            "the article is in a file the page embeds or links, which is not read "
            f"(nothing is fetched): {', '.join(dict.fromkeys(files))}"
        )
    return Source(
        path,
        name,
        "html",
        sha256,
        [crumb, *blocks] if crumb else blocks,
        encoding=encoding,
        warnings=warnings,
        portal=portal,
        portal_provenance=portal_prov,
        attachments=attachments,
    )


def decode(data: bytes, path: str) -> tuple[str, str, list[str]]:
    """The page's text, the codec used and any warnings about the choice."""
    for bom, bom_codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _lenient(data, bom_codec, path)
    match = _META_CHARSET.search(data[:8192])
    declared = match.group(1).decode("ascii").lower() if match else None
    codec = charset_codec(declared)
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
            if codec is None and not plausible_gbk(text) and (traditional := big5(data)):
                # an undeclared page of a traditional-character mirror saved in Big5
                return traditional, "big5hkscs", []
            warnings = []
            if codec not in (None, candidate):
                warnings.append(
                    f"page declares charset {declared} but its bytes are not {declared}: "
                    f"read as {candidate}"
                )
            return text, candidate, warnings
    return _lenient(data, codec if codec and codec != "utf-8" else "gb18030", path)


def charset_codec(declared: str | None) -> str | None:
    """The Python codec of a declared charset (GB2312 and GBK read as GB18030, their superset),
    None when none is declared or the name is unknown; shared with `mht_reader`."""
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


def _breadcrumb(root: Tag, name: str) -> Paragraph | None:
    """The page's first breadcrumb line as a text copy shows it, marked `BREADCRUMB`, when it
    names the organ whose column the page sits in (当前位置：首页 > 政务公开 > 某县民政局 > 通知
    公告), read before the furniture goes: the reader puts it first in the block stream, where
    `normalize.column_organ` reads that organ as it does a text copy's, and `normalize` drops it.
    Only strings holding an arrow or a location label are looked at, each block once."""
    looked_at: set[int] = set()
    for node in root.descendants:
        if (
            not isinstance(node, NavigableString)
            or isinstance(node, _SKIPPED_STRINGS)
            or not _CRUMB_HINT.search(node)
        ):
            continue
        block = node.find_parent(_BLOCK_TAGS) or root
        if id(block) in looked_at:
            continue
        looked_at.add(id(block))
        for text, line in _text_lines(block):
            if is_crumb_line(text):
                if crumb_organ(simplified(text)) is None:
                    return None
                return Paragraph(text, Provenance(file=name, lines=(line, line)), BREADCRUMB)
    return None


def _prune(root: Tag) -> list[str]:
    """Remove what a reader never sees (scripts, styles, controls, frames, hidden elements); the
    file names of documents shown in frames or plug-ins (a PDF viewer's ?file=…pdf)."""
    embedded: list[str] = []
    doomed: list[Tag] = []
    for el in root.descendants:
        if not isinstance(el, Tag):
            continue
        if el.name in _EMBEDS:
            target = str(el.get(_EMBEDS[el.name]) or "")
            for candidate in (target, *re.findall(r"[?&]file=([^&#]+)", target)):
                if file_name := _document_file(candidate):
                    embedded.append(file_name)
                    break
        if el.name in _DROP_ALWAYS or _HIDDEN.search(str(el.get("style") or "")):
            doomed.append(el)
    _remove(doomed)
    return embedded


def _document_file(url: str) -> str | None:
    """The file name a link points at when it is a document (.pdf, .docx…), else None."""
    path = re.split(r"[?#]", url.strip(), maxsplit=1)[0]
    file_name = path.replace("\\", "/").rsplit("/", 1)[-1]
    extension = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    return file_name if extension in _hints().document_extensions else None


@dataclass
class _Link:
    tag: Tag
    attachment: Attachment


def _file_links(root: Tag, name: str) -> list[_Link]:
    """Links to documents (附件下载 boxes, 附件：1.××.docx), in page order."""
    links = []
    for a in root.descendants:
        if not isinstance(a, Tag) or a.name != "a" or not a.get("href"):
            continue
        href = str(a["href"]).strip()
        text = " ".join(a.get_text(" ", strip=True).split())
        file_name = _document_file(href) or _document_file(text)
        if not file_name:
            continue
        title = _ATTACHMENT_LABEL.sub("", text) or file_name
        stem, dot, extension = title.rpartition(".")
        if dot and extension.lower() in _hints().document_extensions:
            title = stem
        line = a.sourceline or 0
        prov = Provenance(file=name, lines=(line, line))
        links.append(_Link(a, Attachment(title.strip(), href, prov)))
    return links


def _inside(tag: Tag, container: Tag) -> bool:
    return any(parent is container for parent in tag.parents)


class _Page:
    """What each element of the page holds: CJK characters outside and inside links, and how
    much of it is prose — the measure the body is chosen by."""

    def __init__(self, root: Tag, scored: bool = True):
        """Sizes of every element; with `scored`, also the prose lines' votes."""
        self.order: dict[int, int] = {}
        self.depth: dict[int, int] = {id(root): 0}
        self.last: dict[int, int] = {}  # order of an element's last descendant
        elements = [root] + [el for el in root.descendants if isinstance(el, Tag)]
        for i, el in enumerate(elements):
            self.order[id(el)] = i
            if el is not root:
                self.depth[id(el)] = self.depth.get(id(el.parent), 0) + 1
        self.weight: dict[int, int] = {}
        self.links: dict[int, int] = {}
        self.items: dict[int, int] = {}  # links with text: the entries of a list of links
        for el in reversed(elements):
            text = links = items = 0
            last = self.order[id(el)]
            for child in el.children:
                if isinstance(child, Tag):
                    text += self.weight[id(child)]
                    links += self.links[id(child)]
                    items += self.items[id(child)]
                    last = max(last, self.last[id(child)])
                elif isinstance(child, NavigableString) and not isinstance(child, _SKIPPED_STRINGS):
                    text += len(_CJK.findall(child))
            if el.name == "a":
                if text + links >= _LINK_ITEM_CJK:
                    items += 1
                text, links = 0, text + links
            self.weight[id(el)] = text
            self.links[id(el)] = links
            self.items[id(el)] = items
            self.last[id(el)] = last
        self.total = self.weight[id(root)]
        self.layout: dict[int, bool] = {}
        self.content: dict[int, float] = {}
        self.votes: dict[int, int] = {}  # lines of prose inside
        self.credit: dict[int, float] = {}
        if scored:
            self._score_lines(root, elements)

    def of(self, el: Tag) -> int:
        return self.weight.get(id(el), 0)

    def content_of(self, el: Tag) -> float:
        return self.content.get(id(el), 0)

    def noise_of(self, el: Tag) -> float:
        return self.of(el) + self.links.get(id(el), 0) - self.content_of(el)

    def link_share(self, el: Tag) -> float:
        text = self.of(el) + self.links.get(id(el), 0)
        return self.links.get(id(el), 0) / text if text else 0

    def listiness(self, el: Tag) -> float:
        """Links per line of prose: about one in a list of linked summaries, none in an article."""
        return min(1.0, self.items.get(id(el), 0) / max(self.votes.get(id(el), 0), 1))

    def score(self, el: Tag) -> float:
        """The prose that votes for `el`, discounted by its share of link text and of links."""
        credit = self.credit.get(id(el), 0)
        return credit * (1 - self.link_share(el)) * (1 - self.listiness(el))

    def mostly_links(self, el: Tag) -> bool:
        return (
            self.link_share(el) > _MAX_PROSE_LINK_SHARE
            or self.listiness(el) >= _MAX_PROSE_LISTINESS
        )

    def is_layout(self, table: Tag) -> bool:
        """A table that holds other tables or most of the page's text lays out the page."""
        known = self.layout.get(id(table))
        if known is None:
            inside = [el for el in table.descendants if isinstance(el, Tag)]
            known = any(el.name == "table" for el in inside) or (
                self.total > 0
                and any(el.name in ("td", "th") and self.of(el) >= self.total / 2 for el in inside)
            )
            self.layout[id(table)] = known
        return known

    def _score_lines(self, root: Tag, elements: list[Tag]) -> None:
        owners: dict[int, Tag] = {}
        texts: dict[int, list[str]] = {}
        for owner, string in self._strings(root):
            owners[id(owner)] = owner
            texts.setdefault(id(owner), []).append(string)
        own: dict[int, float] = {}
        for key, owner in owners.items():
            text = "".join(texts[key])
            cjk = len(_CJK.findall(text))
            if owner.name != "table" and not _reads_like_text(text, cjk):
                continue
            own[key] = cjk
            self.votes[key] = 1
            voter = owner.parent if owner.name == "table" or _is_paragraph(owner) else owner
            if voter is None:
                voter = owner
            self.credit[id(voter)] = self.credit.get(id(voter), 0) + cjk
            if voter.parent is not None:
                grand = id(voter.parent)
                self.credit[grand] = self.credit.get(grand, 0) + cjk / 2
        for el in reversed(elements):
            total = own.get(id(el), 0)
            votes = self.votes.get(id(el), 0)
            for child in el.children:
                if isinstance(child, Tag):
                    total += self.content[id(child)]
                    votes += self.votes[id(child)]
            self.content[id(el)] = total
            self.votes[id(el)] = votes

    def _strings(self, root: Tag) -> Iterator[tuple[Tag, str]]:
        """(line owner, text outside links) of every string: the owner is the nearest block
        element, or the whole table for the cells of a data table."""
        stack: list[tuple[object, Tag, bool]] = [(root, root, False)]
        while stack:
            node, owner, frozen = stack.pop()
            if isinstance(node, NavigableString):
                if not isinstance(node, _SKIPPED_STRINGS):
                    yield owner, str(node)
                continue
            assert isinstance(node, Tag)
            if node.name == "a":
                continue
            if not frozen:
                if node.name == "table" and not self.is_layout(node):
                    owner, frozen = node, True
                elif node.name in _BLOCK_TAGS:
                    owner = node
            stack.extend((child, owner, frozen) for child in reversed(list(node.children)))


def _reads_like_text(text: str, cjk: int) -> bool:
    if cjk < _SENTENCE_CJK or not _SENTENCE_MARK.search(text):
        return False
    line = " ".join(text.split())
    return not (_is_chrome_line(line) or is_tail_start(line))


def _is_prose(block: Paragraph | TableBlock) -> bool:
    """A paragraph of sentences, as the text of a document has and a page's furniture has not."""
    return (
        isinstance(block, Paragraph)
        and len(_CJK.findall(block.text)) >= _SENTENCE_CJK
        and bool(_SENTENCE_MARK.search(block.text))
    )


def _is_paragraph(el: Tag) -> bool:
    """A block element holding only inline content and no line breaks: one paragraph of its
    container (a <div id="zoom"> of text and <br>s is the container of its lines)."""
    return not any(
        isinstance(child, Tag) and (child.name in _BLOCK_TAGS or child.name == "br")
        for child in el.children
    )


def _words(el: Tag) -> list[str]:
    values = [el.get("id") or "", *(el.get("class") or [])]
    return [w for value in values for w in _WORD_SPLIT.split(str(value).lower()) if w]


def _hinted(el: Tag, hints: list[ClassHint]) -> bool:
    return any(hint.matches(word) for word in _words(el) for hint in hints)


def _is_chrome_element(el: Tag) -> bool:
    if el.name in _CHROME_TAGS:
        return True
    if el.name in ("header", "footer"):
        # HTML5 articles may put their own title in a <header>: only page-level ones are chrome.
        return el.find_parent(["article", "main"]) is None
    return _hinted(el, _hints().chrome)


def _drop_chrome(root: Tag, page: _Page) -> None:
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


def _text_lines(el: Tag) -> list[tuple[str, int]]:
    """(text, source line) of each line of `el`, every block element and cell its own line."""
    lines: list[tuple[str, int]] = []
    parts: list[str] = []
    line = el.sourceline or 0

    def flush() -> None:
        text = " ".join("".join(parts).split())
        if text:
            lines.append((text, line))
        parts.clear()

    stack: list[tuple[object, bool]] = [(el, False)]
    while stack:
        node, leaving = stack.pop()
        if isinstance(node, NavigableString):
            if not isinstance(node, _SKIPPED_STRINGS):
                if not parts and node.strip() and node.parent is not None:
                    line = node.parent.sourceline or line
                parts.append(str(node))
            continue
        assert isinstance(node, Tag)
        if node.name in _BLOCK_TAGS or node.name == "br":
            flush()
        if not leaving and node.name != "br":
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(list(node.children)))
    flush()
    return lines


def _take_portal(
    root: Tag, name: str, sizes: _Page
) -> tuple[dict[str, str], dict[str, Provenance]]:
    """Label -> value (and provenance) of the portal metadata blocks, removed from the page."""
    units: list[Tag] = []
    verdicts: dict[int, Tag | None] = {}
    for string in root.find_all(string=True):
        text = string.strip()
        parent = string.parent
        if isinstance(string, _SKIPPED_STRINGS) or len(text) > 120 or label_at(text) is None:
            continue
        unit = _portal_unit(parent, sizes, verdicts) if parent is not None else None
        if unit is not None and all(unit is not seen for seen in units):
            units.append(unit)
    chosen = {id(unit) for unit in units}
    outermost = [unit for unit in units if not any(id(p) in chosen for p in unit.parents)]
    portal: dict[str, str] = {}
    provenance: dict[str, Provenance] = {}
    for unit in outermost:
        for label, value, line in _portal_pairs(_text_lines(unit)):
            if feeds(label) == "furniture" or portal.get(label):
                continue
            portal[label] = value
            provenance[label] = Provenance(file=name, lines=(line, line))
    _remove(outermost)
    return portal, provenance


def _portal_unit(start: Tag, sizes: _Page, verdicts: dict[int, Tag | None]) -> Tag | None:
    """The smallest element around `start` whose text is a block of portal label/value pairs.
    `verdicts` remembers the answer for every element a walk went through: a walk from any of
    them goes the same way up (a list page of 时间：… lines is walked once, not once a line)."""
    path: list[Tag] = []
    el: Tag | None = start
    found: Tag | None = None
    while el is not None and el.name not in ("body", "html", "[document]"):
        if id(el) in verdicts:
            found = verdicts[id(el)]
            break
        path.append(el)
        # Sizes counted before the furniture went: an upper bound, checked before reading lines.
        if sizes.of(el) + sizes.links.get(id(el), 0) > _MAX_PORTAL_BOUND:
            break
        lines = _text_lines(el)
        if sum(len(_CJK.findall(text)) for text, _ in lines) > _MAX_PORTAL_CJK:
            break
        pairs_found = _portal_pairs(lines)
        labels = {label for label, _, _ in pairs_found if feeds(label) != "furniture"}
        if len(labels) >= _MIN_PORTAL_LABELS:
            valued = sum(
                1 for label, value, _ in pairs_found if value and feeds(label) != "furniture"
            )
            # A table header row (名称 | 文号 | 发布日期) names labels without values.
            if valued >= _MIN_PORTAL_LABELS - 1 and _other_share(lines) <= _MAX_PORTAL_OTHER:
                found = el
            break
        el = el.parent
    for visited in path:
        verdicts[id(visited)] = found
    return found


def _portal_pairs(lines: list[tuple[str, int]]) -> list[tuple[str, str, int]]:
    """(label, value, line) of the pairs in a block's lines; a label alone on its line takes
    the next line as its value."""
    found = []
    n = 0
    while n < len(lines):
        text, line = lines[n]
        here = pairs(text)
        for i, pair in enumerate(here):
            value = pair.value
            last = i == len(here) - 1
            following = lines[n + 1][0] if n + 1 < len(lines) else ""
            if last and not value and following and not _is_label_line(following):
                n += 1
                value = following
            found.append((pair.label, value, line))
        n += 1
    return found


def _is_label_line(text: str) -> bool:
    return bool(pairs(text)) or bool(_LABEL_SHAPE.match(text))


def _other_share(lines: list[tuple[str, int]]) -> float:
    """The share of a block's CJK text that is neither a label line nor a label's value."""
    total = other = 0
    awaiting_value = False
    for text, _ in lines:
        cjk = len(_CJK.findall(text))
        total += cjk
        found = pairs(text)
        shaped = bool(_LABEL_SHAPE.match(text))
        if not found and not shaped and not awaiting_value:
            other += cjk
        awaiting_value = shaped or bool(found and not found[-1].value)
    return other / total if total else 0


def _choose_body(root: Tag, page: _Page) -> Tag:
    scored = [el for el in [root, *root.find_all(True)] if page.score(el) > 0]
    if not scored:
        return _deepest_holding_most(root, page)
    body = max(scored, key=page.score)
    while body is not root and body.parent is not None and _widens(body, body.parent, page):
        body = body.parent
    return body


def _widens(body: Tag, parent: Tag, page: _Page) -> bool:
    """Whether the article goes on beside `body` in `parent` (paragraphs at two depths, or the
    notice and the plan in sibling containers)."""
    prose = page.content_of(parent) - page.content_of(body)
    furniture = page.noise_of(parent) - page.noise_of(body)
    if prose < _WIDEN_SHARE * page.content_of(body) or prose < _WIDEN_RATIO * furniture:
        return False
    siblings = [
        child
        for child in parent.find_all(True, recursive=False)
        if child is not body and page.content_of(child) > 0
    ]
    return not any(page.mostly_links(child) for child in siblings)


def _deepest_holding_most(root: Tag, page: _Page) -> Tag:
    body = root
    while page.total:
        inner = next(
            (
                child
                for child in body.find_all(True, recursive=False)
                if page.of(child) >= _FALLBACK_SHARE * page.total and _is_container(child, page)
            ),
            None,
        )
        if inner is None:
            break
        body = inner
    return body


def _is_container(el: Tag, page: _Page) -> bool:
    if el.name in _TABLE_PARTS:
        table = el if el.name == "table" else el.find_parent("table")
        return table is not None and page.is_layout(table)
    return el.name not in _HEADINGS and el.name not in (
        "p",
        "li",
        "ul",
        "ol",
        "dl",
        "pre",
        "blockquote",
    )


def _page_titles(soup: BeautifulSoup) -> list[str]:
    """The article's title as the page's head names it: <title> (often with the column and site
    names around it) and the ArticleTitle/og:title <meta> of the national site guidelines."""
    texts = [soup.title.get_text() if soup.title else ""]
    for meta in soup.find_all("meta"):
        key = str(meta.get("name") or meta.get("property") or "").lower()
        if key in ("articletitle", "og:title"):
            texts.append(str(meta.get("content") or ""))
    return [squashed for text in texts if (squashed := "".join(text.split()))]


def _opening_heading(body: Tag) -> Tag | None:
    """The h1/h2 holding the body's first text, when the body opens with one."""
    for string in body.descendants:
        if not isinstance(string, NavigableString):
            continue
        if isinstance(string, _SKIPPED_STRINGS) or not string.strip():
            continue
        node = string.parent
        while node is not None and node.name not in ("h1", "h2") and node is not body:
            node = node.parent
        return node if node is not None and node.name in ("h1", "h2") else None
    return None


def _names(page_titles: list[str], text: str) -> bool:
    """Whether the page's <title> (or ArticleTitle) names `text`."""
    squashed = "".join(text.split())
    return len(_CJK.findall(squashed)) >= _NAMED_TITLE_CJK and any(
        squashed in title for title in page_titles
    )


def _title_before(body: Tag, root: Tag, page: _Page, page_titles: list[str]) -> Tag | None:
    """The article title placed before the body, outside it: of the h1/h2/*title* elements and
    the elements whose whole text the page's <title> names, the one sharing the deepest ancestor
    with the body, of those one the page's <title> names (a hint word can mark a byline's span
    by chance), and of those the last. A line of portal fields is never the title. A body that
    opens with its own h1/h2 has its title, unless the page's <title> names another element
    before it (the body's heading is then a section's)."""
    opening = _opening_heading(body)
    if opening is not None and _names(page_titles, opening.get_text()):
        return None
    start = page.order.get(id(body), 0)
    ancestors = {id(el): page.depth.get(id(el), 0) for el in body.parents}
    best, best_key = None, None
    for el in root.descendants:
        if not isinstance(el, Tag):
            continue
        order = page.order.get(id(el), start)
        if order >= start:
            break
        if id(el) in ancestors or page.of(el) + page.links.get(id(el), 0) > _MAX_TITLE_CJK:
            continue
        text = el.get_text(" ", strip=True)
        named = _names(page_titles, text)
        marked = opening is None and (el.name in ("h1", "h2") or _hinted(el, _hints().title))
        if not (marked or named) or not _CJK.search(text):
            continue
        if _is_chrome_line(text) or _is_field_line(text):
            continue
        shared = next((ancestors[id(p)] for p in el.parents if id(p) in ancestors), 0)
        if best_key is None or (shared, named, order) >= best_key:
            best, best_key = el, (shared, named, order)
    return best


def _is_field_line(text: str) -> bool:
    """Whether `text` is a line of portal fields (发布日期：… 浏览次数：…), never the title even
    in an element whose class names one (大汉 Hanweb's <td class="bt_time"> under the title)."""
    found = pairs(text)
    return bool(found) and found[0].feeds != "title"


def _between(title: Tag, body: Tag, page: _Page) -> list[Tag]:
    """The outermost elements after the title and before the body: the article's header, none
    when they hold more text than a header does (the title stood above a whole column)."""
    after = page.last[id(title)]
    before = page.order[id(body)]
    ancestors = {id(el) for el in body.parents}
    out: list[Tag] = []
    for el in title.find_all_next(True):
        order = page.order.get(id(el))
        if order is None or order <= after:
            continue
        if order >= before:
            break
        if id(el) in ancestors or any(_inside(el, kept) for kept in out[-1:]):
            continue
        out.append(el)
    size = sum(page.of(el) + page.links.get(id(el), 0) for el in out)
    return out if size <= _MAX_HEADER_CJK else []


def _is_chrome_line(text: str) -> bool:
    text = text.strip()
    return is_chrome(text) or is_furniture(text) or is_link_row(text) or is_breadcrumb(text)


_SPACES = re.compile(r"[ \t\r\n\f]+")


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

    def __init__(self, name: str, page: _Page):
        self.name = name
        self.page = page
        self.blocks: list[Paragraph | TableBlock] = []
        self.link_share: list[float] = []  # per block: its share of CJK text inside links
        self.parts: list[str] = []
        self.first: int | None = None
        self.last: int | None = None
        self.line = 1
        self.style: str | None = None
        self.pre = 0  # depth of <pre> elements being walked: their line breaks are kept
        self.links = 0  # depth of <a> elements being walked
        self.cjk = self.linked_cjk = 0
        self.joined = False  # walking an element that gives one paragraph (a wrapped title)

    def walk(self, top: Tag | NavigableString, breaks: bool = True) -> None:
        """Blocks of `top`'s content; without `breaks`, all of it is one paragraph."""
        self.joined = not breaks
        # An explicit stack: hostile pages nest deeper than Python's recursion limit.
        stack: list[tuple[object, bool]] = [(top, False)]
        while stack:
            node, leaving = stack.pop()
            if leaving:
                assert isinstance(node, Tag)
                if node.name == "pre":
                    self.pre -= 1
                if node.name == "a":
                    self.links -= 1
                if node.name in _BLOCK_TAGS:
                    self.flush()
                if node.name in _HEADINGS and not self.joined:
                    self.style = None
                continue
            if isinstance(node, NavigableString):
                if not isinstance(node, _SKIPPED_STRINGS):
                    self.text(str(node), preformatted=self.pre > 0)
                continue
            assert isinstance(node, Tag)
            if node.sourceline:
                self.line = node.sourceline
            if node.name == "br":
                self.flush()
                continue
            if node.name == "table" and not self.page.is_layout(node) and not self.joined:
                self.flush()
                self.table(node)
                continue
            if node.name in _BLOCK_TAGS:
                self.flush()
            if node.name in _HEADINGS:
                self.style = node.name
            if node.name == "pre":
                self.pre += 1
            if node.name == "a":
                self.links += 1
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(list(node.children)))
        self.joined = False

    def whole(self, top: Tag) -> None:
        """`top` as one paragraph: a title whose <br> only wraps it."""
        self.walk(top, breaks=False)
        self.flush()
        self.style = None

    def drop_navigation(self, start: int) -> None:
        """Drop the blocks from `start` on that are tables or mostly link text."""
        keep = [
            n
            for n in range(len(self.blocks))
            if n < start
            or (
                isinstance(self.blocks[n], Paragraph)
                and self.link_share[n] <= _MAX_HEADER_LINK_SHARE
            )
        ]
        self.blocks = [self.blocks[n] for n in keep]
        self.link_share = [self.link_share[n] for n in keep]

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
        cjk = len(_CJK.findall(raw))
        self.cjk += cjk
        if self.links:
            self.linked_cjk += cjk
        if stripped:
            lead = raw[: len(raw) - len(raw.lstrip())]
            start = self.line + lead.count("\n")
            if self.first is None:
                self.first = start
            self.last = start + stripped.count("\n")
        self.parts.append(raw)
        self.line += raw.count("\n")

    def flush(self) -> None:
        if self.joined:
            return
        text = _clean("".join(self.parts))
        if text:
            lines = (self.first or self.line, self.last or self.first or self.line)
            # a document-sharing site's page holds a whole notice and plan in one <p>
            for piece in glued_paragraphs(text):
                prov = Provenance(file=self.name, lines=lines)
                self.blocks.append(Paragraph(piece, prov, self.style))
                self.link_share.append(self.linked_cjk / self.cjk if self.cjk else 0.0)
        self.parts = []
        self.first = self.last = None
        self.cjk = self.linked_cjk = 0

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
            spans = [c.prov.lines for row in rows for c in row if c.prov.lines]
            first = spans[0][0] if spans else table.sourceline or self.line
            last = max((span[1] for span in spans), default=first)
            self.blocks.append(TableBlock(rows, Provenance(file=self.name, lines=(first, last))))
            self.link_share.append(0.0)

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
            if isinstance(child, Tag | NavigableString):
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
