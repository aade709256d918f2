"""Tables a crawl or a copy flattened one cell a line or one cell a paragraph
(govdocparse.readers.flat_tables): rebuilt where what the lines are places them, left as
paragraphs where it does not."""

import io

import docx
import pytest

import govdocparse
from govdocparse.model import Document
from govdocparse.pipeline import parse_source
from govdocparse.readers import read_data
from govdocparse.readers.text import blocks_from_text
from govdocparse.source import TableBlock


def _spaced(text: str) -> str:
    """The same lines one a paragraph, as a crawl of <p> cells gives them."""
    return "\n\n".join(text.split("\n"))


def _lines(*lines: str) -> str:
    return "\n".join(lines)


# Each case: the text, the rows of the one table it holds (a group row is one cell across the
# table, a cell of several lines keeps them) and the paragraphs that stay text.
CASES = {
    # one cell a paragraph, 目标值 over two years, groups across the table, a name split in two
    "numbered-spaced-two-row-header": (
        _spaced(
            _lines(
                "序号",
                "指标名称",
                "单位",
                "2020年",
                "目标值",
                "2025年",
                "2030年",
                "属性",
                "一、健康",
                "1",
                "新生儿死亡率",
                "‰",
                "2.9",
                "＜2.8",
                "＜2.5",
                "约束性",
                "2",
                "5岁以下儿童",
                "死亡率",
                "‰",
                "4.8",
                "＜4.5",
                "＜4",
                "约束性",
                "二、教育",
                "3",
                "学前教育普及率",
                "%",
                "90.2",
                "≥92",
                "≥95",
                "预期性",
            )
        )
        + "\n\n三、主要任务",
        [
            ["序号", "指标名称", "单位", "2020年", "目标值", "属性"],
            ["", "", "", "", "2025年", "2030年", ""],
            ["一、健康"],
            ["1", "新生儿死亡率", "‰", "2.9", "＜2.8", "＜2.5", "约束性"],
            ["2", "5岁以下儿童\n死亡率", "‰", "4.8", "＜4.5", "＜4", "约束性"],
            ["二、教育"],
            ["3", "学前教育普及率", "%", "90.2", "≥92", "≥95", "预期性"],
        ],
        ["三、主要任务"],
    ),
    # no 序号 column, names numbered in each group, half-width operators, a note and a heading
    "plain-groups-halfwidth-note": (
        _lines(
            "指标",
            "2020年",
            "2025年",
            "属性",
            "一、普及水平",
            "1.学前三年毛入园率(%)",
            "91",
            ">=93",
            "预期性",
            "2.九年义务教育巩固率(%)",
            "96.5",
            ">=97",
            "约束性",
            "二、办学条件",
            "1.普惠性幼儿园覆盖率(%)",
            "82",
            ">=85",
            "预期性",
            "注:2020年为基期值。",
            "三、保障措施",
        ),
        [
            ["指标", "2020年", "2025年", "属性"],
            ["一、普及水平"],
            ["1.学前三年毛入园率(%)", "91", ">=93", "预期性"],
            ["2.九年义务教育巩固率(%)", "96.5", ">=97", "约束性"],
            ["二、办学条件"],
            ["1.普惠性幼儿园覆盖率(%)", "82", ">=85", "预期性"],
        ],
        ["注:2020年为基期值。", "三、保障措施"],
    ),
    # one cell a paragraph, each group row's empty cells (merged across) left as one more
    # paragraph of spaces, full-width or not: three blank lines before the group's first row
    "plain-spaced-groups-with-a-blank-cell-paragraph": (
        _spaced(
            _lines(
                "指 标",
                "2020年",
                "2025年",
                "属性",
                "一、办学规模",
                "\u3000\u3000 ",
                "1.幼儿园在园幼儿数(人)",
                "5200",
                "6000以上",
                "预期性",
                "2.高中阶段毛入学率(%)",
                "95.5%",
                "98%以上",
                "约束性",
                "二、教师队伍",
                "     ",
                "1.专任教师本科学历比例(%)",
                "78%",
                "85%",
                "预期性",
            )
        ),
        [
            ["指 标", "2020年", "2025年", "属性"],
            ["一、办学规模"],
            ["1.幼儿园在园幼儿数(人)", "5200", "6000以上", "预期性"],
            ["2.高中阶段毛入学率(%)", "95.5%", "98%以上", "约束性"],
            ["二、教师队伍"],
            ["1.专任教师本科学历比例(%)", "78%", "85%", "预期性"],
        ],
        [],
    ),
    # a value equal to the next row's number after a name split in two: the unit column takes
    # no name, so the row runs to the second 2
    "numbered-value-equals-next-number": (
        _lines(
            "序号",
            "指标名称",
            "单位",
            "2025年目标",
            "1",
            "每千人口",
            "全科医生数",
            "人",
            "2",
            "2",
            "城乡社区儿童之家覆盖率",
            "%",
            "100",
        ),
        [
            ["序号", "指标名称", "单位", "2025年目标"],
            ["1", "每千人口\n全科医生数", "人", "2"],
            ["2", "城乡社区儿童之家覆盖率", "%", "100"],
        ],
        [],
    ),
    # a responsible cell of two agencies: the line after the value can only be a unit's
    "numbered-responsible-over-two-lines": (
        _lines(
            "序号",
            "指标名称",
            "目标值",
            "责任单位",
            "1",
            "适龄儿童国家免疫规划疫苗接种率",
            "≥95%",
            "区卫生健康局",
            "2",
            "儿童参加基本医疗保险比例",
            "≥98%",
            "区医保局",
            "区税务局",
            "3",
            "儿童福利机构社会工作者配备率",
            "100%",
            "区民政局",
        ),
        [
            ["序号", "指标名称", "目标值", "责任单位"],
            ["1", "适龄儿童国家免疫规划疫苗接种率", "≥95%", "区卫生健康局"],
            ["2", "儿童参加基本医疗保险比例", "≥98%", "区医保局\n区税务局"],
            ["3", "儿童福利机构社会工作者配备率", "100%", "区民政局"],
        ],
        [],
    ),
    # a 任务分工 table, lead and partner columns side by side, agencies one a line: the first
    # agency line of a row is the lead's, the rest the partners', up to the next 序号
    "numbered-lead-and-partner-agencies": (
        _lines(
            "序号",
            "重点任务",
            "牵头单位",
            "配合单位",
            "1",
            "建设口袋公园",
            "县住建局",
            "县自然资源局",
            "2",
            "推进社区托育点建设",
            "县卫健委",
            "县教育局",
            "县总工会",
            "3",
            "开展婴幼儿照护服务示范创建",
            "县卫健委",
            "县民政局",
            "县妇联",
            "各乡镇人民政府",
            "四、保障措施",
        ),
        [
            ["序号", "重点任务", "牵头单位", "配合单位"],
            ["1", "建设口袋公园", "县住建局", "县自然资源局"],
            ["2", "推进社区托育点建设", "县卫健委", "县教育局\n县总工会"],
            ["3", "开展婴幼儿照护服务示范创建", "县卫健委", "县民政局\n县妇联\n各乡镇人民政府"],
        ],
        ["四、保障措施"],
    ),
    # a 目标责任分解书 without a 序号, 责任单位 | 配合单位 and a deadline after them: a row's
    # agency list runs to the next line that reads as no agency (the next goal)
    "plain-lead-and-partner-agencies-before-a-deadline": (
        _lines(
            "目标任务",
            "责任单位",
            "配合单位",
            "完成时限",
            "城镇新增就业5000人",
            "区人力社保局",
            "区发展改革委",
            "区财政局",
            "2024年底",
            "新建养老服务中心3个",
            "区民政局",
            "区住建委",
            "2025年6月",
        ),
        [
            ["目标任务", "责任单位", "配合单位", "完成时限"],
            ["城镇新增就业5000人", "区人力社保局", "区发展改革委\n区财政局", "2024年底"],
            ["新建养老服务中心3个", "区民政局", "区住建委", "2025年6月"],
        ],
        [],
    ),
    # an extra line that could go on the task or on the measure: the table stops before that
    # row and its lines stay paragraphs
    "numbered-ambiguous-row-stops-the-table": (
        _lines(
            "序号",
            "工作任务",
            "具体措施",
            "责任单位",
            "1",
            "建设儿童友好公园",
            "新建改建公园绿地",
            "市住建局",
            "2",
            "推进校外活动场所建设",
            "向儿童开放",
            "免费开放场馆",
            "市教育局",
        ),
        [
            ["序号", "工作任务", "具体措施", "责任单位"],
            ["1", "建设儿童友好公园", "新建改建公园绿地", "市住建局"],
        ],
        ["2", "推进校外活动场所建设", "向儿童开放", "免费开放场馆", "市教育局"],
    ),
    # rows that lost a cell (one line fewer than columns): a unit column's and an attribute
    # column's cell can only be the empty ones, so the rows are read, one short of the header
    # (the table builder places their cells)
    "numbered-rows-that-lost-a-cell": (
        _lines(
            "序号",
            "指标名称",
            "单位",
            "2020年",
            "2025年",
            "属性",
            "1",
            "孤儿养育标准年增长率",
            "8",
            ">=10",
            "预期性",
            "2",
            "儿童之家覆盖率",
            "%",
            "90",
            "100",
            "约束性",
            "3",
            "城乡社区儿童主任配备率",
            "%",
            "95",
            "100",
            "三、主要任务",
        ),
        [
            ["序号", "指标名称", "单位", "2020年", "2025年", "属性"],
            ["1", "孤儿养育标准年增长率", "8", ">=10", "预期性"],
            ["2", "儿童之家覆盖率", "%", "90", "100", "约束性"],
            ["3", "城乡社区儿童主任配备率", "%", "95", "100"],
        ],
        ["三、主要任务"],
    ),
    # a row that lost one of two value cells: which year is empty would be a guess, so the
    # table stops before it
    "numbered-row-that-lost-a-value-stops-the-table": (
        _lines(
            "序号",
            "指标名称",
            "单位",
            "2020年",
            "2025年",
            "1",
            "儿童之家覆盖率",
            "%",
            "90",
            "100",
            "2",
            "儿童主任配备率",
            "%",
            "100",
        ),
        [
            ["序号", "指标名称", "单位", "2020年", "2025年"],
            ["1", "儿童之家覆盖率", "%", "90", "100"],
        ],
        ["2", "儿童主任配备率", "%", "100"],
    ),
    # a two-row header flattened: 责任单位 over 牵头 | 配合, one name a line
    "numbered-responsible-over-lead-and-partner": (
        _lines(
            "序号",
            "重点任务",
            "责任单位",
            "牵头",
            "配合",
            "1",
            "建设妇女之家",
            "镇妇联",
            "镇民政办",
            "2",
            "开展宫颈癌筛查",
            "镇卫生院",
            "镇妇联",
            "镇医保办",
        ),
        [
            ["序号", "重点任务", "责任单位"],
            ["", "", "牵头", "配合"],
            ["1", "建设妇女之家", "镇妇联", "镇民政办"],
            ["2", "开展宫颈癌筛查", "镇卫生院", "镇妇联\n镇医保办"],
        ],
        [],
    ),
    # no 序号 column and a row that lost its unit cell (half-width operators): the attribute
    # closing every row marks where it ends, and only the unit column can be its empty one
    "plain-row-that-lost-a-cell-closed-by-its-attribute": (
        _lines(
            "指标名称",
            "单位",
            "2020年",
            "2025年",
            "属性",
            "儿童医疗保险参保率",
            "%",
            "95",
            ">=98",
            "约束性",
            "孤儿基本生活保障标准年增长率",
            "6",
            ">=8",
            "预期性",
            "儿童之家覆盖率",
            "%",
            "90",
            "100",
            "约束性",
            "三、主要任务",
        ),
        [
            ["指标名称", "单位", "2020年", "2025年", "属性"],
            ["儿童医疗保险参保率", "%", "95", ">=98", "约束性"],
            ["孤儿基本生活保障标准年增长率", "6", ">=8", "预期性"],
            ["儿童之家覆盖率", "%", "90", "100", "约束性"],
        ],
        ["三、主要任务"],
    ),
    # a category cell merged over the rows below, dropped with them by the crawl: no attribute
    # column, so the next row read after each short one marks where it ends
    "plain-category-merged-over-rows": (
        _lines(
            "类别",
            "指标",
            "2020年",
            "2025年",
            "健康",
            "新生儿死亡率(‰)",
            "3",
            "<2.8",
            "婴儿死亡率(‰)",
            "5",
            "<4.5",
            "5岁以下儿童死亡率(‰)",
            "7",
            "<6",
            "教育",
            "学前教育毛入园率(%)",
            "90",
            ">=95",
            "义务教育巩固率(%)",
            "96",
            "97",
        ),
        [
            ["类别", "指标", "2020年", "2025年"],
            ["健康", "新生儿死亡率(‰)", "3", "<2.8"],
            ["婴儿死亡率(‰)", "5", "<4.5"],
            ["5岁以下儿童死亡率(‰)", "7", "<6"],
            ["教育", "学前教育毛入园率(%)", "90", ">=95"],
            ["义务教育巩固率(%)", "96", "97"],
        ],
        [],
    ),
    # under a category merged over the rows below, a row whose name wraps onto two lines has
    # as many lines as a full row: 5岁以下儿童 is no category (none the table gave, none of the
    # vocabulary's) and 死亡率 opens no row, so the row lost its category and its name is both;
    # 教育 is a category of the vocabulary and 儿童公园个数 opens a row, so 成长空间 is one too
    "plain-category-row-name-wrapped": (
        _lines(
            "类别",
            "指标",
            "单位",
            "2020年",
            "2025年",
            "属性",
            "健康",
            "婴儿死亡率",
            "‰",
            "5",
            "<4.5",
            "约束性",
            "5岁以下儿童",
            "死亡率",
            "‰",
            "6",
            "<5.5",
            "约束性",
            "教育",
            "学前三年毛入园率",
            "%",
            "88",
            ">=92",
            "预期性",
            "成长空间",
            "儿童公园个数",
            "个",
            "8",
            "12",
            "预期性",
        ),
        [
            ["类别", "指标", "单位", "2020年", "2025年", "属性"],
            ["健康", "婴儿死亡率", "‰", "5", "<4.5", "约束性"],
            ["5岁以下儿童\n死亡率", "‰", "6", "<5.5", "约束性"],
            ["教育", "学前三年毛入园率", "%", "88", ">=92", "预期性"],
            ["成长空间", "儿童公园个数", "个", "8", "12", "预期性"],
        ],
        [],
    ),
    # under a merged category, names wrapped after 的 or 、 whose second lines could open rows
    # (城乡社区覆盖率 is a name of its own): the first line ends as no cell does, so the row lost
    # its category; 教育 after them is a category again
    "plain-category-row-name-wrapped-after-a-joining-word": (
        _lines(
            "类别",
            "指标",
            "单位",
            "2020年",
            "2030年",
            "属性",
            "福利",
            "孤儿基本生活保障率",
            "%",
            "100",
            "100",
            "约束性",
            "建有儿童之家的",
            "城乡社区覆盖率",
            "%",
            "90",
            "95",
            "约束性",
            "儿童福利机构、",
            "未成年人救助保护机构覆盖率",
            "%",
            "80",
            "100",
            "预期性",
            "教育",
            "学前三年毛入园率",
            "%",
            "88",
            "95",
            "预期性",
        ),
        [
            ["类别", "指标", "单位", "2020年", "2030年", "属性"],
            ["福利", "孤儿基本生活保障率", "%", "100", "100", "约束性"],
            ["建有儿童之家的\n城乡社区覆盖率", "%", "90", "95", "约束性"],
            ["儿童福利机构、\n未成年人救助保护机构覆盖率", "%", "80", "100", "预期性"],
            ["教育", "学前三年毛入园率", "%", "88", "95", "预期性"],
        ],
        [],
    ),
    # a row without 序号 that lost two cells, its unit and its attribute: the next row marks
    # where it ends
    "plain-row-that-lost-two-cells": (
        _lines(
            "指标名称",
            "单位",
            "2020年",
            "2025年",
            "属性",
            "儿童医疗保险参保率",
            "%",
            "95",
            "98",
            "约束性",
            "孤儿基本生活保障标准年增长率",
            "6",
            "8",
            "儿童之家覆盖率",
            "%",
            "90",
            "100",
            "约束性",
        ),
        [
            ["指标名称", "单位", "2020年", "2025年", "属性"],
            ["儿童医疗保险参保率", "%", "95", "98", "约束性"],
            ["孤儿基本生活保障标准年增长率", "6", "8"],
            ["儿童之家覆盖率", "%", "90", "100", "约束性"],
        ],
        [],
    ),
    # a row without 序号 that lost one of two years: which is empty would be a guess, so the
    # table stops before it
    "plain-row-that-lost-a-year-stops-the-table": (
        _lines(
            "指标名称",
            "单位",
            "2020年",
            "2025年",
            "属性",
            "儿童医疗保险参保率",
            "%",
            "95",
            "98",
            "约束性",
            "儿童之家覆盖率",
            "%",
            "100",
            "约束性",
        ),
        [
            ["指标名称", "单位", "2020年", "2025年", "属性"],
            ["儿童医疗保险参保率", "%", "95", "98", "约束性"],
        ],
        ["儿童之家覆盖率", "%", "100", "约束性"],
    ),
    # a category cell merged over the rows below and a 其中 sub-row whose unit and attribute
    # cells were merged with the row above: the sub-row lost three cells, two of its own
    "plain-category-and-sub-row-that-lost-three-cells": (
        _lines(
            "领域",
            "指标",
            "单位",
            "2025年",
            "属性",
            "健康",
            "婴儿死亡率",
            "‰",
            "<4.5",
            "约束性",
            "孕产妇死亡率",
            "1/10万",
            "<9",
            "约束性",
            "其中：农村",
            "<11",
            "教育",
            "学前三年毛入园率",
            "%",
            ">=92",
            "预期性",
        ),
        [
            ["领域", "指标", "单位", "2025年", "属性"],
            ["健康", "婴儿死亡率", "‰", "<4.5", "约束性"],
            ["孕产妇死亡率", "1/10万", "<9", "约束性"],
            ["其中：农村", "<11"],
            ["教育", "学前三年毛入园率", "%", ">=92", "预期性"],
        ],
        [],
    ),
    # an indicator's 其中 stack, its sub-rows' empty 序号 cells dropped (half-width colon)
    "numbered-stack-of-sub-rows": (
        _lines(
            "序号",
            "指标名称",
            "单位",
            "2020年",
            "2025年",
            "属性",
            "1",
            "孕产妇死亡率",
            "1/10万",
            "12",
            "<10",
            "约束性",
            "其中:城市",
            "1/10万",
            "9",
            "<8",
            "约束性",
            "农村",
            "1/10万",
            "15",
            "<12",
            "约束性",
            "2",
            "婴儿死亡率",
            "‰",
            "4",
            "<3.5",
            "约束性",
        ),
        [
            ["序号", "指标名称", "单位", "2020年", "2025年", "属性"],
            ["1", "孕产妇死亡率", "1/10万", "12", "<10", "约束性"],
            ["", "其中:城市", "1/10万", "9", "<8", "约束性"],
            ["", "农村", "1/10万", "15", "<12", "约束性"],
            ["2", "婴儿死亡率", "‰", "4", "<3.5", "约束性"],
        ],
        [],
    ),
    # a stack under a name split in two, its unit and attribute cells merged with the row
    # above and dropped: the sub-rows are the values alone
    "numbered-stack-without-merged-cells": (
        _lines(
            "序号",
            "指标名称",
            "单位",
            "2020年",
            "2030年",
            "属性",
            "1",
            "城镇新增",
            "就业人数",
            "万人",
            "2.1",
            "2.5",
            "预期性",
            "其中：女性",
            "1",
            "1.2",
            "2",
            "儿童之家覆盖率",
            "%",
            "90",
            "100",
            "约束性",
        ),
        [
            ["序号", "指标名称", "单位", "2020年", "2030年", "属性"],
            ["1", "城镇新增\n就业人数", "万人", "2.1", "2.5", "预期性"],
            ["", "其中：女性", "1", "1.2"],
            ["2", "儿童之家覆盖率", "%", "90", "100", "约束性"],
        ],
        [],
    ),
    # total rows (小计 under each group, 合计 at the end) among numbered rows: a total has no
    # number and its attribute cell was empty, so the crawl dropped both; the rows after it go on
    "numbered-total-rows-go-on": (
        _lines(
            "序号",
            "指标名称",
            "单位",
            "2020年",
            "2025年",
            "属性",
            "一、机构养老",
            "1",
            "公办养老机构床位",
            "张",
            "600",
            "900",
            "预期性",
            "2",
            "民办养老机构床位",
            "张",
            "300",
            "600",
            "预期性",
            "小计",
            "张",
            "900",
            "1500",
            "二、社区养老",
            "1",
            "社区养老服务站",
            "个",
            "40",
            "60",
            "约束性",
            "小  计",
            "个",
            "40",
            "60",
            "2",
            "农村互助养老点",
            "个",
            "80",
            "120",
            "预期性",
            "合计",
            "—",
            "—",
            "—",
            "",
            "以上指标由县民政局负责统计。",
        ),
        [
            ["序号", "指标名称", "单位", "2020年", "2025年", "属性"],
            ["一、机构养老"],
            ["1", "公办养老机构床位", "张", "600", "900", "预期性"],
            ["2", "民办养老机构床位", "张", "300", "600", "预期性"],
            ["小计", "张", "900", "1500"],
            ["二、社区养老"],
            ["1", "社区养老服务站", "个", "40", "60", "约束性"],
            ["小  计", "个", "40", "60"],
            ["2", "农村互助养老点", "个", "80", "120", "预期性"],
            ["合计", "—", "—", "—"],
        ],
        ["以上指标由县民政局负责统计。"],
    ),
    # a 合计 line after the last row followed by text that is no total's cell: the total is the
    # table's last row, the text stays a paragraph
    "numbered-total-row-ends-the-table": (
        _lines(
            "序号",
            "指标名称",
            "单位",
            "2025年",
            "1",
            "新增普惠托位",
            "个",
            "300",
            "2",
            "新增托育机构",
            "家",
            "5",
            "合计",
            "说明：托位数含社区托育点",
        ),
        [
            ["序号", "指标名称", "单位", "2025年"],
            ["1", "新增普惠托位", "个", "300"],
            ["2", "新增托育机构", "家", "5"],
            ["合计"],
        ],
        ["说明：托位数含社区托育点"],
    ),
    # a 主要指标表 one cell a paragraph whose row stacks an indicator and its 其中 breakdown in
    # each cell, written down the row: the name, the 其中 name, each year's two values, one
    # attribute (7 lines under 4 columns); a group row's merged cells left as a blank paragraph
    "plain-spaced-stack-down-the-row": (
        _spaced(
            _lines(
                "指标",
                "2020年",
                "2025年",
                "属性",
                "一、普及水平",
                "",
                "学前三年毛入园率（%）",
                "其中：普惠性幼儿园覆盖率",
                "86.5",
                "72",
                "≥90",
                "≥80",
                "预期性",
                "高中阶段毛入学率（%）",
                "91",
                "≥93",
                "约束性",
            )
        )
        + "\n\n二、主要任务",
        [
            ["指标", "2020年", "2025年", "属性"],
            ["一、普及水平"],
            ["学前三年毛入园率（%）\n其中：普惠性幼儿园覆盖率", "86.5\n72", "≥90\n≥80", "预期性"],
            ["高中阶段毛入学率（%）", "91", "≥93", "约束性"],
        ],
        ["二、主要任务"],
    ),
    # the same under a 序号 and a unit column, one cell a line: a name over two lines, 其中 and
    # two breakdowns (城镇 / 乡村), the unit given once, three values a year
    "numbered-stack-down-the-row": (
        _lines(
            "序号",
            "指标名称",
            "单位",
            "2020年",
            "2025年",
            "属性",
            "1",
            "义务教育",
            "巩固率",
            "其中:城镇",
            "乡村",
            "%",
            "95",
            "97",
            "93",
            "96",
            "98",
            "95",
            "约束性",
            "2",
            "特殊教育入学率",
            "%",
            "92",
            "95",
            "预期性",
        ),
        [
            ["序号", "指标名称", "单位", "2020年", "2025年", "属性"],
            ["1", "义务教育\n巩固率\n其中:城镇\n乡村", "%", "95\n97\n93", "96\n98\n95", "约束性"],
            ["2", "特殊教育入学率", "%", "92", "95", "预期性"],
        ],
        [],
    ),
    # a stack whose attribute cell is stacked too, one attribute a name
    "plain-stack-down-the-row-with-attributes": (
        _lines(
            "指标",
            "单位",
            "2020年",
            "2025年",
            "属性",
            "孕产妇死亡率",
            "其中：农村",
            "1/10万",
            "12",
            "14",
            "<10",
            "<11",
            "约束性",
            "预期性",
            "婴儿死亡率",
            "‰",
            "5",
            "<4.5",
            "约束性",
        ),
        [
            ["指标", "单位", "2020年", "2025年", "属性"],
            ["孕产妇死亡率\n其中：农村", "1/10万", "12\n14", "<10\n<11", "约束性\n预期性"],
            ["婴儿死亡率", "‰", "5", "<4.5", "约束性"],
        ],
        [],
    ),
    # a stack whose 其中 name wraps onto a second line (普惠性幼儿园 / 覆盖率): one breakdown,
    # its two lines joined in the cell, the values two a year
    "plain-stack-down-the-row-with-a-wrapped-breakdown": (
        _lines(
            "指标",
            "2020年",
            "2025年",
            "属性",
            "学前三年毛入园率（%）",
            "其中：普惠性幼儿园",
            "覆盖率",
            "86.5",
            "72",
            "≥90",
            "≥80",
            "预期性",
            "高中阶段毛入学率（%）",
            "91",
            "≥93",
            "约束性",
        ),
        [
            ["指标", "2020年", "2025年", "属性"],
            [
                "学前三年毛入园率（%）\n其中：普惠性幼儿园\n覆盖率",
                "86.5\n72",
                "≥90\n≥80",
                "预期性",
            ],
            ["高中阶段毛入学率（%）", "91", "≥93", "约束性"],
        ],
        [],
    ),
    # the same under a 序号 and a unit column, 其中： on a line of its own, two breakdowns, the
    # first wrapped after 的 (达标的 / 幼儿园占比), the second a line: three values a year
    "numbered-stack-down-the-row-with-a-wrapped-breakdown": (
        _lines(
            "序号",
            "指标名称",
            "单位",
            "2020年",
            "2025年",
            "属性",
            "1",
            "幼儿园数",
            "其中：",
            "省级示范标准达标的",
            "幼儿园占比",
            "公办园占比",
            "所",
            "120",
            "35",
            "48",
            "150",
            "50",
            "55",
            "预期性",
        ),
        [
            ["序号", "指标名称", "单位", "2020年", "2025年", "属性"],
            [
                "1",
                "幼儿园数\n其中：\n省级示范标准达标的\n幼儿园占比\n公办园占比",
                "所",
                "120\n35\n48",
                "150\n50\n55",
                "预期性",
            ],
        ],
        [],
    ),
    # a 其中 line after a name with one value a year: no stack, so the table stops there
    "plain-stack-short-of-values-stops-the-table": (
        _lines(
            "指标",
            "2020年",
            "2025年",
            "属性",
            "高中阶段毛入学率（%）",
            "91",
            "≥93",
            "约束性",
            "学前三年毛入园率（%）",
            "其中：普惠性幼儿园覆盖率",
            "86.5",
            "≥90",
            "预期性",
        ),
        [
            ["指标", "2020年", "2025年", "属性"],
            ["高中阶段毛入学率（%）", "91", "≥93", "约束性"],
        ],
        ["学前三年毛入园率（%）", "其中：普惠性幼儿园覆盖率", "86.5", "≥90", "预期性"],
    ),
    # column names over a list of agencies one a line: the 备注 column holds no value, so no row
    "agency-list-is-no-table": (
        _lines("类别", "项目", "备注", "县委宣传部", "县教育局", "县民政局", "县卫生健康局"),
        None,
        ["类别", "项目", "备注", "县委宣传部", "县教育局", "县民政局", "县卫生健康局"],
    ),
    # a 目录 one entry a line
    "contents-is-no-table": (
        _lines("目录", "一、总体要求", "二、主要目标", "三、主要任务", "四、保障措施"),
        None,
        ["目录", "一、总体要求", "二、主要目标", "三、主要任务", "四、保障措施"],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_flattened_table_is_rebuilt_only_where_its_lines_place_themselves(case):
    text, rows, after = CASES[case]
    blocks, _ = blocks_from_text(text, "t.txt")
    tables = [b for b in blocks if isinstance(b, TableBlock)]
    if rows is None:
        assert tables == []
    else:
        [table] = tables
        assert [[cell.text for cell in row] for row in table.rows] == rows
    assert [b.text for b in blocks if not isinstance(b, TableBlock)] == after


def test_cells_keep_the_lines_they_came_from():
    text = CASES["numbered-spaced-two-row-header"][0]
    [table] = [b for b in blocks_from_text(text, "t.txt")[0] if isinstance(b, TableBlock)]
    name = table.rows[4][1]  # 5岁以下儿童 / 死亡率, one cell a paragraph
    assert name.prov.lines == (35, 37)
    assert table.rows[2][0].colspan == 7  # 一、健康 across the table
    assert table.prov.lines == (1, 63)


def test_a_flattened_table_gives_indicators_with_unit_baseline_targets_and_attribute():
    title = "某县儿童发展规划（2021—2030年）\n一、主要目标\n专栏2 主要指标\n\n"
    text = title + CASES["numbered-spaced-two-row-header"][0]
    [document] = govdocparse.parse_text(text).documents
    [table] = document.tables
    assert table.label == "专栏2"
    assert table.header[4:6] == ["目标值/2025年", "目标值/2030年"]
    [death] = [i for i in document.indicators if i.name == "5岁以下儿童死亡率"]
    assert (death.unit, death.baseline and death.baseline.value, death.attribute) == (
        "‰",
        4.8,
        "约束性",
    )
    assert [(t.year, t.atoms[0].value) for t in death.targets] == [(2025, 4.5), (2030, 4.0)]
    assert death.category == "健康"


def test_a_row_that_lost_a_cell_is_realigned_by_the_table_builder():
    text = "某县儿童发展规划\n一、主要目标\n" + CASES["numbered-rows-that-lost-a-cell"][0]
    [document] = govdocparse.parse_text(text).documents
    [table] = document.tables
    assert [row.cells for row in table.rows] == [
        ["1", "孤儿养育标准年增长率", "", "8", ">=10", "预期性"],
        ["2", "儿童之家覆盖率", "%", "90", "100", "约束性"],
        ["3", "城乡社区儿童主任配备率", "%", "95", "100", ""],
    ]
    assert "missing 单位" in (table.rows[0].note or "")
    [growth] = [i for i in document.indicators if i.name == "孤儿养育标准年增长率"]
    assert (growth.unit, growth.baseline and growth.baseline.value) == (None, 8)


def test_a_flattened_two_row_header_names_each_column_from_both_rows():
    title = "某县妇女发展规划终期评估报告\n一、目标完成情况\n"
    text = title + _lines(
        "指标", "单位", "2020年", "目标值", "实际值", "妇女就业人数", "万人", "3.5", "3.8"
    )
    [document] = govdocparse.parse_text(text).documents
    [table] = document.tables
    assert table.header == ["指标", "单位", "2020年/目标值", "2020年/实际值"]
    [employed] = document.indicators
    assert employed.actual is not None and (employed.actual.year, employed.actual.value) == (
        2020,
        3.8,
    )
    assert [(t.year, t.atoms[0].value) for t in employed.targets] == [(2020, 3.5)]
    tasks = (
        "某镇妇女发展规划\n三、主要任务\n" + CASES["numbered-responsible-over-lead-and-partner"][0]
    )
    [document] = govdocparse.parse_text(tasks).documents
    assert document.tables[0].header == ["序号", "重点任务", "责任单位/牵头", "责任单位/配合"]


def test_short_rows_and_stacks_give_their_indicators():
    head = "某市儿童发展规划（2021—2030年）\n一、主要目标\n"
    merged = head + CASES["plain-category-merged-over-rows"][0]
    [document] = govdocparse.parse_text(merged).documents
    [table] = document.tables
    assert [row.cells[0] for row in table.rows] == ["健康", "健康", "健康", "教育", "教育"]
    assert "missing 类别" in (table.rows[1].note or "")
    [infant] = [i for i in document.indicators if i.name == "婴儿死亡率"]
    assert (infant.unit, infant.baseline and infant.baseline.value) == ("‰", 5)
    stack = head + CASES["numbered-stack-of-sub-rows"][0]
    [document] = govdocparse.parse_text(stack).documents
    assert [row.parent for row in document.tables[0].rows] == [None, 0, 0, None]
    [rural] = [i for i in document.indicators if i.name == "孕产妇死亡率（农村）"]
    assert (rural.unit, rural.baseline and rural.baseline.value) == ("1/10万", 15)
    assert [(t.year, t.atoms[0].value) for t in rural.targets] == [(2025, 12)]
    three = head + CASES["plain-category-and-sub-row-that-lost-three-cells"][0]
    [document] = govdocparse.parse_text(three).documents
    [rural] = [i for i in document.indicators if i.name == "孕产妇死亡率（农村）"]
    assert (rural.category, [(t.year, t.atoms[0].value) for t in rural.targets]) == (
        "健康",
        [(2025, 11)],
    )
    values = head + CASES["numbered-stack-without-merged-cells"][0]
    [document] = govdocparse.parse_text(values).documents
    [women] = [i for i in document.indicators if i.name == "城镇新增就业人数（女性）"]
    assert [(t.year, t.atoms[0].value) for t in women.targets] == [(2030, 1.2)]


@pytest.mark.parametrize("layout", ["a-line", "a-paragraph"])
def test_a_wrapped_name_under_a_merged_category_gives_its_indicator(layout):
    text = CASES["plain-category-row-name-wrapped"][0]
    text = _spaced(text) if layout == "a-paragraph" else text
    head = "某市儿童发展规划（2021—2030年）\n一、主要目标\n"
    [document] = govdocparse.parse_text(head + text).documents
    found = {i.name: (i.category, i.unit) for i in document.indicators}
    assert found == {
        "婴儿死亡率": ("健康", "‰"),
        "5岁以下儿童死亡率": ("健康", "‰"),
        "学前三年毛入园率": ("教育", "%"),
        "儿童公园个数": ("成长空间", "个"),
    }
    assert "missing 类别" in (document.tables[0].rows[1].note or "")


@pytest.mark.parametrize("layout", ["a-line", "a-paragraph"])
def test_a_name_wrapped_after_a_joining_word_keeps_the_category_above(layout):
    text = CASES["plain-category-row-name-wrapped-after-a-joining-word"][0]
    text = _spaced(text) if layout == "a-paragraph" else text
    head = "某区儿童发展规划（2021—2030年）\n一、主要目标\n"
    [document] = govdocparse.parse_text(head + text).documents
    found = {i.name: i.category for i in document.indicators}
    assert found == {
        "孤儿基本生活保障率": "福利",
        "建有儿童之家的城乡社区覆盖率": "福利",
        "儿童福利机构、未成年人救助保护机构覆盖率": "福利",
        "学前三年毛入园率": "教育",
    }


@pytest.mark.parametrize("layout", ["a-line", "a-paragraph"])
def test_total_rows_give_no_indicator_and_the_table_goes_on(layout):
    text = CASES["numbered-total-rows-go-on"][0]
    text = _spaced(text) if layout == "a-paragraph" else text
    head = "某县“十四五”养老服务体系建设规划\n一、主要目标\n"
    [document] = govdocparse.parse_text(head + text).documents
    [table] = document.tables
    totals = [row for row in table.rows if row.cells[1].replace(" ", "") in ("小计", "合计")]
    assert [(row.cells[2:5], row.parent) for row in totals] == [
        (["张", "900", "1500"], None),
        (["个", "40", "60"], None),
        (["—", "—", "—"], None),
    ]
    found = {i.name: (i.category, i.unit, [t.raw for t in i.targets]) for i in document.indicators}
    assert found == {
        "公办养老机构床位": ("机构养老", "张", ["900"]),
        "民办养老机构床位": ("机构养老", "张", ["600"]),
        "社区养老服务站": ("社区养老", "个", ["60"]),
        "农村互助养老点": ("社区养老", "个", ["120"]),
    }


@pytest.mark.parametrize("case", ["plain-spaced-stack-down-the-row", "numbered-stack-down-the-row"])
def test_a_stack_written_down_the_row_gives_the_head_and_its_breakdowns(case):
    head = "某县“十四五”教育事业发展规划（2021—2025年）\n一、主要目标\n"
    [document] = govdocparse.parse_text(head + CASES[case][0]).documents
    [table] = document.tables
    stacked = [row for row in table.rows if "stacked" in (row.note or "")]
    heads = [row.parent for row in stacked]
    assert heads[0] is None and set(heads[1:]) == {table.rows.index(stacked[0])}
    found = {
        i.name_raw: (i.unit, i.baseline and i.baseline.value, [t.raw for t in i.targets])
        for i in document.indicators
    }
    if case.startswith("plain"):
        assert found["其中：普惠性幼儿园覆盖率"] == ("%", 72, ["≥80"])
        assert found["学前三年毛入园率（%）"] == ("%", 86.5, ["≥90"])
        assert found["高中阶段毛入学率（%）"] == ("%", 91, ["≥93"])
    else:
        assert found["其中:城镇"] == ("%", 97, ["98"])
        assert found["其中:乡村"] == ("%", 93, ["95"])
        assert found["义务教育巩固率"] == ("%", 95, ["96"])
        names = {i.name for i in document.indicators}
        assert {"义务教育巩固率（城镇）", "义务教育巩固率（乡村）"} <= names


def test_a_stack_s_attributes_written_down_the_row_are_each_row_s_own():
    head = "某县“十四五”妇幼健康发展规划（2021—2025年）\n一、主要目标\n"
    text = CASES["plain-stack-down-the-row-with-attributes"][0]
    [document] = govdocparse.parse_text(head + text).documents
    found = {i.name: (i.unit, i.attribute, [t.raw for t in i.targets]) for i in document.indicators}
    assert found == {
        "孕产妇死亡率": ("1/10万", "约束性", ["<10"]),
        "孕产妇死亡率（农村）": ("1/10万", "预期性", ["<11"]),
        "婴儿死亡率": ("‰", "约束性", ["<4.5"]),
    }


def _wrapped_stack(layout: str) -> Document:
    """The 主要指标 table of a plan whose stacked 其中 name wraps (普惠性幼儿园 / 覆盖率): an HTML
    grid and a Word table with the cell's lines, or flattened one cell a line."""
    title = "某县“十四五”教育事业发展规划（2021—2025年）"
    text, rows, _ = CASES["plain-stack-down-the-row-with-a-wrapped-breakdown"]
    assert rows is not None
    if layout == "flattened":
        [document] = govdocparse.parse_text(f"{title}\n一、主要目标\n{text}").documents
        return document
    if layout == "html":
        trs = "".join(
            "<tr>" + "".join(f"<td>{c.replace(chr(10), '<br>')}</td>" for c in row) + "</tr>"
            for row in rows
        )
        page = f"<html><body><p>{title}</p><p>一、主要目标</p><table>{trs}</table></body></html>"
        [document] = parse_source(read_data(page.encode(), "plan.html")).documents
        return document
    word = docx.Document()
    word.add_paragraph(title)
    word.add_paragraph("一、主要目标")
    table = word.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, cell_text in enumerate(row):
            first, *more = cell_text.split("\n")
            table.cell(r, c).text = first
            for line in more:
                table.cell(r, c).add_paragraph(line)
    data = io.BytesIO()
    word.save(data)
    [document] = parse_source(read_data(data.getvalue(), "plan.docx")).documents
    return document


@pytest.mark.parametrize("layout", ["docx", "flattened", "html"])
def test_a_stacked_breakdown_name_wrapped_onto_two_lines_is_one_indicator(layout):
    document = _wrapped_stack(layout)
    found = {
        i.name: (i.baseline and i.baseline.raw, [t.raw for t in i.targets], i.parent_id is not None)
        for i in document.indicators
    }
    assert found == {
        "学前三年毛入园率": ("86.5", ["≥90"], False),
        "普惠性幼儿园覆盖率": ("72", ["≥80"], True),
        "高中阶段毛入学率": ("91", ["≥93"], False),
    }
