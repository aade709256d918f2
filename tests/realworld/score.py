"""Scores govdocparse against the real-world development set: facts a careful reader sees.

Each case is a document file `<id>.<ext>` beside its facts file `<id>.facts.yaml`:

    # Layout: <the kind of publication imitated>; learned from <address of a real page>
    covers: [tag, ...]            # variations the case exercises (vocabulary: tags.yaml)
    file: <id>.md                 # optional: the document file, when several could match
    warnings: [...]               # optional: warnings about the whole file (decoding…)
    documents:                    # the documents a reader sees in the file, in file order
      - title: ...
        kind: notice | plan | annex | other
        part_of: d1               # optional: the id of the notice or proclamation carrying it
        metadata: {doc_number: ..., period: [2021, 2030], recipients: [...], portal: {索引号: ...}}
        headings: [...]           # level-1 heading titles, without their numbers
        subheadings: {总体目标: [...]}   # level-2 titles under a level-1 heading
        targets:                  # one atom of an indicator's target (value_max, direction,
          - {indicator: 婴儿死亡率, op: "<=", value: 4.5, unit: ‰}   # change, reference too;
          - {indicator: 婴儿死亡率, op: "<", value: 3.8, year: 2025, baseline: 3.9}
                                  # year: the target's year; baseline, attribute: the indicator's
        tables:
          - {label: 专栏1, header: [...], rows: 12}   # header: one name per column, the names
                                  # of a header over several rows joined with "/" (目标值/2025年)
        agencies: {县教育局: 县教育局}   # written name → canonical name
        roles: {县财政局: participating}   # written name → lead | participating in its clause
        warnings: [...]           # a string, or a list of strings one warning must all contain

Conventions for writing facts (what a careful reader takes the document to say):
- title: the title as printed, its wrapped lines joined, without portal chrome, Markdown marks,
  《》 added by a mirror, a 文号 glued to it, or an issuer printed on its own line above it;
- kind: notice for a 通知 (carrying plans or not); plan for 规划, 纲要, 方案, 计划, 要点, 意见,
  办法 and 细则; annex for an 附件 whose body is a list, a form or a table; other for 请示, 报告,
  批复, 函, 决定, 通报, 会议纪要 and 解读;
- issuer: the 发文机关署名 (signature) when there is one, else the organ at the head of the title;
  joint issuers joined by 、;
- place: the most specific unit, as written in the document's own title or issuer (a carried
  plan whose title names its place keeps that form: 湘西自治州), else the carrying notice's;
- recipients: one entry per addressee; pieces that cannot stand alone stay with their group
  (市政府各委、办、局; 各县市区委、人民政府);
- text damaged by mirrors (pinyin after characters, stray ?) is read as the undamaged text, but
  traditional characters and half-width punctuation are kept as written.

Every leaf is one fact with a stable key (`d1.metadata.doc_number`, `d2.heading.主要目标`,
`d1.table1.rows`…); besides, the number of documents, of level-1 headings and of tables are
facts. A field the model does not have yet fails like any other wrong value. Only surrounding
whitespace is normalised.

Printed renditions (renditions/<id>.docx, .pdf, .doc, written by
scripts/make_realworld_renditions.py from the cases listed in renditions.yaml) are cases too, id
`renditions/<id>.<format>`, scored against their source's facts; the facts renditions.yaml says
a print does not carry (`omits`, each with its reason: a portal's fields and stamps) are left out.

Facts that fail today are listed in known_gaps.yaml; tests/test_realworld.py fails on any other
failure and on a listed gap that passes. scripts/realworld_score.py prints the score table.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

import govdocparse
from govdocparse.errors import GovDocError
from govdocparse.model import Document, ParseResult

HERE = Path(__file__).resolve().parent
KNOWN_GAPS = HERE / "known_gaps.yaml"
TAGS = HERE / "tags.yaml"
RENDITIONS = HERE / "renditions.yaml"
FACTS_SUFFIX = ".facts.yaml"
DOCUMENT_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf", ".doc")

_MISSING = object()
# Metadata fields whose facts are lists compared element by element.
_LIST_FIELDS = ("recipients", "cc", "signers", "attachments")


@dataclass(frozen=True)
class Fact:
    key: str  # stable name, the entry of known_gaps.yaml
    field: str  # the column of the per-field table: doc_number, headings, targets…
    expected: Any
    context: Any = None  # what else the check needs: all headings, or (number, table spec)


@dataclass
class Case:
    id: str
    path: Path
    covers: list[str]
    spec: dict
    facts_path: Path
    omits: dict[str, str] = field(default_factory=dict)  # fact key → why this file lacks it


@dataclass
class Outcome:
    fact: Fact
    passed: bool
    actual: Any = None
    reason: str = ""


@dataclass
class CaseResult:
    case: Case
    outcomes: list[Outcome] = field(default_factory=list)
    error: str | None = None

    @property
    def failed_keys(self) -> set[str]:
        return {o.fact.key for o in self.outcomes if not o.passed}


def load_cases(root: Path = HERE) -> list[Case]:
    """Every case of the set, sorted by id, then the printed renditions (renditions.yaml)."""
    cases = []
    for facts_path in sorted(root.glob(f"*{FACTS_SUFFIX}")):
        case_id = facts_path.name[: -len(FACTS_SUFFIX)]
        spec = yaml.safe_load(facts_path.read_text(encoding="utf-8")) or {}
        if "file" in spec:
            path = root / spec["file"]
        else:
            found = [root / f"{case_id}{suffix}" for suffix in DOCUMENT_SUFFIXES]
            existing = [p for p in found if p.exists()]
            if len(existing) != 1:
                raise ValueError(f"{facts_path.name}: expected one document file, found {existing}")
            path = existing[0]
        cases.append(Case(case_id, path, list(spec.get("covers", [])), spec, facts_path))
    if root == HERE:
        cases += _rendition_cases({case.id: case for case in cases})
    return cases


def _rendition_cases(sources: dict[str, Case]) -> list[Case]:
    """A case per printed rendition: its source's facts, less those the print does not carry."""
    entries = yaml.safe_load(RENDITIONS.read_text(encoding="utf-8")) if RENDITIONS.exists() else {}
    cases = []
    for source_id, entry in (entries or {}).items():
        source = sources[source_id]
        for fmt in entry["formats"]:
            path = HERE / "renditions" / f"{source_id}.{fmt}"
            omits = dict(entry.get("omits") or {})
            covers = [f"rendition-{fmt}"]
            cases.append(
                Case(f"renditions/{path.name}", path, covers, source.spec, source.facts_path, omits)
            )
    return cases


