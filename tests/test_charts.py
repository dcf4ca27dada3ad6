"""Chart widgets: the Pareto crossing, and real mouse clicks on bars and points that
must name exactly the customers under the cursor."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip

from widgets.charts import ParetoChart, QuadrantScatter

PARETO_IDS = [101, 102, 103, 104, 105]
PARETO_LABELS = ["华东贸易", "北方机电", "南方化工", "西部物流", "东海食品"]
PARETO_AMOUNTS = [50.0, 30.0, 10.0, 6.0, 4.0]
PARETO_SHARES = [0.5, 0.8, 0.9, 0.96, 1.0]


def _show(qtbot, widget):  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    widget.resize(800, 500)
    with qtbot.waitExposed(widget):
        widget.show()
    QApplication.processEvents()
    return widget


def _viewport_pos(chart, x: float, y: float) -> QPoint:  # type: ignore[no-untyped-def]
    """Where data point (x, y) is on the chart's viewport, mapped the way a user sees it."""
    scene_pos = chart.plot_item.getViewBox().mapViewToScene(QPointF(x, y))
    return chart.view.mapFromScene(scene_pos)


def _click(qtbot, chart, pos: QPoint) -> None:  # type: ignore[no-untyped-def]
    QTest.mouseClick(chart.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)
    # Keep successive clicks from being read as a double click.
    qtbot.wait(QApplication.styleHints().mouseDoubleClickInterval() + 20)


@pytest.fixture
def pareto(qtbot):  # type: ignore[no-untyped-def]
    chart = _show(qtbot, ParetoChart())
    chart.set_data(PARETO_IDS, PARETO_LABELS, PARETO_AMOUNTS, PARETO_SHARES)
    QApplication.processEvents()
    return chart


@pytest.fixture
def scatter(qtbot):  # type: ignore[no-untyped-def]
    chart = _show(qtbot, QuadrantScatter())
    chart.set_data(
        ids=[7, 8, 9, 10, 11],
        labels=["甲公司", "乙公司", "丙公司", "丁公司", "戊公司"],
        x=[0.0, 100.0, 1_000.0, 10_000.0, 10_000.0],
        y=[0.1, 0.2, 0.5, 0.9, 0.9],
        classes=["C", "B", "B", "A", "A"],
    )
    QApplication.processEvents()
    return chart


def test_pareto_reaches_80_percent_at_the_second_customer(pareto: ParetoChart) -> None:
    assert pareto.bar_count() == 5
    assert pareto.crossing_index() == 1
    assert pareto.crossing_text() == "Top 2 customers (40% of customers)"
    assert pareto.marker_text() == "80% of sales"


def test_moving_the_marker_moves_the_crossing(pareto: ParetoChart) -> None:
    pareto.set_marker_share(0.95)
    assert pareto.crossing_index() == 3
    assert pareto.crossing_text() == "Top 4 customers (80% of customers)"
    assert pareto.marker_text() == "95% of sales"
    pareto.set_marker_share(0.5)
    assert pareto.crossing_index() == 0


def test_marker_share_outside_0_to_100_percent_is_refused(pareto: ParetoChart) -> None:
    with pytest.raises(ValueError):
        pareto.set_marker_share(1.5)


def test_clicking_the_third_bar_names_the_third_customer(qtbot, pareto: ParetoChart) -> None:  # type: ignore[no-untyped-def]
    # Bar i is drawn at rank i + 1; click the middle of bar 3 (amount 10).
    pos = _viewport_pos(pareto, 3.0, 5.0)
    assert pos == pareto.bar_position(2)
    with qtbot.waitSignal(pareto.customersClicked, timeout=1000) as blocker:
        _click(qtbot, pareto, pos)
    assert blocker.args == [[103]]

    with qtbot.waitSignal(pareto.customersClicked, timeout=1000) as blocker:
        _click(qtbot, pareto, _viewport_pos(pareto, 1.0, 45.0))
    assert blocker.args == [[101]]


def test_clicking_above_a_short_bar_names_nobody(qtbot, pareto: ParetoChart) -> None:  # type: ignore[no-untyped-def]
    with qtbot.assertNotEmitted(pareto.customersClicked, wait=100):
        _click(qtbot, pareto, _viewport_pos(pareto, 4.0, 25.0))


