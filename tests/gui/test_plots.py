"""The error and decision plots draw what the numbers say."""

import numpy as np
import pytest

from nnsim.engine import Perceptron, datasets
from nnsim.engine.metrics import labels_from_outputs
from nnsim.gui.plots import CURVE_POINTS, LINE_ANIMATION_MS, DecisionPlot, ErrorPlot, decimate
from nnsim.gui.plots.common import decade_ticks
from nnsim.model.history import LossHistory
from nnsim.model.session import Session
from nnsim.resource_files import resource_path


def test_decimation_keeps_every_stretchs_extremes_in_order():
    x = np.arange(1, 100_001)
    y = np.sin(x / 500.0) + (x == 77_777) * 5.0  # one spike
    dx, dy = decimate(x, y)
    assert len(dx) <= 2 * (CURVE_POINTS + 1) and np.all(np.diff(dx) >= 0)
    assert dy.max() == y.max() and dy.min() == y.min(), "the spike and the floor survive"
    short_x, short_y = decimate(x[:100], y[:100])
    assert np.array_equal(short_x, x[:100]) and np.array_equal(short_y, y[:100]), "kept whole"


def test_the_error_plot_shows_accuracy_only_when_measured(qtbot):
    plot = ErrorPlot(Session.open(resource_path("examples", "km_to_miles.nnsim")))  # regression
    qtbot.addWidget(plot.widget)
    history = LossHistory()
    history.extend(np.array([0.5, 0.4, 0.3]), None, None)
    plot.show_history(history, max_epochs=1000)
    assert not plot.accuracy_curve.isVisible()
    history.extend(np.array([0.2]), 0.25, 0.75)
    plot.show_history(history, max_epochs=1000)
    x, y = plot.accuracy_curve.getData()
    assert plot.accuracy_curve.isVisible() and (x.tolist(), y.tolist()) == ([4], [75.0])
    vx, vy = plot.validation_curve.getData()
    assert (vx.tolist(), vy.tolist()) == ([4], [0.25])


@pytest.mark.parametrize(("rule", "level"), [("rosenblatt", 0.0), ("lms", 0.5)])
def test_a_perceptrons_separating_line(qtbot, rule, level):
    plot = DecisionPlot(Session())
    qtbot.addWidget(plot.widget)
    data = datasets.and_gate()
    plot.set_data(data)
    net = Perceptron(2, rule=rule, rng=0)
    net.weights = [[1.0, 2.0]]
    net.bias = [-1.5]
    plot.show_network(net)
    x, y = plot.separator.getData()
    np.testing.assert_allclose(1.0 * x + 2.0 * y - 1.5, level)
    expected_wrong = int((labels_from_outputs(net.predict(data.X)) != data.y).sum())
    assert plot.misclassified == expected_wrong


def test_a_perceptron_step_rings_the_sample_and_the_line_glides_leaving_a_trail(qtbot):
    plot = DecisionPlot(Session())
    qtbot.addWidget(plot.widget)
    data = datasets.and_gate()
    net = Perceptron(2, rng=5)
    plot.set_data(data)
    plot.show_network(net)
    start = plot.separator.getData()
    plot.set_trail(True)
    net.weights = net.weights + np.array([[0.3, -0.2]])
    plot.show_sample_step(net, 2)
    assert plot.stepped.data["x"].tolist() == [1.0] and plot.stepped.data["y"].tolist() == [0.0]
    assert len(plot.trail) == 1
    np.testing.assert_allclose(plot.trail[0].getData()[1], start[1])  # the old line stays
    assert plot.gliding
    qtbot.waitUntil(lambda: not plot.gliding, timeout=LINE_ANIMATION_MS + 5_000)
    x, y = plot.separator.getData()
    (w1, w2), b = net.weights[0], net.bias[0]
    np.testing.assert_allclose(w1 * x + w2 * y + b, 0.0, atol=1e-9)  # it arrived on the new line
    plot.set_trail(False)
    assert plot.trail == []


def test_a_one_input_curve_far_from_its_data_is_shown_whole(qtbot):
    session = Session.open(resource_path("examples", "ladybird_caterpillar.nnsim"))
    plot = DecisionPlot(session)
    qtbot.addWidget(plot.widget)
    view = plot.widget.getPlotItem().getViewBox()
    plot.draw()
    _low, high = view.viewRange()[1]
    assert high < 5, "the data's own height first (lengths 1.1 and 2.9)"
    session.set_number(2.9, "n4", "n2")  # L = 1 overshoots: 8.7 at the ladybird's width 3
    plot.draw()
    assert view.viewRange()[1][1] >= 8.7, "the line's far end is on the plot"
    session.set_number(1e12, "n4", "n2")  # far off: the plot does not squash the data flat
    plot.draw()
    assert view.viewRange()[1][1] < 2.9 + 25 * (2.9 - 1.1)  # (20 times, and a margin)


def test_log_axes_are_labelled_by_decades_or_left_to_pyqtgraph_within_one():
    major, minor = decade_ticks(0.001, 1.0)
    assert [label for _, label in major] == ["0.001", "0.01", "0.1", "1"]
    assert "0.2" in [label for _, label in minor]
    assert decade_ticks(0.118, 0.13) is None  # no 1, 2 or 5 inside: pyqtgraph's own ticks
