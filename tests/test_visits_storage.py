"""Visit plans in a real SQLite database: the rep's days from the calendar and attendance, the
planner's output stored, locked visits kept, outcomes recorded as activities, contact coverage."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import func, select

from domain.visits import Frequency, VisitSettings
from storage import activities
from storage import customers as customer_repo
from storage import visits as repo
from storage.attendance import correct_day
from storage.db import Database
from storage.models import Activity, PlannedVisit
from tests.visit_fixtures import AS_OF, LEAVE_DAY, MONDAY, make_sales_force

SUNDAY = MONDAY + timedelta(days=6)


def plan(db: Database, rep_id: int) -> dict[date, list[str]]:
    with db.transaction() as s:
        rows = repo.visit_rows(s, rep_id, MONDAY, SUNDAY, AS_OF)
    by_day: dict[date, list[str]] = {}
    for r in rows:
        by_day.setdefault(r.day, []).append(r.customer.removeprefix("上海").removesuffix("机械有限公司"))
    return by_day


def test_customers_without_orders_are_class_c_and_dog(db: Database) -> None:
    ids = make_sales_force(db)
    with db.transaction() as s:
        customers = repo.plan_customers(s, ids["zhang"], AS_OF, MONDAY)
    assert len(customers) == 10
    assert {c.classes for c in customers} == {("C", "dog")}
    assert {c.district for c in customers} == {"上海市浦东新区", "上海市徐汇区"}
    assert all(c.last_visit is None for c in customers)


def test_rep_days_leave_out_weekends_holidays_and_leave(db: Database) -> None:
    ids = make_sales_force(db)
    with db.transaction() as s:
        week = repo.rep_days(s, ids["zhang"], MONDAY, SUNDAY)
        national_day = repo.rep_days(s, ids["zhang"], date(2026, 9, 28), date(2026, 10, 11))
    assert week.working == [MONDAY + timedelta(days=d) for d in range(5)]
    assert week.availability == {LEAVE_DAY: 0.0}
    assert week.notes[LEAVE_DAY] == "leave"
    assert week.notes[SUNDAY] == "weekend"
    # 国庆节 2026: 10-01..10-07 off; Saturday 10-10 is a working day (调休).
    assert date(2026, 10, 1) not in national_day.working
    assert national_day.notes[date(2026, 10, 1)].startswith("holiday:")
    assert date(2026, 10, 10) in national_day.working


def test_generated_week_skips_leave_and_batches_districts(db: Database) -> None:
    ids = make_sales_force(db)
    with db.transaction() as s:
        result = repo.generate(s, ids["zhang"], MONDAY, SUNDAY, AS_OF)
    # Four working days (Wednesday is leave): capacity 16, 60% = 10; by the end of each day 10 x 4/16,
    # 8/16, 12/16, 16/16 rounded = 3, 5, 8, 10: 3, 2, 3, 2 visits.
    assert (result.created, result.kept, result.capacity, result.budget) == (10, 0, 16, 10)
    assert result.unplanned == []
    assert plan(db, ids["zhang"]) == {
        date(2026, 11, 23): ["徐汇01", "徐汇02", "徐汇03"],
        date(2026, 11, 24): ["徐汇04", "浦东01"],
        date(2026, 11, 26): ["浦东02", "浦东03", "浦东04"],
        date(2026, 11, 27): ["浦东05", "浦东06"],
    }
    assert plan(db, ids["wang"]) == {}


def test_moved_visit_is_locked_and_survives_planning_again(db: Database) -> None:
    ids = make_sales_force(db)
    with db.transaction() as s:
        repo.generate(s, ids["zhang"], MONDAY, SUNDAY, AS_OF)
        moved = s.scalar(select(PlannedVisit.id).where(PlannedVisit.customer_id == ids["浦东06"]))
        assert moved is not None
        repo.move_visit(s, moved, MONDAY, 0)
        repo.generate(s, ids["zhang"], MONDAY, SUNDAY, AS_OF)
    by_day = plan(db, ids["zhang"])
    assert by_day[MONDAY][0] == "浦东06"
    assert sum(len(v) for v in by_day.values()) == 10
    assert [name for names in by_day.values() for name in names].count("浦东06") == 1
    # The locked visit counts against the budget: 9 new visits spread 2, 3, 2, 2, Monday's 2 after it.
    assert len(by_day[MONDAY]) == 3
    with db.transaction() as s:
        locked = s.scalars(select(PlannedVisit.customer_id).where(PlannedVisit.locked.is_(True))).all()
    assert locked == [ids["浦东06"]]


def test_recording_the_outcome_creates_the_visit_activity(db: Database) -> None:
    ids = make_sales_force(db)
    with db.transaction() as s:
        repo.generate(s, ids["zhang"], MONDAY, SUNDAY, AS_OF)
        visit = s.scalar(select(PlannedVisit).where(PlannedVisit.customer_id == ids["徐汇01"]))
        assert visit is not None
        activity_id = repo.record_outcome(
            s, visit.id, minutes=45, outcome="客户同意试用新型号", next_step="12月初送样", start="09:30"
        )
    with db.transaction() as s:
        activity = s.get(Activity, activity_id)
        assert activity is not None
        assert (activity.day, activity.minutes, activity.channel, activity.type.code) == (MONDAY, 45, "visit", "visit")
        assert (activity.customer_id, activity.outcome, activity.next_step, activity.start) == (
            ids["徐汇01"], "客户同意试用新型号", "12月初送样", "09:30"
        )  # fmt: skip
        done = s.scalar(select(PlannedVisit).where(PlannedVisit.customer_id == ids["徐汇01"]))
        assert done is not None and (done.status, done.activity_id) == ("done", activity_id)
        assert repo.last_visits(s)[ids["徐汇01"]] == MONDAY
        # Recording it again edits the same activity.
        repo.record_outcome(s, done.id, minutes=60, outcome="客户同意试用新型号，下周报价")
        assert s.scalar(select(func.count()).select_from(Activity)) == 1
        # The printed schedule of a later visit shows this one as the last visit and its outcome.
        later = repo.add_visit(s, ids["zhang"], ids["徐汇01"], date(2026, 12, 9), "送样")
        [row] = repo.visit_rows(s, ids["zhang"], date(2026, 12, 7), date(2026, 12, 13), AS_OF)
        assert (row.visit_id, row.last_visit, row.locked) == (later, MONDAY, True)
        schedule = repo.schedule(s, ids["zhang"], date(2026, 12, 7), date(2026, 12, 13), as_of=AS_OF)
    [visit_line] = [v for d in schedule.days for v in d.visits]
    assert (visit_line.visit_id, visit_line.last_visit, visit_line.last_outcome) == (
        later, MONDAY, "客户同意试用新型号，下周报价"
    )  # fmt: skip
    assert (visit_line.contact, visit_line.contact_title, visit_line.contact_role, visit_line.phone) == (
        "李徐汇01", "采购经理", "decision_maker", "13900000001"
    )  # fmt: skip
    assert visit_line.address == "上海市徐汇区张江路1号"
    assert visit_line.purpose == "送样"


def test_coverage_lists_uncontacted_customers_until_contacted(db: Database) -> None:
    ids = make_sales_force(db)
    with db.transaction() as s:
        before = {g.customer_id for g, _owner in repo.coverage(s, AS_OF, ids["zhang"])}
        activities.add_activity(
            s, rep_id=ids["zhang"], day=AS_OF - timedelta(days=10), minutes=10, type_code="call",
            channel="phone", customer_id=ids["浦东01"],
        )  # fmt: skip
        after = repo.coverage(s, AS_OF, ids["zhang"])
        everyone = repo.coverage(s, AS_OF)
    assert len(before) == 10
    assert {g.customer_id for g, _o in after} == before - {ids["浦东01"]}
    assert {owner for _g, owner in after} == {"张伟"}
    assert len(everyone) == 10  # 王芳's customer too, less 浦东01


def test_settings_round_trip(db: Database) -> None:
    settings = VisitSettings(
        frequencies={**VisitSettings().frequencies, "C": Frequency.QUARTERLY},
        daily_cap=5,
        planned_share=0.5,
        contract_contact_days=60,
    )
    with db.transaction() as s:
        assert repo.load_settings(s) == VisitSettings()
        repo.save_settings(s, settings)
    with db.transaction() as s:
        loaded = repo.load_settings(s)
    assert (loaded.daily_cap, loaded.planned_share, loaded.contract_contact_days) == (5, 0.5, 60)
    assert loaded.frequencies["C"] == Frequency.QUARTERLY and loaded.frequencies["A"] == Frequency.TWICE_MONTHLY


def test_planning_the_month_midway_leaves_past_days_alone(db: Database) -> None:
    ids = make_sales_force(db)
    with db.transaction() as s:
        past = repo.add_visit(s, ids["zhang"], ids["浦东01"], date(2026, 11, 10))
        repo.set_locked(s, [past], False)
        result = repo.generate(s, ids["zhang"], date(2026, 11, 1), date(2026, 11, 30), AS_OF)
        rows = repo.visit_rows(s, ids["zhang"], date(2026, 11, 1), date(2026, 11, 30), AS_OF)
    assert min(r.day for r in rows if r.visit_id != past) == AS_OF
    assert [r.customer_id for r in rows if r.day < AS_OF] == [ids["浦东01"]]
    # The visit planned on 11-10 was never recorded as done: missed, so 浦东01 is planned again.
    assert ids["浦东01"] in {r.customer_id for r in rows if r.visit_id != past}
    assert result.created == 10
    with db.transaction() as s:
        repo.record_outcome(s, past, minutes=30, outcome="已拜访")
        again = repo.generate(s, ids["zhang"], date(2026, 11, 1), date(2026, 11, 30), AS_OF)
        rows = repo.visit_rows(s, ids["zhang"], date(2026, 11, 1), date(2026, 11, 30), AS_OF)
    # Done on 11-10: not due again for 61 days.
    assert again.created == 9
    assert [r.day for r in rows if r.customer_id == ids["浦东01"]] == [date(2026, 11, 10)]


def test_planning_next_month_respects_this_months_plan(db: Database) -> None:
    ids = make_sales_force(db)
    with db.transaction() as s:
        repo.generate(s, ids["zhang"], date(2026, 11, 1), date(2026, 11, 30), AS_OF)
        [dropped] = [r for r in repo.visit_rows(s, ids["zhang"], MONDAY, MONDAY, AS_OF) if r.position == 0]
        repo.delete_visits(s, [dropped.visit_id])
        assert [r.position for r in repo.visit_rows(s, ids["zhang"], MONDAY, MONDAY, AS_OF)] == [0, 1]
        december = repo.generate(s, ids["zhang"], date(2026, 12, 1), date(2026, 12, 31), AS_OF)
        rows = repo.visit_rows(s, ids["zhang"], date(2026, 11, 1), date(2026, 12, 31), AS_OF)
    # November's visits (still ahead of today) stand for their customers: a 61-day interval means
    # nobody is visited again in December, except the customer whose visit was removed.
    assert december.created == 1
    assert [(r.customer_id, r.day.month) for r in rows if r.day.month == 12] == [(dropped.customer_id, 12)]
    assert len({r.customer_id for r in rows}) == len(rows) == 10


def test_replanning_keeps_a_locked_visit_where_the_manager_put_it(db: Database) -> None:
    ids = make_sales_force(db)
    with db.transaction() as s:
        repo.generate(s, ids["zhang"], MONDAY, SUNDAY, AS_OF)
        moved = s.scalar(select(PlannedVisit.id).where(PlannedVisit.customer_id == ids["浦东06"]))
        assert moved is not None
        repo.move_visit(s, moved, MONDAY)  # dropped last on Monday
        repo.generate(s, ids["zhang"], MONDAY, SUNDAY, AS_OF)
        monday = repo.visit_rows(s, ids["zhang"], MONDAY, MONDAY, AS_OF)
    assert [(r.position, r.customer[2:6], r.locked) for r in monday] == [
        (0, "徐汇01", False), (1, "徐汇02", False), (2, "浦东06", True)
    ]  # fmt: skip


def test_a_locked_visit_in_the_past_never_done_was_missed(db: Database) -> None:
    ids = make_sales_force(db)
    with db.transaction() as s:
        repo.add_visit(s, ids["zhang"], ids["浦东01"], date(2026, 11, 10))  # added by hand: locked
        repo.generate(s, ids["zhang"], date(2026, 11, 1), date(2026, 11, 30), AS_OF)
        rows = repo.visit_rows(s, ids["zhang"], AS_OF, date(2026, 11, 30), AS_OF)
    assert ids["浦东01"] in {r.customer_id for r in rows}


def test_recording_again_keeps_the_new_start_time(db: Database) -> None:
    ids = make_sales_force(db)
    with db.transaction() as s:
        visit = repo.add_visit(s, ids["zhang"], ids["浦东01"], MONDAY)
        repo.record_outcome(s, visit, minutes=45, outcome="初访", start="09:00")
        repo.record_outcome(s, visit, minutes=50, outcome="初访，已报价", start="14:00")
        assert repo.recorded_outcome(s, visit) == ("14:00", 50, "初访，已报价", "")


def test_a_deleted_customers_visits_leave_the_plan(db: Database) -> None:
    ids = make_sales_force(db)
    with db.transaction() as s:
        repo.generate(s, ids["zhang"], MONDAY, SUNDAY, AS_OF)
        customer_repo.soft_delete(s, [ids["徐汇01"]])
        rows = repo.visit_rows(s, ids["zhang"], MONDAY, SUNDAY, AS_OF)
        schedule = repo.schedule(s, ids["zhang"], MONDAY, SUNDAY, as_of=AS_OF)
    assert ids["徐汇01"] not in {r.customer_id for r in rows} and len(rows) == 9
    assert "上海徐汇01机械有限公司" not in schedule.customers()


def test_leave_on_a_weekend_stays_a_weekend_and_uncovered_years_are_named(db: Database) -> None:
    ids = make_sales_force(db)
    saturday = SUNDAY - timedelta(days=1)
    with db.transaction() as s:
        correct_day(s, ids["zhang"], saturday, [], "年假", "entered by mistake")
        week = repo.rep_days(s, ids["zhang"], MONDAY, SUNDAY)
        far = repo.rep_days(s, ids["zhang"], date(2035, 1, 1), date(2035, 1, 7))
    assert week.notes[saturday] == "weekend" and saturday not in week.availability
    assert week.unknown_years == ()
    assert far.unknown_years == (2035,)
