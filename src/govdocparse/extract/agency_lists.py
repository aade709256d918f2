"""Lists of agency names as documents write them: 区教委、区财政局，各镇乡街道 → the names as
written, and whether the list said 按职责分工负责.

One rule for every list of organs: the 抄送 line of a 版记 (metadata) and the units of a
responsible-unit clause or table cell (responsibilities). The remit phrases and list endings
are data in `grammars/responsibilities.yaml` (`by_duty`, `trailing`); names are canonicalised
later, by `extract.agencies`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..grammar import alternation, load

OPENERS = "（("
CLOSERS = "）)"
# Only round brackets nest inside unit names: 各县（市、区）人民政府, 各镇乡（民族乡）人民政府.
_SEPARATORS = re.compile(r"[（()）、，,；;\r\n]")


@dataclass(frozen=True, slots=True)
class _Rules:
    by_duty: re.Pattern[str]
    trailing: re.Pattern[str]


@cache
def _rules() -> _Rules:
    grammar = load("responsibilities")
    trailing = alternation(grammar["trailing"], spaced=True)
    return _Rules(
        by_duty=re.compile(alternation(grammar["by_duty"], spaced=True)),
        trailing=re.compile(rf"(?:\s|[。．.：:]|{trailing})+$"),
    )


def pieces(text: str, separators: re.Pattern[str]) -> list[str]:
    """`text` cut at the separators `separators` finds outside round brackets (which the pattern
    must also find, so that their depth is followed)."""
    found: list[str] = []
    depth = 0
    start = 0
    for match in separators.finditer(text):
        char = match.group()
        if char in OPENERS:
            depth += 1
        elif char in CLOSERS:
            depth = max(depth - 1, 0)
        elif depth == 0:
            found.append(text[start : match.start()])
            start = match.end()
    found.append(text[start:])
    return found


def split_agencies(text: str) -> tuple[list[str], bool]:
    """The unit names of a list as written, and whether it said 按职责分工负责.

    Splits at 、 ， , ； ; and line breaks outside round brackets, strips surrounding
    whitespace, a closing 等 / 等部门 / 等单位… and a stray closing 。 or ：, and drops empty
    pieces. Names are otherwise kept as written (see `agencies.canonical`).
    """
    rules = _rules()
    # The remark sits between a name and the next separator; replacing it by a separator keeps
    # the names on either side apart even when the source wrote no comma after it.
    text, remarks = rules.by_duty.subn("、", text)
    names = []
    for piece in pieces(text, _SEPARATORS):
        name = rules.trailing.sub("", piece.strip()).strip()
        if name:
            names.append(name)
    return names, remarks > 0
