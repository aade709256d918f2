"""The vocabulary of goal sentences and the naming of the measures they set goals for.

Shared by the readers of goal sentences (`goals`) and of counted goals (`counts`): the compiled
`prose` and `count` rules of grammars/indicators.yaml, the `Measure` a reader finds, and the
steps that turn the words of a sentence into a name that stands alone: leading clause words and
the plan's own area dropped, example lists dropped, a short name completed with the subject of the
measure or object before it (…普及率和实际利用率 → …实际利用率).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

import regex as re

from .. import units
from ..grammar import alternation, load
from ..model import Measurement, TargetAtom
from ..textutil import squash_spaces
from .targets import population_words

OPEN, CLOSE = "（(", "）)"
# What opens a measure and is no part of it: separators, dashes, and the bullets a list's points
# open with (■普惠托位占比达到60%以上, ●, ◆, ▲, ★, •; ◎ and ○ on a WeChat repost's points)
LEADING_MARKS = re.compile(r"^[\s、，,和及并且——\-■□●◆◇▲△★☆•▪▶►◎○]+")
_ITEM_NUMBER = re.compile(r"^(?:[0-9０-９]+[.．、]|[（(][0-9０-９一二三四五六七八九十]+[)）])\s*")
# a Chinese numeral small enough to count things: 一所, 两名, 十个
CN_NUMBER = "[一二两三四五六七八九十]{1,3}"
_DIGIT = re.compile("[0-9０-９]")


def has_digit(text: str) -> bool:
    """Whether `text` holds a digit in either width: a goal with a value needs one."""
    return _DIGIT.search(text) is not None


@dataclass(frozen=True)
class Gated:
    """A pattern and the words it cannot match without: `match` tries the pattern only on a text
    holding one of them. Most clauses state no goal, and a failed match of a pattern that opens
    with `.+?` and ends in `$` tries every split of the clause, where a substring test is one
    scan."""

    pattern: re.Pattern
    needs: re.Pattern
    # for a pattern that ends in one of these words and `$`: a text must end so (or with a
    # newline after, where `$` also matches), which rules out most clauses without a scan
    ends: tuple[str, ...] = ()

    def match(self, text: str) -> re.Match | None:
        if self.ends and not text.removesuffix("\n").endswith(self.ends):
            return None
        if self.needs.search(text) is None:
            return None
        return self.pattern.match(text)


def _gated(pattern: str, needs: list[str], *, at_end: bool = False) -> Gated:
    return Gated(
        re.compile(pattern), re.compile(alternation(needs)), tuple(needs) if at_end else ()
    )


@dataclass
class Measure:
    """One measure a clause sets a goal for: name as written, clean name, target phrase, atoms.

    `kind` is "rate" (a named measure, its name may borrow a subject), "count" (the things as
    written, never completed), "bare" (a measure word only, such as 救助标准: kept only when the
    sentence lends it a subject) or "full" (a goal for all that says not what or whom it
    covers, 力争实现全覆盖 or 关爱保护全覆盖: kept only when a clause before it in the sentence
    sets up the thing or names the people); `where` is where such a goal reaches when its
    words say only that (…建设儿童之家，…实现村（社区）全覆盖 → 村（社区）). `step` numbers the
    values of one measure's 分别 list, each the goal of one year of the sentence's year list
    (到2025年和2030年…分别不低于25%和32%); `pair`, the groups a word opening its name stands
    for (城乡: 城市, 农村), whose goals the values are when the sentence lists no years.
    `further` marks a later goal of the measure named just before, its year and value written
    without naming it again (…到2025年降至5‰以下，到2030年降至4‰以下), or another group's
    (…城市要达到60%，农村要达到55%); `amends`, the value that makes the direction goal just
    before precise (进一步提高高中阶段毛入学率，达到95%以上): its target replaces that one.
    `group` is the group a target is set for when the sentence sets one per group; `baseline`
    the value the measure starts from (由2020年的3.5‰下降到…), its provenance left to the
    caller."""

    name_raw: str
    name: str
    target: str
    atoms: list[TargetAtom]
    kind: str = "rate"
    step: int | None = None
    further: bool = False
    amends: bool = False
    group: str | None = None
    baseline: Measurement | None = None
    where: str = ""
    pair: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rules:
    head: re.Pattern
    per_capita: re.Pattern
    achievement: re.Pattern
    results_report: re.Pattern
    past_marker: re.Pattern
    look_back_opening: re.Pattern
    present_marker: re.Pattern
    look_back_time: re.Pattern
    goal_within: re.Pattern
    story_goal_sign: re.Pattern
    goal_context: re.Pattern
    effort_span: re.Pattern
    reported_lead_in: re.Pattern
    reported_plan_words: re.Pattern
    planned_bound: re.Pattern
    year_on_year: re.Pattern
    this_year: re.Pattern
    target_year: re.Pattern
    year_list: re.Pattern
    lead_in: re.Pattern
    report_lead_in: re.Pattern
    scope_note: re.Pattern
    bare_year: re.Pattern
    year_alone: re.Pattern
    deadline_year: re.Pattern
    opening_year: re.Pattern
    plan_span: re.Pattern
    plan_end: dict[str, int]
    adverb: str
    goal: re.Pattern
    verb_first: re.Pattern
    baseline_statement: re.Pattern
    listed_statement: re.Pattern
    present_statement: re.Pattern
    present_word: re.Pattern
    numeric_head: re.Pattern
    value: re.Pattern
    time_unit: re.Pattern
    time_head: str
    direction: Gated
    full: Gated
    multiple: Gated
    full_words: dict[str, str]  # the word: the rate it names
    full_where_after: frozenset[str]
    full_subject_verbs: re.Pattern
    full_scope_only: re.Pattern
    full_scope_after: re.Pattern
    full_opener: re.Pattern
    full_built: re.Pattern
    full_care: re.Pattern
    full_counted: tuple[str, ...]
    full_restated: frozenset[str]
    full_reach_verb: re.Pattern
    full_all: Gated
    full_all_word: str  # the full word a goal for all's places state (全部 → 全覆盖)
    direction_first: Gated
    task_verb: re.Pattern
    vague_object: re.Pattern
    bare_object: re.Pattern
    relative: tuple[Gated, ...]
    relative_quantity: re.Pattern
    relative_name_min: int
    whole_area: re.Pattern
    money: re.Pattern
    filler: re.Pattern
    own_area: re.Pattern
    not_places: frozenset[str]
    examples: re.Pattern
    examples_min_rest: int
    not_a_goal_after: re.Pattern
    knowledge: re.Pattern
    significance: re.Pattern
    encouragement: re.Pattern
    goal_wrapper: re.Pattern
    populations: re.Pattern
    subjects: re.Pattern
    measure_words: re.Pattern
    count_suffix: re.Pattern
    bare: re.Pattern
    vague_names: frozenset[str]
    short_name: int
    shared_name: int
    shared_part_end: int
    topic_name: int
    line_phrase: int
    topic_shared: int
    topic_borrowed_start: re.Pattern
    object_verb: re.Pattern
    topic_object: re.Pattern
    topic_tail: re.Pattern
    work_tail: re.Pattern
    people: re.Pattern
    object_rate: re.Pattern
    provision: re.Pattern
    provision_noun: re.Pattern
    standard_words: re.Pattern
    standard_level_verbs: frozenset[str]


@cache
def rules() -> Rules:
    g = load("indicators")
    p = g["prose"]
    five_year_plans = load("metadata")["five_year_plans"]
    standard_words = p["standard_words"] + p["provision_nouns"]
    adverb = f"(?:{alternation(p['adverbs'])})"
    # a change may be a fraction (以2020年为基数下降1/3), never the 15/10万 of a rate per 10万
    number = r"[0-9０-９]+(?:[.．][0-9０-９]+)?(?:[/／][0-9０-９]+(?![0-9０-９.．万千]))?"
    # a ratio is one value (出生人口性别比…达到107:100, 男女比例1:1)
    one_value = (
        rf"(?:[≥≤＞＜><≧≦]=?\s*)?{number}(?:\s*[:：︰∶]\s*{number})?(?:\s*(?:{units.pattern()}))?"
    )
    # between a measure and its verb: adverbs, the base or unit of a change (以2020年为基数,
    # 以2020年为基础, 以乡镇为单位), its comparison (较2020年, 在上一年度基础上), the year of its
    # goal when the measure is written first (出生缺陷发生率到2025年要降至60/万, the numbered 具体
    # 目标 of provincial and county plans; 婴儿死亡率2025年控制在5‰以下) or the years of its 分别
    # values (`listed`: 素养水平到2025年和2030年分别不低于…), and the value it starts from
    # (`base`: 由2020年的3.5‰); the 以 of a base is never that of 以下/以上 in the name (5岁以下
    # 儿童贫血率以2020年为基础下降1/4); a base year written 比2020年 or 与2020年相比
    # (儿童伤害死亡率比2020年下降20%) as targets.yaml's `baselines` read it
    gap = (
        rf"(?:{adverb}|以(?![上下内])[^，,。；;]{{1,15}}?为(?:基数|基础|单位|基准|标准)|较[^，,。；;]{{1,20}}?"
        rf"|(?:比|相比|与)(?:于)?\s*(?:19|20)[0-9]{{2}}\s*年(?:底|末)?(?:相比)?"
        rf"|在[^，,。；;]{{1,15}}?基础上|(?P<listed>{p['year_list']})|{p['target_year']}"
        rf"|{p['goal_year']}|(?P<base>{p['baseline_from']}\s*(?P<base_value>{one_value})\s*))*"
    )
    # a value listed after another ends the list when a name goes on after it: in
    # 婴儿死亡率降至3‰、5岁以下儿童死亡率降至5‰ the 5岁 opens the next measure's name
    listed = rf"{one_value}(?!\s*+(?:{p['bounds']})?+\s*+(?![和及与至])\p{{Han}})"
    # each value of a list may carry its own bound (…分别达到95%以上、90%以上)
    values = rf"{one_value}(?:\s*(?:{p['bounds']})?\s*(?:[、和及与]|[-—–―~～至])\s*{listed})*"
    count_value = rf"(?=\s*{number}\s*(?:{alternation(units.spellings('count'))}))"
    verbless = rf"{p['verbless_rate']}|{p['verbless_per_capita']}{count_value}"
    # a space may stand between the verb and its number: 不低于 95% (text converted from a Word
    # file whose Latin digits sat in a Western font, 峨山 county's education plan)
    # 补助标准为每人每月1500元: 为 after a standard's word states its level (`_numeric` keeps it
    # only with a standard's money rate)
    standard_level = (
        rf"(?<=(?:{alternation(standard_words)}))(?:{alternation(p['standard_level_verbs'])})"
    )
    goal = (
        rf"(?P<gap>{gap})(?P<verb>{alternation(p['numeric_verbs'])}|{verbless}|{standard_level})"
        rf"(?P<dated>{p['value_year']})?(?P<share>{p['share_of']})??\s*(?P<values>{values})"
        rf"(?:\s*(?P<bound>{p['bounds']}))?"
    )
    year = p["goal_year"]
    baseline_statement = (
        rf"^(?:(?P<year>{year})[，,]?)?(?P<measure>.+?)(?P<year>{year})??{adverb}*"
        rf"(?:{alternation(p['baseline_verbs'])})(?P<value>{one_value})$"
    )
    now = p["present_words"]
    # 2020年城市、农村儿童保健管理率分别为85%和78%: a value each for a list of measures, in a
    # year or now (…管理率目前分别为85%和70%)
    listed_statement = (
        rf"^(?:(?P<year>{year})[，,]?|(?P<now>{now})[，,]?)?(?P<measure>.+?)"
        rf"(?:(?P<year>{year})|(?P<now>{now}))??{adverb}*(?P<now>已经?)?{adverb}*"
        rf"(?:{alternation(p['baseline_verbs'])})(?P<values>{values})$"
    )
    present_statement = (
        rf"^(?:(?P<now>{now})[，,]?)?(?P<measure>.+?)(?P<now>{now})?{adverb}*(?P<now>已经?)?"
        rf"(?:{alternation(p['baseline_verbs'])})(?P<value>{one_value})$"
    )
    heads = alternation(g["measure_heads"])
    full_entries = load("targets")["full_words"]
    full_words = {word: entry["rate"] for word, entry in full_entries.items()}
    multiples = load("targets")["multiple_words"]
    rel = p["relative"]
    clause_verbs = p["object_verbs"] + p["task_verbs"] + p["direction_first_verbs"]
    return Rules(
        head=re.compile(rf"(?:{heads})$"),
        per_capita=re.compile(g["per_capita"]),
        achievement=re.compile(p["achievement_context"]),
        results_report=re.compile(p["results_report"]),
        past_marker=re.compile(p["past_marker"]),
        look_back_opening=re.compile(p["look_back_opening"]),
        present_marker=re.compile(p["present_marker"]),
        look_back_time=re.compile(p["look_back_time"]),
        goal_within=re.compile(p["goal_within"]),
        story_goal_sign=re.compile(
            "|".join(
                [alternation(p["story_goal_words"])]
                + [
                    p[key]
                    for key in (
                        "reported_plan_words",
                        "this_year",
                        "goal_within",
                        "target_year",
                        "bare_year",
                    )
                ]
            )
        ),
        goal_context=re.compile(p["goal_context"]),
        effort_span=re.compile(p["effort_span"]),
        reported_lead_in=re.compile(p["reported_lead_in"]),
        reported_plan_words=re.compile(p["reported_plan_words"]),
        planned_bound=re.compile(alternation(p["planned_year_bounds"])),
        year_on_year=re.compile(p["year_on_year"]),
        this_year=re.compile(p["this_year"]),
        target_year=re.compile(p["target_year"]),
        year_list=re.compile(p["year_list"]),
        lead_in=re.compile(p["lead_in"]),
        report_lead_in=re.compile(p["report_lead_in"]),
        scope_note=re.compile(p["scope_note"]),
        bare_year=re.compile(p["bare_year"]),
        # a year alone in a clause (2020年，…为3.5‰，…): the year of what the next clause states
        year_alone=re.compile(rf"\s*(?:{p['bare_year']})(?:底|末)?\s*"),
        deadline_year=re.compile(
            rf"(?|{p['deadline_year']}|(?<=\p{{Han}})(?<![到至以较比由从与])((?:19|20)[0-9]{{2}})\s*年(?:底|末)?"
            rf"(?={adverb}*(?:{alternation(p['measure_year_verbs'])})(?!了)))"
        ),
        opening_year=re.compile(p["opening_year"]),
        plan_span=re.compile(
            p["plan_span"].replace("{five_year_plans}", alternation(list(five_year_plans)))
        ),
        plan_end={name: years[1] for name, years in five_year_plans.items()},
        adverb=adverb,
        goal=re.compile(goal),
        verb_first=re.compile(
            rf"^(?:{alternation(p['leading_filler'])})*(?P<verb>{alternation(p['verb_first_verbs'])})"
            rf"(?P<measure>[^，,。；;]{{2,40}}?)(?P<to>到|至)\s*(?!(?:19|20)[0-9]{{2}}\s*年)"
            rf"(?P<values>{one_value})(?:\s*(?:{p['bounds']}))?$"
        ),
        baseline_statement=re.compile(baseline_statement),
        listed_statement=re.compile(listed_statement),
        present_statement=re.compile(present_statement),
        present_word=re.compile(rf"(?:{now})"),
        numeric_head=re.compile(rf"(?:{alternation(p['numeric_heads'])})$"),
        value=re.compile(one_value),
        time_unit=re.compile(p["time_units"]),
        time_head=p["time_head"],
        direction=_gated(
            rf"^(?P<measure>.+?)(?P<target>{adverb}*(?:{alternation(p['direction_verbs'])}))$",
            p["direction_verbs"],
            at_end=True,
        ),
        full=_gated(
            rf"^(?P<measure>.+?)(?P<target>{adverb}*(?:实现|达到)?{adverb}*"
            rf"(?P<word>{alternation(list(full_words))})(?P<scope>[^，,。；;、]{{0,15}}))$",
            list(full_words),
        ),
        full_words=full_words,
        full_where_after=frozenset(w for w, e in full_entries.items() if e.get("where_after")),
        multiple=_gated(
            rf"^(?P<measure>.+?)(?P<target>(?:{adverb}|实现|比\s*(?:19|20)[0-9]{{2}}\s*年(?:底|末)?)*"
            rf"(?:{alternation(list(multiples))}))$",
            list(multiples),
            at_end=True,
        ),
        full_subject_verbs=re.compile(rf"(?:{alternation(p['full_subject_verbs'])})$"),
        full_scope_only=re.compile(p["full_scope_only"]),
        # the thing, then where it reaches, two characters at least (婴幼儿照护服务设施|社区; not
        # the 区 of 居住小区)
        full_scope_after=re.compile(
            rf"^(?P<thing>[^，,。；;]{{2,}}?(?:{alternation(p['full_thing_heads'])}))"
            rf"(?P<where>(?=.{{2}})(?:{p['full_scope_only']}))$"
        ),
        full_opener=re.compile(rf"^(?:{alternation(p['full_openers'])})"),
        full_care=re.compile(p["full_care"]),
        full_counted=tuple(p["full_counted"]),
        full_built=re.compile(
            p["full_built"]
            .replace("{verbs}", alternation(p["full_subject_verbs"]))
            .replace("{work}", alternation(p["work_nouns"]))
        ),
        full_restated=frozenset(p["full_restated"]),
        full_reach_verb=re.compile(
            rf"(?:{alternation(p['full_reach_modals'])})?(?:{alternation(p['full_reach_verbs'])})"
        ),
        full_all=_gated(
            rf"^(?:各|所有|(?P<first>{alternation(p['full_all']['words'])}))?"
            rf"(?P<where>{p['full_scope_only']})(?:{alternation(p['full_reach_modals'])})?"
            rf"(?P<target>(?(first)|(?:{alternation(p['full_all']['words'])}))"
            rf"(?:{alternation(p['full_all']['verbs'])}))"
            rf"(?P<thing>\p{{Han}}[^，,。；;、]{{1,20}}?(?:"
            rf"{alternation(p['full_thing_heads'] + p['full_counted'] + p['full_all']['staff'])}"
            rf"))$",
            p["full_all"]["words"],
        ),
        full_all_word=p["full_all"]["as"],
        direction_first=_gated(
            rf"^(?:{p['direction_lead_in']})?(?P<target>{adverb}*"
            rf"(?:{alternation(p['direction_first_verbs'])}))"
            rf"(?!{p['direction_first_not_before']})(?P<measure>[^，,。；;]+)$",
            p["direction_first_verbs"],
        ),
        task_verb=re.compile(rf"^(?:{alternation(p['task_verbs'])})"),
        vague_object=re.compile(p["vague_object"]),
        bare_object=re.compile(p["bare_object"]),
        relative=(
            _gated(
                rf"^(?P<measure>.+?)(?P<target>{adverb}*(?:{alternation(rel['verbs'])})"
                rf"[^，,。；;、]{{0,12}}?(?:{alternation(rel['references'])}))(?=、|$)",
                rel["references"],
            ),
            _gated(
                rf"^(?P<measure>.+)(?P<target>与[^与，,。；;]{{2,20}}?(?:{alternation(rel['accords'])}))$",
                rel["accords"],
                at_end=True,
            ),
        ),
        relative_quantity=re.compile(rf"(?:{alternation(rel['quantities'])})$"),
        relative_name_min=rel["name_min_chars"],
        whole_area=re.compile(p["whole_area"]),
        money=re.compile(alternation(units.spellings("money"))),
        filler=re.compile(
            rf"^(?:(?!{alternation(p['leading_filler_terms'])})(?:{alternation(p['leading_filler'])})"
            rf"|{p['leading_scope']}|{p['leading_report']}|{p['leading_goal_verb']})"
        ),
        own_area=re.compile(p["own_area"]),
        not_places=frozenset(p["not_places"]),
        examples=re.compile(p["examples"]),
        examples_min_rest=p["examples_min_rest"],
        not_a_goal_after=re.compile(p["not_a_goal_after"]),
        knowledge=re.compile(p["knowledge"]),
        significance=re.compile(p["significance"]),
        encouragement=re.compile(p["encouragement"]),
        goal_wrapper=re.compile(p["goal_wrapper"]),
        populations=re.compile(alternation(_populations())),
        people=_people_pattern(p),
        subjects=re.compile(alternation(_qualifier_spellings(("subject",)))),
        measure_words=re.compile(rf"(?:{alternation(_measure_words())})$"),
        count_suffix=re.compile(g["count"]["name_suffix"]),
        bare=re.compile(p["bare_measure"]),
        vague_names=frozenset(p["vague_names"]),
        short_name=p["short_name_chars"],
        shared_name=p["shared_name_chars"],
        shared_part_end=p["shared_part_end_chars"],
        topic_name=p["topic_name_chars"],
        line_phrase=p["line_phrase_chars"],
        topic_shared=p["topic_shared_chars"],
        # greedy: the end of the last verb or list mark
        topic_borrowed_start=re.compile(rf".*(?:{alternation(clause_verbs)}|[、，,；;])"),
        object_verb=re.compile(alternation(p["object_verbs"])),
        topic_object=re.compile(
            rf"(?:{alternation(p['object_verbs'])})(?P<object>[^的，,]{{2,}}?)的"
        ),
        topic_tail=re.compile(rf"(?:{alternation(p['topic_tails'] + p['work_nouns'])})+$"),
        work_tail=re.compile(rf"(?<=\p{{Han}}{{2}})(?:{alternation(p['work_nouns'])})+$"),
        object_rate=re.compile(alternation(p["object_rates"])),
        provision=re.compile(
            rf"(?:{alternation(p['provision_measures'] + p['provision_nouns'])})$"
        ),
        # the provision's words before its noun, none of them a verb of handing it out
        provision_noun=re.compile(
            rf"^(?:(?!{alternation(p['provision_giving'])}).){{2,}}"
            rf"(?:{alternation(p['provision_nouns'])})$"
        ),
        standard_words=re.compile(alternation(standard_words)),
        standard_level_verbs=frozenset(p["standard_level_verbs"]),
    )


def _qualifier_spellings(classes: tuple[str, ...]) -> list[str]:
    qualifiers = load("indicator_synonyms").get("qualifiers") or {}
    return [
        spelling
        for klass in classes
        for spellings in (qualifiers.get(klass) or {}).values()
        for spelling in spellings
    ]


def _populations() -> list[str]:
    """Words naming whom or where a measure is about: the one population vocabulary
    (`targets.population_words`), which the reader of target lists uses too."""
    return population_words()


def _people_pattern(p: dict) -> re.Pattern:
    """People as a clause names them: population words (`_populations`) one after another, each
    after any condition words (农村留守儿童, 困境妇女, 留守老年人), or a condition before a word
    that names people only with one (低收入家庭; 家庭 alone is no population)."""
    conditions = alternation(p["people_conditions"])
    holders = alternation(p["condition_holders"])
    return re.compile(
        rf"(?:(?:{conditions})*(?:{alternation(_populations())}))+|(?:{conditions})+(?:{holders})"
    )


def _measure_words() -> list[str]:
    """Spellings of what a rate measures (普及率, 发生率, 死亡率) from the crosswalk's heads."""
    heads = load("indicator_synonyms").get("heads") or {}
    return [s for spellings in heads.values() for s in spellings if len(s) >= 2]


