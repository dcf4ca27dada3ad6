"""Customer, contact and order records as the trade knows them (客户档案, 联系人, 购买记录)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from domain.customers import CustomerStatus
from domain.validation import (
    Problem,
    check_email,
    check_phone,
    check_required,
    check_url,
)


class DecisionRole(enum.StrEnum):
    """A contact's role in the customer's decision (决策角色)."""

    DECISION_MAKER = "decision_maker"  # 最终决策者
    INFLUENCER = "influencer"  # 影响者
    EXECUTOR = "executor"  # 执行者
    NEGOTIATOR = "negotiator"  # 谈判者


DECISION_ROLE_CHINESE: dict[str, str] = {
    DecisionRole.DECISION_MAKER.value: "最终决策者",
    DecisionRole.INFLUENCER.value: "影响者",
    DecisionRole.EXECUTOR.value: "执行者",
    DecisionRole.NEGOTIATOR.value: "谈判者",
}
"""The roles as Chinese workbooks and printouts write them."""


class Stance(enum.StrEnum):
    """A contact's stance towards us (支持 / 反对 / 中立)."""

    SUPPORTER = "supporter"
    OPPONENT = "opponent"
    NEUTRAL = "neutral"


@dataclass
class ContactRecord:
    name: str
    title: str = ""
    decision_role: str = ""
    stance: str = ""
    phone: str = ""
    email: str = ""
    birthday: date | None = None
    personal_notes: str = ""
    id: int | None = None


@dataclass
class OrderRecord:
    order_date: date
    amount: Decimal
    product: str = ""
    id: int | None = None


@dataclass
class CustomerRecord:
    """Everything in one customer's file, as the detail pane edits it."""

    name: str
    short_name: str = ""
    industry: str = ""
    size: str = ""
    province: str = ""
    city: str = ""
    district: str = ""
    address: str = ""
    phone: str = ""
    fax: str = ""
    email: str = ""
    website: str = ""
    source: str = ""
    credit_rating: str = ""
    trade_terms: str = ""
    business_scope: str = ""
    status: str = CustomerStatus.POTENTIAL.value
    close_likelihood: int = 0
    is_member: bool = False
    notes: str = ""
    owner_id: int | None = None
    id: int | None = None
    contacts: list[ContactRecord] = field(default_factory=list)
    orders: list[OrderRecord] = field(default_factory=list)


CUSTOMER_TEXT_FIELDS: tuple[str, ...] = (
    "name",
    "short_name",
    "industry",
    "size",
    "province",
    "city",
    "district",
    "address",
    "phone",
    "fax",
    "email",
    "website",
    "source",
    "credit_rating",
    "trade_terms",
    "business_scope",
    "notes",
)


def validate_customer(record: CustomerRecord) -> dict[str, Problem]:
    """Problems by field name; empty when the record may be saved."""
    problems: dict[str, Problem | None] = {
        "name": check_required(record.name),
        "phone": check_phone(record.phone),
        "fax": check_phone(record.fax),
        "email": check_email(record.email),
        "website": check_url(record.website),
    }
    if record.status not in {s.value for s in CustomerStatus}:
        problems["status"] = Problem.BAD_CHOICE
    if not 0 <= record.close_likelihood <= 100:
        problems["close_likelihood"] = Problem.BAD_PERCENT
    return {k: v for k, v in problems.items() if v is not None}


def validate_contact(contact: ContactRecord) -> dict[str, Problem]:
    problems: dict[str, Problem | None] = {
        "name": check_required(contact.name),
        "phone": check_phone(contact.phone),
        "email": check_email(contact.email),
    }
    if contact.decision_role and contact.decision_role not in {r.value for r in DecisionRole}:
        problems["decision_role"] = Problem.BAD_CHOICE
    if contact.stance and contact.stance not in {s.value for s in Stance}:
        problems["stance"] = Problem.BAD_CHOICE
    return {k: v for k, v in problems.items() if v is not None}


def validate_order(order: OrderRecord) -> dict[str, Problem]:
    if order.amount < 0:
        return {"amount": Problem.NEGATIVE_AMOUNT}
    return {}
