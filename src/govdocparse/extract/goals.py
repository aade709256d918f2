"""Goals written in sentences: one prose `Indicator` per measure a sentence sets a goal for.

A paragraph is cut into sentences and clauses; each clause is read by the first reader that
finds something, in this order:
- numeric goals of named measures (学前三年毛入园率达到94%以上; 新生儿、婴儿和5岁以下儿童死亡率
  分别降至…), a measure without a head named by its time unit (每天接触户外自然光不少于1小时 →
  …时间); the value a measure starts from is its baseline (由2020年的3.5‰下降到2025年的3‰, or a
  clause of its own: 2020年为3.5‰，到2030年…), and groups written after it get a target each
  (…城市要达到60%，农村要达到55%);
- lists of groups with their own values (补助标准为小学生1000元/生·年、初中生1250元/生·年) or one
  shared value (每天校内、校外各1个小时体育活动时间), and standards (按800元/生·年标准提供…补助);
- relative goals measured against a reference (…比例高于全市平均水平, …与女职工比例相适应);
- directions ending the clause (婚前医学检查率显著提高, 儿童超重、肥胖上升趋势得到有效控制) or
  opening it (进一步降低婴儿死亡率, 有效控制5岁以下儿童生长迟缓);
- counted goals (`counts`).
Names are completed from the measure or object before them in the sentence (`goalwords`).
Vocabulary lives in grammars/indicators.yaml (`prose`, `count`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise

import regex as re

from .. import units
from ..grammar import alternation, load, load_typed
from ..grammar_schema import MetadataGrammar
from ..model import Indicator, Measurement, Provenance, Target, TargetAtom
from ..textutil import chinese_numeral, squash_spaces
from .counts import count_measures, count_needs, count_part
from .goalwords import (
    CLOSE,
    LEADING_MARKS,
    OPEN,
    Measure,
    clean,
    complete,
    has_digit,
    is_measure,
    is_measured,
    is_provided,
    lend_subject,
    people,
    raw_measure,
    rules,
    states_area,
    strip_filler,
)
from .targets import base_year, level_unit, parse_distributive, parse_target, shared_measures

# a sentence with the mark that ends it, or the text after the last mark (a split after each
# mark, which the regex module does several times slower)
_SENTENCE = re.compile(r"[^。！？；;!?]*[。！？；;!?]|[^。！？；;!?]+")
_CLAUSE_STRUCTURE = re.compile(r"[（()），,]")
_BRACKETED = re.compile(r"《[^》]*》|[（(][^）)]*[）)]")
_LIST_MARK = re.compile("[、和及]")
# 其中 opening a part's goal, with the mark after it (其中：, 其中，)
_PART_OPENING = re.compile(r"^其中\s*[:：,，]?\s*")
_PART_MAX_CHARS = 8
_HAN = re.compile(r"[\u4e00-\u9fff]")
_DIGIT = re.compile(r"[0-9０-９]")
_QUOTES = re.compile(r"[“”\"'‘’]")
_LAST_TWO = re.compile(r"[^、]{2}$")


@dataclass(frozen=True)
class _Forms:
    """Patterns of the goal forms beyond a measure followed by its verb and value."""

    group_item: re.Pattern
    shared_value: re.Pattern
    standard_by: re.Pattern
    time_before: re.Pattern
    coverage: re.Pattern
    trend: re.Pattern
    conditions: re.Pattern
    populations: re.Pattern
    list_head: re.Pattern
    share_of_group: re.Pattern
    trailing_adverbs: re.Pattern
    subgroups: re.Pattern
    subgroup_words: tuple[str, ...]
    subgroup_first: re.Pattern
    group_pairs: dict[str, tuple[str, ...]]


@cache
def _forms() -> _Forms:
    g = load("indicators")["prose"]
    # a unit of grammars/units.yaml (元/生·年 whole); 个 before 小时 is a measure word
    value = rf"[0-9０-９]+(?:[.．][0-9０-９]+)?(?:个(?=小时))?(?:{units.pattern()})"
    time = rf"[0-9０-９]+(?:[.．][0-9０-９]+)?个?(?:{g['time_units']})"
    qualifiers = load("indicator_synonyms").get("qualifiers") or {}
    conditions = [s for spellings in (qualifiers.get("subject") or {}).values() for s in spellings]
    populations = [
        s for spellings in (qualifiers.get("population") or {}).values() for s in spellings
    ]
    group_words = [
        s
        for klass in g["subgroup_classes"]
        for spellings in (qualifiers.get(klass) or {}).values()
        for s in spellings
    ]
    group = alternation(group_words)
    return _Forms(
        group_item=re.compile(rf"(?P<group>[\p{{Han}}]{{1,6}}?)(?P<value>{value})"),
        shared_value=re.compile(
            rf"^(?P<lead>.*?)(?P<groups>[\p{{Han}}]{{1,4}}(?:、[\p{{Han}}]{{1,4}})+)各"
            rf"(?P<value>{value})(?P<measure>[^，,。；;0-9]{{2,15}})$"
        ),
        standard_by=re.compile(
            rf"按(?P<value>{value})标准(?:{alternation(g['standard_verbs'])})(?P<what>[^，,。；;]{{2,15}})$"
        ),
        time_before=re.compile(
            rf"^(?P<lead>.*?)(?P<target>(?:至少|不少于)\s*{time})(?P<activity>[^，,。；;0-9]{{2,20}})$"
        ),
        coverage=re.compile(
            rf"^(?P<what>[^，,。；;0-9]{{2,25}}?)(?P<target>[0-9０-９]+(?:\.[0-9]+)?\s*[%％]\s*"
            rf"(?:{alternation(g['coverage_words'])}))$"
        ),
        trend=re.compile(rf"(?:{alternation(g['trend_words'])})$"),
        conditions=re.compile(rf"(?:{alternation(conditions)})$"),
        populations=re.compile(rf"^(?:{alternation(populations)})"),
        list_head=re.compile(rf"(?<=\p{{Han}}{{2}})(?:{alternation(g['list_heads'])})$"),
        share_of_group=re.compile(g["share_of_group"]),
        trailing_adverbs=re.compile(rf"{rules().adverb}+$"),
        subgroups=re.compile(
            rf"^(?P<measure>.+?)(?P<groups>(?:{group})(?:[、和及与](?:{group}))*)$"
        ),
        subgroup_words=tuple(group_words),
        subgroup_first=re.compile(rf"^(?:{group})"),
        group_pairs={word: tuple(groups) for word, groups in g["group_pairs"].items()},
    )


def is_news_deck(text: str) -> bool:
    """Whether a paragraph is a newspaper's deck, the story's points on one line after bullets
    (■收托人数不得超过5人 ■每名人员最多看护3名婴幼儿: `news_deck` of grammars/metadata.yaml): they
    restate the story in a headline's few words, which name no measure whole."""
    return _news_deck().match(squash_spaces(text.strip())) is not None


@cache
def _news_deck() -> re.Pattern:
    rules = load_typed("metadata", MetadataGrammar)
    return rules.compile(rules.news_deck)


# Words one of which a report of results names itself by (the pattern is read only then).
_RESULTS_WORDS = ("报告", "总结", "公报", "白皮书")


def reports_results(title: str | None) -> bool:
    """Whether a document's title names it a report of results (…统计监测报告, 中期评估报告,
    实施进展报告解读, …年工作总结, a court's …白皮书), whose paragraphs state where things stand,
    never goals."""
    if title is None or not any(word in title for word in _RESULTS_WORDS):
        return False
    return rules().results_report.search(title) is not None


