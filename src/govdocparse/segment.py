"""Splits one file's blocks into documents: a notice and the plans it carries, or a single plan.

A document starts at its title. Titles are found from the text alone:
- a short unnumbered line, or a few wrapped lines joined, ending in a document-type word
  (通知, 规划, 方案, 计划… from grammars/metadata.yaml), optionally followed by its period line
  （2021—2030年）;
- the first such title in the file starts the first document; a later one starts a new document
  when an earlier notice announced it by name (《开州区儿童发展规划（2021—2030年）》) or an
  附件说明 listed it (附件：重点任务清单), when the previous document has closed (signature date,
  （此件公开发布）), or when the lines under it are a document's own head (its 文号, its
  主送机关), as each document of a gazette issue or a compilation page has.
A title repeated with nothing but chrome in between (a portal's page title above the article
title) counts once; a title with no text under it before a document's head (a portal's or a
mirror's page title naming the carried plan) gives way to the title of that head.
A portal field naming the title (标题：…, | 信息名称 | … |) is the title when the page lost its
title line, a document's head coming next, or when the page has no title line at all (a 留言
page's letter and reply under their fields); a line the page's own title field repeats word for
word is the title of a page that names no document (名称：校园安全 / 校园安全), and a repost's
lead-in naming a document in 《》 and announcing its full text (…《…的通知》全文如下：), or a
lead sentence naming the notice that hands a document down (…办公室发布关于印发《…》的通知。),
starts that document when its head comes next. A story whose lead announces a document's full
text (…印发《…》。全文如下： · 详情如下：) announces it as a notice does: its title line below
starts a document of its own, which the story carries. Each essay of a template site's bundle
under its mark (【第一篇】某小学…实施方案, 篇二：…) is a document of its own.
A mirror's 《》 around a whole title line are not part of the title, nor is a 文号 set beside it
on its line (某府办发〔2021〕6号 某区…的通知). A title is never joined with a line that opens
another title with its issuer (江西省人民政府办公厅关于印发… after a page title cut off
mid-word), nor with a copy of itself; a title that opens with an organ takes in the organ lines
above it when there are two or more (joint issuers a page wrapped one a line).
An 附件 printed under an 附件 mark whose body is a table and no headings is an annex, whatever
its title's last word (重点任务清单, 建设标准). A headline asking or exclaiming before the
document it tells of (如何让孩子更快乐？某市出台…行动计划) is a news item's title unless the
document's numbered headings follow it.
A notice whose title the page lost (its 主送机关 line, its text and its closing above the
first title, a plan's) is a notice without a title, carrying the plans after it.
A copy that ran a title and its 主送机关 together on one line, a space between them (…活动的通知
各乡镇妇联、县直妇委会：, a forum's copy of a notice), is read as the two lines it was.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

import regex
from rapidfuzz import fuzz

from . import grammar, portal
from .captions import starts_caption
from .grammar_schema import MetadataGrammar
from .headings import numbered
from .source import SITE_NAME, Block, Paragraph, TableBlock, span
from .textutil import (
    YEAR_RANGE,
    fold,
    iso_date,
    leading_date,
    simplified,
    squash_spaces,
    trailing_date,
)

MAX_TITLE_LINE = 80
MAX_TITLE = 120
# the type word of a proclamation alone on its line, spaced out at most (公  告)
_PROCLAMATION_WORD_MAX = 8
_SENTENCE_MARK = regex.compile(r"[。；;！!？?]")
# a line ending in a colon announces what follows (a repost's …印发《…》，全文如下：), so it is
# never part of the title below it
_LEAD_IN = regex.compile(r"[:：]$")
# A line of Latin words without a Chinese character (a sharing site's English chrome over the
# text it transcribes: Documents / 63 download / TRANSCRIPT) is no line of a Chinese title.
_LATIN_ONLY = regex.compile(r"^[^\p{Han}]*[A-Za-z]{2}[^\p{Han}]*$")
_PROSE = regex.compile(r"[。；！？]")
# the space a copy left between a title and the 主送机关 it ran on the same line
_GAP = regex.compile(r"[ \t\u3000]+")
_PERIOD = rf"[（(]\s*{YEAR_RANGE}\s*年?\s*[)）]"  # （2021—2030年）
# The period alone on the line under the title; a copy may have lost its opening bracket, or
# both, as it loses them after a title (`_UNBRACKETED_PERIOD`): 某市学前教育发展提升行动计划 /
# 2023—2025年） (a district portal's copy of a city's notice handing down two plans, forty-second
# reading)
_PERIOD_ONLY = regex.compile(rf"^(?:{_PERIOD}|{YEAR_RANGE}\s*年?\s*[)）]?)$")
# …规划(—年): a mirror that strips every digit from its copy left the period's dash and 年
_DIGITS_LOST = r"[（(]\s*[—–\-－~～]{1,2}\s*年\s*[)）]"
# …规划2021-2025年） / …规划2021-2025年: a copy that lost the period's opening bracket, or both
# (a county's draft plan under its call for comments)
_UNBRACKETED_PERIOD = rf"(?<=\p{{Han}}){YEAR_RANGE}\s*年?\s*[)）]?"
# …白皮书(2021), …年度报告（2022年）: a yearly report's one year in brackets after its type word
_ONE_YEAR = r"[（(]\s*(?:19|20)\d{2}\s*年?度?\s*[)）]"
_TRAILING_PERIOD = regex.compile(f"(?:{_PERIOD}|{_DIGITS_LOST}|{_UNBRACKETED_PERIOD}|{_ONE_YEAR})$")
# A number in brackets after a title that kept it ((1) where no part tag is read): the title is
# told by the words before it, as it is by those before a status or a period.
_TRAILING_NUMBER = regex.compile(r"\s*[（(]\d{1,2}[)）]$")
# The titles a text names in 《》: the documents a notice hands down (现将《某方案》印发给你们).
ANNOUNCED = regex.compile(r"《([^《》]{4,80})》")
# Characters a title has before its type word at the least (某某方案, not 方案 or 目录 alone).
_MIN_NAME = 2
# A whole title in book-title marks, as mirror sites print it on a line of its own.
_WRAPPED = regex.compile(r"^《([^《》]+)》$")
# An 附件说明's item number: 1.某方案 · 2．某表
_ITEM_NUMBER = regex.compile(r"^\d{1,2}(?:-\d{1,2})?[．.、]")
_MAX_ATTACHMENTS = 20
# How many lines under a title may hold its 文号 or 主送机关 (portal fields may come first).
_HEAD_LINES = 4
# How alike (rapidfuzz ratio, 0-100) a title and the name a notice cites it by must be.
_SAME_TITLE = 80
# Characters of a paragraph that tells a story rather than labels a page (see `_list_in_story`).
_STORY_CHARS = 60
# Characters a title repeated after its issuer and 关于 keeps at the least (实施某纲要评估报告)
_MIN_REST = 6


@dataclass
class Title:
    text: str
    kind: str
    first: int  # index of the first block of the title
    last: int  # index of the last block consumed (title lines and period line)
    period_text: str | None = None


@dataclass
class Segment:
    """One document's share of the file: blocks before its title (header) and after (body)."""

    title: str | None
    kind: str
    header: list[Block]
    title_blocks: list[Paragraph]
    body: list[Block]
    period_text: str | None = None
    # the lead of the story before it that announced its full text (…印发《…》。全文如下：)
    announced_by: Paragraph | None = None


def _grammar() -> MetadataGrammar:
    return grammar.load_typed("metadata", MetadataGrammar)


@cache
def _doc_types() -> tuple[regex.Pattern, dict[str, str]]:
    types = _grammar().doc_types.model_dump()
    kind_of = {word: kind for kind, words in types.items() for word in words}
    words = sorted(kind_of, key=len, reverse=True)
    return regex.compile(f"(?:{'|'.join(words)})$"), kind_of


