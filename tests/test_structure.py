"""Heading recognition and the section tree, on variations the corpus does not show."""

import pytest

from govdocparse import parse_text
from govdocparse.model import Provenance
from govdocparse.source import Cell, Paragraph, TableBlock
from govdocparse.structure import build_structure


def _paragraphs(text: str):
    return [
        Paragraph(line, Provenance(file="t", lines=(n, n)))
        for n, line in enumerate(text.strip().split("\n"), 1)
    ]


def _tree(sections, depth=0):
    out = []
    for s in sections:
        out.append((s.level, s.number, s.ordinal, s.title))
        out.extend(_tree(s.children, depth + 1))
    return out


def test_levels_follow_nesting_order_not_fixed_styles():
    # a county plan whose top level is （一） and whose second level is 1、
    text = "（一）总体要求\n1、坚持儿童优先。正文。\n2、坚持依法保护\n（二）主要任务\n1、加强保障"
    tree = _tree(build_structure(_paragraphs(text), "d1").sections)
    assert tree == [
        (1, "（一）", 1, "总体要求"),
        (2, "1、", 1, "坚持儿童优先"),
        (2, "2、", 2, "坚持依法保护"),
        (1, "（二）", 2, "主要任务"),
        (2, "1、", 1, "加强保障"),
    ]


def test_half_width_and_full_width_forms_are_one_style():
    text = (
        "一、总体要求\n(一)指导思想\n（二）基本原则\n1.坚持党的领导。\n2．坚持依法保护。\n二、"
        "主要目标"
    )
    tree = _tree(build_structure(_paragraphs(text), "d1").sections)
    assert [t[:3] for t in tree] == [
        (1, "一、", 1),
        (2, "(一)", 1),
        (2, "（二）", 2),
        (3, "1.", 1),
        (3, "2．", 2),
        (1, "二、", 2),
    ]


def test_inline_heading_splits_title_from_body():
    s = build_structure(
        _paragraphs("一、总体要求\n（一）指导思想。深入贯彻党的精神，结合实际。"), "d1"
    ).sections
    child = s[0].children[0]
    assert (child.title, child.text) == ("指导思想", "深入贯彻党的精神，结合实际。")


@pytest.mark.parametrize("space", [" ", "\u3000", "  "])
def test_a_flattened_headings_title_set_apart_by_a_space_is_its_title(space):
    # a 方案 a document site flattened into one line, split at its headings (invented, in a
    # twenty-third-reading layout): no mark but a space ends the title, a clause follows it
    body = (
        f"三、{space}工作安排及目标{space}根据省市安排,结合我县实际,2021年3月底前全县幼儿园"
        "完成自查自评;2021年4月完成县级复核。"
    )
    s = build_structure(_paragraphs("一、指导思想。以学前教育普及为目标。\n" + body), "d1").sections
    assert (s[1].title, s[1].text[:6]) == ("工作安排及目标", "根据省市安排")


@pytest.mark.parametrize(
    "line",
    [
        "一、坚持儿童优先 促进全面发展",  # a title of two phrases, nothing after it
        "一、坚持儿童优先 促进全面发展。各部门要加强协作，形成合力。",
    ],
)
def test_a_title_of_two_phrases_set_apart_by_a_space_stays_whole(line):
    [section] = build_structure(_paragraphs(line), "d1").sections
    assert section.title == "坚持儿童优先 促进全面发展"


@pytest.mark.parametrize("colon", ["：", ":"])
def test_a_long_item_led_by_its_subject_and_a_colon_takes_the_subject_as_title(colon):
    # a notice's items, one of them too long to be a title of its own and with no full stop
    # before its end: the words before the colon are what a reader sees as its heading
    body = (
        f"二、缴费标准{colon}托育机构保育费由机构自主确定，普惠性托育机构按每人每月"
        "不超过800元收取，伙食费据实收取，不得另立名目收费。"
    )
    s = build_structure(_paragraphs("一、适用范围：全区托育机构。\n" + body), "d1").sections
    assert s[1].title == "缴费标准"
    assert s[1].text.startswith("托育机构保育费由机构自主确定")


