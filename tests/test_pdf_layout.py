"""PDF layout rules beyond the corpus renditions: frames that are not tables, wrapped lines that
start with a number, blanks between CJK words, characters as a browser prints them.

frames.pdf and radicals.pdf are LibreOffice prints made by scripts/make_pdfs.py from the texts
held there (FRAMES_*, RADICALS_TEXT).
"""

from __future__ import annotations

import pytest

from govdocparse import parse
from govdocparse.readers import pdf_reader, read
from govdocparse.readers.pdf_frames import Outline, frames
from govdocparse.readers.pdf_page import Char
from govdocparse.source import Paragraph, TableBlock

from .support import EDGE, block_texts, script

FIXTURE = script("make_pdfs")


# ---------------------------------------------------------------- frames are not tables


@pytest.fixture(scope="module")
def framed():
    return read(EDGE / "frames.pdf")


def test_page_border_and_red_rule_are_decoration_and_the_real_table_stays(framed):
    tables = [b for b in framed.blocks if isinstance(b, TableBlock)]
    assert [[[c.text for c in row] for row in t.rows] for t in tables] == [FIXTURE.FRAMES_TABLE]


def test_framed_text_is_running_text_in_order(framed):
    paragraphs = [b.text for b in framed.blocks if isinstance(b, Paragraph)]
    title = FIXTURE.FRAMES_TITLE
    expected = [FIXTURE.FRAMES_MARK, FIXTURE.FRAMES_NUMBER, *FIXTURE.FRAMES_BODY]
    expected.append(FIXTURE.FRAMES_AFTER)
    # the title is centred over two lines, which the reader keeps apart (segment joins them)
    assert "".join(paragraphs[2:4]) == title
    assert paragraphs[:2] + paragraphs[4:] == expected


def test_a_wrap_right_before_a_number_joins_and_keeps_three_goals():
    plan = parse(EDGE / "frames.pdf").documents[0]
    rates = {i.name: [(a.op, a.value) for t in i.targets for a in t.atoms] for i in plan.indicators}
    assert rates["新生儿死亡率"] == [("<=", 3.0)]
    assert rates["5岁以下儿童死亡率"] == [("<=", 6.0)]
    assert any(targets == [("<=", 4.0)] for name, targets in rates.items() if name == "婴儿死亡率")
    assert plan.metadata.doc_number == FIXTURE.FRAMES_NUMBER


def _outline(x0, top, x1, bottom, columns=1):
    return Outline(x0, top, x1, bottom, columns)


def _char(x, y):
    return Char("字", x, x + 10, y, y + 10, 10.0)


BORDER = _outline(50, 50, 550, 800)
BOXED_COLUMN = _outline(100, 300, 500, 400)  # a 专栏 box inside the border
SIDE_BY_SIDE = _outline(100, 300, 500, 400, columns=3)


@pytest.mark.parametrize(
    "pages, expected",
    [
        # a border on every page, a 专栏 inside it on page 2: only the borders are decoration
        (
            [
                ([_char(60, 100)], [BORDER]),
                ([_char(60, 100), _char(110, 320)], [BORDER, BOXED_COLUMN]),
            ],
            [{0}, {0}],
        ),
        # text outside every box on page 1: the box is a 专栏, on every page
        (
            [
                ([_char(60, 100), _char(110, 320)], [BOXED_COLUMN]),
                ([_char(110, 320)], [BOXED_COLUMN]),
            ],
            [set(), set()],
        ),
        # a grid of three columns holding all the text is a table, not a frame
        ([([_char(110, 320)], [SIDE_BY_SIDE])], [set()]),
        # paragraphs boxed one by one
        (
            [
                (
                    [_char(60, 100), _char(60, 200)],
                    [_outline(50, 90, 550, 120), _outline(50, 190, 550, 220)],
                )
            ],
            [{0, 1}],
        ),
        # a page without body text does not vote
        ([([], []), ([_char(60, 100)], [BORDER])], [set(), {0}]),
    ],
)
def test_frames_are_the_outer_one_column_boxes_holding_all_text(pages, expected):
    assert frames(pages) == expected


def test_a_grid_whose_cells_repeat_one_text_is_not_a_table():
    grid = pdf_reader._grid([(0, 0, 100, 20), (0, 20, 100, 40), (0, 40, 100, 60)])
    assert grid is not None
    for k, top in enumerate((5, 25, 45)):
        grid.chars[k].extend(
            Char(t, 10 + 10 * i, 20 + 10 * i, top, top + 10, 10.0) for i, t in enumerate("通知")
        )
    assert pdf_reader._repeats_one_text(grid)
    grid.chars[2][0].text = "公"
    assert not pdf_reader._repeats_one_text(grid)


