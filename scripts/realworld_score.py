"""Score table of the real-world development set (tests/realworld/): facts passed per document,
per field, per covered variation, and overall.

    python scripts/realworld_score.py               # the tables
    python scripts/realworld_score.py --failures    # and every failing fact with what was found
    python scripts/realworld_score.py --markdown    # the tables as Markdown (for the README)
    python scripts/realworld_score.py --tag heldout # only the cases covering a tag (held-out batch)
    python scripts/realworld_score.py --prune-gaps  # drop gaps that pass now from known_gaps.yaml
    python scripts/realworld_score.py --write-gaps  # list every current failure as a known gap

--prune-gaps only removes entries; --write-gaps also adds, so use it only for new cases and read
`git diff tests/realworld/known_gaps.yaml` before committing.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# tests/ is importable only once ROOT is on sys.path, hence the import after the insert.
from tests.realworld.score import (  # noqa: E402
    KNOWN_GAPS,
    CaseResult,
    load_cases,
    load_known_gaps,
    score_case,
)


@dataclass
class Row:
    name: str
    passed: int
    total: int
    note: str = ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="list every failing fact")
    parser.add_argument("--markdown", action="store_true", help="print Markdown tables")
    parser.add_argument("--tag", help="score only the cases whose covers: list this tag")
    gaps = parser.add_mutually_exclusive_group()
    gaps.add_argument("--prune-gaps", action="store_true", help="drop gaps that pass now")
    gaps.add_argument("--write-gaps", action="store_true", help="record every failure as a gap")
    args = parser.parse_args(argv)

    cases = [case for case in load_cases() if args.tag is None or args.tag in case.covers]
    if (args.write_gaps or args.prune_gaps) and args.tag is not None:
        parser.error("--tag scores part of the set; gaps are written from the whole set")
    results = [score_case(case) for case in cases]
    show = _markdown if args.markdown else _plain
    print(show("document", _per_document(results)))
    print(show("field", _per_field(results)))
    print(show("covers", _per_tag(results)))
    passed = sum(o.passed for r in results for o in r.outcomes)
    total = sum(len(r.outcomes) for r in results)
    print(f"overall: {passed}/{total} facts = {_percent(passed, total)} ({len(results)} documents)")
    if args.failures:
        _print_failures(results)
    if args.write_gaps or args.prune_gaps:
        _update_gaps(results, prune_only=args.prune_gaps)
    return 0


def _per_document(results: list[CaseResult]) -> list[Row]:
    return [
        Row(
            r.case.id,
            sum(o.passed for o in r.outcomes),
            len(r.outcomes),
            "parse failed" if r.error else "",
        )
        for r in results
    ]


def _per_field(results: list[CaseResult]) -> list[Row]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for result in results:
        for outcome in result.outcomes:
            counts[outcome.fact.field][0] += outcome.passed
            counts[outcome.fact.field][1] += 1
    return [Row(name, p, t) for name, (p, t) in sorted(counts.items())]


def _per_tag(results: list[CaseResult]) -> list[Row]:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for result in results:
        for tag in result.case.covers:
            counts[tag][0] += sum(o.passed for o in result.outcomes)
            counts[tag][1] += len(result.outcomes)
    return [Row(tag, p, t) for tag, (p, t) in sorted(counts.items())]


def _plain(title: str, rows: list[Row]) -> str:
    width = max([len(title)] + [_width(row.name) for row in rows])
    lines = [f"{title}{' ' * (width - _width(title))}  passed/total"]
    for row in rows:
        pad = " " * (width - _width(row.name))
        score = f"{row.passed:>4}/{row.total:<4} {_percent(row.passed, row.total):>6}"
        lines.append(f"{row.name}{pad}  {score}  {row.note}".rstrip())
    return "\n".join(lines) + "\n"


def _markdown(title: str, rows: list[Row]) -> str:
    lines = [f"| {title} | passed | total | % |", "| --- | ---: | ---: | ---: |"]
    for row in rows:
        label = f"{row.name} ({row.note})" if row.note else row.name
        lines.append(
            f"| {label} | {row.passed} | {row.total} | {_percent(row.passed, row.total)} |"
        )
    return "\n".join(lines) + "\n"


def _print_failures(results: list[CaseResult]) -> None:
    for result in results:
        failed = [o for o in result.outcomes if not o.passed]
        if not failed:
            continue
        print(f"\n{result.case.id}  ({result.case.path.name})")
        for outcome in failed:
            print(f"  {outcome.fact.key}: expected {outcome.fact.expected!r}; {outcome.reason}")


_HEADER = (
    "# Facts of tests/realworld/ the parser does not get right yet: case id → fact keys.",
    "# tests/test_realworld.py fails on a failure not listed here AND on a listed gap that",
    "# passes; whoever fixes one removes it here in the same commit",
    "# (python scripts/realworld_score.py --prune-gaps).",
)


def _update_gaps(results: list[CaseResult], prune_only: bool) -> None:
    if prune_only:
        _prune_gaps(results)
        return
    lines = list(_HEADER)
    for result in results:
        failing = [o.fact.key for o in result.outcomes if not o.passed]
        if failing:
            lines.append(f"{result.case.id}:")
            lines += [f"  - {_quote(key)}" for key in failing]
    KNOWN_GAPS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {KNOWN_GAPS.relative_to(ROOT)}")


def _prune_gaps(results: list[CaseResult]) -> None:
    """known_gaps.yaml without the gaps that pass now, edited line by line so that the comments
    giving each remaining gap's reason stay; a case left without gaps loses its comment too."""
    failed = {result.case.id: result.failed_keys for result in results}
    known = load_known_gaps()
    lines = KNOWN_GAPS.read_text(encoding="utf-8").splitlines()
    if tuple(lines[: len(_HEADER)]) == _HEADER:
        lines = lines[len(_HEADER) :]
    kept = list(_HEADER)
    comments: list[str] = []  # a gap's reason, above its case
    case = None
    for line in lines:
        if line.startswith("#") or not line.strip():
            comments.append(line)
        elif not line.startswith(" "):
            case = line.rstrip(":")
            if any(key in failed.get(case, set()) for key in known.get(case, [])):
                kept += [*comments, line]
            comments = []
        elif case is not None and _unquote(line) in failed.get(case, set()):
            kept.append(line)
    KNOWN_GAPS.write_text("\n".join(kept) + "\n", encoding="utf-8")
    print(f"wrote {KNOWN_GAPS.relative_to(ROOT)}")


def _unquote(line: str) -> str:
    """The fact key of a gap's line (  - 'd1.metadata.place')."""
    return line.strip().removeprefix("-").strip().strip("'").replace("''", "'")


def _quote(key: str) -> str:
    return "'" + key.replace("'", "''") + "'"


def _percent(passed: int, total: int) -> str:
    return f"{100 * passed / total:.1f}%" if total else "-"


def _width(text: str) -> int:
    """Columns on a terminal: CJK characters take two."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


if __name__ == "__main__":
    raise SystemExit(main())
