"""Writing a crosswalk as JSON (for tools) and CSV (one row per member, for spreadsheets).

Each writer returns the text and also writes it, atomically, when given a path.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

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


def _written(text: str, path: str | Path | None) -> str:
    if path is not None:
        write_atomic(path, text)
    return text


def to_json(crosswalk: Crosswalk, path: str | Path | None = None) -> str:
    return _written(crosswalk.model_dump_json(indent=1) + "\n", path)


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


def to_csv(crosswalk: Crosswalk, path: str | Path | None = None) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for cluster in crosswalk.clusters:
        for index, member in enumerate(cluster.members):
            writer.writerow(_member_row(cluster, index, member))
    return _written(buffer.getvalue(), path)
