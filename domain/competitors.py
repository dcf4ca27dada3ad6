"""Competitor intelligence (竞争对手情报): the words of an entry and the summaries a battlecard shows.

An intelligence entry has a category (人事变动, 价格, 新产品…), a source (档案, 经销商, 展会…) and a
reliability (确认 / 可能 / 传闻).  Sheets write these words in Chinese or English; the parsers
read either.  The summaries are pure functions over plain rows: what the competitor's reps do
at our customers, and how our deals against them ended.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import NamedTuple

from domain.pipeline import _word_key, _words


class Category(StrEnum):
    PERSONNEL = "personnel"  # 人事变动
    SALES_POLICY = "sales_policy"  # 销售政策
    PRICE = "price"  # 价格
    NEW_PRODUCT = "new_product"  # 新产品
    PROMOTION = "promotion"  # 促销
    ADVERTISING = "advertising"  # 广告
    POP = "pop"  # 终端陈列
    REP_BEHAVIOUR = "rep_behaviour"  # 业务员动向
    STRATEGY = "strategy"  # 战略
    OTHER = "other"  # 其他

    @property
    def chinese(self) -> str:
        return CATEGORY_CHINESE[self]


class Source(StrEnum):
    ARCHIVES = "archives"  # 档案资料
    SENIOR_REP = "senior_rep"  # 资深业务员
    END_USER = "end_user"  # 终端用户
    DEALER = "dealer"  # 经销商
    INDUSTRY_EXPERT = "industry_expert"  # 行业专家
    COMPETITOR_REP = "competitor_rep"  # 竞争对手业务员
    PUBLICATION = "publication"  # 公开出版物
    TRADE_PRESS = "trade_press"  # 行业媒体
    TRADE_SHOW = "trade_show"  # 展会

    @property
    def chinese(self) -> str:
        return SOURCE_CHINESE[self]


class Reliability(StrEnum):
    CONFIRMED = "confirmed"  # 已证实
    PROBABLE = "probable"  # 可能
    RUMOUR = "rumour"  # 传闻

    @property
    def chinese(self) -> str:
        return RELIABILITY_CHINESE[self]


CATEGORY_CHINESE: dict[Category, str] = {
    Category.PERSONNEL: "人事变动",
    Category.SALES_POLICY: "销售政策",
    Category.PRICE: "价格",
    Category.NEW_PRODUCT: "新产品",
    Category.PROMOTION: "促销活动",
    Category.ADVERTISING: "广告",
    Category.POP: "终端陈列",
    Category.REP_BEHAVIOUR: "业务员动向",
    Category.STRATEGY: "战略动向",
    Category.OTHER: "其他",
}
CATEGORY_ENGLISH: dict[Category, str] = {
    Category.PERSONNEL: "Personnel",
    Category.SALES_POLICY: "Sales policy",
    Category.PRICE: "Price",
    Category.NEW_PRODUCT: "New product",
    Category.PROMOTION: "Promotion",
    Category.ADVERTISING: "Advertising",
    Category.POP: "Point of purchase",
    Category.REP_BEHAVIOUR: "Rep behaviour",
    Category.STRATEGY: "Strategy",
    Category.OTHER: "Other",
}
SOURCE_CHINESE: dict[Source, str] = {
    Source.ARCHIVES: "档案资料",
    Source.SENIOR_REP: "资深业务员",
    Source.END_USER: "终端用户",
    Source.DEALER: "经销商",
    Source.INDUSTRY_EXPERT: "行业专家",
    Source.COMPETITOR_REP: "竞争对手业务员",
    Source.PUBLICATION: "公开出版物",
    Source.TRADE_PRESS: "行业媒体",
    Source.TRADE_SHOW: "展会",
}
SOURCE_ENGLISH: dict[Source, str] = {
    Source.ARCHIVES: "Archives",
    Source.SENIOR_REP: "Senior rep",
    Source.END_USER: "End user",
    Source.DEALER: "Dealer",
    Source.INDUSTRY_EXPERT: "Industry expert",
    Source.COMPETITOR_REP: "Competitor rep",
    Source.PUBLICATION: "Publication",
    Source.TRADE_PRESS: "Trade press",
    Source.TRADE_SHOW: "Trade show",
}
RELIABILITY_CHINESE: dict[Reliability, str] = {
    Reliability.CONFIRMED: "已证实",
    Reliability.PROBABLE: "可能",
    Reliability.RUMOUR: "传闻",
}
RELIABILITY_ENGLISH: dict[Reliability, str] = {
    Reliability.CONFIRMED: "Confirmed",
    Reliability.PROBABLE: "Probable",
    Reliability.RUMOUR: "Rumour",
}

_CATEGORY_WORDS = _words(
    {
        c: (CATEGORY_CHINESE[c], CATEGORY_ENGLISH[c], *more)
        for c, more in (
            (Category.PERSONNEL, ("人事", "人员", "人员变动")),
            (Category.SALES_POLICY, ("政策", "policy")),
            (Category.PRICE, ("价格变动", "报价", "pricing")),
            (Category.NEW_PRODUCT, ("新品", "产品", "product")),
            (Category.PROMOTION, ("促销",)),
            (Category.ADVERTISING, ("广告宣传", "advert", "ads")),
            (Category.POP, ("陈列", "终端", "pop")),
            (Category.REP_BEHAVIOUR, ("业务员", "业务员行为", "rep behavior")),
            (Category.STRATEGY, ("战略", "策略")),
            (Category.OTHER, ("其它",)),
        )
    }
)
_SOURCE_WORDS = _words(
    {
        s: (SOURCE_CHINESE[s], SOURCE_ENGLISH[s], *more)
        for s, more in (
            (Source.ARCHIVES, ("档案", "内部档案")),
            (Source.SENIOR_REP, ("老业务员", "资深销售")),
            (Source.END_USER, ("用户", "客户", "最终用户")),
            (Source.DEALER, ("代理商", "经销商反馈")),
            (Source.INDUSTRY_EXPERT, ("专家", "expert")),
            (Source.COMPETITOR_REP, ("对手业务员", "竞品业务员")),
            (Source.PUBLICATION, ("出版物", "公开资料")),
            (Source.TRADE_PRESS, ("行业杂志", "媒体", "行业报刊")),
            (Source.TRADE_SHOW, ("展览会", "展销会", "trade fair")),
        )
    }
)
_RELIABILITY_WORDS = _words(
    {
        Reliability.CONFIRMED: (RELIABILITY_CHINESE[Reliability.CONFIRMED], "确认", "已确认", "证实", "可靠"),
        Reliability.PROBABLE: (RELIABILITY_CHINESE[Reliability.PROBABLE], "较可靠", "probably", "likely"),
        Reliability.RUMOUR: (RELIABILITY_CHINESE[Reliability.RUMOUR], "Rumour", "rumor", "小道消息", "待证实"),
    }
)


def parse_category(text: str) -> Category | None:
    """The category a word names: 价格 / price / Price -> PRICE."""
    code = _CATEGORY_WORDS.get(_word_key(text))
    return Category(code) if code is not None else None


def parse_source(text: str) -> Source | None:
    """The source a word names: 展会 / trade show -> TRADE_SHOW."""
    code = _SOURCE_WORDS.get(_word_key(text))
    return Source(code) if code is not None else None


def parse_reliability(text: str) -> Reliability | None:
    """The reliability a word names: 确认 / confirmed, 可能 / probable, 传闻 / rumor."""
    code = _RELIABILITY_WORDS.get(_word_key(text))
    return Reliability(code) if code is not None else None


# ---------------------------------------------------------------------------------------------
# Rep behaviour


class RepObservation(NamedTuple):
    """One sighting of a competitor's rep at one of our customers."""

    customer_id: int
    observed_on: date
    visits_per_month: int | None
    stay_minutes: int | None
    dealer_promotion: bool


