"""The first rows of a large .xlsx sheet without parsing the rest of it.

Detection (which sheet, which header, which shape) looks at a sheet's first rows only, but
calamine parses a whole sheet before it returns any row: a 100,000-punch log costs a quarter of
a second to parse just to look at its top.  A worksheet part is a stream of ``<row>`` elements,
so the head of the stream is a worksheet of its own: :func:`peek_heads` decompresses the part only
up to the rows asked for, closes it, and lets calamine read that small workbook — the same
reader, so the same cell values (numbers, dates by their number format, shared strings).

Anything it does not recognise (not a zip, an .xls or .ods, a part it cannot find) returns
``None``, and the caller parses the whole sheet as before.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Sequence

import python_calamine
from defusedxml import ElementTree

from storage.excel.reader import Row, rows_of_sheet

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DOC_RELS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

_PREFIX = rb"(?:[A-Za-z_][\w.-]*:)?"
_ROW_END = re.compile(rb"</" + _PREFIX + rb"row>|<" + _PREFIX + rb"row\b[^>]*/>")
_SHEET_DATA = re.compile(rb"<(" + _PREFIX + rb")sheetData\b[^>]*?(/?)>")
_WORKSHEET = re.compile(rb"<(" + _PREFIX + rb")worksheet\b")
_DIMENSION = re.compile(rb"<" + _PREFIX + rb'dimension\b[^>]*\bref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')
_CHUNK = 1 << 16

_EMPTY_SHEET = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>'
)


def peek_heads(path: str, max_rows: int, sheets: Sequence[str]) -> dict[str, tuple[list[Row], int]] | None:
    """For each of ``sheets``: its first ``max_rows`` rows from A1 (as :func:`read_sheet_heads`
    reads them) and how many rows it has, or ``None`` when the file is not an .xlsx this can peek
    into.  The row count is the sheet's stated dimension; a sheet that states none and is longer
    than ``max_rows`` gets an estimate from its size (more than ``max_rows``)."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = _sheet_parts(archive)
            if parts is None or any(name not in parts for name in sheets):
                return None
            heads = {name: _head(archive, parts[name], max_rows) for name in sheets}
            if any(head is None for head in heads.values()):
                return None
            wanted = {parts[name] for name in sheets}
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as small:
                for info in archive.infolist():
                    if info.filename in wanted:
                        continue
                    if info.filename in parts.values():
                        small.writestr(info.filename, _EMPTY_SHEET)  # a sheet nobody asked for
                    else:
                        small.writestr(info.filename, archive.read(info))
                for name in sheets:
                    small.writestr(parts[name], heads[name][0])  # type: ignore[index]
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, ElementTree.ParseError):
        return None
    out: dict[str, tuple[list[Row], int]] = {}
    try:
        with python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(buffer.getvalue())) as workbook:
            for name in sheets:
                sheet = workbook.get_sheet_by_name(name)
                rows = rows_of_sheet(path, sheet, max_rows)
                _, stated_rows, stated_width = heads[name]  # type: ignore[misc]
                width = max(stated_width, max(map(len, rows), default=0))
                rows = [row + [None] * (width - len(row)) if len(row) < width else row for row in rows]
                end = sheet.end
                seen = 0 if end is None else end[0] + 1
                out[name] = (rows, max(stated_rows, seen))
    except Exception:  # calamine rejects the small workbook: let the caller read the whole sheet
        return None
    return out


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str] | None:
    """Sheet name → its part's name in the archive."""
    try:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except KeyError:
        return None
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(f"{_RELS}Relationship")}
    names = set(archive.namelist())
    parts: dict[str, str] = {}
    for sheet in book.iter(f"{_MAIN}sheet"):
        target = targets.get(sheet.get(f"{_DOC_RELS}id"))
        if not target:
            return None
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        if part not in names:
            return None
        parts[sheet.get("name", "")] = part
    return parts


def _head(archive: zipfile.ZipFile, part: str, max_rows: int) -> tuple[bytes, int, int] | None:
    """The worksheet part cut after its ``max_rows``-th row and closed, with the row count and
    width its dimension states (0 when it states none)."""
    data = bytearray()
    rows = 0
    position = 0
    cut: int | None = None
    with archive.open(part) as stream:
        while cut is None and (chunk := stream.read(_CHUNK)):
            data += chunk
            while (found := _ROW_END.search(data, position)) is not None:
                rows += 1
                position = found.end()
                if rows >= max_rows:
                    cut = position
                    break
    stated_rows = stated_width = 0
    dimension = _DIMENSION.search(data, 0, 4096)
    if dimension is not None:
        stated_rows = int(dimension.group(4) or dimension.group(2))
        stated_width = _column_number(dimension.group(3) or dimension.group(1))
    if cut is None:
        return bytes(data), 0, 0  # the whole sheet, no longer than asked: calamine reads it as it is
    if not stated_rows:
        # No dimension stated: estimate the rows from the part's size and the size of the rows seen.
        stated_rows = max(rows + 1, archive.getinfo(part).file_size * rows // cut)
    sheet_data, root = _SHEET_DATA.search(data, 0, cut), _WORKSHEET.search(data, 0, cut)
    if sheet_data is None or root is None or sheet_data.group(2):
        return None
    closing = b"</" + sheet_data.group(1) + b"sheetData></" + root.group(1) + b"worksheet>"
    return bytes(data[:cut]) + closing, stated_rows, stated_width


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number
