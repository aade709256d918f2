"""Copies that sites and crawls damaged: what is still safe to read from them, and what is not.

Every text here is invented in the layout of the damage it stands for: a public institution
signing its own notice, a crawl that dropped a date's 年月日 or a 文号's brackets and 号.
"""

import pytest

from govdocparse import parse, parse_text
from govdocparse.readers import read
from govdocparse.readers.text import blocks_from_text

from .support import block_texts

NOTICE = (
    "关于印发{plan}的通知\n{number}各科室：\n现将《{plan}》印发给你们，请认真组织实施。\n"
    "{signature}\n{date}\n{plan}\n一、工作目标\n到2025年，辖区儿童健康管理率达到92%以上。\n"
)
PLAN = "儿童健康促进工作方案"


def _notice(signature: str, date: str = "2023年6月12日", number: str = "") -> str:
    return NOTICE.format(plan=PLAN, signature=signature, date=date, number=number)


@pytest.mark.parametrize(
    "institution",
    [
        "澄江市妇幼保健院",
        "岚山县疾病预防控制中心",
        "溪口区第二实验小学",
        "白沙县人民医院",
        "长宁市青少年活动中心",
        "桐乡县乡村振兴服务站",
    ],
)
def test_a_public_institution_signing_its_notice_is_the_issuer(institution):
    notice, plan = parse_text(_notice(institution)).documents
    assert notice.metadata.issuer == institution
    assert (notice.metadata.date_written, plan.metadata.issuer) == ("2023-06-12", institution)


@pytest.mark.parametrize(
    "line",
    [
        "儿童保健中心",  # no place: a unit of the text's own, not a signature
        "加快建设妇幼保健院",  # a task that names an institution, no place
        "澄江市妇幼保健院，县疾病预防控制中心",  # a sentence
    ],
)
def test_a_line_naming_an_institution_is_no_signature_unless_it_is_one(line):
    [notice, _] = parse_text(_notice(line)).documents
    assert notice.metadata.issuer is None


def test_an_institution_named_in_the_body_is_no_issuer():
    # the same name on a line of the text, with no date under it, signs nothing
    text = (
        f"澄江市{PLAN}\n一、工作目标\n澄江市妇幼保健院\n到2025年，辖区儿童健康管理率达到92%以上。\n"
    )
    [plan] = parse_text(text).documents
    assert plan.metadata.issuer is None


@pytest.mark.parametrize(
    "signature, date, iso",
    [
        ("澄江市人民政府办公室", "2023 3 15", "2023-03-15"),
        ("澄江市妇幼保健院", "2021 12 30", "2021-12-30"),
        ("澄江市人民政府办公室", "2023\u30003\u300015", "2023-03-15"),
        # a mirror that lost the 月 alone, month and day two digits each (twenty-fifth reading)
        ("澄江市人民政府办公室", "2023年0315日", "2023-03-15"),
        ("澄江市教育体育局 澄江市民政局", "2017年1128日", "2017-11-28"),
    ],
)
def test_a_date_that_lost_its_marks_under_a_signature_is_read(signature, date, iso):
    notice, plan = parse_text(_notice(signature, date)).documents
    issuer = signature.replace(" ", "、")  # joint organs are listed
    assert (notice.metadata.issuer, notice.metadata.date_written) == (issuer, iso)
    assert plan.metadata.date_written == iso


@pytest.mark.parametrize(
    "above, numbers",
    [
        ("特此通知。", "2023 3 15"),  # no signature above: three bare numbers
        ("澄江市人民政府办公室", "2023 13 15"),  # no month 13
        ("澄江市人民政府办公室", "2023 3 15 8"),  # four numbers: a row of a table
        ("澄江市人民政府办公室", "2023年1328日"),  # no month 13
        ("特此通知。", "2017年1128日"),
    ],
)
def test_bare_numbers_are_no_date_unless_under_a_signature(above, numbers):
    [notice, _] = parse_text(_notice(above, numbers)).documents
    assert notice.metadata.date_written is None


