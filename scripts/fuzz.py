"""Mutation fuzzer: damages the corpus files and checks that parsing them never crashes or hangs.

Seeds are corpus/raw/*.txt, the renditions under tests/fixtures/renditions (.docx .pdf .html),
the PDF edge fixtures of layouts the renditions lack (gazette columns, borderless tables),
the generated .doc/.wps and OFD fixtures (tests/fixtures/doc, tests/fixtures/ofd) and Word's other
saves (RTF, Word 2003 XML, Word HTML and MHT, some named .doc: tests/fixtures/word-saves).
Each iteration takes one seed and applies one to three mutations: byte flips, truncation,
shuffled lines, duplicated or deleted blocks, inserted TAB table lines, odd characters,
encoding swaps, splices from another seed. DOCX files are mutated inside the ZIP (the XML of a
part, cut into paragraphs, rows and cells) as well as whole, and so are OFD packages (any XML
part); HTML and PDF are cut into elements and objects, .doc and .wps files into byte runs.
The mutated bytes are parsed in a worker process, as a batch run would parse them, with OCR
switched off (pages only OCR could read are refused or left out, as without the `ocr` extra).

Outcomes:
  ok        parsed into a record (serialised to JSON as well)
  refused   a GovDocError: an accepted refusal, counted by kind
  crash     any other exception, or a refusal whose message is not one line naming the file
  hang      no answer within the time limit; the worker is killed and replaced

Crashing and hanging inputs are saved, with their tracebacks, to a folder that is printed at the
end. Iteration i of a given --seed always produces the same input, whatever the worker count.
Exit status: 0 when there was no crash and no hang, 1 otherwise.

    python scripts/fuzz.py --iterations 500 --seed 1 --workers 2
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import multiprocessing
import random
import re
import resource
import sys
import tempfile
import time
import traceback
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from io import BytesIO
from multiprocessing.connection import wait
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_GLOBS = [
    "corpus/raw/*.txt",
    "tests/fixtures/renditions/*.docx",
    "tests/fixtures/renditions/*.pdf",
    # the PDF layouts the renditions lack: two-column gazette pages, borderless tables
    "tests/fixtures/edge/gazette.pdf",
    "tests/fixtures/edge/borderless*.pdf",
    "tests/fixtures/renditions/*.html",
    "tests/fixtures/doc/*.doc",
    "tests/fixtures/doc/*.wps",
    "tests/fixtures/ofd/notice.ofd",
    "tests/fixtures/word-saves/*",
]
# ZIP packages, mutated inside: the part a mutation prefers (None: any XML part).
_PACKAGES = {".docx": "word/document.xml", ".ofd": None}
# A mutation that grows a file past this is cut back: the size limit has its own tests.
MAX_MUTANT_BYTES = 4 * 1024 * 1024

# Cut points that keep the pieces meaningful units of each format.
_UNITS = {
    ".txt": re.compile(rb"(?<=\n)"),
    ".html": re.compile(rb"(?=<(?:p|div|tr|td|th|table|h[1-6]|br|li|span|meta)\b)", re.IGNORECASE),
    ".xml": re.compile(rb"(?=<w:(?:p|tbl|tr|tc|r)[ >])"),
    ".pdf": re.compile(rb"(?=\d+ \d+ obj\b)|(?<=endstream)"),
}
_ODD_CHARACTERS = (
    "\t\x00\x01\x0b\x0c\x1b\x7f\x85\u2028\u2029\u3000\xa0\u200b\ufeff\ufffd"
    "１２３４５６７８９０％．，、；：（）《》“”〔〕【】＜＞≥≤‰～—－·…①②"
    "一二三四五六七八九十百千万亿年月日第章节条款项"
)
_TAB_CELLS = [
    "指标",
    "目标值",
    "≥95%",
    "<8‰",
    "—",
    "",
    "市卫生健康委",
    "1．婴儿死亡率",
    "逐步提高",
    "50左右",
    "（一）",
    "专栏1",
]
_ENCODINGS = ["gb18030", "gbk", "utf-16", "utf-16-le", "utf-8-sig", "big5", "latin-1", "utf-32"]


@dataclass
class Seed:
    path: Path
    data: bytes

    @property
    def ext(self) -> str:
        return self.path.suffix.lower()

    @cached_property
    def parts(self) -> dict[str, bytes]:
        """The members of a ZIP package seed (DOCX, OFD), by name."""
        archive = zipfile.ZipFile(BytesIO(self.data))
        return {name: archive.read(name) for name in archive.namelist()}


# --- mutations ------------------------------------------------------------------------------------


def _units(data: bytes, kind: str) -> list[bytes]:
    return [piece for piece in _UNITS[kind].split(data) if piece]


def flip_bytes(rng: random.Random, data: bytes, kind: str) -> bytes:
    out = bytearray(data)
    for _ in range(rng.choice([1, 1, 2, 4, 16, 64])):
        if not out:
            break
        at = rng.randrange(len(out))
        out[at] = out[at] ^ (1 << rng.randrange(8)) if rng.random() < 0.5 else rng.randrange(256)
    return bytes(out)


def truncate(rng: random.Random, data: bytes, kind: str) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def shuffle_lines(rng: random.Random, data: bytes, kind: str) -> bytes:
    units = _units(data, kind)
    if len(units) < 2:
        return data
    width = len(units) if rng.random() < 0.1 else rng.randint(2, min(20, len(units)))
    start = rng.randrange(len(units) - width + 1)
    window = units[start : start + width]
    rng.shuffle(window)
    return b"".join(units[:start] + window + units[start + width :])


def duplicate_block(rng: random.Random, data: bytes, kind: str) -> bytes:
    units = _units(data, kind)
    start = rng.randrange(len(units))
    block = units[start : start + rng.randint(1, 30)]
    at = rng.randrange(len(units) + 1)
    return b"".join(units[:at] + block * rng.choice([1, 1, 2, 5]) + units[at:])


def delete_block(rng: random.Random, data: bytes, kind: str) -> bytes:
    units = _units(data, kind)
    start = rng.randrange(len(units))
    return b"".join(units[:start] + units[start + rng.randint(1, 30) :])


def _tab_row(rng: random.Random) -> list[str]:
    return [rng.choice(_TAB_CELLS) for _ in range(rng.randint(1, 8))]


def insert_tab_lines(rng: random.Random, data: bytes, kind: str) -> bytes:
    units = _units(data, kind)
    rows = [_tab_row(rng) for _ in range(rng.randint(1, 6))]
    if kind == ".txt":
        text = "\n".join("".join(f"\t{cell}\n" for cell in row) for row in rows)
    elif kind == ".html":
        text = "<table>" + "".join(
            "<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows
        )
        text += "</table>" if rng.random() < 0.7 else ""
    elif kind == ".xml":
        cell = '<w:tc><w:p><w:r><w:tab/><w:t xml:space="preserve">{}</w:t></w:r></w:p></w:tc>'
        text = (
            "<w:tbl>"
            + "".join("<w:tr>" + "".join(cell.format(c) for c in row) + "</w:tr>" for row in rows)
            + "</w:tbl>"
        )
    else:
        text = "".join(f"\t{cell}\n" for row in rows for cell in row)
    at = rng.randrange(len(units) + 1)
    return b"".join([*units[:at], text.encode("utf-8"), *units[at:]])


def odd_characters(rng: random.Random, data: bytes, kind: str) -> bytes:
    units = _units(data, kind)
    for _ in range(rng.randint(1, 10)):
        at = rng.randrange(len(units))
        odd = "".join(rng.choice(_ODD_CHARACTERS) for _ in range(rng.randint(1, 5)))
        units.insert(at, odd.encode("utf-8"))
    return b"".join(units)


def encoding_swap(rng: random.Random, data: bytes, kind: str) -> bytes:
    """The text re-encoded, whole or one block of it (mixed encodings), or declared wrongly."""
    text = data.decode("utf-8", "replace")
    encoding = rng.choice(_ENCODINGS)
    if kind == ".html" and rng.random() < 0.3:
        declared = rng.choice(["gbk", "utf-8", "big5", "x-unknown", "utf-16"])
        text = re.sub(r"charset=[\w-]+", f"charset={declared}", text, flags=re.IGNORECASE)
    if rng.random() < 0.5:
        return text.encode(encoding, "replace")
    units = _units(data, kind)
    start = rng.randrange(len(units))
    end = start + rng.randint(1, 20)
    block = b"".join(units[start:end]).decode("utf-8", "replace").encode(encoding, "replace")
    return b"".join([*units[:start], block, *units[end:]])


def splice(rng: random.Random, data: bytes, kind: str, donor: bytes) -> bytes:
    units, other = _units(data, kind), _units(donor, kind)
    start = rng.randrange(len(other))
    at = rng.randrange(len(units) + 1)
    return b"".join(units[:at] + other[start : start + rng.randint(1, 40)] + units[at:])


Mutation = Callable[[random.Random, bytes, str], bytes]
STRUCTURAL: list[Mutation] = [
    shuffle_lines,
    duplicate_block,
    delete_block,
    insert_tab_lines,
    odd_characters,
    encoding_swap,
]
BYTE_LEVEL: list[Mutation] = [flip_bytes, truncate]


def _mutate_units(
    rng: random.Random, data: bytes, kind: str, donors: list[bytes], log: list[str]
) -> bytes:
    """One to three mutations, structural ones first: byte damage after them would hide them."""
    chosen: list[Mutation | str] = rng.sample([*STRUCTURAL, "splice"], rng.randint(0, 2))
    if not chosen or rng.random() < 0.3:
        chosen.append(rng.choice(BYTE_LEVEL))
    for mutation in sorted(chosen, key=lambda m: m in BYTE_LEVEL):
        if not data:
            break
        if isinstance(mutation, str):  # "splice", which needs a donor
            data = splice(rng, data, kind, rng.choice(donors)) if donors else data
            log.append("splice")
        else:
            data = mutation(rng, data, kind)
            log.append(mutation.__name__)
    return data[:MAX_MUTANT_BYTES]


def _zip(parts: dict[str, bytes]) -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, part in parts.items():
            archive.writestr(name, part)
    return out.getvalue()


def mutate(rng: random.Random, seed: Seed, seeds: list[Seed]) -> tuple[bytes, list[str]]:
    """The mutated bytes of `seed` and the names of the mutations applied."""
    log: list[str] = []
    if seed.ext in _PACKAGES and rng.random() < 0.85:
        parts = dict(seed.parts)
        xml_parts = sorted(
            name for name in parts if name.endswith(".xml") or name.endswith(".rels")
        )
        preferred = _PACKAGES[seed.ext]
        name = preferred if preferred and rng.random() < 0.75 else rng.choice(xml_parts)
        donors = [
            s.parts[name] for s in seeds if s.ext == seed.ext and s is not seed and name in s.parts
        ]
        parts[name] = _mutate_units(rng, parts[name], ".xml", donors, log)
        log = [f"{name}:{entry}" for entry in log]
        return _zip(parts), log
    kind = seed.ext if seed.ext in _UNITS else ".txt"
    donors = [s.data for s in seeds if s.ext == seed.ext and s is not seed]
    return _mutate_units(rng, seed.data, kind, donors, log), log


# --- running parses in killable workers -----------------------------------------------------------


def _parse_one(data: bytes, name: str) -> tuple[str, str, str]:
    from govdocparse.errors import GovDocError
    from govdocparse.output import to_json
    from govdocparse.pipeline import parse_source
    from govdocparse.readers import read_data

    try:
        to_json(parse_source(read_data(data, name)))
        return "ok", "", ""
    except GovDocError as refused:
        message = str(refused)
        if "\n" in message or not message.startswith(f"{name}: "):
            return (
                "crash",
                "BadRefusalMessage",
                f"{type(refused).__name__} message is not one line naming the file: {message!r}",
            )
        return "refused", refused.kind, message
    except Exception as exc:  # anything else is what this fuzzer is looking for
        return "crash", type(exc).__name__, traceback.format_exc()


def _worker(connection, memory_mb: int) -> None:
    # A parse that balloons fails with MemoryError (a crash) instead of taking the machine down.
    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    # Libraries log the damage they skip; outcomes are what the fuzzer reports.
    logging.disable(logging.CRITICAL)
    # Damage that drops a PDF's ToUnicode maps sends its pages to OCR, seconds a page by design:
    # the fuzzer tests the parser, not the OCR engine, so pages it cannot read are refused or
    # left out as without the `ocr` extra.
    from govdocparse.readers import pdf_ocr

    pdf_ocr.available = lambda: False
    while True:
        task = connection.recv()
        if task is None:
            return
        connection.send(_parse_one(*task))


class _Slot:
    """One worker process and the task it is busy with."""

    def __init__(self, context, memory_mb: int):
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_worker, args=(child, memory_mb), daemon=True)
        self.process.start()
        child.close()
        self.task: tuple[int, bytes, str, list[str]] | None = None
        self.started = 0.0

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.process.kill()
        else:
            with contextlib.suppress(OSError):
                self.connection.send(None)
        self.process.join(5)
        self.connection.close()


@dataclass
class Report:
    outcomes: Counter = field(default_factory=Counter)
    by_format: Counter = field(default_factory=Counter)  # (format, outcome)
    refusals: Counter = field(default_factory=Counter)
    crashes: dict[str, list[Path]] = field(default_factory=dict)  # signature -> saved inputs
    tracebacks: dict[str, str] = field(default_factory=dict)
    hangs: list[Path] = field(default_factory=list)
    seconds: float = 0.0


def _signature(kind: str, detail: str) -> str:
    """Exception type and innermost govdocparse frame: one entry per distinct bug, whatever the
    message (it quotes the damaged bytes, which differ from input to input)."""
    frames = re.findall(r'File "([^"]*govdocparse[^"]*)", line (\d+), in (\w+)', detail)
    where = (
        f"{Path(frames[-1][0]).name}:{frames[-1][1]} in {frames[-1][2]}"
        if frames
        else "no govdocparse frame"
    )
    return f"{kind} at {where}"


def _save(folder: Path, number: int, name: str, data: bytes, log: list[str], detail: str) -> Path:
    path = folder / f"{number:06}-{name}"
    path.write_bytes(data)
    path.with_name(path.name + ".log").write_text(
        f"mutations: {', '.join(log)}\n\n{detail}\n", encoding="utf-8"
    )
    return path


def run(args: argparse.Namespace) -> Report:
    seeds = [
        Seed(path, path.read_bytes())
        for pattern in SEED_GLOBS
        for path in sorted(ROOT.glob(pattern))
    ]
    if not seeds:
        sys.exit("fuzz: no seed files found")
    save_dir = (
        Path(args.save_dir) if args.save_dir else Path(tempfile.mkdtemp(prefix="govdocparse-fuzz-"))
    )
    save_dir.mkdir(parents=True, exist_ok=True)
    args.save_dir = str(save_dir)
    # Workers are forked after the parser and its readers are imported, so that no input's time
    # limit is spent on imports.
    for module in (
        "pipeline",
        "readers.docx_reader",
        "readers.pdf_reader",
        "readers.html_reader",
        "readers.doc_reader",
        "readers.ofd_reader",
    ):
        importlib.import_module(f"govdocparse.{module}")

    context = multiprocessing.get_context("fork")
    slots = [_Slot(context, args.memory_mb) for _ in range(args.workers)]
    report = Report()
    next_iteration = 0
    done = 0
    started = time.monotonic()

    def record(slot: _Slot, outcome: str, kind: str, detail: str) -> None:
        nonlocal done
        assert slot.task is not None
        number, data, name, log = slot.task
        slot.task = None
        done += 1
        report.outcomes[outcome] += 1
        report.by_format[Path(name).suffix, outcome] += 1
        if outcome == "refused":
            report.refusals[kind] += 1
        elif outcome == "crash":
            signature = _signature(kind, detail)
            report.crashes.setdefault(signature, []).append(
                _save(save_dir, number, name, data, log, detail)
            )
            report.tracebacks.setdefault(signature, detail)
        elif outcome == "hang":
            report.hangs.append(
                _save(save_dir, number, name, data, log, f"no answer within {args.timeout:g} s")
            )
        if args.progress and done % args.progress == 0:
            rate = done / (time.monotonic() - started)
            print(
                f"[{done}/{args.iterations}] {rate:.1f}/s {dict(report.outcomes)}",
                file=sys.stderr,
                flush=True,
            )

    try:
        while done < args.iterations:
            for slot in slots:
                if slot.task is None and next_iteration < args.iterations:
                    rng = random.Random(args.seed * 1_000_003 + next_iteration)
                    seed = rng.choice(seeds)
                    data, log = mutate(rng, seed, seeds)
                    name = f"{seed.path.stem}{seed.ext}"
                    slot.task = (next_iteration, data, name, log)
                    slot.started = time.monotonic()
                    slot.connection.send((data, name))
                    next_iteration += 1
            busy = [slot for slot in slots if slot.task is not None]
            soonest = min(slot.started for slot in busy) + args.timeout
            ready = wait(
                [slot.connection for slot in busy], timeout=max(0.0, soonest - time.monotonic())
            )
            for slot in busy:
                if slot.connection in ready:
                    try:
                        outcome, kind, detail = slot.connection.recv()
                    except (EOFError, OSError):  # the worker died: a segfault or an abort in C code
                        code = slot.process.exitcode
                        record(
                            slot, "crash", "WorkerDied", f"worker exited with {code} while parsing"
                        )
                        slots[slots.index(slot)] = _Slot(context, args.memory_mb)
                        slot.stop(kill=True)
                        continue
                    record(slot, outcome, kind, detail)
                elif time.monotonic() - slot.started > args.timeout:
                    record(slot, "hang", "", "")
                    slot.stop(kill=True)
                    slots[slots.index(slot)] = _Slot(context, args.memory_mb)
    finally:
        for slot in slots:
            slot.stop(kill=slot.task is not None)
    report.seconds = time.monotonic() - started
    return report


def print_report(report: Report, args: argparse.Namespace) -> None:
    crashes = sum(len(paths) for paths in report.crashes.values())
    print(
        f"iterations {args.iterations} (seed {args.seed}, {args.workers} workers, "
        f"limit {args.timeout:g} s/file) in {report.seconds:.0f} s"
    )
    print(
        f"ok {report.outcomes['ok']}, refused {report.outcomes['refused']}, "
        f"crashes {crashes}, hangs {len(report.hangs)}"
    )
    for kind, count in report.refusals.most_common():
        print(f"  refused {kind}: {count}")
    for fmt in sorted({fmt for fmt, _ in report.by_format}):
        counts = ", ".join(
            f"{outcome} {count}"
            for (f, outcome), count in sorted(report.by_format.items())
            if f == fmt
        )
        print(f"  {fmt}: {counts}")
    for signature, paths in report.crashes.items():
        print(f"\nCRASH x{len(paths)}: {signature}")
        for path in paths[:10]:
            print(f"  {path}")
        if len(paths) > 10:
            print(f"  ... and {len(paths) - 10} more")
        print(report.tracebacks[signature].rstrip())
    for path in report.hangs:
        print(f"\nHANG: {path}")
    if report.crashes or report.hangs:
        print(f"\ninputs saved in {args.save_dir}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--iterations", type=int, default=1000, help="mutated inputs to parse (default 1000)"
    )
    parser.add_argument(
        "--seed", type=int, default=0, help="random seed; the same seed gives the same inputs"
    )
    parser.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument(
        "--timeout",
        type=float,
        default=30.0,
        help="seconds allowed per input before it counts as a hang",
    )
    parser.add_argument(
        "--memory-mb",
        type=int,
        default=3072,
        help="address-space limit of each worker (default 3072)",
    )
    parser.add_argument(
        "--save-dir",
        help="folder for crashing and hanging inputs (default: a new temporary folder)",
    )
    parser.add_argument(
        "--progress", type=int, default=500, help="print a progress line every N inputs (0: never)"
    )
    args = parser.parse_args(argv)
    report = run(args)
    print_report(report, args)
    return 1 if report.crashes or report.hangs else 0


if __name__ == "__main__":
    sys.exit(main())
