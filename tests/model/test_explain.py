"""The explained step: the tutorials' numbers, and the engine's arithmetic.

On one machine the explained numbers equal the engine's bit for bit; across
BLAS kernels a matrix product may round its last bit differently, so the
tests hold them to the rounding of a float64 (a relative 1e-13).
"""

# The formulas use the mathematical signs × and − on purpose.
# ruff: noqa: RUF001

import numpy as np
import pytest

from nnsim.engine import MLP, Perceptron
from nnsim.io.examples import load_example
from nnsim.model import compile, new_mlp, new_perceptron
from nnsim.model.explain import explain_step, target_source


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def compiled_without_bias(sizes, weights, activation="sigmoid"):
    document = new_mlp(sizes, activation)
    document.set_property("", "bias", False)
    compiled = compile(document, rng=0)
    compiled.network.weights = [np.array(w, dtype=float) for w in weights]
    return compiled


def assert_same_number(got, engine):
    """``got`` equals the engine's ``engine`` to the rounding of one float64 operation chain."""
    np.testing.assert_allclose(got, engine, rtol=1e-13, atol=1e-15)


def text(stage) -> str:
    return "\n".join(stage.lines)


def test_the_hidden_layer_is_written_out_as_the_tutorial_does():
    compiled = compiled_without_bias((2, 2), [[[0.9, 0.3], [0.2, 0.8]]])
    explained = explain_step(compiled, [1.0, 0.5], [1.0, 0.0], 0.1)
    layer = text(explained.stages[1])
    assert "1 × 0.9 + 0.5 × 0.3 = 1.05" in layer
    assert "sigmoid(1.05) = 0.7408" in layer and "sigmoid(0.6) = 0.6457" in layer
    first = compiled.index  # the neuron notes name the document's neurons
    notes = explained.stages[1].neuron_notes
    hidden = [nid for nid, (layer_index, _) in first.items() if layer_index == 1]
    assert notes[hidden[0]] == "z=1.05\na=0.7408"


def line(stage, start: str) -> str:
    """The one line of ``stage`` that starts with ``start``."""
    found = [one for one in stage.lines if one.strip().startswith(start)]
    assert len(found) == 1, (start, stage.lines)
    return found[0]


def value(line_text: str) -> float:
    """The number a line works out to: what follows its last '= '."""
    return float(line_text.rsplit("= ", 1)[1].split()[0].rstrip(",").replace("−", "-"))


def stage_titled(explained, title):
    return next(stage for stage in explained.stages if stage.title == title)


#: Tutorial 001's derivation of 2.0 → 2.00265, each factor as it prints it (value, decimals).
SEED = {"e": (0.8, 1), "o": (0.909, 3), "slope": (0.083, 3), "gradient": (-0.0265, 4),
        "step": (0.00265, 5), "new": (2.00265, 5)}  # fmt: skip


def test_the_one_update_example_writes_out_every_factor_of_the_tutorials_derivation():
    project = load_example("one_update")
    compiled = compile(project.document, loss=project.settings["loss"], rng=0)
    compiled.network.set_parameters(project.weights, project.biases)
    x, t = project.data.X[0], project.data.T[0]
    source = target_source(project.data, 0)
    explained = explain_step(compiled, x, t, project.settings["learning_rate"], source)
    output = stage_titled(explained, "The output error and δ")
    o, target = line(output, "o₁ ="), line(output, "t₁ =")
    e, slope, delta = line(output, "e₁ ="), line(output, "f′ ="), line(output, "δ₁ =")
    assert o.strip() == "o₁ = sigmoid(2.3) = 0.9089"
    assert round(value(o), 3) == SEED["o"][0]
    # 1.709 is the example's own target: sigmoid(2.3) + 0.8, so that e is the tutorial's 0.8.
    assert target.strip() == f"t₁ = 1.709, {source}" and project.data.description in target
    assert "sample 1's target in the data one_sample" in target
    assert e.strip() == "e₁ = t₁ − o₁ = 1.709 − 0.9089 = 0.8" and value(e) == SEED["e"][0]
    assert slope.strip() == "f′ = σ′(z) = o (1 − o) = 0.9089 × (1 − 0.9089) = 0.08282"
    assert round(value(slope), 3) == SEED["slope"][0]
    assert delta.strip() == "δ₁ = −e₁ × f′ = −0.8 × 0.08282 = −0.06626"
    updates = stage_titled(explained, "Gradients and updates")
    gradient = line(updates, "w[1] 1→1: ∂E/∂w")
    step = updates.lines[updates.lines.index(gradient) + 1]
    assert gradient == "w[1] 1→1: ∂E/∂w = δ × x₁ = (−0.06626) × 0.4 = −0.0265"
    assert step.strip() == "Δw = −η ∂E/∂w = −0.1 × (−0.0265) = 0.00265023"
    new = line(explained.stages[-1], "w[1] 1→1:")
    assert new == "w[1] 1→1: 2 + 0.00265023 = 2.00265"
    for name, shown in (("gradient", gradient), ("step", step), ("new", new)):
        assert round(value(shown), SEED[name][1]) == SEED[name][0], name
    assert "δ has the sign\nopposite to its error" in text(output)


