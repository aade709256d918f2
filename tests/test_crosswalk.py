"""Crosswalk: reading names, matching, blocking, clustering and the writers.

Most tests run on tests/fixtures/crosswalk/records.json (real indicator names of the five corpus
plans, built by build_records.py) and on the hand-checked pairs of tests/crosswalk_labels.tsv.
"""

from __future__ import annotations

import gc
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from govdocparse import grammar
from govdocparse.cli import main
from govdocparse.crosswalk import (
    Crosswalk,
    Matcher,
    build_crosswalk,
    load_parsed,
    read_for_crosswalk,
    read_name,
    to_csv,
    to_html,
    to_json,
)
from govdocparse.crosswalk.blocking import candidate_pairs
from govdocparse.crosswalk.evaluate import read_labels, score
from govdocparse.crosswalk.html import chosen_places
from govdocparse.crosswalk.measures import collect
from govdocparse.crosswalk.vocab import compile_vocabulary
from govdocparse.errors import InputError, UsageError
from govdocparse.model import ParseResult

from .support import FIXTURES, TESTS

RECORDS = FIXTURES / "crosswalk" / "records.json"
LABELS = TESTS / "crosswalk_labels.tsv"


@pytest.fixture(scope="module")
def results() -> list[ParseResult]:
    return load_parsed(RECORDS)


@pytest.fixture(scope="module")
def crosswalk(results) -> Crosswalk:
    return build_crosswalk(results)


def cluster_of(crosswalk: Crosswalk, place: str, name: str):
    found = [
        c for c in crosswalk.clusters if any(m.place == place and m.name == name for m in c.members)
    ]
    assert found, f"{place} {name} is not in the crosswalk"
    return found


def linked(crosswalk: Crosswalk, *sides: tuple[str, str]) -> bool:
    common = None
    for place, name in sides:
        ids = {c.id for c in cluster_of(crosswalk, place, name)}
        common = ids if common is None else common & ids
    return bool(common)


# ---------------------------------------------------------------- reading names