# ---------------------------------------------------------------- wrapped lines


def _line(text, x0, x1, top, size=16.0, lead=None):
    return pdf_reader._Line(text, x0, x1, top, top + size, size, lead or size, page=1)


RIGHT = 500.0
SPACING = pdf_reader._Spacing(pitch={16.0: 28.0}, spaced={16.0: False})


@pytest.mark.parametrize(
    "following, full, joins",
    [
        ("3.0‰、4.0‰和6.0‰以下", True, True),  # a decimal is never an item number
        ("3. 0‰、4.0‰和6.0‰以下", True, True),  # not even with a gap after the point
        ("3.新生儿死亡率降至3.0‰以下", True, True),  # after a full line it is a continuation
        ("3.新生儿死亡率降至3.0‰以下", False, False),
        ("3.新生儿死亡率降至3.0‰以下", "。", False),  # a full line that ends a sentence
        ("（三）儿童与安全", True, False),  # numbering no sentence carries over a line break
        ("三、保障措施", True, False),
        ("第三章 附则", True, False),
    ],
)
def test_a_line_starting_with_a_number_joins_a_full_line(following, full, joins):
    text = "新生儿、婴儿和5岁以下儿童死亡率分别降至" + (full if isinstance(full, str) else "")
    above = _line(text, 100, RIGHT - (80 if full is False else 2), 100)
    below = _line(following, 100, 300, 128, lead=24.0)
    assert pdf_reader._wraps(above, below, RIGHT, SPACING) is joins


# ---------------------------------------------------------------- blanks between CJK words


def test_a_wide_blank_between_cjk_words_is_a_space_and_justification_is_not():
    issuers = [("厅", 0, 16), ("海", 48, 64), ("南", 64, 80)]
    justified = [("儿", 0, 16), ("童", 20, 36), ("友", 40, 56)]
    for spec, text in ((issuers, "厅 海南"), (justified, "儿童友")):
        line = pdf_reader._line([Char(t, x0, x1, 100.0, 116.0, 16.0) for t, x0, x1 in spec], 1)
        assert line and line.text == text


# ---------------------------------------------------------------- characters as printed


def test_kangxi_radicals_and_compatibility_ideographs_are_kept_as_written():
    """A browser's PDF maps 方 to the radical ⽅ (U+2F45); the record keeps what the file says
    and the reader treats the radicals as CJK (no spaces, no broken lines)."""
    source = read(EDGE / "radicals.pdf")
    assert block_texts(source.blocks) == FIXTURE.RADICALS_TEXT
    assert source.warnings == []


def test_kangxi_radical_heading_is_a_section():
    document = parse(EDGE / "radicals.pdf").documents[0]
    assert [section.ordinal for section in document.sections] == [1]


# ---------------------------------------------------------------- library noise


def test_pypdfium2_warnings_become_record_warnings_not_terminal_output(capfd):
    import logging
    import warnings

    import pypdfium2

    collected: list[str] = []
    with pdf_reader._library_warnings(collected):
        logging.getLogger("pypdfium2._helpers.document").warning("Maximum recursion depth reached")
        warnings.warn(pypdfium2.PdfiumWarning("FPDF_LoadXFA() failed"), stacklevel=1)
        logging.getLogger("pypdfium2").debug("Initialize PDFium")
    assert collected == ["PDFium: Maximum recursion depth reached", "PDFium: FPDF_LoadXFA() failed"]
    assert capfd.readouterr() == ("", "")


@pytest.mark.parametrize(
    "name", ["frames.pdf", "radicals.pdf", "split-table.pdf", "broken-xref.pdf"]
)
def test_reading_pdfs_prints_nothing(name, capfd):
    read(EDGE / name)
    assert capfd.readouterr() == ("", "")


# ---------------------------------------------------------------- the printed 公文 layout

# An A4 page's text column from x=80, 27 characters of 三号 (16 pt) wide, as GB/T 9704 sets it.
LEFT, RIGHT = 80.0, 80.0 + 27 * 16.0


def _printed_line(text: str, top: float, size: float, align: str = "left") -> list[Char]:
    """The characters of a line of CJK text, each one em wide, placed as Word places it."""
    width = size * len(text)
    x0 = {"left": LEFT, "centre": (LEFT + RIGHT - width) / 2, "indent": LEFT + 2 * size}[align]
    return [
        Char(ch, x0 + k * size, x0 + (k + 1) * size, top, top + size, size)
        for k, ch in enumerate(text)
    ]


