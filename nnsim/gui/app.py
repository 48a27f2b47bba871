"""Starting the desktop application."""

import sys

from nnsim.gui.qt_startup import exit_unless_qt_can_start

# Before any Qt library loads: on a machine without the X libraries Qt's xcb plugin
# needs, say which Debian packages to install rather than let Qt abort with its own
# message (which names libxcb-cursor0 whatever is missing).
exit_unless_qt_can_start()

from pyqtgraph.util.garbage_collector import GarbageCollector  # noqa: E402
from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from nnsim.gui.language import chosen_language, install_language  # noqa: E402
from nnsim.gui.preferences import why_not  # noqa: E402
from nnsim.gui.window.icons import give_icons, window_icon  # noqa: E402
from nnsim.gui.window.main_window import MainWindow  # noqa: E402

#: Seconds between checks for Python's cyclic garbage, in the GUI thread.
COLLECT_EVERY_S = 1.0
_collector = None


def collect_garbage_in_gui_thread() -> None:
    """Collect Python's cyclic garbage on a GUI-thread timer, never in a worker.

    Python collects reference cycles in whichever thread happens to allocate
    when a threshold is crossed; if that is the training worker and the cycle
    holds Qt objects (a closed window's), their C++ destructors run in the
    wrong thread and Qt later fires a timer at a deleted object: a crash
    (seen here, about one test run in three).  pyqtgraph's GarbageCollector
    turns automatic collection off and, on a timer, collects each generation
    only when its own threshold is passed (a full collection every second
    would stall the window).  Calling this again changes nothing.
    """
    global _collector
    if _collector is None:
        _collector = GarbageCollector(interval=COLLECT_EVERY_S)


#: How long a thread may hold the GIL while another waits for it (Python's default: 5 ms).
GIL_SWITCH_S = 0.001


def create_main_window(store: QSettings | None = None, data_folder=None) -> MainWindow:
    """Build the main window with the XOR example, without starting the event loop.

    ``store`` is where the window keeps its layout between runs (the user's
    nnsim settings when None; tests pass a file of their own); ``data_folder``
    where it autosaves (the user's data folder when None).
    """
    QApplication.instance() or QApplication(sys.argv[:1])
    collect_garbage_in_gui_thread()
    # Painting a frame calls back into Python many times, each time waiting for the
    # worker to hand over the GIL: at 5 ms a wait, a frame could hold the event loop
    # 100 ms; at 1 ms it stays near 50 (benchmarks/README.md), at no cost to training.
    sys.setswitchinterval(GIL_SWITCH_S)
    window = MainWindow(store, data_folder)
    window.setWindowIcon(window_icon())
    give_icons(window)
    return window


def start_language(store: QSettings) -> str | None:
    """Speak the language chosen in Preferences, else the system's; English when it cannot
    be drawn or loaded here, then return why (else None)."""
    language = chosen_language(store)
    cannot_speak = why_not(language)  # no font for it, or its translation not built
    install_language("en" if cannot_speak else language)
    return cannot_speak


def run(argv=None, project=None) -> int:
    """Open the main window (on ``project``, a .nnsim path, if given) and run until it closes.

    A project that cannot be opened is reported in a dialog over the window,
    which then shows the XOR example.  Returns the exit status.
    """
    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    app.setApplicationName("nnsim")
    app.setOrganizationName("nnsim")
    app.setWindowIcon(window_icon())
    store = QSettings("nnsim", "nnsim")
    cannot_speak = start_language(store)
    window = create_main_window(store)
    if cannot_speak:
        window.session.say(cannot_speak)
    window.show_on_screen()
    QTimer.singleShot(0, window.autosave.offer_restore)
    if project is not None:
        QTimer.singleShot(0, lambda: window.files.open(project))
    else:
        QTimer.singleShot(0, window.offer_lessons)
    return app.exec()
