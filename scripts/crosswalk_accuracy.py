"""Precision, recall and F1 of the crosswalk's pairwise links against hand-checked labels.

    python scripts/crosswalk_accuracy.py                  # tests/golden, the independent labels
    python scripts/crosswalk_accuracy.py corpus/parsed    # parser output
    python scripts/crosswalk_accuracy.py tests/fixtures/crosswalk/records.json \
        --labels tests/crosswalk_labels.tsv               # the fixture and its own labels

tests/crosswalk_labels_independent.tsv was drawn without the matcher (scripts/
crosswalk_candidates.py proposes the pairs, a person labels them); tests/crosswalk_labels.tsv
was drawn from the matcher's own links and near misses, so it can only show an upper bound.

Prints the scores, every wrong and missed link, and label sides absent from the records (a name
the parser spells differently from the labels).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from govdocparse.crosswalk import build_crosswalk, load_parsed
from govdocparse.crosswalk.evaluate import read_labels, score

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "records",
        nargs="?",
        default=str(ROOT / "tests" / "golden"),
        help="a directory of parsed JSON files or one JSON file",
    )
    parser.add_argument(
        "--labels", default=str(ROOT / "tests" / "crosswalk_labels_independent.tsv")
    )
    args = parser.parse_args(argv)

    crosswalk = build_crosswalk(load_parsed(args.records))
    labels = read_labels(args.labels)
    result = score(crosswalk, labels)
    positives = sum(p.same for p in labels)
    print(
        f"labels: {len(labels)} pairs ({positives} same, {len(labels) - positives} different) "
        f"from {args.labels}"
    )
    print(
        f"records: {args.records} — {crosswalk.stats.get('members', 0)} members, "
        f"{len(crosswalk.clusters)} clusters"
    )
    print(
        f"TP {result.true_positive}  FP {result.false_positive}  "
        f"FN {result.false_negative}  TN {result.true_negative}"
        f"  (skipped: {len(result.unknown)} unknown sides)"
    )
    print(f"precision {result.precision:.3f}  recall {result.recall:.3f}  F1 {result.f1:.3f}")
    for title, pairs in (
        ("wrong links", result.wrong_links),
        ("missed links", result.missed_links),
    ):
        if pairs:
            print(f"\n{title}:")
            for pair in pairs:
                print(f"  {pair.a[0]} {pair.a[1]}  ~  {pair.b[0]} {pair.b[1]}   ({pair.note})")
    if result.unknown:
        print("\nlabel sides not found in the records:")
        for place, name in result.unknown:
            print(f"  {place} {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