READINGS = [
    # name, place, expected key (quals|core|head)
    ("以乡镇（街道）为单位的适龄儿童免疫规划疫苗接种率（%）", None, "|疫苗|接种率"),
    ("以乡镇为单位适龄儿童免疫规划疫苗接种率", None, "|疫苗|接种率"),
    ("渝中区适龄儿童免疫规划疫苗接种率", "渝中区", "|疫苗|接种率"),
    ("纳入国家免疫规划的疫苗接种率", None, "|疫苗|接种率"),
    ("疫苗接种率", None, "|疫苗|接种率"),
    ("乙肝疫苗接种率", None, "乙肝|疫苗|接种率"),
    # a measure of a subject measured under 5 takes that age when it states none
    ("儿童生长迟缓率", None, "0-4岁+生长迟缓||率"),
    ("孕产妇贫血患病率", None, "孕产妇+贫血||率"),
    ("街道未成年人保护站覆盖率", None, "未成年人|保护工作站|覆盖率"),
    ("乡镇（街道）未成年人保护工作站覆盖率", None, "未成年人|保护工作站|覆盖率"),
    ("每千名0-14岁儿童拥有儿科床位数", None, "|每千名儿科床位|数量"),
    ("每千名儿童拥有床位数", None, "|每千名儿科床位|数量"),
    ("新生儿死亡率（‰）", None, "新生儿||死亡率"),
    ("5岁以下儿童死亡率", None, "0-4岁||死亡率"),
    ("7岁以下儿童健康管理率", None, "0-6岁||健康管理率"),
    ("0―6岁儿童健康管理率", None, "0-6岁||健康管理率"),
    ("18岁以下儿童伤害死亡率", None, "|伤害|死亡率"),
    ("学前教育毛入园率（%）", None, "学前||毛入园率"),
    ("女童九年义务教育巩固率（%）", None, "义务教育+女||巩固率"),
    ("九年义务教育巩固率，其中，女生", None, "义务教育+女||巩固率"),
    ("小学生近视率（%）", None, "小学+近视||率"),
    ("全区每千人口拥有3岁以下婴幼儿托位数", "渝中区", "婴幼儿|每千人口托位|数量"),
    ("城乡社区儿童之家覆盖率", None, "|社区儿童之家|覆盖率"),
    # the enrolment of disabled children is counted in compulsory education: a name stating no
    # stage, or one spanning the school years, means it; 三残 is a population of its own
    ("残疾儿童入学率", None, "义务教育+残疾儿童||入学率"),
    ("适龄残疾儿童义务教育入学率", None, "义务教育+残疾儿童||入学率"),
    ("中小学三残儿童入学率", None, "三残儿童+义务教育||入学率"),
    ("三类残疾适龄儿童入学率", None, "三残儿童+义务教育||入学率"),
    ("高中阶段残疾学生入学率", None, "残疾儿童+高中||入学率"),
    # in a daily-time norm 中小学生 says no more than 儿童 or 学生; 在校 and 校外 stay apart
    ("中小学生每日接触自然光照时间", None, "|每天接触户外自然光|时间"),
    ("学生每天接触户外自然光时间", None, "|每天接触户外自然光|时间"),
    ("中小学生每天校内体育活动时间", None, "校内|每天体育活动|时间"),
    ("学生每天校外体育活动时间", None, "校外|每天体育活动|时间"),
    ("小学生每天睡眠时间", None, "小学|每天睡眠|时间"),
    ("中小学生近视率", None, "中小学+近视||率"),
    # an age in Chinese numerals is the same band as in digits
    ("五岁以下儿童死亡率", None, "0-4岁||死亡率"),
    ("十四周岁以下儿童意外伤害死亡率", None, "0-13岁+意外伤害||死亡率"),
    # 托位 are places for children under three, stated or not
    ("每千常住人口托位数", None, "婴幼儿|每千人口托位|数量"),
    # the 国家学生体质健康标准 is one standard for every school child; 小学生 stay apart
    ("中小学生体质健康标准达标优良率", None, "|体质健康标准|达标优良率"),
    ("国家学生体质健康标准达标优良率", None, "|体质健康标准|达标优良率"),
    ("小学生体质健康达标率", None, "小学|体质健康标准|达标率"),
    ("儿童青少年体质健康达标率", None, "|体质健康标准|达标率"),
    ("0～3岁婴幼儿家庭科学育儿指导服务覆盖率", None, "婴幼儿|家庭科学育儿指导服务|覆盖率"),
    ("中小学校专职心理健康教师配备率", None, "中小学|心理健康教育专职教师|配备率"),
    ("义务教育阶段残疾儿童少年入学率", None, "义务教育+残疾儿童||入学率"),
    ("女性接受高等教育比例", None, "女+高等教育||比例"),
    ("孕产妇艾滋病感染率", None, "孕产妇+艾滋病|病毒感染|率"),
    ("留守儿童关爱服务覆盖率", None, "农村+留守儿童|关爱服务|覆盖率"),
    ("困境儿童分类保障覆盖率", None, "困境儿童|分类保障|率"),
    ("0-6个月婴儿纯母乳喂养率", None, "<6月|纯母乳喂养|率"),
    ("出生缺陷导致5岁以下儿童死亡率", None, "0-4岁+出生缺陷|所致|死亡率"),
    # a women's plan's outline measures as other places word them
    ("妇女常见病定期筛查率", None, "女|常见病|筛查率"),
    ("孕产妇系统健康管理率", None, "孕产妇||系统管理率"),
    ("妇女平均预期寿命", None, "女|人均|预期寿命"),
    ("女性就业人员占比", None, "女|就业人员中|比例"),
    ("女性就业人员占全社会就业人员的比例", None, "女|就业人员中|比例"),
    ("宫颈癌和乳腺癌筛查覆盖率", None, "乳腺癌+女+宫颈癌||筛查率"),
    ("妇女两癌筛查覆盖率", None, "乳腺癌+女+宫颈癌||筛查率"),
    ("宫颈癌筛查率", None, "女+宫颈癌||筛查率"),
    ("新生儿家庭访视率", None, "新生儿||访视率"),
    # the whole area at every level a plan is written for, and the nation
    ("全旗婴儿死亡率", None, "婴儿||死亡率"),
    ("全自治区婴儿死亡率", None, "婴儿||死亡率"),
    ("全国婴儿死亡率", None, "婴儿||死亡率"),
    ("孤儿基本生活费标准", None, "孤儿|基本生活保障|标准"),
    # a screening's coverage is its rate; the ages a screening is for by definition say no more
    ("35-64岁妇女宫颈癌筛查覆盖率", None, "女+宫颈癌||筛查率"),
    ("适龄妇女宫颈癌人群筛查率", None, "女+宫颈癌||筛查率"),
    ("女性从业人员占从业人员总数的比例", None, "女|就业人员中|比例"),
    ("妇女参加基本养老保险的比例", None, "女|基本养老保险|参保率"),
    # a per-capita provision is had, and 托位 are in 照护服务机构, by definition
    ("婴幼儿照护服务机构每千人口托位数", None, "婴幼儿|每千人口托位|数量"),
    ("普惠性幼儿园在园幼儿占比", None, "|普惠性幼儿园|覆盖率"),
    ("二级以上综合医院设立儿科的比例", None, "|二级及以上综合医院设置儿科|比例"),
    ("儿童福利机构专业社工配备比例", None, "|儿童福利机构社会工作者|配备率"),
    ("妇女平均受教育年限", None, "女|人均|年限"),
    # the plan's own level, as each place names it; another level stays
    ("市级人大代表中女性比例", "青禾市", "女|人大代表中|比例"),
    ("县人大代表中女性比例", "白沙县", "女|人大代表中|比例"),
    ("县级人大代表中女性比例", "青禾市", "女|县级人大代表中|比例"),
    ("乡镇人大代表中女性比例", "白沙县", "女|乡镇人大代表中|比例"),
    ("县城儿童之家覆盖率", "白沙县", "|县城儿童之家|覆盖率"),
    # (invented pairs of plans of two places) an age range with any dash; a list's joiner left
    # between two qualifiers; the women the two cancers are screened for; word orders
    ("0～6个月婴儿纯母乳喂养率", None, "<6月|纯母乳喂养|率"),
    ("孕产妇艾滋病、梅毒和乙肝检测率", None, "乙肝+孕产妇+梅毒+艾滋病|检测|率"),
    ("乳腺癌人群筛查率", None, "乳腺癌+女||筛查率"),
    ("配备专兼职心理健康工作人员的中小学比例", None, "中小学|专兼职心理健康工作人员|配备率"),
    ("女性占高级专业技术人员的比例", None, "女+高级|专业技术人员中|比例"),
    ("女职工参加生育保险的比例", None, "|女职工生育保险|参保率"),
    # 婴幼儿 are the children under three, stated or not
    ("3岁以下婴幼儿健康管理率", None, "婴幼儿||健康管理率"),
]