def test_a_hidden_neurons_delta_follows_the_weighted_sum_not_one_error():
    # Hidden outputs 0.5 and 0.5; output 1 saturates near 1 (target 0), output 2 is low (target 1).
    compiled = compiled_without_bias((2, 2, 2), [np.zeros((2, 2)), [[1.0, 7.0], [1.0, 1.0]]])
    explained = explain_step(compiled, [1.0, 0.0], [0.0, 1.0], 0.5)
    output = stage_titled(explained, "The output error and δ")
    e1, e2 = value(line(output, "e₁ =")), value(line(output, "e₂ ="))
    assert e1 == -0.982 and e2 == 0.2689  # errors of opposite signs
    back = stage_titled(explained, "The error sent back")
    lines = [one.strip() for one in back.lines]
    assert "Σₖ wₖⱼ δₖ = 1 × 0.01735 + 1 × (−0.05288) = −0.03553" in lines
    assert "δ₁,₁ = Σₖ wₖⱼ δₖ × f′ = (−0.03553) × 0.25 = −0.008883" in lines
    assert "Σₖ wₖⱼ δₖ = 7 × 0.01735 + 1 × (−0.05288) = 0.06854" in lines
    assert "δ₁,₂ = Σₖ wₖⱼ δₖ × f′ = 0.06854 × 0.25 = 0.01713" in lines
    hidden = explained.gradients[0][:, 0]  # ∂E/∂w = δ × x₁ with x₁ = 1: the hidden δ
    assert np.sign(hidden).tolist() == [-1.0, 1.0]  # each the sign of its Σₖ wₖⱼ δₖ
    # Neuron 1's δ has the sign of e₁, the largest error, and of its Wᵀe: not their opposite.
    assert lines[lines.index("Hidden neuron a₁,₁:") + 2] == "Wᵀe = −0.7131"
    remark = " ".join(back.lines[-5:])
    assert "a hidden δ has the sign of Σₖ wₖⱼ δₖ" in remark
    assert "need not be the sign of any one error, nor its opposite" in remark
    assert "error's opposite" not in remark


@pytest.mark.parametrize(
    ("sizes", "activation", "output", "loss"),
    [
        ((2, 3, 1), "sigmoid", "sigmoid", "sse"),
        ((3, 4, 2, 3), "tanh", "softmax", "cce"),
        ((2, 5, 2), "relu", "linear", "mse"),
        ((2, 3, 1), "tanh", "sigmoid", "bce"),
    ],
)
def test_every_number_is_the_engines(sizes, activation, output, loss):
    document = new_mlp(sizes, activation)
    document.set_property(document.layers[-1].id, "activation", output)
    compiled = compile(document, loss=loss, rng=3)
    net = compiled.network
    net.biases = [np.random.default_rng(1).normal(size=b.shape) for b in net.biases]
    rng = np.random.default_rng(2)
    x = rng.normal(size=sizes[0])
    t = np.eye(sizes[-1])[0] if output == "softmax" else rng.uniform(size=sizes[-1])
    explained = explain_step(compiled, x, t, 0.25)
    for got, engine in zip(explained.outputs, net.forward_all(x[None, :]), strict=True):
        assert_same_number(got, engine[0])
    _, dW, db = net.gradients(x[None, :], t[None, :])
    for got, engine in zip(explained.gradients, dW, strict=True):
        assert_same_number(got, engine)
    deltas = stage_titled(explained, "The output error and δ")
    for k, delta in enumerate(db[-1]):  # each output's δ line ends in the engine's δ
        assert value(line(deltas, f"δ{'₁₂₃'[k]} =")) == float(f"{delta:.4g}")
    stepped = MLP(list(sizes), activation=activation, output_activation=output, loss=loss)
    stepped.weights, stepped.biases = net.weights, net.biases
    stepped.train_epoch(x[None, :], t[None, :], learning_rate=0.25)
    for got, engine in zip(explained.new_weights, stepped.weights, strict=True):
        assert_same_number(got, engine)
    for got, engine in zip(explained.new_biases, stepped.biases, strict=True):
        assert_same_number(got, engine)


