"""Legacy Word (.doc, Word 97–2003) and WPS Office (.wps) reader: the main text of the
WordDocument stream as the same block stream the DOCX reader gives.

Both formats are OLE2 compound files (read with olefile) holding a `WordDocument` stream in the
Word 97 binary format ([MS-DOC]); WPS Office writes .wps files with the same stream. What is read:

* The FIB (File Information Block, [MS-DOC] 2.5.1) at the start of WordDocument: version
  (nFib), the encryption flags, which table stream holds the document's tables (0Table or
  1Table), the length of the main text (ccpText) and where the piece table, the paragraph
  properties, the section table and the style sheet are.
* The piece table (the Clx's PlcPcd, [MS-DOC] 2.9.38 and 2.4.1): the main text is a run of
  character positions, each piece either "compressed" (one byte a character, Windows-1252 as
  the spec maps it) or UTF-16LE; pieces are read wherever their bytes are, so a fast-saved
  file (fComplex, its pieces out of stream order, Prcs before the PlcPcd in the Clx) reads as a
  full save does. The main document is read, CPs 0..ccpText; footnotes, headers, footers and
  comments follow it in the stream and are left out, as the DOCX reader leaves them out, except
  a 版头 set in the first page's header (PlcfHdd), read before the body (`word_headers`).
* Text boxes (the text box story after the header story, ccpTxbx CPs; PlcftxbxTxt gives each
  box's range and, as lid, the spid of its shape, whose FSPA in PlcSpaMom gives the CP of its
  0x08 anchor in the main text): a 公文's 版头 is often set in one, so their lines come as
  paragraphs just before the paragraph the shape is anchored in (lines of the cell in a table),
  as the DOCX reader gives them. WordArt (its text is the shape's gtextUNICODE property in the
  OfficeArt drawings, `doc_wordart`) comes the same way. When no lid names a shape (a writer
  that leaves it unset) and there are as many boxes as shapes, they are paired in order;
  otherwise a box whose shape has no anchor there is left out, with a warning. The header
  text boxes' story (after the main text's, PlcfHdrtxbxTxt, its shapes in PlcSpaHdr) is read
  the same way for the one header read before the body (`word_headers`).
* Paragraph properties (PlcBtePapx → PapxFkp pages → grpprl, [MS-DOC] 2.4.6.1 / 2.9.176) for
  the table sprms: sprmPFInTable, sprmPFTtp (row end), sprmPItap (nesting depth),
  sprmPFInnerTtp (a nested row's end), and on the row end sprmTDefTable (cell boundaries and
  merge flags) and sprmTVertMerge; plus the paragraph's style (istd → style sheet name).
* Paragraph ends: 0x0D; 0x07 in a table (a cell end, or the row end on the row's TTP mark);
  0x0C where the section table says a section ends (elsewhere 0x0C is a page break).

Conventions follow the DOCX reader, so a .doc and the .docx Word saves from it give equal blocks:

* One `Paragraph` per paragraph; manual line breaks (0x0B), page and column breaks split it into
  lines; lines are stripped and blank ones dropped; `style` is the paragraph style's name (None
  for Normal), built-in heading names shown as Word's UI shows them ("Heading 1").
* Automatic list numbering (sprmPIlfo/sprmPIlvl on the paragraph or its style, or a base
  style, → PlfLfo → PlfLst and its LVLs) is not in the text, so it is rebuilt and prefixed as
  the DOCX reader does (`doc_lists`); numbers that cannot be rebuilt are counted in one warning.
* Character properties (PlcBteChpx → ChpxFkp pages) only for what takes text out of the shown
  document: deleted revisions (sprmCFRMarkDel) and hidden text (sprmCFVanish) are dropped, as
  the DOCX reader drops w:del and w:vanish; a deleted paragraph mark joins its paragraphs. And
  for inline pictures (0x01 with sprmCPicLocation): a picture shown over most of the text area
  is a page pasted as a scan, read by OCR where it stands (`word_scans.among_text`).
* Fields (0x13 code 0x14 result 0x15) keep their result and drop their code, nested fields too.
  Object anchors (0x01, 0x08), footnote and comment marks (0x02, 0x05), optional hyphens and
  other control characters are dropped; a non-breaking hyphen (0x1E) is "-"; tabs stay tabs.
* Tables: one row per TTP. The grid is the union of the rows' cell boundaries (rgdxaCenter), so
  a cell covering several grid columns is ONE `Cell` with colspan; a legacy horizontal merge
  (horzMerge) widens the cell before it. A vertically merged cell keeps its text in its first
  row (rowspan = rows covered) and is `Cell("", merged=True)` below. Paragraphs in a cell are
  joined with "\\n"; a nested table is flattened into its cell's text, cell by cell.
* Provenance: `paragraph` is the 1-based index of the block among the main text's paragraphs
  and tables (each paragraph, blank ones included, and each table counts one); cells add
  0-based grid coordinates `table_row`/`table_col`.

Refused with one line naming the variant: Word 6.0/95 and older (nFib below Word 97's), encrypted
or XOR-obfuscated documents (fEncrypted), OLE files without a WordDocument stream (WPS Office's
and Microsoft Works' older own formats, Excel workbooks, PowerPoint presentations, password-
protected OOXML packages). Hostile input: a damaged compound file (bad header, FAT or directory)
is `CorruptFileError`; a stream that declares more bytes than the file holds is refused before
it is read, so a FAT loop cannot make a read unbounded; every table-stream structure is
bounds-checked and a structure that points outside its stream is reported, not followed.
"""

from __future__ import annotations

import re
import struct
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from io import BytesIO

import olefile

from ..errors import (
    CorruptFileError,
    EmptyInputError,
    EncryptedFileError,
    GovDocError,
    NoTextLayerError,
    UnsupportedFormatError,
)
from ..model import Provenance
from ..source import Block, Paragraph, Source, TableBlock
from . import doc_pictures, word_headers
from .doc_lists import ListNumbering
from .doc_wordart import wordart
from .word_scans import PageArea, WordImage
from .word_tables import Vertical, WordGrid

