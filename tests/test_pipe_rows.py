"""Lines of cells set apart by bars, as page converters and crawlers give portal pages: tables
without a `|---|` rule, a portal's fact block as rows of label and value cells, a title beside its
文号 in one row, and the toolbars and lone rows that are no table."""

import pytest

import govdocparse
from govdocparse import portal
from govdocparse.readers.text import blocks_from_text
from govdocparse.source import TableBlock

from .support import block_texts

# Barred lines that are no table (test data: one layout a case).
NOT_TABLES = {
    # a toolbar and a column path with bars (chrome), two lines of three cells
    "toolbar": "首页 | 政务公开 | 政策文件\n无障碍 | 长者模式 | 登录\n",
    "column-path": "首页 | 信息公开 | 法定主动公开内容 | 区政府文件\n打印 | 关闭 | 收藏\n",
    # one row alone, between lines of text
    "lone-row": "二、主要任务\n| 任务 | 牵头单位 | 完成时限 |\n（一）完善政策。\n",
    # rows of different cell counts
    "uneven-rows": "| 类别 | 指标 | 2025年 |\n| 健康 | 婴儿死亡率 | 3 | 预期性 |\n",
    # a footer of the page with bars
    "footer": "主办：某市人民政府办公室 | 承办：某市大数据局 | 桂ICP备05001234号\n",
}


@pytest.mark.parametrize("layout", sorted(NOT_TABLES))
def test_barred_lines_that_are_no_table(layout):
    blocks, warnings = blocks_from_text(NOT_TABLES[layout], "t.txt")
    assert not any(isinstance(b, TableBlock) for b in blocks)
    assert warnings == []


def test_a_toolbar_keeps_its_bars_for_the_chrome_rules():
    blocks, _ = blocks_from_text(NOT_TABLES["toolbar"], "t.txt")
    assert block_texts(blocks) == ["首页 | 政务公开 | 政策文件", "无障碍 | 长者模式 | 登录"]


def test_a_run_of_pipe_rows_ends_at_a_row_of_another_cell_count():
    text = "| 指标 | 2020年 | 2025年 |\n| 婴儿死亡率 | 4.2 | 3 |\n| 注：2020年为统计值 |\n"
    blocks, _ = blocks_from_text(text, "t.txt")
    table, note = blocks
    assert isinstance(table, TableBlock) and len(table.rows) == 2
    assert table.prov.lines == (1, 2)
    assert block_texts([note]) == ["注：2020年为统计值"]


# A portal's fact block as a converter writes it, over a notice whose title line the page lost
# (test data: one layout a case). Each gives the same fields.
FIELD_ROWS = {
    "pipe-rows": (
        "| 索引号 | 11440300MB2C91473R/2023-00123 | 发文字号 | 某府办〔2023〕5号 |\n"
        "| 标题 | 某市人民政府办公厅关于印发某市托育服务发展实施方案的通知 |\n"
        "| 发布机构 | 某市人民政府办公厅 | 成文日期 | 2023-03-01 |\n"
        "| 发布日期 | 2023-03-09 | 有效性 | 有效 |\n"
    ),
    "bar-rows": (
        "索引号 | 11440300MB2C91473R/2023-00123 | 发文字号 | 某府办〔2023〕5号\n"
        "信息名称 | 某市人民政府办公厅关于印发某市托育服务发展实施方案的通知 | |\n"
        "发布机构 | 某市人民政府办公厅 | 成文日期 | 2023-03-01\n"
        "发布日期 | 2023-03-09 | 有效性 | 有效\n"
    ),
    "tab-rows": (
        "索引号\t11440300MB2C91473R/2023-00123\t发文字号\t某府办〔2023〕5号\n"
        "名称\t某市人民政府办公厅关于印发某市托育服务发展实施方案的通知\n"
        "发布机构\t某市人民政府办公厅\t成文日期\t2023-03-01\n"
        "发布日期\t2023-03-09\t有效性\t有效\n"
    ),
    "ruled-pipe-table": (
        "| 索引号 | 11440300MB2C91473R/2023-00123 | 发文字号 | 某府办〔2023〕5号 |\n"
        "| --- | --- | --- | --- |\n"
        "| 标题 | 某市人民政府办公厅关于印发某市托育服务发展实施方案的通知 | | |\n"
        "| 发布机构 | 某市人民政府办公厅 | 成文日期 | 2023-03-01 |\n"
        "| 发布日期 | 2023-03-09 | 有效性 | 有效 |\n"
    ),
    "label-lines": (
        "索引号：11440300MB2C91473R/2023-00123  发文字号：某府办〔2023〕5号\n"
        "标　　题：某市人民政府办公厅关于印发某市托育服务发展实施方案的通知\n"
        "发布机构：某市人民政府办公厅  成文日期：2023-03-01\n"
        "发布日期：2023-03-09  有效性：有效\n"
    ),
}
NOTICE = (
    "各区人民政府，市政府各部门：\n"
    "　　现将《某市托育服务发展实施方案》印发给你们，请认真贯彻执行。\n"
)


