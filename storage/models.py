"""The schema as SQLAlchemy 2.0 typed models.

Money is stored as whole fen (分, 1/100 yuan) in integers, so sums are exact on
every database.  ``Customer.pinyin`` and ``Customer.initials`` are search keys
derived from the name when it is written (see :mod:`domain.text`): pinyin is too
slow to compute for 100,000 names at every start.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Rep(Base):
    """A sales representative (销售代表)."""

    __tablename__ = "rep"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    employee_no: Mapped[str] = mapped_column(String(50), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    region: Mapped[str] = mapped_column(String(100), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Customer(Base):
    """A customer profile (客户档案)."""

    __tablename__ = "customer"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    short_name: Mapped[str] = mapped_column(String(100), default="")
    pinyin: Mapped[str] = mapped_column(String(400), default="")
    initials: Mapped[str] = mapped_column(String(200), default="")
    industry: Mapped[str] = mapped_column(String(100), default="")
    size: Mapped[str] = mapped_column(String(50), default="")
    province: Mapped[str] = mapped_column(String(50), default="")
    city: Mapped[str] = mapped_column(String(50), default="")
    district: Mapped[str] = mapped_column(String(50), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    fax: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    source: Mapped[str] = mapped_column(String(100), default="")
    credit_rating: Mapped[str] = mapped_column(String(10), default="")
    trade_terms: Mapped[str] = mapped_column(String(200), default="")
    business_scope: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="potential")
    close_likelihood: Mapped[int] = mapped_column(Integer, default=0)
    is_member: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("rep.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id", ondelete="SET NULL"))

    owner: Mapped[Rep | None] = relationship()
    contacts: Mapped[list[Contact]] = relationship(back_populates="customer", order_by="Contact.id")
    orders: Mapped[list[Order]] = relationship(back_populates="customer", order_by="Order.order_date")

    __table_args__ = (Index("ix_customer_deleted", "deleted_at"),)


class Contact(Base):
    """A person at a customer, with a role in the decision (决策角色) and a stance towards us."""

    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(100), default="")
    decision_role: Mapped[str] = mapped_column(String(30), default="")
    stance: Mapped[str] = mapped_column(String(20), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    birthday: Mapped[date | None] = mapped_column(Date)
    personal_notes: Mapped[str] = mapped_column(Text, default="")

    customer: Mapped[Customer] = relationship(back_populates="contacts")


class Order(Base):
    """One purchase (购买记录)."""

    __tablename__ = "customer_order"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    order_date: Mapped[date] = mapped_column(Date)
    amount_fen: Mapped[int] = mapped_column(BigInteger)
    product: Mapped[str] = mapped_column(String(200), default="")

    customer: Mapped[Customer] = relationship(back_populates="orders")

    __table_args__ = (
        Index("ix_order_customer_date", "customer_id", "order_date"),
        Index("ix_order_date", "order_date"),
    )


class CustomerEvent(Base):
    """History of a customer record: created, edited, deleted, restored, merged, imported."""

    __tablename__ = "customer_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    kind: Mapped[str] = mapped_column(String(30))
    detail: Mapped[str] = mapped_column(Text, default="")


class Setting(Base):
    """Business settings shared by everyone using this database (JSON values)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AttendanceDay(Base):
    """One person-day of attendance (出勤记录) as imported or entered: raw punches and status words.

    Rules are not applied here: the ledger evaluates stored days with the current settings,
    so changing the shift or the grace re-reads history correctly.
    """

    __tablename__ = "attendance_day"

    id: Mapped[int] = mapped_column(primary_key=True)
    rep_id: Mapped[int] = mapped_column(ForeignKey("rep.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    punches: Mapped[str] = mapped_column(Text, default="")
    """ISO date-times separated by spaces, sorted."""
    status_text: Mapped[str] = mapped_column(Text, default="")
    """The status words as the file wrote them (or as a correction set them)."""
    source: Mapped[str] = mapped_column(String(300), default="")
    """File and row it came from, or 'manual'."""
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    __table_args__ = (Index("ux_attendance_rep_day", "rep_id", "day", unique=True), Index("ix_attendance_day", "day"))


class AttendanceCorrection(Base):
    """Audit trail of a person-day corrected by hand: what it was, what it became, and why."""

    __tablename__ = "attendance_correction"

    id: Mapped[int] = mapped_column(primary_key=True)
    rep_id: Mapped[int] = mapped_column(ForeignKey("rep.id", ondelete="CASCADE"), index=True)
    day: Mapped[date] = mapped_column(Date)
    at: Mapped[datetime] = mapped_column(DateTime)
    before: Mapped[str] = mapped_column(Text, default="")
    after: Mapped[str] = mapped_column(Text, default="")
    reason: Mapped[str] = mapped_column(Text)


class CalendarOverride(Base):
    """A date whose working status the company sets by hand, overriding the public calendar."""

    __tablename__ = "calendar_override"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    working: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str] = mapped_column(String(200), default="")


class RepAlias(Base):
    """How a rep appears in HR files ('name:张伟' or 'no:S001'), learned when the user maps a person."""

    __tablename__ = "rep_alias"

    alias: Mapped[str] = mapped_column(String(200), primary_key=True)
    rep_id: Mapped[int] = mapped_column(ForeignKey("rep.id", ondelete="CASCADE"))


class ImportMapping(Base):
    """A column mapping the user corrected, remembered for files that look the same next month."""

    __tablename__ = "import_mapping"

    signature: Mapped[str] = mapped_column(String(200), primary_key=True)
    register: Mapped[str] = mapped_column(String(50))
    mapping: Mapped[str] = mapped_column(Text)
    """JSON."""
    updated_at: Mapped[datetime] = mapped_column(DateTime)