def raw_measure(segment: str) -> str:
    """A phrase as written without list marks, item numbers, a lead-in (具体目标是：) and its
    leading 到…年 or bare year (2027年全市…)."""
    r = rules()
    text = segment.strip()
    while True:
        before = text
        text = r.lead_in.sub("", _ITEM_NUMBER.sub("", LEADING_MARKS.sub("", text)))
        m = r.target_year.match(text) or r.opening_year.match(text)
        if m:
            text = text[m.end() :]
        if text == before:
            return text


def strip_filler(text: str, check: Callable[[str], bool]) -> str:
    """`text` without leading clause words (确保, 将, 力争实现…), a goal year after them (力争到
    2030年总体癌症5年生存率…: the sentence's dates give the year) and the plan's own area (全区,
    渝中区), as long as what is left still passes `check`."""
    r = rules()
    while True:
        before = text
        rest = LEADING_MARKS.sub("", r.filler.sub("", text))
        if rest != text and check(rest):
            text = rest
        year = r.target_year.match(text) if text[:1] in "到至展在" else None
        if year and check(rest := text[year.end() :].lstrip("，, ")):
            text = rest
        m = r.own_area.match(text)
        if m and m.group(0) not in r.not_places and check(text[m.end() :]):
            text = text[m.end() :]
        if text == before:
            return text


