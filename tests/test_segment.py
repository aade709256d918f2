"""Splitting a file into documents, and title recognition, on invented files."""

from govdocparse import parse_text
from govdocparse.model import Provenance
from govdocparse.normalize import normalize
from govdocparse.readers.text import blocks_from_text
from govdocparse.segment import segment
from govdocparse.source import Block, Paragraph

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
    text = (
        "关于印发甲县妇女发展规划和甲县儿童发展规划的通知\n各乡镇：\n"
        "现将《甲县妇女发展规划》和《甲县儿童发展规划》印发给你们。\n甲县妇女发展规划\n一、"
        "目标\n正文。\n甲县儿童发展规划\n一、目标\n正文。"
    )
    assert [s.title for s in _segments(text)] == [
        "关于印发甲县妇女发展规划和甲县儿童发展规划的通知",
        "甲县妇女发展规划",
        "甲县儿童发展规划",
    ]


def test_page_title_echo_above_the_article_counts_once_and_period_line_attaches():
    text = (
        "您当前所在的位置: 首页 > 政策\n乙市儿童发展规划\n字号:[ ] [关闭]\n乙市儿童发展规划\n"
        "(2021—2025年)\n前 言\n正文。"
    )
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


def test_plans_cited_under_other_titles_are_documents_of_their_own():
    text = (
        "某市人民政府办公室关于印发《某市困境儿童保障实施细则》等两个文件的通知\n各区人民政府：\n"
        "现将《某市困境儿童保障实施细则》《某市儿童福利机构管理实施细则》印发给你们。\n"
        "某市人民政府办公室\n2019年11月27日\n"
        "某市困境儿童分类保障工作实施细则\n第一章 总则\n第一条 为规范工作，制定本细则。\n"
        "某市儿童福利机构规范化管理实施细则(试行)\n第一章 总则\n第一条 为加强管理，制定本细则。\n"
    )
    assert [(s.kind, s.title) for s in _segments(text)] == [
        ("notice", "某市人民政府办公室关于印发《某市困境儿童保障实施细则》等两个文件的通知"),
        ("plan", "某市困境儿童分类保障工作实施细则"),
        ("plan", "某市儿童福利机构规范化管理实施细则(试行)"),
    ]


def test_an_unrelated_title_in_a_plan_body_is_still_body():
    text = (
        "关于印发某县儿童发展规划的通知\n各乡镇：\n现将《某县儿童发展规划》印发给你们。\n"
        "某县儿童发展规划\n一、目标\n某县妇女发展规划\n正文。\n"
    )
    assert len(_segments(text)) == 2


def test_policy_interpretation_page_is_a_document_of_kind_other():
    text = (
        "您当前的位置:首页 » 关于《某县儿童发展规划(2021-2... » 详情\n"
        "《某县儿童发展规划(2021-2030年)》政策解读\n索 引 号 0086/2023-0142 关 键 词 儿童\n"
        "一、起草背景\n国务院印发纲要后，我县制定新一周期规划。\n"
    )
    (document,) = parse_text(text).documents
    assert (document.kind, document.title) == ("other", "《某县儿童发展规划(2021-2030年)》政策解读")
    assert document.metadata.place == "某县" and document.warnings == []


def test_second_page_of_a_long_document_has_no_title_and_keeps_its_sections():
    text = "[接上页]\n（三）加强监测评估。每年开展一次评估。\n四、保障措施\n（一）加强组织领导。\n"
    (document,) = parse_text(text).documents
    assert document.title is None and document.lines == (2, 4)

    def titles(sections):
        return [t for s in sections for t in (s.title, *titles(s.children))]

    assert {"加强监测评估", "保障措施", "加强组织领导"} <= set(titles(document.sections))


def test_a_date_in_chinese_numerals_is_never_glued_into_the_next_title():
    text = (
        "关于印发某县儿童发展规划的通知\n各乡镇：\n现将《某县儿童发展规划》印发给你们。\n某县人民政府\n"
        "二○一九年五月八日\n某县儿童发展规划\n一、目标\n正文。\n"
    )
    notice, plan = parse_text(text).documents
    assert plan.title == "某县儿童发展规划"
    assert notice.metadata.date_written == "2019-05-08"


def test_a_title_spread_out_with_spaces_stands_alone_under_the_unit_name():
    # As a Word or WPS reader gives it; the text reader joins spread-out words itself.
    lines = ["某县某某小学", "卫 生 工 作 制 度", "一、学校卫生工作的主要任务是监测学生的健康。"]
    blocks: list[Block] = [
        Paragraph(text, Provenance(file="x.doc", paragraph=n)) for n, text in enumerate(lines, 1)
    ]
    (document,) = segment(normalize(blocks))
    assert (document.kind, document.title) == ("plan", "卫生工作制度")
