"""Reads target expressions — a table cell such as ＜8, 50左右, 逐步提高, or a goal predicate such as
分别控制在14/10万、8‰以内 — into `TargetAtom`s.

Public functions
----------------
`parse_target(text, unit=None) -> list[TargetAtom]`
    Every target stated in `text`, in order. `unit` is the unit of the table row; a value written
    without a unit takes it (`unit_from_row=True`). Never raises; [] when the text states no target
    (empty, —, －, /, the type markers 是/否 and X:100); one `op="text"` atom when nothing in it is
    understood.
`parse_distributive(sentence, unit=None) -> list[TargetAtom]`
    The atoms of a goal sentence with `indicator` set to the measure each belongs to, expanding
    shared heads and tails of 分别 lists (see its docstring).
`expand_measures(subject) -> list[str]`
    新生儿、婴儿和5岁以下儿童死亡率 → [新生儿死亡率, 婴儿死亡率, 5岁以下儿童死亡率].

Reading rules (the decisions behind ambiguous forms)
----------------------------------------------------
* Quantities are found before anything else, on the width-folded text with whitespace removed, so
  14/10万 is 14 in 1/10万, 逐步\\n提高 is one expression and ≥ 10 % is ≥10%. Brackets and quotes are
  ignored: （≥95） reads as ≥95.
* A level: the comparison written around the quantity gives `op` (≥, 不低于, 至少, 以上 → >=;
  ≤, 不超过, 以下, 以内 → <=; ＜ → <; ＞, 超过 → >; 约, 左右 → ~); none, or only 达到/为, gives `=`.
  A word after the quantity wins over one before it. A level verb that implies a movement sets
  `direction` too: 降至38%以下 is <= 38 % decrease, 控制在10%以内 is <= control, 保持在85%以上 is
  >= maintain, 提高到90% is = 90 increase.
* A change: an increase/decrease word directly governing the quantity (下降18%, 降低0.5个百分点)
  makes an `op="direction"` atom whose value/unit is the size of the change; 以2020年为基数 sets
  `baseline_year`. The model has no operator for a bounded change, so the bound word goes to
  `qualifier`: 力争每年降低0.5个百分点以上 is decrease 0.5 个百分点 [力争, 每年, 以上]. Ranges and
  ratios carry bound words the same way. Only a movement has a size: 保持100% is = 100 maintain,
  控制5% is = 5 control.
* A direction word is read into a quantity's atom only when it governs it directly or through a
  level verb; elsewhere in the clause (建立稳定合作关系的组织不少于1家) it belongs to another verb
  and is ignored. A bound word not next to a quantity is part of a name (二级以上幼儿园).
* A direction with no quantity (逐年提高, 得到控制, 保持合理比例) is an `op="direction"` atom; when a
  segment has several direction words the last is the predicate (上升趋势得到控制 → control). A
  comparison with no number (不低于本地区党员总数中女性比例, 高于全市平均水平, 达到全市平均水平)
  compares against a named reference the model cannot hold, so it is `op="text"`.
* 0-17, 1~2, 1—2, 五至十 are `range` (value, value_max); 2︰3 and 1:1 are `ratio`; a whole cell 是/否
  is `bool` 1/0 and carries no unit.
* Values are floats as written (47.40% → 47.4). Fractions are dimensionless: 下降1/6 is 0.1667 (four
  decimals; `raw` keeps 1/6) with no unit, never the row's. A trailing 万/亿 belongs to the unit,
  for Arabic and Chinese numerals alike: 32.14万人 and 一万人 are 32.14 and 1 万人.
* Chinese numerals count only where they are a quantity: followed by a unit (两个, 一所), bound by
  an operator, or the whole cell; 进一步, 统一, 学前三年毛入园率 contain none. A quantity in an age
  unit followed by a noun (5岁以下儿童, 0-6岁儿童) names a population and is not a target.
* Lists: 分别降至3.0‰、4.0‰和6.0‰以下 gives one atom per quantity; a bound word after the last item
  and a change word before the first (分别下降10%和5%) apply to every item of a list joined only by
  、和及与. A number opening a clause and followed by . or 、 (8.培养…) is a list number.
* `qualifier` keeps 力争, 逐步, 每年 … (grammars/targets.yaml) in order of appearance.
* `raw` is the original text of the piece of the input stating the atom: the input is cut between
  atoms at the clause break (，；。) or list separator (、和) between them, and each piece stays
  inside its clause — so a single target's raw is the whole cell, and 分别降至3.0‰、4.0‰和6.0‰以下
  gives 分别降至3.0‰ / 4.0‰ / 6.0‰以下.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache, lru_cache

import regex

from govdocparse import units
from govdocparse.grammar import load
from govdocparse.model import TargetAtom
from govdocparse.textutil import fold, squash_spaces

__all__ = ["expand_measures", "parse_distributive", "parse_target"]

# Dropped before matching, like whitespace: they wrap values (（≥95）) and asides (60人（含）以下).
_TRANSPARENT = frozenset("()[]{}【】〔〕《》〈〉“”‘’\"'「」『』")
_BINDERS = frozenset({"op_pre", "level", "dir", "qual", "base", "marker"})
_QUANTITIES = frozenset({"qty", "range", "ratio"})
# Only a movement has a size: 下降18% is a change, 保持100% and 控制5% hold a level.
_CHANGES = frozenset({"increase", "decrease"})
_YEAR = r"(?:19|20)[0-9]{2}"


@dataclass(frozen=True, slots=True)
class _Rules:
    scanner: regex.Pattern
    qty_parts: regex.Pattern
    range_parts: regex.Pattern
    keywords: dict[str, tuple[str, object]]
    population_units: frozenset[str]
    no_target_chars: frozenset[str]
    booleans: dict[str, int]
    digits: dict[str, int]
    scales: dict[str, int]
    percent_prefixes: dict[str, str]
    subject_prefix: regex.Pattern
    list_split: regex.Pattern
    endings: tuple[str, ...]
    population: regex.Pattern
    tail_openers: tuple[str, ...]


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


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

    num = g["numerals"]
    digits, scales = num["digits"], num["scales"]
    cn_first = "".join(digits) + "".join(s for s, v in scales.items() if v == 10)
    cn_all = "".join(digits) + "".join(scales)
    # Not inside an ordinal or another numeral: 第十四个 holds no quantity 四个.
    cn = f"(?<![第{cn_all}])[{cn_first}][{cn_all}]{{0,11}}"
    ar = "[0-9]+(?:\\.[0-9]+)?"
    scale_chars = "".join(scales)
    # 14/10万 is a rate per 100 000, not the fraction 14/10: a fraction may not run into a scale.
    frac = f"[0-9]+/[0-9]+(?![0-9.{scale_chars}])"
    pct = f"(?:{_alternation(num['percent_prefixes'])})(?:{ar}|{cn})"
    quantity = f"(?:{pct}|{cn}分之{cn}|{frac}|{ar}|{cn})"
    unit = f"(?:{units.pattern()})"
    mark = f"(?:{_alternation(g['range_marks'])})"
    baseline = "|".join(p.replace("{year}", _YEAR) for p in g["baselines"])
    year = f"{_YEAR}年?{mark}{_YEAR}年|{_YEAR}年(?:底|末|前|初|起|度|以来)?"
    not_before = _alternation(g["keyword_not_before"])
    scanner = regex.compile(
        f"(?P<plain>{_alternation(g['plain_words'])})"
        f"|(?P<base>{baseline})"
        f"|(?P<year>{year})"
        f"|(?P<ratio>{ar}:{ar})"
        f"|(?P<range>{quantity}{unit}?{mark}{quantity}{unit}?)"
        f"|(?P<qty>(?:(?<![0-9.])-)?{quantity}{unit}?)"
        f"|(?P<kw>{_alternation(keywords)})(?!{not_before})"
        f"|(?P<sep>{_alternation(g['list_separators'])}| )"
        f"|(?P<clause>{_alternation(g['clause_separators'])})"
    )
    m = g["measures"]
    return _Rules(
        scanner=scanner,
        qty_parts=regex.compile(f"(-?)({quantity})({unit})?"),
        range_parts=regex.compile(f"({quantity})({unit})?{mark}({quantity})({unit})?"),
        keywords=keywords,
        population_units=frozenset(g["population_units"]),
        no_target_chars=frozenset(g["no_target_chars"]),
        booleans={fold(k): v for k, v in g["booleans"].items()},
        digits=digits,
        scales=scales,
        percent_prefixes=num["percent_prefixes"],
        subject_prefix=regex.compile("(?:" + "|".join(m["subject_prefixes"]) + ")"),
        list_split=regex.compile(_alternation(g["list_separators"]) + "|,"),
        endings=tuple(m["endings"]),
        population=regex.compile(_alternation(m["population_nouns"])),
        tail_openers=tuple(m["tail_openers"]),
    )


# --------------------------------------------------------------------------- normalisation


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    return fold(ch)


def _normalise(text: str) -> tuple[str, list[int]]:
    """Folded text without whitespace or brackets, and for each of its characters the index of the
    input character it came from. A space between two digits is kept (19.34 10.79 are two values)."""
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
    return text[pos[start] : pos[end - 1] + 1].strip()


def _words(text: str, pos: list[int], start: int, end: int) -> str:
    """Like `_original`, but running on to the next matched character, so that a name keeps its
    closing bracket: 学校(含幼儿园)|每学期…"""
    if end <= start:
        return ""
    return text[pos[start] : pos[end] if end < len(pos) else len(text)].strip()


# --------------------------------------------------------------------------- quantities


def _cn_value(s: str, r: _Rules) -> int:
    if len(s) > 1 and all(c in r.digits for c in s):  # 二〇二〇: digit by digit
        return int("".join(str(r.digits[c]) for c in s))
    total = section = number = 0
    for c in s:
        if c in r.digits:
            number = r.digits[c]
        else:
            scale = r.scales[c]
            if scale >= 10000:
                total = (total + section + number) * scale
                section = number = 0
            else:
                section += (number or 1) * scale
                number = 0
    return total + section + number


def _number(s: str, r: _Rules) -> tuple[float | None, str | None, bool]:
    """(value, unit implied by the spelling, is Chinese) of one quantity without its unit."""
    for prefix, unit in r.percent_prefixes.items():
        if s.startswith(prefix):
            value, _, _ = _number(s[len(prefix) :], r)
            return value, unit, True
    if "分之" in s:
        den, num = s.split("分之", 1)
        d, n = _cn_value(den, r), _cn_value(num, r)
        return (round(n / d, 4) if d else None), None, True
    if "/" in s:
        num, den = s.split("/", 1)
        return (round(int(num) / int(den), 4) if int(den) else None), None, False
    if s[0].isdigit():
        return float(s), None, False
    return float(_cn_value(s, r)), None, True


def _unit_of(number: str, unit: str | None, r: _Rules) -> tuple[str, str | None]:
    """Moves a Chinese numeral's trailing 万/亿 into the unit (一万人 → 一 + 万人)."""
    last = number[-1]
    if len(number) > 1 and r.scales.get(last, 0) >= 10000 and units.is_unit(last + (unit or "")):
        return number[:-1], last + (unit or "")
    return number, unit


