"""Opening project after project keeps nothing of the ones before (issue 14, "Crashes").

Each open builds a new document, controller, panels and scene and hands the
old ones to ``deleteLater()``.  Qt runs those deletions when an event loop
turns; code that drives the window with ``processEvents()`` alone (at no
event loop level) never runs them, and there every open seemed to keep about
2.4 MB and 1,800 Python objects.  With the deletions run, as the window's own
loop runs them, what stayed was three PySide weak references per open on the
status bar's read-out, one for each signal of the new panels and controller
connected to it, never given back while the window lived.
"""

import contextlib
import gc
import weakref

from PySide6.QtCore import QCoreApplication, QEvent

from nnsim.gui.form_tree import FormTree
from nnsim.gui.panels import ParameterPanel
from nnsim.gui.training.worker import TrainingController

OPENS = 8
EXAMPLES = ("xor_2_2_1", "iris", "bug_perceptron")


def settle(qtbot) -> None:
    """What the window's event loop does after an open (timers, deferred deletions), then
    collect."""
    qtbot.wait(5)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def live(cls) -> int:
    return sum(isinstance(thing, cls) for thing in gc.get_objects())


def lasting_parts(window) -> dict:
    """Weak references to the window's parts (those that can have them): the test keeps
    none of them alive."""
    parts = {}
    for name, part in vars(window).items():
        with contextlib.suppress(TypeError):  # None, numbers, containers have none
            parts[name] = weakref.ref(part)
    return parts


def open_again(window, qtbot, path) -> None:
    """File > Open and File > Open Example in turn, OPENS times."""
    for i in range(OPENS):
        assert window.files.open(path) if i % 2 else window.files.open_example(EXAMPLES[i % 3])
        settle(qtbot)


def test_opening_projects_again_and_again_leaves_nothing_behind(window, qtbot, tmp_path):
    path = tmp_path / "project.nnsim"
    assert window.files._write(path)
    open_again(window, qtbot, path)
    parts = lasting_parts(window)
    references = {name: weakref.getweakrefcount(part()) for name, part in parts.items()}

    open_again(window, qtbot, path)

    assert live(TrainingController) == 1
    assert live(ParameterPanel) == live(FormTree) == 2  # the parameters, the data's fields
    # A part of the window that outlives every project gains no weak references: each
    # would be one more connection from a project's objects that nothing takes back.
    kept = {name: part() for name, part in parts.items() if part() is getattr(window, name)}
    assert {"status", "files", "settings", "undo_stack", "editor"} <= kept.keys()
    gained = {
        name: weakref.getweakrefcount(part) - references[name]
        for name, part in kept.items()
        if weakref.getweakrefcount(part) != references[name]
    }
    assert not gained, f"weak references gained by the window's parts over {OPENS} opens"
