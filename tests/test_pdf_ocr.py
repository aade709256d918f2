"""Scanned PDFs: pages whose text layer is empty or only a scanner app's watermark.

scanned-watermark.pdf is frames.pdf rendered to grey images, with the one text line a scanner
app stamps on every page ("扫描全能王 创建") as its whole text layer; scanned.pdf is a page image
with no text at all (both made by scripts/make_pdfs.py). OCR needs the `ocr` extra; the tests
that run it skip without it, the others pretend it is missing.
"""

from __future__ import annotations

import io
from contextlib import redirect_stderr

import pytest

from govdocparse import parse
from govdocparse.errors import NoTextLayerError
from govdocparse.readers import pdf_ocr, read
from govdocparse.readers.pdf_scans import scanned_pages

from .support import EDGE, block_texts, parse_without_ocr, script

SCAN = EDGE / "scanned-watermark.pdf"
needs_ocr = pytest.mark.skipif(not pdf_ocr.available(), reason="the ocr extra is not installed")


FIXTURE = script("make_pdfs")


# ---------------------------------------------------------------- which pages are scans

WATERMARK = "扫描全能王 创建"


@pytest.mark.parametrize(
    "pages, scans",
    [
        # the same short line over each page image, and nothing else: a scan
        ([([WATERMARK], 1.0), ([WATERMARK], 0.98)], [0, 1]),
        # the watermark numbered by page is the same line, digits aside
        ([(["第1页 CamScanner"], 1.0), (["第2页 CamScanner"], 1.0)], [0, 1]),
        # a one-page scan with its watermark
        ([([WATERMARK], 1.0)], [0]),
        # no text at all over an image, however small
        ([([], 0.1)], [0]),
        # a blank page is not a scan
        ([([], 0.0)], []),
        # two short lines beside a letterhead emblem are a document, not a scan
        ([(["关于印发儿童发展规划的通知", "各区县人民政府："], 0.05)], []),
        # a short line that differs from page to page is text, not a watermark
        ([(["一、总体要求"], 1.0), (["二、主要目标"], 1.0)], []),
        # a born-digital document with one scanned page appended
        ([(["关于印发儿童发展规划的通知", "正文"], 0.0), ([], 1.0)], [1]),
    ],
)
def test_scanned_pages_are_recognised_by_shape(pages, scans):
    assert scanned_pages(pages)[0] == scans


# ---------------------------------------------------------------- without the extra


@pytest.mark.parametrize("name", ["scanned-watermark.pdf", "scanned.pdf"])
def test_without_the_extra_a_scan_is_refused_in_one_line(name, monkeypatch):
    monkeypatch.setattr(pdf_ocr, "available", lambda: False)
    path = EDGE / name
    with pytest.raises(NoTextLayerError) as caught:
        read(path)
    assert str(caught.value) == f"{path}: scanned pages, no text layer: install govdocparse[ocr]"


def test_without_the_extra_the_cli_exits_non_zero_and_writes_nothing(tmp_path):
    done = parse_without_ocr(SCAN, tmp_path / "out.json")
    assert done.returncode == 1
    assert done.stderr.strip().endswith("scanned pages, no text layer: install govdocparse[ocr]")
    assert done.stderr.count("\n") == 1
    assert not (tmp_path / "out.json").exists()


# ---------------------------------------------------------------- with the extra


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(scope="module")
def recognised():
    terminal = _Terminal()
    with redirect_stderr(terminal):
        source = read(SCAN)
    return source, terminal.getvalue()


@needs_ocr
def test_ocr_reads_the_scanned_pages_without_the_watermark(recognised):
    source, _ = recognised
    texts = [block.text for block in source.blocks]
    assert not any("扫描全能王" in text for text in texts)
    for line in (FIXTURE.FRAMES_NUMBER, "一、总体目标", "二、主要指标", "三、保障措施"):
        assert line in texts
    # wrapped lines are joined back into their paragraph
    assert FIXTURE.FRAMES_BODY[1] in texts
    assert source.warnings == []


@needs_ocr
def test_each_ocr_block_carries_page_box_and_confidence(recognised):
    source, _ = recognised
    assert {block.prov.page for block in source.blocks} == {1, 2}
    for block in source.blocks:
        x0, top, x1, bottom = block.prov.box
        assert 0 <= x0 < x1 <= 596 and 0 <= top < bottom <= 842
        assert 0.5 <= block.prov.confidence <= 1.0


