"""Clean-up between reading and structure: drops portal chrome and Word residue, keeps provenance.

The chrome vocabulary is `chrome.py` (grammars/chrome.yaml). Lines are removed or trimmed, never
renumbered: every block that survives still carries the line numbers (or page/paragraph) of the
source it came from.
Chrome is recognised two ways:
- by rule, anywhere: lines such as 当前位置：首页 > … or 【字体：大 中 小】, page numbers
  (— 5 —, 第 3 页 共 12 页) and the running head a page repeats after one (seen before, or
  coming back after another page number: `chrome.running_heads`), and trailer lines
  (文件下载：, 版权所有, …ICP备…) that cut everything after them;
- by shape, near the top and the bottom of the file (before the first paragraph of prose, after
  the last): rows of link words (无障碍浏览 一网搜 登录| 注册), image file names, and lines made
  only of page-furniture labels (浏览次数：…, from the portal labels of metadata.yaml).
Portal label/value lines that carry metadata (来源：… 时间：…) are left for the metadata stage.
Headings that Word field codes tore apart are put back together here, because later stages
match numbering at the start of a line:
- `四、` on its own, then `HYPERLINK "…" \\l "_Toc…"组织实施` → `四、组织实施`
- `组织实施四、` (the field result printed before its number) → `四、组织实施`
`column_organ` reads, before the breadcrumb is dropped, the organ it names as the column the
page sits in (首页 > 政务公开 > 某县民政局 > 通知公告), for the metadata stage: a text copy's
breadcrumb line, or the one the HTML reader keeps first in its stream, marked `BREADCRUMB`.
A news theme's stamp that a copy of its page set one part a line (2020 / 02/19 / 20:37: the
year, month/day and time 新华网's pages print side by side) is put back on one line, so that
the headline over it reads as over any stamp.
A title with the page's fields in brackets after it on its line (…的答复 (发布日期:… 文号:…)) is
split into the title and a line of fields.
A document-sharing site's preview, numbered in pieces cut anywhere under its note (《…》由会员分享,
可在线阅读,… / 1、… / 2、式,…), is put back together where a piece continues an unended sentence.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import regex

from . import headings, portal
from .chrome import (
    PROSE,
    clean_text,
    crumb_organ,
    edge_lines,
    edition_day,
    footer_reach,
    is_breadcrumb,
    is_chrome,
    is_crumb_line,
    is_edition_line,
    is_footer_label,
    is_furniture,
    is_link_row,
    is_page_counter,
    is_page_number,
    is_preview_note,
    is_site_name,
    is_tail_start,
    running_heads,
)
from .source import (
    BREADCRUMB,
    EDITION_DAY,
    SITE_NAME,
    Block,
    Cell,
    Paragraph,
    TableBlock,
    span,
)
from .textutil import squash_spaces

_SENTENCE_MARK = regex.compile(r"[。；;，,：:]")
_SENTENCE_MARK_END = regex.compile(r"[。；;！!？?]")
# A paragraph of prose ends the top furniture zone (and, seen from the end, the bottom one).
_MIN_PROSE = 15
# A row of brand links holds three or more short words between separators, or two about a
# hyphen; words only (a title's 2021-2030年 is no menu).
_MENU_WORDS = 3
_MAX_MENU_WORD = 12
_MENU_WORD = regex.compile(r"^[\p{Han}A-Za-z]+$")
_MENU_SEPARATORS = regex.compile(r"[\s|｜丨/·•\-－—]+")
# A copy of an article a page prints twice holds this many lines at the least, one of them prose
# of this many characters (`_without_second_copy`).
_MIN_COPY_LINES = 3
_MIN_COPIED_PROSE = 20
# Entries a table of contents without a 目录 line has at the least (a 条例's chapters).
_MIN_BARE_CONTENTS = 3
# A section's entry under a chapter's in such a list is a short heading (第一节 指导思想).
_MAX_CONTENTS_ENTRY = 30
# Under a 目录 line an entry may name a whole report's part (九、一般公共预算及政府性基金财政拨款
# “三公”经费支出决算情况说明, a 部门决算's contents).
_MAX_TITLED_CONTENTS_ENTRY = 40


@cache
def _torn_heading_shapes() -> tuple[regex.Pattern, regex.Pattern]:
    """`四、` alone on its line, and `组织实施四、` (the number printed after its title)."""
    number = headings.numeral_pattern("chinese")
    return (
        regex.compile(rf"^{number}\s*[、．.]$"),
        regex.compile(rf"^(?P<title>[\p{{Han}}]{{2,20}}?)(?P<num>{number}、)$"),
    )


def normalize(blocks: list[Block]) -> list[Block]:
    """The blocks of a document with chrome, residue and torn headings repaired."""
    out: list[Block] = []
    seen: set[str] = set()
    heads = running_heads([b.text if isinstance(b, Paragraph) else None for b in blocks])
    after_page_number = False
    page_ends: set[int] = set()
    ordered = _with_site_name(_join_preview_chunks(blocks))
    for n, block in enumerate(ordered):
        if isinstance(block, TableBlock):
            out.append(_clean_table(block))
            after_page_number = False
            continue
        if is_tail_start(block.text) or (
            is_footer_label(block.text) and _footer_runs_on(ordered[n + 1 :])
        ):
            break
        if block.style == BREADCRUMB:
            continue  # the HTML reader's breadcrumb, read by `column_organ` before
        text = clean_text(block.text)
        squashed = squash_spaces(text)
        running_head = after_page_number and (squashed in seen or squashed in heads)
        # a viewer's counter under a page marker (Page 2: … / 2 / 27) is the page's number too
        counter = after_page_number and is_page_counter(text)
        after_page_number = is_page_number(text) or counter
        seen.add(squashed)
        if is_edition_line(text) and out and isinstance(out[-1], Paragraph):
            # the day of the paper's issue right above its page label
            if edition_day(out[-1].text):
                out[-1] = replace(out[-1], style=EDITION_DAY)
            continue
        if (day := edition_day(text)) and day["edition"]:
            out.append(replace(block, text=day["day"], style=EDITION_DAY))
            continue
        if not text or running_head or counter or is_chrome(text):
            if after_page_number and out:
                page_ends.add(id(out[-1]))  # the last line of a page, for `_without_contents`
            continue
        if text[-1] in _CLOSING_BRACKETS and (fields := _bracketed_fields(text)):
            # a title with the page's fields in brackets after it on its line
            out.append(replace(block, text=text[: fields.start()].rstrip()))
            out.append(replace(block, text=fields["fields"].strip()))
            continue
        out.append(block if text == block.text else replace(block, text=text))
    furnished = _drop_edge_furniture(_join_split_stamps(out))
    return _mend_torn_headings(_without_contents(_without_second_copy(furnished), page_ends))


def _without_second_copy(blocks: list[Block]) -> list[Block]:
    """The blocks without the second of two copies of the article a page prints one under the
    other (a portal's text and its print view's: 各中小学、幼儿园： / 为…现印发给你们… / 附件：… /
    某区教育局 / date, then the same lines again). Read twice, a notice would be two documents,
    or one with its letter twice in its preamble. A copy is a run of at least `_MIN_COPY_LINES`
    lines, a sentence of prose among them, that the very next lines repeat; a sentence said
    again further on is no copy."""
    keys = [squash_spaces(b.text) if isinstance(b, Paragraph) else None for b in blocks]
    first_at: dict[str, int] = {}
    for again, key in enumerate(keys):
        if key is None or len(key) < _MIN_COPIED_PROSE or not PROSE.search(key):
            continue
        first = first_at.setdefault(key, again)
        shift = again - first
        if shift < _MIN_COPY_LINES:
            continue
        start = first
        while start and keys[start - 1] is not None and keys[start - 1] == keys[start - 1 + shift]:
            start -= 1
        if start + 2 * shift > len(keys):
            continue
        end = first
        while end < start + shift and keys[end] is not None and keys[end] == keys[end + shift]:
            end += 1
        if end == start + shift:
            return [*blocks[: start + shift], *blocks[start + 2 * shift :]]
    return blocks


def _footer_runs_on(following: list[Block]) -> bool:
    """Whether the lines after a footer label are the rest of a footer: labels and fields only
    (承办单位：… / 地址：… / 电话：…) up to a trailer line or the file's end, within the footer's
    reach. An event's 主办单位 and 承办单位 in its 活动方案 have the plan's text after them."""
    for block in following[: footer_reach() + 1]:
        if not isinstance(block, Paragraph):
            return False
        if is_tail_start(block.text):
            return True
        if not (is_footer_label(block.text) or _field_line(block.text)):
            return False
    return len(following) <= footer_reach()


def _field_line(text: str) -> bool:
    return bool(portal.FIELD_SHAPED.match(text)) and not _SENTENCE_MARK_END.search(text)


# The parts of a news theme's stamp, one a line: year, month/day, time.
_STAMP_PARTS = (
    # 浙江在线 sets its year between dashes: —2024— / 01/10 / 17:46:18
    regex.compile(r"^[—－-]?(?P<year>(?:19|20)\d{2})[—－-]?$"),
    regex.compile(r"^\d{1,2}/\d{1,2}$"),
    regex.compile(r"^\d{1,2}:\d{2}(?::\d{2})?$"),
)


_CLOSING_BRACKETS = frozenset("）)")
# Some portals print an article's fields in brackets after its title on the title's line:
# 对市人大某次会议第0702号代表建议的答复 (发布日期:2023年05月19日 文号:某发改〔2023〕5号).
_BRACKETED_FIELDS = regex.compile(r"(?<=\S)\s*[（(](?P<fields>[^（()）]{4,80})[）)]$")


def _bracketed_fields(text: str) -> regex.Match | None:
    """The bracketed run of portal fields a line ends with, when text stands before it."""
    found = _BRACKETED_FIELDS.search(text)
    return found if found and portal.pairs(found["fields"].strip()) else None


def _join_split_stamps(blocks: list[Block]) -> list[Block]:
    """The blocks with a stamp set one part a line (2020 / 02/19 / 20:37) as one line, 2020
    02/19 20:37; the three parts in their order only, so a year or a fraction alone stays."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        # most lines are no year: the lines after one are looked at only then
        first = blocks[i]
        year = isinstance(first, Paragraph) and _STAMP_PARTS[0].match(first.text.strip())
        lines = (
            [b for b in blocks[i : i + len(_STAMP_PARTS)] if isinstance(b, Paragraph)]
            if year
            else []
        )
        if len(lines) == len(_STAMP_PARTS) and all(
            shape.match(line.text.strip()) for line, shape in zip(lines, _STAMP_PARTS, strict=True)
        ):
            year_part = _STAMP_PARTS[0].match(lines[0].text.strip())
            assert year_part is not None
            text = " ".join([year_part["year"], *(line.text.strip() for line in lines[1:])])
            out.append(replace(lines[0], text=text, prov=span(lines[0].prov, lines[-1].prov)))
            i += len(lines)
            continue
        out.append(first)
        i += 1
    return out


