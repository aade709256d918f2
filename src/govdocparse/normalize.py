"""Clean-up between reading and structure: drops portal chrome and Word residue, keeps provenance.

Rules come from grammars/chrome.yaml. Lines are removed or trimmed, never renumbered: every block
that survives still carries the line numbers (or page/paragraph) of the source it came from.
Headings that Word field codes tore apart are put back together here, because later stages
match numbering at the start of a line:
- `四、` on its own, then `HYPERLINK "…" \\l "_Toc…"组织实施` → `四、组织实施`
- `组织实施四、` (the field result printed before its number) → `四、组织实施`
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

import regex

from . import grammar, headings
from .source import Block, Paragraph, TableBlock, span
from .textutil import squash_spaces

_SENTENCE_MARK = regex.compile(r"[。；;，,：:]")


@cache
def _torn_heading_shapes() -> tuple[regex.Pattern, regex.Pattern]:
    """`四、` alone on its line, and `组织实施四、` (the number printed after its title)."""
    number = headings.numeral_pattern("chinese")
    return (
        regex.compile(rf"^{number}\s*[、．.]$"),
        regex.compile(rf"^(?P<title>[\p{{Han}}]{{2,20}}?)(?P<num>{number}、)$"),
    )


@cache
def _rules() -> tuple[list, list, regex.Pattern]:
    rules = grammar.load("chrome")
    lines = [regex.compile(p) for p in rules.get("lines", [])]
    tail = [regex.compile(p) for p in rules.get("tail", [])]
    inline = regex.compile("|".join(f"(?:{p})" for p in rules.get("inline", [])))
    return lines, tail, inline


def clean_text(text: str) -> str:
    """Text with Word field-code and bookmark residue removed."""
    _, _, inline = _rules()
    return inline.sub("", text).strip()


def is_chrome(text: str) -> bool:
    lines, _, _ = _rules()
    squashed = squash_spaces(text)
    return any(rule.search(squashed) for rule in lines)


def is_tail_start(text: str) -> bool:
    _, tail, _ = _rules()
    squashed = squash_spaces(text)
    return any(rule.search(squashed) for rule in tail)


def normalize(blocks: list[Block]) -> list[Block]:
    """The blocks of a document with chrome, residue and torn headings repaired."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, TableBlock):
            out.append(_clean_table(block))
            continue
        if is_tail_start(block.text):
            break
        text = clean_text(block.text)
        if not text or is_chrome(text):
            continue
        out.append(replace(block, text=text))
    return _mend_torn_headings(_without_contents(out))


def _clean_table(table: TableBlock) -> TableBlock:
    rows = [
        [replace(cell, text=clean_text(cell.text)) if cell.text else cell for cell in row]
        for row in table.rows
    ]
    return TableBlock(rows, table.prov)


def _without_contents(blocks: list[Block]) -> list[Block]:
    """The blocks without a table of contents: entries with a leader and a page number, and
    the 目录 line with the entries under it that repeat a later line (a TOC without page
    numbers, as Word's field gives it when copied as text)."""
    rules = headings.rules().contents
    entry = regex.compile(rules.entry)
    titles = set(rules.titles)
    texts = [squash_spaces(b.text) if isinstance(b, Paragraph) else None for b in blocks]
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        text = texts[i]
        if text is not None and entry.match(text):
            i += 1
            continue
        if text in titles:
            j = i + 1
            while j < len(blocks) and (
                texts[j] is not None and (entry.match(texts[j]) or texts[j] in texts[j + 1 :])
            ):
                j += 1
            if j > i + 1:
                i = j
                continue
        out.append(blocks[i])
        i += 1
    return out


def _mend_torn_headings(blocks: list[Block]) -> list[Block]:
    lone_number, number_after_title = _torn_heading_shapes()
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if isinstance(block, Paragraph):
            moved = number_after_title.match(block.text)
            if moved:
                block = replace(block, text=moved["num"] + moved["title"])
            elif lone_number.match(block.text) and i + 1 < len(blocks):
                nxt = blocks[i + 1]
                if (
                    isinstance(nxt, Paragraph)
                    and len(nxt.text) <= 30
                    and not _SENTENCE_MARK.search(nxt.text)
                ):
                    block = Paragraph(
                        block.text + nxt.text, span(block.prov, nxt.prov), block.style
                    )
                    i += 1
        out.append(block)
        i += 1
    return out