def indicators_from_paragraph(
    text: str,
    prov: Provenance,
    *,
    section_id: str | None,
    id_prefix: str,
    context: str | None = None,
    period_start: int | None = None,
    period_end: int | None = None,
    item: str | None = None,
    this_year: int | None = None,
    story: bool = False,
    deadline: tuple[str, int] | None = None,
) -> list[Indicator]:
    """Prose indicators: one per measure a sentence of `text` sets a goal for.

    `item` is the title of the 专栏 entry the text belongs to (妇女“两癌”防治项目): a short name
    nothing else in its sentence completes takes the entry's subject (人群筛查率 →
    妇女两癌人群筛查率).

    `context` is the title path of the section: sections that report results (发展基础, 现状,
    回顾) give nothing, and so do sentences about the past (截至…, or a bare 2020年 without
    到…年 — with `period_start`, the first year of the plan, only a bare year up to it is the
    past: 2025年… in a 2021—2030 plan is a goal; in a one-year plan, `period_end` the same
    year, that year is the goal's: 2024年，…筛查率达60%以上 in a 2024 工作方案), and so do goals
    dated before the plan starts (…下降到2015年的5.6‰ in a 2016—2020 plan looks back). The
    target's label is the last 到…年 before it in the sentence, else 目标. Ids are
    f"{id_prefix}-i{k}".

    `this_year` is the document's own year (its date's), which 今年 names; without a period, a
    bare year after it dates a goal (…低体重率2027年降低到3%以下 in a 2023 document) and one up
    to it a result.

    `story` says the text is a news story's or a report's (a document of kind other): a sentence
    of it with no sign of a goal (`_states_a_result`) states a result, unless the paragraph opens
    with a deadline or the section's title names goals (主要目标).

    `deadline` is the (label, year) a line of its own above the paragraph set (`line_deadline`),
    which dates its goals as a deadline opening it would.
    """
    r = rules()
    if context and r.achievement.search(context):
        return []
    title = context.rsplit(" > ", 1)[-1] if context else None
    one_year = period_start is not None and period_end == period_start
    first_goal_year = None if period_start is None else period_start + (not one_year)
    if first_goal_year is None and this_year is not None:
        first_goal_year = this_year + 1
    # 经过三年努力 counts from the document's year only where no period says the plan's end
    effort_from = this_year if period_start is None else None
    goal_section = bool(context and r.goal_context.search(context))
    story = story and not goal_section
    # a plan's 主要目标 / 重点任务 set the period's goals: a count there needs no year of its own
    # (新建公办托育机构2家，新增普惠托位500个 under 主要目标 of a 2023—2025 方案)
    period_goals = goal_section and period_start is not None
    found: list[Indicator] = []
    # the last measure of a sentence closed by a semicolon, whose next goals the following
    # sentence may date without naming it (…到2025年控制在12/10万以下；到2030年控制在…)
    carried: Measure | None = None
    sentences = _sentences(text)
    # a paragraph opened by a look back (《规划》实施以来，…; 近年来，…) reports results up to the
    # first sentence that names a goal year
    looking_back = bool(sentences) and r.past_marker.search(sentences[0]) is not None
    # the deadline the latest sentence opened with dates the sentences after it that name no
    # year (到2025年，…；A率达到50%。到2030年，…；A率达到70%: the second A is 2030's)
    for k, sentence in enumerate(sentences):
        before, carried = carried, None
        opening = deadline
        if "年" in sentence or "五" in sentence:
            deadline = _opening_deadline(sentence) or deadline
        # …and so does a later sentence opening with one (…。五年来，…: a plan's review)
        if k and "来" in sentence and r.look_back_opening.match(sentence):
            looking_back = True
        looking_back = looking_back and not r.target_year.search(_BRACKETED.sub("", sentence))
        if not _may_state_goal(sentence):
            continue
        # without a known period, the deadline a sentence before opened with is where goal
        # years start (到2017年底，…；2018年底建成母婴室200个，…: 2018 is a goal's year)
        goals_from = first_goal_year if first_goal_year is not None or not opening else opening[1]
        # …提出2024年至少建设80个…: with no period, a year the sentence plans for is a goal's
        planned = _planned_year(sentence, this_year) if period_start is None else None
        if planned is not None:
            goals_from = planned if goals_from is None else min(goals_from, planned)
        if (
            looking_back
            or _about_the_past(sentence, goals_from)
            or r.knowledge.search(sentence)
            or _says_what_for(sentence)
            or (story and opening is None and _states_a_result(sentence))
        ):
            if sentence.endswith(("；", ";")) and k + 1 < len(sentences):
                carried = _carried_baseline(sentence, sentences[k + 1], first_goal_year)
            continue
        measures = _sentence_measures(
            sentence,
            goals_from,
            one_year,
            _item_subject(item),
            title,
            before,
            sentences[k - 1] if k else None,
            this_year,
            effort_from,
            period_goals,
        )
        if measures and sentence.endswith(("；", ";")):
            carried = measures[-1][2]
        for label, year, m in measures:
            if year is None and opening:
                label, year = opening
            if year is not None and period_start is not None and year < period_start:
                # 婴儿死亡率由2010年的8.1‰下降到2015年的5.6‰ in a 2016—2020 plan: a result
                continue
            target = Target(label=label, year=year, raw=m.target, atoms=m.atoms, provenance=prov)
            if m.amends and found and found[-1].name == m.name and found[-1].sentence == sentence:
                found[-1].targets[-1] = target
                found[-1].unit = found[-1].unit or level_unit(m.atoms)
                continue
            joins = m.further or (bool(m.step) and bool(found) and found[-1].sentence == sentence)
            if joins and found and found[-1].name == m.name:
                found[-1].targets.append(target)
                continue
            found.append(
                Indicator(
                    id=f"{id_prefix}-i{len(found)}",
                    source="prose",
                    name_raw=m.name_raw,
                    name=m.name,
                    unit=level_unit(m.atoms),
                    baseline=m.baseline and m.baseline.model_copy(update={"provenance": prov}),
                    targets=[target],
                    section_id=section_id,
                    sentence=sentence,
                    provenance=prov,
                )
            )
    return found


def line_deadline(
    text: str, above: tuple[str, int] | None, same_section: bool
) -> tuple[str, int] | None:
    """The deadline that dates the paragraph `text`, one phrase a line under a deadline on a
    line of its own (实施方案提出 / 到2025年 / 公众获取母乳喂养知识率达到90% / …): the deadline
    itself for such a line (to pass on), `above` (the one in force over it) for a short line of
    the same section, else None."""
    r = rules()
    text = text.strip()
    if len(text) > r.line_phrase:
        return None
    if "年" in text:
        own = r.target_year.match(text)
        if own and not text[own.end() :].strip("，,：:；; "):
            return squash_spaces(own.group(0)), int(own.group(1))
    return above if same_section else None


def _opening_deadline(sentence: str) -> tuple[str, int] | None:
    """(label, year) of the deadline a sentence opens with (养老方面：到2025年底，基本建成…。; a
    news copy's 根据行动计划，到2025年，…), which dates the goals of the paragraph's later
    sentences that name no year of their own (全市养老机构护理型床位占比不低于40%。) until a
    sentence opens with another."""
    r = rules()
    head = r.lead_in.sub("", sentence.strip(), count=1)
    head = r.report_lead_in.sub("", head, count=1)
    deadline = r.target_year.match(head)
    if deadline:
        return squash_spaces(deadline.group(0)), int(deadline.group(1))
    span = r.plan_span.match(head) if "五" in head else None
    return (squash_spaces(span.group(0)), r.plan_end[span.group("plan")]) if span else None


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]


def _about_the_past(sentence: str, first_goal_year: int | None) -> bool:
    """截至…, or with no 到…年 goal year: a year that dates a statement (2020年…达31.81%) where
    no year of the sentence is from `first_goal_year` on, a value said to stand now (目前…,
    …已达…), a story's own report (会上通报，…) or a time past opening it without a word of a
    plan (去年，…; 今年上半年，…: `look_back_time`)."""
    r = rules()
    if r.past_marker.search(sentence):
        return True
    plain = _BRACKETED.sub("", sentence)
    if r.target_year.search(plain):
        return False
    spans = _plan_span_ends(plain)
    if spans:
        # “十四五”期间，…达到95% sets goals; “十三五”期间 in a 2021—2025 plan looks back
        return first_goal_year is not None and max(spans) < first_goal_year
    if r.present_marker.search(plain) or _reported(plain) or _year_on_year(plain):
        return True
    if r.look_back_time.match(plain) and not r.reported_plan_words.search(plain):
        return True  # 去年，…下降到3.2‰; 今年上半年，…达到90%
    if first_goal_year is None and r.deadline_year.search(plain):
        return False  # 2027年实现…全覆盖 with no period or date known
    years = [int(m.group(1)) for m in r.bare_year.finditer(plain)]
    if first_goal_year is None:
        return bool(years)
    # 2020年…为3.5‰，2027年降至3‰以下 in a plan: the earlier year is the later goal's baseline
    return bool(years) and max(years) < first_goal_year


def _planned_year(sentence: str, this_year: int | None) -> int | None:
    """The first bare year, with no 到…年 in the sentence, that the sentence states a plan for: a
    word of a plan before it or in its clause, or a floor or ceiling after it in its clause
    (…提出2024年至少建设80个…; 2026年全县新增托位不少于600个: `planned_year_bounds`), from the
    document's year `this_year` on when known."""
    r = rules()
    plain = _BRACKETED.sub("", sentence)
    if "年" not in plain or r.target_year.search(plain):
        return None
    years = []
    clauses = _clauses(plain)
    for k, (offset, clause) in enumerate(clauses):
        # 2026年，全县新增托位不少于600个: a year alone in its clause is the next clause's
        if r.year_alone.fullmatch(clause) and k + 1 < len(clauses):
            clause = plain[offset : clauses[k + 1][0] + len(clauses[k + 1][1])]
        for m in r.bare_year.finditer(clause):
            year = int(m.group(1))
            if this_year is not None and year < this_year:
                continue
            if r.planned_bound.search(clause, m.end()) or r.reported_plan_words.search(
                plain, 0, offset + len(clause)
            ):
                years.append(year)
    return min(years, default=None)


def _plan_span_ends(sentence: str) -> list[int]:
    """The last year of every five-year plan whose span or end the sentence names (“十四五”期间,
    到十四五末: 2025)."""
    if "五" not in sentence:
        return []
    r = rules()
    return [r.plan_end[m.group("plan")] for m in r.plan_span.finditer(sentence)]


