"""The same plan gives the same records from .txt, .docx, .html and .pdf.

Compared: document kinds and titles, metadata (without provenance), the section tree, tables,
indicators with their parsed targets, and responsibilities. Provenance necessarily differs by
format (lines for text and HTML, paragraphs for DOCX, pages for PDF) and is not compared.

Inherent difference, normalised here and documented in the README: a PDF has no space
characters inside Chinese text, only gaps between glyphs, so a space the author typed between
two Chinese words (“情暖童心 相伴成长”, “及 HPV疫苗”) is lost in the PDF rendition; strings are
compared without white space for PDFs.
"""

import re
from functools import cache

import pytest

from govdocparse import parse

from .support import CORPUS, CORPUS_STEMS, RENDITIONS

CASES = [(stem, ext) for stem in CORPUS_STEMS for ext in ("docx", "html", "pdf")] + [
    ("wanzhou-2018-children-policy", "gbk.html")
]


def _projection(result, squash: bool):
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


@cache
def _text_record(stem: str, squash: bool):
    return _projection(parse(CORPUS / f"{stem}.txt"), squash)


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
    actual = _projection(parse(path), squash)
    for key in expected[0]:
        assert [d[key] for d in actual] == [d[key] for d in expected], key