# A short numbered item led by its subject and a colon: (line, title, text). A sentence after
# the colon (a comma or a full stop in it) is the item's text; a phrase after it, or a colon
# ending the line with the text below, leaves the line as it was.
SHORT_COLON_ITEMS = [
    ("1.工作目标：到2026年，全县毛入园率达到92%。", "工作目标", "到2026年，全县毛入园率达到92%。"),
    ("（二）实施范围:全市公办幼儿园，含附设园", "实施范围", "全市公办幼儿园，含附设园"),
    ("3、牵头单位：县教育局。", "牵头单位", "县教育局。"),
    ("2.第一阶段：动员部署阶段", "第一阶段：动员部署阶段", ""),
    ("4.工作目标：", "工作目标", ""),
]


@pytest.mark.parametrize(("line", "title", "text"), SHORT_COLON_ITEMS)
def test_a_short_item_led_by_its_subject_and_a_colon(line, title, text):
    sections = build_structure(_paragraphs("一、总体要求\n" + line), "d1").sections
    item = sections[0].children[0]
    assert (item.title, item.text) == (title, text)


# A colon between a heading's number and its title (第一部分：发展基础, 第二章:职责, 第三条：…):
# a separator some plans and sharing sites' previews write, no part of the title or the text
# (thirty-fifth reading: a sharing site's 检查表 preview, its chapters 第一章:检查准备)
NUMBER_COLON_HEADINGS = [
    (
        "第一部分：发展基础\n近年来全区工作稳步推进。",
        "第一部分",
        "发展基础",
        "近年来全区工作稳步推进。",
    ),
    ("第二章:职责分工\n第一条 区民政局负责指导。", "第二章", "职责分工", ""),
    ("第一章 总则\n第三条：本办法适用于全区托育机构。", "第三条", "", "本办法适用于全区托育机构。"),
    ("（一）：指导思想。坚持儿童优先。", "（一）", "指导思想", "坚持儿童优先。"),
]


@pytest.mark.parametrize(("text", "number", "title", "body"), NUMBER_COLON_HEADINGS)
def test_a_colon_after_a_headings_number_is_no_part_of_its_title(text, number, title, body):
    sections = build_structure(_paragraphs(text), "d1").sections
    heading = sections[0] if sections[0].number == number else sections[0].children[0]
    assert (heading.number, heading.title, heading.text) == (number, title, body)


# A numbered item whose subject opens with a term in quotation marks (a 部门决算's 名词解释, a
# 妇联's work summary; invented): (line, title, text). The subject up to the colon is the title,
# its marks kept, short or long, straight or curly; a line without a colon is its whole title.
QUOTED_SUBJECT_ITEMS = [
    (
        '二、"三公"经费：指单位用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和'
        "公务接待费。",
        '"三公"经费',
        "指单位用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。",
    ),
    (
        "三、“两癌”筛查情况：全年为全镇2800名适龄妇女免费开展宫颈癌和乳腺癌检查，完成年度"
        "任务的104%。",
        "“两癌”筛查情况",
        "全年为全镇2800名适龄妇女免费开展宫颈癌和乳腺癌检查，完成年度任务的104%。",
    ),
    (
        "四、“春蕾”助学：资助女童36名，发放助学金3.6万元。",
        "“春蕾”助学",
        "资助女童36名，发放助学金3.6万元。",
    ),
    ("五、「护苗」专项行动", "「护苗」专项行动", ""),
]


@pytest.mark.parametrize(("line", "title", "text"), QUOTED_SUBJECT_ITEMS)
def test_a_subject_opening_with_a_quoted_term_is_the_title(line, title, text):
    sections = build_structure(_paragraphs("一、名词解释\n" + line), "d1").sections
    assert (sections[1].title, sections[1].text) == (title, text)


