"""Table captions: label, number and title of the line above a table, and lines that only look
like one; the same vocabulary tells the readers that a caption line opens a block."""

from __future__ import annotations

import pytest

from govdocparse.captions import Caption, parse_caption, starts_caption
from govdocparse.headings import opens_block


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("专栏2  2021—2030年妇女发展主要指标", ("专栏2", "2", "2021—2030年妇女发展主要指标")),
        (
            "专栏1  2011—2020年儿童发展主要指标完成情况",
            ("专栏1", "1", "2011—2020年儿童发展主要指标完成情况"),
        ),
        ("专栏3 妇女健康提升重点工程", ("专栏3", "3", "妇女健康提升重点工程")),
        ("专栏10 妇女法律保护重点工程", ("专栏10", "10", "妇女法律保护重点工程")),
        ("附件1-3", ("附件1-3", "1-3", None)),
        ("附件 1－2", ("附件1－2", "1-2", None)),
        ("表1 各区主要指标", ("表1", "1", "各区主要指标")),
        ("附表2", ("附表2", "2", None)),
        ("附表2：重点项目清单", ("附表2", "2", "重点项目清单")),
        ("专栏１２　重点工程", ("专栏１２", "12", "重点工程")),
        ("专栏5重点工程", ("专栏5", "5", "重点工程")),
        ("表3. 指标", ("表3", "3", "指标")),
        ("专栏一 重点工程", ("专栏一", "一", "重点工程")),
    ],
)
def test_parse_caption(text, expected):
    assert parse_caption(text) == Caption(*expected)


@pytest.mark.parametrize(
    "text",
    [
        "附件：1-1.儿童友好城市建设重点工程",  # the annex list of a notice, not a caption
        "1-2.儿童友好城市建设重点政策",
        "表彰先进集体和个人",
        "专栏",
        "表1所列项目由各区县负责实施。各部门要加强协调，确保按期完成。",
        "",
    ],
)
def test_not_a_caption(text):
    assert parse_caption(text) is None


@pytest.mark.parametrize(
    ("text", "starts"),
    [
        ("专栏2  主要指标", True),
        ("附件 1－2", True),
        ("专栏一 重点工程", True),
        ("附件：1-1.", False),
    ],
)
def test_a_caption_line_opens_a_block(text, starts):
    assert starts_caption(text) is starts
    assert opens_block(text) is starts
