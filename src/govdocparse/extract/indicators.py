"""Indicators: the measured goals of a plan, from its indicator tables and from its prose.

`indicators_from_table` reads a grid whose header has an indicator-name column (指标名称,
指标名称（单位）): one `Indicator` per row with its unit, baseline, result, targets, attribute and
responsible units; tables without such a column (重点工程, 重点政策) give only the
`Responsibility` records of their 责任单位 column.

`indicators_from_paragraph` finds the sentences of a paragraph that set a quantitative or
directional goal for a named measure (学前三年毛入园率达到94%以上) and makes one prose
`Indicator` per measure, splitting lists (新生儿、婴儿和5岁以下儿童死亡率分别降至…).

Vocabulary (column headers, measure heads, unit suffixes, alias vs qualifier, goal verbs, leading
filler) lives in grammars/indicators.yaml; structural column roles in grammars/tables.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import regex as re

from ..grammar import load
from ..model import (
    Agency,
    Indicator,
    Measurement,
    Provenance,
    Responsibility,
    Table,
    Target,
    TargetAtom,
)
from ..textutil import fold, squash_spaces
from .agencies import canonical
from .responsibilities import parse_responsibility_cell
from .tables import column_roles, join_lines
from .targets import parse_distributive, parse_target

_OPEN, _CLOSE = "（(", "）)"
_TRAILING_PAREN = re.compile(r"^(?P<head>.+?)[（(](?P<inner>[^（）()]*)[）)]$")
_SEQ = re.compile(r"^[0-9]+$")


# ---------------------------------------------------------------- grammar


@dataclass(frozen=True)
class _Rules:
    indicator_name: re.Pattern
    measure_roles: tuple[tuple[str, re.Pattern], ...]
    year: re.Pattern
    period: re.Pattern
    no_value: re.Pattern
    reason_no_value: re.Pattern
    plain_number: re.Pattern
    subrow_prefix: re.Pattern
    unit: re.Pattern
    qualifier: re.Pattern
    qualifier_words: frozenset[str]
    alias_min: int
    head: re.Pattern
    per_capita: re.Pattern
    achievement: re.Pattern
    past_marker: re.Pattern
    target_year: re.Pattern
    bare_year: re.Pattern
    goal: re.Pattern
    value: re.Pattern
    direction: re.Pattern
    direction_first: re.Pattern
    task_verb: re.Pattern
    vague_object: re.Pattern
    money: re.Pattern
    filler: re.Pattern
    own_area: re.Pattern
    not_places: frozenset[str]
    examples: re.Pattern
    examples_min_rest: int
    not_a_goal_after: re.Pattern
    count_before: re.Pattern
    count_item: re.Pattern
    count_after: re.Pattern
    count_relative: re.Pattern
    count_quoted: re.Pattern


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _rules() -> _Rules:
    g = load("indicators")
    t, n, p = g["table"], g["name"], g["prose"]
    adverb = f"(?:{_alternation(p['adverbs'])})"
    gap = rf"(?:{adverb}|以[^，,。；;]{{1,15}}?为(?:基数|单位|基准|标准)|较[^，,。；;]{{1,20}}?)*"
    number = r"[0-9０-９]+(?:[.．][0-9０-９]+)?"
    one_value = rf"(?:[≥≤＞＜><≧≦]=?\s*)?{number}(?:\s*(?:{p['value_units']}))?"
    values = rf"{one_value}(?:\s*(?:[、和及与]|[-—–―~～至])\s*{one_value})*"
    goal = (
        rf"(?P<gap>{gap})(?P<verb>{_alternation(p['numeric_verbs'])})"
        rf"(?P<share>{p['share_of']})??(?P<values>{values})(?P<bound>{p['bounds']})?"
    )
    heads = _alternation(g["measure_heads"])
    return _Rules(
        indicator_name=re.compile(t["indicator_name"]),
        measure_roles=tuple(
            (role, re.compile(t[role])) for role in ("actual", "baseline", "target")
        ),
        year=re.compile(t["year"]),
        period=re.compile(t["period"]),
        no_value=re.compile(t["no_value"]),
        reason_no_value=re.compile(t["reason_no_value"]),
        plain_number=re.compile(t["plain_number"]),
        subrow_prefix=re.compile(n["subrow_prefix"]),
        unit=re.compile(n["unit"]),
        qualifier=re.compile(n["qualifier"]),
        qualifier_words=frozenset(n["qualifier_words"]),
        alias_min=n["alias_min_chars"],
        head=re.compile(rf"(?:{heads})$"),
        per_capita=re.compile(g["per_capita"]),
        achievement=re.compile(p["achievement_context"]),
        past_marker=re.compile(p["past_marker"]),
        target_year=re.compile(p["target_year"]),
        bare_year=re.compile(p["bare_year"]),
        goal=re.compile(goal),
        value=re.compile(one_value),
        direction=re.compile(
            rf"^(?P<measure>.+?)(?P<target>{adverb}*(?:{_alternation(p['direction_verbs'])}))$"
        ),
        direction_first=re.compile(
            rf"^(?:{p['direction_lead_in']})?(?P<target>{adverb}*(?:{_alternation(p['direction_first_verbs'])}))(?P<measure>[^，,。；;]+)$"
        ),
        task_verb=re.compile(rf"^(?:{_alternation(p['task_verbs'])})"),
        vague_object=re.compile(p["vague_object"]),
        money=re.compile(p["money_unit"]),
        filler=re.compile(rf"^(?:{_alternation(p['leading_filler'])})"),
        own_area=re.compile(p["own_area"]),
        not_places=frozenset(p["not_places"]),
        examples=re.compile(p["examples"]),
        examples_min_rest=p["examples_min_rest"],
        not_a_goal_after=re.compile(p["not_a_goal_after"]),
        **_count_patterns(g["count"]),
    )


def _count_patterns(c: dict) -> dict[str, re.Pattern]:
    """Patterns of count goals: number before the object (至少建成3个X, list items 、10个Y) or
    after it (组织开展X至少4场), each ending its clause or the list item."""
    number = r"[0-9０-９]+(?:\s*[-—–~～]\s*[0-9０-９]+)?"
    before, after = _alternation(c["bound_before"]), _alternation(c["bound_after"])
    quantity = rf"(?P<bb>{before})?\s*(?P<n>{number})\s*(?P<cl>{c['classifiers']})(?P<ba>{after})?"
    end = rf"(?={c['object_end']})"
    return {
        "count_before": re.compile(
            rf"(?P<pb>{before})?(?:{_alternation(c['verbs'])}){quantity}(?P<obj>{c['object']}){end}"
        ),
        "count_item": re.compile(rf"[、和及]\s*(?P<item>{quantity}(?P<obj>{c['object']})){end}"),
        "count_after": re.compile(
            rf"(?:{_alternation(c['verbs'])})(?P<obj>{c['object']}){quantity}\s*$"
        ),
        "count_relative": re.compile(c["relative"]),
        "count_quoted": re.compile(c["quoted"]),
    }


# ---------------------------------------------------------------- tables


@dataclass
class _Columns:
    seq: int | None = None
    category: int | None = None
    name: int | None = None
    unit: int | None = None
    attribute: int | None = None
    responsible: list[int] = field(default_factory=list)
    baseline: int | None = None
    actual: int | None = None
    targets: list[int] = field(default_factory=list)


def _columns(header: list[str]) -> _Columns:
    """Where each kind of value sits, from the header vocabulary."""
    rules = _rules()
    cols = _Columns()
    for i, (text, role) in enumerate(zip(header, column_roles(header))):
        key = squash_spaces(fold(text))
        if role == "name" and cols.name is None and rules.indicator_name.search(key):
            cols.name = i
        elif role == "responsible":
            cols.responsible.append(i)
        elif role in ("seq", "category", "unit", "attribute") and getattr(cols, role) is None:
            setattr(cols, role, i)
        elif role == "value":
            measure = next((r for r, pattern in rules.measure_roles if pattern.search(key)), None)
            if measure == "target":
                cols.targets.append(i)
            elif measure and getattr(cols, measure) is None:
                setattr(cols, measure, i)
    return cols


def indicators_from_table(
    table: Table, *, id_prefix: str, place: str | None = None
) -> tuple[list[Indicator], list[Responsibility]]:
    """Indicators of a table with an indicator-name column, and the Responsibility of every row.

    Indicator ids are f"{id_prefix}-r{row_index}" (row_index = index in `table.rows`). A sub-row
    points at its parent row's indicator; an empty 属性 or 责任单位 cell of a sub-row is the
    parent's (a merged cell), so the indicator shares the parent's attribute and Responsibility.
    A table without an indicator-name column gives no indicators, only one Responsibility per
    row attached to f"{id_prefix}-r{row_index}". `place` (重庆市开州区) helps name agencies
    canonically (市教育局 of another city is not 区教委).
    """
    if table.kind != "grid" or not table.rows:
        return [], []
    cols = _columns(table.header)
    if cols.name is None:
        return [], _row_responsibilities(table, cols, id_prefix, place)
    default_year = _period_end(table.title)
    indicators: dict[int, Indicator] = {}
    responsibilities: list[Responsibility] = []
    for index, row in enumerate(table.rows):
        indicator = _row_indicator(table, cols, index, id_prefix, default_year)
        if indicator is None:
            continue
        parent = indicators.get(row.parent) if row.parent is not None else None
        own = _cell_responsibilities(table, cols, index, indicator.id, place)
        responsibilities.extend(own)
        indicator.responsible_id = own[0].id if own else parent.responsible_id if parent else None
        if parent:
            indicator.parent_id = parent.id
            indicator.attribute = indicator.attribute or parent.attribute
        indicators[index] = indicator
    return list(indicators.values()), responsibilities


def _row_indicator(
    table: Table, cols: _Columns, index: int, id_prefix: str, default_year: int | None
) -> Indicator | None:
    row = table.rows[index]

    def cell(col: int | None) -> str:
        return join_lines(row.cells[col]) if col is not None else ""

    name_raw = cell(cols.name)
    if not name_raw:
        return None
    name, suffix_unit, aliases = clean_name(name_raw)
    unit = _unit(cell(cols.unit) if cols.unit is not None else None, suffix_unit)
    seq = cell(cols.seq)
    attribute = cell(cols.attribute)
    return Indicator(
        id=f"{id_prefix}-r{index}",
        source="table",
        name_raw=name_raw,
        name=name,
        unit=unit,
        aliases=aliases,
        seq=int(seq) if _SEQ.match(fold(seq)) else None,
        category=cell(cols.category) or None,
        baseline=_measurement(table, cols.baseline, index, unit),
        actual=_measurement(table, cols.actual, index, unit),
        targets=[
            t for col in cols.targets if (t := _target(table, col, index, unit, default_year))
        ],
        attribute=attribute if attribute in ("约束性", "预期性") else None,
        table_id=table.id,
        section_id=table.section_id,
        provenance=row.provenance,
    )


def clean_name(name_raw: str) -> tuple[str, str | None, list[str]]:
    """(clean name, unit from a trailing parenthesis, aliases) of an indicator name as written.

    Drops 其中： and spaces; peels trailing parentheses from the end: a unit （%）, then aliases
    （学前教育毛入园率）; a qualifier （15—50岁）, （以女孩为100）, （城区） stops the peeling and stays
    in the name, since it changes what is measured.
    """
    rules = _rules()
    name = rules.subrow_prefix.sub("", squash_spaces(name_raw), count=1)
    unit: str | None = None
    aliases: list[str] = []
    while m := _TRAILING_PAREN.match(name):
        head, inner = m.group("head"), m.group("inner")
        if unit is None and not aliases and rules.unit.match(fold(inner)):
            unit = inner
        elif _is_alias(inner):
            aliases.insert(0, inner)
        else:
            break
        name = head
    return name, unit, aliases


def _is_alias(inner: str) -> bool:
    rules = _rules()
    key = fold(inner)
    if len(key) < rules.alias_min or key in rules.qualifier_words or rules.qualifier.search(key):
        return False
    return bool(rules.head.search(key))


def _unit(column: str | None, suffix: str | None) -> str | None:
    """The row's unit: the 单位 column, or the name's suffix when it is missing or more precise
    (元 in the column, （元/人·月） in the name)."""
    if column is None or _rules().no_value.match(column):
        return suffix
    if suffix and suffix.startswith(column):
        return suffix
    return column


def _period_end(title: str | None) -> int | None:
    m = _rules().period.search(fold(title)) if title else None
    return int(m.group(2)) if m else None


def _header_year(header: str) -> int | None:
    m = _rules().year.search(fold(header))
    return int(m.group(1)) if m else None


def _cell_prov(table: Table, index: int, col: int) -> Provenance:
    return table.rows[index].provenance.model_copy(update={"table_col": col})


def _measurement(table: Table, col: int | None, index: int, unit: str | None) -> Measurement | None:
    """A baseline or result cell: None for a dash, raw kept with no value for 未开展."""
    if col is None:
        return None
    rules = _rules()
    raw = join_lines(table.rows[index].cells[col])
    key = squash_spaces(fold(raw))
    if rules.no_value.match(key):
        return None
    explained = bool(rules.reason_no_value.match(key))
    value = float(key.rstrip("%")) if rules.plain_number.match(key) else None
    return Measurement(
        year=_header_year(table.header[col]),
        value=value,
        raw=raw,
        atoms=[] if explained else parse_target(raw, unit=unit),
        provenance=_cell_prov(table, index, col),
    )


def _target(
    table: Table, col: int, index: int, unit: str | None, default_year: int | None
) -> Target | None:
    raw = join_lines(table.rows[index].cells[col])
    if _rules().no_value.match(squash_spaces(fold(raw))):
        return None
    header = table.header[col]
    return Target(
        label=header,
        year=_header_year(header) or default_year,
        raw=raw,
        atoms=parse_target(raw, unit=unit),
        provenance=_cell_prov(table, index, col),
    )


def _cell_responsibilities(
    table: Table, cols: _Columns, index: int, attached_to: str, place: str | None
) -> list[Responsibility]:
    """One Responsibility per non-empty responsible cell of a row, ids f"{attached_to}-resp[N]"."""
    out = []
    for k, col in enumerate(cols.responsible):
        raw = table.rows[index].cells[col].strip()
        if not raw:
            continue
        lead, participating, by_duty = parse_responsibility_cell(raw)
        out.append(
            Responsibility(
                id=f"{attached_to}-resp" + (f"{k + 1}" if k else ""),
                kind=table.header[col],
                lead=[_agency(a, place) for a in lead],
                participating=[_agency(a, place) for a in participating],
                by_duty=by_duty,
                raw=raw,
                attached_to=attached_to,
                provenance=_cell_prov(table, index, col),
            )
        )
    return out


def _row_responsibilities(
    table: Table, cols: _Columns, id_prefix: str, place: str | None
) -> list[Responsibility]:
    out = []
    for index in range(len(table.rows)):
        out.extend(_cell_responsibilities(table, cols, index, f"{id_prefix}-r{index}", place))
    return out


def _agency(name: str, place: str | None) -> Agency:
    return Agency(name=name, canonical=canonical(name, place))


# ---------------------------------------------------------------- prose

_SENTENCE_END = re.compile(r"(?<=[。！？；;!?])")
_CLAUSE_STRUCTURE = re.compile(r"[（()），,]")
_BRACKETED = re.compile(r"《[^》]*》|[（(][^）)]*[）)]")
_LEADING_MARKS = re.compile(r"^[\s、，,和及与并且——-]+")
_ITEM_NUMBER = re.compile(r"^(?:[0-9０-９]+[.．、]|[（(][0-9０-９一二三四五六七八九十]+[)）])\s*")


@dataclass
class _Measure:
    """One measure a clause sets a goal for: name as written, clean name, target phrase, atoms."""

    name_raw: str
    name: str
    target: str
    atoms: list[TargetAtom]


def indicators_from_paragraph(
    text: str,
    prov: Provenance,
    *,
    section_id: str | None,
    id_prefix: str,
    context: str | None = None,
    period_start: int | None = None,
) -> list[Indicator]:
    """Prose indicators: one per measure a sentence of `text` sets a goal for.

    A goal is a rate-like measure (its phrase ends in 率/比例/人数/年限/时间… or starts with 每千…)
    with a numeric target (达到94%以上, 分别控制在14/10万、8‰以内) or, ending its clause, a
    direction (显著提高, 得到有效控制); or, in a clause without one, a count of things to build or
    hold (至少建成3个儿童友好景区, 每年组织开展…活动至少4场). `context` is the title path of the
    section: sections that report results (发展基础, 现状, 回顾) give nothing, and so do sentences
    about the past (截至…, or a bare 2020年 without 到…年 — with `period_start`, the first year of
    the plan, only a bare year up to it is the past: 2025年… in a 2021—2030 plan is a goal) and
    money standards (…元). The target's label is the last 到…年 before it in the sentence, else
    目标. Ids are f"{id_prefix}-i{k}".
    """
    rules = _rules()
    if context and rules.achievement.search(context):
        return []
    found: list[Indicator] = []
    for sentence in _sentences(text):
        if _about_the_past(sentence, period_start):
            continue
        previous = None
        for label, year, m in _sentence_measures(sentence, period_start):
            name = _complete_name(m.name, previous)
            previous = name
            found.append(
                Indicator(
                    id=f"{id_prefix}-i{len(found)}",
                    source="prose",
                    name_raw=m.name_raw,
                    name=name,
                    unit=next((a.unit for a in m.atoms if a.unit), None),
                    targets=[
                        Target(label=label, year=year, raw=m.target, atoms=m.atoms, provenance=prov)
                    ],
                    section_id=section_id,
                    sentence=sentence,
                    provenance=prov,
                )
            )
    return found


def _complete_name(name: str, previous: str | None) -> str:
    """A measure named by its last words only borrows the subject of the measure before it:
    …体质健康标准达标率稳定在95%以上、达标优良率达到40%以上 → …体质健康标准达标优良率."""
    if previous is None or len(name) > 6 or len(previous) <= len(name):
        return name
    at = previous.find(name[:2])
    return previous[:at] + name if at > 0 else name


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]


def _about_the_past(sentence: str, period_start: int | None) -> bool:
    """截至…, or a year that dates a statement (2020年…达31.81%) with no 到…年 goal year."""
    rules = _rules()
    if rules.past_marker.search(sentence):
        return True
    plain = _BRACKETED.sub("", sentence)
    if rules.target_year.search(plain):
        return False
    years = [int(m.group(1)) for m in rules.bare_year.finditer(plain)]
    return any(period_start is None or year <= period_start for year in years)


def _clauses(sentence: str) -> list[tuple[int, str]]:
    """(offset, clause) pieces of a sentence cut at commas outside brackets."""
    pieces, depth, start = [], 0, 0
    for mark in _CLAUSE_STRUCTURE.finditer(sentence):
        char, i = mark.group(), mark.start()
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            pieces.append((start, sentence[start:i]))
            start = i + 1
    pieces.append((start, sentence[start:]))
    return pieces


def _sentence_measures(
    sentence: str, period_start: int | None
) -> list[tuple[str, int | None, _Measure]]:
    """(label, year, measure) for every goal of a sentence; the label is the last 到…年 (or a
    bare year after the plan start) before it."""
    rules = _rules()
    years = list(rules.target_year.finditer(sentence))
    if period_start is not None:
        years += [m for m in rules.bare_year.finditer(sentence) if int(m.group(1)) > period_start]
        years.sort(key=lambda m: m.start())
    out = []
    for offset, clause in _clauses(sentence.rstrip("。！？；;!?")):
        for position, measure in _clause_measures(clause):
            before = [y for y in years if y.start() <= offset + position]
            label, year = (
                (squash_spaces(before[-1].group(0)), int(before[-1].group(1)))
                if before
                else ("目标", None)
            )
            out.append((label, year, measure))
    return out


def _clause_measures(clause: str) -> list[tuple[int, _Measure]]:
    """(position, measure) of a clause's goals: numeric goals; else a direction ending the
    clause; else counts of things to build or hold."""
    rules = _rules()
    out, start = [], 0
    for m in rules.goal.finditer(clause):
        segment, start = clause[start : m.start()], m.end()
        if rules.money.search(m.group("values")) or rules.not_a_goal_after.match(clause[m.end() :]):
            continue
        values = [v.group(0) for v in rules.value.finditer(m.group("values"))]
        distributive = len(values) > 1 and "分别" in segment + m.group("gap")
        out.extend((m.start(), x) for x in _rate_measures(segment, m.group(0), distributive))
    if out:
        return out
    m = rules.direction.match(clause.strip())
    if m:
        return [(0, x) for x in _rate_measures(m.group("measure"), m.group("target"), False)]
    m = rules.direction_first.match(clause.strip())
    if m:
        # 提高和完善配套标准: a second verb means the object is a task, not a measure
        found = [
            x
            for x in _rate_measures(m.group("measure"), m.group("target"), False)
            if not rules.task_verb.match(x.name) and not rules.vague_object.search(x.name)
        ]
        if found:
            return [(m.start("target"), x) for x in found]
    return _count_measures(clause)


def _rate_measures(segment: str, target: str, distributive: bool) -> list[_Measure]:
    """The measures of a goal whose subject is `segment`: one per measure of a list sharing the
    target (甲率、乙率保持100%), or one per value of a 分别 list."""
    name_raw = _raw_measure(segment)
    if not name_raw:
        return []
    subject = _strip_filler(name_raw, _is_measure)
    if distributive:
        return _distributed(name_raw, subject, target)
    atoms = parse_target(target)
    return [
        _Measure(name_raw, _name(p), target, atoms)
        for p in _split_measures(subject)
        if _is_measure(p)
    ]


def _distributed(name_raw: str, subject: str, target: str) -> list[_Measure]:
    """One measure per value of a 分别 list, paired by the target parser, which expands shared
    heads and tails (新生儿、婴儿和5岁以下儿童死亡率 → 新生儿死亡率 …) and leaves atoms unpaired
    (indicator None) rather than guess when counts differ: those give nothing."""
    grouped: dict[str, list[TargetAtom]] = {}
    for atom in parse_distributive(subject + target):
        if atom.indicator:
            grouped.setdefault(atom.indicator, []).append(atom)
    return [
        _Measure(name_raw, _name(name), "".join(a.raw for a in group), group)
        for name, group in grouped.items()
        if _is_measure(name)
    ]


def _count_measures(clause: str) -> list[tuple[int, _Measure]]:
    """Counted things of a clause: 至少建成3个儿童友好景区 (and the items of a list that follows,
    、10个…, which share a 至少 written before the verb), or 组织开展儿童观察建言活动至少4场.
    The target phrase is the clause up to the count, as written; the atoms come from the bound,
    number and classifier."""
    rules = _rules()
    if rules.count_quoted.search(clause):
        return []
    m = rules.count_before.search(clause)
    if m:
        shared = m.group("pb") or ""
        found = [(m.start(), _count(clause[: m.end()], m, m.group("obj")))]
        end = m.end()
        while item := rules.count_item.match(clause, end):
            bound = "" if item.group("bb") or item.group("ba") else shared
            found.append((item.start(), _count(item.group("item"), item, item.group("obj"), bound)))
            end = item.end()
        return [(p, x) for p, x in found if x]
    m = rules.count_after.search(clause)
    if m and (m.group("bb") or m.group("ba")) and not rules.count_relative.search(m.group("obj")):
        return [(m.start(), x) for x in [_count(clause[: m.end()], m, m.group("obj"))] if x]
    return []


def _count(phrase: str, m: re.Match, obj: str, bound: str = "") -> _Measure | None:
    name_raw = obj.strip().removeprefix("的")  # 开展不少于2次的抽查活动
    name = _name(name_raw, check=lambda rest: len(rest) >= 2)
    if not name:
        return None
    quantity = bound + "".join(m.groupdict().get(g) or "" for g in ("pb", "bb", "n", "cl", "ba"))
    return _Measure(name_raw, name, _raw_measure(phrase), parse_target(quantity))


def _raw_measure(segment: str) -> str:
    """A phrase as written without list marks, item numbers and its leading 到…年."""
    rules = _rules()
    text = segment.strip()
    while True:
        before = text
        text = _ITEM_NUMBER.sub("", _LEADING_MARKS.sub("", text))
        m = rules.target_year.match(text)
        if m:
            text = text[m.end() :]
        if text == before:
            return text


def _strip_filler(text: str, check) -> str:
    """`text` without leading clause words (确保, 将, 力争实现…) and the plan's own area (全区,
    渝中区), as long as what is left still passes `check`."""
    rules = _rules()
    while True:
        before = text
        rest = _LEADING_MARKS.sub("", rules.filler.sub("", text))
        if rest != text and check(rest):
            text = rest
        m = rules.own_area.match(text)
        if m and m.group(0) not in rules.not_places and check(text[m.end() :]):
            text = text[m.end() :]
        if text == before:
            return text


def _split_measures(subject: str) -> list[str]:
    """Measures of a list (甲率、乙率和丙率): pieces cut at 、/和/及 outside brackets, each grown
    until it ends in a measure head, so 孕产期中、重度贫血患病率 or 眼保健和视力检查覆盖率 stay whole."""
    pieces, current, depth = [], "", 0
    for char in subject:
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth = max(0, depth - 1)
        if depth == 0 and char in "、和及" and _is_measure(current):
            pieces.append(current)
            current = ""
            continue
        current += char
    if current:
        if pieces and not _is_measure(current):
            pieces[-1] += current
        else:
            pieces.append(current)
    return pieces


def _is_measure(text: str) -> bool:
    rules = _rules()
    text = text.strip()
    if not 2 <= len(text) <= 40:
        return False
    return bool(rules.head.search(text) or rules.per_capita.match(text))


def _name(piece: str, check=_is_measure) -> str:
    """The clean name of one measure: no leading filler, own area or example list (机场、火车站等)."""
    rules = _rules()
    text = _strip_filler(piece.strip(), check)
    m = rules.examples.match(text)
    if m and len(text) - m.end() >= rules.examples_min_rest and check(text[m.end() :]):
        text = text[m.end() :]
    return squash_spaces(text)