@pytest.mark.parametrize("name, place, key", READINGS)
def test_read_name(name, place, key):
    assert read_name(name, place).key == key


def test_alias_and_unit_come_out_of_brackets():
    form = read_name("小学学龄儿童净入学率（小学入学率）")
    assert form.aliases == ("小学入学率",)
    assert read_name("孕产妇死亡率（1/10万）").unit == "1/10万"
    assert read_name("女性青壮年文盲率（15—50岁）").quals == ("15-50岁", "女")


REAL_NAMES = [
    "新生儿死亡率",
    "婴儿死亡率",
    "5岁以下儿童死亡率",
    "学前三年毛入园率",
    "九年义务教育巩固率",
    "城乡社区儿童之家覆盖率",
    "孕产妇系统管理率",
    "0-6岁儿童眼保健和视力检查覆盖率",
    "普惠性幼儿园覆盖率",
    "12岁儿童龋患率",
    "高中阶段毛入学率",
    "女童九年义务教育巩固率",
    "小学生近视率",
]
FULL_WIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")


@settings(max_examples=200, deadline=None)
@given(
    name=st.sampled_from(REAL_NAMES),
    unit=st.sampled_from(["", "（%）", "(%)", "（‰）"]),
    prefix=st.sampled_from(["", "全市", "全区", "梅州市"]),
    wide=st.booleans(),
    filler=st.sampled_from(["", "以乡镇为单位的"]),
)
def test_spelling_variations_read_the_same(name, unit, prefix, wide, filler):
    """Unit suffixes, width, place prefixes and fillers never change what a name measures."""
    variant = prefix + filler + name + unit
    if wide:
        variant = variant.translate(FULL_WIDTH)
    assert read_name(variant, "梅州市").key == read_name(name, "梅州市").key


# ---------------------------------------------------------------- matching

HARD_NEGATIVES = [
    ("新生儿死亡率", "婴儿死亡率"),
    ("婴儿死亡率", "5岁以下儿童死亡率"),
    ("新生儿死亡率", "5岁以下儿童死亡率"),
    ("小学生近视率", "初中生近视率"),
    ("女童九年义务教育巩固率", "九年义务教育巩固率"),
    ("女性人均预期寿命", "人均预期寿命"),
    ("儿童溺水死亡率", "儿童溺水死亡人数"),
    (
        "城市社区中家长学校或家庭教育指导服务站点覆盖率",
        "农村社区中家长学校或家庭教育指导服务站点覆盖率",
    ),
    ("适龄妇女宫颈癌人群筛查率", "适龄妇女乳腺癌人群筛查率"),
    ("儿童意外伤害死亡率", "儿童伤害死亡率"),
    ("中高级专业技术人员", "高级专业技术人员"),
    ("配有女干部的领导班子数", "配有正职女干部的领导班子数"),
    # token_set_ratio would score these 100: one name's words contain the other's
    ("普惠托育服务机构数量", "普惠托育服务机构和托位数量"),
    ("女失业保险参保人数", "失业保险参保人数"),
    ("三残儿童入学率", "残疾儿童入学率"),
    ("学生每天校内体育活动时间", "学生每天校外体育活动时间"),
    ("幼儿园幼儿每日户外活动时间", "中小学生每日户外活动时间"),
    # a list is within another only when that one gives examples (…等), and all its things are
    ("阅读、绘画、音乐和体育活动时间", "阅读、绘画、音乐、体育、科技活动时间"),
    ("阅读、绘画、书法和手工等时间", "阅读、绘画、音乐、体育等时间"),
    # a screening of women outside the ages it is for by definition is a measure of its own
    ("45-64岁妇女宫颈癌筛查覆盖率", "适龄妇女宫颈癌人群筛查率"),
    ("公办幼儿园在园幼儿占比", "普惠性幼儿园在园幼儿占比"),
    # a government's departments are not the party's and the government's together
    ("党政工作部门领导班子配备女干部的比例", "政府工作部门领导班子中配备女干部比例"),
    # a word order or a dropped joiner keeps what tells measures apart
    ("配备专职心理健康教师的小学比例", "初中专职心理健康教师配备率"),
    ("女性占高级专业技术人员的比例", "中高级专业技术人员中女性比例"),
    ("孕产妇艾滋病、梅毒和乙肝检测率", "孕产妇艾滋病和梅毒检测率"),
    ("女职工参加生育保险的比例", "女职工参加失业保险的比例"),
    # a screening of men is not the women's a name of the cancer alone means
    ("乳腺癌人群筛查率", "男性乳腺癌筛查率"),
    # 婴幼儿 are under three: a band beyond it is all young children's
    ("3岁以下婴幼儿健康管理率", "7岁以下儿童健康管理率"),
]


