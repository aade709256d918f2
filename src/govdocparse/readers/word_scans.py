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

A .docx with text and pictures of pages among it (a notice typed, the plan it hands down pasted
as scans: pictures shown over most of the text area's width and height, `docx_reader`) has the
pictures read the same way, each picture's blocks after the paragraph it is anchored in, and a
warning saying so; without the extra its text is read and the warning says the pictures' text
is missing.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import NoTextLayerError
from ..source import Paragraph, Source, TableBlock

# A picture of a page (a scan pasted among the text: the plan a notice hands down) is shown over
# at least these shares of the text area's width and height; charts, logos and seals are smaller.
_PAGE_WIDTH_SHARE, _PAGE_HEIGHT_SHARE = 0.6, 0.5


@dataclass(frozen=True)
class PageArea:
    """A section's page and margins, in twips; the defaults are the RTF and Word 97 specs'
    (US Letter, margins of 1.25 and 1 inch)."""

    width: float = 12240
    height: float = 15840
    left: float = 1800
    right: float = 1800
    top: float = 1440
    bottom: float = 1440

    def holds_page(self, shown_width: float, shown_height: float) -> bool:
        """Whether a picture shown this large (twips) is a picture of a page."""
        return shown_width >= _PAGE_WIDTH_SHARE * max(
            self.width - self.left - self.right, 1
        ) and shown_height >= _PAGE_HEIGHT_SHARE * max(self.height - self.top - self.bottom, 1)


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
    source, unread = _recognised(images, path, name, sha256)
    if source is None:
        raise NoTextLayerError(
            path, "the Word document holds only images, none of which can be decoded for OCR"
        )
    source.format = fmt  # type: ignore[assignment]
    warnings = ["the Word document holds only images of its pages: read by OCR"]
    if unread:
        warnings.append(f"{unread} image(s) in a format OCR cannot read (EMF/WMF?) left out")
    source.warnings = warnings + source.warnings
    return source


def among_text(
    blocks: list[Paragraph | TableBlock],
    images: list[WordImage],
    path: str,
    name: str,
    sha256: str,
) -> tuple[list[Paragraph | TableBlock], list[str]]:
    """A Word document's text blocks with the pictures of pages among them (`images`: a notice
    typed, the plan it hands down pasted as scans) read by OCR, each picture's blocks after the
    paragraph it is anchored in; without the `ocr` extra, the text blocks alone and a warning
    that the pictures' text is missing."""
    from . import pdf_ocr

    where = f"at paragraph(s) {', '.join(str(image.paragraph) for image in images)}"
    if not pdf_ocr.available():
        return blocks, [
            f"{len(images)} picture(s) of pages among the text {where}: their text is missing;"
            " install govdocparse[ocr] to read them"
        ]
    source, unread = _recognised(images, path, name, sha256)
    warnings = [f"{len(images)} picture(s) of pages among the text {where}: read by OCR"]
    if unread:
        warnings.append(f"{unread} of them in a format OCR cannot read (EMF/WMF?) left out")
    if source is None:
        return blocks, warnings
    paragraphs = [block.prov.paragraph or 0 for block in blocks]
    after: dict[int, list[Paragraph | TableBlock]] = {}
    for block in source.blocks:
        anchor = block.prov.paragraph or 0
        at = max((k + 1 for k, number in enumerate(paragraphs) if number <= anchor), default=0)
        after.setdefault(at, []).append(block)
    merged: list[Paragraph | TableBlock] = [*after.get(0, [])]
    for k, block in enumerate(blocks, start=1):
        merged += [block, *after.get(k, [])]
    return merged, warnings + source.warnings


def _recognised(
    images: list[WordImage], path: str, name: str, sha256: str
) -> tuple[Source | None, int]:
    """The OCR'd blocks of the decodable `images`, one page each, anchored in their paragraphs
    (None when none decodes), and how many could not be decoded."""
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
        return None, len(images)
    source = pdf_reader.read(image_reader.pages_pdf(pages), path, name, sha256)
    for block in source.blocks:
        _anchor(block, anchors)
    return source, len(images) - len(pages)


def _anchor(block: Paragraph | TableBlock, anchors: list[int | None]) -> None:
    """Adds the Word paragraph of the block's image to its provenance."""
    page = block.prov.page
    if page is not None and 0 < page <= len(anchors) and anchors[page - 1] is not None:
        block.prov = block.prov.model_copy(update={"paragraph": anchors[page - 1]})