@dataclass(slots=True)
class _Qty:
    value: float | None
    value_max: float | None
    unit: str | None  # canonical unit written in the text
    dimensionless: bool  # a fraction: never takes the row's unit
    chinese: bool


def _is_fraction(number: str) -> bool:
    return "/" in number or "分之" in number


def _read_quantity(kind: str, s: str, r: _Rules) -> _Qty:
    if kind == "ratio":
        a, b = s.split(":")
        return _Qty(float(a), float(b), None, True, False)
    if kind == "range":
        m = r.range_parts.fullmatch(s)
        n1, u1 = _unit_of(m[1], m[2], r)
        n2, u2 = _unit_of(m[3], m[4], r)
        (v1, i1, c1), (v2, i2, c2) = _number(n1, r), _number(n2, r)
        unit = u2 or u1
        fraction = _is_fraction(n1) or _is_fraction(n2)
        return _Qty(v1, v2, units.canonical(unit) if unit else (i2 or i1), fraction, c1 or c2)
    m = r.qty_parts.fullmatch(s)
    n, u = _unit_of(m[2], m[3], r)
    value, implied, chinese = _number(n, r)
    if value is not None and m[1]:
        value = -value
    return _Qty(value, None, units.canonical(u) if u else implied, _is_fraction(n), chinese)


