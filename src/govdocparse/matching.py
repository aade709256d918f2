"""Characters as written, matched as meant: the text every rule sees, and the way back.

Before any rule runs, each block's text is replaced by its *matching form*, which has exactly
as many characters as the text and differs only where a character is written in a form the
rules do not know:
- traditional characters (…縣兒童友好城市建設方案) become simplified through OpenCC's t2s
  conversion, character for character, and so do the few t2s leaves that copies write for
  another (陜 for 陝: grammars/written_forms.yaml `variants`);
- Kangxi radicals and CJK compatibility ideographs (⽅ ⼯ from browser-printed PDFs) become the
  unified characters (NFKC, applied to those ranges only);
- half-width punctuation inside Chinese text (web copies: 儿童,妇女;(一)) becomes full-width, and
  a "." ending a Chinese sentence becomes 。;
- a half-width `?` after a clause holding a question word (多少?, 谁来管?) becomes ？;
- a stray `?` or U+FFFD standing for a character a mirror or a damaged download lost becomes
  囗, the placeholder Chinese printing uses for a missing character, so names stay in one piece;
  a `?` standing for a space the mirror's encoding could not write (a non-breaking space) becomes
  a space: runs of them (甘肃省人民政府????????), one at either end of a line or beside
  punctuation (如下:?), one after an article or chapter number and inside the spread two-character
  title that follows it (第一章?總?則, 第一條?為…).
Mirror damage that is not a character is removed from the text itself: a pinyin reading after a
character (規(guī)劃), and toneless ones where a line holds several (設立(li)一名兒童主(zhu)任, as
spam mirrors inject them: grammars/written_forms.yaml).

After the records are built, `Restorer.restore` puts the written characters back into every
extracted string: a string is found in the matching form of the source block its provenance
names and takes the written characters at the same positions; a string found nowhere (a title
joined from lines, a canonical name) takes, character by character, the written form the
document uses most for it.
"""

from __future__ import annotations

import operator
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

import regex
from pydantic import BaseModel

from . import grammar
from .grammar_schema import WrittenFormsGrammar
from .model import Document, Provenance
from .source import Block, Cell, Paragraph, TableBlock
from .textutil import simplified

# 規(guī)劃 / 规(gui1)划: a reading in brackets right after a character, as some mirrors add.
_PINYIN = regex.compile(
    r"(?<=\p{Han})[（(]\s*(?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ1-4])[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,6}[1-4]?\s*[)）]"
)
# Toneless readings that make a file a spam mirror's copy, whose every reading goes, one a line
# or not (see `_toneless_least`).
_SPAM_READINGS = 4
# what a toneless reading opens with: most lines hold no bracket before a Latin letter
_BRACKETED_LETTER = regex.compile("[（(][a-zü]")
# CJK radicals, Kangxi radicals, compatibility ideographs and their supplement.
_FOLD = regex.compile("[\u2e80-\u2fdf\uf900-\ufaff\U0002f800-\U0002fa1f]")
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "(": "（", ")": "）"}
_CJK = r"[\p{Han}\u3000-\u303f\uff00-\uffef“”‘’]"
_HALF_WIDTH = regex.compile(rf"(?<={_CJK})[,;:!()]|[,;:!()](?={_CJK})")
# A full stop typed as "." in Chinese text (web copies in English punctuation:
# (一)儿童与健康.婴儿死亡率… 以下.(责任单位:区卫健局)): after a character, a percent sign or a
# closing bracket, before a character or the end. A decimal point stands between digits and
# is never one.
_HALF_STOP = regex.compile(r"(?<=[\p{Han}%‰）)])\.(?=[\p{Han}（(]|\s*$)")
_MISSING = "囗"
_LOST = regex.compile(r"(?<=\p{Han})[?\ufffd](?=\p{Han}|$)")
_SPACE = "\u3000"
# after a space or punctuation that ends a phrase (如下:?), never after an opening mark
# (“?山秀水”: a character lost)
_ENDS_PHRASE = r"[\s:：，,。；;！!）)]"
_LOST_SPACE = regex.compile(
    rf"\?{{2,}}|^\?|\?$|(?<={_ENDS_PHRASE})\?|\?(?=\s)"
    r"|(?<=^\s*第[一二三四五六七八九十百零〇\d]{1,6}[章节条款])\?"
)
# 第一章?總?則: a chapter's two-character title spread out, its space lost like the one before it
_SPREAD_PAIR = regex.compile(
    r"^(\s*第[一二三四五六七八九十百零〇\d]{1,6}[章节]\u3000\p{Han})\?(?=\p{Han}\s*$)"
)
# Fields that hold identifiers or vocabulary values, never text of the document.
_NOT_TEXT = frozenset(
    {
        "id",
        "kind",
        "source",
        "op",
        "direction",
        "section_id",
        "table_id",
        "parent_id",
        "responsible_id",
        "part_of",
        "attached_to",
        "inherited",
        "date_written",
        "date_published",
    }
)


