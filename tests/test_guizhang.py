"""规章 structure: 章 / 节 / 条 levels, 项 items and 款 paragraphs of 管理办法 and 实施细则."""

import govdocparse

from .support import DOCS


def _parse(name):
    [document] = govdocparse.parse(DOCS / name).documents
    return document


def _tree(sections):
    out = []
    for s in sections:
        out.append((s.level, s.number, s.title))
        out.extend(_tree(s.children))
    return out


def _find(sections, number):
    for s in sections:
        if s.number == number:
            return s
        found = _find(s.children, number)
        if found:
            return found
    return None


def test_chapters_sections_and_articles_nest_by_rank():
    doc = _parse("measures-with-chapters.txt")
    assert doc.title == "临江市社区养老服务设施管理办法"
    assert _tree(doc.sections) == [
        (1, "第一章", "总则"),
        (2, "第一条", ""),
        (2, "第二条", ""),
        (2, "第三条", "职责分工"),
        (1, "第二章", "规划与建设"),
        (2, "第一节", "规划"),
        (3, "第四条", ""),
        (3, "第五条", ""),
        (4, "（一）", ""),
        (4, "（二）", ""),
        (4, "（三）", ""),
        (2, "第二节", "建设"),
        (3, "第六条", ""),
        (1, "第三章", "附则"),
        (2, "第七条", ""),
        (2, "第八条", ""),
    ]


def test_an_article_keeps_its_paragraphs_as_text_and_its_items_as_children():
    doc = _parse("measures-with-chapters.txt")
    second = _find(doc.sections, "第二条")
    assert second.text.split("\n") == [
        "本办法适用于本市行政区域内社区养老服务设施的规划、建设、运营及其监督管理。",
        "本办法所称社区养老服务设施，是指为老年人提供日间照料、助餐、助浴等服务的场所。",
    ]
    third = _find(doc.sections, "第三条")
    assert third.text.startswith("市民政局负责全市")
    fifth = _find(doc.sections, "第五条")
    assert fifth.text == "有下列情形之一的，由民政部门责令限期改正："
    assert [(c.ordinal, c.text) for c in fifth.children] == [
        (1, "未按规定配建设施的；"),
        (2, "擅自改变设施用途的；"),
        (3, "其他违反本办法规定的行为。"),
    ]


def test_rules_without_chapters_have_articles_at_the_top_and_a_supplementary_part():
    doc = _parse("rules-without-chapters.txt")
    assert _tree(doc.sections) == [
        (1, "第一条", ""),
        (1, "第二条", "补贴对象"),
        (1, "第三条", ""),
        (2, "（一）", ""),
        (2, "（二）", ""),
        (1, "第四条", ""),
        (2, "（一）", ""),
        (2, "（二）", ""),
        (1, "", "附则"),
        (2, "第五条", ""),
    ]
    third = _find(doc.sections, "第三条")
    # the paragraph after the items is a second 款 of the article, not part of item （二）
    assert third.children[1].text == "站点建设补贴，按建成站点数量核定。"
    assert "补贴标准由县交通运输局会同县财政局另行制定。" in third.text