# Measures other places word otherwise, each the same by definition (invented pairs of plans of
# two places: a province's and a county's 儿童发展规划, a city's and a county's 妇女发展规划, two
# 儿童友好 indicator tables, a city's and a county's 未成年人保护 工作要点)
SAME_MEASURES = [
    ("6个月内婴儿纯母乳喂养率", "0～6个月婴儿纯母乳喂养率"),
    ("0～6岁儿童眼保健和视力检查覆盖率", "0-6岁儿童眼保健和视力检查率"),
    ("中小学生国家学生体质健康标准达标优良率", "中小学生体质健康达标优良率"),
    ("配备专兼职心理健康工作人员的中小学比例", "中小学专兼职心理健康工作人员配备率"),
    ("高级专业技术人员中女性比例", "女性占高级专业技术人员的比例"),
    ("女职工生育保险参保率", "女职工参加生育保险的比例"),
    ("孕产妇艾滋病、梅毒和乙肝检测率", "孕产妇艾滋病、梅毒、乙肝检测率"),
    ("乳腺癌人群筛查率", "35-64岁妇女乳腺癌筛查覆盖率"),
    ("产前筛查率", "孕妇产前筛查率"),
    ("村（居）儿童主任配备率", "儿童主任配备率"),
    ("乡镇（街道）儿童督导员配备率", "儿童督导员配备率"),
    ("3岁以下婴幼儿健康管理率", "0-3岁婴幼儿健康管理率"),
    ("新生儿遗传代谢性疾病筛查率", "新生儿遗传代谢病筛查率"),
    ("新生儿听力筛查率", "新生儿听力障碍筛查率"),
]


@pytest.mark.parametrize("a, b", SAME_MEASURES)
def test_measures_worded_otherwise_link(a, b):
    matcher = Matcher()
    assert matcher.compare(matcher.read(a), matcher.read(b)) is not None


@pytest.mark.parametrize("a, b", HARD_NEGATIVES)
def test_discriminating_tokens_block_links(a, b):
    matcher = Matcher()
    assert matcher.compare(matcher.read(a), matcher.read(b)) is None


def test_units_that_differ_need_strong_evidence():
    matcher = Matcher()
    a, b = (
        matcher.read("城市社区中家长学校或家庭教育指导服务站点覆盖率"),
        matcher.read("城市社区建立家长学校或家庭教育指导服务站点覆盖率"),
    )
    link = matcher.compare(a, b)
    assert link and link.rule.startswith("score")
    assert matcher.compare(a, b, "%", "‰") is None
    same = matcher.compare(
        matcher.read("儿童溺水死亡率"), matcher.read("儿童溺水死亡率"), "%", "1/10万"
    )
    assert same is not None and "units differ" in same.rule


def test_evidence_names_the_rule():
    matcher = Matcher()
    synonym = matcher.compare(matcher.read("学前三年毛入园率"), matcher.read("学前教育毛入园率"))
    assert synonym and synonym.rule == "synonym: 学前三年毛入园率=学前教育毛入园率"
    fuzzy = matcher.compare(
        matcher.read("乡镇（街道）党政领导班子女干部配备率"),
        matcher.read("乡镇（街道）党政领导班子中女干部配备率"),
    )
    assert fuzzy and fuzzy.rule.startswith("score ") and not fuzzy.strong


def test_alias_links_names_the_rules_keep_apart():
    matcher = Matcher()
    old = matcher.read("小学学龄儿童净入学率（小学入学率）")
    new = matcher.read("小学入学率")
    assert matcher.compare(old, new) is None  # 净入学率 vs 入学率: different heads
    link = matcher.compare(old, new, aliases_a=[matcher.read(a) for a in old.aliases])
    assert link and link.rule == "alias: 小学入学率" and link.strong


def test_a_list_within_a_list_of_examples_links():
    matcher = Matcher()
    examples = matcher.read("户外运动、阅读、手工、亲子游戏等时间")
    listed = matcher.read("学生阅读、户外运动和亲子游戏的时间")
    link = matcher.compare(listed, examples)
    assert link is not None and not link.strong
    assert link.rule == "listed within examples (3 of 4)"


def test_bare_head_names_link_to_nothing():
    matcher = Matcher()
    assert matcher.compare(matcher.read("覆盖率"), matcher.read("覆盖率")) is None


# ---------------------------------------------------------------- the corpus crosswalk


def test_every_labelled_pair_is_right(crosswalk):
    labels = read_labels(LABELS)
    result = score(crosswalk, labels)
    assert not result.unknown
    assert result.wrong_links == []
    assert result.missed_links == []


@pytest.mark.parametrize(
    "measure, sides",
    [
        (
            "学前三年毛入园率",
            [
                ("万州区", "学前三年毛入园率"),
                ("开州区", "学前教育毛入园率"),
                ("开州区", "学前三年毛入园率"),
                ("遵义市", "学前三年毛入园率"),
                ("梅州市", "学前三年毛入园率"),
                ("渝中区", "学前教育三年毛入园率"),
            ],
        ),
        (
            "5岁以下儿童死亡率",
            [
                ("万州区", "5岁以下儿童死亡率"),
                ("开州区", "5岁以下儿童死亡率"),
                ("遵义市", "5岁以下儿童死亡率"),
                ("梅州市", "5岁以下儿童死亡率"),
                ("渝中区", "5岁以下儿童死亡率"),
            ],
        ),
        (
            "九年义务教育巩固率",
            [
                ("开州区", "九年义务教育巩固率"),
                ("遵义市", "九年义务教育巩固率"),
                ("梅州市", "九年义务教育巩固率"),
            ],
        ),
        (
            "婴儿死亡率",
            [
                ("万州区", "婴儿死亡率"),
                ("开州区", "婴儿死亡率"),
                ("遵义市", "婴儿死亡率"),
                ("梅州市", "婴儿死亡率"),
                ("渝中区", "婴儿死亡率"),
            ],
        ),
        (
            "新生儿死亡率",
            [
                ("开州区", "新生儿死亡率"),
                ("遵义市", "新生儿死亡率"),
                ("梅州市", "新生儿死亡率"),
                ("渝中区", "新生儿死亡率"),
            ],
        ),
        (
            "儿童之家覆盖率",
            [
                ("开州区", "建有儿童之家的城乡社区（村）：城乡社区（村）覆盖率"),
                ("遵义市", "城乡社区儿童之家覆盖率"),
                ("梅州市", "城乡社区儿童之家覆盖率"),
                ("渝中区", "社区儿童之家覆盖率"),
            ],
        ),
    ],
)
def test_core_measures_link_across_places(crosswalk, measure, sides):
    assert linked(crosswalk, *sides), measure


