"""The written record: lean (no key without a value), compact by default, pretty on request,
and complete: every record loads back into the model unchanged.

Golden records are checked in test_golden.py; here records built by hand cover what the corpus
does not: provenance from another file, non-default values of every defaulted kind, names that
are not valid UTF-8, records written with every key.
"""

from __future__ import annotations

import json
import re

import pytest
from pydantic import ValidationError

from govdocparse import parse
from govdocparse.cli import main
from govdocparse.crosswalk.load import load_file
from govdocparse.model import (
    Document,
    ParseResult,
    Provenance,
    Record,
    json_schema,
    provenances,
)
from govdocparse.output import record_data, to_json

from .support import CORPUS_FILES

PROV = {"file": "plan.txt", "lines": (3, 4)}


def _record(path: str = "in/plan.txt", **document: object) -> ParseResult:
    return ParseResult.model_validate(
        {
            "parser_version": "test",
            "source": {"path": path, "format": "txt", "sha256": "0" * 64},
            "documents": [{"id": "d1", "kind": "plan", "title": None, "metadata": {}, **document}],
        }
    )


SYNTHETIC = {
    "empty document": _record(),
    "non-default values of every kind": _record(
        title="某市儿童发展规划",
        sections=[
            {
                "id": "d1-s1",
                "level": 1,
                "number": "",
                "title": "总体要求",
                "text": "",
                "provenance": PROV,
                "children": [
                    {"id": "d1-s1.1", "level": 2, "number": "（一）", "ordinal": 1, "title": "目标"}
                ],
            }
        ],
        tables=[
            {
                "id": "d1-t1",
                "kind": "list",
                "items": [{"name": "甲", "text": "乙", "provenance": PROV}],
                "provenance": PROV,
            },
            {
                "id": "d1-t2",
                "kind": "grid",
                "header": ["指标", ""],
                "rows": [{"cells": ["", "x"], "provenance": PROV}],
                "provenance": PROV,
            },
        ],
        indicators=[
            {
                "id": "d1-专栏1-r0",
                "source": "table",
                "name_raw": "入园率",
                "name": "入园率",
                "seq": 0,
                "targets": [
                    {
                        "label": "",
                        "year": 0,
                        "raw": "",
                        "atoms": [
                            {"op": "=", "value": 0.0, "unit_from_row": True, "raw": "0"},
                            {"op": "bool", "unit_from_row": False, "qualifier": [], "raw": "是"},
                        ],
                        "provenance": {"file": "plan.txt", "table_row": 0, "table_col": 0},
                    }
                ],
                "responsible_id": "r1",
                "provenance": PROV,
            }
        ],
        responsibilities=[
            {"id": "r1", "kind": "责任单位", "by_duty": True, "raw": "", "provenance": PROV}
        ],
    ),
    "provenance from another file": _record(
        metadata={
            "place": "某区",
            "provenance": {"place": {"file": "notice.txt", "lines": (1, 1)}},
        },
    ),
    "a name that is not UTF-8": _record(path="in/\udce9\udcf5.txt", lines=(1, 2)),
}


@pytest.mark.parametrize("record", SYNTHETIC.values(), ids=SYNTHETIC.keys())
@pytest.mark.parametrize("indent", [None, 1, 4])
def test_synthetic_records_load_back_unchanged(record, indent, tmp_path):
    text = to_json(record, indent)
    # json.loads: pydantic's own JSON reader refuses the \udcXX escapes of a non-UTF-8 name
    assert ParseResult.model_validate(json.loads(text)) == record
    assert to_json(ParseResult.model_validate(json.loads(text)), indent) == text
    (tmp_path / "record.json").write_text(text, encoding="utf-8")
    assert load_file(tmp_path / "record.json") == [record]


@pytest.mark.parametrize(
    "record", [r for k, r in SYNTHETIC.items() if "UTF-8" not in k], ids=lambda r: r.source.path
)
def test_a_record_written_with_every_key_reads_the_same(record):
    assert ParseResult.model_validate_json(record.model_dump_json()) == record


def test_a_provenance_names_its_file_only_when_it_is_another():
    data = record_data(SYNTHETIC["provenance from another file"])
    assert data["documents"][0]["metadata"]["provenance"]["place"]["file"] == "notice.txt"
    data = record_data(SYNTHETIC["non-default values of every kind"])
    assert "file" not in data["documents"][0]["indicators"][0]["provenance"]


