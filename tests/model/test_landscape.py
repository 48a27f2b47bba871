"""The loss landscape: planes through weight space, the surface over them, paths and the race."""

import itertools

import numpy as np
import pytest

from nnsim.engine import MLP
from nnsim.engine.optimizers import OPTIMIZERS
from nnsim.engine.training import TrainingConfig, train
from nnsim.errors import ConfigError
from nnsim.model import landscape
from nnsim.model.landscape import (
    chosen_plane,
    flatten,
    landscape_samples,
    parameter_position,
    path_losses,
    random_plane,
    resolution,
    span,
    surface,
    surface_rows,
    unflatten,
)
from nnsim.model.landscape_race import RacePath, Racer, race, race_epochs, race_plane, racers

XOR_X = np.array([[0.0, 0], [0, 1], [1, 0], [1, 1]])
XOR_T = np.array([[0.0], [1], [1], [0]])


def line_network(weight=1.5, bias=0.5):
    """One input, one linear output with a bias, sse: E = 1/2 mean (w x + b - t)^2."""
    net = MLP([1, 1], activation="linear", loss="sse", rng=0)
    net.set_parameters([np.array([[weight]])], [np.array([bias])])
    return net


def xor_network(seed=0):
    return MLP([2, 4, 1], activation="sigmoid", loss="sse", rng=seed)


def finished(generator):
    """Run a generator to its end; its return value."""
    try:
        while True:
            next(generator)
    except StopIteration as end:
        return end.value


def test_the_surface_is_least_where_the_one_weight_networks_loss_is_least():
    # t = 2 x + 1 exactly: the loss is least (0) at w = 2, b = 1, by hand.
    X, T = np.array([[0.0], [1.0], [2.0]]), np.array([[1.0], [3.0], [5.0]])
    net = line_network(weight=1.5, bias=0.5)
    plane = chosen_plane(net, parameter_position(net, True, 0, (0, 0)),
                         parameter_position(net, False, 0, (0,)))  # fmt: skip
    assert plane.origin == (1.5, 0.5), "the axes read the weight's and the bias's own values"
    axis = np.linspace(-1, 1, 41)  # steps of 0.05: w = 2 and b = 1 are grid points
    E = surface(net, plane, X, T, axis, axis)
    row, column = np.unravel_index(np.argmin(E), E.shape)
    assert plane.origin[0] + axis[column] == pytest.approx(2.0)
    assert plane.origin[1] + axis[row] == pytest.approx(1.0)
    assert E[row, column] == pytest.approx(0.0, abs=1e-24)
    w, b = np.meshgrid(1.5 + axis, 0.5 + axis)
    by_hand = 0.5 * ((w[None] * X[:, :, None] + b[None] - T[:, :, None]) ** 2).mean(axis=0)
    np.testing.assert_allclose(E, by_hand, rtol=1e-12, atol=1e-15)
    assert net.parameters()[0][0][0, 0] == 1.5, "the network itself is left as it was"


def test_the_centre_of_a_plane_of_two_chosen_weights_is_the_networks_loss():
    net = xor_network()
    first = parameter_position(net, True, 0, (2, 1))
    second = parameter_position(net, True, 1, (0, 3))
    plane = chosen_plane(net, first, second)
    assert plane.origin == (net.weights[0][2, 1], net.weights[1][0, 3])
    axis = np.linspace(-2, 2, 5)
    E = surface(net, plane, XOR_X, XOR_T, axis, axis)
    assert E[2, 2] == pytest.approx(net.loss_value(XOR_X, XOR_T), rel=1e-15)
    moved = xor_network()
    moved.weights[0][2, 1] += 1.0
    moved.weights[1][0, 3] -= 2.0
    assert E[0, 3] == pytest.approx(moved.loss_value(XOR_X, XOR_T), rel=1e-15)


def test_flatten_and_parameter_position_name_the_same_numbers():
    net = xor_network()
    theta = flatten(*net.parameters())
    assert theta.size == 2 * 4 + 4 + 4 * 1 + 1
    assert theta[parameter_position(net, True, 1, (0, 2))] == net.weights[1][0, 2]
    assert theta[parameter_position(net, False, 0, (3,))] == net.biases[0][3]
    weights, biases = unflatten(theta, landscape.parameter_shapes(net))
    for new, old in zip(weights + biases, net.weights + net.biases, strict=True):
        np.testing.assert_array_equal(new, old)


def test_a_plane_needs_two_numbers_that_can_move():
    net = xor_network()
    net.masks = [np.array([[1, 0]] * 4), np.ones((1, 4))]
    with pytest.raises(ConfigError):
        chosen_plane(net, 0, 0)
    masked = parameter_position(net, True, 0, (0, 1))
    with pytest.raises(ConfigError):
        chosen_plane(net, 0, masked)
    no_bias = MLP([2, 1], activation="linear", bias=False, rng=0)
    with pytest.raises(ConfigError):
        chosen_plane(no_bias, 0, parameter_position(no_bias, False, 0, (0,)))
    with pytest.raises(ConfigError):
        random_plane(MLP([1, 1], bias=False, rng=0), np.random.default_rng(0))


