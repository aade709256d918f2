"""Images of pages (PNG, JPEG), read by OCR: only with the `ocr` extra installed.

The image is put on a one-page PDF in memory, sized by the image's own resolution (150 dpi when
the file does not say), and that PDF is read like a scanned one by `pdf_reader`: paragraphs
with provenance `page` 1, `box` and `confidence`. The record's format is "image". Without the
extra, or when the image does not decode, `readers.sniff` refuses it as "a PNG image, not a
document", as it always did.
"""

from __future__ import annotations

import io

import pypdfium2 as pdfium

from ..errors import CorruptFileError
from ..source import Source
from . import pdf_reader

_DEFAULT_DPI = 150.0


def read(data: bytes, path: str, name: str, sha256: str) -> Source:
    """The block stream OCR reads from an image of a page."""
    from PIL import UnidentifiedImageError

    try:
        image, dpi = decoded(data)
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise CorruptFileError(path, f"damaged image: {' '.join(str(exc).split())}") from None
    source = pdf_reader.read(pages_pdf([(image, dpi)]), path, name, sha256)
    source.format = "image"
    return source


def decoded(data: bytes):
    """The image as a grey raster and its resolution (150 dpi when the file does not say);
    Pillow's errors for data it cannot decode pass through."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as opened:
        image = opened.convert("L")
        dpi = opened.info.get("dpi", (_DEFAULT_DPI, _DEFAULT_DPI))[0] or _DEFAULT_DPI
    return image, float(dpi)


def pages_pdf(images: list) -> bytes:
    """A PDF in memory with one page per (grey image, dpi), each page the image's size, which
    `pdf_reader` reads as scanned pages; shared with `word_scans`."""
    document = pdfium.PdfDocument.new()
    for image, dpi in images:
        width, height = image.width * 72 / dpi, image.height * 72 / dpi
        page = document.new_page(width, height)
        picture = pdfium.PdfImage.new(document)
        picture.set_bitmap(pdfium.PdfBitmap.from_pil(image))
        picture.set_matrix(pdfium.PdfMatrix().scale(width, height))
        page.insert_obj(picture)
        page.gen_content()
    buffer = io.BytesIO()
    document.save(buffer)
    document.close()
    return buffer.getvalue()
