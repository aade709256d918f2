"""Characters as written, matched as meant: traditional copies, Kangxi radicals, mirror damage."""

import json
import re

import opencc
import pytest

import govdocparse
from govdocparse.matching import Restorer, matching_form, repair
from govdocparse.model import Provenance
from govdocparse.output import to_json

from .support import DOCS


def _records(name: str) -> dict:
    result = json.loads(to_json(govdocparse.parse(DOCS / name)))
    return {"documents": result["documents"]}


def test_a_traditional_copy_gives_the_records_of_its_simplified_twin():
    simplified = _records("simplified-county-plan.txt")
    traditional = _records("traditional-county-plan.txt")
    notice, plan = traditional["documents"]
    # written as the copy writes them
    assert notice["title"] == "青溪縣人民政府辦公室關於印發青溪縣兒童友好城市建設實施⽅案的通知"
    assert notice["metadata"]["issuer"] == "青溪縣人民政府辦公室"
    assert plan["sections"][1]["title"] == "重點任務"
    assert [a["name"] for a in plan["responsibilities"][0]["lead"]] == ["縣衛生健康局", "縣教育局"]
    # and read as the simplified twin is read: the same records, character for character
    to_simplified = opencc.OpenCC("t2s").convert
    as_simplified = json.loads(
        to_simplified(json.dumps(traditional, ensure_ascii=False)).replace(
            "traditional-county-plan.txt", "simplified-county-plan.txt"
        )
    )
    assert as_simplified["documents"][0]["title"].endswith("实施⽅案的通知")
    as_simplified["documents"][0]["title"] = simplified["documents"][0]["title"]
    assert as_simplified == simplified
    assert plan["metadata"]["period"] == {"start": 2022, "end": 2025}
    assert len(plan["indicators"]) >= 4


@pytest.mark.parametrize("province", ["陝西", "陜西"])
def test_a_character_t2s_leaves_is_read_as_the_one_a_copy_meant(province):
    """Big5 mirrors write 陜 (an old form of 狹) for 陝: the issuer's place is read either way, as
    written."""
    title = f"{province}省婦女聯合會關於印發《{province}省家庭教育促進計劃》的通知\n"
    [document] = govdocparse.parse_text(title).documents
    assert document.metadata.place == f"{province}省"


def test_kangxi_radicals_and_compatibility_ideographs_match_as_unified_characters():
    assert matching_form("⽅案⼯作") == "方案工作"
    assert matching_form("\uf9dc") == "隆"
    text = "⼀、总体要求\n（⼀）指导思想。坚持⼉童优先。\n⼆、主要⽬标\n"
    [document] = govdocparse.parse_text(text).documents
    assert [(s.number, s.ordinal, s.title) for s in document.sections] == [
        ("⼀、", 1, "总体要求"),
        ("⼆、", 2, "主要⽬标"),
    ]


def test_a_pinyin_reading_after_a_character_is_removed():
    assert repair("同步規(guī)劃，統(tǒng)籌推進(jin4)") == "同步規劃，統籌推進"
    assert repair("附件(1)与规划(2021-2030年)") == "附件(1)与规划(2021-2030年)"


@pytest.mark.parametrize(
    ("line", "repaired"),
    [
        # a spam mirror's readings without tone marks, several a line, one after another
        (
            "青山縣(xian)每個村(社區(qu))至少(shao)設立(li)一名兒童主任",
            "青山縣每個村(社區)至少設立一名兒童主任",
        ),
        ("關(guan)于印發(fa)《實施方案》的(de)(de)通知", "關于印發《實施方案》的通知"),
        ("工作（zuo）領導小（xiao）組", "工作領導小組"),
        # one bracketed word alone may be English, and units or acronyms are no syllable
        ("一名(li)兒童", "一名(li)兒童"),
        ("服务半径(km)和重量(kg)", "服务半径(km)和重量(kg)"),
        ("通过政务(app)和(wifi)办理", "通过政务(app)和(wifi)办理"),
    ],
)
def test_toneless_readings_are_removed_where_a_line_holds_several(line, repaired):
    assert repair(line) == repaired


def test_a_spam_mirror_with_toneless_readings_reads_as_its_clean_copy():
    mirror = (
        "青山縣(xian)人民政府關(guan)于印發(fa)青山縣兒童發展規劃的(de)通知\n"
        "各鄉(xiang)鎮人民政府(fu)，縣政府各部門(men)：\n"
        "現將(jiang)《青山縣兒童發展規劃》印發給你們(men)，請認真貫徹執行(xing)。\n"
    )
    clean = govdocparse.parse_text(re.sub(r"\([a-z]+\)", "", mirror)).documents[0]
    copy = govdocparse.parse_text(mirror).documents[0]
    assert copy.title == clean.title == "青山縣人民政府關于印發青山縣兒童發展規劃的通知"
    assert (
        copy.metadata.recipients == clean.metadata.recipients == ["各鄉鎮人民政府", "縣政府各部門"]
    )


