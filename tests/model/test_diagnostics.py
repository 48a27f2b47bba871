"""Each hint appears when its condition holds, and not otherwise."""

import numpy as np

from nnsim.engine import MLP, Perceptron, datasets, train
from nnsim.engine.training import TrainingConfig
from nnsim.model.diagnostics import diagnose, gradient_check, hopfield_hint
from nnsim.model.memory import capacity


def kinds(hints) -> set[str]:
    return {hint.kind for hint in hints}


def trained(net, data, **config):
    losses = []
    for report in train(net, data, TrainingConfig(**config)):
        losses.extend(report.losses)
    return np.array(losses)


def test_a_healthy_xor_run_has_no_hints():
    data = datasets.xor()
    net = MLP([2, 4, 1], activation="sigmoid", rng=0)
    losses = trained(net, data, learning_rate=0.5, max_epochs=5000, seed=0)
    assert diagnose(net, data, losses, target=0.001) == []


def test_zeros_initialisation_is_called_symmetric():
    net = MLP([2, 4, 1], activation="sigmoid", init="zeros", rng=0)
    assert "symmetric" in kinds(diagnose(net, datasets.xor(), np.array([0.5])))


def test_huge_weights_saturate_the_hidden_units():
    data = datasets.moons()
    net = MLP([2, 6, 1], activation="sigmoid", rng=0)
    net.weights = [w * 200 for w in net.weights]
    hints = diagnose(net, data, np.array([0.2]))
    assert "saturated" in kinds(hints)
    assert "xavier" in next(h for h in hints if h.kind == "saturated").advice


def test_a_flat_error_is_a_plateau_but_not_once_the_target_is_reached():
    flat = np.full(400, 0.125)
    net = MLP([2, 4, 1], rng=0)
    assert "plateau" in kinds(diagnose(net, None, flat, target=0.001))
    assert "plateau" not in kinds(diagnose(net, None, np.full(400, 0.0005), target=0.001))
    assert "plateau" not in kinds(diagnose(net, None, np.linspace(0.5, 0.1, 400), target=0.001))


def test_a_too_high_learning_rate_oscillates():
    data = datasets.xor()
    net = MLP([2, 4, 1], activation="sigmoid", loss="mse", rng=1)
    losses = trained(net, data, learning_rate=60.0, max_epochs=300, seed=0)
    assert "oscillating" in kinds(diagnose(net, data, losses))
    zigzag = np.tile([0.3, 0.5], 40)
    assert "oscillating" in kinds(diagnose(net, None, zigzag))


def test_a_perceptron_on_xor_is_told_the_classes_are_not_separable():
    data = datasets.xor()
    net = Perceptron(2, rng=0)
    mistakes = trained(net, data, learning_rate=0.1, max_epochs=200, target_error=0.0, seed=0)
    hints = diagnose(net, data, mistakes)
    assert kinds(hints) == {"not_separable"}
    assert "hidden layer" in hints[0].advice
    separable = Perceptron(2, rng=0)
    mistakes = trained(separable, datasets.and_gate(), learning_rate=0.1, max_epochs=200, seed=0)
    assert diagnose(separable, datasets.and_gate(), mistakes) == []


def test_a_hopfield_memory_past_0138_n_gets_a_hint():
    assert hopfield_hint(capacity(13, 100)) == []
    (hint,) = hopfield_hint(capacity(20, 100))
    assert "0.200" in hint.text


def test_the_gradient_check_agrees_with_backpropagation():
    data = datasets.xor()
    for activation, output, loss in (("sigmoid", "sigmoid", "sse"), ("tanh", "softmax", "cce")):
        net = MLP([2, 3, 2], activation=activation, output_activation=output, loss=loss, rng=2)
        T = np.eye(2)[data.y]
        assert gradient_check(net, data.X, T) < 1e-6