# A sharing site's preview chunk mark (1、 2、 …) and what ends a sentence before one.
_CHUNK_MARK = regex.compile(r"^\s*(?P<n>\d{1,3})、")
_SENTENCE_END = frozenset("。！？；：!?;:")


def _join_preview_chunks(blocks: list[Block]) -> list[Block]:
    """The blocks with a document-sharing site's preview chunks put back together: under its note
    (《…》由会员分享,可在线阅读,…: `preview_note`) the site numbers the pieces it shows 1、 2、 …,
    cut anywhere (…坚持统筹规划的工作方 / 2、式,把…), so its first line after the note opens with
    1、. A mark numbered next is dropped and its piece joined to the one it cuts; one after a
    sentence's end stays, as a document's own item would (1、科学规划。 / 2、坚持标准。)."""
    note = next(
        (
            i
            for i, block in enumerate(blocks)
            if isinstance(block, Paragraph) and is_preview_note(block.text)
        ),
        None,
    )
    if note is None or note + 1 >= len(blocks):
        return blocks
    first = blocks[note + 1]
    opening = isinstance(first, Paragraph) and _CHUNK_MARK.match(first.text)
    if not isinstance(first, Paragraph) or not opening or opening["n"] != "1":
        return blocks
    out = [*blocks[: note + 1], replace(first, text=first.text[opening.end() :])]
    expected = 2
    for block in blocks[note + 2 :]:
        last = out[-1]
        if (
            isinstance(block, Paragraph)
            and isinstance(last, Paragraph)
            and (mark := _CHUNK_MARK.match(block.text))
            and int(mark["n"]) == expected
            and last.text.rstrip()[-1:] not in _SENTENCE_END
        ):
            text = last.text.rstrip() + block.text[mark.end() :]
            out[-1] = replace(last, text=text, prov=span(last.prov, block.prov))
            expected += 1
            continue
        out.append(block)
    return out