WORD_IDENT = 0xA5EC
WORD6_IDENT = 0xA5DC  # Word 6.0/95: recognised so that it is refused by name
# nFib of Word 97 (0x00C1); 0x00C0 was written by its pre-releases with the same layout.
FIRST_WORD97_NFIB = 0x00C0
FKP_SIZE = 512
# Word allows 63 cells in a row; anything wider is a broken or hostile table.
MAX_CELLS = 64
MAX_ROWS = 100_000
# Two cell boundaries closer than this (twips) are the same grid line.
SAME_LINE_TWIPS = 3
# TC80 merge flags ([MS-DOC] 2.9.328 TCGRF): horzMerge 2 = merged into the cell before;
# vertMerge 3 = first cell of a vertical merge, 1 = a cell it covers.
HORZ_MERGED, VERT_RESTART, VERT_CONTINUE = 2, 3, 1
_VERTICAL: dict[int, Vertical] = {VERT_RESTART: "start", VERT_CONTINUE: "continue"}

# FIB offsets ([MS-DOC] 2.5.2–2.5.6): flags in FibBase, ccpText in FibRgLw97, and the (fc, lcb)
# pairs of FibRgFcLcb97 by their index in that structure.
_FLAGS = 0x0A
_FIB_RG_LW = 0x40
_CCP_TEXT = _FIB_RG_LW + 12
# ccpFtn, ccpHdd, ccpMcr, ccpAtn, ccpEdn: the stories stored between the main text and the
# text boxes' ([MS-DOC] 2.4.1), then ccpTxbx and ccpHdrTxbx (the header text boxes' story,
# right after the main text's).
_CCP_BEFORE_TXBX = [_FIB_RG_LW + 16 + 4 * k for k in range(5)]
_CCP_TXBX, _CCP_HDR_TXBX = _FIB_RG_LW + 36, _FIB_RG_LW + 40
_FC_LCB = 0x9A
_STSHF, _PLCF_SED, _PLCF_BTE_CHPX, _PLCF_BTE_PAPX, _CLX = 1, 6, 12, 13, 33
# PlcfHdd: the header story's parts; of each section's six, the odd (default) header is the
# second and the first-page header the fifth, after the six separator stories.
_PLCF_HDD, _ODD_HEADER, _FIRST_HEADER = 11, 7, 10
# PlcSpaMom and PlcSpaHdr (shapes anchored in the main text, in the header story), PlcftxbxTxt
# and PlcfHdrtxbxTxt (the text boxes of each).
_PLC_SPA_MOM, _PLC_SPA_HDR, _PLCF_TXBX_TXT, _PLCF_HDR_TXBX_TXT = 40, 41, 56, 58
_PLF_LST, _PLF_LFO = 73, 74  # the list definitions and the list overrides
_DGG_INFO = 50  # the OfficeArt drawings: WordArt text
_FSPA_SIZE, _FTXBXS_SIZE = 26, 22

F_ENCRYPTED, F_WHICH_TBL_STM, F_OBFUSCATED = 0x0100, 0x0200, 0x8000

SPRM_P_F_IN_TABLE = 0x2416
SPRM_P_F_TTP = 0x2417
SPRM_P_ITAP = 0x6649
SPRM_P_F_INNER_TTP = 0x244C
SPRM_T_DEF_TABLE = 0xD608
SPRM_T_VERT_MERGE = 0xD62B
SPRM_S_F_TITLE_PAGE = 0x300A  # the section has a different first page
SPRM_P_ILFO = 0x460B  # the paragraph's list override (1-based), 0 for none
SPRM_P_ILVL = 0x260A  # its list level
SPRM_P_CHG_TABS = 0xC615
SPRM_P_HUGE_PAPX = 0x6646
# Character sprms that take text out of the displayed document: a deleted revision, hidden text.
SPRM_C_F_RMARK_DEL = 0x0800
SPRM_C_F_VANISH = 0x083C
# Where an inline picture's PICF and OfficeArt data start in the Data stream.
SPRM_C_PIC_LOCATION = 0x6A03
# A PICF ([MS-DOC] 2.9.192): its size, its cbHeader, and where dxaGoal, dyaGoal, mx, my start.
_PICF_SIZE, _PICF_HEADER, _PICF_GOAL = 0x44, 0x44, 28
# The page and its margins (twips) in a section's SEPX ([MS-DOC] 2.6.4).
_PAGE_SPRMS = {0xB01F: "width", 0xB020: "height", 0xB021: "left", 0xB022: "right"}
_PAGE_SPRMS |= {0x9023: "top", 0x9024: "bottom"}
# A toggle operand: 1 on, 0x81 the opposite of the style's (off by default) value.
_ON = (0x01, 0x81)
# Stands in the main text for a character that is not displayed; dropped with the other controls.
_NOT_SHOWN = "\x00"
# Operand sizes by spra ([MS-DOC] 2.2.5.1); 6 is variable.
_OPERAND_SIZE = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}

# Compressed pieces are bytes mapped as Windows-1252, except five bytes it leaves undefined,
# which the spec maps to themselves ([MS-DOC] 2.4.1).
_COMPRESSED = {
    b: bytes([b]).decode("cp1252")
    for b in range(0x80, 0xA0)
    if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}

FIELD_BEGIN, FIELD_SEPARATOR, FIELD_END = "\x13", "\x14", "\x15"
CELL_MARK, PARAGRAPH_MARK, PAGE_BREAK = "\x07", "\r", "\x0c"
DRAWN_OBJECT = "\x08"  # the anchor of a shape (a text box, a drawing) in the text
PICTURE = "\x01"  # an inline picture, its data where its sprmCPicLocation points
_LINE_BREAKS = {"\x0b": "\n", "\x0c": "\n", "\x0e": "\n", "\x1e": "-", "\t": "\t"}
# Every character that is not plain text: marks, field delimiters, breaks, anchors, soft hyphens.
_SPECIAL = re.compile("[\x00-\x1f\x7f\u00ad]")
# Built-in style names Word stores in lower case; shown as its UI (and python-docx) shows them.
_UI_STYLE = re.compile(r"^(?:heading [1-9]|caption|header|footer)$")

