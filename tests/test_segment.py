"""Splitting a file into documents, and title recognition, on invented files."""

import pytest

from govdocparse import parse_text, portal
from govdocparse.model import Period, Provenance
from govdocparse.normalize import normalize
from govdocparse.readers.text import blocks_from_text
from govdocparse.segment import segment, title_kind
from govdocparse.source import Block, Paragraph

from .support import block_texts

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


# A county's call for comments over its draft plan (invented), the plan's title as a copy left
# it: its period without the opening bracket, without both, with the status after it, or whole.
CALL_FOR_COMMENTS = (
    "关于公开征求《青河县妇女发展规划（2021-2025年）（征求意见稿）》意见的公告\n"
    "为广泛听取社会各界意见，现将《青河县妇女发展规划（2021-2025年）（征求意见稿）》全文公布，"
    "请于2021年12月20日前反馈意见。\n"
    "青河县妇女儿童工作委员会办公室\n"
    "2021年12月6日\n"
    "{title}\n"
    "一、发展背景\n"
    "全县妇女事业取得明显成效。\n"
    "二、主要目标\n"
    "到2025年，妇女平均预期寿命达到78岁。\n"
)


@pytest.mark.parametrize(
    "title",
    [
        "青河县妇女发展规划2021-2025年）",
        "青河县妇女发展规划2021—2025年",
        "青河县妇女发展规划2021-2025年)（征求意见稿）",
        "青河县妇女发展规划（2021-2025年）",
    ],
)
def test_a_draft_plans_title_whose_period_lost_its_brackets_is_a_title_with_its_period(title):
    call, plan = parse_text(CALL_FOR_COMMENTS.format(title=title)).documents
    assert call.title and call.title.startswith("关于公开征求")
    assert (plan.kind, plan.title) == ("plan", title)
    assert plan.metadata.period == Period(start=2021, end=2025)
    assert [section.number for section in plan.sections] == ["一、", "二、"]


# A city bureau's notice handing down its plan (invented), the plan's period on the line under
# its title as a copy left it: without the opening bracket, without both, or whole.
PERIOD_UNDER_TITLE = (
    "某某市教育局等六部门关于印发《某某市学前教育发展提升行动计划（2024—2026年）》的通知\n"
    "各区县（市）教育局，市直有关单位：\n"
    "现将《某某市学前教育发展提升行动计划（2024—2026年）》印发给你们，请认真贯彻执行。\n"
    "某某市教育局\n"
    "2024年3月8日\n"
    "某某市学前教育发展提升行动计划\n"
    "{period}\n"
    "为推进全市学前教育普及普惠发展，制定本计划。\n"
    "一、主要目标\n"
    "到2026年，全市学前三年毛入园率达到96%以上。\n"
)


@pytest.mark.parametrize(
    "period", ["2024—2026年）", "2024-2026年)", "2024—2026年", "（2024—2026年）"]
)
def test_a_period_line_under_a_plans_title_that_lost_its_bracket_is_the_plans_period(period):
    notice, plan = parse_text(PERIOD_UNDER_TITLE.format(period=period)).documents
    assert notice.kind == "notice"
    assert (plan.kind, plan.title) == ("plan", "某某市学前教育发展提升行动计划")
    assert plan.metadata.period == Period(start=2024, end=2026)
    assert plan.preamble is not None and plan.preamble.text.startswith("为推进")


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


def test_second_page_of_a_long_document_has_no_title_and_keeps_the_sections_it_begins():
    text = "[接上页]\n（三）加强监测评估。每年开展一次评估。\n四、保障措施\n（一）加强组织领导。\n"
    (document,) = parse_text(text).documents
    assert document.title is None and document.lines == (2, 4)
    # 四、 begins on this page; （三） closes section 三 of the page before: its text is kept
    # before the sections, not made a top-level section of its own
    assert [(s.title, [c.title for c in s.children]) for s in document.sections] == [
        ("保障措施", ["加强组织领导"])
    ]
    assert document.preamble is not None and "加强监测评估" in document.preamble.text


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


# -- documents that open with their own head (gazette issues, compilation and mirror pages) ----

GAZETTE = """丁省人民政府公报
2014年第3期
目　　录
丁省人民政府关于同意设立戊市儿童福利院的批复……………（2）
丁省人民政府办公厅关于丁省留守儿童关爱工作的通报………（5）
— 1 —
丁省人民政府关于同意设立
戊市儿童福利院的批复
丁政函〔2014〕8号
戊市人民政府：
你市《关于设立儿童福利院的请示》（戊政发〔2014〕3号）收悉。现批复如下：同意设立。
丁省人民政府
2014年2月3日
丁省人民政府办公厅关于
丁省留守儿童关爱工作的通报
丁政办发〔2014〕15号
各市人民政府：
一、基本情况
全省建成关爱服务站300个。
二、下一步要求
各地要加强监护指导。
"""


def test_each_document_of_a_gazette_issue_opens_with_its_own_head_and_the_contents_go():
    result = parse_text(GAZETTE)
    assert [(d.kind, d.title, d.metadata.doc_number) for d in result.documents] == [
        ("other", "丁省人民政府关于同意设立戊市儿童福利院的批复", "丁政函〔2014〕8号"),
        ("other", "丁省人民政府办公厅关于丁省留守儿童关爱工作的通报", "丁政办发〔2014〕15号"),
    ]
    # the 通报 states its own 文号: it is not carried by the 批复 before it
    assert result.documents[1].part_of is None
    assert [s.title for s in result.documents[1].sections] == ["基本情况", "下一步要求"]


def test_a_page_title_gives_way_to_the_title_under_which_a_document_opens():
    text = (
        "己县儿童关爱服务实施细则\n作者:某网 时间:2021-03-11 09:12:40\n己县儿童关爱服务实施细则\n"
        "己县人民政府办公室\n关于印发己县儿童关爱服务实施细则的通知\n( 己政办〔2013〕6号 )\n"
        "各乡镇人民政府：\n现将《己县儿童关爱服务实施细则》印发给你们。\n二O一三年九月十六日\n"
        "己县儿童关爱服务实施细则\n一、总体要求\n正文。\n"
    )
    notice, plan = parse_text(text).documents
    assert (notice.kind, notice.title) == ("notice", "关于印发己县儿童关爱服务实施细则的通知")
    meta = notice.metadata
    assert (meta.doc_number, meta.issuer, meta.date_written) == (
        "己政办〔2013〕6号",
        "己县人民政府办公室",
        "2013-09-16",
    )
    assert plan.title == "己县儿童关爱服务实施细则" and plan.part_of == notice.id


def test_a_title_is_not_joined_with_the_next_title_its_page_title_cut_short():
    text = (
        "第一篇：庚省人民政府办公厅关于印发庚省\n庚省人民政府办公厅关于印发庚省\n"
        "留守儿童关爱工作实施意见的通知\n各市人民政府：\n现将意见印发给你们。\n"
    )
    assert [s.title for s in _segments(text)] == [
        "庚省人民政府办公厅关于印发庚省留守儿童关爱工作实施意见的通知"
    ]


def test_a_title_that_waits_for_its_rest_is_joined_with_a_line_naming_an_issuer():
    text = (
        "辛县人民政府办公室关于转发\n"
        "辛市人民政府办公室关于做好儿童保护工作的通知的通知\n各乡镇：\n正文。"
    )
    assert [s.title for s in _segments(text)] == [
        "辛县人民政府办公室关于转发辛市人民政府办公室关于做好儿童保护工作的通知的通知"
    ]


def test_the_book_title_marks_a_mirror_puts_around_a_title_line_are_not_the_title():
    text = (
        "《壬市人民政府办公厅关于印发壬市儿童发展规划的通知》\n"
        "壬府办〔2022〕8号\n各区人民政府：\n正文。"
    )
    assert [s.title for s in _segments(text)] == [
        "壬市人民政府办公厅关于印发壬市儿童发展规划的通知"
    ]


def test_joint_issuers_at_the_head_of_a_title_keep_the_space_between_them():
    text = (
        "中共癸市委办公室 癸市人民政府办公室"
        "印发《癸市儿童友好实施方案》的通知(癸办发〔2022〕9号)\n各县市区：\n正文。"
    )
    assert [s.title for s in _segments(text)] == [
        "中共癸市委办公室 癸市人民政府办公室印发《癸市儿童友好实施方案》的通知"
    ]


ANNEXES = """子市人民政府关于表扬先进单位的通报
子政函〔2016〕2号
各县人民政府：
对以下单位予以表扬。
附件：1.先进单位名单
2.重点任务清单
子市人民政府
2016年3月18日
附件1
先进单位名单
序号\t单位名称
1\t子市民政局
2\t子市教育局
附件2
重点任务清单
序号\t任务\t牵头单位
1\t建设儿童之家\t子市妇联
"""


def test_attachments_that_are_lists_or_tables_are_annexes_carried_by_their_document():
    result = parse_text(ANNEXES)
    assert [(d.kind, d.title, d.part_of) for d in result.documents] == [
        ("other", "子市人民政府关于表扬先进单位的通报", None),
        ("annex", "先进单位名单", "d1"),
        ("annex", "重点任务清单", "d1"),
    ]
    assert result.documents[0].metadata.attachments == ["1.先进单位名单", "2.重点任务清单"]
    assert result.documents[2].metadata.place == "子市"
    assert [len(d.tables) for d in result.documents] == [0, 1, 1]


def test_an_attachment_with_headings_is_a_plan_not_an_annex():
    text = (
        "关于印发丑县方案的通知\n各乡镇：\n现将方案印发。\n丑县人民政府\n"
        "2022年1月5日\n附件\n丑县儿童友好建设标准\n一、总体要求\n正文。\n"
        "序号\t标准\n1\t场地\n"
    )
    assert [d.kind for d in parse_text(text).documents] == ["notice", "plan"]


def test_a_title_names_something_before_its_type_word():
    # 目录 alone is a table of contents' heading; …文件目录 under an 附件 mark is an annex
    text = (
        "寅市人民政府关于废止部分规范性文件的决定\n寅府发〔2020〕11号\n各区人民政府：\n决定废止。\n"
        "寅市人民政府\n2020年5月26日\n附件\n寅市废止的规范性文件目录\n序号\t文件名称\n1\t某办法\n"
    )
    assert [(d.kind, d.title) for d in parse_text(text).documents] == [
        ("other", "寅市人民政府关于废止部分规范性文件的决定"),
        ("annex", "寅市废止的规范性文件目录"),
    ]
    assert [s.title for s in _segments("目录\n一、总体要求\n正文。")] == [None]


@pytest.mark.parametrize(
    "first_line",
    [
        # a portal's list of documents: the 文号 before the title, a space between
        "丑府办发〔2021〕6号 丑县人民政府办公室关于印发丑县托育服务实施方案的通知",
        # a mirror: the 文号 after the title
        "丑县人民政府办公室关于印发 丑县托育服务实施方案的通知 丑府办发〔2021〕6号",
    ],
)
def test_a_doc_number_beside_the_title_on_its_line(first_line):
    text = (
        f"{first_line}\n各乡镇人民政府,县直各部门:\n"
        "现将《丑县托育服务实施方案》印发给你们,请认真贯彻执行。\n"
        "丑县人民政府办公室\n2021年2月22日\n丑县托育服务实施方案\n一、总体目标\n正文。\n"
    )
    notice, plan = parse_text(text).documents
    assert notice.kind == "notice"
    assert notice.title == "丑县人民政府办公室关于印发丑县托育服务实施方案的通知"
    assert notice.metadata.doc_number == "丑府办发〔2021〕6号"
    assert notice.metadata.recipients == ["各乡镇人民政府", "县直各部门"]
    assert notice.metadata.date_written == "2021-02-22"
    assert (plan.title, plan.part_of) == ("丑县托育服务实施方案", "d1")


def test_a_doc_number_beside_words_that_are_no_title_stays_a_line_of_its_own():
    text = (
        "丑府办发〔2021〕6号 签发人:张三\n丑县人民政府办公室关于印发某方案的通知\n各乡镇:\n正文。\n"
    )
    [notice] = parse_text(text).documents
    assert notice.title == "丑县人民政府办公室关于印发某方案的通知"
    assert notice.metadata.signers == ["张三"]


def test_a_title_a_portal_prints_twice_is_read_once():
    # 关于印发…的通知 / 字号: (toolbar, dropped) / 关于印发…的通知
    text = (
        "关于印发《卯区妇女儿童发展规划》的通知\n字号:\n关于印发《卯区妇女儿童发展规划》的通知\n"
        "区政府各委、办、局:\n现将规划印发给你们,请认真贯彻落实。\n卯区人民政府\n2021年9月17日\n"
    )
    assert parse_text(text).documents[0].title == "关于印发《卯区妇女儿童发展规划》的通知"


@pytest.mark.parametrize(
    "title, bare",
    [
        ("江西省家庭教育促进条例", "江西省家庭教育促进条例"),
        # a people's congress site asking for comments on a draft
        ("江西省家庭教育促进条例(修订草案)", "江西省家庭教育促进条例"),
    ],
)
def test_a_regulation_is_titled_by_its_name(title, bare):
    text = f"{title}\n第一章 总则\n第一条 为了促进家庭教育,制定本条例。\n"
    [document] = parse_text(text).documents
    assert (document.kind, document.title) == ("plan", title)
    assert document.metadata.place == "江西省"
    assert title_kind(title) == "plan" and title_kind(bare) == "plan"


