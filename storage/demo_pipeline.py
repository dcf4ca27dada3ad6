"""Sample pipeline for the sample workspace: key-account deals over the demo customers and reps.

Reproducible (seeded).  Each deal is simulated through the six stages from the day it entered the
pipeline: it spends a lognormal number of days in each stage, may be lost at the end of any of
them (to a competitor, or because the customer's budget went), reaches each key node on the day
it leaves the stage, and is won once the project is accepted after implementation.  Deals whose
simulated time runs past ``as_of`` are still open where they got to, so the board shows a real
mix: young deals early, some stalled for months, contracts in implementation, and two years of
won and lost deals behind them for conversion, win rates and time in stage.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from domain.pipeline import STAGE_NODE, STAGES, BuyingStage, KeyNode, Stage, Status
from storage.db import Database
from storage.demo import DEFAULT_SEED
from storage.models import Competitor, Customer, Opportunity, OpportunityCompetitor, Rep, StageChange
from storage.models import KeyNode as KeyNodeRow
from storage.pipeline import create_competitor

# Median days in each stage and the chance of losing the deal when it ends.
_STAGE_DAYS = {
    Stage.DEVELOPMENT: 24,
    Stage.APPROVAL: 20,
    Stage.PROPOSAL: 28,
    Stage.TENDER: 30,
    Stage.NEGOTIATION: 26,
    Stage.IMPLEMENTATION: 50,
}
_STAGE_DAYS_SIGMA = 0.6
_LOSS_CHANCE = {
    Stage.DEVELOPMENT: 0.15,
    Stage.APPROVAL: 0.10,
    Stage.PROPOSAL: 0.14,
    Stage.TENDER: 0.25,
    Stage.NEGOTIATION: 0.10,
    Stage.IMPLEMENTATION: 0.02,
}
# Amounts: lognormal around 380K yuan, rounded to the thousand.
_AMOUNT_MEDIAN_YUAN = 380_000
_AMOUNT_SIGMA = 0.95
_AMOUNT_RANGE_YUAN = (30_000, 18_000_000)
_HISTORY_DAYS = 730
_STALLED_SHARE = 0.12  # open deals that sit far longer than usual in their stage

_PROJECTS = (
    "产线自动化改造项目", "MES系统实施项目", "视觉检测系统采购", "机器人工作站集成项目", "数据采集平台建设",
    "电气控制柜升级改造", "智能仓储控制系统", "设备联网与数据采集", "年度维保服务合同", "伺服系统替换项目",
    "工厂数字化二期", "包装线PLC升级", "能源管理系统", "新厂区自动化配套", "质量追溯系统", "车间HMI统一改造",
    "变频节能改造项目", "备品备件年度框架协议", "AGV物流系统", "测试工站自动化",
)  # fmt: skip
_WON_REASONS = (
    "技术方案得到客户技术部认可", "价格与付款条件有优势", "老客户复购，关系稳固", "交期和本地服务响应快",
    "样机测试结果最好", "决策人支持我方方案",
)  # fmt: skip
_LOST_TO_COMPETITOR = (
    "价格高于竞争对手约15%", "竞争对手低价抢单", "技术方案不符合客户新标准", "客户高层与竞争对手关系更近",
    "交期不能满足客户要求", "竞争对手提供免费试用和延长质保", "招标评分技术分落后",
)  # fmt: skip
_LOST_NO_WINNER = ("客户预算取消，项目搁置", "客户项目延期至明年", "客户内部重组，需求取消")
_NEXT_STEPS = {
    Stage.DEVELOPMENT: ("电话确认项目预算和时间", "拜访设备部了解需求", "约见采购经理"),
    Stage.APPROVAL: ("提交售前立项申请", "安排技术交流会", "确认决策流程和决策人"),
    Stage.PROPOSAL: ("提交技术方案和报价", "安排样机演示", "邀请客户参观样板工厂"),
    Stage.TENDER: ("准备投标文件", "参加开标", "澄清技术偏离表"),
    Stage.NEGOTIATION: ("确认合同条款和付款方式", "商务价格最终谈判", "合同法务审批"),
    Stage.IMPLEMENTATION: ("现场安装调试", "组织用户培训", "准备验收资料"),
}
_BUYING = {
    Stage.DEVELOPMENT: (BuyingStage.AWARE, BuyingStage.AWARE, BuyingStage.SATISFIED, BuyingStage.DECIDED_TO_CHANGE),
    Stage.APPROVAL: (BuyingStage.DECIDED_TO_CHANGE, BuyingStage.CRITERIA),
    Stage.PROPOSAL: (BuyingStage.CRITERIA, BuyingStage.EVALUATING),
    Stage.TENDER: (BuyingStage.EVALUATING,),
    Stage.NEGOTIATION: (BuyingStage.DECIDING,),
    Stage.IMPLEMENTATION: (BuyingStage.DECIDING,),
}
_COMPETITORS = (
    # name, products, strengths, weaknesses, pricing
    ("华锐智能科技股份有限公司", "PLC、伺服、运动控制", "品牌知名度高，渠道覆盖广", "交期长，定制响应慢",
     "报价偏高，大单折扣可达25%"),
    ("中科恒信信息技术有限公司", "MES、数据采集平台", "软件实施团队强，案例多", "硬件依赖外购",
     "软件许可按工位收费"),
    ("深圳市远拓自动化设备有限公司", "非标自动化设备、机器人工作站", "价格低，交期快", "售后网点少",
     "常以低价抢单"),
    ("上海博联系统集成有限公司", "电气控制柜、系统集成", "华东客户关系深", "技术方案同质化",
     "按项目报价，付款条件宽松"),
    ("北京天诚数据科技有限公司", "能源管理、设备联网", "央企、国企背景客户多", "价格高", "捆绑年度服务"),
    ("杭州新航工业软件有限公司", "视觉检测、质量追溯", "算法能力强", "规模小，交付能力有限",
     "首单让利，后续加价"),
)  # fmt: skip


@dataclass
class _Deal:
    customer_id: int
    owner_id: int | None
    name: str
    amount_fen: int
    created_on: date
    stage: Stage = Stage.DEVELOPMENT
    status: Status = Status.OPEN
    changes: list[tuple[date, str | None, str]] = field(default_factory=list)
    nodes: dict[KeyNode, date] = field(default_factory=dict)
    closed_on: date | None = None
    reason: str = ""
    winner_id: int | None = None
    competitor_ids: list[int] = field(default_factory=list)
    expected_close: date | None = None
    next_step: str = ""
    next_step_on: date | None = None
    buying_stage: str = ""


def generate_demo_pipeline(db: Database, count: int = 300, seed: int = DEFAULT_SEED, as_of: date | None = None) -> int:
    """Write ``count`` opportunities over the live customers and the reps; returns how many.

    When the database has no competitors yet, six plausible ones are created first.  Raises
    :class:`ValueError` when the database already holds opportunities (sample deals never mix
    with real ones) or has no customers to sell to.
    """
    as_of = as_of or date.today()
    rng = random.Random(seed)
    with db.transaction() as session:
        if session.scalar(select(func.count()).select_from(Opportunity)):
            raise ValueError("The database already holds opportunities; sample deals go into an empty pipeline only.")
        customers = list(
            session.execute(
                select(Customer.id, Customer.owner_id, Customer.status)
                .where(Customer.deleted_at.is_(None), Customer.merged_into_id.is_(None))
                .order_by(Customer.id)
            )
        )
        if not customers:
            raise ValueError("The sample pipeline needs customers; generate the sample customers first.")
        rep_ids = list(session.scalars(select(Rep.id).where(Rep.active.is_(True)).order_by(Rep.id)))
        competitor_ids = list(session.scalars(select(Competitor.id).order_by(Competitor.id)))
        if not competitor_ids:
            competitor_ids = _create_competitors(session)
        # Key accounts: closed customers twice as likely as potential ones, lost ones rarely.
        weights = [{"closed": 4, "potential": 2}.get(status, 1) for _id, _owner, status in customers]
        now = datetime.now()
        for _ in range(count):
            customer_id, owner_id, _status = rng.choices(customers, weights)[0]
            deal = _simulate(rng, customer_id, owner_id or (rng.choice(rep_ids) if rep_ids else None), as_of)
            _involve(rng, deal, competitor_ids)
            _write(session, deal, now)
    return count


def _create_competitors(session) -> list[int]:  # type: ignore[no-untyped-def]
    ids = []
    for name, products, strengths, weaknesses, pricing in _COMPETITORS:
        competitor_id = create_competitor(session, name)
        competitor = session.get_one(Competitor, competitor_id)
        competitor.products, competitor.strengths = products, strengths
        competitor.weaknesses, competitor.pricing = weaknesses, pricing
        ids.append(competitor_id)
    return ids


def _days(rng: random.Random, stage: Stage) -> int:
    return max(2, round(_STAGE_DAYS[stage] * math.exp(rng.gauss(0, _STAGE_DAYS_SIGMA))))


def _amount_fen(rng: random.Random) -> int:
    low, high = _AMOUNT_RANGE_YUAN
    yuan = min(high, max(low, _AMOUNT_MEDIAN_YUAN * math.exp(rng.gauss(0, _AMOUNT_SIGMA))))
    return int(round(yuan, -3)) * 100


def _simulate(rng: random.Random, customer_id: int, owner_id: int | None, as_of: date) -> _Deal:
    # Newer deals are more frequent (the pipeline grew), which also keeps the board well filled.
    age = int(_HISTORY_DAYS * rng.random() ** 2.0)
    created = as_of - timedelta(days=age)
    deal = _Deal(customer_id, owner_id, rng.choice(_PROJECTS), _amount_fen(rng), created)
    deal.changes.append((created, None, Stage.DEVELOPMENT.value))
    expected_cycle = sum(_STAGE_DAYS.values()) - _STAGE_DAYS[Stage.IMPLEMENTATION]
    deal.expected_close = created + timedelta(days=round(expected_cycle * (0.7 + 0.8 * rng.random())))
    day = created
    for stage in STAGES:
        deal.stage = stage
        stay = _days(rng, stage)
        if rng.random() < _STALLED_SHARE:
            stay *= 3
        leave = day + timedelta(days=stay)
        if leave > as_of:  # still in this stage today
            _still_open(rng, deal, as_of)
            return deal
        if rng.random() < _LOSS_CHANCE[stage]:
            deal.status, deal.closed_on = Status.LOST, leave
            deal.changes.append((leave, stage.value, Status.LOST.value))
            return deal
        deal.nodes[STAGE_NODE[stage]] = leave - timedelta(days=rng.randint(0, min(3, stay - 1)))
        if stage is Stage.IMPLEMENTATION:
            deal.status, deal.closed_on = Status.WON, leave
            deal.reason = rng.choice(_WON_REASONS)
            deal.changes.append((leave, stage.value, Status.WON.value))
            return deal
        deal.changes.append((leave, stage.value, STAGES[stage.order + 1].value))
        day = leave
    return deal


def _still_open(rng: random.Random, deal: _Deal, as_of: date) -> None:
    entered = deal.changes[-1][0]
    if rng.random() < 0.4 and (as_of - entered).days > 3:  # ready to move on
        deal.nodes[STAGE_NODE[deal.stage]] = as_of - timedelta(days=rng.randint(0, 3))
    deal.next_step = rng.choice(_NEXT_STEPS[deal.stage])
    deal.next_step_on = as_of + timedelta(days=rng.randint(-10, 21))
    deal.buying_stage = rng.choice(_BUYING[deal.stage]).value
    if deal.expected_close is not None and deal.expected_close < as_of and rng.random() < 0.7:
        # Most reps move a passed date; the rest are the overdue deals a manager asks about.
        deal.expected_close = as_of + timedelta(days=rng.randint(14, 120))


def _involve(rng: random.Random, deal: _Deal, competitor_ids: list[int]) -> None:
    how_many = rng.choices((0, 1, 2, 3), (20, 40, 30, 10))[0]
    deal.competitor_ids = rng.sample(competitor_ids, min(how_many, len(competitor_ids)))
    if deal.status is Status.LOST:
        if deal.competitor_ids and rng.random() < 0.8:
            deal.winner_id = rng.choice(deal.competitor_ids)
            deal.reason = rng.choice(_LOST_TO_COMPETITOR)
        else:
            deal.reason = rng.choice(_LOST_NO_WINNER)
    if deal.status is not Status.OPEN:
        deal.buying_stage = BuyingStage.DECIDING.value


def _write(session, deal: _Deal, now: datetime) -> None:  # type: ignore[no-untyped-def]
    opportunity = Opportunity(
        customer_id=deal.customer_id,
        name=deal.name,
        owner_id=deal.owner_id,
        amount_fen=deal.amount_fen,
        currency="CNY",
        expected_close=deal.expected_close,
        stage=deal.stage.value,
        buying_stage=deal.buying_stage,
        status=deal.status.value,
        outcome_reason=deal.reason,
        winner_id=deal.winner_id,
        closed_on=deal.closed_on,
        next_step=deal.next_step,
        next_step_on=deal.next_step_on,
        notes="",
        created_on=deal.created_on,
        updated_at=now,
    )
    session.add(opportunity)
    session.flush()
    session.add_all(
        StageChange(opportunity_id=opportunity.id, changed_on=on, from_stage=before, to_stage=after)
        for on, before, after in deal.changes
    )
    session.add_all(
        KeyNodeRow(opportunity_id=opportunity.id, node=node.value, done_on=on) for node, on in deal.nodes.items()
    )
    session.add_all(
        OpportunityCompetitor(opportunity_id=opportunity.id, competitor_id=cid) for cid in deal.competitor_ids
    )
