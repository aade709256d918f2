"""Decoding and Word-dump table reconstruction of the text reader."""

import codecs

import pytest

from govdocparse.errors import DecodeError, EmptyInputError
from govdocparse.readers import read_data
from govdocparse.readers.text import blocks_from_text, decode
from govdocparse.source import Paragraph, TableBlock

SAMPLE = "一、总体要求\n（一）指导思想。坚持儿童优先。\n"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("gbk"), "gb18030"),
        (SAMPLE.encode("gb18030"), "gb18030"),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16"),
    ],
)
def test_decodes_the_encodings_portals_use(data, encoding):
    text, used = decode(data, "x.txt")
    assert used == encoding
    assert text.lstrip("\ufeff").startswith("一、总体要求")


def test_crlf_and_cr_line_ends_keep_line_numbers():
    blocks = blocks_from_text("第一行\r\n\r\n第三行\r第四行", "x.txt")
    assert [(b.text, b.prov.lines) for b in blocks] == [
        ("第一行", (1, 1)),
        ("第三行", (3, 3)),
        ("第四行", (4, 4)),
    ]


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty file"),
        (b"   \n\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "PNG image"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(data, message):
    with pytest.raises((DecodeError, EmptyInputError, Exception)) as caught:
        read_data(data, "bad.txt")
    assert message in str(caught.value)
    assert "bad.txt" in str(caught.value)


def test_mixed_encodings_are_refused_not_turned_into_mojibake():
    data = ("儿童发展规划" * 50 + "\n").encode("utf-8") + "第二行".encode("gbk") + b"\n"
    with pytest.raises(DecodeError, match="mixed encodings"):
        decode(data, "mixed.txt")


def _table(text):
    blocks = blocks_from_text(text, "t.txt")
    return [b for b in blocks if isinstance(b, TableBlock)], [
        b for b in blocks if isinstance(b, Paragraph)
    ]


def test_rows_split_on_blank_lines_and_cells_continue_on_following_lines():
    text = "专栏1 指标\n\t序号\n\t规划\n目标\n\n\t1\n\t＞85\n\n二、总体思路\n"
    tables, paragraphs = _table(text)
    assert [[c.text for c in row] for row in tables[0].rows] == [
        ["序号", "规划\n目标"],
        ["1", "＞85"],
    ]
    assert [p.text for p in paragraphs] == ["专栏1 指标", "二、总体思路"]


def test_a_cell_can_straddle_a_blank_line():
    text = "\t类别\n\t指标\n\n属性\n\t责任单位\n\n\t健康\n\t5\n\t区公安局、\n\n区教委\n\n\t\n\t6\n\t约束性\n\t区卫生健康委\n"
    tables, _ = _table(text)
    rows = [[c.text for c in row] for row in tables[0].rows]
    assert rows == [
        ["类别", "指标\n属性", "责任单位"],
        ["健康", "5", "区公安局、\n区教委"],
        ["", "6", "约束性", "区卫生健康委"],
    ]


def test_an_empty_tab_line_is_a_merged_cell_and_a_heading_ends_the_table():
    text = "\t领域\n\t指标\n\n\t社会\n\t甲\n\n\t\n\t乙\n（二）下一节\n"
    tables, paragraphs = _table(text)
    assert [[c.text for c in row] for row in tables[0].rows] == [
        ["领域", "指标"],
        ["社会", "甲"],
        ["", "乙"],
    ]
    assert paragraphs[0].text == "（二）下一节"


def test_one_column_list_box_keeps_items_separated_by_blank_lines():
    text = "专栏5 重点工程\n\n\t甲工程。内容一。\n\n乙工程。内容二。\n丙项目。内容三。\n\n\n（四）下一节\n"
    tables, paragraphs = _table(text)
    assert tables[0].rows[0][0].text.split("\n") == [
        "甲工程。内容一。",
        "乙工程。内容二。",
        "丙项目。内容三。",
    ]
    assert [p.text for p in paragraphs] == ["专栏5 重点工程", "（四）下一节"]


def test_cell_provenance_points_at_source_lines():
    tables, _ = _table("\t序号\n\t规划\n目标\n\n\t1\n\t2\n")
    header = tables[0].rows[0]
    assert header[1].prov.lines == (2, 3)
    assert tables[0].prov.lines == (1, 6)
