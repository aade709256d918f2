"""The PDF reader: corpus renditions read back as the text versions, and every edge case.

The PDFs in tests/fixtures/renditions/ are LibreOffice prints of the DOCX renditions, and those
in tests/fixtures/edge/ are made by scripts/make_pdfs.py (rerun it when the DOCX renditions
change; the rendition test below fails when a PDF no longer matches its text version).

What a PDF cannot give back, and how the comparison allows for it:

* Spacing. Texts are compared after `norm`: every run of whitespace becomes one space and a
  space next to a CJK character is dropped. A PDF keeps no trace of a space beside CJK text
  (zunyi's "要求,\\u2002\\u2002打造" reads "要求,打造"), nor of how many spaces stood between two
  Latin words ("字号:[ ]  [关闭]" reads "字号:[ ] [关闭]").
* Cell line breaks that fall where the cell's line is full. A break the author typed at the
  very end of a full line looks exactly like the renderer wrapping the text, and the reader
  takes it for wrapping. In the corpus that happens to the two kaizhou cells listed in
  `JOINED_CELLS`; every other cell keeps its line breaks exactly.
"""

from __future__ import annotations

import re

import pytest

from govdocparse.errors import CorruptFileError, EncryptedFileError, NoTextLayerError
from govdocparse.readers import pdf_reader, read
from govdocparse.readers.pdf_page import Char
from govdocparse.source import Paragraph, TableBlock

from .support import CORPUS, CORPUS_STEMS, EDGE, RENDITIONS, pdf, script

# Text-version cell -> what the PDF gives for it (see the module docstring).
JOINED_CELLS = {
    "kaizhou-2023-women-children-plans": {
        "区教委、\n区卫生健康委": "区教委、区卫生健康委",
        "区公安局、\n区教委、\n区卫生健康委": "区公安局、\n区教委、区卫生健康委",
    },
}

_CJK_SPACE = re.compile(r"(?<=[\u2e80-\U0010ffff]) | (?=[\u2e80-\U0010ffff])")


def norm(text: str) -> str:
    """Whitespace as a PDF can give it back: single spaces, none beside CJK; line breaks kept."""
    lines = (_CJK_SPACE.sub("", " ".join(line.split())) for line in text.split("\n"))
    return "\n".join(lines)


def shape(blocks, joined: dict[str, str] | None = None):
    """Paragraph texts in order and tables as grids of cell texts, normalised."""
    joined = joined or {}
    return [
        norm(b.text)
        if isinstance(b, Paragraph)
        else [[norm(joined.get(c.text, c.text)) for c in row] for row in b.rows]
        for b in blocks
    ]


# ---------------------------------------------------------------- corpus renditions


@pytest.fixture(scope="module")
def renditions():
    return {stem: read(RENDITIONS / f"{stem}.pdf") for stem in CORPUS_STEMS}


@pytest.mark.parametrize("stem", CORPUS_STEMS)
def test_rendition_gives_the_text_version_blocks(stem, renditions):
    text = read(CORPUS / f"{stem}.txt")
    pdf = renditions[stem]
    assert pdf.format == "pdf"
    assert pdf.warnings == []
    assert shape(pdf.blocks) == shape(text.blocks, JOINED_CELLS.get(stem))


@pytest.mark.parametrize("stem", CORPUS_STEMS)
def test_only_the_listed_cells_lose_a_line_break(stem, renditions):
    text = read(CORPUS / f"{stem}.txt")
    text_cells = [
        c.text for b in text.blocks if isinstance(b, TableBlock) for row in b.rows for c in row
    ]
    pdf_cells = [
        c.text
        for b in renditions[stem].blocks
        if isinstance(b, TableBlock)
        for row in b.rows
        for c in row
    ]
    changed = {t: p for t, p in zip(text_cells, pdf_cells, strict=True) if norm(t) != norm(p)}
    assert changed == JOINED_CELLS.get(stem, {})


