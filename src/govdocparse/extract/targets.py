"""Reads target expressions — a table cell such as ＜8, 50左右, 逐步提高, or a goal predicate
such as 分别控制在14/10万、8‰以内 — into `TargetAtom`s.

Public functions
----------------
`parse_target(text, unit=None) -> list[TargetAtom]`
    Every target stated in `text`, in order. `unit` is the unit of the table row; a value written
    without a unit takes it (`unit_from_row=True`). Never raises; [] when the text states no target
    (empty, —, －, /, the type markers 是/否 and X:100); one `op="text"` atom when nothing in it is
    understood. When the text states targets for several measures it names, each atom's
    `indicator` is its measure (see "Lists" below).
`parse_distributive(sentence, unit=None) -> list[TargetAtom]`
    The atoms of a goal sentence with `indicator` set to the measure each belongs to, a single
    measure included, expanding shared heads and tails of 分别 lists (see its docstring).
`expand_measures(subject) -> list[str]`
    新生儿、婴儿和5岁以下儿童死亡率 → [新生儿死亡率, 婴儿死亡率, 5岁以下儿童死亡率].
`level_unit(atoms) -> str | None`
    The unit a measure's level is stated in, as a record's `unit` gives it: 以2020年为基数下降18%
    says nothing of it (None), 每年降低0.5个百分点 says %.

Reading rules (the decisions behind ambiguous forms)
----------------------------------------------------
* Quantities are found before anything else, on the width-folded text with whitespace removed, so
  14/10万 is 14 in 1/10万, 逐步\\n提高 is one expression and ≥ 10 % is ≥10%. Brackets and quotes are
  ignored: （≥95） reads as ≥95. Numbers are read as written (extract/quantities.py): 1,500 and
  2，000, 五百, 三千九百六十五, 一百七 (170), 两, 四分之一, 百分之九十五 and 九成 (in %). Dates
  (2025年底, 3月10日) are not quantities.
* Units are those of grammars/units.yaml (govdocparse.units), kept whole and canonical: 万/亿
  belong to the unit for Arabic and Chinese numerals alike (32.14万人, 一万人 → 万人, 3.5万个 →
  万个, 15万平方米), and so does a denominator (1000元/生·年, 4.5个/千人, 0.8人/万人).
* A level: the comparison written around the quantity gives `op` (≥, 不低于, 至少, 以上,
  或以上, 不早于 → >=; ≤, 不超过, 不大于, 以下, 以内, 之下, 不晚于 → <=; ＜ → <; ＞, 超过 → >;
  约, 左右 → ~);
  none, or only 达到/为, gives `=`. 以上, 以下 and 以内 include the number, as Chinese legal
  usage defines them. A word after the quantity wins over one before it. A level verb that
  implies a movement sets `direction` too: 降至38%以下 is <= 38 % decrease, 控制在10%以内 is <=
  control, 保持在85%以上 is >= maintain, 提高到90% is = 90 increase.
* A count of none written as a word (安全事件零发生, 零事故) is = 0 and states its own comparison.
* A lower and an upper bound one after the other (大于10小于20, 最多100最少20, 不低于10%且不高于
  20%) and two quantities closed by 之间 (在20和30之间) are one `range`.
* A change: an increase/decrease word directly governing the quantity (下降18%, 降低0.5个百分点)
  makes an atom with `change=True` whose value/unit is the size of the change, bounded by `op`:
  下降18% is = 18 %, 力争每年降低0.5个百分点以上 is >= 0.5 个百分点 [力争, 每年], 下降10%至15% is a
  range. 以2020年为基数 and 比2020年 set `baseline_year`. Only a movement has a size: 保持100% is a
  level = 100 maintain, 控制5% is = 5 control.
* A direction word is read into a quantity's atom only when it governs it directly or through a
  level verb; elsewhere in the clause (建立稳定合作关系的组织不少于1家) it belongs to another verb
  and is ignored. A bound word not next to a quantity is part of a name (二级以上幼儿园).
* A direction with no quantity (逐年提高, 得到控制, 保持合理比例) is an `op="direction"` atom
  (`change=True` for increase and decrease); when a segment has several direction words the last
  is the predicate (上升趋势得到控制 → control).
* A target measured against something other than a number names it in `reference`: after a
  comparison word or a level verb (高于全市平均水平 is > 全市平均水平, 不低于中心校,
  逐步提高至全市平均水平), inside a frame (与女职工比例相适应 is ~ 女职工比例, 与上年持平,
  比全市平均水平低), or as the base of a change (较同档成年人住院报销比例提高5个百分点). A
  comparison with neither a number nor a reference is `op="text"`.
* 0-17, 1~2, 1—2, 五至十 are `range` (value, value_max); 2︰3 and 1:1 are `ratio`, and a bound
  word around a ratio bounds its quotient in `bound` (不低于1:5 is ratio 1:5 bound >=); a whole
  cell 是/否 is `bool` 1/0 and carries no unit.
* Values are floats as written (47.40% → 47.4). Fractions are dimensionless: 下降1/6 is 0.1667 (four
  decimals; `raw` keeps 1/6) with no unit, never the row's.
* Chinese numerals count only where they are a quantity: followed by a unit (两个, 一所), bound by
  an operator, or the whole cell; 进一步, 统一, 学前三年毛入园率 contain none. A numeral running
  into a word is a quantity only when it has a scale and counts things (建设五百个儿童之家, not
  两个规划 or 十年规划). A quantity in an age unit followed by a noun (5岁以下儿童, 0-6岁儿童)
  names a population and is not a target. A quantity running into a word after a direction that
  does not govern it directly is in the direction's object (降低儿童三项死亡率 is decrease), and so
  is a Chinese numeral after an adverb (持续推进两所中职学校 states no count).
* A qualifier that may open a name (基本, 全面, 每天, 每日, 每年: `qualifiers_in_names`) belongs
  to the measure when the words after it, up to the predicate, end in a measure: 提高妇女基本
  养老保险参保率 is increase of 妇女基本养老保险参保率, not increase [基本] of 妇女.
* Lists: 分别降至3.0‰、4.0‰和6.0‰以下 gives one atom per quantity; a bound word after the last item
  and a change word before the first (分别下降10%和5%) apply to every item of a list joined only by
  、和及与. A number opening a clause and followed by . or 、 (8.培养…) is a list number. When the
  text names the measure of every atom — a 分别 list after its subject, values each after its
  group (小学生1000元/生·年、初中生1250元/生·年), or clauses each with its own measure — and every
  name is a measure or a group, `indicator` holds it; otherwise it is left empty. Items that are
  one word of a class (小学、初中在校生中女生占比: stages) share what the last item writes after
  its own word: 小学在校生中女生占比. One target shared by a list of measures (…床位数和…医生数
  高于全市平均水平, 甲率和乙率得到有效控制) gives one atom per measure, each with the target.
* `qualifier` keeps 力争, 逐步, 每年 … (grammars/targets.yaml) in order of appearance.
* `raw` is the original text of the piece of the input stating the atom: the input is cut between
  atoms at the clause break (，；。) or list separator (、和) between them, and each piece stays
  inside its clause — so a single target's raw is the whole cell, and 分别降至3.0‰、4.0‰和6.0‰以下
  gives 分别降至3.0‰ / 4.0‰ / 6.0‰以下.
"""

