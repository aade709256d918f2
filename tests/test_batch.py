"""The local batch engine: outputs, resume, failures, time limits, crashes, interrupts, CLI
start-up.

Slow or broken parsers are simulated by replacing `govdocparse.parse` in the test process;
worker processes are forked from it, so they run the replacement too.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import govdocparse
from govdocparse import batch
from govdocparse.batch import ERRORS_FILE, plan_jobs, run_batch
from govdocparse.cli import main

from .support import CORPUS, batch_errors, script

SMALL = "一、主要目标\n到2025年，婴儿死亡率控制在5‰以下。（责任单位：区卫生健康委）\n"


def _synthetic(out: Path, docs: int) -> None:
    script("make_synthetic").make_corpus(out, docs, seed=1)


def _small_tree(root: Path, names: list[str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name in names:
        (root / name).write_text(SMALL.replace("5‰", f"{len(name)}‰"), encoding="utf-8")
    return root


def _leftovers(out: Path) -> list[Path]:
    return [p for p in out.rglob("*") if p.name.endswith(".tmp")]


def test_corpus_batch_writes_one_valid_json_per_input_and_resumes(tmp_path):
    out = tmp_path / "parsed"
    summary = run_batch(CORPUS, out, workers=2, progress=False)
    assert (summary.parsed, summary.skipped, summary.failed) == (
        len(list(CORPUS.glob("*.txt"))),
        0,
        0,
    )
    outputs = sorted(out.glob("*.json"))
    assert [p.stem for p in outputs] == sorted(p.stem for p in CORPUS.glob("*.txt"))
    for path in outputs:
        record = json.loads(path.read_text(encoding="utf-8"))
        assert record["source"]["path"] == path.stem + ".txt"
        assert record["parser_version"] == govdocparse.__version__
    again = run_batch(CORPUS, out, workers=2, progress=False)
    assert (again.parsed, again.skipped) == (0, len(outputs))
    forced = run_batch(CORPUS, out, workers=1, force=True, progress=False)
    assert (forced.parsed, forced.skipped) == (len(outputs), 0)
    assert not (out / ERRORS_FILE).exists()
    assert not _leftovers(out)


def test_changed_input_is_parsed_again_and_the_rest_skipped(tmp_path):
    source = _small_tree(tmp_path / "in", ["a.txt", "b.txt", "c.txt"])
    out = tmp_path / "out"
    run_batch(source, out, workers=2, progress=False)
    (source / "b.txt").write_text(SMALL + "二、保障措施\n加强领导。\n", encoding="utf-8")
    summary = run_batch(source, out, workers=2, progress=False)
    assert (summary.parsed, summary.skipped, summary.failed) == (1, 2, 0)


def test_failures_are_recorded_and_do_not_stop_the_batch(tmp_path):
    source = _small_tree(tmp_path / "in", ["good.txt", "also-good.txt"])
    (source / "empty.txt").write_bytes(b"")
    (source / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    out = tmp_path / "out"
    summary = run_batch(source, out, workers=2, progress=False)
    assert (summary.parsed, summary.failed, summary.ok) == (2, 2, False)
    errors = batch_errors(out)
    assert [(e["file"], e["kind"]) for e in errors] == [
        ("empty.txt", "empty"),
        ("picture.txt", "format"),
    ]
    assert all(e["message"].startswith(e["file"] + ": ") for e in errors)
    assert (
        main(["batch", str(source), "-o", str(out)]) == 1
    )  # failed inputs are retried, still fail
    (source / "empty.txt").unlink()
    (source / "picture.txt").unlink()
    assert main(["batch", str(source), "-o", str(out)]) == 0
    assert not (out / ERRORS_FILE).exists()


def test_an_output_that_cannot_be_written_is_a_failure_of_kind_output(tmp_path):
    source = _small_tree(tmp_path / "in", ["a.txt", "b.txt"])
    (tmp_path / "out" / "a.json").mkdir(parents=True)  # os.replace cannot put a file there
    summary = run_batch(source, tmp_path / "out", workers=2, progress=False)
    assert (summary.parsed, summary.failed) == (1, 1)
    [error] = batch_errors(tmp_path / "out")
    assert (error["file"], error["kind"]) == ("a.txt", "output") and "cannot write" in error[
        "message"
    ]
    assert not _leftovers(tmp_path / "out")


def test_an_internal_error_in_a_stage_is_a_failure_of_that_file_only(tmp_path, monkeypatch):
    real = govdocparse.parse

    def broken(path):
        if Path(path).name == "bug.txt":
            raise RuntimeError("a stage fell over")
        return real(path)

    monkeypatch.setattr(govdocparse, "parse", broken)
    source = _small_tree(tmp_path / "in", ["bug.txt", "fine.txt"])
    summary = run_batch(source, tmp_path / "out", workers=2, progress=False)
    assert (summary.parsed, summary.failed) == (1, 1)
    [error] = batch_errors(tmp_path / "out")
    assert error["kind"] == "internal" and "RuntimeError: a stage fell over" in error["message"]


def test_python_code_over_the_time_limit_is_stopped_by_the_worker_alarm(tmp_path, monkeypatch):
    real = govdocparse.parse

    def slow(path):
        if Path(path).name == "slow.txt":
            while True:  # a pathological loop in Python code
                pass
        return real(path)

    monkeypatch.setattr(govdocparse, "parse", slow)
    monkeypatch.setattr(batch, "KILL_GRACE", 30.0)  # the parent must not be the one that stops it
    source = _small_tree(tmp_path / "in", ["slow.txt", "x1.txt", "x2.txt", "x3.txt"])
    started = time.monotonic()
    # 3 s: a worker's first parse loads the grammars, which on a loaded machine takes a while
    summary = run_batch(source, tmp_path / "out", workers=2, timeout=3.0, progress=False)
    assert time.monotonic() - started < 20
    assert (summary.parsed, summary.failed) == (3, 1)
    [error] = batch_errors(tmp_path / "out")
    assert (error["file"], error["kind"]) == ("slow.txt", "timeout")


def test_a_worker_stuck_where_the_alarm_cannot_reach_is_killed_and_replaced(tmp_path, monkeypatch):
    real = govdocparse.parse

    def stuck(path):
        if Path(path).name == "stuck.txt":
            # Like a call that never returns to Python: the alarm stays pending, undelivered.
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(120)
        return real(path)

    monkeypatch.setattr(govdocparse, "parse", stuck)
    monkeypatch.setattr(batch, "KILL_GRACE", 0.5)
    source = _small_tree(tmp_path / "in", ["stuck.txt"] + [f"n{i}.txt" for i in range(6)])
    started = time.monotonic()
    summary = run_batch(source, tmp_path / "out", workers=2, timeout=3.0, progress=False)
    assert time.monotonic() - started < 30
    assert (summary.parsed, summary.failed) == (6, 1)
    [error] = batch_errors(tmp_path / "out")
    assert (error["file"], error["kind"]) == ("stuck.txt", "timeout")
    assert not _leftovers(tmp_path / "out")


def test_a_worker_that_dies_costs_only_its_file(tmp_path, monkeypatch):
    real = govdocparse.parse

    def crashing(path):
        if Path(path).name == "crash.txt":
            os.kill(os.getpid(), signal.SIGKILL)  # as a segfault in a C library would
        return real(path)

    monkeypatch.setattr(govdocparse, "parse", crashing)
    source = _small_tree(tmp_path / "in", ["crash.txt"] + [f"n{i}.txt" for i in range(5)])
    summary = run_batch(source, tmp_path / "out", workers=2, progress=False)
    assert (summary.parsed, summary.failed) == (5, 1)
    [error] = batch_errors(tmp_path / "out")
    assert error["kind"] == "crash" and "signal 9" in error["message"]


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(n) for n in path.read_text().split()] if path.exists() else []


def _alive(pid: int) -> bool:
    try:
        return "\nState:\tZ" not in Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return False


@pytest.mark.parametrize(
    "sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL], ids=["SIGINT", "SIGTERM", "SIGKILL"]
)
def test_interrupting_a_batch_leaves_only_complete_json_and_no_temp_files(tmp_path, sig):
    if sig == signal.SIGKILL and not Path("/proc/self/task").exists():
        pytest.skip("needs /proc to find the worker processes")
    source = tmp_path / "in"
    _synthetic(source, 40)
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "govdocparse.cli",
        "batch",
        str(source),
        "-o",
        str(out),
        "-j",
        "2",
    ]
    # as from a terminal: a disposition the test process may have inherited or been left with
    # (SIGINT ignored) would pass to the batch and make it deaf to the signal
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 60
    while not list(out.rglob("*.json")) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    time.sleep(0.3)  # let the workers be in the middle of the next files
    workers = _children(process.pid)
    process.send_signal(sig)
    _, stderr = process.communicate(timeout=60)
    if sig == signal.SIGKILL:
        # Nobody cleans up after SIGKILL: orphaned workers finish their file, then leave.
        assert workers
        deadline = time.monotonic() + 30
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(pid) for pid in workers)
    else:
        assert process.returncode == 130, stderr.decode()
    written = list(out.rglob("*.json"))
    assert 0 < len(written) < 40, "the batch was not interrupted mid-run: make the corpus bigger"
    for path in written:
        json.loads(path.read_text(encoding="utf-8"))
    assert not _leftovers(out)
    # The next run picks up where this one stopped.
    summary = run_batch(source, out, workers=2, progress=False)
    assert summary.skipped == len(written) and summary.parsed + summary.skipped == 40


def test_progress_line_shows_rate_and_failures_and_is_quiet_off_a_terminal(tmp_path, capsys):
    source = _small_tree(tmp_path / "in", ["a.txt", "b.txt"])
    (source / "bad.txt").write_bytes(b"")
    run_batch(source, tmp_path / "out", workers=1, progress=True)
    line = capsys.readouterr().err
    assert "[3/3]" in line and "files/s" in line and "1 failed" in line
    run_batch(source, tmp_path / "out2", workers=1)  # stderr is captured: not a terminal
    assert capsys.readouterr().err == ""


def test_plan_jobs_keeps_the_tree_and_disambiguates_same_stem(tmp_path):
    source = _small_tree(tmp_path / "in", ["a.txt", "a.html", "b.txt"])
    (source / "sub").mkdir()
    (source / "sub" / "c.txt").write_text(SMALL, encoding="utf-8")
    (source / ".hidden.txt").write_text(SMALL, encoding="utf-8")
    outputs = {
        job.relative: Path(job.output).relative_to((tmp_path / "out").resolve()).as_posix()
        for job in plan_jobs(source, tmp_path / "out")
    }
    assert outputs == {
        "a.html": "a.html.json",
        "a.txt": "a.txt.json",
        "b.txt": "b.json",
        "sub/c.txt": "sub/c.json",
    }


def test_cli_help_does_not_import_the_heavy_libraries():
    probe = (
        "import sys\n"
        "from govdocparse.cli import main\n"
        "for argv in (['--help'], ['batch', '--help'], ['export', '--help']):\n"
        "    try:\n        main(argv)\n    except SystemExit:\n        pass\n"
        "heavy = ('pdfplumber', 'pdfminer', 'jieba', 'dask', 'distributed', 'docx', 'duckdb',"
        " 'pyarrow')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_plan_jobs_takes_every_format_the_readers_read(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    names = ["a.doc", "b.WPS", "c.ofd", "d.docx", "e.pdf", "f.shtml", "g.xls", "h.zip"]
    for name in names:
        (source / name).write_bytes(b"x")
    planned = sorted(job.relative for job in plan_jobs(source, tmp_path / "out"))
    assert planned == ["a.doc", "b.WPS", "c.ofd", "d.docx", "e.pdf", "f.shtml"]