def whole_area_prefix(name: str) -> str | None:
    """The words naming a plan's whole area a name opens with (全区, 本县, 全自治区), if any."""
    m = rules().whole_area.match(name)
    return m.group(0) if m else None


def states_area(name_raw: str) -> bool:
    """Whether a measure is written with the plan's whole area (确保全区住院分娩率…): it then
    stands alone and borrows no subject from the clause before."""
    r = rules()
    return bool(r.whole_area.match(LEADING_MARKS.sub("", r.filler.sub("", name_raw.strip()))))


@lru_cache(maxsize=8192)  # a list's pieces are tested as they grow, and again by each reader
def is_measure(text: str) -> bool:
    r = rules()
    text = text.strip()
    if not 2 <= len(text) <= 50:
        return False
    return bool(r.head.search(text) or r.per_capita.match(text))


@lru_cache(maxsize=8192)  # asked of the same pieces as `is_measure`
def is_measured(text: str) -> bool:
    """Whether `text` names a measure when a number is set for it: any measure, or a level that
    is measured only by a number (居民健康素养水平不低于25%; …素养水平逐步提高 names none)."""
    text = text.strip()
    return is_measure(text) or (
        2 <= len(text) <= 50 and rules().numeric_head.search(text) is not None
    )


def is_provided(text: str) -> bool:
    """Whether `text` names a measure when a standard's money rate is set for it: any measured
    name, or what people are provided named by the provision alone (困境儿童基本生活补贴,
    孤儿基本生活费: `provision_nouns`, with words saying what it is for and no verb handing it
    out, `provision_giving`)."""
    text = text.strip()
    return is_measured(text) or (len(text) <= 50 and rules().provision_noun.match(text) is not None)


