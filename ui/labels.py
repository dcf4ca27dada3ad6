"""Translated names for the codes stored in the database (statuses, classes, roles, problems)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from domain.validation import Problem


def ui_language() -> str:
    """'zh' or 'en': the language the console was started in (exports and prints follow it)."""
    app = QCoreApplication.instance()
    return str(app.property("ui_language") or "en") if app is not None else "en"


def names_and_more(names: Sequence[str], shown: int = 20) -> str:
    """The first ``shown`` names, and how many more there are: a message stays readable (and a
    label narrow) when a month brings thousands of people."""
    # The separator of a list of names: '、' in Chinese.
    listed = QCoreApplication.translate("labels", ", ").join(names[:shown])
    if len(names) <= shown:
        return listed
    return QCoreApplication.translate("labels", "{names} and {count} more").format(
        names=listed, count=len(names) - shown
    )


def status_names() -> dict[str, str]:
    return {
        "potential": QCoreApplication.translate("labels", "Potential"),
        "closed": QCoreApplication.translate("labels", "Closed"),
        "lost": QCoreApplication.translate("labels", "Lost"),
    }


def value_class_names() -> dict[str, str]:
    return {
        "star": QCoreApplication.translate("labels", "Star"),
        "cow": QCoreApplication.translate("labels", "Cow"),
        "volcano": QCoreApplication.translate("labels", "Volcano"),
        "dog": QCoreApplication.translate("labels", "Dog"),
    }


def grade_names() -> dict[str, str]:
    return {
        "small": QCoreApplication.translate("labels", "Small"),
        "medium": QCoreApplication.translate("labels", "Medium"),
        "large": QCoreApplication.translate("labels", "Large"),
        "vip": QCoreApplication.translate("labels", "VIP"),
        "A": "A",
        "B": "B",
        "C": "C",
        "D": "D",
        "": "",
    }


def decision_role_names() -> dict[str, str]:
    return {
        "": "",
        "decision_maker": QCoreApplication.translate("labels", "Final decision maker"),
        "influencer": QCoreApplication.translate("labels", "Influencer"),
        "executor": QCoreApplication.translate("labels", "Executor"),
        "negotiator": QCoreApplication.translate("labels", "Negotiator"),
    }


def stance_names() -> dict[str, str]:
    return {
        "": "",
        "supporter": QCoreApplication.translate("labels", "Supporter"),
        "opponent": QCoreApplication.translate("labels", "Opponent"),
        "neutral": QCoreApplication.translate("labels", "Neutral"),
    }


def event_names() -> dict[str, str]:
    return {
        "created": QCoreApplication.translate("labels", "Created"),
        "edited": QCoreApplication.translate("labels", "Edited"),
        "deleted": QCoreApplication.translate("labels", "Deleted"),
        "restored": QCoreApplication.translate("labels", "Restored"),
        "merged": QCoreApplication.translate("labels", "Merged"),
        "imported": QCoreApplication.translate("labels", "Imported"),
    }


def stage_names() -> dict[str, str]:
    """The pipeline's six stages (大客户销售流程六阶段) by code, in order."""
    return {
        "development": QCoreApplication.translate("pipeline", "Customer development"),
        "approval": QCoreApplication.translate("pipeline", "Project approval"),
        "proposal": QCoreApplication.translate("pipeline", "Proposal"),
        "tender": QCoreApplication.translate("pipeline", "Tender"),
        "negotiation": QCoreApplication.translate("pipeline", "Negotiation"),
        "implementation": QCoreApplication.translate("pipeline", "Implementation"),
    }


def deal_status_names() -> dict[str, str]:
    """An opportunity's status: open, won or lost (进行中 / 赢单 / 输单)."""
    return {
        "open": QCoreApplication.translate("pipeline", "Open"),
        "won": QCoreApplication.translate("pipeline", "Won"),
        "lost": QCoreApplication.translate("pipeline", "Lost"),
    }