def _states_a_result(sentence: str) -> bool:
    """Whether a story's sentence states its figures with no sign of a goal: no goal year, no word
    of a plan, no bound or duty (`story_goal_words`): 全市建成母婴室326个，公共场所母婴室覆盖率
    达到95%."""
    return rules().story_goal_sign.search(_BRACKETED.sub("", sentence)) is None


def _reported(sentence: str) -> bool:
    """Whether a sentence opens with a story's reporting verb (会上通报，…; 据介绍，…; 记者从…
    获悉，…) and no word of a plan follows it (将, 力争, 《方案》明确…): a figure it reports."""
    r = rules()
    lead = r.reported_lead_in.match(sentence)
    return lead is not None and r.reported_plan_words.search(sentence, lead.end()) is None


def _year_on_year(sentence: str) -> bool:
    """Whether a sentence compares a value with the year before in a clause after it (…达到
    99.9%，比上年提高0.1个百分点; …，同比下降5%) and names no plan: a year's result."""
    if "上年" not in sentence and "去年" not in sentence and "同比" not in sentence:
        return False
    r = rules()
    return r.year_on_year.search(sentence) is not None and not r.reported_plan_words.search(
        sentence
    )


def _clauses(sentence: str) -> list[tuple[int, str]]:
    """(offset, clause) pieces of a sentence cut at commas outside brackets."""
    pieces, depth, start = [], 0, 0
    for mark in _CLAUSE_STRUCTURE.finditer(sentence):
        char, i = mark.group(), mark.start()
        if char in OPEN:
            depth += 1
        elif char in CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            pieces.append((start, sentence[start:i]))
            start = i + 1
    pieces.append((start, sentence[start:]))
    return pieces


@cache
def _item_title_ends() -> tuple[re.Pattern, re.Pattern]:
    g = load("indicators")["prose"]["item_title"]
    return (
        re.compile(rf"(?:{alternation(g['kinds'])})$"),
        re.compile(rf"(?:{alternation(g['tasks'])})$"),
    )


def _item_subject(title: str | None) -> str | None:
    """What a 专栏 entry is about: its title without 项目/工程 and the task before it, and without
    quotation marks (妇女“两癌”防治项目 → 妇女两癌)."""
    if not title:
        return None
    kinds, tasks = _item_title_ends()
    text = tasks.sub("", kinds.sub("", title.strip()))
    text = _QUOTES.sub("", text)
    return text if len(text) >= 2 else None


def _sentence_measures(
    sentence: str,
    first_goal_year: int | None,
    one_year: bool,
    item: str | None,
    title: str | None,
    carried: Measure | None = None,
    previous_sentence: str | None = None,
    this_year: int | None = None,
    effort_from: int | None = None,
    period_goals: bool = False,
) -> list[tuple[str, int | None, Measure]]:
    """(label, year, measure) for every goal of a sentence; the label is the last 到…年 (or a
    bare year after the plan start) before it; in a `one_year` plan every sentence is dated. A
    short name borrows its subject from the measure before it or from what the clauses without
    a goal before it were about (`complete`), else from the 专栏 entry `item`, a clause saying
    whom or the section `title` (`lend_subject`). A clause of a year and a value only is a
    further goal of the measure before it (`_further_goal`), the one `carried` over from the
    sentence before a semicolon for the first clause. A clause stating the measure's value in an
    earlier year (婴儿死亡率2020年为3.5‰) gives the baseline of the goal the next clause sets, and
    a 分别 list's values there the baseline of each listed measure's goal (`_listed_baselines`).
    A goal for all that says not what or whom it covers, which no clause before it in the
    sentence tells, is about the last clause of `previous_sentence` (…建设儿童之家。到2025年，
    力争实现全覆盖). 今年 dates the goals after it as the document's year `this_year` (a year
    unknown when None); 经过三年努力 dates them to `effort_from` and the span (unknown when None:
    the plan's last year is then theirs). `period_goals`: the sentence sets its plan period's
    goals, so a count needs no date of its own."""
    r = rules()
    years = list(r.target_year.finditer(sentence))
    goal_years = [int(y.group(1)) for y in years]
    if first_goal_year is None:
        # with no period or date known, a bare year before the verb of a deadline (2027年实现…)
        # is a goal's as 到…年 is
        goal_years += [int(m.group(1)) for m in r.deadline_year.finditer(sentence)]
    before_goals = first_goal_year if first_goal_year is not None else min(goal_years, default=None)
    if before_goals is not None:
        # a bare year from the plan's first goal year on, or without a known period from the
        # sentence's first 到…年 on, dates the goals after it (到2018年底建成母婴室200个，2019年底
        # 建成400个: the second is 2019's)
        years += [m for m in r.bare_year.finditer(sentence) if int(m.group(1)) >= before_goals]
    # (where, label, year) of every date of the sentence's goals
    dates: list[tuple[int, str, int | None]] = [
        (m.start(), squash_spaces(m.group(0)), int(m.group(1))) for m in years
    ]
    if "今年" in sentence:
        dates += [(m.start(), "今年", this_year) for m in r.this_year.finditer(sentence)]
    if "五" in sentence:
        dates += [
            (m.start(), squash_spaces(m.group(0)), r.plan_end[m.group("plan")])
            for m in r.plan_span.finditer(sentence)
        ]
    if "努力" in sentence:
        dates += [
            (m.start(), m.group(0), _effort_year(m.group("span"), effort_from))
            for m in r.effort_span.finditer(sentence)
        ]
    dates.sort(key=lambda date: date[0])
    out: list[tuple[str, int | None, Measure]] = []
    previous: str | None = None
    topics: list[str] = []
    # clauses without a goal since the last goal: what they are about is read only when a goal
    # follows them in the sentence, as most sentences state none
    untold: list[str] = []
    last = carried
    # the measures a 分别 list of values stated in a clause before, for the goals after it
    baselines: list[Measure] = []
    # a count needs no bound where the sentence or its plan period dates it: 到2025年…, 三年内…
    sentence_dated = (
        one_year or period_goals or bool(dates) or r.goal_within.search(sentence) is not None
    )
    for offset, clause in _clauses(sentence.rstrip("。！？；;!?")):
        # 目前，…率为85%，到2025年…: the word that says "now" may stand in a clause of its own
        now = bool(untold) and bool(r.present_word.fullmatch(untold[-1].strip()))
        # 2020年，…为3.5‰，2027年降至…: and so may the year of a baseline
        year_alone = untold[-1].strip() if untold and r.year_alone.fullmatch(untold[-1]) else ""
        stated = _baseline_statement(year_alone + clause, before_goals, now)
        listed = _listed_baselines(year_alone + clause, before_goals, now) if stated is None else []
        if stated is not None or listed:
            if now or year_alone:
                # the lone word is this statement's, never the next clause's too
                untold.pop()
            last, baselines = stated, listed
            continue
        if last is not None and untold and untold[-1].strip() == "其中":
            # …新建幼儿园18所，其中，公办园12所: 其中 may stand in a clause of its own
            clause = untold.pop().strip() + clause
        # 新建幼儿园20所，其中公办园15所: the part is the count's, though it reads as a count
        parts = _count_part_goals(clause, last) if last else []
        measures = [(0, x) for x in parts] or _clause_measures(clause, dated=sentence_dated)
        if not measures and untold:
            measures = _named_before(untold[-1], clause, sentence_dated)
            if measures:
                untold.pop()
        if not measures and baselines:
            measures = _listed_goals(clause, baselines, before_goals)
        stated_before = baselines or [x for x in [last] if x and x.baseline and not x.atoms]
        if measures and stated_before:
            measures = _with_baseline(measures, stated_before)
        elif not measures and last is not None:
            dated_before = bool(untold) and bool(r.target_year.fullmatch(untold[-1].strip()))
            further = _further_goal(clause, last, dated_before, before_goals)
            if further is not None:
                measures = [(0, further)]
        if not measures:
            untold.append(clause)
            continue
        base = base_year(untold[-1]) if untold else None
        if base is not None:
            measures = [(at, _counted_from(x, base)) for at, x in measures]
        for topic in filter(None, map(_topic, untold)):
            previous = None
            topics.append(topic)
        untold.clear()
        for position, measure in measures:
            if measure.kind == "full":
                bare = measure.name in r.full_words.values()
                whom = _full_subject(topics, bare)
                if whom is None and previous_sentence:
                    told = _topic(_clauses(previous_sentence.rstrip("。！？；;!?"))[-1][1])
                    whom = _full_subject([told] if told else [], bare)
                if whom is None:
                    continue
                # 推进乡镇儿童之家建设，…实现乡镇全覆盖: where the thing already says
                where = "" if measure.where in whom else measure.where
                measure.name = where + whom + measure.name
            elif measure.kind != "count" and not states_area(measure.name_raw):
                name = complete(measure.name, previous, tuple(topics))
                if name == measure.name:
                    name = lend_subject(name, previous, tuple(topics), item, title)
                if (measure.kind == "bare" and name == measure.name) or name in r.vague_names:
                    continue
                measure.name = name
            previous = measure.name
            if measure.step is not None:
                dated = _listed_year(sentence, offset + position, measure.step, len(measures))
                if dated:
                    out.append((*dated, measure))
                    continue
                if measure.pair:
                    # 城乡…覆盖率分别达到100%和90%: no years, so the values are 城市's and 农村's
                    group = measure.pair[measure.step]
                    measure = _group_goal(
                        measure.name_raw,
                        measure.name,
                        group,
                        measure.target,
                        measure.atoms,
                        further=measure.step > 0,
                    )
                # a group's value without such a list is dated as any goal is
                elif measure.group is None:
                    continue
            before = [date for date in dates if date[0] <= offset + position]
            label, year = before[-1][1:] if before else ("目标", None)
            out.append((label, year, measure))
        last, baselines = measures[-1][1], []
    return out