def column_organ(blocks: list[Block]) -> Paragraph | None:
    """The organ whose column the page sits in, as its first breadcrumb near the top names it
    (`chrome.crumb_organ`), with the breadcrumb's provenance: read before `normalize` drops the
    breadcrumb, for the metadata stage's weakest issuer."""
    for block in blocks[: edge_lines()]:
        if isinstance(block, Paragraph) and is_crumb_line(block.text):
            organ = crumb_organ(block.text)
            return Paragraph(organ, block.prov) if organ else None
    return None


def _with_site_name(blocks: list[Block]) -> list[Block]:
    """The blocks with the portal's own name marked `SITE_NAME` and its rows of brand links
    dropped: the lines above the page's first breadcrumb near the top (某镇人民政府 / 首页 |
    政务公开 | 互动交流 / 当前位置：首页 > 政策文件 > 规划计划; 青禾网 / 青禾新闻 - 青禾网 /
    首页 > 新闻). Dropped with the breadcrumb, the name could not be told from a 版头's organ
    line, and a brand row, no chrome by rule, was read as the first line of the title."""
    top = min(len(blocks), edge_lines())
    crumb = next(
        (
            n
            for n, block in enumerate(blocks[:top])
            if isinstance(block, Paragraph) and is_crumb_line(clean_text(block.text))
        ),
        None,
    )
    if crumb is None:
        return blocks
    menus: set[int] = set()
    out = list(blocks)
    for n in range(crumb - 1, -1, -1):
        block = blocks[n]
        if not isinstance(block, Paragraph):
            break
        text = clean_text(block.text)
        if _menu(text):
            menus.add(n)
        elif text and not (is_chrome(text) or is_crumb_line(text) or _navigation(text)):
            if is_site_name(text):
                out[n] = replace(block, style=SITE_NAME)
            break
    return [block for n, block in enumerate(out) if n not in menus]


