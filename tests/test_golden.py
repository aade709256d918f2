"""Every corpus document parses to exactly its reviewed golden record.

When a change is meant to alter the records, regenerate with `python scripts/update_golden.py`
and review `git diff tests/golden` before committing it with the change.
"""

import difflib
import os

import pytest

from govdocparse import parse
from govdocparse.output import to_json

from .support import CORPUS_FILES, GOLDEN, ROOT


@pytest.mark.parametrize("source", CORPUS_FILES, ids=lambda p: p.stem)
def test_record_matches_golden(source, monkeypatch):
    monkeypatch.chdir(ROOT)
    golden = GOLDEN / f"{source.stem}.json"
    assert golden.exists(), (
        f"no golden file for {source.name}: run scripts/update_golden.py and review it"
    )
    actual = to_json(parse(os.path.relpath(source, ROOT)))
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), actual.splitlines(), "golden", "actual", lineterm="", n=2
        )
        pytest.fail("record differs from golden:\n" + "\n".join(list(diff)[:80]))


@pytest.mark.parametrize("source", CORPUS_FILES[:2], ids=lambda p: p.stem)
def test_output_is_deterministic(source):
    assert to_json(parse(source)) == to_json(parse(source))
