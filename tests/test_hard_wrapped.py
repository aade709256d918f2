"""Text copies of printed 公文 hard-wrapped at the page's width give the records of the same text
with one paragraph a line.

GB/T 9704 sets a 公文's body at 28 characters a line and 22 lines a page; pdftotext, a PDF
viewer's copy, a portal's text version and OCR keep those line breaks, so every paragraph,
heading, （责任单位：…） clause and title is cut wherever the line ended. The copies here are made
from tests/fixtures/wrapped/notice-and-plan.txt (an invented notice carrying a plan) the way
such copies come: cut at a width in characters, or in columns with half-width digits taking
half a character (a PDF's glyphs, so lines with numbers hold more characters), with or without
the two-character indent, with or without the rules of Chinese line breaking (a comma hung past
the width, an opening bracket pushed down), and with a page number and running head between
pages (after a form feed, as pdftotext writes it). The widths sweep past 28 so the breaks fall
everywhere: inside numbers (4. / 5个, 95 / %), ranges (2025— / 2027年) and names, right after a
heading number, before a closing bracket and after an opening one.

One difference is allowed and checked as such: a title whose period (（2025—2027年）) the cut
put on a line of its own is read without it, as a centred title set with its period on a line
of its own is (the period is then the plan's `period` metadata, the same in both records).
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from govdocparse import parse_text
from govdocparse.normalize import normalize
from govdocparse.readers.text import blocks_from_text
from govdocparse.source import Paragraph

from .support import cut_line, record_projection

SOURCE = Path(__file__).parent / "fixtures" / "wrapped" / "notice-and-plan.txt"
# lines of the source that are titles: set centred, on shorter lines than the body
TITLE_LINES = (0, 2, 8)
TITLE_MARGIN = 6
LINES_A_PAGE = 22
RUNNING_HEAD = "澜沧市人民政府公报"


def hard_wrapped(
    text: str,
    width: int,
    half_width: bool = False,
    indent: bool = True,
    kinsoku: bool = False,
    form_feed: bool = False,
) -> str:
    """A text copy of `text` printed `width` characters a line, with its page furniture."""
    body: list[str] = []
    for n, line in enumerate(text.splitlines()):
        line = line if indent else line.lstrip("\u3000")
        narrower = TITLE_MARGIN if n in TITLE_LINES else 0
        body += cut_line(line, width - narrower, half_width, kinsoku)
    out: list[str] = []
    for n, line in enumerate(body):
        if n and n % LINES_A_PAGE == 0:
            out += [f"— {n // LINES_A_PAGE} —", ("\f" if form_feed else "") + RUNNING_HEAD]
        out.append(line)
    return "\n".join(out) + "\n"


def _unindented(text: str) -> str:
    return "\n".join(line.lstrip("\u3000") for line in text.splitlines()) + "\n"


VARIANTS = {
    "chars": {},
    "half-width digits": {"half_width": True},
    "no indent": {"indent": False},
    "line-breaking rules, form feeds": {"kinsoku": True, "form_feed": True},
    "half-width digits, line-breaking rules": {"half_width": True, "kinsoku": True},
    "half-width digits, no indent": {"half_width": True, "indent": False},
}
CASES = [
    (width, name)
    for width in (*range(24, 36), 40, 44)
    for name in VARIANTS
    if width in (28, 33, 40)
    or name in ("chars", "half-width digits", "line-breaking rules, form feeds")
]


@pytest.mark.parametrize("width, variant", CASES, ids=[f"{w}-{v}" for w, v in CASES])
def test_a_hard_wrapped_copy_gives_the_records_of_the_unwrapped_text(width, variant):
    options = VARIANTS[variant]
    source = SOURCE.read_text(encoding="utf-8")
    if not options.get("indent", True):
        source = _unindented(source)
    copy = hard_wrapped(source, width, **options)
    expected = record_projection(parse_text(source, "plan.txt"), False)
    actual = record_projection(parse_text(copy, "plan.txt"), False)
    assert len(actual) == len(expected)
    for got, want in zip(actual, expected, strict=True):
        if got["title"] != want["title"]:
            # the allowed difference: the period cut onto a line of its own
            assert want["title"].startswith(got["title"])
            assert want["title"][len(got["title"]) :] == "（2025—2027年）"
            assert got["metadata"]["period"] == want["metadata"]["period"] is not None
            got = {**got, "title": want["title"]}
        for key in want:
            assert got[key] == want[key], key


def test_the_sweep_breaks_lines_where_the_reader_must_join_them():
    # the copies above do cut at the places a reader must join, each named by the two
    # characters before and after the break; a change of the source text that moved every
    # break away from one of them would make the sweep prove less
    breaks = set()
    for width, variant in CASES:
        copy = hard_wrapped(SOURCE.read_text(encoding="utf-8"), width, **VARIANTS[variant])
        lines = [line.lstrip("\f") for line in copy.splitlines()]
        breaks |= {(a.rstrip()[-2:], b[:2]) for a, b in itertools.pairwise(lines)}
    for cut in (
        ("到9", "5%"),  # inside a number
        ("4.", "5个"),  # inside a decimal
        ("5—", "20"),  # inside a range
        ("县（", "市、"),  # after an opening bracket
        ("市、", "区）"),  # before a closing bracket
        ("区）", "价格"),  # after a closing bracket inside a sentence
        ("委；", "协办"),  # a semicolon inside a bracket
        ("位：", "市卫"),  # a colon inside a bracket
        ("个。", "（牵"),  # a sentence's end before its bracket
        ("动计", "划（"),  # inside a title
        (RUNNING_HEAD[-2:], "（责"),  # across a page's end
    ):
        assert cut in breaks, cut


def _paragraphs(text: str) -> list[str]:
    blocks, _ = blocks_from_text(text, "x.txt")
    return [block.text for block in blocks if isinstance(block, Paragraph)]


# Pages of a copy cut at 20 characters, each cut written out by hand: the reader joins a line to
# the one above when that one ran to the width and broke off mid-sentence.
CUTS = """\u3000\u3000到2026年，全县婴幼儿托位数达到1
200个，普惠托位占比不低于55%，每千
人口拥有3岁以下婴幼儿托位数力争达到4.
5个，乡镇（街道）社区托育点覆盖率达到9
5%，托育机构持证上岗率达到100%。
\u3000\u3000一、示范县（牵头单位：县卫生健康局；
协办单位：县教育局、县妇联）。全县将在（
2025年）创建托育示范县，在2026—
2027年推进乡镇（街道）和县（市、区）
创建工作，开展好“托育服务进社区、进乡村
”行动，全县新建托育综合服务中心30个。
（责任单位：县财政局、县住房城乡建设局）
\u3000\u3000二、托育机构纳入《托育机构管理条例》
等制度管理，各乡镇每年要组织质量评估1次
— 2 —
\f溪口县人民政府公报
以上，评估结果向社会公开。
\u3000\u3000三、县卫生健康局负责统筹协调全县托育
— 3 —
\f溪口县人民政府公报
工作。
"""


def test_each_kind_of_cut_is_joined():
    texts = _paragraphs(CUTS)
    assert texts[0] == (
        "到2026年，全县婴幼儿托位数达到1200个，普惠托位占比不低于55%，每千人口拥有3岁以下婴幼儿"
        "托位数力争达到4.5个，乡镇（街道）社区托育点覆盖率达到95%，托育机构持证上岗率达到100%。"
    )
    assert texts[1] == (
        "一、示范县（牵头单位：县卫生健康局；协办单位：县教育局、县妇联）。全县将在（2025年）"
        "创建托育示范县，在2026—2027年推进乡镇（街道）和县（市、区）创建工作，开展好“托育服务进"
        "社区、进乡村”行动，全县新建托育综合服务中心30个。（责任单位：县财政局、县住房城乡建设局）"
    )
    # across a page number and the running head of the next page (after a form feed)
    assert texts[2] == (
        "二、托育机构纳入《托育机构管理条例》等制度管理，各乡镇每年要组织质量评估1次以上，"
        "评估结果向社会公开。"
    )
    assert texts[3] == "— 2 —"
    assert texts[4] == "溪口县人民政府公报"
    assert texts[5] == "三、县卫生健康局负责统筹协调全县托育工作。"


def test_lines_that_end_where_a_paragraph_may_end_stay_apart():
    # a copy without indents cut at 25 characters: a full line that ends a paragraph where it
    # may (a closing bracket after a sentence's end, a closing quotation after one, a colon and
    # a semicolon outside every bracket) is no cut, unlike the open lines above and between
    text = """为加快建立健全托育服务体系，县政府决定在全县范围内