from __future__ import annotations

import math
import string
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import pairwise
from typing import Any

import regex

from govdocparse import units
from govdocparse.grammar import alternation, load
from govdocparse.model import TargetAtom
from govdocparse.textutil import fold, squash_spaces

from .quantities import number_pattern, read_number, split_scale

__all__ = ["base_year", "expand_measures", "level_unit", "parse_distributive", "parse_target"]

# Dropped before matching, like whitespace: they wrap values (（≥95）) and asides (60人（含）以下).
_TRANSPARENT = frozenset("()[]{}【】〔〕《》〈〉“”‘’\"'「」『』")
_BINDERS = frozenset({"op_pre", "level", "dir", "qual", "base", "marker", "ref_open", "ref_level"})
_QUANTITIES = frozenset({"qty", "range", "ratio"})
# Words that set a level: a Chinese numeral running into a word after one is a count (至少建设一个
# 儿童之家), after only a direction or an adverb it is part of the object (降低儿童三项死亡率).
_COMPARISONS = frozenset({"op_pre", "level", "marker", "ref_open", "ref_level"})
_GOVERNORS = frozenset({"op_pre", "level", "dir", "ref_open"})
# Where the words of a name end: the first word of the predicate or the clause end.
_PREDICATES = _BINDERS | _QUANTITIES | {"op_post", "aux", "clause"}
# Only a movement has a size: 下降18% is a change, 保持100% and 控制5% hold a level.
_CHANGES = frozenset({"increase", "decrease"})
_LOWER, _UPPER = frozenset({">", ">="}), frozenset({"<", "<="})
_BOUNDS = _LOWER | _UPPER
# A Chinese numeral running into a word counts as a quantity only in these kinds of unit
# (建设五百个儿童之家); in others it names something (十年规划, 三年行动).
_COUNTED = frozenset({"count", "money", "area", "length"})
_YEAR = r"(?:19|20)[0-9]{2}"
# A reference is a short phrase: no digits, no punctuation.
_REF = "[^0-9,;。、:!?]{2,20}?"
_REF_MAX = 30


@dataclass(frozen=True, slots=True)
class _Rules:
    scanner: regex.Pattern
    qty_parts: regex.Pattern
    range_parts: regex.Pattern
    keywords: dict[str, tuple[str, object]]
    multiples: dict[str, int]
    population_units: frozenset[str]
    no_target_chars: frozenset[str]
    booleans: dict[str, int]
    ref_openers: tuple[regex.Pattern, ...]
    ref_levels: tuple[tuple[str, regex.Pattern], ...]
    comparatives: dict[str, tuple[str, str]]
    ref_takers: frozenset[str]
    ref_trailing: tuple[str, ...]
    bound_joiners: frozenset[str]
    subject_prefix: regex.Pattern
    list_split: regex.Pattern
    list_mark: regex.Pattern
    endings: tuple[str, ...]
    population: regex.Pattern
    tail_openers: tuple[str, ...]
    name_qualifiers: frozenset[str]
    parallel: regex.Pattern | None
    parallel_class: dict[str, str]
    head_verbs: tuple[str, ...]
    measure_word: regex.Pattern


def _with_first_chars(source: str) -> regex.Pattern:
    """`source` compiled behind a look-ahead for the characters a match can start with. Most of a
    text is words no alternative starts with; the look-ahead rejects them at once instead of
    trying every alternative (three times faster). A match starts with a character written in the
    pattern or an ASCII one, so trying those (partial matching) finds them all."""
    pattern = regex.compile(source)
    candidates = set(source) | set(string.printable)
    firsts = "".join(sorted(c for c in candidates if pattern.match(c, partial=True)))
    return regex.compile(f"(?=[{regex.escape(firsts)}])(?:{source})")


def population_words() -> list[str]:
    """Words naming whom or where a measure is about: the crosswalk's qualifiers of the classes
    `measures.population_classes` of grammars/targets.yaml and its `generic` words
    (grammars/indicator_synonyms.yaml), the one population vocabulary every reader of names
    uses."""
    classes = load("targets")["measures"]["population_classes"]
    synonyms = load("indicator_synonyms")
    qualifiers = synonyms.get("qualifiers") or {}
    words = [
        spelling
        for klass in classes
        for spellings in (qualifiers.get(klass) or {}).values()
        for spelling in spellings
    ]
    return words + list(synonyms.get("generic") or [])


def _population_nouns() -> regex.Pattern:
    """The population words (`population_words`), except where one opens a name of a thing
    (儿童之家, 妇女之家: the crosswalk's `concepts`, grammars/indicator_synonyms.yaml), so
    儿童之家覆盖率 lends no head 儿童 to the items after it."""
    concepts = load("indicator_synonyms").get("concepts") or []
    return regex.compile(f"(?!{alternation(concepts)})(?:{alternation(population_words())})")


def _measure_word() -> regex.Pattern:
    """What a name ends in when it says what it measures (覆盖率, 死亡率): the crosswalk's heads
    (grammars/indicator_synonyms.yaml), two characters or more."""
    heads = load("indicator_synonyms").get("heads") or {}
    words = [s for spellings in heads.values() for s in spellings if len(s) >= 2]
    return regex.compile(f"(?:{alternation(words)})$")


