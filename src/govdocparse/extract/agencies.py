"""Canonical agency names: one spelling per agency within a place, across renames and abbreviations.

In Chongqing's districts 区卫生计生委 (before the 2018 reform), 区卫生健康委 and 区卫健委 are one
agency; a Hebei county's 县教育局 is that county's own name and stays so. `canonical` maps a
name as written to the spelling its place uses today, keeping the level (区/市/县…), using the
entries of `grammars/agencies.yaml` for the document's province; names of places the grammar
does not record, and documents whose province is not known, come back cleaned but otherwise as
written. `agency_key` drops the level and the place's style, for comparing functions across
places (区卫健委 and Meizhou's 市卫生健康局 are the same function).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from govdocparse.grammar import load_typed
from govdocparse.grammar_schema import AgenciesGrammar
from govdocparse.model import Agency
from govdocparse.textutil import fold, squash_spaces

from .metadata import place_chain, province_of

_LEVEL = "{level}"
# Outputs are Chinese names, so the ASCII punctuation that folding produces goes back to the
# full-width forms Chinese typesetting uses; 各县(市、区)人民政府 and 各县（市、区）人民政府
# then agree.
_CHINESE_PUNCTUATION = str.maketrans({"(": "（", ")": "）", ",": "，", ":": "：", ";": "；"})
_ANYWHERE = ""


@dataclass(frozen=True, slots=True)
class _Form:
    canonical: str
    key: str


@dataclass(frozen=True)
class _Table:
    forms: dict[tuple[str, str], _Form]  # (province or _ANYWHERE, spelling) → canonical form
    keys: dict[str, str]  # spelling, in any place's style → function key


def clean(name: str) -> str:
    """`name` without whitespace, compatibility forms folded (ＣＢＤ→CBD), brackets full-width."""
    # A few compatibility characters fold into a space plus a combining mark (¨ → " ̈"); folding
    # again once the space is gone composes the mark, so cleaning a clean name changes nothing.
    return fold(squash_spaces(fold(name))).translate(_CHINESE_PUNCTUATION)


def _with_level(template: str, level: str) -> str:
    """`template` (卫健委 or 团{level}委) spelled for `level` (区, 市…, or "" for none)."""
    return template.replace(_LEVEL, level) if _LEVEL in template else level + template


@cache
def _table() -> _Table:
    """Every known spelling, cleaned; conflicting spellings raise."""
    grammar = load_typed("agencies", AgenciesGrammar)
    forms: dict[tuple[str, str], _Form] = {}
    keys: dict[str, str] = {}

    def add(where: str, spelling: str, form: _Form) -> None:
        spelling = clean(spelling)
        if forms.setdefault((where, spelling), form) != form:
            raise ValueError(
                f"agencies.yaml: {spelling} means both {forms[where, spelling]} and {form}"
            )
        keys.setdefault(spelling, form.key)

    for entry in grammar.agencies:
        template = entry.canonical
        key = template.replace(_LEVEL, "")
        # A level-free function name (卫健委 alone) is accepted too, except where the level sits
        # inside the name: 团委 or 委宣传部 without it is not the same unit.
        levels = grammar.levels if _LEVEL in template else ["", *grammar.levels]
        spellings = [template, *entry.aliases, *(n for r in entry.renames for n in r.names)]
        for level in levels:
            form = _Form(_with_level(template, level), key)
            for province in entry.places:
                for spelling in spellings:
                    add(province, _with_level(spelling, level), form)
            for spelling in entry.elsewhere:
                keys.setdefault(clean(_with_level(spelling, level)), key)
    for unit in grammar.as_written:
        add(_ANYWHERE, unit.name, _Form(clean(unit.name), clean(unit.name)))
    return _Table(forms, keys)


@cache
def _place_prefixes(place: str) -> tuple[tuple[str, str], ...]:
    """(prefix, level) pairs for `place`, longest first.

    重庆市万州区 gives 重庆市万州区→区, 万州区→区, 重庆市→市; a township's level is 乡, 镇 or
    街道 (城关街道 → 街道).
    """
    units = place_chain(clean(place))
    levels = ["街道" if unit.endswith("街道") else unit[-1] for unit in units]
    prefixes = {
        "".join(units[first : last + 1]): levels[last]
        for first in range(len(units))
        for last in range(first, len(units))
    }
    return tuple(sorted(prefixes.items(), key=lambda item: len(item[0]), reverse=True))


def _spellings(name: str, place: str | None) -> list[str]:
    """`name` cleaned, then with the place it spells out replaced by its level (万州区卫生计生委
    → 区卫生计生委), longest place first."""
    cleaned = clean(name)
    out = [cleaned]
    for prefix, level in _place_prefixes(place) if place else ():
        if cleaned.startswith(prefix) and len(cleaned) > len(prefix):
            out.append(level + cleaned[len(prefix) :])
    return out


def _lookup(name: str, place: str | None) -> _Form | None:
    forms = _table().forms
    province = province_of(place) if place else None
    for spelling in _spellings(name, place):
        for where in (_ANYWHERE, province):
            if where is not None and (where, spelling) in forms:
                return forms[where, spelling]
    return None


# A table names the same few agencies on row after row (区卫健委, 区教委 …).
@lru_cache(maxsize=4096)
def canonical(name: str, place: str | None = None) -> str:
    """The spelling the document's place uses for agency `name`, level kept.

    `place` is the document's jurisdiction with its province (重庆市万州区): there, 区卫健委 and
    区卫生计生委 → 区卫生健康委, and 万州区卫生计生委 → 区卫生健康委. Elsewhere, without a
    place, and for unknown names: `clean(name)`.
    """
    form = _lookup(name, place)
    return form.canonical if form else clean(name)


def agency_key(name: str, place: str | None = None) -> str:
    """The agency's function without level or local style: 区卫健委, 县卫生健康局 → 卫生健康委.

    Where the level sits inside the name it is simply left out (团市委 → 团委, 区委宣传部 →
    委宣传部). Unknown names return `clean(name)`, level included.
    """
    form = _lookup(name, place)
    if form:
        return form.key
    keys = _table().keys
    return next((keys[s] for s in _spellings(name, place) if s in keys), clean(name))


def known(name: str, place: str | None = None) -> bool:
    """Whether the grammar knows `name` in any place (an agency or a unit such as 各镇乡街道)."""
    keys = _table().keys
    return any(spelling in keys for spelling in _spellings(name, place))


def to_agencies(names: list[str], place: str | None = None) -> list[Agency]:
    """Record `Agency` entries for unit names as written."""
    return [Agency(name=name, canonical=canonical(name, place)) for name in names]
