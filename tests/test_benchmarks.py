"""The benchmark scripts still run: they time the real code paths, so a change to those paths
that breaks a script would otherwise go unseen until someone measures. Nothing here times
anything; the text format is the quick one to run."""

from __future__ import annotations

import subprocess
import sys

from .support import SCRIPTS


def test_bench_parse_runs_and_prints_each_measure():
    options = ["--formats", "txt", "--repeat", "1", "--workers", "1"]
    run = subprocess.run(
        [sys.executable, str(SCRIPTS / "bench_parse.py"), *options],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    for measure in ("whole parse", "text reader alone", "stages after the reader", "--help"):
        assert measure in run.stdout
    assert "heavy modules after --help: []" in run.stdout
