"""Candidate pairs for hand-labelling the crosswalk, drawn without the matcher.

    python scripts/crosswalk_candidates.py tests/golden > candidates.tsv

Every pair of indicator names from two different places whose names end in the same kind of
measure head (a rate …率, a share …比例/占比/比重, a count …数/人数/数量 or a thing counted, a time,
a standard, a 年限, a 寿命, an 面积, a 程度, a 比) and whose words overlap: the Dice coefficient of
the character bigrams of the names without their head is at least --min-overlap. Names are the
crosswalk members' (a sub-row read with its parent). Each line carries the units and targets of
both sides to read by; the label column is left empty: a person fills it and writes the reason.
Pairs whose wording hardly overlaps (普惠性幼儿园覆盖率 / 学前教育普惠率) are not proposed here:
read the names of each head across places to add them.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
from collections import defaultdict
from pathlib import Path

from govdocparse.crosswalk import load_parsed
from govdocparse.crosswalk.measures import collect
from govdocparse.crosswalk.report import targets_text

ROOT = Path(__file__).resolve().parents[1]
HEADS = (
    ("rate", "率"),
    ("share", "比例|占比|比重"),
    ("count", "人数|人次|例数|个数|数量|数"),
    ("time", "时间|时长"),
    ("standard", "标准"),
    ("years", "年限"),
    ("life", "寿命"),
    ("area", "面积"),
    ("degree", "程度"),
    ("ratio", "比"),
)
_TRAILING_NOTE = re.compile(r"(?:（[^（）]*）|\([^()]*\))$")
_NOT_WORDS = re.compile(r"[（）()、，：:0-9０-９—\-～~]")


def head_of(name: str) -> tuple[str, str]:
    """(kind of head, the name without it); a name without a head counts things."""
    name = _TRAILING_NOTE.sub("", name)
    for kind, spellings in HEADS:
        m = re.search(f"(?:{spellings})$", name)
        if m:
            return kind, name[: m.start()]
    return "count", name


def overlap(a: str, b: str) -> float:
    grams_a, grams_b = _bigrams(a), _bigrams(b)
    if not grams_a or not grams_b:
        return 1.0 if a == b else 0.0
    return 2 * len(grams_a & grams_b) / (len(grams_a) + len(grams_b))


def _bigrams(text: str) -> set[str]:
    text = _NOT_WORDS.sub("", text)
    return {text[i : i + 2] for i in range(len(text) - 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records", nargs="?", default=str(ROOT / "tests" / "golden"))
    parser.add_argument("--min-overlap", type=float, default=0.4)
    args = parser.parse_args(argv)

    seen: dict[tuple[str, str], str] = {}
    by_place: dict[str, set[str]] = defaultdict(set)
    for measure in collect(load_parsed(args.records)):
        member = measure.member
        by_place[member.place].add(member.name)
        hint = f"{member.unit or ''} {targets_text(member.targets)}".strip()
        seen.setdefault((member.place, member.name), hint)
    print("label\tplace_a\tname_a\tplace_b\tname_b\tnote\thint")
    for place_a, place_b in itertools.combinations(sorted(by_place), 2):
        for name_a in sorted(by_place[place_a]):
            kind_a, core_a = head_of(name_a)
            for name_b in sorted(by_place[place_b]):
                kind_b, core_b = head_of(name_b)
                if kind_a != kind_b or overlap(core_a, core_b) < args.min_overlap:
                    continue
                hint = f"{seen[(place_a, name_a)]} | {seen[(place_b, name_b)]}"
                print(f"\t{place_a}\t{name_a}\t{place_b}\t{name_b}\t\t{hint}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
