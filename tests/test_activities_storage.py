"""The activity log in the database: default types, labels, activities, settings, sample data."""

from __future__ import annotations

from datetime import date

import pytest

from domain.time_allocation import DEFAULT_TYPES, TimeSettings, allocation_by_rep
from storage import activities as repo
from storage.demo import generate_demo
from storage.demo_activities import generate_demo_activities
from storage.models import Rep

DAY = date(2026, 10, 12)


def add_rep(db, name: str = "张伟") -> int:  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        rep = Rep(name=name)
        s.add(rep)
        s.flush()
        return rep.id


def test_default_types_are_added_once_and_keep_the_users_edits(db):
    with db.transaction() as s:
        repo.ensure_default_types(s)
        repo.save_type(s, "report", "日报/报表", "support")
        repo.ensure_default_types(s)
        types = {t.code: t for t in repo.list_types(s)}
    assert list(types) == [t.code for t in DEFAULT_TYPES]
    assert types["report"].category == "support"
    assert (types["visit"].name, types["visit"].category, types["visit"].channel) == ("客户拜访", "direct", "visit")


def test_add_activity_takes_the_types_channel_and_returns_the_id(db):
    rep = add_rep(db)
    with db.transaction() as s:
        first = repo.add_activity(s, rep_id=rep, day=DAY, minutes=45, type_code="call", source="visit plan")
        second = repo.add_activity(s, rep_id=rep, day=DAY, minutes=30, type_code="report", start="17:00", end="17:30")
    with db.transaction() as s:
        call, report = repo.get_activity(s, first), repo.get_activity(s, second)
    assert (call.channel, call.minutes, call.source) == ("phone", 45, "visit plan")
    assert (report.channel, report.start, report.end, report.source) == ("", "17:00", "17:30", "manual")
    with db.transaction() as s, pytest.raises(repo.UnknownActivityType):
        repo.add_activity(s, rep_id=rep, day=DAY, minutes=10, type_code="no_such_type")


def test_editing_and_deleting_activities(db):
    rep = add_rep(db)
    with db.transaction() as s:
        activity = repo.add_activity(s, rep_id=rep, day=DAY, minutes=60, type_code="visit")
    with db.transaction() as s:
        record = repo.get_activity(s, activity)
        record.type_code, record.minutes, record.outcome = "demo", 75, "演示样机"
        repo.save_activity(s, record)
    with db.transaction() as s:
        assert [(e.type_code, e.minutes, e.category) for e in repo.entries(s, DAY, DAY)] == [("demo", 75, "direct")]
        assert repo.delete_activities(s, [activity]) == 1
        assert repo.entries(s, DAY, DAY) == []


def test_labels_are_normalised_and_learned_words_win_over_defaults(db):
    with db.transaction() as s:
        repo.learn_label(s, " 拜访 ", "demo")
        repo.learn_label(s, "ＰＯＣ测试", "demo")
        resolve = repo.label_resolver(s)
        assert (resolve("拜访"), resolve("poc测试"), resolve("电话"), resolve("产品演示"), resolve("跑腿")) == (
            "demo", "demo", "call", "demo", None,
        )  # fmt: skip
        repo.forget_label(s, "拜访")
        assert repo.label_resolver(s)("拜访") == "visit"


def test_settings_are_stored_as_json_with_defaults_for_missing_keys(db):
    with db.transaction() as s:
        assert repo.load_settings(s) == TimeSettings()
        repo.save_settings(s, TimeSettings(direct_target=0.3, visit_cost=80))
    with db.transaction() as s:
        assert repo.load_settings(s) == TimeSettings(direct_target=0.3, visit_cost=80, phone_cost=1, email_cost=0.01)


def test_sample_activities_give_each_rep_12_to_25_percent_direct_selling(db):
    as_of = date(2026, 11, 24)
    generate_demo(db, customers=300, reps=12, as_of=as_of)
    count = generate_demo_activities(db, as_of=as_of)
    with db.transaction() as s:
        entries = repo.entries(s, date(2026, 8, 1), as_of)
    assert count == len(entries) > 12 * 55 * 6
    shares = [a.direct_share for a in allocation_by_rep(entries).values()]
    assert len(shares) == 12
    assert all(0.10 <= share <= 0.28 for share in shares), shares
    assert min(e.day for e in entries) >= date(2026, 8, 24) and max(e.day for e in entries) < as_of
    with pytest.raises(ValueError):
        generate_demo_activities(db, as_of=as_of)
