"""Clean-up rules: chrome, Word residue and torn headings, with provenance kept."""

import pytest

from govdocparse import parse_text
from govdocparse.chrome import clean_text
from govdocparse.model import Provenance
from govdocparse.normalize import normalize
from govdocparse.source import Cell, Paragraph, TableBlock

from .support import as_paragraph, as_table, block_texts


def _p(text, line):
    return Paragraph(text, Provenance(file="t", lines=(line, line)))


def test_hyperlink_field_code_is_removed():
    text = ' HYPERLINK "file:///D:\\\\工作包\\\\规划.docx" \\l "_Toc55308897"组织实施'
    assert clean_text(text) == "组织实施"


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("第一部分 单位概况 PAGEREF _Toc25831 \\h 3", "第一部分 单位概况 3"),
        # a web copy of the contents lost the switch's backslash (thirty-third reading's layout)
        ("一、 主要职责 PAGEREF _Toc32310 h 3", "一、 主要职责 3"),
    ],
)
def test_a_contents_entrys_page_field_code_is_removed(text, clean):
    assert clean_text(text) == clean


def test_bookmark_residue_is_removed_inside_table_cells():
    table = TableBlock(
        [[Cell("[bookmark: _GoBack]加强科技馆建设", Provenance(file="t", lines=(9, 9)))]],
        Provenance(file="t", lines=(9, 9)),
    )
    assert as_table(normalize([table])[0]).rows[0][0].text == "加强科技馆建设"


def test_portal_chrome_lines_are_dropped_and_the_trailer_cut():
    blocks = [
        _p("您当前所在的位置: 首页 > 政策法规", 1),
        _p("字号:[ ]  [关闭] 视力保护色:", 2),
        _p("打印 打印", 3),
        _p("正文第一段。", 4),
        _p("扫一扫在手机打开当前页", 5),
        _p("文件下载:", 6),
        _p("通知.docx", 7),
    ]
    kept = normalize(blocks)
    assert [(as_paragraph(b).text, b.prov.lines) for b in kept] == [("正文第一段。", (4, 4))]


def test_lone_number_joins_the_title_that_a_field_code_pushed_down():
    kept = normalize(
        [
            _p("四、", 10),
            _p(' HYPERLINK "file:///a.docx" \\l "_Toc1"组织实施', 12),
            _p("（一）明确责任。", 13),
        ]
    )
    assert [(as_paragraph(b).text, b.prov.lines) for b in kept] == [
        ("四、组织实施", (10, 12)),
        ("（一）明确责任。", (13, 13)),
    ]


def test_number_printed_after_its_title_is_put_back_in_front():
    assert block_texts(normalize([_p("组织实施四、", 5)])) == ["四、组织实施"]
    assert block_texts(normalize([_p("保障措施十一、", 5)])) == ["十一、保障措施"]


def _kept(lines):
    return block_texts(normalize([_p(text, n) for n, text in enumerate(lines, 1)]))


PROSE = "为保障儿童权利，促进儿童全面发展，制定本规划。"


def test_link_rows_image_names_and_furniture_at_the_edges_are_chrome():
    lines = [
        "无障碍浏览 一网搜 登录| 注册",
        "简体 | 繁體 | English",
        "中国政府网 省政府网 市政府网",
        "banner_01.jpg",
        "首页 > 政务公开 > 政府文件",
        ">> 政府信息公开 >> 规划信息 >> 专项规划",
        "某县儿童发展规划",
        "浏览次数：1024 字号：大 中 小",
        PROSE,
        "【打印本页】 【关闭窗口】",
        "分享 收藏 打印 关闭",
        "网站地图 | 联系我们 | 网站声明",
    ]
    assert _kept(lines) == ["某县儿童发展规划", PROSE]


def test_link_words_inside_the_text_are_kept():
    # A short line of the same words between two paragraphs of prose is not page furniture.
    assert _kept([PROSE, "大 中 小", PROSE]) == [PROSE, "大 中 小", PROSE]


def test_site_footer_cuts_everything_after_it():
    lines = [PROSE, "版权所有：某市人民政府 网站标识码：1234", "地址：某市某路1号", "某ICP备123号"]
    assert _kept(lines) == [PROSE]


