"""Document metadata: the elements of GB/T 9704-2012 wherever publications put them.

Works on one segment (header lines before the title, the title, the body) and reports which
blocks it consumed, so that the section tree does not repeat them as body text. Vocabulary is
in grammars/metadata.yaml. Where each element is looked for:
- before the title (the printed 版头): 份号, 密级, 紧急程度 (`banner_marks`), 发文机关标志
  (…文件; a joint one with its organs stacked over or beside 文件, also as a table), 发文字号,
  签发人, the issuer on lines of its own (joint issuers on one line or two);
- right after the title (web pages): the 文号 on the next line, or in brackets under it;
- beside the title on its line, a space between (portal lists, mirrors);
- in a portal metadata block, before or after the title (labels from `govdocparse.portal`);
- in the title: the issuer at its head (某市人民政府办公室关于印发…), the period;
- in the body: 主送机关 at its top; 附件说明, the signature (issuers and 成文日期; joint issuers
  signed in a borderless table, an organ a cell), 附注 (（此件公开发布）) at its end;
- in a news page's lead: the issuer a repost's lead-in names before its verb (民政部近日发出
  《…》，全文如下：, 某省教育厅等十七部门联合印发…), also over the title line of the document a
  story reposts, and a place's offices it abbreviates (某市委办、市政府办 → 中共某市委办公室,
  某市人民政府办公室); the place of an organ a headline names by its level alone (市妇联召开…).
The 抄送 and 印发 lines of the 版记 are read by `split_cc` and `printed_line` for the footer
rule of `extract.inheritance`. A value is taken only from text that states it: fields not found
stay empty and `missing` names the expected ones for the document's warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

import regex

from .. import chrome, grammar, portal
from ..grammar_schema import MetadataGrammar, PrefecturesGrammar
from ..headings import numbered, opens_block
from ..model import Metadata, Period, Provenance
from ..segment import (
    ANNOUNCED,
    Segment,
    glued_doc_number,
    interpreted_title,
    names_its_issuer,
    opens_news_lead,
    title_kind,
    trailing_doc_number,
)
from ..source import EDITION_DAY, SITE_NAME, Attachment, Block, Paragraph, span
from ..textutil import (
    YEAR_RANGE,
    chinese_numeral,
    epoch_millis_date,
    fold,
    iso_date,
    leading_date,
    month_date,
    squash_spaces,
    trailing_date,
)
from .agency_lists import split_agencies

_YEAR_RANGE = regex.compile(YEAR_RANGE)
_ONE_YEAR = regex.compile(r"(?<!\d)(?P<a>(?:19|20)\d{2})\s*年")
_TRAILING_MARKS = regex.compile(r"[\s》」”\"]+$")
_CITED = regex.compile(r"《[^《》]*》")
# Lines under the title that may hold the 文号 or portal fields before the text begins.
_LEAD_LINES = 6
_MAX_LEAD_LINE = 80
# A name in Latin letters under the title (a standard's cover: Specification for … care of
# infants and toddlers): a line of words, however long, is no text yet; a standard issued in
# parts numbers its part there (Guidelines for …—Part 2: Health and parenting services).
_LATIN_WORDS = r"[A-Za-z ,'’()/&:–—-]*"
_LATIN_NAME = regex.compile(f"^[A-Za-z]{_LATIN_WORDS}(?:Part \\d{{1,2}}{_LATIN_WORDS})?$")
_SENTENCE = regex.compile(r"[。；！？]")
# the word that ends a 发文机关标志 (某县人民政府文件), spaced out as 版头 set it (文　件)
_MARK_WORD = regex.compile(r"文\s*件$")
_SIGNATURE_LINES = 30
# A page's publication stamp: a date with its time, or a date before portal fields; a reposting
# site may print its own address first (http://www.example.com  2026年2月3日  来源:某省教育厅).
_STAMP = regex.compile(
    # a Shanghai portal's date in brackets under the title: ( 2024年06月12日 ) 来源:…
    r"^(?:(?:https?://|www\.)[\w./?=&%#~:-]+\s+)?(?P<open>[（(]\s*)?(?P<date>(?:19|20)\d{2}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?"
    # a news theme's year set apart from its month/day, read with the time after it (新华网:
    # 2024 11/21 10:33:57)
    r"|(?:19|20)\d{2}\s+\d{1,2}/\d{1,2}(?=\s+\d{1,2}:\d{2}))"
    r"(?P<time>\s*\d{1,2}:\d{2}(?::\d{2})?)?(?(open)\s*[）)])\s*(?P<rest>.*)$"
)
# A reposting account's name alone on a line (某某发布, 某某融媒): letters only, no mark or digit.
_ACCOUNT_NAME = regex.compile(r"^[\p{Han}A-Za-z]{2,16}$")
_MAX_ATTACHMENTS = 20
_MAX_VALUE = 60
# A line that is one pair of brackets: （某政发〔2014〕21号　2014年6月5日） · （2020年4月8日）
_BRACKETED = regex.compile(r"^[（(](?P<inside>[^（()）]+)[)）]$")
# An organ and a date on one line, set apart by spaces (a 会议纪要's 版头 line).
_ORGAN_AND_DATE = regex.compile(
    r"^(?P<organ>[\p{Han}（）()]{4,40})[\s\u3000]{2,}(?P<date>\S.{5,16}日)$"
)
# A booklet's cover line: the organ that compiled it and the month, set apart by a space
# (某旗人民政府妇女儿童工作委员会办公室 2022 年 8 月, a document site's copy of the PDF)
_ORGAN_AND_MONTH = regex.compile(
    r"^(?P<organ>[\p{Han}（）()]{4,40}?)[\s\u3000]+(?P<month>(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月)$"
)
# A date glued to the closing sentence when the signature is missing: 此复。 二○一二年五月十一日
_TRAILING_DATE = regex.compile(
    r"[。！]\s*(?P<date>(?:(?:19|20)\d{2}|[〇○零Oo一二三四五六七八九]{4})\s*年.{1,10}?日)$"
)
# An attachment title this long may run onto the next line, by at most _ITEM_TAIL characters.
_LONG_ITEM = 20
_ITEM_TAIL = 12
_ITEMS_ON_ONE_LINE = regex.compile(r"\s+(?=\d{1,2}\s*[．.、]\s*\S)")
# A signer's name alone on the line under the 签发人 line (two signers, one under the other).
_NAME_LINE = regex.compile(r"^[\p{Han}·]{2,4}(?:\s+[\p{Han}·]{2,4})*$")


@dataclass
class Found:
    metadata: Metadata
    consumed: set[int] = field(default_factory=set)  # id() of blocks that are metadata, not body


@dataclass(frozen=True)
class _Rules:
    grammar: MetadataGrammar
    doc_number: regex.Pattern
    issuer_line: regex.Pattern
    issuers_run: regex.Pattern
    issuer_head: regex.Pattern
    year_first_head: regex.Pattern
    year_first_institution: regex.Pattern
    trailing_number: regex.Pattern
    view_count: regex.Pattern
    byline: regex.Pattern
    sitting_verbs: regex.Pattern
    joint_separator: regex.Pattern
    seal_note: regex.Pattern
    host_organ_note: regex.Pattern
    adoption_note: regex.Pattern
    amendment: regex.Pattern
    serial_number: regex.Pattern
    standard_number: regex.Pattern
    standard_released: regex.Pattern
    standard_cover_line: regex.Pattern
    standard_organ: regex.Pattern
    banner_marks: regex.Pattern
    issuer_mark: regex.Pattern
    signers: regex.Pattern
    attachments: regex.Pattern
    attachment_item: regex.Pattern
    annex_mark: regex.Pattern
    file_extension: regex.Pattern
    printed: regex.Pattern
    recipients_end: regex.Pattern
    news_dateline: regex.Pattern
    shared_office: regex.Pattern
    form_labels: frozenset[str]
    cc: regex.Pattern
    closing: list[regex.Pattern]
    provinces: tuple[str, ...]
    province_short: tuple[str, ...]
    place_unit: regex.Pattern
    prefecture_short: dict[str, str]
    prefecture_province: dict[str, str]
    prefecture_lengths: tuple[int, ...]
    not_after_short: tuple[str, ...]
    not_after_window: int
    school_kinds: tuple[str, ...]
    township_unit: regex.Pattern
    not_place_described: regex.Pattern
    title_lead: regex.Pattern
    lead_in_issuer: regex.Pattern
    headline_issuer: regex.Pattern
    abbreviated_organs: regex.Pattern
    lead_organ: regex.Pattern
    source_organ: regex.Pattern
    own_place: regex.Pattern
    level_organ: regex.Pattern
    years_in_title: regex.Pattern
    five_year_plans: regex.Pattern


# The level an organ names alone before its kind, its place left to the reader (市妇联, 县委).
_LEVEL = "[省市县区州旗]"


@cache
def _rules() -> _Rules:
    rules = grammar.load_typed("metadata", MetadataGrammar)
    prefectures = grammar.load_typed("prefectures", PrefecturesGrammar)
    # a province's short name is the province (吉林, 海南); an ordinary word is no place alone
    never_short = set(rules.province_level.values()) | set(prefectures.short_not_alone)
    prefecture_short = {
        short: full
        for names in prefectures.prefectures.values()
        for short, full in names.items()
        if short not in never_short
    }
    suffix = rules.issuer_suffix.pattern
    # 省妇联, 市残联: a level alone before an abbreviated organ (a province's joint signature);
    # an organ named after a plan quotes it (某区“十四五”规划工作领导小组办公室)
    # a national organ too short for that shape (国务院, 国务院办公厅) is one by name
    national = "|".join(
        regex.escape(name) for name in sorted(rules.national_organs, key=len, reverse=True)
    )
    shaped = f"(?:{_LEVEL}|[\\p{{Han}}（）()“”]{{2,40}}?){suffix}"
    organ = f"(?:(?:{national})(?:{suffix})?|{shaped})"
    # a title opening with its year before the organ (2024年某县人民政府工作要点)
    year = rules.title_issuer_year.pattern
    rest = rules.year_first_issuer.pattern.removeprefix("^")
    institution = rules.institution_signature.pattern.removeprefix("^").removesuffix("$")
    return _Rules(
        grammar=rules,
        doc_number=rules.compile(rules.doc_number),
        issuer_line=regex.compile(f"^{organ}$"),
        trailing_number=trailing_doc_number(),
        view_count=rules.compile(rules.view_count),
        byline=rules.compile(rules.byline),
        issuers_run=regex.compile(f"^(?:(?P<organ>{organ}))+$"),
        issuer_head=regex.compile(
            f"^(?P<issuer>(?:{organ})+?)(?:{rules.issuers_counted.pattern})?"
            f"(?:关于|印发|转发|(?={rules.title_issuer_year.pattern})"
            # an order's title is its organ and 令 (某省人民政府令)
            f"|(?=(?:{'|'.join(map(regex.escape, rules.decree_types))})$))"
        ),
        year_first_head=regex.compile(f"^{year}(?P<issuer>(?:{organ})+)(?={rest})"),
        year_first_institution=regex.compile(f"^{year}(?P<issuer>{institution})(?={rest})"),
        sitting_verbs=rules.compile(rules.sitting_verbs),
        joint_separator=rules.compile(rules.joint_issuer_separator),
        seal_note=rules.compile(rules.seal_note),
        host_organ_note=rules.compile(rules.host_organ_note),
        adoption_note=rules.compile(rules.adoption_note),
        amendment=rules.compile(rules.amendment),
        serial_number=rules.compile(rules.serial_number),
        standard_number=rules.compile(rules.standard_cover.number),
        standard_released=rules.compile(rules.standard_cover.released),
        standard_cover_line=regex.compile(
            f"{rules.standard_cover.series.pattern}|{rules.standard_cover.effective.pattern}"
            f"|{rules.standard_cover.filing.pattern}"
        ),
        standard_organ=rules.compile(rules.standard_cover.organ),
        banner_marks=rules.compile(rules.banner_marks),
        issuer_mark=rules.compile(rules.issuer_mark),
        signers=rules.compile(rules.signers),
        attachments=rules.compile(rules.attachments),
        attachment_item=rules.compile(rules.attachment_item),
        annex_mark=rules.compile(rules.annex_mark),
        file_extension=regex.compile(
            f"\\.(?:{'|'.join(map(regex.escape, rules.attachment_file_types))})$",
            regex.IGNORECASE,
        ),
        printed=rules.compile(rules.printed),
        recipients_end=rules.compile(rules.recipients_end),
        news_dateline=rules.compile(rules.news_dateline),
        shared_office=rules.compile(rules.shared_office),
        form_labels=frozenset(rules.form_labels),
        cc=rules.compile(rules.cc_prefix),
        closing=[rules.compile(rule) for rule in rules.closing_marks],
        provinces=tuple(sorted(rules.province_level, key=len, reverse=True)),
        province_short=tuple(sorted(rules.province_level.values(), key=len, reverse=True)),
        place_unit=rules.compile(rules.place_unit),
        prefecture_short=prefecture_short,
        prefecture_province={
            full: province
            for province, names in prefectures.prefectures.items()
            for full in names.values()
        },
        prefecture_lengths=tuple(sorted({len(short) for short in prefecture_short}, reverse=True)),
        not_after_short=tuple(prefectures.not_after_short.words),
        not_after_window=prefectures.not_after_short.window,
        school_kinds=tuple(prefectures.not_after_short.kinds),
        township_unit=rules.compile(rules.township_unit),
        not_place_described=rules.compile(rules.not_place_described),
        title_lead=rules.compile(rules.title_lead),
        lead_in_issuer=rules.compile(rules.lead_in_issuer),
        headline_issuer=rules.compile(rules.headline_issuer),
        abbreviated_organs=_abbreviations_run(rules.organ_abbreviations),
        lead_organ=rules.compile(rules.lead_organ),
        source_organ=rules.compile(rules.source_organ),
        own_place=rules.compile(rules.own_place),
        level_organ=regex.compile(f"^(?P<level>{_LEVEL})(?:{suffix})"),
        years_in_title=rules.compile(rules.years_in_title),
        five_year_plans=regex.compile("|".join(map(regex.escape, rules.five_year_plans))),
    )


# ---------------------------------------------------------------- places


@lru_cache(maxsize=4096)  # the same issuer and place are asked for every agency of a document
def place_chain(name: str | None) -> tuple[str, ...]:
    """The administrative units a name starts with, as written.

    重庆市万州区人民政府 → [重庆市, 万州区].

    A title's lead words are skipped (关于印发《天津市…》的通知 → [天津市]). A prefecture named
    by its short name is given its full name (大连儿童发展规划 → [大连市]).
    """
    if not name:
        return ()
    rules = _rules()
    rest = squash_spaces(name)
    lead = rules.title_lead.match(rest)  # the lead words are all optional: it always matches
    rest = rest[lead.end() :] if lead else rest
    chain = []
    for province in rules.provinces:
        if rest.startswith(province):
            chain.append(province)
            rest = rest[len(province) :]
            break
    else:
        # 河北雄安新区, 云南昆明: a province named short, kept only when what follows is a unit of
        # its own or one of its prefectures, and the whole is not a unit (海南藏族自治州 is a
        # prefecture of Qinghai).
        for short in rules.province_short:
            after = rest[len(short) :]
            if (
                rest.startswith(short)
                and not _unit(rest)
                and (_unit(after) or _prefecture_named_short(after, short))
            ):
                chain.append(short)
                rest = after
                break
    # the dict lookup first: the unit pattern runs only on the rare name that starts like one
    if (prefecture := _prefecture_named_short(rest, *chain)) and not _unit(rest):
        short, full = prefecture
        chain.append(full)
        rest = rest[len(short) :]
    while unit := _unit(rest):
        chain.append(unit)
        rest = rest[len(unit) :]
    township = rules.township_unit.match(rest)
    if township and township["name"] not in rules.grammar.not_township:
        chain.append(township["name"])
    return tuple(chain)


def _unit(text: str) -> str | None:
    unit = _rules().place_unit.match(text)
    return unit.group(0) if unit and _is_place(unit.group(0)) else None


def _prefecture_named_short(text: str, province: str | None = None) -> tuple[str, str] | None:
    """The prefecture a text opens with by its short name, and its full name: 大连儿童发展规划 →
    (大连, 大连市). None when the name goes on into a school's or a firm's (西安交通大学), or the
    prefecture is not in `province` (full or short) when one was named before it."""
    rules = _rules()
    for length in rules.prefecture_lengths:
        full = rules.prefecture_short.get(text[:length])
        if full is None:
            continue
        after = text[length : length + rules.not_after_window]
        for kind in rules.school_kinds:
            after = after.replace(kind, "")
        if any(word in after for word in rules.not_after_short):
            return None
        if province and not rules.prefecture_province[full].startswith(province):
            return None
        return text[:length], full
    return None


def _is_place(name: str) -> bool:
    rules = _rules().grammar
    return (
        len(name) >= 2
        and name not in rules.unit_word_alone
        and not name.startswith(tuple(rules.not_place_start))
        and not name.endswith(tuple(rules.not_place))
        and not _rules().not_place_described.match(name)
        and not any(word in name for word in rules.not_in_place)
    )


def place_of(name: str | None) -> str | None:
    """The most specific unit a name starts with: 重庆市万州区人民政府办公室 → 万州区.

    A province-level name is the place when nothing more specific follows it
    (天津市人民政府办公厅 → 天津市, 广东省人民政府 → 广东省).
    """
    chain = place_chain(name)
    return chain[-1] if chain else None


def province_of(name: str | None) -> str | None:
    """The province-level unit a name starts with, full name: 重庆两江新区 → 重庆市."""
    chain = place_chain(name)
    if not chain:
        return None
    full = {short: province for province, short in _rules().grammar.province_level.items()}
    return chain[0] if chain[0] in _rules().provinces else full.get(chain[0])


def jurisdiction(meta: Metadata, title: str | None) -> str | None:
    """The document's place with its province when any of its texts names it: 重庆市万州区.

    Agencies are named differently from one province to the next; this is the context
    `extract.agencies` needs to fold renames within one place and never across places.
    """
    if meta.place is None:
        return None
    names = [*split_issuers(meta.issuer or ""), title, meta.portal.get("发布机构")]
    province = next((p for name in names if (p := province_of(name))), None)
    if province is None or meta.place == province:
        return meta.place
    return province + meta.place


def split_issuers(text: str) -> list[str]:
    """Joint issuers as the text lists them: 某省农业农村厅　某省财政厅 → two organs."""
    rules = _rules()
    parts = [p for p in rules.joint_separator.split(text.strip()) if p]
    if not parts:
        return []
    if len(parts) > 1 and (
        all(rules.issuer_line.match(p) for p in parts) or all(_national(p) for p in parts)
    ):
        # a signature whose publisher lost some of its spaces runs two organs together between
        # the others (…卫生健康委自治区医保局 自治区市场监督管理局, 国家医保局 共青团中央全国妇联)
        return [organ for part in parts for organ in (_organs_run(part) or [part])]
    squashed = squash_spaces(text)
    run = _organs_run(squashed)
    if run:
        return run
    return [squashed] if rules.issuer_line.match(squashed) else []


def _organs_run(text: str) -> list[str]:
    """Two or more organs run together on a line without spaces (某省教育厅某省财政厅,
    国家发展改革委办公厅国务院妇儿工委办公室), each naming its own place or a national one;
    [] for one organ or anything else."""
    rules = _rules()
    run = rules.issuers_run.match(text)
    if run and len(run.captures("organ")) > 1:
        organs = run.captures("organ")
        # An organ inside another (某市人民政府妇女儿童工作委员会) is one organ: every joint
        # issuer names its own place, or its region's kind alone (自治区教育厅自治区财政厅).
        prefixes = (*rules.grammar.organ_prefixes, *rules.grammar.unit_word_alone)
        if all(place_chain(organ) or organ.startswith(prefixes) for organ in organs):
            return organs
    national = _national_run(text)
    return national if len(national) > 1 else []


def _national(organ: str) -> bool:
    """Whether an organ is a national one (教育部, 国家卫生健康委办公厅), which names no place."""
    grammar = _rules().grammar
    return bool(_rules().issuer_line.match(organ)) and (
        organ.startswith(tuple(grammar.national_prefixes))
        or any(organ.startswith(name) for name in grammar.national_organs)
    )


def _national_run(text: str) -> list[str]:
    """National organs run together (国家发展改革委办公厅国务院妇儿工委办公室教育部办公厅), cut
    where each known name starts, its office after it; [] unless the run is nothing else."""
    organ = _national_organ()
    organs: list[str] = []
    at = 0
    while at < len(text):
        found = organ.match(text, at)
        if found is None:
            return []
        organs.append(found[0])
        at = found.end()
    return organs


@cache
def _national_organ() -> regex.Pattern:
    """A national organ's name, longest first, and its office after it (教育部办公厅)."""
    rules = _rules().grammar
    names = grammar.alternation(rules.national_organs)
    offices = grammar.alternation(rules.national_offices)
    return regex.compile(f"(?:{names})(?:{offices})?")


