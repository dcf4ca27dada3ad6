"""Dialogs of the competitor intelligence page: add an intelligence entry, record a price sighting."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from domain.competitors import Category, Reliability, Source
from storage.competitors import EntryRecord
from ui.battlecard import category_word, reliability_word
from ui.labels import ui_language


def source_names() -> dict[str, str]:
    from domain.competitors import SOURCE_CHINESE, SOURCE_ENGLISH

    words = SOURCE_CHINESE if ui_language() == "zh" else SOURCE_ENGLISH
    return {s.value: w for s, w in words.items()}


def _date_edit(parent: QWidget, day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def _picked(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class IntelligenceEntryDialog(QDialog):
    """Record one piece of competitor intelligence (竞争对手情报)."""

    def __init__(
        self,
        competitors: Sequence[tuple[int, str]],
        competitor_id: int | None,
        parent: QWidget | None = None,
        existing: EntryRecord | None = None,
    ) -> None:
        super().__init__(parent)
        self.existing = existing
        self.setWindowTitle(self.tr("Edit intelligence entry") if existing else self.tr("Add intelligence entry"))
        language = ui_language()
        form = QFormLayout(self)
        self.competitor = QComboBox(self)
        for cid, name in competitors:
            self.competitor.addItem(name, cid)
        if competitor_id is not None:
            self.competitor.setCurrentIndex(max(0, self.competitor.findData(competitor_id)))
        self.observed_on = _date_edit(self, date.today())
        self.category = QComboBox(self)
        for category in Category:
            self.category.addItem(category_word(category.value, language), category.value)
        self.source = QComboBox(self)
        self.source.addItem(self.tr("(not given)"), "")
        for code, name in source_names().items():
            self.source.addItem(name, code)
        self.reliability = QComboBox(self)
        for reliability in Reliability:
            self.reliability.addItem(reliability_word(reliability.value, language), reliability.value)
        self.reliability.setCurrentIndex(self.reliability.findData(Reliability.PROBABLE.value))
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(self.tr("What was seen or heard, by whom, where"))
        form.addRow(self.tr("Competitor"), self.competitor)
        form.addRow(self.tr("Date"), self.observed_on)
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Source"), self.source)
        form.addRow(self.tr("Reliability"), self.reliability)
        form.addRow(self.tr("Intelligence"), self.text)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        if existing is not None:
            self._show(existing)

    def _show(self, record: EntryRecord) -> None:
        self.competitor.setCurrentIndex(max(0, self.competitor.findData(record.competitor_id)))
        day = record.observed_on
        self.observed_on.setDate(QDate(day.year, day.month, day.day))
        self.category.setCurrentIndex(self.category.findData(record.category.value))
        self.source.setCurrentIndex(max(0, self.source.findData(record.source.value if record.source else "")))
        self.reliability.setCurrentIndex(self.reliability.findData(record.reliability.value))
        self.text.setPlainText(record.text)

    def _accept(self) -> None:
        if self.text.toPlainText().strip() and self.competitor.currentData() is not None:
            self.accept()
        else:
            self.text.setFocus()

    def record(self) -> EntryRecord:
        source = self.source.currentData()
        existing = self.existing
        return EntryRecord(
            id=existing.id if existing else None,
            competitor_id=int(self.competitor.currentData()),
            observed_on=_picked(self.observed_on),
            category=Category(self.category.currentData()),
            text=self.text.toPlainText().strip(),
            source=Source(source) if source else None,
            reliability=Reliability(self.reliability.currentData()),
            recorded_by_id=existing.recorded_by_id if existing else None,
            customer_ids=existing.customer_ids if existing else (),
        )


class PriceObservationDialog(QDialog):
    """Record a price the competitor quoted or sold at (价格监测)."""

    def __init__(self, products: Sequence[str], parent: QWidget | None = None, ours: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Our list price") if ours else self.tr("Record a price"))
        form = QFormLayout(self)
        self.product = QComboBox(self)
        self.product.setEditable(True)
        self.product.addItems(list(products))
        self.observed_on = _date_edit(self, date.today())
        self.price = QDoubleSpinBox(self)
        self.price.setRange(0, 1e10)
        self.price.setDecimals(2)
        self.price.setPrefix("¥")
        self.note = QLineEdit(self)
        form.addRow(self.tr("Product"), self.product)
        form.addRow(self.tr("Valid from") if ours else self.tr("Date"), self.observed_on)
        form.addRow(self.tr("Price (yuan)"), self.price)
        if not ours:  # our list price needs no note: it is our own price book
            form.addRow(self.tr("Note"), self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def _accept(self) -> None:
        if self.product.currentText().strip() and self.price.value() > 0:
            self.accept()

    def values(self) -> tuple[str, date, int, str]:
        """(product, date, price in fen, note)."""
        return (
            self.product.currentText().strip(),
            _picked(self.observed_on),
            round(self.price.value() * 100),
            self.note.text().strip(),
        )


class RepObservationDialog(QDialog):
    """Record a sighting of the competitor's rep at one of our customers (对手业务员动向)."""

    def __init__(self, customers: Sequence[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record a rep sighting"))
        form = QFormLayout(self)
        self.customer = QComboBox(self)
        self.customer.setEditable(True)
        self.customer.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for cid, name in customers:
            self.customer.addItem(name, cid)
        completer = self.customer.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.observed_on = _date_edit(self, date.today())
        self.visits = QSpinBox(self)
        self.visits.setRange(0, 60)
        self.stay = QSpinBox(self)
        self.stay.setRange(0, 24 * 60)
        self.stay.setSuffix(self.tr(" min"))
        self.met_whom = QLineEdit(self)
        self.topic = QLineEdit(self)
        self.dealer_promotion = QCheckBox(self.tr("Promoting through a dealer"), self)
        form.addRow(self.tr("Customer"), self.customer)
        form.addRow(self.tr("Date"), self.observed_on)
        form.addRow(self.tr("Visits a month"), self.visits)
        form.addRow(self.tr("Stay"), self.stay)
        form.addRow(self.tr("Met"), self.met_whom)
        form.addRow(self.tr("Topic"), self.topic)
        form.addRow(self.dealer_promotion)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def customer_id(self) -> int | None:
        index = self.customer.findText(self.customer.currentText().strip())
        return None if index < 0 else int(self.customer.itemData(index))

    def _accept(self) -> None:
        if self.customer_id() is not None:
            self.accept()

    def values(self) -> dict[str, object]:
        """Keyword arguments for :func:`storage.competitors.add_rep_observation` (without the competitor)."""
        return {
            "customer_id": self.customer_id(),
            "observed_on": _picked(self.observed_on),
            "visits_per_month": self.visits.value() or None,
            "stay_minutes": self.stay.value() or None,
            "met_whom": self.met_whom.text().strip(),
            "topic": self.topic.text().strip(),
            "dealer_promotion": self.dealer_promotion.isChecked(),
        }
