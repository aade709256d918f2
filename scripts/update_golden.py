"""Regenerates tests/golden/*.json from corpus/raw on purpose.

Run it only when a change to the parser is meant to change the records, then read
`git diff tests/golden` line by line before committing: every changed line must be an
improvement you can explain in the commit message.

    python scripts/update_golden.py            # all corpus files
    python scripts/update_golden.py zunyi      # only files whose name contains "zunyi"
"""

import sys
from pathlib import Path

from govdocparse import parse
from govdocparse.output import to_json, write_atomic

ROOT = Path(__file__).resolve().parent.parent
# Goldens are written one key per line, so that `git diff tests/golden` can be read; the test
# compares the same layout, and checks separately that the default compact one loads back equal.
GOLDEN_INDENT = 1


def main(filters: list[str]) -> int:
    for source in sorted((ROOT / "corpus" / "raw").glob("*.txt")):
        if filters and not any(f in source.name for f in filters):
            continue
        result = parse(source.relative_to(ROOT))
        target = ROOT / "tests" / "golden" / f"{source.stem}.json"
        write_atomic(target, to_json(result, GOLDEN_INDENT))
        print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
