"""The crosswalk as a readable matrix: one row per measure, one column per place.

By default only measures found in at least two places are rows (`min_places`; 1 shows every
measure: at a thousand places the measures of one plan alone make most of the rows). At that
scale one page of every place is no longer read by anyone (4,818 places wrote 325 MB): `places`
draws the page for the places a reader compares, rows and colours counted among them only.
A cell shows the target as the plan writes it (and a table's past result next to it). Colours,
all explained in the page's legend: a place whose target states the same value as the most
common target of the row (stated by two places or more) agrees, one stating another value
differs, the one place of a row stating a target has nothing to agree with, a place with the
measure but no target and a place without the measure are greys. Values are compared, the
wording around them is not: 100 and 保持100% agree (the direction word is shown, not compared),
≥93 and ＞93 do not. The page is a single self-contained file: inline CSS, no script, no
external assets.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from html import escape
from pathlib import Path
from typing import overload

from ..errors import UsageError
from ..model import Target, TargetAtom
from ..textutil import fold, squash_spaces
from .model import Cluster, Crosswalk, Member
from .report import targets_text, written

_CSS = """
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 1.5em; color: #222; }
h1 { font-size: 1.3em; }
p.legend span { display: inline-block; padding: .1em .6em; margin: 0 .5em .3em 0;
  border: 1px solid #ccc; }
table { border-collapse: collapse; font-size: .9em; }
th, td { border: 1px solid #ccc; padding: .3em .5em; vertical-align: top; }
thead th { position: sticky; top: 0; background: #f4f4f4; }
th.measure { text-align: left; font-weight: normal; min-width: 14em; }
th.measure small { color: #777; display: block; }
td .entry { display: block; white-space: nowrap; }
td .where { color: #777; font-size: .85em; margin-right: .3em; }
td .actual { color: #555; font-size: .85em; }
.agree { background: #e3f4e1; }
.differ { background: #fde9c8; }
.only { background: #ffffff; }
.notarget { background: #f7f7f7; color: #555; }
.missing { background: #e9e9e9; }
"""


def _signature(target: Target) -> tuple:
    """What a target states, for comparing places: what each atom states, or the target's text
    when it has no atoms. Units are not compared (a table states its unit in its own column,
    prose after the number)."""
    if not target.atoms:
        return (squash_spaces(fold(target.raw)),)
    return tuple(_atom_signature(atom) for atom in target.atoms)


def _atom_signature(atom: TargetAtom) -> tuple:
    """A level is its operator and value(s): a direction word around it (保持100%) is shown, not
    compared. A change (下降18%) is its size and direction; a target without a number is its
    direction or what it is measured against (逐年提高, 高于全市平均水平), else its words."""
    if atom.value is None:
        if atom.direction or atom.reference:
            return (atom.op, atom.change, atom.direction, atom.reference)
        return (atom.op, squash_spaces(fold(atom.raw)))
    direction = atom.direction if atom.change else None
    return (atom.op, atom.value, atom.value_max, atom.change, direction, atom.reference)


def _principal(members: list[Member]) -> Target | None:
    """A place's target to compare: the latest year's, and of a row's columns the last (the
    place's own: 开州区2030年目标值 after 市规划2030年目标值)."""
    targets = [t for m in members for t in m.targets if t.raw.strip()]
    if not targets:
        return None
    latest = max((t.year or 0) for t in targets)
    return [t for t in targets if (t.year or 0) == latest][-1]


def _by_place(cluster: Cluster, places: frozenset[str]) -> dict[str, list[Member]]:
    by_place: dict[str, list[Member]] = {}
    for member in cluster.members:
        if member.place in places:
            by_place.setdefault(member.place, []).append(member)
    return by_place


def _cell_classes(by_place: dict[str, list[Member]], places: list[str]) -> dict[str, str]:
    signatures = {}
    for place, members in by_place.items():
        target = _principal(members)
        if target is not None:
            signatures[place] = _signature(target)
    common = Counter(signatures.values()).most_common(1)
    modal, count = common[0] if common else (None, 0)
    classes = {}
    for place in places:
        if place not in by_place:
            classes[place] = "missing"
        elif place not in signatures:
            classes[place] = "notarget"
        elif len(signatures) < 2:
            classes[place] = "only"
        else:
            classes[place] = "agree" if count >= 2 and signatures[place] == modal else "differ"
    return classes


def _entry(member: Member) -> str:
    where = member.table_label or ("正文" if member.source == "prose" else "")
    years = sorted({t.year for t in member.targets if t.year})
    if years:
        where = f"{where} {years[-1]}".strip()
    text = escape(targets_text(member.targets)) or "—"
    actual = ""
    if member.actual is not None:
        year = f"{member.actual.year}" if member.actual.year else ""
        actual = f' <span class="actual">({escape(year)}完成 {escape(member.actual.raw)})</span>'
    title = escape(f"{member.name} · {member.source_file} · {member.indicator_id}")
    where = f'<span class="where">{escape(where)}</span>'
    return f'<span class="entry" title="{title}">{where}{text}{actual}</span>'


def _row(cluster: Cluster, places: list[str], by_place: dict[str, list[Member]]) -> str:
    classes = _cell_classes(by_place, places)
    rules = sorted({e.rule for e in cluster.evidence})
    names = sorted({m.name for m in cluster.members} - {cluster.name})
    detail = " · ".join(
        filter(
            None,
            [
                f"{len(cluster.places)} places, score {cluster.score:g}",
                ("also: " + "、".join(names)) if names else "",
            ],
        )
    )
    cells = [
        f'<th class="measure" title="{escape(" | ".join(rules))}">{escape(cluster.name)}'
        f"<small>{escape(detail)}</small></th>"
    ]
    for place in places:
        entries = "".join(_entry(m) for m in by_place.get(place, ()))
        cells.append(f'<td class="{classes[place]}">{entries}</td>')
    return "<tr>" + "".join(cells) + "</tr>"


# Every class a cell can have, as the legend explains it.
LEGEND = {
    "agree": "states the same value as the most common target of the row",
    "differ": "states another value",
    "only": "the only place stating a target for the measure",
    "notarget": "has the measure without a target",
    "missing": "does not have the measure",
}


@overload
def to_html(
    crosswalk: Crosswalk,
    path: None = None,
    title: str = ...,
    min_places: int = ...,
    places: Sequence[str] | None = ...,
) -> str: ...
@overload
def to_html(
    crosswalk: Crosswalk,
    path: str | Path,
    title: str = ...,
    min_places: int = ...,
    places: Sequence[str] | None = ...,
) -> None: ...
def to_html(
    crosswalk: Crosswalk,
    path: str | Path | None = None,
    title: str = "Indicator crosswalk",
    min_places: int = 2,
    places: Sequence[str] | None = None,
) -> str | None:
    """The matrix page of the measures found in at least `min_places` places (1: all); given a
    path, written there a row at a time (see report.py). `places` (as `chosen_places` reads
    them) are the columns, every place when None: a row is then a measure found in at least
    `min_places` of them, its colours comparing their targets only."""
    return written(_page(crosswalk, title, min_places, places), path)


def chosen_places(crosswalk: Crosswalk, wanted: Sequence[str]) -> list[str]:
    """The crosswalk's places a reader names, in the order named: each name as the records
    write it (开州区) or the one place whose name contains it (开州); UsageError naming the
    first that matches no place or several."""
    known = crosswalk.places
    chosen: list[str] = []
    for name in wanted:
        name = name.strip()
        found = [name] if name in known else [p for p in known if name and name in p]
        if len(found) != 1:
            shown = "、".join(found[:5]) if found else "、".join(known[:5])
            problem = "names several places" if found else "is no place of these records"
            raise UsageError(None, f"--html-places: {name} {problem} ({shown}…)")
        if found[0] not in chosen:
            chosen.append(found[0])
    return chosen


def _page(
    crosswalk: Crosswalk, title: str, min_places: int, chosen: Sequence[str] | None
) -> Iterator[str]:
    places = list(chosen or crosswalk.places)
    if not places:
        places = sorted({m.place for c in crosswalk.clusters for m in c.members})
    scope_places = frozenset(places)
    head = "".join(f"<th>{escape(p)}</th>" for p in places)
    shown = [
        (cluster, by_place)
        for cluster in crosswalk.clusters
        if len(by_place := _by_place(cluster, scope_places)) >= min_places
    ]
    legend = "".join(f'<span class="{name}">{escape(text)}</span>' for name, text in LEGEND.items())
    among = f"of the {len(places)} places shown" if chosen else "places"
    if min_places > 1:
        scope = (
            f"{len(shown)} of {len(crosswalk.clusters)} measures: those found in at least "
            f"{min_places} {among} (govdocparse crosswalk --min-places 1 shows every measure)."
        )
    elif chosen:
        scope = f"{len(shown)} of {len(crosswalk.clusters)} measures: those found in {among}."
    else:
        scope = f"All {len(crosswalk.clusters)} measures."
    yield (
        '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>"
        f"<h1>{escape(title)}</h1><p>{escape(scope)} Values are compared, not their wording: "
        "100 and 保持100% agree.</p>"
        f'<p class="legend">{legend}</p>'
        f"<table><thead><tr><th>measure</th>{head}</tr></thead><tbody>\n"
    )
    for n, (cluster, by_place) in enumerate(shown):
        yield ("\n" if n else "") + _row(cluster, places, by_place)
    yield "\n</tbody></table></body></html>\n"
