"""Benchmark: importing a 50,000-row customer sheet against python-calamine merely reading it.

Run from the project root: ``uv run python -m bench.import_customers [rows]``.  Writes the
sheet into a temporary directory with :func:`storage.excel.write_workbook`, times
calamine opening and reading it (best of 3), then preview + import into a fresh
SQLite database each time (best of 3), and prints one table.  The import's target
is within twice the plain read: everything it adds (parsing cells, validating,
pinyin, inserting) should cost no more than reading the file does.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import python_calamine

from domain.text import normalise_company_name
from storage.customer_exchange import CUSTOMER_COLUMNS, import_customers, preview_import
from storage.db import open_database
from storage.excel.writer import ColumnSpec, SheetSpec, write_workbook
from storage.models import Rep

_PLACES = ["深圳", "广州", "重庆", "长沙", "北京", "上海", "杭州", "成都", "武汉", "西安", "南京", "苏州"]
_WORDS = ["华为", "银行", "长安", "科技", "汽车", "电子", "医药", "建设", "能源", "物流", "食品", "软件", "重工"]
_BRAND = "华兴达盛宏泰鑫源隆丰瑞恒通和信安新中天创美佳德润金海远方正明光嘉福永昌东南宇辰博锦航星"
_FORMS = ["有限公司", "股份有限公司", "集团有限公司", "有限责任公司"]
_INDUSTRIES = ["制造", "金融", "零售", "医疗", "教育", "物流", "能源", "互联网"]
_SIZES = ["50人以下", "50-200人", "200-1000人", "1000人以上"]
_STATUSES = ["潜在", "既成", "流失"]
_REPS = ["张伟", "王芳", "李娜", "刘洋", "陈静"]


def customer_rows(count: int, seed: int = 7) -> Iterator[list[object]]:
    """Plausible customer rows in export column order, without ids: all new customers, no two of
    them the same company (the import would rightly refuse such a file)."""
    rng = random.Random(seed)
    names: set[str] = set()
    for n in range(count):
        place = rng.choice(_PLACES)
        name = ""
        while not name or normalise_company_name(name) in names:
            brand = "".join(rng.sample(_BRAND, 2))
            name = f"{place}{brand}{rng.choice(_WORDS)}{rng.choice(_FORMS)}"
        names.add(normalise_company_name(name))
        yield [
            None,
            name,
            f"{place}{n}",
            rng.choice(_INDUSTRIES),
            rng.choice(_SIZES),
            "广东省",
            place,
            "南山区",
            f"{place}市科技园{rng.randint(1, 999)}号",
            f"0755-{rng.randint(20000000, 89999999)}",
            "" if n % 3 else f"0755-{rng.randint(20000000, 89999999)}",
            f"info{n}@example.com.cn",
            f"www.company{n}.com",
            rng.choice(["展会", "转介绍", "网站", "电话"]),
            rng.choice(["AAA", "AA", "A", "B", "C"]),
            "月结30天",
            "" if n % 4 else "电子产品的研发、生产和销售",
            rng.choice(_STATUSES),
            rng.randint(0, 100),
            rng.choice(["是", "否"]),
            rng.choice(_REPS),
            "" if n % 5 else "重点跟进",
        ]


def best_of(runs: int, job: Callable[[], float]) -> float:
    """The fastest of ``runs`` calls of ``job``, which returns the seconds of its timed part."""
    return min(job() for _ in range(runs))


def calamine_read(path: Path, sheet: str) -> float:
    started = time.perf_counter()
    with python_calamine.CalamineWorkbook.from_path(str(path)) as workbook:
        workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    return time.perf_counter() - started


def preview_and_import(path: Path, database: Path) -> float:
    """Seconds for preview + import into a fresh database (creating the database is not timed)."""
    db = open_database(database)
    try:
        with db.transaction() as session:
            session.add_all(Rep(name=name) for name in _REPS)
        started = time.perf_counter()
        preview = preview_import(path)
        summary = import_customers(db, path, preview.sheet, preview.header_row, preview.mapping)
        seconds = time.perf_counter() - started
        assert summary.created == preview.total_rows, summary
        return seconds
    finally:
        db.close()


def measure(rows: int, directory: Path) -> tuple[float, float, float]:
    """(write, best read, best preview + import) seconds for a ``rows``-row sheet written in ``directory``."""
    path = directory / "customers.xlsx"
    columns = [ColumnSpec(c.zh, c.width, c.kind) for c in CUSTOMER_COLUMNS]
    started = time.perf_counter()
    write_workbook(path, [SheetSpec("客户", columns, customer_rows(rows), rows)])
    written = time.perf_counter() - started
    read = best_of(3, lambda: calamine_read(path, "客户"))
    databases = iter(directory / f"bench-import-{n}.db" for n in range(3))
    imported = best_of(3, lambda: preview_and_import(path, next(databases)))
    return written, read, imported


def main(rows: int = 50_000) -> None:
    with tempfile.TemporaryDirectory() as temp:
        written, read, imported = measure(rows, Path(temp))
        print(f"{'rows':>8} {'write s':>8} {'read s':>8} {'import s':>9} {'import/read':>12}")
        print(f"{rows:>8} {written:>8.2f} {read:>8.2f} {imported:>9.2f} {imported / read:>12.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50_000)
