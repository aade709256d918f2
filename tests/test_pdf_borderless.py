"""Tables whose borders were switched off are read as tables, and nothing else is.

borderless.pdf is a LibreOffice print made by scripts/make_pdfs.py from the texts held there
(BORDERLESS_*): a 主要指标 table set as a Word table with every border switched off, one name
wrapped over two lines, between prose paragraphs; borderless-split.pdf sets the same table after
more paragraphs (BORDERLESS_FILLER), so that the page break cuts it after its first row. The
other cases are pages built from
characters here: tables in other alignments, and layouts with wide blanks that are no tables.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from govdocparse import parse
from govdocparse.readers import pdf_reader, read
from govdocparse.readers.pdf_page import Char
from govdocparse.source import Paragraph, TableBlock

from .support import EDGE, script, shape

FIXTURE = script("make_pdfs")


@pytest.fixture(scope="module")
def borderless():
    return read(EDGE / "borderless.pdf")


def test_the_borderless_table_is_a_table_between_its_paragraphs(borderless):
    assert shape(borderless.blocks) == [
        FIXTURE.BORDERLESS_TITLE,
        *FIXTURE.BORDERLESS_BEFORE,
        [FIXTURE.BORDERLESS_HEADER, *FIXTURE.BORDERLESS_ROWS],
        *FIXTURE.BORDERLESS_AFTER,
    ]
    assert borderless.warnings == []


def test_cells_carry_page_row_and_column_and_lines_skip_the_table(borderless):
    table = next(block for block in borderless.blocks if isinstance(block, TableBlock))
    assert table.prov.page == 1
    for r, row in enumerate(table.rows):
        assert [(cell.prov.page, cell.prov.table_row, cell.prov.table_col) for cell in row] == [
            (1, r, c) for c in range(len(FIXTURE.BORDERLESS_HEADER))
        ]
    paragraphs = [block for block in borderless.blocks if isinstance(block, Paragraph)]
    # title, heading, two lines of prose; then the heading and two lines after the table
    assert [p.prov.lines for p in paragraphs] == [(1, 1), (2, 2), (3, 4), (5, 5), (6, 7)]


def test_a_table_the_page_break_cuts_after_its_first_row_is_one_table():
    source = read(EDGE / "borderless-split.pdf")
    assert shape(source.blocks) == [
        FIXTURE.BORDERLESS_TITLE,
        *FIXTURE.BORDERLESS_FILLER,
        *FIXTURE.BORDERLESS_BEFORE,
        [FIXTURE.BORDERLESS_HEADER, *FIXTURE.BORDERLESS_ROWS],
        *FIXTURE.BORDERLESS_AFTER,
    ]
    (table,) = [block for block in source.blocks if isinstance(block, TableBlock)]
    pages = [row[0].prov.page or 0 for row in table.rows]
    assert pages[0] == 1 and pages[-1] == 2 and pages == sorted(pages)


def test_rows_a_page_break_carries_over_name_the_page_they_are_printed_on():
    source = read(EDGE / "borderless-split.pdf")
    (block,) = [block for block in source.blocks if isinstance(block, TableBlock)]
    printed_on = [row[0].prov.page for row in block.rows[1:]]  # the header row names no row
    (table,) = parse(EDGE / "borderless-split.pdf").documents[0].tables
    assert table.provenance.page == 1
    assert [row.provenance.page for row in table.rows] == printed_on
    assert [
        i.provenance.page for i in parse(EDGE / "borderless-split.pdf").documents[0].indicators
    ] == printed_on


def test_the_borderless_table_gives_its_indicators():
    plan = parse(EDGE / "borderless.pdf").documents[0]
    goals = {
        (indicator.name, target.year, atom.value)
        for indicator in plan.indicators
        for target in indicator.targets
        for atom in target.atoms
    }
    assert goals == {
        (name, 2025, float(target)) for name, _unit, _base, target, _kind in FIXTURE.BORDERLESS_ROWS
    }


# ---------------------------------------------------------------- pages built from characters

SIZE = 12.0
LEFT, RIGHT = 70.0, 526.0  # the text area: 38 characters of 12 pt
PROSE = "各区县要把儿童发展纳入经济社会发展规划统筹推进各项工作确保目标任务按期完成" * 8


def _text(text: str, x0: float, top: float, step: float = SIZE) -> list[Char]:
    """Characters of `text` from x0, `step` apart (an em, or wider in a justified line)."""
    return [
        Char(
            ch,
            x0 + k * step,
            x0 + k * step + SIZE * (0.5 if ch.isascii() else 1),
            top,
            top + SIZE,
            SIZE,
        )
        for k, ch in enumerate(text)
    ]


def _width(text: str) -> float:
    return sum(SIZE * (0.5 if ch.isascii() else 1) for ch in text)


def _left(text: str, x0: float, top: float) -> list[Char]:
    """`text` set from x0, half an em a Latin character."""
    chars = []
    for ch in text:
        chars += _text(ch, x0, top)
        x0 += _width(ch)
    return chars


def _right(text: str, x1: float, top: float) -> list[Char]:
    """`text` set to end at x1."""
    return _left(text, x1 - _width(text), top)


def _prose(rows: int, top: float) -> list[Char]:
    return [c for k in range(rows) for c in _text(PROSE[k * 38 : k * 38 + 38], LEFT, top + 20 * k)]


def _pages(*pages: list[Char]) -> list[pdf_reader._Page]:
    built = []
    for k, chars in enumerate(pages, 1):
        page = pdf_reader._Page(k, 595.0, 842.0, pdf_reader._lines(chars, k), chars=chars)
        for number, line in enumerate(page.lines, 1):
            line.number = number
        built.append(page)
    pdf_reader._read_columns(built)
    pdf_reader._read_borderless(built)
    return built


def _blocks(*pages: list[Char]) -> list:
    return shape(pdf_reader._blocks(_pages(*pages), "page.pdf"))


ROWS = [
    ("婴儿死亡率", "‰", "4.6", "4.0"),
    ("学前三年毛入园率", "%", "88", "95"),
    ("普惠性幼儿园覆盖率", "%", "", "85"),
    ("儿童之家", "个", "120", "300"),
]
MORE_ROWS = [
    ("义务教育巩固率", "%", "95.2", "96"),
    ("儿童友好社区", "个", "4", "30"),
    ("孤儿集中养育率", "%", "", "60"),
]
HEADER = ("指标", "单位", "2020年", "2025年")


def _rows(rows: Sequence[tuple[str, ...]], top: float, pitch: float = 20.0) -> list[Char]:
    """Names at the left, a centred unit, numbers set to the right of their columns, rows at
    `pitch`, the first at `top`."""
    chars = []
    for k, (name, unit, base, target) in enumerate(rows):
        at = top + pitch * k
        chars += _text(name, LEFT, at)
        chars += _text(unit, 290.0 - len(unit) * SIZE / 2 * (1 if unit.isascii() else 2), at)
        chars += _right(base, 400.0, at) + _right(target, 500.0, at)
    return chars


def _right_aligned_table(pitch: float = 20.0) -> list[Char]:
    """The header and `ROWS` (a cell of the 2020 column left empty) from 200 points down."""
    return _rows([HEADER, *ROWS], 200.0, pitch)


def test_right_aligned_numbers_and_a_missing_cell_are_a_table():
    blocks = _blocks(_prose(2, 150.0) + _right_aligned_table())
    expected = [["指标", "单位", "2020年", "2025年"], *[list(row) for row in ROWS]]
    assert blocks == [PROSE[:76], expected]


def test_a_line_under_the_last_row_at_the_rows_pitch_is_no_wrapped_cell():
    chars = _right_aligned_table() + _text("二、主要任务", LEFT, 200.0 + 20 * 5)
    blocks = _blocks(chars)
    assert blocks[-1] == "二、主要任务"
    assert isinstance(blocks[0], list) and len(blocks[0]) == 5


def test_a_prose_line_ends_the_table_and_is_not_split():
    chars = _right_aligned_table() + _prose(2, 200.0 + 20 * 5)
    assert _blocks(chars)[1:] == [PROSE[:76]]


def _cut_table(next_page: list[Char]) -> list:
    """Prose, then the header and four rows running to the foot of page 1; page 2 as given."""
    first = _prose(2, 640.0) + _rows([HEADER, *ROWS], 700.0)
    return _blocks(first, next_page)


def test_a_table_the_page_break_cut_takes_the_rows_at_the_head_of_the_next_page():
    blocks = _cut_table(_rows(MORE_ROWS, 80.0) + _prose(2, 160.0))
    assert blocks == [PROSE[:76], [list(HEADER), *map(list, ROWS + MORE_ROWS)], PROSE[:76]]


def test_a_header_and_one_row_at_the_foot_of_a_page_open_the_table_on_the_next():
    first = _prose(2, 700.0) + _rows([HEADER, ROWS[0]], 760.0)
    blocks = _blocks(first, _rows(ROWS[1:], 80.0) + _prose(2, 160.0))
    assert blocks == [PROSE[:76], [list(HEADER), *map(list, ROWS)], PROSE[:76]]


def test_one_row_carries_the_table_on_and_a_repeated_header_is_dropped():
    blocks = _cut_table(_rows([HEADER, MORE_ROWS[0]], 80.0) + _prose(2, 140.0))
    assert blocks == [PROSE[:76], [list(HEADER), *map(list, [*ROWS, MORE_ROWS[0]])], PROSE[:76]]


def test_the_carried_rows_keep_their_page_in_their_cells():
    pages = _pages(_prose(2, 640.0) + _rows([HEADER, *ROWS], 700.0), _rows(MORE_ROWS, 80.0))
    (table,) = pdf_reader._blocks(pages, "page.pdf")[1:]
    assert isinstance(table, TableBlock)
    assert [row[0].prov.page for row in table.rows] == [1] * 5 + [2] * 3
    assert pages[1].lines == []


@pytest.mark.parametrize(
    "next_page",
    [
        _prose(3, 80.0),
        # wide blanks that are no gutters of the table
        _text("联系人：王某", LEFT, 80.0)
        + _right("电话：0851-1234567", RIGHT, 80.0)
        + _prose(2, 120.0),
    ],
    ids=["prose", "other-blanks"],
)
def test_a_page_opening_with_no_row_of_the_table_does_not_carry_it_on(next_page):
    blocks = _cut_table(next_page)
    assert blocks[1] == [list(HEADER), *map(list, ROWS)]
    assert all(isinstance(block, str) for block in blocks[2:])


def test_a_table_ended_above_the_foot_of_its_page_is_not_carried_on():
    first = _rows([HEADER, *ROWS], 500.0) + _prose(2, 620.0)
    blocks = _blocks(first, _rows(MORE_ROWS, 80.0))
    assert blocks[0] == [list(HEADER), *map(list, ROWS)]
    assert blocks[1] == PROSE[:76]
    assert blocks[2] != [list(HEADER), *map(list, ROWS + MORE_ROWS)]


CONTENTS = [("第一章", "总则", "1"), ("第二章", "发展目标", "3"), ("第三章", "主要任务", "5")]


def _contents(title: str, entries: list[tuple[str, str, str]] = CONTENTS) -> list[Char]:
    """A table of contents without leaders: number, title and page stand apart by wide blanks,
    the page set to the right margin, under `title` (none when empty)."""
    chars = _text(title, 270.0, 80.0) if title else []
    for k, (number, heading, page) in enumerate(entries):
        top = 120.0 + 24 * k
        chars += _text(number, LEFT, top) + _text(heading, LEFT + 100, top)
        chars += _right(page, RIGHT, top)
    return chars


@pytest.mark.parametrize("title", ["目  录", ""], ids=["under-contents-title", "chapter-numbers"])
def test_a_table_of_contents_without_leaders_stays_lines(title):
    blocks = _blocks(_contents(title))
    assert all(isinstance(block, str) for block in blocks)
    assert blocks[-3:] == [" ".join(entry) for entry in CONTENTS]


def test_a_table_with_numbers_in_order_in_its_last_column_stays_a_table():
    # a 序号 opens each row and no contents title stands above: an indicator table
    entries = [("1", "儿童之家", "12"), ("2", "托育机构", "30"), ("3", "儿童友好公园", "45")]
    blocks = _blocks(_contents("主要指标", entries))
    assert blocks[-1] == [list(entry) for entry in entries]


def _centred_header(header: tuple[str, ...]) -> list[Char]:
    """Every cell centred in its 120-point column, except the rows' names, set at its left."""
    chars = []
    for k, row in enumerate([header, *ROWS[:2], *ROWS[3:]]):
        for c, cell in enumerate(row):
            x0 = LEFT + 120 * c + (0 if c == 0 and k else (120 - _width(cell)) / 2)
            chars += _left(cell, x0, 200.0 + 20 * k)
    return chars


