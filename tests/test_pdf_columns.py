"""Pages set in two or three columns (政府公报 gazettes, bulletins) are read column by column,
and nothing else is.

gazette.pdf is a LibreOffice print made by scripts/make_pdfs.py from the texts held there
(GAZETTE_*): a running head and page numbers, a full-width title and 文号, the body in two
justified columns, a full-width annex title and table between two-column parts, a signature.
brochure.pdf (BROCHURE_*) is a service guide's title over a narrow and a wide column, and
newsletter.pdf (NEWSLETTER_*) a bulletin's masthead over three columns.
The guards are pages built from characters here: layouts with text on both sides of the page's
middle that are not columns.
"""

from __future__ import annotations

from itertools import chain, pairwise

import pytest

from govdocparse import parse
from govdocparse.readers import pdf_reader, read
from govdocparse.readers.pdf_columns import column_bands
from govdocparse.readers.pdf_page import Char
from govdocparse.source import Paragraph

from .support import EDGE, block_texts, script, shape

FIXTURE = script("make_pdfs")


@pytest.fixture(scope="module")
def gazette():
    return read(EDGE / "gazette.pdf")


def test_gazette_body_is_read_column_by_column_band_by_band(gazette):
    # the title is centred over two lines, which the reader keeps apart (segment joins them)
    assert "".join(block_texts(gazette.blocks[:2])) == FIXTURE.GAZETTE_TITLE
    assert shape(gazette.blocks[2:]) == [
        FIXTURE.GAZETTE_NUMBER,
        *FIXTURE.GAZETTE_BODY,
        FIXTURE.GAZETTE_ANNEX_TITLE,
        FIXTURE.GAZETTE_TABLE,
        *FIXTURE.GAZETTE_AFTER,
        *FIXTURE.GAZETTE_SIGNATURE,
    ]
    assert gazette.warnings == []


def test_line_numbers_count_the_columns_in_reading_order(gazette):
    paragraphs = [b for b in gazette.blocks if isinstance(b, Paragraph)]
    ranges = [(p.prov.page, p.prov.lines) for p in paragraphs]
    # one line of running head above the title; each page counted on from its first line
    assert ranges[0] == (1, (2, 2))
    per_page: dict[int | None, list[tuple[int, int]]] = {}
    for page, lines in ranges:
        assert lines is not None
        per_page.setdefault(page, []).append(lines)
    for spans in per_page.values():
        assert all(above[1] < below[0] for above, below in pairwise(spans))
    # the paragraph the first page's right column ends carries on at the top of page 2
    carried = [p for p in paragraphs if p.text.startswith("提高孤儿")]
    assert [p.text for p in carried] == [FIXTURE.GAZETTE_BODY[-5]]
    assert carried[0].prov.page == 1


def test_a_narrow_and_a_wide_column_are_read_column_by_column():
    """brochure.pdf: a 办事指南 whose gutter stands off the page's middle (LibreOffice's print)."""
    source = read(EDGE / "brochure.pdf")
    assert shape(source.blocks) == [
        FIXTURE.BROCHURE_TITLE,
        *FIXTURE.BROCHURE_BODY,
        FIXTURE.BROCHURE_CLOSING,
    ]
    assert source.warnings == []


def test_three_columns_of_a_bulletin_are_read_left_to_right():
    """newsletter.pdf: a 工作简报 in three justified columns (LibreOffice's print); before, each
    line glued the three columns' lines at its height."""
    source = read(EDGE / "newsletter.pdf")
    closing = FIXTURE.NEWSLETTER_CLOSING.replace("\u3000", " ")
    assert shape(source.blocks) == [FIXTURE.NEWSLETTER_TITLE, *FIXTURE.NEWSLETTER_BODY, closing]
    assert source.warnings == []


def test_gazette_headings_goals_and_metadata_survive_the_columns():
    plan = parse(EDGE / "gazette.pdf").documents[0]
    assert plan.title == FIXTURE.GAZETTE_TITLE
    assert plan.metadata.doc_number == FIXTURE.GAZETTE_NUMBER
    assert [s.title for s in plan.sections] == ["总体要求", "主要目标", "重点任务", "保障措施"]
    assert len(plan.sections[2].children) == 5
    goals = {(i.name, a.op, a.value) for i in plan.indicators for t in i.targets for a in t.atoms}
    assert {
        ("5岁以下儿童死亡率", "<=", 6.5),
        ("适龄儿童免疫规划疫苗接种率", ">=", 95.0),
        ("九年义务教育巩固率", ">=", 96.0),
        ("残疾儿童康复救助覆盖率", ">=", 90.0),
        ("公共场所母婴设施配置率", ">=", 80.0),
    } <= goals


