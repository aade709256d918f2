"""The OFD reader on the fixtures written by scripts/make_ofd.py, and on damaged OFD packages."""

from __future__ import annotations

import io
import zipfile

import pytest

from govdocparse import errors, parse
from govdocparse.readers import read, read_data
from govdocparse.source import Paragraph, TableBlock

from .support import FIXTURES, script

OFD_FIXTURES = FIXTURES / "ofd"
NOTICE = OFD_FIXTURES / "notice.ofd"
MIB = 1024 * 1024

make_ofd = script("make_ofd")

# (page, first and last line on the page, text) of every paragraph, in reading order.
EXPECTED_PARAGRAPHS = [
    (1, (1, 1), "青溪县人民政府文件"),
    (1, (2, 2), "青府发〔2023〕15号"),
    (1, (3, 3), "青溪县人民政府关于印发青溪县儿童友好城市建设"),
    (1, (4, 4), "实施方案（2023—2025年）的通知"),
    (1, (5, 5), "各乡镇人民政府，县政府各部门："),
    (
        1,
        (6, 8),
        "现将《青溪县儿童友好城市建设实施方案（2023—2025年）》印发给你们，请结合实际认真"
        "组织实施。实施中遇到的问题，请及时向县发展改革局反映。",
    ),
    (1, (9, 9), "青溪县人民政府"),
    (1, (10, 10), "2023年6月8日"),
    (1, (11, 11), "（此件公开发布）"),
    (2, (1, 1), "青溪县儿童友好城市建设实施方案（2023—2025年）"),
    (2, (2, 2), "一、总体要求"),
    (
        2,
        (3, 5),
        "坚持儿童优先发展，从社会政策、公共服务、权利保障、成长空间、发展环境五个方面推进"
        "儿童友好城市建设，到2025年，儿童友好理念深入人心。",
    ),
    (2, (6, 6), "二、主要目标"),
    (2, (7, 7), "（一）健康与教育目标。"),
    (
        2,
        (8, 12),  # runs on over the page break: its first page and its lines there
        "（二）空间与环境目标。新建和改扩建一批儿童友好公园、儿童友好街区和儿童之家，"
        "公共场所母婴室配置率达到100%，学校周边交通安全设施配置率达到100%，儿童出行更加"
        "安全便利，儿童参与社区事务的渠道更加畅通，全县形成关爱儿童成长的良好氛围，"
        "儿童友好城市建设成效明显，群众满意度持续提高，示范带动作用进一步增强。",
    ),
    (3, (2, 2), "三、保障措施"),
    (3, (3, 4), "各部门要按照职责分工，细化工作措施，确保各项任务落到实处。"),
    (3, (5, 5), "青溪县人民政府办公室 2023年6月8日印发"),
]
# (grid column, text, rowspan, colspan, merged) of each cell, row by row.
EXPECTED_TABLE = [
    [(0, "领域", 1, 1, False), (1, "指标", 1, 1, False), (2, "目标值", 1, 1, False)],
    [(0, "健康", 2, 1, False), (1, "婴儿死亡率（‰）", 1, 1, False), (2, "＜5", 1, 1, False)],
    [(0, "", 1, 1, True), (1, "5岁以下儿童死亡率（‰）", 1, 1, False), (2, "＜7", 1, 1, False)],
    [
        (0, "教育", 1, 1, False),
        (1, "学前教育毛入园率（%），含普惠性幼儿园和民办幼儿园在园幼儿", 1, 1, False),
        (2, "≥92%", 1, 1, False),
    ],
    [(0, "注：目标值为2025年数据。", 1, 3, False)],
]


def test_fixtures_are_current():
    """The committed fixtures are what scripts/make_ofd.py writes today (rerun it if not)."""
    pages = make_ofd.notice_pages()
    assert make_ofd.package(pages) == NOTICE.read_bytes()
    assert make_ofd.package(pages, encrypted=True) == (OFD_FIXTURES / "encrypted.ofd").read_bytes()


def test_paragraphs_in_reading_order_with_page_provenance():
    source = read(NOTICE)
    assert source.format == "ofd" and source.warnings == []
    got = [(b.prov.page, b.prov.lines, b.text) for b in source.blocks if isinstance(b, Paragraph)]
    assert got == EXPECTED_PARAGRAPHS


def test_ruled_table_with_merges():
    source = read(NOTICE)
    kinds = [type(b).__name__ for b in source.blocks]
    # the table sits between the paragraph that introduces it and the one after it
    assert kinds[13:16] == ["Paragraph", "TableBlock", "Paragraph"]
    table = source.blocks[14]
    assert isinstance(table, TableBlock) and table.prov.page == 2
    got = [
        [(c.prov.table_col, c.text, c.rowspan, c.colspan, c.merged) for c in row]
        for row in table.rows
    ]
    assert got == EXPECTED_TABLE
    assert all(
        c.prov.page == 2 and c.prov.table_row == r for r, row in enumerate(table.rows) for c in row
    )