@cache
def _pattern(entry: str) -> regex.Pattern:
    """The compiled pattern of metadata.yaml's `entry` (news_report, full_text_lead…)."""
    rules = _grammar()
    return rules.compile(getattr(rules, entry))


@cache
def _closing_marks() -> list[regex.Pattern]:
    rules = _grammar()
    return [rules.compile(rule) for rule in rules.closing_marks] + [rules.compile(rules.printed)]


@cache
def _trailing_status() -> regex.Pattern:
    words = "|".join(map(regex.escape, _grammar().title_status))
    return regex.compile(f"[（(](?:{words})[)）]$")


@cache
def _trailing_validity() -> regex.Pattern:
    """A portal's validity tag (（现行有效）) or a template site's part tag ((2), (精选5篇))
    after a title."""
    rules = _grammar()
    words = "|".join(map(regex.escape, rules.title_validity))
    validity = f"\\s*[（(【\\[](?:{words})[)）】\\]]\\s*$"
    return regex.compile(f"{validity}|{rules.title_part_tag.pattern}")


@cache
def _byline() -> regex.Pattern:
    """An outlet's or a public account's name before its stamp (某某新闻 2021-06-25 10:10:03)."""
    return _grammar().compile(_grammar().byline)


@cache
def trailing_doc_number() -> regex.Pattern:
    """A 文号 in brackets at the end of a title (web pages): …的通知(宜办发〔2022〕9号)."""
    return regex.compile(f"[（(]\\s*{_grammar().doc_number.pattern}\\s*[)）]\\s*$")


@cache
def _glued_numbers() -> tuple[regex.Pattern, regex.Pattern]:
    """A bare 文号 set beside the title on its line, a space between: before it (a portal's
    list of documents: 某府办发〔2021〕6号 某区人民政府办公室关于…的通知) or after it (a mirror:
    某院办公厅关于印发…的通知 某办发〔2007〕14号)."""
    number = _grammar().doc_number.pattern
    return regex.compile(f"^\\s*{number}\\s+(?=\\S)"), regex.compile(f"\\s+{number}\\s*$")


@cache
def _glued_standard_number() -> regex.Pattern:
    """A standard's number before its name on one line, a space between (a standards site's
    heading: DBJ/T 13-520-2025 某省城市绿地…建设标准); the cover rule is anchored to a line of
    its own."""
    number = _grammar().standard_cover.number.pattern.removeprefix("^").removesuffix("$")
    return regex.compile(f"^\\s*{number}\\s+(?=\\S)")


def glued_doc_number(text: str) -> tuple[str, str] | None:
    """(文号, the rest of the line) of a line holding a title and its 文号, else None; a
    standard's number keeps its space (DB45/T 2150—2023)."""
    for glued in _glued_numbers():
        found = glued.search(text)
        if found:
            rest = text[: found.start()] + text[found.end() :]
            return squash_spaces(found["number"]), rest
    if text.lstrip()[:2] in ("DB", "GB", "T/"):  # cheap: most lines open with no standard's number
        found = _glued_standard_number().match(text)
        if found:
            return found["number"].strip(), text[found.end() :]
    return None


def _bare(title: str) -> str:
    """A title without its trailing 文号, period (（2021—2030年）), status (（试行）), a
    portal's validity tag (（现行有效）), a note on reading it (（排名第一的为牵头单位）), a
    standard's part (第1部分：总则) and a number in brackets ((1))."""
    title = _pattern("title_note").sub("", _trailing_validity().sub("", squash_spaces(title)))
    if "部分" in title:
        title = _pattern("title_standard_part").sub("", title)
    title = trailing_doc_number().sub("", title)
    title = _TRAILING_NUMBER.sub("", title)
    return _TRAILING_PERIOD.sub("", _trailing_status().sub("", title))


def _unwrapped(text: str) -> str:
    """A title without the 《》 a mirror put around the whole of it: 《某市…的通知》."""
    whole = _WRAPPED.match(squash_spaces(text))
    return whole[1] if whole else text


def interpreted_title(text: str | None) -> str | None:
    """The title an interpretation titled by its form explains: 图解《某县…规划》 → 某县…规划."""
    found = _pattern("interpretation_title").match(squash_spaces(text or ""))
    return found["cited"] if found else None


def title_kind(text: str) -> str | None:
    """notice / plan / annex / other when `text` ends like a document title, else None."""
    ending, kind_of = _doc_types()
    if interpreted_title(text):
        return "other"
    bare = _bare(_unwrapped(text))
    match = ending.search(bare)
    if (match or "《" in bare) and _pattern("news_report").search(bare):
        return "other"  # a news headline reporting what became of a document it names
    if _pattern("notice_without_type").search(bare):
        return "notice"
    # a title names something before its type word: 目录 or 通知 alone is no title
    if not match or match.start() < _MIN_NAME:
        return None
    return kind_of[match.group(0)]


@cache
def _hook_marks() -> str:
    """The marks that end a news headline's hook: its question or exclamation."""
    rules = _grammar()
    return "".join(rules.headline_marks + rules.question_marks)


def _hooked(title: str) -> bool:
    """Whether a title opens with a hook, a question or exclamation before what it tells
    (如何让孩子更快乐？某市出台儿童友好行动计划 · 重磅！某省印发某某行动方案): a news headline,
    since no document's own title asks or exclaims."""
    marks = _hook_marks()
    return any(mark in title[1:-1] for mark in marks) and title[-1] not in marks


def _hooked_as_written(lines: list[Block], title: Title) -> bool:
    """Whether the title's line, or a copy of it above (a page prints its headline twice), was
    hooked as written: a content farm's trending tag, dropped from the title, opens it with one
    (世界焦点!某省发文…)."""
    return any(
        isinstance(line, Paragraph)
        and _hooked(squash_spaces(line.text))
        and _title_text(squash_spaces(line.text)) == title.text
        for line in lines
    )


def _told(title: str) -> str:
    """What a hooked headline tells, after its hook's last mark (烟台市出台… of 如何让孩子玩得更
    安心？烟台市出台…); any other title whole."""
    if not _hooked(title):
        return title
    marks = _hook_marks()
    return title[max(title.rfind(mark, 0, len(title) - 1) for mark in marks) + 1 :]


@cache
def _standalone_units() -> list[regex.Pattern]:
    """Lines complete on their own and never part of a title: 文号, issuer, 版头 and 版记 marks."""
    rules = _grammar()
    return [
        # a line that opens with the 文号 (bracketed under a title, or before 签发人); a title
        # may end with its 文号 in brackets
        regex.compile(f"^[（(]?{rules.doc_number.pattern}"),
        regex.compile(f"^[\\p{{Han}}]{{2,30}}{rules.issuer_suffix.pattern}$"),
        *(
            rules.compile(rule)
            for rule in (
                # a standard's cover: 某省地方标准 ends in a type word but names no document
                rules.standard_cover.series,
                rules.standard_cover.number,
                rules.standard_cover.filing,
                rules.banner_marks,
                rules.issuer_mark,
                rules.signers,
                rules.annex_mark,
                rules.attachments,
            )
        ),
        *_closing_marks(),
    ]


def _standalone(text: str, squashed: str) -> bool:
    return (
        bool(portal.pairs(text))
        or leading_date(text) is not None  # 2011-10-08 00:00:00 来源: … (a page's stamp)
        or any(unit.search(squashed) for unit in _standalone_units())
    )


def _title_line(block: Block) -> str | None:
    """The text of a block that may be (part of) a title, else None; a 文号 beside the title
    on its line is no part of it."""
    if (
        not isinstance(block, Paragraph)
        or not _title_line_length(block.text)
        or block.style == SITE_NAME
    ):
        return None
    glued = glued_doc_number(block.text)
    line = glued[1] if glued and title_kind(squash_spaces(glued[1])) else block.text
    text = squash_spaces(line)
    marks = _hook_marks()
    if any(mark in text for mark in marks):
        headline = _headline(line)
        if headline is None:
            return None
        line = headline
        text = squash_spaces("".join(char for char in line if char not in marks))
    if _no_title_text(line, text) or iso_date(text) or _bare_date().match(line.strip()):
        return None
    return line