def test_a_governments_working_rules_are_titled_by_their_name():
    # a county portal's 工作规则 (tenth reading): its title printed above the portal's fields and
    # again under them, 第一章 总则 and numbered clauses; it had no title and no place
    text = (
        "青溪县人民政府工作规则\n  • 发文字号:\n    青政发〔2023〕5号\n  • 发布日期:\n"
        "    2023年03月10日 09:12\n青溪县人民政府工作规则\n第一章 总则\n"
        "一、根据有关法律规定,结合本县实际,制定本规则。\n"
        "第二章 政府职能\n二、县政府全面履行职能。\n"
    )
    [document] = parse_text(text).documents
    assert (document.kind, document.title) == ("plan", "青溪县人民政府工作规则")
    assert document.metadata.place == "青溪县"
    assert document.metadata.doc_number == "青政发〔2023〕5号"
    assert [s.title for s in document.sections] == ["总则", "政府职能"]


def test_organ_lines_above_a_title_that_opens_with_an_organ_are_its_joint_issuers():
    # a page wrapped a long title at the spaces between its fourteen issuers: an organ a line
    organs = ["青溪省民政厅", "青溪省教育厅", "共青团青溪省委员会", "青溪省残疾人联合会"]
    text = "\n".join(
        [*organs[:-1], f"{organs[-1]}关于加强困境儿童保障工作的实施意见", "各市民政局:", "正文。"]
    )
    [document] = parse_text(text).documents
    assert document.title == " ".join(organs) + "关于加强困境儿童保障工作的实施意见"
    assert document.metadata.issuer == "、".join(organs)


@pytest.mark.parametrize(
    "head",
    [
        # a portal page whose title sat in a page header the copy did not keep
        "",
        # a mirror that opens with the notice's 文号
        "柳府办发〔2021〕9号\n",
        # a document site that kept the portal's fields and not the title line
        "发文单位:丙城市人民政府\n文　号:丙府发〔2019〕21号\n发布日期:2019-03-02\n",
    ],
)
def test_a_notice_whose_title_the_page_lost_is_a_notice_without_a_title(head):
    text = head + (
        "各县(区)人民政府,市政府各部门:\n"
        "现将《丙城市托育服务体系建设实施方案》转发给你们,请认真组织实施。\n"
        "丙城市人民政府办公室\n"
        "2019年2月27日\n"
        "丙城市托育服务体系建设实施方案\n"
        "一、总体目标\n"
        "到2025年,每千人口拥有3岁以下婴幼儿托位数达到4个。\n"
    )
    notice, plan = parse_text(text).documents
    assert (notice.kind, notice.title) == ("notice", None)
    assert notice.metadata.recipients == ["各县(区)人民政府", "市政府各部门"]
    assert notice.metadata.date_written == "2019-02-27"
    assert (plan.kind, plan.part_of) == ("plan", notice.id)
    assert plan.title == "丙城市托育服务体系建设实施方案"
    assert plan.metadata.date_written == "2019-02-27"
    assert [s.title for s in plan.sections] == ["总体目标"]


def test_a_page_header_above_a_plan_is_no_notice():
    # recipients and a date above a plan, but no text between: a portal's fields, not a notice
    text = "发布机构:丁县教育局:\n2022年3月1日\n丁县学前教育提升行动计划\n一、主要目标\n正文。\n"
    assert [d.kind for d in parse_text(text).documents] == ["plan"]


@pytest.mark.parametrize("note", ["（信息公开形式：主动公开）", "(信息公开形式:依申请公开)"])
def test_a_disclosure_note_under_a_joint_notices_date_is_no_part_of_the_plans_title(note):
    # a ministry's joint notice closes with a 附注 naming how it is disclosed, right above the
    # title of the plan it hands down (invented, in that layout)
    text = (
        "关于印发某某妇幼健康促进行动计划（2024—2028年）的通知\n某卫妇幼发〔2024〕3号\n"
        "各省、自治区、直辖市卫生健康委、教育厅：\n"
        "现将《某某妇幼健康促进行动计划（2024—2028年）》印发给你们，请认真贯彻执行。\n"
        f"某卫生健康委\n某教育部\n2024年2月6日\n{note}\n"
        "某某妇幼健康促进行动计划（2024—2028年）\n一、总体要求\n孕产妇系统管理率达到92%。\n"
    )
    docs = parse_text(text).documents
    assert [(d.kind, d.title) for d in docs] == [
        ("notice", "关于印发某某妇幼健康促进行动计划（2024—2028年）的通知"),
        ("plan", "某某妇幼健康促进行动计划（2024—2028年）"),
    ]


@pytest.mark.parametrize("label", ["当前页面: ", "当前页面：", "您所在页面:"])
def test_a_breadcrumb_labelled_page_instead_of_position_is_no_title(label):
    # a county bureau's page (invented, in a twenty-third-reading layout): its breadcrumb labelled
    # 当前页面 over the plan's title, printed twice
    title = "青山县学前教育普及普惠督导评估总体规划"
    text = (
        f"{label}首页  > 青山县教育局 > 政务公开 > 规划总结\n\n{title}\n\n{title}\n\n"
        "为推进学前教育普及普惠，结合我县实际，制订本规划。\n一、发展现状\n我县现有幼儿园155所。\n"
    )
    [document] = parse_text(text).documents
    assert (document.kind, document.title) == ("plan", title)
    assert document.metadata.place == "青山县"


@pytest.mark.parametrize(
    "crumb",
    [
        # 是 before its colon, the column's name printed twice at the end
        "您当前的位置是:首页->司法公开->审判执行工作白皮书专栏审判执行工作白皮书专栏",
        "您的位置是：首页 > 司法公开 > 审判执行工作白皮书专栏 > 少年审判工作报告专栏",
        "首页->司法公开->审判执行工作白皮书专栏->少年审判工作报告专栏",  # no label
    ],
)
def test_a_breadcrumb_labelled_with_shi_or_typed_with_dash_arrows_is_no_title(crumb):
    # a court's site (invented, in a twenty-sixth-reading layout): its breadcrumb over the
    # report's title, the report's stamp under it
    title = "少年刑事审判工作报告(2019-2023年)"  # no organ at its head
    text = (
        f"{crumb}\n{title}\n来源: 作者: 发布时间:2024-05-30 09:10:11\n\n"
        "为总结少年审判工作，本院开展了调研。\n一、基本情况\n本院共审结案件120件。\n"
    )
    [document] = parse_text(text).documents
    assert document.title == title
    assert document.metadata.date_published == "2024-05-30"


@pytest.mark.parametrize(
    "header",
    [
        "• 某某市人民政府门户网站\n  •  \n    • 搜索\n",
        "某县人民政府门户网站\n",
        "•  某某区人民政府门户网站\n",
    ],
)
def test_a_portals_site_name_above_its_breadcrumb_is_no_part_of_the_title(header):
    # a portal's header prints the site's name as a menu item (bullets, one empty) above the
    # breadcrumb of a 解读 page (invented, in that layout)
    text = header + (
        "您当前的位置: 首页 > 某市卫生健康局 > 政策解读\n"
        "《某某儿童健康提升计划(2022-2025年)》文件解读\n发布日期:2022-09-14 10:25\n来源:本站\n"
        "打印\n【字体:\n\n一、起草背景\n儿童健康是全民健康的基础。\n"
    )
    [doc] = parse_text(text).documents
    assert doc.title == "《某某儿童健康提升计划(2022-2025年)》文件解读"


@pytest.mark.parametrize(
    "header",
    [
        "手机版 | 网站导航\n某某观察网 > 国内 >\n\n",
        "手機版 | 網站導航\n\n",
        "某某资讯网 > 健康 >\n",
    ],
)
def test_a_news_sites_header_row_and_open_ended_path_are_no_part_of_the_headline(header):
    # a news site prints a row of links and its column path, cut after its last arrow, above
    # an article restating a plan (invented, in that layout)
    text = header + (
        "十部门印发某某疾病防治行动计划\n\n某某社 | 2023-03-02 10:11:12\n\n"
        "某某病是常见疾病。某部门等10部门日前联合印发《某某疾病防治行动计划（2023-2030年）》。\n"
        "根据行动计划，到2026年，适龄人群筛查率达到55%。\n"
    )
    doc = parse_text(text).documents[0]
    assert doc.title == "十部门印发某某疾病防治行动计划"


@pytest.mark.parametrize(
    ("headline", "title"),
    [
        ("【发布】某某委印发《某某疾病综合防治方案》！", "某某委印发《某某疾病综合防治方案》"),
        ("重磅!某某省印发某某行动方案", "重磅!某某省印发某某行动方案"),
        ("《预防某病！某某委发布某某综合防治方案》", "预防某病！某某委发布某某综合防治方案"),
    ],
)
def test_a_news_headlines_exclamation_marks_and_column_tag_leave_it_a_title(headline, title):
    # news copies of a plan: a column tag in brackets before the headline, exclamation marks in
    # or after it, the whole in book-title marks on a digest (invented, in that layout)
    text = headline + (
        "\n\n  • 发布时间:2019-01-02\n\n"
        "近日,某某委制定了某某方案。方案指出,到2022年,某某筛查率达到70%。\n"
    )
    doc = parse_text(text).documents[0]
    assert (doc.title, doc.metadata.date_published) == (title, "2019-01-02")


@pytest.mark.parametrize("tag", ["【执行效果评估】", "【跟踪反馈】"])
def test_a_county_portals_column_tag_is_no_part_of_the_title(tag):
    # a county portal's 政务公开 column 重大决策跟踪反馈和执行效果评估 tags every name it files
    # (twenty-fourth reading; invented, in that layout: fields, the name, a byline, the report)
    name = "《白河县儿童发展规划(2011-2020年)》实施情况终期评估报告"
    text = (
        "索引号:\n002233445566778899/202308-00012\n"
        "组配分类: 重大决策跟踪反馈和执行效果评估\n发布机构: 白河县人民政府办公室\n"
        f"名称: {tag}{name}\n成文日期: 2023-08-15 发布日期: 2023-08-15\n"
        f"{tag}{name}\n发布时间:2023-08-15 09:30 来源:白河县人民政府办公室 浏览次数:\n\n"
        "白河县儿童发展规划(2011-2020年)实施十年来，儿童生存和发展环境明显改善。\n"
        "一、基本情况\n2020年，全县常住人口32.1万人。\n"
    )
    doc = parse_text(text).documents[0]
    assert (doc.title, doc.metadata.place) == (name, "白河县")


# A news item whose headline asks or exclaims before the plan it tells of (invented): no
# document's own title asks or exclaims, so it is the news item's title as written, kind other,
# its place the one opening what it tells; with a stamp under it or straight over its lead.
HOOKED_STORY = (
    "近日，白沙市人民政府办公室印发《白沙市儿童友好行动计划》，提出到2026年建成儿童友好社区"
    "40个。\n计划明确了五方面重点任务。\n"
)


@pytest.mark.parametrize(
    "headline",
    [
        "如何让孩子更快乐？白沙市出台儿童友好行动计划",
        "重磅！白沙市出台儿童友好行动计划",
        "好消息!白沙市印发儿童友好城市建设实施方案",
        "孩子放学后谁来管？白沙市印发《白沙市课后服务实施方案》",
    ],
)
@pytest.mark.parametrize("stamp", ["发布时间：2024-05-12 09:30\n", ""])
def test_a_headline_asking_or_exclaiming_before_a_plan_is_a_news_items_title(headline, stamp):
    [item] = parse_text(f"{headline}\n{stamp}{HOOKED_STORY}").documents
    assert (item.kind, item.title, item.metadata.place) == ("other", headline, "白沙市")


def test_a_headline_asking_before_a_plan_over_the_plans_own_text_is_the_plans_title():
    # a digest's copy of the plan under such a headline keeps the plan's headings: the plan
    headline = "如何让孩子更快乐？白沙市出台儿童友好行动计划"
    text = f"{headline}\n发布时间：2024-05-12\n为建设儿童友好城市，制定本计划。\n一、工作目标\n"
    [plan] = parse_text(text + "到2026年，建成儿童友好社区40个。\n").documents
    assert (plan.kind, plan.title, plan.metadata.place) == ("plan", headline, "白沙市")


def test_a_slogan_ending_in_an_exclamation_mark_is_still_no_title():
    text = "奋力开创儿童事业新局面！\n\n为促进儿童发展，到2025年，某某率达到90%。\n"
    assert parse_text(text).documents[0].title is None


@pytest.mark.parametrize("extension", [".docx", ".doc", ".pdf", ".wps"])
def test_a_document_sites_file_name_over_the_text_is_the_title(extension):
    # a document-sharing site prints the title as the file's name above its file facts
    # (invented, in that layout)
    text = (
        f"某某县建设儿童友好城市三年行动方案(2024-2026年){extension}\n-\n资源大小:41.2KB\n"
        "全文页数:30页\n一、指导思想\n坚持儿童优先。\n二、基本原则\n儿童优先、普惠共享。\n"
    )
    doc = parse_text(text).documents[0]
    assert (doc.kind, doc.title) == ("plan", "某某县建设儿童友好城市三年行动方案(2024-2026年)")


def test_a_link_to_another_document_between_a_notice_and_its_plan_is_no_document():
    # a WeChat repost: a related-article card's title under the notice's date, then the plan
    text = (
        "关于印发《午城儿童友好城区建设行动方案》的通知\n各有关单位:\n"
        "现将《午城儿童友好城区建设行动方案》印发给你们,请认真贯彻落实。\n"
        "午城推进儿童友好城区建设领导小组办公室\n2023年10月13日\n"
        "未城进一步推进新型基础设施建设行动方案(2023-2026年)\n"
        "午城儿童友好城区建设行动方案\n为推进建设,制定本方案。\n一、总体要求\n正文。\n"
    )
    notice, plan = parse_text(text).documents
    assert plan.title == "午城儿童友好城区建设行动方案"
    assert (plan.kind, plan.part_of) == ("plan", notice.id)


