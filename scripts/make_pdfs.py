"""Writes the PDF renditions of the corpus and the PDF reader's edge-case fixtures.

    python scripts/make_pdfs.py              # renditions and edge fixtures
    python scripts/make_pdfs.py --edge       # only the edge fixtures

Renditions: every tests/fixtures/renditions/*.docx (written by make_renditions.py) is printed to
PDF with LibreOffice, next to it, so the tests need no LibreOffice.

Edge fixtures, in tests/fixtures/edge/:
    split-table.pdf     a ruled table running over a page break, with a repeated header row, a
                        vertically merged category column, a row cut by the break, a running
                        header and a "第 N 页 共 M 页" footer
    scanned.pdf         page 1 of split-table.pdf as an image only: no text layer
    encrypted.pdf       split-table.pdf behind a user password
    owner-locked.pdf    split-table.pdf with only an owner password: opens without one
    broken-xref.pdf     split-table.pdf with a garbled cross-reference table and startxref
    truncated.pdf       the first half of split-table.pdf
    not-a-pdf.pdf       a PDF header followed by plain text

Making them needs Debian packages the library itself never needs: libreoffice-writer-nogui
(soffice), fonts-noto-cjk (or another CJK font LibreOffice can substitute), poppler-utils
(pdftoppm) and qpdf. PDF dates and document ids are pinned so re-running leaves git clean for
an unchanged LibreOffice.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import io
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import docx
import pdfplumber
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
RENDITIONS = ROOT / "tests" / "fixtures" / "renditions"
EDGE = ROOT / "tests" / "fixtures" / "edge"

CJK_FONT = "Noto Serif CJK SC"
FIXED_TIME = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)

# The split-table document. The tests read these to know what the PDF must give back.
SPLIT_RUNNING_HEADER = "开州区妇女儿童工作委员会办公室"
SPLIT_TITLE = "开州区儿童发展主要指标监测表"
SPLIT_INTRO = (
    "为做好儿童发展规划实施情况的监测评估工作，现将本年度儿童发展主要指标的监测结果汇总如下。"
    "各责任单位要对照目标值查找差距，分析原因，研究提出改进措施，并于每年一月底前报送上一年度指标数据。"
)
SPLIT_CAPTION = "附件1 儿童发展主要指标"
SPLIT_HEADER = ["序号", "领域", "指标名称", "目标值", "责任单位"]
SPLIT_GROUPS = [
    (
        "健康",
        [
            ("婴儿死亡率", "＜5‰", "区卫生健康委"),
            ("5岁以下儿童死亡率", "＜6‰", "区卫生健康委"),
            (
                "适龄儿童国家免疫规划疫苗接种率以乡镇（街道）为单位保持在较高水平并逐年提高",
                "＞95%",
                "区卫健委\n区疾控中心",
            ),
            ("0—6个月婴儿纯母乳喂养率", "＞50%", "区卫生健康委"),
            (
                "儿童青少年总体近视率力争每年降低0.5个百分点以上，新发近视率明显下降",
                "逐年降低",
                "区教委\n区卫生健康委",
            ),
        ],
    ),
    (
        "安全",
        [
            ("儿童伤害死亡率", "以2020年为基数下降20%", "区卫生健康委"),
            ("儿童溺水死亡率", "持续下降", "区教委\n区应急局"),
            ("儿童乘坐机动车安全座椅使用率", "提高", "区公安局"),
        ],
    ),
    (
        "教育",
        [
            ("学前教育毛入园率", "＞95%", "区教委"),
            (
                "普惠性幼儿园覆盖率（公办幼儿园和普惠性民办幼儿园在园幼儿数占在园幼儿总数的比例）",
                "＞90%",
                "区教委",
            ),
            ("九年义务教育巩固率", "＞97%", "区教委"),
            ("高中阶段教育毛入学率", "＞95%", "区教委"),
            (
                "适龄残疾儿童少年义务教育入学率达到较高水平，建立健全残疾儿童少年送教上门服务长效工作机制",
                "＞97%",
                "区教委\n区残联",
            ),
        ],
    ),
    (
        "福利",
        [
            ("孤儿、事实无人抚养儿童基本生活保障平均标准（元/人·月）", "稳步提高", "区民政局"),
            (
                "每个乡镇（街道）至少设立1名儿童督导员，每个村（居）至少设立1名儿童主任",
                "100%",
                "区民政局",
            ),
            ("残疾儿童康复救助覆盖率", "＞90%", "区残联"),
        ],
    ),
    (
        "家庭",
        [
            ("家庭教育指导服务站点覆盖率", "城市＞90%，农村＞80%", "区妇联\n区教委"),
            ("儿童之家覆盖率", "城乡社区全覆盖", "区妇联"),
            ("开展家庭教育指导服务的中小学校和幼儿园比例", "100%", "区教委"),
        ],
    ),
    (
        "环境",
        [
            ("儿童友好社区建设比例", "逐年提高", "区住房城乡建委"),
            ("公共场所母婴设施配置率", "＞80%", "区卫生健康委"),
            (
                "每万名儿童拥有的儿童活动场所面积达到国家和市级规定的建设标准，城乡布局更加均衡",
                "达到标准",
                "区文旅委\n区住建委",
            ),
        ],
    ),
]
SPLIT_AFTER = (
    "说明：“目标值”一栏中的比例均为该指标在规划期末应达到的数值，年度监测结果由区统计局汇总。"
)


def split_table_rows() -> list[list[str]]:
    """The table as a Word text dump gives it: an empty cell under each merged category."""
    rows = [list(SPLIT_HEADER)]
    number = 0
    for category, indicators in SPLIT_GROUPS:
        for i, (name, target, units) in enumerate(indicators):
            number += 1
            rows.append([str(number), category if i == 0 else "", name, target, units])
    return rows


# ---------------------------------------------------------------- LibreOffice


def to_pdf(sources: list[Path]) -> dict[Path, bytes]:
    """PDF bytes for each DOCX, printed by LibreOffice with a private profile (so a LibreOffice
    another process is running cannot swallow the job)."""
    with tempfile.TemporaryDirectory() as work:
        profile = Path(work, "profile").as_uri()
        out = Path(work, "out")
        command = [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
        ]
        subprocess.run([*command, *map(str, sources)], check=True, capture_output=True, timeout=600)
        results = {}
        for source in sources:
            pdf = out / f"{source.stem}.pdf"
            if not pdf.exists():
                raise SystemExit(f"LibreOffice did not convert {source}")
            results[source] = pin(pdf.read_bytes(), source.stem)
        return results


def pin(pdf: bytes, seed: str) -> bytes:
    """The PDF with its creation date, document id and checksum fixed (same lengths, so the
    cross-reference offsets stay right)."""
    digest = hashlib.md5(seed.encode()).hexdigest().upper().encode()
    date = b"2024010100000000000000"
    pdf = re.sub(
        rb"(/CreationDate\(D:)([^)]*)\)", lambda m: m.group(1) + date[: len(m.group(2))] + b")", pdf
    )
    pdf = re.sub(
        rb"(/ID \[ <)[0-9A-F]{32}(>\s*<)[0-9A-F]{32}>",
        lambda m: m.group(1) + digest + m.group(2) + digest + b">",
        pdf,
    )
    return re.sub(rb"/DocChecksum /[0-9A-F]{32}", b"/DocChecksum /" + digest, pdf)


def require_cjk_text(pdf: bytes, what: str) -> None:
    """Stop when the PDF lost its Chinese text (no CJK font installed for LibreOffice)."""
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        text = document.pages[0].extract_text() or ""
    if not re.search(r"[\u4e00-\u9fff]", text):
        raise SystemExit(f"{what}: no Chinese text in the PDF; install fonts-noto-cjk")


def write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.read_bytes() == data:
        return
    path.write_bytes(data)
    print(f"wrote {path.relative_to(ROOT)}")


# ---------------------------------------------------------------- the split-table document


def _field(paragraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) in the paragraph."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, code), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.text = f" {text} "
        run._r.append(element)


def split_table_docx() -> bytes:
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = CJK_FONT
    normal.font.size = Pt(12)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), CJK_FONT)
    props = document.core_properties
    props.author = props.last_modified_by = "govdocparse fixtures"
    props.created = props.modified = props.last_printed = FIXED_TIME
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.header.paragraphs[0].text = SPLIT_RUNNING_HEADER
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("第 ")
    _field(footer, "PAGE")
    footer.add_run(" 页 共 ")
    _field(footer, "NUMPAGES")
    footer.add_run(" 页")

    document.add_paragraph(SPLIT_TITLE).alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph(SPLIT_INTRO)
    document.add_paragraph(SPLIT_CAPTION)
    rows = split_table_rows()
    table = document.add_table(rows=len(rows), cols=len(SPLIT_HEADER))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        cells = table.rows[r].cells
        for c, text in enumerate(row):
            lines = text.split("\n")
            cells[c].paragraphs[0].text = lines[0]
            for line in lines[1:]:
                cells[c].add_paragraph(line)
    header = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header.append(repeat)
    first = 1
    for _category, indicators in SPLIT_GROUPS:
        table.cell(first, 1).merge(table.cell(first + len(indicators) - 1, 1))
        first += len(indicators)
    document.add_paragraph(SPLIT_AFTER)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# ---------------------------------------------------------------- damaged and odd PDFs


def scanned(pdf_path: Path) -> bytes:
    """Page 1 of the PDF as a grey image wrapped in a PDF with no text layer."""
    with tempfile.TemporaryDirectory() as work:
        stem = Path(work, "page")
        command = [
            "pdftoppm",
            "-r",
            "50",
            "-gray",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(pdf_path),
            str(stem),
        ]
        subprocess.run(command, check=True)
        image = Image.open(f"{stem}.png")
        out = io.BytesIO()
        stamp = FIXED_TIME.utctimetuple()
        image.save(out, "PDF", resolution=50.0, creationDate=stamp, modDate=stamp)
        return out.getvalue()


def encrypted(pdf_path: Path, user: str, owner: str) -> bytes:
    """The PDF encrypted with AES-128; qpdf's fixed id and IV keep the bytes reproducible."""
    with tempfile.TemporaryDirectory() as work:
        target = Path(work, "out.pdf")
        options = [
            "--static-id",
            "--static-aes-iv",
            "--encrypt",
            user,
            owner,
            "128",
            "--use-aes=y",
            "--",
        ]
        subprocess.run(["qpdf", *options, str(pdf_path), str(target)], check=True)
        return target.read_bytes()


