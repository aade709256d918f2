"""Automatic list numbering of a Word 97 document: the labels (一、, （一）, 1.) Word draws in front
of numbered paragraphs, which are not in the text stream, recomputed from the list tables.

A paragraph is numbered by sprmPIlfo (a 1-based index into the LFOs; 0 and negative values mean
no numbering) and sprmPIlvl (its level, 0–8), on its own PAPX or inherited from its paragraph
style; doc_reader finds those two and asks `ListNumbering.label` in reading order. The list
tables ([MS-DOC] 2.4.6.x "Determining List Formatting" and the structures named here):

* PlfLst at fcPlfLst (2.9.201): cLst LSTFs (2.9.147: lsid, the styles linked to its levels,
  fSimpleList), and right after it in the table stream their LVLs (2.9.149), 9 a list or 1 for
  a simple list: an LVLF (2.9.150: iStartAt, nfc, fLegal, fNoRestart, rgbxchNums, ixchFollow,
  ilvlRestartLim, the sizes of the two grpprls that follow), the grpprls, and the number text
  xst whose characters at the rgbxchNums positions are placeholders for levels 0–8.
* PlfLfo at fcPlfLfo (2.9.200): lfoMac LFOs (2.9.131: the lsid of the list, clfolvl), then
  their LFOData (2.9.132), each a CP and clfolvl LFOLVLs (2.9.133): a level's start-at override
  (fStartAt) or a whole LVL that replaces it (fFormatting).

Counting follows the DOCX reader (`list_numbers.ListCounters`): per list and level, a new item
restarts the deeper levels (unless their fNoRestart/ilvlRestartLim say otherwise). LFOs of one
list share its counters, as Word numbers them; an LFO that overrides a level counts on its own,
as a w:num with a lvlOverride does in DOCX. The number formats (nfc) are MSONFC codes, written by
the one table in `list_numbers`; a bullet gives no label and ixchFollow decides, as w:suff does
in DOCX, whether a space follows the number. Paragraphs whose label cannot be rebuilt (an LFO or
level that is not defined, a format not in the table) keep their text and are counted in
`unrecovered`. Word 6-style numbering (sprmPAnld, ANLD) is not read: Word 97 and later write the
list tables above for every list, and keep ANLD only beside them for Word 6 readers.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass, replace

from .list_numbers import MSONFC, Level, ListCounters, UnknownFormat

_LEVELS = 9
_LSTF_SIZE, _LVLF_SIZE, _LFO_SIZE, _LFOLVL_SIZE = 28, 28, 16, 8
_SIMPLE_LIST = 0x01  # LSTF flags: fSimpleList
_LEGAL, _NO_RESTART = 0x04, 0x08  # LVLF flags
_START_AT, _FORMATTING = 0x10, 0x20  # LFOLVL flags, after the 4-bit iLvl
_SUFFIX = {0: "tab", 1: "space", 2: "nothing"}  # ixchFollow


def _u16(data: bytes, offset: int) -> int:
    return int.from_bytes(data[offset : offset + 2], "little")


def _s32(data: bytes, offset: int) -> int:
    return int.from_bytes(data[offset : offset + 4], "little", signed=True)


@dataclass(frozen=True)
class _List:
    lsid: int
    levels: dict[int, Level]
    styles: tuple[int, ...]  # rgistdPara: the paragraph style linked to each level, 0x0FFF none


class ListNumbering:
    """The labels of a document's numbered paragraphs, in document order."""

    def __init__(self, table: bytes, plf_lst: tuple[int, int], plf_lfo: tuple[int, int]):
        """The list tables at (fc, lcb) `plf_lst` and `plf_lfo` in the table stream; a structure
        outside the stream is no list."""
        self.unrecovered = 0
        self._counters = ListCounters()
        lists = {item.lsid: item for item in _lists(table, *plf_lst)}
        # ilfo (1-based) -> (counter key, the list, its levels with the LFO's overrides)
        self._lfos: dict[int, tuple[Hashable, _List, dict[int, Level]]] = {}
        for ilfo, (lsid, overrides) in enumerate(_lfos(table, *plf_lfo), start=1):
            found = lists.get(lsid)
            if found is None:
                continue
            levels = dict(found.levels)
            for ilvl, start, lvl in overrides:
                base = lvl or levels.get(ilvl)
                if base is not None:
                    levels[ilvl] = base if start is None else replace(base, start=start)
            key: Hashable = ("lfo", ilfo) if overrides else ("list", lsid)
            self._lfos[ilfo] = (key, found, levels)

    def label(self, ilfo: int, ilvl: int | None, istd: int) -> str:
        """The label of the next paragraph of list override `ilfo` at level `ilvl` (None: not
        set, so the level linked to its style `istd`, or 0); "" for a paragraph that is not
        numbered or whose number cannot be rebuilt."""
        if ilfo <= 0:
            return ""
        entry = self._lfos.get(ilfo)
        if entry is None:
            self.unrecovered += 1
            return ""
        key, found, levels = entry
        if ilvl is None:
            ilvl = found.styles.index(istd) if istd in found.styles else 0
        if ilvl not in levels:
            self.unrecovered += 1
            return ""
        try:
            return self._counters.label(key, levels, ilvl)
        except UnknownFormat:
            self.unrecovered += 1
            return ""


