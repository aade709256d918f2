"""Grammar files: typed loading, and every rule matching the examples written beside it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest
import regex
import yaml
from pydantic import BaseModel

from govdocparse import grammar, portal
from govdocparse.errors import GrammarError
from govdocparse.grammar_schema import (
    AgenciesGrammar,
    ChromeGrammar,
    ClassHint,
    HtmlGrammar,
    MetadataGrammar,
    PrefecturesGrammar,
    ResponsibilitiesGrammar,
    Rule,
    UnitsGrammar,
    WrittenFormsGrammar,
)
from govdocparse.readers.html_reader import _words

TYPED = {
    "metadata": MetadataGrammar,
    "chrome": ChromeGrammar,
    "agencies": AgenciesGrammar,
    "units": UnitsGrammar,
    "html": HtmlGrammar,
    "responsibilities": ResponsibilitiesGrammar,
    "prefectures": PrefecturesGrammar,
    "written_forms": WrittenFormsGrammar,
}


def _rules(model: BaseModel, path: str = "") -> Iterator[tuple[str, Rule]]:
    """Every Rule inside a grammar model, with its key path."""
    if isinstance(model, Rule):
        yield path, model
        return
    for name in type(model).model_fields:
        value = getattr(model, name)
        items = enumerate(value) if isinstance(value, list) else [(None, value)]
        for index, item in items:
            if isinstance(item, BaseModel):
                yield from _rules(
                    item, f"{path}{name}" + (f".{index}." if index is not None else ".")
                )


def _metadata_rules() -> list[tuple[str, Rule]]:
    return list(_rules(grammar.load_typed("metadata", MetadataGrammar)))


def _chrome_rules() -> list[tuple[str, Rule]]:
    return list(_rules(grammar.load_typed("chrome", ChromeGrammar)))


@pytest.mark.parametrize("name", sorted(TYPED))
def test_every_grammar_loads_through_its_schema(name):
    assert isinstance(grammar.load_typed(name, TYPED[name]), TYPED[name])


@pytest.mark.parametrize(
    "path, rule", _metadata_rules(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_metadata_rule_matches_its_examples(path, rule):
    compiled = grammar.load_typed("metadata", MetadataGrammar).compile(rule)
    for example in rule.examples:
        assert compiled.search(example), f"metadata.yaml {path}: {example!r}"


@pytest.mark.parametrize(
    "path, rule", _chrome_rules(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_chrome_rule_matches_its_examples(path, rule):
    import regex

    compiled = regex.compile(rule.pattern)
    for example in rule.examples:
        # Line rules are matched after spaces are removed, as normalize does.
        assert compiled.search(example) or compiled.search("".join(example.split())), (
            f"chrome.yaml {path}: {example!r}"
        )


@pytest.mark.parametrize(
    "label", grammar.load_typed("metadata", MetadataGrammar).portal_labels, ids=lambda e: e.label
)
def test_portal_label_is_read_in_its_examples(label):
    for example in label.examples:
        assert label.label in [pair.label for pair in portal.pairs(example)] or any(
            label.label in [p.label for p in portal.pairs(piece)]
            for piece in portal.split_at_labels(example)
        ), example


def _html_hints() -> list[tuple[str, ClassHint]]:
    html = grammar.load_typed("html", HtmlGrammar)
    return [(f"chrome.{h.word}", h) for h in html.chrome] + [
        (f"title.{h.word}", h) for h in html.title
    ]


@pytest.mark.parametrize("path, hint", _html_hints(), ids=lambda v: v if isinstance(v, str) else "")
def test_html_hint_matches_its_example_elements(path, hint):
    from bs4 import BeautifulSoup, Tag

    for example in hint.examples:
        element = BeautifulSoup(example, "html.parser").find(True)
        assert isinstance(element, Tag), f"html.yaml {path}: {example} holds no element"
        assert any(hint.matches(word) for word in _words(element)), f"html.yaml {path}: {example}"


def test_portal_labels_are_one_table_without_duplicates():
    labels = [
        entry.label for entry in grammar.load_typed("metadata", MetadataGrammar).portal_labels
    ]
    assert len(labels) == len(set(labels))


# a list holding this many of the crosswalk's population spellings writes the vocabulary again
_POPULATION_COPY = 10


def _word_lists(data: object, path: str) -> Iterator[tuple[str, list[str]]]:
    """Every list of words inside a parsed grammar, with its key path."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _word_lists(value, f"{path}.{key}")
    elif isinstance(data, list):
        if data and all(isinstance(item, str) for item in data):
            yield path, data
        else:
            for index, item in enumerate(data):
                yield from _word_lists(item, f"{path}.{index}")


