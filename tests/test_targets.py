"""Tests of the target-expression parser: the spec table tests/spec/targets.tsv, properties, the
row unit, and goal sentences with 分别 lists."""

from __future__ import annotations

import math
import re
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from govdocparse.extract.targets import (
    expand_measures,
    level_unit,
    parse_distributive,
    parse_target,
)
from govdocparse.grammar import path_of
from govdocparse.model import TargetAtom

from .support import SPEC

DIRECTIONS = {"increase", "decrease", "maintain", "control", "balance"}
CHANGES = {"increase", "decrease"}
_NUMBER = re.compile(r"(-?[0-9]+(?:\.[0-9]+)?)(.*)")
_COMPARE = re.compile(r"(<=|>=|<|>|=|~)(.*)")


def _unescape(s: str) -> str:
    return s.replace("\\n", "\n")


def _expected_atom(text: str) -> dict:
    """One atom of the notation documented at the top of targets.tsv."""
    words = text.split()
    exp: dict[str, Any] = {
        "op": None,
        "value": None,
        "value_max": None,
        "bound": None,
        "unit": None,
        "unit_from_row": False,
        "direction": None,
        "qualifier": [],
        "baseline_year": None,
        "change": False,
        "reference": None,
        "indicator": None,
    }
    raw = None
    head = words.pop(0)

    def number(word: str) -> tuple[float, str]:
        m = _NUMBER.fullmatch(word)
        assert m, f"bad number in spec: {word!r}"
        return float(m[1]), m[2]

    def bounded(core: str) -> str:
        """A range, or a comparison with its value (or, before ref=, without one)."""
        if core == "range":
            a, b = words.pop(0).split("..")
            exp["op"], exp["value"] = "range", float(a)
            exp["value_max"], glued = number(b)
            return glued
        m = _COMPARE.fullmatch(core)
        assert m, f"bad atom in spec: {text!r}"
        exp["op"] = m[1]
        if m[2] or (words and _NUMBER.fullmatch(words[0])):
            exp["value"], glued = number(m[2] or words.pop(0))
            return glued
        return ""

    glued = ""
    if head == "text":
        exp["op"] = "text"
    elif head == "bool":
        exp["op"], exp["value"] = "bool", float(words.pop(0))
    elif head == "ratio":
        a, b = words.pop(0).split(":")
        exp["op"], exp["value"] = "ratio", float(a)
        exp["value_max"], glued = number(b)
    elif head in DIRECTIONS:
        exp["direction"] = head
        exp["change"] = head in CHANGES
        if words and (
            _NUMBER.fullmatch(words[0]) or _COMPARE.match(words[0]) or words[0] == "range"
        ):
            core = words.pop(0)
            glued = bounded(core if not _NUMBER.fullmatch(core) else "=" + core)
        else:
            exp["op"] = "direction"
    else:
        glued = bounded(head)
    if glued:
        exp["unit"] = glued
    elif words and not _is_extra(words[0]):
        exp["unit"] = words.pop(0)
    for w in words:
        if w == "row":
            exp["unit_from_row"] = True
        elif w in DIRECTIONS:
            exp["direction"] = w
        elif w.startswith("base="):
            exp["baseline_year"] = int(w[5:])
        elif w.startswith("[") and w.endswith("]"):
            exp["qualifier"] = w[1:-1].split(",")
        elif w.startswith("raw="):
            raw = _unescape(w[4:])
        elif w.startswith("ref="):
            exp["reference"] = w[4:]
        elif w.startswith("ind="):
            exp["indicator"] = w[4:]
        elif w.startswith("bound="):
            exp["bound"] = w[6:]
        else:
            raise AssertionError(f"bad word {w!r} in spec atom {text!r}")
    if raw is not None:
        exp["raw"] = raw
    return exp


def _is_extra(word: str) -> bool:
    return (
        word == "row"
        or word in DIRECTIONS
        or word.startswith(("base=", "[", "raw=", "ref=", "ind=", "bound="))
    )