def _named_before(named: str, clause: str, dated: bool) -> list[tuple[int, Measure]]:
    """The goals of groups whose measure a clause of its own names before them (普惠性幼儿园
    覆盖率，城市和农村分别于2025年、2027年达到90%、80%): read as one clause, the measure then its
    groups (`_subgroup_goals`); positions are in `clause`. [] unless `named` is a measure alone
    and every goal read is a group's."""
    name = LEADING_MARKS.sub("", named).strip()
    if not name or has_digit(name) or not is_measure(clean(raw_measure(name))):
        return []
    found = _clause_measures(name + clause, dated)
    if not found or any(x.group is None for _, x in found):
        return []
    return [(at - len(name), x) for at, x in found]


def _effort_year(span: str, effort_from: int | None) -> int | None:
    """The year a span of effort (经过三年努力, 经过5年努力) ends, counted from `effort_from`."""
    if effort_from is None:
        return None
    years = int(span) if span.isdigit() else chinese_numeral(span)
    return effort_from + years if years else None


def _full_subject(topics: list[str], bare: bool) -> str | None:
    """What a goal for all that says not what or whom it covers is about, from what its
    sentence's clauses before it were about, the nearest first: for a `bare` one (力争实现全覆盖)
    the thing a clause sets up (各学校校园科技馆建设 → 学校校园科技馆), for a care (关爱保护全覆盖)
    the people a clause names (对困境儿童等群体开展… → 困境儿童)."""
    r = rules()
    for topic in reversed(topics):
        if bare:
            m = r.full_built.search(topic)
            if m:
                return m.group("thing")
            continue
        whom = people(topic)
        if whom:
            return whom
    return None


def _with_baseline(
    measures: list[tuple[int, Measure]], stated: list[Measure]
) -> list[tuple[int, Measure]]:
    """`measures` of a clause after a clause `stated` values and no goal of, the goal of each
    measure it named taking that value as its baseline: plans may name the measure again in the
    goal's clause (2022年全县学前三年毛入园率为86%，到2025年学前三年毛入园率达到92%)."""
    values = {x.name: x.baseline for x in stated}
    return [
        (at, replace(x, baseline=values[x.name]))
        if x.name in values and x.baseline is None
        else (at, x)
        for at, x in measures
    ]


def _listed_baselines(clause: str, before_goals: int | None, now: bool = False) -> list[Measure]:
    """The measures of a 分别 list and their values in a year before `before_goals` (2020年城市、
    农村儿童保健管理率分别为85%和78%), or now (…管理率目前分别为85%和70%; `now`: the clause
    before said 目前 alone): a measure each with its value as baseline and no target yet, paired
    in order as a goal's 分别 list is (`_distributed`); [] when they differ in number."""
    if before_goals is None or "分别" not in clause:
        return []
    r = rules()
    m = r.listed_statement.match(LEADING_MARKS.sub("", clause).strip())
    if m is None or r.money.search(m.group("values")):
        return []
    years = m.captures("year")
    if years and (len(years) != 1 or int(years[0][:4]) >= before_goals):
        return []
    if not (years or now or any(m.captures("now"))):
        return []
    values = [v.group(0) for v in r.value.finditer(m.group("values"))]
    name_raw = raw_measure(m.group("measure"))
    subject = strip_filler(name_raw, is_measured)
    measures = _distributed(name_raw, subject, "分别为" + m.group("values"))
    if len(values) < 2 or len(measures) != len(values) or any(x.step is not None for x in measures):
        return []
    year = int(years[0][:4]) if years else None
    return [
        Measure(name_raw, x.name, "", [], baseline=_measurement(year, value))
        for x, value in zip(measures, values, strict=True)
    ]


def _listed_goals(
    clause: str, stated: list[Measure], goal_from: int | None
) -> list[tuple[int, Measure]]:
    """The goals of the measures a 分别 list stated the values of (`_listed_baselines`), the
    clause only their year and 分别 values (…分别为85%和78%，到2025年分别提高到95%和90%): read as
    if the clause named them as the statement did, each measure's goal in the same order."""
    at = clause.find("分别")
    if at < 0:
        return []
    r = rules()
    year = LEADING_MARKS.sub("", clause[:at]).strip()
    bare = r.bare_year.fullmatch(year)
    later = bare is not None and goal_from is not None and int(bare.group(1)) >= goal_from
    if not (later or r.target_year.fullmatch(year)):
        return []
    found = _clause_measures(stated[0].name_raw + clause[at:], dated=True)
    if [x.name for _, x in found] != [x.name for x in stated]:
        return []
    return [(at, x) for _, x in found]


def _counted_from(measure: Measure, year: int) -> Measure:
    """`measure` with `year` the base of its changes that name none: 与2020年相比 in a clause
    of its own dates the 下降15% of the next clause as 比2020年下降15% would."""
    atoms = [
        a.model_copy(update={"baseline_year": year}) if a.change and a.baseline_year is None else a
        for a in measure.atoms
    ]
    return replace(measure, atoms=atoms)


def _carried_baseline(sentence: str, following: str, first_goal_year: int | None) -> Measure | None:
    """A measure's value in an earlier year closed by a semicolon, the next sentence dating its
    goal (婴儿死亡率2020年为3.5‰；到2030年降至3‰以下): the measure with that baseline, for the
    next sentence's goal to take, as a clause before it would give (`_baseline_statement`)."""
    goal_year = rules().target_year.match(LEADING_MARKS.sub("", following).strip())
    if goal_year is None:
        return None
    before_goals = first_goal_year if first_goal_year is not None else int(goal_year.group(1))
    return _baseline_statement(sentence.rstrip("；;"), before_goals)


def _baseline_statement(clause: str, before_goals: int | None, now: bool = False) -> Measure | None:
    """A measure and its value in a year before `before_goals` (the plan's first goal year, else
    the sentence's first): 全区婴儿死亡率2020年为3.5‰, 2020年全县学前三年毛入园率为88% — or now,
    without a year (…毛入园率已达96%, …覆盖率目前为85%): a measure with a baseline and no target
    yet, which the next clause's goal takes (`_further_goal`). A year that is not earlier is no
    baseline: the clause may be a goal. `now`: the clause before said 目前 alone."""
    r = rules()
    if before_goals is None:
        return None
    text = LEADING_MARKS.sub("", clause).strip()
    if "年" in clause and r.bare_year.search(clause):
        m = r.baseline_statement.match(text)
        if m is None or len(years := m.captures("year")) != 1 or int(years[0][:4]) >= before_goals:
            return None
        year: int | None = int(years[0][:4])
    else:
        # most clauses say nothing of now: told by a substring or a short scan before the match
        if not (now or "已" in clause or r.present_word.search(clause)):
            return None
        m = r.present_statement.match(text)
        if m is None or not (now or any(m.captures("now"))):
            return None
        year = None
    name_raw = raw_measure(m.group("measure"))
    name = clean(name_raw)
    if not is_measure(name) or r.money.search(m.group("value")):
        return None
    return Measure(name_raw, name, "", [], baseline=_measurement(year, m.group("value")))


def _further_goal(
    clause: str, before: Measure, dated_before: bool, goal_from: int | None = None
) -> Measure | None:
    """A later goal of the measure `before`, when the clause is only its year, verb and value
    (到2030年降至4‰以下, or a bare year from `goal_from` on: …达到90%，2030年达到100%), or only its
    verb and value right after a clause that is only a year (…，到2030年，降至4‰以下): plans date
    a measure's goals one after the other and name it once.
    After a measure with a baseline and no goal yet (婴儿死亡率2020年为3.5‰) it is the first goal;
    after a group's goal, only the next group's (…城市要达到60%，农村要达到55%) follows."""
    r = rules()
    text = LEADING_MARKS.sub("", clause).strip()
    # a count's later value may count something else (新建托位200个，到2030年达到500个: a total)
    if before.kind != "rate":
        return None
    if text.startswith("其中"):
        return _part_goal(text, before)
    if before.group is not None:
        return _next_group(text, before)
    bare = r.bare_year.match(text)
    bare_goal = bare is not None and goal_from is not None and int(bare.group(1)) >= goal_from
    dated = dated_before or r.target_year.match(text) or bare_goal
    # …进一步提高…率，达到95%以上: the value of the direction goal just before
    precise = before.atoms and all(atom.op == "direction" for atom in before.atoms)
    if not (dated or precise):
        return None
    goal = r.goal.fullmatch(text)
    if goal is None or r.money.search(goal.group("values")):
        return None
    atoms = parse_target(text)
    if not atoms:
        return None
    if not dated:
        return Measure(before.name_raw, before.name, text, atoms, amends=True)
    if not before.atoms:
        return Measure(before.name_raw, before.name, text, atoms, baseline=before.baseline)
    return Measure(before.name_raw, before.name, text, atoms, kind=before.kind, further=True)