def clean(piece: str, check: Callable[[str], bool] = is_measure) -> str:
    """The clean name of one measure: no leading filler, own area or example list (机场、
    火车站等)."""
    r = rules()
    text = strip_filler(piece.strip(), check)
    m = r.examples.match(text)
    # the examples are things (机场、火车站等), never whom the measure is about (女性在理学、工学等)
    examples = m.group(0) if m else ""
    rest = text[len(examples) :]
    if (
        m
        and len(rest) >= r.examples_min_rest
        and check(rest)
        and not r.populations.search(examples)
    ):
        text = rest
    return squash_spaces(text)


def subject_of(name: str) -> str:
    """What a measure is about, to lend to a sibling named by its last words only: the things a
    count counts (儿童公益性校外活动场所|数) or the name without what it measures (农村无害化
    卫生厕所|普及率, 相关伤害|发生率), else the name up to its last population word (孤儿和事实无人
    抚养儿童|基本生活保障率); a name measuring nothing is all subject."""
    r = rules()
    if not r.head.search(name):
        return name
    m = r.count_suffix.search(name) or r.measure_words.search(name)
    if m:
        return name[: m.start()]
    return _population_subject(name)


def _parallel_subject(name: str, before: str) -> str:
    """The subject of a rate of the same kind as the one before, both with a modifier:
    儿童青少年新发近视率…，总体近视率… → 儿童青少年 (新发 and 总体 are kinds of 近视率)."""
    m = rules().measure_words.search(name)
    if not m or not m.start() or not before.endswith(name[m.start() :]):
        return ""
    return before[: len(before) - len(name)]


