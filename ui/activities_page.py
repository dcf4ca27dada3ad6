"""The activity log and sales-time allocation (销售时间管理): the log with a quick-add form, where
each rep's time goes (direct selling against the target, the weekly trend, what moving chores to
support staff would be worth), and what contacting customers costs per channel and per class.

The page holds no rules: shares, what-if and contact cost come from :mod:`domain.time_allocation`,
the data from :mod:`storage.activities`; loading runs through :func:`ui.jobs.run_job`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from domain.text import pinyin_keys
from domain.time_allocation import (
    Category,
    Channel,
    ContactCost,
    TimeEntry,
    TimeSettings,
    allocation_by_rep,
    contact_cost,
    weekly_trend,
    what_if,
)
from storage import activities as repo
from storage import activity_exchange as exchange
from storage.customers import overview
from storage.db import Database
from ui.dialogs.activity_dialogs import (
    ActivityEditDialog,
    ActivityForm,
    ActivityImportDialog,
    ActivityTypesDialog,
    FormChoices,
    TimeSettingsDialog,
    category_names,
    channel_names,
    type_label,
)
from ui.jobs import run_job
from ui.labels import money, ui_language
from widgets.columnar_model import Column, ColumnarModel
from widgets.filter_bar import FilterBar
from widgets.time_charts import ShareTrendChart, StackedShareChart, WhatIfView

log = logging.getLogger(__name__)

NOT_LINKED = ""
"""The class key of contacts with no customer (or a customer without a class)."""


@dataclass
class _Loaded:
    first: date
    last: date
    log: repo.ActivityLog
    entries: list[TimeEntry]
    reps: dict[int, str]
    active: list[int]
    types: list[repo.TypeRow]
    customers: list[tuple[int, str]]
    customer_keys: dict[int, str]
    settings: TimeSettings
    won: list[repo.WonDeal]
    classes: dict[int, str] = field(default_factory=dict)


def _percent(value: float) -> str:
    return f"{value * 100:.1f}%"


def _hours(minutes: int) -> str:
    return f"{minutes / 60:,.1f}"


class ActivitiesPage(QWidget):
    """Tabs Log, Time allocation and Contact cost over one period chosen at the top."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.loaded: _Loaded | None = None
        self.loading = False
        self._again = False
        self._classes: dict[int, str] | None = None
        self._select_after_load: int | None = None
        self._haystacks: list[str] = []
        self._pinyin: dict[str, str] = {}

        # -- period and actions ---------------------------------------------------------
        self.preset = QComboBox()
        self.preset.setObjectName("period_preset")
        for key, text in (
            ("3m", self.tr("Last 3 months")),
            ("month", self.tr("This month")),
            ("last_month", self.tr("Last month")),
            ("quarter", self.tr("This quarter")),
            ("year", self.tr("This year")),
            ("custom", self.tr("Custom")),
        ):
            self.preset.addItem(text, key)
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit, name in ((self.date_from, "period_from"), (self.date_to, "period_to")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self._apply_preset("3m")
        self.preset.activated.connect(lambda _i: self._apply_preset(self.preset.currentData(), reload=True))
        self.date_from.editingFinished.connect(self._custom_period)
        self.date_to.editingFinished.connect(self._custom_period)
        import_button = QPushButton(self.tr("Import activities…"))
        import_button.clicked.connect(lambda: self.open_import())
        export_button = QPushButton(self.tr("Export…"))
        export_button.clicked.connect(self.export)
        types_button = QPushButton(self.tr("Activity types…"))
        types_button.clicked.connect(self.edit_types)
        settings_button = QPushButton(self.tr("Settings…"))
        settings_button.clicked.connect(self.edit_settings)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period")))
        top.addWidget(self.preset)
        top.addWidget(self.date_from)
        top.addWidget(QLabel("–"))
        top.addWidget(self.date_to)
        top.addStretch(1)
        for button in (import_button, export_button, types_button, settings_button):
            top.addWidget(button)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_log_tab(), self.tr("Log"))
        self.tabs.addTab(self._build_allocation_tab(), self.tr("Time allocation"))
        self.tabs.addTab(self._build_cost_tab(), self.tr("Contact cost"))
        self.tabs.currentChanged.connect(lambda _i: self._ensure_classes())
        self.status = QLabel()
        self.status.setObjectName("activities_status")
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        self.reload()

    # ------------------------------------------------------------------ building tabs

    def _build_log_tab(self) -> QWidget:
        self.filters = FilterBar(self.tr("Search rep, customer, type, outcome or pinyin…"))
        self.rep_filter = self.filters.add_choice("rep", self.tr("Rep"), self.tr("All"))
        self.filters.add_choice("category", self.tr("Category"), self.tr("All"))
        self.filters.add_choice("channel", self.tr("Channel"), self.tr("All"))
        self.filters.set_options("category", list(category_names().items()))
        self.filters.set_options("channel", [(k, v) for k, v in channel_names().items() if k])
        self.filters.changed.connect(self._filter)
        self.share_label = QLabel()
        self.share_label.setObjectName("log_share")
        categories, channels = category_names(), channel_names()
        text: Callable[[Any], str] = lambda v: "" if v is None else str(v)  # noqa: E731
        self.log_model = ColumnarModel(
            [
                Column("day", self.tr("Date"), lambda v: v.isoformat() if v else ""),
                Column("start", self.tr("Start"), text),
                Column("end", self.tr("End"), text),
                Column("minutes", self.tr("Minutes"), text, align_right=True),
                Column("rep", self.tr("Rep"), text),
                Column("type", self.tr("Type"), text),
                Column("category", self.tr("Category"), lambda v: categories.get(v, v)),
                Column("channel", self.tr("Channel"), lambda v: channels.get(v, v)),
                Column("customer", self.tr("Customer"), text, tooltip=text),
                Column("outcome", self.tr("Outcome"), text, tooltip=text),
                Column("next_step", self.tr("Next step"), text, tooltip=text),
            ],
            self,
        )
        self.log_view = QTableView()
        self.log_view.setObjectName("activity_log")
        self.log_view.setModel(self.log_model)
        self.log_view.setSortingEnabled(True)
        self.log_view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.log_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.log_view.verticalHeader().hide()
        self.log_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.log_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.log_view.horizontalHeader().setStretchLastSection(True)
        self.log_view.doubleClicked.connect(lambda _index: self.edit_selected())
        widths = (92, 56, 56, 64, 80, 150, 130, 70, 240, 240)
        for column, width in enumerate(widths):
            self.log_view.setColumnWidth(column, width)
        edit = QPushButton(self.tr("Edit…"))
        edit.clicked.connect(self.edit_selected)
        delete = QPushButton(self.tr("Delete"))
        delete.setObjectName("delete_activities")
        delete.clicked.connect(self.delete_selected)
        row = QHBoxLayout()
        row.addWidget(self.share_label, 1)
        row.addWidget(edit)
        row.addWidget(delete)

        self.form = ActivityForm()
        self.form.submitted.connect(self.quick_add)
        add = QPushButton(self.tr("Add"))
        add.setObjectName("quick_add_button")
        add.setDefault(True)
        add.clicked.connect(self.quick_add)
        quick = QGroupBox(self.tr("Quick add (Enter adds)"))
        quick_layout = QHBoxLayout(quick)
        quick_layout.addWidget(self.form, 1)
        quick_layout.addWidget(add, 0, Qt.AlignmentFlag.AlignBottom)

        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.filters)
        layout.addWidget(self.log_view, 1)
        layout.addLayout(row)
        layout.addWidget(quick)
        return tab

    def _build_allocation_tab(self) -> QWidget:
        self.allocation_title = QLabel()
        self.allocation_title.setStyleSheet("font-weight: bold;")
        self.allocation_chart = StackedShareChart()
        self.allocation_chart.setObjectName("allocation_chart")
        self.allocation_chart.customersClicked.connect(self._rep_clicked)
        self.trend_title = QLabel(self.tr("Team direct-selling share by week"))
        self.trend_title.setStyleSheet("font-weight: bold;")
        self.trend_chart = ShareTrendChart()
        self.trend_chart.setObjectName("trend_chart")

        self.move_categories: dict[str, QCheckBox] = {}
        names = category_names()
        what = QGroupBox(self.tr("What if support staff took over…"))
        choose = QVBoxLayout()
        for code in (Category.SUPPORT, Category.ADMIN, Category.MEETING, Category.TRAVEL, Category.TRAINING):
            box = QCheckBox(names[code])
            box.setObjectName(f"move_{code}")
            box.setChecked(code == Category.ADMIN)
            box.toggled.connect(self._update_what_if)
            self.move_categories[code] = box
            choose.addWidget(box)
        choose.addWidget(QLabel(self.tr("…or only these types:")))
        self.move_types = QListWidget()
        self.move_types.setObjectName("move_types")
        self.move_types.itemChanged.connect(lambda _item: self._update_what_if())
        choose.addWidget(self.move_types, 1)
        self.what_if_view = WhatIfView()
        self.what_if_view.setObjectName("what_if")
        what_layout = QHBoxLayout(what)
        self.move_types.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 18)
        what_layout.addLayout(choose, 2)
        what_layout.addWidget(self.what_if_view, 3)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.allocation_title)
        left_layout.addWidget(self.allocation_chart, 1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.trend_title)
        right_layout.addWidget(self.trend_chart, 2)
        right_layout.addWidget(what, 3)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(splitter)
        return tab

    def _cost_columns(self, first: Column) -> list[Column]:
        count: Callable[[Any], str] = lambda v: f"{v:,}"  # noqa: E731
        return [
            first,
            Column("visit", self.tr("Visits"), count, align_right=True),
            Column("phone", self.tr("Calls"), count, align_right=True),
            Column("email", self.tr("E-mails"), count, align_right=True),
            Column("meeting", self.tr("Meetings"), count, align_right=True),
            Column("visit_share", self.tr("Face-to-face share"), _percent, align_right=True),
            Column("cost", self.tr("Cost units"), lambda v: f"{v:,.2f}", align_right=True),
            Column("won", self.tr("Won (¥)"), money, align_right=True),
            Column(
                "per_won",
                self.tr("Cost per ¥10,000 won"),
                lambda v: "—" if v is None else f"{v:,.2f}",
                align_right=True,
            ),
        ]

    def _build_cost_tab(self) -> QWidget:
        self.cost_note = QLabel()
        self.cost_note.setWordWrap(True)
        self.rep_cost_model = ColumnarModel(self._cost_columns(Column("name", self.tr("Rep"), sort_key="pinyin")), self)
        self.class_cost_model = ColumnarModel(self._cost_columns(Column("name", self.tr("Customer class"))), self)
        self.rep_cost_view = QTableView()
        self.rep_cost_view.setObjectName("rep_cost")
        self.class_cost_view = QTableView()
        self.class_cost_view.setObjectName("class_cost")
        for view, model in ((self.rep_cost_view, self.rep_cost_model), (self.class_cost_view, self.class_cost_model)):
            view.setModel(model)
            view.setSortingEnabled(True)
            view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
            view.verticalHeader().hide()
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.cost_note)
        layout.addWidget(QLabel(self.tr("Per rep")))
        layout.addWidget(self.rep_cost_view, 3)
        layout.addWidget(QLabel(self.tr("Per customer class (ABC)")))
        layout.addWidget(self.class_cost_view, 1)
        return tab

    # ------------------------------------------------------------------ period

    def period(self) -> tuple[date, date]:
        return self.date_from.date().toPython(), self.date_to.date().toPython()  # type: ignore[return-value]

    def set_period(self, first: date, last: date) -> None:
        """Show ``first``..``last`` (a custom period) and reload."""
        self.preset.setCurrentIndex(self.preset.findData("custom"))
        self.date_from.setDate(QDate(first.year, first.month, first.day))
        self.date_to.setDate(QDate(last.year, last.month, last.day))
        self.reload()

    def _apply_preset(self, key: str, reload: bool = False) -> None:
        today = date.today()
        if key == "custom":
            return
        if key == "month":
            first, last = today.replace(day=1), today
        elif key == "last_month":
            last = today.replace(day=1) - timedelta(days=1)
            first = last.replace(day=1)
        elif key == "quarter":
            first, last = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1), today
        elif key == "year":
            first, last = date(today.year, 1, 1), today
        else:
            first, last = today - timedelta(days=91), today
        self.date_from.setDate(QDate(first.year, first.month, first.day))
        self.date_to.setDate(QDate(last.year, last.month, last.day))
        if reload:
            self.reload()

    def _custom_period(self) -> None:
        self.preset.setCurrentIndex(self.preset.findData("custom"))
        if self.loaded is None or (self.loaded.first, self.loaded.last) != self.period():
            self.reload()

    # ------------------------------------------------------------------ loading

    def reload(self) -> None:
        if self.loading:
            self._again = True
            return
        self.loading = True
        first, last = self.period()
        need_classes = self._classes is None and self.tabs.currentIndex() == 2

        def work(_progress: Any) -> _Loaded:
            with self.db.transaction() as session:
                loaded = _Loaded(
                    first=first,
                    last=last,
                    log=repo.activity_log(session, first, last),
                    entries=repo.entries(session, first, last),
                    reps=repo.rep_names(session),
                    active=repo.active_rep_ids(session),
                    types=repo.list_types(session),
                    customers=repo.customer_choices(session),
                    customer_keys=repo.customer_search_keys(session),
                    settings=repo.load_settings(session),
                    won=repo.won_deals(session, first, last),
                )
                if need_classes:
                    loaded.classes = {cid: str(c.abc) for cid, c in overview(session).classes.items()}
                return loaded

        run_job(self, work, on_success=self._loaded, on_failure=self._failed)

    def _failed(self, exc: Exception) -> None:
        self.loading = False
        log.error("Activities could not be loaded: %s", exc)
        self.status.setText(self.tr("The activities could not be loaded: {error}").format(error=exc))

    def _loaded(self, loaded: _Loaded) -> None:
        self.loading = False
        if loaded.classes:
            self._classes = loaded.classes
        self.loaded = loaded
        if self._again or (loaded.first, loaded.last) != self.period():
            self._again = False
            self.reload()
            return
        self.form.set_choices(
            FormChoices(self._rep_choices(loaded), loaded.types, loaded.customers, loaded.customer_keys)
        )
        self.filters.set_options("rep", [(rid, loaded.reps[rid]) for rid in self._rep_order(loaded)])
        self._fill_log(loaded)
        self._fill_allocation(loaded)
        self._fill_costs(loaded)
        self.status.setText(
            self.tr("{count} activities from {first} to {last}.").format(
                count=len(loaded.log.ids), first=loaded.first.isoformat(), last=loaded.last.isoformat()
            )
        )

    def _ensure_classes(self) -> None:
        if self.tabs.currentIndex() == 2 and self._classes is None and not self.loading:
            self.reload()

    @staticmethod
    def _rep_order(loaded: _Loaded) -> list[int]:
        """Active reps and anyone with activities in the period, by name."""
        ids = set(loaded.active) | {e.rep_id for e in loaded.entries}
        return sorted(ids, key=lambda rid: (pinyin_keys(loaded.reps.get(rid, ""))[0], rid))

    def _rep_choices(self, loaded: _Loaded) -> list[tuple[int, str]]:
        return [(rid, loaded.reps[rid]) for rid in self._rep_order(loaded) if rid in loaded.active]

    # ------------------------------------------------------------------ log

    def _fill_log(self, loaded: _Loaded) -> None:
        columns = dict(loaded.log.columns)
        codes = columns["type_code"]
        columns["type"] = [type_label(str(c), str(n)) for c, n in zip(codes, columns["type"], strict=True)]
        self.log_model.set_columns_data(loaded.log.ids, columns)
        self._haystacks = [
            "|".join(
                (
                    str(rep),
                    self._pinyin_of(str(rep)),
                    str(customer),
                    self._pinyin_of(str(customer)),
                    str(kind),
                    str(outcome),
                    str(step),
                )
            ).casefold()
            for rep, customer, kind, outcome, step in zip(
                columns["rep"],
                columns["customer"],
                columns["type"],
                columns["outcome"],
                columns["next_step"],
                strict=True,
            )
        ]
        self._filter()
        if self._select_after_load is not None:
            row = self.log_model.row_of_id(self._select_after_load)
            self._select_after_load = None
            if row is not None:
                self.log_view.selectRow(row)
                self.log_view.scrollTo(self.log_model.index(row, 0))

    def _pinyin_of(self, text: str) -> str:
        found = self._pinyin.get(text)
        if found is None:
            found = self._pinyin[text] = "|".join(pinyin_keys(text)) if text else ""
        return found

    def _filter(self) -> None:
        loaded = self.loaded
        if loaded is None:
            return
        needle = self.filters.text().strip().casefold()
        rep = self.filters.choice("rep")
        category = self.filters.choice("category")
        channel = self.filters.choice("channel")
        columns = loaded.log.columns
        reps = columns["rep"]
        rep_name = loaded.reps.get(rep) if rep is not None else None
        visible = [
            i
            for i in range(len(loaded.log.ids))
            if (not needle or needle in self._haystacks[i])
            and (rep_name is None or reps[i] == rep_name)
            and (category is None or columns["category"][i] == category)
            and (channel is None or columns["channel"][i] == channel)
        ]
        self.log_model.set_visible(visible)
        minutes = columns["minutes"]
        total = sum(int(minutes[i]) for i in visible)  # type: ignore[call-overload]
        direct = sum(int(minutes[i]) for i in visible if columns["category"][i] == Category.DIRECT)  # type: ignore[call-overload]
        share = direct / total if total else 0.0
        self.share_label.setText(
            self.tr("{count} activities, {hours} h · direct selling {share} (target {target})").format(
                count=len(visible),
                hours=_hours(total),
                share=_percent(share),
                target=_percent(loaded.settings.direct_target),
            )
        )

    def _rep_clicked(self, rep_ids: list[int]) -> None:
        if rep_ids:
            self.rep_filter.setCurrentIndex(max(0, self.rep_filter.findData(rep_ids[0])))
            self.tabs.setCurrentIndex(0)

    def quick_add(self) -> None:
        record = self.form.record()
        if isinstance(record, str):
            self.form.show_error(record)
            return
        with self.db.transaction() as session:
            new_id = repo.save_activity(session, record)
        self._select_after_load = new_id
        self.form.clear_for_next()
        first, last = self.period()
        if not first <= record.day <= last:
            self.status.setText(
                self.tr("Added an activity on {day}, outside the period shown.").format(day=record.day.isoformat())
            )
        self.reload()

    def _selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.log_view.selectionModel().selectedRows()})
        return [self.log_model.row_id(r) for r in rows]

    def edit_selected(self) -> None:
        ids = self._selected_ids()
        if not ids or self.loaded is None:
            return
        with self.db.transaction() as session:
            record = repo.get_activity(session, ids[0])
        names = dict(self.loaded.customers)
        choices = FormChoices(
            self._rep_choices(self.loaded), self.loaded.types, self.loaded.customers, self.loaded.customer_keys
        )
        dialog = ActivityEditDialog(choices, record, names.get(record.customer_id or 0, ""), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_record is not None:
            with self.db.transaction() as session:
                repo.save_activity(session, dialog.result_record)
            self._select_after_load = ids[0]
            self.reload()

    def delete_selected(self) -> None:
        ids = self._selected_ids()
        if not ids:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete activities"), self.tr("Delete {count} activities?").format(count=len(ids))
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        with self.db.transaction() as session:
            repo.delete_activities(session, ids)
        self.reload()

    # ------------------------------------------------------------------ time allocation

    def _fill_allocation(self, loaded: _Loaded) -> None:
        names = category_names()
        order = list(names)
        per_rep = allocation_by_rep(loaded.entries)
        target = loaded.settings.direct_target
        rows = sorted(per_rep.items(), key=lambda item: (-item[1].direct_share, loaded.reps.get(item[0], "")))
        self.allocation_chart.set_data(
            [rid for rid, _a in rows],
            [loaded.reps.get(rid, str(rid)) for rid, _a in rows],
            [names[c] for c in order],
            [[a.share(c) for c in order] for _rid, a in rows],
            target=target,
            target_text=self.tr("Target {share}").format(share=_percent(target)),
        )
        self.allocation_title.setText(
            self.tr("Where the time goes, {first} – {last} ({count} reps)").format(
                first=loaded.first.isoformat(), last=loaded.last.isoformat(), count=len(rows)
            )
        )
        weeks = weekly_trend(loaded.entries, loaded.first, loaded.last)
        self.trend_chart.set_data(
            [w.week_start.strftime("%m-%d") for w in weeks],
            [w.share for w in weeks],
            target,
            self.tr("Target {share}").format(share=_percent(target)),
        )
        self._fill_move_types(loaded)
        self._update_what_if()

    def _fill_move_types(self, loaded: _Loaded) -> None:
        checked = {
            self.move_types.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.move_types.count())
            if self.move_types.item(i).checkState() == Qt.CheckState.Checked
        }
        names = category_names()
        self.move_types.blockSignals(True)
        self.move_types.clear()
        for t in loaded.types:
            if t.category == Category.DIRECT:
                continue
            item = QListWidgetItem(type_label(t.code, t.name))
            item.setToolTip(names.get(t.category, t.category))
            item.setData(Qt.ItemDataRole.UserRole, t.code)
            item.setData(Qt.ItemDataRole.UserRole + 1, t.category)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if t.code in checked else Qt.CheckState.Unchecked)
            self.move_types.addItem(item)
        self.move_types.blockSignals(False)

    def moved_choice(self) -> tuple[list[str], list[str]]:
        """The categories and the types the what-if panel moves to support staff."""
        categories = [code for code, box in self.move_categories.items() if box.isChecked()]
        types = [
            str(self.move_types.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.move_types.count())
            if self.move_types.item(i).checkState() == Qt.CheckState.Checked
        ]
        return categories, types

    def _update_what_if(self) -> None:
        loaded = self.loaded
        if loaded is None:
            return
        categories, types = self.moved_choice()
        # A type whose whole category moves is included already; grey it out.
        self.move_types.blockSignals(True)
        for i in range(self.move_types.count()):
            item = self.move_types.item(i)
            enabled = item.data(Qt.ItemDataRole.UserRole + 1) not in categories
            flags = item.flags()
            item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled if enabled else flags & ~Qt.ItemFlag.ItemIsEnabled)
        self.move_types.blockSignals(False)
        result = what_if(loaded.entries, categories, types)
        gain = result.headcount_gain
        reps = len({e.rep_id for e in loaded.entries})
        if gain is None:
            gain_text = self.tr("no direct selling logged")
        else:
            gain_text = self.tr("= {gain:+.0%} reps").format(gain=gain)
        detail = self.tr(
            "{hours} h of {total} h move to support staff and become selling time: the same direct-selling "
            "hours as {extra:.1f} more reps at today's share (of {reps})."
        ).format(
            hours=_hours(result.moved_minutes),
            total=_hours(result.total_minutes),
            extra=(gain or 0.0) * reps,
            reps=reps,
        )
        self.what_if_view.set_result(
            self.tr("Now {share}").format(share=_percent(result.old_share)),
            self.tr("After {share}").format(share=_percent(result.new_share)),
            gain_text,
            detail,
            result.old_share,
            result.new_share,
            loaded.settings.direct_target,
            (self.tr("Now"), self.tr("After")),
        )

    # ------------------------------------------------------------------ contact cost

    def _fill_costs(self, loaded: _Loaded) -> None:
        settings = loaded.settings
        self.cost_note.setText(
            self.tr(
                "Contacts are direct-selling activities by channel; one visit : one call : one e-mail cost "
                "{visit:g} : {phone:g} : {email:g} cost units (a meeting with a customer counts as a visit). "
                "Won amounts are opportunities won in the period."
            ).format(visit=settings.visit_cost, phone=settings.phone_cost, email=settings.email_cost)
        )
        won_by_rep: dict[int, int] = {}
        for deal in loaded.won:
            if deal.owner_id is not None:
                won_by_rep[deal.owner_id] = won_by_rep.get(deal.owner_id, 0) + deal.amount_fen
        per_rep = contact_cost(loaded.entries, lambda e: e.rep_id, won_by_rep, settings)
        order = [rid for rid in self._rep_order(loaded) if rid in per_rep]
        labels = [loaded.reps.get(r, str(r)) for r in order]
        self._fill_cost_model(self.rep_cost_model, order, labels, [per_rep[r] for r in order])
        classes = self._classes
        if classes is None:
            self.class_cost_model.set_columns_data([], {k: [] for k in self.class_cost_model.column_keys()})
            return
        won_by_class: dict[str, int] = {}
        for deal in loaded.won:
            key = classes.get(deal.customer_id, NOT_LINKED)
            won_by_class[key] = won_by_class.get(key, 0) + deal.amount_fen
        per_class = contact_cost(
            loaded.entries,
            lambda e: classes.get(e.customer_id, NOT_LINKED) if e.customer_id is not None else NOT_LINKED,
            won_by_class,
            settings,
        )
        keys = sorted(per_class, key=lambda k: (k == NOT_LINKED, k))
        labels = [k or self.tr("No customer") for k in keys]
        self._fill_cost_model(self.class_cost_model, list(range(len(keys))), labels, [per_class[k] for k in keys])

    @staticmethod
    def _fill_cost_model(model: ColumnarModel, ids: list[int], labels: list[str], rows: list[ContactCost]) -> None:
        model.set_columns_data(
            ids,
            {
                "name": labels,
                "pinyin": [pinyin_keys(label)[0] for label in labels],
                "visit": [c.contacts.get(Channel.VISIT, 0) for c in rows],
                "phone": [c.contacts.get(Channel.PHONE, 0) for c in rows],
                "email": [c.contacts.get(Channel.EMAIL, 0) for c in rows],
                "meeting": [c.contacts.get(Channel.MEETING, 0) for c in rows],
                "visit_share": [c.channel_share(Channel.VISIT) + c.channel_share(Channel.MEETING) for c in rows],
                "cost": [c.cost_units for c in rows],
                "won": [c.won_fen / 100 for c in rows],
                "per_won": [c.cost_per_10k_won for c in rows],
            },
        )

    # ------------------------------------------------------------------ actions

    def open_import(self, path: str | None = None) -> ActivityImportDialog:
        dialog = ActivityImportDialog(self.db, self, path)
        dialog.imported.connect(lambda _summary: self.reload())
        dialog.open()
        return dialog

    def export(self) -> None:
        first, last = self.period()
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export activities"),
            f"activities-{first.isoformat()}-{last.isoformat()}.xlsx",
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if not path:
            return
        language = ui_language()
        run_job(
            self,
            lambda _progress: exchange.export_activities(self.db, path, first, last, language),
            on_success=lambda count: self.status.setText(
                self.tr("Exported {count} activities to {file}.").format(count=count, file=path)
            ),
            on_failure=lambda exc: self.status.setText(self.tr("The export failed: {error}").format(error=exc)),
            label=self.tr("Exporting activities…"),
        )

    def edit_types(self) -> None:
        if ActivityTypesDialog(self.db, self).exec() == QDialog.DialogCode.Accepted:
            self.reload()

    def edit_settings(self) -> None:
        if TimeSettingsDialog(self.db, self).exec() == QDialog.DialogCode.Accepted:
            self.reload()
