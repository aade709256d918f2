"""The units vocabulary: integrity of grammars/units.yaml (every spelling maps to one known unit,
every entry shows a real example), what govdocparse.units answers, and the typed grammar loading
that rejects a misspelt key naming the file and the key."""

from __future__ import annotations

import re
import shutil

import pytest
import regex
import yaml

from govdocparse import grammar, units
from govdocparse.errors import GrammarError
from govdocparse.textutil import fold, squash_spaces

RULES = units.rules()
SPELLINGS = [
    (name, spelling) for name, unit in RULES.units.items() for spelling in (name, *unit.spellings)
]


# ---------------------------------------------------------------- integrity of the data


def test_every_spelling_names_one_unit():
    owners: dict[str, list[str]] = {}
    for name, spelling in SPELLINGS:
        owners.setdefault(fold(spelling), []).append(name)
    shared = {spelling: names for spelling, names in owners.items() if len(names) > 1}
    assert not shared, f"spellings claimed by several units: {shared}"


def test_spellings_are_written_folded_and_without_spaces():
    # The code folds what it reads; a full-width spelling in the grammar would be a duplicate.
    for _, spelling in SPELLINGS:
        assert spelling == squash_spaces(fold(spelling)), spelling


@pytest.mark.parametrize("name", sorted(RULES.units))
def test_every_unit_has_an_example_showing_it(name):
    unit = RULES.units[name]
    example = squash_spaces(fold(unit.example))
    assert re.match(r"^\(invented\)|^[a-z]+ ", unit.example), f"{name}: say where it comes from"
    assert any(fold(s) in example for s in (name, *unit.spellings)), (
        f"{name}: the example {unit.example!r} does not show the unit"
    )


@pytest.mark.parametrize("name", sorted(n for n, u in RULES.units.items() if u.compares_as))
def test_compares_as_names_a_unit_that_compares_as_itself(name):
    target = RULES.units[name].compares_as
    assert target in RULES.units, f"{name} compares as unknown unit {target}"
    assert RULES.units[target].compares_as is None, f"{name} → {target} is a chain"


def test_scale_prefixes_and_denominators_are_not_ambiguous():
    spellings = {fold(s) for _, s in SPELLINGS}
    # a joiner inside a denominator word would split it
    for word in RULES.per:
        assert not any(j in word for j in RULES.per_joiners), word
    # a scale that is itself a unit (万, 亿) is of kind scale, never scalable
    for scale in RULES.scale_prefixes:
        if scale in spellings:
            assert units.kind(scale) == "scale"
    assert "scale" not in RULES.scalable_kinds


def test_type_markers_are_not_units():
    for marker in RULES.type_markers:
        assert not units.is_unit(marker) and units.is_type_marker(marker)


def test_population_units_of_the_target_grammar_are_known_units():
    targets = yaml.safe_load(grammar.path_of("targets.yaml").read_text(encoding="utf-8"))
    for unit in targets["population_units"]:
        assert units.canonical(unit) == unit, unit


@pytest.mark.parametrize(("name", "spelling"), SPELLINGS)
def test_every_spelling_is_read_back_to_its_unit(name, spelling):
    assert units.canonical(spelling) == name
    assert units.canonical(name) == name  # idempotent
    assert units.kind(spelling) == RULES.units[name].kind


@pytest.mark.parametrize(("name", "spelling"), [(n, s) for n, s in SPELLINGS if not s[0].isdigit()])
def test_the_after_number_pattern_finds_every_spelling_in_either_width(name, spelling):
    pattern = regex.compile(f"[0-9]+({units.pattern()})")
    wide = "".join(chr(ord(c) + 0xFEE0) if 0x21 <= ord(c) <= 0x7E else c for c in spelling)
    for written in (spelling, wide):
        m = pattern.fullmatch("12" + written)
        assert m and units.canonical(m[1]) == name, written


# ---------------------------------------------------------------- what the module answers