# A part's or a chapter's number on a line of its own and its name on the next, as a 部门预算's
# or a PDF's text prints them (invented): one heading, the name its title; a sentence, a
# heading or nothing after the number leaves it without a name, as before.
TORN_LINE_TITLES = [
    (
        "第一部分\n单位概况\n一、主要职责\n负责全区妇女儿童工作。\n第二部分\n2024年度单位预算"
        "情况说明\n一、收支预算总体情况\n收入总计120万元。",
        [
            (1, "第一部分", "单位概况"),
            (2, "一、", "主要职责"),
            (1, "第二部分", "2024年度单位预算情况说明"),
            (2, "一、", "收支预算总体情况"),
        ],
    ),
    (
        "第一章：\n总  则\n第一条 为了规范管理，制定本办法。\n第二章\n第二条 本办法适用于全市。",
        [(1, "第一章", "总则"), (2, "第一条", ""), (1, "第二章", ""), (2, "第二条", "")],
    ),
    ("第三部分\n本部分说明如下。", [(1, "第三部分", "")]),
]


@pytest.mark.parametrize(("text", "expected"), TORN_LINE_TITLES)
def test_a_parts_name_on_the_line_under_its_number_is_its_title(text, expected):
    tree = _tree(build_structure(_paragraphs(text), "d1").sections)
    assert [(level, number, title) for level, number, _, title in tree] == expected


# An inline heading whose first sentence opens with its subject and a colon, more sentences after
# it on the line (invented): (line, title, text). A clause after the colon makes the subject the
# title; a phrase after it (总体思路：统筹推进。) is still the title's second half.
INLINE_COLON_ITEMS = [
    (
        "（一）基本原则：坚持政府主导，坚持公益普惠。全镇统筹推进托育服务，坚持因地制宜，"
        "坚持改革创新，推动各项工作落地见效。",
        "基本原则",
        "坚持政府主导，坚持公益普惠。全镇统筹推进托育服务，坚持因地制宜，坚持改革创新，"
        "推动各项工作落地见效。",
    ),
    (
        "1.加强组织领导：各街道要把托育工作摆上议事日程，建立工作机制。明确责任分工，"
        "定期研究解决托育服务发展中的重点难点问题。",
        "加强组织领导",
        "各街道要把托育工作摆上议事日程，建立工作机制。明确责任分工，定期研究解决托育服务"
        "发展中的重点难点问题。",
    ),
    (
        "（二）总体思路：统筹推进。全区按照先易后难的顺序，分年度推进托育机构建设，逐步完善"
        "服务网络。",
        "总体思路：统筹推进",
        "全区按照先易后难的顺序，分年度推进托育机构建设，逐步完善服务网络。",
    ),
]


@pytest.mark.parametrize(("line", "title", "text"), INLINE_COLON_ITEMS)
def test_an_inline_title_ending_in_a_colon_before_a_clause(line, title, text):
    sections = build_structure(_paragraphs("一、总体要求\n" + line), "d1").sections
    item = sections[0].children[0]
    assert (item.title, item.text) == (title, text)


def test_chinese_numerals_past_ten():
    text = "\n".join(
        f"（{n}）第{n}项工作"
        for n in ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
    )
    tree = _tree(build_structure(_paragraphs("一、任务\n" + text + "\n十一、保障"), "d1").sections)
    assert [t[2] for t in tree if t[0] == 2] == list(range(1, 13))
    assert tree[-1] == (1, "十一、", 11, "保障")


def test_ordinal_that_continues_a_list_joins_it_despite_other_numerals():
    text = (
        "三、重点任务\n（五）第五项\n1．细则\n（六）第六项\n6．细则\n（7） 健全法治保障体系，"
        "维护儿童合法权益。\n1．细则\n四、组织实施"
    )
    tree = _tree(build_structure(_paragraphs(text), "d1").sections)
    assert (2, "（7）", 7, "健全法治保障体系，维护儿童合法权益") in tree
    assert tree[-1][0] == 1


