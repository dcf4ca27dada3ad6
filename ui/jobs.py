"""The one way the console runs long work: off the UI thread, with progress and Cancel.

Like Anki's ``QueryOp``: a function runs on a worker thread and receives a
``progress(done, total)`` callable; the result or the error comes back on the UI
thread.  Cancel makes the next ``progress`` call raise
:class:`storage.progress.JobCancelled`, so the job's transaction rolls back.
No page starts threads of its own.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from storage.progress import JobCancelled, Progress

log = logging.getLogger(__name__)
_RUNNING: set[QObject] = set()


class _Signals(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: _Signals, stop: threading.Event) -> None:
        super().__init__()
        self._fn = fn
        self._signals = signals
        self._stop = stop

    def _progress(self, done: int, total: int) -> None:
        if self._stop.is_set():
            raise JobCancelled()
        try:
            self._signals.progressed.emit(done, total)
        except RuntimeError:  # the window that asked is gone; finish quietly
            self._stop.set()
            raise JobCancelled() from None

    def run(self) -> None:
        try:
            result = self._fn(self._progress)
        except JobCancelled:
            self._emit(self._signals.cancelled)
        except Exception as exc:  # every error goes back to the UI thread, never a traceback to the user
            log.exception("Background job failed")
            self._emit(self._signals.failed, exc)
        else:
            self._emit(self._signals.succeeded, result)

    @staticmethod
    def _emit(signal: Any, *args: object) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the application is shutting down: nobody is left to tell
            log.info("A background job finished after the application closed")


class Job(QObject):
    """A running job; ``finished`` fires once, after success, failure or cancel."""

    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stop = threading.Event()
        self.done = False

    def cancel(self) -> None:
        self.stop.set()


def run_job(
    parent: QWidget,
    fn: Callable[[Progress], Any],
    *,
    on_success: Callable[[Any], None],
    on_failure: Callable[[Exception], None],
    on_cancel: Callable[[], None] | None = None,
    label: str | None = None,
) -> Job:
    """Run ``fn(progress)`` on the thread pool.

    With a ``label`` a window-modal progress dialog with Cancel appears after a
    short delay (quick jobs finish without flashing it); without one the job runs
    quietly, e.g. loading a page's data behind an already painted window.
    """
    job = Job(parent)
    # The signals object has no parent: it must outlive a window closed while the job runs,
    # and it lives on the UI thread so results arrive there.  _RUNNING keeps it alive.
    signals = _Signals()
    _RUNNING.add(signals)
    dialog: QProgressDialog | None = None
    if label is not None:
        dialog = QProgressDialog(label, QCoreApplication.translate("jobs", "Cancel"), 0, 0, parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(job.cancel)

        def show_progress(done: int, total: int) -> None:
            if dialog is not None and not job.stop.is_set():
                dialog.setMaximum(max(total, 0))
                dialog.setValue(min(done, total) if total else 0)

        signals.progressed.connect(show_progress)

    def alive() -> bool:
        return shiboken6.isValid(parent) and shiboken6.isValid(job)

    def finish() -> None:
        _RUNNING.discard(signals)
        if not alive():
            return
        job.done = True
        if dialog is not None:
            dialog.canceled.disconnect(job.cancel)
            dialog.close()
            dialog.deleteLater()
        job.finished.emit()

    def succeeded(result: Any) -> None:
        finish()
        if alive():
            on_success(result)

    def failed(exc: Exception) -> None:
        finish()
        if alive():
            on_failure(exc)

    def cancelled() -> None:
        finish()
        if on_cancel is not None and alive():
            on_cancel()

    signals.succeeded.connect(succeeded)
    signals.failed.connect(failed)
    signals.cancelled.connect(cancelled)
    QThreadPool.globalInstance().start(_Runnable(fn, signals, job.stop))
    return job


def export_workbook(
    parent: QWidget,
    path: str | None,
    *,
    title: str,
    default_name: str,
    write: Callable[[Path, Progress], int],
    done: Callable[[Path, int], None],
    label: str,
) -> Job | None:
    """Ask for an .xlsx path unless given one, then ``write(path, progress)`` as a job with Cancel.

    ``done(path, count)`` runs on the UI thread; a failure shows one message naming the file.
    """
    if not path:
        path, _filter = QFileDialog.getSaveFileName(
            parent, title, default_name, QCoreApplication.translate("jobs", "Excel workbook (*.xlsx)")
        )
        if not path:
            return None
    if not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    target = Path(path)

    def failed(exc: Exception) -> None:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("jobs", "Export failed"),
            QCoreApplication.translate("jobs", "{file} could not be written: {error}").format(
                file=target.name, error=exc
            ),
        )

    return run_job(
        parent,
        lambda progress: write(target, progress),
        on_success=lambda count: done(target, count),
        on_failure=failed,
        label=label,
    )
