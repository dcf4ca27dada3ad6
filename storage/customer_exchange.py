"""Customer import and export (客户档案导入 / 导出) through Excel workbooks.

Export writes three sheets (customers, contacts, orders) with headers in the
user's language.  Import is the project's one pipeline: read the sheet → detect
the header row → map columns to fields → validate every row → apply all rows in
one transaction.  Any problem anywhere stops the import before anything is
written, and the user gets every problem at once, each with its sheet, row and
column, so one round of fixing is enough.

Rows find their customer by the id column (an edited export updates what it
exported) or, without an id, by the normalised company name when exactly one live
customer has it; other rows create customers.  A mapped column that is blank in a
row empties that field, except status, which a blank leaves as it was.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from operator import itemgetter
from pathlib import Path
from typing import cast

from sqlalchemy import Connection, DateTime, Table, bindparam, func, insert, literal, select, update

from domain.customers import CustomerStatus
from domain.records import DECISION_ROLE_CHINESE, Stance
from domain.text import normalise_company_name, pinyin_keys
from domain.validation import Problem, check_email, check_phone, check_url, parse_percent
from storage.db import Database
from storage.excel.reader import (
    CellValue,
    column_letter,
    read_sheet,
)
from storage.excel.writer import ColumnKind, ColumnSpec, SheetSpec, write_workbook
from storage.exchange import ImportFailed, ImportIssue, ImportPreview, ImportSummary, preview_sheet
from storage.models import Contact, Customer, CustomerEvent, Order, Rep
from storage.progress import Progress, no_progress

PROGRESS_EVERY = 1000
_CHUNK = 1000  # rows per INSERT/UPDATE statement batch; also how often an import reports progress


# ---------------------------------------------------------------------------------------------
# Columns


@dataclass(frozen=True, slots=True)
class CustomerColumn:
    """One importable / exportable customer field: its headers in both languages and other spellings."""

    field: str
    zh: str
    en: str
    aliases: frozenset[str] = frozenset()
    width: float = 14.0
    kind: ColumnKind = ColumnKind.TEXT

    def header(self, language: str) -> str:
        return self.zh if language == "zh" else self.en

    def names(self) -> set[str]:
        return {self.zh, self.en, *self.aliases}


def _column(
    field: str, zh: str, en: str, *aliases: str, width: float = 14.0, kind: ColumnKind = ColumnKind.TEXT
) -> CustomerColumn:
    return CustomerColumn(field, zh, en, frozenset(aliases), width, kind)


CUSTOMER_COLUMNS: tuple[CustomerColumn, ...] = (
    _column("id", "编号", "ID", "客户编号", "客户ID", "Customer ID", width=8, kind=ColumnKind.INT),
    _column("name", "客户名称", "Name", "Customer name", "公司名称", "企业名称", "单位名称", "Company", width=30),
    _column("short_name", "简称", "Short name", "客户简称"),
    _column("industry", "行业", "Industry", "所属行业"),
    _column("size", "公司规模", "Size", "规模", "Company size", "企业规模"),
    _column("province", "省份", "Province", "省"),
    _column("city", "城市", "City", "市"),
    _column("district", "区县", "District", "区", "县"),
    _column("address", "地址", "Address", "详细地址", "公司地址", width=30),
    _column("phone", "电话", "Phone", "联系电话", "Telephone", "Tel"),
    _column("fax", "传真", "Fax"),
    _column("email", "电子邮件", "E-mail", "邮箱", "Email", "电子邮箱", width=22),
    _column("website", "网址", "Website", "网站", "主页", width=22),
    _column("source", "客户来源", "Source", "来源"),
    _column("credit_rating", "信用等级", "Credit rating", "信用"),
    _column("trade_terms", "交易条件", "Trade terms"),
    _column("business_scope", "经营范围", "Business scope", width=30),
    _column("status", "状态", "Status", "客户状态"),
    _column("close_likelihood", "成交可能性", "Close likelihood", "成交概率", kind=ColumnKind.INT),
    _column("is_member", "会员", "Member", "是否会员"),
    _column("owner", "负责人", "Owner", "销售代表", "Sales rep", "业务员"),
    _column("notes", "备注", "Notes", "Remarks", "说明", width=30),
)
CUSTOMER_FIELDS: tuple[str, ...] = tuple(c.field for c in CUSTOMER_COLUMNS)
CUSTOMER_ALIASES: dict[str, set[str]] = {c.field: c.names() for c in CUSTOMER_COLUMNS}
_TEXT_FIELDS = frozenset(CUSTOMER_FIELDS) - {"id", "status", "close_likelihood", "is_member", "owner"}

_STATUS_LABELS: dict[str, dict[str, str]] = {
    "zh": {CustomerStatus.POTENTIAL: "潜在", CustomerStatus.CLOSED: "既成", CustomerStatus.LOST: "流失"},
    "en": {s: s.value for s in CustomerStatus},
}
_STATUS_WORDS: dict[str, str] = {
    "潜在": CustomerStatus.POTENTIAL.value,
    "潜在客户": CustomerStatus.POTENTIAL.value,
    "potential": CustomerStatus.POTENTIAL.value,
    "既成": CustomerStatus.CLOSED.value,
    "既成客户": CustomerStatus.CLOSED.value,
    "成交": CustomerStatus.CLOSED.value,
    "已成交": CustomerStatus.CLOSED.value,
    "closed": CustomerStatus.CLOSED.value,
    "流失": CustomerStatus.LOST.value,
    "流失客户": CustomerStatus.LOST.value,
    "lost": CustomerStatus.LOST.value,
}
_MEMBER_WORDS: dict[str, bool] = {
    "是": True, "否": False, "yes": True, "no": False, "y": True, "n": False,
    "true": True, "false": False, "1": True, "0": False,
}  # fmt: skip
_MEMBER_LABELS = {"zh": ("否", "是"), "en": ("no", "yes")}
_STANCE_LABELS_ZH: dict[str, str] = {
    Stance.SUPPORTER.value: "支持",
    Stance.OPPONENT.value: "反对",
    Stance.NEUTRAL.value: "中立",
}
# The tables themselves, typed as tables (a model's __table__ is typed as any FromClause).
_CUSTOMERS = cast(Table, Customer.__table__)
_EVENTS = cast(Table, CustomerEvent.__table__)


# ---------------------------------------------------------------------------------------------
# Export


def export_customers(db: Database, path: str | Path, language: str = "zh", progress: Progress | None = None) -> int:
    """Write live customers with their contacts and orders to ``path``; returns the number of customers.

    ``language`` ('zh' or 'en') chooses headers, sheet titles and the words for
    status and membership; either language imports back.
    """
    zh = language == "zh"
    with db.engine.connect() as connection:
        counts = _live_counts(connection)
        sheets = [
            SheetSpec(
                "客户" if zh else "Customers",
                [ColumnSpec(c.header(language), c.width, c.kind) for c in CUSTOMER_COLUMNS],
                _customer_rows(connection, language),
                counts[0],
            ),
            SheetSpec("联系人" if zh else "Contacts", _contact_columns(zh), _contact_rows(connection, zh), counts[1]),
            SheetSpec("订单" if zh else "Orders", _order_columns(zh), _order_rows(connection), counts[2]),
        ]
        write_workbook(path, sheets, progress)
    return counts[0]


_LIVE = Customer.deleted_at.is_(None)


def _live_counts(connection: Connection) -> tuple[int, int, int]:
    customers = connection.scalar(select(func.count()).select_from(Customer).where(_LIVE)) or 0
    contacts = connection.scalar(select(func.count()).select_from(Contact).join(Customer).where(_LIVE)) or 0
    orders = connection.scalar(select(func.count()).select_from(Order).join(Customer).where(_LIVE)) or 0
    return customers, contacts, orders


def _customer_rows(connection: Connection, language: str) -> Iterator[tuple[object, ...]]:
    statuses = _STATUS_LABELS["zh" if language == "zh" else "en"]
    member = _MEMBER_LABELS["zh" if language == "zh" else "en"]
    stored = [f for f in CUSTOMER_FIELDS if f != "owner"]
    query = (
        select(*(getattr(Customer, f) for f in stored), Rep.name)
        .outerjoin(Rep, Rep.id == Customer.owner_id)
        .where(_LIVE)
        .order_by(Customer.id)
    )
    where = {f: i for i, f in enumerate(stored)}
    status_i, member_i = where["status"], where["is_member"]
    owner_at = CUSTOMER_FIELDS.index("owner")
    for row in connection.execute(query).yield_per(5000):
        values = list(row)
        owner = values.pop()
        values[status_i] = statuses.get(values[status_i], values[status_i])
        values[member_i] = member[bool(values[member_i])]
        values.insert(owner_at, owner)
        yield tuple(values)


def _contact_columns(zh: bool) -> list[ColumnSpec]:
    headers = (
        ("客户编号", "Customer ID", 10, ColumnKind.INT),
        ("客户名称", "Customer name", 30, ColumnKind.TEXT),
        ("姓名", "Contact", 12, ColumnKind.TEXT),
        ("职务", "Title", 14, ColumnKind.TEXT),
        ("决策角色", "Decision role", 14, ColumnKind.TEXT),
        ("态度", "Stance", 10, ColumnKind.TEXT),
        ("电话", "Phone", 16, ColumnKind.TEXT),
        ("电子邮件", "E-mail", 22, ColumnKind.TEXT),
        ("生日", "Birthday", 12, ColumnKind.DATE),
        ("个人信息", "Personal notes", 30, ColumnKind.TEXT),
    )
    return [ColumnSpec(z if zh else e, w, k) for z, e, w, k in headers]


def _contact_rows(connection: Connection, zh: bool) -> Iterator[tuple[object, ...]]:
    query = (
        select(
            Contact.customer_id,
            Customer.name,
            Contact.name,
            Contact.title,
            Contact.decision_role,
            Contact.stance,
            Contact.phone,
            Contact.email,
            Contact.birthday,
            Contact.personal_notes,
        )
        .join(Customer, Customer.id == Contact.customer_id)
        .where(_LIVE)
        .order_by(Contact.customer_id, Contact.id)
    )
    rows = connection.execute(query).yield_per(5000)
    for cid, customer, name, title, role, stance, phone, email, birthday, notes in rows:
        if zh:
            role = DECISION_ROLE_CHINESE.get(role, role)
            stance = _STANCE_LABELS_ZH.get(stance, stance)
        yield cid, customer, name, title, role, stance, phone, email, birthday, notes


def _order_columns(zh: bool) -> list[ColumnSpec]:
    return [
        ColumnSpec("客户编号" if zh else "Customer ID", 10, ColumnKind.INT),
        ColumnSpec("客户名称" if zh else "Customer name", 30),
        ColumnSpec("日期" if zh else "Date", 12, ColumnKind.DATE),
        ColumnSpec("金额（元）" if zh else "Amount (yuan)", 14, ColumnKind.MONEY),
        ColumnSpec("产品" if zh else "Product", 24),
    ]


def _order_rows(connection: Connection) -> Iterator[tuple[object, ...]]:
    query = (
        select(Order.customer_id, Customer.name, Order.order_date, Order.amount_fen, Order.product)
        .join(Customer, Customer.id == Order.customer_id)
        .where(_LIVE)
        .order_by(Order.customer_id, Order.order_date, Order.id)
    )
    for cid, customer, day, fen, product in connection.execute(query).yield_per(5000):
        # A float, not Decimal: Excel holds numbers as doubles anyway, and fen / 100 is the
        # double nearest the exact amount, whose shortest repr is the amount itself.
        yield cid, customer, day, fen / 100, product


# ---------------------------------------------------------------------------------------------
# Import: preview


def preview_import(
    path: str | Path, sheet: str | None = None, max_rows: int = 20, header_row: int | None = None
) -> ImportPreview:
    """The wizard's first look at a customer workbook (see :func:`storage.exchange.preview_sheet`)."""
    return preview_sheet(path, CUSTOMER_ALIASES, sheet=sheet, max_rows=max_rows, header_row=header_row)


