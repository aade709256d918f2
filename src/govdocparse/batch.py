"""Parses a folder tree into one JSON file per input, in parallel, resumably, failure by failure.

- Every supported file under the input folder gives `<out>/<relative path>.json` (the stem alone
  when that is unambiguous), written atomically by the worker that parsed it.
- An input whose content hash and parser version match its existing output is skipped.
- A file that fails is recorded in `<out>/_errors.jsonl` (file, error kind, message) and the
  others go on; a per-file time limit stops a pathological file from hanging the run.
- One batch at a time writes to an output folder (a lock file), so two runs cannot interleave.
"""

from __future__ import annotations

import fcntl
import json
import os
import signal
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .errors import GovDocError, ParseTimeoutError
from .output import to_json, write_atomic

SUPPORTED = {".txt", ".text", ".docx", ".pdf", ".html", ".htm", ".shtml"}
ERRORS_FILE = "_errors.jsonl"
LOCK_FILE = ".govdocparse.lock"


@dataclass(frozen=True)
class Job:
    source: str  # path of the input
    relative: str  # its path relative to the input root, as recorded in the output
    output: str
    timeout: float


@dataclass
class Outcome:
    file: str
    status: str  # parsed | skipped | failed
    kind: str | None = None
    message: str | None = None


@dataclass
class Summary:
    parsed: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.failed == 0


def plan_jobs(root: str | os.PathLike, out_dir: str | os.PathLike, timeout: float = 120.0) -> list[Job]:
    """One job per supported file under `root`, with a safe output path inside `out_dir`."""
    root_path = Path(root)
    out_path = Path(out_dir).resolve()
    inputs = sorted(
        p for p in root_path.rglob("*")
        if p.suffix.lower() in SUPPORTED and not any(part.startswith(".") for part in p.relative_to(root_path).parts)
        and (p.is_file() or p.is_symlink())
    )
    stems: dict[Path, int] = {}
    for p in inputs:
        key = p.relative_to(root_path).with_suffix("")
        stems[key] = stems.get(key, 0) + 1
    jobs = []
    for p in inputs:
        relative = p.relative_to(root_path)
        key = relative.with_suffix("")
        name = f"{key}.json" if stems[key] == 1 else f"{relative}.json"
        target = (out_path / _safe_relative(name)).resolve()
        if out_path not in target.parents:
            raise ValueError(f"{p}: output path would leave {out_path}")
        jobs.append(Job(str(p), relative.as_posix(), str(target), timeout))
    return jobs


def _safe_relative(name: str) -> Path:
    """A relative path with no parent references or absolute parts, whatever the input name holds."""
    parts = [part for part in Path(name).parts if part not in ("", ".", "..", "/", "\\")]
    cleaned = [part.replace("\x00", "").lstrip("/\\") or "_" for part in parts]
    return Path(*cleaned)


def up_to_date(job: Job) -> bool:
    """Whether the existing output was made from these exact bytes by this parser version."""
    import hashlib

    try:
        with open(job.output, encoding="utf-8") as handle:
            head = handle.read(4096)
        with open(job.source, "rb") as handle:
            digest = hashlib.sha256(handle.read()).hexdigest()
    except OSError:
        return False
    return f'"sha256": "{digest}"' in head and f'"parser_version": "{__version__}"' in head


def _alarm(signum, frame):
    raise ParseTimeoutError(None, "time limit")


def run_job(job: Job) -> Outcome:
    """Parse one file and write its JSON; every failure becomes an Outcome, never an exception."""
    from . import parse

    previous = signal.signal(signal.SIGALRM, _alarm) if job.timeout else None
    if job.timeout:
        signal.setitimer(signal.ITIMER_REAL, job.timeout)
    try:
        result = parse(job.source)
        result.source.path = job.relative
        write_atomic(job.output, to_json(result))
        return Outcome(job.relative, "parsed")
    except ParseTimeoutError:
        return Outcome(job.relative, "failed", "timeout", f"{job.relative}: took longer than {job.timeout:g} s")
    except GovDocError as exc:
        return Outcome(job.relative, "failed", exc.kind, f"{job.relative}: {exc.problem}")
    except Exception as exc:  # a bug in a stage must not stop the other files
        return Outcome(job.relative, "failed", "internal", f"{job.relative}: internal error: {type(exc).__name__}: {exc}")
    finally:
        if job.timeout:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def run_batch(
    root: str | os.PathLike,
    out_dir: str | os.PathLike,
    *,
    workers: int | None = None,
    force: bool = False,
    timeout: float = 120.0,
    progress: bool | None = None,
    engine: str = "local",
    scheduler: str | None = None,
) -> Summary:
    """Parse every supported file under `root` into `out_dir`; see the module docstring."""
    started = time.perf_counter()
    out_path = Path(out_dir)
    out_path.mkdir(parents=True, exist_ok=True)
    jobs = plan_jobs(root, out_path, timeout)
    summary = Summary()
    outcomes: list[Outcome] = []
    show = sys.stderr.isatty() if progress is None else progress
    with open(out_path / LOCK_FILE, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        todo = []
        for job in jobs:
            if not force and up_to_date(job):
                outcomes.append(Outcome(job.relative, "skipped"))
            else:
                todo.append(job)
        for outcome in _execute(todo, workers, engine, scheduler):
            outcomes.append(outcome)
            if show:
                done = sum(1 for o in outcomes if o.status != "skipped")
                rate = done / max(time.perf_counter() - started, 1e-9)
                failed = sum(1 for o in outcomes if o.status == "failed")
                print(f"\r[{len(outcomes)}/{len(jobs)}] {rate:.1f} files/s, {failed} failed", end="", file=sys.stderr)
        if show:
            print(file=sys.stderr)
        errors = sorted((o for o in outcomes if o.status == "failed"), key=lambda o: o.file)
        error_lines = "".join(json.dumps({"file": o.file, "kind": o.kind, "message": o.message}, ensure_ascii=False) + "\n" for o in errors)
        errors_path = out_path / ERRORS_FILE
        if error_lines:
            write_atomic(errors_path, error_lines)
        else:
            errors_path.unlink(missing_ok=True)
    for outcome in outcomes:
        setattr(summary, outcome.status, getattr(summary, outcome.status) + 1)
    summary.seconds = time.perf_counter() - started
    return summary


def _execute(jobs: list[Job], workers: int | None, engine: str, scheduler: str | None):
    if engine == "dask":
        from .distributed import run_on_dask

        yield from run_on_dask(jobs, scheduler)
        return
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(jobs) <= 1:
        for job in jobs:
            yield run_job(job)
        return
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
        yield from pool.map(run_job, jobs, chunksize=max(1, len(jobs) // (workers * 8)))
