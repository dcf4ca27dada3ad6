"""The printed visit schedule of a rep (拜访计划表): the sales kit to check before leaving, then each day
of the period with its visits in order, one block per visit with what the rep needs at the door
(customer, address, contact, phone, purpose, last visit and its outcome, open opportunities) and
lines to write the outcome on.

An HTML :class:`QTextDocument` in the project's CJK-capable fonts (see :mod:`ui.printing`), printed
portrait on A4 through :func:`schedule_render`, which the page's preview and PDF and the headless
``print visit-schedule`` command share.

Two things a reader should know before changing anything:

* **Language.** The schedule is printed in the language asked for, not necessarily the console's:
  a Chinese schedule from an English console. ``QCoreApplication.translate`` only answers in the
  console's language, so the words are marked with ``QT_TRANSLATE_NOOP`` (pyside6-lupdate collects
  them into the catalogue as usual) and :class:`Words` looks them up in the catalogue of the
  printout's language.
* **A visit never breaks across pages.** Qt lays a table cell's lines out across a page boundary
  and knows no ``page-break-inside: avoid``; so once the page size is known (in the render), each
  visit's table (and a day's heading with its first visit) that would straddle a boundary gets a
  page break before it.
"""

from __future__ import annotations

import math
import threading
from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, QSizeF, QTranslator
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QPageLayout,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextTable,
)
from PySide6.QtPrintSupport import QPrinter

from domain.records import DecisionRole
from domain.visits import Schedule, ScheduleDay, ScheduleVisit, iso_week_label, parse_month, parse_week
from ui.labels import ui_language
from ui.printing import _LAYOUT_DPI, Render, _css_families, _document_font, _document_layout_device, render_document

CONTEXT = "visit_schedule"
CATALOGUES = Path(__file__).resolve().parents[1] / "resources" / "translations"
"""Where the console's translations live (``console_zh_CN.qm``), as app.py installs them."""

_catalogues: dict[str, QTranslator] = {}
_catalogue_lock = threading.Lock()


def _catalogue(language: str) -> QTranslator:
    # Loaded once and never installed: installing a translator retranslates every open window. Only
    # read after loading, so a PDF job's thread may use it too.
    with _catalogue_lock:
        if language not in _catalogues:
            translator = QTranslator()
            translator.load(f"console_{'zh_CN' if language == 'zh' else language}", str(CATALOGUES))
            _catalogues[language] = translator
        return _catalogues[language]


