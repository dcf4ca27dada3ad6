"""Refresh the translation catalogue from the sources and compile it.

    uv run python resources/translations/update.py

Runs ``pyside6-lupdate`` over app.py, ui/ and widgets/ into console_zh_CN.ts (keeping
existing translations), then ``pyside6-lrelease`` into console_zh_CN.qm, which the
console loads at start.  English is the source language and needs no catalogue.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LANGUAGES = ("zh_CN",)


def sources() -> list[str]:
    files = [ROOT / "app.py", *sorted((ROOT / "ui").rglob("*.py")), *sorted((ROOT / "widgets").rglob("*.py"))]
    return [str(f.relative_to(ROOT)) for f in files]


def tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def lupdate(ts_file: Path) -> None:
    subprocess.run(
        [tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none", "-ts", str(ts_file)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )


def lrelease(ts_file: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(ts_file)], cwd=ROOT, check=True, capture_output=True)


def main() -> None:
    for language in LANGUAGES:
        ts_file = HERE / f"console_{language}.ts"
        lupdate(ts_file)
        lrelease(ts_file)
        print(f"updated {ts_file.name} and {ts_file.with_suffix('.qm').name}")


if __name__ == "__main__":
    main()