def _part_goal(text: str, before: Measure) -> Measure | None:
    """The goal of a part of the measure `before` counts (…配备率达到90%，其中农村学校达到80%;
    …覆盖率达到95%，其中农村社区达到90%以上): the part, a few words before the clause's verb and
    value, is the target's group, as a group written after the measure is."""
    r = rules()
    rest = _PART_OPENING.sub("", text)
    for end in range(1, min(len(rest), _PART_MAX_CHARS + 1)):
        if not _HAN.match(rest[end - 1]):
            return None
        goal = r.goal.fullmatch(rest, end)
        if goal is not None:
            atoms = [] if r.money.search(goal.group("values")) else parse_target(rest[end:])
            if not atoms:
                return None
            return _group_goal(before.name_raw, before.name, rest[:end], text, atoms, further=True)
    return None


def _count_part_goals(text: str, before: Measure) -> list[Measure]:
    """The goals of the parts of what `before` counts, in its unit of things (新建幼儿园20所，其中
    公办园15所 → 公办园 15所 of 新建幼儿园数; 儿童之家达到300个，其中农村儿童之家200个; a list of
    parts, 其中公办托位1200个、社区托位800个, a goal each): each part is its target's group, as a
    rate's 其中 part is (`_part_goal`), its scope and frequency the count's. [] unless `text`
    opens with 其中 and every part is a number of things in the count's unit."""
    text = LEADING_MARKS.sub("", text).strip()
    unit = next((a.unit for a in before.atoms if a.unit), None)
    if not text.startswith("其中") or units.kind(unit) != "count":
        return []
    goals = []
    items = _PART_OPENING.sub("", text).split("、")
    for item in items:
        part = count_part(item)
        if part is None:
            return []
        group, quantity = part
        atoms = parse_target(quantity)
        if not atoms or any(a.value is None or a.unit != unit for a in atoms):
            return []
        shared = before.atoms[0].qualifier
        atoms = [a.model_copy(update={"qualifier": [*shared, *a.qualifier]}) for a in atoms]
        raw = text if len(items) == 1 else item
        goal = _group_goal(before.name_raw, before.name, group, raw, atoms, further=True)
        goals.append(replace(goal, kind=before.kind))
    return goals


def _next_group(text: str, before: Measure) -> Measure | None:
    """The goal of another group of the measure `before`, the clause only the group, verb and
    value (农村要达到55% after …达标优良率城市要达到60%)."""
    r = rules()
    m = _forms().subgroup_first.match(text)
    goal = r.goal.fullmatch(text, m.end()) if m else None
    if m is None or goal is None or r.money.search(goal.group("values")):
        return None
    atoms = parse_target(text[m.end() :])
    if not atoms:
        return None
    return _group_goal(before.name_raw, before.name, m.group(0), text, atoms, further=True)


def _listed_year(sentence: str, end: int, step: int, steps: int) -> tuple[str, int] | None:
    """(label, year) of the `step`-th of `steps` values of a 分别 list: the step-th year of the
    last year list before it (到2023年底和2030年 → 到2023年底, 2030年), when it lists as many
    years as there are values; None otherwise, since the values then measure nothing named."""
    if "年" not in sentence[:end]:
        return None
    lists = [m for m in rules().year_list.finditer(sentence) if m.start() < end]
    if not lists or len(years := lists[-1].captures("year")) != steps:
        return None
    label = squash_spaces(years[step])
    if step == 0:
        # 到 opens a goal's label as it does a goal year's (到2023年底); 分别于 or 在 does not
        opening = squash_spaces(sentence[lists[-1].start() : lists[-1].starts("year")[0]])
        label = opening.lstrip("于在") + label
    return label, int(label.lstrip("到至")[:4])


def _topic(clause: str) -> str | None:
    """What a clause without a goal is about, for a bare measure in the next one: the object of
    its verb or the subject of its direction (提供…等孕前优生服务 → 孕前优生服务)."""
    r = rules()
    text = _beneficiary().sub("", raw_measure(clause))
    text = _addressee().sub(r"\g<whom>", text, count=1)
    text = strip_filler(text, lambda rest: len(rest) >= 2)
    m = r.direction.match(text)
    if m:
        text = m.group("measure")
    text = _lead_verb().sub("", text)
    text = clean(text, lambda rest: len(rest) >= 2)
    return text if 2 <= len(text) <= 30 else None


@cache
def _beneficiary() -> re.Pattern:
    return re.compile(load("indicators")["prose"]["beneficiary"])


@cache
def _addressee() -> re.Pattern:
    """对 + whom + the verb of a service done to them (对在校学生进行视力筛查), which leaves
    whom and the service (在校学生视力筛查)."""
    return re.compile(load("indicators")["prose"]["addressee"])


@cache
def _lead_verb() -> re.Pattern:
    """The verbs a clause opens with, after their adverbs (进一步加强…, 积极推进…, 加快推进…)."""
    p = load("indicators")["prose"]
    verbs = p["task_verbs"] + p["direction_first_verbs"] + p["lead_verbs"]
    return re.compile(rf"^(?:{rules().adverb}*(?:{alternation(verbs)}))+")


def _says_what_for(sentence: str) -> bool:
    """Whether the sentence names a duty as its subject and says what it is for, with no number
    (降低孕产妇死亡率和婴儿死亡率，是保障母婴安全的核心任务: `significance`): no goal."""
    return rules().significance.search(sentence) is not None and not _DIGIT.search(sentence)


def _may_state_goal(text: str) -> bool:
    """Whether any goal reader could find a goal in `text` (`_goal_needs`)."""
    return _goal_needs().search(text) is not None


@cache
def _goal_needs() -> re.Pattern:
    """What each goal reader cannot find a goal without, in one pattern: a digit (numeric, group
    and standard goals), the words of its gated patterns (relative and direction goals) or what a
    count needs. Most sentences hold none of them, and skipping them whole spares every clause
    the readers' patterns."""
    r = rules()
    gated = [
        g.needs.pattern
        for g in (r.direction, r.direction_first, r.full, r.full_all, r.multiple, *r.relative)
    ]
    needs = [r"[0-9０-９]", *gated, count_needs().pattern]
    return re.compile("|".join(f"(?:{n})" for n in needs))


def _clause_measures(clause: str, dated: bool = False) -> list[tuple[int, Measure]]:
    """(position, measure) of a clause's goals, from the first reader that finds any; `dated`
    says the sentence names the year of its goals (到2025年，…)."""
    r = rules()
    if not _may_state_goal(clause) or r.encouragement.match(raw_measure(clause)):
        return []
    # 确保实现…控制在10/10万以下的目标: the goal is the clause inside the wrapper
    wrapped = r.goal_wrapper.search(clause) if "目标" in clause else None
    inner = _clause_measures(wrapped.group("goal"), dated) if wrapped else []
    if wrapped and inner:
        return [(wrapped.start("goal") + at, x) for at, x in inner]
    # a value is written in digits: without one only relative, direction and count goals remain
    digits = has_digit(clause)
    readers = (_numeric, _verb_first, _groups) if digits else ()
    # 每人每月300元 is read as 300元/人·月, a standard's rate, then told as written
    reading = units.per_first(clause) if digits else clause
    for reader in (*readers, _relative, _full, _full_all, _multiple, _directions):
        found = reader(reading)
        if found:
            return _as_written(found, reading, clause)
    return count_measures(clause, dated=dated)


def _as_written(
    found: list[tuple[int, Measure]], reading: str, clause: str
) -> list[tuple[int, Measure]]:
    """The measures read from `reading`, a rewrite of `clause` of the same length, with their
    words as `clause` writes them (按每生每年1000元标准…, not 按1000元/生·年标准…)."""
    if reading == clause:
        return found

    def written(text: str) -> str:
        at = reading.find(text)
        return clause[at : at + len(text)] if at >= 0 else text

    return [
        (at, replace(x, name_raw=written(x.name_raw), target=written(x.target))) for at, x in found
    ]


