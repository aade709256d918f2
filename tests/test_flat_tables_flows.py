"""Tables flattened one cell a paragraph in the paragraphs of pages and Word documents: the
rule of govdocparse.readers.flat_tables, run on the blocks of the HTML and Word readers as on a
text file's lines; the cells keep their paragraphs' provenance."""

from __future__ import annotations

import io

import docx
import pytest

from govdocparse.pipeline import parse_source
from govdocparse.readers import read_data
from govdocparse.source import Paragraph, TableBlock

from .support import script

make_ofd = script("make_ofd")

# An invented county education plan's 主要指标: a 序号 column, group rows across the table and
# a name over two cells (义务教育学校 / 标准化建设达标率).
CELLS = [
    "序号",
    "指标",
    "单位",
    "2020年",
    "2025年",
    "属性",
    "一、学前教育",
    "1",
    "学前三年毛入园率",
    "%",
    "88.5",
    "≥92",
    "预期性",
    "2",
    "普惠性幼儿园覆盖率",
    "%",
    "80",
    "≥85",
    "约束性",
    "二、义务教育",
    "3",
    "义务教育学校",
    "标准化建设达标率",
    "%",
    "90",
    "100",
    "预期性",
    "4",
    "九年义务教育巩固率",
    "%",
    "95.1",
    "≥96",
    "约束性",
]
ROWS = [
    ["序号", "指标", "单位", "2020年", "2025年", "属性"],
    ["一、学前教育"],
    ["1", "学前三年毛入园率", "%", "88.5", "≥92", "预期性"],
    ["2", "普惠性幼儿园覆盖率", "%", "80", "≥85", "约束性"],
    ["二、义务教育"],
    ["3", "义务教育学校\n标准化建设达标率", "%", "90", "100", "预期性"],
    ["4", "九年义务教育巩固率", "%", "95.1", "≥96", "约束性"],
]
TITLE = "某县“十四五”教育事业发展规划"
BEFORE = [
    "一、发展目标",
    "到2025年，全县教育普及水平进一步提高，城乡教育发展更加均衡，人民群众对教育的满意度明显提升。",
    "表1 “十四五”教育事业发展主要指标",
]
AFTER = [
    "二、主要任务",
    "（一）扩大普惠性学前教育资源。新建和改扩建公办幼儿园，补齐农村学前教育短板。",
]


def _page(body: str) -> bytes:
    """A portal page whose article holds `body` (each piece of markup on its own line)."""
    return (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
        f"<title>{TITLE}</title>\n</head>\n<body>\n"
        f'<h1 class="title">{TITLE}</h1>\n<div class="article">\n{body}\n</div>\n</body>\n</html>\n'
    ).encode()


def _paragraphs(texts: list[str], tag: str = "p") -> str:
    return "\n".join(f"<{tag}>{text}</{tag}>" for text in texts)


def _broken(texts: list[str], tag: str) -> str:
    """The lines in one element, set apart by <br>, one a source line."""
    return f"<{tag}>" + "<br>\n".join(texts) + f"</{tag}>"


# How a CMS or an editor's clean-up flattens the table: the markup of the cells, the article's
# other paragraphs being <p> each.
LAYOUTS = {
    "p-a-cell": _paragraphs(CELLS),
    "div-a-cell": _paragraphs(CELLS, "div"),
    "br-lines-in-one-p": _broken(CELLS, "p"),
    "br-lines-in-one-div": _broken(CELLS, "div"),
    # a Word table pasted as paragraphs keeps its spans and its Word classes
    "p-a-cell-with-spans": "\n".join(
        f'<p class="MsoNormal" align="center"><span lang="EN-US">{text}</span></p>'
        for text in CELLS
    ),
}


def _read_html(body: str):
    page = _paragraphs(BEFORE) + "\n" + body + "\n" + _paragraphs(AFTER)
    return read_data(_page(page), "plan.html")


def _texts(blocks) -> list[object]:
    """The stream as texts: a paragraph's text, a table's rows of cell texts."""
    return [
        [[cell.text for cell in row] for row in b.rows] if isinstance(b, TableBlock) else b.text
        for b in blocks
    ]


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_table_pasted_as_paragraphs_in_a_page_is_rebuilt(layout):
    source = _read_html(LAYOUTS[layout])
    assert _texts(source.blocks) == [TITLE, *BEFORE, ROWS, *AFTER]
    assert source.warnings == []


