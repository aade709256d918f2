"""Portal chrome and Word residue, recognised line by line: the one chrome vocabulary
(grammars/chrome.yaml) for the readers that meet page furniture (HTML) and for `normalize`.

- `is_chrome`: lines that are furniture by rule, anywhere (当前位置：首页 > …, 【字体：大 中 小】,
  page numbers such as — 5 — or 第 3 页 共 12 页); `is_crumb_line` the breadcrumbs among them
  and those known by shape, under which a site prints its own name (`is_site_name`);
- `running_heads`: the running head a copy of printed pages repeats after its page numbers;
- `is_tail_start`: trailer lines (文件下载：, 版权所有, …ICP备…) after which nothing is text, and
  `is_footer_label`: a footer's organ label (主办单位：…), the trailer's start when another such
  label or a trailer line follows close under it;
- `is_link_row`, `is_breadcrumb`, `is_furniture`: furniture by shape (rows of link words, arrows
  between short names, furniture-only portal labels, image file names), which `normalize` drops
  near the top and the bottom of a file only;
- `crumb_organ`: the organ a breadcrumb line names as the column the page sits in;
- `is_edition_line`, `edition_day`: a newspaper's page label (第A06版:要闻, chrome) and the
  issue's day over it or before it on its line, which `normalize` keeps marked for the metadata;
- `clean_text`: Word field-code and bookmark residue taken out of a line;
- `without_jammer`: a forum's hidden anti-copy strings taken off a line's ends.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from . import grammar, portal
from .grammar_schema import ChromeGrammar, MetadataGrammar
from .textutil import squash_spaces

_SENTENCE_MARK = regex.compile(r"[。；;，,：:]")
PROSE = regex.compile(r"[。！？；]")
_MAX_LINK_ROW = 80
_ARROWS = regex.compile(r"\s*(?:>>|>|»|›|→|＞)\s*")
_MAX_CRUMB = 16
_MAX_SITE_NAME = 30
_LAST_ARROW = regex.compile(r"(?:>|»|›|→|＞)\s*$")
# a breadcrumb's label before its first part (当前位置：首页 > …)
_CRUMB_LABEL = regex.compile(r"^[^:：]{0,8}[:：]")
# page numbers are short (— 12 —, 第3页共12页): where running heads and page breaks are looked
# for (here and in the text reader), longer lines are not matched against their rules
MAX_PAGE_NUMBER = 24


@dataclass(frozen=True)
class _Rules:
    # each list of rules as few patterns as it can be (`_any_of`): every line is tested
    breadcrumbs: list[regex.Pattern]
    lines: list[regex.Pattern]
    page_numbers: list[regex.Pattern]
    tail: list[regex.Pattern]
    footer_labels: list[regex.Pattern]
    footer_reach: int
    inline: regex.Pattern
    jammer: list[regex.Pattern]
    jammer_mix: int
    link_words: frozenset[str]
    link_suffixes: tuple[str, ...]
    link_split: regex.Pattern
    file_name: regex.Pattern
    site_name: regex.Pattern
    organ_end: regex.Pattern
    preview_note: regex.Pattern
    edge_lines: int
    edition_line: regex.Pattern
    edition_day: regex.Pattern
    page_counter: regex.Pattern


@cache
def _rules() -> _Rules:
    rules = grammar.load_typed("chrome", ChromeGrammar)
    return _Rules(
        breadcrumbs=_any_of([rule.pattern for rule in rules.breadcrumbs]),
        lines=_any_of([rule.pattern for rule in rules.lines]),
        page_numbers=_any_of([rule.pattern for rule in rules.page_numbers]),
        tail=_any_of([rule.pattern for rule in rules.tail]),
        footer_labels=_any_of([rule.pattern for rule in rules.footer_labels]),
        footer_reach=rules.footer_reach,
        inline=regex.compile("|".join(f"(?:{rule.pattern})" for rule in rules.inline)),
        jammer=[regex.compile(rule.pattern) for rule in rules.jammer],
        jammer_mix=rules.jammer_mix,
        link_words=frozenset(rules.link_words),
        link_suffixes=tuple(rules.link_suffixes),
        link_split=regex.compile(f"[{rules.link_separators}]+"),
        file_name=regex.compile(rules.file_name.pattern),
        # an organ's name ends as an issuer's does (某镇人民政府, 某市妇女联合会)
        site_name=regex.compile(f"(?:{rules.site_name.pattern})|(?:{_organ_end()})$"),
        organ_end=regex.compile(f"(?:{_organ_end()})$"),
        preview_note=regex.compile(rules.preview_note.pattern),
        edge_lines=rules.edge_lines,
        edition_line=regex.compile(rules.edition_line.pattern),
        edition_day=regex.compile(rules.edition_day.pattern),
        page_counter=regex.compile(rules.page_counter.pattern),
    )


def _organ_end() -> str:
    """How an organ's name ends (人民政府, 妇女联合会, …局): the issuer vocabulary, defined once in
    metadata.yaml, that a site named after its organ shares."""
    return grammar.load_typed("metadata", MetadataGrammar).issuer_suffix.pattern


def _any_of(patterns: list[str]) -> list[regex.Pattern]:
    """Patterns found in a text where any of `patterns` is: the rules anchored at the start as
    one alternation under one `^` (a line that starts like none of them fails at once, where
    each rule would be tried in turn), the others one by one (an alternation with an unanchored
    branch would try every branch at every position)."""
    anchored = [p[1:] for p in patterns if p.startswith("^") and not _has_top_level_bar(p)]
    others = [p for p in patterns if not p.startswith("^") or _has_top_level_bar(p)]
    heads = [f"^(?:{'|'.join(f'(?:{p})' for p in anchored)})"] if anchored else []
    return [regex.compile(p) for p in heads + others]


def _has_top_level_bar(pattern: str) -> bool:
    """Whether `pattern` is an alternation at its top level (^a|b: its `^` anchors one branch)."""
    depth, in_class, escaped, class_start = 0, False, False, 0
    for at, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            # a ] first in a set ([]…] or [^]…]) is one of its characters
            in_class = char != "]" or at == class_start or pattern[class_start:at] == "^"
        elif char == "[":
            in_class, class_start = True, at + 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
    return False


# Table cells repeat down their columns (—, 提高, 区卫健委) and pages their running heads: half
# of normalize's calls on the corpus are for a text cleaned before.
@lru_cache(maxsize=8192)
def clean_text(text: str) -> str:
    """Text with Word field-code and bookmark residue removed."""
    return _rules().inline.sub("", text).strip()


# a run of jammer words holds at least five, four spaces between them
_JAMMER_SPACES = 4
_LETTER = regex.compile(r"[A-Za-z]")
_MARK = regex.compile(r"[^A-Za-z0-9]")


def without_jammer(text: str) -> str:
    """A line without the runs of a forum's hidden anti-copy strings at its end or its head
    (`jammer`): random ASCII words of one or two characters, mixing letters and marks."""
    if text.count(" ") + text.count("\t") < _JAMMER_SPACES:
        return text
    rules = _rules()
    for rule in rules.jammer:
        found = rule.search(text)
        if found and _jammer_words(found.group().split(), rules.jammer_mix):
            text = text[: found.start()] + text[found.end() :]
    return text


def _jammer_words(words: list[str], mix: int) -> bool:
    """Whether a run's words mix as random strings do: `mix` or more of two characters, and
    two or more with a letter and two or more with a mark."""
    return (
        sum(len(word) == 2 for word in words) >= mix
        and sum(bool(_LETTER.search(word)) for word in words) >= 2
        and sum(bool(_MARK.search(word)) for word in words) >= 2
    )


def is_preview_note(text: str) -> bool:
    """Whether `text` is a document-sharing site's note under the document it previews
    (《…》由会员分享,可在线阅读,…: `preview_note`)."""
    return "由会员" in text and _rules().preview_note.search(text) is not None


def is_chrome(text: str) -> bool:
    squashed = squash_spaces(text)
    rules = _rules()
    return (
        is_preview_note(squashed)
        or any(rule.search(squashed) for rule in rules.lines)
        or any(rule.search(squashed) for rule in rules.breadcrumbs)
        or is_page_number(text)
        or is_edition_line(text)
    )


def is_edition_line(text: str) -> bool:
    """A newspaper's page label above its stories (第A06版:要闻: `edition_line`)."""
    return _rules().edition_line.match(squash_spaces(text)) is not None