def test_a_plan_the_notice_does_not_name_still_follows_it_when_it_has_text():
    # two plans, the first with text of its own: both are documents
    text = (
        "关于印发《午城儿童友好城区建设行动方案》的通知\n各有关单位:\n"
        "现将《午城儿童友好城区建设行动方案》印发给你们,请认真贯彻落实。\n"
        "午城推进儿童友好城区建设领导小组办公室\n2023年10月13日\n"
        "午城儿童友好社区建设指引(2023-2026年)\n为建设社区,制定本指引。\n"
        "午城儿童友好城区建设行动方案\n为推进建设,制定本方案。\n一、总体要求\n正文。\n"
    )
    titles = [doc.title for doc in parse_text(text).documents]
    assert titles[-1] == "午城儿童友好城区建设行动方案" and len(titles) == 3


@pytest.mark.parametrize(
    "cited, title, status",
    [
        # the draft cited with < > for its inner marks, printed under its text with 《》
        (
            "申省实施<中华人民共和国某某法>办法",
            "申省实施《中华人民共和国某某法》办法",
            "修订草案修改征求意见稿",
        ),
        ("申省儿童友好社区促进条例", "申省儿童友好社区促进条例", "草案征求意见稿"),
    ],
)
def test_a_call_for_comments_headed_by_the_drafts_title_carries_the_draft(cited, title, status):
    text = (
        f"《{cited}（{status}）》向社会各界公开征求意见\n"
        f"现将《{cited}（{status}）》在本网站全文公布，欢迎社会各界提出意见。\n"
        "意见征集截止时间：2025年9月25日。\n"
        f"{title}\n（{status}）\n第一章 总则\n第一条 为了保障某某权益，制定本办法。\n"
    )
    call, draft = parse_text(text).documents
    assert call.kind == "notice"
    assert draft.title == f"{title}（{status}）"
    assert [s.number for s in draft.sections] == ["第一章"]


@pytest.mark.parametrize("date", ["二〇一一年七月十五日", "二0一一年七月十五日", "2011年7月15日"])
def test_a_reports_cover_over_its_title_with_the_issuer_is_one_report(date):
    text = (
        "青山县实施妇女儿童发展纲要终期评估报告\n"
        f"{date}\n"
        "青山县人民政府妇女儿童工作委员会关于实施妇女儿童发展纲要终期评估报告\n"
        "一、基本情况\n纲要实施以来，各项工作有序推进。\n"
    )
    [report] = parse_text(text).documents
    assert (report.title or "").startswith("青山县人民政府妇女儿童工作委员会关于")
    assert report.metadata.issuer == "青山县人民政府妇女儿童工作委员会"
    assert report.metadata.date_written == "2011-07-15"


def test_a_title_after_another_with_an_issuer_that_names_no_place_of_it_starts_a_document():
    # the issuer must open with the first title's place: two reports of different counties
    text = (
        "青山县妇女儿童发展纲要终期评估报告\n2011年7月15日\n"
        "绿水县人民政府妇女儿童工作委员会关于妇女儿童发展纲要终期评估报告\n"
        "一、基本情况\n纲要实施以来，各项工作有序推进。\n"
    )
    assert len(parse_text(text).documents) == 2


NEWS_BODY = (
    "近日，《青山市儿童发展规划（2021—2030年）》经市政府常务会议审议通过，正式向社会公布。\n"
    "规划提出，到2025年，婴儿死亡率控制在4‰以下。\n"
)


@pytest.mark.parametrize(
    "headline, byline",
    [
        (
            "《青山市儿童发展规划（2021—2030年）》向社会公布",
            "发布时间：2022-03-01 10:20  来源：市妇儿工委办",
        ),
        ("青山市召开2022年妇女儿童工作会议", "2022-03-01 10:20 来源：青山市人民政府"),
        ("权威发布：青山市出台儿童友好城市建设新举措", "时间：2022-03-01　来源：市发展改革委"),
        # the day printed after the source, with no label of its own
        ("青山市召开2022年妇女儿童工作会议", "来源：青山日报  2022-03-01"),
        ("青山市召开2022年妇女儿童工作会议", "作者：张某　来源：青山网 2022年3月1日 10:20"),
        # the site's own address printed after the stamp (a regional news portal)
        ("青山市推行儿童主任制度十年", "来源：青山日报 2022-03-01 15:19 http://www.qingshan.cn/"),
        ("青山市推行兒童主任制度十年", "來源:青山日報 2022-03-01 15:19 https://qs.example.cn/a"),
        # a headline asking or exclaiming, no document named in it
        ("孩子放学后谁来管？青山市推出课后服务新举措", "2022-03-01 10:20 来源：青山网"),
        ("学生午休难题如何破解？", "来源：青山日报  2022-03-01"),
        ("好消息！青山市新增普惠托位2000个", "发布时间：2022-03-01 10:20"),
    ],
)
def test_a_news_headline_over_its_byline_is_the_pages_title(headline, byline):
    [document] = parse_text(f"{headline}\n{byline}\n{NEWS_BODY}").documents
    assert (document.kind, document.title) == ("other", headline.replace(" ", ""))
    assert document.metadata.date_published == "2022-03-01"


@pytest.mark.parametrize(
    "byline",
    [
        "青山新闻 2022-03-01 10:20:15",  # an aggregator's outlet before its stamp, no label
        "青山新闻2022-03-01 10:20:151",  # the outlet glued to it, a comment count after it
        "青山日报 2022-03-01 10:20",
        # a trade site's own address glued before its stamp in 年月日, its outlet's name after the
        # time (twenty-third reading)
        "http://www.qingshan34.com2022年03月01日 10:10青山装备网",
        "https://news.qingshan.cn 2022年3月1日 10:10 青山網",
        # a portal of the 中国网 family: its name and bare address before the day, no time
        # (twenty-fifth reading)
        "青山发展门户网 www.qingshan-gate.com.cn  2022 年 03 月 01 日",
        "青山网 www.qingshan.cn 2022-03-01",
    ],
)
def test_a_news_headline_over_its_outlet_and_stamp_is_the_pages_title(byline):
    # a news aggregator's story: headline (with a colon, as news headlines have), then the
    # outlet's name and the stamp (invented, in the layout of a twentieth-reading page)
    headline = "青山市卫健委：为0至6岁儿童免费检查视力"
    [document] = parse_text(f"{headline}\n{byline}\n{NEWS_BODY}").documents
    assert (document.kind, document.title) == ("other", headline)
    assert document.metadata.date_published == "2022-03-01"


@pytest.mark.parametrize(
    "dateline",
    [
        "青山晚报讯（记者 张某 通讯员 李某）",  # a paper's 讯, its reporters in brackets
        "本报讯 ",
        "新华社青山3月1日电（记者 王某）",  # an agency's 电 with its place and day
        "据青山晚报报道，",  # a site reposting the story names the paper (twentieth reading)
        "据新华社消息,",
        "青山晚报/青山网讯(记者 张某)",  # a paper and its site sign together (25th reading)
        "青山日报·青山网讯（记者 张某）",
        # a lead naming its source, no outlet nor dateline before it (twenty-eighth reading)
        "记者从市教育局获悉，",
        "记者近日从青山市教育局了解到,",
        # a digital paper's reporter and where the story is filed from (forty-first reading)
        "青山妇女报全媒体记者张某 发自青山 ",
        "本报记者 张某 李某 发自青山 ",
    ],
)
def test_a_news_headline_over_a_lead_opening_with_its_dateline_is_the_pages_title(dateline):
    # a newspaper's story: headline, then the lead opening with its dateline (invented)
    headline = "青山市中小学课后服务收费标准确定"
    [document] = parse_text(f"{headline}\n  {dateline}{NEWS_BODY}").documents
    assert (document.kind, document.title) == ("other", headline)
    assert document.metadata.place == "青山市"


def test_an_exclaimed_headline_heading_a_repost_over_its_text_is_the_title():
    # a content farm's repost opens with the story's exclaimed headline right over its text, no
    # byline nor dateline between (forty-first reading: …名单公布!…等51所学校上榜!)
    text = (
        "青山市儿童友好学校名单公布!实验小学、青禾中学等20所学校上榜!\n"
        "儿童友好学校是指以儿童发展为中心，倡导儿童优先、儿童平等和儿童参与理念的学校。\n"
        "经各区推荐，现确定青山市实验小学等20所学校为青山市儿童友好建设学校。\n"
    )
    [story] = parse_text(text).documents
    assert story.title == "青山市儿童友好学校名单公布!实验小学、青禾中学等20所学校上榜"
    assert (story.kind, story.metadata.place) == ("other", "青山市")


def test_an_exclaimed_slogan_over_a_plans_title_is_no_title():
    text = (
        "热烈庆祝青山市儿童友好城市建设启动!\n青山市儿童友好公园建设实施方案\n"
        "一、总体要求\n坚持儿童优先，推进公园适儿化改造。\n"
    )
    assert parse_text(text).documents[0].title == "青山市儿童友好公园建设实施方案"


@pytest.mark.parametrize(
    "lead",
    [
        "青山妇女报全媒体记者张某 发自青山 日前,记者从青山市住房和城乡建设局获悉,",
        "本报讯 记者近日从青山市住房和城乡建设局了解到，",
    ],
)
def test_a_storys_place_is_the_organ_its_reporter_learned_the_news_from(lead):
    # a headline naming no place over a lead saying where the news came from (forty-first
    # reading: 记者从某省政府妇儿工委办公室获悉, a national paper's story on a province's 意见)
    text = f"今年新建儿童友好公园30个\n{lead}今年全市将新建儿童友好公园30个。\n"
    [story] = parse_text(text).documents
    assert (story.title, story.metadata.place) == ("今年新建儿童友好公园30个", "青山市")


@pytest.mark.parametrize("kicker", ["青山省十部门印发意见", "青山儿童友好公园建设再提速"])
def test_a_digital_papers_kicker_over_its_headline_is_no_title(kicker):
    # a paper's digital edition: its page label, then the story's kicker (引题) over its headline
    # (主题) over the lead (forty-first reading); the headline is the story's title
    text = (
        "第3版:要闻 PDF版下载\n版面: 要闻\n"
        f"{kicker}\n今年新建儿童友好公园30个\n"
        "青山妇女报全媒体记者张某 发自青山 日前,记者从青山省住房和城乡建设厅获悉,"
        "十部门联合印发《青山省儿童友好公园建设指导意见》,提出今年新建儿童友好公园30个。\n"
    )
    [story] = parse_text(text).documents
    assert (story.kind, story.title) == ("other", "今年新建儿童友好公园30个")
    preamble = story.preamble.text if story.preamble else ""
    assert kicker not in preamble and "版面" not in preamble


@pytest.mark.parametrize(
    "byline",
    [
        # a regional news site's byline opens with its reporters' names (twenty-fifth reading)
        "张某 李某 发布时间:2022-03-01 08:59:00 来源: 青山日报",
        "王某某 發布時間:2022-03-01 08:59:00來源: 青山日報",
    ],
)
def test_a_news_headline_over_a_byline_opening_with_its_reporters_is_the_pages_title(byline):
    headline = "青山市持续加强困境儿童分类保障工作"
    [document] = parse_text(f"{headline}\n{byline}\n{NEWS_BODY}").documents
    assert (document.kind, document.title) == ("other", headline)
    assert document.metadata.date_published == "2022-03-01"


def test_spaced_words_before_a_time_in_a_plan_are_no_byline():
    # a plan's line of spaced words before its 时间: no publication stamp, and no reporters
    assert portal.pairs("活动 安排 时间：2022年3月1日") == []
    assert portal.pairs("张某 李某 撰文") == []


# A story whose lead announces a list under it and whose site signs its credits at the end
# (invented, in the layout of a twenty-fifth-reading page: a women's paper's site)
LISTED_STORY = (
    "青山市发布2025年家庭教育十项实事\n"
    "青山女报/青山网讯(记者 张某)3月18日,青山市妇联发布2025年度家庭教育十项实事:\n"
    "1.建设家风馆20个;\n"
    "2.开展亲子阅读活动500场。\n"
    "编辑:李某\n"
    "二审:王某\n"
    "三审:赵某\n"
)


def test_a_leads_colon_addresses_no_one_and_the_sites_credits_close_no_item():
    [document] = parse_text(LISTED_STORY).documents
    assert document.title == "青山市发布2025年家庭教育十项实事"
    assert document.metadata.recipients == []
    last = document.sections[-1]
    assert "审" not in last.text + (last.title or "")


@pytest.mark.parametrize("credit", ["审核：周某", "初审：周某", "校对：周某", "责编：周某"])
def test_a_wechat_articles_credits_close_no_item(credit):
    # a public account's repost of a plan signs its credits under the last item (invented)
    text = (
        "某镇托育服务工作方案\n一、工作目标\n全镇托位数达到120个。\n二、保障措施\n"
        f"（一）加强组织领导。镇政府统筹推进。\n编辑：吴某\n{credit}\n"
    )
    [document] = parse_text(text).documents
    last = document.sections[-1].children[-1]
    assert "周某" not in last.text + (last.title or "")


# A bare date under a title: (title, what the text opens with, which date it is). Over a
# story's lead opening with its dateline it is the day a news site published it (a headline
# with or without a document type); over the recipients or a 文号 it is the 成文日期 a law
# database prints there.
DATE_UNDER_TITLE = [
    ("青山县召开2024年防汛工作会议", "本报讯 ", "date_published"),
    ("青山县出台学生饮用奶推广方案", "新华社青山5月11日电（记者 王某）", "date_published"),
    ("青山县人民政府关于做好防汛工作的通知", "各乡镇人民政府，县政府各部门：\n", "date_written"),
    ("青山县人民政府关于做好防汛工作的通知", "青府发〔2024〕9号\n", "date_written"),
]


@pytest.mark.parametrize(("title", "opening", "field"), DATE_UNDER_TITLE)
@pytest.mark.parametrize("date", ["2024-05-12", "2024年5月12日"])
def test_a_bare_date_under_a_title_is_read_by_the_text_under_it(title, opening, field, date):
    [document] = parse_text(f"{title}\n{date}\n{opening}{NEWS_BODY}").documents
    assert document.title == title
    other = "date_written" if field == "date_published" else "date_published"
    assert getattr(document.metadata, field) == "2024-05-12"
    assert getattr(document.metadata, other) is None


