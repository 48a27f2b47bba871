"""Explain a Step with dropout: the sample's mask, drawn again for the same seed, epoch and
sample, applied forward and backward as a training step applies it.

The hand computations hold to the rounding of a float64 (see tests/model/test_explain.py);
the engine's own passes with the same mask are equal bit for bit on one machine.
"""

# The formulas use the mathematical signs × and − on purpose.
# ruff: noqa: RUF001

import numpy as np
import pytest

from nnsim.engine.mlp_skips import forward
from nnsim.model import compile, new_mlp
from nnsim.model.explain import explain_step
from nnsim.model.explain_dropout import DropoutDraw, dropped_pass

W1 = np.array([[0.5, -0.4], [0.9, 0.3], [-0.7, 0.8]])
B1 = np.array([0.1, -0.2, 0.05])
W2 = np.array([[0.6, -1.1, 0.4]])
B2 = np.array([0.3])
X, T, RATE = np.array([1.0, 0.5]), np.array([1.0]), 0.25  # RATE: the learning rate η
KEPT_DROPPED_KEPT = [True, False, True]


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def crafted(dropout: float):
    """The 2-3-1 sigmoid network above (sse loss), ``dropout`` on its hidden layer."""
    document = new_mlp((2, 3, 1))
    document.set_property(document.layers[1].id, "dropout", dropout)
    compiled = compile(document, rng=0)
    compiled.network.weights = [W1.copy(), W2.copy()]
    compiled.network.biases = [B1.copy(), B2.copy()]
    return document, compiled


def uniforms(draw: DropoutDraw, n: int) -> np.ndarray:
    """The draws u of a network's one layer with dropout, as a person would take them again."""
    return np.random.default_rng([draw.seed, draw.epoch, draw.sample]).random(n)


def draw_keeping(kept: list[bool], rate: float = 0.5) -> DropoutDraw:
    """The first draw (seed 7, epoch 4, some sample) whose mask keeps ``kept``."""
    for sample in range(1, 200):
        draw = DropoutDraw(7, 4, sample)
        if list(uniforms(draw, len(kept)) >= rate) == kept:
            return draw
    raise AssertionError("no such draw")  # 1 in 8 draws keeps a given pattern of 3


def by_hand(mask):
    """One sgd step on (X, T) with hidden mask ``mask`` (0 or 1/(1 − p) per neuron)."""
    a = sigmoid(W1 @ X + B1)
    kept = a * mask
    o = sigmoid(W2 @ kept + B2)
    delta_out = -(T - o) * o * (1 - o)  # sse: E = ½ Σ (t − o)²
    delta_hidden = (W2.T @ delta_out) * a * (1 - a) * mask
    dW = [np.outer(delta_hidden, X), np.outer(delta_out, kept)]
    return {
        "outputs": [X, kept, o],
        "gradients": dW,
        "new_weights": [W1 - RATE * dW[0], W2 - RATE * dW[1]],
        "new_biases": [B1 - RATE * delta_hidden, B2 - RATE * delta_out],
        "delta_hidden": delta_hidden,
    }


def assert_close(got, expected):
    for one, other in zip(got, expected, strict=True):
        np.testing.assert_allclose(one, other, rtol=1e-13, atol=1e-15)


@pytest.fixture
def explained():
    draw = draw_keeping(KEPT_DROPPED_KEPT)
    document, compiled = crafted(0.5)
    return draw, document, compiled, explain_step(compiled, X, T, RATE, "", draw)


def test_the_numbers_are_a_hand_step_with_the_drawn_mask(explained):
    _draw, _document, _compiled, step = explained
    expected = by_hand(np.array([2.0, 0.0, 2.0]))
    assert_close(step.outputs, expected["outputs"])
    assert_close(step.gradients, expected["gradients"])
    assert_close(step.new_weights, expected["new_weights"])
    assert_close(step.new_biases, expected["new_biases"])
    assert step.outputs[1][1] == 0.0 and step.outputs[1][0] != 0.0


def test_a_dropped_neurons_weights_in_and_out_do_not_move(explained):
    _draw, _document, _compiled, step = explained
    assert step.new_weights[1][0, 1] == W2[0, 1], "its outgoing weight"
    np.testing.assert_array_equal(step.new_weights[0][1], W1[1])  # its incoming weights
    assert step.new_biases[0][1] == B1[1]
    assert (step.new_weights[1][0, [0, 2]] != W2[0, [0, 2]]).all(), "the kept ones learn"


def test_the_numbers_are_the_engines_own_passes_with_the_same_mask(explained):
    draw, _document, compiled, step = explained
    net = compiled.network
    keep = [np.array([[2.0, 0.0, 2.0]]), None]
    outputs, _whole = forward(net, X[None, :], keep)  # the training forward pass
    for got, engine in zip(step.outputs, outputs, strict=True):
        np.testing.assert_array_equal(got, engine[0])
    _loss, grads = net._backprop(X[None, :], T[None, :], keep=keep)  # the training backward pass
    for got, engine in zip(step.gradients, grads[0::2], strict=True):
        np.testing.assert_array_equal(got, engine)
    _loss, dW, _db = net.gradients(X[None, :], T[None, :], dropout_rng=draw.generator())
    for got, engine in zip(step.gradients, dW, strict=True):
        np.testing.assert_array_equal(got, engine)