def test_kaizhou_merged_category_cells_are_marked(renditions):
    """Category cells merged over rows (and over page breaks) come out as in Word: the text once,
    with rowspan, and an empty merged cell in each covered row."""
    tables = [
        b
        for b in renditions["kaizhou-2023-women-children-plans"].blocks
        if isinstance(b, TableBlock)
    ]
    women = next(t for t in tables if norm(t.rows[0][0].text) == "类别")
    column = [row[0] for row in women.rows[1:] if len(row) == len(women.rows[0])]
    anchors = [cell for cell in column if not cell.merged]
    assert all(cell.text for cell in anchors)
    assert sum(cell.rowspan for cell in anchors) == len(column)
    covered = [cell for cell in column if cell.merged]
    assert covered and all(cell.text == "" and cell.rowspan == 1 for cell in covered)


def test_provenance_points_at_pages_and_lines(renditions):
    source = renditions["wanzhou-2018-children-policy"]
    first = source.blocks[0]
    assert (first.prov.page, first.prov.lines) == (1, (1, 1))
    pages = [b.prov.page for b in source.blocks]
    assert pages == sorted(pages) and pages[-1] > 1
    wrapped = next(
        b for b in source.blocks if isinstance(b, Paragraph) and b.text.startswith("（一）指导思想")
    )
    assert wrapped.prov.lines and wrapped.prov.lines[1] > wrapped.prov.lines[0]


# ---------------------------------------------------------------- a table over page breaks


@pytest.fixture(scope="module")
def split():
    return read(EDGE / "split-table.pdf")


def test_split_table_is_one_table_without_repeated_headers(split):
    fixture = script("make_pdfs")
    tables = [b for b in split.blocks if isinstance(b, TableBlock)]
    assert len(tables) == 1
    table = tables[0]
    assert [[norm(c.text) for c in row] for row in table.rows] == [
        [norm(t) for t in row] for row in fixture.split_table_rows()
    ]
    assert sum(1 for row in table.rows if row[0].text == "序号") == 1
    assert {c.prov.page for row in table.rows for c in row} == {1, 2, 3}
    assert all(
        (c.prov.table_row, c.prov.table_col) == (r, k)
        for r, row in enumerate(table.rows)
        for k, c in enumerate(row)
    )


def test_split_table_merges_survive_page_breaks(split):
    fixture = script("make_pdfs")
    table = next(b for b in split.blocks if isinstance(b, TableBlock))
    first = 1
    for category, indicators in fixture.SPLIT_GROUPS:
        column = [row[1] for row in table.rows[first : first + len(indicators)]]
        assert (column[0].text, column[0].rowspan, column[0].merged) == (
            category,
            len(indicators),
            False,
        )
        assert all(cell.text == "" and cell.merged for cell in column[1:])
        first += len(indicators)


def test_split_table_cells_keep_their_own_line_breaks_only(split):
    table = next(b for b in split.blocks if isinstance(b, TableBlock))
    texts = {c.text for row in table.rows for c in row}
    assert "区卫健委\n区疾控中心" in texts  # a break the author typed
    assert (
        "普惠性幼儿园覆盖率（公办幼儿园和普惠性民办幼儿园在园幼儿数占在园幼儿总数的比例）" in texts
    )  # wrapped, and cut by a page break


def test_running_header_and_page_numbers_are_dropped(split):
    fixture = script("make_pdfs")
    paragraphs = [norm(b.text) for b in split.blocks if isinstance(b, Paragraph)]
    expected = [
        fixture.SPLIT_TITLE,
        fixture.SPLIT_INTRO,
        fixture.SPLIT_CAPTION,
        fixture.SPLIT_AFTER,
    ]
    assert paragraphs == [norm(text) for text in expected]
    # the running header is line 1 of page 1, so the title is line 2
    assert (split.blocks[0].prov.page, split.blocks[0].prov.lines) == (1, (2, 2))


@pytest.mark.parametrize(
    "line",
    [
        "— 3 —",
        "-3-",
        "- 12 -",
        "3",
        "第3页",
        "第 3 页 共 10 页",
        "第3页/共10页",
        "3/10",
        "Page 2 of 9",
    ],
)
def test_page_number_shapes(line):
    assert pdf_reader._PAGE_NUMBER.match(line)


@pytest.mark.parametrize("line", ["2018年3月7日", "一、总体要求", "（一）", "100%", "第三章"])
def test_body_lines_are_not_page_numbers(line):
    assert not pdf_reader._PAGE_NUMBER.match(line)


# ---------------------------------------------------------------- pages stored turned (/Rotate)


