"""Parse throughput per input format, against the plain-extraction floor, and CLI start-up time.

For each format (txt: corpus/raw/*.txt; docx, pdf, html: tests/fixtures/renditions/, whatever
exists) it prints MB/s and documents/s of
- govdocparse.parse in this process (best of --repeat runs, after one warm-up parse),
- `batch` with --workers worker processes (JSON written to a temporary folder, best of runs),
- the floor: pdfplumber's page.extract_text() over the same PDFs, python-docx's plain walk
  over paragraphs and table cells of the same DOCX, BeautifulSoup's parse and get_text() of
  the same HTML (renditions and the portal pages of tests/realworld/), and the whole parse's
  time as a multiple of it (wall and CPU); for HTML also the HTML reader alone;
  for PDF also the PDF reader alone (characters to blocks, no later stage) and PDFium's bare
  text extraction (pypdfium2 get_text_range on every page), the floor any PDFium reader has;
  for text, which has no floor, the text reader alone as a share of the whole parse;
  for PDF and text also the stages after the reader alone (`parse_source` on sources read
  before the timing: normalise, segment, metadata, structure, extractors, records).
  The reader and the stages alone run with the garbage collector's thresholds of a parse
  (`govdocparse.collector`). These are timed in turns in one process, and each line gives
  its CPU seconds beside the wall seconds: on a shared machine only ratios from one run
  compare.
Then peak memory (ru_maxrss of this process and of its largest child), whether jieba got
loaded, and the wall time of `govdocparse --help` with the heavy modules it must not import.
Numbers only: nothing here asserts a time.

    python scripts/bench_parse.py [--repeat 3] [--workers 2] [--formats txt,docx,pdf,html]
"""

from __future__ import annotations

import argparse
import importlib
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from timing import best_of

if TYPE_CHECKING:
    from govdocparse.source import Source

ROOT = Path(__file__).resolve().parent.parent
FORMATS = {
    "txt": sorted((ROOT / "corpus" / "raw").glob("*.txt")),
    "docx": sorted((ROOT / "tests" / "fixtures" / "renditions").glob("*.docx")),
    "pdf": sorted((ROOT / "tests" / "fixtures" / "renditions").glob("*.pdf")),
    "html": sorted((ROOT / "tests" / "fixtures" / "renditions").glob("*.html"))
    + sorted((ROOT / "tests" / "realworld").glob("*.html")),
}
HEAVY = (
    "pypdfium2",
    "rapidocr",
    "onnxruntime",
    "pdfplumber",
    "pdfminer",
    "jieba",
    "dask",
    "distributed",
    "docx",
    "duckdb",
    "pyarrow",
)


def interleaved(repeat: int, runs: dict, files: list[Path]) -> dict[str, tuple[float, float]]:
    """The shortest wall time and the shortest CPU time of this process of each run over
    `repeat` rounds, each round running every one. On a shared machine the wall time grows with
    the others' load; the CPU time much less."""
    best = dict.fromkeys(runs, (float("inf"), float("inf")))
    for _ in range(repeat):
        for label, run in runs.items():
            started, cpu = time.perf_counter(), time.process_time()
            run(files)
            wall, used = time.perf_counter() - started, time.process_time() - cpu
            best[label] = (min(best[label][0], wall), min(best[label][1], used))
    return best


def parse_all(files: list[Path]) -> None:
    from govdocparse import parse

    for path in files:
        parse(path)


def batch_all(files: list[Path], workers: int) -> None:
    from govdocparse.batch import run_batch

    with tempfile.TemporaryDirectory(prefix="govdocparse-bench-") as work:
        source = Path(work) / "in"
        source.mkdir()
        for path in files:
            (source / path.name).symlink_to(path)
        summary = run_batch(source, Path(work) / "out", workers=workers, force=True, progress=False)
        if summary.failed:
            raise SystemExit(
                f"batch: {summary.failed} file(s) failed: "
                f"see {Path(work) / 'out' / '_errors.jsonl'}"
            )


def pdf_floor(files: list[Path]) -> None:
    import pdfplumber

    for path in files:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()


def docx_floor(files: list[Path]) -> int:
    """Characters of every paragraph and cell, as python-docx reads them (the work timed)."""
    import docx

    characters = 0
    for path in files:
        document = docx.Document(str(path))
        characters += sum(len(paragraph.text) for paragraph in document.paragraphs)
        for table in document.tables:
            characters += sum(len(cell.text) for row in table.rows for cell in row.cells)
    return characters


def html_floor(files: list[Path]) -> None:
    from bs4 import BeautifulSoup

    from govdocparse.readers.html_reader import decode

    for path in files:
        text, _, _ = decode(path.read_bytes(), str(path))
        BeautifulSoup(text, "html.parser").get_text()


def pdfium_floor(files: list[Path]) -> None:
    import pypdfium2

    for path in files:
        document = pypdfium2.PdfDocument(path)
        for page in document:
            page.get_textpage().get_text_range()
        document.close()


# Sources read once before the timing, for `stages_only` (parse_source never changes a source).
_SOURCES: dict[Path, Source] = {}


