"""Opportunity import and export (销售机会导入 / 导出) through Excel workbooks.

Export writes the pipeline (one row per deal, headers and stage words in the user's language)
and its stage history.  Import is the project's one pipeline (see :mod:`storage.exchange`):
preview → mapping → every row parsed and checked, every problem collected with its sheet, row
and column → nothing written when there is any problem, else all rows in one transaction.

Stage and outcome cells are read in Chinese or English (商务谈判 / 谈判 / Negotiation, 赢单 / won /
成交, 输单 / lost / 丢单; see :func:`domain.pipeline.parse_stage`).  A row finds its deal by the id
column (an edited export updates what it exported), or without an id by customer and deal name;
other rows create deals.  Customers are matched by their name as the duplicate finder compares
companies (:func:`domain.text.normalise_company_name`); a customer nobody knows is created as a
potential customer and named in the summary.  Owners are matched by the rep's name; competitors
named in a cell (separated by commas or 、) by name, unknown ones created.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from domain.customers import CustomerStatus
from domain.pipeline import (
    BUYING_STAGE_CHINESE,
    BUYING_STAGE_ENGLISH,
    STAGE_CHINESE,
    STAGE_ENGLISH,
    STATUS_CHINESE,
    STATUS_ENGLISH,
    BuyingStage,
    DealProblem,
    OpportunityRecord,
    Stage,
    Status,
    check_loss,
    parse_buying_stage,
    parse_stage,
    parse_status,
)
from domain.text import normalise_company_name, pinyin_keys
from domain.validation import Problem, parse_amount
from storage import pipeline as repo

# The customer import's column and cell helpers serve every register (they could live in storage.exchange).
from storage.customer_exchange import CustomerColumn as Column
from storage.customer_exchange import ImportProblem, _cell_text, _column, _mapped_columns, _owner_parser, _parse_id
from storage.db import Database
from storage.excel.cells import CellError, parse_date
from storage.excel.reader import CellValue, column_letter, read_sheet
from storage.excel.writer import ColumnKind, ColumnSpec, SheetSpec, write_workbook
from storage.exchange import ImportFailed, ImportIssue, ImportPreview, ImportSummary, preview_sheet
from storage.models import Competitor, Customer, CustomerEvent, Opportunity, Rep, StageChange
from storage.progress import Progress, no_progress

PROGRESS_EVERY = 200
MAX_AMOUNT_YUAN = Decimal(10) ** 12
"""A trillion yuan: larger amounts are typing mistakes (and would not fit the column)."""
_TEXT_LIMIT = 200  # customer, deal, competitor and rep names (the columns' length)


# ---------------------------------------------------------------------------------------------
# Columns


OPPORTUNITY_COLUMNS: tuple[Column, ...] = (
    _column("id", "编号", "ID", "机会编号", "机会ID", "Opportunity ID", "Deal ID", width=8, kind=ColumnKind.INT),
    _column("customer", "客户名称", "Customer", "客户", "公司名称", "单位名称", "Customer name", "Account", width=30),
    _column("name", "机会名称", "Opportunity", "项目名称", "商机名称", "销售机会", "项目", "Deal", "Deal name",
            "Opportunity name", "Project", width=26),
    _column("owner", "负责人", "Owner", "销售代表", "业务员", "Sales rep", width=10),
    _column("amount", "金额（元）", "Amount (yuan)", "金额", "预计金额", "项目金额", "合同金额", "Amount",
            width=15, kind=ColumnKind.MONEY),
    _column("stage", "阶段", "Stage", "销售阶段", "项目阶段", "Sales stage", width=12),
    _column("status", "状态", "Status", "结果", "输赢", "赢输", "Outcome", width=9),
    _column("expected_close", "预计成交日期", "Expected close", "预计签约日期", "预计成交", "Expected close date",
            width=13, kind=ColumnKind.DATE),
    _column("buying_stage", "客户购买阶段", "Buying stage", "购买阶段", "客户采购阶段", "Customer buying stage",
            width=13),
    _column("competitors", "竞争对手", "Competitors", "参与竞争对手", "竞争者", width=30),
    _column("winner", "赢单对手", "Winning competitor", "中标对手", "赢单竞争对手", "Winner", "Lost to", width=22),
    _column("outcome_reason", "输赢原因", "Outcome reason", "原因", "输单原因", "赢单原因", "Reason", "Loss reason",
            "Win reason", width=28),
    _column("closed_on", "结束日期", "Closed on", "成交日期", "关闭日期", "结单日期", "Closed date", width=12,
            kind=ColumnKind.DATE),
    _column("next_step", "下一步", "Next step", "下一步计划", "下一步行动", width=24),
    _column("next_step_on", "下一步日期", "Next step date", "计划日期", "Next step on", width=12, kind=ColumnKind.DATE),
    _column("created_on", "创建日期", "Created on", "创建时间", "Created", width=12, kind=ColumnKind.DATE),
    _column("notes", "备注", "Notes", "说明", "Remarks", width=30),
)  # fmt: skip
OPPORTUNITY_FIELDS: tuple[str, ...] = tuple(c.field for c in OPPORTUNITY_COLUMNS)
OPPORTUNITY_ALIASES: dict[str, set[str]] = {c.field: c.names() for c in OPPORTUNITY_COLUMNS}
_DATE_FIELDS = frozenset({"expected_close", "closed_on", "next_step_on", "created_on"})
_LONG_TEXT_FIELDS = frozenset({"outcome_reason", "next_step", "notes"})
_SEPARATORS = re.compile(r"[,，、;；/|\n]+")


def preview_import(
    path: str | Path, sheet: str | None = None, max_rows: int = 20, header_row: int | None = None
) -> ImportPreview:
    """The wizard's first look at an opportunity workbook (see :func:`storage.exchange.preview_sheet`)."""
    return preview_sheet(path, OPPORTUNITY_ALIASES, sheet=sheet, max_rows=max_rows, header_row=header_row)


