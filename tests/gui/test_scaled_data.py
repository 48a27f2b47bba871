"""The data are shown in the person's own numbers, though the network sees them scaled.

Issue 14, section 6: imported data were shown z-scored, without saying so,
in the Data dock's table and on the decision plot's axes.  The network
still trains on the scaled inputs; "Show scaled values" shows those.
"""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from nnsim.engine import Perceptron, datasets
from nnsim.gui.plots import DecisionPlot, InputScaling
from nnsim.io.csv_data import guess_roles, make_csv_dataset, read_table
from nnsim.model.run_data import source_data
from nnsim.model.session import Session

#: Heights in cm and weights in kg of two kinds of people: far from mean 0, sd 1.
PEOPLE = """height_cm,weight_kg,kind
152.5,48.0,a
158.0,55.5,a
161.5,52.0,a
149.0,50.5,a
176.0,79.0,b
181.5,74.5,b
172.0,82.0,b
185.0,88.5,b
"""


@pytest.fixture
def people(window):
    """The window training on PEOPLE, its inputs z-scored."""
    table = read_table(PEOPLE, "people")
    window.importer.use_data(make_csv_dataset(table, guess_roles(table)))
    window.panel.set_value("normalisation", "z-score")
    assert abs(window.session.data.X.mean()) < 1e-9, "the network sees them scaled"
    return table


def cells(window, column):
    model = window.data_view.samples
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def header(window, column):
    return window.data_view.samples.headerData(column, Qt.Orientation.Horizontal)


def view_range(plot):
    return plot.widget.getPlotItem().getViewBox().viewRange()


def own(table, column):
    """A column of the file as the table writes numbers."""
    return [f"{float(row[column]):.6g}" for row in table.rows]


def test_the_table_shows_the_files_own_numbers(window, people):
    assert cells(window, 0) == own(people, 0) and cells(window, 1) == own(people, 1)
    assert header(window, 0) == "height_cm"
    description = window.data_view.description.text()
    assert "z-score" in description and "own numbers" in description


def test_the_decision_plot_is_drawn_over_the_persons_numbers(window, people):
    plot = window.decision_plot
    heights = [float(row[0]) for row in people.rows]
    (x_low, x_high), (y_low, y_high) = view_range(plot)
    assert x_low <= min(heights) and max(heights) <= x_high < 2 * max(heights)
    assert x_high - x_low < 3 * (max(heights) - min(heights)), "the data fill the plane"
    weights = [float(row[1]) for row in people.rows]
    assert y_low <= min(weights) and max(weights) <= y_high < 2 * max(weights)
    assert plot.widget.getPlotItem().getAxis("bottom").labelText == "height_cm"
    window.training_actions["step"].trigger()
    window.redraw()
    # The map is the network's answer for the scaled inputs under each point of the plane.
    xs, ys, points = plot._grid
    assert xs[0] < min(heights) < max(heights) < xs[-1]
    network, scaling = window.session.display_network, plot.scaling
    expected = network.predict(scaling.to_network(points))[:, 0].reshape(len(ys), len(xs))
    np.testing.assert_allclose(plot.image.image, expected, rtol=1e-12, atol=1e-12)
    ringed = plot.rings.getData()[0]
    assert set(ringed) <= set(heights), "mistakes are ringed where the samples are drawn"


def test_show_scaled_values_shows_what_the_network_sees_and_says_so(qtbot, window, people):
    window.data_dock.raise_()  # its tab to the front: a covered dock takes no clicks
    box = window.data_view.scaled_box
    assert box.isEnabled() and not box.isChecked()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    scaled = window.session.data.X
    assert cells(window, 0) == [f"{v:.6g}" for v in scaled[:, 0]]
    assert "z-score" in header(window, 0)
    plot = window.decision_plot
    assert "scaled" in plot.widget.getPlotItem().getAxis("bottom").labelText
    (x_low, x_high), _ = view_range(plot)
    assert x_low <= scaled[:, 0].min() and scaled[:, 0].max() <= x_high < 10
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    assert cells(window, 0) == own(people, 0)

    window.panel.set_value("normalisation", "none")  # nothing scaled: nothing to toggle
    assert not box.isEnabled()
    assert cells(window, 0) == own(people, 0)


def test_a_click_draws_a_point_where_it_lands_in_the_persons_numbers(qtbot, window, people):
    window.data_dock.raise_()
    qtbot.mouseClick(window.data_view.draw_button, Qt.MouseButton.LeftButton)
    plot = window.decision_plot
    view = plot.widget.getPlotItem().getViewBox()
    where = plot.widget.mapFromScene(view.mapViewToScene(QPointF(165.0, 65.0)))
    before = source_data(window.settings).n_samples
    qtbot.mouseClick(plot.widget.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(where))
    drawn = source_data(window.settings)
    assert drawn.n_samples == before + 1
    (x_low, x_high), (y_low, y_high) = view_range(plot)
    pixel = np.array([(x_high - x_low), (y_high - y_low)]) / 100  # a pixel or so
    np.testing.assert_allclose(drawn.X[-1], [165.0, 65.0], atol=float(pixel.max()))


@pytest.mark.parametrize("shown_scaled", [False, True])
def test_a_perceptrons_line_is_drawn_in_the_axes_shown(qtbot, shown_scaled):
    plot = DecisionPlot(Session())  # its own data, replaced below
    qtbot.addWidget(plot.widget)
    raw = datasets.and_gate()
    offset, scale = np.array([10.0, -3.0]), np.array([4.0, 0.5])
    scaling = InputScaling(offset, scale, "z-score")
    scaled = datasets.make_dataset("and", "", scaling.to_network(raw.X), raw.y)
    plot.show_scaled = shown_scaled
    plot.set_data(scaled, scaling=scaling)
    net = Perceptron(2, rng=0)
    net.weights = [[1.0, 2.0]]
    net.bias = [-1.5]
    plot.show_network(net)
    x, y = plot.separator.getData()
    points = np.column_stack([x, y])
    seen = points if shown_scaled else scaling.to_network(points)
    np.testing.assert_allclose(seen @ np.array([1.0, 2.0]) - 1.5, 0.0, atol=1e-9)
    drawn = plot.points.data["x"]
    np.testing.assert_allclose(sorted(drawn), sorted((scaled if shown_scaled else raw).X[:, 0]))
