"""Headless commands of each register (``uv run app.py import|export|report|print …``).

Each function takes the open database and the parsed arguments and returns the exit code:
0 on success, non-zero with one translated line on stderr.  app.py dispatches to them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication

from storage.exchange import ImportFailed, UnreadableFile
from ui.import_messages import describe_issue

S = TypeVar("S")


def fail(message: str) -> int:
    """Print one line on stderr and return the exit code of a failed command."""
    print(message, file=sys.stderr)
    return 1


def run_import(path: Path, do_import: Callable[[], S], describe: Callable[[S], str]) -> int:
    """Run an all-or-nothing import; print its summary, or the one line saying why nothing changed."""
    try:
        summary = do_import()
    except UnreadableFile as exc:
        return fail(
            QCoreApplication.translate("headless", "{file}: cannot be read: {reason}").format(
                file=path.name, reason=exc.reason
            )
        )
    except ImportFailed as exc:
        return fail(
            QCoreApplication.translate(
                "headless", "{file}: {count} problems, nothing imported. First: {problem}"
            ).format(file=path.name, count=len(exc.issues), problem=describe_issue(exc.issues[0]))
        )
    print(path.name + ": " + describe(summary))
    return 0
