"""Finds who is responsible for a task: responsible-unit clauses in the text and table cells.

Plans name the units carrying out a task in a clause that closes the task's paragraph or heads
it, in six forms (grammars/responsibilities.yaml lists them with real examples):
- a keyword clause in brackets: （责任单位：区教育局、区财政局，各镇乡街道）,
  (牵头单位:区卫健委,参与单位:区教委), 【责任单位：县教育局】;
- a keyword clause without brackets at the head of a paragraph or line, or after the full stop
  of a task title: 责任单位：县民政局、县教育局; 【牵头单位】市民政局【配合单位】市财政局;
- a verb clause in brackets: （县卫健委、县教育局按职责分工负责）, （省卫生健康委牵头）,
  （市妇儿工委办公室牵头，各成员单位按职责分工负责）, （由市教育局负责）;
- a 由-clause closing a task: ……，由市教育局负责;
- lead and partners opening a sentence or its second half: 市教育局牵头，市财政局配合，…;
  ……，市卫生健康委牵头，市民政局配合，做好…;
- units doing their part by duty in prose: ……，市卫生健康委、市教育局按职责做好….
and in a 责任单位 / 牵头单位 / 配合单位 column of an annex table. This module locates the clauses
and splits them into lead and participating unit names as written (each list is read by
`extract.agency_lists`, which also notes the 按职责分工负责 remark). A verb clause has no keyword
to vouch for it, so it counts only when every name in it looks like a unit. Names are not
canonicalised here (see `extract.agencies`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ..grammar import alternation, load_typed
from ..grammar_schema import ResponsibilitiesGrammar
from ..textutil import squash_spaces
from .agency_lists import pieces, split_agencies

LEAD = "lead"
PARTICIPATING = "participating"

# 【】 bracket a clause too (【责任单位：县教育局】); only round brackets nest inside unit names.
_OPENERS = "（(【"
_CLOSERS = "）)】"
_COLON = r"\s*[：:︰∶]"
_SPLIT_PARTS = re.compile(r"[（()），,；;]")
# where a sentence of its own starts (after the one before, or at a line's head)
_SENTENCE_ENDS = ("\n", "。", "；", ";")
# A clause missing its closing bracket stops at a paragraph break rather than eating the document.
_CLAUSE_SCAN = re.compile(r"[（()）【】]|\n[^\S\n]*\n")
_ROUND = re.compile(r"[（()）]")
_MARK_ENDS = ("）", ")", "〕", "]", "】")
_TRAILING_BRACKET = re.compile(r"[（(][^（）()]*[）)]$")
# Where a clause without brackets may start: the head of the text or of a line, or after the
# full stop of a task title.
_HEAD = r"(?:^|(?<=[\n。]))[^\S\n]*"


@dataclass(slots=True)
class Clause:
    """One responsible-unit clause; `text[start:end] == raw`, brackets included.

    `kind` is the keyword as written (责任单位, 牵头单位), or for a clause without one the verb
    that gives the first role (牵头, 负责, 按职责分工负责). `closed` is False when the source lost
    the closing bracket and the clause was cut at the end of the text, at a blank line or at the
    next clause.
    """

    kind: str
    start: int
    end: int
    raw: str
    lead: list[str] = field(default_factory=list)
    participating: list[str] = field(default_factory=list)
    by_duty: bool = False
    closed: bool = True
    # the clause itself says which of its units leads (…，排在第一位的为牵头单位)
    noted: bool = False


@dataclass(frozen=True, slots=True)
class _Rules:
    roles: dict[str, str]
    with_the_lead: frozenset[str]
    role_word: re.Pattern[str]
    # what every clause form needs (`find_clauses`): a keyword, a role verb or 按职责分工负责
    clause_needs: re.Pattern[str]
    opening: re.Pattern[str]
    bare_opening: re.Pattern[str]
    part_keyword: re.Pattern[str]
    bare_end: re.Pattern[str]
    list_end: re.Pattern[str]
    suffix_mark: re.Pattern[str]
    mark_then_dun: re.Pattern[str]
    by_duty: re.Pattern[str]
    by: re.Pattern[str]
    by_clause: re.Pattern[str]
    head_clause: re.Pattern[str]
    sole_clause: re.Pattern[str]
    sole_end: re.Pattern[str]
    duty_clause: re.Pattern[str]
    jointly: re.Pattern[str]
    trailing: re.Pattern[str]
    unit: re.Pattern[str]
    collective: re.Pattern[str]
    unit_max: int
    bare_list_kind: str
    # a bracket closing its line, opening with a level of government: a bare list of units?
    bare_list: re.Pattern[str]
    bare_list_start: re.Pattern[str]
    deadline: re.Pattern[str]
    first_leads: re.Pattern[str]
    standing: frozenset[str]
    marked_role: re.Pattern[str]
    named_lead: re.Pattern[str]
    lead_keywords: frozenset[str]


@cache
def _rules() -> _Rules:
    grammar = load_typed("responsibilities", ResponsibilitiesGrammar)
    roles = {word: LEAD for word in grammar.lead + grammar.lead_marks}
    roles |= {word: PARTICIPATING for word in grammar.participating + grammar.participating_marks}
    keywords = alternation(grammar.lead + grammar.participating, spaced=True)
    marks = alternation(grammar.lead_marks + grammar.participating_marks, spaced=True)
    by_duty = alternation(grammar.by_duty, spaced=True)
    by_duty_prose = alternation(grammar.by_duty_prose, spaced=True)
    by = alternation(grammar.by, spaced=True)
    # 【牵头单位】 and, on web copies, [牵头单位]
    boxed = rf"(?P<box>[【\[])\s*(?P<boxed>{keywords})\s*[】\]]"
    endings = alternation(grammar.unit_endings)
    # a label naming no role: 完成时限：, 督办单位：, 责任领导：, 牵头领导： (a role word opening a
    # longer label is no role)
    other_label = rf"(?!(?:{keywords}|{marks}){_COLON})[^\s、，,；;：:。（）()【】]{{2,8}}{_COLON}"
    return _Rules(
        roles=roles,
        with_the_lead=frozenset(grammar.with_the_lead),
        role_word=re.compile(f"{keywords}|{marks}"),
        clause_needs=re.compile(f"{keywords}|{marks}|{by_duty}|{by_duty_prose}"),
        # (责任领导：张某某；牵头单位：…): a field naming no role may come first in the brackets;
        # a bare role verb may label the list as a keyword does (（牵头：县委宣传部；配合：…）)
        opening=re.compile(
            rf"[（(【]\s*(?:{other_label}[^（）()【】：:；;\n]{{1,20}}[；;，,]\s*)?"
            rf"(?:(?P<kw>{keywords})|(?P<verb>{marks})){_COLON}"
        ),
        bare_opening=re.compile(rf"{_HEAD}(?:(?P<kw>{keywords}){_COLON}|{boxed})", re.MULTILINE),
        part_keyword=re.compile(rf"(?P<kw>{keywords}|{marks}){_COLON}|{boxed}"),
        # A list without brackets runs to the end of its sentence or line, or to a label that
        # names no role (完成时限：2023年底).
        bare_end=re.compile(rf"[。\n]|[；;，,\s]+{other_label}"),
        # …；完成时限：2025年底）: the list in brackets stops there too
        list_end=re.compile(rf"[；;，,\s]+{other_label}"),
        # 县教育局牵头负责, and 县教育局负责牵头 / 县财政局负责配合
        suffix_mark=re.compile(rf"(?:负\s*责)?(?P<mark>{marks})(?:负\s*责)?\s*$"),
        # 区教育局牵头、区公安分局配合: a role verb closes its group before a 、 as before a ，
        mark_then_dun=re.compile(rf"(?:{marks})(?:负\s*责)?\s*、"),
        by_duty=re.compile(by_duty),
        # what comes before 由 is the task, not a unit: （该项工作由区教委负责）
        by=re.compile(rf"^.*?(?:{by})"),
        by_clause=re.compile(
            rf"(?:^|(?<=[\n。；;，,]))[^\S\n]*(?:{by})[^。；;\n]*?"
            rf"(?:{marks}|{by_duty})(?:负\s*责)?(?=\s*(?:[。；;]|$))",
            re.MULTILINE,
        ),
        # 区教育局牵头、区公安分局配合，每学期开展…: units that lead and units that take part open
        # the sentence, a comma follows (both groups: a lone 某某负责， is too often a task's own
        # subject, 监测组由…牵头负责); or they open its second half after the task, its end or a
        # comma after them (…纳入发展规划，市卫生健康委牵头，市民政局配合，做好政策落实。)
        # (由市卫健局牵头，…配合，2025年底前完成: 由 may open it, a deadline follow it)
        head_clause=re.compile(
            rf"(?:^|(?<=[\n。；;，,]))[^\S\n]*(?:{by})?[^，,。；;\n（）()由]{{2,40}}?"
            rf"(?:{alternation(grammar.lead_marks, spaced=True)})"
            rf"[、，,][^，,。；;\n（）()]{{2,40}}?"
            rf"(?:{alternation(grammar.participating_marks, spaced=True)})(?=[，,。；;])",
            re.MULTILINE,
        ),
        # 县文旅局、县教育局、团县委负责。: a sentence of its own naming units and their lead verb
        # only, after a task title (a county 实施方案's numbered tasks), its full stop written (a
        # table cell's 市教育局、市公安局等按职责分工负责 is read as a cell); after a comma it is
        # too often the task's own subject
        # (found from its end: a lead verb before the full stop is rare, sentence starts are not)
        sole_clause=re.compile(
            rf"[^\S\n]*[^，,。；;\n（）()由]{{2,80}}?"
            rf"(?:{alternation(grammar.lead_marks, spaced=True)})(?=\s*[。；;])"
        ),
        sole_end=re.compile(rf"(?:{alternation(grammar.lead_marks, spaced=True)})(?=\s*[。；;])"),
        # 市卫生健康委、市教育局按职责做好…: units doing their part by duty, opening a sentence
        # or a part of it, their task after the remark
        duty_clause=re.compile(
            rf"(?:^|(?<=[\n。；;，,]))[ \u3000]*(?P<units>[^，,。；;\s（）()由]{{2,40}}?)"
            rf"(?P<verb>{by_duty_prose})",
            re.MULTILINE,
        ),
        jointly=re.compile(alternation(grammar.jointly, spaced=True)),
        trailing=re.compile(rf"(?:\s|[。．.：:]|{alternation(grammar.trailing, spaced=True)})+$"),
        unit=re.compile(rf"(?:{endings})$"),
        collective=re.compile(
            rf"^(?:{alternation(grammar.collective_prefixes)})"
            rf".*(?:{alternation(grammar.unit_endings + grammar.collective_endings)})$"
        ),
        unit_max=grammar.unit_max_chars,
        bare_list_kind=grammar.bare_list_kind,
        bare_list=re.compile(
            rf"[（(](?:{alternation(grammar.bare_list_starts)})[^（）()]*(?:[（(][^（）()]*[）)][^（）()]*)*"
            rf"[）)][^\S\n]*[。；;]?[^\S\n]*$",
            re.MULTILINE,
        ),
        bare_list_start=re.compile(f"^(?:{alternation(grammar.bare_list_starts)})"),
        deadline=re.compile(grammar.deadline),
        first_leads=re.compile(
            rf"[，,；;\s]*(?:{alternation(grammar.first_positions)})[的者]?(?:单位|部门)?\s*[为是]\s*"
            rf"(?:{alternation(grammar.first_lead_words)})"
            rf"(?:[，,；;]?\s*(?:{alternation(grammar.others_words)})(?:单位|部门)?\s*[为是]\s*"
            rf"(?:{alternation(grammar.participating + grammar.participating_marks)})"
            rf"(?:单位|部门)?)?"
            rf"(?P<standing>[，,；;]?\s*(?:{alternation(grammar.standing)}))?"
        ),
        standing=frozenset(grammar.standing),
        # 市卫健委（牵头）、市医保局: a unit's role in brackets after its name
        marked_role=re.compile(rf"\s*[（(〔\[【]\s*(?P<mark>{keywords}|{marks})\s*[）)〕\]】]$"),
        # （责任单位：县公安局、县教育局，县公安局为牵头单位）: the note names the lead, after a
        # comma or in brackets of its own (责任单位：A、B（A为牵头单位）)
        named_lead=re.compile(
            rf"(?:[，,；;]|[（(])\s*(?P<unit>[^，,；;、：:（）()]{{2,30}}?)\s*[为是]\s*"
            rf"(?:{alternation(grammar.first_lead_words)})\s*[）)]?\s*$"
        ),
        lead_keywords=frozenset(grammar.lead),
    )


@dataclass
class _Found:
    """Names sorted by role while a list is read, and the verb that gave the first role."""

    lead: list[str] = field(default_factory=list)
    participating: list[str] = field(default_factory=list)
    by_duty: bool = False
    verb: str | None = None
    led: bool = False  # a group marked as leading has been read
    marked_leads: list[str] = field(default_factory=list)  # names a lead verb closed
    noted: bool = False  # a note said the first unit leads

    def add(self, role: str, names: list[str]) -> None:
        (self.lead if role == LEAD else self.participating).extend(names)


def _read_groups(text: str, role: str, found: _Found) -> None:
    """Adds the names of `text` to `found`, group by group (groups are cut at ，；).

    A group closed by a role verb takes that role (市教育局牵头，市财政局配合); 由 before it (and
    the task before 由) and 按职责分工负责 after it are dropped. A group without a verb takes
    `role`, except that after a group marked as leading it takes part
    (市妇儿工委办公室牵头，各成员单位按职责分工负责).
    Inside a group, 会同 puts the names after it among those taking part.
    """
    rules = _rules()
    text = rules.mark_then_dun.sub(lambda mark: mark.group()[:-1] + "，", text)
    for group in pieces(text, _SPLIT_PARTS):
        group = rules.by.sub("", group, count=1)
        duty = rules.by_duty.search(group)
        if duty:
            found.by_duty = True
            found.verb = found.verb or squash_spaces(duty.group())
            group = rules.by_duty.sub("、", group)
        group = rules.trailing.sub("", group.strip())
        if group in rules.standing:
            continue  # （责任单位：县教育局，下同）: the same units for the tasks below
        mark = rules.suffix_mark.search(group)
        if mark:
            verb = squash_spaces(mark["mark"])
            own = rules.roles[verb]
            found.verb = found.verb or verb
            group = group[: mark.start()]
        else:
            own = PARTICIPATING if found.led and role == LEAD else role
        first, *others = rules.jointly.split(group, maxsplit=1)
        names = split_agencies(first)[0]
        found.add(own, names)
        if mark and own == LEAD:
            found.marked_leads += names
        if others:
            found.add(PARTICIPATING, split_agencies(others[0])[0])
        found.led |= bool(mark) and own == LEAD


def _parts(text: str, first_role: str) -> _Found:
    """Lead and participating names of `text`, whose keywords (参与单位：…) switch the role."""
    rules = _rules()
    found = _Found()
    note = first_leads_note(text)
    if note is not None:
        found.noted = True
        text = text[: note.start()] + text[note.end() :]
    named = rules.named_lead.search(text) if "为" in text or "是" in text else None
    if named is not None:
        text = text[: named.start()]
    role, position = first_role, 0
    for keyword in rules.part_keyword.finditer(text):
        _read_groups(text[position : keyword.start()], role, found)
        word = squash_spaces(keyword["kw"] or keyword["boxed"])
        role = PARTICIPATING if found.lead and word in rules.with_the_lead else rules.roles[word]
        position = keyword.end()
    _read_groups(text[position:], role, found)
    if found.marked_leads and len(found.marked_leads) < len(found.lead):
        # （责任单位：县妇联、县教育局、团县委，县妇联牵头）: the lead named by its verb leads
        # the units the keyword listed, which take part
        others = [name for name in found.lead if name not in found.marked_leads]
        found.lead = list(dict.fromkeys(found.marked_leads))
        found.participating = list(dict.fromkeys(others + found.participating))
    if found.noted and not found.participating:
        found.lead, found.participating = found.lead[:1], found.lead[1:]
    _read_marked_roles(found, None if named is None else squash_spaces(named["unit"]))
    return found


def _read_marked_roles(found: _Found, named: str | None) -> None:
    """Units whose role is written in brackets after the name (市卫健委（牵头）、市医保局) or
    named by a note closing the list (…，县公安局为牵头单位) take that role; once one is marked
    as leading, the unmarked lead units take part."""
    rules = _rules()
    marks: dict[int, str] = {}
    names = found.lead + found.participating
    for k, name in enumerate(names):
        mark = rules.marked_role.search(name) if name.endswith(_MARK_ENDS) else None
        if mark is not None:
            names[k] = name[: mark.start()]
            marks[k] = rules.roles[squash_spaces(mark["mark"])]
        elif named is not None and squash_spaces(name) == named:
            marks[k] = LEAD
    if named is not None and LEAD not in marks.values():
        names.insert(0, named)  # a lead the list itself does not name
        marks = {0: LEAD} | {k + 1: role for k, role in marks.items()}
    if not marks:
        return
    marked_lead = LEAD in marks.values()
    lead_count = len(found.lead)  # only read when no unit is marked as leading: none was added
    found.lead, found.participating = [], []
    for k, name in enumerate(names):
        role = marks.get(k, PARTICIPATING if marked_lead or k >= lead_count else LEAD)
        found.add(role, [name])


def first_leads_note(text: str) -> re.Match[str] | None:
    """Where `text` says the unit a list names first leads (…，排在第一位的为牵头单位，下同);
    group `standing` holds the word saying the lists below follow it too."""
    # the note names the lead (牵头, 主责, 主要责任单位) and a position word holds 第一, 首 or 前面:
    # most lists and paragraphs have neither
    if "牵头" not in text and "主" not in text:
        return None
    if "第一" not in text and "首" not in text and "前面" not in text:
        return None
    return _rules().first_leads.search(text)


def lead_first(clause: Clause) -> None:
    """The units of a keyword clause naming only leads (责任单位：A、B、C) read as a note above it
    in the document says: the first leads and the others take part."""
    if (
        not clause.noted
        and not clause.participating
        and len(clause.lead) > 1
        and clause.kind in _rules().lead_keywords
    ):
        clause.lead, clause.participating = clause.lead[:1], clause.lead[1:]


def _clause_end(text: str, body_start: int, limit: int) -> tuple[int, int, bool]:
    """(end of the unit list, end of the clause, closed) for a clause whose list starts at
    `body_start`."""
    depth = 1
    for token in _CLAUSE_SCAN.finditer(text, body_start, limit):
        char = token.group()
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS:
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


def _bracketed_keyword_clauses(text: str) -> list[Clause]:
    """（责任单位：…） clauses; one missing its closing bracket ends before the next opening."""
    rules = _rules()
    openings = list(rules.opening.finditer(text))
    clauses: list[Clause] = []
    for index, opening in enumerate(openings):
        if clauses and opening.start() < clauses[-1].end:
            continue
        limit = openings[index + 1].start() if index + 1 < len(openings) else len(text)
        body_end, end, closed = _clause_end(text, opening.end(), limit)
        kind = squash_spaces(opening["kw"] or opening["verb"])
        stop = rules.list_end.search(text, opening.end(), body_end)
        found = _parts(text[opening.end() : stop.start() if stop else body_end], rules.roles[kind])
        if opening["verb"] and not all(map(_looks_like_unit, found.lead + found.participating)):
            continue  # a verb is no keyword: it vouches for units only (（负责：张某某）)
        clauses.append(_clause(text, kind, opening.start(), end, found, closed))
    return clauses


def _bare_keyword_clauses(text: str) -> list[Clause]:
    """责任单位：… at the head of the text or a line, or after a task title's full stop."""
    rules = _rules()
    clauses: list[Clause] = []
    for opening in rules.bare_opening.finditer(text):
        if clauses and opening.start() < clauses[-1].end:
            continue
        start = opening.start("kw") if opening["kw"] else opening.start("box")
        stop = rules.bare_end.search(text, opening.end())
        end = stop.start() if stop else len(text)
        while end > opening.end() and text[end - 1].isspace():
            end -= 1
        kind = squash_spaces(opening["kw"] or opening["boxed"])
        found = _parts(text[opening.end() : end], rules.roles[kind])
        if kind in rules.with_the_lead and _after_a_lead(text, clauses, start, rules):
            # 牵头单位：… on one line, 责任单位：… on the next: one clause split over two lines
            found.participating, found.lead = found.lead + found.participating, []
        clauses.append(_clause(text, kind, start, end, found))
    return clauses


