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


# --- Key-account pipeline (销售机会) -------------------------------------------------------------


class Competitor(Base):
    """A competitor (竞争对手) and what we know of its offer and strategy."""

    __tablename__ = "competitor"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    pinyin: Mapped[str] = mapped_column(String(400), default="")
    initials: Mapped[str] = mapped_column(String(200), default="")
    products: Mapped[str] = mapped_column(Text, default="")
    strengths: Mapped[str] = mapped_column(Text, default="")
    weaknesses: Mapped[str] = mapped_column(Text, default="")
    pricing: Mapped[str] = mapped_column(Text, default="")
    """Pricing and discount policy."""
    after_sales: Mapped[str] = mapped_column(Text, default="")
    delivery: Mapped[str] = mapped_column(Text, default="")
    tech_support: Mapped[str] = mapped_column(Text, default="")
    sales_target: Mapped[str] = mapped_column(Text, default="")
    expected_share_bp: Mapped[int | None] = mapped_column(Integer)
    """Their expected market share in basis points (1/100 of a percent)."""
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class Opportunity(Base):
    """A key-account opportunity (销售机会 / 项目) moving through the six stages.

    ``stage`` and ``buying_stage`` hold the codes of :mod:`domain.pipeline`; ``status`` is
    ``open``, ``won`` or ``lost``.  Amounts are whole fen in ``currency``.
    """

    __tablename__ = "opportunity"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("rep.id", ondelete="SET NULL"))
    amount_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    expected_close: Mapped[date | None] = mapped_column(Date)
    stage: Mapped[str] = mapped_column(String(30), default="development")
    buying_stage: Mapped[str] = mapped_column(String(30), default="")
    status: Mapped[str] = mapped_column(String(10), default="open")
    outcome_reason: Mapped[str] = mapped_column(Text, default="")
    winner_id: Mapped[int | None] = mapped_column(ForeignKey("competitor.id", ondelete="SET NULL"))
    """When lost: the competitor that won."""
    closed_on: Mapped[date | None] = mapped_column(Date)
    next_step: Mapped[str] = mapped_column(Text, default="")
    next_step_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_on: Mapped[date] = mapped_column(Date)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    customer: Mapped[Customer] = relationship()
    owner: Mapped[Rep | None] = relationship()
    winner: Mapped[Competitor | None] = relationship()
    competitors: Mapped[list[Competitor]] = relationship(secondary="opportunity_competitor", order_by="Competitor.id")
    history: Mapped[list[StageChange]] = relationship(
        back_populates="opportunity", order_by="StageChange.changed_on, StageChange.id", cascade="all, delete-orphan"
    )
    nodes: Mapped[list[KeyNode]] = relationship(cascade="all, delete-orphan", order_by="KeyNode.done_on")

    __table_args__ = (
        Index("ix_opportunity_status_stage", "status", "stage"),
        Index("ix_opportunity_customer", "customer_id"),
        Index("ix_opportunity_owner", "owner_id"),
    )