def test_clicking_among_thousands_of_bars_names_the_bars_under_that_pixel(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = _show(qtbot, ParetoChart())
    n = 5_000
    amounts = np.full(n, 10.0)
    chart.set_data(
        ids=range(1, n + 1),
        labels=[f"客户{i}" for i in range(n)],
        amounts=amounts,
        cumulative_share=np.cumsum(amounts) / amounts.sum(),
    )
    QApplication.processEvents()
    target = 2_500
    pos = _viewport_pos(chart, target + 1.0, 5.0)
    with qtbot.waitSignal(chart.customersClicked, timeout=1000) as blocker:
        _click(qtbot, chart, pos)
    clicked = blocker.args[0]
    assert target + 1 in clicked  # ids are index + 1
    assert 1 < len(clicked) < 50
    assert clicked == list(range(clicked[0], clicked[-1] + 1))
    for customer_id in clicked:
        bar_x = _viewport_pos(chart, float(customer_id), 5.0).x()
        assert abs(bar_x - pos.x()) <= 3
    assert chart.crossing_index() == 3_999


def test_clicking_a_point_names_that_customer(qtbot, scatter: QuadrantScatter) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(scatter.customersClicked, timeout=1000) as blocker:
        _click(qtbot, scatter, _viewport_pos(scatter, 1_000.0, 0.5))
    assert blocker.args == [[9]]


def test_clicking_two_customers_on_one_spot_names_both(qtbot, scatter: QuadrantScatter) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(scatter.customersClicked, timeout=1000) as blocker:
        _click(qtbot, scatter, _viewport_pos(scatter, 10_000.0, 0.9))
    assert sorted(blocker.args[0]) == [10, 11]


def test_a_neighbour_a_few_pixels_away_is_not_named(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = _show(qtbot, QuadrantScatter())
    chart.set_data([1, 2, 3], ["近", "邻", "远"], [0.0, 2.0, 100.0], [0.0, 0.0, 100.0], ["A", "A", "B"])
    QApplication.processEvents()
    here, neighbour = _viewport_pos(chart, 0.0, 0.0), _viewport_pos(chart, 2.0, 0.0)
    assert 10 <= neighbour.x() - here.x() <= 20
    with qtbot.waitSignal(chart.customersClicked, timeout=1000) as blocker:
        _click(qtbot, chart, here)
    assert blocker.args == [[1]]


def test_clicking_empty_space_names_nobody(qtbot, scatter: QuadrantScatter) -> None:  # type: ignore[no-untyped-def]
    with qtbot.assertNotEmitted(scatter.customersClicked, wait=100):
        _click(qtbot, scatter, _viewport_pos(scatter, 5_000.0, 0.3))


def test_log_scale_keeps_zero_sales_customers_clickable(qtbot, scatter: QuadrantScatter) -> None:  # type: ignore[no-untyped-def]
    scatter.set_log_x(True)
    QApplication.processEvents()
    # Drawn one decade below the smallest positive amount (100): at log10(10) = 1.
    zero_pos = _viewport_pos(scatter, 1.0, 0.1)
    assert zero_pos == scatter.point_position(0)
    with qtbot.waitSignal(scatter.customersClicked, timeout=1000) as blocker:
        _click(qtbot, scatter, zero_pos)
    assert blocker.args == [[7]]
    with qtbot.waitSignal(scatter.customersClicked, timeout=1000) as blocker:
        _click(qtbot, scatter, _viewport_pos(scatter, 2.0, 0.2))  # x = 100
    assert blocker.args == [[8]]


def test_quadrant_captions_sit_in_their_corners(qtbot, scatter: QuadrantScatter) -> None:  # type: ignore[no-untyped-def]
    scatter.set_splits(1_000.0, 0.5)
    scatter.set_quadrant_labels("明星客户", "潜力客户", "问题客户", "现金牛")
    QApplication.processEvents()
    captions = scatter.quadrant_captions()
    texts = {name: item.toPlainText() for name, item in captions.items()}
    assert texts == {
        "top_right": "明星客户",
        "top_left": "潜力客户",
        "bottom_left": "问题客户",
        "bottom_right": "现金牛",
    }
    plot_rect = scatter.plot_item.getViewBox().sceneBoundingRect()
    centre = plot_rect.center()
    for name, item in captions.items():
        rect = item.sceneBoundingRect()
        assert item.isVisible()
        assert plot_rect.contains(rect), name
        assert (rect.center().x() > centre.x()) == name.endswith("right"), name
        assert (rect.center().y() < centre.y()) == name.startswith("top"), name


def test_each_class_gets_its_own_colour(scatter: QuadrantScatter) -> None:
    colours = scatter.class_colours()
    assert sorted(colours) == ["A", "B", "C"]
    assert len(set(colours.values())) == 3


def test_hovering_a_point_shows_its_label(qtbot, scatter: QuadrantScatter) -> None:  # type: ignore[no-untyped-def]
    pos = _viewport_pos(scatter, 100.0, 0.2)
    QTest.mouseMove(scatter.view.viewport(), pos)
    qtbot.waitUntil(lambda: QToolTip.isVisible() and QToolTip.text() == "乙公司", timeout=2000)


def test_columns_of_different_lengths_are_refused(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = QuadrantScatter()
    qtbot.addWidget(chart)
    with pytest.raises(ValueError):
        chart.set_data([1, 2], ["a"], [1.0, 2.0], [1.0, 2.0], ["A", "B"])


def test_a_hundred_thousand_points_still_click_to_one_customer(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = _show(qtbot, QuadrantScatter())
    rng = np.random.default_rng(7)
    n = 100_000
    x = rng.uniform(0, 1_000, n)
    y = rng.uniform(0, 1_000, n)
    # A lone customer well clear of the crowd.
    x[-1], y[-1] = 2_000.0, 2_000.0
    chart.set_data(range(n), [""] * n, x, y, rng.choice(["A", "B", "C"], n))
    QApplication.processEvents()
    with qtbot.waitSignal(chart.customersClicked, timeout=1000) as blocker:
        _click(qtbot, chart, _viewport_pos(chart, 2_000.0, 2_000.0))
    assert blocker.args == [[n - 1]]
