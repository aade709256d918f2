"""JBIG2 files (.jb2, ITU-T T.88) as the embedded streams PDF's JBIG2Decode filter reads.

OFD producers store bilevel page scans as JBIG2 files, which no Python library decodes; PDFium
does decode JBIG2 inside a PDF, so `ofd_scans` puts the image there. A PDF wants the embedded
organisation (T.88 Annex D.3; ISO 32000 7.4.7): no file header, no end-of-page or end-of-file
segments, and the segments of no page (symbol dictionaries shared by pages) apart, in a
JBIG2Globals stream. This module turns a file into that:

* the file header (D.4.1: ID string, flags, the page count unless unknown) is taken off; a
  stream without it is taken as already embedded;
* segment headers (7.2) are parsed for their number, type, page association and data length;
  in the random-access organisation (D.2) all headers come first and the data parts follow in
  the same order, in the sequential one (D.1) each header is followed by its data;
* only the first page's segments are kept (an ImageObject draws one image), with the page's
  size from its page information segment (7.4.8; a striped page of unknown height gets it
  from its last end-of-stripe segment).

Anything that does not parse is `ValueError`, which the caller reports as a damaged image.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

FILE_ID = b"\x97JB2\r\n\x1a\n"
_PAGE_INFORMATION, _END_OF_PAGE, _END_OF_STRIPE, _END_OF_FILE = 48, 49, 50, 51
_UNKNOWN = 0xFFFFFFFF
_MAX_SEGMENTS = 100_000


@dataclass
class Embedded:
    """A JBIG2 page as PDF embeds it: its segments, the shared ones, and its size in pixels."""

    page: bytes
    globals: bytes
    width: int
    height: int


@dataclass
class _Segment:
    type: int
    page: int
    header: bytes
    data: bytes = b""


def embedded(data: bytes) -> Embedded:
    """The first page of a JBIG2 file (or embedded stream) and the segments it shares."""
    if data.startswith(FILE_ID):
        if len(data) < 9:
            raise ValueError("JBIG2 file header cut short")
        flags = data[8]
        at = 9 if flags & 0x02 else 13  # the page count is there unless it is unknown
        segments = _segments(data, at, sequential=bool(flags & 0x01))
    else:
        segments = _segments(data, 0, sequential=True)
    pages = [s.page for s in segments if s.page]
    if not pages:
        raise ValueError("no page in the JBIG2 data")
    first = min(pages)
    shared = [s for s in segments if s.page == 0 and s.type != _END_OF_FILE]
    own = [s for s in segments if s.page == first and s.type not in (_END_OF_PAGE, _END_OF_FILE)]
    width, height = _size(own)
    return Embedded(
        b"".join(s.header + s.data for s in own),
        b"".join(s.header + s.data for s in shared),
        width,
        height,
    )


def _segments(data: bytes, at: int, sequential: bool) -> list[_Segment]:
    segments: list[_Segment] = []
    lengths: list[int] = []
    while at < len(data) and len(segments) < _MAX_SEGMENTS:
        segment, length, at = _header(data, at)
        if length == _UNKNOWN:
            raise ValueError("a JBIG2 segment of unknown length")
        if sequential:
            segment.data = data[at : at + length]
            if len(segment.data) < length:
                raise ValueError("JBIG2 segment data cut short")
            at += length
        segments.append(segment)
        lengths.append(length)
        if segment.type == _END_OF_FILE:
            break
    if not sequential:
        for segment, length in zip(segments, lengths, strict=True):
            segment.data = data[at : at + length]
            if len(segment.data) < length:
                raise ValueError("JBIG2 segment data cut short")
            at += length
    return segments


def _header(data: bytes, at: int) -> tuple[_Segment, int, int]:
    """A segment header at `at` (7.2.1): the segment, its data length and where it ends."""
    start = at
    if at + 6 > len(data):
        raise ValueError("JBIG2 segment header cut short")
    number = struct.unpack_from(">I", data, at)[0]
    flags = data[at + 4]
    at += 5
    count = data[at] >> 5
    if count == 7:  # the long form: a 29-bit count, then one retention bit per referred segment
        count = struct.unpack_from(">I", data, at)[0] & 0x1FFFFFFF
        at += 4 + (count + 8) // 8
    else:
        at += 1
    at += count * (1 if number <= 256 else 2 if number <= 65536 else 4)
    page_size = 4 if flags & 0x40 else 1
    if at + page_size + 4 > len(data):
        raise ValueError("JBIG2 segment header cut short")
    page = int.from_bytes(data[at : at + page_size], "big")
    at += page_size
    length = struct.unpack_from(">I", data, at)[0]
    at += 4
    return _Segment(flags & 0x3F, page, data[start:at]), length, at


def _size(segments: list[_Segment]) -> tuple[int, int]:
    info = next((s for s in segments if s.type == _PAGE_INFORMATION), None)
    if info is None or len(info.data) < 8:
        raise ValueError("no JBIG2 page information segment")
    width, height = struct.unpack_from(">II", info.data)
    if height == _UNKNOWN:  # a striped page: its height is where its last stripe ends
        stripes = [s for s in segments if s.type == _END_OF_STRIPE and len(s.data) >= 4]
        height = max((struct.unpack_from(">I", s.data)[0] + 1 for s in stripes), default=0)
    if not (0 < width < 100_000 and 0 < height < 100_000):
        raise ValueError(f"a JBIG2 page of {width}×{height} pixels")
    return width, height
