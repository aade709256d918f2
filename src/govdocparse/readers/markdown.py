"""Markdown as converters and web clippers emit it: the markup is taken off each line, line
numbers kept, and the lines are read as plain text (headings, tables, paragraphs).

Handled: `#` heading markers (## 一、发展基础), `**…**` / `__…__` around inline headings
(**（一）妇女发展目标。** …), `>` quotes, list bullets, links (their text kept) and images
(dropped), thematic breaks and setext underlines, backslash escapes and `<br>`. Pipe tables
keep their pipes: the text reader rebuilds them (text_tables), empty leading cells merged.
"""

from __future__ import annotations

import regex

_ATX = regex.compile(r"^\s{0,3}#{1,6}(?:\s+|$)(.*?)(?:\s+#+)?\s*$")
_HEADING_LINE = regex.compile(r"^\s{0,3}(?:#{1,6}\s+\S|\*\*[^*]+\*\*)")
_STRONG = regex.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = regex.compile(r"(?<![*\\])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)")
_QUOTE = regex.compile(r"^\s{0,3}(?:>\s?)+")
_BULLET = regex.compile(r"^\s{0,3}[-*+]\s+(?=\S)")
_IMAGE = regex.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = regex.compile(r"\[([^\]]+)\]\([^)]*\)")
_BREAK = regex.compile(r"^\s{0,3}(?:([-*_])(?:\s*\1){2,}|=+)\s*$")
_ESCAPE = regex.compile(r"\\([\\`*_{}\[\]()#+\-.!>~])")
_HTML_BREAK = regex.compile(r"<br\s*/?>", regex.IGNORECASE)


def looks_like_markdown(text: str) -> bool:
    """Whether a text file is Markdown: two or more lines marked as headings (# or **…**)."""
    count = 0
    for line in text.splitlines():
        if _HEADING_LINE.match(line):
            count += 1
            if count >= 2:
                return True
    return False


def plain_text(text: str) -> str:
    """The text of a Markdown file without its markup, one output line per input line."""
    return "\n".join(_plain_line(line) for line in text.replace("\r\n", "\n").split("\n"))


def _plain_line(line: str) -> str:
    if _BREAK.match(line) and "|" not in line:
        return ""
    line = _QUOTE.sub("", line)
    heading = _ATX.match(line)
    if heading:
        line = heading[1]
    line = _BULLET.sub("", line)
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    if "|" not in line:
        # A <br> in a pipe-table cell is a line break inside the cell: text_tables reads it.
        line = _HTML_BREAK.sub("", line)
    line = _STRONG.sub(r"\2", line)
    line = _EMPHASIS.sub(r"\1", line)
    return _ESCAPE.sub(r"\1", line) if "|" not in line else line