@pytest.mark.parametrize(
    "number, read",
    [
        ("澄府办发2023 4号", "澄府办发〔2023〕4号"),
        ("澄府办发〔2023〕12", "澄府办发〔2023〕12号"),
        ("澄教发[2022]7", "澄教发〔2022〕7号"),
        ("澄府办发[2023]12号", "澄府办发[2023]12号"),  # undamaged: as written
        ("澄民202164", None),  # the year and the number run together: unreadable
        ("依据澄府办发〔2023〕12文件执行。", None),  # a citation in a sentence
    ],
)
def test_a_damaged_doc_number_alone_under_the_title(number, read):
    [notice, _] = parse_text(_notice("澄江市人民政府办公室", number=number + "\n")).documents
    assert notice.metadata.doc_number == read


def _page(paragraph: str) -> bytes:
    head = '<html><head><meta charset="utf-8"></head>'
    return f'{head}<body><div class="doc"><p>{paragraph}</p></div></body></html>'.encode()


# A document-sharing site's page: the notice and the plan in one <p>, their lines set apart by
# single spaces (a PDF's text as the site extracted it).
FLAT_PAGE = (
    "澄江县人民政府办公室关于印发澄江县儿童友好县建设工作方案的通知 澄府办发〔2023〕8号 "
    "各乡镇人民政府，县政府各部门： 《澄江县儿童友好县建设工作方案》已经县政府同意，现印发给你们，"
    "请认真贯彻执行。 澄江县人民政府办公室 2023年5月8日 澄江县儿童友好县建设工作方案 "
    "为推进儿童友好县建设，结合本县实际，制定本方案。 一、总体要求 （一）指导思想 "
    "坚持儿童优先发展，把儿童友好理念融入县城建设。 （二）工作目标 到2025年，全县儿童友好社区达到"
    "20个，婴儿死亡率控制在5‰以下。 二、重点任务 （一）完善儿童服务体系 新建儿童之家15个。 "
    "（二）优化成长环境 改造校园周边道路10条。 三、保障措施 加强组织领导，落实工作责任。"
)


def test_a_notice_and_plan_flattened_into_one_paragraph_of_a_page_are_read_apart(tmp_path):
    page = tmp_path / "flat.html"
    page.write_bytes(_page(FLAT_PAGE))
    notice, plan = parse(page).documents
    assert (notice.metadata.doc_number, notice.metadata.date_written) == (
        "澄府办发〔2023〕8号",
        "2023-05-08",
    )
    assert plan.title == "澄江县儿童友好县建设工作方案"
    assert [(s.title, [c.title for c in s.children]) for s in plan.sections] == [
        ("总体要求", ["指导思想", "工作目标"]),
        ("重点任务", ["完善儿童服务体系", "优化成长环境"]),
        ("保障措施", []),
    ]
    assert {i.name for i in plan.indicators} == {"儿童友好社区数", "婴儿死亡率"}


def test_a_plan_flattened_without_spaces_is_split_before_its_headings_in_a_page(tmp_path):
    page = tmp_path / "flat.html"
    page.write_bytes(_page(FLAT_PAGE.split(" 为推进")[1].replace(" ", "")))
    [plan] = parse(page).documents
    assert [s.number for s in plan.sections] == ["一、", "二、", "三、"]
    assert [c.number for c in plan.sections[1].children] == ["（一）", "（二）"]


# A paragraph that cites numbers in its sentences (一、二两项…三、四两项): the numbers skip, so
# nothing proves them headings, in a text line or in a page's paragraph alike.
CITING = (
    "各乡镇要对照方案开展自查，逐项抓好落实，确保各项任务按期完成。一、二两项任务由县教育局牵头，"
    "县财政局配合。（一）（二）类指标由县卫生健康局负责统计。三、四两项任务由县民政局牵头，"
    "按季度报送进展。（三）类指标年底前完成核查。"
)


