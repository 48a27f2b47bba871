"""Each hint appears when its condition holds, and not otherwise."""

import numpy as np
import pytest

from nnsim.engine import MLP, Hopfield, Perceptron, datasets, train
from nnsim.engine.training import TrainingConfig
from nnsim.model.diagnostics import (
    alike_hint,
    diagnose,
    gradient_check,
    hopfield_hint,
    most_alike,
)
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
    # A linear neuron on a quadratic error is not chaotic: with a learning rate past
    # 2 / (largest curvature) every step overshoots the minimum a little further, the
    # same on every CPU (a sigmoid XOR net at rate 60 is chaotic, and its fate
    # depends on the BLAS kernel's rounding).
    X = np.array([[1.0], [2.0], [-1.0], [0.5]])
    data = datasets.make_dataset("line", "y = 3x", X, 3.0 * X[:, 0], task="regression")
    net = MLP([1, 1], activation="linear", loss="mse", rng=0)
    curvature = 2 * np.mean(X**2)  # of the mse in the weight, with the bias beside it
    losses = trained(net, data, learning_rate=2.2 / curvature, max_epochs=120, seed=0)
    assert np.all(np.isfinite(losses)) and losses[-1] > losses[0]
    assert "oscillating" in kinds(diagnose(net, data, losses))
    calm = MLP([1, 1], activation="linear", loss="mse", rng=0)
    calm_losses = trained(calm, data, learning_rate=0.5 / curvature, max_epochs=120, seed=0)
    assert "oscillating" not in kinds(diagnose(calm, data, calm_losses))
    zigzag = np.tile([0.3, 0.5], 40)
    assert "oscillating" in kinds(diagnose(net, None, zigzag))


def saturated_wrong_xor():
    """A 2-2-1 sigmoid net computing XNOR, far into the flat ends: XOR gets 3 of 4 wrong."""
    net = MLP([2, 2, 1], activation="sigmoid", loss="mse", rng=0)
    net.weights = [np.array([[20.0, 20.0], [-20.0, -20.0]]), np.array([[-20.0, 20.0]])]
    net.biases = [np.array([-10.0, 30.0]), np.array([-10.0])]
    return net


def test_an_output_saturated_at_the_wrong_end_is_called_stuck():
    data = datasets.xor()
    net = saturated_wrong_xor()
    outputs = net.forward(data.X)[:, 0]
    wrong = np.abs(outputs - data.T[:, 0]) > 0.5
    assert wrong.sum() == 3 and np.all((outputs[wrong] < 0.02) | (outputs[wrong] > 0.98))
    flat = np.full(80, net.loss_value(data.X, data.T))
    hints = diagnose(net, data, flat)
    assert "stuck" in kinds(hints)
    stuck = next(h for h in hints if h.kind == "stuck")
    assert "3 of 4 samples" in stuck.text and "lower learning rate" in stuck.advice
    # Still falling, or a loss that keeps its slope at the flat ends: not stuck.
    assert "stuck" not in kinds(diagnose(net, data, np.linspace(0.4, 0.3, 80)))
    bce = saturated_wrong_xor()
    bce.loss = "bce"
    assert "stuck" not in kinds(diagnose(bce, data, flat))
    assert "stuck" not in kinds(diagnose(MLP([2, 4, 1], rng=0), data, np.full(80, 0.125)))


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
    assert hopfield_hint(capacity(13, 100, "hebb")) == []
    (hint,) = hopfield_hint(capacity(20, 100, "hebb"))
    assert hint.text == (
        "20 patterns in 100 neurons is a load of 0.200, past the 0.138 at which Hebbian "
        "recall breaks down."
    )
    assert hint.advice == (
        "Store fewer patterns, use a bigger grid, or try the pseudo-inverse or Storkey or "
        "dense rule."
    )


