"""The .doc/.wps reader on the Word 97 fixtures written by scripts/make_doc.py.

The fixture notice exercises pieces of both encodings, fields, breaks, styles and a table with
every kind of merge; its expected block stream is written out below as data. Variants and
damaged files check that each unreadable kind is refused in one line naming it.
"""

from __future__ import annotations

import random
import struct
from pathlib import Path

import olefile
import pytest

from govdocparse import errors, parse
from govdocparse.readers import read, read_data
from govdocparse.source import Paragraph, Source, TableBlock

from .support import FIXTURES, script

DOC_FIXTURES = FIXTURES / "doc"
NOTICE = DOC_FIXTURES / "notice.doc"

make_doc = script("make_doc")

# (paragraph index, style, text) of every paragraph line of the notice, in order.
EXPECTED_PARAGRAPHS = [
    (1, None, "白石市人民政府办公室关于做好2024年防汛工作的通知"),
    (2, None, "白石府办发〔2024〕7号"),
    (3, None, "各区县人民政府，市政府有关部门："),
    (4, None, "根据《白石市防汛条例》有关规定，现将有关事项通知如下。"),
    (5, "Heading 1", "一、压实防汛责任"),
    (6, None, "各地要落实"),
    (6, None, "行政首长负责制，汛期实行24-小时值班。"),
    (7, None, "值班表如下："),
    (10, "Heading 1", "二、加强监测预警"),
    (11, None, "会商会议于今日召开。"),  # a deleted revision and hidden text left out
    (12, None, "第一部分到此结束"),
    (13, None, "前页内容"),
    (13, None, "后页内容"),
    (14, None, "白石市人民政府办公室"),
    (15, None, "2024年5月6日"),
]
# (text, rowspan, colspan, merged) of each cell, row by row, with its grid column.
EXPECTED_TABLE = [
    [(0, "区域", 1, 1, False), (1, "责任人", 1, 2, False)],
    [(0, "东区", 2, 1, False), (1, "张三", 1, 1, False), (2, "李四", 1, 1, False)],
    [(0, "", 1, 1, True), (1, "王五", 1, 1, False), (2, "赵六\n第二段", 1, 1, False)],
    [(0, "合计", 1, 1, False), (1, "共三人", 1, 2, False)],
]


def _paragraphs(source: Source) -> list[tuple[int | None, str | None, str]]:
    return [(b.prov.paragraph, b.style, b.text) for b in source.blocks if isinstance(b, Paragraph)]


def test_fixtures_are_current():
    """The committed fixtures are what scripts/make_doc.py writes today (rerun it if not)."""
    notice = make_doc.notice()
    assert make_doc.word_file(notice) == NOTICE.read_bytes()
    assert make_doc.word_file(notice, nfib=104) == (DOC_FIXTURES / "word95.doc").read_bytes()


@pytest.mark.parametrize("name", ["notice.doc", "notice-0table.wps"])
def test_block_stream_of_the_notice(name):
    source = read(DOC_FIXTURES / name)
    assert source.format == "doc" and source.warnings == []
    assert _paragraphs(source) == EXPECTED_PARAGRAPHS


@pytest.mark.parametrize(
    "moved",
    [
        [0],  # a paragraph of a compressed piece between two UTF-16 ones
        [3, 5],  # a hyperlink field's result; a line break and a hidden soft hyphen
        [9, 19],  # a cell; a row end whose properties are a huge PAPX in the Data stream
        [25, 26],  # a deleted revision and hidden text; a section break
    ],
)
def test_a_fast_saved_file_reads_as_the_full_save(moved):
    """Fast save (fComplex) appends edited paragraphs after all other text: their pieces are
    out of stream order and carry a Prm naming a Prc, which sits before the PlcPcd."""
    paragraphs = make_doc.notice()
    for k in moved:
        paragraphs[k].moved = True
    source = read_data(make_doc.word_file(paragraphs), "fast-saved.doc")
    full = read(NOTICE)
    assert source.warnings == []
    assert _paragraphs(source) == EXPECTED_PARAGRAPHS
    assert _cells(source) == _cells(full)


def _cells(source: Source) -> list[tuple[str, int, int, bool, int | None, int | None]]:
    return [
        (c.text, c.rowspan, c.colspan, c.merged, c.prov.table_row, c.prov.table_col)
        for b in source.blocks
        if isinstance(b, TableBlock)
        for row in b.rows
        for c in row
    ]