def field_labels(language: str = "zh") -> list[tuple[str, str]]:
    """(field, header) of every importable field, for a mapping editor's choices."""
    return [(c.field, c.header(language)) for c in OPPORTUNITY_COLUMNS]


# ---------------------------------------------------------------------------------------------
# Export


def export_opportunities(db: Database, path: str | Path, language: str = "zh", progress: Progress | None = None) -> int:
    """Write every opportunity and the stage history to ``path``; returns the number of opportunities.

    ``language`` ('zh' or 'en') chooses headers, sheet titles and the words for stages and
    outcomes; either language imports back.
    """
    zh = language == "zh"
    with db.transaction() as session:
        rows = repo.list_opportunities(session)
        rows.sort(key=lambda r: r.id)
        history = list(
            session.execute(
                select(StageChange.opportunity_id, StageChange.changed_on, StageChange.from_stage, StageChange.to_stage,
                       StageChange.note)
                .order_by(StageChange.opportunity_id, StageChange.changed_on, StageChange.id)
            )
        )  # fmt: skip
    deals = {r.id: r for r in rows}
    words = _stage_words(zh)
    sheets = [
        SheetSpec(
            "销售机会" if zh else "Opportunities",
            [ColumnSpec(c.header(language), c.width, c.kind) for c in OPPORTUNITY_COLUMNS],
            _opportunity_rows(rows, zh),
            len(rows),
        ),
        SheetSpec(
            "阶段历史" if zh else "Stage history",
            [
                ColumnSpec("机会编号" if zh else "Opportunity ID", 10, ColumnKind.INT),
                ColumnSpec("客户名称" if zh else "Customer", 30),
                ColumnSpec("机会名称" if zh else "Opportunity", 26),
                ColumnSpec("日期" if zh else "Date", 12, ColumnKind.DATE),
                ColumnSpec("从" if zh else "From", 12),
                ColumnSpec("到" if zh else "To", 12),
                ColumnSpec("备注" if zh else "Note", 30),
            ],
            (
                (oid, deals[oid].customer, deals[oid].name, on, words.get(before or "", before or ""),
                 words.get(after, after), note)
                for oid, on, before, after, note in history
                if oid in deals
            ),
            len(history),
        ),
    ]  # fmt: skip
    write_workbook(path, sheets, progress)
    return len(rows)


