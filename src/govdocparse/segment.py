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

from . import grammar
from .headings import numbered
from .source import Block, Paragraph, span
from .textutil import fold, iso_date, squash_spaces

MAX_TITLE_LINE = 80
MAX_TITLE = 120
_SENTENCE_MARK = regex.compile(r"[。；;！!？?]")
_PERIOD = r"[（(]\s*(?:19|20)\d{2}\s*年?\s*[—–\-－~～至到―]+\s*(?:19|20)\d{2}\s*年?\s*[)）]"  # （2021—2030年）
_PERIOD_ONLY = regex.compile(f"^{_PERIOD}$")
_TRAILING_PERIOD = regex.compile(f"{_PERIOD}$")
_ANNOUNCED = regex.compile(r"《([^《》]{4,80})》")


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


@cache
def _doc_types() -> tuple[regex.Pattern, dict[str, str]]:
    types = grammar.load("metadata")["doc_types"]
    kind_of = {word: kind for kind, words in types.items() for word in words}
    words = sorted(kind_of, key=len, reverse=True)
    return regex.compile(f"(?:{'|'.join(words)})$"), kind_of


@cache
def _closing_marks() -> list[regex.Pattern]:
    return [regex.compile(p) for p in grammar.load("metadata")["closing_marks"]]


def title_kind(text: str) -> str | None:
    """notice / plan when `text` ends like a document title, else None."""
    ending, kind_of = _doc_types()
    bare = _TRAILING_PERIOD.sub("", squash_spaces(text))
    match = ending.search(bare)
    if not match:
        return None
    return kind_of[match.group(0)]


@cache
def _standalone_units() -> list[regex.Pattern]:
    """Lines that are complete on their own and never part of a title: 文号, issuer, portal field."""
    rules = grammar.load("metadata")
    fields = "|".join(rules["portal_fields"])
    return [
        regex.compile(rules["doc_number"]),
        regex.compile(f"^[\\p{{Han}}]{{2,30}}{rules['issuer_suffix']}$"),
        regex.compile(f"^(?:{fields})"),
        *_closing_marks(),
    ]


def _title_line(block: Block) -> bool:
    if not isinstance(block, Paragraph) or len(block.text) > MAX_TITLE_LINE:
        return False
    text = squash_spaces(block.text)
    return not (
        _SENTENCE_MARK.search(text)
        or numbered(text)
        or iso_date(text)
        or any(unit.search(text) for unit in _standalone_units())
    )


def _title_at(blocks: list[Block], i: int) -> Title | None:
    """The title starting at block i, joining lines the author wrapped, or None."""
    if not _title_line(blocks[i]):
        return None
    text = blocks[i].text
    j = i
    while title_kind(text) is None:
        if j + 1 >= len(blocks) or j - i >= 3 or not _title_line(blocks[j + 1]):
            return None
        j += 1
        text += blocks[j].text
        if len(text) > MAX_TITLE:
            return None
    # a title may end in a document-type word before its last wrapped line (grammar: title_continues)
    while (
        j + 1 < len(blocks)
        and j - i < 3
        and _title_line(blocks[j + 1])
        and _continues_title(text, blocks[j + 1].text)
    ):
        j += 1
        text += blocks[j].text
    kind = title_kind(text)
    period_text = None
    if (
        j + 1 < len(blocks)
        and isinstance(blocks[j + 1], Paragraph)
        and _PERIOD_ONLY.match(squash_spaces(blocks[j + 1].text))
    ):
        j += 1
        period_text = blocks[j].text
    return Title(squash_spaces(text), kind, i, j, period_text)


def _continues_title(text: str, following: str) -> bool:
    following = squash_spaces(following)
    if _PERIOD_ONLY.match(following) or title_kind(text + following) is None:
        return False
    rules = grammar.load("metadata")["title_continues"]
    return text.startswith(tuple(rules["opens"])) or following.startswith(
        tuple(rules["next_opens"])
    )


def _comparable(title: str) -> str:
    return _TRAILING_PERIOD.sub("", fold(squash_spaces(title)))


def _announces(names: set[str], title: str) -> bool:
    """Whether a notice's 《…》 names include this title (place prefixes may differ)."""
    key = _comparable(title)
    return any(
        key == name or name.endswith(key) or key.endswith(name) for name in names if len(name) >= 4
    )


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
            elif closed or _announces(announced, title.text):
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
            has_body = True
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
