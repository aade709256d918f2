"""Parses a folder tree into one JSON file per input, in parallel, resumably, failure by failure.

- Every supported file under the input folder gives `<out>/<relative path>.json` (the stem alone
  when that is unambiguous), written atomically (temporary name, then rename). Files of other
  types are counted by extension in the summary; hidden files and folders are left alone.
- An input whose content hash and parser version match its existing output is skipped.
- A file that fails is recorded in `<out>/_errors.jsonl` (file, error kind, message) and the
  others go on. A worker process that dies (a crash in a C library, the OOM killer) costs only
  the file it was parsing; the process is replaced.
- Time limit per file, twice: inside the worker a SIGALRM stops Python code at `timeout`
  seconds; the parent kills and replaces a worker still busy `KILL_GRACE` seconds later, which
  covers a worker stuck in C code where the alarm cannot be delivered.
- Ctrl-C or SIGTERM stops the run cleanly: workers are told to stop, temporary files of the
  outputs in flight are removed, finished outputs stay, and the next run resumes from them.
- One batch at a time writes to an output folder (a lock file, removed when the batch ends), so
  two runs cannot interleave; a second run says on stderr that it waits for the first.
"""

from __future__ import annotations

import fcntl
import json
import multiprocessing
import os
import re
import signal
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Generator, Iterable, Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path

from .errors import ParseTimeoutError, UsageError
from .jobs import Job, Outcome, failure, render, up_to_date, write_failure
from .output import write_atomic
from .readers import BATCH_EXTENSIONS, EXTENSIONS

ERRORS_FILE = "_errors.jsonl"
LOCK_FILE = ".govdocparse.lock"
# Seconds the parent waits past a job's time limit before it kills the worker: long enough for
# the worker's own alarm to report the timeout in the usual case.
KILL_GRACE = 5.0


@dataclass
class Summary:
    parsed: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    failures: list[Outcome] = field(default_factory=list)  # sorted by file, as in _errors.jsonl
    # files of a type no reader handles, by extension ("" for none): listed, never parsed
    unsupported: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.failed == 0


def find_inputs(
    root: str | os.PathLike, skip: str | os.PathLike | None = None
) -> tuple[list[Path], dict[str, int]]:
    """The supported files under `root` (sorted) and the count of other files by extension.

    Hidden files and folders, and the folder `skip` (a batch's own output inside its input
    tree), are not looked at.
    """
    root_path = Path(root)
    skipped: tuple[str, ...] | None = None
    if skip is not None:
        inside = Path(skip).resolve()
        if inside.is_relative_to(root_path.resolve()):
            # () when both are one folder: then nothing is skipped
            skipped = inside.relative_to(root_path.resolve()).parts or None
    inputs: list[Path] = []
    unsupported: Counter[str] = Counter()
    for path in root_path.rglob("*"):
        parts = path.relative_to(root_path).parts
        if any(part.startswith(".") for part in parts) or parts[: len(skipped or ())] == skipped:
            continue
        if not (path.is_file() or path.is_symlink()):
            continue
        if path.suffix.lower() in BATCH_EXTENSIONS:
            inputs.append(path)
        else:
            unsupported[path.suffix.lower()] += 1
    return sorted(inputs), dict(sorted(unsupported.items()))


def plan_jobs(
    root: str | os.PathLike,
    out_dir: str | os.PathLike,
    timeout: float = 120.0,
    indent: int | None = None,
    inputs: list[Path] | None = None,
) -> list[Job]:
    """One job per supported file under `root` (or per file of `inputs`, found under it), with a
    safe output path inside `out_dir`."""
    root_path = Path(root)
    out_path = Path(out_dir).resolve()
    if inputs is None:
        inputs = find_inputs(root_path)[0]
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
            # e.g. a symlink inside the output folder pointing elsewhere: refuse this file only
            jobs.append(
                Job(
                    str(p),
                    relative.as_posix(),
                    "",
                    timeout,
                    problem=f"its output path would leave {out_path}",
                )
            )
            continue
        jobs.append(Job(str(p), relative.as_posix(), str(target), timeout, indent=indent))
    return jobs


def _safe_relative(name: str) -> Path:
    """A relative path without parent references or absolute parts, whatever the input name."""
    parts = [part for part in Path(name).parts if part not in ("", ".", "..", "/", "\\")]
    cleaned = [part.replace("\x00", "").lstrip("/\\") or "_" for part in parts]
    return Path(*cleaned)


