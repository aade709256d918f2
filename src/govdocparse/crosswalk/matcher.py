"""Deciding whether two indicator names measure the same thing, and saying why.

The order of the rules is the order of trust:
1. a pair listed under `forbid` never links; one listed under `force` always does;
2. equal normalised names link (the evidence names the synonym, unit suffix or filler that
   made them equal), and so does a name equal to the other's alias
   (学前三年毛入园率（学前教育毛入园率）);
3. otherwise the measure heads and discriminating tokens must be equal — a difference there
   blocks the link whatever the strings look like — and units must not disagree;
4. then a list of things within a list of examples links (…同伴交往和亲子活动的时间 with
   …社会实践、同伴交往、亲子活动等时间), and other cores are scored with rapidfuzz on characters
   and on jieba words.
Rules 1–2 are "strong": they may join names whose units differ, rule 4 may not.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from .names import NameForm, read_name
from .vocab import Vocabulary, vocabulary
from .words import words

FORCED = "forced by indicator_synonyms.yaml"


@dataclass(frozen=True)
class Link:
    rule: str
    score: float
    strong: bool


def units_conflict(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a != b


def _same_name_rule(a: NameForm, b: NameForm) -> str:
    """What made two spellings equal: the rewrites one side needed and the other did not."""
    if a.text == b.text:
        return "identical name"
    own = [s for s in dict.fromkeys(b.steps + a.steps) if not (s in a.steps and s in b.steps)]
    synonyms = [s for s in own if s.startswith("synonym:")]
    aliases = [s for s in own if s.startswith("alias:")]
    if synonyms:
        return "; ".join(synonyms)
    if aliases:
        return "; ".join(aliases)
    changes = [s for s in own if s != "width"]
    return "normalised: " + "; ".join(changes) if changes else "same normalised name"


class Matcher:
    """Compares read names; one instance per vocabulary (it caches the forced/forbidden keys)."""

    def __init__(self, vocab: Vocabulary | None = None):
        self.vocab = vocab or vocabulary()
        self.settings = self.vocab.settings
        self.forced = {frozenset((self.read(a).key, self.read(b).key)) for a, b in self.vocab.force}
        self.forbidden = {
            frozenset((self.read(a).key, self.read(b).key)) for a, b in self.vocab.forbid
        }

    def read(self, name: str, place: str | None = None) -> NameForm:
        return read_name(name, place, self.vocab)

    def is_forbidden(self, key_a: str, key_b: str) -> bool:
        return frozenset((key_a, key_b)) in self.forbidden

    def strong_link(self, a: NameForm, b: NameForm, aliases_a=(), aliases_b=()) -> Link | None:
        """Rules 1–2: forced, equal normalised names, alias. None when none applies."""
        pair = frozenset((a.key, b.key))
        if pair in self.forbidden:
            return None
        if pair in self.forced and a.key != b.key:
            return Link(FORCED, 100.0, True)
        if a.bare or b.bare:
            return None
        if a.key == b.key:
            return Link(_same_name_rule(a, b), 100.0, True)
        for alias in aliases_a:
            if alias.key == b.key:
                return Link(f"alias: {alias.text}", 100.0, True)
        for alias in aliases_b:
            if alias.key == a.key:
                return Link(f"alias: {alias.text}", 100.0, True)
        return None

    def fuzzy_link(self, a: NameForm, b: NameForm) -> Link | None:
        """Rules 3–4 for two names of one block (equal heads and discriminating tokens)."""
        if a.block != b.block or self.is_forbidden(a.key, b.key):
            return None
        listed = _within_examples(a, b)
        if listed is not None:
            return listed
        if min(len(a.core), len(b.core)) < self.settings.min_fuzzy_chars:
            return None
        ratio = fuzz.ratio(a.core, b.core)
        words_a, words_b = " ".join(words(a.core)), " ".join(words(b.core))
        sort = fuzz.token_sort_ratio(words_a, words_b)
        best, how = (ratio, "ratio") if ratio >= sort else (sort, "token_sort")
        if best >= self.settings.link_score:
            return Link(f"score {best:.0f} {how}", round(best, 1), False)
        if ratio >= self.settings.token_set_ratio_floor and self._extra_words_harmless(
            words_a, words_b
        ):
            token_set = fuzz.token_set_ratio(words_a, words_b)
            if token_set >= self.settings.token_set_score:
                return Link(f"score {token_set:.0f} token_set", round(token_set, 1), False)
        return None

    def _extra_words_harmless(self, words_a: str, words_b: str) -> bool:
        """Whether the words only one name has may be ignored, as token_set_ratio does.

        Not when one name lists several measures (…机构和托位数量) and not for a single
        character: jieba leaves a word it does not know in pieces (女 of 女失业保险), and a
        piece says nothing about whether it changes the measure.
        """
        a, b = set(words_a.split()), set(words_b.split())
        extra = a ^ b
        lists = set(self.settings.list_words)
        return not (extra & lists) and all(len(w) > 1 for w in extra)

    def compare(
        self,
        a: NameForm,
        b: NameForm,
        unit_a: str | None = None,
        unit_b: str | None = None,
        aliases_a: Sequence[NameForm] = (),
        aliases_b: Sequence[NameForm] = (),
    ) -> Link | None:
        """The link between two names, or None. Units that differ need a strong rule."""
        link = self.strong_link(a, b, aliases_a, aliases_b)
        if link is not None:
            if units_conflict(unit_a, unit_b):
                return Link(f"{link.rule} (units differ: {unit_a} vs {unit_b})", link.score, True)
            return link
        if units_conflict(unit_a, unit_b):
            return None
        return self.fuzzy_link(a, b)


def _within_examples(a: NameForm, b: NameForm) -> Link | None:
    """A list of three or more things within a list giving examples (…等时间) names the same
    measure: the time for 休息娱乐、体育锻炼、同伴交往和亲子活动 is the time for 体育锻炼、
    休息娱乐、社会实践、同伴交往、亲子活动等."""
    small, large = sorted((a, b), key=lambda f: len(f.items))
    if small.items and large.examples and set(small.items) <= set(large.items):
        return Link(
            f"listed within examples ({len(small.items)} of {len(large.items)})", 95.0, False
        )
    return None


def pair_one_to_one(
    matcher: Matcher,
    left: Sequence[tuple[NameForm, str | None, Sequence[NameForm]]],
    right: Sequence[tuple[NameForm, str | None, Sequence[NameForm]]],
) -> list[tuple[int, int, Link]]:
    """Best one-to-one pairs between two small lists of (name, unit, aliases), strongest first.

    Used by diff to pair an old table with a new one; the crosswalk clusters many lists at once.
    """
    candidates = []
    for i, (form_a, unit_a, aliases_a) in enumerate(left):
        for j, (form_b, unit_b, aliases_b) in enumerate(right):
            link = matcher.compare(form_a, form_b, unit_a, unit_b, aliases_a, aliases_b)
            if link is not None:
                candidates.append((-link.score, not link.strong, i, j, link))
    candidates.sort(key=lambda c: c[:4])
    used_left, used_right, pairs = set(), set(), []
    for _, _, i, j, link in candidates:
        if i not in used_left and j not in used_right:
            used_left.add(i)
            used_right.add(j)
            pairs.append((i, j, link))
    return sorted(pairs)
