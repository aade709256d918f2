"""Text as web pages give it: spaced-out words, a body on one line, blank lines, half-width."""

import json

import govdocparse
from govdocparse.readers.text import blocks_from_text

from .support import block_texts

PLAN = [
    "石门县儿童友好城市建设实施方案",
    "一、工作目标",
    "（一）总体目标。到2025年，儿童之家覆盖率达到100%。",
    "（二）具体目标。普惠性幼儿园覆盖率达到90%以上。",
    "二、主要任务",
    "（一）建设儿童友好空间。新建儿童公园3个。（责任单位：县住建局）",
    "三、保障措施",
    "（一）加强组织领导。县民政局牵头建立推进机制。",
]


def _records(text: str) -> list:
    """The records a reader checks, as JSON data: title, sections, indicators, clauses."""
    [document] = govdocparse.parse_text(text).documents
    sections = [
        (s.number, s.title, [(c.number, c.title) for c in s.children]) for s in document.sections
    ]
    indicators = [(i.name, [t.raw for t in i.targets]) for i in document.indicators]
    clauses = [r.raw for r in document.responsibilities]
    return json.loads(json.dumps([document.title, sections, indicators, clauses]))


def _full_width(value):
    if isinstance(value, str):
        return value.translate(str.maketrans(",():", "，（）："))
    return [_full_width(item) for item in value] if isinstance(value, list) else value


CLEAN = _records("\n".join(PLAN))

# The same plan as web copies give it (test data: one variation a case).
VARIATIONS = {
    "blank line between every paragraph": "\n\n".join(PLAN),
    "body on one line with indents": PLAN[0] + "\n" + "　　".join(PLAN[1:]),
    "body on one line without indents": PLAN[0] + "\n" + "".join(PLAN[1:]),
    "half-width punctuation": "\n".join(PLAN)
    .replace("，", ",")
    .replace("（", "(")
    .replace("）", ")")
    .replace("：", ":"),
}


def test_each_web_variation_gives_the_records_of_the_clean_text():
    for variation, text in VARIATIONS.items():
        records = _records(text)
        if variation == "half-width punctuation":  # the records keep the marks as written
            assert "(" in json.dumps(records, ensure_ascii=False)
            records = _full_width(records)
        assert records == CLEAN, variation


def test_spaced_out_words_are_joined_but_an_authors_space_stays():
    blocks, _ = blocks_from_text(
        "西 宁 市 儿 童 友 好 城 市 建 设 实 施 方 案\n"
        "到 2025 年，全市 儿童友好社区 达到 120 个。\n"
        "情暖童心 相伴成长\n",
        "t.txt",
    )
    assert block_texts(blocks) == [
        "西宁市儿童友好城市建设实施方案",
        "到2025年，全市儿童友好社区达到120个。",
        "情暖童心 相伴成长",
    ]


def test_an_inline_list_is_not_split_into_paragraphs():
    text = "主要包括：（一）健康服务；（二）教育服务；（三）安全保护。"
    blocks, _ = blocks_from_text(text, "t.txt")
    assert block_texts(blocks) == [text]


def test_a_page_that_joined_its_paragraphs_with_single_spaces_is_read_as_they_were():
    # a county CMS: layout-table borders, a stamp line, then title, 文号, recipients, text,
    # signature, date, 附注, the plan's title and its items on one line
    one_line = (
        "青溪县人民政府办公室 关于印发青溪县2025年为民办实事工作方案的通知 青政办字〔2025〕9号 "
        "各乡镇人民政府,县政府各部门: 现将《青溪县2025年为民办实事工作方案》印发给你们,"
        "请认真组织实施。 青溪县人民政府办公室 2025年3月18日 (此件公开发布) "
        "青溪县2025年为民办实事工作方案 一、开展新生儿听力筛查。2025年,为全县1.2万名新生儿"
        "免费开展听力筛查,筛查率达到95%以上。(牵头单位:县卫生健康局,责任单位:各乡镇人民政府) "
        "二、建设儿童友好游园。在县城建设儿童友好游园2个,让儿童有处可玩。"
        "(牵头单位:县住房城乡建设局) "
        "三、开展女童安全教育。覆盖全县中小学校,提高女童自我保护能力。(牵头单位:县教育局)"
    )
    text = (
        "青溪县人民政府办公室关于印发青溪县2025年为民办实事工作方案的通知 | ||||||||||||\n"
        "2025-03-19 作者: 点击数: | ||||||||||||\n|\n||||||||||||\n" + one_line + "\n"
    )
    notice, plan = govdocparse.parse_text(text).documents
    assert notice.metadata.doc_number == "青政办字〔2025〕9号"
    assert notice.metadata.recipients == ["各乡镇人民政府", "县政府各部门"]
    assert notice.metadata.date_written == "2025-03-18"
    assert plan.title == "青溪县2025年为民办实事工作方案"
    assert plan.metadata.period is not None and plan.metadata.period.start == 2025
    assert [s.title for s in plan.sections] == [
        "开展新生儿听力筛查",
        "建设儿童友好游园",
        "开展女童安全教育",
    ]
    # a bare 2025年 in a one-year plan is the goal's year, not the past
    [screening] = [i for i in plan.indicators if i.name == "听力筛查率"]
    assert screening.targets[0].year == 2025