def _spec_cases():
    cases = []
    for n, line in enumerate((SPEC / "targets.tsv").read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip("\n") or line.startswith("#"):
            continue
        cols = line.split("\t")
        assert len(cols) in (2, 3), f"targets.tsv:{n}: expected 2 or 3 columns"
        text, expected = _unescape(cols[0]), cols[1].strip()
        unit = cols[2].strip() if len(cols) == 3 else None
        atoms = [] if expected == "[]" else [_expected_atom(a) for a in expected.split(" | ")]
        cases.append(pytest.param(text, unit, atoms, id=cols[0] or "<empty>"))
    return cases


def _actual(atom: TargetAtom, with_raw: bool) -> dict:
    got = atom.model_dump(exclude={"raw"})
    if with_raw:
        got["raw"] = atom.raw
    return got


def _same(got: dict, exp: dict) -> bool:
    for key, want in exp.items():
        have = got[key]
        if isinstance(want, float) and isinstance(have, float):
            if not math.isclose(have, want, rel_tol=1e-9, abs_tol=1e-9):
                return False
        elif have != want:
            return False
    return True


SPEC_CASES = _spec_cases()


def test_spec_is_large_enough():
    assert len(SPEC_CASES) >= 120


@pytest.mark.parametrize(("text", "unit", "expected"), SPEC_CASES)
def test_spec(text, unit, expected):
    atoms = parse_target(text, unit)
    got = [_actual(a, "raw" in e) for a, e in zip(atoms, expected, strict=False)]
    assert len(atoms) == len(expected) and all(map(_same, got, expected)), (
        f"\n got: {[a.model_dump(exclude_defaults=True) for a in atoms]}\nwant: {expected}"
    )
    for atom in atoms:
        assert atom.raw and atom.raw in text


# ---------------------------------------------------------------- properties

_GRAMMAR_CHARS = list(
    "0123456789０１２９.．%％‰<>＜＞≥≤=＝~～-－—―:︰：/万一二两三十百千分之以上下内左右达到降至提高控制在"
    "保持稳定趋于平衡逐步年每力争为基数分别、和及与,，;；。()（）是否年岁个次\n"
    "\t \u3000\u00a0\x00\x1b"
    # references, two-sided bounds, tenths, compound units and dates
    "比较相适应持平低高于全市平均水平间成或元生人·•/月日龄"
)


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(st.text(), st.text(alphabet=st.sampled_from(_GRAMMAR_CHARS), max_size=40)),
    st.one_of(st.none(), st.text(max_size=5), st.sampled_from(["%", "‰", "1/10万", "—", "是/否"])),
)
def test_never_raises_and_is_deterministic(text, unit):
    first = parse_target(text, unit)
    again = parse_target(text, unit)
    assert [a.model_dump() for a in first] == [a.model_dump() for a in again]
    for atom in first:
        assert atom.raw and atom.raw in text
        assert atom.value is None or math.isfinite(atom.value)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(), st.text(alphabet=st.sampled_from(_GRAMMAR_CHARS), max_size=60)))
def test_distributive_never_raises(sentence):
    for atom in parse_distributive(sentence):
        assert atom.raw and atom.raw in sentence


def test_results_are_fresh_objects():
    first = parse_target("≥90")
    first[0].qualifier.append("x")
    assert parse_target("≥90")[0].qualifier == []


def test_non_string_input():
    assert parse_target(None) == []  # type: ignore[arg-type]
    assert parse_distributive(None) == []  # type: ignore[arg-type]


# ---------------------------------------------------------------- the row unit


def test_bare_value_takes_row_unit():
    (atom,) = parse_target("＜8", unit="‰")
    assert (atom.op, atom.value, atom.unit, atom.unit_from_row) == ("<", 8, "‰", True)


def test_written_unit_wins_over_row_unit():
    (atom,) = parse_target("14/10万", unit="‰")
    assert (atom.value, atom.unit, atom.unit_from_row) == (14, "1/10万", False)


def test_without_row_unit_a_bare_value_has_none():
    (atom,) = parse_target("90")
    assert (atom.unit, atom.unit_from_row) == (None, False)


@pytest.mark.parametrize("row_unit", ["％", " % ", "（%）", "(%)"])
def test_row_unit_is_written_canonically(row_unit):
    (atom,) = parse_target("90", unit=row_unit)
    assert (atom.unit, atom.unit_from_row) == ("%", True)


@pytest.mark.parametrize("row_unit", ["", "  ", "—", "/"])
def test_empty_row_unit_is_no_unit(row_unit):
    (atom,) = parse_target("90", unit=row_unit)
    assert (atom.unit, atom.unit_from_row) == (None, False)


def test_unknown_row_unit_is_kept_as_written():
    (atom,) = parse_target("101.15", unit="X:100")
    assert (atom.unit, atom.unit_from_row) == ("X:100", True)


@pytest.mark.parametrize("text", ["持续下降", "是", "2︰3", "以2010年为基数下降1/6", "未开展"])
def test_atoms_without_a_measured_value_take_no_row_unit(text):
    (atom,) = parse_target(text, unit="%")
    assert (atom.unit, atom.unit_from_row) == (None, False)


