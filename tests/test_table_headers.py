"""Headers as real tables write them: over two rows (spans, or merged cells left empty), repeated
after a page break, with the years in brackets; and the indicators read from such tables."""

from __future__ import annotations

from pathlib import Path

import pytest

import govdocparse
from govdocparse.extract.indicators import indicators_from_table
from govdocparse.extract.responsibilities import column_role
from govdocparse.extract.tables import build_table, header_depth, is_column_name
from govdocparse.model import Provenance
from govdocparse.source import Cell, TableBlock

PROV = Provenance(file="t", lines=(1, 1))


def _cell(text: str, rowspan: int = 1, colspan: int = 1, merged: bool = False) -> Cell:
    return Cell(text, PROV, rowspan=rowspan, colspan=colspan, merged=merged)


def _table(rows: list[list[Cell]], title: str | None = None):
    return build_table(
        TableBlock(rows, PROV), table_id="t", label=None, number=None, title=title, section_id=None
    )


def _spanned() -> list[list[Cell]]:
    """领域 | 指标 | 单位 | 2020年基期值 | 目标值 over 2025年 and 2030年, as the HTML, DOCX and
    PDF readers give it (a rowspan cell's covered slots are merged)."""
    return [
        [
            _cell("领域", rowspan=2),
            _cell("指标", rowspan=2),
            _cell("单位", rowspan=2),
            _cell("2020年基期值", rowspan=2),
            _cell("目标值", colspan=2),
        ],
        [_cell("", merged=True)] * 4 + [_cell("2025年"), _cell("2030年")],
        [
            _cell("健康"),
            _cell("婴儿死亡率"),
            _cell("‰"),
            _cell("4.1"),
            _cell("＜4"),
            _cell("＜3.5"),
        ],
        [
            _cell("", merged=True),
            *map(_cell, ["孕产妇死亡率", "1/10万", "9", "＜9", "＜8"]),
        ],
    ]


def test_spanned_header_is_two_rows_joined_per_column():
    table = _table(_spanned())
    assert table.header == [
        "领域",
        "指标",
        "单位",
        "2020年基期值",
        "目标值/2025年",
        "目标值/2030年",
    ]
    assert [row.cells[1] for row in table.rows] == ["婴儿死亡率", "孕产妇死亡率"]


def test_indicators_of_a_two_row_header_get_baseline_and_target_years():
    indicators, _ = indicators_from_table(_table(_spanned()), id_prefix="t")
    first = indicators[0]
    assert first.baseline is not None
    assert (first.name, first.unit, first.baseline.year, first.baseline.value) == (
        "婴儿死亡率",
        "‰",
        2020,
        4.1,
    )
    assert [(t.year, t.atoms[0].op, t.atoms[0].value) for t in first.targets] == [
        (2025, "<", 4.0),
        (2030, "<", 3.5),
    ]


def _text_rows(lines: list[list[str]]) -> list[list[Cell]]:
    """Rows as the text reader gives them: empty leading cells of later rows are merged."""
    rows = []
    for n, texts in enumerate(lines):
        leading = next((k for k, text in enumerate(texts) if text), len(texts))
        rows.append([_cell(t, merged=n > 0 and k < leading) for k, t in enumerate(texts)])
    return rows


def test_text_header_with_merged_cells_left_empty():
    table = _table(
        _text_rows(
            [
                ["序号", "指标名称", "单位", "基期值", "目标值", "", "属性"],
                ["", "", "", "2020年", "2025年", "2030年", ""],
                ["1", "儿童之家覆盖率", "%", "91", "95", "≥98", "预期性"],
            ]
        )
    )
    assert table.header == [
        "序号",
        "指标名称",
        "单位",
        "基期值/2020年",
        "目标值/2025年",
        "目标值/2030年",
        "属性",
    ]
    assert len(table.rows) == 1


def test_responsible_columns_under_one_header():
    rows = [
        [_cell("序号", rowspan=2), _cell("重点任务", rowspan=2), _cell("责任单位", colspan=2)],
        [_cell("", merged=True), _cell("", merged=True), _cell("牵头单位"), _cell("配合单位")],
        [_cell("1"), _cell("建设儿童友好公园"), _cell("县住建局"), _cell("县自然资源局\n县林业局")],
    ]
    table = _table(rows)
    assert table.header == ["序号", "重点任务", "责任单位/牵头单位", "责任单位/配合单位"]
    _, (owner,) = indicators_from_table(table, id_prefix="t")
    assert owner.kind == "责任单位"
    assert owner is not None
    assert [a.name for a in owner.lead] == ["县住建局"]
    assert [a.name for a in owner.participating] == ["县自然资源局", "县林业局"]