def test_automatic_numbering_is_rebuilt_as_the_docx_reader_does():
    """numbering.doc is LibreOffice's Word 97 export of the DOCX numbering fixture: its list
    paragraphs carry no number in the text, only a list override and level."""
    doc = read(DOC_FIXTURES / "numbering.doc")
    docx = read(FIXTURES / "edge" / "numbering.docx")
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert texts == [b.text for b in docx.blocks if isinstance(b, Paragraph)]
    assert texts[:4] == ["一、总体要求", "（一）指导思想", "（二）基本原则", "1．坚持党的领导"]
    assert doc.warnings == docx.warnings == ["automatic numbering not recovered in 1 paragraphs"]


def test_table_cells_merges_and_provenance():
    source = read(NOTICE)
    tables = [b for b in source.blocks if isinstance(b, TableBlock)]
    assert len(tables) == 1
    table = tables[0]
    # the blank paragraph before it counts as block 8, so the table is block 9
    assert table.prov.paragraph == 9
    got = [
        [(c.prov.table_col, c.text, c.rowspan, c.colspan, c.merged) for c in row]
        for row in table.rows
    ]
    assert got == EXPECTED_TABLE
    assert [[c.prov.table_row for c in row] for row in table.rows] == [
        [0, 0],
        [1, 1, 1],
        [2, 2, 2],
        [3, 3],
    ]
    assert all(c.prov.paragraph == 9 for row in table.rows for c in row)


def test_header_text_after_the_main_text_is_left_out():
    text = "".join(b.text for b in read(NOTICE).blocks if isinstance(b, Paragraph))
    assert "页眉" not in text


def test_field_codes_and_anchors_never_reach_the_text():
    text = "\n".join(b.text for b in read(NOTICE).blocks if isinstance(b, Paragraph))
    for residue in ("HYPERLINK", "example.invalid", "PAGE", "IF", "\x01", "\x02", "\x13"):
        assert residue not in text


LINK = '\x13 HYPERLINK "http://a.invalid/" \x14'


@pytest.mark.parametrize(
    "runs, shown",
    [
        # a field in another's result: the inner result is shown where it stands
        ([(f"详见{LINK}第\x13 PAGE \x143\x15页\x15。", False)], "详见第3页。"),
        # a result running over an 8-bit piece between UTF-16 ones
        ([(f"见{LINK}附件", False), ("2024", True), ("年表\x15", False)], "见附件2024年表"),
    ],
)
def test_nested_field_results_are_shown(runs, shown):
    paragraph = make_doc.Para([*runs, ("\r", False)])
    source = read_data(make_doc.word_file([paragraph]), "fields.doc")
    assert _paragraphs(source) == [(1, None, shown)]


def test_parse_gives_title_issuer_date_and_headings():
    document = parse(NOTICE).documents[0]
    assert document.title == "白石市人民政府办公室关于做好2024年防汛工作的通知"
    assert document.metadata.issuer == "白石市人民政府办公室"
    assert document.metadata.date_written == "2024-05-06"
    assert [(s.number, s.title) for s in document.sections] == [
        ("一、", "压实防汛责任"),
        ("二、", "加强监测预警"),
    ]


def test_extension_is_only_a_hint(tmp_path):
    renamed = tmp_path / "notice.txt"
    renamed.write_bytes(NOTICE.read_bytes())
    source = read(renamed)
    assert source.format == "doc"
    assert source.warnings == ["content is DOC although the name ends in .txt: read as DOC"]
    wps = read(DOC_FIXTURES / "notice-0table.wps")
    assert wps.warnings == []


REFUSALS = [
    ("word95.doc", errors.UnsupportedFormatError, "Word 6.0/95"),
    ("encrypted.doc", errors.EncryptedFileError, "password-protected Word document"),
    ("budget.doc", errors.UnsupportedFormatError, "an Excel workbook, not a document"),
    ("works.wps", errors.UnsupportedFormatError, "Microsoft Works"),
    ("unknown.doc", errors.UnsupportedFormatError, "no WordDocument stream"),
]