def field_labels(language: str = "zh") -> list[tuple[str, str]]:
    """(field, header) of every importable field, for a mapping editor's choices."""
    return [(c.field, c.header(language)) for c in CUSTOMER_COLUMNS]


# ---------------------------------------------------------------------------------------------
# Import: problems


class ImportProblem(enum.StrEnum):
    """Problems only an import has (cell-level ones use :class:`domain.validation.Problem`)."""

    UNKNOWN_OWNER = "unknown_owner"  # no rep of that name
    AMBIGUOUS_OWNER = "ambiguous_owner"  # several reps share the name
    UNKNOWN_ID = "unknown_id"  # no live customer has that id
    DUPLICATE_IN_FILE = "duplicate_in_file"  # an earlier row already targets the same customer
    DUPLICATE_COLUMN = "duplicate_column"  # two columns mapped to one field
    TOO_LONG = "too_long"  # longer than the field holds
    BAD_STATUS = "bad_status"  # not one of 潜在 / 既成 / 流失 (potential / closed / lost)
    BAD_BOOLEAN = "bad_boolean"  # not yes / no (是 / 否)


# ---------------------------------------------------------------------------------------------
# Import: column parsers.  Validation works a block of rows at a time, column by column: a list
# comprehension per column costs a fraction of a function call per cell, which is what keeps a
# 50,000-row import close to the time it takes merely to read the file.

