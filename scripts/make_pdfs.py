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
    frames.pdf          a red-header notice with a page border on every page, a red rule under
                        the issuer mark, white fills behind every paragraph, one real table and
                        a sentence the renderer wraps right before "3.0‰"
    radicals.pdf        text with Kangxi radicals and CJK compatibility ideographs (⽅ ⼯ 﨑), as
                        a browser's print to PDF carries them
    scanned-watermark.pdf  frames.pdf as page images whose only text is a scanner app's
                        watermark line on each page (written directly, Song font not embedded)
    gazette.pdf         a 政府公报 issue's pages: a running head and page numbers, a full-width
                        title and 文号, the body in two justified columns, a full-width annex
                        title and table between two-column parts
    brochure.pdf        a 办事指南 page: a full-width title, a narrow and a wide justified column
                        (the gutter off the page's middle), a closing line in one column
    newsletter.pdf      a 工作简报 page: a full-width masthead, the body in three justified
                        columns, a closing date line in one column
    borderless.pdf      a plan's 主要指标 table with its borders switched off, one name wrapped
                        over two lines, amid prose paragraphs
    borderless-split.pdf  the same table after more paragraphs, cut by the page break, the
                        pages numbered in the footer

Making them needs Debian packages the library itself never needs: libreoffice-writer-nogui
(soffice), fonts-noto-cjk (or another CJK font LibreOffice can substitute), poppler-utils
(pdftoppm) and qpdf; and Pillow, which the `ocr` extra brings. PDF dates and document ids are
pinned so re-running leaves git clean for an unchanged LibreOffice.
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
import pypdfium2
from docx.enum.section import WD_SECTION
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
    """PDF bytes for each DOCX, printed by LibreOffice, with dates and ids pinned."""
    return {source: pin(pdf, source.stem) for source, pdf in convert(sources, "pdf").items()}


def convert(sources: list[Path], target: str, suffix: str | None = None) -> dict[Path, bytes]:
    """The bytes LibreOffice writes for each source converted to `target` (a --convert-to
    argument: pdf, doc:"MS Word 97"), run with a private profile (so a LibreOffice another
    process is running cannot swallow the job)."""
    suffix = suffix or target.split(":")[0]
    with tempfile.TemporaryDirectory() as work:
        profile = Path(work, "profile").as_uri()
        out = Path(work, "out")
        command = [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(out),
        ]
        subprocess.run([*command, *map(str, sources)], check=True, capture_output=True, timeout=600)
        results = {}
        for source in sources:
            converted = out / f"{source.stem}.{suffix}"
            if not converted.exists():
                raise SystemExit(f"LibreOffice did not convert {source}")
            results[source] = converted.read_bytes()
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
    document = pypdfium2.PdfDocument(pdf)
    text = document[0].get_textpage().get_text_range()
    document.close()
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


_FIELDS = frozenset({"PAGE", "NUMPAGES"})


def _page_footer(section, *parts: str) -> None:
    """A centred footer of text and page fields: _page_footer(section, "第 ", "PAGE", " 页")."""
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for part in parts:
        if part in _FIELDS:
            _field(footer, part)
        else:
            footer.add_run(part)


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
    _page_footer(section, "第 ", "PAGE", " 页 共 ", "NUMPAGES", " 页")

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


# ---------------------------------------------------------------- frames, wraps, radicals

# A red-header notice laid out the way office suites export such files: a page border on every
# page, a red rule under the issuer mark, every paragraph on a white fill, one real table.
FRAMES_MARK = "云岭市人民政府办公室文件"
FRAMES_TITLE = "云岭市人民政府办公室关于印发云岭市儿童发展规划（2021—2030年）的通知"
FRAMES_NUMBER = "云府办发〔2021〕12号"
FRAMES_BODY = [
    "各县（市、区）人民政府，市政府各部门：",
    "《云岭市儿童发展规划（2021—2030年）》已经市人民政府同意，现印发给你们，请认真贯彻执行。",
    "一、总体目标",
    "到2030年，儿童优先原则全面贯彻，儿童健康、教育、福利、家庭、环境、法律保护等领域的制度体系更加完善，"
    "儿童发展的环境更加友好，城乡、区域、群体之间儿童发展的差距明显缩小。",
    "二、主要指标",
    "（一）儿童与健康。",
    # The renderer wraps this sentence right before "3.0‰": the line below must join it.
    "1.覆盖城乡的儿童健康服务体系更加完善，儿童医疗保健服务能力明显增强，新生儿、婴儿和5岁以下儿童死亡率分别降至"
    "3.0‰、4.0‰和6.0‰以下，地区和城乡差距逐步缩小。",
    "2.儿童出生缺陷防治体系进一步完善，出生缺陷导致的婴幼儿死亡率和残疾率持续降低。",
    "（二）儿童与教育。",
    "学前教育毛入园率达到95%以上，九年义务教育巩固率保持在97%以上，高中阶段教育毛入学率达到95%以上。",
    "三、保障措施",
    "各县（市、区）要把儿童发展主要目标纳入经济社会发展规划，定期分析儿童发展状况，"
    "研究解决儿童工作中的重点难点问题，所需经费纳入财政预算。"
    "市妇儿工委办公室负责组织开展监测评估工作，每年向市妇儿工委报告规划实施情况。",
]
FRAMES_TABLE = [
    ["指标", "2020年", "2030年目标"],
    ["婴儿死亡率（‰）", "4.8", "＜4.0"],
    ["学前教育毛入园率（%）", "90", "＞95"],
]
FRAMES_AFTER = "云岭市人民政府办公室"

# Text as a browser prints it to PDF: Kangxi radicals and compatibility ideographs where the
# author typed the unified characters (⽅ for 方, ⼯ for 工, 﨑 for 崎 ...).
RADICALS_TEXT = [
    "青岚县儿童友好城市建设实施⽅案",
    "⼀、⼯作⽬标",
    "到2025年，全县⼉童友好⼯作机制基本建⽴，學校周边交通安全设施覆盖率达到100%。",
    "责任单位：县教育局、县公安局、県交通运输局、神﨑街道办事处",
]


def _white_fill(paragraph) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), "FFFFFF")
    paragraph._p.get_or_add_pPr().append(shading)


