"""The weights plot and the results view, checked against the numbers they draw."""

import numpy as np
import pyqtgraph as pg
import pytest

from nnsim.engine import MLP, datasets, metrics
from nnsim.gui.palette import NEGATIVE, POSITIVE
from nnsim.gui.training.results import ResultsView
from nnsim.gui.training.weights_plot import WeightsPlot
from nnsim.model.session import Session


def test_a_hinton_diagram_sizes_squares_by_magnitude_and_colours_them_by_sign(qtbot):
    plot = WeightsPlot(Session())
    qtbot.addWidget(plot.widget)
    weights = [np.array([[0.5, -2.0], [0.0, 1.0]]), np.array([[3.0, -0.75]])]
    plot.set_network(weights)
    (_, first), (_, second) = plot.layers
    spots = first.data
    assert len(second.data) == 2
    np.testing.assert_allclose(
        spots["size"], [np.sqrt(0.25) * 0.95, 0.95, 0.02, np.sqrt(0.5) * 0.95]
    )
    assert [b.color().name() for b in spots["brush"]] == [
        pg.mkColor(c).name() for c in (POSITIVE, NEGATIVE, POSITIVE, POSITIVE)
    ]
    assert list(zip(spots["x"], spots["y"], strict=True)) == [(0, 0), (1, 0), (0, 1), (1, 1)]
    _, counts = plot.bars.getData()
    assert counts.sum() == 6, "the histogram counts every weight once"


def test_a_textbook_sized_layer_is_drawn_as_an_image(qtbot):
    plot = WeightsPlot(Session())
    qtbot.addWidget(plot.widget)
    weights = [np.random.default_rng(0).normal(size=(100, 784)), np.ones((10, 100))]
    plot.set_network(weights)
    (_, big), (_, small) = plot.layers
    assert isinstance(big, pg.ImageItem) and big.image.shape == (100, 784)
    assert isinstance(small, pg.ScatterPlotItem) and len(small.data) == 1000


def test_results_count_each_true_and_predicted_class(qtbot):
    view = ResultsView(Session())
    qtbot.addWidget(view)
    data = datasets.iris()
    net = MLP([4, 3], activation="softmax", loss="cce", rng=0)
    predicted = metrics.labels_from_outputs(net.predict(data.X))
    expected = metrics.confusion_matrix(data.y, predicted, n_classes=3)
    view.show_results(net, data)
    shown = np.array([[int(view.matrix.item(r, c).text()) for c in range(3)] for r in range(3)])
    np.testing.assert_array_equal(shown, expected)
    assert view.matrix.horizontalHeaderItem(0).text() == data.class_names[0]
    accuracy = metrics.accuracy(data.y, predicted)
    assert f"{accuracy:.1%} correct" in view.summary.text()
    recall = metrics.recall(data.y, predicted, n_classes=3)
    assert view.scores.item(1, 1).text() == f"{recall[1]:.3f}"
    assert view.scores.item(3, 3).text() == "150", "macro row sums the samples"


def test_regression_gets_its_mean_squared_error(qtbot):
    view = ResultsView(Session())
    qtbot.addWidget(view)
    data = datasets.km_to_miles()
    net = MLP([1, 1], activation="linear", rng=0)
    view.show_results(net, data)
    mse = float(np.mean((net.predict(data.X) - data.T) ** 2))
    assert f"{mse:.6g}" in view.summary.text() and view.matrix.rowCount() == 0


@pytest.mark.parametrize("tab", [1, 2])
def test_the_window_shows_weights_and_results_after_training(qtbot, tmp_path, tab):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from nnsim.gui.app import create_main_window

    window = create_main_window(QSettings(str(tmp_path / "n.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    window.settings.set("speed", "fastest")
    window.training_actions["start"].trigger()
    qtbot.waitUntil(lambda: window.session.state == "finished", timeout=30_000)
    window.plot_tabs.setCurrentIndex(tab)
    if tab == 2:
        assert "100.0% correct" in window.results.summary.text()
    else:
        shown = window.weights_plot.layers[0][1].data["x"]
        assert len(shown) == 8, "4 x 2 squares for the first layer"
    window.files.ask_to_save = lambda: QMessageBox.StandardButton.Discard  # trained: unsaved
    window.close()