def test_random_directions_are_orthonormal_filter_normalised_and_respect_masks():
    net = MLP([3, 5, 2], rng=1)
    mask = np.ones((5, 3))
    mask[1, 2] = mask[4, 0] = 0
    net.masks = [mask, np.ones((2, 5))]
    plane = random_plane(net, np.random.default_rng(7))
    D = np.column_stack([plane.d1, plane.d2])
    np.testing.assert_allclose(D.T @ D, np.eye(2), atol=1e-12)
    for d in (plane.d1, plane.d2):
        weights, biases = unflatten(d, plane.shapes)
        assert weights[0][1, 2] == weights[0][4, 0] == 0, "no direction revives a removed one"
        assert all(not b.any() for b in biases), "the plane moves the weights only"
    weights, _ = unflatten(plane.d1, plane.shapes)  # d1: filter-normalised, then scaled
    ratios = np.concatenate(
        [np.linalg.norm(d, axis=1) / np.linalg.norm(w, axis=1)
         for d, w in zip(weights, net.weights, strict=True)]
    )  # fmt: skip
    np.testing.assert_allclose(ratios, ratios[0], rtol=1e-12)
    again = random_plane(net, np.random.default_rng(7))
    np.testing.assert_array_equal(again.d2, plane.d2)
    np.testing.assert_array_equal(plane.centre, flatten(*net.parameters()))


def test_a_path_along_d1_projects_onto_b_0_and_a_step_off_the_plane_is_measured():
    net = xor_network()
    plane = random_plane(net, np.random.default_rng(3))
    steps = np.array([0.0, 0.5, -1.25, 3.0])
    thetas = plane.centre + steps[:, None] * plane.d1
    ab = plane.project(thetas)
    np.testing.assert_allclose(ab[:, 0], steps, atol=1e-12)
    np.testing.assert_allclose(ab[:, 1], 0.0, atol=1e-12)
    other = np.zeros_like(plane.centre)
    other[parameter_position(net, False, 1, (0,))] = 1.0  # a bias: 0 in both directions
    assert plane.off_plane(plane.point(1.0, 2.0) + 3.0 * other) == pytest.approx([3.0])
    own, projected = path_losses(net, plane, [plane.point(1.0, 2.0), plane.centre + other], XOR_X,
                                 XOR_T)  # fmt: skip
    assert own[0] == pytest.approx(projected[0], rel=1e-12), (
        "on the plane, the path's loss is the surface's"
    )
    assert projected[1] == pytest.approx(net.loss_value(XOR_X, XOR_T))
    assert own[1] != projected[1]


def test_the_surface_comes_row_by_row_and_stops_when_no_more_rows_are_asked(monkeypatch):
    net = xor_network()
    plane = random_plane(net, np.random.default_rng(0))
    a_values, b_values = np.linspace(-1, 1, 7), np.linspace(-2, 2, 9)
    whole = surface(net, plane, XOR_X, XOR_T, a_values, b_values)
    assert whole.shape == (9, 7)
    evaluations = []
    counted = landscape.losses_at

    def counting(network, shapes, thetas, X, T):
        evaluations.extend(thetas)
        return counted(network, shapes, thetas, X, T)

    monkeypatch.setattr(landscape, "losses_at", counting)
    rows = surface_rows(net, plane, XOR_X, XOR_T, a_values, b_values)
    first_two = list(itertools.islice(rows, 2))
    rows.close()
    np.testing.assert_array_equal(first_two, whole[:2])
    assert len(evaluations) == 2 * 7, "no work after the last row asked for"


def test_the_samples_and_the_resolution_shrink_for_big_data():
    X = np.arange(5000.0)[:, None]
    few, _ = landscape_samples(X, X, limit=1000)
    assert len(few) == 1000 and few[0, 0] == 0 and few[-1, 0] == 4999
    assert np.all(np.diff(few[:, 0]) >= 4) and np.all(np.diff(few[:, 0]) <= 6), "evenly"
    assert landscape_samples(XOR_X, XOR_T)[0] is XOR_X
    assert resolution(4, 17) == 41
    big = resolution(1000, 100_000)
    assert big == 21 and big % 2 == 1
    assert resolution(1000, 3000) % 2 == 1 and 21 <= resolution(1000, 3000) < 41


def test_span_holds_the_centre_and_the_points_with_a_margin():
    (a0, a1), (b0, b1) = span(np.array([[1.0, -2.0], [3.0, 0.5]]), margin=0.1, least=0.5)
    assert (a0, a1) == pytest.approx((-0.3, 3.3))
    assert (b0, b1) == pytest.approx((-2.25, 0.75))
    assert span(np.zeros((1, 2)), least=1.0) == ((-0.5, 0.5), (-0.5, 0.5))