def test_page_numbers_seal_and_signature_never_reach_the_text():
    text = "\n".join(b.text for b in read(NOTICE).blocks if isinstance(b, Paragraph))
    assert "— 1 —" not in text and "— 3 —" not in text
    # the seal's own text lives in a Stamp annotation; the issuer name occurs only as written
    assert text.count("青溪县人民政府\n") == 1


def test_parse_gives_title_number_issuer_date_and_headings():
    result = parse(NOTICE)
    notice, plan = result.documents
    assert (
        notice.title == "青溪县人民政府关于印发青溪县儿童友好城市建设实施方案（2023—2025年）的通知"
    )
    assert notice.metadata.doc_number == "青府发〔2023〕15号"
    assert notice.metadata.issuer == "青溪县人民政府"
    assert notice.metadata.date_written == "2023-06-08"
    assert plan.title == "青溪县儿童友好城市建设实施方案（2023—2025年）"
    assert [(s.number, s.title) for s in plan.sections] == [
        ("一、", "总体要求"),
        ("二、", "主要目标"),
        ("三、", "保障措施"),
    ]


def test_sniffed_from_the_content_not_the_name(tmp_path):
    renamed = tmp_path / "notice.zip"
    renamed.write_bytes(NOTICE.read_bytes())
    assert read(renamed).format == "ofd"


# --- refusals and hostile packages ---------------------------------------------------------------


def _package(parts: dict[str, bytes | str], stored: bool = False) -> bytes:
    out = io.BytesIO()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, content in parts.items():
            archive.writestr(name, content.encode() if isinstance(content, str) else content)
    return out.getvalue()


def _notice_parts() -> dict[str, bytes | str]:
    archive = zipfile.ZipFile(NOTICE)
    return {name: archive.read(name) for name in archive.namelist()}


def _with_page(content: str) -> bytes:
    parts = _notice_parts()
    parts["Doc_0/Pages/Page_0/Content.xml"] = content
    return _package(parts)


def _page(objects: str, prolog: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<ofd:Page {make_ofd.NS}><ofd:Content>'
        f'<ofd:Layer ID="1">{objects}</ofd:Layer></ofd:Content></ofd:Page>'
    )


def _refused(data: bytes, error: type[errors.GovDocError], says: str) -> None:
    with pytest.raises(error) as refused:
        read_data(data, "bad.ofd")
    message = str(refused.value)
    assert "\n" not in message and message.startswith("bad.ofd: ") and says in message


def test_encrypted_ofd_is_refused():
    with pytest.raises(errors.EncryptedFileError) as refused:
        read(OFD_FIXTURES / "encrypted.ofd")
    assert "Encryptions.xml" in str(refused.value)


def test_encrypted_zip_entries_are_refused():
    data = bytearray(NOTICE.read_bytes())
    # set the "encrypted" flag bit of the first entry in the central directory
    entry = data.index(b"PK\x01\x02")
    data[entry + 8] |= 1
    _refused(bytes(data), errors.EncryptedFileError, "encrypted ZIP entries")


def test_zip_bomb_is_refused_before_inflating():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in _notice_parts().items():
            archive.writestr(name, content)
        with archive.open("Doc_0/Pages/Page_9/Content.xml", "w", force_zip64=True) as part:
            for _ in range(256):
                part.write(b"\0" * MIB)
    _refused(out.getvalue(), errors.CorruptFileError, "zip bomb")


def test_truncated_package():
    _refused(NOTICE.read_bytes()[:2000], errors.CorruptFileError, "broken ZIP container")


def test_a_damaged_deflate_stream_is_a_damaged_ofd():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in _notice_parts().items():
            archive.writestr(name, content)
    data = bytearray(out.getvalue())
    # garble the compressed bytes of the page part (its CRC check never comes: inflate fails)
    header = data.index(b"PK\x03\x04", data.index(b"Page_0/Content.xml") - 64)
    start = header + 30 + int.from_bytes(data[header + 26 : header + 28], "little")
    data[start + 2 : start + 40] = bytes(range(38))
    _refused(
        bytes(data), errors.CorruptFileError, "Doc_0/Pages/Page_0/Content.xml cannot be unpacked"
    )


def test_missing_page_part():
    parts = _notice_parts()
    del parts["Doc_0/Pages/Page_1/Content.xml"]
    _refused(_package(parts), errors.CorruptFileError, "Doc_0/Pages/Page_1/Content.xml is missing")


def test_malformed_xml():
    _refused(_with_page("<ofd:Page"), errors.CorruptFileError, "not well-formed XML")


def test_no_doc_root():
    parts = _notice_parts()
    parts["OFD.xml"] = f"<ofd:OFD {make_ofd.NS}><ofd:DocBody/></ofd:OFD>"
    _refused(_package(parts), errors.CorruptFileError, "names no DocRoot")


def test_pages_without_text_have_no_text_layer():
    parts = _notice_parts()
    for k in range(3):
        parts[f"Doc_0/Pages/Page_{k}/Content.xml"] = _page(
            '<ofd:ImageObject ID="5" ResourceID="9" Boundary="0 0 210 297"/>'
        )
    _refused(_package(parts), errors.NoTextLayerError, "no text")