# Streams that tell what an OLE file without a WordDocument stream is.
_OTHER_OLE: tuple[tuple[tuple[str, ...], type[GovDocError], str], ...] = (
    (
        ("EncryptionInfo", "EncryptedPackage"),
        EncryptedFileError,
        "a password-protected Office document (encrypted OOXML package)",
    ),
    (("Workbook",), UnsupportedFormatError, "an Excel workbook, not a document"),
    (("Book",), UnsupportedFormatError, "an Excel 5/95 workbook, not a document"),
    (("PowerPoint Document",), UnsupportedFormatError, "a PowerPoint presentation, not a document"),
    (("VisioDocument",), UnsupportedFormatError, "a Visio drawing, not a document"),
    (
        ("CONTENTS",),
        UnsupportedFormatError,
        "a Microsoft Works document (its own format, not Word's): save it as .docx",
    ),
)


def read(data: bytes, path: str, name: str, sha256: str) -> Source:
    """The block stream of a Word 97–2003 or WPS Office document's main text."""
    ole = _open(data, path)
    with closing(ole):
        word = _stream(ole, "WordDocument", path)
        fib = _Fib.parse(word, path)
        table = _stream(ole, "1Table" if fib.flags & F_WHICH_TBL_STM else "0Table", path)
        data_stream = _stream(ole, "Data", path) if ole.exists("Data") else b""
    document = _Document(word, table, data_stream, fib, path)
    builder = _BlockBuilder(name, document)
    blocks = builder.build()
    banner = word_headers.banner_paragraphs(document.first_page_header(), blocks, name)
    if banner and blocks:
        blocks = [*banner, *blocks]
        document.warnings.insert(0, word_headers.WARNING)
    if not blocks:
        images, metafiles = doc_pictures.pictures(data_stream, word)
        if images:
            from . import word_scans

            scans = [word_scans.WordImage(image) for image in images]
            return word_scans.read(scans, path, name, sha256, "doc")
        if metafiles:
            raise NoTextLayerError(
                path, "the Word document holds only vector drawings (EMF/WMF), no text"
            )
        raise EmptyInputError(path, "the Word document has no text")
    pages = document.page_pictures(builder.pictures) if builder.pictures else []
    if pages:
        from . import word_scans

        blocks, scan_warnings = word_scans.among_text(blocks, pages, path, name, sha256)
        document.warnings += scan_warnings
    if document.lists.unrecovered:
        document.warnings.append(
            f"automatic numbering not recovered in {document.lists.unrecovered} paragraphs"
        )
    return Source(path, name, "doc", sha256, blocks, warnings=document.warnings)


def _open(data: bytes, path: str) -> olefile.OleFileIO:
    try:
        ole = olefile.OleFileIO(BytesIO(data))
    # olefile reports a damaged header, FAT or directory as OSError, and some damage only
    # surfaces as the exception of the operation that met it.
    except (
        OSError,
        ValueError,
        IndexError,
        KeyError,
        TypeError,
        struct.error,
        RecursionError,
    ) as exc:
        raise CorruptFileError(path, f"damaged OLE compound file ({_first_line(exc)})") from None
    for entry in ole.direntries:
        if entry is not None and entry.size > len(data):
            ole.close()
            raise CorruptFileError(
                path,
                f"damaged OLE compound file (stream {entry.name!r} declares {entry.size:,} bytes)",
            )
    if not ole.exists("WordDocument"):
        try:
            streams = {"/".join(parts) for parts in ole.listdir(streams=True, storages=True)}
        except RecursionError:  # a directory whose entries name each other in a loop
            raise CorruptFileError(
                path, "damaged OLE compound file (a looping directory)"
            ) from None
        finally:
            ole.close()
        for needed, error, what in _OTHER_OLE:
            if all(stream in streams for stream in needed):
                raise error(path, what)
        raise UnsupportedFormatError(
            path,
            "an OLE file with no WordDocument stream (an older WPS Office format or another "
            "program's file): save it as .docx",
        )
    return ole


def _stream(ole: olefile.OleFileIO, stream: str, path: str) -> bytes:
    if not ole.exists(stream):
        raise CorruptFileError(path, f"damaged Word document (no {stream} stream)")
    try:
        return ole.openstream(stream).read()
    except (OSError, ValueError, IndexError, struct.error) as exc:
        raise CorruptFileError(
            path, f"damaged Word document ({stream}: {_first_line(exc)})"
        ) from None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]


def _u16(data: bytes, offset: int) -> int:
    return int.from_bytes(data[offset : offset + 2], "little")


def _u32(data: bytes, offset: int) -> int:
    return int.from_bytes(data[offset : offset + 4], "little")


@dataclass
class _Fib:
    nfib: int
    flags: int
    ccp_text: int
    blob: bytes  # FibRgFcLcb: (fc, lcb) pairs
    txbx_start: int  # the first CP of the text boxes' story
    ccp_txbx: int
    ccp_ftn: int  # the footnote story, between the main text and the header story
    ccp_hdr_txbx: int  # the header text boxes' story, after the text boxes' story

    @classmethod
    def parse(cls, word: bytes, path: str) -> _Fib:
        if len(word) < _FC_LCB or _u16(word, 0) not in (WORD_IDENT, WORD6_IDENT):
            raise CorruptFileError(path, "damaged Word document (no Word file information block)")
        nfib, flags = _u16(word, 2), _u16(word, _FLAGS)
        if nfib < FIRST_WORD97_NFIB:
            raise UnsupportedFormatError(
                path,
                f"a Word 6.0/95 or older document (nFib {nfib}): only Word 97 and later are "
                "read; save it as .docx",
            )
        if flags & F_ENCRYPTED:
            how = "XOR-obfuscated" if flags & F_OBFUSCATED else "encrypted"
            raise EncryptedFileError(path, f"a password-protected Word document ({how})")
        count = _u16(word, _FC_LCB - 2)
        blob = word[_FC_LCB : _FC_LCB + 8 * count]
        if count <= _CLX or len(blob) < 8 * count:
            raise CorruptFileError(path, "damaged Word document (file information block cut short)")
        txbx_start = sum(_u32(word, at) for at in [_CCP_TEXT, *_CCP_BEFORE_TXBX])
        return cls(
            nfib,
            flags,
            _u32(word, _CCP_TEXT),
            blob,
            txbx_start,
            _u32(word, _CCP_TXBX),
            _u32(word, _CCP_BEFORE_TXBX[0]),
            _u32(word, _CCP_HDR_TXBX),
        )

    def pair(self, index: int) -> tuple[int, int]:
        if 8 * index + 8 > len(self.blob):
            return 0, 0  # a FIB of an older version, without this structure
        return _u32(self.blob, 8 * index), _u32(self.blob, 8 * index + 4)


