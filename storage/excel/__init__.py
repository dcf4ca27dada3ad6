"""Spreadsheet files: calamine readers with header detection, and a fast .xlsx writer for exports.

Register-specific mapping (which header is which field, how a cell becomes a
value) lives with each register, e.g. :mod:`storage.customer_exchange`.
"""

from storage.excel.reader import (
    CellValue,
    UnreadableFile,
    column_letter,
    detect_header,
    forget_parsed,
    normalise_header,
    read_sheet,
    read_sheet_heads,
    sheet_names,
)
from storage.excel.writer import ColumnKind, ColumnSpec, SheetSpec, write_workbook

__all__ = [
    "CellValue",
    "ColumnKind",
    "ColumnSpec",
    "SheetSpec",
    "UnreadableFile",
    "column_letter",
    "detect_header",
    "forget_parsed",
    "normalise_header",
    "read_sheet",
    "read_sheet_heads",
    "sheet_names",
    "write_workbook",
]
