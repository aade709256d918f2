"""Every corpus document parses to exactly its reviewed golden record.

When a change is meant to alter the records, regenerate with `python scripts/update_golden.py`
and review `git diff tests/golden` before committing it with the change. Goldens are written
with one key per line (indent 1) so that their diffs can be read.
"""

import difflib
import os

import pytest

from govdocparse import parse
from govdocparse.model import ParseResult
from govdocparse.output import to_json

from .support import CORPUS_FILES, GOLDEN, ROOT

GOLDEN_INDENT = 1  # as scripts/update_golden.py writes them


@pytest.mark.parametrize("source", CORPUS_FILES, ids=lambda p: p.stem)
def test_record_matches_golden(source, monkeypatch):
    monkeypatch.chdir(ROOT)
    golden = GOLDEN / f"{source.stem}.json"
    assert golden.exists(), (
        f"no golden file for {source.name}: run scripts/update_golden.py and review it"
    )
    actual = to_json(parse(os.path.relpath(source, ROOT)), GOLDEN_INDENT)
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), actual.splitlines(), "golden", "actual", lineterm="", n=2
        )
        pytest.fail("record differs from golden:\n" + "\n".join(list(diff)[:80]))


@pytest.mark.parametrize("source", CORPUS_FILES[:2], ids=lambda p: p.stem)
def test_output_is_deterministic(source):
    assert to_json(parse(source)) == to_json(parse(source))


@pytest.mark.parametrize("source", CORPUS_FILES, ids=lambda p: p.stem)
def test_golden_record_loads_back_unchanged(source, monkeypatch):
    """The lean file holds the whole record: loading it gives what the parser made, and writing
    the loaded record again gives the same bytes, in either layout."""
    monkeypatch.chdir(ROOT)
    golden = (ROOT / "tests" / "golden" / f"{source.stem}.json").read_text(encoding="utf-8")
    loaded = ParseResult.model_validate_json(golden)
    assert loaded == parse(os.path.relpath(source, ROOT))
    assert to_json(loaded, GOLDEN_INDENT) == golden
    assert ParseResult.model_validate_json(to_json(loaded)) == loaded