def pre_read(files: list[Path]) -> None:
    from govdocparse.readers import read

    _SOURCES.update((path, read(path)) for path in files if path not in _SOURCES)


def stages_only(files: list[Path]) -> None:
    from govdocparse.collector import fewer_collections
    from govdocparse.pipeline import parse_source

    with fewer_collections():  # as `parse` runs them
        for path in files:
            parse_source(_SOURCES[path])


def read_only(files: list[Path]) -> None:
    from govdocparse.collector import fewer_collections
    from govdocparse.readers import read

    with fewer_collections():
        for path in files:
            read(path)


FLOORS = {
    "pdf": ("pdfplumber extract_text", pdf_floor),
    "docx": ("python-docx paragraphs+tables", docx_floor),
    "html": ("BeautifulSoup parse + get_text", html_floor),
}
# Further lines for a format: (label, function), each printed with its ratio to the floor.
EXTRA = {
    "pdf": [
        ("govdocparse PDF reader alone", read_only),
        ("stages after the reader", stages_only),
        ("PDFium bare text (get_text_range)", pdfium_floor),
    ],
    "html": [("govdocparse HTML reader alone", read_only)],
    "txt": [
        ("govdocparse text reader alone", read_only),
        ("stages after the reader", stages_only),
    ],
}


def rate(megabytes: float, docs: int, seconds: float) -> str:
    return f"{seconds:7.3f} s  {megabytes / seconds:6.2f} MB/s  {docs / seconds:7.1f} docs/s"


def cli_startup(repeat: int) -> None:
    probe = (
        "import sys\n"
        "from govdocparse.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        f"heavy = sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stderr.strip()
    command = shutil.which("govdocparse")
    runs = {
        "python -c pass (interpreter alone)": [sys.executable, "-c", "pass"],
        "python -m govdocparse.cli --help": [sys.executable, "-m", "govdocparse.cli", "--help"],
    }
    if command:
        runs["govdocparse --help (console script)"] = [command, "--help"]
    print(f"\nCLI start-up (best of {repeat})")
    for label, argv in runs.items():
        seconds = best_of(
            repeat, partial(subprocess.run, argv, stdout=subprocess.DEVNULL, check=True)
        )
        print(f"  {label:<40} {seconds * 1000:7.1f} ms")
    print(f"  heavy modules after --help: {loaded.removeprefix('HEAVY ')}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--formats", default="txt,docx,pdf,html")
    args = parser.parse_args(argv)

    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.2f} at start"
    )
    started = time.perf_counter()
    importlib.import_module("govdocparse")  # import cost is not parse throughput

    print(f"import govdocparse.parse: {time.perf_counter() - started:.3f} s")
    for fmt in args.formats.split(","):
        files = FORMATS.get(fmt, [])
        if not files:
            print(f"\n{fmt}: no files")
            continue
        megabytes = sum(p.stat().st_size for p in files) / 1e6
        print(f"\n{fmt}: {len(files)} files, {megabytes:.3f} MB")
        first = time.perf_counter()
        parse_all(files[:1])
        print(f"  first parse (loads the reader)      {time.perf_counter() - first:7.3f} s")
        single = best_of(args.repeat, partial(parse_all, files))
        print(f"  govdocparse, 1 process               {rate(megabytes, len(files), single)}")
        batch = best_of(args.repeat, partial(batch_all, files, args.workers))
        print(
            f"  batch, {args.workers} workers (writes JSON)      "
            f"{rate(megabytes, len(files), batch)}  ×{single / batch:.2f} of 1 process"
        )
        # The floor, the parse and the extra lines are timed in turns, round after round, so
        # that a change in the machine's load falls on all of them alike; a format without a
        # floor compares its extra lines with the whole parse.
        floor = FLOORS.get(fmt)
        extra = EXTRA.get(fmt, [])
        if floor or extra:
            if any(run is stages_only for _, run in extra):
                pre_read(files)
            runs = {"floor": floor[1]} if floor else {}
            runs.update({"parse": parse_all, **dict(extra)})
            best = interleaved(args.repeat, runs, files)
            base = "floor" if floor else "whole parse"
            wall, cpu = best["floor"] if floor else best["parse"]
            print(f"  in turns, best of {args.repeat} (wall, and CPU of this process):")
            base_label = f"floor: {floor[0]}" if floor else "whole parse"
            print(f"  {base_label:<37}{rate(megabytes, len(files), wall)}  CPU {cpu:.3f} s")
            lines = [("whole parse", "parse")] if floor else []
            for label, key in lines + [(other, other) for other, _ in extra]:
                measured = rate(megabytes, len(files), best[key][0])
                print(
                    f"  {label:<37}{measured}  CPU {best[key][1]:.3f} s"
                    f"  ×{best[key][0] / wall:.3f} of {base} (CPU ×{best[key][1] / cpu:.3f})"
                )
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"\npeak memory: this process {own:.0f} MB, largest child {children:.0f} MB")
    print(f"jieba loaded by parsing: {'yes' if 'jieba' in sys.modules else 'no'}")
    cli_startup(max(args.repeat, 5))
    print(f"\nload average {os.getloadavg()[0]:.2f} at end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