def _lists(table: bytes, fc: int, lcb: int) -> Iterator[_List]:
    """The LSTFs of the PlfLst and the LVLs that follow it."""
    if lcb < 2 or fc + lcb > len(table):
        return
    count = int.from_bytes(table[fc : fc + 2], "little", signed=True)
    if count <= 0 or 2 + count * _LSTF_SIZE > lcb:
        return
    at = fc + lcb  # the LVLs follow the PlfLst
    for k in range(count):
        lstf = table[fc + 2 + k * _LSTF_SIZE : fc + 2 + (k + 1) * _LSTF_SIZE]
        levels: dict[int, Level] = {}
        for ilvl in range(1 if lstf[26] & _SIMPLE_LIST else _LEVELS):
            parsed = _lvl(table, at)
            if parsed is None:
                return  # the LVL array is damaged: the lists after this one cannot be found
            levels[ilvl], at = parsed
        styles = tuple(_u16(lstf, 8 + 2 * i) for i in range(_LEVELS))
        yield _List(_s32(lstf, 0), levels, styles)


def _lvl(table: bytes, at: int) -> tuple[Level, int] | None:
    """The LVL at `at` and the offset after it; None if it runs past the stream."""
    lvlf = table[at : at + _LVLF_SIZE]
    if len(lvlf) < _LVLF_SIZE:
        return None
    xst = at + _LVLF_SIZE + lvlf[25] + lvlf[24]  # after grpprlPapx and grpprlChpx
    if xst + 2 > len(table):
        return None
    chars = _u16(table, xst)
    end = xst + 2 + 2 * chars
    if end > len(table):
        return None
    text = table[xst + 2 : end].decode("utf-16-le", "replace")
    flags = lvlf[5]
    level = Level(
        start=_s32(lvlf, 0),
        fmt=MSONFC.get(lvlf[4], f"msonfc {lvlf[4]}"),
        text=_number_text(text, lvlf[6:15]),
        suffix=_SUFFIX.get(lvlf[15], "tab"),
        legal=bool(flags & _LEGAL),
        restart_below=lvlf[26] if flags & _NO_RESTART else None,
    )
    return level, end


def _number_text(text: str, positions: Iterable[int]) -> tuple[str | int, ...]:
    """The xst as literal runs and level placeholders (rgbxchNums: 1-based positions of the
    placeholder characters, whose values are the levels they stand for; 0 ends the list)."""
    placeholders = set()
    for position in positions:
        if position == 0:
            break
        if position <= len(text) and ord(text[position - 1]) < _LEVELS:
            placeholders.add(position - 1)
    parts: list[str | int] = []
    for i, ch in enumerate(text):
        if i in placeholders:
            parts.append(ord(ch))
        elif parts and isinstance(parts[-1], str):
            parts[-1] += ch
        else:
            parts.append(ch)
    return tuple(parts)


def _lfos(
    table: bytes, fc: int, lcb: int
) -> Iterator[tuple[int, list[tuple[int, int | None, Level | None]]]]:
    """Each LFO's lsid and its level overrides: (ilvl, start-at or None, LVL or None)."""
    if lcb < 4 or fc + lcb > len(table):
        return
    plf = table[fc : fc + lcb]
    count = int.from_bytes(plf[:4], "little")
    if 4 + count * _LFO_SIZE > len(plf):
        return
    at = 4 + count * _LFO_SIZE  # rgLfoData, parallel to rgLfo
    for k in range(count):
        lfo = plf[4 + k * _LFO_SIZE : 4 + (k + 1) * _LFO_SIZE]
        overrides: list[tuple[int, int | None, Level | None]] = []
        at += 4  # LFOData.cp
        for _ in range(lfo[12]):  # clfolvl
            if at + _LFOLVL_SIZE > len(plf):
                overrides = []
                break
            start, flags = _s32(plf, at), plf[at + 4]
            at += _LFOLVL_SIZE
            lvl = None
            if flags & _FORMATTING:
                parsed = _lvl(plf, at)
                if parsed is None:
                    break
                lvl, at = parsed
            overrides.append((flags & 0x0F, start if flags & _START_AT else None, lvl))
        yield _s32(lfo, 0), overrides