def load_known_gaps(path: Path = KNOWN_GAPS) -> dict[str, list[str]]:
    if not path.exists():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def load_tags(path: Path = TAGS) -> dict[str, str]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def facts_of(case: Case) -> list[Fact]:
    """The facts of a case in a fixed order, each with its key."""
    spec = case.spec
    documents = spec.get("documents", [])
    facts = [Fact("file.documents", "documents", len(documents))]
    facts += _warning_facts("file", spec.get("warnings", []))
    for n, doc in enumerate(documents, start=1):
        facts += _document_facts(f"d{n}", doc)
    facts = [fact for fact in facts if fact.key not in case.omits]
    keys = [fact.key for fact in facts]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ValueError(f"{case.id}: duplicate fact keys {duplicates}")
    return facts


def _document_facts(prefix: str, doc: dict) -> list[Fact]:
    facts = []
    for name in ("title", "kind", "part_of"):
        if name in doc:
            facts.append(Fact(f"{prefix}.{name}", name, doc[name]))
    for name, value in (doc.get("metadata") or {}).items():
        if name == "portal":
            for label, text in value.items():
                facts.append(Fact(f"{prefix}.portal.{label}", "portal", text))
        else:
            facts.append(Fact(f"{prefix}.metadata.{name}", name, value))
    if "headings" in doc:
        headings = doc["headings"]
        facts.append(Fact(f"{prefix}.headings.count", "headings", len(headings)))
        facts += [
            Fact(f"{prefix}.heading.{title}", "headings", title, tuple(headings))
            for title in headings
        ]
    for parent, titles in (doc.get("subheadings") or {}).items():
        key = f"{prefix}.subheadings.{parent}"
        facts.append(Fact(f"{key}.count", "headings", len(titles), parent))
        facts += [
            Fact(f"{key}/{title}", "headings", title, (parent, tuple(titles))) for title in titles
        ]
    seen: dict[str, int] = {}
    for target in doc.get("targets", []):
        name = target["indicator"]
        seen[name] = seen.get(name, 0) + 1
        suffix = f"#{seen[name]}" if seen[name] > 1 else ""
        facts.append(Fact(f"{prefix}.target.{name}{suffix}", "targets", target))
    if "tables" in doc:
        facts.append(Fact(f"{prefix}.tables.count", "tables", len(doc["tables"])))
        for n, table in enumerate(doc["tables"], start=1):
            for part in ("label", "title", "header", "rows"):
                if part in table:
                    facts.append(
                        Fact(f"{prefix}.table{n}.{part}", "tables", table[part], (n, table))
                    )
    for written, canonical in (doc.get("agencies") or {}).items():
        facts.append(Fact(f"{prefix}.agency.{written}", "agencies", canonical))
    for written, role in (doc.get("roles") or {}).items():
        facts.append(Fact(f"{prefix}.role.{written}", "agencies", role))
    facts += _warning_facts(prefix, doc.get("warnings", []))
    return facts


