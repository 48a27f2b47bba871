"""Make the README's screenshots: drive nnsim offscreen and save what its window shows.

Run from the repository root after any change to the window::

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots.py

It writes ``docs/main-window.png``: the XOR example right after training.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from nnsim.gui.app import create_main_window

DOCS = Path(__file__).resolve().parent


def train_xor_and_grab(path: Path) -> None:
    """Train the window's XOR example to its target error and save the window as PNG."""
    store = QSettings(str(Path(tempfile.mkdtemp()) / "layout.ini"), QSettings.Format.IniFormat)
    window = create_main_window(store)
    window.resize(1280, 800)
    window.show()
    window.settings.set("speed", "fastest")
    window.training_actions["start"].trigger()
    app, deadline = QApplication.instance(), time.monotonic() + 60
    while window.controller.state not in ("finished", "stopped") and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    window.editor.view.fit_to_window()
    app.processEvents()
    if not window.grab().save(str(path)):
        sys.exit(f"could not write {path}")
    window.close()


if __name__ == "__main__":
    train_xor_and_grab(DOCS / "main-window.png")
    print(f"wrote {DOCS / 'main-window.png'}")
