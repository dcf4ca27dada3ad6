"""Exporting the customer register to a workbook, on a worker with progress."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from storage import customer_exchange as exchange
from storage.db import Database
from ui.jobs import Job, run_job
from ui.labels import ui_language


def export_customers(parent: QWidget, db: Database, path: str | None = None) -> Job | None:
    if not path:
        path, _filter = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("export", "Export customers"),
            QCoreApplication.translate("export", "customers.xlsx"),
            QCoreApplication.translate("export", "Excel workbook (*.xlsx)"),
        )
        if not path:
            return None
    if not path.lower().endswith(".xlsx"):
        path += ".xlsx"
    target = Path(path)
    language = ui_language()

    def done(count: int) -> None:
        window = parent.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(
                QCoreApplication.translate("export", "Customers exported to {file}: {count}.").format(
                    count=count, file=target.name
                ),
                10_000,
            )

    def failed(exc: Exception) -> None:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("export", "Export failed"),
            QCoreApplication.translate("export", "{file} could not be written: {error}").format(
                file=target.name, error=exc
            ),
        )

    return run_job(
        parent,
        lambda progress: exchange.export_customers(db, target, language=language, progress=progress),
        on_success=done,
        on_failure=failed,
        label=QCoreApplication.translate("export", "Exporting customers…"),
    )
