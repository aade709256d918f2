"""Minimal reproducers of the crashes and hangs the mutation fuzzer (scripts/fuzz.py) found.

Each was a traceback or a hang before its fix; each must now be a typed refusal or a result.
"""

import pytest

from govdocparse import parse_text
from govdocparse.errors import CorruptFileError
from govdocparse.pipeline import parse_source
from govdocparse.readers import read_data

from .support import (
    PDF_CATALOG,
    PDF_FONT,
    PDF_PAGES,
    PDF_TEXT,
    SMALL_DOCX,
    block_texts,
    pdf,
    rewrite_docx,
)


def test_pdf_page_with_a_mediabox_that_is_not_numbers_is_read_not_a_traceback():
    # PDFium falls back to its default page size for a MediaBox it cannot use
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 /x] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
    )
    source = read_data(pdf([PDF_CATALOG, PDF_PAGES, page, PDF_TEXT, PDF_FONT]), "mediabox.pdf")
    assert block_texts(source.blocks) == ["Children Development Plan 2021-2030"]


def test_docx_relationships_without_namespace_is_corrupt():
    rels = b'<?xml version="1.0"?><Relationships/>'
    data = rewrite_docx(SMALL_DOCX.read_bytes(), {"word/_rels/document.xml.rels": lambda _: rels})
    with pytest.raises(CorruptFileError, match="not a readable Word package"):
        read_data(data, "bad-rels.docx")


def test_html_table_whose_first_row_is_empty_uses_the_next_row_as_header():
    page = (
        "<html><body><p>儿童发展规划正文内容。</p><table><tr></tr><tr><td>指标</td><td>目标值</"
        "td></tr><tr><td>甲率</td><td>≥90</td></tr></table></body></html>"
    )
    tables = [
        t
        for d in parse_source(read_data(page.encode("utf-8"), "x.html")).documents
        for t in d.tables
    ]
    assert [(t.header, [r.cells for r in t.rows]) for t in tables] == [
        (["指标", "目标值"], [["甲率", "≥90"]])
    ]


@pytest.mark.parametrize("columns", [20, 60])
def test_realigning_a_short_row_of_a_wide_table_is_linear_not_exponential(columns):
    # exhaustive search over column choices took 29 s at 20 columns and never ended at 60
    header = "".join(f"\t列{i}\n" for i in range(columns))
    text = "标题\n" + header + "\n" + "".join(f"\t值{i}\n" for i in range(10))
    table = parse_text(text).documents[0].tables[0]
    assert len(table.header) == columns
    note = table.rows[0].note
    assert note and note.startswith(f"realigned: 10 cells for {columns} columns")
