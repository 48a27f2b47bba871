"""GUI tests: main windows to drive, answered file dialogs, and garbage collected in time."""

import gc

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from nnsim.gui.app import create_main_window


@pytest.fixture(autouse=True)
def collect_garbage_here():
    """Collect each test's cyclic garbage in the main thread, as the app does on a timer.

    Left to itself, Python may collect a closed window's cycles in the next
    test's training worker, destroying Qt objects in the wrong thread.
    """
    yield
    gc.collect()


@pytest.fixture
def make_window(qtbot, tmp_path):
    """Return a function that opens a main window whose layout lives in ``tmp_path``."""
    opened = []

    def make():
        store = QSettings(str(tmp_path / "nnsim.ini"), QSettings.Format.IniFormat)
        window = create_main_window(store, tmp_path / f"data{len(opened)}")
        # Closing at the end of a test discards its edits rather than ask.
        window.files.ask_to_save = lambda: QMessageBox.StandardButton.Discard
        qtbot.addWidget(window)
        opened.append(window)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    for window in opened:
        window.close()


@pytest.fixture
def window(make_window):
    return make_window()


@pytest.fixture
def choose(monkeypatch):
    """``choose(path)``: the next file dialogs, open or save, answer ``path``."""

    def answer(path):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(path), ""))
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(path), ""))

    return answer