CellProblem = Problem | ImportProblem
# A column parser turns a column of cells into stored values and (position, problem) pairs.
ColumnParser = Callable[[list[CellValue]], tuple[list[object], list[tuple[int, CellProblem]]]]
CellParser = Callable[[CellValue], tuple[object, CellProblem | None]]


def _cell_text(value: CellValue) -> str:
    """A cell as text: numbers typed into text columns (phones, postcodes) lose Excel's '.0'."""
    if value is None:
        return ""
    if type(value) is str:
        return value.strip()
    if type(value) is float:
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value).strip()


# Plain ASCII phone numbers ("0755-28780808", "13912345678") are accepted without calling
# check_phone, whose digit count is the costliest check of an import; this pattern accepts
# only strings check_phone accepts (7 to 20 digits, single '-' or ' ' between them).
_PLAIN_PHONE = re.compile(r"[0-9](?:[- ]?[0-9]){6,19}")


def _phone_problem(text: str) -> Problem | None:
    return None if _PLAIN_PHONE.fullmatch(text) else check_phone(text)


_CHECKS: dict[str, Callable[[str], Problem | None]] = {
    "phone": _phone_problem,
    "fax": _phone_problem,
    "email": check_email,
    "website": check_url,
}


def _text_column(limit: int | None, check: Callable[[str], Problem | None] | None) -> ColumnParser:
    def parse(cells: list[CellValue]) -> tuple[list[object], list[tuple[int, CellProblem]]]:
        texts = [v.strip() if type(v) is str else _cell_text(v) for v in cells]
        problems: list[tuple[int, CellProblem]] = []
        if limit is not None:
            problems += [(i, ImportProblem.TOO_LONG) for i, t in enumerate(texts) if len(t) > limit]
        if check is not None:
            problems += [(i, p) for i, t in enumerate(texts) if t and (p := check(t)) is not None]
        return texts, problems  # type: ignore[return-value]

    return parse


