"""Real .doc, .wps and OFD files as portals publish them, read in place from ../shared/realfiles/.

The files are never copied into the project (see that folder's README); every test here skips
when the folder is absent, as on a fresh clone. Each expectation is what a reader sees on the
page: title, 文号, issuer, date and first-level headings. Expectations that fail today because
of metadata or segmentation rules (not the readers) are strict xfails naming the reason, so
the one who fixes the rule sees them pass and removes the marker.
"""

from __future__ import annotations

from functools import cache

import pytest

from govdocparse import parse
from govdocparse.model import ParseResult, Section
from govdocparse.readers import read
from govdocparse.source import Paragraph, TableBlock

from .support import REALFILES

pytestmark = pytest.mark.skipif(
    not REALFILES.is_dir(), reason=f"real files folder {REALFILES} is absent (fresh clone)"
)

HAINAN = "hainan-2024-farm-machinery-subsidy"
HAINAN_TITLE = "关于印发2024-2026年海南省农机购置与应用补贴实施方案的通知"
HAINAN_PLAN = "2024—2026年海南省农机购置与应用补贴实施方案"

# (file, document index, field, expected value, reason it fails today or None)
EXPECTED = [
    (f"{HAINAN}.doc", 0, "kind", "notice", None),
    (f"{HAINAN}.doc", 0, "title", HAINAN_TITLE, None),
    (f"{HAINAN}.doc", 0, "doc_number", None, None),  # it cites 农办机〔2024〕3号 but has none
    (f"{HAINAN}.doc", 0, "issuer", "海南省农业农村厅、海南省财政厅", None),
    (f"{HAINAN}.doc", 0, "date_written", "2024-07-01", None),
    (f"{HAINAN}.doc", 1, "title", HAINAN_PLAN, None),
    (
        f"{HAINAN}.doc",
        1,
        "headings",
        [
            "一、总体要求",
            "二、实施重点",
            "三、补贴范围和补贴机具",
            "四、补贴对象和补贴标准",
            "五、资金分配和使用",
            "六、操作实施流程",
            "七、实施要求",
        ],
        None,
    ),
    (
        "shanghai-2020-health-insurance-rules.doc",
        0,
        "title",
        "上海银保监局关于印发《上海市医保专属商业健康保险业务管理办法》的通知",
        None,
    ),
    (
        "shanghai-2020-health-insurance-rules.doc",
        0,
        "doc_number",
        "沪银保监通〔2020〕3号",
        None,
    ),
    ("shanghai-2020-health-insurance-rules.doc", 0, "issuer", "上海银保监局", None),
    ("shanghai-2020-health-insurance-rules.doc", 0, "date_written", "2020-01-13", None),
    (
        "shanghai-2020-health-insurance-rules.doc",
        1,
        "title",
        "上海市医保专属商业健康保险业务管理办法",
        None,
    ),
    (
        "shanghai-2020-health-insurance-rules.doc",
        1,
        "headings",
        [
            "第一章总则",
            "第二章经营要求",
            "第三章产品管理",
            "第四章业务管理",
            "第五章财务管理",
            "第六章数据及信息系统管理",
            "第七章信息披露",
            "第八章监督管理",
            "第九章附则",
        ],
        None,
    ),
    (
        "shanghai-2015-complaint-assessment.doc",
        0,
        "title",
        "上海银监局关于印发上海银行业投诉处理工作考核实施细则的通知",
        None,
    ),
    (
        "shanghai-2015-complaint-assessment.doc",
        0,
        "doc_number",
        "沪银监通〔2015〕38号",
        None,
    ),
    ("shanghai-2015-complaint-assessment.doc", 0, "issuer", "上海银监局", None),
    ("shanghai-2015-complaint-assessment.doc", 0, "date_written", "2015-12-03", None),
    (
        "shanghai-2015-complaint-assessment.doc",
        1,
        "title",
        "上海银行业投诉处理工作考核实施细则",
        None,
    ),
    (
        "shanghai-2015-complaint-assessment.doc",
        1,
        "headings",
        ["一、目的与依据", "二、考核对象", "三、考核方法", "四、其他规定"],
        None,
    ),
    (
        "shanghai-2015-complaint-assessment.doc",
        0,
        "recipients",
        ["在沪各银行业金融机构", "上海市银行同业公会"],
        None,
    ),
    # the attached scoring sheet: its blank 时期： label above the table addresses no one
    (
        "shanghai-2015-complaint-assessment.doc",
        2,
        "title",
        "上海银行业投诉处理工作考核明细表",
        None,
    ),
    ("shanghai-2015-complaint-assessment.doc", 2, "recipients", [], None),
    ("luqiao-2011-resignation-reply.ofd", 0, "title", "关于同意张阿三同志辞职的批复", None),
    ("luqiao-2011-resignation-reply.ofd", 0, "doc_number", "路卫发〔2011〕76号", None),
    ("luqiao-2011-resignation-reply.ofd", 0, "issuer", "测试符路桥区卫生局办公室", None),
    ("luqiao-2011-resignation-reply.ofd", 0, "date_written", "2011-03-10", None),
    ("school-hygiene-rules.wps", 0, "title", "卫生工作制度", None),
    (
        "school-hygiene-rules.wps",
        0,
        "heading_numbers",
        ["一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、"],
        None,
    ),
]


