"""Measuring a crosswalk against hand-labelled pairs of indicators.

A labels file is tab-separated with a header: label (1 same measure, 0 different), place_a,
name_a, place_b, name_b, note; lines starting with # are comments. A side names every member of
that place with that name (a place can show one name in several tables); a pair counts as linked
when any member of one side shares a cluster with any member of the other. A side whose name no
member carries falls back to the members with the same normalised name: the parser may spell a
sub-row 孕产妇死亡率：城市 differently, but it reads the same.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .model import Crosswalk
from .names import read_name


@dataclass(frozen=True)
class LabelledPair:
    same: bool
    a: tuple[str, str]
    b: tuple[str, str]
    note: str = ""


@dataclass
class Scores:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0
    true_negative: int = 0
    wrong_links: list[LabelledPair] = field(default_factory=list)
    missed_links: list[LabelledPair] = field(default_factory=list)
    unknown: list[tuple[str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positive + self.false_negative
        return self.true_positive / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def read_labels(path: str | Path) -> list[LabelledPair]:
    with open(path, encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    pairs = []
    for row in csv.DictReader(lines, delimiter="\t"):
        pairs.append(
            LabelledPair(
                same=row["label"].strip() == "1",
                a=(row["place_a"].strip(), row["name_a"].strip()),
                b=(row["place_b"].strip(), row["name_b"].strip()),
                note=(row.get("note") or "").strip(),
            )
        )
    return pairs


class _Index:
    """Finds the clusters of a label side: members of that place with that name, or else — for a
    name the parser spells a little differently (a unit bracket, 其中：) — with that normalised
    name."""

    def __init__(self, crosswalk: Crosswalk):
        self.by_name: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.by_key: dict[tuple[str, str], set[str]] = defaultdict(set)
        for cluster in crosswalk.clusters:
            for member in cluster.members:
                self.by_name[(member.place, member.name)].add(cluster.id)
                self.by_key[(member.place, member.key)].add(cluster.id)

    def clusters(self, side: tuple[str, str]) -> set[str]:
        place, name = side
        found = self.by_name.get(side)
        if found:
            return found
        return self.by_key.get((place, read_name(name.replace("：", ""), place).key), set())


def score(crosswalk: Crosswalk, labels: list[LabelledPair]) -> Scores:
    """Pairwise precision and recall of the crosswalk's links over the labelled pairs."""
    index = _Index(crosswalk)
    result = Scores()
    for pair in labels:
        found_a, found_b = index.clusters(pair.a), index.clusters(pair.b)
        missing = [side for side, found in ((pair.a, found_a), (pair.b, found_b)) if not found]
        if missing:
            result.unknown.extend(s for s in missing if s not in result.unknown)
            continue
        linked = bool(found_a & found_b)
        if pair.same and linked:
            result.true_positive += 1
        elif pair.same:
            result.false_negative += 1
            result.missed_links.append(pair)
        elif linked:
            result.false_positive += 1
            result.wrong_links.append(pair)
        else:
            result.true_negative += 1
    return result