开展托育服务示范创建活动，各乡镇要结合本地实际制定
工作方案，明确目标任务和时间节点，确保各项工作落到
实处。
县财政局按规定落实托育机构运营补贴和建设补助资金。
（责任单位：县财政局、县卫生健康局、县医疗保障局）
县卫生健康局会同有关部门推动政策落实落地见到实效，
建立工作推进机制。
县妇联开展家庭科学育儿指导服务，宣传“托育服务惠民
生，科学育儿促成长，托育服务幸福千家万户都受益。”
各乡镇、县直各有关部门要按照职责分工抓好落实工作：
县教育局负责幼儿园托班建设和托育质量提升工作任务；
县人社局负责托育从业人员职业技能培训工作。
"""
    assert _paragraphs(text) == [
        "为加快建立健全托育服务体系，县政府决定在全县范围内开展托育服务示范创建活动，"
        "各乡镇要结合本地实际制定工作方案，明确目标任务和时间节点，确保各项工作落到实处。",
        # a sentence's end before a bracket: the bracket is the paragraph's (see CUTS)
        "县财政局按规定落实托育机构运营补贴和建设补助资金。"
        "（责任单位：县财政局、县卫生健康局、县医疗保障局）",
        "县卫生健康局会同有关部门推动政策落实落地见到实效，建立工作推进机制。",
        "县妇联开展家庭科学育儿指导服务，宣传“托育服务惠民生，科学育儿促成长，"
        "托育服务幸福千家万户都受益。”",
        "各乡镇、县直各有关部门要按照职责分工抓好落实工作：",
        "县教育局负责幼儿园托班建设和托育质量提升工作任务；",
        "县人社局负责托育从业人员职业技能培训工作。",
    ]


def test_a_running_head_is_dropped_from_its_first_page_break_on():
    # a gazette prints its name over every page but the first: the head after the first page
    # number is known as one by coming back after the next
    copy = hard_wrapped(SOURCE.read_text(encoding="utf-8"), 28)
    blocks, _ = blocks_from_text(copy, "x.txt")
    texts = [block.text for block in normalize(blocks) if isinstance(block, Paragraph)]
    assert copy.count(RUNNING_HEAD) >= 2
    assert RUNNING_HEAD not in texts
    assert not any(text.startswith("—") for text in texts)