def test_a_header_of_known_column_names_need_not_line_up_with_the_rows():
    header = ("指标名称", "单位", "2020年", "2025年")
    rows = [list(row) for row in ROWS[:2] + ROWS[3:]]
    assert _blocks(_centred_header(header)) == [[list(header), *rows]]


def test_an_unknown_header_out_of_line_stays_a_line_over_the_rows():
    header = ("甲类", "乙类", "丙类", "丁类")
    rows = [list(row) for row in ROWS[:2] + ROWS[3:]]
    assert _blocks(_centred_header(header)) == [" ".join(header), rows]


def _two_rows_are_not_enough() -> list[Char]:
    """A header and one row: aligned, but too little evidence."""
    return [c for c in _right_aligned_table() if c.top < 200.0 + 20 * 2]


def _justified_prose() -> list[Char]:
    """Justified lines: the characters spread, no blank wider than a justification space."""
    chars = []
    for k in range(6):
        text = PROSE[k * 36 : k * 36 + 36]
        chars += _text(text, LEFT, 100.0 + 20 * k, step=(RIGHT - LEFT - SIZE) / 35)
    return chars


def _signature_and_date() -> list[Char]:
    """Prose, an issuer and a date at the right, a contact line with two wide blanks."""
    chars = _prose(4, 100.0)
    chars += _right("溪源市人民政府办公室", RIGHT, 200.0) + _right("2023年5月10日", RIGHT, 230.0)
    for k, (who, phone) in enumerate([("联系人：王某", "电话：0851-1234567"), ("传真", "123")]):
        chars += _text(who, LEFT, 270.0 + 20 * k) + _right(phone, RIGHT, 270.0 + 20 * k)
    return chars