# ---------------------------------------------------------------- pages built from characters

SIZE = 12.0
LEFT, RIGHT = 70.0, 526.0  # the text area: 38 characters of 12 pt
MIDDLE = (LEFT + RIGHT) / 2
GUTTER = 2 * SIZE
COLUMN = (RIGHT - LEFT - GUTTER) / 2  # 18 characters


def _run(text: str, x0: float, top: float, x1: float | None = None) -> list[Char]:
    """A run of CJK characters from x0, one em each, or spread to end at x1 (justified)."""
    step = SIZE if x1 is None else (x1 - x0 - SIZE) / (len(text) - 1)
    return [
        Char(ch, x0 + k * step, x0 + k * step + SIZE, top, top + SIZE, SIZE)
        for k, ch in enumerate(text)
    ]


def _page(chars: list[Char]) -> pdf_reader._Page:
    page = pdf_reader._Page(1, 595.0, 842.0, pdf_reader._lines(chars, 1), chars=chars)
    for number, line in enumerate(page.lines, 1):
        line.number = number
    return page


def _read(chars: list[Char]) -> list[str]:
    """The page's lines after the column step."""
    page = _page(chars)
    pdf_reader._read_columns([page])
    return [line.text for line in page.lines]


PROSE = "各区县要把儿童发展纳入经济社会发展规划统筹推进各项工作确保目标任务按期完成" * 8


def _columns_page(rows: int = 6) -> tuple[list[Char], list[str], list[str]]:
    """Two justified columns of `rows` lines under a full-width title."""
    chars = _run("溪源市儿童友好城市建设工作动态", MIDDLE - 7.5 * SIZE, 60.0)
    left, right = [], []
    for k in range(rows):
        top = 100.0 + 20 * k
        left.append(PROSE[k * 18 : k * 18 + 18])
        right.append(PROSE[100 + k * 18 : 100 + k * 18 + 18])
        chars += _run(left[-1], LEFT, top, LEFT + COLUMN)
        chars += _run(right[-1], RIGHT - COLUMN, top, RIGHT)
    return chars, left, right


def test_two_justified_columns_are_read_left_then_right():
    chars, left, right = _columns_page()
    assert _read(chars) == ["溪源市儿童友好城市建设工作动态", *left, *right]


def test_three_lines_a_side_are_not_evidence_enough():
    chars, _, _ = _columns_page(rows=3)
    assert _read(chars) == [line.text for line in _page(chars).lines]


def _full_width_prose(rows: int) -> list[Char]:
    return [
        char
        for k in range(rows)
        for char in _run(PROSE[k * 38 : k * 38 + 38], LEFT, 100.0 + 20 * k)
    ]


def _table_rows() -> list[Char]:
    """A borderless table: 指标 and 目标值 cells, short and ragged, at the two halves' edges."""
    rows = [
        ("婴儿死亡率", "控制在5‰以下"),
        ("5岁以下儿童死亡率", "控制在6.5‰以下"),
        ("学前教育毛入园率", "达到92%以上"),
        ("九年义务教育巩固率", "达到96%以上"),
        ("高中阶段教育毛入学率", "达到95%以上"),
        ("残疾儿童康复救助覆盖率", "达到90%以上"),
    ]
    chars = []
    for k, (name, target) in enumerate(rows):
        chars += _run(name, LEFT, 300.0 + 20 * k) + _run(target, MIDDLE + SIZE, 300.0 + 20 * k)
    return chars


def _signature() -> list[Char]:
    """Full-width text, then an issuer and a date at the right, and a short list at the left."""
    chars = _full_width_prose(5)
    for k, text in enumerate(["溪源市人民政府办公室", "2023年5月10日"]):
        chars += _run(text, RIGHT - len(text) * SIZE, 240.0 + 30 * k)
    for k, text in enumerate(["附件：1.指标表", "2.任务分工表", "3.监测方案", "4.联系人"]):
        chars += _run(text, LEFT, 340.0 + 20 * k)
    return chars


