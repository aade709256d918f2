"""Every indicator record of every plan as a `Measure`: a crosswalk member plus its read name.

Three kinds of records need more than their own name:
- a sub-row that only qualifies its parent row (其中：城市, 女性比例, 城乡社区（村）覆盖率) is read
  together with the parent: 孕产妇死亡率 + 城市 is the urban maternal mortality rate;
- a prose indicator stating a distributive list (新生儿、婴儿和5岁以下儿童死亡率分别…) whose
  target atoms name their measures becomes one member per named measure;
- the unit comes from the record, else from the name's bracket, else from a target's number.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from ..extract.targets import level_unit
from ..model import Document, Indicator, ParseResult, Target
from .model import Member
from .names import NameForm, canonical_unit, read_name
from .vocab import Vocabulary, vocabulary

H = TypeVar("H", bound=Hashable)


@dataclass(slots=True)
class Measure:
    member: Member
    form: NameForm
    unit: str | None
    # A table contributes at most one row to a cluster; prose indicators have no scope.
    scope: tuple[str, str, str] | None
    aliases: tuple[NameForm, ...]


class Shared:
    """One object for equal values of the measures of a run: the place, ids, names, units and
    name readings of a million members of ten thousand plans repeat, and each file's copies are
    freed once its members are read. Those values are read, never changed, by the crosswalk."""

    def __init__(self) -> None:
        self._values: dict[Hashable, Hashable] = {}
        self._targets: dict[tuple[int, ...], list[Target]] = {}

    def __call__(self, value: H) -> H:
        return self._values.setdefault(value, value)  # type: ignore[return-value]

    def targets(self, targets: list[Target]) -> list[Target]:
        """One list for lists of the same targets (`read_for_crosswalk` already keeps one
        object for equal targets). The first list is kept, and its targets with it, so the ids
        of the key stay theirs while the run lasts."""
        return self._targets.setdefault(tuple(map(id, targets)), targets)


def _atom_unit(targets: Sequence[Target]) -> str | None:
    """The unit of the level its targets state (达到94%以上 → %, 每年降低0.5个百分点 → %), not of
    a change that may be relative (以2020年为基数下降18%): `targets.level_unit`."""
    return canonical_unit(level_unit(a for t in targets for a in t.atoms))


def _token_class(token: str, vocab: Vocabulary) -> str:
    return vocab.token_class.get(token, "age" if token.endswith(("岁", "月")) else "other")


def _completes_parent(sub: NameForm, parent: NameForm, vocab: Vocabulary) -> bool:
    """True when a sub-row's name only qualifies its parent (城市; 女性比例; 城乡社区（村）覆盖率).

    A sub-row naming its own subject (小学生近视率, 卡介苗接种率) is a measure in its own right,
    and so is a sibling that names another value of one of the parent's qualifiers with a head
    of its own (初中在校生中女生所占比例 under 小学在校生中女生所占比例). A bare qualifier
    (镇区 under 农村公办幼儿园数) always belongs to its parent.
    """
    if not (parent.core or parent.head or parent.quals):
        return False
    if not sub.core and not sub.head:
        return True
    if sub.subjects:
        return False
    parent_values = {(_token_class(t, vocab), t) for t in parent.quals}
    parent_classes = {klass for klass, _ in parent_values}
    for token in sub.quals:
        klass = _token_class(token, vocab)
        if klass in parent_classes and (klass, token) not in parent_values:
            return False
    return sub.core == "" or (len(sub.core) < len(parent.core) and sub.core in parent.core)


def _compose(sub: NameForm, parent: NameForm) -> NameForm:
    return NameForm(
        text=sub.text,
        quals=tuple(sorted(set(parent.quals) | set(sub.quals))),
        head=sub.head or parent.head,
        core=parent.core,
        unit=sub.unit or parent.unit,
        aliases=(),
        steps=(*sub.steps, f"sub-row of {parent.text}"),
        subjects=parent.subjects,
    )


def _count_head(form: NameForm, vocab: Vocabulary) -> NameForm:
    """A name without a measure head counts the things it names (儿童友好公园 → …数量).

    Applied after a sub-row is read with its parent, whose head it may take (覆盖率 of
    建有儿童之家的城乡社区（村） + 城乡社区（村）覆盖率).
    """
    if form.head or not vocab.count_head:
        return form
    return replace(form, head=vocab.count_head, steps=(*form.steps, "no head: a count"))


def document_place(result: ParseResult, document: Document) -> str:
    """The document's place; the file name when the parser found none (so nothing is dropped)."""
    return document.metadata.place or Path(result.source.path).stem


def collect(results: Iterable[ParseResult], vocab: Vocabulary | None = None) -> list[Measure]:
    """All indicators of all documents, in input order, as measures. A record is let go once
    its measures are read: they keep none of its objects but shared targets and strings."""
    vocab = vocab or vocabulary()
    shared = Shared()
    measures: list[Measure] = []
    for result in results:
        for document in result.documents:
            measures.extend(
                indicator_measures(
                    document.indicators,
                    place=document_place(result, document),
                    source_file=result.source.path,
                    document=document,
                    vocab=vocab,
                    shared=shared,
                )
            )
    return measures


