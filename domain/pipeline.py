"""The key-account pipeline (大客户销售流程六阶段): stages, key nodes, outcomes and their settings.

An opportunity moves through six stages, each closed by a key node (关键节点).  Won and lost
are outcomes, not stages.  Beside our stages runs the customer's own buying cycle (客户购买
周期).  Codes here are what the database stores; names for people come from the UI's
translations (Chinese names are kept here too because imports and reports speak them).

The analytics over many opportunities (forecast, conversion, time in stage, stalled deals,
win rates) are in :mod:`domain.pipeline_analytics`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from domain.validation import Problem


class Stage(StrEnum):
    """Our six stages, in order."""

    DEVELOPMENT = "development"  # 客户开发
    APPROVAL = "approval"  # 立项
    PROPOSAL = "proposal"  # 提案
    TENDER = "tender"  # 招投标
    NEGOTIATION = "negotiation"  # 商务谈判
    IMPLEMENTATION = "implementation"  # 工程实施

    @property
    def order(self) -> int:
        return STAGES.index(self)

    @property
    def chinese(self) -> str:
        return STAGE_CHINESE[self]

    @property
    def key_node(self) -> KeyNode:
        """The node that closes this stage."""
        return STAGE_NODE[self]


STAGES: tuple[Stage, ...] = tuple(Stage)

STAGE_CHINESE: dict[Stage, str] = {
    Stage.DEVELOPMENT: "客户开发",
    Stage.APPROVAL: "立项",
    Stage.PROPOSAL: "提案",
    Stage.TENDER: "招投标",
    Stage.NEGOTIATION: "商务谈判",
    Stage.IMPLEMENTATION: "工程实施",
}

STAGE_ENGLISH: dict[Stage, str] = {
    Stage.DEVELOPMENT: "Customer development",
    Stage.APPROVAL: "Project approval",
    Stage.PROPOSAL: "Proposal",
    Stage.TENDER: "Tender",
    Stage.NEGOTIATION: "Negotiation",
    Stage.IMPLEMENTATION: "Implementation",
}


class KeyNode(StrEnum):
    """The key node (关键节点) that closes each stage."""

    PROJECT_INFO = "project_info"  # 准确的项目信息
    PRESALES_APPROVAL = "presales_approval"  # 售前立项
    RELATIONSHIP = "relationship"  # 客户关系有效进展
    BID_SUBMITTED = "bid_submitted"  # 投标或议标
    CONTRACT_SIGNED = "contract_signed"  # 合同审批及签订
    ACCEPTANCE = "acceptance"  # 验收, 结项


STAGE_NODE: dict[Stage, KeyNode] = {
    Stage.DEVELOPMENT: KeyNode.PROJECT_INFO,
    Stage.APPROVAL: KeyNode.PRESALES_APPROVAL,
    Stage.PROPOSAL: KeyNode.RELATIONSHIP,
    Stage.TENDER: KeyNode.BID_SUBMITTED,
    Stage.NEGOTIATION: KeyNode.CONTRACT_SIGNED,
    Stage.IMPLEMENTATION: KeyNode.ACCEPTANCE,
}

NODE_CHINESE: dict[KeyNode, str] = {
    KeyNode.PROJECT_INFO: "准确的项目信息",
    KeyNode.PRESALES_APPROVAL: "售前立项",
    KeyNode.RELATIONSHIP: "客户关系有效进展",
    KeyNode.BID_SUBMITTED: "投标或议标",
    KeyNode.CONTRACT_SIGNED: "合同审批及签订",
    KeyNode.ACCEPTANCE: "验收结项",
}


class BuyingStage(StrEnum):
    """Where the customer stands in its own buying cycle."""

    SATISFIED = "satisfied"  # 满意
    AWARE = "aware"  # 认识 (aware of a problem)
    DECIDED_TO_CHANGE = "decided"  # 决定改变 (first decision point)
    CRITERIA = "criteria"  # 制定标准
    EVALUATING = "evaluating"  # 评价 (second decision point)
    DECIDING = "deciding"  # 决定


BUYING_STAGE_CHINESE: dict[BuyingStage, str] = {
    BuyingStage.SATISFIED: "满意",
    BuyingStage.AWARE: "认识",
    BuyingStage.DECIDED_TO_CHANGE: "决定改变",
    BuyingStage.CRITERIA: "制定标准",
    BuyingStage.EVALUATING: "评价",
    BuyingStage.DECIDING: "决定",
}

BUYING_STAGE_ENGLISH: dict[BuyingStage, str] = {
    BuyingStage.SATISFIED: "Satisfied",
    BuyingStage.AWARE: "Aware of a problem",
    BuyingStage.DECIDED_TO_CHANGE: "Decided to change",
    BuyingStage.CRITERIA: "Setting criteria",
    BuyingStage.EVALUATING: "Evaluating",
    BuyingStage.DECIDING: "Deciding",
}


class Status(StrEnum):
    OPEN = "open"  # 进行中
    WON = "won"  # 赢单
    LOST = "lost"  # 输单


STATUS_CHINESE: dict[Status, str] = {Status.OPEN: "进行中", Status.WON: "赢单", Status.LOST: "输单"}
STATUS_ENGLISH: dict[Status, str] = {Status.OPEN: "Open", Status.WON: "Won", Status.LOST: "Lost"}


@dataclass(frozen=True)
class PipelineSettings:
    """Every number of the pipeline is a setting; these are the handbook's defaults.

    ``probabilities`` are whole percentages per stage (10/20/40/60/80/95).  A deal is stalled
    after ``stall_days`` with neither a stage change nor an activity.  ``required_nodes`` are
    the stages whose key node must be confirmed before a deal leaves them.
    """

    probabilities: dict[Stage, int] = field(
        default_factory=lambda: {
            Stage.DEVELOPMENT: 10,
            Stage.APPROVAL: 20,
            Stage.PROPOSAL: 40,
            Stage.TENDER: 60,
            Stage.NEGOTIATION: 80,
            Stage.IMPLEMENTATION: 95,
        }
    )
    stall_days: int = 30
    required_nodes: frozenset[Stage] = frozenset(
        {Stage.APPROVAL, Stage.TENDER, Stage.NEGOTIATION, Stage.IMPLEMENTATION}
    )
    monthly_target_fen: int = 0
    """The team's monthly target for the weighted-forecast chart (0: no target line)."""

    def probability(self, stage: Stage) -> int:
        return self.probabilities[stage]


