"""Writes the OFD (GB/T 33190-2016) fixtures of the OFD reader tests, typeset from text here.

The fixture is an invented red-header notice (青溪县, not a real place's document) carrying a
plan, laid out as an OFD producer lays out a 公文: one TextObject per line with per-character
advances (DeltaX, some in the "g N d" short form), first lines indented by two characters,
wrapped lines ending at the column's right edge, a red rule under the 文号, a ruled table with a
vertically and a horizontally merged cell and a cell whose text wraps, a paragraph that runs
over a page break, page numbers, the two 版记 rules, an electronic seal drawn as a Stamp
annotation and a signature part (both to be ignored). `OFD.xml` is stored, the other parts are
deflated. The encrypted variant adds a GM/T 0099 `Encryptions.xml`.

    python scripts/make_ofd.py        # writes tests/fixtures/ofd/*.ofd

Outputs are deterministic (fixed ZIP timestamps), so re-running leaves git clean.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "tests" / "fixtures" / "ofd"
ZIP_TIME = (2024, 1, 1, 0, 0, 0)
NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'

LEFT, WIDTH = 28.0, 156.0  # GB/T 9704 type area on A4, millimetres
BODY, TITLE, HEADER = 5.6, 7.7, 14.0  # 三号, 二号, the 发文机关标志
PITCH = 10.0
RED = "#ee #20 #25"
FONTS = {"fangsong": 1, "xbs": 2, "heiti": 3}


def advance(ch: str, size: float) -> float:
    return size if ch >= "\u2e80" else size / 2


def wrap(text: str, size: float, indent: float) -> list[str]:
    """Lines of `text` filling the type area, the first one indented by `indent` mm."""
    lines, current, used, room = [], "", 0.0, WIDTH - indent
    for ch in text:
        if used + advance(ch, size) > room + 1e-6:
            lines.append(current)
            current, used, room = "", 0.0, WIDTH
        current += ch
        used += advance(ch, size)
    return [*lines, current] if current else lines


@dataclass
class Page:
    objects: list[str] = field(default_factory=list)
    y: float = 40.0

    def text(
        self,
        x: float,
        baseline: float,
        text: str,
        size: float,
        font: str = "fangsong",
        color: str | None = None,
        short_form: bool = False,
    ) -> None:
        deltas = [advance(ch, size) for ch in text[:-1]]
        width = sum(deltas) + (advance(text[-1], size) if text else 0)
        if short_form and deltas and len(set(deltas)) == 1:
            delta = f"g {len(deltas)} {deltas[0]:g}"
        else:
            delta = " ".join(f"{d:g}" for d in deltas)
        fill = f'<ofd:FillColor Value="{color}"/>' if color else ""
        self.objects.append(
            f'<ofd:TextObject ID="{len(self.objects) + 100}" Font="{FONTS[font]}" '
            f'Size="{size:g}" Boundary="{x:g} {baseline - size:g} {width:g} {size * 1.2:g}">'
            f'{fill}<ofd:TextCode X="0" Y="{size:g}" DeltaX="{delta}">{escape(text)}'
            "</ofd:TextCode></ofd:TextObject>"
        )

    def rule(self, x0: float, y0: float, x1: float, y1: float, color: str = "#0 #0 #0") -> None:
        self.objects.append(
            f'<ofd:PathObject ID="{len(self.objects) + 100}" Stroke="true" '
            f'Boundary="{min(x0, x1):g} {min(y0, y1):g} {abs(x1 - x0):g} {abs(y1 - y0):g}">'
            f'<ofd:StrokeColor Value="{color}"/>'
            f"<ofd:AbbreviatedData>M 0 0 L {abs(x1 - x0):g} {abs(y1 - y0):g}"
            "</ofd:AbbreviatedData></ofd:PathObject>"
        )

    def centred(self, text: str, size: float, font: str = "fangsong", **kw) -> None:
        width = sum(advance(ch, size) for ch in text)
        self.text(LEFT + (WIDTH - width) / 2, self.y, text, size, font, **kw)
        self.y += size * 1.8

    def paragraph(self, text: str, indent: bool = True, font: str = "fangsong") -> list[str]:
        """Typesets a paragraph down the page; returns the lines that did not fit."""
        lines = wrap(text, BODY, 2 * BODY if indent else 0.0)
        for k, line in enumerate(lines):
            if self.y > 235:
                return lines[k:]
            x = LEFT + (2 * BODY if indent and k == 0 else 0.0)
            self.text(x, self.y, line, BODY, font, short_form=k % 2 == 1)
            self.y += PITCH
        return []

    def continued(self, lines: list[str]) -> None:
        for line in lines:
            self.text(LEFT, self.y, line, BODY, short_form=True)
            self.y += PITCH

    def page_number(self, n: int) -> None:
        text = f"— {n} —"
        x = LEFT + WIDTH - 20 if n % 2 else LEFT + 5
        self.text(x, 270.0, text, 4.9)

    def image(self, resource: int, box: tuple[float, float, float, float] = (0, 0, 210, 297)):
        """A page image drawn as producers of scanned OFDs draw it: the unit square scaled to
        the box by the CTM, inside a Boundary at the box's origin."""
        x, y, w, h = box
        self.objects.append(
            f'<ofd:ImageObject ID="{len(self.objects) + 100}" ResourceID="{resource}" '
            f'Boundary="{x:g} {y:g} {w:g} {h:g}" CTM="{w:g} 0 0 {h:g} 0 0"/>'
        )

    def content(self) -> str:
        return (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {NS}><ofd:Area>'
            "<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:Area><ofd:Content>"
            f'<ofd:Layer ID="1">{"".join(self.objects)}</ofd:Layer></ofd:Content></ofd:Page>'
        )


