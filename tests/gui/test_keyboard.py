"""Keyboard navigation: Tab walks the panels a person can see; View > Go To jumps to one."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

CTRL = Qt.KeyboardModifier.ControlModifier


def seen(widget: QWidget) -> bool:
    """Whether a person can see ``widget``: shown, and not in a dock behind another's tab."""
    visible, part = widget.isVisible(), widget
    while part is not None:
        if isinstance(part, QDockWidget) and part.visibleRegion().isEmpty():
            return False
        part = part.parentWidget()
    return visible


def press(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier) -> QWidget:
    """Press ``key`` where the keyboard is; return the widget that has it afterwards."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)
    return QApplication.focusWidget()


def walk(qtbot, start: QWidget, key, limit: int = 80) -> list[QWidget]:
    """Press ``key`` from ``start`` until focus comes back to it; the widgets visited, in order.

    Each must be one a person can see when it has the keyboard (a field's editor
    hides again once left).
    """
    start.setFocus()
    visited = []
    while len(visited) < limit:
        widget = press(qtbot, key)
        if widget is start:
            return visited
        assert seen(widget), f"Tab went to {widget}, which nobody can see"
        visited.append(widget)
    pytest.fail(f"Tab never came back to {start}: trapped in {visited[-3:]}")


def field_editor(panel, name: str) -> QWidget:
    """The editor widget of a parameter field."""
    (item,) = panel.field(name).items.keys()
    return item.widget


def shown_fields(panel) -> list[str]:
    return [
        field.name()
        for group in panel.root.children()
        for field in group.children()
        if field.opts["visible"] and field.opts["enabled"] and not field.opts.get("readonly")
    ]


def test_tab_walks_every_field_in_order_and_leaves_the_panel(window, qtbot):
    visited = walk(qtbot, window.editor.view, Qt.Key.Key_Tab)
    editors = {field_editor(window.panel, name): name for name in shown_fields(window.panel)}
    in_panel = [editors[w] for w in visited if w in editors]
    assert in_panel == shown_fields(window.panel)  # each once, top to bottom
    assert window.status.sample_selector in visited  # out of the tree, into the toolbar
    assert not any(window.data_dock.isAncestorOf(w) for w in visited)


def test_shift_tab_walks_the_same_way_back(window, qtbot):
    forward = walk(qtbot, window.editor.view, Qt.Key.Key_Tab)
    backward = walk(qtbot, window.editor.view, Qt.Key.Key_Backtab)
    assert backward == forward[::-1]


def test_go_to_puts_the_keyboard_in_each_panel(window, qtbot):
    view = window.editor.view
    view.setFocus()
    assert window.parameters_dock.isAncestorOf(press(qtbot, Qt.Key.Key_2, CTRL))
    assert QApplication.focusWidget() is field_editor(window.panel, "bias")  # the first field
    in_data = press(qtbot, Qt.Key.Key_3, CTRL)
    assert window.data_dock.isAncestorOf(in_data) and seen(window.data_dock)
    assert not seen(window.parameters_dock)  # the Data tab came to the front
    assert window.data_view.table in walk(qtbot, in_data, Qt.Key.Key_Tab)  # and Tab leaves it
    assert window.plots_dock.isAncestorOf(press(qtbot, Qt.Key.Key_4, CTRL))
    window.plots_dock.close()
    assert window.plots_dock.isAncestorOf(press(qtbot, Qt.Key.Key_4, CTRL))  # shown again
    assert press(qtbot, Qt.Key.Key_1, CTRL) is view
    press(qtbot, Qt.Key.Key_5, CTRL)
    assert window.explain_dock.isVisible()


def test_a_hopfield_memory_has_its_own_panels_to_go_to(window, qtbot):
    window.ask_grid_size = lambda: (5, 5)
    window.new_actions["hopfield"].trigger()
    grid = window.hopfield.widget
    assert window.patterns_dock.isAncestorOf(press(qtbot, Qt.Key.Key_2, CTRL))
    assert window.recall_dock.isAncestorOf(press(qtbot, Qt.Key.Key_3, CTRL))
    assert grid.isAncestorOf(press(qtbot, Qt.Key.Key_1, CTRL))
    press(qtbot, Qt.Key.Key_4, CTRL)  # Plots belongs to trainable networks: nothing happens
    assert not window.plots_dock.isVisible()
    visited = walk(qtbot, QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert any(window.patterns_dock.isAncestorOf(w) for w in visited)
    go_to = {a.objectName(): a.isVisible() for a in window.panel_keys.menu.actions()}
    assert go_to["actionGoTorecallDock"] and not go_to["actionGoToplotsDock"]


def test_every_dock_can_be_gone_to(window):
    names = {a.objectName() for a in window.panel_keys.menu.actions()}
    docks = {d.objectName() for d in window.findChildren(QDockWidget)}
    assert names == {"actionGoToMiddle"} | {f"actionGoTo{name}" for name in docks}


def test_keys_then_new_networks_of_both_kinds_leave_every_widget_alive(window, qtbot):
    """Going through the panels must not hand Qt's widgets to Python to delete (it once
    did: the next new network deleted the status bar's wrapper, and closing crashed)."""
    from shiboken6 import isValid

    window.ask_grid_size = lambda: (5, 5)
    press(qtbot, Qt.Key.Key_2, CTRL)
    walk(qtbot, QApplication.focusWidget(), Qt.Key.Key_Tab)
    for kind in ("perceptron", "hopfield", "mlp"):
        press(qtbot, Qt.Key.Key_2, CTRL)
        press(qtbot, Qt.Key.Key_Tab)
        window.new_actions[kind].trigger()
        qtbot.wait(50)  # the old panels are deleted
        held = (window.status.bar, window.training_toolbar, window.status.sample_selector)
        assert all(isValid(widget) for widget in held), kind


def test_after_a_new_network_the_panel_behind_a_tab_is_still_passed_over(window, qtbot):
    window.new_actions["mlp"].trigger()
    window.data_dock.raise_()
    assert not window.panel.isEnabled() and window.data_view.isEnabled()
    visited = walk(qtbot, window.editor.view, Qt.Key.Key_Tab)
    assert not any(window.parameters_dock.isAncestorOf(w) for w in visited)
    window.parameters_dock.raise_()
    assert window.panel.isEnabled() and not window.data_view.isEnabled()


def test_tab_goes_round_a_floating_parameters_panel(window, qtbot):
    window.parameters_dock.setFloating(True)
    window.parameters_dock.activateWindow()
    qtbot.waitUntil(window.parameters_dock.isActiveWindow)
    last = shown_fields(window.panel)[-1]
    (item,) = window.panel.field(last).items.keys()
    item.setFocus()
    assert QApplication.focusWidget() is field_editor(window.panel, last)
    first = shown_fields(window.panel)[0]  # its window holds nothing else to go to
    assert press(qtbot, Qt.Key.Key_Tab) is field_editor(window.panel, first)
    assert press(qtbot, Qt.Key.Key_Backtab) is field_editor(window.panel, last)