def _population_copies() -> list[str]:
    """Key paths of word lists that repeat the population vocabulary, which lives once in
    indicator_synonyms.yaml (`qualifiers.population`) and is composed by reference elsewhere."""
    people = {
        spelling
        for spellings in grammar.load("indicator_synonyms")["qualifiers"]["population"].values()
        for spelling in spellings
    }
    return [
        path
        for source in sorted(grammar.grammar_dir().glob("*.yaml"))
        if source.stem != "indicator_synonyms"
        for path, words in _word_lists(grammar.load(source.stem), source.stem)
        if len(people.intersection(words)) >= _POPULATION_COPY
    ]


def test_the_population_vocabulary_is_written_once():
    assert _population_copies() == []


def test_a_second_population_list_is_caught(edited_grammars):
    people = ["婴儿", "新生儿", "婴幼儿", "幼儿", "孕产妇", "孕妇", "妇女", "女性", "男性", "女童"]
    _edit(edited_grammars / "targets.yaml", lambda d: d["measures"].update(population_nouns=people))
    assert _population_copies() == ["targets.measures.population_nouns"]


@pytest.fixture
def edited_grammars(tmp_path, monkeypatch):
    """A copy of the grammar folder that a test may edit, in force for the test only."""
    copy = tmp_path / "grammars"
    shutil.copytree(grammar.grammar_dir(), copy)
    monkeypatch.setenv("GOVDOCPARSE_GRAMMARS", str(copy))
    grammar.load.cache_clear()
    grammar.load_typed.cache_clear()
    yield copy
    grammar.load.cache_clear()
    grammar.load_typed.cache_clear()


def _edit(path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_a_misspelt_key_fails_at_load_naming_file_and_key(edited_grammars):
    _edit(edited_grammars / "metadata.yaml", lambda d: d["portal_labels"][3].update(feed="x"))
    with pytest.raises(GrammarError) as error:
        grammar.load_typed("metadata", MetadataGrammar)
    assert "metadata.yaml" in str(error.value) and "portal_labels.3.feed" in str(error.value)


def test_a_wrong_value_fails_at_load(edited_grammars):
    _edit(edited_grammars / "chrome.yaml", lambda d: d["lines"][0].update(pattern="(unclosed"))
    with pytest.raises(GrammarError, match=r"chrome\.yaml: lines\.0\.pattern"):
        grammar.load_typed("chrome", ChromeGrammar)


def test_a_rule_without_examples_fails_at_load(edited_grammars):
    _edit(edited_grammars / "agencies.yaml", lambda d: d["agencies"][0].pop("example"))
    with pytest.raises(GrammarError, match=r"agencies\.yaml: agencies\.0\.example"):
        grammar.load_typed("agencies", AgenciesGrammar)


def test_toneless_reading_examples_lose_their_readings():
    from govdocparse.matching import repair

    reading = grammar.load_typed("written_forms", WrittenFormsGrammar).toneless_reading
    for example in reading.examples:
        assert regex.search(r"[(（][a-zü]+[)）]", repair(example)) is None, example


def test_question_examples_keep_their_question_marks():
    from govdocparse.matching import matching_form

    question = grammar.load_typed("written_forms", WrittenFormsGrammar).question
    for example in question.examples:
        assert "？" in matching_form(example) and "囗" not in matching_form(example), example
