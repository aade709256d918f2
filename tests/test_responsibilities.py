"""Responsible-unit clauses and unit lists, on corpus examples and invented variations."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdocparse.extract.responsibilities import (
    LEAD,
    find_clauses,
    first_leads_note,
    parse_responsibility_cell,
    responsible_roles,
    split_agencies,
)

from .support import CORPUS, SPEC

CASES = SPEC / "responsibilities.tsv"


def read(stem: str) -> str:
    (path,) = CORPUS.glob(f"{stem}-*.txt")
    return path.read_text(encoding="utf-8")


# --- find_clauses -----------------------------------------------------------------------------


def test_single_unit_clause_wanzhou():
    text = "以镇乡中心卫生院儿科为主体的基层医疗服务体系。（责任单位：区卫生计生委）"
    (clause,) = find_clauses(text)
    assert clause.kind == "责任单位"
    assert clause.raw == "（责任单位：区卫生计生委）"
    assert text[clause.start : clause.end] == clause.raw
    assert clause.end == len(text)
    assert clause.lead == ["区卫生计生委"]
    assert clause.participating == []
    assert not clause.by_duty
    assert clause.closed


def test_clause_with_collective_after_comma():
    (clause,) = find_clauses("普惠率达到全市平均水平。（责任单位：区教委、区财政局，各镇乡街道）")
    assert clause.lead == ["区教委", "区财政局", "各镇乡街道"]


def test_half_width_lead_and_participating_yuzhong():
    text = (
        "形成评估报告。(牵头单位:区妇儿工委办、区发改委,参与单位:"
        "区推进儿童友好城市建设工作专班各成员单位)"
    )
    (clause,) = find_clauses(text)
    assert clause.kind == "牵头单位"
    assert clause.lead == ["区妇儿工委办", "区发改委"]
    assert clause.participating == ["区推进儿童友好城市建设工作专班各成员单位"]
    assert clause.raw.startswith("(") and clause.raw.endswith(")")


def test_lead_and_three_participants():
    (clause,) = find_clauses("(牵头单位:区卫健委,参与单位:区教委、区市场监管局、区烟草专卖局)")
    assert clause.lead == ["区卫健委"]
    assert clause.participating == ["区教委", "区市场监管局", "区烟草专卖局"]


def test_invented_half_width_comma_list():
    (clause,) = find_clauses("(责任单位:区教委,区财政局)")
    assert clause.lead == ["区教委", "区财政局"]


def test_clause_with_配合单位():
    (clause,) = find_clauses("（牵头单位：区民政局；配合单位：区财政局、区残联）")
    assert clause.kind == "牵头单位"
    assert clause.lead == ["区民政局"]
    assert clause.participating == ["区财政局", "区残联"]


def test_clause_opening_with_participating_keyword():
    (clause,) = find_clauses("（配合单位：区财政局）")
    assert clause.kind == "配合单位"
    assert clause.lead == []
    assert clause.participating == ["区财政局"]


def test_nested_parentheses_inside_clause():
    text = "（责任单位：各县（市、区）人民政府）其后文字"
    (clause,) = find_clauses(text)
    assert clause.raw == "（责任单位：各县（市、区）人民政府）"
    assert clause.lead == ["各县（市、区）人民政府"]


def test_by_duty_and_等_inside_clause():
    (clause,) = find_clauses("（责任单位：市教育局、市公安局、市妇联等按职责分工负责）")
    assert clause.lead == ["市教育局", "市公安局", "市妇联"]
    assert clause.by_duty


def test_empty_clause():
    (clause,) = find_clauses("（责任单位：）")
    assert (clause.lead, clause.participating, clause.by_duty, clause.closed) == (
        [],
        [],
        False,
        True,
    )


def test_clause_truncated_at_end_of_text():
    text = "加强学校周边环境整治。（责任单位：区教委、区公安局"
    (clause,) = find_clauses(text)
    assert not clause.closed
    assert clause.end == len(text)
    assert clause.lead == ["区教委", "区公安局"]


def test_unclosed_clause_stops_at_blank_line():
    text = "任务一。（责任单位：区教委、\n区公安局\n\n（二）下一项任务。"
    (clause,) = find_clauses(text)
    assert clause.raw == "（责任单位：区教委、\n区公安局"
    assert clause.lead == ["区教委", "区公安局"]


def test_unclosed_clause_stops_at_next_clause():
    text = "任务一。（责任单位：区教委 任务二。（责任单位：区民政局）"
    first, second = find_clauses(text)
    assert first.raw == "（责任单位：区教委 任务二。"
    assert not first.closed
    assert second.raw == "（责任单位：区民政局）"
    assert second.lead == ["区民政局"]


def test_spaces_from_text_dumps():
    (clause,) = find_clauses("（ 责任单位 ： 区教委 ）")
    assert clause.kind == "责任单位"
    assert clause.lead == ["区教委"]


def test_keyword_without_bracket_is_not_a_clause():
    assert find_clauses("将目标任务分解到责任单位并纳入部门目标管理；责任单位：区教委") == []


def test_wanzhou_has_33_clauses():
    text = read("wanzhou")
    assert len(find_clauses(text)) == 33
    assert sum(len(find_clauses(line)) for line in text.splitlines()) == 33
    assert all(clause.kind == "责任单位" and clause.closed for clause in find_clauses(text))


def test_wanzhou_clause_contents():
    clauses = find_clauses(read("wanzhou"))
    assert clauses[0].lead == ["区卫生计生委"]
    assert clauses[4].lead == ["区卫生计生委", "区民政局", "区人力社保局"]
    assert clauses[-1].lead == [
        "区财政局",
        "区教委",
        "区卫生计生委",
        "区民政局",
        "区文化委",
        "区城乡建委",
    ]
    assert not any(clause.participating or clause.by_duty for clause in clauses)


def test_yuzhong_has_51_clauses_one_per_task():
    text = read("yuzhong")
    clauses = find_clauses(text)
    # (1)–(46) under 四、具体举措 each end with one clause; so does each of 五、(一)–(五).
    assert len(clauses) == 51
    assert sum(len(find_clauses(line)) for line in text.splitlines()) == 51
    tasks = [m.start() for m in re.finditer(r"^\((\d+)\)", text, re.MULTILINE)]
    assert len(tasks) == 46
    for start, end in zip(tasks, [*tasks[1:], text.index("五、组织实施")], strict=True):
        assert sum(start < clause.start < end for clause in clauses) == 1
    assert all(clause.kind == "牵头单位" and clause.lead for clause in clauses)
    # Ten name lead units only: (4), (21)–(26), (37), (46) and 五、(一).
    assert sum(bool(clause.participating) for clause in clauses) == 41


def test_yuzhong_first_clause():
    first = find_clauses(read("yuzhong"))[0]
    assert (
        first.raw
        == "(牵头单位:区妇儿工委办、区发改委,参与单位:区推进儿童友好城市建设工作领导小组各成员单位)"
    )
    assert first.lead == ["区妇儿工委办", "区发改委"]
    assert first.participating == ["区推进儿童友好城市建设工作领导小组各成员单位"]


@pytest.mark.parametrize("stem", ["kaizhou", "meizhou", "zunyi"])
def test_documents_without_clauses(stem):
    assert find_clauses(read(stem)) == []


def _spec_cases() -> list[tuple[str, list[str]]]:
    """(line, fields) of tests/spec/responsibilities.tsv, comments and blank lines skipped."""
    cases = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cases.append((line.split("\t", 1)[0], line.split("\t")))
    return cases


def _names(field: str) -> list[str]:
    return [name.strip() for name in field.split(" / ") if name.strip()]


@pytest.mark.parametrize(("text", "fields"), _spec_cases(), ids=lambda v: v[:24])
def test_spec(text, fields):
    clauses = find_clauses(text.replace("\\n", "\n"))
    if fields[1] == "-":
        assert clauses == []
        return
    kind, lead, participating, by_duty, *raw = fields[1:]
    clause = clauses[0]
    assert (clause.kind, clause.lead, clause.participating, clause.by_duty) == (
        kind,
        _names(lead),
        _names(participating),
        by_duty == "yes",
    )
    if raw:
        assert clause.raw == raw[0]


def test_spec_covers_every_keyword_and_verb_form():
    kinds = {fields[1] for _, fields in _spec_cases()}
    assert {"责任单位", "牵头单位", "牵头", "负责", "按职责分工负责", "-"} <= kinds


def test_verb_clauses_beside_a_keyword_clause():
    text = "（一）建设儿童友好医院（县卫健委牵头）。（二）完善儿童福利（责任单位：县民政局）。"
    first, second = find_clauses(text)
    assert (first.kind, first.lead) == ("牵头", ["县卫健委"])
    assert (second.kind, second.lead) == ("责任单位", ["县民政局"])


def test_bare_clause_ends_at_the_sentence():
    (clause,) = find_clauses("责任单位：市教育局。推进课后服务全覆盖。")
    assert clause.raw == "责任单位：市教育局"
    assert clause.lead == ["市教育局"]


# --- split_agencies ---------------------------------------------------------------------------


def test_split_meizhou_cell_with_by_duty():
    assert split_agencies(
        "市自然资源局、市住房城乡建设局按职责分工负责，各县（市、区）人民政府"
    ) == (
        ["市自然资源局", "市住房城乡建设局", "各县（市、区）人民政府"],
        True,
    )


def test_split_at_line_break():
    assert split_agencies("区委组织部、\n区国资委") == (["区委组织部", "区国资委"], False)


def test_split_continuation_after_blank_line():
    assert split_agencies("区公安局、\n\n区教委、\n\n区卫生健康委") == (
        ["区公安局", "区教委", "区卫生健康委"],
        False,
    )


def test_split_strips_等():
    names, by_duty = split_agencies("市教育局、市文化广电旅游局、团市委、市科协、市妇联等")
    assert names == ["市教育局", "市文化广电旅游局", "团市委", "市科协", "市妇联"]
    assert not by_duty


@pytest.mark.parametrize("ending", ["等", "等部门", "等单位", "等有关部门", " 等 "])
def test_split_strips_list_endings(ending):
    assert split_agencies(f"区教委、区财政局{ending}")[0] == ["区教委", "区财政局"]


def test_split_keeps_parenthesised_lists_whole():
    assert split_agencies("各县（市、区）人民政府，各镇乡（民族乡）人民政府")[0] == [
        "各县（市、区）人民政府",
        "各镇乡（民族乡）人民政府",
    ]
    assert split_agencies("各县(市,区)人民政府;区教委")[0] == ["各县(市,区)人民政府", "区教委"]


def test_split_all_separators_and_empties():
    assert split_agencies(" 区教委、、区财政局，区民政局,区妇联；区残联;团区委\r\n区司法局、 ")[
        0
    ] == [
        "区教委",
        "区财政局",
        "区民政局",
        "区妇联",
        "区残联",
        "团区委",
        "区司法局",
    ]


def test_split_by_duty_without_following_comma():
    assert split_agencies("市科技局、市科协按职责分工负责各县（市、区）人民政府") == (
        ["市科技局", "市科协", "各县（市、区）人民政府"],
        True,
    )


def test_split_empty_and_only_endings():
    assert split_agencies("") == ([], False)
    assert split_agencies("等") == ([], False)
    assert split_agencies("按职责分工负责") == ([], True)


# --- parse_responsibility_cell ----------------------------------------------------------------


def test_cell_whole_list_is_lead():
    assert parse_responsibility_cell(
        "市发展改革局、市住房城乡建设局、市交通运输局、市文化广电旅游局、市卫生健康局、市体育局、"
        "市总工会、市妇联按职责分工负责，各县（市、区）人民政府"
    ) == (
        [
            "市发展改革局",
            "市住房城乡建设局",
            "市交通运输局",
            "市文化广电旅游局",
            "市卫生健康局",
            "市体育局",
            "市总工会",
            "市妇联",
            "各县（市、区）人民政府",
        ],
        [],
        True,
    )


def test_cell_single_agency():
    assert parse_responsibility_cell("区卫生健康委") == (["区卫生健康委"], [], False)
    assert parse_responsibility_cell("市发展改革局、市妇儿工委办公室") == (
        ["市发展改革局", "市妇儿工委办公室"],
        [],
        False,
    )


def test_cell_with_keywords():
    assert parse_responsibility_cell("牵头单位：市教育局；配合单位：市财政局、市民政局") == (
        ["市教育局"],
        ["市财政局", "市民政局"],
        False,
    )
    assert parse_responsibility_cell("牵头：市卫生健康局\n参与：市医保局") == (
        ["市卫生健康局"],
        ["市医保局"],
        False,
    )


def test_cell_with_role_verbs():
    assert parse_responsibility_cell("市教育局牵头，市财政局、市民政局配合") == (
        ["市教育局"],
        ["市财政局", "市民政局"],
        False,
    )
    assert parse_responsibility_cell("区卫生健康委牵头负责；区医保局参与") == (
        ["区卫生健康委"],
        ["区医保局"],
        False,
    )


def test_column_header_note_on_the_lead_is_no_role():
    """责任单位（排在第一位的为牵头单位，其余为配合单位）is a lead column: the note's 配合单位 is
    not the column's last keyword."""
    header = "责任单位（排在第一位的为牵头单位，其余为配合单位）"
    assert responsible_roles([header]) == [LEAD]


