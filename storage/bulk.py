"""Bulk work over tens of thousands of rows (an import, a month's ledger) without the pauses of
Python's cyclic garbage collector.

CPython runs its collector whenever enough container objects (lists, tuples, dicts, dataclass
instances) have been created since the last run, and every so often a full collection walks
every live object.  While an import turns a 100,000-row sheet into person-days, the sheet's own
rows are a few hundred thousand live objects, so the collector ran dozens of times and cost as
much as the work itself.  Reference counting still frees everything as usual during a pause; only
reference cycles wait for the collector's next run after it.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block.  Nested blocks, and blocks running at the
    same time in other threads, share one pause; the collector runs again after the last ends (if
    it was running before the first began)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
