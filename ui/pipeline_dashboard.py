"""The Pipeline dashboard (销售漏斗看板), a tab of the pipeline page: the funnel, the weighted forecast
by month against the monthly target (team or one rep), stage-to-stage conversion, average days in
each stage, win rates by rep and by competitor, and the stalled deals, most stalled first.

The figures come from :mod:`domain.pipeline_analytics` (the same code as ``report pipeline``);
the data is read by :class:`storage.pipeline_stats.PipelineStats` on a worker, quietly, so the
window paints first, and a refresh after one deal moved re-reads only that deal.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from domain.pipeline import STAGES
from domain.pipeline_analytics import PipelineFigures, StalledDeal, forecast_horizon, pipeline_figures
from domain.text import pinyin_keys
from domain.validation import parse_amount
from storage.customers import to_fen
from storage.db import Database
from storage.pipeline_stats import DashboardData, PipelineStats, set_monthly_target
from ui.dashboard_page import short_money
from ui.jobs import run_job
from ui.labels import deal_status_names, money, problem_text, stage_names
from widgets.columnar_model import Column, ColumnarModel
from widgets.pipeline_charts import ConversionChart, ForecastChart, FunnelChart, StageDaysChart, WinRateChart

log = logging.getLogger(__name__)

FORECAST_MONTHS = 12
TEAM = -1
"""The forecast selector's value for the whole team (rep ids are positive; None is 'no owner')."""