def _title_line_length(line: str) -> bool:
    """Whether a line is short enough to be (part of) a title: at most a title line's length,
    or, for a portal's headline of a joint notice that names its organs spaced out before it
    (某市某某管理委员会民生保障局 某市某某管理委员会教育局 关于印发《…》的通知), that length
    after the organs and at most a whole title's with them."""
    if len(line) <= MAX_TITLE_LINE:
        return True
    if len(squash_spaces(line)) > MAX_TITLE:
        return False
    words = line.split()
    organs = _spaced_organs(words)
    return organs > 0 and len("".join(words[organs:])) <= MAX_TITLE_LINE


def _spaced_organs(words: list[str]) -> int:
    """How many of a title's first words are the organs issuing it, each a word of its own
    (某省民政厅 某省财政厅 关于… or 某省民政厅 某省财政厅关于…): organs before words that open
    with the title's verb (关于, 印发, 转发) or with one more organ and that verb."""
    organs = 0
    while organs < len(words) - 1 and _issuer_line().match(words[organs]):
        organs += 1
    while organs:
        rest = "".join(words[organs:])
        if rest.startswith(_ISSUER_VERBS) or _issuer_opening().match(rest):
            return organs
        organs -= 1
    return 0


def _no_title_text(line: str, text: str) -> bool:
    """Whether a line (`text`: without its spaces and headline marks) is no part of a title: a
    sentence, a lead-in ending in a colon, a numbered item, a portal field, a stamp or a box's
    or a table's caption (专栏1 主要指标, 表2 重点项目一览表; an 附件's label may head its
    title)."""
    return bool(
        _SENTENCE_MARK.search(text)
        or _LEAD_IN.search(text)
        or _LATIN_ONLY.match(text) is not None
        or numbered(text)
        or _standalone(line.strip(), text)
        or (starts_caption(text) and not text.startswith("附件"))
    )


@cache
def _bare_date() -> regex.Pattern:
    """A date whose 年月日 a crawl dropped (2023 3 15): never a line of the title below it."""
    rules = _grammar()
    return rules.compile(rules.date_without_marks)


def _headline(line: str) -> str | None:
    """A news headline's line without the exclamation marks after it (某委印发《某某方案》！),
    when it ends like a title: its marks end no sentence (headline_marks), nor does a question
    mark before what it tells (如何让孩子更快乐？某市出台…行动计划); else None."""
    bare = line.rstrip("".join(_grammar().headline_marks) + " \t\u3000")
    return bare if title_kind(squash_spaces(bare)) else None


def _marked_headline(block: Block) -> str | None:
    """A line with exclamation or question marks that would be a title line without them
    (好消息！某市新增普惠托位2000个, 孩子放学后谁来管？多地推出…): the headline as written, its
    closing exclamation marks dropped as `_headline` drops them; else None."""
    grammar = _grammar()
    marks = grammar.headline_marks + grammar.question_marks
    if (
        not isinstance(block, Paragraph)
        or len(block.text) > MAX_TITLE_LINE
        or block.style == SITE_NAME
        or not any(mark in block.text for mark in marks)
    ):
        return None
    line = block.text.strip().rstrip("".join(grammar.headline_marks) + " \t\u3000")
    text = squash_spaces("".join(char for char in line if char not in marks))
    return None if not text or _no_title_text(line, text) else line


def _title_at(blocks: list[Block], i: int) -> Title | None:
    """The title starting at block i, joining lines the author wrapped, or None."""
    proclamation = _proclamation_at(blocks, i)
    if proclamation is not None:
        return proclamation
    carried = _headline_over_text(blocks, i)
    if carried is not None:
        return carried
    # most blocks start no title: the lines after one are read only when it may
    first_line = _title_line(blocks[i])
    if first_line is None:
        marked = _marked_headline(blocks[i])
        if marked and (
            _over_a_byline(blocks, i, marked)
            or _named_by_title_field(blocks, i, marked)
            or (i == 0 and _exclaimed_over_text(blocks, marked))
        ):
            return _headline_title(blocks, i, marked)
        return _portal_title(blocks, i) or _lead_title(blocks, i)
    if i and _awaits_value(blocks[i - 1], blocks[i]):
        return None  # • 组配分类: / • 专项规划: a portal label's value on the line below it
    # a lead sentence without its 。 ends like a title: the notice it names is the title
    lead = _lead_title(blocks, i) if "的通知" in first_line else None
    if lead is not None:
        return lead
    if title_kind(squash_spaces(first_line)) is None and (
        _over_a_byline(blocks, i, first_line) or _named_by_title_field(blocks, i, first_line)
    ):
        return _headline_title(blocks, i, first_line)
    if _subject_of_notice(blocks, i, first_line):
        return Title(_title_text(first_line), "notice", i, i)
    lines = [first_line, *(_title_line(block) for block in blocks[i + 1 : i + 4])]
    # A title spread out with spaces (卫 生 工 作 制 度) is set on a line of its own.
    spread = [n for n, line in enumerate(lines) if line and _spread(line)]
    if spread:
        lines = lines[: max(spread[0], 1)]
    text: str = first_line
    j = 0
    while title_kind(text) is None:
        following = lines[j + 1] if j + 1 < len(lines) else None
        if (
            following is None
            or _opens_another(text, following)
            or _under_masthead(lines[: j + 1], following)
        ):
            return None
        j += 1
        text += following
        if len(text) > MAX_TITLE:
            return None
    # a title may end in a document-type word before its last wrapped line (title_continues)
    while j + 1 < len(lines) and (following := lines[j + 1]) and _continues_title(text, following):
        j += 1
        text += following
    kind = title_kind(text)
    if kind is None:
        return None
    text = _unwrapped(text)
    j += i
    period_text = None
    after = blocks[j + 1] if j + 1 < len(blocks) else None
    if isinstance(after, Paragraph) and _PERIOD_ONLY.match(squash_spaces(after.text)):
        j += 1
        period_text = after.text
    title = Title(_title_text(text), kind, i, j, period_text)
    return _with_organs_above(blocks, title)


def _headline_over_text(blocks: list[Block], i: int) -> Title | None:
    """The title of a document a page heads with a headline naming it in 《》 and telling it was
    issued or that its full text follows (《某省…规划》印发, 《某省…规划》发布!全文来了:
    `headline_of_text`), set right over the document's own text, past a byline or stamp: its
    first numbered heading, a preamble naming it as this one (`self_naming`) or, after 全文,
    any text but a news lead. The name in 《》 is the title the page left out; else None."""
    block = blocks[i]
    if not isinstance(block, Paragraph) or not block.text.lstrip().startswith("《"):
        return None
    text = squash_spaces(block.text)
    found = _pattern("headline_of_text").match(text)
    if found is None or found.end("title") + 1 == len(text):
        return None  # 《…》 alone is a wrapped title, read as one
    kind = title_kind(found["title"])
    below = i + 1
    if below < len(blocks) and _stamp(blocks[below]):
        below += 1
    opening = blocks[below] if below < len(blocks) else None
    if kind is None or not isinstance(opening, Paragraph):
        return None
    body = squash_spaces(opening.text)
    opens_text = (
        numbered(body) is not None
        or _pattern("self_naming").search(body) is not None
        or (found["full"] is not None and not _news_lead(body))
    )
    return Title(_title_text(found["title"]), kind, i, i) if opens_text else None


def _stamp(block: Block) -> bool:
    """Whether a block is a page's byline or stamp dating it (某某办公厅 | 2019-05-04 16:40,
    发布时间：…)."""
    if not isinstance(block, Paragraph):
        return False
    text = block.text.strip()
    return (
        bool(_byline().match(text))
        or leading_date(text) is not None
        or any(pair.feeds == "date_published" for pair in portal.pairs(text))
    )