def repair(text: str, least: int | None = None) -> str:
    """`text` without mirror damage that is not a character: a pinyin reading in brackets,
    toned (規(guī)劃) or, where a line holds `least` of them or more (the grammar's
    `min_per_line` unless told), toneless (設立(li)一名兒童主(zhu)任)."""
    if "(" not in text and "（" not in text:
        return text
    text = _PINYIN.sub("", text)
    if _BRACKETED_LETTER.search(text):
        pattern, per_line = _toneless()
        if len(pattern.findall(text)) >= (per_line if least is None else least):
            text = pattern.sub("", text)
    return text


def _toneless_least(texts: Iterator[str]) -> int | None:
    """How many toneless readings a line of this file must hold to lose them: one in a spam
    mirror's copy, a line of which holds several and the whole `_SPAM_READINGS` or more
    (民政部(bu) beside 设立(li)一名儿童主(zhu)任), else the grammar's `min_per_line` (None)."""
    pattern, per_line = _toneless()
    readings = 0
    several = False
    for text in texts:
        # most lines hold no bracket at all: a substring test spares them the pattern
        if ("(" in text or "（" in text) and _BRACKETED_LETTER.search(text):
            found = len(pattern.findall(text))
            readings += found
            several = several or found >= per_line
    return 1 if several and readings >= _SPAM_READINGS else None


@cache
def _toneless() -> tuple[regex.Pattern, int]:
    """A toneless reading after a character or after the reading before it (的(de)(de)), and
    how many a line must hold (grammars/written_forms.yaml)."""
    reading = grammar.load_typed("written_forms", WrittenFormsGrammar).toneless_reading
    syllable = f"(?:{'|'.join(reading.initials)})?(?:{'|'.join(reading.finals)})"
    return regex.compile(rf"(?<=[\p{{Han}}）)])[（(]{syllable}[)）]"), reading.min_per_line


@cache
def _question_marks() -> regex.Pattern:
    """A half-width "?" ending a clause that asks (grammars/written_forms.yaml)."""
    question = grammar.load_typed("written_forms", WrittenFormsGrammar).question
    words = "|".join(sorted(map(regex.escape, question.words), key=len, reverse=True))
    return regex.compile(rf"(?<=(?:{words})[^?？。！!，,；;：:\s]{{0,{question.reach}}})\?")


