"""Layout classes the third held-out batch of tests/realworld/ showed, each checked on a variation
written for the test (another place, other numbering or punctuation than the batch's document)."""

import govdocparse


def _only(text: str):
    [document] = govdocparse.parse_text(text).documents
    return document


def test_an_interpretation_titled_by_its_form_reads_its_questions_as_headings():
    document = _only(
        "图解：《青田县托育服务补贴办法（试行）》\n"
        "发布时间：2024-02-01 来源：县卫生健康局\n"
        "问1:哪些家庭可以申请补贴？\n"
        "答：在本县居住的3岁以下婴幼儿家庭均可申请。\n"
        "问2:补贴标准是多少？\n"
        "答：每名婴幼儿每月补贴不少于300元。\n"
    )
    assert document.title == "图解：《青田县托育服务补贴办法（试行）》"
    assert document.kind == "other"
    assert document.metadata.place == "青田县"
    assert [s.title for s in document.sections] == ["哪些家庭可以申请补贴？", "补贴标准是多少？"]
