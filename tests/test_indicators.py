"""Indicators from the corpus tables and from prose goal sentences."""

from __future__ import annotations

from functools import cache

import pytest

from govdocparse.extract.goals import indicators_from_paragraph
from govdocparse.extract.indicator_names import clean_name, subrow_name
from govdocparse.extract.indicators import indicators_from_table
from govdocparse.extract.tables import build_table
from govdocparse.goalscore import indicator_matches
from govdocparse.goalscore import parse_indicator as _expected_indicator
from govdocparse.model import Indicator, Provenance, Responsibility, Table
from govdocparse.readers import read
from govdocparse.source import Cell, Paragraph, TableBlock

from .support import CORPUS, SPEC

KAIZHOU = "kaizhou-2023-women-children-plans.txt"
MEIZHOU = "meizhou-2023-child-friendly-city.txt"
PROV = Provenance(file="t.txt", lines=(1, 1))


@cache
def corpus_table(name: str, index: int, title: str | None) -> Table:
    block = [b for b in read(CORPUS / name).blocks if isinstance(b, TableBlock)][index]
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


@pytest.mark.parametrize(
    ("parent", "sub", "full"),
    [
        ("新生儿死亡率", "城镇", "新生儿死亡率（城镇）"),
        ("高中阶段毛入学率", "女童", "高中阶段毛入学率（女童）"),
        ("人大代表人数", "女性占比", "人大代表人数（女性占比）"),
        ("专业技术人员", "所占比例", "专业技术人员（所占比例）"),
        ("在校生人数", "留守儿童", "在校生人数（留守儿童）"),
        ("开展家长学校的社区（村）", "社区（村）覆盖率", "开展家长学校的社区（村）覆盖率"),
        # a measure of its own keeps its name
        ("适龄儿童疫苗接种率", "麻疹疫苗接种率", "麻疹疫苗接种率"),
        ("0-6岁儿童视力检查覆盖率", "初中生近视率", "初中生近视率"),
        ("小学在校生中女生比例", "初中在校生中女生比例", "初中在校生中女生比例"),
    ],
)
def test_subrow_name(parent, sub, full):
    assert subrow_name(sub, parent) == full


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
        "在园儿童人数（女童数）",
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
    assert (rural.name, rural.parent_id, rural.unit) == ("孕产妇死亡率（农村）", "T-r11", "1/10万")
    share = inds["T-r56"]
    assert (share.name, share.parent_id, share.unit) == (
        "高级专业技术人员（所占比例）",
        "T-r54",
        "%",
    )
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
    assert (share.name, share.unit, share.parent_id) == (
        "社区服务机构（所占城乡社区总数比重）",
        None,
        "T-r59",
    )
    assert inds["T-r61"].name == "残疾儿童康复救助人数（0—6岁）" and inds["T-r61"].unit == "人"
    assert inds["T-r63"].unit is None and inds["T-r64"].parent_id == "T-r63"
    assert inds["T-r27"].name == "合格碘盐食用率（儿童）" and inds["T-r27"].parent_id == "T-r26"
    # a sub-row repeating the end of its parent continues it
    assert inds["T-r76"].name == "建有儿童之家的城乡社区（村）覆盖率"
    assert (inds["T-r31"].name, inds["T-r31"].name_raw) == (
        "学前三年毛入园率（男童）",
        "其中：男童",
    )


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
    # goals written in the text cells are prose indicators of the table
    assert all(i.source == "prose" and i.table_id == "tb" + str(index) for i in indicators)
    assert all(
        i.provenance.table_col not in (0, table.header.index("责任单位")) for i in indicators
    )
    assert len(resps) == rows
    assert [r.attached_to for r in resps] == [f"mz-t1-r{i}" for i in range(rows)]
    assert [r.id for r in resps] == [f"mz-t1-r{i}-resp" for i in range(rows)]
    assert all(r.kind == "责任单位" and r.lead for r in resps)


