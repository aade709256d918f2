"""OFDs converted from paper: pages that are only an image, read by OCR through the PDF reader.

The packages are written by scripts/make_ofd.py: a page image is an ImageObject over the whole
page whose MultiMedia resource is a PNG in the package. Without the `ocr` extra (pretended
missing here) a scan gives one clear line; the tests that OCR a page rendered with a CJK font
skip when the extra or the font is absent.
"""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
import sys
import zipfile

import pytest

from govdocparse import parse
from govdocparse.errors import CorruptFileError, NoTextLayerError
from govdocparse.readers import jbig2, ofd_scans, pdf_ocr, read_data
from govdocparse.readers.ofd_scans import PageImage, ScanPage
from govdocparse.source import Paragraph

from .support import script

make_ofd = script("make_ofd")
needs_ocr = pytest.mark.skipif(not pdf_ocr.available(), reason="the ocr extra is not installed")
# A blank page image: what a scan without OCR is, as far as the reader can tell.
BLANK = make_ofd.png([b"\xff" * 64] * 90, 64)


def _scanned(media: dict[str, bytes], text_pages: int = 0) -> bytes:
    """An OFD of `text_pages` typeset pages of the notice fixture, then one page per image."""
    pages = make_ofd.notice_pages()[:text_pages]
    for k in range(len(media)):
        page = make_ofd.Page()
        page.image(500 + k)
        pages.append(page)
    return make_ofd.package(pages, media=media)


def _cjk_font() -> str | None:
    if shutil.which("fc-list") is None:
        return None
    found = subprocess.run(
        ["fc-list", ":lang=zh", "file"], capture_output=True, text=True, check=False
    ).stdout.split()
    return next((line.rstrip(":") for line in sorted(found) if "Regular" in line), None)


# ---------------------------------------------------------------- without the extra


def test_without_the_extra_a_scanned_ofd_is_refused_in_one_line(monkeypatch):
    monkeypatch.setattr(pdf_ocr, "available", lambda: False)
    with pytest.raises(NoTextLayerError) as caught:
        read_data(_scanned({"page1.png": BLANK, "page2.png": BLANK}), "scan.ofd")
    assert str(caught.value) == "scan.ofd: scanned pages, no text layer: install govdocparse[ocr]"