def _after_a_lead(text: str, clauses: list[Clause], start: int, rules: _Rules) -> bool:
    """Whether the clause starting at `start` follows, across nothing but white space, a
    牵头单位-like clause (not itself one of `with_the_lead`) that named lead units."""
    if not clauses or text[clauses[-1].end : start].strip():
        return False
    previous = clauses[-1]
    return bool(previous.lead) and previous.kind not in rules.with_the_lead


def _looks_like_unit(name: str) -> bool:
    rules = _rules()
    # 各乡镇（街道）: the bracket names the same kind of unit
    name = _TRAILING_BRACKET.sub("", squash_spaces(name))
    if not name or len(name) > rules.unit_max or re.search(r"[。！？!?：:]", name):
        return False
    return bool(rules.unit.search(name) or rules.collective.search(name))


def _verb_clause(text: str, start: int, end: int, body: str) -> Clause | None:
    """A clause without a keyword, when its body gives a role verb and names only units."""
    found = _parts(body, LEAD)
    names = found.lead + found.participating
    if found.verb is None or not names or not all(map(_looks_like_unit, names)):
        return None
    return _clause(text, found.verb, start, end, found)


def _bracketed_verb_clauses(text: str) -> list[Clause]:
    """（省卫生健康委牵头）, （县卫健委、县教育局按职责分工负责）, （由市教育局负责）."""
    clauses: list[Clause] = []
    depth, start = 0, 0
    for bracket in _ROUND.finditer(text):
        if bracket.group() in _OPENERS:
            if depth == 0:
                start = bracket.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                clause = _verb_clause(text, start, bracket.end(), text[start + 1 : bracket.start()])
                if clause:
                    clauses.append(clause)
    return clauses