def test_the_normalised_rule_moves_a_from_025_to_03083_as_in_the_tutorial():
    document = new_perceptron(1, 1, rule="nlms")
    document.set_property("", "bias", False)
    compiled = compile(document, rng=0)
    compiled.network.weights = [[0.25]]
    explained = explain_step(compiled, [3.0], [1.1], 0.5)
    assert round(explained.new_weights[0][0, 0], 4) == 0.3083
    assert "ΔA = L·E/x" in text(explained.stages[3])
    engine = Perceptron(1, rule="nlms", bias=False)
    engine.weights = [[0.25]]
    engine.train_epoch([[3.0]], [[1.1]], learning_rate=0.5)
    assert_same_number(explained.new_weights[0], engine.weights)


@pytest.mark.parametrize("rule", ["rosenblatt", "lms", "nlms"])
def test_each_perceptron_rule_makes_the_engines_update(rule):
    document = new_perceptron(2, 1, rule=rule)
    compiled = compile(document, rng=4)
    net = compiled.network
    x, t = np.array([0.7, -1.2]), np.array([1.0])
    explained = explain_step(compiled, x, t, 0.3)
    net.train_epoch(x[None, :], t[None, :], learning_rate=0.3)
    assert_same_number(explained.new_weights[0], net.weights)
    assert_same_number(explained.new_biases[0], net.bias)


def test_a_big_layer_is_written_out_in_part_and_noted_in_full():
    compiled = compile(new_mlp((64, 20, 10), "tanh"), rng=0)
    explained = explain_step(compiled, np.linspace(0, 1, 64), np.eye(10)[3], 0.1)
    assert "… and 12 more neurons (on the canvas)." in text(explained.stages[1])
    assert len(explained.stages[1].neuron_notes) == 20
    assert len(explained.stages[-2].connection_notes) == 64 * 20 + 20 * 10


def test_deleted_connections_are_neither_updated_nor_noted():
    document = new_mlp((2, 3, 1), "tanh")
    missing = document.connections[0]
    document.remove(connections=[missing])
    compiled = compile(document, rng=1)
    net = compiled.network
    x, t = np.array([0.5, -1.0]), np.array([0.3])
    explained = explain_step(compiled, x, t, 0.2)
    assert len(explained.stages[-1].connection_notes) == len(document.connections) == 8
    assert missing not in explained.stages[-2].connection_notes
    net.train_epoch(x[None, :], t[None, :], learning_rate=0.2)
    for got, engine in zip(explained.new_weights, net.weights, strict=True):
        assert_same_number(got, engine)


def test_a_perceptron_with_a_deleted_connection_learns_as_the_engine():
    document = new_perceptron(2, 2, rule="lms")
    missing = document.connections[1]
    document.remove(connections=[missing])
    compiled = compile(document, rng=3)
    net = compiled.network
    x, t = np.array([0.8, 0.6]), np.array([1.0, 0.0])
    explained = explain_step(compiled, x, t, 0.5)
    net.train_epoch(x[None, :], t[None, :], learning_rate=0.5)
    assert_same_number(explained.new_weights[0], net.weights)
    assert missing not in explained.stages[-1].connection_notes
    assert "the LMS rule learns from it" in text(explained.stages[2])
    assert [stage.title for stage in explained.stages] == [
        "The inputs", "The net input and the output", "The output error", "The update",
        "The new weights",
    ]  # fmt: skip
