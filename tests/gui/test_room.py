"""Room for every control at 1024 x 700, and the side panels' widths kept (issue 14, §6).

A new user saw toolbars hiding buttons behind ">>" and tabs cut at
1024 x 700, and the side panels narrow after the Hopfield workspace, for
good (test_room_panels.py: the parameter names, the legends, the Hopfield
workspace).
"""

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QTabBar, QToolBar, QToolButton

from nnsim.gui.app import create_main_window
from nnsim.gui.docks import WIDTHS

SMALL = (1024, 700)


def hidden_behind_overflow(toolbar: QToolBar) -> list[str]:
    return [
        action.iconText()
        for action in toolbar.actions()
        if not action.isSeparator()
        and action.isVisible()
        and not (toolbar.widgetForAction(action) and toolbar.widgetForAction(action).isVisible())
    ]


def tabs_cut(window) -> list[str]:
    """Tab bars in the window that scroll or do not show every tab whole."""
    cut = []
    for bar in window.findChildren(QTabBar):
        if not bar.isVisible():
            continue
        arrows = [b for b in bar.findChildren(QToolButton) if b.isVisible()]
        outside = [
            bar.tabText(k) for k in range(bar.count()) if not bar.rect().contains(bar.tabRect(k))
        ]
        if arrows or outside:
            cut.append(", ".join(bar.tabText(k) for k in range(bar.count())))
    return cut


@pytest.fixture
def small_window(make_window, qtbot):
    window = make_window()
    window.resize(*SMALL)
    window.layout_docks.fit_widths()  # as at a first start in a window this size
    qtbot.waitUntil(lambda: window.width() == SMALL[0])
    return window


def test_at_1024_by_700_no_toolbar_hides_a_button_and_no_tab_is_cut(small_window, qtbot):
    window = small_window
    bars = [window.training_toolbar, *window.editor.findChildren(QToolBar)]
    assert {bar.objectName(): hidden_behind_overflow(bar) for bar in bars} == {
        bar.objectName(): [] for bar in bars
    }
    assert tabs_cut(window) == []
    assert window.width() == SMALL[0], "nothing forced the window wider"


def test_the_side_panels_get_their_widths_back_after_the_hopfield_workspace(
    make_window, qtbot, tmp_path
):
    window = make_window()
    window.files.open_example("hopfield_letters")
    window.files.open_example("digits")
    sides = (window.parameters_dock, window.plots_dock)

    def widths_back():
        assert [dock.width() for dock in sides] == pytest.approx(list(WIDTHS[False]), abs=2)

    qtbot.waitUntil(widths_back, timeout=2000)
    window.files.open_example("hopfield_letters")  # closed in the Hopfield workspace
    window.close()
    store = QSettings(str(tmp_path / "nnsim.ini"), QSettings.Format.IniFormat)
    store.remove("window/geometry")  # this screen is smaller than the window: open at 1280
    store.sync()
    again = create_main_window(store, tmp_path / "again")
    again.files.ask_to_save = lambda: QMessageBox.StandardButton.Discard
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    try:
        sides = (again.parameters_dock, again.plots_dock)
        qtbot.waitUntil(widths_back, timeout=2000)
    finally:
        again.close()
