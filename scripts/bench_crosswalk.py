"""Time and memory of build_crosswalk at 10, 100 and 1,000 synthetic places, and of loading
parsed records for it (whole records vs the crosswalk's lean reader) at a given number of files.

Each synthetic place is one plan of about 100 measures drawn from the real indicators of the
corpus (tests/fixtures/crosswalk/records.json), each in one of the spellings the corpus uses for
it and perturbed the way plans really
differ: a unit suffix （%）, a synonym or a parenthesised alias, full/half width, filler words
(以乡镇为单位的, 的), the place's own name or 全区 in front. One name in twenty also loses or
swaps a character of its core, so fuzzy scoring and blocking have real work. Everything is
drawn from one seeded generator: the same seed gives the same plans.

    python scripts/bench_crosswalk.py                 # 10, 100, 1000 places
    python scripts/bench_crosswalk.py --places 10 100 --per-place 100 --seed 7
    python scripts/bench_crosswalk.py --parsed OUT --files 1000 2000 10000   # loaders

With --parsed (a batch output folder, e.g. of scripts/make_synthetic.py's documents) it runs,
for the first N record files of the folder and each loader in its own process: the old way,
`load_parsed` (every record whole, validated) then build_crosswalk; and the new way,
build_crosswalk over `read_for_crosswalk` (only what the crosswalk reads, file by file). It
prints the seconds spent loading, the seconds of the crosswalk itself, peak memory once the
crosswalk is built, the seconds and peak memory once its JSON is written too (`to_json` into a
temporary file, as `govdocparse crosswalk -o` does), and whether both give the same clusters.
CPU seconds are printed beside wall seconds: on a shared machine they show the work done
whatever else runs. Either way also runs under an older govdocparse (this script uses only the
public API), so a run before a change and one after give the same columns on the same records:

    PYTHONPATH=OLD/src GOVDOCPARSE_GRAMMARS=OLD/grammars \
        python scripts/bench_crosswalk.py --loaders new --parsed RECORDS --files 2000 10000

Each size runs in its own process so its peak memory (ru_maxrss) is its own; the seconds are
those of build_crosswalk alone (jieba's dictionary is already loaded by drawing the plans).
precision and recall compare the clusters with those of the same plans under their unperturbed names
(pairwise): 1.0 would mean the variations change nothing; the character slips lower recall on
purpose, and any loss of precision is a wrong merge caused by a variation.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RECORDS = ROOT / "tests" / "fixtures" / "crosswalk" / "records.json"
FULL = str.maketrans("0123456789()%-", "０１２３４５６７８９（）％－")
HALF = str.maketrans("０１２３４５６７８９（）％－", "0123456789()%-")


def _pool() -> list[list[dict]]:
    """The measures of the corpus, each with its real spellings (name, unit, first target).

    A plan lists a measure once, so plans are drawn from measures (clusters of the corpus
    crosswalk), each written in one of the spellings the corpus uses for it.
    """
    from govdocparse.crosswalk import build_crosswalk, load_parsed

    measures = []
    for cluster in build_crosswalk(load_parsed(RECORDS)).clusters:
        spellings = [
            {
                "name": m.part or m.name,
                "unit": m.unit,
                "targets": [t.model_dump() for t in m.targets[:1]],
            }
            for m in cluster.members
            if "：" not in m.name  # a sub-row needs its parent; the bench draws whole measures
        ]
        if spellings:
            measures.append(spellings)
    return measures


def _synonym_groups() -> list[list[str]]:
    from govdocparse import grammar

    return [list(g) for g in grammar.load("indicator_synonyms").get("synonyms", [])]


def _perturb(
    name: str, unit: str | None, place: str, rng: random.Random, groups: list[list[str]]
) -> str:
    for group in groups:
        present = [s for s in group if s in name]
        if present and rng.random() < 0.5:
            name = name.replace(present[0], rng.choice(group), 1)
            break
    if rng.random() < 0.05 and len(name) > 6:
        i = rng.randrange(1, len(name) - 3)  # a slip in the core: drop or swap a character
        name = (
            name[:i] + name[i + 1 :]
            if rng.random() < 0.5
            else name[:i] + name[i + 1] + name[i] + name[i + 2 :]
        )
    roll = rng.random()
    if roll < 0.15:
        name = place + name
    elif roll < 0.25:
        name = rng.choice(["全区", "全市", "本市"]) + name
    if rng.random() < 0.1 and "接种率" in name and "为单位" not in name:
        name = "以乡镇为单位的" + name
    if unit and rng.random() < 0.4:
        name += rng.choice(["（{}）", "({})"]).format(unit)
    if rng.random() < 0.3:
        name = name.translate(FULL if rng.random() < 0.5 else HALF)
    return name


def synthetic_results(places: int, per_place: int, seed: int, perturb: bool = True) -> list:
    from govdocparse.model import ParseResult

    rng = random.Random(seed)
    pool = _pool()
    groups = _synonym_groups()
    results = []
    for n in range(places):
        place = f"第{n}区"
        chosen = [
            rng.choice(spellings) for spellings in rng.sample(pool, min(per_place, len(pool)))
        ]
        indicators = []
        for i, item in enumerate(chosen):
            table = f"d1-t{1 + i % 2}" if i < per_place * 0.8 else None
            # perturbed or not, the generator draws the same numbers: both runs pick the same rows
            variant = _perturb(item["name"], item["unit"], place, rng, groups)
            indicators.append(
                {
                    "id": f"d1-i{i}",
                    "source": "table" if table else "prose",
                    "name_raw": item["name"],
                    "name": variant if perturb else item["name"],
                    "unit": item["unit"] if table else None,
                    "targets": item["targets"],
                    "table_id": table,
                    "provenance": {"file": f"{place}.txt"},
                }
            )
        results.append(
            ParseResult.model_validate(
                {
                    "parser_version": "bench",
                    "source": {"path": f"{place}.txt", "format": "txt", "sha256": "0" * 64},
                    "documents": [
                        {
                            "id": "d1",
                            "kind": "plan",
                            "title": f"{place}儿童发展规划",
                            "metadata": {"place": place},
                            "tables": [
                                {
                                    "id": "d1-t1",
                                    "label": "专栏1",
                                    "provenance": {"file": f"{place}.txt"},
                                },
                                {
                                    "id": "d1-t2",
                                    "label": "专栏2",
                                    "provenance": {"file": f"{place}.txt"},
                                },
                            ],
                            "indicators": indicators,
                        }
                    ],
                }
            )
        )
    return results


def _agreement(perturbed, plain) -> tuple[float, float]:
    """Pairwise precision and recall of the perturbed run against the run on unperturbed names:
    how much spelling variation alone changes the clusters (slips of a character are meant to)."""

    def comb(n: int) -> int:
        return n * (n - 1) // 2

    def labels(crosswalk) -> dict:
        return {
            (m.place, m.indicator_id, m.part): c.id for c in crosswalk.clusters for m in c.members
        }

    a, b = labels(perturbed), labels(plain)
    cells: Counter[tuple[str, str]] = Counter()
    rows: Counter[str] = Counter()
    cols: Counter[str] = Counter()
    for member, cluster in a.items():
        cells[(cluster, b[member])] += 1
        rows[cluster] += 1
        cols[b[member]] += 1
    both = sum(comb(n) for n in cells.values())
    found, wanted = sum(comb(n) for n in rows.values()), sum(comb(n) for n in cols.values())
    return both / found if found else 1.0, both / wanted if wanted else 1.0


def run_one(places: int, per_place: int, seed: int) -> dict:
    from govdocparse.crosswalk import build_crosswalk

    results = synthetic_results(places, per_place, seed)
    start = time.perf_counter()
    crosswalk = build_crosswalk(results)
    seconds = time.perf_counter() - start
    # Linux reports ru_maxrss in KiB; read it before the second run below
    peak = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    precision, recall = _agreement(
        crosswalk, build_crosswalk(synthetic_results(places, per_place, seed, perturb=False))
    )
    members = crosswalk.stats["members"]
    return {
        "places": places,
        "members": members,
        "names": crosswalk.stats["names"],
        "comparisons": crosswalk.stats["comparisons"],
        "all_pairs": members * (members - 1) // 2,
        "clusters": len(crosswalk.clusters),
        "seconds": round(seconds, 2),
        "peak_mib": peak,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
    }


class _Timed:
    """Wraps an iterator and adds up the wall and CPU time spent inside it (loading a stream)."""

    def __init__(self, items: Iterable):
        self.items = iter(items)
        self.seconds = self.cpu = 0.0

    def __iter__(self) -> Iterator:
        while True:
            started, cpu = time.perf_counter(), time.process_time()
            try:
                item = next(self.items)
            except StopIteration:
                return
            finally:
                self.seconds += time.perf_counter() - started
                self.cpu += time.process_time() - cpu
            yield item


def _fingerprint(crosswalk) -> str:
    """The clusters' members, names and evidence, as a digest: equal runs, equal digests."""
    text = json.dumps(
        [
            [
                c.id,
                c.name,
                [(m.source_file, m.indicator_id, m.part) for m in c.members],
                [(e.a, e.b, e.rule) for e in c.evidence],
            ]
            for c in crosswalk.clusters
        ],
        ensure_ascii=False,
    )
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def run_loader(folder: str, loader: str) -> dict:
    """One crosswalk over the records of `folder`, loaded the `loader` way (old or new)."""
    from govdocparse.crosswalk import build_crosswalk, load_parsed, to_json

    started, cpu = time.perf_counter(), time.process_time()
    if loader == "old":
        stream = _Timed(load_parsed(folder) for _ in range(1))  # timed while it loads
        [results] = list(stream)
        crosswalk = build_crosswalk(results)
    else:
        from govdocparse.crosswalk import read_for_crosswalk

        skipped: list[str] = []
        stream = _Timed(read_for_crosswalk(folder, skipped))
        crosswalk = build_crosswalk(stream)
    total, total_cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    clusters = _fingerprint(crosswalk)
    with tempfile.TemporaryDirectory(prefix="govdocparse-bench-") as folder:
        written = time.perf_counter()
        to_json(crosswalk, Path(folder) / "crosswalk.json")
        write_s = time.perf_counter() - written
    return {
        "loader": loader,
        "members": crosswalk.stats["members"],
        "places": len(crosswalk.places),
        "load_s": round(stream.seconds, 1),
        "load_cpu_s": round(stream.cpu, 1),
        "crosswalk_s": round(total - stream.seconds, 1),
        "crosswalk_cpu_s": round(total_cpu - stream.cpu, 1),
        "total_s": round(total, 1),
        "peak_mib": round(peak),
        "write_s": round(write_s, 1),
        "written_peak_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "clusters": clusters,
    }