def weighted_fen(amount_fen: int, stage: Stage, settings: PipelineSettings) -> int:
    """The amount times the stage's probability, rounded half up to the fen (exact in integers)."""
    return (amount_fen * settings.probability(stage) * 2 + 100) // 200


# ---------------------------------------------------------------------------------------------
# Words: stages, outcomes and buying stages as people write them in sheets (Chinese or English)

_WORD_NOISE = re.compile(r"[\s\-_·.。、:：()（）\[\]【】]+")
_LEADING_NUMBER = re.compile(r"^(?:第?[0-9一二三四五六]+(?:阶段|步)?[.、:：)）]?\s*|\(?[0-9]\)\s*)")


def _word_key(text: str) -> str:
    """'4. 招投标阶段' and 'Customer  Development' -> '招投标', 'customerdevelopment'."""
    folded = unicodedata.normalize("NFKC", text).strip().casefold()
    folded = _LEADING_NUMBER.sub("", folded)
    key = _WORD_NOISE.sub("", folded)
    return key[:-2] if key.endswith("阶段") and len(key) > 2 else key


def _words(table: Mapping[str, Iterable[str]]) -> dict[str, str]:
    return {_word_key(word): code for code, words in table.items() for word in (code, *words)}


_STAGE_WORDS = _words(
    {
        Stage.DEVELOPMENT: (STAGE_CHINESE[Stage.DEVELOPMENT], STAGE_ENGLISH[Stage.DEVELOPMENT], "开发", "客户开发期",
                            "线索", "初步接洽", "prospecting", "lead", "qualification"),
        Stage.APPROVAL: (STAGE_CHINESE[Stage.APPROVAL], STAGE_ENGLISH[Stage.APPROVAL], "项目立项", "售前立项",
                         "approval"),
        Stage.PROPOSAL: (STAGE_CHINESE[Stage.PROPOSAL], STAGE_ENGLISH[Stage.PROPOSAL], "方案", "方案提交",
                         "方案建议", "solution"),
        Stage.TENDER: (STAGE_CHINESE[Stage.TENDER], STAGE_ENGLISH[Stage.TENDER], "投标", "招标", "议标",
                       "bidding", "bid", "tendering"),
        Stage.NEGOTIATION: (STAGE_CHINESE[Stage.NEGOTIATION], STAGE_ENGLISH[Stage.NEGOTIATION], "谈判",
                            "合同谈判", "commercial negotiation", "negotiating"),
        Stage.IMPLEMENTATION: (STAGE_CHINESE[Stage.IMPLEMENTATION], STAGE_ENGLISH[Stage.IMPLEMENTATION], "实施",
                               "项目实施", "交付", "验收", "delivery"),
    }
)  # fmt: skip