def test_first_leads_note_and_its_reach():
    assert first_leads_note("一般的任务说明，没有注释。") is None
    assert first_leads_note("（责任单位：县教育局、县财政局）") is None
    note = first_leads_note("责任单位中，列在首位的为牵头单位，下同。")
    assert note is not None and note["standing"] is not None
    note = first_leads_note("（责任单位：区民政局、区教委，排在第一位的为牵头单位）")
    assert note is not None and note["standing"] is None


def test_cell_with_a_role_in_brackets_after_a_name():
    assert parse_responsibility_cell("市卫健委（牵头）\n市医保局\n市民政局") == (
        ["市卫健委"],
        ["市医保局", "市民政局"],
        False,
    )
    # a unit name's own brackets are no role
    assert parse_responsibility_cell("各县（市、区）人民政府、市教育局") == (
        ["各县（市、区）人民政府", "市教育局"],
        [],
        False,
    )


def test_cell_role_verbs_with_unlabelled_group():
    assert parse_responsibility_cell("区教委，区财政局配合") == (["区教委"], ["区财政局"], False)


# --- robustness -------------------------------------------------------------------------------

_clause_alphabet = st.sampled_from(
    [
        *"（）()【】：:，,、；;。\n 等由区教委财政局各县市",
        *["责任单位", "牵头单位", "参与单位", "配合单位", "按职责分工负责", "牵头", "负责", "会同"],
    ]
)


