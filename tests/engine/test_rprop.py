"""Rprop (with backtracking, "Rprop+") and iRprop-: crafted steps, then XOR, masks and no biases."""

import numpy as np
import pytest

from nnsim.engine import MLP, TrainingConfig, datasets, train
from nnsim.engine.optimizers import (
    DELTA_MAX,
    DELTA_MIN,
    OPTIMIZERS,
    IRpropMinus,
    Rprop,
    make_optimizer,
)

RESILIENT = ("rprop", "irprop-")


def bowl_steps(optimizer, minimum, steps, start=0.0, rate=0.1):
    """Weights after each update on E = 1/2 (w - minimum)^2 (g = w - minimum), from ``start``."""
    w = np.array([start])
    seen = []
    for _ in range(steps):
        optimizer.step([w], [w - minimum], learning_rate=rate)
        seen.append(float(w[0]))
    return seen


@pytest.mark.parametrize("name", RESILIENT)
def test_the_names_make_the_optimizers_and_want_plain_gradients(name):
    optimizer = make_optimizer(name)
    assert name in OPTIMIZERS
    assert isinstance(optimizer, Rprop if name == "rprop" else IRpropMinus)
    assert optimizer.gradient_scale(0.3) == 1.0


@pytest.mark.parametrize("name", RESILIENT)
def test_the_step_starts_at_the_learning_rate_and_grows_by_1_2_while_the_sign_holds(name):
    # The minimum at 3 is far: the gradient stays negative, each step 1.2 times the last.
    seen = bowl_steps(make_optimizer(name), minimum=3.0, steps=5)
    moves = np.diff([0.0, *seen])
    assert moves == pytest.approx([0.1, 0.12, 0.144, 0.1728, 0.20736], rel=1e-12)


def test_rprop_takes_the_step_back_when_the_sign_flips_and_then_goes_on_with_half():
    # Minimum 0.15: 0 -> 0.1 -> 0.22 (past it, the sign flips) -> back to 0.1, step
    # 0.12 / 2 = 0.06 -> 0.16 (the gradient kept as 0, so this step neither grows nor shrinks).
    optimizer = Rprop()
    seen = bowl_steps(optimizer, minimum=0.15, steps=4)
    assert seen == pytest.approx([0.1, 0.22, 0.1, 0.16], abs=1e-15)
    assert optimizer._steps[0][0] == pytest.approx(0.06, abs=1e-15)


def test_irprop_minus_stays_put_after_a_flip_and_halves_the_step():
    # Minimum 0.15: 0 -> 0.1 -> 0.22; the sign flips: no move, step 0.06, gradient zeroed;
    # next the gradient (+0.07) meets the zero: step kept, 0.22 - 0.06 = 0.16; then the sign
    # holds (+0.01): step 0.072, 0.16 - 0.072 = 0.088.
    optimizer = IRpropMinus()
    seen = bowl_steps(optimizer, minimum=0.15, steps=5)
    assert seen == pytest.approx([0.1, 0.22, 0.22, 0.16, 0.088], abs=1e-15)
    assert optimizer._previous[0][0] == pytest.approx(0.01, abs=1e-15)


@pytest.mark.parametrize("name", RESILIENT)
def test_steps_stay_within_their_bounds(name):
    far = make_optimizer(name)
    bowl_steps(far, minimum=1e9, steps=60)  # 0.1 * 1.2^59 would be 4.7e3
    assert far._steps[0][0] == DELTA_MAX
    shaken = make_optimizer(name)
    w = np.zeros(1)
    for k in range(80):  # the gradient's sign flips every update
        shaken.step([w], [np.array([(-1.0) ** k])], learning_rate=0.1)
    assert shaken._steps[0][0] == DELTA_MIN


@pytest.mark.parametrize("name", RESILIENT)
def test_a_zero_gradient_never_moves_a_weight(name):
    optimizer = make_optimizer(name)
    w = np.array([0.0, 0.5])
    for g in ([0.0, 1.0], [0.0, -1.0], [0.0, 1.0], [0.0, 0.0], [0.0, 2.0]):
        optimizer.step([w], [np.array(g)], learning_rate=0.25)
        assert w[0] == 0.0 and not np.signbit(w[0])


def solve_xor(name, seed, max_epochs=500, **net_options):
    net = MLP([2, 4, 1], rng=seed, **net_options)
    config = TrainingConfig(
        learning_rate=0.1, optimizer=name, max_epochs=max_epochs, target_error=1e-3
    )
    run = train(net, datasets.xor(), config)
    while True:
        try:
            next(run)
        except StopIteration as finished:
            return net, finished.value


@pytest.mark.parametrize("name", RESILIENT)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_xor_is_learned_full_batch_in_a_few_hundred_epochs(name, seed):
    # Measured on seeds 0-9: 36-105 epochs (sgd with learning rate 0.5 takes 7,700-10,100).
    _, summary = solve_xor(name, seed)
    assert summary.stop_reason == "target_error" and summary.accuracy == 1.0


@pytest.mark.parametrize("name", RESILIENT)
def test_removed_connections_stay_exactly_zero(name):
    net = MLP([2, 4, 1], rng=3)
    mask = np.ones((4, 2))
    mask[0, 1] = mask[2, 0] = 0.0
    net.masks = [mask, np.ones((1, 4))]
    data = datasets.xor()
    for _ in range(200):
        net.train_epoch(data.X, data.T, learning_rate=0.1, optimizer=name, l1=1e-3, l2=1e-3)
    W = net.weights[0]
    assert W[0, 1] == 0.0 and W[2, 0] == 0.0
    assert np.count_nonzero(W) == 6


@pytest.mark.parametrize("name", RESILIENT)
def test_a_network_without_biases_keeps_them_zero(name):
    net = MLP([2, 4, 1], rng=5, bias=False)
    data = datasets.xor()
    before = [W.copy() for W in net.weights]
    for _ in range(50):
        net.train_epoch(data.X, data.T, learning_rate=0.1, optimizer=name)
    assert all(not b.any() for b in net.biases)
    assert not all(np.array_equal(a, b) for a, b in zip(before, net.weights, strict=True))


@pytest.mark.parametrize("name", RESILIENT)
def test_mini_batches_still_run(name):
    net = MLP([2, 4, 1], rng=0)
    data = datasets.xor()
    first = net.loss_value(data.X, data.T)
    for _ in range(300):
        net.train_epoch(data.X, data.T, learning_rate=0.1, optimizer=name, batch_size=2)
    assert net.loss_value(data.X, data.T) < first
