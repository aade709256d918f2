"""Metadata field rules: dates, places, periods, portal blocks, 文号 forms, GB/T 9704 elements.

Every document here is invented in the layout of a kind of real publication: a printed 公文 with
its 版头 and 版记, a portal page copied as text, a mirror, a gazette page.
"""

from pathlib import Path

import docx
import pytest
import regex

from govdocparse import parse, parse_text, portal
from govdocparse.cli import main
from govdocparse.extract.metadata import iso_date, period_of, place_of, split_recipients
from govdocparse.model import Period
from govdocparse.textutil import epoch_millis_date, leading_date, month_date


@pytest.mark.parametrize(
    "text, iso",
    [
        ("2018年3月7日", "2018-03-07"),
        ("2024-03-14", "2024-03-14"),
        ("二〇二三年二月九日", "2023-02-09"),
        ("２０２２年１２月３１日", "2022-12-31"),
        ("二○一九年五月八日", "2019-05-08"),  # ○ U+25CB
        ("二〇二一年十一月三十日", "2021-11-30"),  # 〇 U+3007
        ("二零二二年十二月三十日", "2022-12-30"),
        ("二O一八年九月一日", "2018-09-01"),  # a Latin O, as mirrors type it
        ("二0一一年七月十五日", "2011-07-15"),  # the digit 0, as authors type it
        ("二０二三年一月五日", "2023-01-05"),  # a full-width digit 0
        ("0000年1月1日", None),  # digits alone are no Chinese year
        ("2022.12.30", "2022-12-30"),
        ("2022 年 12 月 30 日", "2022-12-30"),
        ("2023年13月1日", None),
        ("三月七日", None),
    ],
)
def test_iso_dates(text, iso):
    assert iso_date(text) == iso


@pytest.mark.parametrize(
    "text, iso",
    [
        ("2024-03-01 10:20", "2024-03-01"),
        ("2021年09月08日", "2021-09-08"),
        ("2020.05.07 访问量", "2020-05-07"),
        ("20240301", None),
        ("暂无", None),
        # a news theme's year apart from its month/day, read only with the time after it
        ("2024 11/21 10:33:57", "2024-11-21"),
        ("2020 02/19 20:37 来源：某某网", "2020-02-19"),
        ("2024 11/21", None),
        ("2024 13/21 10:33", None),
    ],
)
def test_leading_date_of_a_portal_value(text, iso):
    assert leading_date(text) == iso


@pytest.mark.parametrize(
    "name, place",
    [
        ("重庆市万州区人民政府办公室", "万州区"),
        ("贵州省遵义市人民政府", "遵义市"),
        ("梅州市儿童友好城市建设实施方案", "梅州市"),
        ("广东省广州市天河区人民政府", "天河区"),
        ("黔东南苗族侗族自治州人民政府", "黔东南苗族侗族自治州"),
        ("关于印发实施方案的通知", None),
        ("儿童发展规划", None),
        # a municipality or province governing itself keeps its province-level name
        ("天津市人民政府办公厅", "天津市"),
        ("广东省人民政府", "广东省"),
        ("天津市滨海新区人民政府", "滨海新区"),
        ("酉阳土家族苗族自治县人民政府", "酉阳土家族苗族自治县"),
        ("内蒙古自治区兴安盟科尔沁右翼前旗人民政府", "科尔沁右翼前旗"),
        ("浙江省义乌市人民政府办公室", "义乌市"),
        ("关于印发《天津市儿童发展规划》的通知", "天津市"),
        ("《南部县儿童发展规划(2021-2030年)》政策解读", "南部县"),
        # title wording with the shape of a place is none
        ("关于贯彻落实市政府促进儿童事业发展的实施方案", None),
        ("科尔沁右翼前旗儿童友好示范旗建设三年行动计划", "科尔沁右翼前旗"),
        # one character before 城市/都市 makes a city, more make a description
        ("成都市人民政府办公厅", "成都市"),
        ("山西省晋城市人民政府", "晋城市"),
        ("盐城市儿童友好城市建设实施方案", "盐城市"),
        ("文明城市创建工作方案", None),
        # a township with its own organ after it; without one, or a generic word, no place
        ("青山县石门乡人民政府", "石门乡"),
        ("城关镇人民政府关于印发儿童关爱服务实施方案的通知", "城关镇"),
        ("青山县城关街道办事处", "城关街道"),
        ("各乡镇人民政府", None),
        ("乡镇卫生院儿童保健工作方案", None),
        ("特色小镇建设方案", None),
        ("关于印发石门乡儿童关爱服务方案的通知", None),
        # 县域, 市域: the area of a county or a city after the place, no unit of its own
        ("大理州县域普通高中发展提升行动计划", "大理州"),
        ("黔东南州市域社会治理现代化试点工作方案", "黔东南州"),
        ("成都市县域医共体建设实施方案", "成都市"),
        # a region's organ abbreviated to the kind of its unit names no place; a whole name does
        ("自治区卫生健康委", None),
        ("自治州民政局", None),
        ("自治县教育局", None),
        ("宁夏回族自治区卫生健康委", "宁夏回族自治区"),
        ("黔南布依族苗族自治州民政局", "黔南布依族苗族自治州"),
        ("某某自治县教育局", "某某自治县"),
        # a party committee's joint office names its place once: 委 opens no place
        ("中共青山市委市政府办公室", "青山市"),
        ("中共石门县委县政府督查室关于开展督查的通知", "石门县"),
        # the year a report or a year's points are about opens their title (twenty-fifth reading)
        ("2021年青山市儿童发展规划实施情况统计监测报告", "青山市"),
        ("2024年度石门县妇女儿童工作要点", "石门县"),
        ("09年青山市妇女儿童事业发展监测统计公报", "青山市"),
        # the Youth League's committees put 共青团 before the place; a template's names none
        ("共青团石门县委2023年工作要点", "石门县"),
        ("共青团青山市石门区委员会", "石门区"),
        ("共青团区(县)委工作要点", None),
    ],
)
def test_place_is_the_most_specific_unit(name, place):
    assert place_of(name) == place


@pytest.mark.parametrize(
    "text, period",
    [
        ("（2021—2030年）", (2021, 2030)),
        ("(2024-2026年)", (2024, 2026)),
        ("2021～2025年", (2021, 2025)),
        ("开州区妇女发展规划（2021—2030年）和开州区儿童发展规划（2021—2030年）", (2021, 2030)),
        ("甲规划（2021—2025年）和乙规划（2021—2030年）", None),
        ("无期限", None),
        ("2021至2030年", (2021, 2030)),
        ("2021～2030", (2021, 2030)),
        ("某省儿童福利事业发展“十四五”规划", (2021, 2025)),
        ("某县“十三五”儿童发展规划", (2016, 2020)),
        ("某市“十五五”妇女发展规划", (2026, 2030)),
    ],
)
def test_period(text, period):
    found = period_of(text)
    assert ((found.start, found.end) if found else None) == period


def test_portal_block_run_in_and_one_per_line_with_empty_value():
    text = (
        "索引号 11500000/2023-01 发布机构 丁区政府办公室\n"
        "成文日期 2023-06-01 发布日期 2023-06-05 有效性\n"
        "发文字号 丁府办发〔2023〕3号\n丁区人民政府办公室关于印发《丁区儿童发展规划(2023-2025年"
        ")》的通知\n"
        "区政府各部门,各街道办事处:\n现将规划印发给你们。\n"
    )
    meta = parse_text(text).documents[0].metadata
    assert meta.portal["索引号"] == "11500000/2023-01" and meta.portal["有效性"] is None
    assert meta.doc_number == "丁府办发〔2023〕3号"
    assert meta.issuer == "丁区人民政府办公室"
    assert (meta.date_written, meta.date_published) == ("2023-06-01", "2023-06-05")
    assert meta.place == "丁区"
    assert meta.period and (meta.period.start, meta.period.end) == (2023, 2025)
    assert meta.recipients == ["区政府各部门", "各街道办事处"]


@pytest.mark.parametrize(
    "number",
    ["戊府发〔2020〕8号", "戊府发[2020]8号", "戊府发（2020）8号", "戊府办发【2021】第12号"],
)
def test_doc_number_bracket_forms(number):
    meta = (
        parse_text(f"{number}\n戊县人民政府\n关于印发戊县儿童发展规划的通知\n各乡镇：\n正文。")
        .documents[0]
        .metadata
    )
    assert meta.doc_number == number


@pytest.mark.parametrize(
    "text, names",
    [
        (
            "各区人民政府，市政府各委、局，各直属单位",
            ["各区人民政府", "市政府各委、局", "各直属单位"],
        ),
        ("各县(市)、区人民政府,市政府各委、办、局", ["各县(市)、区人民政府", "市政府各委、办、局"]),
        ("区政府各部门、各管委会,各街道办事处", ["区政府各部门", "各管委会", "各街道办事处"]),
        ("各市、自治州人民政府；省政府各部门", ["各市、自治州人民政府", "省政府各部门"]),
        (
            "各乡镇人民政府（街道办事处，管委会），有关单位",
            ["各乡镇人民政府（街道办事处，管委会）", "有关单位"],
        ),
        # a piece naming bodies of the organ before it, or only an organ's type, stays with it
        (
            "各市、县（区）人民政府，自治区政府各部门、直属机构",
            ["各市、县（区）人民政府", "自治区政府各部门、直属机构"],
        ),
        ("省政府各部门、各直属机构", ["省政府各部门", "各直属机构"]),
        # each city's bureaus of two kinds, the second naming no place of its own
        ("各市(州)民政局、发展和改革委员会", ["各市(州)民政局、发展和改革委员会"]),
        ("各县（区）教育局、财政局，市直有关单位", ["各县（区）教育局、财政局", "市直有关单位"]),
        ("各区政府、市直各部门", ["各区政府", "市直各部门"]),
        (
            "各县市区委、人民政府，某高新区党工委、管委会",
            ["各县市区委、人民政府", "某高新区党工委、管委会"],
        ),
        # departments without a scope of their own after one with 各 and its scope are that
        # scope's; one with its own scope is another group
        (
            "各县（市、区）卫生健康局、发展改革局、民政局、财政局，市直有关部门",
            ["各县（市、区）卫生健康局、发展改革局、民政局、财政局", "市直有关部门"],
        ),
        ("各区县教育局、卫生健康委", ["各区县教育局、卫生健康委"]),
        ("各县（市、区）教育局、青山县民政局", ["各县（市、区）教育局", "青山县民政局"]),
        ("各县（市、区）教育局、市直有关部门", ["各县（市、区）教育局", "市直有关部门"]),
        # whole organs a copy set apart with spaces; spaces inside a name are no cut
        (
            "各镇人民政府 各街道办事处 区政府各部门",
            ["各镇人民政府", "各街道办事处", "区政府各部门"],
        ),
        ("各 县、区 人 民 政 府", ["各县、区人民政府"]),
        # a 街道's and a bureau's recipients: communities, villages, schools, offices; a bracket
        # naming another level of the same bodies is left out, one naming an organ is not
        ("各社区、各有关单位", ["各社区", "各有关单位"]),
        ("各村（社区）、街道各科室、各站所", ["各村（社区）", "街道各科室", "各站所"]),
        ("区教育局、区卫健局、各中小学校", ["区教育局", "区卫健局", "各中小学校"]),
        ("各乡镇（街道）、县直有关单位", ["各乡镇（街道）", "县直有关单位"]),
        (
            "各乡镇（街道）党（工）委、乡镇人民政府（街道办事处）",
            ["各乡镇（街道）党（工）委、乡镇人民政府（街道办事处）"],
        ),
        ("各乡、村", ["各乡、村"]),
    ],
)
def test_recipients_split_only_between_whole_organs(text, names):
    assert split_recipients(text) == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a ministry's office writing to other bodies' offices (invented, thirty-seventh reading's
        # layout): the office written once after the last body, its other names in brackets
        (
            "民政部、司法部、国家中医药局、共青团中央、中国科协办公厅（办公室、秘书局）",
            [
                "民政部办公厅（办公室、秘书局）",
                "司法部办公厅（办公室、秘书局）",
                "国家中医药局办公厅（办公室、秘书局）",
                "共青团中央办公厅（办公室、秘书局）",
                "中国科协办公厅（办公室、秘书局）",
            ],
        ),
        (
            "某省教育厅、某省卫生健康委、某省妇联办公室(综合处)，各市州教育局",
            [
                "某省教育厅办公室(综合处)",
                "某省卫生健康委办公室(综合处)",
                "某省妇联办公室(综合处)",
                "各市州教育局",
            ],
        ),
        # without the bracket of office names the office is the last body's own
        ("市教育局、市民政局、市政府办公室", ["市教育局、市民政局、市政府办公室"]),
        # a body that is an office itself shares none
        (
            "县委办公室、县人大常委会、县政协办公室（秘书处）",
            ["县委办公室、县人大常委会、县政协办公室（秘书处）"],
        ),
    ],
)
def test_an_office_written_once_after_a_list_of_bodies_is_each_ones(text, names):
    assert split_recipients(text) == names


@pytest.mark.parametrize(
    ("line", "recipients"),
    [
        # a copy that lost the colon: a line of organs alone, the text below it
        (
            "各镇人民政府、各街道办事处、区政府各部门、各直属单位",
            ["各镇人民政府", "各街道办事处", "区政府各部门", "各直属单位"],
        ),
        (
            "各镇人民政府 各街道办事处 区政府各部门",
            ["各镇人民政府", "各街道办事处", "区政府各部门"],
        ),
        # organs parted by ， as printed, the colon lost (a county portal's 实施意见, fortieth
        # reading): the line was joined with the sentence below and read as neither
        (
            "各镇人民政府，各街道办事处，区政府各部门",
            ["各镇人民政府", "各街道办事处", "区政府各部门"],
        ),
        # one of them an organ with its counterpart in brackets (a county-level city's portal
        # copy, forty-second reading), two organs run together where the copy lost a 、
        (
            "青山经济开发区管委会，各镇人民政府（街道办事处），区政府有关部门区直有关单位",
            ["青山经济开发区管委会", "各镇人民政府（街道办事处）", "区政府有关部门区直有关单位"],
        ),
        # a line of words that are not all organs is no list of recipients
        ("关于儿童发展、妇女发展的工作安排", []),
        ("关于加强乡镇（街道）工作的安排（试行）", []),
    ],
)
def test_recipients_without_their_colon(line, recipients):
    text = (
        "石门区人民政府办公室关于印发石门区妇女发展规划的通知\n石政办发〔2022〕8号\n"
        f"{line}\n《石门区妇女发展规划（2021—2030年）》已经区政府同意，现印发给你们，请认真执行。\n"
        "石门区人民政府办公室\n2022年5月6日\n"
    )
    meta = parse_text(text).documents[0].metadata
    assert meta.recipients == recipients


# A county portal's 实施意见 (fortieth reading's layout, invented text): the preamble broken
# before its last words, which stand alone on the next line ending in the colon.
BROKEN_PREAMBLE = """青松县人民政府关于加强困境儿童保障工作的实施意见
青政发〔2021〕12号
{recipients}
为做好困境儿童保障工作，保障儿童合法权益，结合我县实际，现提出以下

意见：

一、总体要求
（一）指导思想
以儿童全面发展为出发点。
"""


@pytest.mark.parametrize(
    ("recipients_line", "recipients"),
    [
        # the recipients above it lost their colon: the organs, not the preamble's clauses
        ("各乡（镇）人民政府，县直各有关单位", ["各乡（镇）人民政府", "县直各有关单位"]),
        # no recipients at all: the sentence's tail (意见：) addresses no one
        ("", []),
    ],
)
def test_a_preamble_broken_before_its_last_words_is_no_list_of_recipients(
    recipients_line, recipients
):
    plan = parse_text(BROKEN_PREAMBLE.format(recipients=recipients_line)).documents[0]
    assert plan.metadata.recipients == recipients
    assert plan.preamble is not None
    assert plan.preamble.text.startswith("为做好困境儿童保障工作")


PRINTED = """000123
秘密★1年 特急
甘肃省人民政府办公厅文件

甘政办发〔2022〕11号　　　　　签发人：张　三

甘肃省人民政府办公厅关于印发甘肃省儿童发展
规划（2021—2030年）的通知

各市、自治州人民政府，省政府各部门：
　　经省政府同意，现将《甘肃省儿童发展规划（2021—2030年）》印发给你们，请认真贯彻执行。

附件：1．甘肃省儿童发展规划（2021—2030年）
2．重点任务分工表

甘肃省人民政府办公厅
2022年3月18日

（此件公开发布）

甘肃省儿童发展规划
（2021—2030年）

一、总体目标
到2030年，婴儿死亡率控制在5‰以下。（责任单位：省卫生健康委、省教育厅）

抄送：省委各部门，省人大常委会办公厅。
甘肃省人民政府办公厅　　　　2022年3月21日印发
"""


def test_printed_document_gives_every_element_of_gb_t_9704():
    notice, plan = parse_text(PRINTED, "printed.txt").documents
    meta = notice.metadata
    assert (meta.copy_number, meta.secrecy, meta.urgency) == ("000123", "秘密★1年", "特急")
    assert meta.issuer_mark == "甘肃省人民政府办公厅文件"
    assert meta.doc_number == "甘政办发〔2022〕11号"
    assert meta.signers == ["张三"]  # a two-character name spread over a 3-character space
    assert meta.recipients == ["各市、自治州人民政府", "省政府各部门"]
    assert meta.attachments == ["1．甘肃省儿童发展规划（2021—2030年）", "2．重点任务分工表"]
    assert (meta.issuer, meta.date_written) == ("甘肃省人民政府办公厅", "2022-03-18")
    assert meta.note == "（此件公开发布）"
    assert meta.cc == ["省委各部门", "省人大常委会办公厅"]
    assert (meta.printer, meta.date_printed) == ("甘肃省人民政府办公厅", "2022-03-21")
    assert meta.place == "甘肃省"
    lines = {key: prov.lines for key, prov in meta.provenance.items()}
    assert lines["copy_number"] == (1, 1) and lines["issuer_mark"] == (3, 3)
    assert lines["attachments"] == (13, 13) and lines["date_written"] == (17, 17)
    assert lines["cc"] == (27, 27) and lines["date_printed"] == (28, 28)
    assert notice.warnings == []
    # The 版头 and 版记 are metadata, not text of either document.
    assert notice.preamble and notice.preamble.text.startswith("经省政府同意")
    assert plan.title == "甘肃省儿童发展规划" and plan.part_of == notice.id
    assert plan.metadata.place == "甘肃省"
    assert plan.metadata.period and plan.metadata.period.end == 2030
    assert "抄送" not in plan.sections[-1].text and "印发" not in plan.sections[-1].text


# A township portal's own name over its brand links and breadcrumb, above a plan whose title
# names no issuer (invented): (what the page says of who wrote it, the issuer read). The site's
# name is a weak hint, the issuer only when the page names no organ; a signature gives the
# issuer, a 发布机构 field the publisher (no issuer then); an organ line over a title with no
# breadcrumb between is the page's 版头-like head, the issuer as before.
SITE_NAME_PAGE = """石门镇人民政府
首页 | 政务公开 | 政务服务 | 互动交流
当前位置：首页 > 政策文件 > 规划计划
石门镇2024年农村人居环境整治工作方案
{fields}为改善农村人居环境，结合我镇实际，制定本方案。
一、工作目标
到2024年底，农村生活垃圾无害化处理率达到95%以上。
{signature}"""
SITE_NAME_CASES = [
    ("", "", "石门镇人民政府"),
    ("", "石门镇农业农村办公室\n2024年3月1日\n", "石门镇农业农村办公室"),
    ("发布机构：石门镇农业农村办公室　发布日期：2024-03-02\n", "", None),
]


@pytest.mark.parametrize(("fields", "signature", "issuer"), SITE_NAME_CASES)
def test_a_portals_own_name_over_its_breadcrumb_is_the_issuer_only_when_none_is_named(
    fields, signature, issuer
):
    page = SITE_NAME_PAGE.format(fields=fields, signature=signature)
    [plan] = parse_text(page, "page.txt").documents
    assert plan.title == "石门镇2024年农村人居环境整治工作方案"
    assert plan.metadata.issuer == issuer


# The township's site reposting its city's 实施意见 notice (fortieth reading's layout,
# invented): the title hands down a document of a place without the township in it, so the
# site did not write it — no issuer, the title's place; forwarding it is the site's own act.
SITE_REPOST_CASES = [
    ("关于印发青山市加强留守儿童关爱保护工作的实施意见的通知", None, "青山市"),
    ("关于转发青山市加强留守儿童关爱保护工作的实施意见的通知", "青山市石门镇人民政府", "石门镇"),
    ("关于印发石门镇加强留守儿童关爱保护工作实施方案的通知", "青山市石门镇人民政府", "石门镇"),
]


