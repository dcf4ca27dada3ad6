"""Writing .xlsx workbooks for exports: typed columns, a bold frozen header, autofilter.

The workbook is streamed straight into the zip as SpreadsheetML rather than built
with openpyxl's cell objects: without lxml, openpyxl serialises about 30,000
cells a second, so a 100,000-customer export (2.2 million cells) would take over
a minute; the string writer here does it in seconds.  openpyxl remains the
reference reader in the tests, which read every property back.

Security (CSV/formula injection): every ``str`` value is written as an inline
string, never as a formula, whatever it begins with (``=``, ``+``, ``-``, ``@``,
after whitespace or not).  Strings that *look* like formulas also carry Excel's
"quote prefix" style, so Excel keeps them as text even after the user edits the
cell.  Characters XML cannot carry (C0 controls other than tab, newline, CR)
are dropped, and text longer than Excel's cell limit is cut at 32,767 characters,
because Excel otherwise refuses the file as damaged and offers to "repair" it.
"""

from __future__ import annotations

import enum
import math
import os
import re
import secrets
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from storage.excel.reader import column_letter
from storage.progress import Progress, no_progress

PROGRESS_EVERY = 1000
MAX_CELL_TEXT = 32767
_MAX_TITLE = 31


class ColumnKind(enum.StrEnum):
    TEXT = "text"
    DATE = "date"
    MONEY = "money"
    INT = "int"
    PERCENT = "percent"  # values are fractions: 0.25 shows as 25%


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    header: str
    width: float = 14.0
    kind: ColumnKind = ColumnKind.TEXT


@dataclass
class SheetSpec:
    """One sheet: its title, columns and rows (any iterable, consumed once while writing).

    ``total`` is the number of rows when known, so progress can say "n of m".
    """

    title: str
    columns: Sequence[ColumnSpec]
    rows: Iterable[Sequence[object]]
    total: int | None = None


# Cell style indexes into <cellXfs> of _STYLES below.
_S_DEFAULT, _S_HEADER, _S_DATE, _S_DATETIME, _S_MONEY, _S_INT, _S_PERCENT, _S_QUOTED = range(8)
_KIND_STYLE = {
    ColumnKind.TEXT: _S_DEFAULT,
    ColumnKind.DATE: _S_DATE,
    ColumnKind.MONEY: _S_MONEY,
    ColumnKind.INT: _S_INT,
    ColumnKind.PERCENT: _S_PERCENT,
}

_FONT = '<sz val="11"/><name val="Calibri"/><family val="2"/>'
_STYLES = "".join(
    (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
        '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>',
        '<numFmt numFmtId="165" formatCode="yyyy-mm-dd hh:mm"/></numFmts>',
        f'<fonts count="2"><font>{_FONT}</font><font><b/>{_FONT}</font></fonts>',
        '<fills count="2"><fill><patternFill patternType="none"/></fill>',
        '<fill><patternFill patternType="gray125"/></fill></fills>',
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>',
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
        '<cellXfs count="8">',
        # In the order of the _S_* indexes: default, header, date, datetime, money, int, percent, quoted.
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>',
        '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
        '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
        '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
        '<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
        '<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>',
        "</cellXfs>",
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
        "</styleSheet>",
    )
)
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<Relationships xmlns="{_RELS_NS}">'
    f'<Relationship Id="rId1" Type="{_DOC_RELS}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)

_SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
)

# Characters XML 1.0 cannot carry at all; tab, LF and CR are legal and kept.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_NEEDS_ESCAPE = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_FORMULA_START = ("=", "+", "-", "@")
_XML_SPACE = " \t\r\n"
_SPECIAL_FIRST = "=+-@" + _XML_SPACE
_EXCEL_EPOCH = date(1899, 12, 30)
_EPOCH_ORDINAL = _EXCEL_EPOCH.toordinal()
_FIRST_PLAIN_DATE = date(1900, 3, 1)  # from here on, serial = days since the epoch (see _serial)