def test_project_table_cells_state_counted_goals():
    indicators, _ = indicators_from_table(corpus_table(MEIZHOU, 0, None), id_prefix="p")
    found = {(i.provenance.table_row, i.name): ops(i.targets[0].atoms) for i in indicators}
    assert found[(0, "儿童医院数")] == [("=", 1.0, "所")]
    assert found[(4, "儿童友好示范社区数")] == [(">=", 1.0, "个")]
    community = next(i for i in indicators if i.name == "儿童友好示范社区数")
    assert community.targets[0].atoms[0].qualifier == ["每个县（市、区）"]
    assert community.id == "p-r4c2-i0" and community.provenance.table_col == 2


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
            [("儿童伤害死亡率", None, "以2020年为基数下降18%", [("=", 18.0, "%")])],
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
            # a 条例's article states its goal as a duty
            "城市社区儿童之家覆盖率应当达到100%。",
            [("城市社区儿童之家覆盖率", "%", "应当达到100%", [("=", 100.0, "%")])],
        ),
        (
            "将12岁儿童龋齿患病率控制在30%以内。",
            [("12岁儿童龋齿患病率", "%", "控制在30%以内", [("<=", 30.0, "%")])],
        ),
        (
            "每年组织开展儿童观察建言活动至少4场，让儿童充分参与城市公共事务讨论。",
            [
                (
                    "儿童观察建言活动次数",
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


def test_groups_after_a_measure_take_the_years_listed_for_them():
    # 分别于 pairs each group with its year and value, the measure maybe in a clause of its own
    for text in (
        "普惠性幼儿园覆盖率城市和农村分别于2025年、2027年达到90%、80%。",
        "普惠性幼儿园覆盖率，城市和农村分别在2025年、2027年达到90%、80%。",
        "到2025年和2027年，普惠性幼儿园覆盖率城市和农村分别达到90%、80%。",
    ):
        found = indicators_from_paragraph(
            text, PROV, section_id=None, id_prefix="p", period_start=2023, period_end=2027
        )
        assert [
            (i.name, t.year, t.atoms[0].value, t.atoms[0].qualifier)
            for i in found
            for t in i.targets
        ] == [
            ("普惠性幼儿园覆盖率", 2025, 90.0, ["城市"]),
            ("普惠性幼儿园覆盖率", 2027, 80.0, ["农村"]),
        ], text
    # …and without a list of years the groups share the goal's year
    found = prose("到2026年，孕产妇系统管理率，城镇、农村分别达到96%和92%。")
    assert [t.year for t in found[0].targets] == [2026, 2026]


def test_listed_measures_stated_now_give_baselines_of_no_year():
    found = prose(
        "全县孕产妇系统管理率和儿童健康管理率目前分别为85%和70%，到2025年分别提高到95%和85%。"
    )
    assert [(i.name, i.baseline and (i.baseline.year, i.baseline.value)) for i in found] == [
        ("孕产妇系统管理率", (None, 85.0)),
        ("儿童健康管理率", (None, 70.0)),
    ]


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


@pytest.mark.parametrize(
    "text",
    [
        "2025年和2030年，全县经常参加体育锻炼人数比例分别达到38%和40%以上。",
        "全县经常参加体育锻炼人数比例2025年和2030年分别达到38%和40%以上。",
    ],
)
def test_a_list_of_bare_goal_years_dates_a_measures_values_in_a_plan(text):
    found = indicators_from_paragraph(
        text, PROV, section_id=None, id_prefix="p", period_start=2021, period_end=2030
    )
    assert [(t.year, t.atoms[0].value) for i in found for t in i.targets] == [
        (2025, 38.0),
        (2030, 40.0),
    ]
    assert [i.name for i in found] == ["经常参加体育锻炼人数比例"]
    # without the plan's period, or with years before its start, the years are the past's
    assert prose(text) == []
    past = "2019年和2020年，全县经常参加体育锻炼人数比例分别为35%和36%。"
    assert (
        indicators_from_paragraph(
            past, PROV, section_id=None, id_prefix="p", period_start=2021, period_end=2030
        )
        == []
    )


def test_a_goal_year_between_the_measure_and_its_verb_dates_the_goal():
    # the numbered 具体目标 of county plans: 1.婴儿死亡率2026年控制在…; the bare year is a goal
    # after the plan's start, or with neither period nor date known; with a later date, a result
    text = "1.全县婴儿死亡率2026年控制在4.8‰以下。"
    found = indicators_from_paragraph(text, PROV, section_id=None, id_prefix="p", period_start=2022)
    assert [(i.name, i.targets[0].label, i.targets[0].year) for i in found] == [
        ("婴儿死亡率", "2026年", 2026)
    ]
    assert [(a.op, a.value, a.unit) for a in found[0].targets[0].atoms] == [("<=", 4.8, "‰")]
    assert [(i.name, i.targets[0].year) for i in prose(text)] == [("婴儿死亡率", 2026)]
    assert (
        indicators_from_paragraph(text, PROV, section_id=None, id_prefix="p", this_year=2027) == []
    )
    # a year opening the clause, or before the verb of a baseline (为), dates no goal
    assert prose("2022年全市婴儿死亡率降至3.1‰。") == []
    assert prose("全市婴儿死亡率2020年为3.5‰。") == []


@pytest.mark.parametrize(
    ("context", "period_start", "expected"),
    [
        ("二、主要目标", 2024, [("新建公办托育机构数", 3.0), ("新增普惠托位数", 600.0)]),
        (
            "三、重点任务 > （二）扩大普惠托育供给",
            2024,
            [("新建公办托育机构数", 3.0), ("新增普惠托位数", 600.0)],
        ),
        # no period, or a section that is no plan's goals: an undated, unbound count is no goal
        ("二、主要目标", None, []),
        ("三、保障措施", 2024, []),
        (None, 2024, []),
    ],
)
def test_an_undated_count_in_a_plans_goals_is_the_periods_goal(context, period_start, expected):
    # a 托育 方案's 主要目标 with its period on the title: 新建…2家，新增普惠托位500个 (invented)
    text = "全县新建公办托育机构3家，新增普惠托位600个。"
    found = indicators_from_paragraph(
        text,
        PROV,
        section_id=None,
        id_prefix="p",
        context=context,
        period_start=period_start,
        period_end=period_start and period_start + 2,
    )
    assert [(i.name, i.targets[0].atoms[0].value) for i in found] == expected


@pytest.mark.parametrize(
    ("text", "known"),
    [
        ("2020年全区婴儿死亡率为3.8‰，2026年降至3‰以下。", {"period_start": 2022}),
        ("2021年全市孕产妇系统管理率为88%，2025年达到92%以上。", {"this_year": 2022}),
    ],
)
def test_a_past_year_before_a_goal_year_is_the_goals_baseline(text, known):
    # a plan's or a dated document's 主要目标 stating where a measure stood and where it goes in
    # one sentence; all of its years before the first goal year, it states only the past
    found = indicators_from_paragraph(text, PROV, section_id=None, id_prefix="p", **known)
    assert [(i.baseline.year, i.targets[0].year) for i in found if i.baseline] == [
        (int(text[:4]), int(text.split("，")[-1][:4]))
    ]
    past = text.split("，")[0] + "。"
    assert indicators_from_paragraph(past, PROV, section_id=None, id_prefix="p", **known) == []


@pytest.mark.parametrize(
    ("text", "known", "expected"),
    [
        ("2020年，全区婴儿死亡率为3.8‰，2026年降至3‰以下。", {"period_start": 2022}, "婴儿死亡率"),
        (
            "2021年底,全市孕产妇系统管理率为88%,到2025年达到92%以上。",
            {"this_year": 2022},
            "孕产妇系统管理率",
        ),
    ],
)
def test_a_baseline_year_in_a_clause_of_its_own_is_the_next_goals_baseline(text, known, expected):
    # 主要目标 written with the baseline's year before a comma (invented, other cities): the
    # value the next clause states is the baseline of the goal the clause after it sets
    found = indicators_from_paragraph(text, PROV, section_id=None, id_prefix="p", **known)
    assert [(i.name, i.baseline and i.baseline.year, i.targets[0].year) for i in found] == [
        (expected, int(text[:4]), int(text.rsplit("年", 1)[0][-4:]))
    ]
    # a year from the first goal year on is no baseline's
    later = indicators_from_paragraph(
        "2024" + text[4:], PROV, section_id=None, id_prefix="p", **known
    )
    assert all(i.baseline is None for i in later)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2022年全县学前三年毛入园率为86%，到2025年学前三年毛入园率达到92%。", 2022),
        ("2021年底,全市孕产妇系统管理率为88%,到2025年全市孕产妇系统管理率达到92%以上。", 2021),
        ("目前，全区学前三年毛入园率为86%，到2025年学前三年毛入园率达到92%。", None),
        ("全区学前三年毛入园率目前为86%；到2025年学前三年毛入园率达到92%。", None),
    ],
)
def test_a_goal_naming_its_measure_again_keeps_the_baseline_before_it(text, year):
    # 主要目标 (invented, other places) stating a value, then the goal's clause naming the
    # measure again: the value is the goal's baseline, as when the goal's clause does not name it
    found = indicators_from_paragraph(text, PROV, section_id=None, id_prefix="p", period_start=2023)
    assert [
        (i.baseline and (i.baseline.year, i.baseline.raw), i.targets[0].year) for i in found
    ] == [((year, text.split("为", 1)[1][:3]), 2025)]
    # another measure's goal after it starts from nothing
    other = text.replace("到2025年学前三年毛入园率", "到2025年普惠性幼儿园覆盖率").replace(
        "到2025年全市孕产妇系统管理率", "到2025年产前检查率"
    )
    assert [
        i.baseline
        for i in indicators_from_paragraph(
            other, PROV, section_id=None, id_prefix="p", period_start=2023
        )
    ] == [None]


@pytest.mark.parametrize(
    "text",
    [
        "2020年城市、农村儿童保健管理率分别为85%和78%，到2025年分别提高到95%和90%。",
        "2020年,城市和农村儿童保健管理率分别为85%、78%,2025年城市、农村儿童保健管理率分别达到95%、90%。",
    ],
)
def test_a_past_year_over_listed_measures_gives_each_its_baseline_and_goal(text):
    # a county plan's 主要目标 (invented): a value each for places listed before one measure in a
    # past year, then a goal each; a bare year dates the goals in a known period only
    found = indicators_from_paragraph(text, PROV, section_id=None, id_prefix="p", period_start=2021)
    assert [
        (i.name, i.baseline and (i.baseline.year, i.baseline.value), i.targets[0].year)
        for i in found
    ] == [
        ("城市儿童保健管理率", (2020, 85.0), 2025),
        ("农村儿童保健管理率", (2020, 78.0), 2025),
    ]
    assert [i.targets[0].atoms[0].value for i in found] == [95.0, 90.0]
    # from the plan's first goal year on (2020 in a 2019— plan), the values are no baselines
    later = indicators_from_paragraph(text, PROV, section_id=None, id_prefix="p", period_start=2019)
    assert all(i.baseline is None for i in later)


# A plan's goals for one year after another in one sentence, each clause's year of its own (a
# city's 母婴室 plan: 到2018年底…，2019年底…); without a known period the bare years count from the
# first 到…年 on, of the sentence or of the sentence before that opened the paragraph with it.
# Invented, other cities and years.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "到2019年底，全区建成母婴室80个，2020年底建成母婴室150个，2021年底建成母婴室260个。",
            [("母婴室数", 2019, []), ("母婴室数", 2020, []), ("母婴室数", 2021, [])],
        ),
        (
            "到2019年底，全市公共场所母婴室达到120个；2020年底新建母婴室60个，"
            "2021年底新建母婴室80个。",
            [
                ("公共场所母婴室数", 2019, []),
                ("新建母婴室数", 2020, []),
                ("新建母婴室数", 2021, []),
            ],
        ),
        (
            "到2024年底，每个街道建成儿童友好空间2处，2025年底每个社区建成儿童友好空间1处。",
            [("儿童友好空间数", 2024, ["每个街道"]), ("儿童友好空间数", 2025, ["每个社区"])],
        ),
        # one measure's goal for each year, the later without naming it
        (
            "到2025年，全县家长学校覆盖率达到85%，2030年达到95%。",
            [("家长学校覆盖率", 2025, []), ("家长学校覆盖率", 2030, [])],
        ),
        # a year before the first goal year is a baseline's, not a goal's
        (
            "到2025年，全县婴儿死亡率由2020年的5‰下降到4‰以下。",
            [("婴儿死亡率", 2025, [])],
        ),
    ],
)
def test_each_clause_s_own_year_dates_its_goal(text, expected):
    found = [(i.name, t.year, a.qualifier) for i in prose(text) for t in i.targets for a in t.atoms]
    assert found == expected