@pytest.mark.parametrize(("title", "issuer", "place"), SITE_REPOST_CASES)
def test_a_portals_own_name_issues_no_document_of_another_place(title, issuer, place):
    lines = SITE_NAME_PAGE.format(fields="", signature="").split("\n")
    page = "\n".join(["青山市石门镇人民政府", lines[1], lines[2], title, *lines[4:]])
    [document] = parse_text(page, "page.txt").documents
    assert document.title == title
    assert (document.metadata.issuer, document.metadata.place) == (issuer, place)


def test_an_organ_line_over_a_title_without_a_breadcrumb_still_issues_it():
    page = SITE_NAME_PAGE.format(fields="发布机构：石门镇农业农村办公室\n", signature="")
    lines = page.split("\n")
    [plan] = parse_text("\n".join([lines[0], *lines[3:]]), "page.txt").documents
    assert plan.metadata.issuer == "石门镇人民政府"


# A county portal's department column, copied as text (invented): the breadcrumb names the
# department whose column the notice sits in, the notice itself unsigned and its title naming
# no organ. The column's organ is the issuer only when the page names none — a signature, an
# organ at the title's head, a 发布机构 field (the publisher) each leave it unused — and the
# breadcrumb is where it came from.
CRUMB_PAGE = """{crumb}
{title}
{fields}各乡镇人民政府，县直有关单位：
为做好困境儿童关爱保护工作，现就开展排查有关事项通知如下。
一、排查对象
全县困境儿童和留守儿童。
{signature}"""
CRUMB = "当前位置：首页 > 政务公开 > 青溪县民政局 > 通知公告"
CRUMB_TITLE = "关于开展困境儿童排查工作的通知"
CRUMB_CASES = [
    (CRUMB, CRUMB_TITLE, "", "", "青溪县民政局"),
    ("首页 > 部门信息 > 青溪县民政局 > 政策文件", CRUMB_TITLE, "", "", "青溪县民政局"),
    (CRUMB, CRUMB_TITLE, "", "青溪县妇女联合会\n2024年4月8日\n", "青溪县妇女联合会"),
    (CRUMB, f"青溪县教育局{CRUMB_TITLE}", "", "", "青溪县教育局"),
    (CRUMB, CRUMB_TITLE, "发布机构：青溪县民政局　发布日期：2024-04-09\n", "", None),
    ("当前位置：首页 > 政务公开 > 通知公告", CRUMB_TITLE, "", "", None),
    # the column's organ reposting its city's notice (no issuer), forwarding it (the organ's)
    (CRUMB, "关于印发青山市困境儿童排查工作方案的通知", "", "", None),
    (CRUMB, "关于转发青山市困境儿童排查工作方案的通知", "", "", "青溪县民政局"),
]


@pytest.mark.parametrize(("crumb", "title", "fields", "signature", "issuer"), CRUMB_CASES)
def test_the_organ_a_breadcrumb_names_issues_only_a_page_that_names_none(
    crumb, title, fields, signature, issuer
):
    text = CRUMB_PAGE.format(crumb=crumb, title=title, fields=fields, signature=signature)
    [notice] = parse_text(text, "page.txt").documents
    assert (notice.kind, notice.metadata.issuer) == ("notice", issuer)
    if issuer == "青溪县民政局":
        assert notice.metadata.provenance["issuer"].lines == (1, 1)


def _crumb_html(crumb: str, title: str, fields: str, signature: str) -> str:
    """The same page as its portal serves it: a menu, the breadcrumb in its own element (links
    between &gt;), the title, the fields and the text one paragraph each."""
    label, _, path = crumb.rpartition("：")
    links = " &gt; ".join(f'<a href="#">{part}</a>' for part in path.split(" > "))
    lines = CRUMB_PAGE.format(crumb="", title="", fields=fields, signature=signature).split("\n")
    paragraphs = "".join(f"<p>{line}</p>" for line in lines if line)
    return (
        '<html><head><meta charset="utf-8"></head><body>\n'
        '<ul class="nav-menu"><li><a href="#">首页</a></li><li><a href="#">政务公开</a></li></ul>\n'
        f'<div class="crumbs">{label}{"：" if label else ""}{links}</div>\n'
        f'<div class="article"><h1>{title}</h1>\n<div class="content">{paragraphs}</div></div>\n'
        "</body></html>"
    )


@pytest.mark.parametrize(("crumb", "title", "fields", "signature", "issuer"), CRUMB_CASES)
def test_an_html_pages_breadcrumb_names_its_issuer_as_a_text_copys_does(
    tmp_path, crumb, title, fields, signature, issuer
):
    page = tmp_path / "page.html"
    page.write_text(_crumb_html(crumb, title, fields, signature), encoding="utf-8")
    [notice] = parse(page).documents
    assert (notice.kind, notice.title, notice.metadata.issuer) == ("notice", title, issuer)
    assert notice.metadata.recipients == ["各乡镇人民政府", "县直有关单位"]
    if issuer == "青溪县民政局":
        assert notice.metadata.provenance["issuer"].lines == (3, 3)


# A county portal's article copied as text: link rows, an image name and a breadcrumb above the
# title, the 文号 on the line under it, a 时间 stamp, the signature dated in Chinese numerals,
# print/close links and the site footer below.
PORTAL_PAGE = """无障碍浏览 一网搜 登录| 注册
中国政府网 省政府网 市政府网
W020230105123456789012.png
当前位置：首页 > 政务公开 > 政府文件

某某市青林区人民政府关于印发青林区儿童发展规划（2021-2030年）的通知

青府发〔2022〕16号

时间：2023-01-02 14:56　来源：区政府办　浏览次数：123
【字体：大 中 小】 打印
各乡（镇）人民政府、街道办事处，区政府各局办、各直属单位：
　　《青林区儿童发展规划（2021-2030年）》已经区政府同意，现印发给你们，请认真组织实施。

某某市青林区人民政府
二○二二年十二月三十日

青林区儿童发展规划
（2021-2030年）
一、发展基础
全区儿童事业取得长足进步。
【打印】【关闭窗口】
上一篇：关于某某工作的通知
版权所有：某某市青林区人民政府　网站标识码：1234567890　某ICP备12345678号
"""


def test_portal_page_copied_as_text():
    result = parse_text(PORTAL_PAGE, "page.txt")
    notice, plan = result.documents
    assert notice.title == "某某市青林区人民政府关于印发青林区儿童发展规划（2021-2030年）的通知"
    meta = notice.metadata
    assert meta.doc_number == "青府发〔2022〕16号"
    # the written date is the signature's, the published date the page's stamp
    assert (meta.date_written, meta.date_published) == ("2022-12-30", "2023-01-02")
    assert meta.portal == {"时间": "2023-01-02 14:56", "来源": "区政府办"}
    assert meta.place == "青林区"
    assert meta.recipients == ["各乡（镇）人民政府", "街道办事处", "区政府各局办", "各直属单位"]
    assert plan.title == "青林区儿童发展规划" and plan.sections[0].title == "发展基础"
    assert notice.preamble
    text = "\n".join([notice.preamble.text, *(s.text for s in plan.sections)])
    for chrome in ("登录", "政府网", ".png", "当前位置", "字体", "打印", "上一篇", "版权所有"):
        assert chrome not in text


@pytest.mark.parametrize(
    "block",
    [
        # labels with spaces inside, one per line (gov.cn style)
        "索 引 号：000014349/2022-00045\n发文机关：某省人民政府办公厅\n成文日期：2022年09月08日\n"
        "标　　题：某省人民政府办公厅关于印发某省儿童发展规划的通知\n"
        "发文字号：某政办发〔2022〕16号\n发布日期：2022年09月27日",
        # several to a line, |-separated
        "索引号：000014349/2022-00045 | 发文机关：某省人民政府办公厅 | 成文日期：2022-09-08\n"
        "文号：某政办发〔2022〕16号 | 发布日期：2022-09-27",
        # bullet pairs
        "· 索引号：000014349/2022-00045\n· 文号：某政办发〔2022〕16号\n· 成文日期：2022.09.08\n"
        "· 发布日期：2022.09.27",
        # Markdown from a web clipper: bold labels
        "**索引号：** 000014349/2022-00045 **文号：** 某政办发〔2022〕16号\n"
        "**成文日期：** 2022-09-08 **发布日期：** 2022-09-27",
        # a city portal's aligned block, no colons, labels spread with spaces
        "索   引   号 000014349/2022-00045 分        类 其他\n发 布 机 构 省政府办公厅 "
        "发 布 日 期 2022-09-27\n成 文 日 期 2022-09-08 文        号 某政办发〔2022〕16号",
        # a mirror that dropped separators and colons
        "索引号000014349/2022-00045\n发文字号某政办发〔2022〕16号\n成文日期2022年9月8日\n"
        "发布日期2022年9月27日",
        # a list with half-width colons, one with a space before it (- 公文种类 :其他)
        "- 索引号:000014349/2022-00045\n- 发文字号:某政办发〔2022〕16号\n- 公文种类 :其他\n"
        "- 成文日期:2022-09-08\n- 发布日期:2022-09-27 11:20",
        # two pairs a line with labels of their own (生效时间, 废止时间) and empty values
        "索引号: 000014349/2022-00045 组配分类: 规范性文件发布\n"
        "成文日期: 2022-09-08 文号: 某政办发〔2022〕16号\n"
        "发布日期: 2022-09-27 生效时间: 2022-09-27\n"
        "废止时间: 2025-12-31 名称: 某省人民政府办公厅关于印发某省儿童发展规划的通知\n"
        "信息来源: 关键词:",
        # a Markdown list of labels, each value a list item of its own below its label
        "- 索引号:\n- 000014349/2022-00045\n- 文号:\n- 某政办发〔2022〕16号\n"
        "- 成文日期:\n- 2022-09-08\n- 发布日期:\n- 2022-09-27",
        # a template that printed a date as milliseconds since 1970 (16:00 UTC: 9月8日 in China)
        "索引号: 000014349/2022-00045\n发文字号: 某政办发〔2022〕16号\n"
        "成文日期: 1662566400000\n发布时间: 2022年09月27日",
        # a district portal's labels in square brackets padded with spaces, two pairs a line
        "[ 索引号 ] 000014349/2022-00045 [ 发文字号 ] 某政办发〔2022〕16号\n"
        "[ 主题分类 ] 妇女儿童 [ 体裁分类 ] 其他公文\n"
        "[ 成文日期 ] 2022-09-08 [ 发布日期 ] 2022-09-27",
    ],
    ids=[
        "spaced-one-per-line",
        "bar-separated",
        "bullets",
        "markdown",
        "aligned-no-colons",
        "mirror",
        "dash-list",
        "paired-empty-values",
        "dash-list-values-below",
        "epoch-millis",
        "spaced-square-brackets",
    ],
)
def test_portal_block_forms(block):
    text = (
        block
        + "\n某省人民政府办公厅关于印发某省儿童发展规划的通知\n各市人民政府：\n现印发给你们。\n"
    )
    meta = parse_text(text).documents[0].metadata
    assert meta.doc_number == "某政办发〔2022〕16号"
    assert (meta.date_written, meta.date_published) == ("2022-09-08", "2022-09-27")
    assert meta.portal["索引号"] == "000014349/2022-00045"
    assert meta.issuer == "某省人民政府办公厅"


@pytest.mark.parametrize(
    "value, day",
    [
        ("1662566400000", "2022-09-08"),  # 2022-09-07 16:00 UTC: the next day in China
        ("1672077947000", "2022-12-27"),
        ("166256640000", None),  # 12 digits: a serial number, no instant of this century
        ("2662566400000", None),
        ("16625664000001", None),
        ("2022-09-08", None),
    ],
)
def test_a_date_written_as_milliseconds_since_1970_is_read_as_its_day_in_china(value, day):
    assert epoch_millis_date(value) == day


@pytest.mark.parametrize(
    "stamp",
    [
        "作者:发布时间:2025-07-29文章来源:青溪日报",  # a copy ran the empty 作者 into the rest
        "作者：　发布时间：2025-07-29　文章来源：青溪日报",
    ],
)
def test_a_site_groups_stamp_keeps_its_source_out_of_the_date(stamp):
    # a site-group CMS's stamp 作者: 发布时间: 文章来源: (twenty-ninth reading, a Big5 mirror)
    text = f"青溪县召开儿童友好城市建设推进会\n{stamp}\n会议部署了今年的重点工作。\n"
    doc = parse_text(text).documents[0]
    assert doc.metadata.portal == {"发布时间": "2025-07-29", "文章来源": "青溪日报"}
    assert doc.metadata.date_published == "2025-07-29"


@pytest.mark.parametrize(
    "stamp, portal",
    [
        # a mirror ran the empty 来源 and 发布者 into the time (thirty-second reading, Big5)
        ("来源:发布者:时间:2023-04-18", {"来源": None, "时间": "2023-04-18"}),
        ("來源：發布者：時間：2023-04-18", {"來源": None, "時間": "2023-04-18"}),
        ("来源:青溪网 发布者:小青 时间:2023-04-18", {"来源": "青溪网", "时间": "2023-04-18"}),
    ],
)
def test_a_stamp_of_empty_labels_run_together_dates_the_headline_above(stamp, portal):
    text = (
        f"您的位置:首页 > 国内>\n某部:分层级推进城市儿童友好空间建设\n{stamp}\n"
        "新华社北京4月17日电(记者 某某)某部近日发布《某某建设导则》。\n"
    )
    doc = parse_text(text).documents[0]
    assert doc.title == "某部:分层级推进城市儿童友好空间建设"
    assert doc.metadata.date_published == "2023-04-18"
    assert doc.metadata.portal == portal


@pytest.mark.parametrize(
    "line, expected",
    [
        # a value opening with a short label's words stays whole after its colon
        ("标题:时间管理与儿童成长", {"标题": "时间管理与儿童成长"}),
        ("来源:日报社 时间:2023-04-18", {"来源": "日报社", "时间": "2023-04-18"}),
    ],
)
def test_a_short_label_after_a_colon_counts_only_after_an_empty_label(line, expected):
    assert {pair.label: pair.value or None for pair in portal.pairs(line)} == expected


def test_bulleted_block_of_empty_labels_above_the_first_heading():
    # a county-level city's 解读 page (tenth reading): labels the vocabulary lacked (有效期,
    # 公开对象, 公开部门, 状态, one spread with spaces), most values left empty, and the
    # article's first heading right under the last empty label, which is no value of it; a
    # font-size toolbar after an empty 来源 is no source
    text = (
        "《某市困难群众救助办法》解读\n"
        "发布时间:2021-05-10 访问量:次 作者: 来源: 字体[ 大 中 小 ]\n"
        "- 索 引 号 :207/2021-01123\n- 发文机关:\n- 有 效 期 :\n- 所属主题:\n"
        "- 公开对象:\n- 公开部门:\n- 状 态:\n"
        "一、 制定背景\n为保障困难群众基本生活，制定本办法。\n"
        "二、主要内容\n办法共五章。\n某市民政局\n2021年5月9日\n"
    )
    doc = parse_text(text).documents[0]
    assert doc.metadata.portal == {
        "发布时间": "2021-05-10",
        "来源": None,
        "索引号": "207/2021-01123",
        "发文机关": None,
        "有效期": None,
        "所属主题": None,
        "公开对象": None,
        "公开部门": None,
        "状态": None,
    }
    assert doc.metadata.recipients == []
    assert [s.title for s in doc.sections] == ["制定背景", "主要内容"]


def test_doc_number_in_brackets_under_a_gazette_title_and_a_banner_mark():
    text = (
        "某县人民政府文件\n某县人民政府关于印发\n某县儿童友好建设三年行动计划的通知\n"
        "（某政发〔2019〕12号）\n各乡镇人民政府：\n现将《某县儿童友好建设三年行动计划》印发给你们。\n"
        "二〇一九年五月八日\n某县儿童友好建设三年行动计划\n为推进儿童友好县建设，制定本计划（2019—2021年）。\n"
        "一、目标\n正文。\n"
    )
    notice, plan = parse_text(text).documents
    assert notice.title == "某县人民政府关于印发某县儿童友好建设三年行动计划的通知"
    assert notice.metadata.issuer_mark == "某县人民政府文件"
    assert notice.metadata.doc_number == "某政发〔2019〕12号"
    assert notice.metadata.date_written == "2019-05-08"
    assert notice.metadata.issuer == "某县人民政府"
    # the three-year plan's years are in its first lines
    period = plan.metadata.period
    assert period and (period.start, period.end) == (2019, 2021)


@pytest.mark.parametrize(
    "signature",
    ["海南省农业农村厅　　　海南省财政厅", "海南省农业农村厅\n海南省财政厅"],
    ids=["one-line", "two-lines"],
)
def test_joint_issuers_in_the_signature(signature):
    text = (
        "关于印发海南省农村儿童关爱行动方案的通知\n各市县农业农村局、财政局：\n现将方案印发给你们。\n"
        f"{signature}\n2023年4月6日\n"
    )
    meta = parse_text(text).documents[0].metadata
    assert meta.issuer == "海南省农业农村厅、海南省财政厅"
    assert meta.place == "海南省" and meta.date_written == "2023-04-06"


def test_joint_issuers_at_the_head_of_the_title():
    title = "海南省农业农村厅 海南省财政厅关于印发海南省农村儿童关爱行动方案的通知"
    meta = parse_text(f"{title}\n各市县：\n现印发给你们。\n").documents[0].metadata
    assert meta.issuer == "海南省农业农村厅、海南省财政厅"


@pytest.mark.parametrize(
    "signature, issuer",
    [
        (
            "海南省残联　海南省教育厅\n海南省卫生健康委海南省医保局　海南省妇联",
            "海南省残联、海南省教育厅、海南省卫生健康委、海南省医保局、海南省妇联",
        ),
        (
            "教育部　民政部\n国家医保局　共青团中央全国妇联",
            "教育部、民政部、国家医保局、共青团中央、全国妇联",
        ),
        (
            "海口市人民政府妇女儿童工作委员会　海口市教育局",
            "海口市人民政府妇女儿童工作委员会、海口市教育局",
        ),
        # a region's organs abbreviated to 自治区: no place of their own, still each an organ
        (
            "自治区残联　自治区教育厅\n自治区卫生健康委自治区医保局　自治区妇联",
            "自治区残联、自治区教育厅、自治区卫生健康委、自治区医保局、自治区妇联",
        ),
    ],
    ids=["provincial", "national", "an-organ-inside-another-stays-whole", "autonomous-region"],
)
def test_two_organs_run_together_between_spaced_joint_issuers(signature, issuer):
    # the signature's publisher lost the space between two of its organs only
    text = (
        "关于印发某某关爱行动方案的通知\n各有关单位：\n现将方案印发给你们。\n"
        f"{signature}\n2024年12月6日\n"
    )
    assert parse_text(text).documents[0].metadata.issuer == issuer


def test_one_organ_is_not_split_into_joint_issuers():
    text = "某市人民政府妇女儿童工作委员会关于印发某方案的通知\n各区：\n现印发给你们。\n"
    assert parse_text(text).documents[0].metadata.issuer == "某市人民政府妇女儿童工作委员会"


def test_one_year_work_points_period():
    text = "2024年某县妇女儿童工作要点\n一、目标\n正文。\n"
    period = parse_text(text).documents[0].metadata.period
    assert period and (period.start, period.end) == (2024, 2024)


def test_a_notice_without_doc_number_says_so_and_invents_nothing():
    text = "关于印发某县儿童发展规划的通知\n各乡镇：\n现印发给你们。\n某县人民政府\n2021年3月2日\n"
    (notice,) = parse_text(text).documents
    assert notice.metadata.doc_number is None and "doc_number" not in notice.metadata.provenance
    assert notice.warnings == ["metadata not found: doc_number"]


def test_a_document_without_metadata_parses_with_a_warning(tmp_path, capsys):
    source = tmp_path / "bare.txt"
    source.write_text("一、总体要求\n坚持儿童优先。\n二、主要目标\n到2025年达到90%。\n", "utf-8")
    assert main(["parse", str(source), "-o", str(tmp_path / "bare.json")]) == 0
    (document,) = parse_text(source.read_text("utf-8")).documents
    meta = document.metadata
    assert (meta.doc_number, meta.issuer, meta.place, meta.date_written) == (None, None, None, None)
    assert meta.provenance == {}
    assert document.warnings == []  # a document of no known kind expects nothing
    (plan,) = parse_text("某市儿童发展规划\n一、目标\n正文。\n").documents
    assert plan.warnings == ["metadata not found: issuer, date_written"]


