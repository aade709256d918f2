"""The DOCX reader: corpus renditions read back as the text dumps do, and every edge case."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import docx
import pytest

from govdocparse.errors import (
    CorruptFileError,
    EmptyInputError,
    NoTextLayerError,
    UnsupportedFormatError,
)
from govdocparse.readers import docx_reader, list_numbers, pdf_ocr, read
from govdocparse.source import Paragraph, TableBlock

from .support import CORPUS, CORPUS_STEMS, EDGE, RENDITIONS, as_paragraph, as_table, script, shape


def texts(source) -> list[str]:
    return [b.text for b in source.blocks if isinstance(b, Paragraph)]


def all_text(source) -> str:
    return "\n".join(
        b.text if isinstance(b, Paragraph) else "\n".join(c.text for row in b.rows for c in row)
        for b in source.blocks
    )


def grid(table: TableBlock):
    return [[(c.text, c.rowspan, c.colspan, c.merged) for c in row] for row in table.rows]


def read_direct(path: Path):
    return docx_reader.read(path.read_bytes(), str(path), path.name, "0" * 64)


@pytest.mark.parametrize("stem", CORPUS_STEMS)
def test_rendition_gives_the_text_dump_blocks(stem):
    text = read(CORPUS / f"{stem}.txt")
    word = read(RENDITIONS / f"{stem}.docx")
    assert word.format == "docx"
    assert shape(word.blocks) == shape(text.blocks)
    assert word.warnings == []


@pytest.mark.parametrize("stem", CORPUS_STEMS)
def test_renditions_are_current(stem):
    """The committed DOCX is what scripts/make_renditions.py writes today (rerun it if not)."""
    fresh = script("make_renditions").docx_rendition(read(CORPUS / f"{stem}.txt"))
    assert fresh == (RENDITIONS / f"{stem}.docx").read_bytes()


def test_rendition_merges_become_merged_cells_and_spans():
    source = read(RENDITIONS / "meizhou-2023-child-friendly-city.docx")
    indicators = [b for b in source.blocks if isinstance(b, TableBlock)][2]
    domain = [row[1] for row in indicators.rows[1:-1]]
    assert domain[0].text == "社会政策友好" and domain[0].rowspan == 5
    assert all(c.merged and c.text == "" for c in domain[1:5])
    assert domain[5].text == "公共服务友好" and not domain[5].merged
    note = indicators.rows[-1]
    assert len(note) == 1 and note[0].colspan == 6 and note[0].text.startswith("说明：")


def test_provenance_counts_body_blocks():
    path = RENDITIONS / "meizhou-2023-child-friendly-city.docx"
    source = read(path)
    items = list(docx.Document(str(path)).iter_inner_content())
    for block in source.blocks:
        assert block.prov.paragraph
        item = items[block.prov.paragraph - 1]
        if isinstance(block, Paragraph):
            assert not isinstance(item, docx.table.Table)
            assert item.text.strip() == block.text
        else:
            assert isinstance(item, docx.table.Table)
            assert all(c.prov.paragraph == block.prov.paragraph for row in block.rows for c in row)
    table = next(b for b in source.blocks if isinstance(b, TableBlock))
    assert (table.rows[2][3].prov.table_row, table.rows[2][3].prov.table_col) == (2, 3)
    assert table.rows[2][3].prov.file == path.name


def test_merged_cells_both_directions():
    source = read(EDGE / "merged-cells.docx")
    assert texts(source) == ["合并单元格测试", "表后段落"]
    table = as_table(source.blocks[1])
    assert grid(table) == [
        [
            ("类别", 1, 1, False),
            ("序号", 1, 1, False),
            ("指标", 1, 1, False),
            ("目标", 1, 1, False),
        ],
        [("妇女与健康（跨两列）", 1, 2, False), ("指标A", 1, 1, False), ("≥90", 1, 1, False)],
        [
            ("儿童与教育", 3, 1, False),
            ("1", 1, 1, False),
            ("第一行\n第二行", 1, 1, False),
            ("两段一\n两段二", 1, 1, False),
        ],
        [("", 1, 1, True), ("2", 1, 1, False), ("跨两列两行", 2, 2, False)],
        [("", 1, 1, True), ("3", 1, 1, False), ("", 1, 2, True)],
    ]
    # grid coordinates skip the columns a span covers
    assert [c.prov.table_col for c in table.rows[1]] == [0, 2, 3]
    assert [c.prov.table_col for c in table.rows[4]] == [0, 1, 2]


def test_automatic_numbering_is_recovered():
    source = read(EDGE / "numbering.docx")
    assert texts(source) == [
        "一、总体要求",
        "（一）指导思想",
        "（二）基本原则",
        "1．坚持党的领导",
        "2．坚持依法保护",
        "二、重点任务",
        "（一）完善政策体系",
        "泰文字母编号",
        "项目符号",
        "5. 从五开始",
        "附件",
    ]
    assert as_paragraph(source.blocks[0]).style == "Heading 1"
    assert source.warnings == ["automatic numbering not recovered in 1 paragraphs"]


@pytest.mark.parametrize(
    "n, fmt, expected",
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCounting", "十一"),
        (20, "chineseCounting", "二十"),
        (21, "chineseCounting", "二十一"),
        (101, "chineseCounting", "一百零一"),
        (110, "chineseCounting", "一百一十"),
        (12, "chineseLegalSimplified", "壹拾贰"),
        (10, "ideographDigital", "一〇"),
        (3, "ideographTraditional", "丙"),
        (3, "decimalEnclosedCircle", "③"),
        (2, "decimalEnclosedParen", "⑵"),
        (12, "decimalFullWidth", "１２"),
        (7, "decimalZero", "07"),
        (4, "upperRoman", "IV"),
        (27, "lowerLetter", "aa"),
    ],
)
def test_number_formats(n, fmt, expected):
    assert list_numbers.format_number(n, fmt) == expected


def test_field_codes_bookmarks_and_other_hidden_parts_are_dropped():
    source = read(EDGE / "fields.docx")
    assert texts(source) == [
        "四、组织实施",
        "加强科技馆建设",
        "一、总体要求\t1",
        "二、重点任务\t3",
        "第7页",
        "保留插入的文字",
        "有批注的句子",
        "有脚注的句子",
        "可见",
        "外部链接文字",
        "第一行",
        "第二行",
        "第三行",
        "内容控件中的段落",
    ]
    text = all_text(source)
    for residue in (
        "HYPERLINK",
        "file:///",
        "_Toc",
        "TOC",
        "PAGEREF",
        "_GoBack",
        "删除的文字",
        "批注内容",
        "脚注内容",
        "页眉文字",
        "隐藏",
    ):
        assert residue not in text
    # the lines of one paragraph split at w:br/w:cr share its provenance
    assert {
        b.prov.paragraph
        for b in source.blocks
        if isinstance(b, Paragraph) and b.text.startswith("第") and "行" in b.text
    } == {11}


def test_external_entities_are_never_resolved():
    source = read(EDGE / "external-entity.docx")
    assert texts(source) == ["安全前后"]
    assert "root:" not in all_text(source)
    assert any("entity" in w for w in source.warnings)


def test_a_main_part_whose_root_is_not_w_document_is_corrupt():
    # the fuzzer's find: bytes flipped in the root tag left python-docx a part with no body
    from govdocparse.readers import read_data

    source = io.BytesIO((RENDITIONS / "wanzhou-2018-children-policy.docx").read_bytes())
    out = io.BytesIO()
    with zipfile.ZipFile(source) as package, zipfile.ZipFile(out, "w") as damaged:
        for item in package.infolist():
            part = package.read(item)
            if item.filename == "word/document.xml":
                part = part.replace(b"<w:document ", b"<w:documenx ")
                part = part.replace(b"</w:document>", b"</w:documenx>")
            damaged.writestr(item, part)
    with pytest.raises(CorruptFileError) as caught:
        read_data(out.getvalue(), "bad.docx")
    assert (
        str(caught.value) == "bad.docx: damaged Word document (its main part is not a w:document)"
    )


def test_truncated_docx_is_corrupt():
    path = EDGE / "truncated.docx"
    for reader in (read, read_direct):
        with pytest.raises(CorruptFileError) as caught:
            reader(path)
        assert str(path) in str(caught.value) and "broken ZIP" in str(caught.value)


def test_zip_bomb_is_refused_before_inflating():
    path = EDGE / "zip-bomb.docx"
    assert path.stat().st_size < 100_000
    for reader in (read, read_direct):
        with pytest.raises(CorruptFileError) as caught:
            reader(path)
        message = str(caught.value)
        assert str(path) in message and "zip bomb" in message and "word/document.xml" in message


def test_zip_bomb_declared_size_is_refused():
    """A central directory that declares a 300 MB part is refused whatever the data says."""
    data = (EDGE / "merged-cells.docx").read_bytes()
    header = data.index(b"PK\x01\x02")  # first central directory entry; its size field is at +24
    patched = data[: header + 24] + struct.pack("<I", 300 * 1024 * 1024) + data[header + 28 :]
    assert (
        max(i.file_size for i in zipfile.ZipFile(io.BytesIO(patched)).infolist())
        == 300 * 1024 * 1024
    )
    with pytest.raises(CorruptFileError, match="zip bomb"):
        docx_reader.read(patched, "declared.docx", "declared.docx", "")


def test_missing_main_part():
    path = EDGE / "no-document.docx"
    with pytest.raises(CorruptFileError) as caught:
        read_direct(path)
    assert str(path) in str(caught.value) and "word/document.xml" in str(caught.value)
    # readers.read sniffs the ZIP first and names it as not a Word document at all
    with pytest.raises(UnsupportedFormatError):
        read(path)


def _saved(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_document_without_text_is_empty():
    document = docx.Document()
    document.add_paragraph("   ")
    with pytest.raises(EmptyInputError, match=r"blank\.docx: the Word document has no text"):
        docx_reader.read(_saved(document), "blank.docx", "blank.docx", "")


def _png() -> bytes:
    """A 1×1 grey PNG."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x80"))
        + chunk(b"IEND", b"")
    )


def test_document_of_images_is_a_scan_without_the_ocr_extra(monkeypatch):
    monkeypatch.setattr(pdf_ocr, "available", lambda: False)
    document = docx.Document()
    document.add_picture(io.BytesIO(_png()))
    with pytest.raises(NoTextLayerError, match=r"scan\.docx: scanned pages, no text layer"):
        docx_reader.read(_saved(document), "scan.docx", "scan.docx", "")
