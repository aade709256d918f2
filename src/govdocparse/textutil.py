"""Character-level helpers shared by every stage: width folding for matching, never for output."""

from __future__ import annotations

import unicodedata

# NFKC would turn the presentation colon ︰ (U+FE30) into "..", so ratios like 2︰3 are mapped to
# ":" before folding; dashes used as range marks keep one spelling.
_PRE_FOLD = str.maketrans({"︰": ":", "：": ":", "∶": ":", "―": "—", "－": "-", "～": "~"})


def fold(text: str) -> str:
    """Full-width digits, letters, brackets and signs to their ASCII twins (for matching only)."""
    return unicodedata.normalize("NFKC", text.translate(_PRE_FOLD))


def squash_spaces(text: str) -> str:
    """Drop every kind of space: Chinese text uses none, dumps insert them (前 言, 专栏1  2011)."""
    return "".join(text.split())


_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


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