# A site's own name and its rows of brand links above the breadcrumb, over a report whose title
# names no issuer (invented): (the page's head, the issuer read). The brand rows are no part of
# the title; the site's name, when an organ's, is the issuer of a page that names none — of the
# organ's own place (a township's site reposting the city's report is not its author).
SITE_HEADS = [
    ("青禾网\n青禾新闻 - 青禾网\n首页 > 新闻 > 权威发布\n", None),
    (
        "平川市妇女联合会\n平川妇联 | 巾帼建功 | 家庭文明 | 维权服务\n当前位置：首页 > 工作报告\n",
        "平川市妇女联合会",
    ),
    ("平川市人民政府\n首页 | 政务公开 | 互动交流\n您的位置：首页 > 政务公开\n", "平川市人民政府"),
    ("石门镇人民政府\n首页 | 政务公开 | 互动交流\n您的位置：首页 > 政务公开\n", None),
]


@pytest.mark.parametrize(("head", "issuer"), SITE_HEADS)
def test_a_sites_name_and_brand_rows_over_its_breadcrumb_stay_out_of_the_title(head, issuer):
    title = "2023年平川市妇女儿童发展规划实施情况统计监测报告"
    body = "根据统计监测，规划实施取得积极进展。\n一、妇女与健康\n孕产妇死亡率下降。\n"
    [document] = parse_text(f"{head}{title}\n{body}").documents
    assert (document.title, document.metadata.issuer) == (title, issuer)


def test_a_title_above_the_breadcrumb_is_no_brand_row():
    # a page that prints the title over its breadcrumb: the period's hyphen makes no menu
    title = "平川市儿童发展规划（2021-2030年）"
    page = (
        f"{title}\n当前位置：首页 > 规划计划\n为促进儿童发展，制定本规划。\n一、总体要求\n坚持。\n"
    )
    [document] = parse_text(page).documents
    assert document.title == title


def test_a_short_line_over_a_dateline_or_a_line_over_a_lead_without_one_is_no_headline():
    for head in ("部门动态\n本报讯 ", "青山市中小学课后服务收费标准确定\n据了解，"):
        [document] = parse_text(f"{head}{NEWS_BODY}").documents
        assert document.title is None


@pytest.mark.parametrize(
    ("line", "title"),
    [
        (
            "部门解读 |青山市教育局《关于进一步做好课后服务工作的通知》文件解读",
            "青山市教育局《关于进一步做好课后服务工作的通知》文件解读",
        ),
        ("政策解读｜青山市课后服务收费标准问答", "青山市课后服务收费标准问答"),
    ],
)
def test_a_headlines_column_name_before_a_bar_is_no_part_of_it(line, title):
    # a department portal's column before its headline, set off by a bar (invented)
    byline = "2025-07-04 11:43:37 来源：市教育局 浏览次数："
    [document] = parse_text(f"{line}\n{byline}\n{NEWS_BODY}").documents
    assert document.title == title


@pytest.mark.parametrize(
    "head",
    [
        "部门动态\n发布时间：2022-03-01 10:20",  # a column's name: too short for a headline
        "原文地址：http://www.example.gov.cn/a/12345.html\n2022-03-01 10:20",  # a clipper's field
        "青山市人民政府办公室关于印发青山市\n时间：2022-03-01 10:20",  # a title cut short
        "青山市召开2022年妇女儿童工作会议\n参会人员：各区县妇儿工委办主任",  # no byline under it
        "为什么要出台这个方案？\n答：为进一步做好儿童工作。",  # a 解读's question over its answer
        "青山市召开妇女儿童工作会议\n来源：青山日报",  # a byline without a day
    ],
)
def test_lines_that_are_no_headline_give_no_title(head):
    [document] = parse_text(f"{head}\n{NEWS_BODY}").documents
    assert document.title is None


@pytest.mark.parametrize("mark", ["•", "-"])
def test_a_value_under_its_label_in_a_bulleted_field_list_is_no_title(mark):
    # a 信息公开 page's fields as a list, a label's value on the item below it
    head = "\n".join(
        f"{mark} {line}"
        for line in ["索引号:", "0010080030010/2023-05475", "组配分类:", "专项规划", "成文日期:"]
    )
    text = f"{head}\n{mark} 2023-01-12\n关于印发青山市儿童发展规划的通知\n{NEWS_BODY}"
    [document] = parse_text(text).documents
    assert document.title == "关于印发青山市儿童发展规划的通知"
    assert document.metadata.portal["组配分类"] == "专项规划"


@pytest.mark.parametrize(
    "headline",
    [
        "青山市政府常务会议审议通过市妇女儿童发展规划(2021-2030年)",
        "《青山市儿童发展规划（2021—2030年）》颁布实施",
    ],
)
def test_a_headline_reporting_what_became_of_a_plan_is_a_news_item(headline):
    [document] = parse_text(f"{headline}\n来源：本网 日期：2022-05-11 19:14\n{NEWS_BODY}").documents
    assert (document.kind, document.title) == ("other", headline)
    assert document.metadata.place == "青山市"


@pytest.mark.parametrize(
    "headline",
    [
        "青山市妇联:青山入选第三批建设国家儿童友好城市名单",
        "青山市成功入選全国儿童友好社区名單",  # a traditional-character mirror's
    ],
)
def test_a_headline_telling_a_place_entered_a_list_is_a_news_item(headline):
    # a city 妇联's news of its city entering a list (invented, in a twenty-third-reading layout):
    # the list is what it reports, no annex of its own
    byline = "发布时间:2024-03-06 来源:青山市妇联 阅读:509"
    [document] = parse_text(f"{headline}\n{byline}\n{NEWS_BODY}").documents
    assert (document.kind, document.title) == ("other", headline)


def test_a_list_a_publicity_notice_shows_stays_an_annex():
    [document] = parse_text("青山市拟入选第三批儿童友好社区名单\n一、城区\n青山社区\n").documents
    assert document.kind == "annex"


def test_a_line_saying_a_meeting_approved_something_unnamed_is_no_title():
    text = f"青山市政府常务会议审议通过\n{NEWS_BODY}"
    assert parse_text(text).documents[0].title is None


@pytest.mark.parametrize(
    "headline",
    [
        "七部门联合印发江西省孤独症儿童关爱促进行动实施方案",
        "十二部门印发《江西省儿童青少年心理健康行动方案》",
    ],
)
def test_a_headline_counting_the_organs_that_issued_a_plan_is_a_news_item(headline):
    # a news page over its date and view count: a notice names its organs, news counts them
    text = f"{headline}\n2024-07-26 700\n{NEWS_BODY}"
    [document] = parse_text(text).documents
    assert (document.kind, document.title) == ("other", headline)
    assert document.metadata.date_published == "2024-07-26"
    assert document.metadata.place == "江西省"  # the headline's count of organs is no place


@pytest.mark.parametrize("date", ["2022年3月4日", "2022-03-04"])
def test_a_signature_over_its_date_is_no_news_headline(date):
    # an office and a hospital signing on one line over a date alone: no byline, no title
    text = (
        "各设区市卫生健康委：\n请于3月底前报送本年度工作总结。\n"
        f"青山省卫生健康委办公室　青山省妇幼保健院\n{date}\n"
    )
    [letter] = parse_text(text).documents
    assert letter.title is None
    assert letter.metadata.date_written == "2022-03-04"


@pytest.mark.parametrize(
    "sentence",
    [
        "现将《国家卫生健康委办公厅关于做好某病防治工作的通知》转发给你们，请认真贯彻落实。",
        "现将国家卫生健康委办公厅关于做好某病防治工作的通知转发给你们，请认真贯彻落实。",
        "现转发国家卫生健康委办公厅关于做好某病防治工作的通知，请遵照执行。",
    ],
)
def test_a_forwarding_letter_whose_title_the_page_lost_is_a_notice(sentence):
    text = (
        f"各设区市卫生健康委：\n{sentence}\n"
        "青山省卫生健康委办公室　青山省疾控局办公室\n2022年3月4日\n"
    )
    [letter] = parse_text(text).documents
    assert (letter.kind, letter.title) == ("notice", None)
    assert letter.metadata.recipients == ["各设区市卫生健康委"]
    assert letter.metadata.date_written == "2022-03-04"


# A city bureau's page that lost its title line (fortieth reading's layout, invented): its
# portal's pipe rows, then the plan's preamble naming it (制定本实施方案) over its headings.
UNTITLED_PLAN = (
    "索引号 | 11530000-7-/2023-0301001 | 发布机构 | 青山市民政局 |\n"
    "公开目录 | 儿童福利 | 发布日期 | 2023-03-01 |\n"
    "{preamble}\n"
    "{headings}"
    "以保障儿童合法权益为目的，健全服务体系。\n"
)
HEADINGS = "一、总体要求\n（一）指导思想。\n"


@pytest.mark.parametrize(
    ("preamble", "headings", "kind"),
    [
        ("根据《青山市2023年未成年人保护工作要点》，制定本实施方案。", HEADINGS, "plan"),
        ("为做好困境儿童保障工作，结合我市实际，现提出以下意见：", HEADINGS, "plan"),
        # no heading of a text under it: nothing says a plan follows
        ("根据《青山市2023年未成年人保护工作要点》，制定本实施方案。", "", "other"),
        # a story asking others for plans of their own names no document as this one
        ("会议要求各乡镇结合实际制定本地区方案。", HEADINGS, "other"),
    ],
)
def test_a_page_that_lost_its_title_and_names_itself_a_plan_is_one(preamble, headings, kind):
    text = UNTITLED_PLAN.format(preamble=preamble, headings=headings)
    [document] = parse_text(text).documents
    assert (document.kind, document.title) == (kind, None)
    assert document.metadata.portal["发布机构"] == "青山市民政局"
    if kind == "plan":
        assert document.preamble is not None and document.preamble.text == preamble
        assert [section.title for section in document.sections] == ["总体要求"]


@pytest.mark.parametrize(
    "sentence",
    [
        # a district bureau's letter handing down its own plan, its title left in the page's
        # header (forty-first reading)
        "我局制定了《青山区儿童友好公园建设实施方案》，现印发给你们，请结合实际认真落实。",
        "现将《青山区儿童友好公园建设实施方案》印发给你们，请认真组织实施。",
    ],
)
def test_a_letter_handing_down_a_plan_whose_title_the_page_lost_is_a_notice(sentence):
    text = (
        f"各街道办事处，区有关部门：\n{sentence}\n"
        "附件：青山区儿童友好公园建设实施方案\n青山区绿化市容局\n2023年11月20日\n"
    )
    [letter] = parse_text(text).documents
    assert (letter.kind, letter.title) == ("notice", None)
    assert letter.metadata.recipients == ["各街道办事处", "区有关部门"]
    assert letter.metadata.issuer == "青山区绿化市容局"


def test_a_letter_that_forwards_nothing_stays_of_no_kind():
    text = (
        "各设区市卫生健康委：\n请于3月底前报送本年度工作总结。\n"
        "青山省卫生健康委办公室\n2022年3月4日\n"
    )
    assert parse_text(text).documents[0].kind == "other"


# A page that names no document, whose own title field repeats its title line (invented
# texts): a township portal's short article under its block of fields, and an encyclopedia
# entry's name over its summary, its infobox's 中文名 under it.
PORTAL_ARTICLE = (
    "发布机构: 青山县绿水镇政府 成文日期: 2023-04-10\n"
    "名  称: 防汛安全\n"
    "\n"
    "防汛安全\n"
    "发布日期:2023-04-10 09:30信息来源:青山县绿水镇政府 浏览量:\n"
    "各村要落实防汛责任，加强巡查值守。\n"
)
ENCYCLOPEDIA_ENTRY = (
    "青山市社区育儿驿站\n"
    "青山市社区育儿驿站\n"
    "青山市社区育儿驿站是在社区设立的，为家庭提供临时照护和育儿指导的公益服务场所。\n"
    "2023年，青山市首批建成驿站20个。\n"
    "基本介绍\n"
    "  • 中文名:青山市社区育儿驿站\n"
    "  • 建成时间:2023年\n"
)


@pytest.mark.parametrize(
    "text, title",
    [(PORTAL_ARTICLE, "防汛安全"), (ENCYCLOPEDIA_ENTRY, "青山市社区育儿驿站")],
)
def test_a_line_the_pages_own_title_field_repeats_is_its_title(text, title):
    [document] = parse_text(text).documents
    assert (document.kind, document.title) == ("other", title)


def test_a_short_line_no_title_field_repeats_is_no_title():
    for text in (
        PORTAL_ARTICLE.replace("名  称: 防汛安全", "名  称: 防汛工作"),
        ENCYCLOPEDIA_ENTRY.replace("中文名:", "外文名:"),
    ):
        assert parse_text(text).documents[0].title is None


# A news site's repost of a notice whose title line it dropped (invented): its headline, its
# stamp, then a lead-in naming the notice in 《》 over the notice's 主送机关 line.
REPOST_HEAD = "某部启动困境儿童关爱试点\n2023年05月14日 15:50\n"
REPOST_NOTICE = (
    "各省、自治区、直辖市民政厅(局),新疆生产建设兵团民政局:\n"
    "为健全困境儿童关爱服务体系，某部决定开展试点工作。现将有关事项通知如下:\n"
    "一、试点范围\n各地选择1至2个县开展试点。\n"
)


@pytest.mark.parametrize(
    "lead",
    [
        "  某部发出《关于开展困境儿童关爱试点工作的通知》全文如下:",
        "某部日前印发《关于开展困境儿童关爱试点工作的通知》。全文如下：",
    ],
)
def test_a_lead_in_naming_the_document_over_its_head_gives_its_title(lead):
    [document] = parse_text(f"{REPOST_HEAD}{lead}\n{REPOST_NOTICE}").documents
    assert (document.kind, document.title) == ("notice", "关于开展困境儿童关爱试点工作的通知")
    assert document.metadata.recipients[-1] == "新疆生产建设兵团民政局"


