"""The real PDF in ../shared/realfiles/ (never copied into the project; skipped without it).

hainan-2024-farm-machinery-subsidy.pdf is LibreOffice 7.3's export of a WPS document: a joint
notice of 海南省农业农村厅 and 海南省财政厅 carrying the 2024—2026 农机购置与应用补贴实施方案,
every paragraph painted on a white box (which a table finder took for a grid of 31 identical
cells holding the whole document). Expectations are what a reader sees on the pages.
"""

from __future__ import annotations

import re

import pytest

from govdocparse import parse
from govdocparse.readers import read
from govdocparse.source import TableBlock

from .support import REALFILES, as_paragraph

HAINAN = REALFILES / "hainan-2024-farm-machinery-subsidy.pdf"

pytestmark = pytest.mark.skipif(not HAINAN.exists(), reason=f"{REALFILES} is not here")

PLAN_HEADINGS = [
    "总体要求",
    "实施重点",
    "补贴范围和补贴机具",
    "补贴对象和补贴标准",
    "资金分配和使用",
    "操作实施流程",
    "实施要求",
]


@pytest.fixture(scope="module")
def hainan():
    return parse(HAINAN)


def test_white_paragraph_boxes_are_not_a_table():
    source = read(HAINAN)
    assert not any(isinstance(block, TableBlock) for block in source.blocks)
    assert source.warnings == []


def test_joint_issuers_on_the_first_line_stay_apart():
    first = as_paragraph(read(HAINAN).blocks[0])
    assert (first.text, first.prov.page) == ("海南省农业农村厅 海南省财政厅", 1)


def test_notice_title_issuer_and_date(hainan):
    notice = hainan.documents[0]
    assert notice.kind == "notice"
    assert notice.title == "关于印发2024-2026年海南省农机购置与应用补贴实施方案的通知"
    assert "海南省农业农村厅" in notice.metadata.issuer
    assert "海南省财政厅" in notice.metadata.issuer
    assert notice.metadata.date_written == "2024-07-01"


def test_joint_issuers_are_two_names(hainan):
    issuer = hainan.documents[0].metadata.issuer
    assert re.fullmatch(r"海南省农业农村厅[\s、，,]+海南省财政厅", issuer or "")


def test_plan_title_and_first_level_headings(hainan):
    plan = next(d for d in hainan.documents if d.kind == "plan")
    assert plan.title == "2024—2026年海南省农机购置与应用补贴实施方案"
    assert [s.title for s in plan.sections] == PLAN_HEADINGS
    assert [s.number for s in plan.sections] == [f"{n}、" for n in "一二三四五六七"]
