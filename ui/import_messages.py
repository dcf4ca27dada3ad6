"""Sentences for import problems: what is wrong, where (file, sheet, row, column) and what to do."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from storage.attendance_import import EvaluatedMonth
from ui.labels import names_and_more, problem_text


def issue_problem(code: str) -> str:
    texts = {
        "unknown_owner": QCoreApplication.translate(
            "import", "No sales rep has this name; add the rep first or correct the name."
        ),
        "unknown_id": QCoreApplication.translate(
            "import", "No customer has this ID; clear the cell to create a new customer."
        ),
        "duplicate_in_file": QCoreApplication.translate(
            "import", "This customer appears twice in the file; keep one row."
        ),
        "bad_status": QCoreApplication.translate(
            "import", "Status must be potential, closed or lost (潜在, 既成, 流失)."
        ),
        "bad_boolean": QCoreApplication.translate("import", "Expected yes or no (是/否)."),
        "too_long": QCoreApplication.translate("import", "The text is longer than this field holds; shorten it."),
        "unknown_opportunity": QCoreApplication.translate(
            "import", "No opportunity has this ID; clear the cell to create a new opportunity."
        ),
        "duplicate_deal": QCoreApplication.translate(
            "import", "This opportunity appears twice in the file; keep one row."
        ),
        "ambiguous_customer": QCoreApplication.translate(
            "import", "Several customers have this name; merge the duplicates or write the full registered name."
        ),
        "bad_stage": QCoreApplication.translate(
            "import",
            "Not a stage: write one of 客户开发, 立项, 提案, 招投标, 商务谈判, 工程实施 (or Development, Approval, Proposal, Tender, Negotiation, Implementation).",  # noqa: E501
        ),
        "bad_outcome": QCoreApplication.translate("import", "Status must be open, won or lost (进行中, 赢单, 输单)."),
        "bad_buying_stage": QCoreApplication.translate(
            "import", "Not a buying stage: write one of 满意, 认识, 决定改变, 制定标准, 评价, 决定."
        ),
        "loss_needs_reason": QCoreApplication.translate(
            "import", "A lost opportunity needs the reason it was lost; fill in the reason column."
        ),
        "winner_only_when_lost": QCoreApplication.translate(
            "import", "Only a lost opportunity has a winning competitor; clear the cell or mark the deal lost."
        ),
        # activities (日报)
        "unknown_rep": QCoreApplication.translate(
            "import", "No sales rep has this name or employee number; add the rep first or correct the cell."
        ),
        "unknown_type": QCoreApplication.translate(
            "import", "This activity type is not known; map it once in the import wizard or add it to the type table."
        ),
        "bad_duration": QCoreApplication.translate(
            "import", "Not a duration; write e.g. 2小时, 1.5h or 90分钟 (more than zero)."
        ),
        "negative_duration": QCoreApplication.translate("import", "A duration cannot be negative."),
        "long_duration": QCoreApplication.translate(
            "import", "An activity lasts at most 24 hours; split a longer one by day."
        ),
        "no_duration": QCoreApplication.translate(
            "import", "No duration: fill in the duration, or both the start and the end time."
        ),
        "bad_time": QCoreApplication.translate(
            "import", "Not a clock time or a time range; write e.g. 9:00 or 9:00-11:30."
        ),
        "bad_channel": QCoreApplication.translate(
            "import", "The channel must be visit, phone, e-mail or meeting (拜访, 电话, 邮件, 会议)."
        ),
        "duplicate_column": QCoreApplication.translate(
            "import", "Two columns are imported as the same field; set one of them to “do not import”."
        ),
        "bad_category": QCoreApplication.translate(
            "import", "Not an intelligence category; write e.g. 价格, 人事变动, 新产品 or price, personnel."
        ),
        "bad_source": QCoreApplication.translate(
            "import", "Not an intelligence source; write e.g. 经销商, 展会, 终端用户 or dealer, trade show."
        ),
        "bad_reliability": QCoreApplication.translate(
            "import", "Reliability must be confirmed, probable or rumour (已证实, 可能, 传闻)."
        ),
    }
    return texts.get(code) or problem_text(code)


def describe_issue(issue: Any) -> str:
    """'Sheet 客户, row 5, column F (email): "abc": Not an e-mail address…'."""
    return QCoreApplication.translate(
        "import", 'Sheet {sheet}, row {row}, column {column}: "{value}": {problem}'
    ).format(
        sheet=issue.sheet,
        row=issue.row,
        column=issue.column,
        value="" if issue.value is None else issue.value,
        problem=issue_problem(str(issue.problem)),
    )


def evaluated_months(months: Sequence[EvaluatedMonth]) -> list[str]:
    """Lines on the months an attendance import wrote to: each month's team figures as the ledger
    now shows them and, on a line of its own, who is flagged for lateness."""
    lines = []
    for month in months:
        lines.append(
            QCoreApplication.translate(
                "import",
                "{year}-{month:02d} in the ledger now: {people} people, {late} late arrivals, {absent} absent days, {missing} missing punches.",  # noqa: E501
            ).format(
                year=month.year,
                month=month.month,
                people=month.people,
                late=month.late_count,
                absent=month.absent_days,
                missing=month.missing_punches,
            )
        )
        if month.flagged:
            person = QCoreApplication.translate("import", "{name} ({late})")
            names = [person.format(name=name or number, late=late) for name, number, late in month.flagged]
            flagged = QCoreApplication.translate("import", "Late {count} times or more: {names}.")
            lines.append(flagged.format(count=month.late_flag_count, names=names_and_more(names, 10)))
    return lines
