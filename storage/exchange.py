"""The parts of the one import pipeline that every register shares.

read the sheet → detect the header row → map columns to fields → validate every row → apply
all rows in one transaction.  A register module (``customer_exchange``, ``opportunity_exchange``,
…) supplies its fields with their Chinese and English header aliases, parses and validates its
rows, and raises :class:`ImportFailed` with every problem before anything is written.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Set
from dataclasses import dataclass
from pathlib import Path

from domain.validation import Problem
from storage.excel.reader import CellValue, UnreadableFile, detect_header, read_sheet_heads, sheet_names

__all__ = [
    "HEADER_SEARCH_ROWS",
    "ImportFailed",
    "ImportIssue",
    "ImportPreview",
    "ImportSummary",
    "UnreadableFile",
    "preview_sheet",
]

HEADER_SEARCH_ROWS = 20


@dataclass
class ImportPreview:
    """What the import wizard shows before the user confirms a mapping.

    ``header_row`` is a 0-based index into the sheet's rows (its Excel row number is
    ``header_row + 1``); ``rows`` are the first rows below it; ``mapping`` says which
    field each column holds (None: not imported); ``total_rows`` counts the rows below
    the header down to the last used one, blank ones included.
    """

    path: Path
    sheets: list[str]
    sheet: str
    header_row: int
    headers: list[str]
    rows: list[list[CellValue]]
    mapping: dict[int, str | None]
    total_rows: int


def preview_sheet(
    path: str | Path,
    aliases: Mapping[str, Set[str]],
    sheet: str | None = None,
    max_rows: int = 20,
    header_row: int | None = None,
) -> ImportPreview:
    """Read the head of a workbook and guess what the import needs.

    ``aliases`` maps each field to the header texts that name it (Chinese and English).
    Without ``sheet``, the sheet whose header names the most fields is taken; without
    ``header_row`` (0-based), the header is searched in the first :data:`HEADER_SEARCH_ROWS`
    rows.  Raises :class:`UnreadableFile`.
    """
    path = Path(path)
    names = sheet_names(path)
    if sheet is not None and sheet not in names:
        raise UnreadableFile(path, f"no sheet named {sheet!r}")
    needed = max(HEADER_SEARCH_ROWS, (header_row or 0) + 1) + max_rows
    heads = read_sheet_heads(path, needed, [sheet] if sheet is not None else names)
    best: tuple[str, int, dict[int, str]] | None = None
    for name, (rows, _count) in heads.items():
        if header_row is None:
            found = detect_header(rows, aliases, HEADER_SEARCH_ROWS)
        else:
            found = (header_row, detect_header(rows[header_row : header_row + 1], aliases)[1])
        if best is None or len(found[1]) > len(best[2]):
            best = (name, *found)
    if best is None:  # a workbook without sheets
        return ImportPreview(path, names, "", 0, [], [], {}, 0)
    name, first, mapping = best
    rows, row_count = heads[name]
    header = rows[first] if first < len(rows) else []
    return ImportPreview(
        path=path,
        sheets=names,
        sheet=name,
        header_row=first,
        headers=["" if v is None else str(v) for v in header],
        rows=rows[first + 1 : first + 1 + max_rows],
        mapping={i: mapping.get(i) for i in range(len(header))},
        total_rows=max(0, row_count - first - 1),
    )


@dataclass(frozen=True, slots=True)
class ImportIssue:
    """One problem, located as the user sees it: sheet, Excel row (1-based), column letter.

    ``problem`` is a :class:`domain.validation.Problem` or a register's own problem code (a
    ``StrEnum``); ``column`` is empty for a problem of the mapping rather than of a cell;
    ``first_row`` names the earlier row of a duplicate.
    """

    sheet: str
    row: int
    column: str
    field: str
    problem: Problem | enum.StrEnum
    value: object
    first_row: int | None = None


class ImportFailed(Exception):
    """The file has problems; nothing was written.  ``issues`` lists all of them in sheet order."""

    def __init__(self, issues: list[ImportIssue]) -> None:
        self.issues = issues
        first = issues[0]
        super().__init__(
            f"{len(issues)} problem(s); first: sheet {first.sheet!r} row {first.row} "
            f"column {first.column or '-'} ({first.field}): {first.problem}"
        )


@dataclass(frozen=True, slots=True)
class ImportSummary:
    created: int
    updated: int
    unchanged: int
    blank: int = 0  # blank rows skipped
