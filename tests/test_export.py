"""Export of parsed records to DuckDB and Parquet: tables, keys that join, provenance, atomic
writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

# govdocparse.export needs the scale extra: skip before importing it, hence E402 below.
duckdb = pytest.importorskip("duckdb")
pq = pytest.importorskip("pyarrow.parquet")

from govdocparse import export as export_module  # noqa: E402
from govdocparse.batch import run_batch  # noqa: E402
from govdocparse.cli import main  # noqa: E402
from govdocparse.errors import UsageError  # noqa: E402
from govdocparse.export import SCHEMAS, export  # noqa: E402
from govdocparse.model import ParseResult  # noqa: E402

from .support import CORPUS, ROOT  # noqa: E402

QUERIES = ROOT / "scripts" / "example_queries.sql"


@pytest.fixture(scope="module")
def parsed(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("parsed")
    summary = run_batch(CORPUS, out, workers=2, progress=False)
    assert summary.failed == 0
    return out


@pytest.fixture(scope="module")
def records(parsed) -> list[ParseResult]:
    return [ParseResult.model_validate_json(p.read_bytes()) for p in sorted(parsed.glob("*.json"))]


@pytest.fixture(scope="module")
def database(parsed, tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "corpus.duckdb"
    summary = export(parsed, duckdb_path=path)
    assert summary.files == len(list(parsed.glob("*.json"))) and not summary.skipped
    connection = duckdb.connect(str(path), read_only=True)
    yield connection
    connection.close()


def _one(connection, sql: str, *params):
    return connection.execute(sql, list(params)).fetchone()[0]


def test_every_table_is_there_with_its_columns(database):
    tables = {
        row[0]
        for row in database.execute("SELECT table_name FROM information_schema.tables").fetchall()
    }
    assert tables == set(SCHEMAS)
    for name, schema in SCHEMAS.items():
        columns = [row[0] for row in database.execute(f'DESCRIBE main."{name}"').fetchall()]
        assert columns == schema.names, name


def test_row_counts_match_the_records(database, records):
    documents = [d for r in records for d in r.documents]
    assert _one(database, "SELECT count(*) FROM documents") == len(documents)
    assert _one(database, "SELECT count(*) FROM indicators") == sum(
        len(d.indicators) for d in documents
    )
    assert _one(database, "SELECT count(*) FROM tables") == sum(len(d.tables) for d in documents)
    assert _one(database, "SELECT count(*) FROM table_rows WHERE kind = 'row'") == sum(
        len(t.rows) for d in documents for t in d.tables
    )
    atoms = sum(max(1, len(t.atoms)) for d in documents for i in d.indicators for t in i.targets)
    assert _one(database, "SELECT count(*) FROM targets WHERE role = 'target'") == atoms

    def count(sections):
        return sum(1 + count(s.children) for s in sections)

    assert _one(database, "SELECT count(*) FROM sections") == sum(
        count(d.sections) for d in documents
    )


def test_keys_join_without_orphans(database):
    orphans = {
        "indicator without document": """SELECT count(*) FROM indicators i ANTI JOIN documents d
            ON d.file = i.file AND d.document_id = i.document_id""",
        "target without indicator": """SELECT count(*) FROM targets t ANTI JOIN indicators i
            ON i.file = t.file AND i.indicator_id = t.indicator_id
            AND i.document_id = t.document_id""",
        "responsibility id with no clause": """SELECT count(*) FROM indicators i
            ANTI JOIN responsibilities r
            ON r.file = i.file AND r.responsibility_id = i.responsibility_id
            WHERE i.responsibility_id IS NOT NULL""",
        "section parent missing": """SELECT count(*) FROM sections s ANTI JOIN sections p
            ON p.file = s.file AND p.section_id = s.parent_id WHERE s.parent_id IS NOT NULL""",
        "table row without table": """SELECT count(*) FROM table_rows r ANTI JOIN tables t
            ON t.file = r.file AND t.table_id = r.table_id""",
        "indicator table missing": """SELECT count(*) FROM indicators i ANTI JOIN tables t
            ON t.file = i.file AND t.table_id = i.table_id WHERE i.table_id IS NOT NULL""",
        "crosswalk member without indicator": """SELECT count(*) FROM crosswalk c
            ANTI JOIN indicators i
            ON i.file = c.file AND i.indicator_id = c.indicator_id
            AND i.document_id = c.document_id""",
    }
    for what, sql in orphans.items():
        assert _one(database, sql) == 0, what
    assert (
        _one(database, "SELECT count(*) - count(DISTINCT (file, indicator_id)) FROM indicators")
        == 0
    )


def test_provenance_is_flattened_into_columns(database, records):
    result = next(
        r for r in records if any(i.source == "table" for d in r.documents for i in d.indicators)
    )
    document = next(d for d in result.documents if any(i.source == "table" for i in d.indicators))
    indicator = next(i for i in document.indicators if i.source == "table")
    row = database.execute(
        "SELECT line_first, line_last, page, table_row FROM indicators "
        "WHERE file = ? AND indicator_id = ?",
        [result.source.path, indicator.id],
    ).fetchone()
    prov = indicator.provenance
    assert row == (prov.lines[0], prov.lines[1], prov.page, prov.table_row)
    target = indicator.targets[0]
    table_col = _one(
        database,
        "SELECT table_col FROM targets WHERE file = ? AND indicator_id = ? "
        "AND role = 'target' AND target_index = 0 LIMIT 1",
        result.source.path,
        indicator.id,
    )
    assert table_col == target.provenance.table_col


def test_agencies_carry_their_canonical_name(database):
    folded = database.execute(
        "SELECT DISTINCT agency FROM responsibilities "
        "WHERE agency_canonical = '区卫生健康委' ORDER BY agency"
    ).fetchall()
    assert len(folded) > 1  # several spellings, one canonical name


def test_the_example_queries_run_and_answer(database):
    statements = [s.query for s in duckdb.extract_statements(QUERIES.read_text(encoding="utf-8"))]
    assert len(statements) == 3
    enrolment, agencies, per_document = (database.execute(s).fetchall() for s in statements)
    # one row per statement of a target: place, written_as, stated_in, label, target, also_stated
    assert enrolment and len({(r[0], r[1], r[2]) for r in enrolment}) == len(enrolment)
    # a district table's column for the city's plan is beside the district's own, not instead
    [kaizhou_table] = [r for r in enrolment if r[0] == "开州区" and r[2] == "专栏2"]
    assert kaizhou_table[3] == "开州区2030年目标值" and "市规划2030年目标值" in kaizhou_table[5]
    assert not any(r[3].startswith("市规划") for r in enrolment)
    assert agencies and agencies[0][1] >= agencies[-1][1]
    assert sum(row[-1] for row in per_document) == _one(
        database,
        """SELECT count(*) FROM indicators i
        JOIN documents d ON d.file = i.file AND d.document_id = i.document_id
        WHERE d.kind <> 'notice'""",
    )


def _readme_query_output() -> str:
    """The output README.md shows for `govdocparse query … example_queries.sql`."""
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    start = lines.index(
        "prints (`tests/test_export.py` checks that this is what the corpus gives):"
    )
    block = []
    for line in lines[start + 2 :]:
        if line and not line.startswith("    "):
            break
        block.append(line[4:])
    return "\n".join(block).strip("\n") + "\n"


def test_the_query_command_prints_what_the_readme_shows(parsed, tmp_path, capsys):
    database = tmp_path / "corpus.duckdb"
    assert main(["export", str(parsed), "--duckdb", str(database)]) == 0
    capsys.readouterr()
    assert main(["query", str(database), str(QUERIES)]) == 0
    printed = capsys.readouterr().out
    assert printed.count("\n\n-- ") == 2 and printed.startswith("-- 1. Which places")
    assert printed == _readme_query_output(), (
        "README's query output is out of date: paste the output of "
        "`govdocparse query corpus.duckdb scripts/example_queries.sql` into it"
    )


def test_the_query_command_refuses_in_one_line(database, tmp_path, capsys):
    bad = tmp_path / "bad.sql"
    bad.write_text("SELECT * FROM no_such_table;", encoding="utf-8")
    path = database.execute("SELECT path FROM duckdb_databases() WHERE NOT internal").fetchone()[0]
    assert main(["query", path, str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad.sql" in err and "no_such_table" in err
    assert main(["query", str(QUERIES), str(bad)]) == 1
    assert "not a DuckDB database" in capsys.readouterr().err


def test_parquet_has_one_file_per_table_with_the_same_rows(parsed, database, tmp_path):
    summary = export(parsed, parquet_dir=tmp_path / "pq", crosswalk=False)
    assert sorted(p.stem for p in (tmp_path / "pq").glob("*.parquet")) == sorted(SCHEMAS)
    assert not list((tmp_path / "pq").glob(".*"))
    for name in SCHEMAS:
        table = pq.read_table(tmp_path / "pq" / f"{name}.parquet")
        assert table.schema.names == SCHEMAS[name].names
        assert table.num_rows == summary.rows[name]
        if name != "crosswalk":
            assert table.num_rows == _one(database, f'SELECT count(*) FROM "{name}"')
    assert summary.rows["crosswalk"] == 0


def test_a_failed_export_leaves_the_previous_outputs_and_no_temporary_files(
    parsed, tmp_path, monkeypatch
):
    db = tmp_path / "corpus.duckdb"
    export(parsed, duckdb_path=db, parquet_dir=tmp_path / "pq", crosswalk=False)
    before = db.read_bytes(), (tmp_path / "pq" / "targets.parquet").read_bytes()

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(pq, "write_table", broken)
    monkeypatch.setitem(
        export_module.DESCRIPTIONS, "targets", "an unterminated ' quote"
    )  # fails the DuckDB build
    for kwargs in ({"duckdb_path": db}, {"parquet_dir": tmp_path / "pq"}):
        with pytest.raises((OSError, duckdb.Error)):
            export(parsed, crosswalk=False, **kwargs)
    assert (db.read_bytes(), (tmp_path / "pq" / "targets.parquet").read_bytes()) == before
    assert sorted(p.name for p in tmp_path.rglob("*") if p.name.startswith(".")) == []


def test_unreadable_records_are_skipped_and_reported(tmp_path, parsed):
    folder = tmp_path / "parsed"
    folder.mkdir()
    first = sorted(parsed.glob("*.json"))[0]
    (folder / first.name).write_bytes(first.read_bytes())
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    (folder / "other.json").write_text(json.dumps({"hello": "world"}), encoding="utf-8")
    summary = export(folder, duckdb_path=tmp_path / "x.duckdb", crosswalk=False)
    assert summary.files == 1
    assert sorted(Path(s.split(":")[0]).name for s in summary.skipped) == [
        "broken.json",
        "other.json",
    ]
    assert (
        main(["export", str(folder), "--duckdb", str(tmp_path / "y.duckdb"), "--no-crosswalk"]) == 1
    )


def test_a_folder_without_records_is_refused(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    (tmp_path / "raw").mkdir()
    (tmp_path / "raw" / "plan.txt").write_text("一、总则\n", encoding="utf-8")
    for folder in ("empty", "raw"):
        with pytest.raises(UsageError, match="no parsed records"):
            export(tmp_path / folder, duckdb_path=tmp_path / "e.duckdb")
        assert main(["export", str(tmp_path / folder), "--duckdb", str(tmp_path / "e.duckdb")]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "no parsed records" in err
    assert not (tmp_path / "e.duckdb").exists()


def test_cli_export(parsed, tmp_path, capsys):
    assert main(["export", str(parsed)]) == 2
    assert main(["export", str(tmp_path / "missing"), "--duckdb", str(tmp_path / "m.duckdb")]) == 2
    assert "missing: does not exist" in capsys.readouterr().err
    assert (
        main(
            [
                "export",
                str(parsed),
                "--duckdb",
                str(tmp_path / "c.duckdb"),
                "--parquet",
                str(tmp_path / "pq"),
            ]
        )
        == 0
    )
    assert "exported" in capsys.readouterr().err
    assert (tmp_path / "c.duckdb").exists() and (tmp_path / "pq" / "documents.parquet").exists()
