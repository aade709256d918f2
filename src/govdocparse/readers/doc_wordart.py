"""WordArt text of a Word 97 document's main-text shapes, from its OfficeArt drawing data.

A red-header template may set the 发文机关标志 as WordArt (艺术字): a shape whose text is not in
any text story but in its own properties. The table stream's DggInfo ([MS-DOC] 2.9.172
OfficeArtContent) holds the drawing group container, then one drawing per document part, each
a one-byte dgglbl (0 for the main document) and an OfficeArtDgContainer ([MS-ODRAW] 2.2.13).
In it, each shape container (OfficeArtSpContainer, 2.2.14) has the shape's OfficeArtFSP
(2.2.40: its spid, which the main text's FSPA names) and its property tables (OfficeArtFOPT
and its secondary and tertiary forms, 2.2.9): WordArt's text is the complex property
gtextUNICODE (2.3.22.1), a null-terminated UTF-16 string stored after the fixed properties.

Records are walked with bounds checks; a damaged drawing yields what was read before the damage.
"""

from __future__ import annotations

import struct

_SP_CONTAINER, _FSP = 0xF004, 0xF00A
_FOPTS = (0xF00B, 0xF121, 0xF122)  # the primary, secondary and tertiary property tables
_GTEXT_UNICODE = 0x00C0
_COMPLEX = 0x8000
_PID = 0x3FFF
_MAX_RECORDS = 200_000


def wordart(dgg_info: bytes) -> dict[int, str]:
    """spid → WordArt text of the main document's shapes."""
    found: dict[int, str] = {}
    budget = [_MAX_RECORDS]
    at = _skip_record(dgg_info, 0)  # the drawing group container
    while at is not None and at < len(dgg_info):
        label = dgg_info[at]
        end = _skip_record(dgg_info, at + 1)
        if end is None:
            break
        if label == 0:  # the main document's drawing; 1 is the headers'
            _walk(dgg_info, at + 1, end, found, budget)
        at = end
    return found


def _header(data: bytes, at: int) -> tuple[int, int, int] | None:
    """(version and instance, record type, length) of the record at `at`, if it fits."""
    if at + 8 > len(data):
        return None
    ver_inst, kind, length = struct.unpack_from("<HHI", data, at)
    if at + 8 + length > len(data):
        return None
    return ver_inst, kind, length


def _skip_record(data: bytes, at: int) -> int | None:
    header = _header(data, at)
    return None if header is None else at + 8 + header[2]


def _walk(data: bytes, at: int, end: int, found: dict[int, str], budget: list[int]) -> None:
    """Records from `at` to `end`: containers are walked into, shape containers read."""
    while at < end and budget[0] > 0:
        budget[0] -= 1
        header = _header(data, at)
        if header is None:
            return
        ver_inst, kind, length = header
        body = at + 8
        if kind == _SP_CONTAINER:
            _shape(data, body, body + length, found)
        elif ver_inst & 0xF == 0xF:  # a container
            _walk(data, body, body + length, found, budget)
        at = body + length


def _shape(data: bytes, at: int, end: int, found: dict[int, str]) -> None:
    spid = None
    text = None
    while at < end:
        header = _header(data, at)
        if header is None:
            return
        ver_inst, kind, length = header
        body = at + 8
        if kind == _FSP and length >= 4:
            spid = struct.unpack_from("<I", data, body)[0]
        elif kind in _FOPTS:
            text = _gtext(data[body : body + length], ver_inst >> 4) or text
        at = body + length
    if spid is not None and text:
        found[spid] = text


def _gtext(table: bytes, count: int) -> str | None:
    """The gtextUNICODE property of a property table of `count` properties."""
    complex_at = 6 * count
    for k in range(count):
        if 6 * k + 6 > len(table):
            return None
        opid, op = struct.unpack_from("<HI", table, 6 * k)
        if opid & _PID == _GTEXT_UNICODE and opid & _COMPLEX:
            raw = table[complex_at : complex_at + op]
            return raw.decode("utf-16-le", "replace").split("\0", 1)[0].strip() or None
        if opid & _COMPLEX:
            complex_at += op
    return None