def test_decimal_looking_item_is_an_item_only_when_the_list_expects_it():
    text = (
        "主要目标\n5.适龄儿童接种率达到95%以上。\n6.5岁以下儿童贫血率控制在10%以下。\n"
        "策略措施\n1.建立补助制度。\n1.5万元补助标准不变。"
    )
    st = build_structure(_paragraphs(text), "d1")
    tree = _tree(st.sections)
    assert (2, "6.", 6, "5岁以下儿童贫血率控制在10%以下") in tree
    assert [t for t in tree if t[0] == 1] == [(1, "", None, "主要目标"), (1, "", None, "策略措施")]
    assert st.sections[1].children[0].text == "1.5万元补助标准不变。"


def test_keyword_subheadings_hold_their_numbered_items():
    text = (
        "二、发展领域\n(一)儿童与健康\n主要目标\n1.甲率达到90%。\n2.乙率达到95%。\n策略措施:\n"
        "1.建立健全体系。正文。\n(二)儿童与安全\n主要目标\n1.丙率下降。"
    )
    tree = _tree(build_structure(_paragraphs(text), "d1").sections)
    assert tree == [
        (1, "二、", 2, "发展领域"),
        (2, "(一)", 1, "儿童与健康"),
        (3, "", None, "主要目标"),
        (4, "1.", 1, "甲率达到90%"),
        (4, "2.", 2, "乙率达到95%"),
        (3, "", None, "策略措施"),
        (4, "1.", 1, "建立健全体系"),
        (2, "(二)", 2, "儿童与安全"),
        (3, "", None, "主要目标"),
        (4, "1.", 1, "丙率下降"),
    ]


def test_top_keyword_precedes_the_numbered_sections():
    tree = _tree(
        build_structure(_paragraphs("前 言\n儿童是未来。\n一、指导思想\n正文。"), "d1").sections
    )
    assert tree == [(1, "", None, "前言"), (1, "一、", 1, "指导思想")]


def test_continuous_numbering_across_sections_stays_under_each_section():
    text = "二、重点任务\n（一）政策\n1.甲。\n2.乙。\n（二）服务\n3.丙。\n4.丁。"
    st = build_structure(_paragraphs(text), "d1")
    second = st.sections[0].children[1]
    assert [(c.number, c.ordinal, c.level) for c in second.children] == [("3.", 3, 3), ("4.", 4, 3)]


def test_dash_bullets_are_one_paragraph_each():
    text = (
        "一、发展基础\n总述。\n——健康水平提升。正文甲。\n——教育水平提高。正文乙。\n"
        "由于受多种因素影响，仍有短板。"
    )
    st = build_structure(_paragraphs(text), "d1")
    top = st.sections[0]
    assert [(c.number, c.ordinal, c.title) for c in top.children] == [
        ("——", 1, "健康水平提升"),
        ("——", 2, "教育水平提高"),
    ]
    assert top.text.endswith("由于受多种因素影响，仍有短板。")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "目标要求\n——到2025年，推动形成工作机制。\n——到2025年，知晓率达到70%以上。\n"
            "一、主要任务\n正文丙。\n二、保障措施\n正文丁。",
            [(1, "一、"), (1, "二、")],
        ),
        (
            "一、总体要求\n——坚持政府主导。正文甲。\n——坚持多方参与。正文乙。\n"
            "（一）加强宣传\n正文丙。\n二、保障措施\n正文丁。",
            [(1, "一、"), (2, "（一）"), (1, "二、")],
        ),
    ],
)
def test_a_heading_of_another_style_after_dash_bullets_is_not_their_child(text, expected):
    # dash bullets under an unnumbered 目标要求 line (a plan's WeChat copy: twenty-sixth reading)
    # or under 一、: the next heading of another style had become the last bullet's child
    tree = _tree(build_structure(_paragraphs(text), "d1").sections)
    assert [(level, number) for level, number, _, _ in tree if number != "——"] == expected