def table(page: Page) -> None:
    """A ruled 领域/指标/目标值 table: a vertical merge, a full-width note row, a wrapped cell."""
    xs = [LEFT, LEFT + 30, LEFT + 110, LEFT + WIDTH]
    top = page.y - BODY
    rows = [
        (["领域", "指标", "目标值"], 12.0),
        (["健康", "婴儿死亡率（‰）", "＜5"], 12.0),
        (["", "5岁以下儿童死亡率（‰）", "＜7"], 12.0),
        (["教育", "学前教育毛入园率（%），含普惠性幼儿园和民办幼儿园在园幼儿", "≥92%"], 20.0),
        (["注：目标值为2025年数据。"], 12.0),
    ]
    ys = [top]
    for _cells, height in rows:
        ys.append(ys[-1] + height)
    for k, y in enumerate(ys):
        if k == 2:  # under 健康 the rule is left out: that cell spans two rows
            page.rule(xs[1], y, xs[-1], y)
        else:
            page.rule(xs[0], y, xs[-1], y)
    for x in xs:
        if x in (xs[1], xs[2]):  # the note row spans all three columns
            page.rule(x, ys[0], x, ys[-2])
        else:
            page.rule(x, ys[0], x, ys[-1])
    size = 4.9
    for (cells, _height), y in zip(rows, ys, strict=False):
        for k, cell in enumerate(cells):
            if not cell:
                continue
            room = (xs[-1] if len(cells) == 1 else xs[k + 1]) - xs[k] - 3
            lines, current, used = [], "", 0.0
            for ch in cell:
                if used + advance(ch, size) > room:
                    lines.append(current)
                    current, used = "", 0.0
                current += ch
                used += advance(ch, size)
            lines.append(current)
            for j, line in enumerate(lines):
                page.text(xs[k] + 1.5, y + 7 + j * 7, line, size)
    page.y = ys[-1] + 12


def notice_pages() -> list[Page]:
    one, two, three = Page(), Page(), Page()
    one.centred("青溪县人民政府文件", HEADER, "xbs", color=RED)
    one.y = 75.0
    one.centred("青府发〔2023〕15号", BODY)
    one.rule(LEFT, 83.5, LEFT + WIDTH, 83.5, RED)
    one.y = 105.0
    one.centred("青溪县人民政府关于印发青溪县儿童友好城市建设", TITLE, "xbs")
    one.centred("实施方案（2023—2025年）的通知", TITLE, "xbs")
    one.y += 6
    one.paragraph("各乡镇人民政府，县政府各部门：", indent=False)
    one.paragraph(
        "现将《青溪县儿童友好城市建设实施方案（2023—2025年）》印发给你们，请结合实际认真"
        "组织实施。实施中遇到的问题，请及时向县发展改革局反映。"
    )
    one.y += 20
    one.text(LEFT + WIDTH - 50, one.y, "青溪县人民政府", BODY)
    one.y += PITCH
    one.text(LEFT + WIDTH - 48, one.y, "2023年6月8日", BODY)
    one.y += PITCH
    one.paragraph("（此件公开发布）")
    one.page_number(1)

    two.y = 40.0
    two.centred("青溪县儿童友好城市建设实施方案（2023—2025年）", TITLE, "xbs")
    two.y += 4
    two.paragraph("一、总体要求", font="heiti")
    two.paragraph(
        "坚持儿童优先发展，从社会政策、公共服务、权利保障、成长空间、发展环境五个方面推进"
        "儿童友好城市建设，到2025年，儿童友好理念深入人心。"
    )
    two.paragraph("二、主要目标", font="heiti")
    two.paragraph("（一）健康与教育目标。")
    table(two)
    rest = two.paragraph(
        "（二）空间与环境目标。新建和改扩建一批儿童友好公园、儿童友好街区和儿童之家，"
        "公共场所母婴室配置率达到100%，学校周边交通安全设施配置率达到100%，儿童出行更加"
        "安全便利，儿童参与社区事务的渠道更加畅通，全县形成关爱儿童成长的良好氛围，"
        "儿童友好城市建设成效明显，群众满意度持续提高，示范带动作用进一步增强。"
    )
    two.page_number(2)

    three.y = 40.0
    three.continued(rest)
    three.paragraph("三、保障措施", font="heiti")
    three.paragraph("各部门要按照职责分工，细化工作措施，确保各项任务落到实处。")
    three.rule(LEFT, 252.0, LEFT + WIDTH, 252.0)
    three.text(LEFT + 5, 259.0, "青溪县人民政府办公室", 4.9)
    three.text(LEFT + WIDTH - 45, 259.0, "2023年6月8日印发", 4.9)
    three.rule(LEFT, 262.0, LEFT + WIDTH, 262.0)
    three.page_number(3)
    return [one, two, three]


