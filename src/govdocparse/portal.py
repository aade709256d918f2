"""Portal metadata labels (索引号, 文号, 发布日期…): one table, one matcher, for every stage.

Government portals print a metadata block above the article as label/value pairs: one pair a
line, several a line separated by spaces, `|` or bullets (· 文号：…, - 索引号:…), labels padded
with spaces to align them (文  号, 索 引 号), with or without a colon. The labels and the field
each one feeds are `portal_labels` in grammars/metadata.yaml; the HTML reader and the metadata
stage both read pairs through this module, so a label added there is seen everywhere.

A converter or crawler may give the block as rows of table cells (| 索引号 | 1144…/2023-00123 |
发文字号 | 某府办〔2023〕5号 |, or TAB-separated): `row_pairs` turns such a row back into a line of
pairs, a cell holding only a label being as good as its colon.

Labels are matched in their simplified form (`textutil.simplified`), so that a traditional-
character mirror's or an encyclopedia infobox's 發布單位, 發布時間, 文號 are the labels 发布单位,
发布时间, 文号 — readers ask before the text is folded — while values are taken as written.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import cache

import regex

from . import grammar
from .grammar_schema import MetadataGrammar, PortalLabel
from .textutil import simplified

# Between two pairs on one line, and before a label: spaces, bars, bullets, brackets.
# `*`: Markdown bold around a label (**发布日期：** 2024-03-08), as web clippers write it.
_SEPARATORS = r"\s|｜丨·•●■◆▪►▶→【】\[\]*"
_SPACE = r"[ \t\u3000\xa0]*"
_SHORT = 2
_VALUE_EDGES = " \t\u3000\xa0:：|｜丨·•●■◆▪*,，;；"
_CLOSERS = {"【": "】", "[": "]"}


@dataclass(frozen=True)
class Pair:
    label: str  # the label's name in the grammar, whatever spaces it was written with
    feeds: str
    value: str
    start: int  # offset of the label in the line


@cache
def _labels() -> dict[str, PortalLabel]:
    return {
        entry.label: entry
        for entry in grammar.load_typed("metadata", MetadataGrammar).portal_labels
    }


@cache
def _matcher() -> regex.Pattern:
    groups = _group_names()

    def alternatives(short: bool) -> str:
        return "|".join(
            f"(?P<{key}>{_SPACE.join(regex.escape(char) for char in name)})"
            for key, name in groups.items()
            if (len(name) <= _SHORT) == short
        )

    # A short label (文号, 时间, 字号) counts only after a separator, not inside a word
    # (发文字号); a longer one also where a text copy lost the spaces between pairs
    # (索引号…发布机构…, as PDF text gives the block). Brackets may pad the label with spaces
    # ([ 索引号 ] 1150…/2021-00176 [ 发文字号 ] 某卫发〔2017〕2号, as some district portals print).
    # After a colon, a short label counts only where the label before it closes (`_labels_in`);
    # right after a date's end (…28日文号:, a copy that lost the space between two pairs:
    # `date_before_label`) only with its colon.
    opening = f"(?:[【\\[]{_SPACE})?"
    return regex.compile(
        f"(?:{opening}(?:{alternatives(False)})"
        f"|(?:^|(?<=[{_SEPARATORS}:：])|(?<={_date_end().pattern})){opening}"
        f"(?:{alternatives(True)}))"
        f"(?:{_SPACE}[】\\]])?{_SPACE}(?P<colon>[:：])?"
    )


@cache
def _date_end() -> regex.Pattern:
    """A date's end a copy ran the next pair's label into (…2022年12月28日文号:…)."""
    rules = grammar.load_typed("metadata", MetadataGrammar)
    return rules.compile(rules.date_before_label)


@cache
def _ends_in_date() -> regex.Pattern:
    """`_date_end` closing the text it is searched in."""
    return regex.compile(f"(?:{_date_end().pattern})$")


_SEPARATOR = regex.compile(f"[{_SEPARATORS}:：]")


def _after_date(text: str, start: int, name: str) -> bool:
    """Whether the short label `name` at `start` follows a date's end with no separator between
    (…28日文号:): so it counts only with its colon."""
    return (
        len(name) <= _SHORT
        and start > 0
        and not _SEPARATOR.match(text, start - 1)
        and bool(_ends_in_date().search(text, 0, start))
    )


@cache
def _label_starts() -> frozenset[str]:
    """Every character a match of `_matcher` can start with."""
    return frozenset({"【", "["} | {name[0] for name in _labels()})


def opens_label(char: str) -> bool:
    """Whether a label may start with `char` (or its simplified form: 發 of 發布單位)."""
    starts = _label_starts()
    return char in starts or simplified(char) in starts


@cache
def _group_names() -> dict[str, str]:
    names = sorted(_labels(), key=len, reverse=True)
    return {f"l{n}": name for n, name in enumerate(names)}


@cache
def _label_at_group() -> tuple[str, ...]:
    """The label each group of `_matcher` captures, by the group's place in `match.groups()`
    ("" for the colon): a match's groups come as a tuple far faster than as a dict of the
    eighty-odd label groups."""
    index = _matcher().groupindex
    labels = [""] * len(index)
    for key, name in _group_names().items():
        labels[index[key] - 1] = name
    return tuple(labels)


def _labels_in(text: str) -> list[tuple[str, int, int]]:
    """(label, start, end of label and colon) of every label written in `text`."""
    found: list[tuple[str, int, int]] = []
    label_at = _label_at_group()
    for match in _matcher().finditer(simplified(text)):
        name, written = next(
            (label_at[i], value) for i, value in enumerate(match.groups()) if value and label_at[i]
        )
        if text[match.start() - 1 : match.start()] in (":", "：") and (
            not found or found[-1][2] != match.start()
        ):
            # a short label right after a colon: only the next of labels run together with their
            # values empty (来源:发布者:时间:2022-06-02), never the first word of a value
            continue
        if _after_date(text, match.start(), name) and not match["colon"]:
            continue
        spread = any(char.isspace() for char in written)
        if _labels()[name].colon and not (
            match["colon"] or spread or _set_apart(text, found, match)
        ):
            continue
        found.append((name, match.start(), match.end()))
    return found


def _set_apart(text: str, found: list[tuple[str, int, int]], match: regex.Match) -> bool:
    """Whether a label written without its colon stands as a word of a line of pairs: after an
    earlier label, with spaces before it and between it and a value (来源：某县人民政府网
    2024-03-02 作者 王某), as a byline's labels often drop their colons after the first, or
    closing the line with its value empty (a grid's 有效性 编号)."""
    return (
        bool(found)
        and text[match.start() - 1 : match.start()].isspace()
        and (
            (match.group()[-1:].isspace() and match.end() < len(text))
            or not text[match.end() :].strip()
        )
    )


@cache
def _bare_source() -> regex.Pattern:
    rules = grammar.load_typed("metadata", MetadataGrammar)
    return rules.compile(rules.bare_source)


# A Markdown or plain-text list item (- 索引号:dqxs/2021-00027) leads a pair like a bullet.
# A label and its value (来信时间：2025-03-02), known to the label vocabulary or not: a field of a
# page, never a line of text or a title.
FIELD_SHAPED = regex.compile(r"^[•·\-\s]*\p{Han}[\p{Han}\s]{0,10}[:：]\s*\S")
_LEAD = regex.compile(f"^(?:[{_SEPARATORS}]|-(?=[{_SEPARATORS}]))*")


# A news site's byline may open with its reporters' names, unlabelled, before the stamp (某某
# 某某 发布时间:2018-04-04 08:59:00 来源: 某某日报: a regional news site, twenty-fifth reading):
# one to four names of two or three characters, each followed by spaces.
_REPORTERS = regex.compile(r"(?:\p{Han}{2,3}[ \t\u3000\xa0]+){1,4}")


# The value of a credit's label (`names`): a name or a few, Chinese or Latin, or nothing.
_NAMES = regex.compile(
    r"^(?:[\p{Han}·]{2,5}|[A-Za-z][A-Za-z .]{1,30})?(?:[\s、,，/]+[\p{Han}·]{2,5})*$"
)


def pairs(text: str) -> list[Pair]:
    """The label/value pairs of a line that starts with a portal label, else [] — or with its
    reporters' names before a publication stamp, the names then the value of 作者."""
    lead_match = _LEAD.match(text)  # made of optional parts: it always matches
    lead = lead_match.end() if lead_match else 0
    # a label at the lead starts with its first character or a bracket: most lines of a
    # document start with neither, and are spared the scan for every label
    if not opens_label(text[lead : lead + 1]):
        return _after_reporters(text, lead)
    found = _labels_in(text)
    if not found and text.startswith("来源", lead):
        return _bare_source_pair(text, lead)
    # a label in brackets (•【制定机关】…, [ 索引号 ]) starts at its bracket, which the lead took
    # as a separator
    if not found or found[0][1] > lead:
        return []
    if text[found[0][1] : lead].rstrip(" \t\u3000\xa0") not in ("", "【", "["):
        return []
    out: list[Pair] = []
    for n, (name, start, end) in enumerate(found):
        stop = found[n + 1][1] if n + 1 < len(found) else len(text)
        # …市人民政府办公室【字体：大 中 小】: the bracket opening the next label is not the value's
        value = text[end:stop].strip(_VALUE_EDGES).rstrip("【[").rstrip(_VALUE_EDGES)
        # 【信息来源：某州妇联】 【发布时间：…】: a pair a bracket opens is closed by its own
        # bracket, which is no part of the value
        if text[start] in _CLOSERS and value.endswith(_CLOSERS[text[start]]):
            value = value[:-1].rstrip(_VALUE_EDGES)
        entry = _labels()[name]
        if entry.names and not _NAMES.match(value):
            # a credit's label before no name: a step of a procedure (审核：县民政局对…), text
            return out
        out.append(Pair(name, entry.feeds, value, start))
    return out


def _bare_source_pair(text: str, lead: int) -> list[Pair]:
    """来源 glued to the organ it names on a line of its own (来源某部社会事务司), else []."""
    bare = _bare_source().match(text[lead:].rstrip())
    if bare is None:
        return []
    return [Pair("来源", feeds("来源"), bare["value"], lead)]


def _after_reporters(text: str, lead: int) -> list[Pair]:
    """The pairs of a byline whose reporters' names come before its publication stamp, the
    names as the value of 作者; [] for any other line (a row of spaced words before a 时间:
    in a plan's text stamps no publication)."""
    if "布" not in text:  # 发布, 發布, 發佈: most lines are spared the pattern
        return []
    names = _REPORTERS.match(text, lead)
    if names is None or not opens_label(text[names.end() : names.end() + 1]):
        return []
    stamp = pairs(text[names.end() :])
    if not stamp or not stamp[0].label.startswith("发布"):
        return []
    written = text[lead : names.end()].strip()
    shift = names.end()
    return [
        Pair("作者", _labels()["作者"].feeds, written, lead),
        *(Pair(p.label, p.feeds, p.value, p.start + shift) for p in stamp),
    ]


def bare_value(text: str) -> str:
    """A value written on its own line below its label, without the bullet or bar before it
    (• 001008003013001/2022-222792, or a Markdown list's - 2021-11-30)."""
    lead = _LEAD.match(text)
    return text[lead.end() if lead else 0 :].strip(_VALUE_EDGES)


def item_mark(text: str) -> str:
    """The bullet a line opens with as an item of a list (• 组配分类:, a Markdown list's -), or
    "" when it opens with none."""
    stripped = text.lstrip()
    return stripped[0] if stripped[:1] in _ITEM_MARKS else ""


_ITEM_MARKS = frozenset("•·●■◆▪►▶-*")


def label_at(text: str) -> tuple[str, str] | None:
    """(label, rest of the text) when `text` starts with a portal label, else None."""
    found = pairs(text)
    if not found:
        return None
    name, _, end = _labels_in(text)[0]
    return name, text[end:].strip()


def split_at_labels(text: str) -> list[str]:
    """`text` cut before every label it holds (索引号：… 发布机构：… → two pieces)."""
    starts = [start for _, start, _ in _labels_in(text)]
    cuts = [0, *(s for s in starts if s > 0), len(text)]
    return [piece for a, b in itertools.pairwise(cuts) if (piece := text[a:b].strip())]


def whole_label(text: str) -> str | None:
    """The label `text` is when it holds nothing else but spaces, a colon or brackets (a table
    cell: 标题, 索 引 号, 【发文字号】, 成文日期：), else None. A cell of its own sets a label apart
    as a colon does, so a `colon` label (标题, 名称) counts here without one."""
    key = simplified("".join(text.split()).strip("【】[]").rstrip(":：").strip("【】[]"))
    return key if key in _labels() else None


def row_pairs(cells: list[str]) -> str | None:
    """A row of table cells as one line of `label：value` pairs when it is a row of a portal's
    metadata block, else None: it opens with a label (perhaps one the vocabulary lacks, below)
    and holds one it knows, and each label cell is followed by its value's cell (| 标题 |
    某市…的通知 |, an empty cell for an empty value) or holds its value itself
    (索引号：1144…/2023-00123). Two label cells side by side are a table's header of column
    names (| 名称 | 文号 | 发布日期 |), unless the first wrote its colon (| 文件编号: |
    组配分类: | 政策解读 |: a field left empty, as county portals print) or the row is a row of
    fields shifted left (| 文号 | 发布机构 | 某街道 | |: a crawl dropped the empty value's cell and
    wrote an empty cell at the row's end instead, as a 浙江 county portal's page gave it); a cell
    that is neither label nor value makes a row of something else — but a short word in a
    label's place with a cell after it (信息类目 | 卫生健康 |: `unknown_label_cell`), a label the
    vocabulary lacks, whose pair is left out."""
    pieces: list[str] = []
    awaiting = False  # the last cell was a label alone: this cell is its value
    said_empty = False  # …and wrote its colon: a label cell after it leaves its value empty
    side_by_side = False  # two labels without a colon side by side: a header, unless shifted
    valued = False  # some label cell took its value from the next cell
    unknown = False  # the last cell was a label the vocabulary lacks: this cell is its value
    stripped = [cell.strip() for cell in cells]
    for k, cell in enumerate(stripped):
        label = whole_label(cell) if cell else None
        if label is not None:
            side_by_side |= awaiting and not said_empty
            pieces.append(f"{label}：")
            awaiting = True
            said_empty = cell.endswith((":", "："))
        elif awaiting:
            pieces[-1] += cell
            awaiting = False
            valued |= bool(cell)
        elif unknown:
            unknown = False
        elif cell and pairs(cell):
            pieces.append(cell)
        elif _unknown_label(stripped, k):
            unknown = True
        elif cell:
            return None
    if side_by_side and not (valued and stripped[-1] == ""):
        return None
    return "  ".join(pieces) if pieces else None


@cache
def _unknown_label_cell() -> regex.Pattern:
    rules = grammar.load_typed("metadata", MetadataGrammar)
    return rules.compile(rules.unknown_label_cell)


def _unknown_label(cells: list[str], k: int) -> bool:
    """Whether cell k stands in a label's place as a label the vocabulary lacks: a short word
    with a cell after it that is no label, its value (信息类目 | 卫生健康 |)."""
    return (
        k + 1 < len(cells)
        and bool(_unknown_label_cell().match(cells[k]))
        and whole_label(cells[k + 1]) is None
    )


def empty_field_row(cells: list[str]) -> bool:
    """Whether a row of barred cells is a field left empty under a label the vocabulary lacks
    (文件下载 | | | |, as a 江苏 portal's block of fields ends): a short word in a label's place
    (`unknown_label_cell`) and nothing in the cells after it. Only a row right under a line of
    fields is read so (a table's row 合计 | | | stays a row)."""
    stripped = [cell.strip() for cell in cells]
    return (
        len(stripped) > 1
        and not any(stripped[1:])
        and whole_label(stripped[0]) is None
        and bool(_unknown_label_cell().match(stripped[0]))
    )


def labels() -> list[str]:
    """Every label, in the grammar's order."""
    return list(_labels())


def feeds(label: str) -> str:
    """What the label's value goes to: a metadata field name, portal, furniture…"""
    return _labels()[label].feeds