@dataclass
class _Piece:
    cp: int  # first character position
    end: int  # character position after the piece
    offset: int  # byte offset of its first character in WordDocument
    width: int  # bytes a character: 1 compressed, 2 UTF-16
    prm: int


@dataclass
class _Props:
    """The paragraph properties this reader needs, from one paragraph's grpprl."""

    istd: int = 0
    in_table: bool = False
    ttp: bool = False
    depth: int = 0  # table nesting depth (sprmPItap); 0 = not set
    inner_ttp: bool = False
    boundaries: list[int] = field(default_factory=list)  # rgdxaCenter of a row end
    merges: list[tuple[int, int]] = field(default_factory=list)  # (horzMerge, vertMerge) a cell
    ilfo: int | None = None  # list override and level, when the paragraph says
    ilvl: int | None = None

    @property
    def table_depth(self) -> int:
        return self.depth or (1 if self.in_table else 0)


def _sprms(grpprl: bytes) -> Iterator[tuple[int, bytes]]:
    """(sprm, operand) pairs of a grpprl; stops at the first one that runs past its end."""
    i = 0
    while i + 2 <= len(grpprl):
        sprm = _u16(grpprl, i)
        i += 2
        spra = sprm >> 13
        if spra != 6:
            size = _OPERAND_SIZE[spra]
        elif sprm == SPRM_T_DEF_TABLE:
            # TDefTableOperand: a 2-byte count of the bytes after it, plus one.
            size = 2 + max(_u16(grpprl, i) - 1, 0)
        elif sprm == SPRM_P_CHG_TABS and i < len(grpprl) and grpprl[i] == 255:
            deleted = grpprl[i + 1] if i + 1 < len(grpprl) else 0
            added_at = i + 2 + 4 * deleted
            added = grpprl[added_at] if added_at < len(grpprl) else 0
            size = 3 + 4 * deleted + 3 * added
        else:
            size = 1 + (grpprl[i] if i < len(grpprl) else 0)
        if i + size > len(grpprl):
            return
        yield sprm, grpprl[i : i + size]
        i += size


def _apply(props: _Props, grpprl: bytes, data: bytes = b"") -> None:
    """Set what `grpprl` says; `data` is the Data stream, where a huge PAPX keeps its grpprl."""
    for sprm, operand in _sprms(grpprl):
        if sprm == SPRM_P_HUGE_PAPX and data:
            # A PAPX too large for its FKP page (a wide row's TDefTable): PrcData in Data.
            at = _u32(operand, 0)
            size = _u16(data, at)
            _apply(props, data[at + 2 : at + 2 + size])
        elif sprm == SPRM_P_F_IN_TABLE:
            props.in_table = operand[0] != 0
        elif sprm == SPRM_P_F_TTP:
            props.ttp = operand[0] != 0
        elif sprm == SPRM_P_ITAP:
            props.depth = min(int.from_bytes(operand, "little", signed=True), 64)
        elif sprm == SPRM_P_F_INNER_TTP:
            props.inner_ttp = operand[0] != 0
        elif sprm == SPRM_T_DEF_TABLE:
            _def_table(props, operand)
        elif sprm == SPRM_P_ILFO:
            props.ilfo = int.from_bytes(operand, "little", signed=True)
        elif sprm == SPRM_P_ILVL:
            props.ilvl = operand[0]
        elif sprm == SPRM_T_VERT_MERGE and len(operand) >= 3:
            itc, flags = operand[1], operand[2]
            if itc < len(props.merges):
                props.merges[itc] = (props.merges[itc][0], flags & 3)


def _picture_location(grpprl: bytes) -> int | None:
    for sprm, operand in _sprms(grpprl):
        if sprm == SPRM_C_PIC_LOCATION and len(operand) >= 4:
            return _u32(operand, 0)
    return None


def _hides(grpprl: bytes) -> bool:
    return any(
        sprm in (SPRM_C_F_RMARK_DEL, SPRM_C_F_VANISH) and operand[0] in _ON
        for sprm, operand in _sprms(grpprl)
    )


def _def_table(props: _Props, operand: bytes) -> None:
    """Cell boundaries and merge flags of a row (TDefTableOperand, [MS-DOC] 2.9.318)."""
    if len(operand) < 3:
        return
    cells = min(operand[2], MAX_CELLS)
    centers_end = 3 + 2 * (cells + 1)
    if len(operand) < centers_end:
        return
    props.boundaries = [
        int.from_bytes(operand[3 + 2 * k : 5 + 2 * k], "little", signed=True)
        for k in range(cells + 1)
    ]
    merges = []
    for k in range(cells):
        at = centers_end + 20 * k  # TC80: tcgrf (2 bytes), wWidth, four borders
        tcgrf = _u16(operand, at) if at + 2 <= len(operand) else 0
        merges.append((tcgrf & 3, (tcgrf >> 5) & 3))
    props.merges = merges