@pytest.mark.parametrize("layout", sorted(FIELD_ROWS))
def test_field_rows_are_the_metadata_and_their_title_field_the_missing_title(layout):
    result = govdocparse.parse_text(FIELD_ROWS[layout] + NOTICE, "page.txt")
    [notice] = result.documents
    assert notice.title == "某市人民政府办公厅关于印发某市托育服务发展实施方案的通知"
    assert notice.kind == "notice"
    meta = notice.metadata
    assert meta.doc_number == "某府办〔2023〕5号"
    assert (meta.date_written, meta.date_published) == ("2023-03-01", "2023-03-09")
    assert meta.portal["索引号"] == "11440300MB2C91473R/2023-00123"
    assert meta.portal["有效性"] == "有效"
    assert meta.recipients == ["各区人民政府", "市政府各部门"]
    assert notice.tables == []
    assert notice.lines and notice.lines[0] == 1


def test_a_title_field_gives_way_to_the_title_line_of_the_page():
    title = "某市人民政府办公厅关于印发某市托育服务发展实施方案的通知"
    text = FIELD_ROWS["pipe-rows"] + "\n" + title + "\n" + NOTICE
    [notice] = govdocparse.parse_text(text, "page.txt").documents
    assert notice.title == title
    assert notice.metadata.portal["标题"] == title
    assert notice.lines and notice.lines[0] == 1


def test_a_field_label_ending_its_line_is_no_recipient():
    # 政策咨询机关： with its value on the next line had been read as the recipients
    text = (
        "某县民政局关于做好困境儿童基本生活保障工作的通知\n文号：某民发〔2021〕8号\n"
        "政策咨询机关：\n某县民政局\n　　为做好困境儿童基本生活保障工作，现将有关事项通知如下。\n"
    )
    meta = govdocparse.parse_text(text).documents[0].metadata
    assert meta.recipients == []
    assert meta.portal["政策咨询机关"] == "某县民政局"


@pytest.mark.parametrize(
    "row",
    [
        "| 某区人民政府关于印发某区儿童友好社区建设三年行动方案的通知 | 某府发〔2022〕3号 |",
        "| 某府发〔2022〕3号 | 某区人民政府关于印发某区儿童友好社区建设三年行动方案的通知 |",
        "某区人民政府关于印发某区儿童友好社区建设三年行动方案的通知 | 某府发〔2022〕3号 |",
    ],
    ids=["title-first", "number-first", "no-leading-bar"],
)
def test_a_title_beside_its_doc_number_in_one_row(row):
    text = (
        "首页 | 政务公开 | 政策文件\n" + row + "\n各街道办事处，区政府各部门：\n"
        "　　现将《某区儿童友好社区建设三年行动方案》印发给你们。\n"
        "某区人民政府\n2022年3月8日\n"
    )
    [notice] = govdocparse.parse_text(text).documents
    assert notice.title == "某区人民政府关于印发某区儿童友好社区建设三年行动方案的通知"
    assert notice.metadata.doc_number == "某府发〔2022〕3号"


