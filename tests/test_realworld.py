"""The real-world development set (tests/realworld/): every fact a careful reader sees in
documents laid out like real publications from other places.

A case fails when a fact not listed in tests/realworld/known_gaps.yaml fails, and when a listed
gap passes (so the list only shrinks: remove a gap in the commit that fixes it). The score table
is printed by scripts/realworld_score.py.
"""

import pytest

from .realworld.make_damaged import DAMAGED, damaged_bytes
from .realworld.score import (
    HERE,
    facts_of,
    load_cases,
    load_known_gaps,
    load_tags,
    parse_path,
    score_case,
)
from .support import script

CASES = load_cases()
KNOWN_GAPS = load_known_gaps()


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_case_scores_as_recorded(case):
    result = score_case(case)
    gaps = set(KNOWN_GAPS.get(case.id, []))
    keys = {outcome.fact.key for outcome in result.outcomes}
    unexpected = [o for o in result.outcomes if not o.passed and o.fact.key not in gaps]
    fixed = sorted(gaps & keys - result.failed_keys)
    stale = sorted(gaps - keys)
    problems = [f"{o.fact.key}: {o.reason}" for o in unexpected]
    problems += [f"{key}: passes now, remove it from known_gaps.yaml" for key in fixed]
    problems += [f"{key}: no such fact, remove it from known_gaps.yaml" for key in stale]
    assert not problems, f"{case.path.name}:\n" + "\n".join(problems)


def test_every_tag_is_known_and_covered_by_a_case():
    tags = load_tags()
    used = {tag for case in CASES for tag in case.covers}
    assert not used - tags.keys(), f"tags not in tags.yaml: {sorted(used - tags.keys())}"
    assert not tags.keys() - used, f"tags without a case: {sorted(tags.keys() - used)}"
    assert not KNOWN_GAPS.keys() - {c.id for c in CASES}, "known_gaps.yaml lists unknown cases"


def test_cases_have_facts_and_a_layout_comment():
    for case in CASES:
        assert len(facts_of(case)) >= 5, f"{case.id}: too few facts"
        first = case.facts_path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# Layout:"), f"{case.id}: the facts file must name its layout"


@pytest.mark.parametrize("name", sorted(DAMAGED))
def test_damaged_downloads_match_their_generator(name):
    assert (HERE / name).read_bytes() == damaged_bytes(name), (
        f"{name} differs from make_damaged.py: run python -m tests.realworld.make_damaged"
    )


RENDITION_CASES = [case for case in CASES if case.id.startswith("renditions/")]
# The facts a print may lack: those of the portal page its text was copied from.
NOT_PRINTED_FIELDS = {"portal", "date_published"}


@pytest.mark.parametrize("case", RENDITION_CASES, ids=lambda c: c.id)
def test_a_rendition_omits_only_portal_facts_of_its_source(case):
    source = next(c for c in CASES if c.facts_path == case.facts_path and c is not case)
    fields = {fact.key: fact.field for fact in facts_of(source)}
    for key, reason in case.omits.items():
        assert key in fields, f"{case.id}: omits {key}, which its source's facts do not have"
        assert fields[key] in NOT_PRINTED_FIELDS, f"{case.id}: {key} is printed; keep it scored"
        assert reason.strip(), f"{case.id}: say why the print lacks {key}"


def test_renditions_are_what_the_generator_writes():
    """The committed DOCX renditions are what scripts/make_realworld_renditions.py writes today
    (the PDF and .doc need LibreOffice: rerun the script when the DOCX changes)."""
    generator = script("make_realworld_renditions")
    for rendition in generator.load_renditions():
        path = HERE / "renditions" / f"{rendition.source}.docx"
        assert path.read_bytes() == generator.docx_rendition(rendition), (
            f"{path.name} differs from the generator: run scripts/make_realworld_renditions.py"
        )
        for fmt in rendition.formats:
            assert (path.with_suffix(f".{fmt}")).exists(), f"missing {path.stem}.{fmt}"


# What a print may state that its text copy does not, and the text copy's portal fields.
PRINT_ONLY = {"issuer_mark"}
PAGE_ONLY = {"date_published", "portal", "provenance", "inherited"}


def _record_view(document, skip: set[str]) -> dict:
    """Everything of a document the formats must agree on, provenance aside."""
    metadata = document.metadata.model_dump(exclude=skip | PAGE_ONLY)
    return {
        "kind": document.kind,
        "title": document.title,
        "metadata": metadata,
        "sections": [(s.title, [c.title for c in s.children]) for s in document.sections],
        "tables": [(t.label, t.title, t.header, len(t.rows)) for t in document.tables],
        "indicators": sorted(
            (i.name, tuple(a.raw for t in i.targets for a in t.atoms)) for i in document.indicators
        ),
        "responsibilities": [r.raw for r in document.responsibilities],
    }


@pytest.mark.parametrize("case", RENDITION_CASES, ids=lambda c: c.id)
def test_a_rendition_gives_its_source_texts_records(case):
    """Beyond the facts: a print gives the records its text does, but for the 版头 the print adds
    when its text copy lost it (renditions.yaml issuer_mark) and the portal page's fields."""
    generator = script("make_realworld_renditions")
    source_id = case.id.split("/", 1)[1].rsplit(".", 1)[0]
    rendition = next(r for r in generator.load_renditions() if r.source == source_id)
    skip = PRINT_ONLY if rendition.issuer_mark else set()
    text = [_record_view(d, skip) for d in parse_path(HERE / f"{source_id}.txt").documents]
    printed = [_record_view(d, skip) for d in parse_path(case.path).documents]
    assert printed == text
