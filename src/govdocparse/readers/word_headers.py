"""When a Word document's page header is read as part of its text: the 版头 set in a header.

Headers are page furniture and both Word readers leave them out: a running header (the issuer's
name, 行政规范性文件, a 公报's issue line) repeats on every page and is no part of the text.
But some offices' templates put the 版头 itself — the 发文机关标志 (某市人民政府办公室文件) and
the 发文字号 — in the header of the first page (Word's "different first page"), where it prints
once, above the title. Left out, the document loses its 文号 and 发文机关标志. So the Word
readers read ONE header, once, as paragraphs before the body:

* only the first section's: the first-page header when that section has a different first page
  (w:titlePg; [MS-DOC] sprmSFTitlePage; RTF \\titlepg), else its default (odd-page) header,
  which is also the first page's; never the headers of later sections or of even pages;
* only when it holds a 版头: a line with a 发文字号 or a line that is a 发文机关标志, by the
  patterns of grammars/metadata.yaml (`doc_number`, `issuer_mark`), the same ones the metadata
  stage reads them with. A header of a page number, a running title or a logo's caption stays
  out, so a running header never reaches the body;
* only when the body does not already show it: a 版头 both in the header and at the top of the
  body (a template filled in twice) is read once, from the body.

Its paragraphs carry provenance `page` 1 (the header of the first page) and no `paragraph`, as
they stand outside the body's paragraph count, and the record says where the 版头 was read.
The header's paragraphs are read with their text boxes, each box's lines before the paragraph
its shape is anchored in (in .doc the header text boxes' story, `doc_reader`), as in the body.
"""

from __future__ import annotations

from functools import cache

import regex

from .. import grammar
from ..grammar_schema import MetadataGrammar
from ..model import Provenance
from ..source import Paragraph, TableBlock

WARNING = "the 版头 is set in the first page's header: read before the body"
# How far into the body a 版头 printed there would stand.
_TOP_OF_BODY = 20


@cache
def _patterns() -> tuple[regex.Pattern, regex.Pattern]:
    rules = grammar.load_typed("metadata", MetadataGrammar)
    return regex.compile(rules.doc_number.pattern), rules.compile(rules.issuer_mark)


def holds_banner(lines: list[str]) -> bool:
    """Whether a header's lines hold a 发文字号 or a 发文机关标志."""
    number, mark = _patterns()
    return any(number.search(line) or mark.match(line.strip()) for line in lines)


def banner_paragraphs(
    header: list[str], body: list[Paragraph | TableBlock], name: str
) -> list[Paragraph]:
    """The header's lines as paragraphs to put before the body, or none (see the module
    docstring)."""
    if not holds_banner(header):
        return []
    top = {block.text for block in body[:_TOP_OF_BODY] if isinstance(block, Paragraph)}
    if any(line in top for line in header if holds_banner([line])):
        return []
    prov = Provenance(file=name, page=1)
    return [Paragraph(line, prov) for line in header]