def test_a_lead_in_over_text_or_naming_no_document_gives_no_title():
    lead = "某部发出《关于开展困境儿童关爱试点工作的通知》全文如下:"
    over_text = f"{REPOST_HEAD}{lead}\n近日，某部决定开展试点工作。\n"
    no_type = f"{REPOST_HEAD}某部发出《困境儿童关爱试点》全文如下:\n{REPOST_NOTICE}"
    for text in (over_text, no_type):
        assert parse_text(text).documents[0].title == "某部启动困境儿童关爱试点"


REPOSTED = "《关于开展困境儿童关爱试点工作的通知》"


@pytest.mark.parametrize(
    "lead, issuer",
    [
        (f"民政部近日发出{REPOSTED}，全文如下：", "民政部"),
        (f"近日，青山市民政局印发{REPOSTED}。全文如下:", "青山市民政局"),
        (f"民政部、财政部日前联合印发{REPOSTED}全文如下：", "民政部、财政部"),
        (f"近日，青山市民政局印发{REPOSTED}。原文如下：", "青山市民政局"),
        # the organs after the first counted, as a title counts them: the first is the issuer
        (f"近日，青山省民政厅等十七部门联合印发{REPOSTED}。全文如下：", "青山省民政厅"),
        (
            f"青山省民政厅、青山省财政厅等部门日前印发{REPOSTED}全文如下：",
            "青山省民政厅、青山省财政厅",
        ),
        (f"青山省民政厅等17个部门联合发出{REPOSTED}，全文如下：", "青山省民政厅"),
        # a place's own two offices abbreviated after its name (local_offices)
        (
            f"近日，青山市委办、市政府办印发{REPOSTED}。全文如下：",
            "中共青山市委办公室、青山市人民政府办公室",
        ),
    ],
)
def test_the_organ_a_lead_in_names_before_its_verb_issued_the_document_it_reposts(lead, issuer):
    [document] = parse_text(f"{REPOST_HEAD}{lead}\n{REPOST_NOTICE}").documents
    assert document.title == "关于开展困境儿童关爱试点工作的通知"
    assert document.metadata.issuer == issuer


def test_a_lead_ins_organ_gives_way_to_a_signature_and_a_source_named_further_in_is_none():
    lead = "民政部近日发出《关于开展困境儿童关爱试点工作的通知》，全文如下："
    signed = f"{REPOST_HEAD}{lead}\n{REPOST_NOTICE}青山市民政局\n2023年5月10日\n"
    assert parse_text(signed).documents[0].metadata.issuer == "青山市民政局"
    quoted = "记者从民政部获悉，民政部发出《关于开展困境儿童关爱试点工作的通知》，全文如下："
    [document] = parse_text(f"{REPOST_HEAD}{quoted}\n{REPOST_NOTICE}").documents
    assert document.title == "关于开展困境儿童关爱试点工作的通知"
    assert document.metadata.issuer is None


# A health platform's story reposting a plan in full (invented): its headline, its stamp, a
# short lead that names the plan and announces its text, then the plan as issued — its own title
# line, its headings, its signature and date.
FULL_REPOST = (
    "{headline}\n"
    "2024年06月12日 09:30 来源：青川日报\n"
    "{lead}\n"
    "青川省学生心理健康促进行动计划\n"
    "为促进学生心理健康，制定本计划。\n"
    "一、主要目标\n"
    "到2026年，全省中小学心理辅导室建设达标率达到95%以上。\n"
    "二、重点任务\n"
    "（一）加强心理健康教育。\n"
    "{signature}"
)
REPOSTED_PLAN = "青川省学生心理健康促进行动计划"
REPOST_LEAD = f"近日，青川省教育厅等十七部门联合印发《{REPOSTED_PLAN}》，明确了今后三年的目标任务。"
PLAN_SIGNATURE = "青川省教育厅\n2024年6月5日\n"


@pytest.mark.parametrize(
    "headline, announcement",
    [
        (f"《{REPOSTED_PLAN}》印发", "全文如下："),
        (f"青川省教育厅等十七部门联合印发《{REPOSTED_PLAN}》", "详情如下:"),
        ("青川为学生心理健康护航", "\n原文如下："),
    ],
)
def test_a_story_reposting_a_document_in_full_carries_it_as_a_document(headline, announcement):
    lead = REPOST_LEAD + announcement
    text = FULL_REPOST.format(headline=headline, lead=lead, signature=PLAN_SIGNATURE)
    story, plan = parse_text(text).documents
    assert (story.kind, story.title) == ("other", headline)
    assert (plan.kind, plan.title, plan.part_of) == ("plan", REPOSTED_PLAN, story.id)
    assert [section.title for section in plan.sections] == ["主要目标", "重点任务"]
    assert [indicator.name for indicator in plan.indicators] == ["中小学心理辅导室建设达标率"]
    assert (plan.metadata.issuer, plan.metadata.date_written) == ("青川省教育厅", "2024-06-05")
    # the page's day: the plan was published on it with the story
    assert plan.metadata.date_published == "2024-06-12"
    assert plan.metadata.inherited == ["date_published"]


def test_a_story_naming_a_document_without_announcing_its_text_stays_one_story():
    lead = REPOST_LEAD + "计划要点如下："
    text = FULL_REPOST.format(
        headline=f"《{REPOSTED_PLAN}》印发", lead=lead, signature=PLAN_SIGNATURE
    )
    [story] = parse_text(text).documents
    assert (story.kind, story.title) == ("other", f"《{REPOSTED_PLAN}》印发")


# A page that heads a document's own text with a headline naming it in 《》 and telling it was
# issued or that its full text follows (invented, forty-fourth reading's layout: a TV station's
# site's 《…规划》发布!全文来了 over its byline and the plan's preamble, a mirror's 《…规划》印发
# right over the plan's first heading): the name in 《》 is the title the page left out.
HEADED_TEXT = (
    "{headline}\n"
    "{stamp}"
    "{opening}\n"
    "一、总体要求\n"
    "到2025年，全省青年体质达标率达到92%以上。\n"
    "二、重点任务\n"
    "（一）促进青年就业创业。\n"
)
HEADED_PLAN = "青川省中长期青年发展规划(2020—2025年)"
PLAN_PREAMBLE = "为促进青年更好成长，结合本省青年发展实际，制定本规划。"


@pytest.mark.parametrize(
    "headline, stamp, opening",
    [
        (f"《{HEADED_PLAN}》发布!全文来了", "某某省委办公厅 | 2021-05-04 16:40\n", PLAN_PREAMBLE),
        (f"《{HEADED_PLAN}》全文发布", "", "青年是国家的未来、民族的希望。"),
        (f"《{HEADED_PLAN}》印发", "", PLAN_PREAMBLE),
        (f"《{HEADED_PLAN}》正式印发！", "发布时间：2021-05-06 09:00\n", PLAN_PREAMBLE),
    ],
)
def test_a_headline_naming_a_document_over_its_own_text_is_its_title(headline, stamp, opening):
    text = HEADED_TEXT.format(headline=headline, stamp=stamp, opening=opening)
    [plan] = parse_text(text).documents
    assert (plan.kind, plan.title) == ("plan", HEADED_PLAN)
    assert plan.metadata.period == Period(start=2020, end=2025)
    assert [section.title for section in plan.sections] == ["总体要求", "重点任务"]


def test_a_headline_telling_a_document_was_issued_right_over_its_first_heading_is_its_title():
    text = f"《{HEADED_PLAN}》印发\n一、总体要求\n到2025年，青年体质达标率达到92%以上。\n"
    [plan] = parse_text(text).documents
    assert (plan.kind, plan.title) == ("plan", HEADED_PLAN)


def test_a_headline_naming_a_document_over_a_news_lead_stays_the_storys_title():
    # 印发 alone over a lead that tells of the document: a story, not the document's text
    headline = f"《{HEADED_PLAN}》印发"
    lead = f"近日，青川省委办公厅印发《{HEADED_PLAN}》，明确了今后五年的目标。"
    text = HEADED_TEXT.format(headline=headline, stamp="", opening=lead)
    [story] = parse_text(text).documents
    assert (story.kind, story.title) == ("other", headline)


@pytest.mark.parametrize(
    "signature, issuer",
    [
        ("", "青川省教育厅"),
        ("青川省教育厅\n青川省财政厅\n2024年6月5日\n", "青川省教育厅、青川省财政厅"),
    ],
)
def test_the_organ_a_storys_lead_counts_first_issued_the_document_it_reposts(signature, issuer):
    lead = f"近日，青川省教育厅等十七部门联合印发《{REPOSTED_PLAN}》。全文如下："
    text = FULL_REPOST.format(headline=f"《{REPOSTED_PLAN}》印发", lead=lead, signature=signature)
    story, plan = parse_text(text).documents
    # the plan names no organ of its own: the one its story's lead names first issued it
    assert (plan.part_of, plan.metadata.issuer) == (story.id, issuer)
    assert story.metadata.issuer is None


def test_a_news_apps_repost_too_short_to_stand_apart_names_its_documents_issuer():
    # a news app's account copy: a headline, the account and its time, 关注, the lead's one line
    # (no sentence of its own, so no story apart from the plan), then the plan without signature
    text = (
        f"《{REPOSTED_PLAN}》印发\n青川发布\n2024-06-12 10:23 · 青川省人民政府新闻办公室官方账号\n"
        f"关注\n近日，青川省教育厅印发《{REPOSTED_PLAN}》，全文如下：\n{REPOSTED_PLAN}\n"
        "为促进学生心理健康，制定本计划。\n一、主要目标\n到2026年，全省中小学心理辅导室建设达标率达到95%以上。\n"
    )
    [plan] = parse_text(text).documents
    assert (plan.title, plan.metadata.issuer) == (REPOSTED_PLAN, "青川省教育厅")
    # a lead announcing another document's text names no issuer of this one
    other = text.replace(
        f"印发《{REPOSTED_PLAN}》，全文", "印发《青川省学生体质健康促进方案》，全文"
    )
    [plan] = parse_text(other).documents
    assert plan.metadata.issuer is None


# A mirror's copy of a notice named only in a lead sentence, without 全文如下 (invented): the
# page's title, its date, the lead, then the notice's recipients, text and the plan it hands down.
NAMED_NOTICE = (
    "白沙市托育服务提升行动计划\n"
    "发布时间：2024-03-02\n"
    "{lead}\n"
    "各县（市、区）人民政府，市政府各部门：\n"
    "《白沙市托育服务提升行动计划》已经市政府同意，现印发给你们，请认真贯彻执行。\n"
    "{signature}"
    "2024年2月26日\n"
    "白沙市托育服务提升行动计划\n"
    "为发展普惠托育服务，制定本计划。\n"
    "一、总体要求\n"
    "到2026年，每千人口拥有3岁以下婴幼儿托位数达到4.5个。\n"
)
NAMED = "关于印发《白沙市托育服务提升行动计划》的通知"


@pytest.mark.parametrize(
    "lead, signature, issuer",
    [
        (f"白沙市人民政府办公室发布{NAMED}。", "", "白沙市人民政府办公室"),
        (f"近日，白沙市人民政府办公室印发了{NAMED}", "", "白沙市人民政府办公室"),
        (f"白沙市卫生健康委员会发布{NAMED}。", "白沙市人民政府办公室\n", "白沙市人民政府办公室"),
    ],
)
def test_a_notice_named_only_in_a_lead_sentence_starts_a_document(lead, signature, issuer):
    notice, plan = parse_text(NAMED_NOTICE.format(lead=lead, signature=signature)).documents
    assert (notice.kind, notice.title) == ("notice", NAMED)
    assert notice.metadata.issuer == issuer
    assert notice.metadata.recipients == ["各县（市、区）人民政府", "市政府各部门"]
    assert (plan.kind, plan.title) == ("plan", "白沙市托育服务提升行动计划")


def test_a_lead_sentence_naming_a_notice_over_prose_starts_no_document():
    story = (
        "白沙市托育服务再上新台阶\n"
        f"近日，白沙市人民政府办公室印发{NAMED}。\n"
        "计划提出，到2026年全市托位数达到1万个。\n"
    )
    [document] = parse_text(story).documents
    # one story, titled by its headline over the lead (no notice's title)
    assert (document.kind, document.title) == ("other", "白沙市托育服务再上新台阶")


# The same copy whose lead names the notice without 关于, its organ and verb part of the title as
# such titles run (某市人民政府印发《…》的通知): a lead sentence — a day before it or a full stop
# after it — and the same words as the notice's own title line give the same notice.
UNNAMED = "白沙市人民政府办公室印发《白沙市托育服务提升行动计划》的通知"


@pytest.mark.parametrize(
    "lead",
    [
        f"{UNNAMED}。",
        f"近日，{UNNAMED}",
        f"2024年3月1日，{UNNAMED}。",
        UNNAMED,  # no lead: the notice's title line
        # a story's lead puts 了 after the verb: the notice's title is the words around it
        "近日，" + UNNAMED.replace("印发", "印发了") + "。",
        UNNAMED.replace("印发", "印发了") + "。",
    ],
)
def test_a_notice_named_without_guanyu_in_a_lead_sentence_starts_that_notice(lead):
    notice, plan = parse_text(NAMED_NOTICE.format(lead=lead, signature="")).documents
    assert (notice.kind, notice.title) == ("notice", UNNAMED)
    assert notice.metadata.issuer == "白沙市人民政府办公室"
    assert notice.metadata.recipients == ["各县（市、区）人民政府", "市政府各部门"]
    assert (plan.kind, plan.title) == ("plan", "白沙市托育服务提升行动计划")


