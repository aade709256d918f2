"""Indicator tables whose cells are merged over several rows (rowspan in HTML, vMerge in Word):
what a sub-row takes from the row it breaks down, and the rows that add the others up (合计).
Pages and tables are invented."""

from __future__ import annotations

import io

import docx
import pytest

from govdocparse.model import Indicator
from govdocparse.pipeline import parse_source
from govdocparse.readers import read_data

TITLE = "某县妇女发展规划（2021—2030年）"


def _page(table: str) -> bytes:
    return (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
        f"<title>{TITLE}</title>\n</head>\n<body>\n<h1>{TITLE}</h1>\n"
        "<p>一、主要目标</p>\n"
        "<p>到2025年，全县妇女健康水平持续提升，妇女就业更加充分。</p>\n"
        "<p>表1 某县妇女发展主要指标</p>\n"
        f"<table>\n{table}\n</table>\n"
        "<p>二、保障措施</p>\n<p>各乡镇要把妇女发展纳入经济社会发展总体规划。</p>\n"
        "</body>\n</html>\n"
    ).encode()


def _indicators(table: str) -> dict[str, Indicator]:
    [document] = parse_source(read_data(_page(table), "plan.html")).documents
    return {i.name: i for i in document.indicators if i.source == "table"}


# 孕产妇死亡率's unit and attribute cells run down over its 其中 rows; 城镇新增就业人数 counts in
# 人 and its 女性 row in 万人 (a unit cell of its own); 社区妇女之家数 counts in 个 and the row
# under it, its unit cell merged with the count's, is a share its values state in %.
SUB_ROWS = """<tr><td>序号</td><td>指标</td><td>单位</td><td>2020年</td><td>2025年</td>
<td>属性</td></tr>
<tr><td>1</td><td>孕产妇死亡率</td><td rowspan="3">1/10万</td><td>15.2</td><td>&lt;12</td>
<td rowspan="3">约束性</td></tr>
<tr><td></td><td>其中：城市</td><td>10.5</td><td>&lt;8</td></tr>
<tr><td></td><td>农村</td><td>18.1</td><td>&lt;14</td></tr>
<tr><td>2</td><td>城镇新增就业人数</td><td>人</td><td>5200</td><td>6000</td><td>预期性</td></tr>
<tr><td></td><td>其中：女性</td><td>万人</td><td>0.24</td><td>0.28</td><td>预期性</td></tr>
<tr><td>3</td><td>社区妇女之家数</td><td rowspan="2">个</td><td>120</td><td>150</td>
<td rowspan="2">预期性</td></tr>
<tr><td></td><td>所占社区比例</td><td>85%</td><td>≥95%</td></tr>"""


@pytest.mark.parametrize(
    ("name", "unit", "parent"),
    [
        ("孕产妇死亡率（城市）", "1/10万", "孕产妇死亡率"),
        ("孕产妇死亡率（农村）", "1/10万", "孕产妇死亡率"),
        ("城镇新增就业人数（女性）", "万人", "城镇新增就业人数"),
        ("社区妇女之家数（所占社区比例）", None, "社区妇女之家数"),
    ],
)
def test_a_sub_row_whose_unit_cell_is_merged_takes_its_parent_s_unit(name, unit, parent):
    found = _indicators(SUB_ROWS)
    sub = found[name]
    assert (sub.unit, sub.parent_id) == (unit, found[parent].id)


def test_the_values_of_a_sub_row_that_takes_the_merged_unit_are_in_it():
    rural = _indicators(SUB_ROWS)["孕产妇死亡率（农村）"]
    assert rural.attribute == "约束性"
    [atom] = rural.targets[0].atoms
    assert (atom.op, atom.value, atom.unit, atom.unit_from_row) == ("<", 14, "1/10万", True)


def test_a_word_table_s_vertically_merged_unit_reaches_the_sub_rows():
    # a 某市儿童发展规划's table in Word, no 序号 column: the unit cell of 5岁以下儿童死亡率 is
    # merged down over its 城市 / 农村 rows (vMerge)
    document = docx.Document()
    for text in ("某市儿童发展规划（2021—2030年）", "一、主要目标", "表1 儿童健康主要指标"):
        document.add_paragraph(text)
    rows = [
        ["指标", "单位", "2020年", "2030年"],
        ["5岁以下儿童死亡率", "‰", "6.1", "<5.5"],
        ["其中：城市", "", "4.2", "<4"],
        ["其中：农村", "", "7.3", "<6.5"],
    ]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(1, 1).merge(table.cell(3, 1))
    document.add_paragraph("二、主要任务")
    data = io.BytesIO()
    document.save(data)
    [parsed] = parse_source(read_data(data.getvalue(), "plan.docx")).documents
    assert [(i.name, i.unit) for i in parsed.indicators] == [
        ("5岁以下儿童死亡率", "‰"),
        ("5岁以下儿童死亡率（城市）", "‰"),
        ("5岁以下儿童死亡率（农村）", "‰"),
    ]