@cache
def _parsed(name: str) -> ParseResult:
    return parse(REALFILES / name)


def _field(result: ParseResult, index: int, field: str):
    document = result.documents[index]
    if field in ("kind", "title"):
        return getattr(document, field)
    if field == "headings":
        return [(section.number or "") + section.title for section in document.sections]
    if field == "heading_numbers":
        return [section.number for section in document.sections]
    return getattr(document.metadata, field)


def _case_id(case) -> str:
    stem, suffix = case[0].rsplit(".", 1)
    return f"{'-'.join(stem.split('-')[:2])}-{suffix}-d{case[1] + 1}-{case[2]}"


@pytest.mark.parametrize(
    ("name", "index", "field", "expected"),
    [
        pytest.param(*case[:4], marks=pytest.mark.xfail(strict=True, reason=case[4]))
        if case[4]
        else pytest.param(*case[:4])
        for case in EXPECTED
    ],
    ids=[_case_id(case) for case in EXPECTED],
)
def test_what_a_reader_sees(name, index, field, expected):
    assert _field(_parsed(name), index, field) == expected


REAL_NAMES = [
    f"{HAINAN}.doc",
    "shanghai-2020-health-insurance-rules.doc",
    "shanghai-2015-complaint-assessment.doc",
    "luqiao-2011-resignation-reply.ofd",
    "school-hygiene-rules.wps",
]


def test_every_doc_wps_and_ofd_file_is_covered():
    on_disk = {p.name for p in REALFILES.iterdir() if p.suffix in (".doc", ".wps", ".ofd")}
    assert on_disk == set(REAL_NAMES)


@pytest.mark.parametrize("name", REAL_NAMES)
def test_every_doc_wps_and_ofd_file_parses(name):
    result = _parsed(name)
    assert result.source.format == ("ofd" if name.endswith(".ofd") else "doc")
    assert result.documents and result.source.warnings == []


def test_wide_scoring_table_is_one_table():
    source = read(REALFILES / "shanghai-2015-complaint-assessment.doc")
    tables = [b for b in source.blocks if isinstance(b, TableBlock)]
    assert len(tables) == 1
    rows = tables[0].rows
    assert len(rows) == 29 and all(len(row) == 15 for row in rows)
    assert [c.text for c in rows[0][:3]] == ["机构名称", "投诉量", "折算后\xa0投诉量"]
    assert rows[0][4].text == "折算后网\n（户）均投\xa0诉量"  # two paragraphs in one cell
    assert [row[0].text for row in rows[1:3]] == ["上海银行", "上海农商行"]


def test_ofd_page_provenance_and_signature_ignored():
    source = read(REALFILES / "luqiao-2011-resignation-reply.ofd")
    paragraphs = [b for b in source.blocks if isinstance(b, Paragraph)]
    assert [(p.prov.page, p.text) for p in paragraphs[:2]] == [
        (1, "测试符路桥区卫生局文件"),
        (1, "路卫发〔2011〕76号"),
    ]
    wrapped = next(p for p in paragraphs if p.text.startswith("你院"))
    assert wrapped.text.endswith("收悉。") and wrapped.prov.lines == (5, 6)
    assert all("— " not in p.text for p in paragraphs)  # page numbers dropped
    assert paragraphs[-1].prov.page == 2


def _comparable(result: ParseResult) -> list[tuple]:
    """What a reader compares between two renditions: everything but provenance."""
    return [
        (
            d.kind,
            d.title,
            d.metadata.model_dump(exclude={"provenance"}),
            _tree(d.sections),
            [(t.label, t.header, [r.cells for r in t.rows]) for t in d.tables],
            [(i.name, [t.raw for t in i.targets]) for i in d.indicators],
        )
        for d in result.documents
    ]


def _tree(sections: list[Section]) -> list[tuple]:
    return [(s.level, s.number, s.title, _tree(s.children)) for s in sections]


def test_hainan_doc_and_its_pdf_give_the_same_records():
    assert _comparable(_parsed(f"{HAINAN}.pdf")) == _comparable(_parsed(f"{HAINAN}.doc"))