def test_an_epigraphs_attribution_is_no_dash_bullet():
    # a 白皮书 opens with a quotation and its author's name after a dash (invented, in a
    # twenty-sixth-reading layout); a bullet's text is longer than a name
    text = (
        "孩子们是国家的未来。\n——王某某\n一、办案数据分析\n正文。\n"
        "二、主要做法\n——坚持双向保护。正文甲。\n——加强部门协作。正文乙。"
    )
    tree = _tree(build_structure(_paragraphs(text), "d1").sections)
    assert [(level, number) for level, number, _, _ in tree] == [
        (1, "一、"),
        (1, "二、"),
        (2, "——"),
        (2, "——"),
    ]


def test_circled_and_paren_arabic_levels():
    text = "1.加强规划\n(1)编制规划。\n①开展调研\n②制定规划\n(2)纳入规划。\n2.规范建设"
    tree = _tree(build_structure(_paragraphs(text), "d1").sections)
    assert [t[:3] for t in tree] == [
        (1, "1.", 1),
        (2, "(1)", 1),
        (3, "①", 1),
        (3, "②", 2),
        (2, "(2)", 2),
        (1, "2.", 2),
    ]


def test_named_actions_and_closing_bracket_items():
    # 行动计划 numbering its campaigns by name, their items with a closing bracket only
    text = (
        "第二部分　重点任务\n专项行动一：公共服务提升行动\n1）提升儿科服务。加强建设。\n"
        "2) 完善托育服务。\n专项行动二：成长空间建设行动\n1）建设儿童公园。\n第三部分　保障措施"
    )
    tree = _tree(build_structure(_paragraphs(text), "d1").sections)
    assert [t[:3] for t in tree] == [
        (1, "第二部分", 2),
        (2, "专项行动一：", 1),
        (3, "1）", 1),
        (3, "2)", 2),
        (2, "专项行动二：", 2),
        (3, "1）", 1),
        (1, "第三部分", 3),
    ]
    assert tree[1][3] == "公共服务提升行动"


def test_body_sentences_are_not_headings():
    text = "一、总体要求\n2016年，市政府颁布了规划。\n1米高度看城市。\n（此件公开发布）\n二、任务"
    tree = _tree(build_structure(_paragraphs(text), "d1").sections)
    assert [t[1] for t in tree] == ["一、", "二、"]


def test_caption_before_a_table_and_after_a_list_box():
    cell = Cell("甲项目。内容。", Provenance(file="t", lines=(3, 3)))
    box = TableBlock([[cell]], Provenance(file="t", lines=(3, 3)))
    grid = TableBlock(
        [[Cell("序号", Provenance(file="t", lines=(6, 6)))]], Provenance(file="t", lines=(6, 6))
    )
    body = _paragraphs("一、任务\n1．内容。")
    body += [box, Paragraph("专栏4 儿童安全提升重点工程", Provenance(file="t", lines=(4, 4)))]
    body += [Paragraph("专栏1  2011—2020年指标完成情况", Provenance(file="t", lines=(5, 5))), grid]
    st = build_structure(body, "d1")
    assert [(t.label, t.title) for t in st.tables] == [
        ("专栏4", "儿童安全提升重点工程"),
        ("专栏1", "2011—2020年指标完成情况"),
    ]
    assert "专栏" not in st.sections[0].text + "".join(c.text for c in st.sections[0].children)


def test_section_lines_cover_children_and_ids_are_paths():
    st = build_structure(_paragraphs("一、甲\n（一）乙\n正文\n二、丙"), "d7")
    first = st.sections[0]
    assert (first.id, first.lines, first.children[0].id) == ("d7-s1", (1, 3), "d7-s1.1")


def test_in_a_pdf_section_lines_are_those_of_its_heading_page():
    # lines start again on each page: 二、 heading at line 30 of page 1 runs on to page 2, whose
    # line 35 is not a line of page 1
    def at(text, page, first, last):
        return Paragraph(text, Provenance(file="t.pdf", page=page, lines=(first, last)))

    blocks = [
        at("一、总体要求", 1, 28, 28),
        at("正文甲。", 1, 29, 29),
        at("二、主要目标", 1, 30, 30),
        at("（一）健康", 1, 31, 32),
        at("正文乙。", 2, 1, 35),
        at("三、保障措施", 2, 36, 36),
    ]
    sections = build_structure(blocks, "d1").sections
    assert [(s.title, s.lines) for s in sections] == [
        ("总体要求", (28, 29)),
        ("主要目标", (30, 32)),
        ("保障措施", (36, 36)),
    ]
    assert sections[1].children[0].lines == (31, 32)


