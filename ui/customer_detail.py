"""The customer detail pane: the profile form with messages beside invalid fields, contacts,
purchase history and the record's history."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from domain.customers import CREDIT_RATINGS
from domain.records import (
    CUSTOMER_TEXT_FIELDS,
    ContactRecord,
    CustomerRecord,
    OrderRecord,
    validate_contact,
    validate_customer,
    validate_order,
)
from domain.validation import Problem, parse_amount
from ui.labels import decision_role_names, event_names, money, problem_text, stance_names, status_names

_ERROR_STYLE = "color: #c0392b; font-size: 11px;"


class _FieldWithError(QWidget):
    """An editor with a message line under it, shown only while the value is invalid."""

    def __init__(self, editor: QWidget) -> None:
        super().__init__()
        self.editor = editor
        self.error = QLabel()
        self.error.setStyleSheet(_ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(editor)
        layout.addWidget(self.error)

    def set_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))


# One-line text fields; credit rating, business scope and notes have editors of their own.
_TEXT_FIELDS = tuple(f for f in CUSTOMER_TEXT_FIELDS if f not in ("credit_rating", "business_scope", "notes"))


class ContactDialog(QDialog):
    """Add or edit one contact; the dialog does not close while a field is invalid."""

    def __init__(self, contact: ContactRecord | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Contact"))
        self.contact = contact or ContactRecord(name="")
        form = QFormLayout(self)
        self.fields: dict[str, _FieldWithError] = {}
        self.name = QLineEdit(self.contact.name)
        self.title_edit = QLineEdit(self.contact.title)
        self.role = QComboBox()
        for code, text in decision_role_names().items():
            self.role.addItem(text, code)
        self.role.setCurrentIndex(max(0, self.role.findData(self.contact.decision_role)))
        self.stance = QComboBox()
        for code, text in stance_names().items():
            self.stance.addItem(text, code)
        self.stance.setCurrentIndex(max(0, self.stance.findData(self.contact.stance)))
        self.phone = QLineEdit(self.contact.phone)
        self.email = QLineEdit(self.contact.email)
        self.has_birthday = QCheckBox(self.tr("Known"))
        self.birthday = QDateEdit()
        self.birthday.setDisplayFormat("yyyy-MM-dd")
        self.birthday.setCalendarPopup(True)
        if self.contact.birthday:
            self.has_birthday.setChecked(True)
            self.birthday.setDate(QDate(self.contact.birthday))
        else:
            self.birthday.setDate(QDate(1980, 1, 1))
        self.notes = QPlainTextEdit(self.contact.personal_notes)
        self.notes.setMaximumHeight(80)
        for key, label, editor in (
            ("name", self.tr("Name"), self.name),
            ("title", self.tr("Title"), self.title_edit),
            ("decision_role", self.tr("Role in decision"), self.role),
            ("stance", self.tr("Stance"), self.stance),
            ("phone", self.tr("Phone"), self.phone),
            ("email", self.tr("E-mail"), self.email),
        ):
            self.fields[key] = _FieldWithError(editor)
            form.addRow(label, self.fields[key])
        birthday_row = QHBoxLayout()
        birthday_row.addWidget(self.has_birthday)
        birthday_row.addWidget(self.birthday)
        form.addRow(self.tr("Birthday"), birthday_row)
        form.addRow(self.tr("Personal notes"), self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def record(self) -> ContactRecord:
        return ContactRecord(
            name=self.name.text().strip(),
            title=self.title_edit.text().strip(),
            decision_role=self.role.currentData() or "",
            stance=self.stance.currentData() or "",
            phone=self.phone.text().strip(),
            email=self.email.text().strip(),
            birthday=self.birthday.date().toPython() if self.has_birthday.isChecked() else None,  # type: ignore[arg-type]
            personal_notes=self.notes.toPlainText().strip(),
            id=self.contact.id,
        )

    def accept(self) -> None:
        problems = validate_contact(self.record())
        for key, field in self.fields.items():
            field.set_error(problem_text(problems[key]) if key in problems else "")
        if not problems:
            super().accept()


class OrderDialog(QDialog):
    """Record one purchase: date, amount, product."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add order"))
        form = QFormLayout(self)
        self.order_date = QDateEdit(QDate.currentDate())
        self.order_date.setDisplayFormat("yyyy-MM-dd")
        self.order_date.setCalendarPopup(True)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText("0.00")
        self.amount_field = _FieldWithError(self.amount)
        self.product = QLineEdit()
        form.addRow(self.tr("Date"), self.order_date)
        form.addRow(self.tr("Amount (¥)"), self.amount_field)
        form.addRow(self.tr("Product"), self.product)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.result_order: OrderRecord | None = None

    def accept(self) -> None:
        text = self.amount.text().strip()
        amount, problem = parse_amount(text)
        if amount is None and problem is None:
            problem = Problem.REQUIRED
        order = OrderRecord(self.order_date.date().toPython(), amount or Decimal(0), self.product.text().strip())  # type: ignore[arg-type]
        problem = problem or validate_order(order).get("amount")
        self.amount_field.set_error(problem_text(problem) if problem else "")
        if problem is None:
            self.result_order = order
            super().accept()


