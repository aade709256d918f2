"""Writes the Word 97 binary (.doc) fixtures of the doc reader tests, with no office suite.

A minimal but valid Word 97 file is two layers, both written here:

* an OLE2 compound file ([MS-CFB] version 3: 512-byte sectors, one FAT, no mini stream: every
  stream is padded to the 4096-byte mini-stream cutoff);
* in it, the WordDocument stream ([MS-DOC]: a FIB, the text, the PapxFkp and ChpxFkp pages)
  and its table stream (a style sheet, the section table, PlcBteChpx, PlcBtePapx and the Clx
  with the piece table), and a Data stream holding one huge PAPX. Field marks and anchors
  carry sprmCFSpec, as Word writes them, so other readers (LibreOffice) see fields too.

The document is an invented notice (白石市, not a real place's document) that exercises what the
reader must get right: a paragraph split over a compressed (cp1252) and two UTF-16 pieces,
fields (a hyperlink whose result is kept, a PAGE field without result, a field nested in
another's code), a deleted revision and hidden text, a manual line break, a page break inside a
paragraph and a section break ending one, footnote and picture anchors, a heading style, a blank
paragraph, and a table with cells merged by grid width, by the legacy horzMerge flags and
vertically, and a two-paragraph cell in a row whose end mark has a huge PAPX. Header text
follows the main text, as Word stores it, and must be left out.

Variants: the same document marked as Word 95 (nFib 104), as encrypted (fEncrypted), an Excel
workbook named .doc, a Microsoft Works file named .wps, and an OLE file of unknown streams.

    python scripts/make_doc.py        # writes tests/fixtures/doc/*

Outputs are deterministic, so re-running leaves git clean. The automatic-numbering fixtures
(numbering.doc, lists.doc, lists.docx: list tables as Word 97 stores them) are not written here
but by scripts/make_doc_lists.py, as LibreOffice's Word 97 saves of .docx files. Neither are
text-box-libreoffice.doc and wordart-libreoffice.doc, LibreOffice's exports of the DrawingML text
box and the VML WordArt notices that tests/test_text_boxes.py writes (another writer's text box
story and OfficeArt drawings), nor header-text-box-libreoffice.doc and
running-header-text-box-libreoffice.doc, its exports of `header_docx(True)` and
`header_docx(False)` there (the header text boxes' story), each made once with

    soffice --headless --convert-to doc --outdir tests/fixtures/doc FILE.docx
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "fixtures" / "doc"

SECTOR = 512
FREE, END, FAT_SECTOR = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
NO_STREAM = 0xFFFFFFFF
MINI_CUTOFF = 4096

# Paragraph sprms ([MS-DOC] 2.6.2, 2.6.3)
IN_TABLE, TTP, ITAP, DEF_TABLE, HUGE_PAPX = 0x2416, 0x2417, 0x6649, 0xD608, 0x6646
SPEC = 0x0855  # sprmCFSpec: the character is special (a field mark, an anchor), not text
RMARK_DEL, VANISH = 0x0800, 0x083C  # sprmCFRMarkDel (deleted revision), sprmCFVanish (hidden)
# Characters Word marks special in their character properties.
SPECIAL = "\x01\x02\x05\x08\x13\x14\x15"


def compound_file(streams: dict[str, bytes]) -> bytes:
    """An OLE2 compound file holding `streams` in the root storage."""
    names = sorted(streams, key=lambda n: (len(n), n.upper()))  # the directory's name order
    body = bytearray()
    fat: list[int] = []
    starts = {}
    for name in names:
        data = streams[name].ljust(MINI_CUTOFF, b"\0")
        data += bytes(-len(data) % SECTOR)
        first = len(fat)
        count = len(data) // SECTOR
        fat.extend(first + k + 1 for k in range(count - 1))
        fat.append(END)
        starts[name] = first
        body += data
    directory = bytearray(_dir_entry("Root Entry", 5, END, 0, child=1))
    for k, name in enumerate(names):
        right = k + 2 if k + 1 < len(names) else NO_STREAM  # a chain of right siblings
        directory += _dir_entry(
            name, 2, starts[name], max(len(streams[name]), MINI_CUTOFF), right=right
        )
    directory += bytes(-len(directory) % SECTOR)
    dir_start = len(fat)
    dir_sectors = len(directory) // SECTOR
    fat.extend(dir_start + k + 1 for k in range(dir_sectors - 1))
    fat.append(END)
    body += directory
    fat_sectors = 1
    while (len(fat) + fat_sectors) > fat_sectors * (SECTOR // 4):
        fat_sectors += 1
    fat_start = len(fat)
    fat.extend([FAT_SECTOR] * fat_sectors)
    fat.extend([FREE] * (fat_sectors * SECTOR // 4 - len(fat)))
    body += struct.pack(f"<{len(fat)}I", *fat)
    difat = [fat_start + k for k in range(fat_sectors)] + [FREE] * (109 - fat_sectors)
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        bytes(16),
        0x3E,
        3,
        0xFFFE,
        9,
        6,
        bytes(6),
        0,
        fat_sectors,
        dir_start,
        0,
        MINI_CUTOFF,
        END,
        0,
        END,
        0,
    ) + struct.pack("<109I", *difat)
    return header + bytes(body)


def _dir_entry(
    name: str, kind: int, start: int, size: int, child: int = NO_STREAM, right: int = NO_STREAM
) -> bytes:
    encoded = name.encode("utf-16-le") + b"\0\0"
    return struct.pack(
        "<64sHBBIII16sIQQIQ",
        encoded,
        len(encoded),
        kind,
        1,  # black
        NO_STREAM,
        right,
        child,
        bytes(16),
        0,
        0,
        0,
        start,
        size,
    )


@dataclass
class Para:
    """A paragraph: its runs as (text, compressed) ending in its mark, and its properties."""

    runs: list[tuple[str, bool]]
    grpprl: bytes = b""
    istd: int = 0
    huge: bool = False  # store the grpprl in the Data stream (sprmPHugePapx)
    # store the text after all other text, as a fast save stores an edited paragraph
    moved: bool = False


def sprm(code: int, operand: bytes) -> bytes:
    return struct.pack("<H", code) + operand


def cell_props() -> bytes:
    return sprm(IN_TABLE, b"\x01") + sprm(ITAP, struct.pack("<i", 1))


def row_end(boundaries: list[int], merges: list[tuple[int, int]]) -> bytes:
    """The TTP's properties: in table, row end, and TDefTable (cell edges and TC80 merges)."""
    operand = bytes([len(merges)]) + struct.pack(f"<{len(boundaries)}h", *boundaries)
    for horizontal, vertical in merges:
        operand += struct.pack("<HH", horizontal | vertical << 5, 0) + bytes(16)
    return (
        cell_props()
        + sprm(TTP, b"\x01")
        + sprm(DEF_TABLE, struct.pack("<H", len(operand) + 1) + operand)
    )


