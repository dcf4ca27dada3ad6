"""Charts of a month's attendance: late arrivals and absences per rep, and the team's trend."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QHBoxLayout, QWidget

from widgets.charts import LINE_COLOUR, style_plot

ABSENT_COLOUR = "#e15759"
LATE_COLOUR = "#f28e2b"


class AttendanceCharts(QWidget):
    """Left: grouped bars per rep (late count, absent days). Right: team totals by month."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.per_rep = pg.PlotWidget()
        self.trend = pg.PlotWidget()
        for widget in (self.per_rep, self.trend):
            style_plot(widget.getPlotItem())
            widget.getPlotItem().addLegend(offset=(-10, 10))
        self.per_rep.setTitle(self.tr("Late arrivals and absent days per rep"))
        self.trend.setTitle(self.tr("Team trend by month"))
        self.per_rep.getPlotItem().setMouseEnabled(x=True, y=False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.per_rep, 3)
        layout.addWidget(self.trend, 2)
        self._late: list[int] = []
        self._absent: list[int] = []
        self._trend: list[tuple[str, int, int]] = []

    def set_month(self, names: Sequence[str], late_counts: Sequence[int], absent_days: Sequence[int]) -> None:
        self._late, self._absent = list(late_counts), list(absent_days)
        plot = self.per_rep.getPlotItem()
        plot.clear()
        x = np.arange(len(names), dtype=float)
        plot.addItem(
            pg.BarGraphItem(x=x - 0.2, height=late_counts, width=0.38, brush=LATE_COLOUR, name=self.tr("Late"))
        )
        plot.addItem(
            pg.BarGraphItem(x=x + 0.2, height=absent_days, width=0.38, brush=ABSENT_COLOUR, name=self.tr("Absent"))
        )
        plot.getAxis("bottom").setTicks([[(i, name) for i, name in enumerate(names)]])
        plot.setXRange(-0.6, max(len(names), 1) - 0.4, padding=0)
        top = max([*late_counts, *absent_days, 1])
        plot.setYRange(0, top * 1.15, padding=0)

    def set_trend(self, labels: Sequence[str], late_totals: Sequence[int], absent_totals: Sequence[int]) -> None:
        self._trend = list(zip(labels, late_totals, absent_totals, strict=True))
        plot = self.trend.getPlotItem()
        plot.clear()
        x = np.arange(len(labels), dtype=float)
        plot.plot(
            x,
            late_totals,
            pen=pg.mkPen(LATE_COLOUR, width=2),
            symbol="o",
            symbolBrush=LATE_COLOUR,
            name=self.tr("Late arrivals"),
        )
        plot.plot(
            x,
            absent_totals,
            pen=pg.mkPen(LINE_COLOUR, width=2),
            symbol="s",
            symbolBrush=LINE_COLOUR,
            name=self.tr("Absent days"),
        )
        plot.getAxis("bottom").setTicks([[(i, label) for i, label in enumerate(labels)]])
        plot.setYRange(0, max([*late_totals, *absent_totals, 1]) * 1.15, padding=0)

    def month_values(self) -> tuple[list[int], list[int]]:
        return self._late, self._absent

    def trend_values(self) -> list[tuple[str, int, int]]:
        return self._trend