# --------------------------------------------------------------------------- tokens


@dataclass(slots=True)
class _Tok:
    kind: str
    start: int
    end: int
    word: str
    payload: object = None


def _tokens(norm: str, r: _Rules) -> list[_Tok]:
    toks: list[_Tok] = []
    for m in r.scanner.finditer(norm):
        kind = m.lastgroup
        word = m.group(kind)
        payload: object = None
        if kind == "plain":
            continue
        if kind == "kw":
            kind, payload = r.keywords[word]
        elif kind == "base":
            payload = int(regex.search(_YEAR, word).group())
        elif kind in _QUANTITIES:
            payload = _read_quantity(kind, word, r)
            values = (payload.value, payload.value_max) if kind != "qty" else (payload.value,)
            if not all(v is not None and math.isfinite(v) for v in values):
                continue  # 1/0, or digits beyond a float
        toks.append(_Tok(kind, m.start(), m.end(), word, payload))
    return _drop_non_targets(toks, norm, r)


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
    """Removes quantities that are not targets: Chinese numerals inside words (进一步, 学前三年) and
    ages naming a population (5岁以下儿童)."""
    keep = [True] * len(toks)
    bound = False  # an operator, level, direction or qualifier precedes in this clause
    clause_start = 0
    for k, t in enumerate(toks):
        if t.kind == "clause":
            bound, clause_start = False, t.end
        elif t.kind in _BINDERS:
            bound = True
        if t.kind not in _QUANTITIES:
            continue
        q: _Qty = t.payload
        j = _adjacent_after(toks, k)
        after = toks[j].end
        next_start = toks[j + 1].start if j + 1 < len(toks) else len(norm)
        runs_into_word = after < len(norm) and next_start > after and not norm[after].isascii()
        if _list_number(t, clause_start, norm):
            keep[k] = False
        elif q.chinese and q.unit is None and j == k:
            prev = toks[k - 1] if k else None
            alone = len(toks) == 1 and t.start == 0 and t.end == len(norm)
            bound_here = prev is not None and prev.end == t.start and prev.kind in _BINDERS
            if not (alone or bound_here):
                keep[k] = False
        elif runs_into_word and (q.unit in r.population_units or (q.chinese and not bound)):
            for i in range(k, j + 1):
                keep[i] = False
        if keep[k]:
            bound = False
    return [t for t, ok in zip(toks, keep) if ok]


