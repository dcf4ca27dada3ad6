"""Charts of a month's attendance: late arrivals and absences per rep, and the team's trend."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QHBoxLayout, QWidget

from widgets.charts import LINE_COLOUR, style_plot

ABSENT_COLOUR = "#e15759"
LATE_COLOUR = "#f28e2b"
SHOWN_REPS = 12
"""Reps whose bars fit side by side with their names readable."""


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
        """One pair of bars per rep, the most often late first (then the most absent).  A large
        team shows its first :data:`SHOWN_REPS` and pans sideways to the rest."""
        order = sorted(range(len(names)), key=lambda i: (-late_counts[i], -absent_days[i]))
        names = [names[i] for i in order]
        self._late, self._absent = [late_counts[i] for i in order], [absent_days[i] for i in order]
        plot = self.per_rep.getPlotItem()
        plot.clear()
        x = np.arange(len(names), dtype=float)
        plot.addItem(pg.BarGraphItem(x=x - 0.2, height=self._late, width=0.38, brush=LATE_COLOUR, name=self.tr("Late")))
        plot.addItem(
            pg.BarGraphItem(x=x + 0.2, height=self._absent, width=0.38, brush=ABSENT_COLOUR, name=self.tr("Absent"))
        )
        plot.getAxis("bottom").setTicks([[(i, name) for i, name in enumerate(names)]])
        shown = min(max(len(names), 1), SHOWN_REPS)
        plot.setXRange(-0.6, shown - 0.4, padding=0)
        plot.getViewBox().setLimits(xMin=-1, xMax=max(len(names), 1))
        if len(names) > SHOWN_REPS:
            self.per_rep.setTitle(
                self.tr(
                    "Late arrivals and absent days: the {shown} most often late of {count} reps (drag for more)"
                ).format(shown=SHOWN_REPS, count=len(names))
            )
        else:
            self.per_rep.setTitle(self.tr("Late arrivals and absent days per rep"))
        top = max([*self._late, *self._absent, 1])
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
