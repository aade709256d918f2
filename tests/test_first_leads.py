"""A note that the unit a list names first leads (排在第一位的为牵头单位), read where task lists
put it: in one clause, in a clause saying 下同, in a paragraph of its own above the tasks, in a
table column's header or under the table. Invented plans of that layout."""

from __future__ import annotations

from govdocparse import parse_text


def _roles(text: str) -> list[tuple[list[str], list[str]]]:
    [document] = [d for d in parse_text(text).documents if d.responsibilities]
    return [
        ([a.name for a in r.lead], [a.name for a in r.participating])
        for r in document.responsibilities
    ]


_TASKS = """某市儿童友好城市建设三年行动方案（2024—2026年）

一、总体要求
到2026年，儿童友好城市建设取得明显成效。
二、重点任务
{note}
（一）完善儿童医疗服务。加强儿科建设。（责任单位：市卫健委、市医保局、市财政局{own}）
（二）建设儿童友好空间。每年新建儿童公园1个以上。（责任单位：市住建局、市自然资源局）
（三）开展儿童议事。（责任单位：市妇联）
"""


def test_without_a_note_every_unit_of_a_list_leads():
    assert _roles(_TASKS.format(note="", own="")) == [
        (["市卫健委", "市医保局", "市财政局"], []),
        (["市住建局", "市自然资源局"], []),
        (["市妇联"], []),
    ]


def test_a_note_in_one_clause_serves_that_clause():
    text = _TASKS.format(note="", own="，排在第一位的为牵头单位")
    assert _roles(text) == [
        (["市卫健委"], ["市医保局", "市财政局"]),
        (["市住建局", "市自然资源局"], []),
        (["市妇联"], []),
    ]


def test_下同_carries_the_note_to_the_lists_below():
    text = _TASKS.format(note="", own="，排在第一位的为牵头单位，下同")
    assert _roles(text) == [
        (["市卫健委"], ["市医保局", "市财政局"]),
        (["市住建局"], ["市自然资源局"]),
        (["市妇联"], []),
    ]


def test_a_note_of_its_own_serves_the_lists_below_it():
    note = "注：各项任务责任单位中，列第一位的为牵头单位，其他为配合单位。"
    text = "（责任单位：市教育局、市财政局）\n" + _TASKS.format(note=note, own="")
    roles = _roles(text)
    assert roles[-3:] == [
        (["市卫健委"], ["市医保局", "市财政局"]),
        (["市住建局"], ["市自然资源局"]),
        (["市妇联"], []),
    ]


def test_a_note_in_a_column_header_or_under_the_table():
    rows = (
        "| 1 | 建设儿童友好公园 | 区住建委、区规划自然资源局、各街道 | 2025年 |\n"
        "| 2 | 开展儿童议事会 | 区妇联 | 2024年 |\n"
    )
    in_header = (
        "某区儿童友好城区建设任务分解表\n\n"
        "| 序号 | 重点任务 | 责任单位（排在第一位的为牵头单位） | 完成时限 |\n" + rows
    )
    expected = [(["区住建委"], ["区规划自然资源局", "各街道"]), (["区妇联"], [])]
    assert _roles(in_header) == expected
    plain = "| 序号 | 重点任务 | 责任单位 | 完成时限 |\n" + rows
    assert _roles("某区儿童友好城区建设任务分解表\n\n" + plain)[0] == (
        ["区住建委", "区规划自然资源局", "各街道"],
        [],
    )
    under = plain + "| 注：责任单位中排在第一位的为牵头单位。 |  |  |  |\n"
    assert _roles("某区儿童友好城区建设任务分解表\n\n" + under) == expected


def test_a_note_under_the_title_of_a_task_table():
    # the note on a line of its own under the table's title (排名第一的为牵头单位), above the grid
    text = (
        "某区儿童友好城区建设任务分解表\n（排名第一的为牵头单位）\n\n"
        "| 序号 | 重点任务 | 责任单位 | 完成时限 |\n"
        "| 1 | 建设儿童友好公园 | 区住建委、区规划自然资源局、各街道 | 2025年 |\n"
        "| 2 | 开展儿童议事会 | 区妇联 | 2024年 |\n"
    )
    assert _roles(text) == [(["区住建委"], ["区规划自然资源局", "各街道"]), (["区妇联"], [])]