@pytest.mark.parametrize(
    "text",
    [
        # a list of documents: its header names portal labels without values
        "| 名称 | 文号 | 发布日期 |\n| 某区儿童发展规划 | 某府发〔2022〕3号 | 2022-03-08 |\n"
        "| 某区妇女发展规划 | 某府发〔2022〕4号 | 2022-03-08 |\n",
        # a two-column schedule headed by a label word (时间)
        "| 时间 | 工作安排 |\n| 2023年3月 | 启动部署 |\n| 2023年6月 | 督导检查 |\n",
    ],
    ids=["document-list", "schedule"],
)
def test_a_table_headed_by_label_words_stays_a_table(text):
    blocks, _ = blocks_from_text(text, "t.txt")
    [table] = blocks
    assert isinstance(table, TableBlock) and len(table.rows) == 3


@pytest.mark.parametrize(
    ("cells", "line"),
    [
        (["标题", "某县…的通知"], "标题：某县…的通知"),
        (
            ["索 引 号", "123/2023-01", "文号：", "某府发〔2023〕1号"],
            "索引号：123/2023-01  文号：某府发〔2023〕1号",
        ),
        (["联合发文单位", "", "实施日期", "2023-06-20"], "联合发文单位：  实施日期：2023-06-20"),
        (
            ["发文机关：某市人民政府", "成文日期：2023-01-05"],
            "发文机关：某市人民政府  成文日期：2023-01-05",
        ),
        (["【发文字号】", "某府发〔2023〕1号"], "发文字号：某府发〔2023〕1号"),
        (
            ["公开属性", "主动公开", "成文日期", "2023-02-01"],
            "公开属性：主动公开  成文日期：2023-02-01",
        ),
        # a label cell with its colon before the next label: its field is empty
        (["文件编号：", "组配分类:", "政策解读", ""], "文件编号：  组配分类：政策解读"),
        (["名称", "文号", "发布日期"], None),  # a header of column names
        # a row shifted left: the empty value's cell dropped, an empty cell at the row's end
        (["文号", "发布机构", "石桥街道", ""], "文号：  发布机构：石桥街道"),
        (["名称", "文号", "发布日期", ""], None),  # a header of column names, one cell empty
        (["标题", "发布日期", "点击量"], None),  # a list's header with a word that is no label
        (["序号", "任务", "牵头单位"], None),  # opens with no label
        # a label the vocabulary lacks, its value after it: left out, the known field kept
        (["信息类目", "卫生健康", "发布时间", "2011-05-16"], "发布时间：2011-05-16"),
        (["信息类目", "卫生健康"], None),  # no label the vocabulary knows
        (["标题", "某县…的通知", "某县人民政府"], None),  # a cell that is neither label nor value
    ],
)
def test_a_row_of_cells_as_portal_pairs(cells, line):
    assert portal.row_pairs(cells) == line


def test_rows_of_fields_with_a_row_shifted_left_over_an_empty_field_are_the_fields():
    # a 浙江 county portal's block as a crawl gave it (twenty-ninth reading): the notice has no
    # 文号, and the crawl dropped that empty cell, shifting the row left; the block had been
    # read as a table of two rows, the 索引号's value given to 文号
    text = (
        "索引号 | 001008003004076/2024-260011 | 主题分类 | 教育 |\n"
        "文号 | 发布机构 | 石桥街道 | |\n"
        "成文日期 | 2024-05-10 | 有效性 | 有效 |\n"
        "关于印发《石桥街道未成年人保护工作方案》的通知\n"
        "各社区，辖区各学校：\n现将《石桥街道未成年人保护工作方案》印发给你们，请认真贯彻落实。\n"
        "某市石桥街道办事处\n2024年4月26日\n"
    )
    [notice] = govdocparse.parse_text(text).documents
    assert notice.metadata.portal == {
        "索引号": "001008003004076/2024-260011",
        "主题分类": "教育",
        "文号": None,
        "发布机构": "石桥街道",
        "成文日期": "2024-05-10",
        "有效性": "有效",
    }
    assert notice.metadata.doc_number is None
    assert notice.tables == []


