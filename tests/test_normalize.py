"""Clean-up rules: chrome, Word residue and torn headings, with provenance kept."""

from govdocparse.model import Provenance
from govdocparse.normalize import clean_text, normalize
from govdocparse.source import Cell, Paragraph, TableBlock


def _p(text, line):
    return Paragraph(text, Provenance(file="t", lines=(line, line)))


def test_hyperlink_field_code_is_removed():
    text = ' HYPERLINK "file:///D:\\\\工作包\\\\规划.docx" \\l "_Toc55308897"组织实施'
    assert clean_text(text) == "组织实施"


def test_bookmark_residue_is_removed_inside_table_cells():
    table = TableBlock(
        [[Cell("[bookmark: _GoBack]加强科技馆建设", Provenance(file="t", lines=(9, 9)))]],
        Provenance(file="t", lines=(9, 9)),
    )
    assert normalize([table])[0].rows[0][0].text == "加强科技馆建设"


def test_portal_chrome_lines_are_dropped_and_the_trailer_cut():
    blocks = [
        _p("您当前所在的位置: 首页 > 政策法规", 1),
        _p("字号:[ ]  [关闭] 视力保护色:", 2),
        _p("打印 打印", 3),
        _p("正文第一段。", 4),
        _p("扫一扫在手机打开当前页", 5),
        _p("文件下载:", 6),
        _p("通知.docx", 7),
    ]
    kept = normalize(blocks)
    assert [(b.text, b.prov.lines) for b in kept] == [("正文第一段。", (4, 4))]


def test_lone_number_joins_the_title_that_a_field_code_pushed_down():
    kept = normalize(
        [
            _p("四、", 10),
            _p(' HYPERLINK "file:///a.docx" \\l "_Toc1"组织实施', 12),
            _p("（一）明确责任。", 13),
        ]
    )
    assert [(b.text, b.prov.lines) for b in kept] == [
        ("四、组织实施", (10, 12)),
        ("（一）明确责任。", (13, 13)),
    ]


def test_number_printed_after_its_title_is_put_back_in_front():
    assert normalize([_p("组织实施四、", 5)])[0].text == "四、组织实施"
    assert normalize([_p("保障措施十一、", 5)])[0].text == "十一、保障措施"
