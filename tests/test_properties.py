"""Property tests: the text entry points never raise and always give the same answer.

`parse_text` and `parse_target` take any string, including full-width forms, control characters
and lone surrogates; readers take any bytes and either decode them or refuse them with a
`GovDocError`. Pure random text rarely looks like a document, so most properties also run on
text assembled from the pieces real documents are made of: numbered headings (一、（一）1．(1)),
goal sentences, responsibility clauses, TAB table rows and blank lines.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govdocparse import parse_target, parse_text
from govdocparse.errors import DecodeError, EmptyInputError, GovDocError
from govdocparse.output import to_json
from govdocparse.readers import read_data
from govdocparse.readers.text import decode

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Every category, surrogates (Cs) and controls (Cc) included.
any_char = st.characters(categories=["L", "M", "N", "P", "S", "Z", "C"])
cjk = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
full_width = st.characters(min_codepoint=0xFF01, max_codepoint=0xFF5E)
awkward = st.sampled_from(
    list("\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\u3000\xa0\u200b\ufeff\ud800\udfff\x00\x1b")
    + list("、，。；：（）()《》“”〔〕【】％‰≥≤＜＞~～—－-/.．·…①②")
)
any_text = st.text(st.one_of(any_char, cjk, full_width, awkward), max_size=300)

HEADINGS = [
    "一、",
    "二、",
    "十二、",
    "（一）",
    "（十）",
    "(二)",
    "1．",
    "1.",
    "2、",
    "12．",
    "(1)",
    "（3）",
    "①",
    "②",
    "第一章 ",
    "第二条 ",
    "第三部分 ",
    "专栏1 ",
    "专栏 2：",
    "附件1",
    "附件：",
    "——",
    "一是",
    "",
]
SENTENCES = [
    "总体要求",
    "主要目标",
    "策略措施",
    "组织实施",
    "儿童与健康",
    "到2030年，婴儿死亡率、5岁以下儿童死亡率分别降至3.0‰、4.0‰和6.0‰以下。",
    "适龄儿童入学率达到95%以上",
    "孕产妇死亡率下降到12/10万以下，逐步提高母乳喂养率。",
    "学前三年毛入园率保持在90%左右",
    "（责任单位：市卫生健康委、市教委）",
    "(牵头单位:市民政局,参与单位:市财政局、各区县人民政府)",
    "加强儿童友好城市建设，完善儿童福利体系。",
    "某市人民政府关于印发某市儿童发展规划（2021—2030年）的通知",
    "各区县人民政府，市政府各部门：",
    "现将《规划》印发给你们，请认真贯彻执行。",
    "某市人民政府",
    "2021年12月30日",
    "渝府发〔2021〕12号",
    "抄送：市委办公厅，市人大常委会办公厅。",
    "指标名称",
    "目标值",
    "≥90",
    "<8",
    "＜5‰",
    "50左右",
    "是",
    "否",
    "—",
    "/",
    "0-17岁",
    "1:1",
    "您当前所在的位置：首页 > 政策文件",
    "【打印本页】【关闭窗口】",
]
heading_line = st.builds(lambda h, s: h + s, st.sampled_from(HEADINGS), st.sampled_from(SENTENCES))
tab_line = st.builds(
    lambda s: "\t" + s, st.one_of(st.sampled_from(SENTENCES), st.just(""), st.text(cjk, max_size=8))
)
blank_line = st.sampled_from(["", " ", "\u3000\u3000", "\t"])
noise_line = st.text(st.one_of(any_char, cjk, awkward), max_size=20)
document_line = st.one_of(
    heading_line,
    heading_line,
    st.sampled_from(SENTENCES),
    tab_line,
    tab_line,
    blank_line,
    noise_line,
)
document_text = st.builds(
    lambda lines, newline: newline.join(lines),
    st.lists(document_line, max_size=40),
    st.sampled_from(["\n", "\n", "\r\n", "\r"]),
)
units = st.sampled_from([None, "%", "‰", "人", "个", "1/10万", "岁", "万人"])


def _record(text: str) -> str:
    result = parse_text(text, name="prop.txt")
    out = to_json(result)
    json.loads(out)
    return out


@SETTINGS
@given(any_text)
def test_parse_text_never_raises_on_any_string(text):
    _record(text)


@SETTINGS
@given(document_text)
def test_parse_text_never_raises_on_document_like_text(text):
    _record(text)


@SETTINGS
@given(st.one_of(document_text, any_text), st.one_of(document_text, any_text))
def test_parse_text_is_deterministic_and_keeps_no_state(text, other):
    first = _record(text)
    _record(other)
    assert _record(text) == first


def _atoms(text: str, unit: str | None) -> list[dict]:
    atoms = parse_target(text, unit=unit)
    assert isinstance(atoms, list)
    return [atom.model_dump() if hasattr(atom, "model_dump") else vars(atom) for atom in atoms]


@SETTINGS
@given(any_text, units)
def test_parse_target_never_raises_and_is_deterministic(text, unit):
    assert _atoms(text, unit) == _atoms(text, unit)


@SETTINGS
@given(st.lists(st.sampled_from(SENTENCES + HEADINGS), max_size=6).map("".join), units, any_text)
def test_parse_target_on_target_like_text(text, unit, other):
    first = _atoms(text, unit)
    _atoms(other, unit)
    assert _atoms(text, unit) == first


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes_are_read_or_refused_with_a_typed_error(data):
    try:
        read_data(data, "bytes.txt")
    except GovDocError as refused:
        assert "\n" not in str(refused) and str(refused).startswith("bytes.txt: ")


@SETTINGS
@given(document_text, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]))
def test_decoding_gives_back_the_text_or_refuses(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:  # lone surrogates: no encoding can hold them
        return
    try:
        decoded, _, _ = decode(data, "doc.txt")
    except (DecodeError, EmptyInputError) as refused:
        assert str(refused).startswith("doc.txt: ")
        return
    # Bytes valid in more than one encoding are read as the first that fits (UTF-8 before GB18030),
    # so only a UTF read must give back the text exactly. A BOM the encoder did not add itself is
    # taken for one.
    if encoding == "utf-8":
        assert decoded == text.removeprefix("\ufeff")
    elif encoding != "gb18030":
        assert decoded == text


@SETTINGS
@given(st.one_of(document_text, any_text))
def test_text_reader_and_parse_text_agree(text):
    """A file holding the UTF-8 of a string gives the same documents as parse_text of the string."""
    data = text.encode("utf-8", "replace")
    try:
        source = read_data(data, "prop.txt")
    except GovDocError:
        return
    from govdocparse.pipeline import parse_source

    decoded, _, _ = decode(data, "prop.txt")
    from_file = json.loads(to_json(parse_source(source)))
    from_text = json.loads(_record(decoded))
    assert from_file["documents"] == from_text["documents"]
