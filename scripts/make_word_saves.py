"""Writes the other ways Word and WPS save a document, from the corpus .docx renditions: RTF,
Word 2003 XML, web page (HTML) and single-file web page (MHT), some named .doc as portals
publish them.

LibreOffice saves each rendition as RTF ("rtf"), as Word 2003 XML ("xml:MS Word 2003 XML") and
as HTML ("html:HTML (StarWriter)"); the MHT is built here with the stdlib email package around
that HTML, as Word writes one: a multipart/related message whose page is GBK text labelled
gb2312, quoted-printable, followed by a part Word adds (its file list). tests/test_word_saves.py
checks that each gives the records the .docx gives.

It also writes a scan pasted into Word (scan.docx: two page images, a PNG and a JPEG, of an
invented notice, drawn with a CJK font as a 150 dpi scanner gives them) and the .doc LibreOffice
and RTF saves of it (scan.doc, scan.rtf), which tests/test_word_scans.py reads by OCR, and those
pages pasted after a typed notice (scan-mixed.docx, LibreOffice's .doc of it, and an RTF as Word
writes pictures, scan-mixed.rtf); and a
notice whose 版头 is set in the first page's header (banner-header.docx, and LibreOffice's .doc,
Word 2003 XML and RTF of it) for tests/test_word_headers.py.

    python scripts/make_word_saves.py        # writes tests/fixtures/word-saves/*

Needs soffice (as scripts/make_pdfs.py does) and a CJK font (fonts-noto-cjk). Outputs are
deterministic for an unchanged LibreOffice (the renditions' fixed dates are carried over, the
MIME boundary is fixed), except that LibreOffice's RTF writer orders its colour table
differently from run to run: an RTF fixture may be rewritten with the same text.
"""

from __future__ import annotations

import io
import quopri
import re
import shutil
import subprocess
import sys
import tempfile
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from pathlib import Path

# The sibling fixture writers, importable however this script is loaded (run, or by the tests).
sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_ofd import render_scan
from make_pdfs import FIXED_TIME, convert, write
from make_renditions import deterministic_zip

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
# The body of the notice whose 版头 is in the first page's header.
BANNER_BODY = [
    "白石市人民政府办公室关于做好2024年儿童暑期安全工作的通知",
    "各区县人民政府，市政府各部门：",
    "为切实保障儿童暑期安全，现将有关事项通知如下。",
    "一、压实工作责任",
    "各地要落实属地责任，加强防溺水宣传教育。",
    "二、加强督促检查",
    "市教育局会同有关部门开展专项检查。",
    "白石市人民政府办公室",
    "2024年6月28日",
]
# The scanned notice's pages: (baseline y, x or None to centre, text, size), in millimetres.
SCAN_PAGES: list[list[tuple[float, float | None, str, float]]] = [
    [
        (45.0, None, "白石市教育局文件", 12.0),
        (65.0, None, "白教发〔2024〕15号", 5.6),
        (90.0, None, "关于开展儿童安全教育周活动的通知", 6.5),
        (125.0, 28.0, "各区县教育局：", 5.6),
        (140.0, 39.0, "一、活动时间", 5.6),
        (155.0, 39.0, "2024年9月2日至9月8日。", 5.6),
    ],
    [
        (45.0, 39.0, "二、活动内容", 5.6),
        (60.0, 39.0, "开展交通安全和防溺水教育。", 5.6),
        (200.0, 120.0, "白石市教育局", 5.6),
        (215.0, 118.0, "2024年8月20日", 5.6),
    ],
]


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


def cjk_font() -> str:
    """A regular CJK font file of this machine (fonts-noto-cjk)."""
    if shutil.which("fc-list"):
        listed = subprocess.run(
            ["fc-list", ":lang=zh", "file"], capture_output=True, text=True, check=False
        ).stdout.split()
        found = [line.rstrip(":") for line in sorted(listed) if "Regular" in line]
        if found:
            return found[0]
    raise SystemExit("no CJK font to draw the scan with: install fonts-noto-cjk")


def scan_docx(font: str) -> bytes:
    """A Word document that is only the scanned pages: the first a PNG, the second a JPEG."""
    import docx
    from docx.shared import Mm
    from PIL import Image

    pages = [render_scan(lines, font) for lines in SCAN_PAGES]
    jpeg = io.BytesIO()
    with Image.open(io.BytesIO(pages[1])) as page:
        page.save(jpeg, "JPEG", quality=60, dpi=(150, 150))
    document = docx.Document()
    props = document.core_properties
    props.author = props.last_modified_by = "govdocparse renditions"
    props.created = props.modified = props.last_printed = FIXED_TIME
    for image in (pages[0], jpeg.getvalue()):
        document.add_picture(io.BytesIO(image), width=Mm(160))
    out = io.BytesIO()
    document.save(out)
    return deterministic_zip(out.getvalue())


# The typed notice before the scanned pages of `mixed_scan_docx`.
MIXED_NOTICE = [
    "白石市教育局关于转发儿童安全教育周活动通知的通知",
    "各学校：",
    "现将市教育局通知转发给你们，请认真贯彻执行。",
]


def mixed_scan_docx(font: str) -> bytes:
    """A typed notice with the scanned pages of `scan_docx` pasted after it at the text's width,
    a line of text between them, and a small picture (a logo) that is no page."""
    import docx
    from docx.shared import Mm

    pages = [render_scan(lines, font) for lines in SCAN_PAGES]
    document = docx.Document()
    props = document.core_properties
    props.author = props.last_modified_by = "govdocparse renditions"
    props.created = props.modified = props.last_printed = FIXED_TIME
    for text in MIXED_NOTICE:
        document.add_paragraph(text)
    document.add_picture(io.BytesIO(pages[0]), width=Mm(150))
    document.add_paragraph("（转发件第二页）")
    document.add_picture(io.BytesIO(pages[1]), width=Mm(150))
    document.add_picture(io.BytesIO(pages[0]), width=Mm(25))
    out = io.BytesIO()
    document.save(out)
    return deterministic_zip(out.getvalue())


