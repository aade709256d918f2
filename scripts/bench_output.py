"""Size of the written records against their inputs, per corpus file and in total.

For each file of corpus/raw it prints the input size and, as multiples of it, the JSON that
`govdocparse parse` writes by default (one compact line), with `--indent 2`, and, for reference,
every key written with pydantic's two-space indent (the record layout before lean output,
minus the responsibility blocks it copied into each indicator). Then the time to write and to
load back the default JSON (best of --repeat runs). Numbers only: nothing here asserts.

    python scripts/bench_output.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import sys
from functools import partial
from pathlib import Path

from timing import best_of

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    from govdocparse import parse
    from govdocparse.model import ParseResult
    from govdocparse.output import to_json

    columns = (
        "file",
        "input",
        "default",
        "×",
        "--indent 2",
        "×",
        "every key",
        "×",
        "write",
        "load",
    )
    print(f"{columns[0]:<40}" + "".join(f"{c:>11}" for c in columns[1:]))
    totals = [0, 0, 0, 0]
    for source in sorted((ROOT / "corpus" / "raw").glob("*.txt")):
        record = parse(source)
        size = source.stat().st_size
        compact = to_json(record)
        sizes = [
            len(compact.encode("utf-8")),
            len(to_json(record, 2).encode("utf-8")),
            len(record.model_dump_json(indent=2).encode("utf-8")) + 1,
        ]
        write = best_of(args.repeat, partial(to_json, record))
        load = best_of(args.repeat, partial(ParseResult.model_validate_json, compact))
        for n, value in enumerate([size, *sizes]):
            totals[n] += value
        cells = [f"{size:,}"]
        for value in sizes:
            cells += [f"{value:,}", f"{value / size:.2f}"]
        cells += [f"{write * 1000:.0f} ms", f"{load * 1000:.0f} ms"]
        print(f"{source.name:<40}" + "".join(f"{c:>11}" for c in cells))
    cells = [f"{totals[0]:,}"]
    for value in totals[1:]:
        cells += [f"{value:,}", f"{value / totals[0]:.2f}"]
    print(f"{'total':<40}" + "".join(f"{c:>11}" for c in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