def test_a_short_notice_glued_with_single_spaces_over_its_plan_is_read_as_they_were():
    # a county CMS that glued a short notice onto one line: recipients, text, signature, date
    # and the plan's title, shorter than a glued body; the plan's text on the lines below
    one_line = (
        "各村(社区),各学校: 现将《石桥街道青少年禁毒宣传教育工作方案》印发给你们,"
        "请认真组织实施。 某市石桥街道办事处 2025年3月6日 石桥街道青少年禁毒宣传教育工作方案"
    )
    text = "\n".join(
        [
            "关于印发《石桥街道青少年禁毒宣传教育工作方案》的通知",
            one_line,
            "为做好青少年禁毒宣传教育,制定本方案。 一、工作目标 禁毒知识知晓率达到95%以上。",
        ]
    )
    notice, plan = govdocparse.parse_text(text).documents
    assert notice.metadata.recipients == ["各村(社区)", "各学校"]
    assert notice.metadata.issuer == "某市石桥街道办事处"
    assert notice.metadata.date_written == "2025-03-06"
    assert (plan.title, plan.part_of) == ("石桥街道青少年禁毒宣传教育工作方案", notice.id)


def test_a_line_of_that_length_with_a_date_inside_a_sentence_stays_one():
    # spaces between words, a date written inside a sentence, not alone between the spaces
    line = (
        "根据 工作安排, 我街道于2025年3月6日召开 青少年禁毒宣传教育工作推进会议, "
        "部署全年各项工作任务, 各村(社区)、各学校负责同志参加会议并作了交流发言。"
    )
    blocks, _ = blocks_from_text(line + "\n", "t.txt")
    assert block_texts(blocks) == [line]


def test_a_pdfs_lines_glued_with_single_spaces_are_rewrapped_into_its_paragraphs():
    # a document site's copy of a banner's PDF: every line break became one space, the first
    # line of each paragraph lost its indent, a title spread out over the line (前 言)
    lines = [
        "青河旗儿童发展规划",
        "(2021-2030 年)",
        "前",
        "言",
        "儿童是国家的未来和民族的希望，促进儿童全面发展是各",
        "级政府的共同责任。旗委、旗政府一贯重视儿童事业，制定",
        "并实施了三个周期的儿童发展规划，儿童发展环境不断改善。",
        "一、总体目标",
        "到2030年，儿童健康水平全面提高，婴儿死亡率降至3.5‰",
        "以下，学前三年毛入园率达到92%以上，义务教育巩固率保持",
        "在97%以上，儿童受教育程度明显提高，保护体系更加完善。",
    ]
    [plan] = govdocparse.parse_text(" ".join(lines) + "\n").documents
    assert plan.title == "青河旗儿童发展规划"
    assert [s.title for s in plan.sections] == ["前言", "总体目标"]
    assert plan.sections[0].text == "".join(lines[4:7])
    goals = {i.name: i.targets[0].raw for i in plan.indicators}
    assert goals == {
        "婴儿死亡率": "降至3.5‰以下",
        "学前三年毛入园率": "达到92%以上",
        "义务教育巩固率": "保持在97%以上",
        "儿童受教育程度": "明显提高",
    }


