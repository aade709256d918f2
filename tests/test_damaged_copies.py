"""Copies that sites and crawls damaged: what is still safe to read from them, and what is not.

Every text here is invented in the layout of the damage it stands for: a public institution
signing its own notice, a crawl that dropped a date's 年月日 or a 文号's brackets and 号.
"""

import pytest

from govdocparse import parse_text

NOTICE = (
    "关于印发{plan}的通知\n{number}各科室：\n现将《{plan}》印发给你们，请认真组织实施。\n"
    "{signature}\n{date}\n{plan}\n一、工作目标\n到2025年，辖区儿童健康管理率达到92%以上。\n"
)
PLAN = "儿童健康促进工作方案"


def _notice(signature: str, date: str = "2023年6月12日", number: str = "") -> str:
    return NOTICE.format(plan=PLAN, signature=signature, date=date, number=number)


@pytest.mark.parametrize(
    "institution",
    [
        "澄江市妇幼保健院",
        "岚山县疾病预防控制中心",
        "溪口区第二实验小学",
        "白沙县人民医院",
        "长宁市青少年活动中心",
        "桐乡县乡村振兴服务站",
    ],
)
def test_a_public_institution_signing_its_notice_is_the_issuer(institution):
    notice, plan = parse_text(_notice(institution)).documents
    assert notice.metadata.issuer == institution
    assert (notice.metadata.date_written, plan.metadata.issuer) == ("2023-06-12", institution)


@pytest.mark.parametrize(
    "line",
    [
        "儿童保健中心",  # no place: a unit of the text's own, not a signature
        "加快建设妇幼保健院",  # a task that names an institution, no place
        "澄江市妇幼保健院，县疾病预防控制中心",  # a sentence
    ],
)
def test_a_line_naming_an_institution_is_no_signature_unless_it_is_one(line):
    [notice, _] = parse_text(_notice(line)).documents
    assert notice.metadata.issuer is None


def test_an_institution_named_in_the_body_is_no_issuer():
    # the same name on a line of the text, with no date under it, signs nothing
    text = (
        f"澄江市{PLAN}\n一、工作目标\n澄江市妇幼保健院\n到2025年，辖区儿童健康管理率达到92%以上。\n"
    )
    [plan] = parse_text(text).documents
    assert plan.metadata.issuer is None


@pytest.mark.parametrize(
    "signature, date, iso",
    [
        ("澄江市人民政府办公室", "2023 3 15", "2023-03-15"),
        ("澄江市妇幼保健院", "2021 12 30", "2021-12-30"),
        ("澄江市人民政府办公室", "2023\u30003\u300015", "2023-03-15"),
    ],
)
def test_a_date_that_lost_its_marks_under_a_signature_is_read(signature, date, iso):
    notice, plan = parse_text(_notice(signature, date)).documents
    assert (notice.metadata.issuer, notice.metadata.date_written) == (signature, iso)
    assert plan.metadata.date_written == iso


@pytest.mark.parametrize(
    "above, numbers",
    [
        ("特此通知。", "2023 3 15"),  # no signature above: three bare numbers
        ("澄江市人民政府办公室", "2023 13 15"),  # no month 13
        ("澄江市人民政府办公室", "2023 3 15 8"),  # four numbers: a row of a table
    ],
)
def test_bare_numbers_are_no_date_unless_under_a_signature(above, numbers):
    [notice, _] = parse_text(_notice(above, numbers)).documents
    assert notice.metadata.date_written is None


@pytest.mark.parametrize(
    "number, read",
    [
        ("澄府办发2023 4号", "澄府办发〔2023〕4号"),
        ("澄府办发〔2023〕12", "澄府办发〔2023〕12号"),
        ("澄教发[2022]7", "澄教发〔2022〕7号"),
        ("澄府办发[2023]12号", "澄府办发[2023]12号"),  # undamaged: as written
        ("澄民202164", None),  # the year and the number run together: unreadable
        ("依据澄府办发〔2023〕12文件执行。", None),  # a citation in a sentence
    ],
)
def test_a_damaged_doc_number_alone_under_the_title(number, read):
    [notice, _] = parse_text(_notice("澄江市人民政府办公室", number=number + "\n")).documents
    assert notice.metadata.doc_number == read
