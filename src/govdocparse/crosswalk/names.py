"""Reading an indicator name into the parts the matcher compares.

`read_name` turns 以乡镇（街道）为单位的适龄儿童免疫规划疫苗接种率（%） into
    quals=()  head=接种率  core=免疫规划疫苗  unit=%
and 5岁以下儿童死亡率 into quals=(0-4岁,) head=死亡率 core="". The discriminating tokens (quals)
and the measure head must be equal for two names to link; the core is compared fuzzily. The
steps that changed the name are kept so a link can say why two spellings met.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

from .. import units
from ..extract.goalwords import whole_area_prefix
from ..extract.indicator_names import trailing_brackets
from ..textutil import chinese_numeral, fold, squash_spaces
from .vocab import Vocabulary, vocabulary

_INNER_BRACKET = re.compile(r"\(([^()]*)\)")
_DASH = r"\s*[-—―~至到]\s*"
_AGE_RANGE = re.compile(rf"(\d+){_DASH}(\d+)\s*(周岁|岁|个月)(?:以下|以内)?")
_AGE_UNDER = re.compile(r"(?:不满)?(\d+)\s*(周岁|岁|个月)(以下|以内|内)")
_AGE_OVER = re.compile(r"(\d+)\s*(周岁|岁)(?:及)?以上")
_AGE_POINT = re.compile(r"(\d+)\s*(周岁|岁)")
_CN_AGE = re.compile(r"([一二两三四五六七八九十]+)(?=\s*(?:周岁|岁|个月))")
_NOT_WORD = re.compile(r"[^\w]|_")
_LAST_JOINED = re.compile(r"[和及与]")
# an age range with any dash (0～6个月, 0—3岁, 0至3岁) is written with - before the synonyms
# read it, as they spell it (0-6个月婴儿)
_AGE_DASH = re.compile(r"(\d+)\s*[—―~至到]\s*(\d+)(?=\s*(?:周岁|岁|个月))")
# what joins the words of a list (艾滋病、梅毒和乙肝): left between two qualifiers taken out, it
# says nothing more
_JOINER = re.compile(r"[、和及与]+")
# word classes of the grammar that are not discriminating: dropped words and names of things
_NOT_QUALIFIERS = frozenset({"generic", "concept"})


@dataclass(frozen=True)
class NameForm:
    """A name as the matcher sees it. `key` is equal for names the crosswalk treats as identical."""

    text: str
    quals: tuple[str, ...]
    head: str
    core: str
    unit: str | None
    aliases: tuple[str, ...]
    steps: tuple[str, ...]
    # the quals naming what is measured (近视, 卡介苗), not whom: a sub-row with one is a measure
    # of its own (小学生近视率 under 眼保健和视力检查覆盖率), not a breakdown of its parent
    subjects: tuple[str, ...] = ()
    # a core that lists three or more things (体育锻炼、休息娱乐…亲子活动), and whether the list
    # gives examples (…等时间): what it counts reaches beyond the things written
    items: tuple[str, ...] = ()
    examples: bool = False

    @cached_property
    def key(self) -> str:
        return f"{'+'.join(self.quals)}|{self.core}|{self.head}"

    @property
    def bare(self) -> bool:
        """Only a measure head (覆盖率, 达标优良率): too vague to be matched on its own."""
        return not self.core and not self.quals

    @cached_property
    def block(self) -> str:
        """Names can only link inside one block: same measure head, same discriminating tokens."""
        return f"{'+'.join(self.quals)}|{self.head}"


def _age_band(match: re.Match, kind: str) -> str:
    if kind == "range":
        low, high, unit = match.group(1), match.group(2), match.group(3)
        # a-b个月 and b个月内 name the same infants (0-6个月 / 6个月内 纯母乳喂养率)
        return f"<{high}月" if unit == "个月" else f"{int(low)}-{int(high)}岁"
    if kind == "under":
        number, unit = int(match.group(1)), match.group(2)
        return f"<{number}月" if unit == "个月" else f"0-{number - 1}岁"
    if kind == "over":
        return f"{int(match.group(1))}+岁"
    return f"{int(match.group(1))}岁"


def _take_ages(text: str) -> tuple[str, list[tuple[str, str]]]:
    """Remove age expressions; return the rest and (as written, canonical band) pairs. An age
    in Chinese numerals (五岁以下, 十四周岁) is the same band as in digits."""
    found: list[tuple[str, str]] = []
    if "岁" in text or "个月" in text:
        text = _CN_AGE.sub(lambda m: str(chinese_numeral(m[1]) or m[1]), text)
    for kind, pattern in (
        ("range", _AGE_RANGE),
        ("under", _AGE_UNDER),
        ("over", _AGE_OVER),
        ("point", _AGE_POINT),
    ):

        def keep(match: re.Match, kind=kind) -> str:
            found.append((match.group(0), _age_band(match, kind)))
            return ""

        text = pattern.sub(keep, text)
    return text, found


def _is_age(text: str) -> bool:
    rest, ages = _take_ages(text)
    return bool(ages) and not rest.strip()


def canonical_unit(text: str | None) -> str | None:
    """The unit a measure is compared as (grammars/units.yaml: ％ → %, /10万 → 1/10万, 名 → 人,
    所 → 个); None when unknown or empty."""
    return units.compares_as(text)


def strip_unit_suffix(name: str) -> str:
    """新生儿死亡率（‰） → 新生儿死亡率: the name as a heading, without its unit bracket."""
    name = name.strip()
    last = next(iter(trailing_brackets(name)), None)
    return name[: last.start].rstrip() if last and last.kind == "unit" else name


@lru_cache(maxsize=10_000)
def _own_place(place: str) -> tuple[str, ...]:
    """Spellings of a document's place that may open its indicator names, longest first."""
    place = fold(squash_spaces(place))
    names = {place}
    # 重庆市渝中区 → 渝中区; a name says the district, rarely the province or city above it
    tail = re.match(r"^.+?[省市](.+[区县市旗])$", place)
    if tail:
        names.add(tail.group(1))
    for name in list(names):
        if len(name) >= 3 and name[-1] in "省市区县旗":
            names.add(name[:-1])
    return tuple(sorted(names, key=len, reverse=True))


