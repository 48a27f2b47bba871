"""File > Open, Save, Save As and Open Recent, with the unsaved-changes question.

:class:`ProjectFiles` keeps the open project's path and the recent files (in
a QSettings store), asks before an unsaved network would be lost (on open,
new and close), and reports a file that cannot be read or written in plain
words, leaving whatever is open as it was.  "Unsaved" means an edit on the
undo stack since the last save, or weights changed since then (training, a
step, a reset, a rewind trained from): training is not an edit, but it is
work (DESIGN.md section 6).

It works on a :class:`~nnsim.model.session.Session`: a file is written from
``session.project()`` and read into ``session.load(project)``, which tells
every view through the session's events.  It never reads the window: the
window follows its ``title_changed`` and ``modified_changed`` signals.
"""

import re
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from nnsim.errors import NnsimError
from nnsim.gui.actions import make_action
from nnsim.gui.plain_text import complain, plain
from nnsim.gui.project.example_picker import ExamplePicker
from nnsim.io.examples import examples, load_example
from nnsim.io.project import SUFFIX, Project, load_project, save_project
from nnsim.model.session import Session
from nnsim.text import QT_TRANSLATE_NOOP, translate

#: The file dialogs' filter: its words translated, its pattern kept (:func:`project_filter`).
FILTER = QT_TRANSLATE_NOOP("Files", "nnsim projects ({patterns})")
#: What may not stand in a suggested file name: folder separators, controls, and
#: what Windows refuses.
UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/\x00-\x1f\x7f:*?"<>|]')
RECENT_KEY = "files/recent"
MAX_RECENT = 8
Button = QMessageBox.StandardButton