def _numeric(clause: str) -> list[tuple[int, Measure]]:
    """A measure and its verb and values; several in one clause (达标率稳定在95%以上、达标优良率
    达到40%以上). The value a measure starts from (由2020年的3.5‰) is its baseline, out of the
    target; the years of a 分别 list after the measure (到2025年和2030年) date its values. A goal
    sits at its values, after every year written for it (…下降到2025年的3‰)."""
    r = rules()
    out: list[tuple[int, Measure]] = []
    start = 0
    for m in r.goal.finditer(clause):
        segment, start = r.scope_note.sub("", clause[start : m.start()]), m.end()
        money = r.money.search(m.group("values")) is not None
        standard = money and _standard_rate(m.group("values"), clause)
        if (
            r.not_a_goal_after.match(clause[m.end() :])
            or (money and not standard)
            or (m.group("verb") in r.standard_level_verbs and not standard)
        ):
            continue
        values = [v.group(0) for v in r.value.finditer(m.group("values"))]
        distributive = len(values) > 1 and "分别" in segment + m.group("gap")
        target = _without(m, "base", "listed")
        measured = is_provided if standard else is_measured
        found = _rate_measures(segment, target, distributive, _baseline_from(m), measured)
        if distributive and len(found) > 1 and all(x.group is not None for x in found):
            # …城市和农村分别于2025年、2027年达到90%、80%: each group's value is the year's of a
            # list of as many years, if the sentence has one (`_listed_year`)
            found = [replace(x, step=k) for k, x in enumerate(found)]
        if not found and out and out[-1][1].group is not None:
            # …小学要降至38%以下、初中要降至60%以下: the next group of the measure before
            after = _next_group(LEADING_MARKS.sub("", segment).strip() + target, out[-1][1])
            found = [after] if after else []
        out.extend((m.start("values"), x) for x in found)
    return out


def _standard_rate(values: str, clause: str) -> bool:
    """Whether money values are a standard's (300元/人·月 in a clause saying 标准, 补助 or 补贴:
    `standard_words` of grammars/indicators.yaml), not a sum to spend (投入资金1.2亿元)."""
    return "/" in values and rules().standard_words.search(clause) is not None


def _verb_first(clause: str) -> list[tuple[int, Measure]]:
    """A goal whose verb comes before its measure, its value after 到 or 至: 降低孕产妇死亡率到
    10/10万以下. The target is the words as written from the verb on; its atoms read the verb
    with the value (降低到10/10万以下: at most 10, a decrease)."""
    r = rules()
    text = raw_measure(clause)  # past an item number or a lead-in: （三）降低…
    start = clause.rfind(text)
    m = r.verb_first.match(text)
    if m is None or r.money.search(m.group("values")):
        return []
    target = m.group("verb") + text[m.start("to") : m.end()]
    written = text[m.start("verb") : m.end()]
    found = _rate_measures(m.group("measure"), target, False)
    return [(start + m.start("values"), replace(x, target=written)) for x in found]


def _without(m: re.Match, *groups: str) -> str:
    """The text of a match without what the named groups matched (each once at most)."""
    text, start = [], m.start()
    for span in sorted(m.span(g) for g in groups if m.start(g) >= 0):
        text.append(m.string[start : span[0]])
        start = span[1]
    text.append(m.string[start : m.end()])
    return "".join(text)


def _baseline_from(m: re.Match) -> Measurement | None:
    """The value a goal's measure starts from, written before its verb: 由2020年的3.5‰ → 3.5‰
    in 2020; its provenance is the caller's."""
    if m.start("base") < 0:
        return None
    year = m.group("base_year")
    return _measurement(int(year) if year else None, m.group("base_value"))


def _measurement(year: int | None, raw: str) -> Measurement:
    atoms = parse_target(raw)
    level = atoms[0].value if len(atoms) == 1 and atoms[0].op == "=" else None
    return Measurement(year=year, value=level, raw=raw, atoms=atoms)


def _rate_measures(
    segment: str,
    target: str,
    distributive: bool,
    baseline: Measurement | None = None,
    measured: Callable[[str], bool] = is_measured,
) -> list[Measure]:
    """The measures of a goal whose subject is `segment`: one per measure of a list sharing the
    target (甲率、乙率保持100%), or one per value of a 分别 list; a measure followed by the groups
    its target is set for gives one target per group (`_subgroup_goals`). A subject without a
    measure head whose value is a time is named by it (每天接触户外自然光 → 每天接触户外自然光
    时间). `baseline` is every measure's; `measured` tells a name that measures (a standard's
    money rate also measures a provision named alone: `is_provided`)."""
    r = rules()
    name_raw = raw_measure(segment)
    if not name_raw:
        return []
    grouped = _subgroup_goals(name_raw, target, distributive)
    if grouped is not None:
        return grouped
    subject = strip_filler(name_raw, measured)
    if distributive:
        return _distributed(name_raw, subject, target, measured)
    atoms = parse_target(target)
    unit = next((a.unit for a in atoms if a.unit), None)
    measures = [
        Measure(name_raw, _counted(clean(p, measured), unit), target, atoms, baseline=baseline)
        for p in _split(subject)
        if measured(p)
    ]
    if measures:
        return measures
    words = clean(name_raw, lambda rest: len(rest) >= 2)
    if unit and r.time_unit.fullmatch(unit) and 2 <= len(words) <= 25:
        return [Measure(name_raw, words + r.time_head, target, atoms)]
    if units.kind(unit) == "count" and 2 <= len(words) <= 4:
        # 床位增至3.17张 after 每千名儿童拥有儿科执业(助理)医生达到1.12名: 每千名儿童拥有床位数
        return [Measure(name_raw, words + "数", target, atoms, kind="bare")]
    return []


def _counted(name: str, unit: str | None) -> str:
    """A per-capita measure named by the things it counts: 每千名儿童拥有儿科执业(助理)医生 →
    …医生数."""
    r = rules()
    if units.kind(unit) == "count" and r.per_capita.match(name) and not r.head.search(name):
        return name + "数"
    return name


def _subgroup_goals(name_raw: str, target: str, distributive: bool) -> list[Measure] | None:
    """A measure followed by the groups its target is set for (…达标优良率城市要达到60%; 孕产妇
    系统管理率城镇、农村分别达到95%和90%): one measure, one target per group, the group the
    qualifier of its atoms. The document names one measure and breaks its goal down, as a count
    names its scope (每个街道): the measure keeps the name written, so it links with the same
    measure elsewhere, and the qualifier says whom each value is for. None when the subject ends
    in no group; [] when a 分别 list's values and groups differ in number (which is whose is not
    written)."""
    forms = _forms()
    # most subjects end in a measure head: one suffix test spares them the pattern
    m = forms.subgroups.match(name_raw) if name_raw.endswith(forms.subgroup_words) else None
    if m is None:
        return None
    name = clean(m.group("measure"), is_measured)
    if not is_measured(name):
        return None
    groups = _LIST_MARK.split(m.group("groups"))
    atoms = parse_target(target)
    if len(groups) == 1 and not distributive:
        return [_group_goal(name_raw, name, groups[0], groups[0] + target, atoms)]
    if not distributive or len(groups) != len(atoms):
        return []
    return [
        _group_goal(name_raw, name, group, atom.raw, [atom], further=k > 0)
        for k, (group, atom) in enumerate(zip(groups, atoms, strict=True))
    ]


def _group_goal(
    name_raw: str,
    name: str,
    group: str,
    target: str,
    atoms: list[TargetAtom],
    further: bool = False,
) -> Measure:
    """The goal of one group, which qualifies its atoms; every group's after the first is a
    `further` goal of the same measure."""
    qualified = [a.model_copy(update={"qualifier": [group, *a.qualifier]}) for a in atoms]
    return Measure(name_raw, name, target, qualified, group=group, further=further)


def _distributed(
    name_raw: str, subject: str, target: str, measured: Callable[[str], bool] = is_measured
) -> list[Measure]:
    """One measure per value of a 分别 list, paired by the target parser, which expands shared
    heads and tails (新生儿、婴儿和5岁以下儿童死亡率 → 新生儿死亡率 …) and leaves atoms unpaired
    (indicator None) rather than guess when counts differ: those give nothing. `measured` tells
    a name that measures (`_rate_measures`)."""
    grouped: dict[str, list[TargetAtom]] = {}
    atoms = _shared_rate(parse_distributive(subject + target))
    for atom in atoms:
        if atom.indicator:
            grouped.setdefault(atom.indicator, []).append(atom)
    if not grouped and len(atoms) > 1 and measured(name := clean(subject, measured)):
        # one measure, several values: a value per year of the sentence's year list (到2025年和
        # 2030年…分别不低于25%和32%), paired by the caller, which drops them without such a list
        pair = _pair_groups(name, len(atoms))
        return [Measure(name_raw, name, a.raw, [a], step=k, pair=pair) for k, a in enumerate(atoms)]
    return [
        Measure(name_raw, clean(name, measured), "".join(a.raw for a in group), group)
        for name, group in grouped.items()
        if measured(name)
    ]


def _pair_groups(name: str, values: int) -> tuple[str, ...]:
    """The groups a word opening `name` names at once (城乡社区儿童之家覆盖率: 城市, 农村:
    `group_pairs`), when they are as many as the 分别 list's `values`; () otherwise."""
    for word, groups in _forms().group_pairs.items():
        if name.startswith(word) and len(groups) == values:
            return groups
    return ()


