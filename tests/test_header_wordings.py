"""Indicator tables headed as other places head them (tests/spec/header_wordings.tsv): 现状值
and targets by year, 标准值, 指标性质 / 性质, 一级指标 over 二级指标, 牵头单位 / 责任单位 /
牵头部门 columns. Every column must land in the indicator, whether the table is an HTML grid, a
Word table or flattened one cell a line by a crawl."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import docx
import pytest

import govdocparse
from govdocparse.model import Document, Indicator
from govdocparse.pipeline import parse_source
from govdocparse.readers import read_data

from .support import table_spec, word_table_document

SPEC = Path(__file__).parent / "spec" / "header_wordings.tsv"
TITLE = "某县“十四五”卫生健康事业发展规划"
HEADING = "一、主要目标"


@dataclass
class Case:
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    expect: dict[str, str] = field(default_factory=dict)


def _cases() -> list[Case]:
    return [
        Case(header, rows, {cells[0]: cells[1] for cells in expected})
        for header, rows, expected in table_spec(SPEC)
    ]


CASES = _cases()


def _html(case: Case) -> Document:
    rows = [case.header, *case.rows]
    trs = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    page = (
        f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body>"
        f"<p>{TITLE}</p><p>{HEADING}</p><p>专栏1 主要指标</p><table>{trs}</table>"
        "</body></html>"
    )
    [document] = parse_source(read_data(page.encode(), "plan.html")).documents
    return document


def _docx(case: Case) -> Document:
    paragraphs = [TITLE, HEADING, "专栏1 主要指标"]
    return word_table_document(paragraphs, [case.header, *case.rows])


def _flattened(case: Case) -> Document:
    lines = [TITLE, HEADING, "专栏1 主要指标", *case.header]
    lines += [cell for row in case.rows for cell in row]
    [document] = govdocparse.parse_text("\n".join(lines)).documents
    return document


LAYOUTS = {"html": _html, "docx": _docx, "flattened": _flattened}


def _found(indicator: Indicator, document: Document) -> dict[str, str]:
    baseline = indicator.baseline
    found = {
        "name": indicator.name,
        "unit": indicator.unit or "",
        "baseline": f"{baseline.year or ''}:{baseline.raw}" if baseline else "",
        "targets": ";".join(f"{t.year or ''}:{t.raw}" for t in indicator.targets),
        "attribute": indicator.attribute or "",
        "category": indicator.category or "",
        "actual": indicator.actual.raw if indicator.actual else "",
    }
    if indicator.responsible_id:
        duty = document.responsibility(indicator.responsible_id)
        assert duty is not None
        found["lead"] = "、".join(agency.name for agency in duty.lead)
        found["partners"] = "、".join(agency.name for agency in duty.participating)
    return found


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("index", range(len(CASES)), ids=lambda k: "|".join(CASES[k].header))
def test_every_column_of_a_header_worded_elsewhere_lands_in_the_indicator(index, layout):
    case = CASES[index]
    document = LAYOUTS[layout](case)
    [indicator] = document.indicators
    found = _found(indicator, document)
    assert {key: found.get(key, "") for key in case.expect} == case.expect


def test_yearly_steps_under_a_two_row_header_are_targets_after_the_level_now():
    """目前水平（截至2023年底） | 工作进度 over 2024年 … 2026年 | 牵头部门 | 协作部门, as a city's
    健康城市 行动计划 lists its 工作指标."""
    title = "某市健康城市建设行动计划（2024—2026年）"
    rows = (
        "<tr><td rowspan=2>序号</td><td rowspan=2>指标名称</td>"
        "<td rowspan=2>目前水平（截至2023年底）</td><td colspan=3>工作进度</td>"
        "<td rowspan=2>牵头部门</td><td rowspan=2>协作部门</td></tr>"
        "<tr><td>2024年</td><td>2025年</td><td>2026年</td></tr>"
        "<tr><td>1</td><td>居民健康素养水平（%）</td><td>30</td><td>32</td><td>34</td>"
        "<td>36</td><td>市卫生健康委</td><td>市教育局、市文化旅游局</td></tr>"
    )
    page = (
        f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<p>{title}</p><p>一、工作指标</p><table>{rows}</table></body></html>"
    )
    [document] = parse_source(read_data(page.encode(), "plan.html")).documents
    [indicator] = document.indicators
    assert _found(indicator, document) == {
        "name": "居民健康素养水平",
        "unit": "%",
        "baseline": "2023:30",
        "targets": "2024:32;2025:34;2026:36",
        "attribute": "",
        "category": "",
        "actual": "",
        "lead": "市卫生健康委",
        "partners": "市教育局、市文化旅游局",
    }


def _two_row_html(title: str, top: list[tuple[str, int]], under: list[str], row: list[str]) -> str:
    """A page with a table of two header rows: a name of the first row heads the `span` names of
    the second under it, or spans both rows when `span` is 0."""
    first = "".join(
        f"<td colspan={span}>{text}</td>" if span else f"<td rowspan=2>{text}</td>"
        for text, span in top
    )
    second = "".join(f"<td>{text}</td>" for text in under)
    cells = "".join(f"<td>{text}</td>" for text in row)
    return (
        f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<p>{title}</p><p>一、主要目标</p><table><tr>{first}</tr><tr>{second}</tr>"
        f"<tr>{cells}</tr></table></body></html>"
    )


def _two_row_docx(
    title: str, top: list[tuple[str, int]], under: list[str], row: list[str]
) -> bytes:
    """The same table in Word, its header cells merged as the page spans them."""
    word = docx.Document()
    word.add_paragraph(title)
    word.add_paragraph("一、主要目标")
    width = sum(max(span, 1) for _, span in top)
    table = word.add_table(rows=3, cols=width)
    col, sub = 0, iter(under)
    for text, span in top:
        if span:
            table.cell(0, col).merge(table.cell(0, col + span - 1)).text = text
            for k in range(span):
                table.cell(1, col + k).text = next(sub)
        else:
            table.cell(0, col).merge(table.cell(1, col)).text = text
        col += max(span, 1)
    for c, text in enumerate(row):
        table.cell(2, c).text = text
    data = io.BytesIO()
    word.save(data)
    return data.getvalue()


def _two_row_flattened(
    title: str, top: list[tuple[str, int]], under: list[str], row: list[str]
) -> str:
    """The same table as a crawl flattens it: each header name on a line, a spanning name
    followed by the names under it, then the row's cells."""
    lines, sub = [title, "一、主要目标", "专栏1 主要指标"], iter(under)
    for text, span in top:
        lines += [text, *(next(sub) for _ in range(span))]
    return "\n".join([*lines, *row])


