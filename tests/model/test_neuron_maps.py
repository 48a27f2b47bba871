"""The maps on the editor's neurons: each neuron's output over the input plane.

A map is held to the neuron's own forward pass (one sample at a time, the way
the editor's values and Explain a Step compute it) at points of the grid, to the
rounding of a float64 (a batch and one sample may sum in another order).
"""

import numpy as np
import pytest

from nnsim.model import compile, new_mlp
from nnsim.model.neuron_maps import neuron_maps, receptive_fields
from nnsim.model.values import forward_pass, neuron_values


def grid(xs, ys):
    gx, gy = np.meshgrid(xs, ys)
    return np.column_stack([gx.ravel(), gy.ravel()]), (len(ys), len(xs))


@pytest.fixture
def crafted():
    """A 2-2-1 tanh network: hidden unit 1 sees only x1, unit 2 only x2."""
    document = new_mlp((2, 2, 1), "tanh")
    compiled = compile(document, rng=0)
    weights = [np.array([[2.0, 0.0], [0.0, -1.5]]), np.array([[1.0, -2.0]])]
    biases = [np.array([0.5, 0.0]), np.array([0.25])]
    return document, compiled, weights, biases


def ids_of(document, layer_index):
    return document.neurons_of(document.layers[layer_index].id)


def test_a_hidden_units_map_is_its_own_forward_pass(crafted):
    document, compiled, weights, biases = crafted
    points, shape = grid(np.linspace(-1, 1, 7), np.linspace(-2, 3, 5))
    maps = neuron_maps(document, compiled, weights, biases, points, shape)
    assert set(maps) == set(ids_of(document, 1)) | set(ids_of(document, 2))  # no inputs
    rng = np.random.default_rng(1)
    for i, j in zip(rng.integers(0, 5, 6), rng.integers(0, 7, 6), strict=True):
        values = neuron_values(document, compiled, weights, biases, points[i * 7 + j])
        for neuron_id, picture in maps.items():
            assert picture.shape == shape
            np.testing.assert_allclose(picture[i, j], values[neuron_id].output, rtol=1e-13)


def test_rows_run_along_x2_and_columns_along_x1(crafted):
    """Unit 1 is tanh(2 x1 + 0.5): the same down every column, rising along each row."""
    document, compiled, weights, biases = crafted
    xs, ys = np.linspace(-1, 1, 4), np.linspace(-2, 3, 3)
    points, shape = grid(xs, ys)
    maps = neuron_maps(document, compiled, weights, biases, points, shape)
    first, second = ids_of(document, 1)
    np.testing.assert_allclose(maps[first], np.tile(np.tanh(2 * xs + 0.5), (3, 1)))
    np.testing.assert_allclose(maps[second], np.tile(np.tanh(-1.5 * ys)[:, None], (1, 4)))
    (output,) = ids_of(document, 2)
    np.testing.assert_allclose(maps[output], np.tanh(maps[first] - 2 * maps[second] + 0.25))


def test_one_pass_gives_every_layer_and_no_bias_means_none():
    weights = [np.ones((3, 2)), np.ones((1, 3))]
    points = np.array([[1.0, 2.0], [0.0, 0.0]])
    hidden, output = forward_pass(weights, None, ["linear", "linear"], points)[1]
    assert hidden.shape == (2, 3) and output.shape == (2, 1)
    np.testing.assert_array_equal(hidden, [[3, 3, 3], [0, 0, 0]])
    np.testing.assert_array_equal(output[:, 0], [9, 0])


def test_a_receptive_field_is_the_neurons_incoming_weights_as_a_picture():
    document = new_mlp((64, 3, 10))
    compiled = compile(document, rng=0)
    weights = compiled.weight_matrices()
    fields = receptive_fields(compiled, weights, 8)
    assert set(fields) == set(ids_of(document, 1))  # the first layer after the input only
    for neuron_id in fields:
        row = compiled.index[neuron_id][1]
        assert fields[neuron_id].shape == (8, 8)
        assert fields[neuron_id][0, 3] == weights[0][row, 3]  # pixel (0, 3): the top row
        assert fields[neuron_id][2, 1] == weights[0][row, 17]
