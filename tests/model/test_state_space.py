"""The state-space projection, on activations whose principal axes are known."""

import numpy as np
import pytest

from nnsim.engine import MLP, Perceptron, datasets
from nnsim.model.state_space import (
    EXACT_LIMIT,
    Projector,
    align,
    layer_activations,
    layer_sizes,
    principal_axes,
    project,
    sample_rows,
    state_space,
)


def test_points_on_a_line_in_3d_put_all_their_variance_on_the_first_axis():
    direction = np.array([1.0, 2.0, -2.0]) / 3.0
    t = np.array([-2.0, -1.0, 0.5, 3.0, 4.0])
    A = np.array([0.1, 0.2, 0.3]) + t[:, None] * direction
    projection = project(A, np.arange(5))
    assert projection.kind == "pca" and projection.components == (1, 2)
    assert projection.shares == pytest.approx((1.0, 0.0), abs=1e-12)
    x, y = projection.points.T
    np.testing.assert_allclose(np.abs(x), np.abs(t - t.mean()), atol=1e-12)
    np.testing.assert_allclose(y, 0.0, atol=1e-12)
    np.testing.assert_allclose(np.abs(projection.axes[0]), np.abs(direction), atol=1e-12)


def test_a_plane_in_3d_splits_its_variance_by_the_spread_along_each_direction():
    # Spread 3 along (1, 0, 0) and 1 along (0, 1, 1)/sqrt(2): shares 9/10 and 1/10.
    square = np.array([[1.0, 1.0], [1.0, -1.0], [-1.0, 1.0], [-1.0, -1.0]])
    directions = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 1.0] / np.sqrt(2)])
    A = (square * [3.0, 1.0]) @ directions
    mean, axes, shares = principal_axes(A)
    np.testing.assert_allclose(mean, 0.0, atol=1e-15)
    np.testing.assert_allclose(shares, [0.9, 0.1], atol=1e-12)
    np.testing.assert_allclose(axes, directions, atol=1e-12)  # largest entries positive


def test_more_neurons_than_samples_take_the_thin_decomposition():
    A = np.array([[0.0, 0.0, 0.0, 0.0], [2.0, 0.0, 0.0, 0.0]])  # 2 samples, 4 neurons
    mean, axes, shares = principal_axes(A)
    np.testing.assert_allclose(axes[0], [1.0, 0.0, 0.0, 0.0], atol=1e-12)
    np.testing.assert_allclose(shares, [1.0, 0.0], atol=1e-12)
    np.testing.assert_allclose((A - mean) @ axes.T, [[-1.0, 0.0], [1.0, 0.0]], atol=1e-12)


def test_wide_layers_find_their_leading_axes_by_a_randomized_range_finder():
    rng = np.random.default_rng(7)
    n, d = EXACT_LIMIT + 100, EXACT_LIMIT + 50
    turn = np.linalg.qr(rng.normal(size=(d, d)))[0]
    A = (rng.normal(size=(n, d)) * 0.9 ** np.arange(d)) @ turn  # variances falling off
    centred = A - A.mean(axis=0)
    _, s, exact = np.linalg.svd(centred, full_matrices=False)
    _, axes, shares = principal_axes(A)
    np.testing.assert_allclose(np.abs(np.sum(axes * exact[:2], axis=1)), 1.0, atol=1e-6)
    np.testing.assert_allclose(shares, s[:2] ** 2 / np.sum(s**2), rtol=1e-5)
    np.testing.assert_array_equal(principal_axes(A)[1], axes)  # a fixed seed: same axes


def test_samples_that_do_not_vary_explain_nothing_and_sit_at_the_origin():
    projection = project(np.full((6, 3), 0.7), np.arange(6))
    assert projection.shares == (0.0, 0.0)
    np.testing.assert_allclose(projection.points, 0.0, atol=1e-15)


def test_a_two_neuron_layer_is_drawn_as_the_forward_pass_computes_it():
    data = datasets.xor()
    net = MLP([2, 2, 3, 1], activation="tanh", rng=4)
    projection = state_space(net, data.X, 1)
    assert projection.kind == "plane" and projection.axes is None
    np.testing.assert_array_equal(projection.points, net.forward_all(data.X)[1])
    np.testing.assert_array_equal(projection.rows, [0, 1, 2, 3])


def test_layer_activations_are_the_engines_for_every_layer():
    data = datasets.circles(n=40)
    net = MLP([2, 5, 4, 1], activation="relu", rng=1)
    for layer, expected in enumerate(net.forward_all(data.X)):
        np.testing.assert_array_equal(layer_activations(net, data.X, layer), expected)
    assert layer_sizes(net) == [2, 5, 4, 1]
    assert layer_sizes(Perceptron(3, 2)) == [3, 2]