def _stage_words(zh: bool) -> dict[str, str]:
    stages = STAGE_CHINESE if zh else STAGE_ENGLISH
    statuses = STATUS_CHINESE if zh else STATUS_ENGLISH
    return {**{s.value: w for s, w in stages.items()}, **{s.value: w for s, w in statuses.items()}}


def _opportunity_rows(rows: list[repo.OpportunityRow], zh: bool) -> Iterator[tuple[object, ...]]:
    words = _stage_words(zh)
    buying = {s.value: w for s, w in (BUYING_STAGE_CHINESE if zh else BUYING_STAGE_ENGLISH).items()}
    separator = "、" if zh else ", "
    for r in rows:
        values = {
            "id": r.id,
            "customer": r.customer,
            "name": r.name,
            "owner": r.owner,
            # A float, as customer orders: Excel holds doubles, and fen / 100 prints as the amount.
            "amount": r.amount_fen / 100,
            "stage": words.get(r.stage, r.stage),
            "status": words.get(r.status, r.status),
            "expected_close": r.expected_close,
            "buying_stage": buying.get(r.buying_stage, r.buying_stage),
            "competitors": r.competitors.replace("、", separator),
            "winner": r.winner,
            "outcome_reason": r.outcome_reason,
            "closed_on": r.closed_on,
            "next_step": r.next_step,
            "next_step_on": r.next_step_on,
            "created_on": r.created_on,
            "notes": r.notes,
        }
        yield tuple(values[f] for f in OPPORTUNITY_FIELDS)


# ---------------------------------------------------------------------------------------------
# Import: problems and cell parsers


class OpportunityProblem(enum.StrEnum):
    """Problems only an opportunity import has (shared ones: :class:`Problem`, :class:`ImportProblem`,
    :class:`DealProblem`)."""

    UNKNOWN_OPPORTUNITY = "unknown_opportunity"  # no opportunity has that id
    DUPLICATE_DEAL = "duplicate_deal"  # an earlier row already targets the same deal
    AMBIGUOUS_CUSTOMER = "ambiguous_customer"  # several customers have this name


CellProblem = Problem | ImportProblem | DealProblem | OpportunityProblem
_Parsed = tuple[object, CellProblem | None]


def _whole(value: CellValue) -> CellValue:
    """Excel keeps every number as a float; a whole one is read (and shown in problems) as the int typed."""
    return int(value) if type(value) is float and value.is_integer() and abs(value) < 2**53 else value


def _text(value: CellValue, limit: int | None = _TEXT_LIMIT) -> _Parsed:
    text = _cell_text(value)
    return text, (ImportProblem.TOO_LONG if limit is not None and len(text) > limit else None)


def _amount(value: CellValue) -> _Parsed:
    if value is None:
        return None, None
    if isinstance(value, date | datetime) or not isinstance(value, str | int | float):
        return None, Problem.BAD_NUMBER
    amount, problem = parse_amount(value)
    if problem is not None or amount is None:
        return None, problem
    if amount > MAX_AMOUNT_YUAN:
        return None, Problem.BAD_NUMBER
    return int(amount * 100), None


def _date(value: CellValue) -> _Parsed:
    try:
        return parse_date(value), None
    except (CellError, ValueError, OverflowError):
        return None, Problem.BAD_DATE


def _word(parse: Callable[[str], Any], problem: DealProblem) -> Callable[[CellValue], _Parsed]:
    def parse_cell(value: CellValue) -> _Parsed:
        text = _cell_text(value)
        if not text:
            return None, None
        found = parse(text)
        return (found, None) if found is not None else (None, problem)

    return parse_cell


