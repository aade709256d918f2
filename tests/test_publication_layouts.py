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


def test_a_portal_block_after_the_article_belongs_to_the_pages_document():
    # a notice and its carried plan, the page's metadata printed after both (文件属性 caption,
    # two labels on one line), as some county portals print it
    result = govdocparse.parse_text(
        "青田县人民政府办公室关于印发青田县托育服务提升方案的通知\n"
        "各乡镇人民政府、街道办事处：\n"
        "　　现将《青田县托育服务提升方案》印发给你们，请认真贯彻执行。\n"
        "青田县人民政府办公室\n"
        "2024年1月8日\n"
        "青田县托育服务提升方案\n"
        "一、工作目标\n"
        "到2025年，每千人口拥有3岁以下婴幼儿托位数达到4.5个。\n"
        "文件属性\n"
        "索引号：002012345/2024-00031 发布日期：2024-01-10\n"
        "发文字号：青政办发〔2024〕2号\n"
    )
    notice, plan = result.documents
    assert notice.metadata.doc_number == "青政办发〔2024〕2号"
    assert notice.metadata.portal["索引号"] == "002012345/2024-00031"
    assert plan.metadata.portal == {}
    assert "文件属性" not in plan.sections[-1].text