def _shared_rate(atoms: list[TargetAtom]) -> list[TargetAtom]:
    """A 分别 list of money rates writes the denominators once, before the first amount
    (孤儿和事实无人抚养儿童基本生活费分别不低于每人每月1800元、1500元): an amount after a rate in
    the rate's numerator alone (元) is that rate (1500 元/人·月)."""
    out: list[TargetAtom] = []
    rate: str | None = None
    for atom in atoms:
        if atom.unit and "/" in atom.unit:
            rate = atom.unit
        elif rate and atom.unit == rate.split("/", 1)[0]:
            atom = atom.model_copy(update={"unit": rate})
        out.append(atom)
    return out


def _split(subject: str) -> list[str]:
    """Measures of a list (甲率、乙率和丙率): pieces cut at 、/和/及 outside brackets, each grown
    until it ends in a measure head, so 孕产期中、重度贫血患病率 or 眼保健和视力检查覆盖率 stay
    whole;
    words after the last measure that name none (…利用率和服务质量) are not a measure."""
    pieces, current, depth = [], "", 0
    for char in subject:
        if char in OPEN:
            depth += 1
        elif char in CLOSE:
            depth = max(0, depth - 1)
        if depth == 0 and char in "、和及" and is_measure(current):
            pieces.append(current)
            current = ""
            continue
        current += char
    if current and (is_measure(current) or not pieces):
        pieces.append(current)
    if len(pieces) == 1:
        pieces = _shared_head(pieces[0])
    if len(pieces) == 1:
        pieces = _conditions_and_outcome(pieces[0])
    return [m for piece in pieces for m in _by_population(piece)]


def _shared_head(measure: str) -> list[str]:
    """Items of a count or share that take the last item's head: 人大女代表、政协女委员比例 →
    人大女代表比例, 政协女委员比例; 普惠托育服务机构和托位数量 → 普惠托育服务机构数量, 托位数量.
    Not a share of one group among several (…和社会组织中女性比例, …教育和职业培训的比例)."""
    r = rules()
    items = _LIST_MARK.split(measure)
    head = _forms().list_head.search(items[-1])
    if len(items) < 2 or not head or _forms().share_of_group.search(items[-1]):
        return [measure]
    if any(len(i) < 2 or r.head.search(i) for i in items[:-1]):
        return [measure]
    return [i + head.group(0) for i in items[:-1]] + [items[-1]]


def _conditions_and_outcome(measure: str) -> list[str]:
    """Conditions listed before a short rate of what they lead to, each a measure and the rate of
    the outcome (出生缺陷及致残率 → 出生缺陷率, 出生缺陷致残率): every item but the last is a
    condition (the crosswalk's `subject` words), the last a bare rate."""
    items = _LIST_MARK.split(measure)
    if len(items) < 2 or not rules().bare.match(items[-1]):
        return [measure]
    if not all(_forms().conditions.fullmatch(i) for i in items[:-1]):
        return [measure]
    listed = measure[: len(measure) - len(items[-1]) - 1]
    return [i + "率" for i in items[:-1]] + [listed + items[-1]]


def _by_population(measure: str) -> list[str]:
    """One measure per population of a measure written for several: 幼儿园幼儿、中小学生每日…时间
    → 幼儿园幼儿每日…时间, 中小学生每日…时间; 孕产妇婴儿死亡率 → 孕产妇死亡率, 婴儿死亡率."""
    forms = _forms()
    items = measure.split("、")
    if len(items) > 1:
        last = items[-1]
        lead = rules().populations.match(last)
        if lead and all(_only_population(i) for i in items[:-1]):
            tail = last[lead.end() :]
            return [i + tail for i in items[:-1]] + [last]
        return [measure]
    groups = []
    rest = measure
    while m := forms.populations.match(rest):
        groups.append(m.group(0))
        rest = rest[m.end() :]
    if len(groups) > 1 and is_measure(rest):
        return [g + rest for g in groups]
    return [measure]


def _only_population(text: str) -> bool:
    return len(rules().populations.sub("", text)) <= 1


def _groups(clause: str) -> list[tuple[int, Measure]]:
    """Lists of groups with their own values (补助标准为小学生1000元/生·年、初中生1250元/生·年;
    每天小学生10小时、初中生9小时…睡眠时间), one shared value (学生每天校内、校外各1个小时体育
    活动时间) and standards (按800元/生·年标准提供营养膳食补助): one measure per group, named
    group + measure as the document would name it (小学生补助标准, 小学生每天睡眠时间)."""
    forms = _forms()
    clause = clause.strip()
    m = forms.shared_value.match(clause)
    if m:
        groups = m.group("groups").split("、")
        # the first group is as long as the others: 学生每天|校内、校外各1个小时
        width = min(len(g) for g in groups[1:])
        lead = _lead(m.group("lead") + groups[0][:-width])
        groups[0] = groups[0][-width:]
        atoms = parse_target(m.group("value"))
        return [
            (m.start("groups"), Measure(clause, lead + g + m.group("measure"), clause, atoms))
            for g in groups
        ]
    m = forms.time_before.match(clause)
    if m and not rules().not_a_goal_after.match(m.group("activity")):
        lead = forms.trailing_adverbs.sub("", _lead(m.group("lead")))
        name = lead + m.group("activity") + rules().time_head
        atoms = parse_target(m.group("target"))
        return [(m.start("target"), Measure(clause, name, m.group("target"), atoms))]
    m = forms.coverage.match(_lead(clause))
    if m:
        name = clean(m.group("what"), lambda rest: len(rest) >= 2) + "覆盖率"
        return [(0, Measure(clause, name, m.group("target"), parse_target(m.group("target"))))]
    m = forms.standard_by.search(clause)
    if m:
        name = clean(m.group("what"), lambda rest: len(rest) >= 2) + "标准"
        return [(m.start(), Measure(clause, name, m.group(0), parse_target(m.group("value"))))]
    return _group_values(clause)


def _group_values(clause: str) -> list[tuple[int, Measure]]:
    items = list(_forms().group_item.finditer(clause))
    if len(items) < 2 or any(clause[a.end() : b.start()] != "、" for a, b in pairwise(items)):
        return []
    # the first group is as long as the others: 倡导每天|小学生10小时、初中生9小时
    width = min(len(i.group("group")) for i in items[1:])
    first = items[0]
    start = max(first.start("value") - width, 0)
    lead, tail = clause[:start], clause[items[-1].end() :]
    groups = [clause[start : first.start("value")]] + [i.group("group") for i in items[1:]]
    if tail:
        measure = tail.strip()
        prefix = _lead(lead)
    elif lead.endswith("为"):
        measure, prefix = clean(lead[:-1], lambda rest: len(rest) >= 2), ""
    else:
        return []
    if not (2 <= len(measure) <= 15) or not is_measure(measure):
        return []
    values = [first, *items[1:]]
    return [
        (
            v.start(),
            Measure(clause, g + prefix + measure, v.group(0), parse_target(v.group("value"))),
        )
        for g, v in zip(groups, values, strict=True)
    ]


def _lead(text: str) -> str:
    return strip_filler(LEADING_MARKS.sub("", text.strip()), lambda rest: True)


def _relative(clause: str) -> list[tuple[int, Measure]]:
    """A measure compared with a reference: …比例高于全市平均水平, 办学水平不低于中心校,
    …女代表比例与女职工比例相适应, 经费投入与经济发展和财政收入同步增长; a goal listed after it
    is read on its own (…不合格率低于全市平均水平、安全事件零发生)."""
    r = rules()

    def says_what(name: str) -> bool:
        return len(name) >= r.relative_name_min

    text = clause.strip()
    for pattern in r.relative:
        m = pattern.match(text)
        if not m:
            continue
        name_raw = raw_measure(m.group("measure"))
        subject = strip_filler(name_raw, says_what)
        if pattern is r.relative[1] and not (
            is_measure(subject) or r.relative_quantity.search(subject)
        ):
            continue
        pieces = _split(subject) if is_measure(subject) else [subject]
        atoms = parse_target(m.group("target"))
        found = [
            (
                m.start("target"),
                Measure(name_raw, clean(p, says_what), m.group("target"), atoms),
            )
            for p in pieces
            if says_what(p) and len(p) <= 30
        ]
        rest = m.end() + 1
        if found and text[m.end() : rest] == "、":
            found += [(rest + at, x) for at, x in _clause_measures(text[rest:])]
        return found
    return []