def test_a_spam_mirrors_single_readings_go_too():
    # the same mirror puts one reading on the signature and the date lines (民政部(bu),
    # 28日(ri)): once the file shows it is such a copy, a line's one reading is no text either
    mirror = (
        "青山縣民政局(ju)關于做好兒童主任工作的通知\n"
        "各鄉(xiang)鎮人民政府：\n"
        "每個村(社區(qu))至少(shao)設立(li)一名兒童主(zhu)任。\n"
        "青山縣民政局(ju)\n"
        "2023年5月8日(ri)\n"
    )
    [notice] = govdocparse.parse_text(mirror).documents
    assert notice.title == "青山縣民政局關于做好兒童主任工作的通知"
    assert (notice.metadata.issuer, notice.metadata.date_written) == ("青山縣民政局", "2023-05-08")
    # a file with a line of two bracketed words is no mirror for that alone: its word stays
    plain = "青山縣便民服務指南\n辦事可登錄政務(app)或(wifi)熱點。\n服務熱線(man)值守。\n"
    preamble = govdocparse.parse_text(plain).documents[0].preamble
    assert preamble is not None and "(man)" in preamble.text


def test_a_stray_question_mark_keeps_a_name_in_one_piece():
    text = "关于印发青溪县儿童友好城市建?实施方案的通知\n各乡镇：\n现印发给你们。\n一、总体要求\n"
    [document] = govdocparse.parse_text(text).documents
    assert document.kind == "notice"
    assert document.title == "关于印发青溪县儿童友好城市建?实施方案的通知"
    assert [s.title for s in document.sections] == ["总体要求"]


def test_matching_form_keeps_the_length_and_half_width_punctuation_folds_in_chinese_only():
    for text in ["關於印發兒童規劃", "儿童,妇女;(一)坚持", "1,000 a:b", "時間:2024-03-01 10:20"]:
        assert len(matching_form(text)) == len(text)
    assert matching_form("儿童,妇女;(一)坚持") == "儿童，妇女；（一）坚持"
    assert matching_form("1,000 a:b") == "1,000 a:b"


def test_a_full_stop_typed_as_a_dot_ends_the_sentence_but_a_decimal_point_stays():
    assert (
        matching_form("(一)儿童与健康.婴儿死亡率控制在5‰以下.")
        == "（一）儿童与健康。婴儿死亡率控制在5‰以下。"
    )
    assert matching_form("达到95%.(责任单位:区卫健局)") == "达到95%。（责任单位：区卫健局）"
    assert matching_form("降至3.0‰、4.5%") == "降至3.0‰、4.5%"
    text = "某县人民政府\n(一)儿童与健康.婴儿死亡率控制在5‰以下.\n"
    [document] = govdocparse.parse_text(
        "某县儿童发展规划（2021-2030年）\n一、主要目标\n" + text
    ).documents
    assert any(i.name == "婴儿死亡率" for i in document.indicators)


@pytest.mark.parametrize(
    "text, meant",
    [
        # a mirror whose encoding could not write a non-breaking space prints ? for it
        ("某省人民政府????????", "某省人民政府\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000"),
        ("市民政局:?", "市民政局：\u3000"),
        ("??各县人民政府", "\u3000\u3000各县人民政府"),
        ("第一條?為規範管理", "第一条\u3000为规范管理"),
        ("第一章?總?則", "第一章\u3000总\u3000则"),
        # a ? between two characters, or after an opening mark, stands for a lost character
        ("青溪县儿童友好城市建?实施方案", "青溪县儿童友好城市建囗实施方案"),
        ("“?山秀水”", "“?山秀水”"),
    ],
)
def test_a_question_mark_is_a_lost_space_or_a_lost_character_by_where_it_stands(text, meant):
    assert matching_form(text) == meant


def test_a_mirror_that_wrote_its_spaces_as_question_marks_reads_like_the_original():
    text = (
        "某省人民政府关于印发某省儿童福利机构管理办法的通知\n某政发〔2023〕15号\n各市人民政府：\n"
        "现印发给你们。\n某省人民政府????????\n2023年5月22日????????\n某省儿童福利机构管理办法\n"
        "第一章?总?则\n第一条?为规范管理，制定本办法。\n第二章?附?则\n第二条?本办法自印发之日起施行。\n"
    )
    notice, rules = govdocparse.parse_text(text).documents
    assert (notice.metadata.issuer, notice.metadata.date_written) == ("某省人民政府", "2023-05-22")
    assert [s.title for s in rules.sections] == ["总则", "附则"]