# ---------------------------------------------------------------- periods


def period_of(*texts: str | None) -> Period | None:
    """The plan period a title or its period line names; None if none or several.

    （2021—2030年） · (2021-2030年) · 2021～2030 · 2021至2030年 · “十四五” (2021–2025)
    """
    found: set[tuple[int, int]] = set()
    for text in texts:
        if text:
            found.update((int(m["a"]), int(m["b"])) for m in _YEAR_RANGE.finditer(fold(text)))
    if not found:
        plans = _rules().grammar.five_year_plans
        for text in texts:
            if text:
                found.update(plans[m.group(0)] for m in _rules().five_year_plans.finditer(text))
    if len(found) != 1:
        return None
    start, end = found.pop()
    return Period(start=start, end=end) if start <= end else None


def _own_words(title: str) -> str:
    """A plan title without the documents it cites: 落实《某省儿童发展规划（2021—2030年）》2023年
    重点任务分工方案 is the plan of 2023, not of 2021–2030. A notice (关于印发《…》的通知) keeps
    its citation, which names the plan it carries."""
    last = title.rfind("》")
    if last < 0 or title_kind(title[last + 1 :]) not in ("plan", "annex"):
        return title
    return _CITED.sub("", title)


def _one_year(title: str) -> int | None:
    """2024年全市妇女儿童工作要点 → 2024: the one year named in a one-year plan's title."""
    bare = _TRAILING_MARKS.sub("", fold(title))
    types = tuple(_rules().grammar.one_year_types)
    if not (bare.endswith(types) or any(f"{t}》" in bare for t in types)):
        return None
    years = {int(m["a"]) for m in _ONE_YEAR.finditer(bare)}
    return years.pop() if len(years) == 1 else None