def _alarm(signum, frame):
    raise ParseTimeoutError(None, "time limit")


@contextmanager
def _time_limit(seconds: float):
    """Raise ParseTimeoutError in the block after `seconds` (SIGALRM; main thread only)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_job(job: Job) -> Outcome:
    """Parse one file and write its JSON; every failure becomes an Outcome, never an exception."""
    if job.problem:
        return Outcome(job.relative, "failed", "output", f"{job.relative}: {job.problem}")
    try:
        with _time_limit(job.timeout):
            text = render(job)
            try:
                write_atomic(job.output, text)
            except OSError as exc:
                return write_failure(job, exc)
    except Exception as exc:  # a bug in a stage must not stop the other files
        return failure(job, exc)
    return Outcome(job.relative, "parsed")


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
    indent: int | None = None,
) -> Summary:
    """Parse every supported file under `root` into `out_dir`; see the module docstring.

    A folder with no supported file at all is refused (UsageError): it is nearly always the
    wrong folder. SIGTERM is handled like Ctrl-C (KeyboardInterrupt) while the batch runs, so
    both leave the output folder clean.
    """
    started = time.perf_counter()
    inputs, unsupported = find_inputs(root, skip=out_dir)
    if not inputs:
        found = f", only {unsupported_note(unsupported)}" if unsupported else ""
        raise UsageError(str(root), f"no files to parse{found}")
    out_path = Path(out_dir)
    out_path.mkdir(parents=True, exist_ok=True)
    jobs = plan_jobs(root, out_path, timeout, indent, inputs)
    summary = Summary(unsupported=unsupported)
    failures: list[Outcome] = []
    bar = _Progress(len(jobs), sys.stderr.isatty() if progress is None else progress)
    with _exclusive(out_path), _sigterm_interrupts():
        todo = []
        for job in jobs:
            if not force and up_to_date(job):
                summary.skipped += 1
                bar.update(skipped=True, failed=False)
            else:
                todo.append(job)
        # closing(): an interrupt stops the engine (workers, cluster tasks) there and then.
        with closing(_execute(todo, workers, engine, scheduler)) as outcomes:
            try:
                for outcome in outcomes:
                    setattr(summary, outcome.status, getattr(summary, outcome.status) + 1)
                    if outcome.status == "failed":
                        failures.append(outcome)
                    bar.update(skipped=False, failed=outcome.status == "failed")
            finally:
                bar.close()
        failures.sort(key=lambda o: o.file)
        summary.failures = failures
        error_lines = "".join(
            json.dumps({"file": o.file, "kind": o.kind, "message": o.message}, ensure_ascii=False)
            + "\n"
            for o in failures
        )
        errors_path = out_path / ERRORS_FILE
        if error_lines:
            write_atomic(errors_path, error_lines)
        else:
            errors_path.unlink(missing_ok=True)
    summary.seconds = time.perf_counter() - started
    return summary


def unsupported_note(unsupported: dict[str, int]) -> str:
    """What a batch found and left, and why: types it has no reader for, and types read only
    when named (.md, .xml), for the summary."""

    def counts(suffixes: list[str]) -> str:
        return ", ".join(f"{unsupported[s]} {s or '(no extension)'}" for s in suffixes)

    named = [suffix for suffix in unsupported if suffix in EXTENSIONS]
    unknown = [suffix for suffix in unsupported if suffix not in EXTENSIONS]
    notes = []
    if unknown:
        walked = " ".join(sorted(BATCH_EXTENSIONS))
        notes.append(f"{counts(unknown)} (no reader for the type; read: {walked})")
    if named:
        notes.append(f"{counts(named)} (read when named, not in a folder: parse FILE)")
    return "; ".join(notes)


@contextmanager
def _exclusive(folder: Path) -> Iterator[None]:
    """Hold the folder's lock file for the block; wait (saying so on stderr) while another batch
    holds it; remove it at the end.

    The file is removed while still locked, so a waiting batch may wake up holding a lock on a
    file that is gone: it then starts over with a new file, which keeps the lock exclusive.
    """
    path = folder / LOCK_FILE
    said = False
    while True:
        handle = open(path, "a")  # noqa: SIM115 - held for the whole batch, closed below
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not said:
                print(
                    f"govdocparse: waiting for the batch that is writing to {folder} "
                    f"(it holds {path})",
                    file=sys.stderr,
                    flush=True,
                )
                said = True
            try:
                fcntl.flock(handle, fcntl.LOCK_EX)
            except BaseException:
                handle.close()
                raise
        try:
            current = os.stat(path)
        except FileNotFoundError:
            current = None
        opened = os.fstat(handle.fileno())
        if current is not None and (current.st_dev, current.st_ino) == (
            opened.st_dev,
            opened.st_ino,
        ):
            break
        handle.close()
    try:
        yield
    finally:
        path.unlink(missing_ok=True)
        handle.close()


def _interrupt(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


@contextmanager
def _sigterm_interrupts():
    """Turn SIGTERM into KeyboardInterrupt for the block, so `finally` clean-ups run on `kill`."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class _Progress:
    """One status line on stderr: done/total, percent, files/s, failures so far, time left."""

    def __init__(self, total: int, show: bool):
        self.total = total
        self.show = show
        self.done = self.skipped = self.failed = 0
        self.started = time.perf_counter()
        self.drawn = 0.0

    def update(self, *, skipped: bool, failed: bool) -> None:
        self.done += 1
        self.skipped += skipped
        self.failed += failed
        now = time.perf_counter()
        # Redrawing for every file would cost more than parsing a small one.
        if self.show and (now - self.drawn >= 0.1 or self.done == self.total):
            self.drawn = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        parsed = self.done - self.skipped
        elapsed = max(now - self.started, 1e-9)
        rate = parsed / elapsed
        left = (self.total - self.done) / rate if rate else 0.0
        percent = 100 * self.done / self.total if self.total else 100.0
        line = (
            f"[{self.done}/{self.total}] {percent:3.0f}%  {rate:.1f} files/s  "
            f"{self.failed} failed  {self.skipped} skipped  ~{_duration(left)} left"
        )
        print(f"\r{line:<78}", end="", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.show and self.done:
            print(file=sys.stderr)


def _duration(seconds: float) -> str:
    minutes, secs = divmod(int(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return (
        f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{secs:02d}s" if minutes else f"{secs}s"
    )


def _execute(
    jobs: list[Job], workers: int | None, engine: str, scheduler: str | None
) -> Generator[Outcome, None, None]:
    for job in jobs:
        if job.problem:
            yield run_job(job)
    jobs = [job for job in jobs if not job.problem]
    if not jobs:
        return
    if engine == "dask":
        from .distributed import run_on_dask

        yield from run_on_dask(jobs, scheduler)
        return
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r}: local or dask")
    yield from _run_local(jobs, min(workers or os.cpu_count() or 1, len(jobs)))


# --- local engine: a pool of worker processes, one job at a time each -------------------------
#
# concurrent.futures' pool cannot kill one stuck worker, and a worker that dies breaks the whole
# pool; here each worker has its own pipe, so the parent knows which file each one is on, when
# it started, and can replace a single worker without touching the others.


class _Worker:
    def __init__(self, context):
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_worker_loop, args=(child,), daemon=True, name="govdocparse-worker"
        )
        self.process.start()
        child.close()
        self.job: Job | None = None
        self.deadline = float("inf")

    def give(self, job: Job) -> None:
        self.job = job
        self.deadline = time.monotonic() + job.timeout + KILL_GRACE if job.timeout else float("inf")
        self.conn.send(job)

    def stop(self, sig: int) -> None:
        if self.process.is_alive():
            os.kill(self.process.pid, sig)


def _worker_loop(conn: Connection) -> None:
    """Body of a worker process: run the jobs the parent sends until it sends None or goes away."""
    # Ctrl-C at a terminal reaches the whole process group: the parent alone decides what to do.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Exit through Python on SIGTERM so write_atomic's clean-up removes a half-written temp file.
    signal.signal(signal.SIGTERM, _exit_on_signal)
    parent = os.getppid()
    try:
        while True:
            # A killed parent does not always close the pipe (forked siblings inherit its end),
            # so an idle worker also checks, now and then, that it has not been orphaned.
            if not conn.poll(1.0):
                if os.getppid() != parent:
                    return
                continue
            job = conn.recv()
            if job is None:
                return
            conn.send(run_job(job))
    except (EOFError, OSError):  # the parent is gone
        pass


def _exit_on_signal(signum, frame):
    raise SystemExit(128 + signum)


def _context():
    # fork starts workers with the parser already imported by the parent (see _preload).
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)


