"""Runs the stages in order on one source: normalise, segment, metadata, structure, extract.

This is the only module that knows the order of the stages; each stage knows nothing of the
others' internals. Input is a reader's `Source`, output the `ParseResult` record.
"""

from __future__ import annotations

from .extract.indicators import drop_cell_goals_in_prose, indicators_from_table
from .extract.inheritance import publishers, share, take_footer
from .extract.metadata import (
    Found,
    Page,
    extract_metadata,
    jurisdiction,
    missing,
    take_page_trailer,
)
from .extract.paragraphs import date_to_period_end, read_paragraph, read_paragraphs
from .extract.responsibilities import first_leads_note
from .extract.tables import build_table
from .ids import assign_ids
from .matching import fold_blocks, fold_portal
from .model import Document, DocumentKind, ParseResult, SourceInfo
from .normalize import column_organ, normalize
from .segment import Segment, segment, title_provenance
from .source import Source
from .structure import PlacedParagraph, build_structure
from .version import __version__


def parse_source(source: Source) -> ParseResult:
    folded, restorer = fold_blocks(source.blocks)
    portal = fold_portal(source.portal, restorer)
    restorer.finish()
    blocks = normalize(folded)
    segments = segment(blocks) if blocks else []
    footer = take_footer(segments)
    trailer = take_page_trailer(segments)
    page = Page(portal, source.portal_provenance, source.attachments, column_organ(folded))
    found = [
        extract_metadata(seg, title_provenance(seg), page, trailer)
        if n == 0
        else extract_metadata(seg, title_provenance(seg))
        for n, seg in enumerate(segments)
    ]
    kinds = [_kind(seg) for seg in segments]
    carried_by = share([f.metadata for f in found], kinds, publishers(segments), footer)
    documents = [
        _document(seg, f"d{n + 1}", found[n], None if by is None else f"d{by + 1}")
        for n, (seg, by) in enumerate(zip(segments, carried_by, strict=True))
    ]
    for document in documents:
        restorer.restore(document)
    info = SourceInfo(
        path=source.path,
        format=source.format,
        sha256=source.sha256,
        encoding=source.encoding,
        warnings=source.warnings,
    )
    return ParseResult(parser_version=__version__, source=info, documents=documents)


def _kind(seg: Segment) -> DocumentKind:
    kinds: dict[str, DocumentKind] = {"notice": "notice", "plan": "plan", "annex": "annex"}
    return kinds.get(seg.kind, "other")


def _document(seg: Segment, doc_id: str, found: Found, part_of: str | None) -> Document:
    body = [block for block in seg.body if id(block) not in found.consumed]
    structure = build_structure(body, doc_id)
    kind = _kind(seg)
    not_found = missing(found.metadata, kind)
    document = Document(
        id=doc_id,
        kind=kind,
        title=seg.title,
        part_of=part_of,
        metadata=found.metadata,
        warnings=[f"metadata not found: {', '.join(not_found)}"] if not_found else [],
        preamble=structure.preamble,
        lines=_lines_of(seg),
        sections=structure.sections,
    )
    place = jurisdiction(found.metadata, seg.title)
    # a note under the title on which unit of a task table's cells leads (排名第一的为牵头单位)
    first_leads = any(
        first_leads_note(text)
        for text in (seg.title or "", structure.preamble.text if structure.preamble else "")
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
        period = document.metadata.period
        indicators, responsibilities = indicators_from_table(
            table,
            id_prefix=table.id,
            place=place,
            period_start=period.start if period else None,
            period_end=period.end if period else None,
            first_leads=first_leads,
        )
        date_to_period_end([i for i in indicators if i.source == "prose"], period)
        document.indicators.extend(indicators)
        document.responsibilities.extend(responsibilities)
        # 专栏 boxes of key projects state goals too (学前教育毛入园率达到93%以上)
        for n, item in enumerate(table.items, start=1):
            placed_item = PlacedParagraph(
                f"{item.name}。{item.text}", item.provenance, table.section_id, table.title or ""
            )
            read_paragraph(document, placed_item, f"{table.id}-item{n}", place, item=item.name)
    read_paragraphs(document, structure.paragraphs, doc_id, place)
    document.indicators = drop_cell_goals_in_prose(document.indicators)
    assign_ids(document)
    return document


def _lines_of(seg: Segment) -> tuple[int, int] | None:
    """The lines the document holds; in a file with pages, those of its first page."""
    blocks = seg.header + seg.title_blocks + seg.body
    page = blocks[0].prov.page if blocks else None
    lines = [b.prov.lines for b in blocks if b.prov.lines and b.prov.page == page]
    if not lines:
        return None
    return (min(first for first, _ in lines), max(last for _, last in lines))