def _by_clauses(text: str) -> list[Clause]:
    """……，由市教育局负责。 — a 由-clause that closes its sentence."""
    clauses: list[Clause] = []
    for match in _rules().by_clause.finditer(text):
        start = match.start() + len(match.group()) - len(match.group().lstrip())
        clause = _verb_clause(text, start, match.end(), text[start : match.end()])
        if clause:
            clauses.append(clause)
    return clauses


def _head_clauses(text: str) -> list[Clause]:
    """区教育局牵头、区公安分局配合，每学期开展… — the units that lead and those that take part,
    each group closed by its role verb, opening a sentence or its second half (……纳入规划，
    市卫生健康委牵头，市民政局配合，做好…); or units and their lead verb making a sentence of
    their own (县文旅局、县教育局负责。)."""
    rules = _rules()
    clauses: list[Clause] = []
    matches = list(rules.head_clause.finditer(text))
    for end in rules.sole_end.finditer(text):
        opening = max(text.rfind(mark, 0, end.start()) for mark in _SENTENCE_ENDS) + 1
        sole = rules.sole_clause.match(text, opening)
        if sole and sole.end() == end.end():
            matches.append(sole)
    for match in matches:
        start = match.start() + len(match.group()) - len(match.group().lstrip())
        clause = _verb_clause(text, start, match.end(), text[start : match.end()])
        if clause:
            clauses.append(clause)
    return clauses


