"""Maps over two chosen inputs of many: the others held at their training mean.

A crafted 4-2-1 network whose hidden unit 1 sees only input 3 (index 2) and
unit 2 only input 1: over a plane with input 3 on it, unit 1's map varies only
along that axis; over a plane without it, the map is constant, at the unit's
value for input 3 at its mean.
"""

import numpy as np
import pytest

from nnsim.model import compile, new_mlp
from nnsim.model.neuron_maps import neuron_maps as maps_of
from nnsim.model.neuron_maps import plane_axes, plane_grid, plane_inputs
from nnsim.model.values import neuron_values
from nnsim.model.view_settings import checked_view_settings

MEANS = np.array([0.5, -1.0, 0.25, 2.0])


@pytest.fixture
def crafted():
    document = new_mlp((4, 2, 1), "tanh")
    compiled = compile(document, rng=0)
    weights = [np.array([[0.0, 0.0, 1.5, 0.0], [-2.0, 0.0, 0.0, 0.0]]), np.array([[1.0, 0.5]])]
    biases = [np.array([0.3, 0.1]), np.array([-0.2])]
    return document, compiled, weights, biases


def hidden(document):
    return document.neurons_of(document.layers[1].id)


def test_points_of_the_plane_hold_the_other_inputs_at_their_means():
    points = np.array([[1.0, 2.0], [3.0, 4.0]])
    inputs = plane_inputs(points, MEANS, (3, 1))
    np.testing.assert_array_equal(inputs, [[0.5, 2.0, 0.25, 1.0], [0.5, 4.0, 0.25, 3.0]])


@pytest.mark.parametrize(
    ("saved", "axes"),
    [
        ({"plane.x": 2, "plane.y": 0}, (2, 0)),
        ({"plane.x": 3, "plane.y": 3}, (0, 1)),  # the same input twice
        ({"plane.x": 4, "plane.y": 0}, (0, 1)),  # saved with data of more inputs
        ({"plane.x": 2}, (0, 1)),
        ({}, (0, 1)),
    ],
)
def test_the_saved_choice_is_checked_against_the_data(saved, axes):
    assert plane_axes(saved, 4) == axes


def test_the_choice_is_a_checked_view_setting():
    assert checked_view_settings({"plane.x": 3, "plane.y": 1}) == {"plane.x": 3, "plane.y": 1}
    with pytest.raises(ValueError, match=r"plane\.x"):
        checked_view_settings({"plane.x": -1})


def test_a_map_over_chosen_inputs_is_the_units_own_forward_pass(crafted):
    document, compiled, weights, biases = crafted
    xs, ys, points = plane_grid(np.array([[-1.0, -2.0], [2.0, 1.0]]), 6)
    inputs = plane_inputs(points, MEANS, (2, 0))
    maps = maps_of(document, compiled, weights, biases, inputs, (6, 6))
    for k in (0, 7, 20, 35):
        values = neuron_values(document, compiled, weights, biases, inputs[k])
        for neuron_id, picture in maps.items():
            assert picture.ravel()[k] == pytest.approx(values[neuron_id].output, rel=1e-12)
    unit = maps[hidden(document)[0]]  # tanh(1.5 x3 + 0.3), input 3 across
    np.testing.assert_allclose(unit, np.tile(np.tanh(1.5 * xs + 0.3), (6, 1)), rtol=1e-12)
    other = maps[hidden(document)[1]]  # tanh(-2 x1 + 0.1), input 1 up
    np.testing.assert_allclose(other, np.tile(np.tanh(-2 * ys + 0.1)[:, None], (1, 6)))


def test_a_unit_not_seeing_the_chosen_inputs_is_constant_at_their_means(crafted):
    document, compiled, weights, biases = crafted
    points = plane_grid(np.array([[-1.0, -2.0], [2.0, 1.0]]), 5)[2]
    maps = maps_of(document, compiled, weights, biases, plane_inputs(points, MEANS, (1, 3)), (5, 5))
    np.testing.assert_allclose(maps[hidden(document)[0]], np.tanh(1.5 * 0.25 + 0.3), rtol=1e-12)
    np.testing.assert_allclose(maps[hidden(document)[1]], np.tanh(-2 * 0.5 + 0.1), rtol=1e-12)
