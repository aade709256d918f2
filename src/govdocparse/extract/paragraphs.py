"""What one body paragraph (or 专栏 entry) states: its goals, the responsibility clauses in it,
which clause owns which goal, and the plan year of the goals that name none.

The goal sentences are read by `goals`, the clauses by `responsibilities`; this module puts the
two together the way plans write them:
- a clause owns the goals of the task it closes (…达到95%以上。（责任单位：县卫健委）);
- a clause on a line of its own (责任单位：市卫健委。) owns the goals of the measure above it;
- 责任单位：… in the paragraph right under one that only says 牵头单位：… names the units taking
  part with that lead, as it would in one clause (a yearly 分工方案's goal, then a line each);
- a note that the unit a clause names first leads (…，排在第一位的为牵头单位，下同, or 注：… in a
  paragraph of its own) splits the clauses below it that name only leads;
- a goal with no 到…年 of its own is a goal for the end of the plan period; 今年 is the
  document's own year (`document_year`); a deadline on a line of its own (到2025年) dates the
  short lines under it, one phrase a line as a WeChat story's lead writes them (`read_paragraphs`);
- a report of results (…统计监测报告, 评估报告) states no goals at all;
- a news story (a document of kind other) states the goals of the plan it reports (规划提出，
  到2025年，…; 记者了解到，今年全市将实现…全覆盖) in its sentences, never in its deck of
  bulleted points under the headline (■收托人数不得超过5人 ■…), nor in sentences that show no
  sign of a goal (全市建成母婴室326个，…覆盖率达到95%: its own results).
"""

from __future__ import annotations

import re

from ..model import Document, Indicator, Period, Provenance, Responsibility
from ..structure import PlacedParagraph
from .agencies import to_agencies
from .goals import indicators_from_paragraph, is_news_deck, line_deadline, reports_results
from .responsibilities import Clause, find_clauses, first_leads_note, joins_a_lead, lead_first

# What is left of a paragraph that only held a clause: 1. 责任单位：市卫健委。
_PUNCTUATION = re.compile(r"[\s\d.．、，,；;：:。（）()【】]")


def read_paragraph(
    document: Document,
    placed: PlacedParagraph,
    prefix: str,
    place: str | None,
    item: str | None = None,
    deadline: tuple[str, int] | None = None,
    first_leads: bool = False,
) -> None:
    """Add the goals and clauses of one paragraph to `document`, each goal with its owner;
    `deadline` is the one a line of its own above sets (`goals.line_deadline`); `first_leads`:
    a note above the paragraph said that of the units a clause names, the first leads and the
    others take part (`_first_leads_from`)."""
    period = document.metadata.period
    states_no_goals = reports_results(document.title) or (
        document.kind == "other" and is_news_deck(placed.text)
    )
    indicators: list[Indicator] = (
        []
        if states_no_goals
        else indicators_from_paragraph(
            placed.text,
            placed.prov,
            section_id=placed.section_id,
            id_prefix=prefix,
            context=placed.context,
            period_start=period.start if period else None,
            period_end=period.end if period else None,
            item=item,
            this_year=document_year(document),
            story=document.kind == "other",
            deadline=deadline,
        )
    )
    clauses = find_clauses(placed.text)
    if _completes_the_lead_above(document, placed, clauses):
        clauses[0].participating, clauses[0].lead = clauses[0].lead, []
    if first_leads:
        for clause in clauses:
            lead_first(clause)
    owners = [
        Responsibility(
            id=f"{prefix}-r{n}",
            kind=clause.kind,
            lead=to_agencies(clause.lead, place=place),
            participating=to_agencies(clause.participating, place=place),
            by_duty=clause.by_duty,
            raw=clause.raw,
            attached_to=placed.section_id,
            provenance=placed.prov,
        )
        for n, clause in enumerate(clauses, start=1)
    ]
    document.responsibilities.extend(owners)
    _assign_owners(placed.text, indicators, clauses, owners)
    if owners and not indicators and _only_clauses(placed.text, clauses):
        for indicator in reversed(document.indicators):
            if indicator.section_id != placed.section_id or indicator.responsible_id is not None:
                break
            indicator.responsible_id = owners[0].id
    date_to_period_end(indicators, period)
    document.indicators.extend(indicators)