def _news_lead(text: str) -> bool:
    """Whether a paragraph (spaces squashed) is a news story's lead: its dateline (本报讯…), its
    day (近日，…) or a lead-in announcing a document's text (…全文如下：)."""
    return bool(
        _pattern("news_dateline").match(text)
        or _dated_lead().match(text)
        or _pattern("full_text_announced").search(text)
    )


def _subject_of_notice(blocks: list[Block], i: int, line: str) -> bool:
    """Whether a line naming no type of document is a notice's title with its 的通知 dropped
    (`notice_subject`): its lead-in (`notice_lead_in`) is the paragraph right under it."""
    after = blocks[i + 1] if i + 1 < len(blocks) else None
    return (
        isinstance(after, Paragraph)
        and title_kind(squash_spaces(line)) is None
        and _pattern("notice_subject").match(squash_spaces(line)) is not None
        and _pattern("notice_lead_in").search(squash_spaces(after.text)) is not None
    )


def _exclaimed_over_text(blocks: list[Block], line: str) -> bool:
    """Whether the page's first line is a headline in two exclaimed parts (…名单公布!…等51所
    学校上榜!, `line` without its closing mark) right over the story's text, a line of prose
    longer than it: a content farm's repost keeps neither byline nor dateline under it
    (forty-first reading). A slogan over a plan's text (奋力开创儿童事业新局面！) exclaims once."""
    marks = _grammar().headline_marks
    first, below = blocks[0], blocks[1] if len(blocks) > 1 else None
    return (
        isinstance(first, Paragraph)
        and first.text.rstrip()[-1:] in marks
        and any(mark in line for mark in marks)
        and isinstance(below, Paragraph)
        and len(below.text.strip()) > len(line)
        and bool(_PROSE.search(below.text))
    )


def _proclamation_at(blocks: list[Block], i: int) -> Title | None:
    """The head of a proclamation at block i, an organ over its type word alone (某省人民代表
    大会常务委员会 / 公 告), or of an order, an organ glued to its type word over its serial
    number (某省人民政府令 / 第248号), as one title; else None."""
    block, following = blocks[i], blocks[i + 1] if i + 1 < len(blocks) else None
    if isinstance(block, Paragraph) and isinstance(following, Paragraph):
        line = squash_spaces(block.text)
        if (
            line.endswith(tuple(_grammar().decree_types))
            and _issuer_line().match(line[:-1])
            and _pattern("serial_number").match(squash_spaces(following.text))
        ):
            return Title(line, "other", i, i)
    if (
        not isinstance(following, Paragraph)
        or not isinstance(block, Paragraph)
        or len(following.text) > _PROCLAMATION_WORD_MAX
    ):
        return None
    word = squash_spaces(following.text)
    if word not in _grammar().proclamation_types:
        return None
    organ = squash_spaces(block.text)
    if not _issuer_line().match(organ):
        return None
    return Title(organ + word, title_kind(organ + word) or "other", i, i + 1)


# A news headline names what happened in a few words more than a column's name (部门动态).
_MIN_HEADLINE = 8
_HAN = regex.compile(r"\p{Han}")


def _subtitle(blocks: list[Block], i: int) -> str | None:
    """The headline's subtitle at block i, a short line after a dash (——某市妇女第十六次代表
    大会综述: `news_subtitle`), else None."""
    block = blocks[i] if i < len(blocks) else None
    if not isinstance(block, Paragraph) or len(block.text) > MAX_TITLE_LINE:
        return None
    text = block.text.strip()
    return text if text[:1] in "—─－-" and _pattern("news_subtitle").match(text) else None


def _headline_title(blocks: list[Block], i: int, line: str) -> Title:
    """The title of a news story whose headline is block i: the headline, and its subtitle on
    the line below when it has one."""
    subtitle = _subtitle(blocks, i + 1)
    text = squash_spaces(line) + (squash_spaces(subtitle) if subtitle else "")
    return Title(_title_text(text), "other", i, i + 1 if subtitle else i)


def _kicker(blocks: list[Block], above: Title, title: Title) -> bool:
    """Whether `above`, a headline telling what became of a document (`news_report`), is the
    kicker (引题) of the news headline `title` right under it, which stands over the story's
    byline or its lead's dateline: a paper's digital edition prints the two one over the other
    (某省九部门印发意见 / 今年至少建设100个儿童友好社区 / 某某报全媒体记者某某 发自某市 …,
    forty-first reading). The headline over the lead is the story's title; an organ's name
    over a byline (a portal's bulleted • 某县人民政府 / • 发布时间：…) is no headline."""
    line = blocks[title.first]
    if not (
        above.kind == title.kind == "other"
        and above.first == above.last == title.first - 1 == title.last - 1
        and isinstance(line, Paragraph)
        and _pattern("news_report").search(squash_spaces(above.text))
    ):
        return False
    bare = squash_spaces(line.text)
    return not _issuer_line().match(bare) and _over_a_byline(blocks, title.first, line.text)


def _over_a_byline(blocks: list[Block], i: int, line: str) -> bool:
    """Whether a line that ends in no document type is a news page's headline: right over its
    byline, the fields that date it (发布时间：2022-03-01 10:20 来源：…, or a bare stamp
    2022-03-01 10:20 来源：…), or over the story's lead opening with its dateline
    (某某晚报讯（记者 某某）…, 新华社北京6月26日电), or, at the page's head, over a
    newspaper's deck of bulleted points (■… ■…: `news_deck`) or over a lead opening with its
    day (近日，…), an organ's name there being the page's, no headline.
    《某市儿童发展规划》向社会公布, 我市召开妇女儿童工作会议. Not a document title cut
    short (某省人民政府办公厅关于印发某省, a mirror's page title: 关于 opens a document's
    title), nor a clipper's field (原文地址：http://…: mostly not Chinese)."""
    bare = squash_spaces(line)
    if len(bare) < _MIN_HEADLINE or i + 1 >= len(blocks) or "关于" in bare:
        return False
    if 2 * len(_HAN.findall(bare)) < len(bare):
        return False
    # a subtitle after a dash may stand between the headline and its byline
    below = i + 2 if _subtitle(blocks, i + 1) else i + 1
    if below >= len(blocks):
        return False
    byline = blocks[below]
    if not isinstance(byline, Paragraph):
        return False
    text = byline.text.strip()
    dated = any(
        pair.feeds == "date_published" or trailing_date(pair.value) for pair in portal.pairs(text)
    )
    # a date alone is what a signature's organ line stands over (某省某委办公室 / 2022年3月4日),
    # unless a story's lead opening with its dateline comes right under it (某县召开…会议 /
    # 2024-05-12 / 本报讯 …): a news site's headline over the day it published the story
    return (
        dated
        or (i <= _TITLE_FIELD_REACH and bool(_pattern("news_deck").match(squash_spaces(text))))
        or (leading_date(text) is not None and iso_date(text) is None)
        or bool(_pattern("news_dateline").match(text))
        or (iso_date(text) is not None and opens_news_lead(blocks[below + 1 : below + 2]))
        or bool(_byline().match(text))
        or (i == 0 and _headline_over_dated_lead(bare, text))
        or (i == 0 and _place_headline(bare, text))
    )


def _headline_over_dated_lead(bare: str, text: str) -> bool:
    """Whether the page's first line (`bare`) heads a story whose lead (`text`) opens with its
    day: not an organ's name (the page's), nor a line telling that something unnamed was adopted
    (某市政府常务会议审议通过: a cut line, `news_report` with nothing after it)."""
    if not _dated_lead().match(text) or _issuer_line().match(bare):
        return False
    report = _pattern("news_report").search(bare)
    return report is None or report.end() < len(bare)