def _duty_clauses(text: str) -> list[Clause]:
    """……，市卫生健康委、市教育局按职责做好… — units opening a sentence or a part of it, each
    doing its part by duty: read by duty, every name a unit."""
    clauses: list[Clause] = []
    for match in _rules().duty_clause.finditer(text):
        names = split_agencies(match["units"])[0]
        if not names or not all(map(_looks_like_unit, names)):
            continue
        found = _Found(participating=names, by_duty=True)
        kind = squash_spaces(match["verb"])
        clauses.append(_clause(text, kind, match.start("units"), match.end(), found))
    return clauses


def _bare_unit_lists(text: str) -> list[Clause]:
    """……加强未成年人网络保护。（县委网信办、县公安局、县市场监管局）: a list of units in brackets
    closing its line, naming neither keyword nor role; a deadline may close it (，2024年底前)."""
    rules = _rules()
    clauses: list[Clause] = []
    for match in rules.bare_list.finditer(text):
        end = match.start() + len(match.group().rstrip("。；; \t\u3000"))
        names = pieces(text[match.start() + 1 : end - 1], _SPLIT_PARTS)
        if names and rules.deadline.match(names[-1]):
            names.pop()
        names = [name for piece in names for name in split_agencies(piece)[0]]
        if names and all(rules.bare_list_start.match(n) and _looks_like_unit(n) for n in names):
            found = _Found(lead=names)
            clauses.append(_clause(text, rules.bare_list_kind, match.start(), end, found))
    return clauses