def _years_of_plan(title: str, body: list[Paragraph]) -> tuple[Period, Provenance] | None:
    """三年行动计划 without its years in the title: the first range of that length below it."""
    named = _rules().years_in_title.search(title)
    if not named:
        return None
    length = named["years"]
    years = int(length) if length.isdigit() else chinese_numeral(length)
    for block in body[:_LEAD_LINES]:
        for m in _YEAR_RANGE.finditer(fold(block.text)):
            start, end = int(m["a"]), int(m["b"])
            if years and end - start == years - 1:
                return Period(start=start, end=end), block.prov
    return None


# ---------------------------------------------------------------- the segment


@dataclass
class Page:
    """What a portal page states outside its article text, as the HTML reader found it: the
    metadata block (label → value, and the line each pair was read from) and the files offered
    for download beside the article (附件下载)."""

    fields: dict[str, str]
    provenance: dict[str, Provenance]
    attachments: list[Attachment]
    # the organ whose column the page sits in, as its breadcrumb names it (`normalize.column_organ`)
    crumb_organ: Paragraph | None = None


def take_page_trailer(segments: list[Segment]) -> list[Paragraph]:
    """The portal block a page prints after the article (文件信息 / 索 引 号：… / 文　　号：…),
    removed from the last of several documents: it describes the page's document, the first."""
    if len(segments) < 2:
        return []
    last = segments[-1]
    trailer = _trailer([b for b in last.body if isinstance(b, Paragraph)])
    for block in trailer:
        last.body.remove(block)
    return trailer


def extract_metadata(
    segment: Segment,
    title_prov: Provenance | None,
    page: Page | None = None,
    trailer: list[Paragraph] | None = None,
) -> Found:
    """The metadata of one document segment and the blocks that carried it; `page` and the
    page's `trailer` (take_page_trailer) for the document a portal page presents."""
    found = Found(Metadata())
    header = _header_lines(segment.header)
    body, signature_tables = _paragraphs(segment.body)
    lead = _lead(body)

    # a title a portal field gave (标题：…, the page having lost its title line) is one field of
    # the block: the others on its line are read with the rest
    fields = [block for block in segment.title_blocks if portal.pairs(block.text.strip())]
    _portal(header + fields + lead + _trailer(body) + (trailer or []), found, page)
    _edition_day(header + lead, found)
    printed_issuers = _banner(header, found)
    cover_issuers = _under_title(segment, lead, title_prov, found)
    _account_over_byline(lead, found)
    _recipients(body, found)
    dates_under_title = _dates_under_title(lead, found)
    # The issuer is the 发文机关署名 above the date; failing that, as the 版头 or the title
    # names it, as a booklet's cover names it under the title, or as the portal says.
    _closing(body, found)
    for table, rows in signature_tables.items():
        if any(id(row) in found.consumed for row in rows):
            found.consumed.add(table)
    _date_under_title(dates_under_title, body, found)
    _cover_date(segment, header, found)
    _month_written(lead, body, found)
    title_issuers = _title_issuers(segment, title_prov)
    if (
        printed_issuers
        and title_issuers
        and "".join(printed_issuers[0]) != "".join(title_issuers[0])
    ):
        # an organ line above a title that names other issuers at its head is the portal's
        # own name (某县人民政府 / 首页 >> 公开信息内容 / 某县人民政府办公室关于印发…的通知);
        # joint issuers above a title that names them again (the title's head unsplit) stay
        printed_issuers = None
    _signature_in_pieces(title_issuers, found)
    for issuers in (printed_issuers, title_issuers, cover_issuers):
        if issuers:
            _set(found, "issuer", "、".join(issuers[0]), issuers[1])
    _unit_organ_issuer(segment, body, found)
    _issuer_from_mark(found)
    _lead_in_issuer(segment, found)
    if page and page.attachments:
        titles = [attachment.title for attachment in page.attachments]
        _set(found, "attachments", titles, page.attachments[0].prov)
    _from_portal(found)
    _crumb_issuer(page, segment, found)
    _site_name_issuer(header, segment, found)
    _period(segment, body, title_prov, found)
    _place(segment, title_prov, found)
    return found


def _names_publisher(found: Found) -> bool:
    """Whether a portal field names the page's publisher (发布机构：…), who is no issuer."""
    return any(
        portal.feeds(label) == "publisher"
        for label, value in found.metadata.portal.items()
        if value
    )


def _crumb_issuer(page: Page | None, segment: Segment, found: Found) -> None:
    """The organ whose column the page sits in (首页 > 政务公开 > 某县民政局 > 通知公告) as the
    issuer of a page that names no organ: no signature, 版头, title head, lead-in or issuer
    field, nor a publisher (发布机构：…, which stays the publisher). A department posts its own
    documents in its column, as a township its own on its site; a weak hint, read last but
    before the site's name, which the column is inside. Its provenance is the breadcrumb."""
    if page is None or page.crumb_organ is None or found.metadata.issuer or _names_publisher(found):
        return
    organs = split_issuers(page.crumb_organ.text)
    if organs and not _of_another_place(segment, organs[0]):
        _set(found, "issuer", "、".join(organs), page.crumb_organ.prov)


def _site_name_issuer(header: list[Paragraph], segment: Segment, found: Found) -> None:
    """The organ a portal names itself after (某镇人民政府 over its breadcrumb) as the issuer of
    a page that names no organ: no signature, 版头, title head, issuer field, nor a publisher
    (发布机构：某镇农业农村办公室, which stays the publisher). A weak hint, read last, as a
    reader takes the site for the author only when nothing else says who wrote it."""
    if found.metadata.issuer or _names_publisher(found):
        return
    for block in header:
        if block.style == SITE_NAME and (organs := split_issuers(block.text)):
            if not _of_another_place(segment, organs[0]):
                _set(found, "issuer", "、".join(organs), block.prov)
            return


def _of_another_place(segment: Segment, organ: str) -> bool:
    """Whether the title names a document of a place without the organ's in it, so that a
    site's or a column's organ did not write it: 关于印发青山市…实施意见的通知 on a township's
    site, a repost of the city's (a part of the organ's place, 2024年某市中心城区…, is its own);
    one forwarding it (关于转发…: `forwarding_words`) is the organ's own."""
    title = segment.title or ""
    if any(word in title for word in _rules().grammar.forwarding_words):
        return False
    there, here = place_chain(interpreted_title(title) or title), place_of(organ)
    return bool(there) and here is not None and here not in there


def _cover_date(segment: Segment, header: list[Paragraph], found: Found) -> None:
    """The date a report's cover prints under its title, the title then repeated with its
    issuer on the first page (某县实施…终期评估报告 / 二〇一一年七月十五日 /
    某县人民政府妇儿工委关于实施…终期评估报告)."""
    if found.metadata.date_written is not None or len(header) < 2 or not segment.title:
        return
    cover, dated = header[-2], header[-1]
    date = iso_date(dated.text) or month_date(dated.text)
    if date and names_its_issuer(segment.title, cover.text):
        _set(found, "date_written", date, dated.prov, dated)