def banner_docx() -> bytes:
    """A notice whose 版头 is set in the first page's header (a different first page), with a
    running header on the other pages and a page number in the footer."""
    import docx

    document = docx.Document()
    props = document.core_properties
    props.author = props.last_modified_by = "govdocparse renditions"
    props.created = props.modified = props.last_printed = FIXED_TIME
    section = document.sections[0]
    section.different_first_page_header_footer = True
    first = section.first_page_header
    first.paragraphs[0].text = "白石市人民政府办公室文件"
    first.add_paragraph("白府办发〔2024〕8号")
    section.header.paragraphs[0].text = "白石市人民政府办公室"
    section.footer.paragraphs[0].text = "— 1 —"
    for text in BANNER_BODY:
        document.add_paragraph(text)
    for _ in range(40):  # a second page, where the running header shows
        document.add_paragraph("（此页无正文）")
    out = io.BytesIO()
    document.save(out)
    return deterministic_zip(out.getvalue())


def scan_rtf(scan: bytes) -> bytes:
    """The scanned pages of `scan` (the .docx) as Word's RTF carries pictures: each a
    paragraph holding {\\*\\shppict{\\pict\\pngblip or \\jpegblip HEX}} and a
    {\\nonshppict{\\pict\\wmetafile8 …}} fallback for older readers (here a token one;
    LibreOffice writes a full-size WMF, which makes its RTF of two pages 9 MB)."""
    import zipfile

    with zipfile.ZipFile(io.BytesIO(scan)) as package:
        media = sorted(name for name in package.namelist() if name.startswith("word/media/"))
        images = [package.read(name) for name in media]
    parts = [r"{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil\fcharset134 SimSun;}}"]
    for image in images:
        blip = "pngblip" if image.startswith(b"\x89PNG") else "jpegblip"
        hexed = image.hex()
        lines = "\n".join(hexed[k : k + 128] for k in range(0, len(hexed), 128))
        parts.append(
            rf"\pard{{\*\shppict{{\pict\{blip}\picw1240\pich1754 "
            + "\n"
            + lines
            + r"}}{\nonshppict{\pict\wmetafile8\picw1240\pich1754 0100090000}}\par"
        )
    parts.append("}")
    return "\n".join(parts).encode("ascii")


def mixed_rtf(font: str) -> bytes:
    """`mixed_scan_docx` as Word's RTF carries it: the notice's paragraphs in \\u escapes,
    each picture a paragraph with its goal size (the page image's, in twips) and the scale
    that shows it at the .docx's width: 150 mm for the pages, 25 mm for the logo."""
    pages = [render_scan(lines, font) for lines in SCAN_PAGES]
    goal_width, goal_height = 11906, 16838  # an A4 page image at its own resolution

    def text(line: str) -> str:
        return "".join(ch if ord(ch) < 128 else rf"\u{ord(ch)}?" for ch in line)

    def picture(image: bytes, scale: int) -> str:
        hexed = image.hex()
        lines = "\n".join(hexed[k : k + 128] for k in range(0, len(hexed), 128))
        return (
            rf"\pard{{\*\shppict{{\pict\pngblip\picscalex{scale}\picscaley{scale}"
            rf"\picwgoal{goal_width}\pichgoal{goal_height} " + "\n" + lines + r"}}\par"
        )

    parts = [
        r"{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil\fcharset134 SimSun;}}",
        r"\paperw11906\paperh16838\margl1800\margr1800\margt1440\margb1440",
        *(rf"\pard {text(line)}\par" for line in MIXED_NOTICE),
        picture(pages[0], 150 * 100 // 210),
        rf"\pard {text('（转发件第二页）')}\par",
        picture(pages[1], 150 * 100 // 210),
        picture(pages[0], 25 * 100 // 210),
        "}",
    ]
    return "\n".join(parts).encode("ascii")


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
    banner = banner_docx()
    write(OUT / "banner-header.docx", banner)
    with tempfile.TemporaryDirectory() as work:
        docx_path = Path(work, "banner-header.docx")
        docx_path.write_bytes(banner)
        write(OUT / "banner-header.doc", convert([docx_path], "doc:MS Word 97")[docx_path])
        xml = convert([docx_path], "xml:MS Word 2003 XML", "xml")[docx_path]
        write(OUT / "banner-header.xml", xml)
        write(OUT / "banner-header.rtf", convert([docx_path], "rtf")[docx_path])
    scan = scan_docx(cjk_font())
    write_with_doc("scan", scan)
    write(OUT / "scan.rtf", scan_rtf(scan))
    write_with_doc("scan-mixed", mixed_scan_docx(cjk_font()))
    write(OUT / "scan-mixed.rtf", mixed_rtf(cjk_font()))


def write_with_doc(stem: str, docx_bytes: bytes) -> None:
    """Writes the .docx and LibreOffice's Word 97 save of it."""
    write(OUT / f"{stem}.docx", docx_bytes)
    with tempfile.TemporaryDirectory() as work:
        docx_path = Path(work, f"{stem}.docx")
        docx_path.write_bytes(docx_bytes)
        write(OUT / f"{stem}.doc", convert([docx_path], "doc:MS Word 97")[docx_path])


if __name__ == "__main__":
    main()