def _place_headline(bare: str, text: str) -> bool:
    """Whether the page's first line (`bare`) is a regional news headline, a place and a colon
    before it (陕西：建立…服务体系, 某市：…), right over the story's first sentence (`text`, closed
    by 。) whatever its lead opens with: a news site's or a mirror's copy with neither byline nor
    dateline, thirty-first reading. Recipients (各区县：…) open with no place of their own."""
    return (
        ("：" in bare or ":" in bare)
        and text.endswith(("。", "."))
        and _place_colon().match(bare) is not None
    )


@cache
def _place_colon() -> regex.Pattern:
    """A headline's place and its colon, a headline after it; 各, 我, 全… open recipients or a
    whole area (各区县：, 全市：), no place."""
    return regex.compile(f"^(?![各我全本该])(?:{_place_words()})[：:][^。；;：:]{{6,40}}$")


@cache
def _dated_lead() -> regex.Pattern:
    """A news lead opening with the day it tells of (近日，… · 3月1日，…: `lead_day`). Under the
    page's first line, with neither byline nor dateline between (江苏：…名单新鲜出炉 / 近日，…,
    a news site's copy, twenty-fifth reading), it makes that line the story's headline."""
    return regex.compile(f"^(?:{_grammar().lead_day.pattern})[，,]")


def opens_news_lead(blocks: Sequence[Block]) -> bool:
    """Whether the first of `blocks` is a news story's lead opening with its dateline (本报讯,
    新华社北京6月26日电: `news_dateline`)."""
    return bool(
        blocks
        and isinstance(blocks[0], Paragraph)
        and _pattern("news_dateline").match(blocks[0].text.strip())
    )


def _lead_title(blocks: list[Block], i: int) -> Title | None:
    """The title of a document a news site reposts without its title line, named in 《》 by the
    lead-in over it (某部发出《关于开展某某试点工作的通知》全文如下:), or of a notice a lead
    sentence names without announcing its text (某市人民政府办公室发布关于印发《…》的通知。), when
    the document's own head (its 主送机关, its 文号) comes next; else None."""
    block = blocks[i]
    if not isinstance(block, Paragraph):
        return None
    text = squash_spaces(block.text)
    if "的通知" not in text and not _pattern("full_text_announced").search(text):
        return None
    lead = _pattern("full_text_lead").search(text)
    if lead is None:
        return None
    # a notice named with its organ: its verb and what it hands down, a lead's 了 between them
    named = lead["title"] + (lead["cited"] or "")
    kind = title_kind(named)
    if kind is None or not _heads_document(blocks, i + 1):
        return None
    return Title(_title_text(named), kind, i, i)


# How far from a line the page's own title field may stand: a portal's block of fields over the
# article, an encyclopedia entry's infobox under its summary paragraphs.
_TITLE_FIELD_REACH = 15
# A page's own name is a few words at the least (校园安全), not a column's two characters.
_MIN_FIELD_TITLE = 4


def _named_by_title_field(blocks: list[Block], i: int, line: str) -> bool:
    """Whether a line that ends in no document type is the page's title because the page's own
    title field repeats it word for word: a portal article's headline 校园安全 under its fields'
    名称：校园安全, too short to pass for a headline over its byline; an encyclopedia entry's
    name over its summary, its infobox's 中文名 repeating it; a news story's headline at the
    page's head that a note of its source's headline repeats, wherever it stands (原题为《…》:
    `original_title`). Such a page names no document."""
    bare = squash_spaces(line)
    if len(bare) < _MIN_FIELD_TITLE:
        return False
    if i <= _TITLE_FIELD_REACH and _named_by_original_title(blocks, bare):
        return True
    near = blocks[max(0, i - _TITLE_FIELD_REACH) : i + _TITLE_FIELD_REACH + 1]
    return any(
        isinstance(other, Paragraph)
        and other is not blocks[i]
        and bare[0] in other.text
        and bare in squash_spaces(other.text)
        and any(
            pair.feeds == "title" and squash_spaces(pair.value) == bare
            for pair in portal.pairs(other.text.strip())
        )
        for other in near
    )


def _named_by_original_title(blocks: list[Block], bare: str) -> bool:
    """Whether a note of the headline the story's source gave it (原题为《…》, 原标题：…)
    repeats `bare`, its column tag aside."""
    pattern = _pattern("original_title")
    for block in blocks:
        if isinstance(block, Paragraph) and "原" in block.text and bare[0] in block.text:
            note = pattern.match(squash_spaces(block.text))
            if note is not None and note["title"] == bare:
                return True
    return False


def _portal_title(blocks: list[Block], i: int) -> Title | None:
    """The title a portal field at block i gives (标题：…, 信息名称：…) when the page lost its
    title line: past the portal's fields comes a document's own head (主送机关, 文号) with no
    title line between. A field above the page's title line gives way to it."""
    block = blocks[i]
    if not isinstance(block, Paragraph):
        return None
    named = [pair for pair in portal.pairs(block.text.strip()) if pair.feeds == "title"]
    text = _unwrapped(squash_spaces(named[0].value)) if named else ""
    kind = title_kind(text)
    if kind is None:
        return None
    after = i + 1
    while after < len(blocks) and _is_field_line(blocks[after]):
        after += 1
    if not _heads_document(blocks, after):
        return None
    return Title(_title_text(text), kind, i, i)


def _title_field(blocks: list[Block]) -> Title | None:
    """The title the page's own title field names (标题：…, 信息名称：…) at its head, for a page
    in which no title line was found: a 留言 page's letter and reply under their fields, a
    portal article whose title line the copy lost. Its kind is its type word's, else other.
    A short line of its own between the field and the text is a headline the field does not
    repeat: the page's title is then not known."""
    for i, block in enumerate(blocks[:_TITLE_FIELD_REACH]):
        if not isinstance(block, Paragraph):
            continue
        named = [pair for pair in portal.pairs(block.text.strip()) if pair.feeds == "title"]
        text = _unwrapped(squash_spaces(named[0].value)) if named else ""
        if len(text) >= _MIN_FIELD_TITLE and not _SENTENCE_MARK.search(text):
            for following in blocks[i + 1 :]:
                if not isinstance(following, Paragraph) or _PROSE.search(following.text):
                    break
                # a label alone over the text (内容：) is a field too, no headline
                if not (
                    portal.FIELD_SHAPED.match(following.text)
                    or numbered(following.text)
                    or _is_field_line(following)
                ):
                    return None
            return Title(_title_text(text), title_kind(text) or "other", i, i)
    return None


def _awaits_value(block: Block, following: Block) -> bool:
    """Whether a block is a portal label with nothing after it whose value is the following
    line: both items of one bulleted list (a 信息公开 page's fields: • 组配分类: / • 专项规划, a
    Markdown list's - 成文日期: / - 2021-11-30). Without the bullets an empty label may end the
    fields over the title (主题词： / 某县人民政府办公室关于…的函)."""
    if not isinstance(block, Paragraph) or not isinstance(following, Paragraph):
        return False
    mark = portal.item_mark(block.text)
    if not mark or portal.item_mark(following.text) != mark:
        return False
    pairs = portal.pairs(block.text.strip())
    return len(pairs) == 1 and not pairs[0].value


def _is_field_line(block: Block) -> bool:
    return isinstance(block, Paragraph) and bool(portal.pairs(block.text.strip()))


def _with_organs_above(blocks: list[Block], title: Title) -> Title:
    """A title that opens with an organ, under two or more lines of one organ each, names them
    all as its joint issuers: a page wraps a long title at the spaces between its issuers
    (某省民政厅 / 某省教育厅 / … / 某省残疾人联合会关于…的实施意见). One organ line above a
    title is a portal's own name or a 版头, not part of it."""
    head = _issuer_opening().match(squash_spaces(title.text))
    if not head:
        return title
    organs: list[str] = []
    first = title.first
    while first > 0:
        above = blocks[first - 1]
        organ = squash_spaces(above.text) if isinstance(above, Paragraph) else ""
        if not _issuer_line().match(organ):
            break
        organs.insert(0, organ)
        first -= 1
    # a joint 版头 above a title that names its organs again stays apart from it
    if len(organs) < 2 or any(organ in head.group(0) for organ in organs):
        return title
    return replace(title, text=" ".join([*organs, title.text]), first=first)


