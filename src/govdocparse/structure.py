"""Builds a document's section tree from its body blocks, and places tables and paragraphs in it.

Numbering styles come from grammars/headings.yaml. Their levels are decided by nesting order, per
document: a style seen inside another is one level deeper; a style already open closes everything
below it and continues its list. Two repairs keep real documents straight:
- a heading whose ordinal continues an open list of the same bracket family joins that list even
  when its numerals differ: （7） after （六） is the seventh （一）-style heading, not a child;
- `6.5岁以下儿童贫血率…` is item 6 when the open 1.-list expects 6, and not a heading otherwise;
- a decimal outline number (1.2 编制依据, 4.1.2 …) is a heading only inside the heading its
  number names (1. or 一、 for 1.2, 4.1 for 4.1.2), a level below it;
- a text that begins in the middle of a list (a continued page) takes the order GB/T 9704 sets
  (一、 > （一） > 1. > （1）) for the lists it began in: a heading of a higher style closes
  them, and the headings before the first one of the page's top style are text, not sections.
A part's or chapter's number alone on its line takes its name from the short line under it
(第一部分 / 部门概况). An item's subject before a colon, a term in quotation marks one word of it
(二、“三公”经费：指…), is its title when a clause follows the colon.
An unnumbered sub-head (主要目标, 策略措施) opens its section whether it stands alone on its line
or is followed by a colon and the section's text. Tables are attached to the innermost open
section; a 专栏/附件 caption line right before a table (or right after a one-column list box)
becomes the table's label instead of body text. A table that opens with the header of the table
right before it (a page break cut it, maybe under a 续表 caption) is the rest of that table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import regex

from . import headings
from .captions import parse_caption, starts_caption
from .grammar import alternation
from .model import Preamble, Provenance, Section
from .source import Block, Cell, Paragraph, TableBlock, span
from .textutil import squash_spaces

_NUMBER_COLONS = ("：", ":")
# A form field's name and its value on one line (建设地点：某某路1号): words in the name at most,
# its length in characters checked against `title.field_subject_max` where it is read
_FIELD_WORDS_MAX = 20
# A numbered item's subject before its colon (1.工作目标：到2025年，…): words in it at most
_SUBJECT_WORDS_MAX = 8
# An unnumbered sub-head and the text of its section on one line: 主要目标：婴儿死亡率控制在…
_INLINE_KEYWORD = regex.compile(r"^(?P<word>[\p{Han}\s]{2,8}?)\s*[：:]\s*(?P<rest>\S.*)$")
# A line ending in one of these ends its sentence (or its clause list); any other end is a wrap.
_SENTENCE_END = frozenset("。！？!?；;：:…”’」』）)】》")
# a line holding one of these is a sentence, never a heading's title
_SENTENCE_MARKS = frozenset("。！？!?；;")
# what sets the text after a subject's colon apart as a sentence rather than a title's second half
_CLAUSE_MARKS = frozenset("，,。")
# a heading of a document a sharing site flattened into one line, its title set apart from its
# text by a space alone (三、 工作规划及目标 根据省市安排,结合…): the title is the words before the
# space when a clause follows it
_SPACED_TITLE = regex.compile(
    r"^(?P<title>\p{Han}{2,15})[ \u3000]+(?P<rest>\p{Han}[^\s。；;]{1,40}?[，,].*)$"
)
# what ends a title right after a section name (（一）指导思想。…, 一、指导思想和… runs on)
_TITLE_ENDS = frozenset("。：:，,；;、和与及")


@dataclass
class Heading:
    style: str
    family: str
    number: str
    ordinal: int | None
    rest: str
    rank: int | None = None
    title_rule: str = "leading"


@dataclass
class _Node:
    style: str
    family: str
    level: int
    number: str
    ordinal: int | None
    title: str
    prov: Provenance
    texts: list[str] = field(default_factory=list)
    children: list[_Node] = field(default_factory=list)
    last_line: int | None = None
    id: str = ""
    rank: int | None = None
    title_rule: str = "leading"
    # a bullet, or a 项 of an article: the next paragraph belongs to the section above again
    single_paragraph: bool = False
    parent: _Node | None = None


@dataclass
class PlacedParagraph:
    """A paragraph's text as the extractors see it, with the section it belongs to."""

    text: str
    prov: Provenance
    section_id: str | None
    context: str