def test_a_repost_templates_trailer_and_a_saved_images_name_are_chrome():
    # a content farm's repost: the saved WeChat image's name (its copy number after a space)
    # over the story, the template's note on who sent it in, then tips, comments and contacts
    lines = [
        "640 (2).jpg",
        PROSE,
        "本文来自 某某君 投稿,不代表本站立场,如若转载,请注明出处:http://www.example.cn/a/7.html",
        "打赏 微信扫一扫 支付宝扫一扫",
        "发表评论",
        "评论列表(0条)",
        "工作时间:周一至周五,9:00-18:00",
    ]
    assert _kept(lines) == [PROSE]


def test_a_media_centres_byline_credits_and_captions_are_chrome_and_cut_nothing():
    # a county media centre's app: ©原创 opens its byline, not a copyright footer, so the story
    # under it stays; credits set apart by a bar, the mailbox, a photo's caption and a news
    # site's rights notice are chrome, the notice cutting the trailer
    lines = [
        "©原创   05-18 09:20   青禾县融媒体中心",
        PROSE,
        "活动现场 主办方供图",
        PROSE,
        "责编丨某某某",
        "编审丨某某",
        "云上青禾投稿邮箱:example@qq.com",
        "版权和免责申明",
        "凡注有本网电头的稿件，均为本网独家版权所有。",
    ]
    assert _kept(lines) == [PROSE, PROSE]
    assert _kept(["© 2024 青禾网", PROSE]) == []


def test_a_footers_organ_labels_cut_the_trailer_only_at_the_pages_end():
    footer = ["主办单位：某市人民政府办公室", "承办单位：某市大数据中心", "地址：某市人民路1号"]
    assert _kept([PROSE, *footer]) == [PROSE]
    assert _kept([PROSE, *footer[:2], "网站标识码：5101000001", "联系电话：0000-1234567"]) == [
        PROSE
    ]
    # an event's organisers in its 活动方案, its text going on under them
    event = [
        "二、组织单位",
        "主办单位：某县妇女联合会",
        "承办单位：某县教育局",
        "三、活动内容",
        PROSE,
    ]
    assert _kept(event) == event


def test_a_repost_sites_follow_us_footer_cuts_the_trailer():
    # a repost site's footer under a reprinted notice: its account's caption over the QR code,
    # the follow-us line, the article's own address and keywords
    footer = [
        "青禾外商服务中心微信公众号",
        "扫描二维码 关注我们",
        "本文链接：//www.example.cn/doc/7.html",
        "本文关键词：某某, 通知",
    ]
    assert _kept([PROSE, "某市教育局办公室", "2024年5月21日", *footer]) == [
        PROSE,
        "某市教育局办公室",
        "2024年5月21日",
    ]
    assert _kept([PROSE, *footer[2:]]) == [PROSE]
    # an activity notice asks readers to follow an account, and goes on
    lines = ["报名请关注青禾县妇联微信公众号", "扫描下方二维码关注后填写报名表。", PROSE]
    assert _kept(lines) == lines


def test_a_reprinted_notice_keeps_no_second_document_of_its_sites_footer():
    text = "\n".join(
        [
            "某省教育厅办公室关于印发某某指引的通知",
            "某教办函〔2024〕7号",
            "各市教育局：",
            "现将某某指引印发给你们，请遵照执行。",
            "某省教育厅办公室",
            "2024年5月21日",
            "青禾外商服务中心微信公众号",
            "扫描二维码 关注我们",
            "本文链接：//www.example.cn/doc/7.html",
            "本文关键词：教办函, 教育厅, 指引, 通知",
        ]
    )
    documents = parse_text(text, name="reprint.txt").documents
    assert len(documents) == 1
    assert documents[0].preamble is not None
    assert "公众号" not in documents[0].preamble.text


def test_a_qa_sites_article_marks_are_chrome():
    assert _kept(["The Beginning", "问:托育补贴每月多少?", PROSE, "THE END"]) == [
        "问:托育补贴每月多少?",
        PROSE,
    ]


def test_lines_opening_or_ending_like_page_buttons_are_text():
    lines = ["分享典型经验，营造良好氛围。", "（三）公布举报电话和二维码", PROSE]
    assert _kept(["分享到：", *lines, "某某发布微信公众号二维码"]) == lines


def test_a_sentence_naming_a_sites_licence_is_no_footer():
    lines = ["一、工作目标", "督促网站取得ICP证并落实实名制。", "二、主要任务", PROSE]
    assert _kept(lines) == lines


def test_portal_fields_that_carry_metadata_are_left_for_the_metadata_stage():
    lines = ["来源：某市卫健委　时间：2024-03-01 10:20", PROSE]
    assert _kept(lines) == lines