def _cells_column(parse_cell: CellParser, memo: bool = True) -> ColumnParser:
    """A column parser from a cell parser; ``memo`` remembers results per distinct cell, which
    pays off for the few values a choice column (status, owner, member) repeats."""

    def parse(cells: list[CellValue]) -> tuple[list[object], list[tuple[int, CellProblem]]]:
        seen: dict[tuple[type, CellValue], tuple[object, CellProblem | None]] = {}
        values: list[object] = []
        problems: list[tuple[int, CellProblem]] = []
        for i, cell in enumerate(cells):
            if memo:
                # Keyed by type too: 1, 1.0 and True are equal keys but not the same cell.
                key = (type(cell), cell)
                result = seen.get(key)
                if result is None:
                    result = seen[key] = parse_cell(cell)
            else:
                result = parse_cell(cell)
            values.append(result[0])
            if result[1] is not None:
                problems.append((i, result[1]))
        return values, problems

    return parse


def _parse_id(value: CellValue) -> tuple[object, CellProblem | None]:
    if value is None:
        return None, None
    if type(value) is float and value.is_integer() and value > 0:
        return int(value), None
    if type(value) is int and value > 0:
        return value, None
    if type(value) is str and value.strip().isdecimal() and int(value) > 0:
        return int(value), None
    return None, Problem.BAD_NUMBER