def _names_with_dates() -> list[Char]:
    """A list of names, each with its date at the right: two cells a line."""
    chars = _prose(2, 100.0)
    for k, name in enumerate(
        ["溪源市教育局", "溪源市卫生健康委员会", "溪源市民政局", "溪源市妇联"]
    ):
        chars += _text(name, LEFT, 160.0 + 20 * k) + _right(
            f"2023年{k + 3}月1日", RIGHT, 160.0 + 20 * k
        )
    return chars


def _centred_title() -> list[Char]:
    chars = []
    for k, text in enumerate(["溪源市人民政府", "关于开展儿童友好社区建设", "试点工作的通知"]):
        chars += _text(text, (LEFT + RIGHT) / 2 - len(text) * SIZE / 2, 60.0 + 24 * k)
    return chars + _prose(4, 150.0)


def _joint_issuers() -> list[Char]:
    """Issuers side by side, three a line, centred: wide blanks that line up in no column."""
    chars = []
    lines = [
        ["溪源市教育局", "溪源市财政局", "溪源市民政局"],
        ["溪源市卫生健康委员会", "溪源市妇联", "溪源市团委"],
        ["溪源市住房和城乡建设局", "溪源市残联", "溪源市文化和旅游局"],
    ]
    for k, names in enumerate(lines):
        width = sum(len(name) for name in names) * SIZE + 4 * SIZE
        x = (LEFT + RIGHT - width) / 2
        for name in names:
            chars += _text(name, x, 300.0 + 20 * k)
            x += (len(name) + 2) * SIZE
    return _prose(3, 200.0) + chars