# A notice under a 上海 district portal's block of barred field cells (thirty-ninth reading), its
# fields as invented text: the block's rows go before it.
SHANGHAI_NOTICE = (
    "某区人民政府关于批转区卫生局制订的某区健康社区建设三年行动计划的通知\n"
    "某府〔2011〕31号\n"
    "各镇人民政府、街道办事处，区政府各委、办、局：\n"
    "区卫生局制订的《某区健康社区建设三年行动计划》已经区政府同意，现转发给你们，请认真执行。\n"
    "某区人民政府\n2011年5月9日\n"
)


@pytest.mark.parametrize(
    "row",
    [
        "信息类目 | 卫生健康 | 发布时间 | 2011-05-16 |",
        "发布时间 | 2011-05-16 | 信息类目 | 卫生健康 |",
    ],
    ids=["unknown-first", "unknown-last"],
)
def test_a_row_of_fields_keeps_its_known_fields_beside_a_label_the_vocabulary_lacks(row):
    # the row had been no row of fields: its 发布时间 lost (the label the vocabulary lacks first)
    # or glued to the words after it (2011-05-16  信息类目  卫生健康)
    text = (
        "索引号 | QX-310118-2011-00412 | 发布机构 | 区府办公室 |\n" + row + "\n" + SHANGHAI_NOTICE
    )
    [notice] = govdocparse.parse_text(text).documents
    assert notice.metadata.portal == {
        "索引号": "QX-310118-2011-00412",
        "发布机构": "区府办公室",
        "发布时间": "2011-05-16",
    }
    assert notice.metadata.date_published == "2011-05-16"
    assert notice.tables == []


def test_a_row_of_fields_shifted_left_heads_no_table_over_the_next_row():
    # the shifted row opens a run of two barred rows, the one below no row of fields (its first
    # label too long to be read as a label the vocabulary lacks); the two had been read as a
    # table's header over one row, so that 发布机构 took the value under it
    text = (
        "索引号 | QX-310118-2011-00412 | ||\n"
        "文件编号 | 发布机构 | 区府办公室 | |\n"
        "信息公开目录分类 | 卫生健康 | 发布时间 | 2011-05-16 |\n" + SHANGHAI_NOTICE
    )
    [notice] = govdocparse.parse_text(text).documents
    assert notice.metadata.portal["发布机构"] == "区府办公室"
    assert notice.metadata.portal["文件编号"] is None
    assert notice.metadata.doc_number == "某府〔2011〕31号"
    assert notice.tables == []


# Rows one cell short under a first column of categories: a converter dropped the category cell
# that spans them (test data: one layout a case, with and without a rule and outer bars).
SPANNED_CATEGORY = {
    "pipe-rows": (
        "| 领域 | 指标名称 | 2020年 | 2025年 |\n"
        "| 健康 | 婴儿死亡率（‰） | 4.6 | 4 |\n"
        "| 孕产妇死亡率（1/10万） | 11 | 10 |\n"
        "| 教育 | 学前三年毛入园率（%） | 88 | 92 |\n"
        "| 高中阶段毛入学率（%） | 91 | 93 |\n"
    ),
    "bars-without-outer": (
        "领域 | 指标名称 | 2020年 | 2025年\n"
        "健康 | 婴儿死亡率（‰） | 4.6 | 4\n"
        "孕产妇死亡率（1/10万） | 11 | 10\n"
        "教育 | 学前三年毛入园率（%） | 88 | 92\n"
        "高中阶段毛入学率（%） | 91 | 93\n"
    ),
    "markdown-rule": (
        "| 领域 | 指标名称 | 2020年 | 2025年 |\n|---|---|---|---|\n"
        "| 健康 | 婴儿死亡率（‰） | 4.6 | 4 |\n"
        "| 孕产妇死亡率（1/10万） | 11 | 10 |\n"
        "| 教育 | 学前三年毛入园率（%） | 88 | 92 |\n"
        "| 高中阶段毛入学率（%） | 91 | 93 |\n"
    ),
}


