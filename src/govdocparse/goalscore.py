"""Scoring parsed records against a hand annotation of the goal statements of their sources.

The annotation (tests/spec/goals.tsv documents the format) lists, per source line, the statements
that set a goal and the indicators each should become: acceptable names and the target atoms. A
statement is found when every indicator it names is among the records of that file whose
provenance covers the line, with one of the names and the atoms. Scores are reported by where the
goal is written (prose, box, table), so a change to one reader of goals shows where it helps.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .model import Indicator, ParseResult, TargetAtom
from .textutil import fold, squash_spaces

PLACES = ("prose", "box", "table")
_DIRECTIONS = frozenset({"increase", "decrease", "maintain", "control", "balance"})
_NUMBER = re.compile(r"(-?[0-9]+(?:\.[0-9]+)?)(.*)")
_COMPARE = re.compile(r"(<=|>=|<|>|=|~)(.*)")
_DASHES = str.maketrans({"—": "-", "–": "-", "―": "-", "－": "-", "~": "-"})


@dataclass(frozen=True)
class ExpectedAtom:
    """One atom as annotated; None means "not checked"."""

    op: str
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    direction: str | None = None
    baseline_year: int | None = None
    qualifiers: tuple[str, ...] = ()
    reference: str | None = None
    change: bool | None = None
    bound: str | None = None


@dataclass(frozen=True)
class ExpectedIndicator:
    names: tuple[str, ...]
    atoms: tuple[ExpectedAtom, ...]


@dataclass(frozen=True)
class Statement:
    file: str
    line: int
    where: str
    text: str
    indicators: tuple[ExpectedIndicator, ...]


@dataclass
class Tally:
    statements: int = 0
    statements_found: int = 0
    indicators: int = 0
    indicators_found: int = 0


@dataclass
class Score:
    by_place: dict[str, Tally] = field(default_factory=lambda: {p: Tally() for p in PLACES})
    missed: list[tuple[Statement, ExpectedIndicator, list[Indicator]]] = field(default_factory=list)

    def found(self, places: Iterable[str] = PLACES) -> tuple[int, int]:
        """(statements found, statements) over some places."""
        tallies = [self.by_place[p] for p in places]
        return sum(t.statements_found for t in tallies), sum(t.statements for t in tallies)


def name_key(name: str) -> str:
    """A name as compared: width folded, no spaces, one spelling of dashes."""
    return squash_spaces(fold(name)).translate(_DASHES)


def read_statements(path: str | Path) -> list[Statement]:
    statements = []
    lines = Path(path).read_text(encoding="utf-8").split("\n")
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 5:
            raise ValueError(f"{path}:{number}: expected 5 tab-separated columns")
        file, at, where, text, expected = cols
        if where not in PLACES:
            raise ValueError(f"{path}:{number}: where must be one of {', '.join(PLACES)}")
        indicators = tuple(
            parse_indicator(part, f"{path}:{number}") for part in expected.split(" || ")
        )
        statements.append(Statement(file, int(at), where, text, indicators))
    return statements


def parse_indicator(text: str, where: str = "") -> ExpectedIndicator:
    """`NAME / NAME :: ATOM | ATOM` as written in the annotation."""
    names, sep, atoms = text.partition(" :: ")
    if not sep:
        raise ValueError(f"{where}: an indicator is written NAME :: ATOMS")
    return ExpectedIndicator(
        names=tuple(n.strip() for n in names.split(" / ")),
        atoms=tuple(_atom(a, where) for a in atoms.split(" | ")),
    )


def _atom(text: str, where: str) -> ExpectedAtom:
    """One atom in the notation of tests/spec/targets.tsv, plus `ref=…` and `[q1,q2]`."""
    words = text.split()
    head = words.pop(0)
    fields: dict = {}

    def number(word: str) -> tuple[float, str]:
        m = _NUMBER.fullmatch(word)
        if not m:
            raise ValueError(f"{where}: bad number {word!r}")
        return float(m[1]), m[2]

    glued = ""
    if head == "text":
        fields["op"] = "text"
    elif head == "bool":
        fields["op"], fields["value"] = "bool", float(words.pop(0))
    elif head in ("range", "ratio"):
        low, high = words.pop(0).split(".." if head == "range" else ":")
        fields["op"], fields["value"] = head, float(low)
        fields["value_max"], glued = number(high)
    elif head in _DIRECTIONS:
        fields["op"], fields["direction"] = "direction", head
        # a change of a size: decrease 18% (op =), increase >=0.5个百分点 (op >=)
        bounded = _COMPARE.fullmatch(words[0]) if words else None
        op, size = (bounded[1], bounded[2]) if bounded else ("=", words[0] if words else "")
        if _NUMBER.fullmatch(size):
            words.pop(0)
            fields["op"], fields["change"] = op, True
            fields["value"], glued = number(size)
    else:
        m = _COMPARE.fullmatch(head)
        if not m:
            raise ValueError(f"{where}: bad atom {text!r}")
        fields["op"] = m[1]
        if m[2] or (words and not words[0].startswith("ref=")):
            fields["value"], glued = number(m[2] or words.pop(0))
    if glued:
        fields["unit"] = glued
    elif words and fields.get("value") is not None and _is_unit(words[0]):
        fields["unit"] = words.pop(0)
    for word in words:
        if word in _DIRECTIONS:
            fields["direction"] = word
        elif word.startswith("base="):
            fields["baseline_year"] = int(word[5:])
        elif word.startswith("ref="):
            fields["reference"] = word[4:]
        elif word.startswith("bound="):
            fields["bound"] = word[6:]
        elif word.startswith("[") and word.endswith("]"):
            fields["qualifiers"] = tuple(word[1:-1].split(","))
        else:
            raise ValueError(f"{where}: bad word {word!r} in atom {text!r}")
    return ExpectedAtom(**fields)


def _is_unit(word: str) -> bool:
    return not (word in _DIRECTIONS or word.startswith(("base=", "ref=", "bound=", "[")))


def atom_matches(expected: ExpectedAtom, actual: TargetAtom) -> bool:
    if expected.op != actual.op:
        return False
    for want, have in ((expected.value, actual.value), (expected.value_max, actual.value_max)):
        if (want is None) != (have is None):
            return False
        if want is not None and have is not None and not math.isclose(want, have):
            return False
    if expected.value is not None and name_key(expected.unit or "") != name_key(actual.unit or ""):
        return False
    if expected.direction and expected.direction != actual.direction:
        return False
    if expected.change is not None and expected.change != getattr(actual, "change", False):
        return False
    if expected.bound and expected.bound != actual.bound:
        return False
    if expected.baseline_year and expected.baseline_year != actual.baseline_year:
        return False
    qualifiers = {name_key(q) for q in actual.qualifier}
    if any(name_key(q) not in qualifiers for q in expected.qualifiers):
        return False
    if expected.reference is not None:
        reference = getattr(actual, "reference", None)
        if not reference or name_key(reference) != name_key(expected.reference):
            return False
    return True


def indicator_matches(expected: ExpectedIndicator, actual: Indicator) -> bool:
    if name_key(actual.name) not in {name_key(n) for n in expected.names}:
        return False
    atoms = []
    for target in actual.targets:
        for atom in target.atoms:
            if atom not in atoms:
                atoms.append(atom)
    if len(atoms) != len(expected.atoms):
        return False
    unused = list(atoms)
    for want in expected.atoms:
        hit = next((a for a in unused if atom_matches(want, a)), None)
        if hit is None:
            return False
        unused.remove(hit)
    return True


def records_by_line(results: Iterable[ParseResult]) -> dict[tuple[str, int], list[Indicator]]:
    """Every indicator under (file name, each source line its provenance covers)."""
    index: dict[tuple[str, int], list[Indicator]] = {}
    for result in results:
        name = Path(result.source.path).name
        for document in result.documents:
            for indicator in document.indicators:
                lines = indicator.provenance.lines
                if not lines:
                    continue
                for line in range(lines[0], lines[1] + 1):
                    index.setdefault((name, line), []).append(indicator)
    return index


def score(statements: Iterable[Statement], results: Iterable[ParseResult]) -> Score:
    index = records_by_line(results)
    result = Score()
    for statement in statements:
        tally = result.by_place[statement.where]
        candidates = index.get((statement.file, statement.line), [])
        found_all = True
        for expected in statement.indicators:
            tally.indicators += 1
            if any(indicator_matches(expected, c) for c in candidates):
                tally.indicators_found += 1
            else:
                found_all = False
                result.missed.append((statement, expected, candidates))
        tally.statements += 1
        tally.statements_found += found_all
    return result


def extras(
    statements: Iterable[Statement], results: Iterable[ParseResult]
) -> list[tuple[str, Indicator]]:
    """(file, indicator) for every prose indicator whose name no statement of its lines lists."""
    wanted: dict[tuple[str, int], set[str]] = {}
    for s in statements:
        names = {name_key(n) for e in s.indicators for n in e.names}
        wanted.setdefault((s.file, s.line), set()).update(names)
    out = []
    for result in results:
        file = Path(result.source.path).name
        for document in result.documents:
            for indicator in document.indicators:
                lines = indicator.provenance.lines
                if indicator.source != "prose" or not lines:
                    continue
                names = set().union(
                    *(wanted.get((file, n), set()) for n in range(lines[0], lines[1] + 1))
                )
                if name_key(indicator.name) not in names:
                    out.append((file, indicator))
    return out