@dataclass
class PlacedTable:
    block: TableBlock
    section_id: str | None
    label: str | None = None
    number: str | None = None
    title: str | None = None


@dataclass
class Structure:
    sections: list[Section]
    preamble: Preamble | None
    paragraphs: list[PlacedParagraph]
    tables: list[PlacedTable]


class _Builder:
    def __init__(self, doc_id: str):
        self.doc_id = doc_id
        rules = headings.rules()
        self.top_words = frozenset(rules.keywords.top)
        self.sub_words = frozenset(rules.keywords.sub)
        self.chapter_words = frozenset(rules.keywords.chapter)
        self.chapter_rank = rules.styles["chapter"].rank
        self.title_rules = rules.title
        self.trailing = regex.compile(rules.title.trailing)
        self.bracketed = regex.compile(rules.title.bracketed)
        # longest first, so that 主要目标 is never read as a shorter name it starts with
        self.glued_name = regex.compile(
            alternation([*rules.title.glued_names, *rules.keywords.sub])
        )
        self.single_paragraph = {style.key for style in headings.styles() if style.single_paragraph}
        self.outline_styles = {style.key for style in headings.styles() if style.outline}
        self.standard_rank = {key: n for n, key in enumerate(rules.standard_order)}
        # True when the text begins in the middle of a list (a continued page): its first
        # numbered heading is not the first of its list
        self.mid_list: bool | None = None
        self.roots: list[_Node] = []
        self.stack: list[_Node] = []
        self.preamble: list[Paragraph] = []
        self.placed: list[tuple[str, Provenance, _Node | None]] = []
        self.tables: list[tuple[PlacedTable, _Node | None]] = []

    # -- recognising headings -------------------------------------------------------------
    def match(self, text: str) -> Heading | None:
        found = headings.numbered(text)
        if found and found.style.outline and not self._outline_fits(found):
            found = None  # 1.1 outside any heading 1, a number read as a value
        if found:
            if found.decimal_like and not self._expected(found.style.key, found.ordinal):
                return None  # 1.5万元… is a number, not item 1
            style = found.style
            return Heading(
                style.key,
                style.family,
                found.number,
                found.ordinal,
                found.rest,
                style.rank,
                style.title,
            )
        squashed = self.trailing.sub("", squash_spaces(text))
        if squashed in self.top_words:
            return Heading("kw_top", "kw_top", "", None, squashed)
        if squashed in self.sub_words:
            return Heading("kw_sub", "kw_sub", "", None, squashed)
        if squashed in self.chapter_words:
            return Heading("kw_chapter", "chapter", "", None, squashed, self.chapter_rank, "line")
        return None

    def inline_keyword(self, text: str) -> tuple[str, str] | None:
        """(keyword, text) of a line that opens with an unnumbered sub-head and a colon, the
        section's text following on the same line (主要目标：…, 策略措施：…), else None."""
        found = _INLINE_KEYWORD.match(text.strip())
        if not found or squash_spaces(found["word"]) not in self.sub_words:
            return None
        return squash_spaces(found["word"]), found["rest"].strip()

    def _outline_fits(self, found: headings.Numbered) -> bool:
        """Whether a decimal outline number stands where its heading can: a bare 1 总则 when
        its ordinal is the one expected, 1.2 or 4.1.2 inside the open heading its number names
        (1 or 一、 for 1.2, 4.1 for 4.1.2). Any other is a value at a line's start."""
        parent = headings.outline_parent(found.number)[0]
        if not parent:
            return self._expected(found.style.key, found.ordinal)
        for node in self.stack:
            if node.style in self.outline_styles:
                own = headings.outline_parent(node.number)
                written = f"{own[0]}.{own[1]}" if own[0] else own[1]
            else:
                written = str(node.ordinal)
            if written == parent:
                return True
        return False

    def expects(self, style: str, ordinal: int | None) -> bool:
        """Whether a heading of `style` and `ordinal` is the next one its open list expects
        (the first of a list not yet open)."""
        return self._expected(style, ordinal)

    def _expected(self, style: str, ordinal: int | None) -> bool:
        open_levels = [node for node in self.stack if node.style == style]
        if open_levels:
            return open_levels[-1].ordinal is not None and ordinal == open_levels[-1].ordinal + 1
        return ordinal == 1

    def continues(self, text: str, following: str) -> bool:
        """Whether `following` is the rest of the sentence `text` ends in, wrapped onto a line
        that starts with a number: 分别降至 / 3.0‰、4.0‰和6.0‰以下, 婴儿死亡率和 / 5岁以下….

        The line before must end mid-sentence; then a number that reads as a value continues it,
        and so does any other number when the line before ends in a word that needs one
        (grammar `title.wrap_after`) and the number does not fit the open lists."""
        if not text or text[-1] in _SENTENCE_END:
            return False
        found = headings.numbered(following)
        if found is not None and found.decimal_like:
            return True
        if text[-1] not in self.title_rules.wrap_after:
            return False
        if found is None:
            return following[:1].isdigit()
        own = headings.numbered(text)
        if (
            own is not None
            and own.ordinal is not None
            and own.style.key == found.style.key
            and found.ordinal == own.ordinal + 1
        ):
            # 2.鼓励社会参与 / 3.加强宣传引导, 4.3 政府主导，社会参与 / 4.4 …: a heading whose
            # title ends in such a word, over the next number of its own list, is its sibling
            return False
        if self._expected(found.style.key, found.ordinal):
            return False
        return not any(
            node.family == found.style.family
            and node.ordinal is not None
            and found.ordinal == node.ordinal + 1
            for node in self.stack
        )

    # -- placing headings -----------------------------------------------------------------
    def open(self, heading: Heading, prov: Provenance) -> _Node:
        if self.mid_list is None and heading.ordinal is not None:
            self.mid_list = heading.ordinal > 1 and heading.style in self.standard_rank
        if heading.style != "dash":
            # a dash bullet is one paragraph, never a heading's parent: ——到2025年，… items under
            # an unnumbered 目标要求 line, 一、主要任务 after them, stay above the outline
            while self.stack and self.stack[-1].style == "dash":
                self.stack.pop()
        parent_depth = self._parent_depth(heading)
        del self.stack[parent_depth:]
        parent = self.stack[-1] if self.stack else None
        title, body = self._split_title(heading, parent)
        siblings = parent.children if parent else self.roots
        ordinal = heading.ordinal
        if heading.style == "dash":
            ordinal = sum(1 for s in siblings if s.style == "dash") + 1
        node = _Node(
            heading.style,
            heading.family,
            parent_depth + 1,
            heading.number,
            ordinal,
            title,
            prov,
            rank=heading.rank,
            title_rule=heading.title_rule,
            single_paragraph=heading.style in self.single_paragraph
            or bool(parent and parent.title_rule == "bracketed" and heading.rank is None),
            parent=parent,
        )
        siblings.append(node)
        self.stack.append(node)
        if body:
            node.texts.append(body)
        self.placed.append((heading.rest, prov, node))
        return node

    def _parent_depth(self, heading: Heading) -> int:
        """How many open sections stay open above the new heading."""
        if heading.style == "kw_top":
            return 0
        if self.stack and self.stack[0].style == "kw_top" and heading.style != "kw_sub":
            return 0
        if heading.rank is not None:
            # 编 > 章 > 节 > 条: a ranked heading sits under the innermost open heading of a
            # higher rank, whatever was opened in between.
            for depth in range(len(self.stack) - 1, -1, -1):
                rank = self.stack[depth].rank
                if rank is not None and rank < heading.rank:
                    return depth + 1
            ranked = [d for d, node in enumerate(self.stack) if node.rank is not None]
            return ranked[0] if ranked else len(self.stack)
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth].style == heading.style:
                return depth
        if heading.ordinal and heading.ordinal > 1:
            for depth in range(len(self.stack) - 1, -1, -1):
                node = self.stack[depth]
                if node.family == heading.family and node.ordinal == heading.ordinal - 1:
                    return depth
        if self.mid_list and heading.style in self.standard_rank:
            # a continued page: the lists it began in rank below a heading of a higher style
            rank = self.standard_rank[heading.style]
            for depth, node in enumerate(self.stack):
                if self.standard_rank.get(node.style, -1) > rank:
                    return depth
        return len(self.stack)

    def _split_title(self, heading: Heading, parent: _Node | None) -> tuple[str, str]:
        """The heading's title and the body text that follows it on its line."""
        rest = heading.rest
        if not heading.number:
            return rest, ""
        if rest[:1] in _NUMBER_COLONS:
            # a colon some plans and previews set between the number and the title (第一部分：
            # 发展基础, 第二章:职责, 第三条：本办法…): a separator, no part of the title or text
            rest = rest[1:].lstrip()
        if heading.title_rule == "line":
            return _unspread(self.trailing.sub("", rest)), ""
        if heading.title_rule == "bracketed" or (parent and parent.title_rule == "bracketed"):
            # an article, or a 项 (（一）…) inside one: a title only when the text gives one
            short = self.bracketed.match(rest)
            if short and heading.title_rule == "bracketed":
                return short["title"], rest[short.end() :].strip()
            return "", rest
        field = _subject_led(_FIELD_WORDS_MAX).match(rest)
        if field and self._field_subject(field["word"].strip()):
            # an item led by a form field's name: its value is text (二、建设地点：某某路1号。)
            return field["word"].strip(), field["rest"]
        stop = rest.find("。")
        opening = self.glued_name.match(rest)
        name = opening[0] if opening else None
        glued = name is not None and rest[len(name) : len(name) + 1] not in _TITLE_ENDS
        if glued and name and self._glued_text(rest[len(name) : stop if stop > 0 else None], stop):
            # a glued body's heading: its section name runs straight into its text, a clause
            # after it no title holds (三、主要目标到2025年，全区…), or a sentence that is no
            # word or two finishing the title (二、基本原则儿童优先、普惠共享。坚持…)
            return name, rest[len(name) :].lstrip()
        own_line = (
            stop in (-1, len(rest) - 1)
            and "；" not in rest
            and len(rest) <= self.title_rules.max_own_line
        )
        if own_line:
            # a short item led by its subject and a colon, a sentence after it (1.工作目标：到
            # 2025年，…): the subject is the title, as for a long one; a title that only holds a
            # colon and a phrase (第一阶段：动员部署) keeps its whole line
            led = _subject_led(_SUBJECT_WORDS_MAX).match(rest)
            if led and _CLAUSE_MARKS.intersection(led["rest"]):
                return led["word"].strip(), led["rest"]
            return _unspread(self.trailing.sub("", rest)), ""
        if 0 < stop <= self.title_rules.max_inline:
            # a subject and a colon opening the first sentence, a clause after the colon
            # ((一)工作目标：到2025年，…。…): the subject is the title, as on a short line
            led = _subject_led(_SUBJECT_WORDS_MAX).match(rest[:stop])
            if led and _CLAUSE_MARKS.intersection(led["rest"]):
                return led["word"].strip(), rest[led.start("rest") :]
            return rest[:stop], rest[stop + 1 :].strip()
        if " " in rest[:16] or "\u3000" in rest[:16]:
            spaced = _SPACED_TITLE.match(rest)
            if spaced:
                return spaced["title"], spaced["rest"]
        # a notice's item led by its subject and a colon, its text too long for a title of its own
        # (二、投保人及金额：…，保费为每人每年…。): the subject is the title
        if "：" in rest or ":" in rest:
            led = _subject_led(_SUBJECT_WORDS_MAX).match(rest)
            if led:
                return led["word"].strip(), led["rest"]
        if glued and name:  # the same with no 。 near enough to end a title
            return name, rest[len(name) :].lstrip()
        return "", rest

    def _field_subject(self, subject: str) -> bool:
        """Whether a subject before a colon names a form's field (建设地点, 资金来源, 活动时间)."""
        rules = self.title_rules
        return len(subject) <= rules.field_subject_max and subject.endswith(
            tuple(rules.field_subject_ends)
        )

    def _glued_text(self, after_name: str, stop: int) -> bool:
        """Whether what follows a section name up to the first 。 (at `stop`, -1 for none) is
        the section's text glued to it: a clause (a comma in it), or, before a 。, a list in 、
        or more than a title adds to such a name (`title.glued_rest_max`: 主要目标任务 is a
        title, 指导思想坚持以…为中心的发展思想 none). A line without a 。 is a title on its own
        line but for a clause (二、主要目标任务和工作重点 is whole)."""
        if "，" in after_name:
            return True
        return stop > 0 and (
            "、" in after_name or len(after_name) > self.title_rules.glued_rest_max
        )

    # -- body ----------------------------------------------------------------------------
    def add_paragraph(self, paragraph: Paragraph) -> None:
        while self.stack and self.stack[-1].single_paragraph:
            self.stack.pop()
        node = self.stack[-1] if self.stack else None
        if node is None:
            self.preamble.append(paragraph)
        else:
            node.texts.append(paragraph.text)
            node.last_line = _last_line(paragraph.prov, node.prov) or node.last_line
        self.placed.append((paragraph.text, paragraph.prov, node))

    def add_table(self, placed: PlacedTable) -> None:
        while self.stack and self.stack[-1].single_paragraph:
            self.stack.pop()
        node = self.stack[-1] if self.stack else None
        if node is not None:
            node.last_line = _last_line(placed.block.prov, node.prov) or node.last_line
        self.tables.append((placed, node))

    def close_all(self) -> None:
        self.stack.clear()

    # -- output ---------------------------------------------------------------------------
    def build(self) -> Structure:
        if self.mid_list:
            self._drop_continued_tail()
        self._assign_ids(self.roots, f"{self.doc_id}-s")
        sections = [self._to_model(node) for node in self.roots]
        paragraphs = [
            PlacedParagraph(text, prov, node.id if node else None, self._context(node))
            for text, prov, node in self.placed
        ]
        tables = []
        for placed, node in self.tables:
            placed.section_id = node.id if node else None
            tables.append(placed)
        preamble = None
        if self.preamble:
            page = self.preamble[0].prov.page
            lines = [p.prov.lines for p in self.preamble if p.prov.lines and p.prov.page == page]
            span_lines = (lines[0][0], lines[-1][1]) if lines else None
            preamble = Preamble(text="\n".join(p.text for p in self.preamble), lines=span_lines)
        return Structure(sections, preamble, paragraphs, tables)

    def _drop_continued_tail(self) -> None:
        """On a continued page, the headings before the first one of the page's top style close
        a section the page before began: their lines are text before the sections."""
        ranks = [self.standard_rank.get(node.style) for node in self.roots]
        top = min((rank for rank in ranks if rank is not None), default=None)
        first = next((n for n, rank in enumerate(ranks) if rank == top), 0)
        tail = self.roots[:first]
        if not tail:
            return
        dropped = {id(node) for root in tail for node in _walk(root)}
        self.roots = self.roots[first:]
        placed = []
        for text, prov, node in self.placed:
            if node is not None and id(node) in dropped:
                self.preamble.append(Paragraph(text, prov))
                node = None
            placed.append((text, prov, node))
        self.placed = placed
        self.tables = [
            (table, None if node is not None and id(node) in dropped else node)
            for table, node in self.tables
        ]

    def _assign_ids(self, nodes: list[_Node], prefix: str) -> None:
        for position, node in enumerate(nodes, start=1):
            node.id = f"{prefix}{position}"
            self._assign_ids(node.children, f"{node.id}.")

    @staticmethod
    def _context(node: _Node | None) -> str:
        """The titles from the root down to `node`: 二、发展领域… > (一)儿童与健康 > 主要目标."""
        path: list[str] = []
        while node is not None:
            path.append(node.title)
            node = node.parent
        return " > ".join(reversed(path))

    def _to_model(self, node: _Node) -> Section:
        children = [self._to_model(child) for child in node.children]
        first = node.prov.lines[0] if node.prov.lines else None
        last_candidates = [
            x
            for x in [_last_line(node.prov, node.prov), node.last_line]
            + [
                c.lines[1]
                for c in children
                if c.lines and c.provenance and c.provenance.page == node.prov.page
            ]
            if x
        ]
        lines = (first, max(last_candidates)) if first and last_candidates else None
        return Section(
            id=node.id,
            level=node.level,
            number=node.number,
            ordinal=node.ordinal,
            title=node.title,
            text="\n".join(node.texts),
            lines=lines,
            provenance=node.prov,
            children=children,
        )