@cache
def _rules() -> _Rules:
    g = load("targets")
    keywords: dict[str, tuple[str, object]] = {}
    for op, words in g["prefix_operators"].items():
        keywords.update((w, ("op_pre", op)) for w in words)
    for op, words in g["suffix_operators"].items():
        keywords.update((w, ("op_post", op)) for w in words)
    keywords.update((w, ("level", d)) for w, d in g["levels"].items())
    for d, words in g["directions"].items():
        keywords.update((w, ("dir", d)) for w in words)
    keywords.update((w, ("qual", None)) for w in g["qualifiers"])
    keywords.update((w, ("filler", None)) for w in g["fillers"])
    keywords.update((w, ("aux", None)) for w in g["auxiliaries"])
    keywords.update((w, ("marker", None)) for w in g["distributive_markers"])

    quantity = number_pattern()
    unit = f"(?:{units.pattern()})"
    mark = f"(?:{alternation(g['range_marks'])})"
    between = g["between"]
    joiners = f"(?:{alternation(between['joiners'])})"
    joined = f"(?:{mark}|{joiners})"
    closing = f"(?:{alternation(between['words'])})"
    baseline = "|".join(p.replace("{year}", _YEAR) for p in g["baselines"])
    # Dates are not quantities: 2021—2025年, 2025年底, 3月10日前, 2024-03-14 (6月龄 is an age).
    year = (
        f"{_YEAR}[-./][0-9]{{1,2}}[-./][0-9]{{1,2}}(?![0-9])"
        f"|{_YEAR}年?{mark}{_YEAR}年"
        f"|(?:{_YEAR}年)?[0-9]{{1,2}}月(?!龄)(?:[0-9]{{1,2}}日)?(?:底|末|前|初|起|以来)?"
        f"|{_YEAR}年(?:底|末|前|初|起|度|以来)?"
    )
    not_before = alternation(g["keyword_not_before"])

    refs = g["references"]
    movement = alternation(
        w for w, (kind, _) in keywords.items() if kind in ("dir", "level", "qual")
    )
    ref = f"(?!{movement}){_REF}"
    comparatives = alternation(refs["comparatives"])
    openers = [f.replace("{ref}", f"(?P<ref>{ref})") for f in refs["openers"]]
    levels = [
        (op, f.replace("{ref}", f"(?P<ref>{ref})")) for op, fs in refs["levels"].items() for f in fs
    ]
    unnamed = f"(?:{ref})"
    ref_open = (
        "(?:" + "|".join(f.replace("{ref}", unnamed) for f in refs["openers"]) + ")"
        f"(?=(?:{comparatives}|{movement}))(?:{comparatives})?"
    )
    ref_level = "|".join(
        f.replace("{ref}", unnamed) for _, fs in refs["levels"].items() for f in fs
    )

    scanner = _with_first_chars(
        f"(?P<plain>{alternation(g['plain_words'])})"
        f"|(?P<zero>{alternation(g['zero_words'])})"
        f"|(?P<full>{alternation(g['full_words'])})(?!率)"
        f"|(?P<multiple>{alternation(g['multiple_words'])})"
        f"|(?P<base>{baseline})"
        f"|(?P<ref_level>{ref_level})"
        f"|(?P<ref_open>{ref_open})"
        f"|(?P<year>{year})"
        f"|(?P<ratio>[0-9]+(?:\\.[0-9]+)?:[0-9]+(?:\\.[0-9]+)?)"
        # 1~2, 0-17; joined by 和/与/、 only when closed by 之间 (在20和30之间)
        f"|(?P<range>{quantity}{unit}?(?:{mark}{quantity}{unit}?{closing}?"
        f"|{joiners}{quantity}{unit}?{closing}))"
        f"|(?P<qty>(?:(?<![0-9.])-)?{quantity}{unit}?)"
        f"|(?P<kw>{alternation(keywords)})(?!{not_before})"
        f"|(?P<sep>{alternation(g['list_separators'])}| )"
        f"|(?P<clause>{alternation(g['clause_separators'])})"
    )
    m = g["measures"]
    parallel_class = _word_classes(m["parallel_classes"])
    return _Rules(
        scanner=scanner,
        qty_parts=regex.compile(f"(-?)({quantity})({unit})?"),
        range_parts=regex.compile(f"({quantity})({unit})?{joined}({quantity})({unit})?{closing}?"),
        keywords=keywords,
        multiples=g["multiple_words"],
        population_units=frozenset(g["population_units"]),
        no_target_chars=frozenset(g["no_target_chars"]),
        booleans={fold(k): v for k, v in g["booleans"].items()},
        ref_openers=tuple(regex.compile(f"(?:{o})(?P<cmp>{comparatives})?") for o in openers),
        ref_levels=tuple((op, regex.compile(f)) for op, f in levels),
        comparatives={w: (op, d) for w, (op, d) in refs["comparatives"].items()},
        ref_takers=frozenset(refs["after_words"]) | frozenset(w for w in g["levels"] if len(w) > 1),
        ref_trailing=tuple(refs["trailing_words"]),
        bound_joiners=frozenset(g["bound_joiners"]),
        subject_prefix=regex.compile("(?:" + "|".join(m["subject_prefixes"]) + ")"),
        list_split=regex.compile(alternation(g["list_separators"]) + "|,"),
        list_mark=regex.compile(alternation(g["list_separators"])),
        endings=tuple(m["endings"]),
        population=_population_nouns(),
        tail_openers=tuple(m["tail_openers"]),
        name_qualifiers=frozenset(g["qualifiers_in_names"]),
        parallel=regex.compile(alternation(parallel_class)) if parallel_class else None,
        parallel_class=parallel_class,
        head_verbs=tuple(m["head_verbs"]),
        measure_word=_measure_word(),
    )


def _word_classes(classes: list[str]) -> dict[str, str]:
    """Folded spelling → class, for the crosswalk's qualifier words of `classes`
    (grammars/indicator_synonyms.yaml): one vocabulary of populations, stages and areas."""
    qualifiers = load("indicator_synonyms").get("qualifiers") or {}
    return {
        fold(spelling): klass
        for klass in classes
        for spellings in (qualifiers.get(klass) or {}).values()
        for spelling in spellings
    }


# --------------------------------------------------------------------------- normalisation


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    return fold(ch)


def _normalise(text: str) -> tuple[str, list[int]]:
    """Folded text without whitespace or brackets, and for each of its characters the index of the
    input character it came from. A space between two digits is kept (19.34 10.79 are two
    values)."""
    out: list[str] = []
    pos: list[int] = []
    gap_at = -1
    for i, ch in enumerate(text):
        if ch.isspace():
            if gap_at < 0:
                gap_at = i
            continue
        folded = _fold_char(ch)
        if gap_at >= 0 and out and out[-1].isascii() and out[-1].isdigit() and folded[:1].isdigit():
            out.append(" ")
            pos.append(gap_at)
        gap_at = -1
        for f in folded:
            if f.isspace() or f in _TRANSPARENT:
                continue
            out.append(f)
            pos.append(i)
    return "".join(out), pos


def _original(text: str, pos: list[int], start: int, end: int) -> str:
    if end <= start:
        return ""
    stop = pos[end - 1] + 1
    piece = text[pos[start] : stop]
    # a piece ends before the closing bracket of a note it opened (100%（全覆盖）): keep it
    if stop < len(text) and text[stop] in _CLOSERS and _opens_more(piece):
        stop += 1
    return text[pos[start] : stop].strip()


_CLOSERS = "）)"


def _opens_more(piece: str) -> bool:
    opened = piece.count("（") + piece.count("(")
    return opened > 0 and opened > piece.count("）") + piece.count(")")


def _words(text: str, pos: list[int], start: int, end: int) -> str:
    """Like `_original`, but running on to the next matched character, so that a name keeps its
    closing bracket: 学校(含幼儿园)|每学期…"""
    if end <= start:
        return ""
    return text[pos[start] : pos[end] if end < len(pos) else len(text)].strip()


# --------------------------------------------------------------------------- quantities


@dataclass(frozen=True, slots=True)
class _Qty:
    value: float | None
    value_max: float | None
    unit: str | None  # canonical unit written in the text
    dimensionless: bool  # a fraction: never takes the row's unit
    chinese: bool
    composed: bool  # a Chinese numeral with a scale: 五百个 counts, 一个 may be an article


def _is_fraction(number: str) -> bool:
    return "/" in number or "分之" in number


def _one(number: str, unit: str | None) -> tuple[float | None, str | None, bool, bool, bool]:
    """(value, canonical unit, fraction, Chinese, composed) of one number and its written unit."""
    n, u = split_scale(number, unit)
    read = read_number(n)
    return (
        read.value,
        units.canonical(u) if u else read.implied_unit,
        _is_fraction(n),
        read.chinese,
        read.composed or u != unit,
    )


_NO_VALUE = _Qty(None, None, None, False, False, False)