def broken_xref(pdf: bytes) -> bytes:
    """The PDF with its cross-reference table overwritten and startxref pointing past the end."""
    start = pdf.rindex(b"\nxref\n") + 1
    end = pdf.rindex(b"trailer")
    garbled = re.sub(rb"\d", b"9", pdf[start + 5 : end])
    tail = pdf[end:]
    tail = re.sub(
        rb"startxref\s+\d+", lambda m: b"startxref\n" + b"9" * (len(m.group(0)) - 10), tail
    )
    return pdf[: start + 5] + garbled + tail


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edge", action="store_true", help="write only the edge fixtures")
    args = parser.parse_args(argv)
    if not args.edge:
        sources = sorted(RENDITIONS.glob("*.docx"))
        if not sources:
            raise SystemExit("no DOCX renditions: run scripts/make_renditions.py first")
        for source, pdf in to_pdf(sources).items():
            require_cjk_text(pdf, source.name)
            write(source.with_suffix(".pdf"), pdf)

    with tempfile.TemporaryDirectory() as work:
        source = Path(work, "split-table.docx")
        source.write_bytes(split_table_docx())
        split = to_pdf([source])[source]
        require_cjk_text(split, source.name)
        write(EDGE / "split-table.pdf", split)
        base = EDGE / "split-table.pdf"
        write(EDGE / "scanned.pdf", scanned(base))
        write(EDGE / "encrypted.pdf", encrypted(base, "user-secret", "owner-secret"))
        write(EDGE / "owner-locked.pdf", encrypted(base, "", "owner-secret"))
        write(EDGE / "broken-xref.pdf", broken_xref(split))
        write(EDGE / "truncated.pdf", split[: len(split) // 2])
        write(
            EDGE / "not-a-pdf.pdf",
            b"%PDF-1.4\nThis is a note saved under a .pdf name, not a PDF document.\n",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