_STATUS_WORDS = _words(
    {
        Status.OPEN: (STATUS_CHINESE[Status.OPEN], "进行", "跟进中", "跟进", "在谈", "未结束",
                      "active", "in progress", "ongoing"),
        Status.WON: (STATUS_CHINESE[Status.WON], "赢", "成交", "已成交", "签约", "已签约", "中标",
                     "win", "closed won"),
        Status.LOST: (STATUS_CHINESE[Status.LOST], "输", "丢单", "失单", "失败", "未中标", "落标",
                      "lose", "closed lost"),
    }
)  # fmt: skip

_BUYING_WORDS = _words(
    {
        stage: (BUYING_STAGE_CHINESE[stage], BUYING_STAGE_ENGLISH[stage], *more)
        for stage, more in (
            (BuyingStage.SATISFIED, ()),
            (BuyingStage.AWARE, ("认识问题", "认识到问题", "aware")),
            (BuyingStage.DECIDED_TO_CHANGE, ("decided",)),
            (BuyingStage.CRITERIA, ("criteria",)),
            (BuyingStage.EVALUATING, ("评估", "evaluation")),
            (BuyingStage.DECIDING, ("决策", "decision")),
        )
    }
)


def parse_stage(text: str) -> Stage | None:
    """The stage a word names: 商务谈判, 谈判, Negotiation, negotiation, '5. 商务谈判阶段' -> NEGOTIATION."""
    code = _STAGE_WORDS.get(_word_key(text))
    return Stage(code) if code is not None else None


def parse_status(text: str) -> Status | None:
    """The outcome a word names: 进行中 / open, 赢单 / won / 成交, 输单 / lost / 丢单."""
    code = _STATUS_WORDS.get(_word_key(text))
    return Status(code) if code is not None else None


def parse_buying_stage(text: str) -> BuyingStage | None:
    code = _BUYING_WORDS.get(_word_key(text))
    return BuyingStage(code) if code is not None else None


# ---------------------------------------------------------------------------------------------
# Rules of a move


class DealProblem(StrEnum):
    """What stops a change of an opportunity (codes; the UI says them as sentences)."""

    NODE_MISSING = "node_missing"  # leaving a stage whose key node is required and not reached
    LOSS_NEEDS_REASON = "loss_needs_reason"  # a loss is recorded with its reason
    WINNER_ONLY_WHEN_LOST = "winner_only_when_lost"  # only a lost deal has a winning competitor
    NOT_OPEN = "not_open"  # won and lost deals do not move; reopen them first
    BAD_STAGE = "bad_stage"
    BAD_OUTCOME = "bad_outcome"
    BAD_BUYING_STAGE = "bad_buying_stage"


class MoveRefused(Exception):
    """A move broke a rule; ``missing`` lists the key nodes it still needs (in stage order)."""

    def __init__(self, problem: DealProblem, missing: Collection[KeyNode] = ()) -> None:
        super().__init__(f"{problem}: {', '.join(missing)}" if missing else str(problem))
        self.problem = problem
        self.missing = list(missing)


