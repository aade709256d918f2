"""Reads one number as a target writes it, in width-folded text: 1,500 and 2，000 (grouped
thousands), 47.40, 1/6, 五百, 三千九百六十五, 一百七 (170), 两, 四分之一, 百分之九十五 (95 %),
九成 (90 %), 八成五 (85 %). The vocabulary (digits, scales, percent prefixes, tenths, thousands
separators) is the `numerals` section of grammars/targets.yaml; units come from govdocparse.units.

`number_pattern()` is the regex source of a number without its unit; `read_number()` gives its
value; `split_scale()` hands a Chinese numeral's trailing 万/亿 to the unit (一万人 = 1 万人).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from .. import units
from ..grammar import alternation, load

__all__ = ["Number", "number_pattern", "read_number", "split_scale"]


@dataclass(frozen=True, slots=True)
class Number:
    value: float | None  # None for a fraction over zero
    implied_unit: str | None  # 百分之五 and 九成 are in %
    chinese: bool  # written in Chinese numerals
    composed: bool  # a Chinese numeral with a scale (五百, 一千): a count, never an article (一个)


@dataclass(frozen=True, slots=True)
class _Numerals:
    digits: dict[str, int]
    scales: dict[str, int]
    percent_prefixes: dict[str, str]
    tenths: dict[str, str]
    separators: str
    pattern: str


@cache
def _numerals() -> _Numerals:
    num = load("targets")["numerals"]
    digits: dict[str, int] = num["digits"]
    scales: dict[str, int] = num["scales"]
    separators = "".join(num["thousands_separators"])
    cn_first = "".join(digits) + "".join(s for s, v in scales.items() if v == 10)
    cn_all = "".join(digits) + "".join(scales)
    # Not inside an ordinal or another numeral: 第十四个 holds no quantity 四个.
    cn = f"(?<![第{cn_all}])[{cn_first}][{cn_all}]{{0,11}}"
    sep = f"[{regex.escape(separators)}]"
    # 1,500 groups thousands in threes after one to three digits; 1,5 and 2020,21 are two numbers.
    ar = f"(?:[1-9][0-9]{{0,2}}(?:{sep}[0-9]{{3}})+(?![0-9])|[0-9]+)(?:\\.[0-9]+)?"
    scale_chars = "".join(scales)
    # 14/10万 is a rate per 100 000, not the fraction 14/10: a fraction may not run into a scale.
    frac = f"[0-9]+/[0-9]+(?![0-9.{scale_chars}])"
    # 百分之百: a whole scale after a percent prefix.
    pct = f"(?:{alternation(num['percent_prefixes'])})(?:{ar}|{cn}|[{scale_chars}])"
    lone_digits = "".join(d for d, v in digits.items() if 0 < v < 10) + "十1-9"
    # 九成 at the end of a phrase or before a bound word; 成 opening a word (九成员) is not tenths.
    tenths = (
        f"(?<![{cn_all}0-9])[{lone_digits}](?:{alternation(num['tenths'])})"
        f"[{''.join(d for d, v in digits.items() if 0 < v < 10)}]?"
        "(?:(?!\\p{Han})|(?=以上|以下|以内|左右|之[上下内间]|[或及]以|和|与|及|至|到))"
    )
    pattern = f"(?:{pct}|{cn}分之{cn}|{tenths}|{frac}|{ar}|{cn})"
    return _Numerals(digits, scales, num["percent_prefixes"], num["tenths"], separators, pattern)


def number_pattern() -> str:
    """Regex source (no groups) of one number as written, without its unit."""
    return _numerals().pattern


def _cn_value(s: str, n: _Numerals) -> int:
    if len(s) > 1 and all(c in n.digits for c in s):  # 二〇二〇: digit by digit
        return int("".join(str(n.digits[c]) for c in s))
    total = section = number = 0
    for c in s:
        if c in n.digits:
            number = n.digits[c]
        else:
            scale = n.scales[c]
            if scale >= 10000:
                total = (total + section + number) * scale
                section = number = 0
            else:
                section += (number or 1) * scale
                number = 0
    # A last digit right after a scale of a hundred or more counts in the next lower scale:
    # 一百七 = 170, 一千二 = 1 200, 三万五 = 35 000 (一百零七 is 107).
    shorthand = n.scales.get(s[-2], 0) // 10 if len(s) > 1 else 0
    if number and shorthand >= 10:
        number *= shorthand
    return total + section + number


def read_number(s: str) -> Number:
    """The value of one number matched by `number_pattern()`."""
    n = _numerals()
    for prefix, unit in n.percent_prefixes.items():
        if s.startswith(prefix):
            inner = read_number(s[len(prefix) :])
            return Number(inner.value, unit, True, inner.composed)
    for word, unit in n.tenths.items():
        if word in s:
            whole, _, part = s.partition(word)
            tens = int(whole) if whole.isdigit() else _cn_value(whole, n)
            extra = _cn_value(part, n) if part else 0
            return Number(float(tens * 10 + extra), unit, not whole.isdigit(), False)
    if "分之" in s:
        den, num = s.split("分之", 1)
        d, v = _cn_value(den, n), _cn_value(num, n)
        return Number(round(v / d, 4) if d else None, None, True, False)
    if "/" in s:
        num, den = s.split("/", 1)
        return Number(round(int(num) / int(den), 4) if int(den) else None, None, False, False)
    if s[0].isdigit():
        for sep in n.separators:
            s = s.replace(sep, "")
        return Number(float(s), None, False, False)
    composed = any(c in n.scales for c in s)
    return Number(float(_cn_value(s, n)), None, True, composed)


def split_scale(number: str, unit: str | None) -> tuple[str, str | None]:
    """Moves a Chinese numeral's trailing 万/亿 into the unit: 一万人 → 一 + 万人, 两万 → 两 +
    万."""
    n = _numerals()
    last = number[-1]
    if len(number) > 1 and n.scales.get(last, 0) >= 10000 and units.is_unit(last + (unit or "")):
        return number[:-1], last + (unit or "")
    return number, unit