def _menu(text: str) -> bool:
    """A row of a site's brand links or columns: three or more short names between separators
    (平川妇联 | 巾帼建功 | 家庭文明), or a site's name and its column (某某新闻-某某网站)."""
    words = [word for word in _MENU_SEPARATORS.split(text.strip()) if word]
    return (
        len(words) >= 2
        and (len(words) >= _MENU_WORDS or "-" in text)
        and all(len(word) <= _MAX_MENU_WORD and _MENU_WORD.match(word) for word in words)
    )


def _drop_edge_furniture(blocks: list[Block]) -> list[Block]:
    prose = [
        n
        for n, block in enumerate(blocks)
        if isinstance(block, Paragraph)
        and len(block.text) >= _MIN_PROSE
        and PROSE.search(block.text)
    ]
    limit = edge_lines()
    top = min(prose[0] if prose else len(blocks), limit)
    bottom = max(prose[-1] + 1 if prose else 0, len(blocks) - limit)
    return [
        block
        for n, block in enumerate(blocks)
        if not (
            isinstance(block, Paragraph)
            and (is_furniture(block.text) or ((n < top or n >= bottom) and _navigation(block.text)))
        )
    ]


def _navigation(text: str) -> bool:
    return is_link_row(text) or is_breadcrumb(text)


def _clean_table(table: TableBlock) -> TableBlock:
    rows = [[_clean_cell(cell) for cell in row] for row in table.rows]
    return TableBlock(rows, table.prov)


def _clean_cell(cell: Cell) -> Cell:
    # blocks are never changed in place, so a cell with nothing to clean is kept as it is
    text = clean_text(cell.text) if cell.text else cell.text
    return cell if text == cell.text else replace(cell, text=text)


def _bare_contents_end(texts: list[str | None], i: int, titled: bool = False) -> int:
    """The end of a table of contents without page numbers that starts at i, else i: a law
    database lists a 条例's chapters under its title, with or without a 目录 line above them
    (第一章 总则 / 第二章 … / 第七章 附则), before the text repeats them. Its entries are
    numbered in one style from the first on, one after another with no text between (no body
    has three chapter headings in a row), and the first is repeated below the list. A plan's
    list may name each chapter's sections under it in one other style (第一章 规划背景 / 第一节
    … / 第二节 … / 第二章 总体要求 / 第一节 …, a provincial bureau's page), short headings
    with no sentence in them.

    Under a 目录 line (`titled`) the body may word the first entry otherwise (a 部门决算 lists
    第一部分妇联概况 and prints 第一部分 / 区妇联概况, its tables listed but given as files):
    the list then ends where the body opens its numbering again, the next line numbered in the
    first entry's style being numbered 1."""
    if i >= len(texts):  # a 目录 line ending the text (a preview cut after a cover)
        return i
    first = headings.numbered(texts[i] or "")
    if first is None or first.ordinal != 1:
        return i
    longest = _MAX_TITLED_CONTENTS_ENTRY if titled else _MAX_CONTENTS_ENTRY
    j, entries, inner = i + 1, 1, None
    while j < len(texts) and (line := texts[j]) is not None:
        number = headings.numbered(line)
        if number is None:
            break
        if number.style == first.style and number.ordinal == entries + 1:
            entries += 1
        elif (
            number.style != first.style
            and inner in (None, number.style)
            and len(line) <= longest
            and not _SENTENCE_MARK.search(line)
        ):
            inner = number.style
        else:
            break
        j += 1
    if entries < _MIN_BARE_CONTENTS:
        return i
    ends = _repeated(texts[i], texts[j:]) or (titled and _numbering_restarts(first, texts[j:]))
    return j if ends else i


