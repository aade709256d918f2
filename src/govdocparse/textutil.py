"""Character-level helpers shared by every stage: width folding and traditional characters
simplified for matching, never for output."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime, timedelta, timezone
from functools import cache, lru_cache

import regex

# NFKC would turn the presentation colon ︰ (U+FE30) into "..", so ratios like 2︰3 are mapped to
# ":" before folding; dashes used as range marks keep one spelling.
_PRE_FOLD = str.maketrans({"︰": ":", "：": ":", "∶": ":", "―": "—", "－": "-", "～": "~"})


# Rules fold the same cells, headers and names many times over (a table's unit and year
# headers once a row): NFKC is the costly part, and its result depends on the text alone.
@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Full-width digits, letters, brackets and signs to their ASCII twins (for matching only)."""
    return unicodedata.normalize("NFKC", text.translate(_PRE_FOLD))


@cache
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=8192)
def simplified(text: str) -> str:
    """`text` with its traditional characters simplified (OpenCC t2s), character for character,
    so that it keeps its length: a rule reads the simplified form, and takes what it found from
    the text as written at the same positions (portal labels: 發布單位 read as 发布单位)."""
    if text.isascii():
        return text
    converter = _t2s()
    converted = converter.convert(text)
    if len(converted) != len(text):  # a phrase rule changed the length: go char by char
        converted = "".join(c if len(s := converter.convert(c)) != 1 else s for c in text)
    return converted


def squash_spaces(text: str) -> str:
    """Drop every kind of space: Chinese text uses none, dumps insert them (前 言, 专栏1  2011)."""
    return "".join(text.split())


