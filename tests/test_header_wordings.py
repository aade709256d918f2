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

SPEC = Path(__file__).parent / "spec" / "header_wordings.tsv"
TITLE = "某县“十四五”卫生健康事业发展规划"
HEADING = "一、主要目标"


@dataclass
class Case:
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    expect: dict[str, str] = field(default_factory=dict)


def _cases() -> list[Case]:
    cases: list[Case] = []
    for line in SPEC.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, *cells = line.split("\t")
        if kind == "header":
            cases.append(Case(cells))
        elif kind == "row":
            cases[-1].rows.append(cells)
        else:
            cases[-1].expect[cells[0]] = cells[1]
    return cases


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
    word = docx.Document()
    word.add_paragraph(TITLE)
    word.add_paragraph(HEADING)
    word.add_paragraph("专栏1 主要指标")
    rows = [case.header, *case.rows]
    table = word.add_table(rows=len(rows), cols=len(case.header))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    data = io.BytesIO()
    word.save(data)
    [document] = parse_source(read_data(data.getvalue(), "plan.docx")).documents
    return document


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
