"""Sample competitor intelligence for the sample workspace: a year of entries, prices and rep sightings.

Reproducible (seeded).  Uses the competitors already in the database (the sample pipeline
creates six) or creates the same six; entries are linked to the demo customers and dated
over the year before ``as_of``; three of our products get list prices and a year of
competitor price sightings that drift downwards, as a price war would.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import func, select

from domain.competitors import Category, Reliability, Source
from storage.competitors import EntryRecord, add_price_observation, add_rep_observation, save_entry, set_list_price
from storage.db import Database
from storage.demo import DEFAULT_SEED
from storage.demo_pipeline import _create_competitors
from storage.models import Competitor, Customer, IntelligenceEntry, Rep

# (category, text template): {customer} is filled with a customer's short name.
_TEMPLATES: tuple[tuple[Category, str], ...] = (
    (Category.PRICE, "在{customer}报价下调8%，并承诺免费延保一年"),
    (Category.PRICE, "对{customer}的大单给出25%折扣，价格调整从下月起执行"),
    (Category.PERSONNEL, "华东区销售经理离职，据说去了同行"),
    (Category.PERSONNEL, "新任区域总监到任，正在重新梳理经销商"),
    (Category.SALES_POLICY, "经销商返点由3%提高到5%，季度结算"),
    (Category.SALES_POLICY, "推出以旧换新政策，旧设备折价抵扣货款"),
    (Category.NEW_PRODUCT, "发布新一代伺服驱动器，响应速度提升30%"),
    (Category.NEW_PRODUCT, "在{customer}试用新款控制器，客户反馈稳定性一般"),
    (Category.PROMOTION, "年底冲量促销：买十送一"),
    (Category.ADVERTISING, "在行业杂志连续投放整版广告"),
    (Category.POP, "在经销商门店增加样机陈列"),
    (Category.REP_BEHAVIOUR, "业务员每周拜访{customer}两次，请采购吃饭"),
    (Category.REP_BEHAVIOUR, "业务员在{customer}蹲点，与设备科长关系密切"),
    (Category.STRATEGY, "计划在西南设立办事处，重点攻关化工行业"),
    (Category.OTHER, "传言公司将被收购"),
)
_PRODUCTS = (
    # product, our list price in yuan, their typical discount
    ("伺服电机 SM-750", 3200, 0.92),
    ("PLC 控制器 C200", 5800, 0.88),
    ("变频器 VF-22", 2100, 0.95),
)
_MET_WHOM = ("采购经理", "设备科长", "总工", "车间主任", "技术员")
_TOPICS = ("新品介绍", "价格谈判", "售后回访", "技术交流", "请客吃饭")


def generate_demo_competitors(
    db: Database,
    entries: int = 150,
    rep_sightings: int = 40,
    seed: int = DEFAULT_SEED,
    as_of: date | None = None,
) -> int:
    """Write sample intelligence entries, prices and rep sightings; returns the number of entries.

    Raises :class:`ValueError` when the database already holds intelligence entries (sample
    intelligence never mixes with real) or has no customers.
    """
    as_of = as_of or date.today()
    rng = random.Random(seed)
    with db.transaction() as session:
        if session.scalar(select(func.count()).select_from(IntelligenceEntry)):
            raise ValueError("The database already holds intelligence entries.")
        customers = list(
            session.execute(
                select(Customer.id, Customer.short_name, Customer.name)
                .where(Customer.deleted_at.is_(None), Customer.merged_into_id.is_(None))
                .order_by(Customer.id)
                .limit(400)
            )
        )
        if not customers:
            raise ValueError("Sample intelligence needs customers; generate the sample customers first.")
        competitor_ids = list(session.scalars(select(Competitor.id).order_by(Competitor.id)))
        if not competitor_ids:
            competitor_ids = _create_competitors(session)
        rep_ids = list(session.scalars(select(Rep.id).where(Rep.active.is_(True)).order_by(Rep.id)))
        for _ in range(entries):
            category, template = rng.choice(_TEMPLATES)
            customer_id, short, name = rng.choice(customers)
            linked = "{customer}" in template
            reliability = rng.choices(list(Reliability), [3, 5, 2])[0]
            save_entry(
                session,
                EntryRecord(
                    id=None,
                    competitor_id=rng.choice(competitor_ids),
                    observed_on=as_of - timedelta(days=rng.randrange(365)),
                    category=category,
                    text=template.format(customer=short or name),
                    source=rng.choice(list(Source)),
                    reliability=reliability,
                    recorded_by_id=rng.choice(rep_ids) if rep_ids else None,
                    customer_ids=(customer_id,) if linked else (),
                ),
            )
        for product, yuan, discount in _PRODUCTS:
            set_list_price(session, product, as_of - timedelta(days=400), yuan * 100)
            set_list_price(session, product, as_of - timedelta(days=120), round(yuan * 0.97) * 100)
            for competitor_id in competitor_ids:
                for month in range(12):
                    on = as_of - timedelta(days=365 - month * 30 - rng.randrange(20))
                    drift = 1 - 0.006 * month + rng.uniform(-0.03, 0.03)
                    price_fen = round(yuan * discount * drift) * 100
                    add_price_observation(session, competitor_id, product, on, price_fen, rng.choice(customers)[0])
        for _ in range(rep_sightings):
            add_rep_observation(
                session,
                rng.choice(competitor_ids),
                rng.choice(customers)[0],
                as_of - timedelta(days=rng.randrange(365)),
                visits_per_month=rng.randint(1, 8),
                stay_minutes=rng.choice((20, 30, 45, 60, 90, 120)),
                met_whom=rng.choice(_MET_WHOM),
                topic=rng.choice(_TOPICS),
                dealer_promotion=rng.random() < 0.3,
                recorded_by_id=rng.choice(rep_ids) if rep_ids else None,
            )
    return entries