def test_the_cells_of_a_page_keep_their_source_lines():
    body = _paragraphs(BEFORE) + "\n" + _paragraphs(CELLS) + "\n" + _paragraphs(AFTER)
    page = _page(body)
    [table] = [b for b in read_data(page, "plan.html").blocks if isinstance(b, TableBlock)]
    lines = page.decode().split("\n")
    header_line = lines.index("<p>序号</p>") + 1
    assert table.rows[0][0].prov.lines == (header_line, header_line)
    # the name over two paragraphs, three lines into the second row of group 二
    name = table.rows[5][1]
    first = lines.index("<p>义务教育学校</p>") + 1
    assert name.prov.lines == (first, first + 1)
    assert table.rows[4][0].colspan == 6  # 二、义务教育 across the table
    assert table.prov.lines == (header_line, header_line + len(CELLS) - 1)


def test_a_page_s_flattened_table_gives_its_indicators():
    [document] = parse_source(read_data(_page_with_cells(), "plan.html")).documents
    [table] = document.tables
    assert table.header == ["序号", "指标", "单位", "2020年", "2025年", "属性"]
    [rate] = [i for i in document.indicators if i.name == "义务教育学校标准化建设达标率"]
    assert (rate.unit, rate.baseline and rate.baseline.value, rate.attribute) == (
        "%",
        90,
        "预期性",
    )
    assert [(t.year, t.atoms[0].value) for t in rate.targets] == [(2025, 100)]
    assert rate.category == "义务教育"


def _page_with_cells() -> bytes:
    return _page(_paragraphs(BEFORE) + "\n" + _paragraphs(CELLS) + "\n" + _paragraphs(AFTER))


def _docx(texts: list[str]) -> bytes:
    """A Word document of the title and `texts`, one a paragraph."""
    document = docx.Document()
    document.add_paragraph(TITLE)
    for text in texts:
        document.add_paragraph(text)
    data = io.BytesIO()
    document.save(data)
    return data.getvalue()


def _rtf(texts: list[str]) -> bytes:
    """The same as RTF, as Word or WPS saves a .doc for a portal: characters as \\uN escapes."""

    def escaped(text: str) -> str:
        return "".join(
            ch if ord(ch) < 128 else f"\\u{ord(ch) if ord(ch) < 0x8000 else ord(ch) - 0x10000}?"
            for ch in text
        )

    body = "".join(f"\\pard {escaped(text)}\\par\n" for text in [TITLE, *texts])
    return ("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 SimSun;}}\n" + body + "}").encode()


WORD_FLOWS = {"plan.docx": _docx, "plan.rtf": _rtf}


@pytest.mark.parametrize("name", sorted(WORD_FLOWS))
def test_a_table_pasted_as_paragraphs_in_a_word_document_is_rebuilt(name):
    source = read_data(WORD_FLOWS[name]([*BEFORE, *CELLS, *AFTER]), name)
    assert _texts(source.blocks) == [TITLE, *BEFORE, ROWS, *AFTER]
    assert source.warnings == []
    [table] = [b for b in source.blocks if isinstance(b, TableBlock)]
    # the body's paragraphs count from 1: the title, the three before, then the cells
    header = 1 + len(BEFORE) + 1
    assert [cell.prov.paragraph for cell in table.rows[0]] == list(range(header, header + 6))
    assert table.rows[5][1].prov.paragraph == header + CELLS.index("义务教育学校")
    assert table.prov.paragraph == header


def test_a_table_printed_one_cell_a_line_to_an_ofd_is_rebuilt_across_its_pages():
    pages = [make_ofd.Page()]
    for text in [TITLE, *BEFORE, *CELLS, *AFTER]:
        left = pages[-1].paragraph(text, indent=False)
        if left or pages[-1].y > 235:
            pages.append(make_ofd.Page())
            pages[-1].continued(left)
    source = read_data(make_ofd.package(pages), "plan.ofd")
    assert _texts(source.blocks) == [TITLE, *BEFORE, ROWS, *AFTER]
    [table] = [b for b in source.blocks if isinstance(b, TableBlock)]
    # the page breaks inside the table: each cell keeps its page and its line there
    assert (table.rows[0][0].prov.page, table.rows[-1][-1].prov.page) == (1, 2)
    assert table.rows[-1][-1].prov.lines is not None


def test_a_header_without_rows_is_named_where_it_stands():
    names = ["类别", "项目", "备注", "县委宣传部", "县教育局"]
    page = _page(_paragraphs([*BEFORE, *names]))
    line = page.decode().split("\n").index("<p>类别</p>") + 1
    assert read_data(page, "p.html").warnings == [
        f"table at line {line} could not be rebuilt (no rows of 3 cells under its header): "
        "kept as text"
    ]
    assert read_data(_docx(names), "d.docx").warnings == [
        "table at paragraph 2 could not be rebuilt (no rows of 3 cells under its header): "
        "kept as text"
    ]