def test_hard_negatives_of_the_corpus_stay_apart(crosswalk):
    for a, b in [
        (("梅州市", "新生儿死亡率"), ("梅州市", "婴儿死亡率")),
        (("遵义市", "小学生近视率"), ("遵义市", "初中生近视率")),
        (("开州区", "孕产妇死亡率：城市"), ("开州区", "孕产妇死亡率：农村")),
        (("开州区", "女童九年义务教育巩固率"), ("梅州市", "九年义务教育巩固率")),
        (("梅州市", "灾害事故导致儿童死亡人数"), ("遵义市", "儿童伤害死亡率")),
    ]:
        assert not linked(crosswalk, a, b), (a, b)


def test_a_table_gives_at_most_one_row_per_cluster(crosswalk):
    for cluster in crosswalk.clusters:
        tables = [(m.source_file, m.document_id, m.table_id) for m in cluster.members if m.table_id]
        assert len(tables) == len(set(tables)), cluster.name


def test_past_result_stands_beside_the_new_target(crosswalk):
    [cluster] = cluster_of(crosswalk, "开州区", "婴儿死亡率")
    kaizhou = [m for m in cluster.members if m.place == "开州区"]
    assert {m.table_label for m in kaizhou} == {"专栏1", "专栏2"}
    assert any(m.actual and m.actual.raw == "3.45" for m in kaizhou)


def test_every_indicator_takes_part(results, crosswalk):
    indicators = sum(len(d.indicators) for r in results for d in r.documents)
    members = sum(len(c.members) for c in crosswalk.clusters)
    # the distributive list of 渝中 (新生儿、婴儿和5岁以下儿童死亡率) is one record, three members
    assert members == indicators + 2


def test_distributive_list_becomes_one_member_per_measure(crosswalk):
    parts = [m for c in crosswalk.clusters for m in c.members if m.part]
    assert sorted(m.name for m in parts) == ["5岁以下儿童死亡率", "婴儿死亡率", "新生儿死亡率"]
    assert {m.indicator_id for m in parts} == {"d1-p4"}
    newborn = next(m for m in parts if m.name == "新生儿死亡率")
    assert newborn.targets[0].raw == "1.5‰"


def test_sub_rows_are_read_with_their_parent(crosswalk):
    [cluster] = cluster_of(crosswalk, "开州区", "村民委员会成员人数：女性比例")
    assert any(m.name == "村委会成员中女性比例" for m in cluster.members)


def test_evidence_explains_each_link(crosswalk):
    [cluster] = cluster_of(crosswalk, "渝中区", "学前教育三年毛入园率")
    rules = {e.rule for e in cluster.evidence}
    assert "synonym: 学前三年毛入园率=学前教育三年毛入园率" in rules
    assert cluster.name == "学前三年毛入园率"
    [forced] = cluster_of(crosswalk, "万州区", "0―6岁儿童基础免疫（八种疫苗）疫苗接种率")
    assert "forced by indicator_synonyms.yaml" in {e.rule for e in forced.evidence}


def test_result_is_deterministic(results, crosswalk):
    assert to_json(build_crosswalk(results)) == to_json(crosswalk)


# ---------------------------------------------------------------- user rules


def _vocabulary(**changes):
    data = dict(grammar.load("indicator_synonyms"))
    data.update(changes)
    return compile_vocabulary(data, grammar.load("crosswalk"))


def _result(place: str, names: list[str], table: str | None = "t1") -> ParseResult:
    return ParseResult.model_validate(
        {
            "parser_version": "test",
            "source": {"path": f"{place}.txt", "format": "txt", "sha256": "0" * 64},
            "documents": [
                {
                    "id": "d1",
                    "kind": "plan",
                    "title": None,
                    "metadata": {"place": place},
                    "indicators": [
                        {
                            "id": f"i{n}",
                            "source": "table" if table else "prose",
                            "name_raw": name,
                            "name": name,
                            "table_id": table,
                            "provenance": {"file": f"{place}.txt"},
                        }
                        for n, name in enumerate(names)
                    ],
                }
            ],
        }
    )


def test_forbidden_pairs_stay_apart_even_through_a_chain():
    # A ~ B (score 95) and B ~ C (score 91) chain A to C; forbidding A–C breaks the chain.
    a, b, c = (
        "城市社区中家长学校服务站点覆盖率",
        "城市社区家长学校服务站点覆盖率",
        "城市社区建立家长学校服务站点覆盖率",
    )
    plans = [_result("甲", [a]), _result("乙", [b]), _result("丙", [c])]
    assert [len(cl.members) for cl in build_crosswalk(plans).clusters] == [3]
    crosswalk = build_crosswalk(plans, Matcher(_vocabulary(forbid=[[a, c]])))
    groups = [{m.name for m in cl.members} for cl in crosswalk.clusters]
    assert {a, b} in groups and {c} in groups


