"""Runs the stages in order on one source: normalise, segment, metadata, structure, extract.

This is the only module that knows the order of the stages; each stage knows nothing of the
others' internals. Input is a reader's `Source`, output the `ParseResult` record.
"""

from __future__ import annotations

import re

from .extract.agencies import to_agencies
from .extract.goals import indicators_from_paragraph
from .extract.indicators import indicators_from_table
from .extract.inheritance import share, take_footer
from .extract.metadata import Found, extract_metadata, jurisdiction, missing
from .extract.responsibilities import Clause, find_clauses
from .extract.tables import build_table
from .ids import assign_ids
from .matching import fold_blocks, fold_portal
from .model import Document, Indicator, ParseResult, Responsibility, SourceInfo
from .normalize import normalize
from .segment import Segment, segment, title_provenance
from .source import Source
from .structure import PlacedParagraph, build_structure
from .version import __version__

# What is left of a paragraph that only held a clause: 1. 责任单位：市卫健委。
_PUNCTUATION = re.compile(r"[\s\d.．、，,；;：:。（）()【】]")


def parse_source(source: Source) -> ParseResult:
    folded, restorer = fold_blocks(source.blocks)
    portal = fold_portal(source.portal, restorer)
    restorer.finish()
    blocks = normalize(folded)
    segments = segment(blocks) if blocks else []
    footer = take_footer(segments)
    found = [
        extract_metadata(seg, title_provenance(seg), portal if n == 0 else None)
        for n, seg in enumerate(segments)
    ]
    kinds = [_kind(seg) for seg in segments]
    carried_by = share([f.metadata for f in found], kinds, footer)
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


def _kind(seg: Segment) -> str:
    return seg.kind if seg.kind in ("notice", "plan") else "other"


def _document(seg: Segment, doc_id: str, found: Found, part_of: str | None) -> Document:
    body = [block for block in seg.body if id(block) not in found.consumed]
    structure = build_structure(body, doc_id)
    kind = _kind(seg)
    not_found = missing(found.metadata, kind)
    document = Document(
        id=doc_id,
        kind=kind,  # type: ignore[arg-type]
        title=seg.title,
        part_of=part_of,
        metadata=found.metadata,
        warnings=[f"metadata not found: {', '.join(not_found)}"] if not_found else [],
        preamble=structure.preamble,
        lines=_lines_of(seg),
        sections=structure.sections,
    )
    place = jurisdiction(found.metadata, seg.title)
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
            table, id_prefix=table.id, place=place, period_start=period.start if period else None
        )
        _default_years(document, [i for i in indicators if i.source == "prose"])
        document.indicators.extend(indicators)
        document.responsibilities.extend(responsibilities)
        # 专栏 boxes of key projects state goals too (学前教育毛入园率达到93%以上)
        for n, item in enumerate(table.items, start=1):
            placed_item = PlacedParagraph(
                f"{item.name}。{item.text}", item.provenance, table.section_id, table.title or ""
            )
            _prose(document, placed_item, f"{table.id}-item{n}", place, item=item.name)
    for number, paragraph in enumerate(structure.paragraphs, start=1):
        _prose(document, paragraph, f"{doc_id}-p{number}", place)
    assign_ids(document)
    return document


def _prose(
    document: Document,
    placed: PlacedParagraph,
    prefix: str,
    place: str | None,
    item: str | None = None,
) -> None:
    """Goal sentences and responsibility clauses of one body paragraph (or 专栏 entry `item`)."""
    period = document.metadata.period
    indicators: list[Indicator] = indicators_from_paragraph(
        placed.text,
        placed.prov,
        section_id=placed.section_id,
        id_prefix=prefix,
        context=placed.context,
        period_start=period.start if period else None,
        item=item,
    )
    clauses = find_clauses(placed.text)
    owners = [
        Responsibility(
            id=f"{prefix}-r{n}",
            kind=clause.kind,
            lead=to_agencies(clause.lead, place=place),
            participating=to_agencies(clause.participating, place=place),
            by_duty=clause.by_duty,
            raw=clause.raw,
            attached_to=placed.section_id,
            provenance=placed.prov,
        )
        for n, clause in enumerate(clauses, start=1)
    ]
    document.responsibilities.extend(owners)
    _assign_owners(placed.text, indicators, clauses, owners)
    if owners and not indicators and _only_clauses(placed.text, clauses):
        # 责任单位：… on a line of its own names who owns the goals of the measure above it.
        for indicator in reversed(document.indicators):
            if indicator.section_id != placed.section_id or indicator.responsible_id is not None:
                break
            indicator.responsible_id = owners[0].id
    _default_years(document, indicators)
    document.indicators.extend(indicators)


def _assign_owners(
    text: str, indicators: list[Indicator], clauses: list[Clause], owners: list[Responsibility]
) -> None:
    """Each goal's owner: the first clause ending after its sentence starts (the clause that
    closes its task), else the paragraph's last clause (one heading the paragraph included)."""
    cursor = 0
    for indicator in indicators:
        start = text.find(indicator.sentence or "", cursor) if indicator.sentence else -1
        if start >= 0:
            cursor = start
        following = [k for k, clause in enumerate(clauses) if start >= 0 and clause.end > start]
        if owners:
            indicator.responsible_id = owners[following[0] if following else -1].id


def _only_clauses(text: str, clauses: list[Clause]) -> bool:
    """Whether `text` says nothing besides its clauses and punctuation."""
    rest = text
    for clause in reversed(clauses):
        rest = rest[: clause.start] + rest[clause.end :]
    return not _PUNCTUATION.sub("", rest)


def _default_years(document: Document, indicators: list[Indicator]) -> None:
    """A goal with no 到…年 of its own is a goal for the end of the plan period."""
    period = document.metadata.period
    if period:
        for target in (t for indicator in indicators for t in indicator.targets if t.year is None):
            target.year = period.end


def _lines_of(seg: Segment) -> tuple[int, int] | None:
    lines = [b.prov.lines for b in seg.header + seg.title_blocks + seg.body if b.prov.lines]
    if not lines:
        return None
    return (min(first for first, _ in lines), max(last for _, last in lines))
