"""Word documents that hold only images of their pages (a scan pasted into Word): read by OCR
with the `ocr` extra, refused in one line without it.

scan.docx holds two page images of an invented notice (a PNG and a JPEG), scan.doc is
LibreOffice's Word 97 save of it, scan.rtf the pictures as Word's RTF carries them
(scripts/make_word_saves.py). The tests that run OCR skip
without the extra; the others pretend it is missing.
"""

from __future__ import annotations

import io
import struct

import docx
import pytest
from docx.oxml import parse_xml

from govdocparse import parse
from govdocparse.errors import NoTextLayerError
from govdocparse.readers import doc_pictures, pdf_ocr, read, read_data
from govdocparse.source import Paragraph

from .support import FIXTURES, parse_without_ocr, script

SCANS = [FIXTURES / "word-saves" / f"scan.{suffix}" for suffix in ("docx", "doc", "rtf")]
needs_ocr = pytest.mark.skipif(not pdf_ocr.available(), reason="the ocr extra is not installed")


@pytest.mark.parametrize("path", SCANS, ids=lambda p: p.suffix)
def test_without_the_extra_a_scan_in_word_is_refused_in_one_line(path, monkeypatch):
    monkeypatch.setattr(pdf_ocr, "available", lambda: False)
    with pytest.raises(NoTextLayerError) as caught:
        read(path)
    assert str(caught.value) == f"{path}: scanned pages, no text layer: install govdocparse[ocr]"


def test_without_the_extra_the_cli_exits_non_zero_and_writes_nothing(tmp_path):
    done = parse_without_ocr(SCANS[1], tmp_path / "out.json")
    assert done.returncode == 1
    assert done.stderr.strip().endswith("scanned pages, no text layer: install govdocparse[ocr]")
    assert not (tmp_path / "out.json").exists()


@needs_ocr
@pytest.mark.parametrize("path", SCANS, ids=lambda p: p.suffix)
def test_a_scan_in_word_is_read_by_ocr_in_document_order(path):
    source = read(path)
    assert source.format == path.suffix[1:]
    assert source.warnings[0] == "the Word document holds only images of its pages: read by OCR"
    texts = [block.text for block in source.blocks if isinstance(block, Paragraph)]
    assert (
        texts.index("白教发〔2024〕15号")
        < texts.index("一、活动时间")
        < texts.index("二、活动内容")
    )
    pages = [block.prov.page for block in source.blocks]
    assert pages[0] == 1 and pages[-1] == 2 and pages == sorted(pages)  # type: ignore[type-var]
    for block in source.blocks:
        assert block.prov.box is not None and 0.5 <= (block.prov.confidence or 0) <= 1
        # .docx and RTF know the paragraph each picture is in: one picture a paragraph
        anchored = path.suffix in (".docx", ".rtf")
        assert block.prov.paragraph == (block.prov.page if anchored else None)


@needs_ocr
def test_a_scan_in_word_parses_to_its_records():
    document = parse(SCANS[1]).documents[0]
    assert document.metadata.doc_number == "白教发〔2024〕15号"
    assert document.metadata.issuer == "白石市教育局"
    assert document.metadata.date_written == "2024-08-20"
    # a short page's title is not taken for the first line of the recipients' paragraph
    assert document.title == "关于开展儿童安全教育周活动的通知"
    assert document.metadata.recipients == ["各区县教育局"]
    assert [section.number for section in document.sections] == ["一、", "二、"]


def test_a_word_document_of_drawings_without_pictures_has_no_text_layer():
    document = docx.Document()
    run = document.add_paragraph().add_run()
    drawing = parse_xml(
        '<w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
    )
    run._r.append(drawing)
    out = io.BytesIO()
    document.save(out)
    with pytest.raises(NoTextLayerError, match=r"shapes\.docx: .*only drawings, no text"):
        read_data(out.getvalue(), "shapes.docx")


# ---------------------------------------------------------------- pictures in a .doc


def _blip(kind: int, instance: int, image: bytes, uid: bytes = b"u" * 16) -> bytes:
    ids = uid * (2 if instance & 1 else 1)
    body = ids + b"\xff" + image
    return struct.pack("<HHI", instance << 4, kind, len(body)) + body


def _dib(width: int = 2, height: int = 2) -> bytes:
    header = struct.pack("<IiiHHIIiiII", 40, width, height, 1, 24, 0, 0, 0, 0, 0, 0)
    return header + b"\x00" * (4 * 2 * height)


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 8
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 8