def _stored_turned(path, quarters: int, rotate: bool = True) -> bytes:
    """The PDF as a printer driver that puts a sheet on paper of the other orientation stores it:
    each page's content drawn turned anticlockwise by `quarters` quarter turns, and /Rotate
    turning it back, so that it shows as before (without `rotate`, it shows sideways)."""
    import io

    import pypdfium2
    import pypdfium2.raw as pdfium_c

    document = pypdfium2.PdfDocument(path)
    for page in document:
        width, height = page.get_size()
        placement = {
            1: pdfium_c.FS_MATRIX(0, 1, -1, 0, height, 0),
            2: pdfium_c.FS_MATRIX(-1, 0, 0, -1, width, height),
            3: pdfium_c.FS_MATRIX(0, -1, 1, 0, 0, width),
        }[quarters]
        # wraps the content stream in a `cm`, leaving the text as the file has it
        pdfium_c.FPDFPage_TransFormWithClip(page.raw, placement, None)
        if quarters % 2:
            pdfium_c.FPDFPage_SetMediaBox(page.raw, 0, 0, height, width)
        if rotate:
            page.set_rotation(90 * quarters)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("quarters", [1, 2, 3])
def test_a_page_stored_turned_reads_as_it_shows(quarters, split):
    from govdocparse.readers import read_data

    turned = read_data(_stored_turned(EDGE / "split-table.pdf", quarters), "split-table.pdf")
    # the same paragraphs, the same table and the same page-furniture removal
    assert turned.blocks == split.blocks


@pytest.mark.parametrize("quarters", [1, 2, 3])
def test_a_page_set_sideways_reads_as_a_reader_turns_it(quarters, split):
    from govdocparse.readers import read_data

    sideways = _stored_turned(EDGE / "split-table.pdf", quarters, rotate=False)
    assert read_data(sideways, "split-table.pdf").blocks == split.blocks


def _pages_as_forms(path) -> bytes:
    """The PDF with each page's whole content placed on a new page as one form XObject, as
    imposition tools, stamping tools and some exporters place it."""
    import io

    import pypdfium2

    source, placed = pypdfium2.PdfDocument(path), pypdfium2.PdfDocument.new()
    for index, page in enumerate(source):
        form = source.page_as_xobject(index, placed)
        new = placed.new_page(*page.get_size())
        new.insert_obj(form.as_pageobject())
        new.gen_content()
    out = io.BytesIO()
    placed.save(out)
    return out.getvalue()


def test_content_placed_as_form_xobjects_reads_as_the_page_itself(split):
    """The rulings of a table inside a form are found through the form's objects."""
    from govdocparse.readers import read_data

    placed = read_data(_pages_as_forms(EDGE / "split-table.pdf"), "split-table.pdf")
    assert any(isinstance(block, TableBlock) for block in placed.blocks)
    assert placed.blocks == split.blocks


def test_a_vertical_margin_note_does_not_turn_the_page():
    import ctypes

    import pypdfium2
    import pypdfium2.raw as pdfium_c

    from govdocparse.readers.pdf_page import read_page

    document = pypdfium2.PdfDocument(EDGE / "split-table.pdf")
    plain = [char.text for char in read_page(document[0], 1).chars]
    page = document[0]
    note = pdfium_c.FPDFPageObj_NewTextObj(document.raw, b"Helvetica", ctypes.c_float(8))
    words = "Printed for review only, not for distribution"
    utf16 = ctypes.create_string_buffer((words + "\0").encode("utf-16-le"))
    pdfium_c.FPDFText_SetText(note, ctypes.cast(utf16, ctypes.POINTER(ctypes.c_ushort)))
    pdfium_c.FPDFPageObj_Transform(note, 0, 1, -1, 0, 30, 300)  # set bottom to top at the margin
    pdfium_c.FPDFPage_InsertObject(page.raw, note)
    page.gen_content()
    # the page is still read upright, and the note left out as rotated text
    assert [char.text for char in read_page(page, 1).chars] == plain