# What a crawl of a .doc→HTML converter's page keeps of its style sheet and script, as text
# (invented in that layout): page furniture wherever it stands.
CONVERTER_RESIDUE = [
    "<!--",
    ".p1{font-size:16pt;font-family:仿宋_GB2312;line-height:28pt}",
    "td.p2 {text-align:center; margin:0 0 0 2em}",
    "p.MsoNormal, li.MsoNormal {",
    "font-family:宋体;",
    "}",
    "@page{size:595.3pt 841.9pt}",
    "-->",
    "function setFont(size){",
    "var box = document.getElementById('zoom');",
    'document.getElementById("zoom").style.fontSize=size+"px";',
    "}",
]
PREAMBLE = "为推进儿童友好城市建设，结合本县实际，制定本方案。"


def test_a_converters_style_sheet_and_script_are_no_part_of_a_plans_preamble():
    plain = "\n".join([PLAN[0], PREAMBLE, *PLAN[1:]])
    crawled = "\n".join([PLAN[0], *CONVERTER_RESIDUE, PREAMBLE, *PLAN[1:]])
    [expected] = govdocparse.parse_text(plain).documents
    [document] = govdocparse.parse_text(crawled).documents
    assert document.preamble is not None
    assert document.preamble.text == PREAMBLE
    assert _records(crawled) == _records(plain)
    assert [s.title for s in document.sections] == [s.title for s in expected.sections]


def test_a_converters_style_sheet_over_a_notices_recipients_is_none_of_them():
    notice = [
        "石门县人民政府办公室关于印发石门县儿童友好城市建设实施方案的通知",
        *CONVERTER_RESIDUE,
        "各乡镇人民政府，县直各单位：",
        "《石门县儿童友好城市建设实施方案》已经县政府同意，现印发给你们，请认真贯彻执行。",
        "石门县人民政府办公室",
        "2024年3月1日",
    ]
    first = govdocparse.parse_text("\n".join(notice + PLAN)).documents[0]
    assert first.kind == "notice"
    assert first.metadata.recipients == ["各乡镇人民政府", "县直各单位"]


def test_a_later_bracketed_heading_glued_after_the_last_sentence_starts_its_own_paragraph():
    # a 范文 site's copy that lost one line break: （二）'s title closes the paragraph of （一）,
    # its text on the lines below, in half- and full-width brackets
    for opening, closing in ("()", "（）"):
        text = "\n".join(
            [
                "某县2024年预防学生溺水工作方案",
                "一、强化宣传教育",
                f"{opening}一{closing}开展安全教育。",
                "各中小学校要利用班会、家长会开展防溺水专题教育，提高学生的避险意识。"
                f"{opening}二{closing}开展家访活动。",
                "各学校要在暑假前完成一次家访。",
                "二、加强隐患排查",
            ]
        )
        [document] = govdocparse.parse_text(text).documents
        [first, second] = document.sections
        assert [child.title for child in first.children] == ["开展安全教育", "开展家访活动"]
        assert first.children[0].text.endswith("提高学生的避险意识。")
        assert second.title == "加强隐患排查"


def test_a_later_bracketed_heading_glued_with_its_text_after_the_last_sentence_starts_its_own():
    # the same copy with the heading's text on its line: an inline heading of its own
    text = "\n".join(
        [
            "某县2024年预防学生溺水工作方案",
            "一、强化宣传教育",
            "（一）开展安全教育。各中小学校要利用班会开展防溺水专题教育，提高避险意识。"
            "（二）开展家访活动。各学校要在暑假前完成一次家访。",
            "二、加强隐患排查",
        ]
    )
    [document] = govdocparse.parse_text(text).documents
    first = document.sections[0]
    assert [child.title for child in first.children] == ["开展安全教育", "开展家访活动"]
    assert first.children[1].text == "各学校要在暑假前完成一次家访。"


def test_a_bracketed_number_closing_a_sentence_is_no_heading():
    # the first item (no list before it), an item that runs on as a sentence, and a cited item
    for line in (
        "各学校要开展防溺水专题教育。（一）开展安全教育。",
        "各学校要开展防溺水专题教育。（二）各学校要在暑假前完成一次家访，做好记录。",
        "按照方案第三部分执行，见第（二）项。",
    ):
        blocks, _ = blocks_from_text(line + "\n", "t.txt")
        assert block_texts(blocks) == [line]