# Enough text to make the pipeline load and compile the grammars of every text-path stage.
_WARM_UP = (
    "一、主要目标\n（一）健康。到2025年，婴儿死亡率控制在5‰以下，学前三年毛入园率达到90%以上。"
    "（责任单位：区卫生健康委）\n"
)


def _preload() -> None:
    """Parse a sample once in the parent, so forked workers start with imports and grammars ready.

    Otherwise every worker of every batch pays the first-parse cost (YAML grammars, regex
    compilation: about half a second) again.
    """
    from . import parse_text

    with suppress(Exception):
        parse_text(_WARM_UP)


def _run_local(jobs: Iterable[Job], size: int) -> Iterator[Outcome]:
    _preload()
    context = _context()
    queue = deque(jobs)
    pool = [_Worker(context) for _ in range(size)]
    try:
        while True:
            for index, worker in enumerate(pool):
                if worker.job is None and queue:
                    if not worker.process.is_alive():  # died while idle (the OOM killer, say)
                        pool[index] = worker = _replace(worker, context)
                    worker.give(queue.popleft())
            busy = [w for w in pool if w.job is not None]
            if not busy:
                return
            nearest = min(w.deadline for w in busy)
            wait_for = None if nearest == float("inf") else max(0.0, nearest - time.monotonic())
            ready = wait([w.conn for w in busy], timeout=wait_for)
            for index, worker in enumerate(pool):
                if worker.job is None:
                    continue
                if worker.conn in ready:
                    outcome, healthy = _receive(worker, worker.job)
                elif time.monotonic() >= worker.deadline:
                    outcome, healthy = (
                        failure(worker.job, ParseTimeoutError(None, "time limit")),
                        False,
                    )
                else:
                    continue
                if healthy:
                    worker.job = None
                else:
                    pool[index] = _replace(worker, context)
                yield outcome
    finally:
        _shutdown(pool)


