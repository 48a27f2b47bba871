"""Autosave every few minutes, and after a crash an offer to restore what was autosaved.

:class:`Autosave` writes the session's project (as File > Save would) to its
own file in the user's data folder every :data:`INTERVAL_MS`, when something
changed since the last autosave (an edit or more training), and removes the
file when the window closes normally.  A file still there at the next start
means an nnsim did not close: :meth:`Autosave.offer_restore` asks whether to
open it.  A restored project is unsaved work, and its autosave stays until
the window closes normally.

Each running nnsim has a slot of its own: ``autosave.nnsim`` for the first,
``autosave-2.nnsim`` for a second started beside it, and so on, each held by
a :class:`QLockFile` (Qt takes over a lock whose process has died).  A new
nnsim takes the slot of the newest work a crashed one left, and offers it
back; other left-overs wait for the next start.
"""

from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale, QLockFile, QObject, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from nnsim.errors import NnsimError
from nnsim.gui.project.files import ProjectFiles
from nnsim.io.project import load_project, save_project
from nnsim.model.session import Session
from nnsim.text import translate

#: Milliseconds between autosaves.
INTERVAL_MS = 3 * 60 * 1000
#: How many nnsim windows may autosave side by side (one slot each).
MAX_SLOTS = 16
Button = QMessageBox.StandardButton


class Autosave(QObject):
    """Autosave of ``session`` into ``folder``, in a slot of its own while its window runs.

    Parameters
    ----------
    session : Session
        What is autosaved, and where restored work opens.
    undo_stack : QUndoStack
        Its edits: each move of the stack is something new to autosave.
    folder : Path
        The user's data folder.
    parent : QWidget or None
        Parent of the question after a crash (the main window).
    files : ProjectFiles
        Restored work opens through it, as a new, unsaved project.

    Attributes
    ----------
    path : Path or None
        This window's autosave file (None when every slot is taken).
    active : bool
        Whether this window autosaves (it holds a slot's lock).
    left_over : Path or None
        An autosave found at start: what a crash left, to offer back.
    """

    def __init__(
        self,
        session: Session,
        undo_stack: QUndoStack,
        folder: Path,
        parent: QWidget | None,
        files: ProjectFiles,
    ):
        super().__init__(parent)
        self.session, self.files = session, files
        folder.mkdir(parents=True, exist_ok=True)
        self._lock, self.path = _take_slot(folder)
        self.active = self._lock is not None
        self.left_over = self.path if self.active and self.path.exists() else None
        self._edits = 0  # undo stack moves so far: an undo then a new edit is two
        undo_stack.indexChanged.connect(self._count_edit)
        self._saved_state = self._state()  # what the window opened with needs no autosave
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.save_if_changed)
        if self.active:
            self.timer.start()

    def _count_edit(self, _index: int) -> None:
        self._edits += 1

    def _state(self) -> tuple:
        """What changes when there is something new to autosave: edits and epochs."""
        session = self.session
        return (id(session.document), self._edits, session.history.count)

    def save_if_changed(self) -> bool:
        """Write the autosave if anything changed since the last; True if written."""
        if not self.active or self._state() == self._saved_state:
            return False
        try:
            save_project(self.path, self.session.project())
        except NnsimError as exc:
            self.session.say(translate("Autosave", "Autosave failed: {reason}").format(reason=exc))
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
            translate(
                "Autosave",
                "nnsim did not close properly last time. Open the work it autosaved at {time}?",
            ).format(time=QLocale().toString(when, QLocale.FormatType.ShortFormat))
        )
        if answer != Button.Yes:
            found.unlink(missing_ok=True)
            return False
        try:
            project = load_project(found)
        except NnsimError as exc:
            said = translate("Autosave", "The autosave could not be opened: {reason}")
            self.session.say(said.format(reason=exc))
            return False
        self.session.load(project)
        self.files.forget()
        self.files.mark_unsaved()  # and its autosave stays until it is saved
        self.session.say(translate("Autosave", "Autosaved work restored: save it to keep it."))
        return True

    def ask_to_restore(self, question: str) -> Button:
        """Yes or No (tests replace this)."""
        title = translate("Autosave", "Restore autosaved work?")
        return QMessageBox.question(self.parent(), title, question)

    def finish(self) -> None:
        """The window closes normally: nothing to restore next time."""
        self.timer.stop()
        if self.active:
            self.path.unlink(missing_ok=True)
            self._lock.unlock()
            self.active = False


def slot_files(folder: Path, slot: int) -> tuple[Path, Path]:
    """(autosave file, lock file) of ``slot`` (1, 2, ...) in ``folder``."""
    stem = "autosave" if slot == 1 else f"autosave-{slot}"
    return folder / f"{stem}.nnsim", folder / f"{stem}.lock"


def _take_slot(folder: Path) -> tuple[QLockFile | None, Path | None]:
    """Lock a free slot: the one whose crashed owner left the newest autosave, else the first.

    Returns (its held lock, its autosave file), or (None, None) when every slot is in use.
    """
    free = []  # (lock held, autosave file)
    for slot in range(1, MAX_SLOTS + 1):
        path, lock_path = slot_files(folder, slot)
        lock = QLockFile(str(lock_path))
        lock.setStaleLockTime(0)  # a lock outlives its process only after a crash
        if lock.tryLock(0):
            free.append((lock, path))
    if not free:
        return None, None
    left_overs = [(path.stat().st_mtime, n) for n, (_, path) in enumerate(free) if path.exists()]
    chosen = max(left_overs)[1] if left_overs else 0
    for n, (lock, _) in enumerate(free):
        if n != chosen:
            lock.unlock()
    return free[chosen]