@pytest.mark.parametrize(
    ("pages", "page", "shown", "top_edge"),
    [
        # the media box inherited from the page tree, as some generators write it (the page's
        # own media box alone would give US Letter, 612 × 792)
        (b"/MediaBox [0 0 595 842] ", b"", (595.0, 842.0), 842),
        # a crop box: the page is shown cut to it, and read so
        (b"", b"/MediaBox [0 0 595 842] /CropBox [0 42 595 792] ", (595.0, 750.0), 792),
    ],
)
def test_the_page_is_measured_as_shown(pages, page, shown, top_edge):
    import pypdfium2

    from govdocparse.readers.pdf_page import read_page

    from .support import PDF_CATALOG, PDF_FONT, PDF_TEXT

    tree = b"<< /Type /Pages /Kids [3 0 R] /Count 1 %s>>" % pages
    leaf = b"<< /Type /Page /Parent 2 0 R %s/Resources << /Font << /F1 5 0 R >> >> " % page
    data = pdf([PDF_CATALOG, tree, leaf + b"/Contents 4 0 R >>", PDF_TEXT, PDF_FONT])
    content = read_page(pypdfium2.PdfDocument(data)[0], 1)
    assert (content.width, content.height) == shown
    # the line's baseline is at 720 pt in the page's space, its descent a few points below
    first = content.chars[0]
    assert first.text == "C"
    assert top_edge - 720 < first.bottom < top_edge - 720 + 5


# ---------------------------------------------------------------- characters to lines


def _chars(spec: list[tuple[str, float, float]], size: float = 12.0) -> list[Char]:
    return [Char(t, x0, x1, 100.0, 100.0 + size, size) for t, x0, x1 in spec]


def test_cjk_is_never_split_by_spaces():
    # gaps wider than a space between CJK characters (justified text, loose tracking)
    line = pdf_reader._line(
        _chars([("儿", 0, 12), ("童", 18, 30), ("1", 36, 42), ("名", 48, 60)]), 1
    )
    assert line and line.text == "儿童1名"


def test_latin_words_keep_one_space():
    chars = _chars(
        [("P", 0, 6), ("a", 6, 12), ("g", 12, 18), ("e", 18, 24), (" ", 24, 27), ("2", 27, 33)]
    )
    chars += _chars([("o", 40, 46), ("f", 46, 52)])
    line = pdf_reader._line(chars, 1)
    assert line and line.text == "Page 2 of"


# ---------------------------------------------------------------- damaged, locked and scanned files


def test_pdf_without_text_or_images_has_nothing_to_read():
    # scanned pages (images without text) are tested in test_pdf_ocr.py
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"]
    data = pdf([*objects, page, b"<< /Length 0 >>\nstream\n\nendstream"])
    with pytest.raises(NoTextLayerError) as caught:
        pdf_reader.read(data, "blank.pdf", "blank.pdf", "0" * 64)
    assert str(caught.value) == "blank.pdf: no text layer and no page images: nothing to read"
    assert caught.value.kind == "no-text"


def test_password_protected_pdf():
    path = EDGE / "encrypted.pdf"
    with pytest.raises(EncryptedFileError) as caught:
        read(path)
    assert str(caught.value) == f"{path}: encrypted PDF: a password is needed to open it"


def test_owner_password_only_opens_like_the_plain_file(split):
    locked = read(EDGE / "owner-locked.pdf")
    assert shape(locked.blocks) == shape(split.blocks)


def test_broken_xref_is_recovered_with_a_warning(split):
    recovered = read(EDGE / "broken-xref.pdf")
    assert shape(recovered.blocks) == shape(split.blocks)
    assert recovered.warnings == [
        "damaged cross-reference table: objects were recovered by scanning the file"
    ]


@pytest.mark.parametrize(
    "name, problem",
    [
        ("truncated.pdf", "damaged PDF: the file ends unexpectedly (truncated?)"),
        ("not-a-pdf.pdf", "damaged PDF: no document catalog (not really a PDF, or truncated)"),
    ],
)
def test_unreadable_pdf_is_corrupt(name, problem):
    path = EDGE / name
    with pytest.raises(CorruptFileError) as caught:
        read(path)
    assert str(caught.value) == f"{path}: {problem}"
    assert "\n" not in str(caught.value)


def test_garbage_after_the_header_is_corrupt_not_a_traceback():
    data = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\n" + bytes(range(256)) * 4
    with pytest.raises(CorruptFileError) as caught:
        pdf_reader.read(data, "x.pdf", "x.pdf", "0" * 64)
    assert str(caught.value).startswith("x.pdf: damaged PDF: ")
    assert "\n" not in str(caught.value)