# Tables repeat their cells (责任单位 columns, dashes, units) and portals their labels: a
# document asks for far fewer distinct forms than it has cells and lines.
@lru_cache(maxsize=8192)
def matching_form(text: str) -> str:
    """The form of `text` the rules match, of exactly the same length (see the module doc)."""
    if text.isascii():
        return text
    text = simplified(_FOLD.sub(_nfkc_one, text)).translate(_variants())
    # each pattern below is tried only on text holding the mark it rewrites: most lines hold
    # none, and a substring test is much cheaper than a pattern's scan
    if any(mark in text for mark in _HALF_TO_FULL):
        text = _HALF_WIDTH.sub(lambda m: _HALF_TO_FULL[m[0]], text)
    if "." in text:
        text = _HALF_STOP.sub("。", text)
    if "?" in text:
        text = _question_marks().sub("？", text)
    if "?" in text:
        text = _LOST_SPACE.sub(lambda m: _SPACE * len(m[0]), text)
        text = _SPREAD_PAIR.sub(rf"\1{_SPACE}", text)
    if "?" in text or "\ufffd" in text:
        text = _LOST.sub(_MISSING, text)
    return text


@cache
def _variants() -> dict[int, str]:
    """Characters t2s leaves that traditional copies write for another (grammars/
    written_forms.yaml `variants`: 陜 for 陝)."""
    return str.maketrans(grammar.load_typed("written_forms", WrittenFormsGrammar).variants)


def _nfkc_one(found: regex.Match) -> str:
    folded = unicodedata.normalize("NFKC", found[0])
    return folded if len(folded) == 1 else found[0]


@dataclass(frozen=True, slots=True)
class _Span:
    """Where a string lies, as far as finding its block needs: the place fields of a
    `Provenance`, without the cost of building one (a document has hundreds of sections)."""

    lines: tuple[int, int] | None
    page: int | None
    paragraph: int | None


# Where a string of a record lies: its own provenance, or the lines of the section it is in.
_Where = Provenance | _Span


@dataclass
class _Entry:
    prov: Provenance
    matching: str
    written: str


