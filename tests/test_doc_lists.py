"""Automatic list numbering in .doc (readers/doc_lists.py) and the number table both Word readers
share (readers/list_numbers.py).

The fixture pair tests/fixtures/doc/lists.docx / lists.doc is written by scripts/make_doc_lists.py
(the .doc is LibreOffice's Word 97 save of the .docx); what LibreOffice never writes (LFO
overrides, fNoRestart, linked styles, damaged tables) is tested on list tables built here.
"""

from __future__ import annotations

import shutil
import struct

import olefile
import pytest

from govdocparse import parse
from govdocparse.readers import doc_reader, docx_reader, read
from govdocparse.readers.doc_lists import ListNumbering
from govdocparse.readers.list_numbers import MSONFC, Level, ListCounters, format_number
from govdocparse.source import Paragraph, TableBlock

from .support import FIXTURES, as_paragraph, script, shape

LISTS = FIXTURES / "doc"

# The paragraphs of the fixture: every number here comes from a list definition.
EXPECTED = [
    "白石市推进全民阅读工作方案",
    "为建设书香城市，制定本方案。",
    "一、总体要求",
    "（一）指导思想",
    "坚持以人民为中心，推动阅读服务均衡发展。",
    "（二）工作目标",
    "1.到2027年基本建成覆盖城乡的阅读服务体系",
    "2.公共图书馆年接待读者增长",
    "(1)市级馆",
    "(2)县级馆",
    "①社区书屋",
    "②农家书屋",
    "二、重点任务",
    "（一）完善设施网络",
    "1.建设城市书房",  # restarted under a new heading
    "以上任务由市文化旅游局牵头。",
    "（二）丰富阅读活动",  # continued after the body paragraph between
    "1.举办读书节",
    "三、保障措施",
    "（一）组织领导",  # numbered by a style based on a numbered style
    "第一条 本方案自印发之日起施行。",
    "第二条 由市文化旅游局负责解释。",
    "壹、组织保障",  # a tab after the number is dropped
    "贰、经费保障",
    "甲、第一批",
    "乙、第二批",
    "丙、第三批",
    "A. Reading rooms",  # a space after the number is kept
    "B. Book fairs",
    "i)first",
    "ii)second",
    "iii)third",
    "iv)fourth",
    "３．全角编号从三开始",
    "４．全角编号继续",
    "项目符号一",  # bullets add nothing
    "项目符号二",
    "5. 从五开始",
    "附件：任务分工表",
]


@pytest.mark.parametrize("name", ["lists.docx", "lists.doc"])
def test_automatic_numbers_are_recovered(name):
    source = read(LISTS / name)
    assert [b.text for b in source.blocks if isinstance(b, Paragraph)] == EXPECTED
    assert source.warnings == []
    table = next(b for b in source.blocks if isinstance(b, TableBlock))
    cell = table.rows[1][0]
    assert cell.text == "2.开展阅读推广"  # a numbered paragraph in a cell counts on with its list


def test_doc_and_docx_give_the_same_blocks():
    doc, docx = read(LISTS / "lists.doc"), read(LISTS / "lists.docx")
    assert shape(doc.blocks) == shape(docx.blocks)
    assert [getattr(b, "style", None) for b in doc.blocks] == [
        getattr(b, "style", None) for b in docx.blocks
    ]
    assert [b.prov.paragraph for b in doc.blocks] == [b.prov.paragraph for b in docx.blocks]
    assert as_paragraph(doc.blocks[2]).style == "Heading 1"


def test_a_doc_paragraph_numbered_only_by_its_style_chain():
    """LibreOffice writes the list on the paragraph too; with it taken off, （一）组织领导 is
    numbered by its style, which has no list of its own but is based on one that has."""
    with olefile.OleFileIO(str(LISTS / "lists.doc")) as ole:
        streams = {"/".join(entry): ole.openstream(entry).read() for entry in ole.listdir()}
    own = bytes.fromhex("57000a26010b460100")  # istd 87, sprmPIlvl 1, sprmPIlfo 1
    inert = bytes.fromhex("57000324000e840000")  # istd 87, sprmPJc80, sprmPDxaRight80
    assert streams["WordDocument"].count(own) == 1
    streams["WordDocument"] = streams["WordDocument"].replace(own, inert)
    data = script("make_doc").compound_file(streams)
    source = doc_reader.read(data, "styled.doc", "styled.doc", "0" * 64)
    assert "（一）组织领导" in [b.text for b in source.blocks if isinstance(b, Paragraph)]


@pytest.mark.parametrize("name", ["lists.docx", "lists.doc"])
def test_numbered_headings_make_the_section_tree(name):
    document = parse(LISTS / name).documents[0]
    headings = [(s.number or "") + s.title for s in document.sections]
    assert headings == ["一、总体要求", "二、重点任务", "三、保障措施"]