class Words:
    """The printout's words in ``language`` ('zh' or 'en'), whatever language the console speaks."""

    def __init__(self, language: str) -> None:
        self.language = "zh" if language == "zh" else "en"

    def __call__(self, source: str) -> str:
        if self.language == "en":
            return source  # English is the source language
        if ui_language() == self.language:
            return QCoreApplication.translate(CONTEXT, source)
        return _catalogue(self.language).translate(CONTEXT, source) or source


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Marks ``source`` for pyside6-lupdate, which finds it by this name; :class:`Words` translates it."""
    return source


_MONTHS = (
    QT_TRANSLATE_NOOP("visit_schedule", "Jan"),
    QT_TRANSLATE_NOOP("visit_schedule", "Feb"),
    QT_TRANSLATE_NOOP("visit_schedule", "Mar"),
    QT_TRANSLATE_NOOP("visit_schedule", "Apr"),
    QT_TRANSLATE_NOOP("visit_schedule", "May"),
    QT_TRANSLATE_NOOP("visit_schedule", "Jun"),
    QT_TRANSLATE_NOOP("visit_schedule", "Jul"),
    QT_TRANSLATE_NOOP("visit_schedule", "Aug"),
    QT_TRANSLATE_NOOP("visit_schedule", "Sep"),
    QT_TRANSLATE_NOOP("visit_schedule", "Oct"),
    QT_TRANSLATE_NOOP("visit_schedule", "Nov"),
    QT_TRANSLATE_NOOP("visit_schedule", "Dec"),
)
_WEEKDAYS = (
    QT_TRANSLATE_NOOP("visit_schedule", "Monday"),
    QT_TRANSLATE_NOOP("visit_schedule", "Tuesday"),
    QT_TRANSLATE_NOOP("visit_schedule", "Wednesday"),
    QT_TRANSLATE_NOOP("visit_schedule", "Thursday"),
    QT_TRANSLATE_NOOP("visit_schedule", "Friday"),
    QT_TRANSLATE_NOOP("visit_schedule", "Saturday"),
    QT_TRANSLATE_NOOP("visit_schedule", "Sunday"),
)
KIT_WORDS: dict[str, str] = {
    "business_cards": QT_TRANSLATE_NOOP("visit_schedule", "Business cards"),
    "catalogue": QT_TRANSLATE_NOOP("visit_schedule", "Product catalogue"),
    "price_list": QT_TRANSLATE_NOOP("visit_schedule", "Latest price list"),
    "references": QT_TRANSLATE_NOOP("visit_schedule", "Reference customers in the same industry"),
    "customer_file": QT_TRANSLATE_NOOP("visit_schedule", "Customer files"),
    "calculator": QT_TRANSLATE_NOOP("visit_schedule", "Calculator"),
    "notebook": QT_TRANSLATE_NOOP("visit_schedule", "Notebook"),
    "gift": QT_TRANSLATE_NOOP("visit_schedule", "Company gift"),
    "visit_forms": QT_TRANSLATE_NOOP("visit_schedule", "Visit record forms"),
    "map": QT_TRANSLATE_NOOP("visit_schedule", "Map"),
}
"""The sales kit's items (:data:`domain.visits.SALES_KIT`) by code; another code prints as it is."""
_ROLES: dict[str, str] = {
    DecisionRole.DECISION_MAKER.value: QT_TRANSLATE_NOOP("visit_schedule", "Final decision maker"),
    DecisionRole.INFLUENCER.value: QT_TRANSLATE_NOOP("visit_schedule", "Influencer"),
    DecisionRole.EXECUTOR.value: QT_TRANSLATE_NOOP("visit_schedule", "Executor"),
    DecisionRole.NEGOTIATOR.value: QT_TRANSLATE_NOOP("visit_schedule", "Negotiator"),
}
_VALUE_CLASSES: dict[str, str] = {
    "star": QT_TRANSLATE_NOOP("visit_schedule", "Star"),
    "cow": QT_TRANSLATE_NOOP("visit_schedule", "Cow"),
    "volcano": QT_TRANSLATE_NOOP("visit_schedule", "Volcano"),
    "dog": QT_TRANSLATE_NOOP("visit_schedule", "Dog"),
}
_NOTES: dict[str, str] = {
    "leave": QT_TRANSLATE_NOOP("visit_schedule", "On leave"),
    "half_leave": QT_TRANSLATE_NOOP("visit_schedule", "Half a day of leave"),
    "trip": QT_TRANSLATE_NOOP("visit_schedule", "Business trip"),
    "weekend": QT_TRANSLATE_NOOP("visit_schedule", "Weekend"),
}


# --------------------------------------------------------------------------- words of one visit


def short_date(day: date, w: Words) -> str:
    """23 Nov / 11月23日."""
    return w(QT_TRANSLATE_NOOP("visit_schedule", "{day} {month}")).format(day=day.day, month=w(_MONTHS[day.month - 1]))


def weekday(day: date, w: Words) -> str:
    return w(_WEEKDAYS[day.weekday()])


def period_text(first: date, last: date, w: Words) -> str:
    """``2026-W48 (11月23日–11月29日)`` for a week, ``2026-11 (…)`` for a month, else the two days."""
    span = f"{short_date(first, w)}–{short_date(last, w)}"
    week, month = iso_week_label(first), f"{first.year}-{first.month:02d}"
    if parse_week(week) == (first, last):
        return f"{week} ({span})"
    if parse_month(month) == (first, last):
        return f"{month} ({span})"
    return f"{first.isoformat()}–{last.isoformat()}"


def classes_text(classes: tuple[str, ...], w: Words) -> str:
    """``A · 明星``: the ABC class as it is, the value class in words."""
    return " · ".join(w(_VALUE_CLASSES[c]) if c in _VALUE_CLASSES else c for c in classes if c)


def role_text(role: str, w: Words) -> str:
    """A decision-role code in words; a free-text title as it is."""
    return w(_ROLES[role]) if role in _ROLES else role


def contact_text(visit: ScheduleVisit, w: Words) -> str:
    role = " · ".join(p for p in (visit.contact_title, role_text(visit.contact_role, w)) if p)
    if visit.contact and role:
        return w(QT_TRANSLATE_NOOP("visit_schedule", "{name} ({role})")).format(name=visit.contact, role=role)
    return visit.contact or role