def _printed_page(lines: list[list[Char]], number: int = 1) -> pdf_reader._Page:
    chars = [char for line in lines for char in line]
    page = pdf_reader._Page(number, 595.0, 842.0, pdf_reader._lines(chars, number))
    for k, line in enumerate(page.lines, start=1):
        line.number = k
    return page


# 南岭市北湖区 is an invented place; the body sets the column's edges and its line pitch.
_PROSE = (
    "为促进全区儿童健康成长，区政府决定开展儿童友好社区建设试点工作，现将有关事项通知如下，"
    "请各街道认真组织实施，确保各项任务按期完成。到二〇二五年，全区建成儿童友好社区二十个，"
    "儿童之家实现全覆盖，服务能力明显提升，儿童友好理念深入人心。"
)
BODY = [_PROSE[:25]] + [_PROSE[k : k + 27] for k in range(25, len(_PROSE), 27)]


def _printed_blocks(head: list[tuple[str, float, str]]) -> list[str]:
    placed, top = [], 100.0
    for text, size, align in head:
        placed.append(_printed_line(text, top, size, align))
        top += size * 1.4
    for k, text in enumerate(BODY):
        placed.append(_printed_line(text, top + 20 + 28 * k, 16.0, "indent" if k == 0 else "left"))
    blocks = pdf_reader._blocks([_printed_page(placed)], "printed.pdf")
    return [b.text for b in blocks if isinstance(b, Paragraph)]


def test_a_centred_line_too_full_for_the_next_unit_wraps_into_the_line_under_it():
    head = [
        ("南岭市北湖区人民政府办公室文", 30.0, "centre"),  # 420 of 442 points: 件 would not fit
        ("件", 30.0, "centre"),
        ("南岭市北湖区人民政府办公室关于印发北湖区儿", 21.0, "centre"),
        ("童友好社区建设方案的通知", 21.0, "centre"),
    ]
    assert _printed_blocks(head)[:2] == [
        "南岭市北湖区人民政府办公室文件",
        "南岭市北湖区人民政府办公室关于印发北湖区儿童友好社区建设方案的通知",
    ]


def test_centred_lines_the_author_broke_stay_apart():
    head = [
        ("南岭市北湖区人民政府", 22.0, "centre"),  # an issuer over its title: 关 would have fitted
        ("关于开展儿童友好社区建设试点的通知", 22.0, "centre"),
        ("南岭市儿童发展规划", 22.0, "centre"),
        ("（2021—2030年）", 16.0, "centre"),  # a period line in a smaller face
    ]
    assert _printed_blocks(head)[:4] == [text for text, _, _ in head]


@pytest.mark.parametrize(
    "top, dropped",
    [
        (740.0, True),  # under the text area, above the bottom band: a 公文's page number
        (760.0, True),  # in the bottom band
        (600.0, False),  # too high on the page to be its number
    ],
)
def test_a_page_number_under_the_text_is_furniture(top, dropped):
    lines = [_printed_line(text, 120.0 + 28 * k, 16.0) for k, text in enumerate(BODY)]
    page = _printed_page([*lines, _printed_line("— 3 —", top, 14.0, "centre")])
    pdf_reader._drop_running_lines([page])
    assert (page.lines[-1].text != "— 3 —") is dropped


def _stacked_mark(word_size: float) -> list[str]:
    """Two organs stacked at the left, 文件 beside them at the right, centred on both rows."""
    organs = [
        _printed_line("中共南岭市委", 100.0, 26.0),
        _printed_line("南岭市人民政府", 130.0, 26.0),
    ]
    middle = (100.0 + 156.0) / 2
    word = [
        Char(
            ch,
            300.0 + k * word_size,
            300.0 + (k + 1) * word_size,
            middle - word_size / 2,
            middle + word_size / 2,
            word_size,
        )
        for k, ch in enumerate("文件")
    ]
    chars = [char for line in organs for char in line] + word
    return [line.text for line in pdf_reader._lines(pdf_reader._unstacked(chars), 1)]


def test_a_tall_word_beside_stacked_organs_does_not_glue_their_lines():
    assert _stacked_mark(36.0) == ["中共南岭市委", "南岭市人民政府 文件"]


def test_a_word_of_the_organs_size_stays_on_its_own_line():
    # 文件 in the organs' own size between their lines is not beside them: nothing moves
    assert pdf_reader._unstacked(chars := [Char("件", 300.0, 326.0, 115.0, 141.0, 26.0)]) == chars
    assert _stacked_mark(26.0) == ["中共南岭市委", "文件", "南岭市人民政府"]