def _numbering_restarts(first: headings.Numbered, later: list[str | None]) -> bool:
    """Whether the next of `later` numbered in the style of `first` is numbered 1."""
    for line in later:
        number = headings.numbered(line) if line else None
        if number is not None and number.style == first.style:
            return number.ordinal == 1
    return False


# A contents entry's page number set after its heading with no leader (第一章总则1, spaces
# removed): a Word TOC whose tab leader is "none", or a web copy that lost the dots.
_TRAILING_PAGE = regex.compile(r"^(.+?\D)第?[0-9]{1,3}页?$")


def _repeated(entry: str | None, later: list[str | None]) -> bool:
    """Whether a contents entry repeats a later line, as it is or without its page number."""
    if entry is None:
        return False
    if entry in later:
        return True
    bare = _TRAILING_PAGE.match(entry)
    return bare is not None and bare.group(1) in later


def _without_contents(blocks: list[Block], page_ends: set[int] | None = None) -> list[Block]:
    """The blocks without a table of contents: entries with a leader and a page number, the
    目录 line with the entries under it that repeat a later line (a TOC without page numbers,
    as Word's field gives it when copied as text) or do so once their page number is taken off
    (a TOC without leaders), and the last of them when its page number is lost before the
    page's marker (`_last_entry_unpaged`), and such entries with no 目录 line above them
    (`_bare_contents_end`)."""
    rules = headings.rules().contents
    entry = regex.compile(rules.entry)
    titles = set(rules.titles)
    texts = [squash_spaces(b.text) if isinstance(b, Paragraph) else None for b in blocks]
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        text = texts[i]
        if text is not None and entry.match(text):
            i += 1
            continue
        start = i + 1 if text in titles else i
        if (bare_end := _bare_contents_end(texts, start, text in titles)) > start:
            i = bare_end
            continue
        if text in titles:
            j = i + 1
            while j < len(blocks) and (
                (line := texts[j]) is not None
                and (entry.match(line) is not None or _repeated(line, texts[j + 1 :]))
            ):
                j += 1
            if j > i + 1:
                i = j + _last_entry_unpaged(blocks, texts, j, page_ends or set())
                continue
        out.append(blocks[i])
        i += 1
    return out


def _last_entry_unpaged(
    blocks: list[Block], texts: list[str | None], j: int, page_ends: set[int]
) -> int:
    """1 when the line at j, after a 目录 line's entries, is one more entry whose page number the
    page lost, the last line of its page (…（四）对策和建议……27 / 三、附录 / 第2页共39页, a document
    site's flattened preview of a report: `page_ends` holds the lines a page marker followed);
    else 0."""
    line = texts[j] if j < len(texts) else None
    return int(
        line is not None
        and id(blocks[j]) in page_ends
        and headings.numbered(line) is not None
        and len(line) <= _MAX_TITLED_CONTENTS_ENTRY
        and not _SENTENCE_MARK.search(line)
    )


def _mend_torn_headings(blocks: list[Block]) -> list[Block]:
    lone_number, number_after_title = _torn_heading_shapes()
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if isinstance(block, Paragraph):
            moved = number_after_title.match(block.text)
            if moved:
                block = replace(block, text=moved["num"] + moved["title"])
            elif lone_number.match(block.text) and i + 1 < len(blocks):
                nxt = blocks[i + 1]
                if (
                    isinstance(nxt, Paragraph)
                    and len(nxt.text) <= 30
                    and not _SENTENCE_MARK.search(nxt.text)
                ):
                    block = Paragraph(
                        block.text + nxt.text, span(block.prov, nxt.prov), block.style
                    )
                    i += 1
        out.append(block)
        i += 1
    return out