@pytest.mark.parametrize(("name", "error", "says"), REFUSALS, ids=[r[0] for r in REFUSALS])
def test_unreadable_variants_are_refused_by_name(name, error, says):
    path = DOC_FIXTURES / name
    with pytest.raises(error) as refused:
        read(path)
    message = str(refused.value)
    assert "\n" not in message and message.startswith(f"{path}: ") and says in message


# --- damaged and hostile files ------------------------------------------------------------------


def _streams(path: Path = NOTICE) -> dict[str, bytes]:
    with olefile.OleFileIO(str(path)) as ole:
        return {"/".join(entry): ole.openstream(entry).read() for entry in ole.listdir()}


def _fib_pair(word: bytes | bytearray, index: int) -> tuple[int, int]:
    return struct.unpack_from("<II", word, 0x9A + 8 * index)


def _refused(data: bytes, error: type[errors.GovDocError], says: str) -> None:
    with pytest.raises(error) as refused:
        read_data(data, "bad.doc")
    assert "\n" not in str(refused.value) and says in str(refused.value)


def test_truncated_compound_file():
    _refused(NOTICE.read_bytes()[:3000], errors.CorruptFileError, "damaged OLE compound file")


def test_fat_pointing_outside_the_file():
    data = bytearray(NOTICE.read_bytes())
    fat_sector = struct.unpack_from("<I", data, 76)[0]
    start = 512 * (fat_sector + 1)
    data[start : start + 512] = struct.pack("<128I", *([0x7FFFFF00] * 128))
    # olefile stops a chain at the first bad sector index; what it read is then not Word's
    _refused(bytes(data), errors.CorruptFileError, "damaged Word document")


def test_stream_declaring_more_bytes_than_the_file_is_refused_before_reading():
    data = bytearray(NOTICE.read_bytes())
    directory = 512 * (struct.unpack_from("<I", data, 48)[0] + 1)
    for entry in range(directory, directory + 512, 128):
        if data[entry : entry + 24] == "WordDocument".encode("utf-16-le"):
            struct.pack_into("<Q", data, entry + 120, 0xFFFFFFF0)
    _refused(bytes(data), errors.CorruptFileError, "damaged OLE compound file")


def _rewrapped(streams: dict[str, bytes]) -> bytes:
    return make_doc.compound_file(streams)


def test_piece_table_pointing_past_the_text():
    streams = _streams()
    table = bytearray(streams["1Table"])
    fc, _lcb = _fib_pair(streams["WordDocument"], 33)
    pieces = (struct.unpack_from("<I", table, fc + 1)[0] - 4) // 12
    struct.pack_into("<I", table, fc + 5 + 4 * (pieces + 1) + 2, 0x3FFFFFF0)
    streams["1Table"] = bytes(table)
    _refused(_rewrapped(streams), errors.CorruptFileError, "text past the end of the stream")


def test_piece_table_with_a_wrong_length():
    streams = _streams()
    table = bytearray(streams["1Table"])
    fc, _lcb = _fib_pair(streams["WordDocument"], 33)
    struct.pack_into("<I", table, fc + 1, 0xFFFF)
    streams["1Table"] = bytes(table)
    _refused(_rewrapped(streams), errors.CorruptFileError, "bad piece table")


def test_structure_outside_the_table_stream_is_a_warning_not_a_crash():
    streams = _streams()
    word = bytearray(streams["WordDocument"])
    struct.pack_into("<II", word, 0x9A + 8 * 1, 10**6, 50)  # the style sheet
    streams["WordDocument"] = bytes(word)
    source = read_data(_rewrapped(streams), "stsh.doc")
    assert source.warnings == ["a table-stream structure points past the end of the stream"]
    assert [p[2] for p in _paragraphs(source)] == [p[2] for p in EXPECTED_PARAGRAPHS]


