"""Skip connections in the MLP: the layout of the weights, the gradient, training."""

import numpy as np
import pytest
from test_gradients import numerical_gradient, relative_error

from nnsim.engine import MLP
from nnsim.engine.mlp_skips import input_blocks
from nnsim.errors import ConfigError
from nnsim.model.diagnostics import gradient_check


def skipping_net(**options):
    """2-3-4-1 with skips input -> layer 2, input -> output and layer 1 -> output."""
    return MLP([2, 3, 4, 1], activation="tanh", rng=0, skips=[(3, 1), (2, 0), (3, 0)], **options)


def test_a_skip_widens_its_target_layer_weights_by_its_source_columns():
    net = skipping_net()
    assert net.skips == ((2, 0), (3, 0), (3, 1))
    assert [W.shape for W in net.weights] == [(3, 2), (4, 3 + 2), (1, 4 + 2 + 3)]
    assert net.input_blocks[2] == ((2, 0, 4), (0, 4, 6), (1, 6, 9))
    assert input_blocks([2, 3, 1], ()) == (((0, 0, 2),), ((1, 0, 3),))


def test_the_forward_pass_adds_each_skip_source_times_its_block():
    net = MLP([1, 1, 1], activation="linear", bias=False, rng=0, skips=[(2, 0)])
    net.weights = [np.array([[2.0]]), np.array([[3.0, 5.0]])]  # o = 3 (2 x) + 5 x
    np.testing.assert_array_equal(net.forward([[1.0], [2.0]]), [[11.0], [22.0]])


@pytest.mark.parametrize("loss", ["sse", "bce"])
def test_a_skip_connection_passes_the_gradient_check(loss):
    rng = np.random.default_rng(1)
    X, T = rng.normal(size=(6, 2)), rng.uniform(0.0, 1.0, (6, 1))
    net = skipping_net(loss=loss, output_activation="sigmoid")
    assert gradient_check(net, X, T) < 1e-6
    _loss, dW, _db = net.gradients(X, T)
    for W, analytic in zip(net.weights, dW, strict=True):  # the skip blocks included
        assert relative_error(numerical_gradient(net, X, T, W), analytic) < 1e-7


def test_masked_skip_weights_stay_zero_and_the_gradient_still_checks():
    rng = np.random.default_rng(2)
    X, T = rng.normal(size=(5, 2)), rng.normal(size=(5, 1))
    net = skipping_net()
    masks = [np.ones_like(W) for W in net.weights]
    masks[2][0, 4] = masks[1][2, 3] = 0.0  # one input -> output skip, one input -> layer 2
    net.masks = masks
    assert gradient_check(net, X, T) < 1e-6
    for _ in range(5):
        net.train_epoch(X, T, learning_rate=0.1, optimizer="adam", batch_size=2, rng=rng)
    assert net.weights[2][0, 4] == 0.0 and net.weights[1][2, 3] == 0.0


def test_without_skips_the_network_is_what_it_was():
    X = np.random.default_rng(3).normal(size=(300, 8))
    T = (X[:, :1] > 0).astype(float)
    plain, empty = (MLP([8, 16, 1], rng=4, skips=s) for s in ((), []))
    for net in (plain, empty):
        net.train_epoch(X, T, learning_rate=0.5, batch_size=300)
    np.testing.assert_array_equal(plain.weights[0], empty.weights[0])
    assert plain._workspaces.get(300) is not None, "the buffered path is kept"


def test_a_skip_network_learns_xor_through_its_skips():
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], float)
    T = np.array([[0], [1], [1], [0]], float)
    net = MLP([2, 2, 1], activation="tanh", output_activation="sigmoid", rng=1, skips=[])
    skip = MLP([2, 1, 1], activation="tanh", output_activation="sigmoid", rng=1, skips=[(2, 0)])
    for _ in range(3000):
        skip.train_epoch(X, T, learning_rate=0.5)
    assert np.all((skip.forward(X) > 0.5) == T), "one hidden neuron plus skips solves XOR"
    assert net.weights[1].shape == (1, 2)


@pytest.mark.parametrize("skips", [[(1, 0)], [(2, 2)], [(3, 0)], [(2, -1)]])
def test_skips_that_do_not_jump_forward_are_refused_in_words(skips):
    with pytest.raises(ConfigError, match="past the next"):
        MLP([2, 3, 1], skips=skips)
