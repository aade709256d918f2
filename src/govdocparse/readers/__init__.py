"""Opens a file, decides its format from its content and hands it to the matching reader.

The extension is only a hint: a .txt that is really a DOCX is read as a DOCX, with a warning.
PNG and JPEG images of pages are read by OCR when the `ocr` extra is installed (and the image
decodes), and refused as images otherwise.
`EXTENSIONS` is the one table of file names and the format each suggests; `BATCH_EXTENSIONS`
the part of it `batch` picks up in a folder.
The paragraphs of pages and Word-processor documents (HTML, MHT, DOCX, DOC/WPS, Word 2003 XML,
RTF, OFD) go through `flat_tables` as the text reader's lines do: a table a CMS or an author
pasted one cell a paragraph is rebuilt whichever reader made the paragraphs. PDFs and page
images are not passed (a PDF's tables are found by their rulings).
Readers other than plain text are imported on first use, so that tools which never meet those
formats (and the CLI's start-up) do not pay for pypdfium2, python-docx, olefile or the OCR
engine.
"""

from __future__ import annotations

import hashlib
import importlib
import os
import re
import stat
import zipfile
from io import BytesIO
from pathlib import Path

from ..errors import (
    CorruptFileError,
    EmptyInputError,
    InputError,
    TooLargeError,
    UnsupportedFormatError,
)
from ..model import SourceFormat
from ..source import Source
from .flat_tables import flat_tables_in
from .markdown import looks_like_markdown, plain_text
from .text import blocks_from_text, decode

MAX_INPUT_BYTES = 64 * 1024 * 1024

EXTENSIONS: dict[str, SourceFormat] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".docx": "docx",
    ".doc": "doc",
    ".wps": "doc",
    ".ofd": "ofd",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".rtf": "rtf",
    ".mht": "mht",
    ".mhtml": "mht",
    ".xml": "wordxml",
}
# How a warning names a format.
_FORMAT_NAMES = {"wordxml": "Word 2003 XML"}
# What `batch` picks up in a folder: Markdown and .xml are read when named, but a folder's
# README.md is notes about the folder, and a crawl's .xml files are mostly sitemaps, feeds and
# unpacked packages (a Word 2003 XML saved as .doc is still picked up, and read by content).
BATCH_EXTENSIONS = frozenset(ext for ext, fmt in EXTENSIONS.items() if fmt not in ("md", "wordxml"))
# Formats whose reader gives paragraphs as the author or the CMS made them, in which a table
# pasted one cell a paragraph may stand (the text reader looks for one among its lines itself).
_PARAGRAPH_FORMATS = frozenset({"html", "mht", "docx", "doc", "wordxml", "rtf", "ofd"})
# An OLE2 compound file: .doc and .wps, but also .xls and .ppt, which the doc reader tells apart.
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAGIC_REFUSALS = (
    (b"\x89PNG", "a PNG image, not a document"),
    (b"\xff\xd8\xff", "a JPEG image, not a document"),
    (b"GIF8", "a GIF image, not a document"),
    (b"\x1f\x8b", "gzip-compressed data: decompress it first"),
    (b"Rar!", "a RAR archive, not a document"),
    (b"7z\xbc\xaf", "a 7-Zip archive, not a document"),
    (b"\x7fELF", "an executable, not a document"),
)


# PNG and JPEG: images of pages, which OCR reads when the `ocr` extra is installed.
_PAGE_IMAGES = (b"\x89PNG", b"\xff\xd8\xff")


def _ocr_installed() -> bool:
    from .pdf_ocr import available

    return available()


def _decodes(data: bytes) -> bool:
    """Whether the image's data is whole (Pillow comes with the `ocr` extra)."""
    from PIL import Image

    try:
        with Image.open(BytesIO(data)) as image:
            image.load()
    except Exception:  # Pillow reports a damaged image in many ways
        return False
    return True


