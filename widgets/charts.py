"""Chart widgets over pyqtgraph: the product's one chart style, a Pareto chart and a
quadrant scatter.

The widgets take plain sequences (ids, labels, numbers) and never the database; a page
turns its query results into those sequences. Clicking a bar or a point emits
``customersClicked(list)`` with the customer ids under the cursor, so a page can open
or filter to those customers.

Both charts stay responsive with 100,000 customers: data lives in numpy arrays, bars
are one ``BarGraphItem``, points are one ``ScatterPlotItem`` per class in pixel mode,
and hit testing is vectorised here rather than done by pyqtgraph, whose own point
picking builds one Python object per point (about 0.4 s for 100,000 points).
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QToolTip, QVBoxLayout, QWidget

__all__ = [
    "AXIS_COLOUR",
    "BACKGROUND",
    "CLASS_PALETTE",
    "ParetoChart",
    "QuadrantScatter",
    "style_plot",
]

BACKGROUND = "#ffffff"
AXIS_COLOUR = "#404040"
GRID_ALPHA = 0.15
BAR_COLOUR = "#4e79a7"
LINE_COLOUR = "#e15759"
MARKER_COLOUR = "#7a7a7a"
CAPTION_FILL = (255, 255, 255, 210)
# Okabe-Ito: distinguishable for colour-blind readers; yellow last, it is faint on white.
CLASS_PALETTE = (
    "#0072b2",
    "#e69f00",
    "#009e73",
    "#cc79a7",
    "#d55e00",
    "#56b4e9",
    "#000000",
    "#f0e442",
)

BAR_WIDTH = 0.8
POINT_SIZE = 7
# Extra pixels around a point or bar that still count as a hit: a 1-pixel bar in the
# tail of a Pareto chart must stay clickable.
HIT_SLACK_PX = 2.0
TOOLTIP_MAX_LABELS = 5


def style_plot(plot_item: pg.PlotItem) -> None:
    """Apply the product's chart style: white background, dark grey axes, light grid.

    Text uses the application font, so Chinese labels render with whatever CJK-capable
    font the platform resolves for it instead of a hard-coded family that may be missing.
    """
    font = QGuiApplication.font()
    plot_item.getViewBox().setBackgroundColor(BACKGROUND)
    for name in ("left", "bottom", "right", "top"):
        axis = plot_item.getAxis(name)
        axis.setPen(pg.mkPen(AXIS_COLOUR))
        axis.setTextPen(pg.mkPen(AXIS_COLOUR))
        axis.setTickFont(font)
        axis.label.setFont(font)
    plot_item.titleLabel.item.setFont(font)
    plot_item.showGrid(x=True, y=True, alpha=GRID_ALPHA)
    plot_item.hideButtons()
    # Room above the plot so the top tick label is not cut in half.
    plot_item.layout.setContentsMargins(4, 12, 8, 4)
    scene = plot_item.scene()
    if scene is not None:
        for view in scene.views():
            view.setBackground(BACKGROUND)


def _format_number(value: float, decimals: int) -> str:
    locale = QLocale()
    # The C locale omits group separators by default; 12,345,678 reads better everywhere.
    locale.setNumberOptions(QLocale.NumberOption.DefaultNumberOptions)
    return locale.toString(float(value), "f", max(0, decimals))


class _NumberAxis(pg.AxisItem):
    """Axis with locale-grouped numbers (12,345,678) instead of SI prefixes or 1e+06."""

    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if self.logMode:
            strings = []
            for v in values:
                real = 10.0**v
                decimals = 0 if real >= 1 else math.ceil(-math.log10(real) - 1e-9)
                strings.append(_format_number(real, decimals))
            return strings
        decimals = math.ceil(-math.log10(spacing * scale)) if spacing > 0 else 0
        return [_format_number(v * scale, decimals) for v in values]


class _RankAxis(pg.AxisItem):
    """Customer ranks: whole numbers only, so a zoomed-in axis never shows rank 2.5."""

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:
        levels = super().tickValues(minVal, maxVal, size)
        return [(spacing, values) for spacing, values in levels if spacing >= 1]

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        return [_format_number(v, 0) if float(v).is_integer() else "" for v in values]


class _OverlayViewBox(pg.ViewBox):
    """A second view drawn on top of the main one that lets every mouse event through,
    so panning, zooming and the context menu keep acting on the main view."""

    def mouseClickEvent(self, ev) -> None:  # type: ignore[no-untyped-def]
        ev.ignore()

    def mouseDragEvent(self, ev, axis=None) -> None:  # type: ignore[no-untyped-def]
        ev.ignore()

    def wheelEvent(self, ev, axis=None) -> None:  # type: ignore[no-untyped-def]
        ev.ignore()


class _QuietScatter(pg.ScatterPlotItem):
    """ScatterPlotItem that leaves clicks to the chart's vectorised hit test."""

    def mouseClickEvent(self, ev) -> None:  # type: ignore[no-untyped-def]
        ev.ignore()


