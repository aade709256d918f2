"""A document-sharing site's flattened preview of a report: its cover and first pages on one line.

Such a site serves a report's first pages as one line (a city's 妇女儿童发展规划 中期评估报告):
the title, the organ and the date of the cover glued together, the site's page markers and
running head between the pages, a dotted table of contents, then the text:

    某州市妇女儿童发展规划中期评估报告某州市妇女儿童工作委员会二〇二三年十二月第1页共28页某某文档
    第1页共28页目录一、总体情况……1二、主要目标完成情况……4三、…第2页共28页…

`cover_lines` cuts it where its lines were, so that the lines read as a printed copy's do: the
title, the organ and the date of the cover (a county's report printing its date first, then
the title again with its organ and 关于, the date's line closing the cover); each page marker,
which normalize drops with the running head that follows it; each contents entry after its
leader and page number, and the 目录 line over them, which normalize drops as a table of
contents. Only a long line opening with such a cover is looked at: a title ending in a
document type (metadata.yaml's `doc_types`), its organ after it or none, and a date
(chrome.yaml's `flattened_cover`), with no sentence mark before the date; without the organ,
the line must hold a page marker or the title again after the date (a sentence may open with
a plan's name and a date: …落实妇女发展规划2023年12月召开…).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import cache

import regex

from .. import grammar
from ..grammar_schema import ChromeGrammar, MetadataGrammar
from ..headings import opens_block, rules, starts_paragraph

# The cover's title and organ together run at most this many characters before the date, with
# no sentence mark; the title alone at least _MIN_TITLE, an organ _MIN_ORGAN to _MAX_ORGAN.
_MAX_HEAD = 90
_MIN_TITLE = 6
_MIN_ORGAN = 4
_MAX_ORGAN = 30
_HEAD_MARK = regex.compile(r"[，。；：,;:！？!?“”]")
# The organ repeating the cover's title after the date opens with at most this many characters
# before its 关于; the title's place it may leave off, at most _MAX_PLACE characters.
_MAX_REPEAT_ORGAN = 30
_MAX_PLACE = 8


@dataclass(frozen=True)
class _Rules:
    date: regex.Pattern
    page_marker: regex.Pattern
    leader: regex.Pattern
    min_line: int
    type_end: regex.Pattern
    organ_end: regex.Pattern
    contents_titles: tuple[str, ...]


@cache
def _rules() -> _Rules:
    cover = grammar.load_typed("chrome", ChromeGrammar).flattened_cover
    metadata = grammar.load_typed("metadata", MetadataGrammar)
    words = sorted(
        {word for group in metadata.doc_types.model_dump().values() for word in group},
        key=len,
        reverse=True,
    )
    return _Rules(
        date=regex.compile(cover.cover_date.pattern),
        page_marker=regex.compile(cover.page_marker.pattern),
        leader=regex.compile(cover.contents_leader.pattern),
        min_line=cover.min_line,
        type_end=regex.compile(f"(?:{'|'.join(words)})"),
        organ_end=regex.compile(f"(?:{metadata.issuer_suffix.pattern})$"),
        contents_titles=tuple(rules().contents.titles),
    )


def cover_lines(text: str) -> list[str]:
    """The lines of a flattened preview (see the module's doc), or `text` alone when it opens
    with no cover."""
    r = _rules()
    if len(text) < r.min_line:
        return [text]
    date = r.date.search(text, 0, _MAX_HEAD + 20)
    if date is None or date.start() > _MAX_HEAD or _HEAD_MARK.search(text, 0, date.start()):
        return [text]
    head = _title_and_organ(text[: date.start()])
    if head is None:
        return [text]
    rest = text[date.end() :]
    lines = [*head, date.group(0)]
    repeated = _repeated_title(rest, head[0])
    pages = _pages(rest[repeated or 0 :])
    # a sentence may open with a plan's name and a date (…落实妇女发展规划2023年12月召开…): a cover
    # names its organ, or its pages' markers or its title repeated with the organ prove it one
    if len(head) == 1 and repeated is None and len(pages) == 1:
        return [text]
    if repeated:
        lines.append(rest[:repeated])
    return lines + [line for part in pages for line in _contents(part)]


def _title_and_organ(head: str) -> list[str] | None:
    """The cover's title and the organ glued after it, or the title alone: the title ends with
    the last document type after which what is left is an organ's name with no type in it."""
    r = _rules()
    for found in reversed(list(r.type_end.finditer(head))):
        title, organ = head[: found.end()], head[found.end() :]
        if len(title) < _MIN_TITLE:
            return None
        if not organ:
            return [title]
        if (
            _MIN_ORGAN <= len(organ) <= _MAX_ORGAN
            and r.organ_end.search(organ)
            and not r.type_end.search(organ)
        ):
            return [title, organ]
    return None


def _repeated_title(rest: str, title: str) -> int | None:
    """Where the title the first page prints again after the cover's date ends, with its organ
    and 关于 before it and its place perhaps left off (某县人民政府妇儿工委关于实施…终期评估报告),
    the text glued after it; None if the text after the date does not open so."""
    about = rest.find("关于", 0, _MAX_REPEAT_ORGAN)
    if about < _MIN_ORGAN or not _rules().organ_end.search(rest[:about]):
        return None
    start = about + len("关于")
    for cut in range(min(_MAX_PLACE, len(title) - _MIN_TITLE) + 1):
        if rest.startswith(title[cut:], start):
            return start + len(title) - cut
    return None


def _pages(text: str) -> list[str]:
    """`text` cut around each page marker (第2页共28页), the markers lines of their own."""
    out, at = [], 0
    for marker in _rules().page_marker.finditer(text):
        out += [text[at : marker.start()], marker.group(0)]
        at = marker.end()
    out.append(text[at:])
    return [part for part in out if part.strip()]


def _contents(text: str) -> list[str]:
    """`text` cut after each contents entry's page number (一、总体情况……1二、…), the 目录 line
    over the first entry a line of its own. The page number takes the fewest digits after
    which the next entry opens (……51、经济… is page 5 and entry 1、)."""
    r = _rules()
    cuts = []
    for leader in r.leader.finditer(text):
        page = leader.captures("page")[0]
        start = leader.start("page")
        ends = [start + n for n in range(1, len(page) + 1)]
        after = next(
            (end for end in ends if end == len(text) or starts_paragraph(text[end:])),
            ends[-1],
        )
        cuts.append(after)
    if not cuts:
        return [text]
    first = text[: cuts[0]]
    for title in r.contents_titles:
        at = first.find(title)
        if at >= 0 and opens_block(text[at + len(title) :]):
            cuts.insert(0, at + len(title))
            if at:
                cuts.insert(0, at)
            break
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in itertools.pairwise(bounds) if text[a:b].strip()]