def _receive(worker: _Worker, job: Job) -> tuple[Outcome, bool]:
    """The outcome a worker sent about `job`, or a crash outcome when it died; and whether it
    can go on."""
    try:
        return worker.conn.recv(), True
    except (EOFError, OSError):
        worker.process.join(1.0)
        code = worker.process.exitcode
        how = f"killed by signal {-code}" if code is not None and code < 0 else f"exit code {code}"
        return Outcome(
            job.relative, "failed", "crash", f"{job.relative}: worker process died ({how})"
        ), False


def _replace(worker: _Worker, context) -> _Worker:
    """A fresh worker in place of one that timed out or died, after removing its temp files."""
    worker.stop(signal.SIGKILL)
    worker.process.join()
    worker.conn.close()
    _remove_temp(worker.job)
    return _Worker(context)


def _shutdown(pool: list[_Worker]) -> None:
    """Stop every worker: idle ones by message, busy ones by SIGTERM, the stubborn by SIGKILL."""
    for worker in pool:
        try:
            if worker.job is None:
                worker.conn.send(None)
            else:
                worker.stop(signal.SIGTERM)
        except OSError:
            worker.stop(signal.SIGKILL)
    limit = time.monotonic() + 2.0
    for worker in pool:
        worker.process.join(max(0.0, limit - time.monotonic()))
        if worker.process.is_alive():
            worker.stop(signal.SIGKILL)
            worker.process.join()
        worker.conn.close()
        if worker.job is not None:
            _remove_temp(worker.job)


def _remove_temp(job: Job | None) -> None:
    """Delete write_atomic temp files left for `job`'s output by a worker that was killed."""
    if job is None:
        return
    target = Path(job.output)
    # write_atomic names them .<name>.<8 random characters>.tmp (tempfile.mkstemp)
    pattern = re.compile(re.escape(f".{target.name}.") + r"[^.]{8}\.tmp")
    try:
        temps = [p for p in target.parent.iterdir() if pattern.fullmatch(p.name)]
    except OSError:  # the folder was never created: nothing was written
        return
    for temp in temps:
        temp.unlink(missing_ok=True)
