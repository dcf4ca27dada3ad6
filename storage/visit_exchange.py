"""The visit schedule of a rep as an Excel workbook: one row per planned visit, in the order the printed
schedule (:mod:`ui.visit_schedule`) lists them, with headers and words in Chinese or English.

The workbook is for people, like the printout: the words match the printout's (``A · 明星``, the role
in words, ``例行拜访`` for a visit without a purpose, ``首次拜访`` where there is no last visit).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from domain.records import DECISION_ROLE_CHINESE, DecisionRole
from domain.visits import Schedule, ScheduleVisit
from storage.excel.writer import ColumnKind, ColumnSpec, SheetSpec, write_workbook
from storage.progress import Progress

# (Chinese header, English header, width, kind), in the order of the row.
_COLUMNS: tuple[tuple[str, str, float, ColumnKind], ...] = (
    ("日期", "Date", 12, ColumnKind.DATE),
    ("星期", "Weekday", 10, ColumnKind.TEXT),
    ("顺序", "Order", 6, ColumnKind.INT),
    ("客户名称", "Customer", 30, ColumnKind.TEXT),
    ("客户分类", "Classes", 12, ColumnKind.TEXT),
    ("区县", "District", 12, ColumnKind.TEXT),
    ("地址", "Address", 36, ColumnKind.TEXT),
    ("联系人", "Contact", 12, ColumnKind.TEXT),
    ("职务/角色", "Title / role", 16, ColumnKind.TEXT),
    ("电话", "Phone", 16, ColumnKind.TEXT),
    ("拜访目的", "Purpose", 28, ColumnKind.TEXT),
    ("上次拜访", "Last visit", 12, ColumnKind.DATE),
    ("上次拜访结果", "Last outcome", 36, ColumnKind.TEXT),
    ("在谈商机", "Open opportunities", 40, ColumnKind.TEXT),
    ("状态", "Status", 16, ColumnKind.TEXT),
)

_WEEKDAYS = {
    "zh": ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
_VALUE_CLASSES = {
    "zh": {"star": "明星", "cow": "奶牛", "volcano": "火山", "dog": "小狗"},
    "en": {"star": "Star", "cow": "Cow", "volcano": "Volcano", "dog": "Dog"},
}
_ROLES = {
    "zh": DECISION_ROLE_CHINESE,
    "en": {
        DecisionRole.DECISION_MAKER.value: "Final decision maker",
        DecisionRole.INFLUENCER.value: "Influencer",
        DecisionRole.EXECUTOR.value: "Executor",
        DecisionRole.NEGOTIATOR.value: "Negotiator",
    },
}
_STATUSES = {
    "zh": {"planned": "计划", "done": "已完成", "cancelled": "已取消"},
    "en": {"planned": "Planned", "done": "Done", "cancelled": "Cancelled"},
}
_FIXED = {"zh": "（经理指定）", "en": " (fixed by the manager)"}
_ROUTINE = {"zh": "例行拜访", "en": "Routine visit"}
_FIRST_VISIT = {"zh": "首次拜访", "en": "First visit"}
_LIST_SEPARATOR = {"zh": "；", "en": "; "}
_SHEET_TITLE = {"zh": "拜访计划 {rep}", "en": "Visit schedule {rep}"}


def export_schedule(
    schedule: Schedule, path: str | Path, language: str = "zh", progress: Progress | None = None
) -> int:
    """Write ``schedule`` to the .xlsx file ``path``, headers and words in ``language`` ('zh' or 'en');
    returns the number of visits written."""
    lang = "zh" if language == "zh" else "en"
    columns = [ColumnSpec(zh if lang == "zh" else en, width, kind) for zh, en, width, kind in _COLUMNS]
    sheet = SheetSpec(
        _SHEET_TITLE[lang].format(rep=schedule.rep), columns, schedule_rows(schedule, lang), schedule.visit_count
    )
    return write_workbook(path, [sheet], progress)


def schedule_rows(schedule: Schedule, language: str = "zh") -> Iterator[tuple[object, ...]]:
    """The workbook's rows: one per visit, days in order, visits in their order on the day (from 1)."""
    lang = "zh" if language == "zh" else "en"
    for day in schedule.days:
        for order, visit in enumerate(day.visits, start=1):
            yield (
                day.day,
                _WEEKDAYS[lang][day.day.weekday()],
                order,
                visit.customer,
                classes_words(visit.classes, lang),
                visit.district,
                visit.address,
                visit.contact,
                " · ".join(
                    p for p in (visit.contact_title, _ROLES[lang].get(visit.contact_role, visit.contact_role)) if p
                ),
                visit.phone,
                visit.purpose or _ROUTINE[lang],
                visit.last_visit,
                visit.last_outcome if visit.last_visit else _FIRST_VISIT[lang],
                _LIST_SEPARATOR[lang].join(visit.opportunities),
                status_words(visit, lang),
            )


def classes_words(classes: tuple[str, ...], language: str = "zh") -> str:
    """``A · 明星``: the ABC class as it is, the value class in words."""
    words = _VALUE_CLASSES["zh" if language == "zh" else "en"]
    return " · ".join(words.get(c, c) for c in classes if c)


def status_words(visit: ScheduleVisit, language: str = "zh") -> str:
    lang = "zh" if language == "zh" else "en"
    status = _STATUSES[lang].get(visit.status, visit.status)
    return status + _FIXED[lang] if visit.locked else status