def _gazette_band() -> list[Char]:
    """A title over two justified columns: `pdf_columns` reads them, no table is made."""
    chars = _text("溪源市儿童友好城市建设工作动态", 208.0, 60.0)
    column = (RIGHT - LEFT - 2 * SIZE) / 2
    for k in range(6):
        top = 100.0 + 20 * k
        step = (column - SIZE) / 17
        chars += _text(PROSE[k * 18 : k * 18 + 18], LEFT, top, step)
        chars += _text(PROSE[100 + k * 18 : 118 + k * 18], RIGHT - column, top, step)
    return chars


@pytest.mark.parametrize(
    "chars",
    [
        _two_rows_are_not_enough(),
        _justified_prose(),
        _signature_and_date(),
        _names_with_dates(),
        _centred_title(),
        _joint_issuers(),
        _gazette_band(),
    ],
    ids=[
        "header-and-one-row",
        "justified-prose",
        "signature-and-date",
        "names-with-dates",
        "centred-title",
        "joint-issuers",
        "gazette-band",
    ],
)
def test_wide_blanks_that_are_no_table_stay_lines(chars):
    page = pdf_reader._Page(1, 595.0, 842.0, pdf_reader._lines(chars, 1), chars=chars)
    for number, line in enumerate(page.lines, 1):
        line.number = number
    pdf_reader._read_columns([page])
    before = [(line.text, line.number) for line in page.lines]
    pdf_reader._read_borderless([page])
    assert page.tables == []
    assert [(line.text, line.number) for line in page.lines] == before
