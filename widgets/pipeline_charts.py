"""Charts of the key-account pipeline (销售漏斗): the funnel of open deals per stage, the weighted
forecast by month against the monthly target, stage-to-stage conversion, average days in each
stage, and win rates by rep or by competitor.

Fed plain data (names, counts, amounts in yuan, fractions); the page computes them with
:mod:`domain.pipeline_analytics`.  Every chart is one ``BarGraphItem`` per series in the product's
style (:func:`widgets.charts.style_plot`), with a tooltip per bar and its figure written beside it
when there is room; the value axis is stretched on resize so those texts always fit.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QWidget

from widgets.charts import (
    AXIS_COLOUR,
    BACKGROUND,
    CAPTION_FILL,
    _ChartBase,
    _format_number,
    _NumberAxis,
    _set_line_text,
    style_plot,
)
from widgets.time_charts import _LabelAxis

STAGE_COLOURS = ("#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c")
"""Light to dark blue along the pipeline: later stages are closer to money."""
AMOUNT_COLOUR = "#c6dbef"
WEIGHTED_COLOUR = "#2171b5"
OVERDUE_COLOUR = "#e69f00"
LATER_COLOUR = "#9e9e9e"
TARGET_COLOUR = "#d55e00"
RATE_COLOUR = "#009e73"
DAYS_COLOUR = "#56b4e9"
BAR_SIZE = 0.7
TEXT_GAP_PX = 6
MAX_BAR_TEXTS = 40
"""Up to this many bars carry their figure as text; more would be unreadable anyway."""
LABEL_SHARE = 0.42
"""Category names (a competitor's full company name) longer than this share of the chart's width are
elided on the axis; the tooltip has them whole."""


def _money(yuan: float) -> str:
    return "¥" + _format_number(yuan, 0)


def _percent(fraction: float) -> str:
    return f"{fraction * 100:.1f}%"


class _PercentAxis(pg.AxisItem):
    """0-100 with a % sign (the axis may run on past 100 to make room for texts; no ticks there)."""

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:
        return [
            (spacing, [v for v in values if v <= 100]) for spacing, values in super().tickValues(minVal, maxVal, size)
        ]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [f"{v:g}%" for v in values]


class _Bars(_ChartBase):
    """Bars by category, horizontal (first category at the top) or vertical (first at the left):
    a main series, optionally a wider series behind it, a text per bar, a tooltip per bar, an
    optional target line on the value axis and a sentence when there is nothing to show."""

    def __init__(self, horizontal: bool, value_axis: pg.AxisItem, parent: QWidget | None = None) -> None:
        self._horizontal = horizontal
        self._axis = _LabelAxis("left" if horizontal else "bottom")
        axes = {"left": self._axis, "bottom": value_axis} if horizontal else {"bottom": self._axis, "left": value_axis}
        view = pg.PlotWidget(axisItems=axes, background=BACKGROUND)
        super().__init__(view, view.getPlotItem(), parent)
        plot = self.plot_item
        style_plot(plot)
        plot.showGrid(x=horizontal, y=not horizontal, alpha=0.15)
        box = self.view_box
        box.setMouseEnabled(x=False, y=False)
        box.setMenuEnabled(False)
        if horizontal:
            box.invertY(True)
        self._values = np.zeros(0)
        self._back: np.ndarray | None = None
        self._texts: list[str] = []
        self._tips: list[str] = []
        self._text_items: list[pg.TextItem] = []
        self._centred = False
        self._shown: tuple[object, ...] = ()
        self._floor = 0.0
        """The value axis never ends below this (e.g. 100 for percentages)."""
        # Outlined bars: Qt's raster engine fills pen-less rectangles this size several times slower.
        self._back_bars = pg.BarGraphItem(x=[], height=[], width=0.0, brush=AMOUNT_COLOUR, pen=pg.mkPen(AMOUNT_COLOUR))
        self._bars = pg.BarGraphItem(x=[], height=[], width=0.0, brush=WEIGHTED_COLOUR, pen=pg.mkPen("w", width=0.5))
        self._back_bars.hide()
        plot.addItem(self._back_bars)
        plot.addItem(self._bars)
        self._target: float | None = None
        self._target_line = pg.InfiniteLine(
            angle=90 if horizontal else 0,
            pen=pg.mkPen(TARGET_COLOUR, width=2, style=Qt.PenStyle.DashLine),
            label=" ",
            labelOpts={
                "position": 0.97 if not horizontal else 0.05,
                "anchors": [(1, 1), (1, 1)] if not horizontal else [(0, 0), (0, 0)],
                "color": TARGET_COLOUR,
                "fill": pg.mkBrush(*CAPTION_FILL),
            },
        )
        self._target_line.label.textItem.setFont(QGuiApplication.font())
        self._target_line.setZValue(50)
        self._target_line.hide()
        plot.addItem(self._target_line, ignoreBounds=True)
        self._empty = pg.TextItem(color=AXIS_COLOUR, anchor=(0.5, 0.5))
        self._empty.textItem.setFont(QGuiApplication.font())
        self._empty.setParentItem(box)
        self._empty.hide()
        if not horizontal:  # room for CJK glyphs, which a fallback font draws taller than Latin text
            self._axis.setHeight(QFontMetrics(QGuiApplication.font()).height() + 16)
        box.sigResized.connect(self._fit)

    # -- feeding --------------------------------------------------------------------------
    def _show(
        self,
        labels: Sequence[str],
        values: Sequence[float],
        texts: Sequence[str],
        tips: Sequence[str],
        back: Sequence[float] | None = None,
        brushes: Sequence[str] | None = None,
        empty_text: str = "",
    ) -> None:
        n = len(labels)
        if not (len(values) == len(texts) == len(tips) == n) or (back is not None and len(back) != n):
            raise ValueError("chart columns differ in length")
        shown = (list(labels), list(values), list(texts), list(tips), None if back is None else list(back),
                 None if brushes is None else list(brushes), empty_text)  # fmt: skip
        if shown == self._shown:  # a refresh that changed nothing here repaints nothing here
            return
        self._shown = shown
        self._ids = np.arange(n, dtype=np.int64)
        self._labels = list(labels)
        self._values = np.asarray(values, dtype=float).reshape(n)
        self._back = None if back is None else np.asarray(back, dtype=float).reshape(n)
        self._texts = list(texts) if n <= MAX_BAR_TEXTS else [""] * n
        self._tips = list(tips)
        where = np.arange(n, dtype=float)
        if self._horizontal:
            x0 = -self._values / 2 if self._centred else np.zeros(n)
            self._bars.setOpts(x0=x0, y=where, width=self._values, height=BAR_SIZE, x=None)
        else:
            self._bars.setOpts(x=where, y0=np.zeros(n), height=self._values, width=BAR_SIZE * 0.6)
        if brushes is not None:
            self._bars.setOpts(brushes=[pg.mkBrush(b) for b in brushes])
        self._back_bars.setVisible(self._back is not None)
        if self._back is not None:
            if self._horizontal:
                self._back_bars.setOpts(x0=np.zeros(n), y=where, width=self._back, height=BAR_SIZE)
            else:
                self._back_bars.setOpts(x=where, y0=np.zeros(n), height=self._back, width=BAR_SIZE)
        self._place_texts()
        nothing = n == 0 or not (np.any(self._values > 0) or (self._back is not None and np.any(self._back > 0)))
        self._empty.setText(empty_text)
        self._empty.setVisible(nothing and bool(empty_text))
        self._fit()

    def _set_target(self, value: float | None, text: str = "") -> None:
        self._target = value
        self._target_line.setVisible(value is not None)
        if value is not None:
            self._target_line.setValue(value)
            _set_line_text(self._target_line, text)
        self._fit()

    def _place_texts(self) -> None:
        font = QGuiApplication.font()
        while len(self._text_items) < len(self._texts):
            item = pg.TextItem(color=AXIS_COLOUR, anchor=(0, 0.5) if self._horizontal else (0.5, 1))
            item.setFont(font)
            self.plot_item.addItem(item, ignoreBounds=True)
            self._text_items.append(item)
        for i, item in enumerate(self._text_items):
            shown = i < len(self._texts) and bool(self._texts[i])
            item.setVisible(shown)
            if shown:
                item.setText(self._texts[i])

    def _ends(self) -> np.ndarray:
        """Where each bar ends on the value axis (the wider of the two series)."""
        ends = self._values if not self._centred else self._values / 2
        return np.maximum(ends, self._back) if self._back is not None else ends

    def _fit(self) -> None:
        """Elide long names, set the value range so that every bar's text fits beside it, and place
        the texts."""
        n = len(self._values)
        metrics = QFontMetrics(QGuiApplication.font())
        room = max(80, int(self.width() * LABEL_SHARE)) if self._horizontal else 10_000
        labels = [metrics.elidedText(x, Qt.TextElideMode.ElideRight, room) for x in self._labels]
        if labels != self._axis.labels:
            self._axis.labels = labels
            self._axis.picture = None  # redraw the ticks with the new names
            self._axis.update()
        box = self.view_box
        rect = box.rect()
        extent = rect.width() if self._horizontal else rect.height()
        ends = self._ends()
        along = rect.height() if self._horizontal else rect.width()
        crowded = n > 0 and along / n < metrics.height() * (1.0 if self._horizontal else 0.0)
        texts = [] if crowded else self._texts
        top = max(float(ends.max()) if n else 0.0, self._floor, self._target or 0.0)
        low = -float(self._values.max()) / 2 if self._centred and n else 0.0
        if top <= 0:
            top = 1.0
        span = top - low
        if extent > 0 and n:
            for i in range(min(n, len(texts))):
                if not texts[i]:
                    continue
                need = (metrics.horizontalAdvance(texts[i]) if self._horizontal else metrics.height()) + 2 * TEXT_GAP_PX
                room = extent - need
                share = (ends[i] - low) / span if span else 0.0
                if room > extent * 0.2 and share > 0:
                    span = max(span, (ends[i] - low) * extent / room)
            if not self._horizontal:
                span *= 1.04  # the target's caption sits above its line
        high = low + span
        if self._horizontal:
            box.setRange(xRange=(low, high), yRange=(-0.6, max(n, 1) - 0.4), padding=0)
        else:
            box.setRange(yRange=(0, high), xRange=(-0.6, max(n, 1) - 0.4), padding=0)
        px = span / extent if extent > 0 else 0.0
        for i, item in enumerate(self._text_items[:n]):
            at = float(ends[i]) + TEXT_GAP_PX * px
            item.setPos(QPointF(at, float(i)) if self._horizontal else QPointF(float(i), at))
            item.setVisible(i < len(texts) and bool(texts[i]))
        self._empty.setPos(rect.center())

    # -- hit testing ----------------------------------------------------------------------
    def _indices_at(self, scene_pos: QPointF) -> np.ndarray:
        point = self.view_box.mapSceneToView(scene_pos)
        along = point.y() if self._horizontal else point.x()
        index = round(along)
        if 0 <= index < len(self._values) and abs(along - index) <= BAR_SIZE / 2:
            return np.array([index], dtype=np.int64)
        return np.empty(0, dtype=np.int64)

    def _tooltip_for(self, indices: np.ndarray) -> str:
        return self._tips[int(indices[0])]

    # -- reading back (tests, printing) ---------------------------------------------------
    def labels(self) -> list[str]:
        return list(self._labels)

    def values(self) -> list[float]:
        return [float(v) for v in self._values]

    def bar_texts(self) -> list[str]:
        return list(self._texts)

    def tooltip(self, index: int) -> str:
        return self._tips[index]

    def empty_text(self) -> str:
        return self._empty.toPlainText() if self._empty.isVisible() else ""

    def target(self) -> float | None:
        return self._target

    def bar_position(self, index: int) -> QPointF:
        """The middle of bar ``index`` in the view's viewport coordinates."""
        middle = 0.0 if self._centred else float(self._ends()[index]) / 2
        if self._horizontal:
            return QPointF(self._view_to_viewport(middle, float(index)))
        return QPointF(self._view_to_viewport(float(index), middle))


class FunnelChart(_Bars):
    """The funnel (销售漏斗): one centred bar per stage as wide as its open amount, with the amount,
    the number of deals and the weighted amount written beside it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        axis = _NumberAxis("bottom")
        super().__init__(True, axis, parent)
        self._centred = True
        self.plot_item.hideAxis("bottom")
        self.plot_item.showGrid(x=False, y=False)

    def set_data(
        self, stages: Sequence[str], counts: Sequence[int], amounts: Sequence[float], weighted: Sequence[float]
    ) -> None:
        """Per stage in order: open deals, their amount and weighted amount (yuan)."""
        texts = [
            self.tr("{amount} · deals: {count}").format(amount=_money(a), count=_format_number(c, 0))
            for c, a in zip(counts, amounts, strict=True)
        ]
        tips = [
            self.tr("{stage}\nOpen deals: {count}\nAmount: {amount}\nWeighted: {weighted}").format(
                stage=s, count=_format_number(c, 0), amount=_money(a), weighted=_money(w)
            )
            for s, c, a, w in zip(stages, counts, amounts, weighted, strict=True)
        ]
        self._counts = list(counts)
        self._show(
            stages,
            amounts,
            texts,
            tips,
            brushes=[STAGE_COLOURS[i % len(STAGE_COLOURS)] for i in range(len(stages))],
            empty_text=self.tr("No open deals"),
        )

    def counts(self) -> list[int]:
        return list(self._counts)


class ForecastChart(_Bars):
    """The forecast by month of expected close: the amount (light) behind the weighted amount
    (dark), overdue deals in the first bar and later ones in the last, and the monthly target as a
    dashed line to read the weighted bars against."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(False, _NumberAxis("left"), parent)
        self._back_bars.setOpts(brush=AMOUNT_COLOUR)

    def set_data(
        self,
        labels: Sequence[str],
        counts: Sequence[int],
        amounts: Sequence[float],
        weighted: Sequence[float],
        target: float | None,
        overdue_first: bool = True,
        later_last: bool = True,
    ) -> None:
        """One bar per month (yuan); ``overdue_first`` / ``later_last`` colour the first and last bars
        as the overdue and the later deals; ``target`` (yuan, None: no line) is the monthly target."""
        tips = [
            self.tr("{month}\nDeals expected to close: {count}\nAmount: {amount}\nWeighted: {weighted}").format(
                month=m, count=_format_number(c, 0), amount=_money(a), weighted=_money(w)
            )
            for m, c, a, w in zip(labels, counts, amounts, weighted, strict=True)
        ]
        brushes = [WEIGHTED_COLOUR] * len(labels)
        if labels and overdue_first:
            brushes[0] = OVERDUE_COLOUR
        if labels and later_last:
            brushes[-1] = LATER_COLOUR
        self._show(
            labels,
            weighted,
            [""] * len(labels),
            tips,
            back=amounts,
            brushes=brushes,
            empty_text=self.tr("No open deals with an expected close"),
        )
        self._set_target(
            target, self.tr("Monthly target {amount}").format(amount=_money(target)) if target is not None else ""
        )

    def amounts(self) -> list[float]:
        return [] if self._back is None else [float(v) for v in self._back]

    def target_text(self) -> str:
        return self._target_line.label.toPlainText() if self._target_line.isVisible() else ""


class ConversionChart(_Bars):
    """Stage-to-stage conversion: per stage, the share of the deals that entered it and went further."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(True, _PercentAxis("bottom"), parent)
        self._floor = 100.0
        self._bars.setOpts(brush=RATE_COLOUR)

    def set_data(self, labels: Sequence[str], entered: Sequence[int], advanced: Sequence[int]) -> None:
        """``labels`` name the steps ('客户开发 → 立项'); of ``entered`` deals, ``advanced`` went on."""
        rates = [a / e if e else 0.0 for e, a in zip(entered, advanced, strict=True)]
        texts = [
            f"{_percent(r)} ({_format_number(a, 0)}/{_format_number(e, 0)})" if e else "–"
            for r, e, a in zip(rates, entered, advanced, strict=True)
        ]
        tips = [
            self.tr("{step}\nEntered: {entered}\nWent further: {advanced}\nConversion: {rate}").format(
                step=s, entered=_format_number(e, 0), advanced=_format_number(a, 0), rate=_percent(r) if e else "–"
            )
            for s, e, a, r in zip(labels, entered, advanced, rates, strict=True)
        ]
        self._show(labels, [r * 100 for r in rates], texts, tips, empty_text=self.tr("No stage changes in the period"))


class StageDaysChart(_Bars):
    """Average days deals spend in each stage."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(True, _NumberAxis("bottom"), parent)
        self._bars.setOpts(brush=DAYS_COLOUR)

    def set_data(self, stages: Sequence[str], average_days: Sequence[float | None], periods: Sequence[int]) -> None:
        """Per stage: the average days (None: no period counted) over ``periods`` stretches."""
        days = [d or 0.0 for d in average_days]
        texts = [self.tr("{days} d").format(days=_format_number(d, 1)) if d is not None else "–" for d in average_days]
        tips = [
            self.tr("{stage}\nAverage: {days} days\nStretches counted: {periods}").format(
                stage=s, days=_format_number(d, 1) if d is not None else "–", periods=_format_number(p, 0)
            )
            for s, d, p in zip(stages, average_days, periods, strict=True)
        ]
        self._show(stages, days, texts, tips, empty_text=self.tr("No stage history in the period"))


class WinRateChart(_Bars):
    """Win rate (赢单率) by rep or by competitor: won / (won + lost), best first as given."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(True, _PercentAxis("bottom"), parent)
        self._floor = 100.0
        self._bars.setOpts(brush=RATE_COLOUR)

    def set_data(
        self,
        names: Sequence[str],
        won: Sequence[int],
        lost: Sequence[int],
        lost_to: Sequence[int] | None = None,
        empty_text: str = "",
    ) -> None:
        """Per rep or competitor: deals won and lost; ``lost_to`` (competitors) the losses it won."""
        rates = [w / (w + lo) if w + lo else 0.0 for w, lo in zip(won, lost, strict=True)]
        texts = [
            f"{_percent(r)} ({_format_number(w, 0)}/{_format_number(w + lo, 0)})"
            for r, w, lo in zip(rates, won, lost, strict=True)
        ]
        tips = []
        for i, name in enumerate(names):
            tip = self.tr("{name}\nWon: {won}\nLost: {lost}\nWin rate: {rate}").format(
                name=name, won=_format_number(won[i], 0), lost=_format_number(lost[i], 0), rate=_percent(rates[i])
            )
            if lost_to is not None:
                tip += "\n" + self.tr("They won: {count}").format(count=_format_number(lost_to[i], 0))
            tips.append(tip)
        self._show(names, [r * 100 for r in rates], texts, tips, empty_text=empty_text or self.tr("No closed deals"))
