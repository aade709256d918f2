"""Audit between two versions of a plan or of an indicator table: what was added, removed,
renamed, retargeted, re-united, re-attributed or handed to another agency.

Indicators are paired with the crosswalk's matcher (one-to-one, strongest link first), so the
rules that decide whether two names are one measure are the same in both tools: 学前三年毛入园率
（学前教育毛入园率） in a 2011—2020 table pairs with 学前教育毛入园率 in the 2021—2030 one, while
新生儿死亡率 never pairs with 婴儿死亡率. Targets are compared on their parsed atoms (＞85 and >85
are equal, ≥94 → ≥95 is a change) and shown as written; agencies on their canonical names, so
区卫生计生委 → 区卫生健康委 is the same owner renamed, not a new owner.

    old = resolve("corpus/parsed/kaizhou.json#d3-t1")
    new = resolve("corpus/parsed/kaizhou.json#d3-t2")
    print(render_text(diff(old, new)))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import Field

from .crosswalk.load import load_file
from .crosswalk.matcher import Matcher, pair_one_to_one
from .crosswalk.measures import Measure, indicator_measures
from .errors import InputError
from .model import Document, Indicator, ParseResult, Record, Responsibility, Table, Target
from .textutil import fold, squash_spaces


@dataclass
class IndicatorSet:
    """The indicators one side of a diff is about: a whole file, one document or one table."""

    label: str
    indicators: list[Indicator]
    document: Document
    place: str | None = None
    source_file: str = ""
    table: Table | None = None
    # a file with several documents: every document with its own indicators
    parts: list[tuple[Document, list[Indicator]]] = field(default_factory=list)


class IndicatorRef(Record):
    id: str
    name: str
    unit: str | None = None
    targets: list[str] = Field(default_factory=list)
    actual: str | None = None
    table: str | None = None


class FieldChange(Record):
    field: str  # name, target, unit, attribute, responsible
    old: str | None = None
    new: str | None = None
    detail: str = ""


class PairDiff(Record):
    old: IndicatorRef
    new: IndicatorRef
    match: str
    similarity: float
    changes: list[FieldChange] = Field(default_factory=list)


class DiffReport(Record):
    old: str
    new: str
    changed: list[PairDiff] = Field(default_factory=list)
    unchanged: list[PairDiff] = Field(default_factory=list)
    added: list[IndicatorRef] = Field(default_factory=list)
    removed: list[IndicatorRef] = Field(default_factory=list)


# ------------------------------------------------------------------ addressing


def resolve(spec: str, results: Sequence[ParseResult] | None = None) -> IndicatorSet:
    """`file.json` (every document), `file.json#<document id>` or `file.json#<table id>`.

    A table can also be named by its label, alone when that is unique in the file
    (`file.json#附件1-3`) or after its document's id (`file.json#d3/专栏1`). `results` are the
    records of the file when the caller has them already (a document parsed just now: `diff
    old.docx new.pdf#d2`); else the file is read as parsed JSON.
    """
    path, _, fragment = spec.partition("#")
    if results is None:
        results = load_file(path)
    documents = [(r, d) for r in results for d in r.documents]
    if not documents:
        raise InputError(path, "no documents in the parsed record")
    if not fragment:
        with_indicators = [(r, d) for r, d in documents if d.indicators]
        result, document = (with_indicators or documents)[0]
        return IndicatorSet(
            label=Path(path).name,
            indicators=[i for _, d in with_indicators for i in d.indicators],
            document=document,
            place=document.metadata.place,
            source_file=result.source.path,
            parts=[(d, d.indicators) for _, d in with_indicators],
        )
    named = [(r, d) for r, d in documents if d.id == fragment]
    tables = [(r, d, t) for r, d in documents for t in d.tables]
    document_id, _, label = fragment.rpartition("/")
    chosen = (
        []
        if named
        else [x for x in tables if x[2].id == fragment]
        or [x for x in tables if x[2].label == label and document_id in ("", x[1].id)]
    )
    if len(named) == 1:
        result, document = named[0]
        return IndicatorSet(
            f"{Path(path).name}#{fragment}",
            list(document.indicators),
            document,
            document.metadata.place,
            result.source.path,
        )
    if len(chosen) == 1:
        result, document, table = chosen[0]
        rows = [i for i in document.indicators if i.table_id == table.id]
        return IndicatorSet(
            f"{Path(path).name}#{fragment}",
            rows,
            document,
            document.metadata.place,
            result.source.path,
            table,
        )
    known = dict.fromkeys(
        [d.id for _, d in documents]
        + [f"{t.id} ({t.label or t.title or ''})" for _, _, t in tables]
    )
    problem = "ambiguous" if named or chosen else "no document or table"
    raise InputError(path, f"{problem} #{fragment}; choose one of: {', '.join(known)}")


# ------------------------------------------------------------------ comparing


def _measures(side: IndicatorSet, matcher: Matcher) -> list[tuple[Measure, Indicator, Document]]:
    """The measures of one side, each with its indicator and the document it is in."""
    parts = side.parts or [(side.document, side.indicators)]
    measures: list[tuple[Measure, Indicator, Document]] = []
    for document, indicators in parts:
        found = indicator_measures(
            indicators,
            place=document.metadata.place or side.place or "",
            source_file=side.source_file,
            document=document,
            vocab=matcher.vocab,
        )
        by_id = {indicator.id: indicator for indicator in indicators}
        measures.extend((m, by_id[m.member.indicator_id], document) for m in found)
    return measures


def _ref(measure: Measure) -> IndicatorRef:
    member = measure.member
    return IndicatorRef(
        id=member.indicator_id + (f"#{member.part}" if member.part else ""),
        name=member.name,
        unit=member.unit,
        targets=[t.raw for t in member.targets if t.raw.strip()],
        actual=member.actual.raw if member.actual else None,
        table=member.table_label,
    )


def _atoms(target: Target) -> tuple:
    """What a target states: its atoms without the spelling (＞ and > are one operator)."""
    if target.atoms:
        return tuple(
            (
                a.op,
                a.value,
                a.value_max,
                a.bound,
                a.direction,
                a.change,
                a.reference,
                tuple(a.qualifier),
            )
            for a in target.atoms
        )
    return (squash_spaces(fold(target.raw)),)


def _principal(targets: Sequence[Target]) -> Target | None:
    """The target to compare when labels differ: the latest year's, the last column (the local
    one)."""
    stated = [t for t in targets if t.raw.strip() and t.raw.strip() not in {"—", "-"}]
    if not stated:
        return None
    latest = max(t.year or 0 for t in stated)
    return [t for t in stated if (t.year or 0) == latest][-1]


def _target_changes(old: Sequence[Target], new: Sequence[Target]) -> list[FieldChange]:
    new_by_label = {t.label: t for t in new}
    shared = [t for t in old if t.label in new_by_label]
    pairs: list[tuple[Target | None, Target | None]]
    if shared:
        pairs = [(t, new_by_label[t.label]) for t in shared]
    else:
        pairs = [(_principal(old), _principal(new))]
    changes = []
    for a, b in pairs:
        if a is None and b is None:
            continue
        if a is None or b is None or _atoms(a) != _atoms(b):
            label = a.label if shared and a else ""
            changes.append(
                FieldChange(
                    field="target",
                    old=a.raw.strip() if a else None,
                    new=b.raw.strip() if b else None,
                    detail=f"{label} " if label else "",
                )
            )
    return changes


def _agencies(responsibility: Responsibility | None) -> dict[str, list[str]]:
    """canonical name → names as written, of the lead and participating units."""
    found: dict[str, list[str]] = {}
    if responsibility is not None:
        for agency in (*responsibility.lead, *responsibility.participating):
            names = found.setdefault(agency.canonical, [])
            if agency.name not in names:
                names.append(agency.name)
    return found


def _responsible_changes(
    old: Responsibility | None, new: Responsibility | None
) -> list[FieldChange]:
    before, after = _agencies(old), _agencies(new)
    changes = []
    if set(before) != set(after):
        changes.append(
            FieldChange(
                field="responsible",
                old="、".join(before) or None,
                new="、".join(after) or None,
                detail="; ".join(
                    filter(
                        None,
                        [
                            ("dropped " + "、".join(k for k in before if k not in after))
                            if set(before) - set(after)
                            else "",
                            ("added " + "、".join(k for k in after if k not in before))
                            if set(after) - set(before)
                            else "",
                        ],
                    )
                ),
            )
        )
    for canonical in (k for k in before if k in after):
        if before[canonical] != after[canonical]:
            changes.append(
                FieldChange(
                    field="responsible",
                    old="、".join(before[canonical]),
                    new="、".join(after[canonical]),
                    detail=f"agency renamed (same unit: {canonical})",
                )
            )
    return changes


def _changes(
    old_side: tuple[Measure, Indicator, Document],
    new_side: tuple[Measure, Indicator, Document],
    link_rule: str,
    columns: dict[str, bool],
) -> list[FieldChange]:
    (old, old_indicator, old_document), (new, new_indicator, new_document) = old_side, new_side
    changes = []
    if squash_spaces(old.member.name) != squash_spaces(new.member.name):
        changes.append(
            FieldChange(field="name", old=old.member.name, new=new.member.name, detail=link_rule)
        )
    changes.extend(_target_changes(old.member.targets, new.member.targets))
    old_unit, new_unit = old.unit, new.unit
    if old_unit and new_unit and old_unit != new_unit:
        changes.append(FieldChange(field="unit", old=old.member.unit, new=new.member.unit))
    a, b = old_indicator.attribute, new_indicator.attribute
    if columns["attribute"] and a != b:
        changes.append(FieldChange(field="attribute", old=a, new=b))
    if columns["responsible"]:
        changes.extend(
            _responsible_changes(
                old_document.responsibility(old_indicator.responsible_id),
                new_document.responsibility(new_indicator.responsible_id),
            )
        )
    return changes


def diff(old: IndicatorSet, new: IndicatorSet, matcher: Matcher | None = None) -> DiffReport:
    """Pair the indicators of two sides and report what changed between them."""
    matcher = matcher or Matcher()
    left, right = _measures(old, matcher), _measures(new, matcher)
    pairs = pair_one_to_one(
        matcher,
        [(m.form, m.unit, m.aliases) for m, _, _ in left],
        [(m.form, m.unit, m.aliases) for m, _, _ in right],
    )
    # An attribute or responsible column missing from one side (2011—2020 完成情况 tables have no
    # 指标属性) is not a change of every row.
    columns = {
        "attribute": any(i.attribute for _, i, _ in left) and any(i.attribute for _, i, _ in right),
        "responsible": any(i.responsible_id for _, i, _ in left)
        and any(i.responsible_id for _, i, _ in right),
    }
    report = DiffReport(old=old.label, new=new.label)
    for i, j, link in pairs:
        entry = PairDiff(
            old=_ref(left[i][0]),
            new=_ref(right[j][0]),
            match=link.rule,
            similarity=link.score,
            changes=_changes(left[i], right[j], link.rule, columns),
        )
        (report.changed if entry.changes else report.unchanged).append(entry)
    paired_left, paired_right = {i for i, _, _ in pairs}, {j for _, j, _ in pairs}
    report.removed = [_ref(m) for n, (m, _, _) in enumerate(left) if n not in paired_left]
    report.added = [_ref(m) for n, (m, _, _) in enumerate(right) if n not in paired_right]
    return report


def diff_indicators(
    old: Sequence[Indicator],
    new: Sequence[Indicator],
    document: Document,
    new_document: Document | None = None,
    old_label: str = "old",
    new_label: str = "new",
) -> DiffReport:
    """Diff two lists of indicators (e.g. two tables of one document)."""
    new_document = new_document or document
    return diff(
        IndicatorSet(old_label, list(old), document, document.metadata.place),
        IndicatorSet(new_label, list(new), new_document, new_document.metadata.place),
    )


def diff_documents(old: Document, new: Document) -> DiffReport:
    return diff_indicators(old.indicators, new.indicators, old, new, old.id, new.id)


def diff_tables(
    old: Table, new: Table, document: Document, new_document: Document | None = None
) -> DiffReport:
    """Diff the rows of two tables; `new_document` when the new table is in another document."""
    new_document = new_document or document
    return diff_indicators(
        [i for i in document.indicators if i.table_id == old.id],
        [i for i in new_document.indicators if i.table_id == new.id],
        document,
        new_document,
        old.label or old.id,
        new.label or new.id,
    )


# ------------------------------------------------------------------ report for people


def _describe(ref: IndicatorRef) -> str:
    unit = f" ({ref.unit})" if ref.unit else ""
    targets = f"  target {' / '.join(dict.fromkeys(ref.targets))}" if ref.targets else ""
    actual = f"  actual {ref.actual}" if ref.actual else ""
    return f"{ref.name}{unit}{targets}{actual}"


def render_text(report: DiffReport) -> str:
    """The report as plain text, one indented block per changed indicator."""
    changed, unchanged = len(report.changed), len(report.unchanged)
    lines = [
        f"diff {report.old} → {report.new}",
        f"{changed + unchanged} paired ({changed} changed, {unchanged} unchanged), "
        f"{len(report.removed)} removed, {len(report.added)} added",
    ]
    if report.changed:
        lines += ["", "changed:"]
        for entry in report.changed:
            title = (
                entry.new.name
                if entry.old.name == entry.new.name
                else f"{entry.old.name} → {entry.new.name}"
            )
            lines.append(f"  {title}")
            for change in entry.changes:
                before, after = change.old or "—", change.new or "—"
                if change.field == "name":
                    lines.append(
                        f"    renamed: {change.old} → {change.new}  "
                        f"({change.detail}, similarity {entry.similarity:g})"
                    )
                elif change.field == "target":
                    actual = f"  [past actual {entry.old.actual}]" if entry.old.actual else ""
                    lines.append(f"    target {change.detail}{before} → {after}{actual}")
                elif change.detail:
                    lines.append(f"    {change.field}: {before} → {after}  ({change.detail})")
                else:
                    lines.append(f"    {change.field}: {before} → {after}")
    for title, refs in (("removed", report.removed), ("added", report.added)):
        if refs:
            lines += ["", f"{title}:"]
            lines += [f"  {_describe(ref)}" for ref in refs]
    return "\n".join(lines) + "\n"
