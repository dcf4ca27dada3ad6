"""How long storage work reports progress and learns it was cancelled, without knowing about Qt.

A job receives a ``progress(done, total)`` callable.  The UI's job runner passes one
that raises :class:`JobCancelled` once the user pressed Cancel; the job lets it
propagate, so its transaction rolls back and the database stays as it was.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]


class JobCancelled(Exception):
    """The user cancelled; nothing was written."""


def no_progress(_done: int, _total: int) -> None:
    """The progress callable of headless runs: reports nowhere, never cancels."""