class CustomerDetail(QWidget):
    """Edits one customer record; emits ``saveRequested`` with a valid record."""

    saveRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._record: CustomerRecord | None = None
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16px; font-weight: 600;")
        self.title.setWordWrap(True)
        self.tabs = QTabWidget()
        self.fields: dict[str, _FieldWithError] = {}
        self.tabs.addTab(self._build_profile(), self.tr("Profile"))
        self.tabs.addTab(self._build_contacts(), self.tr("Contacts"))
        self.tabs.addTab(self._build_orders(), self.tr("Orders"))
        self.history = QTableWidget(0, 3)
        self.history.setHorizontalHeaderLabels([self.tr("When"), self.tr("What"), self.tr("Detail")])
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.horizontalHeader().setStretchLastSection(True)
        self.tabs.addTab(self.history, self.tr("History"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.clicked.connect(lambda: self._record and self.show_record(self._record))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.setEnabled(False)

    # --- building ------------------------------------------------------------------
    def _build_profile(self) -> QWidget:
        labels = {
            "name": self.tr("Name"),
            "short_name": self.tr("Short name"),
            "industry": self.tr("Industry"),
            "size": self.tr("Company size"),
            "province": self.tr("Province"),
            "city": self.tr("City"),
            "district": self.tr("District"),
            "address": self.tr("Address"),
            "phone": self.tr("Phone"),
            "fax": self.tr("Fax"),
            "email": self.tr("E-mail"),
            "website": self.tr("Website"),
            "source": self.tr("Source"),
            "trade_terms": self.tr("Trade terms"),
        }
        form_widget = QWidget()
        form = QFormLayout(form_widget)
        self.editors: dict[str, QLineEdit] = {}
        for key in _TEXT_FIELDS:
            editor = QLineEdit()
            editor.setObjectName(f"field_{key}")
            self.editors[key] = editor
            self.fields[key] = _FieldWithError(editor)
            form.addRow(labels[key], self.fields[key])
        self.status = QComboBox()
        for code, text in status_names().items():
            self.status.addItem(text, code)
        self.fields["status"] = _FieldWithError(self.status)
        form.addRow(self.tr("Status"), self.fields["status"])
        self.likelihood = QSpinBox()
        self.likelihood.setRange(0, 100)
        self.likelihood.setSuffix(" %")
        self.fields["close_likelihood"] = _FieldWithError(self.likelihood)
        form.addRow(self.tr("Close likelihood"), self.fields["close_likelihood"])
        self.credit = QComboBox()
        self.credit.addItem("", "")
        for rating in CREDIT_RATINGS:
            self.credit.addItem(rating, rating)
        form.addRow(self.tr("Credit rating"), self.credit)
        self.owner = QComboBox()
        form.addRow(self.tr("Owner"), self.owner)
        self.member = QCheckBox(self.tr("Member"))
        form.addRow("", self.member)
        self.business_scope = QPlainTextEdit()
        self.business_scope.setMaximumHeight(60)
        form.addRow(self.tr("Business scope"), self.business_scope)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(80)
        form.addRow(self.tr("Notes"), self.notes)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_widget)
        return scroll

    def _build_contacts(self) -> QWidget:
        page = QWidget()
        self.contacts = QTableWidget(0, 5)
        self.contacts.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Title"), self.tr("Role in decision"), self.tr("Stance"), self.tr("Phone")]
        )
        self.contacts.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.contacts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.contacts.horizontalHeader().setStretchLastSection(True)
        self.contacts.doubleClicked.connect(self.edit_contact)
        add = QPushButton(self.tr("Add contact…"))
        add.clicked.connect(self.add_contact)
        edit = QPushButton(self.tr("Edit…"))
        edit.clicked.connect(self.edit_contact)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self.remove_contact)
        row = QHBoxLayout()
        for b in (add, edit, remove):
            row.addWidget(b)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.contacts)
        layout.addLayout(row)
        return page

    def _build_orders(self) -> QWidget:
        page = QWidget()
        self.orders = QTableWidget(0, 3)
        self.orders.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Amount (¥)"), self.tr("Product")])
        self.orders.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.orders.horizontalHeader().setStretchLastSection(True)
        add = QPushButton(self.tr("Add order…"))
        add.clicked.connect(self.add_order)
        self.orders_total = QLabel()
        row = QHBoxLayout()
        row.addWidget(add)
        row.addStretch(1)
        row.addWidget(self.orders_total)
        layout = QVBoxLayout(page)
        layout.addWidget(self.orders)
        layout.addLayout(row)
        return page

    # --- showing -------------------------------------------------------------------
    def set_owners(self, owners: list[tuple[int, str]]) -> None:
        self.owner.clear()
        self.owner.addItem(self.tr("(none)"), None)
        for rep_id, name in owners:
            self.owner.addItem(name, rep_id)

    def show_record(self, record: CustomerRecord, history: list[tuple[object, str, str]] | None = None) -> None:
        self._record = record
        self.setEnabled(True)
        self.title.setText(record.name or self.tr("New customer"))
        for key, editor in self.editors.items():
            editor.setText(getattr(record, key))
        for field in self.fields.values():
            field.set_error("")
        self.status.setCurrentIndex(max(0, self.status.findData(record.status)))
        self.likelihood.setValue(record.close_likelihood)
        self.credit.setCurrentIndex(max(0, self.credit.findData(record.credit_rating)))
        self.owner.setCurrentIndex(max(0, self.owner.findData(record.owner_id)))
        self.member.setChecked(record.is_member)
        self.business_scope.setPlainText(record.business_scope)
        self.notes.setPlainText(record.notes)
        self._contacts = list(record.contacts)
        self._new_orders: list[OrderRecord] = []
        self._fill_contacts()
        self._fill_orders()
        if history is not None:
            kinds = event_names()
            self.history.setRowCount(len(history))
            for r, (at, kind, detail) in enumerate(history):
                for c, text in enumerate((f"{at:%Y-%m-%d %H:%M}", kinds.get(kind, kind), detail)):
                    self.history.setItem(r, c, QTableWidgetItem(text))

    def clear(self) -> None:
        self._record = None
        self.title.setText("")
        self.setEnabled(False)

    def current_id(self) -> int | None:
        return self._record.id if self._record else None

    def _fill_contacts(self) -> None:
        roles, stances = decision_role_names(), stance_names()
        self.contacts.setRowCount(len(self._contacts))
        for r, c in enumerate(self._contacts):
            for col, text in enumerate(
                (c.name, c.title, roles.get(c.decision_role, ""), stances.get(c.stance, ""), c.phone)
            ):
                self.contacts.setItem(r, col, QTableWidgetItem(text))

    def _fill_orders(self) -> None:
        assert self._record is not None
        orders = sorted(self._record.orders + self._new_orders, key=lambda o: o.order_date, reverse=True)
        self.orders.setRowCount(len(orders))
        for r, o in enumerate(orders):
            amount = QTableWidgetItem(f"{o.amount:,.2f}")
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.orders.setItem(r, 0, QTableWidgetItem(o.order_date.isoformat()))
            self.orders.setItem(r, 1, amount)
            self.orders.setItem(r, 2, QTableWidgetItem(o.product))
        total = sum((o.amount for o in orders), Decimal(0))
        self.orders_total.setText(self.tr("Orders: {count}, ¥{total}").format(count=len(orders), total=money(total)))

    # --- editing -------------------------------------------------------------------
    def add_contact(self) -> None:
        dialog = ContactDialog(None, self)
        if dialog.exec():
            self._contacts.append(dialog.record())
            self._fill_contacts()

    def edit_contact(self) -> None:
        row = self.contacts.currentRow()
        if row < 0:
            return
        dialog = ContactDialog(self._contacts[row], self)
        if dialog.exec():
            self._contacts[row] = dialog.record()
            self._fill_contacts()

    def remove_contact(self) -> None:
        row = self.contacts.currentRow()
        if row >= 0:
            del self._contacts[row]
            self._fill_contacts()

    def add_order(self) -> None:
        dialog = OrderDialog(self)
        if dialog.exec() and dialog.result_order is not None:
            self._new_orders.append(dialog.result_order)
            self._fill_orders()

    def edited_record(self) -> CustomerRecord:
        assert self._record is not None
        record = CustomerRecord(
            **{key: editor.text().strip() for key, editor in self.editors.items()},
            credit_rating=self.credit.currentData() or "",
            business_scope=self.business_scope.toPlainText().strip(),
            status=self.status.currentData(),
            close_likelihood=self.likelihood.value(),
            is_member=self.member.isChecked(),
            notes=self.notes.toPlainText().strip(),
            owner_id=self.owner.currentData(),
            id=self._record.id,
        )
        record.contacts = list(self._contacts)
        record.orders = list(self._new_orders)
        return record

    def save(self) -> bool:
        """Validate; show each problem under its field; emit the record when all is well."""
        record = self.edited_record()
        problems = validate_customer(record)
        for key, field in self.fields.items():
            field.set_error(problem_text(problems[key]) if key in problems else "")
        if problems:
            first = next(iter(problems))
            if first in self.editors:
                self.tabs.setCurrentIndex(0)
                self.editors[first].setFocus()
            return False
        self.saveRequested.emit(record)
        return True