def _population_subject(name: str) -> str:
    """The name up to its last population word, with the 拥有 of a per-capita measure
    (每千名儿童拥有|儿科床位数); "" when no population word is followed by more words."""
    r = rules()
    ends: list[int] = []
    for m in r.populations.finditer(name):
        if ends and r.object_verb.search(name, ends[-1], m.start()):
            break  # 女性接受高等教育比例: a population word after 接受 is what is done, not whom
        ends.append(m.end())
    if not ends or ends[-1] >= len(name):
        return ""
    end = ends[-1] + (2 if name.startswith("拥有", ends[-1]) else 0)
    return name[:end]


def complete(name: str, previous: str | None, topics: tuple[str, ...] = ()) -> str:
    """A measure named by its last words borrows the subject of the measure before it in the
    sentence (`previous`) or of what the clauses without a goal before it were about (`topics`):
    - the words before a part they share: …标准达标率稳定在95%以上、达标优良率… → …标准达标优良率;
      扩大残疾儿童康复救助服务范围，提高救助标准 → 残疾儿童康复救助标准; 加强0-6岁儿童眼保健和视力
      检查工作，…，将眼保健和视力检查覆盖率维持在90%以上 → 0-6岁儿童眼保健和视力检查覆盖率;
    - everything it is about, for a bare rate (覆盖率, 死亡率, 实际利用率): 相关伤害发生率、死亡率
      → 相关伤害死亡率; 做好免费孕前优生健康检查，…，覆盖率达到95%以上 → 免费孕前优生健康检查覆盖率;
    - the population or area of the measure before: 孤儿和事实无人抚养儿童基本生活保障率、助医
      助学率 → 孤儿和事实无人抚养儿童助医助学率; 农村集中供水率、自来水普及率 → 农村自来水普及率;
    - a population with a rate of taking part in something it does not name takes the subject
      of the topic before (推进长期护理保险制度，提高妇女参保率 → 长期护理保险妇女参保率).
    """
    r = rules()
    if topics and previous is None:
        scoped = _scoped_thing(name, topics[-1])
        if scoped:
            return scoped
    lead = r.populations.match(name)
    if lead:
        # 推进长期护理保险制度，提高妇女参保率: whom is said, the insurance is the topic's
        subject = topic_subject(topics[-1]) if topics and not previous else ""
        if len(subject) >= 2 and r.object_rate.fullmatch(name[lead.end() :]):
            return subject + name
        return name
    # what a population 拥有 is lent only to other things it has, never to a share or a rate
    # (每千人口拥有托位数4.5个，托位使用率… is the rate of all places)
    if previous and r.per_capita.match(previous) and not r.count_suffix.search(name):
        previous = None
    if previous and len(name) <= r.shared_name and len(previous) > len(name):
        at = previous.find(name[:2])
        if at > 0 and len(previous) - at - 2 <= r.shared_part_end:
            return previous[:at] + name
    for topic in topics:
        short = len(name) <= r.topic_name
        shared = name[:2] if short else name[: r.topic_shared]
        at = topic.find(shared) if len(shared) >= 2 and len(topic) > len(name) - len(shared) else -1
        borrowed = _borrowed_words(topic[:at]) if at > 0 else ""
        # a long name takes only whom it is about (0-6岁儿童), never a verb (大力引进…)
        if len(borrowed) >= 2 and (short or r.populations.search(borrowed)):
            return borrowed + name
    if r.populations.search(name):
        return name
    before = previous or (topics[0] if topics else None)
    if before and r.bare.match(name):
        if previous is None:
            # 加强儿童之家建设，覆盖率… measures the 儿童之家, not their building
            before = r.work_tail.sub("", before)
            # 公众获取母乳喂养知识的渠道更加多元，知晓率…: what is got, not the clause
            got = r.topic_object.search(before)
            before = got.group("object") if got else before
        subject = _parallel_subject(name, before) or subject_of(before)
        if r.subjects.search(subject) and r.subjects.search(name):
            # 儿童溺水死亡率持续下降，近视率下降: a rate naming its own condition takes whom the
            # measure before is about, not that measure's condition (儿童近视率, not 儿童溺水近视率)
            subject = _population_subject(before)
        return subject + name if len(subject) >= 2 else name
    if previous and len(name) <= r.short_name and len(previous) > len(name):
        subject = _population_subject(previous)
        if subject and r.head.search(previous):
            return subject + name
    return name


