"""Starting the desktop application."""

import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from nnsim.gui.main_window import MainWindow


def create_main_window(store: QSettings | None = None) -> MainWindow:
    """Build the main window with the XOR example, without starting the event loop.

    ``store`` is where the window keeps its layout between runs (the user's
    nnsim settings when None; tests pass a file of their own).
    """
    QApplication.instance() or QApplication(sys.argv[:1])
    return MainWindow(store)


def run(argv=None) -> int:
    """Open the main window and run until it closes; return the exit status."""
    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    app.setApplicationName("nnsim")
    app.setOrganizationName("nnsim")
    window = create_main_window()
    window.show()
    return app.exec()
