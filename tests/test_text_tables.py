"""Tables in plain text and Markdown: each shape real files give, rebuilt into the same table."""

import pytest

import govdocparse
from govdocparse.readers import read_data
from govdocparse.readers.markdown import looks_like_markdown, plain_text
from govdocparse.readers.text import blocks_from_text
from govdocparse.source import TableBlock

from .support import as_table, block_texts

HEADER = ["序号", "指标名称", "单位", "2025年目标"]
ROWS = [["1", "婴儿死亡率", "‰", "＜3"], ["2", "儿童之家覆盖率", "%", "≥95"]]

# The same two-row table, as each layout writes it (test data: one layout a case).
LAYOUTS = {
    "tab-rows": (
        "序号\t指标名称\t单位\t2025年目标\n1\t婴儿死亡率\t‰\t＜3\n2\t儿童之家覆盖率\t%\t≥95\n"
    ),
    "pipe": (
        "| 序号 | 指标名称 | 单位 | 2025年目标 |\n|:---:|---|---|---:|\n"
        "| 1 | 婴儿死亡率 | ‰ | ＜3 |\n| 2 | 儿童之家覆盖率 | % | ≥95 |\n"
    ),
    # a converter's pipe rows without a |---| rule, with outer bars and without
    "pipe-rows": (
        "| 序号 | 指标名称 | 单位 | 2025年目标 |\n"
        "| 1 | 婴儿死亡率 | ‰ | ＜3 |\n| 2 | 儿童之家覆盖率 | % | ≥95 |\n"
    ),
    "bar-rows": (
        "序号 | 指标名称 | 单位 | 2025年目标\n"
        "1 | 婴儿死亡率 | ‰ | ＜3\n2 | 儿童之家覆盖率 | % | ≥95\n"
    ),
    "space-aligned": (
        "序号  指标名称          单位  2025年目标\n"
        "1     婴儿死亡率        ‰     ＜3\n"
        "2     儿童之家覆盖率    %     ≥95\n"
    ),
    "cell-per-line": (
        "序号\n指标名称\n单位\n2025年目标\n1\n婴儿死亡率\n‰\n＜3\n2\n儿童之家覆盖率\n%\n≥95\n"
    ),
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_each_text_layout_gives_the_same_table(layout):
    text = "专栏1 主要指标\n" + LAYOUTS[layout] + "二、主要任务\n"
    blocks, warnings = blocks_from_text(text, "t.txt")
    [table] = [b for b in blocks if isinstance(b, TableBlock)]
    assert [[c.text for c in row] for row in table.rows] == [HEADER, *ROWS]
    assert table.prov.lines and table.prov.lines[0] == 2
    assert [b.text for b in blocks if not isinstance(b, TableBlock)] == [
        "专栏1 主要指标",
        "二、主要任务",
    ]
    assert warnings == []


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_each_layout_reaches_the_record_with_its_caption_and_indicators(layout):
    text = "一、主要目标\n专栏1 主要指标\n" + LAYOUTS[layout] + "二、主要任务\n"
    [document] = govdocparse.parse_text(text).documents
    [table] = document.tables
    assert (table.label, table.header, len(table.rows)) == ("专栏1", HEADER, 2)
    assert [i.name for i in document.indicators] == ["婴儿死亡率", "儿童之家覆盖率"]


def test_empty_leading_cells_are_merged_cells_in_tab_rows_and_pipe_tables():
    tab = "领域\t任务\t牵头单位\n健康\t建设妇幼中心\t区卫健委\n\t新建儿科病房\t区卫健委\n"
    pipe = (
        "| 领域 | 任务 | 牵头单位 |\n| --- | --- | --- |\n| 健康 | 建设妇幼中心 | 区卫健委 |\n"
        "|  | 新建儿科病房 | 区卫健委 |\n"
    )
    for text in (tab, pipe):
        blocks, _ = blocks_from_text(text, "t.txt")
        table = as_table(*blocks)
        assert [c.merged for c in table.rows[2]] == [True, False, False]
        [document] = govdocparse.parse_text(text).documents
        assert document.tables[0].rows[1].cells[0] == "健康"


def test_space_aligned_cells_go_to_the_column_they_line_up_with():
    text = (
        "类别      指标              2020年    2025年\n"
        "健康      婴儿死亡率        2.35      3\n"
        "          儿童贫血率                  10\n"
    )
    [block], _ = blocks_from_text(text, "t.txt")
    assert [c.text for c in as_table(block).rows[2]] == ["", "儿童贫血率", "", "10"]


def test_a_table_whose_cells_run_together_is_kept_as_text_with_a_warning():
    text = (
        "三、重点项目\n序号项目名称建设内容责任单位\n1儿童公园改造县城北山公园县住建局\n四、"
        "保障措施\n"
    )
    blocks, warnings = blocks_from_text(text, "t.txt")
    assert not any(isinstance(b, TableBlock) for b in blocks)
    assert len(blocks) == 4
    assert warnings == [
        "table at line 2 could not be rebuilt (its cells run together): kept as text"
    ]


def test_a_cell_per_line_header_without_rows_is_kept_as_text_with_a_warning():
    text = "序号\n指标名称\n单位\n说明：指标另行公布。\n"
    blocks, warnings = blocks_from_text(text, "t.txt")
    assert block_texts(blocks) == ["序号", "指标名称", "单位", "说明：指标另行公布。"]
    assert "line 1 could not be rebuilt" in warnings[0]


MARKDOWN = """# 青溪县儿童发展规划（2021—2030年）

> 原文：[县政府网站](http://example.org/a.html)

## 一、总体要求

**（一）指导思想。** 坚持儿童优先，推动儿童*全面*发展。

![图片](a.png)

---

## 二、主要目标

| 序号 | 指标名称 | 单位 | 2025年目标 |
|---|---|---|---|
| 1 | 婴儿死亡率 | ‰ | ＜3 |
"""


def test_markdown_markup_is_taken_off_and_line_numbers_kept():
    lines = plain_text(MARKDOWN).split("\n")
    assert lines[0] == "青溪县儿童发展规划（2021—2030年）"
    assert lines[2] == "原文：县政府网站"
    assert lines[4] == "一、总体要求"
    assert lines[6] == "（一）指导思想。 坚持儿童优先，推动儿童全面发展。"
    assert lines[8] == lines[10] == ""
    assert lines[14] == "| 序号 | 指标名称 | 单位 | 2025年目标 |"


def test_a_markdown_file_is_read_as_markdown_by_name_or_by_content():
    for name in ("plan.md", "plan.txt"):
        source = read_data(MARKDOWN.encode(), name)
        assert source.format == "md" and source.warnings == []
    assert looks_like_markdown(MARKDOWN)
    assert not looks_like_markdown("一、总体要求\n# 不是标题的一行\n")