def _borrowed_words(before: str) -> str:
    """The words of an object before the part a name shares with it that may open the name:
    those after the clause's last verb or list mark (公众获取|母乳喂养… lends nothing)."""
    verb = rules().topic_borrowed_start.match(before)
    return before[verb.end() :] if verb else before


def _scoped_thing(name: str, topic: str) -> str | None:
    """A bare rate after the places it reaches only (城乡社区覆盖率) measures the thing the clause
    before sets up (推进儿童之家建设 → 城乡社区儿童之家覆盖率), written after the places as a
    goal for all's are (`full_built`, `full_scope_only` of grammars/indicators.yaml); None when
    the name says more than where, or the topic sets nothing up."""
    r = rules()
    where = r.full_scope_only.match(name)
    if where is None or not r.bare.match(name[where.end() :]):
        return None
    built = r.full_built.search(topic)
    if built is None:
        return None
    thing = built.group("thing")
    return (thing if where.group(0) in thing else where.group(0) + thing) + name[where.end() :]


def needs_subject(name: str) -> bool:
    """A short name saying neither whom nor what it is about (人群筛查率, 早诊早治率; not
    出生缺陷率, whose condition is a subject of the crosswalk vocabulary)."""
    r = rules()
    return len(name) <= r.topic_name and not (r.populations.search(name) or r.subjects.search(name))


