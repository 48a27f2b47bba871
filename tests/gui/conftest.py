"""GUI tests: main windows to drive, answered file dialogs, and garbage collected in time."""

import gc
import threading
import time
import weakref

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QThreadPool
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox
from superqt.utils import GeneratorWorker

from nnsim.gui.app import create_main_window
from nnsim.gui.hopfield.workspace import HopfieldWorkspace
from nnsim.model.session import Session


@pytest.fixture(autouse=True)
def collect_garbage_here():
    """Delete each test's closed widgets and collect its cyclic garbage, in the main thread.

    Left to itself, Python may collect a closed window's cycles in the next
    test's training worker, destroying Qt objects in the wrong thread.  And
    pytest-qt's ``deleteLater`` of the closed widgets waits for the next event
    loop: a later test's first ``qtbot.wait`` then spent seconds destroying
    thousands of them (a 5-second ``waitUntil`` timed out in CI).
    """
    yield
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def make_workspace(qtbot):
    """``make(side=10, size=(700, 800))``: the Hopfield workspace of a new side x side
    memory's session, shown without a main window.

    Its three parts (the grid's tabs, the library, the recall's tabs) have no
    parent here, so each is registered to be closed and deleted after the test,
    and the workspace itself is deleted: its recall controller's lambdas hold it
    through Qt's connections, which Python's collector cannot see, so left alive
    it kept its plots and their menus, 85 hidden top-level widgets a workspace,
    to slow every later test's event loop.
    """
    made = []

    def make(side=10, size=(700, 800)):
        workspace = HopfieldWorkspace(Session.new_hopfield(side), QUndoStack())
        for widget in (workspace.widget, workspace.library, workspace.side_tabs):
            qtbot.addWidget(widget)
        workspace.widget.resize(*size)
        workspace.widget.show()
        qtbot.waitExposed(workspace.widget)
        made.append(workspace)
        return workspace

    yield make
    for workspace in made:
        workspace.shutdown()
        workspace.deleteLater()  # (deleted with the test's widgets: collect_garbage_here)


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
def let_workers_go():
    """A function of a view or controller that starts workers: wait until the pool threads
    have let go of their runnables, have it let go of its workers (``_workers``, a
    :class:`~nnsim.gui.workers.KeptWorkers`) and collect, so :func:`worker_deaths` hears of
    them all.  A worker nobody held by then was freed in a pool thread."""

    def let_go(holder) -> None:
        assert QThreadPool.globalInstance().waitForDone(10_000)
        # superqt holds each started worker in a set until its "finished" reaches the GUI
        # thread: deliver those (the last worker's may still be queued), then let go.
        QCoreApplication.sendPostedEvents()
        holder._workers.drop_deleted()  # (the workers the pool has deleted are let go here)
        assert len(holder._workers) == 0
        gc.collect()

    return let_go


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
