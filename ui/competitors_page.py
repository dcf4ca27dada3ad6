"""The competitor intelligence page (竞争对手情报): competitors on the left, four tabs on the right.

Intelligence (the feed newest first, search by Chinese or pinyin, filters, add an entry),
Profile (the competitor's strengths, weaknesses, pricing…), Price watch (their prices against
our list price) and Rep behaviour (what their reps do at our customers).  The battlecard prints
or saves one A4 page about the selected competitor.  All data comes from
:mod:`storage.competitors`; the page holds no rules and writes no SQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from domain.competitors import Category, Reliability
from storage import competitors as repo
from storage import intelligence_exchange as exchange
from storage.db import Database
from storage.pipeline import customer_choices
from ui.battlecard import battlecard_document, category_word, reliability_word
from ui.dialogs.intelligence_dialogs import (
    IntelligenceEntryDialog,
    PriceObservationDialog,
    RepObservationDialog,
    source_names,
)
from ui.headless.competitors import summary_text
from ui.jobs import Job, export_workbook
from ui.labels import ui_language
from ui.pipeline_page import yuan
from ui.printing import print_preview, render_document, save_pdf
from widgets.columnar_model import Column, ColumnarModel
from widgets.price_chart import PriceChart

_PROFILE_FIELDS = ("products", "strengths", "weaknesses", "pricing", "after_sales", "delivery", "tech_support",
                   "sales_target", "notes")  # fmt: skip


def intelligence_import_spec() -> Any:
    """The shared import wizard configured for intelligence entries."""
    from PySide6.QtCore import QCoreApplication

    from ui.dialogs.import_dialog import ImportSpec

    return ImportSpec(
        title=QCoreApplication.translate("CompetitorsPage", "Import competitor intelligence"),
        fields=exchange.field_labels(ui_language()),
        preview=lambda path, sheet, header: exchange.preview_import(path, sheet=sheet, header_row=header),
        apply=lambda db, path, sheet, header, mapping, progress: exchange.import_intelligence(
            db, path, sheet, header, mapping, progress=progress
        ),
        describe_summary=summary_text,
    )


def _table(parent: QWidget, columns: Sequence[Column]) -> tuple[QTableView, ColumnarModel]:
    model = ColumnarModel(columns, parent)
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view, model


def _fill(view: QTableView, model: ColumnarModel, rows: Sequence[Any], keys: Sequence[str]) -> None:
    model.set_columns_data([r.id for r in rows], {k: [getattr(r, k) for r in rows] for k in keys})
    view.resizeColumnsToContents()
    view.resizeRowsToContents()


class CompetitorsPage(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.language = ui_language()
        splitter = QSplitter(self)
        self.competitor_list = QListWidget(splitter)
        self.competitor_list.currentItemChanged.connect(lambda *_: self._show_competitor())
        right = QWidget(splitter)
        splitter.setStretchFactor(1, 4)
        outer = QVBoxLayout(self)
        outer.addWidget(splitter)
        layout = QVBoxLayout(right)
        header = QHBoxLayout()
        self.title = QLabel(right)
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold")
        header.addWidget(self.title, 1)
        self.battlecard_button = QPushButton(self.tr("Battlecard…"), right)
        self.battlecard_button.clicked.connect(self.show_battlecard)
        self.battlecard_pdf_button = QPushButton(self.tr("Save battlecard PDF…"), right)
        self.battlecard_pdf_button.clicked.connect(lambda: self.save_battlecard_pdf())
        header.addWidget(self.battlecard_button)
        header.addWidget(self.battlecard_pdf_button)
        layout.addLayout(header)
        self.tabs = QTabWidget(right)
        layout.addWidget(self.tabs)
        self.status = QLabel(right)
        layout.addWidget(self.status)
        self._build_intelligence_tab()
        self._build_profile_tab()
        self._build_price_tab()
        self._build_rep_tab()
        self.reload()

    # --- building ---------------------------------------------------------------------------

    def _build_intelligence_tab(self) -> None:
        tab = QWidget(self.tabs)
        layout = QVBoxLayout(tab)
        bar = QHBoxLayout()
        self.search = QLineEdit(tab)
        self.search.setPlaceholderText(self.tr("Search text, pinyin or initials"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self.refresh_feed())
        self.category_filter = QComboBox(tab)
        self.category_filter.addItem(self.tr("All categories"), "")
        for category in Category:
            self.category_filter.addItem(category_word(category.value, self.language), category.value)
        self.reliability_filter = QComboBox(tab)
        self.reliability_filter.addItem(self.tr("Any reliability"), "")
        for reliability in Reliability:
            self.reliability_filter.addItem(reliability_word(reliability.value, self.language), reliability.value)
        for combo in (self.category_filter, self.reliability_filter):
            combo.currentIndexChanged.connect(lambda _i: self.refresh_feed())
        self.add_entry_button = QPushButton(self.tr("Add entry…"), tab)
        self.add_entry_button.clicked.connect(lambda: self.add_entry())
        bar.addWidget(self.search, 1)
        bar.addWidget(self.category_filter)
        bar.addWidget(self.reliability_filter)
        bar.addWidget(self.add_entry_button)
        layout.addLayout(bar)
        sources = source_names()
        self.feed_view, self.feed_model = _table(
            tab,
            [
                Column("observed_on", self.tr("Date"), lambda d: d.isoformat()),
                Column("category", self.tr("Category"), lambda c: category_word(c, self.language)),
                Column("reliability", self.tr("Reliability"), lambda r: reliability_word(r, self.language)),
                Column("source", self.tr("Source"), lambda s: sources.get(s, s)),
                Column("customers", self.tr("Customers")),
                Column("recorded_by", self.tr("Recorded by")),
                Column("text", self.tr("Intelligence")),
            ],
        )
        self.feed_view.setToolTip(self.tr("Double-click an entry to edit it"))
        self.feed_view.doubleClicked.connect(lambda index: self.edit_entry(self.feed_model.row_id(index.row())))
        layout.addWidget(self.feed_view)
        self.tabs.addTab(tab, self.tr("Intelligence"))

    def _build_profile_tab(self) -> None:
        tab = QWidget(self.tabs)
        form = QFormLayout(tab)
        self.profile_name = QLineEdit(tab)
        form.addRow(self.tr("Name"), self.profile_name)
        labels = {
            "products": self.tr("Products"),
            "strengths": self.tr("Strengths"),
            "weaknesses": self.tr("Weaknesses"),
            "pricing": self.tr("Pricing"),
            "after_sales": self.tr("After-sales service"),
            "delivery": self.tr("Delivery"),
            "tech_support": self.tr("Technical support"),
            "sales_target": self.tr("Sales target"),
            "notes": self.tr("Notes"),
        }
        self.profile_edits: dict[str, QPlainTextEdit] = {}
        for name in _PROFILE_FIELDS:
            edit = QPlainTextEdit(tab)
            edit.setFixedHeight(44)
            self.profile_edits[name] = edit
            form.addRow(labels[name], edit)
        self.share = QDoubleSpinBox(tab)
        self.share.setRange(-0.01, 100)
        self.share.setDecimals(2)
        self.share.setSuffix(" %")
        self.share.setSpecialValueText(self.tr("not estimated"))
        form.addRow(self.tr("Expected market share"), self.share)
        self.save_profile_button = QPushButton(self.tr("Save"), tab)
        self.save_profile_button.clicked.connect(self.save_profile)
        form.addRow(self.save_profile_button)
        self.tabs.addTab(tab, self.tr("Profile"))

    def _build_price_tab(self) -> None:
        tab = QWidget(self.tabs)
        layout = QVBoxLayout(tab)
        self.price_chart = PriceChart(tab)
        layout.addWidget(self.price_chart, 3)
        bar = QHBoxLayout()
        bar.addStretch(1)
        self.add_price_button = QPushButton(self.tr("Record a price…"), tab)
        self.add_price_button.clicked.connect(self.add_price)
        bar.addWidget(self.add_price_button)
        self.list_price_button = QPushButton(self.tr("Our list price…"), tab)
        self.list_price_button.setToolTip(
            self.tr("Set our own list price of a product from a date on; the chart compares.")
        )
        self.list_price_button.clicked.connect(self.set_list_price)
        bar.addWidget(self.list_price_button)
        layout.addLayout(bar)
        self.price_view, self.price_model = _table(
            tab,
            [
                Column("observed_on", self.tr("Date"), lambda d: d.isoformat()),
                Column("product", self.tr("Product")),
                Column("price_fen", self.tr("Price"), lambda fen: yuan(fen), align_right=True),
                Column("customer", self.tr("Customer")),
                Column("note", self.tr("Note")),
            ],
        )
        layout.addWidget(self.price_view, 2)
        self.tabs.addTab(tab, self.tr("Price watch"))

    def _build_rep_tab(self) -> None:
        tab = QWidget(self.tabs)
        layout = QVBoxLayout(tab)
        self.rep_summary = QLabel(tab)
        self.rep_summary.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.rep_summary, 1)
        self.add_rep_button = QPushButton(self.tr("Record a rep sighting…"), tab)
        self.add_rep_button.clicked.connect(lambda: self.add_rep_sighting())
        bar.addWidget(self.add_rep_button)
        layout.addLayout(bar)
        yes = self.tr("Yes")

        def number(value: object) -> str:
            return "" if value is None else str(value)

        self.rep_view, self.rep_model = _table(
            tab,
            [
                Column("observed_on", self.tr("Date"), lambda d: d.isoformat()),
                Column("customer", self.tr("Customer")),
                Column("visits_per_month", self.tr("Visits / month"), number, align_right=True),
                Column("stay_minutes", self.tr("Stay (minutes)"), number, align_right=True),
                Column("met_whom", self.tr("Met")),
                Column("topic", self.tr("Topic")),
                Column("dealer_promotion", self.tr("Dealer promotion"), lambda b: yes if b else ""),
            ],
        )
        layout.addWidget(self.rep_view)
        self.tabs.addTab(tab, self.tr("Rep behaviour"))

    # --- data -------------------------------------------------------------------------------

    def current_competitor(self) -> int | None:
        item = self.competitor_list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def reload(self, select: int | None = None) -> None:
        keep = select if select is not None else self.current_competitor()
        with self.db.transaction() as session:
            rows = repo.list_competitors(session)
        self.competitor_list.blockSignals(True)
        self.competitor_list.clear()
        for row in rows:
            item = QListWidgetItem(f"{row.name}  ({row.entries})", self.competitor_list)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setToolTip(row.name)
            if row.id == keep:
                self.competitor_list.setCurrentItem(item)
        if self.competitor_list.currentItem() is None and rows:
            self.competitor_list.setCurrentRow(0)
        self.competitor_list.blockSignals(False)
        self._show_competitor()

    def _show_competitor(self) -> None:
        competitor_id = self.current_competitor()
        for button in (self.battlecard_button, self.battlecard_pdf_button, self.add_price_button,
                       self.list_price_button, self.save_profile_button, self.add_rep_button):  # fmt: skip
            button.setEnabled(competitor_id is not None)
        if competitor_id is None:
            self.title.setText(self.tr("No competitors yet"))
            self.refresh_feed()
            return
        with self.db.transaction() as session:
            profile = repo.get_profile(session, competitor_id)
            prices = repo.price_observations(session, competitor_id)
            history = repo.price_history(session, competitor_id)
            reps = repo.rep_observations(session, competitor_id)
            summary = repo.rep_summary(session, competitor_id)
        self.title.setText(profile.name)
        self.profile_name.setText(profile.name)
        for name, edit in self.profile_edits.items():
            edit.setPlainText(getattr(profile, name))
        self.share.setValue(-0.01 if profile.expected_share_bp is None else profile.expected_share_bp / 100)
        _fill(self.price_view, self.price_model, prices, ("observed_on", "product", "price_fen", "customer", "note"))
        self.price_chart.set_series([(h.product, h.theirs, h.ours) for h in history])
        rep_keys = (
            "observed_on",
            "customer",
            "visits_per_month",
            "stay_minutes",
            "met_whom",
            "topic",
            "dealer_promotion",
        )
        _fill(self.rep_view, self.rep_model, reps, rep_keys)
        self.rep_summary.setText(
            self.tr(
                "{count} sightings at {customers} customers; on average {visits} visits a month and {minutes} "
                "minutes a stay; dealer promotions seen {promotions} times."
            ).format(
                count=summary.observations, customers=summary.customers_seen,
                visits="—" if summary.average_visits_per_month is None else f"{summary.average_visits_per_month:.1f}",
                minutes="—" if summary.average_stay_minutes is None else f"{summary.average_stay_minutes:.0f}",
                promotions=summary.dealer_promotions,
            )
        )  # fmt: skip
        self.refresh_feed()

    def refresh_feed(self) -> None:
        category = self.category_filter.currentData()
        reliability = self.reliability_filter.currentData()
        competitor_id = self.current_competitor()
        with self.db.transaction() as session:
            rows = (
                repo.feed(
                    session,
                    competitor_id=competitor_id,
                    category=Category(category) if category else None,
                    reliability=Reliability(reliability) if reliability else None,
                    search=self.search.text(),
                )
                if competitor_id is not None
                else []
            )
        _fill(self.feed_view, self.feed_model, rows, ("observed_on", "category", "reliability", "source", "customers",
                                      "recorded_by", "text"))  # fmt: skip
        self.status.setText(self.tr("{count} intelligence entries").format(count=len(rows)))

    # --- actions ----------------------------------------------------------------------------

    def _competitor_pairs(self) -> list[tuple[int, str]]:
        with self.db.transaction() as session:
            return [(r.id, r.name) for r in repo.list_competitors(session)]

    def edit_entry(self, entry_id: int) -> IntelligenceEntryDialog:
        with self.db.transaction() as session:
            existing = repo.get_entry(session, entry_id)
        return self.add_entry(existing)

    def add_entry(self, existing: repo.EntryRecord | None = None) -> IntelligenceEntryDialog:
        dialog = IntelligenceEntryDialog(self._competitor_pairs(), self.current_competitor(), self, existing)
        self.entry_dialog = dialog

        def save() -> None:
            record = dialog.record()
            with self.db.transaction() as session:
                repo.save_entry(session, record)
            self.reload(select=record.competitor_id)

        dialog.accepted.connect(save)
        dialog.open()
        return dialog

    def add_price(self) -> PriceObservationDialog | None:
        competitor_id = self.current_competitor()
        if competitor_id is None:
            return None
        with self.db.transaction() as session:
            products = sorted({h.product for h in repo.price_history(session, competitor_id)})
        dialog = PriceObservationDialog(products, self)
        self.price_dialog = dialog

        def save() -> None:
            product, on, fen, note = dialog.values()
            with self.db.transaction() as session:
                repo.add_price_observation(session, competitor_id, product, on, fen, note=note)
            self._show_competitor()

        dialog.accepted.connect(save)
        dialog.open()
        return dialog

    def set_list_price(self) -> PriceObservationDialog | None:
        competitor_id = self.current_competitor()
        if competitor_id is None:
            return None
        with self.db.transaction() as session:
            products = sorted({h.product for h in repo.price_history(session, competitor_id)})
        dialog = PriceObservationDialog(products, self, ours=True)
        self.list_price_dialog = dialog

        def save() -> None:
            product, valid_from, fen, _note = dialog.values()
            with self.db.transaction() as session:
                repo.set_list_price(session, product, valid_from, fen)
            self._show_competitor()

        dialog.accepted.connect(save)
        dialog.open()
        return dialog

    def add_rep_sighting(self) -> RepObservationDialog | None:
        competitor_id = self.current_competitor()
        if competitor_id is None:
            return None
        with self.db.transaction() as session:
            customers = [(c.id, c.name) for c in customer_choices(session)]
        dialog = RepObservationDialog(customers, self)
        self.rep_dialog = dialog

        def save() -> None:
            with self.db.transaction() as session:
                repo.add_rep_observation(session, competitor_id, **dialog.values())  # type: ignore[arg-type]
            self._show_competitor()

        dialog.accepted.connect(save)
        dialog.open()
        return dialog

    def save_profile(self) -> None:
        competitor_id = self.current_competitor()
        name = self.profile_name.text().strip()
        if competitor_id is None or not name:
            return
        share = self.share.value()
        profile = repo.CompetitorProfile(
            competitor_id, name, **{k: e.toPlainText().strip() for k, e in self.profile_edits.items()},
            expected_share_bp=None if share < 0 else round(share * 100),
        )  # fmt: skip
        with self.db.transaction() as session:
            repo.save_profile(session, profile)
        self.reload(select=competitor_id)
        self.status.setText(self.tr("Profile saved."))

    def _battlecard_render(self) -> Any:
        competitor_id = self.current_competitor()
        if competitor_id is None:
            return None
        with self.db.transaction() as session:
            card = repo.battlecard(session, competitor_id)
        return render_document(battlecard_document(card, self.language)), card.profile.name

    def show_battlecard(self) -> None:
        made = self._battlecard_render()
        if made is not None:
            render, name = made
            print_preview(self, self.tr("Battlecard: {name}").format(name=name), render, landscape=False)

    def save_battlecard_pdf(self, path: str | None = None) -> Path | None:
        made = self._battlecard_render()
        if made is None:
            return None
        render, name = made
        if not path:
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save battlecard"), f"{name}.pdf", self.tr("PDF file (*.pdf)")
            )
            if not path:
                return None
        target = Path(path)
        try:
            save_pdf(target, render, landscape=False, title=name)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Battlecard not saved"), str(exc))
            return None
        self.status.setText(self.tr("Battlecard saved to {file}.").format(file=target.name))
        return target

    def import_intelligence(self, path: str | None = None) -> None:
        from ui.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(self.db, self, path=path, spec=intelligence_import_spec())
        self.import_dialog = dialog
        dialog.imported.connect(lambda _summary: self.reload())
        dialog.open()

    def export_intelligence(self, path: str | None = None) -> Job | None:
        language = self.language

        def done(target: Path, count: int) -> None:
            self.status.setText(self.tr("Intelligence exported to {file}: {count} entries.").format(
                file=target.name, count=count))  # fmt: skip

        return export_workbook(
            self,
            path,
            title=self.tr("Export intelligence"),
            default_name=self.tr("intelligence.xlsx"),
            write=lambda target, progress: exchange.export_intelligence(
                self.db, target, language=language, progress=progress
            ),
            done=done,
            label=self.tr("Exporting intelligence…"),
        )