def _month_written(lead: list[Paragraph], body: list[Paragraph], found: Found) -> None:
    """The month a report or booklet is dated by when it prints no day, as YYYY-MM: on its cover
    under the title (某县人民政府 / 2022年6月, or 某办公室 2022 年 8 月 on one line) or under the
    organ signing its end. Read after every day the document prints, which is always preferred;
    a month elsewhere in the text (a timeline's 2022年6月) is no date of the document."""
    if found.metadata.date_written is not None:
        return
    for block in lead:
        text = block.text.strip()
        if numbered(text):
            break  # the text's outline has begun: a month under its heading is a timeline's
        cover = _ORGAN_AND_MONTH.match(text)
        if month := month_date(cover["month"] if cover else text):
            _set(found, "date_written", month, block.prov, block)
            return
    for n in range(len(body) - 1, 0, -1):
        block, above = body[n], body[n - 1]
        if id(block) in found.consumed or not (month := month_date(block.text)):
            continue
        if split_issuers(above.text) or _institution(above.text, alone=True):
            _set(found, "date_written", month, block.prov, block)
            _signature(body[max(0, n - _SIGNATURE_LINES) : n], found)
            return


def _issuer_from_mark(found: Found) -> None:
    """The organs of the 发文机关标志 (某县妇女儿童工作委员会办公室文件) as the issuer of a copy
    that kept the 版头 but not the 发文机关署名 (the seal stood for it: only the date is under
    the text) and whose title does not name the issuer (关于印发…的通知)."""
    mark = found.metadata.issuer_mark
    if found.metadata.issuer or not mark:
        return
    organs = split_issuers(_MARK_WORD.sub("", mark))
    if organs:
        _set(found, "issuer", "、".join(organs), found.metadata.provenance.get("issuer_mark"))


def _lead_in_issuer(segment: Segment, found: Found) -> None:
    """The organ a repost's lead-in names before its verb (民政部近日发出《…的通知》，全文如下：)
    as the issuer of the document it gave the title of, or of the document a story's lead
    announces so over its title line (`announced_by`), when the document names none itself:
    the repost dropped its title line or its signature, and a signature or 版头 would have set
    the issuer. So do the organs a news headline standing for the notice opens with
    (中办国办印发《…》)."""
    if found.metadata.issuer:
        return
    rules = _rules()
    leads = [segment.announced_by] if segment.announced_by else []
    for block in [*segment.title_blocks, *leads]:
        text = squash_spaces(block.text)
        lead = rules.lead_in_issuer.match(text)
        if not lead and segment.kind == "notice":
            lead = rules.headline_issuer.match(text)
        if lead and (organs := _unabbreviated(lead["organ"]) or split_issuers(lead["organ"])):
            _set(found, "issuer", "、".join(organs), block.prov)
            return


def _abbreviations_run(abbreviations: dict[str, list[str]]) -> regex.Pattern:
    """A run of `organ_abbreviations` naming organs together (中办国办, 中办、国办)."""
    words = "|".join(map(regex.escape, sorted(abbreviations, key=len, reverse=True)))
    return regex.compile(f"^(?:(?P<short>{words})、?)+$")


def _unabbreviated(text: str) -> list[str]:
    """The organs a run of abbreviations stands for, as they sign (中办国办 → 中共中央办公厅,
    国务院办公厅; 青川市两办 → 中共青川市委办公室, 青川市人民政府办公室); [] for anything
    else."""
    run = _rules().abbreviated_organs.match(text)
    if not run:
        return _local_offices(text)
    full = _rules().grammar.organ_abbreviations
    return list(dict.fromkeys(organ for short in run.captures("short") for organ in full[short]))


def _local_offices(text: str) -> list[str]:
    """The offices of a place's party committee and government its own news abbreviates after
    the place's name (青川市两办, 青川市委办、市政府办, 某县委办 县府办: `local_offices`), as they
    sign; [] unless all after the place are such short forms."""
    rules = _rules()
    offices = rules.grammar.local_offices
    squashed = squash_spaces(text)
    chain = place_chain(squashed)
    if not chain:
        return []
    place = "".join(chain)
    office = offices.provincial_office if place in rules.provinces else offices.office
    stands_for: dict[str, tuple[str, ...]] = {
        short: ("party", "government") for short in offices.both
    }
    stands_for |= {short: ("party",) for short in offices.party}
    stands_for |= {short: ("government",) for short in offices.government}
    # a later part may name the place again, or its unit or its level alone (市政府办)
    again = grammar.alternation((place, chain[-1], place[-1]))
    run = regex.fullmatch(
        f"(?:[、，,]?(?:{again})?(?P<short>{grammar.alternation(stands_for)}))+",
        squashed[len(place) :],
    )
    if not run:
        return []
    names = {
        "party": offices.party_name.format(place=place, office=office),
        "government": offices.government_name.format(place=place, office=office),
    }
    found = (names[which] for short in run.captures("short") for which in stands_for[short])
    return list(dict.fromkeys(found))


def _header_lines(blocks: list[Block]) -> list[Paragraph]:
    """The 版头's lines: its paragraphs, and the cells of a table in it column by column (a joint
    发文机关标志 set as a table: the organs stacked at the left, 文件 at the right across them)."""
    lines: list[Paragraph] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            lines.append(block)
            continue
        width = max((len(row) for row in block.rows), default=0)
        for col in range(width):
            for row in block.rows:
                if col < len(row) and row[col].text.strip():
                    lines.append(Paragraph(row[col].text.strip(), row[col].prov))
    return lines


def _paragraphs(blocks: list[Block]) -> tuple[list[Paragraph], dict[int, list[Paragraph]]]:
    """The paragraphs of a body, with a signature set in a table read as its lines: joint
    issuers signed in a borderless table right above the date, an organ a cell (the table's
    id → its rows, so the table is consumed with the signature)."""
    paragraphs: list[Paragraph] = []
    tables: dict[int, list[Paragraph]] = {}
    for n, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            paragraphs.append(block)
            continue
        after = blocks[n + 1] if n + 1 < len(blocks) else None
        if not (isinstance(after, Paragraph) and iso_date(squash_spaces(after.text))):
            continue
        cells = [[cell for cell in row if cell.text.strip()] for row in block.rows]
        if all(cells) and all(
            split_issuers(cell.text) == [cell.text.strip()] for row in cells for cell in row
        ):
            rows = [Paragraph("　".join(c.text.strip() for c in row), row[0].prov) for row in cells]
            tables[id(block)] = rows
            paragraphs += rows
    return paragraphs, tables


def _set(
    found: Found,
    name: str,
    value: object,
    prov: Provenance | None,
    block: Paragraph | None = None,
) -> None:
    """Fill field `name` unless an earlier, stronger source already did."""
    meta = found.metadata
    if getattr(meta, name) in (None, []) and value not in (None, []):
        setattr(meta, name, value)
        if prov is not None:
            meta.provenance[name] = prov
    if block is not None:
        found.consumed.add(id(block))


def _lead(body: list[Paragraph]) -> list[Paragraph]:
    """The short lines between the title and the text (文号, portal fields), up to the first
    line of prose or the recipients."""
    lead: list[Paragraph] = []
    others, label_alone = 0, False
    for n, block in enumerate(body):
        text = block.text.strip()
        if not lead and _SENTENCE.search(text) and _infobox_follows(body[n + 1 : n + 3]):
            # an encyclopedia entry's summary restating the notice's text (《…》已经…同意，…印发，
            # 请认真贯彻执行。) between the title and its infobox: the text, not the end of the lead
            continue
        pairs = portal.pairs(text)
        value = (
            label_alone
            and len(text) <= _MAX_VALUE
            and not _SENTENCE.search(text)
            and not _rules().recipients_end.search(text)  # the last label had no value
        )
        if pairs or value:
            # a portal line may end in a colon (视力保护色：); a label alone has its value on the
            # next line (• 文号： / • 某政办发〔2022〕66号), however many pairs the block holds
            lead.append(block)
            label_alone = len(pairs) == 1 and not pairs[0].value
            continue
        if (stamp := _STAMP.match(text)) and portal.pairs(stamp["rest"]):
            # so may a stamp's, its last label empty (( 2024年07月15日 ) 来源:某局  浏览次数:)
            lead.append(block)
            label_alone = False
            continue
        if (
            others == _LEAD_LINES
            or (len(text) > _MAX_LEAD_LINE and not _LATIN_NAME.match(text) and not _amended(text))
            or _SENTENCE.search(text)
            or _rules().recipients_end.search(text)
        ):
            break
        others += 1
        lead.append(block)
    return lead


def _edition_day(blocks: list[Paragraph], found: Found) -> None:
    """The day of a newspaper's issue over its page label (`EDITION_DAY`, marked by `normalize`):
    the stories' publication date, when no stamp gave one."""
    for block in blocks:
        if block.style == EDITION_DAY and id(block) not in found.consumed:
            _set(found, "date_published", iso_date(block.text), block.prov, block)
            return


def _infobox_follows(blocks: list[Paragraph]) -> bool:
    """Whether the next two lines are both fields (• 中文名:… / • 颁布时间:…)."""
    return len(blocks) == 2 and all(portal.pairs(block.text.strip()) for block in blocks)


def _trailer(body: list[Paragraph]) -> list[Paragraph]:
    """Portal lines printed after the text (来源：… at the foot of a page)."""
    trailer: list[Paragraph] = []
    for block in reversed(body[-_LEAD_LINES:]):
        if not portal.pairs(block.text):
            break
        trailer.insert(0, block)
    return trailer