def test_row_unit_applies_to_every_bare_item_of_a_list():
    atoms = parse_target("分别降至3、4和6以下", unit="‰")
    assert [(a.value, a.unit, a.unit_from_row, a.op) for a in atoms] == [
        (3, "‰", True, "<="),
        (4, "‰", True, "<="),
        (6, "‰", True, "<="),
    ]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("达到94%以上", "%"),
        # a change in points moves a rate in %; a change in things moves a count of them
        ("力争每年降低0.5个百分点以上", "%"),
        ("增加10个", "个"),
        # a change in % may be relative to a level in any unit: it says nothing
        ("以2020年为基数下降18%", None),
        ("以2020年为基数下降18%,降至10/10万以下", "1/10万"),
        ("2︰3", None),
        ("持续下降", None),
        ("下降1/6", None),
    ],
)
def test_level_unit(text, unit):
    assert level_unit(parse_target(text)) == unit


# ---------------------------------------------------------------- goal sentences


def _pairs(sentence: str, unit: str | None = None):
    return [(a.indicator, a.op, a.value, a.unit, a.raw) for a in parse_distributive(sentence, unit)]


def test_distributive_shared_tail():
    assert _pairs("新生儿、婴儿和5岁以下儿童死亡率分别降至3.0‰、4.0‰和6.0‰以下") == [
        ("新生儿死亡率", "<=", 3.0, "‰", "分别降至3.0‰"),
        ("婴儿死亡率", "<=", 4.0, "‰", "4.0‰"),
        ("5岁以下儿童死亡率", "<=", 6.0, "‰", "6.0‰以下"),
    ]


def test_distributive_complete_measures():
    assert _pairs("孕产妇死亡率和5岁以下儿童死亡率分别控制在14/10万、8‰以内") == [
        ("孕产妇死亡率", "<=", 14, "1/10万", "分别控制在14/10万"),
        ("5岁以下儿童死亡率", "<=", 8, "‰", "8‰以内"),
    ]


def test_distributive_shared_head():
    atoms = parse_distributive("5岁以下儿童贫血率和生长迟缓率分别控制在10%和5%以下")
    assert [(a.indicator, a.op, a.value, a.unit, a.direction) for a in atoms] == [
        ("5岁以下儿童贫血率", "<=", 10, "%", "control"),
        ("5岁以下儿童生长迟缓率", "<=", 5, "%", "control"),
    ]


def test_distributive_half_width_punctuation_and_leading_date():
    # yuzhong writes half-width commas and opens with the deadline.
    sentence = (
        "到2026年,新生儿死亡率、婴儿死亡率和5岁以下儿童死亡率分别控制在1.5‰、3‰、4‰以下。"
        "(牵头单位:区卫健委)"
    )
    assert _pairs(sentence) == [
        ("新生儿死亡率", "<=", 1.5, "‰", "分别控制在1.5‰"),
        ("婴儿死亡率", "<=", 3, "‰", "3‰"),
        ("5岁以下儿童死亡率", "<=", 4, "‰", "4‰以下"),
    ]


def test_distributive_other_measures_and_row_unit():
    atoms = parse_distributive("小学生、初中生和高中生近视率分别降至38、60和76以下", unit="%")
    assert [(a.indicator, a.value, a.unit, a.unit_from_row, a.direction) for a in atoms] == [
        ("小学生近视率", 38, "%", True, "decrease"),
        ("初中生近视率", 60, "%", True, "decrease"),
        ("高中生近视率", 76, "%", True, "decrease"),
    ]


def test_distributive_tail_opened_by_zhong():
    atoms = parse_distributive("2020年区人大代表、区政协委员中女性占比分别达31.81%、37.6%")
    assert [(a.indicator, a.value) for a in atoms] == [
        ("区人大代表中女性占比", 31.81),
        ("区政协委员中女性占比", 37.6),
    ]


def test_distributive_count_mismatch_leaves_indicator_empty():
    atoms = parse_distributive("新生儿和婴儿死亡率分别降至3‰、4‰和6‰以下")
    assert [a.value for a in atoms] == [3, 4, 6]
    assert all(a.indicator is None for a in atoms)


def test_sentence_with_several_clauses():
    sentence = (
        "3.新生儿、婴儿和5岁以下儿童死亡率分别降至3.0‰、4.0‰和6.0‰以下,地区和城乡差距逐步缩小。"
    )
    atoms = parse_distributive(sentence)
    assert [(a.indicator, a.op, a.direction) for a in atoms] == [
        ("新生儿死亡率", "<=", "decrease"),
        ("婴儿死亡率", "<=", "decrease"),
        ("5岁以下儿童死亡率", "<=", "decrease"),
        ("地区和城乡差距", "direction", "decrease"),
    ]


def test_single_measure_sentences():
    assert _pairs(
        "小学生近视率降至38%以下,初中生近视率降至60%以下,高中阶段学生近视率降至76%以下"
    ) == [
        ("小学生近视率", "<=", 38, "%", "降至38%以下"),
        ("初中生近视率", "<=", 60, "%", "降至60%以下"),
        ("高中阶段学生近视率", "<=", 76, "%", "降至76%以下"),
    ]
    (atom,) = parse_distributive("儿童伤害死亡率以2020年为基数下降18%。")
    assert (atom.indicator, atom.op, atom.value, atom.change, atom.baseline_year) == (
        "儿童伤害死亡率",
        "=",
        18,
        True,
        2020,
    )
    (atom,) = parse_distributive("将12岁儿童龋齿患病率控制在30%以内")
    assert (atom.indicator, atom.op, atom.value) == ("12岁儿童龋齿患病率", "<=", 30)