class _Document:
    """The main text, its pieces and the structures read from the table stream."""

    def __init__(self, word: bytes, table: bytes, data: bytes, fib: _Fib, path: str):
        self.word, self.table, self.data, self.fib, self.path = word, table, data, fib, path
        self.warnings: list[str] = []
        self.prcs = self._read_clx()
        self._hidden, self._picture_runs = self._character_runs()
        self.text = self._story(0, self.fib.ccp_text)
        self.section_ends = set(self._plc_cps(_PLCF_SED))
        self.styles, self._style_lists = self._style_sheet()
        self.lists = ListNumbering(table, fib.pair(_PLF_LST), fib.pair(_PLF_LFO))
        self._bte_fcs, self._bte_pages = self._bins(_PLCF_BTE_PAPX)
        self._fkps: dict[int, tuple[bytes, list[int]]] = {}
        self._piece_cps = [piece.cp for piece in self.pieces]
        self._props: dict[tuple[bytes | None, int], _Props] = {}

    def _part(self, index: int) -> bytes:
        fc, lcb = self.fib.pair(index)
        if lcb == 0:
            return b""
        if fc + lcb > len(self.table):
            self.warnings.append("a table-stream structure points past the end of the stream")
            return b""
        return self.table[fc : fc + lcb]

    def _read_clx(self) -> list[bytes]:
        clx = self._part(_CLX)
        prcs: list[bytes] = []
        i = 0
        while i < len(clx) and clx[i] == 0x01:  # Prc: property modifiers the pieces refer to
            size = int.from_bytes(clx[i + 1 : i + 3], "little", signed=True)
            if size < 0 or i + 3 + size > len(clx):
                raise CorruptFileError(self.path, "damaged Word document (bad piece table)")
            prcs.append(clx[i + 3 : i + 3 + size])
            i += 3 + size
        if i + 5 > len(clx) or clx[i] != 0x02:
            raise CorruptFileError(self.path, "damaged Word document (no piece table)")
        lcb = _u32(clx, i + 1)
        plc = clx[i + 5 : i + 5 + lcb]
        count = (len(plc) - 4) // 12
        if count < 1 or len(plc) != lcb:
            raise CorruptFileError(self.path, "damaged Word document (bad piece table)")
        self.pieces: list[_Piece] = []
        for k in range(count):
            cp, end = _u32(plc, 4 * k), _u32(plc, 4 * k + 4)
            pcd = 4 * (count + 1) + 8 * k
            fc = _u32(plc, pcd + 2)
            compressed = bool(fc & 0x40000000)
            offset = (fc & 0x3FFFFFFF) // 2 if compressed else fc & 0x3FFFFFFF
            if end < cp:
                raise CorruptFileError(self.path, "damaged Word document (bad piece table)")
            self.pieces.append(_Piece(cp, end, offset, 1 if compressed else 2, _u16(plc, pcd + 6)))
        return prcs

    def _story(self, first: int, after: int) -> str:
        """The text of CPs first..after, with deleted and hidden characters replaced by
        `_NOT_SHOWN`."""
        hidden = self._hidden
        parts = []
        for piece in self.pieces:
            start, end = max(piece.cp, first), min(piece.end, after)
            if end <= start:
                continue
            begin = piece.offset + (start - piece.cp) * piece.width
            stop = piece.offset + (end - piece.cp) * piece.width
            raw = self.word[begin:stop]
            if len(raw) < (end - start) * piece.width:
                raise CorruptFileError(
                    self.path, "damaged Word document (text past the end of the stream)"
                )
            if piece.width == 1:
                text = raw.decode("latin-1").translate(_COMPRESSED)
            else:
                text = raw.decode("utf-16-le", "replace")
            for run_first, run_after in hidden[max(bisect_right(hidden, (begin,)) - 1, 0) :]:
                if run_first >= stop:
                    break
                a = max(run_first - begin, 0) // piece.width
                b = -(-(min(run_after, stop) - begin) // piece.width)
                if a < b:
                    text = text[:a] + _NOT_SHOWN * (b - a) + text[b:]
            parts.append(text)
        return "".join(parts)

    def text_boxes(self) -> dict[int, list[str]]:
        """The lines of the main text's shapes, by the CP of each shape's anchor (an FSPA in
        PlcSpaMom names its spid, [MS-DOC] 2.9.82): text boxes, and WordArt (`doc_wordart`).
        Text boxes whose shape has no anchor in the main text are counted in a warning."""
        boxes, lost = self._shapes(
            _PLC_SPA_MOM, _PLCF_TXBX_TXT, self.fib.txbx_start, self.fib.ccp_txbx
        )
        if lost:
            self.warnings.append(f"{lost} text box(es) whose anchor was not found were left out")
        return boxes

    def header_text_boxes(self) -> dict[int, list[str]]:
        """The lines of the header story's shapes (PlcSpaHdr, their text boxes in the header
        text boxes' story after the main text's, PlcfHdrtxbxTxt), by the CP of each anchor
        counted from the header story's start, as the main text's are (`text_boxes`)."""
        start = self.fib.txbx_start + self.fib.ccp_txbx
        return self._shapes(_PLC_SPA_HDR, _PLCF_HDR_TXBX_TXT, start, self.fib.ccp_hdr_txbx)[0]

    def _shapes(
        self, spa_index: int, txbx_index: int, first: int, length: int
    ) -> tuple[dict[int, list[str]], int]:
        """The lines of a story's shapes by anchor CP, and how many text boxes had no anchor:
        the FSPAs of PlcSpa `spa_index`, the text boxes of Plcftxbx `txbx_index` over the
        `length` CPs of their story from CP `first`, and WordArt."""
        spa = self._part(spa_index)
        count = (len(spa) - 4) // (4 + _FSPA_SIZE)
        anchors = {  # spid → anchor CP, in the order of the anchors
            _u32(spa, 4 * (count + 1) + _FSPA_SIZE * k): _u32(spa, 4 * k) for k in range(count)
        }
        found = self._text_box_lines(anchors, txbx_index, first, length)
        lost = sum(1 for spid, _lines in found if spid not in anchors)
        if anchors:
            art = wordart(self._part(_DGG_INFO))
            found += [(spid, _lines(text)) for spid, text in art.items()]
        boxes: dict[int, list[str]] = {}
        for spid, lines in found:
            if spid in anchors:
                boxes.setdefault(anchors[spid], []).extend(lines)
        return boxes, lost

    def _text_box_lines(
        self, anchors: dict[int, int], txbx_index: int, first: int, length: int
    ) -> list[tuple[int, list[str]]]:
        """(spid, lines) of each text box with text, in the story of `length` CPs from CP
        `first`: a FTXBXS's lid is its shape's spid ([MS-DOC] 2.9.99)."""
        if length <= 0:
            return []
        plc = self._part(txbx_index)
        count = (len(plc) - 4) // (4 + _FTXBXS_SIZE)
        story = self._story(first, first + length)
        found: list[tuple[int, list[str]]] = []
        for k in range(count):
            ftxbxs = 4 * (count + 1) + _FTXBXS_SIZE * k
            if _u16(plc, ftxbxs + 8) & 1:  # fReusable: a spare entry, no text box
                continue
            lines = [
                line
                for *_, shown, _anchors in _split(story[_u32(plc, 4 * k) : _u32(plc, 4 * k + 4)])
                for line in _lines(shown)
            ]
            if lines:
                found.append((_u32(plc, ftxbxs + 14), lines))
        if (
            found
            and not any(lid in anchors for lid, _lines in found)
            and len(found) == len(anchors)
        ):
            # A writer that leaves lid unset: as many boxes as shapes, paired in order.
            found = list(zip(anchors, (lines for _lid, lines in found), strict=True))
        return found

    def first_page_header(self) -> list[str]:
        """The lines of the header the first page shows (see `word_headers`): in the header
        story after the main text and the footnotes, PlcfHdd's story 10 (section 1's
        first-page header) when the section has a different first page (sprmSFTitlePage),
        else story 7 (its odd-page, default header); the six stories before them are the
        separators ([MS-DOC] 2.9.155 Plcfhdd). The lines of a text box or WordArt come
        before the header paragraph its shape is anchored in, as in the main text."""
        plc = self._part(_PLCF_HDD)
        cps = [_u32(plc, 4 * k) for k in range(len(plc) // 4)]
        story = _FIRST_HEADER if self._title_page() else _ODD_HEADER
        if story + 1 >= len(cps) or cps[story + 1] <= cps[story]:
            return []
        start = self.fib.ccp_text + self.fib.ccp_ftn
        text = self._story(start + cps[story], start + cps[story + 1])
        boxes = self.header_text_boxes() if DRAWN_OBJECT in text else {}
        lines: list[str] = []
        for *_, shown, anchors in _split(text):
            lines += [line for at in anchors for line in boxes.get(cps[story] + at, [])]
            lines += _lines(shown)
        return lines

    def _title_page(self) -> bool:
        """Whether section 1 has a different first page: sprmSFTitlePage in its SEPX."""
        return any(
            sprm == SPRM_S_F_TITLE_PAGE and operand[:1] != b"\x00"
            for sprm, operand in _sprms(self._first_sepx())
        )

    def _first_sepx(self) -> bytes:
        """The grpprl of section 1's SEPX, which its SED in PlcfSed points to ([MS-DOC]
        2.8.26, 2.9.239); empty when there is none."""
        plc = self._part(_PLCF_SED)
        count = (len(plc) - 4) // 16
        if count < 1:
            return b""
        fc_sepx = _u32(plc, 4 * (count + 1) + 2)
        if fc_sepx == 0xFFFFFFFF or fc_sepx + 2 > len(self.word):
            return b""
        return self.word[fc_sepx + 2 : fc_sepx + 2 + _u16(self.word, fc_sepx)]

    def _character_runs(self) -> tuple[list[tuple[int, int]], list[tuple[int, int, int]]]:
        """Byte ranges of the characters a deleted revision or hidden text takes out, and of
        inline pictures with the Data stream offset of each (CHPX: sprmCFRMarkDel,
        sprmCFVanish, sprmCPicLocation)."""
        _first_fcs, pages = self._bins(_PLCF_BTE_CHPX)
        hidden: list[tuple[int, int]] = []
        pictures: list[tuple[int, int, int]] = []
        # runs mostly share a few Chpx: judge each one once
        judged: dict[bytes, tuple[bool, int | None]] = {}
        for pn in pages:
            page = self.word[pn * FKP_SIZE : (pn + 1) * FKP_SIZE]
            count = page[-1] if len(page) == FKP_SIZE else 0
            if 5 * count + 4 > FKP_SIZE - 1:
                continue
            bounds = struct.unpack_from(f"<{count + 1}I", page) if count else ()
            for j in range(count):
                offset = 2 * page[4 * (count + 1) + j]
                if not offset:
                    continue
                grpprl = page[offset + 1 : offset + 1 + page[offset]]
                if grpprl not in judged:
                    judged[grpprl] = (_hides(grpprl), _picture_location(grpprl))
                hides, location = judged[grpprl]
                if hides:
                    hidden.append((bounds[j], bounds[j + 1]))
                if location is not None:
                    pictures.append((bounds[j], bounds[j + 1], location))
        return sorted(hidden), sorted(pictures)

    def page_pictures(self, anchored: list[tuple[int, int]]) -> list[WordImage]:
        """The bitmap pictures of pages among `anchored` inline pictures ((CP, paragraph)
        pairs): those shown over most of the first section's text area, by the size and scale
        in their PICF ([MS-DOC] 2.9.192: dxaGoal, dyaGoal, mx, my)."""
        page = self._page_area()
        found = []
        for cp, paragraph in anchored:
            location = self._picture_location(cp)
            if location is None or location + _PICF_SIZE > len(self.data):
                continue
            size, header = struct.unpack_from("<IH", self.data, location)
            width, height, scale_x, scale_y = struct.unpack_from(
                "<hhHH", self.data, location + _PICF_GOAL
            )
            if header != _PICF_HEADER:
                continue
            if not page.holds_page(width * scale_x / 1000, height * scale_y / 1000):
                continue
            images, _metafiles = doc_pictures.pictures(self.data[location : location + size])
            if images:
                found.append(WordImage(images[0], paragraph))
        return found

    def _picture_location(self, cp: int) -> int | None:
        """The Data stream offset of the inline picture at `cp`, from its character run."""
        k = bisect_right(self._piece_cps, cp) - 1
        if k < 0 or cp >= self.pieces[k].end:
            return None
        piece = self.pieces[k]
        fc = piece.offset + (cp - piece.cp) * piece.width
        runs = self._picture_runs
        i = bisect_right(runs, (fc, float("inf"))) - 1
        if i < 0 or not runs[i][0] <= fc < runs[i][1]:
            return None
        return runs[i][2]

    def _page_area(self) -> PageArea:
        """Section 1's page and margins, from its SEPX (the spec's defaults where it says
        nothing)."""
        found = {
            _PAGE_SPRMS[sprm]: abs(int.from_bytes(operand[:2], "little", signed=True))
            for sprm, operand in _sprms(self._first_sepx())
            if sprm in _PAGE_SPRMS and len(operand) >= 2
        }
        return PageArea(**found)

    def _plc_cps(self, index: int) -> list[int]:
        """The character positions of a PLC whose data elements are 12 bytes (PlcfSed)."""
        plc = self._part(index)
        count = (len(plc) - 4) // 16
        return [_u32(plc, 4 * k) for k in range(1, count + 1)] if count > 0 else []

    def _style_sheet(
        self,
    ) -> tuple[dict[int, str], dict[int, tuple[int | None, int | None]]]:
        """Paragraph style names, and the (list override, level) a style numbers its
        paragraphs with, its own or its base style's ([MS-DOC] 2.9.271 STD, 2.9.308 UpxPapx)."""
        stsh = self._part(_STSHF)
        if len(stsh) < 6:
            return {}, {}
        header = _u16(stsh, 0)
        count, base = _u16(stsh, 2), _u16(stsh, 4)
        names: dict[int, str] = {}
        own: dict[int, _Props] = {}
        bases: dict[int, int] = {}
        at = 2 + header
        for istd in range(count):
            if at + 2 > len(stsh):
                break
            size = _u16(stsh, at)
            std = stsh[at + 2 : at + 2 + size]
            at += 2 + size
            if len(std) < base + 2 or (_u16(std, 2) & 0xF) != 1:  # stk 1: a paragraph style
                continue
            bases[istd] = _u16(std, 2) >> 4
            chars = _u16(std, base)
            name = std[base + 2 : base + 2 + 2 * chars].decode("utf-16-le", "replace")
            names[istd] = name[0].upper() + name[1:] if _UI_STYLE.match(name) else name
            upx = base + 2 + 2 * chars + 2  # the name's terminating null comes first
            if upx + 4 <= len(std):
                props = own[istd] = _Props()
                _apply(props, std[upx + 4 : upx + 2 + _u16(std, upx)])  # after cbUpx and istd
        lists: dict[int, tuple[int | None, int | None]] = {}
        for istd in names:
            ilfo = ilvl = None
            chain, seen = istd, set()
            while chain in own and chain not in seen and (ilfo is None or ilvl is None):
                seen.add(chain)
                ilfo = own[chain].ilfo if ilfo is None else ilfo
                ilvl = own[chain].ilvl if ilvl is None else ilvl
                chain = bases.get(chain, 0x0FFF)
            if ilfo is not None or ilvl is not None:
                lists[istd] = (ilfo, ilvl)
        return names, lists

    def label(self, props: _Props) -> str:
        """The number Word shows before a list paragraph ("" for none), from its own list
        properties or its style's."""
        ilfo, ilvl = self._style_lists.get(props.istd, (None, None))
        if props.ilfo is not None:
            ilfo = props.ilfo
        if props.ilvl is not None:
            ilvl = props.ilvl
        return self.lists.label(ilfo, ilvl, props.istd) if ilfo else ""

    def _bins(self, index: int) -> tuple[list[int], list[int]]:
        """A PlcBteChpx or PlcBtePapx: the first byte each FKP page covers, and the pages."""
        plc = self._part(index)
        count = (len(plc) - 4) // 8
        if count < 1:
            return [], []
        fcs = [_u32(plc, 4 * k) for k in range(count + 1)]
        pages = [_u32(plc, 4 * (count + 1) + 4 * k) & 0x3FFFFF for k in range(count)]
        return fcs, pages

    def piece_at(self, cp: int) -> _Piece | None:
        k = bisect_right(self._piece_cps, cp) - 1
        return self.pieces[k] if k >= 0 and cp < self.pieces[k].end else None

    def props(self, mark_cp: int) -> _Props:
        """Properties of the paragraph whose mark is at `mark_cp` ([MS-DOC] 2.4.6.1).

        Paragraphs mostly share a few property sets, so each distinct one is read once; the
        returned object is shared and must not be changed.
        """
        piece = self.piece_at(mark_cp)
        if piece is None:
            return _Props()
        grpprl = self._papx(piece.offset + (mark_cp - piece.cp) * piece.width)
        key = (grpprl, piece.prm)
        if key not in self._props:
            props = self._props[key] = _Props()
            if grpprl is not None:
                props.istd = _u16(grpprl, 0)
                _apply(props, grpprl[2:], self.data)
            if piece.prm & 1 and (piece.prm >> 1) < len(self.prcs):  # Prm1: a Prc's grpprl
                _apply(props, self.prcs[piece.prm >> 1])
        return self._props[key]

    def _papx(self, fc: int) -> bytes | None:
        """The GrpPrlAndIstd of the paragraph whose mark is at byte `fc` ([MS-DOC] 2.9.177)."""
        k = bisect_right(self._bte_fcs, fc) - 1
        if k < 0 or k >= len(self._bte_pages):
            return None
        page, fcs = self._fkp(self._bte_pages[k])
        j = bisect_right(fcs, fc) - 1
        if j < 0 or j >= len(fcs) - 1:
            return None
        offset = 2 * page[4 * len(fcs) + 13 * j]
        if offset == 0 or offset >= FKP_SIZE - 1:
            return None
        cb = page[offset]
        if cb:
            return page[offset + 1 : offset + 2 * cb]
        return page[offset + 2 : offset + 2 + 2 * page[offset + 1]]

    def _fkp(self, pn: int) -> tuple[bytes, list[int]]:
        """A PapxFkp page and its rgfc; a page that is missing or malformed has no runs."""
        if pn not in self._fkps:
            page = self.word[pn * FKP_SIZE : (pn + 1) * FKP_SIZE]
            runs = page[-1] if len(page) == FKP_SIZE else 0
            if 4 * (runs + 1) + 13 * runs > FKP_SIZE - 1:
                runs = 0
            fcs = list(struct.unpack_from(f"<{runs + 1}I", page)) if runs else []
            self._fkps[pn] = (page, fcs)
        return self._fkps[pn]


@dataclass
class _RawParagraph:
    text: str
    mark: str
    props: _Props
    boxes: list[str] = field(default_factory=list)  # lines of the text boxes anchored in it
    pictures: list[int] = field(default_factory=list)  # CPs of its inline pictures


def _paragraphs(document: _Document) -> Iterator[_RawParagraph]:
    """The main text cut at paragraph marks, with each paragraph's displayed text and the text
    boxes anchored in it."""
    boxes = document.text_boxes()
    for cp, mark, shown, anchors in _split(document.text, document.section_ends):
        props = document.props(cp) if mark else _Props()
        box_lines = [line for at in anchors for line in boxes.get(at, [])]
        pictures = [at for at in anchors if document.text[at] == PICTURE]
        yield _RawParagraph(shown, mark or PARAGRAPH_MARK, props, box_lines, pictures)


def _split(
    text: str, section_ends: frozenset[int] | set[int] = frozenset()
) -> Iterator[tuple[int, str, str, list[int]]]:
    """(CP of the mark, the mark, displayed text, CPs of the drawn objects and inline pictures
    anchored in it) of each paragraph of a story; a last paragraph without a mark has the mark
    ""."""
    fields: list[bool] = []  # one entry per open field: True once its result has begun
    shown: list[str] = []
    anchors: list[int] = []
    at = 0
    for special in _SPECIAL.finditer(text):
        cp, ch = special.start(), special.group()
        if at < cp and all(fields):
            shown.append(text[at:cp])
        at = cp + 1
        if ch in (PARAGRAPH_MARK, CELL_MARK) or (ch == PAGE_BREAK and cp + 1 in section_ends):
            yield cp, ch, "".join(shown), anchors
            shown, anchors = [], []
        elif ch == FIELD_BEGIN:
            fields.append(False)
        elif ch == FIELD_SEPARATOR:
            if fields:
                fields[-1] = True
        elif ch == FIELD_END:
            if fields:
                fields.pop()
        elif ch in (DRAWN_OBJECT, PICTURE):
            anchors.append(cp)
        elif ch in _LINE_BREAKS and all(fields):
            shown.append(_LINE_BREAKS[ch])
    if at < len(text) and all(fields):
        shown.append(text[at:])
    if shown or anchors:
        yield len(text), "", "".join(shown), anchors


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


@dataclass
class _OpenTable:
    rows: list[tuple[list[str], _Props]] = field(default_factory=list)
    cells: list[str] = field(default_factory=list)  # finished cells of the row being read
    lines: list[str] = field(default_factory=list)  # lines of the cell being read

    def end_cell(self) -> None:
        self.cells.append("\n".join(self.lines))
        self.lines = []

    def end_row(self, props: _Props) -> None:
        if self.lines:
            self.end_cell()
        if self.cells:
            self.rows.append((self.cells, props))
        self.cells = []


class _BlockBuilder:
    """Paragraphs and tables from the paragraph sequence, numbered as the DOCX reader does."""

    def __init__(self, name: str, document: _Document):
        self.name, self.document = name, document
        self.blocks: list[Block] = []
        self.k = 0  # index of the last block item (paragraph or table), blank paragraphs included
        self.table: _OpenTable | None = None
        self.pictures: list[tuple[int, int]] = []  # (CP, block item) of each inline picture
        self._table_pictures: list[int] = []  # CPs of the pictures in the open table

    def build(self) -> list[Block]:
        for paragraph in _paragraphs(self.document):
            props = paragraph.props
            depth = props.table_depth
            if depth == 0:
                self._close_table()
                self._paragraph(paragraph)
                continue
            table = self.table = self.table or _OpenTable()
            table.lines.extend(paragraph.boxes)
            self._table_pictures += paragraph.pictures
            if depth > 1:
                # A nested table is flattened into its outer cell, cell by cell.
                if not props.inner_ttp:
                    table.lines.extend(_lines(self.document.label(props) + paragraph.text))
            elif props.ttp:
                table.end_row(props)
            else:
                table.lines.extend(_lines(self.document.label(props) + paragraph.text))
                if paragraph.mark == CELL_MARK:
                    table.end_cell()
        self._close_table()
        return self.blocks

    def _paragraph(self, paragraph: _RawParagraph) -> None:
        self.k += 1
        self.pictures += [(cp, self.k) for cp in paragraph.pictures]
        istd = paragraph.props.istd
        style = self.document.styles.get(istd) if istd else None
        prov = Provenance(file=self.name, paragraph=self.k)
        # A text box comes before the paragraph its shape is anchored in: where a 版头 set in
        # a text box is seen, above the first paragraph.
        self.blocks.extend(Paragraph(line, prov) for line in paragraph.boxes)
        text = self.document.label(paragraph.props) + paragraph.text
        self.blocks.extend(Paragraph(line, prov, style) for line in _lines(text))

    def _close_table(self) -> None:
        table, self.table = self.table, None
        if table is None:
            return
        table.end_row(_Props())  # a row cut off before its end mark
        pictures, self._table_pictures = self._table_pictures, []
        if table.rows:
            self.k += 1
            self.blocks.append(_grid_table(table.rows, self.name, self.k))
            self.pictures += [(cp, self.k) for cp in pictures]


def _grid_table(rows: list[tuple[list[str], _Props]], name: str, k: int) -> TableBlock:
    """Cells placed on the grid of all the rows' cell boundaries, with their merges."""
    lines = _grid_lines(
        x for texts, props in rows if _bounded(texts, props) for x in props.boundaries
    )
    grid = WordGrid(name, k)
    for texts, props in rows[:MAX_ROWS]:
        bounded = _bounded(texts, props)
        merges = props.merges if len(props.merges) == len(texts) else [(0, 0)] * len(texts)
        grid.new_row()
        col = 0
        for i, text in enumerate(texts[:MAX_CELLS]):
            span = 1
            if bounded:
                col = _nearest(lines, props.boundaries[i])
                span = max(_nearest(lines, props.boundaries[i + 1]) - col, 1)
            horizontal, vertical = merges[i]
            col = grid.place(
                text,
                col,
                span,
                widens=horizontal == HORZ_MERGED,  # the legacy horizontal merge
                vertical=_VERTICAL.get(vertical),
            )
    return grid.block()


def _bounded(texts: list[str], props: _Props) -> bool:
    return len(props.boundaries) == len(texts) + 1


def _grid_lines(xs: Iterator[int]) -> list[int]:
    lines: list[int] = []
    for x in sorted(set(xs)):
        if not lines or x - lines[-1] > SAME_LINE_TWIPS:
            lines.append(x)
    return lines


def _nearest(lines: list[int], x: int) -> int:
    k = bisect_right(lines, x)
    if k > 0 and (k == len(lines) or x - lines[k - 1] <= lines[k] - x):
        return k - 1
    return min(k, len(lines) - 1)
