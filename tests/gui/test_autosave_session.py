"""Autosave on a Session alone (no MainWindow): what it writes, when, and what it restores."""

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox

from nnsim.errors import ExportError
from nnsim.gui.commands import SettingCommand
from nnsim.gui.project import autosave as autosave_module
from nnsim.gui.project.autosave import Autosave
from nnsim.gui.project.files import ProjectFiles
from nnsim.io.project import load_project
from nnsim.model.session import Session

Button = QMessageBox.StandardButton


class Work:
    """A session with its undo stack, files and autosave into ``folder``, and what it said."""

    def __init__(self, folder, store: QSettings):
        self.session = Session()
        self.stack = QUndoStack()
        self.files = ProjectFiles(self.session, self.stack, None, store, lambda what: True)
        self.files.ask_to_save = lambda: Button.Discard
        self.autosave = Autosave(self.session, self.stack, folder, None, self.files)
        self.said = []
        self.session.events.message.connect(self.said.append)

    def set_value(self, name: str, value) -> None:
        """A settings edit, one undo step (as the parameter panel makes it)."""
        settings = self.session.settings
        old = settings[name]
        settings.set(name, value)
        self.stack.push(SettingCommand(settings, name, old, value))

    def crash(self) -> None:
        """What a killed process leaves: its autosave in place, its lock no longer held."""
        self.autosave._lock.unlock()
        self.autosave.active = False
        self.autosave.finish()


@pytest.fixture
def work(tmp_path, qapp):
    """``work()``: a new Work autosaving into ``tmp_path / "data"``; each is finished after."""
    made = []

    def make() -> Work:
        store = QSettings(str(tmp_path / "nnsim.ini"), QSettings.Format.IniFormat)
        made.append(Work(tmp_path / "data", store))
        return made[-1]

    yield make
    for each in made:
        each.autosave.finish()
        each.stack.blockSignals(True)  # deleted at exit, it would say "clean" to dead slots


def test_only_edits_and_epochs_are_autosaved_and_finish_removes_the_file(work):
    mine = work()
    autosave = mine.autosave
    assert autosave.active and autosave.left_over is None
    assert not autosave.save_if_changed()  # what the session started with is no work
    mine.set_value("learning_rate", 0.125)
    assert autosave.save_if_changed()
    assert load_project(autosave.path).settings["learning_rate"] == 0.125
    assert not autosave.save_if_changed()  # nothing new since
    for _ in mine.session.train(max_epochs=3):
        pass
    assert autosave.save_if_changed()  # three epochs more
    assert len(load_project(autosave.path).history["train"]) == 3
    mine.stack.undo()
    mine.set_value("learning_rate", 0.25)  # back at the same place in the stack
    assert autosave.save_if_changed()
    assert load_project(autosave.path).settings["learning_rate"] == 0.25
    autosave.finish()
    assert not autosave.path.exists()


def test_the_next_session_restores_a_crashed_ones_work_as_unsaved(work):
    crashed = work()
    crashed.set_value("learning_rate", 0.375)
    for _ in crashed.session.train(max_epochs=2):
        pass
    assert crashed.autosave.save_if_changed()
    trained = crashed.session.history.train.tobytes()
    crashed.crash()

    mine = work()
    assert mine.autosave.left_over == crashed.autosave.path
    questions = []
    mine.autosave.ask_to_restore = lambda text: questions.append(text) or Button.Yes
    assert mine.autosave.offer_restore()
    assert "did not close properly" in questions[0]
    session = mine.session
    assert session.settings["learning_rate"] == 0.375
    assert session.history.train.tobytes() == trained
    assert mine.files.path is None and mine.files.modified(), "unsaved until saved"
    assert mine.said[-1] == "Autosaved work restored: save it to keep it."
    assert mine.autosave.path.exists(), "its autosave stays until the work is saved"


def test_declining_the_restore_deletes_the_autosave_and_changes_nothing(work):
    crashed = work()
    crashed.set_value("learning_rate", 0.375)
    assert crashed.autosave.save_if_changed()
    crashed.crash()
    mine = work()
    mine.autosave.ask_to_restore = lambda text: Button.No
    assert not mine.autosave.offer_restore()
    assert not mine.autosave.path.exists()
    assert mine.session.settings["learning_rate"] == 0.5 and not mine.files.modified()


def test_a_failed_autosave_is_said_through_the_session(work, monkeypatch):
    mine = work()
    mine.set_value("learning_rate", 0.2)

    def disk_full(path, project):
        raise ExportError("Could not write autosave.nnsim: No space left on device.")

    monkeypatch.setattr(autosave_module, "save_project", disk_full)
    assert not mine.autosave.save_if_changed()
    assert mine.said == [
        "Autosave failed: Could not write autosave.nnsim: No space left on device."
    ]