@dataclass
class Restorer:
    """Maps strings of matching-form text back to the characters the source wrote."""

    entries: list[_Entry] = field(default_factory=list)
    changed: bool = False
    whole: dict[str, str] = field(default_factory=dict)
    # the blocks on each line and on each page, indexed on the first search (`_index`): most
    # documents need none, their every string being whole or untouched
    by_line: dict[int, list[_Entry]] | None = None
    by_page: dict[int | None, list[_Entry]] | None = None
    choice: dict[str, str] = field(default_factory=dict)
    needs: regex.Pattern | None = None
    # (page, line) of every line of the blocks the matching form changed (page None in a text
    # or HTML file): when every character's usual spelling is its matching form, only strings
    # from those lines can need restoring
    changed_lines: set[tuple[int | None, int]] = field(default_factory=set)
    # the last page holding a changed block (files with pages)
    last_changed_page: int = 0
    # whether the file has pages (PDF, OFD, scans), whose line numbers start again on each page
    paged: bool = False
    local_only: bool = False
    # when every character's usual spelling is its matching form, a string comes out other than
    # it went in only from a changed block: their matching text, as is and without spaces
    changed_only: tuple[str, str] | None = None

    def add(self, prov: Provenance, matching: str, written: str) -> None:
        self.entries.append(_Entry(prov, matching, written))
        self.whole.setdefault(matching, written)
        self.paged = self.paged or prov.page is not None
        if matching != written:
            self.changed = True
            if prov.lines:
                first, last = prov.lines
                self.changed_lines.update((prov.page, line) for line in range(first, last + 1))
            if prov.page is not None:
                self.last_changed_page = max(self.last_changed_page, prov.page)

    def _index(self) -> tuple[dict[int, list[_Entry]], dict[int | None, list[_Entry]]]:
        if self.by_line is None or self.by_page is None:
            self.by_line, self.by_page = defaultdict(list), defaultdict(list)
            for entry in self.entries:
                self.by_page[entry.prov.page].append(entry)
                if entry.prov.lines:
                    for line in range(entry.prov.lines[0], entry.prov.lines[1] + 1):
                        self.by_line[line].append(entry)
        return self.by_line, self.by_page

    def finish(self) -> None:
        """Count, for every character the matching form changed somewhere, how the document
        writes it, so that a string found in no block takes the document's usual spelling."""
        if not self.changed:
            return
        counts: dict[str, Counter] = defaultdict(Counter)
        for entry in self.entries:
            if entry.matching != entry.written:
                for m, w in zip(entry.matching, entry.written, strict=True):
                    if m != w:
                        counts[m][w] += 1
        everything = "".join(e.matching for e in self.entries)
        for m, counter in counts.items():
            kept = everything.count(m) - sum(counter.values())
            if kept:
                counter[m] += kept
        self.choice = {m: counter.most_common(1)[0][0] for m, counter in counts.items()}
        self.needs = regex.compile(f"[{regex.escape(''.join(self.choice))}]")
        usual = all(m == w for m, w in self.choice.items())
        self.local_only = usual and all(
            e.prov.lines or e.prov.page is not None for e in self.entries if e.matching != e.written
        )
        if usual:
            changed = [e.matching for e in self.entries if e.matching != e.written]
            self.changed_only = (
                "\n".join(changed),
                "\n".join("".join(text.split()) for text in changed),
            )

    def untouched(self, prov: _Where) -> bool:
        """Whether no string with this provenance, nor of the records under it, can need
        restoring. The lines of a section or a document cover all it holds only in a file
        without pages: in a PDF a section runs on over later pages, whose lines they do not say,
        as a table runs on with its rows. What a record holds is never printed before it, so
        past the last changed page nothing can need restoring.
        """
        if not self.local_only:
            return False
        if self.paged and (isinstance(prov, _Span) or not prov.lines):
            return prov.page is not None and prov.page > self.last_changed_page
        if not prov.lines:
            return False
        first, last = prov.lines
        return not any((prov.page, line) in self.changed_lines for line in range(first, last + 1))

    def restore_text(self, text: str, prov: _Where | None) -> str:
        if self.needs is None or not self.needs.search(text):
            return text
        return "\n".join(self._piece(piece, prov) for piece in text.split("\n"))

    def _candidates(self, prov: _Where | None) -> Iterator[_Entry]:
        """The blocks a string with this provenance can come from, first line first; lazily,
        because the first block holding the string ends the search."""
        if prov is None:
            return
        by_line, by_page = self._index()
        if prov.lines:
            first, last = prov.lines
            seen: set[int] = set()
            for line in range(first, last + 1):
                for entry in by_line.get(line, ()):
                    if id(entry) not in seen:
                        seen.add(id(entry))
                        if _overlaps(entry.prov, prov):
                            yield entry
            return
        # a block on another page never overlaps (`_overlaps`)
        yield from (e for e in by_page.get(prov.page, ()) if _overlaps(e.prov, prov))

    def _piece(self, piece: str, prov: _Where | None) -> str:
        if piece in self.whole:
            return self.whole[piece]
        if self.needs is None or not self.needs.search(piece):
            return piece
        bare = "".join(piece.split())
        if (
            self.changed_only
            and piece not in self.changed_only[0]
            and (not bare or bare not in self.changed_only[1])
        ):
            return piece  # in no changed block: found in an unchanged one, or kept as is
        for entry in self._candidates(prov):
            at = entry.matching.find(piece)
            if at >= 0:
                return entry.written[at : at + len(piece)]
            if bare and bare != piece:
                positions = [i for i, c in enumerate(entry.matching) if not c.isspace()]
                squashed = "".join(entry.matching[i] for i in positions)
                at = squashed.find(bare)
                if at >= 0:
                    written = iter(entry.written[positions[at + k]] for k in range(len(bare)))
                    return "".join(c if c.isspace() else next(written) for c in piece)
        return "".join(self.choice.get(c, c) for c in piece)

    def restore(self, document: Document) -> None:
        """Every text field of `document`, in place, in the characters the source wrote."""
        if self.changed:
            _walk(document, self, _Span(document.lines, None, None))