@needs_ocr
def test_ocr_writes_one_progress_line_per_page_on_a_terminal(recognised):
    _, progress = recognised
    assert progress.splitlines() == [
        f"govdocparse: OCR {SCAN} page 1/2",
        f"govdocparse: OCR {SCAN} page 2/2",
    ]


@needs_ocr
def test_a_scanned_notice_parses_to_its_records():
    document = parse(SCAN).documents[0]
    assert document.metadata.doc_number == FIXTURE.FRAMES_NUMBER
    assert [section.number for section in document.sections] == ["一、", "二、", "三、"]


# ---------------------------------------------------------------- images of pages


def _page_image(tmp_path, suffix: str):
    import pypdfium2

    document = pypdfium2.PdfDocument(SCAN)
    image = document[1].render(scale=150 / 72, grayscale=True).to_pil()
    document.close()
    path = tmp_path / f"page{suffix}"
    image.save(path, dpi=(150, 150))
    return path


@needs_ocr
def test_an_image_of_a_page_is_read_by_ocr(tmp_path):
    source = read(_page_image(tmp_path, ".png"))
    assert source.format == "image"
    assert "三、保障措施" in block_texts(source.blocks)
    assert all(block.prov.page == 1 and block.prov.confidence for block in source.blocks)


@needs_ocr
def test_without_the_extra_an_image_is_still_refused(tmp_path, monkeypatch):
    from govdocparse.errors import UnsupportedFormatError

    path = _page_image(tmp_path, ".jpg")
    monkeypatch.setattr(pdf_ocr, "available", lambda: False)
    with pytest.raises(UnsupportedFormatError) as caught:
        read(path)
    assert str(caught.value) == f"{path}: a JPEG image, not a document"


# ---------------------------------------------------------------- a scanned page among text pages


def _with_page(document, page, index: int | None = None) -> bytes:
    """The PDF `document` with the first page of the PDF `page` inserted at `index` (the end
    when None); each is a path or the file's bytes."""
    import pypdfium2

    joined = pypdfium2.PdfDocument(document)
    joined.import_pages(pypdfium2.PdfDocument(page), [0], index=index)
    out = io.BytesIO()
    joined.save(out)
    return out.getvalue()


def _text_then_scan() -> bytes:
    return _with_page(EDGE / "split-table.pdf", EDGE / "scanned.pdf", index=1)


def test_without_the_extra_a_scanned_page_among_text_pages_is_a_warning(monkeypatch):
    from govdocparse.readers import read_data

    monkeypatch.setattr(pdf_ocr, "available", lambda: False)
    source = read_data(_text_then_scan(), "mixed.pdf")
    assert source.warnings == [
        "no text layer on page(s) 2 (scanned?): their content is missing; "
        "install govdocparse[ocr] to read them"
    ]
    assert {block.prov.page for block in source.blocks} == {1, 3, 4}


# ---------------------------------------------------------------- a text layer of glyph codes


def _without_unicode_maps(path) -> bytes:
    """The PDF with its fonts' ToUnicode maps unreachable (the key renamed, same length, so the
    cross-reference offsets hold): what a typesetting system that embeds CID fonts without
    them gives, a text layer of glyph numbers."""
    return path.read_bytes().replace(b"/ToUnicode", b"/ToUnicodX")


@pytest.mark.parametrize(
    "text, coded",
    [
        # glyph numbers of a CID font without a ToUnicode map, as PDFium extracts them
        ('\x01\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\r\n\x10\x11\x12\x13\x14\x15 !"#$%&', True),
        # text with a few symbol-font bullets (private-use code points) is text
        (
            "\uf06c 到2025年，儿童友好工作机制基本建立。\r\n\uf06c 学前三年毛入园率达到95%以上。",
            False,
        ),
        # too little to judge: a page with one stray code
        ("\x01 目录", False),
        # a page without text is not a text layer of codes
        ("", False),
    ],
)
def test_a_text_layer_of_glyph_codes_is_recognised(text, coded):
    from govdocparse.readers.pdf_scans import illegible

    assert illegible(text) is coded


def _coded_then_text() -> bytes:
    return _with_page(_without_unicode_maps(EDGE / "radicals.pdf"), EDGE / "split-table.pdf")


def test_without_the_extra_a_page_of_glyph_codes_is_left_out_with_a_warning(monkeypatch):
    from govdocparse.readers import read_data

    monkeypatch.setattr(pdf_ocr, "available", lambda: False)
    source = read_data(_coded_then_text(), "mixed.pdf")
    assert source.warnings == [
        "page(s) 1: text layer of glyph codes, not text (fonts without a ToUnicode map): "
        "their content is missing; install govdocparse[ocr] to read them"
    ]
    assert {block.prov.page for block in source.blocks} == {2}


