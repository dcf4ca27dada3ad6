"""Sentences for import problems: what is wrong, where (file, sheet, row, column) and what to do."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from ui.labels import problem_text


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
        value=issue.value,
        problem=issue_problem(str(issue.problem)),
    )