def test_a_block_joined_across_a_page_keeps_the_lines_of_its_first_page():
    from govdocparse.source import span

    first = Provenance(file="t.pdf", page=3, lines=(40, 41))
    assert span(first, Provenance(file="t.pdf", page=4, lines=(1, 2))).lines == (40, 41)
    assert span(first, Provenance(file="t.pdf", page=3, lines=(42, 43))).lines == (40, 43)


def test_a_wrapped_line_that_starts_with_a_number_continues_its_sentence():
    text = (
        "主要目标\n1.孕产妇死亡率控制在12/10万以下。\n"
        "2.新生儿死亡率、婴儿死亡率和5岁以下儿童死亡率分别降至\n3.0‰、4.0‰和6.0‰以下。\n"
        "3.儿童低出生体重发生率控制在4%以内，婴儿和\n5岁以下儿童贫血率持续下降。\n"
        "4.适龄儿童免疫规划疫苗接种率保持在95%以上。"
    )
    st = build_structure(_paragraphs(text), "d1")
    items = st.sections[0].children
    assert [(c.number, c.ordinal) for c in items] == [("1.", 1), ("2.", 2), ("3.", 3), ("4.", 4)]
    assert (items[1].title + items[1].text).endswith("分别降至3.0‰、4.0‰和6.0‰以下。")
    assert items[2].provenance and items[2].provenance.lines == (5, 6)
    assert "婴儿和5岁以下儿童贫血率" in items[2].title + items[2].text


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        # a plan's measures, one ending in 参与 over the next one
        (
            "三、保障措施\n1.强化组织领导\n2.鼓励社会参与\n3.加强宣传引导",
            ["保障措施", "强化组织领导", "鼓励社会参与", "加强宣传引导"],
        ),
        (
            "二、主要任务\n（一）儿童与健康\n（二）儿童与参与\n（三）儿童与环境",
            ["主要任务", "儿童与健康", "儿童与参与", "儿童与环境"],
        ),
        # a service standard's outline: 2.2's title ends in 参与 over 2.3
        (
            "1 范围\n2 服务原则\n2.1 儿童优先，依法保护\n2.2 部门协同，公众参与\n"
            "2.3 因人施策，分类帮扶",
            ["范围", "服务原则", "儿童优先，依法保护", "部门协同，公众参与", "因人施策，分类帮扶"],
        ),
    ],
)
def test_a_heading_ending_in_a_joining_word_over_its_next_sibling_stays_apart(text, titles):
    # 与/和/及 at a line's end ask for a wrap, but the next number of the heading's own list
    # opens its sibling
    tree = _tree(build_structure(_paragraphs(text), "d1").sections)
    assert [t[3] for t in tree] == titles


def test_numbered_lines_after_unfinished_lines_stay_headings_when_they_fit():
    text = "一、总体要求\n（二）基本原则\n具体包括\n1.坚持儿童优先\n二、主要目标"
    tree = _tree(build_structure(_paragraphs(text), "d1").sections)
    assert [t[1] for t in tree] == ["一、", "（二）", "1.", "二、"]


def test_a_short_title_spread_out_with_spaces_is_read_as_its_words():
    text = (
        "第一章　总　　则\n第一条　为规范管理，制定本办法。\n"
        "第二章　保障措施\n第三章　情暖童心 相伴成长"
    )
    sections = build_structure(_paragraphs(text), "d1").sections
    assert [s.title for s in sections] == ["总则", "保障措施", "情暖童心 相伴成长"]


