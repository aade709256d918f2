"""Plain-text reader: decodes the bytes and rebuilds the tables of a Word text dump.

Decoding accepts UTF-8 (with or without BOM), UTF-16 with BOM and GB18030 (which covers GBK and
GB2312, common on Chinese portals). Files whose bytes are partly UTF-8 and partly something else
are refused rather than silently turned into mojibake, and so are bytes that decode as GB18030
only to rare characters, which is what random data and Big5 text look like in it.

A portal's metadata table copied as text (索引号：<TAB>value<TAB>分类：<TAB>value, one row a line)
is not a table of the document: its rows are read as lines of label/value pairs.

A text copy of a PDF page breaks its lines at the page's width, mid-sentence: a line that runs to
that width without closing its sentence goes on in the next line unless that one opens a
paragraph (an indent, a heading number), and the two are read as one paragraph (`text_wraps`
finds the width and says which lines go on); a page number and a running head between two pages
do not end the paragraph they cut, and follow it.

Text dumps of Word tables put one cell per line starting with a TAB and separate rows with a
blank line; a cell may continue on the following lines, sometimes after a blank line, and a
vertically merged cell is an empty TAB line. A blank line therefore ends a row only when the
next non-blank line starts a new cell.
"""

from __future__ import annotations

import codecs
import dataclasses
import itertools
import re
from collections import Counter
from functools import cache

from .. import portal
from ..chrome import without_jammer
from ..errors import DecodeError, EmptyInputError
from ..headings import Numbered, numbered, numeral_pattern, opens_block
from ..model import Provenance
from ..source import Block, Cell, Paragraph, TableBlock
from ..textutil import iso_date, simplified
from .covers import cover_lines
from .flat_tables import flat_table
from .text_tables import pipe_cells, table_at
from .text_wraps import PageFurniture, Width, at_width, wrap_width, wraps_onto

_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_ASCII = bytes(range(128))
_CHUNK = 1 << 20
# GB18030 text with fewer common (GB2312) characters than this share is refused as noise;
# texts with fewer wide characters than the sample size are too short to judge.
_GBK_COMMON_SHARE = 0.8
_GBK_SAMPLE = 8
# Big5's lead bytes of symbols and of its 5,401 frequently used characters.
_BIG5_COMMON = (0xA1, 0xC6)
_LAST_ASCII = 0x7F
_LAST_LATIN = 0xFF
# A GB18030 reading with more undecodable bytes than this share of its wide characters is not
# a damaged document but something else.
_MAX_DAMAGED_SHARE = 0.05
_REPLACEMENT = "\ufffd"
_LINES_LISTED = 10
# How much of a UTF-8 text is tried as a garbled copy (see `_unmojibaked`) before the whole is,
# and the share of its characters the garbling may have lost: Chinese text that is no such copy
# loses most of them.
_MOJIBAKE_SAMPLE = 2000
_MOJIBAKE_LOST_SHARE = 0.3
_MOJIBAKE = "UTF-8 text garbled once through another encoding (乱码): put back"
# C0 controls other than TAB, LF, CR, FF: plain text never has them in any number.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# A space between two characters of which one is Chinese: a page that spaced out its words.
_SPACED_GAP = re.compile(
    r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])[ \u00a0]+(?=[\w\u3000-\u303f\uff00-\uffef])"
    r"|(?<=[\w\u3000-\u303f\uff00-\uffef])[ \u00a0]+(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])"
)
# A line is spaced out when it has at least _SPACED_GAPS such spaces and they number at least
# _SPACED_SHARE of its Han characters (到 2025 年，全市 儿童友好社区: 6 for 14); an author's space
# (情暖童心 相伴成长) or a portal line of labels and values (成文日期 2024-03-14 主题分类 其他:
# 5 for 17) stays.
_HAN = re.compile(r"[\u4e00-\u9fff]")
_SPACED_GAPS = 3
_SPACED_SHARE = 0.35
# Two or more ideographic spaces inside a line: the indent of a paragraph glued onto it.
# A short line splits only where a sentence ended: 发布时间：…　　信息来源：… is one portal line.
_INDENT = re.compile(r"\u3000{2,}")
_INDENT_AFTER_SENTENCE = re.compile(r"(?<=[。！？；：])\u3000{2,}")
_GLUED_LINE = 120
# A page that turned its line breaks into single spaces (title, 文号, recipients, text, signature
# and date on one line, a county CMS): in a line this long, with spaces this sparse (at most
# one per _GLUED_SPACING characters, so not a spaced-out page), a space outside brackets is a
# paragraph break, unless it sits inside a number's words (到 2025 年, 3 个).
_SPACE_BREAK = re.compile(r"(?<=[^\s0-9])[ \u00a0]+(?![0-9.]+[ \u00a0])")
_MIN_SPACE_BREAKS = 3
# The indent of a paragraph's first line in columns (two characters), lost when a document site
# glued a PDF's lines with single spaces.
_LOST_INDENT = 4
_GLUED_SPACING = 15
_SENTENCE_END = re.compile(r"[。；！？）)]\s*")
# Only a line this long can hold a glued body; a heading's title runs at most _TITLE_RUN
# characters up to the next heading, without punctuation.
_GLUED_BODY = 60
_TITLE_RUN = 30
_TITLE_STOP = re.compile(r"[。；！？，、：,;:!?]")
# A document's title glued to its first heading (某县托育机构管理办法第一条…) runs at least
# _MIN_GLUED_TITLE and less than _GLUED_TITLE_MAX characters, with no sentence or list mark in it
# (a 、 may join two of its subjects: 妇女、儿童); a heading's number opens with one of
# _NUMBER_OPENINGS.
_MIN_GLUED_TITLE = 4
_GLUED_TITLE_MAX = 60
_TITLE_MARK = re.compile(r"[。；！？，：,;:!?]")
_NUMBER_OPENINGS = frozenset("第（(一二三四五六七八九十")
_LIST_SEPARATOR_END = re.compile(r"[、，,；;：:]\s*$")
# A later item of a bracketed list glued after the last sentence of the paragraph before it, its
# short title closing the line or a sentence of its own before its text (…提高知晓度和参与度。
# （二）广泛开展社会宣传。 / …参与度。（二）广泛开展社会宣传。宣传部门要…: a 范文 site's copy that
# lost the line break before a heading). Only the bracketed family: 二、 after a sentence may open
# one about grades (二、三年级学生每周…).
_TRAILING_TITLE = re.compile(r"[^。；！？，、：,;:!?（）()]{2,30}(?:。|$)")
# A hard-wrapped copy is double-spaced when at least this share of its printed lines (and this
# many) are followed by a blank line; its warnings name lines as "line N".
_DOUBLE_SPACED_SHARE = 0.9
_MIN_DOUBLE_SPACED = 8
_WARNED_LINE = re.compile(r"\bline (\d+)")
# "名称。正文": the shape of the entries of a one-column 专栏 that lists key projects.
_ITEM_SHAPE = re.compile(r"^[^。，,；;：:\s]{2,30}。")


