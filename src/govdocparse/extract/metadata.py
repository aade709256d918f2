"""Document metadata: 发文字号, issuer, place, dates, recipients, cc, plan period, portal fields.

Works on one segment (header lines before the title, the title, the body) and reports which
blocks it consumed, so that the section tree does not repeat them as body text. Vocabulary is in
grammars/metadata.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import regex

from .. import grammar
from ..headings import numbered
from ..model import Metadata, Period, Provenance
from ..segment import Segment
from ..source import Block, Paragraph
from ..textutil import fold, iso_date, squash_spaces
from .responsibilities import split_agencies

_YEAR_RANGE = regex.compile(
    r"(?P<a>(?:19|20)\d{2})\s*年?\s*[—–\-－~～至到―]+\s*(?P<b>(?:19|20)\d{2})"
)


@dataclass
class Found:
    metadata: Metadata
    consumed: set[int] = field(default_factory=set)  # id() of blocks that are metadata, not body


@cache
def _rules() -> dict:
    rules = grammar.load("metadata")
    fields = sorted(rules["portal_fields"], key=len, reverse=True)
    return {
        "doc_number": regex.compile(rules["doc_number"]),
        "issuer_line": regex.compile(f"^[\\p{{Han}}（）()]{{2,40}}?{rules['issuer_suffix']}$"),
        "issuer_head": regex.compile(
            f"^(?P<issuer>[\\p{{Han}}]{{2,40}}?{rules['issuer_suffix']})关于"
        ),
        "portal_label": regex.compile(f"(?:{'|'.join(fields)})"),
        "portal_line": regex.compile(f"^(?:{'|'.join(fields)})"),
        "recipients_end": regex.compile(rules["recipients_end"]),
        "cc": regex.compile(rules["cc_prefix"]),
        "closing": [regex.compile(p) for p in rules["closing_marks"]],
        "provinces": tuple(sorted(rules["province_level"], key=len, reverse=True)),
        "place_unit": regex.compile(rules["place_unit"]),
        "not_place": tuple(rules["not_place"]),
    }


def place_of(name: str | None) -> str | None:
    """The most specific administrative unit a name starts with: 重庆市万州区人民政府办公室 → 万州区."""
    if not name:
        return None
    rules = _rules()
    rest = squash_spaces(name)
    for province in rules["provinces"]:
        if rest.startswith(province):
            rest = rest[len(province) :]
            break
    place = None
    while True:
        unit = rules["place_unit"].match(rest)
        if not unit or unit.group(0).endswith(rules["not_place"]) or len(unit.group(0)) < 2:
            return place
        place = unit.group(0)
        rest = rest[unit.end() :]


def period_of(*texts: str | None) -> Period | None:
    """The plan period named in a title or its period line; None if there is none or several."""
    found = set()
    for text in texts:
        if text:
            found.update((int(m["a"]), int(m["b"])) for m in _YEAR_RANGE.finditer(fold(text)))
    if len(found) != 1:
        return None
    start, end = found.pop()
    return Period(start=start, end=end) if start <= end else None


def _portal(blocks: list[Block], found: Found, extra: dict[str, str]) -> None:
    rules = _rules()
    metadata = found.metadata
    for block in blocks:
        if not isinstance(block, Paragraph) or not rules["portal_line"].match(block.text):
            continue
        labels = list(rules["portal_label"].finditer(block.text))
        for n, label in enumerate(labels):
            end = labels[n + 1].start() if n + 1 < len(labels) else len(block.text)
            value = block.text[label.end() : end].strip(" :：\t") or None
            if label.group(0) not in metadata.portal:
                metadata.portal[label.group(0)] = value
                metadata.provenance[f"portal.{label.group(0)}"] = block.prov
        found.consumed.add(id(block))
    for key, value in extra.items():
        metadata.portal.setdefault(key, value or None)


def extract_metadata(
    segment: Segment, title_prov: Provenance | None, portal: dict[str, str] | None = None
) -> Found:
    """The metadata of one document segment and the blocks that carried it."""
    rules = _rules()
    found = Found(Metadata())
    meta = found.metadata
    header = [b for b in segment.header if isinstance(b, Paragraph)]
    _portal(segment.header, found, portal or {})

    for block in header:
        if id(block) in found.consumed:
            continue
        text = squash_spaces(block.text)
        number = rules["doc_number"].search(block.text)
        if number and meta.doc_number is None:
            meta.doc_number = squash_spaces(number["number"])
            meta.provenance["doc_number"] = block.prov
            found.consumed.add(id(block))
        elif rules["issuer_line"].match(text) and meta.issuer is None:
            meta.issuer = text
            meta.provenance["issuer"] = block.prov
            found.consumed.add(id(block))
        elif iso_date(text) or any(mark.match(text) for mark in rules["closing"]):
            found.consumed.add(id(block))
    if meta.doc_number is None and meta.portal.get("发文字号"):
        meta.doc_number = squash_spaces(meta.portal["发文字号"])
        meta.provenance["doc_number"] = meta.provenance.get("portal.发文字号")
    if meta.issuer is None and segment.title:
        head = rules["issuer_head"].match(segment.title)
        if head:
            meta.issuer = head["issuer"]
            meta.provenance["issuer"] = title_prov

    _body_fields(segment.body, found)

    if meta.issuer is None and meta.portal.get("发文机关"):
        meta.issuer = meta.portal["发文机关"]
    if meta.date_written is None and meta.portal.get("成文日期"):
        meta.date_written = iso_date(meta.portal["成文日期"])
        meta.provenance["date_written"] = meta.provenance.get("portal.成文日期")
    if meta.portal.get("发布日期"):
        meta.date_published = iso_date(meta.portal["发布日期"])
        meta.provenance["date_published"] = meta.provenance.get("portal.发布日期")

    meta.period = period_of(segment.period_text) or period_of(segment.title)
    if meta.period:
        period_prov = next(
            (
                b.prov
                for b in segment.header + segment.body
                if isinstance(b, Paragraph) and b.text == segment.period_text
            ),
            None,
        )
        meta.provenance["period"] = period_prov or title_prov
    meta.place = (
        place_of(meta.issuer) or place_of(segment.title) or place_of(meta.portal.get("发布机构"))
    )
    if meta.place:
        meta.provenance["place"] = (
            meta.provenance.get("issuer") if place_of(meta.issuer) else title_prov
        )
    meta.provenance = {key: prov for key, prov in meta.provenance.items() if prov is not None}
    return found


def _body_fields(body: list[Block], found: Found) -> None:
    """Recipients at the top of the body; signature issuer and date near its end; closing marks."""
    rules = _rules()
    meta = found.metadata
    paragraphs = [b for b in body if isinstance(b, Paragraph)]
    for block in paragraphs[:3]:
        text = block.text.strip()
        if (
            rules["recipients_end"].search(text)
            and "。" not in text
            and len(text) <= 200
            and not numbered(text)  # 第三条 补贴资金按照以下方式分配： opens an article
        ):
            meta.recipients, _ = split_agencies(rules["recipients_end"].sub("", text))
            meta.provenance["recipients"] = block.prov
            found.consumed.add(id(block))
            break
    for n, block in enumerate(paragraphs):
        text = squash_spaces(block.text)
        date = iso_date(text)
        if date:
            if meta.date_written is None:
                meta.date_written = date
                meta.provenance["date_written"] = block.prov
            found.consumed.add(id(block))
            previous = paragraphs[n - 1] if n else None
            if previous is not None and rules["issuer_line"].match(squash_spaces(previous.text)):
                found.consumed.add(id(previous))
                if meta.issuer is None:
                    meta.issuer = squash_spaces(previous.text)
                    meta.provenance["issuer"] = previous.prov
        elif any(mark.match(text) for mark in rules["closing"]):
            found.consumed.add(id(block))


def split_cc(block: Paragraph) -> list[str] | None:
    """The 抄送 list of a footer line, or None if the line is not one."""
    rules = _rules()
    text = block.text.strip()
    head = rules["cc"].match(text)
    if not head:
        return None
    names, _ = split_agencies(text[head.end() :].rstrip("。."))
    return names
