"""Metadata field rules: dates, places, periods, portal blocks, 文号 forms."""

import pytest

from govdocparse import parse_text
from govdocparse.extract.metadata import iso_date, period_of, place_of


@pytest.mark.parametrize(
    "text, iso",
    [
        ("2018年3月7日", "2018-03-07"),
        ("2024-03-14", "2024-03-14"),
        ("二〇二三年二月九日", "2023-02-09"),
        ("２０２２年１２月３１日", "2022-12-31"),
        ("2023年13月1日", None),
        ("三月七日", None),
    ],
)
def test_iso_dates(text, iso):
    assert iso_date(text) == iso


@pytest.mark.parametrize(
    "name, place",
    [
        ("重庆市万州区人民政府办公室", "万州区"),
        ("贵州省遵义市人民政府", "遵义市"),
        ("梅州市儿童友好城市建设实施方案", "梅州市"),
        ("广东省广州市天河区人民政府", "天河区"),
        ("黔东南苗族侗族自治州人民政府", "黔东南苗族侗族自治州"),
        ("关于印发实施方案的通知", None),
        ("儿童发展规划", None),
    ],
)
def test_place_is_the_most_specific_unit(name, place):
    assert place_of(name) == place


@pytest.mark.parametrize(
    "text, period",
    [
        ("（2021—2030年）", (2021, 2030)),
        ("(2024-2026年)", (2024, 2026)),
        ("2021～2025年", (2021, 2025)),
        ("开州区妇女发展规划（2021—2030年）和开州区儿童发展规划（2021—2030年）", (2021, 2030)),
        ("甲规划（2021—2025年）和乙规划（2021—2030年）", None),
        ("无期限", None),
    ],
)
def test_period(text, period):
    found = period_of(text)
    assert (found.start, found.end) if found else period == None


def test_portal_block_run_in_and_one_per_line_with_empty_value():
    text = (
        "索引号 11500000/2023-01 发布机构 丁区政府办公室\n成文日期 2023-06-01 发布日期 2023-06-05 有效性\n"
        "发文字号 丁府办发〔2023〕3号\n丁区人民政府办公室关于印发《丁区儿童发展规划(2023-2025年)》的通知\n"
        "区政府各部门,各街道办事处:\n现将规划印发给你们。\n"
    )
    meta = parse_text(text).documents[0].metadata
    assert meta.portal["索引号"] == "11500000/2023-01" and meta.portal["有效性"] is None
    assert meta.doc_number == "丁府办发〔2023〕3号"
    assert meta.issuer == "丁区人民政府办公室"
    assert (meta.date_written, meta.date_published) == ("2023-06-01", "2023-06-05")
    assert meta.place == "丁区"
    assert (meta.period.start, meta.period.end) == (2023, 2025)
    assert meta.recipients == ["区政府各部门", "各街道办事处"]


@pytest.mark.parametrize(
    "number",
    ["戊府发〔2020〕8号", "戊府发[2020]8号", "戊府发（2020）8号", "戊府办发【2021】第12号"],
)
def test_doc_number_bracket_forms(number):
    meta = (
        parse_text(f"{number}\n戊县人民政府\n关于印发戊县儿童发展规划的通知\n各乡镇：\n正文。")
        .documents[0]
        .metadata
    )
    assert meta.doc_number == number