def nodes_needed(from_stage: Stage, to_stage: Stage, settings: PipelineSettings) -> list[KeyNode]:
    """The key nodes a move must have reached: for a move forward, the node of every stage it leaves
    behind whose node is required (development -> tender leaves development, approval and proposal;
    with the defaults only approval's 售前立项 is required).  A move back needs none."""
    if to_stage.order <= from_stage.order:
        return []
    return [STAGE_NODE[s] for s in STAGES[from_stage.order : to_stage.order] if s in settings.required_nodes]


def missing_nodes(
    from_stage: Stage, to_stage: Stage, reached: Collection[KeyNode], settings: PipelineSettings
) -> list[KeyNode]:
    """The needed nodes (see :func:`nodes_needed`) not yet reached."""
    return [node for node in nodes_needed(from_stage, to_stage, settings) if node not in reached]


def check_loss(reason: str) -> DealProblem | None:
    """A loss needs its reason (输单原因); naming the competitor that won is optional (a project
    cancelled by the customer has no winner)."""
    return DealProblem.LOSS_NEEDS_REASON if not reason.strip() else None


# ---------------------------------------------------------------------------------------------
# One opportunity as the dialogs edit it


@dataclass
class OpportunityRecord:
    """An opportunity's own fields (not its history), as the deal dialog and the importer fill them."""

    customer_id: int | None
    name: str
    amount_fen: int = 0
    owner_id: int | None = None
    currency: str = "CNY"
    expected_close: date | None = None
    stage: Stage = Stage.DEVELOPMENT
    buying_stage: str = ""
    status: Status = Status.OPEN
    outcome_reason: str = ""
    winner_id: int | None = None
    closed_on: date | None = None
    next_step: str = ""
    next_step_on: date | None = None
    notes: str = ""
    created_on: date | None = None
    competitor_ids: list[int] = field(default_factory=list)
    nodes: dict[KeyNode, date] = field(default_factory=dict)
    """Key nodes reached, with the day each was reached."""
    id: int | None = None

    def problems(self) -> dict[str, Problem | DealProblem]:
        """Field -> problem for everything that stops a save."""
        found: dict[str, Problem | DealProblem] = {}
        if self.customer_id is None:
            found["customer"] = Problem.REQUIRED
        if not self.name.strip():
            found["name"] = Problem.REQUIRED
        if self.amount_fen < 0:
            found["amount"] = Problem.NEGATIVE_AMOUNT
        if self.status == Status.LOST and (problem := check_loss(self.outcome_reason)) is not None:
            found["outcome_reason"] = problem
        if self.winner_id is not None and self.status != Status.LOST:
            found["winner"] = DealProblem.WINNER_ONLY_WHEN_LOST
        return found


# ---------------------------------------------------------------------------------------------
# Time in each stage


OUTCOMES = frozenset({Status.WON.value, Status.LOST.value})


@dataclass(frozen=True)
class StagePeriod:
    """A stretch an opportunity spent in one stage: entered, and left (None: still there)."""

    stage: Stage
    entered: date
    left: date | None = None

    def days(self, until: date) -> int:
        """Whole days in the stage, up to ``until`` while the deal is still in it."""
        return max(0, ((self.left or until) - self.entered).days)


def stage_periods(changes: Iterable[tuple[date, str]]) -> list[StagePeriod]:
    """The periods of a deal from its stage changes ``(changed_on, to_stage)`` in date order.

    A change into a stage opens a period and closes the one before; a change to an outcome
    ('won', 'lost') closes the last one; a deal reopened after an outcome starts a new period.
    """
    periods: list[StagePeriod] = []
    current: tuple[Stage, date] | None = None
    for changed_on, to_stage in changes:
        if current is not None:
            periods.append(StagePeriod(current[0], current[1], changed_on))
            current = None
        if to_stage not in OUTCOMES and to_stage in Stage._value2member_map_:
            current = (Stage(to_stage), changed_on)
    if current is not None:
        periods.append(StagePeriod(current[0], current[1], None))
    return periods


def days_in_current_stage(changes: Iterable[tuple[date, str]], until: date) -> int | None:
    """Days since the deal entered the stage it is in; None when it is closed or has no history."""
    periods = stage_periods(changes)
    if not periods or periods[-1].left is not None:
        return None
    return periods[-1].days(until)
