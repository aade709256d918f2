"""Writing a crosswalk as JSON (for tools) and CSV (one row per member, for spreadsheets).

Each writer returns the text, or, given a path, writes it there atomically a cluster at a time
(and returns None): the JSON of ten thousand plans is over a gigabyte, and holding it as one
string would take more memory than the crosswalk itself.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import overload

from ..model import Target
from ..output import write_atomic
from .model import Cluster, Crosswalk, Member

CSV_COLUMNS = [
    "cluster_id",
    "cluster_name",
    "cluster_score",
    "place",
    "document_id",
    "indicator_id",
    "table",
    "name",
    "unit",
    "targets",
    "actual",
    "source_file",
    "joined_by",
]


@overload
def written(pieces: Iterable[str], path: None) -> str: ...
@overload
def written(pieces: Iterable[str], path: str | Path) -> None: ...
def written(pieces: Iterable[str], path: str | Path | None) -> str | None:
    """The text of `pieces`, or None once they are written to `path`."""
    if path is None:
        return "".join(pieces)
    write_atomic(path, pieces)
    return None


@overload
def to_json(crosswalk: Crosswalk, path: None = None) -> str: ...
@overload
def to_json(crosswalk: Crosswalk, path: str | Path) -> None: ...
def to_json(crosswalk: Crosswalk, path: str | Path | None = None) -> str | None:
    return written(_json_pieces(crosswalk), path)


def _json_pieces(crosswalk: Crosswalk) -> Iterator[str]:
    """`crosswalk.model_dump_json(indent=1)` and a newline, a cluster at a time: the text
    around an empty cluster list, and each cluster indented to its depth in between (a JSON
    string holds no newline, so indenting every line is safe)."""
    frame = crosswalk.model_copy(update={"clusters": []}).model_dump_json(indent=1) + "\n"
    if not crosswalk.clusters:
        yield frame
        return
    opening = '{\n "clusters": ['  # the first field of a Crosswalk, "[]" in the frame
    yield opening
    for n, cluster in enumerate(crosswalk.clusters):
        text = cluster.model_dump_json(indent=1).replace("\n", "\n  ")
        yield ("\n  " if n == 0 else ",\n  ") + text
    yield "\n ]" + frame[len(opening) + 1 :]


def targets_text(targets: list[Target]) -> str:
    """Targets as written; labels are kept only when two targets of a row differ (市规划 vs 区)."""
    raws = [t.raw.strip() for t in targets if t.raw.strip()]
    if len(set(raws)) <= 1:
        return raws[0] if raws else ""
    return "; ".join(f"{t.label} {t.raw.strip()}" for t in targets if t.raw.strip())


def joined_by(cluster: Cluster, index: int) -> str:
    """The rule that brought member `index` into its cluster ("" for the first member)."""
    for evidence in cluster.evidence:
        if index in (evidence.a, evidence.b):
            return evidence.rule
    return ""


def _member_row(cluster: Cluster, index: int, member: Member) -> list[str]:
    return [
        cluster.id,
        cluster.name,
        f"{cluster.score:g}",
        member.place,
        member.document_id,
        member.indicator_id,
        member.table_label or "",
        member.name,
        member.unit or "",
        targets_text(member.targets),
        member.actual.raw if member.actual else "",
        member.source_file,
        joined_by(cluster, index),
    ]


@overload
def to_csv(crosswalk: Crosswalk, path: None = None) -> str: ...
@overload
def to_csv(crosswalk: Crosswalk, path: str | Path) -> None: ...
def to_csv(crosswalk: Crosswalk, path: str | Path | None = None) -> str | None:
    return written(_csv_pieces(crosswalk), path)


def _csv_pieces(crosswalk: Crosswalk) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for cluster in crosswalk.clusters:
        for index, member in enumerate(cluster.members):
            writer.writerow(_member_row(cluster, index, member))
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()
