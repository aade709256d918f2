"""Word 2003 XML (WordprocessingML 2003: "Save as XML Document", often named .doc or .xml).

One XML file whose root is w:wordDocument in the 2003 namespace
(http://schemas.microsoft.com/office/word/2003/wordml). Its body speaks nearly the language of a
.docx body (w:p, w:r, w:t, w:tbl, w:tc, w:gridSpan, w:txbxContent, w:fldChar, w:vanish), so it is
translated into that language and read by `docx_reader.read_body`, with the same conventions
and provenance (`paragraph` = block index in the body). The translation:

* every element and attribute of the 2003 namespace moves to the 2006 one, with the names
  that changed: w:vmerge/w:hmerge → vMerge/hMerge, w:hlink → hyperlink, lists (w:listPr with
  w:ilfo → numPr with numId; w:lists' w:listDef/w:list/w:ilst → abstractNum/num/abstractNumId;
  a level's w:nfc number → the numFmt name, by `list_numbers.MSONFC`); a style's w:default="on"
  reads as true;
* the auxiliary wrappers Word writes around body content (wx:sect, wx:sub-section,
  wx:pBdrGroup) and around inserted revisions (aml:annotation of type Word.Insertion, its
  aml:content) are taken off, their content kept; other annotations (deletions, comments,
  bookmarks) are left as elements the body reader does not read.

The styles (w:styles) and lists (w:lists) are in the same file, and so are the headers (w:hdr
in w:sectPr): a 版头 set in the first page's header is read before the body, as in .docx
(`word_headers`). XML is parsed with entities
unresolved, no DTD and no network, like every XML the project reads.

Word 2007 and later save "Word XML Document" as Flat OPC (a pkg:package of the .docx's parts):
that is packed back into a .docx and read as one (`flat_opc`); its record's format is wordxml
too.
"""

from __future__ import annotations

from lxml import etree

from ..errors import CorruptFileError, EmptyInputError, NoTextLayerError
from ..source import Source
from . import docx_reader, flat_opc, word_headers
from .list_numbers import MSONFC

NS_2003 = "http://schemas.microsoft.com/office/word/2003/wordml"
_OLD = "{" + NS_2003 + "}"
_NEW = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_AUX = "{http://schemas.microsoft.com/office/word/2003/auxHint}"
_AML = "{http://schemas.microsoft.com/aml/2001/core}"
_PARSER = etree.XMLParser(
    resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False, remove_comments=True
)
# 2003 names that WordprocessingML 2006 spells otherwise.
_RENAMED = {
    "vmerge": "vMerge",
    "hmerge": "hMerge",
    "hlink": "hyperlink",
    "listPr": "numPr",
    "ilfo": "numId",
    "listDef": "abstractNum",
    "list": "num",
    "ilst": "abstractNumId",
    "nfc": "numFmt",
}
_RENAMED_ATTRIBUTES = {"listDefId": "abstractNumId", "ilfo": "numId"}
_OFF = ("0", "false", "off")
_WRAPPERS = (_AUX + "sect", _AUX + "sub-section", _AUX + "pBdrGroup")


def read(data: bytes, path: str, name: str, sha256: str) -> Source:
    """The block stream of a Word 2003 XML document's body, or of a Flat OPC package's .docx."""
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        message = str(exc).splitlines()[0][:160] if str(exc) else "XMLSyntaxError"
        raise CorruptFileError(path, f"damaged Word 2003 XML document ({message})") from None
    if flat_opc.is_package(root):
        source = docx_reader.read(flat_opc.docx_bytes(root, path), path, name, sha256)
        source.format = "wordxml"
        return source
    if root.tag != _OLD + "wordDocument":
        raise CorruptFileError(path, "not a Word 2003 XML document (no w:wordDocument root)")
    _translate(root)
    body = root.find(_NEW + "body")
    if body is None:
        raise EmptyInputError(path, "the Word 2003 XML document has no body")
    styles, lists = root.find(_NEW + "styles"), root.find(_NEW + "lists")
    blocks, warnings = docx_reader.read_body(body, styles, lists, name)
    header = _first_page_header(body)
    if header is not None and blocks:
        lines = docx_reader.header_lines(header, styles, lists, name)
        banner = word_headers.banner_paragraphs(lines, blocks, name)
        if banner:
            blocks = [*banner, *blocks]
            warnings.insert(0, word_headers.WARNING)
    if not blocks:
        if body.find(".//" + _NEW + "pict") is not None:
            raise NoTextLayerError(path, "the Word document holds only images, no text")
        raise EmptyInputError(path, "the Word document has no text")
    return Source(path, name, "wordxml", sha256, blocks, warnings=warnings)


def _first_page_header(body):
    """The header the first page shows (`word_headers`): section 1's w:hdr of type "first"
    when it has a different first page (w:titlePg), else its "odd" (default) one."""
    section = next(body.iter(_NEW + "sectPr"), None)
    if section is None:
        return None
    title_page = section.find(_NEW + "titlePg")
    first = title_page is not None and title_page.get(_NEW + "val", "on") not in _OFF
    kind = "first" if first else "odd"
    return next((h for h in section.findall(_NEW + "hdr") if h.get(_NEW + "type") == kind), None)


def _translate(root) -> None:
    """The 2003 vocabulary turned into the 2006 one, in place (see the module docstring)."""
    for element in root.iter():
        tag = element.tag
        if not isinstance(tag, str):
            continue
        if tag.startswith(_OLD):
            local = tag[len(_OLD) :]
            element.tag = _NEW + _RENAMED.get(local, local)
            if local == "nfc":
                code = element.get(_OLD + "val", "0")
                element.set(_OLD + "val", MSONFC.get(int(code) if code.isdigit() else -1, code))
            elif local == "style" and element.get(_OLD + "default") == "on":
                element.set(_OLD + "default", "true")
        elif tag == _AML + "annotation" and element.get(_OLD + "type") == "Word.Insertion":
            for content in element.findall(_AML + "content"):
                content.tag = _AUX + "sect"
            element.tag = _AUX + "sect"
        for key in [key for key in element.attrib if key.startswith(_OLD)]:
            local = key[len(_OLD) :]
            element.set(_NEW + _RENAMED_ATTRIBUTES.get(local, local), element.attrib.pop(key))
    etree.strip_tags(root, *_WRAPPERS)