def test_the_layer_shows_the_draws_the_mask_and_the_scaled_outputs(explained):
    draw, document, _compiled, step = explained
    u = uniforms(draw, 3)
    a = sigmoid(W1 @ X + B1)
    layer = "\n".join(next(s for s in step.stages if s.title.startswith("Layer 1")).lines)
    assert f"numpy.random.default_rng([7, 4, {draw.sample}])" in layer
    assert f"the seed 7, epoch 4 (the weights shown) and sample {draw.sample}" in layer
    assert f"ã₁,₁ = {a[0]:.4g} × 2 = {2 * a[0]:.4g}  (u = {u[0]:.4g} ≥ 0.5: kept)" in layer
    assert f"ã₁,₂ = 0  (u = {u[1]:.4g} < 0.5: dropped)" in layer
    assert "This mask drops 1 of the layer's 3 neurons." in layer
    hidden = document.neurons_of(document.layers[1].id)
    notes = next(s for s in step.stages if s.title.startswith("Layer 1")).neuron_notes
    assert notes[hidden[1]].endswith("\ndropped: ã=0")
    assert notes[hidden[0]].endswith(f"\nã={2 * a[0]:.4g}")


def test_the_error_sent_back_and_the_updates_show_the_mask(explained):
    _draw, document, _compiled, step = explained
    back = next(s for s in step.stages if "sent back" in s.title)
    delta = by_hand(np.array([2.0, 0.0, 2.0]))["delta_hidden"]
    deltas = [line for line in back.lines if "× f′ × m =" in line]
    assert len(deltas) == 3 and deltas[1].endswith(" × 0 = 0"), deltas
    assert deltas[0].endswith(f" × 2 = {delta[0]:.4g}".replace("-", "−"))
    assert any("a hidden δ is also multiplied by its neuron's m" in line for line in back.lines)
    updates = next(s for s in step.stages if "Gradients" in s.title)
    hidden, (output,) = (document.neurons_of(layer.id) for layer in document.layers[1:])
    assert updates.connection_notes[(hidden[1], output)] == "Δw=0"
    assert any(line.startswith("w[2] 2→1: ∂E/∂w = δ × ã₁,₂") for line in updates.lines)


def test_the_same_seed_epoch_and_sample_draw_the_same_mask_and_others_differ():
    _document, compiled = crafted(0.5)
    masks = set()
    for epoch in range(12):
        draw = DropoutDraw(3, epoch, 2)
        once, again = (
            dropped_pass(compiled.network, X, draw),
            dropped_pass(compiled.network, X, DropoutDraw(3, epoch, 2)),
        )
        np.testing.assert_array_equal(once.keep[0], again.keep[0])
        np.testing.assert_array_equal(once.keep[0] > 0, uniforms(draw, 3) >= 0.5)
        masks.add(tuple(once.keep[0]))
        assert once.keep[1] is None, "the output layer has no dropout"
    assert len(masks) > 1, "another epoch draws another mask"
    first = explain_step(compiled, X, T, RATE, "", DropoutDraw(3, 0, 2))
    second = explain_step(compiled, X, T, RATE, "", DropoutDraw(3, 0, 2))
    assert first.stages == second.stages


def test_a_rate_other_than_a_half_scales_kept_outputs_by_its_own_factor():
    draw = draw_keeping([True, True, False], rate=0.3)
    _document, compiled = crafted(0.3)
    step = explain_step(compiled, X, T, RATE, "", draw)
    expected = by_hand(np.array([1, 1, 0]) / (1 - 0.3))
    assert_close(step.outputs, expected["outputs"])
    assert_close(step.gradients, expected["gradients"])
    layer = "\n".join(step.stages[1].lines)
    assert "m = 1/(1 − 0.3) = 1.429" in layer


def test_without_dropout_the_explanation_is_unchanged():
    _document, compiled = crafted(0.0)
    today = explain_step(compiled, X, T, RATE, "its target")
    drawn = explain_step(compiled, X, T, RATE, "its target", DropoutDraw(7, 4, 1))
    assert drawn.stages == today.stages
    for name in ("outputs", "gradients", "new_weights", "new_biases"):
        for got, before in zip(getattr(drawn, name), getattr(today, name), strict=True):
            np.testing.assert_array_equal(got, before)
    assert_close(today.gradients, by_hand(np.ones(3))["gradients"])
    shown = "\n".join(line for stage in drawn.stages for line in stage.lines)
    assert "ã" not in shown and "dropout" not in shown.lower() and "× m" not in shown


def test_a_skip_from_a_dropped_layer_carries_the_masked_output():
    document = new_mlp((1, 2, 2, 1))
    layers = [document.neurons_of(layer.id) for layer in document.layers]
    document.connect(layers[1][0], layers[3][0])  # hidden 1 -> the output, past hidden 2
    document.set_property(document.layers[1].id, "dropout", 0.5)
    compiled = compile(document, rng=2)
    net = compiled.network
    x, t, draw = np.array([0.7]), np.array([0.2]), DropoutDraw(1, 2, 3)
    step = explain_step(compiled, x, t, 0.1, "", draw)
    keep = [np.array([dropped_pass(net, x, draw).keep[0]]), None, None]
    outputs, _whole = forward(net, x[None, :], keep)
    for got, engine in zip(step.outputs, outputs, strict=True):
        np.testing.assert_array_equal(got, engine[0])
    _loss, dW, _db = net.gradients(x[None, :], t[None, :], dropout_rng=draw.generator())
    for got, engine in zip(step.gradients, dW, strict=True):
        np.testing.assert_array_equal(got, engine)