@lru_cache(maxsize=4096)
def _read_quantity(kind: str, s: str) -> _Qty:
    """The value of a quantity token; cached, since 100%, 90 and 1个 recur in every table."""
    r = _rules()
    if kind == "ratio":
        a, b = s.split(":")
        return _Qty(float(a), float(b), None, True, False, False)
    # The scanner matched these same patterns; a token they do not read has no value and is
    # dropped like 1/0.
    if kind == "range":
        if (m := r.range_parts.fullmatch(s)) is None:
            return _NO_VALUE
        v1, u1, f1, c1, k1 = _one(m[1], m[2])
        v2, u2, f2, c2, k2 = _one(m[3], m[4])
        return _Qty(v1, v2, u2 or u1, f1 or f2, c1 or c2, k1 or k2)
    if (m := r.qty_parts.fullmatch(s)) is None:
        return _NO_VALUE
    value, unit, fraction, chinese, composed = _one(m[2], m[3])
    if value is not None and m[1]:
        value = -value
    return _Qty(value, None, unit, fraction, chinese, composed)


# --------------------------------------------------------------------------- tokens


# 零发生: a count of none.
_ZERO = _Qty(0.0, None, None, False, False, False)
# 全覆盖: all are covered.
_FULL = _Qty(100.0, None, "%", False, False, False)


@dataclass(slots=True)
class _Tok:
    kind: str
    start: int
    end: int
    word: str
    # _Qty for a quantity, _Ref for a reference frame, the year of a base, the operator or
    # direction of a keyword
    payload: Any = None


def _tokens(norm: str, r: _Rules) -> list[_Tok]:
    toks: list[_Tok] = []
    for m in r.scanner.finditer(norm):
        kind = m.lastgroup or ""
        word = m.group(kind)
        payload: Any = None
        if kind == "plain":
            continue
        if kind == "zero":
            kind, payload = "qty", _ZERO
        elif kind == "full":
            kind, payload = "qty", _FULL
        elif kind == "multiple":
            # 翻一番: an increase (the direction) of 100 % (the size)
            toks.append(_Tok("dir", m.start(), m.start(), word, "increase"))
            size = float(r.multiples[word])
            kind, payload = "qty", _Qty(size, None, "%", False, False, False)
        elif kind == "kw":
            kind, payload = r.keywords[word]
        elif kind == "base":
            year = regex.search(_YEAR, word)
            payload = int(year.group()) if year else None
        elif kind in ("ref_open", "ref_level"):
            payload = _read_reference(kind, word, m.start(), r)
        elif kind in _QUANTITIES:
            payload = _read_quantity(kind, word)
            values = (payload.value, payload.value_max) if kind != "qty" else (payload.value,)
            if not all(v is not None and math.isfinite(v) for v in values):
                continue  # 1/0, or digits beyond a float
        toks.append(_Tok(kind, m.start(), m.end(), word, payload))
    if any(t.kind == "qty" and t.payload is not _FULL for t in toks):
        # 覆盖率100%，实现全覆盖: the number states the goal, 全覆盖 only says it again
        toks = [t for t in toks if t.payload is not _FULL]
    return _drop_non_targets(toks, norm, r)


@dataclass(frozen=True, slots=True)
class _Ref:
    """A reference frame: 与女职工比例相适应 (op ~), 比全市平均水平低 (op <, movement decrease),
    较同档成年人住院报销比例 (no op: the base of the change that follows)."""

    op: str | None
    movement: str | None
    span: tuple[int, int]  # the reference, in the normalised text


def _read_reference(kind: str, word: str, start: int, r: _Rules) -> _Ref:
    if kind == "ref_level":
        for level_op, frame in r.ref_levels:
            if m := frame.fullmatch(word):
                return _Ref(level_op, None, (start + m.start("ref"), start + m.end("ref")))
    for frame in r.ref_openers:
        if m := frame.fullmatch(word):
            op, movement = r.comparatives[m["cmp"]] if m["cmp"] else (None, None)
            return _Ref(op, movement, (start + m.start("ref"), start + m.end("ref")))
    # The scanner matched the same frames, so one of them matches; parse_target never raises.
    return _Ref(None, None, (start, start))


def _list_number(t: _Tok, clause_start: int, norm: str) -> bool:
    """8.培养…, 3、新生儿…: the number of a list item, not a value."""
    q: _Qty = t.payload
    if t.kind != "qty" or t.start != clause_start or q.unit or q.chinese:
        return False
    rest = norm[t.end : t.end + 2]
    return len(rest) == 2 and rest[0] in ".、" and not rest[1].isdigit()


def _adjacent_after(toks: list[_Tok], k: int) -> int:
    """Index of the op_post bound to quantity k (through fillers), or k itself."""
    j, end = k, toks[k].end
    for i in range(k + 1, len(toks)):
        t = toks[i]
        if t.start != end or t.kind not in ("filler", "op_post"):
            break
        end = t.end
        if t.kind == "op_post":
            j = i
            break
    return j


def _drop_non_targets(toks: list[_Tok], norm: str, r: _Rules) -> list[_Tok]:
    """Removes what only looks like a target: quantities inside names — Chinese numerals inside
    words (进一步, 学前三年, 两个规划; but 建设五百个儿童之家 counts), ages naming a population
    (5岁以下儿童), a number in the object of a direction or an adverb (降低儿童三项死亡率,
    持续推进两所中职学校) — and then qualifiers opening a name (提高妇女基本养老保险参保率)."""
    toks = _drop_name_quantities(toks, norm, r)
    return [t for k, t in enumerate(toks) if t.kind != "qual" or not _opens_name(toks, k, norm, r)]


def _drop_name_quantities(toks: list[_Tok], norm: str, r: _Rules) -> list[_Tok]:
    keep = [True] * len(toks)
    compares = False  # a comparison word or level verb precedes in this clause
    directs = False  # a direction word precedes in this clause: its object follows
    clause_start = 0
    for k, t in enumerate(toks):
        if t.kind == "clause":
            compares, directs, clause_start = False, False, t.end
        elif t.kind in _COMPARISONS:
            compares = True
        elif t.kind == "dir":
            directs = True
        if t.kind not in _QUANTITIES:
            continue
        q: _Qty = t.payload
        j = _adjacent_after(toks, k)
        after = toks[j].end
        next_start = toks[j + 1].start if j + 1 < len(toks) else len(norm)
        runs_into_word = after < len(norm) and next_start > after and not norm[after].isascii()
        prev = toks[k - 1] if k else None
        # 至少一所, 增加两所, 下降18%: a word right before the quantity governs it
        governed = prev is not None and prev.end == t.start and prev.kind in _GOVERNORS
        if _list_number(t, clause_start, norm):
            keep[k] = False
        elif q.chinese and q.unit is None and j == k:
            alone = len(toks) == 1 and t.start == 0 and t.end == len(norm)
            if not (alone or governed):
                keep[k] = False
        elif runs_into_word and (
            q.unit in r.population_units
            or (directs and not compares and not governed)
            or (
                q.chinese
                and not (compares or governed)
                and not (q.composed and units.kind(q.unit) in _COUNTED)
            )
        ):
            for i in range(k, j + 1):
                keep[i] = False
        if keep[k]:
            compares = directs = False
    return [t for t, ok in zip(toks, keep, strict=True) if ok]


def _opens_name(toks: list[_Tok], k: int, norm: str, r: _Rules) -> bool:
    """Whether qualifier k opens the name of a measure rather than shading its target: a word of
    `qualifiers_in_names` followed, up to the next predicate word, by words ending in a measure
    (妇女|基本|养老保险参保率|达到…, 中小学生|每日|接触自然光照时间|不少于…)."""
    t = toks[k]
    if t.word not in r.name_qualifiers:
        return False
    stop = next((u.start for u in toks[k + 1 :] if u.kind in _PREDICATES), len(norm))
    words = norm[t.end : stop]
    return bool(words) and words.endswith(r.endings)