def test_continuation_mark_of_a_second_page_is_chrome():
    assert _kept(["[接上页]", PROSE, "（未完待续）"]) == [PROSE]


def _sections(text):
    import govdocparse

    [document] = govdocparse.parse_text(text).documents
    return [(s.number, s.title) for s in document.sections]


def test_a_table_of_contents_with_leaders_and_page_numbers_is_not_read_as_sections():
    text = (
        "目  录\n一、总体要求 ………………………… 1\n  （一）指导思想 ………… 1\n"
        "二、主要任务 .................... 3\n三、保障措施 ·························· 第5页\n"
        "一、总体要求\n（一）指导思想。坚持儿童优先。\n二、主要任务\n正文。\n三、保障措施\n正文。\n"
    )
    assert _sections(text) == [("一、", "总体要求"), ("二、", "主要任务"), ("三、", "保障措施")]


def test_a_table_of_contents_without_page_numbers_is_dropped_when_its_lines_repeat():
    text = "目录\n一、总体要求\n二、主要任务\n一、总体要求\n正文。\n二、主要任务\n正文。\n"
    assert _sections(text) == [("一、", "总体要求"), ("二、", "主要任务")]
    # a 目录 line that is not followed by repeated lines stays
    kept = normalize([_p("目录", 1), _p("一、总体要求", 2), _p("正文。", 3)])
    assert block_texts(kept) == ["目录", "一、总体要求", "正文。"]


def test_a_contents_line_ending_the_text_stays_and_raises_nothing():
    # a sharing site's preview cut right after a standard's cover (thirty-second reading): the
    # 目次 line is the last one, with no entry under it (it had raised an IndexError)
    blocks = [_p("某市地方标准", 1), _p("某某服务规范", 2), _p("某市市场监督管理局 发 布", 3)]
    assert block_texts(normalize([*blocks, _p("目 次", 4)]))[-1] == "目 次"
    assert parse_text("某某服务规范\n2022-04-28 发布\n目 次\n").documents[0].title == "某某服务规范"


LEADERLESS_BODY = (
    "第一章 总则\n为促进儿童发展，制定本规划。\n第二章 发展目标\n正文。\n第三章 主要任务\n正文。\n"
)
LEADERLESS_SECTIONS = [("第一章", "总则"), ("第二章", "发展目标"), ("第三章", "主要任务")]


@pytest.mark.parametrize(
    "contents",
    [
        "目  录\n第一章 总则 1\n第二章 发展目标 3\n第三章 主要任务 第5页\n",
        "目录\n前言 1\n第一章　总则\t2\n第二章　发展目标\t3\n第三章　主要任务\t12\n",
        # no 目录 line: chapters numbered one after another from the first
        "第一章 总则 1\n第二章 发展目标 3\n第三章 主要任务 5\n",
    ],
    ids=["spaces", "tabs-and-foreword", "no-contents-line"],
)
def test_a_table_of_contents_without_leaders_is_not_read_as_sections(contents):
    text = "某市儿童发展规划（2021—2030年）\n" + contents + LEADERLESS_BODY
    assert _sections(text) == LEADERLESS_SECTIONS


def test_a_heading_ending_in_a_number_is_no_contents_entry_unless_repeated_without_it():
    lines = ["目录", "一、十四五规划的2个目标", "正文。"]
    blocks = normalize([_p(text, n) for n, text in enumerate(lines, 1)])
    assert block_texts(blocks) == lines


def test_page_numbers_and_the_running_head_a_page_repeats_after_one_are_dropped():
    lines = [
        "某市人民政府公报      2019年第4期",
        "某市学前教育攻坚行动方案",
        "一、工作目标",
        "到2020年，全市学前三年毛入园率达到95%以上。",
        "— 5 —",
        "某市人民政府公报      2019年第4期",
        "二、主要措施",
        "第 6 页 共 12 页",
        "某市学前教育攻坚行动方案",
        "三、保障措施",
    ]
    blocks = normalize([_p(text, n) for n, text in enumerate(lines, 1)])
    # the first copies stay (the head of page 1, the plan's title); the repeats after a page
    # number go, and so do the page numbers
    assert block_texts(blocks) == [
        "某市人民政府公报      2019年第4期",
        "某市学前教育攻坚行动方案",
        "一、工作目标",
        "到2020年，全市学前三年毛入园率达到95%以上。",
        "二、主要措施",
        "三、保障措施",
    ]