def _portal(blocks: list[Paragraph], found: Found, page: Page | None) -> None:
    meta = found.metadata
    in_order = _values_in_order(blocks)
    for n, block in enumerate(blocks):
        if id(block) in found.consumed:
            continue
        pairs = portal.pairs(block.text)
        if n in in_order:
            value, following = in_order[n]
            pairs = [replace(pairs[0], value=value)]
            found.consumed.add(id(following))
        elif len(pairs) == 1 and not pairs[0].value and n + 1 < len(blocks):
            # • 索引号: / 430800000/2022-002317: a list of labels with values below them; the
            # heading that opens the article (一、出台背景) is no value of the last label
            following = blocks[n + 1]
            value = portal.bare_value(following.text)
            if (
                value
                and len(value) <= _MAX_VALUE
                and not portal.pairs(following.text.strip())
                # a field of its own, its label one the grammar may not know (颁发日期:2021-07-02
                # under an empty 文  号: on a law library's page)
                and not portal.FIELD_SHAPED.match(following.text)
                and not opens_block(value)
                # an order's serial number under its title, past a mirror's empty 来源: and
                # 作者: (某省人民政府令 / 第248号)
                and not _rules().serial_number.match(squash_spaces(following.text))
            ):
                pairs = [replace(pairs[0], value=value)]
                found.consumed.add(id(following))
        stamped = block.text.strip()
        stamp = _STAMP.match(stamped) if not pairs else None
        if stamp:
            pairs = portal.pairs(stamp["rest"])
            viewed = bool(stamp["rest"]) and _rules().view_count.match(stamp["rest"]) is not None
            if not (stamp["time"] or pairs or viewed):
                continue
            # 2011-10-08 00:00:00 来源: 本站原创 or 2024-07-26 700 (its view count): a page's
            # publication stamp, unlabelled.
            date = leading_date(stamp["date"]) or leading_date(stamped[stamp.start("date") :])
            _set(found, "date_published", date, block.prov)
        elif not pairs:
            continue
        for pair in pairs:
            if pair.feeds != "furniture" and pair.label not in meta.portal:
                meta.portal[pair.label] = chrome.without_toolbar(pair.value) or None
                meta.provenance[f"portal.{pair.label}"] = block.prov
        found.consumed.add(id(block))
    if page is None:
        return
    for label, value in page.fields.items():
        if portal.feeds(label) != "furniture" and label not in meta.portal:
            meta.portal[label] = value or None
            if label in page.provenance:
                meta.provenance[f"portal.{label}"] = page.provenance[label]


def _values_in_order(blocks: list[Paragraph]) -> dict[int, tuple[str, Paragraph]]:
    """Labels alone one a line, then as many values one a line, in the same order: a portal's
    fact table of a label row over a value row that a crawl flattened one cell a line (索引号 /
    发布机构 / 文号 / 11340000-… / 某县人民政府办公室 / 某政办〔2023〕5号). The value of each
    label's line, by the line's index; without it the last label took the first value."""
    found: dict[int, tuple[str, Paragraph]] = {}
    n = 0
    while n < len(blocks):
        run = []
        while n < len(blocks) and _label_alone(blocks[n].text):
            run.append(n)
            n += 1
        values = blocks[n : n + len(run)]
        bare = [portal.bare_value(b.text) for b in values]
        if (
            len(run) >= 2
            and len(values) == len(run)
            and all(
                value
                and len(value) <= _MAX_VALUE
                and not portal.pairs(b.text.strip())
                and not opens_block(value)
                for value, b in zip(bare, values, strict=True)
            )
        ):
            found.update(
                (at, (value, b)) for at, value, b in zip(run, bare, values, strict=True) if value
            )
            n += len(run)
        elif not run:
            n += 1
    return found


def _label_alone(text: str) -> bool:
    pairs = portal.pairs(text)
    return len(pairs) == 1 and not pairs[0].value


Issuers = tuple[list[str], Provenance | None] | None


def _banner(header: list[Paragraph], found: Found) -> Issuers:
    """版头 lines before the title: marks, 发文机关标志, 文号, 签发人, dates; the issuers named
    on lines of their own are returned."""
    rules = _rules()
    issuers: list[tuple[list[str], Paragraph]] = []
    after_signers = False
    stacked: list[Paragraph] = []  # organ lines right above this one
    for block in header:
        if id(block) in found.consumed or block.style == SITE_NAME:
            continue
        text = squash_spaces(block.text)
        if not text:
            continue
        marks = rules.banner_marks.match(text)
        # a 文号 in a sentence above the title is one the text cites (a notice whose title the
        # page lost: …印发的《…》（某政〔2002〕21号）同时废止。)
        number = None if _SENTENCE.search(text) else rules.doc_number.search(block.text)
        mark = rules.issuer_mark.match(text)
        if stacked:
            # a joint 发文机关标志: organs stacked over 文件, alone or after the last organ
            # (written as one line of them is: 某省农业农村厅 某省财政厅文件 → squashed)
            joined = " ".join(squash_spaces(b.text) for b in stacked)
            mark = rules.issuer_mark.match(squash_spaces(f"{joined} {text}"))
        mark_prov = span(stacked[0].prov, block.prov) if stacked and mark else block.prov
        organs = split_issuers(block.text)
        stacked = [*stacked, block] if organs and not mark else []
        signers = rules.signers.search(block.text.strip())
        if after_signers and _NAME_LINE.match(block.text.strip()) and not split_issuers(text):
            # a second 签发人 printed under the first
            found.metadata.signers += _names(block.text)
            found.consumed.add(id(block))
            continue
        after_signers = bool(signers)
        if byline := rules.byline.match(block.text.strip()):
            # a public account's byline above a reposted document
            _set(found, "date_published", leading_date(byline["date"]), block.prov, block)
        elif standard := rules.standard_number.match(block.text.strip()):
            # DB45/T 2150—2023 over a standard's name: the standard's number, as written, is
            # its 文号
            _set(found, "doc_number", standard["number"], block.prov, block)
        elif released := rules.standard_released.match(text):
            # a cover above a title page that repeats the name (an engineering-construction
            # standard's 扉页): the 发布 date is the cover's alone
            _set(found, "date_published", leading_date(released["date"]), block.prov, block)
        elif rules.standard_cover_line.match(text):
            found.consumed.add(id(block))
        elif marks and any(marks.groupdict().values()):
            _set(found, "copy_number", marks["copy"], block.prov, block)
            _set(found, "secrecy", marks["secrecy"], block.prov, block)
            _set(found, "urgency", marks["urgency"], block.prov, block)
        elif mark:
            _set(found, "issuer_mark", mark["mark"], mark_prov, block)
        elif signers:
            _set(found, "signers", _names(signers["names"]), block.prov, block)
            if number:
                _set(found, "doc_number", squash_spaces(number["number"]), block.prov)
        elif number:
            _set(found, "doc_number", squash_spaces(number["number"]), block.prov, block)
        elif organs:
            issuers.append((organs, block))
            found.consumed.add(id(block))
        elif iso_date(text) or any(mark.match(text) for mark in rules.closing):
            found.consumed.add(id(block))
    if not issuers:
        return None
    # Joint issuers of a 版头 stand on consecutive lines; a joint 版头 stacks the organs above
    # 文件 and names them again above the title: each organ counts once.
    names = [name for organs, _ in issuers for name in organs]
    return list(dict.fromkeys(names)), issuers[0][1].prov


def _names(text: str) -> list[str]:
    """Personal names of a 签发人 line: 张三　李四 · 张　三 (a two-character name spread out)."""
    names: list[str] = []
    for word in (w for w in regex.split(r"[\s、，,]+", text.strip()) if w):
        if len(word) == 1 and names and len(names[-1]) == 1:
            names[-1] += word
        else:
            names.append(word)
    return names


def _under_title(
    segment: Segment, lead: list[Paragraph], title_prov: Provenance | None, found: Found
) -> Issuers:
    """The 文号 printed after the title, on the next line, in brackets under it or at its end
    (web pages, gazettes); the issuer a booklet's cover prints under its title is returned."""
    rules = _rules()
    tail = rules.trailing_number.search("".join(b.text for b in segment.title_blocks))
    if tail:
        _set(found, "doc_number", squash_spaces(tail["number"]), title_prov)
    for block in segment.title_blocks:
        if glued := glued_doc_number(block.text):
            _set(found, "doc_number", glued[0], block.prov)
    issuers: Issuers = None
    organ_line: Paragraph | None = None
    for block in lead:
        if organ_line is not None and issuers and (more := _organs_wrapped(issuers, block)):
            # 省教育厅 省发展改革委 省民政厅 省财政厅 / 省人力资源社会保障厅 省编办 省残联: the
            # drafting organs under a forwarded plan's title, wrapped over a second line
            issuers = more, span(issuers[1], block.prov) if issuers[1] else block.prov
            found.consumed.add(id(block))
            continue
        organ_line = None
        if id(block) in found.consumed:
            continue
        number = rules.doc_number.search(block.text)
        dated = _ORGAN_AND_DATE.match(block.text.strip())
        if number and len(squash_spaces(block.text)) <= len(squash_spaces(number["number"])) + 2:
            _set(found, "doc_number", squash_spaces(number["number"]), block.prov, block)
        elif bracketed := _number_and_date(block.text):
            # （吉政发〔2014〕21号　2014年6月5日） in a law database, （2020年4月8日) under a
            # party document's title: the 文号 and the 成文日期 in one pair of brackets
            _set(found, "doc_number", bracketed[0], block.prov, block)
            _set(found, "date_written", bracketed[1], block.prov, block)
        elif damaged := _damaged_doc_number(block.text):
            _set(found, "doc_number", damaged, block.prov, block)
        elif serial := rules.serial_number.match(squash_spaces(block.text)):
            # （第62号）, 2024年第3号 under a 公告's title
            year = f"{serial['year']}年" if serial["year"] else ""
            _set(found, "doc_number", f"{year}第{serial['number']}号", block.prov, block)
        elif issuers is None and (adopted := _adoption_note(block.text)):
            # （2020年7月29日某省第十三届人民代表大会常务委员会第二十二次会议通过）
            _set(found, "date_written", adopted[1], block.prov, block)
            # the note as written keeps the adoption's date when an amendment's is the version's
            _set(found, "note", block.text.strip(), block.prov)
            issuers = [adopted[0]], block.prov
        elif byline := rules.byline.match(block.text.strip()):
            _set(found, "date_published", leading_date(byline["date"]), block.prov, block)
        elif released := rules.standard_released.match(squash_spaces(block.text)):
            # 2023-06-20发布 under a standard's name: the day its organ issued it
            _set(found, "date_published", leading_date(released["date"]), block.prov, block)
        elif rules.standard_cover_line.match(squash_spaces(block.text)):
            found.consumed.add(id(block))
        elif issuers is None and (organ := _standard_organ(block.text)):
            # 某省市场监督管理局  发布 at the foot of a standard's cover
            issuers = [organ], block.prov
            found.consumed.add(id(block))
        elif dated and (organs := split_issuers(dated["organ"])) and iso_date(dated["date"]):
            # 某市人民政府办公室　　2022年11月4日: the 版头 line of a 会议纪要 or 简报
            _set(found, "date_written", iso_date(dated["date"]), block.prov, block)
            issuers = issuers or (organs, block.prov)
        elif issuers is None and (organs := split_issuers(_without_month(block.text))):
            issuers = organs, block.prov
            found.consumed.add(id(block))
            organ_line = block
    return issuers


