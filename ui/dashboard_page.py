"""The Dashboard page: the week at a glance across registers, each tile a link to its register."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from domain.dashboard import WeekGlance
from storage.dashboard import week_glance
from storage.db import Database
from ui.jobs import run_job
from ui.labels import ui_language


def short_money(fen: int) -> str:
    """Magnitudes as a manager says them: ¥1,234.5万 in Chinese, ¥12.35M in English."""
    yuan = fen / 100
    if ui_language() == "zh":
        if abs(yuan) >= 10_000:
            return f"¥{yuan / 10_000:,.1f}万"
        return f"¥{yuan:,.0f}"
    if abs(yuan) >= 1_000_000:
        return f"¥{yuan / 1_000_000:,.2f}M"
    if abs(yuan) >= 10_000:
        return f"¥{yuan / 1_000:,.0f}K"
    return f"¥{yuan:,.0f}"


class Tile(QFrame):
    """A figure with a caption; clicking it opens the register behind it."""

    clicked = Signal()

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tile")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("color: #555; font-size: 13px;")
        self.value = QLabel("–")
        self.value.setStyleSheet("font-size: 26px; font-weight: 600;")
        self.detail = QLabel("")
        self.detail.setStyleSheet("color: #777; font-size: 12px;")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        for widget in (self.caption, self.value, self.detail):
            layout.addWidget(widget)
        self.set_attention(False)

    def set(self, value: str, detail: str = "", attention: bool = False) -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.set_attention(attention)

    def set_attention(self, attention: bool) -> None:
        accent = "#d9822b" if attention else "#3b73c4"
        self.setStyleSheet(
            f"QFrame#tile {{ background: white; border: 1px solid #dde1e7; border-left: 4px solid {accent};"
            " border-radius: 4px; }"
        )
        self.attention = attention

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class DashboardPage(QWidget):
    """``openPage`` asks the main window to show a register (its key in ``ui.main_window.PAGES``)."""

    openPage = Signal(str)
    loaded = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._today = today
        self.glance: WeekGlance | None = None
        self.heading = QLabel(self.tr("This week"))
        self.heading.setStyleSheet("font-size: 20px; font-weight: 600;")
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.refresh_button)

        specs: list[tuple[str, str, str]] = [
            ("pipeline", "open", self.tr("Open pipeline")),
            ("pipeline", "weighted", self.tr("Weighted forecast")),
            ("pipeline", "closing", self.tr("Expected to close this month")),
            ("pipeline", "won", self.tr("Won this month")),
            ("pipeline", "stalled", self.tr("Stalled deals")),
            ("visits", "visits", self.tr("Visits this week")),
            ("activities", "selling", self.tr("Direct selling time this week")),
            ("attendance", "attendance", self.tr("Attendance this month")),
            ("customers", "customers", self.tr("Customers")),
        ]
        self.tiles: dict[str, Tile] = {}
        grid = QGridLayout()
        grid.setSpacing(12)
        for index, (page, key, caption) in enumerate(specs):
            tile = Tile(caption)
            tile.clicked.connect(lambda page=page: self.openPage.emit(page))
            self.tiles[key] = tile
            grid.addWidget(tile, index // 3, index % 3)

        self.due_steps = QListWidget()
        self.intelligence = QListWidget()
        self.intelligence.setWordWrap(True)
        for widget in (self.due_steps, self.intelligence):
            widget.setMinimumHeight(160)
        lists = QHBoxLayout()
        for title, widget, page in (
            (self.tr("Next steps due this week"), self.due_steps, "pipeline"),
            (self.tr("Latest competitor intelligence"), self.intelligence, "competitors"),
        ):
            column = QVBoxLayout()
            label = QLabel(title)
            label.setStyleSheet("font-weight: 600;")
            column.addWidget(label)
            column.addWidget(widget)
            widget.itemActivated.connect(lambda _item, page=page: self.openPage.emit(page))
            lists.addLayout(column, 1)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(14)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addLayout(lists, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.refresh()

    def today(self) -> date:
        return self._today or date.today()

    def refresh(self) -> None:
        as_of = self.today()

        def load(_progress: Any) -> WeekGlance:
            with self.db.transaction() as session:
                return week_glance(session, as_of)

        run_job(self, load, on_success=self.show_glance, on_failure=self._failed)

    def _failed(self, exc: Exception) -> None:
        self.heading.setText(self.tr("The dashboard could not be loaded: {error}").format(error=exc))

    def show_glance(self, glance: WeekGlance) -> None:
        self.glance = glance
        h = glance.headlines
        monday, sunday = glance.week
        self.heading.setText(
            self.tr("Week of {monday} to {sunday}").format(monday=monday.isoformat(), sunday=sunday.isoformat())
        )
        self.tiles["open"].set(
            short_money(int(h["open_amount_fen"].value)),
            self.tr("Open deals: {count}").format(count=h["open_deals"].value),
        )
        self.tiles["weighted"].set(short_money(int(h["weighted_fen"].value)), self.tr("Amount × stage probability"))
        self.tiles["closing"].set(
            short_money(int(h["closing_amount_fen"].value)),
            self.tr("Deals: {count}; past their close date: {overdue}").format(
                count=h["closing_this_month"].value, overdue=h["overdue_close"].value
            ),
            attention=h["overdue_close"].attention,
        )
        self.tiles["won"].set(
            short_money(int(h["won_amount_fen"].value)),
            self.tr("Won: {won}; lost: {lost}").format(won=h["won_this_month"].value, lost=h["lost_this_month"].value),
        )
        self.tiles["stalled"].set(
            str(h["stalled"].value), self.tr("No stage change and no activity lately"), h["stalled"].attention
        )
        self.tiles["visits"].set(
            self.tr("{done} of {planned}").format(done=h["visits_done"].value, planned=h["visits_planned"].value),
            self.tr("Visits done of those planned"),
        )
        self.tiles["selling"].set(
            f"{float(h['direct_share'].value):.0%}",
            self.tr("Target: {target}").format(target=f"{float(h['direct_target'].value):.0%}"),
            h["direct_share"].attention,
        )
        self.tiles["attendance"].set(
            self.tr("{late} late").format(late=h["late_arrivals"].value),
            self.tr("Absent days: {absent}; flagged: {names}").format(
                absent=h["absent_days"].value, names="、".join(glance.flagged_reps) or "–"
            ),
            h["absent_days"].attention or h["flagged_reps"].attention,
        )
        self.tiles["customers"].set(
            f"{int(h['customers'].value):,}",
            self.tr("New this month: {count}").format(count=h["new_customers"].value),
        )
        self.due_steps.clear()
        for step in glance.due_steps:
            when = step.due.strftime("%m-%d")
            if step.overdue:
                when = self.tr("{date} overdue").format(date=when)
            item = QListWidgetItem(f"{when}  {step.customer} · {step.deal}: {step.step}")
            if step.overdue:
                item.setForeground(QColor("#b45309"))
            self.due_steps.addItem(item)
        if not glance.due_steps:
            self.due_steps.addItem(self.tr("Nothing due this week."))
        self.intelligence.clear()
        for entry in glance.intelligence:
            self.intelligence.addItem(f"{entry.observed_on.isoformat()}  {entry.competitor}: {entry.text}")
        if not glance.intelligence:
            self.intelligence.addItem(self.tr("No intelligence recorded yet."))
        self.loaded.emit()
