"""Autosave in the window: written when something changed, removed on a clean close, offered
after a crash.  What Autosave does on a session alone is in test_autosave_session.py.
"""

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from nnsim.gui.app import create_main_window
from nnsim.io.project import load_project

Button = QMessageBox.StandardButton


@pytest.fixture
def open_window(qtbot, tmp_path):
    """``open_window()``: a window autosaving into ``tmp_path / "data"``."""

    def make():
        store = QSettings(str(tmp_path / "nnsim.ini"), QSettings.Format.IniFormat)
        window = create_main_window(store, tmp_path / "data")
        window.files.ask_to_save = lambda: Button.Discard
        qtbot.addWidget(window)
        return window

    return make


def crash(window) -> None:
    """What a killed process leaves: its autosave in place, its lock no longer held."""
    window.autosave._lock.unlock()
    window.autosave.active = False
    window.autosave.finish()


def test_the_window_s_edits_and_epochs_are_autosaved_and_a_clean_close_removes_it(open_window):
    window = open_window()
    autosave = window.autosave
    assert not autosave.save_if_changed()  # the example the window opens with is no work
    window.panel.set_value("learning_rate", 0.125)
    assert autosave.save_if_changed()
    window.training_actions["step"].trigger()
    assert autosave.save_if_changed()  # an epoch more
    assert len(load_project(autosave.path).history["train"]) == 1
    window.training_actions["stop"].trigger()
    window.close()
    assert not autosave.path.exists()


def test_after_a_crash_the_next_start_offers_the_autosave(open_window):
    crashed = open_window()
    crashed.panel.set_value("learning_rate", 0.375)
    crashed.autosave.save_if_changed()
    path = crashed.autosave.path
    crash(crashed)

    window = open_window()
    assert window.autosave.left_over == path
    questions = []
    window.autosave.ask_to_restore = lambda text: questions.append(text) or Button.Yes
    assert window.autosave.offer_restore()
    assert "did not close properly" in questions[0]
    assert window.settings["learning_rate"] == 0.375
    assert window.files.path is None  # restored work is unsaved until saved


def test_a_second_window_autosaves_to_its_own_file_and_its_crash_is_offered_back(open_window):
    first = open_window()
    first.panel.set_value("learning_rate", 0.25)
    assert first.autosave.save_if_changed()
    second = open_window()
    assert second.autosave.active and second.autosave.left_over is None
    assert second.autosave.path != first.autosave.path
    second.panel.set_value("learning_rate", 0.3)
    assert second.autosave.save_if_changed()
    assert load_project(first.autosave.path).settings["learning_rate"] == 0.25
    assert load_project(second.autosave.path).settings["learning_rate"] == 0.3
    crash(second)
    third = open_window()  # the first still runs: the third finds the second's work
    assert third.autosave.left_over == second.autosave.path
    third.autosave.ask_to_restore = lambda text: Button.Yes
    assert third.autosave.offer_restore()
    assert third.settings["learning_rate"] == 0.3
    third.close()
    first.close()
    assert not first.autosave.path.exists()  # a normal close removes only its own


def test_with_the_first_closed_a_second_window_still_autosaves(open_window):
    first = open_window()
    second = open_window()
    first.close()
    second.panel.set_value("learning_rate", 0.3)
    assert second.autosave.save_if_changed()
    assert second.autosave.path.exists()


def test_a_restored_autosave_is_unsaved_work_and_stays_until_saved(open_window, tmp_path):
    crashed = open_window()
    crashed.panel.set_value("learning_rate", 0.375)
    crashed.autosave.save_if_changed()
    crash(crashed)
    window = open_window()
    window.autosave.ask_to_restore = lambda text: Button.Yes
    assert window.autosave.offer_restore()
    assert window.isWindowModified() and window.files.modified()
    asked = []
    window.files.ask_to_save = lambda: asked.append(True) or Button.Cancel
    window.close()
    assert asked and window.autosave.active, "closing asks about the restored work"
    assert window.autosave.path.exists(), "and its autosave stays"
    window.files._write(tmp_path / "kept.nnsim")
    assert not window.isWindowModified() and not window.files.modified()
    assert load_project(tmp_path / "kept.nnsim").settings["learning_rate"] == 0.375
