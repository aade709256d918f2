"""Shared fixtures: paths of the bundled corpus."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "raw"
CORPUS_FILES = sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS
