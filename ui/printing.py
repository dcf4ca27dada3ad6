"""The console's one way to print: a render function painting into a ``QPrinter``, previewed
through ``QPrintPreviewDialog`` or saved as a PDF; and the printed attendance ledger.

A page that prints builds a *render* (``Callable[[QPrinter], None]``) — for HTML content,
:func:`render_document` over a ``QTextDocument`` — and hands it to :func:`print_preview` or
:func:`save_pdf`. Both set up the same A4 page with small margins, so the preview shows exactly
what the PDF will contain.

The preview paints on the UI thread (Qt asks for pages there). Saving a PDF may go through
:func:`ui.jobs.run_job` like any other long job, provided the job builds its own document
(``save_pdf(path, render_document(ledger_document(ledger, "zh")))`` inside the job): Qt allows a
``QPainter`` on a ``QPrinter`` outside the GUI thread, but a ``QTextDocument`` belongs to the
thread that made it. A fifty-rep ledger takes about a second either way.

The ledger's words (title, headers, legend) come from
:func:`storage.excel.ledger_writer.ledger_sheet` in the language asked for, so the printout says
exactly what the exported workbook says; the strings of this module (dialog titles, errors)
follow the UI language through ``QCoreApplication.translate``.
"""

from __future__ import annotations

import html
import math
import os
import re
import secrets
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import (
    QFont,
    QFontInfo,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from domain.attendance import Symbol
from storage.attendance import Ledger
from storage.excel.ledger_writer import FILL_COLOURS, LedgerSheet, ledger_sheet

Render = Callable[[QPrinter], None]

PAGE_MARGIN_MM = 8.0
CJK_FALLBACK_FAMILIES = ("Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC")
"""Tried after the application font, so Chinese prints even where that font has no CJK glyphs."""

_LAYOUT_DPI = 96
_layout_device: QImage | None = None


# --------------------------------------------------------------------------- printing any render


def _set_up_page(printer: QPrinter, landscape: bool) -> None:
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)
    printer.setPageMargins(
        QMarginsF(PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM, PAGE_MARGIN_MM), QPageLayout.Unit.Millimeter
    )