def _border(parent, tag: str, sides: list[str], size: int, color: str, space: int = 4):
    border = OxmlElement(tag)
    for side in sides:
        line = OxmlElement(f"w:{side}")
        line.set(qn("w:val"), "single")
        line.set(qn("w:sz"), str(size))
        line.set(qn("w:space"), str(space))
        line.set(qn("w:color"), color)
        border.append(line)
    parent.append(border)
    return border


def _gov_document(size: float = 16) -> docx.document.Document:
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = CJK_FONT
    normal.font.size = Pt(size)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), CJK_FONT)
    props = document.core_properties
    props.author = props.last_modified_by = "govdocparse fixtures"
    props.created = props.modified = props.last_printed = FIXED_TIME
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    return document


def _save(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def frames_docx() -> bytes:
    document = _gov_document()
    borders = _border(
        document.sections[0]._sectPr, "w:pgBorders", ["top", "left", "bottom", "right"], 8, "000000"
    )
    borders.set(qn("w:offsetFrom"), "text")
    mark = document.add_paragraph()
    mark.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = mark.add_run(FRAMES_MARK)
    run.font.size = Pt(26)
    run.font.color.rgb = docx.shared.RGBColor(0xE0, 0, 0)
    _border(mark._p.get_or_add_pPr(), "w:pBdr", ["bottom"], 24, "FF0000", space=12)
    number = document.add_paragraph(FRAMES_NUMBER)
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title = document.add_paragraph(FRAMES_TITLE)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text in FRAMES_BODY:
        paragraph = document.add_paragraph(text)
        _white_fill(paragraph)
    table = document.add_table(rows=len(FRAMES_TABLE), cols=len(FRAMES_TABLE[0]))
    table.style = "Table Grid"
    for r, row in enumerate(FRAMES_TABLE):
        for c, text in enumerate(row):
            table.rows[r].cells[c].paragraphs[0].text = text
    after = document.add_paragraph(FRAMES_AFTER)
    after.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for paragraph in document.paragraphs:
        paragraph.paragraph_format.first_line_indent = None
    return _save(document)


def radicals_docx() -> bytes:
    document = _gov_document(size=14)
    for text in RADICALS_TEXT:
        document.add_paragraph(text)
    return _save(document)


# ---------------------------------------------------------------- a gazette set in two columns

# A 政府公报 prints each document it carries in two justified columns under a full-width running
# head and title (溪源市 is an invented city). The reader must give the body column by column.
GAZETTE_HEAD = "溪源市人民政府公报  2023年第5期"
GAZETTE_TITLE = "溪源市人民政府办公室关于印发溪源市儿童发展规划实施方案的通知"
GAZETTE_NUMBER = "溪府办发〔2023〕21号"
GAZETTE_BODY = [
    "各区县人民政府，市政府各部门，有关单位：",
    "《溪源市儿童发展规划实施方案》已经市人民政府同意，现印发给你们，请结合本地本部门实际，"
    "认真组织实施，并于每年十二月底前将落实情况报送市妇女儿童工作委员会办公室。",
    "一、总体要求",
    "（一）指导思想。",
    "坚持儿童优先发展，把儿童发展纳入全市经济社会发展总体布局，统筹推进儿童健康、教育、福利、"
    "家庭、环境和法律保护各领域工作，着力解决儿童发展中不平衡不充分的问题，不断提升儿童的获得感、"
    "幸福感和安全感，为全市高质量发展打下坚实的人口基础。",
    "（二）基本原则。",
    "坚持党的全面领导，坚持以儿童为本，坚持统筹协调推进，坚持问题导向和目标导向相结合，"
    "坚持政府主导、部门协同、社会参与，形成全社会共同关心儿童成长的良好局面。",
    "二、主要目标",
    "到2025年，全市儿童发展的制度保障更加有力，城乡之间、区县之间儿童发展的差距进一步缩小。"
    "婴儿死亡率控制在5‰以下，5岁以下儿童死亡率控制在6.5‰以下；适龄儿童免疫规划疫苗接种率"
    "达到95%以上；学前教育毛入园率达到92%以上，九年义务教育巩固率达到96%以上；"
    "城乡社区儿童之家覆盖率达到95%以上。",
    "到2030年，儿童优先原则在全市全面贯彻，儿童友好的社会环境基本形成，"
    "高中阶段教育毛入学率达到95%以上，残疾儿童康复救助覆盖率达到90%以上。",
    "三、重点任务",
    "（一）完善儿童健康服务体系。",
    "加强市、区县、乡镇三级儿童保健服务网络建设，每个区县至少设置一所达到标准的妇幼保健机构，"
    "推进儿童医疗卫生服务均等化，做好新生儿疾病筛查和儿童健康管理工作，"
    "加强儿童心理健康服务和近视防控。责任单位：市卫生健康委、市教育局。",
    "（二）促进儿童教育优质均衡发展。",
    "持续扩大普惠性学前教育资源供给，推进义务教育学校标准化建设，加强乡村小规模学校和乡镇寄宿制"
    "学校建设，保障随迁子女、留守儿童和困境儿童平等接受教育的权利，"
    "全面落实课后服务制度。责任单位：市教育局、市财政局。",
    "（三）健全儿童福利保障制度。",
    "提高孤儿和事实无人抚养儿童的基本生活保障水平，建立健全困境儿童分类保障制度，"
    "每个乡镇（街道）配备儿童督导员，每个村（居）配备儿童主任，做好农村留守儿童关爱服务。"
    "责任单位：市民政局、市残联。",
    "（四）建设儿童友好的城乡环境。",
    "在城市更新和乡村建设中充分考虑儿童需求，推进儿童友好街区、儿童友好学校和儿童友好医院建设，"
    "加快建设公共场所母婴设施，到2025年公共场所母婴设施配置率达到80%以上，"
    "每个区县至少建成一处儿童友好公园。责任单位：市住房城乡建设局、市自然资源局。",
    "（五）加强家庭教育指导服务。",
    "构建覆盖城乡的家庭教育指导服务体系，依托学校、社区和儿童之家开展家庭教育指导，"
    "城市社区家庭教育指导服务站点覆盖率达到90%以上，农村达到80%以上。"
    "责任单位：市妇联、市教育局。",
]
GAZETTE_ANNEX_TITLE = "附件：溪源市儿童发展主要指标（2025年）"
GAZETTE_TABLE = [
    ["指标", "目标值", "责任单位"],
    ["婴儿死亡率", "＜5‰", "市卫生健康委"],
    ["学前教育毛入园率", "＞92%", "市教育局"],
    ["城乡社区儿童之家覆盖率", "＞95%", "市妇联"],
]
GAZETTE_AFTER = [
    "四、保障措施",
    "（一）加强组织领导。",
    "各区县人民政府要把实施方案的落实纳入重要议事日程，建立由政府主要负责同志牵头的工作机制，"
    "明确分工，压实责任，确保各项目标任务按期完成。",
    "（二）强化经费保障。",
    "各级财政要将儿童发展所需经费纳入预算，加大对农村地区、欠发达地区和困境儿童的投入力度，"
    "提高资金使用效益。",
    "（三）开展监测评估。",
    "市妇女儿童工作委员会办公室负责组织开展年度监测和中期评估，及时通报实施情况，"
    "对工作滞后的地区和部门进行督促指导。",
]
# After the last two-column part, in one column: a signature block and its date at the right.
GAZETTE_SIGNATURE = ["溪源市人民政府办公室", "2023年5月10日"]


def _columns(section, number: int) -> None:
    """Set the section's text in `number` columns with a gutter of two characters."""
    cols = section._sectPr.find(qn("w:cols"))
    if cols is None:
        cols = OxmlElement("w:cols")
        section._sectPr.append(cols)
    cols.set(qn("w:num"), str(number))
    cols.set(qn("w:space"), "420")


def gazette_docx() -> bytes:
    document = _gov_document(size=12)
    first = document.sections[0]
    first.left_margin = first.right_margin = Mm(25)
    first.top_margin = first.bottom_margin = Mm(30)
    first.header.paragraphs[0].text = GAZETTE_HEAD
    _page_footer(first, "— ", "PAGE", " —")

    def centred(text: str, size: float) -> None:
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(text).font.size = Pt(size)

    def body(texts: list[str]) -> None:
        for text in texts:
            paragraph = document.add_paragraph(text)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            paragraph.paragraph_format.first_line_indent = Pt(24)
            paragraph.paragraph_format.space_after = Pt(0)

    centred(GAZETTE_TITLE, 16)
    centred(GAZETTE_NUMBER, 12)
    # Each continuous section break closes the part above it: the title part in one column,
    # the body in two, the annex title and table in one, the rest in two, the signature in one.
    document.add_section(WD_SECTION.CONTINUOUS)
    body(GAZETTE_BODY)
    document.add_section(WD_SECTION.CONTINUOUS)
    centred(GAZETTE_ANNEX_TITLE, 12)
    table = document.add_table(rows=len(GAZETTE_TABLE), cols=len(GAZETTE_TABLE[0]))
    table.style = "Table Grid"
    for r, row in enumerate(GAZETTE_TABLE):
        for c, text in enumerate(row):
            table.rows[r].cells[c].paragraphs[0].text = text
    document.add_section(WD_SECTION.CONTINUOUS)
    body(GAZETTE_AFTER)
    # a closing one-column part makes the word processor balance the columns above it
    document.add_section(WD_SECTION.CONTINUOUS)
    for text in GAZETTE_SIGNATURE:
        document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for section, number in zip(document.sections, (1, 2, 1, 2, 1), strict=True):
        _columns(section, number)
    return _save(document)


# ------------------------------------------------- a service guide in a narrow and a wide column

# A 办事指南 (service guide) or brochure sets a narrow column beside a wide one, so the gutter
# stands off the page's middle (云岭市 is an invented city).
BROCHURE_TITLE = "云岭市新生儿出生“一件事”联办服务指南"
BROCHURE_BODY = [
    "一、适用对象",
    "在本市医疗机构出生、父母一方户籍在本市的新生儿，由其父母或者监护人申请办理。",
    "二、办理事项",
    "出生医学证明、预防接种证、户口登记、医保参保登记、社会保障卡申领，五个事项一次申请、"
    "一窗受理、一网通办。",
    "三、申请材料",
    "父母双方居民身份证、户口簿、结婚证，新生儿出生医学证明；委托他人办理的，"
    "另需提交授权委托书和受托人身份证件。材料齐全、符合法定形式的，当场受理。",
    "四、办理流程",
    "（一）线上办理。申请人登录云岭市政务服务网或者“云岭办事”移动端，进入新生儿出生"
    "“一件事”专区，按提示填写信息、上传材料，系统自动将申请分送公安、卫生健康、医疗保障、"
    "人力资源社会保障等部门并行办理，办理结果通过短信告知申请人。",
    "（二）线下办理。申请人可到新生儿出生医院设立的便民服务点，或者户籍所在地乡镇（街道）"
    "便民服务中心综合受理窗口提交申请，窗口工作人员一次收取材料，内部流转办理，"
    "申请人无需往返多个部门。证件可选择窗口领取或者免费邮寄送达。",
    "五、办理时限",
    "材料齐全的，自受理之日起五个工作日内办结；需要核实情况的，经负责人批准可延长三个工作日，"
    "并告知申请人延长理由。",
    "六、收费标准",
    "以上事项均不收取费用，首次申领社会保障卡免收工本费。",
]
BROCHURE_CLOSING = "咨询电话：0000-12345678（工作日上午9:00—12:00，下午14:00—17:30）"


def _unequal_columns(section, widths: tuple[int, int], space: int) -> None:
    """Set the section in two columns of `widths` (twips) with a gutter of `space` twips."""
    cols = OxmlElement("w:cols")
    cols.set(qn("w:num"), "2")
    cols.set(qn("w:space"), str(space))
    cols.set(qn("w:equalWidth"), "0")
    for k, width in enumerate(widths):
        col = OxmlElement("w:col")
        col.set(qn("w:w"), str(width))
        if k == 0:
            col.set(qn("w:space"), str(space))
        cols.append(col)
    section._sectPr.append(cols)


def _column_page(
    title: str,
    title_size: float,
    body: list[str],
    margin: float,
    indent: float | None = None,
) -> docx.document.Document:
    """A full-width title, then a continuous section of body paragraphs (its columns set by the
    caller on `sections[1]`), then a one-column closing section, which makes the word processor
    balance the columns above it; the caller adds the closing line."""
    document = _gov_document(size=12)
    first = document.sections[0]
    first.left_margin = first.right_margin = Mm(margin)
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    heading.add_run(title).font.size = Pt(title_size)
    document.add_section(WD_SECTION.CONTINUOUS)
    for text in body:
        paragraph = document.add_paragraph(text)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if indent is not None:
            paragraph.paragraph_format.first_line_indent = Pt(indent)
        paragraph.paragraph_format.space_after = Pt(0)
    document.add_section(WD_SECTION.CONTINUOUS)
    return document


def brochure_docx() -> bytes:
    document = _column_page(BROCHURE_TITLE, 16, BROCHURE_BODY, margin=25)
    document.add_paragraph(BROCHURE_CLOSING)
    # 160 mm of text: a column of 48 mm and one of 104 mm, 8 mm apart (twips)
    _unequal_columns(document.sections[1], (2721, 5896), 454)
    return _save(document)


# ------------------------------------------------------------------ a bulletin in three columns

# A 工作简报 or a newspaper page sets its text in three columns under a full-width masthead
# (芦湾县 is an invented county).
NEWSLETTER_TITLE = "芦湾县妇女儿童工作简报（第3期）"
NEWSLETTER_BODY = [
    "一、儿童之家建设提速",
    "今年以来，县妇儿工委办公室会同民政、教育等部门，在全县十二个乡镇推进儿童之家规范化建设，"
    "新建村级儿童之家二十六个，改造提升十四个，配齐图书、玩具和安全防护设施，"
    "每个儿童之家明确一名专兼职管理人员，周末和寒暑假固定开放。",
    "二、母婴设施覆盖面扩大",
    "县卫生健康局牵头，对车站、商场、医院和政务服务中心等公共场所开展摸底，"
    "新增独立母婴室九处，在三处旅游景区设置移动母婴室，公共场所母婴设施配置率"
    "较去年同期提高十个百分点。",
    "三、困境儿童关爱持续加强",
    "各乡镇儿童督导员逐户走访留守儿童和困境儿童家庭，建立一人一档，"
    "对监护缺失的儿童落实委托照护，协调学校安排结对教师，全年组织心理辅导和"
    "安全教育活动四十余场，受益儿童一千二百余人次。",
    "四、下一步工作打算",
    "下半年，县妇儿工委将开展儿童发展规划中期评估，逐项对照指标查找差距，"
    "督促责任单位补齐短板，并组织儿童友好社区创建经验交流，推动各项任务按期完成。",
]
NEWSLETTER_CLOSING = "芦湾县妇女儿童工作委员会办公室　2024年7月15日"


def newsletter_docx() -> bytes:
    document = _column_page(NEWSLETTER_TITLE, 18, NEWSLETTER_BODY, margin=20, indent=24)
    document.add_paragraph(NEWSLETTER_CLOSING).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for section, number in zip(document.sections, (1, 3, 1), strict=True):
        _columns(section, number)
    return _save(document)


# ---------------------------------------------------------------- a table without ruling lines

# Word and WPS users switch a table's borders off: each row is a line of cells set apart by
# blanks, the columns aligned from row to row (云岭市 is an invented city).
BORDERLESS_TITLE = "云岭市“十四五”儿童发展规划"
BORDERLESS_BEFORE = [
    "二、主要目标",
    "到2025年，全市儿童健康、教育、福利和成长环境全面改善，儿童发展主要指标如下表所示。",
]
BORDERLESS_HEADER = ["指标名称", "单位", "2020年", "2025年", "属性"]
BORDERLESS_ROWS = [
    ["婴儿死亡率", "‰", "4.6", "4.0", "预期性"],
    ["学前三年毛入园率", "%", "88", "95", "预期性"],
    ["九年义务教育巩固率", "%", "95.2", "97", "约束性"],
    ["城乡社区儿童之家覆盖率（含村级服务站点）", "%", "90", "98", "预期性"],
    ["每千人口婴幼儿托位数", "个", "1.8", "4.5", "预期性"],
    ["儿童友好公园", "个", "2", "10", "预期性"],
]
BORDERLESS_AFTER = [
    "三、主要任务",
    "各区县要结合实际制定年度工作计划，明确责任单位和完成时限，确保各项指标如期实现。",
]


def _no_borders(table) -> None:
    """Switch every border of the table off, as a user does in Word's 边框 menu."""
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), "nil")
        borders.append(edge)
    table._tbl.tblPr.append(borders)


