"""Test set-up shared by every test: headless Qt, and no thread left running."""

import os
import threading

import pytest

# Before anything imports Qt or pyqtgraph.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from PySide6.QtCore import QStandardPaths  # after the variables above

# A window a test builds without its own folders keeps its files out of the user's.
QStandardPaths.setTestModeEnabled(True)


@pytest.fixture(autouse=True)
def no_unanswered_questions(monkeypatch):
    """A modal question nobody answers would hang the run: fail the test instead."""
    from PySide6.QtWidgets import QMessageBox

    def unanswered(parent, title, text, *args, **kwargs):
        raise AssertionError(f"the test left a question unanswered: {title!r}: {text!r}")

    monkeypatch.setattr(QMessageBox, "question", unanswered)


@pytest.fixture(autouse=True)
def no_thread_left_running():
    """Fail a test that leaves a thread (a training worker, say) running after it."""
    before = set(threading.enumerate())
    yield
    left = [t for t in threading.enumerate() if t not in before and t.is_alive()]
    for thread in left:
        thread.join(timeout=5)
    still_running = [t.name for t in left if t.is_alive()]
    assert not still_running, f"threads still running after the test: {still_running}"