def _standard_organ(text: str) -> str | None:
    """The organ a standard's cover names over 发布 (某省市场监督管理局  发布), else None."""
    squashed = squash_spaces(text)
    if not squashed.endswith("布"):
        return None
    found = _rules().standard_organ.match(squashed)
    return found["organ"] if found and split_issuers(found["organ"]) == [found["organ"]] else None


def _organs_wrapped(issuers: tuple[list[str], Provenance | None], block: Paragraph) -> list[str]:
    """The organs read so far and those of the line after them when both lines list two or
    more organs (a joint list the page wrapped), else []."""
    organs = issuers[0]
    more = split_issuers(block.text) if len(organs) > 1 else []
    return [*organs, *more] if len(more) > 1 else []


def _adoption_note(text: str) -> tuple[str, str] | None:
    """(standing committee, ISO date) of a 地方性法规's adoption note under its title (（2020年7月
    29日某省第十三届人民代表大会常务委员会第二十二次会议通过…）), else None. The date is that of
    the last amendment the note lists (…通过 根据…修正 …修订), the version the text is."""
    squashed = squash_spaces(text)
    if squashed[:1] not in "（(" or "通过" not in squashed:
        return None
    rules = _rules()
    found = rules.adoption_note.match(squashed)
    if not found:
        return None
    amendments = rules.amendment.findall(squashed, pos=found.end()) if "修" in squashed else []
    date = iso_date(amendments[-1] if amendments else found["date"])
    return (found["organ"] + found["body"], date) if date else None


def _amended(text: str) -> bool:
    """Whether a long line is a 地方性法规's adoption note that goes on with its amendments
    (（2008年…会议通过　2024年…会议修订）, a revised 实施…办法), no prose ending the lead."""
    return text[:1] in "（(" and _adoption_note(text) is not None


def _without_month(text: str) -> str:
    """A cover's organ line without the month printed beside it, else the line itself."""
    cover = _ORGAN_AND_MONTH.match(text.strip())
    return cover["organ"] if cover else text


def _number_and_date(text: str) -> tuple[str | None, str | None] | None:
    """(文号, ISO date) of a line holding only those in brackets; either one may be missing."""
    inside = _BRACKETED.match(squash_spaces(text))
    if not inside:
        return None
    rest = inside["inside"]
    number = _rules().doc_number.match(rest)
    if number:
        rest = rest[number.end() :]
    date = iso_date(rest) if rest else None
    if (rest and date is None) or not (number or date):
        return None
    return (squash_spaces(number["number"]) if number else None), date


def _recipients(body: list[Paragraph], found: Found) -> None:
    """主送机关: a line of organs ending in a colon at the top of the text, or two lines when a
    copy wrapped it (各区镇人民政府，各街道办事处，市各委办 / 局，各直属单位：)."""
    rules = _rules()
    blocks = [b for b in body if id(b) not in found.consumed][: _LEAD_LINES + 3]
    for n, block in enumerate(blocks):
        text = block.text.strip()
        following = squash_spaces(blocks[n + 1].text) if n + 1 < len(blocks) else ""
        if (
            rules.recipients_end.search(following)
            and len(text) > len(following)
            and squash_spaces(text).startswith(following)
        ):
            # a portal's summary above the text: the recipients and the first sentence run
            # together (各乡镇，县直各部门：现将…印发给你们…。), then the text itself
            found.consumed.add(id(block))
            continue
        # 第三条 补贴资金按照以下方式分配： opens an article, not a list of recipients; nor does
        # a preamble announcing what follows (…现就…提出如下实施意见：), nor a story's lead
        # opening with its dateline (本报讯（记者 某某）…发布十项实事:, a list under it)
        if (
            _SENTENCE.search(text)
            or numbered(text)
            or rules.news_dateline.match(text)
            or any(word in text for word in rules.grammar.not_recipients)
            or _form_label(text)
        ):
            return
        if _broken_sentence(text) and rules.recipients_end.search(following):
            # a sentence a copy broke before its last words (为…，结合我县实际，现提出以下 /
            # 意见：): the text has begun, and its tail is no list of recipients
            return
        line, lines = text, [block]
        if not rules.recipients_end.search(text) and n + 1 < len(blocks) and "，" in text:
            lines.append(blocks[n + 1])
            text += blocks[n + 1].text.strip()
        if rules.recipients_end.search(text) and not _SENTENCE.search(text) and len(text) <= 200:
            names = split_recipients(rules.recipients_end.sub("", text))
            _set(found, "recipients", names, span(lines[0].prov, lines[-1].prov))
            found.consumed.update(id(b) for b in lines)
            return
        if _organs_only(line) and _prose(following):
            # a copy that lost the colon: a line of organs and nothing else (parted by 、, ， or
            # spaces), the text below it
            _set(found, "recipients", split_recipients(line), block.prov)
            found.consumed.add(id(block))
            return


def _broken_sentence(text: str) -> bool:
    """Whether the line is the head of a sentence cut before its end: clauses parted by ，, the
    first naming no organ (so no wrapped list of recipients: 各区镇人民政府，市各委办 / 局：), and
    a character, not a mark, last."""
    pieces = _outside_brackets(text, "，,")
    return (
        len(pieces) >= 2
        and not _whole_organ(squash_spaces(pieces[0]))
        and bool(_BROKEN_OFF.search(text))
    )


def _prose(text: str) -> bool:
    """Whether a line reads as the text: a sentence, or clauses that are not a list of organs
    (a preamble a copy broke before its last words has no mark of a sentence's end)."""
    return bool(_SENTENCE.search(text)) or ("，" in text and not _organs_only(text))


_BROKEN_OFF = regex.compile(r"\p{Han}$")


def _organs_only(text: str) -> bool:
    """Whether the line lists two or more organs and nothing else (各乡镇人民政府、各街道办事处、
    县政府各部门), as the 主送机关 of a copy that lost its colon does."""
    if len(text) > 200 or not any(mark in text for mark in "、，, \u3000"):
        return False
    names = split_recipients(text)
    return len(names) >= 2 and all(map(_organ_name, names))


def _organ_name(name: str) -> bool:
    """Whether a recipient names an organ: 3 characters or more ending like one, or an organ with
    its counterpart in brackets (各乡镇人民政府（街道办事处）: the townships' governments and the
    sub-districts' offices, one group of the same level)."""
    heads = tuple(_rules().grammar.recipient_heads)
    bracket = _CLOSING_BRACKET.search(name)
    if bracket and bracket[1].endswith(heads):
        name = name[: bracket.start()]
    return len(name) >= 3 and name.endswith(heads)


def _form_label(text: str) -> bool:
    """Whether the line is a form's fill-in label with nothing filled in (时期：, 填报单位:)."""
    label = squash_spaces(_rules().recipients_end.sub("", text))
    return label in _rules().form_labels


def split_recipients(text: str) -> list[str]:
    """主送机关 as listed: cut at ，；, and at 、 only between two whole organs."""
    dependents = _rules().grammar.recipient_dependents
    names = []
    for part in _outside_brackets(text, "，,；;"):
        pieces = [squash_spaces(piece) for piece in _outside_brackets(part, "、")]
        if len(pieces) > 2 and (offices := _shared_office(pieces)):
            names += offices
            continue
        spaced = part.split()
        if len(pieces) == 1 and len(spaced) > 1 and all(map(_whole_organ, spaced)):
            # whole organs a copy set apart with spaces (各乡镇人民政府 各街道办事处)
            pieces = spaced
        if all(map(_whole_organ, pieces)) and not any(
            piece.startswith(tuple(dependents.opens))
            or piece in dependents.whole
            or (pieces[0].startswith("各") and not any(word in piece for word in dependents.scope))
            for piece in pieces[1:]
        ):
            names += pieces
        else:
            names.append(part)
    # Names hold no spaces; copies put them in (各 县、区 人 民 政 府).
    return [name for name in map(squash_spaces, names) if name]


def _shared_office(pieces: list[str]) -> list[str]:
    """Each body's office, when the office is written once after the last of them with its other
    names in brackets (中央宣传部、…、全国妇联办公厅(办公室、综合司): `shared_office`); []
    unless every piece before names a body of its own that is no office itself."""
    last = _rules().shared_office.match(pieces[-1])
    if last is None:
        return []
    bodies = [*pieces[:-1], last["name"]]
    rules = _rules()
    offices = tuple(rules.grammar.national_offices)
    if not all(
        (_whole_organ(body) or rules.issuer_line.match(body) or _national(body))
        and not body.endswith(offices)
        for body in bodies
    ):
        return []
    return [f"{body}{last['office']}{last['alts']}" for body in bodies]


def _whole_organ(piece: str) -> bool:
    """Whether a piece of a recipients line names a body of its own: 3 characters or more ending
    like one (`recipient_heads`), a bracket closing it that names another level of the same
    bodies left out (各乡镇（街道）: `recipient_bracket_levels`)."""
    grammar = _rules().grammar
    bracket = _CLOSING_BRACKET.search(piece)
    bare = (
        piece[: bracket.start()]
        if bracket and bracket[1] in grammar.recipient_bracket_levels
        else piece
    )
    return len(piece) >= 3 and bare.endswith(tuple(grammar.recipient_heads))


_CLOSING_BRACKET = regex.compile(r"[（(]([^（）()]*)[）)]$")


def _outside_brackets(text: str, separators: str) -> list[str]:
    pieces, depth, start = [], 0, 0
    for n, char in enumerate(text):
        if char in "（(":
            depth += 1
        elif char in "）)":
            depth = max(depth - 1, 0)
        elif char in separators and depth == 0:
            pieces.append(text[start:n])
            start = n + 1
    pieces.append(text[start:])
    return pieces


