"""Automatic list numbering of Word 97 documents, rebuilt as the page shows it.

A paragraph numbered by Word (第一条, 一、, （一）, 1.) does not hold its number in the text: its
properties name a list override (sprmPIlfo, 1-based into PlfLfo, [MS-DOC] 2.9.181) and a level
(sprmPIlvl); the override names a list by its lsid (LFO, 2.9.131), and the list (LSTF in
PlfLst, 2.9.147, followed in the table stream by each list's LVLs, 2.9.150: nine levels, or one
for a simple list) gives each level's start (iStartAt), number format (nfc, the MSONFC values
in ST_NumberFormat's order), whether it is legal numbering (all decimal), what follows the
number (ixchFollow: a tab, a space or nothing) and the number text (xst), where characters 0-8
stand for the current numbers of levels 1-9.

Numbers are counted as the DOCX reader counts them (`docx_reader.format_number` writes them):
per list and level, starting at iStartAt, a new item restarting the levels below it. A tab
after the number is dropped (Chinese headings are written 一、总体要求), a space kept. Override
levels of LFOData (restarts and reformatting of a level in one override) are not read.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from .docx_reader import UnknownNumberFormat, format_number

# MSONFC values ([MS-DOC] 2.9.159 Nfc) in order: the names ST_NumberFormat gives them.
_NFC = (
    "decimal",
    "upperRoman",
    "lowerRoman",
    "upperLetter",
    "lowerLetter",
    "ordinal",
    "cardinalText",
    "ordinalText",
    "hex",
    "chicago",
    "ideographDigital",
    "japaneseCounting",
    "aiueo",
    "iroha",
    "decimalFullWidth",
    "decimalHalfWidth",
    "japaneseLegal",
    "japaneseDigitalTenThousand",
    "decimalEnclosedCircle",
    "decimalFullWidth2",
    "aiueoFullWidth",
    "irohaFullWidth",
    "decimalZero",
    "bullet",
    "ganada",
    "chosung",
    "decimalEnclosedFullstop",
    "decimalEnclosedParen",
    "decimalEnclosedCircleChinese",
    "ideographEnclosedCircle",
    "ideographTraditional",
    "ideographZodiac",
    "ideographZodiacTraditional",
    "taiwaneseCounting",
    "ideographLegalTraditional",
    "taiwaneseCountingThousand",
    "taiwaneseDigital",
    "chineseCounting",
    "chineseLegalSimplified",
    "chineseCountingThousand",
)
_NONE = 0xFF
_LSTF_SIZE, _LVLF_SIZE, _LFO_SIZE = 28, 28, 16
_MAX_LISTS = 10_000


@dataclass
class _Level:
    start: int
    fmt: str
    legal: bool
    follow: int  # 0 a tab, 1 a space, 2 nothing
    text: str  # characters 0-8 stand for the numbers of levels 1-9


class ListNumbering:
    """The number labels of a document's list paragraphs, counted in reading order."""

    def __init__(self, table: bytes, lists: tuple[int, int], overrides: tuple[int, int]):
        self.levels: dict[int, list[_Level]] = {}  # lsid → its levels
        self.lsids: list[int] = []  # the lsid of each list override, by ilfo - 1
        self.counters: dict[int, dict[int, int]] = {}
        self.unrecovered = 0
        try:
            self._read_lists(table, *lists)
            self._read_overrides(table, *overrides)
        except (struct.error, IndexError):
            self.levels, self.lsids = {}, []  # a damaged list table: numbers are not rebuilt

    def _read_lists(self, table: bytes, fc: int, lcb: int) -> None:
        if lcb < 2:
            return
        count = min(struct.unpack_from("<h", table, fc)[0], _MAX_LISTS)
        at = fc + 2 + _LSTF_SIZE * max(count, 0)
        for k in range(max(count, 0)):
            lstf = fc + 2 + _LSTF_SIZE * k
            lsid = struct.unpack_from("<i", table, lstf)[0]
            simple = table[lstf + 26] & 0x01
            levels = []
            for _ in range(1 if simple else 9):
                level, at = _level(table, at)
                levels.append(level)
            self.levels[lsid] = levels

    def _read_overrides(self, table: bytes, fc: int, lcb: int) -> None:
        if lcb < 4:
            return
        count = min(struct.unpack_from("<i", table, fc)[0], _MAX_LISTS)
        self.lsids = [
            struct.unpack_from("<i", table, fc + 4 + _LFO_SIZE * k)[0] for k in range(max(count, 0))
        ]

    def label(self, ilfo: int, ilvl: int) -> str | None:
        """The label of the next item of list override `ilfo` at level `ilvl` ("" for a
        bullet); None when the paragraph is not numbered or its number cannot be rebuilt."""
        if not 0 < ilfo <= len(self.lsids):
            return None
        lsid = self.lsids[ilfo - 1]
        levels = self.levels.get(lsid)
        if levels is None or not 0 <= ilvl < len(levels):
            self.unrecovered += 1
            return None
        level = levels[ilvl]
        counters = self.counters.setdefault(lsid, {})
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]  # a new item at this level restarts the levels below it
        if level.fmt == "bullet":
            return ""
        parts = []
        try:
            for ch in level.text:
                k = ord(ch)
                if k >= 9:
                    parts.append(ch)
                    continue
                source = levels[k] if k < len(levels) else level
                value = counters.get(k, source.start)
                parts.append(format_number(value, "decimal" if level.legal else source.fmt))
        except UnknownNumberFormat:
            self.unrecovered += 1
            return None
        text = "".join(parts)
        return text + (" " if level.follow == 1 and text else "")


def _level(table: bytes, at: int) -> tuple[_Level, int]:
    """The LVL at `at` and where the next one starts."""
    start, nfc, flags = struct.unpack_from("<iBB", table, at)
    follow = table[at + 15]
    chpx, papx = table[at + 24], table[at + 25]
    at += _LVLF_SIZE + papx + chpx
    count = struct.unpack_from("<H", table, at)[0]
    text = table[at + 2 : at + 2 + 2 * count].decode("utf-16-le", "replace")
    if len(text) < count:
        raise IndexError("list level text cut short")
    fmt = "none" if nfc == _NONE else _NFC[nfc] if nfc < len(_NFC) else f"nfc {nfc}"
    return _Level(start, fmt, bool(flags & 0x04), follow, text), at + 2 + 2 * count