def write_workbook(path: str | Path, sheets: Sequence[SheetSpec], progress: Progress | None = None) -> int:
    """Write ``sheets`` to the .xlsx file ``path``; returns the number of data rows written.

    The file appears only when complete: it is written beside ``path`` under a
    temporary name and moved into place, so a cancelled or failed export (the
    ``progress`` callable may raise :class:`~storage.progress.JobCancelled`)
    leaves no half-written workbook and keeps any previous file intact.
    """
    path = Path(path)
    report = progress or no_progress
    totals = [s.total for s in sheets]
    grand_total = sum(t for t in totals if t is not None)
    titles = _unique_titles([s.title for s in sheets])
    # Not tempfile.mkstemp: its 0600 mode would stick to the finished export; "x" honours the umask.
    temp = path.with_name(f".~{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    written = 0
    try:
        # Level 1 deflate: measured on a 50,000-customer sheet, the whole export takes a quarter
        # less time than at the default level 6, for a file a fifth larger.
        with (
            open(temp, "xb") as file,
            zipfile.ZipFile(file, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        ):
            last_rows = []
            for number, sheet in enumerate(sheets, start=1):
                with archive.open(f"xl/worksheets/sheet{number}.xml", "w") as stream:
                    count = _write_sheet(stream, sheet, lambda n, base=written: report(base + n, grand_total))
                written += count
                last_rows.append(count + 1)
            _write_package(archive, titles, [len(s.columns) for s in sheets], last_rows)
        report(written, max(grand_total, written))
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return written


def _write_sheet(stream, sheet: SheetSpec, report) -> int:  # type: ignore[no-untyped-def]
    """Stream one worksheet part; returns the number of data rows."""
    columns = list(sheet.columns)
    letters = [column_letter(i) for i in range(len(columns))]
    styles = [_KIND_STYLE[c.kind] for c in columns]
    head = [
        _SHEET_HEAD,
        '<sheetViews><sheetView workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultRowHeight="15"/>',
    ]
    if columns:
        head.append("<cols>")
        head.extend(
            f'<col min="{i}" max="{i}" width="{c.width:g}" customWidth="1"/>' for i, c in enumerate(columns, start=1)
        )
        head.append("</cols>")
    head.append('<sheetData><row r="1">')
    head.extend(_text_cell(f"{letter}1", c.header, _S_HEADER) for letter, c in zip(letters, columns, strict=True))
    head.append("</row>")
    stream.write("".join(head).encode("utf-8"))

    chunk: list[str] = []
    row_number = 1
    for values in sheet.rows:
        row_number += 1
        chunk.append(_row(str(row_number), letters, styles, values))
        if len(chunk) == PROGRESS_EVERY:
            stream.write("".join(chunk).encode("utf-8"))
            chunk.clear()
            report(row_number - 1)
    chunk.append("</sheetData>")
    if columns:
        chunk.append(f'<autoFilter ref="A1:{letters[-1]}{row_number}"/>')
    chunk.append("</worksheet>")
    stream.write("".join(chunk).encode("utf-8"))
    return row_number - 1


def _row(r: str, letters: list[str], styles: list[int], values: Sequence[object]) -> str:
    """One <row>.  Plain text, whole numbers and dates (nearly every cell of an export) are
    formatted inline; anything needing escaping, a style or a decision goes through _cell."""
    cells = [f'<row r="{r}">']
    append = cells.append
    for letter, style, value in zip(letters, styles, values, strict=False):
        kind = type(value)
        if kind is str:
            text: str = value  # type: ignore[assignment]  # (type() is, unlike isinstance, not narrowed)
            if (
                text
                and text[0] not in _SPECIAL_FIRST
                and text[-1] not in _XML_SPACE
                and len(text) <= MAX_CELL_TEXT
                and not _NEEDS_ESCAPE.search(text)
            ):
                append(f'<c r="{letter}{r}" t="inlineStr"><is><t>{text}</t></is></c>')
            elif text:
                append(_text_cell(letter + r, text, _S_DEFAULT))
        elif kind is int:
            append(f'<c r="{letter}{r}" s="{style}"><v>{value}</v></c>')
        elif kind is date and value >= _FIRST_PLAIN_DATE:  # type: ignore[operator]
            append(f'<c r="{letter}{r}" s="{_S_DATE}"><v>{value.toordinal() - _EPOCH_ORDINAL}</v></c>')  # type: ignore[attr-defined]
        elif value is not None:
            append(_cell(letter + r, value, style))
    append("</row>")
    return "".join(cells)


def _cell(ref: str, value: object, style: int) -> str:
    """The <c> element of one non-empty value; the column's style applies to numbers only."""
    kind = type(value)
    if kind is str:
        return _text_cell(ref, value, _S_DEFAULT)  # type: ignore[arg-type]
    if kind is bool:
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'  # type: ignore[call-overload]
    if kind is int:
        return f'<c r="{ref}" s="{style}"><v>{value}</v></c>'
    if kind is float:
        if not math.isfinite(value):  # type: ignore[arg-type]
            return ""  # Excel has no NaN or infinity; an empty cell is the honest rendering.
        return f'<c r="{ref}" s="{style}"><v>{value!r}</v></c>'
    if kind is Decimal:
        if not value.is_finite():  # type: ignore[attr-defined]
            return ""
        return f'<c r="{ref}" s="{style}"><v>{value:f}</v></c>'
    if isinstance(value, datetime):
        serial = _serial(value)
        if serial is None:
            return _text_cell(ref, value.isoformat(sep=" "), _S_DEFAULT)
        return f'<c r="{ref}" s="{_S_DATETIME if value.time() != time() else _S_DATE}"><v>{serial!r}</v></c>'
    if isinstance(value, date):
        serial = _serial(value)
        if serial is None:
            return _text_cell(ref, value.isoformat(), _S_DEFAULT)
        return f'<c r="{ref}" s="{_S_DATE}"><v>{serial}</v></c>'
    if isinstance(value, int | float | Decimal):  # subclasses such as IntEnum
        return _cell(ref, int(value) if isinstance(value, int) else float(value), style)
    return _text_cell(ref, str(value), _S_DEFAULT)


def _text_cell(ref: str, text: str, style: int) -> str:
    if len(text) > MAX_CELL_TEXT:
        text = text[:MAX_CELL_TEXT]
    if style == _S_DEFAULT and text.lstrip(_XML_SPACE)[:1] in _FORMULA_START:
        style = _S_QUOTED
    if _NEEDS_ESCAPE.search(text):
        text = _ILLEGAL.sub("", text)
        text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    space = ' xml:space="preserve"' if text and (text[0] in _XML_SPACE or text[-1] in _XML_SPACE) else ""
    s = f' s="{style}"' if style else ""
    return f'<c r="{ref}"{s} t="inlineStr"><is><t{space}>{text}</t></is></c>'


def _serial(value: date) -> int | float | None:
    """Excel's 1900-system serial number, or None for dates it cannot show (before 1900)."""
    if value.year < 1900:
        return None
    days = value.toordinal() - _EPOCH_ORDINAL
    if days < 61:
        days -= 1  # Excel counts the fictitious 1900-02-29, so serials before March are one lower.
    if isinstance(value, datetime):
        seconds = value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6
        return days + seconds / 86400
    return days


def _write_package(archive: zipfile.ZipFile, titles: list[str], widths: list[int], last_rows: list[int]) -> None:
    """The parts around the worksheets: content types, relationships, workbook, styles."""
    count = len(titles)
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, count + 1)
    )
    archive.writestr(
        "[Content_Types].xml",
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        f"{overrides}</Types>",
    )
    archive.writestr("_rels/.rels", _ROOT_RELS)
    sheets = "".join(f'<sheet name="{_attr(t)}" sheetId="{i}" r:id="rId{i}"/>' for i, t in enumerate(titles, start=1))
    # Excel records an autofilter's range as a hidden per-sheet name; without it some versions "repair" the file.
    names = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
        f"{_attr(_quote_title(t))}!$A$1:${column_letter(w - 1)}${last}</definedName>"
        for i, (t, w, last) in enumerate(zip(titles, widths, last_rows, strict=True))
        if w
    )
    archive.writestr(
        "xl/workbook.xml",
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        "<bookViews><workbookView/></bookViews>"
        f"<sheets>{sheets}</sheets>" + (f"<definedNames>{names}</definedNames>" if names else "") + "</workbook>",
    )
    rels = "".join(
        f'<Relationship Id="rId{i}" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        f'Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, count + 1)
    )
    rels += (
        f'<Relationship Id="rId{count + 1}" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    )
    archive.writestr(
        "xl/_rels/workbook.xml.rels",
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>',
    )
    archive.writestr("xl/styles.xml", _STYLES)


def _attr(text: str) -> str:
    text = _ILLEGAL.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def _quote_title(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


def _unique_titles(titles: list[str]) -> list[str]:
    """Sheet names Excel accepts: no []:*?/\\, at most 31 characters, not blank, unique ignoring case."""
    out: list[str] = []
    seen: set[str] = set()
    for raw in titles:
        base = re.sub(r"[\[\]:*?/\\]", "_", _ILLEGAL.sub("", raw)).strip("'")[:_MAX_TITLE] or "Sheet"
        title, n = base, 1
        while title.lower() in seen:
            n += 1
            suffix = f" ({n})"
            title = base[: _MAX_TITLE - len(suffix)] + suffix
        seen.add(title.lower())
        out.append(title)
    return out