def test_default_values_are_left_out_and_the_others_kept():
    data = record_data(SYNTHETIC["non-default values of every kind"])
    document = data["documents"][0]
    assert data["schema_version"] == "2.0"  # a default, but always written
    assert record_data(SYNTHETIC["empty document"])["documents"][0] == {
        "id": "d1",
        "kind": "plan",
        "title": None,  # required, so written even when null
        "metadata": {},
    }
    assert [t.get("kind") for t in document["tables"]] == ["list", None]  # grid is the default
    assert document["tables"][1]["header"] == ["指标", ""]
    [indicator] = document["indicators"]
    assert indicator["seq"] == 0 and indicator["responsible_id"] == "r1"
    [target] = indicator["targets"]
    assert (target["label"], target["year"], target["raw"]) == ("", 0, "")
    assert target["atoms"][0] == {"op": "=", "value": 0.0, "unit_from_row": True, "raw": "0"}
    assert target["atoms"][1] == {"op": "bool", "raw": "是"}
    assert document["responsibilities"][0]["by_duty"] is True
    section = document["sections"][0]
    assert "text" not in section and section["number"] == ""  # "" default vs required ""
    assert set(section["children"][0]) == {"id", "level", "number", "ordinal", "title"}


def _empty_values(value: object, path: str = "") -> list[str]:
    """Paths of keys holding null, [], {} or false (a portal field may be null: it is data)."""
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}.{key}"
            empty = item is None or item is False or (isinstance(item, (list, dict)) and not item)
            if empty and ".portal." not in where + ".":
                found.append(where)
            found += _empty_values(item, where)
    elif isinstance(value, list):
        for n, item in enumerate(value):
            found += _empty_values(item, f"{path}[{n}]")
    return found


@pytest.mark.parametrize("source", CORPUS_FILES, ids=lambda p: p.stem)
def test_corpus_output_is_one_lean_line_at_most_four_times_the_input(source):
    text = to_json(parse(source))
    assert text.count("\n") == 1 and text.endswith("\n")
    data = json.loads(text)
    assert [p for p in _empty_values(data) if not p.startswith(".documents[0].title")] == []
    assert len(text.encode("utf-8")) <= 4 * source.stat().st_size


def test_indented_output_keeps_arrays_of_numbers_and_strings_on_one_line():
    text = to_json(parse(CORPUS_FILES[0]), indent=2)
    assert re.search(r'\n {4,}"lines": \[\d+, \d+\],?\n', text)
    assert re.search(r'"recipients": \["[^"\n]+"(, "[^"\n]+")*\]', text)
    assert not re.search(r"\n\s*\d+,?\n", text)  # no number alone on a line
    assert text.startswith('{\n  "schema_version": "2.0",\n  "parser_version": ')


def test_cli_indent_option(tmp_path, capsys):
    source = str(CORPUS_FILES[-1])
    assert main(["parse", source, "-o", str(tmp_path / "compact.json")]) == 0
    assert main(["parse", source, "-o", str(tmp_path / "pretty.json"), "--indent"]) == 0
    assert main(["parse", source, "-o", str(tmp_path / "four.json"), "--indent", "4"]) == 0
    compact, pretty, four = (
        (tmp_path / f"{name}.json").read_text(encoding="utf-8")
        for name in ("compact", "pretty", "four")
    )
    assert compact.count("\n") == 1
    assert pretty.startswith('{\n  "schema_version"') and four.startswith('{\n    "schema')
    assert json.loads(compact) == json.loads(pretty) == json.loads(four)
    with pytest.raises(SystemExit) as refused:
        main(["parse", source, "--indent", "0"])
    assert refused.value.code == 2 and "--indent" in capsys.readouterr().err


def test_a_responsibility_reference_must_resolve():
    owned = SYNTHETIC["non-default values of every kind"].documents[0]
    assert owned.responsibility("r1") is owned.responsibilities[0]
    assert owned.responsibility(None) is None
    data = owned.model_dump()
    data["indicators"][0]["responsible_id"] = "r9"
    with pytest.raises(ValidationError, match="r9"):
        Document.model_validate(data)


def _every_provenance(value: object) -> list[Provenance]:
    """Every Provenance reachable from a model, found by walking all fields."""
    if isinstance(value, Provenance):
        return [value]
    if isinstance(value, Record):
        return [
            p for name in type(value).model_fields for p in _every_provenance(getattr(value, name))
        ]
    if isinstance(value, (list, tuple)):
        return [p for item in value for p in _every_provenance(item)]
    if isinstance(value, dict):
        return [p for item in value.values() for p in _every_provenance(item)]
    return []


@pytest.mark.parametrize("record", [parse(CORPUS_FILES[0]), *SYNTHETIC.values()])
def test_provenances_reaches_every_provenance_of_a_record(record):
    """The walk that restores a provenance's file on loading must miss none."""
    assert {id(p) for p in provenances(record)} == {id(p) for p in _every_provenance(record)}


def test_the_schema_gives_the_default_of_every_key_a_record_may_leave_out():
    schema = json_schema()
    definitions = [schema, *schema["$defs"].values()]
    for definition in definitions:
        for key, prop in definition["properties"].items():
            if key not in definition.get("required", []):
                assert "default" in prop, (definition["title"], key)
    file = schema["$defs"]["Provenance"]["properties"]["file"]
    assert file["default"] == "" and "source.path" in file["description"]
    assert "default" in schema["description"]
