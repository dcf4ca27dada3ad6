"""The import wizard, shared by every register: pick a file and sheet, check the detected header
and column mapping on a preview, then import all rows or none.

A register configures it with an :class:`ImportSpec`; customers are the first.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from storage import customer_exchange as exchange
from storage.db import Database
from storage.excel.reader import column_letter, forget_parsed
from storage.exchange import ImportFailed, UnreadableFile
from storage.progress import Progress
from ui.import_messages import describe_issue
from ui.jobs import run_job
from ui.labels import customer_field_names

log = logging.getLogger(__name__)


@dataclass
class ImportSpec:
    """What differs between registers: the title, the fields, and the two storage calls."""

    title: str
    fields: list[tuple[str, str]]
    preview: Callable[[Path, str | None, int | None], Any]
    apply: Callable[[Database, Path, str, int, dict[int, str | None], Progress], Any]
    describe_summary: Callable[[Any], str] | None = None
    """The sentence shown after a successful import; default: created / updated / unchanged."""


def customer_spec() -> ImportSpec:
    names = customer_field_names()
    return ImportSpec(
        title=QCoreApplication.translate("ImportDialog", "Import customers"),
        fields=[(key, names.get(key, label)) for key, label in exchange.field_labels("en")],
        preview=lambda path, sheet, header: exchange.preview_import(path, sheet=sheet, header_row=header),
        apply=lambda db, path, sheet, header, mapping, progress: exchange.import_customers(
            db, path, sheet, header, mapping, progress=progress
        ),
    )


class ImportDialog(QDialog):
    imported = Signal(object)

    def __init__(
        self, db: Database, parent: QWidget | None = None, path: str | None = None, spec: ImportSpec | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.spec = spec or customer_spec()
        self.setWindowTitle(self.spec.title)
        self.resize(960, 640)
        self.preview: Any = None
        self.result_summary: Any = None

        self.path = QLineEdit()
        self.path.setReadOnly(True)
        browse = QPushButton(self.tr("Choose file…"))
        browse.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        self.sheet = QComboBox()
        self.sheet.setObjectName("import_sheet")
        self.sheet.activated.connect(lambda _i: self.load_preview(sheet=self.sheet.currentText()))
        self.header_row = QSpinBox()
        self.header_row.setRange(1, 50)
        self.header_row.setObjectName("import_header_row")
        self.header_row.editingFinished.connect(
            lambda: self.load_preview(sheet=self.sheet.currentText(), header=self.header_row.value() - 1)
        )
        form = QFormLayout()
        form.addRow(self.tr("File"), file_row)
        form.addRow(self.tr("Sheet"), self.sheet)
        form.addRow(self.tr("Header row"), self.header_row)

        self.mapping_model = QStandardItemModel(0, 4, self)
        self.mapping_model.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Header in the file"), self.tr("First value"), self.tr("Import as")]
        )
        self.mapping_view = QTableView()
        self.mapping_view.setObjectName("import_mapping")
        self.mapping_view.setModel(self.mapping_model)
        self.mapping_view.verticalHeader().hide()
        self.mapping_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.combos: dict[int, QComboBox] = {}

        self.preview_model = QStandardItemModel(self)
        self.preview_view = QTableView()
        self.preview_view.setModel(self.preview_model)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.issues = QListWidget()
        self.issues.setObjectName("import_issues")
        self.issues.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Columns (change “Import as” where the guess is wrong):")))
        layout.addWidget(self.mapping_view, 2)
        layout.addWidget(QLabel(self.tr("First rows:")))
        layout.addWidget(self.preview_view, 2)
        layout.addWidget(self.summary)
        layout.addWidget(self.issues, 1)
        layout.addWidget(self.buttons)
        if path:
            self.set_file(path)

    def done(self, result: int) -> None:
        # The reader keeps the last parsed workbook for the import that usually follows a preview.
        forget_parsed()
        super().done(result)

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a workbook"), "", self.tr("Excel workbooks (*.xlsx *.xlsm *.xls)")
        )
        if path:
            self.set_file(path)

    def set_file(self, path: str) -> None:
        self.path.setText(path)
        self.load_preview()

    def load_preview(self, sheet: str | None = None, header: int | None = None) -> None:
        path = Path(self.path.text())
        self.issues.hide()
        try:
            preview = self.spec.preview(path, sheet, header)
        except UnreadableFile as exc:
            self.preview = None
            self.import_button.setEnabled(False)
            self.summary.setText(self.tr("{file} cannot be read: {reason}").format(file=path.name, reason=exc.reason))
            return
        self.preview = preview
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(list(preview.sheets))
        self.sheet.setCurrentText(preview.sheet)
        self.sheet.blockSignals(False)
        self.header_row.blockSignals(True)
        self.header_row.setValue(preview.header_row + 1)
        self.header_row.blockSignals(False)
        self._fill_mapping()
        self._fill_preview()
        mapped = sum(1 for f in preview.mapping.values() if f)
        self.summary.setText(
            self.tr("{rows} data rows on sheet “{sheet}”; {mapped} columns recognised.").format(
                rows=preview.total_rows, sheet=preview.sheet, mapped=mapped
            )
        )
        self.import_button.setEnabled(preview.total_rows > 0 and mapped > 0)

    def _fill_mapping(self) -> None:
        preview = self.preview
        self.mapping_model.removeRows(0, self.mapping_model.rowCount())
        self.combos.clear()
        for column, header in enumerate(preview.headers):
            first = next(
                (row[column] for row in preview.rows if column < len(row) and row[column] not in (None, "")), ""
            )
            items = [
                QStandardItem(column_letter(column)),
                QStandardItem(str(header or "")),
                QStandardItem(str(first)),
                QStandardItem(),
            ]
            for item in items:
                item.setEditable(False)
            self.mapping_model.appendRow(items)
            combo = QComboBox()
            combo.addItem(self.tr("(do not import)"), None)
            for key, label in self.spec.fields:
                combo.addItem(label, key)
            combo.setCurrentIndex(max(0, combo.findData(preview.mapping.get(column))))
            self.combos[column] = combo
            self.mapping_view.setIndexWidget(self.mapping_model.index(column, 3), combo)

    def _fill_preview(self) -> None:
        preview = self.preview
        self.preview_model.clear()
        self.preview_model.setHorizontalHeaderLabels(
            [str(h or column_letter(i)) for i, h in enumerate(preview.headers)]
        )
        for row in preview.rows[:20]:
            items = [QStandardItem("" if v is None else str(v)) for v in row]
            for item in items:
                item.setEditable(False)
            self.preview_model.appendRow(items)

    def mapping(self) -> dict[int, str | None]:
        return {column: combo.currentData() for column, combo in self.combos.items()}

    def start_import(self) -> None:
        if self.preview is None:
            return
        path, sheet, header, mapping = (
            Path(self.path.text()),
            self.preview.sheet,
            self.preview.header_row,
            self.mapping(),
        )
        self.import_button.setEnabled(False)
        self.issues.hide()
        run_job(
            self,
            lambda progress: self.spec.apply(self.db, path, sheet, header, mapping, progress),
            on_success=self._imported,
            on_failure=self._failed,
            on_cancel=self._cancelled,
            label=self.tr("Importing {file}…").format(file=path.name),
        )

    def _imported(self, summary: Any) -> None:
        self.result_summary = summary
        if self.spec.describe_summary is not None:
            self.summary.setText(self.spec.describe_summary(summary))
        else:
            self.summary.setText(
                self.tr("Imported: {created} created, {updated} updated, {unchanged} unchanged.").format(
                    created=summary.created, updated=summary.updated, unchanged=summary.unchanged
                )
            )
        self.buttons.clear()
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.accept)
        self.imported.emit(summary)

    def _failed(self, exc: Exception) -> None:
        self.import_button.setEnabled(True)
        if isinstance(exc, ImportFailed):
            self.summary.setText(
                self.tr(
                    "{count} problems found in {file}. Nothing was imported; correct the file and try again."
                ).format(count=len(exc.issues), file=Path(self.path.text()).name)
            )
            self.issues.clear()
            self.issues.addItems([describe_issue(issue) for issue in exc.issues[:500]])
            self.issues.show()
        elif isinstance(exc, UnreadableFile):
            self.summary.setText(self.tr("The file cannot be read: {reason}").format(reason=exc.reason))
        else:
            self.summary.setText(self.tr("The import failed and nothing was changed: {error}").format(error=exc))

    def _cancelled(self) -> None:
        self.import_button.setEnabled(True)
        self.summary.setText(self.tr("Import cancelled. Nothing was changed."))
