"""The public record contract: every structure govdocparse emits, as pydantic models.

Field names here are what downstream tools rely on; add fields, never rename (schema 2.0 replaced
`Indicator.responsible`, a copy of a clause, by `responsible_id`, a reference to it). The JSON
Schema printed by `govdocparse schema` is generated from `ParseResult`.

A written record leaves out every key that holds no value: a key absent from the JSON has the
default the schema gives it (null, an empty list or object, false, ""), and a provenance without
`file` points into the record's own source file. Loading a written record gives back exactly
the record that was written.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath
from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializationInfo,
    model_serializer,
    model_validator,
)

SCHEMA_VERSION = "2.0"
# Serialisation context key: the file name a provenance may leave out (see `ParseResult`).
OWN_FILE = "own_file"


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Provenance(Record):
    """Where a value came from, precise enough to check it against the source by hand.

    `lines` are 1-based physical line numbers of the source text (text and HTML readers), or,
    with `page`, line numbers on that page (PDF, OFD: lines outside tables, counted from the
    top); a value that runs on over the next page gives the lines of its first page, and a row
    of a table that runs over pages gives the page the row is printed on. `page` is 1-based;
    `paragraph` is the 1-based index of the block in the DOCX body, counting paragraphs and
    tables together.
    `table_row`/`table_col` are 0-based cell coordinates inside the table the value came from.
    Text read by OCR from a page image also carries `box`, where it sits on the page (x0, top,
    x1, bottom in points from the page's top-left corner), and `confidence`, the OCR engine's
    lowest confidence over its lines (0 to 1).
    """

    file: str = Field(
        "",
        description="Name of the source file. Absent from a written record when it is the "
        "record's own file (the name part of `source.path`), filled in again on loading.",
    )
    lines: tuple[int, int] | None = None
    page: int | None = None
    paragraph: int | None = None
    table_row: int | None = None
    table_col: int | None = None
    box: tuple[float, float, float, float] | None = None
    confidence: float | None = None

    @model_serializer(mode="wrap")
    def _only_what_applies(self, handler, info: SerializationInfo):
        # Each format fills a different subset; absent keys keep records readable and
        # 40 % smaller (a text record never has pages, a PDF never has paragraphs).
        data = {key: value for key, value in handler(self).items() if value is not None}
        # Nearly every value of a record comes from its own file: naming it once, in `source`,
        # saves a sixth of the record.
        if info.context and data.get("file") == info.context.get(OWN_FILE):
            del data["file"]
        return data


SourceFormat = Literal[
    "txt", "md", "docx", "doc", "rtf", "wordxml", "ofd", "pdf", "html", "mht", "image"
]


class SourceInfo(Record):
    path: str
    format: SourceFormat
    sha256: str
    encoding: str | None = None
    warnings: list[str] = Field(default_factory=list)


class Period(Record):
    start: int
    end: int


class Metadata(Record):
    """The elements of GB/T 9704-2012 a document states, and its portal fields.

    Dates are ISO (YYYY-MM-DD; YYYY-MM for a report dated by its month alone, 2022年6月 on its
    cover, as no day is made up): `date_written` is the 成文日期 (the signature date),
    `date_published` a portal's 发布/发文日期. `place` is the administrative unit the document
    governs, as written (天津市, 黔东南苗族侗族自治州), in full when a prefecture is named by its
    short name (大连 → 大连市). `issuer` joins joint issuers with 、.
    A field not found is absent, never guessed; every field found has a `provenance` entry.
    """

    doc_number: str | None = None
    issuer: str | None = None
    place: str | None = None
    date_written: str | None = None
    date_published: str | None = None
    recipients: list[str] = Field(default_factory=list)
    cc: list[str] = Field(default_factory=list)
    period: Period | None = None
    copy_number: str | None = Field(default=None, description="份号, as written (000123).")
    secrecy: str | None = Field(default=None, description="密级和保密期限, as written (秘密★1年).")
    urgency: str | None = Field(default=None, description="紧急程度: 特急, 加急, 特提 or 平急.")
    issuer_mark: str | None = Field(
        default=None, description="发文机关标志 as printed in the 版头 (某省人民政府文件)."
    )
    signers: list[str] = Field(default_factory=list, description="签发人 names.")
    attachments: list[str] = Field(
        default_factory=list,
        description="附件说明: attachment titles as numbered, without the 附件： label.",
    )
    note: str | None = Field(default=None, description="附注 as written, e.g. （此件公开发布）.")
    printer: str | None = Field(default=None, description="印发机关 of the 版记.")
    date_printed: str | None = Field(default=None, description="印发日期 (YYYY-MM-DD).")
    portal: dict[str, str | None] = Field(
        default_factory=dict,
        description="Fields of a portal's metadata block (索引号, 主题分类, …) as written.",
    )
    inherited: list[str] = Field(
        default_factory=list,
        description="Fields copied from the notice that carries this document.",
    )
    provenance: dict[str, Provenance] = Field(default_factory=dict)


class Section(Record):
    id: str
    level: int
    number: str = Field(
        description="The numbering as written, e.g. （一）; empty for keyword headings."
    )
    ordinal: int | None = None
    title: str
    text: str = ""
    lines: tuple[int, int] | None = Field(
        None,
        description="First and last line the section holds; in a file with pages, lines of the "
        "page its heading is on (the section may run on over later pages).",
    )
    provenance: Provenance | None = None
    children: list[Section] = Field(default_factory=list)


class TargetAtom(Record):
    """One stated target: 降至38%以下 is op <=, value 38, unit %, direction decrease.

    A level (the value the measure should reach) has `change` false; a change (下降18%,
    每年降低0.5个百分点以上) has `change` true and its value is the size of the movement, bounded by
    `op` (>= 0.5 for 以上). A target measured against something other than a number (高于全市平均
    水平, 不低于中心校) has no value and names it in `reference`.
    """

    op: Literal["<", "<=", ">", ">=", "=", "~", "range", "ratio", "direction", "bool", "text"] = (
        Field(
            description="How the value bounds the measure (以上/以下/以内 include the number, "
            "as in Chinese legal usage); range: value to value_max; ratio: value:value_max; "
            "direction: a movement or state with no number (逐年提高, 保持稳定); text: not "
            "understood."
        )
    )
    value: float | None = None
    value_max: float | None = None
    bound: Literal["<", "<=", ">", ">="] | None = Field(
        None,
        description="How a ratio's quotient value/value_max is bounded, read from the same bound "
        "words as a level's op: 不低于1:5 is >=, 不超过1:1 is <=; None for a bare ratio (1:1) "
        "and for every other op.",
    )
    unit: str | None = Field(
        None, description="Canonical unit (grammars/units.yaml): %, ‰, 万人, 元/生·年, 个/千人 …"
    )
    unit_from_row: bool = Field(
        False, description="True when the unit was taken from the row, not the text."
    )
    direction: Literal["increase", "decrease", "maintain", "control", "balance"] | None = None
    qualifier: list[str] = Field(default_factory=list)
    baseline_year: int | None = Field(
        None, description="The year a change is counted from (以2020年为基数下降18%)."
    )
    change: bool = Field(
        False,
        description="True when the atom states a movement (increase or decrease) rather than a "
        "level: its value, if any, is the size of the movement (下降18% is = 18 %, 每年降低0.5个"
        "百分点以上 is >= 0.5 个百分点), never the level to reach.",
    )
    reference: str | None = Field(
        None,
        description="What the target is measured against when that is not a number, as written: "
        "全市平均水平 in 高于全市平均水平 (op >, no value), 中心校 in 不低于中心校, 女职工比例 in "
        "与女职工比例相适应 (op ~); for a change, what it is counted from (较同档成年人住院报销比例"
        "提高5个百分点).",
    )
    indicator: str | None = Field(
        None,
        description="The measure this atom belongs to when one text states targets for several: "
        "each item of a 分别 list (新生儿死亡率 …) or of a list naming its groups (小学生, "
        "初中生).",
    )
    raw: str


class Agency(Record):
    name: str = Field(description="As written in the source.")
    canonical: str


class Responsibility(Record):
    id: str
    kind: str = Field(
        description="The clause keyword as written (责任单位, 牵头单位, 市指导部门…), or for a "
        "clause without one the verb giving the first role (牵头, 负责, 按职责分工负责); 责任单位 "
        "for a bare list of units in brackets closing a task (（县公安局、县教育局）)."
    )
    lead: list[Agency] = Field(default_factory=list)
    participating: list[Agency] = Field(default_factory=list)
    by_duty: bool = Field(False, description="The clause says 按职责分工负责.")
    raw: str
    attached_to: str | None = Field(
        None, description="Id of the section or indicator the clause ends."
    )
    provenance: Provenance


class Measurement(Record):
    year: int | None = None
    value: float | None = None
    raw: str
    atoms: list[TargetAtom] = Field(default_factory=list)
    provenance: Provenance | None = None


class Target(Record):
    label: str
    year: int | None = None
    year_from: Literal["period"] | None = Field(
        None,
        description="'period' when no header, cell or sentence of the goal names its year: it is "
        "the end of the plan period (the table title's, else the document's).",
    )
    raw: str
    atoms: list[TargetAtom] = Field(default_factory=list)
    provenance: Provenance | None = None


class Indicator(Record):
    id: str
    source: Literal["table", "prose"]
    name_raw: str
    name: str
    unit: str | None = None
    aliases: list[str] = Field(default_factory=list)
    seq: int | None = None
    category: str | None = None
    parent_id: str | None = None
    baseline: Measurement | None = None
    actual: Measurement | None = None
    targets: list[Target] = Field(default_factory=list)
    attribute: Literal["约束性", "预期性"] | None = None
    responsible_id: str | None = Field(
        None,
        description="Id of the entry of the document's `responsibilities` naming who owns the "
        "indicator (a table's responsible cell, the clause ending a goal's paragraph); the rows "
        "of one table sharing a cell share the entry.",
    )
    table_id: str | None = None
    section_id: str | None = None
    sentence: str | None = Field(
        None, description="For prose indicators: the sentence stating the goal."
    )
    provenance: Provenance


class TableRow(Record):
    cells: list[str]
    parent: int | None = Field(
        None, description="Index in `rows` of the row this sub-row belongs to."
    )
    note: str | None = Field(
        None, description="Why the row was repaired (realigned, inherited cells)."
    )
    provenance: Provenance


class TableItem(Record):
    """An entry of a 专栏 that is a prose list of key projects rather than a grid."""

    name: str
    text: str
    provenance: Provenance


class Table(Record):
    id: str
    label: str | None = Field(None, description="专栏2, 附件1-3, … as written.")
    number: str | None = None
    title: str | None = None
    kind: Literal["grid", "list"] = "grid"
    header: list[str] = Field(default_factory=list)
    rows: list[TableRow] = Field(default_factory=list)
    items: list[TableItem] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    section_id: str | None = None
    provenance: Provenance


class Preamble(Record):
    text: str
    lines: tuple[int, int] | None = None


DocumentKind = Literal["notice", "plan", "annex", "other"]


class Document(Record):
    id: str
    kind: DocumentKind
    title: str | None
    part_of: str | None = Field(None, description="Id of the notice that carries this document.")
    metadata: Metadata
    warnings: list[str] = Field(
        default_factory=list,
        description="What a reader expects of this document and the parser could not find.",
    )
    preamble: Preamble | None = None
    lines: tuple[int, int] | None = None
    sections: list[Section] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    responsibilities: list[Responsibility] = Field(default_factory=list)

    @model_validator(mode="after")
    def _references_resolve(self) -> Document:
        known = {r.id for r in self.responsibilities}
        for indicator in self.indicators:
            if indicator.responsible_id is not None and indicator.responsible_id not in known:
                raise ValueError(
                    f"indicator {indicator.id}: responsible_id {indicator.responsible_id} "
                    "is not among the document's responsibilities"
                )
        return self

    def responsibility(self, responsibility_id: str | None) -> Responsibility | None:
        """The entry of `responsibilities` with this id (None for None)."""
        if responsibility_id is None:
            return None
        return next((r for r in self.responsibilities if r.id == responsibility_id), None)


class ParseResult(Record):
    """One parsed input file. A key absent from a written record has its schema default."""

    schema_version: str = SCHEMA_VERSION
    parser_version: str
    source: SourceInfo
    documents: list[Document]

    @property
    def own_file(self) -> str:
        """The file name every provenance of this record names unless it says otherwise."""
        return PurePath(self.source.path).name

    @model_validator(mode="after")
    def _fill_own_file(self) -> ParseResult:
        own = self.own_file
        for provenance in provenances(self):
            if not provenance.file:
                provenance.file = own
        return self


def provenances(result: ParseResult) -> Iterator[Provenance]:
    """Every provenance of a record, in document order."""
    for document in result.documents:
        yield from document.metadata.provenance.values()
        yield from _section_provenances(document.sections)
        for table in document.tables:
            yield table.provenance
            yield from (row.provenance for row in table.rows)
            yield from (item.provenance for item in table.items)
        for indicator in document.indicators:
            yield indicator.provenance
            for measurement in (indicator.baseline, indicator.actual, *indicator.targets):
                if measurement is not None and measurement.provenance is not None:
                    yield measurement.provenance
        yield from (r.provenance for r in document.responsibilities)


def _section_provenances(sections: list[Section]) -> Iterator[Provenance]:
    for section in sections:
        if section.provenance is not None:
            yield section.provenance
        yield from _section_provenances(section.children)


def json_schema() -> dict:
    """The JSON Schema of `ParseResult`, with the default of every optional key: a written record
    leaves out the keys that hold their default."""
    schema = ParseResult.model_json_schema()
    models = {model.__name__: model for model in _records(Record)}
    for name, definition in [("ParseResult", schema), *schema.get("$defs", {}).items()]:
        for field_name, field in models[name].model_fields.items():
            # pydantic states plain defaults only; a list's or dict's comes from a factory
            if field.default_factory is not None:
                definition["properties"][field_name]["default"] = field.default_factory()  # type: ignore[call-arg]
    return schema


def _records(base: type[Record]) -> list[type[Record]]:
    found = []
    for model in base.__subclasses__():
        found += [model, *_records(model)]
    return found
