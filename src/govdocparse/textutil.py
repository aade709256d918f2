"""Character-level helpers shared by every stage: width folding for matching, never for output."""

from __future__ import annotations

import unicodedata

import regex

# NFKC would turn the presentation colon ︰ (U+FE30) into "..", so ratios like 2︰3 are mapped to
# ":" before folding; dashes used as range marks keep one spelling.
_PRE_FOLD = str.maketrans({"︰": ":", "：": ":", "∶": ":", "―": "—", "－": "-", "～": "~"})


def fold(text: str) -> str:
    """Full-width digits, letters, brackets and signs to their ASCII twins (for matching only)."""
    return unicodedata.normalize("NFKC", text.translate(_PRE_FOLD))


def squash_spaces(text: str) -> str:
    """Drop every kind of space: Chinese text uses none, dumps insert them (前 言, 专栏1  2011)."""
    return "".join(text.split())


_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def chinese_numeral(text: str) -> int | None:
    """一 → 1, 十一 → 11, 二十三 → 23, 一百零五 → 105; None when it is not a numeral."""
    total, current = 0, 0
    for char in text:
        if char in _CN_DIGITS:
            current = _CN_DIGITS[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


_CN_YEAR_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
_DATE = regex.compile(
    r"^(?P<y>(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*(?:年|[-./])\s*(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})\s*(?:月|[-./])\s*"
    r"(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日?$"
)


def iso_date(text: str) -> str | None:
    """2018年3月7日 / 2024-03-14 / 二〇二三年二月九日 → YYYY-MM-DD; None if not a date."""
    found = _DATE.match(squash_spaces(fold(text)))
    if not found:
        return None
    year = int(found["y"].translate(_CN_YEAR_DIGITS))
    month = int(found["m"]) if found["m"].isdigit() else chinese_numeral(found["m"])
    day = int(found["d"]) if found["d"].isdigit() else chinese_numeral(found["d"])
    if not (month and day and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"