def _title_text(text: str) -> str:
    """The title as one line: spaces dropped (web copies put them inside words) but for the
    space between joint issuers at its head (中共某市委办公室 某市人民政府办公室印发…), and no
    文号 or validity tag (（现行有效）) glued to its end, nor a compiling site's region tag or a
    news site's column tag or a bundle's essay mark at its head ((湖北省)某市…, 【发布】某委印发…,
    【第一篇】某小学…)."""
    text = _pattern("title_region_tag").sub("", _trailing_validity().sub("", text))
    text = _pattern("bundle_part").sub("", _pattern("headline_tag").sub("", text))
    words = text.split()
    organs = _spaced_organs(words)
    # the last organ joins the title's verb spaced from it (…某省财政厅 关于… → …某省财政厅关于…)
    if organs and "".join(words[organs:]).startswith(_ISSUER_VERBS):
        organs -= 1
    rest = trailing_doc_number().sub("", "".join(words[organs:]))
    return " ".join([*words[:organs], rest])


# what follows an organ at the head of a title it issues: 某省人民政府办公厅关于 / …印发 / …转发
_ISSUER_VERBS = ("关于", "印发", "转发")


@cache
def _issuer_opening() -> regex.Pattern:
    """The head of a title that names its issuer: 某省人民政府办公厅关于 / …印发 / …转发."""
    rules = _grammar()
    verbs = "|".join(_ISSUER_VERBS)
    return regex.compile(f"^[\\p{{Han}}（）()]{{2,40}}?{rules.issuer_suffix.pattern}(?:{verbs})")


@cache
def _issuer_line() -> regex.Pattern:
    """A line that is one organ's name: 某市人民政府办公室."""
    return regex.compile(f"^[\\p{{Han}}（）()]{{2,40}}?{_grammar().issuer_suffix.pattern}$")


def _opens_another(text: str, following: str) -> bool:
    """Whether `following` starts a title of its own rather than continuing `text`: it opens
    with an issuer and 关于, or is a whole title that opens with its place (after a headline's
    hook: 如何让孩子更安心？某市出台…, under a site's name), or with 关于 under
    a line that names no issuer, while `text` begun none (a site's section name above it:
    医院动态 / 某省妇女发展规划（2021—2030年）; 政策导航 / 关于指导推进…的五年规划（2021—2025年）),
    and `text` does not end waiting for more (…关于转发 / …印发《)."""
    squashed, before = squash_spaces(following), squash_spaces(text)
    if _pattern("news_deck").match(squashed):
        return True  # a newspaper's deck of points under its headline (■… ■…)
    rules = _grammar().title_continues
    if before.endswith(tuple(rules.waits)):
        return False
    # …人民政府关于同意设立 / 某市某区儿童福利院的批复: a title begun above goes on
    begun = any(word in before for word in rules.opens)
    whole = title_kind(squashed) is not None and (
        # a headline's hook before the place (如何让孩子更安心？某市出台…) under a site's name
        _place_first().match(_told(squashed)) is not None
        # 市卫生健康委 市财政局 / 关于…: the organs issuing the title go on into it
        or (
            squashed.startswith(tuple(rules.opens))
            and not _issuer_opening().match(before + squashed)
        )
    )
    return bool(_issuer_opening().match(squashed)) or (whole and not begun)


_YEAR_FIRST = regex.compile(r"^(?:19|20)\d{2}\s*年")


def _under_masthead(above: list[str | None], following: str) -> bool:
    """Whether `following` is a whole title opening with its year or its place (2023年度某市中医
    医院单位决算) under lines that are all a site's honours or service phones (国家三级甲等中医
    医院 / 预约挂号电话：…: `masthead_line`), which are no part of it."""
    squashed = squash_spaces(following)
    masthead = _pattern("masthead_line")
    return (
        all(line is not None and masthead.match(squash_spaces(line)) for line in above)
        and title_kind(squashed) is not None
        and (_YEAR_FIRST.match(squashed) is not None or _place_first().match(squashed) is not None)
    )


@cache
def _place_first() -> regex.Pattern:
    """A text that opens with a province or a unit of one (某省…, 某市…)."""
    return regex.compile(f"^(?:{_place_words()})")


def _place_words() -> str:
    """A province, by its name or short name, or a unit of one (某省, 陕西, 某市)."""
    rules = _grammar()
    provinces = [*rules.province_level, *rules.province_level.values()]
    return f"{grammar.alternation(provinces)}|{rules.place_unit.pattern}"


def _spread(text: str) -> bool:
    """Whether a line is typeset with a space between every two characters."""
    chars = text.strip()
    return len(chars) >= 5 and all(c.isspace() for c in chars[1::2]) and " " not in chars[::2]


def _continues_title(text: str, following: str) -> bool:
    following = squash_spaces(following)
    # a portal prints the title twice, a toolbar between (关于…的通知 / 字号： / 关于…的通知)
    repeated = following == squash_spaces(text)
    if repeated or _PERIOD_ONLY.match(following) or title_kind(text + following) is None:
        return False
    rules = _grammar().title_continues
    # a 《 not yet closed: the cited title goes on (…印发《某镇…规划（2021—2030年） / 的实施方案》)
    unclosed = text.count("《") > text.count("》")
    return (
        unclosed
        or text.startswith(tuple(rules.opens))
        or following.startswith(tuple(rules.next_opens))
        or ("报告" in following and _report_line().match(following) is not None)
        or (title_kind(text) == "plan" and _plan_line().match(following) is not None)
    )


@cache
def _report_line() -> regex.Pattern:
    """A report's type alone on a cover's line under what it reports on (评估报告)."""
    rules = _grammar()
    return rules.compile(rules.title_continues.report_line)


@cache
def _plan_line() -> regex.Pattern:
    """A plan's type alone on the line under the measure or plan it carries out (工作方案)."""
    rules = _grammar()
    return rules.compile(rules.title_continues.plan_line)


# The marks around a title cited inside another: 《》 as printed, 〈〉 inside 《》, and < > where a
# site typed them (《某省实施<某某法>办法》, a people's congress site's call for comments)
_INNER_MARKS = str.maketrans("", "", "《》〈〉<>")


def _comparable(title: str) -> str:
    return _bare(fold(title)).translate(_INNER_MARKS)


def _announces(names: set[str], title: str) -> bool:
    """Whether a notice's 《…》 names include this title: the same (place prefixes may differ),
    or nearly the same with the same document type, as notices cite plans under shorter
    titles (《某市儿童福利机构管理实施细则》 for 某市儿童福利机构规范化管理实施细则)."""
    key = _comparable(title)
    kind = title_kind(key)
    return any(
        key == name
        or name.endswith(key)
        or key.endswith(name)
        or (title_kind(name) == kind and fuzz.ratio(key, name) >= _SAME_TITLE)
        for name in names
        if len(name) >= 4
    )


def _carried(first: Title, title: Title) -> bool:
    """A plan printed with its own period line, in a file that opens with a notice, is one of
    the plans the notice carries even when the notice does not name it (印发“两个规划”)."""
    return first.kind == "notice" and title.kind == "plan" and title.period_text is not None


def names_its_issuer(title: str, earlier: str) -> bool:
    """Whether `title` is `earlier` again with its issuer and 关于 before it, as a report's first
    page prints it under the cover's title and date (某县实施…终期评估报告 / 二〇一一年七月十五日
    / 某县人民政府妇儿工委关于实施…终期评估报告): the cover's place opens the issuer's name."""
    issuer, about, rest = _comparable(title).partition("关于")
    cover = _comparable(earlier)
    if not about or len(rest) < _MIN_REST or not cover.endswith(rest):
        return False
    return issuer.startswith(cover[: len(cover) - len(rest)]) and len(issuer) > 1