# Paragraphs that push the same table to the foot of a page, where the break cuts it: its
# header and first rows on page 1, the other rows at the head of page 2, under a page number.
BORDERLESS_FILLER = [
    f"（{number}）{text}"
    for number, text in zip(
        "一二三四五六七八",
        [
            "坚持儿童优先，在制定政策、编制规划、安排资金时优先考虑儿童的利益和需求。",
            "坚持依法保护，落实儿童权利保障的法律制度，依法保障儿童的生存和发展权利。",
            "坚持全面发展，尊重儿童身心发展规律，促进儿童在德智体美劳各方面全面发展。",
            "坚持统筹兼顾，缩小城乡、区域和群体之间儿童发展的差距，推动公共服务均等化。",
            "坚持共建共享，动员社会各方力量参与儿童工作，形成关爱儿童成长的良好氛围。",
            "坚持问题导向，聚焦儿童成长中面临的突出问题和薄弱环节，补齐短板提升质量。",
            "坚持改革创新，完善儿童工作的体制机制，提高儿童事业发展的整体水平和效率。",
            "坚持开放合作，学习借鉴先进地区儿童工作的有益经验，提升工作的专业化水平。",
        ],
        strict=True,
    )
]


def borderless_docx(filler: list[str] | None = None) -> bytes:
    """The borderless table between prose; with `filler` paragraphs before it, over a page
    break, the pages numbered in the footer."""
    document = _gov_document(size=14)
    if filler:
        _page_footer(document.sections[0], "— ", "PAGE", " —")
    title = document.add_paragraph(BORDERLESS_TITLE)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for text in filler or []:
        document.add_paragraph(text)
    for text in BORDERLESS_BEFORE:
        document.add_paragraph(text)
    rows = [BORDERLESS_HEADER, *BORDERLESS_ROWS]
    table = document.add_table(rows=len(rows), cols=len(BORDERLESS_HEADER))
    _no_borders(table)
    table.autofit = False
    widths = [Mm(64), Mm(16), Mm(22), Mm(22), Mm(22)]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = table.rows[r].cells[c]
            cell.width = widths[c]
            cell.paragraphs[0].add_run(text).font.size = Pt(12)
    for text in BORDERLESS_AFTER:
        document.add_paragraph(text)
    return _save(document)


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


