"""The key-account pipeline (大客户销售流程六阶段): stages, key nodes, outcomes and their settings.

An opportunity moves through six stages, each closed by a key node (关键节点).  Won and lost
are outcomes, not stages.  Beside our stages runs the customer's own buying cycle (客户购买
周期).  Codes here are what the database stores; names for people come from the UI's
translations (Chinese names are kept here too because imports and reports speak them).

The analytics over many opportunities (forecast, conversion, time in stage, stalled deals,
win rates) are in :mod:`domain.pipeline_analytics`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


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


class Status(StrEnum):
    OPEN = "open"  # 进行中
    WON = "won"  # 赢单
    LOST = "lost"  # 输单


STATUS_CHINESE: dict[Status, str] = {Status.OPEN: "进行中", Status.WON: "赢单", Status.LOST: "输单"}


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