def edition_day(text: str) -> regex.Match | None:
    """A newspaper issue's day alone on its line, or with a weekday and the page label after
    it (2024年3月8日 星期五 第05版：要闻: `edition_day`); its groups `day` and `edition`."""
    squashed = squash_spaces(text)
    return _rules().edition_day.match(squashed) if squashed[:2] in ("19", "20") else None


def is_site_name(text: str) -> bool:
    """A line that may be a site's own name: short, no sentence in it, ending as a site's name
    (青禾网, 某县门户) or an organ's (某镇人民政府, 某市妇女联合会) does."""
    squashed = squash_spaces(text)
    return (
        len(squashed) <= _MAX_SITE_NAME
        and not _SENTENCE_MARK.search(squashed)
        and _rules().site_name.search(squashed) is not None
    )


def is_crumb_line(text: str) -> bool:
    """A page's breadcrumb, by its label (当前位置：…) or by its shape (首页 > 政务公开 > …)."""
    squashed = squash_spaces(text)
    return any(rule.search(squashed) for rule in _rules().breadcrumbs) or is_breadcrumb(text)


def crumb_organ(text: str) -> str | None:
    """The organ whose column a page sits in, as a breadcrumb line names it (首页 > 政务公开 >
    某县民政局 > 通知公告: a county portal's department column): the deepest organ of the path,
    or None when the line is no breadcrumb or names none."""
    if not is_crumb_line(text):
        return None
    organ_end = _rules().organ_end
    parts = [_CRUMB_LABEL.sub("", squash_spaces(part)) for part in _ARROWS.split(text)]
    organs = [
        part
        for part in parts
        if len(part) <= _MAX_CRUMB
        and not _SENTENCE_MARK.search(part)
        and organ_end.search(part) is not None
    ]
    return organs[-1] if organs else None


