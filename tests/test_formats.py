"""The same plan gives the same records from .txt, .docx, .html and .pdf.

Compared: document kinds and titles, metadata (without provenance), the section tree, tables,
indicators with their parsed targets, and responsibilities. Provenance necessarily differs by
format (lines for text and HTML, paragraphs for DOCX, pages for PDF) and is not compared.

Inherent difference, normalised here and documented in the README: a PDF has no space
characters inside Chinese text, only gaps between glyphs, so a space the author typed between
two Chinese words (“情暖童心 相伴成长”, “及 HPV疫苗”) is lost in the PDF rendition; strings are
compared without white space for PDFs.
"""

from functools import cache

import pytest

from govdocparse import parse

from .support import CORPUS, CORPUS_STEMS, RENDITIONS, record_projection

CASES = [(stem, ext) for stem in CORPUS_STEMS for ext in ("docx", "html", "pdf")] + [
    ("wanzhou-2018-children-policy", "gbk.html")
]


@cache
def _text_record(stem: str, squash: bool):
    return record_projection(parse(CORPUS / f"{stem}.txt"), squash)


@pytest.mark.parametrize("stem, ext", CASES, ids=[f"{s.split('-')[0]}.{e}" for s, e in CASES])
def test_rendition_gives_the_text_records(stem, ext):
    name = f"{stem}-gbk.html" if ext == "gbk.html" else f"{stem}.{ext}"
    path = RENDITIONS / name
    if not path.exists():
        pytest.fail(
            f"missing rendition {name}: run scripts/make_renditions.py and scripts/make_pdfs.py"
        )
    squash = ext == "pdf"
    expected = _text_record(stem, squash)
    actual = record_projection(parse(path), squash)
    for key in expected[0]:
        assert [d[key] for d in actual] == [d[key] for d in expected], key
