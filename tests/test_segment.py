"""Splitting a file into documents, and title recognition, on invented files."""

from govdocparse import parse_text
from govdocparse.normalize import normalize
from govdocparse.readers.text import blocks_from_text
from govdocparse.segment import segment

NOTICE = """某某府办发〔2022〕12号

某某市某某区人民政府办公室
关于印发某某区儿童友好城市建设
实施方案的通知

各街道办事处，区政府各部门：

现将《某某区儿童友好城市建设实施方案》印发给你们，请认真贯彻执行。

某某市某某区人民政府办公室
2022年5月6日
（此件公开发布）

某某区儿童友好城市建设实施方案
一、总体要求
（一）指导思想。坚持儿童优先。
二、重点任务
1.学前三年毛入园率达到92%以上。
"""


def _segments(text):
    return segment(normalize(blocks_from_text(text, "x.txt")[0]))


def test_notice_and_the_plan_it_carries_are_two_documents_with_wrapped_title_joined():
    segs = _segments(NOTICE)
    assert [(s.kind, s.title) for s in segs] == [
        ("notice", "关于印发某某区儿童友好城市建设实施方案的通知"),
        ("plan", "某某区儿童友好城市建设实施方案"),
    ]


def test_plan_announced_by_the_notice_is_found_even_without_a_closing_mark():
    text = "关于印发甲县妇女发展规划和甲县儿童发展规划的通知\n各乡镇：\n现将《甲县妇女发展规划》和《甲县儿童发展规划》印发给你们。\n甲县妇女发展规划\n一、目标\n正文。\n甲县儿童发展规划\n一、目标\n正文。"
    assert [s.title for s in _segments(text)] == [
        "关于印发甲县妇女发展规划和甲县儿童发展规划的通知",
        "甲县妇女发展规划",
        "甲县儿童发展规划",
    ]


def test_page_title_echo_above_the_article_counts_once_and_period_line_attaches():
    text = "您当前所在的位置: 首页 > 政策\n乙市儿童发展规划\n字号:[ ] [关闭]\n乙市儿童发展规划\n(2021—2025年)\n前 言\n正文。"
    segs = _segments(text)
    assert [(s.title, s.period_text) for s in segs] == [("乙市儿童发展规划", "(2021—2025年)")]


def test_a_title_inside_the_body_that_nobody_announced_is_not_a_new_document():
    text = "丙市儿童发展规划\n一、目标\n丙市教育发展规划\n正文。"
    assert len(_segments(text)) == 1


def test_file_with_no_title_is_one_document_and_empty_text_none():
    assert len(parse_text("一、总体要求\n正文。").documents) == 1
    assert parse_text("").documents == []


def test_metadata_of_an_invented_notice_with_inheritance():
    result = parse_text(NOTICE + "\n抄送：区委办公室，区人大常委会办公室。\n")
    notice, plan = result.documents
    meta = notice.metadata
    assert meta.doc_number == "某某府办发〔2022〕12号"
    assert meta.issuer == "某某市某某区人民政府办公室"
    assert meta.place == "某某区"
    assert meta.date_written == "2022-05-06"
    assert meta.recipients == ["各街道办事处", "区政府各部门"]
    assert meta.cc == ["区委办公室", "区人大常委会办公室"]
    assert meta.provenance["doc_number"].lines == (1, 1)
    assert plan.part_of == notice.id
    assert plan.metadata.place == "某某区" and "doc_number" in plan.metadata.inherited
    assert plan.metadata.cc == []