def _stage_or_outcome(value: CellValue) -> _Parsed:
    """A stage word, or an outcome written in the stage column (阶段: 赢单)."""
    text = _cell_text(value)
    if not text:
        return None, None
    found: Stage | Status | None = parse_stage(text) or parse_status(text)
    return (found, None) if found is not None else (None, DealProblem.BAD_STAGE)


def _names(value: CellValue) -> _Parsed:
    names = [n.strip() for n in _SEPARATORS.split(_cell_text(value)) if n.strip()]
    return names, (ImportProblem.TOO_LONG if any(len(n) > _TEXT_LIMIT for n in names) else None)


def _cell_parsers(reps: list[tuple[int, str]]) -> dict[str, Callable[[CellValue], _Parsed]]:
    parsers: dict[str, Callable[[CellValue], _Parsed]] = {
        "id": _parse_id,
        "customer": _text,
        "name": _text,
        "owner": _owner_parser(reps),
        "amount": _amount,
        "stage": _stage_or_outcome,
        "status": _word(parse_status, DealProblem.BAD_OUTCOME),
        "buying_stage": _word(parse_buying_stage, DealProblem.BAD_BUYING_STAGE),
        "competitors": _names,
        "winner": _text,
    }
    parsers.update(dict.fromkeys(_DATE_FIELDS, _date))
    parsers.update(dict.fromkeys(_LONG_TEXT_FIELDS, lambda value: _text(value, None)))
    return parsers


# ---------------------------------------------------------------------------------------------
# Import: planning


@dataclass(frozen=True, slots=True)
class OpportunityImportSummary(ImportSummary):
    """What an import did, with the customers and competitors it had to create."""

    new_customers: tuple[str, ...] = ()
    new_competitors: tuple[str, ...] = ()


@dataclass
class _Row:
    excel_row: int
    values: dict[str, object]
    target: int | None = None  # existing opportunity id


@dataclass
class _Plan:
    rows: list[_Row] = field(default_factory=list)
    blank: int = 0
    customers: dict[str, int | str] = field(default_factory=dict)
    """Normalised customer name -> existing id, or the name to create."""
    competitors: dict[str, int | str] = field(default_factory=dict)


class _Known:
    """What the file's rows are checked against: the stored deals, customers and competitors."""

    def __init__(self, connection: Connection) -> None:
        self.deals: dict[int, tuple[int, str, str, str]] = {
            oid: (cid, name, status, reason)
            for oid, cid, name, status, reason in connection.execute(
                select(Opportunity.id, Opportunity.customer_id, Opportunity.name, Opportunity.status,
                       Opportunity.outcome_reason)
            )
        }  # fmt: skip
        self.customer_keys: dict[int, str] = {}
        self.customers: dict[str, list[tuple[int, str]]] = {}
        live = (Customer.deleted_at.is_(None)) & (Customer.merged_into_id.is_(None))
        for cid, name in connection.execute(select(Customer.id, Customer.name).where(live).order_by(Customer.id)):
            key = normalise_company_name(name)
            self.customer_keys[cid] = key
            self.customers.setdefault(key, []).append((cid, name))
        self.by_customer_and_name: dict[tuple[str, str], list[int]] = {}
        for oid, (cid, name, _status, _reason) in self.deals.items():
            pair = (self.customer_keys.get(cid, f"#{cid}"), _deal_key(name))
            self.by_customer_and_name.setdefault(pair, []).append(oid)
        self.competitors: dict[str, int] = {}
        for cid, name in connection.execute(select(Competitor.id, Competitor.name).order_by(Competitor.id)):
            self.competitors.setdefault(normalise_company_name(name), cid)


def _deal_key(name: str) -> str:
    return unicodedata.normalize("NFKC", name).strip().casefold()


