"""Typed schemas of the grammar files: which keys each file holds and what their values are.

`grammar.load_typed(name, Schema)` validates a file against its schema, so that a misspelt key
in an edited grammar fails at load, naming the file and the key. Rules that are regular
expressions carry the real lines they were written for (`examples`); a test checks that every
pattern matches its examples.
"""

from __future__ import annotations

from typing import Literal

import regex
from pydantic import Field, field_validator

from .grammar import GrammarModel


class Rule(GrammarModel):
    """A regular expression and the lines of real publications it is written for."""

    pattern: str
    examples: list[str] = Field(min_length=1)

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, pattern: str) -> str:
        try:
            regex.compile(
                pattern.replace("{issuer}", "X")
                .replace("{lead_day}", "X")
                .replace("{notice_named}", "X")
                .replace("{view_count}", "X")
                .replace("{notice_lead}", "X")
                .replace("{full_text}", "X")
                .replace("{issuers_counted}", "X")
            )
        except regex.error as exc:
            raise ValueError(f"not a regular expression: {exc}") from None
        return pattern


# ---------------------------------------------------------------- metadata.yaml

Kind = Literal["notice", "plan", "annex", "other"]

# What a portal label feeds: a Metadata field, the portal's title or publishing organ (used
# for the place when nothing else names it), the `portal` record only, or nothing (page
# furniture such as view counters, recognised so that it is never read as text).
Feeds = Literal[
    "doc_number",
    "issuer",
    "date_written",
    "date_published",
    "title",
    "publisher",
    "portal",
    "furniture",
]


class PortalLabel(GrammarModel):
    label: str = Field(min_length=2)
    feeds: Feeds
    colon: bool = Field(
        False, description="Counts as a label only when a colon follows (时间：, 来源：)."
    )
    names: bool = Field(
        False,
        description="Counts as a label only when its value is a name or a few (a story's "
        "credits 审核：某某); a procedure's step (审核：县民政局对材料进行审核) is text.",
    )
    examples: list[str] = Field(min_length=1)


class TitleContinues(GrammarModel):
    opens: list[str]
    next_opens: list[str]
    waits: list[str]
    report_line: Rule
    plan_line: Rule


class RecipientDependents(GrammarModel):
    opens: list[str]
    whole: list[str]
    scope: list[str]


class DocTypes(GrammarModel):
    notice: list[str]
    plan: list[str]
    annex: list[str] = Field(default_factory=list)
    other: list[str] = Field(default_factory=list)


class LocalOffices(GrammarModel):
    """The short forms of a place's party and government offices and the names they stand for."""

    both: list[str]
    party: list[str]
    government: list[str]
    party_name: str
    government_name: str
    provincial_office: str
    office: str


class StandardCover(GrammarModel):
    series: Rule
    number: Rule
    filing: Rule
    released: Rule
    effective: Rule
    organ: Rule