def test_forced_pairs_link_and_say_so():
    matcher = Matcher(_vocabulary(force=[["孤儿基本生活保障率", "事实无人抚养儿童基本生活保障率"]]))
    crosswalk = build_crosswalk(
        [_result("甲", ["孤儿基本生活保障率"]), _result("乙", ["事实无人抚养儿童基本生活保障率"])],
        matcher,
    )
    [cluster] = crosswalk.clusters
    assert [e.rule for e in cluster.evidence] == ["forced by indicator_synonyms.yaml"]


def test_same_name_twice_in_one_table_makes_two_clusters_but_prose_repeats_join():
    table = build_crosswalk(
        [_result("甲", ["婴儿死亡率", "婴儿死亡率"]), _result("乙", ["婴儿死亡率"])]
    )
    assert sorted(len(c.members) for c in table.clusters) == [1, 2]
    prose = build_crosswalk([_result("甲", ["婴儿死亡率", "婴儿死亡率"], table=None)])
    assert [len(c.members) for c in prose.clusters] == [2]


# ---------------------------------------------------------------- scale and laziness


def test_blocking_does_not_compare_all_pairs():
    matcher = Matcher()
    names = [f"第{n}类儿童活动场所覆盖率" for n in range(300)] + [
        f"第{n}号托育机构数量" for n in range(300)
    ]
    forms = [matcher.read(n) for n in names]
    pairs = sum(1 for _ in candidate_pairs(forms, matcher.settings))
    assert pairs < len(forms) * (len(forms) - 1) // 2 / 4


