"""Ids that survive edits: a record's id says what it is (table label and row, section and
measure name), is unique in its document, and does not change when text is added elsewhere.

The plan below is invented (another city, 1、 numbering inside 一、 parts) and edited the ways
a plan is revised: a goal sentence put in front of others in a paragraph, a paragraph (with
its own responsibility clause) put in front of others in a section, a measure repeated.
"""

from __future__ import annotations

import pytest

from govdocparse import parse_text
from govdocparse.model import Document

from .support import CORPUS_FILES

PLAN = """青松县儿童发展规划（2021—2025年）
一、主要目标
1、健康
到2025年，婴儿死亡率降至5‰以下，5岁以下儿童死亡率降至7‰以下。儿童健康管理率达到90%以上。（责任单位：县卫生健康局）
学前三年毛入园率达到92%以上。（责任单位：县教育局）
2、安全
儿童溺水死亡率持续下降。（责任单位：县公安局）
二、主要指标
专栏1 儿童发展主要指标
\t序号
\t指标名称
\t单位
\t2025年目标
\t责任单位

\t1
\t孕产妇死亡率
\t1/10万
\t＜10
\t县卫生健康局

\t
\t其中：农村
\t1/10万
\t＜12
\t

\t2
\t儿童青少年总体近视率
\t%
\t下降
\t县教育局
"""

SENTENCE = "适龄儿童免疫规划疫苗接种率保持在95%以上。"
PARAGRAPH = "普惠性幼儿园覆盖率达到85%。（责任单位：县发展改革局）\n"


def _plan(text: str) -> Document:
    [document] = [d for d in parse_text(text, name="qingsong.txt").documents if d.indicators]
    return document


def _ids(document: Document) -> dict[str, set[str]]:
    return {
        "indicators": {i.id for i in document.indicators},
        "responsibilities": {r.id for r in document.responsibilities},
    }


def _references_resolve(document: Document) -> None:
    indicators = {i.id for i in document.indicators}
    responsibilities = {r.id for r in document.responsibilities}
    sections: set[str] = set()
    stack = list(document.sections)
    while stack:
        section = stack.pop()
        sections.add(section.id)
        stack += section.children
    assert len(indicators) == len(document.indicators)
    assert len(responsibilities) == len(document.responsibilities)
    for indicator in document.indicators:
        assert indicator.parent_id is None or indicator.parent_id in indicators
        assert indicator.responsible_id is None or indicator.responsible_id in responsibilities
    # a clause of a table without indicators (重点工程) is attached to its row
    tables = tuple(
        f"{document.id}-{t.label}-r" if t.label else f"{t.id}-r" for t in document.tables
    )
    for responsibility in document.responsibilities:
        attached = responsibility.attached_to
        assert (
            attached is None or attached in indicators | sections or attached.startswith(tables)
        ), attached


def test_ids_say_what_the_record_is():
    document = _plan(PLAN)
    by_name = {i.name: i for i in document.indicators}
    section = by_name["婴儿死亡率"].section_id
    assert by_name["婴儿死亡率"].id == f"{section}-婴儿死亡率"
    assert by_name["学前三年毛入园率"].id == f"{section}-学前三年毛入园率"
    row = by_name["孕产妇死亡率"]
    assert row.id.startswith(f"{document.id}-专栏1-r")
    [rural] = [i for i in document.indicators if i.parent_id is not None]  # the 其中：农村 sub-row
    assert rural.parent_id == row.id and rural.id.startswith(f"{document.id}-专栏1-r")
    owner = document.responsibility(by_name["学前三年毛入园率"].responsible_id)
    assert owner and [a.name for a in owner.lead] == ["县教育局"]
    assert owner.id == f"{section}-resp-{owner.lead[0].canonical}" and owner.attached_to == section
    assert document.responsibility(rural.responsible_id) is document.responsibility(
        row.responsible_id
    )
    row_owner = document.responsibility(row.responsible_id)
    assert row_owner and row_owner.attached_to == row.id
    _references_resolve(document)


EDITS: dict[str, tuple[str, str]] = {
    "a goal sentence in front of a paragraph's first": (
        "到2025年，婴儿死亡率",
        f"{SENTENCE}到2025年，婴儿死亡率",
    ),
    "a goal sentence in the middle of a paragraph": (
        "儿童健康管理率达到",
        f"{SENTENCE}儿童健康管理率达到",
    ),
    "a paragraph with its own clause in front of a section's others": (
        "学前三年毛入园率达到92%",
        f"{PARAGRAPH}学前三年毛入园率达到92%",
    ),
    "a paragraph in front of a section's first": (
        "到2025年，婴儿死亡率",
        f"{PARAGRAPH}到2025年，婴儿死亡率",
    ),
}


@pytest.mark.parametrize("edit", EDITS.values(), ids=EDITS.keys())
def test_inserting_text_changes_no_other_id(edit):
    before = _plan(PLAN)
    written, edited = edit
    after = _plan(PLAN.replace(written, edited, 1))
    old, new = _ids(before), _ids(after)
    for kind in old:
        assert old[kind] <= new[kind], f"{kind} renamed: {sorted(old[kind] - new[kind])}"
        assert len(new[kind]) > len(old[kind]) or kind == "responsibilities"
    # and every record kept its references
    for indicator in before.indicators:
        [same] = [i for i in after.indicators if i.id == indicator.id]
        assert (same.name, same.parent_id, same.responsible_id) == (
            indicator.name,
            indicator.parent_id,
            indicator.responsible_id,
        )
    _references_resolve(after)


def test_a_measure_stated_twice_in_a_section_gets_a_numbered_id():
    text = PLAN.replace(
        "学前三年毛入园率达到92%以上。（责任单位：县教育局）",
        "学前三年毛入园率达到92%以上。（责任单位：县教育局）\n"
        "农村学前三年毛入园率达到90%以上。学前三年毛入园率达到93%。（责任单位：县教育局）",
    )
    document = _plan(text)
    section = next(i.section_id for i in document.indicators if i.name == "婴儿死亡率")
    ids = [i.id for i in document.indicators if i.name == "学前三年毛入园率"]
    assert ids == [f"{section}-学前三年毛入园率", f"{section}-学前三年毛入园率~2"]
    [agency] = {
        r.lead[0].canonical for r in document.responsibilities if r.lead[0].name == "县教育局"
    }
    clauses = [
        r.id for r in document.responsibilities if r.id.startswith(f"{section}-resp-{agency}")
    ]
    assert clauses == [f"{section}-resp-{agency}", f"{section}-resp-{agency}~2"]
    _references_resolve(document)


@pytest.mark.parametrize("source", CORPUS_FILES, ids=lambda p: p.stem)
def test_corpus_ids_are_unique_and_references_resolve(source):
    from govdocparse import parse

    for document in parse(source).documents:
        _references_resolve(document)