# 今年 is the document's own year, which a story or a yearly plan dates its goals by; without a
# period, a bare year after the document's is a goal's (…低体重率2027年降低到3%以下, the numbered
# 具体目标 of a county plan whose period is not read) and one up to it a result's. Invented.
@pytest.mark.parametrize(
    ("text", "this_year", "expected"),
    [
        ("今年全县将新建普惠性托位1500个。", 2025, [("新建普惠性托位数", "今年", 2025)]),
        ("今年全县将新建普惠性托位1500个。", None, [("新建普惠性托位数", "今年", None)]),
        ("今年上半年，全县新建普惠性托位800个。", 2025, []),
        ("今年以来，全县新建普惠性托位800个。", 2025, []),
        ("1.全县低体重率2027年降低到3%以下。", 2023, [("低体重率", "2027年", 2027)]),
        ("2022年，全县低体重率降低到3%以下。", 2023, []),
        ("2019年至2021年全市新建公办幼儿园50所。", None, [("新建公办幼儿园数", "至2021年", 2021)]),
        # a bare year the sentence plans for (a word of a plan, a floor after it) is the goal's,
        # from the document's year on
        (
            "行动方案提出2025年至少建设80个儿童友好社区。",
            2025,
            [("儿童友好社区数", "2025年", 2025)],
        ),
        ("行动方案提出2024年至少建设80个儿童友好社区。", 2025, []),
        ("2026年，全县新增托位不少于600个。", None, [("新增托位数", "2026年", 2026)]),
        ("2023年全县建成儿童之家120个。", None, []),
    ],
)
def test_this_year_is_the_document_s_year(text, this_year, expected):
    found = indicators_from_paragraph(
        text, PROV, section_id=None, id_prefix="p", this_year=this_year
    )
    assert [(i.name, t.label, t.year) for i in found for t in i.targets] == expected
    assert all(not a.qualifier for i in found for t in i.targets for a in t.atoms)


# A bare year right before the verb of a deadline (实现, 达到, 完成) dates a goal as 到…年 does when
# neither the plan's period nor the document's date is known (a county 实施方案 copied without its
# date); with a date, a year up to it is a story's result; the year is never part of the name.
# Invented.
@pytest.mark.parametrize(
    ("text", "this_year", "expected"),
    [
        ("2027年实现城乡社区儿童之家全覆盖。", None, [("城乡社区儿童之家覆盖率", "2027年", 2027)]),
        (
            "2027年基本实现城乡社区家长学校全覆盖。",
            None,
            [("城乡社区家长学校覆盖率", "2027年", 2027)],
        ),
        (
            "2026年底前全面完成城乡社区儿童之家全覆盖。",
            None,
            [("城乡社区儿童之家覆盖率", "2026年底前", 2026)],
        ),
        ("2027年实现城乡社区儿童之家全覆盖。", 2024, [("城乡社区儿童之家覆盖率", "2027年", 2027)]),
        (
            "2027年全市普惠性幼儿园覆盖率达到92%以上。",
            2024,
            [("普惠性幼儿园覆盖率", "2027年", 2027)],
        ),
        ("2023年实现城乡社区儿童之家全覆盖。", 2024, []),
        ("2023年实现了城乡社区儿童之家全覆盖。", None, []),
        ("2023年,全县婴儿死亡率降至4‰以下。", None, []),
    ],
)
def test_a_bare_deadline_year_before_its_verb_dates_the_goal(text, this_year, expected):
    found = indicators_from_paragraph(
        text, PROV, section_id=None, id_prefix="p", this_year=this_year
    )
    assert [(i.name, t.label, t.year) for i in found for t in i.targets] == expected


# A five-year plan's span or end named in place of a year (“十四五”期间，…; 到十四五末，…: a
# district's school mental-health 实施方案, the thirtieth reading) dates the goals after it to the
# plan's last year, the sentences after it in the paragraph too; a span ending before the plan's
# first goal year looks back. Invented.
@pytest.mark.parametrize(
    ("text", "period", "expected"),
    [
        (
            "“十四五”期间，全县心理辅导室建设达标学校比例达到90%。家长学校覆盖率达到100%。",
            None,
            [
                ("心理辅导室建设达标学校比例", "“十四五”期间", 2025),
                ("家长学校覆盖率", "“十四五”期间", 2025),
            ],
        ),
        (
            "到十四五末,全市专职心理教师配备率不低于80%。",
            None,
            [("专职心理教师配备率", "到十四五末", 2025)],
        ),
        (
            "“十五五”时期，全区家长学校覆盖率达到100%。",
            (2026, 2030),
            [("家长学校覆盖率", "“十五五”时期", 2030)],
        ),
        ("“十三五”期间，全县家长学校覆盖率达到85%。", (2021, 2025), []),
    ],
)
def test_a_five_year_plan_s_span_dates_its_goals(text, period, expected):
    start, end = period or (None, None)
    found = indicators_from_paragraph(
        text, PROV, section_id=None, id_prefix="p", period_start=start, period_end=end
    )
    assert [(i.name, t.label, t.year) for i in found for t in i.targets] == expected


# A span of years of effort opening a plan's goals (经过三年努力，…) dates them: without a known
# period to the document's year and the span, a count too; many years of effort (经过多年努力) and
# 到目前为止 look back. Invented.
@pytest.mark.parametrize(
    ("text", "this_year", "expected"),
    [
        (
            "经过三年努力，全县婴儿死亡率下降至4‰以下。",
            2024,
            [("婴儿死亡率", "经过三年努力", 2027)],
        ),
        (
            "经过三年努力，全县婴儿死亡率下降至4‰以下。",
            None,
            [("婴儿死亡率", "经过三年努力", None)],
        ),
        (
            "经过3年的努力,全县新建普惠性托位2000个。",
            2024,
            [("新建普惠性托位数", "经过3年的努力", 2027)],
        ),
        (
            "经过两年持续努力，全市儿童之家覆盖率达到95%以上，到2030年达到100%。",
            2024,
            [("儿童之家覆盖率", "经过两年持续努力", 2026), ("儿童之家覆盖率", "到2030年", 2030)],
        ),
        ("经过多年努力，全县婴儿死亡率下降至4‰以下。", 2024, []),
        ("经过多年来的不懈努力，全县儿童之家覆盖率达到95%。", None, []),
        ("到目前为止，全县儿童之家覆盖率达到95%。", 2024, []),
    ],
)
def test_a_span_of_effort_dates_a_plan_s_goals(text, this_year, expected):
    found = indicators_from_paragraph(
        text, PROV, section_id=None, id_prefix="p", this_year=this_year
    )
    assert [(i.name, t.label, t.year) for i in found for t in i.targets] == expected