def decode(data: bytes, path: str) -> tuple[str, str, list[str]]:
    """The text of `data`, the name of the encoding it was read with, and warnings.

    A download damaged in a few places is read with U+FFFD for the bytes that make no
    character, and a line pasted in GBK into a UTF-8 file is read as GB18030; the warnings name
    the lines. Only a file that is mostly not text in any of the encodings is refused.
    """
    if not data.strip():
        raise EmptyInputError(path, "empty file")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), path), encoding, []
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    path, f"invalid {encoding} after its byte-order mark at byte {exc.start}"
                ) from None
    if b"\x00" in data:
        unmarked = _utf16_without_bom(data)
        if unmarked is None:
            raise DecodeError(path, "binary data (NUL bytes), not a text document")
        text, encoding = unmarked
        return (
            _checked(text, path),
            encoding,
            [f"{encoding.upper()} text without a byte-order mark"],
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        repaired = _unmojibaked(text)
        if repaired is None:
            return _checked(text, path), "utf-8", []
        text, lost = repaired
        warnings = [_MOJIBAKE + (f"; {_damage_warning(lost)}" if lost else "")]
        return _checked(text, path), "utf-8", warnings
    if utf8_share(data) > 0.5:
        text, warnings = _mostly_utf8(data)
        return _checked(text, path), "utf-8", warnings
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = data.decode("gb18030", errors="replace")
    damaged = text.count(_REPLACEMENT)
    wide = _wide(text)
    if damaged > _MAX_DAMAGED_SHARE * max(wide, 1):
        raise DecodeError(path, "not text in UTF-8, UTF-16 or GB18030/GBK")
    if not plausible_gbk(text.replace(_REPLACEMENT, "")):
        # a traditional-character copy saved by a Taiwan or Hong Kong mirror or an old editor
        traditional = big5(data)
        if traditional is not None:
            return _checked(traditional, path), "big5hkscs", []
        raise DecodeError(
            path, "not text: decodes as GB18030 or Big5 mostly to rare characters (random bytes?)"
        )
    warnings = [_damage_warning(_lines_with(text, _REPLACEMENT))] if damaged else []
    return _checked(text, path), "gb18030", warnings


def _wide(text: str) -> int:
    """How many characters of `text` are not ASCII."""
    return len(text) - len(text.encode("ascii", "ignore"))


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """The text of UTF-16 bytes saved without a byte-order mark (some Windows tools' "Unicode"),
    and the byte order, when they read as Chinese text; None for other bytes with NULs."""
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        wide = _wide(text)
        if (
            wide >= _GBK_SAMPLE
            and not _CONTROL.search(text)
            and "\x00" not in text
            and plausible_gbk(text)
        ):
            return text, encoding
    return None


def _unmojibaked(text: str) -> tuple[str, list[int]] | None:
    """The text a copy garbled by reading UTF-8 bytes in another encoding and saving the
    characters again (a mirror's 乱码: 鍏充簬鍗板彂 read as GBK, å…³äºŽ as Windows-1252 or
    Latin-1, for 关于), and the lines where characters were lost on the way (the garbling drops
    bytes it cannot read, U+FFFD in the copy); None when `text` is no such copy. The copy's
    characters encode back to UTF-8 bytes, while Chinese text so encoded is no UTF-8 at all,
    which a sample tells at once."""
    if _wide(text) < _GBK_SAMPLE or plausible_gbk(text):
        # too little text to tell (a blank file with an ideographic space), or text that reads
        # as Chinese already: a garbled copy's characters are mostly rare ones (鍏, 簬) or Latin
        return None
    for garbling in (_as_gbk, _as_latin):
        sample = garbling(text[:_MOJIBAKE_SAMPLE])
        if sample is None or sample.count(_REPLACEMENT) > _MOJIBAKE_LOST_SHARE * len(sample):
            continue
        repaired = garbling(text)
        if repaired is None:
            continue
        lost = repaired.count(_REPLACEMENT)
        kept = repaired.replace(_REPLACEMENT, "")
        # what is put back must be Chinese text of some length, not a few stray characters
        if (
            lost <= _MOJIBAKE_LOST_SHARE * len(repaired)
            and _wide(kept) >= _GBK_SAMPLE
            and plausible_gbk(kept)
        ):
            return repaired, _lines_with(repaired, _REPLACEMENT) if lost else []
    return None


def _as_gbk(text: str) -> str:
    """UTF-8 text garbled through GBK, put back."""
    return text.replace(_REPLACEMENT, "").encode("gb18030").decode("utf-8", errors="replace")


def _as_latin(text: str) -> str | None:
    """UTF-8 text garbled through Windows-1252 (or Latin-1, whose C1 controls stand where
    Windows-1252 defines no character), put back; None when a character is in neither."""
    try:
        raw = text.replace(_REPLACEMENT, "").encode("cp1252", errors=_LATIN_ERRORS)
    except UnicodeEncodeError:
        return None
    return raw.decode("utf-8", errors="replace")


def _latin_one(error: UnicodeError) -> tuple[bytes, int]:
    """A Latin-1 character (a C1 control) Windows-1252 does not encode, as its byte."""
    assert isinstance(error, UnicodeEncodeError)
    chars = error.object[error.start : error.end]
    if any(ord(char) > _LAST_LATIN for char in chars):
        raise error
    return bytes(map(ord, chars)), error.end


_LATIN_ERRORS = "govdocparse-latin-one"
codecs.register_error(_LATIN_ERRORS, _latin_one)


def _mostly_utf8(data: bytes) -> tuple[str, list[str]]:
    """A UTF-8 file with bad bytes, line by line: a line that is mostly GBK is read as GB18030
    (a paste from another file), any other bad bytes become U+FFFD."""
    lines: list[str] = []
    damaged: list[int] = []
    foreign: list[int] = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            lines.append(raw.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        if utf8_share(raw) <= 0.5:
            try:
                line = raw.decode("gb18030")
            except UnicodeDecodeError:
                line = ""
            if line and plausible_gbk(line):
                lines.append(line)
                foreign.append(number)
                continue
        lines.append(raw.decode("utf-8", errors="replace"))
        damaged.append(number)
    warnings = [_damage_warning(damaged)] if damaged else []
    if foreign:
        warnings.append(f"GBK text in a UTF-8 file, read as GB18030: {_line_list(foreign)}")
    return "\n".join(lines), warnings


def _lines_with(text: str, char: str) -> list[int]:
    return [n for n, line in enumerate(text.split("\n"), start=1) if char in line]


def _damage_warning(lines: list[int]) -> str:
    return f"damaged bytes read as U+FFFD (replacement marks): {_line_list(lines)}"


def _line_list(lines: list[int]) -> str:
    shown = ", ".join(str(n) for n in lines[:_LINES_LISTED])
    more = f" and {len(lines) - _LINES_LISTED} more" if len(lines) > _LINES_LISTED else ""
    return f"line{'s' if len(lines) > 1 else ''} {shown}{more}"


def utf8_share(data: bytes) -> float:
    """The share of the non-ASCII bytes of `data` that sit in well-formed UTF-8 sequences.

    Counted a megabyte at a time: matching a whole large file at once keeps one object per match
    alive, several times the file's size in memory. A sequence cut by a chunk edge is missed,
    which cannot sway the share.
    """
    non_ascii = len(data.translate(None, _ASCII))
    if not non_ascii:
        return 1.0
    count = 0
    for start in range(0, len(data), _CHUNK):
        chunk = data[start : start + _CHUNK]
        count += len(chunk) - len(_UTF8_SEQUENCE.sub(b"", chunk))
    return count / non_ascii


def plausible_gbk(text: str) -> bool:
    """Whether GB18030-decoded text reads like Chinese rather than like noise.

    Almost any run of high bytes decodes as GB18030, so decoding alone proves nothing. Chinese
    prose keeps over 99% of its characters inside GB2312 (the 7,445 common characters and
    symbols), or, written in traditional characters, their traditional forms; random bytes and
    Big5 text land there about half the time.
    """
    ascii_count = len(text.encode("ascii", "ignore"))
    wide = len(text) - ascii_count
    if wide < _GBK_SAMPLE:
        return True
    common = (len(text.encode("gb2312", "ignore")) - ascii_count) // 2
    if common < _GBK_COMMON_SHARE * wide:
        # a traditional-character copy saved in GBK: its characters are traditional forms of
        # GB2312's common ones
        common = (len(simplified(text).encode("gb2312", "ignore")) - ascii_count) // 2
    return common >= _GBK_COMMON_SHARE * wide


def big5(data: bytes) -> str | None:
    """The text of Big5 (HKSCS) bytes that read like Chinese: most of their characters are
    Big5's symbols and frequently used characters (lead bytes A1-C6), where random bytes and
    GBK text land about a third of the time."""
    try:
        text = data.decode("big5hkscs")
    except UnicodeDecodeError:
        return None
    wide = [char for char in text if ord(char) > _LAST_ASCII]
    common = sum(_BIG5_COMMON[0] <= char.encode("big5hkscs")[0] <= _BIG5_COMMON[1] for char in wide)
    return text if common >= _GBK_COMMON_SHARE * len(wide) else None


def _checked(text: str, path: str) -> str:
    allowed = max(8, len(text) // 200)
    # Counting stops at the first control over the allowance, so binary data is not listed whole.
    if next(itertools.islice(_CONTROL.finditer(text), allowed, None), None) is not None:
        raise DecodeError(path, "binary data (control characters), not a text document")
    if not text.strip():
        raise EmptyInputError(path, "empty file")
    return text


def blocks_from_text(text: str, name: str) -> tuple[list[Block], list[str]]:
    """Paragraphs (one per non-blank line) and tables, each with its 1-based line numbers, and
    warnings about tables that could not be rebuilt (their lines stay paragraphs).

    A double-spaced hard-wrapped copy is read without the blank line after each of its lines,
    its blocks and warnings numbered by the lines of the file. A forum's hidden anti-copy
    strings at a line's ends (`chrome.without_jammer`) are no part of it: read, their spaces
    would split them into paragraphs or table cells of their own."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [without_jammer(line) for line in lines]
    wrap = wrap_width(lines)
    kept = _printed_lines(lines) if wrap else None
    if kept is None:
        return _blocks(lines, name, wrap)
    blocks, warnings = _blocks([lines[n] for n in kept], name, wrap)
    return [_renumbered(block, kept) for block in blocks], [
        _WARNED_LINE.sub(lambda m: f"line {kept[int(m[1]) - 1] + 1}", warning)
        for warning in warnings
    ]


def _printed_lines(lines: list[str]) -> list[int] | None:
    """The indices of the lines of a double-spaced copy (a blank line after every printed line,
    so two for a blank one) without the blank after each printed line, or None when the file is
    not double-spaced."""
    filled = [n for n in range(len(lines) - 1) if lines[n].strip()]
    spaced = sum(1 for n in filled if not lines[n + 1].strip())
    if len(filled) < _MIN_DOUBLE_SPACED or spaced < _DOUBLE_SPACED_SHARE * len(filled):
        return None
    kept: list[int] = []
    for n, line in enumerate(lines):
        if line.strip() or not n or not lines[n - 1].strip():
            kept.append(n)
    return kept


def _renumbered(block: Block, kept: list[int]) -> Block:
    """`block` with the line numbers of the lines it was read from in the file."""

    def prov(old: Provenance) -> Provenance:
        if old.lines is None:
            return old
        first, last = old.lines
        return old.model_copy(update={"lines": (kept[first - 1] + 1, kept[last - 1] + 1)})

    if isinstance(block, TableBlock):
        rows = [
            [dataclasses.replace(cell, prov=prov(cell.prov)) for cell in row] for row in block.rows
        ]
        return dataclasses.replace(block, rows=rows, prov=prov(block.prov))
    return dataclasses.replace(block, prov=prov(block.prov))


def _blocks(lines: list[str], name: str, wrap: Width | None) -> tuple[list[Block], list[str]]:
    blocks: list[Block] = []
    warnings: list[str] = []
    furniture = PageFurniture(lines)
    # the block the next line may go on: the last one, or the paragraph a page's end cut when
    # that page's furniture came after it
    open_at = -1
    i = 0
    while i < len(lines):
        line = lines[i]
        last = blocks[open_at] if blocks else None
        if wrap and isinstance(last, Paragraph) and last.prov.lines and last.prov.lines[1] == i:
            # a line of a text copy of a PDF page: the sentence goes on from the line above, or
            # from the last line of the page before when the page's furniture stands between
            after = i
            # a page's furniture is looked for only where a line stops at the width
            if at_width(last.text, lines[i - 1], wrap):
                after = furniture.end(i)
            if after < len(lines) and wraps_onto(last.text, lines[i - 1], lines[after], wrap):
                blocks[open_at] = Paragraph(
                    last.text + lines[after].strip(),
                    Provenance(file=name, lines=(last.prov.lines[0], after + 1)),
                    last.style,
                )
                open_at -= sum(1 for j in range(i, after) if lines[j].strip())
                blocks.extend(
                    Paragraph(lines[j].strip(), Provenance(file=name, lines=(j + 1, j + 1)))
                    for j in range(i, after)
                    if lines[j].strip()
                )
                i = after + 1
                continue
        open_at = -1
        found = (table_at(lines, i, name) or flat_table(lines, i, name)) if line.strip() else None
        if found is not None:
            if found.warning:
                warnings.append(found.warning)
            if found.table is not None:
                blocks.extend(_portal_rows(found.table) or [found.table])
                i = found.end
                continue
        if line.startswith("\t") and line.strip():
            table, i = _read_table(lines, i, name)
            blocks.append(table)
            continue
        cells = pipe_cells(line)
        if cells is not None and portal.empty_field_row(cells) and _after_fields(blocks):
            i += (
                1  # 文件下载 | | | |: a field of the block above left empty, under a label it lacks
            )
            continue
        if cells is not None and any(cells):
            blocks.append(
                Paragraph(_barred_line(cells), Provenance(file=name, lines=(i + 1, i + 1)))
            )
            i += 1
            continue
        for piece in _paragraphs(line):
            blocks.append(Paragraph(piece, Provenance(file=name, lines=(i + 1, i + 1))))
        i += 1
    return blocks, warnings


def _portal_rows(table: TableBlock) -> list[Paragraph]:
    """The rows of a portal's metadata table as lines of pairs, or [] if `table` is not one:
    every row is a row of portal fields (`portal.row_pairs`)."""
    lines = []
    for row in table.rows:
        pairs = portal.row_pairs([cell.text for cell in row])
        if pairs is None:
            return []
        lines.append(Paragraph(pairs, row[0].prov))
    return lines


def _after_fields(blocks: list[Block]) -> bool:
    """Whether the last block read is a line of a portal's fields (索引号：…  分类：…)."""
    last = blocks[-1] if blocks else None
    return isinstance(last, Paragraph) and bool(portal.pairs(last.text.strip()))


def _barred_line(cells: list[str]) -> str:
    """A line of cells set apart by bars that is no table row, as one paragraph's text: a row of
    portal fields as its label/value pairs, any other (a title beside its 文号: | 某区…的通知 |
    某府发〔2022〕3号 |, one row of a table that lost the others) its cells side by side."""
    return portal.row_pairs(cells) or "  ".join(cell for cell in cells if cell)


def _paragraphs(line: str) -> list[str]:
    """The paragraphs of one line as web copies give them: spaces a page put between the
    characters of words taken out (西 宁 市 人 民 政 府, 到 2025 年), and a body glued onto one
    line split where its paragraphs began (an indent of ideographic spaces, or a heading number
    after the end of a sentence)."""
    text = line.strip()
    # a page converter's rows of one cell: a line's only bars close its cell (某某…政策解读 |)
    # or stand alone for an empty one (||)
    if text.endswith("|") and "|" not in (body := text.rstrip("| \t")):
        # …and a cell holding a portal's label alone is its field left empty (时效 |)
        text = f"{body}：" if body and portal.whole_label(body) else body
    if not text:
        return []
    gaps = len(_SPACED_GAP.findall(text))
    spaced = gaps >= _SPACED_GAPS and gaps >= _SPACED_SHARE * len(_HAN.findall(text))
    # a portal block's labels are spread to align them (成 文 日 期 2022-09-08 文    号 …): the
    # spaces there separate fields, and the portal matcher reads the labels as they are
    if spaced and len(portal.pairs(text)) < 2:
        text = _SPACED_GAP.sub("", text)
    return glued_paragraphs(text, spaced_out=spaced)


def glued_paragraphs(text: str, *, spaced_out: bool = False) -> list[str]:
    """The paragraphs of a body a page glued onto one line, split where they began: an indent of
    ideographic spaces, a single space of a page that turned its line breaks into spaces (not
    in a page that spaced out its words), a heading number after the end of a sentence. Shared
    with the HTML reader: a document-sharing site serves the same line as one <p>. Only long
    lines are looked at. A site's flattened preview of a report is cut first where its cover's,
    its page markers' and its contents' lines were (`covers.cover_lines`)."""
    indent = _INDENT if len(text) >= _GLUED_LINE else _INDENT_AFTER_SENTENCE
    pieces = [piece.strip() for piece in indent.split(text) if piece.strip()]
    # a document site's flattened cover and first pages: cut where the lines were first
    pieces = [line.strip() for piece in pieces for line in cover_lines(piece) if line.strip()]
    if not spaced_out:
        # headings first: a space inside a heading's paragraph is where the copy's line wrapped
        pieces = [part for piece in pieces for part in _split_at_headings(piece)]
        pieces = [part for piece in pieces for part in _split_at_spaces(piece)]
    pieces = [part for piece in pieces for part in _split_at_headings(piece)]
    return [part for piece in pieces for part in _trailing_heading(piece)]


@cache
def _bracketed_number() -> re.Pattern:
    return re.compile(rf"[（(]\s*{numeral_pattern('chinese')}\s*[）)]")


def _trailing_heading(text: str) -> list[str]:
    """The paragraph split before each later item of a bracketed list glued after the end of a
    sentence (`_TRAILING_TITLE`); any other text whole. Every bracketed number in it must be such
    an item or open the paragraph, the numbers running on from each other: a list inside a
    sentence (包括：（一）…；（二）…) or a number cited (见第（二）项) leaves it whole."""
    cuts: list[int] = []
    ordinals: list[int] = []
    for match in _bracketed_number().finditer(text):
        at = match.start()
        found = numbered(text[at:])
        if found is None or found.ordinal is None:
            return [text]
        ordinals.append(found.ordinal)
        if not text[:at].strip():
            continue
        if not (
            text[:at].rstrip().endswith(("。", "！", "？"))
            and found.ordinal > 1
            and _TRAILING_TITLE.match(found.rest.strip())
        ):
            return [text]
        cuts.append(at)
    if not cuts or any(b != a + 1 for a, b in itertools.pairwise(ordinals)):
        return [text]
    bounds = [0, *cuts, len(text)]
    return [text[a:b].strip() for a, b in itertools.pairwise(bounds)]


def _split_at_spaces(text: str) -> list[str]:
    """A long line whose paragraphs a page joined with single spaces, cut at those spaces; or a
    shorter one that holds a short notice's signature date between its spaces."""
    short = len(text) < _GLUED_LINE
    # a short line is looked at only if it may hold a date between spaces: most are spared
    if (
        len(text) < _GLUED_BODY
        or (
            short
            and ("日" not in text or text.count(" ") + text.count("\u00a0") < _MIN_SPACE_BREAKS)
        )
        or len(_HAN.findall(text)) * 2 < len(text)
    ):
        return [text]
    outside = _outside_brackets(text)
    breaks = [m.span() for m in _SPACE_BREAK.finditer(text) if outside[m.start()]]
    if len(breaks) < _MIN_SPACE_BREAKS or len(breaks) * _GLUED_SPACING > len(text):
        return [text]
    starts = [0, *(end for _, end in breaks)]
    ends = [*(start for start, _ in breaks), len(text)]
    pieces = [text[a:b] for a, b in zip(starts, ends, strict=True)]
    # A short notice glued the same way (各社区、学校: 现将《…》印发给你们，…。 某街道办事处
    # 2024年4月26日 某街道…工作方案, a 浙江 county CMS) is shorter than any glued body: its date,
    # alone between the spaces after the text and the signature, proves the glue.
    if short and not any("日" in piece and iso_date(piece) for piece in pieces[2:]):
        return [text]
    return _rewrapped(pieces)


def _rewrapped(pieces: list[str]) -> list[str]:
    """The pieces of a glued line put back together where the glue was not a paragraph break:
    a document site gives a PDF's lines joined with single spaces (…是人类文明的开创 者、社会
    进步的…), so lines the page's width cut join again as a hard-wrapped copy's do, and the
    characters of a title spread over the line (前 言) join into their word."""
    width = wrap_width(pieces)
    out: list[str] = []
    for n, piece in enumerate(pieces):
        before = pieces[n - 1] if n else ""
        after = pieces[n + 1] if n + 1 < len(pieces) else ""
        spread = len(piece) == 1 and len(before) == 1
        # the first line of a paragraph lost its indent of two characters with the glue; a
        # spread title's first character (前 of 前 言) opens a line of its own
        wrapped = (
            width is not None
            and bool(out)
            and not (len(piece) == 1 and len(after) == 1)
            and wraps_onto(
                out[-1], before, piece, width._replace(columns=width.columns - _LOST_INDENT)
            )
        )
        if out and (spread or wrapped):
            out[-1] += piece
        else:
            out.append(piece)
    return out


def _outside_brackets(text: str) -> list[bool]:
    """For each position of `text`, whether it stands outside every bracket and quotation."""
    depth, outside = 0, []
    for char in text:
        if char in "（(《“":
            depth += 1
        elif char in "）)》”" and depth:
            depth -= 1
        outside.append(depth == 0)
    return outside


@cache
def _heading_after_sentence() -> re.Pattern:
    """A cheap first look: a Chinese numeral, bracketed or after 第, right after a sentence end."""
    return re.compile(rf"[。；！？）)]\s*(?:[（(]|第)?\s*{numeral_pattern('chinese')}")


def _split_at_headings(text: str) -> list[str]:
    """A line that holds numbered headings of two styles (一、 and （一）, not an inline list
    （一）…；（二）…) is a body glued onto one line: split before each heading that follows the
    end of a sentence or the short title of the heading before it (一、工作目标（一）总体目标。),
    and after the document's title glued to its first heading (托育机构登记和备案办法（试行）第一条
    为了…。第二条…: a document-sharing site's preview). Headings are read in the simplified form
    of a traditional-character copy (第一條), which keeps every character where it stood."""
    if len(text) < _GLUED_BODY or len(_heading_after_sentence().findall(text)) < 2:
        return [text]
    written, text = text, simplified(text)
    points = {m.end() for m in _SENTENCE_END.finditer(text) if opens_block(text[m.end() :])}
    if (title_end := _glued_title_end(text)) is not None:
        points.add(title_end)
    todo = sorted(points | {0})
    while todo:
        start = todo.pop()
        found = numbered(text[start:])
        if found is None:
            continue
        title = start + len(found.number)
        for end in range(title + 1, min(title + _TITLE_RUN, len(text))):
            if _TITLE_STOP.match(text[end - 1]):
                break
            if opens_block(text[end:]):
                if end not in points:
                    points.add(end)
                    todo.append(end)
                break
    at = [(p, found) for p in sorted(points) if (found := numbered(text[p:]))]
    headings = [found for _, found in at]
    styles = Counter(found.style.key for found in headings)
    two_styles = len(styles) >= 2 and max(styles.values()) >= 2
    if not (two_styles or _one_style_run(text, at)) or not _in_sequence(headings):
        return [written]
    bounds = [0, *sorted(points), len(text)]
    return [written[a:b].strip() for a, b in itertools.pairwise(bounds) if written[a:b].strip()]


def _glued_title_end(text: str) -> int | None:
    """Where the first heading starts, numbered one, when a line opens with the document's title
    glued to it (某县托育机构管理办法第一条 为了…): within a title's length, with no sentence or
    list mark before it; else None."""
    head = text[:_GLUED_TITLE_MAX]
    stop = _TITLE_MARK.search(head)
    for at in range(_MIN_GLUED_TITLE, stop.start() if stop else len(head)):
        if text[at] in _NUMBER_OPENINGS and opens_block(text[at:]):
            found = numbered(text[at:])
            return at if found is not None and found.ordinal == 1 else None
    return None


# A body of first-level headings only (一、指导思想… 二、基本原则… 三、主要目标…) is told from a
# sentence listing its points (包括：一、…；二、…；三、…) by its length and full stops.
_ONE_STYLE_RUN = 3


def _one_style_run(text: str, at: list[tuple[int, Numbered]]) -> bool:
    """Whether the headings of one style number a glued body on their own: at least three,
    counted from one, each after a full stop (…提出如下行动方案。一、指导思想…。二、基本原则…),
    the first after a full stop or after the document's title alone (某县…办法（试行）第一条…)."""
    return (
        len(at) >= _ONE_STYLE_RUN
        and len({found.style.key for _, found in at}) == 1
        and [found.ordinal for _, found in at] == list(range(1, len(at) + 1))
        and all(text[:p].rstrip().endswith("。") for p, _ in at[1:])
        and (text[: at[0][0]].rstrip().endswith("。") or not _TITLE_MARK.search(text[: at[0][0]]))
    )


def _in_sequence(headings: list[Numbered]) -> bool:
    """Whether the numbers of each style run on from the one before (一、 then 二、, （一） then
    （二）, starting again at one under a new heading): a sentence that cites numbers (一、二两项
    任务…三、四两项…) skips some."""
    last: dict[str, int] = {}
    for found in headings:
        if found.ordinal is None:
            continue
        before = last.get(found.style.key)
        if before is not None and found.ordinal not in (before + 1, 1):
            return False
        last[found.style.key] = found.ordinal
    return True


def _next_nonblank(lines: list[str], start: int) -> int | None:
    for j in range(start, len(lines)):
        if lines[j].strip() or lines[j].startswith("\t"):
            return j
    return None


def _read_table(lines: list[str], start: int, name: str) -> tuple[TableBlock, int]:
    rows: list[list[Cell]] = []
    row: list[Cell] = []
    cell_lines: list[str] = []
    cell_first = cell_last = start
    after_blank = False

    def close_cell() -> None:
        nonlocal cell_lines
        if cell_lines:
            text = "\n".join(part.strip() for part in cell_lines).strip("\n")
            row.append(Cell(text, Provenance(file=name, lines=(cell_first + 1, cell_last + 1))))
        cell_lines = []

    def close_row() -> None:
        nonlocal row
        close_cell()
        if row:
            rows.append(row)
        row = []

    i = start
    while i < len(lines):
        line = lines[i]
        if line.startswith("\t"):
            close_cell()
            cell_lines = [line[1:]]
            cell_first = cell_last = i
            after_blank = False
        elif not line.strip():
            nxt = _next_nonblank(lines, i + 1)
            if nxt is None or lines[nxt].startswith("\t"):
                close_row()
            after_blank = True
        else:
            if opens_block(line) or (
                after_blank and not _continues(lines, i, cell_lines, rows, row)
            ):
                break
            cell_lines.append(line)
            cell_last = i
            after_blank = False
        i += 1
    close_row()
    # every cell of a text table carries its lines
    first = rows[0][0].prov.lines[0]  # type: ignore[index]
    last = max(cell.prov.lines[1] for cell in rows[-1])  # type: ignore[index]
    return TableBlock(rows, Provenance(file=name, lines=(first, last))), i


def _continues(lines: list[str], i: int, cell_lines: list[str], rows: list, row: list) -> bool:
    """Whether a line after a blank still belongs to the open cell rather than to the body."""
    if cell_lines and _LIST_SEPARATOR_END.search(cell_lines[-1]):
        return True
    single_cell_box = not rows and not row and cell_lines
    if (
        single_cell_box
        and _ITEM_SHAPE.match(cell_lines[0].strip())
        and _ITEM_SHAPE.match(lines[i].strip())
    ):
        return True
    nxt = _next_nonblank(lines, i + 1)
    return nxt is not None and lines[nxt].startswith("\t")
