"""The bitmap pictures of a Word 97 document, for OCR of a document that is only page images.

Word stores a picture's file in an OfficeArt BLIP record ([MS-ODRAW] 2.2.23): an inline picture
in the Data stream (its PICFAndOfficeArtData, written in document order), a floating one in the
BLIP store Word keeps in the WordDocument stream after the text. A bitmap BLIP is its 8-byte
record header (version and instance, type, length), one or two 16-byte identifiers (two when
the instance is odd), a tag byte, then the image file: JPEG, PNG, TIFF, or a DIB that becomes a
BMP file when its file header is put back. The records are found by their headers and taken
only when the image file's own signature follows, so stray bytes that look like a header are
not pictures. Metafile BLIPs (EMF, WMF, PICT) are compressed vector drawings OCR cannot read;
they are counted, not returned. The same picture stored twice (same identifier) is taken once.
"""

from __future__ import annotations

import re
import struct

# BLIP record type -> (instances with one identifier, with two), the file signature it holds.
_BITMAPS = {
    0xF01D: ((0x46A, 0x6E2), (b"\xff\xd8\xff",)),  # JPEG
    0xF01E: ((0x6E0,), (b"\x89PNG",)),  # PNG
    0xF01F: ((0x7A8,), (b"",)),  # DIB, checked by its header size
    0xF029: ((0x6E4,), (b"II*\x00", b"MM\x00*")),  # TIFF
}
_METAFILES = {0xF01A: 0x3D4, 0xF01B: 0x216, 0xF01C: 0x542}  # EMF, WMF, PICT
_HEADER = re.compile(rb"[\x00-\xff][\x00-\xff][\x1a-\x1f\x29]\xf0", re.S)


def pictures(*streams: bytes) -> tuple[list[bytes], int]:
    """The bitmap image files in the streams, in stream order, and the count of metafiles."""
    found: list[bytes] = []
    seen: set[bytes] = set()
    metafiles = 0
    for stream in streams:
        for match in _HEADER.finditer(stream):
            at = match.start()
            ver_inst, kind, length = struct.unpack_from("<HHI", stream, at)
            instance, version = ver_inst >> 4, ver_inst & 0xF
            if version != 0 or at + 8 + length > len(stream):
                continue
            if kind in _METAFILES and instance & ~1 == _METAFILES[kind]:
                metafiles += 1
                continue
            if kind not in _BITMAPS or instance & ~1 not in _BITMAPS[kind][0]:
                continue
            ids = 32 if instance & 1 else 16
            uid = stream[at + 8 : at + 24]
            image = stream[at + 8 + ids + 1 : at + 8 + length]
            if kind == 0xF01F:
                image = _bmp(image)
            elif not image.startswith(_BITMAPS[kind][1]):
                continue
            if image and uid not in seen:
                seen.add(uid)
                found.append(image)
    return found, metafiles


def _bmp(dib: bytes) -> bytes:
    """The DIB as a BMP file (its BITMAPFILEHEADER put back), or b"" when it is no DIB."""
    if len(dib) < 40:
        return b""
    size, _w, _h, _planes, bits = struct.unpack_from("<IiiHH", dib)
    if size not in (12, 40, 52, 56, 108, 124) or bits not in (1, 4, 8, 16, 24, 32):
        return b""
    used = struct.unpack_from("<I", dib, 32)[0] if size >= 40 else 0
    palette = (used or (1 << bits if bits <= 8 else 0)) * (3 if size == 12 else 4)
    return b"BM" + struct.pack("<IHHI", 14 + len(dib), 0, 0, 14 + size + palette) + dib
