"""README.md says what the code does: every module in the architecture section, every command,
every grammar file, and the exact test command CI runs."""

from __future__ import annotations

import argparse
import ast
import re

import pytest

from govdocparse.cli import _parser

from .support import ROOT

PACKAGE = ROOT / "src" / "govdocparse"
README = (ROOT / "README.md").read_text(encoding="utf-8")
MODULES = sorted(
    path.relative_to(PACKAGE).as_posix()
    for path in PACKAGE.rglob("*.py")
    if path.read_text(encoding="utf-8").strip()  # an empty __init__.py only marks a package
)


def _section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end != -1 else None]


def _table_modules() -> list[str]:
    """The modules the architecture tables name, one or more per row, in order."""
    named = []
    for row in re.findall(r"^\| (`[^|]+`) \|", _section("How it works"), re.MULTILINE):
        named += re.findall(r"`([^`]+)`", row)
    return named


def test_the_architecture_section_names_every_module_once():
    named = _table_modules()
    missing = sorted(set(MODULES) - set(named))
    assert not missing, f"README 'How it works' does not name {missing}: add a row with its job"
    stale = sorted(set(named) - set(MODULES))
    assert not stale, f"README 'How it works' names modules that do not exist: {stale}"
    twice = sorted({m for m in named if named.count(m) > 1})
    assert not twice, f"README 'How it works' names {twice} more than once"


@pytest.mark.parametrize("module", MODULES)
def test_every_module_says_its_job_in_a_docstring(module):
    tree = ast.parse((PACKAGE / module).read_text(encoding="utf-8"))
    assert ast.get_docstring(tree), f"src/govdocparse/{module} has no module docstring"


def _commands() -> list[str]:
    [commands] = [a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(commands.choices)


@pytest.mark.parametrize("command", _commands())
def test_every_command_is_shown_in_the_readme(command):
    # a command line of its own, or one quoted in the text
    assert re.search(rf"(?:^\s*|`)govdocparse {command}\b", README, re.MULTILINE), (
        f"README shows no `govdocparse {command} …` line"
    )


def _readme_test_command() -> list[str]:
    """The indented lines under 'Run the tests' in README."""
    after = README[README.index("Run the tests") :].split("\n\n", 2)[1]
    return [line.strip() for line in after.splitlines()]


def test_the_readme_test_command_is_what_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    runs = [line.strip() for line in ci if ".venv" in line and not line.lstrip().startswith("#")]
    assert runs == _readme_test_command()


@pytest.mark.parametrize(
    "grammar",
    sorted(
        path.name
        for path in (ROOT / "grammars").iterdir()
        if path.suffix in {".yaml", ".txt"} and path.name != "__init__.py"
    ),
)
def test_every_grammar_file_is_named_in_the_readme(grammar):
    assert f"`{grammar}`" in README, f"README does not say what grammars/{grammar} holds"


def test_the_real_world_set_is_counted_the_same_where_the_readme_counts_it():
    documents = len(list((ROOT / "tests" / "realworld").glob("*.facts.yaml")))
    section = _section("Real-world development set")
    described = re.search(r"the parser was not tuned on: (\d+)\s+documents", section)
    overall = re.search(r"^overall: .*?\(\d+ cases: the (\d+) documents", section, re.MULTILINE)
    assert described and overall
    assert (int(described[1]), int(overall[1])) == (documents, documents)


def test_the_goal_sentence_spec_is_counted_as_the_readme_counts_it():
    spec = (ROOT / "tests" / "spec" / "goal_sentences.tsv").read_text(encoding="utf-8")
    rows = [line for line in spec.splitlines() if line.strip() and not line.startswith("#")]
    counted = re.search(r"`tests/spec/goal_sentences\.tsv` holds (\d+) goal sentences", README)
    assert counted and int(counted[1]) == len(rows)