def notice() -> list[Para]:
    u, c = False, True
    cell, ttp = cell_props(), row_end
    return [
        Para([("白石市人民政府办公室关于做好", u), ("2024", c), ("年防汛工作的通知\r", u)]),
        Para([("白石府办发〔2024〕7号\r", u)]),
        Para([("各区县人民政府，市政府有关部门：\r", u)]),
        Para(
            [
                (
                    '根据\x13 HYPERLINK "http://example.invalid/" \x14《白石市防汛条例》\x15'
                    "有关规定"
                    "\x13 PAGE \x15，现将有关事项通知如下\x02。\x01\r",
                    u,
                ),
            ]
        ),
        Para([("一、压实防汛责任\r", u)], istd=1),
        Para([("各地要落实\x0b行政首长负责制\x1f，汛期实行24\x1e小时值班。\r", u)]),
        Para([("\x13 IF \x13 PAGE \x141\x15 = 1 \x14值班表如下：\x15\r", u)]),
        Para([("\r", u)]),
        Para([("区域\x07", u)], cell),
        Para([("责任人\x07", u)], cell),
        Para([("\x07", u)], ttp([0, 2000, 6000], [(0, 0), (0, 0)])),
        Para([("东区\x07", u)], cell),
        Para([("张三\x07", u)], cell),
        Para([("李四\x07", u)], cell),
        Para([("\x07", u)], ttp([0, 2000, 4000, 6000], [(0, 3), (0, 0), (0, 0)])),
        Para([("\x07", u)], cell),
        Para([("王五\x07", u)], cell),
        Para([("赵六\r", u)], cell),
        Para([("第二段\x07", u)], cell),
        Para([("\x07", u)], ttp([0, 2000, 4000, 6000], [(0, 1), (0, 0), (0, 0)]), huge=True),
        Para([("合计\x07", u)], cell),
        Para([("共三人\x07", u)], cell),
        Para([("\x07", u)], cell),
        Para([("\x07", u)], ttp([0, 2000, 4000, 6000], [(0, 0), (1, 0), (2, 0)])),
        Para([("二、加强监测预警\r", u)], istd=1),
        Para([("会商会议原定下周于今日召开（内部说明）。\r", u)]),
        Para([("第一部分到此结束\x0c", u)]),
        Para([("前页内容\x0c后页内容\r", u)]),
        Para([("白石市人民政府办公室\r", u)]),
        Para([("2024年5月6日\r", u)]),
    ]


