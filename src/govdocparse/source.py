"""The block stream every reader produces and every later stage consumes.

A reader turns a file into a `Source`: paragraphs and tables in reading order, each carrying the
provenance of where it sits in the file. Everything after the readers is format-blind.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Provenance, SourceFormat


@dataclass
class Paragraph:
    text: str
    prov: Provenance
    style: str | None = None  # a reader's structural hint, e.g. DOCX "Heading 1" or HTML "h2"


# The style `normalize` gives the line a portal prints its own name on, above its breadcrumb
# (某镇人民政府 / 当前位置：首页 > 政策文件 > …): the site's name, no 版头 of the document.
SITE_NAME = "site-name"
# The style `normalize` gives a newspaper issue's day printed over its page label (2023年11月21日 /
# 第A06版:要闻, the label dropped as chrome): the stories' publication date.
EDITION_DAY = "edition-day"
# The style of the page's breadcrumb, which the HTML reader keeps first in its stream when it
# names the organ whose column the page sits in (首页 > 政务公开 > 某县民政局 > 通知公告): read by
# `normalize.column_organ` as a text copy's breadcrumb is, then dropped by `normalize`.
BREADCRUMB = "breadcrumb"


@dataclass
class Cell:
    text: str
    prov: Provenance
    rowspan: int = 1
    colspan: int = 1
    merged: bool = False  # True for the covered slots of a vertically merged cell


@dataclass
class TableBlock:
    rows: list[list[Cell]]
    prov: Provenance


Block = Paragraph | TableBlock


@dataclass
class Attachment:
    """A file a page offers beside its article (附件下载): its title as the link shows it, without
    the 附件： label and the file extension, and the link's target as written."""

    title: str
    href: str
    prov: Provenance


@dataclass
class Source:
    path: str
    name: str
    format: SourceFormat
    sha256: str
    blocks: list[Block]
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)
    # portal metadata a reader found outside the article body (an HTML page's info table):
    # label -> value as written, and where each pair stands in the file
    portal: dict[str, str] = field(default_factory=dict)
    portal_provenance: dict[str, Provenance] = field(default_factory=dict)
    # files the page links beside the article, which the block stream does not hold
    attachments: list[Attachment] = field(default_factory=list)


def span(first: Provenance, last: Provenance) -> Provenance:
    """Provenance covering two blocks of the same file (lines merged, first page/paragraph kept;
    lines of the first page only, as they start again on each page)."""
    lines = None
    if first.lines and last.lines and first.page == last.page:
        lines = (min(first.lines[0], last.lines[0]), max(first.lines[1], last.lines[1]))
    return Provenance(
        file=first.file, lines=lines or first.lines, page=first.page, paragraph=first.paragraph
    )
