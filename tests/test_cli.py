"""What a newcomer meets at the command line: refusals in one line with the same exit code for
the same mistake in every command, the usage of the command they typed, and a batch that says
what it left alone, says when it waits, and cleans up after itself.
"""

from __future__ import annotations

import fcntl
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from govdocparse.batch import LOCK_FILE, run_batch
from govdocparse.cli import main
from govdocparse.errors import UsageError

from .support import CORPUS

SMALL = "一、主要目标\n到2025年，婴儿死亡率控制在5‰以下。（责任单位：区卫生健康委）\n"


def _one_error_line(capsys) -> str:
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("govdocparse: error: "), captured.err
    assert captured.out == ""
    return lines[0]


@pytest.fixture
def record(tmp_path) -> str:
    path = tmp_path / "record.json"
    assert main(["parse", str(CORPUS / "wanzhou-2018-children-policy.txt"), "-o", str(path)]) == 0
    return str(path)


# Every command that takes a path, given one that is not there: same code, same words.
MISSING = [
    ["parse", "{missing}"],
    ["batch", "{missing}", "-o", "{out}"],
    ["crosswalk", "{missing}", "-o", "{out}/x.json"],
    ["export", "{missing}", "--duckdb", "{out}/x.duckdb"],
    ["diff", "{missing}", "{record}"],
    ["diff", "{record}", "{missing}#d1"],
    ["query", "{missing}", "{record}"],
]


@pytest.mark.parametrize("command", MISSING, ids=lambda c: " ".join(c))
def test_a_path_that_is_not_there_is_a_usage_error_in_every_command(
    command, tmp_path, record, capsys
):
    missing, out = tmp_path / "no-such-place", tmp_path / "out"
    argv = [a.format(missing=missing, out=out, record=record) for a in command]
    capsys.readouterr()
    assert main(argv) == 2
    assert f"{missing}: does not exist" in _one_error_line(capsys)
    assert not out.exists()


def _no_records(tmp_path: Path) -> list[Path]:
    """Folders a user may point at by mistake: empty, and the raw inputs (no JSON at all)."""
    empty = tmp_path / "empty"
    empty.mkdir()
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "plan.txt").write_text(SMALL, encoding="utf-8")
    return [empty, raw]


@pytest.mark.parametrize(
    "command",
    [
        ["crosswalk", "{folder}", "-o", "{out}/x.json", "--html", "{out}/x.html"],
        ["export", "{folder}", "--duckdb", "{out}/x.duckdb"],
        ["diff", "{folder}", "{folder}"],
    ],
    ids=lambda c: c[0],
)
def test_a_folder_without_parsed_records_is_refused_in_one_line(command, tmp_path, capsys):
    out = tmp_path / "out"
    for folder in _no_records(tmp_path):
        assert main([a.format(folder=folder, out=out) for a in command]) == 2
        line = _one_error_line(capsys)
        assert str(folder) in line
        assert "no parsed records" in line or "is a folder, not a file" in line
    assert not out.exists()


def test_a_batch_with_nothing_to_parse_is_refused_and_says_what_it_found(tmp_path, capsys):
    folder = tmp_path / "scans"
    folder.mkdir()
    (folder / "a.xlsx").write_bytes(b"x")
    (folder / "b.png").write_bytes(b"x")
    with pytest.raises(UsageError):
        run_batch(folder, tmp_path / "out", progress=False)
    assert main(["batch", str(folder), "-o", str(tmp_path / "out")]) == 2
    line = _one_error_line(capsys)
    assert "no files to parse" in line and "1 .png, 1 .xlsx" in line
    assert main(["batch", str(tmp_path / "scans" / "a.xlsx"), "-o", str(tmp_path / "out")]) == 2
    assert "a.xlsx: is not a folder" in _one_error_line(capsys)


