"""Charts of sales-time allocation (销售时间分配): stacked category shares per rep with the target
line for direct selling, the team's direct-selling share by week, and the what-if result.

Fed plain data (names, fractions); the page computes them with :mod:`domain.time_allocation`.
Bars are one ``BarGraphItem`` per category whatever the number of reps, and the rep axis shows
as many names as fit (every n-th name when 200 reps share the height; zoom with the wheel to
read them all), so the chart stays quick and legible from 12 reps to hundreds.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from widgets.charts import AXIS_COLOUR, BACKGROUND, CAPTION_FILL, _ChartBase, _set_line_text, style_plot

# Direct selling stands out (strong blue); the non-selling categories in quieter colours.
CATEGORY_COLOURS = ("#0072b2", "#56b4e9", "#e69f00", "#cc79a7", "#999999", "#009e73", "#d55e00", "#f0e442")
TARGET_COLOUR = "#d55e00"
BAR_HEIGHT = 0.72
SHARE_LABEL_MAX_ROWS = 40
"""Up to this many reps each bar carries its direct-selling share as text."""


def _percent(value: float, decimals: int = 1) -> str:
    return f"{value * 100:.{decimals}f}%"


class _LabelAxis(pg.AxisItem):
    """An axis of named positions (0, 1, 2 …) that shows only as many names as fit."""

    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        self.labels: list[str] = []
        self.setTickFont(QGuiApplication.font())

    def _room_per_label(self) -> float:
        metrics = QFontMetrics(self.style.get("tickFont") or QFont())
        if self.orientation in ("left", "right"):
            return metrics.height() * 1.15
        widest = max((metrics.horizontalAdvance(t) for t in self.labels[:200]), default=0)
        return widest + metrics.horizontalAdvance("  ")

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:
        if not self.labels or size <= 0:
            return []
        minVal, maxVal = min(minVal, maxVal), max(minVal, maxVal)  # an inverted axis passes them reversed
        first = max(0, math.ceil(minVal))
        last = min(len(self.labels) - 1, math.floor(maxVal))
        if last < first:
            return []
        per_unit = size / max(maxVal - minVal, 1e-9)
        step = max(1, math.ceil(self._room_per_label() / max(per_unit, 1e-9)))
        return [(float(step), [float(v) for v in range(first, last + 1) if v % step == 0])]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        out = []
        for v in values:
            i = round(v)
            out.append(self.labels[i] if 0 <= i < len(self.labels) and abs(v - i) < 1e-6 else "")
        return out


def _unbroken(text: str) -> str:
    """``text`` as HTML that never wraps inside: Qt ignores <nobr> for Chinese, which may break
    between any two characters, but it keeps characters joined by WORD JOINER (U+2060) together."""
    return html.escape("\u2060".join(text.replace(" ", "\u00a0")))


class _Legend(QLabel):
    """Category colours above a plot, as rich text that wraps."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setStyleSheet(f"background: {BACKGROUND}; color: {AXIS_COLOUR}; padding: 4px;")

    def set_entries(self, entries: Sequence[tuple[str, str]], line: tuple[str, str] | None = None) -> None:
        """Colour squares with names; ``line`` adds a dashed-line entry (text, colour) for a target."""
        parts = [f'<span style="color:{colour}">&#9632;</span>&nbsp;{_unbroken(name)}' for name, colour in entries]
        if line is not None:
            text, colour = line
            parts.append(f'<span style="color:{colour}"><b>&#9476;</b>&nbsp;{_unbroken(text)}</span>')
        self.setText("&nbsp;&nbsp; ".join(parts))  # the plain space is where a line may break