@lru_cache(maxsize=64)
def _own_level(level: str, organs: tuple[str, ...]) -> re.Pattern:
    """The plan's own level opening a name: 市级 in a city's plan, or 县 before the county's organ
    (县人大代表…, 县政府工作部门…), which every place names its own (`own_level_organs`); a
    name's other levels (县级 in a city's plan, 乡镇人大代表) stay."""
    if level not in "省市区县旗":
        return re.compile(r"(?!)")
    organs_after = "|".join(map(re.escape, organs))
    return re.compile(rf"^{level}(?:级|(?=(?:{organs_after})))" if organs else rf"^{level}级")


def _default_age(quals: set[str], subjects: set[str], vocab: Vocabulary, steps: list[str]) -> None:
    """A measure of a subject that is measured for one age band (生长迟缓: under 5) takes that
    band when the name states neither an age nor a population (儿童生长迟缓率)."""
    if any(vocab.token_class.get(q, "age") in ("age", "population") for q in quals - subjects):
        return
    for subject in sorted(subjects):
        band = vocab.subject_ages.get(subject)
        if band:
            quals.add(band)
            steps.append(f"age of {subject}: {band}")
            return


def _school_stage(quals: set[str], head: str, vocab: Vocabulary, steps: list[str]) -> None:
    """The stage a name's measure is counted for, when the vocabulary knows it better than the
    name: a whole-school stage says nothing in a daily-time norm (中小学生每日…时间 = 儿童每天…
    时间); a population's enrolment is counted at one stage (残疾儿童入学率 = 残疾儿童义务教育
    入学率, 中小学三残儿童入学率 too)."""
    stages = {q for q in quals if vocab.token_class.get(q) == "stage"}
    whole = vocab.whole_school
    if head in whole.heads and stages & whole.stages:
        for stage in sorted(stages & whole.stages):
            quals.discard(stage)
            steps.append(f"whole school: {stage}")
        stages -= whole.stages
    enrolment = vocab.enrolment_stages
    if head not in enrolment.heads:
        return
    for population in sorted(quals):
        stage = enrolment.populations.get(population, "")
        if stage and stages <= enrolment.stages | {stage}:
            quals.difference_update(stages)
            quals.add(stage)
            if stages != {stage}:
                steps.append(f"enrolment of {population}: {stage}")
            return