def test_a_paragraph_citing_numbers_in_its_sentences_stays_one(tmp_path):
    page = tmp_path / "citing.html"
    page.write_bytes(_page(CITING))
    blocks, _ = blocks_from_text(CITING, "t.txt")
    assert block_texts(blocks) == [CITING]
    assert block_texts(read(page).blocks) == [CITING]


# A document-sharing site's copy of a 行动方案 (invented): its file facts, download buttons and
# numbered tips above the document, the body glued onto one line with only first-level headings,
# each heading's section name running straight into its text, the copy's line wraps left as
# single spaces.
SHARED_COPY = (
    "澄江县儿童友好县建设三年行动方案(2024-2026年).docx\n资源ID:10452231\n资源大小:38.1KB\n"
    "全文页数:12页\n- 资源格式: DOCX\n下载积分:10金币\n快捷下载\n会员登录下载\n友情提示\n"
    "2、PDF文件下载后,可能会被浏览器默认打开,此种情况可以点击浏览器菜单,保存网页到桌面。\n"
    "3、本站不支持迅雷下载,请使用电脑自带的IE浏览器下载即可。\n"
    "澄江县儿童友好县建设三年行动方案(2024-2026年)\n"
    "为推进儿童友好县建设,结合我县实际,制定本行动方案。一、指导思想坚持以人民为中心的发展"
    "思想,以儿童需求 为导向,构建儿童友好的政策体系和服务体系,让儿童友好理念融入县城 建设"
    "全过程。二、基本原则儿童优先,普惠共享,在公共资源配置中 优先考虑儿童需求。三、主要目标"
    "到2026年,全县建成儿童友好社区15个,儿童之家覆盖率达到95%以上。\n"
)


def test_a_sharing_sites_copy_with_first_level_headings_only_is_read_as_the_plan():
    [plan] = parse_text(SHARED_COPY).documents
    assert plan.title == "澄江县儿童友好县建设三年行动方案(2024-2026年)"
    assert [(s.number, s.title) for s in plan.sections] == [
        ("一、", "指导思想"),
        ("二、", "基本原则"),
        ("三、", "主要目标"),
    ]
    assert plan.sections[2].text.startswith("到2026年")
    assert {i.name for i in plan.indicators} == {"儿童友好社区数", "儿童之家覆盖率"}


# Another document-sharing site's traditional-character preview (invented): its buttons, its
# copyright note and 文檔簡介 caption, then the 办法 glued onto one line, its title running
# straight into 第一條 and each article into the next, the number set apart from its text by a
# space, an ideographic space or nothing.
ARTICLES = (
    "為規範托育機構登記和備案工作，促進托育服務健康發展，制定本辦法。",
    "本辦法所稱托育機構，是指為三歲以下嬰幼兒提供全日托、半日托等照護服務的機構。",
    "舉辦營利性托育機構的，應當向市場監管部門申請註冊登記。",
    "本辦法自發布之日起施行。",
)
PREVIEW_HEAD = (
    "全文預覽已結束\n下載本文檔\n"
    "版權說明：本文檔由用戶提供並上傳，收益歸屬內容提供方，若內容存在侵權，請進行舉報或認領\n"
    "文檔簡介\n"
)


def _glued_articles(title: str, gap: str) -> str:
    numbers = "一二三四"
    return title + "".join(f"第{numbers[n]}條{gap}{text}" for n, text in enumerate(ARTICLES))