class StackedShareChart(_ChartBase):
    """One horizontal bar per rep, 0-100%, split into the shares of each category (the first
    category, direct selling, starts at 0 so it reads against the target line).

    Rows are drawn in the order given, the first at the top. Clicking a bar emits
    ``customersClicked`` with the rep's id (the base class's signal; here it carries rep ids).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        self._axis = _LabelAxis("left")
        view = pg.PlotWidget(axisItems={"left": self._axis}, background=BACKGROUND)
        super().__init__(view, view.getPlotItem(), parent)
        plot = self.plot_item
        style_plot(plot)
        plot.showGrid(x=True, y=False, alpha=0.15)
        plot.getAxis("bottom").setTicks([[(v, f"{v}%") for v in range(0, 101, 10)]])
        self.view_box.setMouseEnabled(x=False, y=True)
        self.view_box.invertY(True)
        self._legend = _Legend(self)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.setSpacing(0)
        layout.insertWidget(0, self._legend)
        self._categories: list[str] = []
        self._shares = np.zeros((0, 0))
        self._bars: list[pg.BarGraphItem] = []
        self._texts: list[pg.TextItem] = []
        self._target: float | None = None
        # The target's caption is in the legend: on the line it would cover the top bar.
        self._target_line = pg.InfiniteLine(angle=90, pen=pg.mkPen(TARGET_COLOUR, width=2, style=Qt.PenStyle.DashLine))
        self._target_line.setZValue(50)
        self._target_text = ""
        plot.addItem(self._target_line, ignoreBounds=True)
        self._target_line.hide()

    # -- public API -------------------------------------------------------------------

    def set_data(
        self,
        ids: Sequence[int],
        labels: Sequence[str],
        categories: Sequence[str],
        shares: Sequence[Sequence[float]],
        target: float | None = None,
        target_text: str = "",
    ) -> None:
        """``shares[i][k]`` is rep ``i``'s share (0..1) of category ``k``; a row sums to 1 (or 0
        for a rep with nothing logged). ``target`` is the direct-selling target (0..1)."""
        n = len(ids)
        if len(labels) != n or len(shares) != n:
            raise ValueError("ids, labels and shares differ in length")
        self._ids = np.asarray(ids, dtype=np.int64).reshape(n)
        self._labels = list(labels)
        self._categories = list(categories)
        self._shares = np.asarray(shares, dtype=float).reshape(n, len(self._categories))
        self._axis.labels = list(labels)
        plot = self.plot_item
        for item in [*self._bars, *self._texts]:
            plot.removeItem(item)
        self._bars.clear()
        self._texts.clear()
        y = np.arange(n, dtype=float)
        left = np.zeros(n)
        colours = [CATEGORY_COLOURS[k % len(CATEGORY_COLOURS)] for k in range(len(self._categories))]
        thin = n > 150  # at 2 pixels a bar, outlines would hide the colours
        for k, colour in enumerate(colours):
            width = self._shares[:, k] * 100.0
            bars = pg.BarGraphItem(
                x0=left.copy(),
                y=y,
                width=width,
                height=BAR_HEIGHT,
                brush=colour,
                pen=pg.mkPen(colour if thin else "w", width=0 if thin else 0.5),
            )
            plot.addItem(bars)
            self._bars.append(bars)
            left += width
        if 0 < n <= SHARE_LABEL_MAX_ROWS and len(self._categories):
            font = QGuiApplication.font()
            for i in range(n):
                # From the bar's start: the text stays on the chart however narrow the plot gets.
                text = pg.TextItem(_percent(self._shares[i, 0]), color="w", anchor=(0, 0.5))
                text.setFont(font)
                text.setPos(0.5, float(i))
                plot.addItem(text)
                self._texts.append(text)
        self._target = target
        self._target_text = "" if target is None else target_text or _percent(target, 0)
        entries = list(zip(self._categories, colours, strict=True))
        self._legend.set_entries(entries, (self._target_text, TARGET_COLOUR) if target is not None else None)
        self._target_line.setVisible(target is not None)
        if target is not None:
            self._target_line.setValue(target * 100.0)
        self.view_box.setLimits(xMin=0, xMax=100, yMin=-1, yMax=max(n, 1))
        self.view_box.setRange(xRange=(0, 100), yRange=(-0.6, max(n, 1) - 0.4), padding=0.01)

    def row_count(self) -> int:
        return len(self._ids)

    def shares(self) -> np.ndarray:
        return self._shares.copy()

    def target(self) -> float | None:
        return self._target

    def target_text(self) -> str:
        return self._target_text

    def legend_text(self) -> str:
        return self._legend.text()

    def visible_labels(self) -> list[str]:
        """The rep names the axis shows at its current size (every n-th when crowded)."""
        low, high = self.view_box.viewRange()[1]
        height = self.view_box.sceneBoundingRect().height()
        levels = self._axis.tickValues(low, high, height)
        return self._axis.tickStrings(levels[0][1], 1.0, levels[0][0]) if levels else []

    def bar_position(self, row: int) -> QPointF:
        """The middle of the direct-selling part of row ``row``, in viewport coordinates."""
        return QPointF(self._view_to_viewport(max(self._shares[row, 0] * 50.0, 1.0), float(row)))

    # -- internals --------------------------------------------------------------------

    def _indices_at(self, scene_pos: QPointF) -> np.ndarray:
        point = self.view_box.mapSceneToView(scene_pos)
        row = round(point.y())
        if 0 <= row < len(self._ids) and abs(point.y() - row) <= BAR_HEIGHT / 2 and 0 <= point.x() <= 100:
            return np.array([row], dtype=np.int64)
        return np.empty(0, dtype=np.int64)

    def _tooltip_for(self, indices: np.ndarray) -> str:
        i = int(indices[0])
        lines = [self._labels[i]]
        lines += [f"{name}: {_percent(self._shares[i, k])}" for k, name in enumerate(self._categories)]
        return "\n".join(lines)


class ShareTrendChart(QWidget):
    """The team's direct-selling share by week, with the target as a dashed line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._axis = _LabelAxis("bottom")
        self.view = pg.PlotWidget(axisItems={"bottom": self._axis}, background=BACKGROUND)
        self.plot_item = self.view.getPlotItem()
        style_plot(self.plot_item)
        self.plot_item.getViewBox().setMouseEnabled(x=True, y=False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self._curve = self.plot_item.plot(
            [],
            [],
            pen=pg.mkPen(CATEGORY_COLOURS[0], width=2),
            symbol="o",
            symbolSize=6,
            symbolBrush=CATEGORY_COLOURS[0],
        )
        self._target_line = pg.InfiniteLine(
            angle=0,
            pen=pg.mkPen(TARGET_COLOUR, width=1.5, style=Qt.PenStyle.DashLine),
            label=" ",
            labelOpts={
                "position": 0.98,
                "anchors": [(1, 1), (1, 1)],
                "color": TARGET_COLOUR,
                "fill": pg.mkBrush(*CAPTION_FILL),
            },
        )
        self._target_line.label.textItem.setFont(QGuiApplication.font())
        self.plot_item.addItem(self._target_line, ignoreBounds=True)
        self._values: list[float] = []
        self._labels: list[str] = []

    def set_data(self, labels: Sequence[str], shares: Sequence[float], target: float, target_text: str = "") -> None:
        """One point per week: ``shares`` are fractions (0..1)."""
        if len(labels) != len(shares):
            raise ValueError("labels and shares differ in length")
        self._labels = list(labels)
        self._values = [float(s) for s in shares]
        self._axis.labels = self._labels
        x = np.arange(len(self._values), dtype=float)
        y = np.asarray(self._values, dtype=float) * 100.0
        self._curve.setData(x, y)
        self._target_line.setValue(target * 100.0)
        _set_line_text(self._target_line, target_text or _percent(target, 0))
        top = max([target * 100.0, *(y.tolist() or [0.0])]) * 1.25 or 10.0
        step = 5 if top <= 40 else 10
        self.plot_item.getAxis("left").setTicks([[(v, f"{v}%") for v in range(0, int(top) + step, step)]])
        self.plot_item.setYRange(0, top, padding=0)
        self.plot_item.setXRange(-0.5, max(len(x), 1) - 0.5, padding=0.02)

    def values(self) -> list[float]:
        return list(self._values)

    def labels(self) -> list[str]:
        return list(self._labels)


class WhatIfView(QWidget):
    """The what-if result: direct selling now and after moving the chosen work, and what the
    change is worth in reps (the equivalent extra headcount)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.before = QLabel()
        self.after = QLabel()
        self.gain = QLabel()
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        for label in (self.before, self.after):
            label.setStyleSheet(f"color: {AXIS_COLOUR}; font-size: 15pt;")
        self.gain.setStyleSheet(f"color: {CATEGORY_COLOURS[0]}; font-size: 20pt; font-weight: bold;")
        self.detail.setStyleSheet(f"color: {AXIS_COLOUR};")
        self.plot = pg.PlotWidget(background=BACKGROUND)
        self.plot.setMinimumHeight(90)
        self.plot.setMaximumHeight(130)
        plot_item = self.plot.getPlotItem()
        style_plot(plot_item)
        plot_item.getViewBox().setMouseEnabled(x=False, y=False)
        plot_item.getViewBox().invertY(True)
        self._bars = pg.BarGraphItem(x0=[0, 0], y=[0, 1], width=[0, 0], height=0.6, brushes=["#9ecae1", "#0072b2"])
        plot_item.addItem(self._bars)
        self._target = pg.InfiniteLine(angle=90, pen=pg.mkPen(TARGET_COLOUR, width=2, style=Qt.PenStyle.DashLine))
        plot_item.addItem(self._target, ignoreBounds=True)
        self._names = _LabelAxis("left")
        plot_item.setAxisItems({"left": self._names})
        figures = QHBoxLayout()
        figures.addWidget(self.before)
        figures.addWidget(QLabel("→"))
        figures.addWidget(self.after)
        figures.addStretch(1)
        figures.addWidget(self.gain)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(figures)
        layout.addWidget(self.plot)
        layout.addWidget(self.detail)

    def set_result(
        self,
        before_text: str,
        after_text: str,
        gain_text: str,
        detail_text: str,
        old_share: float,
        new_share: float,
        target: float,
        row_names: tuple[str, str],
    ) -> None:
        """Texts are the page's translated sentences; the bars show the two shares and the target."""
        self.before.setText(before_text)
        self.after.setText(after_text)
        self.gain.setText(gain_text)
        self.detail.setText(detail_text)
        self._names.labels = list(row_names)
        self._bars.setOpts(x0=[0, 0], y=[0, 1], width=[old_share * 100.0, new_share * 100.0])
        self._target.setValue(target * 100.0)
        top = max(old_share, new_share, target) * 100.0 * 1.15 or 10.0
        plot_item = self.plot.getPlotItem()
        plot_item.setXRange(0, top, padding=0)
        plot_item.setYRange(-0.5, 1.5, padding=0)
        step = 5 if top <= 40 else 10
        plot_item.getAxis("bottom").setTicks([[(v, f"{v}%") for v in range(0, int(top) + step, step)]])

    def texts(self) -> tuple[str, str, str]:
        return self.before.text(), self.after.text(), self.gain.text()
