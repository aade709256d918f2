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
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as opened:
            image = opened.convert("L")
            dpi = opened.info.get("dpi", (_DEFAULT_DPI, _DEFAULT_DPI))[0] or _DEFAULT_DPI
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise CorruptFileError(path, f"damaged image: {' '.join(str(exc).split())}") from None
    width, height = image.width * 72 / dpi, image.height * 72 / dpi
    document = pdfium.PdfDocument.new()
    page = document.new_page(width, height)
    picture = pdfium.PdfImage.new(document)
    picture.set_bitmap(pdfium.PdfBitmap.from_pil(image))
    picture.set_matrix(pdfium.PdfMatrix().scale(width, height))
    page.insert_obj(picture)
    page.gen_content()
    buffer = io.BytesIO()
    document.save(buffer)
    document.close()
    source = pdf_reader.read(buffer.getvalue(), path, name, sha256)
    source.format = "image"
    return source