@given(st.one_of(st.text(), st.lists(_clause_alphabet).map("".join)))
def test_find_clauses_never_raises_and_is_consistent(text):
    clauses = find_clauses(text)
    previous_end = 0
    for clause in clauses:
        assert previous_end <= clause.start < clause.end <= len(text)
        assert text[clause.start : clause.end] == clause.raw
        assert all(name and name == name.strip() for name in clause.lead + clause.participating)
        previous_end = clause.end


@given(st.one_of(st.text(), st.lists(_clause_alphabet).map("".join)))
def test_split_and_cell_never_raise(text):
    names, by_duty = split_agencies(text)
    assert isinstance(by_duty, bool)
    assert all(name and name == name.strip() for name in names)
    lead, participating, _ = parse_responsibility_cell(text)
    assert all(name for name in lead + participating)


# --- clauses in parsed documents: who owns which goal ------------------------------------------

_PLAN = """重庆市北碚区儿童友好城区建设实施方案
一、主要任务
（一）健康友好。到2025年，全区孕产妇系统管理率达到95%以上（区卫健委牵头，区医保局配合）；儿童青少年总体近视率每年降低0.5个百分点以上（区教委、区卫健委按职责分工负责）。
（二）教育友好。
1.普惠学前教育。到2025年，普惠性幼儿园覆盖率达到90%以上。
责任单位：区教委、区财政局
2.课后服务。到2025年，义务教育学校课后服务覆盖率达到100%，由区教委负责。
"""