def _walk(node: _Node) -> list[_Node]:
    return [node, *(n for child in node.children for n in _walk(child))]


def _last_line(prov: Provenance, heading: Provenance) -> int | None:
    """The last line of a block of a section with this heading, if it is on the heading's page:
    line numbers start again on each page of a PDF."""
    return prov.lines[1] if prov.lines and prov.page == heading.page else None


def build_structure(body: list[Block], doc_id: str) -> Structure:
    """The section tree, preamble, placed paragraphs and placed tables of one document's body."""
    builder = _Builder(doc_id)
    i = 0
    while i < len(body):
        block = body[i]
        if isinstance(block, TableBlock):
            if not _continue_table(builder, body, i):
                builder.add_table(PlacedTable(block, None))
            i += 1
            continue
        caption = parse_caption(block.text)
        if (
            caption
            and caption.label.startswith("续表")
            and _continue_table(builder, body, i + 1, 1)
        ):
            i += 2
            continue
        if caption:
            consumed = _attach_caption(builder, body, i, caption)
            if consumed:
                i += consumed
                continue
        block, i = _join_lone_number(builder, body, block, i)
        block, i = _join_torn_title(builder, body, block, i)
        block, i = _join_wraps(builder, body, block, i)
        heading = builder.match(block.text)
        inline = None if heading else builder.inline_keyword(block.text)
        if heading:
            builder.open(heading, block.prov)
        elif inline:
            # 主要目标：婴儿死亡率控制在8‰以下…: the sub-head and its text on one line
            builder.open(Heading("kw_sub", "kw_sub", "", None, inline[0]), block.prov)
            builder.add_paragraph(Paragraph(inline[1], block.prov, block.style))
        else:
            builder.add_paragraph(block)
        i += 1
    return builder.build()