def preview_dialog(parent: QWidget | None, title: str, render: Render, landscape: bool = True) -> QPrintPreviewDialog:
    """The preview window of :func:`print_preview`, not yet shown (tests show it themselves)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _set_up_page(printer, landscape)
    printer.setDocName(title)
    dialog = QPrintPreviewDialog(printer, parent)
    # The dialog does not own the printer; keep it alive exactly as long as the dialog.
    dialog._printer = printer  # type: ignore[attr-defined]
    dialog.setWindowTitle(QCoreApplication.translate("printing", "Print preview: {title}").format(title=title))
    dialog.paintRequested.connect(render)
    return dialog


def print_preview(parent: QWidget | None, title: str, render: Render, landscape: bool = True) -> None:
    """Show ``render`` on A4 (landscape unless asked otherwise) in Qt's print preview, from which
    the user prints or, through the print dialog, saves a PDF."""
    dialog = preview_dialog(parent, title, render, landscape)
    dialog.exec()
    dialog.deleteLater()


def save_pdf(path: str | Path, render: Render, landscape: bool = True, title: str = "") -> None:
    """Print ``render`` on A4 into the PDF file ``path``.

    The file appears only when complete (written under a temporary name and moved into place);
    if it cannot be written, ``OSError`` carries a sentence for the user and, as its cause, the
    system's reason for the log.
    """
    path = Path(path)
    cannot_write = QCoreApplication.translate(
        "printing",
        "The PDF file {file} could not be written. Check that the folder exists, that you may "
        "write to it, and that the file is not open in another program.",
    ).format(file=path)
    temp = path.with_name(f".~{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        # Claim the file first: a missing or read-only folder then fails here with the system's
        # reason, rather than as a QPainter that silently paints nothing.
        temp.open("xb").close()
    except OSError as exc:
        raise OSError(cannot_write) from exc
    try:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(temp))
        printer.setCreator(QCoreApplication.applicationName() or "Sales console")
        printer.setDocName(title or path.stem)
        _set_up_page(printer, landscape)
        render(printer)
        del printer  # the PDF is complete once the printer's paint engine has ended
        if temp.stat().st_size == 0:
            raise OSError(cannot_write)
        try:
            os.replace(temp, path)
        except OSError as exc:  # e.g. the old file is open in a PDF viewer on Windows
            raise OSError(cannot_write) from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


# --------------------------------------------------------------------------- HTML documents


def _document_layout_device() -> QImage:
    # Lay documents out against a fixed 96-dpi device rather than the screen: the printout is the
    # same on every machine, and QTextDocument.print_ scales the 96-dpi page onto the printer.
    global _layout_device
    if _layout_device is None:
        _layout_device = QImage(1, 1, QImage.Format.Format_RGB32)
        dots_per_metre = round(_LAYOUT_DPI / 0.0254)
        _layout_device.setDotsPerMeterX(dots_per_metre)
        _layout_device.setDotsPerMeterY(dots_per_metre)
    return _layout_device


MINIMUM_WIDTH_PROPERTY = "minimumWidth"
"""A document may carry this property: the narrowest page, in 96-dpi layout pixels, on which its
content keeps its shape (the ledger's columns their words). A narrower page is printed scaled."""


def render_document(document: QTextDocument) -> Render:
    """A render laying ``document`` out on the printer's page and printing it.

    Content wider than the page — a table whose columns cannot shrink further, or narrower than
    the document's :data:`MINIMUM_WIDTH_PROPERTY` — is scaled down to the page width rather than
    cut off or broken mid-word, like a spreadsheet's "fit to one page wide".
    """

    def render(printer: QPrinter) -> None:
        document.documentLayout().setPaintDevice(_document_layout_device())
        page = printer.pageLayout().paintRect(QPageLayout.Unit.Inch)
        width, height = page.width() * _LAYOUT_DPI, page.height() * _LAYOUT_DPI
        minimum = document.property(MINIMUM_WIDTH_PROPERTY)
        scale = max(1.0, float(minimum) / width) if minimum else 1.0
        document.setPageSize(QSizeF(width * scale, height * scale))
        needed = document.size().width()
        if needed > width * scale + 0.5:
            scale = needed / width
            document.setPageSize(QSizeF(width * scale, height * scale))
        document.print_(printer)

    return render


def _families() -> list[str]:
    # The family the application font really resolves to ('Sans Serif' is only an alias) comes
    # first, for Latin text and digits; CJK text falls back to the next families. Not the other
    # way round: Latin digits set in Noto Sans CJK reach the PDF without their Unicode mapping,
    # so copying '09:00' out of the PDF gives ':'.
    app_font = QGuiApplication.font()
    first = [QFontInfo(app_font).family(), app_font.family()]
    return [f for f in dict.fromkeys([*first, *CJK_FALLBACK_FAMILIES]) if f]


def _document_font(point_size: float = 8, bold: bool = False) -> QFont:
    font = QFont(QGuiApplication.font())
    font.setFamilies(_families())
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font


def _css_families() -> str:
    return ", ".join(f"'{f}'" for f in _families()) + ", sans-serif"


def ledger_document(ledger: Ledger, language: str = "zh") -> QTextDocument:
    """The month's attendance ledger as a printable document in ``language`` ('zh' or 'en'):
    title, the grid of day symbols with weekends and holidays shaded, the summary columns and
    the legend; the header rows repeat on every page."""
    sheet = ledger_sheet(ledger, language)
    shares, minimum_width = _column_shares(_ledger_column_widths(sheet), slice(2, 2 + len(sheet.days)))
    document = QTextDocument()
    document.setDefaultFont(_document_font())
    document.setDocumentMargin(0)
    document.setUseDesignMetrics(True)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, sheet.title)
    document.setHtml(_ledger_html(sheet, shares))
    document.setProperty(MINIMUM_WIDTH_PROPERTY, minimum_width)
    return document