HEADER_TEXT = "页眉：内部资料\r\r"


def style_sheet() -> bytes:
    stshi = struct.pack("<HHHHHH6s", 3, 10, 1, 3, 3, 0, bytes(6))
    out = struct.pack("<H", len(stshi)) + stshi
    for sti, stk, name in (
        (0, 1, "Normal"),
        (1, 1, "heading 1"),
        (65, 2, "Default Paragraph Font"),
    ):
        std = struct.pack("<HHHHH", sti, stk, 0, 0, 0)
        std += struct.pack("<H", len(name)) + name.encode("utf-16-le") + b"\0\0"
        out += struct.pack("<H", len(std)) + std
    return out


def word_file(
    paragraphs: list[Para],
    nfib: int = 0xC1,
    flags: int = 0x1000 | 0x0200,
    text_boxes: list[str] | None = None,
    box_lids: bool = True,
) -> bytes:
    """The compound file of a Word 97 document with these paragraphs (flags: FibBase bits).

    `text_boxes` are the texts of the shapes anchored at the main text's 0x08 characters, in
    order: stored as Word stores them, in the text box story after the header story, each box
    a range of PlcftxbxTxt whose lid is the spid of its anchor's FSPA in PlcSpaMom, and a last
    placeholder range (`box_lids` False: lid left 0, as some writers leave it)."""
    boxes = [text + "\r" for text in text_boxes or []]
    text_start = 1024
    word = bytearray(text_start)
    tail = bytearray()  # the text of moved paragraphs, stored after all other text
    pieces: list[tuple[int, int, bool, bool]] = []  # (cp, fc, compressed, in the tail)
    spans: list[tuple[int, int, Para, bool]] = []  # fc range of each paragraph, in the tail
    chars: list[tuple[int, int, bytes, bool]] = []  # fc range of each character run, its grpprl
    cp = 0
    runs: list[tuple[str, bool, Para | None]] = [
        (text, compressed, para) for para in paragraphs for text, compressed in para.runs
    ]
    runs.append((HEADER_TEXT, False, None))
    if boxes:
        runs.append(("".join(boxes) + "\r", False, None))
    for text, compressed, para in runs:
        moved = para is not None and para.moved
        out = tail if moved else word
        start = len(out)
        if not pieces or pieces[-1][2] != compressed or para is None or pieces[-1][3] != moved:
            pieces.append((cp, start, compressed, moved))
        for part in _CHARACTER_RUNS.split(text):
            if part:
                at = len(out)
                out += part.encode("cp1252") if compressed else part.encode("utf-16-le")
                spec = sprm(SPEC, b"\x01") if part in SPECIAL else b""
                chars.append((at, len(out), CHARACTER_PROPS.get(part, spec), moved))
        if para is not None:
            if spans and spans[-1][2] is para:
                spans[-1] = (spans[-1][0], len(out), para, moved)
            else:
                spans.append((start, len(out), para, moved))
        cp += len(text)
    if tail:
        base = len(word)
        word += tail
        pieces = [(c, fc + base if m else fc, z, m) for c, fc, z, m in pieces]
        spans = sorted((a + base, b + base, p, m) if m else (a, b, p, m) for a, b, p, m in spans)
        chars = sorted((a + base, b + base, g, m) if m else (a, b, g, m) for a, b, g, m in chars)
    ccp_txbx = len("".join(boxes)) + 1 if boxes else 0
    ccp_text = cp - len(HEADER_TEXT) - ccp_txbx
    data = bytearray(b"DATA")
    fkps, first_fcs = [], []
    for k in range(0, len(spans), 8):
        page, data = _fkp([(a, b, para) for a, b, para, _m in spans[k : k + 8]], data)
        word += bytes(-len(word) % SECTOR)
        first_fcs.append(spans[k][0])
        fkps.append(len(word) // SECTOR)
        word += page
    table = bytearray()
    stsh_at = len(table)
    table += style_sheet()
    section_cp = _section_end(paragraphs)
    sed_at = len(table)
    table += struct.pack("<3I", 0, section_cp, ccp_text)
    table += struct.pack("<HIHI", 0, NO_STREAM, 0, NO_STREAM) * 2
    chpx_pages, chpx_fcs = [], []
    for k in range(0, len(chars), 60):
        word += bytes(-len(word) % SECTOR)
        chpx_fcs.append(chars[k][0])
        chpx_pages.append(len(word) // SECTOR)
        word += _chpx_fkp([(a, b, grpprl) for a, b, grpprl, _m in chars[k : k + 60]])
    bte_chpx_at = len(table)
    table += struct.pack(f"<{len(chpx_fcs) + 1}I", *chpx_fcs, chars[-1][1])
    table += struct.pack(f"<{len(chpx_pages)}I", *chpx_pages)
    bte_at = len(table)
    table += struct.pack(f"<{len(first_fcs) + 1}I", *first_fcs, spans[-1][1])
    table += struct.pack(f"<{len(fkps)}I", *fkps)
    fld_at = len(table)
    fields = _field_table("".join(t for para in paragraphs for t, _c in para.runs), ccp_text)
    table += fields
    spa_at = len(table)
    table += _shape_anchors(paragraphs, len(boxes), ccp_text)
    txbx_at = len(table)
    table += _text_box_table(boxes, box_lids)
    clx_at = len(table)
    plc = struct.pack(f"<{len(pieces) + 1}I", *[p[0] for p in pieces], cp)
    for _cp, fc, compressed, moved in pieces:
        # A moved piece carries a Prm1 naming the Prc below, as fast saves write them.
        prm = 1 if moved else 0
        plc += struct.pack("<HIH", 0, (fc * 2) | 0x40000000 if compressed else fc, prm)
    if tail:  # a Prc before the PlcPcd: a property modifier (sprmCFBold), as a fast save has
        prc = sprm(0x0835, b"\x01")
        table += b"\x01" + struct.pack("<h", len(prc)) + prc
    table += b"\x02" + struct.pack("<I", len(plc)) + plc
    pairs = [(0, 0)] * 93
    pairs[1] = (stsh_at, sed_at - stsh_at)
    pairs[6] = (sed_at, bte_at - sed_at)
    pairs[12] = (bte_chpx_at, bte_at - bte_chpx_at)
    pairs[16] = (fld_at, len(fields))
    pairs[13] = (bte_at, fld_at - bte_at)
    pairs[33] = (clx_at, len(table) - clx_at)
    if boxes:
        pairs[40] = (spa_at, txbx_at - spa_at)
        pairs[56] = (txbx_at, clx_at - txbx_at)
    if tail:
        flags |= 0x0004  # fComplex: the file was fast-saved
    fib = struct.pack(
        "<HHHHHHHIBBHHII", 0xA5EC, nfib, 0, 0x0804, 0, flags, 0xBF, 0, 0, 0, 0, 0, 0, 0
    )
    fib += struct.pack("<H", 14) + bytes(28)
    rg_lw = [len(word), 0, 0, ccp_text, 0, len(HEADER_TEXT), 0, 0, 0, ccp_txbx, 0] + [0] * 11
    fib += struct.pack("<H22i", 22, *rg_lw)
    fib += struct.pack("<H", 93) + b"".join(struct.pack("<II", fc, lcb) for fc, lcb in pairs)
    fib += struct.pack("<H", 0)
    word[: len(fib)] = fib
    table_name = "1Table" if flags & 0x0200 else "0Table"
    return compound_file(
        {"WordDocument": bytes(word), table_name: bytes(table), "Data": bytes(data)}
    )


FIRST_SPID = 1025


def _shape_anchors(paragraphs: list[Para], count: int, ccp_text: int) -> bytes:
    """PlcSpaMom ([MS-DOC] 2.8.28): the CPs of the first `count` 0x08 anchors in the main text
    and an FSPA for each (spid, then a placeholder rectangle and flags)."""
    text = "".join(t for para in paragraphs for t, _c in para.runs)
    cps = [cp for cp, ch in enumerate(text) if ch == "\x08"][:count]
    if not cps:
        return b""
    fspas = b"".join(
        struct.pack("<I4iHI", FIRST_SPID + k, 0, 0, 4000, 1000, 0, 0) for k in range(len(cps))
    )
    return struct.pack(f"<{len(cps) + 1}I", *cps, ccp_text) + fspas


def _text_box_table(boxes: list[str], lids: bool = True) -> bytes:
    """PlcftxbxTxt ([MS-DOC] 2.8.32): each box's CP range in the text box story and an FTXBXS
    whose lid is its shape's spid; the last range is the story's closing placeholder."""
    if not boxes:
        return b""
    cps = [0]
    for box in boxes:
        cps.append(cps[-1] + len(box))
    cps.append(cps[-1] + 1)
    entries = b"".join(
        struct.pack("<iiHiii", 1, 0, 0, 0, FIRST_SPID + k if lids else 0, 0)
        for k in range(len(boxes))
    )
    entries += struct.pack("<iiHiii", 0, 0, 0, 0, 0, 0)
    return struct.pack(f"<{len(cps)}I", *cps) + entries


def _section_end(paragraphs: list[Para]) -> int:
    cp = 0
    for para in paragraphs:
        for text, _compressed in para.runs:
            cp += len(text)
            if text.endswith("\x0c"):
                return cp
    return cp


FIELD_TYPES = {"HYPERLINK": 88, "PAGE": 33, "IF": 7}
# Text given character properties of its own: a deleted revision and hidden text.
CHARACTER_PROPS = {"原定下周": sprm(RMARK_DEL, b"\x01"), "（内部说明）": sprm(VANISH, b"\x01")}
_CHARACTER_RUNS = re.compile(
    "([" + SPECIAL + "]|" + "|".join(re.escape(text) for text in CHARACTER_PROPS) + ")"
)


def _field_table(text: str, ccp_text: int) -> bytes:
    """PlcfFldMom ([MS-DOC] 2.8.25): the CP and a FLD of every field mark of the main text."""
    cps: list[int] = []
    flds: list[bytes] = []
    open_fields: list[list[bool]] = []  # per open field: [has a separator]
    for cp, ch in enumerate(text):
        if ch == "\x13":
            code = text[cp + 1 :].split()[0]
            open_fields.append([False])
            cps.append(cp)
            flds.append(bytes([0x13, FIELD_TYPES[code]]))
        elif ch == "\x14":
            open_fields[-1][0] = True
            cps.append(cp)
            flds.append(bytes([0x14, 0xFF]))
        elif ch == "\x15":
            has_separator = open_fields.pop()[0]
            cps.append(cp)
            flds.append(
                bytes([0x15, (0x80 if has_separator else 0) | (0x40 if open_fields else 0)])
            )
    if not cps:
        return b""
    return struct.pack(f"<{len(cps) + 1}I", *cps, ccp_text) + b"".join(flds)


def _chpx_fkp(runs: list[tuple[int, int, bytes]]) -> bytes:
    """A ChpxFkp page ([MS-DOC] 2.9.44); runs with the same grpprl share one Chpx."""
    page = bytearray(SECTOR)
    struct.pack_into(f"<{len(runs) + 1}I", page, 0, *[r[0] for r in runs], runs[-1][1])
    free = SECTOR - 1
    placed: dict[bytes, int] = {}
    for j, (_start, _end, grpprl) in enumerate(runs):
        if grpprl and grpprl not in placed:
            free = (free - 1 - len(grpprl)) & ~1
            page[free : free + 1 + len(grpprl)] = bytes([len(grpprl)]) + grpprl
            placed[grpprl] = free
        page[4 * (len(runs) + 1) + j] = placed[grpprl] // 2 if grpprl else 0
    page[SECTOR - 1] = len(runs)
    return bytes(page)


def _fkp(spans: list[tuple[int, int, Para]], data: bytearray) -> tuple[bytes, bytearray]:
    """A PapxFkp page for up to eight paragraphs ([MS-DOC] 2.9.176)."""
    page = bytearray(SECTOR)
    runs = len(spans)
    struct.pack_into(f"<{runs + 1}I", page, 0, *[s[0] for s in spans], spans[-1][1])
    free = SECTOR - 1
    for j, (_start, _end, para) in enumerate(spans):
        grpprl = para.grpprl
        if para.huge:
            at = len(data)
            data += struct.pack("<H", len(grpprl)) + grpprl
            grpprl = sprm(HUGE_PAPX, struct.pack("<I", at))
        body = struct.pack("<H", para.istd) + grpprl
        papx = (
            bytes([(len(body) + 1) // 2]) + body
            if len(body) % 2
            else bytes([0, len(body) // 2]) + body
        )
        free = (free - len(papx)) & ~1
        page[free : free + len(papx)] = papx
        page[4 * (runs + 1) + 13 * j] = free // 2
    page[SECTOR - 1] = runs
    return bytes(page), data


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    paragraphs = notice()
    files = {
        "notice.doc": word_file(paragraphs),
        "notice-0table.wps": word_file(paragraphs, flags=0x1000),
        "word95.doc": word_file(paragraphs, nfib=104),
        "encrypted.doc": word_file(paragraphs, flags=0x1000 | 0x0200 | 0x0100),
        "budget.doc": compound_file({"Workbook": b"\x09\x08" + bytes(200)}),
        "works.wps": compound_file({"CONTENTS": bytes(300), "MatOST": bytes(40)}),
        "unknown.doc": compound_file({"Contents1": bytes(100)}),
    }
    for name, content in files.items():
        (OUT / name).write_bytes(content)
    print(f"wrote {len(files)} files to {OUT}")


if __name__ == "__main__":
    main()