def test_a_one_neuron_layer_puts_its_output_against_the_samples_number():
    data = datasets.xor()
    net = MLP([2, 1, 1], rng=2)
    projection = state_space(net, data.X, 1)
    assert projection.kind == "line"
    hidden = net.forward_all(data.X)[1][:, 0]
    np.testing.assert_array_equal(projection.points, np.column_stack([hidden, [1, 2, 3, 4]]))


def test_the_inputs_layer_is_the_datas_own_pca():
    data = datasets.iris()
    projection = state_space(Perceptron(4, 3), data.X, 0)
    _, axes, shares = principal_axes(data.X)
    np.testing.assert_allclose(projection.points, (data.X - data.X.mean(axis=0)) @ axes.T)
    assert projection.shares == tuple(shares) and shares[0] > 0.9  # iris: petal size


def test_the_sample_cap_takes_evenly_spread_distinct_rows():
    rows = sample_rows(5_000, 2_000)
    assert len(rows) == 2_000 == len(np.unique(rows))
    assert rows[0] == 0 and rows[-1] == 4_997 and set(np.diff(rows)) == {2, 3}
    np.testing.assert_array_equal(sample_rows(7, 10), np.arange(7))
    X = np.random.default_rng(0).normal(size=(50, 3))
    projection = state_space(MLP([3, 4, 1], rng=0), X, 1, limit=20)
    np.testing.assert_array_equal(projection.rows, sample_rows(50, 20))
    assert projection.points.shape == (20, 2)
    full = state_space(MLP([3, 4, 1], rng=0), X[projection.rows], 1)
    np.testing.assert_allclose(projection.points, full.points, atol=1e-12)


def test_alignment_turns_flipped_and_swapped_axes_back():
    previous = np.array([[0.6, 0.8, 0.0], [0.0, 0.0, 1.0]])
    order, signs = align(np.array([-previous[1], previous[0]]), previous)
    np.testing.assert_array_equal(order, [1, 0])
    np.testing.assert_array_equal(signs, [1.0, -1.0])
    order, signs = align(-previous, previous)
    np.testing.assert_array_equal(order, [0, 1])
    np.testing.assert_array_equal(signs, [-1.0, -1.0])


def line_along(direction, t, noise=0.01):
    """Samples spread by ``t`` along ``direction`` in 3-D, a little off it along z."""
    z = noise * np.cos(np.arange(len(t)))[:, None] * [0.0, 0.0, 1.0]
    return t[:, None] * (np.asarray(direction) / np.linalg.norm(direction)) + z


T = np.linspace(-1.0, 1.0, 9)
#: Two frames a small turn apart, where the axis' largest entry changes from y to x:
#: the sign rule alone turns the axis round and the picture over.
BEFORE, AFTER = line_along([0.70, -0.72, 0.0], T), line_along([0.72, -0.70, 0.0], T)


def test_a_frame_keeps_the_previous_frames_orientation():
    first = project(BEFORE, np.arange(9))
    alone = project(AFTER, np.arange(9))
    assert alone.axes[0] @ first.axes[0] < -0.99, "the sign rule alone flips the picture"
    aligned = project(AFTER, np.arange(9), previous=first.axes)
    assert aligned.axes[0] @ first.axes[0] > 0.99
    np.testing.assert_allclose(aligned.points[:, 0], -alone.points[:, 0])
    assert np.abs(aligned.points - first.points).max() < 0.03, "the points barely move"


def test_axes_that_swap_their_variances_keep_their_places_on_screen():
    rng = np.random.default_rng(6)
    B = rng.normal(size=(200, 3))
    B -= B.mean(axis=0)
    B = np.linalg.qr(B)[0] * np.sqrt(200)  # uncorrelated columns of equal spread
    before = project(B * [1.1, 1.0, 0.1], np.arange(200))
    after = project(B * [1.0, 1.1, 0.1], np.arange(200), previous=before.axes)
    assert after.components == (2, 1), "x still shows the neuron it showed, now PC 2"
    assert after.shares[0] < after.shares[1]
    assert abs(after.axes[0] @ before.axes[0]) == pytest.approx(1.0)
    alone = project(B * [1.0, 1.1, 0.1], np.arange(200))
    assert alone.components == (1, 2)
    np.testing.assert_allclose(alone.points[:, ::-1], after.points, atol=1e-9)


def test_a_projector_follows_its_last_frame_and_starts_again_on_another_layer():
    net = MLP([3, 4, 1], rng=0)
    projector = Projector()
    first = projector(net, BEFORE, 0)
    np.testing.assert_allclose(projector(net, AFTER, 0).points, first.points, atol=0.03)
    hidden = projector(net, AFTER, 1)
    np.testing.assert_allclose(hidden.axes, principal_axes(net.forward_all(AFTER)[1])[1])
    restarted = projector(net, AFTER, 0)
    np.testing.assert_allclose(restarted.axes, project(AFTER, np.arange(9)).axes)
    projector(net, BEFORE, 0)
    projector.reset()
    np.testing.assert_allclose(projector(net, AFTER, 0).axes, restarted.axes)