@needs_ocr
def test_a_page_of_glyph_codes_is_read_by_ocr():
    from govdocparse.readers import read_data

    source = read_data(_without_unicode_maps(EDGE / "radicals.pdf"), "coded.pdf")
    texts = block_texts(source.blocks)
    assert any("一、工作目标" in text for text in texts)
    assert all(block.prov.page == 1 and block.prov.confidence for block in source.blocks)
    assert source.warnings[-1].endswith("fonts without a ToUnicode map): read by OCR")


# ---------------------------------------------------------------- text drawn as outlines


def _text_as_outlines(path) -> bytes:
    """The PDF with each character drawn as its glyph's outline, filled, and the text objects
    removed: a print shop's 文字转曲, which shows text and has no text layer."""
    import ctypes

    import pypdfium2
    import pypdfium2.raw as pdfium_c

    document = pypdfium2.PdfDocument(path)
    x, y = ctypes.c_float(), ctypes.c_float()
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    for page in document:
        textpage = page.get_textpage()
        for index in range(pdfium_c.FPDFText_CountChars(textpage.raw)):
            text_object = pdfium_c.FPDFText_GetTextObject(textpage.raw, index)
            if not text_object:
                continue
            size = pdfium_c.FPDFText_GetFontSize(textpage.raw, index)
            glyph = pdfium_c.FPDFFont_GetGlyphPath(
                pdfium_c.FPDFTextObj_GetFont(text_object),
                pdfium_c.FPDFText_GetUnicode(textpage.raw, index),
                ctypes.c_float(size),
            )
            if not glyph:
                continue
            pdfium_c.FPDFText_GetCharOrigin(textpage.raw, index, origin_x, origin_y)
            outline = pdfium_c.FPDFPageObj_CreateNewPath(0, 0)
            controls: list[float] = []  # a Bézier's points come as three segments
            for k in range(pdfium_c.FPDFGlyphPath_CountGlyphSegments(glyph)):
                segment = pdfium_c.FPDFGlyphPath_GetGlyphPathSegment(glyph, k)
                pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
                # glyph space is in ems from the character's origin
                point = (origin_x.value + size * x.value, origin_y.value + size * y.value)
                kind = pdfium_c.FPDFPathSegment_GetType(segment)
                if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
                    pdfium_c.FPDFPath_MoveTo(outline, *point)
                elif kind == pdfium_c.FPDF_SEGMENT_LINETO:
                    pdfium_c.FPDFPath_LineTo(outline, *point)
                else:
                    controls.extend(point)
                    if len(controls) == 6:
                        pdfium_c.FPDFPath_BezierTo(outline, *controls)
                        controls = []
                if pdfium_c.FPDFPathSegment_GetClose(segment):
                    pdfium_c.FPDFPath_Close(outline)
            pdfium_c.FPDFPageObj_SetFillColor(outline, 0, 0, 0, 255)
            pdfium_c.FPDFPath_SetDrawMode(outline, pdfium_c.FPDF_FILLMODE_WINDING, False)
            pdfium_c.FPDFPage_InsertObject(page.raw, outline)
        textpage.close()
        for item in list(page.get_objects()):
            if item.type == pdfium_c.FPDF_PAGEOBJ_TEXT:
                page.remove_obj(item)
        page.gen_content()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    "pictured, name, says",
    [
        (
            _without_unicode_maps,
            "coded.pdf",
            "text layer of glyph codes, not text (fonts without a ToUnicode map)",
        ),
        (_text_as_outlines, "outlines.pdf", "text drawn as outlines, no text layer"),
    ],
)
def test_without_the_extra_pictured_text_is_refused_in_one_line(pictured, name, says, monkeypatch):
    from govdocparse.readers import read_data

    monkeypatch.setattr(pdf_ocr, "available", lambda: False)
    with pytest.raises(NoTextLayerError) as caught:
        read_data(pictured(EDGE / "radicals.pdf"), name)
    assert str(caught.value) == f"{name}: {says}: install govdocparse[ocr] to read it"


@needs_ocr
def test_text_drawn_as_outlines_is_read_by_ocr():
    from govdocparse.readers import read_data

    source = read_data(_text_as_outlines(EDGE / "radicals.pdf"), "outlines.pdf")
    assert any("一、工作目标" in text for text in block_texts(source.blocks))
    assert source.warnings[-1] == "page(s) 1: text drawn as outlines, no text layer: read by OCR"