def _centred_title() -> list[Char]:
    """A title centred over three lines above full-width text: every line over the middle."""
    chars = []
    for k, text in enumerate(["溪源市人民政府", "关于开展儿童友好社区建设", "试点工作的通知"]):
        chars += _run(text, MIDDLE - len(text) * SIZE / 2, 60.0 + 24 * k)
    return chars + _full_width_prose(6)


def _short_list_beside_dates() -> list[Char]:
    """A list at the left, each item beside its deadline at the right: not a text column."""
    items = ["建立工作机制", "制定实施方案", "开展中期评估", "组织总结验收", "报送总结报告"]
    chars = _full_width_prose(2)
    for k, item in enumerate(items):
        top = 160.0 + 20 * k
        chars += _run(item, LEFT, top) + _run(f"{k + 3}月底前完成", RIGHT - 7 * SIZE, top)
    return chars


@pytest.mark.parametrize(
    "chars",
    [_table_rows(), _signature(), _centred_title(), _short_list_beside_dates()],
    ids=["borderless-table", "signature-and-date", "centred-title", "list-beside-dates"],
)
def test_text_on_both_sides_of_the_middle_is_not_split_unless_it_is_columns(chars):
    page = _page(chars)
    before = [(line.text, line.number) for line in page.lines]
    assert column_bands(page.lines) == []
    pdf_reader._read_columns([page])
    assert [(line.text, line.number) for line in page.lines] == before


def test_a_table_across_the_middle_cuts_the_columns_into_bands():
    above, _, _ = _columns_page()
    below = [
        Char(c.text, c.x0, c.x1, c.top + 300, c.bottom + 300, c.size)
        for c in above
        if c.top >= 100.0
    ]
    page = _page(above + below)
    table = (LEFT, 240.0, RIGHT, 380.0)
    bands = column_bands(page.lines, [table])
    assert [(round(b.top), round(b.bottom)) for b in bands] == [(100, 212), (400, 512)]
    assert all(b.gutters == ((LEFT + COLUMN, RIGHT - COLUMN),) for b in bands)


def test_a_table_inside_one_column_is_read_in_that_column():
    chars, left, right = _columns_page(rows=10)
    # a ruled table in the left column, between its fifth and eighth lines
    kept = [c for c in chars if not (c.x1 <= MIDDLE and 190.0 <= c.top <= 240.0)]
    page = _page(kept)
    table = pdf_reader._Table(1, LEFT, 190.0, LEFT + COLUMN, 252.0, [LEFT, LEFT + COLUMN], [])
    page.tables = [table]
    pdf_reader._read_columns([page])
    items: list[pdf_reader._Line | pdf_reader._Table] = [*page.lines, table]
    order = sorted(items, key=pdf_reader._reading_order)
    texts = [item.text if isinstance(item, pdf_reader._Line) else "TABLE" for item in order]
    assert texts == ["溪源市儿童友好城市建设工作动态", *left[:5], "TABLE", *left[8:], *right]


# ------------------------------------------------- columns of unequal width (gutter off the middle)

# (left column's width, right column's width) in characters; the gutter is two characters
UNEQUAL = [(12, 24), (24, 12), (10, 26)]
TITLE = "云岭市社区居民服务办事指南（二〇二四年版）"


def _unequal_page(
    widths: tuple[int, int], rows: int = 6, top: float = 100.0
) -> tuple[list[Char], list[str], list[str]]:
    """Two justified columns of `widths` characters (a brochure's narrow column beside a wide
    one) under a full-width title."""
    narrow, wide = widths
    chars = _run(TITLE, MIDDLE - len(TITLE) * SIZE / 2, top - 40)
    left, right = [], []
    for k in range(rows):
        at = top + 20 * k
        left.append(PROSE[k * narrow : (k + 1) * narrow])
        right.append(PROSE[-(k + 1) * wide : len(PROSE) - k * wide])
        chars += _run(left[-1], LEFT, at, LEFT + narrow * SIZE)
        chars += _run(right[-1], RIGHT - wide * SIZE, at, RIGHT)
    return chars, left, right


@pytest.mark.parametrize("widths", UNEQUAL, ids=lambda w: f"{w[0]}-{w[1]}")
def test_columns_of_unequal_width_are_read_left_then_right(widths):
    chars, left, right = _unequal_page(widths)
    page = _page(chars)
    [band] = column_bands(page.lines)
    assert band.gutters == ((LEFT + widths[0] * SIZE, RIGHT - widths[1] * SIZE),)
    assert _read(chars) == [TITLE, *left, *right]


