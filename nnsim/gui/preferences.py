"""Edit > Preferences: the language of the window, changed without losing work.

Qt widgets take their words when they are made, so a new language needs a
new window: :func:`switch_language` builds one in the new language and
carries the work over as a project (network, weights, error history, data,
Hopfield patterns, lesson progress), with its file and its unsaved state,
exactly as File > Save then Open would, and the old window goes without
asking about saving (nothing of its work is lost).  Only the undo history
starts afresh; the dialog says so.
"""

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from nnsim.gui.language import (
    LANGUAGE_KEY,
    LANGUAGES,
    can_draw,
    chosen_language,
    has_translation,
    install_language,
    system_language,
)
from nnsim.text import translate

#: The Debian package that draws Chinese, named when no font on the machine can.
CJK_FONT_PACKAGE = "fonts-wqy-microhei"
#: The window a language switch built: held here, as :func:`nnsim.gui.app.run` holds the
#: first (a window Python no longer refers to is deleted).
_rebuilt = []


class PreferencesDialog(QDialog):
    """The language of the window (objectName ``preferencesDialog``).

    Parameters
    ----------
    current : str
        The language chosen now ("" when the system's is followed).
    parent : QWidget or None
    """

    def __init__(self, current: str, parent: QWidget | None = None):
        super().__init__(parent, objectName="preferencesDialog")
        self.setWindowTitle(translate("PreferencesDialog", "Preferences"))
        self.language = QComboBox(objectName="preferencesLanguage")
        system = LANGUAGES[system_language()]
        self.language.addItem(
            translate("PreferencesDialog", "As the system ({language})").format(language=system),
            "",
        )
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(current), 0))
        form = QFormLayout()
        form.addRow(translate("PreferencesDialog", "Language:"), self.language)
        note = QLabel(
            translate(
                "PreferencesDialog",
                "The window opens again in the new language with your work as it is: the "
                "network, its weights, the data and the error curve. Only Undo starts afresh.",
            ),
            wordWrap=True,
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(note)
        column.addWidget(buttons)

    def chosen(self) -> str:
        """The language chosen: a code of :data:`LANGUAGES`, or "" for the system's."""
        return self.language.currentData()


def show_preferences(window) -> None:
    """Edit > Preferences: ask, and switch the window's language if it changed."""
    current = window.store.value(LANGUAGE_KEY, "", type=str)
    dialog = PreferencesDialog(current, window)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() == current:
        return
    language = dialog.chosen() or system_language()
    if language == chosen_language(window.store):
        window.store.setValue(LANGUAGE_KEY, dialog.chosen())  # the same words either way
    elif switch_language(window, language) is not window:
        window.store.setValue(LANGUAGE_KEY, dialog.chosen())


def why_not(language: str) -> str | None:
    """Why the window cannot speak ``language`` on this machine, in words; None if it can."""
    if not can_draw(language):
        return translate(
            "PreferencesDialog",
            "No font on this computer can draw {language}. Install one (on Debian: sudo "
            "apt-get install {package}) and choose the language again.",
        ).format(language=LANGUAGES[language], package=CJK_FONT_PACKAGE)
    if not has_translation(language):
        return translate(
            "PreferencesDialog",
            "The translation into {language} is missing from this copy of nnsim: reinstall "
            "it, or in a checkout run: python tools/translations.py build",
        ).format(language=LANGUAGES[language])
    return None


def switch_language(window, language: str):
    """Build the window again in ``language`` with ``window``'s work; return the new window.

    Training is stopped first (asking, as anything else that needs the
    network does).  If the person keeps it running, or the language cannot
    be drawn or loaded here (said in a message), nothing changes and
    ``window`` itself is returned.
    """
    refusal = why_not(language)
    if refusal is not None:
        QMessageBox.warning(window, translate("PreferencesDialog", "Language"), refusal)
        return window
    stop_to = translate("PreferencesDialog", "change the language")
    if window.session.busy and not window.ask_to_stop(stop_to):
        return window
    from nnsim.gui.app import create_main_window  # the app module builds every window

    work = window.files.work()
    presenting = window.presentation.on
    window.presentation.set_on(False)  # gives the application its own font back
    window.retire()
    install_language(language)
    new = create_main_window(window.store, window.data_folder)
    new.files.put_back(*work)
    new.presentation_action.setChecked(presenting)
    new.show_on_screen()
    _rebuilt[:] = [new]
    window.close()
    window.deleteLater()
    return new