def _full(clause: str) -> list[tuple[int, Measure]]:
    """A goal for all (城乡社区儿童之家实现全覆盖): the words before it with the rate the full word
    names (城乡社区儿童之家覆盖率), 100 %; where it reaches, written after a word that needs it
    (…站点覆盖所有城乡社区), opens the name (城乡社区…站点覆盖率). A task toward it states it
    (推进…服务全覆盖), and so do words restating it after it (…全覆盖、无死角). One that says not
    what (…校园科技馆建设，…，力争实现全覆盖) or whom (关爱保护全覆盖) it covers is of kind "full",
    which its sentence's clauses before complete."""
    r = rules()
    text = clause.strip()
    head, _, last = text.rpartition("、")
    while head and last in r.full_restated:
        text = head
        head, _, last = text.rpartition("、")
    if "、" in text and sum(text.count(word) for word in r.full_words) > 1:
        return _full_each(text)
    m = r.full.match(text)
    if m is None:
        return []
    word, scope = m.group("word"), m.group("scope")
    if bool(scope) != (word in r.full_where_after):
        return []  # 全覆盖 ends the clause; 覆盖所有 needs where
    name_raw = raw_measure(m.group("measure"))
    # 推动实现全覆盖: a task with no subject of its own; …公共场所实现母婴室全覆盖: where, then
    # what is covered; …家长学校建立实现全覆盖: the act of covering is no part of it
    written = r.full_reach_verb.sub("", clean(r.full_opener.sub("", name_raw), lambda rest: True))
    subject = r.full_subject_verbs.sub("", written)
    target = m.group("target")
    rate = r.full_words[word]
    # 力争实现全覆盖, 关爱保护全覆盖: what or whom it covers is in a clause before (`_full_subject`)
    unsaid = not scope and (
        not subject or (r.full_care.search(subject) and not r.populations.search(subject))
    )
    # where: a few words naming places or bodies (城乡社区, 行政村, 中小学), not a phrase
    if scope and not (2 <= len(scope) <= 8 and "的" not in scope):
        return []
    subject = scope + subject if scope else subject
    after = None if scope else r.full_scope_after.match(subject)
    if after and not r.full_scope_only.fullmatch(after.group("thing")):
        # 实现婴幼儿照护服务设施社区全覆盖: where, written after the thing, opens the name as
        # it does written before (社区婴幼儿照护服务设施覆盖率)
        subject = after.group("where") + after.group("thing")
    if not scope and r.full_scope_only.fullmatch(subject):
        # …建设儿童之家，2025年底前实现村（社区）全覆盖: where the thing a clause before sets up
        # reaches (村（社区）儿童之家覆盖率), kept only when a clause sets one up
        where = Measure(name_raw, rate, target, parse_target(target), "full", where=subject)
        return [(m.start("target"), where)]
    items = _counted_items(subject)
    if items:
        atoms = parse_target(target)
        return [(m.start("target"), Measure(name_raw, i + rate, target, atoms)) for i in items]
    if (
        not (unsaid or 2 <= len(subject) <= 30)
        or subject.endswith(rate)
        or r.task_verb.match(subject)
        or r.full_scope_only.fullmatch(subject)
        # 义务教育学校全覆盖、有需求的学生全覆盖: two goals in one clause, whose subjects it
        # does not tell apart
        or any(word in subject for word in r.full_words)
    ):
        return []
    kind = "full" if unsaid else "rate"
    return [
        (m.start("target"), Measure(name_raw, subject + rate, target, parse_target(target), kind))
    ]


def _full_all(clause: str) -> list[tuple[int, Measure]]:
    """Places that all get a thing (乡镇（街道）要全部配备儿童督导员, 全部乡镇建成…, the goal's year
    before them in the clause or not): the thing's coverage there (乡镇（街道）儿童督导员覆盖率),
    the value of the full word 全部 states (`full_all` of grammars/indicators.yaml)."""
    r = rules()
    # most clauses hold no 全部: one scan spares them reading past a leading year
    if r.full_all.needs.search(clause) is None:
        return []
    text = r.whole_area.sub("", _lead(raw_measure(clause)))
    m = r.full_all.match(text)
    if m is None:
        return []
    word = r.full_all_word
    target = text[m.start("first") if m.group("first") else m.start("target") : m.end("target")]
    atoms = [a.model_copy(update={"raw": target}) for a in parse_target(word)]
    name = m.group("where") + m.group("thing") + r.full_words[word]
    at = clause.find(target)
    return [(at, Measure(m.group(0), name, target, atoms))]


def _full_each(text: str) -> list[tuple[int, Measure]]:
    """Goals for all written one after the other (儿童之家全覆盖、家长学校全覆盖): one each when
    every one names a thing a reader counts (`full_counted`), else none, since the others name
    where or whom (课后服务实现城区学校全覆盖、有需求的学生全覆盖)."""
    found: list[tuple[int, Measure]] = []
    offset = 0
    for part in _full_parts().split(text):
        goals = _full(part)
        if len(goals) != 1 or not _counts(goals[0][1].name, goals[0][1].kind):
            return []
        found.append((offset + goals[0][0], goals[0][1]))
        offset += len(part) + 1
    return found if len(found) > 1 else []


@cache
def _full_parts() -> re.Pattern:
    """The 、 after a goal for all that ends its clause (儿童之家全覆盖、家长学校全覆盖)."""
    r = rules()
    ends = [word for word in r.full_words if word not in r.full_where_after]
    return re.compile(rf"(?<=(?:{alternation(ends)}))、")


def _counts(name: str, kind: str) -> bool:
    """Whether a goal for all's name is of a thing a reader counts (儿童之家覆盖率)."""
    r = rules()
    return kind == "rate" and any(
        name.removesuffix(rate).endswith(r.full_counted) for rate in set(r.full_words.values())
    )


def _counted_items(subject: str) -> list[str]:
    """The things of a goal for all naming several (城乡社区儿童之家和家长学校, 母婴室、托育机构),
    each ending in a word of `full_counted`, the places the first opens with lent to the others
    (城乡社区家长学校); [] when an item names something else (中小学、幼儿园家长学校 is one)."""
    r = rules()
    if not _LIST_MARK.search(subject):
        return []
    items = _LIST_MARK.split(subject)
    if not all(len(i) >= 2 and i.endswith(r.full_counted) for i in items):
        return []
    where = r.full_scope_only.match(items[0])
    lent = where.group(0) if where and where.end() < len(items[0]) else ""
    return [items[0]] + [i if r.full_scope_only.match(i) else lent + i for i in items[1:]]


def _multiple(clause: str) -> list[tuple[int, Measure]]:
    """A measure to grow by a multiple (托位数实现翻一番, 地区生产总值比2020年翻一番): a change of
    +100 % per doubling, the base year when written."""
    m = rules().multiple.match(clause.strip())
    if m is None:
        return []
    found = _rate_measures(m.group("measure"), m.group("target"), False)
    return [(m.start("target"), x) for x in found]


def _directions(clause: str) -> list[tuple[int, Measure]]:
    """A direction ending the clause (…显著提高) or opening it (进一步降低…). A prevalence counts
    as a measure (有效控制5岁以下儿童生长迟缓 → …生长迟缓率), and so does the trend of a list of
    them (儿童超重、肥胖上升趋势得到有效控制 → 儿童超重率, 儿童肥胖率)."""
    r = rules()
    text = clause.strip()
    m = r.direction.match(text)
    if m:
        found = _direction_measures(m.group("measure"), m.group("target"))
        if found:
            return [(0, x) for x in found]
    m = r.direction_first.match(text)
    if m:
        # 提高和完善配套标准: a second verb means the object is a task, not a measure; a bare
        # measure (提高救助标准) is kept only if the sentence says whose it is
        found = [
            x
            for x in _direction_measures(m.group("measure"), m.group("target"))
            if not r.task_verb.match(x.name) and not r.vague_object.search(x.name)
        ]
        for x in found:
            if r.bare_object.search(x.name):
                x.kind = "bare"
        if found:
            return [(m.start("target"), x) for x in found]
    return []


def _direction_measures(segment: str, target: str) -> list[Measure]:
    forms = _forms()
    name_raw = raw_measure(segment)
    subject = strip_filler(name_raw, lambda rest: len(rest) >= 2)
    trend = forms.trend.search(subject)
    if trend:
        names = list(_prevalences(subject[: trend.start()]))
    elif forms.conditions.search(subject) and not is_measure(subject):
        names = [clean(subject, lambda rest: len(rest) >= 2) + "率"]
    else:
        listed = strip_filler(name_raw, is_measure)
        # 降低孕产妇和婴儿死亡率: populations or groups listed before one measure name one
        # direction each, as …分别下降到… gives each its value
        items = _LIST_MARK.split(listed)
        grouped = len(items) > 1 and all(map(_group_word, items[:-1]))
        shared = shared_measures(listed) if grouped else []
        names = [clean(p) for p in shared or _split(listed) if is_measure(p)]
    atoms = parse_target(target)
    return [Measure(name_raw, n, target, atoms) for n in names if n]


def _group_word(text: str) -> bool:
    """Whether `text` is only a population (孕产妇, 5岁以下儿童) or a group of a measure (城市)."""
    forms = _forms()
    return bool(text) and (_only_population(text) or bool(forms.subgroup_first.fullmatch(text)))


def _prevalences(listed: str) -> Iterator[str]:
    """儿童超重、肥胖、新发近视 → 儿童超重率, 儿童肥胖率, 儿童新发近视率: every item must name a
    condition; the words before the first item's condition are everyone's. Items written as
    rates (超重率和肥胖率上升势头) are the same list."""
    forms = _forms()
    items = [item.removesuffix("率") for item in _LIST_MARK.split(listed)]
    first = forms.conditions.search(items[0]) or _LAST_TWO.search(items[0])
    if not first or not all(forms.conditions.search(i) for i in items[1:]):
        return
    shared = items[0][: first.start()]
    for item in items:
        yield (item if item.startswith(shared) else shared + item) + "率"
