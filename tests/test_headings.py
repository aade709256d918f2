"""The heading vocabulary: every style's examples match it, and a broken grammar fails at load."""

import shutil

import pytest

from govdocparse import grammar, headings, parse_text
from govdocparse.errors import GrammarError

STYLES = headings.rules().styles


@pytest.mark.parametrize(
    "key, example",
    [(key, example) for key, style in STYLES.items() for example in style.examples],
)
def test_each_example_is_numbered_in_its_own_style(key, example):
    found = headings.numbered(example)
    assert found is not None and found.style.key == key


def test_every_style_has_examples():
    assert all(style.examples for style in STYLES.values())


@pytest.mark.parametrize(
    "line, ordinal",
    [
        ("十一、组织实施", 11),
        ("（二十三）加强", 23),
        ("第一百零五条 附则", 105),
        ("⑫建立", 12),
        ("Ⅻ．附则", 12),
        ("Ｄ、强化督导", 4),
    ],
)
def test_ordinals_are_read_from_the_numeral(line, ordinal):
    found = headings.numbered(line)
    assert found and found.ordinal == ordinal


@pytest.mark.parametrize(
    "line",
    [
        "2021年，市政府印发规划。",
        "第一条规定的情形",
        "3.0‰、4.0‰和6.0‰以下",
        "专栏2 指标",
        "1.5-2万元",  # a range of values: not outline number 1.5, nor item 1 about 5-2万元
    ],
)
def test_lines_that_are_not_headings_or_read_as_values(line):
    found = headings.numbered(line)
    assert found is None or found.decimal_like


@pytest.mark.parametrize("rest", ["0-6岁儿童眼保健服务", "0～3岁婴幼儿照护", "3至6周岁儿童入园"])
def test_an_item_about_an_age_range_is_no_decimal_value(rest):
    # 2.0-6岁… is item 2 of a list whose text opens with an age range, as 6.5岁以下… is item 6
    # (a county 眼保健 方案's list, twentieth reading); 2.5万元 stays a value
    found = headings.numbered(f"2.{rest}")
    assert found and found.ordinal == 2 and not found.decimal_like
    assert headings.starts_paragraph(f"2.{rest}")
    text = f"巳城儿童眼保健工作方案\n\n1.工作目标\n\n2.{rest}\n\n3.保障措施\n"
    [plan] = parse_text(text).documents
    assert [(s.number, s.title) for s in plan.sections] == [
        ("1.", "工作目标"),
        ("2.", rest),
        ("3.", "保障措施"),
    ]


def test_block_openers_include_captions_but_not_arabic_items():
    assert headings.opens_block("专栏3 重点工程")
    assert headings.opens_block("第二章　职责分工")
    assert not headings.opens_block("1．加强组织领导")
    assert headings.starts_paragraph("1．加强组织领导")
    assert not headings.starts_paragraph("3.0‰、4.0‰和6.0‰以下")


@pytest.fixture
def edited_grammars(tmp_path, monkeypatch):
    folder = tmp_path / "grammars"
    shutil.copytree(grammar.grammar_dir(), folder)
    monkeypatch.setenv("GOVDOCPARSE_GRAMMARS", str(folder))
    caches = (grammar.load, grammar.load_typed, headings.rules, headings.styles, headings.numbered)
    for cached in caches:
        cached.cache_clear()
    yield folder / "headings.yaml"
    monkeypatch.delenv("GOVDOCPARSE_GRAMMARS")
    for cached in caches:
        cached.cache_clear()


@pytest.mark.parametrize(
    "edit, says",
    [
        (("    family: jie\n", "    famly: jie\n"), "styles.jie.fam"),
        (("'^(?P<num>{circled})'", "'^(?P<num>{circle})'"), "styles.circled.pattern names no"),
        (("    title: line\n", "    title: whole\n"), "styles.part.title"),
    ],
)
def test_a_broken_grammar_fails_at_load_naming_file_and_key(edited_grammars, edit, says):
    text = edited_grammars.read_text(encoding="utf-8")
    assert edit[0] in text
    edited_grammars.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    with pytest.raises(GrammarError) as caught:
        headings.rules()
    assert "headings.yaml" in str(caught.value) and says in str(caught.value)


def test_a_number_alone_above_its_title_is_one_first_level_heading():
    # a WeChat repost: each part's number in a box of its own line, its title on the next
    text = (
        "巳城儿童友好城区建设行动方案\n为推进建设,制定本方案。\n"
        "一\n总体要求\n（一）指导思想\n坚持儿童优先。\n"
        "二\n重点任务\n（一）完善政策\n到2025年,儿童友好社区覆盖率达到50%。\n"
    )
    [plan] = parse_text(text).documents
    headings_read = [(s.number, s.title) for s in plan.sections]
    assert headings_read == [("一、", "总体要求"), ("二、", "重点任务")]
    assert [c.title for c in plan.sections[1].children] == ["完善政策"]


@pytest.mark.parametrize(
    "lines",
    [
        "三\n总体要求\n",  # not the number the list expects first
        "一\n本方案自印发之日起施行。\n",  # a sentence, not a title
    ],
)
def test_a_lone_number_that_no_list_expects_stays_text(lines):
    text = f"巳城儿童友好城区建设行动方案\n为推进建设,制定本方案。\n{lines}"
    [plan] = parse_text(text).documents
    assert plan.sections == []


REPLY = (
    "关于青溪县某幼儿园收费问题的答复\n来信时间：2025-03-02\n回复单位：青溪县教育局\n"
    "您好！您反映的问题收悉，现答复如下：\n"
    "一、调查情况经调查，该园秋季学期保育教育费按每生每月800元收取，符合核定标准。\n"
    "二、处理意见县教育局已责成该园公示收费项目和标准，接受家长监督。\n"
    "三、答复意见如对答复不满意，可在收到答复之日起15日内申请复核。\n"
)


def test_a_replys_heads_glued_to_their_text_are_split_from_it():
    # a 信箱 reply copied with each head run into its text (twenty-sixth reading; invented)
    [reply] = parse_text(REPLY).documents
    assert [(s.title, s.text[:3]) for s in reply.sections] == [
        ("调查情况", "经调查"),
        ("处理意见", "县教育"),
        ("答复意见", "如对答"),
    ]


@pytest.mark.parametrize(
    "head", ["一、基本情况及主要成效", "一、处理意见和建议", "一、调查情况与分析"]
)
def test_a_reply_heads_longer_name_on_its_own_line_stays_whole(head):
    [report] = parse_text(f"青溪县托育服务情况报告\n{head}\n全县建成托位1200个。\n").documents
    assert report.sections[0].title == head[2:]


def test_an_institutions_rules_parts_glued_to_their_text_are_split_from_it():
    # a sharing site's preview of a 管理制度, each part's name run into its text (twenty-eighth
    # reading; invented)
    text = (
        "青溪县未成年人救助保护中心管理制度\n"
        "一、制定目的为规范中心的日常管理，保障受助儿童的合法权益，制定本制度。\n"
        "二、组织架构中心主任负责全面工作，副主任协助主任工作。\n"
        "三、岗位职责各岗位人员按照分工履行职责。\n"
    )
    [rules] = parse_text(text).documents
    assert [(s.title, s.text[:2]) for s in rules.sections] == [
        ("制定目的", "为规"),
        ("组织架构", "中心"),
        ("岗位职责", "各岗"),
    ]
