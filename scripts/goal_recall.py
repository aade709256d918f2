"""How many of the hand-annotated goal statements the parsed records carry, end to end.

    python scripts/goal_recall.py                      # tests/golden against tests/spec/goals.tsv
    python scripts/goal_recall.py corpus/parsed        # another folder of parsed records
    python scripts/goal_recall.py --misses             # also list every statement not found

A statement counts as found when each indicator it sets a goal for is in the records of its file,
on its line, with an annotated name and the annotated target atoms. Prints found / total by where
the goal is written (prose, box, table) and, with --misses, what the records hold on each line
that was missed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from govdocparse.crosswalk import load_parsed
from govdocparse.goalscore import PLACES, extras, name_key, read_statements, score

ROOT = Path(__file__).resolve().parents[1]


def _atoms(indicator) -> str:
    atoms = [a for t in indicator.targets for a in t.atoms]
    return "; ".join(f"{a.op} {a.value} {a.unit or ''} {a.direction or ''}".strip() for a in atoms)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records", nargs="?", default=str(ROOT / "tests" / "golden"))
    parser.add_argument("--spec", default=str(ROOT / "tests" / "spec" / "goals.tsv"))
    parser.add_argument("--misses", action="store_true", help="list the statements not found")
    parser.add_argument(
        "--extras", action="store_true", help="list prose indicators no statement asks for"
    )
    args = parser.parse_args(argv)

    statements = read_statements(args.spec)
    results = load_parsed(args.records)
    result = score(statements, results)
    print(f"{'where':<8}{'statements':>16}{'indicators':>16}")
    for place in PLACES:
        t = result.by_place[place]
        if t.statements:
            share = 100 * t.statements_found / t.statements
            print(
                f"{place:<8}{t.statements_found:>7} / {t.statements:<4}{share:>3.0f}%"
                f"{t.indicators_found:>9} / {t.indicators}"
            )
    found, total = result.found(("prose", "box"))
    print(f"prose and box: {found} / {total} ({100 * found / total:.1f} %)")
    if args.misses:
        print("\nmissed:")
        for statement, expected, candidates in result.missed:
            print(f"  {statement.file}:{statement.line} [{statement.where}] {statement.text}")
            print(f"    want {' / '.join(expected.names)}")
            wanted = {name_key(n) for n in expected.names}
            for c in candidates:
                mark = "=" if name_key(c.name) in wanted else " "
                print(f"   {mark}have {c.name}  ({_atoms(c)})")
    if args.extras:
        print("\nprose indicators no statement asks for:")
        for file, indicator in extras(statements, results):
            line = indicator.provenance.lines[0] if indicator.provenance.lines else "?"
            print(f"  {file}:{line} {indicator.name}  ({_atoms(indicator)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