@pytest.mark.parametrize(
    ("written", "canonical", "kind", "compares_as"),
    [
        ("％", "%", "percent", "%"),
        ("（%）", "%", "percent", "%"),
        ("百分点", "个百分点", "percentage_point", "%"),
        ("/10万", "1/10万", "per_100k", "1/10万"),
        ("10万分之", "1/10万", "per_100k", "1/10万"),
        ("名", "名", "count", "人"),
        ("所", "所", "count", "个"),
        ("万人", "万人", "count", "万人"),
        ("万 人 次", "万人次", "count", "万人次"),
        ("万个", "万个", "count", "万个"),
        ("万平方米", "万平方米", "area", "万平方米"),
        ("㎡", "平方米", "area", "平方米"),
        ("千米", "公里", "length", "公里"),
        ("亿元", "亿元", "money", "亿元"),
        ("元/人·月", "元/人·月", "money", "元"),
        ("元／人.月", "元/人·月", "money", "元"),
        ("元/生•年", "元/生·年", "money", "元"),
        ("个/千人", "个/千人", "count", "个"),
        ("张/千人", "张/千人", "count", "张"),
        ("人/万人", "人/万人", "count", "人"),
        ("个/千人口", "个/千人口", "count", "个"),
    ],
)
def test_units_as_written(written, canonical, kind, compares_as):
    assert units.canonical(written) == canonical
    assert units.kind(written) == kind
    assert units.compares_as(written) == compares_as
    assert units.is_unit(written)


@pytest.mark.parametrize(
    "text", ["", None, "X:100", "是/否", "万岁", "比例", "0-6岁", "人/", "/人"]
)
def test_not_units(text):
    assert units.canonical(text) is None and not units.is_unit(text)


def test_spellings_of_a_kind():
    money = units.spellings("money")
    assert money == ["元"]
    assert {"个", "所", "名", "场次"} <= set(units.spellings("count"))


# ---------------------------------------------------------------- typed grammar loading


@pytest.fixture
def edited_grammars(tmp_path, monkeypatch):
    """A copy of the grammar folder the test may edit; caches are cleared around it."""
    folder = tmp_path / "grammars"
    shutil.copytree(grammar.grammar_dir(), folder)
    monkeypatch.setenv("GOVDOCPARSE_GRAMMARS", str(folder))
    _clear_caches()
    yield folder
    monkeypatch.delenv("GOVDOCPARSE_GRAMMARS")
    _clear_caches()


def _clear_caches() -> None:
    for cached in (
        grammar.load,
        grammar.load_typed,
        units._compiled,
        units._parts,
        units._per_first,
    ):
        cached.cache_clear()


def test_a_misspelt_key_fails_at_load_naming_file_and_key(edited_grammars):
    path = edited_grammars / "units.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("    kind: money", "    kindd: money"),
        encoding="utf-8",
    )
    with pytest.raises(GrammarError) as caught:
        units.rules()
    message = str(caught.value)
    assert str(path) in message and "units.元.kindd: unknown key" in message
    assert "\n" not in message


def test_a_wrong_value_fails_at_load_naming_the_key(edited_grammars):
    path = edited_grammars / "units.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("    kind: money", "    kind: cash"),
        encoding="utf-8",
    )
    with pytest.raises(GrammarError, match=r"units\.元\.kind: "):
        units.rules()


def test_a_missing_entry_fails_at_load(edited_grammars):
    path = edited_grammars / "units.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(regex.sub(r"(?m)^per: .*\n", "", text), encoding="utf-8")
    with pytest.raises(GrammarError, match="per: missing key"):
        units.rules()


def test_an_edited_grammar_adds_a_unit(edited_grammars):
    path = edited_grammars / "units.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "\n  元:\n",
            '\n  剂次:\n    kind: count\n    example: "(invented) 接种2剂次"\n  元:\n',
            1,
        ),
        encoding="utf-8",
    )
    assert units.canonical("剂次") == "剂次" and units.kind("万剂次") == "count"


@pytest.mark.parametrize(
    "written, read",
    [
        ("生活补助标准为每人每月300元", "生活补助标准为300元/人·月"),
        ("按每生每学年1500元标准", "按1500元/生·学年标准"),
        ("达到每户每年0.5万元以上", "达到0.5万元/户·年以上"),
        # only money: a time or a count keeps its frequency words
        ("每天户外活动1小时", "每天户外活动1小时"),
        ("每千人拥有托位4.5个", "每千人拥有托位4.5个"),
        # a rate unit written after the amount is left as it is
        ("每月300元/人", "每月300元/人"),
    ],
)
def test_a_money_rate_written_denominators_first_reads_as_a_rate_unit(written, read):
    assert units.per_first(written) == read
    assert len(read) == len(written)