def test_a_span_of_effort_in_a_plan_with_a_period_dates_its_goals_to_the_period_s_end():
    from govdocparse import parse_text

    text = (
        "白沙县儿童发展规划（2021—2025年）\n一、主要目标\n"
        "经过五年努力，全县婴儿死亡率下降至4‰以下。\n"
    )
    [plan] = parse_text(text).documents
    found = [(i.name, t.label, t.year) for i in plan.indicators for t in i.targets]
    assert found == [("婴儿死亡率", "经过五年努力", 2025)]


# A news story's or a report's own figures (a document of kind other) show no sign of a goal: no
# goal year, no word of a plan, no bound or duty; a plan's sentence, a story's with any such sign,
# a paragraph opened by a deadline and a section titled with goals keep their goals. Invented.
@pytest.mark.parametrize(
    ("text", "story", "context", "expected"),
    [
        ("全市建成母婴室326个，公共场所母婴室覆盖率达到95%。", True, None, []),
        ("全县孕产妇系统管理率达到93.6%,婴儿死亡率降至3.2‰。", True, None, []),
        ("经过三年努力，全县婴儿死亡率下降至3.1‰。", True, None, []),
        ("方案提出，经过三年努力，全县婴儿死亡率下降至3‰以下。", True, None, ["婴儿死亡率"]),
        (
            "全市建成母婴室326个，公共场所母婴室覆盖率达到95%。",
            False,
            None,
            ["公共场所母婴室覆盖率"],
        ),
        ("全市公共场所母婴室覆盖率将达到100%。", True, None, ["公共场所母婴室覆盖率"]),
        ("全市公共场所母婴室覆盖率达到95%以上。", True, None, ["公共场所母婴室覆盖率"]),
        ("到2027年，全市公共场所母婴室覆盖率达到100%。", True, None, ["公共场所母婴室覆盖率"]),
        (
            "到2027年，全市新建母婴室100个。公共场所母婴室覆盖率达到100%。",
            True,
            None,
            ["新建母婴室数", "公共场所母婴室覆盖率"],
        ),
        (
            "全市公共场所母婴室覆盖率达到100%。",
            True,
            "二、主要目标",
            ["公共场所母婴室覆盖率"],
        ),
    ],
)
def test_a_story_s_figure_with_no_sign_of_a_goal_is_a_result(text, story, context, expected):
    found = indicators_from_paragraph(
        text, PROV, section_id=None, id_prefix="p", context=context, story=story
    )
    assert [i.name for i in found] == expected


def test_a_news_story_s_own_results_are_no_goals():
    from govdocparse import parse_text

    text = (
        "白沙市母婴室建设成效明显\n"
        "发布时间：2025-04-18 10:20  来源：白沙市妇女联合会\n"
        "记者从市妇联了解到，全市建成母婴室326个，公共场所母婴室覆盖率达到95%。"
        "下一步，全市将实现二级以上医院母婴室全覆盖。\n"
    )
    [document] = parse_text(text).documents
    assert document.kind == "other"
    assert [i.name for i in document.indicators] == ["二级以上医院母婴室覆盖率"]


# A WeChat story's lead one phrase a line: the deadline on a line of its own dates the short
# lines after it, blank lines between them or none; a longer paragraph is no such line. Invented.
_PHRASE_LINES = [
    "重磅！白沙县印发母乳喂养促进行动实施方案",
    "白沙发布 2023-03-05 10:20",
    "近日，县卫健委等部门联合印发了《白沙县母乳喂养促进行动实施方案》。",
    "实施方案提出",
    "到2025年",
    "公众获取母乳喂养知识率达到90%",
    "6个月内纯母乳喂养率达到50%以上",
    "公共场所母婴室覆盖率达到80%以上",
]


@pytest.mark.parametrize("between", ["\n", "\n\n"])
def test_a_deadline_on_a_line_of_its_own_dates_the_short_lines_under_it(between):
    from govdocparse import parse_text

    [story] = parse_text(between.join(_PHRASE_LINES) + "\n").documents
    assert story.kind == "other"
    found = [(i.name, t.label, t.year) for i in story.indicators for t in i.targets]
    assert found == [
        ("公众获取母乳喂养知识率", "到2025年", 2025),
        ("6个月内纯母乳喂养率", "到2025年", 2025),
        ("公共场所母婴室覆盖率", "到2025年", 2025),
    ]


def test_a_deadline_on_a_line_of_its_own_dates_no_longer_paragraph():
    from govdocparse import parse_text

    lines = [
        *_PHRASE_LINES[:5],
        "全县将进一步加强母婴设施建设和母乳喂养宣传，公共场所母婴室覆盖率达到80%以上，"
        "6个月内纯母乳喂养率达到50%以上。",
    ]
    [story] = parse_text("\n\n".join(lines) + "\n").documents
    found = [(i.name, t.label, t.year) for i in story.indicators for t in i.targets]
    assert found == [("公共场所母婴室覆盖率", "目标", None), ("6个月内纯母乳喂养率", "目标", None)]


def test_a_story_s_this_year_is_the_year_of_its_date():
    from govdocparse import parse_text

    text = (
        "白沙市今年将新建普惠性托位1500个\n"
        "发布时间：2025-04-18 10:20  来源：白沙市卫生健康委员会\n"
        "4月16日，白沙市召开托育服务工作推进会。记者了解到，今年全市将新建普惠性托位1500个，"
        "托育机构备案率达到100%。\n"
    )
    [document] = parse_text(text).documents
    found = [(i.name, t.label, t.year) for i in document.indicators for t in i.targets]
    assert found == [("新建普惠性托位数", "今年", 2025), ("托育机构备案率", "今年", 2025)]


@pytest.mark.parametrize(
    "text",
    [
        "新生儿死亡率到2025年降至3‰以下，到2030年降至2.5‰以下。",
        "新生儿死亡率到2025年要降至3‰以下；到2030年要降至2.5‰以下。",
        "到2025年，新生儿死亡率降至3‰以下，到2030年，降至2.5‰以下。",
        "到2025年,全市新生儿死亡率降至3‰以下;到2030年降至2.5‰以下。",
    ],
)
def test_a_later_goal_dated_without_naming_the_measure_again_is_its_second_target(text):
    """Plans date a measure's goals one after the other and name it once; the later year's
    value, after a comma or a semicolon, belongs to the measure named before it."""
    [found] = prose(text)
    assert found.name == "新生儿死亡率"
    assert [(t.year, ops(t.atoms)) for t in found.targets] == [
        (2025, [("<=", 3.0, "‰")]),
        (2030, [("<=", 2.5, "‰")]),
    ]