def test_the_hopfield_hint_follows_the_rule_in_use_and_never_suggests_it():
    assert hopfield_hint(capacity(40, 100, "pseudoinverse")) == []
    (storkey,) = hopfield_hint(capacity(40, 100, "storkey"))
    assert "past the 0.33 at which Storkey recall breaks down" in storkey.text
    assert storkey.advice.endswith("or try the pseudo-inverse or dense rule.")
    (pseudo,) = hopfield_hint(capacity(100, 100, "pseudoinverse"))
    assert "past the 0.99 at which pseudo-inverse recall breaks down" in pseudo.text
    assert pseudo.advice.endswith("or try the dense rule.")  # (a cubic's N^2 / (18 ln N))
    (dense,) = hopfield_hint(capacity(200, 100, "dense"))
    assert dense.advice == "Store fewer patterns or use a bigger grid."
    for hint, rule in ((storkey, "Storkey"), (pseudo, "pseudo-inverse")):
        assert f"the {rule}" not in hint.advice and f"or {rule}" not in hint.advice


def test_the_gradient_check_agrees_with_backpropagation():
    data = datasets.xor()
    for activation, output, loss in (("sigmoid", "sigmoid", "sse"), ("tanh", "softmax", "cce")):
        net = MLP([2, 3, 2], activation=activation, output_activation=output, loss=loss, rng=2)
        T = np.eye(2)[data.y]
        assert gradient_check(net, data.X, T) < 1e-6


def drawn_t_l_and_box(side: int) -> np.ndarray:
    """A T, an L and a box drawn one cell wide in black on a white side x side grid."""
    t, ell, box = (-np.ones((side, side)) for _ in range(3))
    t[0, :] = t[:, side // 2] = 1
    ell[:, 0] = ell[-1, :] = 1
    box[0, :] = box[-1, :] = box[:, 0] = box[:, -1] = 1
    return np.array([t.ravel(), ell.ravel(), box.ravel()])


def stored(patterns, rule="hebb") -> Hopfield:
    network = Hopfield(patterns.shape[1])
    network.store(patterns, rule=rule)
    return network


def test_most_alike_finds_the_pair_that_overlaps_most():
    # On the 10 x 10 grid the L and the box share a column, a row and the white inside.
    assert most_alike(drawn_t_l_and_box(10)) == (1, 2, pytest.approx(0.66))
    assert most_alike(drawn_t_l_and_box(10)[:1]) is None


def test_a_t_an_l_and_a_box_under_hebb_get_the_alike_hint_far_below_0138_n():
    network = stored(drawn_t_l_and_box(10))
    assert hopfield_hint(capacity(3, 100, "hebb")) == []  # the load meter sees no problem
    (hint,) = alike_hint(network, ("T", "L", "box"))
    assert hint.text == (
        "'L' and 'box' overlap 0.66, and 2 of the 3 stored patterns are not stable: recall "
        "starting on them moves to a mixture. Hebb's rule mixes patterns this alike long "
        "before its 0.138 N limit, which is for patterns as unlike as random ones."
    )
    assert "pseudo-inverse or Storkey rule" in hint.advice
    for rule in ("pseudoinverse", "storkey"):  # the rules the advice names recall them
        assert alike_hint(stored(drawn_t_l_and_box(10), rule), ("T", "L", "box")) == []


def test_the_alike_hint_stays_quiet_for_random_patterns_two_patterns_and_stable_ones():
    rng = np.random.default_rng(0)
    names = [f"p{k}" for k in range(13)]
    for count in (3, 8, 13):  # up to a load of 0.13: random patterns overlap about 0.1
        assert alike_hint(stored(rng.choice([-1.0, 1.0], size=(count, 100))), names) == []
    assert alike_hint(stored(drawn_t_l_and_box(10)[1:]), ("L", "box")) == []
    # On 7 x 7 the L and box overlap 0.55 but all three shapes stay stable: no hint.
    assert most_alike(drawn_t_l_and_box(7))[2] == pytest.approx(27 / 49)
    assert alike_hint(stored(drawn_t_l_and_box(7)), ("T", "L", "box")) == []
