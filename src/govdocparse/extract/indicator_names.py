"""Indicator names as written: one reading for the table reader (the record's name) and the
crosswalk (the parts it compares).

A name may open with the 其中： of a sub-row and end in brackets, each one of
- a unit: 孕产妇死亡率（1/10万）, 集中供养孤儿基本生活保障平均标准（元/人·月）;
- an alias naming the same measure, which ends in a measure head:
  学前三年毛入园率（学前教育毛入园率）;
- a qualifier that changes what is measured: 女性青壮年文盲率（15—50岁）, 出生婴儿性别比（以女孩为
  100）, 城市公办幼儿园数（城区）, 城乡低保对象人数（用于城市居民最低生活保障人数）.

`trailing_brackets(name)` reads them from the end; `clean_name(raw)` gives the record's name (a
qualifier stays in it), unit and aliases; `subrow_name(name, parent)` names a sub-row in full;
`names_a_measure(name)` tells a measure (…率, …数) from a project's name.
Vocabulary: `name` and `measure_heads` of grammars/indicators.yaml, the qualifier classes of
grammars/indicator_synonyms.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal, NamedTuple

import regex as re

from .. import units
from ..grammar import alternation, load
from ..textutil import fold, squash_spaces

__all__ = ["Bracket", "clean_name", "names_a_measure", "subrow_name", "trailing_brackets"]

_TRAILING = re.compile(r"^(?P<head>.+?)[（(](?P<inner>[^（）()]*)[）)]$")


class Bracket(NamedTuple):
    """A bracket closing a name: where it opens in the name, what it holds and what that is."""

    start: int
    inner: str
    kind: Literal["unit", "alias", "qualifier"]


@dataclass(frozen=True)
class _Rules:
    subrow_prefix: re.Pattern
    qualifier: re.Pattern
    qualifier_words: frozenset[str]
    alias_min: int
    head: re.Pattern
    subrow_share: re.Pattern
    subrow_words: re.Pattern
    subrow_classes: dict[str, tuple[str, str]]
    subrow_overlap: int


@cache
def _rules() -> _Rules:
    g = load("indicators")
    n = g["name"]
    classes = _qualifier_words(n["subrow_qualifier_classes"])
    return _Rules(
        subrow_prefix=re.compile(n["subrow_prefix"]),
        qualifier=re.compile(n["qualifier"]),
        qualifier_words=frozenset(n["qualifier_words"]),
        alias_min=n["alias_min_chars"],
        head=re.compile(rf"(?:{alternation(g['measure_heads'])})$"),
        subrow_share=re.compile(n["subrow_share"]),
        subrow_words=re.compile(alternation([*classes, *g["measure_heads"]])),
        subrow_classes=classes,
        subrow_overlap=n["subrow_overlap_min"],
    )


def _qualifier_words(classes: list[str]) -> dict[str, tuple[str, str]]:
    """spelling -> (class, canonical) for the crosswalk's qualifier classes (population, area,
    stage) and its generic words, from grammars/indicator_synonyms.yaml: one vocabulary for both
    readers of names."""
    synonyms = load("indicator_synonyms")
    qualifiers = synonyms.get("qualifiers") or {}
    words = {
        spelling: (klass, canonical)
        for klass in classes
        for canonical, spellings in (qualifiers.get(klass) or {}).items()
        for spelling in spellings
    }
    return words | {spelling: ("generic", "") for spelling in synonyms.get("generic") or []}


def _kind(inner: str) -> Literal["unit", "alias", "qualifier"]:
    if units.is_unit(inner):
        return "unit"
    r = _rules()
    key = fold(inner)
    if len(key) < r.alias_min or key in r.qualifier_words or r.qualifier.search(key):
        return "qualifier"
    return "alias" if r.head.search(key) else "qualifier"


def trailing_brackets(name: str) -> list[Bracket]:
    """The brackets closing `name`, last first (in either width: （%） or (%)); a bracket that is
    the whole name closes nothing."""
    found = []
    while m := _TRAILING.match(name):
        found.append(Bracket(m.end("head"), m["inner"], _kind(m["inner"])))
        name = m["head"]
    return found


def names_a_measure(name: str) -> bool:
    """Whether a name ends in a measure head (…率, …数, …比例) and so names a measure."""
    return bool(_rules().head.search(name))


def clean_name(name_raw: str) -> tuple[str, str | None, list[str]]:
    """(clean name, unit from a trailing bracket, aliases) of an indicator name as written.

    Drops 其中： and spaces; peels brackets from the end: a unit （%）, then aliases
    （学前教育毛入园率）; a qualifier （15—50岁）, （以女孩为100）, （城区） stops the peeling and
    stays in the name, since it changes what is measured.
    """
    name = _rules().subrow_prefix.sub("", squash_spaces(name_raw), count=1)
    unit: str | None = None
    aliases: list[str] = []
    end = len(name)
    for bracket in trailing_brackets(name):
        if bracket.kind == "unit" and unit is None and not aliases:
            unit = bracket.inner
        elif bracket.kind == "alias":
            aliases.insert(0, bracket.inner)
        else:
            break
        end = bracket.start
    return name[:end], unit, aliases


def subrow_name(name: str, parent: str) -> str:
    """The full name of a sub-row: parent（sub） when the sub-row only qualifies its parent row
    (孕产妇死亡率 / 其中：城市 → 孕产妇死亡率（城市）; 生育保险参保人数 / 女性比例 →
    生育保险参保人数（女性比例）), the parent continued when the sub-row repeats its end
    (建有儿童之家的城乡社区（村） / 城乡社区（村）覆盖率 → 建有儿童之家的城乡社区（村）覆盖率);
    a sub-row naming a measure of its own keeps its name (小学生近视率, 卡介苗接种率)."""
    r = _rules()
    for size in range(min(len(name), len(parent)) - 1, r.subrow_overlap - 1, -1):
        if parent.endswith(name[:size]):
            return parent + name[size:]
    if _names_a_sibling(name, parent):
        return name
    if r.subrow_share.match(name) or len(r.subrow_words.sub("", name)) <= 1:
        return f"{parent}（{name}）"
    return name


def _names_a_sibling(name: str, parent: str) -> bool:
    """Whether a sub-row names another value of a qualifier its parent has: 初中在校生中女生比例
    under 小学在校生中女生比例 is the lower-secondary share, not a part of the primary one."""
    r = _rules()

    def values(text: str) -> dict[str, str]:
        found = (r.subrow_classes.get(m.group(0)) for m in r.subrow_words.finditer(text))
        return {klass: canonical for klass, canonical in filter(None, found) if klass != "generic"}

    own, above = values(name), values(parent)
    return any(klass in above and above[klass] != value for klass, value in own.items())
