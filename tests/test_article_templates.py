"""Article pages of the templates notices are saved from, each read to the same records.

Every page under tests/fixtures/templates/ is invented in the element nesting and class names of
one template family — a WordPress theme of a content farm, a Discuz thread, a WeChat article, a
百家号 / 今日头条 / 澎湃号 repost, a 360doc 个人图书馆 page, and the TRS, 大汉 Hanweb and
政务云 templates of government portals — and holds the same invented notice with its plan (青溪县,
a county that is not a seed document's). Whatever the template, the records are the notice's and
the plan's, and no line of the template's furniture (打赏 box, 关注 button, byline, comments,
replies, credits, disclaimers) reaches their text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import govdocparse

from .support import FIXTURES

TEMPLATES = FIXTURES / "templates"

NOTICE = "青溪县人民政府办公室关于印发青溪县儿童关爱服务提升行动方案的通知"
PLAN = "青溪县儿童关爱服务提升行动方案"

# Per family: the furniture words of its page that must not reach any record's text, and the
# 发布日期 its page prints ("" where it prints none a reader can tell from the text).
CASES = [
    (
        "wordpress",
        ["打赏", "赏", "发布于", "小编", "阅读", "本站立场", "评论", "近期文章"],
        "2023-05-10",
    ),
    ("discuz", ["楼主", "沙发", "只看该作者", "回复", "网友", "Discuz", "积分"], ""),
    (
        "wechat",
        ["阅读原文", "预览时标签不可点", "审核", "编辑：", "收录于", "关注", "在看"],
        "2023-05-10",
    ),
    ("baijiahao", ["关注", "举报", "相关推荐", "官方帐号", "青溪发布"], "2023-05-10"),
    ("toutiao", ["原创", "举报", "关注", "相关推荐", "粉丝"], "2023-05-10"),
    ("thepaper", ["澎湃", "特别声明", "神评论", "热新闻"], "2023-05-10"),
    ("360doc", ["转藏", "献花", "一键举报", "类似文章", "读书人"], "2023-05-12"),
    ("trs", ["当前位置", "浏览次数", "字号", "打印", "关闭窗口", "网站标识码"], "2023-05-10"),
    ("hanweb", ["当前位置", "浏览次数", "字体", "纠错", "版权所有"], "2023-05-10"),
    ("zwy", ["您的位置", "分享到", "附件下载", "公网安备"], "2023-05-10"),
]


def _texts(value: object) -> list[str]:
    """Every string of a record but its provenance and the page's metadata block."""
    if isinstance(value, dict):
        return [
            text
            for key, item in value.items()
            if key not in ("provenance", "portal", "source")
            for text in _texts(item)
        ]
    if isinstance(value, list):
        return [text for item in value for text in _texts(item)]
    return [value] if isinstance(value, str) else []


def _parse(family: str):
    return govdocparse.parse(Path(TEMPLATES / f"{family}.html"))


@pytest.mark.parametrize(("family", "furniture", "published"), CASES, ids=[c[0] for c in CASES])
def test_the_template_gives_the_notice_and_its_plan(family, furniture, published):
    notice, plan = _parse(family).documents
    assert (notice.kind, notice.title) == ("notice", NOTICE)
    assert (plan.kind, plan.title, plan.part_of) == ("plan", PLAN, notice.id)
    meta = notice.metadata
    assert (meta.doc_number, meta.issuer, meta.date_written) == (
        "青府办发〔2023〕12号",
        "青溪县人民政府办公室",
        "2023-05-08",
    )
    assert meta.recipients == ["各乡镇人民政府", "县政府各部门"]
    assert (meta.date_published or "") == published
    assert [s.title for s in plan.sections] == ["工作目标", "主要任务", "保障措施"]
    [goal] = [i for i in plan.indicators if i.name == "儿童之家覆盖率"]
    assert [t.raw for t in goal.targets] == ["达到100%"]
    record = json.loads(_parse(family).model_dump_json())
    leaked = [
        (word, text) for text in _texts(record["documents"]) for word in furniture if word in text
    ]
    assert leaked == []