def _two_row_document(
    layout: str, title: str, top: list[tuple[str, int]], under: list[str], row: list[str]
) -> Document:
    if layout == "html":
        data, name = _two_row_html(title, top, under, row).encode(), "plan.html"
    elif layout == "docx":
        data, name = _two_row_docx(title, top, under, row), "plan.docx"
    else:
        [document] = govdocparse.parse_text(_two_row_flattened(title, top, under, row)).documents
        return document
    [document] = parse_source(read_data(data, name)).documents
    return document


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_one_value_column_over_two_kinds_of_place_gives_a_target_for_each(layout):
    """指标值 over 乡镇 | 县城, as a county plan sets one level for its townships and one for its
    county town: two targets, each labelled with its column."""
    document = _two_row_document(
        layout,
        "某县“十四五”教育事业发展规划",
        [("序号", 0), ("指标名称", 0), ("单位", 0), ("指标值", 2), ("属性", 0)],
        ["乡镇", "县城"],
        ["1", "公办幼儿园在园幼儿占比", "%", "≥50", "≥60", "约束性"],
    )
    [indicator] = document.indicators
    assert [(t.label, t.raw) for t in indicator.targets] == [
        ("指标值/乡镇", "≥50"),
        ("指标值/县城", "≥60"),
    ]
    assert indicator.attribute == "约束性"


def test_a_value_name_written_out_over_its_places_in_a_pipe_table_heads_both():
    """The same header as a converter writes a pipe table: the spanning 指标值 once a column, over
    乡镇 | 县城 in the second row."""
    lines = [
        "某县“十四五”教育事业发展规划",
        "一、主要目标",
        "| 序号 | 指标名称 | 单位 | 指标值 | 指标值 | 属性 |",
        "| 序号 | 指标名称 | 单位 | 乡镇 | 县城 | 属性 |",
        "| 1 | 义务教育巩固率 | % | ≥96 | ≥98 | 约束性 |",
    ]
    [document] = govdocparse.parse_text("\n".join(lines)).documents
    [indicator] = document.indicators
    assert [(t.label, t.raw) for t in indicator.targets] == [
        ("指标值/乡镇", "≥96"),
        ("指标值/县城", "≥98"),
    ]


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_year_headed_as_the_base_is_the_baseline_before_yearly_targets(layout):
    """基期 over 2022年, 目标 over 2023年 | 2024年 | 2025年 (a 十四五 plan written in its second
    year, its header naming the base year): the first year is the baseline."""
    document = _two_row_document(
        layout,
        "某县“十四五”卫生健康事业发展规划",
        [("序号", 0), ("指标名称", 0), ("单位", 0), ("基期", 1), ("目标", 3)],
        ["2022年", "2023年", "2024年", "2025年"],
        ["1", "每千人口注册护士数", "人", "3.1", "3.3", "3.5", "3.8"],
    )
    [indicator] = document.indicators
    assert indicator.baseline is not None
    assert (indicator.baseline.year, indicator.baseline.raw) == (2022, "3.1")
    assert [(t.year, t.raw) for t in indicator.targets] == [
        (2023, "3.3"),
        (2024, "3.5"),
        (2025, "3.8"),
    ]


