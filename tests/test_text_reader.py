"""Decoding and Word-dump table reconstruction of the text reader."""

import codecs

import pytest

from govdocparse.errors import DecodeError, EmptyInputError
from govdocparse.readers import read_data
from govdocparse.readers.text import blocks_from_text, decode
from govdocparse.source import Paragraph, TableBlock

from .support import as_paragraph

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
    text, used, warnings = decode(data, "x.txt")
    assert warnings == []
    assert used == encoding
    assert text.lstrip("\ufeff").startswith("一、总体要求")


def test_crlf_and_cr_line_ends_keep_line_numbers():
    blocks, _ = blocks_from_text("第一行\r\n\r\n第三行\r第四行", "x.txt")
    assert [(as_paragraph(b).text, b.prov.lines) for b in blocks] == [
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


def test_a_gbk_line_in_a_utf8_file_is_read_as_gbk_with_a_warning():
    data = ("儿童发展规划" * 50 + "\n").encode("utf-8") + "第二行".encode("gbk") + b"\n"
    text, used, warnings = decode(data, "mixed.txt")
    assert (used, text.split("\n")[1]) == ("utf-8", "第二行")
    assert warnings == ["GBK text in a UTF-8 file, read as GB18030: line 2"]


def _damaged(encoding: str, lines: int, bad: dict[int, bytes]) -> bytes:
    """`lines` lines of Chinese text, line n's sixth character replaced by the bytes bad[n]."""
    out = []
    for n in range(1, lines + 1):
        line = f"第{n}段，推进儿童友好城市建设，完善儿童公共服务体系。".encode(encoding)
        if n in bad:
            cut = len("第1段，推".encode(encoding)) + (len(str(n)) - 1)
            line = line[:cut] + bad[n] + line[cut + len("进".encode(encoding)) :]
        out.append(line)
    return b"\n".join(out)


def test_a_damaged_utf8_download_is_read_with_replacement_marks():
    # three characters lose their last byte in a ~60 KB file
    bad = {n: "进".encode()[:-1] for n in (15, 190, 720)}
    data = _damaged("utf-8", 800, bad)
    assert len(data) > 60_000
    text, used, warnings = decode(data, "damaged.txt")
    assert used == "utf-8"
    assert warnings == ["damaged bytes read as U+FFFD (replacement marks): lines 15, 190, 720"]
    assert text.split("\n")[14] == "第15段，推\ufffd儿童友好城市建设，完善儿童公共服务体系。"


def test_one_bad_byte_in_a_gbk_file_is_read_with_a_replacement_mark():
    data = _damaged("gbk", 40, {7: b"\xff"})
    text, used, warnings = decode(data, "damaged.txt")
    assert used == "gb18030"
    assert warnings == ["damaged bytes read as U+FFFD (replacement marks): line 7"]
    assert "\ufffd" in text.split("\n")[6]


def test_the_damage_warning_reaches_the_record():
    result = read_data(_damaged("utf-8", 30, {3: b"\xe8\xbf"}), "damaged.txt")
    assert result.warnings == ["damaged bytes read as U+FFFD (replacement marks): line 3"]


def test_a_file_mostly_not_text_is_still_refused():
    data = bytes(range(0x81, 0xFF)) * 30 + "儿童".encode("gbk")
    with pytest.raises(DecodeError):
        decode(data, "noise.txt")


def _table(text):
    blocks, _ = blocks_from_text(text, "t.txt")
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
    text = (
        "\t类别\n\t指标\n\n属性\n\t责任单位\n\n\t健康\n\t5\n\t区公安局、\n\n区教委\n\n\t\n\t6\n"
        "\t约束性\n\t区卫生健康委\n"
    )
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
    text = (
        "专栏5 重点工程\n\n\t甲工程。内容一。\n\n乙工程。内容二。\n丙项目。内容三。\n\n\n（四）"
        "下一节\n"
    )
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
