"""Runs a batch on a dask.distributed cluster (`govdocparse batch --engine dask`).

Division of work:
- the client (the machine running `govdocparse batch`) plans the jobs, skips up-to-date
  outputs, holds the output folder's lock and writes every output file and `_errors.jsonl`;
- a worker reads its input from the job's path, parses it and returns the JSON text.

So the inputs must be readable by every worker at the same absolute path as on the client
(a shared file system), while the output folder only needs to exist on the client. Returning
the text keeps the outputs byte-identical to the local engine's (same `render`) and keeps the
atomic temp-and-rename writes on one machine, which a network file system does not guarantee
across clients.

Workers should have one thread each (`dask worker tcp://HOST:8786 --nworkers N --nthreads 1`):
parsing is Python code holding the GIL, so threads of one worker process do not parse in
parallel. Every worker must have the client's govdocparse version; the run is refused otherwise.

Time limit: dask runs tasks in worker threads, where SIGALRM is not available. Each task parses
in a helper thread and waits for it up to the job's limit; when the limit passes, the task
reports a timeout at once and the helper thread is asked to stop (an asynchronous exception,
delivered at its next Python instruction). Code stuck inside a C call cannot be stopped that
way: its thread runs on in the background, but the task and the batch still finish.
"""

from __future__ import annotations

import ctypes
import os
import threading
from collections.abc import Iterator
from dataclasses import replace

from .errors import GovDocError, ParseTimeoutError
from .jobs import Job, Outcome, failure, head_fields, render, write_failure
from .output import write_atomic
from .version import __version__

# How long to wait for the first worker of a cluster that is still starting.
WORKER_WAIT = 60.0


class _Abandoned(BaseException):
    """Raised inside a helper thread whose job ran out of time (a BaseException, so that no
    stage catches it)."""


def parse_remote(job: Job) -> tuple[Outcome, str | None]:
    """Worker side: the outcome of parsing `job.source` and, when it parsed, its JSON text."""
    text: list[str] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            text.append(render(job))
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=work, name=f"govdocparse {job.relative}", daemon=True)
    thread.start()
    thread.join(job.timeout or None)
    if thread.is_alive():
        # Should the thread finish in between, the exception lands in its exit path: harmless.
        ident = thread.ident or 0  # set once the thread has started
        ctypes.pythonapi.PyThreadState_SetAsyncExc(
            ctypes.c_ulong(ident), ctypes.py_object(_Abandoned)
        )
        return failure(job, ParseTimeoutError(None, "time limit")), None
    if errors:
        return failure(job, errors[0]), None
    return Outcome(job.relative, "parsed"), text[0]


def worker_version() -> str:
    """The govdocparse version installed where this runs (checked on every worker)."""
    return __version__


def run_on_dask(jobs: list[Job], scheduler: str | None) -> Iterator[Outcome]:
    """Parse `jobs` on the cluster at `scheduler`, writing each output here as it arrives.

    `scheduler` is an address (tcp://host:8786) or the path of a scheduler file written by
    `dask scheduler --scheduler-file`.
    """
    from dask.distributed import Client, as_completed

    if not scheduler:
        raise GovDocError(None, "the dask engine needs a scheduler address (tcp://HOST:PORT)")
    try:
        client = (
            Client(scheduler_file=scheduler) if os.path.isfile(scheduler) else Client(scheduler)
        )
    except OSError as exc:
        raise GovDocError(None, f"cannot reach the dask scheduler {scheduler}: {exc}") from None
    # Workers have their own working folder: give them absolute paths (the outputs only record
    # `relative`, so they do not depend on where the corpus is mounted).
    jobs = [replace(job, source=os.path.abspath(job.source)) for job in jobs]
    futures = []
    try:
        _check_workers(client)
        # Named keys make the dashboard show which file a task is; the number keeps them unique.
        keys = [f"govdocparse-{number}-{job.relative}" for number, job in enumerate(jobs)]
        futures = client.map(parse_remote, jobs, key=keys, pure=False)
        by_key = dict(zip(keys, jobs, strict=True))
        for future in as_completed(futures):
            yield _finish(by_key.pop(future.key), future)
            future.release()
    finally:
        # On an interrupt, leave nothing queued on a cluster others may share.
        client.cancel([f for f in futures if not f.done()])
        client.close()


def _finish(job: Job, future) -> Outcome:
    """Write the output a finished task returned; a task that itself failed becomes a failure."""
    try:
        outcome, text = future.result()
    except Exception as exc:
        return Outcome(
            job.relative,
            "failed",
            "crash",
            f"{job.relative}: dask task failed: {type(exc).__name__}: {exc}",
        )
    if text is None:
        return outcome
    if head_fields(text).get("parser_version") != __version__:  # joined after the check
        return Outcome(
            job.relative,
            "failed",
            "version",
            f"{job.relative}: parsed by another govdocparse version than {__version__}",
        )
    try:
        write_atomic(job.output, text)
    except OSError as exc:
        return write_failure(job, exc)
    return outcome


def _check_workers(client) -> None:
    """Refuse to run when a worker has another parser version: outputs would be mislabelled."""
    try:
        client.wait_for_workers(1, timeout=WORKER_WAIT)
    except TimeoutError:
        raise GovDocError(
            None, f"the dask cluster has had no worker for {WORKER_WAIT:g} s"
        ) from None
    versions = client.run(worker_version)
    wrong = sorted(
        f"{address} has {version}"
        for address, version in versions.items()
        if version != __version__
    )
    if wrong:
        raise GovDocError(
            None, f"govdocparse {__version__} here, but on the workers: {'; '.join(wrong)}"
        )