def _overlaps(a: Provenance, b: _Where) -> bool:
    if a.page != b.page or (b.paragraph is not None and a.paragraph != b.paragraph):
        return False
    if a.lines and b.lines:
        return a.lines[0] <= b.lines[1] and b.lines[0] <= a.lines[1]
    return b.paragraph is not None or (a.page is not None and not b.lines)


def _walk(model: BaseModel, restorer: Restorer, context: _Where) -> None:
    fields = model.__dict__
    own = fields.get("provenance")
    if isinstance(own, Provenance):
        context = own
    lines = fields.get("lines")
    if isinstance(lines, tuple):  # a section's text runs over all its lines, not its heading's
        context = _Span(lines, context.page, context.paragraph)
    if restorer.untouched(context):
        return
    for name in _text_fields(type(model)):
        value = fields[name]
        # most values of a record are numbers or absent: skip them without a call
        if value is None or type(value) in _NEVER_TEXT:
            continue
        if type(value) is str:
            restored = restorer.restore_text(value, context)
            if restored != value:
                setattr(model, name, restored)
            continue
        restored = _restored(value, restorer, context)
        if restored is not value:
            setattr(model, name, restored)


# Value types that never hold text of the document (a tuple is a line range or a box).
_NEVER_TEXT = frozenset({int, float, bool, tuple})


@cache
def _text_fields(model_type: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a record type `_walk` restores: a record is walked thousands of times per
    document, its field names are the same every time."""
    return tuple(
        name for name in model_type.model_fields if name not in _NOT_TEXT and name != "provenance"
    )


def _restored(value, restorer: Restorer, context: _Where):
    """`value` with its text restored: the same object when nothing in it changed."""
    if isinstance(value, str):
        restored = restorer.restore_text(value, context)
        return value if restored == value else restored
    if isinstance(value, list):
        # lists of strings (a table row's cells) are the most common: restored without a call
        items = [
            restorer.restore_text(item, context)
            if type(item) is str
            else _restored(item, restorer, context)
            for item in value
        ]
        return value if all(map(operator.is_, items, value)) else items
    if isinstance(value, dict):
        pairs = {
            restorer.restore_text(key, None): _restored(item, restorer, context)
            for key, item in value.items()
        }
        return value if pairs == value else pairs
    if isinstance(value, BaseModel) and not isinstance(value, Provenance):
        _walk(value, restorer, context)
    return value


def fold_blocks(blocks: list[Block]) -> tuple[list[Block], Restorer]:
    """The blocks with their text in matching form, and the restorer that undoes it."""
    restorer = Restorer()
    least = _toneless_least(_texts(blocks))
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, TableBlock):
            rows = [[_fold_cell(cell, restorer, least) for cell in row] for row in block.rows]
            out.append(TableBlock(rows, block.prov))
        else:
            out.append(_fold_paragraph(block, restorer, least))
    return out, restorer


def _texts(blocks: list[Block]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, TableBlock):
            yield from (cell.text for row in block.rows for cell in row)
        else:
            yield block.text


def _fold_paragraph(block: Paragraph, restorer: Restorer, least: int | None) -> Paragraph:
    written = repair(block.text, least)
    matching = matching_form(written)
    restorer.add(block.prov, matching, written)
    return block if matching == block.text else replace(block, text=matching)


def _fold_cell(cell: Cell, restorer: Restorer, least: int | None) -> Cell:
    written = repair(cell.text, least)
    matching = matching_form(written)
    restorer.add(cell.prov, matching, written)
    return cell if matching == cell.text else replace(cell, text=matching)


def fold_portal(portal: dict[str, str], restorer: Restorer) -> dict[str, str]:
    """Portal fields in matching form; their written characters come back through the counts."""
    folded = {}
    for key, value in portal.items():
        for written in (key, value):
            matching = matching_form(written)
            restorer.add(Provenance(file=""), matching, written)
        folded[matching_form(key)] = matching_form(value)
    return folded