def test_jieba_is_imported_only_when_the_crosswalk_runs():
    code = (
        "import sys, govdocparse.crosswalk as c; assert 'jieba' not in sys.modules;"
        f" c.build_crosswalk(c.load_parsed({str(RECORDS)!r})); assert 'jieba' in sys.modules"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""  # jieba's "Building prefix dict…" chatter is silenced


# ---------------------------------------------------------------- writers and loading


def test_json_round_trips(crosswalk, tmp_path):
    path = tmp_path / "crosswalk.json"
    to_json(crosswalk, path)
    again = Crosswalk.model_validate_json(path.read_text(encoding="utf-8"))
    assert again.clusters[0].name == crosswalk.clusters[0].name
    data = json.loads(path.read_text(encoding="utf-8"))
    member = data["clusters"][0]["members"][0]
    assert {
        "place",
        "document_id",
        "indicator_id",
        "name",
        "unit",
        "targets",
        "source_file",
    } <= set(member)
    assert {"id", "name", "members", "score", "evidence"} <= set(data["clusters"][0])


@pytest.mark.parametrize("clusters", [slice(None), slice(1), slice(0)])
def test_writers_stream_the_text_they_return(crosswalk, tmp_path, clusters):
    """Given a path, each writer writes a cluster (or row) at a time; the file must be exactly
    the text it returns without a path, and the JSON exactly pydantic's whole dump."""
    part = crosswalk.model_copy(update={"clusters": crosswalk.clusters[clusters]})
    text = to_json(part)
    assert text == part.model_dump_json(indent=1) + "\n"
    writers: list[tuple[Callable[[Crosswalk, Path], None], str]] = [
        (to_json, text),
        (to_csv, to_csv(part)),
        (to_html, to_html(part)),
    ]
    for n, (writer, expected) in enumerate(writers):
        path = tmp_path / f"out-{n}"
        writer(part, path)
        assert path.read_text(encoding="utf-8") == expected
    assert Crosswalk.model_validate_json(text) == part


def test_csv_has_one_row_per_member(crosswalk):
    lines = to_csv(crosswalk).splitlines()
    assert lines[0].startswith("cluster_id,cluster_name")
    assert len(lines) - 1 == sum(len(c.members) for c in crosswalk.clusters)


def test_html_is_a_self_contained_matrix(crosswalk):
    page = to_html(crosswalk)
    assert "<script" not in page and "http://" not in page and "https://" not in page
    for place in ["万州区", "开州区", "遵义市", "梅州市", "渝中区"]:
        assert f"<th>{place}</th>" in page
    assert 'class="agree"' in page and 'class="differ"' in page and 'class="missing"' in page
    assert "≥93" in page and "＜2.5" in page
    shared = to_html(crosswalk, min_places=5)
    assert shared.count("<tr>") == 1 + sum(
        len({m.place for m in c.members}) >= 5 for c in crosswalk.clusters
    )


def test_html_shows_measures_of_two_places_by_default_and_all_on_request(crosswalk):
    several = sum(len(c.places) >= 2 for c in crosswalk.clusters)
    assert 0 < several < len(crosswalk.clusters)
    page = to_html(crosswalk)
    assert page.count("<tr>") == 1 + several
    assert f"{several} of {len(crosswalk.clusters)} measures" in page and "--min-places 1" in page
    assert to_html(crosswalk, min_places=1).count("<tr>") == 1 + len(crosswalk.clusters)


def test_html_of_chosen_places_counts_rows_and_colours_among_them(crosswalk):
    # a reader comparing two of the places: their columns only, a measure a row when both have
    # it, and agreement decided between them alone
    places = chosen_places(crosswalk, ["开州", "渝中区"])
    assert places == ["开州区", "渝中区"]
    page = to_html(crosswalk, places=places)
    assert "<th>开州区</th>" in page and "<th>渝中区</th>" in page and "<th>万州区</th>" not in page
    both = [c for c in crosswalk.clusters if {"开州区", "渝中区"} <= set(c.places)]
    assert 0 < len(both) == page.count("<tr>") - 1
    assert "of the 2 places shown" in page
    assert '<td class="missing"' not in page


@pytest.mark.parametrize("name, problem", [("某某县", "is no place"), ("州", "names several")])
def test_a_place_the_records_do_not_name_once_is_refused(crosswalk, name, problem):
    with pytest.raises(UsageError, match=problem):
        chosen_places(crosswalk, [name])


def test_the_cli_draws_the_html_of_chosen_places_and_refuses_an_unknown_one(tmp_path, capsys):
    out = tmp_path / "x.json"
    page = tmp_path / "x.html"
    argv = ["crosswalk", str(RECORDS), "-o", str(out), "--html", str(page)]
    assert main([*argv, "--html-places", "开州区，遵义"]) == 0
    assert "<th>遵义市</th>" in page.read_text(encoding="utf-8")
    out.unlink()
    page.unlink()
    assert main([*argv, "--html-places", "某某县"]) == 2
    assert "某某县 is no place" in capsys.readouterr().err
    assert not out.exists() and not page.exists()


def test_html_legend_explains_every_cell_colour(crosswalk):
    page = to_html(crosswalk, min_places=1)
    used = set(re.findall(r'<td class="(\w+)"', page))
    legend = re.search(r'<p class="legend">(.*?)</p>', page)
    assert legend
    explained = set(re.findall(r'<span class="(\w+)">', legend.group(1)))
    assert used <= explained and "only" in used
    css = re.search(r"<style>(.*)</style>", page, re.S)
    assert css and all(f".{name} {{" in css.group(1) for name in explained)


def _member(place: str, raw: str, **atom) -> dict:
    return {
        "place": place,
        "document_id": "d1",
        "indicator_id": f"{place}-1",
        "name": "学前三年毛入园率",
        "targets": [{"label": "目标", "raw": raw, "atoms": [{"raw": raw, **atom}] if atom else []}],
        "source_file": f"{place}.json",
        "source": "prose",
        "key": "学前三年毛入园率",
    }


@pytest.mark.parametrize(
    "a, b, agree",
    [
        (
            ("100", {"op": "=", "value": 100}),
            ("保持100%", {"op": "=", "value": 100, "unit": "%", "direction": "maintain"}),
            True,
        ),
        (
            ("≥93", {"op": ">=", "value": 93}),
            ("达到93%以上", {"op": ">=", "value": 93, "unit": "%"}),
            True,
        ),
        (("≥93", {"op": ">=", "value": 93}), ("＞93", {"op": ">", "value": 93}), False),
        (
            ("≥93", {"op": ">=", "value": 93}),
            ("保持在95%以上", {"op": ">=", "value": 95, "direction": "maintain"}),
            False,
        ),
        (
            ("逐年提高", {"op": "direction", "direction": "increase"}),
            ("稳步提高", {"op": "direction", "direction": "increase"}),
            True,
        ),
        (
            ("提高", {"op": "direction", "direction": "increase"}),
            ("下降", {"op": "direction", "direction": "decrease"}),
            False,
        ),
        (("全覆盖", {"op": "text"}), ("全 覆盖", {"op": "text"}), True),
        (("全覆盖", {}), ("基本实现", {}), False),
    ],
)
def test_html_agreement_compares_values_not_wording(a, b, agree):
    (raw_a, atom_a), (raw_b, atom_b) = a, b
    cluster = {
        "id": "m-1",
        "name": "学前三年毛入园率",
        "members": [_member("甲区", raw_a, **atom_a), _member("乙区", raw_b, **atom_b)],
        "score": 100,
    }
    page = to_html(Crosswalk.model_validate({"clusters": [cluster], "places": ["甲区", "乙区"]}))
    classes = re.findall(r'<td class="(\w+)">', page)
    assert classes == (["agree", "agree"] if agree else ["differ", "differ"])
    assert raw_a in page and raw_b in page  # what each plan wrote is shown as written


def test_load_parsed_reads_a_directory_and_names_bad_files(results, tmp_path):
    (tmp_path / "batch-sub-folder").mkdir()
    for n, result in enumerate(results):
        where = tmp_path / ("batch-sub-folder" if n % 2 else "")
        (where / f"{n}.json").write_text(result.model_dump_json(), encoding="utf-8")
    (tmp_path / ".hidden.json").write_text("{", encoding="utf-8")
    assert len(load_parsed(tmp_path)) == len(results)
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match=r"broken\.json"):
        load_parsed(tmp_path)
    skipped: list[str] = []
    assert len(list(read_for_crosswalk(tmp_path, skipped))) == len(results)
    assert len(skipped) == 1 and "broken.json: cannot read parsed JSON" in skipped[0]
    with pytest.raises(UsageError, match="does not exist"):
        load_parsed(tmp_path / "missing")
    (tmp_path / "empty").mkdir()
    with pytest.raises(UsageError, match="no parsed records"):
        load_parsed(tmp_path / "empty")


def test_reading_the_measures_leaves_no_reference_cycle(results):
    """A record is freed as soon as its measures are read, not when the garbage collector runs:
    at scale, records kept alive by a cycle cost memory and collector time."""
    collect(results)  # the vocabulary and word lists, loaded once
    gc.collect()
    gc.disable()
    try:
        collect(results)
        assert gc.collect() == 0
    finally:
        gc.enable()


