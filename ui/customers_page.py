"""The customer register: filterable list with classes, detail pane, charts, and the actions on customers."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from domain.customers import pareto
from domain.search import TextIndex
from domain.text import search_haystack
from storage import customers as repo
from storage.db import Database
from storage.progress import Progress
from ui.customer_detail import CustomerDetail
from ui.jobs import run_job
from ui.labels import grade_names, money, status_names, value_class_names
from widgets.charts import ParetoChart, QuadrantScatter
from widgets.columnar_model import Column, ColumnarModel
from widgets.filter_bar import FilterBar
from widgets.lazy import LazyWidget

log = logging.getLogger(__name__)


@dataclass
class _Table:
    """The overview laid out in columns for the model and the filters."""

    overview: repo.CustomerOverview
    ids: list[int]
    values: dict[str, list[Any]]
    index: TextIndex


def _build_table(db: Database, include_deleted: bool, progress: Progress) -> _Table:
    """Runs on a worker thread: query, classify, and lay out columns."""
    with db.transaction() as session:
        overview = repo.overview(session, include_deleted=include_deleted)
    progress(1, 2)
    rows = overview.rows
    classes = overview.classes
    facts = overview.facts
    values: dict[str, list[Any]] = {
        key: [getattr(r, key) for r in rows]
        for key in (
            "name",
            "short_name",
            "pinyin",
            "industry",
            "province",
            "city",
            "district",
            "owner",
            "status",
            "phone",
        )
    }
    values["abc"] = [classes[r.id].abc.value if r.id in classes else None for r in rows]
    values["value"] = [classes[r.id].value.value if r.id in classes else None for r in rows]
    values["grade"] = [classes[r.id].grade if r.id in classes else None for r in rows]
    values["score"] = [classes[r.id].score if r.id in classes else None for r in rows]
    values["amount"] = [facts[r.id].annual_fen / 100 if r.id in facts else None for r in rows]
    values["orders"] = [facts[r.id].orders_per_year if r.id in facts else None for r in rows]
    values["deleted"] = [r.deleted for r in rows]
    values["short_pinyin"] = [r.short_name for r in rows]
    haystacks = [search_haystack(r.name, r.short_name, r.phone, r.pinyin, r.initials) for r in rows]
    progress(2, 2)
    return _Table(overview, [r.id for r in rows], values, TextIndex(haystacks))


class CustomersPage(QWidget):
    """One page per register; this one owns the customer list and its actions."""

    dataChanged = Signal()
    """The register changed (the main window may switch from the welcome page)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._table: _Table | None = None
        self._chart_ids: set[int] | None = None
        self._last_deleted: list[int] = []
        self._after_load: list[Callable[[], None]] = []
        self.loading = False

        self.toolbar = QToolBar()
        self.new_action = self._action(self.tr("New customer"), self.new_customer, QKeySequence.StandardKey.New)
        self.delete_action = self._action(self.tr("Delete"), self.delete_selected, QKeySequence.StandardKey.Delete)
        self.restore_action = self._action(self.tr("Restore"), self.restore_selected)
        self.toolbar.addSeparator()
        self.duplicates_action = self._action(self.tr("Find duplicates…"), self.find_duplicates)
        self.toolbar.addSeparator()
        self.import_action = self._action(self.tr("Import…"), self.import_customers)
        self.export_action = self._action(self.tr("Export…"), self.export_customers)
        self.toolbar.addSeparator()
        self.settings_action = self._action(self.tr("Classification settings…"), self.edit_settings)
        self.show_deleted = QCheckBox(self.tr("Show deleted"))
        self.show_deleted.toggled.connect(lambda _on: self.reload())
        self.toolbar.addWidget(self.show_deleted)

        self.filters = FilterBar(self.tr("Search name, short name, phone or pinyin (e.g. hwjs)…"))
        self.filters.add_choice("abc", self.tr("ABC"), self.tr("All"))
        self.filters.add_choice("value", self.tr("Value"), self.tr("All"))
        self.filters.add_choice("industry", self.tr("Industry"), self.tr("All"))
        self.filters.add_choice("province", self.tr("Region"), self.tr("All"))
        self.filters.add_choice("owner", self.tr("Owner"), self.tr("All"))
        self.filters.add_choice("status", self.tr("Status"), self.tr("All"))
        self.filters.set_options("abc", [("A", "A"), ("B", "B"), ("C", "C")])
        self.filters.set_options("value", list(value_class_names().items()))
        self.filters.set_options("status", list(status_names().items()))
        self.filters.changed.connect(self.apply_filters)

        self.chart_filter = QWidget()
        chip = QHBoxLayout(self.chart_filter)
        chip.setContentsMargins(0, 0, 0, 0)
        self.chart_filter_label = QLabel()
        clear_chart = QPushButton(self.tr("Show all"))
        clear_chart.clicked.connect(self.clear_chart_filter)
        chip.addWidget(self.chart_filter_label)
        chip.addWidget(clear_chart)
        chip.addStretch(1)
        self.chart_filter.hide()

        self.undo_bar = QWidget()
        undo = QHBoxLayout(self.undo_bar)
        undo.setContentsMargins(0, 0, 0, 0)
        self.undo_label = QLabel()
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.clicked.connect(self.undo_delete)
        undo.addWidget(self.undo_label)
        undo.addWidget(self.undo_button)
        undo.addStretch(1)
        self.undo_bar.hide()

        self.model = ColumnarModel(self._columns(), self, muted_key="deleted")
        self.view = QTableView()
        self.view.setObjectName("customer_table")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        # A manager reads the register biggest first.
        self.view.sortByColumn(self.model.column_keys().index("amount"), Qt.SortOrder.DescendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setHighlightSections(False)
        self.view.setWordWrap(False)
        for column, width in enumerate((240, 90, 40, 70, 60, 55, 110, 70, 100, 80, 80, 80, 70, 60, 120)):
            self.view.setColumnWidth(column, width)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())

        self.count_label = QLabel()
        # The detail form is built when the first customer is opened; until then a hint shows.
        self._detail: CustomerDetail | None = None
        self._owners: list[tuple[int, str]] = []
        self.detail_stack = QStackedWidget()
        hint = QLabel(self.tr("Select a customer to see and edit the profile, contacts and orders."))
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setStyleSheet("color: #777;")
        self.detail_stack.addWidget(hint)

        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.view)
        left_layout.addWidget(self.count_label)
        splitter.addWidget(left)
        splitter.addWidget(self.detail_stack)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([920, 400])
        list_layout.addWidget(splitter)
        self.splitter = splitter

        # Charts are built when their tab is first opened, so the window paints sooner.
        self.pareto_tab = LazyWidget(self._make_pareto)
        self.matrix_tab = LazyWidget(self._make_matrix)
        self.tabs = QTabWidget()
        self.tabs.addTab(list_page, self.tr("List"))
        self.tabs.addTab(self.pareto_tab, self.tr("Pareto"))
        self.tabs.addTab(self.matrix_tab, self.tr("Value matrix"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.filters)
        layout.addWidget(self.chart_filter)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.tabs, 1)
        self._update_actions()

    def _action(self, text: str, slot: Callable[[], None], shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.toolbar.addAction(action)
        return action

    def _columns(self) -> list[Column]:
        values, grades, statuses = value_class_names(), grade_names(), status_names()

        def fmt(v: Any) -> str:
            return "" if v is None else str(v)

        return [
            Column("name", self.tr("Name"), fmt, sort_key="pinyin", tooltip=fmt),
            Column("short_name", self.tr("Short name"), fmt),
            Column("abc", self.tr("ABC"), fmt),
            Column("value", self.tr("Value"), lambda v: values.get(v, "") if v else ""),
            Column("grade", self.tr("Grade"), lambda v: grades.get(v, v or "") if v is not None else ""),
            Column("score", self.tr("Score"), lambda v: "" if v is None else f"{v:.0f}", align_right=True),
            Column("amount", self.tr("Sales 12 mo. (¥)"), lambda v: "" if v is None else money(v), align_right=True),
            Column("orders", self.tr("Orders/yr"), fmt, align_right=True),
            Column("industry", self.tr("Industry"), fmt),
            Column("province", self.tr("Province"), fmt),
            Column("city", self.tr("City"), fmt),
            Column("district", self.tr("District"), fmt),
            Column("owner", self.tr("Owner"), fmt),
            Column("status", self.tr("Status"), lambda v: statuses.get(v, v)),
            Column("phone", self.tr("Phone"), fmt),
        ]

    # --- loading -------------------------------------------------------------------
    def reload(self, then: Callable[[], None] | None = None) -> None:
        """Reload the register on a worker; ``then`` runs once the new data is shown."""
        if then is not None:
            self._after_load.append(then)
        if self.loading:
            return
        self.loading = True
        self.count_label.setText(self.tr("Loading…"))
        include_deleted = self.show_deleted.isChecked()
        run_job(
            self,
            lambda progress: _build_table(self.db, include_deleted, progress),
            on_success=self._loaded,
            on_failure=self._load_failed,
        )

    def _loaded(self, table: _Table) -> None:
        self.loading = False
        self._table = table
        with self.db.transaction() as session:
            owners = repo.reps(session)
        self._owners = owners
        if self._detail is not None:
            self._detail.set_owners(owners)
        v = table.values
        self.filters.set_options("industry", [(x, x) for x in sorted({i for i in v["industry"] if i})])
        self.filters.set_options("province", [(x, x) for x in sorted({i for i in v["province"] if i})])
        self.filters.set_options("owner", [(x, x) for x in sorted({i for i in v["owner"] if i})])
        current = self._detail.current_id() if self._detail is not None else None
        self.model.set_columns_data(table.ids, v)
        self.apply_filters()
        self._update_charts()
        if current is not None:
            self.select_customer(current)
        self.dataChanged.emit()
        callbacks, self._after_load = self._after_load, []
        for callback in callbacks:
            callback()

    def _load_failed(self, exc: Exception) -> None:
        self.loading = False
        self.count_label.setText(self.tr("The customer list could not be loaded: {error}").format(error=exc))

    # --- filtering -----------------------------------------------------------------
    def apply_filters(self) -> None:
        table = self._table
        if table is None:
            return
        positions = table.index.search(self.filters.text())
        v = table.values
        for key in ("abc", "value", "industry", "province", "owner", "status"):
            wanted = self.filters.choice(key)
            if wanted is not None:
                column = v[key]
                positions = [p for p in positions if column[p] == wanted]
        if self._chart_ids is not None:
            ids, chosen = table.ids, self._chart_ids
            positions = [p for p in positions if ids[p] in chosen]
        self.model.set_visible(positions)
        self.count_label.setText(
            self.tr("{shown} of {total} customers").format(shown=len(positions), total=len(table.ids))
        )
        self._update_actions()

    def show_chart_customers(self, ids: list[int]) -> None:
        """Clicking a bar or a point lists the customers behind it."""
        self._chart_ids = set(ids)
        self.chart_filter_label.setText(self.tr("Customers picked in the chart: {count}.").format(count=len(ids)))
        self.chart_filter.show()
        self.tabs.setCurrentIndex(0)
        self.apply_filters()
        if len(ids) == 1:
            self.select_customer(ids[0])

    def clear_chart_filter(self) -> None:
        self._chart_ids = None
        self.chart_filter.hide()
        self.apply_filters()

    @property
    def pareto(self) -> ParetoChart:
        return self.pareto_tab.widget()  # type: ignore[return-value]

    @property
    def matrix(self) -> QuadrantScatter:
        return self.matrix_tab.widget()  # type: ignore[return-value]

    def _make_pareto(self) -> ParetoChart:
        chart = ParetoChart()
        chart.customersClicked.connect(self.show_chart_customers)
        QTimer.singleShot(0, self._update_charts)
        return chart

    def _make_matrix(self) -> QuadrantScatter:
        chart = QuadrantScatter()
        chart.customersClicked.connect(self.show_chart_customers)
        QTimer.singleShot(0, self._update_charts)
        return chart

    def _update_charts(self) -> None:
        table = self._table
        if table is None:
            return
        if self.pareto_tab.is_built():
            self._update_pareto(table)
        if self.matrix_tab.is_built():
            self._update_matrix(table)

    def _update_pareto(self, table: _Table) -> None:
        overview = table.overview
        names = {r.id: r.short_name or r.name for r in overview.rows}
        points = pareto([(cid, f.annual_amount) for cid, f in overview.facts.items()])
        self.pareto.set_data(
            [p.customer_id for p in points],
            [names.get(p.customer_id, "") for p in points],
            [float(p.amount) for p in points],
            [p.cumulative_share for p in points],
        )

    def _update_matrix(self, table: _Table) -> None:
        overview = table.overview
        names = {r.id: r.short_name or r.name for r in overview.rows}
        buyers = [f for f in overview.facts.values() if f.annual_fen > 0 and f.customer_id in names]
        settings = overview.settings
        self.matrix.set_axis_labels(self.tr("Annual purchase amount (¥)"), self.tr("Orders per year"))
        self.matrix.set_log_x(True)
        self.matrix.set_splits(float(settings.value_amount_split), settings.value_density_split)
        vc = value_class_names()
        self.matrix.set_quadrant_labels(vc["star"], vc["volcano"], vc["dog"], vc["cow"])
        self.matrix.set_data(
            [f.customer_id for f in buyers],
            [names[f.customer_id] for f in buyers],
            [f.annual_fen / 100 for f in buyers],
            [float(f.orders_per_year) for f in buyers],
            [vc[overview.classes[f.customer_id].value.value] for f in buyers],
        )

    # --- selection and editing -----------------------------------------------------
    @property
    def detail(self) -> CustomerDetail:
        """The detail form, built on first use."""
        if self._detail is None:
            self._detail = CustomerDetail()
            self._detail.saveRequested.connect(self.save_record)
            self._detail.set_owners(self._owners)
            self.detail_stack.addWidget(self._detail)
        self.detail_stack.setCurrentWidget(self._detail)
        return self._detail

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.row_id(r) for r in rows]

    def select_customer(self, customer_id: int) -> None:
        row = self.model.row_of_id(customer_id)
        if row is None:
            return
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.scrollTo(index)

    def _current_changed(self, current: Any, _previous: Any) -> None:
        self._update_actions()
        if not current.isValid():
            return
        customer_id = self.model.row_id(current.row())
        if self._detail is not None and customer_id == self._detail.current_id():
            return
        with self.db.transaction() as session:
            record = repo.get_record(session, customer_id)
            history = repo.history(session, customer_id)
        self.detail.show_record(record, history)

    def _update_actions(self) -> None:
        has_selection = self.view.selectionModel().hasSelection() if self.view.selectionModel() else False
        deleted_view = self.show_deleted.isChecked()
        self.delete_action.setEnabled(has_selection)
        self.restore_action.setEnabled(has_selection and deleted_view)
        self.restore_action.setVisible(deleted_view)

    def new_customer(self) -> None:
        from domain.records import CustomerRecord

        self.view.clearSelection()
        self.detail.show_record(CustomerRecord(name=""), [])
        self.detail.tabs.setCurrentIndex(0)
        self.detail.editors["name"].setFocus()

    def save_record(self, record: Any) -> None:
        try:
            with self.db.transaction() as session:
                customer_id = repo.save_record(session, record)
                saved = repo.get_record(session, customer_id)
                history = repo.history(session, customer_id)
        except Exception as exc:  # a locked or broken database; say so, keep the edits on screen
            log.exception("Saving customer failed")
            QMessageBox.warning(
                self, self.tr("Not saved"), self.tr("The customer could not be saved: {error}").format(error=exc)
            )
            return
        self.detail.show_record(saved, history)
        self.reload(then=lambda: self.select_customer(customer_id))

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        with self.db.transaction() as session:
            deleted = repo.soft_delete(session, ids)
        self._last_deleted = deleted
        self.undo_label.setText(self.tr("Customers deleted: {count}.").format(count=len(deleted)))
        self.undo_bar.show()
        if self._detail is not None:
            self._detail.clear()
        self.reload()
        QTimer.singleShot(30_000, self.undo_bar.hide)

    def undo_delete(self) -> None:
        if not self._last_deleted:
            return
        ids, self._last_deleted = self._last_deleted, []
        with self.db.transaction() as session:
            repo.restore(session, ids)
        self.undo_bar.hide()
        self.reload(then=lambda: self.select_customer(ids[0]))

    def restore_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            with self.db.transaction() as session:
                repo.restore(session, ids)
            self.reload()

    # --- dialogs -------------------------------------------------------------------
    def find_duplicates(self) -> None:
        from ui.dialogs.duplicates_dialog import DuplicatesDialog

        dialog = DuplicatesDialog(self.db, self)
        dialog.merged.connect(lambda: self.reload())
        dialog.open()

    def import_customers(self, path: str | None = None) -> None:
        from ui.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(self.db, self, path=path)
        dialog.imported.connect(lambda: self.reload())
        dialog.open()

    def export_customers(self, path: str | None = None) -> None:
        from ui.dialogs.export import export_customers

        export_customers(self, self.db, path)

    def edit_settings(self) -> None:
        from ui.dialogs.classification_dialog import ClassificationDialog

        dialog = ClassificationDialog(self.db, self)
        dialog.accepted.connect(lambda: self.reload())
        dialog.open()