# --------------------------------------------------------------------------- segments


@dataclass(slots=True)
class _Draft:
    """One atom before it becomes a TargetAtom: fields plus where it sits in the normalised text."""

    fields: dict
    anchor: int  # where the words stating it begin
    end: int  # where they end
    lead_from: int  # start of its own segment (for the subject of a goal sentence)
    clause: int


@dataclass(slots=True)
class _Segment:
    first: int | None = None
    last: int = 0
    prefix: tuple[str, str] | None = None
    level: tuple[str | None, str] | None = None
    dirs: list[_Tok] = field(default_factory=list)
    quals: list[str] = field(default_factory=list)
    base: int | None = None
    compares: bool = False  # holds a comparison word or a level verb pointing at a level
    items: list[dict] = field(default_factory=list)

    def touch(self, t: _Tok) -> None:
        if self.first is None:
            self.first = t.start
        self.last = t.end


def _governing_direction(toks: list[_Tok], k: int) -> str | None:
    """The direction word governing quantity k directly: 下降18%, 降低约0.5个百分点, 保持100%."""
    start = toks[k].start
    for i in range(k - 1, -1, -1):
        t = toks[i]
        if t.end != start:
            break
        if t.kind == "dir":
            return t.payload
        if t.kind not in ("op_pre", "qual", "filler"):
            break
        start = t.start
    return None


