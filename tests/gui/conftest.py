"""GUI tests: main windows to drive, answered file dialogs, and garbage collected in time."""

import gc
import threading
import time
import weakref

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox
from superqt.utils import GeneratorWorker

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


@pytest.fixture
def worker_deaths(monkeypatch):
    """A list that gets, for each superqt worker started from now on, whether Python freed
    it in the GUI thread (True) or elsewhere (False), when it is freed.

    The workers are slow to leave their pool thread (as on a busy machine): the GUI thread
    hears "finished" first, so one it lets go of at once would be freed in the pool thread.
    """
    deaths, gui_thread = [], threading.main_thread().ident
    start, run = GeneratorWorker.start, GeneratorWorker.run

    def watched_start(worker):
        weakref.finalize(worker, lambda: deaths.append(threading.get_ident() == gui_thread))
        start(worker)

    def slow_to_leave(worker):
        run(worker)
        time.sleep(0.05)

    monkeypatch.setattr(GeneratorWorker, "start", watched_start)
    monkeypatch.setattr(GeneratorWorker, "run", slow_to_leave)
    return deaths