@pytest.mark.parametrize("layout", sorted(SPANNED_CATEGORY))
def test_a_row_that_lost_its_spanning_category_takes_the_one_above(layout):
    text = "某区“十四五”民生发展规划\n二、主要指标\n" + SPANNED_CATEGORY[layout] + "三、主要任务\n"
    [document] = govdocparse.parse_text(text).documents
    [table] = document.tables
    assert [row.cells[:2] for row in table.rows] == [
        ["健康", "婴儿死亡率（‰）"],
        ["健康", "孕产妇死亡率（1/10万）"],
        ["教育", "学前三年毛入园率（%）"],
        ["教育", "高中阶段毛入学率（%）"],
    ]
    maternal = next(i for i in document.indicators if i.name.startswith("孕产妇死亡率"))
    assert (maternal.category, maternal.baseline and maternal.baseline.value) == ("健康", 11)


def test_a_short_row_under_a_column_of_names_still_ends_the_pipe_rows():
    text = "| 指标 | 2020年 | 2025年 |\n| 婴儿死亡率 | 4.2 | 3 |\n| 孕产妇死亡率 | 12 |\n"
    blocks, _ = blocks_from_text(text, "t.txt")
    table, rest = blocks
    assert isinstance(table, TableBlock) and len(table.rows) == 2
    assert not isinstance(rest, TableBlock) and "孕产妇死亡率" in rest.text


def test_pipe_rows_with_a_year_over_target_and_actual_read_as_one_header():
    text = (
        "某市“十三五”规划实施情况评估报告\n一、主要指标完成情况\n"
        "| 指标 | 单位 | 2020年 | |\n"
        "| | | 目标值 | 实际值 |\n"
        "| 常住人口城镇化率 | % | 60 | 61.4 |\n"
        "| 城镇登记失业率 | % | <4.5 | 3.2 |\n"
        "二、存在的问题\n"
    )
    [document] = govdocparse.parse_text(text).documents
    [table] = document.tables
    assert table.header == ["指标", "单位", "2020年/目标值", "2020年/实际值"]
    urban = next(i for i in document.indicators if i.name == "常住人口城镇化率")
    assert urban.actual is not None and urban.actual.value == 61.4
    assert [(t.year, t.atoms[0].value) for t in urban.targets] == [(2020, 60)]


# A two-row header whose spanning cells a converter wrote out once a column (test data: one
# layout a case).
SPANS_WRITTEN_OUT = {
    "pipe-rows": (
        "| 序号 | 工作任务 | 责任部门 | 责任部门 |\n"
        "| 序号 | 工作任务 | 牵头部门 | 配合部门 |\n"
        "| 1 | 建设社区儿童之家 | 县民政局 | 县妇联 |\n"
        "| 2 | 开展儿童近视防控 | 县教育局 | 县卫健委 |\n"
    ),
    "markdown-rule": (
        "| 序号 | 工作任务 | 责任部门 | 责任部门 |\n|---|---|---|---|\n"
        "| 序号 | 工作任务 | 牵头部门 | 配合部门 |\n"
        "| 1 | 建设社区儿童之家 | 县民政局 | 县妇联 |\n"
        "| 2 | 开展儿童近视防控 | 县教育局 | 县卫健委 |\n"
    ),
}


