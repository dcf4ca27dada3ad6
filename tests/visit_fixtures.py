"""A small sales force for the visit planner's tests.

张伟 owns ten customers without orders (class C, value class Dog: a visit every 61 days), never
visited: six in 上海市浦东新区 (浦东01…06) and four in 上海市徐汇区 (徐汇01…04). He takes annual
leave (年假) on Wednesday 2026-11-25. 王芳 owns one customer (静安01). Week 2026-W48 is
2026-11-23 (Mon) … 11-29 (Sun).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from domain.records import ContactRecord, CustomerRecord
from storage import customers as customer_repo
from storage.attendance import correct_day
from storage.db import Database
from storage.models import Rep

MONDAY = date(2026, 11, 23)
LEAVE_DAY = date(2026, 11, 25)
AS_OF = date(2026, 11, 20)


def make_sales_force(db: Database) -> dict[str, int]:
    ids: dict[str, int] = {}
    with db.transaction() as s:
        s.add_all([Rep(name="张伟", employee_no="E01"), Rep(name="王芳", employee_no="E02")])
        s.flush()
        reps = {name: rid for rid, name in s.execute(select(Rep.id, Rep.name))}
        ids["zhang"], ids["wang"] = reps["张伟"], reps["王芳"]
        for district, count in (("浦东新区", 6), ("徐汇区", 4)):
            for n in range(1, count + 1):
                key = f"{district[:2]}{n:02d}"
                ids[key] = customer_repo.save_record(
                    s,
                    CustomerRecord(
                        name=f"上海{key}机械有限公司",
                        city="上海市",
                        district=district,
                        address=f"{district}张江路{n}号",
                        phone=f"021-5000{n:04d}",
                        owner_id=reps["张伟"],
                        contacts=[
                            ContactRecord(
                                name=f"李{key}",
                                title="采购经理",
                                decision_role="decision_maker",
                                phone=f"1390000{n:04d}",
                            )
                        ],
                    ),
                )
        ids["静安01"] = customer_repo.save_record(
            s, CustomerRecord(name="上海静安01贸易有限公司", city="上海市", district="静安区", owner_id=reps["王芳"])
        )
        correct_day(s, reps["张伟"], LEAVE_DAY, [], "年假", "approved annual leave")
    return ids