def _parse_status(value: CellValue) -> tuple[object, CellProblem | None]:
    if value is None:
        return None, None  # blank: default for new customers, unchanged for existing ones
    found = _STATUS_WORDS.get(unicodedata.normalize("NFKC", _cell_text(value)).strip().lower())
    return (found, None) if found is not None else (None, ImportProblem.BAD_STATUS)


def _parse_likelihood(value: CellValue) -> tuple[object, CellProblem | None]:
    if isinstance(value, bool | date | time | timedelta):
        return 0, Problem.BAD_PERCENT
    number, problem = parse_percent(value)
    return (number or 0), problem


def _parse_member(value: CellValue) -> tuple[object, CellProblem | None]:
    if value is None:
        return False, None
    if type(value) is bool:
        return value, None
    found = _MEMBER_WORDS.get(unicodedata.normalize("NFKC", _cell_text(value)).strip().lower())
    return (found, None) if found is not None else (False, ImportProblem.BAD_BOOLEAN)


def _owner_parser(reps: Sequence[tuple[int, str]]) -> CellParser:
    """Owner cells name a rep (销售代表); the stored value is the rep's id."""
    by_key: dict[str, list[int]] = {}
    for rep_id, name in reps:
        by_key.setdefault(_person_key(name), []).append(rep_id)

    def parse(value: CellValue) -> tuple[object, CellProblem | None]:
        key = _person_key(_cell_text(value))
        if not key:
            return None, None
        ids = by_key.get(key, [])
        if len(ids) == 1:
            return ids[0], None
        return None, ImportProblem.AMBIGUOUS_OWNER if ids else ImportProblem.UNKNOWN_OWNER

    return parse


def _person_key(name: str) -> str:
    return unicodedata.normalize("NFKC", name).strip().casefold()


def _column_parsers(reps: Sequence[tuple[int, str]]) -> dict[str, ColumnParser]:
    parsers = {
        name: _text_column(getattr(_CUSTOMERS.c[name].type, "length", None), _CHECKS.get(name)) for name in _TEXT_FIELDS
    }
    parsers.update(
        id=_cells_column(_parse_id, memo=False),
        status=_cells_column(_parse_status),
        close_likelihood=_cells_column(_parse_likelihood),
        is_member=_cells_column(_parse_member),
        owner=_cells_column(_owner_parser(reps)),
    )
    return parsers


# ---------------------------------------------------------------------------------------------
# Import: validation and planning


@dataclass
class _Plan:
    """What an import will write, decided before anything is written."""

    fields: list[str]  # mapped fields, in column order; "owner" is stored as owner_id
    inserts: list[list[object]] = field(default_factory=list)  # values in the order of fields
    updates: list[tuple[int, list[object], bool]] = field(default_factory=list)  # (id, values, name changed)
    unchanged: int = 0
    blank: int = 0


