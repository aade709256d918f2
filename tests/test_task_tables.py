"""Goals set in the text cells of a task table (任务清单, 任务分解表: 序号 | 重点任务 | 具体内容 or
工作目标 | 责任单位 | 完成时限; tests/spec/task_table_goals.tsv): each read as a sentence of
prose is, owned by its row's units and dated by its row's 完成时限 when it names no year, whether
the table is an HTML grid, a Word table or flattened one cell a line by a crawl; and a goal the
table restates from the plan's text counted once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

import govdocparse
from govdocparse.model import Document, Indicator
from govdocparse.pipeline import parse_source
from govdocparse.readers import read_data

from .support import table_spec, word_table_document

SPEC = Path(__file__).parent / "spec" / "task_table_goals.tsv"
TITLE = "青山区建设儿童友好城市实施方案（2023—2025年）"
TASKS = ["二、重点任务", "附件：重点任务清单"]


@dataclass
class Case:
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    goals: list[list[str]] = field(default_factory=list)


def _cases() -> list[Case]:
    return [Case(header, rows, goals) for header, rows, goals in table_spec(SPEC)]


CASES = _cases()


def _html(paragraphs: list[str], table: list[list[str]]) -> Document:
    trs = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in table)
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    page = (
        f"<html><head><meta charset='utf-8'><title>{TITLE}</title></head><body>"
        f"<p>{TITLE}</p>{body}<table border=1>{trs}</table></body></html>"
    )
    [document] = parse_source(read_data(page.encode(), "plan.html")).documents
    return document


def _docx(paragraphs: list[str], table: list[list[str]]) -> Document:
    return word_table_document([TITLE, *paragraphs], table)


def _flattened(paragraphs: list[str], table: list[list[str]]) -> Document:
    lines = [TITLE, *paragraphs, *(cell for row in table for cell in row)]
    [document] = govdocparse.parse_text("\n".join(lines)).documents
    return document


LAYOUTS = {"html": _html, "docx": _docx, "flattened": _flattened}


def _found(indicator: Indicator, document: Document) -> list[str]:
    targets = ";".join(f"{t.year or ''}:{t.raw}" for t in indicator.targets)
    duty = document.responsibility(indicator.responsible_id) if indicator.responsible_id else None
    lead = "、".join(a.name for a in duty.lead) if duty else ""
    partners = "、".join(a.name for a in duty.participating) if duty else ""
    return [indicator.name, targets, lead, partners]


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("index", range(len(CASES)), ids=lambda k: "|".join(CASES[k].header))
def test_a_task_cell_sets_goals_owned_and_dated_by_its_row(index, layout):
    case = CASES[index]
    document = LAYOUTS[layout](TASKS, [case.header, *case.rows])
    [table] = document.tables
    assert all(goal.table_id == table.id for goal in document.indicators)
    assert [_found(goal, document) for goal in document.indicators] == case.goals
    assert [goal.provenance.table_row for goal in document.indicators] == list(
        range(len(case.rows))
    )


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_goal_the_task_table_restates_from_the_text_is_counted_once(layout):
    case = CASES[0]
    aims = ["一、主要目标", "到2025年，全区儿童之家覆盖率达到95%。"]
    document = LAYOUTS[layout]([*aims, *TASKS], [case.header, *case.rows])
    homes = [goal for goal in document.indicators if goal.name == "儿童之家覆盖率"]
    assert len(homes) == 1
    [home] = homes
    # where the text states it, owned by the units the table's row names
    assert home.table_id is None and home.provenance.table_row is None
    assert _found(home, document) == case.goals[0]
    rooms = [goal for goal in document.indicators if goal.name == "公共场所母婴室配置率"]
    assert [_found(goal, document) for goal in rooms] == [case.goals[1]]


def test_a_deadline_dates_only_what_names_no_year_in_a_list_without_a_period():
    """A 任务清单 standing alone, with no plan period: a cell's step before its row's deadline
    (2024年…，2026年… by 2026年底) is a goal as much as the last."""
    title = "青山区儿童友好城市建设重点任务清单"
    header = ["序号", "重点任务", "具体内容", "责任单位", "完成时限"]
    row = [
        "1",
        "完善儿童之家",
        "全区儿童之家覆盖率2024年达到80%，2026年达到95%。",
        "区民政局",
        "2026年底",
    ]
    trs = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in (header, row))
    page = f"<html><body><p>{title}</p><table>{trs}</table></body></html>"
    [document] = parse_source(read_data(page.encode(), "list.html")).documents
    [home] = document.indicators
    assert [(t.year, t.raw) for t in home.targets] == [
        (2024, "2024年达到80%"),
        (2026, "2026年达到95%"),
    ]