def test_docx_fixture_is_current():
    """The committed .docx is what scripts/make_doc_lists.py writes today (rerun it if not)."""
    assert script("make_doc_lists").lists_docx() == (LISTS / "lists.docx").read_bytes()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is absent")
def test_doc_fixtures_are_current():
    """The committed .doc files are LibreOffice's saves of the .docx (rerun the script if not)."""
    maker = script("make_doc_lists")
    docs = maker.word97(
        {"lists.docx": maker.lists_docx(), "numbering.docx": maker.DOCX_NUMBERING.read_bytes()}
    )
    for name, doc in docs.items():
        assert doc == (LISTS / name).read_bytes(), name


# ---------------------------------------------------------------- list tables built here

DECIMAL, CHINESE, HEBREW = 0x00, 0x25, 0x2D
NO_RESTART, LEGAL = 0x08, 0x04


def lvl(nfc: int, text: str, start: int = 1, flags: int = 0, restart: int = 0) -> bytes:
    """An LVL whose number text is `text` with "%N" for the number of level N (0-based)."""
    chars, positions = [], []
    i = 0
    while i < len(text):
        if text[i] == "%":
            chars.append(chr(int(text[i + 1])))
            positions.append(len(chars))
            i += 2
        else:
            chars.append(text[i])
            i += 1
    nums = bytes(positions).ljust(9, b"\0")
    lvlf = struct.pack("<iBB9sBiiBBBB", start, nfc, flags, nums, 2, 0, 0, 0, 0, restart, 0)
    xst = "".join(chars).encode("utf-16-le")
    return lvlf + struct.pack("<H", len(chars)) + xst


def plf_lst(
    lists: list[tuple[int, list[bytes]]], linked: dict[int, int] | None = None
) -> tuple[bytes, bytes]:
    """(PlfLst, the LVLs after it) of lists given as (lsid, its 9 LVLs or 1 for a simple list);
    `linked` maps a level to the paragraph style linked to it in every list."""
    head = struct.pack("<h", len(lists))
    styles = [(linked or {}).get(k, 0x0FFF) for k in range(9)]
    for lsid, levels in lists:
        simple = 1 if len(levels) == 1 else 0
        head += struct.pack("<ii9HBB", lsid, 0, *styles, simple, 0)
    return head, b"".join(b"".join(levels) for _, levels in lists)


def plf_lfo(lfos: list[tuple[int, list[tuple[int, int | None, bytes | None]]]]) -> bytes:
    """A PlfLfo of (lsid, overrides: (ilvl, start-at or None, replacing LVL or None))."""
    out = struct.pack("<I", len(lfos))
    for lsid, overrides in lfos:
        out += struct.pack("<iiiBBBB", lsid, 0, 0, len(overrides), 0, 0, 0)
    for _, overrides in lfos:
        out += struct.pack("<I", 0xFFFFFFFF)
        for ilvl, start, replacing in overrides:
            flags = ilvl | (0x10 if start is not None else 0) | (0x20 if replacing else 0)
            out += struct.pack("<iI", start or 0, flags) + (replacing or b"")
    return out


def numbering(
    lists: list[tuple[int, list[bytes]]],
    lfos: list[tuple[int, list[tuple[int, int | None, bytes | None]]]],
    linked: dict[int, int] | None = None,
) -> ListNumbering:
    head, levels = plf_lst(lists, linked)
    lfo = plf_lfo(lfos)
    table = b"\0" * 8 + head + levels + lfo
    return ListNumbering(table, (8, len(head)), (8 + len(head) + len(levels), len(lfo)))


OUTLINE = [lvl(CHINESE, "%0、"), lvl(DECIMAL, "%1."), lvl(DECIMAL, "(%2)")] + [
    lvl(DECIMAL, f"%{k}.") for k in range(3, 9)
]


def test_lfos_of_one_list_share_its_numbers_and_an_override_counts_alone():
    lists = numbering(
        [(7, OUTLINE)],
        [(7, []), (7, [(0, 5, None)]), (7, [])],
    )
    labels = [lists.label(ilfo, 0, 0) for ilfo in (1, 3, 2, 2, 1)]
    assert labels == ["一、", "二、", "五、", "六、", "三、"]


def test_an_override_can_replace_the_whole_level():
    lists = numbering([(7, OUTLINE)], [(7, [(0, None, lvl(DECIMAL, "第%0项", start=3))])])
    assert [lists.label(1, 0, 0) for _ in range(2)] == ["第3项", "第4项"]


