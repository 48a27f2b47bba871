"""The window as a person first sees it at 1280 x 800: nothing cut off that matters."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolButton

from nnsim.gui.window.docks import WIDTHS


def hidden_behind_overflow(toolbar) -> list[str]:
    """The actions a toolbar could not fit (they wait behind its >> button)."""
    return [
        action.iconText()
        for action in toolbar.actions()
        if not action.isSeparator()
        and not (toolbar.widgetForAction(action) and toolbar.widgetForAction(action).isVisible())
    ]


def test_a_first_window_gives_every_panel_room(window):
    assert window.width() == 1280
    assert abs(window.parameters_dock.width() - WIDTHS[False][0]) <= 2
    assert abs(window.plots_dock.width() - WIDTHS[False][1]) <= 2
    assert [hidden_behind_overflow(bar) for bar in window.editor.toolbars] == [[], []]
    tabs = window.plot_tabs.tabBar()
    scroll = [b for b in tabs.findChildren(QToolButton) if b.isVisible()]
    assert scroll == []  # every plot tab fits; none behind arrows
    names = window.panel.tree.header().sectionSize(0)
    assert names >= 0.55 * window.panel.tree.viewport().width()


def test_reset_layout_brings_the_widths_back(window, qtbot):
    window.resizeDocks([window.plots_dock], [600], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: window.plots_dock.width() > 500)
    window.reset_layout_action.trigger()
    qtbot.waitUntil(lambda: abs(window.plots_dock.width() - WIDTHS[False][1]) <= 2)
    assert [hidden_behind_overflow(bar) for bar in window.editor.toolbars] == [[], []]
