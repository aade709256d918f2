"""What the tests share: where the corpus and the fixtures are, the fixture-writing scripts as
modules, builders of small files (minimal PDFs, DOCX packages with a part rewritten) and the
views of a block stream the tests compare.

Test modules import what they share from here, never from one another.
"""

from __future__ import annotations

import importlib.util
import io
import json
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from types import ModuleType

import docx

from govdocparse.batch import ERRORS_FILE
from govdocparse.model import Document
from govdocparse.pipeline import parse_source
from govdocparse.readers import read_data
from govdocparse.source import Block, Paragraph, TableBlock

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "raw"
CORPUS_FILES = sorted(CORPUS.glob("*.txt"))
CORPUS_STEMS = [path.stem for path in CORPUS_FILES]
SCRIPTS = ROOT / "scripts"
TESTS = ROOT / "tests"
FIXTURES = TESTS / "fixtures"
RENDITIONS = FIXTURES / "renditions"
EDGE = FIXTURES / "edge"
GOLDEN = TESTS / "golden"
SPEC = TESTS / "spec"
DOCS = TESTS / "docs"
# Real published files, read in place and never copied into the project; absent on a fresh clone.
REALFILES = ROOT.parent / "shared" / "realfiles"

# The smallest DOCX rendition of the corpus: a base for packages with one part rewritten.
SMALL_DOCX = RENDITIONS / "wanzhou-2018-children-policy.docx"


@cache
def script(name: str) -> ModuleType:
    """scripts/`name`.py imported as the module `name` (the fixture writers hold the content the
    tests check)."""
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while it executes
    spec.loader.exec_module(module)
    return module


def batch_errors(out: Path) -> list[dict]:
    """The failures a batch listed in `out`'s _errors.jsonl (none when it wrote no such file)."""
    path = out / ERRORS_FILE
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# ---------------------------------------------------------------- block streams


def as_paragraph(block: Block) -> Paragraph:
    """`block`, which the test expects to be a paragraph."""
    assert isinstance(block, Paragraph), f"a table where a paragraph was expected: {block}"
    return block


def as_table(block: Block) -> TableBlock:
    """`block`, which the test expects to be a table."""
    assert isinstance(block, TableBlock), f"a paragraph where a table was expected: {block}"
    return block


def block_texts(blocks: Iterable[Block]) -> list[str]:
    """The text of each of `blocks`, every one of which the test expects to be a paragraph."""
    return [as_paragraph(block).text for block in blocks]


def shape(blocks: Iterable[Block]) -> list[str | list[list[str]]]:
    """What must agree across formats: paragraph texts in order, tables as grids of cell
    texts."""
    return [
        block.text
        if isinstance(block, Paragraph)
        else [[cell.text for cell in row] for row in block.rows]
        for block in blocks
    ]


# ---------------------------------------------------------------- minimal PDFs


def pdf(objects: list[bytes], trailer: bytes = b"", shift_xref: int = 0) -> bytes:
    """A PDF of the numbered `objects` (1 is the catalog), with a cross-reference table off by
    `shift_xref` bytes."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % (offset + shift_xref) for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer,
        xref,
    )
    return bytes(out)


def pdf_stream(entries: bytes, data: bytes) -> bytes:
    """A stream object holding `data`, with `entries` added to its dictionary."""
    return b"<< /Length %d %s>>\nstream\n%s\nendstream" % (len(data), entries, data)


# Objects 1, 2 and 5 of a one-page PDF whose page is object 3 and its content object 4.
PDF_CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
PDF_PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
PDF_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
PDF_TEXT = pdf_stream(b"", b"BT /F1 14 Tf 72 720 Td (Children Development Plan 2021-2030) Tj ET")


def pdf_page(resources: bytes) -> bytes:
    """Object 3: an A4 page with `resources`, drawn by object 4."""
    return (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources %s /Contents 4 0 R >>"
        % resources
    )


def text_pdf(trailer: bytes = b"", shift_xref: int = 0) -> bytes:
    """One page with one line of Latin text in Helvetica."""
    page = pdf_page(b"<< /Font << /F1 5 0 R >> >>")
    return pdf([PDF_CATALOG, PDF_PAGES, page, PDF_TEXT, PDF_FONT], trailer, shift_xref)


def image_only_pdf() -> bytes:
    """One page holding a 2×2 grey image and no text."""
    image = pdf_stream(
        b"/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
        b"/BitsPerComponent 8 ",
        b"\x00\xff\xff\x00",
    )
    content = pdf_stream(b"", b"q 200 0 0 200 72 500 cm /Im1 Do Q")
    page = pdf_page(b"<< /XObject << /Im1 5 0 R >> >>")
    return pdf([PDF_CATALOG, PDF_PAGES, page, content, image])


def blank_page_pdf() -> bytes:
    """One page that draws nothing."""
    return pdf([PDF_CATALOG, PDF_PAGES, pdf_page(b"<< >>"), pdf_stream(b"", b"")])


def encrypted_pdf() -> bytes:
    """Standard security handler, RC4 40-bit, with a /U that no empty password produces."""
    encrypt = b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -44 >>" % (b"11" * 32, b"22" * 32)
    file_id = b"<" + b"ab" * 16 + b">"
    page = pdf_page(b"<< /Font << /F1 5 0 R >> >>")
    objects = [PDF_CATALOG, PDF_PAGES, page, PDF_TEXT, PDF_FONT, encrypt]
    return pdf(objects, trailer=b"/Encrypt 6 0 R /ID [%s %s] " % (file_id, file_id))


# ---------------------------------------------------------------- ZIP packages


def rewrite_docx(data: bytes, changes: dict[str, Callable[[bytes], bytes]]) -> bytes:
    """A copy of a DOCX (or any ZIP) with the named parts passed through their change
    functions."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            part = source.read(name)
            target.writestr(name, changes[name](part) if name in changes else part)
    return out.getvalue()