class OpportunityCompetitor(Base):
    """A competitor involved in an opportunity."""

    __tablename__ = "opportunity_competitor"

    opportunity_id: Mapped[int] = mapped_column(ForeignKey("opportunity.id", ondelete="CASCADE"), primary_key=True)
    competitor_id: Mapped[int] = mapped_column(
        ForeignKey("competitor.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class StageChange(Base):
    """One move of an opportunity: into a stage, or to an outcome (``to_stage`` 'won' / 'lost').

    The first row of an opportunity has ``from_stage`` NULL (it entered the pipeline).
    """

    __tablename__ = "stage_change"

    id: Mapped[int] = mapped_column(primary_key=True)
    opportunity_id: Mapped[int] = mapped_column(ForeignKey("opportunity.id", ondelete="CASCADE"))
    changed_on: Mapped[date] = mapped_column(Date)
    from_stage: Mapped[str | None] = mapped_column(String(30))
    to_stage: Mapped[str] = mapped_column(String(30))
    note: Mapped[str] = mapped_column(Text, default="")

    opportunity: Mapped[Opportunity] = relationship(back_populates="history")

    __table_args__ = (
        Index("ix_stage_change_opportunity", "opportunity_id", "changed_on"),
        Index("ix_stage_change_on", "changed_on"),
    )


class KeyNode(Base):
    """A key node (关键节点) of an opportunity that has been reached, e.g. the bid submitted."""

    __tablename__ = "key_node"

    opportunity_id: Mapped[int] = mapped_column(ForeignKey("opportunity.id", ondelete="CASCADE"), primary_key=True)
    node: Mapped[str] = mapped_column(String(30), primary_key=True)
    done_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


# --- Competitor intelligence (竞争对手情报) ---------------------------------------------------------


class IntelligenceEntry(Base):
    """One piece of competitor intelligence: what was learned, from where, how reliable."""

    __tablename__ = "intelligence_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    observed_on: Mapped[date] = mapped_column(Date)
    competitor_id: Mapped[int] = mapped_column(ForeignKey("competitor.id", ondelete="CASCADE"))
    category: Mapped[str] = mapped_column(String(30))
    source: Mapped[str] = mapped_column(String(30), default="")
    reliability: Mapped[str] = mapped_column(String(20), default="probable")
    text: Mapped[str] = mapped_column(Text)
    search_keys: Mapped[str] = mapped_column(Text, default="")
    """Pinyin and initials of the text, written with it (see :mod:`domain.text`)."""
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("rep.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime)

    competitor: Mapped[Competitor] = relationship()
    recorded_by: Mapped[Rep | None] = relationship()
    customers: Mapped[list[Customer]] = relationship(secondary="intelligence_customer", order_by="Customer.id")
    opportunities: Mapped[list[Opportunity]] = relationship(
        secondary="intelligence_opportunity", order_by="Opportunity.id"
    )

    __table_args__ = (
        Index("ix_intelligence_observed", "observed_on"),
        Index("ix_intelligence_competitor", "competitor_id", "observed_on"),
    )


class IntelligenceCustomer(Base):
    __tablename__ = "intelligence_customer"

    entry_id: Mapped[int] = mapped_column(ForeignKey("intelligence_entry.id", ondelete="CASCADE"), primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), primary_key=True)


class IntelligenceOpportunity(Base):
    __tablename__ = "intelligence_opportunity"

    entry_id: Mapped[int] = mapped_column(ForeignKey("intelligence_entry.id", ondelete="CASCADE"), primary_key=True)
    opportunity_id: Mapped[int] = mapped_column(ForeignKey("opportunity.id", ondelete="CASCADE"), primary_key=True)


class PriceObservation(Base):
    """A competitor's price for a product, seen on a date (price watch)."""

    __tablename__ = "price_observation"

    id: Mapped[int] = mapped_column(primary_key=True)
    competitor_id: Mapped[int] = mapped_column(ForeignKey("competitor.id", ondelete="CASCADE"))
    product: Mapped[str] = mapped_column(String(200))
    observed_on: Mapped[date] = mapped_column(Date)
    price_fen: Mapped[int] = mapped_column(BigInteger)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id", ondelete="SET NULL"))
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_price_competitor_product", "competitor_id", "product", "observed_on"),)


class ListPrice(Base):
    """Our own list price for a product from a date on (the line a price watch compares against)."""

    __tablename__ = "list_price"

    product: Mapped[str] = mapped_column(String(200), primary_key=True)
    valid_from: Mapped[date] = mapped_column(Date, primary_key=True)
    price_fen: Mapped[int] = mapped_column(BigInteger)


class CompetitorRepObservation(Base):
    """What a competitor's rep was seen doing at a customer: how often, how long, whom they met."""

    __tablename__ = "competitor_rep_observation"

    id: Mapped[int] = mapped_column(primary_key=True)
    competitor_id: Mapped[int] = mapped_column(ForeignKey("competitor.id", ondelete="CASCADE"), index=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"), index=True)
    observed_on: Mapped[date] = mapped_column(Date)
    visits_per_month: Mapped[int | None] = mapped_column(Integer)
    stay_minutes: Mapped[int | None] = mapped_column(Integer)
    met_whom: Mapped[str] = mapped_column(String(200), default="")
    topic: Mapped[str] = mapped_column(Text, default="")
    dealer_promotion: Mapped[bool] = mapped_column(Boolean, default=False)
    """A joint promotion with a dealer was seen."""
    notes: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("rep.id", ondelete="SET NULL"))


# --- Activities and time (销售活动 / 时间分配) ------------------------------------------------------


class ActivityType(Base):
    """A kind of activity and the time category it counts towards (the editable type table).

    ``category`` is one of the codes of :mod:`domain.time_allocation` (direct, support, admin,
    meeting, travel, training).
    """

    __tablename__ = "activity_type"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(50), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    category: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(20), default="")
    """Default channel for this type (visit, phone, email, meeting) or empty."""


class ActivityLabel(Base):
    """How reps write a type in their sheets ('客户拜访', 'Visit'), learned once in the import wizard."""

    __tablename__ = "activity_label"

    label: Mapped[str] = mapped_column(String(100), primary_key=True)
    """Normalised (NFKC, case-folded, stripped)."""
    type_id: Mapped[int] = mapped_column(ForeignKey("activity_type.id", ondelete="CASCADE"))


class Activity(Base):
    """One thing a rep did: a visit, a call, a report, a meeting, a trip."""

    __tablename__ = "activity"

    id: Mapped[int] = mapped_column(primary_key=True)
    rep_id: Mapped[int] = mapped_column(ForeignKey("rep.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    start: Mapped[str] = mapped_column(String(5), default="")
    """HH:MM or empty."""
    end: Mapped[str] = mapped_column(String(5), default="")
    minutes: Mapped[int] = mapped_column(Integer)
    type_id: Mapped[int] = mapped_column(ForeignKey("activity_type.id"))
    channel: Mapped[str] = mapped_column(String(20), default="")
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id", ondelete="SET NULL"))
    opportunity_id: Mapped[int | None] = mapped_column(ForeignKey("opportunity.id", ondelete="SET NULL"))
    outcome: Mapped[str] = mapped_column(Text, default="")
    next_step: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(300), default="")
    """File and row it came from, 'manual', or 'visit plan'."""
    created_at: Mapped[datetime] = mapped_column(DateTime)

    type: Mapped[ActivityType] = relationship()
    rep: Mapped[Rep] = relationship()
    customer: Mapped[Customer | None] = relationship()

    __table_args__ = (
        Index("ix_activity_rep_day", "rep_id", "day"),
        Index("ix_activity_customer_day", "customer_id", "day"),
        Index("ix_activity_opportunity", "opportunity_id"),
        Index("ix_activity_day", "day"),
    )


# --- Visit plans (拜访计划) --------------------------------------------------------------------------


class PlannedVisit(Base):
    """A visit in a rep's plan. ``locked`` visits survive regeneration; ``activity_id`` once done."""

    __tablename__ = "planned_visit"

    id: Mapped[int] = mapped_column(primary_key=True)
    rep_id: Mapped[int] = mapped_column(ForeignKey("rep.id", ondelete="CASCADE"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    position: Mapped[int] = mapped_column(Integer, default=0)
    """Order within the day."""
    purpose: Mapped[str] = mapped_column(Text, default="")
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(20), default="planned")
    """planned, done or cancelled."""
    activity_id: Mapped[int | None] = mapped_column(ForeignKey("activity.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(DateTime)

    customer: Mapped[Customer] = relationship()

    __table_args__ = (Index("ix_planned_visit_rep_day", "rep_id", "day"),)
