"""Word segmentation of name cores with jieba and the domain dictionary.

jieba costs about a second to load its dictionary and prints progress to stderr, so it is imported
on the first call only (parsing never pays for it) with its logger silenced, and initialised once
per process with grammars/jieba_userdict.txt plus every spelling of the vocabulary, so a word
added to indicator_synonyms.yaml is also a word for the segmenter.
"""

from __future__ import annotations

import logging
import threading
from functools import lru_cache

from .. import grammar
from .vocab import vocabulary

_lock = threading.Lock()
_tokenizer = None


def _load():
    global _tokenizer
    with _lock:
        if _tokenizer is not None:
            return _tokenizer
        import jieba  # lazy: only the crosswalk and diff need it

        jieba.setLogLevel(logging.ERROR)
        logging.getLogger("jieba").setLevel(logging.ERROR)
        tokenizer = jieba.Tokenizer()
        tokenizer.initialize()
        userdict = grammar.path_of("jieba_userdict.txt")
        if userdict.exists():
            tokenizer.load_userdict(str(userdict))
        vocab = vocabulary()
        for spelling in (
            list(vocab.words) + [s for s, _ in vocab.heads] + list(vocab.synonyms.values())
        ):
            if len(spelling) > 1:
                tokenizer.add_word(spelling, freq=100_000)
        _tokenizer = tokenizer
        return tokenizer


@lru_cache(maxsize=200_000)
def words(text: str) -> tuple[str, ...]:
    """jieba words of `text` (no HMM guessing: unknown runs stay single characters, stably)."""
    if not text:
        return ()
    return tuple(w for w in _load().lcut(text, HMM=False) if w.strip())