@dataclass(frozen=True, slots=True)
class RepBehaviourSummary:
    observations: int
    average_visits_per_month: float | None
    """Mean over the observations that recorded visits (None when none did)."""
    average_stay_minutes: float | None
    customers_seen: int
    dealer_promotions: int


def rep_behaviour_summary(observations: Iterable[RepObservation]) -> RepBehaviourSummary:
    """What a competitor's reps do at our customers, summed over the observations."""
    rows = list(observations)
    visits = [r.visits_per_month for r in rows if r.visits_per_month is not None]
    stays = [r.stay_minutes for r in rows if r.stay_minutes is not None]
    return RepBehaviourSummary(
        observations=len(rows),
        average_visits_per_month=sum(visits) / len(visits) if visits else None,
        average_stay_minutes=sum(stays) / len(stays) if stays else None,
        customers_seen=len({r.customer_id for r in rows}),
        dealer_promotions=sum(1 for r in rows if r.dealer_promotion),
    )


# ---------------------------------------------------------------------------------------------
# Win / loss against a competitor


class DealOutcome(NamedTuple):
    """A deal the competitor took part in: its status ('open', 'won', 'lost') and who won a lost one."""

    status: str
    winner_id: int | None
    amount_fen: int = 0


@dataclass(frozen=True, slots=True)
class WinLoss:
    deals: int
    won_by_us: int
    lost_to_them: int
    lost_to_others: int
    open: int
    won_fen: int = 0
    lost_to_them_fen: int = 0

    @property
    def win_rate_bp(self) -> int | None:
        """Our wins among the closed deals in basis points (rounded half up), None when none closed."""
        closed = self.won_by_us + self.lost_to_them + self.lost_to_others
        return (self.won_by_us * 20000 + closed) // (2 * closed) if closed else None


def win_loss(competitor_id: int, deals: Iterable[DealOutcome]) -> WinLoss:
    """Tally of the deals ``competitor_id`` was in: won by us, lost to them, lost to others, open."""
    won = lost_them = lost_other = still_open = won_fen = lost_fen = total = 0
    for deal in deals:
        total += 1
        if deal.status == "won":
            won += 1
            won_fen += deal.amount_fen
        elif deal.status == "lost":
            if deal.winner_id == competitor_id:
                lost_them += 1
                lost_fen += deal.amount_fen
            else:
                lost_other += 1
        else:
            still_open += 1
    return WinLoss(total, won, lost_them, lost_other, still_open, won_fen, lost_fen)