def test_garbage_paragraph_properties_keep_the_text():
    streams = _streams()
    word = bytearray(streams["WordDocument"])
    fc, lcb = _fib_pair(word, 13)
    table = streams["1Table"]
    pages = struct.unpack_from(f"<{(lcb - 4) // 8}I", table, fc + 4 * ((lcb - 4) // 8 + 1))
    noise = random.Random(11)
    for pn in pages:
        word[512 * pn : 512 * (pn + 1)] = noise.randbytes(512)
    streams["WordDocument"] = bytes(word)
    source = read_data(_rewrapped(streams), "fkp.doc")
    text = "".join(
        b.text if isinstance(b, Paragraph) else "".join(c.text for r in b.rows for c in r)
        for b in source.blocks
    )
    assert "白石府办发〔2024〕7号" in text and "赵六" in text


@pytest.mark.parametrize(
    "fixture, names",
    [
        ("notice.doc", ["WordDocument", "1Table", "Data"]),
        # list tables, a text box story and OfficeArt drawings, as LibreOffice writes them
        ("numbering.doc", ["WordDocument", "1Table"]),
        ("text-box-libreoffice.doc", ["WordDocument", "1Table"]),
        ("wordart-libreoffice.doc", ["1Table", "1Table", "WordDocument"]),
    ],
)
def test_random_damage_gives_a_source_or_a_typed_error(fixture, names):
    streams = _streams(DOC_FIXTURES / fixture)
    noise = random.Random(5)
    outcomes = set()
    for _ in range(60):
        damaged = dict(streams)
        name = noise.choice(names)
        stream = bytearray(damaged[name])
        for _ in range(noise.randint(1, 40)):
            stream[noise.randrange(len(stream))] = noise.randrange(256)
        damaged[name] = bytes(stream)
        try:
            read_data(_rewrapped(damaged), "fuzz.doc")
            outcomes.add("read")
        except errors.GovDocError as exc:
            assert "\n" not in str(exc)
            outcomes.add(type(exc).__name__)
    assert "read" in outcomes


def test_absurd_cell_counts_are_capped():
    paragraphs = [
        make_doc.Para([("甲\x07", False)], make_doc.cell_props()),
        make_doc.Para(
            [("\x07", False)],
            make_doc.row_end(list(range(0, 256 * 10, 10)), [(0, 0)] * 255),
            huge=True,
        ),
        make_doc.Para([("正文\r", False)]),
    ]
    source = read_data(make_doc.word_file(paragraphs), "wide.doc")
    table = next(b for b in source.blocks if isinstance(b, TableBlock))
    assert [[c.text for c in row] for row in table.rows] == [["甲"]]


def test_document_without_text_is_empty():
    data = make_doc.word_file([make_doc.Para([("\r", False)]), make_doc.Para([("\r", False)])])
    _refused(data, errors.EmptyInputError, "no text")


def test_olefile_is_given_a_file_object_even_for_tiny_inputs(tmp_path):
    # olefile takes a short bytes argument for a file name; the reader must never let it.
    tiny = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(8)
    with pytest.raises(errors.CorruptFileError):
        read_data(tiny, str(tmp_path / "tiny.doc"))


def test_nested_table_is_flattened_into_its_cell():
    def nested(*sprms: bytes) -> bytes:
        return (
            make_doc.sprm(0x2416, b"\x01")
            + make_doc.sprm(0x6649, struct.pack("<i", 2))
            + b"".join(sprms)
        )

    paragraphs = [
        make_doc.Para([("外层\x07", False)], make_doc.cell_props()),
        make_doc.Para([("内甲\r", False)], nested(make_doc.sprm(0x244B, b"\x01"))),
        make_doc.Para([("内乙\r", False)], nested(make_doc.sprm(0x244B, b"\x01"))),
        make_doc.Para([("\r", False)], nested(make_doc.sprm(0x244C, b"\x01"))),
        make_doc.Para([("\x07", False)], make_doc.cell_props()),
        make_doc.Para([("\x07", False)], make_doc.row_end([0, 3000, 6000], [(0, 0), (0, 0)])),
        make_doc.Para([("正文\r", False)]),
    ]
    source = read_data(make_doc.word_file(paragraphs), "nested.doc")
    table, after = source.blocks
    assert isinstance(table, TableBlock) and isinstance(after, Paragraph)
    assert [[c.text for c in row] for row in table.rows] == [["外层", "内甲\n内乙"]]
    assert (table.prov.paragraph, after.prov.paragraph, after.text) == (1, 2, "正文")


def test_a_directory_nested_past_any_depth_is_a_damaged_file():
    # The fuzzer's damage of numbering.doc (a duplicated run of bytes) left its directory
    # entries naming each other a thousand levels deep: olefile's listing recursed out.
    with pytest.raises(errors.CorruptFileError) as refused:
        read(DOC_FIXTURES / "deep-directory.doc")
    assert str(refused.value).endswith("damaged OLE compound file (a looping directory)")