def read_name(text: str, place: str | None = None, vocab: Vocabulary | None = None) -> NameForm:
    """Read a name (optionally of a document of `place`) into quals, head, core and unit.

    The document's own place is removed first (渝中区适龄儿童… → 适龄儿童…), so the reading of
    the rest is shared by every place that writes the same name.
    """
    vocab = vocab or vocabulary()
    rest, steps = text, tuple[str, ...]()
    if place:
        squashed = squash_spaces(text)
        folded = fold(squashed)
        for prefix in _own_place(place):
            if folded.startswith(prefix) and len(folded) > len(prefix) + 1:
                rest = folded[len(prefix) :]
                steps = ("width",) * (folded != squashed) + (f"place prefix: {prefix}",)
                break
        else:
            level = _own_level(place[-1], vocab.own_level_organs).match(folded)
            if level:
                rest = folded[level.end() :]
                steps = ("width",) * (folded != squashed) + (f"own level: {level.group()}",)
    form = _read_cached(rest) if vocab is vocabulary() else _read(rest, vocab)
    if not steps:
        return form
    return replace(form, text=text, steps=steps + form.steps)


@lru_cache(maxsize=200_000)
def _read_cached(text: str) -> NameForm:
    return _read(text, vocabulary())


@dataclass
class _Reading:
    """A name part-way through `_read`: the text left and what has been taken out of it."""

    s: str
    steps: list[str]
    unit: str | None = None
    aliases: list[str] = field(default_factory=list)
    ages: list[tuple[str, str]] = field(default_factory=list)  # (as written, canonical band)
    quals: set[str] = field(default_factory=set)
    subjects: set[str] = field(default_factory=set)


def _read(text: str, vocab: Vocabulary) -> NameForm:
    """The steps of grammars/indicator_synonyms.yaml's header, in order; each says what it
    changed in `steps`."""
    squashed = squash_spaces(text)
    r = _Reading(fold(squashed).replace("《", "").replace("》", ""), [])
    if r.s != squashed:
        r.steps.append("width")
    r.s = _AGE_DASH.sub(r"\1-\2", r.s)
    _reorder(r, vocab)
    _rewrite_synonyms(r, vocab)
    _take_brackets(r)
    _drop_place_and_fillers(r, vocab)
    _take_qualifiers(r, vocab)
    listed = r.s
    core = _NOT_WORD.sub("", r.s)
    head, spelling = next(((c, sp) for sp, c in vocab.heads if core.endswith(sp)), ("", ""))
    if head:
        core = core[: -len(spelling)]
        listed = listed[: listed.rfind(spelling)]
        if spelling != head:
            r.steps.append(f"{spelling}={head}")
    items, examples = _list_items(listed)
    _school_stage(r.quals, head, vocab, r.steps)
    return NameForm(
        text=text,
        quals=tuple(sorted(r.quals)),
        head=head,
        core=core,
        unit=r.unit,
        aliases=tuple(r.aliases),
        steps=tuple(r.steps),
        subjects=tuple(sorted(r.subjects)),
        items=items,
        examples=examples,
    )


def _reorder(r: _Reading, vocab: Vocabulary) -> None:
    """A name in another word order is rewritten to the order the synonyms know (配备…的中小学
    比例 → 中小学…配备率; grammars/indicator_synonyms.yaml `word_orders`)."""
    for pattern, replacement in vocab.word_orders:
        rewritten = pattern.sub(replacement, r.s)
        if rewritten != r.s:
            r.steps.append(f"word order: {rewritten}")
            r.s = rewritten


def _rewrite_synonyms(r: _Reading, vocab: Vocabulary) -> None:
    if vocab.synonym_pattern is None:
        return

    def rewrite(match: re.Match) -> str:
        spelling = match.group(0)
        canonical = vocab.synonyms[spelling]
        if canonical != spelling:
            r.steps.append(f"synonym: {canonical}={spelling}")
        return canonical

    r.s = vocab.synonym_pattern.sub(rewrite, r.s)


