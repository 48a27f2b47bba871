"""The maps on the editor's neurons (``neuronMaps``, View > Neuron Maps).

What the window draws in each neuron is checked by value: the colour number of
a pixel is the neuron's own output at that point of the decision plot's grid.
"""

import numpy as np

from nnsim.gui.editor.maps import COLOUR_TABLE, MAX_MAP_NEURONS, input_plane
from nnsim.gui.plots.decision_plot import GRID_SIZE
from nnsim.model import new_mlp
from nnsim.model.values import neuron_values


def xor_window(window, sizes=(2, 4, 1), **settings):
    window.open_document(new_mlp(sizes), dataset="xor", **settings)
    window.redraw()
    return window.editor.view.network_scene


def mapped_items(scene):
    first_layer = set(scene.document.neurons_of(scene.document.layers[0].id))
    return {nid: item for nid, item in scene.neuron_items.items() if nid not in first_layer}


def test_every_hidden_and_output_neuron_shows_its_own_output_over_the_plane(window):
    scene = xor_window(window)
    items = mapped_items(scene)
    assert len(items) == 5 and all(item.map_image is not None for item in items.values())
    first_layer = scene.document.neurons_of(scene.document.layers[0].id)
    assert all(scene.neuron_items[nid].map_image is None for nid in first_layer)
    session = window.session
    points, shape = input_plane(session.data, session.validation)
    assert shape == (GRID_SIZE, GRID_SIZE)
    weights, biases = session.display_network.parameters()
    rows, columns = shape
    # The image's top row is the plane's highest x2; its first column the lowest x1.
    for row, column in ((0, 0), (0, columns - 1), (rows - 1, 0), (rows // 2, columns // 3)):
        point = points[(rows - 1 - row) * columns + column]
        values = neuron_values(scene.document, session.compiled, weights, biases, point)
        for neuron_id, item in items.items():
            expected = values[neuron_id].output * (len(COLOUR_TABLE) - 1)  # sigmoid: 0 to 1
            assert abs(int(item.map_image.indices[row, column]) - expected) <= 1
            colour = item.map_image.image.pixel(column, row)
            assert colour == COLOUR_TABLE[item.map_image.indices[row, column]]


def test_maps_are_worked_out_again_only_when_the_weights_change(window):
    scene = xor_window(window)
    maps = scene.neuron_maps
    drawn = maps.drawn
    window.redraw()
    window.redraw()
    assert maps.drawn == drawn  # the same weights: nothing worked out again
    item = next(iter(mapped_items(scene).values()))
    image, before = item.map_image, item.map_image.indices.copy()
    assert window.session.step()
    assert maps.drawn > drawn
    drawn = maps.drawn
    window.redraw()
    assert maps.drawn == drawn
    assert item.map_image is image  # the image is reused ...
    assert not np.array_equal(image.indices, before)  # ... and shows the new weights


def test_view_neuron_maps_turns_them_off_and_on(window):
    scene = xor_window(window)
    view = window.editor.view
    action = view.neuron_maps_action
    assert action.objectName() == "actionNeuronMaps" and action.isChecked()
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert action in view_menu.actions()
    assert "two inputs" in action.toolTip()
    action.trigger()
    assert not any(item.map_image for item in scene.neuron_items.values())
    drawn = scene.neuron_maps.drawn
    assert window.session.step()
    assert scene.neuron_maps.drawn == drawn  # off: nothing worked out at the frames
    action.trigger()  # on: drawn at once, for the weights of now
    assert all(item.map_image is not None for item in mapped_items(scene).values())
    window.open_document(new_mlp((2, 3, 1)), dataset="xor")  # another network: still on
    window.redraw()
    assert all(i.map_image for i in mapped_items(window.editor.view.network_scene).values())


def test_no_maps_for_one_input_or_for_big_networks(window):
    window.open_document(new_mlp((1, 3, 1)), dataset="sine")
    window.redraw()
    scene = window.editor.view.network_scene
    assert window.session.compiled is not None
    assert not any(item.map_image for item in scene.neuron_items.values())
    scene = xor_window(window, (2, MAX_MAP_NEURONS, 1))
    assert not any(item.map_image for item in scene.neuron_items.values())


def test_an_edit_takes_the_maps_away_with_the_values(window):
    scene = xor_window(window)
    document = window.document
    window.editor.view.add_neuron_to(document.layers[1].id)
    assert not any(item.map_image for item in scene.neuron_items.values())


def test_digits_show_each_first_hidden_neurons_weights_as_a_picture(window):
    window.open_document(new_mlp((64, 5, 10)), dataset="digits", normalisation="z-score")
    window.redraw()
    scene, session = window.editor.view.network_scene, window.session
    document, compiled = scene.document, session.compiled
    hidden = document.neurons_of(document.layers[1].id)
    assert all(scene.neuron_items[nid].map_image is not None for nid in hidden)
    others = set(scene.neuron_items) - set(hidden)
    assert not any(scene.neuron_items[nid].map_image for nid in others)
    W = session.display_network.parameters()[0][0]
    for neuron_id in hidden:
        weights = W[compiled.index[neuron_id][1]]
        indices = scene.neuron_items[neuron_id].map_image.indices  # top row first
        assert indices.shape == (8, 8)
        strongest = int(np.abs(weights).argmax())
        end = 255 if weights[strongest] > 0 else 0  # the largest weight at its colour's end
        assert indices[strongest // 8, strongest % 8] == end
        expected = (weights[3] / np.abs(weights).max() + 1) * 127.5  # pixel (0, 3), white at 0
        assert abs(int(indices[0, 3]) - expected) <= 1
