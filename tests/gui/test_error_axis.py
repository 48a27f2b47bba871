"""The error plot's epoch axis follows the curve (issue 14, section 6).

It used to span the Epochs setting from the start: a perceptron that
learnt AND in a handful of epochs was a spike at 0 on an axis to 20,000,
and before any training the error axis read -0.4 to 0.4.
"""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar

from nnsim.gui.plots import ErrorPlot, epoch_extent
from nnsim.model.history import LossHistory
from nnsim.model.session import Session

WAIT_MS = 30_000


@pytest.fixture
def plot(qtbot):
    plot = ErrorPlot(Session())
    qtbot.addWidget(plot.widget)
    plot.widget.resize(400, 300)
    plot.widget.show()
    return plot


def ranges(plot):
    return plot.widget.getPlotItem().vb.viewRange()


def history_of(count):
    history = LossHistory()
    history.extend(np.linspace(1.0, 0.1, count))
    return history


def test_a_short_run_fills_the_epoch_axis_and_the_far_limit_is_not_drawn(plot):
    plot.show_history(history_of(5), max_epochs=20_000)
    (x_low, x_high), _ = ranges(plot)
    assert x_low <= 1 and 5 <= x_high <= 25, "five epochs span the plot, not 1/4000 of it"
    assert not plot.limit_line.isVisible()


def test_the_limit_is_a_faint_marker_once_the_curve_nears_it(plot):
    plot.show_history(history_of(15_000), max_epochs=20_000)
    (_, x_high), _ = ranges(plot)
    assert 20_000 <= x_high <= 21_000
    assert plot.limit_line.isVisible() and plot.limit_line.value() == 20_000
    assert "20,000" in plot.limit_line.label.toPlainText()
    plot.show_history(history_of(25_000), max_epochs=20_000)  # trained on past the limit
    (_, x_high), _ = ranges(plot)
    assert x_high >= 25_000 and plot.limit_line.isVisible()


def test_the_axis_grows_in_few_steps_as_a_run_goes_on():
    extents = [epoch_extent(count, 100_000) for count in range(1, 100_001)]
    assert all(e >= c for c, e in enumerate(extents, start=1)), "the curve always fits"
    assert all(e <= max(10, 2.5 * c) for c, e in enumerate(extents, start=1)), "and fills it"
    assert len(set(extents)) <= 3 * 5, "re-ticked a few times per decade, not every frame"


def test_before_training_the_axes_start_at_zero(plot):
    plot.show_history(LossHistory(), max_epochs=20_000)
    (x_low, x_high), (y_low, y_high) = ranges(plot)
    assert -1 <= x_low <= 0 < x_high <= 20
    assert -0.1 <= y_low <= 0 < y_high, "errors are never negative"


def test_a_perceptron_that_learns_in_a_few_epochs_fills_the_plot(qtbot, window):
    window.findChild(object, "actionNewPerceptron").trigger()
    toolbar = window.findChild(QToolBar, "trainingToolBar")
    start = toolbar.widgetForAction(window.training_actions["start"])
    qtbot.mouseClick(start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session.state == "finished", timeout=WAIT_MS)
    count = window.session.history.count
    assert count < window.settings["max_epochs"] / 100, "the run stopped at its target"
    window.live.draw(force=True)
    (_, x_high), _ = ranges(window.error_plot)
    assert count <= x_high <= max(10, 2.5 * count) * 1.05