def zip_of(members: dict[str, bytes]) -> bytes:
    """A ZIP archive of `members` (name → bytes), stored in that order."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def record_projection(result, squash: bool) -> list[dict]:
    """What two renditions of one document must agree on: document kinds and titles, metadata
    without provenance, sections, tables, indicators with their targets, responsibilities;
    strings without white space when `squash`."""

    def s(text):
        return re.sub(r"\s+", "", text) if squash and isinstance(text, str) else text

    def sections(items):
        return [
            (x.level, x.number, x.ordinal, s(x.title), s(x.text), sections(x.children))
            for x in items
        ]

    def _owners(doc, indicator):
        owner = doc.responsibility(indicator.responsible_id)
        return owner and [a.canonical for a in owner.lead]

    out = []
    for doc in result.documents:
        out.append(
            {
                "kind": doc.kind,
                "title": s(doc.title),
                "metadata": doc.metadata.model_dump(exclude={"provenance"}),
                "sections": sections(doc.sections),
                "tables": [
                    (
                        t.label,
                        t.title,
                        t.header,
                        [[s(c) for c in r.cells] for r in t.rows],
                        [(s(i.name), s(i.text)) for i in t.items],
                        t.notes,
                    )
                    for t in doc.tables
                ],
                "indicators": [
                    (
                        s(i.name),
                        i.unit,
                        i.seq,
                        i.category,
                        i.attribute,
                        i.parent_id,
                        [
                            (t.label, s(t.raw), [a.model_dump(exclude={"raw"}) for a in t.atoms])
                            for t in i.targets
                        ],
                        _owners(doc, i),
                    )
                    for i in doc.indicators
                ],
                "responsibilities": [
                    (
                        r.kind,
                        [a.canonical for a in r.lead],
                        [a.canonical for a in r.participating],
                        r.by_duty,
                    )
                    for r in doc.responsibilities
                ],
            }
        )
    return out


def parse_without_ocr(path: Path, out: Path) -> subprocess.CompletedProcess:
    """`govdocparse parse PATH -o OUT` run in a fresh interpreter in which the `ocr` extra
    counts as not installed, as a user without it runs the CLI."""
    probe = (
        "import sys\n"
        "from govdocparse.readers import pdf_ocr\n"
        "pdf_ocr.available = lambda: False\n"
        "from govdocparse.cli import main\n"
        f"sys.exit(main(['parse', {str(path)!r}, '-o', {str(out)!r}]))\n"
    )
    return subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)


# ---------------------------------------------------------------- printed copies of a text

# no line of text set by the rules of Chinese line breaking opens with these (they hang past
# the width) or ends with those (they go down to the next line)
NO_LINE_START = "，。、；：）》”！？"
NO_LINE_END = "（《“"


def columns(text: str, half_width: bool = True) -> int:
    """Width of `text` on a printed line in half-width columns: a Chinese character takes two,
    an ASCII one one (two when not `half_width`: a copy cut at so many characters)."""
    return sum(1 if half_width and ord(char) < 128 else 2 for char in text)


def cut_line(line: str, width: int, half_width: bool, kinsoku: bool) -> list[str]:
    """`line` cut into lines of `width` characters (in columns of half a character when
    `half_width`, where an ASCII character takes one)."""
    lines: list[str] = []
    current, used = "", 0
    for char in line:
        size = columns(char, half_width)
        if used + size > 2 * width:
            if kinsoku and char in NO_LINE_START:
                lines.append(current + char)
                current, used = "", 0
                continue
            if kinsoku and current[-1] in NO_LINE_END:
                lines.append(current[:-1])
                current, used = current[-1], 2
            else:
                lines.append(current)
                current, used = "", 0
        current += char
        used += size
    return [*lines, current] if current else lines


def table_spec(path: Path) -> list[tuple[list[str], list[list[str]], list[list[str]]]]:
    """The tables of a spec file written one line a row (tests/spec/header_wordings.tsv,
    task_table_goals.tsv): a `header` line opens a table, `row` lines are its rows, and any other
    line is what the table must give; each table as (header, rows, expected lines), the first
    cell of each line dropped, comments and blank lines skipped."""
    tables: list[tuple[list[str], list[list[str]], list[list[str]]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, *cells = line.split("\t")
        if kind == "header":
            tables.append((cells, [], []))
        elif kind == "row":
            tables[-1][1].append(cells)
        else:
            tables[-1][2].append(cells)
    return tables


def word_table_document(paragraphs: list[str], rows: list[list[str]]) -> Document:
    """The one document parsed from a Word file of `paragraphs` then a table of `rows` (python-docx
    writes it in memory, the DOCX reader reads it as a saved file)."""
    word = docx.Document()
    for text in paragraphs:
        word.add_paragraph(text)
    grid = word.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            grid.cell(r, c).text = text
    data = io.BytesIO()
    word.save(data)
    [document] = parse_source(read_data(data.getvalue(), "plan.docx")).documents
    return document