class ProjectFiles(QObject):
    """The project files of ``session``, whose edits are on ``undo_stack``.

    Parameters
    ----------
    session : Session
        What is open: saved from, and opened into.
    undo_stack : QUndoStack
        The edits: clean since the last save when nothing is unsaved.
    parent : QWidget or None
        Parent of the file dialogs, the questions and the actions (the main window).
    store : QSettings
        Where the recent files are kept.
    ask_to_stop : callable
        ``ask_to_stop(what) -> bool``: training holds the network; stop it to ``what``?
        True once it stopped.

    Signals
    -------
    title_changed(str)
        The project's name changed (:meth:`title`): the file's, or the network's.
    modified_changed(bool)
        Whether anything would be lost now (:meth:`modified`).
    """

    title_changed = Signal(str)
    modified_changed = Signal(bool)

    def __init__(
        self,
        session: Session,
        undo_stack: QUndoStack,
        parent: QWidget | None,
        store: QSettings,
        ask_to_stop: Callable[[str], bool],
    ):
        super().__init__(parent)
        self.session, self.undo_stack, self.store = session, undo_stack, store
        self.ask_to_stop = ask_to_stop
        self.path: Path | None = None
        #: Work that is not on the undo stack since the last save or open: weights
        #: changed, or a restored autosave.
        self.unsaved_work = False
        keys = QKeySequence.StandardKey
        self.open_action = make_action(
            parent,
            "actionOpen",
            QT_TRANSLATE_NOOP("Actions", "&Open…"),
            keys.Open,
            QT_TRANSLATE_NOOP("Actions", "Open a project"),
        )
        self.save_action = make_action(
            parent,
            "actionSave",
            QT_TRANSLATE_NOOP("Actions", "&Save"),
            keys.Save,
            QT_TRANSLATE_NOOP("Actions", "Save the project"),
        )
        self.save_as_action = make_action(
            parent,
            "actionSaveAs",
            QT_TRANSLATE_NOOP("Actions", "Save &As…"),
            keys.SaveAs,
            QT_TRANSLATE_NOOP("Actions", "Save the project in a new file"),
        )
        self.open_example_action = make_action(
            parent, "actionOpenExample", QT_TRANSLATE_NOOP("Actions", "Open &Example…"), "Ctrl+E",
            QT_TRANSLATE_NOOP(
                "Actions", "Open one of the tutorials' networks, ready to train (Ctrl+E)"
            ),
        )  # fmt: skip
        self.open_action.triggered.connect(lambda: self.open())
        self.open_example_action.triggered.connect(self.pick_example)
        self.picker: ExamplePicker | None = None  # while File > Open Example is open
        self.save_action.triggered.connect(self.save)
        self.save_as_action.triggered.connect(self.save_as)
        self.recent_menu = QMenu(translate("ProjectFiles", "Open &Recent"), parent)
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        undo_stack.cleanChanged.connect(self._stack_clean)
        session.events.weights_changed.connect(self.mark_unsaved)
        session.events.lesson_progressed.connect(self._lesson_progressed)
        session.events.document_replaced.connect(self.opened)

    # ----------------------------------------------------------- questions
    def ask_to_save(self) -> Button:
        """Save, Discard or Cancel: what to do with unsaved edits (tests replace this)."""
        return QMessageBox.question(
            self.parent(),
            translate("ProjectFiles", "Unsaved changes"),
            plain(
                translate("ProjectFiles", "Save the changes to {name} first?").format(
                    name=self.title()
                )
            ),
            Button.Save | Button.Discard | Button.Cancel,
        )

    def modified(self) -> bool:
        """Whether anything would be lost: an edit, or weights changed, since the last save."""
        return self.unsaved_work or not self.undo_stack.isClean()

    def _tell_modified(self) -> None:
        self.modified_changed.emit(self.modified())

    def _stack_clean(self, clean: bool) -> None:
        # (Not isClean(): a stack being deleted says it is clean, and asking it then fails.)
        self.modified_changed.emit(self.unsaved_work or not clean)

    def _lesson_progressed(self, _progress, answers: bool) -> None:
        """A student's answers in an exercise's lesson are work to keep (a teacher reads
        them); in one of nnsim's lessons on an example they are not asked about."""
        if answers:
            self.mark_unsaved()

    def mark_unsaved(self) -> None:
        """Work the undo stack does not hold (weights trained, a restored autosave) is unsaved."""
        if self.unsaved_work:
            return  # (called with every training report)
        self.unsaved_work = True
        self._tell_modified()

    def opened(self) -> None:
        """A project was just shown as read (or made new): nothing of it is unsaved yet.

        The session says so (``document_replaced``); the window then empties the undo stack.
        """
        self.unsaved_work = False
        self._retitle()
        self._tell_modified()

    def maybe_save(self) -> bool:
        """Before the open network goes: True to go on (saved, discarded or unedited)."""
        if not self.modified():
            return True
        answer = self.ask_to_save()
        if answer == Button.Save:
            return self.save()
        return answer == Button.Discard

    def title(self) -> str:
        """The project's name as the window title shows it."""
        return self.path.stem if self.path else self.session.document.name

    def _retitle(self) -> None:
        self.title_changed.emit(self.title())

    def file_stem(self) -> str:
        """The name to suggest for a file of this project (without its suffix).

        A network's name comes from a file: ``../../x`` or a name with
        control characters must not suggest a file in another folder.
        """
        stem = UNSAFE_IN_FILE_NAMES.sub("_", self.title()).strip(" .")
        return stem or "untitled"

    # --------------------------------------------------------------- files
    def open(self, path=None) -> bool:
        """Open a project (asking for it when ``path`` is None); False if nothing changed."""
        if not self._may_replace(translate("ProjectFiles", "open another project")):
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self.parent(), translate("ProjectFiles", "Open project"), "", project_filter()
            )
            if not path:
                return False
        if not self._show(lambda: load_project(path), Path(path).name):
            return False
        self._saved_as(Path(path), translate("ProjectFiles", "{name} opened."))
        return True

    def open_example(self, name: str, ask: bool = True) -> bool:
        """Open an example as a new, unsaved project (Save asks where to keep it).

        ``ask`` False replaces unsaved changes without asking (a lesson going on from an
        example it opened itself); a run under way is still asked about.
        """
        if not self._may_replace(translate("ProjectFiles", "open an example"), ask):
            return False
        if not self._show(lambda: load_example(name), name):
            return False
        self.forget()
        titles = {example.name: example.title for example in examples()}  # translated
        said = translate("ProjectFiles", "Example opened: {name}.")
        self.session.say(said.format(name=titles.get(name, self.session.document.name)))
        return True

    def pick_example(self) -> None:
        """Show the examples; the one chosen opens."""
        self.picker = ExamplePicker(self.parent())
        self.picker.accepted.connect(lambda: self.open_example(self.picker.chosen().name))
        self.picker.finished.connect(self._picker_closed)
        self.picker.open()

    def _picker_closed(self) -> None:
        self.picker.deleteLater()
        self.picker = None

    def _may_replace(self, what: str, ask: bool = True) -> bool:
        """Whether the open project may go: training stopped and unsaved edits dealt with
        (``ask`` False: let go of them)."""
        if self.session.busy and not self.ask_to_stop(what):
            return False
        return self.maybe_save() if ask else True

    def _show(self, load, name: str) -> bool:
        """Read a project with ``load()`` and show it; complain and return False if not.

        An open succeeds whole or changes nothing: should showing it fail
        partway (a Hopfield grid the workspace cannot draw, a plot that
        cannot take the data), what was open is shown again as it was.
        """
        try:
            project = load()
        except NnsimError as exc:
            self._complain(translate("ProjectFiles", "Could not open the project"), str(exc))
            return False
        was_open = self.work()
        try:
            self.session.load(project)
        except Exception as exc:  # whatever broke, the open is undone
            if not isinstance(exc, NnsimError):
                traceback.print_exc()  # for developers: a bug to mend, not the file's fault
            self.put_back(*was_open)
            self._complain(
                translate("ProjectFiles", "Could not open the project"),
                translate("ProjectFiles", "{name}: {reason}").format(
                    name=name, reason=_reason(exc)
                ),
            )
            return False
        return True

    def work(self) -> tuple[Project, Path | None, bool]:
        """What is open: (the project, its file or None, whether it has unsaved changes)."""
        return self.session.project(), self.path, self.modified()

    def put_back(self, project: Project, path: Path | None, modified: bool) -> None:
        """Show ``project`` as :meth:`work` gave it, with its file and unsaved state (after a
        failed open; in the window built again in another language)."""
        self.session.load(project)
        self.path = path
        self._retitle()
        if modified:
            self.mark_unsaved()

    def save(self) -> bool:
        """Save to the project's file, or ask for one; False when nothing was saved."""
        return self._write(self.path) if self.path else self.save_as()

    def save_as(self) -> bool:
        suggested = str(self.path or Path(self.file_stem() + SUFFIX))
        path, _ = QFileDialog.getSaveFileName(
            self.parent(), translate("ProjectFiles", "Save project"), suggested, project_filter()
        )
        if not path:
            return False
        path = Path(path)
        return self._write(path if path.suffix == SUFFIX else path.with_name(path.name + SUFFIX))

    def forget(self) -> None:
        """A new, unsaved network is open."""
        self.path = None
        self._retitle()

    def _write(self, path: Path) -> bool:
        try:
            save_project(path, self.session.project())
        except NnsimError as exc:
            self._complain(translate("ProjectFiles", "Could not save the project"), str(exc))
            return False
        self._saved_as(path, translate("ProjectFiles", "{name} saved."))
        return True

    def _saved_as(self, path: Path, said: str) -> None:
        """``path`` is the project's file now, just written or read; ``said`` ("{name} saved.")
        tells the status bar so."""
        self.path = path
        self.unsaved_work = False
        self.undo_stack.setClean()
        self._tell_modified()  # (a stack clean already says nothing)
        self._remember(path)
        self._retitle()
        self.session.say(said.format(name=path.name))

    def _complain(self, title: str, text: str) -> None:
        complain(self.parent(), self.session, title, text)

    # -------------------------------------------------------------- recent
    def recent(self) -> list[str]:
        value = self.store.value(RECENT_KEY) or []
        return [value] if isinstance(value, str) else list(value)

    def _remember(self, path: Path) -> None:
        entries = [str(path)] + [p for p in self.recent() if p != str(path)]
        self.store.setValue(RECENT_KEY, entries[:MAX_RECENT])

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for entry in self.recent():
            action = self.recent_menu.addAction(Path(entry).name)
            action.setToolTip(plain(entry))
            action.triggered.connect(lambda _=False, p=entry: self.open(p))
        self.recent_menu.setEnabled(bool(self.recent()))


def _reason(exc: Exception) -> str:
    """Why an open failed, for a person: nnsim's own message, or what could not be shown."""
    if isinstance(exc, NnsimError):
        return str(exc)
    return translate(
        "Files",
        "nnsim could not show it, so nothing was changed. This is a fault in nnsim, not "
        "in your file: the details for a bug report went to the terminal.",
    )


def project_filter() -> str:
    """The file dialogs' filter for projects, in the window's language."""
    return translate("Files", FILTER).format(patterns=f"*{SUFFIX}")
