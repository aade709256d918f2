"""What the documents of one file share: a notice's fields, and the file's 版记 footer.

A notice that carries plans (关于印发…规划的通知) comes before them; each later document that is
not itself a notice, nor a 公文 with a 文号 of its own (the next document of a gazette issue), is
carried by the notice before it and inherits the fields it does not state (文号, issuer, place,
dates), listed in `metadata.inherited`; an annex (a list or table printed as 附件) is carried by
the document it is attached to, whatever its kind. A proclamation that publishes the document
after it (某省…常务委员会公告 / （第62号） / 《某省…条例》已由…通过，现予公布) carries it as a
notice carries the plan it hands down, and so does a news story whose lead announces the full
text of the document after it (…印发《…》。全文如下：). The 版记 printed at the end of the
file — 抄送 and 印发机关和印发日期 — comes after the plans but belongs to the notice, or to the
file's first document when there is no notice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from .. import grammar
from ..grammar_schema import MetadataGrammar
from ..model import Metadata, Provenance
from ..segment import Segment
from ..source import Block, Paragraph, TableBlock, span
from ..textutil import squash_spaces
from .metadata import printed_line, split_cc

INHERITED_FIELDS = ("doc_number", "issuer", "place", "date_written", "date_published")


@dataclass
class Footer:
    cc: list[str] = field(default_factory=list)
    cc_prov: Provenance | None = None
    printer: str | None = None
    date_printed: str | None = None
    printed_prov: Provenance | None = None


def take_footer(segments: list[Segment]) -> Footer:
    """The file's 抄送 and 印发 lines, removed from whichever body they were printed in."""
    footer = Footer()
    for seg in segments:
        seg.body[:] = [line for block in seg.body for line in _footer_table_lines(block)]
        k = 0
        while k < len(seg.body):
            block = seg.body[k]
            if not isinstance(block, Paragraph):
                k += 1
                continue
            names = split_cc(block) if footer.cc_prov is None else None
            printed = printed_line(block) if footer.printed_prov is None else None
            if names is not None:
                count = _cc_lines(seg.body, k)
                block = _joined(seg.body[k : k + count])
                footer.cc, footer.cc_prov = split_cc(block) or names, block.prov
                del seg.body[k : k + count]
            elif printed is not None:
                (footer.printer, footer.date_printed), footer.printed_prov = printed, block.prov
                del seg.body[k]
            else:
                k += 1
    return footer


def _footer_table_lines(block: Block) -> list[Block]:
    """A 版记 set in a one-column ruled table (as Word and WPS templates print it), as its lines;
    any other block as it is."""
    if not isinstance(block, TableBlock):
        return [block]
    cells = [row[0] for row in block.rows if len(row) == 1 and row[0].text.strip()]
    if len(cells) != len(block.rows):
        return [block]
    lines = [Paragraph(" ".join(cell.text.split()), cell.prov) for cell in cells]
    if not any(split_cc(line) is not None or printed_line(line) for line in lines):
        return [block]
    return list(lines)


# A 抄送 list the page wrapped runs on over at most this many more lines, up to its full stop.
_CC_WRAPS = 2
_CC_END = ("。", ".")


def _cc_lines(body: list[Block], k: int) -> int:
    """How many lines the 抄送 list at body[k] takes: a list that does not end its sentence goes
    on into the lines below it up to the one that does (抄送：…，市高级 / 法院，市检察院。), short
    of the 印发 line; a list never closed stays one line."""
    n = 1
    first = body[k]
    text = first.text.strip() if isinstance(first, Paragraph) else ""
    while not text.endswith(_CC_END) and n <= _CC_WRAPS and k + n < len(body):
        line = body[k + n]
        if not isinstance(line, Paragraph) or printed_line(line) or split_cc(line) is not None:
            break
        text = line.text.strip()
        n += 1
    return n if text.endswith(_CC_END) else 1


def _joined(lines: list[Block]) -> Paragraph:
    first, last = lines[0], lines[-1]
    assert isinstance(first, Paragraph)
    text = "".join(line.text.strip() for line in lines if isinstance(line, Paragraph))
    return Paragraph(text, span(first.prov, last.prov), first.style)


_BOOK_MARKS = str.maketrans("", "", "《》〈〉")


def publishers(segments: Sequence[Segment]) -> list[bool]:
    """For each document, whether it is a proclamation or an order (its title ends in a
    `proclamation_types` or `decree_types` word) whose text cites the next document's title:
    the regulation it publishes; or a news story whose lead announces the next document's full
    text (…印发《…》。全文如下：)."""
    rules = grammar.load_typed("metadata", MetadataGrammar)
    types = tuple(rules.proclamation_types + rules.decree_types)
    found = [False] * len(segments)
    for n, (seg, after) in enumerate(pairwise(segments)):
        if not (seg.title and after.title):
            continue
        if after.announced_by is not None:
            found[n] = True
            continue
        if not squash_spaces(seg.title).endswith(types):
            continue
        # its marks aside: a regulation titled 某省实施《某某条例》办法 is cited as
        # 《某省实施〈某某条例〉办法》
        cited = squash_spaces(after.title).translate(_BOOK_MARKS)
        found[n] = any(
            isinstance(block, Paragraph)
            and cited in squash_spaces(block.text).translate(_BOOK_MARKS)
            for block in seg.body
        )
    return found


def share(
    metadata: list[Metadata], kinds: Sequence[str], publishes: Sequence[bool], footer: Footer
) -> list[int | None]:
    """Inherited fields into carried documents, the footer into the notice (or the first
    document); returns for each document the index of the notice or the proclamation
    (`publishes`, from `publishers`) that carries it, or None."""
    notice: int | None = None
    attached_to: int | None = None
    carried_by: list[int | None] = []
    for n, kind in enumerate(kinds):
        carries = kind == "notice" or publishes[n]
        if kind == "annex":
            carrier = attached_to
        elif carries or metadata[n].doc_number is not None:
            carrier = None
        else:
            carrier = notice
        if carries:
            notice = n
        if kind != "annex":
            attached_to = n
        carried_by.append(carrier)
        if carrier is not None:
            _inherit(metadata[n], metadata[carrier])
    if metadata:
        owner = metadata[kinds.index("notice")] if "notice" in kinds else metadata[0]
        if footer.cc and footer.cc_prov:
            owner.cc = footer.cc
            owner.provenance["cc"] = footer.cc_prov
        if footer.printer and footer.printed_prov:
            owner.printer, owner.date_printed = footer.printer, footer.date_printed
            owner.provenance["printer"] = footer.printed_prov
            owner.provenance["date_printed"] = footer.printed_prov
    return carried_by


def _inherit(meta: Metadata, source: Metadata) -> None:
    for name in INHERITED_FIELDS:
        if getattr(meta, name) is None and getattr(source, name) is not None:
            setattr(meta, name, getattr(source, name))
            meta.inherited.append(name)
            if name in source.provenance:
                meta.provenance[name] = source.provenance[name]
