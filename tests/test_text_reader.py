"""Decoding and Word-dump table reconstruction of the text reader."""

import codecs

import pytest

from govdocparse.errors import DecodeError, EmptyInputError
from govdocparse.readers import read_data, sniff
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


@pytest.mark.parametrize(
    ("codec", "used"),
    # a Taiwan or Hong Kong mirror's copy, or an old editor's save of a traditional-character
    # page (Big5); a mainland mirror's save of the same copy (GBK, whose traditional characters
    # lie outside GB2312)
    [("big5", "big5hkscs"), ("gbk", "gb18030")],
)
def test_a_traditional_copy_reads_as_its_utf8_twin(codec, used):
    twin = "某縣人民政府辦公室關於印發某縣兒童發展規劃的通知\n各鄉鎮人民政府：\n請認真貫徹執行。\n"
    assert decode(twin.encode(codec), "x.txt") == (twin, used, [])


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_with_a_warning(codec):
    # a Windows tool's "Unicode" save without its mark: NUL bytes, but text
    text, used, warnings = decode(_NOTICE.encode(codec), "x.txt")
    assert (text, used) == (_NOTICE, codec)
    assert warnings == [f"{codec.upper()} text without a byte-order mark"]


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


# A text copy of a PDF page: lines broken at the page's width (28 characters to a line, 公文),
# paragraphs opened by an indent.
WRAPPED = """\u3000\u3000为加快补齐学前教育短板，推动全市学前教育普及普惠安全
优质发展，制定本方案。
\u3000\u3000一、工作目标
\u3000\u3000到2020年，全市学前三年毛入园率达到95%以上，普惠性幼
儿园覆盖率达到85%以上，公办园在园幼儿占比达到50%以上。
\u3000\u3000（一）扩大公办资源。各县（区）要利用闲置校舍、厂房等
资源改扩建公办幼儿园，2020年底前新增公办学位6000个。
\u3000\u3000（二）扶持普惠民办园。对认定为普惠性民办幼儿园的，按
在园幼儿数给予生均补助。
某某市人民政府办公室
2019年6月18日
"""


def test_a_pdf_copy_wrapped_at_the_page_width_gives_its_paragraphs_whole():
    blocks, _ = blocks_from_text(WRAPPED, "x.txt")
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert texts[2] == (
        "到2020年，全市学前三年毛入园率达到95%以上，普惠性幼儿园覆盖率达到85%以上，"
        "公办园在园幼儿占比达到50%以上。"
    )
    assert blocks[2].prov.lines == (4, 5)
    # a paragraph's first line, a heading and the signature are lines of their own
    assert texts[1] == "一、工作目标"
    assert texts[-2:] == ["某某市人民政府办公室", "2019年6月18日"]


def test_lines_of_one_paragraph_each_are_never_joined():
    # a web copy: one paragraph a line, of any length; headings, titles and rows of names
    # in columns end without punctuation, and no width is common to them
    text = (
        "某县人民政府关于加强困境儿童保障工作的实施意见\n"
        "某政发〔2024〕6号\n"
        "各镇人民政府，县政府各工作部门、直属机构：\n"
        "一、总体要求\n"
        "到2025年，全县困境儿童基本生活保障覆盖率达到100%，困境儿童入学率保持在99%以上，"
        "镇村两级儿童督导员、儿童主任配备率达到100%。\n"
        "二、县民政局牵头建立困境儿童保障工作联席会议制度\n"
        "每半年召开1次会议，研究解决重点问题。\n"
        "西安市雁塔区张文华家庭\u3000西安市碑林区李秀兰家庭\u3000西安市未央区王建军家庭\n"
        "宝鸡市金台区赵丽娟家庭\u3000宝鸡市陈仓区刘志强家庭\u3000咸阳市秦都区孙桂芳家庭\n"
        "延安市宝塔区桥沟街道办事处\u3000汉中市南郑区民政局\u3000榆林市横山区教育局\n"
    )
    blocks, _ = blocks_from_text(text, "x.txt")
    assert len(blocks) == 10


def test_text_that_mentions_html_markup_is_still_text():
    # Found by the property test: a line starting with <HTML inside a text file made the
    # whole file HTML, so the file and parse_text of its text gave different records.
    assert sniff("总体要求\n<HTML".encode(), "notes.txt") == "txt"
    assert sniff(b"\n  <!DOCTYPE html><html><body>x", "page") == "html"
    assert sniff("<html><body>x".encode("utf-16"), "page") == "html"


_NOTICE = (
    "青禾县人民政府办公室关于印发青禾县儿童发展规划的通知\n各乡镇人民政府：\n请认真贯彻执行。\n"
)


@pytest.mark.parametrize("garbling", ["latin-1", "gbk"])
def test_a_copy_garbled_through_another_encoding_is_put_back_with_a_warning(garbling):
    # a mirror's 乱码: the UTF-8 bytes read as Latin-1 (lossless) or as GBK (bytes it cannot
    # pair are lost), then saved again as UTF-8
    garbled = _NOTICE.encode("utf-8").decode(garbling, errors="replace")
    text, used, warnings = decode(garbled.encode("utf-8"), "x.txt")
    assert used == "utf-8" and warnings[0].startswith("UTF-8 text garbled once")
    if garbling == "latin-1":
        assert (text, warnings) == (_NOTICE, [warnings[0]])
    else:
        assert "县人民政府办公室关于印发" in text
        assert "replacement marks" in warnings[0]


def test_chinese_text_is_no_garbled_copy():
    # the last one found by the decoding property test: common characters whose GB18030 bytes
    # happen to read as UTF-8
    for text in (
        _NOTICE,
        "第一条　为保障儿童权利，制定本办法。" * 40,
        "Café 儿童 naïve",
        "组织实施\n组织实施\n\t\n\t",
        "\x80\n0\n" * 20,  # C1 controls that Latin-1 bytes would make a few stray characters of
    ):
        assert decode(text.encode("utf-8"), "x.txt") == (text, "utf-8", [])