def test_a_place_merged_over_two_categories_is_the_cell_a_flattened_row_lost():
    """区域 | 类别 | 序号 | …, 城区 merged over the rows of two categories: a crawl flattening the
    table one cell a line drops it on the second row, which keeps its own 类别 (健康环境)."""
    head = ["区域", "类别", "序号", "指标名称", "单位", "现状值", "2025年"]
    rows = [
        ["城区", "健康服务", "1", "社区卫生服务中心标准化建设率", "%", "80", "100"],
        ["健康环境", "2", "生活垃圾无害化处理率", "%", "95", "100"],
        ["乡镇", "健康服务", "3", "村卫生室标准化建设率", "%", "70", "100"],
    ]
    lines = [TITLE, HEADING, "专栏1 主要指标", *head, *(cell for row in rows for cell in row)]
    [document] = govdocparse.parse_text("\n".join(lines)).documents
    assert [(i.name, i.category, i.baseline and i.baseline.raw) for i in document.indicators] == [
        ("社区卫生服务中心标准化建设率（城区）", "健康服务", "80"),
        ("生活垃圾无害化处理率（城区）", "健康环境", "95"),
        ("村卫生室标准化建设率（乡镇）", "健康服务", "70"),
    ]


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_year_over_two_kinds_of_place_gives_a_target_for_each(layout):
    """2025年 over 城区 | 农村 (a county plan setting one level for its town and one for its
    countryside): two targets for 2025, each labelled with its place; the year before them is
    the baseline."""
    document = _two_row_document(
        layout,
        "某县“十四五”学前教育发展规划",
        [("序号", 0), ("指标名称", 0), ("单位", 0), ("2020年", 0), ("2025年", 2), ("属性", 0)],
        ["城区", "农村"],
        ["1", "普惠性幼儿园覆盖率", "%", "78", "≥90", "≥85", "约束性"],
    )
    [indicator] = document.indicators
    assert [(t.label, t.year, t.raw) for t in indicator.targets] == [
        ("2025年/城区", 2025, "≥90"),
        ("2025年/农村", 2025, "≥85"),
    ]
    assert indicator.baseline is not None
    assert (indicator.baseline.year, indicator.baseline.raw) == (2020, "78")


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_years_over_places_give_targets_and_no_baseline_for_one_place(layout):
    """2020年 and 2025年 each over 城镇 | 乡村: the targets are the places' 2025 levels; the 2020
    levels are two, and an indicator has one baseline, so it takes neither."""
    document = _two_row_document(
        layout,
        "某市“十四五”教育事业发展规划",
        [("序号", 0), ("指标名称", 0), ("2020年", 2), ("2025年", 2), ("属性", 0)],
        ["城镇", "乡村", "城镇", "乡村"],
        ["1", "义务教育巩固率（%）", "97", "94", "≥98", "≥96", "约束性"],
    )
    [indicator] = document.indicators
    assert [(t.label, t.year, t.raw) for t in indicator.targets] == [
        ("2025年/城镇", 2025, "≥98"),
        ("2025年/乡村", 2025, "≥96"),
    ]
    assert indicator.baseline is None


def _one_row_document(layout: str, title: str, header: list[str], row: list[str]) -> Document:
    """A document titled `title` holding one table of `header` over `row`."""
    return _two_row_document(layout, title, [(name, 0) for name in header], [], row)


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_target_column_without_a_year_takes_the_plan_period_s_end(layout):
    """现状值 | 目标值 under a caption that names no period, in a 2021—2025 plan: the target is
    2025's, and the record says the period gave the year."""
    header = ["序号", "指标名称", "单位", "现状值", "目标值", "属性"]
    row = ["1", "普惠性幼儿园覆盖率", "%", "82", "≥88", "约束性"]
    title = "某县学前教育发展提升行动计划（2021—2025年）"
    [indicator] = _one_row_document(layout, title, header, row).indicators
    assert [(t.year, t.year_from, t.raw) for t in indicator.targets] == [(2025, "period", "≥88")]
    # without a plan period the target keeps no year
    untimed = "某县学前教育发展提升行动计划"
    [indicator] = _one_row_document(layout, untimed, header, row).indicators
    assert [(t.year, t.year_from) for t in indicator.targets] == [(None, None)]


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_yearless_target_before_a_dated_one_takes_no_year_from_the_period(layout):
    """目标值 | 2030年 in a 2021—2030 plan: the yearless column may be a step before 2030, so
    the period's end does not date it."""
    header = ["序号", "指标名称", "单位", "目标值", "2030年", "属性"]
    row = ["1", "儿童之家覆盖率", "%", "95", "100", "约束性"]
    title = "某县儿童发展规划（2021—2030年）"
    [indicator] = _one_row_document(layout, title, header, row).indicators
    assert [(t.year, t.year_from) for t in indicator.targets] == [(None, None), (2030, None)]
