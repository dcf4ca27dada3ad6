"""A long punch log read column-wise: fastexcel loads the sheet into Arrow columns, polars
parses the date-times and groups the punches into person-days.

This is the fast path of :mod:`storage.excel.attendance_reader` for its commonest large file, a
plain log (ZKTeco, DingTalk's raw records: person cells and one date-time per row).  The reader
decides whether a sheet is one and who each distinct person is; this module only moves columns.
A log whose date-times are not all plain ISO text is left to the row-by-row reader, which reads
every form a cell can take.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, time
from typing import Any, overload

import fastexcel
import polars as pl

MIN_ROWS = 2_000
"""Below this many rows the row-by-row reader is as quick, and one reader is simpler to trust."""

# parse_datetimes' fast path: 'YYYY-MM-DD HH:MM[:SS]' with a space or a T (datetime.fromisoformat).
_ISO_MOMENT = r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2})?$"

PERSON = "person"
"""Column of the loaded rows: a number for the distinct person cells (the reader's) of the row."""


@dataclass(frozen=True)
class LogColumns:
    """The data rows of a punch log: every cell as text (``None`` for blank), the row's person
    cells as a key, and its date-time parsed (``None`` where the text is not plain ISO)."""

    frame: pl.DataFrame
    width: int
    """Columns of the sheet from A (cells left of the loaded range are blank)."""
    first_row: int
    """0-based sheet row of the frame's first row."""


def load_log(
    path: str, sheet: str, first_data: int, range_top: int, person_columns: Sequence[int], moment_column: int
) -> LogColumns | None:
    """The sheet's rows from ``first_data`` (0-based) on, or ``None`` when fastexcel cannot load
    them in the reader's geometry.  ``range_top`` is the sheet's first row with any cell: fastexcel
    counts rows from there."""
    try:
        reader = fastexcel.read_excel(path)
        loaded = reader.load_sheet_by_name(sheet, header_row=None, skip_rows=first_data - range_top, dtypes="string")
        columns = loaded.available_columns()
        frame = loaded.to_polars()
    except Exception:  # fastexcel's own errors on odd files: the row-by-row reader reads them
        return None
    if not columns or frame.height == 0:
        return None
    left = columns[0].absolute_index
    names = [f"c{left + i}" for i in range(frame.width)]
    frame = frame.rename(dict(zip(frame.columns, names, strict=True)))
    missing = [f"c{c}" for c in range(left + frame.width) if f"c{c}" not in names]
    if missing:
        frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias(name) for name in missing)
    width = left + frame.width
    cells = [f"c{c}" for c in range(width)]
    person = [f"c{c}" for c in person_columns]
    moment = pl.col(f"c{moment_column}")
    iso = _iso_moment(moment)
    frame = frame.select(
        *cells,
        pl.struct(person).rank("dense").alias(PERSON),
        iso.str.to_datetime("%Y-%m-%dT%H:%M:%S", strict=False, time_unit="us").alias("moment"),
        iso.alias("text"),
    )
    return LogColumns(frame, width, first_data)


def _iso_moment(text: pl.Expr) -> pl.Expr:
    """The date-time of plain ISO text to the second ('YYYY-MM-DD HH:MM[:SS]', space or T), as
    the register writes it ('YYYY-MM-DDTHH:MM:SS'); null for any other text."""
    seconds = text.str.replace(" ", "T", literal=True)
    return pl.when(text.str.contains(_ISO_MOMENT)).then(
        pl.when(text.str.len_bytes() == 16).then(seconds + ":00").otherwise(seconds)
    )


def first_rows_of_people(log: LogColumns) -> pl.DataFrame:
    """Each distinct person, in order of first appearance, with the index of that first row."""
    return log.frame.with_row_index("index").group_by(PERSON, maintain_order=True).agg(pl.col("index").first())


def person_days(log: LogColumns, people: pl.DataFrame, boundary: time | None) -> pl.DataFrame:
    """The log's person-days, in order of first appearance: ``name``, ``number``, ``department``,
    ``day``, ``row`` (the 1-based sheet row of the day's first punch), ``punches`` (sorted) and
    ``punch_text``, the punches as the register stores them (``storage.attendance._punch_text``:
    ISO to the second, sorted, space-separated).

    ``people`` maps each :data:`PERSON` to the reader's ``name``, ``number`` and ``department``,
    and to ``who``: one number for each (employee no or '', name), the reader's key of a record.
    Punches before ``boundary`` belong to the previous day's person-day.
    """
    moment = pl.col("moment")
    day = (
        (moment - pl.duration(hours=boundary.hour, minutes=boundary.minute, seconds=boundary.second)).dt.date()
        if (boundary is not None and boundary != time(0))
        else moment.dt.date()
    )
    rows = (
        log.frame.lazy()
        .select(PERSON, moment, "text", pl.int_range(pl.len(), dtype=pl.Int64).alias("index"))
        .join(people.lazy(), on=PERSON, how="left", maintain_order="left")
        .with_columns(day.alias("day"))
    )
    return (
        rows.group_by(["who", "day"], maintain_order=True)
        .agg(
            pl.col("name").first(),
            pl.col("number").first(),
            pl.col("department").drop_nulls().first(),
            (pl.col("index").first() + (log.first_row + 1)).alias("row"),
            moment.sort().alias("punches"),
            pl.col("text").sort().str.join(" ").alias("punch_text"),
        )
        .select("name", "number", "department", "day", "row", "punches", "punch_text")
        .collect()
    )


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
        return [
            make(sheet, row, name, number, department, day, punches)
            for name, number, department, day, row, punches, _ in days.iter_rows()
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


def stored_rows(days: pl.DataFrame, reps: pl.DataFrame) -> list[tuple[int, date, str, str]]:
    """Each person-day as the register stores it: (rep id, day, punch text, status text); a punch
    log has no status words.  ``reps`` maps ``name`` and ``number`` to ``rep_id``."""
    return (
        days.lazy()
        .join(reps.lazy(), on=["name", "number"], how="left", nulls_equal=True, maintain_order="left")
        .select("rep_id", "day", "punch_text", pl.lit("").alias("status"))
        .collect()
        .rows()
    )


def people_of(days: pl.DataFrame) -> list[tuple[str, str | None]]:
    """The distinct (name, employee no) of the person-days, in order of first appearance."""
    return days.select("name", "number").unique(maintain_order=True).rows()


def months_of(days: pl.DataFrame) -> dict[tuple[int, int], int]:
    """How many person-days each (year, month) has."""
    counts = days.group_by(pl.col("day").dt.year().alias("y"), pl.col("day").dt.month().alias("m")).len()
    return {(y, m): n for y, m, n in counts.rows()}