def test_an_unnumbered_sub_head_followed_by_its_text_on_the_same_line_opens_its_section():
    text = (
        "（一）儿童与健康\n主要目标：婴儿死亡率控制在8‰以下。\n策略措施：加强妇幼健康服务。\n"
        "（二）儿童与教育\n主要目标：学前三年毛入园率达到80%以上。"
    )
    st = build_structure(_paragraphs(text), "d1")
    health = st.sections[0]
    assert [(s.title, s.text) for s in health.children] == [
        ("主要目标", "婴儿死亡率控制在8‰以下。"),
        ("策略措施", "加强妇幼健康服务。"),
    ]
    # the goal sentence reaches the extractors without its label
    assert "婴儿死亡率控制在8‰以下。" in [p.text for p in st.paragraphs]


def test_a_page_that_begins_in_the_middle_of_a_list_keeps_its_own_sections_on_top():
    # the second page of a plan: the tail of section 二 (its 3. item, its （四）（五） fields),
    # then 三、 and 四、 begin on this page
    text = (
        "3.完善控辍保学长效机制。\n（四）儿童与福利\n主要目标：\n1.孤儿基本生活保障率保持在100%。\n"
        "（五）儿童与家庭\n1.每个街道至少建成1个家长学校。\n三、组织实施\n（一）加强组织领导。正文。\n"
        "四、监测评估\n（一）建立监测制度。正文。"
    )
    st = build_structure(_paragraphs(text), "d1")
    assert [(s.number, s.title) for s in st.sections] == [
        ("三、", "组织实施"),
        ("四、", "监测评估"),
    ]
    assert [c.title for c in st.sections[0].children] == ["加强组织领导"]
    assert st.preamble is not None and "孤儿基本生活保障率保持在100%" in st.preamble.text
    # the goals of the tail are still read, outside any section
    assert any(p.section_id is None and "100%" in p.text for p in st.paragraphs)


def test_a_text_that_begins_its_lists_at_one_keeps_its_own_nesting_order():
    text = "1.总体要求\n(1)指导思想\n(2)基本原则\n2.主要任务\n(1)健全体系"
    tree = _tree(build_structure(_paragraphs(text), "d1").sections)
    assert [t[:2] for t in tree] == [(1, "1."), (2, "(1)"), (2, "(2)"), (1, "2."), (2, "(1)")]


def test_roman_and_latin_template_numbering_nest_like_any_other_styles():
    # a 工作方案 copied from a Word template: Ⅰ. over Ａ、 (half-width dot, full-width letter),
    # a Latin letter not followed by Chinese (A.B. 两类) being body text
    text = (
        "Ⅰ. 工作目标\n到2024年，A.B.两类社区全部达标。\nⅡ. 重点工作\nＡ、完善制度\n"
        "健全制度。\nＢ、强化督导\nⅢ. 工作要求"
    )
    tree = _tree(build_structure(_paragraphs(text), "d1").sections)
    assert tree == [
        (1, "Ⅰ.", 1, "工作目标"),
        (1, "Ⅱ.", 2, "重点工作"),
        (2, "Ａ、", 1, "完善制度"),
        (2, "Ｂ、", 2, "强化督导"),
        (1, "Ⅲ.", 3, "工作要求"),
    ]


def test_a_decimal_outline_nests_by_depth():
    # a county 应急预案: 1 总则 / 1.1 编制目的 / 1.2.1 …, the first depth bare or with a dot,
    # the deeper ones with or without a space and a trailing dot
    text = (
        "1 总则\n1.1 编制目的\n为做好校园突发事件应对工作，制定本预案。\n1.2编制依据\n"
        "1.2.1 法律法规\n依据有关法律。\n1.2.2. 上级预案\n2 组织体系\n2.1 应急指挥部\n"
        "3. 预警与响应\n3.1.分级响应"
    )
    tree = _tree(build_structure(_paragraphs(text), "d1").sections)
    assert tree == [
        (1, "1", 1, "总则"),
        (2, "1.1", 1, "编制目的"),
        (2, "1.2", 2, "编制依据"),
        (3, "1.2.1", 1, "法律法规"),
        (3, "1.2.2.", 2, "上级预案"),
        (1, "2", 2, "组织体系"),
        (2, "2.1", 1, "应急指挥部"),
        (1, "3.", 3, "预警与响应"),
        (2, "3.1.", 1, "分级响应"),
    ]