def lend_subject(
    name: str, previous: str | None, topics: tuple[str, ...], item: str | None, title: str | None
) -> str:
    """A short name nothing in its sentence completed (`complete`), saying neither whom nor what,
    takes in this order
    - for a measure of what people are provided (…保障水平, …补助标准) that names nobody, whatever
      its length, the people the nearest clause before it names (完善困境儿童分类保障制度，基本
      生活保障水平不低于上年水平 → 困境儿童基本生活保障水平);
    - the subject of the 专栏 entry it is in (妇女两癌 for 人群筛查率 in 妇女“两癌”防治项目);
    - for a rate with no measure before it, the subject of the nearest clause before it that says
      whom (完善儿童血液病、恶性肿瘤等重病诊疗体系，…，提高早诊早治率 → 儿童血液病、恶性肿瘤等重病
      早诊早治率);
    - for a name that is a measure word only (健康管理率, not the vaguer 覆盖率), whom its section's
      title is about (4．加强儿童保健服务: 提高疫苗接种率和健康管理率 → 儿童健康管理率)."""
    r = rules()
    if r.provision.search(name) and not r.populations.search(name):
        provided_for = next(filter(None, map(people, reversed(topics))), None)
        if provided_for:
            return provided_for + name
    if not needs_subject(name):
        return name
    if item:
        return item + name
    if previous is None and name.endswith("率"):
        subject = next((topic_subject(t) for t in reversed(topics) if r.populations.search(t)), "")
        if len(subject) >= 2:
            return subject + name
    whom = r.populations.search(title) if title else None
    if whom and r.measure_words.fullmatch(name) and not r.bare.match(name):
        return whom.group(0) + name
    return name


def people(topic: str) -> str | None:
    """The people a clause names, their words written one after another (农村 留守儿童), each
    with its conditions (困境 妇女): 对困境儿童等群体开展… → 困境儿童, 对困境妇女开展… → 困境妇女;
    None when it names nobody."""
    whom = rules().people.search(topic)
    return whom.group(0) if whom else None


def topic_subject(topic: str) -> str:
    """What a clause's object is about, without the work done on it (its system, institution or
    service): 儿童血液病、恶性肿瘤等重病诊疗体系 → 儿童血液病、恶性肿瘤等重病, 长期护理保险制度 →
    长期护理保险."""
    return rules().topic_tail.sub("", topic)
