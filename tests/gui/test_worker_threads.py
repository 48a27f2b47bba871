"""No Qt object dies in a worker's thread (issue 14, "Crashes"): training, measurements, recall.

A superqt worker is a QRunnable holding a QObject (its signals).  The pool
deletes the runnable in its own thread just after the worker says it has
finished; if the GUI thread has let go of the worker by then, Python frees it
there, and its QObject is destroyed outside the thread it lives in.
"""

import gc
import threading

import numpy as np
from PySide6.QtCore import QThreadPool

from nnsim.gui.hopfield.measuring import Measurement
from nnsim.gui.hopfield.recall import RecallController
from nnsim.model.memory import PatternMemory

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


def test_a_measurement_lets_go_of_its_workers_in_the_gui_thread(
    qtbot, worker_deaths, let_workers_go
):
    measurement = Measurement()
    for count in (3, 5, 2):
        with qtbot.waitSignal(measurement.completed, timeout=10_000):
            measurement.start(lambda should_stop, count=count: iter(range(count)))
    let_workers_go(measurement)
    assert worker_deaths == [True] * 3


def test_a_hopfield_recall_lets_go_of_its_workers_in_the_gui_thread(
    qtbot, worker_deaths, let_workers_go
):
    memory = PatternMemory(8, 8)
    pattern = np.repeat([[1.0] * 4 + [-1.0] * 4], 8, axis=0).ravel()
    memory.add_patterns([("left", pattern)])
    memory.store("hebb")
    recall = RecallController(memory)
    for flipped in ([0, 9], [20, 43], [5]):
        probe = pattern.copy()
        probe[flipped] *= -1
        memory.set_current(probe)
        with qtbot.waitSignal(recall.finished, timeout=10_000):
            recall.run()
        recall.reset()
        np.testing.assert_array_equal(memory.current, pattern)
    let_workers_go(recall)
    assert worker_deaths == [True] * 3
