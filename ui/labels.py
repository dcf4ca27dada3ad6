"""Translated names for the codes stored in the database (statuses, classes, roles, problems)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from domain.validation import Problem


def _t(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def status_names() -> dict[str, str]:
    return {"potential": _t("Potential"), "closed": _t("Closed"), "lost": _t("Lost")}


def value_class_names() -> dict[str, str]:
    return {"star": _t("Star"), "cow": _t("Cow"), "volcano": _t("Volcano"), "dog": _t("Dog")}


def grade_names() -> dict[str, str]:
    return {
        "small": _t("Small"),
        "medium": _t("Medium"),
        "large": _t("Large"),
        "vip": _t("VIP"),
        "A": "A",
        "B": "B",
        "C": "C",
        "D": "D",
        "": "",
    }


def decision_role_names() -> dict[str, str]:
    return {
        "": "",
        "decision_maker": _t("Final decision maker"),
        "influencer": _t("Influencer"),
        "executor": _t("Executor"),
        "negotiator": _t("Negotiator"),
    }


def stance_names() -> dict[str, str]:
    return {"": "", "supporter": _t("Supporter"), "opponent": _t("Opponent"), "neutral": _t("Neutral")}


def event_names() -> dict[str, str]:
    return {
        "created": _t("Created"),
        "edited": _t("Edited"),
        "deleted": _t("Deleted"),
        "restored": _t("Restored"),
        "merged": _t("Merged"),
        "imported": _t("Imported"),
    }


def problem_text(problem: str) -> str:
    """A sentence saying what is wrong with a value and what to do."""
    texts = {
        Problem.REQUIRED: _t("This field is required."),
        Problem.BAD_EMAIL: _t("Not an e-mail address (expected name@example.com)."),
        Problem.BAD_PHONE: _t("Not a phone number (digits, spaces, + - ( ) only, 7 to 20 digits)."),
        Problem.NEGATIVE_AMOUNT: _t("Amounts cannot be negative."),
        Problem.BAD_NUMBER: _t("Not a number."),
        Problem.BAD_DATE: _t("Not a date (expected e.g. 2026-10-03)."),
        Problem.BAD_CHOICE: _t("Not one of the allowed values."),
        Problem.BAD_PERCENT: _t("Not a percentage between 0 and 100."),
        Problem.BAD_URL: _t("Not a web address (expected e.g. www.example.com)."),
    }
    return texts.get(problem, problem)  # type: ignore[call-overload]


def money(value: object) -> str:
    """¥ amounts with thousands separators, no decimals in lists (a manager reads magnitudes)."""
    try:
        return f"{float(value):,.0f}"  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return ""