def purpose_text(visit: ScheduleVisit, w: Words) -> str:
    return visit.purpose or w(QT_TRANSLATE_NOOP("visit_schedule", "Routine visit"))


def last_visit_text(visit: ScheduleVisit, w: Words) -> str:
    if visit.last_visit is None:
        return w(QT_TRANSLATE_NOOP("visit_schedule", "First visit"))
    day = visit.last_visit.isoformat()
    return f"{day} · {visit.last_outcome}" if visit.last_outcome else day


def note_text(note: str, w: Words) -> str:
    """Why a day has no visits: a holiday's name, leave, a business trip."""
    if note.startswith("holiday:"):
        return note.removeprefix("holiday:")
    return w(_NOTES[note]) if note in _NOTES else note


def kit_text(code: str, w: Words) -> str:
    return w(KIT_WORDS[code]) if code in KIT_WORDS else code


# --------------------------------------------------------------------------- the document


def schedule_title(schedule: Schedule, language: str = "zh") -> str:
    w = Words(language)
    return w(QT_TRANSLATE_NOOP("visit_schedule", "Visit schedule · {rep} · {period}")).format(
        rep=schedule.rep, period=period_text(schedule.first, schedule.last, w)
    )


def schedule_document(schedule: Schedule, language: str = "zh") -> QTextDocument:
    """The printable schedule in ``language`` ('zh' or 'en'); print it through :func:`schedule_render`,
    which also keeps each visit on one page."""
    document = QTextDocument()
    document.setDefaultFont(_document_font(9))
    document.setDocumentMargin(0)
    document.setUseDesignMetrics(True)
    title = schedule_title(schedule, language)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, title)
    document.setHtml(_html(schedule, title, Words(language)))
    return document


def schedule_render(schedule: Schedule, language: str = "zh") -> Render:
    """The render of the schedule for :func:`ui.printing.save_pdf` and :func:`ui.printing.print_preview`
    (portrait). The document is made here, in the thread that prints (see :mod:`ui.printing`)."""
    document = schedule_document(schedule, language)
    print_document = render_document(document)

    def render(printer: QPrinter) -> None:
        # The page render_document will lay the document out on (the same steps), so that the breaks
        # are set for the pages that get printed.
        document.documentLayout().setPaintDevice(_document_layout_device())
        page = printer.pageLayout().paintRect(QPageLayout.Unit.Inch)
        width, height = page.width() * _LAYOUT_DPI, page.height() * _LAYOUT_DPI
        document.setPageSize(QSizeF(width, height))
        needed = document.size().width()
        if needed > width + 0.5:
            document.setPageSize(QSizeF(needed, height * needed / width))
        keep_visits_together(document)
        print_document(printer)

    return render


_GREY = "#7F7F7F"
_LINE = "#A6A6A6"
_SHADE = "#F2F2F2"
_DAY_SHADE = "#DDE6F0"
_MARK = "#C00000"


def _html(schedule: Schedule, title: str, w: Words) -> str:
    e = escape
    days_with_visits = sum(1 for d in schedule.days if d.visits)
    summary = w(QT_TRANSLATE_NOOP("visit_schedule", "{count} visits over {days} days")).format(
        count=schedule.visit_count, days=days_with_visits
    )
    parts = [
        f'<html><body style="font-family:{_css_families()}; font-size:9pt">',
        f'<p style="font-size:15pt; font-weight:bold; margin:0">{e(title)}</p>',
        f'<p style="color:{_GREY}; margin-top:2px; margin-bottom:8px">{e(summary)}</p>',
        _kit_html(schedule.kit, w),
    ]
    for day in schedule.days:
        parts.append(_day_html(day, w))
    parts.append("</body></html>")
    return "".join(parts)


def _kit_html(kit: tuple[str, ...], w: Words) -> str:
    if not kit:
        return ""
    columns = 5
    rows = [kit[i : i + columns] for i in range(0, len(kit), columns)]
    cells = "".join(
        "<tr>"
        + "".join(f'<td width="20%">☐&nbsp;{escape(kit_text(code, w))}</td>' for code in row)
        + "<td></td>" * (columns - len(row))
        + "</tr>"
        for row in rows
    )
    heading = w(QT_TRANSLATE_NOOP("visit_schedule", "Sales kit: check before you leave"))
    return (
        f'<table width="100%" border="1" cellspacing="0" cellpadding="3" '
        f'style="border-collapse:collapse; border-style:solid; border-color:{_LINE}; margin:6px 0 4px 0">'
        f'<tr><td colspan="{columns}" bgcolor="{_SHADE}" style="font-weight:bold">{escape(heading)}</td></tr>'
        f"{cells}</table>"
    )


