"""Writes the DOCX and HTML renditions of the corpus texts, and the reader edge-case fixtures.

Each corpus text is read with the text reader and written back out as a Word document and as a
government-portal web page carrying the same blocks, so the reader tests can check that every
format yields the same block stream. Outputs are deterministic (fixed document dates, fixed zip
timestamps) so re-running the script leaves git clean.

    python scripts/make_renditions.py            # renditions and edge fixtures
    python scripts/make_renditions.py --docx     # only the DOCX renditions
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import io
import re
import sys
import zipfile
from pathlib import Path

import docx
from docx.oxml.ns import qn

from govdocparse.readers import read
from govdocparse.source import Paragraph, Source, TableBlock

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "raw"
RENDITIONS = ROOT / "tests" / "fixtures" / "renditions"
EDGE = ROOT / "tests" / "fixtures" / "edge"

FIXED_TIME = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
ZIP_TIME = (2024, 1, 1, 0, 0, 0)
# A CJK font that is installed with LibreOffice's usual Noto set, so PDF conversion keeps a text layer.
CJK_FONT = "Noto Serif CJK SC"
# Header texts of the columns whose empty continuation cells stand for a vertical merge.
CATEGORY_HEADERS = {"类别", "领域"}
GBK_STEM = "wanzhou-2018-children-policy"

PORTAL_LABELS = ("索引号", "发布机构", "成文日期", "发布日期", "主题分类", "体裁分类", "发文字号", "有效性")
_PORTAL_SPLIT = re.compile("(" + "|".join(PORTAL_LABELS) + ")")
# Lines of a web capture that are the portal's page furniture rather than the document.
_CHROME_LINE = re.compile(r"^\s*(?:您当前所在的位置|字号|打印|纠错|分享到|扫一扫|上一篇|下一篇|关闭)")


# ---------------------------------------------------------------- shared helpers


def _deterministic_zip(data: bytes) -> bytes:
    """The same archive with fixed member timestamps, so identical content gives identical bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.read_bytes() == data:
        return
    path.write_bytes(data)
    print(f"wrote {path.relative_to(ROOT)}")


def _grid_width(table: TableBlock) -> int:
    return max(len(row) for row in table.rows)


def _vertical_runs(table: TableBlock) -> dict[tuple[int, int], int]:
    """(row, col) of each merge origin in a category column -> number of rows it covers.

    A run is a non-empty category cell followed by empty cells in the same column; a row too
    short to reach the column (a full-width note row) ends the run.
    """
    header = table.rows[0]
    columns = [c for c, cell in enumerate(header) if "".join(cell.text.split()) in CATEGORY_HEADERS]
    runs: dict[tuple[int, int], int] = {}
    for col in columns:
        origin = None
        for r in range(1, len(table.rows)):
            row = table.rows[r]
            if len(row) <= col or len(row) < _grid_width(table):
                origin = None
            elif row[col].text:
                origin = r
                runs[(r, col)] = 1
            elif origin is not None:
                runs[(origin, col)] += 1
    return {key: n for key, n in runs.items() if n > 1}


# ---------------------------------------------------------------- DOCX


def _docx_document() -> docx.document.Document:
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = CJK_FONT
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), CJK_FONT)
    props = document.core_properties
    props.author = "govdocparse renditions"
    props.last_modified_by = "govdocparse renditions"
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    return document


def _fill_cell(cell, text: str) -> None:
    lines = text.split("\n")
    cell.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def _docx_table(document, block: TableBlock) -> None:
    width = _grid_width(block)
    table = document.add_table(rows=len(block.rows), cols=width)
    table.style = "Table Grid"
    for r, row in enumerate(block.rows):
        # Looking cells up row by row: Table.cell() rebuilds the whole grid on every call.
        word_cells = table.rows[r].cells
        for c, cell in enumerate(row):
            _fill_cell(word_cells[c], cell.text)
        if len(row) < width:
            # A short row in a dump is one cell that spans the rest of the grid (a 说明 note row).
            table.cell(r, len(row) - 1).merge(table.cell(r, width - 1))
    for (r, c), height in _vertical_runs(block).items():
        table.cell(r, c).merge(table.cell(r + height - 1, c))


def docx_rendition(source: Source) -> bytes:
    document = _docx_document()
    first = next((b for b in source.blocks if isinstance(b, Paragraph)), None)
    document.core_properties.title = first.text if first else ""
    for block in source.blocks:
        if isinstance(block, Paragraph):
            document.add_paragraph(block.text)
        else:
            _docx_table(document, block)
    out = io.BytesIO()
    document.save(out)
    return _deterministic_zip(out.getvalue())


# ---------------------------------------------------------------- main


def corpus_sources() -> list[tuple[str, Source]]:
    return [(path.stem, read(path)) for path in sorted(CORPUS.glob("*.txt"))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docx", action="store_true", help="write only the DOCX renditions")
    args = parser.parse_args(argv)
    for stem, source in corpus_sources():
        _write(RENDITIONS / f"{stem}.docx", docx_rendition(source))
    if args.docx:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
