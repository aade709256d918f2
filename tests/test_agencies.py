"""Agency canonical names: aliases, renames, levels, places, and every unit named in the corpus."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from govdocparse.extract.agencies import agency_key, canonical, clean, known, to_agencies
from govdocparse.extract.agency_lists import split_agencies
from govdocparse.extract.responsibilities import find_clauses
from govdocparse.grammar import load_typed
from govdocparse.grammar_schema import AgenciesGrammar, MetadataGrammar

from .support import CORPUS_FILES

TEXTS = {path.name.split("-")[0]: path.read_text(encoding="utf-8") for path in CORPUS_FILES}

# Every unit the corpus names in a clause, a responsibility column or an address list, with the
# canonical form it must get in the document that names it: Chongqing's districts (wanzhou,
# kaizhou, yuzhong, whose issuers say 重庆市) fold their renames and abbreviations; Meizhou's
# names (市…) stay as written, since the document does not say its province and the grammar
# records no Guangdong usage.
CHONGQING = "重庆市万州区"
MEIZHOU = "梅州市"
CORPUS_UNITS = {
    "区卫生计生委": "区卫生健康委",
    "区卫健委": "区卫生健康委",
    "区卫生健康委": "区卫生健康委",
    "市卫生健康局": "市卫生健康局",
    "区教委": "区教委",
    "市教育局": "市教育局",
    "区民政局": "区民政局",
    "市民政局": "市民政局",
    "区人力社保局": "区人力社保局",
    "区人社局": "区人力社保局",
    "区发展改革委": "区发展改革委",
    "区发改委": "区发展改革委",
    "市发展改革局": "市发展改革局",
    "区财政局": "区财政局",
    "市财政局": "市财政局",
    "区公安局": "区公安局",
    "区公安分局": "区公安局",
    "市公安局": "市公安局",
    "区司法局": "区司法局",
    "市司法局": "市司法局",
    "区妇联": "区妇联",
    "市妇联": "市妇联",
    "区妇儿工委办": "区妇儿工委办",
    "市妇儿工委办公室": "市妇儿工委办公室",
    "区残联": "区残联",
    "市残联": "市残联",
    "区文化委": "区文化旅游委",
    "区旅游局": "区文化旅游委",
    "区文旅委": "区文化旅游委",
    "区文化旅游委": "区文化旅游委",
    "市文化广电旅游局": "市文化广电旅游局",
    "区城乡建委": "区住房城乡建委",
    "区住建委": "区住房城乡建委",
    "市住房城乡建设局": "市住房城乡建设局",
    "区国土房管局": "区规划自然资源局",
    "区规资局": "区规划自然资源局",
    "市自然资源局": "市自然资源局",
    "区食药监分局": "区市场监管局",
    "区质监局": "区市场监管局",
    "区工商分局": "区市场监管局",
    "区市场监管局": "区市场监管局",
    "市市场监管局": "市市场监管局",
    "区医保局": "区医保局",
    "市医保局": "市医保局",
    "区交委": "区交通局",
    "区交通局": "区交通局",
    "市交通运输局": "市交通运输局",
    "区应急局": "区应急局",
    "市应急管理局": "市应急管理局",
    "区城管局": "区城市管理局",
    "区水利局": "区水利局",
    "区生态环境局": "区生态环境局",
    "市体育局": "市体育局",
    "市科技局": "市科技局",
    "区科协": "区科协",
    "市科协": "市科协",
    "团区委": "团区委",
    "团市委": "团市委",
    "区总工会": "区总工会",
    "市总工会": "市总工会",
    "区委宣传部": "区委宣传部",
    "市委宣传部": "市委宣传部",
    "区委组织部": "区委组织部",
    "区委网信办": "区委网信办",
    "区委政法委": "区委政法委",
    "区国资委": "区国资委",
    "区法院": "区法院",
    "市法院": "市法院",
    "区检察院": "区检察院",
    "区商务委": "区商务委",
    "区乡村振兴局": "区乡村振兴局",
    "区人大办": "区人大办",
    "区政协办": "区政协办",
    "区政府外办": "区政府外办",
    "区政府督查室": "区政府督查室",
    "区督查办": "区督查办",
    "区消防救援支队": "区消防救援支队",
    "区烟草专卖局": "区烟草专卖局",
    "区融媒体中心": "区融媒体中心",
    "各镇乡街道": "各镇乡街道",
    "各镇乡（民族乡）人民政府": "各镇乡（民族乡）人民政府",
    "各乡镇人民政府（街道办事处）": "各乡镇人民政府（街道办事处）",
    "各街道办事处": "各街道办事处",
    "有关街道办事处": "有关街道办事处",
    "各管委会": "各管委会",
    "各县（市、区）人民政府": "各县（市、区）人民政府",
    "区政府各部门": "区政府各部门",
    "区政府有关部门": "区政府有关部门",
    "有关单位": "有关单位",
    "市相关行业主管部门": "市相关行业主管部门",
    "区推进儿童友好城市建设工作领导小组各成员单位": "区推进儿童友好城市建设工作领导小组各成员单位",
    "区未成年人保护工作领导小组各成员单位": "区未成年人保护工作领导小组各成员单位",
    "江南新区管委会": "江南新区管委会",
    "朝天门街道": "朝天门街道",
    "解放碑CBD管委会": "解放碑CBD管委会",
    "时代天街商圈管委会": "时代天街商圈管委会",
    "化龙桥国际商务区开发建设委员会": "化龙桥国际商务区开发建设委员会",
}


# --- aliases and renames in the place that uses them ------------------------------------------


def test_health_renames_are_one_agency_in_chongqing():
    names = ["区卫生计生委", "区卫生健康委", "区卫健委", "区卫生和计划生育委员会"]
    assert {canonical(name, CHONGQING) for name in names} == {"区卫生健康委"}


def test_human_resources_aliases():
    names = ["区人社局", "区人力社保局", "区人力资源和社会保障局"]
    assert {canonical(name, CHONGQING) for name in names} == {"区人力社保局"}


def test_development_reform_aliases():
    names = ["区发改委", "区发展改革委", "区发展和改革委员会"]
    assert {canonical(name, CHONGQING) for name in names} == {"区发展改革委"}


def test_other_provinces_names_are_never_rewritten_into_chongqing_forms():
    # A Hebei county's 教育局 is not a 教委, nor is a Zhejiang city's 卫健局 a 卫生健康委.
    assert canonical("县教育局", "河北省涞源县") == "县教育局"
    assert canonical("市教育局", "浙江省义乌市") == "市教育局"
    assert canonical("市卫健局", "浙江省义乌市") == "市卫健局"
    assert canonical("县卫健委", "安徽省金寨县") == "县卫健委"
    # Not even Chongqing's own short forms: the grammar records no Anhui usage.
    assert canonical("县卫生计生委", "安徽省金寨县") == "县卫生计生委"
    # A Chongqing district writing another place's form keeps it too.
    assert canonical("区教育局", CHONGQING) == "区教育局"


def test_unknown_province_keeps_names_as_written():
    assert canonical("区卫健委") == "区卫健委"
    assert canonical("区卫生计生委", "某某区") == "区卫生计生委"
    assert canonical("市卫生健康局", MEIZHOU) == "市卫生健康局"


def test_level_kept_function_compared_by_key():
    assert canonical("区卫生健康委", CHONGQING) != canonical("市卫生健康局", CHONGQING)
    assert agency_key("区卫生健康委") == agency_key("市卫生健康局") == "卫生健康委"
    assert agency_key("县卫健局") == agency_key("区卫计委") == "卫生健康委"
    assert agency_key("县教育局") == agency_key("区教委") == "教委"


def test_level_inside_the_name():
    assert canonical("团区委", CHONGQING) != canonical("团市委", CHONGQING)
    assert agency_key("团区委") == agency_key("团市委") == agency_key("共青团市委") == "团委"
    assert agency_key("区委宣传部") == agency_key("市委宣传部")
    # Without a level these are not units of any government.
    assert not known("团委")
    assert not known("委宣传部")


def test_science_bureau_and_association_differ():
    assert canonical("市科技局", CHONGQING) != canonical("市科协", CHONGQING)
    assert agency_key("市科技局") != agency_key("市科协")


def test_women_committee_office_is_not_the_committee():
    office = ["区妇女儿童工作委员会办公室", "区妇儿工委办公室"]
    assert {canonical(name, CHONGQING) for name in office} == {"区妇儿工委办"}
    assert canonical("区妇儿工委", CHONGQING) == "区妇儿工委"


def test_2018_predecessors_in_chongqing():
    regulators = ["区食药监分局", "区质监局", "区工商分局"]
    assert {canonical(name, CHONGQING) for name in regulators} == {"区市场监管局"}
    assert canonical("区国土房管局", CHONGQING) == canonical("区规资局", CHONGQING)
    assert (
        canonical("区城乡建委", CHONGQING) == canonical("区住建委", CHONGQING) == "区住房城乡建委"
    )
    assert canonical("区交委", CHONGQING) == canonical("区交通局", CHONGQING) == "区交通局"
    culture = ["区文化委", "区旅游局", "区文旅委"]
    assert {canonical(name, CHONGQING) for name in culture} == {"区文化旅游委"}
    # The same predecessors elsewhere stay as written: their successors differ by place.
    assert canonical("县工商局", "河南省兰考县") == "县工商局"


def test_market_regulation_at_city_level():
    assert canonical("市市场监督管理局", CHONGQING) == "市市场监管局"
    assert agency_key("市市场监管局") == agency_key("区工商分局") == "市场监管局"


def test_courts_and_procuratorates():
    assert canonical("区人民法院", CHONGQING) == "区法院"
    assert canonical("市中级人民法院", CHONGQING) == "市法院"
    assert canonical("区人民检察院", CHONGQING) == "区检察院"


def test_level_free_alias():
    assert canonical("卫健委", "重庆市") == "卫生健康委"


# --- cleaning and unknown names ---------------------------------------------------------------


def test_whitespace_and_width_are_ignored():
    assert canonical(" 区 卫 健 委\n", CHONGQING) == "区卫生健康委"
    assert canonical("区卫生计生委\u3000", CHONGQING) == "区卫生健康委"
    assert canonical("解放碑ＣＢＤ管委会") == "解放碑CBD管委会"


def test_collectives_canonicalise_to_themselves_everywhere():
    for name in ["各镇乡街道", "各县（市、区）人民政府", "各街道办事处", "有关单位"]:
        assert canonical(name) == canonical(name, CHONGQING) == name
        assert known(name)
    assert canonical("各县(市、区)人民政府") == "各县（市、区）人民政府"


def test_unknown_names_come_back_cleaned():
    assert canonical("区 某某 中心", CHONGQING) == "区某某中心"
    assert agency_key("区某某中心") == "区某某中心"
    assert not known("区某某中心")
    assert canonical("区卫健委下属医院", CHONGQING) == "区卫健委下属医院"


def test_place_spelled_out():
    assert canonical("万州区卫生和计划生育委员会", place="重庆市万州区") == "区卫生健康委"
    assert canonical("重庆市万州区卫生计生委", place="重庆市万州区") == "区卫生健康委"
    assert canonical("重庆市卫生健康委", place="重庆市万州区") == "市卫生健康委"
    assert canonical("渝中区政府办公室", place="重庆市渝中区") == "区政府办"
    assert canonical("梅州市卫生健康局", place="广东省梅州市") == "梅州市卫生健康局"
    # Only known agencies lose the place; the rest stay as written.
    assert canonical("万州区人民医院", place="重庆市万州区") == "万州区人民医院"
    assert canonical("万州区卫生计生委") == "万州区卫生计生委"


def test_to_agencies_builds_records():
    (agency,) = to_agencies(["区卫健委"], place=CHONGQING)
    assert (agency.name, agency.canonical) == ("区卫健委", "区卫生健康委")


# --- the corpus -------------------------------------------------------------------------------


@pytest.mark.parametrize("name,expected", sorted(CORPUS_UNITS.items()))
def test_corpus_unit(name, expected):
    assert any(name in text for text in TEXTS.values()), "listed unit not found in the corpus"
    assert known(name)
    place = MEIZHOU if name in TEXTS["meizhou"] and name not in TEXTS["wanzhou"] else CHONGQING
    assert canonical(name, place) == expected


def test_every_clause_unit_is_listed():
    for text in TEXTS.values():
        for clause in find_clauses(text):
            for name in clause.lead + clause.participating:
                assert name in CORPUS_UNITS, name


def test_every_unit_list_line_is_fully_known():
    """A short line naming one known unit names only known units, and all are listed above.

    This covers the responsibility columns of the kaizhou and meizhou tables (a cell, or a
    cell's continuation line) and the address lists, without depending on a table reader.
    """
    for stem, text in TEXTS.items():
        for number, line in enumerate(text.splitlines(), 1):
            if "。" in line:
                continue
            names, _ = split_agencies(line)
            if any(known(name) for name in names):
                unknown = [name for name in names if name not in CORPUS_UNITS]
                assert not unknown, f"{stem}:{number} {unknown}"


# --- the grammar file -------------------------------------------------------------------------

_CITATION = re.compile(r"(wanzhou|kaizhou|yuzhong|meizhou|zunyi):(\d+)")


def _spellings(entry) -> list[str]:
    names = [entry.canonical, *entry.aliases, *entry.elsewhere]
    names += [name for rename in entry.renames for name in rename.names]
    levels = ["", "区", "市", "县", "省"]
    return [name.replace("{level}", level) for name in names for level in levels]


def test_every_example_cites_a_corpus_line_that_names_the_agency():
    grammar = load_typed("agencies", AgenciesGrammar)
    lines = {stem: text.splitlines() for stem, text in TEXTS.items()}
    for entry in grammar.agencies:
        citations = [entry.example] + [rename.example for rename in entry.renames]
        for citation in citations:
            cited = _CITATION.findall(citation)
            assert cited, f"{entry.canonical}: no corpus citation in {citation!r}"
            for stem, number in cited:
                line = clean(lines[stem][int(number) - 1])
                assert any(clean(s) in line for s in _spellings(entry)), (
                    entry.canonical,
                    stem,
                    number,
                )
    for unit in grammar.as_written:
        stem, number = _CITATION.findall(unit.example)[0]
        assert clean(unit.name) in clean(lines[stem][int(number) - 1]), unit.name


def test_renamed_places_are_province_level_names():
    provinces = set(load_typed("metadata", MetadataGrammar).province_level)
    for entry in load_typed("agencies", AgenciesGrammar).agencies:
        assert set(entry.places) <= provinces, entry.places


# --- robustness -------------------------------------------------------------------------------


@given(st.text(), st.one_of(st.none(), st.text(max_size=12)))
def test_canonical_never_raises(name, place):
    assert isinstance(canonical(name, place), str)
    assert isinstance(agency_key(name, place), str)


@given(st.one_of(st.text(), st.sampled_from(sorted(CORPUS_UNITS))))
@example("t¨")  # folds to "t", a space and a combining mark
def test_canonical_is_idempotent(name):
    assert canonical(canonical(name)) == canonical(name)
    assert canonical(canonical(name, CHONGQING), CHONGQING) == canonical(name, CHONGQING)
    assert clean(clean(name)) == clean(name)
