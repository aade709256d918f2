"""Indicators from the corpus tables and from prose goal sentences."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from govdocparse.extract.indicators import (
    clean_name,
    indicators_from_paragraph,
    indicators_from_table,
)
from govdocparse.extract.tables import build_table
from govdocparse.model import Indicator, Provenance, Responsibility, Table
from govdocparse.readers import read
from govdocparse.source import Paragraph, TableBlock

RAW = Path(__file__).resolve().parents[1] / "corpus" / "raw"
KAIZHOU = "kaizhou-2023-women-children-plans.txt"
MEIZHOU = "meizhou-2023-child-friendly-city.txt"
PROV = Provenance(file="t.txt", lines=(1, 1))


@cache
def corpus_table(name: str, index: int, title: str | None) -> Table:
    block = [b for b in read(RAW / name).blocks if isinstance(b, TableBlock)][index]
    return build_table(
        block, table_id=f"tb{index}", label=None, number=None, title=title, section_id="s1"
    )


@cache
def table_indicators(
    name: str, index: int, title: str | None = None
) -> tuple[dict[str, Indicator], list[Responsibility]]:
    indicators, responsibilities = indicators_from_table(
        corpus_table(name, index, title), id_prefix="T"
    )
    return {i.id: i for i in indicators}, responsibilities


def responsible(indicator: Indicator, responsibilities: list[Responsibility]) -> Responsibility:
    """The responsibility an indicator references, which must be among those extracted."""
    [owner] = [r for r in responsibilities if r.id == indicator.responsible_id]
    return owner


def women_results():
    return table_indicators(KAIZHOU, 0, "2011—2020年妇女发展主要指标完成情况")


def women_targets():
    return table_indicators(KAIZHOU, 1, "2021—2030年妇女发展主要指标")


def children_results():
    return table_indicators(KAIZHOU, 10, "2011—2020年儿童发展主要指标完成情况")


def children_targets():
    return table_indicators(KAIZHOU, 11, "2021—2030年儿童发展主要指标")


def meizhou_indicators():
    return table_indicators(MEIZHOU, 2, "儿童友好城市建设主要指标（指导性）")


def ops(atoms) -> list[tuple]:
    return [(a.op, a.value, a.unit) for a in atoms]


# ---------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("raw", "name", "unit", "aliases"),
    [
        ("婚前医学检查率（%）", "婚前医学检查率", "%", []),
        ("孕产妇死亡率（1/10万）", "孕产妇死亡率", "1/10万", []),
        ("妇女人均预期寿命（岁）", "妇女人均预期寿命", "岁", []),
        ("女性基本养老保险参保人数（万人）", "女性基本养老保险参保人数", "万人", []),
        (
            "每千名（0-14岁）儿童拥有医疗床位数（张）",
            "每千名（0-14岁）儿童拥有医疗床位数",
            "张",
            [],
        ),
        ("区级文明家庭（户）", "区级文明家庭", "户", []),
        (
            "集中供养孤儿基本生活保障平均标准（元/人·月）",
            "集中供养孤儿基本生活保障平均标准",
            "元/人·月",
            [],
        ),
        ("学前三年毛入园率（学前教育毛入园率）", "学前三年毛入园率", None, ["学前教育毛入园率"]),
        (
            "受救助（庇护）所救助人次（受救助庇护的妇女儿童人次数）",
            "受救助（庇护）所救助人次",
            None,
            ["受救助庇护的妇女儿童人次数"],
        ),
        ("小学学龄儿童净入学率(小学入学率)(%)", "小学学龄儿童净入学率", "%", ["小学入学率"]),
        ("女性青壮年文盲率（15—50岁）", "女性青壮年文盲率（15—50岁）", None, []),
        ("出生婴儿性别比（以女孩为100）", "出生婴儿性别比（以女孩为100）", None, []),
        ("残疾儿童康复救助人数（0—6岁）", "残疾儿童康复救助人数（0—6岁）", None, []),
        (
            "农村卫生厕所普及率（三类区县：渝东北渝东南片区）",
            "农村卫生厕所普及率（三类区县：渝东北渝东南片区）",
            None,
            [],
        ),
        ("城市公办幼儿园数（城区）", "城市公办幼儿园数（城区）", None, []),
        (
            "城乡低保对象人数（用于城市居民最低生活保障人数）",
            "城乡低保对象人数（用于城市居民最低生活保障人数）",
            None,
            [],
        ),
        ("其中：女童数", "女童数", None, []),
        ("其中： 儿童", "儿童", None, []),
        ("  农村", "农村", None, []),
        ("药品（含儿童药品）质量抽检合格率", "药品（含儿童药品）质量抽检合格率", None, []),
    ],
)
def test_clean_name(raw, name, unit, aliases):
    assert clean_name(raw) == (name, unit, aliases)


# ---------------------------------------------------------------- tables


def test_women_results_table():
    inds, resps = women_results()
    assert len(inds) == 170 and len(resps) == 84
    first = inds["T-r0"]
    assert (first.seq, first.name, first.name_raw, first.unit, first.aliases) == (
        1,
        "学前三年毛入园率",
        "学前三年毛入园率（学前教育毛入园率）",
        "%",
        ["学前教育毛入园率"],
    )
    assert (first.baseline.year, first.baseline.value, first.baseline.raw) == (2010, 70.56, "70.56")
    assert (first.actual.year, first.actual.value) == (2020, 91.0)
    [target] = first.targets
    assert (target.label, target.year, target.raw) == ("规划目标", 2020, "＞85")
    assert ops(target.atoms) == [(">", 85.0, "%")]
    owner = responsible(first, resps)
    assert owner.kind == "责任单位" and [a.name for a in owner.lead] == ["区教委"]
    assert (first.table_id, first.section_id, first.source, first.attribute) == (
        "tb0",
        "s1",
        "table",
        None,
    )
    assert first.provenance.lines == (36, 42) and first.provenance.table_row == 0
    assert target.provenance.table_col == 4 and first.baseline.provenance.table_col == 3


def test_women_results_sub_rows_share_the_parent_responsibility():
    inds, resps = women_results()
    girls = inds["T-r2"]
    assert (girls.name, girls.name_raw, girls.parent_id, girls.seq) == (
        "女童数",
        "其中：女童数",
        "T-r1",
        None,
    )
    assert girls.baseline is None and girls.targets == []  # — in both
    assert girls.actual.value == 21000
    assert girls.responsible_id == inds["T-r1"].responsible_id
    assert responsible(girls, resps).attached_to == "T-r1"
    assert not any(r.attached_to == "T-r2" for r in resps)
    rural = inds["T-r13"]
    assert (rural.name, rural.parent_id, rural.unit) == ("农村", "T-r11", "1/10万")
    share = inds["T-r56"]
    assert (share.name, share.parent_id, share.unit) == ("所占比例", "T-r54", "%")
    assert ops(share.targets[0].atoms) == [(">", 35.0, "%")]


def test_women_results_values_without_a_number():
    inds, _ = women_results()
    screening = inds["T-r38"]
    assert screening.name == "免费孕前优生健康检查目标人群覆盖率"
    assert (screening.baseline.raw, screening.baseline.value, screening.baseline.atoms) == (
        "未开展",
        None,
        [],
    )
    cancer = inds["T-r15"]
    assert cancer.baseline is None and cancer.targets[0].atoms[0].direction == "decrease"
    toilets = inds["T-r43"]
    assert toilets.name == "农村卫生厕所普及率（三类区县：渝东北渝东南片区）"
    assert toilets.targets[0].raw == "逐步提高"
    ratio = inds["T-r45"]
    assert (ratio.name, ratio.unit, ratio.parent_id) == (
        "出生婴儿性别比（以女孩为100）",
        "X:100",
        "T-r44",
    )
    assert inds["T-r73"].baseline.value == 45.0  # 45.00%


def test_women_targets_table():
    inds, resps = women_targets()
    assert len(inds) == 51 and len(resps) == 51
    life = inds["T-r1"]
    assert (life.name, life.unit, life.category, life.attribute, life.seq) == (
        "妇女人均预期寿命",
        "岁",
        "妇女与健康",
        "预期性",
        2,
    )
    assert [(t.label, t.year, t.raw) for t in life.targets] == [
        ("市规划2030年目标值", 2030, "≥82.3"),
        ("开州区2030年目标值", 2030, "≥82.3"),
    ]
    assert ops(life.targets[1].atoms) == [(">=", 82.3, "岁")]
    breast = inds["T-r5"]
    assert (breast.name, breast.parent_id, breast.seq, breast.unit) == (
        "适龄妇女乳腺癌人群筛查率",
        "T-r4",
        None,
        "%",
    )
    assert responsible(breast, resps).attached_to == "T-r5"  # its own cell
    hospitals = inds["T-r10"]
    assert [a.name for a in responsible(hospitals, resps).lead] == ["区发展改革委", "区卫生健康委"]
    assert hospitals.attribute == "约束性"
    assert (inds["T-r43"].name, inds["T-r43"].unit) == ("区级文明家庭", "户")
    assert (inds["T-r44"].name, inds["T-r44"].unit) == ("出生人口性别比", None)
    assert inds["T-r45"].targets[0].atoms[0].op == "ratio"
    assert inds["T-r11"].category == "妇女与教育"


def test_children_targets_table():
    inds, resps = children_targets()
    assert len(inds) == 42 and len(resps) == 37
    caries = inds["T-r18"]
    assert caries.seq == 14 and caries.name == "12岁儿童龋患率"
    owner = responsible(caries, resps)
    assert owner.raw == "区教委、\n区卫生健康委"
    assert [a.name for a in owner.lead] == ["区教委", "区卫生健康委"]
    assert [a.canonical for a in owner.lead] == ["区教委", "区卫生健康委"]
    eyes = inds["T-r9"]
    for rid, name in (
        ("T-r10", "小学生近视率"),
        ("T-r11", "初中生近视率"),
        ("T-r12", "高中阶段学生近视率"),
    ):
        myopia = inds[rid]
        assert (myopia.name, myopia.parent_id, myopia.unit) == (name, "T-r9", "%")
        assert myopia.attribute == "预期性"  # merged 属性 cell of block 10
        assert myopia.responsible_id == eyes.responsible_id is not None
    assert ops(inds["T-r10"].targets[0].atoms) == [("<", 38.0, "%")]
    sleep = inds["T-r21"]
    assert (sleep.name, sleep.unit, sleep.parent_id) == ("高中生每天睡眠时间", "小时", "T-r19")
    assert (
        inds["T-r15"].name == "每千名（0-14岁）儿童拥有儿科执业（助理）医生数"
        and inds["T-r15"].unit == "名"
    )


def test_children_results_table():
    inds, _ = children_results()
    injury = inds["T-r10"]
    assert injury.targets[0].raw == "以2010年为基数下降1/6"
    assert injury.targets[0].atoms[0].baseline_year == 2010
    assert inds["T-r38"].aliases == ["小学入学率"]
    share = inds["T-r60"]
    assert (share.name, share.unit, share.parent_id) == ("所占城乡社区总数比重", None, "T-r59")
    assert inds["T-r61"].name == "残疾儿童康复救助人数（0—6岁）" and inds["T-r61"].unit == "人"
    assert inds["T-r63"].unit is None and inds["T-r64"].parent_id == "T-r63"
    assert inds["T-r27"].name == "儿童" and inds["T-r27"].parent_id == "T-r26"


def test_meizhou_indicator_annex():
    inds, resps = meizhou_indicators()
    assert len(inds) == 57 and len(resps) == 57
    first = inds["T-r0"]
    assert (first.unit, first.category, first.targets[0].label, first.targets[0].year) == (
        "是/否",
        "社会政策友好",
        "2025年目标",
        2025,
    )
    assert first.targets[0].atoms[0].op == "bool"
    owner = responsible(first, resps)
    assert owner.kind == "市指导部门"
    assert [a.name for a in owner.lead] == ["市发展改革局", "市妇儿工委办公室"]
    standard = inds["T-r32"]
    assert (standard.name, standard.unit) == ("集中供养孤儿基本生活保障平均标准", "元/人·月")
    age = inds["T-r36"].targets[0].atoms[0]
    assert (age.op, age.value, age.value_max) == ("range", 0.0, 17.0)
    assert inds["T-r56"].category == "儿童参与友好"
    assert all(i.parent_id is None for i in inds.values())


@pytest.mark.parametrize(("index", "rows"), [(0, 10), (1, 14)])
def test_tables_without_indicator_column_give_responsibilities(index, rows):
    table = corpus_table(MEIZHOU, index, None)
    indicators, resps = indicators_from_table(table, id_prefix="mz-t1")
    assert indicators == []
    assert len(resps) == rows
    assert [r.attached_to for r in resps] == [f"mz-t1-r{i}" for i in range(rows)]
    assert [r.id for r in resps] == [f"mz-t1-r{i}-resp" for i in range(rows)]
    assert all(r.kind == "责任单位" and r.lead for r in resps)


def test_by_duty_and_row_provenance_of_project_responsibilities():
    _, resps = indicators_from_table(corpus_table(MEIZHOU, 0, None), id_prefix="p")
    park = resps[3]
    assert park.by_duty
    assert [a.name for a in park.lead][:2] == ["市自然资源局", "市住房城乡建设局"]
    assert (
        park.provenance.lines == (89, 92)
        and park.provenance.table_row == 3
        and park.provenance.table_col == 3
    )


def test_list_tables_give_nothing():
    assert indicators_from_table(corpus_table(KAIZHOU, 2, None), id_prefix="x") == ([], [])


def test_ids_are_deterministic():
    a, _ = indicators_from_table(corpus_table(KAIZHOU, 11, None), id_prefix="kz-children-t2")
    b, _ = indicators_from_table(corpus_table(KAIZHOU, 11, None), id_prefix="kz-children-t2")
    assert [i.model_dump() for i in a] == [i.model_dump() for i in b]
    assert a[0].id == "kz-children-t2-r0" and a[-1].id == "kz-children-t2-r41"


def test_table_target_year_comes_from_the_header_or_the_title():
    untitled, _ = table_indicators(KAIZHOU, 0, None)
    assert untitled["T-r0"].targets[0].year is None
    assert women_results()[0]["T-r0"].targets[0].year == 2020


# ---------------------------------------------------------------- prose


def prose(text: str, context: str | None = None) -> list[Indicator]:
    return indicators_from_paragraph(text, PROV, section_id="s2", id_prefix="p", context=context)


def names(text: str, context: str | None = None) -> list[str]:
    return [i.name for i in prose(text, context)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2.适龄儿童普遍接受有质量的学前教育,学前三年毛入园率达到94%以上。",
            [("学前三年毛入园率", "%", "达到94%以上", [(">=", 94.0, "%")])],
        ),
        (
            "孕产妇死亡率和5岁以下儿童死亡率分别控制在14/10万、8‰以内。",
            [
                ("孕产妇死亡率", "1/10万", "分别控制在14/10万", [("<=", 14.0, "1/10万")]),
                ("5岁以下儿童死亡率", "‰", "8‰以内", [("<=", 8.0, "‰")]),
            ],
        ),
        (
            "3.新生儿、婴儿和5岁以下儿童死亡率分别降至3.0‰、4.0‰和6.0‰以下,地区和城乡差距逐步缩小。",
            [
                ("新生儿死亡率", "‰", "分别降至3.0‰", [("<=", 3.0, "‰")]),
                ("婴儿死亡率", "‰", "4.0‰", [("<=", 4.0, "‰")]),
                ("5岁以下儿童死亡率", "‰", "6.0‰以下", [("<=", 6.0, "‰")]),
            ],
        ),
        (
            "1.减少儿童伤害所致死亡和残疾。儿童伤害死亡率以2020年为基数下降18%。",
            [("儿童伤害死亡率", "%", "以2020年为基数下降18%", [("direction", 18.0, "%")])],
        ),
        (
            "0―6岁儿童健康管理率达到95%以上。",
            [("0―6岁儿童健康管理率", "%", "达到95%以上", [(">=", 95.0, "%")])],
        ),
        (
            "提升特殊教育水平，三类残疾适龄儿童入学率保持在85%以上。",
            [("三类残疾适龄儿童入学率", "%", "保持在85%以上", [(">=", 85.0, "%")])],
        ),
        (
            "7.城乡社区儿童之家覆盖率达到90%以上,服务能力持续提升。",
            [("城乡社区儿童之家覆盖率", "%", "达到90%以上", [(">=", 90.0, "%")])],
        ),
        (
            "6.减少环境污染对儿童的伤害。农村自来水普及率达到92%以上,基本普及农村卫生厕所。",
            [("农村自来水普及率", "%", "达到92%以上", [(">=", 92.0, "%")])],
        ),
        ("小学生近视率降至38%以下。", [("小学生近视率", "%", "降至38%以下", [("<=", 38.0, "%")])]),
        (
            "将12岁儿童龋齿患病率控制在30%以内。",
            [("12岁儿童龋齿患病率", "%", "控制在30%以内", [("<=", 30.0, "%")])],
        ),
        (
            "每年组织开展儿童观察建言活动至少4场，让儿童充分参与城市公共事务讨论。",
            [
                (
                    "儿童观察建言活动",
                    "场",
                    "每年组织开展儿童观察建言活动至少4场",
                    [(">=", 4.0, "场")],
                )
            ],
        ),
    ],
)
def test_goal_sentences(text, expected):
    found = prose(text)
    assert [(i.name, i.unit, i.targets[0].raw, ops(i.targets[0].atoms)) for i in found] == expected
    assert all(
        i.source == "prose" and i.sentence and i.section_id == "s2" and i.provenance == PROV
        for i in found
    )
    assert [i.id for i in found] == [f"p-i{k}" for k in range(len(found))]
    assert all(i.targets[0].label == "目标" and i.targets[0].year is None for i in found)


def test_a_bare_year_after_the_plan_start_is_a_goal():
    text = "2025年，全区儿童之家覆盖率达到95%。"
    assert prose(text) == []
    found = indicators_from_paragraph(text, PROV, section_id=None, id_prefix="p", period_start=2021)
    assert [(i.name, i.targets[0].label, i.targets[0].year) for i in found] == [
        ("儿童之家覆盖率", "2025年", 2025)
    ]
    past = "2020年区人大代表、区政协委员中女性占比分别达31.81%、37.6%。"
    assert (
        indicators_from_paragraph(past, PROV, section_id=None, id_prefix="p", period_start=2021)
        == []
    )


def test_goal_names_keep_what_was_written():
    [ind] = prose("确保全区住院分娩率达到98%以上。")
    assert (ind.name, ind.name_raw) == ("住院分娩率", "确保全区住院分娩率")
    [ind] = prose("到2026年，渝中区适龄儿童免疫规划疫苗接种率≥90%。")
    assert (ind.name, ind.name_raw) == (
        "适龄儿童免疫规划疫苗接种率",
        "渝中区适龄儿童免疫规划疫苗接种率",
    )
    assert ops(ind.targets[0].atoms) == [(">=", 90.0, "%")]
    three = prose("新生儿、婴儿和5岁以下儿童死亡率分别降至3.0‰、4.0‰和6.0‰以下。")
    assert {i.name_raw for i in three} == {"新生儿、婴儿和5岁以下儿童死亡率"}
    assert three[0].sentence == "新生儿、婴儿和5岁以下儿童死亡率分别降至3.0‰、4.0‰和6.0‰以下。"


def test_example_lists_leave_the_name():
    [ind] = prose(
        "到2018年底，机场、火车站等大型公共场所母婴设施配置率达到80%以上；到2020年底，应配置母婴设施的公共场所基本建成标准化的母婴设施。"
    )
    assert (ind.name, ind.name_raw) == (
        "大型公共场所母婴设施配置率",
        "机场、火车站等大型公共场所母婴设施配置率",
    )
    assert (ind.targets[0].label, ind.targets[0].year) == ("到2018年底", 2018)
    assert ind.sentence.endswith("达到80%以上；")


def test_bare_measure_keeps_the_sentence_words():
    text = "做好免费孕前优生健康检查，提供健康教育、健康检查、风险评估等孕前优生服务，覆盖率达到95%以上。加强二级预防，孕产妇系统管理率达到90%以上。"
    found = prose(text)
    assert [i.name for i in found] == ["覆盖率", "孕产妇系统管理率"]
    assert found[0].sentence.startswith("做好免费孕前优生健康检查")


def test_year_labels():
    found = prose(
        "关停一批幼儿园。到2020年，全区公办幼儿园比例达到50%，学前三年毛入园率达到90%，普惠率达到全市平均水平。"
    )
    assert [(i.name, i.targets[0].label, i.targets[0].year) for i in found] == [
        ("公办幼儿园比例", "到2020年", 2020),
        ("学前三年毛入园率", "到2020年", 2020),
    ]


def test_several_goals_in_one_clause_and_lists_sharing_a_target():
    assert names(
        "8.培养儿童良好运动习惯,中小学生国家学生体质健康标准达标率稳定在95%以上、达标优良率达到40%以上。"
    ) == ["中小学生国家学生体质健康标准达标率", "中小学生国家学生体质健康标准达标优良率"]
    assert names("每年孤儿和事实无人抚养儿童基本生活保障率、助医助学率保持100%。") == [
        "孤儿和事实无人抚养儿童基本生活保障率",
        "助医助学率",
    ]
    assert names("孕产妇死亡率和孕产期中、重度贫血患病率得到有效控制。") == [
        "孕产妇死亡率",
        "孕产期中、重度贫血患病率",
    ]
    assert names("0-6岁儿童眼保健和视力检查覆盖率达到90%以上。") == [
        "0-6岁儿童眼保健和视力检查覆盖率"
    ]


def test_directional_goals():
    found = prose(
        "妇女人均预期寿命延长。婚前医学检查率显著提高，两癌死亡率持续降低，女性平均受教育年限延长。"
    )
    assert [(i.name, i.targets[0].raw) for i in found] == [
        ("妇女人均预期寿命", "延长"),
        ("婚前医学检查率", "显著提高"),
        ("两癌死亡率", "持续降低"),
        ("女性平均受教育年限", "延长"),
    ]
    assert found[1].targets[0].atoms[0].direction == "increase"
    assert found[2].targets[0].atoms[0].direction == "decrease"
    # a direction without a measure head is not an indicator
    assert prose("儿童心理健康素养水平逐步提高，性健康服务可及性明显提高。") == []


def test_directional_goals_with_the_verb_first():
    found = prose("加强二级预防，进一步降低婴儿死亡率，社区层面提升社区儿童之家覆盖率。")
    assert [(i.name, i.targets[0].raw, i.targets[0].atoms[0].direction) for i in found] == [
        ("婴儿死亡率", "进一步降低", "decrease"),
        ("社区儿童之家覆盖率", "提升", "increase"),
    ]
    assert [i.name for i in prose("提高产前筛查率和产前诊断率。")] == ["产前筛查率", "产前诊断率"]


def test_count_goals():
    found = prose(
        "到2026年,至少建成3个儿童友好景区。到2026年至少建设3个渝中区儿童友好研学实践基地。"
    )
    assert [(i.name, i.name_raw, i.unit, i.targets[0].label) for i in found] == [
        ("儿童友好景区", "儿童友好景区", "个", "到2026年"),
        ("儿童友好研学实践基地", "渝中区儿童友好研学实践基地", "个", "到2026年"),
    ]
    assert ops(found[0].targets[0].atoms) == [(">=", 3.0, "个")]
    listed = prose(
        "到2025年，建设1个市级儿童友好示范县（市、区）、10个市级儿童友好示范镇（街）、20个市级儿童友好基地。"
    )
    assert [(i.name, i.targets[0].raw) for i in listed] == [
        ("市级儿童友好示范县（市、区）", "建设1个市级儿童友好示范县（市、区）"),
        ("市级儿童友好示范镇（街）", "10个市级儿童友好示范镇（街）"),
        ("市级儿童友好基地", "20个市级儿童友好基地"),
    ]
    [school] = prose("到2026年，建成儿童友好校园10个以上。")
    assert ops(school.targets[0].atoms) == [(">=", 10.0, "个")]
    [checks] = prose("儿童食品、用品相关责任单位每年开展不少于2次的产品质量监督抽查活动。")
    assert (checks.name, checks.unit) == ("产品质量监督抽查活动", "次")
    assert (
        checks.targets[0].raw == "儿童食品、用品相关责任单位每年开展不少于2次的产品质量监督抽查活动"
    )
    [places] = prose("鼓励社区建设托育中心。每千常住人口拥有3岁以下婴幼儿托位数不少于4.2个。")
    assert (places.name, ops(places.targets[0].atoms)) == (
        "每千常住人口拥有3岁以下婴幼儿托位数",
        [(">=", 4.2, "个")],
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # half-width punctuation and another city
        (
            "到2025年,全市儿童之家覆盖率达到100%,儿童友好社区数量不少于20个.",
            ["儿童之家覆盖率", "儿童友好社区数量"],
        ),
        ("到2030年，梅州市普惠性幼儿园覆盖率达到90%以上。", ["普惠性幼儿园覆盖率"]),
        (
            "我市婴儿死亡率控制在5‰以下;5岁以下儿童死亡率控制在6‰以下;",
            ["婴儿死亡率", "5岁以下儿童死亡率"],
        ),
        ("（三）中小学生每天睡眠时间不少于9小时。", ["中小学生每天睡眠时间"]),
        (
            "城市社区家长学校覆盖率、农村社区家长学校覆盖率分别达到95%和85%。",
            ["城市社区家长学校覆盖率", "农村社区家长学校覆盖率"],
        ),
        ("力争实现全县未成年人保护工作站覆盖率达100%。", ["未成年人保护工作站覆盖率"]),
        (
            "儿童医疗保健服务能力显著增强，儿童重点食品检测合格率达到98％。",
            ["儿童重点食品检测合格率"],
        ),
    ],
)
def test_variations(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "context"),
    [
        # results in a 发展基础 section
        (
            "免费孕前优生健康检查目标人群覆盖率达97.13%，孕产妇产前检查率达99.32%。",
            "开州区妇女发展规划 > 一、发展基础",
        ),
        # a dated statement of a past result
        ("2020年区人大代表、区政协委员中女性占比分别达31.81%、37.6%，妇女比例明显提升。", None),
        ("截至2020年底,《儿童规划》确定的主要目标达标率为98.1%。", None),
        # money standards
        (
            "将农村贫困义务教育学生营养改善计划实施范围扩大到农村学前教育儿童，按800元/生·年标准提供营养膳食补助。",
            None,
        ),
        ("补助标准为小学生1000元/生·年、初中生1250元/生·年。", None),
        # the reversed form: a share of places that do something
        ("95%的城市社区和85%的农村社区(村)建立家长学校或家庭教育指导服务点。", None),
        # no target, or a target with no number or direction
        ("普惠率达到全市平均水平。", None),
        ("建立健全儿童伤害防控工作体系。", None),
        ("残疾学生人均公用经费标准高于全市平均水平。", None),
        # quoted goals of another document
        ("《纲要》指出“开展100个儿童友好城市建设试点，加强社区儿童之家建设”。", None),
        # a number that is one example in a list of contents
        ("普及中等强度及以上的运动时间不少于60分钟等科普知识。", None),
        # a number that qualifies something else: a condition, not a goal
        (
            "经常有母婴逗留且建筑面积超过1万平方米或日客流量超过1万人的交通枢纽实现母婴室全覆盖。",
            None,
        ),
        # verb first with a task as object, or an object that is no measure
        ("提高和完善配套标准。", None),
        ("不断提高儿科医生诊疗水平。", None),
        ("", None),
    ],
)
def test_no_indicator(text, context):
    assert prose(text, context) == []


# ---------------------------------------------------------------- the corpus, reviewed

_TOP_HEADING = re.compile(r"^[一二三四五六七八九十]+、")

# Every prose indicator of the corpus, per file: (line, name). Reviewed by hand against the text.
# Kaizhou's 发展基础 results are skipped by context; its 专栏 project lists are tables.
CORPUS_PROSE = {
    KAIZHOU: [
        (1409, "妇女人均预期寿命"),
        (1409, "孕产妇死亡率"),
        (1409, "孕产期中、重度贫血患病率"),
        (1409, "婚前医学检查率"),
        (1409, "两癌死亡率"),
        (1410, "女童九年义务教育巩固率"),
        (1410, "高中阶段女性毛入学率"),
        (1410, "女性接受职业学校教育和职业培训的比例"),
        (1410, "女性平均受教育年限"),
        (1413, "女性参保覆盖率"),
        (1415, "农村卫生厕所普及率"),
        (1844, "危急重症抢救成功率"),
        (1848, "宫颈癌患者治疗率"),
        (1857, "女童义务教育巩固率"),
        (1860, "妇女主要劳动年龄人口平均受教育年限"),
        (1860, "学科门类中的比例"),
        (1869, "女性在高新技术产业、战略性新兴产业和现代服务业从业人员中的比例"),
        (1869, "就业人员中的女性比例"),
        (1869, "常务理事、学会负责人、会员以及代表中的女性比例"),
        (1879, "企事业单位、村（居）民委员会和社会组织中的女性比例"),
        (1879, "人大女代表、政协女委员比例"),
        (1881, "行业决策管理层中的女性比例"),
        (1882, "基层群众自治组织和社会组织中女性比例"),
        (1891, "生育保险覆盖率"),
        (1891, "妇女基本养老保险参保率"),
        (1891, "女职工特别是女农民工的失业保险参保率"),
        (1893, "妇女参保率"),
        (2716, "中小学标准化率"),
        (3092, "疫苗接种率"),
        (3092, "健康管理率"),
        (3094, "早诊早治率"),
        (3096, "儿童贫血患病率"),
        (3096, "生长迟缓率"),
        (3098, "学龄前儿童每日不同强度的运动时间"),
        (3098, "中小学生每天在校体育活动时间"),
        (3153, "儿童福利保障标准"),
        (3155, "儿童参与城乡居民基本医疗保险覆盖率"),
        (3159, "残疾儿童康复救助补助标准"),
        (3177, "体育锻炼、休息娱乐、社会实践、同伴交往、亲子活动等时间"),
        (3179, "陪伴时间"),
        (3199, "农村集中供水率"),
        (3199, "自来水普及率"),
        (3199, "水质达标率"),
        (3199, "供水保证率"),
        (3199, "人均公共绿地面积"),
        (3199, "绿化覆盖率"),
    ],
    MEIZHOU: [
        (8, "市级儿童友好示范县（市、区）"),
        (8, "市级儿童友好示范镇（街）"),
        (8, "市级儿童友好基地"),
        (20, "托班"),
        (32, "体育锻炼、劳动实践、休息娱乐、社会实践、同伴交往、亲子活动等时间"),
    ],
    "wanzhou-2018-children-policy.txt": [
        (35, "孕前高危风险发生率"),
        (35, "免费婚检便利程度及婚前医学检查率"),
        (35, "覆盖率"),
        (35, "孕期出生缺陷发现率"),
        (35, "孕产妇系统管理率"),
        (35, "住院分娩率"),
        (35, "出生缺陷及致残率"),
        (37, "婴儿死亡率"),
        (37, "孕产妇死亡率"),
        (37, "5岁以下儿童死亡率"),
        (39, "大型公共场所母婴设施配置率"),
        (41, "0―6岁儿童基础免疫（八种疫苗）疫苗接种率"),
        (41, "0―6岁儿童健康管理率"),
        (41, "0―3岁儿童中医药健康管理率"),
        (41, "儿童住院医保报销比例"),
        (41, "儿童在一、二、三级医院住院报销比例"),
        (46, "公办中心幼儿园"),
        (46, "公办幼儿园比例"),
        (46, "学前三年毛入园率"),
        (52, "学前教育经费比例"),
        (54, "三类残疾适龄儿童入学率"),
        (54, "残疾儿童随班就读比例"),
        (61, "补助对象所占比例"),
    ],
    "yuzhong-2024-child-friendly-city.txt": [
        (61, "示范性标杆项目"),
        (105, "儿童观察建言活动"),
        (123, "社区儿童之家覆盖率"),
        (123, "儿童友好街区社区覆盖率"),
        (127, "儿童友好校园"),
        (131, "儿童友好医院"),
        (135, "儿童友好公园"),
        (139, "儿童友好景区"),
        (155, "儿童友好研学实践基地"),
        (163, "每千人口拥有3岁以下婴幼儿托位数"),
        (167, "特教教师"),
        (167, "学前教育三年毛入园率"),
        (167, "公办园在园幼儿占比"),
        (167, "普惠性幼儿园覆盖率"),
        (167, "二级以上幼儿园占比"),
        (167, "义务阶段毛入学率"),
        (167, "残疾儿童入学率"),
        (171, "符合要求的中小学体育与健康课程开课率"),
        (171, "中小学生体质健康标准优良率"),
        (171, "符合要求的中小学体育与健康课程开课率"),
        (179, "儿童三项死亡率"),
        (179, "新生儿死亡率"),
        (179, "婴儿死亡率"),
        (179, "5岁以下儿童死亡率"),
        (183, "5岁以下儿童生长迟缓率"),
        (183, "幼儿园幼儿、中小学生每日中高强度的身体活动时间"),
        (183, "中小学生每日接触自然光照时间"),
        (183, "0-6岁儿童每年眼保健和视力检查覆盖率"),
        (183, "18岁以下儿童青少年新发近视率"),
        (191, "疫苗接种率"),
        (191, "适龄儿童免疫规划疫苗接种率"),
        (195, "儿童参加城乡居民基本医疗保险覆盖率"),
        (195, "专业从事儿童保健的医生"),
        (199, "有需求且符合条件的残疾儿童康复救助率"),
        (203, "孤儿和事实无人抚养儿童基本生活保障率"),
        (203, "助医助学率"),
        (217, "普惠性家庭教育指导服务活动"),
        (217, "中小学校(园)建立家长学校比例"),
        (217, "家庭教育指导服务活动"),
        (239, "儿童交通安全宣传教育活动"),
        (255, "儿童重点食品检测合格率"),
        (255, "药品评价性抽检合格率"),
        (267, "相关伤害发生率"),
        (267, "安全教育主题活动"),
        (267, "应急避难场所母婴室配备比例"),
        (271, "儿童法治教育实践基地"),
        (271, "未成年人犯罪人数占未成年人口数量比例"),
    ],
    "zunyi-2021-children-plan.txt": [
        (49, "新生儿死亡率"),
        (49, "婴儿死亡率"),
        (49, "5岁以下儿童死亡率"),
        (53, "适龄儿童国家免疫规划疫苗接种率"),
        (55, "5岁以下儿童贫血率"),
        (55, "5岁以下儿童生长迟缓率"),
        (57, "儿童青少年新发近视率"),
        (57, "总体近视率"),
        (57, "小学生近视率"),
        (57, "初中生近视率"),
        (57, "高中阶段学生近视率"),
        (57, "0-6岁儿童眼保健和视力检查覆盖率"),
        (59, "中小学生国家学生体质健康标准达标率"),
        (59, "中小学生国家学生体质健康标准达标优良率"),
        (69, "每千名儿童拥有儿科执业(助理)医生"),
        (71, "确诊病例治疗率"),
        (73, "新生儿访视率"),
        (75, "12岁儿童龋齿患病率"),
        (81, "眼保健和视力检查覆盖率"),
        (95, "儿童伤害死亡率"),
        (97, "儿童溺水死亡率"),
        (139, "普惠性幼儿园覆盖率"),
        (141, "学前三年毛入园率"),
        (143, "九年义务教育巩固率"),
        (145, "高中阶段毛入学率"),
        (187, "普惠托育服务机构和托位数量"),
        (193, "城乡社区儿童之家覆盖率"),
        (211, "残疾儿童康复救助覆盖率"),
        (243, "家庭教育指导"),
        (243, "家庭教育实践活动"),
        (257, "儿童休闲娱乐、体育锻炼、同伴交往和亲子活动的时间"),
        (281, "农村自来水普及率"),
        (329, "未成年人犯罪人数占未成年人人口数量的比重"),
    ],
}


def corpus_prose(name: str) -> list[Indicator]:
    """Prose indicators of every paragraph, with the top-level heading above it as context."""
    found, context = [], None
    for block in read(RAW / name).blocks:
        if not isinstance(block, Paragraph):
            continue
        if _TOP_HEADING.match(block.text):
            context = block.text
        found.extend(
            indicators_from_paragraph(
                block.text, block.prov, section_id=None, id_prefix="c", context=context
            )
        )
    return found


@pytest.mark.parametrize("name", sorted(CORPUS_PROSE))
def test_corpus_prose_indicators(name):
    found = corpus_prose(name)
    assert [(i.provenance.lines[0], i.name) for i in found] == CORPUS_PROSE[name]
    assert all(i.targets and i.targets[0].atoms for i in found)


def test_kaizhou_results_are_only_skipped_by_context():
    # without the section title the 发展基础 paragraphs would yield results as goals
    block = next(
        b
        for b in read(RAW / KAIZHOU).blocks
        if isinstance(b, Paragraph) and b.prov.lines == (17, 17)
    )
    assert indicators_from_paragraph(block.text, block.prov, section_id=None, id_prefix="x")
    assert (
        indicators_from_paragraph(
            block.text, block.prov, section_id=None, id_prefix="x", context="一、发展基础"
        )
        == []
    )