@pytest.mark.parametrize("gap", [" ", "\u3000", ""])
@pytest.mark.parametrize(
    "title", ["青河縣托育機構登記和備案辦法（試行）", "青河縣托育機構登記和備案辦法"]
)
def test_a_previews_title_glued_to_its_first_article_is_split_from_it(tmp_path, title, gap):
    text = _glued_articles(title, gap)
    page = tmp_path / "preview.html"
    page.write_bytes(_page(text))
    for record in (parse_text(PREVIEW_HEAD + text + "\n"), parse(page)):
        [rules] = record.documents
        assert rules.title == title
        assert [s.number for s in rules.sections] == ["第一條", "第二條", "第三條", "第四條"]
        assert [s.text for s in rules.sections] == list(ARTICLES)


def test_a_previews_page_captions_reading_meter_and_page_field_stay_out_of_the_title():
    # the same family's simplified preview (invented, in a twenty-eighth-reading layout): a
    # caption per page image, the reading meter and its buttons, the rights note, then the
    # extracted text opening with a Word header's PAGE field code glued to the title
    title = "青河县儿童福利院安全管理制度"
    text = (
        f"{title}_第1页\n{title}_第2页\n{title}_第3页\n"
        "已阅读3页,还剩6页未读 继续免费阅读\n\n下载本文档\n\n"
        "版权说明:本文档由用户提供并上传,收益归属内容提供方,若内容存在侵权,请进行举报或认领\n\n"
        "文档简介\n\n"
        f"PAGE{title}\n一、总则\n为保障在院儿童安全，制定本制度。\n二、安全责任\n"
        "院长是安全工作第一责任人。\n"
    )
    [rules] = parse_text(text).documents
    assert rules.title == title
    assert [s.title for s in rules.sections] == ["总则", "安全责任"]


def test_articles_cited_out_of_their_sequence_are_no_glued_body():
    cited = (
        "青河縣托育機構登記和備案辦法第一條為規範托育機構登記和備案工作而制定，此處從略。"
        "第三條由市場監管部門負責登記，第四條由衛生健康部門負責備案。第二條另有說明。"
    )
    blocks, _ = blocks_from_text(cited, "t.txt")
    assert block_texts(blocks) == [cited]


def test_a_sentence_listing_points_after_its_colon_is_no_glued_body():
    listing = (
        "县妇儿工委要统筹推进以下工作，确保各项任务按期完成，主要包括：一、完善儿童服务体系建设；"
        "二、优化儿童成长环境；三、加强儿童权益保障工作，逐项明确责任单位和完成时限。"
    )
    blocks, _ = blocks_from_text(listing, "t.txt")
    assert block_texts(blocks) == [listing]


def test_a_heading_that_runs_on_after_its_section_name_keeps_its_title():
    text = (
        "青山县儿童友好行动方案\n一、指导思想和基本原则\n坚持儿童优先。\n"
        "二、主要目标任务。到2025年，建成儿童友好社区20个。\n三、主要目标到2025年，建成儿童之家30个。\n"
    )
    [plan] = parse_text(text).documents
    assert [s.title for s in plan.sections] == ["指导思想和基本原则", "主要目标任务", "主要目标"]


@pytest.mark.parametrize(
    "heading, title, text",
    [
        (
            "二、基本原则儿童优先、普惠共享。坚持把儿童发展放在优先位置。",
            "基本原则",
            "儿童优先、普惠共享。",
        ),
        (
            "二、工作原则政府主导社会协同多方参与。各部门分工负责。",
            "工作原则",
            "政府主导社会协同多方参与。",
        ),
        ("二、总体要求聚焦重点、补齐短板。", "总体要求", "聚焦重点、补齐短板。"),
        ("二、主要目标任务。到2025年，建成儿童之家30个。", "主要目标任务", "到2025年"),
        ("二、职责分工明确。各部门按职责抓好落实。", "职责分工明确", "各部门"),
    ],
)
def test_a_section_name_glued_to_a_phrase_before_its_full_stop_is_the_title(heading, title, text):
    [plan] = parse_text(
        f"白沙县儿童友好行动方案\n一、指导思想\n坚持儿童优先。\n{heading}\n"
    ).documents
    section = plan.sections[1]
    assert (section.title, section.text.startswith(text)) == (title, True)