def _stray_link(starts: list[Title], announced: set[str], title: Title) -> bool:
    """Whether the title before `title`, with no text of its own, is a link to another document
    between a notice and the plan it hands down (a WeChat repost's related-article card, a
    portal's 相关链接): the notice names `title` and not it."""
    return (
        len(starts) >= 2
        and starts[0].kind == "notice"
        and _announces(announced, title.text)
        and not _announces(announced, starts[-1].text)
    )


@dataclass(frozen=True)
class _Marks:
    """The metadata.yaml patterns that tell where a document opens and what it attaches."""

    doc_number: regex.Pattern
    signers: regex.Pattern
    recipients_end: regex.Pattern
    recipient_heads: tuple[str, ...]
    attachments: regex.Pattern
    attachment_item: regex.Pattern
    annex_mark: regex.Pattern


@cache
def _marks() -> _Marks:
    rules = _grammar()
    return _Marks(
        doc_number=rules.compile(rules.doc_number),
        signers=rules.compile(rules.signers),
        recipients_end=rules.compile(rules.recipients_end),
        recipient_heads=tuple(rules.recipient_heads),
        attachments=rules.compile(rules.attachments),
        attachment_item=rules.compile(rules.attachment_item),
        annex_mark=rules.compile(rules.annex_mark),
    )


def _heads_document(blocks: list[Block], start: int) -> bool:
    """Whether the lines after a title are a document's own head: its 文号 (or 签发人) line, a
    proclamation's or an order's serial number (第248号), or its 主送机关 line, before any text
    and past any portal fields (发布时间：…)."""
    marks = _marks()
    for block in blocks[start : start + _HEAD_LINES]:
        if not isinstance(block, Paragraph):
            return False
        text = squash_spaces(block.text)
        if portal.pairs(block.text.strip()) or leading_date(text):
            continue
        found = marks.doc_number.search(text)
        if found and len(text) <= len(squash_spaces(found["number"])) + 2:
            return True
        if marks.signers.search(text) or _pattern("serial_number").match(text):
            return True
        return _addresses(text)
    return False


def _addresses(text: str) -> bool:
    """Whether a line (spaces squashed) is a 主送机关 line: organs ending in a colon."""
    marks = _marks()
    return (
        marks.recipients_end.search(text) is not None
        and not _PROSE.search(text)
        and not numbered(text)
        and any(head in text for head in marks.recipient_heads)
    )


def _untitled_notice(blocks: list[Block], first: Title) -> int | None:
    """Where a notice whose title the page lost opens, above the first title: its 主送机关
    line, followed by text and a closing (signature date, （此件公开发布）) before that title.
    Portal pages that print the title in a page header the copy did not keep, and mirrors that
    open with the 文号, show a notice so (某区政府各部门： / 现将《…》转发给你们… /
    某区人民政府办公室 / 2023年4月23日 / 某区…实施方案)."""
    if first.kind == "notice":
        return None
    above = blocks[: first.first]
    for n, block in enumerate(above):
        if isinstance(block, Paragraph) and _addresses(squash_spaces(block.text)):
            rest = above[n + 1 :]
            prose = any(isinstance(b, Paragraph) and _PROSE.search(b.text) for b in rest)
            return n if prose and any(_closes(b) for b in rest) else None
    return None


def _list_in_story(blocks: list[Block], title: Title) -> bool:
    """Whether a list's title (名单, 一览表: kind annex) is part of the news story above it, not a
    document of its own: a story of some length runs above it, not under an 附件 mark, and what
    runs above is no letter (no 主送机关 line). News of a list (…儿童友好社区名单出炉) prints the
    list under its own title line inside the story; taken for a document's start, it would cut
    the story off as the page's header."""
    if title.kind != "annex" or _under_annex_mark(blocks, title.first):
        return False
    above = [b for b in blocks[: title.first] if isinstance(b, Paragraph)]
    return any(len(b.text) >= _STORY_CHARS and _PROSE.search(b.text) for b in above) and not any(
        _addresses(squash_spaces(b.text)) for b in above
    )


def _untitled_forwarding(blocks: list[Block]) -> int | None:
    """Where a letter forwarding a document opens when the page lost its title and no document
    follows it: its 主送机关 line among the first lines, then a sentence forwarding the document
    (现将《…》转发给你们) and a closing. A 便函 so is a notice handing that document down."""
    for n, block in enumerate(blocks[:_HEAD_LINES]):
        if isinstance(block, Paragraph) and _addresses(squash_spaces(block.text)):
            rest = blocks[n + 1 :]
            forwards = any(
                isinstance(b, Paragraph) and _pattern("forwarding").search(squash_spaces(b.text))
                for b in rest[:_HEAD_LINES]
            )
            return n if forwards and any(_closes(b) for b in rest) else None
    return None


def _letter_under_its_document(title: Title, body: list[Block], following: Title) -> bool:
    """Whether a title of a document that is no notice heads only a letter handing that same
    document down, its title again under the letter: a portal's page headed by the plan's name
    (某市“十四五”某某规划 / 来源:… 发布时间:… / 各县、区人民政府，…： / 现将《某市“十四五”某某
    规划》印发给你们，… / 某市人民政府 / date / 某市“十四五”某某规划 / its text)."""
    if title.kind == "notice" or _comparable(title.text) != _comparable(following.text):
        return False
    lines = [squash_spaces(b.text) for b in body if isinstance(b, Paragraph)]
    named = {
        _comparable(name)
        for line in lines
        if _pattern("forwarding").search(line)
        for name in ANNOUNCED.findall(line)
    }
    return (
        _comparable(title.text) in named
        and any(_addresses(line) for line in lines)
        and not _has_headings(body)
    )


def _untitled_plan(blocks: list[Block]) -> int | None:
    """Where a plan opens when the page lost its title: a preamble among the first lines that
    names the document as this one (…，制定本实施方案。: `self_naming`), a numbered heading of
    its text under it."""
    for n, block in enumerate(blocks[:_HEAD_LINES]):
        if not isinstance(block, Paragraph) or numbered(block.text):
            continue
        if _pattern("self_naming").search(squash_spaces(block.text)):
            return n if _has_headings(blocks[n + 1 : n + 1 + _HEAD_LINES]) else None
    return None


def _announced_in_full(blocks: list[Block], i: int) -> list[str]:
    """The documents a story's lead at block i announces in full (…印发《某省…行动计划》，明确
    …。全文如下： · 详情如下:), as comparable names: those it names in 《》, or, a bare 全文如下：
    on its line, those the paragraph above it names. A story reposting a document in full is
    followed by that document's own title line, which starts a document of its own."""
    block = blocks[i]
    assert isinstance(block, Paragraph)
    if not _pattern("full_text_announced").search(squash_spaces(block.text)):
        return []
    names = ANNOUNCED.findall(block.text)
    above = blocks[i - 1] if i else None
    if not names and isinstance(above, Paragraph):
        names = ANNOUNCED.findall(above.text)
    return [_comparable(name) for name in names]


def _announcing_lead(blocks: list[Block], title: str) -> Paragraph | None:
    """The paragraph of a story's lead that announces the full text of the document titled
    `title` after it (…印发《…》。全文如下：), or None: the story carries that document, as a
    notice its plan."""
    for i, block in enumerate(blocks):
        if isinstance(block, Paragraph) and _announces(set(_announced_in_full(blocks, i)), title):
            return block
    return None


def _part_mark(block: Block) -> bool:
    """Whether a block is a bundle's part mark alone on its line (【第二篇】, 篇二：)."""
    if not isinstance(block, Paragraph):
        return False
    text = squash_spaces(block.text)
    found = _pattern("bundle_part").match(text)
    return found is not None and found.end() == len(text)


