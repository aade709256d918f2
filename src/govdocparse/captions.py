"""Table captions: the line that labels a table or a box (专栏2  2021—2030年妇女发展主要指标,
附件1-3, 表1), read with the one caption vocabulary of grammars/tables.yaml (`caption`).

Readers ask whether a line starts a caption (through `headings.opens_block`), so a caption never
runs into the paragraph above it; the structure stage reads a caption line before a table into
the table's label, number and title.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import regex

from .grammar import alternation, load
from .textutil import squash_spaces

_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_NUMBER_DASH = regex.compile(r"\s*[-－—–―]\s*")


class Caption(NamedTuple):
    """A table caption: `label` as written without spaces (专栏2), `number` (2, 1-3), `title`."""

    label: str
    number: str
    title: str | None


@dataclass(frozen=True)
class _Rules:
    start: regex.Pattern  # the label and number a caption line starts with
    line: regex.Pattern  # a whole caption line: label, number, separator, title
    title_max: int
    title_forbidden: regex.Pattern


@cache
def _rules() -> _Rules:
    caption = load("tables")["caption"]
    head = rf"^\s*(?P<label>{alternation(caption['labels'])})\s*(?P<number>{caption['number']})"
    return _Rules(
        start=regex.compile(head),
        line=regex.compile(rf"{head}(?P<sep>{caption['title_separator']})(?P<title>.*?)\s*$"),
        title_max=caption["title_max_chars"],
        title_forbidden=regex.compile(caption["title_forbidden"]),
    )


def starts_caption(text: str) -> bool:
    """Whether a line starts with a caption's label and number (专栏2, 附件1-3, 表 1)."""
    return bool(_rules().start.match(text))


def parse_caption(text: str) -> Caption | None:
    """The caption a line states, or None.

    The number is given in ASCII digits with "-" between parts; a title that reads like body
    text (too long, or with sentence punctuation) means the line is not a caption.
    """
    rules = _rules()
    m = rules.line.match(text)
    if not m:
        return None
    title = m.group("title").strip() or None
    if title and not m.group("sep") and title[0].isdigit():
        return None  # 表12a…: the number ran on into something else
    if title and (len(title) > rules.title_max or rules.title_forbidden.search(title)):
        return None
    number = _NUMBER_DASH.sub("-", m.group("number").translate(_DIGITS))
    label = squash_spaces(m.group("label") + m.group("number"))
    return Caption(label, number, title)