# A 某县儿童发展规划's table of counts under merged 类别 cells, added up by category and in all.
COUNTS = """<tr><td>类别</td><td>指标</td><td>单位</td><td>2020年</td><td>2025年</td>
<td>属性</td></tr>
<tr><td rowspan="2">健康</td><td>儿童保健机构数</td><td>个</td><td>12</td><td>15</td>
<td>预期性</td></tr>
<tr><td>儿童医院床位数</td><td>张</td><td>300</td><td>420</td><td>预期性</td></tr>
<tr><td rowspan="{rows}">教育</td><td>普惠性幼儿园数</td><td>所</td><td>40</td><td>55</td>
<td>预期性</td></tr>
<tr><td>公办幼儿园数</td><td>所</td><td>20</td><td>30</td><td>预期性</td></tr>
{subtotal}{total}"""
SUBTOTAL = "<tr><td>小计</td><td></td><td>60</td><td>85</td><td></td></tr>\n"
TOTALS = {
    "in-the-category-cell": "<tr><td>合计</td><td></td><td></td><td>372</td><td>520</td>"
    "<td></td></tr>",
    "across-category-and-name": '<tr><td colspan="2">合计</td><td></td><td>372</td><td>520</td>'
    "<td></td></tr>",
    "in-the-name-cell-spaced": "<tr><td></td><td>合  计</td><td></td><td>372</td><td>520</td>"
    "<td></td></tr>",
}
COUNTED = ["儿童保健机构数", "儿童医院床位数", "普惠性幼儿园数", "公办幼儿园数"]


@pytest.mark.parametrize("subtotal", [False, True])
@pytest.mark.parametrize("total", sorted(TOTALS))
def test_a_total_row_is_no_indicator(total, subtotal):
    table = COUNTS.format(
        rows=3 if subtotal else 2, subtotal=SUBTOTAL if subtotal else "", total=TOTALS[total]
    )
    found = _indicators(table)
    assert list(found) == COUNTED
    assert [i.category for i in found.values()] == ["健康", "健康", "教育", "教育"]
    [document] = parse_source(read_data(_page(table), "plan.html")).documents
    # the table keeps the sums as rows, as printed
    assert [row.cells[3] for row in document.tables[0].rows][-1] == "372"


# A county's 任务分工表: one 牵头单位 cell over two numbered tasks, one 配合单位 cell over two more
TASKS: list[list[str | None]] = [
    ["序号", "重点任务", "牵头单位", "配合单位", "完成时限"],
    ["1", "新建儿童公园2个", "县住建局", "县自然资源局", "2025年底"],
    ["2", "改造母婴室10个", None, "县卫健局", "2024年底"],
    ["3", "开展儿童议事活动", "县妇联", "团县委、县教育局", "长期"],
    ["4", "建设儿童之家20个", "县民政局", None, "2025年底"],
]


def _tasks_html() -> bytes:
    rows = []
    for r, row in enumerate(TASKS):
        cells = []
        for c, text in enumerate(row):
            if text is None:
                continue
            below = r + 1 < len(TASKS) and TASKS[r + 1][c] is None
            span = ' rowspan="2"' if below else ""
            cells.append(f"<td{span}>{text}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return _page("\n".join(rows))


def _tasks_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph(TITLE)
    table = document.add_table(rows=len(TASKS), cols=len(TASKS[0]))
    for r, row in enumerate(TASKS):
        for c, text in enumerate(row):
            if text is not None:
                table.cell(r, c).text = text
            else:
                table.cell(r - 1, c).merge(table.cell(r, c))
                table.cell(r - 1, c).text = TASKS[r - 1][c] or ""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("make", "name"),
    [(_tasks_html, "tasks.html"), (_tasks_docx, "tasks.docx")],
    ids=["html", "docx"],
)
def test_a_merged_responsible_cell_serves_every_numbered_task_it_spans(make, name):
    [document] = parse_source(read_data(make(), name)).documents
    roles = [
        ([a.name for a in r.lead], [a.name for a in r.participating])
        for r in document.responsibilities
    ]
    assert roles == [
        (["县住建局"], ["县自然资源局"]),
        (["县住建局"], ["县卫健局"]),
        (["县妇联"], ["团县委", "县教育局"]),
        (["县民政局"], ["团县委", "县教育局"]),
    ]
