"""Autosave every few minutes, and after a crash an offer to restore what was autosaved.

:class:`Autosave` writes the window's project (as File > Save would) to
``autosave.nnsim`` in the user's data folder every :data:`INTERVAL_MS`, when
something changed since the last autosave (an edit or more training), and
removes the file when the window closes normally.  A file still there at the
next start means nnsim did not close: :meth:`Autosave.offer_restore` asks
whether to open it.

Only one nnsim at a time autosaves: a :class:`QLockFile` in the data folder
says which (Qt takes over a lock whose process has died).  A second window
started meanwhile neither autosaves nor offers to restore.
"""

from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale, QLockFile, QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from nnsim.errors import NnsimError
from nnsim.io.project import load_project, save_project

#: Milliseconds between autosaves.
INTERVAL_MS = 3 * 60 * 1000
FILE_NAME = "autosave.nnsim"
LOCK_NAME = "autosave.lock"
Button = QMessageBox.StandardButton


class Autosave(QObject):
    """Autosave for one main window (its Qt parent), into ``folder``.

    Attributes
    ----------
    path : Path
        The autosave file.
    active : bool
        Whether this window autosaves (it holds the folder's lock).
    """

    def __init__(self, window, folder: Path):
        super().__init__(window)
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / FILE_NAME
        self._lock = QLockFile(str(folder / LOCK_NAME))
        self._lock.setStaleLockTime(0)  # a lock outlives its process only after a crash
        self.active = self._lock.tryLock(0)
        #: An autosave found at start: what a crash left (only for the lock's holder).
        self.left_over = self.path if self.active and self.path.exists() else None
        self._edits = 0  # undo stack moves so far: an undo then a new edit is two
        window.undo_stack.indexChanged.connect(self._count_edit)
        self._saved_state = self._state()  # what the window opened with needs no autosave
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.save_if_changed)
        if self.active:
            self.timer.start()

    @property
    def window(self):
        return self.parent()

    def _count_edit(self, _index: int) -> None:
        self._edits += 1

    def _state(self) -> tuple:
        """What changes when there is something new to autosave: edits and epochs."""
        window = self.window
        return (id(window.document), self._edits, window.controller.history.count)

    def save_if_changed(self) -> bool:
        """Write the autosave if anything changed since the last; True if written."""
        if not self.active or self._state() == self._saved_state:
            return False
        try:
            save_project(self.path, self.window.current_project())
        except NnsimError as exc:
            self.window.status.show_message(f"Autosave failed: {exc}")
            return False
        self._saved_state = self._state()
        return True

    def offer_restore(self) -> bool:
        """After a crash, ask whether to open the autosaved project; True if it was opened."""
        if self.left_over is None:
            return False
        found, self.left_over = self.left_over, None
        when = QDateTime.fromSecsSinceEpoch(int(found.stat().st_mtime))
        answer = self.ask_to_restore(
            "nnsim did not close properly last time. Open the work it autosaved at "
            f"{QLocale().toString(when, QLocale.FormatType.ShortFormat)}?"
        )
        if answer != Button.Yes:
            found.unlink(missing_ok=True)
            return False
        try:
            project = load_project(found)
        except NnsimError as exc:
            self.window.status.show_message(f"The autosave could not be opened: {exc}")
            return False
        self.window.show_project(project)
        self.window.files.forget()
        self.window.status.show_message("Autosaved work restored: save it to keep it.")
        return True

    def ask_to_restore(self, question: str) -> Button:
        """Yes or No (tests replace this)."""
        return QMessageBox.question(self.window, "Restore autosaved work?", question)

    def finish(self) -> None:
        """The window closes normally: nothing to restore next time."""
        self.timer.stop()
        if self.active:
            self.path.unlink(missing_ok=True)
            self._lock.unlock()
            self.active = False