def test_a_short_band_at_a_known_unequal_gutter_is_read_in_columns():
    first, _, _ = _unequal_page((12, 24))
    chars, left, right = _unequal_page((12, 24), rows=2)
    pages = [_page(first), _page(chars)]
    pages[1].number = 2
    pdf_reader._read_columns(pages)
    assert [line.text for line in pages[1].lines] == [TITLE, *left, *right]


def _labels_beside_text() -> list[Char]:
    """Short labels in a margin at the left, each beside a line of running text at the right:
    the labels are no text column."""
    chars = []
    for k, label in enumerate(["工作目标", "主要任务", "", "保障措施", "", "监督考核"]):
        top = 100.0 + 20 * k
        chars += _run(label, LEFT, top) if label else []
        chars += _run(PROSE[k * 28 : k * 28 + 28], RIGHT - 28 * SIZE, top, RIGHT)
    return chars


def _table_off_the_middle() -> list[Char]:
    """A borderless table whose column gap is left of the page's middle: short names at the
    left, ragged targets at the right."""
    chars = []
    rows = [("婴儿死亡率", "控制在5‰以下并逐年下降"), ("学前毛入园率", "达到92%以上")] * 3
    for k, (name, target) in enumerate(rows):
        top = 100.0 + 20 * k
        chars += _run(name, LEFT, top) + _run(target, LEFT + 9 * SIZE, top)
    return chars


@pytest.mark.parametrize(
    "chars",
    [_labels_beside_text(), _table_off_the_middle()],
    ids=["labels-beside-text", "table-off-the-middle"],
)
def test_text_beside_a_blank_off_the_middle_is_not_split_unless_it_is_columns(chars):
    page = _page(chars)
    before = [(line.text, line.number) for line in page.lines]
    assert column_bands(page.lines) == []
    pdf_reader._read_columns([page])
    assert [(line.text, line.number) for line in page.lines] == before


# ------------------------------------------------------- three columns (公报 and newspaper pages)

# (widths of the three columns) in characters; the two gutters share what is left of 38
THREE = [(11, 11, 11), (8, 14, 12), (18, 8, 8), (10, 10, 14)]
NEWS = "芦湾县第二季度妇女儿童工作简报"


def _three_page(
    widths: tuple[int, int, int], rows: int = 6, top: float = 100.0, title: bool = True
) -> tuple[list[Char], list[list[str]]]:
    """Three justified columns of `widths` characters under a full-width title; the middle
    column's third line ends a paragraph short and the next one starts indented, as prose does."""
    gutter = (RIGHT - LEFT) / SIZE - sum(widths)
    starts = [LEFT, LEFT + (widths[0] + gutter / 2) * SIZE, RIGHT - widths[2] * SIZE]
    chars = _run(NEWS, MIDDLE - len(NEWS) * SIZE / 2, top - 40) if title else []
    columns: list[list[str]] = [[], [], []]
    for c, (x0, width) in enumerate(zip(starts, widths, strict=True)):
        for k in range(rows):
            at = top + 20 * k
            text = (PROSE * 3)[(c * rows + k) * width :][:width]
            if c == 1 and k == 2:
                text = text[:4]
                chars += _run(text, x0, at)
            elif c == 1 and k == 3:
                text = text[2:]
                chars += _run(text, x0 + 2 * SIZE, at, x0 + width * SIZE)
            else:
                chars += _run(text, x0, at, x0 + width * SIZE)
            columns[c].append(text)
    return chars, columns


def _edges(widths: tuple[int, int, int]) -> tuple[tuple[float, float], ...]:
    gutter = (RIGHT - LEFT) / SIZE - sum(widths)
    first = LEFT + widths[0] * SIZE
    second = LEFT + (widths[0] + gutter / 2 + widths[1]) * SIZE
    return (first, first + gutter / 2 * SIZE), (second, RIGHT - widths[2] * SIZE)


@pytest.mark.parametrize("widths", THREE, ids=lambda w: "-".join(map(str, w)))
def test_three_columns_are_read_left_to_right(widths):
    chars, columns = _three_page(widths)
    [band] = column_bands(_page(chars).lines)
    assert band.gutters == _edges(widths)
    assert _read(chars) == [NEWS, *columns[0], *columns[1], *columns[2]]


