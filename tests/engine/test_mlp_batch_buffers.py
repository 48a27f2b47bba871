"""Training on large batches through reused buffers (workspace.py): the textbook update, the
same numbers as without buffers, and no activation-sized arrays made per batch."""

import tracemalloc

import numpy as np
import pytest

from nnsim.engine import MLP
from nnsim.engine.activations import ACTIVATIONS, activate

SMOOTH = [name for name, act in ACTIVATIONS.items() if act.derivative]


def relu_softmax_net(dtype=np.float64):
    """A 6-64-3 relu/softmax/cce net: a batch of 64 fills a workspace (64 x 64 values)."""
    return MLP([6, 64, 3], activation="relu", loss="cce", dtype=dtype, rng=2)


def classes(n, k, seed):
    rng = np.random.default_rng(seed)
    return rng.standard_normal((n, 6)), np.eye(k)[rng.integers(0, k, n)]


def textbook_step(params, X, T, eta, mu=0.0, l2=0.0, velocity=None):
    r"""One step of :math:`v \leftarrow \mu v - \eta (g + \lambda_2 W)`, :math:`w \leftarrow w + v`
    for a relu/softmax/cce net, written straight from the formulas (float64)."""
    W1, b1, W2, b2 = params
    n = len(X)
    A1 = np.maximum(X @ W1.T + b1, 0.0)
    Z2 = A1 @ W2.T + b2
    O = np.exp(Z2 - Z2.max(axis=1, keepdims=True))
    O /= O.sum(axis=1, keepdims=True)
    D2 = (O - T) / n  # dE/dZ2 of the mean cross-entropy
    D1 = (D2 @ W2) * (A1 > 0)
    grads = [D1.T @ X + l2 * W1, D1.sum(axis=0), D2.T @ A1 + l2 * W2, D2.sum(axis=0)]
    velocity = velocity or [np.zeros_like(p) for p in params]
    velocity = [mu * v - eta * g for v, g in zip(velocity, grads, strict=True)]
    return [p + v for p, v in zip(params, velocity, strict=True)], velocity


@pytest.mark.parametrize(("mu", "l2"), [(0.0, 0.0), (0.9, 0.01)])
def test_updates_through_buffers_follow_the_textbook_formula(mu, l2):
    net = relu_softmax_net()
    assert net._workspaces.get(64) is not None  # the path under test
    params = [a.copy() for pair in zip(net.weights, net.biases, strict=True) for a in pair]
    velocity = None
    for seed in (0, 1):  # the second step uses the velocity of the first
        X, T = classes(64, 3, seed)
        net.train_epoch(X, T, learning_rate=0.3, momentum=mu, l2=l2, shuffle=False)
        params, velocity = textbook_step(params, X, T, 0.3, mu, l2, velocity)
    got = [a for pair in zip(net.weights, net.biases, strict=True) for a in pair]
    for mine, theirs in zip(got, params, strict=True):
        np.testing.assert_allclose(mine, theirs, rtol=1e-10, atol=1e-13)
    assert not np.allclose(got[0], relu_softmax_net().weights[0])  # the steps moved them


@pytest.mark.parametrize("hidden", SMOOTH)
@pytest.mark.parametrize(("output", "loss"), [("softmax", "cce"), ("sigmoid", "sse")])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_buffers_give_the_numbers_of_new_arrays(hidden, output, loss, dtype):
    """The workspace path writes every product and derivative into buffers; the path of
    small batches makes new arrays.  The operations are the same, so are the bits."""
    X, T = classes(300, 3, 5)
    nets = []
    for reuse in (True, False):
        net = MLP([6, 100, 30, 3], activation=hidden, output_activation=output, loss=loss,
                  dtype=dtype, rng=4)  # fmt: skip
        net._workspaces.reuse = reuse
        rng = np.random.default_rng(6)
        losses = [
            net.train_epoch(X, T, learning_rate=0.05, batch_size=128, rng=rng) for _ in range(3)
        ]
        nets.append((net, losses))
    (buffered, buffered_losses), (fresh, fresh_losses) = nets
    assert len(buffered._workspaces) == 2 and len(fresh._workspaces) == 0  # 128, then 44
    assert buffered_losses == fresh_losses
    for a, b in zip(buffered.weights + buffered.biases, fresh.weights + fresh.biases, strict=True):
        assert np.array_equal(a, b)


def test_an_epoch_makes_no_activation_sized_arrays():
    """After the first epoch made the buffers, a batch allocates only small scraps (NumPy's
    casting buffer of 8,192 values among them), no array as large as a hidden layer's
    (256 x 256 float64, 512 KiB)."""
    net = MLP([6, 256, 256, 3], activation="relu", loss="cce", rng=0)
    X, T = classes(1024, 3, 7)
    rng = np.random.default_rng(0)
    net.train_epoch(X, T, learning_rate=0.01, batch_size=256, rng=rng)
    tracemalloc.start()
    try:
        net.train_epoch(X, T, learning_rate=0.01, batch_size=256, rng=rng)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 256 * 256 * 8 // 4


@pytest.mark.parametrize("name", SMOOTH)
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_a_derivative_written_into_a_buffer_is_the_same(name, dtype):
    y = activate(name, np.array([[-3.0, -0.5, 0.0, 1e-30, 0.25, 2.0, 40.0]])).astype(dtype)
    act = ACTIVATIONS[name]
    out = np.full_like(y, np.nan)
    result = act.derivative(y, out)
    assert result is out
    assert result.dtype == dtype
    assert np.array_equal(result, act.derivative(y))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_relu_against_kept_zeros_is_max_with_zero_bit_for_bit(dtype):
    z = np.array([[-0.0, 0.0, np.nan, -np.inf, np.inf, -1.5, 2.5, 1e-300, -1e-300]], dtype)
    expected = np.maximum(z, 0.0)
    got = ACTIVATIONS["relu"].apply(z.copy())
    assert np.array_equal(got, expected, equal_nan=True)
    assert np.array_equal(np.signbit(got), np.signbit(expected))


def test_relu_zeros_stay_zeros_as_arrays_grow():
    relu = ACTIVATIONS["relu"].apply
    assert relu(np.array([[-2.0, 3.0]])).tolist() == [[0.0, 3.0]]
    assert (relu(np.full((300, 200), 5.0)) == 5.0).all()  # larger than any before
    assert relu(np.array([[-2.0, 3.0]], np.float32)).tolist() == [[0.0, 3.0]]
    assert not relu(-np.ones((300, 200))).any()