def import_opportunities(
    db: Database,
    path: str | Path,
    sheet: str,
    header_row: int,
    mapping: Mapping[int, str | None],
    progress: Progress | None = None,
    today: date | None = None,
) -> OpportunityImportSummary:
    """Import opportunities from ``sheet`` of ``path``: all rows, or none when any row has a problem.

    ``header_row`` is the 0-based index of the header row; ``mapping`` maps 0-based column
    indexes to fields of :data:`OPPORTUNITY_FIELDS`.  Stage and status changes are dated
    ``today`` in the history.  Raises :class:`ImportFailed` listing every problem (nothing
    written), or lets :class:`~storage.progress.JobCancelled` from ``progress`` through.
    """
    unknown = {f for f in mapping.values() if f is not None and f not in OPPORTUNITY_FIELDS}
    if unknown:
        raise ValueError(f"not opportunity fields: {sorted(unknown)}")
    path = Path(path)
    report = progress or no_progress
    today = today or date.today()
    rows = read_sheet(path, sheet, keep_parsed=False)[header_row + 1 :]
    total = 2 * len(rows)
    with db.transaction() as session:
        known = _Known(session.connection())
        plan = _plan(session, known, rows, sheet, header_row, mapping, lambda done: report(done, total))
        summary = _apply(session, known, plan, f"{path.name} › {sheet}", today, lambda n: report(len(rows) + n, total))
        report(total, total)
    return summary


def _plan(
    session: Session,
    known: _Known,
    rows: list[list[CellValue]],
    sheet: str,
    header_row: int,
    mapping: Mapping[int, str | None],
    report: Callable[[int], None],
) -> _Plan:
    issues: list[ImportIssue] = []
    columns = _mapped_columns(mapping, sheet, header_row, issues)
    fields = set(columns.values())
    if "id" not in fields:
        for required in ("customer", "name"):
            if required not in fields:
                issues.append(ImportIssue(sheet, header_row + 1, "", required, Problem.REQUIRED, None))
    if issues:
        raise ImportFailed(issues)
    letters = {name: column_letter(index) for index, name in columns.items()}
    reps = [(r.id, r.name) for r in session.execute(select(Rep.id, Rep.name))]
    parsers = _cell_parsers(reps)
    plan = _Plan()
    claimed: dict[object, int] = {}
    for offset, cells in enumerate(rows):
        if offset % PROGRESS_EVERY == 0:
            report(offset)
        excel_row = header_row + 2 + offset
        raw = {name: _whole(cells[i] if i < len(cells) else None) for i, name in columns.items()}
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in raw.values()):
            plan.blank += 1
            continue
        values: dict[str, object] = {}
        row_issues: list[ImportIssue] = []
        for name, cell in raw.items():
            value, problem = parsers[name](cell)
            values[name] = value
            if problem is not None:
                row_issues.append(ImportIssue(sheet, excel_row, letters[name], name, problem, cell))
        row = _Row(excel_row, values)
        _check_row(known, row, raw, letters, sheet, row_issues)
        issues += row_issues
        if row_issues:
            continue
        target: object = row.target if row.target is not None else ("new", excel_row)
        if row.target is None and values.get("customer") and values.get("name"):
            target = ("new", normalise_company_name(str(values["customer"])), _deal_key(str(values["name"])))
        first = claimed.setdefault(target, excel_row)
        if first != excel_row:
            where = "id" if "id" in letters and values.get("id") is not None else "name"
            issues.append(
                ImportIssue(sheet, excel_row, letters.get(where, ""), where, OpportunityProblem.DUPLICATE_DEAL,
                            raw.get(where), first_row=first)
            )  # fmt: skip
            continue
        _resolve_names(known, row, plan, sheet, letters, raw, issues)
        plan.rows.append(row)
    report(len(rows))
    if issues:
        issues.sort(key=lambda i: (i.row, len(i.column), i.column))
        raise ImportFailed(issues)
    return plan