def test_parallel_measures_each_keep_their_own():
    atoms = parse_distributive(
        "中小学生国家学生体质健康标准达标率稳定在95%以上、达标优良率达到40%以上。"
    )
    assert [(a.indicator, a.op, a.value, a.raw) for a in atoms] == [
        ("中小学生国家学生体质健康标准达标率", ">=", 95, "稳定在95%以上"),
        ("达标优良率", ">=", 40, "达到40%以上"),
    ]


def test_clause_opening_with_its_verb():
    (atom,) = parse_distributive("进一步降低婴儿死亡率")
    assert (atom.indicator, atom.direction, atom.qualifier) == (
        "婴儿死亡率",
        "decrease",
        ["进一步"],
    )
    (atom,) = parse_distributive("力争实现儿童友好街区社区覆盖率达到70%以上")
    assert (atom.indicator, atom.op, atom.value, atom.qualifier) == (
        "儿童友好街区社区覆盖率",
        ">=",
        70,
        ["力争"],
    )
    (atom,) = parse_distributive("到2026年至少建设3个儿童友好公园。")
    assert (atom.indicator, atom.op, atom.value, atom.unit) == ("儿童友好公园", ">=", 3, "个")


def test_distributive_list_naming_its_groups():
    atoms = parse_distributive("寄宿学生生活补助标准为小学生1000元/生·年、初中生1250元/生·年。")
    assert [(a.indicator, a.value, a.unit, a.raw) for a in atoms] == [
        ("小学生", 1000, "元/生·年", "1000元/生·年"),
        ("初中生", 1250, "元/生·年", "1250元/生·年"),
    ]


def test_distributive_relative_target_is_named_by_its_subject_not_its_reference():
    atoms = parse_distributive("普惠率达到全市平均水平,城乡差距高于全省平均水平")
    assert [(a.indicator, a.op, a.reference) for a in atoms] == [
        ("普惠率", "=", "全市平均水平"),
        ("城乡差距", ">", "全省平均水平"),
    ]
    (atom,) = parse_distributive("高于全市平均水平")
    assert (atom.indicator, atom.reference) == (None, "全市平均水平")


def test_a_change_against_a_reference_names_the_measure_without_it():
    (atom,) = parse_distributive("儿童住院报销比例较同档成年人住院报销比例提高5个百分点")
    assert (atom.indicator, atom.op, atom.value, atom.change, atom.reference) == (
        "儿童住院报销比例",
        "=",
        5,
        True,
        "同档成年人住院报销比例",
    )


def test_sentence_without_targets():
    assert parse_distributive("加强儿童营养监测。") == []


@pytest.mark.parametrize(
    ("subject", "measures"),
    [
        ("新生儿、婴儿和5岁以下儿童死亡率", ["新生儿死亡率", "婴儿死亡率", "5岁以下儿童死亡率"]),
        ("5岁以下儿童贫血率和生长迟缓率", ["5岁以下儿童贫血率", "5岁以下儿童生长迟缓率"]),
        ("孕产妇死亡率和5岁以下儿童死亡率", ["孕产妇死亡率", "5岁以下儿童死亡率"]),
        ("城市和农村集中供水率", ["城市集中供水率", "农村集中供水率"]),
        ("到2026年,新生儿死亡率", ["新生儿死亡率"]),
        ("每千名儿童拥有儿科执业（助理）医师数", ["每千名儿童拥有儿科执业（助理）医师数"]),
        # a thing whose name opens with a population noun lends no head: 妇女之家 is a place
        ("妇女之家覆盖率和巾帼志愿服务队组建率", ["妇女之家覆盖率", "巾帼志愿服务队组建率"]),
        ("儿童之家覆盖率、家长学校覆盖率", ["儿童之家覆盖率", "家长学校覆盖率"]),
    ],
)
def test_expand_measures(subject, measures):
    assert expand_measures(subject) == measures


# ---------------------------------------------------------------- the vocabulary


def test_vocabulary_words_have_one_meaning():
    g = yaml.safe_load(path_of("targets.yaml").read_text(encoding="utf-8"))
    words: list[str] = []
    for section in ("prefix_operators", "suffix_operators", "directions"):
        for group in g[section].values():
            words += group
    words += list(g["levels"]) + g["qualifiers"] + g["fillers"] + g["distributive_markers"]
    duplicates = sorted({w for w in words if words.count(w) > 1})
    assert not duplicates
