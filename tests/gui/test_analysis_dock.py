"""The Analysis dock: the views inside the network, each under its name, each drawn live
(nnsim.gui.window.analysis), and the Gradient flow view's curves and verdict."""

import numpy as np
import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget

from nnsim.gui.training.gradient_flow_view import GradientFlowView
from nnsim.model.session import Session

NAMES = ("gradientFlow", "lossLandscape", "stateSpace", "sampleLedger", "runComparison")


def train(window, epochs):
    for _ in window.session.train(epochs):
        pass


def test_each_view_is_in_the_analysis_dock_under_its_name(window):
    dock = window.findChild(QDockWidget, "analysisDock")
    assert not dock.isVisible()  # until asked for
    assert tuple(window.analysis.views) == NAMES
    for name in NAMES:
        view = window.analysis.views[name]
        assert view.objectName() == name and dock.isAncestorOf(view)


@pytest.mark.parametrize(
    ("action", "name"),
    [
        ("actionShowGradientFlow", "gradientFlow"),
        ("actionShowStateSpace", "stateSpace"),
        ("actionShowSampleLedger", "sampleLedger"),
    ],
)
def test_a_views_action_shows_the_dock_on_its_tab(window, qtbot, action, name):
    window.findChild(QAction, action).trigger()
    dock = window.findChild(QDockWidget, "analysisDock")
    qtbot.waitUntil(dock.isVisible)
    assert window.analysis.tabs.currentWidget() is window.analysis.views[name]
    # It first takes about a third of the window's height, not half.
    assert dock.height() < 0.5 * window.height()


def test_the_gradient_flow_draws_the_sessions_records(window, qtbot):
    window.findChild(QAction, "actionShowGradientFlow").trigger()
    train(window, 300)
    window.live.draw(force=True)
    view = window.analysis.views["gradientFlow"]
    record = window.session.insight.gradients
    assert len(view.curves) == 2  # 2-4-1: two weight layers
    for layer, (size_curve, ratio_curve) in enumerate(view.curves):
        # xData, yData: the values given (getData gives their logarithms on a log axis)
        assert np.array_equal(size_curve.xData, record.epochs)
        assert np.allclose(size_curve.yData, record.rows[:, layer])
        assert np.allclose(ratio_curve.yData, window.session.insight.ratios.rows[:, layer])
    assert "reach the first layer" in view.verdict.text()
    header, rows = view.table()
    assert header[:2] == ["epoch", "gradient size layer 1"] and len(rows) == len(record)


def test_the_gradient_flow_flags_a_deep_sigmoid_network(qtbot):
    session = Session.new_mlp((2, *[8] * 9, 1), activation="sigmoid")
    for _ in session.train(5):
        pass
    view = GradientFlowView(session)
    qtbot.addWidget(view)
    view.show()
    view.draw()
    assert "vanish" in view.verdict.text()
    assert len(view.curves) == 10


def test_a_perceptron_has_no_gradient_flow_and_says_why(qtbot):
    session = Session.new_perceptron()
    view = GradientFlowView(session)
    qtbot.addWidget(view)
    view.show()
    view.draw()
    assert "perceptron" in view.verdict.text() and view.curves == []


def test_a_hopfield_memory_hides_the_analysis_dock(window, qtbot):
    window.findChild(QAction, "actionShowGradientFlow").trigger()
    window.ask_grid_size = lambda: (5, 5)
    window.new_actions["hopfield"].trigger()
    qtbot.waitUntil(lambda: not window.findChild(QDockWidget, "analysisDock").isVisible())


def test_choosing_a_sample_in_the_ledger_chooses_it_in_the_window(window):
    ledger = window.analysis.views["sampleLedger"]
    ledger.sample_chosen.emit(2)
    assert window.status.sample_selector.value() == 3


def test_the_window_opens_at_its_size_with_the_dock_hidden(window):
    """The hidden Analysis dock once kept the window 1,100 pixels tall."""
    assert window.height() <= 800