SCANNER_WATERMARK = "扫描全能王 创建"


def scanned_with_watermark(pdf: bytes, dpi: int = 150) -> bytes:
    """Every page of the PDF as a grey JPEG, with the one line of real text a scanner app
    stamps on each page it makes (in the standard Song font, not embedded: no font file)."""
    document = pypdfium2.PdfDocument(pdf)
    pages = []
    for index in range(len(document)):
        page = document[index]
        width, height = page.get_size()
        image = page.render(scale=dpi / 72, grayscale=True).to_pil()
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=80)
        pages.append((width, height, image.size, buffer.getvalue()))
    document.close()
    words = SCANNER_WATERMARK.encode("utf-16-be").hex().upper().encode()
    objects: list[bytes] = [b"", b""]  # catalog and page tree, filled in below
    font = len(objects) + 1
    objects.append(
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H "
        b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> "
        b"/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
        b"/FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 "
        b"/CapHeight 880 /StemV 80 >> /DW 1000 >>] >>"
    )
    kids = []
    for width, height, (pixels_x, pixels_y), jpeg in pages:
        image = len(objects) + 1
        objects.append(
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
            b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n%s\nendstream"
            % (pixels_x, pixels_y, len(jpeg), jpeg)
        )
        draw = b"q %.2f 0 0 %.2f 0 0 cm /Im1 Do Q BT /F1 9 Tf %.2f 20 Td <%s> Tj ET" % (
            width,
            height,
            width - 120,
            words,
        )
        content = len(objects) + 1
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(draw), draw))
        kids.append(len(objects) + 1)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Contents %d 0 R "
            b"/Resources << /XObject << /Im1 %d 0 R >> /Font << /F1 %d 0 R >> >> >>"
            % (width, height, content, image, font)
        )
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids),
        len(kids),
    )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


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
        others = {
            "frames": frames_docx(),
            "radicals": radicals_docx(),
            "gazette": gazette_docx(),
            "brochure": brochure_docx(),
            "newsletter": newsletter_docx(),
            "borderless": borderless_docx(),
            "borderless-split": borderless_docx(BORDERLESS_FILLER),
        }
        paths = []
        for stem, data in others.items():
            paths.append(Path(work, f"{stem}.docx"))
            paths[-1].write_bytes(data)
        for path, pdf in to_pdf(paths).items():
            require_cjk_text(pdf, path.name)
            write(EDGE / f"{path.stem}.pdf", pdf)
            if path.stem == "frames":
                write(EDGE / "scanned-watermark.pdf", scanned_with_watermark(pdf))
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
