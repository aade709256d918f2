"""Canonical agency names: one spelling per agency across renames, abbreviations and cities.

区卫生计生委 (before 2018), 区卫生健康委 and 区卫健委 are one agency; 梅州's 市卫生健康局 is the
same function one level up. `canonical` maps a name as written to a stable spelling that keeps
the level (区/市/县…) and unifies the function, using the alias table of
`grammars/agencies.yaml`; `agency_key` drops the level too, for comparing functions across
places. Names the grammar does not know come back cleaned but otherwise unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from govdocparse.grammar import load
from govdocparse.model import Agency
from govdocparse.textutil import fold, squash_spaces

_LEVEL = "{level}"
# Outputs are Chinese names, so the ASCII punctuation that folding produces goes back to the
# full-width forms Chinese typesetting uses; 各县(市、区)人民政府 and 各县（市、区）人民政府 then agree.
_CHINESE_PUNCTUATION = str.maketrans({"(": "（", ")": "）", ",": "，", ":": "：", ";": "；"})
# A place name is a chain of administrative units: 重庆市万州区 = 重庆市 + 万州区. 州 ends a unit
# only in 自治州, since it is also the last character of names like 万州区 and 梅州市.
_PLACE_UNIT = re.compile(r".+?(?:自治州|[省市区县旗])")


@dataclass(frozen=True, slots=True)
class _Form:
    canonical: str
    key: str


def clean(name: str) -> str:
    """`name` without whitespace, compatibility forms folded (ＣＢＤ→CBD), brackets full-width."""
    # A few compatibility characters fold into a space plus a combining mark (¨ → " ̈"); folding
    # again once the space is gone composes the mark, so cleaning a clean name changes nothing.
    return fold(squash_spaces(fold(name))).translate(_CHINESE_PUNCTUATION)


def _with_level(template: str, level: str) -> str:
    """`template` (卫健委 or 团{level}委) spelled for `level` (区, 市…, or "" for none)."""
    return template.replace(_LEVEL, level) if _LEVEL in template else level + template


@cache
def _forms() -> dict[str, _Form]:
    """Every known spelling, cleaned, with its canonical form and key; conflicting spellings raise."""
    grammar = load("agencies")
    forms: dict[str, _Form] = {}

    def add(spelling: str, form: _Form) -> None:
        spelling = clean(spelling)
        if forms.setdefault(spelling, form) != form:
            raise ValueError(f"agencies.yaml: {spelling} means both {forms[spelling]} and {form}")

    for entry in grammar["agencies"]:
        template = entry["canonical"]
        key = template.replace(_LEVEL, "")
        # A level-free function name (卫健委 alone) is accepted too, except where the level sits
        # inside the name: 团委 or 委宣传部 without it is not the same unit.
        levels = grammar["levels"] if _LEVEL in template else ["", *grammar["levels"]]
        for level in levels:
            form = _Form(_with_level(template, level), key)
            for alias in [template, *entry["aliases"]]:
                add(_with_level(alias, level), form)
    for name in grammar["as_written"]:
        add(name, _Form(clean(name), clean(name)))
    return forms


@cache
def _place_prefixes(place: str) -> tuple[tuple[str, str], ...]:
    """(prefix, level) pairs for `place`, longest first: 重庆市万州区 gives 重庆市万州区→区, 万州区→区, 重庆市→市."""
    units = _PLACE_UNIT.findall(clean(place))
    prefixes = {
        "".join(units[first : last + 1]): units[last][-1]
        for first in range(len(units))
        for last in range(first, len(units))
    }
    return tuple(sorted(prefixes.items(), key=lambda item: len(item[0]), reverse=True))


def _lookup(name: str, place: str | None) -> _Form | None:
    forms = _forms()
    cleaned = clean(name)
    if cleaned in forms:
        return forms[cleaned]
    # A name spelled with the place (万州区卫生计生委) is the level's agency, if the rest is known.
    for prefix, level in _place_prefixes(place) if place else ():
        if cleaned.startswith(prefix) and level + cleaned[len(prefix) :] in forms:
            return forms[level + cleaned[len(prefix) :]]
    return None


def canonical(name: str, place: str | None = None) -> str:
    """The canonical spelling of agency `name`, level prefix kept: 区卫健委 → 区卫生健康委.

    `place` (重庆市万州区) lets names that spell the place out (万州区卫生计生委) resolve to
    their level (区卫生健康委). Unknown names return `clean(name)`.
    """
    form = _lookup(name, place)
    return form.canonical if form else clean(name)


def agency_key(name: str, place: str | None = None) -> str:
    """The agency's function without its level, for comparing places: 区卫健委 and 市卫生健康局 → 卫生健康委.

    Where the level sits inside the name it is simply left out (团市委 → 团委, 区委宣传部 →
    委宣传部). Unknown names return `clean(name)`, level included.
    """
    form = _lookup(name, place)
    return form.key if form else clean(name)


def known(name: str, place: str | None = None) -> bool:
    """Whether the grammar knows `name` (an agency or a listed unit such as 各镇乡街道)."""
    return _lookup(name, place) is not None


def to_agencies(names: list[str], place: str | None = None) -> list[Agency]:
    """Record `Agency` entries for unit names as written."""
    return [Agency(name=name, canonical=canonical(name, place)) for name in names]