def _close(
    seg: _Segment, toks: list[_Tok], clause: int, unit: str | None, out: list[_Draft]
) -> None:
    quals = list(dict.fromkeys(seg.quals))
    if seg.items:
        _spread_over_lists(seg.items, toks)
        for n, it in enumerate(seg.items):
            out.append(_quantity_draft(seg, it, quals, unit, n == 0, clause))
    elif seg.compares:
        out.append(_Draft({"op": "text"}, seg.first, seg.last, seg.first, clause))
    elif seg.dirs:
        fields = {
            "op": "direction",
            "direction": seg.dirs[-1].payload,
            "qualifier": quals,
            "baseline_year": seg.base,
        }
        out.append(_Draft(fields, seg.first, seg.last, seg.first, clause))


def _spread_over_lists(items: list[dict], toks: list[_Tok]) -> None:
    """In 3.0‰、4.0‰和6.0‰以下 the closing 以下 and in 分别下降10%和5% the opening 下降 bind every item."""
    groups: list[list[dict]] = [[items[0]]]
    for prev, it in zip(items, items[1:]):
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
    }
    if t.kind in ("range", "ratio") or it["change"]:
        # The operator slot holds the kind of value, so the bound words become qualifiers.
        fields["op"] = "direction" if t.kind == "qty" else t.kind
        words = [b[1] for b in (it["prefix"], it["suffix"]) if b]
        quals = quals + [w for w in words if w not in quals]
    else:
        fields["op"] = bound[0] if bound else "="
    fields["qualifier"] = quals
    if t.kind != "ratio":
        if q.unit:
            fields["unit"] = q.unit
        elif unit and not q.dimensionless:
            fields["unit"], fields["unit_from_row"] = unit, True
    anchor = seg.first if first else t.start
    return _Draft(fields, anchor, it["end"], seg.first, clause)


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
    clauses: list[tuple[int, int]] = []
    markers: dict[int, int] = {}
    drafts: list[_Draft] = []
    start = 0
    seg, after_qty = _Segment(), False
    for k, t in enumerate(toks + [_Tok("clause", len(norm), len(norm), "")]):
        c = len(clauses)
        if t.kind == "clause":
            _close(seg, toks, c, unit, drafts)
            clauses.append((start, t.start))
            start, seg, after_qty = t.end, _Segment(), False
            continue
        if t.kind in _BINDERS and after_qty:
            _close(seg, toks, c, unit, drafts)
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
        elif t.kind == "level":
            seg.level = (t.payload, t.word)
            seg.compares = seg.compares or len(t.word) > 1
        elif t.kind == "dir":
            seg.dirs.append(t)
        elif t.kind == "qual":
            seg.quals.append(t.word)
        elif t.kind == "base":
            seg.base = t.payload
        elif t.kind == "marker":
            markers.setdefault(c, t.start)
        elif t.kind in _QUANTITIES:
            # A direction word elsewhere in the clause is not read into the atom: in
            # 建立稳定合作关系的…组织不少于1家 it belongs to another verb.
            governing = _governing_direction(toks, k)
            change = governing if governing in _CHANGES else None
            level = (governing, "") if governing and not change else seg.level
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
                }
            )
            after_qty = True
    pieces = _pieces(drafts, toks, clauses)
    return _Analysis(norm, pos, toks, drafts, clauses, markers, pieces)