@pytest.mark.parametrize("layout", sorted(SPANS_WRITTEN_OUT))
def test_a_header_whose_spanning_cells_were_written_out_reads_as_one_header(layout):
    text = (
        "某县儿童友好县建设实施方案\n三、重点任务\n" + SPANS_WRITTEN_OUT[layout] + "四、保障措施\n"
    )
    [document] = govdocparse.parse_text(text).documents
    [table] = document.tables
    assert table.header == ["序号", "工作任务", "责任部门/牵头部门", "责任部门/配合部门"]
    assert [row.cells for row in table.rows] == [
        ["1", "建设社区儿童之家", "县民政局", "县妇联"],
        ["2", "开展儿童近视防控", "县教育局", "县卫健委"],
    ]


def test_a_first_row_that_repeats_the_header_without_sub_columns_is_a_row():
    text = "| 类别 | 指标 | 2025年 |\n| 类别 | 婴儿死亡率 | 3 |\n| 健康 | 孕产妇死亡率 | 10 |\n"
    [table] = [b for b in blocks_from_text(text, "t.txt")[0] if isinstance(b, TableBlock)]
    assert [cell.text for cell in table.rows[1]] == ["类别", "婴儿死亡率", "3"]


def test_a_title_row_closed_by_its_cells_bar_among_empty_cells_is_the_title():
    # a county portal's 解读 page as a converter gives it: barred label cells, then the title in a
    # row of one cell with its closing bar, rows of empty cells, and the text
    text = (
        "索引号: | 001122334455/2019-00321 | 成文日期: | 2019-05-06 |\n"
        "文件编号: | 组配分类: | 政策解读 | |\n"
        "发布机构: | 某县民政局 | 有效性: | 有效 |\n"
        "关于《某县困境儿童分类保障实施办法》的政策解读 |\n||\n|\n||\n"
        "一、为什么要制定办法? 为做好困境儿童保障工作。 |\n"
    )
    [page] = govdocparse.parse_text(text).documents
    assert page.title == "关于《某县困境儿童分类保障实施办法》的政策解读"
    assert page.metadata.date_written == "2019-05-06"
    assert page.metadata.portal["组配分类"] == "政策解读"
    assert page.metadata.portal["发布机构"] == "某县民政局"


# The end of a 江苏 portal's block of fields as a converter gives it (forty-fifth reading): a row of
# a label the vocabulary lacks and empty cells, a row of one cell holding a label alone.
EMPTY_FIELD_ROWS = {
    "both": "文件下载 | |||\n时效 |\n",
    "unknown-label": "文件下载 | | | |\n",
    "known-label-alone": "时效 |\n",
}


@pytest.mark.parametrize("layout", sorted(EMPTY_FIELD_ROWS))
def test_empty_fields_ending_a_block_of_fields_are_no_line_of_the_title_below(layout):
    title = "市残联等六部门关于印发《寅市残疾儿童康复救助实施办法》的通知"
    text = (
        f"名称 | {title} | ||\n索引号 | 013579246/2025-00031 | 分类 | 社会保障 |\n"
        "发布机构 | 市残联 | 发文日期 | |\n文号 | 寅残联发〔2025〕6号 | 关键词 | |\n"
        f"{EMPTY_FIELD_ROWS[layout]}{title}\n各县(区)残联、教育局、民政局:\n"
        "现将《寅市残疾儿童康复救助实施办法》印发给你们,请认真贯彻执行。\n寅市残疾人联合会\n"
        "2025年5月20日\n"
    )
    notice = govdocparse.parse_text(text).documents[0]
    assert notice.title == title
    assert notice.metadata.doc_number == "寅残联发〔2025〕6号"


def test_a_short_word_with_empty_cells_under_no_fields_stays_a_row():
    text = "一、主要任务\n合计 | | |\n完成各项任务。\n"
    blocks, _ = blocks_from_text(text, "t.txt")
    assert "合计" in block_texts(blocks)