@pytest.mark.parametrize(
    "text, field, value",
    [
        # a gazette title with its 文号 in brackets at its end, issuers without 关于
        (
            "中共某市委办公室 某市人民政府办公室印发《某市儿童友好实施方案》的通知"
            "(某办发〔2022〕9号)\n各县市区：\n现印发给你们。\n",
            "doc_number",
            "某办发〔2022〕9号",
        ),
        # a booklet's cover: the issuer printed under the title
        (
            "某市某某区儿童发展规划\n（2021—2030年）\n某市某某区人民政府\n2022年1月\n"
            "一、目标\n正文。\n",
            "issuer",
            "某市某某区人民政府",
        ),
        # a bulleted portal list with each value on the line under its label
        (
            "某县人民政府关于印发某方案的通知\n• 索引号:\n4308/2022-17\n• 发文字号:\n"
            "某政发〔2022〕6号\n某县人民政府关于印发某方案的通知\n各乡镇：\n现印发给你们。\n",
            "doc_number",
            "某政发〔2022〕6号",
        ),
        # a WeChat byline
        (
            "某盟行政公署关于印发某规划的通知\n"
            "原创 某盟妇联 某某发布 2021-12-28 18:30 发表于内蒙古\n各旗县：\n现印发给你们。\n",
            "date_published",
            "2021-12-28",
        ),
        # a 今日头条 repost's byline: 原创, the time, a middle dot, the account and its place
        (
            "某旗人民政府关于印发某方案的通知\n原创2022-09-03 08:15·某旗融媒江苏\n各苏木镇：\n"
            "现印发给你们。\n",
            "date_published",
            "2022-09-03",
        ),
        # a 360doc 个人图书馆 page's byline: sharer, day without its time, place, counts
        (
            "某区人民政府关于印发某方案的通知\n某某收藏馆2021-11-30发布于广东|56 阅读3 转藏\n"
            "各街道：\n现印发给你们。\n",
            "date_published",
            "2021-11-30",
        ),
        # a blog theme's byline under the post's title (WordPress entry-meta)
        (
            "某区人民政府关于印发某方案的通知\n发布于 2021年12月2日 作者 管理员 阅读 88\n"
            "各街道：\n现印发给你们。\n",
            "date_published",
            "2021-12-02",
        ),
        # of 发文日期 and 发布日期, the page was published on the 发布日期
        (
            "发文日期:  2023年04月06日 发布日期:  2023-04-10 17:25\n关于印发某方案的通知\n"
            "各镇：\n现印发。\n",
            "date_published",
            "2023-04-10",
        ),
        # places: a province named short before a new area; a prefecture named short
        (
            "河北雄安新区管理委员会关于印发某方案的通知\n各部门：\n现印发给你们。\n",
            "place",
            "雄安新区",
        ),
        ("延边州儿童发展规划\n一、目标\n正文。\n", "place", "延边州"),
        ("绵阳市涪城区人民政府关于印发某规划的通知\n各乡镇：\n现印发给你们。\n", "place", "涪城区"),
        # 主送机关 wrapped by a PDF copy
        (
            "关于印发某规划的通知\n各区镇人民政府，各街道办事处，市各委办\n局，各直属单位：\n现印发给你们。\n",
            "recipients",
            ["各区镇人民政府", "各街道办事处", "市各委办局", "各直属单位"],
        ),
        # a law database: the 文号 and the 成文日期 in one pair of brackets under the title
        (
            "某省人民政府关于加快发展学前教育的实施意见\n（某政发〔2014〕21号　2014年6月5日）\n"
            "各市人民政府：\n正文。\n",
            "date_written",
            "2014-06-05",
        ),
        (
            "某省人民政府关于加快发展学前教育的实施意见\n（某政发〔2014〕21号　2014年6月5日）\n"
            "各市人民政府：\n正文。\n",
            "doc_number",
            "某政发〔2014〕21号",
        ),
        # a party document: the 成文日期 in brackets under the title, no signature
        (
            "中共某市委 某市人民政府\n关于加强家风建设的实施意见\n（2020年4月8日）\n"
            "各县（区）党委和人民政府：\n正文。\n",
            "date_written",
            "2020-04-08",
        ),
        (
            "中共某市委\n某市人民政府\n文件\n某党发〔2020〕7号\n中共某市委 某市人民政府\n"
            "关于加强家风建设的实施意见\n各县（区）：\n正文。\n",
            "issuer",
            "中共某市委、某市人民政府",
        ),
        # a 会议纪要: its number without 代字, the office and the date on one line
        (
            "某市人民政府常务会议纪要\n〔2022〕42号\n某市人民政府办公室        2022年11月4日\n"
            "会议议定如下：\n一、审议某方案\n",
            "date_written",
            "2022-11-04",
        ),
        (
            "某市人民政府常务会议纪要\n〔2022〕42号\n某市人民政府办公室        2022年11月4日\n"
            "会议议定如下：\n一、审议某方案\n",
            "doc_number",
            "〔2022〕42号",
        ),
        # a reply whose date is glued to its last sentence, every line ending in a lost space
        (
            "某市人民政府关于同意设立某中心的批复\n发布文号: 某政函[2012]36号?\n市民政局:?\n"
            "同意设立。?\n此复。 二○一二年五月十一日\n",
            "date_written",
            "2012-05-11",
        ),
        (
            "某市人民政府关于同意设立某中心的批复\n发布文号: 某政函[2012]36号?\n市民政局:?\n"
            "同意设立。?\n此复。 二○一二年五月十一日\n",
            "recipients",
            ["市民政局"],
        ),
        # two 签发人, the second under the first
        (
            "某市人民政府文件\n某政报〔2022〕6号        签发人：王立新\n"
            "                        赵春梅\n某市人民政府\n"
            "关于某情况的报告\n某省人民政府：\n正文。\n",
            "signers",
            ["王立新", "赵春梅"],
        ),
        # a public account's byline above the reposted document
        (
            "某市出台新举措\n某市发布 2015-06-02 17:45\n某市人民政府\n关于加强某工作的实施意见\n"
            "某市政发（2015）11号\n各县人民政府：\n正文。\n",
            "date_published",
            "2015-06-02",
        ),
        # a yearly division of tasks citing the ten-year plan it serves
        (
            "落实《某省儿童发展规划（2021—2030年）》2023年重点任务分工方案\n一、儿童与健康\n正文。\n",
            "period",
            Period(start=2023, end=2023),
        ),
        # a year's tasks listed under a title of their own (任务清单, 任务分解表)
        (
            "某县儿童友好县建设2024年工作要点任务清单\n一、工作目标\n正文。\n",
            "period",
            Period(start=2024, end=2024),
        ),
        (
            "某县2025年度妇女儿童工作任务分解表\n一、工作目标\n正文。\n",
            "period",
            Period(start=2025, end=2025),
        ),
        # a portal's metadata table copied as text: TAB-separated label and value cells
        (
            "索引号：\t0071/2022-00158\t分类：\t其他\n文号：\t某府办函〔2022〕45号\t发布日期：\t2022-06-24\n"
            "某县人民政府办公室关于商请支持的函\n某市妇联：\n正文。\n",
            "doc_number",
            "某府办函〔2022〕45号",
        ),
        # an 附件说明 with its items on one line, set apart by spaces
        (
            "关于印发某方案的通知\n各乡镇：\n现印发给你们。\n附件：1.某重点任务清单  2.某联系名册\n"
            "某县人民政府办公室\n2021年4月28日\n",
            "attachments",
            ["1.某重点任务清单", "2.某联系名册"],
        ),
        # a long attachment title cut by the line width, the signature under it
        (
            "关于印发某方案的通知\n各市县：\n现印发给你们。\n"
            "附件：2024—2026年某省农机购置与应用补贴机具种类范\n围\n某省农业农村厅\n2024年7月1日\n",
            "attachments",
            ["2024—2026年某省农机购置与应用补贴机具种类范围"],
        ),
        # a portal page's 附件 as download links, each with its file's extension
        (
            "关于印发某方案的通知\n各街道：\n现印发给你们。\n"
            "附件：1.某区重点项目清单.docx\n2.某区任务分工表.XLSX\n某区人民政府办公室\n2023年5月6日\n",
            "attachments",
            ["1.某区重点项目清单", "2.某区任务分工表"],
        ),
    ],
    ids=[
        "title-end-number",
        "cover-issuer",
        "value-below-label",
        "wechat-byline",
        "toutiao-byline-dot",
        "360doc-byline-counts",
        "wordpress-posted-on",
        "published-over-issued",
        "province-short",
        "prefecture-short",
        "chengqu-district",
        "wrapped-recipients",
        "law-database-bracket-date",
        "law-database-bracket-number",
        "party-date-under-title",
        "joint-banner-issuers-once",
        "minutes-office-and-date",
        "minutes-number",
        "reply-date-in-last-line",
        "reply-recipient-lost-space",
        "second-signer",
        "byline-above-repost",
        "cited-period-is-not-own",
        "year-task-list",
        "year-task-breakdown",
        "portal-tab-table",
        "attachments-on-one-line",
        "attachment-title-wrapped",
        "attachment-download-links",
    ],
)
def test_layout_variation(text, field, value):
    assert getattr(parse_text(text).documents[0].metadata, field) == value


def test_two_plans_a_notice_does_not_name_are_both_carried():
    text = (
        "区政府关于印发某区“两个规划”的通知\n各镇：\n现将新一周期妇女、儿童发展规划印发给你们。\n"
        "某区人民政府\n2022年3月3日\n某区妇女发展规划\n（2021—2030年）\n一、目标\n正文。\n"
        "某区儿童发展规划\n（2021—2030年）\n一、目标\n正文。\n"
    )
    assert [(d.kind, d.title, d.part_of) for d in parse_text(text).documents] == [
        ("notice", "区政府关于印发某区“两个规划”的通知", None),
        ("plan", "某区妇女发展规划", "d1"),
        ("plan", "某区儿童发展规划", "d1"),
    ]


def test_a_portal_page_gives_its_download_links_as_attachments_and_its_fields_provenance(
    tmp_path,
):
    page = """<html><head><title>某县人民政府</title></head><body>
<table class="info">
<tr><td>索引号：</td><td>001/2023-01</td><td>发布机构：</td><td>某县人民政府办公室</td></tr>
<tr><td>发文字号：</td><td>某政办〔2023〕8号</td><td>发布日期：</td><td>2023-03-05</td></tr>
</table>
<div class="article"><h1>某县人民政府办公室关于印发某县儿童友好行动方案的通知</h1>
<p>各乡镇人民政府，县政府各部门：</p>
<p>现将《某县儿童友好行动方案》印发给你们，请认真贯彻落实。</p>
<p>某县人民政府办公室</p><p>2023年3月1日</p></div>
<div class="downloads">附件下载：
<a href="/f/1.docx">1.某县儿童友好行动方案.docx</a>
<a href="/f/2.xlsx">2.任务分工表.xlsx</a></div></body></html>
"""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    metadata = parse(path).documents[0].metadata
    assert (metadata.doc_number, metadata.date_published) == ("某政办〔2023〕8号", "2023-03-05")
    assert metadata.provenance["doc_number"].lines == (4, 4)
    assert metadata.attachments == ["1.某县儿童友好行动方案", "2.任务分工表"]
    assert metadata.provenance["attachments"].lines == (11, 11)  # the first link


# The 版记 as prints carry it: a 抄送 list too long for its line runs on into the next (a PDF's
# lines, a text copy of one), and a Word or WPS template sets the 抄送 and 印发 lines in a
# one-column table ruled above, between and below.
WRAPPED_FOOTER = """青川县人民政府关于印发青川县托育服务发展方案的通知
青府发〔2023〕4号
各乡镇人民政府，县政府各部门：
　　现将方案印发给你们，请认真贯彻执行。
青川县人民政府
2023年2月6日
抄送：县委办公室，县人大常委会办公室，县政协办公室，县人民
法院，县人民检察院，县人武部。
青川县人民政府办公室　　2023年2月7日印发
"""


def test_a_wrapped_cc_list_runs_on_into_the_next_line():
    meta = parse_text(WRAPPED_FOOTER).documents[0].metadata
    assert meta.cc == [
        "县委办公室",
        "县人大常委会办公室",
        "县政协办公室",
        "县人民法院",
        "县人民检察院",
        "县人武部",
    ]
    assert meta.provenance["cc"].lines == (7, 8)
    assert (meta.printer, meta.date_printed) == ("青川县人民政府办公室", "2023-02-07")


def test_a_cc_line_without_its_full_stop_takes_no_line_after_it():
    lines = WRAPPED_FOOTER.replace("县人武部。", "县人武部").replace("县人民\n法院", "县人民法院")
    text = [*lines.splitlines()[:-1], "（共印120份）"]
    meta = parse_text("\n".join(text)).documents[0].metadata
    assert meta.cc[-1] == "县人武部" and meta.provenance["cc"].lines == (7, 7)


def test_a_footer_set_in_a_ruled_table_is_the_footer(tmp_path):
    document = docx.Document()
    for line in WRAPPED_FOOTER.splitlines()[:6]:
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=1)
    table.rows[0].cells[0].text = "抄送：县委办公室，县人大常委会办公室。"
    table.rows[1].cells[0].text = "青川县人民政府办公室\t2023年2月7日印发"
    path = tmp_path / "footer-table.docx"
    document.save(path)
    notice = parse(path).documents[0]
    assert notice.metadata.cc == ["县委办公室", "县人大常委会办公室"]
    assert (notice.metadata.printer, notice.metadata.date_printed) == (
        "青川县人民政府办公室",
        "2023-02-07",
    )
    assert notice.tables == []


def test_a_one_column_table_of_other_lines_stays_a_table(tmp_path):
    document = docx.Document()
    document.add_paragraph("青川县儿童友好建设要点")
    table = document.add_table(rows=2, cols=1)
    table.rows[0].cells[0].text = "专栏1　重点项目"
    table.rows[1].cells[0].text = "建设儿童友好公园3个，改造儿童游乐场所10处。"
    path = tmp_path / "box.docx"
    document.save(path)
    assert len(parse(path).documents[0].tables) == 1


def _joint_notice(tmp_path, after_table: str) -> Path:
    """A joint notice of four invented bureaus whose signatures are a borderless 2×2 table."""
    document = docx.Document()
    for line in (
        "关于做好青川县留守儿童暑期关爱工作的通知",
        "各乡镇教育办、民政办：",
        "　　现就做好今年暑期留守儿童关爱工作通知如下，请认真落实。",
    ):
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=2)
    for cell, organ in zip(
        (c for row in table.rows for c in row.cells),
        ("青川县教育局", "青川县民政局", "青川县财政局", "青川县妇女联合会"),
        strict=True,
    ):
        cell.text = organ
    document.add_paragraph(after_table)
    path = tmp_path / "joint.docx"
    document.save(path)
    return path


def test_joint_issuers_signed_in_a_table_above_the_date_are_the_signature(tmp_path):
    notice = parse(_joint_notice(tmp_path, "2023年6月20日")).documents[0]
    assert notice.metadata.issuer == "青川县教育局、青川县民政局、青川县财政局、青川县妇女联合会"
    assert notice.metadata.date_written == "2023-06-20"
    assert notice.tables == []


def test_a_table_of_organs_not_above_a_date_stays_a_table(tmp_path):
    notice = parse(_joint_notice(tmp_path, "以上单位按职责分工负责。")).documents[0]
    assert len(notice.tables) == 1 and notice.metadata.issuer is None


# A joint 发文机关标志 (联合行文): the organs stacked over 文件, or 文件 set beside the last one
# (as a PDF's lines give it), or the whole mark a borderless table.
@pytest.mark.parametrize(
    "banner",
    [
        "中共南岭市委\n南岭市人民政府\n文件",
        "中共南岭市委\n南岭市人民政府文件",
        "中共南岭市委 南岭市人民政府文件",
    ],
)
def test_a_joint_issuer_mark_stacks_its_organs_over_wen_jian(banner):
    body = "南党发〔2024〕3号\n\n关于加强家庭教育工作的意见\n\n各县（区）党委和人民政府：\n"
    meta = parse_text(f"{banner}\n\n{body}　　现提出意见。\n").documents[0].metadata
    # written as a one-line joint mark is, its spaces squashed
    assert meta.issuer_mark == "中共南岭市委南岭市人民政府文件"
    assert meta.doc_number == "南党发〔2024〕3号"


@pytest.mark.parametrize(
    "line, mark",
    [
        ("某市妇联办公室文件", "某市妇联办公室文件"),  # an organ whose name holds another's suffix
        ("某省农业农村厅某省财政厅文件", "某省农业农村厅某省财政厅文件"),  # squashed joint mark
        ("中共某县委员会 某县人民政府文件", "中共某县委员会 某县人民政府文件"),
        ("某县教育局、某县财政局文件", "某县教育局、某县财政局文件"),
        ("某县教育局某县财政局通知", None),
    ],
)
def test_an_issuer_mark_is_organs_before_wen_jian(line, mark):
    from govdocparse.extract.metadata import _rules

    found = _rules().issuer_mark.match(line)
    assert (found and found["mark"]) == mark


def test_a_long_run_of_organ_names_is_no_mark_and_answered_at_once():
    # A responsibility column flattened above a title (or damage that put one there) joins
    # dozens of organ names; the mark's pattern once tried every way to split them into organs
    # (minutes for 20 names). `timeout` only keeps a regression from hanging the suite.
    from govdocparse.extract.metadata import _rules

    names = "区卫生健康委区教委区人力社保局区委组织部区文化旅游委区发展改革委" * 4 + "区人大办文件"
    assert _rules().issuer_mark.match(names, timeout=10) is None


def test_an_issuer_line_over_a_title_is_no_mark():
    text = "南岭市人民政府\n关于加强家庭教育工作的通知\n各县（区）人民政府：\n　　现通知如下。\n"
    meta = parse_text(text).documents[0].metadata
    assert meta.issuer_mark is None and meta.issuer == "南岭市人民政府"