def _check_row(
    known: _Known,
    row: _Row,
    raw: dict[str, CellValue],
    letters: dict[str, str],
    sheet: str,
    issues: list[ImportIssue],
) -> None:
    """The rules across a row's cells: which deal, required fields, a loss's reason, the winner."""
    values = row.values

    def issue(name: str, problem: CellProblem) -> None:
        issues.append(ImportIssue(sheet, row.excel_row, letters.get(name, ""), name, problem, raw.get(name)))

    stored: tuple[int, str, str, str] | None = None
    deal_id = values.get("id")
    if isinstance(deal_id, int):
        stored = known.deals.get(deal_id)
        if stored is None:
            issue("id", OpportunityProblem.UNKNOWN_OPPORTUNITY)
            return
        row.target = deal_id
    elif values.get("customer") and values.get("name"):
        key = (normalise_company_name(str(values["customer"])), _deal_key(str(values["name"])))
        matches = known.by_customer_and_name.get(key, [])
        if len(matches) == 1:
            row.target = matches[0]
            stored = known.deals[matches[0]]
    for name in ("customer", "name"):
        if values.get(name) or any(i.field == name for i in issues):
            continue  # filled, or already wrong (too long)
        if name in letters:
            issue(name, Problem.REQUIRED)
        elif stored is None:  # a new deal, and the file has no column for its customer or name
            issue("id", Problem.REQUIRED)
            return
    # An outcome written in the stage column sets the status when the status column does not.
    stage = values.get("stage")
    if isinstance(stage, Status):
        if values.get("status") not in (None, stage):
            issue("stage", DealProblem.BAD_STAGE)
        values["status"] = stage
        values["stage"] = None
    status = values.get("status") or (Status(stored[2]) if stored else Status.OPEN)
    reason = values["outcome_reason"] if "outcome_reason" in values else (stored[3] if stored else "")
    if status == Status.LOST and check_loss(str(reason)) is not None:
        issue("outcome_reason" if "outcome_reason" in letters else "status", DealProblem.LOSS_NEEDS_REASON)
    if values.get("winner") and status != Status.LOST:
        issue("winner", DealProblem.WINNER_ONLY_WHEN_LOST)


def _resolve_names(
    known: _Known,
    row: _Row,
    plan: _Plan,
    sheet: str,
    letters: dict[str, str],
    raw: dict[str, CellValue],
    issues: list[ImportIssue],
) -> None:
    """Which customer and competitors the row names; unknown ones are to be created."""
    name = row.values.get("customer")
    if name:
        key = normalise_company_name(str(name))
        stored = known.deals.get(row.target) if row.target is not None else None
        if stored is not None and known.customer_keys.get(stored[0]) == key:
            plan.customers.setdefault(key, stored[0])  # the deal's own customer, even among duplicates
        elif key not in plan.customers:
            matches = known.customers.get(key, [])
            exact = [cid for cid, n in matches if _deal_key(n) == _deal_key(str(name))]
            if len(matches) == 1 or len(exact) == 1:
                plan.customers[key] = matches[0][0] if len(matches) == 1 else exact[0]
            elif matches:
                issues.append(
                    ImportIssue(sheet, row.excel_row, letters["customer"], "customer",
                                OpportunityProblem.AMBIGUOUS_CUSTOMER, raw.get("customer"))
                )  # fmt: skip
            else:
                plan.customers[key] = str(name).strip()
    names = list(row.values.get("competitors") or [])  # type: ignore[call-overload]
    if row.values.get("winner"):
        names.append(str(row.values["winner"]))
    for competitor in names:
        key = normalise_company_name(competitor)
        if key and key not in plan.competitors:
            plan.competitors[key] = known.competitors.get(key, competitor)


# ---------------------------------------------------------------------------------------------
# Import: applying the plan


def _apply(
    session: Session, known: _Known, plan: _Plan, origin: str, today: date, report: Callable[[int], None]
) -> OpportunityImportSummary:
    now = datetime.now()
    new_customers = _create_customers(session, plan, origin, now)
    new_competitors: list[str] = []
    for key, value in plan.competitors.items():
        if isinstance(value, str):
            plan.competitors[key] = repo.create_competitor(session, value, now)
            new_competitors.append(value)
    created = updated = unchanged = 0
    for done, row in enumerate(plan.rows, start=1):
        before = repo.get_deal(session, row.target) if row.target is not None else None
        record = _record(row, before, plan, today)
        if before is not None and record == before:
            unchanged += 1
        else:
            repo.save_deal(session, record, today)
            if before is None:
                created += 1
            else:
                updated += 1
        if done % PROGRESS_EVERY == 0:
            report(done)
    report(len(plan.rows))
    return OpportunityImportSummary(
        created, updated, unchanged, plan.blank, tuple(new_customers), tuple(new_competitors)
    )


