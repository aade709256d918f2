"""An invented plan from a city outside the corpus, end to end: GBK bytes, half-width
punctuation, a wrapped title, its own numbering habits, a table dump with merged cells."""

import pytest

from govdocparse.pipeline import parse_source
from govdocparse.readers import read_data

PLAN = """\
青山府办发[2022]15号
湖北省青山市人民政府办公室
关于印发青山市儿童发展规划
(2022-2026年)的通知
各县(市、区)人民政府,市政府各部门:
现将《青山市儿童发展规划(2022-2026年)》印发给你们,请认真组织实施。
湖北省青山市人民政府办公室
2022年6月30日
(此件公开发布)
青山市儿童发展规划
(2022-2026年)
一、总体目标
(一)主要目标。到2026年,全市婴儿死亡率和5岁以下儿童死亡率分别控制在4‰和6‰以下,学前三年毛入园率达到92%以上。
(二)重点指标
专栏1 青山市儿童发展主要指标
\t领域
\t序号
\t指标名称
\t单位
\t2026年目标
\t责任单位

\t儿童与健康
\t1
\t新生儿死亡率
\t‰
\t<2.5
\t市卫生健康局

\t
\t2
\t0-6岁儿童眼保健和视力检查覆盖率
\t%
\t≥90
\t市卫生健康局、
市教育局

\t儿童与教育
\t3
\t九年义务教育巩固率
\t%
\t逐年提高
\t市教育局

二、主要任务
1、加强儿童医疗保健。完善儿童医疗服务体系。(责任单位:市卫生健康局,配合单位:市医保局、各县(市、区)人民政府)
2、推进学前教育普及。新建公办幼儿园20所。(牵头单位:市教育局)
"""


@pytest.fixture(scope="module")
def record():
    return parse_source(read_data(PLAN.encode("gbk"), "qingshan.txt"))


def test_notice_and_plan_with_wrapped_title_and_half_width_metadata(record):
    notice, plan = record.documents
    assert record.source.encoding == "gb18030"
    assert (notice.kind, notice.title) == (
        "notice",
        "关于印发青山市儿童发展规划(2022-2026年)的通知",
    )
    meta = notice.metadata
    assert (meta.doc_number, meta.issuer, meta.place, meta.date_written) == (
        "青山府办发[2022]15号",
        "湖北省青山市人民政府办公室",
        "青山市",
        "2022-06-30",
    )
    assert meta.recipients == ["各县(市、区)人民政府", "市政府各部门"]
    assert (plan.title, plan.part_of, plan.metadata.place) == (
        "青山市儿童发展规划",
        notice.id,
        "青山市",
    )
    assert (plan.metadata.period.start, plan.metadata.period.end) == (2022, 2026)


def test_sections_with_dun_numbered_items(record):
    plan = record.documents[1]
    tree = [(s.level, s.number, s.title) for top in plan.sections for s in [top, *top.children]]
    assert tree == [
        (1, "一、", "总体目标"),
        (2, "(一)", "主要目标"),
        (2, "(二)", "重点指标"),
        (1, "二、", "主要任务"),
        (2, "1、", "加强儿童医疗保健"),
        (2, "2、", "推进学前教育普及"),
    ]


def test_table_with_merged_category_and_multi_line_responsible_cell(record):
    plan = record.documents[1]
    (table,) = plan.tables
    assert (table.label, table.title, table.section_id) == (
        "专栏1",
        "青山市儿童发展主要指标",
        "d2-s1.2",
    )
    assert [r.cells[0] for r in table.rows] == ["儿童与健康", "儿童与健康", "儿童与教育"]
    by_name = {i.name: i for i in plan.indicators if i.source == "table"}
    eye = by_name["0-6岁儿童眼保健和视力检查覆盖率"]
    # A Hubei city's names stay its own: no Chongqing form (市卫生健康委, 市教委) is imposed.
    assert [a.canonical for a in plan.responsibility(eye.responsible_id).lead] == [
        "市卫生健康局",
        "市教育局",
    ]
    assert [(a.op, a.value, a.unit) for a in eye.targets[0].atoms] == [(">=", 90.0, "%")]
    assert by_name["九年义务教育巩固率"].targets[0].atoms[0].direction == "increase"


def test_prose_goals_including_a_distributive_list(record):
    plan = record.documents[1]
    prose = {i.name: i for i in plan.indicators if i.source == "prose"}
    assert {"婴儿死亡率", "5岁以下儿童死亡率", "学前三年毛入园率"} <= set(prose)
    assert [(a.op, a.value, a.unit) for a in prose["5岁以下儿童死亡率"].targets[0].atoms] == [
        ("<=", 6.0, "‰")
    ]
    assert prose["学前三年毛入园率"].targets[0].year == 2026


def test_half_width_responsibility_clauses_with_participants(record):
    plan = record.documents[1]
    first, second = plan.responsibilities[-2:]
    assert [a.name for a in first.lead] == ["市卫生健康局"]
    assert [a.name for a in first.participating] == ["市医保局", "各县(市、区)人民政府"]
    assert (second.kind, [a.name for a in second.lead]) == ("牵头单位", ["市教育局"])
    assert first.attached_to == "d2-s2.1"
