"""Language: Qt translators for every ``translations/*_<lang>.qm``, live switch.

Vietnamese is the default; the choice is kept in QSettings. The ``.qm``
files are found through ``importlib.resources`` so an installed or frozen
app finds them beside its package; ``FACILITY_APP_TRANSLATIONS`` (tests)
points at another folder. Qt's own ``qtbase_<lang>.qm`` is loaded when
PySide6 ships it (it does not ship Vietnamese today, so our dialogs set
their button texts themselves).
"""
from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

LANGUAGES = ("vi", "en")
DEFAULT = "vi"
DIR_ENV = "FACILITY_APP_TRANSLATIONS"
_installed: list[QTranslator] = []
_current = DEFAULT


def settings() -> QSettings:
    return QSettings("VNSocialCare", "FacilityHealth")


def saved_language() -> str:
    value = settings().value("language", DEFAULT)
    return value if value in LANGUAGES else DEFAULT


def save_language(lang: str) -> None:
    settings().setValue("language", lang)


def qm_folder() -> Path | None:
    override = os.environ.get(DIR_ENV)
    if override:
        return Path(override)
    try:
        folder = resources.files("translations")
    except ModuleNotFoundError:
        return None
    return Path(str(folder))


def qm_files(lang: str) -> list[Path]:
    folder = qm_folder()
    if folder is None or not folder.is_dir():
        return []
    return sorted(folder.glob(f"*_{lang}.qm"))


def install(lang: str) -> list[Path]:
    """Replace the installed translators with ``lang``'s; returns the files loaded."""
    global _current
    _current = lang  # first: the widgets that rename themselves on LanguageChange ask for it
    app = QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    loaded: list[Path] = []
    candidates = qm_files(lang)
    qt_own = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / f"qtbase_{lang}.qm"
    if qt_own.is_file():
        candidates.append(qt_own)
    for path in candidates:
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)  # sends LanguageChange to every widget
            _installed.append(translator)
            loaded.append(path)
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if lang == "vi" else QLocale.Language.English,
                               QLocale.Country.Vietnam if lang == "vi" else QLocale.Country.UnitedKingdom))
    _current = lang
    return loaded


def current() -> str:
    return _current