def test_external_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", encoding="utf-8")
    prolog = f'<!DOCTYPE ofd:Page [<!ENTITY leak SYSTEM "file://{secret}">]>'
    text = '<ofd:TextObject ID="5" Font="1" Size="5" Boundary="28 40 100 6">'
    text += '<ofd:TextCode X="0" Y="5">甲&leak;乙</ofd:TextCode></ofd:TextObject>'
    source = read_data(_with_page(_page(text, prolog)), "xxe.ofd")
    assert "TOPSECRET" not in "".join(b.text for b in source.blocks if isinstance(b, Paragraph))


def test_entity_expansion_is_not_performed():
    prolog = (
        '<!DOCTYPE ofd:Page [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">'
        + "".join(f'<!ENTITY {chr(98 + k)} "{("&" + chr(97 + k) + ";") * 10}">' for k in range(8))
        + "]>"
    )
    text = '<ofd:TextObject ID="5" Font="1" Size="5" Boundary="28 40 100 6">'
    text += '<ofd:TextCode X="0" Y="5">甲&i;</ofd:TextCode></ofd:TextObject>'
    try:
        source = read_data(_with_page(_page(text, prolog)), "laughs.ofd")
    except errors.CorruptFileError as refused:  # libxml2 refuses the amplification itself
        assert "\n" not in str(refused) and "not well-formed XML" in str(refused)
    else:
        assert all(len(b.text) < 10_000 for b in source.blocks if isinstance(b, Paragraph))


def test_absurd_repeat_counts_and_numbers_are_bounded():
    objects = (
        '<ofd:TextObject ID="5" Font="1" Size="5" Boundary="28 40 100 6">'
        '<ofd:TextCode X="0" Y="5" DeltaX="g 999999999999 5">甲乙丙</ofd:TextCode></ofd:TextObject>'
        '<ofd:TextObject ID="6" Font="1" Size="nan" Boundary="28 60 1e308 inf">'
        '<ofd:TextCode X="0" Y="5">丁</ofd:TextCode></ofd:TextObject>'
        '<ofd:PathObject ID="7" Boundary="0 0 1e308 1e308">'
        "<ofd:AbbreviatedData>M 0 0 L 1e308 0 L 1e308 1e308 C</ofd:AbbreviatedData>"
        "</ofd:PathObject>"
    )
    source = read_data(_with_page(_page(objects)), "absurd.ofd")
    assert any(b.text == "甲乙丙" for b in source.blocks if isinstance(b, Paragraph))


def test_deep_nesting_is_refused_or_bounded():
    objects = '<ofd:PageBlock ID="1">' * 5000 + "</ofd:PageBlock>" * 5000
    try:
        read_data(_with_page(_page(objects)), "deep.ofd")
    except errors.CorruptFileError as refused:
        assert "\n" not in str(refused)


def test_rotated_text_is_left_out():
    objects = (
        '<ofd:TextObject ID="5" Font="1" Size="5" Boundary="28 40 100 6">'
        '<ofd:TextCode X="0" Y="5">正文</ofd:TextCode></ofd:TextObject>'
        '<ofd:TextObject ID="6" Font="1" Size="5" Boundary="60 80 100 100" '
        'CTM="0.7 0.7 -0.7 0.7 0 0">'
        '<ofd:TextCode X="0" Y="5">水印</ofd:TextCode></ofd:TextObject>'
    )
    source = read_data(_with_page(_page(objects)), "rotated.ofd")
    text = "".join(b.text for b in source.blocks if isinstance(b, Paragraph))
    assert "正文" in text and "水印" not in text


def test_an_entry_offset_before_the_file_start_is_a_damaged_ofd():
    # The fuzzer's damage of notice.ofd (a run of bytes deleted): a member's recorded offset
    # now lies before the start of the file.
    _refused((OFD_FIXTURES / "bad-offset.ofd").read_bytes(), errors.CorruptFileError, "damaged OFD")


# A writer that codes text in its embedded font's own numbers: private-use code points.
_GLYPH_CODES = "".join(chr(0xE000 + n) for n in range(40))


def _coded_text() -> str:
    return _page(
        '<ofd:TextObject ID="5" Font="1" Size="5" Boundary="28 40 150 6">'
        f'<ofd:TextCode X="0" Y="5">{_GLYPH_CODES}</ofd:TextCode></ofd:TextObject>'
    )


def test_a_page_of_glyph_codes_is_left_out_with_a_warning():
    source = read_data(_with_page(_coded_text()), "coded.ofd")
    assert "page(s) 1: text of font glyph codes, not characters: their content is missing" in (
        source.warnings
    )
    text = "".join(b.text for b in source.blocks if isinstance(b, Paragraph))
    assert text and not any("\ue000" <= ch <= "\uf8ff" for ch in text)


def test_an_ofd_of_glyph_codes_only_is_refused_in_one_line():
    parts = _notice_parts()
    for name in [name for name in parts if name.endswith("/Content.xml")]:
        parts[name] = _coded_text()
    _refused(_package(parts), errors.NoTextLayerError, "text of font glyph codes, not characters")