def _account_over_byline(lead: list[Paragraph], found: Found) -> None:
    """百家号 prints the reposting account's name on a line of its own under the title, over the
    byline that gave the publication date: the name is the byline's, no line of the text."""
    if len(lead) < 2 or found.metadata.provenance.get("date_published") != lead[1].prov:
        return
    if id(lead[0]) not in found.consumed and _ACCOUNT_NAME.match(lead[0].text.strip()):
        found.consumed.add(id(lead[0]))


def _dates_under_title(lead: list[Paragraph], found: Found) -> list[tuple[str, Paragraph]]:
    """The bare dates printed between the title and the text (web pages, law databases), kept
    apart from the signature's date."""
    dates = []
    for block in lead:
        if id(block) not in found.consumed and (date := iso_date(squash_spaces(block.text))):
            dates.append((date, block))
            found.consumed.add(id(block))
    return dates


def _date_under_title(
    dates: list[tuple[str, Paragraph]], body: list[Paragraph], found: Found
) -> None:
    """A date under the title is the 成文日期 when the signature gives none or the same one; a
    different one is the day the page published the document (成办函〔2022〕21号 / 2022年3月11日
    above a text signed 2022年3月5日), and so is one over a news story's lead opening with its
    dateline (某县召开…会议 / 2024-05-12 / 本报讯 …), where a law database's date is over the
    recipients or a 文号."""
    for date, block in dates[:1]:
        written = found.metadata.date_written
        at = next(n for n, paragraph in enumerate(body) if paragraph is block)
        published = written not in (None, date) or opens_news_lead(body[at + 1 : at + 2])
        _set(found, "date_published" if published else "date_written", date, block.prov)


def _closing(body: list[Paragraph], found: Found) -> None:
    """附件说明, the signature (issuers and 成文日期) and the 附注 at the end of the text."""
    rules = _rules()
    for n, block in enumerate(body):
        if id(block) in found.consumed:
            continue
        text = squash_spaces(block.text)
        date = iso_date(text) or _date_under_signature(block, body[n - 1] if n else None)
        if date:
            _set(found, "date_written", date, block.prov, block)
            _signature(body[max(0, n - _SIGNATURE_LINES) : n], found)
        elif any(mark.match(text) for mark in rules.closing):
            _set(found, "note", block.text.strip(), block.prov, block)
        elif attachments := rules.attachments.match(block.text.strip()):
            _attachments(attachments["first"], body[n + 1 :], block, found)
    if found.metadata.date_written is None and body:
        last = body[-1]
        glued = _TRAILING_DATE.search(squash_spaces(last.text))
        if glued:
            _set(found, "date_written", iso_date(glued["date"]), last.prov)


def _signature(before: list[Paragraph], found: Found) -> None:
    """The issuers printed above the date: one line, or one line per joint issuer, and a
    seal note (（某局代章）) or the bracketed organ housing a signing office (（某市发展和改革
    委员会）) between them and the date."""
    organs: list[str] = []
    first = None
    for block in reversed(before):
        if not organs and _signature_note(squash_spaces(block.text)):
            # （某局代章） under the organs it signs for
            found.consumed.add(id(block))
            continue
        names = split_issuers(block.text) or _institution(block.text, alone=not organs)
        if not names:
            break
        organs = names + organs
        first = block
        found.consumed.add(id(block))
    if first is not None:
        _set(found, "issuer", "、".join(organs), first.prov)


@cache
def _damaged_number_shape() -> regex.Pattern:
    rules = _rules().grammar
    return rules.compile(rules.damaged_doc_number)


def _damaged_doc_number(text: str) -> str | None:
    """A line under the title that is a 文号 whose brackets or 号 a crawl dropped (某府发2023 4号,
    某府办发〔2023〕12), written out whole: 某府发〔2023〕4号."""
    found = _damaged_number_shape().match(text.strip())
    if found is None:
        return None
    return f"{found['agency']}〔{found['year']}〕{int(found['serial'])}号"


@cache
def _signature_shapes() -> tuple[regex.Pattern, regex.Pattern]:
    rules = _rules().grammar
    return rules.compile(rules.institution_signature), rules.compile(rules.date_without_marks)


def _institution(text: str, *, alone: bool) -> list[str]:
    """A public institution signing above the date (某市妇幼保健院, 某县疾病预防控制中心,
    某区第二实验小学), as a one-element list, else []: the name opens with a place, and it is the
    only organ of the signature (an institution among joint issuers would be read with them)."""
    name = squash_spaces(text)
    shape, _ = _signature_shapes()
    if alone and shape.match(name) and place_chain(name):
        return [name]
    return []


# A unit's name runs at least this long: 学院 or 学校 alone is its kind, no name.
_MIN_UNIT = 4


def _unit_organ_issuer(segment: Segment, body: list[Paragraph], found: Found) -> None:
    """A unit's organ signing without a place above the date (工 会, 妇委会: `unit_organs`) as
    the issuer with the unit the title's head or the recipients name (某某学院工会关于…, 某某
    学院关于…, 某某学院各分工会：), when nothing else named one; the organ alone names no one."""
    written = found.metadata.date_written
    if found.metadata.issuer or written is None:
        return
    for n in range(len(body) - 1, 0, -1):
        if iso_date(squash_spaces(body[n].text)) == written:
            above = body[n - 1]
            break
    else:
        return
    organ = squash_spaces(above.text)
    if organ not in _rules().grammar.unit_organs:
        return
    head = squash_spaces(segment.title or "").partition("关于")[0]
    units = [head.removesuffix(organ)] if "关于" in (segment.title or "") else []
    units += [r.partition("各")[0] for r in found.metadata.recipients or [] if "各" in r]
    shape, _ = _signature_shapes()
    # a unit named by its kind alone (学院各部门：) names none
    unit = next((u for u in units if len(u) >= _MIN_UNIT and shape.match(u)), None)
    if unit is not None:
        _set(found, "issuer", unit + organ, above.prov, above)