def _warning_facts(prefix: str, warnings: Iterable[str | list[str]]) -> list[Fact]:
    facts = []
    for warning in warnings:
        parts = [warning] if isinstance(warning, str) else list(warning)
        facts.append(Fact(f"{prefix}.warning.{' + '.join(parts)}", "warnings", parts))
    return facts


def parse_case(case: Case) -> ParseResult:
    return parse_path(case.path)


@cache
def parse_path(path: Path) -> ParseResult:
    """The record of a file, parsed once per process (the renditions' test compares it with
    its source's again)."""
    return govdocparse.parse(path)


def score_case(case: Case) -> CaseResult:
    """Every fact of the case checked against the parser's record."""
    facts = facts_of(case)
    result = CaseResult(case)
    try:
        record = parse_case(case)
    except GovDocError as exc:
        result.error = f"{type(exc).__name__}: {exc}"
        result.outcomes = [Outcome(f, False, None, f"parse failed: {exc}") for f in facts]
        return result
    matched = _match_documents(case.spec.get("documents", []), record.documents)
    for fact in facts:
        prefix = fact.key.split(".", 1)[0]
        if prefix == "file":
            outcome = _check_file_fact(fact, record)
        else:
            document = matched[int(prefix[1:]) - 1]
            if document is None:
                outcome = Outcome(fact, False, None, "no parsed document matches")
            else:
                outcome = _check_document_fact(fact, document, record)
        result.outcomes.append(outcome)
    return result


def _match_documents(expected: list[dict], parsed: list[Document]) -> list[Document | None]:
    """Each expected document's parsed counterpart: same title, else the same position."""
    taken: set[int] = set()
    matched: list[Document | None] = [None] * len(expected)
    for n, doc in enumerate(expected):
        for m, candidate in enumerate(parsed):
            if m not in taken and _text(candidate.title) == _text(doc.get("title")):
                matched[n] = candidate
                taken.add(m)
                break
    for n in range(len(expected)):
        if matched[n] is None and n < len(parsed) and n not in taken:
            matched[n] = parsed[n]
            taken.add(n)
    return matched


def _check_file_fact(fact: Fact, record: ParseResult) -> Outcome:
    if fact.field == "documents":
        titles = [d.title for d in record.documents]
        actual = len(record.documents)
        return _outcome(fact, actual == fact.expected, titles, f"{actual} documents: {titles}")
    warnings = list(record.source.warnings)
    for document in record.documents:
        warnings += getattr(document, "warnings", [])
    return _check_warning(fact, warnings)