class MetadataGrammar(GrammarModel):
    doc_types: DocTypes
    interpretation_title: Rule
    notice_without_type: Rule
    notice_subject: Rule
    notice_lead_in: Rule
    news_report: Rule
    forwarding: Rule
    self_naming: Rule
    headline_of_text: Rule
    full_text: Rule
    full_text_announced: Rule
    full_text_lead: Rule
    lead_day: Rule
    lead_in_issuer: Rule
    headline_issuer: Rule
    organ_abbreviations: dict[str, list[str]]
    local_offices: LocalOffices
    notice_named: Rule
    notice_lead: Rule
    lead_organ: Rule
    source_organ: Rule
    own_place: Rule
    title_status: list[str]
    title_validity: list[str]
    title_part_tag: Rule
    bundle_part: Rule
    title_note: Rule
    title_standard_part: Rule
    title_region_tag: Rule
    headline_tag: Rule
    headline_marks: list[str]
    original_title: Rule
    news_deck: Rule
    news_subtitle: Rule
    question_marks: list[str]
    news_dateline: Rule
    one_year_types: list[str]
    years_in_title: Rule
    five_year_plans: dict[str, tuple[int, int]]
    title_continues: TitleContinues
    masthead_line: Rule
    proclamation_types: list[str]

    decree_types: list[str]
    standard_cover: StandardCover
    serial_number: Rule
    doc_number: Rule
    damaged_doc_number: Rule
    issuer_suffix: Rule
    issuers_counted: Rule
    title_issuer_year: Rule
    year_first_issuer: Rule
    sitting_verbs: Rule
    institution_signature: Rule
    unit_organs: list[str]
    date_without_marks: Rule
    organ_prefixes: list[str]
    national_prefixes: list[str]
    national_organs: list[str]
    national_offices: list[str]
    joint_issuer_separator: Rule
    seal_note: Rule
    host_organ_note: Rule
    adoption_note: Rule
    amendment: Rule
    view_count: Rule
    byline: Rule
    banner_marks: Rule
    issuer_mark: Rule
    signers: Rule
    annex_mark: Rule
    attachments: Rule
    attachment_item: Rule
    attachment_file_types: list[str]
    printed: Rule
    province_level: dict[str, str]
    place_unit: Rule
    township_unit: Rule
    not_township: list[str]
    not_place: list[str]
    unit_word_alone: list[str]
    region_number_prefix: dict[str, str]
    not_place_described: Rule
    not_in_place: list[str]
    not_place_start: list[str]
    title_lead: Rule
    portal_labels: list[PortalLabel]
    unknown_label_cell: Rule
    bare_source: Rule
    date_before_label: Rule
    recipients_end: Rule
    not_recipients: list[str]
    form_labels: list[str]
    forwarding_words: list[str]
    recipient_heads: list[str]
    recipient_bracket_levels: list[str]
    recipient_dependents: RecipientDependents
    shared_office: Rule
    cc_prefix: Rule
    closing_marks: list[Rule]
    expected: dict[Kind, list[str]]

    def compile(self, rule: Rule) -> regex.Pattern:
        """`rule` compiled, its placeholders replaced: `{notice_named}` by the notice a lead
        sentence names and `{notice_lead}` by a lead sentence naming a notice with its issuer
        (both first: they hold the placeholders below), `{issuer}` by the issuer suffix pattern,
        `{view_count}` by a stamp's view count (unanchored), `{organ_prefix}` by the party names
        an organ may open with (`organ_prefixes`), `{lead_day}` by the day words a news lead
        opens with, `{full_text}` by the words a lead-in announces a full text with and
        `{issuers_counted}` by a count of organs after the first (等十七部门)."""
        pattern = rule.pattern.replace("{notice_named}", self.notice_named.pattern)
        pattern = pattern.replace("{notice_lead}", self.notice_lead.pattern)
        pattern = pattern.replace("{issuer}", self.issuer_suffix.pattern)
        pattern = pattern.replace("{view_count}", self.view_count.pattern.lstrip("^").rstrip("$"))
        if "{organ_prefix}" in pattern:
            prefixes = sorted(self.organ_prefixes, key=len, reverse=True)
            pattern = pattern.replace("{organ_prefix}", f"(?:{'|'.join(prefixes)})")
        pattern = pattern.replace("{full_text}", self.full_text.pattern)
        pattern = pattern.replace("{issuers_counted}", self.issuers_counted.pattern)
        return regex.compile(pattern.replace("{lead_day}", self.lead_day.pattern))


# ---------------------------------------------------------------- prefectures.yaml


class NotAfterShort(GrammarModel):
    words: list[str]
    window: int
    kinds: list[str]


class PrefecturesGrammar(GrammarModel):
    prefectures: dict[str, dict[str, str]]
    short_not_alone: list[str]
    not_after_short: NotAfterShort


# ---------------------------------------------------------------- chrome.yaml


class FlattenedCover(GrammarModel):
    """Where a document-sharing site's preview glued a report's cover and first pages onto one
    line had its lines (`readers/covers.py`)."""

    cover_date: Rule
    page_marker: Rule
    contents_leader: Rule
    min_line: int = Field(ge=1)


class ChromeGrammar(GrammarModel):
    site_name: Rule
    preview_note: Rule
    breadcrumbs: list[Rule]
    lines: list[Rule]
    page_numbers: list[Rule]
    tail: list[Rule]
    footer_labels: list[Rule]
    footer_reach: int = Field(ge=1)
    inline: list[Rule]
    jammer: list[Rule]
    jammer_mix: int = Field(ge=1)
    link_words: list[str]
    link_suffixes: list[str]
    link_separators: str
    file_name: Rule
    edge_lines: int
    edition_line: Rule
    edition_day: Rule
    page_counter: Rule
    flattened_cover: FlattenedCover


# ---------------------------------------------------------------- agencies.yaml