def test_every_optimiser_races_from_one_start_and_sgd_goes_where_the_engine_goes():
    net = xor_network(seed=4)
    field = racers(0.5)
    names = [racer.name for racer in field]
    assert names[:2] == ["sgd", "momentum"] and set(OPTIMIZERS) <= set(names)
    paths = finished(race(net, XOR_X, XOR_T, field, 60))
    start = flatten(*net.parameters())
    for path in paths:
        np.testing.assert_array_equal(path.thetas[0], start)
        assert path.epochs[0] == 0 and path.epochs[-1] == 60 and path.finished is None
    engine = xor_network(seed=4)
    config = TrainingConfig(learning_rate=0.5, max_epochs=60, batch_size=None, shuffle=False)
    finished(train(engine, (XOR_X, XOR_T), config))
    np.testing.assert_allclose(paths[0].thetas[-1], flatten(*engine.parameters()), rtol=1e-12)
    assert not np.allclose(paths[1].thetas[-1], paths[0].thetas[-1]), "momentum goes elsewhere"
    np.testing.assert_array_equal(start, flatten(*net.parameters()), "the start is not moved")


def test_a_racer_stops_at_the_finish_line_where_training_stops_at_the_target_error():
    net = xor_network(seed=4)
    [path] = finished(race(net, XOR_X, XOR_T, racers(0.5)[1:2], 5000, target=0.05))
    assert path.finished is not None and path.epochs[-1] == path.finished < 5000
    engine = xor_network(seed=4)
    config = TrainingConfig(learning_rate=0.5, momentum=0.9, max_epochs=5000, target_error=0.05,
                            batch_size=None, shuffle=False)  # fmt: skip
    summary = finished(train(engine, (XOR_X, XOR_T), config))
    assert summary.epochs == path.finished
    np.testing.assert_allclose(path.thetas[-1], flatten(*engine.parameters()), rtol=1e-12)


def test_the_race_plane_holds_paths_that_lie_in_a_plane():
    rng = np.random.default_rng(0)
    start = rng.standard_normal(10)
    u, v = rng.standard_normal(10), rng.standard_normal(10)
    paths = [
        RacePath(Racer("one", "sgd", 0.1), np.arange(3),
                 start + np.outer([0, 1, 2], u) + np.outer([0, 0.5, 0.1], v)),
        RacePath(Racer("two", "adam", 0.1), np.arange(2), start + np.outer([0, 3], u - v)),
    ]  # fmt: skip
    plane = race_plane(start, paths, ((10,),), rng)
    for path in paths:
        np.testing.assert_allclose(plane.off_plane(path.thetas), 0.0, atol=1e-9)
    assert plane.project(paths[1].thetas)[-1, 0] > 0, "the paths go towards positive a"
    assert race_epochs(20_000, 4, 17) == 2000 and race_epochs(50, 4, 17) == 50
    assert race_epochs(20_000, 1437, 1210) == 287


@pytest.mark.parametrize(
    "network",
    [
        MLP([3, 5, 4, 2], activation="tanh", loss="mse", rng=2),
        MLP([3, 6, 3], activation="relu", loss="cce", rng=3),  # softmax output
        MLP([3, 4, 1], activation="sigmoid", loss="bce", bias=False, rng=4),
    ],
)
def test_an_mlps_points_together_have_each_its_own_networks_loss(network):
    rng = np.random.default_rng(5)
    X = rng.standard_normal((30, 3))
    T = np.eye(network.n_outputs)[rng.integers(network.n_outputs, size=30)]
    if network.n_outputs == 1:
        T = rng.integers(2, size=(30, 1)).astype(float)
    if network.loss == "mse":
        T = rng.standard_normal((30, 2))
    network.masks = [(rng.random(w.shape) > 0.3).astype(float) for w in network.weights]
    plane = random_plane(network, rng)
    thetas = [plane.point(a, b) for a, b in rng.uniform(-2, 2, size=(7, 2))]
    together = landscape.losses_at(network, plane.shapes, thetas, X, T)
    for theta, loss in zip(thetas, together, strict=True):
        one = MLP(network.layer_sizes, activation=network.activations, loss=network.loss,
                  bias=network.has_bias, rng=0)  # fmt: skip
        one.set_parameters(*unflatten(theta, plane.shapes))
        assert loss == pytest.approx(one.loss_value(X, T), rel=1e-12)


def test_a_perceptrons_landscape_is_its_own_loss():
    from nnsim.engine import Perceptron

    net = Perceptron(2, 1, rule="lms", rng=0)
    X, T = XOR_X, XOR_T
    plane = chosen_plane(net, 0, 2)  # w1 and the bias
    E = surface(net, plane, X, T, [0.0, 1.0], [0.0])
    assert E[0, 0] == pytest.approx(net.loss_value(X, T))
    net.weights = net.weights + np.array([[1.0, 0.0]])
    assert E[0, 1] == pytest.approx(net.loss_value(X, T))