def _unbroken(text: str) -> str:
    """``text`` escaped, kept on one line (``A · 明星`` never splits after the ``A``)."""
    return escape(text).replace(" ", "&nbsp;")


def _day_anchor(day: date) -> str:
    return f"day-{day.isoformat()}"


def _visit_anchor(day: date, index: int) -> str:
    return f"visit-{day.isoformat()}-{index}"


def _day_html(day: ScheduleDay, w: Words) -> str:
    e = escape
    heading = day_heading(day.day, w)
    details = []
    if day.note and day.visits:
        details.append(note_text(day.note, w))
    if day.visits:
        details.append(w(QT_TRANSLATE_NOOP("visit_schedule", "{count} visits")).format(count=len(day.visits)))
        # Where the day goes: its districts in the order it visits them.
        details.append("、".join(dict.fromkeys(v.district for v in day.visits if v.district)))
    detail = " · ".join(d for d in details if d)
    parts = [
        f'<p style="font-size:11pt; font-weight:bold; margin-top:12px; margin-bottom:2px; '
        f'background-color:{_DAY_SHADE}"><a name="{_day_anchor(day.day)}">&nbsp;{e(heading)}</a>'
        + (f'<span style="font-size:9pt; font-weight:normal">&nbsp;&nbsp;&nbsp;{e(detail)}</span>' if detail else "")
        + "</p>"
    ]
    if not day.visits:
        empty = note_text(day.note, w) if day.note else w(QT_TRANSLATE_NOOP("visit_schedule", "No visits planned"))
        parts.append(f'<p style="color:{_GREY}; margin-top:2px; margin-bottom:0">&nbsp;{e(empty)}</p>')
    for index, visit in enumerate(day.visits, start=1):
        parts.append(_visit_html(day.day, index, visit, w))
    return "".join(parts)


def day_heading(day: date, w: Words) -> str:
    """Monday, 23 Nov / 11月23日 星期一."""
    return w(QT_TRANSLATE_NOOP("visit_schedule", "{weekday}, {date}")).format(
        weekday=weekday(day, w), date=short_date(day, w)
    )


def _visit_html(day: date, index: int, visit: ScheduleVisit, w: Words) -> str:
    e = escape
    address = w(QT_TRANSLATE_NOOP("visit_schedule", "Address"))
    contact = w(QT_TRANSLATE_NOOP("visit_schedule", "Contact"))
    phone = w(QT_TRANSLATE_NOOP("visit_schedule", "Phone"))
    purpose = w(QT_TRANSLATE_NOOP("visit_schedule", "Purpose"))
    last_visit = w(QT_TRANSLATE_NOOP("visit_schedule", "Last visit"))
    opportunities = w(QT_TRANSLATE_NOOP("visit_schedule", "Open opportunities"))
    outcome = w(QT_TRANSLATE_NOOP("visit_schedule", "Outcome"))
    next_step = w(QT_TRANSLATE_NOOP("visit_schedule", "Next step"))
    marks = []
    if visit.locked:
        marks.append(w(QT_TRANSLATE_NOOP("visit_schedule", "Fixed by the manager")))
    if visit.status == "done":
        marks.append(w(QT_TRANSLATE_NOOP("visit_schedule", "Done")))
    classes = classes_text(visit.classes, w)
    head = (
        f'<span style="font-size:10.5pt; font-weight:bold">{e(visit.customer)}</span>'
        + (f'&nbsp;&nbsp;<span style="color:{_GREY}">{_unbroken(classes)}</span>' if classes else "")
        + (f'&nbsp;&nbsp;<span style="color:{_MARK}">{_unbroken(" · ".join(marks))}</span>' if marks else "")
    )
    # Each block names its day too: a day's visits may go on over a page, and pages get torn off.
    when = f'<td width="20%" align="right" style="color:{_GREY}">{_unbroken(day_heading(day, w))}</td>'

    def row(name: str, value: str) -> str:
        return f'<tr><td width="13%" style="color:{_GREY}">{e(name)}</td><td colspan="2">{value or "—"}</td></tr>'

    def writing_line(name: str) -> str:
        # Room to write by hand: about 6 mm between the lines.
        return (
            f'<tr><td valign="bottom" style="color:{_GREY}">{e(name)}</td>'
            f'<td colspan="2" style="border-bottom:1px solid {_LINE}; padding-top:10px">&nbsp;</td></tr>'
        )

    # The phone goes on the contact's line, in the same cell, so that both sit on one baseline.
    reach = e(contact_text(visit, w)) or "—"
    if visit.phone:
        reach += f'&nbsp;&nbsp;&nbsp;&nbsp;<span style="color:{_GREY}">{e(phone)}</span>&nbsp;{e(visit.phone)}'
    rows = [
        f'<tr><td colspan="2">{head}</td>{when}</tr>',
        row(address, e(visit.address)),
        row(contact, reach),
        row(purpose, e(purpose_text(visit, w))),
        row(last_visit, e(last_visit_text(visit, w))),
    ]
    if visit.opportunities:
        rows.append(row(opportunities, "<br/>".join(e(o) for o in visit.opportunities)))
    rows += [writing_line(outcome), writing_line(""), writing_line(next_step)]
    number = f'<a name="{_visit_anchor(day, index)}"><span style="font-size:14pt; font-weight:bold">{index}</span></a>'
    return (
        f'<table width="100%" border="1" cellspacing="0" cellpadding="4" '
        f'style="border-collapse:collapse; border-style:solid; border-color:{_LINE}; margin-top:6px">'
        f'<tr><td width="5%" align="center" bgcolor="{_SHADE}">{number}</td><td>'
        f'<table width="100%" border="0" cellspacing="0" cellpadding="2">{"".join(rows)}</table>'
        "</td></tr></table>"
    )