def seal_annotation() -> str:
    # The seal's text sits in the Stamp annotation's appearance: a reader of the page content
    # must never see it.
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:PageAnnot {NS}>'
        '<ofd:Annot ID="900" Type="Stamp"><ofd:Appearance Boundary="130 150 42 42">'
        '<ofd:TextObject ID="901" Font="1" Size="4" Boundary="5 18 32 6">'
        '<ofd:TextCode X="0" Y="4" DeltaX="g 6 4">青溪县人民政府</ofd:TextCode>'
        "</ofd:TextObject></ofd:Appearance></ofd:Annot></ofd:PageAnnot>"
    )


def png(rows: list[bytes], width: int) -> bytes:
    """An 8-bit greyscale PNG of `rows` (each `width` bytes), written without Pillow."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, len(rows), 8, 0, 0, 0, 0)
    raw = b"".join(b"\0" + row for row in rows)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def render_scan(lines: list[tuple[float, float | None, str, float]], font_file: str) -> bytes:
    """A page as a scanner gives it: a 150 dpi greyscale PNG of A4 with `lines` (baseline y,
    x or None to centre, text, size, in millimetres) drawn in the CJK font `font_file`."""
    from PIL import Image, ImageDraw, ImageFont

    dots = 150 / 25.4
    image = Image.new("L", (round(210 * dots), round(297 * dots)), 255)
    draw = ImageDraw.Draw(image)
    for baseline, x, text, size in lines:
        font = ImageFont.truetype(font_file, round(size * dots))
        width = draw.textlength(text, font=font) / dots
        left = LEFT + (WIDTH - width) / 2 if x is None else x
        draw.text((left * dots, baseline * dots), text, font=font, fill=0, anchor="ls")
    out = io.BytesIO()
    image.save(out, "PNG", dpi=(150, 150))
    return out.getvalue()


def jbig2(png_data: bytes, random_access: bool = False) -> bytes:
    """The PNG page as a JBIG2 file, as producers of scanned OFDs store pages: one page whose
    generic region is MMR-coded (T.6, which Pillow writes for a Group 4 TIFF), in the
    sequential or the random-access organisation, with end-of-page and end-of-file segments."""
    from PIL import Image, TiffImagePlugin

    page = Image.open(io.BytesIO(png_data)).convert("1")
    # JBIG2 codes black as 1; Pillow's Group 4 TIFF of a "1" image codes its 1 bits as white.
    flipped = page.convert("L").point(lambda v: 255 - v).convert("1")
    tiff = io.BytesIO()
    flipped.save(tiff, "TIFF", compression="group4", tiffinfo={278: page.height})
    opened = Image.open(io.BytesIO(tiff.getvalue()))
    assert isinstance(opened, TiffImagePlugin.TiffImageFile)
    strips = opened.tag_v2
    mmr = b"".join(
        tiff.getvalue()[offset : offset + size]
        for offset, size in zip(strips[273], strips[279], strict=True)
    )
    info = struct.pack(">IIIIBH", page.width, page.height, 0, 0, 0, 0)
    region = struct.pack(">IIIIB", page.width, page.height, 0, 0, 0) + b"\x01" + mmr
    segments = [(48, 1, info), (38, 1, region), (49, 1, b""), (51, 0, b"")]
    headers = [
        struct.pack(">IBBBI", number, kind, 0, page_number, len(data))
        for number, (kind, page_number, data) in enumerate(segments)
    ]
    if random_access:
        body = b"".join(headers) + b"".join(data for *_, data in segments)
    else:
        body = b"".join(h + data for h, (*_, data) in zip(headers, segments, strict=True))
    flags = 0x00 if random_access else 0x01
    return b"\x97JB2\r\n\x1a\n" + bytes([flags]) + struct.pack(">I", 1) + body


def media_resources(media: dict[str, bytes]) -> str:
    """A DocumentRes file listing each page image as a MultiMedia (IDs from 500, in order)."""
    items = "".join(
        f'<ofd:MultiMedia ID="{500 + k}" Type="Image" Format="{name.rsplit(".", 1)[-1].upper()}">'
        f"<ofd:MediaFile>{name}</ofd:MediaFile></ofd:MultiMedia>"
        for k, name in enumerate(media)
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res {NS} BaseLoc="Res">'
        f"<ofd:MultiMedias>{items}</ofd:MultiMedias></ofd:Res>"
    )


def package(
    pages: list[Page], encrypted: bool = False, media: dict[str, bytes] | None = None
) -> bytes:
    """The OFD package of `pages`; `media` are page images (file name → bytes), listed in a
    DocumentRes file and stored under Doc_0/Res/."""
    document_res = "<ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>" if media else ""
    page_list = "".join(
        f'<ofd:Page ID="{10 + k}" BaseLoc="Pages/Page_{k}/Content.xml"/>' for k in range(len(pages))
    )
    parts: dict[str, str | bytes] = {
        "OFD.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {NS} Version="1.0" DocType="OFD">'
            "<ofd:DocBody><ofd:DocInfo><ofd:DocID>0f0e0d0c0b0a09080706050403020100</ofd:DocID>"
            "<ofd:Creator>govdocparse make_ofd.py</ofd:Creator></ofd:DocInfo>"
            "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
            "<ofd:Signatures>Doc_0/Signs/Signatures.xml</ofd:Signatures></ofd:DocBody></ofd:OFD>"
        ),
        "Doc_0/Document.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {NS}><ofd:CommonData>'
            "<ofd:MaxUnitID>999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297"
            "</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>"
            f"{document_res}</ofd:CommonData><ofd:Pages>{page_list}</ofd:Pages>"
            "<ofd:Annotations>Annots/Annotations.xml</ofd:Annotations></ofd:Document>"
        ),
        "Doc_0/PublicRes.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res {NS} BaseLoc="Res"><ofd:Fonts>'
            '<ofd:Font ID="1" FontName="仿宋"/><ofd:Font ID="2" FontName="方正小标宋简体"/>'
            '<ofd:Font ID="3" FontName="黑体"/></ofd:Fonts></ofd:Res>'
        ),
        "Doc_0/Annots/Annotations.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Annotations {NS}>'
            '<ofd:Page PageID="10"><ofd:FileLoc>Page_0/Annotation.xml</ofd:FileLoc></ofd:Page>'
            "</ofd:Annotations>"
        ),
        "Doc_0/Annots/Page_0/Annotation.xml": seal_annotation(),
        "Doc_0/Signs/Signatures.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Signatures {NS}>'
            '<ofd:MaxSignId>1</ofd:MaxSignId><ofd:Signature ID="1" Type="Seal" '
            'BaseLoc="Sign_0/Signature.xml"/></ofd:Signatures>'
        ),
        "Doc_0/Signs/Sign_0/Signature.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Signature {NS}><ofd:SignedInfo>'
            '<ofd:StampAnnot ID="1" PageRef="10" Boundary="130 150 42 42"/>'
            "</ofd:SignedInfo><ofd:SignedValue>SignedValue.dat</ofd:SignedValue></ofd:Signature>"
        ),
        "Doc_0/Signs/Sign_0/SignedValue.dat": bytes(range(256)) * 4,
        "Doc_0/Signs/Sign_0/Seal.esl": bytes(reversed(range(256))) * 4,
    }
    for k, page in enumerate(pages):
        parts[f"Doc_0/Pages/Page_{k}/Content.xml"] = page.content()
    if media:
        parts["Doc_0/DocumentRes.xml"] = media_resources(media)
        for name, image in media.items():
            parts[f"Doc_0/Res/{name}"] = image
    if encrypted:
        parts["Encryptions.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Encryptions {NS}>'
            '<ofd:Encryption ID="1"><ofd:EncryptEntries/></ofd:Encryption></ofd:Encryptions>'
        )
        parts["entriesmap.dat"] = bytes(64)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, content in parts.items():
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED if name == "OFD.xml" else zipfile.ZIP_DEFLATED
            archive.writestr(info, content.encode("utf-8") if isinstance(content, str) else content)
    return out.getvalue()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    pages = notice_pages()
    (OUT / "notice.ofd").write_bytes(package(pages))
    (OUT / "encrypted.ofd").write_bytes(package(pages, encrypted=True))
    print(f"wrote {OUT / 'notice.ofd'} and {OUT / 'encrypted.ofd'}")


if __name__ == "__main__":
    main()
