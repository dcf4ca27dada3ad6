"""A long punch log read column-wise: fastexcel loads the sheet into Arrow columns, polars
parses the date-times and groups the punches into person-days.

This is the fast path of :mod:`storage.excel.attendance_reader` for its commonest large file, a
plain log (ZKTeco, DingTalk's raw records: person cells and one date-time per row).  The reader
decides whether a sheet is one, who each distinct person is and what a date-time text other
than plain ISO means (each distinct one once); this module only moves columns.  A log with a
date-time the reader cannot read is left to the row-by-row reader, which says what is wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, overload

import fastexcel
import polars as pl

MIN_ROWS = 2_000
"""Below this many rows the row-by-row reader is as quick, and one reader is simpler to trust."""

# parse_datetimes' fast path: 'YYYY-MM-DD HH:MM[:SS]' with a space or a T (datetime.fromisoformat).
_ISO_MOMENT = r"^\d{4}-\d{2}-\d{2}[ T]([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?$"
"""Plain ISO text that polars reads as the reader does (polars would take 08:57:60 for 08:58:00;
'24:00' and anything else go to the reader's own parser)."""

PERSON = "person"
"""Column of the loaded rows: a number for the distinct person cells (the reader's) of the row."""


@dataclass(frozen=True)
class LogColumns:
    """The data rows of a punch log, in the columns the reading needs (the person cells and the
    date-time): every cell as text (``None`` for blank), the row's person cells as a key, its
    date-time parsed (``None`` where it cannot be read) and ``text``, that date-time as stored."""

    frame: pl.DataFrame
    columns: tuple[int, ...]
    """The sheet columns loaded (0 for A), as the frame's columns ``c0``, ``c2``…"""
    first_row: int
    """0-based sheet row of the frame's first row."""


def load_log(
    path: str,
    sheet: str,
    first_data: int,
    person_columns: Sequence[int],
    moment_column: int,
    parse: Callable[[list[str]], list[datetime | None]],
) -> LogColumns | None:
    """The sheet's rows from ``first_data`` (0-based, from the sheet's first row) on, or ``None``
    when fastexcel cannot load them in the reader's geometry (the reader checks the first rows
    against its own before it trusts them).

    Only the person columns and the date-time column are loaded: a plain log has nothing else to
    read, and every other column would be turned into text for nothing.  Plain ISO date-times are
    parsed here; ``parse`` (the reader's own) reads each distinct other text once
    ('2026/10/3 8:57', '10月3日 星期五 08:57', a serial), ``None`` where it cannot."""
    wanted = {*person_columns, moment_column}
    try:
        reader = fastexcel.read_excel(path)
        loaded = reader.load_sheet_by_name(
            sheet,
            header_row=None,
            skip_rows=first_data,
            dtypes="string",
            use_columns=lambda column: column.absolute_index in wanted,
        )
        columns = tuple(column.absolute_index for column in loaded.selected_columns)
        frame = loaded.to_polars()
    except Exception:  # fastexcel's own errors on odd files: the row-by-row reader reads them
        return None
    if set(columns) != wanted or frame.height == 0:
        return None
    frame = frame.rename(dict(zip(frame.columns, [f"c{c}" for c in columns], strict=True)))
    cell = f"c{moment_column}"
    frame = frame.with_columns(
        pl.struct([f"c{c}" for c in person_columns]).rank("dense").alias(PERSON),
        _iso_moment(pl.col(cell)).alias("text"),
    ).with_columns(
        pl.coalesce(
            pl.col("text").str.to_datetime(_STORED, strict=False, time_unit="us"),
            *(
                pl.when(pl.col(cell).str.contains(pattern)).then(
                    pl.col(cell).str.to_datetime(form, strict=False, time_unit="us")
                )
                for pattern, form in _SLASHED
            ),
        ).alias("moment")
    )
    frame = frame.with_columns(pl.coalesce("text", pl.col("moment").dt.to_string(_STORED)).alias("text"))
    other = frame.filter(pl.col("moment").is_null() & pl.col(cell).is_not_null()).get_column(cell).unique()
    if not other.is_empty():
        moments = pl.Series(parse(other.to_list()), dtype=pl.Datetime("us"))
        parsed = pl.DataFrame({cell: other, "parsed": moments, "parsed_text": moments.dt.to_string(_STORED)})
        frame = frame.join(parsed, on=cell, how="left", maintain_order="left").select(
            pl.exclude("moment", "text", "parsed", "parsed_text"),
            pl.coalesce("moment", "parsed").alias("moment"),
            pl.coalesce("text", "parsed_text").alias("text"),
        )
    return LogColumns(frame, columns, first_data)


_SLASHED = [
    (r"^\d{4}/\d{1,2}/\d{1,2} ([01]?\d|2[0-3]):[0-5]\d$", "%Y/%m/%d %H:%M"),
    (r"^\d{4}/\d{1,2}/\d{1,2} ([01]?\d|2[0-3]):[0-5]\d:[0-5]\d$", "%Y/%m/%d %H:%M:%S"),
]
"""'2026/10/3 8:57[:12]' (year first, zeros optional), as many exports write a punch: polars reads
those as the reader's parser does; an impossible date comes out null and goes to the parser."""

_STORED = "%Y-%m-%dT%H:%M:%S"
"""A punch as the register stores it (``storage.attendance._punch_text``)."""


def _iso_moment(text: pl.Expr) -> pl.Expr:
    """Plain ISO text to the second ('YYYY-MM-DD HH:MM[:SS]', space or T) in the form of
    :data:`_STORED`; null for any other text."""
    seconds = text.str.replace(" ", "T", literal=True)
    return pl.when(text.str.contains(_ISO_MOMENT)).then(
        pl.when(text.str.len_bytes() == 16).then(seconds + ":00").otherwise(seconds)
    )


def first_rows_of_people(log: LogColumns) -> pl.DataFrame:
    """Each distinct person, in order of first appearance, with the index of that first row."""
    return log.frame.with_row_index("index").group_by(PERSON, maintain_order=True).agg(pl.col("index").first())


def _day(boundary: time | None) -> pl.Expr:
    """The person-day of each punch: punches before ``boundary`` belong to the previous day."""
    moment = pl.col("moment")
    if boundary is None or boundary == time(0):
        return moment.dt.date().alias("day")
    shift = pl.duration(hours=boundary.hour, minutes=boundary.minute, seconds=boundary.second)
    return (moment - shift).dt.date().alias("day")


def days_by_person(log: LogColumns, boundary: time | None) -> pl.DataFrame:
    """The punches grouped by :data:`PERSON` and day, in order of first appearance: ``index`` (the
    frame row of the day's first punch) and ``punch_text`` (see :func:`person_days`).

    Needs nothing of the reader, so it can run while the reader judges who each person is: when
    each person has one set of cells these are the person-days :func:`person_days` gives."""
    return (
        log.frame.lazy()
        .select(PERSON, _day(boundary), pl.int_range(pl.len(), dtype=pl.Int64).alias("index"), "text")
        .sort(PERSON, "day", "text")
        .group_by(PERSON, "day")
        .agg(pl.col("index").min(), pl.col("text").str.join(" ").alias("punch_text"))
        .sort("index")
        .collect()
    )


def person_days(
    log: LogColumns, people: pl.DataFrame, boundary: time | None, by_person: pl.DataFrame | None = None
) -> pl.DataFrame:
    """The log's person-days, in order of first appearance: ``name``, ``number``, ``department``,
    ``day``, ``row`` (the 1-based sheet row of the day's first punch) and ``punch_text``, the
    punches as the register stores them (``storage.attendance._punch_text``: ISO to the second,
    sorted, space-separated).

    ``people`` maps each :data:`PERSON` to the reader's ``name``, ``number`` and ``department``,
    and to ``who``: one number for each (employee no or '', name), the reader's key of a record.
    Punches before ``boundary`` belong to the previous day's person-day.  ``by_person`` is
    :func:`days_by_person` of the log, if already made.
    """
    # PERSON numbers people 1, 2, 3…: their key and cells are looked up by position.
    people = people.sort(PERSON)
    person = pl.col(PERSON).cast(pl.Int64) - 1
    if people.get_column("who").n_unique() == people.height:
        # Each person has one set of cells (the usual log): their days are their PERSON's days.
        days = by_person if by_person is not None else days_by_person(log, boundary)
        cells = [pl.lit(people.get_column(c)).gather(person).alias(c) for c in ("name", "number", "department")]
        return days.select(*cells, "day", _row(log), "punch_text")
    # Several people's cells differ in a cell that is not their key (a department left blank on
    # some rows): a day takes its name and number from its first row and its department from its
    # first row that has one, as the row-by-row reader does.
    return (
        log.frame.lazy()
        .select(
            pl.lit(people.get_column("who")).gather(person).alias("who"),
            _day(boundary),
            pl.int_range(pl.len(), dtype=pl.Int64).alias("index"),
            "text",
            *[pl.lit(people.get_column(c)).gather(person).alias(c) for c in ("name", "number", "department")],
        )
        .sort("who", "day", "text")
        .group_by("who", "day")
        .agg(
            pl.col("index").min(),
            pl.col("text").str.join(" ").alias("punch_text"),
            pl.col("name").sort_by("index").first(),
            pl.col("number").sort_by("index").first(),
            pl.col("department").sort_by("index").drop_nulls().first(),
        )
        .sort("index")
        .select("name", "number", "department", "day", _row(log), "punch_text")
        .collect()
    )


def _row(log: LogColumns) -> pl.Expr:
    return (pl.col("index") + (log.first_row + 1)).alias("row")


class FrameRecords(Sequence[Any]):
    """The person-days of a column-wise read, as the reader's records when asked for one by one.

    Large imports use :attr:`days` directly; a preview or a test indexes it like the list the
    row-by-row reader returns (and it compares equal to that list).
    """

    def __init__(self, days: pl.DataFrame, sheet: str, make: Any) -> None:
        self.days, self._sheet, self._make = days, sheet, make
        self._cache: list[Any] | None = None

    def _build(self, days: pl.DataFrame) -> list[Any]:
        make, sheet = self._make, self._sheet
        parse = datetime.fromisoformat
        return [
            make(sheet, row, name, number, department, day, [parse(p) for p in punches.split()])
            for name, number, department, day, row, punches in days.iter_rows()
        ]

    def _all(self) -> list[Any]:
        if self._cache is None:
            self._cache = self._build(self.days)
        return self._cache

    def __len__(self) -> int:
        return self.days.height

    @overload
    def __getitem__(self, index: int) -> Any: ...
    @overload
    def __getitem__(self, index: slice) -> list[Any]: ...
    def __getitem__(self, index: int | slice) -> Any:
        if self._cache is None and isinstance(index, slice) and index.step is None:
            # A preview's first rows: only those are built.
            start, stop, _ = index.indices(len(self))
            return self._build(self.days.slice(start, max(stop - start, 0)))
        return self._all()[index]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrameRecords):
            return self._all() == other._all()
        if isinstance(other, list):
            return self._all() == other
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def days_in(self) -> list[date]:
        return self.days.get_column("day").unique().to_list()


def stored_rows(days: pl.DataFrame, reps: pl.DataFrame) -> pl.DataFrame:
    """Each person-day as the register stores it (``storage.attendance_columns.DAY_SCHEMA``: rep id,
    day, punch text, status text); a punch log has no status words.  ``reps`` maps ``name`` and
    ``number`` to ``rep_id``."""
    return (
        days.lazy()
        .join(reps.lazy(), on=["name", "number"], how="left", nulls_equal=True, maintain_order="left")
        .select("rep_id", "day", pl.col("punch_text").alias("punches"), pl.lit("").alias("status_text"))
        .collect()
    )


def people_of(days: pl.DataFrame) -> list[tuple[str, str | None]]:
    """The distinct (name, employee no) of the person-days, in order of first appearance."""
    return days.select("name", "number").unique(maintain_order=True).rows()


def months_of(days: pl.DataFrame) -> dict[tuple[int, int], int]:
    """How many person-days each (year, month) has."""
    counts = days.group_by(pl.col("day").dt.year().alias("y"), pl.col("day").dt.month().alias("m")).len()
    return {(y, m): n for y, m, n in counts.rows()}