# Runs of short paragraphs that are no table stay paragraphs.
GUARDS = {
    # column names over a list of agencies: the 备注 column holds no value, so no row
    "agency-list": ["类别", "项目", "备注", "县委宣传部", "县教育局", "县民政局", "县卫生健康局"],
    # a 目录 one entry a paragraph
    "contents": ["目录", "一、总体要求", "二、主要目标", "三、主要任务", "四、保障措施"],
    # a project's facts, each label (a column name) above its value
    "fact-block": [
        "项目名称",
        "城南儿童公园",
        "建设内容",
        "新建游乐场地及步道",
        "完成时间",
        "2023年底",
    ],
    # a portal's fact block copied into the article, each label above its value
    "portal-facts": [
        "索引号",
        "011312643/2022-01958",
        "分类",
        "妇女儿童",
        "发布时间",
        "2022-04-12",
        "名称",
        "通山县妇女发展规划",
    ],
    # the members of a leading group, one a paragraph
    "members": ["组长：王某某", "副组长：李某某", "成员：", "县教育局", "县财政局", "县民政局"],
}


@pytest.mark.parametrize("guard", sorted(GUARDS))
def test_a_run_of_short_paragraphs_that_is_no_table_stays_paragraphs(guard):
    texts = GUARDS[guard]
    for data, name in (
        (_page(_paragraphs([*BEFORE, *texts])), "page.html"),
        (_docx(texts), "d.docx"),
    ):
        blocks = read_data(data, name).blocks
        paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
        assert paragraphs == blocks
        assert [b.text for b in paragraphs][-len(texts) :] == texts


def test_a_page_s_flattened_rows_that_lost_cells_and_its_sub_rows_are_rebuilt():
    # an invented city's 儿童发展规划, one cell a <p>: a row that lost its unit cell, and a 其中
    # sub-row whose unit and attribute cells were merged with the row above and dropped
    cells = ["指标", "单位", "2020年", "2025年", "属性"]
    cells += ["婴儿死亡率", "‰", "5", "<4.5", "约束性", "孕产妇死亡率", "1/10万", "12", "<9"]
    cells += ["约束性", "其中：农村", "14", "<11", "孤儿基本生活保障标准增长率", "6", ">=8"]
    cells += ["预期性", "学前三年毛入园率", "%", "88", ">=92", "预期性"]
    source = _read_html(_paragraphs(cells))
    assert _texts(source.blocks)[len(BEFORE) + 1] == [
        ["指标", "单位", "2020年", "2025年", "属性"],
        ["婴儿死亡率", "‰", "5", "<4.5", "约束性"],
        ["孕产妇死亡率", "1/10万", "12", "<9", "约束性"],
        ["其中：农村", "14", "<11"],
        ["孤儿基本生活保障标准增长率", "6", ">=8", "预期性"],
        ["学前三年毛入园率", "%", "88", ">=92", "预期性"],
    ]
    [document] = parse_source(source).documents
    [rural] = [i for i in document.indicators if i.name == "孕产妇死亡率（农村）"]
    assert (rural.baseline and rural.baseline.value, rural.attribute) == (14, "约束性")
    # the unit cell it lost with the attribute's was its parent's too
    assert rural.unit == "1/10万"
    assert [(t.year, t.atoms[0].value, t.atoms[0].unit) for t in rural.targets] == [
        (2025, 11, "1/10万")
    ]


@pytest.mark.parametrize("name", ["plan.html", "plan.docx"])
def test_a_stack_written_down_the_row_of_a_page_or_a_document_is_rebuilt(name):
    # an invented county's 主要指标表 one cell a paragraph: a row stacks an indicator and its
    # 其中 breakdown in each cell, flattened to the name, the 其中 name, each year's two values
    # and one attribute
    cells = ["指标", "2020年", "2025年", "属性", "一、发展水平"]
    cells += ["九年义务教育巩固率（%）", "其中：农村学校", "95.3", "94", "≥96", "≥95", "约束性"]
    cells += ["学前三年毛入园率（%）", "88", "≥92", "预期性"]
    data = _page(_paragraphs([*BEFORE, *cells, *AFTER])) if name.endswith("html") else None
    source = read_data(data or _docx([*BEFORE, *cells, *AFTER]), name)
    assert _texts(source.blocks)[len(BEFORE) + 1] == [
        ["指标", "2020年", "2025年", "属性"],
        ["一、发展水平"],
        ["九年义务教育巩固率（%）\n其中：农村学校", "95.3\n94", "≥96\n≥95", "约束性"],
        ["学前三年毛入园率（%）", "88", "≥92", "预期性"],
    ]
    [document] = parse_source(source).documents
    [rural] = [i for i in document.indicators if i.name_raw == "其中：农村学校"]
    assert (rural.baseline and rural.baseline.value, [t.raw for t in rural.targets]) == (
        94,
        ["≥95"],
    )
    [table] = document.tables
    assert [row.parent for row in table.rows] == [None, None, 1, None]