@pytest.mark.parametrize(
    "first, kind, title",
    [
        (f"近日，{UNNAMED}。", "other", None),  # a story's lead tells of the notice
        (UNNAMED, "notice", UNNAMED),  # a title line is a title, whatever follows
    ],
)
def test_a_lead_naming_a_notice_without_guanyu_is_told_from_its_title_line(first, kind, title):
    story = f"{first}\n计划提出，到2026年全市托位数达到1万个，普惠托位占比达到六成。\n"
    [document] = parse_text(story).documents
    assert (document.kind, document.title) == (kind, title)


# A news page whose theme prints year, month/day and time side by side (invented), copied with
# them one a line, or on one line.
STORY_LEAD = "5月20日，青山市首个儿童友好公园正式向市民开放。\n公园设有儿童游乐区和亲子阅读角。\n"


@pytest.mark.parametrize(
    "stamp",
    ["2020\n05/21\n20:37\n", "2020\n05/21\n20:37:12\n来源：青山新闻网\n", "2020 05/21 20:37:12\n"],
)
def test_a_headline_over_a_stamp_of_year_month_day_and_time_is_the_storys_title(stamp):
    [story] = parse_text(f"青山市儿童友好公园正式开放\n{stamp}{STORY_LEAD}").documents
    assert (story.kind, story.title) == ("other", "青山市儿童友好公园正式开放")
    assert story.metadata.date_published == "2020-05-21"


def test_a_year_and_a_fraction_without_a_time_stay_lines_of_their_own():
    text = "青山市儿童友好公园正式开放\n2020\n05/21\n完成率\n" + STORY_LEAD
    blocks = normalize(blocks_from_text(text, "x.txt")[0])
    assert block_texts(blocks[:4]) == ["青山市儿童友好公园正式开放", "2020", "05/21", "完成率"]
    assert parse_text(text).documents[0].metadata.date_published is None


# A news app's copy of an agency's story (invented, twenty-second reading's layout): a share
# widget's residue, the headline, the agency's handle and a toolbar word instead of a byline,
# the story, then a note of the headline the agency gave it, its column tag before a bar.
ORIGINAL_TITLE_STORY = (
    "- +1\n"
    "{headline}\n"
    "@某某社\n"
    "字号\n"
    "记者25日从某部获悉，某部近日联合13个部门出台了《关于推进儿童福利机构转型发展的意见》。\n"
    "据了解，全国县级儿童福利机构将在两年内完成转型。\n"
    "{note}\n"
    "责任编辑：张某\n"
)


@pytest.mark.parametrize(
    "headline, note",
    [
        ("两年内县级儿童福利机构将完成转型", "(原题为《快报 | 两年内县级儿童福利机构将完成转型》)"),
        (
            "兩年內縣級兒童福利機構將完成轉型",
            "（原題為《權威快報｜兩年內縣級兒童福利機構將完成轉型》）",
        ),
        ("两年内县级儿童福利机构将完成转型", "原标题：两年内县级儿童福利机构将完成转型"),
    ],
)
def test_a_headline_the_note_of_its_sources_headline_repeats_is_the_pages_title(headline, note):
    text = ORIGINAL_TITLE_STORY.format(headline=headline, note=note)
    [document] = parse_text(text).documents
    assert (document.kind, document.title) == ("other", headline)


def test_a_line_the_note_of_the_sources_headline_does_not_repeat_is_no_title():
    note = "(原题为《快报 | 县级儿童福利机构转型工作全面启动》)"
    text = ORIGINAL_TITLE_STORY.format(headline="两年内县级儿童福利机构将完成转型", note=note)
    assert parse_text(text).documents[0].title is None


# A digital newspaper's page (invented, twenty-second reading's layout): the edition's day, the
# page's label, the headline, its deck of points after bullets on one line, then the story.
NEWSPAPER_PAGE = (
    "2023年11月21日\n"
    "第A06版：健康·资讯 PDF版\n"
    "{headline}\n"
    "{deck}\n"
    "11月14日，某委等五部门联合发布《家庭托育点管理办法（试行）》。办法规定，家庭托育点"
    "收托婴幼儿数不得超过5人。\n"
    "办法还对托育点的场地和人员提出了要求。\n"
)


@pytest.mark.parametrize(
    "headline, deck",
    [
        ("家庭托育点管理办法发布", "■收托人数不得超过5人 ■每名人员最多看护3名婴幼儿"),
        ("家庭托育點管理辦法發布", "■收托人數不得超過5人■托育點應符合安全質量標準"),
        ("五部门明确家庭托育点的设置要求", "●收托人数有上限 ●照护人员须持证"),
    ],
)
def test_a_headline_over_its_deck_of_points_is_the_pages_title(headline, deck):
    text = NEWSPAPER_PAGE.format(headline=headline, deck=deck)
    [document] = parse_text(text).documents
    # the page label is no part of it, nor is the deck, though it ends like a title (…标准)
    assert (document.kind, document.title) == ("other", headline)


def test_a_line_over_one_bulleted_point_is_no_headline():
    # a plan's text: one point after a bullet under a line of text is no newspaper's deck
    text = NEWSPAPER_PAGE.format(headline="家庭托育点管理办法发布", deck="■收托人数不得超过5人")
    assert parse_text(text).documents[0].title != "家庭托育点管理办法发布"


# News of a list prints the list under its own title line inside the story (a city's 首批儿童友好
# 社区 named, a county's 示范家庭 announced); the story is no page header of a list document.
_LIST_STORY = (
    "青禾市公布首批儿童友好社区\n"
    "为营造儿童友好的成长环境，市妇儿工委办公室会同市民政局、市妇联组织专家组，对各地申报的社区"
    "进行了实地评审，近日确定8个社区为首批青禾市儿童友好社区，并予以命名。\n"
    "{title}\n"
    "东城区桂花街道锦绣社区\n"
    "西城区河口街道新桥社区\n"
    "南湖县城关镇滨江社区\n"
)


@pytest.mark.parametrize("title", ["首批青禾市儿童友好社区名单", "青禾市儿童友好社区一览表"])
def test_a_list_inside_a_news_story_is_part_of_the_story(title):
    documents = parse_text(_LIST_STORY.format(title=title)).documents
    assert len(documents) == 1
    assert documents[0].kind == "other"
    preamble = documents[0].preamble
    assert preamble is not None
    assert "实地评审" in preamble.text and "南湖县城关镇滨江社区" in preamble.text


def test_a_list_under_a_letter_or_an_annex_mark_is_still_a_document_of_its_own():
    letter = (
        "各区县妇儿工委办公室：\n"
        "经各地申报、专家评审，现将首批青禾市儿童友好社区名单予以公布，请各地加强指导，持续推进"
        "儿童友好社区建设，发挥示范带动作用。\n"
        "青禾市妇女儿童工作委员会办公室\n"
        "2024年5月20日\n"
        "首批青禾市儿童友好社区名单\n"
        "东城区桂花街道锦绣社区\n"
    )
    documents = parse_text(letter).documents
    assert [d.kind for d in documents] == ["notice", "annex"]
    marked = _LIST_STORY.format(title="附件\n首批青禾市儿童友好社区名单")
    assert parse_text(marked).documents[-1].title == "首批青禾市儿童友好社区名单"


def test_a_list_title_over_the_list_alone_starts_its_document():
    documents = parse_text("首批青禾市儿童友好社区名单\n东城区桂花街道锦绣社区\n").documents
    assert documents[0].kind == "annex"
    assert documents[0].metadata.place == "青禾市"


def test_a_page_with_no_title_line_is_titled_by_its_title_field():
    # a 留言 page: the letter and the reply under their fields, no title line
    letter = (
        "标题：关于在小区增设儿童游乐设施的建议\n"
        "来信时间：2025-03-02\n"
        "来信内容：我们小区有不少学龄前儿童，但没有一处可以玩耍的场地，希望有关部门予以考虑。\n"
        "答复部门：青禾市住房和城乡建设局\n"
        "答复内容：您好！您的来信已收悉，我局将督促物业企业在更新改造中统筹考虑。\n"
    )
    [document] = parse_text(letter).documents
    assert (document.kind, document.title) == ("other", "关于在小区增设儿童游乐设施的建议")
    # a portal article whose title line the copy lost: the field's type word gives the kind
    plan = "标题：青禾县儿童友好城市建设实施方案\n发布时间：2024-03-01\n一、总体要求\n儿童优先。"
    [document] = parse_text(plan).documents
    assert (document.kind, document.title) == ("plan", "青禾县儿童友好城市建设实施方案")
    assert [section.title for section in document.sections] == ["总体要求"]


@pytest.mark.parametrize(
    ("head", "title"),
    [
        # a news site's stamp one part a line, its year between dashes (—2024— / 01/10 / …)
        ("青禾县召开妇女儿童工作会议\n—2024—\n01/10\n17:46:18\n", "青禾县召开妇女儿童工作会议"),
        # a county media centre's lead signed 云上某某报道(记者 …), its byline dropped
        (
            "群策群力推进妇儿工作\n©原创   07-08 07:56   青禾县融媒体中心\n",
            "群策群力推进妇儿工作",
        ),
    ],
)
def test_a_headline_over_a_news_sites_stamp_or_a_media_centres_lead(head, title):
    lead = "云上青禾报道(记者 某某 实习生 某某)7月7日,全县妇女儿童工作委员会全体会议召开。\n"
    [item] = parse_text(head + lead).documents
    assert (item.kind, item.title) == ("other", title)


def test_a_sites_name_row_over_a_hooked_headline_is_no_part_of_it():
    # a news portal's name and a link beside it, then the headline straight over the story
    headline = "如何让孩子更快乐？白沙市出台儿童友好行动计划"
    [item] = parse_text(f"白沙在线 | 白沙新闻\n{headline}\n{HOOKED_STORY}").documents
    assert (item.kind, item.title, item.metadata.place) == ("other", headline, "白沙市")


def test_a_content_farms_dotted_byline_dates_the_headline_over_it():
    # a repost template's byline: the poster, the stamp and the view count set apart by dots
    headline = "青禾市首批儿童友好社区名单出炉"
    story = _LIST_STORY.format(title="首批青禾市儿童友好社区名单").split("\n", 1)[1]
    text = f"{headline}\n青禾小编 · 2024-06-18 09:12 · 阅读 1205\n{story}"
    [item] = parse_text(text).documents
    assert (item.kind, item.title, item.metadata.date_published) == (
        "other",
        headline,
        "2024-06-18",
    )


def test_a_headline_over_a_mirrors_address_outlet_and_day_and_a_trending_tag():
    # a spam mirror of a regional news site: the site's address, the outlet in 【】 and the day
    # under the headline; a content farm's trending tag after another headline
    lead = "日前，《青溪市2024年幼儿园招生工作意见》正式出台，今年计划招收小班165个。\n"
    mirror = "青溪幼儿园招生有四个变化\nhttp://www.example.cn【某某经济网】2024-05-06\n" + lead
    [item] = parse_text(mirror).documents
    assert (item.title, item.metadata.date_published) == ("青溪幼儿园招生有四个变化", "2024-05-06")
    assert item.indicators == []
    farm = "青溪县幼儿园招生对象+时间 全球热门\n2023-07-01 13:06:22\n(资料图)\n" + lead
    [item] = parse_text(farm).documents
    assert item.title == "青溪县幼儿园招生对象+时间"
    assert item.preamble is not None and "资料图" not in item.preamble.text


@pytest.mark.parametrize(
    ("tag", "related"),
    [("世界焦点!", "[ 相关文章 ]"), ("天天快讯！", "相关推荐"), ("环球热点 !", "【相关阅读】")],
)
def test_a_repost_farms_trending_tag_before_a_headline_printed_twice(tag, related):
    # a repost farm's copy of a wire story (forty-third reading): its trending tag and an
    # exclamation mark before the headline, the photo's placeholder in 【】, the headline again
    # without the tag, and its related-articles caption in brackets over the trailer
    headline = "青川省发文加快完善婴幼儿照护服务支持措施"
    text = (
        "首页 >  资讯 >  详情\n\n"
        f"{tag}{headline}\n\n2024-05-06 10:12:30来源:某某网\n\n【资料图】\n\n{headline}\n\n"
        "青川省卫健委发布《关于加快完善婴幼儿照护服务支持措施的实施意见》，其中提出，"
        f"扩大普惠托育服务供给。（某某日报）\n\n{related}\n青川省出台托育机构管理办法\n"
    )
    [story] = parse_text(text).documents
    assert (story.kind, story.title) == ("other", headline)
    assert story.metadata.date_published == "2024-05-06"
    assert story.preamble is not None
    assert "资料图" not in story.preamble.text
    assert "相关" not in story.preamble.text
    assert "托育机构管理办法" not in story.preamble.text


@pytest.mark.parametrize("colon", [":", "："])
def test_a_letter_pages_title_field_titles_it_and_its_text_label_is_no_recipient(colon):
    # a county's 县长信箱 page (invented, in a twenty-sixth-reading layout): the letter and the
    # reply under their fields, 内容: alone over the letter's text
    title = "关于青溪县白沙镇中心幼儿园午休床铺问题"
    text = (
        f"信件公示\n\n标题{colon} {title}\n来信时间{colon} 2024-3-2 10:15:00\n内容{colon}\n\n"
        "我是白沙镇中心幼儿园的家长，孩子午休的床铺不够，希望尽快解决。\n\n受理回复\n\n"
        f"回复时间{colon} 2024-3-6 9:09:40\n回复内容{colon}\n\n某某同志，你好：\n"
        "   接到来信后，县教育局安排白沙镇中心学校进行了调查。\n   一、调查情况\n反映的问题属实。\n"
    )
    [document] = parse_text(text).documents
    assert (document.kind, document.title) == ("other", title)
    assert document.metadata.recipients == []
    assert document.metadata.place == "青溪县"
    assert document.metadata.portal["来信时间"] == "2024-3-2 10:15:00"