def read_paragraphs(
    document: Document, paragraphs: list[PlacedParagraph], prefix: str, place: str | None
) -> None:
    """`read_paragraph` for each body paragraph in order, a deadline on a line of its own dating
    the short lines under it (`goals.line_deadline`), a note on which unit leads splitting the
    clauses after it (`_first_leads_from`)."""
    deadline: tuple[str, int] | None = None
    section: str | None = None
    noted = _first_leads_from(paragraphs)
    for number, placed in enumerate(paragraphs, start=1):
        deadline = line_deadline(placed.text, deadline, placed.section_id == section)
        section = placed.section_id
        first_leads = noted is not None and number > noted + 1
        read_paragraph(
            document,
            placed,
            f"{prefix}-p{number}",
            place,
            deadline=deadline,
            first_leads=first_leads,
        )


def _first_leads_from(paragraphs: list[PlacedParagraph]) -> int | None:
    """Index of the first paragraph after which every clause naming only leads
    (责任单位：A、B、C) means the first leads and the others take part: the paragraph of a note
    saying so that stands outside any clause (注：…排在首位的为牵头单位), or whose clause says it
    holds below too (…，排在第一位的为牵头单位，下同)."""
    for index, placed in enumerate(paragraphs):
        note = first_leads_note(placed.text)
        if note is None:
            continue
        if note["standing"] is not None:
            return index
        clauses = find_clauses(placed.text)
        if not any(clause.start <= note.start() < clause.end for clause in clauses):
            return index
    return None


def _completes_the_lead_above(
    document: Document, placed: PlacedParagraph, clauses: list[Clause]
) -> bool:
    """Whether `placed` only holds a 责任单位 clause right under a paragraph (a blank line may
    stand between) that only held a 牵头单位 clause of the same section."""
    if len(clauses) != 1 or not joins_a_lead(clauses[0].kind) or clauses[0].participating:
        return False
    if not document.responsibilities or not _only_clauses(placed.text, clauses):
        return False
    above = document.responsibilities[-1]
    return (
        above.attached_to == placed.section_id
        and bool(above.lead)
        and not joins_a_lead(above.kind)
        and 0 < _distance(above.provenance, placed.prov) <= 2
    )


def _distance(above: Provenance, below: Provenance) -> int:
    """How many lines (text, HTML, PDF) or paragraphs (Word) `below` starts after `above` ends;
    0 when the two cannot be compared (another page, or no position in common)."""
    if above.lines and below.lines and above.page == below.page:
        return below.lines[0] - above.lines[1]
    if above.paragraph is not None and below.paragraph is not None:
        return below.paragraph - above.paragraph
    return 0


def document_year(document: Document) -> int | None:
    """The year a document calls 今年: its one-year period's, else its date's (成文, else 发布)."""
    period = document.metadata.period
    if period and period.start == period.end:
        return period.start
    date = document.metadata.date_written or document.metadata.date_published
    return int(date[:4]) if date else None


def date_to_period_end(indicators: list[Indicator], period: Period | None) -> None:
    """A goal with no 到…年 of its own is a goal for the end of the plan period, unless a later
    goal of the same measure has a year (人均预期寿命达到80岁，到2030年达到81岁): it is then an
    earlier step whose year is not written, and stays without one."""
    if not period:
        return
    for indicator in indicators:
        for k, target in enumerate(indicator.targets):
            if target.year is None and all(t.year is None for t in indicator.targets[k + 1 :]):
                target.year, target.year_from = period.end, "period"


def _assign_owners(
    text: str, indicators: list[Indicator], clauses: list[Clause], owners: list[Responsibility]
) -> None:
    """Each goal's owner: the first clause ending after its sentence starts (the clause that
    closes its task), else the paragraph's last clause (one heading the paragraph included)."""
    cursor = 0
    for indicator in indicators:
        start = text.find(indicator.sentence or "", cursor) if indicator.sentence else -1
        if start >= 0:
            cursor = start
        following = [k for k, clause in enumerate(clauses) if start >= 0 and clause.end > start]
        if owners:
            indicator.responsible_id = owners[following[0] if following else -1].id


def _only_clauses(text: str, clauses: list[Clause]) -> bool:
    """Whether `text` says nothing besides its clauses and punctuation."""
    rest = text
    for clause in reversed(clauses):
        rest = rest[: clause.start] + rest[clause.end :]
    return not _PUNCTUATION.sub("", rest)
