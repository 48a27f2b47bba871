"""Derived inputs in the window: the panel's boxes resize the input layer (one undo step),
and the decision plot and the neuron maps stay over the data's own two inputs."""

import numpy as np

from nnsim.engine.features import with_derived
from nnsim.gui.editor.maps import input_plane
from nnsim.gui.plots.decision_plot import GRID_SIZE
from nnsim.model import new_mlp


def test_a_derived_input_box_resizes_the_input_layer_as_one_undo_step(window):
    window.open_document(new_mlp((2, 4, 1)), dataset="moons")
    steps = window.undo_stack.count()
    window.panel.field("input_squares").setValue(True)
    assert window.document.layer_sizes[0] == 4
    assert window.settings["input_squares"] is True
    assert window.session.catch_up()  # the network fits its data with two more inputs
    assert window.session.data.n_features == 4
    assert window.undo_stack.count() == steps + 1
    window.undo_stack.undo()
    assert (window.document.layer_sizes[0], window.settings["input_squares"]) == (2, False)
    window.undo_stack.redo()
    assert window.document.layer_sizes[0] == 4


def test_the_decision_plot_draws_the_network_over_the_transformed_plane(window):
    window.open_document(
        new_mlp((7, 5, 1)), dataset="circles", normalisation="z-score",
        input_product=True, input_squares=True, input_sines=True,
    )  # fmt: skip
    window.redraw()
    session, plot = window.session, window.decision_plot
    network = session.display_network
    xs, _, points = plot._grid
    # the grid is over the data's own (unscaled) two inputs; the network sees them scaled,
    # with the five derived inputs made from the scaled ones
    scaling = plot.scaling
    raw = session.data.X[:, :2]
    assert points.shape[1] == 2
    assert xs[0] < (raw[:, 0] * scaling.scale[0] + scaling.offset[0]).min()
    expected = network.predict(with_derived((points - scaling.offset) / scaling.scale,
                                            ("product", "squares", "sines")))  # fmt: skip
    np.testing.assert_allclose(
        plot.image.image, expected[:, 0].reshape(GRID_SIZE, GRID_SIZE), rtol=0, atol=1e-12
    )
    grid, shape = input_plane(session.data, session.validation)
    assert grid.shape[1] == 7 and shape == (GRID_SIZE, GRID_SIZE)
    np.testing.assert_array_equal(grid[:, 2], grid[:, 0] * grid[:, 1])


def test_the_input_neurons_carry_their_inputs_names_with_derived_inputs(window):
    window.open_document(new_mlp((2, 3, 1)), dataset="moons")
    window.redraw()
    assert window.input_names.labels == []  # the data's own inputs only: no names added
    window.panel.field("input_product").setValue(True)
    window.panel.field("input_sines").setValue(True)
    window.redraw()
    scene = window.editor.view.network_scene
    index = window.session.compiled.index
    named = {label.parentItem().neuron_id: label.text() for label in window.input_names.labels}
    by_row = {index[neuron_id][1]: text for neuron_id, text in named.items()}
    assert by_row == {0: "x1", 1: "x2", 2: "x1·x2", 3: "sin x1", 4: "sin x2"}
    assert all(label.scene() is scene for label in window.input_names.labels)
    window.panel.field("input_product").setValue(False)
    window.panel.field("input_sines").setValue(False)
    window.redraw()
    assert window.input_names.labels == [] and window.document.layer_sizes[0] == 2
