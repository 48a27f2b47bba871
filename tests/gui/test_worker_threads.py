"""No Qt object dies in a training worker's thread (issue 14, "Crashes").

A superqt worker is a QRunnable holding a QObject (its signals).  The pool
deletes the runnable in its own thread just after the worker says it has
finished; if the GUI thread has let go of the worker by then, Python frees it
there, and its QObject is destroyed outside the thread it lives in.
"""

import gc
import threading
import time
import weakref

from PySide6.QtCore import QThreadPool
from superqt.utils import GeneratorWorker

GUI_THREAD = threading.main_thread().ident


def test_a_finished_worker_is_let_go_in_the_gui_thread(window, qtbot, monkeypatch):
    freed_in_gui_thread = []
    start, run = GeneratorWorker.start, GeneratorWorker.run

    def watched_start(worker):
        weakref.finalize(
            worker, lambda: freed_in_gui_thread.append(threading.get_ident() == GUI_THREAD)
        )
        start(worker)

    def slow_to_leave(worker):
        run(worker)
        time.sleep(0.05)  # a busy machine: the GUI thread hears "finished" first

    monkeypatch.setattr(GeneratorWorker, "start", watched_start)
    monkeypatch.setattr(GeneratorWorker, "run", slow_to_leave)
    train = window.training_actions
    for _ in range(3):
        train["start"].trigger()
        qtbot.wait(20)
        train["stop"].trigger()
        qtbot.waitUntil(lambda: window.session.state == "stopped")
        qtbot.wait(100)  # meanwhile the pool thread lets go of the runnable
    # On a loaded machine 100 ms may not be enough for the last one: wait for the pool. (Had
    # the controller let go of a worker already, the pool thread would free it now: False.)
    assert QThreadPool.globalInstance().waitForDone(10_000)
    window.controller.shutdown()
    gc.collect()
    assert freed_in_gui_thread == [True] * 3