def _clause(
    text: str, kind: str, start: int, end: int, found: _Found, closed: bool = True
) -> Clause:
    return Clause(
        kind=kind,
        start=start,
        end=end,
        raw=text[start:end],
        lead=found.lead,
        participating=found.participating,
        by_duty=found.by_duty,
        closed=closed,
        noted=found.noted,
    )


def find_clauses(text: str) -> list[Clause]:
    """Every responsible-unit clause of `text`, in order, never overlapping.

    Keyword clauses come first: an opening bracket (either width, or 【), a keyword of the
    grammar and a colon, then the unit list up to the matching closing bracket; or, without a
    bracket, a keyword and a colon (or 【keyword】) at the head of the text or a line or after
    a full stop, up to the end of the sentence or line. `kind` is the first keyword; later
    keywords (参与单位:, 配合单位:) assign the units after them to their role. Clauses without
    a keyword — a role verb closing a list of units in brackets, 由… closing a sentence, or
    units with their role verbs opening one or its second half (市教育局牵头，市公安局配合，…),
    units opening one or a part of it by duty (市卫生健康委、市教育局按职责做好…) — fill the gaps
    between them.
    """
    # Every form needs a keyword, a role verb or 按职责分工负责 (the verb clauses' role comes
    # from one of those): most paragraphs of a plan name no unit and are spared the five scans.
    rules = _rules()
    bare_lists = _bare_unit_lists(text)
    if not rules.clause_needs.search(text):
        return bare_lists
    found = _bracketed_keyword_clauses(text) + _bare_keyword_clauses(text)
    found += _bracketed_verb_clauses(text) + _by_clauses(text) + _head_clauses(text)
    found += _duty_clauses(text) + bare_lists
    found.sort(key=lambda clause: (clause.start, -clause.end))
    clauses: list[Clause] = []
    for clause in found:
        if not clauses or clause.start >= clauses[-1].end:
            clauses.append(clause)
    return clauses