def test_a_group_over_name_and_unit_columns():
    rows = [
        [_cell("指标", colspan=2), _cell("2020年基数", rowspan=2), _cell("2025年目标", rowspan=2)],
        [_cell("名称"), _cell("单位"), _cell("", merged=True), _cell("", merged=True)],
        [_cell("儿童之家覆盖率"), _cell("%"), _cell("92"), _cell("≥95")],
    ]
    table = _table(rows)
    assert table.header == ["指标/名称", "指标/单位", "2020年基数", "2025年目标"]
    (indicator,), _ = indicators_from_table(table, id_prefix="t")
    assert indicator.baseline is not None
    assert (indicator.name, indicator.unit, indicator.baseline.value) == ("儿童之家覆盖率", "%", 92)


@pytest.mark.parametrize(
    "second",
    [
        ["1", "婴儿死亡率", "‰", "4.1", "＜4"],  # a data row
        ["", "其中：农村", "‰", "4.5", "＜4.5"],  # a sub-row: its name column is filled
        ["", "", "", "", "2025年底"],  # a value that is no column name
    ],
)
def test_a_data_row_under_the_header_is_not_header(second):
    rows = _text_rows(
        [["序号", "指标名称", "单位", "基期值", "目标值"], second, ["2", "甲率", "%", "1", "2"]]
    )
    assert header_depth(rows) == 1


def test_one_row_with_spans_over_data_is_one_header_row():
    rows = [[_cell("序号"), _cell("目标值", colspan=2)], [_cell("1"), _cell("90"), _cell("95")]]
    assert header_depth(rows) == 1


def test_header_repeated_inside_the_body_is_dropped():
    header = [["序号", "指标名称", "目标值"], ["", "", "2025年"]]
    table = _table(_text_rows([*header, ["1", "甲率", "90"], *header, ["2", "乙率", "95"]]))
    assert table.header == ["序号", "指标名称", "目标值/2025年"]
    assert [row.cells[1] for row in table.rows] == ["甲率", "乙率"]


def test_a_title_typed_into_a_merged_first_row_is_the_caption():
    rows = [
        [_cell("专栏3　儿童福利主要指标", colspan=3)],
        [_cell("指标名称"), _cell("单位"), _cell("2025年目标")],
        [_cell("儿童督导员配备率"), _cell("%"), _cell("100")],
    ]
    table = _table(rows)
    assert (table.label, table.number, table.title) == ("专栏3", "3", "儿童福利主要指标")
    assert table.header == ["指标名称", "单位", "2025年目标"]
    assert len(table.rows) == 1


def test_a_merged_first_row_over_data_is_the_header():
    rows = [
        [_cell("重点任务", colspan=2)],
        [_cell("建设儿童之家"), _cell("县民政局")],
        [_cell("建设儿童公园"), _cell("县住建局")],
    ]
    assert _table(rows).header == ["重点任务", "重点任务"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025年", True),
        ("目标值（2025年）", True),
        ("基期值(2020年)", True),
        ("2020年（基期）", True),
        ("牵头单位", True),
        ("配合单位", True),
        ("婴儿死亡率", False),
        ("2025年底", False),
        ("4.1", False),
    ],
)
def test_column_names(text, expected):
    assert is_column_name(text) is expected


@pytest.mark.parametrize(
    ("header", "role"),
    [
        ("责任单位", "lead"),
        ("牵头单位", "lead"),
        ("市指导部门", "lead"),
        ("责任单位/配合单位", "participating"),
        ("参与部门", "participating"),
        ("协办单位", "participating"),
    ],
)
def test_column_role(header, role):
    assert column_role(header) == role


# ---------------------------------------------------------------- indicator columns


def _grid(header: list[str], *rows: list[str], title: str | None = None):
    return _table([[_cell(t) for t in header]] + [[_cell(t) for t in row] for row in rows], title)


def test_bare_year_columns_split_at_the_plan_period():
    table = _grid(
        ["序号", "指标名称", "单位", "2020年", "2025年"], ["1", "儿童之家覆盖率", "%", "92", "100"]
    )
    (indicator,), _ = indicators_from_table(table, id_prefix="t", period_start=2021)
    assert indicator.baseline is not None
    assert (indicator.baseline.year, indicator.baseline.value) == (2020, 92.0)
    assert [(t.year, t.raw) for t in indicator.targets] == [(2025, "100")]


def test_bare_year_columns_without_a_period():
    table = _grid(
        ["指标名称", "2022年", "2024年", "2026年"], ["儿童友好社区数量（个）", "10", "20", "30"]
    )
    (indicator,), _ = indicators_from_table(table, id_prefix="t")
    assert indicator.baseline is not None
    assert indicator.baseline.year == 2022
    assert [t.year for t in indicator.targets] == [2024, 2026]