class _Panel(QFrame):
    """A chart or table under its title."""

    def __init__(self, title: str, body: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # A palette, not a style sheet: a sheet on the panel would send every chart and table cell
        # inside it through the (slower) style-sheet style on each paint.
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("white"))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self.title = QLabel(title)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setContentsMargins(6, 4, 6, 0)
        self.title.setWordWrap(True)
        self.header = QHBoxLayout()
        self.header.setContentsMargins(0, 0, 6, 0)
        self.header.addWidget(self.title, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addLayout(self.header)
        layout.addWidget(body, 1)


class PipelineDashboard(QWidget):
    """The pipeline's figures for today; :meth:`refresh` re-reads them (quickly after a change)."""

    loaded = Signal()
    dealActivated = Signal(int)
    """A stalled deal was double-clicked (its opportunity id): the page can open it."""

    def __init__(self, db: Database, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._today = today
        self.stats = PipelineStats()
        self.loading = False
        self._again = False
        self._stale = False
        self.data: DashboardData | None = None
        self.figures: PipelineFigures | None = None
        self._stalled_shown: list[StalledDeal] | None = None

        self.summary = QLabel(self.tr("Loading…"))
        self.summary.setObjectName("pipeline_summary")
        self.summary.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.owner = QComboBox()
        self.owner.setObjectName("forecast_owner")
        self.owner.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.owner.addItem(self.tr("Whole team"), TEAM)
        self.owner.currentIndexChanged.connect(lambda _i: self._show_forecast())
        self.target = QLineEdit()
        self.target.setObjectName("monthly_target")
        self.target.setPlaceholderText(self.tr("No target"))
        self.target.setMaximumWidth(140)
        self.target.returnPressed.connect(self.save_target)
        self.target_button = QPushButton(self.tr("Set target"))
        self.target_button.clicked.connect(self.save_target)
        self.message = QLabel()
        self.message.setStyleSheet("color: #c9302c;")
        self.message.hide()
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.message)
        top.addWidget(QLabel(self.tr("Monthly target (¥):")))
        top.addWidget(self.target)
        top.addWidget(self.target_button)
        top.addSpacing(12)
        top.addWidget(self.refresh_button)

        self.funnel = FunnelChart()
        self.funnel.setObjectName("funnel_chart")
        self.forecast = ForecastChart()
        self.forecast.setObjectName("forecast_chart")
        self.conversion = ConversionChart()
        self.conversion.setObjectName("conversion_chart")
        self.stage_days = StageDaysChart()
        self.stage_days.setObjectName("stage_days_chart")
        self.win_by_rep = WinRateChart()
        self.win_by_rep.setObjectName("win_by_rep_chart")
        self.win_by_competitor = WinRateChart()
        self.win_by_competitor.setObjectName("win_by_competitor_chart")

        self.model = ColumnarModel(
            [
                Column("customer", self.tr("Customer")),
                Column("deal", self.tr("Opportunity")),
                Column("stage", self.tr("Stage"), format=lambda code: stage_names().get(code, code)),
                Column("owner", self.tr("Owner")),
                Column("quiet", self.tr("Days quiet"), format=lambda d: f"{d:,}", align_right=True),
                Column("last", self.tr("Quiet since"), format=lambda d: d.isoformat()),
                Column("amount", self.tr("Amount (¥)"), format=lambda fen: money(fen / 100), align_right=True),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setObjectName("stalled_table")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((200, 180, 110, 70, 90, 95, 105)):
            self.table.setColumnWidth(column, width)
        for column in (0, 1):  # the names share what the figures leave
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.sortByColumn(self.model.column_keys().index("quiet"), Qt.SortOrder.DescendingOrder)
        self.table.doubleClicked.connect(lambda index: self.dealActivated.emit(self.model.row_id(index.row())))

        self.funnel_panel = _Panel(self.tr("Funnel: open deals by stage"), self.funnel)
        self.forecast_panel = _Panel(self.tr("Weighted forecast by month of expected close"), self.forecast)
        self.forecast_panel.header.addWidget(QLabel(self.tr("For:")))
        self.forecast_panel.header.addWidget(self.owner)
        self.conversion_panel = _Panel("", self.conversion)
        self.days_panel = _Panel("", self.stage_days)
        self.rep_panel = _Panel("", self.win_by_rep)
        self.competitor_panel = _Panel("", self.win_by_competitor)
        self.stalled_panel = _Panel(self.tr("Stalled deals"), self.table)

        grid = QGridLayout()
        grid.setSpacing(8)
        grid.addWidget(self.funnel_panel, 0, 0)
        grid.addWidget(self.forecast_panel, 0, 1, 1, 2)
        grid.addWidget(self.conversion_panel, 1, 0)
        grid.addWidget(self.days_panel, 1, 1)
        grid.addWidget(self.rep_panel, 1, 2)
        grid.addWidget(self.competitor_panel, 2, 0)
        grid.addWidget(self.stalled_panel, 2, 1, 1, 2)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        for row in range(3):
            grid.setRowStretch(row, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        self.setMinimumSize(900, 640)
        self.refresh()

    def today(self) -> date:
        return self._today or date.today()

    # -- loading ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the figures again on a worker (quietly); a call while one is running loads once more
        after it."""
        self._stale = False
        if self.loading:
            self._again = True
            return
        self.loading = True
        as_of = self.today()
        stats, db = self.stats, self.db

        def load(_progress: Any) -> tuple[DashboardData, PipelineFigures]:
            with db.transaction() as session:
                data = stats.load(session, as_of)
            return data, pipeline_figures(data.open_deals, data.tally, data.closed, data.settings, as_of, data.months)

        run_job(self, load, on_success=self._loaded, on_failure=self._failed)

    def reload(self) -> None:
        """The pipeline changed: refresh now when shown, else when next shown."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _finish(self) -> None:
        self.loading = False
        if self._again:
            self._again = False
            self.refresh()

    def _failed(self, exc: Exception) -> None:
        self.summary.setText(self.tr("The pipeline dashboard could not be loaded: {error}").format(error=exc))
        self._finish()

    def _loaded(self, result: tuple[DashboardData, PipelineFigures]) -> None:
        self.data, self.figures = result
        try:
            self._show()
        finally:
            self._finish()
        if not self.loading:
            self.loaded.emit()

    # -- showing ----------------------------------------------------------------------------
    def _show(self) -> None:
        data, figures = self.data, self.figures
        assert data is not None and figures is not None
        names = stage_names()
        stages = [names[s.value] for s in STAGES]
        count = sum(t.deals for t in figures.funnel)
        amount = sum(t.amount_fen for t in figures.funnel)
        weighted = sum(t.weighted_fen for t in figures.funnel)
        self.summary.setText(
            self.tr("Open deals: {count} · amount {amount} · weighted {weighted}").format(
                count=f"{count:,}", amount=short_money(amount), weighted=short_money(weighted)
            )
        )
        self.funnel.set_data(
            stages,
            [t.deals for t in figures.funnel],
            [t.amount_fen / 100 for t in figures.funnel],
            [t.weighted_fen / 100 for t in figures.funnel],
        )
        if not self.target.hasFocus():
            target = figures.settings.monthly_target_fen
            self.target.setText(money(target / 100) if target else "")

        current = self.owner.currentData()
        owners = sorted(
            (owner for owner in figures.forecast_by_owner if owner is not None),
            key=lambda o: pinyin_keys(data.reps.get(o, ""))[0],
        )
        self.owner.blockSignals(True)
        self.owner.clear()
        self.owner.addItem(self.tr("Whole team"), TEAM)
        for owner in owners:
            self.owner.addItem(data.reps.get(owner, str(owner)), owner)
        index = self.owner.findData(current)
        self.owner.setCurrentIndex(max(index, 0))
        self.owner.blockSignals(False)
        self._show_forecast()

        months = figures.months
        won = deal_status_names()["won"]
        steps = [f"{stages[i]} → {stages[i + 1] if i + 1 < len(stages) else won}" for i in range(len(stages))]
        self.conversion_panel.title.setText(self.tr("Stage conversion, last {months} months").format(months=months))
        self.conversion.set_data(
            steps, [c.entered for c in figures.conversion], [c.advanced for c in figures.conversion]
        )
        self.days_panel.title.setText(self.tr("Average days in each stage, last {months} months").format(months=months))
        self.stage_days.set_data(
            stages, [t.average_days for t in figures.time_in_stage], [t.periods for t in figures.time_in_stage]
        )
        no_owner = self.tr("No owner")
        by_rep = sorted(
            figures.win_by_rep,
            key=lambda w: (-(w.rate or 0.0), -w.closed, pinyin_keys(data.reps.get(w.key or 0, ""))[0]),
        )
        self.rep_panel.title.setText(self.tr("Win rate by rep, last {months} months").format(months=months))
        self.win_by_rep.set_data(
            [data.reps.get(w.key, no_owner) if w.key is not None else no_owner for w in by_rep],
            [w.won for w in by_rep],
            [w.lost for w in by_rep],
            empty_text=self.tr("No deals closed in the period"),
        )
        by_competitor = sorted(figures.win_by_competitor, key=lambda w: (-(w.rate or 0.0), -w.closed))
        self.competitor_panel.title.setText(
            self.tr("Our win rate against each competitor, last {months} months").format(months=months)
        )
        self.win_by_competitor.set_data(
            [data.competitors.get(w.key or 0, "?") for w in by_competitor],
            [w.won for w in by_competitor],
            [w.lost for w in by_competitor],
            [w.lost_to for w in by_competitor],
            empty_text=self.tr("No closed deals with competitors in the period"),
        )
        self._show_stalled()

    def _show_forecast(self) -> None:
        figures = self.figures
        if figures is None:
            return
        owner = self.owner.currentData()
        team = owner in (TEAM, None)
        months = figures.forecast if team else figures.forecast_by_owner.get(owner, [])
        horizon = forecast_horizon(months, figures.as_of, FORECAST_MONTHS)
        bars = [horizon.overdue, *horizon.months, horizon.later]
        labels = [self.tr("Overdue"), *(m.month for m in horizon.months), self.tr("Later")]
        target = figures.settings.monthly_target_fen
        self.forecast.set_data(
            labels,
            [m.deals for m in bars],
            [m.amount_fen / 100 for m in bars],
            [m.weighted_fen / 100 for m in bars],
            target / 100 if team and target else None,
        )

    def _show_stalled(self) -> None:
        figures = self.figures
        assert figures is not None
        rows = figures.stalled
        self.stalled_panel.title.setText(
            self.tr("Stalled deals: no stage change and no activity for {days} days or more ({count})").format(
                days=figures.settings.stall_days, count=f"{len(rows):,}"
            )
        )
        if rows == self._stalled_shown:  # unchanged: keep the table (its scroll position, its selection)
            return
        self._stalled_shown = rows
        self.model.set_columns_data(
            [s.deal.id for s in rows],
            {
                "customer": [s.deal.customer for s in rows],
                "deal": [s.deal.name for s in rows],
                "stage": [s.deal.stage.value for s in rows],
                "owner": [s.deal.owner for s in rows],
                "quiet": [s.quiet_days for s in rows],
                "last": [s.last_touch for s in rows],
                "amount": [s.deal.amount_fen for s in rows],
            },
        )

    # -- the monthly target -----------------------------------------------------------------
    def save_target(self) -> None:
        """Store the monthly target typed in the field (empty: no target) and redraw the forecast."""
        amount, problem = parse_amount(self.target.text())
        if problem is not None:
            self.message.setText(self.tr("Monthly target: {problem}").format(problem=problem_text(problem)))
            self.message.show()
            return
        self.message.hide()
        with self.db.transaction() as session:
            settings = set_monthly_target(session, to_fen(amount) if amount is not None else 0)
        self.target.setText(money(settings.monthly_target_fen / 100) if settings.monthly_target_fen else "")
        self.target.clearFocus()
        self.refresh()

    # -- reading back (tests) ---------------------------------------------------------------
    def stalled_rows(self) -> list[tuple[str, str, str, str, str, str, str]]:
        """The stalled table as the user reads it, top to bottom."""
        return [
            tuple(  # type: ignore[misc]
                self.model.data(self.model.index(row, column)) for column in range(self.model.columnCount())
            )
            for row in range(self.model.rowCount())
        ]
