"""Scanned OFD pages, read by OCR through the PDF reader (the `ocr` extra).

An OFD converted from paper draws each page as one ImageObject (a MultiMedia resource: a JBIG2,
PNG, JPEG or TIFF file in the package) with no TextObject, or with only a scanner app's watermark
line (`ofd_reader` finds such pages with `pdf_scans`, as the PDF reader does). Their images are
put, at their place and size, on the pages of a PDF written here in memory, with as many pages
as the OFD (the other pages left blank, so page numbers stay the OFD's), and that PDF is read by
`pdf_reader`, which OCRs pages that are only an image: paragraphs with provenance `page`, `box`
(in points from the page's top-left corner) and `confidence`, and one progress line per page on
a terminal.

Images: JBIG2 (.jb2), the bilevel format OFD producers favour for scans, has no Python decoder,
but PDFium decodes it inside a PDF, so it is embedded as it is (`jbig2` takes off the file
header and sets the shared segments apart); any other format is decoded by Pillow (installed
with the extra) into a grey raster. A page image that does not decode is `CorruptFileError`.

Without the extra, an OFD whose pages are all scans is `NoTextLayerError` ("scanned pages, no
text layer: install govdocparse[ocr]"); scans among text pages are a warning naming them, as
for PDF.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass, field

from ..errors import CorruptFileError, NoTextLayerError
from ..source import Block
from . import jbig2

_POINTS_PER_MM = 72 / 25.4
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
    """A PDF of `page_count` pages, the scans' images drawn on theirs, the others blank."""
    by_number = {scan.number: scan for scan in scans}
    size = scans[0].size if scans else _A4
    writer = _PdfWriter()
    for number in range(1, page_count + 1):
        scan = by_number.get(number)
        width, height = scan.size if scan else size
        placed = []
        for image in scan.images if scan else []:
            x, y, w, h = (value * _POINTS_PER_MM for value in image.box)
            # PDF's y axis goes up from the page's bottom; OFD's goes down from its top.
            placed.append(
                (_xobject(image, path, writer), (w, h, x, height * _POINTS_PER_MM - y - h))
            )
        writer.page(width * _POINTS_PER_MM, height * _POINTS_PER_MM, placed)
    return writer.finish()


def _xobject(image: PageImage, path: str, writer: _PdfWriter) -> int:
    """The image as a PDF image XObject: a JBIG2 file as PDFium decodes it (`jbig2`), any
    other format decoded by Pillow into a grey raster."""
    if image.data.startswith(jbig2.FILE_ID) or image.name.lower().endswith((".jb2", ".jbig2")):
        try:
            page = jbig2.embedded(image.data)
        except ValueError as exc:
            raise CorruptFileError(
                path, f"damaged OFD: page image {image.name} is not a readable JBIG2 file ({exc})"
            ) from None
        parms = ""
        if page.globals:
            parms = f" /DecodeParms << /JBIG2Globals {writer.stream('', page.globals)} 0 R >>"
        return writer.stream(
            f"/Type /XObject /Subtype /Image /Width {page.width} /Height {page.height} "
            f"/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /JBIG2Decode{parms}",
            page.page,
        )
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(image.data)) as opened:
            grey = opened.convert("L")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise CorruptFileError(
            path, f"damaged OFD: page image {image.name} cannot be decoded ({exc})"
        ) from None
    return writer.stream(
        f"/Type /XObject /Subtype /Image /Width {grey.width} /Height {grey.height} "
        "/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode",
        zlib.compress(grey.tobytes(), 6),
    )


class _PdfWriter:
    """The few PDF objects a page of images needs (ISO 32000 7.5), written out by hand."""

    def __init__(self) -> None:
        self.objects: list[bytes] = [b"", b""]  # the catalog and the page tree, written last
        self.pages: list[int] = []

    def add(self, body: bytes) -> int:
        self.objects.append(body)
        return len(self.objects)

    def stream(self, entries: str, data: bytes) -> int:
        head = f"<< {entries} /Length {len(data)} >>\nstream\n".encode()
        return self.add(head + data + b"\nendstream")

    def page(
        self,
        width: float,
        height: float,
        placed: list[tuple[int, tuple[float, float, float, float]]],
    ) -> None:
        names = " ".join(f"/Im{k} {ref} 0 R" for k, (ref, _box) in enumerate(placed))
        drawing = " ".join(
            f"q {w:.3f} 0 0 {h:.3f} {x:.3f} {y:.3f} cm /Im{k} Do Q"
            for k, (_ref, (w, h, x, y)) in enumerate(placed)
        )
        contents = self.stream("", drawing.encode())
        self.pages.append(
            self.add(
                f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width:.3f} {height:.3f}] "
                f"/Resources << /XObject << {names} >> >> /Contents {contents} 0 R >>".encode()
            )
        )

    def finish(self) -> bytes:
        kids = " ".join(f"{ref} 0 R" for ref in self.pages)
        self.objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
        self.objects[1] = f"<< /Type /Pages /Kids [{kids}] /Count {len(self.pages)} >>".encode()
        out = bytearray(b"%PDF-1.5\n")
        offsets = []
        for number, body in enumerate(self.objects, start=1):
            offsets.append(len(out))
            out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
        table = len(out)
        out += f"xref\n0 {len(self.objects) + 1}\n0000000000 65535 f \n".encode()
        out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
        out += (
            f"trailer\n<< /Size {len(self.objects) + 1} /Root 1 0 R >>\nstartxref\n{table}\n%%EOF\n"
        ).encode()
        return bytes(out)
