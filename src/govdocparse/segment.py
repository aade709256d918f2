"""Splits one file's blocks into documents: a notice and the plans it carries, or a single plan.

A document starts at its title. Titles are found from the text alone:
- a short unnumbered line, or a few wrapped lines joined, ending in a document-type word
  (通知, 规划, 方案, 计划… from grammars/metadata.yaml), optionally followed by its period line
  （2021—2030年）;
- the first such title in the file starts the first document; a later one starts a new document
  when an earlier notice announced it by name (《开州区儿童发展规划（2021—2030年）》) or when
  the previous document has closed (signature date, （此件公开发布）).
A title repeated with nothing but chrome in between (a portal's page title above the article
title) counts once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex
from rapidfuzz import fuzz

from . import grammar, portal
from .grammar_schema import MetadataGrammar
from .headings import numbered
from .source import Block, Paragraph, span
from .textutil import YEAR_RANGE, fold, iso_date, leading_date, squash_spaces

MAX_TITLE_LINE = 80
MAX_TITLE = 120
_SENTENCE_MARK = regex.compile(r"[。；;！!？?]")
_PROSE = regex.compile(r"[。；！？]")
_PERIOD = rf"[（(]\s*{YEAR_RANGE}\s*年?\s*[)）]"  # （2021—2030年）
_PERIOD_ONLY = regex.compile(f"^{_PERIOD}$")
_TRAILING_PERIOD = regex.compile(f"{_PERIOD}$")
_ANNOUNCED = regex.compile(r"《([^《》]{4,80})》")
# How alike (rapidfuzz ratio, 0-100) a title and the name a notice cites it by must be.
_SAME_TITLE = 80


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


def _grammar() -> MetadataGrammar:
    return grammar.load_typed("metadata", MetadataGrammar)


@cache
def _doc_types() -> tuple[regex.Pattern, dict[str, str]]:
    types = _grammar().doc_types.model_dump()
    kind_of = {word: kind for kind, words in types.items() for word in words}
    words = sorted(kind_of, key=len, reverse=True)
    return regex.compile(f"(?:{'|'.join(words)})$"), kind_of


@cache
def _closing_marks() -> list[regex.Pattern]:
    rules = _grammar()
    return [rules.compile(rule) for rule in rules.closing_marks] + [rules.compile(rules.printed)]


@cache
def _trailing_status() -> regex.Pattern:
    words = "|".join(map(regex.escape, _grammar().title_status))
    return regex.compile(f"[（(](?:{words})[)）]$")


@cache
def trailing_doc_number() -> regex.Pattern:
    """A 文号 in brackets at the end of a title (web pages): …的通知(宜办发〔2022〕9号)."""
    return regex.compile(f"[（(]\\s*{_grammar().doc_number.pattern}\\s*[)）]\\s*$")


def _bare(title: str) -> str:
    """A title without its trailing 文号, period (（2021—2030年）) and status (（试行）)."""
    title = trailing_doc_number().sub("", squash_spaces(title))
    return _TRAILING_PERIOD.sub("", _trailing_status().sub("", title))


def title_kind(text: str) -> str | None:
    """notice / plan / other when `text` ends like a document title, else None."""
    ending, kind_of = _doc_types()
    match = ending.search(_bare(text))
    if not match:
        return None
    return kind_of[match.group(0)]


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
    """The text of a block that may be (part of) a title, else None."""
    if not isinstance(block, Paragraph) or len(block.text) > MAX_TITLE_LINE:
        return None
    text = squash_spaces(block.text)
    if (
        _SENTENCE_MARK.search(text)
        or numbered(text)
        or iso_date(text)
        or _standalone(block.text.strip(), text)
    ):
        return None
    return block.text


def _title_at(blocks: list[Block], i: int) -> Title | None:
    """The title starting at block i, joining lines the author wrapped, or None."""
    lines = [_title_line(block) for block in blocks[i : i + 4]]
    if lines[0] is None:
        return None
    # A title spread out with spaces (卫 生 工 作 制 度) is set on a line of its own.
    spread = [n for n, line in enumerate(lines) if line and _spread(line)]
    if spread:
        lines = lines[: max(spread[0], 1)]
    text = lines[0]
    j = 0
    while title_kind(text) is None:
        following = lines[j + 1] if j + 1 < len(lines) else None
        if following is None:
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
    j += i
    period_text = None
    after = blocks[j + 1] if j + 1 < len(blocks) else None
    if isinstance(after, Paragraph) and _PERIOD_ONLY.match(squash_spaces(after.text)):
        j += 1
        period_text = after.text
    return Title(trailing_doc_number().sub("", squash_spaces(text)), kind, i, j, period_text)


def _spread(text: str) -> bool:
    """Whether a line is typeset with a space between every two characters."""
    chars = text.strip()
    return len(chars) >= 5 and all(c.isspace() for c in chars[1::2]) and " " not in chars[::2]


def _continues_title(text: str, following: str) -> bool:
    following = squash_spaces(following)
    if _PERIOD_ONLY.match(following) or title_kind(text + following) is None:
        return False
    rules = _grammar().title_continues
    return text.startswith(tuple(rules.opens)) or following.startswith(tuple(rules.next_opens))


def _comparable(title: str) -> str:
    return _bare(fold(title))


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


def _closes(block: Block) -> bool:
    if not isinstance(block, Paragraph):
        return False
    text = squash_spaces(block.text)
    return iso_date(text) is not None or any(mark.match(text) for mark in _closing_marks())


def segment(blocks: list[Block]) -> list[Segment]:
    """The documents of a file, in order. A file with no recognisable title is one document."""
    starts: list[Title] = []
    announced: set[str] = set()
    closed = False
    has_body = False
    i = 0
    while i < len(blocks):
        block = blocks[i]
        title = _title_at(blocks, i) if isinstance(block, Paragraph) else None
        if title:
            if not starts:
                starts.append(title)
            elif not has_body and _comparable(title.text) == _comparable(starts[-1].text):
                starts[-1] = title
            elif closed or _announces(announced, title.text) or _carried(starts[0], title):
                starts.append(title)
            else:
                title = None
            if title:
                closed = has_body = False
                if title.kind == "notice":
                    announced.update(_comparable(name) for name in _ANNOUNCED.findall(title.text))
                i = title.last + 1
                continue
        if starts:
            # Portal fields and other short lines between two copies of a title are no body.
            has_body = (
                has_body or not isinstance(block, Paragraph) or bool(_PROSE.search(block.text))
            )
            if isinstance(block, Paragraph):
                if starts[-1].kind == "notice":
                    announced.update(_comparable(name) for name in _ANNOUNCED.findall(block.text))
                closed = closed or _closes(block)
        i += 1
    if not starts:
        return [Segment(None, "other", [], [], list(blocks))]
    segments = []
    header_from = 0
    for n, title in enumerate(starts):
        body_end = starts[n + 1].first if n + 1 < len(starts) else len(blocks)
        title_blocks = [b for b in blocks[title.first : title.last + 1] if isinstance(b, Paragraph)]
        if title.period_text:
            title_blocks = title_blocks[:-1]
        segments.append(
            Segment(
                title=title.text,
                kind=title.kind,
                header=list(blocks[header_from : title.first]),
                title_blocks=title_blocks,
                body=list(blocks[title.last + 1 : body_end]),
                period_text=title.period_text,
            )
        )
        header_from = body_end
    return segments


def title_provenance(segment_: Segment):
    blocks = segment_.title_blocks
    return span(blocks[0].prov, blocks[-1].prov) if blocks else None