def test_without_the_extra_the_cli_exits_non_zero_and_writes_nothing(tmp_path):
    scan = tmp_path / "scan.ofd"
    scan.write_bytes(_scanned({"page1.png": BLANK}))
    out = tmp_path / "out.json"
    probe = (
        "import sys\n"
        "from govdocparse.readers import pdf_ocr\n"
        "pdf_ocr.available = lambda: False\n"
        "from govdocparse.cli import main\n"
        f"sys.exit(main(['parse', {str(scan)!r}, '-o', {str(out)!r}]))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode != 0
    assert not out.exists()
    assert "scanned pages, no text layer: install govdocparse[ocr]" in done.stderr
    assert "Traceback" not in done.stderr


def test_without_the_extra_a_scanned_page_among_text_pages_is_a_warning(monkeypatch):
    monkeypatch.setattr(pdf_ocr, "available", lambda: False)
    source = read_data(_scanned({"page4.png": BLANK}, text_pages=3), "mixed.ofd")
    assert source.warnings == [
        "no text layer on page(s) 4 (scanned?): their content is missing; "
        "install govdocparse[ocr] to read them"
    ]
    assert {block.prov.page for block in source.blocks} == {1, 2, 3}


def _box_page(width: int = 124, height: int = 175) -> bytes:
    """A page image at 15 dpi: white, with a black box over its upper left quarter."""
    rows = [
        (b"\x00" * (width // 2) + b"\xff" * (width - width // 2))
        if y < height // 2
        else b"\xff" * width
        for y in range(height)
    ]
    return make_ofd.png(rows, width)


@pytest.mark.parametrize("random_access", [False, True], ids=["sequential", "random-access"])
def test_a_jbig2_page_image_reaches_the_page_as_drawn(random_access):
    pytest.importorskip("PIL")
    import pypdfium2

    scan = ScanPage(
        1, (210.0, 297.0), [PageImage("p.jb2", _jbig2(random_access), (0, 0, 210, 297))]
    )
    document = pypdfium2.PdfDocument(ofd_scans._pdf([scan], 1, "scan.ofd"))
    page = document[0].render(scale=0.25, grayscale=True).to_pil()
    width, height = page.size
    assert page.getpixel((width // 4, height // 4)) < 64  # the black box
    assert page.getpixel((3 * width // 4, 3 * height // 4)) > 192  # the white page
    document.close()


def _jbig2(random_access: bool = False) -> bytes:
    return make_ofd.jbig2(_box_page(), random_access)


def test_shared_jbig2_segments_go_to_the_globals_stream():
    data = _jbig2()
    header = 13
    # a symbol dictionary of no page (page association 0) put before the page's segments
    shared = struct.pack(">IBBBI", 9, 0, 0, 0, 3) + b"abc"
    page = jbig2.embedded(data[:header] + shared + data[header:])
    assert page.globals == shared
    assert (page.width, page.height) == (124, 175)
    # the page's own segments, without the end-of-page and end-of-file ones (11 bytes each)
    assert page.page == data[header:-22]


@pytest.mark.parametrize("cut", [5, 20, 60])
def test_a_damaged_jbig2_page_image_is_a_damaged_ofd(cut, monkeypatch):
    monkeypatch.setattr(pdf_ocr, "available", lambda: True)
    pytest.importorskip("PIL")
    with pytest.raises(CorruptFileError) as caught:
        read_data(_scanned({"page1.jb2": _jbig2()[:cut]}), "scan.ofd")
    message = str(caught.value)
    assert "\n" not in message and "page1.jb2" in message and "JBIG2" in message


def test_a_page_image_that_does_not_decode_is_a_damaged_ofd(monkeypatch):
    pytest.importorskip("PIL")
    monkeypatch.setattr(pdf_ocr, "available", lambda: True)
    with pytest.raises(CorruptFileError) as caught:
        read_data(_scanned({"page1.png": BLANK[:40]}), "scan.ofd")
    assert "page image" in str(caught.value) and "\n" not in str(caught.value)


# ---------------------------------------------------------------- OCR


NOTICE = [
    (60.0, None, "青溪县卫生健康局文件", 12.0),
    (80.0, None, "青卫发〔2024〕9号", 5.6),
    (105.0, None, "关于做好夏季食品安全工作的通知", 7.7),
    (122.0, 28.0, "各乡镇卫生院：", 5.6),
    (134.0, 39.2, "现将有关事项通知如下。", 5.6),
    (146.0, 39.2, "一、加强监督检查", 5.6),
    (158.0, 39.2, "二、做好宣传引导", 5.6),
    (190.0, 130.0, "青溪县卫生健康局", 5.6),
    (202.0, 132.0, "2024年6月3日", 5.6),
]


@pytest.fixture(scope="module")
def scan() -> bytes:
    font = _cjk_font()
    if font is None:
        pytest.skip("no CJK font on this machine to render a page with")
    return _scanned({"page1.png": make_ofd.render_scan(NOTICE, font)})


@needs_ocr
def test_a_scanned_page_is_read_by_ocr_with_page_box_and_confidence(scan):
    source = read_data(scan, "scan.ofd")
    texts = [block.text for block in source.blocks if isinstance(block, Paragraph)]
    assert "青卫发〔2024〕9号" in texts and "一、加强监督检查" in texts
    assert source.format == "ofd"
    for block in source.blocks:
        assert block.prov.page == 1 and block.prov.box is not None
        assert 0.5 <= (block.prov.confidence or 0) <= 1.0


@needs_ocr
def test_a_scanned_notice_parses_to_its_records(tmp_path, scan):
    path = tmp_path / "scan.ofd"
    path.write_bytes(scan)
    document = parse(path).documents[0]
    assert document.metadata.doc_number == "青卫发〔2024〕9号"
    assert document.metadata.date_written == "2024-06-03"
    assert [section.number for section in document.sections] == ["一、", "二、"]


@needs_ocr
def test_a_scanned_page_after_text_pages_keeps_its_page_number(scan):
    font = _cjk_font()
    assert font is not None
    media = {"page4.png": make_ofd.render_scan(NOTICE, font)}
    source = read_data(_scanned(media, text_pages=3), "mixed.ofd")
    pages = [block.prov.page or 0 for block in source.blocks]
    assert pages == sorted(pages) and pages[-1] == 4
    texts = [b.text for b in source.blocks if isinstance(b, Paragraph) and b.prov.page == 4]
    assert "青卫发〔2024〕9号" in texts


@needs_ocr
def test_a_scanned_page_stored_as_jbig2_is_read_by_ocr(scan):
    png = zipfile.ZipFile(io.BytesIO(scan)).read("Doc_0/Res/page1.png")
    source = read_data(_scanned({"page1.jb2": make_ofd.jbig2(png)}), "scan.ofd")
    texts = [block.text for block in source.blocks if isinstance(block, Paragraph)]
    assert "青卫发〔2024〕9号" in texts and "二、做好宣传引导" in texts
