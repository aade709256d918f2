"""MHT/MHTML web archives (Word's and browsers' "single file web page", often named .doc).

An MHT file is a MIME message (RFC 2557): a multipart/related whose root part is the page's
HTML, quoted-printable or base64 encoded, in the charset its Content-Type names (Chinese Word
writes GB2312), followed by the page's images and style files. The stdlib `email` package takes
the message apart; the root part (the one the `start` parameter names, else the first HTML
part) is decoded with its declared charset and read by `html_reader`, so a Word document saved
as MHT reads as the same document saved as HTML. The record's format is "mht" and its encoding
the part's charset; provenance `lines` count lines of the decoded HTML part, not of the MIME
file. The other parts (images, CSS, Word's XML lists) are not read.
"""

from __future__ import annotations

import codecs
import email
import email.policy
from email.message import EmailMessage

from ..errors import CorruptFileError, EmptyInputError
from ..source import Source
from . import html_reader


def read(data: bytes, path: str, name: str, sha256: str) -> Source:
    """The block stream of the web page an MHT archive holds."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    part = _root_html(message)
    if part is None:
        raise EmptyInputError(path, "the MHT archive holds no HTML page")
    try:
        payload = part.get_payload(decode=True)
    except (ValueError, LookupError) as exc:
        raise CorruptFileError(path, f"damaged MHT archive ({exc})") from None
    if not isinstance(payload, bytes) or not payload.strip():
        raise EmptyInputError(path, "the MHT archive's HTML page is empty")
    charset = part.get_content_charset()
    codec = html_reader.charset_codec(charset.lower() if charset else None)
    warnings: list[str] = []
    if codec:
        try:
            # A byte-order mark makes the HTML reader take the part's charset over the page's
            # own <meta>, which Word does not always update.
            payload = codecs.BOM_UTF8 + payload.decode(codec).encode("utf-8")
        except UnicodeDecodeError:
            warnings.append(
                f"the MHT archive's page is not in its declared charset {charset}: "
                "read by its own declaration"
            )
            codec = None
    source = html_reader.read(payload, path, name, sha256)
    source.format = "mht"
    if codec:
        source.encoding = charset
    source.warnings = warnings + source.warnings
    return source


def _root_html(message: EmailMessage) -> EmailMessage | None:
    """The archive's page: the part the `start` parameter names, else the first HTML part."""
    start = message.get_param("start", header="content-type")
    parts = [part for part in message.walk() if not part.is_multipart()]
    if isinstance(start, str):
        for part in parts:
            if part.get("content-id", "").strip() == start.strip():
                return part
    return next((part for part in parts if part.get_content_type() == "text/html"), None)