# --------------------------------------------------------------------------- segments


@dataclass(slots=True)
class _Draft:
    """One atom before it becomes a TargetAtom: fields plus where it sits in the normalised text."""

    fields: dict
    anchor: int  # where the words stating it begin
    end: int  # where they end
    lead_from: int  # start of its own segment (for the subject of a goal sentence)
    clause: int
    value_at: int = -1  # where its quantity starts
    own_from: int = -1  # where the words between its verb and its quantity start (为|小学生|1000元)
    bound: str | None = None  # its comparison word as written (最多, 以上)


@dataclass(slots=True)
class _Segment:
    first: int = -1  # where its first word starts; -1 while it has none
    last: int = 0
    prefix: tuple[str, str] | None = None
    level: tuple[str | None, str] | None = None
    dirs: list[_Tok] = field(default_factory=list)
    quals: list[str] = field(default_factory=list)
    base: int | None = None
    compares: bool = False  # holds a comparison word or a level verb pointing at a level
    compare_end: int = -1  # end of the last comparison word or level verb
    compare_word: str = ""
    ref: _Ref | None = None
    items: list[dict] = field(default_factory=list)

    def touch(self, t: _Tok) -> None:
        if self.first < 0:
            self.first = t.start
        self.last = t.end


@dataclass(frozen=True, slots=True)
class _Context:
    """What building an atom needs beyond its segment: the input, its tokens and the row unit."""

    text: str
    pos: list[int]
    toks: list[_Tok]
    rules: _Rules
    unit: str | None

    def reference(self, start: int, end: int) -> str | None:
        """The reference phrase in [start, end) as written, without trailing adverbs; None when
        empty or too long to be a reference."""
        ref = _original(self.text, self.pos, start, end)
        changed = True
        while changed:
            changed = False
            for word in self.rules.ref_trailing:
                if ref.endswith(word) and len(ref) > len(word):
                    ref, changed = ref[: -len(word)].rstrip(), True
        return ref if 2 <= len(ref) <= _REF_MAX else None


def _governing_direction(toks: list[_Tok], k: int) -> str | None:
    """The direction word governing quantity k directly: 下降18%, 降低约0.5个百分点, 保持100%,
    比上年低2个百分点."""
    start = toks[k].start
    for i in range(k - 1, -1, -1):
        t = toks[i]
        if t.end != start:
            break
        if t.kind == "dir":
            return t.payload
        if t.kind == "ref_open":
            return t.payload.movement
        if t.kind not in ("op_pre", "qual", "filler"):
            break
        start = t.start
    return None


def _close(seg: _Segment, clause: int, clause_end: int, ctx: _Context, out: list[_Draft]) -> None:
    quals = list(dict.fromkeys(seg.quals))
    reference = ctx.reference(*seg.ref.span) if seg.ref else None
    first = seg.first if seg.first >= 0 else clause_end
    if seg.items:
        _spread_over_lists(seg.items, ctx.toks)
        for n, it in enumerate(seg.items):
            draft = _quantity_draft(seg, it, quals, ctx.unit, n == 0, clause)
            draft.fields["reference"] = reference
            out.append(draft)
        return
    level_direction = seg.level[0] if seg.level else None
    fields: dict = {"qualifier": quals, "baseline_year": seg.base}
    end = seg.last
    if seg.ref and seg.ref.op:
        # 与女职工比例相适应, 比全市平均水平低: the frame states the comparison.
        fields.update(op=seg.ref.op, reference=reference, direction=level_direction)
    elif seg.compares:
        # 高于全市平均水平, 逐步提高至全市平均水平: the words after the comparison, up to the next
        # token, name what it compares with.
        stop = next((t.start for t in ctx.toks if t.start >= seg.compare_end), clause_end)
        reference = (
            ctx.reference(seg.compare_end, min(stop, clause_end))
            if seg.compare_word in ctx.rules.ref_takers
            else None
        )
        if reference is None:
            out.append(_Draft({"op": "text"}, first, seg.last, first, clause))
            return
        op = seg.prefix[0] if seg.prefix else "="
        fields.update(op=op, reference=reference, direction=level_direction)
        end = max(end, min(stop, clause_end))
    elif seg.dirs:
        direction = seg.dirs[-1].payload
        fields.update(
            op="direction",
            direction=direction,
            change=direction in _CHANGES or None,
            reference=reference,
        )
    else:
        return
    out.append(_Draft(fields, first, end, first, clause))


def _spread_over_lists(items: list[dict], toks: list[_Tok]) -> None:
    """In 3.0‰、4.0‰和6.0‰以下 the closing 以下 and in 分别下降10%和5% the opening 下降 bind
    every item."""
    groups: list[list[dict]] = [[items[0]]]
    for prev, it in pairwise(items):
        between = toks[prev["last_k"] + 1 : it["k"]]
        edge = prev["end"]
        tight = True
        for t in between:
            if t.start != edge or t.kind not in ("sep", "filler"):
                tight = False
                break
            edge = t.end
        if tight and edge == toks[it["k"]].start:
            groups[-1].append(it)
        else:
            groups.append([it])
    for group in groups:
        suffix = group[-1]["suffix"]
        change = group[0]["change"]
        for it in group:
            if suffix and not it["suffix"]:
                it["suffix"] = suffix
            if change and not it["change"]:
                it["change"] = change


def _quantity_draft(
    seg: _Segment, it: dict, quals: list[str], unit: str | None, first: bool, clause: int
) -> _Draft:
    t: _Tok = it["tok"]
    q: _Qty = t.payload
    bound = it["suffix"] or it["prefix"]
    fields: dict = {
        "value": q.value,
        "value_max": q.value_max,
        "baseline_year": seg.base,
        "direction": it["change"] or (it["level"] and it["level"][0]),
        "change": True if it["change"] else None,
    }
    if t.kind == "ratio":
        # The operator slot holds the kind of value, so a bound goes to its own field; a word
        # that is no bound (约1:1) still shades it as a qualifier.
        fields["op"] = "ratio"
        if bound and bound[0] in _BOUNDS:
            fields["bound"] = bound[0]
        elif bound and bound[1] not in quals:
            quals = [*quals, bound[1]]
    elif t.kind == "range":
        # A range is bounded by its two ends, so bound words only shade it: qualifiers.
        fields["op"] = "range"
        words = [b[1] for b in (it["prefix"], it["suffix"]) if b]
        quals = quals + [w for w in words if w not in quals]
    else:
        # A level or the size of a change: 以上 bounds either (降低0.5个百分点以上 is >= 0.5).
        fields["op"] = bound[0] if bound else "="
    fields["qualifier"] = quals
    if t.kind != "ratio":
        if q.unit:
            fields["unit"] = q.unit
        elif unit and not q.dimensionless:
            fields["unit"], fields["unit_from_row"] = unit, True
    anchor = seg.first if first else t.start
    return _Draft(
        fields,
        anchor,
        it["end"],
        seg.first,
        clause,
        value_at=t.start,
        own_from=it["own_from"],
        bound=bound[1] if bound and t.kind == "qty" else None,
    )