# A sharing site's transcript of a PDF (invented, in the thirty-fourth reading's layout): the
# site's English header, then each page under a line of its own (Page 2: the file's name, its
# address and a summary) and the viewer's counter (2 / 14).
TRANSCRIPT = (
    "青河县托育服务发展评估报告...\n14\nClick here to load reader\nUpload: qinghe01\n"
    "Post on 12-Mar-2021\n208 views\nCategory:\nDocuments\n17 download\nTRANSCRIPT\n"
    "Page 1: 青河县托育服务发展 评估报告example.cn/files/upload/2020/11/02/... · 托育服务 ... "
    "每千人口托位数\n1 / 14\n青河县托育服务发展\n评估报告\n"
    "Page 2: 青河县托育服务发展 评估报告example.cn/files/upload/2020/11/02/... · 托育服务 ... "
    "每千人口托位数\n2 / 14\n一、评估背景\n青河县自2019年起推进托育服务体系建设。\n"
    "Page 3: 青河县托育服务发展 评估报告example.cn/files/upload/2020/11/02/... · 托育服务 ... "
    "每千人口托位数\n3 / 14\n二、评估结果\n全县普惠托位占比为{share}。\n"
)


@pytest.mark.parametrize("share", ["62%", "3/5"])
def test_a_transcripts_page_lines_and_counters_are_no_text(share):
    [report] = parse_text(TRANSCRIPT.format(share=share)).documents
    assert report.title == "青河县托育服务发展评估报告"
    assert [s.title for s in report.sections] == ["评估背景", "评估结果"]
    texts = [s.text for s in report.sections]
    assert texts == ["青河县自2019年起推进托育服务体系建设。", f"全县普惠托位占比为{share}。"]


def test_two_numbers_with_a_slash_under_no_page_line_stay_text():
    # a flattened table's cell (1/3) is no viewer's counter
    text = (
        "青河县托育服务发展评估报告\n一、评估结果\n普惠托位占比\n1/3\n二、下一步打算\n扩大供给。\n"
    )
    [report] = parse_text(text).documents
    assert "1/3" in report.sections[0].text


@pytest.mark.parametrize(
    "head",
    [
        "You are on page 1of 21青河县托育服务三年行动方案\n",
        "青河县托育服务三年行动方案 第1页/共21页\n",
        "第1页 共21页青河县托育服务三年行动方案\n",
    ],
    ids=["viewer-counter-glued", "counter-after-title", "counter-before-title"],
)
def test_a_viewers_page_counter_stays_out_of_the_title(head):
    text = f"{head}一、总体要求\n到2025年，全县每千人口拥有3岁以下婴幼儿托位数达到4.5个。\n"
    [plan] = parse_text(text).documents
    assert plan.title == "青河县托育服务三年行动方案"


# A document site's preview of a report flattened onto one line (invented, in the thirty-eighth
# reading's layout): the cover's title, organ and date glued together, the site's page markers
# and running head between the pages, a dotted table of contents whose last entry lost its page
# number, then the text.
FLATTENED_COVER = (
    "松岭市妇女儿童发展规划（2021—2030年）中期评估报告松岭市人民政府妇女儿童工作委员会"
    "二〇二三年十二月第1页共28页某某文档网 专业文档分享第1页共28页目录一、总体情况……………………1"
    "二、主要目标完成情况…………………4（一）妇女与健康……………………4（二）儿童与教育……………………9"
    "三、存在的问题…………………15四、下一步工作建议第2页共28页某某文档网 专业文档分享第2页共28页"
    "摘要2021年以来，全市各级各部门认真贯彻落实规划，妇女儿童事业取得新进展。\n"
)