def test_batch_counts_the_files_it_leaves_alone_and_says_why(tmp_path, capsys):
    source = tmp_path / "in"
    (source / "sub").mkdir(parents=True)
    (source / "plan.txt").write_text(SMALL, encoding="utf-8")
    for name in ("scan.png", "sub/scan2.png", "sheet.xlsx", "README", "README.md", "feed.xml"):
        (source / name).write_bytes(b"x")
    (source / ".hidden.png").write_bytes(b"x")  # hidden: not looked at
    out = source / "parsed"  # an output folder inside the input tree is not an input
    summary = run_batch(source, out, workers=1, progress=False)
    assert summary.parsed == 1
    assert summary.unsupported == {"": 1, ".png": 2, ".xlsx": 1, ".md": 1, ".xml": 1}
    assert main(["batch", str(source), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "parsed 0, skipped 1 (up to date), failed 0" in err
    assert "not parsed: 1 (no extension), 2 .png, 1 .xlsx (no reader for the type; read: " in err
    # types read when named are not said to have no reader
    assert "; 1 .md, 1 .xml (read when named, not in a folder: parse FILE)" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["parse", "x.txt", "--frobnicate"],
        ["batch", "in", "-o", "out", "--frobnicate"],
        ["crosswalk", "in", "-o", "x.json", "--frobnicate"],
        ["diff", "a.json", "b.json", "--frobnicate"],
        ["export", "in", "--frobnicate"],
        ["query", "db", "q.sql", "--frobnicate"],
    ],
    ids=lambda a: a[0],
)
def test_an_unknown_option_shows_the_usage_of_the_command_typed(argv, capsys):
    with pytest.raises(SystemExit) as refused:
        main(argv)
    err = capsys.readouterr().err
    assert refused.value.code == 2
    assert err.startswith(f"usage: govdocparse {argv[0]} ")
    assert err.endswith(f"govdocparse {argv[0]}: error: unrecognized arguments: --frobnicate\n")


def test_batch_removes_its_lock_file(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    (source / "plan.txt").write_text(SMALL, encoding="utf-8")
    run_batch(source, tmp_path / "out", workers=1, progress=False)
    assert not (tmp_path / "out" / LOCK_FILE).exists()


def test_a_second_batch_says_it_waits_for_the_first(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    (source / "plan.txt").write_text(SMALL, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    lock = out / LOCK_FILE
    with open(lock, "w") as held:  # stands for a first batch that is still running
        fcntl.flock(held, fcntl.LOCK_EX)
        process = subprocess.Popen(
            [sys.executable, "-m", "govdocparse.cli", "batch", str(source), "-o", str(out)],
            stderr=subprocess.PIPE,
            text=True,
        )
        assert process.stderr
        first_line = process.stderr.readline()
        time.sleep(0.2)
        assert process.poll() is None, "the second batch did not wait"
        assert not (out / "plan.json").exists()
        # the first batch ends as a batch does: it removes the lock file, then lets go
        lock.unlink()
    _, rest = process.communicate(timeout=120)
    assert first_line.startswith(f"govdocparse: waiting for the batch that is writing to {out}")
    assert process.returncode == 0, rest
    assert (out / "plan.json").exists() and not lock.exists()


def test_diff_parses_documents_given_instead_of_records(tmp_path, capsys):
    """Two editions of a plan audited straight from their files, as a planning office has them:
    a side that is not a parsed record is parsed first, and a document id still narrows it."""
    old = tmp_path / "old.txt"
    old.write_text(
        "某县儿童发展规划（2016—2020年）\n一、主要目标\n"
        "到2020年，7岁以下儿童保健管理率达到90%以上，城乡社区儿童之家覆盖率达到80%。\n",
        encoding="gbk",
    )
    new = tmp_path / "new.txt"
    new.write_text(
        "某县儿童发展规划（2021—2030年）\n一、主要目标\n"
        "到2030年，7岁以下儿童健康管理率达到95%以上，城乡社区儿童之家覆盖率达到95%以上。\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["diff", str(old), f"{new}#d1", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    renamed = {(e["old"]["name"], e["new"]["name"]) for e in report["changed"]}
    assert ("7岁以下儿童保健管理率", "7岁以下儿童健康管理率") in renamed
    assert not report["added"] and not report["removed"]