def _merge_bounds(drafts: list[_Draft], norm: str, r: _Rules) -> list[_Draft]:
    """大于10小于20, 最多100最少20, 不低于10%且不高于20%: a lower and an upper bound written one
    after the other, with nothing but a joiner between them, are one range (bound words kept as
    qualifiers, as for every range). 小于10、大于20 excludes a band and stays two atoms."""
    out: list[_Draft] = []
    for d in drafts:
        prev = out[-1] if out else None
        if prev is not None and (merged := _as_range(prev, d, norm, r)) is not None:
            out[-1] = merged
        else:
            out.append(d)
    return out


def _as_range(a: _Draft, b: _Draft, norm: str, r: _Rules) -> _Draft | None:
    fa, fb = a.fields, b.fields
    if not (a.bound and b.bound and a.clause == b.clause):
        return None
    if fa.get("change") or fb.get("change") or fa.get("direction") != fb.get("direction"):
        return None
    between = norm[a.end : b.anchor]
    if between and between not in r.bound_joiners:
        return None
    if fa["op"] in _LOWER and fb["op"] in _UPPER:
        low, high = fa, fb
    elif fa["op"] in _UPPER and fb["op"] in _LOWER:
        low, high = fb, fa
    else:
        return None
    ua, ub = fa.get("unit"), fb.get("unit")
    if (ua and ub and ua != ub) or low["value"] > high["value"]:
        return None
    fields = dict(fa)
    fields.update(
        op="range",
        value=low["value"],
        value_max=high["value"],
        unit=ub or ua,
        unit_from_row=fb.get("unit_from_row") if ub else fa.get("unit_from_row"),
        qualifier=list(dict.fromkeys([*fa["qualifier"], a.bound, b.bound, *fb["qualifier"]])),
    )
    return _Draft(fields, a.anchor, b.end, a.lead_from, a.clause, a.value_at, a.own_from)


@dataclass(slots=True)
class _Analysis:
    norm: str
    pos: list[int]
    toks: list[_Tok]
    drafts: list[_Draft]
    clauses: list[tuple[int, int]]  # normalised spans
    markers: dict[int, int]  # clause index → start of its 分别
    pieces: list[tuple[int, int]]


def _analyse(text: str, norm: str, pos: list[int], unit: str | None) -> _Analysis:
    r = _rules()
    toks = _tokens(norm, r)
    ctx = _Context(text, pos, toks, r, unit)
    clauses: list[tuple[int, int]] = []
    markers: dict[int, int] = {}
    drafts: list[_Draft] = []
    start = 0
    seg, after_qty = _Segment(), False
    for k, t in enumerate([*toks, _Tok("clause", len(norm), len(norm), "")]):
        c = len(clauses)
        if t.kind == "clause":
            _close(seg, c, t.start, ctx, drafts)
            clauses.append((start, t.start))
            start, seg, after_qty = t.end, _Segment(), False
            continue
        # 零发生 states its own comparison: it starts a segment (…低于全市平均水平、安全事件零发生)
        if (t.kind in _BINDERS and after_qty) or (t.payload is _ZERO and seg.first >= 0):
            _close(seg, c, t.start, ctx, drafts)
            seg, after_qty = _Segment(), False
        if t.kind == "op_post":
            last = seg.items[-1] if seg.items else None
            if last and _adjacent_after(toks, last["k"]) == k:
                last.update(suffix=(t.payload, t.word), end=t.end, last_k=k)
                seg.touch(t)
            # else a bound word inside a name: 二级以上幼儿园, 县级以上人民政府
            continue
        if t.kind in ("sep", "filler", "year"):
            continue
        seg.touch(t)
        if t.kind == "op_pre":
            seg.prefix = (t.payload, t.word)
            seg.compares = True
            seg.compare_end, seg.compare_word = t.end, t.word
        elif t.kind == "level":
            seg.level = (t.payload, t.word)
            if len(t.word) > 1:
                seg.compares = True
                seg.compare_end, seg.compare_word = t.end, t.word
        elif t.kind == "dir":
            seg.dirs.append(t)
        elif t.kind == "qual":
            seg.quals.append(t.word)
        elif t.kind == "base":
            seg.base = t.payload
        elif t.kind in ("ref_open", "ref_level"):
            seg.ref = t.payload
            seg.compares = seg.compares or t.payload.op is not None
        elif t.kind == "marker":
            markers.setdefault(c, t.start)
        elif t.kind in _QUANTITIES:
            # A direction word elsewhere in the clause is not read into the atom: in
            # 建立稳定合作关系的…组织不少于1家 it belongs to another verb.
            governing = _governing_direction(toks, k)
            change = governing if governing in _CHANGES else None
            level = (governing, "") if governing and not change else seg.level
            before = toks[k - 1] if k else None
            seg.items.append(
                {
                    "tok": t,
                    "k": k,
                    "last_k": k,
                    "end": t.end,
                    "prefix": seg.prefix,
                    "suffix": None,
                    "level": level,
                    "change": change,
                    "own_from": before.end if before and before.start >= seg.first else -1,
                }
            )
            after_qty = True
    drafts = _merge_bounds(drafts, norm, r)
    pieces = _pieces(drafts, toks, clauses)
    return _Analysis(norm, pos, toks, drafts, clauses, markers, pieces)


