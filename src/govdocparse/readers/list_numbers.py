"""Automatic list numbers as Word draws them, for the readers of Word's two formats.

A Word list level says how to write its number (a number format: decimal, chineseCounting …),
the text around it with placeholders for the numbers of this and higher levels (一、, （%2）,
%1.%2), where it starts and when it restarts. The DOCX reader takes levels from numbering.xml,
the .doc reader from the list tables of [MS-DOC]; both hand them to `ListCounters`, so a .doc and
the .docx Word saves from it give the same labels. `format_number` is the one table from a number
format to its text; binary files name formats by MSONFC code ([MS-OSHARED] 2.2.1.3), which
`MSONFC` maps to the ECMA-376 names (ST_NumberFormat) the table uses.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass


class UnknownFormat(Exception):
    """A number format this module cannot write."""


@dataclass(frozen=True)
class Level:
    """One level of a list definition.

    `text` is the number text: literal strings and, as ints, the 0-based levels whose current
    numbers stand there. `restart_below`: a new item at a level below this number (0-based)
    restarts this level; None restarts it after any higher level (Word's default), 0 never.
    """

    start: int
    fmt: str
    text: tuple[str | int, ...]
    suffix: str = "tab"  # what follows the number: tab, space or nothing
    legal: bool = False  # every placeholder written as a decimal number
    restart_below: int | None = None


class ListCounters:
    """The running numbers of a document's lists, one counter per list and level."""

    def __init__(self) -> None:
        self._counters: dict[Hashable, dict[int, int]] = {}

    def label(self, key: Hashable, levels: Mapping[int, Level], ilvl: int) -> str:
        """The label of the next item at level `ilvl` of the list `key`; "" for a bullet.
        UnknownFormat (after counting the item) if a placeholder's format cannot be written."""
        level = levels[ilvl]
        counters = self._counters.setdefault(key, {})
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in [k for k in counters if k > ilvl]:
            limit = levels[deeper].restart_below if deeper in levels else None
            if limit is None or ilvl < limit:
                del counters[deeper]
        if level.fmt == "bullet":
            return ""
        parts = []
        for part in level.text:
            if isinstance(part, str):
                parts.append(part)
                continue
            source = levels.get(part)
            value = counters.get(part, source.start if source else 1)
            fmt = source.fmt if source and not level.legal else "decimal"
            parts.append(format_number(value, fmt))
        text = "".join(parts)
        # A tab after the number is dropped: Chinese headings are written 一、总体要求.
        return text + (" " if level.suffix == "space" and text else "")


# MSONFC codes ([MS-OSHARED] 2.2.1.3) of the formats `format_number` writes.
MSONFC = {
    0x00: "decimal",
    0x01: "upperRoman",
    0x02: "lowerRoman",
    0x03: "upperLetter",
    0x04: "lowerLetter",
    0x0A: "ideographDigital",
    0x0E: "decimalFullWidth",
    0x0F: "decimalHalfWidth",
    0x12: "decimalEnclosedCircle",
    0x13: "decimalFullWidth2",
    0x16: "decimalZero",
    0x17: "bullet",
    0x1A: "decimalEnclosedFullstop",
    0x1B: "decimalEnclosedParen",
    0x1C: "decimalEnclosedCircleChinese",
    0x1E: "ideographTraditional",
    0x1F: "ideographZodiac",
    0x23: "taiwaneseCountingThousand",
    0x25: "chineseCounting",
    0x26: "chineseLegalSimplified",
    0x27: "chineseCountingThousand",
    0xFF: "none",
}

_CN_DIGITS = "零一二三四五六七八九"
_CN_UNITS = ("", "十", "百", "千")
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_LEGAL_UNITS = ("", "拾", "佰", "仟")
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def _counting(n: int, digits: str, units: tuple[str, ...], short_teens: bool) -> str:
    if not 0 < n < 10000:
        return str(n)
    parts: list[str] = []
    text = str(n)
    for i, ch in enumerate(text):
        d = int(ch)
        if d == 0:
            if parts and parts[-1] != digits[0]:
                parts.append(digits[0])
            continue
        parts.append(digits[d] + units[len(text) - 1 - i])
    out = "".join(parts).rstrip(digits[0])
    # 十一, not 一十一: Word's counting formats drop the leading 一 of the teens.
    return out[1:] if short_teens and 10 <= n < 20 else out


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _enclosed(n: int, ranges: tuple[tuple[int, int, int], ...], fallback: str) -> str:
    for first, last, base in ranges:
        if first <= n <= last:
            return chr(base + n - first)
    return fallback.format(n)


def format_number(n: int, fmt: str) -> str:
    """`n` written in Word's number format `fmt` (ST_NumberFormat); UnknownFormat if not
    supported."""
    if fmt in ("decimal", "decimalHalfWidth"):
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate({ord(c): 0xFF10 + int(c) for c in "0123456789"})
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCountingThousand"):
        return _counting(n, _CN_DIGITS, _CN_UNITS, short_teens=True)
    if fmt == "chineseLegalSimplified":
        return _counting(n, _LEGAL_DIGITS, _LEGAL_UNITS, short_teens=False)
    if fmt == "ideographDigital":
        return "".join("〇一二三四五六七八九"[int(c)] for c in str(n))
    if fmt == "ideographTraditional":
        return _STEMS[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographZodiac":
        return _BRANCHES[(n - 1) % 12] if n > 0 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return _enclosed(n, ((1, 20, 0x2460), (21, 35, 0x3251), (36, 50, 0x32B1)), "{}")
    if fmt == "decimalEnclosedParen":
        return _enclosed(n, ((1, 20, 0x2474),), "({})")
    if fmt == "decimalEnclosedFullstop":
        return _enclosed(n, ((1, 20, 0x2488),), "{}.")
    if fmt in ("upperLetter", "lowerLetter") and n > 0:
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt == "none":
        return ""
    raise UnknownFormat(fmt)