class Rename(GrammarModel):
    """Names the agency had in its places before a reorganisation in `year`."""

    names: list[str] = Field(min_length=1)
    year: int = Field(ge=1949, le=2100)
    example: str


class Agency(GrammarModel):
    """One agency as the province-level `places` name it (see agencies.yaml)."""

    canonical: str
    places: list[str] = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    renames: list[Rename] = Field(default_factory=list)
    elsewhere: list[str] = Field(default_factory=list)
    example: str


class AsWritten(GrammarModel):
    name: str
    example: str


class AgenciesGrammar(GrammarModel):
    levels: list[str]
    agencies: list[Agency]
    as_written: list[AsWritten]


# ---------------------------------------------------------------- responsibilities.yaml


class ResponsibilitiesGrammar(GrammarModel):
    """Keywords, role verbs and unit shapes of responsible-unit clauses (responsibilities.yaml)."""

    lead: list[str] = Field(min_length=1)
    with_the_lead: list[str]
    participating: list[str] = Field(min_length=1)
    lead_marks: list[str] = Field(min_length=1)
    participating_marks: list[str] = Field(min_length=1)
    jointly: list[str] = Field(min_length=1)
    by: list[str] = Field(min_length=1)
    by_duty: list[str] = Field(min_length=1)
    by_duty_prose: list[str] = Field(min_length=1)
    first_positions: list[str] = Field(min_length=1)
    first_lead_words: list[str] = Field(min_length=1)
    others_words: list[str] = Field(min_length=1)
    standing: list[str] = Field(min_length=1)
    trailing: list[str]
    unit_endings: list[str] = Field(min_length=1)
    collective_prefixes: list[str]
    collective_endings: list[str]
    unit_max_chars: int = Field(gt=0)
    bare_list_kind: str
    bare_list_starts: list[str] = Field(min_length=1)
    deadline: str


UnitKind = Literal[
    "percent",
    "permille",
    "per_myriad",
    "per_100k",
    "percentage_point",
    "count",
    "money",
    "area",
    "length",
    "time",
    "age",
    "multiple",
    "scale",
]


class Unit(GrammarModel):
    """One unit of units.yaml: its other spellings, what it measures, what it compares as."""

    kind: UnitKind
    spellings: tuple[str, ...] = ()
    compares_as: str | None = None
    example: str


class UnitsGrammar(GrammarModel):
    units: dict[str, Unit]
    scale_prefixes: list[str]
    scalable_kinds: list[UnitKind]
    per: list[str]
    per_scales: list[str]
    per_joiners: list[str]
    per_first: str
    type_markers: list[str]


# ---------------------------------------------------------------- html.yaml


class ClassHint(GrammarModel):
    """A word of an element's id or class that says what the element is."""

    word: str = Field(min_length=2, pattern=r"^[a-z0-9]+$")
    match: Literal["word", "prefix", "part"] = Field(
        "word", description="word: equal; prefix: a word starting with it; part: containing it."
    )
    examples: list[str] = Field(min_length=1)

    def matches(self, word: str) -> bool:
        if self.match == "prefix":
            return word.startswith(self.word)
        if self.match == "part":
            return self.word in word
        return word == self.word


class HtmlGrammar(GrammarModel):
    chrome: list[ClassHint]
    title: list[ClassHint]
    document_extensions: list[str] = Field(min_length=1)


class ToneslessReading(GrammarModel):
    """Pinyin syllables as an initial and a final, and the lines of real mirrors they are
    injected into."""

    initials: list[str] = Field(min_length=1)
    finals: list[str] = Field(min_length=1)
    min_per_line: int = Field(ge=1)
    examples: list[str] = Field(min_length=1)


class QuestionMarks(GrammarModel):
    """Question words, and how many characters after one a half-width "?" still ends its
    question."""

    words: list[str] = Field(min_length=1)
    reach: int = Field(ge=1)
    examples: list[str] = Field(min_length=1)


class WrittenFormsGrammar(GrammarModel):
    toneless_reading: ToneslessReading
    question: QuestionMarks
    variants: dict[str, str]

    @field_validator("variants")
    @classmethod
    def _one_character_each(cls, variants: dict[str, str]) -> dict[str, str]:
        if any(len(k) != 1 or len(v) != 1 for k, v in variants.items()):
            raise ValueError("a variant maps one character to one character")
        return variants
