"""Runs the stages in order on one source: normalise, segment, metadata, structure, extract.

This is the only module that knows the order of the stages; each stage knows nothing of the
others' internals. Input is a reader's `Source`, output the `ParseResult` record.
"""

from __future__ import annotations

from . import __version__
from .extract.agencies import to_agencies
from .extract.indicators import indicators_from_paragraph, indicators_from_table
from .extract.metadata import extract_metadata, split_cc
from .extract.responsibilities import find_clauses
from .extract.tables import build_table
from .ids import assign_ids
from .model import Document, Indicator, ParseResult, Provenance, Responsibility, SourceInfo
from .normalize import normalize
from .segment import Segment, segment, title_provenance
from .source import Paragraph, Source
from .structure import PlacedParagraph, build_structure

INHERITED_FIELDS = ("doc_number", "issuer", "place", "date_written", "date_published")


def parse_source(source: Source) -> ParseResult:
    blocks = normalize(source.blocks)
    segments = segment(blocks) if blocks else []
    cc, cc_prov = _take_cc(segments)
    documents: list[Document] = []
    carrier: Document | None = None
    for number, seg in enumerate(segments, start=1):
        document = _document(seg, f"d{number}", source, first=number == 1)
        if document.kind == "notice" and carrier is None:
            carrier = document
            if cc:
                document.metadata.cc = cc
                document.metadata.provenance["cc"] = cc_prov
        elif carrier is not None and document.kind != "notice":
            _inherit(document, carrier)
        documents.append(document)
    if cc and carrier is None and documents:
        documents[0].metadata.cc = cc
        documents[0].metadata.provenance["cc"] = cc_prov
    info = SourceInfo(
        path=source.path,
        format=source.format,
        sha256=source.sha256,
        encoding=source.encoding,
        warnings=source.warnings,
    )
    return ParseResult(parser_version=__version__, source=info, documents=documents)


def _take_cc(segments: list[Segment]) -> tuple[list[str], Provenance | None]:
    """The file's 抄送 footer: it belongs to the notice even when printed after the plans."""
    for seg in segments:
        for block in seg.body:
            if isinstance(block, Paragraph):
                names = split_cc(block)
                if names is not None:
                    seg.body.remove(block)
                    return names, block.prov
    return [], None


def _document(seg: Segment, doc_id: str, source: Source, first: bool) -> Document:
    title_prov = title_provenance(seg)
    found = extract_metadata(seg, title_prov, source.portal if first else None)
    body = [block for block in seg.body if id(block) not in found.consumed]
    structure = build_structure(body, doc_id)
    document = Document(
        id=doc_id,
        kind=seg.kind if seg.kind in ("notice", "plan") else "other",
        title=seg.title,
        metadata=found.metadata,
        preamble=structure.preamble,
        lines=_lines_of(seg),
        sections=structure.sections,
    )
    for number, placed in enumerate(structure.tables, start=1):
        table = build_table(
            placed.block,
            table_id=f"{doc_id}-t{number}",
            label=placed.label,
            number=placed.number,
            title=placed.title,
            section_id=placed.section_id,
        )
        document.tables.append(table)
        indicators, responsibilities = indicators_from_table(
            table, id_prefix=table.id, place=document.metadata.place
        )
        document.indicators.extend(indicators)
        document.responsibilities.extend(responsibilities)
        # 专栏 boxes of key projects state goals too (学前教育毛入园率达到93%以上)
        for n, item in enumerate(table.items, start=1):
            placed_item = PlacedParagraph(
                f"{item.name}。{item.text}", item.provenance, table.section_id, table.title or ""
            )
            _prose(document, placed_item, f"{table.id}-item{n}")
    for number, placed in enumerate(structure.paragraphs, start=1):
        _prose(document, placed, f"{doc_id}-p{number}")
    assign_ids(document)
    return document


def _prose(document: Document, placed: PlacedParagraph, prefix: str) -> None:
    """Goal sentences and responsibility clauses of one body paragraph."""
    period = document.metadata.period
    indicators: list[Indicator] = indicators_from_paragraph(
        placed.text,
        placed.prov,
        section_id=placed.section_id,
        id_prefix=prefix,
        context=placed.context,
        period_start=period.start if period else None,
    )
    clauses = find_clauses(placed.text)
    for n, clause in enumerate(clauses, start=1):
        responsibility = Responsibility(
            id=f"{prefix}-r{n}",
            kind=clause.kind,
            lead=to_agencies(clause.lead, place=document.metadata.place),
            participating=to_agencies(clause.participating, place=document.metadata.place),
            by_duty=clause.by_duty,
            raw=clause.raw,
            attached_to=placed.section_id,
            provenance=placed.prov,
        )
        document.responsibilities.append(responsibility)
    if clauses:
        # A clause at the end of a measure names who owns every goal the measure states.
        for indicator in indicators:
            indicator.responsible_id = document.responsibilities[-1].id
    if period:
        # A goal with no 到…年 of its own is a goal for the end of the plan period.
        for target in (t for indicator in indicators for t in indicator.targets if t.year is None):
            target.year = period.end
    document.indicators.extend(indicators)


def _inherit(document: Document, carrier: Document) -> None:
    document.part_of = carrier.id
    meta, source = document.metadata, carrier.metadata
    for name in INHERITED_FIELDS:
        if getattr(meta, name) is None and getattr(source, name) is not None:
            setattr(meta, name, getattr(source, name))
            meta.inherited.append(name)
            if name in source.provenance:
                meta.provenance[name] = source.provenance[name]


def _lines_of(seg: Segment) -> tuple[int, int] | None:
    lines = [b.prov.lines for b in seg.header + seg.title_blocks + seg.body if b.prov.lines]
    if not lines:
        return None
    return (min(first for first, _ in lines), max(last for _, last in lines))
