"""Crosswalk: which indicators of different plans measure the same thing.

    results = load_parsed("corpus/parsed")  # whole records; or, lean and streamed:
    crosswalk = build_crosswalk(results)  # build_crosswalk(read_for_crosswalk(path, skipped))
    to_json(crosswalk, "crosswalk.json")
    to_csv(crosswalk, "crosswalk.csv")
    to_html(crosswalk, "crosswalk.html")

Importing this package is cheap: jieba is loaded on the first comparison, not here.
"""

from .cluster import build_crosswalk
from .html import to_html
from .load import load_parsed, read_for_crosswalk
from .matcher import Link, Matcher
from .model import Cluster, Crosswalk, Evidence, Member
from .names import NameForm, read_name
from .report import to_csv, to_json

__all__ = [
    "Cluster",
    "Crosswalk",
    "Evidence",
    "Link",
    "Matcher",
    "Member",
    "NameForm",
    "build_crosswalk",
    "load_parsed",
    "read_for_crosswalk",
    "read_name",
    "to_csv",
    "to_html",
    "to_json",
]
