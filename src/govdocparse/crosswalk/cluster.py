"""Grouping the indicators of many plans into clusters of one measure each.

Members with equal normalised names are joined first; then links between different names
(alias, forced, fuzzy score) are applied strongest first, Kruskal-style, each merge checked
against the cluster as a whole:
- a table contributes at most one row to a cluster (开州's 2011—2020 completion table and its
  2021—2030 target table both join, so the past result stands beside the new target);
- no pair listed under `forbid` may end up together, even through a chain of links;
- a fuzzy link may not join clusters whose known units disagree (‰ vs %).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable

from ..model import ParseResult
from .blocking import candidate_pairs
from .matcher import FORCED, Link, Matcher, units_conflict
from .measures import Measure, collect
from .model import Cluster, Crosswalk, Evidence
from .names import NameForm, strip_unit_suffix


class _Facts:
    """What the merge checks need of a cluster: its tables, normalised names and known units."""

    __slots__ = ("keys", "scopes", "units")

    def __init__(self, measure: Measure):
        self.scopes = {measure.scope} if measure.scope else set()
        self.keys = {measure.form.key}
        self.units = {measure.unit} if measure.unit else set()

    @property
    def size(self) -> int:
        return len(self.keys) + len(self.scopes)


class _Clusters:
    """Union-find over measure indices with the per-cluster facts the merge checks need.

    Most members of a large run are never merged with a cluster that has another table, name or
    unit, so a member's facts are read from the member itself until it joins or is joined, and
    only then kept (by root): three sets per member would be half the run's memory.
    """

    def __init__(self, measures: list[Measure], matcher: Matcher):
        self.measures = measures
        self.parent = list(range(len(measures)))
        self.merged: dict[int, _Facts] = {}
        self.links: list[tuple[int, int, Link]] = []
        self._links: dict[Link, Link] = {}  # one object for equal links (identical name, …)
        forbidden: dict[str, set[str]] = defaultdict(set)
        for pair in matcher.forbidden:
            for key in pair:
                forbidden[key] |= pair - {key}
        self.forbidden = forbidden

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def facts(self, root: int) -> _Facts:
        found = self.merged.get(root)
        return found if found is not None else _Facts(self.measures[root])

    def allowed(self, a: _Facts, b: _Facts, link: Link) -> bool:
        if a.scopes & b.scopes:
            return False
        if self.forbidden:
            small, large = (a, b) if len(a.keys) <= len(b.keys) else (b, a)
            for key in small.keys:
                banned = self.forbidden.get(key)
                if banned and not banned.isdisjoint(large.keys):
                    return False
        # a fuzzy link may not join clusters whose known units disagree
        return link.strong or not (a.units and b.units and not (a.units & b.units))

    def union(self, i: int, j: int, link: Link) -> bool:
        a, b = self.find(i), self.find(j)
        if a == b:
            return False
        facts_a, facts_b = self.facts(a), self.facts(b)
        if not self.allowed(facts_a, facts_b, link):
            return False
        if facts_a.size < facts_b.size:
            a, b, facts_a, facts_b = b, a, facts_b, facts_a
        self.parent[b] = a
        facts_a.scopes |= facts_b.scopes
        facts_a.keys |= facts_b.keys
        facts_a.units |= facts_b.units
        self.merged[a] = facts_a
        self.merged.pop(b, None)
        self.links.append((i, j, self._links.setdefault(link, link)))
        return True


def build_crosswalk(results: Iterable[ParseResult], matcher: Matcher | None = None) -> Crosswalk:
    """Cluster every indicator record (table rows, sub-rows, prose targets) of every plan."""
    matcher = matcher or Matcher()
    measures = collect(results, matcher.vocab)
    clusters = _Clusters(measures, matcher)

    groups: dict[str, list[int]] = defaultdict(list)
    for index, measure in enumerate(measures):
        groups[measure.form.key].append(index)
    keys = list(groups)

    # Equal normalised names: join each member to the plainest spelling of its name, so the
    # evidence of each member names the synonym or filler that brought it there.
    leads: dict[str, list[int]] = {}
    for key, indices in groups.items():
        indices.sort(key=lambda n: (_plainness(measures[n].form), n))
        first = indices[0]
        leads[key] = [first]
        if measures[first].form.bare:
            leads[key] = list(indices)  # a lone 覆盖率 says nothing about which coverage
            continue
        for index in indices[1:]:
            a, b = measures[first], measures[index]
            link = matcher.compare(a.form, b.form)
            if link is None or not clusters.union(first, index, _with_units(link, a, b)):
                leads[key].append(index)  # e.g. a second row of the same table

    # Links between different names, strongest first.
    forms = [measures[groups[key][0]].form for key in keys]
    position = {key: n for n, key in enumerate(keys)}
    scored: list[tuple[float, int, int, Link]] = []
    comparisons = 0
    for i, j in candidate_pairs(forms, matcher.settings):
        comparisons += 1
        link = matcher.fuzzy_link(forms[i], forms[j])
        if link is not None:
            scored.append((link.score, i, j, link))
    for key, indices in groups.items():
        for alias in {a for index in indices for a in measures[index].aliases if not a.bare}:
            other = position.get(alias.key)
            if (
                other is not None
                and alias.key != key
                and not measures[groups[alias.key][0]].form.bare
            ):
                scored.append(
                    (100.0, position[key], other, Link(f"alias: {alias.text}", 100.0, True))
                )
    for pair in matcher.forced:
        ends = sorted(position[k] for k in pair if k in position)
        if len(ends) == 2:
            scored.append((100.0, ends[0], ends[1], Link(FORCED, 100.0, True)))

    scored.sort(key=lambda s: (-s[0], not s[3].strong, s[1], s[2]))
    for _, i, j, link in scored:
        for m in list(leads[keys[i]]):
            for n in list(leads[keys[j]]):
                if link.strong or not _same_prose(measures[m], measures[n]):
                    clusters.union(m, n, _with_units(link, measures[m], measures[n]))

    return _assemble(
        measures,
        clusters,
        stats={
            "members": len(measures),
            "names": len(keys),
            "comparisons": comparisons,
            "links": len(clusters.links),
        },
    )


def _same_prose(a: Measure, b: Measure) -> bool:
    """Two prose goals of one document: a plan restates a measure in its own words rarely, and
    two similar goals of one text (每年…家庭教育指导服务活动 / 每学期…) are usually two measures."""
    return (
        a.scope is None
        and b.scope is None
        and (a.member.source_file, a.member.document_id)
        == (b.member.source_file, b.member.document_id)
    )


def _with_units(link: Link, a: Measure, b: Measure) -> Link:
    if link.strong and units_conflict(a.unit, b.unit):
        return Link(f"{link.rule} (units differ: {a.unit} vs {b.unit})", link.score, True)
    return link


def _plainness(form: NameForm) -> int:
    """How many rewrites a name needed to reach its normalised form (width and units are free)."""
    return sum(1 for step in form.steps if step != "width" and not step.startswith("unit suffix"))


def _canonical_name(members: list[Measure]) -> str:
    """The spelling needing fewest rewrites (no place prefix, no synonym); then the most common."""
    counts: Counter = Counter()
    plain: dict[str, int] = {}
    for m in members:
        counts[m.member.name] += 1
        plain[m.member.name] = min(plain.get(m.member.name, 99), _plainness(m.form))
    best = min(counts, key=lambda n: (plain[n], -counts[n], len(strip_unit_suffix(n)), n))
    return strip_unit_suffix(best)


def _assemble(measures: list[Measure], clusters: _Clusters, stats: dict[str, int]) -> Crosswalk:
    by_root: dict[int, list[int]] = defaultdict(list)
    for index in range(len(measures)):
        by_root[clusters.find(index)].append(index)
    links_by_root: dict[int, list[tuple[int, int, Link]]] = defaultdict(list)
    for i, j, link in clusters.links:
        links_by_root[clusters.find(i)].append((i, j, link))

    built: list[tuple[tuple, Cluster]] = []
    for root, indices in by_root.items():
        indices.sort(key=lambda n: _member_order(measures[n]))
        slot = {index: n for n, index in enumerate(indices)}
        members = [measures[n] for n in indices]
        evidence = [
            Evidence(a=slot[i], b=slot[j], rule=link.rule, score=link.score)
            for i, j, link in links_by_root[root]
        ]
        evidence.sort(key=lambda e: (e.b, e.a))
        keys = Counter(m.form.key for m in members)
        key = min(keys, key=lambda k: (-keys[k], k))
        cluster = Cluster.model_construct(
            id="",
            name=_canonical_name(members),
            members=[m.member for m in members],
            score=min((e.score for e in evidence), default=100.0),
            evidence=evidence,
        )
        spread = len({m.member.place for m in members})
        built.append(((-spread, -len(members), cluster.name, key), cluster))

    built.sort(key=lambda item: item[0])
    used: Counter = Counter()
    for (_, _, _, key), cluster in built:
        digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
        used[digest] += 1
        cluster.id = f"m-{digest}" if used[digest] == 1 else f"m-{digest}-{used[digest]}"
    places = sorted({m.member.place for m in measures})
    return Crosswalk(clusters=[c for _, c in built], places=places, stats=stats)


def _member_order(measure: Measure) -> tuple:
    m = measure.member
    return (m.place, m.source_file, m.document_id, m.table_id or "~", m.indicator_id, m.part or "")