@pytest.mark.parametrize(
    ("text", "baseline", "targets"),
    [
        # a clause stating the value in an earlier year, the next clause the goal
        (
            "全县婴儿死亡率2020年为4.2‰，到2030年降至3.5‰以下。",
            (2020, 4.2, "4.2‰"),
            [(2030, "<=", 3.5)],
        ),
        (
            "2020年全市学前三年毛入园率为88%,到2025年达到92%以上。",
            (2020, 88.0, "88%"),
            [(2025, ">=", 92.0)],
        ),
        (  # the later goals of the same measure follow it
            "全市5岁以下儿童死亡率2020年为5.2‰,到2025年降至4.5‰以下,到2030年降至4‰以下。",
            (2020, 5.2, "5.2‰"),
            [(2025, "<=", 4.5), (2030, "<=", 4.0)],
        ),
        # the value a measure starts from, written between it and its verb
        (
            "5岁以下儿童死亡率由2020年的6.1‰下降到2025年的5.5‰。",
            (2020, 6.1, "6.1‰"),
            [(2025, "=", 5.5)],
        ),
        (
            "高中阶段毛入学率从2020年的90%提高到95%以上。",
            (2020, 90.0, "90%"),
            [(None, ">=", 95.0)],
        ),
        (
            "孕产妇死亡率由 2020 年的 12/10万 下降到 2030 年的 9/10万 以下。",
            (2020, 12.0, "12/10万"),
            [(2030, "<=", 9.0)],
        ),
        # the value in an earlier year closed by a semicolon, the next sentence dating the goal
        (
            "全县婴儿死亡率2020年为4.2‰；到2030年降至3.5‰以下。",
            (2020, 4.2, "4.2‰"),
            [(2030, "<=", 3.5)],
        ),
        (
            "2020年全市学前三年毛入园率为88%;到2025年达到92%以上,到2030年达到95%以上。",
            (2020, 88.0, "88%"),
            [(2025, ">=", 92.0), (2030, ">=", 95.0)],
        ),
        # where the measure stands now, without a year: 已, 目前 or 现 before the value, or 目前
        # in a clause of its own
        (
            "全镇学前三年毛入园率已达93%，到2026年达到96%以上。",
            (None, 93.0, "93%"),
            [(2026, ">=", 96.0)],
        ),
        (
            "普惠性幼儿园在园幼儿占比目前为82%,到2025年提高到88%以上。",
            (None, 82.0, "82%"),
            [(2025, ">=", 88.0)],
        ),
        (
            "目前，全区孕产妇系统管理率为89%，到2025年达到92%以上。",
            (None, 89.0, "89%"),
            [(2025, ">=", 92.0)],
        ),
        (
            "全县婴儿死亡率现为4.8‰，到2030年降至4‰以下。",
            (None, 4.8, "4.8‰"),
            [(2030, "<=", 4.0)],
        ),
    ],
)
def test_a_baseline_and_a_goal_in_one_sentence(text, baseline, targets):
    [found] = prose(text)
    assert found.baseline is not None and found.baseline.provenance == PROV
    assert (found.baseline.year, found.baseline.value, found.baseline.raw) == baseline
    assert [(t.year, t.atoms[0].op, t.atoms[0].value) for t in found.targets] == targets


def test_a_baseline_alone_or_a_past_goal_is_no_goal():
    # a clause stating a value is a baseline only before the goal's year
    assert prose("婴儿死亡率2030年为3‰，到2025年降至3.2‰。") == []
    # where things stand, with no goal after it
    assert prose("目前，全县学前三年毛入园率为93%，普惠性幼儿园覆盖率已达85%。") == []
    # values of the past closed by semicolons, with no goal after them
    assert prose("全县婴儿死亡率2020年为4.2‰；2020年孕产妇死亡率为9/10万。") == []
    # a 2016—2020 plan looking back on the last one: dated before the plan starts, a result
    look_back = "婴儿死亡率由2010年的8.1‰下降到2015年的5.6‰。"
    assert (
        indicators_from_paragraph(
            look_back, PROV, section_id=None, id_prefix="p", period_start=2016, period_end=2020
        )
        == []
    )
    [goal] = indicators_from_paragraph(
        "婴儿死亡率由2015年的5.6‰下降到2020年的5‰。",
        PROV,
        section_id=None,
        id_prefix="p",
        period_start=2016,
        period_end=2020,
    )
    assert goal.baseline is not None and goal.baseline.year == 2015
    assert [t.year for t in goal.targets] == [2020]


def test_a_dated_value_after_a_group_goal_is_not_taken_for_a_group():
    # which group 70% is for is not written: the groups' goals stand, nothing more
    [found] = prose("国家学生体质健康标准达标优良率城市要达到60%，农村要达到55%，到2030年达到70%。")
    assert [[a.qualifier for a in t.atoms] for t in found.targets] == [[["城市"]], [["农村"]]]


def test_a_later_value_of_a_count_or_of_nothing_named_is_no_further_goal():
    # 500 counts all places, where the 200 before counted the new ones
    [count] = prose("新建普惠性托位200个，到2030年达到500个。")
    assert len(count.targets) == 1
    # a sentence that opens with the value names no measure for it
    assert prose("到2030年达到95%以上，基本实现全覆盖。") == []
    # a sentence closed by a full stop carries nothing into the next
    [first] = prose("新生儿死亡率到2025年降至3‰以下。到2030年降至2.5‰以下。")
    assert len(first.targets) == 1


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


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # a goal kept, 巩固 before its measure (a county's 实施意见, forty-second reading)
        ("进一步巩固“两免一补”政策城乡全覆盖。", "“两免一补”政策城乡覆盖率"),
        ("到2027年，巩固提高学前三年毛入园率达到95%以上。", "学前三年毛入园率"),
        # 巩固率 is the measure's own word
        ("九年义务教育巩固率保持在98%以上。", "九年义务教育巩固率"),
    ],
)
def test_a_goal_kept_names_its_measure_without_the_verb(sentence, name):
    [ind] = prose(sentence)
    assert ind.name == name


def test_example_lists_leave_the_name():
    [ind] = prose(
        "到2018年底，机场、火车站等大型公共场所母婴设施配置率达到80%以上；到2020年底，应配置母婴设施的公共场所基本建成标准化的母婴设施。"
    )
    assert (ind.name, ind.name_raw) == (
        "大型公共场所母婴设施配置率",
        "机场、火车站等大型公共场所母婴设施配置率",
    )
    assert (ind.targets[0].label, ind.targets[0].year) == ("到2018年底", 2018)
    assert ind.sentence and ind.sentence.endswith("达到80%以上；")


def test_a_bare_measure_borrows_its_subject_from_the_sentence():
    text = (
        "做好免费孕前优生健康检查，提供健康教育、健康检查、风险评估等孕前优生服务，"
        "覆盖率达到95%以上。加强二级预防，孕产妇系统管理率达到90%以上。"
    )
    found = prose(text)
    assert [i.name for i in found] == ["免费孕前优生健康检查覆盖率", "孕产妇系统管理率"]
    assert found[0].name_raw == "覆盖率"
    assert found[0].sentence and found[0].sentence.startswith("做好免费孕前优生健康检查")
    # from the measure before it: the words it shares, the population, the subject of a rate
    assert names("进一步降低相关伤害发生率、死亡率。") == ["相关伤害发生率", "相关伤害死亡率"]
    assert names("提高城区无害化卫生厕所普及率和实际利用率。") == [
        "城区无害化卫生厕所普及率",
        "城区无害化卫生厕所实际利用率",
    ]
    assert names("扩大残疾儿童康复救助服务范围，提高救助标准。") == ["残疾儿童康复救助标准"]
    # a bare measure nothing lends a subject to is no indicator; a name with its area stands alone
    assert prose("提高救助标准。") == []
    assert names("落实农村孕产妇住院分娩医疗费报销政策，确保全县住院分娩率达到99%以上。") == [
        "住院分娩率"
    ]