def compare_loaders(parsed: Path, sizes: list[int], loaders: list[str]) -> None:
    files = sorted(p for p in parsed.rglob("*.json") if not p.name.startswith("."))
    columns = ["files", "MB", "loader", "members", "places", "load_s", "load_cpu_s"]
    columns += ["crosswalk_s", "crosswalk_cpu_s", "total_s", "peak_mib", "write_s"]
    columns += ["written_peak_mib", "clusters"]
    print("  ".join(f"{c:>11}" for c in columns), flush=True)
    for size in sizes:
        chosen = files[:size]
        megabytes = sum(p.stat().st_size for p in chosen) / 1e6
        work = Path(tempfile.mkdtemp(prefix="govdocparse-bench-"))
        try:
            for n, path in enumerate(chosen):
                (work / f"{n:06d}-{path.name}").symlink_to(path.resolve())
            for loader in loaders:
                run = subprocess.run(
                    [sys.executable, __file__, "--loader", loader, "--parsed", str(work)],
                    capture_output=True,
                    text=True,
                )
                if run.returncode:
                    print(f"{len(chosen):>11}  {loader}: failed: {run.stderr.strip()[-300:]}")
                    continue
                row = json.loads(run.stdout.strip().splitlines()[-1])
                row |= {"files": len(chosen), "MB": f"{megabytes:.0f}"}
                print("  ".join(f"{row[c]!s:>11}" for c in columns), flush=True)
        finally:
            shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--places", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--per-place", type=int, default=100)
    parser.add_argument("--seed", type=int, default=20240101)
    parser.add_argument("--parsed", type=Path, help="compare the loaders on this record folder")
    parser.add_argument("--files", type=int, nargs="+", default=[1000, 2000])
    parser.add_argument("--loaders", nargs="+", choices=["old", "new"], default=["old", "new"])
    # internal: run one size or one loader in this process, print JSON
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--loader", choices=["old", "new"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.one is not None:
        print(json.dumps(run_one(args.one, args.per_place, args.seed)))
        return 0
    if args.loader is not None:
        print(json.dumps(run_loader(str(args.parsed), args.loader)))
        return 0
    if args.parsed is not None:
        compare_loaders(args.parsed, args.files, args.loaders)
        return 0

    columns = [
        "places",
        "members",
        "names",
        "comparisons",
        "all_pairs",
        "clusters",
        "seconds",
        "peak_mib",
        "precision",
        "recall",
    ]
    print("  ".join(f"{c:>12}" for c in columns))
    for places in args.places:
        run = subprocess.run(
            [
                sys.executable,
                __file__,
                "--one",
                str(places),
                "--per-place",
                str(args.per_place),
                "--seed",
                str(args.seed),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        row = json.loads(run.stdout.strip().splitlines()[-1])
        print("  ".join(f"{row[c]:>12}" for c in columns), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