def _create_customers(session: Session, plan: _Plan, origin: str, now: datetime) -> list[str]:
    """The customers no one knew, created as potential customers (潜在客户); returns their names."""
    owners: dict[str, int | None] = {}
    for row in plan.rows:
        name = row.values.get("customer")
        if name:
            owner = row.values.get("owner")
            owners.setdefault(normalise_company_name(str(name)), owner if isinstance(owner, int) else None)
    created = []
    for key, value in plan.customers.items():
        if not isinstance(value, str):
            continue
        pinyin, initials = pinyin_keys(value)
        customer = Customer(
            name=value, pinyin=pinyin, initials=initials, status=CustomerStatus.POTENTIAL.value,
            owner_id=owners.get(key), created_at=now, updated_at=now, deleted_at=None,
        )  # fmt: skip
        session.add(customer)
        session.flush()
        session.add(CustomerEvent(customer_id=customer.id, at=now, kind="imported", detail=origin))
        plan.customers[key] = customer.id
        created.append(value)
    return created


def _record(row: _Row, before: OpportunityRecord | None, plan: _Plan, today: date) -> OpportunityRecord:
    """The deal as it will be: the stored one with the row's mapped cells written over it."""
    v = row.values
    record = replace(before, competitor_ids=list(before.competitor_ids), nodes=dict(before.nodes)) if before else None
    if record is None:
        record = OpportunityRecord(customer_id=None, name="", created_on=today)
    if v.get("customer"):
        record.customer_id = plan.customers[normalise_company_name(str(v["customer"]))]  # type: ignore[assignment]
    if v.get("name"):
        record.name = str(v["name"])
    if "owner" in v:
        record.owner_id = v["owner"] if isinstance(v["owner"], int) else None
    for name in ("expected_close", "next_step_on"):
        if name in v:
            setattr(record, name, v[name])
    if "amount" in v:
        record.amount_fen = v["amount"] if isinstance(v["amount"], int) else 0
    if isinstance(v.get("stage"), Stage):
        record.stage = v["stage"]  # type: ignore[assignment]
    if isinstance(v.get("status"), Status):
        record.status = v["status"]  # type: ignore[assignment]
    if "buying_stage" in v:
        record.buying_stage = v["buying_stage"].value if isinstance(v["buying_stage"], BuyingStage) else ""
    for name in ("outcome_reason", "next_step", "notes"):
        if name in v:
            setattr(record, name, str(v[name] or ""))
    if v.get("created_on") is not None:
        record.created_on = v["created_on"]  # type: ignore[assignment]
    if "closed_on" in v:
        record.closed_on = v["closed_on"] if record.status != Status.OPEN else None  # type: ignore[assignment]
    if record.status == Status.OPEN:
        record.closed_on = None
    if "competitors" in v:
        names = list(v["competitors"] or [])  # type: ignore[call-overload]
        record.competitor_ids = list(
            dict.fromkeys(int(plan.competitors[normalise_company_name(n)]) for n in names if normalise_company_name(n))
        )
    if "winner" in v:
        winner = str(v["winner"] or "")
        key = normalise_company_name(winner)
        record.winner_id = int(plan.competitors[key]) if key else None
        if record.winner_id is not None and record.winner_id not in record.competitor_ids:
            record.competitor_ids.append(record.winner_id)
    if record.status != Status.LOST:
        record.winner_id = None
    record.competitor_ids = sorted(set(record.competitor_ids))  # as stored: by competitor, so equal sets compare equal
    return record