def test_a_headline_counting_the_organs_that_jointly_issued_a_plan_is_a_news_item():
    # a news app's story (invented, in a twenty-sixth-reading layout): 某省14部门联合发文推进…
    headline = "速看!江西省14部门联合发文推进母乳喂养促进行动计划"
    text = (
        f"{headline}\n\n2022年10月03日 10:42:35 来源：某某新闻\n\n"
        "近日，江西省卫生健康委等14个部门共同制定了《江西省母乳喂养促进行动计划实施方案》。"
        "方案提出，到2025年，公共场所母婴设施配置率达到80%以上。\n"
    )
    [document] = parse_text(text).documents
    assert (document.kind, document.title) == ("other", headline)
    assert document.metadata.place == "江西省"


def test_a_sharing_sites_file_facts_one_bullet_a_line_stay_out_of_the_title():
    # a document-sharing site's preview (invented, in a twenty-sixth-reading layout): the file's
    # name with its VIP badge, its facts one bullet a line, then the document
    title = "2026年某市母乳喂养促进计划"
    text = (
        f"{title}.docxVIP\n\n  • 0\n  • 0\n  • 约3.8千字\n  • 约 10页\n"
        "  • 2026-03-19 发布于四川\n  • 举报\n\n"
        f"{title}\n\n为提升母乳喂养水平，制定本计划。\n\n一、总体目标\n\n"
        "到2026年底，全市6个月内纯母乳喂养率达到55%以上。\n"
    )
    [document] = parse_text(text).documents
    assert (document.kind, document.title) == ("plan", title)


def test_a_plans_line_led_by_the_content_label_stays_its_text():
    # 内容： is a letter page's label, but a plan's item may open a line with it too
    text = (
        "某县儿童节活动方案\n为丰富儿童节日生活，制定本方案。\n一、活动安排\n"
        "内容：开展儿童关爱活动，为留守儿童送去节日礼物。\n地点：县文化馆。\n二、工作要求\n各单位认真落实。\n"
    )
    [document] = parse_text(text).documents
    assert document.sections[0].text.startswith("内容：开展儿童关爱活动")


def test_a_letter_pages_text_after_its_content_label_keeps_its_goals():
    # a 市长信箱 page whose reply runs on after 答复内容： on its line (invented): the reply is
    # text, not a portal value, so the goals it states are read
    text = (
        "标题：关于增加普惠托位的建议\n来信时间：2025-03-01\n"
        "来信内容：希望多建一些普惠托育点。\n答复时间：2025-03-10\n"
        "答复内容：您好！到2025年底，全市普惠托位占比达到60%以上。感谢您的来信！\n"
    )
    [document] = parse_text(text).documents
    assert [i.name for i in document.indicators] == ["普惠托位占比"]


@pytest.mark.parametrize(
    ("tag", "fields"),
    [
        ("【教研信息】", "发布时间：2024-05-10 来源：青溪区第一小学\n"),
        ("【学校动态】", "发布时间：2024-05-10\n"),
        ("【校园新闻】", ""),
        ("【教育资讯】", "发布时间：2024-05-10\n"),
    ],
)
def test_a_school_portals_column_tag_is_no_part_of_the_title(tag, fields):
    # a school's portal files its pages under columns and prints the column in brackets
    # before each title (twenty-sixth reading; invented, in that layout)
    name = "青溪区家校社协同育人“教联体”建设实施方案"
    text = (
        f"{tag}{name}\n{fields}为推进家校社协同育人，制定本方案。\n"
        "一、工作目标\n到2025年，全区建成教联体10个。\n"
    )
    doc = parse_text(text).documents[0]
    assert (doc.title, doc.metadata.place) == (name, "青溪区")


def test_a_law_databases_bracketed_labels_stay_fields_beside_column_tags():
    # 【制定机关】 / 【发布日期】: labels in brackets, a field a line, never a column tag
    text = (
        "•【制定机关】青溪市人民政府\n•【发布日期】2022.03.01\n•【时效性】现行有效\n"
        "青溪市儿童发展规划\n一、总体目标\n到2030年，儿童发展环境更加优化。\n"
    )
    doc = parse_text(text).documents[0]
    assert doc.title == "青溪市儿童发展规划"
    assert doc.metadata.issuer == "青溪市人民政府"
    assert doc.metadata.date_published == "2022-03-01"


@pytest.mark.parametrize(
    ("first", "title"),
    [
        # a news site's copy: the headline, then the lead opening with its day, no byline
        ("江苏：首批省级儿童友好社区名单新鲜出炉", "江苏：首批省级儿童友好社区名单新鲜出炉"),
        ("青溪市首批儿童友好社区名单出炉", "青溪市首批儿童友好社区名单出炉"),
        # the page's organ over the lead is the page's name, no headline
        ("青溪县妇女联合会", None),
    ],
    ids=["province-colon", "city", "organ"],
)
def test_a_headline_with_neither_byline_nor_dateline_titles_the_story_under_it(first, title):
    text = (
        f"{first}\n3月8日，省妇儿工委公布首批儿童友好社区名单，全省共有50个社区入选。\n"
        "据介绍，到2025年，全省将建成儿童友好社区200个。\n"
    )
    [story] = parse_text(text).documents
    assert (story.kind, story.title) == ("other", title)


@pytest.mark.parametrize(
    ("first", "lead", "title", "place"),
    [
        # a regional headline, its place and a colon, over a lead that opens with no day
        (
            "陕西：建立覆盖城乡的家庭教育指导服务体系",
            "家庭教育在儿童成长中的作用日益受到重视，全省将普遍建立家长学校。",
            "陕西：建立覆盖城乡的家庭教育指导服务体系",
            "陕西",
        ),
        (
            "青溪市:多措并举推进儿童之家建设",
            "全市已建成儿童之家120个，覆盖所有城乡社区。",
            "青溪市:多措并举推进儿童之家建设",
            "青溪市",
        ),
        # recipients name no place of their own; a heading under the line is no lead
        ("各区县：现将儿童之家建设有关事项通知如下", "请各单位认真贯彻落实。", None, None),
        ("陕西：建立覆盖城乡的家庭教育指导服务体系", "一、总体要求", None, None),
    ],
    ids=["province", "city-half-width", "recipients", "over-a-heading"],
)
def test_a_place_headline_over_an_undated_lead_titles_the_story(first, lead, title, place):
    [story] = parse_text(f"{first}\n{lead}\n").documents
    assert (story.title, story.metadata.place) == (title, place)


def test_a_first_line_over_a_dated_lead_lower_on_the_page_is_no_headline():
    # only the page's head: a line further down over a dated sentence is text
    text = (
        "青溪市儿童友好社区建设情况\n一、建设进展\n首批儿童友好社区名单已经公布\n"
        "近日，全市首批儿童友好社区名单公布。\n"
    )
    [report] = parse_text(text).documents
    assert report.title != "首批儿童友好社区名单已经公布"


# A title closed by a note in brackets on how to read what follows: (line, kind or None).
TITLE_NOTES = [
    ("青溪区儿童友好城区建设任务分解表（排名第一的为牵头单位）", "annex"),
    ("某县未成年人保护工作责任清单(列首位的为牵头部门)", "plan"),
    ("某市儿童友好城市建设实施方案（标注星号的为约束性任务）", "plan"),
    # a year in the brackets is a period, not a note; prose in brackets is a line of text
    ("某区儿童友好城区建设任务分解表（2023年为起始年）", None),
    ("某区儿童友好城区建设任务分解表（各单位为责任主体。）", None),
    # a note after a line that names no document type leaves it no title
    ("建立儿童友好工作台账（各街道为责任主体）", None),
]


@pytest.mark.parametrize(("line", "kind"), TITLE_NOTES)
def test_a_note_in_brackets_after_a_title_leaves_it_a_title(line, kind):
    assert title_kind(line) == kind


# A standard issued in parts, its part after its name: (line, kind or None).
STANDARD_PARTS = [
    ("青溪市儿童友好城市建设导则 第1部分：总则", "plan"),
    ("某省托育机构服务规范 第2部分:膳食管理", "plan"),
    ("某市母婴设施建设指南第三部分：公共场所", "plan"),
    # a part after a name without a type word, a file's name, or a part alone: no title
    ("儿童友好城市建设 第1部分：总则", None),
    ("青溪市儿童友好城市建设导则 第1部分:总则.pdf", None),
    ("第1部分：总则", None),
]


@pytest.mark.parametrize(("line", "kind"), STANDARD_PARTS)
def test_a_standards_part_after_its_name_leaves_it_a_title(line, kind):
    assert title_kind(line) == kind


def test_a_sharing_sites_preview_of_a_standards_part_is_titled_by_it():
    # a document-sharing site's preview (invented, thirty-second-reading layout): the file's
    # name with its part and VIP badge, twice, its numbered notes as a Markdown list, a 查看更多
    # button, then the standard
    name = "青溪市儿童友好城市建设导则 第1部分:总则"
    text = (
        f"{name}.pdfVIP\n\n{name}.pdf\n\n"
        "  1. 1、本文档共9页,可阅读全部内容。\n"
        "  2. 2、某某文档(example)网站文档一经付费(服务费),不意味着购买了该文档的版权。\n"
        "  3. 3、本站所有内容均由合作方或网友上传,本站不对文档的完整性做任何保证。\n"
        "  5. 5、该文档为VIP文档,如果想要下载,成为VIP会员后,下载免费。\n"
        "查看更多\n"
        f"{name}\n1 范围\n本文件规定了青溪市儿童友好城市建设的基本原则。\n"
        "2 基本原则\n坚持儿童优先。\n"
    )
    [document] = parse_text(text).documents
    assert (document.kind, document.title) == ("plan", "青溪市儿童友好城市建设导则第1部分:总则")
    assert document.metadata.place == "青溪市"
    assert document.preamble is None or "文档" not in document.preamble.text
    assert [s.title for s in document.sections] == ["范围", "基本原则"]


def test_a_task_table_titled_with_a_note_on_its_lead_units_is_a_titled_annex():
    # a district's task table published on its own: the title and its note on one line,
    # the table under it
    text = (
        "青溪区儿童友好城区建设任务分解表（排名第一的为牵头单位）\n"
        "| 序号 | 重点任务 | 责任单位 | 完成时限 |\n"
        "| --- | --- | --- | --- |\n"
        "| 1 | 新建儿童友好公园3个 | 区住建委、区民政局 | 2025年底 |\n"
        "| 2 | 建成儿童之家20个 | 区民政局、区妇联 | 2024年底 |\n"
    )
    [table] = parse_text(text).documents
    assert table.title == "青溪区儿童友好城区建设任务分解表（排名第一的为牵头单位）"
    assert table.kind == "annex"
    assert table.metadata.place == "青溪区"
    assert [unit.name for unit in table.responsibilities[0].lead] == ["区住建委"]


# An indicator table saved as a file of its own (a plan's 附件 on a portal), its title over it.
_INDICATOR_ANNEX = "{title}\n序号\t指标名称\t单位\t2022年\t2025年\n1\t儿童之家覆盖率\t%\t90\t100\n"


@pytest.mark.parametrize(
    "title, place",
    [
        ("青禾市儿童友好城市建设主要指标", "青禾市"),
        ("白沙区儿童友好城区建设评价指标体系", "白沙区"),
        ("附件1\n南湖县妇女发展规划主要指标表", "南湖县"),
    ],
)
def test_an_indicator_table_under_its_own_title_is_an_annex(title, place):
    [document] = parse_text(_INDICATOR_ANNEX.format(title=title)).documents
    assert document.kind == "annex"
    assert document.title == title.rpartition("\n")[2]
    assert document.metadata.place == place
    assert [i.name for i in document.indicators] == ["儿童之家覆盖率"]


def test_a_box_heading_naming_indicators_inside_a_plan_starts_no_document():
    plan = (
        "青禾市儿童友好城市建设实施方案\n一、主要目标\n到2025年，儿童友好理念深入人心。\n"
        + _INDICATOR_ANNEX.format(title="青禾市儿童友好城市建设主要指标")
        + "二、保障措施\n加强组织领导。\n"
    )
    [document] = parse_text(plan).documents
    assert document.kind == "plan"
    assert [s.title for s in document.sections] == ["主要目标", "保障措施"]


@pytest.mark.parametrize(
    "caption", ["专栏1 主要指标", "表2 重点项目一览表", "附表1 青禾市儿童友好城市建设主要指标"]
)
def test_a_box_or_table_caption_opening_the_text_is_no_title(caption):
    """A text that opens with a box's caption (a 专栏 cut out of a plan) is untitled: the caption
    labels the table, as it does inside the plan."""
    [document] = parse_text(_INDICATOR_ANNEX.format(title=caption)).documents
    assert document.title is None
    [table] = document.tables
    assert table.label == caption.split(" ")[0]


# A 范文 site's bundle of essays under one title (invented): its title counting them, its
# stamp, then each essay under its mark (【第一篇】 or 篇一：), on the essay's title line or alone
# above it.
BUNDLE = (
    "学校心理健康教育实施方案（精选3篇）\n"
    "时间:2024-03-01 10:20 分享:网友\n"
    "{1}青山小学心理健康教育实施方案\n"
    "为促进学生身心健康发展，结合我校实际，制定本方案。\n"
    "一、指导思想\n"
    "坚持育心与育德相结合。\n"
    "二、工作目标\n"
    "到2025年，心理健康教育课程开课率达到100%。\n"
    "{2}青山中学心理健康教育实施方案\n"
    "一、工作目标\n"
    "到2025年，专职心理健康教师配备率达到90%。\n"
    "二、工作措施\n"
    "（一）建设心理辅导室。\n"
    "{3}青山职业学校心理健康教育实施方案\n"
    "一、总体要求\n"
    "全面加强学生心理健康教育。\n"
)