def test_year_labels():
    found = prose(
        "关停一批幼儿园。到2020年，全区公办幼儿园比例达到50%，学前三年毛入园率达到90%，普惠率达到全市平均水平。"
    )
    assert [(i.name, i.targets[0].label, i.targets[0].year) for i in found][:2] == [
        ("公办幼儿园比例", "到2020年", 2020),
        ("学前三年毛入园率", "到2020年", 2020),
    ]
    # a relative goal, measured against 全市平均水平
    assert found[2].name.endswith("普惠率") and found[2].targets[0].raw == "达到全市平均水平"


def test_several_goals_in_one_clause_and_lists_sharing_a_target():
    assert names(
        "8.培养儿童良好运动习惯,中小学生国家学生体质健康标准达标率稳定在95%以上、达标优良率达到40%以上。"
    ) == ["中小学生国家学生体质健康标准达标率", "中小学生国家学生体质健康标准达标优良率"]
    assert names("每年孤儿和事实无人抚养儿童基本生活保障率、助医助学率保持100%。") == [
        "孤儿和事实无人抚养儿童基本生活保障率",
        "孤儿和事实无人抚养儿童助医助学率",
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


@pytest.mark.parametrize(
    "sentence, raws",
    [
        ("到2025年，每个县至少有1所特殊教育学校。", ["至少1所"]),
        ("到2025年，至少建成儿童友好学校3所、儿童友好医院2家。", ["至少3所", "至少2家"]),
        ("到2025年，每个区至少建成3所儿童友好学校、2家儿童友好医院。", ["至少3所", "至少2家"]),
    ],
)
def test_a_counts_bound_before_its_verb_is_read_once(sentence, raws):
    # 至少有1所 had given the atom 至少至少1所: the bound both shared by the list and its own
    found = prose(sentence)
    assert [i.targets[0].atoms[0].raw for i in found] == raws


def test_count_goals():
    found = prose(
        "到2026年,至少建成3个儿童友好景区。到2026年至少建设3个渝中区儿童友好研学实践基地。"
    )
    assert [(i.name, i.name_raw, i.unit, i.targets[0].label) for i in found] == [
        ("儿童友好景区数", "儿童友好景区", "个", "到2026年"),
        ("儿童友好研学实践基地数", "渝中区儿童友好研学实践基地", "个", "到2026年"),
    ]
    assert ops(found[0].targets[0].atoms) == [(">=", 3.0, "个")]
    listed = prose(
        "到2025年，建设1个市级儿童友好示范县（市、区）、10个市级儿童友好示范镇（街）、20个市级儿童友好基地。"
    )
    assert [(i.name, i.targets[0].raw) for i in listed] == [
        ("市级儿童友好示范县（市、区）数", "建设1个市级儿童友好示范县（市、区）"),
        ("市级儿童友好示范镇（街）数", "10个市级儿童友好示范镇（街）"),
        ("市级儿童友好基地数", "20个市级儿童友好基地"),
    ]
    [school] = prose("到2026年，建成儿童友好校园10个以上。")
    assert ops(school.targets[0].atoms) == [(">=", 10.0, "个")]
    [checks] = prose("儿童食品、用品相关责任单位每年开展不少于2次的产品质量监督抽查活动。")
    assert (checks.name, checks.unit) == ("产品质量监督抽查活动次数", "次")
    assert checks.targets[0].atoms[0].qualifier == ["儿童食品、用品相关责任单位", "每年"]
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
        # a 方案's 背景 section: why the work matters and where things stand (thirty-ninth
        # reading: 降低孕产妇和儿童死亡率 had been a directional goal of the plan's period)
        (
            "降低孕产妇和婴儿死亡率，改善母婴健康状况，是建设健康某州的重要内容。",
            "某州母婴平安项目实施方案 > 一、项目背景",
        ),
        (
            "全县产前筛查率达到82%，新生儿听力筛查率达到95%，婴儿死亡率控制在4.1‰。",
            "某县出生缺陷防治实施方案 > 一、工作背景",
        ),
        # a duty named as the subject of a sentence saying what it is for, no number in it: why
        # the plan matters, no goal (a 方案's opening sentence: fifteenth and thirty-ninth readings)
        (
            "预防和减少出生缺陷，把好人生健康第一关，是提高出生人口素质、推进健康某省建设的重要举措。",
            None,
        ),
        ("降低孕产妇死亡率和婴儿死亡率，是保障母婴安全的核心任务。", None),
        ("降低儿童龋齿患病率也是推进健康口腔行动的重要内容。", None),
        # a plan's 前言 looking back on the last cycle; a review sentence opened by …年来 / …以来
        (
            "目标全部实现。孤儿基本生活保障率稳步提升，儿童受教育程度明显提升。",
            "某市儿童发展规划 > 前言",
        ),
        ("五年来，全旗妇女参与决策的能力和贡献率明显提升。", None),
        ("《某县儿童发展规划》实施以来，新生儿访视率进一步提高。", None),
        # a dated statement of a past result
        ("2020年区人大代表、区政协委员中女性占比分别达31.81%、37.6%，妇女比例明显提升。", None),
        ("截至2020年底,《儿童规划》确定的主要目标达标率为98.1%。", None),
        # no target, or a target with no number or direction
        ("建立健全儿童伤害防控工作体系。", None),
        # quoted goals of another document
        ("《纲要》指出“开展100个儿童友好城市建设试点，加强社区儿童之家建设”。", None),
        # a number that is one example in a list of contents
        ("普及中等强度及以上的运动时间不少于60分钟等科普知识。", None),
        # a money amount that is a condition
        ("把总投资1亿元以上的项目，按程序纳入省重点项目。", None),
        # an article, not a number; prevention work; an encouragement; knowledge to spread
        ("打造一支新时代的妇女工作者队伍。", None),
        ("预防和控制儿童溺水。", None),
        ("鼓励有条件的县（市、区）提高残疾儿童康复救助标准。", None),
        ("普及学龄前儿童每日不同强度的运动时间不少于180分钟等科普知识。", None),
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number makes the subject of 是…的…任务 a goal still
        ("将孕产妇死亡率控制在9/10万以下，是全州母婴安全工作的首要任务。", ["孕产妇死亡率"]),
        # 特别是 opens no sentence of what a duty is for
        ("加强高危孕产妇管理，特别是农村地区的基础工作，降低孕产妇死亡率。", ["孕产妇死亡率"]),
    ],
)
def test_a_goal_beside_a_copula_stays_a_goal(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "context",
    [
        # a 背景 section reports; one that names 目标 beside it also sets the plan's goals
        "某州母婴平安项目实施方案 > 一、背景和目标",
        # …and a title's 在…背景下 names no section of background
        "健康某州背景下的母婴平安项目实施方案 > 二、主要目标",
    ],
)
def test_goals_beside_a_background_are_goals(context):
    text = "到2025年，全州孕产妇死亡率控制在9/10万以下。"
    assert names(text, context) == ["孕产妇死亡率"]


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        # a name that is a measure word only takes whom its section title is about
        (
            "落实国家免疫规划，提高疫苗接种率和健康管理率。",
            "三、主要任务 > 4．加强儿童保健服务",
            ["疫苗接种率", "儿童健康管理率"],
        ),
        ("提高系统管理率。", "（二）妇女与健康 > 2．加强孕产妇保健", ["孕产妇系统管理率"]),
        # a vaguer measure word (覆盖率) takes no subject from the title, and a title saying no
        # population lends none
        ("提高覆盖率。", "4．加强儿童保健服务", []),
        ("提高健康管理率。", "4．加强基层卫生服务", ["健康管理率"]),
    ],
)
def test_a_name_borrows_whom_from_its_section_title(text, context, expected):
    assert names(text, context) == expected