def test_a_heading_across_three_columns_cuts_them_into_bands():
    above, upper = _three_page((11, 11, 11))
    below, lower = _three_page((11, 11, 11), top=300.0, title=False)
    heading = "二、下一步工作安排和重点任务分工"  # over the first gutter
    chars = above + _run(heading, LEFT, 240.0) + below
    assert _read(chars) == [NEWS, *chain(*upper), heading, *chain(*lower)]


def test_a_table_inside_the_middle_column_is_read_in_that_column():
    widths = (11, 11, 11)
    chars, columns = _three_page(widths, rows=10)
    (_, second), (third, _) = _edges(widths)
    kept = [c for c in chars if not (second <= c.x0 < third and 190.0 <= c.top <= 240.0)]
    page = _page(kept)
    table = pdf_reader._Table(1, second, 190.0, third, 252.0, [second, third], [])
    page.tables = [table]
    pdf_reader._read_columns([page])
    items: list[pdf_reader._Line | pdf_reader._Table] = [*page.lines, table]
    order = sorted(items, key=pdf_reader._reading_order)
    texts = [item.text if isinstance(item, pdf_reader._Line) else "TABLE" for item in order]
    middle = columns[1]
    assert texts == [NEWS, *columns[0], *middle[:5], "TABLE", *middle[8:], *columns[2]]


def test_a_short_band_at_known_three_column_gutters_is_read_in_three_columns():
    first, _ = _three_page((8, 14, 12))
    chars, columns = _three_page((8, 14, 12), rows=2)
    pages = [_page(first), _page(chars)]
    pages[1].number = 2
    pdf_reader._read_columns(pages)
    assert [line.text for line in pages[1].lines] == [NEWS, *chain(*columns)]


def _three_cell_table() -> list[Char]:
    """A borderless table of three ragged columns (indicator, target, deadline): their gutters
    are free of text in every row, but no column of it is running text."""
    rows = [
        ("婴儿死亡率", "控制在5‰以下", "2025年"),
        ("学前教育毛入园率", "达到92%以上", "2025年底"),
        ("九年义务教育巩固率", "达到96%", "2030年"),
        ("残疾儿童康复救助覆盖率", "达到90%以上", "2027年6月"),
        ("孤儿助学", "全覆盖", "长期"),
        ("公共场所母婴设施配置率", "达到80%以上", "2025年"),
    ]
    chars = []
    for k, cells in enumerate(rows):
        for cell, x0 in zip(cells, (LEFT, LEFT + 14 * SIZE, LEFT + 28 * SIZE), strict=True):
            chars += _run(cell, x0, 100.0 + 20 * k)
    return chars


def _two_columns_and_a_list() -> list[Char]:
    """Two justified columns, the right one holding a short list beside dates under its
    running text: read in two columns, the list's blank is no third column's gutter."""
    chars, _, _ = _columns_page(rows=8)
    for k, (item, due) in enumerate([("建立机制", "6月"), ("制定方案", "9月")] * 2):
        top = 260.0 + 20 * k
        chars += _run(PROSE[k * 18 : k * 18 + 18], LEFT, top, LEFT + COLUMN)
        chars += _run(item, RIGHT - COLUMN, top) + _run(due, RIGHT - 2 * SIZE, top)
    return chars


def test_a_three_column_borderless_table_is_not_read_as_columns():
    page = _page(_three_cell_table())
    before = [(line.text, line.number) for line in page.lines]
    assert column_bands(page.lines) == []
    pdf_reader._read_columns([page])
    assert [(line.text, line.number) for line in page.lines] == before


def test_a_list_in_one_of_two_columns_keeps_the_band_two_columns():
    [band] = column_bands(_page(_two_columns_and_a_list()).lines)
    assert band.gutters == ((LEFT + COLUMN, RIGHT - COLUMN),)


def test_four_columns_are_read_line_by_line_as_before():
    """Past three columns the reader does not go: a fourth leaves a side of two columns."""
    chars = []
    for k in range(6):
        for c in range(4):
            x0 = LEFT + c * 9.5 * SIZE
            chars += _run(PROSE[(4 * k + c) * 8 :][:8], x0, 100.0 + 20 * k, x0 + 8 * SIZE)
    page = _page(chars)
    before = [(line.text, line.number) for line in page.lines]
    assert column_bands(page.lines) == []
    pdf_reader._read_columns([page])
    assert [(line.text, line.number) for line in page.lines] == before
