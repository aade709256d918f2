"""Word documents that hold only images of their pages (a scan pasted into Word), read by OCR.

Offices scan a signed 公文 and paste the page images into a .docx or .doc (or save it as RTF)
to publish it; the document has no text, only pictures, which each reader finds in its format
(`docx_reader`, `doc_pictures`, `rtf_reader`). With the `ocr` extra the pictures are read like
a scanned PDF: each decodable image (PNG, JPEG, BMP, TIFF, GIF…; Pillow comes with the extra)
becomes one page of a PDF written in memory (`image_reader.pages_pdf`, sized by the image's
resolution), which `pdf_reader` OCRs. Pages follow the images' order in the document, and each
paragraph's provenance has `page` (the image's number in that order), `box`, `confidence` and,
where the reader knows it, `paragraph` (the Word paragraph the image is anchored in). The record
keeps the Word format and the warning says the text was read by OCR. Images Pillow cannot
decode (EMF and WMF vector pictures) are left out, with a warning naming how many.

Without the extra the document is refused with the one line scanned PDFs and OFDs get,
"scanned pages, no text layer: install govdocparse[ocr]", and a non-zero exit.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import NoTextLayerError
from ..source import Paragraph, Source, TableBlock


@dataclass
class WordImage:
    """A picture of the document, in document order: its file's bytes and, when known, the
    1-based index of the paragraph it is anchored in (as the Word readers count paragraphs)."""

    data: bytes
    paragraph: int | None = None


def read(images: list[WordImage], path: str, name: str, sha256: str, fmt: str) -> Source:
    """The OCR'd block stream of a Word document made only of `images`."""
    from . import pdf_ocr

    if not pdf_ocr.available():
        raise NoTextLayerError(path, pdf_ocr.NOT_INSTALLED)
    from PIL import Image, UnidentifiedImageError

    from . import image_reader, pdf_reader

    pages = []
    anchors: list[int | None] = []
    for image in images:
        try:
            pages.append(image_reader.decoded(image.data))
        except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
            continue
        anchors.append(image.paragraph)
    if not pages:
        raise NoTextLayerError(
            path, "the Word document holds only images, none of which can be decoded for OCR"
        )
    source = pdf_reader.read(image_reader.pages_pdf(pages), path, name, sha256)
    for block in source.blocks:
        _anchor(block, anchors)
    source.format = fmt  # type: ignore[assignment]
    warnings = ["the Word document holds only images of its pages: read by OCR"]
    if len(pages) < len(images):
        warnings.append(
            f"{len(images) - len(pages)} image(s) in a format OCR cannot read (EMF/WMF?) left out"
        )
    source.warnings = warnings + source.warnings
    return source


def _anchor(block: Paragraph | TableBlock, anchors: list[int | None]) -> None:
    """Adds the Word paragraph of the block's image to its provenance."""
    page = block.prov.page
    if page is not None and 0 < page <= len(anchors) and anchors[page - 1] is not None:
        block.prov = block.prov.model_copy(update={"paragraph": anchors[page - 1]})