def import_customers(
    db: Database,
    path: str | Path,
    sheet: str,
    header_row: int,
    mapping: Mapping[int, str | None],
    progress: Progress | None = None,
) -> ImportSummary:
    """Import customers from ``sheet`` of ``path``: all rows, or none when any row has a problem.

    ``header_row`` is the 0-based index of the header row (as in :class:`ImportPreview`);
    ``mapping`` maps 0-based column indexes to fields of :data:`CUSTOMER_FIELDS`.
    Raises :class:`ImportFailed` listing every problem (nothing written), or lets
    :class:`~storage.progress.JobCancelled` from ``progress`` through (rolled back).
    """
    unknown = {f for f in mapping.values() if f is not None and f not in CUSTOMER_FIELDS}
    if unknown:
        raise ValueError(f"not customer fields: {sorted(unknown)}")
    path = Path(path)
    report = progress or no_progress
    rows = read_sheet(path, sheet, keep_parsed=False)[header_row + 1 :]
    total = 2 * len(rows)  # validating every row, then writing every row
    with db.transaction() as session:
        connection = session.connection()
        plan = _plan(connection, rows, sheet, header_row, mapping, lambda done: report(done, total))
        _apply(connection, plan, f"{path.name} › {sheet}", lambda done: report(len(rows) + done, total))
        report(total, total)
    return ImportSummary(len(plan.inserts), len(plan.updates), plan.unchanged, plan.blank)


def _plan(
    connection: Connection,
    rows: list[list[CellValue]],
    sheet: str,
    header_row: int,
    mapping: Mapping[int, str | None],
    report: Callable[[int], None],
) -> _Plan:
    issues: list[ImportIssue] = []
    columns = _mapped_columns(mapping, sheet, header_row, issues)
    if "name" not in columns.values() and "id" not in columns.values():
        issues.append(ImportIssue(sheet, header_row + 1, "", "name", Problem.REQUIRED, None))
    if issues:
        raise ImportFailed(issues)
    reps = [(r.id, r.name) for r in connection.execute(select(Rep.id, Rep.name))]
    plan = _Plan(fields=list(columns.values()))
    parsed = _parse_rows(rows, columns, _column_parsers(reps), sheet, header_row, issues, plan, report)
    existing = _existing(connection, plan.fields)
    _resolve(parsed, existing, columns, sheet, issues, plan)
    if issues:
        issues.sort(key=lambda i: (i.row, len(i.column), i.column))
        raise ImportFailed(issues)
    return plan


def _mapped_columns(
    mapping: Mapping[int, str | None], sheet: str, header_row: int, issues: list[ImportIssue]
) -> dict[int, str]:
    columns: dict[int, str] = {}
    for index in sorted(i for i, f in mapping.items() if f is not None):
        name = mapping[index]
        assert name is not None
        if name in columns.values():
            problem = ImportProblem.DUPLICATE_COLUMN
            issues.append(ImportIssue(sheet, header_row + 1, column_letter(index), name, problem, None))
        else:
            columns[index] = name
    return columns


_Parsed = tuple[int, list[object]]  # (Excel row, values in the order of plan.fields)


def _parse_rows(
    rows: list[list[CellValue]],
    columns: dict[int, str],
    parsers: dict[str, ColumnParser],
    sheet: str,
    header_row: int,
    issues: list[ImportIssue],
    plan: _Plan,
    report: Callable[[int], None],
) -> list[_Parsed]:
    """Every non-blank row's values, with every cell's problem added to ``issues``."""
    indexes = list(columns)
    width = max(indexes) + 1
    pick = itemgetter(*indexes) if len(indexes) > 1 else lambda row: (row[indexes[0]],)
    letters = [column_letter(i) for i in indexes]
    name_at = plan.fields.index("name") if "name" in plan.fields else None
    out: list[_Parsed] = []
    for start in range(0, len(rows), PROGRESS_EVERY):
        report(start)
        block: list[tuple[int, tuple[CellValue, ...]]] = []
        for offset, row in enumerate(rows[start : start + PROGRESS_EVERY], start=start):
            cells = pick(row if len(row) >= width else row + [None] * (width - len(row)))
            # any() stops at the first filled cell, so only blank rows cost a full scan.
            if any(c is not None and (type(c) is not str or c.strip()) for c in cells):
                block.append((header_row + 2 + offset, cells))
            else:
                plan.blank += 1
        value_columns = []
        for j, name in enumerate(plan.fields):
            cells_j = [cells[j] for _row, cells in block]
            values, problems = parsers[name](cells_j)
            issues.extend(ImportIssue(sheet, block[i][0], letters[j], name, p, cells_j[i]) for i, p in problems)
            value_columns.append(values)
        for (excel_row, cells), row_values in zip(block, zip(*value_columns, strict=True), strict=True):
            out.append((excel_row, list(row_values)))
            if name_at is not None and not row_values[name_at]:
                issues.append(ImportIssue(sheet, excel_row, letters[name_at], "name", Problem.REQUIRED, cells[name_at]))
    report(len(rows))
    return out


