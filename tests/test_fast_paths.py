"""The shortcuts the stages after the reader take for speed give the answers of the long way.

Each shortcut skips work it can prove useless (a pattern that cannot match, a scan that cannot
find anything, a value computed before); these tests check the proof on every line of the
corpus and of the real-world pages, and on variations written here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from govdocparse import chrome, grammar, portal
from govdocparse.extract import responsibilities
from govdocparse.extract.goalwords import rules
from govdocparse.grammar_schema import ChromeGrammar
from govdocparse.readers.text import decode

ROOT = Path(__file__).resolve().parent.parent
INVENTED = [
    "当前位置：首页 > 政务公开 > 政策文件",
    "首页>信息公开>规划计划",
    "— 7 —",
    "第 3 页 共 12 页",
    "版权所有：某市人民政府办公室",
    "某ICP备12345678号",
    "扫一扫在手机打开当前页",
    "【打印】【关闭】",
    "索 引 号：11500000-2024-00012",
    "· 发布日期：2024-03-08",
    "到2025年，儿童健康水平明显提高",
    "婴儿死亡率、5岁以下儿童死亡率分别控制在5‰和7‰以下",
    "妇女在业人员中女性比例与经济社会发展相适应\n",
    "儿童超重、肥胖上升趋势得到有效控制\n",
    "（责任单位：县教育局、县财政局，各乡镇人民政府）",
    "由市卫生健康委牵头，市财政局配合",
]


def _corpus_lines() -> list[str]:
    files = sorted((ROOT / "corpus" / "raw").glob("*.txt"))
    files += sorted((ROOT / "tests" / "realworld").glob("*.txt"))
    texts = [decode(path.read_bytes(), str(path))[0] for path in files]
    lines = {line for text in texts for line in text.splitlines()}
    return sorted(line for line in lines if line.strip()) + INVENTED


LINES = _corpus_lines()


def _chrome_lists() -> dict[str, list[str]]:
    rules = grammar.load_typed("chrome", ChromeGrammar)
    return {
        "lines": [rule.pattern for rule in rules.lines],
        "page_numbers": [rule.pattern for rule in rules.page_numbers],
        "tail": [rule.pattern for rule in rules.tail],
    }


@pytest.mark.parametrize("name, patterns", sorted(_chrome_lists().items()))
def test_chrome_rules_joined_find_what_each_rule_finds(name, patterns):
    one_by_one = [regex.compile(p) for p in patterns]
    joined = chrome._any_of(patterns)
    assert len(joined) < len(patterns)
    examples = [
        e
        for rule in getattr(grammar.load_typed("chrome", ChromeGrammar), name)
        for e in rule.examples
    ]
    for line in LINES + examples:
        squashed = "".join(line.split())
        for text in (line, squashed):
            expected = any(p.search(text) for p in one_by_one)
            assert any(p.search(text) for p in joined) == expected, (name, text)


@pytest.mark.parametrize(
    "pattern, alternation",
    [
        ("^a|b", True),
        ("^(?:a|b)", False),
        ("^[|｜]+$", False),
        (r"^\[关闭\]|x", True),
        (r"^a\|b", False),
        (r"^[a\]|]b", False),
        ("^[]|]x", False),
        ("^[^]|]x", False),
        ("^[]]|x", True),
    ],
)
def test_top_level_alternation_is_told_from_a_bar_inside(pattern, alternation):
    assert chrome._has_top_level_bar(pattern) is alternation


def test_joined_rules_keep_an_alternation_whole():
    # ^a|b finds b anywhere: it must not be put under the shared ^
    joined = chrome._any_of(["^甲", "^乙|丙"])
    assert any(p.search("一丙") for p in joined)
    assert not any(p.search("一甲") for p in joined)


def test_a_label_at_the_lead_starts_with_a_label_start():
    for line in LINES:
        lead_match = portal._LEAD.match(line)
        lead = lead_match.end() if lead_match else 0
        found = portal._labels_in(line)
        if found and found[0][1] == lead:
            assert portal.opens_label(line[lead]), line


@pytest.mark.parametrize("name", ["direction", "relative1"])
def test_a_goal_pattern_ending_in_its_words_needs_a_text_ending_so(name):
    gated = rules().direction if name == "direction" else rules().relative[1]
    assert gated.ends
    for line in LINES:
        for text in (line.strip(), line.strip() + "\n", line):
            if gated.pattern.match(text) and gated.needs.search(text):
                assert gated.match(text) is not None, text
            else:
                assert gated.match(text) is None, text


def test_a_paragraph_without_role_words_has_no_clause():
    r = responsibilities._rules()
    finders = [
        responsibilities._bracketed_keyword_clauses,
        responsibilities._bare_keyword_clauses,
        responsibilities._bracketed_verb_clauses,
        responsibilities._by_clauses,
        responsibilities._head_clauses,
    ]
    skipped = 0
    for line in LINES:
        if not r.clause_needs.search(line):
            skipped += 1
            assert not any(find(line) for find in finders), line
    assert skipped > len(LINES) // 2


def test_a_cached_cell_reading_hands_out_lists_of_its_own():
    lead, participating, _ = responsibilities.parse_responsibility_cell(
        "市教育局牵头，市财政局配合"
    )
    assert (lead, participating) == (["市教育局"], ["市财政局"])
    lead.append("市民政局")
    again, _, _ = responsibilities.parse_responsibility_cell("市教育局牵头，市财政局配合")
    assert again == ["市教育局"]