def _join_lone_number(
    builder: _Builder, body: list[Block], block: Paragraph, i: int
) -> tuple[Paragraph, int]:
    """A first-level number alone on its line and its short title on the next (一 / 总体要求, a
    WeChat article's number box) joined as the heading 一、总体要求 when the open list expects
    that number; any other `block` as it is."""
    numeral = headings.lone_number(block.text)
    if numeral is None or i + 1 >= len(body):
        return block, i
    following = body[i + 1]
    if not isinstance(following, Paragraph):
        return block, i
    title = following.text.strip()
    heading = builder.match(f"{numeral}、{title}")
    if (
        heading is None
        or not builder.expects(heading.style, heading.ordinal)
        or len(title) > builder.title_rules.max_own_line
        or any(mark in title for mark in _SENTENCE_MARKS)
        or headings.numbered(title) is not None
    ):
        return block, i
    joined = f"{numeral}、{title}"
    return Paragraph(joined, span(block.prov, following.prov), block.style), i + 1


def _join_torn_title(
    builder: _Builder, body: list[Block], block: Paragraph, i: int
) -> tuple[Paragraph, int]:
    """A part's or a chapter's number alone on its line and its name on the next (第一部分 /
    部门概况, 第二章 / 总体要求, as a 部门决算 or a PDF's text prints them) joined as the one
    heading 第一部分 部门概况; any other `block` as it is. Only a style whose title is its whole
    line, and only a short next line that is no sentence, heading or caption."""
    found = headings.numbered(block.text)
    if (
        found is None
        or found.style.title != "line"
        or builder.trailing.sub("", found.rest)
        or i + 1 >= len(body)
    ):
        return block, i
    following = body[i + 1]
    if not isinstance(following, Paragraph):
        return block, i
    title = following.text.strip()
    if (
        not title
        or len(title) > builder.title_rules.max_own_line
        or any(mark in title for mark in _SENTENCE_MARKS)
        or headings.numbered(title) is not None
        or builder.match(title) is not None
        or starts_caption(title)
    ):
        return block, i
    joined = f"{builder.trailing.sub('', block.text)} {title}"
    return Paragraph(joined, span(block.prov, following.prov), block.style), i + 1