_Stored = tuple[object, ...]  # a live customer's name, then its mapped fields (see _existing)


def _existing(connection: Connection, fields: list[str]) -> dict[int, _Stored]:
    """Live customers by id: (name, then each mapped field in ``fields`` order, owner as owner_id)."""
    stored = ["owner_id" if f == "owner" else f for f in fields]
    query = select(Customer.id, Customer.name, *(getattr(Customer, f) for f in stored)).where(_LIVE)
    return {row[0]: row[1:] for row in connection.execute(query)}


def _resolve(
    parsed: list[_Parsed],
    existing: dict[int, _Stored],
    columns: dict[int, str],
    sheet: str,
    issues: list[ImportIssue],
    plan: _Plan,
) -> None:
    """Decide for each row: update which customer, create one, or leave one unchanged."""
    fields = plan.fields
    letters = {name: column_letter(index) for index, name in columns.items()}
    id_at = fields.index("id") if "id" in fields else None
    name_at = fields.index("name") if "name" in fields else None
    by_name: dict[str, list[int]] | None = None  # built on first need: normalising every name costs
    claimed: dict[object, int] = {}  # target -> first Excel row that targets it
    compared = [i for i, f in enumerate(fields) if f != "id"]  # old[i + 1] is the stored fields[i]
    status_at = fields.index("status") if "status" in fields else None
    for excel_row, values in parsed:
        customer_id = values[id_at] if id_at is not None else None
        target: object
        if customer_id is not None:
            if customer_id not in existing:
                issues.append(ImportIssue(sheet, excel_row, letters["id"], "id", ImportProblem.UNKNOWN_ID, customer_id))
                continue
            target, field_name = customer_id, "id"
        elif name_at is None:
            issues.append(ImportIssue(sheet, excel_row, letters["id"], "id", Problem.REQUIRED, None))
            continue
        else:
            if by_name is None:
                by_name = _ids_by_name(existing)
            key = normalise_company_name(str(values[name_at]))
            matches = by_name.get(key, [])
            target = matches[0] if len(matches) == 1 else ("new", key or excel_row)
            field_name = "name"
        first = claimed.setdefault(target, excel_row)
        if first != excel_row:
            issues.append(
                ImportIssue(
                    sheet, excel_row, letters[field_name], field_name, ImportProblem.DUPLICATE_IN_FILE,
                    values[fields.index(field_name)], first_row=first,
                )
            )  # fmt: skip
            continue
        if isinstance(target, tuple):
            plan.inserts.append(values)
            continue
        old = existing[target]
        if status_at is not None and values[status_at] is None:
            values[status_at] = old[status_at + 1]
        if all(values[i] == old[i + 1] for i in compared):
            plan.unchanged += 1
        else:
            renamed = name_at is not None and values[name_at] != old[0]
            plan.updates.append((target, values, renamed))  # type: ignore[arg-type]


def _ids_by_name(existing: dict[int, _Stored]) -> dict[str, list[int]]:
    """Normalised company name -> ids of the live customers with it."""
    by_name: dict[str, list[int]] = {}
    for customer_id, row in existing.items():
        by_name.setdefault(normalise_company_name(str(row[0])), []).append(customer_id)
    return by_name


# ---------------------------------------------------------------------------------------------
# Import: applying the plan