def read_bytes(path: str | os.PathLike, max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    """The file's bytes, after checks that give one clear error for each way opening can fail.

    The size limit is checked on the file's metadata before any byte is read, and enforced again
    while reading, so a file that grows in between cannot make the read unbounded either.
    """
    name = str(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        # os.path.islink looks at the link itself, which stat() followed to nowhere.
        raise InputError(
            name, "broken symbolic link" if os.path.islink(path) else "no such file"
        ) from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as exc:
        raise InputError(name, f"cannot open: {exc.strerror or exc}") from None
    except ValueError:
        raise InputError(name, "invalid path (NUL byte in the name)") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(name, "is a directory, not a file (use `govdocparse batch` for folders)")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(name, "not a regular file")
    if info.st_size == 0:
        raise EmptyInputError(name, "empty file")
    if info.st_size > max_bytes:
        raise TooLargeError(name, _too_large(info.st_size, max_bytes))
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise TooLargeError(name, _too_large(len(data), max_bytes))
    if not data:
        raise EmptyInputError(name, "empty file")
    return data


def _too_large(size: int, max_bytes: int) -> str:
    return (
        f"{size:,} bytes is over the input limit of {max_bytes:,} bytes ({max_bytes / 2**20:g} MiB)"
    )


def sniff(data: bytes, path: str) -> SourceFormat:
    """The format the bytes are in: txt, docx, doc, ofd, pdf, html, image, or one of the ways
    Word and WPS save a document that portals publish under .doc: RTF, MHT (a web archive) and
    Word 2003 XML (Markdown is text until decoded)."""
    head = data[:2048]
    if head.lstrip()[:5] == b"%PDF-" or b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        try:
            names = zipfile.ZipFile(BytesIO(data)).namelist()
        # A damaged central directory surfaces as any of these, not only as BadZipFile.
        except (zipfile.BadZipFile, OSError, ValueError, EOFError):
            raise CorruptFileError(
                path, "broken ZIP container (truncated or damaged DOCX?)"
            ) from None
        if "word/document.xml" in names:
            return "docx"
        if any(name.lstrip("/").lower() == "ofd.xml" for name in names):
            return "ofd"
        raise UnsupportedFormatError(path, "a ZIP archive that is not a Word document or OFD")
    if head.startswith(OLE_MAGIC):
        return "doc"
    if head.startswith(_PAGE_IMAGES) and _ocr_installed() and _decodes(data):
        return "image"
    for magic, what in _MAGIC_REFUSALS:
        if head.startswith(magic):
            raise UnsupportedFormatError(path, what)
    opening = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if opening.startswith(b"{\\rtf"):
        return "rtf"
    if _MIME_ARCHIVE.match(opening):
        return "mht"
    if opening.startswith(b"<") and (_WORD_2003_XML.search(head) or _FLAT_OPC.search(head)):
        return "wordxml"
    if _starts_html(head) or _starts_html(head.decode("utf-16", "ignore").encode()):
        return "html"
    return "txt"


# A MIME message (headers first) whose type is multipart/related: an MHT web archive.
_MIME_ARCHIVE = re.compile(
    rb"(?:[A-Za-z][\w-]*:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)*?"
    rb"content-type:\s*multipart/related",
    re.I,
)
# The root element of a Word 2003 XML document, in the first 2 KB after the XML declaration.
_WORD_2003_XML = re.compile(rb"<w:wordDocument\b|schemas\.microsoft\.com/office/word/2003/wordml")
# ... and Word 2007's Flat OPC package (`flat_opc`), which Word marks as a Word document.
_FLAT_OPC = re.compile(rb"<pkg:package\b|schemas\.microsoft\.com/office/2006/xmlPackage")


def _starts_html(head: bytes) -> bool:
    """A page opens with markup (after a BOM, blanks, an XML declaration or comments) and holds
    an HTML element; a text that merely mentions <html> further down is text."""
    opening = head.lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n")
    lowered = opening.lower()
    return opening.startswith(b"<") and any(
        marker in lowered for marker in (b"<!doctype html", b"<html", b"<head", b"<body", b"<meta ")
    )


def read(path: str | os.PathLike, max_bytes: int = MAX_INPUT_BYTES) -> Source:
    """The block stream of any supported file."""
    data = read_bytes(path, max_bytes)
    return read_data(data, str(path))


def read_data(data: bytes, path: str) -> Source:
    if not data.strip():
        raise EmptyInputError(path, "empty file")
    fmt = sniff(data, path)
    warnings = []
    expected = EXTENSIONS.get(Path(path).suffix.lower())
    if fmt == "txt" and expected == "md":
        fmt = "md"
    if expected == "wordxml" and fmt == "txt" and data.lstrip()[:1] == b"<":
        raise UnsupportedFormatError(path, "an XML file that is not a Word 2003 XML document")
    if expected and expected != fmt:
        flat = fmt == "wordxml" and _FLAT_OPC.search(data[:2048])
        shown = "Word XML (Flat OPC)" if flat else _FORMAT_NAMES.get(fmt, fmt.upper())
        warnings.append(
            f"content is {shown} although the name ends in {Path(path).suffix}: read as {shown}"
        )
    name = Path(path).name
    digest = hashlib.sha256(data).hexdigest()
    if fmt in ("txt", "md"):
        text, encoding, decode_warnings = decode(data, path)
        if fmt == "md" or looks_like_markdown(text):
            fmt, text = "md", plain_text(text)
        blocks, table_warnings = blocks_from_text(text, name)
        source = Source(path, name, fmt, digest, blocks, encoding=encoding)
        source.warnings = decode_warnings + table_warnings
    else:
        reader = importlib.import_module(f".{fmt}_reader", __name__)
        source = reader.read(data, path, name, digest)
        if source.format in _PARAGRAPH_FORMATS:
            source.blocks, table_warnings = flat_tables_in(source.blocks)
            source.warnings += table_warnings
    source.warnings = warnings + source.warnings
    return source
