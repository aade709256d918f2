"""Finds who is responsible for a task: bracketed 责任单位/牵头单位 clauses and table cells.

Plans name the units carrying out a task in a clause that closes the task's paragraph,
（责任单位：区教委、区财政局，各镇乡街道） or (牵头单位:区卫健委,参与单位:区教委、区市场监管局),
or in a 责任单位 / 市指导部门 / 牵头单位 column of an annex table. This module locates the
clauses and splits them into lead and participating unit names as written (each list is read
by `extract.agency_lists`, which also notes the 按职责分工负责 remark). Names are not
canonicalised here (see `extract.agencies`); the clause keywords are data in
`grammars/responsibilities.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..grammar import alternation, load
from ..textutil import squash_spaces
from .agency_lists import CLOSERS, OPENERS, pieces, split_agencies

LEAD = "lead"
PARTICIPATING = "participating"

_COLON = r"\s*[：:︰∶]"
_SPLIT_PARTS = re.compile(r"[（()），,；;]")
# A clause missing its closing bracket stops at a paragraph break rather than eating the document.
_CLAUSE_SCAN = re.compile(r"[（()）]|\n[^\S\n]*\n")


@dataclass(slots=True)
class Clause:
    """One responsible-unit clause; `text[start:end] == raw`, brackets included.

    `closed` is False when the source lost the closing bracket and the clause was cut at the
    end of the text, at a blank line or at the next clause.
    """

    kind: str
    start: int
    end: int
    raw: str
    lead: list[str] = field(default_factory=list)
    participating: list[str] = field(default_factory=list)
    by_duty: bool = False
    closed: bool = True


@dataclass(frozen=True, slots=True)
class _Rules:
    roles: dict[str, str]
    opening: re.Pattern[str]
    part_keyword: re.Pattern[str]
    suffix_mark: re.Pattern[str]


@cache
def _rules() -> _Rules:
    grammar = load("responsibilities")
    roles = {word: LEAD for word in grammar["lead"] + grammar["lead_marks"]}
    roles |= {
        word: PARTICIPATING for word in grammar["participating"] + grammar["participating_marks"]
    }
    keywords = alternation(grammar["lead"] + grammar["participating"], spaced=True)
    marks = alternation(grammar["lead_marks"] + grammar["participating_marks"], spaced=True)
    return _Rules(
        roles=roles,
        opening=re.compile(rf"[（(]\s*(?P<kw>{keywords}){_COLON}"),
        part_keyword=re.compile(rf"(?P<kw>{keywords}|{marks}){_COLON}"),
        suffix_mark=re.compile(rf"(?P<mark>{marks})(?:负\s*责)?\s*$"),
    )


def _parts(text: str, first_role: str) -> tuple[list[str], list[str], bool]:
    """Lead and participating names of `text`, whose keywords (参与单位：…) switch the role."""
    rules = _rules()
    found: dict[str, list[str]] = {LEAD: [], PARTICIPATING: []}
    by_duty = False
    role, position = first_role, 0
    for keyword in rules.part_keyword.finditer(text):
        names, remark = split_agencies(text[position : keyword.start()])
        found[role] += names
        by_duty |= remark
        role, position = rules.roles[squash_spaces(keyword["kw"])], keyword.end()
    names, remark = split_agencies(text[position:])
    found[role] += names
    return found[LEAD], found[PARTICIPATING], by_duty or remark


def _clause_end(text: str, body_start: int, limit: int) -> tuple[int, int, bool]:
    """(end of the unit list, end of the clause, closed) for a clause whose list starts at
    `body_start`."""
    depth = 1
    for token in _CLAUSE_SCAN.finditer(text, body_start, limit):
        char = token.group()
        if char in OPENERS:
            depth += 1
        elif char in CLOSERS:
            depth -= 1
            if depth == 0:
                return token.start(), token.end(), True
        else:
            limit = token.start()
            break
    end = limit
    while end > body_start and text[end - 1].isspace():
        end -= 1
    return end, end, False


def find_clauses(text: str) -> list[Clause]:
    """Every bracketed responsible-unit clause of `text`, in order, never overlapping.

    A clause is an opening bracket (either width), a keyword of the grammar and a colon, then
    the unit list up to the matching closing bracket. `kind` is the first keyword; later
    keywords (参与单位:, 配合单位:) assign the units after them to their role.
    """
    rules = _rules()
    openings = list(rules.opening.finditer(text))
    clauses: list[Clause] = []
    for index, opening in enumerate(openings):
        if clauses and opening.start() < clauses[-1].end:
            continue
        limit = openings[index + 1].start() if index + 1 < len(openings) else len(text)
        body_end, end, closed = _clause_end(text, opening.end(), limit)
        kind = squash_spaces(opening["kw"])
        lead, participating, by_duty = _parts(text[opening.end() : body_end], rules.roles[kind])
        clauses.append(
            Clause(
                kind=kind,
                start=opening.start(),
                end=end,
                raw=text[opening.start() : end],
                lead=lead,
                participating=participating,
                by_duty=by_duty,
                closed=closed,
            )
        )
    return clauses


def parse_responsibility_cell(text: str) -> tuple[list[str], list[str], bool]:
    """(lead, participating, by_duty) of a 责任单位 / 市指导部门 / 牵头单位 table cell.

    The whole cell is the lead list unless it labels roles, either with keywords
    (牵头单位：…；配合单位：…, 牵头：…) or with verbs closing comma-separated groups
    (市教育局牵头，市财政局、市民政局配合); an unlabelled group is then lead.
    """
    rules = _rules()
    if rules.part_keyword.search(text):
        return _parts(text, LEAD)
    groups = pieces(text, _SPLIT_PARTS)
    marks = [rules.suffix_mark.search(group) for group in groups]
    if not any(marks):
        names, by_duty = split_agencies(text)
        return names, [], by_duty
    found: dict[str, list[str]] = {LEAD: [], PARTICIPATING: []}
    by_duty = False
    for group, mark in zip(groups, marks, strict=True):
        role = rules.roles[squash_spaces(mark["mark"])] if mark else LEAD
        names, remark = split_agencies(group[: mark.start()] if mark else group)
        found[role] += names
        by_duty |= remark
    return found[LEAD], found[PARTICIPATING], by_duty
