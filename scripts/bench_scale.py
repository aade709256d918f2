"""Batch throughput at scale: synthetic documents through `batch`, then the crosswalk over them.

Steps, each printing wall time, documents/s, MB/s and peak memory:
1. make --docs synthetic documents (scripts/make_synthetic.py) in a temporary folder;
2. batch the first --compare of them with 1 worker and with --workers workers: the speed-up;
3. batch all of them with --workers workers, then once more (everything skipped: the cost of
   resuming);
4. the crosswalk over the places of the first --crosswalk-docs parsed records (default: all),
   when the crosswalk exists, streamed through `read_for_crosswalk` (only what the crosswalk
   reads, a file at a time); scripts/bench_crosswalk.py --parsed splits loading from
   clustering and writing.
Peak memory is ru_maxrss: this process, and the largest single worker process.
The temporary folder is deleted at the end unless --keep. Numbers only: nothing asserts a time.

    python scripts/bench_scale.py --docs 10000 [--compare 400] [--workers 2] [--crosswalk-docs N]
                                  [--seed 7] [--keep]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _make_synthetic():
    spec = importlib.util.spec_from_file_location("make_synthetic", HERE / "make_synthetic.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _spin(count: int) -> None:
    total = 0
    for number in range(count):
        total += number


def cpu_capacity(workers: int, count: int = 15_000_000) -> float:
    """How many times one process's pure-CPU throughput `workers` processes get right now.

    On a shared machine this is the ceiling for the batch speed-up measured next to it.
    """
    import multiprocessing

    started = time.perf_counter()
    _spin(count)
    one = time.perf_counter() - started
    processes = [multiprocessing.Process(target=_spin, args=(count,)) for _ in range(workers)]
    started = time.perf_counter()
    for process in processes:
        process.start()
    for process in processes:
        process.join()
    return workers * one / (time.perf_counter() - started)


def memory() -> str:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return f"peak RSS self {own:.0f} MB, largest worker {child:.0f} MB"


def report(
    label: str, docs: int, megabytes: float, seconds: float, cpu: tuple[float, float]
) -> None:
    """One result line; `cpu` is (workers' CPU seconds, this process's CPU seconds) of the run.

    CPU time per document does not depend on what else the machine runs, so it shows whether
    more workers cost more work even when the wall-clock speed-up is blurred by other load.
    """
    workers_cpu, own_cpu = cpu
    print(
        f"{label:<34} {docs:6d} docs {seconds:8.2f} s  {docs / seconds:7.1f} docs/s  "
        f"{megabytes / seconds:6.2f} MB/s"
        f"  CPU {1000 * workers_cpu / max(docs, 1):5.1f} ms/doc in workers + {own_cpu:.2f} s parent"
        f"  load {os.getloadavg()[0]:.1f}  {memory()}"
    )


def batch(source: Path, out: Path, workers: int):
    """Run a batch; its summary, wall seconds and (workers' CPU, own CPU) seconds."""
    from govdocparse.batch import run_batch

    before, started = os.times(), time.perf_counter()
    summary = run_batch(source, out, workers=workers, progress=sys.stderr.isatty())
    seconds, after = time.perf_counter() - started, os.times()
    if summary.failed:
        print(f"  {summary.failed} failed: see {out / '_errors.jsonl'}")
    workers_cpu = (
        after.children_user + after.children_system - before.children_user - before.children_system
    )
    own_cpu = after.user + after.system - before.user - before.system
    return summary, seconds, (workers_cpu, own_cpu)


def _first_records(out: Path, folder: Path, count: int) -> Path:
    """A folder of links to the first `count` records of `out`."""
    folder.mkdir()
    for n, path in enumerate(sorted(out.rglob("*.json"))[:count]):
        (folder / f"{n:06d}-{path.name}").symlink_to(path)
    return folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument(
        "--compare", type=int, default=400, help="documents for the 1-worker/N-worker comparison"
    )
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--crosswalk-docs", type=int, help="records the crosswalk runs over (default: all)"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="govdocparse-scale-"))
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, working in {work}")
    try:
        started = time.perf_counter()
        paths = _make_synthetic().make_corpus(work / "in", args.docs, args.seed)
        megabytes = sum(p.stat().st_size for p in paths) / 1e6
        print(
            f"made {len(paths)} synthetic documents, {megabytes:.1f} MB, "
            f"in {time.perf_counter() - started:.1f} s"
        )

        print(
            f"pure-CPU probe: {args.workers} processes run ×{cpu_capacity(args.workers):.2f} of one"
        )
        subset = paths[: min(args.compare, len(paths))]
        compare = work / "compare"
        compare.mkdir()
        for path in subset:
            (compare / path.name).symlink_to(path)
        sub_mb = sum(p.stat().st_size for p in subset) / 1e6
        seconds = {}
        for workers in (1, args.workers):
            _, seconds[workers], cpu = batch(compare, work / f"compare-out-{workers}", workers)
            report(
                f"batch, {workers} worker(s), first {len(subset)}",
                len(subset),
                sub_mb,
                seconds[workers],
                cpu,
            )
        print(
            f"speed-up of {args.workers} workers over 1: ×{seconds[1] / seconds[args.workers]:.2f} "
            f"(pure-CPU probe now: ×{cpu_capacity(args.workers):.2f})"
        )

        out = work / "out"
        summary, spent, cpu = batch(work / "in", out, args.workers)
        report(f"batch, {args.workers} workers, all", summary.parsed, megabytes, spent, cpu)
        again, spent, _ = batch(work / "in", out, args.workers)
        print(f"resume (all {again.skipped} up to date): {spent:.2f} s")
        output_mb = sum(p.stat().st_size for p in out.rglob("*.json")) / 1e6
        print(f"JSON written: {output_mb:.0f} MB ({output_mb / megabytes:.1f} × the input)")

        try:
            from govdocparse.crosswalk import build_crosswalk, read_for_crosswalk
        except ImportError as exc:
            print(f"crosswalk: not available ({exc})")
            return 0
        count = args.crosswalk_docs or args.docs
        started = time.perf_counter()
        crosswalk = build_crosswalk(
            read_for_crosswalk(_first_records(out, work / "subset", count), [])
        )
        spent = time.perf_counter() - started
        print(
            f"crosswalk over {count} records, read and built: {len(crosswalk.places)} places, "
            f"{len(crosswalk.clusters)} clusters, stats {crosswalk.stats}, "
            f"{spent:.1f} s, {memory()}"
        )
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