def _sentence_cases():
    cases = []
    for line in (SPEC / "goal_sentences.tsv").read_text("utf-8").split("\n"):
        if line.strip() and not line.startswith("#"):
            text, expected = line.split("\t")
            wanted = [] if expected == "[]" else list(_indicators(expected))
            cases.append(pytest.param(text, wanted, id=text))
    return cases


def _indicators(expected: str):
    for part in expected.split(" || "):
        yield _expected_indicator(part)


@pytest.mark.parametrize(("text", "wanted"), _sentence_cases())
def test_goal_sentence_spec(text, wanted):
    found = prose(text)
    assert [i.name for i in found] == [w.names[0] for w in wanted]
    for indicator, expected in zip(found, wanted, strict=True):
        assert indicator_matches(expected, indicator), [
            (a.op, a.value, a.unit, a.qualifier) for a in indicator.targets[0].atoms
        ]


# ---------------------------------------------------------------- the corpus


def test_kaizhou_results_are_only_skipped_by_context():
    # without the section title the 发展基础 paragraphs would yield results as goals
    block = next(
        b
        for b in read(CORPUS / KAIZHOU).blocks
        if isinstance(b, Paragraph) and b.prov.lines == (17, 17)
    )
    assert indicators_from_paragraph(block.text, block.prov, section_id=None, id_prefix="x")
    assert (
        indicators_from_paragraph(
            block.text, block.prov, section_id=None, id_prefix="x", context="一、发展基础"
        )
        == []
    )


def test_a_row_number_column_may_count_in_circled_or_full_width_digits():
    from govdocparse import parse_text

    text = (
        "青溪县儿童发展规划（2021—2030年）\n一、主要目标\n专栏1 主要指标\n"
        "序号\t指标名称\t目标值\n①\t婴儿死亡率\t＜5‰\n②\t5岁以下儿童死亡率\t＜6‰\n"
        "１２\t孕产妇死亡率\t＜10/10万\n"
        "4①\t儿童伤害死亡率\t下降\n"  # damaged: read as its digits, never a crash
    )
    [plan] = parse_text(text).documents
    assert [(i.seq, i.name) for i in plan.indicators] == [
        (1, "婴儿死亡率"),
        (2, "5岁以下儿童死亡率"),
        (12, "孕产妇死亡率"),
        (41, "儿童伤害死亡率"),
    ]


def _block(rows: list[list[str | tuple[str, int]]]) -> TableBlock:
    """A reader's table block; a (text, n) cell spans n columns."""
    return TableBlock(
        [
            [Cell(c[0], PROV, colspan=c[1]) if isinstance(c, tuple) else Cell(c, PROV) for c in row]
            for row in rows
        ],
        PROV,
    )


def test_a_group_row_across_the_table_names_the_category_of_the_rows_below():
    # a 主要指标表 split into groups by rows of one cell across the table (HTML colspan, Word
    # merged cells), its names numbered 1. 2. within each group and no 序号 column
    block = _block(
        [
            ["指　标", "2020年", "2025年", "属性"],
            [("一、卫生资源", 4)],
            ["1.每千人口执业（助理）医师数（人）", "2.6", "3.2以上", "预期性"],
            ["2.每千人口注册护士数（人）", "3.1", "3.8", "预期性"],
            [("二、健康水平", 4)],
            ["1.人均预期寿命（岁）", "78.1", "79", "预期性"],
        ]
    )
    table = build_table(block, table_id="tb", label=None, number=None, title=None, section_id="s")
    indicators, _ = indicators_from_table(table, id_prefix="T")
    assert [
        (i.seq, i.name, i.unit, i.category, i.baseline and i.baseline.raw) for i in indicators
    ] == [
        (1, "每千人口执业（助理）医师数", "人", "卫生资源", "2.6"),
        (2, "每千人口注册护士数", "人", "卫生资源", "3.1"),
        (1, "人均预期寿命", "岁", "健康水平", "78.1"),
    ]


def test_a_text_table_group_row_fills_only_its_name():
    from govdocparse import parse_text

    text = (
        "柳河县教育事业发展“十四五”规划\n一、发展目标\n专栏1 主要指标\n"
        "指标\t2020年\t2025年\t属性\n"
        "（一）普及水平\t\t\t\n"
        "1.学前三年毛入园率（%）\t91\t95以上\t约束性\n"
        "（二）办学条件\t\t\t\n"
        "1.义务教育学校标准化达标率（%）\t88\t100\t预期性\n"
    )
    [plan] = parse_text(text).documents
    assert [(i.seq, i.name, i.category, i.attribute) for i in plan.indicators] == [
        (1, "学前三年毛入园率", "普及水平", "约束性"),
        (1, "义务教育学校标准化达标率", "办学条件", "预期性"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "到2025年和2035年，全市经常参加体育锻炼人数比例分别不低于38%和43%。",
            [
                (
                    "经常参加体育锻炼人数比例",
                    [("到2025年", 2025, ">=", 38.0), ("2035年", 2035, ">=", 43.0)],
                )
            ],
        ),
        (  # a deadline at a year's end, half-width punctuation, 、 between the years
            "到2024年底、2030年,婴儿死亡率分别控制在5.5‰和4.8‰以下,"
            "孕产妇死亡率分别控制在11/10万和9/10万以下。",
            [
                ("婴儿死亡率", [("到2024年底", 2024, "<=", 5.5), ("2030年", 2030, "<=", 4.8)]),
                ("孕产妇死亡率", [("到2024年底", 2024, "<=", 11.0), ("2030年", 2030, "<=", 9.0)]),
            ],
        ),
        # one year and two values: which value belongs to what is not written
        ("到2026年，全县儿童青少年总体近视率分别下降到48%和45%。", []),
        (  # the year list after the measure (健康…行动 实施方案); a level measured by a number
            "全县居民健康素养水平到2025年和2030年分别不低于24%和30%。",
            [
                (
                    "居民健康素养水平",
                    [("到2025年", 2025, ">=", 24.0), ("2030年", 2030, ">=", 30.0)],
                )
            ],
        ),
        (
            "经常参加体育锻炼人数比例到2024年底、2030年分别达到36%和41%,",
            [
                (
                    "经常参加体育锻炼人数比例",
                    [("到2024年底", 2024, "=", 36.0), ("2030年", 2030, "=", 41.0)],
                )
            ],
        ),
    ],
)
def test_a_list_of_years_dates_each_value_of_one_measure(text, expected):
    found = [
        (i.name, [(t.label, t.year, t.atoms[0].op, t.atoms[0].value) for t in i.targets])
        for i in prose(text)
    ]
    assert found == expected


def test_value_added_is_a_noun_not_a_goal_to_increase():
    # rows of an index table (一级指标 / 二级指标 / 属性) flattened into lines of text
    assert prose("第二产业增加值与从业人员数之比") == []
    assert names("增加社区托育服务机构覆盖率") == ["社区托育服务机构覆盖率"]


