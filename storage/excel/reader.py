"""Reading spreadsheets for imports (python-calamine) and finding their header row.

Rows are read from cell A1, whatever is empty above or left of the data, so a row's
index plus one is its Excel row number and a value's index is its column
(:func:`column_letter` names it).  Empty cells read as ``None``; numbers come as
``float`` (Excel stores every number as one; whole ones may also come as ``int``),
dates as ``date`` / ``datetime``; formulas as their last computed value.

Header detection tolerates what people put above a table (a title, a date, notes)
and how they spell headers: ``客户名称*``, ``客户名称（必填）``, ``E-mail``,
full-width letters.
"""

from __future__ import annotations

import hashlib
import re
import threading
import unicodedata
from collections.abc import Mapping, Sequence, Set
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import cast

import python_calamine

CellValue = str | int | float | bool | date | datetime | time | timedelta | None
Row = list[CellValue]


class UnreadableFile(Exception):
    """The file is not a workbook calamine can read (missing, damaged, password-protected, not a
    spreadsheet), or has no sheet of the name asked for.  ``reason`` is calamine's or the OS's
    message, for the user; the original exception is chained for the log."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason


def sheet_names(path: str | Path) -> list[str]:
    """Names of the workbook's sheets, in workbook order."""
    with _open(path) as workbook:
        return list(workbook.sheet_names)


def read_sheet(path: str | Path, sheet: str, max_rows: int | None = None, keep_parsed: bool = True) -> list[Row]:
    """The rows of ``sheet`` from A1 (at most ``max_rows`` of them), empty cells as ``None``.

    The parsed sheet is kept for the next read of the same unchanged file (see
    :class:`_ParsedSheets`); ``keep_parsed=False`` uses a kept one but lets it go afterwards,
    as an import does once it has its rows.
    """
    parsed = _PARSED.sheets(path, [sheet])[sheet]
    rows = rows_of_sheet(path, parsed, max_rows)
    if not keep_parsed:
        _PARSED.forget()
    return rows


def read_sheet_heads(
    path: str | Path, max_rows: int, sheets: Sequence[str] | None = None
) -> dict[str, tuple[list[Row], int]]:
    """For each of ``sheets`` (default: all): its first ``max_rows`` rows and how many rows it has
    (down to the last used one)."""
    out: dict[str, tuple[list[Row], int]] = {}
    for name, parsed in _PARSED.sheets(path, sheet_names(path) if sheets is None else sheets).items():
        end = parsed.end
        out[name] = (rows_of_sheet(path, parsed, max_rows), 0 if end is None else end[0] + 1)
    return out


def forget_parsed() -> None:
    """Let go of the kept parsed sheets (see :class:`_ParsedSheets`), e.g. when an import
    wizard closes without importing; the next read parses the file again."""
    _PARSED.forget()


class _ParsedSheets:
    """The parsed sheets of the workbook read last, while its file is unchanged.

    Parsing the XML is most of the cost of reading a large sheet, and an import wizard
    reads the same file twice: a preview (which must parse every sheet to find the
    header) and then the import.  Keeping one workbook's sheets (calamine's compact
    Rust form, not Python objects) makes the import pay for parsing only once.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple[str, int, bytes] | None = None
        self._sheets: dict[str, python_calamine.CalamineSheet] = {}

    def sheets(self, path: str | Path, names: Sequence[str]) -> dict[str, python_calamine.CalamineSheet]:
        key = _file_key(path)
        with self._lock:
            if key != self._key:
                self._key, self._sheets = key, {}
            missing = [name for name in names if name not in self._sheets]
            if missing:
                with _open(path) as workbook:
                    self._sheets.update((name, _sheet(workbook, path, name)) for name in missing)
            return {name: self._sheets[name] for name in names}

    def forget(self) -> None:
        with self._lock:
            self._key, self._sheets = None, {}


def _file_key(path: str | Path) -> tuple[str, int, bytes]:
    """Identity of the file's current content: the path, its size and a digest of its bytes.

    Not the modification time alone: file systems stamp it with a coarse clock, so a
    file rewritten within a few milliseconds at the same size would look unchanged.
    Hashing costs a few percent of parsing.
    """
    digest = hashlib.blake2b(digest_size=16)
    try:
        with open(path, "rb") as file:
            size = 0
            while chunk := file.read(1 << 20):
                digest.update(chunk)
                size += len(chunk)
    except OSError as exc:
        raise UnreadableFile(path, str(exc)) from exc
    return (str(Path(path).resolve()), size, digest.digest())


_PARSED = _ParsedSheets()


def _open(path: str | Path) -> python_calamine.CalamineWorkbook:
    try:
        return python_calamine.CalamineWorkbook.from_path(str(path))
    except (python_calamine.CalamineError, OSError, ValueError) as exc:
        raise UnreadableFile(path, str(exc)) from exc


def _sheet(workbook: python_calamine.CalamineWorkbook, path: str | Path, name: str) -> python_calamine.CalamineSheet:
    try:
        return workbook.get_sheet_by_name(name)
    except python_calamine.CalamineError as exc:
        raise UnreadableFile(path, f"sheet {name!r}: {exc}") from exc


def rows_of_sheet(path: str | Path, sheet: python_calamine.CalamineSheet, max_rows: int | None) -> list[Row]:
    try:
        raw = sheet.to_python(skip_empty_area=False, nrows=max_rows)
    except python_calamine.CalamineError as exc:
        raise UnreadableFile(path, f"sheet {sheet.name!r}: {exc}") from exc
    # calamine reads an empty cell as ""; None is what every caller tests for.  Only rows with an
    # empty cell are rebuilt: the test runs in C, and a long log's rows are mostly full.
    return [[None if v == "" else v for v in row] if "" in row else row for row in cast(list[Row], raw)]


def column_letter(index: int) -> str:
    """Spreadsheet column name of a 0-based index: 0 -> 'A', 25 -> 'Z', 26 -> 'AA'."""
    if index < 0:
        raise ValueError(f"column index must not be negative: {index}")
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# Parenthesised notes ("(必填)", "(元)", "(%)") and required-field stars say nothing about the field.
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]|【[^】]*】")
_NOISE = re.compile(r"[\s*:：]+")


def normalise_header(text: object) -> str:
    """The key under which a header cell is compared with aliases: ``' 客户名称（必填）* '`` -> ``'客户名称'``."""
    if text is None:
        return ""
    key = unicodedata.normalize("NFKC", str(text)).strip().lower()
    key = _BRACKETED.sub("", key)
    return _NOISE.sub("", key)


def detect_header(
    rows: Sequence[Sequence[CellValue]], aliases: Mapping[str, Set[str]], search_rows: int = 20
) -> tuple[int, dict[int, str]]:
    """Find the header row among the first ``search_rows`` rows.

    Returns the 0-based index of the row with the most cells naming a known field
    (the first such row on a tie) and which column holds which field; a field
    named twice is taken from its leftmost column.  ``(0, {})`` when no row names
    any field.
    """
    lookup: dict[str, str] = {}
    for field, names in aliases.items():
        for name in (field, *names):
            lookup.setdefault(normalise_header(name), field)
    lookup.pop("", None)
    best_index, best_mapping = 0, dict[int, str]()
    for index, row in enumerate(rows[:search_rows]):
        mapping: dict[int, str] = {}
        for column, value in enumerate(row):
            if not isinstance(value, str):
                continue
            found = lookup.get(normalise_header(value))
            if found is not None and found not in mapping.values():
                mapping[column] = found
        if len(mapping) > len(best_mapping):
            best_index, best_mapping = index, mapping
    return best_index, best_mapping
