"""Heading numbering, one vocabulary for every stage: grammars/headings.yaml through a typed schema.

Readers ask whether a line opens a new block (`opens_block`), segment whether a line is numbered
(`numbered`), normalize for the numeral alphabet of torn headings (`numeral_pattern`), structure
for the styles, keywords and title rules. Numeral alphabets are defined once in the grammar and
named by the styles' patterns as {name}.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Literal

import regex
from pydantic import model_validator

from . import grammar
from .captions import starts_caption
from .grammar import GrammarModel
from .textutil import chinese_numeral

_REFERENCE = regex.compile(r"\{([A-Za-z_]\w*)\}")
# 十九 is the longest first-level number a plan reaches; a longer line is no lone number
_LONE_NUMBER_MAX = 3


class StyleRule(GrammarModel):
    pattern: str
    family: str
    rank: int | None = None
    title: Literal["leading", "line", "bracketed"] = "leading"
    opens_block: bool = False
    single_paragraph: bool = False
    outline: bool = False
    examples: list[str]


class KeywordRules(GrammarModel):
    top: list[str]
    sub: list[str]
    chapter: list[str]


class TitleRules(GrammarModel):
    max_own_line: int
    max_inline: int
    trailing: str
    bracketed: str
    wrap_after: str
    glued_names: list[str]
    glued_rest_max: int
    field_subject_ends: list[str]
    field_subject_max: int
    quoted_term: str


class ContentsRules(GrammarModel):
    titles: list[str]
    entry: str


class HeadingsGrammar(GrammarModel):
    """The schema of grammars/headings.yaml."""

    numerals: dict[str, str]
    styles: dict[str, StyleRule]
    keywords: KeywordRules
    title: TitleRules
    contents: ContentsRules
    standard_order: list[str]
    lone_number: str

    @model_validator(mode="after")
    def _order_names_styles(self) -> HeadingsGrammar:
        unknown = [key for key in self.standard_order if key not in self.styles]
        if unknown:
            raise ValueError(f"standard_order names no style: {', '.join(unknown)}")
        return self

    @model_validator(mode="after")
    def _patterns_compile(self) -> HeadingsGrammar:
        for key, style in self.styles.items():
            unknown = set(_REFERENCE.findall(style.pattern)) - set(self.numerals)
            if unknown:
                raise ValueError(f"styles.{key}.pattern names no numeral: {', '.join(unknown)}")
            try:
                compiled = regex.compile(_expand(style.pattern, self.numerals))
            except regex.error as exc:
                raise ValueError(f"styles.{key}.pattern: {exc}") from None
            if "num" not in compiled.groupindex:
                raise ValueError(f"styles.{key}.pattern has no group `num`")
        return self


def _expand(pattern: str, numerals: dict[str, str]) -> str:
    return _REFERENCE.sub(lambda m: f"(?:{numerals[m[1]]})" if m[1] in numerals else m[0], pattern)


@dataclass(frozen=True)
class Style:
    key: str
    # compared by what the grammar says, not by the compiled object: a `Numbered` cached before
    # the grammar was read again (a test's edited copy) still equals one read after it
    pattern: regex.Pattern = field(compare=False)
    family: str
    rank: int | None
    title: str
    opens_block: bool
    single_paragraph: bool
    # a decimal outline number (1.2, 4.1.2): the number of the heading it sits in comes first
    outline: bool


@dataclass(frozen=True)
class Numbered:
    """A line's heading numbering: its style, the number as written, its ordinal and the rest."""

    style: Style
    number: str
    ordinal: int | None
    rest: str

    @property
    def decimal_like(self) -> bool:
        """1.5万元 / 3.0‰: an Arabic number running on into digits reads as a value, not item 1;
        but 2.0-6岁儿童… is item 2 about an age range."""
        return (
            self.number[:1].isdecimal()
            and self.rest[:1].isdecimal()
            and _age_range().match(self.rest) is None
        )


