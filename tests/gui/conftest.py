"""GUI tests: main windows to drive, answered file dialogs, and garbage collected in time."""

import gc

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from nnsim.gui.app import create_main_window


@pytest.fixture(autouse=True)
def collect_garbage_here():
    """Delete what each test handed to deleteLater(), and collect its cyclic garbage in the
    main thread, as the app's event loop and its timer do.

    Left to itself, Python may collect a closed window's cycles in the next
    test's training worker, destroying Qt objects in the wrong thread; and
    tests that drive a window with processEvents() never reach the event
    loop level where deferred deletions run, so every closed window and
    replaced panel stayed alive to the end of the run (the suite slowed
    as it went: a 64 x 64 recall took 0.2 s alone, 0.6 s late in the run).
    """
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
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
