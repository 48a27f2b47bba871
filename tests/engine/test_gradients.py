"""Backpropagation against finite differences, for every activation/loss pair the MLP allows."""

import itertools

import numpy as np
import pytest

from nnsim.engine import MLP
from nnsim.engine.activations import ACTIVATIONS, activate, get_activation
from nnsim.errors import ConfigError

SMOOTH = ["linear", "sigmoid", "tanh", "relu", "leaky_relu"]
PAIRS = [(out, loss) for out in [*SMOOTH, "softmax"] for loss in ("sse", "mse")]
PAIRS += [("sigmoid", "bce"), ("softmax", "cce")]
CASES = list(itertools.product(SMOOTH, PAIRS))


def targets_for(loss, rng, shape):
    if loss == "cce":
        return np.eye(shape[1])[rng.integers(0, shape[1], shape[0])]
    if loss == "bce":
        return rng.uniform(0.0, 1.0, shape)
    return rng.normal(size=shape)


def numerical_gradient(net, X, T, array, step=1e-6):
    grad = np.zeros_like(array)
    for index in np.ndindex(array.shape):
        saved = array[index]
        array[index] = saved + step
        plus = net.loss_value(X, T)
        array[index] = saved - step
        minus = net.loss_value(X, T)
        array[index] = saved
        grad[index] = (plus - minus) / (2 * step)
    return grad


def relative_error(a, b):
    return np.linalg.norm(a - b) / max(np.linalg.norm(a) + np.linalg.norm(b), 1e-300)


@pytest.mark.parametrize(("hidden", "pair"), CASES, ids=[f"{h}-{o}-{lo}" for h, (o, lo) in CASES])
def test_backprop_matches_finite_differences(hidden, pair):
    output, loss = pair
    rng = np.random.default_rng(7)
    net = MLP([3, 4, 3, 3], activation=hidden, output_activation=output, loss=loss, rng=rng)
    net.biases = [rng.normal(scale=0.3, size=b.shape) for b in net.biases]
    net.masks = [np.ones_like(w) for w in net.weights]
    net.masks[1][0, 2] = net.masks[0][3, 1] = 0
    X = rng.normal(size=(5, 3))
    T = targets_for(loss, rng, (5, 3))

    value, dW, db = net.gradients(X, T)

    assert value == pytest.approx(net.loss_value(X, T), rel=1e-12)
    for W, mask, analytic in zip(net.weights, net.masks, dW, strict=True):
        numeric = numerical_gradient(net, X, T, W) * mask
        assert relative_error(analytic, numeric) < 1e-6
    for b, analytic in zip(net.biases, db, strict=True):
        assert relative_error(analytic, numerical_gradient(net, X, T, b)) < 1e-6
    assert dW[1][0, 2] == 0.0 and dW[0][3, 1] == 0.0


@pytest.mark.parametrize("name", [n for n, a in ACTIVATIONS.items() if a.derivative])
def test_derivative_written_from_the_output_matches_the_slope(name):
    z = np.linspace(-3, 3, 61)
    z = z[np.abs(z) > 0.05]  # keep away from relu's kink
    act = get_activation(name)
    slope = (activate(name, z + 1e-6) - activate(name, z - 1e-6)) / 2e-6
    np.testing.assert_allclose(act.derivative(activate(name, z)), slope, rtol=1e-6, atol=1e-9)


def test_sigmoid_saturates_without_overflow_warnings():
    with np.errstate(all="raise"):
        y = activate("sigmoid", np.array([-1000.0, 0.0, 1000.0]))
    np.testing.assert_array_equal(y, [0.0, 0.5, 1.0])


def test_softmax_rows_sum_to_one_even_for_huge_inputs():
    y = activate("softmax", np.array([[1000.0, 1001.0, 999.0], [0.0, 0.0, 0.0]]))
    np.testing.assert_allclose(y.sum(axis=1), 1.0)
    np.testing.assert_allclose(y[1], 1 / 3)


@pytest.mark.parametrize("name", ["step", "sign"])
def test_step_and_sign_run_forward_but_refuse_backprop(name):
    net = MLP([2, 2, 1], activation=name, output_activation="sigmoid", rng=0)
    assert set(np.unique(net.forward_all([[0.3, -0.2], [-1.0, 0.5]])[1])) <= {-1.0, 0.0, 1.0}
    with pytest.raises(ConfigError, match=f"{name}.*backpropagation cannot train"):
        net.gradients([[0.0, 1.0]], [[1.0]])