def _check_document_fact(fact: Fact, doc: Document, record: ParseResult) -> Outcome:
    kind = fact.key.split(".", 2)[1]
    if kind in ("title", "kind", "part_of"):
        actual = getattr(doc, kind)
        return _outcome(fact, _text(actual) == _text(fact.expected), actual)
    if kind == "metadata":
        return _check_metadata(fact, doc)
    if kind == "portal":
        label = fact.key.split(".", 2)[2]
        actual = {"".join(k.split()): v for k, v in doc.metadata.portal.items()}.get(label)
        return _outcome(fact, _text(actual) == _text(fact.expected), actual)
    if kind in ("headings", "heading"):
        return _check_heading(fact, doc)
    if kind == "subheadings":
        return _check_subheading(fact, doc)
    if kind == "target":
        return _check_target(fact, doc)
    if kind.startswith("table"):
        return _check_table(fact, doc)
    if kind == "agency":
        return _check_agency(fact, doc)
    if kind == "role":
        return _check_role(fact, doc)
    if kind == "warning":
        warnings = list(getattr(doc, "warnings", [])) + list(record.source.warnings)
        return _check_warning(fact, warnings)
    raise ValueError(f"unknown fact {fact.key}")


def _check_metadata(fact: Fact, doc: Document) -> Outcome:
    name = fact.key.split(".", 2)[2]
    actual: Any = getattr(doc.metadata, name, _MISSING)
    if actual is _MISSING:
        return Outcome(fact, False, None, f"the model has no metadata field {name!r}")
    expected = fact.expected
    if name == "period":
        value = None if actual is None else [actual.start, actual.end]
        return _outcome(fact, value == (list(expected) if expected else None), value)
    if name in _LIST_FIELDS or isinstance(expected, list):
        value = [_text(v) for v in actual or []]
        return _outcome(fact, value == [_text(v) for v in expected or []], actual)
    if expected is None:
        return _outcome(fact, actual in (None, "", []), actual, f"expected nothing, got {actual!r}")
    return _outcome(fact, _text(actual) == _text(expected), actual)


def _check_heading(fact: Fact, doc: Document) -> Outcome:
    actual = [_text(s.title) for s in doc.sections]
    if fact.key.endswith(".headings.count"):
        return _outcome(fact, len(actual) == fact.expected, actual, f"{len(actual)}: {actual}")
    # A heading passes when it is on the longest run of expected headings found in order, so
    # one missing or extra heading does not fail all those after it.
    found = _in_order(list(fact.context), actual)
    return _outcome(fact, _text(fact.expected) in found, actual)


def _check_subheading(fact: Fact, doc: Document) -> Outcome:
    parent_title = fact.context if fact.key.endswith(".count") else fact.context[0]
    parent = next((s for s in doc.sections if _text(s.title) == _text(parent_title)), None)
    if parent is None:
        return Outcome(fact, False, None, f"no level-1 heading {parent_title}")
    actual = [_text(s.title) for s in parent.children]
    if fact.key.endswith(".count"):
        return _outcome(fact, len(actual) == fact.expected, actual, f"{len(actual)}: {actual}")
    found = _in_order(list(fact.context[1]), actual)
    return _outcome(fact, _text(fact.expected) in found, actual)


def _check_target(fact: Fact, doc: Document) -> Outcome:
    want = fact.expected
    name = _text(want["indicator"])
    named = [
        i
        for i in doc.indicators
        if name in (_text(i.name), _text(i.name_raw))
        or any(_text(a.indicator) == name for t in i.targets for a in t.atoms)
    ]
    if not named:
        return Outcome(fact, False, None, f"no indicator named {name}")
    if "baseline" in want:
        named = [
            i for i in named if i.baseline and _same_number(i.baseline.value, want["baseline"])
        ]
    if "attribute" in want:
        named = [i for i in named if i.attribute == want["attribute"]]
    # An atom of a distributive list names its own measure; it counts only for that one.
    atoms = [
        a
        for i in named
        for t in i.targets
        if "year" not in want or t.year == want["year"]
        for a in t.atoms
        if not a.indicator or name in (_text(a.indicator), _text(i.name))
    ]
    for atom in atoms:
        if atom.op != want["op"]:
            continue
        if "value" in want and not _same_number(atom.value, want["value"]):
            continue
        if "value_max" in want and not _same_number(atom.value_max, want["value_max"]):
            continue
        if "unit" in want and _text(atom.unit) != _text(want["unit"]):
            continue
        if "direction" in want and atom.direction != want["direction"]:
            continue
        if "change" in want and atom.change != want["change"]:
            continue
        if "reference" in want and atom.reference != want["reference"]:
            continue
        return Outcome(fact, True, atom.raw)
    seen = [f"{a.op} {a.value} {a.unit or ''}".strip() for a in atoms]
    return Outcome(fact, False, seen, f"{name} has atoms {seen}")