_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def chinese_numeral(text: str) -> int | None:
    """一 → 1, 十一 → 11, 二十三 → 23, 一百零五 → 105; None when it is not a numeral."""
    total, current = 0, 0
    for char in text:
        if char in _CN_DIGITS:
            current = _CN_DIGITS[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


# A span of years, the one way plan periods are written: 2021—2030 · 2021-2030 · 2021～2030 ·
# 2021至2030 · 2021年—2030年 (`a` and `b` are the first and last year).
YEAR_RANGE = r"(?P<a>(?:19|20)\d{2})\s*年?\s*[—–\-－~～至到―]+\s*(?P<b>(?:19|20)\d{2})"

# Years in Chinese numerals write zero as 〇 (U+3007), ○ (U+25CB, the circle most keyboards give)
# or 零, and mirrors often put a Latin O for it: 二〇二三年, 二○一九年, 二O一九年. Authors who
# type the date often put the digit 0 (二0一一年七月十五日, a county's 终期评估报告); a year
# opens with 一 or 二 all the same, so a run of digits is never read this way.
_CN_YEAR_DIGITS = str.maketrans("〇○零Oo0一二三四五六七八九", "00000012345678" + "9")
_CN_YEAR = "[〇○零Oo一二三四五六七八九][〇○零Oo0一二三四五六七八九]{3}"
_DATE_BODY = (
    rf"(?P<y>(?:19|20)\d{{2}}|{_CN_YEAR})\s*(?:年|[-./])\s*(?P<m>\d{{1,2}}|[一二三四五六七八九十]{{1,2}})"
    r"\s*(?:月|[-./])\s*(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日?"
)
_DATE = regex.compile(rf"^{_DATE_BODY}$")
# The longest text _DATE matches once spaces are gone: 二〇二三年十二月三十一日. Folding never
# shortens a text it could match (every character it yields there comes from a character of its
# own), so a longer line is no date and need not be folded.
_LONGEST_DATE = 12
_LEADING_DATE = regex.compile(rf"^{_DATE_BODY}(?!\d)")


def _iso(found: regex.Match) -> str | None:
    year = int(found["y"].translate(_CN_YEAR_DIGITS))
    month = int(found["m"]) if found["m"].isdigit() else chinese_numeral(found["m"])
    day = int(found["d"]) if found["d"].isdigit() else chinese_numeral(found["d"])
    if not (month and day and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


@lru_cache(maxsize=4096)  # segment and metadata ask it of the same short lines
def iso_date(text: str) -> str | None:
    """A line that is a date → YYYY-MM-DD; None if it is not only a date.

    2018年3月7日 · 2024-03-14 · 2022.12.30 · 2022 年 12 月 30 日 · 二〇二三年二月九日 ·
    二○一九年五月八日 · 二0一一年七月十五日
    """
    if len(squash_spaces(text)) > _LONGEST_DATE:
        return None
    found = _DATE.match(squash_spaces(fold(text)))
    return _iso(found) if found else None


# A year and its month alone (a report's cover or the end of a booklet: 2022年6月, 二〇二二年
# 六月): only 年 and 月 make it one, as 2022.6 or 2022-6 may be any number.
_MONTH = regex.compile(
    rf"^(?P<y>(?:19|20)\d{{2}}|{_CN_YEAR})\s*年\s*(?P<m>\d{{1,2}}|[一二三四五六七八九十]{{1,2}})\s*月$"
)
_LONGEST_MONTH = 9


def month_date(text: str) -> str | None:
    """A line that is only a year and a month → YYYY-MM (ISO 8601's month precision), None
    otherwise: 2022年6月 → 2022-06, 二〇二二年十二月 → 2022-12. A day is never made up."""
    if len(squash_spaces(text)) > _LONGEST_MONTH:
        return None
    found = _MONTH.match(squash_spaces(fold(text)))
    if not found:
        return None
    month = int(found["m"]) if found["m"].isdigit() else chinese_numeral(found["m"])
    if not month or month > 12:
        return None
    return f"{int(found['y'].translate(_CN_YEAR_DIGITS)):04d}-{month:02d}"


# A date (and its time) closing a byline's value after a space: 来源：某某日报  2024-03-02,
# 来源：某某网 2024年3月2日 10:20 (news sites print the day after the source, with no label).
_TRAILING_DATE = regex.compile(rf"(?<=\s){_DATE_BODY}(?:\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?$")


# The site's own address some news pages print after the byline's stamp (来源：某某日报
# 2024-01-17 15:19 http://www.example.cn/, a regional news portal's byline).
_TRAILING_ADDRESS = regex.compile(r"\s+(?:https?://|www\.)\S+$")


def trailing_date(text: str) -> str | None:
    """The date a value ends with after a space, a time and the site's address after it aside:
    某某日报 2024-03-02 10:20 → 2024-03-02; None when it ends otherwise."""
    if ("http" in text or "www." in text) and (address := _TRAILING_ADDRESS.search(text)):
        text = text[: address.start()]
    if not text[-1:].isdigit() and not text.endswith("日"):
        return None
    found = _TRAILING_DATE.search(fold(text).rstrip())
    return _iso(found) if found else None


# A news theme's stamp (新华网 and its channels' pages: 2024 11/21 10:33:57): the year, a space,
# month/day and the time. Read only with its time: a year beside a fraction alone may be anything.
_YEAR_DAY_TIME = regex.compile(
    r"^(?P<y>(?:19|20)\d{2})\s+(?P<m>\d{1,2})/(?P<d>\d{1,2})\s+\d{1,2}:\d{2}(?::\d{2})?(?!\d)"
)


def leading_date(text: str) -> str | None:
    """The date a value starts with, whatever follows: 2024-03-01 10:20 → 2024-03-01, and a news
    theme's 2024 11/21 10:33:57 → 2024-11-21."""
    folded = fold(text).strip()
    found = _LEADING_DATE.match(folded) or _YEAR_DAY_TIME.match(folded)
    return _iso(found) if found else None


# A portal template whose script should format the date shows the raw milliseconds since 1970
# instead (成文日期: 1672077947000, a 云南 county portal's 解读 page): 13 digits, which put the
# instant between 2001 and 2286. The portals are in China, so the day is China's (UTC+8).
_EPOCH_MILLIS = regex.compile(r"^1\d{12}$")
_CHINA_TIME = timezone(timedelta(hours=8))


def epoch_millis_date(text: str) -> str | None:
    """The day, in China, of a value that is milliseconds since 1970: 1662566400000 →
    2022-09-08; None for any other value."""
    value = text.strip()
    if not _EPOCH_MILLIS.match(value):
        return None
    instant = datetime.fromtimestamp(int(value) / 1000, tz=UTC)
    return instant.astimezone(_CHINA_TIME).date().isoformat()
