"""Candidate pairs for fuzzy scoring, without comparing every name with every other.

Names are first grouped into blocks by measure head and discriminating tokens (only names of one
block can link), then inside a block only names sharing a jieba word of their cores are paired.
A word shared by a large part of a big block (儿童, 服务) proposes nothing: it would bring back
the all-pairs cost without telling measures apart.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from .names import NameForm
from .vocab import Settings
from .words import words


def candidate_pairs(forms: Sequence[NameForm], settings: Settings) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) of distinct-key names worth scoring; each pair is yielded once."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, form in enumerate(forms):
        if len(form.core) >= settings.min_fuzzy_chars:
            blocks[form.block].append(index)
    for members in blocks.values():
        if len(members) < 2:
            continue
        postings: dict[str, list[int]] = defaultdict(list)
        for index in members:
            for word in set(words(forms[index].core)):
                postings[word].append(index)
        limit = max(settings.min_common_words, int(settings.max_word_share * len(members)))
        seen: set[tuple[int, int]] = set()
        for indices in postings.values():
            if len(indices) < 2 or len(indices) > limit:
                continue
            for x, i in enumerate(indices):
                for j in indices[x + 1 :]:
                    pair = (i, j) if i < j else (j, i)
                    if pair not in seen:
                        seen.add(pair)
                        yield pair
