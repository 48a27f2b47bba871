"""The language of the window: which one, its translations, and a font that can draw it.

nnsim's own texts come from ``nnsim_<language>.qm`` (built from the ``.ts``
sources by ``tools/translations.py``), Qt's (the buttons of a message box,
the file dialog) from Qt's ``qtbase_<language>.qm``.  The person's choice is
kept in the window's settings under :data:`LANGUAGE_KEY`; without one, the
system's locale chooses, and English is the fall-back for any other.
"""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFontDatabase

from nnsim import text
from nnsim.resource_files import resource_path

#: The languages the window can speak, by code, each named in itself.
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
#: Where the window's settings keep the person's choice ("" or absent: the system's).
LANGUAGE_KEY = "language"
#: Each language's writing system, for finding a font that draws it.
WRITING_SYSTEMS = {"zh_CN": QFontDatabase.WritingSystem.SimplifiedChinese}
#: Translators installed now (kept so the next language can take them away).
_installed: list[QTranslator] = []
#: The language installed last.
_current = ["en"]


def system_language(locale: QLocale | None = None) -> str:
    """Return the language of :data:`LANGUAGES` that ``locale`` (the system's) asks for.

    Chinese in China, Singapore or written in simplified characters is
    ``zh_CN``; anything else is English.
    """
    locale = locale or QLocale.system()
    if locale.language() == QLocale.Language.Chinese and (
        locale.script() == QLocale.Script.SimplifiedChineseScript
        or locale.territory() in (QLocale.Country.China, QLocale.Country.Singapore)
    ):
        return "zh_CN"
    return "en"


def chosen_language(store: QSettings) -> str:
    """Return the language the person chose in Preferences, else the system's."""
    chosen = store.value(LANGUAGE_KEY, "", type=str)
    return chosen if chosen in LANGUAGES else system_language()


def translation_file(language: str) -> str:
    """Return the path of nnsim's built translation into ``language``."""
    return str(resource_path("translations", f"nnsim_{language}.qm"))


def has_translation(language: str) -> bool:
    """Whether nnsim's translation into ``language`` is here (English needs none)."""
    return language == "en" or Path(translation_file(language)).is_file()


def install_language(language: str) -> bool:
    """Make every text made from now on speak ``language``; True if its translation loaded.

    Texts already shown keep their words (a new window takes the new ones).
    English needs no file.  A language whose translation cannot be loaded (a
    checkout whose ``.qm`` files were not built) changes nothing: False.
    """
    app = QCoreApplication.instance()
    translators = []
    if language != "en":
        ours = QTranslator(app)
        if not ours.load(translation_file(language)):
            return False
        qt = QTranslator(app)
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        translators = [qt, ours] if qt.load(f"qtbase_{language}", qt_folder) else [ours]
    while _installed:
        app.removeTranslator(_installed.pop())
    for translator in translators:
        app.installTranslator(translator)
        _installed.append(translator)
    text.set_translator(QCoreApplication.translate)
    _current[0] = language
    return True


def current_language() -> str:
    """The language windows made now speak (the last one installed; English at first)."""
    return _current[0]


def can_draw(language: str) -> bool:
    """Whether a font on this machine draws ``language``'s script (always for English)."""
    system = WRITING_SYSTEMS.get(language)
    return system is None or bool(QFontDatabase.families(system))