@pytest.mark.parametrize(
    "streams, count, metafiles",
    [
        # a PNG in the Data stream, a JPEG with two identifiers in the WordDocument stream
        ((b"junk" + _blip(0xF01E, 0x6E0, PNG), _blip(0xF01D, 0x46B, JPEG, b"v" * 16)), 2, 0),
        # the same picture stored twice is one picture
        ((_blip(0xF01E, 0x6E0, PNG) + _blip(0xF01E, 0x6E0, PNG),), 1, 0),
        # a header whose image is not what its type says is not a picture
        ((_blip(0xF01E, 0x6E0, JPEG),), 0, 0),
        # a length past the stream's end is not a picture
        ((_blip(0xF01E, 0x6E0, PNG)[:-4],), 0, 0),
        # an EMF is counted, not returned
        ((_blip(0xF01A, 0x3D4, b"\x00" * 40),), 0, 1),
    ],
    ids=["two-streams", "stored-twice", "wrong-signature", "cut", "metafile"],
)
def test_doc_pictures_are_found_by_their_records(streams, count, metafiles):
    found, counted = doc_pictures.pictures(*streams)
    assert (len(found), counted) == (count, metafiles)


def test_a_dib_picture_becomes_a_bmp_file_pillow_reads():
    from PIL import Image

    found, _ = doc_pictures.pictures(_blip(0xF01F, 0x7A8, _dib()))
    with Image.open(io.BytesIO(found[0])) as image:
        assert image.size == (2, 2)


# ---------------------------------------------------------------- pictures of pages among text

# scan-mixed.docx: a typed notice, the two scanned pages pasted after it at the text's width with
# a line of text between them, and a logo-sized picture; scan-mixed.doc is LibreOffice's .doc,
# scan-mixed.rtf the same as Word's RTF carries pictures (goal size and scale).
MIXED = [FIXTURES / "word-saves" / f"scan-mixed.{suffix}" for suffix in ("docx", "doc", "rtf")]
NOTICE = script("make_word_saves").MIXED_NOTICE
BETWEEN = "（转发件第二页）"


@pytest.mark.parametrize("path", MIXED, ids=lambda p: p.suffix)
def test_without_the_extra_pictures_of_pages_among_text_are_named_in_a_warning(path, monkeypatch):
    monkeypatch.setattr(pdf_ocr, "available", lambda: False)
    source = read(path)
    assert [getattr(block, "text", None) for block in source.blocks] == [*NOTICE, BETWEEN]
    assert source.warnings == [
        "2 picture(s) of pages among the text at paragraph(s) 4, 6: their text is missing;"
        " install govdocparse[ocr] to read them"
    ]


@needs_ocr
@pytest.mark.parametrize("path", MIXED, ids=lambda p: p.suffix)
def test_pictures_of_pages_among_text_are_read_by_ocr_where_they_stand(path):
    source = read(path)
    texts = [block.text for block in source.blocks if isinstance(block, Paragraph)]
    assert texts[:3] == NOTICE
    assert (
        texts.index("白教发〔2024〕15号")
        < texts.index("一、活动时间")
        < texts.index(BETWEEN)
        < texts.index("二、活动内容")
    )
    read_by_ocr = [block for block in source.blocks if block.prov.page is not None]
    assert {block.prov.paragraph for block in read_by_ocr} == {4, 6}
    assert source.warnings[0] == (
        "2 picture(s) of pages among the text at paragraph(s) 4, 6: read by OCR"
    )


def test_a_picture_shown_small_is_no_page():
    from docx.shared import Cm

    document = docx.Document()
    document.add_paragraph(NOTICE[0])
    chart = docx.Document(str(SCANS[0]))
    blob = next(r.target_part.blob for r in chart.part.rels.values() if "image" in r.reltype)
    # as wide as the text, but a third of its height: a chart or a banner, not a page
    document.add_paragraph().add_run().add_picture(io.BytesIO(blob), width=Cm(15), height=Cm(7))
    out = io.BytesIO()
    document.save(out)
    assert read_data(out.getvalue(), "chart.docx").warnings == []


@pytest.mark.parametrize(
    "style, size",
    [
        # in twips: 20 a point, 567 a centimetre
        ("position:absolute;width:450pt;height:640.5pt", (450 * 20, 640.5 * 20)),
        ("width:15.9cm; height:22.4cm", (15.9 * 360000 / 635, 22.4 * 360000 / 635)),
        ("", (0.0, 0.0)),
    ],
)
def test_a_vml_picture_is_as_large_as_its_shape_says(style, size):
    from govdocparse.readers import docx_reader

    vml = "urn:schemas-microsoft-com:vml"
    shape = parse_xml(f'<v:shape xmlns:v="{vml}" style="{style}"><v:imagedata/></v:shape>')
    assert docx_reader._shown_size(shape[0]) == pytest.approx(size)
