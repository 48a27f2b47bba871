"""The weights plot and the results view, checked against the numbers they draw."""

import numpy as np
import pyqtgraph as pg
import pytest

from nnsim.engine import MLP, datasets, metrics
from nnsim.gui.palette import NEGATIVE, POSITIVE
from nnsim.gui.training.results import ResultsView
from nnsim.gui.training.weights_plot import WeightsPlot
from nnsim.model.session import Session
from nnsim.resource_files import resource_path


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


def shown_matrix(view: ResultsView) -> np.ndarray:
    n = view.matrix.rowCount()
    return np.array([[int(view.matrix.item(r, c).text()) for c in range(n)] for r in range(n)])


def choose(view: ResultsView, label_start: str) -> None:
    """Pick the part whose label starts with ``label_start``, as a click in the combo does."""
    combo = view.part
    (index,) = [i for i in range(combo.count()) if combo.itemText(i).startswith(label_start)]
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


@pytest.fixture
def digits(qtbot):
    """The digits example trained its 60 epochs, and a results view of it on screen.

    Not chaotic: starting weights moved by 1e-9 give the same 14 held-out mistakes
    (the closest call's top two outputs stay 0.0042 apart), so the counts hold on any CPU."""
    session = Session.open(resource_path("examples", "digits.nnsim"))
    view = ResultsView(session)
    qtbot.addWidget(view)
    view.show()
    list(session.train())
    view.draw()
    return session, view


def test_results_score_the_held_out_part_by_default_and_say_so(digits):
    session, view = digits
    assert session.history.count == 60 and session.validation.n_samples == 359
    assert view.part.currentText() == "Held-out data (359 samples)" and view.part.isEnabled()
    assert [view.part.itemText(i) for i in range(2)][1] == "Training data (1438 samples)"
    counts = shown_matrix(view)
    assert counts.sum() == 359 and view.scores.item(10, 3).text() == "359"
    assert "held-out data" in view.summary.text() and "never trained on" in view.summary.text()
    assert "96.1% correct, 14 mistakes" in view.summary.text()
    assert "On the training data: 100.0%" in view.summary.text()


def test_the_digits_tutorials_mistakes_are_those_the_results_tab_shows(digits):
    """docs/tutorials/09-precision-recall.md steps 3 and 6 quote these numbers."""
    _, view = digits
    counts = shown_matrix(view)
    wrong = counts - np.diag(np.diag(counts))
    assert wrong.sum() == 14
    assert wrong[9, 8] == 2 and (wrong < 2).sum() == 99, "a 9 read as an 8, the only pair twice"
    assert wrong[8].sum() == 4, "four 8s read as other digits"
    assert list(np.repeat(range(10), wrong[:, 8])) == [4, 7, 9, 9], "a 4, a 7, two 9s read as 8"
    assert wrong[2, 3] == wrong[3, 2] == 1
    f1 = [view.scores.item(r, 2).text() for r in range(10)]
    assert f1[8] == "0.886" and min(f1) == "0.886" and f1.count("0.886") == 1
    assert view.scores.item(10, 2).text() == "0.961", "the macro mean F1"


def test_switching_to_the_training_part_shows_its_perfect_diagonal(digits):
    session, view = digits
    choose(view, "Training")
    counts = shown_matrix(view)
    assert counts.sum() == 1438 and (counts == np.diag(np.diag(counts))).all()
    assert {view.scores.item(r, c).text() for r in range(11) for c in range(3)} == {"1.000"}
    assert "training data" in view.summary.text() and "100.0% correct, 0 mistakes" in (
        view.summary.text()
    )
    assert "On the held-out data: 96.1%" in view.summary.text()
    list(session.train(max_epochs=2))
    view.draw()
    assert view.part.currentText() == "Training data (1438 samples)", "the choice holds"
    assert shown_matrix(view).sum() == 1438
    session.load(session.project())  # another network opened: held-out first again
    view.draw()
    assert view.part.currentText() == "Held-out data (359 samples)"


def test_without_a_held_out_part_only_the_training_part_is_offered(qtbot):
    session = Session()  # XOR: all four samples train
    assert session.validation is None
    view = ResultsView(session)
    qtbot.addWidget(view)
    view.show()
    view.draw()
    assert [view.part.itemText(i) for i in range(view.part.count())] == [
        "Training data (4 samples)"
    ]
    assert not view.part.isEnabled()
    assert shown_matrix(view).sum() == 4 and "training data" in view.summary.text()


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
