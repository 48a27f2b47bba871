"""Starting the desktop application."""

import gc
import sys

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from nnsim.gui.main_window import MainWindow

#: Milliseconds between collections of Python's cyclic garbage, in the GUI thread.
COLLECT_EVERY_MS = 1000


def collect_garbage_in_gui_thread() -> None:
    """Collect Python's cyclic garbage on a GUI-thread timer, never in a worker.

    Python collects reference cycles in whichever thread happens to allocate
    when a threshold is crossed; if that is the training worker and the cycle
    holds Qt objects (a closed window's), their C++ destructors run in the
    wrong thread and Qt later fires a timer at a deleted object: a crash
    (seen here, about one test run in three).  Automatic collection is
    turned off and a timer of the application collects instead.  Calling
    this again changes nothing.
    """
    app = QCoreApplication.instance()
    if app.property("nnsimCollectsGarbage"):
        return
    gc.disable()
    timer = QTimer(app)
    timer.timeout.connect(gc.collect)
    timer.start(COLLECT_EVERY_MS)
    app.setProperty("nnsimCollectsGarbage", True)


def create_main_window(store: QSettings | None = None) -> MainWindow:
    """Build the main window with the XOR example, without starting the event loop.

    ``store`` is where the window keeps its layout between runs (the user's
    nnsim settings when None; tests pass a file of their own).
    """
    QApplication.instance() or QApplication(sys.argv[:1])
    collect_garbage_in_gui_thread()
    return MainWindow(store)


def run(argv=None) -> int:
    """Open the main window and run until it closes; return the exit status."""
    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    app.setApplicationName("nnsim")
    app.setOrganizationName("nnsim")
    window = create_main_window()
    window.show()
    return app.exec()
