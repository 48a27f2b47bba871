"""Room for every control at 1024 x 700, and the side panels' widths kept (issue 14, §6).

A new user saw toolbars hiding buttons behind ">>" and tabs cut at
1024 x 700, and the side panels narrow after the Hopfield workspace, for
good; read "Speed (epochs pe...", "Early stopping pa..." and "Samples
(generat..."; saw legends over the curves, the Hopfield weights on axes from
-60 to 160, and the Hopfield workspace forcing a 1024-pixel window to 1050
with its tabs cut.
"""

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QMessageBox,
    QTabBar,
    QToolBar,
    QToolButton,
    QTreeWidgetItemIterator,
)

from nnsim.gui.app import create_main_window
from nnsim.gui.window.docks import WIDTHS

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
        shown = [k for k in range(bar.count()) if bar.isTabVisible(k)]  # (a machine's tabs hide)
        outside = [bar.tabText(k) for k in shown if not bar.rect().contains(bar.tabRect(k))]
        if arrows or outside:
            cut.append(", ".join(bar.tabText(k) for k in shown))
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


def cut_names(panel) -> list[str]:
    """The field names a panel shows shorter than they are (elided)."""
    tree = panel.tree
    room = tree.header().sectionSize(0)
    cut = []
    items = QTreeWidgetItemIterator(tree)
    while items.value() is not None:
        item = items.value()
        items += 1
        if item.isHidden() or item.childCount():
            continue  # a group's title spans the row
        text = QFontMetrics(item.font(0)).horizontalAdvance(item.text(0))
        if tree.visualItemRect(item).left() + text > room:
            cut.append(item.text(0))
    return cut


def test_every_parameter_name_shows_whole_at_the_first_size(window, qtbot):
    assert cut_names(window.panel) == []
    window.data_dock.raise_()  # the Data dock's own fields
    qtbot.waitUntil(lambda: window.data_fields.tree.isVisible())
    qtbot.wait(10)
    assert cut_names(window.data_fields) == []


def test_every_parameter_name_shows_whole_at_1024_by_700(small_window, qtbot):
    assert cut_names(small_window.panel) == []
    small_window.files.open_example("digits")  # names of other layers and a wider counter
    qtbot.wait(10)
    assert cut_names(small_window.panel) == []


def test_samples_and_noise_are_offered_for_generated_data_only(window):
    samples = window.panel.field("samples")
    assert not samples.opts["enabled"], "XOR has four samples, whatever Samples says"
    window.panel.set_value("dataset", "moons")
    assert samples.opts["enabled"] and window.panel.field("noise").opts["enabled"]
    assert "Samples (generated sets)" in samples.opts["tip"], "the full name in the tooltip"


def test_the_hopfield_workspace_fits_1024_by_700(small_window, qtbot):
    window = small_window
    window.files.open_example("hopfield_letters")
    qtbot.wait(10)
    assert window.width() == SMALL[0], "its rows of buttons made the window 1050 wide"
    assert tabs_cut(window) == []
    for button in (window.hopfield.run_button, window.hopfield.stop_button):
        assert button.isVisible() and window.rect().contains(
            button.mapTo(window, button.rect().bottomRight())
        )


def test_legends_stand_beside_the_curves_not_over_them(window):
    for widget in (window.error_plot.widget, window.hopfield.plots.overlap_widget):
        plot = widget.getPlotItem()
        assert not plot.legend.sceneBoundingRect().intersects(plot.vb.sceneBoundingRect())


def test_the_hopfield_weights_fill_their_plot_on_the_neurons_axes(window, qtbot):
    window.files.open_example("hopfield_letters")
    window.hopfield.side_tabs.setCurrentIndex(1)
    qtbot.wait(10)
    view = window.hopfield.weights.widget.getPlotItem().getViewBox()
    n = window.hopfield.memory.network.weights.shape[0]
    (x_low, x_high), (y_low, y_high) = view.viewRange()
    assert (x_low, x_high, y_low, y_high) == pytest.approx((0, n, 0, n), abs=1e-6)