def test_a_forums_hidden_anti_copy_strings_at_line_ends_are_no_text():
    # a forum's saved copy of a township 妇联's notice (invented, in the thirty-eighth reading's
    # layout): random one- and two-character ASCII words after a line's text and at the head of
    # the next line, the words a forum hides from readers
    text = (
        "关于开展巾帼志愿服务月活动的通知\n"
        "各村妇联：\n"
        "F3 ]t 9Q a| W; 2% p 为弘扬志愿精神，现将有关事项通知如下：k2 ?( e9 Z: h& x\n"
        "一、活动内容\n"
        "组织巾帼志愿者走访留守儿童家庭。4 P; e| uT t/ c\n"
        "二、工作要求\n"
        "各村妇联认真组织，按时报送信息。\n"
    )
    [document] = govdocparse.parse_text(text).documents
    assert document.metadata.recipients == ["各村妇联"]
    assert document.preamble is not None
    assert document.preamble.text == "为弘扬志愿精神，现将有关事项通知如下："
    assert [section.title for section in document.sections] == ["活动内容", "工作要求"]
    assert document.sections[0].text == "组织巾帼志愿者走访留守儿童家庭。"


def test_short_ascii_words_that_are_no_random_strings_stay():
    # a formula or a row of numbers after Chinese text mixes no letters with marks as those do
    lines = ["合计人数按 x + y = z 计算", "各年度目标值 1 2 3 4 5 6", "项目编号 A1 B2 C3 D4 E5"]
    blocks, _ = blocks_from_text("\n".join(lines), "t.txt")
    assert block_texts(blocks) == lines


def test_a_portals_column_banner_over_its_breadcrumb_is_no_part_of_the_title():
    # a banner league's city portal (invented, in the thirty-eighth reading's layout): the
    # column's banner, the breadcrumb, the print button, then the page's title and fields
    text = (
        "政府信息公开\n当前位置: 首页 > 政务公开 > 政府信息公开专栏 > 政策解读\n"
        "【打印】 【字体:\n\n"
        "政策解读——《青原市妇联2025年巾帼志愿服务活动方案》的通知\n\n"
        "来源:青原市妇女联合会  发布日期:2025-03-02 09:30\n\n"
        "一、活动目标\n组织巾帼志愿者开展服务。\n二、活动内容\n开展关爱活动。\n"
    )
    [document] = govdocparse.parse_text(text).documents
    assert document.title == "政策解读——《青原市妇联2025年巾帼志愿服务活动方案》的通知"
    assert document.metadata.date_published == "2025-03-02"


def test_a_bidding_sites_facts_under_a_copied_notice_date_it_and_stay_out_of_its_text():
    # a bidding-information site's copy of a notice (invented, in the forty-fourth reading's
    # layout): its facts several to a line under the title, the region it files the notice
    # under before 发布日期, the fields it hides behind a login, a phone line
    text = (
        "青原市教育局关于开展2025年中小学生研学实践基地推荐工作的通知\n\n"
        "所属地区:某省 - 青原 发布日期:2025-03-18\n"
        "所属地区:某省 - 青原 招标业主:登录查看 信息类型:招标公告\n"
        "更新时间:2025/03/18 招标代理:登录查看 截止时间:登录查看\n"
        "咨询该项目请拨打:100-0000-0000\n"
        "青教基〔2025〕5号\n"
        "各县(区)教育局:\n"
        "为推动研学实践教育开展，现就有关工作通知如下:\n"
        "一、推荐条件\n具备承接中小学生研学实践教育的能力。\n"
        "二、工作要求\n请于4月30日前报送推荐材料。\n"
    )
    [notice] = govdocparse.parse_text(text).documents
    assert notice.metadata.date_published == "2025-03-18"
    assert notice.metadata.doc_number == "青教基〔2025〕5号"
    assert notice.metadata.recipients == ["各县(区)教育局"]
    assert notice.preamble is not None
    assert notice.preamble.text == "为推动研学实践教育开展，现就有关工作通知如下:"