def _apply(connection: Connection, plan: _Plan, origin: str, report: Callable[[int], None]) -> None:
    """Write the plan in chunks (each chunk one executemany), reporting progress between them."""
    now = datetime.now()
    done = plan.unchanged + plan.blank
    report(done)
    stored = ["owner_id" if f == "owner" else f for f in plan.fields]
    touched: list[int] = []
    for start in range(0, len(plan.inserts), _CHUNK):
        new = plan.inserts[start : start + _CHUNK]
        touched += _insert_chunk(connection, stored, new, now)
        done += len(new)
        report(done)
    for start in range(0, len(plan.updates), _CHUNK):
        changed = plan.updates[start : start + _CHUNK]
        _update_chunk(connection, stored, changed, now)
        touched += [customer_id for customer_id, _values, _renamed in changed]
        done += len(changed)
        report(done)
    _record_events(connection, touched, now, origin)


def _record_events(connection: Connection, ids: list[int], now: datetime, origin: str) -> None:
    """One 'imported' history event per customer.

    A bulk insert returns runs of consecutive ids; each long run is written by one
    INSERT … SELECT over its id range (every id in the range is one of ours, since the run
    has no gaps), which costs a sixth of sending a parameter set per event.
    """
    table, events = _CUSTOMERS, _EVENTS
    columns = ["customer_id", "at", "kind", "detail"]
    singles: list[int] = []
    for first, last in _runs(sorted(ids)):
        if last - first < 100:
            singles.extend(range(first, last + 1))
            continue
        source = select(table.c.id, literal(now, DateTime), literal("imported"), literal(origin)).where(
            table.c.id.between(first, last)
        )
        connection.execute(insert(events).from_select(columns, source))
    if singles:
        rows = [{"customer_id": cid, "at": now, "kind": "imported", "detail": origin} for cid in singles]
        connection.execute(insert(events), rows)


def _runs(ordered: list[int]) -> Iterator[tuple[int, int]]:
    """(first, last) of each run of consecutive integers: [1, 2, 3, 7] -> (1, 3), (7, 7)."""
    start = 0
    for i in range(1, len(ordered) + 1):
        if i == len(ordered) or ordered[i] != ordered[i - 1] + 1:
            yield ordered[start], ordered[i - 1]
            start = i


# Values of the fields a new customer gets when its column is not imported.
_DEFAULTS: dict[str, object] = {name: "" for name in _TEXT_FIELDS} | {
    "status": CustomerStatus.POTENTIAL.value,
    "close_likelihood": 0,
    "is_member": False,
    "owner_id": None,
}


def _insert_chunk(connection: Connection, stored: list[str], rows: list[list[object]], now: datetime) -> list[int]:
    records = []
    for values in rows:
        record = dict(_DEFAULTS)
        record.update(zip(stored, values, strict=True))
        if record["status"] is None:
            record["status"] = CustomerStatus.POTENTIAL.value
        record.pop("id", None)
        record["pinyin"], record["initials"] = pinyin_keys(str(record["name"]))
        record.update(created_at=now, updated_at=now)  # deleted_at, merged_into_id: NULL by omission
        records.append(record)
    table = _CUSTOMERS
    # RETURNING without sort_by_parameter_order: SQLite cannot return rows in parameter order
    # from a batch, so asking for it makes SQLAlchemy insert one row per statement.  The ids are
    # only needed as a set (for the history events), not matched to rows.
    return list(connection.execute(insert(table).returning(table.c.id), records).scalars())


def _update_chunk(
    connection: Connection, stored: list[str], rows: list[tuple[int, list[object], bool]], now: datetime
) -> None:
    """Update by primary key; renamed customers also get new pinyin keys (the others keep theirs)."""
    table = _CUSTOMERS
    for renamed in (False, True):
        # "b_" prefixes: a bind parameter may not share its name with a column in an UPDATE.
        records = []
        for customer_id, values, was_renamed in rows:
            if was_renamed != renamed:
                continue
            record = {"b_" + k: v for k, v in zip(stored, values, strict=True)}
            record.update(b_id=customer_id, b_updated_at=now)
            if renamed:
                record["b_pinyin"], record["b_initials"] = pinyin_keys(str(record["b_name"]))
            records.append(record)
        if records:
            keys = [k for k in records[0] if k != "b_id"]
            statement = update(table).where(table.c.id == bindparam("b_id")).values({k[2:]: bindparam(k) for k in keys})
            connection.execute(statement, records)  # executemany: one statement, a parameter set per row