def _pieces(
    drafts: list[_Draft], toks: list[_Tok], clauses: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Cuts the text between consecutive atoms at the last clause break, else the last list
    separator, between them; each piece stays inside its atom's clause."""
    cuts: list[tuple[int, int]] = []  # (end of piece i-1, start of piece i)
    for prev, cur in pairwise(drafts):
        between = [t for t in toks if t.start >= prev.end and t.end <= cur.anchor]
        cut = next((t for t in reversed(between) if t.kind == "clause"), None) or next(
            (t for t in reversed(between) if t.kind == "sep"), None
        )
        cuts.append((cut.start, cut.end) if cut else (prev.end, prev.end))
    pieces = []
    for i, d in enumerate(drafts):
        lo, hi = clauses[d.clause]
        start = max(lo, cuts[i - 1][1]) if i else lo
        end = min(hi, cuts[i][0]) if i < len(cuts) else hi
        pieces.append((start, end))
    return pieces


# --------------------------------------------------------------------------- public API


def _canonical_unit(unit: str | None, r: _Rules) -> str | None:
    """The row's unit in canonical spelling; as written when the units grammar does not know it."""
    if unit is None:
        return None
    u = squash_spaces(fold(unit)).strip("()[]")
    if not u or set(u) <= r.no_target_chars:
        return None
    return units.canonical(u) or u


def _is_empty(norm: str, r: _Rules) -> bool:
    return set(norm) <= r.no_target_chars or units.is_type_marker(norm)


@lru_cache(maxsize=8192)
def _cell(text: str, unit: str | None) -> tuple[tuple[tuple[str, object], ...], ...]:
    """parse_target's answer as hashable field tuples: cells repeat (提高, —, 50左右) a lot."""
    r = _rules()
    unit = _canonical_unit(unit, r)
    norm, pos = _normalise(text)
    bare = norm.strip(",;。!?:")
    if _is_empty(bare, r):
        return ()
    if bare in r.booleans:
        return ((("op", "bool"), ("value", float(r.booleans[bare])), ("raw", text.strip())),)
    a = _analyse(text, norm, pos, unit)
    # One measure is the caller's to name; several stated in one text are named when each name is
    # a measure (…死亡率, …标准) or a group (小学生, 农村), never a verb or a place (招收,
    # 每个街道有).
    # a single target names its measures only when it is shared by a list of them
    listed = len(a.drafts) > 1 or r.list_mark.search(norm)
    named = [n for n, _ in _names(a, text, r)] if listed else [(None,)] * len(a.drafts)
    one_measure = len(named) == 1 and len(named[0]) == 1
    if one_measure or not all(
        name and _names_a_measure(name, r) for names in named for name in names
    ):
        named = [(None,)] * len(a.drafts)
    atoms = []
    for d, (s, e), names in zip(a.drafts, a.pieces, named, strict=True):
        for name in names:
            fields = dict(d.fields, raw=_original(text, a.pos, s, e) or text.strip())
            fields["indicator"] = name
            fields["qualifier"] = tuple(fields.get("qualifier", ()))
            atoms.append(tuple((k, v) for k, v in fields.items() if v is not None))
    if not atoms:
        atoms.append((("op", "text"), ("raw", text.strip())))
    return tuple(atoms)


def _names_a_measure(name: str, r: _Rules) -> bool:
    shadow = _shadow(name)
    return shadow.endswith(r.endings) or any(
        m.end() == len(shadow) for m in r.population.finditer(shadow)
    )


def _atom(fields, **update) -> TargetAtom:
    data = dict(fields)
    data["qualifier"] = list(data.get("qualifier", ()))
    data.update(update)
    return TargetAtom(**data)


def parse_target(text: str, unit: str | None = None) -> list[TargetAtom]:
    """Every target stated in `text` (a cell or a goal predicate), in order of appearance.

    `unit` is the row's unit (%, ‰, 1/10万, 个 …); a value written without one takes it and gets
    `unit_from_row=True`. When the text states targets for several measures it names — a 分别
    list (新生儿、婴儿死亡率分别降至3‰、4‰以下) or a list naming each group (小学生1000元/生·年、
    初中生1250元/生·年) — each atom's `indicator` is its measure. [] when the text states no
    target; never raises.
    """
    if not isinstance(text, str):
        return []
    return [_atom(f) for f in _cell(text, unit)]


@cache
def _base_clause() -> regex.Pattern:
    baselines = "|".join(p.replace("{year}", _YEAR) for p in load("targets")["baselines"])
    return regex.compile(rf"\s*(?:{baselines})\s*")


def base_year(clause: str) -> int | None:
    """The base year a clause states alone for the change the next clause sets (与2020年相比，
    全市孕产妇死亡率下降15%; 以2020年为基数，…): one of the `baselines` of grammars/targets.yaml
    and nothing else; None for any other clause."""
    if "年" not in clause:
        return None
    m = _base_clause().fullmatch(clause)
    year = regex.search(_YEAR, m.group()) if m else None
    return int(year.group()) if year else None


def level_unit(atoms: Iterable[TargetAtom]) -> str | None:
    """The unit a measure's level is stated in, from its target atoms: the unit of its first level
    (达到94%以上 → %); else the level a change moves (降低0.5个百分点 → %, 增加10个 → 个), never a
    change that may be relative (下降18% of a death rate in 1/10万 → None), a ratio or a
    fraction."""
    atoms = list(atoms)
    for atom in atoms:
        if atom.unit and not atom.change and atom.op not in ("direction", "text", "ratio", "bool"):
            return atom.unit
    return next((u for a in atoms if a.change and (u := units.level_of_change(a.unit))), None)


def _shadow(s: str) -> str:
    """`s` folded character by character, so that positions in it are positions in `s`."""
    return "".join(f if len(f := _fold_char(c)) == 1 else c for c in s)


def _strip_subject(s: str, r: _Rules) -> str:
    s = squash_spaces(s).strip("，,、；;:：")
    while True:
        m = r.subject_prefix.match(_shadow(s))
        if not m or not m.end():
            return s
        s = s[m.end() :]


def _population_end(shadow: str, r: _Rules) -> int:
    """End of the last population noun in a measure (5岁以下儿童|贫血率), or -1."""
    ends = [m.end() for m in r.population.finditer(shadow)]
    return ends[-1] if ends else -1


def _tail_start(shadow: str, r: _Rules) -> int:
    for opener in r.tail_openers:
        i = shadow.find(opener)
        while i >= 0:
            if r.population.match(shadow, i + len(opener)):
                return i
            i = shadow.find(opener, i + 1)
    return _population_end(shadow, r)


def _parallel_tail(shadows: list[str], complete: list[bool], r: _Rules) -> int:
    """Where the last item's shared tail starts when every item lacking a measure is one word of a
    class the last item opens with too: 小学、初中|在校生中女生占比; -1 otherwise."""
    m = r.parallel.match(shadows[-1]) if r.parallel else None
    if not m:
        return -1
    klass = r.parallel_class[m.group()]
    lacking = [sh for sh, ok in zip(shadows[:-1], complete[:-1], strict=True) if not ok]
    if lacking and all(r.parallel_class.get(sh) == klass for sh in lacking):
        return m.end()
    return -1


def _head_end(shadow: str, r: _Rules) -> int:
    """End of the head the first item lends the others: its population with a verb of having after
    it (每千名0-14岁儿童拥有|儿科床位数), or -1."""
    h = _population_end(shadow, r)
    if h < 0:
        return h
    return h + next((len(v) for v in r.head_verbs if shadow.startswith(v, h)), 0)


def _expand(items: list[str], r: _Rules, distributive: bool = False) -> list[str]:
    """`items` each named in full (see expand_measures). A `distributive` list (a value for each,
    分别) names as many measures as it has items, so an item naming a thing only takes the last
    item's measure word when nothing else lends it a tail: 儿童之家和家长学校覆盖率分别… →
    儿童之家覆盖率, 家长学校覆盖率 (one shared value keeps 婚前和孕前保健覆盖率 whole)."""
    if len(items) < 2:
        return items
    shadows = [_shadow(i) for i in items]
    complete = [sh.endswith(r.endings) for sh in shadows]
    out = list(items)
    last, last_sh = items[-1], shadows[-1]
    t = _parallel_tail(shadows, complete, r)
    if t < 0:
        t = _tail_start(last_sh, r)
    if distributive and complete[-1] and t < 0 and (m := r.measure_word.search(last_sh)):
        t = m.start()
    if complete[-1] and 0 < t < len(last):
        tail = last[t:]
        out = [it if ok else it + tail for it, ok in zip(out, complete, strict=True)]
    h = _head_end(shadows[0], r)
    if complete[0] and 0 < h < len(items[0]):
        head = items[0][:h]
        out = [out[0]] + [
            it if _population_end(sh, r) >= 0 or not ok else head + it
            for it, sh, ok in zip(out[1:], shadows[1:], complete[1:], strict=True)
        ]
    return out


def _split_subject(subject: str, r: _Rules, separators: str | None = None) -> list[str]:
    parts, last = [], 0
    for m in r.list_split.finditer(_shadow(subject)):
        if separators is None or m.group() in separators:
            parts.append(subject[last : m.start()])
            last = m.end()
    parts.append(subject[last:])
    return [p for p in parts if p]


def expand_measures(subject: str) -> list[str]:
    """The measures named by the subject of a goal sentence, shared heads and tails expanded.

    新生儿、婴儿和5岁以下儿童死亡率 → 新生儿死亡率, 婴儿死亡率, 5岁以下儿童死亡率 (items lacking a
    measure word such as 率/比例/人数 take the last item's tail after its population noun);
    5岁以下儿童贫血率和生长迟缓率 → 5岁以下儿童贫血率, 5岁以下儿童生长迟缓率 (items naming no
    population take the first item's head). A leading date or list number (到2026年, 3.) is dropped.
    Items are split at 、和及与或; a subject without separators is one measure.
    """
    r = _rules()
    return _expand(_split_subject(_strip_subject(subject, r), r), r)


def parse_distributive(sentence: str, unit: str | None = None) -> list[TargetAtom]:
    """The targets of a goal sentence, each with `indicator` set to the measure it belongs to.

    Contract, per clause (，；。 end clauses) that states targets:
    * The subject is the text before 分别, or else before the words of the first target
      (小学生近视率|降至38%以下, 儿童伤害死亡率|以2020年为基数下降18%); a leading date or list
      number is dropped. When the clause opens with its verb, the measure is the plain words
      before the comparison (力争实现|…覆盖率|达到70%以上), the object of a direction
      (进一步降低|婴儿死亡率) or the thing counted (至少建设3个|儿童友好公园).
    * List numbers are not recognised when they could be a decimal (6.5岁以下… is read as 6.5
      岁): callers pass the sentence without its item number.
    * One atom: `indicator` is the whole subject — or, when the subject lists measures that all
      end in a measure word (…床位数和…医生数|高于全市平均水平), one atom per measure, each
      with the shared target.
    * Several atoms, each after the first with its own measure before it (达标率稳定在95%以上、
      达标优良率达到40%以上): each takes its own. When the first too has words of its own between
      its verb and its number (补助标准为小学生1000元/生·年、初中生1250元/生·年), every atom is
      named by its group (小学生, 初中生) and its raw starts at its number.
    * Several atoms sharing the subject (…分别控制在14/10万、8‰以内): the subject is expanded with
      `expand_measures` (splitting at 、和及与, else at 、 only) and paired in order; when the
      counts differ the atoms are returned with `indicator=None` rather than paired by guess.
    * `raw` is the predicate piece of each atom (subject excluded), a substring of `sentence`.
    * Clauses without targets contribute nothing; never raises.
    """
    if not isinstance(sentence, str):
        return []
    r = _rules()
    unit = _canonical_unit(unit, r)
    a = _analyse(sentence, *_normalise(sentence), unit)
    out: list[TargetAtom] = []
    for d, piece, (names, start) in zip(a.drafts, a.pieces, _names(a, sentence, r), strict=True):
        raw = _original(sentence, a.pos, start, piece[1])
        fields = dict(d.fields, raw=raw or _original(sentence, a.pos, *piece))
        fields = {k: v for k, v in fields.items() if v is not None}
        out.extend(_atom(fields, indicator=name) for name in names)
    return out


def _names(a: _Analysis, sentence: str, r: _Rules) -> list[tuple[tuple[str | None, ...], int]]:
    """For each draft of `a`, the measures it belongs to — one, None when it cannot be told, or
    several sharing it — and where its predicate starts in the normalised text (the subject
    excluded); see parse_distributive."""
    out: list[tuple[tuple[str | None, ...], int]] = [((None,), piece[0]) for piece in a.pieces]
    for c, (lo, _hi) in enumerate(a.clauses):
        idx = [i for i, d in enumerate(a.drafts) if d.clause == c]
        if not idx:
            continue
        first = a.drafts[idx[0]]
        pred = a.markers.get(c, first.lead_from)
        subject = _strip_subject(_words(sentence, a.pos, lo, pred), r)
        if not subject:
            subject = _strip_subject(_verb_object(a, sentence, first, a.pieces[idx[0]][1]), r)
        leads = [
            _strip_subject(_words(sentence, a.pos, a.pieces[i][0], a.drafts[i].anchor), r)
            for i in idx[1:]
        ]
        own = (
            _strip_subject(_words(sentence, a.pos, first.own_from, first.value_at), r)
            if first.own_from >= 0
            else ""
        )
        names: list[str | None]
        if len(idx) == 1:
            shared = _shared_by(subject, r)
            out[idx[0]] = (tuple(shared) if shared else (subject or None,), pred)
            continue
        if all(leads) and own and c not in a.markers:
            # 补助标准为小学生1000元/生·年、初中生1250元/生·年: each value after its group.
            names, starts = [own, *leads], [a.drafts[i].value_at for i in idx]
        elif all(leads):
            names, starts = (
                [subject or None, *leads],
                [pred] + [a.drafts[i].anchor for i in idx[1:]],
            )
        else:
            names = [None] * len(idx)
            starts = [pred] + [a.pieces[i][0] for i in idx[1:]]
            for seps in (None, "、"):
                measures = _expand(_split_subject(subject, r, seps), r, distributive=True)
                if len(measures) == len(idx):
                    names = list(measures)
                    break
        for i, name, start in zip(idx, names, starts, strict=True):
            out[i] = ((name,), max(start, a.pieces[i][0]))
    return out


def _shared_by(subject: str, r: _Rules) -> list[str]:
    """The measures of a list sharing one target, each named in full (每千名0-14岁儿童拥有儿科床位数
    和儿科执业(助理)医生数|高于全市平均水平 → …床位数, …儿童拥有儿科执业(助理)医生数); [] unless
    the subject lists two or more and every item, once expanded, ends in a measure."""
    items = _split_subject(subject, r)
    if len(items) < 2:
        return []
    measures = _expand(items, r)
    if all(_shadow(m).endswith(r.endings) for m in measures):
        return measures
    return []


def shared_measures(subject: str) -> list[str]:
    """The measures a list names that share one target, each named in full as a 分别 list's are
    (孕产妇和婴儿死亡率 → 孕产妇死亡率, 婴儿死亡率); [] unless every item, expanded, ends in a
    measure (婚前和孕前保健覆盖率 stays one)."""
    r = _rules()
    return _shared_by(_strip_subject(subject, r), r)


def _verb_object(a: _Analysis, sentence: str, first: _Draft, end: int) -> str:
    """For a clause that opens with its verb, the measure it names: the plain words before the
    comparison (力争实现|儿童友好街区社区覆盖率|达到70%以上), the object of a direction
    (降低|婴儿死亡率), or the things counted (至少建设3个|儿童友好公园)."""
    toks = [t for t in a.toks if first.anchor <= t.start < end and t.kind not in ("sep", "year")]
    edge = first.anchor
    for t in toks:
        if t.start > edge:
            if t.kind in _QUANTITIES:
                break  # 至少建设3个: the words before the number are a verb
            return _words(sentence, a.pos, edge, t.start)
        edge = max(edge, t.end)
    if first.fields["op"] == "direction" and first.fields.get("value") is None:
        return _words(sentence, a.pos, edge, end)
    after = next((t.start for t in toks if t.start >= first.end), end)
    return _words(sentence, a.pos, first.end, after)