def _pieces(
    drafts: list[_Draft], toks: list[_Tok], clauses: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Cuts the text between consecutive atoms at the last clause break, else the last list
    separator, between them; each piece stays inside its atom's clause."""
    cuts: list[tuple[int, int]] = []  # (end of piece i-1, start of piece i)
    for prev, cur in zip(drafts, drafts[1:]):
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
    atoms = []
    for d, (s, e) in zip(a.drafts, a.pieces):
        fields = dict(d.fields, raw=_original(text, a.pos, s, e) or text.strip())
        fields["qualifier"] = tuple(fields.get("qualifier", ()))
        atoms.append(tuple((k, v) for k, v in fields.items() if v is not None))
    if not atoms:
        atoms.append((("op", "text"), ("raw", text.strip())))
    return tuple(atoms)


def _atom(fields, **update) -> TargetAtom:
    data = dict(fields)
    data["qualifier"] = list(data.get("qualifier", ()))
    data.update(update)
    return TargetAtom(**data)


def parse_target(text: str, unit: str | None = None) -> list[TargetAtom]:
    """Every target stated in `text` (a cell or a goal predicate), in order of appearance.

    `unit` is the row's unit (%, ‰, 1/10万, 个 …); a value written without one takes it and gets
    `unit_from_row=True`. [] when the text states no target; never raises.
    """
    if not isinstance(text, str):
        return []
    return [_atom(f) for f in _cell(text, unit)]


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


def _expand(items: list[str], r: _Rules) -> list[str]:
    if len(items) < 2:
        return items
    shadows = [_shadow(i) for i in items]
    complete = [sh.endswith(r.endings) for sh in shadows]
    out = list(items)
    last, last_sh = items[-1], shadows[-1]
    t = _tail_start(last_sh, r)
    if complete[-1] and 0 < t < len(last):
        tail = last[t:]
        out = [it if ok else it + tail for it, ok in zip(out, complete)]
    h = _population_end(shadows[0], r)
    if complete[0] and 0 < h < len(items[0]):
        head = items[0][:h]
        out = [out[0]] + [
            it if _population_end(sh, r) >= 0 or not ok else head + it
            for it, sh, ok in zip(out[1:], shadows[1:], complete[1:])
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
    * One atom: `indicator` is the whole subject.
    * Several atoms, each after the first with its own measure before it (达标率稳定在95%以上、
      达标优良率达到40%以上): each takes its own.
    * Several atoms sharing the subject (…分别控制在14/10万、8‰以内): the subject is expanded with
      `expand_measures` (splitting at 、和及与, else at 、 only) and paired in order; when the counts
      differ the atoms are returned with `indicator=None` rather than paired by guess.
    * `raw` is the predicate piece of each atom (subject excluded), a substring of `sentence`.
    * Clauses without targets contribute nothing; never raises.
    """
    if not isinstance(sentence, str):
        return []
    r = _rules()
    unit = _canonical_unit(unit, r)
    a = _analyse(sentence, *_normalise(sentence), unit)
    out: list[TargetAtom] = []
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
        if len(idx) == 1:
            names = [subject or None]
        elif all(leads):
            names = [subject or None] + leads
        else:
            names = [None] * len(idx)
            for seps in (None, "、"):
                measures = _expand(_split_subject(subject, r, seps), r)
                if len(measures) == len(idx):
                    names = measures
                    break
        for n, (i, name) in enumerate(zip(idx, names)):
            d = a.drafts[i]
            start = pred if n == 0 else (d.anchor if all(leads) else a.pieces[i][0])
            start = max(start, a.pieces[i][0])
            raw = _original(sentence, a.pos, start, a.pieces[i][1])
            fields = dict(d.fields, raw=raw or _original(sentence, a.pos, *a.pieces[i]))
            fields = {k: v for k, v in fields.items() if v is not None}
            out.append(_atom(fields, indicator=name))
    return out


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
