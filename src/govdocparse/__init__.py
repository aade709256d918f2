"""govdocparse: Chinese government policy documents to structured, checkable records.

The public API is small:
- `parse(path)` reads a .txt, .docx, .pdf or .html file and returns a `ParseResult`;
- `parse_text(text)` does the same for text already in memory;
- `parse_target(text, unit=None)` reads one target expression (＜8, 50左右, 逐年提高…);
- `build_crosswalk(results)` aligns indicators across places, `diff_documents(old, new)` audits
  two plans.
Records are the pydantic models of `govdocparse.model`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Type names only: the modules behind them (pydantic models, pypdfium2, jieba) are imported
    # on first call, so `import govdocparse` and the CLI's start-up stay cheap.
    from .crosswalk.model import Crosswalk
    from .diff import DiffReport
    from .model import Document, ParseResult, TargetAtom

from .version import __version__

__all__ = [
    "__version__",
    "build_crosswalk",
    "diff_documents",
    "parse",
    "parse_target",
    "parse_text",
]


def parse(path: str | os.PathLike[str]) -> ParseResult:
    """The structured record of a document file (any supported format, chosen by content)."""
    from .collector import fewer_collections
    from .pipeline import parse_source
    from .readers import read

    with fewer_collections():
        return parse_source(read(path))


def parse_text(text: str, name: str = "<text>") -> ParseResult:
    """The structured record of text already in memory; never raises on any string."""
    import hashlib

    from .collector import fewer_collections
    from .pipeline import parse_source
    from .readers.text import blocks_from_text
    from .source import Source

    clean = text.encode("utf-8", "replace").decode("utf-8")
    digest = hashlib.sha256(clean.encode("utf-8")).hexdigest()
    with fewer_collections():
        blocks, warnings = blocks_from_text(clean, name)
        source = Source(name, name, "txt", digest, blocks, encoding="utf-8", warnings=warnings)
        return parse_source(source)


def parse_target(text: str, unit: str | None = None) -> list[TargetAtom]:
    """The atoms of one target expression: operator, value(s), unit, direction, qualifiers."""
    from .extract.targets import parse_target as _parse_target

    return _parse_target(text, unit=unit)


def build_crosswalk(results: Iterable[ParseResult]) -> Crosswalk:
    """Clusters of the same measure across places, from parsed records."""
    from .crosswalk import build_crosswalk as _build

    return _build(results)


def diff_documents(old: Document, new: Document) -> DiffReport:
    """What changed between two parsed documents (or plans): added, removed, renamed, retargeted."""
    from .diff import diff_documents as _diff

    return _diff(old, new)