_GREY = "#D9D9D9"
_HEADER_BG = "#F2F2F2"
_DAY_PT, _NAME_PT = 7.0, 8.0
# English header words are long and cannot wrap inside a word: a point smaller keeps the 31 days
# and the summary on an A4 landscape page at full size.
_HEADER_PT = {"zh": 7.0, "en": 6.0}
_WEEKDAY_PT = {"zh": 6.5, "en": 6.0}
# Qt gives a cell's text its column's width less about 4 px (padding and border), rounds the
# column down to whole pixels and wants a pixel beyond the text's advance (the cursor).
_CELL_EXTRA_PX = 4.5
_A4_LANDSCAPE_WIDTH_PX = (297 - 2 * PAGE_MARGIN_MM) / 25.4 * _LAYOUT_DPI


def _ledger_column_widths(sheet: LedgerSheet) -> list[float]:
    """Each column's narrowest comfortable width in 96-dpi pixels, in table order.

    Qt breaks a word anywhere when a column is too narrow ('Worki/ng'), so the widths are
    measured here: English headers keep their longest word (or hyphenated part) on one line,
    Chinese ones wrap after about half their characters, day columns fit their widest symbol.
    """
    device = _document_layout_device()
    header = QFontMetricsF(_document_font(_HEADER_PT[sheet.language], bold=True), device)
    day_number = QFontMetricsF(_document_font(_DAY_PT, bold=True), device)
    day = QFontMetricsF(_document_font(_DAY_PT), device)
    weekday = QFontMetricsF(_document_font(_WEEKDAY_PT[sheet.language]), device)
    name = QFontMetricsF(_document_font(_NAME_PT, bold=True), device)

    def header_width(label: str) -> float:
        if sheet.language == "zh":
            return header.horizontalAdvance(label[: max(2, (len(label) + 1) // 2)])
        return max(header.horizontalAdvance(word) for word in re.split(r"(?<=-)|\s+", label) if word)

    numbers = [day.horizontalAdvance(r.employee_no) for r in sheet.rows]
    names = [name.horizontalAdvance(r.name) for r in sheet.rows]
    day_width = max(
        [
            day_number.horizontalAdvance("31"),
            day.horizontalAdvance("休"),
            *(weekday.horizontalAdvance(column.weekday) for column in sheet.days),
        ]
    )
    summary = [
        max(header_width(label), *(day.horizontalAdvance(_figure(r.figures[i])) for r in sheet.rows))
        for i, label in enumerate(sheet.summary_headers)
    ]
    columns = (
        max(header_width(sheet.employee_no_header), *numbers),
        max(header_width(sheet.name_header), *names),
        *([day_width] * len(sheet.days)),
        *summary,
    )
    return [math.ceil(width + 1) + _CELL_EXTRA_PX for width in columns]


def _column_shares(minimums: list[float], days: slice) -> tuple[list[float], float]:
    """Percentages of the page width for the columns, and the page width (96-dpi pixels) below
    which some column would get less than its minimum.

    Laid out for A4 landscape, the ledger's page: spare width goes first to the day columns (up
    to half as wide again: the grid is what people read), the rest to every column evenly.
    """
    design = _A4_LANDSCAPE_WIDTH_PX
    widths = list(minimums)
    spare = design - sum(widths)
    day_count = days.stop - days.start
    if spare > 0 and day_count:
        per_day = min(spare / day_count, widths[days.start] * 0.5)
        for index in range(days.start, days.stop):
            widths[index] += per_day
        spare -= per_day * day_count
    if spare > 0:
        widths = [w + spare / len(widths) for w in widths]
    total = sum(widths)
    shares = [100 * w / total for w in widths]
    needed = max(m * 100 / share for m, share in zip(minimums, shares, strict=True))
    return shares, needed


def _ledger_html(sheet: LedgerSheet, shares: list[float]) -> str:
    e = html.escape
    pct = [f"{share:.3f}%" for share in shares]
    parts = [
        f'<html><body style="font-family: {_css_families()}; font-size: 8pt;">',
        f'<p align="center" style="font-size: 14pt; font-weight: bold; margin-bottom: 2pt;">{e(sheet.title)}</p>',
        f'<p align="center" style="font-size: 8pt; color: #595959; margin-top: 0; margin-bottom: 6pt;">'
        f"{e(sheet.subtitle)}</p>",
        '<table width="100%" border="1" cellspacing="0" cellpadding="1" '
        f'style="border-collapse: collapse; border-color: #808080; border-style: solid; font-size: {_DAY_PT:g}pt;">',
        "<thead>",
    ]
    header_pt, weekday_pt = _HEADER_PT[sheet.language], _WEEKDAY_PT[sheet.language]
    head = f'valign="middle" style="font-size: {header_pt:g}pt; font-weight: bold;" bgcolor="{_HEADER_BG}"'
    row = [
        f'<th rowspan="2" width="{pct[0]}" {head}>{e(sheet.employee_no_header)}</th>',
        f'<th rowspan="2" width="{pct[1]}" {head}>{e(sheet.name_header)}</th>',
    ]
    first_day, first_summary = 2, 2 + len(sheet.days)
    for index, column in enumerate(sheet.days, start=first_day):
        row.append(
            f'<th align="center" width="{pct[index]}" '
            f'bgcolor="{_GREY if column.rest else _HEADER_BG}">{e(column.number)}</th>'
        )
    row.extend(
        f'<th rowspan="2" width="{pct[index]}" {head}>{e(label)}</th>'
        for index, label in enumerate(sheet.summary_headers, start=first_summary)
    )
    parts.append("<tr>" + "".join(row) + "</tr>")
    parts.append(
        "<tr>"
        + "".join(
            f'<th align="center" style="font-size: {weekday_pt:g}pt; font-weight: normal;" '
            f'bgcolor="{_GREY if column.rest else _HEADER_BG}">{e(column.weekday)}</th>'
            for column in sheet.days
        )
        + "</tr></thead><tbody>"
    )
    for sheet_row in sheet.rows:
        name = e(sheet_row.name)
        if sheet_row.flagged:
            name = f'<span style="color: #C00000; font-weight: bold;">{name}</span>'
        cells = [
            f'<td valign="middle">{e(sheet_row.employee_no)}</td>',
            f'<td valign="middle" style="font-size: {_NAME_PT:g}pt;">{name}</td>',
        ]
        for cell in sheet_row.cells:
            colour = _GREY if cell.rest else _fill(cell.symbol)
            background = f' bgcolor="{colour}"' if colour else ""
            cells.append(f'<td align="center" valign="middle"{background}>{e(cell.text)}</td>')
        cells.extend(f'<td align="center" valign="middle">{_figure(f)}</td>' for f in sheet_row.figures)
        parts.append("<tr>" + "".join(cells) + "</tr>")
    parts.append("</tbody></table>")

    legend = [f"<b>{e(sheet.legend_title)}:</b>"]
    for item in sheet.legend:
        background = f' style="background-color: #{item.colour};"' if item.colour else ""
        legend.append(f"&nbsp;&nbsp;<span{background}>&nbsp;{e(item.symbol)}&nbsp;</span>&nbsp;{e(item.meaning)}")
    parts.append(f'<p style="font-size: 7.5pt; margin-top: 6pt;">{"".join(legend)}</p>')
    parts.extend(f'<p style="font-size: 7pt; color: #595959; margin: 0;">{e(note)}</p>' for note in sheet.notes)
    parts.append("</body></html>")
    return "".join(parts)


def _fill(symbol: Symbol | None) -> str | None:
    colour = FILL_COLOURS.get(symbol) if symbol is not None else None
    return f"#{colour}" if colour else None


def _figure(value: int | float) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