def test_a_regulations_chapter_list_without_a_contents_line_is_dropped():
    # a law database lists a 条例's chapters under its title, no 目录 above them, then the text
    lines = [
        "青溪省家庭教育促进条例",
        "第一章 总则",
        "第二章 家庭责任",
        "第三章 社会协同",
        "第四章 附则",
        "第一章 总则",
        "第一条 为了促进家庭教育，制定本条例。",
        "第二章 家庭责任",
        "第二条 父母应当履行家庭教育职责。",
    ]
    blocks = normalize([_p(text, n) for n, text in enumerate(lines, 1)])
    assert block_texts(blocks) == [lines[0], *lines[5:]]


def test_a_plans_chapter_list_naming_its_sections_without_a_contents_line_is_dropped():
    # a provincial bureau's page lists a plan's chapters and their sections under its title,
    # no 目录 above them, then the text repeats them (invented, twenty-second reading's layout)
    lines = [
        "青溪省儿童福利事业发展规划",
        "第一章 规划背景",
        "第一节 发展成果",
        "第二节 面临形势",
        "第二章 总体要求",
        "第一节 指导思想",
        "第二节 发展目标",
        "第三章 主要任务",
        "第一节 完善保障体系",
        "第四章 保障措施",
        "儿童是民族的希望。根据有关规定，制定本规划。",
        "第一章 规划背景",
        "第一节 发展成果",
        "十三五时期，全省儿童福利事业取得重要成果。",
    ]
    blocks = normalize([_p(text, n) for n, text in enumerate(lines, 1)])
    assert block_texts(blocks) == [lines[0], *lines[10:]]


def test_chapters_with_sections_that_hold_text_stay():
    # a chapter's sections with a sentence of text are the body, not a list of its headings
    lines = [
        "第一章 总则",
        "第一节 目的。为规范管理，制定本办法。",
        "第二章 职责",
        "第三章 附则",
        "第一章 总则",
    ]
    blocks = normalize([_p(text, n) for n, text in enumerate(lines, 1)])
    assert block_texts(blocks) == lines


def test_chapters_in_a_row_that_the_text_never_repeats_stay():
    # three numbered lines in a row are no table of contents unless the first comes again
    lines = ["第一章 总则", "第二章 家庭责任", "第三章 附则", "第一条 本条例自公布之日起施行。"]
    blocks = normalize([_p(text, n) for n, text in enumerate(lines, 1)])
    assert block_texts(blocks) == lines


# A 部门决算's page (invented, thirty-third reading's layout): a 目录 line over its parts and
# their items, the tables listed but given as files, the body wording its first part otherwise
_ACCOUNTS_CONTENTS = [
    "目 录",
    "第一部分 青川县妇联概况",
    "一、部门职责",
    "二、机构设置",
    "第二部分 2023年度部门决算表",
    "一、收入支出决算总表",
    "二、一般公共预算及政府性基金财政拨款“三公”经费支出决算表",
    "第三部分 2023年度部门决算情况说明",
    "一、收入支出决算总体情况说明",
    "第四部分 名词解释",
]


@pytest.mark.parametrize(
    "body",
    [
        ["第一部分", "县妇联概况", "一、部门职责", "（一）联系和服务妇女。"],
        ["青川县妇女联合会2023年度部门决算情况", "第一部分 部门概况", "一、部门职责"],
    ],
    ids=["part-number-alone", "heading-line-between"],
)
def test_a_contents_list_the_body_words_otherwise_ends_where_its_numbering_restarts(body):
    lines = [*_ACCOUNTS_CONTENTS, *body]
    blocks = normalize([_p(text, n) for n, text in enumerate(lines, 1)])
    assert block_texts(blocks) == body


def test_numbered_lines_under_a_contents_line_stay_when_the_numbering_never_restarts():
    # a 目录 line over items that the text goes on from, no part numbered 1 again: no contents
    lines = ["目录", "一、部门职责", "二、机构设置", "三、人员情况", "四、收支总体情况"]
    blocks = normalize([_p(text, n) for n, text in enumerate(lines, 1)])
    assert block_texts(blocks) == lines


_PREVIEW_NOTE = (
    "《青山县三年行动计划.docx》由会员分享,可在线阅读,更多相关《青山县三年行动计划.docx"
    "(41页珍藏版)》请在某某文档上搜索。"
)


