"""Intelligence import and export (竞争对手情报导入 / 导出) through Excel workbooks.

Export writes every entry newest first with headers and words in the user's language.  Import
is the project's one pipeline (see :mod:`storage.exchange`): every row parsed and checked, every
problem collected with its sheet, row and column, nothing written when there is any problem,
else all rows in one transaction.  Category, source and reliability cells are read in Chinese
or English (价格 / Price, 展会 / trade show, 传闻 / rumour); the competitor is matched by name
as the duplicate finder compares companies, and an unknown one is created and counted.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from domain.competitors import (
    CATEGORY_CHINESE,
    CATEGORY_ENGLISH,
    RELIABILITY_CHINESE,
    RELIABILITY_ENGLISH,
    SOURCE_CHINESE,
    SOURCE_ENGLISH,
    Category,
    Reliability,
    Source,
    parse_category,
    parse_reliability,
    parse_source,
)
from domain.text import normalise_company_name
from domain.validation import Problem
from storage import competitors as repo
from storage.customer_exchange import CustomerColumn as Column
from storage.customer_exchange import _cell_text, _column, _mapped_columns, _owner_parser
from storage.db import Database
from storage.excel.reader import CellValue, column_letter, read_sheet
from storage.excel.writer import ColumnKind, ColumnSpec, SheetSpec, write_workbook
from storage.exchange import ImportFailed, ImportIssue, ImportPreview, ImportSummary, preview_sheet
from storage.models import Competitor, Rep
from storage.opportunity_exchange import _date, _text
from storage.pipeline import create_competitor
from storage.progress import Progress, no_progress

INTELLIGENCE_COLUMNS: tuple[Column, ...] = (
    _column("observed_on", "日期", "Date", "情报日期", "发现日期", "Observed on", width=12, kind=ColumnKind.DATE),
    _column("competitor", "竞争对手", "Competitor", "对手", "竞争者", "对手名称", width=26),
    _column("category", "类别", "Category", "情报类别", "分类", "类型", width=12),
    _column("source", "来源", "Source", "情报来源", "信息来源", width=12),
    _column("reliability", "可靠性", "Reliability", "可信度", "可靠程度", width=9),
    _column("text", "内容", "Text", "情报内容", "情报", "描述", "Intelligence", "Content", width=50),
    _column("recorded_by", "记录人", "Recorded by", "填报人", "提供人", "Reporter", width=10),
    _column("customers", "相关客户", "Customers", "客户", "客户名称", width=26),
)  # fmt: skip
INTELLIGENCE_FIELDS: tuple[str, ...] = tuple(c.field for c in INTELLIGENCE_COLUMNS)
INTELLIGENCE_ALIASES: dict[str, set[str]] = {c.field: c.names() for c in INTELLIGENCE_COLUMNS}
_REQUIRED = ("observed_on", "competitor", "category", "text")


class IntelligenceProblem(enum.StrEnum):
    """Problems only an intelligence import has."""

    BAD_CATEGORY = "bad_category"  # not a category word (价格, 人事变动, price…)
    BAD_SOURCE = "bad_source"  # not a source word (经销商, 展会, dealer…)
    BAD_RELIABILITY = "bad_reliability"  # not 已证实 / 可能 / 传闻 (confirmed / probable / rumour)


def preview_import(
    path: str | Path, sheet: str | None = None, max_rows: int = 20, header_row: int | None = None
) -> ImportPreview:
    return preview_sheet(path, INTELLIGENCE_ALIASES, sheet=sheet, max_rows=max_rows, header_row=header_row)


def field_labels(language: str = "zh") -> list[tuple[str, str]]:
    return [(c.field, c.header(language)) for c in INTELLIGENCE_COLUMNS]


def export_intelligence(db: Database, path: str | Path, language: str = "zh", progress: Progress | None = None) -> int:
    """Write every intelligence entry, newest first, to ``path``; returns how many."""
    zh = language == "zh"
    with db.transaction() as session:
        rows = repo.feed(session)
    sheet = SheetSpec(
        "竞争对手情报" if zh else "Intelligence",
        [ColumnSpec(c.header(language), c.width, c.kind) for c in INTELLIGENCE_COLUMNS],
        _rows(rows, zh),
        len(rows),
    )
    write_workbook(path, [sheet], progress)
    return len(rows)


def _rows(rows: list[repo.FeedRow], zh: bool) -> Iterator[tuple[object, ...]]:
    categories = CATEGORY_CHINESE if zh else CATEGORY_ENGLISH
    sources = SOURCE_CHINESE if zh else SOURCE_ENGLISH
    reliabilities = RELIABILITY_CHINESE if zh else RELIABILITY_ENGLISH
    for r in rows:
        yield (
            r.observed_on,
            r.competitor,
            _word_of(categories, r.category),
            _word_of(sources, r.source),
            _word_of(reliabilities, r.reliability),
            r.text,
            r.recorded_by,
            r.customers if zh else r.customers.replace("、", ", "),
        )


def _word_of(words: Mapping[Category, str] | Mapping[Source, str] | Mapping[Reliability, str], code: str) -> str:
    """The word for a stored code; an unknown code is written as it is."""
    return next((word for value, word in words.items() if value.value == code), code)


@dataclass(frozen=True, slots=True)
class IntelligenceImportSummary(ImportSummary):
    new_competitors: tuple[str, ...] = ()


_Parsed = tuple[object, object]


def _word(parse: Callable[[str], object], problem: IntelligenceProblem) -> Callable[[CellValue], _Parsed]:
    def parse_cell(value: CellValue) -> _Parsed:
        text = _cell_text(value)
        if not text:
            return None, None
        found = parse(text)
        return (found, None) if found is not None else (None, problem)

    return parse_cell


def import_intelligence(
    db: Database,
    path: str | Path,
    sheet: str,
    header_row: int,
    mapping: Mapping[int, str | None],
    progress: Progress | None = None,
) -> IntelligenceImportSummary:
    """Import entries from ``sheet`` of ``path``: all rows, or none when any row has a problem.

    Every row adds an entry.  Raises :class:`ImportFailed` listing every problem.
    """
    unknown = {f for f in mapping.values() if f is not None and f not in INTELLIGENCE_FIELDS}
    if unknown:
        raise ValueError(f"not intelligence fields: {sorted(unknown)}")
    path = Path(path)
    report = progress or no_progress
    rows = read_sheet(path, sheet, keep_parsed=False)[header_row + 1 :]
    issues: list[ImportIssue] = []
    columns = _mapped_columns(mapping, sheet, header_row, issues)
    for required in _REQUIRED:
        if required not in columns.values():
            issues.append(ImportIssue(sheet, header_row + 1, "", required, Problem.REQUIRED, None))
    if issues:
        raise ImportFailed(issues)
    letters = {name: column_letter(index) for index, name in columns.items()}
    with db.transaction() as session:
        reps = [(i, n) for i, n in session.execute(select(Rep.id, Rep.name))]
        competitors: dict[str, int | str] = {}
        for cid, name in session.execute(select(Competitor.id, Competitor.name).order_by(Competitor.id)):
            competitors.setdefault(normalise_company_name(name), cid)
        customers = _customer_ids(session)
        parsers: dict[str, Callable[[CellValue], _Parsed]] = {
            "observed_on": _date,
            "competitor": _text,
            "category": _word(parse_category, IntelligenceProblem.BAD_CATEGORY),
            "source": _word(parse_source, IntelligenceProblem.BAD_SOURCE),
            "reliability": _word(parse_reliability, IntelligenceProblem.BAD_RELIABILITY),
            "text": lambda value: _text(value, None),
            "recorded_by": _owner_parser(reps),
            "customers": lambda value: (_cell_text(value), None),
        }
        planned: list[dict[str, object]] = []
        blank = 0
        for offset, cells in enumerate(rows):
            report(offset, 2 * len(rows))
            excel_row = header_row + 2 + offset
            raw = {name: cells[i] if i < len(cells) else None for i, name in columns.items()}
            if all(v is None or (isinstance(v, str) and not v.strip()) for v in raw.values()):
                blank += 1
                continue
            values: dict[str, object] = {}
            for name, cell in raw.items():
                value, problem = parsers[name](cell)
                if problem is None and name in _REQUIRED and value in (None, ""):
                    problem = Problem.REQUIRED
                values[name] = value
                if problem is not None:
                    issues.append(ImportIssue(sheet, excel_row, letters[name], name, problem, cell))  # type: ignore[arg-type]
            planned.append(values)
        if issues:
            raise ImportFailed(issues)
        new: list[str] = []
        for values in planned:
            key = normalise_company_name(str(values["competitor"]))
            if key not in competitors:
                competitors[key] = str(values["competitor"])
        for key, value in competitors.items():
            if isinstance(value, str):
                competitors[key] = create_competitor(session, value)
                new.append(value)
        for done, values in enumerate(planned, start=1):
            report(len(rows) + done, 2 * len(rows))
            names = [n.strip() for n in str(values.get("customers") or "").replace(",", "、").split("、") if n.strip()]
            competitor_id = competitors[normalise_company_name(str(values["competitor"]))]
            assert isinstance(competitor_id, int)
            observed = values["observed_on"]
            assert isinstance(observed, date)
            repo.save_entry(
                session,
                repo.EntryRecord(
                    id=None,
                    competitor_id=competitor_id,
                    observed_on=observed,
                    category=values["category"],  # type: ignore[arg-type]
                    text=str(values["text"]),
                    source=values.get("source"),  # type: ignore[arg-type]
                    reliability=values.get("reliability") or Reliability.PROBABLE,  # type: ignore[arg-type]
                    recorded_by_id=values.get("recorded_by"),  # type: ignore[arg-type]
                    customer_ids=tuple(customers[k] for k in map(normalise_company_name, names) if k in customers),
                ),
            )
    return IntelligenceImportSummary(
        created=len(planned), updated=0, unchanged=0, blank=blank, new_competitors=tuple(new)
    )


def _customer_ids(session: object) -> dict[str, int]:
    from storage.models import Customer

    found: dict[str, int] = {}
    for cid, name in session.execute(  # type: ignore[attr-defined]
        select(Customer.id, Customer.name).where(Customer.deleted_at.is_(None)).order_by(Customer.id)
    ):
        found.setdefault(normalise_company_name(name), cid)
    return found
