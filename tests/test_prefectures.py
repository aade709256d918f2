"""Prefectures named by their short name (grammars/prefectures.yaml): the vocabulary itself, the
place it gives a title or an issuer, and the texts where a short name is no place."""

from __future__ import annotations

from collections import Counter

import pytest

from govdocparse import grammar, parse_text
from govdocparse.extract.metadata import place_of
from govdocparse.grammar_schema import MetadataGrammar, PrefecturesGrammar

PREFECTURES = grammar.load_typed("prefectures", PrefecturesGrammar)
PROVINCES = grammar.load_typed("metadata", MetadataGrammar).province_level
UNITS = ("市", "地区", "自治州", "盟")


def _pairs() -> list[tuple[str, str, str]]:
    return [
        (province, short, full)
        for province, names in PREFECTURES.prefectures.items()
        for short, full in names.items()
    ]


def test_the_vocabulary_holds_every_prefecture_of_every_province_once():
    pairs = _pairs()
    assert len(pairs) == 333
    assert Counter(full.endswith(unit) for _, _, full in pairs for unit in UNITS)[True] == 333
    assert set(PREFECTURES.prefectures) <= set(PROVINCES)
    shorts = Counter(short for _, short, _ in pairs)
    assert [short for short, n in shorts.items() if n > 1] == []
    assert all(full.startswith(short) and full != short for _, short, full in pairs)
    assert set(PREFECTURES.short_not_alone) <= set(shorts)


@pytest.mark.parametrize(
    ("name", "place"),
    [
        # titles and issuers of several provinces naming the prefecture short
        ("大连儿童发展规划（2021—2030年）", "大连市"),
        ("昆明妇女发展规划(2021-2030年)", "昆明市"),
        ("关于印发《洛阳儿童友好城市建设实施方案》的通知", "洛阳市"),
        ("延边妇女发展规划", "延边朝鲜族自治州"),
        ("黔南儿童发展规划", "黔南布依族苗族自治州"),
        ("锡林郭勒妇女儿童发展纲要", "锡林郭勒盟"),
        ("大兴安岭儿童发展规划", "大兴安岭地区"),
        ("喀什妇女发展规划", "喀什地区"),
        ("钦州儿童友好城市建设三年行动计划", "钦州市"),
        ("昆明海关", "昆明市"),
        # after its province's short name; never after another province's
        ("云南昆明儿童发展规划", "昆明市"),
        ("辽宁大连妇女发展规划", "大连市"),
        ("河北昆明儿童发展规划", None),
        # a unit written out is read as written, never looked up
        ("通化县儿童发展规划", "通化县"),
        ("延边州儿童发展规划", "延边州"),
        ("南京市儿童发展规划", "南京市"),
        ("长沙县儿童友好城市建设方案", "长沙县"),
        # a province's short name stays the province (read by the title rule, not here)
        ("吉林儿童发展规划", None),
        ("海南妇女发展规划", None),
        ("吉林市儿童发展规划", "吉林市"),
        ("海南藏族自治州儿童发展规划", "海南藏族自治州"),
        # short names that are words first, and schools or banks named after a city
        ("长治久安工作方案", None),
        ("安康工程实施方案", None),
        ("来宾接待管理办法", None),
        ("大庆活动筹备方案", None),
        ("黄山风景区管理条例", None),
        ("大理石行业规范条件", None),
        ("普洱茶产业发展规划", None),
        ("日照时数观测规范", None),
        ("中山大学关于印发儿童友好校园建设方案的通知", None),
        ("西安交通大学儿童医学中心建设方案", None),
        ("南京航空航天大学关于印发某方案的通知", None),
        ("苏州银行关于印发某办法的通知", None),
        ("太原小学关于开展读书活动的通知", None),
        # a kind of school is the city's schools, not one school's name
        ("太原中小学课后服务实施方案", "太原市"),
        ("大连大中小学思政课一体化建设方案", "大连市"),
        # written with the unit, those words are places as any other
        ("长治市儿童发展规划", "长治市"),
        ("大理州儿童发展规划", "大理州"),
        # no prefecture at the head
        ("儿童发展规划", None),
        ("关于推进大连儿童友好城市建设的意见", None),
    ],
)
def test_a_prefecture_named_short_is_the_place_by_its_full_name(name, place):
    assert place_of(name) == place


def test_a_title_naming_a_prefecture_short_gives_the_documents_place():
    text = "株洲儿童发展规划（2021—2030年）\n\n发布时间:2022-06-13\n\n为促进儿童发展,制定本规划。\n"
    meta = parse_text(text).documents[0].metadata
    assert meta.place == "株洲市"
    assert meta.provenance["place"].lines == (1, 1)


def test_a_countys_issuer_stays_the_place_when_the_title_names_its_city_short():
    text = (
        "临泽县人民政府关于印发张掖儿童友好城市建设临泽县实施方案的通知\n"
        "各乡镇人民政府：\n现将方案印发给你们，请认真贯彻执行。\n"
        "临泽县人民政府\n2023年3月1日\n"
    )
    assert parse_text(text).documents[0].metadata.place == "临泽县"
