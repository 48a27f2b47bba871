"""MLP behaviour: learning XOR, masks, reproducibility, optimisers and bad input."""

import numpy as np
import pytest

from nnsim.engine import MLP, TrainingConfig, datasets, train
from nnsim.errors import ConfigError, DataError, DivergenceError


def learns_xor(net, epochs, **settings):
    data = datasets.xor()
    *_, last = train(net, data, TrainingConfig(max_epochs=epochs, **settings))
    return last.accuracy == 1.0


def test_xor_2_4_1_sigmoid_full_batch_learns_for_nine_of_ten_seeds():
    wins = sum(
        learns_xor(
            MLP([2, 4, 1], activation="sigmoid", loss="sse", rng=seed), 20_000, learning_rate=0.5
        )
        for seed in range(10)
    )
    assert wins >= 9


def test_xor_2_10_1_tanh_sigmoid_with_bce_learns():
    wins = sum(
        learns_xor(
            MLP([2, 10, 1], activation="tanh", output_activation="sigmoid", loss="bce", rng=seed),
            2000,
            learning_rate=0.5,
        )
        for seed in range(5)
    )
    assert wins == 5


def test_zero_initialisation_keeps_hidden_neurons_identical():
    net = MLP([2, 4, 1], init="zeros", rng=0)
    data = datasets.xor()
    for _ in range(200):
        net.train_epoch(data.X, data.T, learning_rate=0.5)
    hidden = net.weights[0]
    assert np.all(hidden == hidden[0]), "with no symmetry to break, hidden rows stay equal"


def test_masked_connections_stay_exactly_zero_through_every_optimizer():
    data = datasets.xor()
    for optimizer, extra in [("sgd", {"momentum": 0.9}), ("adam", {}), ("sgd", {"l1": 0.01})]:
        net = MLP([2, 4, 1], rng=3)
        mask = np.ones((4, 2))
        mask[0, 1] = mask[2, 0] = 0
        net.masks = [mask, np.ones((1, 4))]
        assert net.weights[0][0, 1] == 0.0
        for _ in range(50):
            net.train_epoch(data.X, data.T, learning_rate=0.1, optimizer=optimizer, **extra)
        assert net.weights[0][0, 1] == 0.0 and net.weights[0][2, 0] == 0.0
        assert np.count_nonzero(net.weights[0]) == 6


def test_same_seed_gives_bit_identical_weights_and_losses():
    def run(seed):
        net = MLP(
            [64, 16, 10], activation="tanh", output_activation="softmax", loss="cce", rng=seed
        )
        data = datasets.digits().subset(slice(0, 300))
        losses = [
            net.train_epoch(
                data.X, data.T, learning_rate=0.1, batch_size=32, rng=np.random.default_rng(seed)
            )
            for _ in range(3)
        ]
        return net, losses

    (a, losses_a), (b, losses_b), (c, _) = run(5), run(5), run(6)
    assert losses_a == losses_b
    for wa, wb in zip(a.weights, b.weights, strict=True):
        assert np.array_equal(wa, wb)
    assert not np.array_equal(a.weights[0], c.weights[0])


@pytest.mark.parametrize(
    "settings",
    [
        {"optimizer": "sgd", "momentum": 0.9, "learning_rate": 0.1},
        {"optimizer": "adam", "learning_rate": 0.01},
        {"optimizer": "sgd", "learning_rate": 0.2, "batch_size": 16},
        {"optimizer": "sgd", "learning_rate": 0.1, "l2": 1e-3},
    ],
)
def test_every_optimizer_setting_lowers_the_loss_on_moons(settings):
    data = datasets.moons(n=200, rng=1)
    net = MLP([2, 8, 1], activation="tanh", output_activation="sigmoid", loss="bce", rng=0)
    first = net.loss_value(data.X, data.T)
    for _ in range(200):
        net.train_epoch(data.X, data.T, rng=np.random.default_rng(0), **settings)
    assert net.loss_value(data.X, data.T) < 0.6 * first


def test_l2_shrinks_the_weights():
    data = datasets.moons(rng=2)
    norms = {}
    for l2 in (0.0, 0.05):
        net = MLP([2, 8, 1], activation="tanh", loss="sse", rng=0)
        for _ in range(300):
            net.train_epoch(data.X, data.T, learning_rate=0.3, l2=l2)
        norms[l2] = sum(np.sum(w**2) for w in net.weights)
    assert norms[0.05] < 0.5 * norms[0.0]


def test_float32_network_stays_float32():
    data = datasets.xor()
    net = MLP([2, 4, 1], dtype=np.float32, rng=0)
    net.train_epoch(data.X, data.T, learning_rate=0.5)
    assert net.weights[0].dtype == np.float32 and net.forward(data.X).dtype == np.float32


def test_forward_all_returns_every_layer():
    net = MLP([2, 3, 4, 1], rng=0)
    layers = net.forward_all([[0.5, -0.5]])
    assert [a.shape for a in layers] == [(1, 2), (1, 3), (1, 4), (1, 1)]
    np.testing.assert_array_equal(layers[-1], net.forward([[0.5, -0.5]]))


def test_output_activation_follows_a_cross_entropy_loss():
    assert MLP([2, 3, 1], activation="tanh", loss="bce").activations == ("tanh", "sigmoid")
    assert MLP([2, 3, 4], activation="relu", loss="cce").activations == ("relu", "softmax")
    assert MLP([2, 3, 1], activation="tanh", loss="sse").activations == ("tanh", "tanh")