def test_a_sharing_sites_numbered_preview_chunks_are_joined_where_they_cut():
    # a document-sharing site's preview (invented, in a twenty-third-reading layout): under its
    # note, the pieces it shows numbered 1、 2、 3、, cut inside a word or a sentence
    blocks = normalize(
        [
            _p("青山县三年行动计划.docx", 1),
            _p(_PREVIEW_NOTE, 2),
            _p("1、为推进儿童友好建设，坚持统筹规划、专业指导的工作方", 3),
            _p("2、式，把我县建成更适合儿童成长的县城。二、基本原则", 4),
            _p("3、（一）儿童优先。将儿童优先融入公共政策。", 5),
        ]
    )
    assert block_texts(blocks)[1:] == [
        "为推进儿童友好建设，坚持统筹规划、专业指导的工作方式，把我县建成更适合儿童成长的县城。"
        "二、基本原则（一）儿童优先。将儿童优先融入公共政策。"
    ]
    assert blocks[1].prov.lines == (3, 5)


def test_an_item_after_a_sentences_end_keeps_its_number_under_a_sharing_note():
    # the document's items end their sentences: no chunk cut them, and without 1、 right under
    # the note no chunk marks are read at all
    items = ["1、科学规划。按国家总体目标推进。", "2、坚持标准。严格执行认定标准。"]
    under_note = normalize([_p(_PREVIEW_NOTE, 1), *(_p(t, n) for n, t in enumerate(items, 2))])
    assert block_texts(under_note) == ["科学规划。按国家总体目标推进。", items[1]]
    no_note = normalize([_p("某县工作方案", 1), *(_p(t, n) for n, t in enumerate(items, 2))])
    assert block_texts(no_note)[1:] == items


def test_a_credits_label_before_a_name_is_furniture_before_a_step_text():
    # a story's credits hold names; a procedure's steps open with the same words
    steps = [
        "初审：乡镇人民政府对申请材料进行初审。",
        "审核：县民政局对材料进行审核，符合条件的予以公示。",
    ]
    assert _kept([PROSE, *steps, "编辑：某某", "审核：某某 校对：某某某"]) == [PROSE, *steps]


def test_a_sites_host_printed_in_its_header_ends_no_text():
    # a site prints its 主办单位 above the breadcrumb: the page goes on under it
    blocks = [
        _p("服务热线", 1),
        _p("主办单位:某某教育促进会", 2),
        _p("您现在的位置:首页 政策法规", 3),
        _p("某区家校社协同育人工作方案", 4),
        _p("为推进协同育人，制定本方案。", 5),
        _p("主办单位:某某教育促进会", 6),
        _p("技术支持:某某科技", 7),
        _p("联系电话", 8),
    ]
    kept = block_texts(normalize(blocks))
    assert kept[-2:] == ["某区家校社协同育人工作方案", "为推进协同育人，制定本方案。"]


_NOTICE = (
    "各中小学、幼儿园：\n"
    "为推进儿童友好学校建设，我局制定了《青山区儿童友好学校建设实施方案》，现印发给你们，请认真落实。\n"
    "附件：青山区儿童友好学校建设实施方案\n"
    "青山区教育局\n"
    "2023年11月20日\n"
)
_TITLE = "青山区教育局关于印发《青山区儿童友好学校建设实施方案》的通知\n"


@pytest.mark.parametrize("title", [_TITLE, ""])
def test_an_article_a_page_prints_twice_is_read_once(title):
    # a portal page giving its article again under it, as a print view (forty-first reading)
    [notice] = parse_text((title + _NOTICE) * 2).documents
    assert notice.kind == "notice"
    assert notice.metadata.recipients == ["各中小学、幼儿园"]
    assert notice.preamble is not None and notice.preamble.text.count("现印发给你们") == 1


def test_a_sentence_said_again_further_on_is_kept():
    text = (
        "青山区儿童友好公园建设实施方案\n一、建设任务\n"
        "各街道要按照一米高度的儿童视角推进公园适儿化改造，完善游憩设施。\n"
        "二、保障措施\n加强经费保障。\n"
        "各街道要按照一米高度的儿童视角推进公园适儿化改造，完善游憩设施。\n"
    )
    [plan] = parse_text(text).documents
    assert [s.text for s in plan.sections][1].count("一米高度") == 1
    assert sum(s.text.count("一米高度") for s in plan.sections) == 2
