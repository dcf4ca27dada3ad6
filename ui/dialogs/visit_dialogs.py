"""Dialogs of the visit planner: the planner's settings, adding a visit by hand, and recording how
a visit went (which creates the visit activity)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from domain.visits import CLASS_KEYS, Frequency, VisitSettings
from ui.labels import value_class_names
from widgets.pinyin_completer import PinyinCompleter


def frequency_names() -> dict[Frequency, str]:
    return {
        Frequency.WEEKLY: QCoreApplication.translate("visits", "Weekly"),
        Frequency.TWICE_MONTHLY: QCoreApplication.translate("visits", "Twice a month"),
        Frequency.MONTHLY: QCoreApplication.translate("visits", "Monthly"),
        Frequency.BIMONTHLY: QCoreApplication.translate("visits", "Every two months"),
        Frequency.QUARTERLY: QCoreApplication.translate("visits", "Quarterly"),
        Frequency.NEVER: QCoreApplication.translate("visits", "Not on a schedule"),
    }


def class_name(key: str) -> str:
    """A class key (A, B, C, star, cow …) as the user reads it."""
    return value_class_names().get(key, key)


def _lay_out(dialog: QDialog, form: QFormLayout, confirm: QDialogButtonBox.StandardButton) -> QLabel:
    """The form, a red line for what is wrong, and confirm / Cancel; returns the red line."""
    error = QLabel()
    error.setStyleSheet("color: #c9302c;")
    buttons = QDialogButtonBox(confirm | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(error)
    layout.addWidget(buttons)
    return error


class VisitSettingsDialog(QDialog):
    """Visit frequency per class, daily cap, planned share and the contract minimum."""

    def __init__(self, settings: VisitSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Visit planning settings"))
        self._settings = settings
        form = QFormLayout()
        self.frequency: dict[str, QComboBox] = {}
        names = frequency_names()
        for key in CLASS_KEYS:
            combo = QComboBox()
            combo.setObjectName(f"frequency_{key}")
            for frequency, text in names.items():
                combo.addItem(text, frequency.value)
            combo.setCurrentIndex(combo.findData(settings.frequencies.get(key, Frequency.NEVER).value))
            label = self.tr("Class {name}").format(name=class_name(key))
            form.addRow(label, combo)
            self.frequency[key] = combo
        self.cap = QSpinBox()
        self.cap.setObjectName("daily_cap")
        self.cap.setRange(1, 20)
        self.cap.setValue(settings.daily_cap)
        self.cap.setSuffix(self.tr(" visits a day"))
        self.share = QDoubleSpinBox()
        self.share.setObjectName("planned_share")
        self.share.setRange(10, 100)
        self.share.setDecimals(0)
        self.share.setSuffix(" %")
        self.share.setValue(round(settings.planned_share * 100))
        self.contract = QSpinBox()
        self.contract.setObjectName("contract_days")
        self.contract.setRange(7, 366)
        self.contract.setValue(settings.contract_contact_days)
        self.contract.setSuffix(self.tr(" days"))
        form.addRow(self.tr("Daily cap"), self.cap)
        form.addRow(self.tr("Share of capacity planned"), self.share)
        form.addRow(self.tr("Contact customers under contract at least every"), self.contract)
        note = QLabel(
            self.tr(
                "A customer in several classes is visited at the most frequent of them. The rest of "
                "the capacity is left to the rep's own judgement."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    @property
    def settings(self) -> VisitSettings:
        return VisitSettings(
            frequencies={key: Frequency(combo.currentData()) for key, combo in self.frequency.items()},
            daily_cap=self.cap.value(),
            planned_share=self.share.value() / 100,
            contract_contact_days=self.contract.value(),
            kit=self._settings.kit,
        )


class AddVisitDialog(QDialog):
    """A visit added by hand: customer (type a name or its pinyin), day and purpose."""

    def __init__(self, customers: list[tuple[int, str, str]], day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a visit"))
        self._customers = customers
        self.customer = QComboBox()
        self.customer.setObjectName("visit_customer")
        self.customer.setEditable(True)
        self.customer.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for cid, name, _keys in customers:
            self.customer.addItem(name, cid)
        completer = PinyinCompleter(self)
        completer.set_choices([(name, keys) for _cid, name, keys in customers])
        self.customer.setCompleter(completer)
        self.day = QDateEdit(QDate(day.year, day.month, day.day))
        self.day.setObjectName("visit_day")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.purpose = QLineEdit()
        self.purpose.setObjectName("visit_purpose")
        self.purpose.setPlaceholderText(self.tr("e.g. present the new price list"))
        form = QFormLayout()
        form.addRow(self.tr("Customer"), self.customer)
        form.addRow(self.tr("Day"), self.day)
        form.addRow(self.tr("Purpose"), self.purpose)
        self.error = _lay_out(self, form, QDialogButtonBox.StandardButton.Ok)

    def customer_id(self) -> int | None:
        index = self.customer.findText(self.customer.currentText().strip())
        return self.customer.itemData(index) if index >= 0 else None

    def chosen_day(self) -> date:
        return self.day.date().toPython()  # type: ignore[no-any-return]

    def accept(self) -> None:
        if self.customer_id() is None:
            self.error.setText(self.tr("Choose one of the rep's customers from the list."))
            return
        super().accept()


class VisitOutcomeDialog(QDialog):
    """How a visit went: time spent, outcome, next step; saving creates the visit activity."""

    def __init__(self, customer: str, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Visit outcome: {customer}").format(customer=customer))
        self.start = QTimeEdit(QTime(10, 0))
        self.start.setObjectName("outcome_start")
        self.start.setDisplayFormat("HH:mm")
        self.minutes = QSpinBox()
        self.minutes.setObjectName("outcome_minutes")
        self.minutes.setRange(5, 12 * 60)
        self.minutes.setSingleStep(15)
        self.minutes.setValue(60)
        self.minutes.setSuffix(self.tr(" min"))
        self.outcome = QPlainTextEdit()
        self.outcome.setObjectName("outcome_text")
        self.outcome.setPlaceholderText(self.tr("What the customer said, needs, objections, agreements"))
        self.next_step = QLineEdit()
        self.next_step.setObjectName("outcome_next_step")
        form = QFormLayout()
        form.addRow(self.tr("Day"), QLabel(day.isoformat()))
        form.addRow(self.tr("Start"), self.start)
        form.addRow(self.tr("Time spent"), self.minutes)
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("Next step"), self.next_step)
        self.error = _lay_out(self, form, QDialogButtonBox.StandardButton.Save)

    def set_recorded(self, start: str, minutes: int, outcome: str, next_step: str) -> None:
        """Fill the form with what was recorded before."""
        if start:
            self.start.setTime(QTime.fromString(start, "HH:mm"))
        self.minutes.setValue(minutes)
        self.outcome.setPlainText(outcome)
        self.next_step.setText(next_step)

    def accept(self) -> None:
        if not self.outcome.toPlainText().strip():
            self.error.setText(self.tr("Write what came out of the visit."))
            return
        super().accept()