def test_activation_list_one_per_layer():
    net = MLP([2, 3, 3, 2], activation=["relu", "tanh", "softmax"], loss="cce", rng=0)
    assert net.activations == ("relu", "tanh", "softmax")
    np.testing.assert_allclose(net.forward([[1.0, 2.0]]).sum(), 1.0)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"activation": "sigmod"}, "Unknown activation 'sigmod'"),
        ({"output_activation": "sigmoid", "loss": "cce"}, "cce loss needs a softmax output"),
        ({"output_activation": "tanh", "loss": "bce"}, "bce loss needs a sigmoid output"),
        ({"activation": "softmax", "output_activation": "sigmoid"}, "only be the output"),
        ({"init": "gaussian"}, "Unknown initialiser"),
        ({"activation": ["tanh"]}, "one activation per weight layer: 2 names"),
        ({"loss": "hinge"}, "Unknown loss"),
    ],
)
def test_impossible_settings_are_refused_with_a_message(kwargs, message):
    with pytest.raises(ConfigError, match=message):
        MLP([2, 3, 1], rng=0, **kwargs)


def test_a_network_needs_an_output_layer():
    with pytest.raises(ConfigError, match="input and an output layer"):
        MLP([2])
    with pytest.raises(ConfigError, match="at least one neuron"):
        MLP([2, 0, 1])


@pytest.mark.parametrize(
    ("X", "T", "message"),
    [
        (np.zeros((4, 3)), np.zeros((4, 1)), r"shape \(4, 3\).*needs \(samples, 2\)"),
        (np.zeros((4, 2)), np.zeros((3, 1)), "4 input rows but 3 target rows"),
        (np.zeros((0, 2)), np.zeros((0, 1)), "no samples"),
        ([["a", "b"]], [[1.0]], "must be numbers"),
        (np.array([[0.0, np.nan]]), np.array([[1.0]]), "nan at row 0, column 1"),
        (np.array([[0.0, 1.0]]), np.array([[np.inf]]), "target T holds inf at row 0"),
    ],
)
def test_bad_data_raises_data_error_naming_the_problem(X, T, message):
    net = MLP([2, 3, 1], rng=0)
    before = [w.copy() for w in net.weights]
    with pytest.raises(DataError, match=message):
        net.train_epoch(X, T, learning_rate=0.1)
    for w, saved in zip(net.weights, before, strict=True):
        np.testing.assert_array_equal(w, saved)


def test_bce_refuses_targets_outside_zero_one():
    net = MLP([2, 3, 1], loss="bce", rng=0)
    with pytest.raises(DataError, match="between 0 and 1"):
        net.train_epoch([[0.0, 1.0]], [[2.0]], learning_rate=0.1)


def test_divergence_raises_before_the_bad_update():
    net = MLP([1, 1], activation="linear", loss="sse", rng=0)
    X, T = np.array([[1e200]]), np.array([[0.0]])
    net.weights = [np.array([[1e200]])]
    with np.errstate(over="ignore"), pytest.raises(DivergenceError, match="smaller learning rate"):
        net.train_epoch(X, T, learning_rate=1.0)
    assert net.weights[0][0, 0] == 1e200


def test_setting_weights_checks_shapes():
    net = MLP([2, 3, 1], rng=0)
    with pytest.raises(DataError, match=r"shapes \[\(3, 2\), \(1, 3\)\]"):
        net.weights = [np.zeros((2, 3)), np.zeros((1, 3))]
    with pytest.raises(ConfigError, match="only 0"):
        net.masks = [np.full((3, 2), 0.5), np.ones((1, 3))]


def test_digits_64_100_10_reaches_96_percent_in_20_epochs():
    train, test = datasets.standardize(*datasets.digits().split(0.25, rng=0))
    net = MLP([64, 100, 10], activation="tanh", output_activation="softmax", loss="cce", rng=0)
    rng = np.random.default_rng(0)
    for _ in range(20):
        net.train_epoch(train.X, train.T, learning_rate=0.1, batch_size=32, rng=rng)
    assert np.mean(net.forward(test.X).argmax(axis=1) == test.y) >= 0.96


def test_large_batches_train_in_reused_buffers_with_the_same_result(monkeypatch):
    from nnsim.engine import workspace

    rng = np.random.default_rng(0)
    X, T = rng.random((300, 40)), np.eye(5)[rng.integers(0, 5, 300)]

    def trained(min_elements):
        monkeypatch.setattr(workspace, "MIN_ELEMENTS", min_elements)
        net = MLP([40, 64, 5], activation="relu", loss="cce", rng=1)
        losses = [
            net.train_epoch(X, T, learning_rate=0.1, batch_size=b, rng=np.random.default_rng(2))
            for b in (64, 64, None)
        ]
        return net, losses

    (buffered, losses_b), (plain, losses_p) = trained(1), trained(10**9)
    assert buffered._workspaces and not plain._workspaces
    assert losses_b == losses_p
    for a, b in zip(buffered.weights + buffered.biases, plain.weights + plain.biases, strict=True):
        np.testing.assert_array_equal(a, b)
    monkeypatch.setattr(workspace, "MIN_ELEMENTS", 1)
    _, dW, _ = buffered.gradients(X, T)
    kept = dW[0].copy()
    buffered.train_epoch(X, T, learning_rate=0.1)
    np.testing.assert_array_equal(dW[0], kept)  # gradients() hands out arrays of its own
