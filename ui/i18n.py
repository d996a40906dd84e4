"""The operator's language: English (the source), Indonesian and Simplified Chinese.

Translations are Qt ``.ts`` sources in ``resources/translations`` (``pyside6-lupdate`` over
``ui/``), compiled to ``.qm`` by ``scripts/setup.sh`` with ``pyside6-lrelease``. Where a ``.qm``
is missing or older than its ``.ts`` (a source checkout, a fresh edit) it is compiled here on
the fly; where that cannot be done the error says how to fix it. ``Translations.switch`` swaps
the installed ``QTranslator`` at run time: Qt sends every widget ``QEvent.LanguageChange`` and
the pages retranslate themselves.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFontDatabase

import resources

log = logging.getLogger(__name__)

TRANSLATIONS_DIR = Path(resources.__file__).parent / "translations"
CATALOGUE = "workstation"  # workstation_id.ts, workstation_zh_CN.ts
#: Language code (as in the settings) -> its own name, shown in the language chooser.
LANGUAGES: dict[str, str] = {"en": "English", "id": "Bahasa Indonesia", "zh_CN": "简体中文"}
_ALIASES = {"in": "id", "id_ID": "id", "zh": "zh_CN", "zh-CN": "zh_CN", "zh_Hans": "zh_CN",
            "en_US": "en", "en_GB": "en"}


#: The translators installed now (by any ``Translations``): a switch replaces all of them.
_INSTALLED: list[QTranslator] = []


class TranslationsMissing(RuntimeError):
    """A language's compiled translations cannot be found or built; the message says why."""


def normalise(language: str) -> str:
    code = _ALIASES.get(language, language)
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; use one of {', '.join(LANGUAGES)}")
    return code


def ts_path(language: str, directory: Path = TRANSLATIONS_DIR) -> Path:
    return directory / f"{CATALOGUE}_{language}.ts"


def qm_path(language: str, directory: Path = TRANSLATIONS_DIR) -> Path:
    return directory / f"{CATALOGUE}_{language}.qm"


def lrelease() -> str | None:
    """``pyside6-lrelease`` of this interpreter's environment, else one on PATH."""
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    return str(beside) if beside.exists() else shutil.which("pyside6-lrelease")


def ensure_compiled(language: str, directory: Path = TRANSLATIONS_DIR) -> Path:
    """The ``.qm`` of ``language``, compiled from its ``.ts`` when missing or stale."""
    ts, qm = ts_path(language, directory), qm_path(language, directory)
    if qm.exists() and (not ts.exists() or qm.stat().st_mtime >= ts.stat().st_mtime):
        return qm
    if not ts.exists():
        raise TranslationsMissing(
            f"no translations for {LANGUAGES.get(language, language)}: neither {qm.name} nor "
            f"{ts.name} is in {directory}. Reinstall the application (scripts/setup.sh)")
    tool = lrelease()
    if tool is None:
        raise TranslationsMissing(
            f"{qm.name} is missing or older than {ts.name} and pyside6-lrelease is not "
            "installed to compile it: run scripts/setup.sh (it compiles the translations)")
    done = subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], capture_output=True,
                          text=True, timeout=60, check=False)
    if done.returncode != 0 or not qm.exists():
        raise TranslationsMissing(f"pyside6-lrelease could not compile {ts}: "
                                  f"{(done.stderr or done.stdout).strip()}")
    log.info("compiled %s", qm)
    return qm


class Translations:
    """Installs the translator of the chosen language; ``switch`` changes it at run time."""

    def __init__(self, app: QCoreApplication, directory: Path = TRANSLATIONS_DIR) -> None:
        self._app = app
        self._directory = directory
        self.language = "en"

    def switch(self, language: str) -> None:
        code = normalise(language)
        translators: list[QTranslator] = []
        if code != "en":
            ours = QTranslator(self._app)
            path = ensure_compiled(code, self._directory)
            if not ours.load(str(path)):
                raise TranslationsMissing(f"{path} is not a valid translation file: "
                                          "run scripts/setup.sh to compile it again")
            translators.append(ours)
            # Qt's own words (standard buttons, context menus) where Qt ships them.
            qt = QTranslator(self._app)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load(f"qtbase_{code}", qt_dir):
                translators.append(qt)
        # One application, one language: whichever Translations installed the current ones.
        for old in _INSTALLED:
            QCoreApplication.removeTranslator(old)
        for new in translators:
            QCoreApplication.installTranslator(new)
        _INSTALLED[:] = translators
        self.language = code
        QLocale.setDefault(QLocale(code))
        log.info("language: %s", LANGUAGES[code])
        if not cjk_font_available():
            log.warning("no font for Chinese script is installed: Chinese names and addresses "
                        "show as boxes; install fonts-noto-cjk")


def cjk_font_available() -> bool:
    """True where a font can draw Chinese (names and addresses in Chinese script)."""
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def font_warning() -> str:
    """Empty when Chinese text can be drawn; else what the operator sees and what to do."""
    if cjk_font_available():
        return ""
    return QCoreApplication.translate(
        "i18n", "No Chinese font is installed: Chinese names and addresses show as boxes. "
        "Ask IT to install fonts-noto-cjk.")
