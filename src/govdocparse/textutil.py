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