def test_an_undated_goal_before_a_dated_one_of_the_same_measure_keeps_no_year():
    from govdocparse import parse_text

    text = (
        "青溪县妇女发展规划（2021—2030年）\n一、妇女与健康\n"
        "妇女人均预期寿命达到80岁，到2030年达到81岁。\n"
        "孕产妇死亡率控制在10/10万以下。\n"
    )
    indicators = {i.name: i for i in parse_text(text).documents[0].indicators}
    # the first is an earlier step whose year is not written; the plan's end dates the last
    assert [t.year for t in indicators["妇女人均预期寿命"].targets] == [None, 2030]
    assert [t.year for t in indicators["孕产妇死亡率"].targets] == [2030]
    # the record says which year the sentence wrote and which the period gave
    assert [t.year_from for t in indicators["妇女人均预期寿命"].targets] == [None, None]
    assert [t.year_from for t in indicators["孕产妇死亡率"].targets] == ["period"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a county plan's paragraph opens with its deadline; the goals after it name no year
        (
            "托育方面:到2026年底,基本建成普惠托育服务体系。全县每千人口拥有3岁以下婴幼儿托位数"
            "达到4.2个,托育机构备案率达到100%。",
            [
                ("每千人口拥有3岁以下婴幼儿托位数", 2026, "到2026年底"),
                ("托育机构备案率", 2026, "到2026年底"),
            ],
        ),
        # a sentence with its own year keeps it
        (
            "到2025年,学前教育普及普惠水平进一步提高。学前三年毛入园率达到92%。"
            "到2027年,普惠性幼儿园覆盖率达到90%。",
            [("学前三年毛入园率", 2025, "到2025年"), ("普惠性幼儿园覆盖率", 2027, "到2027年")],
        ),
        # a deadline later in the paragraph dates only its own sentence
        (
            "全县学前三年毛入园率达到92%。到2027年,普惠性幼儿园覆盖率达到90%。",
            [("学前三年毛入园率", None, "目标"), ("普惠性幼儿园覆盖率", 2027, "到2027年")],
        ),
        # a news copy says whose goals follow before the deadline; the goals after the
        # semicolons share it (根据…, / 方案提出, / 《意见》明确,)
        (
            "根据实施方案，到2026年，试点开展适龄女生免费接种服务；城乡妇女乳腺癌筛查率达到"
            "55%；乳腺癌患者规范治疗率达到85%。",
            [
                ("城乡妇女乳腺癌筛查率", 2026, "到2026年"),
                ("乳腺癌患者规范治疗率", 2026, "到2026年"),
            ],
        ),
        (
            "方案提出,到2027年,全市推广家庭医生签约服务;老年人健康管理率达到75%。",
            [("老年人健康管理率", 2027, "到2027年")],
        ),
        # a second deadline opening a sentence dates the goals after it, not the first one
        (
            "到2025年,启动社区托育试点;托育机构备案率达到90%。到2030年,全面推开社区托育;"
            "托育机构备案率达到100%。",
            [("托育机构备案率", 2025, "到2025年"), ("托育机构备案率", 2030, "到2030年")],
        ),
        # a deadline opening the paragraph's second sentence dates the goals after its semicolon
        (
            "坚持儿童优先发展。到2026年,儿童优先的社会政策更加完善;实现儿童友好社区建设全覆盖。",
            [("儿童友好社区覆盖率", 2026, "到2026年")],
        ),
    ],
)
def test_a_paragraphs_opening_deadline_dates_its_later_goals(text, expected):
    found = [(i.name, i.targets[0].year, i.targets[0].label) for i in prose(text)]
    assert found == expected


# A report of a plan's results (a 统计监测报告 on a 纲要's year, its 解读 page): its sentences say
# where things stand; the same paragraph in a plan is a goal. Invented text in the layout of a
# statistics bureau's yearly report, simplified and traditional.
_RESULTS = (
    "{title}\n\n一、儿童与健康\n\n"
    "（一）儿童健康水平持续提高。婴儿死亡率由2021年的4.6‰下降到4.2‰；"
    "儿童死亡率持续下降，3岁以下儿童系统管理率提高到93.5%。\n"
)


@pytest.mark.parametrize(
    "title",
    [
        "2022年《某省儿童发展纲要（2021—2030年）》统计监测报告",
        "2022年《某省兒童發展綱要（2021—2030年）》統計監測報告",
        "某市儿童发展规划（2021—2030年）中期评估报告",
        "2023年某省儿童发展纲要实施进展报告解读",
        "某县妇儿工委办公室2022年工作总结",  # a yearly work summary (twentieth reading)
        "某市妇联2022年年终总结",
        # an evaluation or a survey, and the notice handing one down (twenty-fourth reading)
        "2023年对各县人民政府履行教育职责评价报告",
        "青溪市2021年中小学生视力调研分析报告",
        "某县学生体质健康状况调查报告",
        "青溪市教育局关于印发《青溪市2021年中小学生视力调研分析报告》的通知",
        # a statistics bureau's yearly 公报, two-digit year too (twenty-fifth reading)
        "某省2022年妇女儿童发展统计监测公报",
        "08年某市儿童事业发展监测统计公报",
        "白沙市2023年国民经济和社会发展统计公报",
        # a court's or a procuratorate's 白皮书 of its years' cases (twenty-sixth reading)
        "某区人民法院未成年人审判工作白皮书（2020—2024）",
        "未成年人檢察工作白皮書（2022）",
    ],
)
def test_a_report_of_results_states_no_goals(title):
    from govdocparse import parse_text

    [document] = parse_text(_RESULTS.format(title=title)).documents
    assert document.indicators == []


# A newspaper's story on a plan (a digital edition's page: day, page label, headline, a deck of
# bulleted points, a 本报讯 lead): its sentences report the plan's goals, its deck restates them in
# a headline's words. Invented text, other cities, simplified and traditional, ■ and ●.
_NEWS_PAGE = (
    "2024年5月8日\n第B03版：民生·教育 PDF版\n{headline}\n{deck}\n"
    "本报讯（记者 某某）5月6日，{city}印发《托育服务三年行动计划》。计划提出，到2026年，"
    "全市普惠托位占比达到70%以上，托育机构备案率达到100%。\n"
)


@pytest.mark.parametrize(
    ("city", "headline", "deck"),
    [
        (
            "青溪市",
            "青溪市托育服务三年行动计划出台",
            "■家庭托育点收托人数不得超过6人 ■普惠托位占比达到70%",
        ),
        ("白沙市", "白沙市托育服務三年行動計劃出台", "●普惠托位占比达到70%●托育机构备案率达到100%"),
    ],
)
def test_a_news_story_states_its_plans_goals_in_sentences_not_in_its_deck(city, headline, deck):
    from govdocparse import parse_text

    [document] = parse_text(_NEWS_PAGE.format(city=city, headline=headline, deck=deck)).documents
    assert document.kind == "other"
    found = [(i.name, (i.sentence or "").startswith("计划提出")) for i in document.indicators]
    assert found == [("普惠托位占比", True), ("托育机构备案率", True)]


def test_the_same_sentences_in_a_plan_or_a_government_work_report_are_goals():
    from govdocparse import parse_text

    for title in (
        "某省儿童发展纲要（2021—2030年）",
        "2024年某市政府工作报告",
        "某县妇儿工委关于报送2022年工作总结的通知",  # asks for a summary, names none as its own
    ):
        [document] = parse_text(_RESULTS.format(title=title)).documents
        assert document.indicators, title


def test_the_whole_area_of_a_banner_a_region_or_a_street_is_no_part_of_a_name():
    # plans of a 旗, a 盟, an autonomous region and a 街道 name their whole area as a county's
    # plan says 全县: the words open the sentence's measures and scope no count
    from govdocparse import parse_text

    text = (
        "某旗儿童发展规划（2021—2030年）\n二、主要目标\n到2030年，全旗婴儿死亡率控制在5‰以下，"
        "全盟孕产妇死亡率控制在10/10万以下。全自治区儿童之家覆盖率达到95%。"
        "全街道建成儿童友好社区3个以上。\n"
    )
    [document] = parse_text(text).documents
    assert [i.name for i in document.indicators] == [
        "婴儿死亡率",
        "孕产妇死亡率",
        "儿童之家覆盖率",
        "儿童友好社区数",
    ]
    assert document.indicators[-1].targets[0].atoms[0].qualifier == []