def test_a_flattened_reports_cover_gives_its_title_issuer_and_date_and_no_contents():
    [report] = parse_text(FLATTENED_COVER).documents
    assert report.title == "松岭市妇女儿童发展规划（2021—2030年）中期评估报告"
    assert report.metadata.issuer == "松岭市人民政府妇女儿童工作委员会"
    assert report.metadata.date_written == "2023-12"
    texts = [report.preamble.text if report.preamble else ""]
    texts += [f"{s.title} {s.text}" for s in report.sections]
    assert not any(mark in text for text in texts for mark in ("……", "文档网", "第2页"))
    assert not any("下一步工作建议" in text for text in texts)


def test_a_flattened_reports_cover_dated_before_its_title_again_with_its_organ():
    text = (
        "青岭县实施妇女儿童发展纲要终期评估报告二〇二一年六月三十日青岭县人民政府妇儿工委关于实施"
        "妇女儿童发展纲要终期评估报告报告摘要：纲要实施以来，县委、县政府高度重视妇女儿童工作，"
        "县妇儿工委充分发挥协调职能，成员单位密切配合，纲要确定的各项指标大多如期实现。\n"
    )
    [report] = parse_text(text).documents
    assert (report.title or "").endswith("实施妇女儿童发展纲要终期评估报告")
    assert report.metadata.issuer == "青岭县人民政府妇儿工委"
    assert report.metadata.date_written == "2021-06-30"
    assert report.preamble is not None and report.preamble.text.startswith("报告摘要")


def test_a_sentence_opening_with_a_plans_name_and_a_date_is_no_cover():
    line = (
        "全县认真落实妇女发展规划2023年12月召开推进会议，部署下一阶段工作，要求各成员单位对照"
        "规划目标逐项梳理完成情况，查找短板弱项，细化工作措施，确保规划各项目标任务按期完成，"
        "推动全县妇女儿童事业高质量发展。"
    )
    assert block_texts(blocks_from_text(line, "cover.txt")[0]) == [line]


# The same transcript's text hard-wrapped at the page's width, double-spaced, one sentence running
# on over a page's line and the viewer's counter (thirty-fifth reading's layout, invented).
WRAPPED_TRANSCRIPT = (
    "TRANSCRIPT\n\n"
    "Page 1: 青河县托育服务发展 评估报告example.cn/files/upload/2020/11/02/... · 托育服务 ...\n\n"
    "1 / 14\n\n青河县托育服务发展\n\n评估报告\n\n"
    "Page 2: 青河县托育服务发展 评估报告example.cn/files/upload/2020/11/02/... · 托育服务 ...\n\n"
    "2 / 14\n\n一、评估背景\n\n"
    "2019 年 6 月,青河县启动托育服务体系建设,在县城和中心镇新\n\n"
    "建普惠托育机构 12 所,全县每千人口拥有 3岁以下婴幼儿托位\n\n"
    "数由 1.2 个提高到 2.8 个,普惠托位占比达到 62%,家长满意度\n\n"
    "Page 3: 青河县托育服务发展 评估报告example.cn/files/upload/2020/11/02/... · 托育服务 ...\n\n"
    "3 / 14\n\n"
    "逐年提高,托育服务的可及性和质量明显改善,评估组在此基础上\n\n"
    "开展了入户调查和机构走访。\n\n二、评估方法\n\n评估组在全县各乡镇开展抽样调查。\n"
)


def test_a_transcripts_lines_wrapped_at_the_pages_width_join_across_its_page_lines():
    [report] = parse_text(WRAPPED_TRANSCRIPT).documents
    assert [s.title for s in report.sections] == ["评估背景", "评估方法"]
    assert report.sections[0].text == (
        "2019 年 6 月,青河县启动托育服务体系建设,在县城和中心镇新建普惠托育机构 12 所,全县每千"
        "人口拥有 3岁以下婴幼儿托位数由 1.2 个提高到 2.8 个,普惠托位占比达到 62%,家长满意度逐年"
        "提高,托育服务的可及性和质量明显改善,评估组在此基础上开展了入户调查和机构走访。"
    )
