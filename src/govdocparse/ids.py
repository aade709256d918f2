"""Gives a document's indicators and responsibilities ids derived from what they are, so that an
edit elsewhere in a plan renames nothing.

The extractors number what they find in reading order (d2-t1-r5, d2-p10-i0, d2-p10-r1): an audit
between two versions of a plan would then see every goal after an inserted sentence renamed.
After extraction the pipeline calls `assign_ids(document)`, which rewrites

- a table row: the table's label instead of its position, the row number kept
  (d2-t1-r5 → d2-专栏1-r5; a table without a label keeps its position: d2-t3-r5);
- a goal stated in prose, or in a 专栏 box of key projects: its section and measure name
  (d2-p10-i0 → d2-s2.5-孕产妇系统管理率; d1-托班 for a goal outside any section);
- a responsibility clause of a table cell: from its row, as before (d2-专栏1-r5-resp); one
  ending a paragraph: its section and its (first) lead agency (d2-s2.5-resp-区卫生健康委).

Ids stay unique within the document: a second record wanting an id gets `~2`, a third `~3`, in
reading order. Every reference follows: `parent_id`, `responsible_id` and `attached_to`.
Section and table ids are the structure's own (their path and position), left as they are.
"""

from __future__ import annotations

from .model import Document, Table


def assign_ids(document: Document) -> None:
    """Give `document`'s indicators and responsibilities their stable ids (see the docstring)."""
    tables = _table_keys(document)
    taken: set[str] = set()
    indicators: dict[str, str] = {}
    for indicator in document.indicators:
        if indicator.table_id in tables:
            wanted = tables[indicator.table_id] + indicator.id.removeprefix(indicator.table_id)
        else:
            wanted = f"{indicator.section_id or document.id}-{_compact(indicator.name)}"
        indicators[indicator.id] = _unique(wanted, taken)

    def in_table(identifier: str) -> str | None:
        """A table row's or indicator's id in the new scheme; None for anything else."""
        if identifier in indicators:
            return indicators[identifier]
        for table_id, key in tables.items():
            if identifier.startswith(f"{table_id}-"):
                return key + identifier.removeprefix(table_id)
        return None

    taken = set()
    responsibilities: dict[str, str] = {}
    for responsibility in document.responsibilities:
        row = in_table(responsibility.attached_to or "")
        if row is not None:  # a table cell: named after its row, as the extractor named it
            wanted = in_table(responsibility.id) or f"{row}-resp"
            responsibility.attached_to = row
        else:  # a clause of prose, attached to its section
            agencies = responsibility.lead or responsibility.participating
            owner = agencies[0].canonical if agencies else responsibility.kind
            wanted = f"{responsibility.attached_to or document.id}-resp-{_compact(owner)}"
        responsibilities[responsibility.id] = _unique(wanted, taken)
        responsibility.id = responsibilities[responsibility.id]

    for indicator in document.indicators:
        indicator.id = indicators[indicator.id]
        if indicator.parent_id is not None:
            indicator.parent_id = indicators.get(indicator.parent_id, indicator.parent_id)
        if indicator.responsible_id is not None:
            indicator.responsible_id = responsibilities.get(
                indicator.responsible_id, indicator.responsible_id
            )


def _table_keys(document: Document) -> dict[str, str]:
    """table id → the prefix of its rows' ids: the document id and the table's label."""
    taken: set[str] = set()
    return {table.id: _unique(_table_key(document.id, table), taken) for table in document.tables}


def _table_key(document_id: str, table: Table) -> str:
    label = _compact(table.label or "")
    return f"{document_id}-{label}" if label else table.id


def _compact(text: str) -> str:
    """`text` without white space, which an id should not hold."""
    return "".join(text.split())


def _unique(wanted: str, taken: set[str]) -> str:
    identifier, n = wanted, 1
    while identifier in taken:
        n += 1
        identifier = f"{wanted}~{n}"
    taken.add(identifier)
    return identifier
