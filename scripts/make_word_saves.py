"""Writes the other ways Word and WPS save a document, from the corpus .docx renditions: RTF,
Word 2003 XML, web page (HTML) and single-file web page (MHT), some named .doc as portals
publish them.

LibreOffice saves each rendition as RTF ("rtf"), as Word 2003 XML ("xml:MS Word 2003 XML") and
as HTML ("html:HTML (StarWriter)"); the MHT is built here with the stdlib email package around
that HTML, as Word writes one: a multipart/related message whose page is GBK text labelled
gb2312, quoted-printable, followed by a part Word adds (its file list). tests/test_word_saves.py
checks that each gives the records the .docx gives.

    python scripts/make_word_saves.py        # writes tests/fixtures/word-saves/*

Needs soffice (as scripts/make_pdfs.py does). Outputs are deterministic for an unchanged
LibreOffice (the renditions' fixed dates are carried over, the MIME boundary is fixed), so
re-running leaves git clean.
"""

from __future__ import annotations

import quopri
import re
import sys
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from pathlib import Path

# The sibling fixture writers, importable however this script is loaded (run, or by the tests).
sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_pdfs import convert, write

ROOT = Path(__file__).resolve().parents[1]
RENDITIONS = ROOT / "tests" / "fixtures" / "renditions"
OUT = ROOT / "tests" / "fixtures" / "word-saves"
# A prose notice (every save named .doc, as portals publish them) and a plan with merged table
# cells (every save under its own extension).
AS_DOC = "wanzhou-2018-children-policy"
OWN_NAMES = "meizhou-2023-child-friendly-city"
# Format -> (LibreOffice's --convert-to target, the extension it writes, our own extension).
SAVES = {
    "rtf": ("rtf", "rtf", "rtf"),
    "wordxml": ("xml:MS Word 2003 XML", "xml", "xml"),
    "html": ("html:HTML (StarWriter)", "html", "html"),
}
BOUNDARY = "----=_NextPart_01DA3C00.5F1E2A40"


def mht(html: bytes, stem: str) -> bytes:
    """A single-file web page as Word writes it around the page `html` (UTF-8 from LibreOffice):
    the page in GBK labelled gb2312, quoted-printable, and Word's file list beside it."""
    text = html.decode("utf-8")
    text = re.sub(r"charset=utf-8", "charset=gb2312", text, flags=re.I)
    page = MIMENonMultipart("text", "html", charset="gb2312")
    page["Content-Location"] = f"file:///C:/{stem}.htm"
    page["Content-Transfer-Encoding"] = "quoted-printable"
    page.set_payload(quopri.encodestring(text.encode("gbk")).decode("ascii"))
    files = MIMENonMultipart("text", "xml", charset="utf-8")
    files["Content-Location"] = f"file:///C:/{stem}.files/filelist.xml"
    files["Content-Transfer-Encoding"] = "quoted-printable"
    files.set_payload(
        f'<xml xmlns:o=3D"urn:schemas-microsoft-com:office:office">\n'
        f' <o:MainFile HRef=3D"../{stem}.htm"/>\n'
        f' <o:File HRef=3D"filelist.xml"/>\n</xml>\n'
    )
    archive = MIMEMultipart("related", boundary=BOUNDARY, type="text/html")
    archive.preamble = "A single-file web page (web archive): open it in a browser or Word."
    archive.attach(page)
    archive.attach(files)
    return archive.as_bytes()


def main() -> None:
    sources = [RENDITIONS / f"{AS_DOC}.docx", RENDITIONS / f"{OWN_NAMES}.docx"]
    saved: dict[str, dict[Path, bytes]] = {}
    for fmt, (target, suffix, _own) in SAVES.items():
        saved[fmt] = convert(sources, target, suffix)
    for source in sources:
        as_doc = source.stem == AS_DOC
        html = saved["html"][source]
        outputs = {fmt: saved[fmt][source] for fmt in SAVES} | {"mht": mht(html, source.stem)}
        for fmt, data in outputs.items():
            own = SAVES[fmt][2] if fmt in SAVES else "mht"
            name = f"{source.stem}-{fmt}.doc" if as_doc else f"{source.stem}.{own}"
            write(OUT / name, data)


if __name__ == "__main__":
    main()