def test_a_joint_issuer_mark_set_as_a_table(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(1, 0).text = "中共南岭市委", "南岭市人民政府"
    table.cell(0, 1).merge(table.cell(1, 1)).text = "文件"
    for line in ("南党发〔2024〕3号", "关于加强家庭教育工作的意见", "各县（区）党委和人民政府："):
        document.add_paragraph(line)
    document.add_paragraph("　　现提出如下意见。")
    path = tmp_path / "joint-mark.docx"
    document.save(path)
    plan = parse(path).documents[0]
    assert plan.metadata.issuer_mark == "中共南岭市委南岭市人民政府文件"
    assert plan.tables == []


def test_a_drafting_note_page_is_titled_by_its_own_title_and_its_toolbar_is_no_value():
    text = (
        "您当前的位置:首页 » 关于《青溪县妇女发展纲要(2021-2... » 详情\n"
        "关于《青溪县妇女发展纲要(2021-2030年)》编制有关情况的说明\n"
        "索 引 号 11223344/2023-0101 关 键 词 妇女发展纲要\n"
        "发布机构 青溪县妇女联合会 发文日期 2023-06-12\n"
        "时间:2023-06-12 来源:青溪县妇女联合会 打印 关闭本页\n"
        "\n"
        "文件:青溪县人民政府 关于印发《青溪县妇女发展纲要(2021—2030年)》的通知\n"
        "一、编写依据\n"
        "《中国妇女发展纲要(2021-2030)》。\n"
        "二、编写过程\n"
        "县妇联牵头成立编写组，广泛征求意见。\n"
    )
    [document] = parse_text(text).documents
    assert document.kind == "other"
    assert document.title == "关于《青溪县妇女发展纲要(2021-2030年)》编制有关情况的说明"
    assert document.metadata.portal["来源"] == "青溪县妇女联合会"
    assert [s.title for s in document.sections] == ["编写依据", "编写过程"]


def test_bullet_labels_with_their_values_below_them_are_all_read_however_many_there_are():
    text = (
        "您现在的位置:首页\n > 政务公开 > 政策文件 > 市府办文件\n"
        "青溪市人民政府办公室关于印发《青溪市托育服务三年行动方案(2023-2025年)》的通知\n"
        "  • 索引号:\n  • 001122003344001/2023-101010\n"
        "  • 主题分类:\n  • 妇女儿童工作/儿童\n"
        "  • 文号:\n  • 青政办发〔2023〕18号\n"
        "  • 发布机构:\n  • 市政府办公室\n"
        "  • 成文日期:\n  • 2023-03-09\n"
        "  • 有效性:\n  • 有效\n"
        "\n各乡镇人民政府、街道办事处,市政府直属各单位:\n"
        "《青溪市托育服务三年行动方案(2023-2025年)》已经市政府同意,现印发给你们,请认真组织实施。\n"
        "青溪市人民政府办公室\n2023年3月9日\n"
    )
    [notice] = parse_text(text).documents
    meta = notice.metadata
    assert meta.doc_number == "青政办发〔2023〕18号"
    assert meta.portal["索引号"] == "001122003344001/2023-101010"
    assert meta.portal["发布机构"] == "市政府办公室"
    assert meta.portal["有效性"] == "有效"
    assert meta.date_written == "2023-03-09"
    assert meta.recipients == ["各乡镇人民政府", "街道办事处", "市政府直属各单位"]


@pytest.mark.parametrize(
    "signed, written, published",
    [
        # the signature gives another day: the date under the title is when the page published it
        ("2023年6月2日", "2023-06-02", "2023-06-09"),
        # the same day, or no signature date: the date under the title is the 成文日期
        ("2023年6月9日", "2023-06-09", None),
        ("", "2023-06-09", None),
    ],
)
def test_a_date_under_the_title_gives_way_to_the_signature_date(signed, written, published):
    text = (
        "青溪市儿童友好城市建设实施方案\n\n"
        "青溪市人民政府办公厅关于印发青溪市儿童友好城市建设实施方案的通知\n"
        "青办函〔2023〕17号\n2023年6月9日\n发布机关:青溪市人民政府\n\n"
        "各区(市)县政府,市政府有关部门:\n"
        "《青溪市儿童友好城市建设实施方案》已经市政府同意,现印发你们,请认真组织实施。\n"
        f"青溪市人民政府办公厅\n{signed}\n"
    )
    notice = next(d for d in parse_text(text).documents if d.kind == "notice")
    assert notice.metadata.doc_number == "青办函〔2023〕17号"
    assert notice.metadata.date_written == written
    assert notice.metadata.date_published == published
    assert notice.metadata.portal["发布机关"] == "青溪市人民政府"


def test_a_joint_notice_signed_by_many_departments_in_two_columns_names_them_all():
    columns = [
        "青溪市发展和改革委员会      青溪市人民政府妇女儿童工作委员会办公室",
        "青溪市住房和城乡建设委员会   中共青溪市委宣传部",
        "中共青溪市委网信办         青溪市教育委员会",
        "青溪市公安局             青溪市民政局",
        "共青团青溪市委青溪市妇女联合会",
        "青溪市残疾人联合会",
    ]
    text = (
        "关于印发《青溪市儿童友好城市建设实施方案》的通知\n\n"
        "各区县人民政府,市政府有关部门,有关单位:\n\n"
        "《青溪市儿童友好城市建设实施方案》已经市政府同意,现印发给你们,请认真贯彻执行。\n\n"
        + "\n\n".join(columns)
        + "\n\n2022年4月25日\n"
    )
    [notice] = parse_text(text).documents
    assert (notice.metadata.issuer or "").split("、") == [
        "青溪市发展和改革委员会",
        "青溪市人民政府妇女儿童工作委员会办公室",
        "青溪市住房和城乡建设委员会",
        "中共青溪市委宣传部",
        "中共青溪市委网信办",
        "青溪市教育委员会",
        "青溪市公安局",
        "青溪市民政局",
        "共青团青溪市委",
        "青溪市妇女联合会",
        "青溪市残疾人联合会",
    ]
    assert notice.metadata.date_written == "2022-04-25"


def test_a_yearly_task_breakdown_compiled_by_a_site_is_one_year_of_goals_and_its_units():
    text = (
        "导航菜单\n\n"
        "(江西省)青溪市2024年《政府工作报告》目标任务责任分解方案\n\n"
        "  ——推进教育高质量发展\n\n"
        "  31.推进学前教育普惠发展,新改扩建公办幼儿园12所、新增学位3600个。"
        "(牵头单位:市教育局;责任单位:各区人民政府)\n\n"
        "  32.推进普通高中多样化发展。(责任单位:市教育局)\n"
    )
    [plan] = parse_text(text).documents
    # the site's (江西省) is no part of the title (title_region_tag)
    assert plan.title == "青溪市2024年《政府工作报告》目标任务责任分解方案"
    assert plan.metadata.place == "青溪市"
    assert plan.metadata.period == Period(start=2024, end=2024)
    goals = {i.name: (i.targets[0].atoms[0].value, i.targets[0].year) for i in plan.indicators}
    assert goals == {"新改扩建公办幼儿园数": (12.0, 2024), "新增学位数": (3600.0, 2024)}
    first = plan.responsibilities[0]
    assert ([a.name for a in first.lead], [a.name for a in first.participating]) == (
        ["市教育局"],
        ["各区人民政府"],
    )


def test_a_breakdown_of_a_plans_goals_is_a_plan_of_its_province():
    text = (
        "首页 > 纲要规划\n《某省儿童发展规划(2011—2020年)》目标责任分解书\n"
        "来源:本网 时间:2013-05-20\n"
        "——到2020年,婴儿死亡率控制在8‰以下。\n省卫生厅\n省妇联\n"
    ).replace("某省", "青海省")
    [breakdown] = parse_text(text).documents
    assert breakdown.kind == "plan"
    assert breakdown.title == "《青海省儿童发展规划(2011—2020年)》目标责任分解书"
    assert breakdown.metadata.place == "青海省"


def test_a_provinces_joint_signature_of_abbreviated_organs_and_its_header_captions():
    text = (
        "网站支持IPv6\n某省发展和改革委员会政务微信二维码\n"
        "关于印发《青海省儿童友好城市建设实施方案》的通知\n"
        "各市州人民政府,省直有关单位:\n经省人民政府同意,现印发给你们,请认真贯彻实施。\n"
        "省发展改革委     省妇儿工委办公室  省住房城乡建设厅\n"
        "省委宣传部                省教育厅                团省委\n"
        "省妇联                 省残联 \n"
        "2023年3月1日\n"
    )
    [notice] = parse_text(text).documents
    assert notice.title == "关于印发《青海省儿童友好城市建设实施方案》的通知"
    assert notice.metadata.place == "青海省"
    assert (notice.metadata.issuer or "").split("、") == [
        "省发展改革委",
        "省妇儿工委办公室",
        "省住房城乡建设厅",
        "省委宣传部",
        "省教育厅",
        "团省委",
        "省妇联",
        "省残联",
    ]


def test_a_sites_header_lines_are_not_glued_into_a_title_that_names_its_place():
    text = (
        "急救电话:0851-2861999\n医院动态\n青海省妇女发展规划(2021—2030年)\n"
        "发布日期:2022/08/11 10:56:00\n"
        "一、指导思想\n坚持男女平等基本国策。\n二、主要目标\n孕产妇死亡率下降到12/10万以下。\n"
    )
    [plan] = parse_text(text).documents
    assert plan.title == "青海省妇女发展规划(2021—2030年)"
    assert plan.metadata.place == "青海省"


@pytest.mark.parametrize("column", ["政策导航", "家教资讯", "文件速递"])
def test_a_sites_column_name_is_not_glued_into_a_title_that_opens_with_guanyu(column):
    # a site's column name over a national plan it reposts (关于指导推进…的五年规划), the title
    # opening with 关于 and naming no issuer; organs above a 关于 line still issue it
    text = (
        f"{column}\n关于指导推进家庭教育的五年规划 (2021—2025 年)\n"
        "一、总体要求\n坚持立德树人根本任务。\n"
    )
    [plan] = parse_text(text).documents
    assert plan.title == "关于指导推进家庭教育的五年规划(2021—2025年)"
    joint = "市卫生健康委 市教育局\n关于做好儿童保健工作的通知\n各区县:\n现就有关事项通知如下。\n"
    [notice] = parse_text(joint).documents
    assert notice.metadata.issuer == "市卫生健康委、市教育局"


@pytest.mark.parametrize("period", ["(—年)", "（——年）", "(-年)"])
def test_a_title_whose_period_lost_its_digits_is_still_a_title(period):
    # a forum mirror that strips every digit from its copy: 某市妇女发展规划(—年), its 序言 below
    text = f"某市妇女发展规划{period}\n\n序言\n\n男女平等是衡量社会文明进步的重要标志。\n"
    [plan] = parse_text(text).documents
    assert plan.kind == "plan"
    assert plan.title == f"某市妇女发展规划{period}"
    assert plan.metadata.place == "某市"


@pytest.mark.parametrize("dash", ["——", "— ", "--"])
def test_a_headline_over_its_subtitle_and_byline_is_the_storys_title(dash):
    # a 妇联 news site's 综述 of a congress: the headline, its subtitle after a dash, the stamp
    # and 来源; then a photo's caption that ends in a type word (…作工作报告), then the lead
    text = (
        "您所在的位置: 首页 > 妇联要闻 > 正文\n"
        "汇聚巾帼智慧 共谱发展新篇\n"
        f"{dash}青溪市妇女第九次代表大会侧记\n"
        "2023-11-08 09:15:20  来源:青溪女性网\n\n"
        "市妇联主席某某某向大会作工作报告\n\n"
        "11月7日,青溪市妇女第九次代表大会在市会议中心开幕。\n"
        "五年来,全市各级妇联组织团结引领广大妇女建功新时代。\n"
    )
    [story] = parse_text(text).documents
    assert story.title == "汇聚巾帼智慧共谱发展新篇" + dash.strip() + "青溪市妇女第九次代表大会侧记"
    assert story.kind == "other"
    assert story.metadata.date_published == "2023-11-08"
    assert story.metadata.portal["来源"] == "青溪女性网"


@pytest.mark.parametrize("tag", ["(3)", "（精选6篇）", "(通用5篇)"])
def test_a_template_sites_part_tag_after_a_title_is_no_part_of_it(tag):
    # a 范文 site's copy of a township 妇联 report over several web pages: the report's title
    # with the page's number in brackets, the speech's salutation under it
    text = (
        f"青溪镇妇联第四届执行委员会工作报告{tag}\n"
        "各位代表、姐妹们:\n"
        "受镇妇联第四届执行委员会委托,我向大会报告工作,请予审议。\n"
        "一、过去五年的主要工作\n"
        "五年来,全镇建成妇女之家18个,培训农村妇女1200人次。\n"
    )
    [report] = parse_text(text).documents
    assert report.title == "青溪镇妇联第四届执行委员会工作报告"
    assert report.kind == "other"
    assert [s.title for s in report.sections] == ["过去五年的主要工作"]


@pytest.mark.parametrize("tag", ["(有效)", "（现行有效）", "【已废止】"])
def test_a_portals_validity_tag_after_a_notice_title_is_no_part_of_it(tag):
    text = (
        f"青溪县人民政府办公室关于印发青溪县托育服务提升方案的通知{tag}\n"
        "各乡镇人民政府,县级各有关部门:\n"
        "现将《青溪县托育服务提升方案》印发给你们,请认真贯彻执行。\n"
        "青溪县人民政府办公室\n2023年5月9日\n"
        "青溪县托育服务提升方案\n一、工作目标\n到2025年,每千人口拥有3岁以下婴幼儿托位数达到4个。\n"
    )
    notice, plan = parse_text(text).documents
    assert notice.kind == "notice"
    assert notice.title == "青溪县人民政府办公室关于印发青溪县托育服务提升方案的通知"
    assert notice.metadata.recipients == ["各乡镇人民政府", "县级各有关部门"]
    assert notice.metadata.date_written == "2023-05-09"
    assert plan.part_of == notice.id


def test_portal_labels_of_validity_and_catalogue_are_read_where_pairs_run_on_a_line():
    text = (
        "索引号: 008812345/2023-00107 时效: 现行有效\n"
        "公开目录 | 未成年人保护 | 发布日期 | 2023-06-01 |\n"
        "南岭市民政局关于印发南岭市困境儿童关爱行动方案的通知\n"
        "各区民政局:\n现将方案印发给你们,请认真组织实施。\n南岭市民政局\n2023年5月26日\n"
    )
    [notice] = parse_text(text).documents
    assert notice.metadata.portal["索引号"] == "008812345/2023-00107"
    assert notice.metadata.portal["时效"] == "现行有效"
    assert notice.metadata.portal["公开目录"] == "未成年人保护"
    assert notice.metadata.date_published == "2023-06-01"


@pytest.mark.parametrize(
    "preamble",
    [
        "为落实未成年人保护法律法规,根据省里的部署要求,现就加强我市困境儿童关爱服务提出如下实施意见:",
        # 以下 for 如下, with no 现就 (a county's 实施意见, fortieth reading; invented)
        "为落实未成年人保护法律法规,根据省里的部署要求,结合我市实际,现提出以下意见:",
    ],
)
def test_a_leading_groups_signature_is_the_issuer_and_an_opinions_preamble_no_recipients(
    preamble,
):
    text = (
        "南岭市未成年人保护工作领导小组关于加强困境儿童关爱服务的实施意见\n"
        f"{preamble}\n"
        "一、总体要求\n坚持儿童利益最大化原则。\n"
        "南岭市未成年人保护工作领导小组\n2023年9月18日\n"
    )
    [plan] = parse_text(text).documents
    assert plan.metadata.issuer == "南岭市未成年人保护工作领导小组"
    assert plan.metadata.date_written == "2023-09-18"
    assert plan.metadata.recipients == []


@pytest.mark.parametrize("label", ["时期：", "填报单位:", "填表日期 ："])
def test_an_attached_forms_fill_in_label_addresses_no_one(label):
    """An attached 明细表 prints blank fill-in labels under its title, above its table."""
    text = (
        "柳岸市民政局关于开展养老机构服务质量评价的通知\n"
        "各区民政局：\n现将评价办法印发给你们，请认真执行。\n"
        "附件：养老机构服务质量评价明细表\n"
        "柳岸市民政局\n2022年4月6日\n"
        "附件\n养老机构服务质量评价明细表\n"
        f"{label}\n"
        "机构名称\t床位数\t得分\n"
        "东湖颐养院\t120\t92\n"
    )
    documents = parse_text(text).documents
    assert documents[0].metadata.recipients == ["各区民政局"]
    assert all(document.metadata.recipients != [label.rstrip("：: ")] for document in documents)
    assert not any(document.metadata.recipients for document in documents[1:])


def test_a_report_of_a_congress_inspection_group_names_it_as_issuer():
    text = (
        "青溪县人大常委会执法检查组关于检查《青溪县托育服务条例》实施情况的报告\n"
        "县人大常委会:\n按照年度监督工作计划,执法检查组对条例实施情况开展了检查。\n"
        "一、基本情况\n全县托育机构持续增加。\n"
    )
    [report] = parse_text(text).documents
    assert report.kind == "other"
    assert report.metadata.issuer == "青溪县人大常委会执法检查组"
    assert report.metadata.recipients == ["县人大常委会"]


def test_a_report_upward_titled_as_a_huibao_is_a_document_of_its_own():
    text = (
        "青溪县人民政府关于儿童友好县建设工作推进情况的汇报\n"
        "今年以来,我县按照省市部署推进儿童友好县建设。\n"
        "一、主要做法\n(一)健全工作机制。成立了工作专班。\n"
    )
    [report] = parse_text(text).documents
    assert report.kind == "other"
    assert report.title == "青溪县人民政府关于儿童友好县建设工作推进情况的汇报"
    assert report.metadata.issuer == "青溪县人民政府"
    assert report.metadata.place == "青溪县"


def test_a_national_plan_for_a_kind_of_area_names_no_place():
    text = (
        "国家边远地区儿童营养改善规划\n(2025—2030年)\n"
        "一、总体目标\n到2030年,边远地区儿童营养状况明显改善。\n"
    )
    [plan] = parse_text(text).documents
    assert plan.title == "国家边远地区儿童营养改善规划"
    assert plan.metadata.place is None


def test_a_jiedu_page_titled_by_the_notice_it_explains_and_its_one_line_portal_block():
    text = (
        "南岭市人民政府\n首页 >> 公开信息内容\n"
        "解读《南岭市人民政府关于印发南岭市儿童发展规划的通知》\n"
        "索  引  号:11530000-/2023-0412007 公文目录:政策文件解读 发文机关:南岭市政府办 "
        "发布日期:2023年04月12日\n"
        "南岭市人民政府日前印发了新一轮儿童发展规划,现就有关内容解读如下:\n"
        "一、起草背景\n儿童是国家的未来。\n"
    )
    [page] = parse_text(text).documents
    assert page.kind == "other"
    assert page.title == "解读《南岭市人民政府关于印发南岭市儿童发展规划的通知》"
    assert page.metadata.portal["索引号"] == "11530000-/2023-0412007"
    assert page.metadata.portal["公文目录"] == "政策文件解读"
    assert page.metadata.place == "南岭市"


@pytest.mark.parametrize(
    ("title_line", "title"),
    [
        ("文稿解读《关于2024年为全县妇女儿童办好八件实事的通知》", None),
        ("文字解读:《石湾区2024年关爱儿童实事工作方案》", None),
        ("负责人解读 《石湾区儿童之家建设实施方案》", "负责人解读《石湾区儿童之家建设实施方案》"),
    ],
)
def test_a_jiedu_page_with_the_kind_of_interpretation_before_its_cited_title(title_line, title):
    # a district portal's 解读 column: 文稿/文字/负责人 before 解读, a toolbar cut after its colon
    text = (
        "发布机构: 石湾区政府办公室\n"
        f"{title_line}\n发布时间:2024-06-03 点击次数:\n【文字大小:\n\n"
        "2024年6月1日,石湾区人民政府办公室印发了《方案》,现解读如下:\n\n"
        "一、目的意义\n\n为关爱儿童成长,制定本方案。\n"
    )
    [page] = parse_text(text).documents
    assert page.kind == "other"
    assert page.title == (title or title_line)
    assert page.metadata.place == "石湾区"
    assert page.metadata.date_published == "2024-06-03"
    assert page.metadata.recipients == []


def test_a_genre_bullet_under_an_empty_label_is_not_the_title():
    text = (
        "  • 索引号: 11520000X/2023-00031\n  • 主题词:\n  • 体裁: 通知\n\n"
        "《青溪县妇女发展规划》政策解读\n\n  • 发布时间:2023年03月02日\n\n"
        "一、编制背景\n青溪县结合实际编制了新一轮规划。\n"
    )
    [page] = parse_text(text).documents
    assert page.kind == "other"
    assert page.title == "《青溪县妇女发展规划》政策解读"
    assert page.metadata.portal["体裁"] == "通知"
    assert page.metadata.place == "青溪县"


def test_a_doc_number_whose_brackets_a_word_font_turned_into_low_quotes_is_read():
    text = (
        "南岭市人民政府办公室文件\n南府办发„2021‟17号\n"
        "南岭市人民政府办公室关于做好儿童福利机构安全工作的通知\n"
        "各区人民政府,市政府各部门:\n现就有关事项通知如下:\n一、压实安全责任。各区要落实属地责任。\n"
    )
    [notice] = parse_text(text).documents
    assert notice.metadata.doc_number == "南府办发„2021‟17号"
    assert notice.metadata.issuer == "南岭市人民政府办公室"


@pytest.mark.parametrize("number", ["东青发也2021页9号", "东青发 也2021页 9 号"])
def test_a_doc_number_whose_brackets_a_pdf_font_turned_into_other_characters_is_read(number):
    # text taken from a PDF set in a 公文 font that maps 〔〕 to 也页, spaced or not
    text = (
        f"东岭市团委文件\n{number}\n"
        "东岭市团委关于开展青年发展规划实施情况评估的通知\n"
        "各县(区)团委:\n现就有关事项通知如下:\n一、评估内容。各县要对照规划逐项评估。\n"
    )
    [notice] = parse_text(text).documents
    assert notice.metadata.doc_number == "东青发也2021页9号"
    assert notice.metadata.issuer == "东岭市团委"


def test_a_contingency_plan_carried_by_a_notice_is_a_plan_of_its_own():
    text = (
        "青溪县人民政府办公室关于印发青溪县儿童走失应急预案的通知\n"
        "各乡镇人民政府,县级有关部门:\n现将《青溪县儿童走失应急预案》印发给你们,请认真贯彻执行。\n"
        "青溪县人民政府办公室\n2024年3月8日\n"
        "青溪县儿童走失应急预案\n一、总则\n为及时有效处置儿童走失事件,制定本预案。\n"
    )
    notice, plan = parse_text(text).documents
    assert plan.kind == "plan"
    assert plan.title == "青溪县儿童走失应急预案"
    assert plan.part_of == notice.id


def test_a_portals_own_name_above_its_breadcrumb_is_not_the_issuer_of_the_notice():
    text = (
        "青溪县人民政府\n首页 >> 公开信息内容\n"
        "青溪县人民政府办公室关于印发青溪县儿童关爱服务方案的通知\n"
        "索引号:11520000Y-/2023-0601003 发文日期:2023年06月01日\n"
        "各乡镇人民政府,县级有关部门:\n现将方案印发给你们,请认真贯彻执行。\n"
    )
    [notice] = parse_text(text).documents
    assert notice.metadata.issuer == "青溪县人民政府办公室"


def test_organs_named_above_a_title_that_names_them_again_stay_the_issuers():
    text = (
        "中共南岭市委办公室\n南岭市人民政府办公室\n"
        "中共南岭市委办公室 南岭市人民政府办公室关于印发南岭市儿童友好行动方案的通知\n"
        "各区委、区人民政府:\n现将方案印发给你们,请认真贯彻落实。\n"
    )
    [notice] = parse_text(text).documents
    assert notice.metadata.issuer == "中共南岭市委办公室、南岭市人民政府办公室"


def test_the_entry_clerk_after_a_portal_date_is_furniture():
    text = (
        "南岭市人民政府关于印发南岭市儿童发展纲要的通知\n"
        "发布时间:2021-09-14   录入:南岭市人民政府\n"
        "各县(市、区)人民政府,市级各部门:\n现将纲要印发你们,请认真组织实施。\n"
    )
    [notice] = parse_text(text).documents
    assert notice.metadata.portal == {"发布时间": "2021-09-14"}
    assert notice.metadata.date_published == "2021-09-14"


def test_a_government_signing_with_its_short_name_is_the_issuer():
    text = (
        "关于印发青溪县托育服务发展实施方案的通知\n各乡镇人民政府,县直各部门:\n"
        "现将《青溪县托育服务发展实施方案》印发给你们,请认真贯彻执行。\n青溪县政府\n2024年5月6日\n"
    )
    [notice] = parse_text(text).documents
    assert notice.metadata.issuer == "青溪县政府"
    assert notice.metadata.date_written == "2024-05-06"


def test_a_law_library_block_names_the_issuer_by_its_issuing_unit():
    # 发文单位 / 文 号 / 发布日期 / 执行日期 above the text of a law library's copy
    text = (
        "发文单位:某省青溪市人民政府\n文 号:青政发〔2012〕31号\n"
        "发布日期:2012-09-14\n执行日期:2012-10-01\n"
        "关于印发青溪市儿童发展规划的通知\n"
        "各县(市)、区人民政府,市政府有关部门:\n"
        "现将《青溪市儿童发展规划》印发给你们,请认真贯彻执行。\n"
    )
    notice = parse_text(text).documents[0]
    assert notice.title == "关于印发青溪市儿童发展规划的通知"
    assert notice.metadata.issuer == "某省青溪市人民政府"
    assert notice.metadata.doc_number == "青政发〔2012〕31号"
    assert notice.metadata.portal["执行日期"] == "2012-10-01"
    assert notice.metadata.date_published == "2012-09-14"


def test_a_law_databases_block_with_an_empty_docno_dates_the_notice_and_keeps_its_fields():
    # 类别 / 文号 (empty) / 颁发日期 / 地区 / 行业 / 时效性 under the title of an accounting
    # site's law database, labels spaced to one width (invented, twenty-second reading's layout)
    text = (
        "关于印发《青溪省儿童福利事业发展规划》的通知\n"
        "类      别:其他法律法规\n文      号:\n颁发日期:2021-07-02\n"
        "地   区:青溪\n行   业:其他\n时效性:有效\n"
        "各设区市民政局:\n"
        "现将《青溪省儿童福利事业发展规划》印发给你们,请认真贯彻执行。\n"
        "青溪省民政厅\n2021年7月2日\n"
    )
    notice = parse_text(text).documents[0]
    assert notice.metadata.date_published == "2021-07-02"
    assert notice.metadata.doc_number is None
    # the empty 文号 no longer takes the next field's line for its value
    assert notice.metadata.portal["文号"] is None
    assert notice.metadata.portal["地区"] == "青溪"
    assert notice.metadata.portal["类别"] == "其他法律法规"
    assert notice.metadata.recipients == ["各设区市民政局"]


def test_a_reposts_lead_in_ending_in_a_colon_is_not_part_of_the_title_below():
    # a news site reposts a plan: one sentence saying who issued it, …全文如下：, then the plan
    text = (
        "9月3日,石湾区卫生健康局等六部门联合印发《石湾区托育服务提升行动计划》,全文如下:\n\n"
        "石湾区托育服务提升行动计划\n\n为发展托育服务,制定本计划。\n\n"
        "一、总体要求\n\n到2027年,普惠托位占比达到60%。\n"
    )
    [plan] = parse_text(text).documents
    assert plan.kind == "plan"
    assert plan.title == "石湾区托育服务提升行动计划"
    assert plan.metadata.place == "石湾区"


def test_a_joint_signature_one_organ_a_line_with_an_academy_and_an_association():
    organs = [
        "南岭省教育厅",
        "南岭省卫生健康委员会",
        "南岭省科学院",
        "南岭省体育局",
        "南岭省科学技术协会",
    ]
    text = "\n".join(
        [
            "南岭省教育厅等五部门关于印发《南岭省学生体质提升行动计划》的通知",
            "南教〔2025〕9号",
            "各设区市教育局,各普通高等学校:",
            "现将《南岭省学生体质提升行动计划》印发给你们,请认真贯彻落实。",
            *organs,
            "2025年3月2日",
            "南岭省学生体质提升行动计划",
            "为促进学生健康,制定本计划。",
            "一、总体要求",
        ]
    )
    notice = parse_text(text + "\n").documents[0]
    assert notice.metadata.issuer == "、".join(organs)
    assert notice.metadata.date_written == "2025-03-02"


def test_a_bulleted_block_names_the_doc_number_by_its_file_number_label():
    # a city portal's block: 制发机关 / 发布日期 / 文件字号 / 成文日期, each after a bullet
    text = (
        "青溪市人民政府办公室关于印发青溪市托育服务实施意见的通知\n\n"
        "  • 制发机关: 青溪市人民政府办公室\n  • 发布日期:2023-05-09\n"
        "  • 文件字号: 青政办发【2023】7号\n  • 成文日期:2023-05-08\n\n"
        "各镇政府、街道办事处:\n\n  现将《青溪市托育服务实施意见》印发给你们,请认真贯彻执行。\n"
    )
    notice = parse_text(text).documents[0]
    assert notice.metadata.doc_number == "青政办发【2023】7号"
    assert notice.metadata.portal["制发机关"] == "青溪市人民政府办公室"
    assert notice.metadata.date_written == "2023-05-08"


def test_abbreviated_joint_issuers_at_the_head_of_a_title_stay_apart():
    # a city health commission's page: organs without a place, a space between them
    text = (
        "市民政局 市财政局 市计划生育协会关于印发《青溪市儿童之家建设方案》的通知\n\n"
        "各区民政局、财政局:\n\n现将方案印发给你们,请认真组织实施。\n"
    )
    notice = parse_text(text).documents[0]
    assert notice.metadata.issuer == "市民政局、市财政局、市计划生育协会"


def test_an_encyclopedia_entry_reads_its_infobox_after_its_summary_line():
    # an online encyclopedia transcribing a notice: a summary line, 基本介绍, bulleted pairs
    text = (
        "青溪市人民政府关于印发健康青溪行动方案的通知\n\n"
        "青溪市人民政府关于印发健康青溪行动方案的通知.是青溪市人民政府2022年3月9日发布的文件.\n\n"
        "基本介绍\n\n  • 中文名:青溪市人民政府关于印发健康青溪行动方案的通知\n"
        "  • 颁布时间:2022年3月9日\n  • 发布单位:青溪市人民政府\n"
        "  • 发文字号:青府发〔2022〕4号\n全文\n\n"
        "为实施健康青溪行动,制定本方案。\n  一、总体要求\n"
    )
    notice = parse_text(text).documents[0]
    assert notice.title == "青溪市人民政府关于印发健康青溪行动方案的通知"
    assert notice.metadata.doc_number == "青府发〔2022〕4号"
    assert notice.metadata.date_published == "2022-03-09"


@pytest.mark.parametrize(
    "summary",
    [
        "《白河市学前教育提升方案》已经白河市人民政府同意,白河市人民政府办公室于"
        "2023年5月8日印发,请认真贯彻执行。",
        # a traditional summary over a simplified infobox
        "《白河市學前教育提升方案》已經白河市人民政府同意，白河市人民政府辦公室於"
        "2023年5月8日印發，請認真貫徹執行。",
    ],
)
def test_an_encyclopedia_entrys_summary_sentence_leaves_its_infobox_read(summary):
    # an online encyclopedia's entry (twenty-fourth reading; invented): the plan's name, a
    # summary restating the notice's sentence, the infobox under 基本介绍
    text = (
        f"白河市学前教育提升方案\n\n{summary}\n\n基本介绍\n\n"
        "  • 中文名:白河市学前教育提升方案\n"
        "  • 颁布时间:2023年5月8日\n  • 发布单位:白河市人民政府办公室\n全文\n\n"
        "为推进学前教育普及普惠,制定本方案。\n一、工作目标\n"
    )
    plan = parse_text(text).documents[0]
    assert plan.metadata.date_published == "2023-05-08"
    assert len(plan.metadata.portal) == 3  # 中文名, 颁布时间, 发布单位


def test_a_document_sites_file_facts_are_not_part_of_the_title():
    # a document-sharing site (tenth reading): 基本信息, the file's name, size, pages, update time
    # and word count, 文档摘要, then the document; the facts and the caption had run into the title
    text = (
        "基本信息\n文件名称:学生体质健康提升工作方案.docx\n文件大小:31.5 KB\n总页数:9 页\n"
        "更新时间:2024-11-02\n总字数:约4.2千字\n文档摘要\n学生体质健康提升工作方案\n"
        "为提升学生体质健康水平,制定本方案。\n一、工作目标\n"
        "到2026年,全县学生体质健康优良率达到55%以上。\n"
    )
    document = parse_text(text).documents[0]
    assert (document.kind, document.title) == ("plan", "学生体质健康提升工作方案")
    assert document.metadata.portal == {}
    assert [i.name for i in document.indicators] == ["学生体质健康优良率"]


def test_a_page_title_line_of_words_joined_by_underscores_is_not_part_of_the_title():
    # a hijacked mirror's keyword line (or a saved page's 标题_栏目_网站 line) above its breadcrumb
    text = (
        "某某精品_91某某在线_某某视频\n\n您的位置: 首页 >> 纲要规划\n\n"
        "2022年《青溪县儿童发展规划（2021—2030年）》统计监测报告\n\n"
        "发布时间:2023-05-10 来源:县统计局\n\n  2022年,全县儿童事业稳步发展。\n"
    )
    document = parse_text(text).documents[0]
    assert document.title == "2022年《青溪县儿童发展规划（2021—2030年）》统计监测报告"


def test_toolbar_words_of_a_portal_stamp_are_neither_recipients_nor_values():
    # 保护视力色： alone on its line (a colon at its end, like recipients), an empty hit counter
    text = (
        "青溪区儿童发展规划\n\n时间:2012-03-01   来源:区妇儿工委办公室   点击:\n"
        "分享:\n保护视力色:\n\n前  言\n为促进儿童发展,制定本规划。\n"
    )
    plan = parse_text(text).documents[0]
    assert plan.metadata.recipients == []
    assert plan.metadata.portal == {"时间": "2012-03-01", "来源": "区妇儿工委办公室"}


def test_a_compiling_sites_region_tag_is_not_part_of_the_title():
    text = "（青溪市）青溪市妇女发展规划（2021—2030年）\n\n为促进妇女发展,制定本规划。\n"
    plan = parse_text(text).documents[0]
    assert plan.title == "青溪市妇女发展规划（2021—2030年）"
    assert plan.metadata.place == "青溪市"


def test_a_law_databases_bracketed_labels_are_read_as_portal_fields():
    # 文章属性 / •【制定机关】… one a line / 正文, then the document with its title again
    text = (
        "青溪市人民政府关于加快托育服务发展的若干意见(试行)\n文章属性\n"
        "•【制定机关】青溪市人民政府\n•【公布日期】2019.03.01\n•【施行日期】2019.03.01\n"
        "•【效力等级】地方规范性文件\n•【时效性】现行有效\n正文\n"
        "青溪市人民政府关于加快托育服务发展的若干意见(试行)\n(青政函〔2019〕12号)\n"
        "各区、县(市)人民政府,市政府各部门:\n为加快托育服务发展,现提出如下意见。\n"
    )
    [document] = parse_text(text).documents
    assert document.metadata.date_published == "2019-03-01"
    assert document.metadata.portal["制定机关"] == "青溪市人民政府"
    assert document.metadata.portal["效力等级"] == "地方规范性文件"
    assert document.metadata.doc_number == "青政函〔2019〕12号"


def test_bracketed_portal_pairs_several_to_a_line_keep_no_closing_bracket():
    # an old CMS's article head: 【label：value】 pairs side by side under the headline
    text = (
        "青溪市印发儿童之家建设实施方案\n"
        "【信息来源：青溪市妇联】   【发布时间：2019-5-6 10:12:30】   【文号：青妇发[2019]8号】\n"
        "为推进儿童之家建设,制定本方案。\n"
    )
    [page] = parse_text(text).documents
    assert page.metadata.portal["信息来源"] == "青溪市妇联"
    assert page.metadata.doc_number == "青妇发[2019]8号"
    assert page.metadata.date_published == "2019-05-06"


@pytest.mark.parametrize(
    ("title", "place"),
    [
        ("青海托育服务发展规划", "青海"),  # a province's own plan titled with its short name
        ("关于印发《贵州妇女儿童关爱行动方案》的通知", "贵州"),
        ("海南藏族自治州儿童发展规划", "海南藏族自治州"),  # the short name runs into a unit
        ("吉林市儿童发展规划", "吉林市"),
    ],
)
def test_a_province_named_short_at_the_head_of_a_title_is_the_place(title, place):
    text = f"{title}\n\n发布时间:2022-06-13\n\n为促进妇女儿童发展,制定本规划。\n"
    assert parse_text(text).documents[0].metadata.place == place


def test_a_covers_organ_and_month_on_one_line_name_the_issuer():
    # a booklet's cover under the title and period: the compiling office and the month
    text = (
        "青河旗妇女发展规划\n（2021-2030年）\n"
        "青河旗人民政府妇女儿童工作委员会办公室 2022 年 8 月\n"
        "前  言\n实行男女平等是国家的基本国策。\n一、总体目标\n"
    )
    plan = parse_text(text).documents[0]
    assert plan.metadata.issuer == "青河旗人民政府妇女儿童工作委员会办公室"
    assert plan.metadata.date_written == "2022-08"  # the month it prints, no day made up


@pytest.mark.parametrize(
    "text, month",
    [
        ("2022年6月", "2022-06"),
        ("2022 年 12 月", "2022-12"),
        ("二〇二一年十一月", "2021-11"),
        ("二0二二年六月", "2022-06"),
        ("２０２３年４月", "2023-04"),
        ("2022年13月", None),
        ("2022年6月5日", None),  # a day: iso_date's
        ("2022.6", None),  # without 年 and 月 it may be any number
        ("6月", None),
    ],
)
def test_month_dates(text, month):
    assert month_date(text) == month


@pytest.mark.parametrize(
    "text, issuer, month",
    [
        (  # a booklet's cover: title, period, organ, then the month alone
            "某州某县儿童发展规划\n（2021—2030年）\n\n某州某县人民政府\n二〇二二年三月\n\n"
            "一、发展基础\n全县儿童事业稳步发展。\n",
            "某州某县人民政府",
            "2022-03",
        ),
        (  # a report signed at its end by its organ over the month, no day
            "某区妇女发展规划中期评估报告\n一、基本情况\n规划实施以来，成效明显。\n"
            "二、下一步工作\n继续推进。\n\n某区妇女儿童工作委员会\n2023年11月\n",
            "某区妇女儿童工作委员会",
            "2023-11",
        ),
        (  # a cover's month and a signature's day: the day is the date
            "某市托育服务发展规划\n某市人民政府\n2022年6月\n一、目标\n到2025年建成托位5000个。\n\n"
            "某市人民政府\n2022年6月18日\n",
            "某市人民政府",
            "2022-06-18",
        ),
        (  # a month heading a timeline under the outline's first head: no date of the document
            "某县儿童之家建设情况\n一、主要进展\n2022年6月\n全县建成儿童之家120个。\n",
            None,
            None,
        ),
    ],
    ids=["cover", "signature", "day-wins", "timeline"],
)
def test_a_document_dated_by_its_month_alone_has_a_month_precision_date(text, issuer, month):
    meta = parse_text(text).documents[0].metadata
    assert (meta.issuer, meta.date_written) == (issuer, month)


@pytest.mark.parametrize(
    "organs, issuer",
    [
        # a forwarded plan's drafting organs under its title, wrapped over two lines
        (
            "省教育厅 省发展改革委 省民政厅 省财政厅\n省人力资源社会保障厅 省编办 省残联",
            "省教育厅、省发展改革委、省民政厅、省财政厅、省人力资源社会保障厅、省编办、省残联",
        ),
        # the same on a traditional-character mirror that wrote ? for each space
        (
            "市教育局?市發展改革委?市民政局\n市財政局?市衛生健康委?市殘聯",
            "市教育局、市發展改革委、市民政局、市財政局、市衛生健康委、市殘聯",
        ),
        # three lines, one with the 机构编制委员会办公室 as 编办
        (
            "州教育局　州民政局\n州财政局　州编办\n州卫生健康委　州残联",
            "州教育局、州民政局、州财政局、州编办、州卫生健康委、州残联",
        ),
    ],
    ids=["two lines", "mirror question marks", "three lines"],
)
def test_drafting_organs_wrapped_under_a_plans_title_are_all_its_issuers(organs, issuer):
    text = (
        f"某省特殊教育提升计划实施方案（2024-2026年）\n{organs}\n"
        "为加快推进特殊教育发展，制定本实施方案。\n一、总体目标\n"
        "到2026年，适龄残疾儿童义务教育入学率达到97%以上。\n"
    )
    [plan] = parse_text(text).documents
    assert plan.metadata.issuer == issuer


def test_a_single_organ_under_a_title_takes_no_organ_from_the_line_after_it():
    # a cover's one compiling office, then a line that happens to name organs: only the first
    text = (
        "某县学前教育发展提升行动计划\n某县教育局\n某县财政局 某县民政局\n"
        "为推动学前教育普及普惠，制定本计划。\n一、主要目标\n"
    )
    [plan] = parse_text(text).documents
    assert plan.metadata.issuer == "某县教育局"


def test_joint_signatures_above_a_seal_note_are_the_issuers():
    # the second organ signs with another's seal: （…代章） between the organs and the date
    text = (
        "关于印发《卯区妇女儿童发展规划》的通知\n区政府各委、办、局:\n"
        "现将规划印发给你们,请认真贯彻落实。\n卯区妇女儿童工作委员会\n"
        "卯区“十四五”规划工作领导小组办公室\n(卯区发展和改革委员会代章)\n2021年9月17日\n"
    )
    [notice] = parse_text(text).documents
    assert notice.metadata.issuer == "卯区妇女儿童工作委员会、卯区“十四五”规划工作领导小组办公室"
    assert notice.metadata.date_written == "2021-09-17"


@pytest.mark.parametrize("host", ["(辰州市发展和改革委员会)", "（辰州市发展和改革委员会）"])
def test_a_signing_office_above_the_bracketed_organ_housing_it_is_the_issuer(host):
    # a 领导小组办公室 signs, the organ it sits in under it in brackets, then the date
    text = (
        "关于印发《辰州市儿童友好城市建设行动方案》的通知\n各县(市、区)人民政府,各有关单位:\n"
        "现将行动方案印发给你们,请认真贯彻落实。\n特此通知。\n"
        f"辰州市推进儿童友好城市建设领导小组办公室\n{host}\n2024年3月8日\n"
        "辰州市儿童友好城市建设行动方案\n一、总体要求\n正文。\n"
    )
    notice, plan = parse_text(text).documents
    assert notice.metadata.issuer == "辰州市推进儿童友好城市建设领导小组办公室"
    assert (notice.metadata.date_written, plan.part_of) == ("2024-03-08", notice.id)


@pytest.mark.parametrize(
    "note, date",
    [
        ("（2021年5月27日申省第十三届人民代表大会常务委员会第二十七次会议通过）", "2021-05-27"),
        # a PDF's copy: spaced out, the 公布 and 施行 dates on the lines below amend nothing
        (
            "(2021年5月27日申省第十三届人民代表大会常务委员会第二十七次 会 议 通 过\n"
            "2021年5月27日 公 布\n自2021年9月1日 起 施 行)",
            "2021-05-27",
        ),
        # an amended regulation is the version its last amendment wrote: that is its date
        (
            "（2021年5月27日申省人民代表大会常务委员会第二十七次会议通过，根据2023年3月1日…修正）",
            "2023-03-01",
        ),
        # a revised 实施…办法's note, longer than any field line, amended twice
        (
            "(2021年5月27日申省第十三届人民代表大会常务委员会第二十七次会议通过 根据2022年9月"
            "28日申省第十三届人民代表大会常务委员会第三十五次会议《关于修改〈申省儿童友好社区促进"
            "条例〉的决定》第一次修正 根据2024年7月25日申省第十四届人民代表大会常务委员会第十一次"
            "会议《关于修改〈申省儿童友好社区促进条例〉等五件地方性法规的决定（第二批）》第二次修正)",
            "2024-07-25",
        ),
        (
            "（2021年5月27日申省第十三届人民代表大会常务委员会第二十七次会议通过　"
            "2024年7月25日申省第十四届人民代表大会常务委员会第十一次会议修订）",
            "2024-07-25",
        ),
    ],
    ids=["adopted", "spaced-out-with-its-dates", "amended", "amended-twice", "revised"],
)
def test_a_regulations_adoption_note_gives_its_date_and_standing_committee(note, date):
    text = (
        f"申省儿童友好社区促进条例\n{note}\n第一章 总则\n"
        "第一条 为了促进儿童友好社区建设,制定本条例。\n"
    )
    [regulation] = parse_text(text).documents
    assert regulation.metadata.issuer == "申省人民代表大会常务委员会"
    assert regulation.metadata.date_written == date
    # the note as written keeps the first adoption's date
    assert regulation.metadata.note and "2021年5月27日" in regulation.metadata.note


def test_a_meeting_date_in_a_sentence_is_no_adoption_note():
    # the note must open the line in brackets: a sentence citing a meeting gives no date
    text = (
        "申省儿童友好社区促进条例\n第一章 总则\n"
        "第一条 本条例经2021年5月27日申省人民代表大会常务委员会第二十七次会议通过。\n"
    )
    [regulation] = parse_text(text).documents
    assert regulation.metadata.date_written is None


@pytest.mark.parametrize(
    "head",
    ["申省第十三届人民代表大会常务委员会\n公  告\n（第48号）", "申省人民政府\n通告\n第 9 号"],
)
def test_an_organ_over_its_proclamation_word_and_serial_number_heads_a_proclamation(head):
    # a people's congress site's 公告 publishing a regulation: the organ, 公 告, its number
    text = (
        f"{head}\n《申省儿童友好社区促进条例》已于2021年5月27日通过,现予公布,自2021年9月1日起施行。\n"
        "申省人民代表大会常务委员会\n2021年5月27日\n第一章 总则\n第一条 为了促进建设,制定本条例。\n"
    )
    [proclamation] = parse_text(text).documents
    organ, word, number = (line.replace(" ", "") for line in head.split("\n"))
    assert proclamation.title == organ + word
    assert proclamation.metadata.doc_number == number.strip("（）")
    assert proclamation.metadata.date_written == "2021-05-27"


PROCLAIMED = (
    "{organ}\n公  告\n（第{number}号）\n"
    "《{cited}》已由{organ}第五次会议于2024年3月28日通过,现予公布,自2024年7月1日起施行。\n"
    "{organ}\n2024年3月28日\n"
    "{title}\n（2024年3月28日{organ}第五次会议通过）\n"
    "第一章 总则\n第一条 为了保障儿童权益,制定本条例。\n"
)


@pytest.mark.parametrize(
    ("organ", "number", "title"),
    [
        ("丙自治区第十四届人民代表大会常务委员会", "15", "丙自治区未成年人保护条例"),
        ("丁省第十三届人民代表大会常务委员会", "62", "丁省儿童友好城市 促进条例"),  # spaced title
    ],
)
def test_a_proclamation_carries_the_regulation_it_publishes(organ, number, title):
    # a people's congress site: the standing committee's 公告 citing the regulation, then its text
    cited = title.replace(" ", "")
    text = PROCLAIMED.format(organ=organ, number=number, cited=cited, title=title)
    proclamation, regulation = parse_text(text).documents
    assert regulation.part_of == proclamation.id
    assert regulation.metadata.doc_number == proclamation.metadata.doc_number == f"第{number}号"
    assert regulation.metadata.inherited == ["doc_number"]
    # the 公告 is signed by the committee of its term (its numbers count within the term); the
    # regulation names the committee that adopted it, the organ without its term
    assert proclamation.metadata.issuer == organ
    assert regulation.metadata.issuer == regex.sub(r"第[一二三四五六七八九十]+届", "", organ)


def test_a_proclamation_carries_no_document_it_does_not_cite():
    text = PROCLAIMED.format(
        organ="丁省第十三届人民代表大会常务委员会",
        number="62",
        cited="丁省妇女权益保障条例",
        title="丁省儿童友好城市促进条例",
    )
    proclamation, regulation = parse_text(text).documents
    assert proclamation.metadata.doc_number == "第62号"
    assert regulation.part_of is None and regulation.metadata.doc_number is None


ORDERED = (
    "{organ}令\n第 {number} 号\n"
    "《{cited}》已经2023年11月20日{organ}第25次常务会议通过，现予公布，自2024年1月1日起施行。\n"
    "省长  某某某\n2023年12月5日\n"
    "{title}\n第一章  总  则\n第一条  为了加强校车安全管理，制定本办法。\n"
    "第二条  本办法适用于本省。\n"
)


@pytest.mark.parametrize(
    ("above", "cited", "title"),
    [
        ("", "申省学生校车安全管理办法", "申省学生校车安全管理办法"),
        # a mirror's headline and its empty bylines over the order; the regulation's own title
        # cites a 条例 in 《》, written 〈〉 inside the order's citation
        (
            "申省实施〈校车安全管理条例〉办法\n2018.08.01 -\n来源:\n\n作者:\n\n",
            "申省实施〈校车安全管理条例〉办法",
            "申省实施《校车安全管理条例》办法",
        ),
    ],
)
def test_an_order_heads_the_regulation_it_promulgates(above, cited, title):
    # GB/T 9704's 命令（令）格式: the organ glued to 令, its serial number, the promulgating
    # sentence, the governor's signature and the date, then the regulation
    text = above + ORDERED.format(organ="申省人民政府", number=31, cited=cited, title=title)
    order, regulation = parse_text(text).documents
    assert (order.title, order.kind) == ("申省人民政府令", "other")
    assert order.metadata.doc_number == "第31号"
    assert order.metadata.issuer == "申省人民政府"
    assert order.metadata.date_written == "2023-12-05"
    assert order.metadata.portal.get("来源") is None
    assert (regulation.title, regulation.part_of) == (title, order.id)
    assert regulation.metadata.doc_number == "第31号"
    assert [s.title for s in regulation.sections] == ["总则"]


@pytest.mark.parametrize("organ", ["中华人民共和国国务院", "中华人民共和国某某部", "申省人民政府"])
def test_an_orders_organ_may_be_national(organ):
    text = ORDERED.format(organ=organ, number=7, cited="某某条例", title="某某条例")
    order, regulation = parse_text(text).documents
    assert (order.title, order.metadata.issuer) == (organ + "令", organ)
    assert regulation.part_of == order.id


def test_an_organs_order_word_over_no_serial_number_heads_nothing():
    text = "申省人民政府令\n各地要认真执行本办法。\n"
    [document] = parse_text(text).documents
    assert document.title is None


def test_a_doc_number_cited_in_a_sentence_above_the_title_is_not_the_documents():
    # a law library's copy that lost the notice's title: its 文号 label, then the notice's text
    # citing the plan it replaces, then the plan
    text = (
        "发文单位:青溪市人民政府\n文 号:青政发〔2007〕67号\n发布日期:2007-12-24\n"
        "各县(市)、区人民政府,市政府有关部门:\n现将修订后的规划印发给你们,请认真贯彻执行。\n"
        "2002年3月印发的《青溪市儿童发展规划》(青政〔2002〕21号)同时废止。\n"
        "二○○七年十二月二十四日\n青溪市儿童发展规划(2001-2010年)\n第一章 发展现状\n正文。\n"
    )
    # the notice keeps its recipients and date without its title, and the plan is carried by it
    notice, plan = parse_text(text).documents
    assert (notice.title, plan.part_of) == (None, notice.id)
    assert notice.metadata.doc_number == plan.metadata.doc_number == "青政发〔2007〕67号"


def test_a_portals_summary_above_the_recipients_is_no_text_of_the_notice():
    # the summary runs the recipients and the first sentence together, then the text follows
    text = (
        "青溪区人民政府办公室关于印发健康青溪行动方案的通知\n"
        "各街道办事处,区政府各部门:经区政府同意,现将方案印发给你们,请认真贯彻执行。\n"
        "各街道办事处,区政府各部门:\n经区政府同意,现将方案印发给你们,请认真贯彻执行。\n"
        "青溪区人民政府办公室\n2021年2月22日\n"
    )
    [notice] = parse_text(text).documents
    assert notice.metadata.recipients == ["各街道办事处", "区政府各部门"]
    assert notice.preamble is not None
    assert notice.preamble.text == "经区政府同意,现将方案印发给你们,请认真贯彻执行。"


def test_a_banner_jiedu_page_with_two_cited_titles_before_its_form_word():
    # a banner portal's 政策解读 column: the column's name before the breadcrumb, the column in
    # 【】 and the cited titles before …的政策解读
    text = (
        "图文解读 首页 >政务公开 >政策解读 >图文解读\n"
        "【图文解读】《达茂旗妇女发展规划(2021-2030年)》《达茂旗儿童发展规划(2021-2030年)》"
        "的政策解读\n来源:达茂旗人民政府办公室\n发布时间:2023-02-14 10:20:00\n\n"
        "旗妇儿工委办公室起草了新一轮“两规”,现解读如下:\n一、起草背景\n为促进妇女儿童发展。\n"
    )
    [page] = parse_text(text).documents
    assert page.kind == "other"
    assert page.title == (
        "【图文解读】《达茂旗妇女发展规划(2021-2030年)》《达茂旗儿童发展规划(2021-2030年)》"
        "的政策解读"
    )
    assert page.metadata.place == "达茂旗"
    assert page.metadata.date_published == "2023-02-14"


@pytest.mark.parametrize("wrap", ["", "\n"])
def test_a_township_notice_title_without_its_notice_word(wrap):
    # a township's page: 某乡人民政府关于印发《…》 with no 的通知, the cited title wrapped
    # inside its 《》 or not
    text = (
        "文号 | 浏览量 | 12 |\n龙溪政发〔2023〕41号\n"
        f"龙溪乡人民政府关于印发《龙溪乡落实丰宁县儿童发展规划(2021—2030年){wrap}"
        "的工作方案》\n各村(社区)委会,乡属各单位:\n"
        "经乡人民政府同意,现将此方案印发给你们,请认真组织实施。\n"
        "龙溪乡人民政府\n2023年9月4日\n"
        "龙溪乡落实丰宁县儿童发展规划(2021—2030年)的工作方案\n"
        "一、指导思想\n坚持儿童优先。\n"
    )
    notice, plan = parse_text(text).documents
    assert (notice.kind, plan.kind, plan.part_of) == ("notice", "plan", notice.id)
    assert notice.title == (
        "龙溪乡人民政府关于印发《龙溪乡落实丰宁县儿童发展规划(2021—2030年)的工作方案》"
    )
    assert notice.metadata.doc_number == "龙溪政发〔2023〕41号"
    assert notice.metadata.issuer == "龙溪乡人民政府"
    assert notice.metadata.recipients == ["各村(社区)委会", "乡属各单位"]
    assert notice.metadata.date_written == "2023-09-04"
    assert plan.title == "龙溪乡落实丰宁县儿童发展规划(2021—2030年)的工作方案"


def test_a_townships_notice_names_the_township_as_its_place():
    text = (
        "石门乡人民政府关于印发石门乡儿童关爱服务实施方案的通知\n"
        "各村（社区），乡直各单位：\n现将实施方案印发给你们，请认真贯彻落实。\n"
        "石门乡人民政府\n2023年5月6日\n"
    )
    [notice] = parse_text(text).documents
    assert notice.metadata.place == "石门乡"
    assert notice.metadata.issuer == "石门乡人民政府"


@pytest.mark.parametrize(
    "signature",
    ["青溪市石桥街道办事处", "石桥街道办事处"],  # with its city, as signed, or without
)
def test_a_sub_districts_office_signing_its_notice_is_the_issuer(signature):
    # a 街道 office's own notice (twenty-ninth reading): signed like a township's government
    text = (
        "关于印发《石桥街道未成年人保护工作方案》的通知\n"
        "各社区、辖区各学校：\n现将《石桥街道未成年人保护工作方案》印发给你们，请认真贯彻落实。\n"
        f"{signature}\n2024年4月8日\n"
    )
    [notice] = parse_text(text).documents
    assert notice.metadata.issuer == signature
    assert notice.metadata.place == "石桥街道"


@pytest.mark.parametrize(
    "mark, issuer, place",
    [
        ("青山县妇女儿童工作委员会办公室文件", "青山县妇女儿童工作委员会办公室", "青山县"),
        # 文件 spaced out as a 版头 sets it
        (
            "柳江区未成年人保护工作委员会办公室文　件",
            "柳江区未成年人保护工作委员会办公室",
            "柳江区",
        ),
        ("江西省农业农村厅 江西省财政厅文件", "江西省农业农村厅、江西省财政厅", "江西省"),
    ],
)
def test_the_issuer_mark_names_the_issuer_of_a_copy_without_its_signature(mark, issuer, place):
    # a portal copy kept the 版头 and the date under the seal, not the organ signing above it
    text = (
        f"{mark}\n青妇儿办〔2023〕3号\n关于印发《2023年工作要点》的通知\n各成员单位:\n"
        "现将工作要点印发给你们,请认真贯彻落实。\n2023年4月17日\n"
    )
    [notice] = parse_text(text).documents
    assert (notice.metadata.issuer, notice.metadata.place) == (issuer, place)
    assert notice.metadata.provenance["issuer"].lines == (1, 1)


def test_the_signature_not_the_issuer_mark_names_the_issuer():
    text = (
        "青山县人民政府办公室文件\n青府办发〔2023〕3号\n关于印发《工作要点》的通知\n各乡镇:\n"
        "现将工作要点印发给你们。\n青山县人民政府\n2023年4月17日\n"
    )
    assert parse_text(text).documents[0].metadata.issuer == "青山县人民政府"


@pytest.mark.parametrize(
    "stamp",
    [
        "http://www.jyzx.example.cn  2026年2月3日  来源:山西省教育厅",
        "www.jyzx.example.cn/news/2026/0203.html 2026-02-03 来源:山西省教育厅",
        # the same stamp without the site's address was read before
        "2026年2月3日  来源:山西省教育厅",
    ],
)
def test_a_reposting_sites_address_before_the_pages_stamp(stamp):
    text = (
        f"山西省县域普通高中发展提升实施方案\n{stamp}\n\n为促进县中发展,制定本方案。\n"
        "一、目标任务\n到2027年,县中优质均衡。\n"
    )
    [plan] = parse_text(text).documents
    assert plan.metadata.date_published == "2026-02-03"
    assert plan.metadata.portal == {"来源": "山西省教育厅"}
    assert [s.title for s in plan.sections] == ["目标任务"]


@pytest.mark.parametrize(
    "stamp",
    [
        "2025-04-18 612",  # a mirror's view count, a bare number
        "2025-04-18　阅读 612",
        "2025年4月18日  浏览量：612次",
        "2025-04-18 09:40",  # with its time, read before
    ],
)
def test_a_date_with_its_view_count_under_a_headline_is_the_pages_stamp(stamp):
    # the page's date, not the 成文日期, which the signature gives
    text = (
        f"关于印发丙州市托育服务扩容实施方案的通知\n{stamp}\n各县（市、区）人民政府：\n"
        "现将实施方案印发给你们，请认真执行。\n丙州市人民政府办公室\n2025年4月11日\n"
    )
    [notice] = parse_text(text).documents
    assert (notice.metadata.date_written, notice.metadata.date_published) == (
        "2025-04-11",
        "2025-04-18",
    )


def test_a_bare_date_under_a_title_is_still_its_written_date():
    # a law database prints the 成文日期 alone under the title: no time, no count
    text = (
        "关于印发丙州市托育服务扩容实施方案的通知\n2025年4月11日\n各县（市、区）人民政府：\n"
        "现将实施方案印发给你们。\n"
    )
    [notice] = parse_text(text).documents
    assert (notice.metadata.date_written, notice.metadata.date_published) == ("2025-04-11", None)


@pytest.mark.parametrize(
    ("title", "issuer"),
    [
        # national organs name no place: run together at a title's head, or set apart by spaces
        (
            "国家发展改革委办公厅国务院妇儿工委办公室民政部办公厅关于开展儿童友好试点的通知",
            "国家发展改革委办公厅、国务院妇儿工委办公室、民政部办公厅",
        ),
        ("教育部 民政部 财政部关于做好农村留守儿童教育关爱工作的通知", "教育部、民政部、财政部"),
        ("教育部民政部全国妇联关于加强家庭教育工作的通知", "教育部、民政部、全国妇联"),
        ("审计署关于开展专项审计的通知", "审计署"),
        # a national organ too short for the shape of one, by its name
        ("国务院关于印发儿童发展纲要的通知", "国务院"),
        ("中共中央办公厅 国务院办公厅关于减轻学生作业负担的意见", "中共中央办公厅、国务院办公厅"),
        # a run that is not only national organs stays one name
        ("民政部某某研究中心关于开展调研的通知", None),
        # joint issuers counted after the first: the organs the title names are its issuers
        ("教育部等十五部门关于印发《某某计划实施细则》等五个配套文件的通知", "教育部"),
        ("教育部 民政部等9部门关于加强某某工作的意见", "教育部、民政部"),
        ("青山省卫生健康委等6部门关于印发某某行动方案的通知", "青山省卫生健康委"),
        ("国家卫生健康委办公厅等单位关于开展某某活动的通知", "国家卫生健康委办公厅"),
    ],
)
def test_national_joint_issuers_at_a_titles_head(title, issuer):
    text = f"{title}\n各省、自治区、直辖市有关部门：\n现就有关事项通知如下。\n一、要求\n落实。\n"
    assert parse_text(text).documents[0].metadata.issuer == issuer


def test_a_joint_banner_of_short_national_names_naming_the_financial_organs():
    # a joint 版头 of ministries and bodies by their short names, apart by spaces on one line
    # over the title (forty-third reading: a law site's copy of a national 指导意见): the
    # financial organs, whose names no organ's suffix ends, are organs too
    text = (
        "民政部 教育部 人民银行 财政部 银保监会 证监会 全国妇联\n"
        "关于加强困境家庭儿童关爱服务的指导意见\n"
        "民发〔2024〕15号\n"
        "各省、自治区、直辖市人民政府：\n"
        "为做好困境家庭儿童关爱服务，现提出如下意见：\n"
        "一、总体要求\n坚持儿童优先。\n"
    )
    metadata = parse_text(text).documents[0].metadata
    assert metadata.issuer == "民政部、教育部、人民银行、财政部、银保监会、证监会、全国妇联"
    assert metadata.place is None


@pytest.mark.parametrize("released", ["2024年3月5日发布", "2024年03月05日 发布", "2024-03-05发布"])
def test_a_news_graphics_release_line_under_its_caption(released):
    # a news agency graphic's text, a phrase a line, its 发布 day under the caption written with
    # 年月日 (forty-third reading: an evening paper's copy): the day the page was published
    text = (
        "民政部等12部门印发的\n"
        "《关于加强困境家庭儿童关爱服务的指导意见》\n"
        f"{released}\n"
        "指导意见从\n"
        "健全关爱服务体系\n"
        "5方面提出16项具体措施\n"
    )
    doc = parse_text(text).documents[0]
    assert doc.metadata.date_published == "2024-03-05"
    assert released not in (doc.preamble.text if doc.preamble else "")


def test_portal_labels_one_a_line_then_their_values_in_order():
    # a portal's label row over its value row, flattened one cell a line by a crawl
    text = (
        "索引号\n发布机构\n生成日期\n文号\n"
        "11520000-2024-00031\n青山县人民政府办公室\n2024-05-09\n青府办发〔2024〕9号\n"
        "关于印发青山县托育服务实施方案的通知\n各乡镇人民政府，县直各单位：\n"
        "《青山县托育服务实施方案》已经县政府同意，现印发给你们，请认真执行。\n"
        "青山县人民政府办公室\n2024年5月8日\n"
    )
    metadata = parse_text(text).documents[0].metadata
    assert metadata.portal == {
        "索引号": "11520000-2024-00031",
        "发布机构": "青山县人民政府办公室",
        "生成日期": "2024-05-09",
        "文号": "青府办发〔2024〕9号",
    }
    # a 政府信息公开 page's 生成日期 is the day it was published, when no 发布日期 says otherwise
    assert metadata.date_published == "2024-05-09"
    assert metadata.date_written == "2024-05-08"


def test_a_publication_date_label_comes_before_the_generation_date():
    text = (
        "生成日期：2024-05-09\n发布日期：2024-05-12\n"
        "关于印发青山县托育服务实施方案的通知\n各乡镇人民政府：\n现印发给你们，请认真执行。\n"
        "青山县人民政府办公室\n2024年5月8日\n"
    )
    assert parse_text(text).documents[0].metadata.date_published == "2024-05-12"


def test_a_provincial_document_library_block_with_its_publication_date():
    # a 山东 portal's 政府文件库 bullets over a joint notice (thirty-fourth reading): 公开发布日期
    # is the day the page published it, the later labels (实施, 失效) are no dates of the notice
    text = (
        "首页\n>政府信息公开>省政府文件库>部门规范性文件\n"
        "  • 主题分类:物价\n  • 发文机关:青河县发展和改革局\n  • 文件类型:行政规范性文件\n"
        "  • 规范性文件标识:QHDR-2023-0050002\n  • 成文日期:2023-09-04\n"
        "  • 公开发布日期:2023-09-12\n  • 发文字号:青发改字〔2023〕8号\n"
        "  • 所属单位:青河县发展和改革局\n  • 开始实施时间:2023-10-15\n  • 文件状态:\n"
        "  • 文件废止时间:\n  • 文件失效时间:2028-10-14\n\n"
        "青河县发展和改革局 教育和体育局关于公布幼儿园保育教育费标准的通知\n"
        "青发改字〔2023〕8号\n各幼儿园:\n现将有关事项通知如下:\n一、收费项目\n保育教育费。\n"
    )
    metadata = parse_text(text).documents[0].metadata
    assert metadata.date_published == "2023-09-12"
    assert metadata.date_written == "2023-09-04"
    assert metadata.portal["开始实施时间"] == "2023-10-15"
    assert metadata.portal["文件失效时间"] == "2028-10-14"
    assert metadata.portal["规范性文件标识"] == "QHDR-2023-0050002"


@pytest.mark.parametrize(
    ("grid_row", "validity", "number"),
    [
        ("有效性 编号", None, None),
        ("有效性 有效 编号 ZJQH00-2024-0003", "有效", "ZJQH00-2024-0003"),
    ],
)
def test_a_grid_of_labels_without_colons_closing_with_the_uniform_number(
    grid_row, validity, number
):
    # a 浙江 portal's 信息公开 grid over a 解读 (thirty-fourth reading): 编号 is a label of its
    # own, not the value of 有效性 before it
    text = (
        "索引号 001008003012/2024-05001 公开日期 2024-03-05\n发布机构 县教育局 文号\n"
        f"组配分类 政策解读 主题分类 教育\n{grid_row}\n"
        "关于青河县幼儿园保教费标准的政策解读\n发布日期：2024-03-05 10:20\n"
        "一、制定背景\n原标准已执行五年。\n二、主要内容\n正文。\n"
    )
    portal = parse_text(text).documents[0].metadata.portal
    assert portal["有效性"] == validity
    assert portal["编号"] == number


def test_a_table_header_opening_with_the_number_column_is_no_field():
    text = (
        "青河县儿童发展规划\n一、主要指标\n编号 指标 2020年 2025年 属性\n"
        "1 婴儿死亡率（‰） 5 4.5 约束性\n"
    )
    assert parse_text(text).documents[0].metadata.portal == {}


_STANDARD_BODY = (
    "前  言\n本文件按照GB/T 1.1—2020《标准化工作导则 第1部分：标准化文件的结构和起草规则》"
    "的规定起草。\n"
    "1 范围\n本文件规定了社区托育服务点的设置要求和服务要求。\n"
    "2 规范性引用文件\n本文件没有规范性引用文件。\n"
    "3 设置要求\n3.1 场地\n3.1.1 服务点应设在建筑物的一层。\n"
)


@pytest.mark.parametrize(
    "cover, number, issuer, released",
    [
        (  # a 地方标准's cover one item a line, the dates on lines of their own
            "ICS 03.080\nCCS A 12\nDB53\n某某省地方标准\nDB53/T 1207—2023\n社区托育服务点建设规范\n"
            "Specification for the setting and services of community childcare service points in "
            "towns and villages\n2023-08-15发布\n"
            "2023-10-15实施\n某某省市场监督管理局  发 布\n",
            "DB53/T 1207—2023",
            "某某省市场监督管理局",
            "2023-08-15",
        ),
        (  # a document site's copy of a city's standard: spaces lost, both dates on one line
            "ICS03.080\nCCSA16\n青溪市地方标准\nDB5309/T88—2024\n社区托育服务点建设规范\n"
            "2024-03-01发布2024-04-01实施\n青溪市市场监督管理局发布\n",
            "DB5309/T88—2024",
            "青溪市市场监督管理局",
            "2024-03-01",
        ),
        (  # a 团体标准: a society issues it under a T/ number
            "ICS 03.080\n团体标准\nT/QXTY 5—2022\n社区托育服务点建设规范\n"
            "2022-11-30 发布 2022-12-30 实施\n青溪市托育服务协会 发布\n",
            "T/QXTY 5—2022",
            "青溪市托育服务协会",
            "2022-11-30",
        ),
    ],
    ids=["provincial-lines", "city-glued", "society"],
)
def test_a_standards_cover_gives_its_name_number_organ_and_release_date(
    cover, number, issuer, released
):
    # the series line (某某省地方标准) ends in 标准 but names no document: the name under the
    # number is the title, the standard's number its 文号
    [doc] = parse_text(cover + _STANDARD_BODY).documents
    assert doc.title == "社区托育服务点建设规范"
    assert doc.kind == "plan"
    meta = doc.metadata
    assert (meta.doc_number, meta.issuer, meta.date_published) == (number, issuer, released)
    assert [section.title for section in doc.sections] == [
        "前言",
        "范围",
        "规范性引用文件",
        "设置要求",
    ]


@pytest.mark.parametrize(
    "english",
    [
        "Guidelines for the construction of child-friendly city—Part 2: Community spaces and "
        "services for infants",
        "Specification for the setting and services of community childcare service points - "
        "Part 12: Meals",
    ],
)
def test_a_standard_issued_in_parts_names_its_part_in_both_titles(english):
    # a city's standard in parts (thirty-second reading): the part after the name, and after the
    # English name, numbered (Part 2:), a line of words longer than any field that is no text
    cover = (
        "ICS 03.080\nCCS A 12\n青溪市地方标准\nDB5309/T 91—2024\n"
        f"青溪市社区托育服务点建设规范 第2部分：社区空间\n{english}\n"
        "2024-03-01发布\n2024-04-01实施\n青溪市市场监督管理局  发 布\n"
    )
    [doc] = parse_text(cover + _STANDARD_BODY).documents
    assert (doc.kind, doc.title) == ("plan", "青溪市社区托育服务点建设规范第2部分：社区空间")
    meta = doc.metadata
    assert (meta.doc_number, meta.issuer, meta.date_published) == (
        "DB5309/T 91—2024",
        "青溪市市场监督管理局",
        "2024-03-01",
    )


_ENGINEERING_COVER = (
    "某某省工程建设地方标准\n{number_line}\n住房和城乡建设部备案号：J17001-2024\n"
    "某某省城市公园儿童游戏场地\n建设标准\n"
    "Construction standard for children's play areas in urban parks of Moumou province\n"
    "2024-05-10 发布 2024-08-01 实施\n某 某 省 住 房 和 城 乡 建 设 厅 发布\n"
)
_STANDARDS_SITE = (
    "DBJ/T 45-123-2024 某某省城市公园儿童游戏场地建设标准\n- 文件大小:492.2 KB\n"
    "- 标准类型:地方其他\n- 标准语言:中文版\n- 文件类型:PDF文档\n- 下载次数:\n- 标签:\n资料介绍\n"
)


@pytest.mark.parametrize(
    "page",
    [
        _ENGINEERING_COVER.format(number_line="DBJ/T 45-123-2024"),
        _ENGINEERING_COVER.format(number_line="工程建设地方标准编号：DBJ/T 45-123-2024"),
        # a standards-sharing site: the number and the name on its heading line, its file
        # facts as a Markdown list, then the cover
        _STANDARDS_SITE + _ENGINEERING_COVER.format(number_line="DBJ/T 45-123-2024"),
    ],
    ids=["cover", "labelled-number", "standards-site"],
)
def test_an_engineering_standards_cover_gives_its_name_number_organ_and_date(page):
    # a 工程建设地方标准 (invented, in the layout of a twentieth-reading page): numbered DBJ,
    # its filing number (备案号) under its own, issued by a province's 住房和城乡建设厅
    [doc] = parse_text(page + _STANDARD_BODY).documents
    meta = doc.metadata
    assert doc.title == "某某省城市公园儿童游戏场地建设标准"
    assert (meta.doc_number, meta.issuer, meta.date_published) == (
        "DBJ/T 45-123-2024",
        "某某省住房和城乡建设厅",
        "2024-05-10",
    )
    assert meta.recipients == []


@pytest.mark.parametrize("number", ["DBJ50/T-380-2021", "DBJ 15-101-2014", "DBJ33/T 1304-2023"])
def test_an_engineering_standards_title_page_names_its_approving_organ(number):
    # the title page (扉页) under the cover repeats the name: the drafting units do not issue
    # the standard, the approving organ does
    page = _ENGINEERING_COVER.format(number_line=number) + (
        "某某省工程建设地方标准\n某某省城市公园儿童游戏场地\n建设标准\n"
        f"工程建设地方标准编号：{number}\n主编单位：某某市城市管理局技术中心\n"
        "批准部门：某某省住房和城乡建设厅\n实施日期：2024年8月1日\n"
    )
    [doc] = parse_text(page + _STANDARD_BODY).documents
    meta = doc.metadata
    assert doc.title == "某某省城市公园儿童游戏场地建设标准"
    assert (meta.doc_number, meta.issuer) == (number, "某某省住房和城乡建设厅")
    assert meta.date_published == "2024-05-10"  # printed on the cover alone


@pytest.mark.parametrize(
    "toolbar", ["【打印】 【字体:", "【打印】 【字體:", "【关闭】【打印】【字体："]
)
def test_a_toolbar_cut_after_its_last_colon_is_no_recipient(toolbar):
    # a portal's toolbar whose 大 中 小 links the crawl lost, on a traditional-character mirror
    # too (twentieth reading)
    page = (
        "青山市儿童口腔检查项目启动\n时间：2021-12-02 10:11:29 来源：青山日报\n"
        f"{toolbar}\n近日，青山市启动儿童口腔疾病综合干预项目。\n"
    )
    [doc] = parse_text(page).documents
    assert doc.metadata.recipients == []
    assert doc.title == "青山市儿童口腔检查项目启动"


REGION_NOTICE = (
    "关于印发自治区孤独症儿童关爱促进行动实施方案的通知\n{number}\n各地、州、市卫生健康委：\n"
    "现将{plan}印发给你们，请认真贯彻执行。\n"
    "自治区卫生健康委　自治区教育厅\n自治区民政厅　自治区妇联\n2024年5月9日\n"
)


@pytest.mark.parametrize(
    "number, plan, place",
    [
        # the document it hands down names the region
        ("甲卫发〔2024〕7号", "《宁夏回族自治区孤独症儿童关爱促进行动实施方案》", "宁夏回族自治区"),
        # else the abbreviation its 文号 opens with
        ("桂卫发〔2024〕7号", "《自治区孤独症儿童关爱促进行动实施方案》", "广西壮族自治区"),
        ("内卫发〔2024〕7号", "实施方案", "内蒙古自治区"),
        # an abbreviation that stands for no region names none
        ("甲卫发〔2024〕7号", "实施方案", None),
    ],
    ids=["handed-down-title", "doc-number", "doc-number-inner-mongolia", "unknown-abbreviation"],
)
def test_organs_naming_their_region_by_its_kind_alone_take_its_place(number, plan, place):
    text = REGION_NOTICE.format(number=number, plan=plan)
    [notice] = parse_text(text).documents
    assert (notice.metadata.issuer or "").startswith("自治区卫生健康委、")
    assert notice.metadata.place == place


def test_a_prefectures_organs_take_no_region_from_their_doc_number():
    # 自治州 organs: a 文号's first character names no autonomous prefecture
    text = REGION_NOTICE.format(number="新州卫发〔2024〕7号", plan="实施方案").replace(
        "自治区", "自治州"
    )
    [notice] = parse_text(text).documents
    assert (notice.metadata.issuer or "").startswith("自治州卫生健康委")
    assert notice.metadata.place is None


@pytest.mark.parametrize(
    "headline",
    [
        "青溪市人大常委会听取审议执法检查组关于检查《中华人民共和国未成年人保护法》实施情况的报告",
        "某县人大常委会审议县政府关于妇女儿童发展规划实施情况的报告",
    ],
)
def test_a_headline_of_a_sitting_that_hears_a_report_names_no_issuer(headline):
    # the 关于 is the heard report's: the organ before the verb sits, and issues nothing here
    text = (
        f"{headline}\n来源：某某网\n"
        "会议指出，近年来各部门认真履行职责，取得了明显成效。\n"
        "会议要求，要进一步加强领导，健全工作机制。\n"
    )
    [story] = parse_text(text).documents
    assert story.title == headline
    assert story.metadata.issuer is None


def test_a_view_count_after_the_time_of_a_news_stamp_is_no_part_of_the_date():
    text = (
        "青溪市8部门携手推进母婴设施建设\n\n发布日期:2019/5/6 9:12:30 浏览:321\n\n"
        "近日，青溪市卫生健康委等8部门联合印发通知，推进母婴设施建设。\n"
    )
    [story] = parse_text(text).documents
    assert story.metadata.portal["发布日期"] == "2019/5/6 9:12:30"
    assert story.metadata.date_published == "2019-05-06"


def test_who_shared_a_template_sites_bundle_is_no_part_of_its_time():
    # a 范文 site's stamp under its bundle's title (thirtieth reading's layout; invented words)
    text = (
        "2025年初中心理健康教育工作方案精选4篇\n\n"
        "时间:2025-03-05 09:12:40 分享:网友 下载本文\n\n"
        "(一)坚持预防为主。要面向全体学生开展心理健康教育。\n"
    )
    [page] = parse_text(text).documents
    assert page.metadata.portal == {"时间": "2025-03-05 09:12:40"}
    assert page.metadata.date_published == "2025-03-05"


@pytest.mark.parametrize("field", ["适用范围:全市", "颁发日期:2021-07-02", "地   区:青山"])
def test_a_field_under_an_empty_label_is_no_value_of_it(field):
    # a law library's facts over a notice (invented): 文号 left empty, the next field's label
    # one the grammar may not know
    text = (
        "关于印发《青山市儿童福利事业发展规划》的通知\n"
        f"文      号:\n{field}\n时效性:有效\n"
        "各区县民政局:\n现将《青山市儿童福利事业发展规划》印发给你们,请认真贯彻执行。\n"
        "青山市民政局\n2021年7月2日\n"
    )
    [notice] = parse_text(text).documents
    assert notice.metadata.portal["文号"] is None
    assert notice.metadata.doc_number is None
    assert notice.metadata.date_written == "2021-07-02"


def test_a_law_librarys_issue_date_and_facts_are_its_fields():
    text = (
        "关于印发《青山市儿童福利事业发展规划》的通知\n类      别:其他法律法规\n"
        "颁发日期:2021-07-02\n地   区:青山\n行   业:其他\n各区县民政局:\n"
        "现将《青山市儿童福利事业发展规划》印发给你们,请认真贯彻执行。\n青山市民政局\n"
    )
    [notice] = parse_text(text).documents
    assert notice.metadata.date_published == "2021-07-02"
    assert {k: notice.metadata.portal[k] for k in ("类别", "地区", "行业")} == {
        "类别": "其他法律法规",
        "地区": "青山",
        "行业": "其他",
    }


# A women's federation's news item headed by its organ's level alone (invented): the place is
# the one its lead names the organ with, when the lead opens with it and repeats the headline.
@pytest.mark.parametrize(
    "headline, lead, place",
    [
        (
            "市妇联召开2024年上半年工作推进会",
            "7月10日，青山市妇联召开2024年上半年工作推进会，部署下半年任务。",
            "青山市",
        ),
        ("县妇联开展巾帼宣讲进乡村活动", "近日，南川县妇联开展巾帼宣讲进乡村活动。", "南川县"),
        (
            "市委宣传部举办家风故事分享会",
            "5月8日上午，青山市委宣传部举办家风故事分享会。",
            "青山市",
        ),
        # the lead's organ of another level, one not opening the lead, one named by its level
        # alone, one whose "place" is a word before the level, and a lead not repeating the headline
        ("县妇联开展巾帼宣讲进乡村活动", "近日，青山市妇联开展巾帼宣讲进乡村活动。", None),
        ("市妇联召开2024年上半年工作推进会", "为推动工作落实，青山市妇联召开推进会。", None),
        ("市妇联召开2024年上半年工作推进会", "7月10日，市妇联召开2024年上半年工作推进会。", None),
        ("市妇联召开2024年上半年工作推进会", "7月10日，该市妇联召开2024年上半年工作推进会。", None),
        ("市妇联召开2024年上半年工作推进会", "7月10日，青山市妇联主席出席会议并讲话。", None),
    ],
)
def test_a_news_item_headed_by_an_organs_level_alone_takes_the_place_its_lead_names(
    headline, lead, place
):
    text = f"{headline}\n发布时间：2024-07-12 09:30  浏览：35\n{lead}\n会议要求各级组织抓好落实。\n"
    [item] = parse_text(text).documents
    assert (item.kind, item.title) == ("other", headline)
    assert item.metadata.place == place


# A news headline asking or exclaiming before it names its place (invented): the place opening
# the part after a question mark (？) or an exclamation mark (！ or !) is the story's; one further
# into that part (记者走访青山市…) may be any place the story visits.
@pytest.mark.parametrize(
    "headline, place",
    [
        ("老人吃饭谁来管？洛阳市推出社区长者食堂新举措", "洛阳市"),
        ("好消息！南川县新增普惠托位2000个", "南川县"),
        ("喜报!青山市推出午休服务新举措", "青山市"),
        ("托育难题怎么解？洛阳推出普惠托育新举措", "洛阳市"),
        ("重磅！谁来管？青山市推出课后服务新举措", "青山市"),
        ("托育难题怎么解？记者走访青山市多家托育机构", None),
    ],
)
def test_a_news_headline_names_its_place_after_its_question_or_exclamation_mark(headline, place):
    text = (
        f"{headline}\n来源：某某日报  2024-03-02 10:20\n"
        "本报讯 近日，记者从有关部门获悉，相关工作正在推进。\n下一步将继续做好服务。\n"
    )
    [item] = parse_text(text).documents
    assert (item.kind, item.title) == ("other", headline)
    assert item.metadata.place == place


# A portal's 建议提案办理结果 column: an organ's reply to a deputy's proposal, its date in
# brackets under the title, or its fields in brackets after the title on the title's line.
_REPLY_BODY = (
    "李明委员：\n"
    "您提出的《关于加快建设儿童友好公园的提案》收悉。经研究，现将办理情况答复如下：\n"
    "一、关于公园适儿化改造\n"
    "我局会同市住建局对城区公园开展了适儿化改造，新增儿童活动场地。\n"
)


def test_a_reply_to_a_proposal_with_its_date_in_brackets_under_the_title():
    text = (
        "对市政协七届三次会议第0213号提案的答复\n"
        "( 2024年07月02日 ) 来源:青禾市妇儿工委办公室\n" + _REPLY_BODY
    )
    [document] = parse_text(text).documents
    assert (document.kind, document.title) == ("other", "对市政协七届三次会议第0213号提案的答复")
    meta = document.metadata
    assert (meta.date_published, meta.place) == ("2024-07-02", None)
    assert meta.recipients == ["李明委员"]


def test_a_title_with_the_pages_fields_in_brackets_on_its_line():
    text = (
        "对市人大五届二次会议第0415号代表建议的答复 (发布日期:2024年05月20日 "
        "文号:青发改社建〔2024〕9号)\n" + _REPLY_BODY
    )
    [document] = parse_text(text).documents
    assert document.title == "对市人大五届二次会议第0415号代表建议的答复"
    meta = document.metadata
    assert (meta.doc_number, meta.date_published) == ("青发改社建〔2024〕9号", "2024-05-20")


def test_fields_in_brackets_run_together_after_a_date_give_the_doc_number():
    # a mirror of a city commission's page lost the space between its two bracketed fields, the
    # 文号 glued to the 发布日期's day (forty-first reading)
    text = (
        "关于加快推进我市儿童友好公园建设的通知(发布日期:2024年03月06日文号:青发改社会〔2024〕3号)\n"
        "各区人民政府,市有关部门:\n"
        "为推进公园适儿化改造,现就有关事项通知如下。\n"
        "一、明确建设重点。各区要以公园绿地适儿化改造为重点,统筹推进儿童友好公园建设。\n"
    )
    [document] = parse_text(text).documents
    assert document.title == "关于加快推进我市儿童友好公园建设的通知"
    meta = document.metadata
    assert (meta.doc_number, meta.date_published) == ("青发改社会〔2024〕3号", "2024-03-06")


@pytest.mark.parametrize(
    "line, expected",
    [
        (
            "发布日期:2024年03月06日文号:青发改社会〔2024〕3号",
            {"发布日期": "2024年03月06日", "文号": "青发改社会〔2024〕3号"},
        ),
        (
            "发布时间:2023-05-08 09:30来源:青禾市发展和改革委员会",
            {"发布时间": "2023-05-08 09:30", "来源": "青禾市发展和改革委员会"},
        ),
        # without its colon a short label's word after a date is the value's own
        ("发布日期:2024年3月6日时间管理讲座", {"发布日期": "2024年3月6日时间管理讲座"}),
    ],
)
def test_a_short_label_right_after_a_dates_end_counts_with_its_colon(line, expected):
    assert {pair.label: pair.value for pair in portal.pairs(line)} == expected


def test_brackets_after_a_title_that_hold_no_fields_stay_in_it():
    text = "青禾市儿童友好城市建设实施方案（征求意见稿）\n一、总体要求\n坚持儿童优先。\n"
    assert parse_text(text).documents[0].title == "青禾市儿童友好城市建设实施方案（征求意见稿）"


@pytest.mark.parametrize("account", ["某旗融媒", "某某发布"])
def test_a_reposting_accounts_name_over_its_byline_is_no_text(account):
    # 百家号 prints the account's name on its own line under the title, over its byline
    text = (
        f"某旗人民政府关于印发某方案的通知\n{account}\n2022-09-03 08:15江苏某旗融媒体中心官方帐号\n"
        "各苏木镇：\n现将《某方案》印发给你们，请认真贯彻执行。\n某旗人民政府\n2022年9月1日\n"
    )
    [notice] = parse_text(text).documents
    assert notice.metadata.date_published == "2022-09-03"
    assert account not in (notice.preamble.text if notice.preamble else "")
    assert notice.metadata.issuer == "某旗人民政府"


@pytest.mark.parametrize(
    "stamp",
    ["( 2025年03月04日 ) 来源:白沙市民政局  浏览次数:", "2025-03-04 来源：白沙市民政局 点击数："],
)
def test_a_stamp_ending_in_an_empty_label_is_the_stamp_not_the_recipients(stamp):
    # the page's view counter printed with no count yet: its colon ends the line
    text = f"对市政协七届四次会议第0058号提案的答复\n{stamp}\n" + _REPLY_BODY
    [document] = parse_text(text).documents
    meta = document.metadata
    assert (meta.date_published, meta.recipients) == ("2025-03-04", ["李明委员"])


def test_a_letter_boxs_fields_as_pipe_rows_are_portal_fields_not_a_table():
    # a provincial portal's 信件公示: the letter's fields as pipe rows, the reply's under its own
    text = (
        "信件公示\n"
        "| 标题 | 关于在社区增设儿童游乐设施的建议 | ||\n"
        "| 来信时间 | 2025-10-08 | 来信人 | 某某 |\n"
        "来信内容\n我们社区没有一处儿童可以玩耍的场地，希望有关部门予以考虑。\n"
        "| 答复时间 | 2025-10-20 | ||\n"
        "| 答复部门 | 青禾市住房和城乡建设局 | ||\n"
    )
    [document] = parse_text(text).documents
    assert document.tables == []
    assert document.metadata.portal == {
        "标题": "关于在社区增设儿童游乐设施的建议",
        "来信时间": "2025-10-08",
        "来信人": "某某",
        "答复时间": "2025-10-20",
        "答复部门": "青禾市住房和城乡建设局",
    }


@pytest.mark.parametrize(
    "line, pairs",
    [
        # a mirror's 来源 glued to the organ, alone at the head of the page it copied
        ("来源某省民政厅儿童福利处", [("来源", "某省民政厅儿童福利处")]),
        ("来源某市人民政府网", [("来源", "某市人民政府网")]),
        # a byline whose later labels dropped their colons, each set apart by spaces
        (
            "来源：某县人民政府网 2024-03-02 作者 王某",
            [("来源", "某县人民政府网 2024-03-02"), ("作者", "王某")],
        ),
        ("来源：某市妇联 记者 张某某", [("来源", "某市妇联"), ("记者", "张某某")]),
        ("来源: 某某在线   见习记者 李某某", [("来源", "某某在线"), ("见习记者", "李某某")]),
        # text, not fields: 来源 opening a sentence, a heading, a reporter's words in a value
        ("来源广泛，形式多样。", []),
        ("来源于基层的经验做法", []),
        ("来源：某市妇联 记者 在会上获悉的情况", [("来源", "某市妇联")]),
        ("时间 安排 作者 王某", []),
    ],
    ids=[
        "glued-organ",
        "glued-site",
        "author-no-colon",
        "reporter",
        "trainee-reporter",
        "sentence",
        "heading",
        "reporter-not-a-name",
        "no-first-pair",
    ],
)
def test_a_source_stops_at_the_next_label_word_and_may_lose_its_colon(line, pairs):
    assert [(pair.label, pair.value) for pair in portal.pairs(line)] == pairs


def test_a_page_head_source_without_colon_and_a_byline_with_its_reporter_are_fields():
    mirror = (
        "某省困境儿童关爱保护工作指导纲要\n来源某省民政厅儿童福利处\n第一章 总则\n"
        "第一条 为加强困境儿童关爱保护，制定本纲要。\n第二条 本纲要适用于全省。\n"
    )
    [guide] = parse_text(mirror).documents
    assert guide.metadata.portal == {"来源": "某省民政厅儿童福利处"}
    assert "来源" not in (guide.preamble.text if guide.preamble else "")
    story = (
        "某县召开困境儿童关爱工作推进会\n来源：某县人民政府网 2024-03-02 作者 王某\n"
        "3月1日，某县召开困境儿童关爱工作推进会。\n"
    )
    [news] = parse_text(story).documents
    assert news.title == "某县召开困境儿童关爱工作推进会"
    assert news.metadata.portal == {"来源": "某县人民政府网 2024-03-02"}
    assert news.metadata.date_published == "2024-03-02"


@pytest.mark.parametrize(
    ("line", "title"),
    [
        # the site's layout says the number is its own: a later page, a bundle, or a number
        # after the title's status or period, where a document's own title never numbers itself
        ("青溪镇妇联第四届执行委员会工作报告(2)", "青溪镇妇联第四届执行委员会工作报告"),
        ("青溪镇妇联工作报告（精选3篇）", "青溪镇妇联工作报告"),
        ("青溪县托育服务提升实施方案(试行)(1)", "青溪县托育服务提升实施方案(试行)"),
        ("青溪区学前教育行动计划（2023—2025年）(1)", "青溪区学前教育行动计划（2023—2025年）"),
        # a bare (1) alone says nothing of a site: it stays the title's, and still a title
        ("青溪县学生资助资金分配方案（1）", "青溪县学生资助资金分配方案（1）"),
        ("青溪镇妇联第四届执行委员会工作报告(1)", "青溪镇妇联第四届执行委员会工作报告(1)"),
    ],
    ids=["page-2", "bundle", "after-status", "after-period", "own-1", "report-1"],
)
def test_a_bracketed_number_after_a_title_is_a_part_tag_only_when_the_site_says_so(line, title):
    text = f"{line}\n一、主要工作\n五年来，全镇建成妇女之家18个。\n"
    assert parse_text(text).documents[0].title == title


@pytest.mark.parametrize(
    "text, number, issuer",
    [
        # a charity federation's 救助 公告: its organ, then the number by year, under the title
        (
            "关于开展困境儿童大病救助的公告\n某市慈善总会\n2024年第3号\n现就有关事项公告如下：\n"
            "一、救助对象\n本市户籍的困境儿童。\n",
            "2024年第3号",
            "某市慈善总会",
        ),
        # a county government's 公告 numbered by year, signed at its end
        (
            "某县人民政府公告\n（2024年第1号）\n为加强学校周边安全管理，现公告如下：\n"
            "一、学校周边200米内禁止设立网吧。\n某县人民政府\n2024年3月1日\n",
            "2024年第1号",
            "某县人民政府",
        ),
    ],
    ids=["organ-over-number", "bracketed-under-title"],
)
def test_a_proclamation_numbered_by_year(text, number, issuer):
    meta = parse_text(text).documents[0].metadata
    assert (meta.doc_number, meta.issuer) == (number, issuer)


# A news headline standing for the notice it tells of, over the agency's dispatch and the
# document in full: (headline, the issuer the document gets, or None).
HEADLINE_ISSUERS = [
    ("中办国办印发《{t}》", "中共中央办公厅、国务院办公厅"),
    ("中办、国办联合印发《{t}》", "中共中央办公厅、国务院办公厅"),
    ("中央两办印发《{t}》", "中共中央办公厅、国务院办公厅"),
    ("国办印发《{t}》", "国务院办公厅"),
    ("国务院办公厅印发《{t}》", "国务院办公厅"),
    # a bare 两办 is a province's or a county's two offices as often: no issuer
    ("两办印发《{t}》", None),
    ("市委办、市政府办印发《{t}》", None),
    # after the place's name, a place's own two offices as they sign: a province's 办公厅, a
    # city's or a county's 办公室, the later part repeating the level alone
    ("青溪市两办印发《{t}》", "中共青溪市委办公室、青溪市人民政府办公室"),
    ("江西省委办、省政府办联合印发《{t}》", "中共江西省委办公厅、江西省人民政府办公厅"),
    ("青溪县委办 县府办印发《{t}》", "中共青溪县委办公室、青溪县人民政府办公室"),
    # a place before the verb is no organ
    ("青溪市出台《{t}》", None),
]


@pytest.mark.parametrize(("headline", "issuer"), HEADLINE_ISSUERS)
def test_a_headline_naming_the_organs_that_issued_a_document_gives_it_its_issuer(headline, issuer):
    title = "关于加强新时代儿童友好社区建设的意见"
    text = (
        "首页 > 新闻 > 时政\n"
        f"{headline.format(t=title)}\n"
        "2025-03-12 18:20:05  来源：青禾新闻网\n"
        "青禾社北京3月12日电 近日，中共中央办公厅、国务院办公厅印发了"
        f"《{title}》，并发出通知，要求各地区各部门结合实际认真贯彻落实。\n"
        f"《{title}》全文如下。\n"
        f"{title}\n"
        "儿童友好社区建设关系千家万户。为推进儿童友好社区建设，现提出如下意见。\n"
        "一、总体要求\n"
        "到2030年，儿童友好社区覆盖率达到60%以上。\n"
    )
    document = next(d for d in parse_text(text).documents if d.title == title)
    assert document.metadata.issuer == issuer


@pytest.mark.parametrize(
    ("title", "issuer"),
    [
        # an organ's yearly accounts or budget on a portal's 预决算公开 column (invented,
        # thirty-third reading's layout): the organ at the title's head, the year after it
        ("青川县妇女联合会2023年度部门决算", "青川县妇女联合会"),
        ("某市桐林区妇联2024年部门预算公开", "某市桐林区妇联"),
        ("青川县妇女联合会2022年度部门决算公开", "青川县妇女联合会"),
        ("某县教育局2023年度部门决算情况说明", "某县教育局"),
        # a yearly summary names its organ the same way
        ("某县妇儿工委办公室2021年工作总结", "某县妇儿工委办公室"),
        # a place and a year name no organ
        ("青川县2023年度妇女儿童发展规划实施情况报告", None),
    ],
)
def test_an_organs_yearly_accounts_name_it_before_the_year(title, issuer):
    text = f"{title}\n目 录\n第一部分 部门概况\n第二部分 决算情况说明\n第三部分 名词解释\n"
    text += "第一部分 部门概况\n一、部门职责\n（一）联系和服务妇女。\n"
    [document] = parse_text(text).documents
    assert (document.title, document.kind) == (title, "other")
    assert document.metadata.issuer == issuer
    assert [(s.number, s.title) for s in document.sections] == [("第一部分", "部门概况")]


@pytest.mark.parametrize(
    ("title", "issuer"),
    [
        # a portal's 计划总结 or 预决算公开 column titles a year's document with the year first
        # (invented): the organ after it is the issuer when no signature names one
        ("2024年柳溪县人民政府工作要点", "柳溪县人民政府"),
        ("2025年度柳溪县妇女联合会部门决算", "柳溪县妇女联合会"),
        ("2024年南屏市桐林区卫生健康局妇幼健康工作计划", "南屏市桐林区卫生健康局"),
        ("2023年柳溪县委宣传部工作总结", "柳溪县委宣传部"),
        ("2024年柳溪县教育局柳溪县财政局工作方案", "柳溪县教育局、柳溪县财政局"),
        ("2024年国家乡村振兴局工作要点", "国家乡村振兴局"),
        # a public institution with the type right after it
        ("2023年度柳溪县人民医院单位决算", "柳溪县人民医院"),
        # …but not one the plan is about, nor a place's or a sector's year
        ("2024年柳溪县妇幼保健院建设工作方案", None),
        ("2024年柳溪县妇女儿童工作要点", None),
        ("2024年全县文明城市创建工作要点", None),
        ("2024年南屏市教育部门工作要点", None),
    ],
)
def test_an_organ_after_a_titles_opening_year_is_its_issuer(title, issuer):
    text = f"{title}\n一、总体要求\n坚持稳中求进，抓好各项工作落实。\n二、重点任务\n"
    text += "（一）加强组织领导。\n"
    [document] = parse_text(text).documents
    assert document.title == title
    assert document.metadata.issuer == issuer


def test_a_signature_names_the_issuer_before_a_titles_opening_year_does():
    text = (
        "2024年柳溪县卫生健康局工作要点\n一、总体要求\n坚持稳中求进，抓好各项工作落实。\n"
        "柳溪县卫生健康局办公室\n2024年2月20日\n"
    )
    [document] = parse_text(text).documents
    assert document.metadata.issuer == "柳溪县卫生健康局办公室"


@pytest.mark.parametrize(
    "head",
    [
        "欢迎来到青川市第一人民医院\n24小时服务电话:0830-1234567\n",
        "欢迎访问青川健康网,专注于健康知识解答!\n",
        "24小时咨询电话：0830-1234567\n",
    ],
    ids=["greeting-and-phone", "greeting-with-slogan", "phone"],
)
@pytest.mark.parametrize(
    "title", ["2023年度青川市第一人民医院单位决算", "2023年度青川市第一人民医院工作总结"]
)
def test_a_sites_greeting_and_phone_over_a_title_opening_with_its_year_stay_out_of_it(head, title):
    # a hospital's site prints its greeting and phone line over the page (invented, thirty-third
    # reading's layout); a title opening with its year had taken them in
    text = f"{head}{title}\n第一部分 单位概况\n一、主要职责\n提供医疗服务。\n"
    [document] = parse_text(text).documents
    assert document.title == title


# A newspaper's page as its digital edition prints it (invented, thirty-sixth reading's layout):
# the issue's day over the page's label, or the two on one line after a weekday, then the
# headline and the story; the day is the story's publication date.
@pytest.mark.parametrize(
    "head",
    [
        "2025年4月9日\n第B02版：民生·关注 PDF版\n",
        "2025-04-09\n第5版:要闻\n",
        "2025年4月9日 星期三 第A03版：教育\n",
    ],
    ids=["day-over-label", "dashed-day-over-label", "day-and-label-on-one-line"],
)
def test_a_newspaper_issues_day_over_its_page_label_is_the_publication_date(head):
    text = (
        f"{head}南屏市出台婴幼儿照护服务新举措\n"
        "本报讯（记者 某某）4月7日，南屏市卫生健康委印发《婴幼儿照护服务提升行动方案》，"
        "对社区托育点的场地和人员作出规定。\n"
    )
    [document] = parse_text(text).documents
    assert document.title == "南屏市出台婴幼儿照护服务新举措"
    assert document.metadata.date_published == "2025-04-09"
    assert "版" not in (document.preamble.text if document.preamble else "")


def test_a_bare_day_over_a_headline_without_a_page_label_stays_unread():
    text = (
        "2025年4月9日\n南屏市出台婴幼儿照护服务新举措\n"
        "本报讯（记者 某某）4月7日，南屏市卫生健康委印发《婴幼儿照护服务提升行动方案》。\n"
    )
    [document] = parse_text(text).documents
    assert document.metadata.date_published is None


def test_a_notice_to_bodies_offices_sharing_one_office_lists_each():
    text = (
        "民政部办公厅关于印发《2025年未成年人保护重点工作安排》的通知\n民办函〔2025〕8号\n"
        "司法部、国家中医药局、共青团中央、中国科协办公厅(办公室、秘书局),部内有关司局:\n"
        "现将《2025年未成年人保护重点工作安排》印发给你们，请结合实际认真贯彻落实。\n"
        "民政部办公厅\n2025年3月3日\n"
    )
    [notice] = parse_text(text).documents
    assert notice.metadata.recipients == [
        "司法部办公厅(办公室、秘书局)",
        "国家中医药局办公厅(办公室、秘书局)",
        "共青团中央办公厅(办公室、秘书局)",
        "中国科协办公厅(办公室、秘书局)",
        "部内有关司局",
    ]


@pytest.mark.parametrize(
    ("preamble", "place"),
    [
        ("为保障学生身心健康，现结合青川市实际，制定本方案。", "青川市"),
        ("根据上级部署，结合石门县工作实际，特制定本实施方案。", "石门县"),
        # a preamble naming no place of its own
        ("为保障学生身心健康，现结合我市实际，制定本方案。", None),
        ("为保障学生身心健康，结合全区实际，制定本方案。", None),
    ],
)
def test_a_plan_whose_title_names_no_place_takes_the_one_its_preamble_is_made_for(preamble, place):
    # a bureau's page of its plan under a title without a place (a lead's reading)
    text = f"加强中小学生欺凌综合治理工作实施方案\n{preamble}\n一、指导思想\n坚持教育为先。\n"
    [plan] = parse_text(text).documents
    assert plan.metadata.place == place


def test_the_place_a_title_names_stays_before_the_one_a_preamble_names():
    text = "石门县加强中小学生欺凌治理工作实施方案\n现结合青川市实际，制定本方案。\n一、指导思想\n"
    [plan] = parse_text(text).documents
    assert plan.metadata.place == "石门县"


# A unit's organ signing its notice with no place, spaced out over the date (invented, in the
# layout of a college union's 三八 notice to 各分工会, thirty-eighth reading).
UNIT_NOTICE = (
    "{title}\n{recipients}：\n一、3月6日下午在图书馆报告厅召开表彰大会，请通知到每一位女教职工。\n"
    "二、各单位接通知后认真组织，按时参加。\n{organ}\n2023年3月1日\n"
)


@pytest.mark.parametrize(
    "title, recipients, organ, issuer",
    [
        ("青川学院工会关于开展庆祝三八国际妇女节活动的通知", "各分工会", "工 会", "青川学院工会"),
        ("关于开展庆祝三八国际妇女节活动的通知", "青川学院各分工会", "工 会", "青川学院工会"),
        ("白鹭医院关于开展三八节系列活动的通知", "各支部", "妇 委 会", "白鹭医院妇委会"),
        ("关于开展庆祝三八国际妇女节活动的通知", "各分工会", "工 会", None),
    ],
    ids=["title-head", "recipients", "institution-title", "no-unit"],
)
def test_a_units_organ_signing_without_a_place_issues_with_the_unit_named(
    title, recipients, organ, issuer
):
    text = UNIT_NOTICE.format(title=title, recipients=recipients, organ=organ)
    [notice] = parse_text(text).documents
    assert notice.metadata.issuer == issuer
    assert notice.metadata.date_written == "2023-03-01"


def test_a_fujian_portals_bulleted_fields_give_the_doc_number_and_the_date_written():
    """A 福建 portal's bulleted block (forty-fifth reading): • 备注/文号: and • 公文生成日期:, the
    date the 公文 was made, labels the vocabulary had lacked, over a notice with no signature."""
    text = (
        "• 索 引 号:FJ10086-0101-2025-00007\n• 备注/文号:丑高管社〔2025〕7号\n"
        "• 发布机构:社会事业局\n• 公文生成日期:2025-04-02\n"
        "丑州高新区社会事业局关于做好2025年儿童听力筛查工作的通知\n"
        "区妇幼保健院,各街道卫生服务中心:\n为做好筛查工作,现就有关事项通知如下。\n"
        "一、加强组织领导\n各单位要高度重视。\n"
    )
    meta = parse_text(text).documents[0].metadata
    assert meta.date_written == "2025-04-02"
    assert meta.portal["备注/文号"] == "丑高管社〔2025〕7号"


@pytest.mark.parametrize(
    "signature",
    [
        # two columns, each name wrapped after its 管理委员会, then a third name alone
        "卯江经济开发区管理委员会      卯江经济开发区管理委员会\n"
        "社会事业局                 教育文体局\n"
        "卯江经济开发区管理委员会\n财政金融局\n",
        # one name a line, each wrapped after its 管理委员会
        "卯江经济开发区管理委员会\n社会事业局\n卯江经济开发区管理委员会\n教育文体局\n"
        "卯江经济开发区管理委员会\n财政金融局\n",
    ],
    ids=["two-columns", "one-a-line"],
)
def test_a_signature_of_long_names_wrapped_in_pieces_gives_the_organs_the_title_names(signature):
    """A joint notice of a development zone's three departments (forty-fifth reading): the
    signature prints each long name in two pieces, in columns or not; the title names the organs
    whole at its head, and they are the issuers, not the pieces."""
    organs = [
        f"卯江经济开发区管理委员会{name}" for name in ("社会事业局", "教育文体局", "财政金融局")
    ]
    text = (
        f"{' '.join(organs)}关于印发《卯江经开区2025年儿童听力筛查工作方案》的通知\n"
        "区妇幼保健院,各社区卫生服务中心:\n现将《卯江经开区2025年儿童听力筛查工作方案》印发给"
        f"你们,请认真贯彻执行。\n{signature}2025年4月2日\n"
    )
    assert parse_text(text).documents[0].metadata.issuer == "、".join(organs)


def test_a_signature_abbreviating_the_organs_the_title_names_stays_as_signed():
    text = (
        "辰州市卫生健康委员会 辰州市教育局关于做好2025年儿童听力筛查工作的通知\n"
        "各县(区)卫生健康局、教育局:\n为做好筛查工作,现就有关事项通知如下。\n"
        "一、加强组织领导\n各单位要高度重视。\n市卫生健康委\n市教育局\n2025年4月2日\n"
    )
    assert parse_text(text).documents[0].metadata.issuer == "市卫生健康委、市教育局"