# --------------------------------------------------------------------------- pagination


def keep_visits_together(document: QTextDocument) -> int:
    """Put a page break before every visit (and every day heading with its first visit, or with
    its note) that would otherwise straddle a page boundary; returns how many breaks were set.

    The document must have its page size. Breaks set by an earlier call are cleared first, so a
    preview laid out again on other paper gets its own breaks.
    """
    page_height = document.pageSize().height()
    if page_height <= 0 or math.isinf(page_height):
        return 0
    layout = document.documentLayout()
    units = _units(document)
    for start, _end in units:
        _set_break(start, False)
    breaks = 0
    for start, end in units:
        top = _rect(layout, start).top()
        bottom = _rect(layout, end).bottom()
        if bottom - top > page_height:
            continue  # taller than a page: nothing to gain
        if math.floor(top / page_height) != math.floor((bottom - 0.5) / page_height):
            _set_break(start, True)
            breaks += 1
    return breaks


_Element = QTextBlock | QTextTable


def _units(document: QTextDocument) -> list[tuple[_Element, _Element]]:
    """(first, last) element of each part that must stay on one page, in document order."""
    units: list[tuple[_Element, _Element]] = []
    heading: QTextBlock | None = None
    block = document.begin()
    while block.isValid():
        anchors = _anchor_names(block)
        if any(a.startswith("day-") for a in anchors):
            heading = block
        elif any(a.startswith("visit-") for a in anchors):
            table = QTextCursor(block).currentTable()
            outer = table.parentFrame() if table is not None else None
            # The anchor sits in the visit's outer table (the number cell), not in a nested one.
            if isinstance(table, QTextTable) and not isinstance(outer, QTextTable):
                units.append((heading if heading is not None else table, table))
                heading = None
        elif heading is not None and block.length() > 1 and QTextCursor(block).currentTable() is None:
            units.append((heading, block))  # a day without visits: its heading and its note
            heading = None
        block = block.next()
    return units


def _anchor_names(block: QTextBlock) -> list[str]:
    names: list[str] = []
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        if fragment.isValid():
            names += fragment.charFormat().anchorNames()
        iterator += 1
    return names


def _rect(layout: QAbstractTextDocumentLayout, element: _Element) -> QRectF:
    if isinstance(element, QTextTable):
        return layout.frameBoundingRect(element)
    return layout.blockBoundingRect(element)


def _set_break(element: _Element, on: bool) -> None:
    policy = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore if on else QTextFormat.PageBreakFlag.PageBreak_Auto
    if isinstance(element, QTextTable):
        table_format = element.format()
        if table_format.pageBreakPolicy() != policy:
            table_format.setPageBreakPolicy(policy)
            element.setFormat(table_format)
        return
    block_format = element.blockFormat()
    if block_format.pageBreakPolicy() != policy:
        block_format.setPageBreakPolicy(policy)
        QTextCursor(element).setBlockFormat(block_format)
