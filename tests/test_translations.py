"""The Simplified Chinese catalogue: complete for the current sources, compiled, loadable, placeholders intact.

When a test here fails after UI work, refresh and translate:

    uv run python resources/translations/update.py
    # fill every <translation type="unfinished"> in resources/translations/console_zh_CN.ts
    uv run python resources/translations/update.py

Strings passed to a one-argument ``_t(text)`` wrapper around ``QCoreApplication.translate`` are invisible to
pyside6-lupdate, so update.py (``-no-obsolete``) drops their hand-kept entries;
test_strings_behind_translate_wrappers_have_a_finished_translation catches that.  Compiling alone is
``uv run pyside6-lrelease resources/translations/console_zh_CN.ts``.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import string
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
TS = TRANSLATIONS / "console_zh_CN.ts"
QM = TRANSLATIONS / "console_zh_CN.qm"


def _load_update() -> ModuleType:
    spec = importlib.util.spec_from_file_location("translations_update", TRANSLATIONS / "update.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


update = _load_update()


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: str
    finished: bool


def read_catalogue(path: Path) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                text, kind = "", "unfinished"
            else:
                forms = translation.findall("numerusform")
                text = "".join(f.text or "" for f in forms) if forms else translation.text or ""
                kind = translation.get("type", "")
            messages.append(Message(name, message.findtext("source") or "", text, kind == "" and text != ""))
    return messages


def finished_pairs() -> set[tuple[str, str]]:
    return {(m.context, m.source) for m in read_catalogue(TS) if m.finished}


def describe(pairs: set[tuple[str, str]]) -> str:
    return "\n".join(f"  [{context}] {source!r}" for context, source in sorted(pairs))


def test_every_source_string_has_a_finished_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    update.lupdate(fresh)
    wanted = {(m.context, m.source) for m in read_catalogue(fresh)}
    assert wanted, "lupdate found no strings; is update.sources() still right?"
    missing = wanted - finished_pairs()
    assert not missing, (
        f"{TS.name} has no finished translation for {len(missing)} strings of the current sources; "
        f"run resources/translations/update.py and translate:\n{describe(missing)}"
    )


def test_committed_qm_is_compiled_from_the_committed_ts(tmp_path: Path) -> None:
    ts = tmp_path / TS.name
    shutil.copyfile(TS, ts)
    update.lrelease(ts)
    up_to_date = ts.with_suffix(".qm").read_bytes() == QM.read_bytes()
    assert up_to_date, f"{QM.name} is out of date; run: uv run pyside6-lrelease resources/translations/{TS.name}"


def test_translator_translates_window_and_label_strings(qapp) -> None:  # type: ignore[no-untyped-def]
    translator = QTranslator()
    assert translator.load("console_zh_CN", str(TRANSLATIONS))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("MainWindow", "Customers") == "客户"
        assert QCoreApplication.translate("labels", "Star") == "明星"
    finally:
        QCoreApplication.removeTranslator(translator)


def _fields(text: str) -> set[tuple[str, str]]:
    return {(name, spec or "") for _, name, spec, _ in string.Formatter().parse(text) if name is not None}


def test_translations_keep_their_placeholders() -> None:
    problems = []
    for m in read_catalogue(TS):
        if "{" not in m.source or not m.translation:
            continue
        try:
            fields = _fields(m.translation)
        except ValueError as exc:
            problems.append(f"  [{m.context}] {m.translation!r}: {exc}")
            continue
        if fields != _fields(m.source):
            problems.append(f"  [{m.context}] {m.source!r} -> {m.translation!r}")
    assert not problems, "placeholders ({name} and format spec) differ:\n" + "\n".join(problems)


MNEMONIC = re.compile(r"&([^&\s])")


def test_translations_keep_ellipses_mnemonics_and_line_breaks() -> None:
    problems = []
    for m in read_catalogue(TS):
        if not m.translation:
            continue
        source_keys = [k.lower() for k in MNEMONIC.findall(m.source)]
        translated_keys = [k.lower() for k in MNEMONIC.findall(m.translation)]
        if (
            m.source.count("…") != m.translation.count("…")
            or m.source.count("\n") != m.translation.count("\n")
            or source_keys != translated_keys
            or ("%n" in m.source) != ("%n" in m.translation)
        ):
            problems.append(f"  [{m.context}] {m.source!r} -> {m.translation!r}")
    assert not problems, "ellipsis, &mnemonic, line break or %n differs:\n" + "\n".join(problems)