@cache
def rules() -> HeadingsGrammar:
    return grammar.load_typed("headings", HeadingsGrammar)


@cache
def styles() -> tuple[Style, ...]:
    g = rules()
    return tuple(
        Style(
            key,
            regex.compile(_expand(spec.pattern, g.numerals)),
            spec.family,
            spec.rank,
            spec.title,
            spec.opens_block,
            spec.single_paragraph,
            spec.outline,
        )
        for key, spec in g.styles.items()
    )


def numeral_pattern(name: str) -> str:
    """The regular expression of one numeral alphabet (`chinese`, `arabic`, …)."""
    return f"(?:{rules().numerals[name]})"


def ordinal(numeral: str) -> int | None:
    """十一 → 11, 12 → 12, ③ → 3, Ⅳ → 4, C → 3, 4.1.2 → 2; None for a bullet."""
    numeral = outline_parent(numeral)[1]
    if numeral.isdecimal():
        return int(numeral)
    if len(numeral) == 1 and numeral.isnumeric():
        return int(unicodedata.numeric(numeral))
    letter = unicodedata.normalize("NFKC", numeral)
    if len(letter) == 1 and "A" <= letter <= "Z":
        return ord(letter) - ord("A") + 1
    return chinese_numeral(numeral) if numeral else None


@cache
def _any_style() -> regex.Pattern:
    """Every style's pattern in one: most lines start with no numbering, and one failed match
    costs a tenth of one per style."""
    return regex.compile("|".join(f"(?:{style.pattern.pattern})" for style in styles()))


def outline_parent(number: str) -> tuple[str, str]:
    """A decimal outline number split into the number of the heading it sits in and its own
    numeral: 4.1.2 → (4.1, 2), 1．1 → (1, 1); any other number → ("", itself)."""
    parent, _, own = number.rstrip(".．").replace("．", ".").rpartition(".")
    return (parent, own) if parent else ("", number)


# Every stage asks this of the same lines (the PDF reader of each line several times while it
# joins and splits them, segment and structure again): the answer is a pure, frozen value.
@lru_cache(maxsize=8192)
def numbered(text: str, outline: bool = True) -> Numbered | None:
    """The heading numbering `text` starts with, in the first style that matches, or None;
    with `outline` False, decimal outline numbers (1.2, 4.1.2) are not read as numbering."""
    if _any_style().match(text) is None:
        return None
    for style in styles():
        if style.outline and not outline:
            continue
        found = style.pattern.match(text)
        if found:
            return Numbered(
                style, found.group(0).strip(), ordinal(found["num"]), text[found.end() :].strip()
            )
    return None


@cache
def _age_range() -> regex.Pattern:
    return regex.compile(rules().numerals["age_range"])


@cache
def _lone_number() -> regex.Pattern:
    grammar = rules()
    return regex.compile(_expand(grammar.lone_number, grammar.numerals))


def lone_number(text: str) -> str | None:
    """The numeral of a first-level number standing alone on its line (一 above 总体要求: a
    WeChat article's number box), else None."""
    stripped = text.strip()
    if not stripped or len(stripped) > _LONE_NUMBER_MAX:
        return None
    found = _lone_number().match(stripped)
    return found["num"] if found else None


def opens_block(text: str) -> bool:
    """Whether a line always starts a new block, even after a full line or inside a table dump:
    numbering of a style marked `opens_block` (一、 （一） 第三条 …) or a table caption (专栏2)."""
    found = numbered(text.lstrip())
    if found and found.style.opens_block:
        return True
    return starts_caption(text)


def starts_paragraph(text: str) -> bool:
    """Whether a line starts a paragraph of its own: any heading numbering that does not read as
    a value (1.加强… but not 3.0‰), or a block opener."""
    found = numbered(text.lstrip())
    return bool(found and not found.decimal_like) or opens_block(text)