def joins_a_lead(kind: str) -> bool:
    """Whether units under keyword `kind` (责任单位) carry a task out with the lead units when a
    牵头单位 clause names those."""
    return kind in _rules().with_the_lead


@lru_cache(maxsize=1024)  # asked once a row of the same few headers
def column_role(header: str) -> str:
    """LEAD or PARTICIPATING: the role of a responsible-unit column, from the last keyword or
    verb of its header (责任单位/配合单位 → participating; 牵头单位, 市指导部门 → lead)."""
    word = _role_word(header)
    return _rules().roles[word] if word else LEAD


def _role_word(header: str) -> str | None:
    """The last keyword or role verb of a column header (责任单位/配合单位 → 配合单位), a note on
    which unit leads (责任单位（排在第一位的为牵头单位，其余为配合单位）) left out."""
    note = first_leads_note(header)
    if note is not None:
        header = header[: note.start()] + header[note.end() :]
    words = [squash_spaces(m.group()) for m in _rules().role_word.finditer(header)]
    return words[-1] if words else None


def responsible_roles(headers: list[str]) -> list[str]:
    """LEAD or PARTICIPATING for each of a table's responsible columns, left to right, as
    `column_role` reads them; a column of `with_the_lead` (责任单位) after a lead column that is
    none of them (牵头单位 | 责任单位, a county's 主要指标 table) names the units that carry the
    task out with the lead: it takes part, as the same keyword after a lead clause does in
    prose."""
    with_the_lead = _rules().with_the_lead
    roles: list[str] = []
    lead_seen = False
    for header in headers:
        word = _role_word(header)
        role = PARTICIPATING if lead_seen and word in with_the_lead else column_role(header)
        lead_seen |= role == LEAD and word not in with_the_lead
        roles.append(role)
    return roles


def parse_responsibility_cell(text: str) -> tuple[list[str], list[str], bool]:
    """(lead, participating, by_duty) of a 责任单位 / 市指导部门 / 牵头单位 table cell.

    The whole cell is the lead list unless it labels roles, either with keywords
    (牵头单位：…；配合单位：…, 牵头：…) or with verbs closing comma-separated groups
    (市教育局牵头，市财政局、市民政局配合); an unlabelled group is then lead, or takes part when
    it follows a group marked as leading.
    """
    lead, participating, by_duty = _cell_parts(text)
    return list(lead), list(participating), by_duty


# A 责任单位 column repeats a few cells down a whole table (区卫健委; 区教委、区卫健委): read
# each once. Tuples, so that a caller's list is never another's.
@lru_cache(maxsize=4096)
def _cell_parts(text: str) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    found = _parts(text, LEAD)
    return tuple(found.lead), tuple(found.participating), found.by_duty
