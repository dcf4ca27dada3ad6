"""Likely duplicate customers in pairs; merge one into the other or dismiss the pair."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from domain.duplicates import DuplicatePair, Reason, find_duplicates
from storage import customers as repo
from storage.db import Database
from ui.jobs import run_job


class DuplicatesDialog(QDialog):
    merged = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Duplicate customers"))
        self.resize(900, 520)
        self.pairs: list[DuplicatePair] = []
        self.names: dict[int, str] = {}
        self.similarity = QDoubleSpinBox()
        self.similarity.setRange(50, 100)
        self.similarity.setValue(85)
        self.similarity.setSuffix(" %")
        refresh = QPushButton(self.tr("Search again"))
        refresh.clicked.connect(self.search)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Names at least this similar:")))
        top.addWidget(self.similarity)
        top.addWidget(refresh)
        top.addStretch(1)
        self.status = QLabel()
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("duplicate_pairs")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Customer"), self.tr("Possible duplicate"), self.tr("Why"), self.tr("Similarity")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 280)
        self.table.setColumnWidth(1, 280)
        self.table.setColumnWidth(2, 200)
        self.keep_first = QPushButton(self.tr("Keep left, merge right into it"))
        self.keep_second = QPushButton(self.tr("Keep right, merge left into it"))
        self.dismiss = QPushButton(self.tr("Not duplicates"))
        self.keep_first.clicked.connect(lambda: self.merge_current(keep_first=True))
        self.keep_second.clicked.connect(lambda: self.merge_current(keep_first=False))
        self.dismiss.clicked.connect(self.dismiss_current)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for b in (self.keep_first, self.keep_second, self.dismiss):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.search()

    def _reason_names(self) -> dict[Reason, str]:
        return {
            Reason.SAME_NAME: self.tr("same name"),
            Reason.SIMILAR_NAME: self.tr("similar name"),
            Reason.SAME_PHONE: self.tr("same phone"),
            Reason.SAME_EMAIL: self.tr("same e-mail"),
        }

    def search(self) -> None:
        self.status.setText(self.tr("Searching…"))
        threshold = self.similarity.value()

        def work(_progress):  # type: ignore[no-untyped-def]
            with self.db.transaction() as session:
                candidates = repo.duplicate_candidates(session)
            names = {c.customer_id: c.name for c in candidates}
            return find_duplicates(candidates, threshold), names

        run_job(self, work, on_success=self._found, on_failure=lambda exc: self.status.setText(str(exc)))

    def _found(self, result: tuple[list[DuplicatePair], dict[int, str]]) -> None:
        self.pairs, self.names = result
        self._fill()

    def _fill(self) -> None:
        reasons = self._reason_names()
        self.table.setRowCount(len(self.pairs))
        for row, pair in enumerate(self.pairs):
            cells = (
                f"{self.names.get(pair.first_id, '')}  (#{pair.first_id})",
                f"{self.names.get(pair.second_id, '')}  (#{pair.second_id})",
                ", ".join(reasons[r] for r in pair.reasons),
                f"{pair.similarity:.0f} %",
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row)
                self.table.setItem(row, column, item)
        self.status.setText(self.tr("Likely duplicate pairs: {count}.").format(count=len(self.pairs)))
        if self.pairs:
            self.table.selectRow(0)
        for b in (self.keep_first, self.keep_second, self.dismiss):
            b.setEnabled(bool(self.pairs))

    def merge_current(self, keep_first: bool) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        pair = self.pairs[row]
        keep, drop = (pair.first_id, pair.second_id) if keep_first else (pair.second_id, pair.first_id)
        answer = QMessageBox.question(
            self,
            self.tr("Merge customers"),
            self.tr("Move the contacts, orders and history of “{drop}” to “{keep}” and retire “{drop}”?").format(
                drop=self.names.get(drop, ""), keep=self.names.get(keep, "")
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.merge(keep, drop)

    def merge(self, keep: int, drop: int) -> None:
        with self.db.transaction() as session:
            repo.merge(session, keep, drop)
        # Pairs that named the retired record now concern the kept one or vanish.
        self.pairs = [p for p in self.pairs if drop not in (p.first_id, p.second_id)]
        self._fill()
        self.merged.emit()

    def dismiss_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            del self.pairs[row]
            self._fill()
