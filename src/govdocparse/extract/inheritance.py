"""What the documents of one file share: a notice's fields, and the file's 版记 footer.

A notice that carries plans (关于印发…规划的通知) comes before them; each later document that is
not itself a notice, nor a 公文 with a 文号 of its own (the next document of a gazette issue), is
carried by the notice before it and inherits the fields it does not state (文号, issuer, place,
dates), listed in `metadata.inherited`; an annex (a list or table printed as 附件) is carried by
the document it is attached to, whatever its kind. The 版记 printed at the end of the
file — 抄送 and 印发机关和印发日期 — comes after the plans but belongs to the notice, or to the
file's first document when there is no notice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import Metadata, Provenance
from ..segment import Segment
from ..source import Paragraph
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
        for block in list(seg.body):
            if not isinstance(block, Paragraph):
                continue
            names = split_cc(block) if footer.cc_prov is None else None
            printed = printed_line(block) if footer.printed_prov is None else None
            if names is not None:
                footer.cc, footer.cc_prov = names, block.prov
                seg.body.remove(block)
            elif printed is not None:
                (footer.printer, footer.date_printed), footer.printed_prov = printed, block.prov
                seg.body.remove(block)
    return footer


def share(metadata: list[Metadata], kinds: Sequence[str], footer: Footer) -> list[int | None]:
    """Inherited fields into carried documents, the footer into the notice (or the first
    document); returns for each document the index of the notice that carries it, or None."""
    notice: int | None = None
    attached_to: int | None = None
    carried_by: list[int | None] = []
    for n, kind in enumerate(kinds):
        if kind == "annex":
            carrier = attached_to
        elif kind == "notice" or metadata[n].doc_number is not None:
            carrier = None
        else:
            carrier = notice
        if kind == "notice":
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
