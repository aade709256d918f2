"""The crosswalk's vocabulary and settings, read once from grammars/indicator_synonyms.yaml and
grammars/crosswalk.yaml and compiled into lookup structures.

Every spelling is width-folded here, so the grammar can be written with the brackets and digits
of the documents (（%）) and still match names folded the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .. import grammar
from ..textutil import fold


@dataclass(frozen=True)
class Settings:
    link_score: float = 88
    token_set_score: float = 95
    token_set_ratio_floor: float = 80
    min_fuzzy_chars: int = 3
    list_words: tuple[str, ...] = ()
    max_word_share: float = 0.2
    min_common_words: int = 50


@dataclass
class Vocabulary:
    synonyms: dict[str, str]  # spelling -> canonical spelling
    synonym_pattern: re.Pattern | None
    # (pattern, replacement): a name written in another word order, rewritten before synonyms
    word_orders: list[tuple[re.Pattern, str]]
    force: list[tuple[str, str]]
    forbid: list[tuple[str, str]]
    # spelling -> (class, canonical token); classes: population/area/stage/subject,
    # plus "generic" (dropped) and "concept" (kept in the core, shields its letters)
    words: dict[str, tuple[str, str]]
    word_pattern: re.Pattern | None
    generic_ages: frozenset[str]
    # subject -> the age band a name of it means when it states no population and no age
    subject_ages: dict[str, str]
    stated_subject_ages: dict[str, str]
    # population -> the age band it is by definition (婴幼儿: under 3), stated in a name or not
    stated_population_ages: dict[str, str]
    # subject -> the population its measure is of by definition, when a name states none
    subject_populations: dict[str, str]
    own_level_organs: tuple[str, ...]
    heads: list[tuple[str, str]]  # (spelling, canonical), longest spelling first
    fillers: list[re.Pattern]
    place_prefixes: list[str]
    # canonical discriminating token -> its class (population, area, stage, subject)
    token_class: dict[str, str] = field(default_factory=dict)
    count_head: str = ""
    # the stage a population's enrolment is counted for (heads, stages spanning it, population ->
    # stage) and the stages naming every school child in a daily-time norm (stages, heads)
    enrolment_stages: SchoolStages = field(default_factory=lambda: SchoolStages())
    whole_school: SchoolStages = field(default_factory=lambda: SchoolStages())
    settings: Settings = field(default_factory=Settings)


@dataclass(frozen=True)
class SchoolStages:
    """A rule on the school stages of names with one of `heads` (canonical): `stages` are the
    stages it reads, `populations` the stage each population means."""

    heads: frozenset[str] = frozenset()
    stages: frozenset[str] = frozenset()
    populations: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, data: dict | None, stages_key: str) -> SchoolStages:
        data = data or {}
        return cls(
            heads=frozenset(fold(h) for h in data.get("heads") or []),
            stages=frozenset(fold(s) for s in data.get(stages_key) or []),
            populations={
                fold(str(k)): fold(str(v)) for k, v in (data.get("populations") or {}).items()
            },
        )


def _pattern(spellings) -> re.Pattern | None:
    """The spellings as one longest-first pattern; None when there are none (an empty
    alternation would match everywhere)."""
    return re.compile(grammar.alternation(spellings)) if spellings else None


def _by_subject(entries: dict | None) -> dict[str, str]:
    """Subject → age band or population, both width folded."""
    return {fold(str(k)): fold(str(v)) for k, v in (entries or {}).items()}


def compile_vocabulary(data: dict, settings: dict | None = None) -> Vocabulary:
    """Build a Vocabulary from the parsed YAML of indicator_synonyms (and crosswalk settings)."""
    synonyms: dict[str, str] = {}
    for group in data.get("synonyms") or []:
        canonical = fold(group[0])
        for spelling in group:
            synonyms[fold(spelling)] = canonical

    words: dict[str, tuple[str, str]] = {}
    for klass, entries in (data.get("qualifiers") or {}).items():
        for canonical, spellings in entries.items():
            for spelling in spellings:
                words[fold(spelling)] = (klass, fold(str(canonical)))
    for spelling in data.get("generic") or []:
        words[fold(spelling)] = ("generic", "")
    for spelling in data.get("concepts") or []:
        words[fold(spelling)] = ("concept", fold(spelling))

    heads = []
    for canonical, spellings in (data.get("heads") or {}).items():
        for spelling in spellings:
            heads.append((fold(spelling), fold(canonical)))
    heads.sort(key=lambda pair: (-len(pair[0]), pair[0]))

    known = {f.name for f in Settings.__dataclass_fields__.values()}
    chosen = {k: v for k, v in (settings or {}).items() if k in known}
    if "list_words" in chosen:
        chosen["list_words"] = tuple(fold(w) for w in chosen["list_words"])
    return Vocabulary(
        synonyms=synonyms,
        synonym_pattern=_pattern(synonyms),
        word_orders=[(re.compile(fold(p)), fold(r)) for p, r in data.get("word_orders") or []],
        force=[(fold(a), fold(b)) for a, b in data.get("force") or []],
        forbid=[(fold(a), fold(b)) for a, b in data.get("forbid") or []],
        words=words,
        word_pattern=_pattern(words),
        generic_ages=frozenset(fold(a) for a in data.get("generic_ages") or []),
        subject_ages=_by_subject(data.get("subject_ages")),
        stated_subject_ages=_by_subject(data.get("stated_subject_ages")),
        stated_population_ages=_by_subject(data.get("stated_population_ages")),
        subject_populations=_by_subject(data.get("subject_populations")),
        own_level_organs=tuple(fold(o) for o in data.get("own_level_organs") or ()),
        heads=heads,
        fillers=[re.compile(fold(p)) for p in data.get("fillers") or []],
        place_prefixes=sorted(
            (fold(p) for p in data.get("place_prefixes") or []), key=len, reverse=True
        ),
        token_class={
            canonical: klass
            for klass, canonical in words.values()
            if klass not in ("generic", "concept")
        },
        count_head=fold(data.get("count_head") or ""),
        enrolment_stages=SchoolStages.read(data.get("enrolment_stages"), "spanning"),
        whole_school=SchoolStages.read(data.get("whole_school"), "stages"),
        settings=Settings(**chosen),
    )


@cache
def vocabulary() -> Vocabulary:
    """The vocabulary of the grammar folder in use (GOVDOCPARSE_GRAMMARS can point elsewhere)."""
    return compile_vocabulary(grammar.load("indicator_synonyms"), grammar.load("crosswalk"))