def _parsed_plan():
    import govdocparse

    (document,) = govdocparse.parse_text(_PLAN).documents
    return document


def test_each_goal_gets_the_clause_that_closes_it():
    document = _parsed_plan()
    owners = {
        i.name: ([a.name for a in owner.lead], [a.name for a in owner.participating])
        for i in document.indicators
        if (owner := document.responsibility(i.responsible_id))
    }
    assert owners["孕产妇系统管理率"] == (["区卫健委"], ["区医保局"])
    assert owners["儿童青少年总体近视率"] == (["区教委", "区卫健委"], [])
    assert owners["义务教育学校课后服务覆盖率"] == (["区教委"], [])


def test_a_clause_on_its_own_line_owns_the_goal_above_it():
    document = _parsed_plan()
    (indicator,) = [i for i in document.indicators if i.name == "普惠性幼儿园覆盖率"]
    owner = document.responsibility(indicator.responsible_id)
    assert owner is not None
    assert owner.raw == "责任单位：区教委、区财政局"
    assert owner.attached_to == indicator.section_id


def test_clause_agencies_are_canonical_for_the_documents_place():
    document = _parsed_plan()
    canonical = {a.name: a.canonical for r in document.responsibilities for a in r.lead}
    # 北碚 is a Chongqing district: its 区卫健委 is 区卫生健康委; 区教委 is Chongqing's own name.
    assert canonical["区卫健委"] == "区卫生健康委"
    assert canonical["区教委"] == "区教委"


