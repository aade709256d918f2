"""The units vocabulary: reads grammars/units.yaml (typed) and answers every question about a unit
as written — its canonical spelling, its kind, what it compares as, and the pattern of a unit
written after a number.

A unit as written is a known spelling (％, 百分点, 名, 平方米), optionally with a scale before it
when its kind allows one (3.5万个, 15万平方米) and a denominator after it (元/生·年, 个/千人):

    canonical("元／人.月") == "元/人·月"      kind("万平方米") == "area"
    canonical("百分点") == "个百分点"           compares_as("所") == "个"
    canonical("人/万人") == "人/万人"           canonical("X:100") is None (a type marker)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from .grammar import alternation, load_typed
from .grammar_schema import UnitKind, UnitsGrammar
from .textutil import fold, squash_spaces

__all__ = [
    "canonical",
    "compares_as",
    "is_type_marker",
    "is_unit",
    "kind",
    "level_of_change",
    "pattern",
    "rules",
    "spellings",
]


def rules() -> UnitsGrammar:
    """The units grammar in use (GOVDOCPARSE_GRAMMARS can point at an edited copy)."""
    return load_typed("units", UnitsGrammar)


def _any_width(spelling: str) -> str:
    """A spelling as a pattern that also matches its full-width form (％, ／, １)."""
    out = []
    for ch in spelling:
        code = ord(ch)
        if 0x21 <= code <= 0x7E:
            out.append(f"[{regex.escape(ch)}{chr(code + 0xFEE0)}]")
        else:
            out.append(regex.escape(ch))
    return "".join(out)


def _any_width_alternation(words) -> str:
    return "|".join(_any_width(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@dataclass(frozen=True)
class _Compiled:
    base_of: dict[str, str]  # folded spelling → canonical unit
    scalable: frozenset[str]  # folded spellings a scale may precede
    parts: regex.Pattern  # a whole unit as written, folded: scale, base, rate
    joiners: regex.Pattern
    after_number: str  # pattern source: a unit right after a number, any width
    type_markers: frozenset[str]


@cache
def _compiled() -> _Compiled:
    g = rules()
    base_of: dict[str, str] = {}
    for name, unit in g.units.items():
        for spelling in (name, *unit.spellings):
            base_of[fold(spelling)] = name
    scalable = frozenset(s for s, name in base_of.items() if g.units[name].kind in g.scalable_kinds)
    scales = alternation(fold(s) for s in g.scale_prefixes)
    joiners = alternation(fold(j) for j in g.per_joiners)
    per_word = f"(?:{alternation(fold(s) for s in g.per_scales)})?(?:{alternation(g.per)})"
    rate = f"/{per_word}(?:(?:{joiners}){per_word})*"
    # A known spelling first: 千米 is a spelling of 公里, not 千 + 米.
    parts = regex.compile(
        f"(?:(?P<base>{alternation(base_of)})|(?P<scale>{scales})(?P<scaled>{alternation(scalable)}))"
        f"(?P<rate>{rate})?"
    )
    # After a number, a spelling that opens with a digit (1/10万) is written without it (14/10万).
    spoken = [s for s in base_of if not s[0].isdigit()]
    width_scales = _any_width_alternation(g.scale_prefixes)
    width_joiners = _any_width_alternation(g.per_joiners)
    width_per = f"(?:{_any_width_alternation(g.per_scales)})?(?:{_any_width_alternation(g.per)})"
    # After a number the scale is tried first: 3万个 is 3 万个, not 3 万 and a stray 个.
    after_number = (
        f"(?:(?:{width_scales})(?:{_any_width_alternation(scalable)})"
        f"|(?:{_any_width_alternation(spoken)}))"
        f"(?:[/／]{width_per}(?:(?:{width_joiners}){width_per})*)?"
    )
    return _Compiled(
        base_of=base_of,
        scalable=scalable,
        parts=parts,
        joiners=regex.compile(joiners),
        after_number=after_number,
        type_markers=frozenset(fold(m) for m in g.type_markers),
    )


def _key(text: str) -> str:
    return squash_spaces(fold(text)).strip("()[]")


@dataclass(frozen=True)
class _Parts:
    scale: str
    base: str  # canonical unit
    rate: tuple[str, ...]  # denominators as written (folded)


@lru_cache(maxsize=2048)
def _parts(text: str) -> _Parts | None:
    c = _compiled()
    key = _key(text)
    m = c.parts.fullmatch(key) if key else None
    if not m:
        return None
    spelling = m["scaled"] or m["base"]
    rate = tuple(w for w in c.joiners.split(m["rate"][1:]) if w) if m["rate"] else ()
    return _Parts(m["scale"] or "", c.base_of[spelling], rate)


def pattern() -> str:
    """Regex source (no groups) matching a unit written right after a number, in either width:
    %, ％, 个百分点, 万人次, 元/生·年, 个/千人, /10万. Use it inside a larger pattern."""
    return _compiled().after_number


def canonical(text: str | None) -> str | None:
    """The canonical spelling of a unit as written (％ → %, 百分点 → 个百分点, /10万 → 1/10万,
    元／人.月 → 元/人·月, 3.5万个's 万个 stays 万个); None when `text` is not a unit."""
    if not text:
        return None
    p = _parts(text)
    if p is None:
        return None
    return p.scale + p.base + ("/" + "·".join(p.rate) if p.rate else "")


def kind(text: str | None) -> UnitKind | None:
    """What a unit measures (percent, count, money, area, …); a rate has its numerator's kind."""
    p = _parts(text) if text else None
    return rules().units[p.base].kind if p else None


def compares_as(text: str | None) -> str | None:
    """The unit a measure in `text` is compared as across documents: 名 → 人, 所 → 个,
    元/人·月 → 元 (a rate compares as its numerator), 万人 → 万人; None when not a unit."""
    p = _parts(text) if text else None
    if p is None:
        return None
    return p.scale + (rules().units[p.base].compares_as or p.base)


# Kinds of unit a change may be stated in relative to its level: 下降18% of a death rate in
# 1/10万 is a fifth less, not 18 points, so such a change says nothing of the level's unit.
_RELATIVE_KINDS = frozenset({"percent", "permille", "per_myriad", "per_100k"})


def level_of_change(text: str | None) -> str | None:
    """The unit of the level that a change written in `text` moves, canonical: a change in points
    moves a rate in % (0.5个百分点 → %), a change in things, money or time moves a level in the
    same unit (增加10个 → 个); a change in %, ‰ … may be relative to the level and says nothing
    (None), and so does text that is no unit."""
    unit = canonical(text)
    k = kind(unit)
    if k is None or k in _RELATIVE_KINDS:
        return None
    if k == "percentage_point":
        return compares_as(unit)
    return unit


def is_unit(text: str | None) -> bool:
    """True when the whole of `text` is a unit (a 单位 cell, a name's bracket （元/人·月））."""
    return text is not None and _parts(text) is not None


def spellings(of_kind: UnitKind) -> list[str]:
    """Every spelling of the units of one kind, canonical ones included (count: 个, 所, 名 …)."""
    return sorted(
        s for s, name in _compiled().base_of.items() if rules().units[name].kind == of_kind
    )


@cache
def _per_first() -> regex.Pattern:
    g = rules()
    per = f"(?:{alternation(g.per_scales)})?(?:{alternation(g.per)})"
    money = alternation(spellings("money"))
    scales = alternation(g.scale_prefixes)
    return regex.compile(
        rf"(?P<per>(?:{regex.escape(g.per_first)}{per})+)"
        rf"(?P<amount>[0-9０-９]+(?:[.．][0-9０-９]+)?(?:{scales})?(?:{money}))(?![/／])"
    )


def per_first(text: str) -> str:
    """`text` with every money rate written denominators first as a rate unit: 每人每月300元 →
    300元/人·月 (`per_first` of grammars/units.yaml). The rewrite keeps the length, so a position
    in either text is the same words'."""
    word = rules().per_first
    if word not in text:
        return text
    joiner = rules().per_joiners[0]

    def rate(m: regex.Match) -> str:
        denominators = m.group("per").split(word)[1:]
        return m.group("amount") + "/" + joiner.join(denominators)

    return _per_first().sub(rate, text)


def is_type_marker(text: str | None) -> bool:
    """是/否, X:100: a 单位 value saying what kind of value the row holds, not a unit."""
    return text is not None and _key(text) in _compiled().type_markers
