"""No Python wrapper outlives the Qt item it wraps (issue 14, "Crashes": the abuse test's segfault).

PySide hears when a QObject is deleted, and when an object made in Python
is, but not when Qt deletes an item it made itself, such as a tree's
invisible root item.  A wrapper of such an item, kept past the tree,
stays "valid" on freed memory and registered under its address: PySide
then hands it out for the next Qt object put there (a spin box's line
edit came back as a QTreeWidgetItem) and destroys it again when that object
goes, a segfault in deferred deletion.  The abuse test crashed so about
once in a hundred seeds, in the ``qtbot.wait`` where an opened project's
old parameter panels were deleted.
"""

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication, QTreeWidget, QTreeWidgetItem


def stale_item_wrappers() -> list:
    """Valid wrappers of tree items Qt made (PySide cannot hear of their deletion) that no
    tree alive holds any more."""
    alive = set()
    for widget in QApplication.allWidgets():
        if isinstance(widget, QTreeWidget):
            items = [QTreeWidget.invisibleRootItem(widget), widget.headerItem()]
            while items:
                item = items.pop()
                alive.add(shiboken6.getCppPointer(item)[0])
                items += [item.child(row) for row in range(item.childCount())]
    return [
        wrapper
        for wrapper in shiboken6.getAllValidWrappers()
        if isinstance(wrapper, QTreeWidgetItem)
        and not shiboken6.createdByPython(wrapper)
        and shiboken6.getCppPointer(wrapper)[0] not in alive
    ]


def test_an_old_parameter_panel_leaves_no_wrapper_of_its_tree_behind(window):
    # Python keeps a panel's objects a while after Qt deletes them (a pending timer,
    # a cycle not yet collected): here, for as long as the test holds them.
    old = [window.panel, window.panel.tree, window.data_fields.tree]
    for name in ("iris", "bug_perceptron"):
        assert window.files.open_example(name)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not any(shiboken6.isValid(part) for part in old), "the old panel is deleted"
    assert stale_item_wrappers() == []