def _take_brackets(r: _Reading) -> None:
    """Brackets as the table reader reads them (`indicator_names`): a unit compares as its unit,
    an alias is kept to link by, a qualifier bracket gives its age band or is a note, dropped
    (its words would read as a population: （以女孩为100））; a bracket inside the name gives its
    age band or is dropped."""
    for bracket in trailing_brackets(r.s):
        inner = bracket.inner
        if bracket.kind == "unit":
            r.unit = units.compares_as(inner)
            r.steps.append(f"unit suffix ({inner})")
        elif bracket.kind == "alias":
            r.aliases.append(inner)
            r.steps.append(f"alias: {inner}")
        elif _is_age(inner):
            r.ages.extend(_take_ages(inner)[1])
        else:
            r.steps.append(f"note dropped: ({inner})")
        r.s = r.s[: bracket.start]

    def inner_bracket(match: re.Match) -> str:
        inner = match.group(1)
        if _is_age(inner):
            r.ages.extend(_take_ages(inner)[1])
        else:
            r.steps.append(f"bracket dropped: ({inner})")
        return ""

    r.s = _INNER_BRACKET.sub(inner_bracket, r.s)


def _drop_place_and_fillers(r: _Reading, vocab: Vocabulary) -> None:
    prefix = whole_area_prefix(r.s) or next(
        (p for p in vocab.place_prefixes if r.s.startswith(p)), None
    )
    if prefix and len(r.s) > len(prefix) + 1:
        r.s = r.s[len(prefix) :]
        r.steps.append(f"place prefix: {prefix}")

    def drop(match: re.Match) -> str:
        if match.group(0):
            r.steps.append(f"filler: {match.group(0)}")
        return ""

    for filler in vocab.fillers:
        r.s = filler.sub(drop, r.s)


def _take_qualifiers(r: _Reading, vocab: Vocabulary) -> None:
    """Ages become bands (18岁以下, the plan's own 儿童, is dropped), qualifier words their
    canonical token, generic words go; a subject measured for one age band gets it."""
    r.s, more = _take_ages(r.s)
    for written, band in [*r.ages, *more]:
        if band in vocab.generic_ages:
            r.steps.append(f"age dropped: {written}")
        else:
            r.quals.add(band)
            if written != band:
                r.steps.append(f"age: {written}={band}")
    if vocab.word_pattern is not None:
        pieces: list[str] = []
        last = 0
        for match in vocab.word_pattern.finditer(r.s):
            klass, canonical = vocab.words[match.group(0)]
            if klass == "concept":
                continue
            between = r.s[last : match.start()]
            if last and _JOINER.fullmatch(between):
                r.steps.append(f"joiner dropped: {between}")
                between = ""
            pieces.append(between)
            last = match.end()
            if klass in _NOT_QUALIFIERS:
                continue
            if match.group(0) != canonical:
                r.steps.append(f"{match.group(0)}={canonical}")
            r.quals.add(canonical)
            if klass == "subject":
                r.subjects.add(canonical)
        pieces.append(r.s[last:])
        r.s = "".join(pieces)
    populations = {q for q in r.quals if vocab.token_class.get(q) == "population"}
    for subject in sorted(r.subjects):
        population = vocab.subject_populations.get(subject, "")
        if population and not populations:
            r.quals.add(population)
            r.steps.append(f"population of {subject}: {population}")
        stated = vocab.stated_subject_ages.get(subject, "")
        if stated in r.quals:
            r.quals.discard(stated)
            r.steps.append(f"age of {subject} dropped: {stated}")
    for population in sorted(populations):
        stated = vocab.stated_population_ages.get(population, "")
        if stated in r.quals:
            r.quals.discard(stated)
            r.steps.append(f"age of {population} dropped: {stated}")
    _default_age(r.quals, r.subjects, vocab, r.steps)


def _list_items(core: str) -> tuple[tuple[str, ...], bool]:
    """The things a core lists (体育锻炼、休息娱乐、…亲子活动等 → five, examples; 休息娱乐、
    体育锻炼、同伴交往和亲子活动 → four), when it lists three or more; else ()."""
    text = core.strip()
    examples = text.endswith("等")
    text = text.removesuffix("等")
    parts = text.split("、")
    if len(parts) < 2:
        return (), False
    parts[-1:] = _LAST_JOINED.split(parts[-1], maxsplit=1)
    items = tuple(_NOT_WORD.sub("", p) for p in parts)
    if len(items) < 3 or not all(items):
        return (), False
    return items, examples
