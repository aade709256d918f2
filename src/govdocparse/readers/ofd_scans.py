"""Scanned OFD pages, read by OCR through the PDF reader (the `ocr` extra).

An OFD converted from paper draws each page as one ImageObject (a MultiMedia resource: a PNG,
JPEG or TIFF file in the package) with no TextObject, or with only a scanner app's watermark
line (`ofd_reader` finds such pages with `pdf_scans`, as the PDF reader does). Their images are
put, at their place and size, on the pages of an in-memory PDF with as many pages as the OFD
(the other pages left blank, so page numbers stay the OFD's), and that PDF is read by
`pdf_reader`, which OCRs pages that are only an image: paragraphs with provenance `page`, `box`
(in points from the page's top-left corner) and `confidence`, and one progress line per page on
a terminal.

Without the extra, an OFD whose pages are all scans is `NoTextLayerError` ("scanned pages, no
text layer: install govdocparse[ocr]"); scans among text pages are a warning naming them, as
for PDF. Images are decoded by Pillow (installed with the extra). JBIG2 (.jb2), the bilevel
format some OFD producers store scans in, has no Python decoder: such pages are refused with a
line naming the format; a page image that does not decode is `CorruptFileError`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import CorruptFileError, NoTextLayerError, UnsupportedFormatError
from ..source import Block

if TYPE_CHECKING:
    import pypdfium2 as pdfium

_POINTS_PER_MM = 72 / 25.4
_JBIG2_FILE = b"\x97JB2\r\n\x1a\n"
_A4 = (210.0, 297.0)


@dataclass
class PageImage:
    """A page image's bytes and where it is drawn: x, y, width, height in millimetres."""

    name: str
    data: bytes
    box: tuple[float, float, float, float]


@dataclass
class ScanPage:
    number: int  # 1-based, in the whole OFD
    size: tuple[float, float]  # width, height in millimetres
    images: list[PageImage] = field(default_factory=list)


def read_scans(
    scans: list[ScanPage], page_count: int, has_text: bool, path: str, name: str, sha256: str
) -> tuple[list[Block], list[str]]:
    """The OCR'd blocks of the scanned pages and the warnings for the record; `has_text` tells
    whether the OFD's other pages gave text, which makes missing OCR a warning, not an error."""
    # Imported here: PDFium and the PDF reader are not needed for OFDs with a text layer.
    from . import pdf_ocr, pdf_reader

    numbers = ", ".join(str(scan.number) for scan in scans)
    if not pdf_ocr.available():
        if not has_text:
            raise NoTextLayerError(path, pdf_ocr.NOT_INSTALLED)
        return [], [
            f"no text layer on page(s) {numbers} (scanned?): their content is missing; "
            "install govdocparse[ocr] to read them"
        ]
    pdf = _pdf(scans, page_count, path)
    try:
        source = pdf_reader.read(pdf, path, name, sha256)
    except NoTextLayerError:
        if not has_text:
            raise
        return [], [f"scanned page(s) {numbers}: OCR found no text"]
    return source.blocks, source.warnings


def _pdf(scans: list[ScanPage], page_count: int, path: str) -> bytes:
    import pypdfium2 as pdfium

    by_number = {scan.number: scan for scan in scans}
    size = scans[0].size if scans else _A4
    document = pdfium.PdfDocument.new()
    try:
        for number in range(1, page_count + 1):
            scan = by_number.get(number)
            width, height = scan.size if scan else size
            page = document.new_page(width * _POINTS_PER_MM, height * _POINTS_PER_MM)
            for image in scan.images if scan else []:
                _place(document, page, image, height, path)
            page.gen_content()
        buffer = io.BytesIO()
        document.save(buffer)
    finally:
        document.close()
    return buffer.getvalue()


def _place(
    document: pdfium.PdfDocument,
    page: pdfium.PdfPage,
    image: PageImage,
    page_height: float,
    path: str,
) -> None:
    import pypdfium2 as pdfium

    x, y, width, height = (value * _POINTS_PER_MM for value in image.box)
    picture = pdfium.PdfImage.new(document)
    picture.set_bitmap(pdfium.PdfBitmap.from_pil(_decode(image, path)))
    # PDF's y axis goes up from the page's bottom; OFD's goes down from its top.
    bottom = page_height * _POINTS_PER_MM - (y + height)
    picture.set_matrix(pdfium.PdfMatrix().scale(width, height).translate(x, bottom))
    page.insert_obj(picture)


def _decode(image: PageImage, path: str):
    from PIL import Image, UnidentifiedImageError

    if image.data.startswith(_JBIG2_FILE) or image.name.lower().endswith((".jb2", ".jbig2")):
        raise UnsupportedFormatError(
            path,
            f"scanned pages stored as JBIG2 images ({image.name}), which cannot be decoded: "
            "convert the OFD to PDF first",
        )
    try:
        with Image.open(io.BytesIO(image.data)) as opened:
            return opened.convert("L")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise CorruptFileError(
            path, f"damaged OFD: page image {image.name} cannot be decoded ({exc})"
        ) from None