@pytest.mark.parametrize(
    "marks",
    [
        ("【第一篇】", "【第二篇】", "【第三篇】"),
        ("【第一篇】\n", "【第二篇】\n", "【第三篇】\n"),
        ("篇一：", "篇二：", "篇三："),
        ("篇1:\n", "篇2:\n", "篇3:\n"),
    ],
)
def test_each_essay_of_a_bundle_under_its_mark_is_a_document(marks):
    text = BUNDLE.replace("{1}", marks[0]).replace("{2}", marks[1]).replace("{3}", marks[2])
    documents = parse_text(text).documents
    assert [(d.kind, d.title) for d in documents] == [
        ("plan", "青山小学心理健康教育实施方案"),
        ("plan", "青山中学心理健康教育实施方案"),
        ("plan", "青山职业学校心理健康教育实施方案"),
    ]
    assert [[s.title for s in d.sections] for d in documents] == [
        ["指导思想", "工作目标"],
        ["工作目标", "工作措施"],
        ["总体要求"],
    ]
    assert [[i.name for i in d.indicators] for d in documents] == [
        ["心理健康教育课程开课率"],
        ["专职心理健康教师配备率"],
        [],
    ]
    # the bundle's stamp dates the page, above the first essay
    assert documents[0].metadata.date_published == "2024-03-01"


def test_a_plans_own_parts_numbered_by_pian_stay_its_outline():
    text = (
        "青山市国民经济和社会发展第十四个五年规划纲要\n"
        "第一篇 开启新征程\n"
        "第一章 发展环境\n"
        "青山市发展基础坚实。\n"
        "第二篇 坚持创新驱动发展\n"
        "第二章 建设创新型城市\n"
        "到2025年，研发经费投入强度达到3%。\n"
    )
    [plan] = parse_text(text).documents
    assert plan.title == "青山市国民经济和社会发展第十四个五年规划纲要"


@pytest.mark.parametrize(
    ("cover", "title"),
    [
        # a report's cover: what it reports on over its type alone on a line (thirty-fourth
        # reading: a foundation's 评估报告 on a document site)
        ("青川县学生营养改善计划\n\n评估报告\n", "青川县学生营养改善计划评估报告"),
        (
            "河阳市儿童发展规划（2021—2030年）\n实施情况中期评估报告\n",
            "河阳市儿童发展规划（2021—2030年）实施情况中期评估报告",
        ),
        ("某区妇女发展规划\n统计监测报告\n", "某区妇女发展规划统计监测报告"),
    ],
)
def test_a_report_type_alone_on_the_cover_line_under_its_subject(cover, title):
    text = cover + "一、评估背景\n2021年以来，全县儿童死亡率下降到3‰。\n二、主要成效\n正文。\n"
    doc = parse_text(text).documents[0]
    assert doc.title == title
    assert doc.kind == "other"
    # a report of results states no goals, and its type line is no preamble of it
    assert doc.indicators == []
    assert doc.preamble is None


@pytest.mark.parametrize(
    ("head", "title"),
    [
        # a plan carrying out a measure wraps before its own type (forty-third reading: a
        # 领导小组's notice and its 工作方案 on a district portal)
        ("南岭县贯彻落实积极生育支持措施\n工作方案\n", "南岭县贯彻落实积极生育支持措施工作方案"),
        ("青川市育儿补贴发放管理办法\n实施细则\n", "青川市育儿补贴发放管理办法实施细则"),
        ("河阳区托育服务体系建设规划\n三年行动计划\n", "河阳区托育服务体系建设规划三年行动计划"),
    ],
)
def test_a_plan_type_alone_on_the_line_under_the_measure_it_carries_out(head, title):
    text = (
        head
        + "为落实上级部署，制定本方案。\n一、总体要求\n坚持以人民为中心。\n二、主要任务\n正文。\n"
    )
    [doc] = parse_text(text).documents
    assert doc.title == title
    assert doc.kind == "plan"
    assert [section.title for section in doc.sections] == ["总体要求", "主要任务"]


def test_a_plan_carried_by_a_notice_keeps_its_type_line_under_its_subject():
    text = (
        "南岭县人口与计划生育工作领导小组\n"
        "关于印发南岭县贯彻落实积极生育支持措施工作方案的通知\n"
        "南人口计生领〔2024〕2号\n"
        "各乡镇人民政府，各街道办事处：\n"
        "《南岭县贯彻落实积极生育支持措施工作方案》已经县政府同意，现印发给你们，请认真贯彻执行。\n"
        "南岭县人口与计划生育工作领导小组\n"
        "2024年5月6日\n"
        "南岭县贯彻落实积极生育支持措施\n"
        "工作方案\n"
        "为落实上级部署，制定本方案。\n"
        "一、总体要求\n"
        "到2025年，每千人口拥有3岁以下婴幼儿托位数达到4.5个。\n"
    )
    notice, plan = parse_text(text).documents
    assert plan.title == "南岭县贯彻落实积极生育支持措施工作方案"
    assert plan.part_of == notice.id


def test_a_plan_title_is_not_continued_by_a_sentence_naming_a_report():
    text = (
        "青川县儿童发展规划\n\n评估报告由县统计局编制。\n"
        "一、发展目标\n到2025年，婴儿死亡率控制在5‰以下。\n"
    )
    doc = parse_text(text).documents[0]
    assert doc.title == "青川县儿童发展规划"
    assert doc.kind == "plan"


@pytest.mark.parametrize("colon", [":", "："])
def test_a_bureau_pages_empty_policy_file_field_is_no_recipient(colon):
    # a district bureau's 公示公告 page (invented, in a thirty-sixth-reading layout): the
    # headline, its 日期 stamp, then 政策文件: with nothing after it over the procedure itself
    text = (
        "我局关于青溪市家庭托育点备案的办理程序\n"
        f"日期{colon}2024-05-06 10:21\n政策文件{colon}\n\n"
        "  青溪市家庭托育点备案办理程序\n\n  一、受理部门\n\n  各区卫生健康局负责备案。\n\n"
        "  二、所需材料\n\n  (一)营业执照;\n\n  (二)场地证明。\n"
    )
    [document] = parse_text(text).documents
    assert document.metadata.recipients == []
    assert document.metadata.portal["政策文件"] == "青溪市家庭托育点备案办理程序"
    assert document.metadata.date_published == "2024-05-06"
    assert [section.title for section in document.sections] == ["受理部门", "所需材料"]


def test_a_plans_line_led_by_the_policy_file_label_stays_its_text():
    # 政策文件： is a portal's field, but a plan's item may open a line with it too
    text = (
        "某县惠企政策宣传活动方案\n为宣传惠企政策，制定本方案。\n一、宣传内容\n"
        "政策文件：汇编近三年出台的惠企政策文件。\n二、工作要求\n各单位认真落实。\n"
    )
    [document] = parse_text(text).documents
    assert document.sections[0].text.startswith("政策文件：汇编")


@pytest.mark.parametrize("colon", ["：", ":"])
def test_a_headline_naming_a_notice_by_its_subject_over_its_lead_in_is_its_title(colon):
    # a 范文 site's copy: the notice's 的通知 dropped from the headline, its lead-in under it
    title = "青溪县教育局关于做好2024年暑期中小学生安全工作"
    text = "\n".join(
        [
            title,
            f"为保障学生暑期安全，现就做好2024年暑期中小学生安全工作通知如下{colon}",
            "一、加强安全教育",
            "各学校放假前开展一次安全专题教育。",
            "二、落实家校责任",
        ]
    )
    [document] = parse_text(text).documents
    assert (document.kind, document.title) == ("notice", title)
    assert document.metadata.issuer == "青溪县教育局"
    assert [section.title for section in document.sections] == ["加强安全教育", "落实家校责任"]


def test_a_line_naming_a_subject_over_any_other_paragraph_is_no_title():
    text = "\n".join(
        [
            "青溪县教育局关于做好2024年暑期中小学生安全工作",
            "为保障学生暑期安全，各学校要在放假前开展一次安全专题教育。",
        ]
    )
    [document] = parse_text(text).documents
    assert document.title is None


@pytest.mark.parametrize(
    ("head", "title", "recipients"),
    [
        # a forum's copy of a county 妇联's notice (thirty-eighth reading's layout, invented)
        (
            "青河县妇联关于开展“巾帼家政”技能竞赛活动的通知 各乡镇妇联、县直机关妇委会：",
            "青河县妇联关于开展“巾帼家政”技能竞赛活动的通知",
            ["各乡镇妇联、县直机关妇委会"],
        ),
        # traditional characters, a title with a space of its own and an ideographic space
        (
            "關于印發 平山區家庭教育工作要點 的通知\u3000各街道辦事處，區直各單位：",
            "關于印發平山區家庭教育工作要點的通知",
            ["各街道辦事處", "區直各單位"],
        ),
    ],
)
def test_a_title_and_its_recipients_run_onto_one_line_are_read_apart(head, title, recipients):
    text = (
        f"{head}\n现将有关事项通知如下：\n一、活动内容\n开展技能竞赛。\n二、工作要求\n认真组织。\n"
    )
    [document] = parse_text(text).documents
    assert document.title == title
    assert document.kind == "notice"
    assert document.metadata.recipients == recipients
    assert [section.title for section in document.sections] == ["活动内容", "工作要求"]


def test_a_title_line_ending_in_a_lead_in_is_not_cut_into_recipients():
    # a repost's lead-in after a space names no recipients: 全文如下： is no organ
    text = (
        "某市印发儿童友好城市建设实施方案 全文如下：\n"
        "某市儿童友好城市建设实施方案\n一、总体要求\n坚持儿童优先。\n"
    )
    [document] = parse_text(text).documents
    assert document.metadata.recipients == []


# A school's or a hospital's site prints its honours one a line over the page's title, and its
# service phone (invented, in the layout of a hospital's 单位决算 page, thirty-third reading).
MASTHEAD = (
    "欢迎访问青禾市第一实验学校\n{phone}全国青少年校园足球特色学校\n全国文明校园\n"
    "省级绿色学校、省级平安学校\n{title}\n一、工作目标\n全面推进课后服务，参与率达到95%以上。\n"
)


@pytest.mark.parametrize("phone", ["", "招生咨询电话：0571-88886666（工作日8:30-17:00）\n"])
@pytest.mark.parametrize(
    "title", ["2024年青禾市第一实验学校课后服务工作方案", "青禾市第一实验学校课后服务工作方案"]
)
def test_a_sites_honours_and_phone_lines_are_no_part_of_the_title_under_them(phone, title):
    [plan] = parse_text(MASTHEAD.format(phone=phone, title=title)).documents
    assert plan.title == title


def test_a_titles_first_line_ending_like_an_honour_keeps_its_wrapped_rest():
    text = "国家儿童友好医院\n建设指南（试行）\n一、总则\n为规范儿童友好医院建设，制定本指南。\n"
    [guide] = parse_text(text).documents
    assert guide.title == "国家儿童友好医院建设指南（试行）"


def test_a_joint_notices_headline_naming_its_long_organs_spaced_before_it_is_its_title():
    """A 福建 portal's page of a joint notice (forty-fifth reading): its bulleted fields
    (备注/文号, 公文生成日期), then the headline naming the three organs spaced out before the
    关于 line, longer than one line of a title may be; the headline had been no title at all and,
    once read, had taken the unknown field above it into it."""
    organs = [
        "丑州高新技术产业开发区管理委员会社会事业局",
        "丑州高新技术产业开发区管理委员会教育文体旅游局",
        "丑州高新技术产业开发区管理委员会财政金融局",
    ]
    title = "关于印发《丑州高新区2025年开展0-6岁儿童听力筛查干预服务工作方案》的通知"
    text = (
        "• 索 引 号:FJ10086-0101-2025-00007\n• 备注/文号:丑高管社〔2025〕7号\n"
        "• 发布机构:社会事业局\n• 公文生成日期:2025-04-02\n"
        f"{' '.join(organs)} {title}\n时间:2025-04-08 10:15\n"
        "区妇幼保健院,各街道卫生服务中心:\n现将《丑州高新区2025年开展0-6岁儿童听力筛查干预服务"
        "工作方案》印发给你们,请认真贯彻执行。\n丑州高新技术产业开发区管理委员会社会事业局\n"
        "2025年4月2日\n"
    )
    (notice,) = parse_text(text).documents
    assert notice.kind == "notice"
    assert notice.title == " ".join([*organs[:2], organs[2] + title])
    assert notice.metadata.doc_number == "丑高管社〔2025〕7号"
    assert notice.metadata.date_written == "2025-04-02"


def test_a_letter_under_the_page_headline_naming_the_plan_it_hands_down_is_a_notice():
    """A city portal's page (forty-fifth reading) headed by the plan's name, its stamp, then
    the letter handing that plan down and the plan under its title again: the letter had been a
    second copy of the plan, with no text; it is the notice, its own title lost."""
    title = "巳州市“十四五”残疾人保障和发展规划"
    text = (
        f"{title}\n来源:巳州市人民政府 发布时间:2022-06-02 浏览量:12\n"
        "各县、区人民政府,市政府各部门、直属机构:\n"
        f"现将《{title}》印发给你们,请认真贯彻实施。\n巳州市人民政府\n2022年5月6日\n"
        f"{title}\n为推进全市残疾人事业发展,制定本规划。\n一、发展基础\n"
        "“十三五”期间残疾人事业取得明显成效。\n二、主要目标\n"
        "到2025年,残疾儿童康复救助覆盖率达到95%以上。\n"
    )
    notice, plan = parse_text(text).documents
    assert (notice.kind, notice.title) == ("notice", None)
    assert notice.metadata.recipients == ["各县、区人民政府", "市政府各部门、直属机构"]
    assert (plan.kind, plan.title) == ("plan", title)
    assert plan.metadata.issuer == "巳州市人民政府"
