"""A 版头 set in the first page's header of a Word document is read before the body; running
headers never are (readers/word_headers.py says why).

banner-header.docx sets 发文机关标志 and 文号 in its first-page header, a running header on the
other pages and a page number in the footer; banner-header.doc, .xml and .rtf are LibreOffice's
Word 97, Word 2003 XML and RTF saves of it (scripts/make_word_saves.py). The choices are tested
on documents written here, as data.
"""

from __future__ import annotations

import io

import docx
import pytest

from govdocparse import parse
from govdocparse.readers import read, read_data
from govdocparse.readers.word_headers import WARNING
from govdocparse.source import Paragraph

from .support import FIXTURES

SAVES = FIXTURES / "word-saves"
BANNER = ["白石市人民政府办公室文件", "白府办发〔2024〕8号"]
BODY = [
    "白石市人民政府办公室关于做好暑期安全工作的通知",
    "各区县人民政府：",
    "现将有关事项通知如下。",
]


@pytest.mark.parametrize("suffix", ["docx", "doc", "xml", "rtf"])
def test_a_banner_in_the_first_page_header_gives_the_metadata(suffix):
    path = SAVES / f"banner-header.{suffix}"
    source = read(path)
    assert source.warnings[0] == WARNING
    texts = [b.text for b in source.blocks if isinstance(b, Paragraph)]
    assert texts[:3] == [*BANNER, "白石市人民政府办公室关于做好2024年儿童暑期安全工作的通知"]
    assert "— 1 —" not in texts  # the footer's page number
    assert texts.count("白石市人民政府办公室") == 1  # the signature, not the running header
    assert [b.prov.page for b in source.blocks[:2]] == [1, 1]
    assert source.blocks[0].prov.paragraph is None
    metadata = parse(path).documents[0].metadata
    assert metadata.doc_number == "白府办发〔2024〕8号"
    assert metadata.issuer_mark == "白石市人民政府办公室文件"
    assert metadata.provenance["doc_number"].page == 1


def _docx(
    first: list[str] | None = None,
    default: list[str] | None = None,
    body: list[str] = BODY,
    second_section: list[str] | None = None,
) -> bytes:
    """A document with a first-page header (`first`, which sets a different first page),
    a default header, and a second section whose default header is `second_section`."""
    document = docx.Document()
    section = document.sections[0]
    if first is not None:
        section.different_first_page_header_footer = True
        _fill(section.first_page_header, first)
    if default is not None:
        _fill(section.header, default)
    for text in body:
        document.add_paragraph(text)
    if second_section is not None:
        later = document.add_section()
        later.header.is_linked_to_previous = False
        _fill(later.header, second_section)
        document.add_paragraph("附件")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _fill(header, lines: list[str]) -> None:
    header.paragraphs[0].text = lines[0]
    for line in lines[1:]:
        header.add_paragraph(line)


CASES = [
    # (what it shows, document, the lines read before the body)
    ("the first-page header's 版头", _docx(first=BANNER, default=["白石市人民政府办公室"]), BANNER),
    ("the default header is the first page's too", _docx(default=BANNER), BANNER),
    ("a 文号 alone is a 版头", _docx(first=["白府办发〔2024〕8号"]), ["白府办发〔2024〕8号"]),
    ("a running header is no 版头", _docx(default=["白石市人民政府行政规范性文件"]), []),
    ("nor is a 公报's issue line", _docx(default=["白石市人民政府公报 2024年第3期"]), []),
    ("a different first page shows its own header", _docx(first=["　"], default=BANNER), []),
    ("a later section's header is not read", _docx(second_section=BANNER), []),
    ("a 版头 the body already shows is read once", _docx(first=BANNER, body=BANNER + BODY), []),
]


@pytest.mark.parametrize(
    "data, banner", [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_which_header_is_read(data, banner):
    source = read_data(data, "notice.docx")
    texts = [b.text for b in source.blocks if isinstance(b, Paragraph)]
    from_header = [b.text for b in source.blocks if isinstance(b, Paragraph) and b.prov.page == 1]
    assert from_header == banner
    assert texts[: len(banner)] == banner
    assert (WARNING in source.warnings) == bool(banner)
