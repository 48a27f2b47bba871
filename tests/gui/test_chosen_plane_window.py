"""The decision plot and the neuron maps over two chosen inputs of many (iris' four).

The others are held at their mean over the training data, in the inputs the
network sees; the choice (``planeInputX``, ``planeInputY``) is kept with the project.
"""

import numpy as np
import pytest
from PySide6.QtWidgets import QComboBox

from nnsim.gui.editor.maps import COLOUR_TABLE, input_plane
from nnsim.model import new_mlp
from nnsim.model.neuron_maps import plane_inputs
from nnsim.model.session import Session
from nnsim.model.values import neuron_values

IRIS = ["sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm"]


def iris_window(window, **settings):
    window.open_document(new_mlp((4, 5, 3)), dataset="iris", **settings)
    for _ in range(5):
        window.session.step()
    window.redraw()
    return window


def combos(window):
    return [window.findChild(QComboBox, name) for name in ("planeInputX", "planeInputY")]


def pick(window, axis, index):
    combo = combos(window)[axis]
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_the_plot_is_the_networks_answer_over_the_chosen_inputs(window):
    iris_window(window, normalisation="z-score")
    x, y = combos(window)
    assert x.isVisibleTo(window) and [x.itemText(k) for k in range(x.count())] == IRIS
    assert (x.currentIndex(), y.currentIndex()) == (0, 1)
    pick(window, 0, 2)
    pick(window, 1, 3)
    plot, session = window.decision_plot, window.session
    assert session.view_settings == {"plane.x": 2, "plane.y": 3}
    assert plot.widget.getPlotItem().getAxis("bottom").labelText == "petal_length_cm"
    assert plot.widget.getPlotItem().getAxis("left").labelText == "petal_width_cm"
    # The plane is in the person's centimetres; the network sees them z-scored.
    xs, ys, points = plot._grid
    raw = session.data.X * plot.scaling.scale + plot.scaling.offset
    assert xs[0] < raw[:, 2].min() and xs[-1] > raw[:, 2].max()
    scaled = (points - plot.scaling.offset[[2, 3]]) / plot.scaling.scale[[2, 3]]
    inputs = plane_inputs(scaled, session.data.X.mean(axis=0), (2, 3))
    answer = session.display_network.predict(inputs).argmax(axis=1)
    np.testing.assert_array_equal(plot.image.image, answer.reshape(len(ys), len(xs)))


def test_the_neuron_maps_are_over_the_same_two_inputs(window):
    iris_window(window)
    pick(window, 0, 3)  # petal width across, sepal width up
    session, scene = window.session, window.editor.view.network_scene
    assert scene.neuron_maps.axes == (3, 1)
    points, (rows, columns) = input_plane(session.data, session.validation, (3, 1))
    np.testing.assert_allclose(points, window.decision_plot._seen(window.decision_plot._grid[2]))
    np.testing.assert_allclose(points[:, [0, 2]], np.tile(session.data.X.mean(axis=0)[[0, 2]],
                                                           (len(points), 1)))  # fmt: skip
    weights, biases = session.display_network.parameters()
    document = scene.document
    for row, column in ((0, 0), (rows - 1, columns // 2), (rows // 3, columns - 1)):
        point = points[(rows - 1 - row) * columns + column]  # the image's top row: highest y
        values = neuron_values(document, session.compiled, weights, biases, point)
        for layer in document.layers[1:]:
            for neuron_id in document.neurons_of(layer.id):
                image = scene.neuron_items[neuron_id].map_image
                picture = image.indices.astype(float)
                expected = values[neuron_id].output  # sigmoid: its map spans 0 to 1
                assert abs(picture[row, column] - expected * (len(COLOUR_TABLE) - 1)) <= 1


def test_picking_the_other_axis_input_swaps_them(window):
    iris_window(window)
    pick(window, 1, 0)
    assert [combo.currentIndex() for combo in combos(window)] == [1, 0]
    assert window.decision_plot.axes == (1, 0)


def test_the_choice_is_kept_with_the_project(window, tmp_path):
    iris_window(window)
    pick(window, 0, 3)
    pick(window, 1, 2)
    path = tmp_path / "iris.nnsim"
    window.session.save(path)
    window.open_document(new_mlp((4, 5, 3)), dataset="iris")
    assert window.decision_plot.axes == (0, 1)
    window.session.load(Session.open(path).project())
    window.redraw()
    assert [combo.currentIndex() for combo in combos(window)] == [3, 2]
    assert window.decision_plot.axes == (3, 2) == window.editor.view.network_scene.neuron_maps.axes


@pytest.mark.parametrize(
    ("sizes", "dataset", "offered"),
    [((3, 4, 1), "three_input_table", 3), ((2, 3, 1), "xor", 0), ((64, 10), "digits", 0)],
)
def test_the_choice_is_offered_only_for_more_than_two_inputs_not_images(
    window, sizes, dataset, offered
):
    window.open_document(new_mlp(sizes), dataset=dataset)
    window.redraw()
    x, _ = combos(window)
    assert x.isVisibleTo(window) == bool(offered)
    if offered:
        assert x.count() == offered and window.decision_plot.image.image is not None


def test_a_click_probes_the_point_with_the_other_inputs_at_their_means(window):
    iris_window(window, normalisation="z-score")
    pick(window, 0, 2)
    pick(window, 1, 3)
    plot, session = window.decision_plot, window.session
    plot.probe_at(4.5, 1.5)  # petal length and width, in centimetres
    expected = session.data.X.mean(axis=0)  # the others: their mean as the network sees them
    expected[[2, 3]] = (np.array([4.5, 1.5]) - plot.scaling.offset[[2, 3]]) / plot.scaling.scale[
        [2, 3]
    ]
    np.testing.assert_allclose(session.probe, expected, atol=5e-3)  # typed to 4 digits
    np.testing.assert_allclose(plot.probe_mark.getData(), [[4.5], [1.5]], atol=1e-3)
