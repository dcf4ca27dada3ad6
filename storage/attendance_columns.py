"""The attendance rules applied to a month of stored person-days held as columns.

A month of a large sales force is tens of thousands of person-days.  The import evaluates the
months it wrote, and the ledger the month it shows, from a polars frame of the days in their
stored form (:data:`DAY_SCHEMA`).  The rules are the domain's: :meth:`DayEvaluator.outcome_ids`
judges each day and :func:`month_summary` makes each person's month of the figures added up
here.  This module only moves columns: it parses the stored punch text into each day's first and
last punch and adds up :class:`DayFigures` per rep.
"""

from __future__ import annotations

from datetime import date, timedelta

import polars as pl

from domain.attendance import DayEvaluator, DayFigures, LeaveType, MonthSummary, month_summary

DAY_SCHEMA: dict[str, pl.DataType] = {
    "rep_id": pl.Int64(),
    "day": pl.Date(),
    "punches": pl.String(),
    "status_text": pl.String(),
}
"""A person-day as stored: the rep, the day, the punches as ``storage.attendance`` writes them (ISO
date-times to the second, sorted, separated by spaces) and the status words."""

_STORED_MOMENT = "%Y-%m-%dT%H:%M:%S"
_MOMENT_LENGTH = len("2026-10-01T08:30:00")
_SUMMED = [name for name in DayFigures._fields if name != "leave_type"]


def month_bounds(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def outcomes(days: pl.DataFrame, evaluator: DayEvaluator) -> pl.Series:
    """Each day's outcome under ``evaluator``'s rules: an index into its
    :meth:`~DayEvaluator.outcome_figures`.  ``days`` has the columns of :data:`DAY_SCHEMA`."""
    midnight = pl.col("day").cast(pl.Datetime("us"))
    punches = pl.col("punches")

    def offset(moment: pl.Expr) -> pl.Expr:
        parsed = moment.str.to_datetime(_STORED_MOMENT, strict=False, time_unit="us")
        return (parsed - midnight).dt.total_microseconds()

    bounds = days.select(
        "day",
        offset(punches.str.slice(0, _MOMENT_LENGTH)).alias("first"),
        offset(punches.str.slice(-_MOMENT_LENGTH)).alias("last"),
        pl.col("status_text").fill_null(""),
    )
    ids = evaluator.outcome_ids(
        bounds.get_column("day").to_list(),
        bounds.get_column("first").to_list(),
        bounds.get_column("last").to_list(),
        bounds.get_column("status_text").to_list(),
    )
    return pl.Series("outcome", ids, dtype=pl.UInt32)


def month_summaries(
    days: pl.DataFrame, year: int, month: int, evaluator: DayEvaluator, *, complete: bool
) -> dict[int, MonthSummary]:
    """Each rep's :class:`MonthSummary` of ``year``/``month`` from ``days`` (:data:`DAY_SCHEMA`, one
    row per rep and day; days of other months are left out), for the reps with a day in it.

    ``complete`` says the month is over: its working days without a record are then absent days
    (``summarise_month``'s ``missing_days_absent``).
    """
    first, last = month_bounds(year, month)
    in_month = days.filter(pl.col("day").is_between(first, last))
    if in_month.is_empty():
        return {}
    return summaries_of(
        in_month.get_column("rep_id"), outcomes(in_month, evaluator), year, month, evaluator, complete=complete
    )


def summaries_of(
    rep_ids: pl.Series, ids: pl.Series, year: int, month: int, evaluator: DayEvaluator, *, complete: bool
) -> dict[int, MonthSummary]:
    """:func:`month_summaries` of days already judged: each day's rep and its :func:`outcomes`."""
    table = pl.DataFrame(
        [(*f[:-1], f.leave_type.value if f.leave_type else None) for f in evaluator.outcome_figures()],
        schema={
            **{name: pl.Float64() if name == "leave_days" else pl.Int64() for name in _SUMMED},
            "leave_type": pl.String(),
        },
        orient="row",
    ).with_row_index("outcome")
    judged = pl.DataFrame({"rep_id": rep_ids, "outcome": ids}).join(table, on="outcome", how="left")
    totals = judged.group_by("rep_id", maintain_order=True).agg(pl.col(_SUMMED).sum())
    leave: dict[int, dict[LeaveType, float]] = {}
    for rep_id, kind, days_of_leave in (
        judged.filter(pl.col("leave_type").is_not_null())
        .group_by("rep_id", "leave_type", maintain_order=True)
        .agg(pl.col("leave_days").sum())
        .iter_rows()
    ):
        leave.setdefault(rep_id, {})[LeaveType(kind)] = days_of_leave
    summaries: dict[int, MonthSummary] = {}
    calendar, rules = evaluator.calendar, evaluator.rules
    for rep_id, *sums in totals.iter_rows():
        figures_of_rep = DayFigures._make([*sums, None])
        summaries[rep_id] = month_summary(
            year, month, calendar, rules, figures_of_rep, leave.get(rep_id, {}), missing_days_absent=complete
        )
    return summaries