def _opens_part(blocks: list[Block], title: Title) -> bool:
    """Whether a title opens one essay of a template site's bundle: its line opens with the
    essay's mark (【第一篇】某小学…实施方案, 篇一：…) or the mark stands alone above it."""
    first = blocks[title.first]
    part = _pattern("bundle_part")
    opens = isinstance(first, Paragraph) and part.match(squash_spaces(first.text))
    return bool(opens) or (title.first > 0 and _part_mark(blocks[title.first - 1]))


def _annex_mark(text: str) -> bool:
    """附件 / 附件1 / 附件： (an 附件说明 with nothing after its colon) on a line of its own."""
    marks = _marks()
    squashed = squash_spaces(text)
    listed = marks.attachments.match(squashed)
    return bool(marks.annex_mark.match(squashed)) or bool(listed and not listed["first"])


def _under_annex_mark(blocks: list[Block], first: int) -> bool:
    before = blocks[first - 1] if first > 0 else None
    return isinstance(before, Paragraph) and _annex_mark(before.text)


def _listed_attachments(blocks: list[Block], i: int) -> list[str]:
    """The titles an 附件说明 at block i lists (附件：1.某方案 / 2.某表), as comparable names."""
    marks = _marks()
    block = blocks[i]
    listed = marks.attachments.match(block.text.strip()) if isinstance(block, Paragraph) else None
    if not listed:
        return []
    item = marks.attachment_item
    names = [listed["first"]]
    for following in blocks[i + 1 : i + 1 + _MAX_ATTACHMENTS]:
        if not (isinstance(following, Paragraph) and item.match(following.text.strip())):
            break
        names.append(following.text)
    return [
        _comparable(_ITEM_NUMBER.sub("", squash_spaces(name)))
        for name in names
        if squash_spaces(name)
    ]


def _only_tables(body: list[Block]) -> bool:
    """A body that holds a table and no numbered headings (a list or a form, not a plan)."""
    return any(isinstance(b, TableBlock) for b in body) and not _has_headings(body)


def _has_headings(body: list[Block]) -> bool:
    return any(isinstance(b, Paragraph) and numbered(b.text) for b in body)


def _closes(block: Block) -> bool:
    if not isinstance(block, Paragraph):
        return False
    text = squash_spaces(block.text)
    return iso_date(text) is not None or any(mark.match(text) for mark in _closing_marks())


def _salutation_apart(block: Block) -> list[Block]:
    """A paragraph holding a title and, after a space, the 主送机关 (…活动的通知 各乡镇妇联、县直
    妇委会：) as the two paragraphs the copy ran together; any other block as it is."""
    if not isinstance(block, Paragraph) or not _marks().recipients_end.search(block.text.rstrip()):
        return [block]
    text = block.text.strip()
    # from the last space back: a title may hold spaces of its own (关于印发 某某要点 的通知)
    for gap in reversed(list(_GAP.finditer(text))):
        title, to = text[: gap.start()], text[gap.end() :]
        squashed = squash_spaces(title)
        if len(squashed) > MAX_TITLE or _no_title_text(title, squashed) or not title_kind(squashed):
            continue
        if _addresses(simplified(squash_spaces(to))):
            return [replace(block, text=title), replace(block, text=to)]
    return [block]


def segment(blocks: list[Block]) -> list[Segment]:
    """The documents of a file, in order. A file with no recognisable title is one document."""
    blocks = [part for block in blocks for part in _salutation_apart(block)]
    starts: list[Title] = []
    announced: set[str] = set()
    closed = False
    has_body = False
    i = 0
    while i < len(blocks):
        block = blocks[i]
        title = _title_at(blocks, i) if isinstance(block, Paragraph) else None
        if title:
            head = _heads_document(blocks, title.last + 1)
            part = _opens_part(blocks, title)
            if not starts:
                if head or not _list_in_story(blocks, title):
                    starts.append(title)
                else:
                    title = None
            elif not has_body and (
                head
                or part
                or _comparable(title.text) == _comparable(starts[-1].text)
                or names_its_issuer(title.text, starts[-1].text)
                or _stray_link(starts, announced, title)
                or _kicker(blocks, starts[-1], title)
            ):
                starts[-1] = title
            elif (
                closed
                or head
                or part
                or _under_annex_mark(blocks, title.first)
                or _announces(announced, title.text)
                or _carried(starts[0], title)
            ):
                starts.append(title)
            else:
                title = None
            if title:
                closed = has_body = False
                if title.kind == "notice":
                    announced.update(_comparable(name) for name in ANNOUNCED.findall(title.text))
                i = title.last + 1
                continue
        if starts:
            # Portal fields and other short lines between two copies of a title are no body.
            has_body = (
                has_body or not isinstance(block, Paragraph) or bool(_PROSE.search(block.text))
            )
            if isinstance(block, Paragraph):
                if starts[-1].kind == "notice":
                    announced.update(_comparable(name) for name in ANNOUNCED.findall(block.text))
                else:
                    announced.update(_announced_in_full(blocks, i))
                announced.update(_listed_attachments(blocks, i))
                closed = closed or _closes(block)
        i += 1
    if not starts:
        opens = _untitled_forwarding(blocks)
        if opens is not None:
            return [Segment(None, "notice", list(blocks[:opens]), [], list(blocks[opens:]))]
        field = _title_field(blocks)
        if field is not None:
            line = blocks[field.first]
            assert isinstance(line, Paragraph)
            header, body = list(blocks[: field.first]), list(blocks[field.first + 1 :])
            return [Segment(field.text, field.kind, header, [line], body)]
        opens = _untitled_plan(blocks)
        if opens is not None:
            return [Segment(None, "plan", list(blocks[:opens]), [], list(blocks[opens:]))]
        return [Segment(None, "other", [], [], list(blocks))]
    segments = []
    header_from = 0
    opens = _untitled_notice(blocks, starts[0])
    if opens is not None:
        body = blocks[opens : starts[0].first]
        segments.append(Segment(None, "notice", list(blocks[:opens]), [], list(body)))
        header_from = starts[0].first
    for n, title in enumerate(starts):
        body_end = starts[n + 1].first if n + 1 < len(starts) else len(blocks)
        if n + 1 < len(starts) and _part_mark(blocks[body_end - 1]):
            body_end -= 1  # the next essay's mark above its title is the next essay's head
        title_blocks = [b for b in blocks[title.first : title.last + 1] if isinstance(b, Paragraph)]
        if title.period_text:
            title_blocks = title_blocks[:-1]
        body = blocks[title.last + 1 : body_end]
        kind = title.kind
        following = starts[n + 1] if n + 1 < len(starts) else None
        if following is not None and _letter_under_its_document(title, body, following):
            # the page's headline names the document the letter under it hands down: the letter
            # is the notice, its own title lost, the headline the page's
            segments.append(
                Segment(None, "notice", list(blocks[header_from : title.last + 1]), [], list(body))
            )
            header_from = body_end
            continue
        if kind == "plan" and _under_annex_mark(blocks, title.first) and _only_tables(body):
            kind = "annex"
        hooked = _hooked(title.text) or _hooked_as_written(
            blocks[header_from : title.last + 1], title
        )
        if kind != "other" and hooked and not _has_headings(body):
            # a news story telling of the document its headline names, not a copy of its text
            # (a digest's copy keeps the document's headings under such a headline)
            kind = "other"
        story = segments[-1] if segments and segments[-1].kind == "other" else None
        segments.append(
            Segment(
                title=title.text,
                kind=kind,
                header=list(blocks[header_from : title.first]),
                title_blocks=title_blocks,
                body=list(body),
                period_text=title.period_text,
                # a story too short to stand apart (a headline and the lead's one line, over the
                # document's title: a news app's repost) is the document's header
                announced_by=_announcing_lead(
                    story.body if story else blocks[header_from : title.first], title.text
                ),
            )
        )
        header_from = body_end
    return segments


def title_provenance(segment_: Segment):
    blocks = segment_.title_blocks
    return span(blocks[0].prov, blocks[-1].prov) if blocks else None