def _record_with_targets(place: str) -> dict:
    """A parsed record of one plan whose two rows state their targets and actual values."""

    def target(raw: str, op: str, value: float) -> dict:
        atom = {"op": op, "value": value, "unit": "%", "unit_from_row": True, "raw": raw}
        return {"label": "目标值", "year": 2030, "raw": raw, "atoms": [atom], "provenance": {}}

    return {
        "schema_version": "2.0",
        "parser_version": "test",
        "source": {"path": f"{place}.txt", "format": "txt", "sha256": "0" * 64},
        "documents": [
            {
                "id": "d1",
                "kind": "plan",
                "title": f"{place}儿童发展规划",
                "metadata": {"place": place},
                "indicators": [
                    {
                        "id": f"d1-i{n}",
                        "source": "table",
                        "name_raw": name,
                        "name": name,
                        "unit": "%",
                        "targets": [
                            target(f"≥{value}", ">=", value),
                            target("逐年提高", "text", 0),
                        ],
                        "actual": {"year": 2025, "value": value - 2, "raw": str(value - 2)},
                        "provenance": {"lines": [n + 3, n + 3]},
                    }
                    for n, (name, value) in enumerate(
                        [("学前三年毛入园率", 95), ("高中毛入学率", 92)]
                    )
                ],
            }
        ],
    }


def _write_records(folder: Path, records: dict[str, dict]) -> None:
    for name, record in records.items():
        (folder / name).write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


def test_the_crosswalk_reader_shares_targets_written_alike(tmp_path):
    a, b, c = (_record_with_targets(place) for place in ("临江区", "青山县", "白沙镇"))
    # the same target in other words: a wider bound, and a value written as a float
    c["documents"][0]["indicators"][0]["targets"][0]["atoms"][0]["op"] = ">"
    c["documents"][0]["indicators"][1]["actual"]["value"] = 90.0
    _write_records(tmp_path, {"a.json": a, "b.json": b, "c.json": c})
    skipped: list[str] = []
    records = list(read_for_crosswalk(tmp_path, skipped))
    assert not skipped
    (first, second), _, (third, fourth) = (r.documents[0].indicators for r in records)
    other = records[1].documents[0].indicators
    assert all(x is y for x, y in zip(first.targets, other[0].targets, strict=True))
    assert first.actual is other[0].actual
    assert fourth.actual == other[1].actual  # 90 and 90.0
    assert third.targets[0] is not first.targets[0] and third.targets[0].atoms[0].op == ">"
    assert third.targets[1] is first.targets[1] is second.targets[1]  # 逐年提高 in every row
    assert first.targets[0].provenance is None and first.targets[0].atoms[0].unit_from_row


def _set(path: str, value: object) -> Callable[[dict], None]:
    """An edit of a record: the value at a dotted path of keys and list indices."""

    def edit(record: dict) -> None:
        *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        for key in parents:
            record = record[key]
        record[last] = value

    return edit


INDICATOR = "documents.0.indicators.1"
# (edit of a record already read once, with its other values unchanged: where the refusal points)
NOT_RECORDS = [
    (_set(f"{INDICATOR}.targets.1.atoms.0.op", "about"), f"{INDICATOR}.targets.1.atoms.0.op"),
    (_set(f"{INDICATOR}.targets.0.atoms.0.comment", "x"), f"{INDICATOR}.targets.0.atoms.0.comment"),
    (_set(f"{INDICATOR}.targets.0.raw", None), f"{INDICATOR}.targets.0.raw"),
    (_set(f"{INDICATOR}.targets.1", "逐年提高"), f"{INDICATOR}.targets.1"),
    (_set(f"{INDICATOR}.targets", {"目标值": "≥92"}), f"{INDICATOR}.targets"),
    (_set(f"{INDICATOR}.actual", "90"), f"{INDICATOR}.actual"),
    (_set(f"{INDICATOR}.actual.year", "二〇二五"), f"{INDICATOR}.actual.year"),
    (_set(f"{INDICATOR}.name", None), f"{INDICATOR}.name"),
    (_set("documents.0.metadata", []), "documents.0.metadata"),
]


@pytest.mark.parametrize("edit, where", NOT_RECORDS, ids=[w for _, w in NOT_RECORDS])
def test_the_crosswalk_reader_names_a_file_that_is_not_a_record_and_skips_it(tmp_path, edit, where):
    good, bad = _record_with_targets("临江区"), _record_with_targets("青山县")
    edit(bad)
    _write_records(tmp_path, {"a.json": good, "b.json": bad})
    skipped: list[str] = []
    assert [r.source.path for r in read_for_crosswalk(tmp_path, skipped)] == ["临江区.txt"]
    assert len(skipped) == 1 and f"b.json: not a parsed record: {where}: " in skipped[0]
    with pytest.raises(InputError):
        load_parsed(tmp_path / "b.json")  # the whole record is refused as well


def test_every_synonym_spelling_reads_as_its_canonical_name():
    data = yaml.safe_load(
        (grammar.grammar_dir() / "indicator_synonyms.yaml").read_text(encoding="utf-8")
    )
    for group in data["synonyms"]:
        canonical = read_name(group[0])
        for spelling in group[1:]:
            assert read_name(spelling).key == canonical.key, (group[0], spelling)