def _join_wraps(
    builder: _Builder, body: list[Block], block: Paragraph, i: int
) -> tuple[Paragraph, int]:
    """`block` with the lines that continue its sentence joined on, and the index of the last."""
    while i + 1 < len(body):
        following = body[i + 1]
        if not isinstance(following, Paragraph) or not builder.continues(
            block.text, following.text
        ):
            break
        joined = block.text + following.text
        block = Paragraph(joined, span(block.prov, following.prov), block.style)
        i += 1
    return block, i


def _continue_table(builder: _Builder, body: list[Block], i: int, gap: int = 0) -> bool:
    """Append body[i] to the table placed `gap` blocks before it (a 续表 caption between) when
    it opens with that table's first row: one table cut by a page break, not two (the table
    reader drops the repeated header)."""
    block = body[i] if i < len(body) else None
    before = body[i - 1 - gap] if i - 1 - gap >= 0 else None
    if not builder.tables or not isinstance(block, TableBlock):
        return False
    placed = builder.tables[-1][0]
    # the block before must be the placed table's last part: its rows end the table's rows
    rows = placed.block.rows
    if (
        not isinstance(before, TableBlock)
        or len(before.rows) > len(rows)
        or any(
            a is not b
            for a, b in zip(rows[len(rows) - len(before.rows) :], before.rows, strict=True)
        )
    ):
        return False
    if not block.rows or _row_texts(block.rows[0]) != _row_texts(rows[0]):
        return False
    placed.block = TableBlock(rows + block.rows, span(placed.block.prov, block.prov))
    return True


