"""The main window: a sidebar of registers, one page each, menus, and the status bar. Wiring only."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from storage import customers as repo
from storage.db import Database
from ui.attendance_page import AttendancePage
from ui.customers_page import CustomersPage
from ui.jobs import run_job
from ui.welcome_page import WelcomePage
from widgets.lazy import LazyWidget

PAGES = ("customers", "pipeline", "competitors", "attendance", "activities", "visits", "dashboard")


class MainWindow(QMainWindow):
    """``openSampleRequested`` asks the application to reopen on the sample workspace."""

    openSampleRequested = Signal()
    languageChosen = Signal(str)

    def __init__(self, db: Database, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.setWindowTitle(self.tr("Sales console"))
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(170)
        self.sidebar.setIconSize(QSize(16, 16))
        self.sidebar.setStyleSheet(
            "QListWidget { background: #f3f4f6; border: none; font-size: 14px; }"
            "QListWidget::item { padding: 9px 12px; }"
            "QListWidget::item:selected { background: #dbe7fb; color: #1a3d7c; }"
        )
        self.stack = QStackedWidget()
        self.customers = CustomersPage(db)
        self.welcome = WelcomePage()
        self.welcome.sampleRequested.connect(self.openSampleRequested)
        self.welcome.importRequested.connect(self._import_from_welcome)
        self.welcome.startEmptyRequested.connect(lambda: self._show_customers(force=True))
        titles = {
            "customers": self.tr("Customers"),
            "pipeline": self.tr("Pipeline"),
            "competitors": self.tr("Competitors"),
            "attendance": self.tr("Attendance"),
            "activities": self.tr("Activities & time"),
            "visits": self.tr("Visit plans"),
            "dashboard": self.tr("Dashboard"),
        }
        self.attendance_tab = LazyWidget(lambda: AttendancePage(db))
        self.pipeline_tab = LazyWidget(self._build_pipeline)
        self.competitors_tab = LazyWidget(self._build_competitors)
        self.activities_tab = LazyWidget(self._build_activities)
        self.visits_tab = LazyWidget(self._build_visits)
        self.dashboard_tab = LazyWidget(self._build_dashboard)
        self.pages: dict[str, QWidget] = {
            "customers": self.customers,
            "pipeline": self.pipeline_tab,
            "competitors": self.competitors_tab,
            "attendance": self.attendance_tab,
            "activities": self.activities_tab,
            "visits": self.visits_tab,
            "dashboard": self.dashboard_tab,
        }
        self.customers_container = QStackedWidget()
        self.customers_container.addWidget(self.welcome)
        self.customers_container.addWidget(self.customers)
        for key in PAGES:
            QListWidgetItem(titles[key], self.sidebar).setData(Qt.ItemDataRole.UserRole, key)
            self.stack.addWidget(self.customers_container if key == "customers" else self.pages[key])
        self.sidebar.currentRowChanged.connect(self._page_changed)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.db_label = QLabel(self.tr("Database: {name}").format(name=db.display_name))
        self.statusBar().addPermanentWidget(self.db_label)
        self._build_menus()

        with db.transaction() as session:
            empty = repo.count_live(session) == 0
        self.customers_container.setCurrentWidget(self.welcome if empty else self.customers)
        self.customers.dataChanged.connect(self._customers_changed)

        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)  # type: ignore[arg-type]
        else:
            self.resize(1280, 800)
        last = str(settings.value("window/page", "customers"))
        self.sidebar.setCurrentRow(PAGES.index(last) if last in PAGES else 0)
        self.customers.reload()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._menu_action(file_menu, self.tr("Import customers…"), self.customers.import_customers)
        self._menu_action(file_menu, self.tr("Export customers…"), self.customers.export_customers)
        self._menu_action(file_menu, self.tr("Import attendance…"), self._import_attendance)
        self._menu_action(file_menu, self.tr("Import opportunities…"), lambda: self.pipeline.import_opportunities())
        self._menu_action(file_menu, self.tr("Export opportunities…"), lambda: self.pipeline.export_opportunities())
        self._menu_action(
            file_menu, self.tr("Import competitor intelligence…"), lambda: self.competitors.import_intelligence()
        )
        self._menu_action(
            file_menu, self.tr("Export competitor intelligence…"), lambda: self.competitors.export_intelligence()
        )
        self._menu_action(file_menu, self.tr("Import activities…"), lambda: self.activities.import_activities())
        file_menu.addSeparator()
        self._menu_action(file_menu, self.tr("Open the sample workspace"), self.openSampleRequested.emit)
        file_menu.addSeparator()
        quit_action = self._menu_action(file_menu, self.tr("Quit"), self.close)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        self._menu_action(settings_menu, self.tr("Classification settings…"), self.customers.edit_settings)
        language_menu = settings_menu.addMenu(self.tr("Language"))
        group = QActionGroup(self)
        current = str(self.settings.value("ui/language", ""))
        for code, name in (("", self.tr("System language")), ("zh_CN", "简体中文"), ("en", "English")):
            action = QAction(name, self, checkable=True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _c=False, code=code: self._choose_language(code))
            group.addAction(action)
            language_menu.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._menu_action(help_menu, self.tr("About"), self._about)

    def _menu_action(self, menu, text: str, slot: Callable[[], object]) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _choose_language(self, code: str) -> None:
        self.settings.setValue("ui/language", code)
        QMessageBox.information(
            self, self.tr("Language"), self.tr("The new language takes effect the next time the console starts.")
        )
        self.languageChosen.emit(code)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About"),
            self.tr("Sales console\nDatabase: {name}").format(name=self.db.display_name),
        )

    def _page_changed(self, row: int) -> None:
        self.stack.setCurrentIndex(row)
        if 0 <= row < len(PAGES):
            self.settings.setValue("window/page", PAGES[row])

    def _show_customers(self, force: bool = False) -> None:
        self.customers_container.setCurrentWidget(self.customers)

    def _customers_changed(self) -> None:
        if self.customers.model.rowCount() or self.customers.show_deleted.isChecked():
            self._show_customers()

    def _import_from_welcome(self) -> None:
        self._show_customers()
        self.customers.import_customers()

    def populate_sample_if_empty(self) -> None:
        """Fill an empty sample workspace with generated data, on a worker with progress."""
        with self.db.transaction() as session:
            if repo.count_all(session):
                return
        from storage.sample_workspace import generate_sample_workspace

        run_job(
            self,
            lambda progress: generate_sample_workspace(self.db, progress=progress),
            on_success=lambda _summary: self.customers.reload(then=self._show_customers),
            on_failure=lambda exc: QMessageBox.warning(
                self,
                self.tr("Sample workspace"),
                self.tr("The sample data could not be created: {error}").format(error=exc),
            ),
            label=self.tr("Preparing the sample workspace…"),
        )

    # Pages other than customers are built the first time they are shown (or a menu needs them).
    def _build_pipeline(self) -> QWidget:
        from ui.pipeline_page import PipelinePage

        return PipelinePage(self.db)

    def _build_competitors(self) -> QWidget:
        from ui.competitors_page import CompetitorsPage

        return CompetitorsPage(self.db)

    def _build_activities(self) -> QWidget:
        from ui.activities_page import ActivitiesPage

        return ActivitiesPage(self.db)

    def _build_visits(self) -> QWidget:
        from ui.visits_page import VisitsPage

        return VisitsPage(self.db)

    def _build_dashboard(self) -> QWidget:
        from ui.dashboard_page import DashboardPage

        page = DashboardPage(self.db)
        page.openPage.connect(self.show_page)
        return page

    def show_page(self, key: str) -> QWidget:
        """Show a register's page and return its widget (built if it was not yet)."""
        self.sidebar.setCurrentRow(PAGES.index(key))
        page = self.pages[key]
        return page.widget() if isinstance(page, LazyWidget) else page

    @property
    def pipeline(self) -> Any:
        return self.show_page("pipeline")

    @property
    def competitors(self) -> Any:
        return self.show_page("competitors")

    @property
    def activities(self) -> Any:
        return self.show_page("activities")

    def _import_attendance(self) -> None:
        self.sidebar.setCurrentRow(PAGES.index("attendance"))
        self.attendance.import_attendance()

    @property
    def attendance(self) -> AttendancePage:
        return self.attendance_tab.widget()  # type: ignore[return-value]

    def current_page(self) -> str:
        return PAGES[self.sidebar.currentRow()]

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        super().closeEvent(event)
