"""Edit the classification thresholds and score weights (stored in the database, shared by its users)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from domain.customers import ClassificationSettings, ScoreWeights
from storage.db import Database
from storage.settings import load_classification, save_classification


def _percent(value: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0, 100)
    box.setDecimals(1)
    box.setSuffix(" %")
    box.setValue(value * 100)
    return box


def _money(value: Decimal) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0, 1e12)
    box.setDecimals(0)
    box.setSingleStep(10_000)
    box.setGroupSeparatorShown(True)
    box.setPrefix("¥ ")
    box.setValue(float(value))
    return box


class ClassificationDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Classification settings"))
        with db.transaction() as session:
            current = load_classification(session)
        layout = QVBoxLayout(self)

        abc = QGroupBox(self.tr("ABC by share of sales"))
        form = QFormLayout(abc)
        self.months = QSpinBox()
        self.months.setRange(1, 60)
        self.months.setSuffix(self.tr(" months"))
        self.a_share = _percent(current.abc_a_share)
        self.b_share = _percent(current.abc_b_share)
        form.addRow(self.tr("Trailing window"), self.months)
        form.addRow(self.tr("A: first share of sales"), self.a_share)
        form.addRow(self.tr("B: next share of sales"), self.b_share)
        layout.addWidget(abc)

        matrix = QGroupBox(self.tr("Value matrix (Star / Cow / Volcano / Dog)"))
        form = QFormLayout(matrix)
        self.amount_split = _money(current.value_amount_split)
        self.density_split = QDoubleSpinBox()
        self.density_split.setRange(0, 1000)
        self.density_split.setDecimals(1)
        self.density_split.setValue(current.value_density_split)
        form.addRow(self.tr("High purchase amount from"), self.amount_split)
        form.addRow(self.tr("High purchase density from (orders/year)"), self.density_split)
        layout.addWidget(matrix)

        grades = QGroupBox(self.tr("Grades"))
        form = QFormLayout(grades)
        self.medium = _money(current.closed_grade_bounds[0])
        self.large = _money(current.closed_grade_bounds[1])
        self.vip = _money(current.closed_grade_bounds[2])
        form.addRow(self.tr("Closed customers: medium from"), self.medium)
        form.addRow(self.tr("large from"), self.large)
        form.addRow(self.tr("VIP from"), self.vip)
        self.grade_a, self.grade_b, self.grade_c = (QSpinBox() for _ in range(3))
        for box, value in zip((self.grade_a, self.grade_b, self.grade_c), current.potential_grade_bounds, strict=True):
            box.setRange(0, 100)
            box.setSuffix(" %")
            box.setValue(value)
        form.addRow(self.tr("Potential customers: A from close likelihood"), self.grade_a)
        form.addRow(self.tr("B from"), self.grade_b)
        form.addRow(self.tr("C from (below is D)"), self.grade_c)
        layout.addWidget(grades)

        weights = QGroupBox(self.tr("Weighted score"))
        form = QFormLayout(weights)
        self.w_contribution, self.w_credit, self.w_loyalty, self.w_growth = (QDoubleSpinBox() for _ in range(4))
        w = current.weights
        for box, value, label in (
            (self.w_contribution, w.contribution, self.tr("Contribution")),
            (self.w_credit, w.credit, self.tr("Credit (payment punctuality)")),
            (self.w_loyalty, w.loyalty, self.tr("Loyalty")),
            (self.w_growth, w.growth, self.tr("Growth potential")),
        ):
            box.setRange(0, 100)
            box.setDecimals(2)
            box.setSingleStep(0.05)
            box.setValue(value)
            form.addRow(label, box)
        layout.addWidget(weights)

        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b;")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            lambda: self.show_settings(ClassificationSettings())
        )
        layout.addWidget(buttons)
        self.show_settings(current)

    def show_settings(self, s: ClassificationSettings) -> None:
        self.months.setValue(s.trailing_months)
        self.a_share.setValue(s.abc_a_share * 100)
        self.b_share.setValue(s.abc_b_share * 100)
        self.amount_split.setValue(float(s.value_amount_split))
        self.density_split.setValue(s.value_density_split)
        for box, value in zip((self.medium, self.large, self.vip), s.closed_grade_bounds, strict=True):
            box.setValue(float(value))
        for box, bound in zip((self.grade_a, self.grade_b, self.grade_c), s.potential_grade_bounds, strict=True):
            box.setValue(bound)
        for box, weight in zip(
            (self.w_contribution, self.w_credit, self.w_loyalty, self.w_growth),
            (s.weights.contribution, s.weights.credit, s.weights.loyalty, s.weights.growth),
            strict=True,
        ):
            box.setValue(weight)

    def settings(self) -> ClassificationSettings:
        return ClassificationSettings(
            trailing_months=self.months.value(),
            abc_a_share=round(self.a_share.value() / 100, 4),
            abc_b_share=round(self.b_share.value() / 100, 4),
            value_amount_split=Decimal(str(round(self.amount_split.value()))),
            value_density_split=self.density_split.value(),
            closed_grade_bounds=(
                Decimal(str(round(self.medium.value()))),
                Decimal(str(round(self.large.value()))),
                Decimal(str(round(self.vip.value()))),
            ),
            potential_grade_bounds=(self.grade_a.value(), self.grade_b.value(), self.grade_c.value()),
            weights=ScoreWeights(
                self.w_contribution.value(), self.w_credit.value(), self.w_loyalty.value(), self.w_growth.value()
            ),
        )

    def problem(self, s: ClassificationSettings) -> str:
        if s.abc_a_share + s.abc_b_share > 1:
            return self.tr("A and B shares together cannot exceed 100%.")
        medium, large, vip = s.closed_grade_bounds
        if not medium <= large <= vip:
            return self.tr("Grade thresholds must rise: medium ≤ large ≤ VIP.")
        a, b, c = s.potential_grade_bounds
        if not a >= b >= c:
            return self.tr("Close-likelihood thresholds must fall: A ≥ B ≥ C.")
        w = s.weights
        if w.contribution + w.credit + w.loyalty + w.growth <= 0:
            return self.tr("At least one score weight must be above zero.")
        return ""

    def accept(self) -> None:
        s = self.settings()
        problem = self.problem(s)
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        if problem:
            return
        with self.db.transaction() as session:
            save_classification(session, s)
        super().accept()