def key_node_names() -> dict[str, str]:
    """The key node (关键节点) that closes each stage."""
    return {
        "project_info": QCoreApplication.translate("pipeline", "Project information confirmed"),
        "presales_approval": QCoreApplication.translate("pipeline", "Pre-sales approval"),
        "relationship": QCoreApplication.translate("pipeline", "Relationship progressed"),
        "bid_submitted": QCoreApplication.translate("pipeline", "Bid submitted"),
        "contract_signed": QCoreApplication.translate("pipeline", "Contract signed"),
        "acceptance": QCoreApplication.translate("pipeline", "Accepted and closed"),
    }


def buying_stage_names() -> dict[str, str]:
    """Where the customer stands in its own buying cycle (客户购买周期)."""
    return {
        "": "",
        "satisfied": QCoreApplication.translate("pipeline", "Satisfied"),
        "aware": QCoreApplication.translate("pipeline", "Aware of a problem"),
        "decided": QCoreApplication.translate("pipeline", "Decided to change"),
        "criteria": QCoreApplication.translate("pipeline", "Setting criteria"),
        "evaluating": QCoreApplication.translate("pipeline", "Evaluating"),
        "deciding": QCoreApplication.translate("pipeline", "Deciding"),
    }


def problem_text(problem: str) -> str:
    """A sentence saying what is wrong with a value and what to do."""
    texts = {
        Problem.REQUIRED: QCoreApplication.translate("labels", "This field is required."),
        Problem.BAD_EMAIL: QCoreApplication.translate("labels", "Not an e-mail address (expected name@example.com)."),
        Problem.BAD_PHONE: QCoreApplication.translate(
            "labels", "Not a phone number (digits, spaces, + - ( ) only, 7 to 20 digits)."
        ),
        Problem.NEGATIVE_AMOUNT: QCoreApplication.translate("labels", "Amounts cannot be negative."),
        Problem.BAD_NUMBER: QCoreApplication.translate("labels", "Not a number."),
        Problem.BAD_DATE: QCoreApplication.translate("labels", "Not a date (expected e.g. 2026-10-03)."),
        Problem.BAD_CHOICE: QCoreApplication.translate("labels", "Not one of the allowed values."),
        Problem.BAD_PERCENT: QCoreApplication.translate("labels", "Not a percentage between 0 and 100."),
        Problem.BAD_URL: QCoreApplication.translate("labels", "Not a web address (expected e.g. www.example.com)."),
    }
    return texts.get(problem, problem)  # type: ignore[call-overload]


def money(value: object) -> str:
    """¥ amounts with thousands separators, no decimals in lists (a manager reads magnitudes)."""
    try:
        return f"{float(value):,.0f}"  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return ""


def customer_field_names() -> dict[str, str]:
    """Names of the importable customer fields, for the import wizard's "Import as" choices."""
    return {
        "id": QCoreApplication.translate("labels", "Customer ID"),
        "name": QCoreApplication.translate("labels", "Name"),
        "short_name": QCoreApplication.translate("labels", "Short name"),
        "industry": QCoreApplication.translate("labels", "Industry"),
        "size": QCoreApplication.translate("labels", "Company size"),
        "province": QCoreApplication.translate("labels", "Province"),
        "city": QCoreApplication.translate("labels", "City"),
        "district": QCoreApplication.translate("labels", "District"),
        "address": QCoreApplication.translate("labels", "Address"),
        "phone": QCoreApplication.translate("labels", "Phone"),
        "fax": QCoreApplication.translate("labels", "Fax"),
        "email": QCoreApplication.translate("labels", "E-mail"),
        "website": QCoreApplication.translate("labels", "Website"),
        "source": QCoreApplication.translate("labels", "Source"),
        "credit_rating": QCoreApplication.translate("labels", "Credit rating"),
        "trade_terms": QCoreApplication.translate("labels", "Trade terms"),
        "business_scope": QCoreApplication.translate("labels", "Business scope"),
        "status": QCoreApplication.translate("labels", "Status"),
        "close_likelihood": QCoreApplication.translate("labels", "Close likelihood"),
        "is_member": QCoreApplication.translate("labels", "Member"),
        "owner": QCoreApplication.translate("labels", "Owner"),
        "notes": QCoreApplication.translate("labels", "Notes"),
    }