def test_a_decimal_outline_under_chinese_numerals_and_values_that_look_like_one():
    # 1.1 under 一、 (a 评估报告 that numbers its second level by the first's ordinal); values at a
    # line's start (a wrapped 2.5万人, 1.2倍) and a number naming no open heading stay text
    text = (
        "一、评估概述\n1.1 评估背景\n全镇常住儿童达\n2.5万人，较上期增长\n1.2倍。\n"
        "1.2 评估方法\n二、主要成效\n3.1 不属于本章的编号\n2.1 儿童健康"
    )
    structure = build_structure(_paragraphs(text), "d1")
    assert _tree(structure.sections) == [
        (1, "一、", 1, "评估概述"),
        (2, "1.1", 1, "评估背景"),
        (2, "1.2", 2, "评估方法"),
        (1, "二、", 2, "主要成效"),
        (2, "2.1", 1, "儿童健康"),
    ]
    assert "2.5万人" in structure.sections[0].children[0].text
    assert "3.1 不属于本章的编号" in structure.sections[1].text


def test_decimal_outline_lines_of_a_plain_text_file_are_headings_of_their_own():
    # lines with no blank line between them: 1.1 must not be glued to 1. 总则 as a wrapped value
    from govdocparse import parse_text

    text = (
        "1. 总则\n1.1 编制目的\n为规范托育机构突发事件处置，制定本预案。\n"
        "1.2 适用范围\n本县托育机构。\n"
    )
    document = parse_text(text).documents[0]
    assert [(s.number, s.title) for s in document.sections] == [("1.", "总则")]
    assert [(s.number, s.title) for s in document.sections[0].children] == [
        ("1.1", "编制目的"),
        ("1.2", "适用范围"),
    ]


def test_work_report_parts_numbered_before_a_year():
    # a 政府工作报告 copied by a magazine (tenth reading): its parts open with a year after 、,
    # and the results of the year under review are no goals, while the expected targets are
    text = (
        "某县2024年政府工作报告\n"
        "一、2023年工作回顾\n"
        "过去一年，全县生产总值增长6.1%，空气质量优良天数比例上升至91.5%。\n"
        "二、2024年主要预期目标\n"
        "今年发展主要预期目标是：全县生产总值增长6%左右，城镇调查失业率5.5%以内。\n"
    )
    doc = parse_text(text).documents[0]
    assert [(s.number, s.title) for s in doc.sections] == [
        ("一、", "2023年工作回顾"),
        ("二、", "2024年主要预期目标"),
    ]
    assert [(i.name, i.section_id) for i in doc.indicators] == [
        ("生产总值", doc.sections[1].id),
        ("城镇调查失业率", doc.sections[1].id),
    ]


@pytest.mark.parametrize(
    ("line", "title", "text"),
    [
        # a 批复 on a project: each item a form field's name, its value after the colon
        (
            "二、建设规模及内容：建筑总面积800平方米。主要包括门诊、病房等用房。",
            "建设规模及内容",
            "建筑总面积800平方米。主要包括门诊、病房等用房。",
        ),
        (
            "五、投资概算及资金来源：项目概算总投资914万元，资金自筹。",
            "投资概算及资金来源",
            "项目概算总投资914万元，资金自筹。",
        ),
        ("四、建设年限：2007年-2008年", "建设年限", "2007年-2008年"),
        # an 活动方案's item
        ("二、活动时间：2024年6月1日", "活动时间", "2024年6月1日"),
        # a stage's name and its phrase is a title, whole
        ("一、第一阶段：动员部署（2024年3月）", "第一阶段：动员部署（2024年3月）", ""),
    ],
)
def test_an_item_led_by_a_form_fields_name_keeps_its_value_as_text(line, title, text):
    document = parse_text(
        f"关于某某项目的批复\n某某局：\n经研究，现批复如下：\n{line}\n"
    ).documents[0]
    section = document.sections[-1]
    assert (section.title, section.text) == (title, text)