@pytest.mark.parametrize(
    "text",
    [
        # a yearly 分工方案: each goal, then 牵头单位 and 责任单位 on lines of their own
        "3.城镇新增就业2000人以上。\n牵头单位:县人社局\n责任单位:各乡镇,县工业园区",
        "3.城镇新增就业2000人以上。\n\n牵头部门：县人社局\n\n责任单位：各乡镇，县工业园区",
    ],
)
def test_units_on_the_line_after_the_lead_take_part(text):
    lead, others = find_clauses(text)
    assert (lead.lead, lead.participating) == (["县人社局"], [])
    assert (others.kind, others.lead, others.participating) == (
        "责任单位",
        [],
        ["各乡镇", "县工业园区"],
    )


def test_responsible_units_of_two_tasks_stay_leads():
    text = "1.新建托育机构3家。责任单位：县卫健局\n2.新建儿童之家5个。责任单位：县民政局"
    assert [(c.lead, c.participating) for c in find_clauses(text)] == [
        (["县卫健局"], []),
        (["县民政局"], []),
    ]


def test_a_lead_line_and_a_responsible_line_under_a_goal_make_one_division():
    from govdocparse import parse_text

    text = (
        "某县2024年重点工作任务分工方案\n\n一、主要预期目标\n\n1.城镇新增就业2000人以上。\n\n"
        "牵头单位:县人社局\n\n责任单位:各乡镇,县工业园区\n\n2.粮食播种面积稳定在30万亩。\n\n"
        "责任单位:县农业农村局\n"
    )
    (document,) = parse_text(text).documents
    assert [
        ([a.name for a in r.lead], [a.name for a in r.participating])
        for r in document.responsibilities
    ] == [(["县人社局"], []), ([], ["各乡镇", "县工业园区"]), (["县农业农村局"], [])]


def test_a_lead_paragraph_and_a_responsible_paragraph_in_a_word_file(tmp_path):
    # Word gives paragraphs, not lines: the two are compared by paragraph position.
    import docx

    from govdocparse import parse

    word = docx.Document()
    for line in (
        "某县2024年重点工作任务分工方案",
        "一、主要预期目标",
        "1.城镇新增就业2000人以上。",
        "牵头单位：县人社局",
        "责任单位：各乡镇，县工业园区",
    ):
        word.add_paragraph(line)
    word.save(tmp_path / "plan.docx")
    (document,) = parse(tmp_path / "plan.docx").documents
    assert [
        ([a.name for a in r.lead], [a.name for a in r.participating])
        for r in document.responsibilities
    ] == [(["县人社局"], []), ([], ["各乡镇", "县工业园区"])]
