"""No Qt object dies in a training worker's thread (issue 14, "Crashes").

A superqt worker is a QRunnable holding a QObject (its signals).  The pool
deletes the runnable in its own thread just after the worker says it has
finished; if the GUI thread has let go of the worker by then, Python frees it
there, and its QObject is destroyed outside the thread it lives in.
"""

import gc
import threading

from PySide6.QtCore import QThreadPool

GUI_THREAD = threading.main_thread().ident


def test_a_finished_worker_is_let_go_in_the_gui_thread(window, qtbot, worker_deaths):
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
    assert worker_deaths == [True] * 3