def _row_texts(row: list[Cell]) -> list[str]:
    return [squash_spaces(cell.text) for cell in row]


def _attach_caption(builder: _Builder, body: list[Block], i: int, caption) -> int:
    """Blocks consumed by a 专栏/附件 caption at body[i] (0 when it captions no table)."""
    following = body[i + 1] if i + 1 < len(body) else None
    title = caption.title
    consumed = 1
    if (
        title is None
        and isinstance(following, Paragraph)
        and i + 2 < len(body)
        and isinstance(body[i + 2], TableBlock)
    ):
        title = following.text
        consumed = 2
        following = body[i + 2]
    if isinstance(following, TableBlock):
        if caption.label.startswith("附件"):
            builder.close_all()
        builder.add_table(PlacedTable(following, None, caption.label, caption.number, title))
        return consumed + 1
    if (
        builder.tables
        and builder.tables[-1][0].label is None
        and i > 0
        and body[i - 1] is builder.tables[-1][0].block
    ):
        placed = builder.tables[-1][0]
        placed.label, placed.number, placed.title = caption.label, caption.number, title
        return 1
    return 0


@cache
def _subject_led(most: int) -> regex.Pattern:
    """A subject of 2 to `most` words, a colon and the text after it; a term in quotation marks
    is one word of the subject (二、“三公”经费：指…, `title.quoted_term`)."""
    word = rf"(?:[\p{{Han}}\s]|{headings.rules().title.quoted_term})"
    return regex.compile(rf"^(?P<word>{word}{{2,{most}}}?)\s*[：:]\s*(?P<rest>\S.*)$")


_SPREAD_TITLE = regex.compile(r"^\p{Han}(?:\s+\p{Han})+$")


def _unspread(title: str) -> str:
    """A short title set out with a space between its characters (第一章　总　　则) read as
    its words: 总则. A space between words (情暖童心 相伴成长) stays."""
    return squash_spaces(title) if _SPREAD_TITLE.match(title) else title
