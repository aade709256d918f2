"""Tables: every corpus table rebuilt, realignment of rows that lost cells, list boxes."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from govdocparse.extract.tables import build_table, column_roles, subrow_name
from govdocparse.model import Provenance, Table
from govdocparse.readers import read
from govdocparse.source import Cell, TableBlock

from .support import CORPUS, FIXTURES, RENDITIONS

TABLE_FIXTURES = FIXTURES / "tables"
KAIZHOU = "kaizhou-2023-women-children-plans.txt"
MEIZHOU = "meizhou-2023-child-friendly-city.txt"


@cache
def blocks(path: Path) -> tuple[TableBlock, ...]:
    return tuple(b for b in read(path).blocks if isinstance(b, TableBlock))


def table(path: Path, index: int = 0) -> Table:
    return build_table(
        blocks(path)[index],
        table_id=f"t{index}",
        label=None,
        number=None,
        title=None,
        section_id=None,
    )


def corpus(name: str, index: int) -> Table:
    return table(CORPUS / name, index)


def subrows(t: Table) -> int:
    return sum(1 for r in t.rows if r.parent is not None)


def test_column_roles():
    assert column_roles(
        ["类别", "序号", "指标名称（单位）", "市规划2030年目标值", "指标属性", "责任单位"]
    ) == ["category", "seq", "name", "value", "attribute", "responsible"]
    assert column_roles(["序号", "领域", "指标名称", "单位", "2025年目标", "市指导部门"]) == [
        "seq",
        "category",
        "name",
        "unit",
        "value",
        "responsible",
    ]
    assert column_roles(["序号", "名称", "建设内容", "责任单位"]) == [
        "seq",
        "name",
        "text",
        "responsible",
    ]
    assert column_roles(["序 号", "政策内容", "牵头单位"]) == ["seq", "text", "responsible"]


# ---------------------------------------------------------------- the corpus tables

# (file, block index, header, data rows, sub-rows)
GRIDS = [
    (
        KAIZHOU,
        0,
        ["序号", "指标名称", "单位", "2010年统计值", "规划目标", "2020年完成值", "责任单位"],
        170,
        86,
    ),
    (
        KAIZHOU,
        1,
        [
            "类别",
            "序号",
            "指标名称（单位）",
            "市规划2030年目标值",
            "开州区2030年目标值",
            "指标属性",
            "责任单位",
        ],
        51,
        3,
    ),
    (
        KAIZHOU,
        10,
        ["序号", "指标名称", "单位", "2010年统计值", "规划目标", "2020年完成值", "责任单位"],
        89,
        39,
    ),
    (
        KAIZHOU,
        11,
        [
            "类别",
            "序号",
            "指标名称（单位）",
            "市规划2030年目标值",
            "开州区2030年目标值",
            "指标属性",
            "责任单位",
        ],
        42,
        7,
    ),
    (MEIZHOU, 0, ["序号", "名称", "建设内容", "责任单位"], 10, 0),
    (MEIZHOU, 1, ["序号", "政策内容", "责任单位"], 14, 0),
    (MEIZHOU, 2, ["序号", "领域", "指标名称", "单位", "2025年目标", "市指导部门"], 57, 0),
]


@pytest.mark.parametrize(("name", "index", "header", "rows", "subs"), GRIDS)
def test_corpus_grid(name, index, header, rows, subs):
    t = corpus(name, index)
    assert t.kind == "grid"
    assert t.header == header
    assert len(t.rows) == rows
    assert subrows(t) == subs
    assert all(len(r.cells) == len(header) for r in t.rows)
    assert [r.provenance.table_row for r in t.rows] == list(range(rows))
    assert t.provenance == blocks(CORPUS / name)[index].prov
    # every row repairs nothing but inherited categories in a dump that keeps empty cells
    assert not any(r.note and "realigned" in r.note for r in t.rows)


# (file, block index, items, first item name)
LISTS = [
    (KAIZHOU, 2, 2, "妇女健康服务促进项目"),
    (KAIZHOU, 3, 2, "女性职业教育提升项目"),
    (KAIZHOU, 4, 2, "女性就业促进项目"),
    (KAIZHOU, 5, 2, "女干部能力提升项目"),
    (KAIZHOU, 6, 2, "老年妇女社会福利提升项目"),
    (KAIZHOU, 7, 2, "家庭生育、养育、教育支持项目"),
    (KAIZHOU, 8, 2, "性别平等宣传教育项目"),
    (KAIZHOU, 9, 3, "妇女公共法律服务供给项目"),
    (KAIZHOU, 12, 5, "儿童医疗保健机构提质项目"),
    (KAIZHOU, 13, 3, "儿童安全宣传教育项目"),
    (KAIZHOU, 14, 6, "公办幼儿园学位保障工程"),
    (KAIZHOU, 15, 6, "儿童营养改善项目"),
    (KAIZHOU, 16, 2, "家庭教育促进项目"),
    (KAIZHOU, 17, 3, "儿童文化产品提升项目"),
    (KAIZHOU, 18, 4, "未成年人的特殊司法保护项目"),
]


@pytest.mark.parametrize(("name", "index", "count", "first"), LISTS)
def test_corpus_list_box(name, index, count, first):
    t = corpus(name, index)
    assert t.kind == "list"
    assert t.header == [] and t.rows == []
    assert len(t.items) == count
    assert t.items[0].name == first
    assert all(item.name and item.text and not item.text.startswith("。") for item in t.items)
    assert [item.provenance.table_row for item in t.items] == list(range(count))


def test_corpus_has_no_other_tables():
    assert len(blocks(CORPUS / KAIZHOU)) == 19
    assert len(blocks(CORPUS / MEIZHOU)) == 3
    for name in (
        "wanzhou-2018-children-policy.txt",
        "yuzhong-2024-child-friendly-city.txt",
        "zunyi-2021-children-plan.txt",
    ):
        assert blocks(CORPUS / name) == ()


def test_list_items_get_their_own_lines():
    items = corpus(KAIZHOU, 9).items  # 专栏10: three items on consecutive lines
    assert [i.provenance.lines for i in items] == [(1930, 1930), (1931, 1931), (1932, 1932)]
    assert items[1].name == "涉黄违法犯罪专项治理项目"
    assert items[1].text.startswith("加强社会治安综合治理")
    assert items[0].provenance.file == KAIZHOU


def test_list_item_lines_after_a_blank_line_are_a_range():
    # 专栏5 of the children's plan: six items on lines 3143-3149 with a blank line after the first;
    # the blank is lost in the cell text, so each item gets the two lines it can be on.
    items = corpus(KAIZHOU, 14).items
    assert [i.provenance.lines for i in items] == [(3143 + k, 3144 + k) for k in range(6)]
    assert items[0].text.startswith(
        "加速推进城区和重点集镇的公办园点建设，学前教育毛入园率达到93%以上"
    )


def test_women_results_table_cells_and_parents():
    t = corpus(KAIZHOU, 0)
    rows = t.rows
    assert rows[0].cells == [
        "1",
        "学前三年毛入园率（学前教育毛入园率）",
        "%",
        "70.56",
        "＞85",
        "91",
        "区教委",
    ]
    # 其中：女童数 and 在园儿童中女童所占比例 belong to 2 在园儿童人数; 责任单位 stays empty
    assert rows[2].cells[:2] == ["", "其中：女童数"] and rows[2].cells[6] == ""
    assert rows[2].parent == 1 and rows[3].parent == 1
    # 其中：城市 and the indented 农村 both belong to 孕产妇死亡率, not to each other
    assert rows[11].cells[1] == "孕产妇死亡率"
    assert (rows[12].cells[1], rows[12].parent) == ("其中：城市", 11)
    assert (rows[13].cells[1], rows[13].parent) == ("农村", 11)
    # unnumbered measures of block 13 and their own 其中 rows
    assert rows[18].cells[1] == "当年报告艾滋病病毒感染例数" and rows[18].parent == 17
    assert rows[19].cells[1] == "其中：女性" and rows[19].parent == 18
    assert rows[20].parent == 17 and rows[21].parent == 20
    # 所占比例 after 其中：女性 belongs to the main row, not to the 其中 row
    assert rows[56].cells[1] == "所占比例" and rows[56].parent == 54
    # 其中：中小学生儿童 after 女性比例 still belongs to 41 城乡居民基本医疗保险参保人数
    assert rows[77].cells[1] == "其中：中小学生儿童" and rows[77].parent == 74
    # multi-line cell keeps its line break
    assert rows[43].cells[4] == "逐步\n提高"
    assert rows[43].provenance.lines == (380, 387)
    assert rows[-1].cells == ["84", "农村集中式供水率", "%", "68", "＞85", "86", "区水利局"]


def test_women_targets_table_categories_and_parents():
    t = corpus(KAIZHOU, 1)
    rows = t.rows
    assert rows[0].cells[0] == "妇女与健康" and rows[0].note is None
    assert rows[1].cells[0] == "妇女与健康" and rows[1].note == "类别 inherited from row 0"
    assert (
        rows[5].cells[:3] == ["妇女与健康", "", "适龄妇女乳腺癌人群筛查率（%）"]
        and rows[5].parent == 4
    )
    assert rows[11].cells[0] == "妇女与教育" and rows[11].note is None
    assert rows[10].cells[6] == "区发展改革委\n区卫生健康委"
    assert [r.parent for r in rows if r.parent is not None] == [4, 33, 35]
    categories = []
    for r in rows:
        if r.cells[0] not in categories:
            categories.append(r.cells[0])
    assert categories == [
        "妇女与健康",
        "妇女与教育",
        "妇女与经济",
        "妇女参与决策管理",
        "妇女与社会保障",
        "妇女与家庭建设",
        "妇女与环境",
        "妇女与法律",
    ]


def test_children_targets_table():
    rows = corpus(KAIZHOU, 11).rows
    assert rows[18].cells[1:3] == ["14", "12岁儿童龋患率（%）"]
    assert rows[18].cells[6] == "区教委、\n区卫生健康委"
    # 小学生近视率 … share block 10 and have empty 属性/责任单位 cells (merged in Word)
    for i, name in (
        (10, "小学生近视率（%）"),
        (11, "初中生近视率（%）"),
        (12, "高中阶段学生近视率（%）"),
    ):
        assert rows[i].cells == ["儿童与健康", "", name, rows[i].cells[3], rows[i].cells[4], "", ""]
        assert rows[i].parent == 9
    assert [r.parent for r in rows if r.parent is not None] == [9, 9, 9, 15, 15, 19, 19]
    # the category written again after a page break is kept as written, not inherited
    assert rows[15].cells[0] == "儿童与健康" and rows[15].note is None


def test_children_results_table_parents():
    rows = corpus(KAIZHOU, 10).rows
    assert rows[27].cells[1] == "其中： 儿童" and rows[27].parent == 26
    assert rows[32].cells[1] == "女童" and rows[32].parent == 30
    assert rows[63].cells[1:3] == ["儿童主要文化产品（以下）", ""]
    assert {rows[i].parent for i in range(64, 73)} == {63}
    assert rows[76].cells[1] == "城乡社区（村）覆盖率" and rows[76].parent == 75


def test_meizhou_indicator_annex():
    t = corpus(MEIZHOU, 2)
    assert t.notes == ["说明：儿童友好城市建设各项指标主体责任为各县（市、区）人民政府。"]
    assert t.rows[0].cells == [
        "1",
        "社会政策友好",
        "是否将儿童友好纳入城市经济社会发展等规划或重大政策文件",
        "是/否",
        "是",
        "市发展改革局、市妇儿工委办公室",
    ]
    assert t.rows[1].cells[1] == "社会政策友好" and t.rows[1].note == "领域 inherited from row 0"
    assert t.rows[56].cells == [
        "57",
        "儿童参与友好",
        "举办儿童系列品牌活动",
        "场次",
        "持续增长",
        "市委宣传部、市民政局、市教育局、市文化广电旅游局、团市委、市科协、市妇联等",
    ]
    assert t.rows[56].note == "领域 inherited from row 54"
    fields = [r.cells[1] for r in t.rows]
    assert [
        fields.count(f)
        for f in (
            "社会政策友好",
            "公共服务友好",
            "权益保障友好",
            "成长空间友好",
            "发展环境友好",
            "儿童参与友好",
        )
    ] == [5, 27, 6, 8, 8, 3]
    # the note row is not a data row: the grid ends on line 603
    assert t.rows[-1].provenance.lines == (598, 603)


def test_meizhou_projects_and_policies():
    projects = corpus(MEIZHOU, 0)
    assert projects.rows[3].cells[1] == "儿童友好公园工程"
    assert (
        projects.rows[3].cells[3]
        == "市自然资源局、市住房城乡建设局按职责分工负责，各县（市、区）人民政府"
    )
    policies = corpus(MEIZHOU, 1)
    assert policies.rows[13].cells[0] == "14"
    assert (
        policies.rows[10].cells[1] == "把总投资1亿元以上的项目，按程序纳入省重点项目，优先保障用地"
    )


def test_build_table_passes_caption_fields_through():
    t = build_table(
        blocks(CORPUS / MEIZHOU)[2],
        table_id="meizhou-t3",
        label="附件1-3",
        number="1-3",
        title="儿童友好城市建设主要指标（指导性）",
        section_id="s9",
    )
    assert (t.id, t.label, t.number, t.title, t.section_id) == (
        "meizhou-t3",
        "附件1-3",
        "1-3",
        "儿童友好城市建设主要指标（指导性）",
        "s9",
    )


# ------------------------------------------------------- realignment of dumps that drop cells


@pytest.mark.parametrize(
    ("fixture", "name", "index"),
    [
        ("kaizhou-children-targets-no-category-cells.txt", KAIZHOU, 11),
        ("kaizhou-children-targets-no-empty-cells.txt", KAIZHOU, 11),
        ("kaizhou-women-results-no-empty-cells.txt", KAIZHOU, 0),
        ("meizhou-annex-1-3-no-empty-cells.txt", MEIZHOU, 2),
    ],
)
def test_realigned_rows_equal_the_original(fixture, name, index):
    original = corpus(name, index)
    dropped = table(TABLE_FIXTURES / fixture)
    assert dropped.header == original.header
    assert dropped.notes == original.notes
    assert [r.cells for r in dropped.rows] == [r.cells for r in original.rows]
    assert [r.parent for r in dropped.rows] == [r.parent for r in original.rows]
    assert any(r.note and r.note.startswith("realigned") for r in dropped.rows)


def test_realignment_note_names_the_missing_columns():
    rows = table(TABLE_FIXTURES / "kaizhou-children-targets-no-empty-cells.txt").rows
    assert (
        rows[1].note == "realigned: 6 cells for 7 columns, missing 类别; 类别 inherited from row 0"
    )
    assert rows[10].note == (
        "realigned: 3 cells for 7 columns, missing 类别、序号、指标属性、责任单位;"
        " 类别 inherited from row 0"
    )
    assert rows[0].note is None


def _block(rows: list[list[str]], first_line: int = 1) -> TableBlock:
    """A table block with one source line per cell, rows one after another."""
    cells, line = [], first_line
    for row in rows:
        built = []
        for text in row:
            n = text.count("\n") + 1
            built.append(Cell(text, Provenance(file="t.txt", lines=(line, line + n - 1))))
            line += n
        cells.append(built)
        line += 1
    return TableBlock(cells, Provenance(file="t.txt", lines=(first_line, line - 2)))


def _grid(rows: list[list[str]]) -> Table:
    return build_table(
        _block(rows), table_id="t", label=None, number=None, title=None, section_id=None
    )


def test_realign_a_row_without_unit_or_responsible():
    t = _grid(
        [
            ["序号", "指标名称", "单位", "基期值", "目标值", "责任单位"],
            ["1", "学前三年毛入园率", "%", "85", "≥90", "区教委"],
            ["", "其中：农村", "%", "80", "≥88", ""],
            ["2", "儿童之家数量", "12", "增加", "区民政局"],  # unit cell dropped
            ["乡村", "%", "60", "70"],  # 序号 and 责任单位 dropped
        ]
    )
    assert t.rows[2].cells == ["2", "儿童之家数量", "", "12", "增加", "区民政局"]
    assert t.rows[2].note == "realigned: 5 cells for 6 columns, missing 单位"
    assert t.rows[3].cells == ["", "乡村", "%", "60", "70", ""]
    assert t.rows[3].parent == 2


def test_surplus_cells_join_the_last_column():
    t = _grid([["序号", "名称", "责任单位"], ["1", "工程", "市教育局", "市财政局"]])
    assert t.rows[0].cells == ["1", "工程", "市教育局\n市财政局"]
    assert t.rows[0].note == "realigned: 4 cells for 3 columns, surplus joined into 责任单位"


# ---------------------------------------------------------------- other repairs


def test_indented_names_are_stripped_and_make_sub_rows():
    t = _grid(
        [
            ["序号", "指标名称", "单位"],
            ["1", "图书馆数量", "个"],
            ["", "  少儿图书馆数量", "个"],
            ["", "公共图书馆覆盖率", "%"],
            ["", "\u3000\u3000其中：乡镇", "%"],
        ]
    )
    assert [r.cells[1] for r in t.rows] == [
        "图书馆数量",
        "少儿图书馆数量",
        "公共图书馆覆盖率",
        "其中：乡镇",
    ]
    assert [r.parent for r in t.rows] == [None, 0, 0, 2]


STACKED_HEADER = ["序号", "指标名称", "单位", "2020年", "2025年", "属性"]


def test_breakdowns_stacked_in_one_row_are_rows_of_their_own():
    t = _grid(
        [
            STACKED_HEADER,
            ["1", "学前三年毛入园率\n其中：普惠性幼儿园覆盖率", "%", "88\n75", "95\n≥85", "预期性"],
            ["2", "义务教育巩固率\n其中：\n小学\n初中", "%", "95\n99\n92", "96\n99\n94", ""],
            ["3", "儿童之家数量", "个", "120", "300", "预期性"],
            # an 属性 stacked as the values are: each row its own
            ["4", "孕产妇死亡率\n其中：农村", "1/10万", "12\n14", "<10\n<11", "约束性\n预期性"],
        ]
    )
    assert [r.cells for r in t.rows] == [
        ["1", "学前三年毛入园率", "%", "88", "95", "预期性"],
        ["", "其中：普惠性幼儿园覆盖率", "%", "75", "≥85", ""],
        ["2", "义务教育巩固率", "%", "95", "96", ""],
        ["", "其中：小学", "%", "99", "99", ""],
        ["", "其中：初中", "%", "92", "94", ""],
        ["3", "儿童之家数量", "个", "120", "300", "预期性"],
        ["4", "孕产妇死亡率", "1/10万", "12", "<10", "约束性"],
        ["", "其中：农村", "1/10万", "14", "<11", "预期性"],
    ]
    assert [r.parent for r in t.rows] == [None, 0, None, 2, 2, None, None, 6]
    assert t.rows[1].note == "one of 2 rows stacked in one row of the source"


def test_a_breakdown_name_wrapped_in_a_stack_is_one_name():
    t = _grid(
        [
            STACKED_HEADER,
            # the 其中 name goes on onto a measure word alone
            ["1", "学前三年毛入园率\n其中：普惠性幼儿园\n覆盖率", "%", "88\n75", "95\n≥85", ""],
            # after 其中： alone, a first breakdown wrapped after 的, a second on one line
            [
                "2",
                "幼儿园数\n其中：\n省级示范标准达标的\n幼儿园占比\n公办园占比",
                "",
                "120\n35\n48",
                "150\n50\n55",
                "",
            ],
            # one line a breakdown when the values say so: 覆盖率 alone is a breakdown's name
            ["3", "某率\n其中：城镇\n覆盖率", "%", "1\n2\n3", "4\n5\n6", ""],
        ]
    )
    assert [r.cells[1] for r in t.rows] == [
        "学前三年毛入园率",
        "其中：普惠性幼儿园\n覆盖率",
        "幼儿园数",
        "其中：省级示范标准达标的\n幼儿园占比",
        "其中：公办园占比",
        "某率",
        "其中：城镇",
        "其中：覆盖率",
    ]
    assert [r.cells[3] for r in t.rows] == ["88", "75", "120", "35", "48", "1", "2", "3"]
    assert [r.parent for r in t.rows] == [None, 0, None, 2, 2, None, 5, 5]


@pytest.mark.parametrize(
    "name, base, target",
    [
        # a wrapped name with no breakdown
        ("城乡社区儿童之家\n覆盖率", "90", "98"),
        # values stacked otherwise than the breakdowns (a range over two lines)
        ("义务教育巩固率\n其中：农村", "95\n93\n90", "96"),
        # a breakdown whose values are not stacked: the values are the head's
        ("义务教育巩固率\n其中：农村", "95", "96"),
    ],
)
def test_rows_that_stack_no_breakdowns_stay_one_row(name, base, target):
    t = _grid([STACKED_HEADER, ["1", name, "%", base, target, "预期性"]])
    assert len(t.rows) == 1 and t.rows[0].cells[1] == name


def test_header_lines_join_without_separator():
    t = _grid(
        [
            ["序\n号", "指标\n名称（单位）", "规划\n目标", "指标\n属性"],
            ["1", "某率（%）", "≥90", "预期性"],
        ]
    )
    assert t.header == ["序号", "指标名称（单位）", "规划目标", "指标属性"]


def test_trailing_notes_only_after_the_grid():
    t = _grid(
        [
            ["序号", "指标名称", "目标"],
            ["1", "注册志愿者比例", "≥10"],
            ["注：1. 带*号的指标为约束性指标。"],
            ["备注：数据来源于统计部门。", "", ""],
        ]
    )
    assert len(t.rows) == 1
    assert t.notes == ["注：1. 带*号的指标为约束性指标。", "备注：数据来源于统计部门。"]


def test_category_inheritance_stops_at_the_next_value():
    t = _grid(
        [
            ["领域", "序号", "指标名称"],
            ["健康", "1", "甲率"],
            ["", "2", "乙率"],
            ["教育", "3", "丙率"],
            ["", "4", "丁率"],
        ]
    )
    assert [r.cells[0] for r in t.rows] == ["健康", "健康", "教育", "教育"]
    assert [r.note for r in t.rows] == [
        None,
        "领域 inherited from row 0",
        None,
        "领域 inherited from row 2",
    ]


def test_table_without_seq_column():
    t = _grid([["指标名称", "目标"], ["甲率", "90"], ["其中：城市", "95"], ["乙率", "80"]])
    assert [r.parent for r in t.rows] == [None, 0, None]


def test_multi_row_list_box_and_continuation_lines():
    block = _block(
        [
            ["儿童之家项目。建设一批儿童之家。\n持续提升服务能力，扩大覆盖面。"],
            ["儿童议事会项目。每个社区成立儿童议事会。"],
        ],
        first_line=10,
    )
    t = build_table(block, table_id="b", label="专栏4", number="4", title=None, section_id=None)
    assert t.kind == "list"
    assert [(i.name, i.text) for i in t.items] == [
        ("儿童之家项目", "建设一批儿童之家。\n持续提升服务能力，扩大覆盖面。"),
        ("儿童议事会项目", "每个社区成立儿童议事会。"),
    ]
    assert [i.provenance.lines for i in t.items] == [(10, 11), (13, 13)]


def test_one_column_prose_box_is_not_a_list():
    t = _grid([["主要指标"], ["到2025年，儿童之家覆盖率达到95%。"]])
    assert t.kind == "grid" and t.header == ["主要指标"] and len(t.rows) == 1


def test_subrow_name():
    assert subrow_name("其中：女童数") == "女童数"
    assert subrow_name("其中： 儿童") == "儿童"
    assert subrow_name("  农村") == "农村"
    assert subrow_name("在园儿童中女童所占比例") == "在园儿童中女童所占比例"


def test_horizontally_merged_cells_fill_every_column_they_span():
    block = _block(
        [
            ["序号", "指标名称", "2025年目标", "2030年目标"],
            ["1", "儿童之家覆盖率", "≥95"],
            ["2", "儿童友好社区数量", "增加", "增加"],
        ]
    )
    block.rows[1][2].colspan = 2
    t = build_table(block, table_id="t", label=None, number=None, title=None, section_id=None)
    assert t.header == ["序号", "指标名称", "2025年目标", "2030年目标"]
    assert t.rows[0].cells == ["1", "儿童之家覆盖率", "≥95", "≥95"]
    assert t.rows[0].note == "merged cell copied into 2025年目标、2030年目标"
    assert t.rows[1].note is None
    spanned_header = _block([["序号", "目标值"], ["1", "90", "95"]])
    spanned_header.rows[0][1].colspan = 2
    assert build_table(
        spanned_header, table_id="t", label=None, number=None, title=None, section_id=None
    ).header == ["序号", "目标值", "目标值"]


def test_vertically_merged_slots_of_other_readers():
    block = _block(
        [
            ["领域", "序号", "指标名称", "责任单位"],
            ["健康", "1", "甲率", "市卫生健康局"],
            ["", "", "乙率", ""],
        ]
    )
    for cell in block.rows[2][:2] + block.rows[2][3:]:
        cell.merged = True
    t = build_table(block, table_id="t", label=None, number=None, title=None, section_id=None)
    assert t.rows[1].cells == ["健康", "", "乙率", ""]
    assert t.rows[1].parent == 0


@pytest.mark.parametrize("name", [KAIZHOU, MEIZHOU])
@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_other_renditions_rebuild_the_same_tables(name, fmt):
    rendition = RENDITIONS / f"{Path(name).stem}.{fmt}"
    original = [table(CORPUS / name, k) for k in range(len(blocks(CORPUS / name)))]
    other = [table(rendition, k) for k in range(len(blocks(rendition)))]
    assert [(t.kind, t.header, t.notes) for t in other] == [
        (t.kind, t.header, t.notes) for t in original
    ]
    assert [[(r.cells, r.parent) for r in t.rows] for t in other] == [
        [(r.cells, r.parent) for r in t.rows] for t in original
    ]
    assert [[(i.name, i.text) for i in t.items] for t in other] == [
        [(i.name, i.text) for i in t.items] for t in original
    ]
