"""The cyclic garbage collector, asked to run less often while a document is parsed.

A parse builds a few hundred thousand small objects (a PDF's characters, its lines and cells,
blocks, the record's nodes) that stay alive until the parse ends and are then freed by reference
counting; it makes almost no cyclic garbage. At CPython's default thresholds the collector walks
them again and again: on the PDF renditions a tenth of the whole parse went to collections,
most of it to full ones that freed nothing. While any parse runs in the process, the youngest
generation is collected after `_YOUNG` allocations instead of 700, which leaves full collections
rare; the thresholds are put back when the last parse ends. A collector switched off
(threshold 0) or set higher by the application is left as it is.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# The youngest generation's threshold during a parse. The cost of a collection is mostly cache
# misses over the objects it walks, which instruction counts (valgrind) do not show: timed with
# `gc.callbacks` on the PDF renditions, collections took 35 ms a pass at 20,000 and 8 ms at
# 100,000 (most of it the one collection after each parse); 200,000 gained nothing more. The
# cyclic garbage that can wait stays bounded at about a hundred thousand objects, some megabytes.
_YOUNG = 100_000


class _Pause:
    """The parses running now, and the thresholds to put back when none is left."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.running = 0
        self.saved: tuple[int, int, int] = gc.get_threshold()


_pause = _Pause()


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Raise the collector's youngest threshold for the body of the `with`, nesting and
    threads allowed."""
    with _pause.lock:
        if _pause.running == 0:
            _pause.saved = gc.get_threshold()
            young, *older = _pause.saved
            if young:
                gc.set_threshold(max(young, _YOUNG), *older)
        _pause.running += 1
    try:
        yield
    finally:
        with _pause.lock:
            _pause.running -= 1
            if _pause.running == 0:
                gc.set_threshold(*_pause.saved)