def test_years_in_brackets_name_the_column_year():
    table = _grid(
        ["指标名称", "单位", "基期值（2020年）", "目标值（2025年）", "属性"],
        ["儿童督导员配备率", "%", "87", "≥95", "预期性"],
    )
    (indicator,), _ = indicators_from_table(table, id_prefix="t")
    assert indicator.baseline is not None
    assert (indicator.baseline.year, indicator.targets[0].year) == (2020, 2025)
    assert indicator.attribute == "预期性"


def test_a_column_of_measures_names_indicators():
    table = _grid(
        ["序号", "项目", "2030年目标", "责任单位"],
        ["1", "孤儿基本生活保障率（%）", "100", "区民政局"],
    )
    (indicator,), _ = indicators_from_table(table, id_prefix="t")
    assert (indicator.name, indicator.unit, indicator.targets[0].year) == (
        "孤儿基本生活保障率",
        "%",
        2030,
    )


def test_a_column_of_projects_names_no_indicators():
    table = _grid(
        ["序号", "项目", "2025年目标", "责任单位"], ["1", "儿童友好医院工程", "建成3所", "市卫健委"]
    )
    indicators, _ = indicators_from_table(table, id_prefix="t")
    assert all(i.source == "prose" for i in indicators)


# ---------------------------------------------------------------- whole documents


_TAB_PLAN = """宁远县儿童发展规划（2021—2030年）
一、主要目标
专栏1　主要指标
序号\t指标名称\t单位\t基期值\t目标值\t\t属性
\t\t\t2020年\t2025年\t2030年\t
1\t婴儿死亡率\t‰\t4.0\t＜3.8\t＜3.5\t约束性
— 3 —
续表1
序号\t指标名称\t单位\t基期值\t目标值\t\t属性
\t\t\t2020年\t2025年\t2030年\t
2\t学前教育毛入园率\t%\t88\t≥90\t≥92\t预期性
二、策略措施
加强儿童健康服务。
"""


def test_a_table_cut_by_a_page_break_is_one_table():
    (document,) = govdocparse.parse_text(_TAB_PLAN).documents
    (table,) = document.tables
    assert table.label == "专栏1"
    assert [row.cells[1] for row in table.rows] == ["婴儿死亡率", "学前教育毛入园率"]
    assert [(i.name, [t.year for t in i.targets]) for i in document.indicators] == [
        ("婴儿死亡率", [2025, 2030]),
        ("学前教育毛入园率", [2025, 2030]),
    ]


def test_tables_with_other_headers_stay_apart():
    text = _TAB_PLAN.replace("续表1\n序号\t指标名称", "序号\t项目名称")
    (document,) = govdocparse.parse_text(text).documents
    assert len(document.tables) == 2


def test_markdown_pipe_table_with_second_header_row_and_br(tmp_path: Path):
    path = tmp_path / "plan.md"
    path.write_text(
        "# 宁远县儿童友好行动方案（2023—2025年）\n\n## 一、目标\n\n"
        "| 序号 | 指标 | 现状值 | 目标值 |  | 责任单位 |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "|  |  | 2022年 | 2024年 | 2025年 |  |\n"
        "| 1 | 儿童友好公园数量（个） | 2 | 4 | 6 | 县住建局<br>县林业局 |\n\n"
        "## 二、措施\n\n加强保障。\n",
        encoding="utf-8",
    )
    (document,) = govdocparse.parse(path).documents
    (table,) = document.tables
    assert table.header == [
        "序号",
        "指标",
        "现状值/2022年",
        "目标值/2024年",
        "目标值/2025年",
        "责任单位",
    ]
    assert table.rows[0].cells[-1] == "县住建局\n县林业局"
    (indicator,) = document.indicators
    owner = document.responsibility(indicator.responsible_id)
    assert owner is not None
    assert [a.name for a in owner.lead] == ["县住建局", "县林业局"]


def test_responsible_sub_columns_named_by_the_role_alone():
    # 责任单位 over 牵头 and 配合 (a text table: the merged cells left empty, TAB-separated)
    rows = [
        [_cell("工作任务"), _cell("完成时限"), _cell("责任单位"), _cell("")],
        [_cell("", merged=True), _cell("", merged=True), _cell("牵头"), _cell("配合")],
        [_cell("开展托育质量评估"), _cell("2024年底"), _cell("市卫健委"), _cell("市市场监管局")],
    ]
    table = _table(rows)
    assert table.header == ["工作任务", "完成时限", "责任单位/牵头", "责任单位/配合"]
    assert len(table.rows) == 1
    _, (owner,) = indicators_from_table(table, id_prefix="t")
    assert [a.name for a in owner.lead] == ["市卫健委"]
    assert [a.name for a in owner.participating] == ["市市场监管局"]
