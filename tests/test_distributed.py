"""The dask engine on a LocalCluster bound to loopback: same outputs as the local engine.

The cluster runs its workers as threads of this process (processes=False), so replacing
`govdocparse.parse` here reaches the tasks too.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("dask.distributed")

import dask
from dask.distributed import LocalCluster

import govdocparse
from govdocparse import distributed
from govdocparse.batch import run_batch
from govdocparse.errors import GovDocError

from .support import CORPUS, batch_errors

SMALL = "一、主要目标\n到2025年，婴儿死亡率控制在5‰以下。（责任单位：区卫生健康委）\n"


@pytest.fixture(scope="module")
def scheduler():
    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=False,
        protocol="tcp://",
        host="127.0.0.1",
        dashboard_address=":0",  # a free port: another cluster may hold the default
    ) as cluster:
        yield cluster.scheduler_address


def _tree(root: Path, names: list[str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name in names:
        (root / name).write_text(SMALL, encoding="utf-8")
    return root


def test_dask_outputs_are_byte_identical_to_the_local_engine(tmp_path, scheduler):
    local = run_batch(CORPUS, tmp_path / "local", workers=2, progress=False)
    remote = run_batch(
        CORPUS, tmp_path / "dask", engine="dask", scheduler=scheduler, progress=False
    )
    assert (remote.parsed, remote.failed) == (local.parsed, 0)
    names = sorted(p.name for p in (tmp_path / "local").glob("*.json"))
    assert names == sorted(p.name for p in (tmp_path / "dask").glob("*.json")) and names
    for name in names:
        assert (tmp_path / "dask" / name).read_bytes() == (
            tmp_path / "local" / name
        ).read_bytes(), name
    again = run_batch(CORPUS, tmp_path / "dask", engine="dask", scheduler=scheduler, progress=False)
    assert (again.parsed, again.skipped) == (0, len(names))


def test_dask_failures_match_the_local_engine(tmp_path, scheduler):
    source = _tree(tmp_path / "in", ["good.txt", "儿童发展规划.txt"])
    (source / "empty.txt").write_bytes(b"")
    (source / "picture.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    run_batch(source, tmp_path / "local", workers=2, progress=False)
    summary = run_batch(
        source, tmp_path / "dask", engine="dask", scheduler=scheduler, progress=False
    )
    assert (summary.parsed, summary.failed) == (2, 2)
    assert batch_errors(tmp_path / "dask") == batch_errors(tmp_path / "local")
    assert (tmp_path / "dask" / "儿童发展规划.json").read_bytes() == (
        tmp_path / "local" / "儿童发展规划.json"
    ).read_bytes()


def test_a_file_over_the_time_limit_fails_alone_whether_python_or_stuck(
    tmp_path, scheduler, monkeypatch
):
    real = govdocparse.parse
    release = threading.Event()

    def pathological(path):
        name = Path(path).name
        if name == "loop.txt":
            while True:  # Python code: stopped by the asynchronous exception
                pass
        if name == "stuck.txt":
            release.wait(60)  # a blocking call: the task gives up on it and moves on
        return real(path)

    real(
        Path(_tree(tmp_path / "warm", ["w.txt"])) / "w.txt"
    )  # grammars loaded: only the two files are slow
    monkeypatch.setattr(govdocparse, "parse", pathological)
    source = _tree(tmp_path / "in", ["loop.txt", "stuck.txt", "a.txt", "b.txt", "c.txt"])
    try:
        started = time.monotonic()
        summary = run_batch(
            source,
            tmp_path / "out",
            engine="dask",
            scheduler=scheduler,
            # long enough for a small file to parse beside a thread that loops holding the
            # GIL, on a loaded machine; short enough that the two bad files cannot hide
            timeout=3.0,
            progress=False,
        )
        assert time.monotonic() - started < 30
    finally:
        release.set()
    assert (summary.parsed, summary.failed) == (3, 2)
    assert [(e["file"], e["kind"]) for e in batch_errors(tmp_path / "out")] == [
        ("loop.txt", "timeout"),
        ("stuck.txt", "timeout"),
    ]
    # The looping thread was really stopped, not left burning a core.
    deadline = time.monotonic() + 10
    while (
        any(t.name == "govdocparse loop.txt" for t in threading.enumerate())
        and time.monotonic() < deadline
    ):
        time.sleep(0.05)
    assert not any(t.name == "govdocparse loop.txt" for t in threading.enumerate())


def test_workers_with_another_parser_version_are_refused(tmp_path, scheduler, monkeypatch):
    monkeypatch.setattr(distributed, "worker_version", lambda: "0.0.0-other")
    with pytest.raises(GovDocError, match=r"0\.0\.0-other"):
        run_batch(
            _tree(tmp_path / "in", ["a.txt"]),
            tmp_path / "out",
            engine="dask",
            scheduler=scheduler,
            progress=False,
        )
    assert not list((tmp_path / "out").glob("*.json"))


def test_an_unreachable_scheduler_is_a_one_line_error(tmp_path):
    with (
        dask.config.set({"distributed.comm.timeouts.connect": "1s"}),
        pytest.raises(GovDocError, match="cannot reach the dask scheduler"),
    ):
        run_batch(
            _tree(tmp_path / "in", ["a.txt"]),
            tmp_path / "out",
            engine="dask",
            scheduler="tcp://127.0.0.1:9",
            progress=False,
        )


def test_cli_runs_the_dask_engine(tmp_path, scheduler, capsys):
    from govdocparse.cli import main

    source = _tree(tmp_path / "in", ["a.txt", "b.txt"])
    assert (
        main(
            [
                "batch",
                str(source),
                "-o",
                str(tmp_path / "out"),
                "--engine",
                "dask",
                "--scheduler",
                scheduler,
            ]
        )
        == 0
    )
    assert "parsed 2, skipped 0 (up to date), failed 0" in capsys.readouterr().err
    assert sorted(p.name for p in (tmp_path / "out").glob("*.json")) == ["a.json", "b.json"]