class _ChartBase(QWidget):
    """One PlotItem in a GraphicsView, with click-to-ids and hover tooltips.

    Subclasses say which data indices lie under a scene position and what the tooltip
    for them reads; this class turns clicks into ``customersClicked`` and moves into
    tooltips.
    """

    customersClicked = Signal(list)

    def __init__(self, view: pg.GraphicsView, plot_item: pg.PlotItem, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.view = view
        self.plot_item = plot_item
        self._ids = np.empty(0, dtype=np.int64)
        self._labels: list[str] = []
        self._tooltip_shown = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(view)
        scene = view.scene()
        scene.sigMouseClicked.connect(self._on_scene_clicked)
        scene.sigMouseMoved.connect(self._on_scene_moved)

    @property
    def view_box(self) -> pg.ViewBox:
        """The main ViewBox; its view coordinates are the chart's data coordinates."""
        return self.plot_item.getViewBox()

    def _indices_at(self, scene_pos: QPointF) -> np.ndarray:
        raise NotImplementedError

    def _tooltip_for(self, indices: np.ndarray) -> str:
        raise NotImplementedError

    def _inside_plot(self, scene_pos: QPointF) -> bool:
        return len(self._ids) > 0 and self.view_box.sceneBoundingRect().contains(scene_pos)

    def _view_to_viewport(self, x: float, y: float) -> QPoint:
        scene_pos = self.view_box.mapViewToScene(QPointF(x, y))
        return self.view.mapFromScene(scene_pos)

    def _on_scene_clicked(self, ev) -> None:  # type: ignore[no-untyped-def]
        if ev.button() != Qt.MouseButton.LeftButton or ev.double():
            return
        scene_pos = ev.scenePos()
        if not self._inside_plot(scene_pos):
            return
        indices = self._indices_at(scene_pos)
        if len(indices):
            self.customersClicked.emit([int(i) for i in self._ids[indices]])

    def _on_scene_moved(self, scene_pos: QPointF) -> None:
        indices = self._indices_at(scene_pos) if self._inside_plot(scene_pos) else np.empty(0, np.int64)
        if len(indices):
            global_pos = self.view.viewport().mapToGlobal(self.view.mapFromScene(scene_pos))
            QToolTip.showText(global_pos, self._tooltip_for(indices), self.view)
            self._tooltip_shown = True
        elif self._tooltip_shown:
            QToolTip.hideText()
            self._tooltip_shown = False

    def _label_lines(self, indices: np.ndarray) -> list[str]:
        lines = [self._labels[int(i)] for i in indices[:TOOLTIP_MAX_LABELS]]
        if len(indices) > TOOLTIP_MAX_LABELS:
            more = len(indices) - TOOLTIP_MAX_LABELS
            lines.append(self.tr("… and {count} more").format(count=_format_number(more, 0)))
        return lines


def _check_lengths(**columns: Sequence[object]) -> int:
    lengths = {name: len(values) for name, values in columns.items()}
    if len(set(lengths.values())) > 1:
        raise ValueError(f"chart columns differ in length: {lengths}")
    return next(iter(lengths.values()), 0)


class ParetoChart(_ChartBase):
    """Sales per customer, largest first, with the cumulative share on a 0-100 % axis.

    A dashed line marks a share of sales (80 % unless set); a vertical line shows how
    many of the top customers it takes to reach it (the 80/20 rule). Bar ``i`` is drawn
    at x = i + 1, the customer's rank.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        view = pg.PlotWidget(
            axisItems={"left": _NumberAxis("left"), "bottom": _RankAxis("bottom")},
            background=BACKGROUND,
        )
        super().__init__(view, view.getPlotItem(), parent)
        self._amounts = np.empty(0, dtype=float)
        self._cumulative = np.empty(0, dtype=float)
        self._marker_share = 0.8
        self._crossing: int | None = None

        plot = self.plot_item
        style_plot(plot)
        plot.showAxis("right")
        # One grid is enough; the right axis' grid would not line up with the left one.
        plot.getAxis("right").setGrid(False)
        plot.getAxis("right").setTicks([[(v, f"{v}%") for v in range(0, 101, 20)]])
        main = self.view_box
        main.setMouseEnabled(x=True, y=False)
        main.setAutoVisible(y=True)

        # The cumulative share lives in a second ViewBox linked on X (pyqtgraph's
        # MultiplePlotAxes example), so its 0-100 scale is independent of the bars.
        self._share_view = _OverlayViewBox(enableMenu=False)
        plot.scene().addItem(self._share_view)
        # Above the main view: a ViewBox sits at z -100, under the main view's white fill.
        self._share_view.setZValue(plot.zValue() + 1)
        plot.getAxis("right").linkToView(self._share_view)
        self._share_view.setXLink(main)
        self._share_view.setMouseEnabled(x=False, y=False)
        self._share_view.setYRange(0, 105, padding=0)
        main.sigResized.connect(self._sync_share_view)

        self._bars = pg.BarGraphItem(
            x=np.empty(0),
            height=np.empty(0),
            width=BAR_WIDTH,
            brush=BAR_COLOUR,
            # A 1-pixel cosmetic outline keeps bars visible when thousands share a pixel.
            pen=pg.mkPen(BAR_COLOUR, width=1, cosmetic=True),
        )
        plot.addItem(self._bars)

        # Downsampled to the pixels on screen: an antialiased 100,000-point path takes
        # 0.16 s to draw, and the curve is monotonic, so subsampling loses nothing visible.
        self._share_curve = pg.PlotDataItem(
            pen=pg.mkPen(LINE_COLOUR, width=2),
            antialias=True,
            clipToView=True,
            autoDownsample=True,
            downsampleMethod="subsample",
        )
        self._share_view.addItem(self._share_curve)
        self._crossing_dot = pg.ScatterPlotItem(size=8, pen=pg.mkPen("w", width=1.5), brush=pg.mkBrush(LINE_COLOUR))
        self._share_view.addItem(self._crossing_dot)

        dashed = pg.mkPen(MARKER_COLOUR, width=1, style=Qt.PenStyle.DashLine)
        label_opts = {"color": AXIS_COLOUR, "fill": pg.mkBrush(*CAPTION_FILL)}
        self._marker_line = pg.InfiniteLine(
            angle=0,
            pen=dashed,
            label=" ",
            labelOpts={**label_opts, "position": 0.98, "anchors": [(1, 1), (1, 1)]},
        )
        self._share_view.addItem(self._marker_line, ignoreBounds=True)
        # Text to the right of the line while it is left of the centre, else to its left.
        self._crossing_line = pg.InfiniteLine(
            angle=90,
            pen=dashed,
            label=" ",
            labelOpts={**label_opts, "position": 0.55, "anchors": [(0, 0.5), (1, 0.5)]},
        )
        plot.addItem(self._crossing_line, ignoreBounds=True)
        for item in (self._marker_line.label, self._crossing_line.label):
            item.textItem.setFont(QGuiApplication.font())

        self.set_axis_labels(
            self.tr("Customers ranked by sales"), self.tr("Sales"), self.tr("Cumulative share of sales")
        )
        self._update_marker()

    # -- public API -------------------------------------------------------------------

    def set_data(
        self,
        ids: Sequence[int],
        labels: Sequence[str],
        amounts: Sequence[float],
        cumulative_share: Sequence[float],
    ) -> None:
        """Show one bar per customer, already sorted largest first by the caller.

        ``cumulative_share`` holds fractions (0.5 for 50 %), one per customer.
        """
        n = _check_lengths(ids=ids, labels=labels, amounts=amounts, cumulative_share=cumulative_share)
        self._ids = np.asarray(ids, dtype=np.int64).reshape(n)
        self._labels = list(labels)
        self._amounts = np.asarray(amounts, dtype=float).reshape(n)
        self._cumulative = np.asarray(cumulative_share, dtype=float).reshape(n)
        ranks = np.arange(1, n + 1, dtype=float)
        self._bars.setOpts(x=ranks, height=self._amounts, width=BAR_WIDTH)
        self._share_curve.setData(ranks, self._cumulative * 100.0)
        main = self.view_box
        # Bars stand on the bottom edge, level with 0 % on the right-hand axis.
        y_min = 0.0 if n == 0 or self._amounts.min() >= 0 else None
        main.setLimits(xMin=0, xMax=max(n, 1) + 1, yMin=y_min)
        main.enableAutoRange()
        self._update_marker()

    def set_marker_share(self, share: float) -> None:
        """Move the marker to a share of sales given as a fraction (0.8 for 80 %)."""
        if not 0.0 < share <= 1.0:
            raise ValueError(f"marker share must be in (0, 1], got {share}")
        self._marker_share = float(share)
        self._update_marker()

    def marker_share(self) -> float:
        return self._marker_share

    def set_axis_labels(self, x: str, sales: str, share: str) -> None:
        """Label the rank axis, the sales axis (left) and the cumulative-share axis (right)."""
        self.plot_item.setLabel("bottom", x)
        self.plot_item.setLabel("left", sales)
        self.plot_item.getAxis("right").setLabel(share, color=LINE_COLOUR)

    def bar_count(self) -> int:
        return len(self._ids)

    def crossing_index(self) -> int | None:
        """Index of the customer whose cumulative share first reaches the marker, or None."""
        return self._crossing

    def crossing_text(self) -> str:
        """The caption on the vertical crossing line ("" when it is hidden)."""
        return self._crossing_line.label.toPlainText() if self._crossing_line.isVisible() else ""

    def marker_text(self) -> str:
        return self._marker_line.label.toPlainText()

    def bar_position(self, index: int) -> QPoint:
        """Centre of bar ``index`` (half its height) in the view's viewport coordinates."""
        return self._view_to_viewport(index + 1.0, self._amounts[index] / 2.0)

    # -- internals --------------------------------------------------------------------

    def _sync_share_view(self) -> None:
        self._share_view.setGeometry(self.view_box.sceneBoundingRect())
        self._share_view.linkedViewChanged(self.view_box, self._share_view.XAxis)

    def _update_marker(self) -> None:
        share = self._marker_share
        self._marker_line.setValue(share * 100.0)
        _set_line_text(self._marker_line, self.tr("{share:.0%} of sales").format(share=share))
        # Tolerance: shares summed in floating point give 0.7999999999 for 50 % + 30 %.
        reached = np.flatnonzero(self._cumulative >= share - 1e-9)
        self._crossing = int(reached[0]) if len(reached) else None
        if self._crossing is None:
            self._crossing_line.hide()
            self._crossing_dot.setData([], [])
            return
        count = self._crossing + 1
        self._crossing_line.setValue(count + 0.5)
        self._crossing_line.show()
        text = self.tr("Top {count} customers ({share:.0%} of customers)").format(
            count=_format_number(count, 0), share=count / len(self._ids)
        )
        _set_line_text(self._crossing_line, text)
        self._crossing_dot.setData([float(count)], [self._cumulative[self._crossing] * 100.0])

    def _indices_at(self, scene_pos: QPointF) -> np.ndarray:
        point = self.view_box.mapSceneToView(scene_pos)
        px, py = self.view_box.viewPixelSize()
        half = BAR_WIDTH / 2 + HIT_SLACK_PX * px
        # Bar i spans rank i + 1 ± half.
        first = max(0, math.ceil(point.x() - half - 1))
        last = min(len(self._ids) - 1, math.floor(point.x() + half - 1))
        if last < first:
            return np.empty(0, dtype=np.int64)
        candidates = np.arange(first, last + 1)
        heights = self._amounts[candidates]
        slack = HIT_SLACK_PX * py
        y = point.y()
        under = (y >= np.minimum(heights, 0) - slack) & (y <= np.maximum(heights, 0) + slack)
        return candidates[under]

    def _tooltip_for(self, indices: np.ndarray) -> str:
        if len(indices) == 1:
            i = int(indices[0])
            return self.tr("{label}\nSales: {amount}\nCumulative share: {share:.1%}").format(
                label=self._labels[i], amount=_format_number(self._amounts[i], 2), share=self._cumulative[i]
            )
        return "\n".join(self._label_lines(indices))


def _set_line_text(line: pg.InfiniteLine, text: str) -> None:
    # InfLineLabel treats its text as a format string with {value}; escape our braces.
    line.label.setFormat(text.replace("{", "{{").replace("}", "}}"))


class QuadrantScatter(_ChartBase):
    """Customers as points on two measures, split into four quadrants.

    Points are coloured by class from ``CLASS_PALETTE`` (a class keeps its colour for
    the life of the widget) with a legend above the plot. X may be drawn on a log scale,
    since amounts are heavy-tailed.
    """

    QUADRANTS = ("top_right", "top_left", "bottom_left", "bottom_right")

    def __init__(self, parent: QWidget | None = None) -> None:
        view = pg.PlotWidget(
            axisItems={"left": _NumberAxis("left"), "bottom": _NumberAxis("bottom")},
            background=BACKGROUND,
        )
        super().__init__(view, view.getPlotItem(), parent)
        style_plot(self.plot_item)
        plot_item = self.plot_item
        # The legend is a plain label above the plot: inside the plot it would collide
        # with the corner captions, and a QLabel wraps when there are many classes.
        self._legend = QLabel(self)
        self._legend.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._legend.setWordWrap(True)
        self._legend.setTextFormat(Qt.TextFormat.RichText)
        self._legend.setStyleSheet(f"background: {BACKGROUND}; color: {AXIS_COLOUR}; padding: 4px;")
        self._legend.hide()
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.setSpacing(0)
        layout.insertWidget(0, self._legend)

        self._x = np.empty(0, dtype=float)
        self._y = np.empty(0, dtype=float)
        self._x_plot = np.empty(0, dtype=float)  # x as drawn: log10 of x in log mode
        self._classes = np.empty(0, dtype=object)
        self._log_x = False
        self._splits: tuple[float | None, float | None] = (None, None)
        self._class_colours: dict[str, str] = {}
        self._scatters: list[_QuietScatter] = []
        self._point_size = POINT_SIZE

        dashed = pg.mkPen(MARKER_COLOUR, width=1, style=Qt.PenStyle.DashLine)
        self._x_split_line = pg.InfiniteLine(angle=90, pen=dashed)
        self._y_split_line = pg.InfiniteLine(angle=0, pen=dashed)
        for line in (self._x_split_line, self._y_split_line):
            line.hide()
            plot_item.addItem(line, ignoreBounds=True)

        # Captions are children of the ViewBox itself, not of its data group, so they
        # sit in the plot's corners in pixels whatever the zoom.
        anchors = {"top_right": (1, 0), "top_left": (0, 0), "bottom_left": (0, 1), "bottom_right": (1, 1)}
        self._captions: dict[str, pg.TextItem] = {}
        for name in self.QUADRANTS:
            caption = pg.TextItem(color=AXIS_COLOUR, anchor=anchors[name], fill=pg.mkBrush(*CAPTION_FILL))
            caption.textItem.setFont(QGuiApplication.font())
            caption.setParentItem(self.view_box)
            caption.setZValue(1000)
            caption.hide()
            self._captions[name] = caption
        self.view_box.sigResized.connect(self._place_captions)

    # -- public API -------------------------------------------------------------------

    def set_data(
        self,
        ids: Sequence[int],
        labels: Sequence[str],
        x: Sequence[float],
        y: Sequence[float],
        classes: Sequence[str],
    ) -> None:
        """Show one point per customer at (x, y), coloured by its class."""
        n = _check_lengths(ids=ids, labels=labels, x=x, y=y, classes=classes)
        self._ids = np.asarray(ids, dtype=np.int64).reshape(n)
        self._labels = list(labels)
        self._x = np.asarray(x, dtype=float).reshape(n)
        self._y = np.asarray(y, dtype=float).reshape(n)
        self._classes = np.asarray(list(classes), dtype=object).reshape(n)
        self._redraw()

    def set_splits(self, x_split: float | None, y_split: float | None) -> None:
        """Draw the quadrant borders at these values (None hides a border)."""
        self._splits = (x_split, y_split)
        self._place_splits()

    def set_quadrant_labels(self, top_right: str, top_left: str, bottom_left: str, bottom_right: str) -> None:
        texts = dict(zip(self.QUADRANTS, (top_right, top_left, bottom_left, bottom_right), strict=True))
        for name, text in texts.items():
            caption = self._captions[name]
            caption.setText(text)
            caption.setVisible(bool(text))
        self._place_captions()

    def quadrant_captions(self) -> dict[str, pg.TextItem]:
        """The caption items by quadrant name ("top_right", ...); read ``toPlainText()``."""
        return dict(self._captions)

    def set_axis_labels(self, x: str, y: str) -> None:
        self.plot_item.setLabel("bottom", x)
        self.plot_item.setLabel("left", y)

    def set_log_x(self, log_x: bool) -> None:
        """Draw X on a log scale. Zero and negative x sit one decade below the smallest
        positive value, at the left edge, rather than vanishing."""
        self._log_x = bool(log_x)
        self.plot_item.getAxis("bottom").setLogMode(self._log_x)
        self._redraw()

    def is_log_x(self) -> bool:
        return self._log_x

    def point_count(self) -> int:
        return len(self._ids)

    def class_colours(self) -> dict[str, str]:
        return dict(self._class_colours)

    def point_position(self, index: int) -> QPoint:
        """Point ``index`` in the view's viewport coordinates."""
        return self._view_to_viewport(self._x_plot[index], self._y[index])

    # -- internals --------------------------------------------------------------------

    def _to_plot_x(self, values: np.ndarray) -> np.ndarray:
        if not self._log_x:
            return values
        floor = self._log_floor()
        return np.log10(np.where(values > 0, values, floor))

    def _log_floor(self) -> float:
        positive = self._x[self._x > 0]
        return float(positive.min()) / 10.0 if len(positive) else 1.0

    def _redraw(self) -> None:
        self._x_plot = self._to_plot_x(self._x)
        for scatter in self._scatters:
            self.plot_item.removeItem(scatter)
        self._scatters.clear()
        self._point_size = POINT_SIZE if len(self._ids) <= 10_000 else POINT_SIZE - 2
        names, counts = np.unique(self._classes.astype(str), return_counts=True)
        for name in names:
            if name not in self._class_colours:
                colour = CLASS_PALETTE[len(self._class_colours) % len(CLASS_PALETTE)]
                self._class_colours[name] = colour
        # Largest class drawn first, so a rare class is not buried under a common one.
        for name in names[np.argsort(-counts, kind="stable")]:
            fill = pg.mkColor(self._class_colours[name])
            fill.setAlpha(190)
            scatter = _QuietScatter(
                x=self._x_plot[self._classes == name],
                y=self._y[self._classes == name],
                size=self._point_size,
                pen=None,
                brush=pg.mkBrush(fill),
                pxMode=True,
                name=name,
            )
            self.plot_item.addItem(scatter)
            self._scatters.append(scatter)
        entries = [
            f'<span style="color:{self._class_colours[name]}">&#9679;</span>&nbsp;'
            f"{html.escape(name)} ({_format_number(count, 0)})"
            for name, count in zip(names, counts, strict=True)
        ]
        self._legend.setText("&nbsp;&nbsp;&nbsp;&nbsp;".join(entries))
        self._legend.setVisible(bool(entries))
        self._place_splits()
        self.view_box.enableAutoRange()

    def _place_splits(self) -> None:
        x_split, y_split = self._splits
        if x_split is not None:
            self._x_split_line.setValue(float(self._to_plot_x(np.array([x_split], dtype=float))[0]))
        if y_split is not None:
            self._y_split_line.setValue(float(y_split))
        self._x_split_line.setVisible(x_split is not None)
        self._y_split_line.setVisible(y_split is not None)

    def _place_captions(self) -> None:
        rect = self.view_box.rect()
        margin = 6.0
        corners = {
            "top_right": QPointF(rect.right() - margin, rect.top() + margin),
            "top_left": QPointF(rect.left() + margin, rect.top() + margin),
            "bottom_left": QPointF(rect.left() + margin, rect.bottom() - margin),
            "bottom_right": QPointF(rect.right() - margin, rect.bottom() - margin),
        }
        for name, caption in self._captions.items():
            caption.setPos(corners[name])

    def _indices_at(self, scene_pos: QPointF) -> np.ndarray:
        point = self.view_box.mapSceneToView(scene_pos)
        px, py = self.view_box.viewPixelSize()
        if px <= 0 or py <= 0:
            return np.empty(0, dtype=np.int64)
        dx = (self._x_plot - point.x()) / px
        dy = (self._y - point.y()) / py
        distance2 = dx * dx + dy * dy
        radius = self._point_size / 2 + HIT_SLACK_PX
        hits = np.flatnonzero(distance2 <= radius * radius)
        return hits[np.argsort(distance2[hits], kind="stable")]

    def _tooltip_for(self, indices: np.ndarray) -> str:
        return "\n".join(self._label_lines(indices))