def is_page_number(text: str) -> bool:
    squashed = squash_spaces(text)
    return any(rule.search(squashed) for rule in _rules().page_numbers)


def is_page_counter(text: str) -> bool:
    """A viewer's page counter (2 / 27: `page_counter`), a page number only under one."""
    return _rules().page_counter.match(squash_spaces(text)) is not None


def running_heads(texts: Sequence[str | None]) -> set[str]:
    """The running head of a copy of printed pages: a line (without its spaces) that follows a
    page number at least twice, blank lines and lines that are no text (None) aside. A gazette
    prints its name over every page but the first, so its head cannot be told from the text at
    its first page break by having been seen before it."""
    after: Counter[str] = Counter()
    page_number = False
    for text in texts:
        line = text.strip() if text else ""
        if not line:
            continue
        if page_number:
            after[squash_spaces(line)] += 1
        page_number = len(line) <= MAX_PAGE_NUMBER and is_page_number(line)
    return {text for text, count in after.items() if count >= 2}


def is_tail_start(text: str) -> bool:
    squashed = squash_spaces(text)
    return any(rule.search(squashed) for rule in _rules().tail)


def is_footer_label(text: str) -> bool:
    """A line opening with a site footer's organ label (主办单位：…): the trailer's start when
    a trailer line or another such label follows within `footer_reach()` lines."""
    # read without squashing: a footer's labels are not spaced out, and this runs on every line
    stripped = text.lstrip()
    return any(rule.search(stripped) for rule in _rules().footer_labels)


def footer_reach() -> int:
    return _rules().footer_reach


def is_link_row(text: str) -> bool:
    """A short line of navigation words: 无障碍浏览 一网搜 登录| 注册; a site's own name may
    stand among them (某市政府在线 | 无障碍 | 长者模式 | 登录 | 注册)."""
    rules = _rules()
    if len(text) > _MAX_LINK_ROW or PROSE.search(text):
        return False
    words = [word for word in rules.link_split.split(text.strip("【】[]（）() ")) if word]
    links = sum(
        word in rules.link_words or (len(word) <= 8 and word.endswith(rules.link_suffixes))
        for word in words
    )
    return bool(words) and (links == len(words) or (links >= 2 and links * 3 >= len(words) * 2))


def without_toolbar(value: str) -> str:
    """A portal value without the toolbar links printed after it on its line (来源：某县妇女
    联合会 打印 关闭本页 → 某县妇女联合会; 阅读： 打印 保存 收藏 → "")."""
    words = value.split()
    while words and words[-1] in _rules().link_words:
        words.pop()
    return value if len(words) == len(value.split()) else " ".join(words)


def is_breadcrumb(text: str) -> bool:
    """某市人民政府门户网站>政务公开>政策文件: short names joined by two or more arrows; or a
    news site's path that ends with its arrow, the article's own place not printed (某某网 >
    国内 >)."""
    parts = [part for part in _ARROWS.split(text) if part.strip()]
    return (
        (len(parts) >= 3 or (len(parts) == 2 and _LAST_ARROW.search(text) is not None))
        and len(text) <= _MAX_LINK_ROW
        and not _SENTENCE_MARK.search(text)
        and all(len(part.strip()) <= _MAX_CRUMB for part in parts)
    )


def is_furniture(text: str) -> bool:
    """A line of page furniture: only furniture labels (浏览次数：12), or a file name."""
    pairs = portal.pairs(text)
    if pairs and all(pair.feeds == "furniture" for pair in pairs):
        return True
    return bool(_rules().file_name.match(text.strip()))


def edge_lines() -> int:
    """How many lines at each end of a file may be furniture recognised by shape."""
    return _rules().edge_lines