def _date_under_signature(block: Paragraph, above: Paragraph | None) -> str | None:
    """The 成文日期 of a crawl that dropped 年月日 (2023 3 15), read only right under a signature:
    elsewhere three bare numbers are a table's row or a count, not a date."""
    _, shape = _signature_shapes()
    found = shape.match(block.text.strip())
    if found is None or above is None:
        return None
    if not (split_issuers(above.text) or _institution(above.text, alone=True)):
        return None
    month, day = int(found["m"]), int(found["d"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{found['y']}-{month:02d}-{day:02d}"


def _signature_note(text: str) -> bool:
    """Whether a line between the signature and the date is a seal note (（某局代章）) or the
    bracketed organ that houses the signing office (（某市发展和改革委员会）)."""
    rules = _rules()
    if rules.seal_note.match(text):
        return True
    host = rules.host_organ_note.match(text) if text[:1] in "（(" else None
    return host is not None and bool(split_issuers(host["organ"]))


def _attachments(first: str, after: list[Paragraph], block: Paragraph, found: Found) -> None:
    """附件：1.某方案 with further numbered items on the lines below (GB/T 9704 附件说明)."""
    rules = _rules()
    # 附件：1.某清单  2.某名册 — several numbered items on the line, set apart by spaces
    items = [item for item in _ITEMS_ON_ONE_LINE.split(first.strip()) if item]
    used = [block]
    for following in after[:_MAX_ATTACHMENTS]:
        text = following.text.strip()
        if items and _wrapped_item_end(items[-1], text):
            # the end of a long title the line width cut: …机具种类范 / 围
            items[-1] += squash_spaces(text)
            used.append(following)
            continue
        if not rules.attachment_item.match(text) or _SENTENCE.search(text):
            break
        items.append(text)
        used.append(following)
    # a portal page lists its attachments as download links: 1.某清单.docx names 1.某清单
    items = [rules.file_extension.sub("", item) for item in items]
    if items and not found.metadata.attachments:
        _set(found, "attachments", items, block.prov)
        found.consumed.update(id(b) for b in used)


def _wrapped_item_end(item: str, text: str) -> bool:
    """Whether `text` is the rest of an attachment title cut at the line's width: the title ran
    long, and the line is a short piece of words, not a mark, an organ, a date or a new item."""
    squashed = squash_spaces(text)
    rules = _rules()
    return (
        len(squash_spaces(item)) >= _LONG_ITEM
        and 0 < len(squashed) <= _ITEM_TAIL
        and not _SENTENCE.search(squashed)
        and not rules.attachment_item.match(squashed)
        and not rules.annex_mark.match(squashed)
        and not split_issuers(squashed)
        and iso_date(squashed) is None
        and not any(mark.match(squashed) for mark in rules.closing)
    )


def printed_line(block: Paragraph) -> tuple[str, str] | None:
    """(印发机关, ISO 印发日期) of a 版记 line 某市人民政府办公厅 2022年3月21日印发, else None."""
    found = _rules().printed.match(block.text.strip())
    if not found:
        return None
    date = iso_date(found["date"])
    return (squash_spaces(found["printer"]), date) if date else None


def split_cc(block: Paragraph) -> list[str] | None:
    """The 抄送 list of a footer line, or None if the line is not one."""
    text = block.text.strip()
    head = _rules().cc.match(text)
    if not head:
        return None
    names, _ = split_agencies(text[head.end() :].rstrip("。."))
    return names


def _signature_in_pieces(title_issuers: Issuers, found: Found) -> None:
    """The organs the title names at its head as the issuers, where the signature printed
    them in pieces: long names wrapped over two lines, or two columns of them, each line a
    part of a name (某某区管理委员会 / 财政金融局 for 某某区管理委员会财政金融局), so that
    every piece read is inside one of the title's organs and every organ holds one."""
    signed = found.metadata.issuer
    if not title_issuers or not signed:
        return
    organs = title_issuers[0]
    pieces = signed.split("、")
    if (
        set(pieces) != set(organs)
        and all(any(piece in organ for organ in organs) for piece in pieces)
        and all(any(piece in organ for piece in pieces) for organ in organs)
        and any(piece not in organs for piece in pieces)
        and len(pieces) > len(organs)
    ):
        found.metadata.issuer = None
        found.metadata.provenance.pop("issuer", None)


def _title_issuers(segment: Segment, title_prov: Provenance | None) -> Issuers:
    """The issuers at the head of the title: 某市人民政府办公室关于印发…的通知."""
    # joint issuers at the head keep a space between them (某省农业农村厅 某省财政厅关于…)
    title = segment.title or ""
    head = _rules().issuer_head.match(squash_spaces(title))
    if head and _rules().sitting_verbs.search(head["issuer"]):
        return None
    # …as written, so that abbreviated organs without a place of their own stay apart
    # (市卫生健康委 市财政局关于… → 市卫生健康委, 市财政局)
    organs = split_issuers(_as_written(title, len(head["issuer"]))) if head else []
    if not head:
        organs = _year_first_issuers(title)
    return (organs, title_prov) if organs else None


def _year_first_issuers(title: str) -> list[str]:
    """The organs after a title's opening year, before the type of their year's document
    (2024年某县人民政府工作要点 → 某县人民政府; 2023年度某某医院单位决算 → 某某医院), each
    naming its place or a national one; [] for any other title."""
    rules = _rules()
    squashed = squash_spaces(title)
    head = rules.year_first_head.match(squashed)
    if head is None and (found := rules.year_first_institution.match(squashed)):
        head = found if not found["topic"] else None
    if head is None:
        return []
    start = len(_as_written(title, head.start("issuer")))
    organs = split_issuers(_as_written(title, head.end("issuer"))[start:]) or (
        [head["issuer"]] if head.re is rules.year_first_institution else []
    )
    return [organ for organ in organs if place_chain(organ) or _national(organ)]


def _as_written(text: str, length: int) -> str:
    """The start of `text` that holds its first `length` characters other than spaces."""
    seen = 0
    for at, char in enumerate(text):
        if seen == length:
            return text[:at]
        seen += not char.isspace()
    return text


def _from_portal(found: Found) -> None:
    """Fields the text did not state, from the portal block's labels that feed them."""
    meta = found.metadata
    # In the order of the grammar's table, where the stronger of two labels feeding one field
    # comes first (发布日期 before 发文日期).
    for label in portal.labels():
        value = meta.portal.get(label)
        if not value:
            continue
        prov = meta.provenance.get(f"portal.{label}")
        feeds = portal.feeds(label)
        if feeds == "doc_number":
            number = _rules().doc_number.search(value)
            _set(found, "doc_number", squash_spaces(number["number"]) if number else None, prov)
        elif feeds == "issuer":
            _set(found, "issuer", "、".join(split_issuers(value)) or squash_spaces(value), prov)
        elif feeds in ("date_written", "date_published"):
            _set(found, feeds, leading_date(value) or epoch_millis_date(value), prov)
    if meta.date_published is None:
        # a news site's byline prints the day after its source, unlabelled (来源：某某日报
        # 2024-03-02 10:20)
        for label, value in meta.portal.items():
            if (
                value
                and not portal.feeds(label).startswith("date")
                and (date := trailing_date(value))
            ):
                _set(found, "date_published", date, meta.provenance.get(f"portal.{label}"))
                break


def _period(
    segment: Segment, body: list[Paragraph], title_prov: Provenance | None, found: Found
) -> None:
    period = period_of(segment.period_text)
    if period:
        prov = next(
            (
                b.prov
                for b in segment.header + segment.body
                if isinstance(b, Paragraph) and b.text == segment.period_text
            ),
            title_prov,
        )
        _set(found, "period", period, prov)
        return
    if not segment.title:
        return
    own = _own_words(segment.title)
    period = period_of(own)
    if period is None and (year := _one_year(own)):
        period = Period(start=year, end=year)
    if period:
        _set(found, "period", period, title_prov)
    elif named := _years_of_plan(segment.title, body):
        _set(found, "period", named[0], named[1])


def _place(segment: Segment, title_prov: Provenance | None, found: Found) -> None:
    meta = found.metadata
    issuers = split_issuers(meta.issuer or "")
    sources = [
        (issuers[0] if issuers else None, meta.provenance.get("issuer")),
        (interpreted_title(segment.title) or segment.title, title_prov),
        *((after, title_prov) for after in _after_headline_marks(segment)),
        (meta.portal.get("发布机构"), meta.provenance.get("portal.发布机构")),
    ]
    for name, prov in sources:
        place = place_of(name)
        if place:
            _set(found, "place", place, prov)
            return
    short = _province_named_short(sources[1][0])
    if short:
        _set(found, "place", short, title_prov)
    elif issuers:
        unit = next((w for w in _rules().grammar.unit_word_alone if issuers[0].startswith(w)), None)
        if unit and all(issuer.startswith(unit) for issuer in issuers):
            _place_of_its_unit(segment, unit, found)
    if found.metadata.place is None:
        _place_of_the_lead(segment, found)
    if found.metadata.place is None:
        _place_of_the_source(segment, found)
    if found.metadata.place is None:
        _place_of_its_preamble(segment, found)


def _after_headline_marks(segment: Segment) -> list[str]:
    """The parts of a news headline after its question or exclamation marks (孩子放学后谁来管？
    某某市推出…, 好消息！某某县新增…): the place opening one is the story's, read as a title's
    head is read; a place further into a part may be anyone's. A digest's copy of a plan under
    such a headline (减少出生缺陷！某市卫健委发布…方案) is read so too."""
    if not segment.title:
        return []
    rules = _rules().grammar
    marks = "".join(map(regex.escape, rules.headline_marks + rules.question_marks))
    return [part for part in regex.split(f"[{marks}]+", segment.title)[1:] if part.strip()]


# The first line of prose under a headline: its lead (bylines and stamps are consumed fields).
_PROSE_LINE = regex.compile(r"[，,。；]")


# The headline's words after its organ that the lead must repeat after the organ's place (召开).
_HEADLINE_WORDS = 2


def _place_of_the_lead(segment: Segment, found: Found) -> None:
    """The place of a news item headed by an organ named by its level alone (市妇联召开…, on a
    city 妇联's site), as the lead opening with the organ in full tells it (7月10日，某某市妇联召开
    …): the lead's first organ, named as the headline names it with a place of the same level
    before it and the headline's words after it, so the headline's own — not a place made of a
    word before the level (在市妇联…, 该市妇联…)."""
    rules = _rules()
    title = squash_spaces(segment.title or "")
    head = rules.level_organ.match(title)
    if segment.kind != "other" or head is None:
        return
    lead = _story_lead(segment, found)
    text = squash_spaces(lead.text) if lead else ""
    opening = rules.lead_organ.match(text)
    place = place_of(opening["organ"]) if opening else None
    if (
        lead is None
        or opening is None
        or place is None
        or not place.endswith(head["level"])
        or len(place) <= len(head["level"]) + 1
        or not text.startswith(
            place + title[len(head["level"]) : head.end() + _HEADLINE_WORDS], opening.start("organ")
        )
    ):
        return
    _set(found, "place", place, lead.prov)


def _place_of_the_source(segment: Segment, found: Found) -> None:
    """The place of a news story whose headline names none, as the organ its reporter learned
    the news from names it in the lead (…记者从某省政府妇儿工委办公室获悉, `source_organ`)."""
    if segment.kind != "other" or not segment.title:
        return
    lead = _story_lead(segment, found)
    source = _rules().source_organ.search(squash_spaces(lead.text)) if lead else None
    place = place_of(source["organ"]) if source else None
    if lead is not None and place is not None:
        _set(found, "place", place, lead.prov)


def _place_of_its_preamble(segment: Segment, found: Found) -> None:
    """The place a plan's or a notice's preamble names as the one whose circumstances it is made
    for (…现结合长春市实际，制定本方案。, `own_place`), when nothing else named one."""
    if segment.kind not in ("plan", "notice"):
        return
    for block in segment.body[:_LEAD_LINES]:
        if isinstance(block, Paragraph) and (own := _rules().own_place.search(block.text)):
            if place := place_of(own["place"]):
                _set(found, "place", place, block.prov)
            return


def _story_lead(segment: Segment, found: Found) -> Paragraph | None:
    """A story's lead: the first line of prose under its headline that is no consumed field."""
    return next(
        (
            block
            for block in segment.body
            if isinstance(block, Paragraph)
            and id(block) not in found.consumed
            and _PROSE_LINE.search(block.text)
        ),
        None,
    )


def _place_of_its_unit(segment: Segment, unit: str, found: Found) -> None:
    """The place of organs that name it by its kind alone (自治区卫生健康委　自治区教育厅): as the
    document the text hands down names it (现将《新疆维吾尔自治区…方案》印发给你们), else as the
    region the abbreviation its 文号 opens with stands for (新卫发〔2023〕12号), if of that kind."""
    meta = found.metadata
    for block in segment.body[:_LEAD_LINES]:
        if isinstance(block, Paragraph):
            for name in ANNOUNCED.findall(block.text):
                if place := place_of(name):
                    _set(found, "place", place, block.prov)
                    return
    region = _rules().grammar.region_number_prefix.get((meta.doc_number or " ")[0])
    if region and region.endswith(unit):
        _set(found, "place", region, meta.provenance.get("doc_number"))


def _province_named_short(title: str | None) -> str | None:
    """The province a title opens with by its short name and nothing more, as Yunnan titles its
    own plans (云南妇女发展规划, 云南儿童发展规划); a name that goes on into a unit of its own
    (海南藏族自治州, 吉林市) is that unit, read by place_of."""
    if not title:
        return None
    rules = _rules()
    rest = squash_spaces(title)
    lead = rules.title_lead.match(rest)
    rest = rest[lead.end() :] if lead else rest
    return next(
        (short for short in rules.province_short if rest.startswith(short) and not _unit(rest)),
        None,
    )


def missing(meta: Metadata, kind: str) -> list[str]:
    """The fields a document of this kind is expected to state that were not found."""
    expected = _rules().grammar.expected.get(kind, [])  # type: ignore[call-overload]
    return [name for name in expected if getattr(meta, name) in (None, [])]
