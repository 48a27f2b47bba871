"""Dropout in the MLP: which neurons a step leaves out, its gradient, its expectation."""

import numpy as np
import pytest

from nnsim.engine import MLP
from nnsim.engine.losses import get_loss
from nnsim.engine.mlp_dropout import keep_masks
from nnsim.engine.mlp_skips import forward
from nnsim.errors import ConfigError


def masks_of(net, n, seed):
    return keep_masks(net.dropout, n, net.layer_sizes[1:], np.random.default_rng(seed), net.dtype)


def test_the_units_a_step_drops_are_exactly_those_of_its_mask():
    net = MLP([3, 8, 1], activation="sigmoid", rng=0, dropout=[0.5, 0.0])
    x, t = np.array([[0.3, -0.2, 0.9]]), np.array([[1.0]])
    _loss, dW, db = net.gradients(x, t, dropout_rng=7)
    keep = masks_of(net, 1, 7)[0][0]
    dropped = keep == 0
    assert 0 < dropped.sum() < 8, "a mask that drops some and keeps some"
    assert set(np.unique(keep)) == {0.0, 2.0}, "kept outputs are scaled by 1/(1 - p)"
    assert np.all(dW[1][0, dropped] == 0) and np.all(dW[1][0, ~dropped] != 0)
    assert np.all(dW[0][dropped] == 0) and np.all(db[0][dropped] == 0)
    assert np.all(db[0][~dropped] != 0)
    before = [W.copy() for W in net.weights]
    net.train_epoch(x, t, learning_rate=0.5, rng=np.random.default_rng(7))
    assert np.array_equal(net.weights[0][dropped], before[0][dropped]), "a dropped unit rests"
    assert not np.array_equal(net.weights[0][~dropped], before[0][~dropped])


def loss_with(net, X, T, keep):
    outputs, _whole = forward(net, X, keep)
    return get_loss(net.loss, net.activations[-1]).value(outputs[-1], T)


@pytest.mark.parametrize("skips", [(), [(2, 0)]])
def test_the_gradient_of_a_step_with_dropout_checks_against_finite_differences(skips):
    rng = np.random.default_rng(3)
    X, T = rng.normal(size=(6, 2)), rng.normal(size=(6, 1))
    net = MLP([2, 5, 4, 1], activation="tanh", rng=1, dropout=[0.3, 0.6, 0.0], skips=skips)
    keep = masks_of(net, 6, 11)
    _loss, dW, db = net.gradients(X, T, dropout_rng=11)
    for arrays, grads in ((net.weights, dW), (net.biases, db)):
        for array, analytic in zip(arrays, grads, strict=True):
            numeric = np.zeros_like(array)
            for index in np.ndindex(array.shape):
                saved = array[index]
                array[index] = saved + 1e-6
                plus = loss_with(net, X, T, keep)
                array[index] = saved - 1e-6
                minus = loss_with(net, X, T, keep)
                array[index] = saved
                numeric[index] = (plus - minus) / 2e-6
            np.testing.assert_allclose(analytic, numeric, rtol=1e-5, atol=1e-8)


def test_the_output_over_many_masks_is_the_whole_networks_on_average():
    net = MLP([2, 6, 6, 2], activation="linear", rng=2, dropout=[0.5, 0.25, 0.0])
    x = np.array([[0.8, -0.4]])
    whole = net.forward(x)[0]
    n = 40_000
    keep = masks_of(net, n, 5)
    outputs, _ = forward(net, np.repeat(x, n, axis=0), keep)
    mean, spread = outputs[-1].mean(axis=0), outputs[-1].std(axis=0) / np.sqrt(n)
    assert np.all(np.abs(mean - whole) < 5 * spread), (mean, whole, spread)
    assert np.all(spread > 0), "the masks do vary the output"


def test_a_rate_of_zero_is_no_dropout_bit_for_bit():
    X = np.random.default_rng(4).normal(size=(50, 3))
    T = np.tanh(X[:, :1])
    plain, zero = MLP([3, 7, 1], rng=6), MLP([3, 7, 1], rng=6, dropout=[0.0, 0.0])
    rngs = np.random.default_rng(8), np.random.default_rng(8)
    for net, rng in zip((plain, zero), rngs, strict=True):
        for _ in range(5):
            net.train_epoch(X, T, learning_rate=0.3, batch_size=8, rng=rng)
    for a, b in zip(plain.parameters()[0], zero.parameters()[0], strict=True):
        assert np.array_equal(a, b)
    assert rngs[0].random() == rngs[1].random(), "no numbers were drawn for masks"


def test_dropout_trains_reproducibly_from_a_seed_and_predicts_with_the_whole_network():
    X = np.random.default_rng(5).normal(size=(40, 2))
    T = (X[:, :1] * X[:, 1:] > 0).astype(float)
    nets = [MLP([2, 8, 1], rng=0, dropout=[0.4, 0.0]) for _ in range(2)]
    for net in nets:
        rng = np.random.default_rng(9)
        for _ in range(10):
            net.train_epoch(X, T, learning_rate=0.5, batch_size=10, rng=rng)
    assert np.array_equal(nets[0].weights[0], nets[1].weights[0])
    first = nets[0].forward(X)
    assert np.array_equal(first, nets[0].forward(X)), "prediction draws no masks"


@pytest.mark.parametrize("rates", [[1.0, 0.0], [-0.1, 0.0], [0.2, 0.3], [0.2]])
def test_rates_outside_zero_to_one_or_on_the_output_are_refused_in_words(rates):
    with pytest.raises(ConfigError, match="Dropout takes one rate per layer"):
        MLP([2, 3, 1], dropout=rates)