def test_where_the_usual_spelling_is_the_matching_form_only_changed_blocks_restore():
    """One cell of a PDF writes a half-width comma where the rest writes full-width ones: a
    string from that cell gets its comma back, with or without spaces inside, and strings
    found only in unchanged blocks stay as they are."""
    restorer = Restorer()
    cell = Provenance(file="f.pdf", page=6, table_row=47, table_col=1)
    body = Provenance(file="f.pdf", page=6, lines=(3, 4))
    restorer.add(cell, "人均预期寿命，其中女性", "人均预期寿命,其中女性")
    restorer.add(body, "人均预期寿命，健康预期寿命同步提高", "人均预期寿命，健康预期寿命同步提高")
    restorer.add(body, "规划目标，主要指标", "规划目标，主要指标")
    restorer.finish()
    assert restorer.changed_only is not None
    assert restorer.restore_text("寿命，其中", cell) == "寿命,其中"
    assert restorer.restore_text("寿命， 其中", cell) == "寿命, 其中"
    assert restorer.restore_text("人均预期寿命，健康", body) == "人均预期寿命，健康"
    assert restorer.restore_text("目标，主要", None) == "目标，主要"


def test_a_pdf_section_running_onto_the_next_page_gets_its_written_characters_back():
    """A section's lines in a PDF are lines of the page its heading is on: they do not tell
    which lines of the next page it holds, so a section is never taken for untouched there."""
    from govdocparse.model import Document, Metadata, Section

    restorer = Restorer()
    heading = Provenance(file="f.pdf", page=1, lines=(20, 20))
    moved = Provenance(file="f.pdf", page=2, lines=(3, 3))
    restorer.add(heading, "一、目标，任务", "一、目标，任务")
    restorer.add(Provenance(file="f.pdf", page=1, lines=(21, 22)), "甲，乙，丙", "甲，乙，丙")
    restorer.add(moved, "儿童优先，全面发展", "儿童优先,全面发展")
    restorer.finish()
    assert restorer.local_only
    section = Section(
        id="d1-s1",
        level=1,
        number="一、",
        title="目标，任务",
        text="儿童优先，全面发展",
        lines=(20, 25),
        provenance=heading,
    )
    document = Document(
        id="d1", kind="plan", title=None, metadata=Metadata(), sections=[section], lines=(1, 25)
    )
    restorer.restore(document)
    assert document.sections[0].title == "目标，任务"
    assert document.sections[0].text == "儿童优先,全面发展"


def test_a_pdf_table_row_carried_over_a_page_gets_its_written_characters_back():
    """A table's provenance names the page it starts on and each row the page it is printed
    on: a changed cell on the next page is restored through the table, and only what starts
    after the last changed page is passed over."""
    from govdocparse.model import Document, Metadata, Table, TableRow

    restorer = Restorer()
    restorer.add(Provenance(file="f.pdf", page=1, lines=(2, 2)), "一、主要指标", "一、主要指标")
    carried = Provenance(file="f.pdf", page=2, table_row=1, table_col=1)
    restorer.add(carried, "新生儿访视率，城乡", "新生儿访视率,城乡")
    restorer.add(
        Provenance(file="f.pdf", page=3, lines=(1, 1)), "附件，说明，备注", "附件，说明，备注"
    )
    restorer.finish()
    assert restorer.local_only
    table = Table(
        id="d1-t1",
        header=["序号", "指标"],
        rows=[
            TableRow(
                cells=["1", "孕产妇系统管理率"],
                provenance=carried.model_copy(
                    update={"page": 1, "table_row": 0, "table_col": None}
                ),
            ),
            TableRow(
                cells=["2", "新生儿访视率，城乡"],
                provenance=carried.model_copy(update={"table_col": None}),
            ),
        ],
        provenance=Provenance(file="f.pdf", page=1),
    )
    document = Document(
        id="d1", kind="plan", title=None, metadata=Metadata(), tables=[table], lines=(1, 3)
    )
    restorer.restore(document)
    assert document.tables[0].rows[1].cells[1] == "新生儿访视率,城乡"
    assert not restorer.untouched(Provenance(file="f.pdf", page=2))
    assert restorer.untouched(Provenance(file="f.pdf", page=3))
    assert restorer.untouched(Provenance(file="f.pdf", page=3, lines=(1, 1)))


@pytest.mark.parametrize(
    ("line", "matched"),
    [
        # a question in English punctuation: its mark kept, the line's text whole
        ("问:学前教育补助怎么申请?", "问：学前教育补助怎么申请？"),
        ("孩子放学后谁来管?", "孩子放学后谁来管？"),
        # no question word: a lost space at the line's end, a lost character between Han text
        ("关于印发某方案的通知?", "关于印发某方案的通知\u3000"),
        ("青?县儿童发展规划", "青囗县儿童发展规划"),
        # a question word too far before the mark asks nothing of it
        ("多少年来，各地持续推进儿童友好城市建设?", "多少年来，各地持续推进儿童友好城市建设\u3000"),
    ],
)
def test_a_half_width_question_mark_after_a_question_word_is_one(line, matched):
    assert matching_form(line) == matched


def test_a_question_and_answer_page_in_english_punctuation_keeps_its_question_marks():
    text = "问:托育补贴每月多少?\n答:每孩每月300元。\n"
    [document] = govdocparse.parse_text(text).documents
    assert document.preamble is not None
    assert document.preamble.text == "问:托育补贴每月多少?\n答:每孩每月300元。"
