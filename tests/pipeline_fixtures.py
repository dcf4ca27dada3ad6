"""A small pipeline a test can check by hand: two reps, two customers, two competitors, five deals."""

from __future__ import annotations

import hashlib
from datetime import date

from sqlalchemy import select, text

from domain.pipeline import KeyNode, OpportunityRecord, Stage
from domain.records import CustomerRecord
from storage import customers as customer_repo
from storage import pipeline as repo
from storage.db import Database
from storage.models import Rep

TABLES = (
    "opportunity", "stage_change", "key_node", "opportunity_competitor", "competitor", "customer", "customer_event",
)  # fmt: skip


def make_workspace(db: Database) -> dict[str, int]:
    """Ids by short name:

    ====== ========================= ===================== ========== ============== ================
    deal   customer                  name                  amount ¥   stage          status
    ====== ========================= ===================== ========== ============== ================
    dc     华为技术有限公司          数据中心扩容          1,500,000  tender         open (approval node reached)
    line   深圳市恒达电子有限公司    产线自动化改造项目      820,000  approval       open
    mes    华为技术有限公司          MES系统实施项目       2,300,000  negotiation    won 2026-10-20
    vision 深圳市恒达电子有限公司    视觉检测系统采购        450,000  tender         lost 2026-10-15 to 中科恒信
    energy 华为技术有限公司          能源管理系统            300,000  proposal       open
    ====== ========================= ===================== ========== ============== ================
    """
    ids: dict[str, int] = {}
    with db.transaction() as s:
        s.add_all([Rep(name="张伟"), Rep(name="王芳")])
        s.flush()
        reps = {name: rid for rid, name in s.execute(select(Rep.id, Rep.name))}
        ids["huawei"] = customer_repo.save_record(s, CustomerRecord(name="华为技术有限公司", status="closed"))
        ids["hengda"] = customer_repo.save_record(s, CustomerRecord(name="深圳市恒达电子有限公司"))
        ids["huarui"] = repo.create_competitor(s, "华锐智能科技股份有限公司")
        ids["zhongke"] = repo.create_competitor(s, "中科恒信信息技术有限公司")

        def deal(key: str, customer: str, name: str, yuan: int, stage: Stage, owner: str, **more: object) -> None:
            record = OpportunityRecord(
                customer_id=ids[customer], name=name, amount_fen=yuan * 100, stage=stage, owner_id=reps[owner],
                created_on=date(2026, 9, 1), **more,  # type: ignore[arg-type]
            )  # fmt: skip
            ids[key] = repo.save_deal(s, record, today=date(2026, 9, 1))

        deal("dc", "huawei", "数据中心扩容", 1_500_000, Stage.TENDER, "张伟", expected_close=date(2026, 12, 31),
             competitor_ids=[ids["huarui"]], nodes={KeyNode.PRESALES_APPROVAL: date(2026, 9, 20)},
             next_step="准备投标文件", next_step_on=date(2026, 12, 5))  # fmt: skip
        deal("line", "hengda", "产线自动化改造项目", 820_000, Stage.APPROVAL, "王芳", expected_close=date(2027, 3, 31))
        deal("mes", "huawei", "MES系统实施项目", 2_300_000, Stage.NEGOTIATION, "张伟")
        deal("vision", "hengda", "视觉检测系统采购", 450_000, Stage.TENDER, "王芳",
             competitor_ids=[ids["huarui"], ids["zhongke"]])  # fmt: skip
        deal("energy", "huawei", "能源管理系统", 300_000, Stage.PROPOSAL, "张伟")
        repo.mark_won(s, ids["mes"], date(2026, 10, 20), "样机测试结果最好")
        repo.mark_lost(s, ids["vision"], date(2026, 10, 15), "价格高于竞争对手约15%", ids["zhongke"])
    return ids


def snapshot(db: Database) -> str:
    """A checksum of every table an opportunity import may write."""
    digest = hashlib.sha256()
    with db.engine.connect() as connection:
        for table in TABLES:
            for row in connection.execute(text(f"SELECT * FROM {table} ORDER BY 1, 2")):
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()