def indicator_measures(
    indicators: Sequence[Indicator],
    *,
    place: str,
    source_file: str,
    document: Document,
    vocab: Vocabulary | None = None,
    shared: Shared | None = None,
) -> list[Measure]:
    """Measures of some indicators of `document` (all of them, or one table's rows).

    A sub-row whose parent is among `indicators` is read with it; a parent outside the list is
    looked up in the document, so one table's rows read the same as the whole document's.
    Equal values are one object across the calls given the same `shared`.
    """
    vocab = vocab or vocabulary()
    shared = shared or Shared()
    tables = {t.id: t for t in document.tables}
    forms = _Forms(
        {i.id: i for i in document.indicators} | {i.id: i for i in indicators}, place, vocab
    )
    place, source_file = shared(place), shared(source_file)
    document_id, title = shared(document.id), shared(document.title)
    measures = []
    for indicator in indicators:
        form, display = forms.of(indicator)
        raw_form = (
            read_name(indicator.name_raw, place, vocab)
            if indicator.name_raw != indicator.name
            else form
        )
        aliases = tuple(
            shared(read_name(a, place, vocab))
            for a in (*indicator.aliases, *form.aliases, *raw_form.aliases)
        )
        unit = shared(
            canonical_unit(indicator.unit)
            or form.unit
            or raw_form.unit
            or _atom_unit(indicator.targets)
        )
        form = shared(_count_head(form, vocab))
        table_id = shared(indicator.table_id)
        table = tables.get(table_id or "")
        member = Member(
            place=place,
            document_id=document_id,
            document_title=title,
            indicator_id=shared(indicator.id),
            name=shared(display),
            unit=shared(indicator.unit) or unit,
            targets=shared.targets(indicator.targets),
            source_file=source_file,
            source=shared(indicator.source),
            table_id=table_id,
            table_label=shared((table.label or table.title) if table else None),
            actual=indicator.actual,
            key=shared(form.key),
        )
        scope = shared((source_file, document_id, table_id)) if table_id else None
        parts = _distributive_parts(indicator)
        if not parts:
            measures.append(Measure(member, form, unit, scope, aliases))
            continue
        for part, targets in parts:
            part_form = read_name(part, place, vocab)
            part_unit = shared(part_form.unit or _atom_unit(targets))
            part_form = shared(_count_head(part_form, vocab))
            part_member = replace(
                member,
                name=shared(part),
                part=shared(part),
                targets=targets,
                unit=part_unit,
                key=shared(part_form.key),
            )
            measures.append(Measure(part_member, part_form, part_unit, scope, ()))
    return measures


class _Forms:
    """The name readings of a document's indicators, each read once: a sub-row's with its
    parent's. (A class, not a closure calling itself, which would be a reference cycle keeping
    every record read alive until the garbage collector finds it.)"""

    def __init__(self, by_id: dict[str, Indicator], place: str, vocab: Vocabulary) -> None:
        self.by_id, self.place, self.vocab = by_id, place, vocab
        self.read: dict[str, tuple[NameForm, str]] = {}

    def of(self, indicator: Indicator, seen: frozenset = frozenset()) -> tuple[NameForm, str]:
        """The reading of an indicator's name, and the name it is shown by."""
        if indicator.id in self.read:
            return self.read[indicator.id]
        parent = self.by_id.get(indicator.parent_id or "")
        # a sub-row is read as written (其中：城市), not with the parent words the parser gave
        # its full name (孕产妇死亡率（城市）): the parent's reading is composed below
        own = read_name(indicator.name_raw if parent else indicator.name, self.place, self.vocab)
        display = indicator.name
        if parent is not None and parent.id not in seen:
            parent_form, parent_display = self.of(parent, seen | {indicator.id})
            if _completes_parent(own, parent_form, self.vocab):
                own = _compose(own, parent_form)
                if not indicator.name.startswith(parent.name):
                    display = f"{parent_display}：{indicator.name}"
        self.read[indicator.id] = (own, display)
        return own, display


def _distributive_parts(indicator: Indicator) -> list[tuple[str, list[Target]]]:
    """(measure, its targets) for each measure named by the atoms of a distributive list."""
    names: list[str] = []
    for target in indicator.targets:
        for atom in target.atoms:
            if atom.indicator and atom.indicator not in names:
                names.append(atom.indicator)
    if len(names) < 2:
        return []
    parts = []
    for name in names:
        targets = []
        for target in indicator.targets:
            atoms = [a for a in target.atoms if a.indicator == name]
            if atoms:
                raw = "、".join(a.raw for a in atoms)
                targets.append(target.model_copy(update={"raw": raw, "atoms": atoms}))
        parts.append((name, targets))
    return parts