def test_deeper_levels_restart_unless_told_not_to():
    never = lvl(DECIMAL, "%1.", flags=NO_RESTART, restart=0)
    after_level_0 = lvl(DECIMAL, "(%2)", flags=NO_RESTART, restart=1)
    lists = numbering(
        [(1, OUTLINE), (2, [OUTLINE[0], never, after_level_0, *OUTLINE[3:]])], [(1, []), (2, [])]
    )
    default = [lists.label(1, k, 0) for k in (0, 1, 2, 1, 2, 0, 1)]
    assert default == ["一、", "1.", "(1)", "2.", "(1)", "二、", "1."]
    limited = [lists.label(2, k, 0) for k in (0, 1, 2, 1, 2, 0, 1, 2)]
    assert limited == ["一、", "1.", "(1)", "2.", "(2)", "二、", "3.", "(1)"]


def test_legal_numbering_writes_every_level_in_decimal():
    legal = lvl(DECIMAL, "%0.%1", flags=LEGAL)
    lists = numbering([(1, [OUTLINE[0], legal, *OUTLINE[2:]])], [(1, [])])
    assert [lists.label(1, k, 0) for k in (0, 0, 1)] == ["一、", "二、", "2.1"]


def test_a_style_linked_to_a_level_gives_the_level():
    lists = numbering([(1, OUTLINE)], [(1, [])], linked={1: 2})
    assert [lists.label(1, None, istd) for istd in (0, 2, 2)] == ["一、", "1.", "2."]


def test_numbers_that_cannot_be_rebuilt_are_counted_not_guessed():
    lists = numbering([(1, [lvl(HEBREW, "%0.")])], [(1, []), (99, [])])
    assert lists.label(1, 0, 0) == ""  # a format outside the table
    assert lists.label(2, 0, 0) == ""  # an LFO of a list that is not defined
    assert lists.label(3, 0, 0) == ""  # no such LFO
    assert lists.label(1, 4, 0) == ""  # a simple list has one level
    assert lists.unrecovered == 4


def test_damaged_list_tables_never_raise():
    head, levels = plf_lst([(1, OUTLINE)])
    lfo = plf_lfo([(1, [(0, 5, lvl(DECIMAL, "%0."))])])
    table = head + levels + lfo
    for cut in range(len(table)):
        for lst_lcb in (len(head), 10_000):
            lists = ListNumbering(table[:cut], (0, lst_lcb), (len(head) + len(levels), len(lfo)))
            lists.label(1, 0, 0)
            lists.label(1, None, 0)


# ---------------------------------------------------------------- the shared number table


def test_every_binary_format_code_names_a_format_the_table_writes():
    for name in MSONFC.values():
        if name != "bullet":
            assert isinstance(format_number(12, name), str), name


@pytest.mark.parametrize(
    "restart_below, expected",
    [(None, ["1", "1", "1"]), (0, ["1", "2", "3"]), (1, ["1", "2", "1"])],
)
def test_restart_limits(restart_below, expected):
    """The third level under: level 0, level 1, level 2-item, level 1, item, level 0, item."""
    counters = ListCounters()
    levels = {
        0: Level(1, "decimal", (0,)),
        1: Level(1, "decimal", (1,)),
        2: Level(1, "decimal", (2,), restart_below=restart_below),
    }
    seen = []
    for ilvl in (0, 1, 2, 1, 2, 0, 2):
        label = counters.label("list", levels, ilvl)
        if ilvl == 2:
            seen.append(label)
    assert seen == expected


def test_docx_level_restart_counts_as_the_doc_restart_limit():
    """w:lvlRestart (1-based; 0 never) is the DOCX spelling of fNoRestart + ilvlRestartLim."""
    maker = script("make_renditions")
    levels = "".join(
        f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>{restart}'
        f'<w:lvlText w:val="{text}"/><w:suff w:val="nothing"/></w:lvl>'
        for k, text, restart in [
            (0, "%1、", ""),
            (1, "%2.", '<w:lvlRestart w:val="0"/>'),
            (2, "(%3)", '<w:lvlRestart w:val="1"/>'),
        ]
    )
    numbering = maker._xml(
        "numbering",
        f'<w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
    )
    body = "".join(
        maker._p(
            maker._r(f"第{i}段"), f'<w:numPr><w:ilvl w:val="{k}"/><w:numId w:val="1"/></w:numPr>'
        )
        for i, k in enumerate((0, 1, 2, 1, 2, 0, 1, 2))
    )
    data = maker._package(body, {"numbering.xml": numbering})
    source = docx_reader.read(data, "restarts.docx", "restarts.docx", "0" * 64)
    labels = [b.text.split("第")[0] for b in source.blocks if isinstance(b, Paragraph)]
    assert labels == ["1、", "1.", "(1)", "2.", "(2)", "2、", "3.", "(1)"]
