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


def test_a_long_bulleted_portal_list_under_the_title_with_values_bulleted_too():
    # labels and values alike as list items (· 文号： / · 青政发〔2023〕9号), eight labels, so the
    # list runs far past the few lines a 文号 and a date take, and the recipients come after it
    fields = [
        ("索引号", "002012/2023-1"),
        ("主题分类", "卫生/托育"),
        ("文号", "青政发〔2023〕9号"),
        ("发布机构", "县政府"),
        ("成文日期", "2023-05-04"),
        ("发布日期", "2023-05-06"),
        ("有效性", "有效"),
        ("废止日期", ""),
    ]
    lines = ["青田县人民政府关于加快托育服务发展的实施意见"]
    for label, value in fields:
        lines += [f"· {label}：", f"· {value}"] if value else [f"· {label}："]
    lines += ["各乡镇人民政府、街道办事处，县政府各部门：", "　　为加快托育服务发展，提出意见。"]
    document = _only("\n".join(lines))
    assert document.metadata.doc_number == "青政发〔2023〕9号"
    assert document.metadata.portal["索引号"] == "002012/2023-1"
    assert document.metadata.portal["有效性"] == "有效"
    assert document.metadata.recipients == ["各乡镇人民政府", "街道办事处", "县政府各部门"]


def test_cities_named_with_a_one_character_stem_before_cheng_shi_or_du_shi_are_places():
    from govdocparse.extract.metadata import place_of

    assert place_of("聊城市人民政府办公室") == "聊城市"
    assert place_of("宜都市教育局") == "宜都市"
    assert place_of("成都市武侯区人民政府") == "武侯区"
    assert place_of("中小城市综合改革试点方案") is None
    assert place_of("大城市儿童友好空间建设指引") is None
    assert place_of("文明城市创建工作方案") is None


def test_the_signature_date_is_the_written_date_before_a_header_date_above_it():
    # a compilation page's header block: the title, 文号, the date the page gives, then the notice
    # with its own signature and an earlier date
    document = govdocparse.parse_text(
        "聊城市人民政府办公室关于印发聊城市托育服务提升方案的通知\n"
        "聊政办字〔2023〕15号\n"
        "2023-06-20\n"
        "各县（市、区）人民政府，市政府各部门：\n"
        "　　现将《聊城市托育服务提升方案》印发给你们，请认真贯彻执行。\n"
        "聊城市人民政府办公室\n"
        "2023年6月14日\n"
    ).documents[0]
    assert document.metadata.date_written == "2023-06-14"
    assert document.metadata.place == "聊城市"
