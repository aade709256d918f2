"""The five real documents: segmentation, heading counts per level and every metadata field.

Counts were established by reading each source file; they are the issue's acceptance numbers.
"""

from collections import Counter

import pytest

from govdocparse import parse

from .support import CORPUS


def _levels(sections, counts=None):
    counts = Counter() if counts is None else counts
    for section in sections:
        counts[section.level] += 1
        _levels(section.children, counts)
    return counts


def _walk(sections):
    for section in sections:
        yield section
        yield from _walk(section.children)


@pytest.fixture(scope="module")
def records():
    return {path.stem.split("-")[0]: parse(path) for path in sorted(CORPUS.glob("*.txt"))}


HEADINGS = {
    # place: [(kind, title, {level: count})] per document
    "wanzhou": [("notice", {}), ("plan", {1: 6, 2: 35})],
    "kaizhou": [("notice", {}), ("plan", {1: 5, 2: 25, 3: 58}), ("plan", {1: 5, 2: 22, 3: 58})],
    "zunyi": [("plan", {1: 5, 2: 25, 3: 18, 4: 136})],
    "meizhou": [("plan", {1: 3, 2: 13, 3: 24})],
    "yuzhong": [("notice", {}), ("plan", {1: 5, 2: 16, 3: 15, 4: 46})],
}


@pytest.mark.parametrize("place", sorted(HEADINGS))
def test_documents_and_headings_per_level(records, place):
    documents = records[place].documents
    assert [(d.kind, dict(_levels(d.sections))) for d in documents] == HEADINGS[place]


def test_kaizhou_child_plan_keeps_its_seventh_task_despite_arabic_numerals(records):
    child = records["kaizhou"].documents[2]
    tasks = child.sections[2]
    assert [(s.number, s.ordinal) for s in tasks.children][-1] == ("（7）", 7)
    assert [s.title for s in child.sections][3] == "组织实施"


def test_zunyi_item_six_is_about_children_under_five(records):
    health_goals = records["zunyi"].documents[0].sections[2].children[0].children[0]
    assert health_goals.title == "主要目标"
    assert (health_goals.children[5].ordinal, health_goals.children[5].text[:9]) == (
        6,
        "5岁以下儿童贫血率",
    )


def test_yuzhong_numbers_46_tasks_under_11_measures(records):
    plan = records["yuzhong"].documents[1]
    measures = [s for s in _walk(plan.sections) if s.number.endswith(".")]
    tasks = [
        s for s in _walk(plan.sections) if s.number.startswith("(") and s.number[1:-1].isdigit()
    ]
    assert [m.ordinal for m in measures] == list(range(1, 12))
    assert [t.ordinal for t in tasks] == list(range(1, 47))


def test_meizhou_continuous_numbering_across_sections(records):
    tasks = records["meizhou"].documents[0].sections[1]
    assert [[c.ordinal for c in s.children] for s in tasks.children] == [
        [1, 2, 3, 4],
        [5, 6, 7, 8, 9],
        [10, 11, 12],
        [13, 14, 15, 16],
        [17, 18, 19, 20, 21],
        [22, 23, 24],
    ]


METADATA: dict[str, list[dict[str, object]]] = {
    "wanzhou": [
        dict(
            doc_number="万州府办发〔2018〕19号",
            issuer="重庆市万州区人民政府办公室",
            place="万州区",
            date_written="2018-03-07",
            recipients=[
                "江南新区管委会",
                "各镇乡（民族乡）人民政府",
                "各街道办事处",
                "区政府各部门",
                "有关单位",
            ],
            cc=[
                "区委办公室",
                "区人大常委会办公室",
                "区政协办公室",
                "万州经开区办公室",
                "区法院",
                "区检察院",
                "区人武部",
            ],
            period=None,
        ),
        dict(doc_number="万州府办发〔2018〕19号", place="万州区", cc=[], period=None),
    ],
    "kaizhou": [
        dict(
            doc_number="开州府发〔2023〕4号",
            issuer="重庆市开州区人民政府",
            place="开州区",
            date_written="2023-02-09",
            recipients=["各乡镇人民政府（街道办事处）", "区政府各部门", "有关单位"],
            period=(2021, 2030),
        ),
        dict(
            title="开州区妇女发展规划",
            place="开州区",
            doc_number="开州府发〔2023〕4号",
            period=(2021, 2030),
        ),
        dict(
            title="开州区儿童发展规划",
            place="开州区",
            doc_number="开州府发〔2023〕4号",
            period=(2021, 2030),
        ),
    ],
    "zunyi": [
        dict(title="遵义市儿童发展规划", doc_number=None, place="遵义市", period=(2021, 2025))
    ],
    "meizhou": [
        dict(title="梅州市儿童友好城市建设实施方案", doc_number=None, place="梅州市", period=None)
    ],
    "yuzhong": [
        dict(
            doc_number="渝中府办〔2024〕7号",
            issuer="重庆市渝中区人民政府办公室",
            place="渝中区",
            date_written="2024-03-14",
            date_published="2024-04-01",
            recipients=["区政府各部门", "各管委会", "各街道办事处", "有关单位"],
            period=(2024, 2026),
        ),
        dict(
            title="重庆市渝中区儿童友好城市建设三年行动计划",
            place="渝中区",
            doc_number="渝中府办〔2024〕7号",
            period=(2024, 2026),
        ),
    ],
}


@pytest.mark.parametrize("place", sorted(METADATA))
def test_metadata_fields(records, place):
    for document, expected in zip(records[place].documents, METADATA[place], strict=True):
        meta = document.metadata
        for field, value in expected.items():
            if field == "title":
                assert document.title == value
            elif field == "period":
                assert ((meta.period.start, meta.period.end) if meta.period else None) == value
            else:
                assert getattr(meta, field) == value, field


def test_yuzhong_portal_fields(records):
    portal = records["yuzhong"].documents[0].metadata.portal
    assert portal == {
        "索引号": "12844103567866362S/2024-00002",
        "发布机构": "渝中区政府办公室",
        "成文日期": "2024-03-14",
        "发布日期": "2024-04-01",
        "主题分类": "其他;未成年人(儿童)",
        "体裁分类": "其他",
        "发文字号": "渝中府办〔2024〕7号",
        "有效性": None,
    }


def test_every_metadata_value_has_provenance(records):
    for record in records.values():
        for document in record.documents:
            meta = document.metadata
            for field in (
                "doc_number",
                "issuer",
                "place",
                "date_written",
                "recipients",
                "cc",
                "period",
            ):
                if getattr(meta, field) and field not in meta.inherited:
                    assert field in meta.provenance, (document.title, field)


def test_no_chrome_or_field_code_reaches_the_records(records):
    text = "".join(r.model_dump_json() for r in records.values())
    for residue in (
        "HYPERLINK",
        "_GoBack",
        "扫一扫",
        "视力保护色",
        "分享到",
        "文件下载",
        "媒体视角",
    ):
        assert residue not in text