def _check_table(fact: Fact, doc: Document) -> Outcome:
    part = fact.key.rsplit(".", 1)[1]
    if fact.key.endswith(".tables.count"):
        labels = [t.label or t.title for t in doc.tables]
        return _outcome(fact, len(doc.tables) == fact.expected, labels, f"{len(labels)}: {labels}")
    number, want = fact.context
    table = None
    if want.get("label"):
        table = next((t for t in doc.tables if _text(t.label) == _text(want["label"])), None)
    if table is None and number <= len(doc.tables):
        table = doc.tables[number - 1]
    if table is None:
        return Outcome(fact, False, None, f"only {len(doc.tables)} tables")
    if part == "label":
        return _outcome(fact, _text(table.label) == _text(want["label"]), table.label)
    if part == "title":
        return _outcome(fact, _text(table.title) == _text(want["title"]), table.title)
    if part == "header":
        header = [_text(c) for c in table.header]
        return _outcome(fact, header == [_text(c) for c in want["header"]], header)
    rows = len(table.rows)
    return _outcome(fact, rows == want["rows"], rows)


def _check_agency(fact: Fact, doc: Document) -> Outcome:
    written = fact.key.split(".", 2)[2]
    clauses = doc.responsibilities  # indicators name theirs by responsible_id
    canonical = {
        _text(a.canonical)
        for clause in clauses
        for a in clause.lead + clause.participating
        if _text(a.name) == written
    }
    if not canonical:
        return Outcome(fact, False, None, f"{written} not in any responsibility clause")
    ok = canonical == {_text(fact.expected)}
    return _outcome(fact, ok, sorted(canonical))


def _check_role(fact: Fact, doc: Document) -> Outcome:
    written = fact.key.split(".", 2)[2]
    clauses = doc.responsibilities  # indicators name theirs by responsible_id
    roles = {
        role
        for clause in clauses
        for role, agencies in (("lead", clause.lead), ("participating", clause.participating))
        if any(_text(a.name) == written for a in agencies)
    }
    if not roles:
        return Outcome(fact, False, None, f"{written} not in any responsibility clause")
    return _outcome(fact, roles == {fact.expected}, sorted(roles))


def _check_warning(fact: Fact, warnings: Sequence[str]) -> Outcome:
    parts = fact.expected
    ok = any(all(part in warning for part in parts) for warning in warnings)
    return _outcome(fact, ok, list(warnings), f"no warning with {parts}; warnings: {warnings}")


def _outcome(fact: Fact, passed: bool, actual: Any, reason: str | None = None) -> Outcome:
    return Outcome(fact, passed, actual, "" if passed else reason or f"got {actual!r}")


def _in_order(expected: list[str], actual: list[str]) -> set[str]:
    """The expected titles on a longest common subsequence of the two lists."""
    want = [_text(e) for e in expected]
    rows, cols = len(want), len(actual)
    table = [[0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            table[i][j] = (
                table[i + 1][j + 1] + 1
                if want[i] == actual[j]
                else max(table[i + 1][j], table[i][j + 1])
            )
    found, i, j = set(), 0, 0
    while i < rows and j < cols:
        if want[i] == actual[j]:
            found.add(want[i])
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return found


def _same_number(actual: float | None, expected: Any) -> bool:
    if actual is None or expected is None:
        return actual is None and expected is None
    return math.isclose(actual, float(expected), rel_tol=1e-9, abs_tol=1e-9)


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()
