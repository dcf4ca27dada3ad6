"""A price-history chart: a competitor's observed prices per product against our list price steps.

Fed plain data (product, their (date, fen) points, our (date, fen) list-price steps); one colour
per product, theirs as a line with markers, ours as a dashed step line in the same colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from widgets.charts import AXIS_COLOUR, CLASS_PALETTE, style_plot

PricePoints = Sequence[tuple[date, int]]


def _seconds(day: date) -> float:
    return datetime.combine(day, time(12)).timestamp()


class PriceChart(pg.PlotWidget):
    """Prices in yuan over time; ``set_series([(product, theirs, ours), …])`` redraws."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
        self.plot_item = self.getPlotItem()
        style_plot(self.plot_item)
        self.plot_item.setLabel("left", QCoreApplication.translate("PriceChart", "Price (yuan)"))
        # The legend sits above the plot, in the row of the (unused) title: inside the plot it would
        # cover the price lines. A dark label: the default grey text is unreadable on white.
        self.legend = pg.LegendItem(labelTextColor=AXIS_COLOUR, colCount=2)
        layout = self.plot_item.layout
        layout.removeItem(self.plot_item.titleLabel)
        self.plot_item.titleLabel.hide()
        layout.addItem(self.legend, 0, 1)
        self.plot_item.legend = self.legend
        self.setMinimumHeight(200)
        self.products: list[str] = []

    def set_series(self, series: Sequence[tuple[str, PricePoints, PricePoints]]) -> None:
        self.plot_item.clear()
        self.legend.clear()
        self.products = []
        last = max((on for _p, theirs, _o in series for on, _f in theirs), default=None)
        for index, (product, theirs, ours) in enumerate(series):
            colour = CLASS_PALETTE[index % len(CLASS_PALETTE)]
            self.products.append(product)
            if theirs:
                self.plot_item.plot(
                    [_seconds(on) for on, _f in theirs],
                    [fen / 100 for _on, fen in theirs],
                    pen=pg.mkPen(colour, width=2),
                    symbol="o",
                    symbolSize=5,
                    symbolBrush=colour,
                    name=product,
                )
            if ours and last is not None:
                start = min(on for on, _f in theirs) if theirs else ours[0][0]
                xs: list[float] = []
                ys: list[float] = []
                for i, (on, fen) in enumerate(ours):
                    until = ours[i + 1][0] if i + 1 < len(ours) else last
                    if until < start:
                        continue
                    xs += [_seconds(max(on, start)), _seconds(until)]
                    ys += [fen / 100, fen / 100]
                label = QCoreApplication.translate("PriceChart", "{product}: our list price").format(product=product)
                self.plot_item.plot(xs, ys, pen=pg.mkPen(colour, width=1.5, style=Qt.PenStyle.DashLine), name=label)
        self.plot_item.enableAutoRange()
        self.legend.updateSize()
        self.plot_item.layout.setRowFixedHeight(0, self.legend.boundingRect().height() if series else 0)
